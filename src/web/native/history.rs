//! Native stand-in for `web/history.rs` (the `prerender` build step): there is no URL bar, only
//! the static page being written. Links point to the other static pages (`core::pages::href`),
//! so a reader without JavaScript can still go everywhere; navigation itself never runs.

use crate::core::pages::{self, Kind, Page};
use crate::core::route::State;
use std::cell::RefCell;

thread_local! {
    static PAGE: RefCell<Page> = const { RefCell::new(Page { kind: Kind::Overview, lang: None }) };
    static LANGS: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// Names the static page being rendered, and the languages that have static pages; every link
/// from here on is relative to it.
pub fn set_page(page: Page, langs: &[&'static str]) {
    PAGE.with(|p| *p.borrow_mut() = page);
    LANGS.with(|l| *l.borrow_mut() = langs.to_vec());
}

/// The state of the page being rendered.
pub fn current() -> State {
    PAGE.with(|p| p.borrow().state())
}

/// The way back to the site root from the page being rendered.
pub fn path() -> String {
    PAGE.with(|p| p.borrow().root())
}

/// The static link to `state` from the page being rendered.
pub fn href(state: &State) -> String {
    PAGE.with(|p| LANGS.with(|l| pages::href(&p.borrow(), state, &l.borrow())))
}

/// A static page has no origin of its own (it works on any host): its links stay relative.
pub fn absolute(state: &State) -> String {
    href(state)
}

/// The site root, relative to the page being rendered: the files beside `index.html` are
/// reached through it.
pub fn folder() -> String {
    path()
}

pub fn push(_: &State) {}

/// A static page never navigates by itself: its links do.
pub fn leave_for(_: &State, _: bool) -> bool {
    false
}

pub fn replace(_: &State) {}

pub fn focus_main_heading() {}
