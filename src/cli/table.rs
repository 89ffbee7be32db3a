//! A dataset as tables, one per record kind, one row per record: what `export` writes to a
//! workbook and `import` reads back. Each record goes through its JSON form, so the model's own
//! field rules check every imported cell, and export followed by import gives the same dataset.
//!
//! Cells, as the README's "Keeping the data" explains them to maintainers:
//! - texts: `title` holds a one-language text; `title.fr`, `title.en`… one column per language;
//! - lists of ids: separated by `;` (`uncc; ahc`);
//! - sources: one a line, the address, then optionally a space and a title;
//! - links: one a line, the address, a space and the title (a title in several languages is
//!   written as a JSON object after the address);
//! - yes/no cells: empty means the default (`confirmed` yes, `tentative` and `online` no).

use crate::core::date::{Day, PartialDate};
use crate::core::file::DatasetFile;
use crate::core::model::{Country, Id, LangTag, Url};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// One sheet: a header row and rows of text cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A problem with one cell (or row, or sheet) of an imported workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    pub sheet: String,
    /// The spreadsheet's row number (the header is row 1), if the problem is in a row.
    pub row: Option<usize>,
    /// The column's header, if the problem is in a cell.
    pub column: Option<String>,
    pub message: String,
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.sheet)?;
        if let Some(r) = self.row {
            write!(f, ", row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", {c}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What a plain cell must hold; checked with the model's own decoder.
#[derive(Clone, Copy)]
enum Check {
    Id,
    Date,
    Day,
    Url,
    Lang,
    Country,
}

#[derive(Clone, Copy)]
enum Col {
    Str(&'static str, Check),
    Text(&'static str),
    Ids(&'static str),
    Links(&'static str),
    Sources(&'static str),
    Bool(&'static str),
    Num(&'static str),
}

impl Col {
    fn key(self) -> &'static str {
        match self {
            Col::Str(k, _)
            | Col::Text(k)
            | Col::Ids(k)
            | Col::Links(k)
            | Col::Sources(k)
            | Col::Bool(k)
            | Col::Num(k) => k,
        }
    }
}

use Col::*;

const KINDS: &[Col] = &[Str("id", Check::Id), Text("label"), Text("description")];
const TAXONOMIES: &[Col] = KINDS;
const TAGS: &[Col] = &[Str("id", Check::Id), Text("label"), Text("definition")];
const PROCESSES: &[Col] = &[
    Str("id", Check::Id),
    Text("name"),
    Text("short_name"),
    Text("summary"),
    Str("start", Check::Date),
    Str("end", Check::Date),
    Ids("tags"),
    Str("parent", Check::Id),
    Ids("predecessors"),
    Links("links"),
    Sources("sources"),
    Bool("confirmed"),
];
const KEY_FACTS: &[Col] = &[Text("text"), Sources("sources"), Bool("confirmed")];
const EVENTS: &[Col] = &[
    Str("id", Check::Id),
    Ids("processes"),
    Text("title"),
    Str("kind", Check::Id),
    Str("start", Check::Date),
    Str("end", Check::Date),
    Bool("tentative"),
    Bool("confirmed"),
    Text("location.venue"),
    Text("location.city"),
    Str("location.country", Check::Country),
    Bool("location.online"),
    Text("summary"),
    Text("outcome"),
    Links("links"),
    Sources("sources"),
];
const RESOURCES: &[Col] = &[
    Str("id", Check::Id),
    Text("title"),
    Str("date", Check::Date),
    Str("kind", Check::Id),
    Str("lang", Check::Lang),
    Str("url", Check::Url),
    Ids("processes"),
    Text("publisher"),
    Text("summary"),
    Sources("sources"),
];
const FIGURES: &[Col] = &[
    Str("id", Check::Id),
    Str("process", Check::Id),
    Text("label"),
    Num("target.value"),
    Text("target.label"),
];
const POINTS: &[Col] = &[
    Str("as_of", Check::Day),
    Num("value"),
    Sources("sources"),
    Bool("confirmed"),
    Text("note"),
];
const META: &[Col] = &[
    Text("title"),
    Text("description"),
    Text("publisher.name"),
    Str("publisher.url", Check::Url),
    Str("reviewed", Check::Day),
    Str("default_lang", Check::Lang),
    Text("license.name"),
    Str("license.url", Check::Url),
    Str("home", Check::Url),
];

/// A top-level sheet, or a sheet of items nested in another's records.
struct Spec {
    name: &'static str,
    /// The dataset key the records live under.
    key: &'static str,
    cols: &'static [Col],
    /// For nested items: the parent sheet's key, the column naming the parent, and the field of
    /// the parent record that holds the items.
    nested: Option<(&'static str, &'static str, &'static str)>,
}

const SPECS: &[Spec] = &[
    Spec {
        name: "taxonomies",
        key: "taxonomies",
        cols: TAXONOMIES,
        nested: None,
    },
    Spec {
        name: "tags",
        key: "taxonomies",
        cols: TAGS,
        nested: Some(("taxonomies", "taxonomy", "tags")),
    },
    Spec {
        name: "event_kinds",
        key: "event_kinds",
        cols: KINDS,
        nested: None,
    },
    Spec {
        name: "resource_kinds",
        key: "resource_kinds",
        cols: KINDS,
        nested: None,
    },
    Spec {
        name: "processes",
        key: "processes",
        cols: PROCESSES,
        nested: None,
    },
    Spec {
        name: "key_facts",
        key: "processes",
        cols: KEY_FACTS,
        nested: Some(("processes", "process", "key_facts")),
    },
    Spec {
        name: "events",
        key: "events",
        cols: EVENTS,
        nested: None,
    },
    Spec {
        name: "resources",
        key: "resources",
        cols: RESOURCES,
        nested: None,
    },
    Spec {
        name: "figures",
        key: "figures",
        cols: FIGURES,
        nested: None,
    },
    Spec {
        name: "points",
        key: "figures",
        cols: POINTS,
        nested: Some(("figures", "figure", "points")),
    },
];

const SECTIONS: &[&str] = &["why_it_matters", "how_it_works", "how_to_engage"];

/// The sheets in the order a workbook shows them.
pub fn sheet_names() -> Vec<&'static str> {
    let mut v = vec!["meta"];
    for s in SPECS {
        v.push(s.name);
        if s.name == "key_facts" {
            v.push("explainer");
        }
    }
    v
}

// ---------------------------------------------------------------------------------------------
// Export

/// The dataset as tables.
pub fn to_tables(d: &DatasetFile) -> Vec<Table> {
    let v = serde_json::to_value(d).unwrap_or(Value::Null);
    let list = |key: &str| {
        v.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut out = vec![meta_table(&v)];
    for spec in SPECS {
        let records: Vec<(Option<String>, Value)> = match spec.nested {
            None => list(spec.key).into_iter().map(|r| (None, r)).collect(),
            Some((parent_key, _, field)) => list(parent_key)
                .into_iter()
                .flat_map(|p| {
                    let pid = p.get("id").and_then(Value::as_str).unwrap_or("").to_owned();
                    let items = p
                        .get(field)
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default();
                    items.into_iter().map(move |i| (Some(pid.clone()), i))
                })
                .collect(),
        };
        let values: Vec<&Value> = records.iter().map(|(_, r)| r).collect();
        let (header, layout) = header_for(spec.cols, &values);
        let mut header = header;
        if let Some((_, col, _)) = spec.nested {
            header.insert(0, col.to_owned());
        }
        let rows = records
            .iter()
            .map(|(parent, r)| {
                let mut row: Vec<String> = parent.iter().cloned().collect();
                row.extend(render_row(&layout, r));
                row
            })
            .collect();
        out.push(Table {
            name: spec.name.to_owned(),
            header,
            rows,
        });
        if spec.name == "key_facts" {
            out.push(explainer_table(&list("processes")));
        }
    }
    out
}

/// One header cell: a column, and for texts the language it holds (`None`: the one-language
/// form).
type Layout = Vec<(Col, Option<String>)>;

fn header_for(cols: &[Col], records: &[&Value]) -> (Vec<String>, Layout) {
    let mut header = Vec::new();
    let mut layout = Vec::new();
    for &c in cols {
        header.push(c.key().to_owned());
        layout.push((c, None));
        if let Text(k) = c {
            for lang in languages(records.iter().filter_map(|r| get(r, k))) {
                header.push(format!("{k}.{lang}"));
                layout.push((c, Some(lang)));
            }
        }
    }
    (header, layout)
}

/// The languages of many-language texts, in the order they first appear.
fn languages<'a>(texts: impl Iterator<Item = &'a Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        if let Value::Object(m) = t {
            for k in m.keys() {
                if !out.contains(k) {
                    out.push(k.clone());
                }
            }
        }
    }
    out
}

fn render_row(layout: &Layout, r: &Value) -> Vec<String> {
    layout
        .iter()
        .map(|(c, lang)| {
            let v = get(r, c.key());
            match (c, lang, v) {
                (_, _, None) => String::new(),
                (Text(_), None, Some(Value::String(s))) => s.clone(),
                (Text(_), Some(l), Some(Value::Object(m))) => {
                    m.get(l).and_then(Value::as_str).unwrap_or("").to_owned()
                }
                (Text(_), _, _) => String::new(),
                (Ids(_), _, Some(Value::Array(a))) => a
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("; "),
                (Links(_) | Sources(_), _, Some(Value::Array(a))) => {
                    a.iter().map(render_link).collect::<Vec<_>>().join("\n")
                }
                (Bool(_), _, Some(Value::Bool(b))) => if *b { "yes" } else { "no" }.to_owned(),
                (_, _, Some(Value::String(s))) => s.clone(),
                (_, _, Some(Value::Number(n))) => n.to_string(),
                (_, _, Some(other)) => other.to_string(),
            }
        })
        .collect()
}

fn render_link(v: &Value) -> String {
    match v {
        Value::String(url) => url.clone(),
        Value::Object(m) => {
            let url = m.get("url").and_then(Value::as_str).unwrap_or("");
            match m.get("title") {
                Some(Value::String(t)) => format!("{url} {t}"),
                Some(t @ Value::Object(_)) => format!("{url} {t}"),
                _ => url.to_owned(),
            }
        }
        other => other.to_string(),
    }
}

fn meta_table(v: &Value) -> Table {
    let meta = v.get("meta").cloned().unwrap_or(Value::Null);
    let mut rows = Vec::new();
    if let Some(s) = v.get("$schema").and_then(Value::as_str) {
        rows.push(vec!["$schema".to_owned(), s.to_owned()]);
    }
    for &c in META {
        let k = c.key();
        match get(&meta, k) {
            Some(Value::Object(m)) => {
                for (lang, t) in m {
                    rows.push(vec![
                        format!("{k}.{lang}"),
                        t.as_str().unwrap_or("").to_owned(),
                    ]);
                }
            }
            Some(Value::String(s)) => rows.push(vec![k.to_owned(), s.clone()]),
            Some(_) => {}
            None => rows.push(vec![k.to_owned(), String::new()]),
        }
    }
    Table {
        name: "meta".into(),
        header: vec!["field".into(), "value".into()],
        rows,
    }
}

fn explainer_table(processes: &[Value]) -> Table {
    let mut recs: Vec<(String, &str, usize, bool, Value)> = Vec::new();
    for p in processes {
        let pid = p.get("id").and_then(Value::as_str).unwrap_or("").to_owned();
        for &section in SECTIONS {
            let blocks = p
                .get("explainer")
                .and_then(|e| e.get(section))
                .and_then(Value::as_array);
            for (b, block) in blocks.into_iter().flatten().enumerate() {
                match block.get("list").and_then(Value::as_array) {
                    Some(items) if block.as_object().is_some_and(|m| m.len() == 1) => {
                        for item in items {
                            recs.push((pid.clone(), section, b + 1, true, item.clone()));
                        }
                    }
                    _ => recs.push((pid.clone(), section, b + 1, false, block.clone())),
                }
            }
        }
    }
    let langs = languages(recs.iter().map(|r| &r.4));
    let mut header: Vec<String> = ["process", "section", "block", "list", "text"]
        .map(String::from)
        .to_vec();
    header.extend(langs.iter().map(|l| format!("text.{l}")));
    let rows = recs
        .iter()
        .map(|(p, s, b, list, t)| {
            let mut row = vec![
                p.clone(),
                (*s).to_owned(),
                b.to_string(),
                if *list { "yes" } else { "no" }.to_owned(),
                t.as_str().unwrap_or("").to_owned(),
            ];
            row.extend(
                langs
                    .iter()
                    .map(|l| t.get(l).and_then(Value::as_str).unwrap_or("").to_owned()),
            );
            row
        })
        .collect();
    Table {
        name: "explainer".into(),
        header,
        rows,
    }
}

fn get<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |v, k| v.get(k))
}

// ---------------------------------------------------------------------------------------------
// Import

/// Where each imported top-level record came from: (dataset key, index) → (sheet, row).
pub type Origins = Vec<(String, usize, String, usize)>;

/// The dataset the tables hold, or every problem found in them.
pub fn from_tables(tables: &[Table]) -> Result<(DatasetFile, Origins), Vec<CellError>> {
    let mut errs = Vec::new();
    let find = |name: &str| tables.iter().find(|t| t.name == name);
    for t in tables {
        if !sheet_names().contains(&t.name.as_str()) {
            errs.push(CellError {
                sheet: t.name.clone(),
                row: None,
                column: None,
                message: format!(
                    "is not a sheet this tool reads; the sheets are: {}",
                    sheet_names().join(", ")
                ),
            });
        }
    }
    let mut root = Map::new();
    let Some(meta) = find("meta") else {
        errs.push(CellError {
            sheet: "meta".into(),
            row: None,
            column: None,
            message: "the sheet is missing: it holds the dataset's title, publisher, review day, language and licence".into(),
        });
        return Err(errs);
    };
    let (meta_value, schema) = read_meta(meta, &mut errs);
    let default_lang = meta_value
        .get("default_lang")
        .and_then(Value::as_str)
        .unwrap_or("en")
        .to_owned();
    if let Some(s) = schema {
        root.insert("$schema".into(), Value::String(s));
    }
    root.insert("schema_version".into(), Value::from(1));
    root.insert("meta".into(), Value::Object(meta_value));

    let mut origins = Origins::new();
    for spec in SPECS.iter().filter(|s| s.nested.is_none()) {
        let mut records = Vec::new();
        if let Some(t) = find(spec.name) {
            let cols = Columns::new(t, spec.cols, &[], &mut errs);
            for (i, row) in t.rows.iter().enumerate() {
                if row.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let at = Row {
                    sheet: spec.name,
                    number: i + 2,
                };
                origins.push((
                    spec.key.to_owned(),
                    records.len(),
                    spec.name.to_owned(),
                    at.number,
                ));
                records.push(Value::Object(cols.read(row, at, &default_lang, &mut errs)));
            }
        }
        root.insert(spec.key.into(), Value::Array(records));
    }
    for spec in SPECS.iter().filter(|s| s.nested.is_some()) {
        let Some((parent_key, parent_col, field)) = spec.nested else {
            continue;
        };
        let Some(t) = find(spec.name) else { continue };
        let cols = Columns::new(t, spec.cols, &[parent_col], &mut errs);
        let parent_ix = cols.index_of(parent_col);
        for (i, row) in t.rows.iter().enumerate() {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let at = Row {
                sheet: spec.name,
                number: i + 2,
            };
            let item = Value::Object(cols.read(row, at, &default_lang, &mut errs));
            let parent = parent_ix
                .and_then(|c| row.get(c))
                .map(|s| s.trim())
                .unwrap_or("");
            attach(
                &mut root, parent_key, parent, field, item, at, parent_col, &mut errs,
            );
        }
    }
    if let Some(t) = find("explainer") {
        read_explainer(t, &mut root, &default_lang, &mut errs);
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let value = Value::Object(root);
    match serde_json::from_value::<DatasetFile>(value) {
        Ok(d) => Ok((d, origins)),
        Err(e) => Err(vec![CellError {
            sheet: "workbook".into(),
            row: None,
            column: None,
            message: e.to_string(),
        }]),
    }
}

#[allow(clippy::too_many_arguments)]
fn attach(
    root: &mut Map<String, Value>,
    parent_key: &str,
    parent: &str,
    field: &str,
    item: Value,
    at: Row,
    parent_col: &str,
    errs: &mut Vec<CellError>,
) {
    let target = root
        .get_mut(parent_key)
        .and_then(Value::as_array_mut)
        .and_then(|list| {
            list.iter_mut()
                .find(|r| r.get("id").and_then(Value::as_str) == Some(parent))
        });
    match target.and_then(Value::as_object_mut) {
        Some(p) => {
            let items = p.entry(field).or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(a) = items {
                a.push(item);
            }
        }
        None => errs.push(at.error(
            parent_col,
            format!("“{parent}” is not the id of a row of the {parent_key} sheet"),
        )),
    }
}

#[derive(Clone, Copy)]
struct Row {
    sheet: &'static str,
    number: usize,
}

impl Row {
    fn error(self, column: &str, message: String) -> CellError {
        CellError {
            sheet: self.sheet.to_owned(),
            row: Some(self.number),
            column: Some(column.to_owned()),
            message,
        }
    }
}

/// A sheet's header, matched to the columns it may have.
struct Columns<'a> {
    header: &'a [String],
    cols: &'static [Col],
}

impl<'a> Columns<'a> {
    fn new(t: &'a Table, cols: &'static [Col], extra: &[&str], errs: &mut Vec<CellError>) -> Self {
        for (i, h) in t.header.iter().enumerate() {
            let h = h.trim();
            let known = extra.contains(&h)
                || cols.iter().any(|c| {
                    c.key() == h || matches!(c, Text(k) if h.strip_prefix(k).is_some_and(|rest| rest.starts_with('.') && rest.len() > 1))
                });
            if !known && !h.is_empty() {
                errs.push(CellError {
                    sheet: t.name.clone(),
                    row: Some(1),
                    column: Some(column_name(i)),
                    message: format!(
                        "“{h}” is not a column of this sheet; its columns are: {}",
                        extra
                            .iter()
                            .copied()
                            .chain(cols.iter().map(|c| c.key()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
            }
        }
        Columns {
            header: &t.header,
            cols,
        }
    }

    fn index_of(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h.trim() == name)
    }

    /// The row as a JSON record, the empty cells left out so the model's defaults apply.
    fn read(
        &self,
        row: &[String],
        at: Row,
        default_lang: &str,
        errs: &mut Vec<CellError>,
    ) -> Map<String, Value> {
        let mut rec = Map::new();
        let cell = |i: usize| row.get(i).map(|s| s.trim()).unwrap_or("");
        for &c in self.cols {
            let key = c.key();
            let value = match c {
                Text(k) => {
                    let plain = self.index_of(k).map(cell).unwrap_or("");
                    let langs: Vec<(String, String)> = self
                        .header
                        .iter()
                        .enumerate()
                        .filter_map(|(i, h)| {
                            let lang = h.trim().strip_prefix(k)?.strip_prefix('.')?;
                            let v = cell(i);
                            (!v.is_empty()).then(|| (lang.to_owned(), row[i].clone()))
                        })
                        .collect();
                    text_value(
                        plain,
                        row_raw(row, self.index_of(k)),
                        langs,
                        default_lang,
                        at,
                        k,
                        errs,
                    )
                }
                _ => {
                    let Some(i) = self.index_of(key) else {
                        continue;
                    };
                    let s = cell(i);
                    if s.is_empty() {
                        continue;
                    }
                    match parse_cell(c, s) {
                        Ok(v) => Some(v),
                        Err(m) => {
                            errs.push(at.error(key, m));
                            None
                        }
                    }
                }
            };
            if let Some(v) = value {
                set(&mut rec, key, v);
            }
        }
        rec
    }
}

/// A text cell as written (spaces inside a text are the author's), `""` if absent.
fn row_raw(row: &[String], i: Option<usize>) -> &str {
    i.and_then(|i| row.get(i)).map(String::as_str).unwrap_or("")
}

fn text_value(
    plain: &str,
    raw: &str,
    langs: Vec<(String, String)>,
    default_lang: &str,
    at: Row,
    key: &str,
    errs: &mut Vec<CellError>,
) -> Option<Value> {
    if langs.is_empty() {
        return (!plain.is_empty()).then(|| Value::String(raw.to_owned()));
    }
    let mut m = Map::new();
    if !plain.is_empty() {
        if langs.iter().any(|(l, _)| l == default_lang) {
            errs.push(at.error(
                key,
                format!("“{key}” and “{key}.{default_lang}” both hold a text: keep one"),
            ));
        }
        m.insert(default_lang.to_owned(), Value::String(raw.to_owned()));
    }
    for (lang, t) in langs {
        if serde_json::from_value::<LangTag>(Value::String(lang.clone())).is_err() {
            errs.push(at.error(
                &format!("{key}.{lang}"),
                format!("“{lang}” is not a language tag such as “en” or “es-419”"),
            ));
        }
        m.insert(lang, Value::String(t));
    }
    Some(Value::Object(m))
}

fn parse_cell(c: Col, s: &str) -> Result<Value, String> {
    match c {
        Str(_, check) => {
            checked(check, s)?;
            Ok(Value::String(s.to_owned()))
        }
        Ids(_) => s
            .split([';', ',', '\n'])
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(|x| checked(Check::Id, x).map(|_| Value::String(x.to_owned())))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        Links(_) | Sources(_) => s
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| parse_link(l, matches!(c, Links(_))))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        Bool(_) => match s.to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" | "1" | "x" => Ok(Value::Bool(true)),
            "no" | "n" | "false" | "0" => Ok(Value::Bool(false)),
            _ => Err(format!("“{}” is not yes or no", clip(s))),
        },
        Num(_) => s
            .parse::<u64>()
            .map(Value::from)
            .map_err(|_| format!("“{}” is not a whole number", clip(s))),
        Text(_) => Ok(Value::String(s.to_owned())),
    }
}

fn parse_link(line: &str, title_required: bool) -> Result<Value, String> {
    let (url, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    checked(Check::Url, url)?;
    let rest = rest.trim();
    let title = if rest.starts_with('{') {
        Some(serde_json::from_str::<Value>(rest).map_err(|e| {
            format!("the title after {url} starts with “{{” but is not a JSON object of language to text: {e}")
        })?)
    } else {
        (!rest.is_empty()).then(|| Value::String(rest.to_owned()))
    };
    match title {
        Some(t) => Ok(serde_json::json!({"url": url, "title": t})),
        None if title_required => Err(format!(
            "the link {url} has no title: write the address, a space, then the title"
        )),
        None => Ok(Value::String(url.to_owned())),
    }
}

/// Runs the model's decoder for the kind of value the cell must hold.
fn checked(check: Check, s: &str) -> Result<(), String> {
    fn via<T: DeserializeOwned>(s: &str) -> Result<(), String> {
        serde_json::from_value::<T>(Value::String(s.to_owned()))
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
    match check {
        Check::Id => via::<Id>(s),
        Check::Date => via::<PartialDate>(s),
        Check::Day => via::<Day>(s),
        Check::Url => via::<Url>(s),
        Check::Lang => via::<LangTag>(s),
        Check::Country => via::<Country>(s),
    }
}

fn read_meta(t: &Table, errs: &mut Vec<CellError>) -> (Map<String, Value>, Option<String>) {
    // The meta sheet is turned on its side (field, value) so it reads as a form; read it as one
    // row with those fields as columns.
    let mut header = Vec::new();
    let mut row = Vec::new();
    let mut schema = None;
    for (i, r) in t.rows.iter().enumerate() {
        let field = r.first().map(|s| s.trim()).unwrap_or("");
        let value = r.get(1).cloned().unwrap_or_default();
        if field.is_empty() {
            continue;
        }
        if field == "$schema" {
            schema = (!value.trim().is_empty()).then(|| value.trim().to_owned());
            continue;
        }
        if header.iter().any(|h| h == field) {
            errs.push(CellError {
                sheet: "meta".into(),
                row: Some(i + 2),
                column: Some("field".into()),
                message: format!("“{field}” is given twice"),
            });
        }
        header.push(field.to_owned());
        row.push(value);
    }
    let default_lang = header
        .iter()
        .position(|h| h == "default_lang")
        .map(|i| row[i].trim().to_owned())
        .unwrap_or_else(|| "en".into());
    let table = Table {
        name: "meta".into(),
        header,
        rows: vec![row],
    };
    let mut inner = Vec::new();
    let cols = Columns::new(&table, META, &[], &mut inner);
    let rec = cols.read(
        &table.rows[0],
        Row {
            sheet: "meta",
            number: 0,
        },
        &default_lang,
        &mut inner,
    );
    // Problems are reported at the meta row that holds the field.
    for mut e in inner {
        let field = e.column.clone().unwrap_or_default();
        e.row = t
            .rows
            .iter()
            .position(|r| r.first().map(|s| s.trim()) == Some(field.as_str()))
            .map(|i| i + 2);
        e.column = Some(format!("value of {field}"));
        errs.push(e);
    }
    (rec, schema)
}

fn read_explainer(
    t: &Table,
    root: &mut Map<String, Value>,
    default_lang: &str,
    errs: &mut Vec<CellError>,
) {
    let col = |n: &str| t.header.iter().position(|h| h.trim() == n);
    let (Some(pc), Some(sc)) = (col("process"), col("section")) else {
        errs.push(CellError {
            sheet: "explainer".into(),
            row: Some(1),
            column: None,
            message: "the sheet needs the columns process, section, block, list and text".into(),
        });
        return;
    };
    let (bc, lc) = (col("block"), col("list"));
    // (process, section, block number, list) of the previous row, to join list items.
    let mut last: Option<(String, String, String, bool)> = None;
    for (i, row) in t.rows.iter().enumerate() {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let at = Row {
            sheet: "explainer",
            number: i + 2,
        };
        let cell = |c: Option<usize>| {
            c.and_then(|c| row.get(c))
                .map(|s| s.trim())
                .unwrap_or("")
                .to_owned()
        };
        let (process, section) = (cell(Some(pc)), cell(Some(sc)));
        if !SECTIONS.contains(&section.as_str()) {
            errs.push(at.error(
                "section",
                format!("“{}” is not one of {}", clip(&section), SECTIONS.join(", ")),
            ));
            continue;
        }
        let list = match cell(lc).to_ascii_lowercase().as_str() {
            "" | "no" | "n" | "false" | "0" => false,
            "yes" | "y" | "true" | "1" | "x" => true,
            other => {
                errs.push(at.error("list", format!("“{}” is not yes or no", clip(other))));
                false
            }
        };
        let mut text_errs = Vec::new();
        let cols = Columns {
            header: &t.header,
            cols: &[Text("text")],
        };
        let rec = cols.read(row, at, default_lang, &mut text_errs);
        errs.extend(text_errs);
        let Some(text) = rec.get("text").cloned() else {
            errs.push(at.error("text", "the paragraph or list item has no text".into()));
            continue;
        };
        let key = (process.clone(), section.clone(), cell(bc), list);
        let Some(p) = root
            .get_mut("processes")
            .and_then(Value::as_array_mut)
            .and_then(|l| {
                l.iter_mut()
                    .find(|r| r.get("id").and_then(Value::as_str) == Some(&process))
            })
            .and_then(Value::as_object_mut)
        else {
            errs.push(at.error(
                "process",
                format!(
                    "“{}” is not the id of a row of the processes sheet",
                    clip(&process)
                ),
            ));
            continue;
        };
        let explainer = p
            .entry("explainer")
            .or_insert_with(|| Value::Object(Map::new()));
        let Some(blocks) = explainer
            .as_object_mut()
            .map(|e| {
                e.entry(section.clone())
                    .or_insert_with(|| Value::Array(Vec::new()))
            })
            .and_then(Value::as_array_mut)
        else {
            continue;
        };
        let joins = list && last.as_ref() == Some(&key);
        match (joins, blocks.last_mut()) {
            (true, Some(Value::Object(b))) => {
                if let Some(Value::Array(items)) = b.get_mut("list") {
                    items.push(text);
                }
            }
            _ if list => blocks.push(serde_json::json!({ "list": [text] })),
            _ => blocks.push(text),
        }
        last = Some(key);
    }
}

fn set(rec: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            rec.insert(path.to_owned(), v);
        }
        Some((head, rest)) => {
            let inner = rec.entry(head).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = inner {
                set(m, rest, v);
            }
        }
    }
}

fn clip(s: &str) -> String {
    let c: String = s.chars().take(60).collect();
    if c.len() < s.len() {
        format!("{c}…")
    } else {
        c
    }
}

/// The spreadsheet's name of column `i` (0-based): A, B, … Z, AA, …
pub fn column_name(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
