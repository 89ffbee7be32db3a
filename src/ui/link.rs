//! An in-app link: a real `<a href>` (so it can be opened in a new tab, copied, crawled), whose
//! plain click changes the state without reloading.

use super::ctx::use_ctx;
use crate::core::route::State;
use crate::web::history;
use leptos::prelude::*;

/// Where a link goes: a fixed state (a process page), or one that follows the present state (an
/// event opened over the current filters), so a row kept across a filter change still links to
/// the present. A fixed target costs no reactive effect, which matters in long lists.
#[derive(Clone)]
pub enum LinkTo {
    Fixed(Box<State>),
    Live(Signal<State>),
}

impl From<State> for LinkTo {
    fn from(s: State) -> LinkTo {
        LinkTo::Fixed(Box::new(s))
    }
}

impl From<Signal<State>> for LinkTo {
    fn from(s: Signal<State>) -> LinkTo {
        LinkTo::Live(s)
    }
}

#[component]
pub fn Link(
    #[prop(into)] to: LinkTo,
    children: Children,
    #[prop(optional, into)] class: Option<String>,
    /// Marks the link as the current page or section for assistive technology.
    #[prop(optional, into)]
    current: Option<Signal<bool>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let target = to.clone();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // Let the browser handle new-tab and download gestures.
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        ctx.go(match &target {
            LinkTo::Fixed(s) => (**s).clone(),
            LinkTo::Live(s) => s.get_untracked(),
        });
    };
    let href = match to {
        LinkTo::Fixed(s) => Signal::stored(history::href(&s)),
        LinkTo::Live(s) => Signal::derive(move || s.with(history::href)),
    };
    let current = current.map(|c| move || c.get().then_some("page"));
    view! {
        <a href=href class=class aria-current=current on:click=on_click>
            {children()}
        </a>
    }
}
