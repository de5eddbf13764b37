//! Reading HSDS 3.0 services (JSON: one service, an array, an API page with `contents`, or
//! NDJSON) into an import batch. Every broken rule is reported with the record's JSON path;
//! the caller decides between all-or-nothing and taking the valid records.

use serde_json::Value;

use kette_domain::vocab::{Access, Cost, FundingKind, OfferStatus, OrganisationKind, PreventionLevel, Vocabulary};
use kette_domain::{ContactPerson, ImportBatch, NewLocation, NewOffer, NewOrganisation, OfferInput, TermKind};

use crate::{is_uuid, profile, status_from_hsds, years_to_months};

/// A rule a record breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordError {
    /// Position of the service in the file (0-based).
    pub record: usize,
    /// JSON path of the offending value, e.g. `$[3].service_at_locations[0].location.latitude`.
    pub path: String,
    pub rule: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", kette_text::bounded_message(&self.path), kette_text::bounded_message(&self.rule))
    }
}

/// What to assume where a foreign directory has no kette taxonomy.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Domains for services without a `handlungsfeld` attribute.
    pub default_domains: Vec<String>,
}

/// The services read, as a batch, with the position of each offer's record.
#[derive(Debug, Default)]
pub struct Parsed {
    pub batch: ImportBatch,
    /// For each offer of the batch, the record it came from.
    pub records: Vec<usize>,
    pub errors: Vec<RecordError>,
    pub total: usize,
    /// HSDS fields with a value that kette has no place for, by path pattern
    /// (`service.alternate_name`, `location.transportation`), with how many records had one.
    pub not_kept: std::collections::BTreeMap<String, usize>,
}

/// Fields kette reads (or derives and writes back, like `last_modified`), per record kind.
const KEPT: &[(&str, &[&str])] = &[
    (
        "service",
        &[
            "id",
            "organization_id",
            "name",
            "description",
            "url",
            "email",
            "status",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "last_modified",
            "organization",
            "service_at_locations",
            "phones",
            "schedules",
            "languages",
            "attributes",
            "funding",
            "cost_options",
            "contacts",
            // kette writes these from access and cost, and reads access and cost from its taxonomy
            "application_process",
            "fees_description",
        ],
    ),
    ("location", &["id", "organization_id", "name", "latitude", "longitude", "addresses", "attributes", "location_type"]),
    ("organization", &["id", "name", "description", "email", "website", "phones", "contacts", "attributes", "locations"]),
];

fn note_not_kept(kind: &str, record: &Value, out: &mut std::collections::BTreeMap<String, usize>) {
    let Some(obj) = record.as_object() else { return };
    let kept = KEPT.iter().find(|(k, _)| *k == kind).map(|(_, f)| *f).unwrap_or_default();
    for (key, value) in obj {
        let empty = match value {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            _ => false,
        };
        if !empty && !kept.contains(&key.as_str()) {
            *out.entry(format!("{kind}.{key}")).or_default() += 1;
        }
    }
}

/// A file that is not HSDS at all (a broken rule inside a record is a `RecordError` instead).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HsdsError {
    #[error("{file}: expected an HSDS service, an array of services or a page with \"contents\"")]
    NotServices { file: String },
    #[error("{file}: not JSON: {detail}")]
    NotJson { file: String, detail: String },
    #[error("{file} line {line}: not JSON: {detail}")]
    NotJsonLine { file: String, line: usize, detail: String },
}

/// The services of a file with the path prefix of each (`$[i]`, `$.contents[i]`, `line n`).
pub fn records(name: &str, text: &str) -> Result<Vec<(String, Value)>, HsdsError> {
    let text = text.trim_start_matches('\u{feff}');
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => Ok(items.into_iter().enumerate().map(|(i, v)| (format!("$[{i}]"), v)).collect()),
        Ok(Value::Object(map)) if map.get("contents").is_some_and(Value::is_array) => {
            let Some(Value::Array(items)) = map.get("contents").cloned() else { return Ok(vec![]) };
            Ok(items.into_iter().enumerate().map(|(i, v)| (format!("$.contents[{i}]"), v)).collect())
        }
        Ok(v @ Value::Object(_)) => Ok(vec![("$".into(), v)]),
        Ok(_) => Err(HsdsError::NotServices { file: name.to_string() }),
        Err(whole) => {
            // NDJSON: one service per line
            let mut out = vec![];
            for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                match serde_json::from_str::<Value>(line) {
                    Ok(v) => out.push((format!("line {}: $", n + 1), v)),
                    Err(_) if out.is_empty() && n == 0 => {
                        return Err(HsdsError::NotJson { file: name.to_string(), detail: whole.to_string() })
                    }
                    Err(e) => return Err(HsdsError::NotJsonLine { file: name.to_string(), line: n + 1, detail: e.to_string() }),
                }
            }
            Ok(out)
        }
    }
}

