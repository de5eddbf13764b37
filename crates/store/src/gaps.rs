//! The follow-up of the needs analysis' gaps (issue 14): per district and life phase, where the
//! steering stands (open, addressed by a measure or proposal, no action with a reason) and the
//! planners' comments. The gap itself is computed each time; only what people said is stored.

use sqlx::Row;

use kette_domain::needs::{GapFollowUpInput, GapState};
use kette_domain::{AccountId, DistrictId, FieldError, MunicipalityId, ValidationErrors};

use crate::{util, Result, Store, StoreError};

#[derive(Debug, Clone)]
pub struct GapFollowUp {
    pub district: DistrictId,
    pub district_name: String,
    pub life_phase: String,
    pub state: GapState,
    /// (id, title)
    pub measure: Option<(i64, String)>,
    pub proposal: Option<(i64, String)>,
    pub comments: Vec<GapComment>,
    pub updated_by: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone)]
pub struct GapComment {
    pub body: String,
    pub author: Option<String>,
    pub created_at: String,
}

fn invalid(errors: Vec<FieldError>) -> StoreError {
    StoreError::Invalid { context: "gap".into(), errors: ValidationErrors(errors) }
}

impl Store {
    /// Every gap anyone has said something about, with its comments (oldest first).
    pub async fn gap_follow_ups(&self, municipality: MunicipalityId) -> Result<Vec<GapFollowUp>> {
        self.load_gaps(municipality, None).await
    }

    pub async fn gap_follow_up(&self, municipality: MunicipalityId, district: DistrictId, life_phase: &str) -> Result<Option<GapFollowUp>> {
        Ok(self.load_gaps(municipality, Some((district, life_phase))).await?.pop())
    }

    async fn load_gaps(&self, municipality: MunicipalityId, only: Option<(DistrictId, &str)>) -> Result<Vec<GapFollowUp>> {
        let (district, phase) = only.map(|(d, p)| (d, p.to_string())).unwrap_or((0, String::new()));
        let rows = sqlx::query(
            "SELECT g.id, g.district_id, g.life_phase, g.state, g.measure_id, m.title, g.proposal_id, p.title, a.display_name, g.updated_at,
                    d.name
             FROM needs_gap g JOIN district d ON d.id = g.district_id LEFT JOIN measure m ON m.id = g.measure_id LEFT JOIN proposal p ON p.id = g.proposal_id
             LEFT JOIN account a ON a.id = g.updated_by
             WHERE g.municipality_id = $1 AND ($2 = 0 OR (g.district_id = $2 AND g.life_phase = $3)) ORDER BY g.updated_at DESC, g.id",
        )
        .bind(municipality)
        .bind(district)
        .bind(&phase)
        .fetch_all(&self.pool)
        .await?;
        let comments = sqlx::query(
            "SELECT c.gap_id, c.body, a.display_name, c.created_at FROM needs_gap_comment c JOIN needs_gap g ON g.id = c.gap_id
             LEFT JOIN account a ON a.id = c.author_id
             WHERE g.municipality_id = $1 AND ($2 = 0 OR (g.district_id = $2 AND g.life_phase = $3)) ORDER BY c.id",
        )
        .bind(municipality)
        .bind(district)
        .bind(&phase)
        .fetch_all(&self.pool)
        .await?;
        let mut out = vec![];
        for r in &rows {
            let id: i64 = r.try_get(0)?;
            let state: String = r.try_get(3)?;
            let named = |i: usize, j: usize| -> Result<Option<(i64, String)>> {
                Ok(r.try_get::<Option<i64>, _>(i)?.zip(r.try_get::<Option<String>, _>(j)?))
            };
            let mut gap_comments = vec![];
            for c in comments.iter().filter(|c| c.try_get::<i64, _>(0).ok() == Some(id)) {
                gap_comments.push(GapComment { body: c.try_get(1)?, author: c.try_get(2)?, created_at: c.try_get(3)? });
            }
            out.push(GapFollowUp {
                district: r.try_get(1)?,
                district_name: r.try_get(10)?,
                life_phase: r.try_get(2)?,
                state: GapState::parse(&state).ok_or_else(|| StoreError::Conflict(format!("stored gap state '{state}' is not known")))?,
                measure: named(4, 5)?,
                proposal: named(6, 7)?,
                comments: gap_comments,
                updated_by: r.try_get(8)?,
                updated_at: r.try_get(9)?,
            });
        }
        Ok(out)
    }

    /// Records a decision about a gap (and its comment, when there is one) in one transaction.
    pub async fn follow_up_gap(
        &self,
        municipality: MunicipalityId,
        district: DistrictId,
        life_phase: &str,
        input: &GapFollowUpInput,
        by: Option<AccountId>,
    ) -> Result<()> {
        input.validate().map_err(|e| invalid(e.0))?;
        let mut tx = self.begin_write().await?;
        let mut errors = vec![];
        if !util::belongs(&mut tx, municipality, "district", district).await? {
            return Err(StoreError::NotFound(format!("district {district}")));
        }
        for (field, table, id) in [("measure_id", "measure", input.measure_id), ("proposal_id", "proposal", input.proposal_id)] {
            if let Some(id) = id {
                if !util::belongs(&mut tx, municipality, table, id).await? {
                    errors.push(FieldError::new(field, "error-unknown", format!("no {table} {id} here")));
                }
            }
        }
        if !errors.is_empty() {
            return Err(invalid(errors));
        }
        let now = self.clock.timestamp();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO needs_gap (municipality_id, district_id, life_phase, state, measure_id, proposal_id, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (municipality_id, district_id, life_phase) DO UPDATE SET state = excluded.state,
               measure_id = excluded.measure_id, proposal_id = excluded.proposal_id, updated_by = excluded.updated_by,
               updated_at = excluded.updated_at
             RETURNING id",
        )
        .bind(municipality)
        .bind(district)
        .bind(life_phase)
        .bind(input.state.as_str())
        .bind(input.measure_id)
        .bind(input.proposal_id)
        .bind(by)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?;
        if !input.comment.trim().is_empty() {
            sqlx::query("INSERT INTO needs_gap_comment (gap_id, body, author_id, created_at) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(input.comment.trim())
                .bind(by)
                .bind(&now)
                .execute(&mut *tx)
                .await?;
        }
        util::audit(
            &mut tx,
            &self.clock,
            municipality,
            by,
            "update",
            "needs_gap",
            Some(id),
            &format!("{life_phase}: {}", input.state.as_str()),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
