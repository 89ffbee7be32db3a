//! The root: URL state, dataset loading, page chrome, and which page to show.

use super::ctx::{Ctx, Data};
use super::pages::Pages;
use super::{event_detail, load_status, shell};
use crate::api::{self, FetchError};
use crate::web::{history, theme};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

#[derive(Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Arc<Data>),
    Failed(FetchError),
}

/// Starts entry page `entry` with its `pages`: a URL naming a view of the other entry goes there
/// at once (an old `?view=embed` link to the tracker), else the app mounts.
pub fn start(entry: crate::core::entry::Entry, pages: Pages) {
    console_error_panic_hook::set_once();
    history::set_entry(entry);
    // Before the app reads the URL: a prerendered page's path becomes the app's query URL.
    crate::web::static_page::adopt();
    if history::leave_for(&history::current(), true) {
        return;
    }
    leptos::mount::mount_to_body(move || view! { <App pages=pages/> });
}

/// The app of one entry page, holding `pages` (`ui::pages`).
#[component]
pub fn App(pages: Pages) -> impl IntoView {
    let state = RwSignal::new(history::current());
    let _ = window_event_listener(leptos::ev::popstate, move |_| state.set(history::current()));

    let today = Memo::new(move |_| {
        state
            .with(|s| s.globals.today.map(|d| d.0))
            .unwrap_or_else(history::today)
    });
    // `lang=` in the URL, else the reader's first preferred language the tracker has; `None`
    // leaves it to the dataset's default once loaded.
    let preferred = crate::web::intl::preferred_languages();
    let requested_lang = Memo::new(move |_| {
        state.with(|s| crate::i18n::requested(s.globals.lang.as_deref(), &preferred))
    });
    let data_url = Memo::new(move |_| {
        state
            .with(|s| s.globals.data.as_ref().map(|u| u.as_str().to_owned()))
            .unwrap_or_else(|| api::DEFAULT_DATA.to_owned())
    });
    // What the network gave, read in the language asked for when it was requested.
    let fetched = RwSignal::new(LoadState::Loading);
    // Bumped by "Try again"; the load effect reads it so a retry refetches the same URL.
    let attempt = RwSignal::new(0u32);
    // Syncs with the network: a new URL (or a retry) starts a download. The language is read
    // untracked: switching it needs no new download (below).
    Effect::new(move |_| {
        attempt.track();
        let url = data_url.get();
        let lang = requested_lang.get_untracked();
        fetched.set(LoadState::Loading);
        spawn_local(async move {
            // `None`: a newer request superseded this one, and its answer will be shown.
            if let Some(result) = api::load(url, lang).await {
                fetched.set(match result {
                    Ok(d) => LoadState::Ready(Arc::new(d)),
                    Err(e) => LoadState::Failed(e),
                });
            }
        });
    });
    // The dataset in the reading language: a language switch rebuilds only the search words.
    let load_state = Memo::new(move |_| match fetched.get() {
        LoadState::Ready(d) => {
            let lang = requested_lang.get();
            LoadState::Ready(Arc::new(d.in_lang(lang.as_deref())))
        }
        other => other,
    });
    // A prerendered page stays until the app has something to show in its place.
    Effect::new(move |_| {
        if !matches!(*load_state.read(), LoadState::Loading) {
            crate::web::static_page::retire();
        }
    });

    let lang = Memo::new(move |_| {
        requested_lang
            .get()
            .unwrap_or_else(|| match &*load_state.read() {
                LoadState::Ready(d) => d.catalog.lang().to_owned(),
                _ => "en".to_owned(),
            })
    });
    let ctx = Ctx::new(state, today, lang);
    provide_context(ctx);

    Effect::new(move |_| theme::apply(&state.with(|s| s.globals.clone()), &lang.get()));
    let embed = Memo::new(move |_| state.with(|s| s.globals.embed));
    crate::web::resize::install(embed);

    let page = move || match load_state.get() {
        LoadState::Loading => load_status::Loading().into_any(),
        LoadState::Failed(e) => {
            view! { <load_status::Failed error=e retry=move || attempt.update(|n| *n += 1)/> }
                .into_any()
        }
        LoadState::Ready(data) => {
            let view = ctx.view;
            let dialog_data = data.clone();
            let data = data.clone();
            let page = move || pages(view.get(), data.clone());
            view! { {page} <event_detail::EventDialog data=dialog_data/> }.into_any()
        }
    };
    let data = Signal::derive(move || match load_state.get() {
        LoadState::Ready(d) => Some(d),
        _ => None,
    });

    // Components read their messages once when built, so a new language rebuilds the page.
    move || {
        lang.track();
        view! {
            <shell::Shell data=data embed=embed>
                {page}
            </shell::Shell>
        }
    }
}
