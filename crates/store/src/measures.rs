//! Measures of the steering (issue 15): what the chain does about a goal or a gap, with the
//! goals, districts, offers and organisations it links to.

use std::collections::HashMap;

use sqlx::AnyConnection;
use sqlx::Row;

use kette_domain::goals::{MeasureInput, MeasureStatus};
use kette_domain::review::Approval;
use kette_domain::vocab::OfferStatus;
use kette_domain::{AccountId, FieldError, MunicipalityId, TermKind, ValidationErrors};

use crate::{util, Result, Store, StoreError};

/// A stored measure, with the names of what it links to (each list in the order of the ids in
/// `input`).
#[derive(Debug, Clone)]
pub struct Measure {
    pub id: i64,
    pub input: MeasureInput,
    pub goals: Vec<(i64, String)>,
    pub lead_organisation: Option<String>,
    pub organisations: Vec<(i64, String)>,
    pub districts: Vec<(i64, String)>,
    /// Linked offers with what the publication rule needs; readers filter them through it.
    pub offers: Vec<LinkedOffer>,
    /// The proposal it was accepted from, if any.
    pub proposal: Option<(i64, String)>,
    pub is_fictional: bool,
    pub updated_at: String,
}

#[derive(Debug, Clone)]
pub struct LinkedOffer {
    pub id: i64,
    pub title: String,
    pub organisation_id: i64,
    pub status: OfferStatus,
    pub approval: Approval,
    pub last_verified_on: Option<time::Date>,
}

fn iso_date(text: Option<String>) -> Option<time::Date> {
    text.and_then(|d| time::Date::parse(&d, time::macros::format_description!("[year]-[month]-[day]")).ok())
}

fn codes(text: &str) -> Vec<String> {
    text.split(',').filter(|p| !p.is_empty()).map(String::from).collect()
}

/// (measure id, linked id, name) rows of one link table, grouped by measure.
type Links = HashMap<i64, Vec<(i64, String)>>;

impl Store {
    /// Every measure, newest first.
    pub async fn measures(&self, municipality: MunicipalityId) -> Result<Vec<Measure>> {
        self.load_measures(municipality, None).await
    }

    /// One measure of this municipality.
    pub async fn measure(&self, municipality: MunicipalityId, id: i64) -> Result<Option<Measure>> {
        Ok(self.load_measures(municipality, Some(id)).await?.pop())
    }

