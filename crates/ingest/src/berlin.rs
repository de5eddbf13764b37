//! Loaders for the Berlin open data of the demo (see `data/berlin/SOURCE.md`): the old LOR
//! hierarchy (12 Bezirke → 60 Prognoseräume → 138 Bezirksregionen → 448 Planungsräume), the
//! population register by age group, the MSS indicators, and facilities mapped to offers by the
//! rules written out below.

use std::collections::HashMap;

use kette_domain::vocab::{Access, Cost, FundingKind, OrganisationKind, PreventionLevel};
use kette_domain::{
    AgeGroup, Direction, DistrictLevel, Funding, ImportBatch, IndicatorDef, NewDistrict, NewLocation, NewObservation, NewOffer,
    NewOrganisation, OfferInput, PopulationCount,
};

use crate::geo_assign::DistrictIndex;
use crate::geojson_districts::{self, DistrictFileSpec};
use crate::{IngestError, IngestErrors};

pub const BOUNDARY_VERSION: &str = "lor-2006";
/// Snapshot date of the facility lists; the demo treats it as the last verification.
pub const FACILITIES_VERIFIED: &str = "2025-09-01";

pub fn levels() -> Vec<DistrictLevel> {
    let l = |level, code: &str, de: &str, en: &str| DistrictLevel { level, code: code.into(), label_de: de.into(), label_en: en.into() };
    vec![
        l(1, "bezirk", "Bezirk", "Borough"),
        l(2, "prognoseraum", "Prognoseraum", "Forecast area"),
        l(3, "bezirksregion", "Bezirksregion", "District region"),
        l(4, "planungsraum", "Planungsraum", "Planning area"),
    ]
}

/// The old LOR hierarchy from its four GeoJSON files, parents before children. Fixes the known
/// defect of the planning-area file: feature 124 carries id 06010102 but lies in
/// Charlottenburg-Wilmersdorf and is really 04030417.
pub fn districts(
    bezirke: &str,
    prognoseraeume: &str,
    bezirksregionen: &str,
    planungsraeume: &str,
) -> Result<Vec<NewDistrict>, IngestErrors> {
    let spec =
        |level, parent_key_len| DistrictFileSpec { level, parent_key_len, boundary_version: BOUNDARY_VERSION.into(), ..Default::default() };
    let mut out = geojson_districts::parse("berlin-lor-districts.geojson", bezirke, &spec(1, None))?;
    out.extend(geojson_districts::parse("berlin-lor-forecast-areas-until-2020.geojson", prognoseraeume, &spec(2, Some(2)))?);
    out.extend(geojson_districts::parse("berlin-lor-district-regions-until-2020.geojson", bezirksregionen, &spec(3, Some(4)))?);
    let plr = fix_planning_area_ids(planungsraeume)?;
    out.extend(geojson_districts::parse("berlin-lor-planning-areas-until-2020.geojson", &plr, &spec(4, Some(6)))?);
    Ok(out)
}

fn fix_planning_area_ids(text: &str) -> Result<String, IngestErrors> {
    const NAME: &str = "berlin-lor-planning-areas-until-2020.geojson";
    let mut v: serde_json::Value =
        serde_json::from_str(text).map_err(|e| IngestError::new(NAME, None, None, format!("not valid JSON: {e}")))?;
    if let Some(f) = v.pointer_mut("/features/123/properties") {
        let is_defect = f.get("id").and_then(|i| i.as_str()) == Some("06010102")
            && f.get("bounding_box").and_then(|b| b.get(0)).and_then(|x| x.as_f64()).is_some_and(|x| (x - 13.2848).abs() < 0.001);
        if is_defect {
            f["id"] = serde_json::Value::String("04030417".into());
        }
    }
    Ok(v.to_string())
}

fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes())
}

fn header_index(name: &str, headers: &csv::StringRecord, col: &str) -> Result<usize, IngestError> {
    headers.iter().position(|h| h == col).ok_or_else(|| IngestError::new(name, Some("line 1".into()), Some(col), "column missing"))
}

