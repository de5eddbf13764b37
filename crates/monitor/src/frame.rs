//! A small column table: one row per unit and group (e.g. planning area × year).

use std::collections::HashMap;

use kette_text::{decode, parse_number, sniff_delimiter};

use crate::{MonitorError, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    /// contiguous doubles; NaN marks a missing value (see [`value`])
    Num(Vec<f64>),
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
    /// Each row's unit and group as numbers, when the reader already worked them out.
    pub keys: Option<RowKeys>,
}

/// Each row's unit and group as small numbers, so that per-unit and per-group work indexes
/// vectors instead of hashing strings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowKeys {
    pub unit: Vec<u32>,
    pub units: usize,
    pub group: Vec<u32>,
    /// the distinct groups in order of their number
    pub group_names: Vec<String>,
}

impl RowKeys {
    pub fn new(f: &Frame) -> RowKeys {
        fn ids<'a>(values: impl Iterator<Item = &'a str>, names: &mut Vec<String>) -> Vec<u32> {
            let mut index: HashMap<&str, u32> = HashMap::new();
            values
                .map(|v| {
                    *index.entry(v).or_insert_with(|| {
                        names.push(v.to_string());
                        names.len() as u32 - 1
                    })
                })
                .collect()
        }
        let mut unit_names = vec![];
        let unit = ids(f.units.iter().map(String::as_str), &mut unit_names);
        let mut group_names = vec![];
        let group = ids(f.groups.iter().map(String::as_str), &mut group_names);
        RowKeys { unit, units: unit_names.len(), group, group_names }
    }

    /// The keys of a frame that grew by rows appended at its end (an aggregate's parents):
    /// only the new rows are looked at. Keys that do not belong to the frame's first rows are
    /// built anew.
    pub fn extended(mut keys: RowKeys, f: &Frame) -> RowKeys {
        let known = keys.unit.len();
        if known == 0 || known > f.len() {
            return RowKeys::new(f);
        }
        let mut groups: HashMap<&str, u32> = keys.group_names.iter().enumerate().map(|(i, g)| (g.as_str(), i as u32)).collect();
        let mut new_groups = vec![];
        let mut units: HashMap<&str, u32> = HashMap::new();
        for r in known..f.len() {
            let next = (keys.units + units.len()) as u32;
            keys.unit.push(*units.entry(f.units[r].as_str()).or_insert(next));
            let next = (keys.group_names.len() + new_groups.len()) as u32;
            keys.group.push(*groups.entry(f.groups[r].as_str()).or_insert_with(|| {
                new_groups.push(f.groups[r].clone());
                next
            }));
        }
        keys.units += units.len();
        keys.group_names.extend(new_groups);
        keys
    }
}

/// A missing number in a numeric column.
pub const MISSING: f64 = f64::NAN;

/// A numeric cell as an option: None when missing.
#[inline]
pub fn value(x: f64) -> Option<f64> {
    (!x.is_nan()).then_some(x)
}

/// An option as a numeric cell.
#[inline]
pub fn cell_of(x: Option<f64>) -> f64 {
    x.unwrap_or(MISSING)
}