    async fn load_measures(&self, municipality: MunicipalityId, only: Option<i64>) -> Result<Vec<Measure>> {
        let rows = sqlx::query(
            "SELECT m.*, o.name AS organisation_name, p.id AS proposal_id, p.title AS proposal_title FROM measure m
             LEFT JOIN organisation o ON o.id = m.lead_organisation_id
             LEFT JOIN proposal p ON p.measure_id = m.id
             WHERE m.municipality_id = $1 AND ($2 = 0 OR m.id = $2) ORDER BY m.id DESC",
        )
        .bind(municipality)
        .bind(only.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        let link = |table: &'static str, column: &'static str, target: &'static str, name: &'static str| {
            let sql = format!(
                "SELECT l.measure_id, t.id, t.{name} FROM {table} l JOIN {target} t ON t.id = l.{column}
                 JOIN measure m ON m.id = l.measure_id WHERE m.municipality_id = $1 AND ($2 = 0 OR m.id = $2) ORDER BY t.{name}"
            );
            async move {
                let rows = sqlx::query(&sql).bind(municipality).bind(only.unwrap_or(0)).fetch_all(&self.pool).await?;
                let mut out: Links = HashMap::new();
                for r in rows {
                    out.entry(r.try_get(0)?).or_default().push((r.try_get(1)?, r.try_get(2)?));
                }
                Ok::<_, StoreError>(out)
            }
        };
        let mut goals = link("measure_goal", "goal_id", "goal", "title").await?;
        let mut districts = link("measure_district", "district_id", "district", "name").await?;
        let mut organisations = link("measure_organisation", "organisation_id", "organisation", "name").await?;
        let offer_rows = sqlx::query(
            "SELECT l.measure_id, o.id, o.title, o.organisation_id, o.status, o.approval, o.last_verified_on FROM measure_offer l
             JOIN offer o ON o.id = l.offer_id JOIN measure m ON m.id = l.measure_id
             WHERE m.municipality_id = $1 AND ($2 = 0 OR m.id = $2) ORDER BY o.sort_key",
        )
        .bind(municipality)
        .bind(only.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        let mut offers: HashMap<i64, Vec<LinkedOffer>> = HashMap::new();
        for r in offer_rows {
            let status: String = r.try_get(4)?;
            offers.entry(r.try_get(0)?).or_default().push(LinkedOffer {
                id: r.try_get(1)?,
                title: r.try_get(2)?,
                organisation_id: r.try_get(3)?,
                status: OfferStatus::parse(&status).unwrap_or(OfferStatus::Draft),
                approval: util::approval(&r)?,
                last_verified_on: util::text_to_date(r.try_get(6)?),
            });
        }
        rows.iter()
            .map(|r| -> Result<Measure> {
                let id: i64 = r.try_get("id")?;
                let status: String = r.try_get("status")?;
                let (goals, districts, organisations, offers) = (
                    goals.remove(&id).unwrap_or_default(),
                    districts.remove(&id).unwrap_or_default(),
                    organisations.remove(&id).unwrap_or_default(),
                    offers.remove(&id).unwrap_or_default(),
                );
                let proposal_id: Option<i64> = r.try_get("proposal_id")?;
                Ok(Measure {
                    id,
                    input: MeasureInput {
                        title: r.try_get("title")?,
                        description: r.try_get("description")?,
                        status: MeasureStatus::parse(&status).unwrap_or(MeasureStatus::Idea),
                        goal_ids: goals.iter().map(|(id, _)| *id).collect(),
                        lead_organisation_id: r.try_get("lead_organisation_id")?,
                        organisation_ids: organisations.iter().map(|(id, _)| *id).collect(),
                        offer_ids: offers.iter().map(|o| o.id).collect(),
                        life_phases: codes(&r.try_get::<String, _>("life_phases")?),
                        transitions: codes(&r.try_get::<String, _>("transitions")?),
                        district_ids: districts.iter().map(|(id, _)| *id).collect(),
                        starts_on: iso_date(r.try_get("starts_on")?),
                        ends_on: iso_date(r.try_get("ends_on")?),
                        budget_eur: r.try_get("budget_eur")?,
                        funding_source: r.try_get("funding_source")?,
                    },
                    goals,
                    lead_organisation: r.try_get("organisation_name")?,
                    organisations,
                    districts,
                    offers,
                    proposal: proposal_id.map(|p| Ok::<_, StoreError>((p, r.try_get("proposal_title")?))).transpose()?,
                    is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
                    updated_at: r.try_get("updated_at")?,
                })
            })
            .collect()
    }

    /// Field errors of a measure: its own rules, known vocabulary, and links that are this
    /// municipality's (read inside the writing transaction so they cannot vanish meanwhile).
    async fn check_measure(&self, conn: &mut AnyConnection, municipality: MunicipalityId, input: &MeasureInput) -> Result<()> {
        let mut errors = input.validate().err().unwrap_or_default();
        let vocab = self.vocabulary(municipality).await?;
        for (field, kind, values) in
            [("life_phases", TermKind::LifePhase, &input.life_phases), ("transitions", TermKind::Transition, &input.transitions)]
        {
            if let Some(unknown) = values.iter().find(|p| vocab.get(kind, p).is_none()) {
                errors.push(FieldError::new(field, "error-unknown-term", format!("unknown code '{unknown}'")));
            }
        }
        let lead = input.lead_organisation_id.into_iter().collect::<Vec<_>>();
        for (field, table, ids) in [
            ("goal_ids", "goal", &input.goal_ids),
            ("lead_organisation_id", "organisation", &lead),
            ("organisation_ids", "organisation", &input.organisation_ids),
            ("district_ids", "district", &input.district_ids),
            ("offer_ids", "offer", &input.offer_ids),
        ] {
            for id in ids {
                if !util::belongs(conn, municipality, table, *id).await? {
                    errors.push(FieldError::new(field, "error-unknown", format!("no {table} {id}")));
                    break;
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Invalid { context: "measure".into(), errors: ValidationErrors(errors) })
        }
    }

    /// Creates a measure after checking it and that what it links to is this municipality's.
    pub async fn create_measure(
        &self,
        municipality: MunicipalityId,
        input: &MeasureInput,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        self.check_measure(&mut tx, municipality, input).await?;
        let id = insert_measure(&mut tx, &self.clock, municipality, input, is_fictional).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "create", "measure", Some(id), &input.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Replaces a measure's fields and links. Concurrent saves take turns; the later one wins
    /// and both are in the audit log.
    pub async fn update_measure(&self, municipality: MunicipalityId, id: i64, input: &MeasureInput, by: Option<AccountId>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        self.check_measure(&mut tx, municipality, input).await?;
        let before: Option<String> = sqlx::query_scalar("SELECT status FROM measure WHERE id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(municipality)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(before) = before else { return Err(StoreError::NotFound(format!("measure {id}"))) };
        sqlx::query(
            "UPDATE measure SET title = $1, description = $2, status = $3, lead_organisation_id = $4, life_phases = $5, transitions = $6,
               starts_on = $7, ends_on = $8, budget_eur = $9, funding_source = $10, updated_at = $11 WHERE id = $12",
        )
        .bind(input.title.trim())
        .bind(input.description.trim())
        .bind(input.status.as_str())
        .bind(input.lead_organisation_id)
        .bind(input.life_phases.join(","))
        .bind(input.transitions.join(","))
        .bind(input.starts_on.map(|d| d.to_string()))
        .bind(input.ends_on.map(|d| d.to_string()))
        .bind(input.budget_eur)
        .bind(input.funding_source.trim())
        .bind(self.clock.timestamp())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        write_links(&mut tx, id, input).await?;
        let what = if before == input.status.as_str() {
            input.title.clone()
        } else {
            format!("{}: {before} → {}", input.title, input.status.as_str())
        };
        util::audit(&mut tx, &self.clock, municipality, by, "update", "measure", Some(id), &what).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Writes a checked measure and its links inside the caller's transaction (also used when a
/// proposal is accepted).
pub(crate) async fn insert_measure(
    conn: &mut AnyConnection,
    clock: &kette_domain::Clock,
    municipality: MunicipalityId,
    input: &MeasureInput,
    is_fictional: bool,
) -> Result<i64> {
    let now = clock.timestamp();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO measure (municipality_id, title, description, status, lead_organisation_id, life_phases, transitions, starts_on,
           ends_on, budget_eur, funding_source, is_fictional, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
    )
    .bind(municipality)
    .bind(input.title.trim())
    .bind(input.description.trim())
    .bind(input.status.as_str())
    .bind(input.lead_organisation_id)
    .bind(input.life_phases.join(","))
    .bind(input.transitions.join(","))
    .bind(input.starts_on.map(|d| d.to_string()))
    .bind(input.ends_on.map(|d| d.to_string()))
    .bind(input.budget_eur)
    .bind(input.funding_source.trim())
    .bind(is_fictional as i64)
    .bind(&now)
    .fetch_one(&mut *conn)
    .await?;
    write_links(conn, id, input).await?;
    Ok(id)
}

async fn write_links(conn: &mut AnyConnection, id: i64, input: &MeasureInput) -> Result<()> {
    for (table, column, ids) in [
        ("measure_goal", "goal_id", &input.goal_ids),
        ("measure_district", "district_id", &input.district_ids),
        ("measure_offer", "offer_id", &input.offer_ids),
        ("measure_organisation", "organisation_id", &input.organisation_ids),
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE measure_id = $1")).bind(id).execute(&mut *conn).await?;
        let mut seen = std::collections::HashSet::new();
        for linked in ids.iter().filter(|i| seen.insert(**i)) {
            sqlx::query(&format!("INSERT INTO {table} (measure_id, {column}) VALUES ($1, $2)"))
                .bind(id)
                .bind(linked)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
