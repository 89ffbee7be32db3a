//! An in-app link: a real `<a href>` (so it can be opened in a new tab, copied, crawled), whose
//! plain click changes the state without reloading.

use super::ctx::use_ctx;
use crate::core::route::State;
use crate::web::history;
use leptos::prelude::*;

#[component]
pub fn Link(
    /// Where the link goes. A signal where it depends on the current state (an event opened over
    /// the current filters), so a row kept across a filter change still links to the present.
    #[prop(into)]
    to: Signal<State>,
    children: Children,
    #[prop(optional, into)] class: Option<String>,
    /// Marks the link as the current page or section for assistive technology.
    #[prop(optional, into)]
    current: Option<Signal<bool>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // Let the browser handle new-tab and download gestures.
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        ctx.go(to.get_untracked());
    };
    view! {
        <a
            href=move || to.with(history::href)
            class=class
            aria-current=move || current.and_then(|c| c.get().then_some("page"))
            on:click=on_click
        >
            {children()}
        </a>
    }
}
