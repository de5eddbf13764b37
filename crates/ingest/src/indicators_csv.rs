//! Indicator tables as statistical offices and planners keep them: long (one row per district,
//! indicator and year) or wide (one row per district and year, one column per indicator), in
//! UTF-8 or Windows-1252, ',' or ';', decimal point or comma. Headers may be English or German.

use std::collections::HashMap;

use kette_domain::NewObservation;

use crate::text::{decode, parse_number, sniff_delimiter};
use crate::{IngestError, IngestErrors};

const KEY: &[&str] = &[
    "key",
    "district",
    "district_key",
    "id",
    "gebiet",
    "schlüssel",
    "schluessel",
    "raumbezug",
    // the names German statistics offices and planners give their key columns
    "planungsraum",
    "plr",
    "plr_id",
    "lor",
    "sozialraum",
    "bezirksregion",
    "bzr_id",
    "prognoseraum",
    "pgr_id",
    "gebietsschlüssel",
    "gebietsschluessel",
    "regionalschlüssel",
    "regionalschluessel",
    "ags",
    "ars",
    "raumid",
    "raum_id",
];
/// Columns that name the district for people: read past, not taken for indicators.
const NAME: &[&str] = &[
    "name",
    "bezeichnung",
    "gebietsname",
    "gebiet_name",
    "planungsraumname",
    "plr_name",
    "bzr_name",
    "pgr_name",
    "bezirksname",
    "bezirk",
    "label",
    "titel",
    "ortsteil",
];
const YEAR: &[&str] = &["year", "jahr"];
/// Codes and keys are identifiers, not texts; a longer one is a broken file.
const MAX_KEY_CHARS: usize = 64;
const INDICATOR: &[&str] = &["indicator", "indikator"];
const VALUE: &[&str] = &["value", "wert"];
const NUMERATOR: &[&str] = &["numerator", "zähler", "zaehler"];
const DENOMINATOR: &[&str] = &["denominator", "nenner"];
const SOURCE: &[&str] = &["source", "quelle"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Long,
    Wide,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Year for tables without a year column.
    pub year: Option<i32>,
    /// Source for rows without a source column (default: the file name).
    pub source: Option<String>,
    /// For GENESIS flat files: the regional classification, if not a usual one (KREISE, GEMEIN, …).
    pub region_variable: Option<String>,
}

fn is_missing(cell: &str) -> bool {
    matches!(cell, "" | "-" | "." | "x" | "/" | "NA")
}

/// A table as read: its layout, the values, and the columns read past because they hold
/// names or other text (a wide table's "Bezeichnung").
#[derive(Debug, Clone)]
pub struct Table {
    pub layout: Layout,
    pub rows: Vec<NewObservation>,
    pub skipped_columns: Vec<String>,
}

/// Parses the table and reports every problem with line and column.
pub fn parse(source_name: &str, bytes: &[u8], options: &Options) -> Result<(Layout, Vec<NewObservation>), IngestErrors> {
    parse_table(source_name, bytes, options).map(|t| (t.layout, t.rows))
}

