//! The offer table: one row per offer, as partners and coordinators keep it in a spreadsheet.
//! Accepts UTF-8 or Windows-1252, ',' or ';' as delimiter, German or English number format.
//! The columns are documented in `docs/import-offers.md`.

use std::collections::HashMap;

use time::Date;

use kette_domain::vocab::{Access, Cost, FundingKind, OfferStatus, OrganisationKind, PreventionLevel};
use kette_domain::{Funding, ImportBatch, NewLocation, NewOffer, NewOrganisation, OfferInput};

use crate::text::{decode, parse_number, sniff_delimiter};
use crate::{IngestError, IngestErrors};

pub const COLUMNS: &[&str] = &[
    "offer_key",
    "organisation",
    "organisation_key",
    "organisation_kind",
    "title",
    "description",
    "life_phases",
    "domains",
    "target_groups",
    "transitions",
    "languages",
    "min_age_months",
    "max_age_months",
    "prevention_level",
    "cost",
    "access",
    "schedule",
    "capacity",
    "reach_per_year",
    "funding_kind",
    "funding_source",
    "funding_amount_eur",
    "funding_until",
    "status",
    "last_verified_on",
    "contact_email",
    "contact_phone",
    "website",
    "location_name",
    "street",
    "postcode",
    "city",
    "lat",
    "lon",
    "district_key",
    "anchor_point",
    "confidential",
];
pub const REQUIRED: &[&str] = &["organisation", "title", "domains"];

