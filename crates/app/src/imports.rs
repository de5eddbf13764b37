//! Imports written once for both front ends: the check before anything is written (every
//! problem named at once) and the all-or-nothing write. The web wizard shows the check as a
//! preview; the command line prints it and stops or writes.

use std::collections::BTreeMap;

use kette_domain::boundary::CrosswalkLink;
use kette_domain::{MunicipalityId, NewObservation};
use kette_ingest::geo_assign::DistrictIndex;
use kette_ingest::indicators_csv::{self, Layout, Options};
use kette_store::{CarryReport, CrosswalkSummary, Provenance};

use crate::{App, AppError, Result};

/// An indicator file read and checked against the municipality's catalogue and districts.
#[derive(Debug)]
pub struct IndicatorFile {
    pub layout: Layout,
    pub rows: Vec<NewObservation>,
    /// every indicator code of the file: (code, rows, known in the catalogue)
    pub codes: Vec<(String, usize, bool)>,
    /// district keys neither stored nor (with a boundary version) known to its crosswalk
    pub unknown_keys: Vec<String>,
    /// the crosswalk the values are carried with, when they are published for another
    /// boundary version than the stored one
    pub crosswalk: Option<(CrosswalkSummary, Vec<CrosswalkLink>)>,
    /// values that are possible but unlikely for their indicator (a share above 100 %)
    pub warnings: Vec<String>,
    /// text columns read past (district names, notes)
    pub skipped_columns: Vec<String>,
}

impl IndicatorFile {
    pub fn unknown_codes(&self) -> Vec<&str> {
        self.codes.iter().filter(|(_, _, known)| !known).map(|(c, _, _)| c.as_str()).collect()
    }
}

/// Values no indicator can have (refused) and values its unit makes unlikely (warned), each
/// naming district, indicator, year and value.
fn plausibility(rows: &[NewObservation], units: &std::collections::HashMap<String, String>) -> (Vec<String>, Vec<String>) {
    let (mut refused, mut warned) = (vec![], vec![]);
    for r in rows {
        let unit = units.get(&r.indicator_code).map(String::as_str).unwrap_or("");
        let at = format!("district {}, {} {}", r.district_key, r.indicator_code, r.year);
        if kette_domain::disclosure::unit_counts_persons(unit) && r.value.is_some_and(|v| v < 0.0) {
            refused.push(format!("{at}: a count cannot be negative ({})", r.value.unwrap_or_default()));
        }
        for (what, v) in [("numerator", r.numerator), ("denominator", r.denominator)] {
            if v.is_some_and(|v| v < 0.0) {
                refused.push(format!("{at}: the {what} is a count and cannot be negative ({})", v.unwrap_or_default()));
            }
        }
        let share = matches!(unit.trim(), "%" | "Prozent" | "percent");
        match r.value {
            Some(v) if share && !(0.0..=100.0).contains(&v) => warned.push(format!("{at}: a share of {v} % lies outside 0–100")),
            Some(v) if v.abs() > 1e12 => warned.push(format!("{at}: {v:e} is implausibly large")),
            _ => {}
        }
    }
    (refused, warned)
}

/// What an indicator import wrote.
#[derive(Debug)]
pub enum IndicatorImport {
    Written(usize),
    Carried(Box<CarryReport>),
}