impl Column {
    /// A numeric column from options (None missing).
    pub fn from_options(values: impl IntoIterator<Item = Option<f64>>) -> Column {
        Column::Num(values.into_iter().map(cell_of).collect())
    }
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

/// What the reader learns about one column of one block of rows.
#[derive(Default)]
struct ColumnBlock {
    numbers: Vec<f64>,
    /// first row (in the block) whose cell is not a number: the column is text from then on
    text_at: Option<usize>,
    /// first ±inf (line, cell): refused in a numeric column rather than carried into every sum
    infinite: Option<(usize, String)>,
}

/// One block of data rows, read on its own thread.
struct Block {
    units: Vec<String>,
    groups: Vec<String>,
    lines: Vec<usize>,
    columns: Vec<ColumnBlock>,
}

/// Reads the rows of `text` (no header) whose first line is line `first_line` of the file.
fn read_block(
    text: &str,
    delimiter: u8,
    first_line: usize,
    (unit_idx, group_idx): (usize, Option<usize>),
    keep: &[usize],
) -> std::result::Result<Block, (usize, String)> {
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(text.as_bytes());
    // about one row a line: sized once, the vectors are never copied to grow
    let rows = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut block = Block {
        units: Vec::with_capacity(rows),
        groups: Vec::with_capacity(rows),
        lines: Vec::with_capacity(rows),
        columns: keep.iter().map(|_| ColumnBlock { numbers: Vec::with_capacity(rows), ..ColumnBlock::default() }).collect(),
    };
    // the text is decoded already, so a record is checked as UTF-8 once, not cell by cell
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err((first_line - 1 + e.position().map_or(1, |p| p.line() as usize), e.to_string())),
        }
        let line = first_line - 1 + record.position().map_or(1, |p| p.line() as usize);
        let row = block.units.len();
        block.units.push(field(&record, unit_idx).to_string());
        block.groups.push(group_idx.map(|g| field(&record, g)).unwrap_or_default().to_string());
        block.lines.push(line);
        for (column, &index) in block.columns.iter_mut().zip(keep).filter(|(c, _)| c.text_at.is_none()) {
            let value = field(&record, index);
            match read_number(value) {
                Ok(v) => column.numbers.push(cell_of(v)),
                Err(()) if value.parse::<f64>().is_ok() => {
                    column.infinite.get_or_insert((line, value.to_string()));
                    column.numbers.push(MISSING);
                }
                Err(()) => column.text_at = Some(row),
            }
        }
    }
    Ok(block)
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
            keys: None,
        }
    }

    /// Reads a table as exported by spreadsheets or statistics tools: UTF-8 or Windows-1252,
    /// ',' ';' or tab, decimal point or comma. Columns whose cells all read as numbers (or are
    /// empty / "-" / "NA" / "NaN") are numeric. A repeated header keeps its first column; a
    /// repeated (unit, group) pair is an error, and so is an infinite number.
    ///
    /// The rows are read as byte records, in blocks on every core when no cell is quoted (so no
    /// line break can hide inside a cell); a second pass reads only the cells of the columns
    /// that turned out to be text, so a numeric table never holds its cells as strings.
    pub fn from_csv(source_name: &str, bytes: &[u8], unit_column: &str, group_column: Option<&str>) -> Result<Frame> {
        use rayon::prelude::*;
        let text = decode(bytes);
        let delimiter = sniff_delimiter(&text);
        let reader = || csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
        let mut rdr = reader();
        let data_err = |line: usize, message: String| MonitorError::Data { source_name: source_name.into(), line, message };
        let headers: Vec<String> = rdr
            .byte_headers()
            .map_err(|e| data_err(1, e.to_string()))?
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect();
        let find = |name: &str| headers.iter().position(|h| h == name);
        let unit_idx =
            find(unit_column).ok_or_else(|| data_err(1, format!("no unit column '{unit_column}'; columns: {}", headers.join(", "))))?;
        let group_idx = match group_column {
            Some(g) => Some(find(g).ok_or_else(|| data_err(1, format!("no group column '{g}'; columns: {}", headers.join(", "))))?),
            None => None,
        };
        let keep: Vec<usize> = (0..headers.len())
            .filter(|&i| i != unit_idx && Some(i) != group_idx && !headers[i].is_empty() && headers[..i].iter().all(|p| *p != headers[i]))
            .collect();
        // blocks of whole lines; a quoted cell may hold a line break, so then one block
        let body_start = text.find('\n').map_or(text.len(), |i| i + 1);
        let body = &text[body_start..];
        let blocks_wanted = if text.contains('"') || body.len() < (1 << 20) { 1 } else { 2 * rayon::current_num_threads().max(1) };
        let mut pieces: Vec<(&str, usize)> = vec![];
        let (mut start, mut line) = (0, 2);
        while start < body.len() {
            let target = (start + body.len() / blocks_wanted + 1).min(body.len());
            let end = if target >= body.len() { body.len() } else { body[target..].find('\n').map_or(body.len(), |i| target + i + 1) };
            pieces.push((&body[start..end], line));
            line += body[start..end].bytes().filter(|&b| b == b'\n').count();
            start = end;
        }
        let blocks: Vec<std::result::Result<Block, (usize, String)>> =
            pieces.par_iter().map(|&(piece, first_line)| read_block(piece, delimiter, first_line, (unit_idx, group_idx), &keep)).collect();
        let rows: usize = blocks.iter().map(|b| b.as_ref().map_or(0, |b| b.units.len())).sum();
        let mut units: Vec<String> = Vec::with_capacity(rows);
        let mut groups: Vec<String> = Vec::with_capacity(rows);
        let mut lines: Vec<usize> = Vec::with_capacity(rows);
        let mut columns: Vec<ColumnBlock> =
            keep.iter().map(|_| ColumnBlock { numbers: Vec::with_capacity(rows), ..ColumnBlock::default() }).collect();
        for block in blocks {
            let block = block.map_err(|(line, message)| data_err(line, message))?;
            let offset = units.len();
            for (all, part) in columns.iter_mut().zip(block.columns) {
                if all.text_at.is_some() {
                    continue;
                }
                match part.text_at {
                    Some(row) => all.text_at = Some(offset + row),
                    None => all.numbers.extend(part.numbers),
                }
                if all.infinite.is_none() {
                    all.infinite = part.infinite;
                }
            }
            units.extend(block.units);
            groups.extend(block.groups);
            lines.extend(block.lines);
        }
        let mut out: Vec<(String, Column)> = Vec::with_capacity(keep.len());
        let mut frame = Frame::new(unit_column, group_column.map(Into::into), units, groups, vec![]);
        // units and groups repeat over the years: number them, and find duplicates by number
        let keys = RowKeys::new(&frame);
        let mut seen: HashMap<(u32, u32), usize> = HashMap::new();
        for (row, (&unit_id, &group_id)) in keys.unit.iter().zip(&keys.group).enumerate() {
            let (unit, group) = (&frame.units[row], &frame.groups[row]);
            if unit.is_empty() {
                return Err(data_err(lines[row], format!("empty unit in column '{unit_column}'")));
            }
            if let Some(prev) = seen.insert((unit_id, group_id), lines[row]) {
                return Err(data_err(
                    lines[row],
                    format!(
                        "duplicate row: unit '{unit}'{} already in line {prev}",
                        if group.is_empty() { String::new() } else { format!(" in group '{group}'") }
                    ),
                ));
            }
        }
        let text_columns: Vec<usize> = keep.iter().zip(&columns).filter(|(_, c)| c.text_at.is_some()).map(|(&i, _)| i).collect();
        let mut texts: HashMap<usize, Vec<Option<String>>> = HashMap::new();
        if !text_columns.is_empty() {
            let mut rdr = reader();
            let mut record = csv::StringRecord::new();
            while rdr.read_record(&mut record).map_err(|e| data_err(0, e.to_string()))? {
                for &i in &text_columns {
                    let value = field(&record, i);
                    texts.entry(i).or_default().push((!value.is_empty()).then(|| value.to_string()));
                }
            }
        }
        for (&index, column) in keep.iter().zip(columns) {
            let name = headers[index].clone();
            if let Some(cells) = texts.remove(&index) {
                out.push((name, Column::Text(cells)));
                continue;
            }
            if let Some((line, value)) = column.infinite {
                return Err(data_err(line, format!("column '{name}': '{value}' is not a finite number")));
            }
            out.push((name, Column::Num(column.numbers)));
        }
        frame.columns = out;
        frame.lines = lines;
        frame.keys = Some(keys);
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

    /// A numeric column's values as options (a copy; None missing).
    pub fn numbers(&self, name: &str) -> Option<Vec<Option<f64>>> {
        self.floats(name).map(|v| v.iter().copied().map(value).collect())
    }

    /// A numeric column as stored: NaN where a value is missing.
    pub fn floats(&self, name: &str) -> Option<&[f64]> {
        match self.column(name)? {
            Column::Num(v) => Some(v),
            Column::Text(_) => None,
        }
    }

    pub fn texts(&self, name: &str) -> Option<Vec<Option<String>>> {
        Some(match self.column(name)? {
            Column::Text(v) => v.clone(),
            Column::Num(v) => v.iter().map(|x| value(*x).map(format_number)).collect(),
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
    /// the number of rows written. Blocks of rows are formatted in parallel (turning a hundred
    /// thousand rows of doubles into shortest decimal text is most of a run's time) and written
    /// in order.
    pub fn write_csv(&self, mut out: impl std::io::Write, columns: Option<&[String]>) -> std::io::Result<usize> {
        use rayon::prelude::*;
        const BLOCK: usize = 2048;
        let names: Vec<&String> = match columns {
            Some(c) => c.iter().collect(),
            None => self.columns.iter().map(|(n, _)| n).collect(),
        };
        let cols: Vec<Option<&Column>> = names.iter().map(|n| self.column(n)).collect();
        let mut header = vec![self.unit_column.clone()];
        if let Some(g) = &self.group_column {
            header.push(g.clone());
        }
        if self.level_names.len() > 1 {
            header.push("level".into());
        }
        header.extend(names.iter().map(|n| n.to_string()));
        let mut w = csv::Writer::from_writer(vec![]);
        w.write_record(&header)?;
        out.write_all(&w.into_inner().map_err(|e| e.into_error())?)?;
        let starts: Vec<usize> = (0..self.len()).step_by(BLOCK).collect();
        // a few blocks per thread at a time, so the text in memory stays small
        for batch in starts.chunks(2 * rayon::current_num_threads().max(1)) {
            let texts: Vec<std::io::Result<Vec<u8>>> =
                batch.par_iter().map(|&start| self.csv_rows(start..(start + BLOCK).min(self.len()), &cols)).collect();
            for text in texts {
                out.write_all(&text?)?;
            }
        }
        out.flush()?;
        Ok(self.len())
    }

    fn csv_rows(&self, rows: std::ops::Range<usize>, cols: &[Option<&Column>]) -> std::io::Result<Vec<u8>> {
        let mut out: Vec<u8> = Vec::with_capacity(rows.len() * 16 * (cols.len() + 2));
        let with_level = self.level_names.len() > 1;
        let (mut floats, mut integers) = (zmij::Buffer::new(), itoa::Buffer::new());
        for row in rows {
            text_field(&mut out, &kette_text::spreadsheet_safe(&self.units[row]));
            if self.group_column.is_some() {
                out.push(b',');
                text_field(&mut out, &kette_text::spreadsheet_safe(&self.groups[row]));
            }
            if with_level {
                out.push(b',');
                text_field(&mut out, &self.level_names[self.levels[row]]);
            }
            for col in cols {
                out.push(b',');
                match col {
                    // numbers never need quotes
                    Some(Column::Num(v)) => match value(v[row]) {
                        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => out.extend_from_slice(integers.format(x as i64).as_bytes()),
                        Some(x) => out.extend_from_slice(floats.format_finite(x).as_bytes()),
                        None => {}
                    },
                    Some(Column::Text(v)) => text_field(&mut out, &kette_text::spreadsheet_safe(v[row].as_deref().unwrap_or(""))),
                    None => {}
                }
            }
            out.push(b'\n');
        }
        Ok(out)
    }
}

/// A text cell, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn text_field(out: &mut Vec<u8>, text: &str) {
    if text.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        out.push(b'"');
        for b in text.bytes() {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

fn field(record: &csv::StringRecord, i: usize) -> &str {
    record.get(i).unwrap_or("").trim()
}

/// Shortest text that reads back as the same number, as the CSV output writes it.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        itoa::Buffer::new().format(x as i64).to_string()
    } else if x.is_finite() {
        zmij::Buffer::new().format_finite(x).to_string()
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
