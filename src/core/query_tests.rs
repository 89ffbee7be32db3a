use super::*;
use crate::core::catalog::Catalog;
use crate::core::dataset::Dataset;
use crate::core::fold::fold;
use crate::core::model::Id;
use crate::core::synth::{self, Rng};

fn dataset(n: usize) -> Dataset {
    let d = Dataset::load(&synth::dataset(n, 7), "synth.json", Some("en")).expect("loads");
    assert!(d.issues.is_empty(), "{:?}", d.issues.first());
    d
}

/// Filters choosing these values.
fn with(values: &[(Dim, Value)]) -> Filters {
    let mut f = Filters::default();
    for (d, v) in values {
        f = f.toggled(*d, v);
    }
    f
}

fn years(f: &Filters) -> Vec<i32> {
    f.values(Dim::Year)
        .iter()
        .filter_map(|v| match v {
            Value::Year(y) => Some(*y),
            _ => None,
        })
        .collect()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("date")
}

fn id(s: &str) -> Id {
    Id::parse(s).expect("id")
}

/// The filter semantics written directly against the catalog, with no index: the oracle.
fn naive(c: &Catalog, f: &Filters, today: NaiveDate) -> Vec<u32> {
    let q = Query::new(&f.q);
    let lang = c.lang();
    c.events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            let procs: Vec<usize> = e
                .processes
                .iter()
                .filter_map(|p| c.process_index(p))
                .collect();
            let chosen_procs: Vec<&Id> = f.ids(Dim::Process).collect();
            let in_proc = chosen_procs.is_empty()
                || chosen_procs.iter().any(|sel| {
                    c.process_index(sel)
                        .is_some_and(|s| procs.iter().any(|&p| c.subtree(s).contains(&p)))
                });
            let tags: Vec<&str> = procs
                .iter()
                .flat_map(|&p| c.processes[p].tags.iter().map(|t| t.as_str()))
                .collect();
            let in_tags = c.taxonomies.iter().all(|tax| {
                let sel: Vec<&Id> = f
                    .ids(Dim::Tag)
                    .filter(|t| tax.tags.iter().any(|g| &g.id == *t))
                    .collect();
                sel.is_empty() || sel.iter().any(|t| tags.contains(&t.as_str()))
            });
            let last = e.end.unwrap_or(e.start).last_day();
            let first = e.start.first_day();
            let kinds: Vec<&Id> = f.ids(Dim::Kind).collect();
            let in_kind = kinds.is_empty() || kinds.contains(&&e.kind);
            let ys = years(f);
            let in_year =
                ys.is_empty() || ys.iter().any(|y| (first.year()..=last.year()).contains(y));
            let country = e
                .location
                .as_ref()
                .and_then(|l| l.country.as_ref())
                .map(|k| Value::Code(k.as_str().to_owned()));
            let countries = f.values(Dim::Country);
            let in_country =
                countries.is_empty() || country.is_some_and(|k| countries.contains(&k));
            let in_when = match f.when() {
                None => true,
                Some(When::Upcoming) => last >= today,
                Some(When::Past) => last < today,
            };
            let in_tent = !f.tentative() || e.tentative;
            let in_range = f.from.is_none_or(|d| last >= d.first_day())
                && f.to.is_none_or(|d| first <= d.last_day());
            let summary = e.summary.as_ref().map(|s| s.get(lang, lang)).unwrap_or("");
            let in_q = q.is_empty() || {
                let names: String = procs
                    .iter()
                    .map(|&p| {
                        let pr = &c.processes[p];
                        format!(
                            "{} {}",
                            pr.short_name.as_ref().map_or("", |s| s.get(lang, lang)),
                            pr.name.get(lang, lang)
                        )
                    })
                    .collect();
                let city = e
                    .location
                    .as_ref()
                    .and_then(|l| l.city.as_ref())
                    .map_or("", |t| t.get(lang, lang));
                let body = fold(&format!("{summary} {city} {names}"));
                q.score(&fold(e.title.get(lang, lang)), &body).is_some()
            };
            in_proc
                && in_tags
                && in_kind
                && in_year
                && in_country
                && in_when
                && in_tent
                && in_range
                && in_q
        })
        .map(|(i, _)| i as u32)
        .collect()
}

