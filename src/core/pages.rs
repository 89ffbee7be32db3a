//! The static pages written at build time and how they map to the app's state. One page per view
//! a reader without JavaScript needs (overview, each explainer, events, resources, about), each at
//! a relative path, so `dist/` keeps working at any sub-path of any static host. The site root
//! holds the pages of no chosen language (the dataset's default; the app, when it runs, picks
//! the reader's language as anywhere else), and `<lang>/` the same pages for each interface
//! language. The query-string URLs stay the app's canonical form: a static page names its
//! state's query and its way back to the site root (`data-state`, `data-root`), and the app,
//! when it starts on a static page, turns those back into its own URL.

use super::entry::Entry;
use super::model::Id;
use super::route::{State, View};

/// What a static page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Overview,
    Process(Id),
    Events,
    Resources,
    About,
}

/// One static page: what it shows, in which interface language (`None`: none chosen).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub kind: Kind,
    pub lang: Option<String>,
}

/// Where process explainers live, relative to a language's folder.
pub const PROCESS_DIR: &str = "p";

impl Kind {
    /// The page's file inside its language's folder (or the site root).
    pub fn file(&self) -> String {
        match self {
            Kind::Overview => "index.html".into(),
            Kind::Process(id) => format!("{PROCESS_DIR}/{id}.html"),
            Kind::Events => "events.html".into(),
            Kind::Resources => "resources.html".into(),
            Kind::About => "about.html".into(),
        }
    }

    fn view(&self) -> View {
        match self {
            Kind::Overview => View::Overview,
            Kind::Process(id) => View::Process(id.clone()),
            Kind::Events => View::Events,
            Kind::Resources => View::Resources,
            Kind::About => View::About,
        }
    }
}

impl Page {
    /// The page of `kind` with no language chosen, at the site root.
    pub fn new(kind: Kind) -> Page {
        Page { kind, lang: None }
    }

    /// The page's file, relative to the site root.
    pub fn path(&self) -> String {
        match &self.lang {
            Some(l) => format!("{l}/{}", self.kind.file()),
            None => self.kind.file(),
        }
    }

    /// From this page back to the site root: every relative URL in it starts with this.
    pub fn root(&self) -> String {
        let depth =
            usize::from(self.lang.is_some()) + usize::from(matches!(self.kind, Kind::Process(_)));
        if depth == 0 {
            "./".into()
        } else {
            "../".repeat(depth)
        }
    }

    /// The app's state this page shows.
    pub fn state(&self) -> State {
        let mut s = State {
            view: self.kind.view(),
            ..State::default()
        };
        s.globals.lang = self.lang.clone();
        s
    }

    /// The static page a reader without JavaScript gets for `state`, given the languages that
    /// have pages: the page of its view, without filters (those need the app); an open event is
    /// found in the events list, and the timeline's stand-in is the events list too. Search and
    /// the embed builder have none, and nor has a language without pages.
    pub fn for_state(state: &State, langs: &[&str]) -> Option<Page> {
        let lang = match &state.globals.lang {
            Some(l) if langs.contains(&l.as_str()) => Some(l.clone()),
            Some(_) => return None,
            None => None,
        };
        // An open event's detail needs the app; the events list holds the event.
        let kind = if state.event.is_some() && state.view != View::Embed {
            Kind::Events
        } else {
            match &state.view {
                View::Overview => Kind::Overview,
                View::Process(id) => Kind::Process(id.clone()),
                View::Events | View::Timeline => Kind::Events,
                View::Resources => Kind::Resources,
                View::About => Kind::About,
                View::Search | View::Embed => return None,
            }
        };
        Some(Page { kind, lang })
    }
}

/// Every static page for the processes `ids`: the overview, each explainer, the lists and
/// About, at the site root (no language chosen) and then in each of `langs`.
pub fn every_page<'a>(ids: impl IntoIterator<Item = &'a Id>, langs: &[&str]) -> Vec<Page> {
    let mut kinds = vec![Kind::Overview];
    kinds.extend(ids.into_iter().map(|id| Kind::Process(id.clone())));
    kinds.extend([Kind::Events, Kind::Resources, Kind::About]);
    let folders = std::iter::once(None).chain(langs.iter().map(|l| Some(l.to_string())));
    folders
        .flat_map(|lang| {
            kinds.iter().map(move |kind| Page {
                kind: kind.clone(),
                lang: lang.clone(),
            })
        })
        .collect()
}

/// The link from static page `from` to `to`: the static page of `to` if it has one, else the
/// app's own URL (which needs JavaScript) at the site root.
pub fn href(from: &Page, to: &State, langs: &[&str]) -> String {
    match Page::for_state(to, langs) {
        Some(p) if p == *from => match &from.kind {
            // A page's link to itself (the current section in the menu) stays on it.
            Kind::Process(id) => format!("{id}.html"),
            other => other.file(),
        },
        Some(p) => format!("{}{}", from.root(), p.path()),
        // A view without a static page: the app's own URL for it, on its entry page.
        None => format!(
            "{}{}{}",
            from.root(),
            Entry::of(&to.view).file(),
            to.to_query()
        ),
    }
}

