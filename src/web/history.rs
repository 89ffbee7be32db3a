//! The query string is the app's state. Reading it, writing it (push or replace) and hearing the
//! back/forward buttons all happen here.

use crate::core::entry::{self, Entry};
use crate::core::route::State;
use std::cell::Cell;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The state the current URL describes, as this entry page starts it.
pub fn current() -> State {
    let search = window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    entry::start(RUNNING.with(Cell::get), State::from_query(&search))
}

thread_local! {
    static PATH: String = window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "./".into());
}

/// The path the app is served from; every in-app link keeps it, so the app works at any sub-path.
/// The app never changes it, so it is read once (every link needs it).
pub fn path() -> String {
    PATH.with(Clone::clone)
}

thread_local! {
    static RUNNING: Cell<Entry> = const { Cell::new(Entry::Tracker) };
}

/// Which entry page this wasm is (`core::entry`); its `main` says so before anything reads a URL.
pub fn set_entry(e: Entry) {
    RUNNING.with(|r| r.set(e));
}

/// The URL of `state` relative to the site root, for `href`s: on this page, or on the other
/// entry page when its view is there.
pub fn href(state: &State) -> String {
    entry::href(&path(), RUNNING.with(Cell::get), state)
}

/// Whether `state`'s view is on this entry page; if not, a move there is a page load.
fn here(state: &State) -> bool {
    Entry::of(&state.view) == RUNNING.with(Cell::get)
}

/// Sends the reader to the other entry page when `state`'s view is there (`replace`: without a
/// history entry, for a URL that named it). `true` if the page is leaving.
pub fn leave_for(state: &State, replace: bool) -> bool {
    if here(state) {
        return false;
    }
    if let Some(w) = window() {
        let url = href(state);
        let loc = w.location();
        let _ = if replace {
            loc.replace(&url)
        } else {
            loc.assign(&url)
        };
    }
    true
}

/// The absolute URL of `state`, for sharing and embedding.
pub fn absolute(state: &State) -> String {
    let origin = window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", href(state))
}

/// The absolute URL of the folder the app is served from, ending in `/`: the files beside
/// `index.html` (the data, the calendars, `embed.js`) are reached through it, however the app
/// was opened (`…/`, `…/index.html`).
pub fn folder() -> String {
    let origin = window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let path = path();
    let dir = path.rfind('/').map(|i| &path[..=i]).unwrap_or("/");
    format!("{origin}{dir}")
}

pub fn push(state: &State) {
    write(state, false)
}

pub fn replace(state: &State) {
    write(state, true)
}

fn write(state: &State, replace: bool) {
    let Some(h) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    let url = href(state);
    let r = if replace {
        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if r.is_err() {
        web_sys::console::warn_1(&"history update refused".into());
    }
}

/// Today's date on the reader's clock.
pub fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// Scroll to the top and put focus on the page's main heading, as a page load would.
pub fn focus_main_heading() {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    if let Ok(Some(h)) = doc.query_selector("main h1") {
        use wasm_bindgen::JsCast;
        if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.set_attribute("tabindex", "-1");
            let _ = h.focus();
        }
    }
}
