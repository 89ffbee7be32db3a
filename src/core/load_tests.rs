//! Each validation rule, fed a crafted bad input: the loader must name the place and the problem,
//! and keep the rest of the dataset.

use super::issue::{Collection, LoadError, Problem};
use super::load::{load, Loaded};
use serde_json::{json, Value};

/// A small, valid dataset; each test breaks one thing in it.
pub(crate) fn base() -> Value {
    json!({
        "schema_version": 1,
        "meta": {
            "title": "Test tracker",
            "publisher": {"name": "Tester", "url": "https://example.org"},
            "reviewed": "2026-11-26",
            "default_lang": "en",
            "license": {"name": "CC BY 4.0"}
        },
        "taxonomies": [
            {"id": "status", "label": "Status", "tags": [
                {"id": "binding", "label": "Binding", "definition": "Binding outcome"},
                {"id": "norms", "label": "Norm-setting", "definition": "Norms"}
            ]}
        ],
        "event_kinds": [{"id": "session", "label": "Session"}, {"id": "deadline", "label": "Deadline"}],
        "resource_kinds": [{"id": "report", "label": "Report"}],
        "processes": [
            {"id": "alpha", "name": "Alpha", "summary": "First", "tags": ["binding"], "sources": ["https://example.org/a"]},
            {"id": "beta", "name": "Beta", "summary": "Second", "predecessors": ["alpha"], "sources": ["https://example.org/b"]},
            {"id": "beta-1", "name": "Beta group", "summary": "Child", "parent": "beta", "sources": ["https://example.org/c"]}
        ],
        "events": [
            {"id": "e2", "processes": ["beta"], "title": "Later", "kind": "session", "start": "2026-03", "sources": ["https://example.org/e2"]},
            {"id": "e1", "processes": ["alpha"], "title": "Earlier", "kind": "session", "start": "2025-07-07", "end": "2025-07-11",
             "location": {"city": "New York", "country": "US"}, "sources": ["https://example.org/e1"]}
        ],
        "resources": [
            {"id": "r1", "title": "Old", "date": "2023-01-09", "kind": "report", "lang": "en", "url": "https://example.org/r1", "processes": ["alpha"]},
            {"id": "r2", "title": "New", "date": "2024-09-02", "kind": "report", "lang": "es", "url": "https://example.org/r2"}
        ],
        "figures": [
            {"id": "ratifications", "process": "alpha", "label": "Ratifications", "target": {"value": 40, "label": "for entry into force"},
             "points": [{"as_of": "2026-05-21", "value": 1, "sources": ["https://example.org/f"], "confirmed": false},
                        {"as_of": "2025-10-26", "value": 0, "sources": ["https://example.org/f0"]}]}
        ]
    })
}

fn run(v: &Value) -> Loaded {
    load(&v.to_string()).expect("loads")
}

fn only_issue(l: &Loaded) -> String {
    assert_eq!(l.issues.len(), 1, "expected one issue, got {:#?}", l.issues);
    l.issues[0].to_string()
}

#[test]
fn valid_dataset_loads_without_issues_and_in_order() {
    let l = run(&base());
    assert!(l.issues.is_empty(), "{:#?}", l.issues);
    let c = &l.catalog;
    let ids: Vec<&str> = c.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["e1", "e2"], "events sorted by start");
    let ids: Vec<&str> = c.resources.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["r2", "r1"], "resources newest first");
    let (beta, _) = c.process("beta").expect("beta");
    let (alpha, _) = c.process("alpha").expect("alpha");
    assert_eq!(c.successors(alpha), [beta]);
    assert_eq!(c.children(beta).len(), 1);
    assert_eq!(c.subtree(beta).len(), 2);
    let f = &c.figures[0];
    assert!(
        f.points[0].as_of < f.points[1].as_of,
        "readings sorted by date"
    );
}

