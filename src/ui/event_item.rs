//! One event in a list: when, what, which process, where, and how sure we are. A row is keyed
//! by its event alone: its link, search marks and tense follow the present state in place.

use super::ctx::{use_ctx, Data};
use super::link::Link;
use super::marks::{TenseMark, Unconfirmed};
use super::prose::{lang_attrs, Highlight};
use super::when::When;
use crate::core::date::tense;
use crate::core::route::View;
use crate::web::intl;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EventItem(
    data: Arc<Data>,
    index: usize,
    /// The search whose words are marked in the title.
    #[prop(optional, into)]
    query: Option<Signal<String>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let e = &data.catalog.events[index];
    let (start, end) = (e.start, e.end);
    let tense = Memo::new(move |_| tense(start, end, ctx.today.get()));
    let open = ctx.event_link(e.id.clone());
    let title = data.t(&e.title).to_owned();
    let (title_lang, title_dir) = lang_attrs(&data, &e.title);
    let kind = data.event_kind_label(index).to_owned();
    let place = place(&data, index, &ctx.lang.get_untracked());
    let processes = e
        .processes
        .iter()
        .filter_map(|id| data.catalog.process(id.as_str()))
        .enumerate()
        .map(|(n, (p, proc_))| {
            let to = ctx
                .state
                .get_untracked()
                .goto(View::Process(proc_.id.clone()));
            let name = data.process_name(p).to_owned();
            view! { {(n > 0).then_some(ctx.messages().list_separator)}<Link to=to class="event__process">{name}</Link> }
        })
        .collect_view();
    let query = query.unwrap_or_default();
    view! {
        <li class="event" data-tense=move || tense.get().key() data-event=e.id.to_string() class:event--tentative=e.tentative>
            <div class="event__date"><When start=e.start end=e.end tentative=e.tentative/></div>
            <div class="event__body">
                <p class="event__title" lang=title_lang dir=title_dir>
                    <Link to=open><Highlight text=title query=query/></Link>
                </p>
                <p class="event__meta">
                    <span class="event__kind">{kind}</span>
                    " · " {processes}
                    {place.map(|p| view! { " · " <span class="event__place">{p}</span> })}
                    " " <TenseMark tense=tense/>
                    {(!e.confirmed).then(|| view! { " " <Unconfirmed/> })}
                </p>
            </div>
        </li>
    }
}

/// "New York, United States", "Online", or nothing.
pub fn place(data: &Data, index: usize, lang: &str) -> Option<String> {
    let l = data.catalog.events[index].location.as_ref()?;
    let mut parts = Vec::new();
    if let Some(v) = &l.venue {
        parts.push(data.t(v).to_owned());
    }
    if let Some(c) = &l.city {
        parts.push(data.t(c).to_owned());
    }
    if let Some(code) = &l.country {
        parts.push(
            intl::country(crate::i18n::dates::intl_locale(lang), code.as_str())
                .unwrap_or_else(|| code.as_str().to_owned()),
        );
    }
    let t = use_ctx().messages();
    if l.online {
        parts.push(t.online.to_owned());
    }
    (!parts.is_empty()).then(|| parts.join(t.list_separator))
}
