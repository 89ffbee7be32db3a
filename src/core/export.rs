//! What the calendar, feed and table writers share: the address of a record's page in the app,
//! the stable ids that calendars and feed readers key on, and the few words they write.

use super::model::Id;
use super::route::{Globals, State, View};

/// Reader-facing words the writers put into files, in the language being written. The app fills
/// them from its message table; `ENGLISH` serves the build and tests.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    /// Said of an event known only to the month or year.
    pub date_to_be_confirmed: &'a str,
    /// Said of an event whose planned dates may change.
    pub tentative: &'a str,
    pub outcome: &'a str,
    pub online: &'a str,
    /// Before the link back to the event's page.
    pub details: &'a str,
}

impl Words<'static> {
    pub const ENGLISH: Words<'static> = Words {
        date_to_be_confirmed: "date to be confirmed",
        tentative: "tentative date",
        outcome: "Outcome",
        online: "Online",
        details: "Details",
    };
}

/// The app's page for `event`: `base` (the app's address without a query, such as
/// `https://tracker.example.org/` or `../index.html`) plus the query that opens the event on the
/// events view, with `lang` in the query if given (see `lang_param`).
pub fn event_page(base: &str, event: &Id, lang: Option<&str>) -> String {
    page(
        base,
        State {
            view: View::Events,
            event: Some(event.clone()),
            ..State::default()
        },
        lang,
    )
}

/// The app's explainer page for `process`.
pub fn process_page(base: &str, process: &Id, lang: Option<&str>) -> String {
    page(
        base,
        State::default().goto(View::Process(process.clone())),
        lang,
    )
}

/// The language to name in a page link: `lang`, unless it is the dataset's own (the app's default).
pub fn lang_param<'a>(lang: &'a str, dataset_lang: &str) -> Option<&'a str> {
    (!lang.is_empty() && lang != dataset_lang).then_some(lang)
}

fn page(base: &str, mut state: State, lang: Option<&str>) -> String {
    state.globals = Globals {
        lang: lang.map(str::to_owned),
        ..Globals::default()
    };
    format!("{base}{}", state.to_query())
}

/// True for an `http(s)` address, which calendars need; relative bases only suit feeds and pages.
pub fn is_absolute(base: &str) -> bool {
    let lower = base.get(..8).unwrap_or(base).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The name a dataset goes by in ids: its file name without the extension, as the build names
/// it (`data/un-cyber-processes.json?v=2` → `un-cyber-processes`), so a calendar downloaded in
/// the app and one subscribed to from the build give the same event the same `UID`.
pub fn dataset_name(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let file = path.rsplit('/').next().unwrap_or(path);
    file.rsplit_once('.').map_or(file, |(stem, _)| stem)
}

/// A dataset's key in ids: letters, digits, `-` and `.` only, never empty.
pub fn dataset_key(name: &str) -> String {
    let key: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    let key = key.trim_matches(|c| c == '-' || c == '.');
    if key.is_empty() {
        "dataset".to_owned()
    } else {
        key.to_owned()
    }
}

/// The calendar `UID` of an event: the same event of the same dataset always gets the same one,
/// so a subscribed calendar updates entries instead of duplicating them.
pub fn event_uid(dataset: &str, event: &Id) -> String {
    format!("{event}.{}@process-tracker", dataset_key(dataset))
}

/// A feed entry's (or feed's) permanent id, a `tag:` URI (RFC 4151).
pub fn tag_uri(dataset: &str, kind: &str, id: &str) -> String {
    format!(
        "tag:process-tracker,2026:{}:{kind}:{id}",
        dataset_key(dataset)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dataset_is_named_by_its_file() {
        assert_eq!(
            dataset_name("data/un-cyber-processes.json"),
            "un-cyber-processes"
        );
        assert_eq!(dataset_name("https://p.example/a/b.v2.json?x=1#y"), "b.v2");
        assert_eq!(dataset_name("https://p.example/data"), "data");
    }
    use crate::core::route::State;

    fn id(s: &str) -> Id {
        Id::parse(s).expect("id")
    }

    #[test]
    fn an_event_page_opens_that_event_in_the_app() {
        let url = event_page("https://t.example/x/", &id("gm-org"), None);
        assert_eq!(url, "https://t.example/x/?view=events&event=gm-org");
        let q = url.split_once('?').map(|(_, q)| q).unwrap_or("");
        let state = State::from_query(q);
        assert_eq!(state.view, View::Events);
        assert_eq!(state.event, Some(id("gm-org")));
        let fr = event_page("../", &id("e1"), Some("fr"));
        assert!(
            State::from_query(fr.trim_start_matches("../?"))
                .globals
                .lang
                == Some("fr".into())
        );
    }

    #[test]
    fn a_process_page_is_its_explainer() {
        let url = process_page("", &id("uncc"), None);
        let state = State::from_query(url.trim_start_matches('?'));
        assert_eq!(state.view, View::Process(id("uncc")));
    }

    #[test]
    fn ids_are_stable_and_plain() {
        assert_eq!(
            event_uid("un cyber/processes", &id("e1")),
            "e1.un-cyber-processes@process-tracker"
        );
        assert_eq!(dataset_key("///"), "dataset");
        assert_eq!(event_uid("a", &id("x")), event_uid("a", &id("x")));
        assert_ne!(event_uid("a", &id("x")), event_uid("b", &id("x")));
        assert!(is_absolute("HTTPS://x.org/") && !is_absolute("../") && !is_absolute("ftp://x"));
    }
}
