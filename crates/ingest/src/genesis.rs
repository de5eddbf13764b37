//! The flat-file CSV ("ffcsv") of the statistical offices' GENESIS databases (GENESIS-Online,
//! Regionaldatenbank, Landesdatenbanken) in its 2024 form: semicolons, decimal comma, UTF-8,
//! one value per row with the columns `time`, `value`, `value_unit`, `value_variable_code`,
//! and per classification `N_variable_code`, `N_variable_attribute_code`. The regional
//! classification (Kreise, Gemeinden, …) gives the district key; every other classification
//! (age group, sex, …) becomes part of the indicator code.

use std::collections::HashMap;

use kette_domain::NewObservation;

use crate::text::{decode, parse_number};
use crate::{IngestError, IngestErrors};

/// GENESIS classification codes of regional levels.
const REGIONAL: &[&str] = &["DLAND", "REGBEZ", "KREISE", "GEMEIN", "GEMV", "GEMVB", "GEM", "VERBAND", "KREIS", "STADTT", "BEZIRK"];

/// Is this header the 2024 GENESIS flat file?
pub fn is_genesis(header_line: &str) -> bool {
    let h = header_line.to_lowercase();
    h.contains("value_variable_code") && h.contains("time")
}

fn code_part(s: &str) -> String {
    s.trim().to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
}

