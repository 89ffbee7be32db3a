//! Dataset text on the page: explainer blocks, sources, and search highlights. All of it is
//! inserted as text nodes, never as HTML, so markup in the data is shown, not run.

use super::ctx::{use_ctx, Data};
use crate::core::model::{Block, Link, Source};
use crate::core::search::{segments, Query};
use crate::core::text::Text;
use leptos::prelude::*;
use std::sync::Arc;

/// `lang` and `dir` for an element showing `text`, set only where it shows in another language
/// than the page's (a missing translation falls back to the dataset's language), so screen
/// readers, fonts and the bidirectional algorithm treat it as what it is.
pub fn lang_attrs(data: &Data, text: &Text) -> (Option<String>, Option<&'static str>) {
    match data.foreign_lang(text) {
        Some(l) => (
            Some(l.to_owned()),
            Some(if crate::core::text::is_rtl(l) {
                "rtl"
            } else {
                "ltr"
            }),
        ),
        None => (None, None),
    }
}

/// A dataset text inline, in a `<span lang dir>` where it is foreign to the page.
pub fn in_lang(data: &Data, text: &Text) -> AnyView {
    let s = data.t(text).to_owned();
    match lang_attrs(data, text) {
        (Some(l), d) => view! { <span lang=l dir=d>{s}</span> }.into_any(),
        _ => s.into_any(),
    }
}

#[component]
pub fn Blocks(data: Arc<Data>, blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(t) => {
                let (l, d) = lang_attrs(&data, &t);
                view! { <p lang=l dir=d>{data.t(&t).to_owned()}</p> }.into_any()
            }
            Block::List(items) => view! {
                <ul class="prose-list">{items.iter().map(|t| { let (l, d) = lang_attrs(&data, t); view! { <li lang=l dir=d>{data.t(t).to_owned()}</li> } }).collect_view()}</ul>
            }
            .into_any(),
        })
        .collect_view()
}

/// Sources as a compact list of links: title if given, else the site's host name.
#[component]
pub fn Sources(
    data: Arc<Data>,
    sources: Vec<Source>,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let t = use_ctx().messages();
    if sources.is_empty() {
        return view! { <span class="mark mark--unsourced">{t.no_source}</span> }.into_any();
    }
    let items = sources
        .into_iter()
        .map(|s| {
            let label = s
                .title
                .as_ref()
                .map(|x| data.t(x).to_owned())
                .unwrap_or_else(|| s.url.host().to_owned());
            view! { <li><a href=s.url.as_str().to_owned() rel="noopener external">{label}</a></li> }
        })
        .collect_view();
    let class = if inline {
        "sources sources--inline"
    } else {
        "sources"
    };
    view! {
        <div class=class>
            <span class="sources__label">{if inline { t.source_inline } else { t.sources }}</span>
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}

#[component]
pub fn Links(data: Arc<Data>, links: Vec<Link>) -> impl IntoView {
    view! {
        <ul class="links">
            {links.into_iter().map(|l| view! {
                <li><a href=l.url.as_str().to_owned() rel="noopener external">{data.t(&l.title).to_owned()}</a></li>
            }).collect_view()}
        </ul>
    }
}

/// `text` with the words matching the search `query` wrapped in `<mark>`. The marks follow the
/// query in place, so a kept row is re-marked rather than rebuilt as the reader types.
#[component]
pub fn Highlight(text: String, #[prop(into)] query: Signal<String>) -> impl IntoView {
    move || {
        let marks = query.with(|q| Query::new(q).highlights(&text));
        if marks.is_empty() {
            return text.clone().into_any();
        }
        segments(&text, &marks)
            .into_iter()
            .map(|(s, m)| {
                if m {
                    view! { <mark>{s.to_owned()}</mark> }.into_any()
                } else {
                    s.to_owned().into_any()
                }
            })
            .collect_view()
            .into_any()
    }
}
