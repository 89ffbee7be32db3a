//! Small labels that keep the data honest: unconfirmed facts, and where an event stands today.

use super::ctx::use_ctx;
use crate::core::date::Tense;
use leptos::prelude::*;

#[component]
pub fn Unconfirmed() -> impl IntoView {
    let t = use_ctx().messages();
    view! { <span class="mark mark--unconfirmed" title=t.unconfirmed_hint>{t.unconfirmed}</span> }
}

#[component]
pub fn TenseMark(tense: Tense) -> impl IntoView {
    let t = use_ctx().messages();
    let (class, label) = match tense {
        Tense::Past => ("mark mark--past", t.past),
        Tense::Ongoing => ("mark mark--ongoing", t.ongoing),
        Tense::Upcoming => ("mark mark--upcoming", t.upcoming),
    };
    view! { <span class=class>{label}</span> }
}
