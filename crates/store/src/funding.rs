//! Funding records (issue 16) of offers, measures and coordination posts, and the figures the
//! consolidation radar reads about the funded offers: their life phases, districts and how
//! often navigators referred families to them.

use std::collections::HashMap;

use sqlx::Row;
use time::Date;

use kette_domain::funding::{FundingInput, FundingSubject};
use kette_domain::vocab::FundingKind;
use kette_domain::{AccountId, FieldError, MunicipalityId, ValidationErrors};

use crate::{util, Result, Store, StoreError};

/// A stored record with the name of what it funds (German, as entered).
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredFunding {
    pub id: i64,
    pub input: FundingInput,
    pub subject_name: String,
    pub is_fictional: bool,
}

/// What the radar shows about a funded offer.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct OfferReach {
    pub life_phases: Vec<String>,
    /// Names of the top-level districts its places lie in.
    pub districts: Vec<String>,
    /// Contacts of the navigator's log referred to it in the last twelve months.
    pub referrals: i64,
    pub capacity: Option<i64>,
}

fn iso(d: Option<Date>) -> Option<String> {
    d.map(util::date_to_text)
}

impl Store {
    /// Every funding record of the municipality, those ending first first (open ends last).
    pub async fn fundings(&self, municipality: MunicipalityId) -> Result<Vec<StoredFunding>> {
        let rows = sqlx::query(
            "SELECT f.*, o.title AS offer_title, m.title AS measure_title FROM funding f
             LEFT JOIN offer o ON o.id = f.offer_id LEFT JOIN measure m ON m.id = f.measure_id
             WHERE f.municipality_id = $1 ORDER BY f.ends_on IS NULL, f.ends_on, f.id",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = r.try_get("id")?;
            let subject_kind: String = r.try_get("subject_kind")?;
            let (subject, subject_name) = match subject_kind.as_str() {
                "offer" => {
                    (FundingSubject::Offer(r.try_get("offer_id")?), r.try_get::<Option<String>, _>("offer_title")?.unwrap_or_default())
                }
                "measure" => (
                    FundingSubject::Measure(r.try_get("measure_id")?),
                    r.try_get::<Option<String>, _>("measure_title")?.unwrap_or_default(),
                ),
                "post" => (FundingSubject::Post, r.try_get("post_title")?),
                other => {
                    return Err(StoreError::Conflict(format!("stored funding {id} funds '{other}', which this version does not know")))
                }
            };
            let kind: String = r.try_get("kind")?;
            let input = FundingInput {
                subject,
                post_title: r.try_get("post_title")?,
                source: r.try_get("source")?,
                kind: FundingKind::parse(&kind)
                    .ok_or_else(|| StoreError::Conflict(format!("stored funding kind '{kind}' is not known")))?,
                amount_per_year_eur: r.try_get("amount_per_year_eur")?,
                starts_on: util::text_to_date(r.try_get("starts_on")?),
                ends_on: util::text_to_date(r.try_get("ends_on")?),
            };
            out.push(StoredFunding { id, input, subject_name, is_fictional: r.try_get::<i64, _>("is_fictional")? != 0 });
        }
        Ok(out)
    }

    pub async fn funding(&self, municipality: MunicipalityId, id: i64) -> Result<Option<StoredFunding>> {
        Ok(self.fundings(municipality).await?.into_iter().find(|f| f.id == id))
    }

    async fn check_funding(&self, conn: &mut sqlx::AnyConnection, municipality: MunicipalityId, input: &FundingInput) -> Result<()> {
        let mut errors = input.validate().err().unwrap_or_default();
        let subject = match input.subject {
            FundingSubject::Offer(id) => Some(("offer", id)),
            FundingSubject::Measure(id) => Some(("measure", id)),
            FundingSubject::Post => None,
        };
        if let Some((table, id)) = subject {
            if !util::belongs(conn, municipality, table, id).await? {
                errors.push(FieldError::new("subject", "error-unknown", format!("no {table} {id} here")));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Invalid { context: "funding".into(), errors: ValidationErrors(errors) })
        }
    }

