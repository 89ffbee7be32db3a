//! Filtering, facet counts and search over a catalog. `Index` precomputes, once per catalog,
//! everything a filter needs per record (expanded process sets, tag sets, years), so a query is
//! a single pass over flat data; `Search` holds the word indexes, which depend on the language
//! read and are rebuilt alone when it changes. Both are reached through `dataset::Dataset`, which
//! pairs them with the catalog they were built from.

use super::catalog::Catalog;
use super::facet::{Dim, Filters, Value, When, DIMS};
use super::search::Query;
use super::search_index::SearchIndex;
use super::search_text;
use chrono::{Datelike, NaiveDate};

/// A group of options in the filter panel: one per dimension, and one per taxonomy for tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FacetKey {
    Process,
    /// One facet per taxonomy, by taxonomy index.
    Taxonomy(usize),
    Kind,
    Year,
    Country,
    Language,
    When,
    Tentative,
}

impl FacetKey {
    pub fn dim(self) -> Dim {
        match self {
            FacetKey::Process => Dim::Process,
            FacetKey::Taxonomy(_) => Dim::Tag,
            FacetKey::Kind => Dim::Kind,
            FacetKey::Year => Dim::Year,
            FacetKey::Country => Dim::Country,
            FacetKey::Language => Dim::Language,
            FacetKey::When => Dim::When,
            FacetKey::Tentative => Dim::Tentative,
        }
    }