impl App {
    /// Reads an indicator table and checks it without writing anything. `boundary_version`:
    /// the districts the file is published for, when they are not the stored ones.
    pub async fn check_indicator_file(
        &self,
        municipality: MunicipalityId,
        file_name: &str,
        bytes: &[u8],
        options: &Options,
        boundary_version: Option<&str>,
    ) -> Result<IndicatorFile> {
        let indicators_csv::Table { layout, rows, skipped_columns } = indicators_csv::parse_table(file_name, bytes, options)?;
        let crosswalk = match boundary_version {
            Some(v) => match self.store.crosswalk_into_stored(municipality, v).await? {
                Some(c) => Some(c),
                None if self.store.boundary_versions(municipality).await?.iter().any(|s| s == v) => None,
                None => return Err(AppError::UnknownBoundaryVersion(v.to_string())),
            },
            None => None,
        };
        let catalogue: Vec<String> = self.store.indicators(municipality).await?.into_iter().map(|i| i.def.code).collect();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for r in &rows {
            *counts.entry(r.indicator_code.clone()).or_default() += 1;
        }
        let codes = counts.into_iter().map(|(c, n)| (c.clone(), n, catalogue.contains(&c))).collect();
        let mut keys: Vec<&str> = rows.iter().map(|r| r.district_key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut unknown_keys = vec![];
        for k in keys {
            let known = match &crosswalk {
                Some((_, links)) => links.iter().any(|l| l.from == k),
                None => self.store.district_by_key(municipality, k).await?.is_some(),
            };
            if !known {
                unknown_keys.push(k.to_string());
            }
        }
        let units: std::collections::HashMap<String, String> =
            self.store.indicators(municipality).await?.into_iter().map(|i| (i.def.code, i.def.unit)).collect();
        let (refused, warnings) = plausibility(&rows, &units);
        if !refused.is_empty() {
            return Err(AppError::Implausible { file: file_name.to_string(), problems: refused });
        }
        Ok(IndicatorFile { layout, rows, codes, unknown_keys, crosswalk, warnings, skipped_columns })
    }

    /// Writes checked rows in one transaction with the indicators `defining` (new ones made in
    /// the import wizard), carried into the stored districts when they are published for another
    /// boundary version (`partial`: districts whose sources are all
    /// present are written, the rest reported).
    pub async fn import_indicator_rows(
        &self,
        municipality: MunicipalityId,
        rows: &[NewObservation],
        provenance: &Provenance,
        boundary_version: Option<&str>,
        partial: bool,
        defining: &[kette_domain::IndicatorDef],
    ) -> Result<IndicatorImport> {
        Ok(match boundary_version {
            Some(v) => IndicatorImport::Carried(Box::new(
                self.store.import_carried_observations_defining(municipality, rows, v, Some(provenance), partial, defining).await?,
            )),
            None => {
                IndicatorImport::Written(self.store.import_observations_defining(municipality, rows, Some(provenance), defining).await?)
            }
        })
    }

    /// Finds districts of the finest level by point in polygon, for places that come without
    /// one (imports, forms). None when the municipality has no districts yet.
    pub async fn district_locator(&self, municipality: MunicipalityId) -> Result<DistrictLocator> {
        let index = match self.store.finest_district_level(municipality).await? {
            Some(level) => Some(DistrictIndex::new(self.store.district_geometries(municipality, level).await?)),
            None => None,
        };
        Ok(DistrictLocator { index })
    }
}

impl App {
    /// A crosswalk file (from, to, weight) from `from_version` into the stored districts, checked
    /// and stored in one transaction. `to_version`: the stored version it leads into; without
    /// it, the one stored version (several need a choice).
    pub async fn import_crosswalk(
        &self,
        municipality: MunicipalityId,
        file_name: &str,
        bytes: &[u8],
        from_version: &str,
        to_version: Option<&str>,
        source: &str,
        by: Option<kette_domain::AccountId>,
    ) -> Result<CrosswalkSummary> {
        let links = kette_ingest::crosswalk::parse_csv(file_name, bytes)?;
        let to_version = match to_version {
            Some(v) => v.to_string(),
            None => {
                let stored = self.store.boundary_versions(municipality).await?;
                match stored.as_slice() {
                    [one] => one.clone(),
                    [] => return Err(AppError::NoDistricts),
                    many => return Err(AppError::WhichBoundaryVersion(many.to_vec())),
                }
            }
        };
        let source = if source.trim().is_empty() { file_name } else { source };
        Ok(self.store.save_crosswalk(municipality, from_version, &to_version, "file", source, &links, by).await?)
    }
}

/// Point-in-polygon assignment on the finest district level, built once per import or save.
pub struct DistrictLocator {
    index: Option<DistrictIndex>,
}

impl DistrictLocator {
    /// The key of the district at this point, if any.
    pub fn key_at(&self, lat: f64, lon: f64) -> Option<&str> {
        self.index.as_ref()?.locate(lon, lat)
    }

