//! The layout the events, timeline and resources views share: search and filters on one side,
//! the active filters as chips above the results on the other.

use super::ctx::{use_ctx, Data};
use super::facets::{Chips, FilterPanel};
use super::search_box::SearchBox;
use crate::core::query::Facet;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Explore(
    data: Arc<Data>,
    facets: Memo<Vec<Facet>>,
    search_label: &'static str,
    /// Filters resources (kind, language, year) rather than events.
    #[prop(optional)]
    resources: bool,
    children: Children,
) -> impl IntoView {
    let t = use_ctx().messages();
    #[cfg(target_arch = "wasm32")]
    let filters = view! {
        <SearchBox label=search_label placeholder=t.search_events_placeholder/>
        <FilterPanel data=data.clone() facets=facets resources=resources/>
    };
    // A static page lists every entry; its filters would do nothing until the app runs.
    #[cfg(not(target_arch = "wasm32"))]
    let filters = if super::prerender::is_static() {
        let note = super::prerender::static_text(&use_ctx().lang.get_untracked()).filters_need_js;
        view! { <p class="static-note">{note}</p> }.into_any()
    } else {
        view! {
            <SearchBox label=search_label placeholder=t.search_events_placeholder/>
            <FilterPanel data=data.clone() facets=facets resources=resources/>
        }
        .into_any()
    };
    view! {
        <div class="explore">
            <div class="explore__filters">{filters}</div>
            <div class="explore__results">
                <Chips data=data resources=resources/>
                {children()}
            </div>
        </div>
    }
}
