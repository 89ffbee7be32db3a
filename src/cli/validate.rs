//! `tracker validate`: every problem in a dataset file, with its JSON path, line and column and
//! a fix in plain words. The rules are the app's own (`core::load`), plus the review rules
//! (`load_reviewed`) and two checks only a maintainer needs: markup and spreadsheet formulas in
//! texts, both harmless in the app but signs of pasted or hostile content.

use crate::core::issue::{Collection, Issue, LoadError, Problem};
use crate::core::json_path::{line_column, locate, offset, path_at};
use crate::core::load::load_reviewed;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// JSONPath of the value, such as `$.events[3].start`.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub fix: String,
}

impl Finding {
    pub fn render(&self, file: &str) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!(
            "{file}:{}:{}: {sev}: {}: {}\n    fix: {}",
            self.line, self.column, self.path, self.message, self.fix
        )
    }
}

/// Every finding for the dataset `text`, in file order, `today` deciding how old a review is.
pub fn check(text: &str, today: NaiveDate) -> Vec<Finding> {
    let loaded = match load_reviewed(text, today) {
        Ok(l) => l,
        Err(e) => return vec![load_error(text, &e)],
    };
    let mut out: Vec<Finding> = loaded.issues.iter().map(|i| issue(text, i)).collect();
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        suspicious_texts(text, &v, String::new(), &mut out);
    }
    out.sort_by_key(|f| (f.line, f.column));
    out
}

fn at(text: &str, path: &str, severity: Severity, message: String, fix: &str) -> Finding {
    let (line, column) = line_column(text, locate(text, path));
    Finding {
        severity,
        path: if path.is_empty() {
            "$".into()
        } else {
            format!("$.{path}")
        },
        line,
        column,
        message,
        fix: fix.to_owned(),
    }
}

fn load_error(text: &str, e: &LoadError) -> Finding {
    let fix = match e {
        LoadError::Empty => "Start from the template workbook or a copy of the default dataset.",
        LoadError::TooLarge { .. } => {
            "Remove pasted documents (link to them instead) or split the dataset."
        }
        LoadError::Json { .. } => {
            "Correct the JSON syntax here: a missing comma, quote or bracket is the usual cause."
        }
        LoadError::Shape(_) => {
            "The file must be one JSON object with “schema_version”, “meta” and “processes” (see the schema)."
        }
        LoadError::Schema { .. } => "Set “schema_version” to 1, or use a tracker that reads this version.",
        LoadError::Meta(_) => "Correct the “meta” block as the message says.",
    };
    let path = match e {
        LoadError::Json { line, column, .. } => {
            let found = path_at(text, offset(text, *line, *column));
            let mut f = at(text, "", Severity::Error, e.to_string(), fix);
            // serde_json counts a position at the very start of a line as column 0.
            f.line = (*line).max(1);
            f.column = (*column).max(1);
            // In broken JSON the walk may take junk for a key: keep the part that reads as a path.
            let path: String = found
                .unwrap_or_default()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || "_-.[]$".contains(*c))
                .collect();
            let path = path.trim_end_matches('.');
            f.path = if path.is_empty() {
                "$".into()
            } else {
                format!("$.{path}")
            };
            return f;
        }
        LoadError::Schema { .. } => "schema_version".to_owned(),
        LoadError::Meta(m) => match m.strip_prefix("field “").and_then(|r| r.split_once('”')) {
            Some((field, _)) => format!("meta.{field}"),
            None => "meta".to_owned(),
        },
        _ => String::new(),
    };
    at(text, &path, Severity::Error, e.to_string(), fix)
}

