//! The static pages written at build time and how they map to the app's state. One page per view
//! a reader without JavaScript needs (overview, each explainer, events, resources, about), each at
//! a relative path, so `dist/` keeps working at any sub-path of any static host. The query-string
//! URLs stay the app's canonical form: a static page names its state's query, and the app, when
//! it starts on a static page, turns the page's path back into that state.

use super::model::Id;
use super::route::{State, View};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Process(Id),
    Events,
    Resources,
    About,
}

/// Where process explainers live, relative to the site root.
pub const PROCESS_DIR: &str = "p";

impl Page {
    /// The page's file, relative to the site root.
    pub fn path(&self) -> String {
        match self {
            Page::Overview => "index.html".into(),
            Page::Process(id) => format!("{PROCESS_DIR}/{id}.html"),
            Page::Events => "events.html".into(),
            Page::Resources => "resources.html".into(),
            Page::About => "about.html".into(),
        }
    }

    /// From this page back to the site root: every relative URL in it starts with this.
    pub fn root(&self) -> &'static str {
        match self {
            Page::Process(_) => "../",
            _ => "./",
        }
    }

    pub fn view(&self) -> View {
        match self {
            Page::Overview => View::Overview,
            Page::Process(id) => View::Process(id.clone()),
            Page::Events => View::Events,
            Page::Resources => View::Resources,
            Page::About => View::About,
        }
    }

    /// The app's state this page shows.
    pub fn state(&self) -> State {
        State {
            view: self.view(),
            ..State::default()
        }
    }

    /// The static page a reader without JavaScript gets for `state`: the page of its view,
    /// without filters (those need the app); an open event is found in the events list. The timeline's static stand-in is
    /// the events list. Search and the embed builder have none.
    pub fn for_state(state: &State) -> Option<Page> {
        // An open event's detail needs the app; the events list holds the event.
        if state.event.is_some() && state.view != View::Embed {
            return Some(Page::Events);
        }
        Some(match &state.view {
            View::Overview => Page::Overview,
            View::Process(id) => Page::Process(id.clone()),
            View::Events | View::Timeline => Page::Events,
            View::Resources => Page::Resources,
            View::About => Page::About,
            View::Search | View::Embed => return None,
        })
    }

    /// Reads a static page's URL path: the path of the site root it sits in and the page. `None`
    /// for the site root itself (`…/` or `…/index.html`), whose state is in its query, and for any
    /// other path. Hosts that drop `.html` from URLs (`…/p/uncc`) are understood too.
    pub fn from_path(path: &str) -> Option<(&str, Page)> {
        let (dir, file) = path.rsplit_once('/')?;
        let name = file.strip_suffix(".html").unwrap_or(file);
        if let Some(parent) = dir.strip_suffix(PROCESS_DIR) {
            if parent.ends_with('/') {
                return Id::parse(name).ok().map(|id| (parent, Page::Process(id)));
            }
        }
        let page = match name {
            "events" => Page::Events,
            "resources" => Page::Resources,
            "about" => Page::About,
            _ => return None,
        };
        Some((&path[..dir.len() + 1], page))
    }
}

/// The link from static page `from` to `to`: the static page of `to` if it has one, else the
/// app's own URL (which needs JavaScript) at the site root.
pub fn href(from: &Page, to: &State) -> String {
    match Page::for_state(to) {
        Some(p) if p == *from => match from {
            // A page's link to itself (the current section in the menu) stays on it.
            Page::Process(id) => format!("{id}.html"),
            other => other.path(),
        },
        Some(p) => format!("{}{}", from.root(), p.path()),
        None => format!("{}{}", from.root(), to.to_query()),
    }
}

/// The app's URL for `page` relative to the site's address `home` (the dataset's `meta.home`),
/// for `<link rel="canonical">`.
pub fn canonical(home: &str, page: &Page) -> String {
    let base = home.split(['?', '#']).next().unwrap_or(home);
    format!("{base}{}", page.state().to_query())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Id {
        Id::parse(s).expect("id")
    }

    #[test]
    fn every_page_reads_back_from_its_path_at_any_sub_path() {
        for base in ["/", "/tracker/", "/a/b/"] {
            for page in [
                Page::Process(id("oewg-2021")),
                Page::Events,
                Page::Resources,
                Page::About,
            ] {
                let path = format!("{base}{}", page.path());
                assert_eq!(Page::from_path(&path), Some((base, page.clone())), "{path}");
                let clean = path.trim_end_matches(".html").to_owned();
                assert_eq!(Page::from_path(&clean), Some((base, page)), "{clean}");
            }
            assert_eq!(Page::from_path(base), None);
            assert_eq!(Page::from_path(&format!("{base}index.html")), None);
        }
    }

    #[test]
    fn other_paths_are_not_static_pages() {
        assert_eq!(Page::from_path("/events/"), None);
        assert_eq!(Page::from_path("/xp/uncc.html"), None);
        assert_eq!(Page::from_path("/p/bad%20id.html"), None);
        assert_eq!(Page::from_path("no-slash"), None);
    }

    #[test]
    fn a_page_state_round_trips_through_the_query() {
        for page in [Page::Overview, Page::Process(id("uncc")), Page::About] {
            let q = page.state().to_query();
            assert_eq!(Page::for_state(&State::from_query(&q)), Some(page));
        }
    }

    #[test]
    fn links_are_relative_and_static_where_a_page_exists() {
        let process = Page::Process(id("uncc"));
        let events = State::default().goto(View::Events);
        assert_eq!(href(&Page::Overview, &events), "./events.html");
        assert_eq!(href(&process, &events), "../events.html");
        assert_eq!(href(&process, &process.state()), "uncc.html");
        assert_eq!(href(&Page::Events, &Page::Overview.state()), "./index.html");
        assert_eq!(
            href(&Page::Events, &process.state()),
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
    fn canonical_urls_are_the_apps_query_urls() {
        let p = Page::Process(id("uncc"));
        assert_eq!(
            canonical("https://example.org/tracker/", &p),
            "https://example.org/tracker/?view=process&id=uncc"
        );
        assert_eq!(
            canonical("https://example.org/", &Page::Overview),
            "https://example.org/"
        );
    }
}
