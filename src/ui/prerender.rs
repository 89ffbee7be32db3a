//! Build-time rendering (native, `prerender` feature): the app's own components rendered to
//! HTML with Leptos's server-side rendering, one static page per `core::pages::Page`. There is
//! no browser here: `web/native/` answers for it, links lead to the other static pages, and the
//! parts that only work with the app (filters, search, the timeline) say so instead.

use super::ctx::{Ctx, Data};
use super::embed_head::EmbedHead;
use super::{about_page, events_page, overview, process_page, resources_page, shell};
use crate::core::pages::{Kind, Page};
use crate::core::route::{State, View};
use crate::i18n::{dates, fill, Messages};
use crate::web::history;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// In the context of a static render, so a component can leave out what needs the app.
#[derive(Clone, Copy)]
pub struct StaticRender;

/// Whether the component is being rendered into a static page.
pub fn is_static() -> bool {
    use_context::<StaticRender>().is_some()
}

/// Interface text only static pages show (the `static_*` keys of the message files).
pub struct StaticText {
    /// Where filters and search would be.
    pub filters_need_js: &'static str,
    /// Under a page whose content depends on today; `{date}` is the build date.
    pub built_on: &'static str,
    /// Shown when the app could not start (the wasm or its loader failed to download, or the
    /// browser has no WebAssembly).
    pub app_failed: &'static str,
    /// For readers with JavaScript off.
    pub noscript: &'static str,
    /// The embed builder's page, with JavaScript off or the app failed.
    pub builder_needs_js: &'static str,
}

/// The static pages' own words, in `lang` (from the message files, like every interface string).
pub fn static_text(lang: &str) -> StaticText {
    let t = crate::i18n::messages(lang);
    StaticText {
        filters_need_js: t.static_filters_need_js,
        built_on: t.static_built_on,
        app_failed: t.static_app_failed,
        noscript: t.static_noscript,
        builder_needs_js: t.static_builder_needs_js,
    }
}

/// The interface language of a static page: its own, or the dataset's where none is chosen.
pub fn lang(data: &Data, page: &Page) -> String {
    page.lang
        .clone()
        .unwrap_or_else(|| data.catalog.lang().to_owned())
}

/// What a static page's `#static` says of itself and shows when the app cannot start.
struct Frame {
    /// The app state the page shows, as a query (`data-state`).
    state: String,
    /// The way back to the site root (`data-root`).
    root: String,
    /// The build date, where the content depends on today (`data-as-of`).
    as_of: Option<NaiveDate>,
    failed: fn(&StaticText) -> &'static str,
}

/// `content` (given the page's messages and static words) in the page chrome, inside
/// `<div id="static">` with the box shown if the app cannot start; links are relative to `page`
/// and components see the app state `state` as of `today`.
fn in_static(
    data: &Arc<Data>,
    page: &Page,
    state: State,
    today: NaiveDate,
    frame: Frame,
    content: impl FnOnce(&'static Messages, &StaticText) -> AnyView,
) -> String {
    history::set_page(page.clone(), &crate::i18n::LANGUAGES);
    let owner = Owner::new();
    let html = owner.with(|| {
        let lang = lang(data, page);
        let st = static_text(&lang);
        let ctx = Ctx::new(
            RwSignal::new(state),
            Memo::new(move |_| today),
            Memo::new(move |_| lang.clone()),
        );
        provide_context(ctx);
        provide_context(StaticRender);
        let t: &'static Messages = ctx.messages();
        let shown = content(t, &st);
        let d = data.clone();
        view! {
            <div id="static" data-state=frame.state data-root=frame.root data-as-of=frame.as_of.map(|d| d.to_string())>
                <div class="static-fail" role="alert" hidden>
                    <p>{(frame.failed)(&st)}</p>
                    <p><button type="button" class="button" data-reload="">{t.reload}</button></p>
                </div>
                <shell::Shell data=Signal::derive(move || Some(d.clone())) embed=Memo::new(|_| false)>
                    {shown}
                </shell::Shell>
            </div>
        }
        .to_html()
    });
    drop(owner);
    html
}

/// The content of `page` (everything `<body>` shows: skip link, header, main, footer) as of
/// `today`, wrapped in `<div id="static">` so the app can find and replace it. `data-state`
/// names the app state it shows, as a query string, and `data-root` the way back to the site
/// root. `data` must be in the page's language (`Dataset::in_lang`).
pub fn render(data: Arc<Data>, page: &Page, today: NaiveDate) -> String {
    let frame = Frame {
        state: page.state().to_query(),
        root: page.root(),
        as_of: Some(today),
        failed: |st| st.app_failed,
    };
    in_static(&data, page, page.state(), today, frame, |t, st| {
        let d = data.clone();
        let shown = match &page.kind {
            Kind::Overview => overview::Overview(overview::OverviewProps { data: d }).into_any(),
            Kind::Process(id) => {
                view! { <process_page::ProcessPage data=d id=id.clone()/> }.into_any()
            }
            Kind::Events => view! { <events_page::EventsPage data=d/> }.into_any(),
            Kind::Resources => view! { <resources_page::ResourcesPage data=d/> }.into_any(),
            Kind::About => view! { <about_page::AboutPage data=d/> }.into_any(),
        };
        let built = dates::day(today, dates::intl_locale(&data.lang));
        let as_of = fill(t.static_as_of, &[("date", &built)]);
        let note = fill(st.built_on, &[("date", &built)]);
        view! {
            {shown}
            // Last in the page, so nothing above it moves when the app takes over.
            <p class="static-note muted" title=as_of>{note}</p>
        }
        .into_any()
    })
}

/// The content of the embed builder's entry page (`embed-builder.html`, `core::entry`) in the
/// dataset's language: the page chrome, the builder's heading and purpose, and that it needs the
/// app, which replaces it as on every static page. Its links are the site root's.
pub fn render_builder(data: Arc<Data>) -> String {
    let root = Page {
        kind: Kind::Overview,
        lang: None,
    };
    // No data-state: the builder's own URL names its state, as the site root's does.
    let frame = Frame {
        state: String::new(),
        root: root.root(),
        as_of: None,
        failed: |st| st.builder_needs_js,
    };
    let state = State::default().goto(View::Embed);
    in_static(&data, &root, state, NaiveDate::default(), frame, |_, _| {
        view! { <div class="page page--embed"><EmbedHead/></div> }.into_any()
    })
}
