//! The search field of a filtered view. Typing replaces the URL (no history entry per key); the
//! results follow at once.

use super::ctx::use_ctx;
use leptos::prelude::*;

#[component]
pub fn SearchBox(#[prop(into)] label: String, #[prop(into)] placeholder: String) -> impl IntoView {
    let ctx = use_ctx();
    let value = move || ctx.state.with(|s| s.filters.q.clone());
    view! {
        <div class="search-box">
            <label for="filter-q">{label}</label>
            <input
                id="filter-q"
                type="search"
                autocomplete="off"
                placeholder=placeholder
                prop:value=value
                on:input:target=move |ev| {
                    let q: String = ev.target().value().chars().take(crate::core::route::MAX_QUERY_CHARS).collect();
                    let mut s = ctx.state.get_untracked();
                    s.filters.q = q.trim().to_owned();
                    ctx.replace(s);
                }
            />
        </div>
    }
}
