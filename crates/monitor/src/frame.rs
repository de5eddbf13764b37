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
    /// Level of each row as an index into `level_names`: 0 for the rows read, higher for the
    /// rows an `aggregate` step appends, so that no statistic mixes districts with their city.
    pub levels: Vec<usize>,
    pub level_names: Vec<String>,
    /// Line of each row in the file it was read from (empty for tables built in memory), for
    /// error messages that point at a cell.
    pub lines: Vec<usize>,
}

/// Cells that mean "no value" in statistical tables (R writes NA, numpy nan, pandas NaN).
fn is_missing(cell: &str) -> bool {
    matches!(cell, "" | "-" | "." | "NA" | "na" | "x" | "/" | "NaN" | "nan" | "NAN")
}

/// A cell of a numeric column: Ok(None) missing, Err(()) not a finite number.
pub(crate) fn read_number(cell: &str) -> std::result::Result<Option<f64>, ()> {
    if is_missing(cell) {
        return Ok(None);
    }
    // the plain form first: most cells of an export need no German decimal comma
    match cell.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        Ok(_) => Err(()),
        Err(_) => parse_number(cell).map(Some).ok_or(()),
    }
}

/// What the reader learns about one column while streaming the rows.
struct ColumnReader {
    name: String,
    index: usize,
    numbers: Vec<Option<f64>>,
    /// first cell that is not a number: the column is text from then on
    text_at: Option<usize>,
    /// first ±inf: refused in a numeric column rather than carried into every sum
    infinite: Option<(usize, String)>,
}

impl Frame {
    /// A table built in memory: every row on the first level, no source lines.
    pub fn new(
        unit_column: impl Into<String>,
        group_column: Option<String>,
        units: Vec<String>,
        groups: Vec<String>,
        columns: Vec<(String, Column)>,
    ) -> Frame {
        let rows = units.len();
        Frame {
            unit_column: unit_column.into(),
            group_column,
            units,
            groups,
            columns,
            levels: vec![0; rows],
            level_names: vec![String::from("unit")],
            lines: vec![],
        }
    }

