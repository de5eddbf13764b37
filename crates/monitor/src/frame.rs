//! A small column table: one row per unit and group (e.g. planning area × year).

use std::collections::HashMap;

use kette_text::{decode, parse_number, sniff_delimiter};

use crate::{MonitorError, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    Num(Vec<Option<f64>>),
    Text(Vec<Option<String>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub unit_column: String,
    pub group_column: Option<String>,
    pub units: Vec<String>,
    /// Group of each row ("" without grouping).
    pub groups: Vec<String>,
    /// Columns in order; names are unique.
    pub columns: Vec<(String, Column)>,
}

/// Cells that mean "no value" in statistical tables.
fn is_missing(cell: &str) -> bool {
    matches!(cell, "" | "-" | "." | "NA" | "na" | "x" | "/")
}

impl Frame {
    /// Reads a table as exported by spreadsheets or statistics tools: UTF-8 or Windows-1252,
    /// ',' ';' or tab, decimal point or comma. Columns whose cells all read as numbers (or are
    /// empty / "-") are numeric. A repeated header keeps its first column; a repeated
    /// (unit, group) pair is an error.
    pub fn from_csv(source_name: &str, bytes: &[u8], unit_column: &str, group_column: Option<&str>) -> Result<Frame> {
        let text = decode(bytes);
        let delimiter = sniff_delimiter(&text);
        let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
        let data_err = |line: usize, message: String| MonitorError::Data { source_name: source_name.into(), line, message };
        let headers: Vec<String> = rdr.headers().map_err(|e| data_err(1, e.to_string()))?.iter().map(|h| h.trim().to_string()).collect();
        let find = |name: &str| headers.iter().position(|h| h == name);
        let unit_idx =
            find(unit_column).ok_or_else(|| data_err(1, format!("no unit column '{unit_column}'; columns: {}", headers.join(", "))))?;
        let group_idx = match group_column {
            Some(g) => Some(find(g).ok_or_else(|| data_err(1, format!("no group column '{g}'; columns: {}", headers.join(", "))))?),
            None => None,
        };
        let mut keep: Vec<usize> = vec![];
        for (i, h) in headers.iter().enumerate() {
            if i != unit_idx && Some(i) != group_idx && !h.is_empty() && headers[..i].iter().all(|p| p != h) {
                keep.push(i);
            }
        }
        let mut units = vec![];
        let mut groups = vec![];
        let mut raw: Vec<Vec<String>> = vec![vec![]; keep.len()];
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        for rec in rdr.records() {
            let rec = rec.map_err(|e| data_err(e.position().map_or(0, |p| p.line() as usize), e.to_string()))?;
            let line = rec.position().map_or(0, |p| p.line() as usize);
            let unit = rec.get(unit_idx).unwrap_or("").trim().to_string();
            if unit.is_empty() {
                return Err(data_err(line, format!("empty unit in column '{unit_column}'")));
            }
            let group = group_idx.map(|g| rec.get(g).unwrap_or("").trim().to_string()).unwrap_or_default();
            if let Some(prev) = seen.insert((unit.clone(), group.clone()), line) {
                return Err(data_err(
                    line,
                    format!(
                        "duplicate row: unit '{unit}'{} already in line {prev}",
                        if group.is_empty() { String::new() } else { format!(" in group '{group}'") }
                    ),
                ));
            }
            units.push(unit);
            groups.push(group);
            for (k, &i) in keep.iter().enumerate() {
                raw[k].push(rec.get(i).unwrap_or("").trim().to_string());
            }
        }
        let columns = keep
            .iter()
            .zip(raw)
            .map(|(&i, cells)| {
                let numeric = cells.iter().all(|c| is_missing(c) || parse_number(c).is_some());
                let col = if numeric {
                    Column::Num(cells.iter().map(|c| if is_missing(c) { None } else { parse_number(c) }).collect())
                } else {
                    Column::Text(cells.into_iter().map(|c| if c.is_empty() { None } else { Some(c) }).collect())
                };
                (headers[i].clone(), col)
            })
            .collect();
        Ok(Frame { unit_column: unit_column.into(), group_column: group_column.map(Into::into), units, groups, columns })
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|(n, _)| n == name).map(|(_, c)| c)
    }

    pub fn numbers(&self, name: &str) -> Option<&[Option<f64>]> {
        match self.column(name)? {
            Column::Num(v) => Some(v),
            Column::Text(_) => None,
        }
    }

    pub fn texts(&self, name: &str) -> Option<Vec<Option<String>>> {
        Some(match self.column(name)? {
            Column::Text(v) => v.clone(),
            Column::Num(v) => v.iter().map(|x| x.map(format_number)).collect(),
        })
    }

    /// Adds or replaces a column.
    pub fn set(&mut self, name: &str, col: Column) {
        match self.columns.iter_mut().find(|(n, _)| n == name) {
            Some((_, c)) => *c = col,
            None => self.columns.push((name.to_string(), col)),
        }
    }

    /// Row indices per group, groups in order of first appearance.
    pub fn group_rows(&self) -> Vec<(String, Vec<usize>)> {
        let mut out: Vec<(String, Vec<usize>)> = vec![];
        for (i, g) in self.groups.iter().enumerate() {
            match out.iter_mut().find(|(k, _)| k == g) {
                Some((_, rows)) => rows.push(i),
                None => out.push((g.clone(), vec![i])),
            }
        }
        out
    }

    /// Writes the table (unit, group, then all columns) as CSV with a decimal point.
    pub fn to_csv(&self, columns: Option<&[String]>) -> String {
        let mut w = csv::Writer::from_writer(vec![]);
        let names: Vec<&String> = match columns {
            Some(c) => c.iter().collect(),
            None => self.columns.iter().map(|(n, _)| n).collect(),
        };
        let mut header = vec![self.unit_column.clone()];
        if let Some(g) = &self.group_column {
            header.push(g.clone());
        }
        header.extend(names.iter().map(|n| n.to_string()));
        let _ = w.write_record(&header);
        for row in 0..self.len() {
            let mut rec = vec![self.units[row].clone()];
            if self.group_column.is_some() {
                rec.push(self.groups[row].clone());
            }
            for n in &names {
                rec.push(match self.column(n) {
                    Some(Column::Num(v)) => v[row].map(format_number).unwrap_or_default(),
                    Some(Column::Text(v)) => v[row].clone().unwrap_or_default(),
                    None => String::new(),
                });
            }
            let _ = w.write_record(rec.iter().map(|c| kette_text::spreadsheet_safe(c).into_owned()));
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

/// Shortest text that reads back as the same number.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_german_tables_with_missing_cells_and_text() {
        let f = Frame::from_csv(
            "t.csv",
            "Gebiet;Jahr;Quote;Name;Quote\n01;2019;12,5;Mitte;9\n02;2019;-;Nord;9\n".as_bytes(),
            "Gebiet",
            Some("Jahr"),
        )
        .unwrap();
        assert_eq!(f.numbers("Quote").unwrap(), &[Some(12.5), None]);
        assert!(f.numbers("Name").is_none());
        assert_eq!(f.columns.len(), 2, "repeated header kept once");
        assert_eq!(f.group_rows(), vec![("2019".to_string(), vec![0, 1])]);
        let out = f.to_csv(None);
        assert!(out.starts_with("Gebiet,Jahr,Quote,Name\n01,2019,12.5,Mitte\n02,2019,,Nord\n"), "{out}");
    }

    #[test]
    fn duplicate_rows_and_missing_unit_column_are_named() {
        let e = Frame::from_csv("t.csv", b"id,year,a\n1,2019,1\n1,2019,2\n", "id", Some("year")).unwrap_err();
        assert_eq!(e.to_string(), "t.csv line 3: duplicate row: unit '1' in group '2019' already in line 2");
        let e = Frame::from_csv("t.csv", b"gebiet,a\n1,1\n", "id", None).unwrap_err();
        assert!(e.to_string().contains("no unit column 'id'"), "{e}");
    }
}
