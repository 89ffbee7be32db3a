//! The app's entry pages. The tracker (`index.html`, `src/main.rs`) holds every view but the
//! embed-code builder, which only partners open: that has a page and a wasm of its own
//! (`embed-builder.html`, `src/bin/embed-builder.rs`), so its code is not in every reader's
//! first download. Trunk builds both in one run. A link or a state change to a view of the other
//! entry is a page load there; the URL format is the same on both.

use super::route::{State, View};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Tracker,
    EmbedBuilder,
}

impl Entry {
    /// The entry that holds `view`.
    pub fn of(view: &View) -> Entry {
        match view {
            View::Embed => Entry::EmbedBuilder,
            _ => Entry::Tracker,
        }
    }

    /// The page's file beside the site's `index.html`. The tracker's is the folder itself
    /// (`…/?view=events`), as every static host serves `index.html` for it.
    pub fn file(self) -> &'static str {
        match self {
            Entry::Tracker => "",
            Entry::EmbedBuilder => "embed-builder.html",
        }
    }
}

/// The `href` of `state` from the page at `path` (a URL path, `/site/` or
/// `/site/embed-builder.html`), which runs `running`: the same path with the new query while
/// the view stays on this entry, else the other entry's file in the same folder.
pub fn href(path: &str, running: Entry, state: &State) -> String {
    let q = state.to_query();
    let to = Entry::of(&state.view);
    if to == running {
        return format!("{path}{q}");
    }
    let dir = path.rfind('/').map(|i| &path[..=i]).unwrap_or("./");
    format!("{dir}{}{q}", to.file())
}

/// The state an entry starts in, from the state its URL names. The builder's page opened with
/// no view (`embed-builder.html`, as the README links it) is the builder.
pub fn start(running: Entry, mut state: State) -> State {
    if running == Entry::EmbedBuilder && state.view == View::Overview {
        state.view = View::Embed;
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(view: View) -> State {
        State::default().goto(view)
    }

    #[test]
    fn a_view_of_the_same_entry_keeps_the_page() {
        for path in ["/", "/site/", "/site/index.html"] {
            let s = at(View::Events);
            assert_eq!(
                href(path, Entry::Tracker, &s),
                format!("{path}{}", s.to_query())
            );
        }
        let s = at(View::Embed);
        assert_eq!(
            href("/site/embed-builder.html", Entry::EmbedBuilder, &s),
            format!("/site/embed-builder.html{}", s.to_query())
        );
    }

    #[test]
    fn the_builder_is_a_page_of_its_own_in_the_same_folder() {
        let mut s = at(View::Embed);
        s.globals.lang = Some("fr".into());
        let q = s.to_query();
        assert!(q.contains("lang=fr"), "{q}");
        assert_eq!(
            href("/site/index.html", Entry::Tracker, &s),
            format!("/site/embed-builder.html{q}")
        );
        assert_eq!(
            href("/", Entry::Tracker, &s),
            format!("/embed-builder.html{q}")
        );
    }

    #[test]
    fn from_the_builder_every_other_view_is_the_trackers_folder() {
        for view in [View::Overview, View::Events, View::About, View::Timeline] {
            let s = at(view);
            let got = href("/site/embed-builder.html", Entry::EmbedBuilder, &s);
            assert_eq!(got, format!("/site/{}", s.to_query()));
            // Read back, the link names the same state.
            let query = got.trim_start_matches("/site/");
            assert_eq!(State::from_query(query), s);
        }
    }

    #[test]
    fn every_view_has_one_entry_and_the_builder_starts_on_itself() {
        assert_eq!(Entry::of(&View::Embed), Entry::EmbedBuilder);
        assert_eq!(Entry::of(&View::Overview), Entry::Tracker);
        assert_eq!(
            start(Entry::EmbedBuilder, State::default()).view,
            View::Embed
        );
        assert_eq!(start(Entry::Tracker, State::default()).view, View::Overview);
        let events = at(View::Events);
        assert_eq!(start(Entry::EmbedBuilder, events.clone()), events);
    }
}
