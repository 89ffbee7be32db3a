//! Tables to and from files: an `.xlsx` workbook (written with `rust_xlsxwriter`), an `.xlsx` or
//! `.ods` workbook (read with `calamine`), or a folder of CSV files, one per sheet.

use super::table::{column_name, CellError, Table};
use crate::core::csv::is_formula_like;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("cannot read {path}: {message}")]
    Read { path: String, message: String },
    #[error("cannot write {path}: {message}")]
    Write { path: String, message: String },
    #[error("{} problems in the workbook", .0.len())]
    Cells(Vec<CellError>),
}

/// The bytes of an `.xlsx` workbook holding `tables`: bold, frozen header rows, every cell a
/// string (so nothing in the data can become a formula).
pub fn xlsx_bytes(tables: &[Table]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    for t in tables {
        let ws = wb.add_worksheet();
        ws.set_name(&t.name).map_err(|e| e.to_string())?;
        for (c, h) in t.header.iter().enumerate() {
            let col = u16::try_from(c).map_err(|_| "too many columns".to_owned())?;
            ws.write_string_with_format(0, col, h, &bold)
                .map_err(|e| e.to_string())?;
            let widest = t
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.lines().map(|l| l.chars().count()).max().unwrap_or(0))
                .max()
                .unwrap_or(0)
                .max(h.chars().count());
            ws.set_column_width(col, (widest as f64 + 2.0).clamp(8.0, 60.0))
                .map_err(|e| e.to_string())?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            let rn = u32::try_from(r + 1).map_err(|_| "too many rows".to_owned())?;
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let col = u16::try_from(c).map_err(|_| "too many columns".to_owned())?;
                ws.write_string_with_format(rn, col, cell, &wrap)
                    .map_err(|e| {
                        format!(
                            "{}, row {}, {}: {e}",
                            t.name,
                            r + 2,
                            t.header.get(c).cloned().unwrap_or_else(|| column_name(c))
                        )
                    })?;
            }
        }
        ws.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    }
    wb.save_to_buffer().map_err(|e| e.to_string())
}

/// The tables of an `.xlsx`/`.ods` workbook. A cell holding a formula is an error: the data must
/// be plain values, and a formula's result depends on the program that opens it.
pub fn read_workbook(path: &Path) -> Result<Vec<Table>, SheetError> {
    use calamine::{open_workbook_auto, Data, Reader};
    let shown = path.display().to_string();
    let mut wb = open_workbook_auto(path).map_err(|e| SheetError::Read {
        path: shown.clone(),
        message: e.to_string(),
    })?;
    let mut tables = Vec::new();
    let mut errs = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).map_err(|e| SheetError::Read {
            path: shown.clone(),
            message: format!("sheet {name}: {e}"),
        })?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let (height, width) = range.get_size();
        let (r0, c0) = (r0 as usize, c0 as usize);
        let mut grid = vec![vec![String::new(); c0 + width]; r0 + height];
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let text = match cell {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Int(i) => i.to_string(),
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        format!("{}", *f as i64)
                    }
                    Data::Float(f) => f.to_string(),
                    Data::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
                    // A spreadsheet turns a typed date into a number; the data wants ISO text.
                    Data::DateTime(d) => match d.as_datetime() {
                        Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
                        Some(t) => t.to_string(),
                        None => d.as_f64().to_string(),
                    },
                    Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_owned(),
                    Data::DurationIso(s) => s.clone(),
                    Data::Error(e) => {
                        errs.push(cell_error(
                            &name,
                            r0 + r,
                            c0 + c,
                            &grid,
                            format!("holds the spreadsheet error {e:?}"),
                        ));
                        String::new()
                    }
                };
                grid[r0 + r][c0 + c] = text;
            }
        }
        if let Ok(formulas) = wb.worksheet_formula(&name) {
            let (fr, fc) = formulas.start().unwrap_or((0, 0));
            for (r, row) in formulas.rows().enumerate() {
                for (c, f) in row.iter().enumerate() {
                    if !f.is_empty() {
                        let (r, c) = (fr as usize + r, fc as usize + c);
                        errs.push(cell_error(
                            &name,
                            r,
                            c,
                            &grid,
                            format!(
                                "holds a formula (={}): type the value itself instead",
                                clip(f)
                            ),
                        ));
                    }
                }
            }
        }
        let mut rows = grid.into_iter();
        let header = rows.next().unwrap_or_default();
        tables.push(Table {
            name: name.clone(),
            header,
            rows: rows.collect(),
        });
    }
    if errs.is_empty() {
        Ok(tables)
    } else {
        Err(SheetError::Cells(errs))
    }
}

fn cell_error(sheet: &str, r: usize, c: usize, grid: &[Vec<String>], message: String) -> CellError {
    let header = grid
        .first()
        .and_then(|h| h.get(c))
        .filter(|h| !h.is_empty());
    CellError {
        sheet: sheet.to_owned(),
        row: Some(r + 1),
        column: Some(match header {
            Some(h) if r > 0 => h.clone(),
            _ => format!("column {}", column_name(c)),
        }),
        message,
    }
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

/// A folder of `<sheet>.csv` files: UTF-8 with a byte-order mark, RFC 4180. Cells a spreadsheet
/// would run as formulas get a leading `'` (and cells that already start with quotes before
/// such a character one more), which `read_csv_folder` takes off again.
pub fn write_csv_folder(dir: &Path, tables: &[Table]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    for t in tables {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::from("\u{feff}".as_bytes()));
        w.write_record(&t.header).map_err(|e| e.to_string())?;
        for row in &t.rows {
            w.write_record(row.iter().map(|c| guard(c)))
                .map_err(|e| e.to_string())?;
        }
        let bytes = w.into_inner().map_err(|e| e.to_string())?;
        files.push((
            dir.join(format!("{}.csv", t.name)).display().to_string(),
            bytes,
        ));
    }
    Ok(files)
}

fn guarded(cell: &str) -> bool {
    is_formula_like(cell.trim_start_matches('\''))
}

fn guard(cell: &str) -> String {
    if guarded(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn unguard(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if guarded(rest) || is_formula_like(rest) => rest.to_owned(),
        _ => cell,
    }
}

pub fn read_csv_folder(dir: &Path) -> Result<Vec<Table>, SheetError> {
    let shown = dir.display().to_string();
    let read_err = |message: String| SheetError::Read {
        path: shown.clone(),
        message,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| read_err(e.to_string()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        .collect();
    entries.sort();
    if entries.is_empty() {
        return Err(read_err("the folder holds no .csv file".into()));
    }
    let mut tables = Vec::new();
    for p in entries {
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&p).map_err(|e| read_err(format!("{}: {e}", p.display())))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            read_err(format!(
                "{}: not UTF-8 text; save it as “CSV UTF-8”",
                p.display()
            ))
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for rec in r.records() {
            let rec = rec.map_err(|e| read_err(format!("{}: {e}", p.display())))?;
            rows.push(
                rec.iter()
                    .map(|c| unguard(c.to_owned()))
                    .collect::<Vec<_>>(),
            );
        }
        let mut rows = rows.into_iter();
        let header = rows.next().unwrap_or_default();
        tables.push(Table {
            name,
            header,
            rows: rows.collect(),
        });
    }
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarding_is_undone_exactly() {
        for cell in [
            "=1+1", "'=1", "''@x", "plain", "'quoted", "-", "", "\tx", "'",
        ] {
            assert_eq!(unguard(guard(cell)), cell, "{cell:?}");
            assert!(!is_formula_like(&guard(cell)), "{cell:?}");
        }
    }
}