/// Parses an offer table into an import batch. All row problems are collected; vocabulary and
/// business rules are checked later by the store against the municipality's vocabulary.
pub fn parse(source_name: &str, bytes: &[u8]) -> Result<ImportBatch, IngestErrors> {
    let text = decode(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).flexible(false).from_reader(text.as_bytes());
    let headers = crate::table_header(source_name, &mut rdr, COLUMNS, REQUIRED)?;
    let mut errors = vec![];
    let col: HashMap<&str, usize> = headers.iter().enumerate().map(|(i, h)| (h.as_str(), i)).collect();
    let mut batch = ImportBatch::default();
    let mut orgs: HashMap<String, usize> = HashMap::new();
    let mut locs: HashMap<String, usize> = HashMap::new();
    let mut offer_keys: HashMap<String, u64> = HashMap::new();
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
        let at = || Some(format!("line {line}"));
        let get = |name: &str| col.get(name).and_then(|&i| rec.get(i)).map(str::trim).unwrap_or("");
        let mut row_errors = vec![];
        let mut err = |field: &str, msg: String| row_errors.push(IngestError::new(source_name, at(), Some(field), msg));

        let organisation = get("organisation").to_string();
        let title = get("title").to_string();
        if organisation.is_empty() {
            err("organisation", "required, the name of the provider".into());
        }
        if title.is_empty() {
            err("title", "required".into());
        }
        let mut int = |field: &str| -> Option<u32> {
            let raw = get(field);
            if raw.is_empty() {
                return None;
            }
            match parse_number(raw) {
                Some(v) if v >= 0.0 && v.fract() == 0.0 && v <= u32::MAX as f64 => Some(v as u32),
                _ => {
                    err(field, format!("expected a whole number ≥ 0, found '{raw}'"));
                    None
                }
            }
        };
        let min_age = int("min_age_months");
        let max_age = int("max_age_months");
        let capacity = int("capacity");
        let reach = int("reach_per_year");
        let mut num = |field: &str| -> Option<f64> {
            let raw = get(field);
            if raw.is_empty() {
                return None;
            }
            let v = parse_number(raw);
            if v.is_none() {
                err(field, format!("expected a number (1234,5 or 1234.5), found '{raw}'"));
            }
            v
        };
        let amount = num("funding_amount_eur");
        let lat = num("lat");
        let lon = num("lon");
        if lat.is_some_and(|v| !(-90.0..=90.0).contains(&v)) {
            err("lat", "latitude must be between -90 and 90".into());
        }
        if lon.is_some_and(|v| !(-180.0..=180.0).contains(&v)) {
            err("lon", "longitude must be between -180 and 180".into());
        }
        let mut choice = |field: &str, parse: &dyn Fn(&str) -> bool, allowed: String| {
            let raw = get(field);
            if !raw.is_empty() && !parse(raw) {
                err(field, format!("expected one of {allowed}, found '{raw}'"));
            }
        };
        let names = |all: &[&str]| all.join(", ");
        choice(
            "prevention_level",
            &|s| PreventionLevel::parse(s).is_some(),
            names(&PreventionLevel::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>()),
        );
        choice("cost", &|s| Cost::parse(s).is_some(), names(&Cost::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>()));
        choice("access", &|s| Access::parse(s).is_some(), names(&Access::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>()));
        choice("status", &|s| OfferStatus::parse(s).is_some(), names(&OfferStatus::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>()));
        choice(
            "funding_kind",
            &|s| FundingKind::parse(s).is_some(),
            names(&FundingKind::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>()),
        );
        choice(
            "organisation_kind",
            &|s| OrganisationKind::parse(s).is_some(),
            names(&OrganisationKind::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>()),
        );
        choice("anchor_point", &|s| parse_bool(s).is_some(), "ja, nein, true, false, 1, 0".into());
        choice("confidential", &|s| parse_bool(s).is_some(), "ja, nein, true, false, 1, 0".into());
        let mut date = |field: &str| -> Option<Date> {
            let raw = get(field);
            if raw.is_empty() {
                return None;
            }
            let d = parse_date(raw);
            if d.is_none() {
                err(field, format!("expected a date as YYYY-MM-DD or DD.MM.YYYY, found '{raw}'"));
            }
            d
        };
        let funding_until = date("funding_until");
        let verified = date("last_verified_on");
        if !row_errors.is_empty() {
            errors.extend(row_errors);
            continue;
        }

        let org_key = match get("organisation_key") {
            "" => organisation.clone(),
            k => k.to_string(),
        };
        if !orgs.contains_key(&org_key) {
            orgs.insert(org_key.clone(), batch.organisations.len());
            batch.organisations.push(NewOrganisation {
                external_key: org_key.clone(),
                name: organisation.clone(),
                kind: OrganisationKind::parse(get("organisation_kind")).unwrap_or(OrganisationKind::Other),
                website: String::new(),
                email: String::new(),
                phone: String::new(),
            });
        }
        let mut location_keys = vec![];
        let (street, postcode) = (get("street"), get("postcode"));
        if !street.is_empty() || lat.is_some() || !get("district_key").is_empty() {
            let key = format!("{org_key}|{street}|{postcode}|{}", get("location_name"));
            if !locs.contains_key(&key) {
                locs.insert(key.clone(), batch.locations.len());
                batch.locations.push((
                    org_key.clone(),
                    NewLocation {
                        external_key: key.clone(),
                        name: match get("location_name") {
                            "" => organisation.clone(),
                            n => n.to_string(),
                        },
                        street: street.into(),
                        postcode: postcode.into(),
                        city: get("city").into(),
                        lat,
                        lon,
                        district_key: Some(get("district_key")).filter(|k| !k.is_empty()).map(Into::into),
                        is_anchor_point: parse_bool(get("anchor_point")).unwrap_or(false),
                        is_confidential: parse_bool(get("confidential")).unwrap_or(false),
                    },
                ));
            }
            location_keys.push(key);
        }
        let offer_key = match get("offer_key") {
            "" => format!("{org_key}|{title}"),
            k => k.to_string(),
        };
        if let Some(prev) = offer_keys.insert(offer_key.clone(), line) {
            errors.push(IngestError::new(
                source_name,
                at(),
                Some("offer_key"),
                format!("offer '{offer_key}' already given in line {prev}"),
            ));
            continue;
        }
        let input = OfferInput {
            organisation_id: 0,
            title,
            description: get("description").into(),
            life_phases: list(get("life_phases")),
            domains: list(get("domains")),
            target_groups: list(get("target_groups")),
            transitions: list(get("transitions")),
            languages: match list(get("languages")) {
                l if l.is_empty() => vec!["de".into()],
                l => l.into_iter().map(|s| s.to_lowercase()).collect(),
            },
            min_age_months: min_age,
            max_age_months: max_age,
            prevention_level: PreventionLevel::parse(get("prevention_level")).unwrap_or(PreventionLevel::Universal),
            cost: Cost::parse(get("cost")).unwrap_or(Cost::Free),
            access: Access::parse(get("access")).unwrap_or(Access::Open),
            schedule: get("schedule").into(),
            capacity,
            reach_per_year: reach,
            funding: Funding {
                kind: FundingKind::parse(get("funding_kind")),
                source: get("funding_source").into(),
                amount_eur: amount,
                until: funding_until,
            },
            status: OfferStatus::parse(get("status")).unwrap_or(OfferStatus::Active),
            last_verified_on: verified,
            contact_email: get("contact_email").into(),
            contact_phone: get("contact_phone").into(),
            website: get("website").into(),
            location_ids: vec![],
        };
        batch.offers.push(NewOffer {
            external_key: offer_key,
            organisation_key: org_key,
            location_keys,
            input,
            is_fictional: false,
            origin: format!("{source_name} line {line}"),
        });
    }
    if errors.is_empty() {
        Ok(batch)
    } else {
        Err(IngestErrors(errors))
    }
}

