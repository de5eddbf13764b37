//! The strategy cycle (issue 15): the phase with its history, the municipality's checklist (the
//! domain's defaults with the stored changes over them) and the checks with their evidence.

use sqlx::Row;
use time::Date;

use kette_domain::cycle::{default_items, merge, CheckInput, CycleItem, Evidence, ItemKind, Phase};
use kette_domain::{AccountId, FieldError, MunicipalityId, ValidationErrors};

use crate::util::{self, date_to_text, text_to_date};
use crate::{Result, Store, StoreError};

/// One step of the phase history.
#[derive(Debug, Clone)]
pub struct PhaseEntry {
    pub phase: Phase,
    pub since: Date,
    pub note: String,
}

/// A recorded achievement with the names of its evidence.
#[derive(Debug, Clone)]
pub struct Check {
    pub input: CheckInput,
    /// The decision's text or the measure's title.
    pub evidence_label: Option<String>,
    /// The meeting of an evidencing decision, for the link.
    pub meeting_id: Option<i64>,
}

fn invalid(errors: Vec<FieldError>) -> StoreError {
    StoreError::Invalid { context: "cycle".into(), errors: ValidationErrors(errors) }
}

impl Store {
    /// The phases the municipality went through, the current one last.
    pub async fn cycle_history(&self, municipality: MunicipalityId) -> Result<Vec<PhaseEntry>> {
        let rows = sqlx::query("SELECT phase, since, note FROM cycle_phase WHERE municipality_id = $1 ORDER BY since, id")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(PhaseEntry {
                    phase: Phase::parse(&r.try_get::<String, _>("phase")?).unwrap_or(Phase::BuildUp),
                    since: text_to_date(r.try_get("since")?).ok_or_else(|| StoreError::Conflict("phase without a date".into()))?,
                    note: r.try_get("note")?,
                })
            })
            .collect()
    }

    /// Enters a phase from a day on (today or earlier).
    pub async fn set_cycle_phase(
        &self,
        municipality: MunicipalityId,
        phase: Phase,
        since: Date,
        note: &str,
        by: Option<AccountId>,
    ) -> Result<()> {
        if since > self.clock.today() {
            return Err(invalid(vec![FieldError::new("since", "error-date-future", "a phase is entered today or earlier")]));
        }
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO cycle_phase (municipality_id, phase, since, note, account_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(municipality)
        .bind(phase.as_str())
        .bind(date_to_text(since))
        .bind(note.trim())
        .bind(by)
        .bind(self.clock.timestamp())
        .execute(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "phase", "cycle", None, phase.as_str()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The municipality's checklist.
    pub async fn cycle_items(&self, municipality: MunicipalityId) -> Result<Vec<CycleItem>> {
        let rows =
            sqlx::query("SELECT code, phase, kind, label_de, label_en, hidden FROM cycle_item WHERE municipality_id = $1 ORDER BY rowid")
                .bind(municipality)
                .fetch_all(&self.pool)
                .await?;
        let stored = rows
            .iter()
            .map(|r| {
                Ok((
                    CycleItem {
                        code: r.try_get("code")?,
                        phase: Phase::parse(&r.try_get::<String, _>("phase")?).unwrap_or(Phase::BuildUp),
                        kind: ItemKind::parse(&r.try_get::<String, _>("kind")?).unwrap_or(ItemKind::Activity),
                        label_de: r.try_get("label_de")?,
                        label_en: r.try_get("label_en")?,
                    },
                    r.try_get::<i64, _>("hidden")? != 0,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(merge(default_items(), &stored))
    }

    /// Renames or adds an item (`hidden` takes it off the list; its checks stay stored).
    pub async fn save_cycle_item(&self, municipality: MunicipalityId, item: &CycleItem, hidden: bool, by: Option<AccountId>) -> Result<()> {
        let mut errors = vec![];
        let code_ok = item.code.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && item.code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && item.code.len() <= 60;
        if !code_ok {
            errors.push(FieldError::new("item_code", "error-code", "lower-case letters, digits and _"));
        }
        if item.label_de.trim().is_empty() || item.label_de.chars().count() > 300 {
            errors.push(FieldError::new("item_label", "error-required", "a label of at most 300 characters"));
        }
        if !errors.is_empty() {
            return Err(invalid(errors));
        }
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM cycle_item WHERE municipality_id = $1 AND code = $2")
            .bind(municipality)
            .bind(&item.code)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO cycle_item (municipality_id, code, phase, kind, label_de, label_en, hidden) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(municipality)
        .bind(&item.code)
        .bind(item.phase.as_str())
        .bind(item.kind.as_str())
        .bind(item.label_de.trim())
        .bind(item.label_en.trim())
        .bind(hidden as i64)
        .execute(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, if hidden { "hide" } else { "save" }, "cycle_item", None, &item.code).await?;
        tx.commit().await?;
        Ok(())
    }

    /// What is achieved, with the names of the evidence.
    pub async fn cycle_checks(&self, municipality: MunicipalityId) -> Result<Vec<Check>> {
        let rows = sqlx::query(
            "SELECT c.*, d.text AS decision_text, d.meeting_id, m.title AS measure_title FROM cycle_check c
             LEFT JOIN decision d ON d.id = c.decision_id LEFT JOIN measure m ON m.id = c.measure_id
             WHERE c.municipality_id = $1 ORDER BY c.done_on",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let decision: Option<i64> = r.try_get("decision_id")?;
                let measure: Option<i64> = r.try_get("measure_id")?;
                let url: String = r.try_get("document_url")?;
                let (evidence, label) = match (decision, measure) {
                    (Some(d), _) => (Some(Evidence::Decision(d)), r.try_get::<Option<String>, _>("decision_text")?),
                    (None, Some(m)) => (Some(Evidence::Measure(m)), r.try_get::<Option<String>, _>("measure_title")?),
                    (None, None) if !url.is_empty() => (Some(Evidence::Document(url)), None),
                    _ => (None, None),
                };
                Ok(Check {
                    input: CheckInput {
                        item_code: r.try_get("item_code")?,
                        done_on: text_to_date(r.try_get("done_on")?).ok_or_else(|| StoreError::Conflict("check without a date".into()))?,
                        evidence,
                        note: r.try_get("note")?,
                    },
                    evidence_label: label,
                    meeting_id: r.try_get("meeting_id")?,
                })
            })
            .collect()
    }

    /// Records an item as achieved (replacing an earlier record of it).
    pub async fn check_cycle_item(&self, municipality: MunicipalityId, check: &CheckInput, by: Option<AccountId>) -> Result<()> {
        let mut errors = check.validate(self.clock.today()).err().unwrap_or_default();
        if !self.cycle_items(municipality).await?.iter().any(|i| i.code == check.item_code) {
            errors.push(FieldError::new("item_code", "error-unknown", format!("no checklist item '{}'", check.item_code)));
        }
        let mut tx = self.begin_write().await?;
        let found: Option<i64> = match &check.evidence {
            Some(Evidence::Decision(d)) => {
                sqlx::query_scalar(
                    "SELECT d.id FROM decision d JOIN meeting mt ON mt.id = d.meeting_id JOIN body b ON b.id = mt.body_id
                     WHERE d.id = $1 AND b.municipality_id = $2",
                )
                .bind(d)
                .bind(municipality)
                .fetch_optional(&mut *tx)
                .await?
            }
            Some(Evidence::Measure(m)) => {
                sqlx::query_scalar("SELECT id FROM measure WHERE id = $1 AND municipality_id = $2")
                    .bind(m)
                    .bind(municipality)
                    .fetch_optional(&mut *tx)
                    .await?
            }
            _ => Some(0),
        };
        if found.is_none() {
            errors.push(FieldError::new("evidence", "error-unknown", "no such decision or measure"));
        }
        if !errors.is_empty() {
            return Err(invalid(errors));
        }
        let (decision, measure, url) = match &check.evidence {
            Some(Evidence::Decision(d)) => (Some(*d), None, String::new()),
            Some(Evidence::Measure(m)) => (None, Some(*m), String::new()),
            Some(Evidence::Document(u)) => (None, None, u.trim().to_string()),
            None => (None, None, String::new()),
        };
        sqlx::query("DELETE FROM cycle_check WHERE municipality_id = $1 AND item_code = $2")
            .bind(municipality)
            .bind(&check.item_code)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO cycle_check (municipality_id, item_code, done_on, decision_id, measure_id, document_url, note, account_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(municipality)
        .bind(&check.item_code)
        .bind(date_to_text(check.done_on))
        .bind(decision)
        .bind(measure)
        .bind(url)
        .bind(check.note.trim())
        .bind(by)
        .bind(self.clock.timestamp())
        .execute(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "check", "cycle", None, &check.item_code).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes an item back to open.
    pub async fn uncheck_cycle_item(&self, municipality: MunicipalityId, code: &str, by: Option<AccountId>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM cycle_check WHERE municipality_id = $1 AND item_code = $2")
            .bind(municipality)
            .bind(code)
            .execute(&mut *tx)
            .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "uncheck", "cycle", None, code).await?;
        tx.commit().await?;
        Ok(())
    }
}
