use super::*;
use crate::core::catalog::Catalog;
use crate::core::fold::fold;
use crate::core::load::load;
use crate::core::model::Id;
use crate::core::route::{Filters, When};
use crate::core::synth::{self, Rng};

fn catalog(n: usize) -> Catalog {
    let l = load(&synth::dataset(n, 7)).expect("synthetic loads");
    assert!(l.issues.is_empty(), "{:?}", l.issues.first());
    l.catalog
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
            let in_proc = f.processes.is_empty()
                || f.processes.iter().any(|sel| {
                    c.process_index(sel)
                        .is_some_and(|s| procs.iter().any(|&p| c.subtree(s).contains(&p)))
                });
            let tags: Vec<&str> = procs
                .iter()
                .flat_map(|&p| c.processes[p].tags.iter().map(|t| t.as_str()))
                .collect();
            let in_tags = c.taxonomies.iter().all(|tax| {
                let sel: Vec<&Id> = f
                    .tags
                    .iter()
                    .filter(|t| tax.tags.iter().any(|g| &g.id == *t))
                    .collect();
                sel.is_empty() || sel.iter().any(|t| tags.contains(&t.as_str()))
            });
            let last = e.end.unwrap_or(e.start).last_day();
            let first = e.start.first_day();
            let in_kind = f.kinds.is_empty() || f.kinds.contains(&e.kind);
            let in_year = f.years.is_empty()
                || f.years
                    .iter()
                    .any(|y| (first.year()..=last.year()).contains(y));
            let country = e
                .location
                .as_ref()
                .and_then(|l| l.country.as_ref())
                .map(|k| k.as_str().to_owned());
            let in_country =
                f.countries.is_empty() || country.is_some_and(|k| f.countries.contains(&k));
            let in_when = match f.when {
                None => true,
                Some(When::Upcoming) => last >= today,
                Some(When::Past) => last < today,
            };
            let in_tent = !f.tentative || e.tentative;
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
    for _ in 0..r.below(3) {
        f.processes
            .push(c.processes[r.below(c.processes.len())].id.clone());
    }
    for _ in 0..r.below(3) {
        let tax = &c.taxonomies[r.below(c.taxonomies.len())];
        f.tags.push(tax.tags[r.below(tax.tags.len())].id.clone());
    }
    if r.chance(40) {
        f.kinds
            .push(c.event_kinds[r.below(c.event_kinds.len())].id.clone());
    }
    if r.chance(40) {
        f.years = vec![2000 + r.below(30) as i32, 2000 + r.below(30) as i32];
    }
    if r.chance(30) {
        f.countries = vec![r.pick(&["US", "AT", "VN", "CH"]).to_string()];
    }
    f.when = *r.pick(&[None, None, Some(When::Upcoming), Some(When::Past)]);
    f.tentative = r.chance(15);
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
    f.processes.dedup();
    f.tags.dedup();
    f
}

#[test]
fn results_equal_the_naive_oracle() {
    let c = catalog(3000);
    let ix = Index::new(&c, "en");
    let mut r = Rng(99);
    for _ in 0..60 {
        let f = random_filters(&mut r, &c);
        let mut got = ix.events(&c, &f, today()).hits;
        got.sort_unstable();
        assert_eq!(got, naive(&c, &f, today()), "filters {f:?}");
    }
}

#[test]
fn facet_counts_equal_the_filtered_result_sizes() {
    let c = catalog(600);
    let ix = Index::new(&c, "en");
    let mut r = Rng(5);
    for _ in 0..25 {
        let f = random_filters(&mut r, &c);
        let res = ix.events(&c, &f, today());
        for facet in &res.facets {
            for opt in &facet.options {
                // The facet's selection replaced by this one option alone.
                let mut g = f.clone();
                match facet.key {
                    FacetKey::Process => g.processes = vec![id(&opt.value)],
                    FacetKey::Taxonomy(t) => {
                        g.tags
                            .retain(|x| !c.taxonomies[t].tags.iter().any(|tag| &tag.id == x));
                        g.tags.push(id(&opt.value));
                    }
                    FacetKey::Kind => g.kinds = vec![id(&opt.value)],
                    FacetKey::Year => g.years = vec![opt.value.parse().expect("year")],
                    FacetKey::Country => g.countries = vec![opt.value.clone()],
                    FacetKey::When => {
                        g.when = Some(if opt.value == "upcoming" {
                            When::Upcoming
                        } else {
                            When::Past
                        })
                    }
                    FacetKey::Tentative => g.tentative = true,
                    FacetKey::Language => unreachable!("events have no language facet"),
                }
                let n = ix.events(&c, &g, today()).hits.len();
                assert_eq!(
                    opt.count, n,
                    "{:?} option {} with {f:?}",
                    facet.key, opt.value
                );
            }
        }
    }
}

