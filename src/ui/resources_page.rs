//! Resources (reports, posts, news) with the same filters and search as events.

use super::ctx::{use_ctx, Data};
use super::downloads::Downloads;
use super::events_page::PAGE;
use super::explore::Explore;
use super::resource_item::ResourceItem;
use crate::core::facet::Filters;
use crate::core::paging::{self, Grown};
use crate::i18n::number;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ResourcesPage(data: Arc<Data>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let results = {
        let data = data.clone();
        Memo::new(move |_| ctx.filters.with(|f| data.resources(f)))
    };
    let facets = Memo::new(move |_| results.with(|r| r.facets.clone()));
    // How many rows show: a page for new results, more where the reader asked for more for
    // these same filters.
    let grown = RwSignal::new(None::<Grown<Filters>>);
    let shown = Memo::new(move |_| {
        let len = results.with(|r| r.hits.len());
        ctx.filters
            .with(|f| paging::window(grown.get().as_ref(), f, || 0..PAGE.min(len)))
    });
    let total = move || results.with(|r| r.hits.len());
    let rows =
        Memo::new(move |_| results.with(|r| r.hits[..shown.get().end.min(r.hits.len())].to_vec()));
    let more = move || {
        let window = paging::later(shown.get_untracked(), total(), PAGE);
        grown.set(Some(Grown {
            key: ctx.filters.get_untracked(),
            window,
        }));
    };
    // Only emptiness decides between the message and the list, so the list and its rows are
    // kept across updates.
    let empty = Memo::new(move |_| results.with(|r| r.hits.is_empty()));
    let list = {
        let data = data.clone();
        move || {
            if empty.get() {
                return view! { <p class="empty">{t.no_results}</p> }.into_any();
            }
            let data = data.clone();
            let remaining = move || total().saturating_sub(shown.get().end);
            view! {
                <ul class="resource-list">
                    <For each=move || rows.get() key=|h| *h children=move |h| view! { <ResourceItem data=data.clone() index=h as usize query=ctx.q/> }/>
                </ul>
                {move || (remaining() > 0).then(|| view! {
                    <p class="show-more"><button type="button" class="button" on:click=move |_| more()>
                        {t.show_more.format_with(remaining().min(PAGE), &[("total", &number(remaining() as u64, &ctx.lang.get_untracked()))])}
                    </button></p>
                })}
            }
            .into_any()
        }
    };
    view! {
        <div class="page page--resources">
            <header class="page-head">
                <h1>{t.nav_resources}</h1>
                <p class="result-count" role="status" aria-live="polite">
                    {move || t.n_resources.format(results.with(|r| r.hits.len()))}
                </p>
                <Downloads data=data.clone() results=results resources=true/>
            </header>
            <Explore data=data.clone() facets=facets search_label=t.search_resources resources=true>
                {list}
            </Explore>
        </div>
    }
}
