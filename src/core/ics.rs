//! iCalendar (RFC 5545) for events: the one writer behind the build's subscribable calendars and
//! the app's "Add to calendar". Events are all-day: the data gives days, not hours, and a date
//! known only to the month or year becomes an all-day span over that whole month or year, marked
//! tentative and "date to be confirmed" so no calendar shows it as fixed.

use super::catalog::Catalog;
use super::date::{PartialDate, Precision};
use super::export::{event_page, event_uid, is_absolute, lang_param, Words};
use super::model::Event;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// What a calendar file says about itself, and how its events are written.
#[derive(Clone, Copy, Debug)]
pub struct Calendar<'a> {
    /// Shown by calendar programs as the calendar's name.
    pub name: &'a str,
    /// The dataset's key, part of every `UID` (see `export::event_uid`).
    pub dataset: &'a str,
    /// The app's absolute address; each event gets a `URL` to its page. `None` (or a relative
    /// address, which calendars cannot follow) leaves `URL` out.
    pub base_url: Option<&'a str>,
    /// The language of SUMMARY, DESCRIPTION and LOCATION (falls back to the dataset's).
    pub lang: &'a str,
    /// `DTSTAMP`, in UTC: when the file was written. Passed in, since the core has no clock.
    pub stamp: NaiveDateTime,
    pub words: Words<'a>,
}