fn str_at<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

struct Check<'a> {
    record: usize,
    errors: &'a mut Vec<RecordError>,
}

impl Check<'_> {
    fn fail(&mut self, path: String, rule: impl Into<String>) {
        self.errors.push(RecordError { record: self.record, path, rule: rule.into() });
    }

    fn uuid(&mut self, v: &Value, path: &str) -> Option<String> {
        match v.get("id") {
            Some(Value::String(s)) if is_uuid(s) => Some(s.to_ascii_lowercase()),
            Some(other) => {
                self.fail(format!("{path}.id"), format!("must be a UUID, found {other}"));
                None
            }
            None => {
                self.fail(format!("{path}.id"), "required");
                None
            }
        }
    }

    fn required_text(&mut self, v: &Value, key: &str, path: &str) -> String {
        match v.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(Value::String(_)) | None => {
                self.fail(format!("{path}.{key}"), "required, must not be empty");
                String::new()
            }
            Some(other) => {
                self.fail(format!("{path}.{key}"), format!("must be a string, found {other}"));
                String::new()
            }
        }
    }

    fn number(&mut self, v: &Value, key: &str, path: &str, range: std::ops::RangeInclusive<f64>) -> Option<f64> {
        match v.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => match n.as_f64() {
                Some(x) if range.contains(&x) => Some(x),
                _ => {
                    self.fail(format!("{path}.{key}"), format!("must lie between {} and {}, found {n}", range.start(), range.end()));
                    None
                }
            },
            Some(other) => {
                self.fail(format!("{path}.{key}"), format!("must be a number, found {other}"));
                None
            }
        }
    }
}

/// The kette codes of a service's attributes, by taxonomy code.
fn attribute_codes(service: &Value) -> Vec<(String, String, Option<String>)> {
    let taxonomies = profile::taxonomies();
    let mut out = vec![];
    for a in service.get("attributes").and_then(Value::as_array).into_iter().flatten() {
        let Some(term) = a.get("taxonomy_term") else { continue };
        let taxonomy = str_at(term, "taxonomy");
        // our profile names its taxonomy by code; foreign files may only give the uri/detail
        if let Some(t) = taxonomies.iter().find(|t| t.code == taxonomy || t.name == taxonomy) {
            out.push((t.code.to_string(), str_at(term, "code").to_string(), a.get("value").and_then(Value::as_str).map(str::to_string)));
        }
    }
    out
}

/// Reads the services of `text` into a batch; `errors` lists every rule broken, and records
/// with errors are left out of the batch.
pub fn parse(name: &str, text: &str, vocab: &Vocabulary, options: &ImportOptions) -> Result<Parsed, HsdsError> {
    let text = text.trim_start_matches('\u{feff}');
    // NDJSON is read a line at a time so that a state-sized file never sits in memory as one
    // tree of values
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let ndjson = text.trim_end().contains('\n') && serde_json::from_str::<Value>(first_line).is_ok_and(|v| v.is_object());
    let items: Box<dyn Iterator<Item = Result<(String, Value), HsdsError>> + '_> = if ndjson {
        Box::new(text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(move |(n, line)| {
            serde_json::from_str::<Value>(line).map(|v| (format!("line {}: $", n + 1), v)).map_err(|e| HsdsError::NotJsonLine {
                file: name.to_string(),
                line: n + 1,
                detail: e.to_string(),
            })
        }))
    } else {
        Box::new(records(name, text)?.into_iter().map(Ok))
    };
    parse_records(name, items, vocab, options)
}

