//! Every static page of the default dataset, rendered natively from the app's components
//! (`ui::prerender`), holds the records it should — computed here from the dataset — and links
//! only to pages that exist. `cargo test --features prerender --test prerender`.

use chrono::NaiveDate;
use process_tracker::core::dataset::Dataset;
use process_tracker::core::entry::Entry;
use process_tracker::core::pages::{self, Kind, Page};
use process_tracker::i18n;
use process_tracker::ui::prerender::render;
use std::collections::BTreeSet;
use std::sync::Arc;

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/public/data/un-cyber-processes.json"
);

fn data() -> Arc<Dataset> {
    let text = std::fs::read_to_string(PATH).expect("default dataset present");
    Arc::new(Dataset::load(&text, "data/un-cyber-processes.json", None).expect("loads"))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("date")
}

/// The values of `attr="…"` in `html`, in order.
fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let key = format!(" {attr}=\"");
    html.match_indices(&key)
        .filter_map(|(i, _)| {
            let rest = &html[i + key.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

fn set(v: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    v.into_iter().collect()
}

/// Every page at the site root and in every interface language (as the build writes them).
fn every_page(d: &Dataset) -> Vec<Page> {
    pages::every_page(d.catalog.processes.iter().map(|p| &p.id), &i18n::LANGUAGES)
}

/// What the pages show, once each: the kinds of the pages at the site root.
fn kinds(d: &Dataset) -> Vec<Kind> {
    every_page(d)
        .into_iter()
        .filter(|p| p.lang.is_none())
        .map(|p| p.kind)
        .collect()
}

/// `href` from the page at `from` (a path from the site root), as a path from the site root;
/// `None` if it climbs above the root.
fn resolve(from: &str, href: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn the_overview_shows_every_process_and_what_comes_next() {
    let d = data();
    let html = render(d.clone(), &Page::new(Kind::Overview), today());
    let cards = set(attr_values(&html, "data-process"));
    let all = set(d.catalog.processes.iter().map(|p| p.id.to_string()));
    assert_eq!(cards, all);
    // "What's next": the first five events not yet over as of the build date, in date order.
    let upcoming: Vec<String> = d
        .catalog
        .events
        .iter()
        .filter(|e| e.is_open(today()))
        .take(5)
        .map(|e| e.id.to_string())
        .collect();
    assert!(!upcoming.is_empty(), "the dataset has upcoming events");
    let next = html
        .split("id=\"next-title\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("a what's-next section");
    assert_eq!(attr_values(next, "data-event"), upcoming);
    assert!(html.contains(&escaped(d.t(&d.catalog.meta.title))));
    assert!(
        html.contains("26 Nov 2026"),
        "says the build date it is as of"
    );
}

#[test]
fn each_explainer_lists_its_own_events_and_names_its_process() {
    let d = data();
    for p in &d.catalog.processes {
        let html = render(d.clone(), &Page::new(Kind::Process(p.id.clone())), today());
        assert!(
            html.contains(&format!("<h1>{}</h1>", escaped(d.t(&p.name)))),
            "{}: heading",
            p.id
        );
        let own = set(d
            .catalog
            .events
            .iter()
            .filter(|e| e.processes.contains(&p.id))
            .map(|e| e.id.to_string()));
        let shown = set(attr_values(&html, "data-event"));
        assert_eq!(shown, own, "{}: events", p.id);
        assert!(
            html.contains(&format!("data-state=\"?view=process&amp;id={}\"", p.id)),
            "{}: names the app state it shows",
            p.id
        );
    }
}

#[test]
fn the_lists_hold_every_event_and_resource_and_say_filters_need_javascript() {
    let d = data();
    let events = render(d.clone(), &Page::new(Kind::Events), today());
    let ids = attr_values(&events, "data-event");
    assert_eq!(ids.len(), d.catalog.events.len(), "each event once");
    assert_eq!(
        set(ids),
        set(d.catalog.events.iter().map(|e| e.id.to_string()))
    );
    for y in set(d.catalog.events.iter().map(|e| e.start.year().to_string())) {
        assert!(events.contains(&format!("id=\"year-{y}\"")), "year {y}");
    }
    assert!(events.contains("need JavaScript"));
    assert!(
        !events.contains("type=\"checkbox\""),
        "no filters that do nothing"
    );
    let resources = render(d.clone(), &Page::new(Kind::Resources), today());
    assert_eq!(
        set(attr_values(&resources, "data-resource")),
        set(d.catalog.resources.iter().map(|r| r.id.to_string()))
    );
    let about = render(d.clone(), &Page::new(Kind::About), today());
    assert!(about.contains(&d.catalog.events.len().to_string()));
    assert!(about.contains("data-problems=\"0\""));
}

#[test]
fn every_link_is_relative_and_leads_to_a_page_that_exists() {
    let d = data();
    let all = every_page(&d);
    let mut paths = set(all.iter().map(|p| p.path()));
    // Beside the pages, the build writes (`tracker site`) a calendar of upcoming events and one
    // per process: the subscribe links lead there.
    paths.insert("calendar/upcoming.ics".to_owned());
    paths.extend(
        d.catalog
            .processes
            .iter()
            .map(|p| format!("calendar/{}.ics", p.id)),
    );
    for page in &all {
        let local = Arc::new(d.in_lang(page.lang.as_deref()));
        let html = render(local, page, today());
        assert!(
            !html.contains("href=\"/"),
            "{}: no root-relative link",
            page.path()
        );
        for href in attr_values(&html, "href") {
            if href.starts_with('#') || href.contains(':') {
                continue;
            }
            let target = resolve(&page.path(), &href.replace("&amp;", "&"))
                .unwrap_or_else(|| panic!("{}: {href} climbs above the site root", page.path()));
            if target.starts_with('?') || target.is_empty() || target.starts_with("data/") {
                continue; // the app's own URL at the site root
            }
            // The builder's entry page, which the prerender binary writes beside `index.html`.
            if target.split('?').next() == Some(Entry::EmbedBuilder.file()) {
                continue;
            }
            assert!(
                paths.contains(&target),
                "{}: {href} → {target}",
                page.path()
            );
        }
    }
}

#[test]
fn each_language_has_its_pages_in_that_language_and_links_to_the_others() {
    let d = data();
    for lang in i18n::LANGUAGES {
        let t = i18n::messages(lang);
        let local = Arc::new(d.in_lang(Some(lang)));
        for kind in kinds(&d) {
            let page = Page {
                kind: kind.clone(),
                lang: Some(lang.to_string()),
            };
            let html = render(local.clone(), &page, today());
            let path = page.path();
            assert!(html.contains(&escaped(t.nav_events)), "{path}: its menu");
            assert!(
                html.contains(&escaped(local.t(&d.catalog.meta.title))),
                "{path}: the dataset's title in {lang}"
            );
            // Its own language's links stay in its folder; the switcher leads to this page in
            // every other language.
            for other in i18n::LANGUAGES {
                let there = Page {
                    kind: kind.clone(),
                    lang: Some(other.to_string()),
                };
                let linked = attr_values(&html, "href")
                    .iter()
                    .any(|h| resolve(&path, h).as_deref() == Some(there.path().as_str()));
                assert!(linked, "{path}: a link to {}", there.path());
            }
            let state = page.state().to_query().replace('&', "&amp;");
            assert!(html.contains(&format!("data-state=\"{state}\"")), "{path}");
            assert!(
                html.contains(&format!("data-root=\"{}\"", page.root())),
                "{path}"
            );
        }
        // The explainers' names, in this language.
        let overview = render(
            local.clone(),
            &Page {
                kind: Kind::Overview,
                lang: Some(lang.to_string()),
            },
            today(),
        );
        for p in &d.catalog.processes {
            assert!(
                overview.contains(&escaped(local.t(&p.name))),
                "{lang}: {}",
                p.id
            );
        }
    }
}
