//! The language switcher: each shipped language named in itself. Choosing one changes only
//! `lang=` in the URL state, so the view, filters and selection stay as they are. On a static
//! page (no JavaScript yet, or none at all) it is a disclosure of links to the same page in each
//! language, the same size as the select that replaces it.

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
    #[cfg(not(target_arch = "wasm32"))]
    if super::prerender::is_static() {
        return static_links(id).into_any();
    }
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
    .into_any()
}

/// The static page's switcher: links to this page in every language, the current one marked.
#[cfg(not(target_arch = "wasm32"))]
fn static_links(id: &'static str) -> impl IntoView {
    use crate::web::history;
    let ctx = use_ctx();
    let t = ctx.messages();
    let here = ctx.state.get_untracked();
    let current = i18n::language(&ctx.lang.get_untracked());
    let links = LANGUAGES_INFO
        .iter()
        .map(|l| {
            let mut to = here.clone();
            to.globals.lang = Some(l.tag.to_owned());
            let is_current = current.is_some_and(|c| c.tag == l.tag);
            view! {
                <li>
                    <a
                        href=history::href(&to)
                        hreflang=l.tag
                        lang=l.tag
                        dir=if l.rtl() { "rtl" } else { "ltr" }
                        aria-current=is_current.then_some("true")
                    >
                        {l.name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="lang-switch lang-switch--links" id=id>
            <summary>
                <span class="visually-hidden">{t.language_label}": "</span>
                {current.map(|l| l.name)}
            </summary>
            <ul>{links}</ul>
        </details>
    }
}