    /// A stable name for the page (`data-facet`, element ids): the URL key, or `tax<i>`.
    pub fn slug(self) -> String {
        match self {
            FacetKey::Taxonomy(i) => format!("tax{i}"),
            k => k.dim().key().to_owned(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption {
    pub value: Value,
    /// Results there would be with this option as the facet's only choice.
    pub count: usize,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facet {
    pub key: FacetKey,
    pub options: Vec<FacetOption>,
}

impl Facet {
    /// `f` with this facet's choice narrowed to `value` alone: the filters an option's count is
    /// the size of. Values of the same dimension shown in other facets (other taxonomies' tags)
    /// stay chosen.
    pub fn only(&self, f: &Filters, value: &Value) -> Filters {
        let dim = self.key.dim();
        let mine = |v: &Value| self.options.iter().any(|o| o.value == *v);
        let mut g = f.clone();
        let kept = f.values(dim).iter().filter(|v| !mine(v)).cloned();
        g.set(dim, kept.chain([value.clone()]));
        g
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// Record indices: events in date order, resources newest first, or by rank when searching
    /// (`ranked`).
    pub hits: Vec<u32>,
    pub facets: Vec<Facet>,
}

struct EventKey {
    /// The event's processes and all their ancestors, so a parent's filter includes its children.
    procs: Box<[u32]>,
    /// Union of the tags (global tag index) of the event's processes.
    tags: Box<[u32]>,
    kind: u32,
    first: NaiveDate,
    last: NaiveDate,
    country: Option<u32>,
    tentative: bool,
}

struct ResourceKey {
    procs: Box<[u32]>,
    kind: u32,
    year: i32,
    lang: u32,
}

/// Facet values per record, built once when a catalog loads. They do not depend on language.
pub(crate) struct Index {
    events: Vec<EventKey>,
    resources: Vec<ResourceKey>,
    event_kinds: Vec<String>,
    resource_kinds: Vec<String>,
    countries: Vec<String>,
    languages: Vec<String>,
    /// Process indices in tree order: each root, then its descendants.
    process_order: Vec<usize>,
    event_years: Vec<i32>,
    resource_years: Vec<i32>,
}

fn intern(list: &mut Vec<String>, v: &str) -> u32 {
    match list.iter().position(|x| x == v) {
        Some(i) => i as u32,
        None => {
            list.push(v.to_owned());
            (list.len() - 1) as u32
        }
    }
}

impl Index {
    pub(crate) fn new(c: &Catalog) -> Index {
        // Tags numbered across taxonomies, taxonomy by taxonomy.
        let tags: Vec<&str> = c
            .taxonomies
            .iter()
            .flat_map(|t| t.tags.iter().map(|g| g.id.as_str()))
            .collect();
        let tag_pos = |id: &str| tags.iter().position(|g| *g == id).map(|i| i as u32);
        let ancestors = |p: usize| {
            let mut out = vec![p as u32];
            let mut cur = c.parent(p);
            while let Some(q) = cur {
                if out.contains(&(q as u32)) {
                    break;
                }
                out.push(q as u32);
                cur = c.parent(q);
            }
            out
        };
        let proc_tags: Vec<Vec<u32>> = c
            .processes
            .iter()
            .map(|p| p.tags.iter().filter_map(|t| tag_pos(t.as_str())).collect())
            .collect();
        let proc_anc: Vec<Vec<u32>> = (0..c.processes.len()).map(ancestors).collect();

        let mut event_kinds: Vec<String> = c.event_kinds.iter().map(|k| k.id.to_string()).collect();
        let mut resource_kinds: Vec<String> =
            c.resource_kinds.iter().map(|k| k.id.to_string()).collect();
        let countries = sorted_set(
            c.events
                .iter()
                .filter_map(|e| Some(e.location.as_ref()?.country.as_ref()?.as_str())),
        );
        let languages = sorted_set(c.resources.iter().map(|r| r.lang.as_str()));
        let find = |list: &[String], v: &str| {
            list.binary_search_by(|s| s.as_str().cmp(v))
                .ok()
                .map(|i| i as u32)
        };

        // The sets are a few values each: inserting in order beats collecting and sorting.
        let procs_of = |ids: &[super::model::Id]| -> (Box<[u32]>, Box<[u32]>) {
            let mut ps = Vec::new();
            let mut ts = Vec::new();
            for p in ids.iter().filter_map(|id| c.process_index(id)) {
                proc_anc[p].iter().for_each(|&a| insert_sorted(&mut ps, a));
                proc_tags[p].iter().for_each(|&t| insert_sorted(&mut ts, t));
            }
            (ps.into_boxed_slice(), ts.into_boxed_slice())
        };

        let events = c
            .events
            .iter()
            .map(|e| {
                let (procs, tags) = procs_of(&e.processes);
                let loc = e.location.as_ref();
                let country = loc
                    .and_then(|l| l.country.as_ref())
                    .and_then(|k| find(&countries, k.as_str()));
                EventKey {
                    procs,
                    tags,
                    kind: intern(&mut event_kinds, e.kind.as_str()),
                    first: e.start.first_day(),
                    last: e.end.unwrap_or(e.start).last_day(),
                    country,
                    tentative: e.tentative,
                }
            })
            .collect();

        let resources = c
            .resources
            .iter()
            .map(|r| {
                let (procs, _) = procs_of(&r.processes);
                ResourceKey {
                    procs,
                    kind: intern(&mut resource_kinds, r.kind.as_str()),
                    year: r.date.year(),
                    lang: find(&languages, r.lang.as_str()).unwrap_or(0),
                }
            })
            .collect();

        let mut process_order = Vec::new();
        for r in c.roots() {
            process_order.extend(c.subtree(r));
        }
        let event_years = years(
            c.events
                .iter()
                .flat_map(|e| e.start.year()..=e.end.unwrap_or(e.start).year()),
        );
        let resource_years = years(c.resources.iter().map(|r| r.date.year()));
        Index {
            events,
            resources,
            event_kinds,
            resource_kinds,
            countries,
            languages,
            process_order,
            event_years,
            resource_years,
        }
    }
}

/// The word indexes of one language's texts (with the dataset's default language's).
pub(crate) struct Search {
    events: SearchIndex,
    resources: SearchIndex,
    processes: SearchIndex,
}

impl Search {
    pub(crate) fn new(c: &Catalog, lang: &str) -> Search {
        Search {
            events: search_text::event_index(c, lang),
            resources: search_text::resource_index(c, lang),
            processes: search_text::process_index(c, lang),
        }
    }

    fn scores(index: &SearchIndex, q: &Query) -> Option<Vec<Option<u32>>> {
        (!q.is_empty()).then(|| index.scores(q))
    }

    /// Everything that matches `q`, best first: processes, events and resources together.
    pub(crate) fn all(&self, q: &str) -> Vec<SearchHit> {
        let q = Query::new(q);
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        let kinds: [(&SearchIndex, RecordOf); 3] = [
            (&self.processes, Record::Process),
            (&self.events, Record::Event),
            (&self.resources, Record::Resource),
        ];
        for (index, record) in kinds {
            for (i, s) in index.scores(&q).into_iter().enumerate() {
                if let Some(score) = s {
                    hits.push(SearchHit {
                        record: record(i),
                        score,
                    });
                }
            }
        }
        super::sort::by_rank(&mut hits, |h| h.score);
        hits
    }
}

// The distinct values (countries, languages, years) are few and the records many, so each value
// is placed by binary search as it comes instead of sorting one per record.

fn sorted_set<'a>(it: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<&str> = Vec::new();
    for s in it {
        if let Err(at) = v.binary_search(&s) {
            v.insert(at, s);
        }
    }
    v.into_iter().map(str::to_owned).collect()
}

fn insert_sorted(v: &mut Vec<u32>, x: u32) {
    if let Err(at) = v.binary_search(&x) {
        v.insert(at, x);
    }
}

/// Newest first.
fn years(it: impl Iterator<Item = i32>) -> Vec<i32> {
    let mut v: Vec<i32> = Vec::new();
    for y in it {
        if let Err(at) = v.binary_search_by(|x| y.cmp(x)) {
            v.insert(at, y);
        }
    }
    v
}

/// One facet as the engine sees it: how many options it has, each option's value, and which
/// options a record has. Each facet carries its own extractor, so adding a facet cannot put
/// another facet's values in its counts.
struct Check<'a> {
    key: FacetKey,
    len: usize,
    value: Box<dyn Fn(usize) -> Value + 'a>,
    /// Appends the positions of the options record `r` has.
    has: Box<Extract<'a>>,
}

type Extract<'a> = dyn Fn(usize, &mut Vec<usize>) + 'a;

impl<'a> Check<'a> {
    fn new(
        key: FacetKey,
        len: usize,
        value: impl Fn(usize) -> Value + 'a,
        has: impl Fn(usize, &mut Vec<usize>) + 'a,
    ) -> Check<'a> {
        Check {
            key,
            len,
            value: Box::new(value),
            has: Box::new(has),
        }
    }
}

/// Runs `checks` over the records passing `base` and returns the records passing every check
/// and, per facet, its options' counts. A record failing exactly one facet still counts towards
/// that facet's options: that is the count it would have if the facet's choice were that option
/// alone.
fn run_facets(
    n: usize,
    base: impl Fn(usize) -> bool,
    checks: &[Check],
    f: &Filters,
) -> (Vec<u32>, Vec<Facet>) {
    let values: Vec<Vec<Value>> = checks
        .iter()
        .map(|c| (0..c.len).map(|i| (c.value)(i)).collect())
        .collect();
    // One flat array of counts and one buffer of a record's options, each facet's at an offset:
    // this loop runs for every record on every update, so it avoids nested vectors.
    let mut offsets = Vec::with_capacity(checks.len());
    let mut total = 0;
    for c in checks {
        offsets.push(total);
        total += c.len;
    }
    let selected: Vec<Vec<usize>> = checks
        .iter()
        .zip(&values)
        .zip(&offsets)
        .map(|((c, vs), &o)| {
            let dim = c.key.dim();
            (0..c.len)
                .filter(|&i| f.has(dim, &vs[i]))
                .map(|i| i + o)
                .collect()
        })
        .collect();
    let mut counts = vec![0usize; total];
    let mut hits = Vec::new();
    let mut opts: Vec<usize> = Vec::new();
    for r in 0..n {
        if !base(r) {
            continue;
        }
        opts.clear();
        let mut fails = 0;
        // The failing facet's options: `opts[failed.0..failed.1]`.
        let mut failed = (0, 0);
        for ((c, sel), &offset) in checks.iter().zip(&selected).zip(&offsets) {
            let from = opts.len();
            (c.has)(r, &mut opts);
            let mine = &mut opts[from..];
            mine.iter_mut().for_each(|x| *x += offset);
            if !(sel.is_empty() || mine.iter().any(|x| sel.contains(x))) {
                fails += 1;
                if fails > 1 {
                    break;
                }
                failed = (from, opts.len());
            }
        }
        let counted = match fails {
            0 => {
                hits.push(r as u32);
                &opts[..]
            }
            1 => &opts[failed.0..failed.1],
            _ => &[],
        };
        for &x in counted {
            counts[x] += 1;
        }
    }
    let facets = checks
        .iter()
        .zip(values)
        .zip(&offsets)
        .zip(&selected)
        .map(|(((c, vs), &o), sel)| Facet {
            key: c.key,
            options: vs
                .into_iter()
                .enumerate()
                .map(|(i, value)| FacetOption {
                    value,
                    count: counts[o + i],
                    selected: sel.contains(&(o + i)),
                })
                .collect(),
        })
        .collect();
    (hits, facets)
}

fn ids(list: &[String]) -> impl Fn(usize) -> Value + '_ {
    |i| match super::model::Id::parse(&list[i]) {
        Ok(id) => Value::Id(id),
        // Kinds come from validated records, so every one is an id.
        Err(_) => Value::Code(list[i].clone()),
    }
}

impl Index {
    /// The event facets, in the vocabulary's order.
    fn event_checks<'a>(&'a self, c: &'a Catalog, today: NaiveDate) -> Vec<Check<'a>> {
        let events: &[EventKey] = &self.events;
        let mut checks = Vec::new();
        for spec in &DIMS {
            match spec.dim {
                Dim::Process => checks.push(self.process_check(c, move |r| &events[r].procs)),
                Dim::Tag => {
                    // Tags are numbered across taxonomies; each taxonomy's facet numbers its own
                    // from 0.
                    let mut lo = 0;
                    for (t, tax) in c.taxonomies.iter().enumerate() {
                        let hi = lo + tax.tags.len();
                        checks.push(Check::new(
                            FacetKey::Taxonomy(t),
                            tax.tags.len(),
                            move |i| Value::Id(tax.tags[i].id.clone()),
                            move |r, out| {
                                let tags = events[r].tags.iter().map(|&g| g as usize);
                                out.extend(tags.filter(|g| (lo..hi).contains(g)).map(|g| g - lo))
                            },
                        ));
                        lo = hi;
                    }
                }
                Dim::Kind => checks.push(Check::new(
                    FacetKey::Kind,
                    self.event_kinds.len(),
                    ids(&self.event_kinds),
                    move |r, out| out.push(events[r].kind as usize),
                )),
                Dim::Year => {
                    // Year → position in `event_years` (newest first; years with no event are
                    // absent).
                    let years = &self.event_years;
                    let oldest = years.last().copied().unwrap_or(0);
                    let span = years.first().map_or(0, |&y| (y - oldest + 1) as usize);
                    let mut pos = vec![usize::MAX; span];
                    for (i, &y) in years.iter().enumerate() {
                        pos[(y - oldest) as usize] = i;
                    }
                    checks.push(Check::new(
                        FacetKey::Year,
                        years.len(),
                        move |i| Value::Year(years[i]),
                        move |r, out| {
                            let k = &events[r];
                            out.extend(
                                (k.first.year()..=k.last.year())
                                    .filter_map(|y| pos.get((y - oldest) as usize).copied())
                                    .filter(|&p| p != usize::MAX),
                            )
                        },
                    ))
                }
                Dim::Country => checks.push(Check::new(
                    FacetKey::Country,
                    self.countries.len(),
                    |i| Value::Code(self.countries[i].clone()),
                    move |r, out| out.extend(events[r].country.map(|x| x as usize)),
                )),
                Dim::When => checks.push(Check::new(
                    FacetKey::When,
                    2,
                    |i| Value::When([When::Upcoming, When::Past][i]),
                    move |r, out| out.push(if events[r].last >= today { 0 } else { 1 }),
                )),
                Dim::Tentative => checks.push(Check::new(
                    FacetKey::Tentative,
                    1,
                    |_| Value::Yes,
                    move |r, out| {
                        if events[r].tentative {
                            out.push(0)
                        }
                    },
                )),
                // Events have no language.
                Dim::Language => {}
            }
        }
        checks
    }

    /// The resource facets, in the vocabulary's order.
    fn resource_checks<'a>(&'a self, c: &'a Catalog) -> Vec<Check<'a>> {
        let resources: &[ResourceKey] = &self.resources;
        let mut checks = Vec::new();
        for spec in &DIMS {
            match spec.dim {
                Dim::Process => checks.push(self.process_check(c, move |r| &resources[r].procs)),
                Dim::Kind => checks.push(Check::new(
                    FacetKey::Kind,
                    self.resource_kinds.len(),
                    ids(&self.resource_kinds),
                    move |r, out| out.push(resources[r].kind as usize),
                )),
                Dim::Year => {
                    let years = &self.resource_years;
                    checks.push(Check::new(
                        FacetKey::Year,
                        years.len(),
                        move |i| Value::Year(years[i]),
                        move |r, out| {
                            out.extend(years.iter().position(|&y| y == resources[r].year))
                        },
                    ))
                }
                Dim::Language => checks.push(Check::new(
                    FacetKey::Language,
                    self.languages.len(),
                    |i| Value::Code(self.languages[i].clone()),
                    move |r, out| out.push(resources[r].lang as usize),
                )),
                // Resources carry no tags, place, tense or tentative flag of their own.
                Dim::Tag | Dim::Country | Dim::When | Dim::Tentative => {}
            }
        }
        checks
    }

    fn process_check<'a>(
        &'a self,
        c: &'a Catalog,
        procs: impl Fn(usize) -> &'a [u32] + 'a,
    ) -> Check<'a> {
        Check::new(
            FacetKey::Process,
            c.processes.len(),
            |i| Value::Id(c.processes[i].id.clone()),
            move |r, out| out.extend(procs(r).iter().map(|&p| p as usize)),
        )
    }

