//! CSS media queries as signals, for layout decisions the stylesheet alone cannot make (which
//! component to render at all).

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// Phones: the vertical timeline, filters folded away.
pub const NARROW: &str = "(max-width: 40rem)";

thread_local! {
    // One listener per query for the life of the page, shared by every component that asks.
    static QUERIES: RefCell<Vec<(&'static str, ArcRwSignal<bool>)>> = const { RefCell::new(Vec::new()) };
}

/// A signal that follows a CSS media query.
pub fn media_query(query: &'static str) -> ArcRwSignal<bool> {
    if let Some(s) = QUERIES.with(|q| {
        q.borrow()
            .iter()
            .find(|(k, _)| *k == query)
            .map(|(_, s)| s.clone())
    }) {
        return s;
    }
    let mql = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
    let matches = ArcRwSignal::new(mql.as_ref().is_some_and(|m| m.matches()));
    if let Some(m) = mql {
        let sig = matches.clone();
        let cb = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(
            move |e: web_sys::MediaQueryListEvent| {
                sig.set(e.matches());
            },
        );
        let _ = m.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
        cb.forget();
    }
    QUERIES.with(|q| q.borrow_mut().push((query, matches.clone())));
    matches
}
