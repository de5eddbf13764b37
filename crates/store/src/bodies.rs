//! Steering bodies, their members, meetings (agenda, attendance, minutes, decisions) and tasks
//! (issue 15). Every record is reached through its body, and every body through its
//! municipality, so no query can read across municipalities.

use sqlx::Row;
use time::{Date, PrimitiveDateTime};

use kette_domain::bodies::{BodyInput, DecisionInput, MeetingInput, MemberInput, MemberRole, TaskInput, TaskStatus};
use kette_domain::{AccountId, FieldError, MunicipalityId, ValidationErrors};

use crate::util::{self, date_to_text, text_to_date};
use crate::{Result, Store, StoreError};

const MINUTE: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");

pub(crate) fn moment_to_text(t: PrimitiveDateTime) -> String {
    t.format(MINUTE).unwrap_or_default()
}

pub(crate) fn text_to_moment(s: &str) -> Option<PrimitiveDateTime> {
    PrimitiveDateTime::parse(s, MINUTE).ok()
}

fn invalid(context: &str, errors: Vec<FieldError>) -> StoreError {
    StoreError::Invalid { context: context.into(), errors: ValidationErrors(errors) }
}

/// A body as listed.
#[derive(Debug, Clone)]
pub struct BodySummary {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub description: String,
    pub members: i64,
    pub next_meeting: Option<PrimitiveDateTime>,
    pub open_tasks: i64,
    pub is_fictional: bool,
}

/// A member of a body.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: i64,
    pub input: MemberInput,
    pub organisation_name: Option<String>,
    pub left_on: Option<Date>,
}

/// A body with its members (those who left included, marked).
#[derive(Debug, Clone)]
pub struct Body {
    pub id: i64,
    pub input: BodyInput,
    pub calendar_token: String,
    pub is_fictional: bool,
    pub members: Vec<Member>,
}

/// A meeting as listed and in the calendar feed.
#[derive(Debug, Clone)]
pub struct MeetingSummary {
    pub id: i64,
    pub body_id: i64,
    pub body_name: String,
    pub title: String,
    pub starts_at: PrimitiveDateTime,
    pub ends_at: PrimitiveDateTime,
    pub place: String,
    pub has_minutes: bool,
    pub decisions: i64,
    /// When it was last changed, for the calendar's DTSTAMP and LAST-MODIFIED.
    pub updated_at: String,
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub id: i64,
    pub input: DecisionInput,
    pub proposal_title: Option<String>,
    pub measure_title: Option<String>,
    pub goal_title: Option<String>,
    pub meeting_id: i64,
    pub meeting_starts_at: Option<PrimitiveDateTime>,
}

/// A meeting with everything recorded in it.
#[derive(Debug, Clone)]
pub struct Meeting {
    pub summary: MeetingSummary,
    pub agenda: Vec<String>,
    /// Member id → present.
    pub attendance: Vec<(i64, bool)>,
    pub minutes: String,
    pub minutes_updated_at: Option<String>,
    pub decisions: Vec<Decision>,
}

/// A task with the names a list shows.
#[derive(Debug, Clone)]
pub struct Task {
    pub id: i64,
    pub body_id: i64,
    pub body_name: String,
    pub meeting_id: Option<i64>,
    pub title: String,
    pub owner_member_id: Option<i64>,
    pub owner_name: Option<String>,
    pub owner_organisation: Option<String>,
    pub due_on: Date,
    pub status: TaskStatus,
}

/// A deadline reminder to send: the task and where its owner reads mail.
#[derive(Debug, Clone)]
pub struct TaskReminder {
    pub task: Task,
    pub email: String,
}

/// How a signed-in person stands to the bodies: those they are a member of, those their
/// organisation sits in.
#[derive(Debug, Clone, Default)]
pub struct BodyRelations {
    pub member_of: Vec<i64>,
    pub organisation_in: Vec<i64>,
}

impl BodyRelations {
    pub fn access(&self, actor: Option<kette_domain::access::Actor>, body: i64) -> kette_domain::bodies::BodyAccess {
        kette_domain::bodies::body_access(actor, self.member_of.contains(&body), self.organisation_in.contains(&body))
    }
}

