//! The navigator's log (issue 16): anonymous contacts, counted by month, district, life phase,
//! transition, topic, offer and outcome, and the follow-ups still open. Counts leave here raw;
//! `kette_app::navigator` puts them through the confidentiality rule for each reader.

use sqlx::Row;
use time::Date;

use kette_domain::disclosure::Sealed;
use kette_domain::navigator::{ContactDimension, ContactInput};
use kette_domain::vocab::ContactOutcome;
use kette_domain::{FieldError, MunicipalityId, TermKind, ValidationErrors};

use crate::{util, Result, Store, StoreError};

/// How many offers the count by offer names; the rest are one row with the code `OTHER_OFFERS`.
pub const MOST_FREQUENT_OFFERS: usize = 15;
pub const OTHER_OFFERS: &str = "*";

/// A contact whose outcome nobody has recorded yet: what a navigator follows up on.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FollowUp {
    pub id: i64,
    pub contacted_on: String,
    pub offer_id: Option<i64>,
    pub offer_title: Option<String>,
    pub district: Option<String>,
    pub life_phase: Option<String>,
    pub transition: Option<String>,
}

impl Store {
    /// Logs one contact: the codes known to the vocabulary, offer and district of this
    /// municipality, the date within the last year.
    pub async fn log_contact(&self, municipality: MunicipalityId, input: &ContactInput) -> Result<i64> {
        let mut errors = input.validate(self.today()).err().unwrap_or_default();
        let vocab = self.vocabulary(municipality).await?;
        for (field, kind, code) in [
            ("life_phase", TermKind::LifePhase, &input.life_phase),
            ("transition", TermKind::Transition, &input.transition),
            ("domain", TermKind::Domain, &input.domain),
        ] {
            if let Some(code) = code.as_deref() {
                if !vocab.contains(kind, code) {
                    errors.push(FieldError::new(field, "error-unknown-term", format!("unknown {} '{code}'", kind.as_str())));
                }
            }
        }
        let mut tx = self.begin_write().await?;
        for (field, table, id) in [("offer_id", "offer", input.offer_id), ("district", "district", input.district_id)] {
            if let Some(id) = id {
                if !util::belongs(&mut tx, municipality, table, id).await? {
                    errors.push(FieldError::new(field, "error-unknown", format!("no {table} {id} here")));
                }
            }
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid { context: "contact".into(), errors: ValidationErrors(errors) });
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO referral (municipality_id, referred_on, offer_id, district_id, life_phase, transition, domain, language, outcome, outcome_on)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(municipality)
        .bind(util::date_to_text(input.contacted_on))
        .bind(input.offer_id)
        .bind(input.district_id)
        .bind(input.life_phase.as_deref())
        .bind(input.transition.as_deref())
        .bind(input.domain.as_deref())
        .bind(input.language.as_deref())
        .bind(input.outcome.as_str())
        .bind((input.outcome != ContactOutcome::Unknown).then(|| util::date_to_text(self.today())))
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records what became of a contact; false when there is no such contact.
    pub async fn set_contact_outcome(&self, municipality: MunicipalityId, id: i64, outcome: ContactOutcome) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query("UPDATE referral SET outcome = $1, outcome_on = $2 WHERE id = $3 AND municipality_id = $4")
            .bind(outcome.as_str())
            .bind(util::date_to_text(self.today()))
            .bind(id)
            .bind(municipality)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            > 0;
        tx.commit().await?;
        Ok(changed)
    }

    /// Contacts since `since` with an offer and no outcome yet, newest first.
    pub async fn open_follow_ups(&self, municipality: MunicipalityId, since: Date, limit: i64) -> Result<Vec<FollowUp>> {
        let rows = sqlx::query(
            "SELECT r.id, r.referred_on, r.offer_id, o.title, d.name AS district, r.life_phase, r.transition FROM referral r
             JOIN offer o ON o.id = r.offer_id LEFT JOIN district d ON d.id = r.district_id
             WHERE r.municipality_id = $1 AND r.outcome = 'unknown' AND r.referred_on >= $2
             ORDER BY r.referred_on DESC, r.id DESC LIMIT $3",
        )
        .bind(municipality)
        .bind(util::date_to_text(since))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FollowUp {
                    id: r.try_get("id")?,
                    contacted_on: r.try_get("referred_on")?,
                    offer_id: r.try_get("offer_id")?,
                    offer_title: r.try_get("title")?,
                    district: r.try_get("district")?,
                    life_phase: r.try_get("life_phase")?,
                    transition: r.try_get("transition")?,
                })
            })
            .collect()
    }

    /// Contacts from `from` to `to` (inclusive) counted by one dimension: (code, label) of each
    /// row and the counts sealed, every contact in exactly one row — an empty code where nothing
    /// was said. Labels are the German names of districts and offers; vocabulary codes are
    /// labelled by the reader's page.
    pub async fn contact_counts(
        &self,
        municipality: MunicipalityId,
        dimension: ContactDimension,
        from: Date,
        to: Date,
    ) -> Result<(Vec<(String, String)>, Sealed<Vec<u64>>)> {
        let (key, label, join) = match dimension {
            ContactDimension::Month => ("substr(r.referred_on, 1, 7)", "substr(r.referred_on, 1, 7)", ""),
            // the top of the district hierarchy (a Bezirk), whatever level was recorded
            ContactDimension::District => (
                "COALESCE(CAST(top.id AS TEXT), '')",
                "COALESCE(top.name, '')",
                " LEFT JOIN district d ON d.id = r.district_id
                  LEFT JOIN district top ON top.municipality_id = r.municipality_id AND top.parent_id IS NULL AND d.path LIKE top.path || '%'",
            ),
            ContactDimension::LifePhase => ("COALESCE(r.life_phase, '')", "''", ""),
            ContactDimension::Transition => ("COALESCE(r.transition, '')", "''", ""),
            ContactDimension::Topic => ("COALESCE(r.domain, '')", "''", ""),
            ContactDimension::Offer => {
                ("COALESCE(CAST(o.id AS TEXT), '')", "COALESCE(o.title, '')", " LEFT JOIN offer o ON o.id = r.offer_id")
            }
            ContactDimension::Outcome => ("r.outcome", "''", ""),
        };
        let rows = sqlx::query(&format!(
            "SELECT {key} AS k, {label} AS label, COUNT(*) AS n FROM referral r{join}
             WHERE r.municipality_id = $1 AND r.referred_on >= $2 AND r.referred_on <= $3
             GROUP BY {key}, {label} ORDER BY n DESC, k"
        ))
        .bind(municipality)
        .bind(util::date_to_text(from))
        .bind(util::date_to_text(to))
        .fetch_all(&self.pool)
        .await?;
        let mut keys = Vec::with_capacity(rows.len());
        let mut counts = Vec::with_capacity(rows.len());
        for (i, r) in rows.iter().enumerate() {
            let n = r.try_get::<i64, _>("n")? as u64;
            // offers beyond the most frequent ones are one row, so the table stays readable
            // and still adds up to the total
            if dimension == ContactDimension::Offer && i >= MOST_FREQUENT_OFFERS {
                if i == MOST_FREQUENT_OFFERS {
                    keys.push((OTHER_OFFERS.to_string(), String::new()));
                    counts.push(0);
                }
                *counts.last_mut().expect("the row of other offers") += n;
                continue;
            }
            keys.push((r.try_get("k")?, r.try_get("label")?));
            counts.push(n);
        }
        Ok((keys, Sealed::seal(counts)))
    }
}
