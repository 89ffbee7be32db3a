//! The embed-code builder.

use super::ctx::{use_ctx, Data};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EmbedPage(data: Arc<Data>) -> impl IntoView {
    let t = use_ctx().messages();
    let _ = data;
    view! { <div class="page"><h1>{t.nav_embed}</h1></div> }
}
