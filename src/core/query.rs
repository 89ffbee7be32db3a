//! Filtering, facet counts and search over a catalog. `Index` precomputes, once per catalog,
//! everything a query needs per record (expanded process sets, tag sets, search indexes), so
//! a query is a single pass over flat data.

use super::catalog::Catalog;
use super::route::{Filters, When};
use super::search::Query;
use super::search_index::SearchIndex;
use super::search_text;
use chrono::{Datelike, NaiveDate};

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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption {
    /// The value as it appears in the URL (id, year, country code, `upcoming`, `1`).
    pub value: String,
    /// Results there would be with this option as the facet's only choice.
    pub count: usize,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facet {
    pub key: FacetKey,
    pub options: Vec<FacetOption>,
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

/// Search keys and facet values per record, built once when a catalog loads.
pub struct Index {
    events: Vec<EventKey>,
    resources: Vec<ResourceKey>,
    event_search: SearchIndex,
    resource_search: SearchIndex,
    process_search: SearchIndex,
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
    pub fn new(c: &Catalog, lang: &str) -> Index {
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
            event_search: search_text::event_index(c, lang),
            resource_search: search_text::resource_index(c, lang),
            process_search: search_text::process_index(c, lang),
            event_kinds,
            resource_kinds,
            countries,
            languages,
            process_order,
            event_years,
            resource_years,
        }
    }

    pub fn event_count(&self) -> usize {
        self.events.len()
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

/// One facet's test: which option values a record has, and whether it passes the selection.
struct Check {
    key: FacetKey,
    /// Selected option positions; empty means the facet does not filter.
    selected: Vec<usize>,
    /// Number of options.
    len: usize,
}

fn positions(all: &[String], chosen: impl Iterator<Item = String>) -> Vec<usize> {
    chosen
        .filter_map(|c| all.iter().position(|a| *a == c))
        .collect()
}

/// Runs `checks` over records, each described by the option positions it has per check
/// (`has(r, options, ends)` appends them check by check, and after each check the length of
/// `options`), and returns the passing records and per-option counts. A record failing exactly
/// one facet still counts towards that facet's options: that is the count it would have if the
/// facet's selection were that option alone.
fn run_facets<F>(
    n: usize,
    base: impl Fn(usize) -> bool,
    checks: &[Check],
    has: F,
) -> (Vec<u32>, Vec<Vec<usize>>)
where
    F: Fn(usize, &mut Vec<usize>, &mut Vec<usize>),
{
    // One flat array of counts and one buffer of a record's options, each check's at an offset:
    // this loop runs for every record on every update, so it avoids nested vectors.
    let mut offsets = Vec::with_capacity(checks.len());
    let mut total = 0;
    for c in checks {
        offsets.push(total);
        total += c.len;
    }
    let selected: Vec<Vec<usize>> = checks
        .iter()
        .zip(&offsets)
        .map(|(c, &o)| c.selected.iter().map(|&s| s + o).collect())
        .collect();
    let mut counts_flat = vec![0usize; total];
    let counts: &mut [usize] = &mut counts_flat;
    let mut hits = Vec::new();
    let mut opts: Vec<usize> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    for r in 0..n {
        if !base(r) {
            continue;
        }
        opts.clear();
        ends.clear();
        has(r, &mut opts, &mut ends);
        let opts: &mut [usize] = &mut opts;
        let mut fails = 0;
        // The failing check's options: `opts[failed.0..failed.1]`.
        let mut failed = (0, 0);
        let mut from = 0;
        for ((sel, &offset), &to) in selected.iter().zip(&offsets).zip(ends.iter()) {
            let mine = &mut opts[from..to];
            mine.iter_mut().for_each(|x| *x += offset);
            if !(sel.is_empty() || mine.iter().any(|x| sel.contains(x))) {
                fails += 1;
                if fails > 1 {
                    break;
                }
                failed = (from, to);
            }
            from = to;
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
    let counts = checks
        .iter()
        .zip(&offsets)
        .map(|(c, &o)| counts_flat[o..o + c.len].to_vec())
        .collect();
    (hits, counts)
}

fn facets(
    checks: &[Check],
    counts: Vec<Vec<usize>>,
    values: impl Fn(FacetKey, usize) -> String,
) -> Vec<Facet> {
    checks
        .iter()
        .zip(counts)
        .map(|(c, counts)| Facet {
            key: c.key,
            options: counts
                .into_iter()
                .enumerate()
                .map(|(i, count)| FacetOption {
                    value: values(c.key, i),
                    count,
                    selected: c.selected.contains(&i),
                })
                .collect(),
        })
        .collect()
}

impl Index {
    fn process_positions(&self, c: &Catalog, f: &Filters) -> Vec<usize> {
        f.processes
            .iter()
            .filter_map(|id| c.process_index(id))
            .collect()
    }

    /// Filters events; `hits` in date order (or by rank if `rank` and there is a search).
    pub fn events(&self, c: &Catalog, f: &Filters, today: NaiveDate) -> Results {
        let q = Query::new(&f.q);
        let from = f.from.map(|d| d.first_day());
        let to = f.to.map(|d| d.last_day());
        let mut checks = vec![Check {
            key: FacetKey::Process,
            selected: self.process_positions(c, f),
            len: c.processes.len(),
        }];
        // Tags are numbered across taxonomies; each taxonomy's facet numbers its own from 0.
        let tag_offset: Vec<usize> = c
            .taxonomies
            .iter()
            .scan(0, |acc, tax| {
                let o = *acc;
                *acc += tax.tags.len();
                Some(o)
            })
            .collect();
        for (t, tax) in c.taxonomies.iter().enumerate() {
            let selected = f
                .tags
                .iter()
                .filter_map(|id| tax.tags.iter().position(|g| g.id == *id))
                .collect();
            checks.push(Check {
                key: FacetKey::Taxonomy(t),
                selected,
                len: tax.tags.len(),
            });
        }
        checks.push(Check {
            key: FacetKey::Kind,
            selected: positions(&self.event_kinds, f.kinds.iter().map(|k| k.to_string())),
            len: self.event_kinds.len(),
        });
        checks.push(Check {
            key: FacetKey::Year,
            selected: positions_i32(&self.event_years, &f.years),
            len: self.event_years.len(),
        });
        checks.push(Check {
            key: FacetKey::Country,
            selected: positions(&self.countries, f.countries.iter().cloned()),
            len: self.countries.len(),
        });
        let when_sel = match f.when {
            Some(When::Upcoming) => vec![0],
            Some(When::Past) => vec![1],
            None => vec![],
        };
        checks.push(Check {
            key: FacetKey::When,
            selected: when_sel,
            len: 2,
        });
        checks.push(Check {
            key: FacetKey::Tentative,
            selected: if f.tentative { vec![0] } else { vec![] },
            len: 1,
        });

        let ranked = !q.is_empty();
        let scores = if ranked {
            self.event_search.scores(&q)
        } else {
            Vec::new()
        };
        let base = |r: usize| {
            let k = &self.events[r];
            (!ranked || scores[r].is_some())
                && from.is_none_or(|d| k.last >= d)
                && to.is_none_or(|d| k.first <= d)
        };
        // Year → position in `event_years` (newest first; years with no event are absent).
        let oldest = self.event_years.last().copied().unwrap_or(0);
        let mut year_pos = vec![
            usize::MAX;
            self.event_years
                .first()
                .map_or(0, |&y| (y - oldest + 1) as usize)
        ];
        for (i, &y) in self.event_years.iter().enumerate() {
            year_pos[(y - oldest) as usize] = i;
        }
        // Each taxonomy's tags, as a range of the tag numbering.
        let tag_ranges: Vec<(usize, usize)> = c
            .taxonomies
            .iter()
            .zip(&tag_offset)
            .map(|(tax, &lo)| (lo, lo + tax.tags.len()))
            .collect();
        let events: &[EventKey] = &self.events;
        let has = |r: usize, out: &mut Vec<usize>, ends: &mut Vec<usize>| {
            let k = &events[r];
            out.extend(k.procs.iter().map(|&p| p as usize));
            ends.push(out.len());
            for &(lo, hi) in &tag_ranges {
                out.extend(
                    k.tags
                        .iter()
                        .map(|&g| g as usize)
                        .filter(|g| (lo..hi).contains(g))
                        .map(|g| g - lo),
                );
                ends.push(out.len());
            }
            out.push(k.kind as usize);
            ends.push(out.len());
            out.extend(
                (k.first.year()..=k.last.year())
                    .filter_map(|y| year_pos.get((y - oldest) as usize).copied())
                    .filter(|&p| p != usize::MAX),
            );
            ends.push(out.len());
            out.extend(k.country.map(|x| x as usize));
            ends.push(out.len());
            out.push(if k.last >= today { 0 } else { 1 });
            ends.push(out.len());
            if k.tentative {
                out.push(0);
            }
            ends.push(out.len());
        };
        let (mut hits, counts) = run_facets(self.events.len(), base, &checks, has);
        if ranked {
            // Stable: equal scores keep date order.
            super::sort::by_rank(&mut hits, |&h| scores[h as usize].unwrap_or(0));
        }
        let facets = facets(&checks, counts, |key, i| match key {
            FacetKey::Process => c.processes[i].id.to_string(),
            FacetKey::Taxonomy(t) => c.taxonomies[t].tags[i].id.to_string(),
            FacetKey::Kind => self.event_kinds[i].clone(),
            FacetKey::Year => self.event_years[i].to_string(),
            FacetKey::Country => self.countries[i].clone(),
            FacetKey::When => if i == 0 {
                When::Upcoming.key()
            } else {
                When::Past.key()
            }
            .to_owned(),
            FacetKey::Tentative | FacetKey::Language => "1".to_owned(),
        });
        Results {
            hits,
            facets: self.in_tree_order(facets),
        }
    }

    /// Filters resources; `hits` newest first (or by rank when searching).
    pub fn resources(&self, c: &Catalog, f: &Filters) -> Results {
        let q = Query::new(&f.q);
        let checks = [
            Check {
                key: FacetKey::Process,
                selected: self.process_positions(c, f),
                len: c.processes.len(),
            },
            Check {
                key: FacetKey::Kind,
                selected: positions(&self.resource_kinds, f.kinds.iter().map(|k| k.to_string())),
                len: self.resource_kinds.len(),
            },
            Check {
                key: FacetKey::Year,
                selected: positions_i32(&self.resource_years, &f.years),
                len: self.resource_years.len(),
            },
            Check {
                key: FacetKey::Language,
                selected: positions(&self.languages, f.languages.iter().cloned()),
                len: self.languages.len(),
            },
        ];
        let ranked = !q.is_empty();
        let scores = if ranked {
            self.resource_search.scores(&q)
        } else {
            Vec::new()
        };
        let base = |r: usize| !ranked || scores[r].is_some();
        let has = |r: usize, out: &mut Vec<usize>, ends: &mut Vec<usize>| {
            let k = &self.resources[r];
            out.extend(k.procs.iter().map(|&p| p as usize));
            ends.push(out.len());
            out.push(k.kind as usize);
            ends.push(out.len());
            out.extend(self.resource_years.iter().position(|&y| y == k.year));
            ends.push(out.len());
            out.push(k.lang as usize);
            ends.push(out.len());
        };
        let (mut hits, counts) = run_facets(self.resources.len(), base, &checks, has);
        if ranked {
            super::sort::by_rank(&mut hits, |&h| scores[h as usize].unwrap_or(0));
        }
        let facets = facets(&checks, counts, |key, i| match key {
            FacetKey::Process => c.processes[i].id.to_string(),
            FacetKey::Kind => self.resource_kinds[i].clone(),
            FacetKey::Year => self.resource_years[i].to_string(),
            _ => self.languages[i].clone(),
        });
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

    /// Everything that matches `q`, best first: processes, events and resources together.
    pub fn search(&self, q: &str) -> Vec<SearchHit> {
        let q = Query::new(q);
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        let kinds: [(&SearchIndex, RecordOf); 3] = [
            (&self.process_search, Record::Process),
            (&self.event_search, Record::Event),
            (&self.resource_search, Record::Resource),
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

fn positions_i32(all: &[i32], chosen: &[i32]) -> Vec<usize> {
    chosen
        .iter()
        .filter_map(|c| all.iter().position(|a| a == c))
        .collect()
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
