//! What search sees of each record: its title and body in the reader's language, folded. Each
//! record kind lists its texts once, in order; the search index reads its words from them, and
//! `Folded` joins them into the two strings `Query::score` reads.

use super::catalog::Catalog;
use super::fold::fold_into;
use super::model::{Block, Event, Process, Resource};
use super::search_index::{Builder, SearchIndex};
use super::text::Text;

/// Receives a record's texts: all of its title, then all of its body.
pub(crate) trait Sink {
    /// One text, unfolded.
    fn part(&mut self, in_title: bool, raw: &str);
    /// One text that many records share (a process's name in each of its events).
    fn shared_part(&mut self, in_title: bool, raw: &str) {
        self.part(in_title, raw);
    }
    /// The body's next paragraph starts (process explainers).
    fn paragraph(&mut self);
}

fn texts<'a>(
    sink: &mut dyn Sink,
    in_title: bool,
    parts: impl IntoIterator<Item = Option<&'a Text>>,
    lang: &str,
    dflt: &str,
) {
    for t in parts.into_iter().flatten() {
        for raw in read_and_default(t, lang, dflt) {
            sink.part(in_title, raw);
        }
    }
}

/// A text as read, then in the dataset's default language where that differs: a reader finds
/// a record by the words on screen and by its original wording (a name they know in English).
fn read_and_default<'a>(t: &'a Text, lang: &str, dflt: &str) -> impl Iterator<Item = &'a str> {
    let read = t.get(lang, dflt);
    let original = t.get(dflt, dflt);
    std::iter::once(read).chain((original != read).then_some(original))
}

fn event(c: &Catalog, e: &Event, lang: &str, sink: &mut dyn Sink) {
    let dflt = c.lang();
    texts(sink, true, [Some(&e.title)], lang, dflt);
    let loc = e.location.as_ref();
    let body = [
        e.summary.as_ref(),
        e.outcome.as_ref(),
        loc.and_then(|l| l.city.as_ref()),
        loc.and_then(|l| l.venue.as_ref()),
    ];
    texts(sink, false, body, lang, dflt);
    let names = e
        .processes
        .iter()
        .filter_map(|id| c.process(id.as_str()))
        .flat_map(|(_, p)| [p.short_name.as_ref(), Some(&p.name)]);
    for t in names.flatten() {
        for raw in read_and_default(t, lang, dflt) {
            sink.shared_part(false, raw);
        }
    }
}

fn resource(c: &Catalog, r: &Resource, lang: &str, sink: &mut dyn Sink) {
    let dflt = c.lang();
    texts(sink, true, [Some(&r.title)], lang, dflt);
    texts(
        sink,
        false,
        [r.summary.as_ref(), r.publisher.as_ref()],
        lang,
        dflt,
    );
}

fn process(c: &Catalog, p: &Process, lang: &str, sink: &mut dyn Sink) {
    let dflt = c.lang();
    texts(
        sink,
        true,
        [Some(&p.name), p.short_name.as_ref()],
        lang,
        dflt,
    );
    let facts = p.key_facts.iter().map(|f| Some(&f.text));
    texts(
        sink,
        false,
        std::iter::once(Some(&p.summary)).chain(facts),
        lang,
        dflt,
    );
    let ex = &p.explainer;
    for b in ex
        .why_it_matters
        .iter()
        .chain(&ex.how_it_works)
        .chain(&ex.how_to_engage)
    {
        sink.paragraph();
        match b {
            Block::Paragraph(t) => texts(sink, false, [Some(t)], lang, dflt),
            Block::List(v) => texts(sink, false, v.iter().map(Some), lang, dflt),
        }
    }
}

type Visit<T> = fn(&Catalog, &T, &str, &mut dyn Sink);

fn index<T>(c: &Catalog, records: &[T], lang: &str, visit: Visit<T>) -> SearchIndex {
    let mut b = Builder::default();
    let mut folded = Folded::default();
    for r in records {
        visit(c, r, lang, &mut Words(&mut b));
        if b.end_record() {
            folded.clear();
            visit(c, r, lang, &mut folded);
            b.keep(&folded.title, &folded.body);
        }
    }
    b.finish()
}

pub(crate) fn event_index(c: &Catalog, lang: &str) -> SearchIndex {
    index(c, &c.events, lang, event)
}

