//! The `tracker` command-line tool for a dataset's maintainers (host only; never in the wasm):
//! validate, print the JSON Schema, move a dataset to and from a spreadsheet, and build the
//! calendars, feeds and template beside a built app.

pub mod fsx;
pub mod sheets;
pub mod site;
pub mod table;
pub mod validate;

use crate::core::file::DatasetFile;
use chrono::{NaiveDate, NaiveDateTime};
use std::path::{Path, PathBuf};
use validate::Severity;

pub const USAGE: &str = "\
usage:
  tracker validate [--strict] [--today YYYY-MM-DD] FILE...
      Check datasets: every problem with its JSON path, line, column and a fix.
      Exit 0 clean (warnings allowed), 1 problems (or warnings with --strict), 2 unreadable.
  tracker schema
      Print the dataset's JSON Schema (the one published as schema/v1.json).
  tracker export DATASET.json BOOK.xlsx|FOLDER
      Write the dataset as a workbook (or a folder of CSV files), one sheet per record kind.
  tracker import BOOK.xlsx|BOOK.ods|FOLDER -o DATASET.json [--today YYYY-MM-DD]
      Read a workbook (or CSV folder) back into a dataset, checked like `validate`;
      nothing is written if there is an error.
  tracker site DIST [--data FILE] [--base-url URL] [--today YYYY-MM-DD]
      Write calendar/*.ics, feeds/*.atom, schema/v1.json and template.xlsx into a built app.
";

/// Exit codes.
pub const OK: i32 = 0;
pub const PROBLEMS: i32 = 1;
pub const UNREADABLE: i32 = 2;

/// Runs one command; returns the process's exit code. Output goes to `out`, messages to `err`.
pub fn run(args: &[String], out: &mut dyn std::io::Write, err: &mut dyn std::io::Write) -> i32 {
    let mut a = Args::new(args);
    let code = match a.command.as_deref() {
        Some("validate") => cmd_validate(&mut a, out),
        Some("schema") => {
            let _ = out.write_all(crate::core::schema::dataset_schema().as_bytes());
            Ok(OK)
        }
        Some("export") => cmd_export(&mut a, out),
        Some("import") => cmd_import(&mut a, out),
        Some("site") => cmd_site(&mut a, out),
        Some("help" | "--help" | "-h") => {
            let _ = out.write_all(USAGE.as_bytes());
            Ok(OK)
        }
        _ => Err((UNREADABLE, USAGE.to_owned())),
    };
    match code {
        Ok(c) => c,
        Err((c, message)) => {
            let _ = writeln!(err, "{}", message.trim_end());
            c
        }
    }
}

type Outcome = Result<i32, (i32, String)>;

struct Args {
    command: Option<String>,
    positional: Vec<String>,
    flags: Vec<(String, Option<String>)>,
}

impl Args {
    fn new(args: &[String]) -> Args {
        let mut it = args.iter();
        let command = it.next().cloned();
        let mut positional = Vec::new();
        let mut flags = Vec::new();
        while let Some(x) = it.next() {
            match x.as_str() {
                "--strict" => flags.push((x.clone(), None)),
                "--today" | "--data" | "--base-url" | "-o" | "--output" => {
                    flags.push((x.clone(), it.next().cloned()))
                }
                _ => positional.push(x.clone()),
            }
        }
        Args {
            command,
            positional,
            flags,
        }
    }

    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(f, _)| f == name)
    }

    fn value(&self, names: &[&str]) -> Result<Option<String>, (i32, String)> {
        match self.flags.iter().find(|(f, _)| names.contains(&f.as_str())) {
            None => Ok(None),
            Some((f, None)) => Err(usage(&format!("{f} needs a value"))),
            Some((_, Some(v))) => Ok(Some(v.clone())),
        }
    }

    fn today(&self) -> Result<NaiveDate, (i32, String)> {
        match self.value(&["--today"])? {
            None => Ok(now().date()),
            Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                .map_err(|_| usage(&format!("--today “{s}” is not a day (YYYY-MM-DD)"))),
        }
    }
}

fn usage(message: &str) -> (i32, String) {
    (UNREADABLE, format!("{message}\n\n{USAGE}"))
}

/// The system clock in UTC (the core never reads it; the tool may).
pub fn now() -> NaiveDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

fn read_text(path: &str) -> Result<String, (i32, String)> {
    let bytes =
        std::fs::read(path).map_err(|e| (UNREADABLE, format!("{path}: cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        (
            UNREADABLE,
            format!(
                "{path}: not UTF-8 text (byte {}); save it as UTF-8",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

fn cmd_validate(a: &mut Args, out: &mut dyn std::io::Write) -> Outcome {
    if a.positional.is_empty() {
        return Err(usage("validate needs at least one file"));
    }
    let strict = a.has("--strict");
    let today = a.today()?;
    let mut code = OK;
    for file in &a.positional {
        let text = match read_text(file) {
            Ok(t) => t,
            Err((_, m)) => {
                let _ = writeln!(out, "{m}");
                code = UNREADABLE;
                continue;
            }
        };
        let findings = validate::check(&text, today);
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = findings.len() - errors;
        for f in &findings {
            let _ = writeln!(out, "{}", f.render(file));
        }
        let _ = writeln!(
            out,
            "{file}: {errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        );
        if (errors > 0 || (strict && warnings > 0)) && code == OK {
            code = PROBLEMS;
        }
    }
    Ok(code)
}

fn cmd_export(a: &mut Args, out: &mut dyn std::io::Write) -> Outcome {
    let [input, output] = a.positional.as_slice() else {
        return Err(usage(
            "export needs DATASET.json and BOOK.xlsx (or a folder)",
        ));
    };
    let text = read_text(input)?;
    let dataset: DatasetFile = match serde_json::from_str(&text) {
        Ok(d) => d,
        Err(_) => {
            let findings = validate::check(&text, a.today()?);
            let mut m = format!("{input} has problems to fix before it can be exported:\n");
            for f in findings.iter().filter(|f| f.severity == Severity::Error) {
                m.push_str(&f.render(input));
                m.push('\n');
            }
            return Err((PROBLEMS, m));
        }
    };
    let tables = table::to_tables(&dataset);
    write_tables(Path::new(output), &tables)?;
    let _ = writeln!(out, "{input} → {output}: {} sheets", tables.len());
    Ok(OK)
}

fn write_tables(output: &Path, tables: &[table::Table]) -> Result<(), (i32, String)> {
    let fail = |e: String| {
        (
            UNREADABLE,
            format!("{}: cannot write: {e}", output.display()),
        )
    };
    if output
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
    {
        let bytes = sheets::xlsx_bytes(tables).map_err(fail)?;
        fsx::write_atomic(output, &bytes).map_err(|e| fail(e.to_string()))
    } else {
        for (path, bytes) in sheets::write_csv_folder(output, tables).map_err(fail)? {
            fsx::write_atomic(Path::new(&path), &bytes).map_err(|e| fail(e.to_string()))?;
        }
        Ok(())
    }
}

/// Reads tables from a workbook or a CSV folder.
pub fn read_tables(input: &Path) -> Result<Vec<table::Table>, (i32, String)> {
    let read = if input.is_dir() {
        sheets::read_csv_folder(input)
    } else {
        sheets::read_workbook(input)
    };
    read.map_err(|e| match e {
        sheets::SheetError::Cells(errs) => (PROBLEMS, render_cell_errors(input, &errs)),
        other => (UNREADABLE, other.to_string()),
    })
}

fn render_cell_errors(input: &Path, errs: &[table::CellError]) -> String {
    let mut m = format!(
        "{}: {} problem{}, nothing written:\n",
        input.display(),
        errs.len(),
        if errs.len() == 1 { "" } else { "s" }
    );
    for e in errs {
        m.push_str(&format!("  {e}\n"));
    }
    m
}

fn cmd_import(a: &mut Args, out: &mut dyn std::io::Write) -> Outcome {
    let [input] = a.positional.as_slice() else {
        return Err(usage("import needs one workbook or folder"));
    };
    let Some(output) = a.value(&["-o", "--output"])? else {
        return Err(usage("import needs -o DATASET.json"));
    };
    let input = PathBuf::from(input);
    let tables = read_tables(&input)?;
    let (dataset, origins) = table::from_tables(&tables)
        .map_err(|errs| (PROBLEMS, render_cell_errors(&input, &errs)))?;
    let text = dataset.to_json();
    let findings = validate::check(&text, a.today()?);
    let place = |path: &str| -> String {
        // `$.events[3].start` → the row the record came from.
        let rest = path.trim_start_matches("$.");
        let (key, tail) = rest.split_once('[').unwrap_or((rest, ""));
        let index: Option<usize> = tail.split(']').next().and_then(|n| n.parse().ok());
        origins
            .iter()
            .find(|(k, i, _, _)| k == key && Some(*i) == index)
            .map(|(_, _, sheet, row)| format!("{sheet}, row {row}"))
            .unwrap_or_else(|| {
                if key == "meta" {
                    "meta".into()
                } else {
                    path.to_owned()
                }
            })
    };
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    let mut report = String::new();
    for f in &findings {
        let sev = if f.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        report.push_str(&format!(
            "  {}: {sev}: {} ({})\n    fix: {}\n",
            place(&f.path),
            f.message,
            f.path,
            f.fix
        ));
    }
    if !errors.is_empty() {
        return Err((
            PROBLEMS,
            format!(
                "{}: {} error{}, nothing written:\n{report}",
                input.display(),
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            ),
        ));
    }
    fsx::write_atomic(Path::new(&output), text.as_bytes())
        .map_err(|e| (UNREADABLE, format!("{output}: cannot write: {e}")))?;
    let _ = write!(out, "{report}");
    let _ = writeln!(
        out,
        "{} → {output}: {} processes, {} events, {} resources, {} warning{}",
        input.display(),
        dataset.processes.len(),
        dataset.events.len(),
        dataset.resources.len(),
        findings.len(),
        if findings.len() == 1 { "" } else { "s" }
    );
    Ok(OK)
}

fn cmd_site(a: &mut Args, out: &mut dyn std::io::Write) -> Outcome {
    let [dist] = a.positional.as_slice() else {
        return Err(usage("site needs the built app's folder (dist)"));
    };
    let dist = PathBuf::from(dist);
    let data = a
        .value(&["--data"])?
        .map(PathBuf::from)
        .unwrap_or_else(|| dist.join("data/un-cyber-processes.json"));
    let text = read_text(&data.display().to_string())?;
    let loaded = crate::core::load::load(&text)
        .map_err(|e| (PROBLEMS, format!("{}: {e}", data.display())))?;
    let (today, now) = match a.value(&["--today"])? {
        Some(_) => {
            let d = a.today()?;
            (d, d.and_time(chrono::NaiveTime::MIN))
        }
        None => (now().date(), now()),
    };
    let options = site::SiteOptions {
        base_url: a.value(&["--base-url"])?,
        today,
        now,
        dataset: data
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let written = site::build(&dist, &loaded.catalog, &options).map_err(|e| (UNREADABLE, e))?;
    let _ = writeln!(
        out,
        "{}: wrote {} files ({})",
        dist.display(),
        written.len(),
        written
            .iter()
            .filter(|w| !w.starts_with("calendar/") || w.ends_with("upcoming.ics"))
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(OK)
}

/// The template workbook: a small example dataset, one row per sheet, to fill in.
pub fn template_xlsx() -> Result<Vec<u8>, String> {
    let d: DatasetFile =
        serde_json::from_str(include_str!("template.json")).map_err(|e| e.to_string())?;
    sheets::xlsx_bytes(&table::to_tables(&d))
}
