//! The network's events (issue 16): Fachtage, trainings, the yearly introduction for new staff
//! (poverty sensitivity), kick-offs and network conferences. Participants are counted by
//! organisation and profession; no names are needed or kept. The rules an event must meet live
//! here.

use serde::Serialize;
use time::PrimitiveDateTime;

use crate::cycle::Phase;
use crate::vocab::{EventKind, Profession};
use crate::FieldError;

/// How many took part from one organisation (None: from no partner organisation) and one
/// profession.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attendance {
    pub organisation_id: Option<i64>,
    pub profession: Profession,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventInput {
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    /// Local time of the municipality.
    pub starts_at: PrimitiveDateTime,
    pub ends_at: PrimitiveDateTime,
    pub place: String,
    pub organiser_id: Option<i64>,
    /// The phase of the strategy cycle the event belongs to.
    pub cycle_phase: Option<Phase>,
    pub goal_ids: Vec<i64>,
    /// Listed for everyone and in the public calendar feed; otherwise for signed-in staff only.
    pub is_public: bool,
    pub attendance: Vec<Attendance>,
}

/// More than this many from one organisation and profession is a typing error, not an event.
pub const MAX_COUNT: u32 = 5_000;
/// Events last at most this many days (a training series is several events).
pub const MAX_DAYS: i64 = 5;

impl EventInput {
    /// Every field error: a title, an end after the start within five days, each organisation
    /// and profession counted once with a count from 1 to 5,000.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        let title = self.title.trim();
        if title.is_empty() {
            e.push(FieldError::new("event_title", "error-required", "an event needs a title"));
        } else if title.chars().count() > 300 {
            e.push(FieldError::new("event_title", "error-too-long", "at most 300 characters"));
        }
        if self.ends_at <= self.starts_at {
            e.push(FieldError::new("ends_at", "error-event-end", "the end comes after the start"));
        } else if self.ends_at - self.starts_at > time::Duration::days(MAX_DAYS) {
            e.push(FieldError::new("ends_at", "error-event-long", "an event lasts at most five days"));
        }
        if self.description.chars().count() > 5_000 {
            e.push(FieldError::new("event_description", "error-too-long", "at most 5,000 characters"));
        }
        let mut seen = std::collections::HashSet::new();
        for a in &self.attendance {
            if a.count == 0 || a.count > MAX_COUNT {
                e.push(FieldError::new("attendance", "error-event-count", "a count from 1 to 5,000"));
                break;
            }
            if !seen.insert((a.organisation_id, a.profession)) {
                e.push(FieldError::new("attendance", "error-event-twice", "each organisation and profession once"));
                break;
            }
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }

    pub fn participants(&self) -> u32 {
        self.attendance.iter().map(|a| a.count).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn event() -> EventInput {
        EventInput {
            kind: EventKind::Training,
            title: "Armutssensibles Handeln".into(),
            description: String::new(),
            starts_at: datetime!(2026-03-10 9:00),
            ends_at: datetime!(2026-03-10 16:00),
            place: String::new(),
            organiser_id: None,
            cycle_phase: Some(Phase::Implementation),
            goal_ids: vec![],
            is_public: false,
            attendance: vec![
                Attendance { organisation_id: Some(1), profession: Profession::Education, count: 12 },
                Attendance { organisation_id: None, profession: Profession::SocialWork, count: 3 },
            ],
        }
    }

    #[test]
    fn an_event_has_a_title_an_end_after_its_start_and_plausible_counts() {
        assert!(event().validate().is_ok());
        assert_eq!(event().participants(), 15);
        let backwards = EventInput { ends_at: datetime!(2026-03-10 8:00), ..event() };
        assert_eq!(backwards.validate().unwrap_err()[0].field, "ends_at");
        let week = EventInput { ends_at: datetime!(2026-03-17 16:00), ..event() };
        assert_eq!(week.validate().unwrap_err()[0].code, "error-event-long");
        let mut twice = event();
        twice.attendance.push(Attendance { organisation_id: Some(1), profession: Profession::Education, count: 1 });
        assert_eq!(twice.validate().unwrap_err()[0].code, "error-event-twice");
        let mut zero = event();
        zero.attendance[0].count = 0;
        assert_eq!(zero.validate().unwrap_err()[0].code, "error-event-count");
        let untitled = EventInput { title: "  ".into(), ..event() };
        assert_eq!(untitled.validate().unwrap_err()[0].field, "event_title");
    }
}