pub(crate) fn resource_index(c: &Catalog, lang: &str) -> SearchIndex {
    index(c, &c.resources, lang, resource)
}

pub(crate) fn process_index(c: &Catalog, lang: &str) -> SearchIndex {
    index(c, &c.processes, lang, process)
}

struct Words<'a>(&'a mut Builder);

impl Sink for Words<'_> {
    fn part(&mut self, in_title: bool, raw: &str) {
        self.0.part(in_title, raw);
    }

    fn shared_part(&mut self, in_title: bool, raw: &str) {
        self.0.shared_part(in_title, raw);
    }

    fn paragraph(&mut self) {}
}

/// A record's folded title and body: its texts joined so that no word runs from one into the
/// next, paragraphs by a space.
#[derive(Default)]
pub(crate) struct Folded {
    pub title: String,
    pub body: String,
    /// Where the current paragraph of the body starts.
    paragraph: usize,
}

impl Folded {
    fn clear(&mut self) {
        self.title.clear();
        self.body.clear();
        self.paragraph = 0;
    }
}

impl Sink for Folded {
    fn part(&mut self, in_title: bool, raw: &str) {
        let (s, from) = if in_title {
            (&mut self.title, 0)
        } else {
            (&mut self.body, self.paragraph)
        };
        if s.len() > from {
            s.push_str(" \u{2063} ");
        }
        fold_into(raw, s);
    }

    fn paragraph(&mut self) {
        self.body.push(' ');
        self.paragraph = self.body.len();
    }
}

#[cfg(test)]
fn folded<T>(c: &Catalog, records: &[T], lang: &str, visit: Visit<T>) -> Vec<(String, String)> {
    records
        .iter()
        .map(|r| {
            let mut f = Folded::default();
            visit(c, r, lang, &mut f);
            (f.title, f.body)
        })
        .collect()
}

/// Each record's folded title and body, for tests to score the slow way: processes, events,
/// resources.
#[cfg(test)]
pub(crate) fn each_kind(c: &Catalog, lang: &str) -> [Vec<(String, String)>; 3] {
    [
        folded(c, &c.processes, lang, process),
        folded(c, &c.events, lang, event),
        folded(c, &c.resources, lang, resource),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fold::fold;
    use crate::core::load::load;
    use crate::core::load_tests::base;
    use serde_json::json;

    /// Parts joined the way search text has always been joined: a separator between non-empty
    /// folds.
    fn joined(parts: &[&str]) -> String {
        let mut s = String::new();
        for p in parts {
            if !s.is_empty() {
                s.push_str(" \u{2063} ");
            }
            s.push_str(&fold(p));
        }
        s
    }

    #[test]
    fn folded_texts_join_each_records_parts() {
        let mut v = base();
        v["events"][1]["summary"] = json!("Día uno");
        v["events"][1]["outcome"] = json!("");
        v["events"][1]["location"]["venue"] = json!({"en": "Hall", "fr": "Salle"});
        v["processes"][0]["short_name"] = json!("AL");
        v["processes"][0]["key_facts"] = json!([{"text": "Fact one"}, {"text": "Fact two"}]);
        v["processes"][0]["explainer"] = json!({
            "why_it_matters": ["Because", {"list": ["a", "", "b"]}],
            "how_to_engage": [{"list": []}, "Write"]
        });
        let c = load(&v.to_string()).expect("loads").catalog;
        let [processes, events, resources] = each_kind(&c, "fr");
        let (_, e1) = c.event("e1").expect("e1");
        let at = c
            .events
            .iter()
            .position(|e| e.id == e1.id)
            .expect("position");
        assert_eq!(events[at].0, "earlier");
        assert_eq!(
            events[at].1,
            // Read in French, the venue is searched in French and in the default English.
            joined(&["Día uno", "", "New York", "Salle", "Hall", "AL", "Alpha"])
        );
        assert_eq!(processes[0].0, joined(&["Alpha", "AL"]));
        assert_eq!(
            processes[0].1,
            format!(
                "{} {} {} {} {}",
                joined(&["First", "Fact one", "Fact two"]),
                joined(&["Because"]),
                joined(&["a", "", "b"]),
                joined(&[]),
                joined(&["Write"])
            )
        );
        assert_eq!(resources[0], (fold("New"), String::new()));
    }
}