    /// Writes a new record, or replaces record `id`.
    pub async fn save_funding(
        &self,
        municipality: MunicipalityId,
        id: Option<i64>,
        input: &FundingInput,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        self.check_funding(&mut tx, municipality, input).await?;
        let now = self.clock.timestamp();
        let (offer, measure) = match input.subject {
            FundingSubject::Offer(o) => (Some(o), None),
            FundingSubject::Measure(m) => (None, Some(m)),
            FundingSubject::Post => (None, None),
        };
        let post_title = if input.subject == FundingSubject::Post { input.post_title.trim() } else { "" };
        let action = if id.is_none() { "create" } else { "update" };
        let id = match id {
            None => {
                sqlx::query_scalar(
                    "INSERT INTO funding (municipality_id, subject_kind, offer_id, measure_id, post_title, source, kind, amount_per_year_eur,
                     starts_on, ends_on, is_fictional, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
                )
                .bind(municipality)
                .bind(input.subject.kind())
                .bind(offer)
                .bind(measure)
                .bind(post_title)
                .bind(input.source.trim())
                .bind(input.kind.as_str())
                .bind(input.amount_per_year_eur)
                .bind(iso(input.starts_on))
                .bind(iso(input.ends_on))
                .bind(is_fictional as i64)
                .bind(&now)
                .fetch_one(&mut *tx)
                .await?
            }
            Some(id) => {
                let changed = sqlx::query(
                    "UPDATE funding SET subject_kind = $1, offer_id = $2, measure_id = $3, post_title = $4, source = $5, kind = $6,
                     amount_per_year_eur = $7, starts_on = $8, ends_on = $9, updated_at = $10 WHERE id = $11 AND municipality_id = $12",
                )
                .bind(input.subject.kind())
                .bind(offer)
                .bind(measure)
                .bind(post_title)
                .bind(input.source.trim())
                .bind(input.kind.as_str())
                .bind(input.amount_per_year_eur)
                .bind(iso(input.starts_on))
                .bind(iso(input.ends_on))
                .bind(&now)
                .bind(id)
                .bind(municipality)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if changed == 0 {
                    return Err(StoreError::NotFound(format!("funding {id}")));
                }
                id
            }
        };
        util::audit(&mut tx, &self.clock, municipality, by, action, "funding", Some(id), &input.source).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Life phases, districts, capacity and the last twelve months' referrals of these offers.
    pub async fn offer_reach(&self, municipality: MunicipalityId, offers: &[i64], since: Date) -> Result<HashMap<i64, OfferReach>> {
        let mut out: HashMap<i64, OfferReach> = offers.iter().map(|o| (*o, OfferReach::default())).collect();
        if offers.is_empty() {
            return Ok(out);
        }
        let list = util::placeholders(2, offers.len());
        fn bind_all<'q>(sql: &'q str, municipality: i64, offers: &[i64]) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
            let mut q = sqlx::query(sql).bind(municipality);
            for o in offers {
                q = q.bind(*o);
            }
            q
        }
        let phases = format!(
            "SELECT t.offer_id, t.code FROM offer_term t JOIN offer o ON o.id = t.offer_id
             WHERE o.municipality_id = $1 AND t.kind = 'life_phase' AND t.offer_id IN ({list}) ORDER BY t.code"
        );
        for r in bind_all(&phases, municipality, offers).fetch_all(&self.pool).await? {
            if let Some(e) = out.get_mut(&r.try_get::<i64, _>(0)?) {
                e.life_phases.push(r.try_get(1)?);
            }
        }
        let districts = format!(
            "SELECT DISTINCT ol.offer_id, top.name FROM offer_location ol JOIN location l ON l.id = ol.location_id
             JOIN district d ON d.id = l.district_id
             JOIN district top ON top.municipality_id = d.municipality_id AND top.parent_id IS NULL AND d.path LIKE top.path || '%'
             WHERE d.municipality_id = $1 AND ol.offer_id IN ({list}) ORDER BY top.name"
        );
        for r in bind_all(&districts, municipality, offers).fetch_all(&self.pool).await? {
            if let Some(e) = out.get_mut(&r.try_get::<i64, _>(0)?) {
                e.districts.push(r.try_get(1)?);
            }
        }
        let capacity = format!("SELECT id, capacity FROM offer WHERE municipality_id = $1 AND id IN ({list})");
        for r in bind_all(&capacity, municipality, offers).fetch_all(&self.pool).await? {
            if let Some(e) = out.get_mut(&r.try_get::<i64, _>(0)?) {
                e.capacity = r.try_get(1)?;
            }
        }
        let referrals = format!(
            "SELECT offer_id, COUNT(*) FROM referral WHERE municipality_id = $1 AND offer_id IN ({list}) AND referred_on >= ${} GROUP BY offer_id",
            offers.len() + 2
        );
        for r in bind_all(&referrals, municipality, offers).bind(util::date_to_text(since)).fetch_all(&self.pool).await? {
            if let Some(e) = out.get_mut(&r.try_get::<i64, _>(0)?) {
                e.referrals = r.try_get(1)?;
            }
        }
        Ok(out)
    }

    /// Active offers with their own funding field (as imported or entered on the offer form):
    /// (offer id, title, kind, source, amount, until). The radar reads these alongside the
    /// funding records, so an offer's stated project end is never overlooked.
    pub async fn offer_funding_fields(
        &self,
        municipality: MunicipalityId,
    ) -> Result<Vec<(i64, String, FundingKind, String, Option<f64>, Option<Date>)>> {
        let rows = sqlx::query(
            "SELECT id, title, funding_kind, funding_source, funding_amount_eur, funding_until FROM offer
             WHERE municipality_id = $1 AND status = 'active' AND funding_kind IS NOT NULL",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let kind: String = r.try_get("funding_kind")?;
            let Some(kind) = FundingKind::parse(&kind) else { continue };
            out.push((
                r.try_get("id")?,
                r.try_get("title")?,
                kind,
                r.try_get("funding_source")?,
                r.try_get("funding_amount_eur")?,
                util::text_to_date(r.try_get("funding_until")?),
            ));
        }
        Ok(out)
    }
}
