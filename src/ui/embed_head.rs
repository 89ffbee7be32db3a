//! The embed builder's heading and purpose. The builder shows it, and so does its page before
//! the builder's wasm has started (`prerender::render_builder`): one component, so the two agree
//! and the hand-over moves nothing.

use super::ctx::use_ctx;
use leptos::prelude::*;

#[component]
pub fn EmbedHead() -> impl IntoView {
    let t = use_ctx().messages();
    view! {
        <header class="page-head">
            <h1>{t.nav_embed}</h1>
            <p class="lead">{t.embed_intro}</p>
        </header>
    }
}
