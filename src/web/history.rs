//! The query string is the app's state. Reading it, writing it (push or replace) and hearing the
//! back/forward buttons all happen here.

use crate::core::route::State;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The state the current URL describes.
pub fn current() -> State {
    let search = window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    State::from_query(&search)
}

thread_local! {
    static PATH: String = window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "./".into());
}

/// The path the app is served from; every in-app link keeps it, so the app works at any sub-path.
/// The app never changes it, so it is read once (every link needs it).
pub fn path() -> String {
    PATH.with(Clone::clone)
}

/// The URL of `state` relative to the site root, for `href`s.
pub fn href(state: &State) -> String {
    let q = state.to_query();
    format!("{}{}", path(), q)
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
