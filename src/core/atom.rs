//! Atom 1.0 feeds (RFC 4287) of events and of resources, written at build time so readers can
//! follow a tracker in any feed reader. Every entry has a permanent `tag:` id, so a reader shows
//! an entry once however often the feed is rebuilt.

use super::catalog::Catalog;
use super::date::Precision;
use super::export::{event_page, lang_param, tag_uri, Words};
pub use super::markup::escape;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// What a feed says about itself.
#[derive(Clone, Copy, Debug)]
pub struct Feed<'a> {
    pub title: &'a str,
    /// The dataset's key: part of every entry's id.
    pub dataset: &'a str,
    /// What this feed is ("upcoming", "resources", a process id): part of the feed's id.
    pub name: &'a str,
    /// The app's address, absolute or relative to where the feed is served (`../` for
    /// `feeds/upcoming.atom` next to `index.html`'s folder). Event entries link to their page.
    pub base_url: &'a str,
    /// The feed's own address, for `rel="self"`, if known.
    pub self_url: Option<&'a str>,
    pub lang: &'a str,
    /// The feed's `updated`, in UTC; passed in, as the core has no clock.
    pub updated: NaiveDateTime,
    pub words: Words<'a>,
}

/// A feed of events (indices into `c.events`; unknown ones skipped). Each entry's `updated` is
/// the dataset's review day, when its facts were last checked.
pub fn events_feed(c: &Catalog, events: &[usize], f: &Feed) -> String {
    let fb = c.lang();
    let reviewed = midnight(c.meta.reviewed.0);
    let mut out = head(c, f);
    for e in events.iter().filter_map(|&i| c.events.get(i)) {
        let coarse = e.start.precision() != Precision::Day
            || e.end.is_some_and(|d| d.precision() != Precision::Day);
        let mut when = match e.end {
            Some(end) if end != e.start => format!("{} – {end}", e.start),
            _ => e.start.to_string(),
        };
        if coarse {
            when = format!("{when} ({})", f.words.date_to_be_confirmed);
        } else if e.tentative {
            when = format!("{when} ({})", f.words.tentative);
        }
        let mut summary = vec![when];
        if let Some(l) = &e.location {
            let mut place: Vec<&str> = [&l.venue, &l.city]
                .into_iter()
                .flatten()
                .map(|t| t.get(f.lang, fb))
                .collect();
            place.extend(l.country.as_ref().map(|c| c.as_str()));
            if l.online {
                place.push(f.words.online);
            }
            if !place.is_empty() {
                summary.push(place.join(", "));
            }
        }
        summary.extend(e.summary.as_ref().map(|s| s.get(f.lang, fb).to_owned()));
        if let Some(o) = &e.outcome {
            summary.push(format!("{}: {}", f.words.outcome, o.get(f.lang, fb)));
        }
        let link = event_page(f.base_url, &e.id, lang_param(f.lang, fb));
        let kind = c
            .event_kind(e.kind.as_str())
            .map(|k| (k.id.as_str(), &k.label));
        entry(
            &mut out,
            &Entry {
                id: &tag_uri(f.dataset, "event", e.id.as_str()),
                title: e.title.get(f.lang, fb),
                link: &link,
                updated: reviewed,
                published: None,
                summary: &summary.join("\n"),
                category: kind.map(|(id, label)| (id, label.get(f.lang, fb))),
            },
        );
    }
    out.push_str("</feed>\n");
    out
}

/// A feed of resources (indices into `c.resources`); each entry links to the publication and is
/// dated by it.
pub fn resources_feed(c: &Catalog, resources: &[usize], f: &Feed) -> String {
    let fb = c.lang();
    let mut out = head(c, f);
    for r in resources.iter().filter_map(|&i| c.resources.get(i)) {
        let day = midnight(r.date.first_day());
        let mut summary: Vec<&str> = Vec::new();
        summary.extend(r.publisher.as_ref().map(|p| p.get(f.lang, fb)));
        summary.extend(r.summary.as_ref().map(|s| s.get(f.lang, fb)));
        let kind = c
            .resource_kind(r.kind.as_str())
            .map(|k| (k.id.as_str(), &k.label));
        entry(
            &mut out,
            &Entry {
                id: &tag_uri(f.dataset, "resource", r.id.as_str()),
                title: r.title.get(f.lang, fb),
                link: r.url.as_str(),
                updated: day,
                published: Some(day),
                summary: &summary.join("\n"),
                category: kind.map(|(id, label)| (id, label.get(f.lang, fb))),
            },
        );
    }
    out.push_str("</feed>\n");
    out
}

