//! Page chrome: skip link, header with navigation and search, main landmark, footer. Embeds get
//! a slim bar with a link out to the full tracker instead.

use super::ctx::{use_ctx, Data};
use super::language_switch::LanguageSwitch;
use super::link::Link;
use crate::core::route::{State, View};
use crate::i18n::{dates, pieces, Piece};
use crate::web::history;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Shell(
    data: Signal<Option<Arc<Data>>>,
    embed: Memo<bool>,
    children: Children,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let title = move || {
        data.get()
            .map(|d| d.t(&d.catalog.meta.title).to_owned())
            .unwrap_or_else(|| t.app_name.to_owned())
    };
    // The tab title names the page too, so history and bookmarks tell views apart.
    let page_title = move || {
        let site = title();
        let page = ctx.state.with(|s| match &s.view {
            View::Overview => None,
            View::Process(id) => data.get().and_then(|d| {
                d.catalog
                    .process(id.as_str())
                    .map(|(p, _)| d.process_name(p).to_owned())
            }),
            View::Events => Some(t.nav_events.to_owned()),
            View::Timeline => Some(t.nav_timeline.to_owned()),
            View::Resources => Some(t.nav_resources.to_owned()),
            View::Search => Some(t.search_title.to_owned()),
            View::About => Some(t.about_title.to_owned()),
            View::Embed => Some(t.nav_embed.to_owned()),
        });
        match page {
            Some(p) => format!("{p} — {site}"),
            None => site,
        }
    };
    Effect::new(move |_| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&page_title());
        }
    });
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        {move || if embed.get() {
            view! { <EmbedBar data=data/> }.into_any()
        } else {
            view! { <Header title=Signal::derive(title)/> }.into_any()
        }}
        <main id="main" class="main" tabindex="-1">{children()}</main>
        {move || (!embed.get()).then(|| view! { <Footer data=data/> })}
    }
}

#[component]
fn Header(title: Signal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let nav = [
        (View::Overview, t.nav_overview),
        (View::Events, t.nav_events),
        (View::Timeline, t.nav_timeline),
        (View::Resources, t.nav_resources),
        (View::About, t.nav_about),
    ];
    let search_text = RwSignal::new(ctx.state.with_untracked(|s| {
        if s.view == View::Search {
            s.filters.q.clone()
        } else {
            String::new()
        }
    }));
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut s = ctx.state.get_untracked().goto(View::Search);
        s.filters.q = search_text.get_untracked().trim().to_owned();
        ctx.go(s);
    };
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <Link to=ctx.state.get_untracked().goto(View::Overview) class="site-title">{title}</Link>
                <nav class="site-nav" aria-label=t.nav_label>
                    <ul>
                        {nav.into_iter().map(|(v, label)| {
                            let target = v.clone();
                            let current = move || ctx.state.with(|s| same_section(&s.view, &target));
                            view! {
                                <li>
                                    <Link to=ctx.state.get_untracked().goto(v) current=Signal::derive(current)>{label}</Link>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </nav>
                <form class="site-search" role="search" on:submit=on_search>
                    <label class="visually-hidden" for="site-search-input">{t.search_label}</label>
                    <input
                        id="site-search-input"
                        type="search"
                        name="q"
                        placeholder=t.search_placeholder
                        prop:value=move || search_text.get()
                        on:input:target=move |ev| search_text.set(ev.target().value())
                    />
                    <button type="submit">{t.search_button}</button>
                </form>
                <LanguageSwitch id="lang-switch"/>
            </div>
        </header>
    }
}

fn same_section(current: &View, link: &View) -> bool {
    match (current, link) {
        (View::Process(_), View::Overview) => true,
        (a, b) => a == b,
    }
}

#[component]
fn Footer(data: Signal<Option<Arc<Data>>>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    move || {
        data.get().map(|d| {
            let meta = &d.catalog.meta;
            let lang = ctx.lang.get();
            let reviewed = dates::day(meta.reviewed.0, dates::intl_locale(&lang));
            let publisher = d.t(&meta.publisher.name).to_owned();
            let license = d.t(&meta.license.name).to_owned();
            let license_url = meta.license.url.as_ref().map(|u| u.as_str().to_owned());
            let problems = d.issues.len();
            view! {
                <footer class="site-footer">
                    <p>
                        {pieces(t.footer_credits).into_iter().map(|p| match p {
                            Piece::Text(s) => s.into_any(),
                            Piece::Slot("publisher") => publisher.clone().into_any(),
                            Piece::Slot("date") => view! { <time datetime=meta.reviewed.to_string()>{reviewed.clone()}</time> }.into_any(),
                            Piece::Slot("licence") => match license_url.clone() {
                                Some(u) => view! { <a href=u rel="license">{license.clone()}</a> }.into_any(),
                                None => license.clone().into_any(),
                            },
                            Piece::Slot(_) => ().into_any(),
                        }).collect_view()}
                    </p>
                    <p>
                        <Link to=ctx.state.get_untracked().goto(View::About)>{t.footer_about_data}</Link>
                        {(problems > 0).then(|| view! { " · " <Link to=ctx.state.get_untracked().goto(View::About) class="warn-link">{t.footer_problems.format(problems)}</Link> })}
                        " · "
                        <Link to=ctx.state.get_untracked().goto(View::Embed)>{t.nav_embed}</Link>
                    </p>
                </footer>
            }
        })
    }
}

/// In an embed: the dataset title and a link that opens the full tracker in a new tab.
#[component]
fn EmbedBar(data: Signal<Option<Arc<Data>>>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let full = move || {
        let mut s: State = ctx.state.get();
        s.globals.embed = false;
        s.globals.theme = None;
        s.globals.accent = None;
        s.globals.frame = None;
        match data.get().and_then(|d| d.catalog.meta.home.clone()) {
            // The partner's canonical tracker, carrying the same view.
            Some(home) if s.globals.data.is_none() => {
                format!("{}{}", home.as_str().trim_end_matches('?'), s.to_query())
            }
            _ => history::absolute(&s),
        }
    };
    view! {
        <div class="embed-bar">
            <span class="embed-bar__title">{move || data.get().map(|d| d.t(&d.catalog.meta.title).to_owned())}</span>
            <LanguageSwitch id="embed-lang-switch"/>
            <a class="embed-bar__out" href=full target="_blank" rel="noopener">{t.embed_open_full}" "<span class="icon-out" aria-hidden="true">"↗"</span><span class="visually-hidden">{t.opens_new_tab}</span></a>
        </div>
    }
}
