//! CSV tables of events and resources for "Download CSV": RFC 4180 (quoted where needed, CRLF),
//! UTF-8 with a byte-order mark so spreadsheet programs read accents right, and every cell that
//! a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, carriage return) prefixed
//! with `'` so opening the file never runs anything.

use super::catalog::Catalog;
use super::export::{event_page, lang_param};
use super::model::{Link, Source};
use super::text::Text;

const BOM: &str = "\u{feff}";

pub const EVENT_COLUMNS: &[&str] = &[
    "id",
    "title",
    "kind",
    "start",
    "end",
    "tentative",
    "confirmed",
    "processes",
    "venue",
    "city",
    "country",
    "online",
    "summary",
    "outcome",
    "links",
    "sources",
    "page",
];

pub const RESOURCE_COLUMNS: &[&str] = &[
    "id",
    "title",
    "date",
    "kind",
    "lang",
    "publisher",
    "processes",
    "summary",
    "url",
    "sources",
];

/// Events (indices into `c.events`; unknown ones skipped) as CSV, texts in `lang`. `base_url`,
/// when given, fills the `page` column with each event's address in the app.
pub fn events_csv(c: &Catalog, events: &[usize], lang: &str, base_url: Option<&str>) -> String {
    let fb = c.lang();
    let t = |x: &Text| x.get(lang, fb).to_owned();
    let ot = |x: &Option<Text>| x.as_ref().map(&t).unwrap_or_default();
    let rows = events.iter().filter_map(|&i| c.events.get(i)).map(|e| {
        let loc = e.location.clone().unwrap_or_default();
        vec![
            e.id.to_string(),
            t(&e.title),
            c.event_kind(e.kind.as_str())
                .map(|k| t(&k.label))
                .unwrap_or_else(|| e.kind.to_string()),
            e.start.to_string(),
            e.end.map(|d| d.to_string()).unwrap_or_default(),
            yes_no(e.tentative),
            yes_no(e.confirmed),
            ids(e.processes.iter().map(|p| p.as_str())),
            ot(&loc.venue),
            ot(&loc.city),
            loc.country
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default(),
            yes_no(loc.online),
            ot(&e.summary),
            ot(&e.outcome),
            links(&e.links),
            sources(&e.sources),
            base_url
                .map(|b| event_page(b, &e.id, lang_param(lang, fb)))
                .unwrap_or_default(),
        ]
    });
    table(EVENT_COLUMNS, rows)
}

/// Resources (indices into `c.resources`) as CSV, texts in `lang`.
pub fn resources_csv(c: &Catalog, resources: &[usize], lang: &str) -> String {
    let fb = c.lang();
    let t = |x: &Text| x.get(lang, fb).to_owned();
    let ot = |x: &Option<Text>| x.as_ref().map(&t).unwrap_or_default();
    let rows = resources
        .iter()
        .filter_map(|&i| c.resources.get(i))
        .map(|r| {
            vec![
                r.id.to_string(),
                t(&r.title),
                r.date.to_string(),
                c.resource_kind(r.kind.as_str())
                    .map(|k| t(&k.label))
                    .unwrap_or_else(|| r.kind.to_string()),
                r.lang.as_str().to_owned(),
                ot(&r.publisher),
                ids(r.processes.iter().map(|p| p.as_str())),
                ot(&r.summary),
                r.url.as_str().to_owned(),
                sources(&r.sources),
            ]
        });
    table(RESOURCE_COLUMNS, rows)
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// Ids never hold `;`, so "a; b" splits back unambiguously.
fn ids<'a>(it: impl Iterator<Item = &'a str>) -> String {
    it.collect::<Vec<_>>().join("; ")
}

