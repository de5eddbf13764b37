//! Steering bodies (steering group, working groups, network conference): their members, meetings
//! with agenda, attendance, minutes and decisions, and the tasks that come out of them. Here are
//! the checks of what is entered and the rule of who may read and write a body; storing is the
//! store's, the minutes' Markdown is `kette_text::markdown`'s.

use serde::Serialize;
use time::{Date, PrimitiveDateTime};

use crate::access::{Actor, Role};
use crate::FieldError;

/// A member's part in a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    Chair,
    Deputy,
    Member,
    Office,
    Guest,
}

impl MemberRole {
    pub const ALL: [MemberRole; 5] = [MemberRole::Chair, MemberRole::Deputy, MemberRole::Member, MemberRole::Office, MemberRole::Guest];
    pub fn as_str(self) -> &'static str {
        match self {
            MemberRole::Chair => "chair",
            MemberRole::Deputy => "deputy",
            MemberRole::Member => "member",
            MemberRole::Office => "office",
            MemberRole::Guest => "guest",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Open,
    Done,
    Dropped,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 3] = [TaskStatus::Open, TaskStatus::Done, TaskStatus::Dropped];
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Open => "open",
            TaskStatus::Done => "done",
            TaskStatus::Dropped => "dropped",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

fn required(e: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        e.push(FieldError::new(field, "error-required", format!("{field} is required")));
    } else if value.chars().count() > max {
        e.push(FieldError::new(field, "error-too-long", format!("at most {max} characters")));
    }
}

fn done(e: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if e.is_empty() {
        Ok(())
    } else {
        Err(e)
    }
}

/// A body as the coordination sets it up; `kind` is a code of the body-kind vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyInput {
    pub kind: String,
    pub name: String,
    pub description: String,
}

impl BodyInput {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        required(&mut e, "name", &self.name, 200);
        if self.description.chars().count() > 5_000 {
            e.push(FieldError::new("description", "error-too-long", "at most 5,000 characters"));
        }
        done(e)
    }
}

/// A member: a contact person of an organisation (or of the administration, without one), with
/// the account that signs in for them if they have one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberInput {
    pub name: String,
    pub organisation_id: Option<i64>,
    pub email: String,
    pub role: MemberRole,
    /// Can decide for their organisation (a success factor of the steering group).
    pub is_decision_maker: bool,
    pub account_id: Option<i64>,
}

impl MemberInput {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        required(&mut e, "member_name", &self.name, 200);
        let email = self.email.trim();
        if !email.is_empty() && !looks_like_email(email) {
            e.push(FieldError::new("member_email", "error-email", "not an e-mail address"));
        }
        done(e)
    }
}

/// Enough of a check to catch slips (the mail server decides the rest).
pub fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// A meeting as it is planned: times are local time of the municipality.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingInput {
    pub title: String,
    pub starts_at: PrimitiveDateTime,
    pub ends_at: PrimitiveDateTime,
    pub place: String,
    /// Agenda items in order.
    pub agenda: Vec<String>,
}

/// Most agenda items a meeting takes (a longer list is a slip of the paste).
pub const MAX_AGENDA_ITEMS: usize = 40;

impl MeetingInput {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        required(&mut e, "meeting_title", &self.title, 200);
        if self.ends_at <= self.starts_at {
            e.push(FieldError::new("ends_at", "error-meeting-ends-before-start", "the meeting ends after it starts"));
        } else if self.ends_at - self.starts_at > time::Duration::days(3) {
            e.push(FieldError::new("ends_at", "error-meeting-too-long", "a meeting lasts at most three days"));
        }
        if self.place.chars().count() > 300 {
            e.push(FieldError::new("place", "error-too-long", "at most 300 characters"));
        }
        if self.agenda.len() > MAX_AGENDA_ITEMS {
            e.push(FieldError::new("agenda", "error-agenda-too-long", format!("at most {MAX_AGENDA_ITEMS} agenda items")));
        } else if self.agenda.iter().any(|a| a.chars().count() > 300) {
            e.push(FieldError::new("agenda", "error-too-long", "an agenda item has at most 300 characters"));
        }
        done(e)
    }

    /// Agenda items from a text field, one per line, numbering and bullets taken off.
    pub fn agenda_from_lines(text: &str) -> Vec<String> {
        text.lines()
            .map(|l| l.trim().trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')' | '-' | '*' | '•')).trim())
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    }
}

/// A task: who does what by when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskInput {
    pub title: String,
    /// A member of the body; a task without owner is nobody's.
    pub owner_member_id: Option<i64>,
    pub due_on: Option<Date>,
    pub status: TaskStatus,
    /// The meeting the task was agreed in, if any.
    pub meeting_id: Option<i64>,
}

impl TaskInput {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        required(&mut e, "task_title", &self.title, 300);
        if self.owner_member_id.is_none() {
            e.push(FieldError::new("owner_member_id", "error-task-owner", "a task needs an owner from the body's members"));
        }
        if self.due_on.is_none() {
            e.push(FieldError::new("due_on", "error-task-due", "a task needs a deadline"));
        }
        done(e)
    }
}

/// A decision recorded in a meeting, linked to what it decides about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionInput {
    pub text: String,
    pub proposal_id: Option<i64>,
    pub measure_id: Option<i64>,
    pub goal_id: Option<i64>,
}

impl DecisionInput {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        required(&mut e, "decision_text", &self.text, 2_000);
        done(e)
    }
}

/// Days before a deadline the owner is reminded.
pub const REMIND_DAYS_BEFORE: i64 = 3;

