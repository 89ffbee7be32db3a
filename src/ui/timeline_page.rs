//! The timeline view.

use super::ctx::{use_ctx, Data};
use super::events_page::EventsPage;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn TimelinePage(data: Arc<Data>) -> impl IntoView {
    let _ = use_ctx();
    view! { <EventsPage data=data/> }
}
