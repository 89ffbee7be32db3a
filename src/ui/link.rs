//! An in-app link: a real `<a href>` (so it can be opened in a new tab, copied, crawled), whose
//! plain click changes the state without reloading.

use super::ctx::use_ctx;
use crate::core::route::State;
use crate::web::history;
use leptos::prelude::*;

#[component]
pub fn Link(
    to: State,
    children: Children,
    #[prop(optional, into)] class: Option<String>,
    /// Marks the link as the current page or section for assistive technology.
    #[prop(optional, into)]
    current: Option<Signal<bool>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let href = history::href(&to);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // Let the browser handle new-tab and download gestures.
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        ctx.go(to.clone());
    };
    view! {
        <a
            href=href
            class=class
            aria-current=move || current.and_then(|c| c.get().then_some("page"))
            on:click=on_click
        >
            {children()}
        </a>
    }
}
