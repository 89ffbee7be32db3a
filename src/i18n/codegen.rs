//! Message files → Rust tables. `build.rs` runs this at build time, so the wasm holds only the
//! finished tables and no parser; the native tests run the same checks on the shipped files.
//!
//! A file is `[meta]` (`name`: the language named in itself; `translation_reviewed`: whether a
//! native speaker has checked it) and `[messages]`: `key = "text with {placeholders}"`, or for
//! a message that counts, `key = { one = "…", other = "…" }` with the language's CLDR plural
//! categories, chosen by `{n}`.

use super::plural;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Text(String),
    /// Category → template.
    Plural(BTreeMap<String, String>),
}

#[derive(Debug)]
pub struct File {
    pub tag: String,
    pub name: String,
    pub reviewed: bool,
    pub messages: BTreeMap<String, Msg>,
}

pub fn parse(tag: &str, text: &str) -> Result<File, String> {
    let doc: toml::Table = toml::from_str(text).map_err(|e| format!("{tag}: {e}"))?;
    let table = |name: &str| match doc.get(name) {
        Some(toml::Value::Table(t)) => Ok(t),
        _ => Err(format!("{tag}: no [{name}] table")),
    };
    let meta = table("meta")?;
    let name = match meta.get("name") {
        Some(toml::Value::String(s)) => s.clone(),
        _ => return Err(format!("{tag}: [meta] needs name = \"…\"")),
    };
    let reviewed = match meta.get("translation_reviewed") {
        Some(toml::Value::Boolean(b)) => *b,
        _ => {
            return Err(format!(
                "{tag}: [meta] needs translation_reviewed = true|false"
            ))
        }
    };
    let mut messages = BTreeMap::new();
    for (key, value) in table("messages")? {
        let msg = match value {
            toml::Value::String(s) => Msg::Text(s.clone()),
            toml::Value::Table(forms) => {
                let mut m = BTreeMap::new();
                for (cat, v) in forms {
                    let toml::Value::String(s) = v else {
                        return Err(format!("{tag}: {key}.{cat} is not a string"));
                    };
                    m.insert(cat.clone(), s.clone());
                }
                Msg::Plural(m)
            }
            _ => return Err(format!("{tag}: {key} is neither text nor plural forms")),
        };
        messages.insert(key.clone(), msg);
    }
    Ok(File {
        tag: tag.to_owned(),
        name,
        reviewed,
        messages,
    })
}

/// The `{name}`s in a template.
pub fn placeholders(s: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        rest = &rest[i + 1..];
        let Some(j) = rest.find('}') else { break };
        out.insert(&rest[..j]);
        rest = &rest[j + 1..];
    }
    out
}

/// Everything wrong with `file` measured against the English reference: keys missing or unknown,
/// placeholders that differ, plural categories that are missing or that the language lacks.
pub fn problems(en: &File, file: &File) -> Vec<String> {
    let tag = &file.tag;
    let mut out = Vec::new();
    for key in en.messages.keys() {
        if !file.messages.contains_key(key) {
            out.push(format!("{tag}: {key} is missing"));
        }
    }
    for (key, msg) in &file.messages {
        let Some(reference) = en.messages.get(key) else {
            out.push(format!("{tag}: {key} is not an English key"));
            continue;
        };
        match (reference, msg) {
            (Msg::Text(r), Msg::Text(s)) => {
                if placeholders(r) != placeholders(s) {
                    out.push(format!(
                        "{tag}: {key} has placeholders {:?}, English {:?}",
                        placeholders(s),
                        placeholders(r)
                    ));
                }
            }
            (Msg::Plural(r), Msg::Plural(forms)) => {
                let want = match r.get("other") {
                    Some(o) => placeholders(o),
                    None => {
                        out.push(format!("en: {key} has no `other` form"));
                        continue;
                    }
                };
                let cats = plural::categories(tag);
                for c in cats {
                    if !forms.contains_key(*c) {
                        out.push(format!("{tag}: {key} lacks the `{c}` form"));
                    }
                }
                for (c, s) in forms {
                    if !cats.contains(&c.as_str()) {
                        out.push(format!("{tag}: {key}.{c}: {tag} has no `{c}` category"));
                        continue;
                    }
                    let got = placeholders(s);
                    // A form other than `other` may say its number in words ("حدثان": two
                    // events), so only it may leave `{n}` out.
                    let ok = if c == "other" {
                        got == want
                    } else {
                        got.is_subset(&want) && want.iter().all(|p| *p == "n" || got.contains(p))
                    };
                    if !ok {
                        out.push(format!(
                            "{tag}: {key}.{c} has placeholders {got:?}, English {want:?}"
                        ));
                    }
                }
            }
            _ => out.push(format!(
                "{tag}: {key} must be {} as in English",
                if matches!(reference, Msg::Text(_)) {
                    "plain text"
                } else {
                    "plural forms"
                }
            )),
        }
    }
    out
}

