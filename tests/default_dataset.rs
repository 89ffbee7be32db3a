//! The dataset that ships as the default must load with no issue at all, and hold what the
//! product promises: every process of the lineage, the seeds' content, sources on every record.

use process_tracker::core::catalog::Catalog;
use process_tracker::core::date::Precision;
use process_tracker::core::load::load;

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