#[test]
fn two_filters_narrow_and_one_facet_widens() {
    let c = catalog(2000);
    let ix = Index::new(&c, "en");
    let all = ix.events(&c, &Filters::default(), today()).hits.len();
    assert_eq!(all, c.events.len());
    let kind = Filters {
        kinds: vec![id("session")],
        ..Filters::default()
    };
    let kind_n = ix.events(&c, &kind, today()).hits.len();
    let both = Filters {
        countries: vec!["AT".into()],
        ..kind.clone()
    };
    let both_n = ix.events(&c, &both, today()).hits.len();
    assert!(0 < both_n && both_n < kind_n && kind_n < all);
    let either = Filters {
        kinds: vec![id("session"), id("deadline")],
        ..Filters::default()
    };
    assert!(ix.events(&c, &either, today()).hits.len() > kind_n);
}

#[test]
fn a_parent_process_includes_its_children() {
    let c = catalog(2000);
    let ix = Index::new(&c, "en");
    let (parent, _) = c.process("p4").expect("p4");
    assert!(
        !c.children(parent).is_empty(),
        "synthetic data nests p8 under p4"
    );
    let only = |p: &str| {
        ix.events(
            &c,
            &Filters {
                processes: vec![id(p)],
                ..Filters::default()
            },
            today(),
        )
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
    let c = load(&v.to_string()).expect("loads").catalog;
    let ix = Index::new(&c, "en");
    let res = ix.events(&c, &Filters::default(), today());
    let years = res
        .facets
        .iter()
        .find(|f| f.key == FacetKey::Year)
        .expect("year facet");
    let listed: Vec<(&str, usize)> = years
        .options
        .iter()
        .map(|o| (o.value.as_str(), o.count))
        .collect();
    assert_eq!(listed, [("2026", 1), ("2025", 1), ("2020", 1), ("2019", 1)]);
}

#[test]
fn hits_are_in_date_order_without_a_search() {
    let c = catalog(500);
    let ix = Index::new(&c, "en");
    let hits = ix.events(&c, &Filters::default(), today()).hits;
    assert!(hits
        .windows(2)
        .all(|w| c.events[w[0] as usize].start <= c.events[w[1] as usize].start));
}

#[test]
fn search_ranks_title_matches_first() {
    let c = catalog(800);
    let ix = Index::new(&c, "en");
    let f = Filters {
        q: "treaty".into(),
        ..Filters::default()
    };
    let hits = ix.events(&c, &f, today()).hits;
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
    let c = catalog(300);
    let ix = Index::new(&c, "en");
    let hits = ix.search("process");
    assert!(hits.iter().any(|h| matches!(h.record, Record::Process(_))));
    let hits = ix.search("zurich");
    assert!(!hits.is_empty(), "folded diacritics");
    assert!(ix.search("  ").is_empty());
}

#[test]
fn resource_facets_count_like_event_facets() {
    let c = catalog(2000);
    let ix = Index::new(&c, "en");
    let f = Filters {
        languages: vec!["es".into()],
        ..Filters::default()
    };
    let res = ix.resources(&c, &f);
    let kinds = res
        .facets
        .iter()
        .find(|f| f.key == FacetKey::Kind)
        .expect("kind facet");
    for o in &kinds.options {
        let g = Filters {
            kinds: vec![id(&o.value)],
            ..f.clone()
        };
        assert_eq!(o.count, ix.resources(&c, &g).hits.len());
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
    let c = catalog(1000);
    let ix = Index::new(&c, "en");
    let kinds: [(&SearchIndex, RecordOf); 3] = [
        (&ix.process_search, Record::Process),
        (&ix.event_search, Record::Event),
        (&ix.resource_search, Record::Resource),
    ];
    let all = search_text::each_kind(&c, "en");
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
