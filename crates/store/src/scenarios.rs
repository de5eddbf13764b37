//! Saved "what if" scenarios of the needs analysis (issue 14): planned offers and closures,
//! stored apart from the offers until the steering group decides. Writing one never touches
//! the offer data, so the analysis' caches stay valid.

use sqlx::Row;

use kette_domain::needs::{PlannedOffer, ScenarioChange};
use kette_domain::{AccountId, DistrictId, FieldError, MunicipalityId, ValidationErrors};

use kette_domain::vocab::OfferStatus;

use crate::{util, LinkedOffer, Result, Store, StoreError};

#[derive(Debug, Clone)]
pub struct StoredScenario {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub created_by: Option<String>,
    pub updated_at: String,
    pub is_fictional: bool,
    pub changes: Vec<StoredScenarioChange>,
}

#[derive(Debug, Clone)]
pub struct StoredScenarioChange {
    pub id: i64,
    pub change: ScenarioChange,
    /// the closed offer, with what the publication rule needs: readers filter it through it
    pub offer: Option<LinkedOffer>,
    /// the planned offer's district: name and materialised path
    pub district: Option<(String, String)>,
}

fn invalid(errors: Vec<FieldError>) -> StoreError {
    StoreError::Invalid { context: "scenario".into(), errors: ValidationErrors(errors) }
}

fn check_name(name: &str) -> Result<()> {
    let name = name.trim();
    if name.is_empty() {
        return Err(invalid(vec![FieldError::new("name", "error-required", "a scenario needs a name")]));
    }
    if name.chars().count() > 200 {
        return Err(invalid(vec![FieldError::new("name", "error-too-long", "at most 200 characters")]));
    }
    Ok(())
}

impl Store {
    /// Every scenario with its changes, the most recently changed first.
    pub async fn scenarios(&self, municipality: MunicipalityId) -> Result<Vec<StoredScenario>> {
        self.load_scenarios(municipality, None).await
    }

    pub async fn scenario(&self, municipality: MunicipalityId, id: i64) -> Result<Option<StoredScenario>> {
        Ok(self.load_scenarios(municipality, Some(id)).await?.pop())
    }

    async fn load_scenarios(&self, municipality: MunicipalityId, only: Option<i64>) -> Result<Vec<StoredScenario>> {
        let rows = sqlx::query(
            "SELECT s.id, s.name, s.description, a.display_name, s.updated_at, s.is_fictional FROM needs_scenario s
             LEFT JOIN account a ON a.id = s.created_by
             WHERE s.municipality_id = $1 AND ($2 IS NULL OR s.id = $2) ORDER BY s.updated_at DESC, s.id DESC",
        )
        .bind(municipality)
        .bind(only)
        .fetch_all(&self.pool)
        .await?;
        let changes = sqlx::query(
            "SELECT c.id, c.scenario_id, c.kind, c.offer_id, c.label, c.district_id, c.lat, c.lon, c.phases, c.places,
                    o.title, d.name, d.path, o.organisation_id, o.status, o.approval, o.last_verified_on
             FROM needs_scenario_change c JOIN needs_scenario s ON s.id = c.scenario_id
             LEFT JOIN offer o ON o.id = c.offer_id LEFT JOIN district d ON d.id = c.district_id
             WHERE s.municipality_id = $1 AND ($2 IS NULL OR s.id = $2) ORDER BY c.id",
        )
        .bind(municipality)
        .bind(only)
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<StoredScenario> = rows
            .iter()
            .map(|r| {
                Ok(StoredScenario {
                    id: r.try_get(0)?,
                    name: r.try_get(1)?,
                    description: r.try_get(2)?,
                    created_by: r.try_get(3)?,
                    updated_at: r.try_get(4)?,
                    is_fictional: r.try_get::<i64, _>(5)? != 0,
                    changes: vec![],
                })
            })
            .collect::<Result<_>>()?;
        for r in &changes {
            let scenario: i64 = r.try_get(1)?;
            let kind: String = r.try_get(2)?;
            let change = if kind == "close" {
                ScenarioChange::Close { offer: r.try_get(3)? }
            } else {
                let (lat, lon): (Option<f64>, Option<f64>) = (r.try_get(6)?, r.try_get(7)?);
                let phases: String = r.try_get(8)?;
                ScenarioChange::Add(PlannedOffer {
                    label: r.try_get(4)?,
                    district: r.try_get(5)?,
                    at: lat.zip(lon).map(|(a, b)| [a, b]),
                    phases: phases.split(',').filter(|p| !p.is_empty()).map(String::from).collect(),
                    places: r.try_get::<Option<i64>, _>(9)?.map(|p| p.max(0) as u64),
                })
            };
            let offer = match r.try_get::<Option<String>, _>(10)? {
                Some(title) => {
                    let status: String = r.try_get(14)?;
                    Some(LinkedOffer {
                        id: r.try_get(3)?,
                        title,
                        organisation_id: r.try_get(13)?,
                        status: OfferStatus::parse(&status).unwrap_or(OfferStatus::Draft),
                        approval: util::approval(r)?,
                        last_verified_on: util::text_to_date(r.try_get(16)?),
                    })
                }
                None => None,
            };
            let name: Option<String> = r.try_get(11)?;
            let path: Option<String> = r.try_get(12)?;
            if let Some(s) = out.iter_mut().find(|s| s.id == scenario) {
                s.changes.push(StoredScenarioChange { id: r.try_get(0)?, change, offer, district: name.zip(path) });
            }
        }
        Ok(out)
    }

