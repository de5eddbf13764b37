//! The network's events (issue 16): written whole in one transaction with their goals and the
//! participants counted by organisation and profession; the municipality's calendar secret.

use std::collections::HashMap;

use sqlx::{AnyConnection, Row};
use time::PrimitiveDateTime;

use kette_domain::cycle::Phase;
use kette_domain::events::{Attendance, EventInput};
use kette_domain::vocab::{EventKind, Profession};
use kette_domain::{AccountId, FieldError, MunicipalityId, ValidationErrors};

use crate::bodies::{moment_to_text, text_to_moment};
use crate::{util, Result, Store, StoreError};

/// A stored event with the names it refers to.
#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub id: i64,
    pub input: EventInput,
    pub organiser: Option<String>,
    /// (id, title) of the goals it serves.
    pub goals: Vec<(i64, String)>,
    /// Organisation names of the attendance rows, by organisation id.
    pub organisations: HashMap<i64, String>,
    pub updated_at: String,
    pub is_fictional: bool,
}

impl StoredEvent {
    /// Distinct partner organisations that took part.
    pub fn organisations_reached(&self) -> usize {
        let mut ids: Vec<i64> = self.input.attendance.iter().filter_map(|a| a.organisation_id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }
}

fn invalid(errors: Vec<FieldError>) -> StoreError {
    StoreError::Invalid { context: "event".into(), errors: ValidationErrors(errors) }
}

impl Store {
    /// Events of the municipality starting from `from` (all when None), public ones only when
    /// `public_only`; in order of their start.
    pub async fn events(
        &self,
        municipality: MunicipalityId,
        from: Option<PrimitiveDateTime>,
        public_only: bool,
    ) -> Result<Vec<StoredEvent>> {
        let rows = sqlx::query(
            "SELECT e.*, o.name AS organiser FROM event e LEFT JOIN organisation o ON o.id = e.organiser_id
             WHERE e.municipality_id = $1 AND e.ends_at >= $2 AND (e.is_public = 1 OR $3 = 0) ORDER BY e.starts_at, e.id",
        )
        .bind(municipality)
        .bind(from.map(moment_to_text).unwrap_or_default())
        .bind(public_only as i64)
        .fetch_all(&self.pool)
        .await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.try_get("id")).collect::<std::result::Result<_, _>>()?;
        let mut goals: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
        let mut attendance: HashMap<i64, Vec<Attendance>> = HashMap::new();
        let mut names: HashMap<i64, HashMap<i64, String>> = HashMap::new();
        if !ids.is_empty() {
            let list = util::placeholders(1, ids.len());
            let sql = format!(
                "SELECT eg.event_id, g.id, g.title FROM event_goal eg JOIN goal g ON g.id = eg.goal_id WHERE eg.event_id IN ({list}) ORDER BY g.title"
            );
            let mut q = sqlx::query(&sql);
            for id in &ids {
                q = q.bind(*id);
            }
            for r in q.fetch_all(&self.pool).await? {
                goals.entry(r.try_get(0)?).or_default().push((r.try_get(1)?, r.try_get(2)?));
            }
            let sql = format!(
                "SELECT a.event_id, a.organisation_id, o.name, a.profession, a.participants FROM event_attendance a
                 LEFT JOIN organisation o ON o.id = a.organisation_id WHERE a.event_id IN ({list}) ORDER BY o.name, a.profession"
            );
            let mut q = sqlx::query(&sql);
            for id in &ids {
                q = q.bind(*id);
            }
            for r in q.fetch_all(&self.pool).await? {
                let event: i64 = r.try_get(0)?;
                let organisation_id: Option<i64> = r.try_get(1)?;
                let profession: String = r.try_get(3)?;
                let Some(profession) = Profession::parse(&profession) else { continue };
                if let (Some(o), Some(name)) = (organisation_id, r.try_get::<Option<String>, _>(2)?) {
                    names.entry(event).or_default().insert(o, name);
                }
                let count: i64 = r.try_get(4)?;
                attendance.entry(event).or_default().push(Attendance { organisation_id, profession, count: count as u32 });
            }
        }
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = r.try_get("id")?;
            let moment = |k: &str| -> Result<PrimitiveDateTime> {
                let s: String = r.try_get(k)?;
                text_to_moment(&s).ok_or_else(|| StoreError::Conflict(format!("stored time '{s}' of event {id} is not YYYY-MM-DDTHH:MM")))
            };
            let kind: String = r.try_get("kind")?;
            let input = EventInput {
                kind: EventKind::parse(&kind).ok_or_else(|| StoreError::Conflict(format!("stored event kind '{kind}' is not known")))?,
                title: r.try_get("title")?,
                description: r.try_get("description")?,
                starts_at: moment("starts_at")?,
                ends_at: moment("ends_at")?,
                place: r.try_get("place")?,
                organiser_id: r.try_get("organiser_id")?,
                cycle_phase: r.try_get::<Option<String>, _>("cycle_phase")?.as_deref().and_then(Phase::parse),
                goal_ids: goals.get(&id).map(|g| g.iter().map(|(i, _)| *i).collect()).unwrap_or_default(),
                is_public: r.try_get::<i64, _>("is_public")? != 0,
                attendance: attendance.remove(&id).unwrap_or_default(),
            };
            out.push(StoredEvent {
                id,
                input,
                organiser: r.try_get("organiser")?,
                goals: goals.remove(&id).unwrap_or_default(),
                organisations: names.remove(&id).unwrap_or_default(),
                updated_at: r.try_get("updated_at")?,
                is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
            });
        }
        Ok(out)
    }

    pub async fn event(&self, municipality: MunicipalityId, id: i64) -> Result<Option<StoredEvent>> {
        Ok(self.events(municipality, None, false).await?.into_iter().find(|e| e.id == id))
    }

    async fn check_event(&self, conn: &mut AnyConnection, municipality: MunicipalityId, input: &EventInput) -> Result<()> {
        let mut errors = input.validate().err().unwrap_or_default();
        let organisations: Vec<i64> =
            input.organiser_id.into_iter().chain(input.attendance.iter().filter_map(|a| a.organisation_id)).collect();
        for (field, table, ids) in [("attendance", "organisation", &organisations), ("goal_ids", "goal", &input.goal_ids)] {
            for id in ids {
                if !util::belongs(conn, municipality, table, *id).await? {
                    errors.push(FieldError::new(field, "error-unknown", format!("no {table} {id} here")));
                    break;
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(invalid(errors))
        }
    }

    pub async fn create_event(
        &self,
        municipality: MunicipalityId,
        input: &EventInput,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        self.check_event(&mut tx, municipality, input).await?;
        let now = self.clock.timestamp();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO event (municipality_id, kind, title, description, starts_at, ends_at, place, organiser_id, cycle_phase, is_public,
             is_fictional, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
        )
        .bind(municipality)
        .bind(input.kind.as_str())
        .bind(input.title.trim())
        .bind(input.description.trim())
        .bind(moment_to_text(input.starts_at))
        .bind(moment_to_text(input.ends_at))
        .bind(input.place.trim())
        .bind(input.organiser_id)
        .bind(input.cycle_phase.map(Phase::as_str))
        .bind(input.is_public as i64)
        .bind(is_fictional as i64)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?;
        write_parts(&mut tx, id, input).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "create", "event", Some(id), &input.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_event(&self, municipality: MunicipalityId, id: i64, input: &EventInput, by: Option<AccountId>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        self.check_event(&mut tx, municipality, input).await?;
        let changed = sqlx::query(
            "UPDATE event SET kind = $1, title = $2, description = $3, starts_at = $4, ends_at = $5, place = $6, organiser_id = $7,
             cycle_phase = $8, is_public = $9, updated_at = $10 WHERE id = $11 AND municipality_id = $12",
        )
        .bind(input.kind.as_str())
        .bind(input.title.trim())
        .bind(input.description.trim())
        .bind(moment_to_text(input.starts_at))
        .bind(moment_to_text(input.ends_at))
        .bind(input.place.trim())
        .bind(input.organiser_id)
        .bind(input.cycle_phase.map(Phase::as_str))
        .bind(input.is_public as i64)
        .bind(self.clock.timestamp())
        .bind(id)
        .bind(municipality)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound(format!("event {id}")));
        }
        sqlx::query("DELETE FROM event_goal WHERE event_id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM event_attendance WHERE event_id = $1").bind(id).execute(&mut *tx).await?;
        write_parts(&mut tx, id, input).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "update", "event", Some(id), &input.title).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The secret of the municipality's full event calendar, made on first use.
    pub async fn events_token(&self, municipality: MunicipalityId) -> Result<String> {
        let token: Option<String> =
            sqlx::query_scalar("SELECT events_token FROM municipality WHERE id = $1").bind(municipality).fetch_one(&self.pool).await?;
        if let Some(t) = token.filter(|t| !t.is_empty()) {
            return Ok(t);
        }
        let mut tx = self.begin_write().await?;
        let token = crate::accounts::random_token();
        sqlx::query("UPDATE municipality SET events_token = COALESCE(events_token, $1) WHERE id = $2")
            .bind(&token)
            .bind(municipality)
            .execute(&mut *tx)
            .await?;
        let stored: String =
            sqlx::query_scalar("SELECT events_token FROM municipality WHERE id = $1").bind(municipality).fetch_one(&mut *tx).await?;
        tx.commit().await?;
        Ok(stored)
    }
}

async fn write_parts(tx: &mut AnyConnection, id: i64, input: &EventInput) -> Result<()> {
    let mut goals = input.goal_ids.clone();
    goals.sort_unstable();
    goals.dedup();
    for g in goals {
        sqlx::query("INSERT INTO event_goal (event_id, goal_id) VALUES ($1, $2)").bind(id).bind(g).execute(&mut *tx).await?;
    }
    for a in &input.attendance {
        sqlx::query("INSERT INTO event_attendance (event_id, organisation_id, profession, participants) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(a.organisation_id)
            .bind(a.profession.as_str())
            .bind(a.count as i64)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}