/// Population by age group from a `berlin-lor-population-YYYY-02-t2-planning-areas.csv` file.
pub fn population(name: &str, year: i32, text: &str) -> Result<Vec<PopulationCount>, IngestErrors> {
    const GROUPS: [(&str, u32, Option<u32>); 8] = [
        ("inhabitants_age_below_6", 0, Some(6)),
        ("inhabitants_age_6_15", 6, Some(15)),
        ("inhabitants_age_15_18", 15, Some(18)),
        ("inhabitants_age_18_27", 18, Some(27)),
        ("inhabitants_age_27_45", 27, Some(45)),
        ("inhabitants_age_45_55", 45, Some(55)),
        ("inhabitants_age_55_65", 55, Some(65)),
        ("inhabitants_age_above_65", 65, None),
    ];
    let mut rdr = csv_reader(text);
    let headers = rdr.headers().map_err(|e| IngestError::new(name, None, None, e.to_string()))?.clone();
    let id = header_index(name, &headers, "id")?;
    let cols = GROUPS.iter().map(|(c, _, _)| header_index(name, &headers, c)).collect::<Result<Vec<_>, _>>()?;
    let mut out = vec![];
    let mut errors = vec![];
    for rec in rdr.records() {
        let rec = rec.map_err(|e| IngestError::new(name, None, None, e.to_string()))?;
        let line = rec.position().map_or(0, |p| p.line());
        let key = rec.get(id).unwrap_or("").to_string();
        for ((col, min, max), &i) in GROUPS.iter().zip(&cols) {
            match rec.get(i).unwrap_or("").trim().parse::<f64>() {
                Ok(v) if v >= 0.0 => out.push(PopulationCount {
                    district_key: key.clone(),
                    year,
                    age_group: AgeGroup { min_years: *min, max_years: *max },
                    count: v as i64,
                }),
                _ => errors.push(IngestError::new(name, Some(format!("line {line}")), Some(col), "expected a count")),
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(IngestErrors(errors))
    }
}

/// The MSS indicators kette keeps (index and correctly labelled context indicators).
pub fn mss_indicator_defs() -> Vec<IndicatorDef> {
    let mut defs = mss_indicator_list();
    for d in &mut defs {
        let (num, den) = match d.code.as_str() {
            "mss_s1" => ("Arbeitslose nach SGB II und III", "Einwohner von 15 bis unter 65 Jahren"),
            "mss_s2" => ("Langzeitarbeitslose", "Einwohner von 15 bis unter 65 Jahren"),
            "mss_s3" => ("Empfänger von Transferleistungen nach SGB II und XII", "Einwohner"),
            "mss_s4" => ("Kinder unter 15 Jahren in Bedarfsgemeinschaften nach SGB II", "Einwohner unter 15 Jahren"),
            _ => continue,
        };
        d.meta.numerator = num.into();
        d.meta.denominator = den.into();
    }
    defs
}

fn mss_indicator_list() -> Vec<IndicatorDef> {
    let src = "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin: Monitoring Soziale Stadtentwicklung (MSS)";
    let d = |code: &str, de: &str, en: &str, desc: &str, dir: Direction, unit: &str| IndicatorDef {
        code: code.into(),
        name_de: de.into(),
        name_en: en.into(),
        description: desc.into(),
        unit: unit.into(),
        direction: dir,
        source: src.into(),
        licence: "CC BY 3.0 DE".into(),
        min_denominator: None,
        meta: kette_domain::IndicatorMeta { spatial_level: "Planungsraum (LOR bis 2020)".into(), ..Default::default() },
    };
    use Direction::*;
    vec![
        d(
            "mss_s1",
            "S1 Arbeitslosigkeit",
            "S1 Unemployment",
            "Anteil Arbeitslose (SGB II und III) an den Einwohnern von 15 bis unter 65 Jahren",
            HigherIsWorse,
            "%",
        ),
        d(
            "mss_s2",
            "S2 Langzeitarbeitslosigkeit",
            "S2 Long-term unemployment",
            "Anteil Langzeitarbeitslose; bis MSS 2017",
            HigherIsWorse,
            "%",
        ),
        d(
            "mss_s3",
            "S3 Transferbezug",
            "S3 Transfer payments",
            "Anteil Empfänger von Transferleistungen (SGB II und XII) an den Einwohnern",
            HigherIsWorse,
            "%",
        ),
        d(
            "mss_s4",
            "S4 Kinderarmut",
            "S4 Child poverty",
            "Anteil der Kinder unter 15 Jahren in Bedarfsgemeinschaften nach SGB II",
            HigherIsWorse,
            "%",
        ),
        d(
            "mss_d1",
            "D1 Veränderung Arbeitslosigkeit",
            "D1 Change in unemployment",
            "Veränderung von S1 über zwei Jahre in Prozentpunkten",
            HigherIsWorse,
            "pp",
        ),
        d(
            "mss_d2",
            "D2 Veränderung Langzeitarbeitslosigkeit",
            "D2 Change in long-term unemployment",
            "Veränderung von S2 über zwei Jahre in Prozentpunkten; bis MSS 2017",
            HigherIsWorse,
            "pp",
        ),
        d(
            "mss_d3",
            "D3 Veränderung Transferbezug",
            "D3 Change in transfer payments",
            "Veränderung von S3 über zwei Jahre in Prozentpunkten",
            HigherIsWorse,
            "pp",
        ),
        d(
            "mss_d4",
            "D4 Veränderung Kinderarmut",
            "D4 Change in child poverty",
            "Veränderung von S4 über zwei Jahre in Prozentpunkten",
            HigherIsWorse,
            "pp",
        ),
        d("mss_k01", "K01 Jugendarbeitslosigkeit", "K01 Youth unemployment", "Anteil Arbeitslose unter 25 Jahren", HigherIsWorse, "%"),
        d(
            "mss_k02",
            "K02 Alleinerziehende Haushalte",
            "K02 Single-parent households",
            "Anteil Alleinerziehender an den Haushalten mit Kindern",
            HigherIsWorse,
            "%",
        ),
        d("mss_k03", "K03 Altersarmut", "K03 Old-age poverty", "Anteil Empfänger von Grundsicherung im Alter", HigherIsWorse, "%"),
        d(
            "mss_k04",
            "K04 Kinder mit Migrationshintergrund",
            "K04 Children with migration background",
            "Anteil unter 18-Jähriger mit Migrationshintergrund",
            Neutral,
            "%",
        ),
        d(
            "mss_k05",
            "K05 Einwohner mit Migrationshintergrund",
            "K05 Residents with migration background",
            "Anteil der Einwohner mit Migrationshintergrund",
            Neutral,
            "%",
        ),
        d(
            "mss_status_class",
            "MSS Statusindex (Klasse)",
            "MSS status index (class)",
            "1 = hoch, 2 = mittel, 3 = niedrig, 4 = sehr niedrig",
            HigherIsWorse,
            "Klasse",
        ),
    ]
}

/// Observations from one MSS planning-area file. The report of year Y describes 31.12.(Y−1),
/// which is the year stored. '-' means not published.
pub fn mss_observations(name: &str, edition: i32, text: &str) -> Result<Vec<NewObservation>, IngestErrors> {
    const COLS: [(&str, &str); 14] = [
        ("mss_s1", "s1_percentage_unemployed"),
        ("mss_s2", "s2_percentage_long_term_unemployed"),
        ("mss_s3", "s3_percentage_transfer_payments_recipients"),
        ("mss_s4", "s4_percentage_transfer_payments_recipients_below_15_years"),
        ("mss_d1", "d1_percentage_unemployed"),
        ("mss_d2", "d2_percentage_long_term_unemployed"),
        ("mss_d3", "d3_percentage_transfer_payments_recipients"),
        ("mss_d4", "d4_percentage_transfer_payments_recipients_below_15_years"),
        ("mss_k01", "k01_youth_unemployment"),
        ("mss_k02", "k02_single_parent_households"),
        ("mss_k03", "k03_old_age_poverty"),
        ("mss_k04", "k04_children_with_migration_background"),
        ("mss_k05", "k05_inhabitants_with_migration_background"),
        ("mss_status_class", "status_index"),
    ];
    let mut rdr = csv_reader(text);
    let headers = rdr.headers().map_err(|e| IngestError::new(name, None, None, e.to_string()))?.clone();
    let id = header_index(name, &headers, "id")?;
    let cols: Vec<(&str, usize)> =
        COLS.iter().filter_map(|(code, col)| headers.iter().position(|h| h == *col).map(|i| (*code, i))).collect();
    let mut out = vec![];
    let mut errors = vec![];
    for rec in rdr.records() {
        let rec = rec.map_err(|e| IngestError::new(name, None, None, e.to_string()))?;
        let line = rec.position().map_or(0, |p| p.line());
        let key = rec.get(id).unwrap_or("").trim();
        if key.len() != 8 || !key.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        for (code, i) in &cols {
            let raw = rec.get(*i).unwrap_or("").trim();
            if raw.is_empty() || raw == "-" {
                continue;
            }
            match raw.parse::<f64>() {
                Ok(v) if v.is_finite() => out.push(NewObservation {
                    indicator_code: (*code).into(),
                    district_key: key.into(),
                    year: edition - 1,
                    value: Some(v),
                    numerator: None,
                    denominator: None,
                    source: format!("MSS {edition}"),
                }),
                _ => errors.push(IngestError::new(
                    name,
                    Some(format!("line {line}")),
                    Some(headers.get(*i).unwrap_or("")),
                    format!("expected a number, found '{raw}'"),
                )),
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(IngestErrors(errors))
    }
}

/// What the facility rules skipped, so the demo can say so.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Skipped {
    pub outside_area: usize,
    pub unnamed: usize,
    pub not_an_offer: usize,
}

struct Rule {
    title: String,
    description: String,
    phases: &'static [&'static str],
    domains: &'static [&'static str],
    targets: &'static [&'static str],
    transitions: &'static [&'static str],
    access: Access,
    anchor: bool,
    org_kind: OrganisationKind,
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn verified() -> Option<time::Date> {
    crate::offers_csv::parse_date(FACILITIES_VERIFIED)
}

