//! Native stand-in for `web/intl.rs` (the prerender step): the build has no browser, so it asks
//! Node's `Intl` (`scripts/intl.mjs`, one process per thread, kept running), which carries the
//! same ICU as Chromium: a static page in Arabic or Chinese words its dates, numbers and country
//! names as the app will once it runs. Where Node cannot be started, dates fall back to English
//! (`i18n::dates`), numbers to plain digits grouped in threes and names to their codes, as the
//! browser build does without `Intl`; a warning says so once.

use crate::i18n::dates::Parts;
use chrono::NaiveDate;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/intl.mjs");

struct Node {
    _child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

thread_local! {
    /// `None` until first asked; then the running helper, or `None` inside if it cannot run.
    static NODE: RefCell<Option<Option<Node>>> = const { RefCell::new(None) };
    static ANSWERS: RefCell<HashMap<String, Option<String>>> = RefCell::new(HashMap::new());
}

static WARNED: AtomicBool = AtomicBool::new(false);

fn warn(why: &str) {
    if !WARNED.swap(true, Ordering::Relaxed) {
        eprintln!(
            "prerender: warning: no Intl from Node ({why}): static pages write dates in English \
             and names as codes"
        );
    }
}

fn start() -> Option<Node> {
    let spawned = Command::new("node")
        .arg(SCRIPT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn();
    match spawned {
        Ok(mut child) => {
            let stdin = child.stdin.take()?;
            let stdout = BufReader::new(child.stdout.take()?);
            Some(Node {
                _child: child,
                stdin,
                stdout,
            })
        }
        Err(e) => {
            warn(&e.to_string());
            None
        }
    }
}

fn exchange(node: &mut Node, line: &str) -> std::io::Result<String> {
    writeln!(node.stdin, "{line}")?;
    node.stdin.flush()?;
    let mut reply = String::new();
    if node.stdout.read_line(&mut reply)? == 0 {
        return Err(std::io::Error::other("scripts/intl.mjs stopped"));
    }
    Ok(reply)
}

/// Node's answer to `question`, remembered for the thread's life.
fn ask(question: Value) -> Option<String> {
    let line = question.to_string();
    if let Some(hit) = ANSWERS.with(|a| a.borrow().get(&line).cloned()) {
        return hit;
    }
    let answer = NODE.with(|n| {
        let mut n = n.borrow_mut();
        let node = n.get_or_insert_with(start).as_mut()?;
        match exchange(node, &line) {
            Ok(reply) => serde_json::from_str::<Option<String>>(&reply)
                .ok()
                .flatten(),
            Err(e) => {
                warn(&e.to_string());
                *n = Some(None);
                None
            }
        }
    });
    ANSWERS.with(|a| a.borrow_mut().insert(line, answer.clone()));
    answer
}

/// `start`, or the span to `end`, as `Intl.DateTimeFormat` writes `parts` in `locale`.
pub fn format(
    locale: &str,
    parts: Parts,
    start: NaiveDate,
    end: Option<NaiveDate>,
) -> Option<String> {
    let options: serde_json::Map<String, Value> = parts
        .options()
        .into_iter()
        .map(|(k, v)| (k.to_owned(), Value::from(v)))
        .collect();
    let end = end.filter(|e| *e != start).map(|e| e.to_string());
    ask(
        json!({"op": "date", "locale": locale, "options": options, "start": start.to_string(), "end": end}),
    )
}

/// The name of a country from its ISO code, in `locale`.
pub fn country(locale: &str, code: &str) -> Option<String> {
    ask(json!({"op": "name", "locale": locale, "kind": "region", "code": code}))
}

/// The name of a language from its tag, in `locale`.
pub fn language(locale: &str, tag: &str) -> Option<String> {
    ask(json!({"op": "name", "locale": locale, "kind": "language", "code": tag}))
}

/// `n` as `locale` writes numbers.
pub fn number(locale: &str, n: u64) -> String {
    ask(json!({"op": "number", "locale": locale, "n": n})).unwrap_or_else(|| grouped(n))
}

/// `n` with a comma between thousands, when Node cannot answer.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_without_node() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1234567), "1,234,567");
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    /// Node is part of the build (Trunk's hooks run it), so the suite has it.
    #[test]
    fn asks_nodes_intl_in_each_language() {
        let a = day("2026-12-07");
        let b = Some(day("2026-12-11"));
        let en = format("en-GB", Parts::DayMonthYear, a, b).expect("English");
        assert!(en.starts_with('7') && en.ends_with("11 Dec 2026"), "{en}");
        let fr = format("fr", Parts::DayMonthYear, a, b).expect("French");
        assert!(fr.contains("déc."), "{fr}");
        let ar = format("ar", Parts::MonthYear, a, None).expect("Arabic");
        assert!(ar.contains("ديسمبر"), "{ar}");
        assert_eq!(country("zh", "US").as_deref(), Some("美国"));
        assert_eq!(language("fr", "es").as_deref(), Some("espagnol"));
        assert_eq!(number("en-GB", 1234), "1,234");
        assert_eq!(
            format("en-GB", Parts::Year, a, None).as_deref(),
            Some("2026"),
            "the cache answers the same as Node"
        );
    }
}