/// Whether an open task's owner is due a reminder today: from three days before the deadline
/// up to the deadline, once.
pub fn reminder_due(due_on: Date, today: Date, already_reminded: bool) -> bool {
    !already_reminded && today <= due_on && due_on - today <= time::Duration::days(REMIND_DAYS_BEFORE)
}

/// What a person may do with one body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct BodyAccess {
    /// See the body, its members, meetings, minutes, decisions and tasks.
    pub read: bool,
    /// Plan meetings, keep agenda, attendance, minutes, decisions and tasks.
    pub edit_meetings: bool,
    /// Change the body itself and its members, renew the calendar link.
    pub manage: bool,
}

/// The one rule of who may read and write a body. The coordination manages every body; a
/// member (an account named in the member list) reads and keeps the meetings of their bodies;
/// a partner whose organisation sits in the body reads it; everyone else sees only the
/// dashboard's figures.
pub fn body_access(actor: Option<Actor>, is_member: bool, organisation_is_member: bool) -> BodyAccess {
    let Some(actor) = actor else { return BodyAccess::default() };
    if matches!(actor.role, Role::Admin | Role::Coordinator) {
        return BodyAccess { read: true, edit_meetings: true, manage: true };
    }
    if is_member {
        return BodyAccess { read: true, edit_meetings: true, manage: false };
    }
    if organisation_is_member && actor.role == Role::PartnerEditor {
        return BodyAccess { read: true, edit_meetings: false, manage: false };
    }
    BodyAccess::default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn meeting() -> MeetingInput {
        MeetingInput {
            title: "Steuerungsgruppe".into(),
            starts_at: datetime!(2026-12-10 15:00),
            ends_at: datetime!(2026-12-10 17:00),
            place: "Rathaus".into(),
            agenda: vec!["Begrüßung".into()],
        }
    }

    #[test]
    fn a_meeting_ends_after_it_starts() {
        assert!(meeting().validate().is_ok());
        let wrong = MeetingInput { ends_at: datetime!(2026-12-10 14:00), ..meeting() };
        let e = wrong.validate().unwrap_err();
        assert_eq!((e[0].field.as_str(), e[0].code.as_str()), ("ends_at", "error-meeting-ends-before-start"));
        let same = MeetingInput { ends_at: datetime!(2026-12-10 15:00), ..meeting() };
        assert!(same.validate().is_err());
        let week = MeetingInput { ends_at: datetime!(2026-12-17 15:00), ..meeting() };
        assert_eq!(week.validate().unwrap_err()[0].code, "error-meeting-too-long");
        let untitled = MeetingInput { title: " ".into(), agenda: vec!["x".into(); 41], ..meeting() };
        let fields: Vec<_> = untitled.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["meeting_title", "agenda"]);
    }

    #[test]
    fn agenda_lines_lose_their_numbers() {
        let items = MeetingInput::agenda_from_lines("1. Begrüßung\n\n2) Bericht der AG\n- Verschiedenes\n  TOP ohne Nummer ");
        assert_eq!(items, vec!["Begrüßung", "Bericht der AG", "Verschiedenes", "TOP ohne Nummer"]);
    }

    #[test]
    fn a_task_needs_an_owner_and_a_deadline() {
        let t = TaskInput {
            title: "Einladung verschicken".into(),
            owner_member_id: None,
            due_on: None,
            status: TaskStatus::Open,
            meeting_id: None,
        };
        let e = t.validate().unwrap_err();
        assert_eq!(e.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(), vec!["error-task-owner", "error-task-due"]);
        let ok = TaskInput { owner_member_id: Some(3), due_on: Some(date!(2027 - 01 - 15)), ..t };
        assert!(ok.validate().is_ok());
    }

    #[test]
    fn reminders_come_in_the_last_three_days_once() {
        let due = date!(2026 - 12 - 10);
        assert!(!reminder_due(due, date!(2026 - 12 - 06), false));
        assert!(reminder_due(due, date!(2026 - 12 - 07), false));
        assert!(reminder_due(due, due, false));
        assert!(!reminder_due(due, date!(2026 - 12 - 11), false), "overdue tasks show on the list, not by mail");
        assert!(!reminder_due(due, date!(2026 - 12 - 08), true));
    }

    #[test]
    fn members_keep_their_bodies_partners_read_and_others_see_nothing() {
        let a = |role, org| Some(Actor { role, organisation_id: org });
        assert_eq!(body_access(a(Role::Coordinator, None), false, false), BodyAccess { read: true, edit_meetings: true, manage: true });
        assert_eq!(body_access(a(Role::Viewer, None), true, false), BodyAccess { read: true, edit_meetings: true, manage: false });
        assert_eq!(
            body_access(a(Role::PartnerEditor, Some(4)), false, true),
            BodyAccess { read: true, edit_meetings: false, manage: false }
        );
        assert_eq!(body_access(a(Role::Planner, None), false, false), BodyAccess::default());
        assert_eq!(body_access(a(Role::Navigator, None), false, true), BodyAccess::default());
        assert_eq!(body_access(None, true, true), BodyAccess::default());
    }

    #[test]
    fn member_details_are_checked() {
        let m = MemberInput {
            name: "".into(),
            organisation_id: None,
            email: "keine adresse".into(),
            role: MemberRole::Member,
            is_decision_maker: false,
            account_id: None,
        };
        let fields: Vec<_> = m.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["member_name", "member_email"]);
        assert!(looks_like_email("a.b@jugendamt.example.de"));
        assert!(!looks_like_email("a@b"));
        assert_eq!(MemberRole::parse("chair"), Some(MemberRole::Chair));
    }
}
