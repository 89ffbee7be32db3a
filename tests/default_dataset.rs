//! The dataset that ships as the default must load with no issue at all, and hold what the
//! product promises: every process of the lineage, the seeds' content, sources on every record.

use process_tracker::core::catalog::Catalog;
use process_tracker::core::date::Precision;
use process_tracker::core::load::load;
use process_tracker::core::model::Block;
use process_tracker::core::text::Text;

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/public/data/un-cyber-processes.json"
);

fn catalog() -> Catalog {
    let json = std::fs::read_to_string(PATH).expect("default dataset present");
    let loaded = load(&json).unwrap_or_else(|e| panic!("default dataset fails to load: {e}"));
    let issues: Vec<String> = loaded.issues.iter().map(|i| i.to_string()).collect();
    assert!(
        issues.is_empty(),
        "default dataset has issues:\n{}",
        issues.join("\n")
    );
    loaded.catalog
}

#[test]
fn loads_without_issues() {
    let c = catalog();
    assert_eq!(c.meta.default_lang.as_str(), "en");
    assert!(c.meta.reviewed.to_string().starts_with("2026-"));
}

#[test]
fn has_every_process_of_both_lineages() {
    let c = catalog();
    let id = |s: &str| {
        c.process(s)
            .unwrap_or_else(|| panic!("process {s} missing"))
            .0
    };
    let chain = |from: &str, to: &str| {
        assert!(
            c.successors(id(from)).contains(&id(to)),
            "{to} should continue {from}"
        );
    };
    chain("gge", "oewg-2019-2021");
    chain("oewg-2019-2021", "oewg-2021-2025");
    chain("oewg-2021-2025", "global-mechanism");
    chain("ahc", "uncc");
    chain("uncc", "uncc-protocol");
    chain("uncc", "uncc-cosp");
    let gm = id("global-mechanism");
    assert_eq!(
        c.children(gm).len(),
        2,
        "the Global Mechanism has its two dedicated thematic groups"
    );
}

#[test]
fn every_record_is_sourced() {
    let c = catalog();
    assert!(c.processes.iter().all(|p| !p.sources.is_empty()));
    assert!(c.events.iter().all(|e| !e.sources.is_empty()));
    assert!(c
        .figures
        .iter()
        .all(|f| f.points.iter().all(|p| !p.sources.is_empty())));
}

#[test]
fn carries_the_seed_taxonomies_with_definitions() {
    let c = catalog();
    let expected = [("status", 4), ("type", 2), ("openness", 4)];
    for (tax, n) in expected {
        let t = c
            .taxonomies
            .iter()
            .find(|t| t.id.as_str() == tax)
            .unwrap_or_else(|| panic!("taxonomy {tax}"));
        assert_eq!(t.tags.len(), n, "{tax}");
        assert!(t.tags.iter().all(|g| !g.definition.is_blank()));
    }
    assert!(
        c.processes.iter().all(|p| !p.tags.is_empty()),
        "every process is tagged"
    );
}

#[test]
fn holds_the_history_and_the_seed_resources() {
    let c = catalog();
    assert!(c.events.len() >= 40, "{} events", c.events.len());
    assert!(
        c.events.first().is_some_and(|e| e.start.year() <= 2004),
        "history back to the first GGE"
    );
    assert_eq!(
        c.resources.len(),
        18,
        "the seventeen seed resources and the July 2025 analysis"
    );
    assert!(
        c.resources
            .iter()
            .any(|r| r.date.to_string() == "2025-07-24" && r.url.host() == "gp-digital.org"),
        "the analysis the tracker draws on is itself a resource"
    );
    let gge_groups = c
        .events
        .iter()
        .filter(|e| e.kind.as_str() == "expert-group")
        .count();
    assert_eq!(gge_groups, 6, "one group event per GGE");
    assert!(
        c.resources.iter().any(|r| r.lang.as_str() == "es"),
        "the Spanish toolkit"
    );
    let uncc = c.process("uncc").expect("uncc").0;
    let fig: Vec<_> = c.figures_of(uncc).collect();
    assert!(
        fig.iter()
            .any(|f| f.target.as_ref().is_some_and(|t| t.value == 40)),
        "ratifications against 40"
    );
}