const TASK_SELECT: &str = "SELECT t.id, t.body_id, b.name AS body_name, t.meeting_id, t.title, t.owner_member_id, m.name AS owner_name,
       o.name AS owner_organisation, m.email AS owner_email, t.due_on, t.status
     FROM task t JOIN body b ON b.id = t.body_id LEFT JOIN body_member m ON m.id = t.owner_member_id
     LEFT JOIN organisation o ON o.id = m.organisation_id";

fn task_from_row(r: &sqlx::any::AnyRow) -> Result<Task> {
    Ok(Task {
        id: r.try_get("id")?,
        body_id: r.try_get("body_id")?,
        body_name: r.try_get("body_name")?,
        meeting_id: r.try_get("meeting_id")?,
        title: r.try_get("title")?,
        owner_member_id: r.try_get("owner_member_id")?,
        owner_name: r.try_get("owner_name")?,
        owner_organisation: r.try_get("owner_organisation")?,
        due_on: text_to_date(r.try_get("due_on")?).ok_or_else(|| StoreError::Conflict("task without a readable deadline".into()))?,
        status: TaskStatus::parse(&r.try_get::<String, _>("status")?).unwrap_or(TaskStatus::Open),
    })
}

fn meeting_from_row(r: &sqlx::any::AnyRow) -> Result<MeetingSummary> {
    let moment = |k: &str| -> Result<PrimitiveDateTime> {
        let s: String = r.try_get(k)?;
        text_to_moment(&s).ok_or_else(|| StoreError::Conflict(format!("meeting time '{s}' unreadable")))
    };
    Ok(MeetingSummary {
        id: r.try_get("id")?,
        body_id: r.try_get("body_id")?,
        body_name: r.try_get("body_name")?,
        title: r.try_get("title")?,
        starts_at: moment("starts_at")?,
        ends_at: moment("ends_at")?,
        place: r.try_get("place")?,
        has_minutes: r.try_get::<i64, _>("has_minutes")? != 0,
        decisions: r.try_get("decisions")?,
        updated_at: r.try_get("updated_at")?,
    })
}

const MEETING_SELECT: &str = "SELECT mt.id, mt.body_id, b.name AS body_name, mt.title, mt.starts_at, mt.ends_at, mt.place,
       CASE WHEN mt.minutes = '' THEN 0 ELSE 1 END AS has_minutes,
       (SELECT COUNT(*) FROM decision d WHERE d.meeting_id = mt.id) AS decisions, mt.updated_at
     FROM meeting mt JOIN body b ON b.id = mt.body_id";