fn head(c: &Catalog, f: &Feed) -> String {
    let fb = c.lang();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape(f.lang)
    ));
    element(&mut out, 1, "id", &tag_uri(f.dataset, "feed", f.name));
    element(&mut out, 1, "title", f.title);
    if let Some(d) = &c.meta.description {
        element(&mut out, 1, "subtitle", d.get(f.lang, fb));
    }
    element(&mut out, 1, "updated", &rfc3339(f.updated));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(f.base_url)
    ));
    if let Some(s) = f.self_url {
        out.push_str(&format!(
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
            escape(s)
        ));
    }
    out.push_str("  <author>\n");
    element(&mut out, 2, "name", c.meta.publisher.name.get(f.lang, fb));
    if let Some(u) = &c.meta.publisher.url {
        element(&mut out, 2, "uri", u.as_str());
    }
    out.push_str("  </author>\n");
    out.push_str(&format!(
        "  <rights>{}</rights>\n",
        escape(c.meta.license.name.get(f.lang, fb))
    ));
    out.push_str("  <generator>Process Tracker</generator>\n");
    out
}

struct Entry<'a> {
    id: &'a str,
    title: &'a str,
    link: &'a str,
    updated: NaiveDateTime,
    published: Option<NaiveDateTime>,
    summary: &'a str,
    category: Option<(&'a str, &'a str)>,
}

fn entry(out: &mut String, e: &Entry) {
    out.push_str("  <entry>\n");
    element(out, 2, "id", e.id);
    element(out, 2, "title", e.title);
    out.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(e.link)
    ));
    element(out, 2, "updated", &rfc3339(e.updated));
    if let Some(p) = e.published {
        element(out, 2, "published", &rfc3339(p));
    }
    if let Some((term, label)) = e.category {
        out.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            escape(term),
            escape(label)
        ));
    }
    if !e.summary.is_empty() {
        out.push_str(&format!(
            "    <summary type=\"text\">{}</summary>\n",
            escape(e.summary)
        ));
    }
    out.push_str("  </entry>\n");
}

fn element(out: &mut String, depth: usize, name: &str, text: &str) {
    out.push_str(&"  ".repeat(depth));
    out.push_str(&format!("<{name}>{}</{name}>\n", escape(text)));
}

fn midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_time(chrono::NaiveTime::MIN)
}

fn rfc3339(t: NaiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::load;
    use crate::core::synth::{self, Rng};

    /// The reference reading of escaped text: each entity back to its character.
    fn unescape(s: &str) -> String {
        assert!(
            !s.contains('<') && !s.contains('>'),
            "raw angle bracket in {s:?}"
        );
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let end = rest[i..].find(';').expect("entity ends") + i;
            out.push(match &rest[i + 1..end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                other => panic!("unknown entity {other}"),
            });
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn escaping_reads_back_for_any_text() {
        const PIECES: &[&str] = &[
            "a", "&", "<", ">", "\"", "'", "&amp;", "\u{1}", "é", "\n", "]]>", "<script>",
        ];
        let mut r = Rng(3);
        for _ in 0..1000 {
            let s: String = (0..r.below(20)).map(|_| *r.pick(PIECES)).collect();
            let want: String = s.chars().filter(|c| *c != '\u{1}').collect();
            assert_eq!(unescape(&escape(&s)), want);
        }
    }

    fn feed() -> Feed<'static> {
        Feed {
            title: "Upcoming & more",
            dataset: "test",
            name: "upcoming",
            base_url: "../",
            self_url: Some("https://t.example/feeds/upcoming.atom"),
            lang: "en",
            updated: NaiveDate::from_ymd_opt(2026, 12, 1)
                .and_then(|d| d.and_hms_opt(9, 0, 0))
                .expect("time"),
            words: Words::ENGLISH,
        }
    }

    #[test]
    fn an_event_feed_has_one_entry_per_event_with_id_link_and_updated() {
        let c = load(&synth::dataset(60, 11)).expect("loads").catalog;
        let picked = [0usize, 10, 20];
        let xml = events_feed(&c, &picked, &feed());
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""));
        assert!(xml.contains("<title>Upcoming &amp; more</title>"));
        assert!(xml.contains("<updated>2026-12-01T09:00:00Z</updated>"));
        assert_eq!(xml.matches("<entry>").count(), 3);
        for &i in &picked {
            let e = &c.events[i];
            assert!(xml.contains(&format!(
                "<id>tag:process-tracker,2026:test:event:{}</id>",
                e.id
            )));
            let href = escape(&event_page("../", &e.id, None));
            assert!(xml.contains(&format!("href=\"{href}\"")), "{href}");
        }
        assert!(xml.trim_end().ends_with("</feed>"));
    }

    #[test]
    fn a_resource_feed_links_to_the_publications() {
        let c = load(&synth::dataset(60, 11)).expect("loads").catalog;
        let all: Vec<usize> = (0..c.resources.len()).collect();
        let xml = resources_feed(
            &c,
            &all,
            &Feed {
                name: "resources",
                ..feed()
            },
        );
        assert_eq!(xml.matches("<entry>").count(), c.resources.len());
        for r in &c.resources {
            assert!(xml.contains(&format!("href=\"{}\"", escape(r.url.as_str()))));
            assert!(xml.contains(&format!(
                "<published>{}T00:00:00Z</published>",
                r.date.first_day()
            )));
        }
    }
}
