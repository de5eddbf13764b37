//! The engagement register (issue 16): needs and gifts, each gift checked against the need it is
//! matched to inside the write transaction.

use sqlx::Row;

use kette_domain::engagement::{GiftInput, NeedInput};
use kette_domain::vocab::{GiftKind, GiftStatus, GiverKind};
use kette_domain::{AccountId, FieldError, MunicipalityId, ValidationErrors};

use crate::{util, Result, Store, StoreError};

#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredNeed {
    pub id: i64,
    pub input: NeedInput,
    /// The offer's or measure's title.
    pub subject_name: String,
    pub is_met: bool,
    pub is_fictional: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredGift {
    pub id: i64,
    pub input: GiftInput,
    pub status_on: String,
    pub is_fictional: bool,
}

fn invalid(context: &str, errors: Vec<FieldError>) -> StoreError {
    StoreError::Invalid { context: context.into(), errors: ValidationErrors(errors) }
}

fn conflict(what: &str, value: &str) -> StoreError {
    StoreError::Conflict(format!("stored {what} '{value}' is not known to this version"))
}

impl Store {
    pub async fn needs(&self, municipality: MunicipalityId) -> Result<Vec<StoredNeed>> {
        let rows = sqlx::query(
            "SELECT n.*, COALESCE(o.title, m.title, '') AS subject FROM need n LEFT JOIN offer o ON o.id = n.offer_id
             LEFT JOIN measure m ON m.id = n.measure_id WHERE n.municipality_id = $1 ORDER BY n.is_met, n.created_at, n.id",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let kind: String = r.try_get("kind")?;
                Ok(StoredNeed {
                    id: r.try_get("id")?,
                    input: NeedInput {
                        offer_id: r.try_get("offer_id")?,
                        measure_id: r.try_get("measure_id")?,
                        kind: GiftKind::parse(&kind).ok_or_else(|| conflict("gift kind", &kind))?,
                        description: r.try_get("description")?,
                    },
                    subject_name: r.try_get("subject")?,
                    is_met: r.try_get::<i64, _>("is_met")? != 0,
                    is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
                })
            })
            .collect()
    }

    pub async fn add_need(
        &self,
        municipality: MunicipalityId,
        input: &NeedInput,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut errors = input.validate().err().unwrap_or_default();
        let mut tx = self.begin_write().await?;
        for (table, id) in [("offer", input.offer_id), ("measure", input.measure_id)] {
            if let Some(id) = id {
                if !util::belongs(&mut tx, municipality, table, id).await? {
                    errors.push(FieldError::new("need_subject", "error-unknown", format!("no {table} {id} here")));
                }
            }
        }
        if !errors.is_empty() {
            return Err(invalid("need", errors));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO need (municipality_id, offer_id, measure_id, kind, description, is_fictional, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(municipality)
        .bind(input.offer_id)
        .bind(input.measure_id)
        .bind(input.kind.as_str())
        .bind(input.description.trim())
        .bind(is_fictional as i64)
        .bind(self.clock.timestamp())
        .fetch_one(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "create", "need", Some(id), &input.description).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn gifts(&self, municipality: MunicipalityId) -> Result<Vec<StoredGift>> {
        let rows = sqlx::query("SELECT * FROM gift WHERE municipality_id = $1 ORDER BY offered_on DESC, id DESC")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let (giver, kind, status): (String, String, String) = (r.try_get("giver_kind")?, r.try_get("kind")?, r.try_get("status")?);
                let offered_on: String = r.try_get("offered_on")?;
                Ok(StoredGift {
                    id: r.try_get("id")?,
                    input: GiftInput {
                        giver_kind: GiverKind::parse(&giver).ok_or_else(|| conflict("giver kind", &giver))?,
                        giver_name: r.try_get("giver_name")?,
                        kind: GiftKind::parse(&kind).ok_or_else(|| conflict("gift kind", &kind))?,
                        description: r.try_get("description")?,
                        amount_eur: r.try_get("amount_eur")?,
                        hours: r.try_get::<Option<i64>, _>("hours")?.map(|h| h as u32),
                        offered_on: util::text_to_date(Some(offered_on.clone())).ok_or_else(|| conflict("date", &offered_on))?,
                        need_id: r.try_get("need_id")?,
                        status: GiftStatus::parse(&status).ok_or_else(|| conflict("gift status", &status))?,
                    },
                    status_on: r.try_get("status_on")?,
                    is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
                })
            })
            .collect()
    }

    /// Writes a new gift or replaces gift `id`; a gift thanked for marks its need as met.
    pub async fn save_gift(
        &self,
        municipality: MunicipalityId,
        id: Option<i64>,
        input: &GiftInput,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let need_kind = match input.need_id {
            None => None,
            Some(n) => {
                let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM need WHERE id = $1 AND municipality_id = $2")
                    .bind(n)
                    .bind(municipality)
                    .fetch_optional(&mut *tx)
                    .await?;
                match kind {
                    Some(k) => GiftKind::parse(&k),
                    None => return Err(invalid("gift", vec![FieldError::new("need_id", "error-unknown", format!("no need {n} here"))])),
                }
            }
        };
        if let Err(errors) = input.validate(need_kind) {
            return Err(invalid("gift", errors));
        }
        let today = util::date_to_text(self.today());
        let now = self.clock.timestamp();
        let name = if input.giver_kind == GiverKind::Citizen { "" } else { input.giver_name.trim() };
        let id = match id {
            None => sqlx::query_scalar(
                "INSERT INTO gift (municipality_id, giver_kind, giver_name, kind, description, amount_eur, hours, offered_on, need_id, status,
                 status_on, is_fictional, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            )
            .bind(municipality)
            .bind(input.giver_kind.as_str())
            .bind(name)
            .bind(input.kind.as_str())
            .bind(input.description.trim())
            .bind(input.amount_eur)
            .bind(input.hours.map(i64::from))
            .bind(util::date_to_text(input.offered_on))
            .bind(input.need_id)
            .bind(input.status.as_str())
            .bind(&today)
            .bind(is_fictional as i64)
            .bind(&now)
            .fetch_one(&mut *tx)
            .await?,
            Some(id) => {
                let changed = sqlx::query(
                    "UPDATE gift SET giver_kind = $1, giver_name = $2, kind = $3, description = $4, amount_eur = $5, hours = $6, offered_on = $7,
                     need_id = $8, status_on = CASE WHEN status = $9 THEN status_on ELSE $10 END, status = $9 WHERE id = $11 AND municipality_id = $12",
                )
                .bind(input.giver_kind.as_str())
                .bind(name)
                .bind(input.kind.as_str())
                .bind(input.description.trim())
                .bind(input.amount_eur)
                .bind(input.hours.map(i64::from))
                .bind(util::date_to_text(input.offered_on))
                .bind(input.need_id)
                .bind(input.status.as_str())
                .bind(&today)
                .bind(id)
                .bind(municipality)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if changed == 0 {
                    return Err(StoreError::NotFound(format!("gift {id}")));
                }
                id
            }
        };
        if let (Some(need), GiftStatus::Delivered | GiftStatus::Thanked) = (input.need_id, input.status) {
            sqlx::query("UPDATE need SET is_met = 1 WHERE id = $1").bind(need).execute(&mut *tx).await?;
        }
        util::audit(&mut tx, &self.clock, municipality, by, input.status.as_str(), "gift", Some(id), &input.description).await?;
        tx.commit().await?;
        Ok(id)
    }
}