#[test]
fn only_future_events_are_tentative() {
    let c = catalog();
    let reviewed = c.meta.reviewed.0;
    for e in &c.events {
        if e.tentative {
            assert!(
                e.start.last_day() >= reviewed,
                "{} is tentative but already past at review",
                e.id
            );
        }
    }
    assert!(
        c.events
            .iter()
            .any(|e| e.start.precision() != Precision::Day),
        "coarse dates are kept coarse"
    );
    assert!(
        c.events.iter().any(|e| !e.confirmed),
        "unconfirmed facts are marked"
    );
}

/// The six official UN languages; the default dataset is read in all of them.
const UN_LANGS: [&str; 6] = ["en", "fr", "es", "ru", "zh", "ar"];

/// The languages of `text` that are missing or blank, among `wanted`.
fn missing<'a>(text: &Text, wanted: &[&'a str]) -> Vec<&'a str> {
    wanted
        .iter()
        .copied()
        .filter(|l| {
            !text
                .variants()
                .any(|(vl, s)| vl == *l && !s.trim().is_empty())
        })
        .collect()
}

#[test]
fn names_summaries_tags_and_kinds_are_in_all_six_languages() {
    let c = catalog();
    let mut texts: Vec<(String, &Text)> = vec![("meta.title".into(), &c.meta.title)];
    if let Some(d) = &c.meta.description {
        texts.push(("meta.description".into(), d));
    }
    for p in &c.processes {
        texts.push((format!("process {}.name", p.id), &p.name));
        texts.push((format!("process {}.summary", p.id), &p.summary));
        if let Some(s) = &p.short_name {
            texts.push((format!("process {}.short_name", p.id), s));
        }
    }
    for t in &c.taxonomies {
        texts.push((format!("taxonomy {}.label", t.id), &t.label));
        if let Some(d) = &t.description {
            texts.push((format!("taxonomy {}.description", t.id), d));
        }
        for g in &t.tags {
            texts.push((format!("tag {}.label", g.id), &g.label));
            texts.push((format!("tag {}.definition", g.id), &g.definition));
        }
    }
    for (group, kinds) in [
        ("event kind", &c.event_kinds),
        ("resource kind", &c.resource_kinds),
    ] {
        for k in kinds {
            texts.push((format!("{group} {}.label", k.id), &k.label));
            if let Some(d) = &k.description {
                texts.push((format!("{group} {}.description", k.id), d));
            }
        }
    }
    assert!(texts.len() > 50, "only {} texts checked", texts.len());
    let gaps: Vec<String> = texts
        .iter()
        .filter_map(|(at, t)| {
            let m = missing(t, &UN_LANGS);
            (!m.is_empty()).then(|| format!("{at}: no {}", m.join(", ")))
        })
        .collect();
    assert!(gaps.is_empty(), "untranslated:\n{}", gaps.join("\n"));
}

#[test]
fn every_explainer_reads_in_french_and_spanish() {
    let c = catalog();
    let mut gaps = Vec::new();
    let mut seen = 0;
    for p in &c.processes {
        let e = &p.explainer;
        for (section, blocks) in [
            ("why_it_matters", &e.why_it_matters),
            ("how_it_works", &e.how_it_works),
            ("how_to_engage", &e.how_to_engage),
        ] {
            assert!(!blocks.is_empty(), "{} has no {section}", p.id);
            for (i, b) in blocks.iter().enumerate() {
                let texts: Vec<&Text> = match b {
                    Block::Paragraph(t) => vec![t],
                    Block::List(items) => items.iter().collect(),
                };
                for t in texts {
                    seen += 1;
                    let m = missing(t, &["en", "fr", "es"]);
                    if !m.is_empty() {
                        gaps.push(format!("{}.{section}[{i}]: no {}", p.id, m.join(", ")));
                    }
                }
            }
        }
    }
    assert!(seen > 50, "only {seen} explainer texts checked");
    assert!(gaps.is_empty(), "untranslated:\n{}", gaps.join("\n"));
}

#[test]
fn translations_keep_the_default_language_and_show_per_language() {
    let c = catalog();
    let (_, gm) = c.process("global-mechanism").expect("global-mechanism");
    let default = c.lang();
    let en = gm.name.get(default, default);
    assert!(en.starts_with("Global Mechanism"), "{en}");
    for lang in &UN_LANGS[1..] {
        assert_ne!(
            gm.name.get(lang, default),
            en,
            "{lang} falls back to {default}"
        );
    }
    // A language the data does not carry falls back to the default, not to whichever came first.
    assert_eq!(gm.name.get("de", default), en);
}