    /// Gives every place of an import batch that has coordinates but no district its district.
    pub fn assign(&self, batch: &mut kette_domain::ImportBatch) {
        for (_, l) in &mut batch.locations {
            if let (None, Some(lat), Some(lon)) = (&l.district_key, l.lat, l.lon) {
                l.district_key = self.key_at(lat, lon).map(str::to_string);
            }
        }
    }

    /// The index itself, for loaders that assign while they read (the demo's facility lists).
    pub fn index(&self) -> Option<&DistrictIndex> {
        self.index.as_ref()
    }
}

/// A problem of an offer batch found before writing: which record, what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum BatchProblem {
    /// an offer breaks a rule (its origin: file and line or JSON path)
    Offer { origin: String, detail: String },
    /// a place names a district the municipality does not have
    UnknownDistrict { key: String },
}

impl App {
    /// The directory import for every format (offer table, HSDS): places without a district get
    /// one by point in polygon, then the batch is checked against the vocabulary and districts
    /// (every problem named) and, unless `dry_run`, written all or nothing.
    pub async fn import_offer_batch(
        &self,
        municipality: MunicipalityId,
        batch: &mut kette_domain::ImportBatch,
        dry_run: bool,
    ) -> Result<Result<Option<kette_domain::ImportReport>, Vec<BatchProblem>>> {
        self.district_locator(municipality).await?.assign(batch);
        if dry_run {
            let problems = self.check_offer_batch(municipality, batch).await?;
            return Ok(if problems.is_empty() { Ok(None) } else { Err(problems) });
        }
        Ok(Ok(Some(self.store.import_batch(municipality, batch, |_| {}).await?)))
    }

    /// Every rule an offer batch breaks, without writing (the write checks the same and more).
    pub async fn check_offer_batch(&self, municipality: MunicipalityId, batch: &kette_domain::ImportBatch) -> Result<Vec<BatchProblem>> {
        let vocab = self.store.vocabulary(municipality).await?;
        let mut problems = vec![];
        for o in &batch.offers {
            if let Err(e) = kette_domain::validate::validate_offer(&o.input, &vocab) {
                problems.push(BatchProblem::Offer { origin: o.origin.clone(), detail: e.to_string() });
            }
        }
        let mut keys: Vec<&str> = batch.locations.iter().filter_map(|(_, l)| l.district_key.as_deref()).collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            if self.store.district_by_key(municipality, k).await?.is_none() {
                problems.push(BatchProblem::UnknownDistrict { key: k.to_string() });
            }
        }
        Ok(problems)
    }
}

/// What an agreement table held, and what importing it did.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementImport {
    pub agreements: usize,
    pub duties: usize,
    /// None for a dry run: (added, replaced).
    pub written: Option<(usize, usize)>,
}