#[test]
fn malformed_json_reports_line_and_column() {
    let err = load("{\n  \"schema_version\": 1,\n  oops\n}")
        .err()
        .expect("fails");
    match err {
        LoadError::Json { line, .. } => assert_eq!(line, 3),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn empty_and_non_object_inputs_fail_clearly() {
    assert_eq!(load("  ").err(), Some(LoadError::Empty));
    assert_eq!(
        load("[1,2]").err(),
        Some(LoadError::Shape("the top level must be an object".into()))
    );
    let mut v = base();
    v["schema_version"] = json!(2);
    assert_eq!(
        load(&v.to_string()).err(),
        Some(LoadError::Schema { found: 2 })
    );
    v["schema_version"] = json!("1");
    assert!(matches!(
        load(&v.to_string()).err(),
        Some(LoadError::Shape(_))
    ));
}

#[test]
fn missing_top_level_collection_is_a_shape_error() {
    let mut v = base();
    v.as_object_mut().expect("object").remove("processes");
    let err = load(&v.to_string()).err().expect("fails");
    assert!(err.to_string().contains("processes"), "{err}");
}

#[test]
fn bad_meta_names_the_field() {
    let mut v = base();
    v["meta"]["reviewed"] = json!("2026-13-01");
    let err = load(&v.to_string()).err().expect("fails").to_string();
    assert!(err.contains("meta") && err.contains("reviewed"), "{err}");
}

#[test]
fn wrong_type_drops_only_that_record_and_names_the_field() {
    let mut v = base();
    v["events"][1]["location"]["city"] = json!(42);
    let l = run(&v);
    let msg = only_issue(&l);
    assert!(
        msg.starts_with("events[1] “e1”, field “location.city”: invalid type: integer `42`"),
        "{msg}"
    );
    assert_eq!(l.catalog.events.len(), 1);
    assert_eq!(l.catalog.events[0].id.as_str(), "e2");
}

#[test]
fn unknown_field_is_reported() {
    let mut v = base();
    v["events"][0]["titel"] = json!("typo");
    let msg = only_issue(&run(&v));
    assert!(
        msg.contains("events[0] “e2”") && msg.contains("unknown field `titel`"),
        "{msg}"
    );
}

#[test]
fn duplicate_ids_keep_the_first() {
    let mut v = base();
    v["events"][1]["id"] = json!("e2");
    let l = run(&v);
    assert_eq!(only_issue(&l), "events[1] “e2”, field “id”: the id “e2” is already used by an earlier record; this one is left out");
    assert_eq!(l.catalog.events[0].title.get("en", "en"), "Later");
}

#[test]
fn duplicate_tag_across_taxonomies_is_reported() {
    let mut v = base();
    v["taxonomies"]
        .as_array_mut()
        .expect("array")
        .push(json!({"id": "type", "label": "Type", "tags": [
        {"id": "binding", "label": "Again", "definition": "dup"}]}));
    let msg = only_issue(&run(&v));
    assert!(
        msg.contains("taxonomies[1] “type”, field “tags[0].id”"),
        "{msg}"
    );
}

#[test]
fn end_before_start_drops_the_event() {
    let mut v = base();
    v["events"][1]["end"] = json!("2025-07-01");
    let l = run(&v);
    assert_eq!(
        only_issue(&l),
        "events[1] “e1”, field “end”: ends (2025-07-01) before it starts (2025-07-07); the record is left out"
    );
    assert!(l.catalog.event("e1").is_none());
}

#[test]
fn month_precise_end_in_the_start_month_is_not_reversed() {
    let mut v = base();
    v["events"][1]["end"] = json!("2025-07");
    assert!(run(&v).issues.is_empty());
}

#[test]
fn bad_date_is_malformed() {
    let mut v = base();
    v["events"][0]["start"] = json!("March 2026");
    let msg = only_issue(&run(&v));
    assert!(
        msg.contains("field “start”") && msg.contains("“March 2026” is not a date"),
        "{msg}"
    );
}

#[test]
fn unknown_process_reference_is_dropped_and_event_kept_if_another_remains() {
    let mut v = base();
    v["events"][0]["processes"] = json!(["nope", "beta"]);
    let l = run(&v);
    assert_eq!(only_issue(&l), "events[0] “e2”, field “processes[0]”: refers to the unknown process “nope”; the reference is ignored");
    assert!(l.catalog.event("e2").is_some());

    v["events"][0]["processes"] = json!(["nope"]);
    let l = run(&v);
    assert_eq!(l.issues.len(), 2);
    assert_eq!(l.issues[1].problem, Problem::NoProcess);
    assert!(l.catalog.event("e2").is_none());
}

#[test]
fn unknown_tag_is_dropped_from_the_process() {
    let mut v = base();
    v["processes"][0]["tags"] = json!(["binding", "secret"]);
    let l = run(&v);
    assert_eq!(only_issue(&l), "processes[0] “alpha”, field “tags[1]”: refers to the unknown tag “secret”; the tag is ignored");
    let (_, alpha) = l.catalog.process("alpha").expect("alpha");
    assert_eq!(alpha.tags.len(), 1);
}

#[test]
fn unknown_kind_is_a_warning_and_becomes_a_kind() {
    let mut v = base();
    v["events"][0]["kind"] = json!("webinar");
    let l = run(&v);
    assert!(!l.issues[0].problem.is_error());
    assert_eq!(l.issues[0].place.collection, Collection::Events);
    assert!(l.catalog.event_kind("webinar").is_some());
}

#[test]
fn unknown_parent_and_cycles_are_broken() {
    let mut v = base();
    v["processes"][0]["parent"] = json!("beta-1");
    let l = run(&v);
    // alpha → beta-1 → beta; beta has no parent, so no loop: fine.
    assert!(l.issues.is_empty(), "{:#?}", l.issues);

    v["processes"][1]["parent"] = json!("alpha");
    let l = run(&v);
    assert_eq!(l.issues.len(), 1, "{:#?}", l.issues);
    assert!(matches!(l.issues[0].problem, Problem::ParentCycle(_)));
    let c = &l.catalog;
    assert!(c.roots().count() >= 1, "the loop is broken somewhere");

    let mut v = base();
    v["processes"][2]["parent"] = json!("ghost");
    let l = run(&v);
    assert!(only_issue(&l).contains("field “parent”: refers to the unknown process “ghost”"));
}

#[test]
fn dangerous_urls_are_refused_where_they_appear() {
    let mut v = base();
    v["resources"][0]["url"] = json!("javascript:alert(document.cookie)");
    let l = run(&v);
    let msg = only_issue(&l);
    assert!(
        msg.contains("resources[0] “r1”, field “url”")
            && msg.contains("not an absolute http(s) or mailto URL"),
        "{msg}"
    );
    assert_eq!(l.catalog.resources.len(), 1);
}

#[test]
fn hostile_text_is_kept_as_text() {
    let mut v = base();
    v["events"][0]["title"] = json!("<script>alert(1)</script>");
    let l = run(&v);
    assert!(l.issues.is_empty());
    assert_eq!(
        l.catalog.event("e2").expect("e2").1.title.get("en", "en"),
        "<script>alert(1)</script>"
    );
}

#[test]
fn huge_string_drops_the_record() {
    let mut v = base();
    v["events"][0]["summary"] = json!("x".repeat(1_000_000));
    let l = run(&v);
    assert!(only_issue(&l)
        .contains("field “summary”: text of 1000000 characters is longer than the limit"));
}

#[test]
fn missing_sources_warn_but_keep() {
    let mut v = base();
    v["events"][0]["sources"] = json!([]);
    let l = run(&v);
    assert_eq!(
        only_issue(&l),
        "events[0] “e2”, field “sources”: has no source; every record should cite at least one"
    );
    assert!(l.catalog.event("e2").is_some());
}

#[test]
fn blank_title_drops() {
    let mut v = base();
    v["events"][0]["title"] = json!("   ");
    assert!(only_issue(&run(&v)).contains("is empty"));
}

#[test]
fn figure_readings_must_be_unique_and_sourced() {
    let mut v = base();
    v["figures"][0]["points"][1]["as_of"] = json!("2026-05-21");
    assert!(matches!(
        run(&v).issues[0].problem,
        Problem::DuplicateReading(_)
    ));
    let mut v = base();
    v["figures"][0]["process"] = json!("ghost");
    let l = run(&v);
    assert!(l.catalog.figures.is_empty());
}

#[test]
fn record_that_is_not_an_object_is_reported_by_index() {
    let mut v = base();
    v["events"][0] = json!("just a string");
    let l = run(&v);
    let msg = only_issue(&l);
    assert!(msg.starts_with("events[0]: invalid type: string"), "{msg}");
}

#[test]
fn the_version_is_judged_before_the_other_keys() {
    let mut v = base();
    v["schema_version"] = json!(3);
    v["events"] = json!("not a list");
    v["extra"] = json!({"a": 1});
    assert_eq!(
        load(&v.to_string()).err(),
        Some(LoadError::Schema { found: 3 })
    );
    v["schema_version"] = json!(1);
    let err = load(&v.to_string()).err().expect("fails").to_string();
    assert!(
        err.contains("invalid type: string \"not a list\", expected a sequence"),
        "{err}"
    );
    v["events"] = json!([]);
    let err = load(&v.to_string()).err().expect("fails").to_string();
    assert!(err.contains("unknown field `extra`"), "{err}");
}

#[test]
fn a_repeated_top_level_key_is_a_shape_error() {
    let text = base().to_string();
    let twice = text.replacen("\"meta\":", "\"meta\":{},\"meta\":", 1);
    let err = load(&twice).err().expect("fails").to_string();
    assert!(err.contains("duplicate field `meta`"), "{err}");
    let twice = text.replacen(
        "\"schema_version\":1",
        "\"schema_version\":1,\"schema_version\":1",
        1,
    );
    assert!(matches!(load(&twice).err(), Some(LoadError::Shape(_))));
}

#[test]
fn review_rules_apply_only_when_a_maintainer_checks() {
    use super::load::load_reviewed;
    let mut v = base();
    // e1 ended in July 2025, before the review of 2026-11-26: tentative and without outcome.
    v["events"][1]["tentative"] = json!(true);
    v["events"][0]["outcome"] = json!("Done");
    v["resources"][0].as_object_mut().map(|r| r.remove("lang"));
    let text = v.to_string();
    assert!(
        load(&text).expect("loads").issues.is_empty(),
        "the app is not bothered"
    );
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("day");
    let l = load_reviewed(&text, today).expect("loads");
    let problems: Vec<&Problem> = l.issues.iter().map(|i| &i.problem).collect();
    assert_eq!(problems.len(), 3, "{:#?}", l.issues);
    assert!(problems
        .iter()
        .any(|p| matches!(p, Problem::TentativeBeforeReview { .. })));
    assert!(problems
        .iter()
        .any(|p| matches!(p, Problem::NoOutcome { .. })));
    assert!(problems.iter().any(|p| matches!(p, Problem::NoLanguage)));
    assert!(
        problems.iter().all(|p| !p.is_error()),
        "review findings are warnings"
    );
    let lang = l
        .catalog
        .resources
        .iter()
        .find(|r| r.id.as_str() == "r1")
        .expect("r1 kept");
    assert_eq!(lang.lang.as_str(), "und");
    // 91 days after the review, the review itself is stale.
    let late = chrono::NaiveDate::from_ymd_opt(2027, 2, 25).expect("day");
    let stale = load_reviewed(&text, late).expect("loads");
    let meta: Vec<_> = stale
        .issues
        .iter()
        .filter(|i| i.place.collection == Collection::Meta)
        .collect();
    assert_eq!(meta.len(), 1);
    assert!(matches!(
        meta[0].problem,
        Problem::StaleReview { days: 91, .. }
    ));
    assert_eq!(
        meta[0].to_string().split(':').next(),
        Some("meta, field “reviewed”")
    );
}