/// Like [`parse`], also naming the text columns it read past.
pub fn parse_table(source_name: &str, bytes: &[u8], options: &Options) -> Result<Table, IngestErrors> {
    let text = decode(bytes);
    if crate::genesis::is_genesis(text.lines().next().unwrap_or("")) {
        return crate::genesis::parse(source_name, bytes, options.region_variable.as_deref()).map(|rows| Table {
            layout: Layout::Long,
            rows,
            skipped_columns: vec![],
        });
    }
    let delimiter = sniff_delimiter(&text);
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).flexible(false).from_reader(text.as_bytes());
    let header_err = |field: Option<&str>, msg: String| IngestError::new(source_name, Some("line 1".into()), field, msg).on_line(1);
    let headers: Vec<String> =
        rdr.headers().map_err(|e| header_err(None, format!("cannot read the header: {e}")))?.iter().map(|h| h.trim().to_string()).collect();
    let find = |names: &[&str]| headers.iter().position(|h| names.contains(&h.to_lowercase().as_str()));
    let key = find(KEY).ok_or_else(|| {
        header_err(None, format!("no district key column; expected one of: {}", KEY.join(", "))).coded(
            "ingest-no-key-column",
            &[
                ("expected", KEY.join(", ")),
                ("found", headers.iter().take(20).map(|h| crate::text::excerpt(h).into_owned()).collect::<Vec<_>>().join(", ")),
            ],
        )
    })?;
    let year_col = find(YEAR);
    if year_col.is_none() && options.year.is_none() {
        return Err(header_err(None, "no year column (year/Jahr); give the year with --year".into())
            .coded("ingest-no-year-column", &[])
            .into());
    }
    let layout =
        if find(INDICATOR).is_some() && (find(VALUE).is_some() || find(NUMERATOR).is_some()) { Layout::Long } else { Layout::Wide };
    let (indicator_col, value_col, num_col, den_col, source_col) =
        (find(INDICATOR), find(VALUE), find(NUMERATOR), find(DENOMINATOR), find(SOURCE));
    let fixed: Vec<usize> = [Some(key), year_col, indicator_col, value_col, num_col, den_col, source_col].into_iter().flatten().collect();
    // read the records first: a wide table's text columns are known only after every row
    let mut records = vec![];
    let mut errors = vec![];
    for rec in rdr.records() {
        match rec {
            Ok(r) => records.push(r),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(IngestError::at_line(
                    source_name,
                    line,
                    None,
                    format!("unreadable row: {e}"),
                    "ingest-unreadable-row",
                    &[("detail", e.to_string())],
                ));
            }
        }
    }
    let mut skipped_columns = vec![];
    let wide_columns: Vec<usize> = if layout == Layout::Wide {
        let candidates: Vec<usize> = (0..headers.len()).filter(|i| !fixed.contains(i) && !headers[*i].is_empty()).collect();
        let named = |i: usize| NAME.contains(&headers[i].to_lowercase().as_str());
        // text in every filled cell: names or notes, not values
        let text = |i: usize| {
            let mut filled = records.iter().map(|r| r.get(i).unwrap_or("").trim()).filter(|c| !is_missing(c)).peekable();
            filled.peek().is_some() && filled.all(|c| parse_number(c).is_none())
        };
        // a text column is read past only beside columns with numbers: when no column has a
        // number, the cells are wrong values and are reported as such
        let any_numbers = candidates.iter().any(|&i| !named(i) && !text(i));
        candidates
            .into_iter()
            .filter(|&i| {
                let skip = named(i) || (any_numbers && text(i));
                if skip {
                    skipped_columns.push(headers[i].clone());
                }
                !skip
            })
            .collect()
    } else {
        vec![]
    };
    if layout == Layout::Wide && wide_columns.is_empty() {
        return Err(header_err(
            None,
            "no indicator columns: a wide table has one column per indicator code, a long one the columns indicator and value".into(),
        )
        .coded("ingest-no-indicator-columns", &[])
        .into());
    }
    let default_source = options.source.clone().unwrap_or_else(|| source_name.to_string());
    let mut out = vec![];
    let mut seen: HashMap<(String, String, i32), u64> = HashMap::new();
    for rec in &records {
        let line = rec.position().map_or(0, |p| p.line());
        let cell = |i: usize| rec.get(i).unwrap_or("").trim();
        let district = cell(key).to_string();
        if district.is_empty() {
            errors.push(IngestError::at_line(source_name, line, Some(&headers[key]), "missing district key", "ingest-missing-key", &[]));
            continue;
        }
        if district.chars().count() > MAX_KEY_CHARS {
            errors.push(IngestError::at_line(
                source_name,
                line,
                Some(&headers[key]),
                format!("a district key has at most {MAX_KEY_CHARS} characters, found '{}'", crate::text::excerpt(&district)),
                "ingest-key-too-long",
                &[("max", MAX_KEY_CHARS.to_string()), ("found", crate::text::excerpt(&district).to_string())],
            ));
            continue;
        }
        let year = match year_col {
            Some(y) => match cell(y).parse::<i32>() {
                Ok(v) if (1900..=2200).contains(&v) => v,
                _ => {
                    errors.push(IngestError::at_line(
                        source_name,
                        line,
                        Some(&headers[y]),
                        format!("expected a year, found '{}'", cell(y)),
                        "ingest-expected-year",
                        &[("found", crate::text::excerpt(cell(y)).to_string())],
                    ));
                    continue;
                }
            },
            None => options.year.unwrap_or_default(),
        };
        let source = source_col.map(|s| cell(s).to_string()).filter(|s| !s.is_empty()).unwrap_or_else(|| default_source.clone());
        let mut number = |col: usize| -> Result<Option<f64>, ()> {
            let raw = cell(col);
            if is_missing(raw) {
                return Ok(None);
            }
            parse_number(raw).map(Some).ok_or_else(|| {
                errors.push(IngestError::at_line(
                    source_name,
                    line,
                    Some(&headers[col]),
                    format!("expected a number (12,5 or 12.5), found '{raw}'"),
                    "ingest-expected-number",
                    &[("found", crate::text::excerpt(raw).to_string())],
                ));
            })
        };
        let mut entries: Vec<(String, Option<f64>, Option<f64>, Option<f64>, usize)> = vec![];
        match layout {
            Layout::Long => {
                let code = cell(indicator_col.expect("long layout")).to_string();
                let (Ok(value), Ok(num), Ok(den)) = (
                    value_col.map(&mut number).unwrap_or(Ok(None)),
                    num_col.map(&mut number).unwrap_or(Ok(None)),
                    den_col.map(&mut number).unwrap_or(Ok(None)),
                ) else {
                    continue;
                };
                entries.push((code, value, num, den, indicator_col.unwrap_or(key)));
            }
            Layout::Wide => {
                for &c in &wide_columns {
                    if let Ok(v) = number(c) {
                        if v.is_some() {
                            entries.push((headers[c].clone(), v, None, None, c));
                        }
                    }
                }
            }
        }
        for (code, value, numerator, denominator, col) in entries {
            if code.is_empty() {
                errors.push(IngestError::at_line(
                    source_name,
                    line,
                    Some(&headers[col]),
                    "missing indicator code",
                    "ingest-missing-code",
                    &[],
                ));
                continue;
            }
            if code.chars().count() > MAX_KEY_CHARS {
                errors.push(IngestError::at_line(
                    source_name,
                    line,
                    Some(&headers[col]),
                    format!("an indicator code has at most {MAX_KEY_CHARS} characters, found '{}'", crate::text::excerpt(&code)),
                    "ingest-code-too-long",
                    &[("max", MAX_KEY_CHARS.to_string()), ("found", crate::text::excerpt(&code).to_string())],
                ));
                continue;
            }
            if let Some(d) = denominator {
                if d <= 0.0 {
                    errors.push(IngestError::at_line(
                        source_name,
                        line,
                        Some(&headers[den_col.unwrap_or(col)]),
                        "the denominator must be greater than 0",
                        "ingest-denominator",
                        &[],
                    ));
                    continue;
                }
                if numerator.is_some_and(|n| n < 0.0 || n > d) {
                    errors.push(IngestError::at_line(
                        source_name,
                        line,
                        Some(&headers[num_col.unwrap_or(col)]),
                        "the numerator must be between 0 and the denominator",
                        "ingest-numerator",
                        &[],
                    ));
                    continue;
                }
            }
            // a rate in percent when only numerator and denominator are given
            let value = value.or_else(|| Some(100.0 * numerator? / denominator?));
            if let Some(prev) = seen.insert((district.clone(), code.clone(), year), line) {
                errors.push(IngestError::at_line(
                    source_name,
                    line,
                    Some(&headers[col]),
                    format!("{code} for {district} in {year} is already in line {prev}"),
                    "ingest-duplicate",
                    &[("code", code.clone()), ("key", district.clone()), ("year", year.to_string()), ("previous", prev.to_string())],
                ));
                continue;
            }
            out.push(NewObservation {
                indicator_code: code,
                district_key: district.clone(),
                year,
                value,
                numerator,
                denominator,
                source: source.clone(),
            });
        }
    }
    if errors.is_empty() {
        Ok(Table { layout, rows: out, skipped_columns })
    } else {
        Err(IngestErrors(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_long_german_table_with_numerator_and_denominator() {
        let csv = "Gebiet;Indikator;Jahr;Wert;Zähler;Nenner\n01011101;kinderarmut;2023;;12;48\n01011102;kinderarmut;2023;30,5;;\n";
        let (layout, obs) = parse("sgb2.csv", csv.as_bytes(), &Options::default()).unwrap();
        assert_eq!(layout, Layout::Long);
        assert_eq!(obs.len(), 2);
        assert_eq!(obs[0].value, Some(25.0), "computed as percent");
        assert_eq!(obs[0].denominator, Some(48.0));
        assert_eq!(obs[1].value, Some(30.5));
        assert_eq!(obs[1].source, "sgb2.csv");
    }

    #[test]
    fn reads_a_wide_table_with_the_year_given_outside() {
        let csv = "key,s1,s4,name_ignored\n0101,3.5,12.0,-\n0102,-,8.25,-\n";
        let (layout, obs) =
            parse("w.csv", csv.as_bytes(), &Options { year: Some(2020), source: Some("MSS".into()), region_variable: None }).unwrap();
        assert_eq!(layout, Layout::Wide);
        assert_eq!(
            obs.iter().map(|o| (o.district_key.as_str(), o.indicator_code.as_str())).collect::<Vec<_>>(),
            vec![("0101", "s1"), ("0101", "s4"), ("0102", "s4")]
        );
        assert!(obs.iter().all(|o| o.year == 2020 && o.source == "MSS"));
    }

    #[test]
    fn problems_are_named_by_line_and_column() {
        let err = parse("x.csv", b"key,s1\n0101,1\n", &Options::default()).unwrap_err().to_string();
        assert!(err.contains("x.csv line 1: no year column"), "{err}");
        let csv = "key;year;s1;s2\n0101;2020;1,5;zwei\n0101;2020;2;3\n;2020;1;1\n0103;20x;1;1\n";
        let err = parse("x.csv", csv.as_bytes(), &Options::default()).unwrap_err().to_string();
        assert!(err.contains("x.csv line 2, field 's2': expected a number (12,5 or 12.5), found 'zwei'"), "{err}");
        assert!(err.contains("x.csv line 3, field 's1': s1 for 0101 in 2020 is already in line 2"), "{err}");
        assert!(err.contains("x.csv line 4, field 'key': missing district key"), "{err}");
        assert!(err.contains("x.csv line 5, field 'year': expected a year, found '20x'"), "{err}");
        let err = parse("x.csv", b"key,indicator,year,numerator,denominator\n1,a,2020,5,0\n2,a,2020,7,3\n", &Options::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2, field 'denominator': the denominator must be greater than 0"), "{err}");
        assert!(err.contains("line 3, field 'numerator': the numerator must be between 0 and the denominator"), "{err}");
    }

    #[test]
    fn huge_cells_are_refused_and_quoted_as_excerpts() {
        let huge = "Z".repeat(19 << 20);
        let csv = format!("key,indicator,year,value\n0101,{huge},2020,1\n{huge},a,2020,1\n0102,a,2020,{huge}\n");
        let err = parse("x.csv", csv.as_bytes(), &Options::default()).unwrap_err().to_string();
        assert!(err.len() < 1000, "{} bytes: {}", err.len(), &err[..500]);
        assert!(err.contains("line 2, field 'indicator': an indicator code has at most 64 characters, found 'ZZZZ"), "{err}");
        assert!(err.contains("line 3, field 'key': a district key has at most 64 characters"), "{err}");
        assert!(err.contains("line 4, field 'value': expected a number (12,5 or 12.5), found 'ZZZZ"), "{err}");
    }
}