    pub async fn create_scenario(
        &self,
        municipality: MunicipalityId,
        name: &str,
        description: &str,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<i64> {
        check_name(name)?;
        let mut tx = self.begin_write().await?;
        let now = self.clock.timestamp();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO needs_scenario (municipality_id, name, description, is_fictional, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .bind(municipality)
        .bind(name.trim())
        .bind(description.trim())
        .bind(is_fictional as i64)
        .bind(by)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "create", "needs_scenario", Some(id), name.trim()).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn delete_scenario(&self, municipality: MunicipalityId, id: i64, by: Option<AccountId>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM needs_scenario WHERE id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(municipality)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("scenario {id}")));
        }
        util::audit(&mut tx, &self.clock, municipality, by, "delete", "needs_scenario", Some(id), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a change; the planned offer's fields are checked by the caller against the
    /// vocabulary (`PlannedOffer::validate`), its district and a closed offer here.
    pub async fn add_scenario_change(
        &self,
        municipality: MunicipalityId,
        scenario: i64,
        change: &ScenarioChange,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        if !util::belongs(&mut tx, municipality, "needs_scenario", scenario).await? {
            return Err(StoreError::NotFound(format!("scenario {scenario}")));
        }
        let id: i64 = match change {
            ScenarioChange::Close { offer } => {
                if !util::belongs(&mut tx, municipality, "offer", *offer).await? {
                    return Err(invalid(vec![FieldError::new("offer", "error-unknown", format!("no offer {offer} here"))]));
                }
                let already: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM needs_scenario_change WHERE scenario_id = $1 AND kind = 'close' AND offer_id = $2")
                        .bind(scenario)
                        .bind(offer)
                        .fetch_optional(&mut *tx)
                        .await?;
                if let Some(id) = already {
                    return Ok(id);
                }
                sqlx::query_scalar("INSERT INTO needs_scenario_change (scenario_id, kind, offer_id) VALUES ($1, 'close', $2) RETURNING id")
                    .bind(scenario)
                    .bind(offer)
                    .fetch_one(&mut *tx)
                    .await?
            }
            ScenarioChange::Add(p) => {
                if !util::belongs(&mut tx, municipality, "district", p.district).await? {
                    return Err(invalid(vec![FieldError::new("district", "error-unknown", format!("no district {} here", p.district))]));
                }
                sqlx::query_scalar(
                    "INSERT INTO needs_scenario_change (scenario_id, kind, label, district_id, lat, lon, phases, places)
                     VALUES ($1, 'add', $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(scenario)
                .bind(p.label.trim())
                .bind(p.district)
                .bind(p.at.map(|a| a[0]))
                .bind(p.at.map(|a| a[1]))
                .bind(p.phases.join(","))
                .bind(p.places.map(|x| x as i64))
                .fetch_one(&mut *tx)
                .await?
            }
        };
        touch(&mut tx, &self.clock, scenario).await?;
        let detail = match change {
            ScenarioChange::Close { offer } => format!("close offer {offer}"),
            ScenarioChange::Add(p) => format!("plan {}", p.label.trim()),
        };
        util::audit(&mut tx, &self.clock, municipality, by, "update", "needs_scenario", Some(scenario), &detail).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn remove_scenario_change(
        &self,
        municipality: MunicipalityId,
        scenario: i64,
        change: i64,
        by: Option<AccountId>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        if !util::belongs(&mut tx, municipality, "needs_scenario", scenario).await? {
            return Err(StoreError::NotFound(format!("scenario {scenario}")));
        }
        let done = sqlx::query("DELETE FROM needs_scenario_change WHERE id = $1 AND scenario_id = $2")
            .bind(change)
            .bind(scenario)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("change {change} of scenario {scenario}")));
        }
        touch(&mut tx, &self.clock, scenario).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "update", "needs_scenario", Some(scenario), &format!("remove change {change}"))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The district of `level` a district lies in (itself at that level), by its path.
    pub async fn district_at_level(&self, municipality: MunicipalityId, district: DistrictId, level: i64) -> Result<Option<DistrictId>> {
        Ok(sqlx::query_scalar(
            "SELECT a.id FROM district d JOIN district a ON a.municipality_id = d.municipality_id AND a.level = $3
               AND substr(d.path, 1, length(a.path)) = a.path
             WHERE d.id = $2 AND d.municipality_id = $1",
        )
        .bind(municipality)
        .bind(district)
        .bind(level)
        .fetch_optional(&self.pool)
        .await?)
    }
}

async fn touch(conn: &mut sqlx::AnyConnection, clock: &kette_domain::Clock, scenario: i64) -> Result<()> {
    sqlx::query("UPDATE needs_scenario SET updated_at = $1 WHERE id = $2").bind(clock.timestamp()).bind(scenario).execute(conn).await?;
    Ok(())
}