/// Cell lists are separated by ',', '|' or ';' (whichever is not the file's delimiter).
fn list(cell: &str) -> Vec<String> {
    cell.split([',', '|', ';']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "0" | "nein" | "false" | "no" | "n" => Some(false),
        "1" | "ja" | "true" | "yes" | "j" | "y" | "x" => Some(true),
        _ => None,
    }
}

pub fn parse_date(s: &str) -> Option<Date> {
    let iso = time::macros::format_description!("[year]-[month]-[day]");
    let german = time::macros::format_description!("[day].[month].[year]");
    Date::parse(s.trim(), iso).or_else(|_| Date::parse(s.trim(), german)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_german_excel_file() {
        let csv: &[u8] = b"organisation;title;domains;life_phases;funding_amount_eur;funding_until;street;postcode;district_key;anchor_point;languages\r\n\
                   Familienzentrum S\xFCd;Eltern-Caf\xE9;youth_welfare|participation;early_childhood;30.000,50;31.12.2027;Hauptstra\xDFe 1;10115;01011101;ja;de, tr\r\n";
        let batch = parse("angebote.csv", csv).unwrap();
        assert_eq!(batch.organisations[0].name, "Familienzentrum Süd");
        let o = &batch.offers[0];
        assert_eq!(o.input.title, "Eltern-Café");
        assert_eq!(o.input.domains, vec!["youth_welfare", "participation"]);
        assert_eq!(o.input.funding.amount_eur, Some(30000.5));
        assert_eq!(o.input.funding.until.unwrap().to_string(), "2027-12-31");
        assert_eq!(o.input.languages, vec!["de", "tr"]);
        assert_eq!(o.origin, "angebote.csv line 2");
        let (org, loc) = &batch.locations[0];
        assert_eq!(org, "Familienzentrum Süd");
        assert_eq!(loc.street, "Hauptstraße 1");
        assert!(loc.is_anchor_point);
        assert_eq!(loc.district_key.as_deref(), Some("01011101"));
    }

    #[test]
    fn wrong_columns_and_bad_numbers_are_named_with_line_and_field() {
        let err = parse("a.csv", b"organisation,titel,domains\nX,Y,health\n").unwrap_err().to_string();
        assert!(err.contains("a.csv line 1, field 'titel': unknown column"), "{err}");
        assert!(err.contains("a.csv line 1, field 'title': required column is missing"), "{err}");
        let err = parse("a.csv", b"organisation,title,domains,capacity,lat\nX,Y,health,zw\xF6lf,52.5\nX,Z,health,3,95\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("a.csv line 2, field 'capacity': expected a whole number ≥ 0, found 'zwölf'"), "{err}");
        assert!(err.contains("a.csv line 3, field 'lat': latitude must be between"), "{err}");
    }

    #[test]
    fn enumerations_dates_and_duplicates_are_checked() {
        let err = parse("a.csv", b"organisation,title,domains,cost,last_verified_on\nX,Y,health,gratis,2024-13-01\nX,Y,health,free,\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("field 'cost': expected one of free, reduced, fee, found 'gratis'"), "{err}");
        assert!(err.contains("field 'last_verified_on': expected a date"), "{err}");
        assert!(!err.contains("already given"), "row 2 had errors and was not registered: {err}");
        let err = parse("a.csv", b"organisation,title,domains\nX,Y,health\nX,Y,health\n").unwrap_err().to_string();
        assert!(err.contains("a.csv line 3, field 'offer_key': offer 'X|Y' already given in line 2"), "{err}");
    }
}