    /// Reads a table as exported by spreadsheets or statistics tools: UTF-8 or Windows-1252,
    /// ',' ';' or tab, decimal point or comma. Columns whose cells all read as numbers (or are
    /// empty / "-" / "NA" / "NaN") are numeric. A repeated header keeps its first column; a
    /// repeated (unit, group) pair is an error, and so is an infinite number.
    ///
    /// The rows are streamed as byte records once; a second pass reads only the cells of the
    /// columns that turned out to be text, so a numeric table never holds its cells as strings.
    pub fn from_csv(source_name: &str, bytes: &[u8], unit_column: &str, group_column: Option<&str>) -> Result<Frame> {
        let text = decode(bytes);
        let delimiter = sniff_delimiter(&text);
        let reader = || csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
        let mut rdr = reader();
        let data_err = |line: usize, message: String| MonitorError::Data { source_name: source_name.into(), line, message };
        let headers: Vec<String> =
            rdr.byte_headers().map_err(|e| data_err(1, e.to_string()))?.iter().map(|h| String::from_utf8_lossy(h).trim().to_string()).collect();
        let find = |name: &str| headers.iter().position(|h| h == name);
        let unit_idx =
            find(unit_column).ok_or_else(|| data_err(1, format!("no unit column '{unit_column}'; columns: {}", headers.join(", "))))?;
        let group_idx = match group_column {
            Some(g) => Some(find(g).ok_or_else(|| data_err(1, format!("no group column '{g}'; columns: {}", headers.join(", "))))?),
            None => None,
        };
        let mut readers: Vec<ColumnReader> = vec![];
        for (i, h) in headers.iter().enumerate() {
            if i != unit_idx && Some(i) != group_idx && !h.is_empty() && headers[..i].iter().all(|p| p != h) {
                readers.push(ColumnReader { name: h.clone(), index: i, numbers: vec![], text_at: None, infinite: None });
            }
        }
        let mut units: Vec<String> = vec![];
        let mut groups: Vec<String> = vec![];
        let mut lines: Vec<usize> = vec![];
        // units and groups repeat over the years: intern them, and find duplicates by number
        let mut unit_ids: HashMap<String, u32> = HashMap::new();
        let mut group_ids: HashMap<String, u32> = HashMap::new();
        let mut seen: HashMap<(u32, u32), usize> = HashMap::new();
        let mut record = csv::ByteRecord::new();
        loop {
            match rdr.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(data_err(e.position().map_or(0, |p| p.line() as usize), e.to_string())),
            }
            let line = record.position().map_or(0, |p| p.line() as usize);
            let row = units.len();
            let unit = cell(&record, unit_idx);
            if unit.is_empty() {
                return Err(data_err(line, format!("empty unit in column '{unit_column}'")));
            }
            let group = group_idx.map(|g| cell(&record, g)).unwrap_or_default();
            let unit_id = intern(&mut unit_ids, unit);
            let group_id = intern(&mut group_ids, group);
            if let Some(prev) = seen.insert((unit_id, group_id), line) {
                return Err(data_err(
                    line,
                    format!(
                        "duplicate row: unit '{unit}'{} already in line {prev}",
                        if group.is_empty() { String::new() } else { format!(" in group '{group}'") }
                    ),
                ));
            }
            units.push(unit.to_string());
            groups.push(group.to_string());
            lines.push(line);
            for column in readers.iter_mut().filter(|c| c.text_at.is_none()) {
                let value = cell(&record, column.index);
                match read_number(value) {
                    Ok(v) => column.numbers.push(v),
                    Err(()) if value.parse::<f64>().is_ok() => {
                        column.infinite.get_or_insert((line, value.to_string()));
                        column.numbers.push(None);
                    }
                    Err(()) => column.text_at = Some(row),
                }
            }
        }
        let mut columns: Vec<(String, Column)> = Vec::with_capacity(readers.len());
        let text_columns: Vec<usize> = readers.iter().filter(|c| c.text_at.is_some()).map(|c| c.index).collect();
        let mut texts: HashMap<usize, Vec<Option<String>>> = HashMap::new();
        if !text_columns.is_empty() {
            let mut rdr = reader();
            let _ = rdr.byte_headers();
            while rdr.read_byte_record(&mut record).map_err(|e| data_err(0, e.to_string()))? {
                for &i in &text_columns {
                    let value = cell(&record, i);
                    texts.entry(i).or_default().push((!value.is_empty()).then(|| value.to_string()));
                }
            }
        }
        for column in readers {
            if let Some(cells) = texts.remove(&column.index) {
                columns.push((column.name, Column::Text(cells)));
                continue;
            }
            if let Some((line, value)) = column.infinite {
                return Err(data_err(line, format!("column '{}': '{value}' is not a finite number", column.name)));
            }
            columns.push((column.name, Column::Num(column.numbers)));
        }
        let mut frame = Frame::new(unit_column, group_column.map(Into::into), units, groups, columns);
        frame.lines = lines;
        Ok(frame)
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
        self.group_rows_where(|_| true)
    }

    /// Row indices per group among the rows of one level.
    pub fn group_rows_at(&self, level: usize) -> Vec<(String, Vec<usize>)> {
        self.group_rows_where(|r| self.levels[r] == level)
    }

    fn group_rows_where(&self, keep: impl Fn(usize) -> bool) -> Vec<(String, Vec<usize>)> {
        let mut out: Vec<(String, Vec<usize>)> = vec![];
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, g) in self.groups.iter().enumerate().filter(|(i, _)| keep(*i)) {
            let slot = *index.entry(g.as_str()).or_insert_with(|| {
                out.push((g.clone(), vec![]));
                out.len() - 1
            });
            out[slot].1.push(i);
        }
        out
    }

    /// The table (unit, group, the level when there is more than one, then all columns) as
    /// CSV with a decimal point.
    pub fn to_csv(&self, columns: Option<&[String]>) -> String {
        let mut out = Vec::with_capacity(self.len() * 12 * (self.columns.len() + 2));
        let _ = self.write_csv(&mut out, columns);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Streams the table as CSV, so that a large result never sits in memory as text; returns
    /// the number of rows written.
    pub fn write_csv(&self, out: impl std::io::Write, columns: Option<&[String]>) -> std::io::Result<usize> {
        let mut w = csv::WriterBuilder::new().buffer_capacity(1 << 16).from_writer(out);
        let names: Vec<&String> = match columns {
            Some(c) => c.iter().collect(),
            None => self.columns.iter().map(|(n, _)| n).collect(),
        };
        let cols: Vec<Option<&Column>> = names.iter().map(|n| self.column(n)).collect();
        let with_level = self.level_names.len() > 1;
        let mut header = vec![self.unit_column.clone()];
        if let Some(g) = &self.group_column {
            header.push(g.clone());
        }
        if with_level {
            header.push("level".into());
        }
        header.extend(names.iter().map(|n| n.to_string()));
        w.write_record(&header)?;
        let (mut floats, mut integers) = (ryu::Buffer::new(), itoa::Buffer::new());
        for row in 0..self.len() {
            w.write_field(kette_text::spreadsheet_safe(&self.units[row]).as_bytes())?;
            if self.group_column.is_some() {
                w.write_field(kette_text::spreadsheet_safe(&self.groups[row]).as_bytes())?;
            }
            if with_level {
                w.write_field(self.level_names[self.levels[row]].as_bytes())?;
            }
            for col in &cols {
                match col {
                    Some(Column::Num(v)) => match v[row] {
                        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => w.write_field(integers.format(x as i64))?,
                        Some(x) => w.write_field(floats.format_finite(x))?,
                        None => w.write_field(b"")?,
                    },
                    Some(Column::Text(v)) => w.write_field(kette_text::spreadsheet_safe(v[row].as_deref().unwrap_or("")).as_bytes())?,
                    None => w.write_field(b"")?,
                }
            }
            w.write_record(None::<&[u8]>)?;
        }
        w.flush()?;
        Ok(self.len())
    }
}

fn cell(record: &csv::ByteRecord, i: usize) -> &str {
    record.get(i).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("").trim()
}

fn intern(ids: &mut HashMap<String, u32>, value: &str) -> u32 {
    if let Some(&id) = ids.get(value) {
        return id;
    }
    let id = ids.len() as u32;
    ids.insert(value.to_string(), id);
    id
}

/// Shortest text that reads back as the same number, as the CSV output writes it.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        itoa::Buffer::new().format(x as i64).to_string()
    } else if x.is_finite() {
        ryu::Buffer::new().format_finite(x).to_string()
    } else {
        String::new()
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