    /// Filters events; `hits` in date order (or by rank if there is a search).
    pub(crate) fn events(&self, c: &Catalog, s: &Search, f: &Filters, today: NaiveDate) -> Results {
        let q = Query::new(&f.q);
        let from = f.from.map(|d| d.first_day());
        let to = f.to.map(|d| d.last_day());
        let scores = Search::scores(&s.events, &q);
        let base = |r: usize| {
            let k = &self.events[r];
            scores.as_ref().is_none_or(|s| s[r].is_some())
                && from.is_none_or(|d| k.last >= d)
                && to.is_none_or(|d| k.first <= d)
        };
        let checks = self.event_checks(c, today);
        let (mut hits, facets) = run_facets(self.events.len(), base, &checks, f);
        if let Some(scores) = &scores {
            // Stable: equal scores keep date order.
            super::sort::by_rank(&mut hits, |&h| scores[h as usize].unwrap_or(0));
        }
        Results {
            hits,
            facets: self.in_tree_order(facets),
        }
    }

    /// Filters resources; `hits` newest first (or by rank when searching).
    pub(crate) fn resources(&self, c: &Catalog, s: &Search, f: &Filters) -> Results {
        let q = Query::new(&f.q);
        let scores = Search::scores(&s.resources, &q);
        let base = |r: usize| scores.as_ref().is_none_or(|s| s[r].is_some());
        let checks = self.resource_checks(c);
        let (mut hits, facets) = run_facets(self.resources.len(), base, &checks, f);
        if let Some(scores) = &scores {
            super::sort::by_rank(&mut hits, |&h| scores[h as usize].unwrap_or(0));
        }
        Results {
            hits,
            facets: self.in_tree_order(facets),
        }
    }

    /// Process options follow the lineage tree, not data order.
    fn in_tree_order(&self, mut facets: Vec<Facet>) -> Vec<Facet> {
        for f in facets.iter_mut().filter(|f| f.key == FacetKey::Process) {
            let opts = std::mem::take(&mut f.options);
            f.options = self
                .process_order
                .iter()
                .filter_map(|&p| opts.get(p).cloned())
                .collect();
        }
        facets
    }
}

/// Makes a `Record` of one kind from its index.
type RecordOf = fn(usize) -> Record;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    Process(usize),
    Event(usize),
    Resource(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchHit {
    pub record: Record,
    pub score: u32,
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
