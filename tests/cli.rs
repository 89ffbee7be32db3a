//! The `tracker` binary end to end: each validation rule on a crafted file (with the line and
//! column found independently in the fixture), exit codes, hostile input, and the spreadsheet
//! round trip with its error reports.

// The tool and its crates exist only on the host.
#![cfg(not(target_arch = "wasm32"))]

use process_tracker::cli::table::{from_tables, to_tables};
use process_tracker::cli::validate::check;
use process_tracker::core::file::DatasetFile;
use process_tracker::core::synth::Rng;
use std::path::{Path, PathBuf};
use std::process::Command;

const TODAY: &str = "2026-12-01";

fn tracker(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tracker"))
        .args(args)
        .output()
        .expect("tracker runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).expect("fixture")
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tracker-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// 1-based line and column (in characters) of byte `at`: a plain count, independent of the tool.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut line = 1;
    let mut col = 1;
    for c in text[..at].chars() {
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (line, col)
}

/// Where the `nth` (1-based) occurrence of `needle` starts.
fn nth(text: &str, needle: &str, n: usize) -> usize {
    text.match_indices(needle)
        .nth(n - 1)
        .unwrap_or_else(|| panic!("{needle:?} ×{n} not in fixture"))
        .0
}

/// The `{` opening the first record of `collection`.
fn record_start(text: &str, collection: &str) -> usize {
    let list = nth(text, &format!("\"{collection}\": ["), 1);
    list + text[list..].find('{').expect("a record")
}

/// A crafted file, the JSON path of its problem, where that value starts, and words the message
/// must hold.
type Case<'a> = (&'a str, &'a str, &'a dyn Fn(&str) -> usize, &'a str);

struct Found {
    line: usize,
    column: usize,
    severity: String,
    path: String,
    message: String,
    fix: String,
}

fn findings(stdout: &str, file: &str) -> Vec<Found> {
    let lines: Vec<&str> = stdout.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(rest) = l.strip_prefix(&format!("{file}:")) else {
            continue;
        };
        let mut parts = rest.splitn(5, ": ");
        let (Some(pos), Some(severity), Some(path), Some(message)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let message = match parts.next() {
            Some(more) => format!("{message}: {more}"),
            None => message.to_owned(),
        };
        let (line, column) = pos.split_once(':').expect("line:column");
        let fix = lines
            .get(i + 1)
            .and_then(|f| f.trim().strip_prefix("fix: "))
            .unwrap_or("")
            .to_owned();
        out.push(Found {
            line: line.parse().expect("line"),
            column: column.parse().expect("column"),
            severity: severity.to_owned(),
            path: path.to_owned(),
            message,
            fix,
        });
    }
    out
}

#[test]
fn a_clean_file_passes_even_strictly() {
    let f = fixture("valid.json");
    let (code, out, _) = tracker(&["validate", "--strict", "--today", TODAY, &f]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
}

#[test]
fn each_error_rule_is_reported_where_it_is() {
    let cases: &[Case] = &[
        (
            "bad-date.json",
            "$.events[1].start",
            &|t| nth(t, "\"2026-13\"", 1),
            "not a day of the calendar",
        ),
        (
            "unknown-field.json",
            "$.events[1].titel",
            &|t| nth(t, "\"typo\"", 1),
            "unknown field `titel`",
        ),
        (
            "javascript-link.json",
            "$.events[0].links[0].url",
            &|t| nth(t, "\"javascript:", 1),
            "not an absolute http(s) or mailto URL",
        ),
        (
            "duplicate-id.json",
            "$.events[2].id",
            &|t| nth(t, "\"e1\"", 2),
            "already used",
        ),
        (
            "reversed-dates.json",
            "$.events[0].end",
            &|t| nth(t, "\"2026-03-02\"", 1),
            "before it starts",
        ),
        (
            "unknown-process.json",
            "$.events[0].processes[1]",
            &|t| nth(t, "\"nope\"", 1),
            "unknown process “nope”",
        ),
        (
            "wrong-version.json",
            "$.schema_version",
            &|t| nth(t, "2,", 1),
            "schema version 2",
        ),
        (
            "bad-meta.json",
            "$.meta.reviewed",
            &|t| nth(t, "\"December 2026\"", 1),
            "is not a date",
        ),
        // serde_json stops at the token after the missing comma.
        (
            "not-json.json",
            "$.events[1].title",
            &|t| nth(t, "\"kind\"", 2),
            "not valid JSON",
        ),
        ("empty.json", "$", &|_| 0, "empty"),
    ];
    for (name, path, at, words) in cases {
        let f = fixture(name);
        let text = read(&f);
        let (code, out, _) = tracker(&["validate", "--today", TODAY, &f]);
        assert_eq!(code, 1, "{name}: {out}");
        let found = findings(&out, &f);
        assert_eq!(found.len(), 1, "{name}: {out}");
        let x = &found[0];
        assert_eq!(x.severity, "error", "{name}");
        assert_eq!(&x.path, path, "{name}");
        assert_eq!(
            (x.line, x.column),
            line_col(&text, at(&text)),
            "{name}: {out}"
        );
        assert!(x.message.contains(words), "{name}: {}", x.message);
        assert!(!x.fix.is_empty(), "{name}: every problem comes with a fix");
    }
}

#[test]
fn warnings_pass_unless_strict() {
    let cases: &[Case] = &[
        (
            "no-sources.json",
            "$.processes[0].sources",
            &|t| nth(t, "[]", 1),
            "no source",
        ),
        (
            "tentative-past.json",
            "$.events[0].tentative",
            &|t| nth(t, "true", 1),
            "still marked tentative",
        ),
        (
            "no-outcome.json",
            "$.events[0]",
            &|t| record_start(t, "events"),
            "no outcome",
        ),
        (
            "no-language.json",
            "$.resources[0].lang",
            &|t| record_start(t, "resources"),
            "no language",
        ),
        (
            "script-markup.json",
            "$.events[0].title",
            &|t| nth(t, "\"Session <script>", 1),
            "HTML markup",
        ),
        (
            "formula-text.json",
            "$.resources[0].title",
            &|t| nth(t, "\"=HYPERLINK", 1),
            "spreadsheet formula",
        ),
    ];
    for (name, path, at, words) in cases {
        let f = fixture(name);
        let text = read(&f);
        let (code, out, _) = tracker(&["validate", "--today", TODAY, &f]);
        assert_eq!(code, 0, "{name}: {out}");
        let found = findings(&out, &f);
        assert_eq!(found.len(), 1, "{name}: {out}");
        assert_eq!(found[0].severity, "warning", "{name}");
        assert_eq!(&found[0].path, path, "{name}");
        assert_eq!(
            (found[0].line, found[0].column),
            line_col(&text, at(&text)),
            "{name}: {out}"
        );
        assert!(
            found[0].message.contains(words),
            "{name}: {}",
            found[0].message
        );
        let (strict, _, _) = tracker(&["validate", "--strict", "--today", TODAY, &f]);
        assert_eq!(strict, 1, "{name} fails with --strict");
    }
}

#[test]
fn an_old_review_is_a_warning_after_ninety_days() {
    let f = fixture("valid.json");
    let text = read(&f);
    let (code, out, _) = tracker(&["validate", "--today", "2027-03-01", &f]);
    assert_eq!(code, 0, "{out}");
    assert!(
        findings(&out, &f).is_empty(),
        "90 days is still fresh: {out}"
    );
    let (code, out, _) = tracker(&["validate", "--today", "2027-03-02", &f]);
    assert_eq!(code, 0);
    let found = findings(&out, &f);
    assert_eq!(found.len(), 1, "{out}");
    assert_eq!(found[0].path, "$.meta.reviewed");
    assert!(
        found[0].message.contains("91 days ago"),
        "{}",
        found[0].message
    );
    assert_eq!(
        (found[0].line, found[0].column),
        line_col(&text, nth(&text, "\"2026-12-01\"", 1))
    );
    let (strict, _, _) = tracker(&["validate", "--strict", "--today", "2027-03-02", &f]);
    assert_eq!(strict, 1);
}

#[test]
fn unreadable_files_and_bad_usage_exit_2() {
    let dir = scratch("unreadable");
    let latin1 = dir.join("latin1.json");
    std::fs::write(&latin1, b"{\"schema_version\": 1, \"x\": \"caf\xe9\"}").expect("write");
    let missing = dir.join("missing.json");
    for args in [
        vec!["validate", missing.to_str().expect("path")],
        vec!["validate", latin1.to_str().expect("path")],
        vec!["validate"],
        vec!["frobnicate"],
        vec!["validate", "--today", "tomorrow", "x.json"],
    ] {
        let (code, out, err) = tracker(&args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
    }
    // One unreadable file among good ones still makes the run unreadable.
    let valid = fixture("valid.json");
    let (code, out, _) = tracker(&["validate", &valid, missing.to_str().expect("path")]);
    assert_eq!(code, 2);
    assert!(
        out.contains("0 errors, 0 warnings"),
        "the readable file is still checked: {out}"
    );
    let (_, out, _) = tracker(&["validate", latin1.to_str().expect("path")]);
    assert!(out.contains("not UTF-8"), "{out}");
}

#[test]
fn several_files_are_each_reported() {
    let (a, b) = (fixture("valid.json"), fixture("bad-date.json"));
    let (code, out, _) = tracker(&["validate", "--today", TODAY, &a, &b]);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("{a}: 0 errors")) && out.contains(&format!("{b}: 1 error")),
        "{out}"
    );
}

#[test]
fn hostile_input_gets_a_message_never_a_panic() {
    let valid = read(&fixture("valid.json"));
    let huge = valid.replace("\"First session\"", &format!("\"{}\"", "x".repeat(20_001)));
    let found = check(
        &huge,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("day"),
    );
    assert!(
        found
            .iter()
            .any(|f| f.message.contains("longer than the limit") && f.path == "$.events[0].title"),
        "{:?}",
        found.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    for junk in [
        "[",
        "{",
        "{\"schema_version\":",
        "null",
        "\"x\"",
        "{\"schema_version\": 1e999}",
        "{}{}",
        "\u{feff}{}",
    ] {
        let found = check(
            junk,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("day"),
        );
        assert!(!found.is_empty(), "{junk:?}");
        assert!(found
            .iter()
            .all(|f| f.line >= 1 && f.column >= 1 && !f.fix.is_empty()));
    }
    // Random damage to a good file: always findings with positions, never a panic.
    let mut r = Rng(77);
    let pieces = [
        "{",
        "}",
        "[",
        "]",
        "\"",
        ",",
        ":",
        "\\",
        "é",
        "<script>",
        "javascript:",
        "=",
        "\n",
        "-1",
        "null",
    ];
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("day");
    for _ in 0..1500 {
        let mut s: Vec<char> = valid.chars().collect();
        for _ in 0..1 + r.below(4) {
            let i = r.below(s.len());
            if r.coin() {
                s.remove(i);
            } else {
                s.splice(i..i, r.pick(&pieces).chars());
            }
        }
        let s: String = s.into_iter().collect();
        for f in check(&s, today) {
            assert!(
                f.line >= 1 && f.column >= 1 && f.path.starts_with('$'),
                "{} {}:{} {}",
                f.path,
                f.line,
                f.column,
                f.message
            );
        }
    }
}

#[test]
fn the_published_schema_is_what_the_tool_prints() {
    let (code, out, _) = tracker(&["schema"]);
    assert_eq!(code, 0);
    let published = read(&format!(
        "{}/public/schema/v1.json",
        env!("CARGO_MANIFEST_DIR")
    ));
    assert!(
        out == published,
        "run `cargo run --bin tracker -- schema > public/schema/v1.json`"
    );
}

fn decode(path: &Path) -> DatasetFile {
    serde_json::from_str(&std::fs::read_to_string(path).expect("json")).expect("decodes strictly")
}

#[test]
fn export_then_import_gives_back_the_same_dataset() {
    let dir = scratch("roundtrip");
    let default = format!(
        "{}/public/data/un-cyber-processes.json",
        env!("CARGO_MANIFEST_DIR")
    );
    for (name, source) in [
        ("default", default),
        ("multilingual", fixture("multilingual.json")),
    ] {
        let original = decode(Path::new(&source));
        for target in [format!("{name}.xlsx"), format!("{name}-csv")] {
            let book = dir.join(&target);
            let back = dir.join(format!("{target}.json"));
            let (code, out, err) = tracker(&["export", &source, book.to_str().expect("path")]);
            assert_eq!(code, 0, "{out}{err}");
            let (code, out, err) = tracker(&[
                "import",
                book.to_str().expect("path"),
                "-o",
                back.to_str().expect("path"),
                "--today",
                TODAY,
            ]);
            assert_eq!(code, 0, "{target}: {out}{err}");
            // Field for field; a per-language text's languages may come back in another order
            // (the issue allows key order to differ), so compare as JSON values.
            let json = |d: &DatasetFile| serde_json::to_value(d).expect("serialises");
            assert_eq!(
                json(&decode(&back)),
                json(&original),
                "{target}: field for field"
            );
        }
    }
}

#[test]
fn tables_round_trip_for_synthetic_datasets() {
    for seed in 1..6 {
        let d: DatasetFile = serde_json::from_str(&process_tracker::core::synth::dataset(80, seed))
            .expect("synthetic");
        let (back, _) = from_tables(&to_tables(&d)).expect("imports");
        assert_eq!(back, d, "seed {seed}");
    }
}

/// A CSV folder exported from `valid.json`, for editing in the tests below.
fn csv_folder(name: &str) -> PathBuf {
    let dir = scratch(name).join("book");
    let (code, _, err) = tracker(&[
        "export",
        &fixture("valid.json"),
        dir.to_str().expect("path"),
    ]);
    assert_eq!(code, 0, "{err}");
    dir
}

fn edit_cell(file: &Path, row: usize, column: &str, value: &str) {
    let text = std::fs::read_to_string(file).expect("csv");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.expect("row").iter().map(String::from).collect())
        .collect();
    let c = rows[0].iter().position(|h| h == column).expect("column");
    rows[row - 1][c] = value.to_owned();
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(row).expect("write");
    }
    std::fs::write(file, w.into_inner().expect("bytes")).expect("write");
}

#[test]
fn import_names_the_sheet_row_and_column_and_writes_nothing() {
    let book = csv_folder("import-errors");
    edit_cell(&book.join("events.csv"), 3, "start", "2026-13");
    edit_cell(
        &book.join("events.csv"),
        2,
        "links",
        "javascript:alert(1) Click",
    );
    let out_json = book.parent().expect("dir").join("out.json");
    std::fs::write(&out_json, "previous contents").expect("write");
    let (code, out, err) = tracker(&[
        "import",
        book.to_str().expect("path"),
        "-o",
        out_json.to_str().expect("path"),
    ]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("events, row 3, start: “2026-13” is not a day of the calendar"),
        "{err}"
    );
    assert!(
        err.contains("events, row 2, links: “javascript:alert(1)” is not an absolute"),
        "{err}"
    );
    assert!(err.contains("nothing written"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&out_json).expect("kept"),
        "previous contents"
    );
    let leftovers: Vec<_> = std::fs::read_dir(book.parent().expect("dir"))
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

#[test]
fn import_checks_the_result_like_validate() {
    let book = csv_folder("import-validate");
    edit_cell(&book.join("events.csv"), 2, "processes", "p1; nowhere");
    let out_json = book.parent().expect("dir").join("out.json");
    let (code, _, err) = tracker(&[
        "import",
        book.to_str().expect("path"),
        "-o",
        out_json.to_str().expect("path"),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("events, row 2: error: refers to the unknown process “nowhere”"),
        "{err}"
    );
    assert!(!out_json.exists());
    // Unknown columns and sheets are named, not silently dropped.
    let book = csv_folder("import-columns");
    std::fs::write(book.join("extras.csv"), "a\n1\n").expect("write");
    let text = std::fs::read_to_string(book.join("resources.csv")).expect("csv");
    std::fs::write(
        book.join("resources.csv"),
        text.replacen("title", "titel", 1),
    )
    .expect("write");
    let (code, _, err) = tracker(&[
        "import",
        book.to_str().expect("path"),
        "-o",
        out_json.to_str().expect("path"),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("extras: is not a sheet this tool reads"),
        "{err}"
    );
    assert!(
        err.contains("resources, row 1, B: “titel” is not a column of this sheet"),
        "{err}"
    );
}

#[test]
fn formula_cells_in_a_workbook_are_refused() {
    let dir = scratch("formula");
    let path = dir.join("book.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let meta = wb.add_worksheet().set_name("meta").expect("name");
    for (r, (k, v)) in [
        ("field", "value"),
        ("title", "T"),
        ("publisher.name", "P"),
        ("reviewed", TODAY),
        ("default_lang", "en"),
        ("license.name", "L"),
    ]
    .iter()
    .enumerate()
    {
        meta.write_string(r as u32, 0, *k).expect("cell");
        meta.write_string(r as u32, 1, *v).expect("cell");
    }
    let procs = wb.add_worksheet().set_name("processes").expect("name");
    for (c, h) in ["id", "name", "summary", "sources"].iter().enumerate() {
        procs.write_string(0, c as u16, *h).expect("cell");
    }
    procs.write_string(1, 0, "p1").expect("cell");
    procs
        .write_formula(1, 1, "=HYPERLINK(\"javascript:alert(1)\",\"Name\")")
        .expect("cell");
    procs.write_string(1, 2, "S").expect("cell");
    procs
        .write_string(1, 3, "https://example.org")
        .expect("cell");
    wb.save(&path).expect("save");
    let out_json = dir.join("out.json");
    let (code, _, err) = tracker(&[
        "import",
        path.to_str().expect("path"),
        "-o",
        out_json.to_str().expect("path"),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("processes, row 2, name: holds a formula (=HYPERLINK("),
        "{err}"
    );
    assert!(!out_json.exists());
}

#[test]
fn site_writes_calendars_feeds_schema_and_template() {
    let dist = scratch("site");
    std::fs::create_dir_all(dist.join("data")).expect("dir");
    let data = dist.join("data/un-cyber-processes.json");
    std::fs::copy(
        format!(
            "{}/public/data/un-cyber-processes.json",
            env!("CARGO_MANIFEST_DIR")
        ),
        &data,
    )
    .expect("copy");
    let (code, out, err) = tracker(&[
        "site",
        dist.to_str().expect("path"),
        "--today",
        TODAY,
        "--base-url",
        "https://t.example/",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let c = process_tracker::core::load::load(&read(data.to_str().expect("path")))
        .expect("loads")
        .catalog;
    for p in &c.processes {
        assert!(
            dist.join(format!("calendar/{}.ics", p.id)).exists(),
            "{}",
            p.id
        );
    }
    for f in [
        "calendar/upcoming.ics",
        "feeds/upcoming.atom",
        "feeds/resources.atom",
        "schema/v1.json",
        "template.xlsx",
    ] {
        assert!(dist.join(f).exists(), "{f}");
    }
    let ics = read(dist.join("calendar/upcoming.ics").to_str().expect("path"));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("day");
    let open: Vec<_> = c.events.iter().filter(|e| e.is_open(today)).collect();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), open.len());
    for e in open {
        assert!(ics.contains(&format!("UID:{}.un-cyber-processes@process-tracker", e.id)));
        assert!(ics.contains(&format!(
            "URL:https://t.example/?view=events&event={}",
            e.id
        )));
    }
    // The template is a workbook the importer reads.
    let tables =
        process_tracker::cli::read_tables(&dist.join("template.xlsx")).expect("template reads");
    assert!(from_tables(&tables).is_ok());
}

#[test]
fn an_ods_workbook_imports_like_an_xlsx() {
    // valid.ods is valid.json exported to CSV and laid out as an OpenDocument spreadsheet
    // (text cells, one paragraph a line), as LibreOffice saves it.
    let dir = scratch("ods");
    let out_json = dir.join("out.json");
    let (code, out, err) = tracker(&[
        "import",
        &fixture("valid.ods"),
        "-o",
        out_json.to_str().expect("path"),
        "--today",
        TODAY,
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(decode(&out_json), decode(Path::new(&fixture("valid.json"))));
}