fn issue(text: &str, i: &Issue) -> Finding {
    let p = &i.place;
    let mut path = if p.collection == Collection::Meta {
        "meta".to_owned()
    } else {
        format!("{}[{}]", p.collection.key(), p.index)
    };
    if let Some(f) = &p.field {
        path.push('.');
        path.push_str(f);
    }
    let severity = if i.problem.is_error() {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut message = i.problem.to_string();
    if let Some(id) = &p.id {
        message = format!("{message} (record “{id}”)");
    }
    at(
        text,
        &path,
        severity,
        message,
        &fix(&i.problem, p.collection),
    )
}

fn fix(p: &Problem, c: Collection) -> String {
    let s = match p {
        Problem::Malformed(m) => return malformed_fix(m).to_owned(),
        Problem::DuplicateId(_) => {
            "Give this record an id of its own, or merge it into the earlier one."
        }
        Problem::UnknownProcess(_) => {
            "Use the id of a process listed under “processes”, or add that process."
        }
        Problem::UnknownTag(_) => "Use a tag id defined under “taxonomies”, or add the tag there.",
        Problem::UnknownKind(_) => {
            return format!(
                "Add this kind to “{}”, or use a kind defined there.",
                if c == Collection::Resources {
                    "resource_kinds"
                } else {
                    "event_kinds"
                }
            )
        }
        Problem::EndBeforeStart { .. } | Problem::EndBeforeStartIgnored { .. } => {
            "Correct the end date, or swap the two dates."
        }
        Problem::NoProcess => "List at least one known process id under “processes”.",
        Problem::NoSources => {
            "Add at least one source: the address of a page that supports the record."
        }
        Problem::Blank => "Write the text, or remove the record.",
        Problem::ParentCycle(_) => {
            "Correct “parent” so that the chain of parents ends at a top-level process."
        }
        Problem::DuplicateReading(_) => {
            "Keep one reading per day: remove the second or correct its date."
        }
        Problem::TentativeBeforeReview { .. } => {
            "Check what happened: correct the dates, or remove “tentative” if they held."
        }
        Problem::NoOutcome { .. } => {
            "Add an “outcome” saying what the event produced, or that no source records one."
        }
        Problem::NoLanguage => "Add “lang” with the publication's language, such as “en” or “fr”.",
        Problem::StaleReview { .. } => {
            "Check the data against its sources, then set “reviewed” to the day you did."
        }
    };
    s.to_owned()
}

fn malformed_fix(m: &str) -> &'static str {
    let has = |s: &str| m.contains(s);
    if has("unknown field") {
        "Check the spelling of the field name: the message lists the names allowed here."
    } else if has("missing field") {
        "Add the missing field to this record."
    } else if has("is not a date") || has("not a day of the calendar") || has("supported range") {
        "Write dates as YYYY, YYYY-MM or YYYY-MM-DD (a full day where one is required)."
    } else if has("URL") {
        "Use a full web address starting with https:// (or http://, or mailto: for e-mail)."
    } else if has("not a valid id") {
        "Use 1 to 80 letters, digits, “-”, “_” or “.”, starting with a letter or digit."
    } else if has("longer than the limit") {
        "Shorten the text: summarise it and link to the full document."
    } else if has("country code") {
        "Use the two-letter ISO 3166 code in capitals, such as “FR” or “US”."
    } else if has("language tag") {
        "Use a language tag such as “en”, “fr” or “es-419”."
    } else if has("duplicate field") {
        "Remove the second copy of this field."
    } else if has("invalid type") || has("expected") {
        "Give this field the kind of value the message names."
    } else {
        "Correct this field as the message says."
    }
}

/// Markup and formulas anywhere in a text: the app shows both as plain text, so they are warnings
/// that something was pasted from elsewhere (or planted).
fn suspicious_texts(text: &str, v: &serde_json::Value, path: String, out: &mut Vec<Finding>) {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                suspicious_texts(text, x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                suspicious_texts(text, x, format!("{path}[{i}]"), out);
            }
        }
        Value::String(s) => {
            if has_markup(s) {
                out.push(at(
                    text,
                    &path,
                    Severity::Warning,
                    "holds HTML markup, which readers will see as plain text".into(),
                    "Remove the tags and keep the words; put addresses under “links” or “sources”.",
                ));
            }
            if s.starts_with(['=', '+', '@']) {
                out.push(at(
                    text,
                    &path,
                    Severity::Warning,
                    format!(
                        "starts like a spreadsheet formula (“{}”)",
                        s.chars().take(30).collect::<String>()
                    ),
                    "Reword the text so it does not start with =, + or @.",
                ));
            }
        }
        _ => {}
    }
}

fn has_markup(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}