/// The site root's path for a static page at URL path `path` whose way back to the root is
/// `root` (`./`, `../`, …): the page's folder with one level taken off per `../`. `None` if the
/// path has too few levels. A host that drops `.html` (`…/p/uncc`) gives the same folder.
pub fn site_root<'a>(path: &'a str, root: &str) -> Option<&'a str> {
    let mut dir = &path[..path.rfind('/')? + 1];
    let mut rest = root.strip_prefix("./").unwrap_or(root);
    while let Some(r) = rest.strip_prefix("../") {
        let parent = dir.strip_suffix('/')?.rfind('/')?;
        dir = &dir[..parent + 1];
        rest = r;
    }
    rest.is_empty().then_some(dir)
}

/// A static page's state query followed by the URL's own query (either may be empty or start
/// with `?`), so the URL's keys win where both name one (`State::from_query` keeps the last).
pub fn join_queries(page: &str, own: &str) -> String {
    let parts: Vec<&str> = [page, own]
        .iter()
        .map(|q| q.strip_prefix('?').unwrap_or(q))
        .filter(|q| !q.is_empty())
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The query the app starts with on a static page: the page's state (`page`, a query), with
/// its language left out when it is the one the reader's browser would get anyway
/// (`negotiated`), so a link copied from the app does not carry the reader's own language to
/// someone else; then the URL's own query (`own`), which wins where both name a key.
pub fn app_query(page: &str, own: &str, negotiated: Option<&str>) -> String {
    let mut state = State::from_query(page);
    if state.globals.lang.is_some() && state.globals.lang.as_deref() == negotiated {
        state.globals.lang = None;
    }
    join_queries(&state.to_query(), own)
}

/// The app's URL for `page` relative to the site's address `home` (the dataset's `meta.home`),
/// for `<link rel="canonical">` and the sitemap.
pub fn canonical(home: &str, page: &Page) -> String {
    let base = home.split(['?', '#']).next().unwrap_or(home);
    format!("{base}{}", page.state().to_query())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [&str; 2] = ["en", "ar"];

    fn id(s: &str) -> Id {
        Id::parse(s).expect("id")
    }

    fn every_kind() -> Vec<Kind> {
        vec![
            Kind::Overview,
            Kind::Process(id("oewg-2021")),
            Kind::Events,
            Kind::Resources,
            Kind::About,
        ]
    }

    fn every_page() -> Vec<Page> {
        let mut all = Vec::new();
        for lang in [None, Some("ar".to_owned())] {
            for kind in every_kind() {
                all.push(Page {
                    kind,
                    lang: lang.clone(),
                });
            }
        }
        all
    }

    #[test]
    fn every_kind_of_page_is_written_once_per_folder() {
        let ids = [id("a"), id("b")];
        let all = super::every_page(&ids, &LANGS);
        assert_eq!(all.len(), 6 * (1 + LANGS.len()));
        let paths: std::collections::BTreeSet<String> = all.iter().map(Page::path).collect();
        assert_eq!(paths.len(), all.len(), "no path twice");
        for p in [
            "index.html",
            "p/a.html",
            "ar/p/b.html",
            "en/about.html",
            "resources.html",
        ] {
            assert!(paths.contains(p), "{p}");
        }
    }

    #[test]
    fn every_page_finds_the_site_root_from_its_url_at_any_sub_path() {
        for base in ["/", "/tracker/", "/a/b/"] {
            for page in every_page() {
                let path = format!("{base}{}", page.path());
                assert_eq!(site_root(&path, &page.root()), Some(base), "{path}");
                let clean = path.trim_end_matches(".html").to_owned();
                assert_eq!(site_root(&clean, &page.root()), Some(base), "{clean}");
                if let Some(dir) = path.strip_suffix("index.html") {
                    assert_eq!(site_root(dir, &page.root()), Some(base), "{dir}");
                }
            }
        }
    }

    #[test]
    fn a_root_above_the_host_is_refused() {
        assert_eq!(site_root("/p/uncc.html", "../../"), None);
        assert_eq!(site_root("no-slash", "./"), None);
        assert_eq!(site_root("/a/", "nonsense"), None);
    }

    #[test]
    fn a_page_state_round_trips_through_the_query() {
        for page in every_page() {
            let q = page.state().to_query();
            assert_eq!(
                Page::for_state(&State::from_query(&q), &LANGS),
                Some(page),
                "{q}"
            );
        }
    }

    #[test]
    fn a_language_without_pages_has_no_static_page() {
        let s = State::from_query("?view=events&lang=de");
        assert_eq!(Page::for_state(&s, &LANGS), None);
    }

    #[test]
    fn links_are_relative_and_static_where_a_page_exists() {
        let process = Page::new(Kind::Process(id("uncc")));
        let overview = Page::new(Kind::Overview);
        let events = State::default().goto(View::Events);
        let href = |from: &Page, to: &State| href(from, to, &LANGS);
        assert_eq!(href(&overview, &events), "./events.html");
        assert_eq!(href(&process, &events), "../events.html");
        assert_eq!(href(&process, &process.state()), "uncc.html");
        assert_eq!(
            href(&Page::new(Kind::Events), &overview.state()),
            "./index.html"
        );
        assert_eq!(
            href(&Page::new(Kind::Events), &process.state()),
            "./p/uncc.html",
            "an explainer from a root page"
        );
        let event = State {
            event: Some(id("gm-dtg-first")),
            ..process.state()
        };
        assert_eq!(
            href(&process, &event),
            "../events.html",
            "an event opens in the list"
        );
        let search = State::default().goto(View::Search);
        assert_eq!(href(&process, &search), "../?view=search");
    }

    #[test]
    fn links_between_languages_go_through_the_site_root() {
        let ar = |kind| Page {
            kind,
            lang: Some("ar".to_owned()),
        };
        let process = ar(Kind::Process(id("uncc")));
        let href = |from: &Page, to: &State| href(from, to, &LANGS);
        // Within a language, links stay in its folder.
        assert_eq!(
            href(&process, &process.state().goto(View::Events)),
            "../../ar/events.html"
        );
        assert_eq!(
            href(&ar(Kind::About), &process.state()),
            "../ar/p/uncc.html"
        );
        // To another language: the same page in that language's folder.
        let mut en = process.state();
        en.globals.lang = Some("en".into());
        assert_eq!(href(&process, &en), "../../en/p/uncc.html");
        assert_eq!(
            href(&Page::new(Kind::Overview), &ar(Kind::Overview).state()),
            "./ar/index.html"
        );
        // The app's own URL keeps the language.
        let search = process.state().goto(View::Search);
        assert_eq!(href(&process, &search), "../../?view=search&lang=ar");
        // The embed builder is an entry page of its own (`core::entry`).
        let builder = process.state().goto(View::Embed);
        assert_eq!(
            href(&process, &builder),
            "../../embed-builder.html?view=embed&lang=ar"
        );
    }

    #[test]
    fn the_urls_own_query_comes_after_the_pages_and_wins() {
        let page = Page {
            kind: Kind::Process(id("uncc")),
            lang: Some("ar".into()),
        };
        let joined = join_queries(&page.state().to_query(), "?utm_source=x&lang=zh");
        let s = State::from_query(&joined);
        assert_eq!(
            s.view,
            View::Process(id("uncc")),
            "an unknown key keeps the page's view"
        );
        assert_eq!(
            s.globals.lang.as_deref(),
            Some("zh"),
            "the URL's own key wins"
        );
        assert_eq!(join_queries("", ""), "");
        assert_eq!(join_queries("", "?q=x"), "?q=x");
        assert_eq!(join_queries("?view=events", ""), "?view=events");
    }

    #[test]
    fn the_app_leaves_out_the_language_the_reader_would_get_anyway() {
        let page = Page {
            kind: Kind::Events,
            lang: Some("fr".into()),
        };
        let q = page.state().to_query();
        let lang = |query: &str| State::from_query(query).globals.lang;
        assert_eq!(
            lang(&app_query(&q, "", Some("fr"))),
            None,
            "a French browser"
        );
        assert_eq!(
            lang(&app_query(&q, "", Some("en"))).as_deref(),
            Some("fr"),
            "chosen"
        );
        assert_eq!(lang(&app_query(&q, "", None)).as_deref(), Some("fr"));
        assert_eq!(
            State::from_query(&app_query(&q, "", Some("fr"))).view,
            View::Events,
            "the view stays"
        );
        let root = Page::new(Kind::Overview).state().to_query();
        assert_eq!(app_query(&root, "?q=x", Some("fr")), "?q=x");
    }

    #[test]
    fn canonical_urls_are_the_apps_query_urls() {
        let p = Page::new(Kind::Process(id("uncc")));
        assert_eq!(
            canonical("https://example.org/tracker/", &p),
            "https://example.org/tracker/?view=process&id=uncc"
        );
        assert_eq!(
            canonical("https://example.org/", &Page::new(Kind::Overview)),
            "https://example.org/"
        );
        let ar = Page {
            kind: Kind::Overview,
            lang: Some("ar".into()),
        };
        assert_eq!(
            canonical("https://example.org/", &ar),
            "https://example.org/?lang=ar"
        );
    }
}