/// Reads a GENESIS flat file. `region_variable` names the regional classification when it is
/// not one of the usual codes.
pub fn parse(source_name: &str, bytes: &[u8], region_variable: Option<&str>) -> Result<Vec<NewObservation>, IngestErrors> {
    let text = decode(bytes);
    // German downloads (*_de_flat.csv) write 1.234,5; English ones 1,234.5
    let german = !source_name.to_lowercase().contains("_en");
    let mut rdr = csv::ReaderBuilder::new().delimiter(b';').flexible(false).from_reader(text.as_bytes());
    let header_err = |msg: String| IngestError::new(source_name, Some("line 1".into()), None, msg);
    let headers: Vec<String> = rdr.headers().map_err(|e| header_err(e.to_string()))?.iter().map(|h| h.trim().to_string()).collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(time), Some(value), Some(variable)) = (col("time"), col("value"), col("value_variable_code")) else {
        if headers.iter().any(|h| h == "Zeit") {
            return Err(header_err(
                "this is the older GENESIS flat format; download the table again as \"Flatfile CSV\" in the current (2024) form".into(),
            )
            .into());
        }
        return Err(header_err("not a GENESIS flat file: the columns time, value and value_variable_code are required".into()).into());
    };
    let statistic = col("statistics_code");
    let classifications: Vec<(usize, usize)> =
        (1..=9).filter_map(|k| Some((col(&format!("{k}_variable_code"))?, col(&format!("{k}_variable_attribute_code"))?))).collect();
    let mut out = vec![];
    let mut errors = vec![];
    let mut seen: HashMap<(String, String, i32), u64> = HashMap::new();
    let mut region: Option<usize> = None;
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(IngestError::new(
                    source_name,
                    Some(format!("line {}", e.position().map_or(0, |p| p.line()))),
                    None,
                    e.to_string(),
                ));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        let at = || Some(format!("line {line}"));
        let cell = |i: usize| rec.get(i).unwrap_or("").trim();
        let region_idx = match region {
            Some(r) => r,
            None => {
                let found = classifications.iter().position(|(c, _)| {
                    let code = cell(*c);
                    region_variable.map_or(REGIONAL.contains(&code), |r| r.eq_ignore_ascii_case(code))
                });
                match found {
                    Some(r) => {
                        region = Some(r);
                        r
                    }
                    None => {
                        return Err(IngestError::new(
                            source_name,
                            at(),
                            None,
                            format!(
                                "no regional classification among {}; name it with --region-variable",
                                classifications.iter().map(|(c, _)| cell(*c)).collect::<Vec<_>>().join(", ")
                            ),
                        )
                        .into())
                    }
                }
            }
        };
        let key = cell(classifications[region_idx].1).to_string();
        let year = cell(time).rsplit(['.', '-', ' ']).find_map(|p| p.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y)));
        let Some(year) = year else {
            errors.push(IngestError::new(source_name, at(), Some("time"), format!("expected a year, found '{}'", cell(time))));
            continue;
        };
        let mut code = code_part(cell(variable));
        for (i, (_, attr)) in classifications.iter().enumerate() {
            if i != region_idx && !cell(*attr).is_empty() {
                code.push_str("__");
                code.push_str(&code_part(cell(*attr)));
            }
        }
        let raw = cell(value);
        let value = if matches!(raw, "" | "-" | "x" | "." | "/" | "...") {
            None
        } else {
            let normalised = if german { raw.replace('.', "").replace(',', ".") } else { raw.replace(',', "") };
            match parse_number(&normalised) {
                Some(v) => Some(v),
                None => {
                    errors.push(IngestError::new(source_name, at(), Some("value"), format!("expected a number, found '{raw}'")));
                    continue;
                }
            }
        };
        if let Some(prev) = seen.insert((key.clone(), code.clone(), year), line) {
            errors.push(IngestError::new(source_name, at(), None, format!("{code} for {key} in {year} is already in line {prev}")));
            continue;
        }
        let source = match statistic {
            Some(s) if !cell(s).is_empty() => format!("GENESIS {}", cell(s)),
            _ => source_name.to_string(),
        };
        out.push(NewObservation { indicator_code: code, district_key: key, year, value, numerator: None, denominator: None, source });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(IngestErrors(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label;value_q";

    #[test]
    fn reads_regional_values_with_further_classifications() {
        let csv = format!(
            "{HEADER}\n12411;Bevölkerung;STAG;Stichtag;31.12.2023;KREISE;Kreise;05158;Mettmann, Kreis;ALTX20;Altersgruppen;ALT000B03;unter 3 Jahre;13.579;Anzahl;BEVSTD;Bevölkerungsstand;e\n\
             12411;Bevölkerung;STAG;Stichtag;31.12.2023;KREISE;Kreise;05158;Mettmann, Kreis;ALTX20;Altersgruppen;ALT003B06;3 bis unter 6 Jahre;.;Anzahl;BEVSTD;Bevölkerungsstand;e\n"
        );
        let obs = parse("12411-02-03-4.csv", csv.as_bytes(), None).unwrap();
        assert_eq!(obs.len(), 2);
        assert_eq!(obs[0].district_key, "05158");
        assert_eq!(obs[0].indicator_code, "bevstd__alt000b03");
        assert_eq!(obs[0].year, 2023);
        assert_eq!(obs[0].value, Some(13579.0), "German thousands separator");
        assert_eq!(obs[1].value, None, "'.' means secret or unknown");
        assert_eq!(obs[0].source, "GENESIS 12411");
    }

    #[test]
    fn names_the_problem_for_old_files_missing_regions_and_bad_values() {
        let e = parse("alt.csv", b"Zeit;1_Merkmal_Code;1_Auspraegung_Code;BEV001__Bevoelkerung__Anzahl\n2023;KREISE;05158;1\n", None)
            .unwrap_err();
        assert!(e.to_string().contains("older GENESIS flat format"), "{e}");
        let csv = format!("{HEADER}\n12411;B;STAG;S;2023;ALTX20;A;ALT000B03;u3;GES;G;GESM;m;12;Anzahl;BEVSTD;B;e\n");
        let e = parse("x.csv", csv.as_bytes(), None).unwrap_err();
        assert!(e.to_string().contains("no regional classification among ALTX20, GES"), "{e}");
        let ok = parse("x.csv", csv.as_bytes(), Some("altx20")).unwrap();
        assert_eq!(ok[0].district_key, "ALT000B03");
        let csv = format!("{HEADER}\n12411;B;STAG;S;2023;KREISE;K;05158;M;;;;;zwölf;Anzahl;BEVSTD;B;e\n");
        let e = parse("x.csv", csv.as_bytes(), None).unwrap_err();
        assert!(e.to_string().contains("x.csv line 2, field 'value': expected a number, found 'zwölf'"), "{e}");
        assert!(is_genesis(HEADER) && !is_genesis("key;year;s1"));
    }
}
