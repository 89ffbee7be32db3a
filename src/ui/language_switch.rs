//! The language switcher: each shipped language named in itself. Choosing one changes only
//! `lang=` in the URL state, so the view, filters and selection stay as they are.

use super::ctx::use_ctx;
use crate::i18n::{self, LANGUAGES_INFO};
use leptos::prelude::*;

#[component]
pub fn LanguageSwitch(
    /// Distinguishes the `id` of each switcher on a page.
    id: &'static str,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let current = move || i18n::language(&ctx.lang.get()).map(|l| l.tag);
    let on_change = move |ev: leptos::ev::Event| {
        let tag = event_target_value(&ev);
        if i18n::language(&tag).is_some() && current() != Some(tag.as_str()) {
            ctx.update(|s| s.globals.lang = Some(tag));
        }
    };
    let options = LANGUAGES_INFO
        .iter()
        .map(|l| {
            view! {
                <option
                    value=l.tag
                    lang=l.tag
                    dir=if l.rtl() { "rtl" } else { "ltr" }
                    prop:selected=move || current() == Some(l.tag)
                >
                    {l.name}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="lang-switch">
            <label class="visually-hidden" for=id>{t.language_label}</label>
            <select id=id on:change=on_change>{options}</select>
        </div>
    }
}