impl Store {
    /// Every body of the municipality with its counts, steering group first; `now` (local time)
    /// decides which meeting is the next.
    pub async fn bodies(&self, municipality: MunicipalityId, now: PrimitiveDateTime) -> Result<Vec<BodySummary>> {
        let now = moment_to_text(now);
        let rows = sqlx::query(
            "SELECT b.id, b.kind, b.name, b.description, b.is_fictional,
               (SELECT COUNT(*) FROM body_member m WHERE m.body_id = b.id AND m.left_on IS NULL) AS members,
               (SELECT MIN(starts_at) FROM meeting mt WHERE mt.body_id = b.id AND mt.starts_at >= $2) AS next_meeting,
               (SELECT COUNT(*) FROM task t WHERE t.body_id = b.id AND t.status = 'open') AS open_tasks
             FROM body b LEFT JOIN vocabulary_term v ON v.municipality_id = b.municipality_id AND v.kind = 'body_kind' AND v.code = b.kind
             WHERE b.municipality_id = $1 ORDER BY COALESCE(v.sort, 99), b.name",
        )
        .bind(municipality)
        .bind(&now)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(BodySummary {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    name: r.try_get("name")?,
                    description: r.try_get("description")?,
                    members: r.try_get("members")?,
                    next_meeting: r.try_get::<Option<String>, _>("next_meeting")?.as_deref().and_then(text_to_moment),
                    open_tasks: r.try_get("open_tasks")?,
                    is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
                })
            })
            .collect()
    }

    /// One body with its members.
    pub async fn body(&self, municipality: MunicipalityId, id: i64) -> Result<Option<Body>> {
        let Some(r) = sqlx::query("SELECT * FROM body WHERE id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(municipality)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let members = sqlx::query(
            "SELECT m.*, o.name AS organisation_name FROM body_member m LEFT JOIN organisation o ON o.id = m.organisation_id
             WHERE m.body_id = $1 ORDER BY m.left_on IS NOT NULL, CASE m.role WHEN 'chair' THEN 0 WHEN 'deputy' THEN 1 WHEN 'office' THEN 2 WHEN 'member' THEN 3 ELSE 4 END, m.name",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|m| {
            Ok(Member {
                id: m.try_get("id")?,
                input: MemberInput {
                    name: m.try_get("name")?,
                    organisation_id: m.try_get("organisation_id")?,
                    email: m.try_get("email")?,
                    role: MemberRole::parse(&m.try_get::<String, _>("role")?).unwrap_or(MemberRole::Member),
                    is_decision_maker: m.try_get::<i64, _>("is_decision_maker")? != 0,
                    account_id: m.try_get("account_id")?,
                },
                organisation_name: m.try_get("organisation_name")?,
                left_on: text_to_date(m.try_get("left_on")?),
            })
        })
        .collect::<Result<Vec<_>>>()?;
        Ok(Some(Body {
            id,
            input: BodyInput { kind: r.try_get("kind")?, name: r.try_get("name")?, description: r.try_get("description")? },
            calendar_token: r.try_get("calendar_token")?,
            is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
            members,
        }))
    }

    /// Which bodies an account belongs to, and which ones its organisation sits in.
    pub async fn body_relations(
        &self,
        municipality: MunicipalityId,
        account: AccountId,
        organisation: Option<i64>,
    ) -> Result<BodyRelations> {
        let member_of = sqlx::query_scalar(
            "SELECT DISTINCT m.body_id FROM body_member m JOIN body b ON b.id = m.body_id
             WHERE b.municipality_id = $1 AND m.account_id = $2 AND m.left_on IS NULL",
        )
        .bind(municipality)
        .bind(account)
        .fetch_all(&self.pool)
        .await?;
        let organisation_in = match organisation {
            Some(o) => {
                sqlx::query_scalar(
                    "SELECT DISTINCT m.body_id FROM body_member m JOIN body b ON b.id = m.body_id
                     WHERE b.municipality_id = $1 AND m.organisation_id = $2 AND m.left_on IS NULL",
                )
                .bind(municipality)
                .bind(o)
                .fetch_all(&self.pool)
                .await?
            }
            None => vec![],
        };
        Ok(BodyRelations { member_of, organisation_in })
    }

    /// Sets up a body; its kind must be in the municipality's vocabulary.
    pub async fn create_body(
        &self,
        municipality: MunicipalityId,
        input: &BodyInput,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut errors = input.validate().err().unwrap_or_default();
        if self.vocabulary(municipality).await?.get(kette_domain::TermKind::BodyKind, &input.kind).is_none() {
            errors.push(FieldError::new("kind", "error-unknown-term", format!("'{}' is not a body kind of this municipality", input.kind)));
        }
        if !errors.is_empty() {
            return Err(invalid("body", errors));
        }
        let mut tx = self.begin_write().await?;
        let now = self.clock.timestamp();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO body (municipality_id, kind, name, description, calendar_token, is_fictional, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        )
        .bind(municipality)
        .bind(&input.kind)
        .bind(input.name.trim())
        .bind(input.description.trim())
        .bind(crate::accounts::random_token())
        .bind(is_fictional as i64)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "create", "body", Some(id), &input.name).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every membership of an organisation in a body: (body, organisation, since, left on).
    /// Members from before join dates were kept count from the body's creation.
    pub async fn body_memberships(&self, municipality: MunicipalityId) -> Result<Vec<(i64, i64, Option<Date>, Option<Date>)>> {
        let rows = sqlx::query(
            "SELECT m.body_id, m.organisation_id, COALESCE(m.joined_on, substr(b.created_at, 1, 10)) AS since, m.left_on
             FROM body_member m JOIN body b ON b.id = m.body_id
             WHERE b.municipality_id = $1 AND m.organisation_id IS NOT NULL ORDER BY m.body_id, m.organisation_id",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, text_to_date(r.try_get("since")?), text_to_date(r.try_get("left_on")?))))
            .collect()
    }

    /// A new secret for the body's calendar feed: every subscription with the old one ends.
    pub async fn renew_calendar_token(&self, municipality: MunicipalityId, body: i64, by: Option<AccountId>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query("UPDATE body SET calendar_token = $1, updated_at = $2 WHERE id = $3 AND municipality_id = $4")
            .bind(crate::accounts::random_token())
            .bind(self.clock.timestamp())
            .bind(body)
            .bind(municipality)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound(format!("body {body}")));
        }
        util::audit(&mut tx, &self.clock, municipality, by, "renew-calendar", "body", Some(body), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// The body and its meetings when `token` is its calendar secret; `None` otherwise (an
    /// unknown body and a wrong token look the same from outside).
    pub async fn calendar_feed(
        &self,
        municipality: MunicipalityId,
        body: i64,
        token: &str,
    ) -> Result<Option<(String, Vec<MeetingSummary>)>> {
        let stored: Option<(String, String)> = sqlx::query("SELECT name, calendar_token FROM body WHERE id = $1 AND municipality_id = $2")
            .bind(body)
            .bind(municipality)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| -> Result<(String, String)> { Ok((r.try_get("name")?, r.try_get("calendar_token")?)) })
            .transpose()?;
        let Some((name, secret)) = stored else { return Ok(None) };
        // compared in constant time so the answer's timing tells nothing about the secret
        let same = secret.len() == token.len() && secret.bytes().zip(token.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
        if !same {
            return Ok(None);
        }
        Ok(Some((name, self.meetings(municipality, Some(body)).await?)))
    }

    /// Adds a member; their organisation and account must be this municipality's.
    pub async fn add_member(&self, municipality: MunicipalityId, body: i64, input: &MemberInput, by: Option<AccountId>) -> Result<i64> {
        let mut errors = input.validate().err().unwrap_or_default();
        let mut tx = self.begin_write().await?;
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM body WHERE id = $1 AND municipality_id = $2")
            .bind(body)
            .bind(municipality)
            .fetch_optional(&mut *tx)
            .await?;
        if found.is_none() {
            return Err(StoreError::NotFound(format!("body {body}")));
        }
        for (field, table, id) in
            [("member_organisation_id", "organisation", input.organisation_id), ("member_account_id", "account", input.account_id)]
        {
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
            return Err(invalid("member", errors));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO body_member (body_id, name, organisation_id, email, role, is_decision_maker, account_id, joined_on)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(body)
        .bind(input.name.trim())
        .bind(input.organisation_id)
        .bind(input.email.trim())
        .bind(input.role.as_str())
        .bind(input.is_decision_maker as i64)
        .bind(input.account_id)
        .bind(util::date_to_text(self.today()))
        .fetch_one(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "add-member", "body", Some(body), &input.name).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A member leaves the body today; their tasks and attendance stay on record.
    pub async fn member_leaves(&self, municipality: MunicipalityId, body: i64, member: i64, by: Option<AccountId>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE body_member SET left_on = $1 WHERE id = $2 AND body_id = $3 AND left_on IS NULL
               AND body_id IN (SELECT id FROM body WHERE municipality_id = $4)",
        )
        .bind(date_to_text(self.clock.today()))
        .bind(member)
        .bind(body)
        .bind(municipality)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound(format!("member {member} of body {body}")));
        }
        util::audit(&mut tx, &self.clock, municipality, by, "member-leaves", "body", Some(body), &member.to_string()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Meetings of one body, or of all bodies, newest first.
    pub async fn meetings(&self, municipality: MunicipalityId, body: Option<i64>) -> Result<Vec<MeetingSummary>> {
        let rows = sqlx::query(&format!(
            "{MEETING_SELECT} WHERE b.municipality_id = $1 AND ($2 IS NULL OR b.id = $2) ORDER BY mt.starts_at DESC, mt.id DESC"
        ))
        .bind(municipality)
        .bind(body)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(meeting_from_row).collect()
    }

    /// One meeting with agenda, attendance, minutes and decisions.
    pub async fn meeting(&self, municipality: MunicipalityId, id: i64) -> Result<Option<Meeting>> {
        let Some(r) = sqlx::query(&format!("{MEETING_SELECT} WHERE b.municipality_id = $1 AND mt.id = $2"))
            .bind(municipality)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let summary = meeting_from_row(&r)?;
        let agenda = sqlx::query_scalar("SELECT title FROM agenda_item WHERE meeting_id = $1 ORDER BY position")
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        let attendance = sqlx::query("SELECT member_id, present FROM attendance WHERE meeting_id = $1")
            .bind(id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get("member_id")?, r.try_get::<i64, _>("present")? != 0)))
            .collect::<Result<Vec<_>>>()?;
        let minutes_row =
            sqlx::query("SELECT minutes, minutes_updated_at FROM meeting WHERE id = $1").bind(id).fetch_one(&self.pool).await?;
        let decisions = self.decisions(municipality, Some(id)).await?;
        Ok(Some(Meeting {
            summary,
            agenda,
            attendance,
            minutes: minutes_row.try_get("minutes")?,
            minutes_updated_at: minutes_row.try_get("minutes_updated_at")?,
            decisions,
        }))
    }

    /// Decisions of one meeting, or all of the municipality's, newest meeting first.
    pub async fn decisions(&self, municipality: MunicipalityId, meeting: Option<i64>) -> Result<Vec<Decision>> {
        let rows = sqlx::query(
            "SELECT d.*, ms.title AS measure_title, g.title AS goal_title, p.title AS proposal_title, mt.starts_at FROM decision d
             JOIN meeting mt ON mt.id = d.meeting_id JOIN body b ON b.id = mt.body_id
             LEFT JOIN measure ms ON ms.id = d.measure_id LEFT JOIN goal g ON g.id = d.goal_id
             LEFT JOIN proposal p ON p.id = d.proposal_id
             WHERE b.municipality_id = $1 AND ($2 IS NULL OR d.meeting_id = $2) ORDER BY mt.starts_at DESC, d.id",
        )
        .bind(municipality)
        .bind(meeting)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Decision {
                    id: r.try_get("id")?,
                    input: DecisionInput {
                        text: r.try_get("text")?,
                        proposal_id: r.try_get("proposal_id")?,
                        measure_id: r.try_get("measure_id")?,
                        goal_id: r.try_get("goal_id")?,
                    },
                    proposal_title: r.try_get("proposal_title")?,
                    measure_title: r.try_get("measure_title")?,
                    goal_title: r.try_get("goal_title")?,
                    meeting_id: r.try_get("meeting_id")?,
                    meeting_starts_at: text_to_moment(&r.try_get::<String, _>("starts_at")?),
                })
            })
            .collect()
    }

    async fn body_of_meeting(&self, conn: &mut sqlx::AnyConnection, municipality: MunicipalityId, meeting: i64) -> Result<i64> {
        sqlx::query_scalar("SELECT mt.body_id FROM meeting mt JOIN body b ON b.id = mt.body_id WHERE mt.id = $1 AND b.municipality_id = $2")
            .bind(meeting)
            .bind(municipality)
            .fetch_optional(conn)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("meeting {meeting}")))
    }

    /// Plans a meeting with its agenda.
    pub async fn create_meeting(
        &self,
        municipality: MunicipalityId,
        body: i64,
        input: &MeetingInput,
        by: Option<AccountId>,
    ) -> Result<i64> {
        input.validate().map_err(|e| invalid("meeting", e))?;
        let mut tx = self.begin_write().await?;
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM body WHERE id = $1 AND municipality_id = $2")
            .bind(body)
            .bind(municipality)
            .fetch_optional(&mut *tx)
            .await?;
        if found.is_none() {
            return Err(StoreError::NotFound(format!("body {body}")));
        }
        let now = self.clock.timestamp();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO meeting (body_id, title, starts_at, ends_at, place, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .bind(body)
        .bind(input.title.trim())
        .bind(moment_to_text(input.starts_at))
        .bind(moment_to_text(input.ends_at))
        .bind(input.place.trim())
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?;
        for (position, item) in input.agenda.iter().enumerate() {
            sqlx::query("INSERT INTO agenda_item (meeting_id, position, title) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(position as i64 + 1)
                .bind(item.trim())
                .execute(&mut *tx)
                .await?;
        }
        util::audit(&mut tx, &self.clock, municipality, by, "create", "meeting", Some(id), &input.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Saves the minutes and the attendance together. Minutes with HTML or unsafe links are
    /// refused whole, each place named by its line.
    pub async fn save_minutes(
        &self,
        municipality: MunicipalityId,
        meeting: i64,
        minutes: &str,
        present: &[i64],
        by: Option<AccountId>,
    ) -> Result<()> {
        let problems = kette_text::markdown::check(minutes);
        if !problems.is_empty() || minutes.chars().count() > 100_000 {
            let mut errors: Vec<FieldError> = problems
                .iter()
                .map(|p| {
                    let code = match p {
                        kette_text::markdown::Unsafe::Html { .. } => "error-minutes-html",
                        kette_text::markdown::Unsafe::Link { .. } => "error-minutes-link",
                    };
                    FieldError::new("minutes", code, p.to_string())
                })
                .collect();
            if minutes.chars().count() > 100_000 {
                errors.push(FieldError::new("minutes", "error-too-long", "minutes have at most 100,000 characters"));
            }
            return Err(invalid("minutes", errors));
        }
        let mut tx = self.begin_write().await?;
        let body = self.body_of_meeting(&mut tx, municipality, meeting).await?;
        let now = self.clock.timestamp();
        sqlx::query("UPDATE meeting SET minutes = $1, minutes_updated_at = $2, updated_at = $2 WHERE id = $3")
            .bind(minutes.trim())
            .bind(&now)
            .bind(meeting)
            .execute(&mut *tx)
            .await?;
        let members: Vec<i64> = sqlx::query_scalar("SELECT id FROM body_member WHERE body_id = $1").bind(body).fetch_all(&mut *tx).await?;
        if let Some(stranger) = present.iter().find(|p| !members.contains(p)) {
            return Err(invalid(
                "minutes",
                vec![FieldError::new("present", "error-unknown", format!("{stranger} is no member of this body"))],
            ));
        }
        sqlx::query("DELETE FROM attendance WHERE meeting_id = $1").bind(meeting).execute(&mut *tx).await?;
        let left: Vec<i64> = sqlx::query_scalar("SELECT id FROM body_member WHERE body_id = $1 AND left_on IS NOT NULL")
            .bind(body)
            .fetch_all(&mut *tx)
            .await?;
        for member in members.iter().filter(|m| !left.contains(m) || present.contains(m)) {
            sqlx::query("INSERT INTO attendance (meeting_id, member_id, present) VALUES ($1, $2, $3)")
                .bind(meeting)
                .bind(member)
                .bind(present.contains(member) as i64)
                .execute(&mut *tx)
                .await?;
        }
        util::audit(&mut tx, &self.clock, municipality, by, "minutes", "meeting", Some(meeting), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a decision; the measure and goal it names must be this municipality's.
    pub async fn add_decision(
        &self,
        municipality: MunicipalityId,
        meeting: i64,
        input: &DecisionInput,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut errors = input.validate().err().unwrap_or_default();
        let mut tx = self.begin_write().await?;
        self.body_of_meeting(&mut tx, municipality, meeting).await?;
        for (field, table, id) in [
            ("decision_proposal_id", "proposal", input.proposal_id),
            ("decision_measure_id", "measure", input.measure_id),
            ("decision_goal_id", "goal", input.goal_id),
        ] {
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
            return Err(invalid("decision", errors));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO decision (meeting_id, text, proposal_id, measure_id, goal_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(meeting)
        .bind(input.text.trim())
        .bind(input.proposal_id)
        .bind(input.measure_id)
        .bind(input.goal_id)
        .bind(self.clock.timestamp())
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("UPDATE meeting SET updated_at = $1 WHERE id = $2")
            .bind(self.clock.timestamp())
            .bind(meeting)
            .execute(&mut *tx)
            .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "create", "decision", Some(id), &input.text).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Gives a task to a current member of the body.
    pub async fn create_task(&self, municipality: MunicipalityId, body: i64, input: &TaskInput, by: Option<AccountId>) -> Result<i64> {
        let mut errors = input.validate().err().unwrap_or_default();
        let mut tx = self.begin_write().await?;
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM body WHERE id = $1 AND municipality_id = $2")
            .bind(body)
            .bind(municipality)
            .fetch_optional(&mut *tx)
            .await?;
        if found.is_none() {
            return Err(StoreError::NotFound(format!("body {body}")));
        }
        if let Some(owner) = input.owner_member_id {
            let member: Option<i64> = sqlx::query_scalar("SELECT id FROM body_member WHERE id = $1 AND body_id = $2 AND left_on IS NULL")
                .bind(owner)
                .bind(body)
                .fetch_optional(&mut *tx)
                .await?;
            if member.is_none() {
                errors.push(FieldError::new("owner_member_id", "error-task-owner", "the owner is a current member of the body"));
            }
        }
        if let Some(meeting) = input.meeting_id {
            let of: Option<i64> =
                sqlx::query_scalar("SELECT body_id FROM meeting WHERE id = $1").bind(meeting).fetch_optional(&mut *tx).await?;
            if of != Some(body) {
                errors.push(FieldError::new("meeting_id", "error-unknown", "no such meeting of this body"));
            }
        }
        if !errors.is_empty() {
            return Err(invalid("task", errors));
        }
        let now = self.clock.timestamp();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO task (municipality_id, body_id, meeting_id, title, owner_member_id, due_on, status, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
        )
        .bind(municipality)
        .bind(body)
        .bind(input.meeting_id)
        .bind(input.title.trim())
        .bind(input.owner_member_id)
        .bind(input.due_on.map(date_to_text))
        .bind(input.status.as_str())
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "create", "task", Some(id), &input.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One task, for checking who may change it.
    pub async fn task(&self, municipality: MunicipalityId, id: i64) -> Result<Option<Task>> {
        sqlx::query(&format!("{TASK_SELECT} WHERE t.municipality_id = $1 AND t.id = $2"))
            .bind(municipality)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(task_from_row)
            .transpose()
    }

    /// Marks a task open, done or dropped.
    pub async fn set_task_status(&self, municipality: MunicipalityId, task: i64, status: TaskStatus, by: Option<AccountId>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query("UPDATE task SET status = $1, updated_at = $2 WHERE id = $3 AND municipality_id = $4")
            .bind(status.as_str())
            .bind(self.clock.timestamp())
            .bind(task)
            .bind(municipality)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound(format!("task {task}")));
        }
        util::audit(&mut tx, &self.clock, municipality, by, status.as_str(), "task", Some(task), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Tasks of a body (or all bodies), open ones first by deadline.
    pub async fn tasks(&self, municipality: MunicipalityId, body: Option<i64>, open_only: bool) -> Result<Vec<Task>> {
        let rows = sqlx::query(&format!(
            "{TASK_SELECT} WHERE t.municipality_id = $1 AND ($2 IS NULL OR t.body_id = $2) AND ($3 = 0 OR t.status = 'open')
             ORDER BY t.status <> 'open', t.due_on, t.id"
        ))
        .bind(municipality)
        .bind(body)
        .bind(open_only as i64)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(task_from_row).collect()
    }

    /// The tasks a signed-in person owns through their memberships, open ones first.
    pub async fn tasks_of_account(&self, municipality: MunicipalityId, account: AccountId) -> Result<Vec<Task>> {
        let rows = sqlx::query(&format!(
            "{TASK_SELECT} WHERE t.municipality_id = $1 AND m.account_id = $2 ORDER BY t.status <> 'open', t.due_on, t.id"
        ))
        .bind(municipality)
        .bind(account)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(task_from_row).collect()
    }

    /// Open tasks whose owner is due a deadline reminder today and has an address.
    pub async fn due_task_reminders(&self, municipality: MunicipalityId, today: Date) -> Result<Vec<TaskReminder>> {
        let last = today + time::Duration::days(kette_domain::bodies::REMIND_DAYS_BEFORE);
        let rows = sqlx::query(&format!(
            "{TASK_SELECT} WHERE t.municipality_id = $1 AND t.status = 'open' AND t.reminded_on IS NULL
               AND t.due_on >= $2 AND t.due_on <= $3 AND m.email <> '' AND m.left_on IS NULL ORDER BY t.due_on, t.id"
        ))
        .bind(municipality)
        .bind(date_to_text(today))
        .bind(date_to_text(last))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let task = task_from_row(r)?;
                debug_assert!(kette_domain::bodies::reminder_due(task.due_on, today, false));
                Ok(TaskReminder { task, email: r.try_get("owner_email")? })
            })
            .collect()
    }

    /// Notes that the owner of a task was reminded, so the next run does not write again.
    pub async fn record_task_reminder(&self, municipality: MunicipalityId, task: i64, today: Date) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE task SET reminded_on = $1 WHERE id = $2 AND municipality_id = $3")
            .bind(date_to_text(today))
            .bind(task)
            .bind(municipality)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