/// A VCALENDAR with one VEVENT per index of `events` into `c.events` (unknown indices are
/// skipped), with CRLF line ends and lines folded at 75 octets.
pub fn calendar(c: &Catalog, events: &[usize], cal: &Calendar) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Process Tracker//Calendar//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(cal.name)));
    for e in events.iter().filter_map(|&i| c.events.get(i)) {
        vevent(&mut out, c, e, cal);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn vevent(out: &mut String, c: &Catalog, e: &Event, cal: &Calendar) {
    let fallback = c.lang();
    let text = |t: &super::text::Text| t.get(cal.lang, fallback).to_owned();
    let coarse = e.start.precision() != Precision::Day
        || e.end.is_some_and(|d| d.precision() != Precision::Day);
    let last = e.end.unwrap_or(e.start).last_day();
    let page = cal
        .base_url
        .filter(|b| is_absolute(b))
        .map(|b| event_page(b, &e.id, lang_param(cal.lang, fallback)));

    let mut summary = text(&e.title);
    if coarse {
        summary = format!("{summary} ({})", cal.words.date_to_be_confirmed);
    } else if e.tentative {
        summary = format!("{summary} ({})", cal.words.tentative);
    }
    let mut description = Vec::new();
    if coarse {
        description.push(format!(
            "{}: {}",
            capitalise(cal.words.date_to_be_confirmed),
            written_dates(e.start, e.end)
        ));
    }
    if let Some(s) = &e.summary {
        description.push(text(s));
    }
    if let Some(o) = &e.outcome {
        description.push(format!("{}: {}", cal.words.outcome, text(o)));
    }
    if let Some(p) = &page {
        description.push(format!("{}: {p}", cal.words.details));
    }

    line(out, "BEGIN:VEVENT");
    line(
        out,
        &format!("UID:{}", escape(&event_uid(cal.dataset, &e.id))),
    );
    line(out, &format!("DTSTAMP:{}", stamp(cal.stamp)));
    line(
        out,
        &format!("DTSTART;VALUE=DATE:{}", date(e.start.first_day())),
    );
    // DTEND of an all-day event is exclusive: the day after the last day.
    let end = last.succ_opt().unwrap_or(last);
    line(out, &format!("DTEND;VALUE=DATE:{}", date(end)));
    line(out, &format!("SUMMARY:{}", escape(&summary)));
    if !description.is_empty() {
        line(
            out,
            &format!("DESCRIPTION:{}", escape(&description.join("\n\n"))),
        );
    }
    if let Some(loc) = location(e, cal, fallback) {
        line(out, &format!("LOCATION:{}", escape(&loc)));
    }
    if let Some(kind) = c.event_kind(e.kind.as_str()) {
        line(out, &format!("CATEGORIES:{}", escape(&text(&kind.label))));
    }
    if let Some(p) = &page {
        // A URI value: not TEXT, so not escaped (model::Url already refuses spaces and quotes).
        line(out, &format!("URL:{p}"));
    }
    let status = if coarse || e.tentative {
        "TENTATIVE"
    } else {
        "CONFIRMED"
    };
    line(out, &format!("STATUS:{status}"));
    line(out, "END:VEVENT");
}

fn written_dates(start: PartialDate, end: Option<PartialDate>) -> String {
    match end {
        Some(e) if e != start => format!("{start} – {e}"),
        _ => start.to_string(),
    }
}

fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(first) => first.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

fn location(e: &Event, cal: &Calendar, fallback: &str) -> Option<String> {
    let l = e.location.as_ref()?;
    let mut parts: Vec<String> = Vec::new();
    if let Some(v) = &l.venue {
        parts.push(v.get(cal.lang, fallback).to_owned());
    }
    if let Some(city) = &l.city {
        parts.push(city.get(cal.lang, fallback).to_owned());
    }
    if let Some(country) = &l.country {
        parts.push(country.as_str().to_owned());
    }
    if l.online {
        parts.push(cal.words.online.to_owned());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn stamp(t: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        date(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped; carriage
/// returns and other control characters, which a content line may not hold, dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line exceeds 75 octets (CRLF excluded); each
/// continuation starts with a space, and no UTF-8 sequence is split.
pub fn line(out: &mut String, content: &str) {
    const MAX: usize = 75;
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > MAX {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::load;
    use crate::core::synth::Rng;

    /// Unfolds and splits content lines: the reference reading of RFC 5545 §3.1.
    fn unfold(ics: &str) -> Vec<String> {
        assert!(ics.ends_with("\r\n"));
        let mut lines: Vec<String> = Vec::new();
        for raw in ics.trim_end_matches("\r\n").split("\r\n") {
            assert!(
                !raw.contains('\n') && !raw.contains('\r'),
                "bare line break"
            );
            if let Some(rest) = raw.strip_prefix(' ') {
                lines
                    .last_mut()
                    .expect("continuation after a line")
                    .push_str(rest);
            } else {
                lines.push(raw.to_owned());
            }
        }
        lines
    }

    /// The reference unescaping of a TEXT value.
    fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut cs = v.chars();
        while let Some(c) = cs.next() {
            if c == '\\' {
                match cs.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(o) => out.push(o),
                    None => panic!("dangling backslash"),
                }
            } else {
                assert!(c != ';' && c != ',', "unescaped {c:?} in {v:?}");
                out.push(c);
            }
        }
        out
    }

    fn random_text(r: &mut Rng) -> String {
        const PIECES: &[&str] = &[
            "a",
            "Zürich",
            "é",
            "日本語",
            "🙂",
            ";",
            ",",
            "\\",
            "\n",
            "\r\n",
            " ",
            "\t",
            "\u{7}",
            "abcdefghij",
            "ß",
            "ع",
        ];
        (0..r.below(60)).map(|_| *r.pick(PIECES)).collect()
    }

    #[test]
    fn folding_keeps_lines_short_and_text_whole() {
        let mut r = Rng(42);
        for _ in 0..2000 {
            let text = random_text(&mut r);
            let mut out = String::new();
            line(&mut out, &format!("DESCRIPTION:{}", escape(&text)));
            for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
                assert!(
                    physical.len() <= 75,
                    "{} octets: {physical:?}",
                    physical.len()
                );
            }
            let lines = unfold(&out);
            assert_eq!(lines.len(), 1);
            let value = lines[0].strip_prefix("DESCRIPTION:").expect("name");
            let expected: String = text
                .chars()
                .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
                .collect();
            assert_eq!(unescape(value), expected);
        }
    }

    #[test]
    fn escaping_handles_each_special_character() {
        assert_eq!(escape("a\\b;c,d\ne\rf"), "a\\\\b\\;c\\,d\\nef");
        let mut out = String::new();
        line(&mut out, &"é".repeat(50));
        let first = out.split("\r\n").next().expect("line");
        assert_eq!(
            first.len(),
            74,
            "a two-octet char that would end at 76 moves down"
        );
    }

    fn catalog(events: &str) -> Catalog {
        let json = format!(
            r#"{{"schema_version":1,"meta":{{"title":"T","publisher":{{"name":"P"}},"reviewed":"2026-12-01","default_lang":"en","license":{{"name":"L"}}}},
            "event_kinds":[{{"id":"session","label":{{"en":"Session","fr":"Séance"}}}}],
            "processes":[{{"id":"p","name":"P","summary":"S","sources":["https://s.org"]}}],
            "events":[{events}]}}"#
        );
        let loaded = load(&json).expect("loads");
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        loaded.catalog
    }

    fn cal() -> Calendar<'static> {
        Calendar {
            name: "Test, calendar",
            dataset: "test",
            base_url: Some("https://t.example/"),
            lang: "en",
            stamp: NaiveDate::from_ymd_opt(2026, 12, 1)
                .and_then(|d| d.and_hms_opt(8, 30, 5))
                .expect("stamp"),
            words: Words::ENGLISH,
        }
    }

    fn props(ics: &str) -> Vec<(String, String)> {
        unfold(ics)
            .into_iter()
            .filter_map(|l| l.split_once(':').map(|(a, b)| (a.to_owned(), b.to_owned())))
            .collect()
    }

    fn get<'a>(p: &'a [(String, String)], name: &str) -> Vec<&'a str> {
        p.iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    #[test]
    fn a_day_precise_event_is_an_all_day_span_with_exclusive_end() {
        let c = catalog(
            r#"{"id":"e1","processes":["p"],"title":"Plenary; first","kind":"session","start":"2026-12-07","end":"2026-12-31",
               "location":{"city":"New York","country":"US"},"summary":"Talks, talks","sources":["https://s.org"]}"#,
        );
        let ics = calendar(&c, &[0], &cal());
        let p = props(&ics);
        assert_eq!(get(&p, "DTSTART;VALUE=DATE"), ["20261207"]);
        assert_eq!(
            get(&p, "DTEND;VALUE=DATE"),
            ["20270101"],
            "the day after 31 Dec"
        );
        assert_eq!(get(&p, "STATUS"), ["CONFIRMED"]);
        assert_eq!(get(&p, "DTSTAMP"), ["20261201T083005Z"]);
        assert_eq!(get(&p, "UID"), ["e1.test@process-tracker"]);
        assert_eq!(get(&p, "URL"), ["https://t.example/?view=events&event=e1"]);
        assert_eq!(get(&p, "SUMMARY"), ["Plenary\\; first"]);
        assert_eq!(get(&p, "LOCATION"), ["New York\\, US"]);
        assert_eq!(get(&p, "X-WR-CALNAME"), ["Test\\, calendar"]);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }

    #[test]
    fn month_and_year_dates_cover_the_whole_period_and_say_so() {
        let c = catalog(
            r#"{"id":"m","processes":["p"],"title":"Month","kind":"session","start":"2027-02","sources":["https://s.org"]},
               {"id":"y","processes":["p"],"title":"Year","kind":"session","start":"2028","sources":["https://s.org"]},
               {"id":"t","processes":["p"],"title":"Tent","kind":"session","start":"2027-05-04","tentative":true,"sources":["https://s.org"]}"#,
        );
        let ics = calendar(&c, &[0, 1, 2], &cal());
        let p = props(&ics);
        assert_eq!(
            get(&p, "DTSTART;VALUE=DATE"),
            ["20270201", "20270504", "20280101"]
        );
        assert_eq!(
            get(&p, "DTEND;VALUE=DATE"),
            ["20270301", "20270505", "20290101"]
        );
        assert_eq!(get(&p, "STATUS"), ["TENTATIVE"; 3]);
        let summaries = get(&p, "SUMMARY");
        assert!(
            summaries[0].ends_with("(date to be confirmed)"),
            "{summaries:?}"
        );
        assert!(summaries[1].ends_with("(tentative date)"));
        assert!(get(&p, "DESCRIPTION")[0].starts_with("Date to be confirmed: 2027-02"));
    }

    #[test]
    fn text_is_in_the_chosen_language_and_uids_are_stable() {
        let c = catalog(
            r#"{"id":"e","processes":["p"],"title":{"en":"Session","fr":"Séance"},"kind":"session","start":"2026-01-01","sources":["https://s.org"]}"#,
        );
        let fr = Calendar {
            lang: "fr",
            ..cal()
        };
        let a = calendar(&c, &[0], &fr);
        let p = props(&a);
        assert_eq!(get(&p, "SUMMARY"), ["Séance"]);
        assert_eq!(get(&p, "CATEGORIES"), ["Séance"]);
        assert_eq!(
            get(&p, "URL"),
            ["https://t.example/?view=events&event=e&lang=fr"]
        );
        assert_eq!(
            get(&props(&calendar(&c, &[0], &cal())), "UID"),
            get(&p, "UID")
        );
        let relative = Calendar {
            base_url: Some("../"),
            ..cal()
        };
        assert!(get(&props(&calendar(&c, &[0, 7], &relative)), "URL").is_empty());
    }
}
