//! The agreement table (issue 16): one row per agreement and duty, as a coordination keeps its
//! cooperation agreements in a spreadsheet. Rows with the same `agreement_key` are one
//! agreement; each may add a duty. Organisations are named by their key or their exact name and
//! are resolved against the municipality later (`kette_app::imports`), with this row's line.
//! UTF-8 or Windows-1252, ',' or ';'. Columns: `docs/import-agreements.md`.

use std::collections::HashMap;

use time::Date;

use crate::text::{decode, sniff_delimiter};
use crate::{IngestError, IngestErrors};

pub const COLUMNS: &[&str] = &[
    "agreement_key",
    "title",
    "kind",
    "organisations",
    "since",
    "until",
    "contacts",
    "document_url",
    "duty_organisation",
    "duty_task",
    "duty_life_phase",
    "duty_transition",
    "duty_district",
];
pub const REQUIRED: &[&str] = &["agreement_key", "title", "kind", "organisations"];

/// An organisation as the file names it, with where.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationRef {
    pub line: u64,
    pub field: &'static str,
    /// A key or an exact name.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DutyRow {
    pub line: u64,
    pub organisation: OrganisationRef,
    pub task: String,
    pub life_phase: Option<String>,
    pub transition: Option<String>,
    /// The key of the district the duty is for.
    pub district: Option<String>,
}

/// One agreement as read, its organisations not yet resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementRow {
    /// The line it starts on.
    pub line: u64,
    pub key: String,
    pub title: String,
    pub kind: String,
    pub organisations: Vec<OrganisationRef>,
    pub since: Option<Date>,
    pub until: Option<Date>,
    pub contacts: String,
    pub document_url: String,
    pub duties: Vec<DutyRow>,
}

fn date(raw: &str) -> Option<Result<Date, ()>> {
    if raw.is_empty() {
        return None;
    }
    let iso = time::macros::format_description!("[year]-[month]-[day]");
    let german = time::macros::format_description!("[day].[month].[year]");
    Some(Date::parse(raw, iso).or_else(|_| Date::parse(raw, german)).map_err(|_| ()))
}

/// Reads the whole table; every problem is collected with its line and column.
pub fn parse(source_name: &str, bytes: &[u8]) -> Result<Vec<AgreementRow>, IngestErrors> {
    let text = decode(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).flexible(false).from_reader(text.as_bytes());
    let headers = crate::table_header(source_name, &mut rdr, COLUMNS, REQUIRED)?;
    let mut errors = vec![];
    let col: HashMap<&str, usize> = headers.iter().enumerate().map(|(i, h)| (h.as_str(), i)).collect();
    let mut rows: Vec<AgreementRow> = vec![];
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                errors.push(IngestError::new(source_name, Some(format!("line {line}")), None, format!("unreadable row: {e}")));
                continue;
            }
        };
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let get = |name: &str| col.get(name).and_then(|&i| rec.get(i)).map(str::trim).unwrap_or("");
        let mut err = |field: &str, msg: String| errors.push(IngestError::new(source_name, Some(format!("line {line}")), Some(field), msg));
        let key = get("agreement_key").to_string();
        if key.is_empty() {
            err("agreement_key", "required: the same key on every row of one agreement".into());
            continue;
        }
        let mut dated = |field: &str| match date(get(field)) {
            None => None,
            Some(Ok(d)) => Some(d),
            Some(Err(())) => {
                err(field, format!("expected a date (2026-03-01 or 01.03.2026), found '{}'", get(field)));
                None
            }
        };
        let (since, until) = (dated("since"), dated("until"));
        let organisations: Vec<OrganisationRef> = get("organisations")
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|name| OrganisationRef { line, field: "organisations", name: name.to_string() })
            .collect();
        let duty_task = get("duty_task");
        let duty_org = get("duty_organisation");
        let duty = match (duty_org.is_empty(), duty_task.is_empty()) {
            (true, true) => None,
            (false, false) => Some(DutyRow {
                line,
                organisation: OrganisationRef { line, field: "duty_organisation", name: duty_org.to_string() },
                task: duty_task.to_string(),
                life_phase: Some(get("duty_life_phase").to_string()).filter(|s| !s.is_empty()),
                transition: Some(get("duty_transition").to_string()).filter(|s| !s.is_empty()),
                district: Some(get("duty_district").to_string()).filter(|s| !s.is_empty()),
            }),
            (true, false) => {
                err("duty_organisation", "a duty names the party that does it".into());
                None
            }
            (false, true) => {
                err("duty_task", "a duty says what is done".into());
                None
            }
        };
        match by_key.get(&key) {
            Some(&i) => {
                // a further row of the same agreement: only a duty, the rest must agree
                let first = &rows[i];
                for (field, value, was) in [("title", get("title"), first.title.as_str()), ("kind", get("kind"), first.kind.as_str())] {
                    if !value.is_empty() && value != was {
                        err(field, format!("differs from line {} of agreement '{key}' ('{was}')", first.line));
                    }
                }
                rows[i].duties.extend(duty);
            }
            None => {
                if get("title").is_empty() {
                    err("title", "required".into());
                }
                if get("kind").is_empty() {
                    err("kind", "required: a code of the agreement kinds (cooperation_agreement, referral_route …)".into());
                }
                by_key.insert(key.clone(), rows.len());
                rows.push(AgreementRow {
                    line,
                    key,
                    title: get("title").to_string(),
                    kind: get("kind").to_string(),
                    organisations,
                    since,
                    until,
                    contacts: get("contacts").replace(" | ", "\n"),
                    document_url: get("document_url").to_string(),
                    duties: duty.into_iter().collect(),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(IngestErrors(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_one_agreement_add_its_duties_and_problems_name_their_line() {
        let csv = "agreement_key;title;kind;organisations;since;until;duty_organisation;duty_task;duty_life_phase\n\
                   a1;Übergang Kita–Schule;cooperation_agreement;kita-1 | Grundschule am Park;01.08.2025;;kita-1;Elternabend;kita\n\
                   a1;;;;;;Grundschule am Park;Schnuppertag;primary\n\
                   a2;Lesen;referral_route;bib|fz;2026-13-01;;;;\n";
        let e = parse("v.csv", csv.as_bytes()).unwrap_err();
        assert_eq!(e.0.len(), 1, "{e:?}");
        assert_eq!((e.0[0].location.as_deref(), e.0[0].field.as_deref()), (Some("line 4"), Some("since")));
        let ok = csv.replace("2026-13-01", "2026-01-13");
        let rows = parse("v.csv", ok.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].organisations.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(), ["kita-1", "Grundschule am Park"]);
        assert_eq!(rows[0].duties.len(), 2);
        assert_eq!(rows[0].duties[1].line, 3);
        assert_eq!(rows[0].since, Some(time::macros::date!(2025 - 08 - 01)));
    }

    #[test]
    fn a_second_row_may_not_change_the_agreement_and_columns_are_checked() {
        let csv = "agreement_key,title,kind,organisations\na1,Eins,joint_offer,x|y\na1,Zwei,joint_offer,\n";
        let e = parse("v.csv", csv.as_bytes()).unwrap_err();
        assert!(e.0[0].message.contains("differs from line 2"), "{e:?}");
        let e = parse("v.csv", b"agreement_key,title,partner\n").unwrap_err();
        assert!(e.0.iter().any(|x| x.field.as_deref() == Some("partner")) && e.0.iter().any(|x| x.field.as_deref() == Some("kind")));
    }
}
