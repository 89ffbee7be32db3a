//! A date as the data knows it: "7–11 Jul 2025", "March 2026", with tentative dates marked.

use super::ctx::use_ctx;
use crate::core::date::PartialDate;
use crate::i18n::dates::{self, Style};
use leptos::prelude::*;

#[component]
pub fn When(
    start: PartialDate,
    #[prop(optional_no_strip)] end: Option<PartialDate>,
    #[prop(optional)] tentative: bool,
    #[prop(optional)] long: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let style = if long { Style::Long } else { Style::Short };
    let text = dates::span(
        start,
        end,
        style,
        dates::intl_locale(&ctx.lang.get_untracked()),
    );
    view! {
        <time datetime=start.to_string() class="when" class:when--tentative=tentative>
            {text}
        </time>
        {tentative.then(|| view! { " " <span class="mark mark--tentative" title=t.tentative_hint>{t.tentative}</span> })}
    }
}