/// One URL a line: URLs hold no line breaks.
fn sources(s: &[Source]) -> String {
    s.iter()
        .map(|s| s.url.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn links(l: &[Link]) -> String {
    l.iter()
        .map(|l| l.url.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A whole CSV file: BOM, header, rows.
pub fn table<I, R>(header: &[&str], rows: I) -> String
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = String>,
{
    let mut out = String::from(BOM);
    write_row(&mut out, header.iter().map(|h| h.to_string()));
    for r in rows {
        write_row(&mut out, r);
    }
    out
}

fn write_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_cell(out, &cell);
    }
    out.push_str("\r\n");
}

/// Whether a spreadsheet would read the cell as a formula (OWASP's list of trigger characters).
pub fn is_formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn write_cell(out: &mut String, cell: &str) {
    let neutral;
    let cell = if is_formula_like(cell) {
        neutral = format!("'{cell}");
        neutral.as_str()
    } else {
        cell
    };
    if cell.contains(['"', ',', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::load;
    use crate::core::synth::{self, Rng};

    /// The reference RFC 4180 reader: a plain state machine over characters.
    fn parse(csv: &str) -> Vec<Vec<String>> {
        let body = csv.strip_prefix(BOM).expect("starts with a BOM");
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut cs = body.chars().peekable();
        while let Some(c) = cs.next() {
            if quoted {
                if c == '"' {
                    if cs.peek() == Some(&'"') {
                        cs.next();
                        cell.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.push(c);
                }
                continue;
            }
            match c {
                '"' => {
                    assert!(cell.is_empty(), "quote inside an unquoted cell");
                    quoted = true;
                }
                ',' => row.push(std::mem::take(&mut cell)),
                '\r' => {
                    assert_eq!(cs.next(), Some('\n'), "CR without LF");
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                '\n' => panic!("bare LF outside quotes"),
                c => cell.push(c),
            }
        }
        assert!(
            !quoted && cell.is_empty() && row.is_empty(),
            "file ends mid-row"
        );
        rows
    }

    fn neutralised(s: &str) -> String {
        if is_formula_like(s) {
            format!("'{s}")
        } else {
            s.to_owned()
        }
    }

    #[test]
    fn any_cells_read_back_as_written() {
        const PIECES: &[&str] = &[
            "a",
            "\"",
            ",",
            "\n",
            "\r",
            "\r\n",
            "=",
            "+",
            "-",
            "@",
            "\t",
            " ",
            "é",
            "日本",
            "'",
            "=HYPERLINK(\"http://x\")",
        ];
        let mut r = Rng(9);
        for _ in 0..500 {
            let width = 1 + r.below(5);
            let rows: Vec<Vec<String>> = (0..r.below(6))
                .map(|_| {
                    (0..width)
                        .map(|_| (0..r.below(6)).map(|_| *r.pick(PIECES)).collect())
                        .collect()
                })
                .collect();
            let header: Vec<&str> = (0..width).map(|_| "h").collect();
            let csv = table(&header, rows.clone());
            let back = parse(&csv);
            assert_eq!(back.len(), rows.len() + 1);
            for (got, want) in back[1..].iter().zip(&rows) {
                let want: Vec<String> = want.iter().map(|c| neutralised(c)).collect();
                assert_eq!(got, &want);
            }
        }
    }

    #[test]
    fn formula_cells_are_neutralised() {
        let csv = table(
            &["a", "b", "c"],
            [vec![
                "=HYPERLINK(\"https://evil\",\"x\")".to_owned(),
                "-1+2".to_owned(),
                "@SUM(A1)".to_owned(),
            ]],
        );
        let rows = parse(&csv);
        assert_eq!(rows[1][0], "'=HYPERLINK(\"https://evil\",\"x\")");
        assert_eq!(rows[1][1], "'-1+2");
        assert_eq!(rows[1][2], "'@SUM(A1)");
    }

    #[test]
    fn events_and_resources_have_one_row_each_with_their_fields() {
        let c = load(&synth::dataset(120, 5)).expect("loads").catalog;
        let picked = [3, 0, 50];
        let csv = events_csv(&c, &picked, "en", Some("https://t.example/"));
        let rows = parse(&csv);
        assert_eq!(rows[0], EVENT_COLUMNS);
        assert_eq!(rows.len(), 4);
        for (row, &i) in rows[1..].iter().zip(&picked) {
            let e = &c.events[i];
            assert_eq!(row.len(), EVENT_COLUMNS.len());
            assert_eq!(row[0], e.id.as_str());
            assert_eq!(row[1], neutralised(e.title.get("en", "en")));
            assert_eq!(row[3], e.start.to_string());
            assert_eq!(row[5], if e.tentative { "yes" } else { "no" });
            assert_eq!(row[16], event_page("https://t.example/", &e.id, None));
        }
        let csv = resources_csv(&c, &[1, 2], "en");
        let rows = parse(&csv);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1][0], c.resources[1].id.as_str());
        assert_eq!(rows[1][8], c.resources[1].url.as_str());
    }
}
