//! JSON text → `Catalog`. Each record is deserialized on its own, so one bad record costs only
//! itself: the rest of the dataset still loads, and every problem is reported with its place.

use super::catalog::Catalog;
use super::envelope::Envelope;
use super::issue::{
    Collection, Issue, LoadError, Place, Problem, MAX_DATASET_BYTES, MAX_REVIEW_AGE_DAYS,
    SUPPORTED_SCHEMA,
};
use super::json_path;
use super::model::{Event, Figure, Id, Kind, LangTag, Meta, Process, Resource, Source, Taxonomy};
use super::sort;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::{HashMap, HashSet};

pub struct Loaded {
    pub catalog: Catalog,
    pub issues: Vec<Issue>,
}

#[derive(Deserialize)]
struct IdOnly {
    #[serde(default)]
    id: MaybeString,
}

/// A string, or nothing for any other JSON value: a broken record's id, if it has a usable one.
#[derive(Default)]
struct MaybeString(Option<String>);

impl<'de> Deserialize<'de> for MaybeString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = MaybeString;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E>(self, s: &str) -> Result<MaybeString, E> {
                Ok(MaybeString(Some(s.chars().take(80).collect())))
            }
            fn visit_bool<E>(self, _: bool) -> Result<MaybeString, E> {
                Ok(MaybeString(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<MaybeString, E> {
                Ok(MaybeString(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<MaybeString, E> {
                Ok(MaybeString(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<MaybeString, E> {
                Ok(MaybeString(None))
            }
            fn visit_unit<E>(self) -> Result<MaybeString, E> {
                Ok(MaybeString(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut s: A,
            ) -> Result<MaybeString, A::Error> {
                while s.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(MaybeString(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<MaybeString, A::Error> {
                while m
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(MaybeString(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// Reads a dataset for showing it: records with problems are left out and reported.
pub fn load(json: &str) -> Result<Loaded, LoadError> {
    load_with(json, None)
}

/// Reads a dataset as its maintainer checks it: as `load`, plus warnings about facts that the
/// review should have brought up to date (tentative or outcome-less events already over at the
/// review, resources without a language, a review older than `MAX_REVIEW_AGE_DAYS` on `today`).
pub fn load_reviewed(json: &str, today: chrono::NaiveDate) -> Result<Loaded, LoadError> {
    load_with(json, Some(today))
}

fn load_with(json: &str, review: Option<chrono::NaiveDate>) -> Result<Loaded, LoadError> {
    if json.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    if !json.trim_start().starts_with('{') {
        return Err(LoadError::Shape("the top level must be an object".into()));
    }
    if json.len() > MAX_DATASET_BYTES {
        return Err(LoadError::TooLarge { size: json.len() });
    }
    // The version decides how to read the rest, so it is checked before any other field.
    let env: Envelope = serde_json::from_str(json).map_err(|e| match e.classify() {
        serde_json::error::Category::Data if e.line() == 1 && e.column() <= 1 => {
            LoadError::Shape("the top level must be an object".into())
        }
        serde_json::error::Category::Data => {
            LoadError::Shape("“schema_version” must be a whole number".into())
        }
        _ => json_error(&e),
    })?;
    match env.version.flatten() {
        Some(v) if v == SUPPORTED_SCHEMA as u64 => {}
        Some(found) => return Err(LoadError::Schema { found }),
        None => return Err(LoadError::Shape("missing field “schema_version”".into())),
    }
    let (meta, processes) = env.required().map_err(LoadError::Shape)?;
    let meta: Meta = decode(meta).map_err(|(path, msg)| LoadError::Meta(with_path(path, msg)))?;

    let mut v = Validator {
        issues: Vec::new(),
        reviewed: review.map(|_| meta.reviewed.0),
    };
    if let Some(today) = review {
        let days = (today - meta.reviewed.0).num_days();
        if days > MAX_REVIEW_AGE_DAYS {
            v.issues.push(Issue {
                place: Place {
                    collection: Collection::Meta,
                    index: 0,
                    id: None,
                    field: Some("reviewed".into()),
                },
                problem: Problem::StaleReview {
                    reviewed: meta.reviewed.to_string(),
                    days,
                },
            });
        }
    }
    let taxonomies = v.records::<Taxonomy>(Collection::Taxonomies, &env.taxonomies, |t| &t.id);
    let mut event_kinds =
        values(v.records::<Kind>(Collection::EventKinds, &env.event_kinds, |k| &k.id));
    let resource_kinds =
        values(v.records::<Kind>(Collection::ResourceKinds, &env.resource_kinds, |k| &k.id));
    let processes = v.records::<Process>(Collection::Processes, processes, |p| &p.id);
    let events = v.records::<Event>(Collection::Events, &env.events, |e| &e.id);
    let resources = v.records::<Resource>(Collection::Resources, &env.resources, |r| &r.id);
    let figures = v.records::<Figure>(Collection::Figures, &env.figures, |f| &f.id);

    let tag_ix = v.tag_index(&taxonomies);
    let taxonomies = values(taxonomies);
    let process_ids: HashSet<Id> = processes.iter().map(|(_, p)| p.id.clone()).collect();
    let processes = v.check_processes(processes, &process_ids, &tag_ix);
    let mut events = v.check_events(events, &process_ids, &mut event_kinds);
    let mut resources = v.check_resources(resources, &process_ids, &resource_kinds);
    let figures = v.check_figures(figures, &process_ids);

    sort::sort_by_cached_key(&mut events, |e| (e.start, e.end), |a, b| a.id.cmp(&b.id));
    sort::sort_by_cached_key(
        &mut resources,
        |r| std::cmp::Reverse(r.date),
        |a, b| a.id.cmp(&b.id),
    );

    let process_ix: HashMap<Id, usize> = processes
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    let event_ix = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let mut children = vec![Vec::new(); processes.len()];
    let mut successors = vec![Vec::new(); processes.len()];
    for (i, p) in processes.iter().enumerate() {
        if let Some(parent) = p.parent.as_ref().and_then(|id| process_ix.get(id)) {
            children[*parent].push(i);
        }
        for pred in p.predecessors.iter().filter_map(|id| process_ix.get(id)) {
            successors[*pred].push(i);
        }
    }

    Ok(Loaded {
        catalog: Catalog {
            meta,
            taxonomies,
            event_kinds,
            resource_kinds,
            processes,
            events,
            resources,
            figures,
            process_ix,
            event_ix,
            tag_ix,
            children,
            successors,
        },
        issues: v.issues,
    })
}

fn values<T>(records: Vec<(usize, T)>) -> Vec<T> {
    records.into_iter().map(|(_, r)| r).collect()
}

/// Deserializes one record, returning the path of the failing field with the message.
fn decode<T: DeserializeOwned>(raw: &RawValue) -> Result<T, (Option<String>, String)> {
    let text = raw.get();
    serde_json::from_str(text).map_err(|e| {
        let message = strip_position(&e);
        (
            json_path::error_path(text, e.line(), e.column(), &message),
            message,
        )
    })
}

fn with_path(path: Option<String>, msg: String) -> String {
    match path {
        Some(p) => format!("field “{p}”: {msg}"),
        None => msg,
    }
}

/// serde_json appends " at line L column C" to messages; within one record that position means
/// nothing to the reader, who has the record's place instead.
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

fn json_error(e: &serde_json::Error) -> LoadError {
    LoadError::Json {
        message: strip_position(e),
        line: e.line(),
        column: e.column(),
    }
}

struct Validator {
    issues: Vec<Issue>,
    /// The dataset's review day, when the review rules apply.
    reviewed: Option<chrono::NaiveDate>,
}

impl Validator {
    fn report(
        &mut self,
        collection: Collection,
        index: usize,
        id: &Id,
        field: Option<&str>,
        problem: Problem,
    ) {
        self.issues.push(Issue {
            place: Place {
                collection,
                index,
                id: Some(id.to_string()),
                field: field.map(str::to_owned),
            },
            problem,
        });
    }

    /// Decodes each record, dropping malformed ones and later duplicates of an id.
    /// Returns `(index in the data, record)`.
    fn records<T: DeserializeOwned>(
        &mut self,
        collection: Collection,
        raws: &[&RawValue],
        id_of: impl Fn(&T) -> &Id,
    ) -> Vec<(usize, T)> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(raws.len());
        for (index, raw) in raws.iter().enumerate() {
            match decode::<T>(raw) {
                Ok(rec) => {
                    let id = id_of(&rec);
                    if seen.insert(id.clone()) {
                        out.push((index, rec));
                    } else {
                        let problem = Problem::DuplicateId(id.to_string());
                        self.report(collection, index, &id.clone(), Some("id"), problem);
                    }
                }
                Err((field, message)) => {
                    let id = serde_json::from_str::<IdOnly>(raw.get())
                        .ok()
                        .and_then(|r| r.id.0);
                    self.issues.push(Issue {
                        place: Place {
                            collection,
                            index,
                            id,
                            field,
                        },
                        problem: Problem::Malformed(message),
                    });
                }
            }
        }
        out
    }

    fn tag_index(&mut self, taxonomies: &[(usize, Taxonomy)]) -> HashMap<Id, (usize, usize)> {
        let mut ix = HashMap::new();
        for (t, (index, tax)) in taxonomies.iter().enumerate() {
            for (g, tag) in tax.tags.iter().enumerate() {
                if ix.insert(tag.id.clone(), (t, g)).is_some() {
                    // Tags are referenced by id alone, so an id may name one tag in one taxonomy.
                    let field = format!("tags[{g}].id");
                    self.report(
                        Collection::Taxonomies,
                        *index,
                        &tax.id,
                        Some(&field),
                        Problem::DuplicateId(tag.id.to_string()),
                    );
                }
            }
        }
        ix
    }

    fn check_sources(&mut self, c: Collection, index: usize, id: &Id, sources: &[Source]) {
        if sources.is_empty() {
            self.report(c, index, id, Some("sources"), Problem::NoSources);
        }
    }

    fn known_processes(
        &mut self,
        c: Collection,
        index: usize,
        id: &Id,
        refs: &mut Vec<Id>,
        known: &HashSet<Id>,
    ) {
        let mut field = 0;
        refs.retain(|p| {
            let ok = known.contains(p);
            if !ok {
                let f = format!("processes[{field}]");
                self.report(
                    c,
                    index,
                    id,
                    Some(&f),
                    Problem::UnknownProcess(p.to_string()),
                );
            }
            field += 1;
            ok
        });
    }

    fn check_processes(
        &mut self,
        records: Vec<(usize, Process)>,
        known: &HashSet<Id>,
        tags: &HashMap<Id, (usize, usize)>,
    ) -> Vec<Process> {
        const C: Collection = Collection::Processes;
        let mut out = Vec::with_capacity(records.len());
        let mut index_of = HashMap::new();
        for (index, mut p) in records {
            if p.name.is_blank() {
                self.report(C, index, &p.id, Some("name"), Problem::Blank);
                continue;
            }
            let id = p.id.clone();
            let mut i = 0;
            p.tags.retain(|t| {
                let ok = tags.contains_key(t);
                if !ok {
                    self.report(
                        C,
                        index,
                        &id,
                        Some(&format!("tags[{i}]")),
                        Problem::UnknownTag(t.to_string()),
                    );
                }
                i += 1;
                ok
            });
            if let Some(parent) = &p.parent {
                if !known.contains(parent) {
                    self.report(
                        C,
                        index,
                        &id,
                        Some("parent"),
                        Problem::UnknownProcess(parent.to_string()),
                    );
                    p.parent = None;
                }
            }
            let mut i = 0;
            p.predecessors.retain(|q| {
                let ok = known.contains(q) && *q != id;
                if !ok {
                    self.report(
                        C,
                        index,
                        &id,
                        Some(&format!("predecessors[{i}]")),
                        Problem::UnknownProcess(q.to_string()),
                    );
                }
                i += 1;
                ok
            });
            if let (Some(s), Some(e)) = (p.start, p.end) {
                if e.last_day() < s.first_day() {
                    let problem = Problem::EndBeforeStartIgnored {
                        start: s.to_string(),
                        end: e.to_string(),
                    };
                    self.report(C, index, &id, Some("end"), problem);
                    p.end = None;
                }
            }
            self.check_sources(C, index, &id, &p.sources);
            index_of.insert(id, index);
            out.push(p);
        }
        // A process dropped above may still be named as a parent; and parent chains must end.
        let present: HashSet<Id> = out.iter().map(|p| p.id.clone()).collect();
        let mut parents: HashMap<Id, Id> = HashMap::new();
        for p in &mut out {
            let index = index_of.get(&p.id).copied().unwrap_or(0);
            if p.parent.as_ref().is_some_and(|q| !present.contains(q)) {
                let q = p.parent.take().map(|q| q.to_string()).unwrap_or_default();
                self.report(C, index, &p.id, Some("parent"), Problem::UnknownProcess(q));
            }
            p.predecessors.retain(|q| present.contains(q));
            if let Some(q) = &p.parent {
                parents.insert(p.id.clone(), q.clone());
            }
        }
        for p in &mut out {
            // Walking up from p comes back to p only if p is on a loop; breaking p's link ends it.
            // A walk that loops elsewhere stops after as many steps as there are links.
            let mut cur = parents.get(&p.id).cloned();
            for _ in 0..parents.len() {
                let Some(q) = cur else { break };
                if q == p.id {
                    let index = index_of.get(&p.id).copied().unwrap_or(0);
                    self.report(
                        C,
                        index,
                        &p.id,
                        Some("parent"),
                        Problem::ParentCycle(p.id.to_string()),
                    );
                    p.parent = None;
                    parents.remove(&p.id);
                    break;
                }
                cur = parents.get(&q).cloned();
            }
        }
        out
    }

    fn check_events(
        &mut self,
        records: Vec<(usize, Event)>,
        known: &HashSet<Id>,
        kinds: &mut Vec<Kind>,
    ) -> Vec<Event> {
        const C: Collection = Collection::Events;
        let mut out = Vec::with_capacity(records.len());
        for (index, mut e) in records {
            if e.title.is_blank() {
                self.report(C, index, &e.id, Some("title"), Problem::Blank);
                continue;
            }
            if let Some(end) = e.end {
                if end.last_day() < e.start.first_day() {
                    let problem = Problem::EndBeforeStart {
                        start: e.start.to_string(),
                        end: end.to_string(),
                    };
                    self.report(C, index, &e.id, Some("end"), problem);
                    continue;
                }
            }
            self.known_processes(C, index, &e.id, &mut e.processes, known);
            if e.processes.is_empty() {
                self.report(C, index, &e.id, Some("processes"), Problem::NoProcess);
                continue;
            }
            if !kinds.iter().any(|k| k.id == e.kind) {
                self.report(
                    C,
                    index,
                    &e.id,
                    Some("kind"),
                    Problem::UnknownKind(e.kind.to_string()),
                );
                kinds.push(Kind {
                    id: e.kind.clone(),
                    label: e.kind.as_str().into(),
                    description: None,
                });
            }
            self.check_sources(C, index, &e.id, &e.sources);
            if let Some(reviewed) = self.reviewed {
                let over = e.end.unwrap_or(e.start).last_day() < reviewed;
                let day = || reviewed.to_string();
                if over && e.tentative {
                    let problem = Problem::TentativeBeforeReview { reviewed: day() };
                    self.report(C, index, &e.id, Some("tentative"), problem);
                }
                if over && e.outcome.is_none() {
                    let problem = Problem::NoOutcome { reviewed: day() };
                    self.report(C, index, &e.id, None, problem);
                }
            }
            out.push(e);
        }
        out
    }

    fn check_resources(
        &mut self,
        records: Vec<(usize, Resource)>,
        known: &HashSet<Id>,
        kinds: &[Kind],
    ) -> Vec<Resource> {
        const C: Collection = Collection::Resources;
        let mut out = Vec::with_capacity(records.len());
        for (index, mut r) in records {
            if r.title.is_blank() {
                self.report(C, index, &r.id, Some("title"), Problem::Blank);
                continue;
            }
            self.known_processes(C, index, &r.id, &mut r.processes, known);
            if !kinds.iter().any(|k| k.id == r.kind) {
                self.report(
                    C,
                    index,
                    &r.id,
                    Some("kind"),
                    Problem::UnknownKind(r.kind.to_string()),
                );
            }
            if self.reviewed.is_some() && r.lang.as_str() == LangTag::UNDETERMINED {
                self.report(C, index, &r.id, Some("lang"), Problem::NoLanguage);
            }
            out.push(r);
        }
        out
    }

    fn check_figures(&mut self, records: Vec<(usize, Figure)>, known: &HashSet<Id>) -> Vec<Figure> {
        const C: Collection = Collection::Figures;
        let mut out = Vec::with_capacity(records.len());
        for (index, mut f) in records {
            let id = f.id.clone();
            if !known.contains(&f.process) {
                self.report(
                    C,
                    index,
                    &id,
                    Some("process"),
                    Problem::UnknownProcess(f.process.to_string()),
                );
                continue;
            }
            sort::sort_by_key(&mut f.points, |p| p.as_of);
            let mut seen = HashSet::new();
            let mut i = 0;
            f.points.retain(|p| {
                let fresh = seen.insert(p.as_of);
                if !fresh {
                    let field = format!("points[{i}]");
                    self.report(
                        C,
                        index,
                        &id,
                        Some(&field),
                        Problem::DuplicateReading(p.as_of.to_string()),
                    );
                }
                if fresh && p.sources.is_empty() {
                    self.report(
                        C,
                        index,
                        &id,
                        Some(&format!("points[{i}].sources")),
                        Problem::NoSources,
                    );
                }
                i += 1;
                fresh
            });
            if f.points.is_empty() {
                self.report(C, index, &id, Some("points"), Problem::Blank);
                continue;
            }
            out.push(f);
        }
        out
    }
}
