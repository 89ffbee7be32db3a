//! Small labels that keep the data honest: unconfirmed facts, and where an event stands today.

use super::ctx::use_ctx;
use crate::core::date::Tense;
use leptos::prelude::*;

#[component]
pub fn Unconfirmed() -> impl IntoView {
    let t = use_ctx().messages();
    view! { <span class="mark mark--unconfirmed" title=t.unconfirmed_hint>{t.unconfirmed}</span> }
}

/// Past, ongoing or upcoming; a signal, so a kept row's mark follows "today".
#[component]
pub fn TenseMark(#[prop(into)] tense: Signal<Tense>) -> impl IntoView {
    let t = use_ctx().messages();
    // One effect per mark: lists hold many, and a tense rarely changes.
    move || {
        let (class, label) = match tense.get() {
            Tense::Past => ("mark mark--past", t.past),
            Tense::Ongoing => ("mark mark--ongoing", t.ongoing),
            Tense::Upcoming => ("mark mark--upcoming", t.upcoming),
        };
        view! { <span class=class>{label}</span> }
    }
}