/// Maps the facility lists to organisations, locations and offers. Locations are assigned to
/// planning areas by point-in-polygon; points outside every polygon are skipped.
pub struct Facilities<'a> {
    pub index: &'a DistrictIndex,
    pub batch: ImportBatch,
    pub skipped: Skipped,
    orgs: HashMap<String, ()>,
}

impl<'a> Facilities<'a> {
    pub fn new(index: &'a DistrictIndex) -> Self {
        Facilities { index, batch: ImportBatch::default(), skipped: Skipped::default(), orgs: HashMap::new() }
    }

    fn add_org(&mut self, key: &str, name: &str, kind: OrganisationKind, phone: &str) {
        if self.orgs.insert(key.to_string(), ()).is_none() {
            self.batch.organisations.push(NewOrganisation {
                external_key: key.into(),
                name: name.into(),
                kind,
                website: String::new(),
                email: String::new(),
                phone: phone.into(),
            });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        origin: String,
        key: &str,
        org_key: &str,
        name: &str,
        street: &str,
        postcode: &str,
        lat: f64,
        lon: f64,
        rule: Rule,
        capacity: Option<u32>,
        phone: &str,
    ) -> bool {
        let Some(district) = self.index.locate(lon, lat).map(str::to_string) else {
            self.skipped.outside_area += 1;
            return false;
        };
        let loc_key = format!("loc-{key}");
        self.batch.locations.push((
            org_key.into(),
            NewLocation {
                external_key: loc_key.clone(),
                name: name.into(),
                street: street.into(),
                postcode: postcode.trim_end_matches(".0").into(),
                city: "Berlin".into(),
                lat: Some(lat),
                lon: Some(lon),
                district_key: Some(district),
                is_anchor_point: rule.anchor,
                is_confidential: false,
            },
        ));
        let mut input = OfferInput::blank(0);
        input.title = rule.title;
        input.description = rule.description;
        input.life_phases = strs(rule.phases);
        input.domains = strs(rule.domains);
        input.target_groups = strs(rule.targets);
        input.transitions = strs(rule.transitions);
        input.access = rule.access;
        input.cost = Cost::Free;
        input.prevention_level = PreventionLevel::Universal;
        input.capacity = capacity;
        input.last_verified_on = verified();
        input.contact_phone = phone.into();
        self.batch.offers.push(NewOffer {
            external_key: key.into(),
            organisation_key: org_key.into(),
            location_keys: vec![loc_key],
            input,
            is_fictional: false,
            origin,
        });
        true
    }

    /// The official Kita list: provider → organisation, Kita → location and offer, places → capacity.
    pub fn kitas(&mut self, name: &str, text: &str) -> Result<(), IngestErrors> {
        let mut rdr = csv_reader(text);
        let h = rdr.headers().map_err(|e| IngestError::new(name, None, None, e.to_string()))?.clone();
        let col = |c| header_index(name, &h, c);
        let (id, nm, phone, places, typ, sid, sname, street, zip, lat, lon) = (
            col("id")?,
            col("name")?,
            col("phone_number")?,
            col("places")?,
            col("type")?,
            col("sponsor_id")?,
            col("sponsor_name")?,
            col("street")?,
            col("zip_code")?,
            col("lat")?,
            col("lon")?,
        );
        for rec in rdr.records() {
            let rec = rec.map_err(|e| IngestError::new(name, None, None, e.to_string()))?;
            let line = rec.position().map_or(0, |p| p.line());
            let g = |i: usize| rec.get(i).unwrap_or("").trim();
            let (Ok(la), Ok(lo)) = (g(lat).parse::<f64>(), g(lon).parse::<f64>()) else {
                return Err(IngestError::new(name, Some(format!("line {line}")), Some("lat"), "expected coordinates").into());
            };
            let sponsor = g(sname);
            let org_key = format!("kita-traeger-{}", g(sid));
            self.add_org(&org_key, sponsor, sponsor_kind(sponsor), "");
            let kind = g(typ);
            let mut targets: &'static [&'static str] = &["all_families", "children"];
            let mut description = format!("Kindertagesstätte mit {} genehmigten Plätzen. Träger: {sponsor}.", g(places));
            if kind == "Heilpädagogische Gruppe" {
                targets = &["all_families", "children", "special_needs"];
                description.push_str(" Mit heilpädagogischer Gruppe.");
            } else if kind == "Sprachförderung" {
                description.push_str(" Schwerpunkt Sprachförderung.");
            }
            description.push_str(" Die Betreuung in Berliner Kitas ist beitragsfrei; Anmeldung mit Kita-Gutschein.");
            let rule = Rule {
                title: g(nm).to_string(),
                description,
                phases: &["early_childhood", "kita"],
                domains: &["education", "youth_welfare"],
                targets,
                transitions: &["family_to_daycare", "kita_to_primary"],
                access: Access::Registration,
                anchor: true,
                org_kind: OrganisationKind::Kita,
            };
            let capacity = g(places).parse::<f64>().ok().map(|p| p as u32);
            if self.add(
                format!("{name} line {line}"),
                &format!("kita-{}", g(id)),
                &org_key,
                g(nm),
                g(street),
                g(zip),
                la,
                lo,
                rule,
                capacity,
                g(phone),
            ) {
                if let Some(last) = self.batch.offers.last_mut() {
                    last.input.funding = Funding {
                        kind: Some(FundingKind::Regular),
                        source: "Land Berlin (Kita-Gutschein)".into(),
                        amount_eur: None,
                        until: None,
                    };
                }
            }
        }
        Ok(())
    }