fn random_filters(r: &mut Rng, c: &Catalog) -> Filters {
    let mut f = Filters::default();
    let procs =
        (0..r.below(3)).map(|_| Value::Id(c.processes[r.below(c.processes.len())].id.clone()));
    f.set(Dim::Process, procs.collect::<Vec<_>>());
    let tags = (0..r.below(3)).map(|_| {
        let tax = &c.taxonomies[r.below(c.taxonomies.len())];
        Value::Id(tax.tags[r.below(tax.tags.len())].id.clone())
    });
    f.set(Dim::Tag, tags.collect::<Vec<_>>());
    if r.chance(40) {
        let k = &c.event_kinds[r.below(c.event_kinds.len())];
        f.set(Dim::Kind, [Value::Id(k.id.clone())]);
    }
    if r.chance(40) {
        let (a, b) = (2000 + r.below(30) as i32, 2000 + r.below(30) as i32);
        f.set(Dim::Year, [Value::Year(a), Value::Year(b)]);
    }
    if r.chance(30) {
        f.set(
            Dim::Country,
            [Value::Code(r.pick(&["US", "AT", "VN", "CH"]).to_string())],
        );
    }
    if let Some(w) = *r.pick(&[None, None, Some(When::Upcoming), Some(When::Past)]) {
        f.set(Dim::When, [Value::When(w)]);
    }
    if r.chance(15) {
        f.set(Dim::Tentative, [Value::Yes]);
    }
    if r.chance(30) {
        f.q = r
            .pick(&[
                "sec",
                "cooperation",
                "zurich",
                "ha noi",
                "Rights session",
                "geneva",
            ])
            .to_string();
    }
    if r.chance(20) {
        f.from = crate::core::date::PartialDate::parse("2010").ok();
        f.to = crate::core::date::PartialDate::parse("2020-06").ok();
    }
    f
}

#[test]
fn results_equal_the_naive_oracle() {
    let ix = dataset(3000);
    let c = &ix.catalog;
    let mut r = Rng(99);
    for _ in 0..60 {
        let f = random_filters(&mut r, c);
        let mut got = ix.events(&f, today()).hits;
        got.sort_unstable();
        assert_eq!(got, naive(c, &f, today()), "filters {f:?}");
    }
}

#[test]
fn facet_counts_equal_the_filtered_result_sizes() {
    let ix = dataset(600);
    let c = &ix.catalog;
    let mut r = Rng(5);
    for _ in 0..25 {
        let f = random_filters(&mut r, c);
        let res = ix.events(&f, today());
        for facet in &res.facets {
            for opt in &facet.options {
                // The facet's choice replaced by this one option alone: a taxonomy's facet
                // keeps the tags chosen in other taxonomies.
                let mut g = f.clone();
                let dim = facet.key.dim();
                let kept: Vec<Value> = match facet.key {
                    FacetKey::Taxonomy(t) => f
                        .values(dim)
                        .iter()
                        .filter(|v| {
                            !c.taxonomies[t]
                                .tags
                                .iter()
                                .any(|tag| **v == Value::Id(tag.id.clone()))
                        })
                        .cloned()
                        .collect(),
                    _ => Vec::new(),
                };
                g.set(dim, kept.into_iter().chain([opt.value.clone()]));
                assert_eq!(g, facet.only(&f, &opt.value), "Facet::only agrees");
                let n = ix.events(&g, today()).hits.len();
                assert_eq!(
                    opt.count, n,
                    "{:?} option {:?} with {f:?}",
                    facet.key, opt.value
                );
            }
        }
    }
}

#[test]
fn two_filters_narrow_and_one_facet_widens() {
    let ix = dataset(2000);
    let c = &ix.catalog;
    let all = ix.events(&Filters::default(), today()).hits.len();
    assert_eq!(all, c.events.len());
    let kind = with(&[(Dim::Kind, Value::Id(id("session")))]);
    let kind_n = ix.events(&kind, today()).hits.len();
    let both = kind.toggled(Dim::Country, &Value::Code("AT".into()));
    let both_n = ix.events(&both, today()).hits.len();
    assert!(0 < both_n && both_n < kind_n && kind_n < all);
    let either = kind.toggled(Dim::Kind, &Value::Id(id("deadline")));
    assert!(ix.events(&either, today()).hits.len() > kind_n);
}

#[test]
fn a_parent_process_includes_its_children() {
    let ix = dataset(2000);
    let c = &ix.catalog;
    let (parent, _) = c.process("p4").expect("p4");
    assert!(
        !c.children(parent).is_empty(),
        "synthetic data nests p8 under p4"
    );
    let only = |p: &str| {
        ix.events(&with(&[(Dim::Process, Value::Id(id(p)))]), today())
            .hits
            .len()
    };
    let own = c.events_of(parent).count();
    assert!(only("p4") > own, "children's events are included");
}