/// Reads services already split into records, each with the path prefix its errors carry (the
/// tabular form gives `services.csv line 2`).
pub fn parse_records(
    name: &str,
    items: impl Iterator<Item = Result<(String, Value), HsdsError>>,
    vocab: &Vocabulary,
    options: &ImportOptions,
) -> Result<Parsed, HsdsError> {
    let mut parsed = Parsed::default();
    let mut seen_orgs = std::collections::HashSet::new();
    let mut seen_locs = std::collections::HashSet::new();
    for (record, item) in items.enumerate() {
        let (path, service) = item?;
        parsed.total += 1;
        let before = parsed.errors.len();
        let mut c = Check { record, errors: &mut parsed.errors };
        if !service.is_object() {
            c.fail(path.clone(), "must be an object (an HSDS service)");
            continue;
        }
        note_not_kept("service", &service, &mut parsed.not_kept);
        if let Some(org) = service.get("organization") {
            note_not_kept("organization", org, &mut parsed.not_kept);
        }
        for sal in service.get("service_at_locations").and_then(Value::as_array).into_iter().flatten() {
            if let Some(l) = sal.get("location") {
                note_not_kept("location", l, &mut parsed.not_kept);
            }
        }
        let id = c.uuid(&service, &path);
        let title = c.required_text(&service, "name", &path);
        let status = match service.get("status").and_then(Value::as_str) {
            Some(s) => status_from_hsds(s).unwrap_or_else(|| {
                c.fail(format!("{path}.status"), format!("must be active, inactive, defunct or temporarily closed, found \"{s}\""));
                OfferStatus::Draft
            }),
            None => {
                c.fail(format!("{path}.status"), "required");
                OfferStatus::Draft
            }
        };
        let org = match service.get("organization") {
            Some(o) if o.is_object() => Some(o.clone()),
            _ => {
                c.fail(
                    format!("{path}.organization"),
                    "required: kette keeps every offer with its organisation (use the full service form)",
                );
                None
            }
        };
        let org_path = format!("{path}.organization");
        let org_id = org.as_ref().and_then(|o| c.uuid(o, &org_path));
        let org_name = org.as_ref().map(|o| c.required_text(o, "name", &org_path)).unwrap_or_default();
        let min_years = c.number(&service, "minimum_age", &path, 0.0..=120.0);
        let max_years = c.number(&service, "maximum_age", &path, 0.0..=120.0);

        let mut input = OfferInput::blank(0);
        input.title = title.clone();
        input.description = str_at(&service, "description").trim().to_string();
        input.website = str_at(&service, "url").trim().to_string();
        input.contact_email = str_at(&service, "email").trim().to_string();
        input.contact_phone = service.get("phones").and_then(|p| p.get(0)).map(|p| str_at(p, "number").to_string()).unwrap_or_default();
        input.status = status;
        input.min_age_months = min_years.map(years_to_months);
        // "up to 100 years" and the like mean no upper bound for a chain that ends at 27
        input.max_age_months = max_years.map(years_to_months).filter(|m| *m <= 27 * 12);
        input.last_verified_on = service.get("assured_date").and_then(Value::as_str).and_then(|d| {
            let parsed = time::Date::parse(d.get(..10).unwrap_or(d), &time::macros::format_description!("[year]-[month]-[day]")).ok();
            if parsed.is_none() {
                c.fail(format!("{path}.assured_date"), format!("must be a date YYYY-MM-DD, found \"{d}\""));
            }
            parsed
        });
        input.schedule = service
            .get("schedules")
            .and_then(Value::as_array)
            .map(|s| s.iter().map(|x| str_at(x, "description").trim()).filter(|d| !d.is_empty()).collect::<Vec<_>>().join("; "))
            .unwrap_or_default();
        let langs: Vec<String> = service
            .get("languages")
            .and_then(Value::as_array)
            .map(|l| l.iter().map(|x| str_at(x, "code").trim().to_ascii_lowercase()).filter(|c| !c.is_empty()).collect())
            .unwrap_or_default();
        // ISO 639-1 is what kette speaks; HSDS examples also use 639-2 ("eng")
        input.languages = langs.iter().map(|l| iso639_1(l).to_string()).collect();
        input.languages.dedup();
        if input.languages.is_empty() {
            input.languages = vec!["de".into()];
        }
        let mut cost = None;
        let mut access = None;
        let mut translations = vec![];
        for (taxonomy, code, value) in attribute_codes(&service) {
            let push = |kind: TermKind, list: &mut Vec<String>| {
                if vocab.contains(kind, &code) {
                    list.push(code.clone());
                }
            };
            match taxonomy.as_str() {
                "lebensphase" => push(TermKind::LifePhase, &mut input.life_phases),
                "handlungsfeld" => push(TermKind::Domain, &mut input.domains),
                "zielgruppe" => push(TermKind::TargetGroup, &mut input.target_groups),
                "uebergang" => push(TermKind::Transition, &mut input.transitions),
                "praeventionsebene" => input.prevention_level = PreventionLevel::parse(&code).unwrap_or(input.prevention_level),
                "zugang" => access = Access::parse(&code),
                "kosten" => cost = Cost::parse(&code),
                "finanzierung" => input.funding.kind = FundingKind::parse(&code),
                "alter" => {
                    let months = value.as_deref().and_then(|v| v.parse::<u32>().ok());
                    match code.as_str() {
                        "min_age_months" => input.min_age_months = months.or(input.min_age_months),
                        "max_age_months" => input.max_age_months = months.or(input.max_age_months),
                        _ => {}
                    }
                }
                "uebersetzung" => {
                    if let Some(v) = value.as_deref().and_then(|v| serde_json::from_str::<Value>(v).ok()) {
                        translations.push((code.clone(), str_at(&v, "title").to_string(), str_at(&v, "description").to_string()));
                    }
                }
                "intern" => {
                    let v = value.unwrap_or_default();
                    match code.as_str() {
                        "funding_amount_eur" => input.funding.amount_eur = v.parse().ok(),
                        "funding_until" => {
                            input.funding.until = time::Date::parse(&v, &time::macros::format_description!("[year]-[month]-[day]")).ok()
                        }
                        "capacity" => input.capacity = v.parse().ok(),
                        "reach_per_year" => input.reach_per_year = v.parse().ok(),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        if let Some(f) = service.get("funding").and_then(|f| f.get(0)) {
            input.funding.source = str_at(f, "source").to_string();
        }
        input.cost = cost
            .or_else(|| service.get("cost_options").and_then(|o| o.get(0)).and_then(|o| Cost::parse(str_at(o, "option"))))
            .or_else(|| {
                let paid = service
                    .get("cost_options")
                    .and_then(Value::as_array)
                    .is_some_and(|o| o.iter().any(|x| x.get("amount").and_then(Value::as_f64).is_some_and(|a| a > 0.0)));
                paid.then_some(Cost::Fee)
            })
            .unwrap_or(Cost::Free);
        input.access = access.unwrap_or(Access::Registration);
        if input.life_phases.is_empty() {
            // a foreign directory without our taxonomy: the phases its ages span
            let (min, max) = (input.min_age_months.unwrap_or(0), input.max_age_months.unwrap_or(u32::MAX));
            input.life_phases = vocab
                .of(TermKind::LifePhase)
                .filter(|t| t.min_age_months.unwrap_or(0) < max && t.max_age_months.unwrap_or(u32::MAX) > min)
                .map(|t| t.code.clone())
                .collect();
        }
        if input.domains.is_empty() {
            input.domains = options.default_domains.iter().filter(|d| vocab.contains(TermKind::Domain, d)).cloned().collect();
            if input.domains.is_empty() {
                c.fail(
                    format!("{path}.attributes"),
                    "no domain: add an attribute of taxonomy \"handlungsfeld\", or name a default domain for the import",
                );
            }
        }
        if let Err(errors) = kette_domain::validate::validate_offer(&input, vocab) {
            for e in errors.0 {
                c.fail(format!("{path} ({})", e.field), e.detail);
            }
        }

        // places
        let mut location_keys = vec![];
        let mut locations = vec![];
        for (j, sal) in service.get("service_at_locations").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let lpath = format!("{path}.service_at_locations[{j}].location");
            let Some(l) = sal.get("location") else {
                c.fail(lpath, "required: the place of the service");
                continue;
            };
            let Some(location) = location_from(&mut c, l, &lpath) else { continue };
            location_keys.push(location.external_key.clone());
            locations.push(location);
        }
        if parsed.errors.len() > before {
            continue;
        }
        let (Some(id), Some(org), Some(org_id)) = (id, org, org_id) else { continue };
        if seen_orgs.insert(org_id.clone()) {
            push_organisation(&mut parsed.batch, &org_id, org_name, &org);
        }
        for l in locations {
            if seen_locs.insert(l.external_key.clone()) {
                parsed.batch.locations.push((org_id.clone(), l));
            }
        }
        for (language, t, d) in translations {
            parsed.batch.translations.push((id.clone(), language, t, d));
        }
        parsed.batch.offers.push(NewOffer {
            external_key: id,
            organisation_key: org_id,
            location_keys,
            input,
            is_fictional: false,
            origin: format!("{name} {path}"),
        });
        parsed.records.push(record);
    }
    Ok(parsed)
}

/// The taxonomy terms of a record's attributes that belong to one of kette's taxonomies.
fn terms_of<'a>(record: &'a Value, taxonomy: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    record
        .get("attributes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|a| a.get("taxonomy_term"))
        .filter(move |t| str_at(t, "taxonomy") == taxonomy)
}

/// An organisation of the JSON form into the batch, with its description and contact persons.
fn push_organisation(batch: &mut ImportBatch, org_id: &str, name: String, org: &Value) {
    let kind =
        terms_of(org, "traegerart").next().and_then(|t| OrganisationKind::parse(str_at(t, "code"))).unwrap_or(OrganisationKind::Other);
    batch.organisations.push(NewOrganisation {
        external_key: org_id.to_string(),
        name,
        kind,
        website: str_at(org, "website").trim().to_string(),
        email: str_at(org, "email").trim().to_string(),
        phone: org.get("phones").and_then(|p| p.get(0)).map(|p| str_at(p, "number").to_string()).unwrap_or_default(),
    });
    let contacts = org
        .get("contacts")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|c| ContactPerson {
            name: str_at(c, "name").to_string(),
            role: str_at(c, "title").to_string(),
            email: str_at(c, "email").to_string(),
            phone: c.get("phones").and_then(|p| p.get(0)).map(|p| str_at(p, "number").to_string()).unwrap_or_default(),
        })
        .collect();
    batch.organisation_details.push((org_id.to_string(), str_at(org, "description").to_string(), contacts));
}

/// A location of the JSON form (a service's place or an organisation's), checked.
fn location_from(c: &mut Check<'_>, l: &Value, lpath: &str) -> Option<NewLocation> {
    let lid = c.uuid(l, lpath)?;
    let lat = c.number(l, "latitude", lpath, -90.0..=90.0);
    let lon = c.number(l, "longitude", lpath, -180.0..=180.0);
    let address = l.get("addresses").and_then(|a| a.get(0)).cloned().unwrap_or(Value::Null);
    let flags: Vec<String> = terms_of(l, "ort").map(|t| str_at(t, "code").to_string()).collect();
    let name =
        [str_at(l, "name"), str_at(&address, "address_1")].into_iter().find(|s| !s.trim().is_empty()).unwrap_or("").trim().to_string();
    Some(NewLocation {
        external_key: lid,
        name,
        street: str_at(&address, "address_1").trim().to_string(),
        postcode: str_at(&address, "postal_code").trim().to_string(),
        city: str_at(&address, "city").trim().to_string(),
        lat,
        lon,
        district_key: None,
        is_anchor_point: flags.iter().any(|f| f == "anchor_point"),
        is_confidential: flags.iter().any(|f| f == "confidential"),
    })
}

/// Adds organisations that no service of the import refers to (the tabular form holds them:
/// a partner whose offers are all ended is still a partner), with their locations. Records are
/// counted after the services; a broken one is reported like a broken service.
pub fn parse_organizations(items: impl Iterator<Item = (String, Value)>, parsed: &mut Parsed) {
    let mut known_orgs: std::collections::HashSet<String> = parsed.batch.organisations.iter().map(|o| o.external_key.clone()).collect();
    let mut known_locs: std::collections::HashSet<String> = parsed.batch.locations.iter().map(|(_, l)| l.external_key.clone()).collect();
    for (path, org) in items {
        let record = parsed.total;
        parsed.total += 1;
        note_not_kept("organization", &org, &mut parsed.not_kept);
        let before = parsed.errors.len();
        let mut c = Check { record, errors: &mut parsed.errors };
        let org_id = c.uuid(&org, &path);
        let name = c.required_text(&org, "name", &path);
        let mut locations = vec![];
        for (j, l) in org.get("locations").and_then(Value::as_array).into_iter().flatten().enumerate() {
            note_not_kept("location", l, &mut parsed.not_kept);
            let mut c = Check { record, errors: &mut parsed.errors };
            if let Some(location) = location_from(&mut c, l, &format!("{path}.locations[{j}]")) {
                locations.push(location);
            }
        }
        let Some(org_id) = org_id.filter(|_| parsed.errors.len() == before) else { continue };
        if known_orgs.insert(org_id.clone()) {
            push_organisation(&mut parsed.batch, &org_id, name, &org);
        }
        for l in locations {
            if known_locs.insert(l.external_key.clone()) {
                parsed.batch.locations.push((org_id.clone(), l));
            }
        }
    }
}

/// ISO 639-1 for the three-letter codes HSDS files often carry.
fn iso639_1(code: &str) -> &str {
    match code {
        "deu" | "ger" => "de",
        "eng" => "en",
        "tur" => "tr",
        "ara" => "ar",
        "ukr" => "uk",
        "rus" => "ru",
        "pol" => "pl",
        "fra" | "fre" => "fr",
        "spa" => "es",
        "ita" => "it",
        "urd" => "ur",
        "fas" | "per" => "fa",
        other => other,
    }
}
