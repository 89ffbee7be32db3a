//! Which pages each entry page's wasm holds (`core::entry`). A page left out of an entry's table
//! is left out of that wasm, so the embed builder costs the tracker's readers no bytes; a view
//! of the other entry never renders here, as `history` has sent the reader there.

use super::ctx::Data;
use super::{
    about_page, embed_page, events_page, overview, process_page, resources_page, search_page,
    timeline_page,
};
use crate::core::route::View;
use leptos::prelude::*;
use std::sync::Arc;

/// The page of `view` over a loaded dataset.
pub type Pages = fn(View, Arc<Data>) -> AnyView;

/// `index.html`: every view but the embed builder.
pub fn tracker(view: View, d: Arc<Data>) -> AnyView {
    match view {
        View::Overview => overview::Overview(overview::OverviewProps { data: d }).into_any(),
        View::Process(id) => view! { <process_page::ProcessPage data=d id=id/> }.into_any(),
        View::Events => view! { <events_page::EventsPage data=d/> }.into_any(),
        View::Timeline => view! { <timeline_page::TimelinePage data=d/> }.into_any(),
        View::Resources => view! { <resources_page::ResourcesPage data=d/> }.into_any(),
        View::Search => view! { <search_page::SearchPage data=d/> }.into_any(),
        View::About => view! { <about_page::AboutPage data=d/> }.into_any(),
        View::Embed => ().into_any(),
    }
}

/// `embed-builder.html`: the builder alone.
pub fn embed_builder(view: View, d: Arc<Data>) -> AnyView {
    match view {
        View::Embed => view! { <embed_page::EmbedPage data=d/> }.into_any(),
        _ => ().into_any(),
    }
}