/// The Rust source of the `Messages` struct, one static table per file and `LANGUAGES_INFO`.
/// `files[0]` must be English; a key another file lacks takes English's text for that key only.
pub fn generate(files: &[File]) -> Result<String, String> {
    let en = files
        .first()
        .filter(|f| f.tag == "en")
        .ok_or("English must come first")?;
    let mut s = String::new();
    let w = |s: &mut String, line: String| {
        s.push_str(&line);
        s.push('\n');
    };
    w(&mut s, "/// The interface text of one language.".into());
    w(&mut s, "pub struct Messages {".into());
    for (key, msg) in &en.messages {
        let ty = match msg {
            Msg::Text(_) => "&'static str",
            Msg::Plural(_) => "Plural",
        };
        w(&mut s, format!("    pub {}: {ty},", field(key)));
    }
    w(&mut s, "}".into());
    // Data tables name some messages by key (the facets' labels in `core::facet::DIMS`); only
    // those keys get a lookup, so the wasm carries no match over every message.
    w(&mut s, "impl Messages {".into());
    w(
        &mut s,
        "    /// A `facet_*` message by its key, for labels a data table names; \"\" if unknown."
            .into(),
    );
    w(
        &mut s,
        "    pub fn by_key(&self, key: &str) -> &'static str {".into(),
    );
    w(&mut s, "        match key {".into());
    for (key, msg) in &en.messages {
        if key.starts_with("facet_") && matches!(msg, Msg::Text(_)) {
            w(
                &mut s,
                format!("            {key:?} => self.{},", field(key)),
            );
        }
    }
    w(&mut s, "            _ => \"\",".into());
    w(&mut s, "        }".into());
    w(&mut s, "    }".into());
    w(&mut s, "}".into());
    for file in files {
        w(
            &mut s,
            format!(
                "pub static {}: Messages = Messages {{",
                file.tag.to_uppercase()
            ),
        );
        for (key, reference) in &en.messages {
            // Falls back to English for this key alone; a key of the wrong kind counts as missing.
            let (lang, msg) = match file.messages.get(key) {
                Some(m) if std::mem::discriminant(m) == std::mem::discriminant(reference) => {
                    (&file.tag, m)
                }
                _ => (&en.tag, reference),
            };
            let value = match msg {
                Msg::Text(t) => format!("{t:?}"),
                Msg::Plural(forms) => {
                    let mut v = format!("Plural {{ lang: {lang:?}");
                    for c in ["zero", "one", "two", "few", "many"] {
                        let _ = match forms.get(c) {
                            Some(t) => write!(v, ", {c}: Some({t:?})"),
                            None => write!(v, ", {c}: None"),
                        };
                    }
                    let other = forms
                        .get("other")
                        .ok_or(format!("{lang}: {key} has no `other`"))?;
                    let _ = write!(v, ", other: {other:?} }}");
                    v
                }
            };
            w(&mut s, format!("    {}: {value},", field(key)));
        }
        w(&mut s, "};".into());
    }
    w(
        &mut s,
        format!("pub static LANGUAGES_INFO: [Language; {}] = [", files.len()),
    );
    let mut sorted: Vec<&File> = files.iter().collect();
    sorted.sort_by(|a, b| a.tag.cmp(&b.tag));
    for f in sorted {
        w(
            &mut s,
            format!(
                "    Language {{ tag: {:?}, name: {:?}, translation_reviewed: {}, messages: &{} }},",
                f.tag,
                f.name,
                f.reviewed,
                f.tag.to_uppercase()
            ),
        );
    }
    w(&mut s, "];".into());
    Ok(s)
}

/// `where` is a Rust keyword; its field is `where_`.
fn field(key: &str) -> String {
    match key {
        "where" | "type" | "in" | "for" | "loop" | "match" | "move" | "ref" | "self" => {
            format!("{key}_")
        }
        k => k.to_owned(),
    }
}