impl App {
    /// An agreement table checked whole — organisations resolved by key or exact name, kinds,
    /// life phases and transitions against the vocabulary, the agreement rules — with every
    /// problem named by file, line and column; then written in one transaction (unless
    /// `dry_run`). Nothing is written when anything is wrong.
    pub async fn import_agreement_table(
        &self,
        m: MunicipalityId,
        source_name: &str,
        bytes: &[u8],
        dry_run: bool,
        by: Option<kette_domain::AccountId>,
    ) -> Result<AgreementImport> {
        use kette_domain::agreements::{AgreementInput, Duty};
        use kette_ingest::agreements_csv::OrganisationRef;
        use kette_ingest::IngestError;
        let rows = kette_ingest::agreements_csv::parse(source_name, bytes)?;
        let (keys, names) = self.store.organisation_names(m).await?;
        let vocab = self.store.vocabulary(m).await?;
        let mut errors = vec![];
        let resolve = |r: &OrganisationRef, errors: &mut Vec<IngestError>| -> Option<i64> {
            if let Some(id) = keys.get(&r.name) {
                return Some(*id);
            }
            match names.get(&r.name.to_lowercase()).map(Vec::as_slice) {
                Some([id]) => Some(*id),
                Some(several) => {
                    let message = format!("'{}' names {} organisations; use the organisation's key", r.name, several.len());
                    errors.push(IngestError::new(source_name, Some(format!("line {}", r.line)), Some(r.field), message));
                    None
                }
                None => {
                    let message = format!("no organisation with the key or name '{}' in this municipality", r.name);
                    errors.push(IngestError::new(source_name, Some(format!("line {}", r.line)), Some(r.field), message));
                    None
                }
            }
        };
        let mut agreements = vec![];
        let mut duties = 0;
        for row in &rows {
            let at = |line: u64| Some(format!("line {line}"));
            if !vocab.contains(kette_domain::TermKind::AgreementKind, &row.kind) {
                errors.push(IngestError::new(
                    source_name,
                    at(row.line),
                    Some("kind"),
                    format!("'{}' is not an agreement kind here", row.kind),
                ));
            }
            let organisation_ids: Vec<i64> = row.organisations.iter().filter_map(|o| resolve(o, &mut errors)).collect();
            let mut row_duties = vec![];
            for d in &row.duties {
                for (field, kind, code) in [
                    ("duty_life_phase", kette_domain::TermKind::LifePhase, &d.life_phase),
                    ("duty_transition", kette_domain::TermKind::Transition, &d.transition),
                ] {
                    if let Some(code) = code.as_deref().filter(|c| !vocab.contains(kind, c)) {
                        errors.push(IngestError::new(
                            source_name,
                            at(d.line),
                            Some(field),
                            format!("'{code}' is not a code of the vocabulary here"),
                        ));
                    }
                }
                let district_id = match d.district.as_deref() {
                    None => None,
                    Some(key) => match self.store.district_by_key(m, key).await? {
                        Some(id) => Some(id),
                        None => {
                            errors.push(IngestError::new(
                                source_name,
                                at(d.line),
                                Some("duty_district"),
                                format!("no district with the key '{key}' here"),
                            ));
                            None
                        }
                    },
                };
                if let Some(organisation_id) = resolve(&d.organisation, &mut errors) {
                    if !organisation_ids.contains(&organisation_id) {
                        let message = format!("'{}' is not one of the agreement's organisations", d.organisation.name);
                        errors.push(IngestError::new(source_name, at(d.line), Some("duty_organisation"), message));
                    }
                    row_duties.push(Duty {
                        organisation_id,
                        task: d.task.clone(),
                        life_phase: d.life_phase.clone(),
                        transition: d.transition.clone(),
                        district_id,
                    });
                }
            }
            duties += row_duties.len();
            let input = AgreementInput {
                kind: row.kind.clone(),
                title: row.title.clone(),
                organisation_ids,
                since: row.since,
                until: row.until,
                duties: row_duties,
                contacts: row.contacts.clone(),
                document_url: row.document_url.clone(),
            };
            if let Err(problems) = input.validate() {
                for p in problems {
                    let field = match p.field.as_str() {
                        "agreement_title" => "title",
                        "organisation_ids" => "organisations",
                        "duties" => "duty_task",
                        other => other,
                    };
                    // the parties' problems are already said when an organisation was unknown
                    if field == "organisations" && input.organisation_ids.len() < row.organisations.len() {
                        continue;
                    }
                    errors.push(IngestError::new(source_name, at(row.line), Some(field), p.detail));
                }
            }
            agreements.push((row.key.clone(), input));
        }
        if !errors.is_empty() {
            return Err(kette_ingest::IngestErrors(errors).into());
        }
        let written = if dry_run { None } else { Some(self.store.import_agreements(m, &agreements, false, by).await?) };
        Ok(AgreementImport { agreements: agreements.len(), duties, written })
    }
}
