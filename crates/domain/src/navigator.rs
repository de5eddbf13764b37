//! The navigator's log (issue 16): anonymous contacts — when, in which district, for which life
//! phase, transition and topic, which offer the family was referred to and whether it got there.
//! No name, no birth date, no free text: a contact is a count with a few codes, so the log
//! needs no consent and can never leak a family. What a contact must say is decided here.

use serde::Serialize;
use time::{Date, Duration};

use crate::vocab::ContactOutcome;
use crate::FieldError;

/// How far back a contact may be logged: notes older than a year are not a log, they are a
/// reconstruction.
pub const MAX_AGE_DAYS: i64 = 366;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactInput {
    pub contacted_on: Date,
    pub offer_id: Option<i64>,
    pub district_id: Option<i64>,
    pub life_phase: Option<String>,
    pub transition: Option<String>,
    /// A code of the domain vocabulary: what the family came about.
    pub domain: Option<String>,
    /// The language of the referral sheet, when one was handed out.
    pub language: Option<String>,
    pub outcome: ContactOutcome,
}

impl ContactInput {
    /// Every field error: a date within the last year and not ahead of `today`, and something
    /// the contact was about (a life phase, a topic or an offer) so it counts anywhere.
    pub fn validate(&self, today: Date) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        if self.contacted_on > today {
            e.push(FieldError::new("contacted_on", "error-contact-future", "a contact is logged on or after the day it happened"));
        } else if self.contacted_on < today - Duration::days(MAX_AGE_DAYS) {
            e.push(FieldError::new("contacted_on", "error-contact-old", "contacts are logged within a year"));
        }
        if self.life_phase.is_none() && self.domain.is_none() && self.offer_id.is_none() {
            e.push(FieldError::new("life_phase", "error-contact-about", "say the life phase, the topic or the offer"));
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }
}

/// The ways the log is counted. Every contact falls in exactly one row of each (an empty code
/// where nothing was said), so a table's rows add up to the total and the confidentiality rule
/// can protect them against subtraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ContactDimension {
    Month,
    District,
    LifePhase,
    Transition,
    Topic,
    Offer,
    Outcome,
}

impl ContactDimension {
    pub const ALL: [ContactDimension; 7] = [
        ContactDimension::Month,
        ContactDimension::District,
        ContactDimension::LifePhase,
        ContactDimension::Transition,
        ContactDimension::Topic,
        ContactDimension::Offer,
        ContactDimension::Outcome,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ContactDimension::Month => "month",
            ContactDimension::District => "district",
            ContactDimension::LifePhase => "life_phase",
            ContactDimension::Transition => "transition",
            ContactDimension::Topic => "topic",
            ContactDimension::Offer => "offer",
            ContactDimension::Outcome => "outcome",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn contact(on: Date) -> ContactInput {
        ContactInput {
            contacted_on: on,
            offer_id: None,
            district_id: None,
            life_phase: Some("kita".into()),
            transition: None,
            domain: None,
            language: None,
            outcome: ContactOutcome::Unknown,
        }
    }

    #[test]
    fn a_contact_lies_within_the_last_year_and_says_what_it_was_about() {
        let today = date!(2026 - 12 - 06);
        assert!(contact(today).validate(today).is_ok());
        assert!(contact(date!(2025 - 12 - 05)).validate(today).is_ok());
        assert_eq!(contact(date!(2026 - 12 - 07)).validate(today).unwrap_err()[0].code, "error-contact-future");
        assert_eq!(contact(date!(2025 - 12 - 04)).validate(today).unwrap_err()[0].code, "error-contact-old");
        let about_nothing = ContactInput { life_phase: None, ..contact(today) };
        assert_eq!(about_nothing.validate(today).unwrap_err()[0].field, "life_phase");
        assert!(ContactInput { offer_id: Some(3), ..about_nothing }.validate(today).is_ok());
    }
}