    /// OpenStreetMap points (community centres, libraries, doctors, schools), one category per file.
    pub fn osm(&mut self, name: &str, category: OsmCategory, text: &str) -> Result<(), IngestErrors> {
        let mut rdr = csv_reader(text);
        let h = rdr.headers().map_err(|e| IngestError::new(name, None, None, e.to_string()))?.clone();
        let col = |c| header_index(name, &h, c);
        let (id, nm, street, zip, lat, lon) = (col("id")?, col("name")?, col("street")?, col("zip_code")?, col("lat")?, col("lon")?);
        for rec in rdr.records() {
            let rec = rec.map_err(|e| IngestError::new(name, None, None, e.to_string()))?;
            let line = rec.position().map_or(0, |p| p.line());
            let g = |i: usize| rec.get(i).unwrap_or("").trim();
            let title = g(nm);
            if title.is_empty() {
                self.skipped.unnamed += 1;
                continue;
            }
            let (Ok(la), Ok(lo)) = (g(lat).parse::<f64>(), g(lon).parse::<f64>()) else {
                return Err(IngestError::new(name, Some(format!("line {line}")), Some("lat"), "expected coordinates").into());
            };
            let Some(rule) = osm_rule(category, title) else {
                self.skipped.not_an_offer += 1;
                continue;
            };
            if self.index.locate(lo, la).is_none() {
                self.skipped.outside_area += 1;
                continue;
            }
            let org_key = format!("osm-{}", g(id));
            self.add_org(&org_key, title, rule.org_kind, "");
            self.add(format!("{name} line {line}"), &org_key, &org_key, title, g(street), g(zip), la, lo, rule, None, "");
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OsmCategory {
    CommunityCentre,
    Library,
    Doctor,
    School,
}

fn sponsor_kind(name: &str) -> OrganisationKind {
    let n = name.to_lowercase();
    if n.contains("eigenbetrieb") {
        OrganisationKind::PublicOffice
    } else if ["awo", "arbeiterwohlfahrt", "drk", "caritas", "diakon", "volkssolidarität", "paritätisch", "johanniter", "malteser"]
        .iter()
        .any(|k| n.contains(k))
    {
        OrganisationKind::WelfareAssociation
    } else if ["kirche", "gemeinde", "erzbistum", "evangel", "kathol"].iter().any(|k| n.contains(k)) {
        OrganisationKind::Church
    } else {
        OrganisationKind::Kita
    }
}

/// The mapping rules from a facility's category and name to the chain. Deliberately simple and
/// visible: a coordinator would refine the imported offers afterwards.
fn osm_rule(category: OsmCategory, name: &str) -> Option<Rule> {
    let n = name.to_lowercase();
    let has = |keys: &[&str]| keys.iter().any(|k| n.contains(k));
    let org_kind_by_name = |default| {
        if has(&["awo", "caritas", "diakon", "drk", "parität", "volkssolidarität", "johanniter"]) {
            OrganisationKind::WelfareAssociation
        } else if has(&["kirche", "pfarrei", "gemeinde"]) {
            OrganisationKind::Church
        } else {
            default
        }
    };
    let rule = |title: &str, description: &str, phases, domains, targets, transitions, access, anchor, org_kind| Rule {
        title: title.into(),
        description: description.into(),
        phases,
        domains,
        targets,
        transitions,
        access,
        anchor,
        org_kind,
    };
    Some(match category {
        OsmCategory::CommunityCentre => {
            if has(&["bürgeramt", "buergeramt", "rathaus", "vereinsheim", "mitgliedertreff", "schwulenberatung"]) {
                return None;
            }
            let kind = org_kind_by_name(OrganisationKind::Initiative);
            if has(&["famil", "eltern", "mütter", "stadtteilmütter"]) {
                rule(
                    name,
                    "Familienzentrum: Beratung, Eltern-Kind-Angebote, Begegnung und Vermittlung zu weiteren Angeboten im Kiez.",
                    &["pregnancy_birth", "early_childhood", "kita", "primary"],
                    &["youth_welfare", "participation", "education"],
                    &["parents", "all_families", "pregnant_women", "single_parents"],
                    &["family_to_daycare"],
                    Access::Open,
                    true,
                    kind,
                )
            } else if has(&["jugend", "jfe", "teen", "jugendclub", "jugendhaus"]) {
                rule(
                    name,
                    "Offene Kinder- und Jugendarbeit: Freizeit, Beratung und Begleitung für Jugendliche.",
                    &["secondary", "transition_to_work"],
                    &["participation", "youth_welfare"],
                    &["young_people"],
                    &["school_to_work"],
                    Access::Open,
                    true,
                    kind,
                )
            } else if has(&["kinder", "kids", "spielhaus", "abenteuerspielplatz"]) {
                rule(
                    name,
                    "Kinderfreizeiteinrichtung: Spiel, Kreativität und Hausaufgabenhilfe.",
                    &["primary", "secondary"],
                    &["participation", "youth_welfare", "education"],
                    &["children"],
                    &["primary_to_secondary"],
                    Access::Open,
                    true,
                    kind,
                )
            } else if has(&["nachbarschaft", "stadtteil", "kiez", "begegnung", "mehrgeneration", "bürgerhaus", "treff"]) {
                rule(
                    name,
                    "Nachbarschafts- und Stadtteilzentrum: Treffpunkt, Beratung und Kurse für alle Generationen.",
                    &["early_childhood", "kita", "primary", "secondary", "transition_to_work"],
                    &["participation", "social_security"],
                    &["all_families"],
                    &[],
                    Access::Open,
                    true,
                    kind,
                )
            } else {
                rule(
                    name,
                    "Begegnungsort mit Kultur- und Freizeitangeboten im Stadtteil.",
                    &["primary", "secondary", "transition_to_work"],
                    &["participation"],
                    &["all_families"],
                    &[],
                    Access::Open,
                    false,
                    kind,
                )
            }
        }
        OsmCategory::Library => {
            if has(&["campus", "universität", "institut", "philologische", "fachbereich", "hochschule", "staatsbibliothek", "archiv"]) {
                return None;
            }
            rule(name, "Öffentliche Bibliothek: Bücher und Medien, Vorlesen und Leseförderung, Lernplätze. Ausweis für Kinder und Jugendliche kostenlos.",
                &["early_childhood", "kita", "primary", "secondary", "transition_to_work"], &["education", "participation"],
                &["all_families", "children", "young_people"], &[], Access::Open, false, OrganisationKind::PublicOffice)
        }
        OsmCategory::Doctor => {
            if has(&["kinder", "pädiat", "paediat", "jugendmedizin", "kinderarzt"]) {
                rule(
                    name,
                    "Kinder- und Jugendarztpraxis: Früherkennungsuntersuchungen (U1–U9, J1), Impfungen, Behandlung.",
                    &["early_childhood", "kita", "primary", "secondary"],
                    &["health"],
                    &["children", "parents"],
                    &[],
                    Access::Registration,
                    false,
                    OrganisationKind::Health,
                )
            } else if has(&["frauen", "gynäk", "gynaek", "geburt"]) {
                rule(
                    name,
                    "Frauenärztliche Praxis: Schwangerschaftsvorsorge und Beratung.",
                    &["pregnancy_birth"],
                    &["health"],
                    &["pregnant_women"],
                    &[],
                    Access::Registration,
                    false,
                    OrganisationKind::Health,
                )
            } else if has(&["hebamme", "hebammen"]) {
                rule(
                    name,
                    "Hebammenhilfe: Vorsorge, Geburtsvorbereitung und Wochenbettbetreuung.",
                    &["pregnancy_birth", "early_childhood"],
                    &["health"],
                    &["pregnant_women", "parents"],
                    &[],
                    Access::Registration,
                    false,
                    OrganisationKind::Health,
                )
            } else {
                rule(
                    name,
                    "Ärztliche Praxis: medizinische Versorgung für Familien.",
                    &["primary", "secondary", "transition_to_work"],
                    &["health"],
                    &["all_families"],
                    &[],
                    Access::Registration,
                    false,
                    OrganisationKind::Health,
                )
            }
        }
        OsmCategory::School => {
            if has(&["kindergarten", "vorschule"]) {
                rule(
                    name,
                    "Vorschulische Bildung.",
                    &["kita"],
                    &["education"],
                    &["children"],
                    &["kita_to_primary"],
                    Access::Registration,
                    true,
                    OrganisationKind::School,
                )
            } else if has(&["grundschule"]) {
                rule(
                    name,
                    "Grundschule: Unterricht, Ganztag und Schulsozialarbeit.",
                    &["primary"],
                    &["education"],
                    &["children"],
                    &["kita_to_primary", "primary_to_secondary"],
                    Access::Registration,
                    true,
                    OrganisationKind::School,
                )
            } else if has(&["beruf", "osz", "oberstufenzentrum"]) {
                rule(
                    name,
                    "Berufliche Schule: Ausbildung, Berufsvorbereitung und Abschlüsse.",
                    &["transition_to_work"],
                    &["education"],
                    &["young_people"],
                    &["school_to_work"],
                    Access::Registration,
                    true,
                    OrganisationKind::School,
                )
            } else if has(&["förder", "foerder"]) {
                rule(
                    name,
                    "Schule mit sonderpädagogischem Förderschwerpunkt.",
                    &["primary", "secondary"],
                    &["education"],
                    &["children", "special_needs"],
                    &["primary_to_secondary"],
                    Access::Referral,
                    true,
                    OrganisationKind::School,
                )
            } else if has(&["gymnasium", "sekundarschule", "oberschule", "gemeinschaftsschule", "gesamtschule"]) {
                rule(
                    name,
                    "Weiterführende Schule: Sekundarstufe I, Berufsorientierung.",
                    &["secondary", "transition_to_work"],
                    &["education"],
                    &["children", "young_people"],
                    &["primary_to_secondary", "school_to_work"],
                    Access::Registration,
                    true,
                    OrganisationKind::School,
                )
            } else {
                rule(
                    name,
                    "Allgemeinbildende Schule.",
                    &["primary", "secondary"],
                    &["education"],
                    &["children"],
                    &[],
                    Access::Registration,
                    true,
                    OrganisationKind::School,
                )
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_map_names_to_life_phases() {
        let r = osm_rule(OsmCategory::Doctor, "Kinderarztpraxis am See").unwrap();
        assert!(r.phases.contains(&"early_childhood"));
        let r = osm_rule(OsmCategory::School, "Sternberg Grundschule").unwrap();
        assert_eq!(r.phases, &["primary"]);
        assert!(osm_rule(OsmCategory::CommunityCentre, "Buergeramt Mahlsdorf").is_none());
        assert!(osm_rule(OsmCategory::Library, "Campusbibliothek Natur").is_none());
        let r = osm_rule(OsmCategory::CommunityCentre, "Familienzentrum Mehringdamm").unwrap();
        assert!(r.anchor && r.phases.contains(&"pregnancy_birth"));
        assert_eq!(sponsor_kind("Kindertagesstätten Nordwest Eigenbetrieb von Berlin"), OrganisationKind::PublicOffice);
        assert_eq!(sponsor_kind("AWO Kreisverband"), OrganisationKind::WelfareAssociation);
    }

    #[test]
    fn mss_rows_become_observations_of_the_previous_year() {
        let csv = "id,name,inhabitants,status_index,s1_percentage_unemployed,k02_single_parent_households,inhabitants\n\
                   Nummer,Name,SD,,,,\n01011101,Stülerstraße,3384.0,2.0,2.7978,-,3384.0\n";
        let obs = mss_observations("mss.csv", 2019, csv).unwrap();
        assert_eq!(obs.len(), 2, "junk row and '-' are skipped: {obs:?}");
        assert!(obs.iter().all(|o| o.year == 2018 && o.source == "MSS 2019"));
        let err = mss_observations("mss.csv", 2019, "id,s1_percentage_unemployed\n01011101,mittel\n").unwrap_err();
        assert!(err.to_string().contains("mss.csv line 2, field 's1_percentage_unemployed': expected a number, found 'mittel'"), "{err}");
    }

    #[test]
    fn population_rows_give_eight_age_groups() {
        let csv = "id,inhabitants_age_below_6,inhabitants_age_6_15,inhabitants_age_15_18,inhabitants_age_18_27,inhabitants_age_27_45,inhabitants_age_45_55,inhabitants_age_55_65,inhabitants_age_above_65\n\
                   01011101,164,140,37,490,1160,337,398,719\n";
        let p = population("pop.csv", 2019, csv).unwrap();
        assert_eq!(p.len(), 8);
        assert_eq!(p[0].count, 164);
        assert_eq!(p[7].age_group.code(), "65+");
    }
}
