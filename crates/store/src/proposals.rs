//! Proposals of the working groups, their scores on the municipality's weighted criteria, and
//! the decision (issue 15): accepting one writes its measure in the same transaction.

use sqlx::Row;

use kette_domain::goals::{MeasureInput, MeasureStatus};
use kette_domain::proposals::{Criterion, ProposalInput, ProposalStatus, MAX_SCORE};
use kette_domain::{AccountId, FieldError, MunicipalityId, TermKind, ValidationErrors};

use crate::{util, Result, Store, StoreError};

/// A stored proposal with its scores and the names of what it links to.
#[derive(Debug, Clone)]
pub struct StoredProposal {
    pub id: i64,
    pub input: ProposalInput,
    pub status: ProposalStatus,
    pub reason: String,
    pub measure_id: Option<i64>,
    pub body_name: Option<String>,
    pub district_name: Option<String>,
    pub scores: Vec<(String, u8)>,
    pub is_fictional: bool,
    pub submitted_at: String,
    pub decided_at: Option<String>,
}

fn invalid(context: &str, errors: Vec<FieldError>) -> StoreError {
    StoreError::Invalid { context: context.into(), errors: ValidationErrors(errors) }
}

impl Store {
    /// The criteria proposals are scored on, in their order.
    pub async fn proposal_criteria(&self, municipality: MunicipalityId) -> Result<Vec<Criterion>> {
        let rows = sqlx::query(
            "SELECT code, label_de, label_en, weight FROM proposal_criterion WHERE municipality_id = $1 ORDER BY position, code",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Criterion {
                    code: r.try_get("code")?,
                    label_de: r.try_get("label_de")?,
                    label_en: r.try_get("label_en")?,
                    weight: r.try_get("weight")?,
                })
            })
            .collect()
    }

    /// New weights for the criteria, all or none.
    pub async fn set_criterion_weights(
        &self,
        municipality: MunicipalityId,
        weights: &[(String, f64)],
        by: Option<AccountId>,
    ) -> Result<()> {
        let known = self.proposal_criteria(municipality).await?;
        let mut errors = vec![];
        for (code, weight) in weights {
            if !known.iter().any(|c| &c.code == code) {
                errors.push(FieldError::new(format!("weight_{code}"), "error-unknown", format!("no criterion '{code}'")));
            } else if let Err(e) = kette_domain::proposals::check_weight(code, *weight) {
                errors.push(e);
            }
        }
        if !errors.is_empty() {
            return Err(invalid("criteria", errors));
        }
        let mut tx = self.begin_write().await?;
        for (code, weight) in weights {
            sqlx::query("UPDATE proposal_criterion SET weight = $1 WHERE municipality_id = $2 AND code = $3")
                .bind(weight)
                .bind(municipality)
                .bind(code)
                .execute(&mut *tx)
                .await?;
        }
        let detail = weights.iter().map(|(c, w)| format!("{c}={w}")).collect::<Vec<_>>().join(", ");
        util::audit(&mut tx, &self.clock, municipality, by, "weights", "proposal_criterion", None, &detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every proposal with its scores, newest first.
    pub async fn proposals(&self, municipality: MunicipalityId) -> Result<Vec<StoredProposal>> {
        let rows = sqlx::query(
            "SELECT p.*, b.name AS body_name, d.name AS district_name FROM proposal p LEFT JOIN body b ON b.id = p.body_id
             LEFT JOIN district d ON d.id = p.district_id WHERE p.municipality_id = $1 ORDER BY p.id DESC",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        let scores = sqlx::query(
            "SELECT s.proposal_id, s.criterion, s.score FROM proposal_score s JOIN proposal p ON p.id = s.proposal_id WHERE p.municipality_id = $1",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                let mine = scores
                    .iter()
                    .filter(|s| s.try_get::<i64, _>("proposal_id").ok() == Some(id))
                    .map(|s| Ok((s.try_get("criterion")?, s.try_get::<i64, _>("score")?.clamp(0, MAX_SCORE as i64) as u8)))
                    .collect::<Result<Vec<_>>>()?;
                Ok(StoredProposal {
                    id,
                    input: ProposalInput {
                        title: r.try_get("title")?,
                        problem: r.try_get("problem")?,
                        life_phase: r.try_get("life_phase")?,
                        transition: r.try_get("transition")?,
                        district_id: r.try_get("district_id")?,
                        expected_benefit: r.try_get("expected_benefit")?,
                        cost_eur: r.try_get("cost_eur")?,
                        partners: r.try_get("partners")?,
                        body_id: r.try_get("body_id")?,
                    },
                    status: ProposalStatus::parse(&r.try_get::<String, _>("status")?).unwrap_or(ProposalStatus::Submitted),
                    reason: r.try_get("reason")?,
                    measure_id: r.try_get("measure_id")?,
                    body_name: r.try_get("body_name")?,
                    district_name: r.try_get("district_name")?,
                    scores: mine,
                    is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
                    submitted_at: r.try_get("submitted_at")?,
                    decided_at: r.try_get("decided_at")?,
                })
            })
            .collect()
    }

    pub async fn proposal(&self, municipality: MunicipalityId, id: i64) -> Result<Option<StoredProposal>> {
        Ok(self.proposals(municipality).await?.into_iter().find(|p| p.id == id))
    }

    /// Submits a proposal; its life phase, transition, district and body must be the municipality's.
    pub async fn submit_proposal(
        &self,
        municipality: MunicipalityId,
        input: &ProposalInput,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut errors = input.validate().err().unwrap_or_default();
        let vocab = self.vocabulary(municipality).await?;
        if input.life_phase.as_deref().is_some_and(|p| vocab.get(TermKind::LifePhase, p).is_none()) {
            errors.push(FieldError::new("proposal_life_phase", "error-unknown-term", "unknown life phase"));
        }
        if input.transition.as_deref().is_some_and(|t| vocab.get(TermKind::Transition, t).is_none()) {
            errors.push(FieldError::new("proposal_transition", "error-unknown-term", "unknown transition"));
        }
        let mut tx = self.begin_write().await?;
        for (field, table, id) in [("proposal_district_id", "district", input.district_id), ("proposal_body_id", "body", input.body_id)] {
            if let Some(id) = id {
                let found: Option<i64> = sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE id = $1 AND municipality_id = $2"))
                    .bind(id)
                    .bind(municipality)
                    .fetch_optional(&mut *tx)
                    .await?;
                if found.is_none() {
                    errors.push(FieldError::new(field, "error-unknown", format!("no {table} {id}")));
                }
            }
        }
        if !errors.is_empty() {
            return Err(invalid("proposal", errors));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO proposal (municipality_id, body_id, title, problem, life_phase, transition, district_id, expected_benefit, cost_eur,
               partners, status, is_fictional, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'submitted', $11, $12) RETURNING id",
        )
        .bind(municipality)
        .bind(input.body_id)
        .bind(input.title.trim())
        .bind(input.problem.trim())
        .bind(input.life_phase.as_deref())
        .bind(input.transition.as_deref())
        .bind(input.district_id)
        .bind(input.expected_benefit.trim())
        .bind(input.cost_eur)
        .bind(input.partners.trim())
        .bind(is_fictional as i64)
        .bind(self.clock.timestamp())
        .fetch_one(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "submit", "proposal", Some(id), &input.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn open_proposal(&self, conn: &mut sqlx::AnyConnection, municipality: MunicipalityId, id: i64) -> Result<()> {
        let status: Option<String> = sqlx::query_scalar("SELECT status FROM proposal WHERE id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(municipality)
            .fetch_optional(conn)
            .await?;
        match status.as_deref() {
            None => Err(StoreError::NotFound(format!("proposal {id}"))),
            Some("submitted") => Ok(()),
            Some(_) => {
                Err(invalid("proposal", vec![FieldError::new("decision", "error-proposal-decided", "the proposal is decided already")]))
            }
        }
    }

    /// The steering group's scores for a proposal (replacing earlier ones of the same criteria).
    pub async fn score_proposal(
        &self,
        municipality: MunicipalityId,
        id: i64,
        scores: &[(String, u8)],
        by: Option<AccountId>,
    ) -> Result<()> {
        let criteria = self.proposal_criteria(municipality).await?;
        let mut errors = vec![];
        for (code, score) in scores {
            if !criteria.iter().any(|c| &c.code == code) {
                errors.push(FieldError::new(format!("score_{code}"), "error-unknown", format!("no criterion '{code}'")));
            } else if *score > MAX_SCORE {
                errors.push(FieldError::new(format!("score_{code}"), "error-score", "a score lies between 0 and 5"));
            }
        }
        if !errors.is_empty() {
            return Err(invalid("scores", errors));
        }
        let mut tx = self.begin_write().await?;
        self.open_proposal(&mut tx, municipality, id).await?;
        let now = self.clock.timestamp();
        for (code, score) in scores {
            sqlx::query("DELETE FROM proposal_score WHERE proposal_id = $1 AND criterion = $2")
                .bind(id)
                .bind(code)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO proposal_score (proposal_id, criterion, score, scored_at, account_id) VALUES ($1, $2, $3, $4, $5)")
                .bind(id)
                .bind(code)
                .bind(*score as i64)
                .bind(&now)
                .bind(by)
                .execute(&mut *tx)
                .await?;
        }
        util::audit(&mut tx, &self.clock, municipality, by, "score", "proposal", Some(id), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Accepts a proposal: its measure (planned, with the proposal's life phase, transition,
    /// district and cost) is written in the same transaction, and the proposal points to it.
    pub async fn accept_proposal(&self, municipality: MunicipalityId, id: i64, by: Option<AccountId>) -> Result<i64> {
        let p = self.proposal(municipality, id).await?.ok_or_else(|| StoreError::NotFound(format!("proposal {id}")))?;
        let mut tx = self.begin_write().await?;
        self.open_proposal(&mut tx, municipality, id).await?;
        let measure = MeasureInput {
            title: p.input.title.clone(),
            description: [p.input.problem.as_str(), p.input.expected_benefit.as_str()]
                .iter()
                .filter(|t| !t.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("\n\n"),
            status: MeasureStatus::Planned,
            goal_ids: vec![],
            lead_organisation_id: None,
            organisation_ids: vec![],
            offer_ids: vec![],
            life_phases: p.input.life_phase.iter().cloned().collect(),
            transitions: p.input.transition.iter().cloned().collect(),
            district_ids: p.input.district_id.into_iter().collect(),
            starts_on: None,
            ends_on: None,
            budget_eur: p.input.cost_eur,
            funding_source: String::new(),
        };
        let now = self.clock.timestamp();
        let measure_id = crate::measures::insert_measure(&mut tx, &self.clock, municipality, &measure, p.is_fictional).await?;
        sqlx::query("UPDATE proposal SET status = 'accepted', measure_id = $1, decided_at = $2 WHERE id = $3")
            .bind(measure_id)
            .bind(&now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "accept", "proposal", Some(id), &format!("measure {measure_id}")).await?;
        tx.commit().await?;
        Ok(measure_id)
    }

    /// Rejects a proposal; the reason is required and kept.
    pub async fn reject_proposal(&self, municipality: MunicipalityId, id: i64, reason: &str, by: Option<AccountId>) -> Result<()> {
        if reason.trim().is_empty() {
            return Err(invalid("proposal", vec![FieldError::new("reason", "error-proposal-reason", "a rejection gives its reason")]));
        }
        let mut tx = self.begin_write().await?;
        self.open_proposal(&mut tx, municipality, id).await?;
        sqlx::query("UPDATE proposal SET status = 'rejected', reason = $1, decided_at = $2 WHERE id = $3")
            .bind(reason.trim())
            .bind(self.clock.timestamp())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "reject", "proposal", Some(id), reason).await?;
        tx.commit().await?;
        Ok(())
    }
}