#[test]
fn years_with_no_event_are_no_option_and_spans_count_in_each_year() {
    let mut v = crate::core::load_tests::base();
    v["events"].as_array_mut().expect("events").push(serde_json::json!(
        {"id": "old", "processes": ["alpha"], "title": "Old", "kind": "session", "start": "2019", "end": "2020", "sources": ["https://example.org/o"]}));
    let ix = Dataset::load(&v.to_string(), "x.json", None).expect("loads");
    let res = ix.events(&Filters::default(), today());
    let years = res
        .facets
        .iter()
        .find(|f| f.key == FacetKey::Year)
        .expect("year facet");
    let listed: Vec<(Value, usize)> = years
        .options
        .iter()
        .map(|o| (o.value.clone(), o.count))
        .collect();
    let y = Value::Year;
    assert_eq!(
        listed,
        [(y(2026), 1), (y(2025), 1), (y(2020), 1), (y(2019), 1)]
    );
}

#[test]
fn hits_are_in_date_order_without_a_search() {
    let ix = dataset(500);
    let c = &ix.catalog;
    let hits = ix.events(&Filters::default(), today()).hits;
    assert!(hits
        .windows(2)
        .all(|w| c.events[w[0] as usize].start <= c.events[w[1] as usize].start));
}

#[test]
fn search_ranks_title_matches_first() {
    let ix = dataset(800);
    let c = &ix.catalog;
    let mut f = Filters::default();
    f.q = "treaty".into();
    let hits = ix.events(&f, today()).hits;
    assert!(hits.len() > 2);
    let in_title = |h: &u32| fold(c.events[*h as usize].title.get("en", "en")).contains("treaty");
    let first_body_only = hits.iter().position(|h| !in_title(h)).unwrap_or(hits.len());
    assert!(
        hits[first_body_only..].iter().all(|h| !in_title(h)),
        "no title match after a body-only match"
    );
}

#[test]
fn global_search_finds_all_record_kinds() {
    let ix = dataset(300);
    let hits = ix.search("process");
    assert!(hits.iter().any(|h| matches!(h.record, Record::Process(_))));
    let hits = ix.search("zurich");
    assert!(!hits.is_empty(), "folded diacritics");
    assert!(ix.search("  ").is_empty());
}

#[test]
fn resource_facets_count_like_event_facets() {
    let ix = dataset(2000);
    let c = &ix.catalog;
    let f = with(&[(Dim::Language, Value::Code("es".into()))]);
    let res = ix.resources(&f);
    let kinds = res
        .facets
        .iter()
        .find(|f| f.key == FacetKey::Kind)
        .expect("kind facet");
    for o in &kinds.options {
        let g = f.toggled(Dim::Kind, &o.value);
        assert_eq!(o.count, ix.resources(&g).hits.len());
    }
    assert!(res
        .hits
        .iter()
        .all(|&h| c.resources[h as usize].lang.as_str() == "es"));
    assert!(res
        .hits
        .windows(2)
        .all(|w| c.resources[w[0] as usize].date >= c.resources[w[1] as usize].date));
}

#[test]
fn search_indexes_score_as_the_scan_does() {
    let ix = dataset(1000);
    let c = &ix.catalog;
    let s = Search::new(c, "en");
    let kinds: [(&SearchIndex, RecordOf); 3] = [
        (&s.processes, Record::Process),
        (&s.events, Record::Event),
        (&s.resources, Record::Resource),
    ];
    let all = search_text::each_kind(c, "en");
    // Every prefix of every word (numbers only up to two digits, they are one per event).
    let mut words = std::collections::BTreeSet::new();
    for (t, b) in all.iter().flatten() {
        for w in t
            .split(|ch: char| !ch.is_alphanumeric())
            .chain(b.split(|ch: char| !ch.is_alphanumeric()))
        {
            if w.chars().any(|ch| ch.is_numeric()) && w.len() > 2 {
                continue;
            }
            for (i, ch) in w.char_indices() {
                words.insert(w[..i + ch.len_utf8()].to_owned());
            }
        }
    }
    let mut queries: Vec<String> = words.into_iter().collect();
    let mut r = Rng(5);
    for _ in 0..80 {
        let a = r.pick(&queries).clone();
        let b = r.pick(&queries).clone();
        queries.push(format!("{a} {b}"));
    }
    queries.extend(["Ha Noi", "ZÜRICH", "délég", "process 1", "nope", "p1 p2"].map(str::to_owned));
    for q in &queries {
        let query = Query::new(q);
        let mut want = Vec::new();
        for ((index, record), texts) in kinds.iter().zip(&all) {
            let scores: Vec<Option<u32>> = texts.iter().map(|(t, b)| query.score(t, b)).collect();
            assert_eq!(index.scores(&query), scores, "query {q:?}");
            want.extend(scores.iter().enumerate().filter_map(|(i, s)| {
                s.map(|score| SearchHit {
                    record: record(i),
                    score,
                })
            }));
        }
        want.sort_by_key(|h| std::cmp::Reverse(h.score));
        assert_eq!(ix.search(q), want, "query {q:?}");
    }
}
