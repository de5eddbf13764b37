//! Cooperation agreements between organisations (issue 16): the agreed division of labour of the
//! network — who does what for which life phase, transition and district, with named contact
//! persons. The rules a new or changed agreement must meet live here.

use serde::{Deserialize, Serialize};

use crate::FieldError;

/// One party's part: a task, for a life phase, transition or district where it says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duty {
    pub organisation_id: i64,
    pub task: String,
    pub life_phase: Option<String>,
    pub transition: Option<String>,
    pub district_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementInput {
    /// A code of the municipality's agreement-kind vocabulary.
    pub kind: String,
    pub title: String,
    /// The organisations that agreed: two or more, each once.
    pub organisation_ids: Vec<i64>,
    pub since: Option<time::Date>,
    pub until: Option<time::Date>,
    pub duties: Vec<Duty>,
    /// Named contact persons (professionals), one per line.
    pub contacts: String,
    /// Where the signed document lies (a web address), if anywhere.
    pub document_url: String,
}

impl AgreementInput {
    /// Every field error: a title, two different parties at least (an organisation does not
    /// agree with itself), dates in order, duties of parties with a task, a web address.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        let title = self.title.trim();
        if title.is_empty() {
            e.push(FieldError::new("agreement_title", "error-required", "an agreement needs a title"));
        } else if title.chars().count() > 300 {
            e.push(FieldError::new("agreement_title", "error-too-long", "at most 300 characters"));
        }
        let mut parties = self.organisation_ids.clone();
        parties.sort_unstable();
        let distinct = {
            let mut d = parties.clone();
            d.dedup();
            d
        };
        if distinct.len() < parties.len() || distinct.len() < 2 {
            e.push(FieldError::new(
                "organisation_ids",
                "error-agreement-parties",
                "two different organisations at least; an organisation does not agree with itself",
            ));
        }
        if let (Some(since), Some(until)) = (self.since, self.until) {
            if until < since {
                e.push(FieldError::new("until", "error-measure-dates", "the end comes after the start"));
            }
        }
        for d in &self.duties {
            if !self.organisation_ids.contains(&d.organisation_id) {
                e.push(FieldError::new("duties", "error-agreement-duty-party", "a duty belongs to a party of the agreement"));
                break;
            }
            if d.task.trim().is_empty() {
                e.push(FieldError::new("duties", "error-agreement-duty-task", "a duty says what is done"));
                break;
            }
        }
        let url = self.document_url.trim();
        if !(url.is_empty() || url.starts_with("https://") || url.starts_with("http://")) {
            e.push(FieldError::new("document_url", "error-url", "a web address starting with https://"));
        }
        if self.contacts.chars().count() > 2_000 {
            e.push(FieldError::new("contacts", "error-too-long", "at most 2,000 characters"));
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }

    /// Whether the agreement holds on `day` (from `since`, until `until` inclusive).
    pub fn in_force(&self, day: time::Date) -> bool {
        self.since.is_none_or(|s| s <= day) && self.until.is_none_or(|u| day <= u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn agreement() -> AgreementInput {
        AgreementInput {
            kind: "cooperation_agreement".into(),
            title: "Kita und Grundschule am Park".into(),
            organisation_ids: vec![1, 2],
            since: Some(date!(2025 - 08 - 01)),
            until: None,
            duties: vec![Duty {
                organisation_id: 1,
                task: "lädt die Lehrkräfte zu den Elterngesprächen ein".into(),
                life_phase: Some("kita".into()),
                transition: Some("kita_to_primary".into()),
                district_id: None,
            }],
            contacts: "Frau A. (Kita)\nHerr B. (Schule)".into(),
            document_url: "https://example.org/vereinbarung.pdf".into(),
        }
    }

    fn codes(a: &AgreementInput) -> Vec<String> {
        a.validate().err().unwrap_or_default().into_iter().map(|e| e.code).collect()
    }

    #[test]
    fn an_agreement_needs_two_different_parties_dates_in_order_and_duties_of_its_parties() {
        assert!(agreement().validate().is_ok());
        // an organisation does not agree with itself
        assert_eq!(codes(&AgreementInput { organisation_ids: vec![1, 1], ..agreement() }), vec!["error-agreement-parties"]);
        assert_eq!(codes(&AgreementInput { organisation_ids: vec![1], ..agreement() }), vec!["error-agreement-parties"]);
        assert_eq!(codes(&AgreementInput { until: Some(date!(2025 - 01 - 01)), ..agreement() }), vec!["error-measure-dates"]);
        let mut foreign = agreement();
        foreign.duties[0].organisation_id = 9;
        assert_eq!(codes(&foreign), vec!["error-agreement-duty-party"]);
        assert_eq!(codes(&AgreementInput { document_url: "javascript:alert(1)".into(), ..agreement() }), vec!["error-url"]);
        assert_eq!(codes(&AgreementInput { title: " ".into(), ..agreement() }), vec!["error-required"]);
    }

    #[test]
    fn in_force_between_its_dates() {
        let a = AgreementInput { until: Some(date!(2026 - 07 - 31)), ..agreement() };
        assert!(!a.in_force(date!(2025 - 07 - 31)));
        assert!(a.in_force(date!(2026 - 07 - 31)));
        assert!(!a.in_force(date!(2026 - 08 - 01)));
    }
}
