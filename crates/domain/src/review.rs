//! Keeping the directory trustworthy: the coordinator's approval of partners' offers and changes,
//! and the verification cycle (an offer not confirmed for a while is listed, its partner reminded,
//! and after a grace period it leaves the public finder — it is never deleted).
//!
//! Every date rule is stated as a cutoff ("verified before this date") so that SQL filters and
//! Rust checks agree to the day.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

use crate::access::{Actor, Role};
use crate::model::OfferInput;
use crate::vocab::OfferStatus;
use crate::FieldError;

/// A municipality's rules for approval and verification; the coordinator edits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewPolicy {
    /// New offers and changes by partner editors wait for a coordinator before they are public.
    pub approval_required: bool,
    /// An offer is due for verification this many months after it was last confirmed.
    pub verify_every_months: u32,
    /// Days after falling due until the offer leaves the public finder; `None`: never
    /// automatically (the coordinator decides).
    pub hide_after_days: Option<u32>,
    /// A partner with due offers is reminded again after this many days.
    pub remind_every_days: u32,
}

impl Default for ReviewPolicy {
    fn default() -> Self {
        ReviewPolicy { approval_required: true, verify_every_months: 12, hide_after_days: Some(90), remind_every_days: 30 }
    }
}

impl ReviewPolicy {
    /// Checks the values a coordinator entered; field names are the form's.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = vec![];
        if !(1..=120).contains(&self.verify_every_months) {
            errors.push(FieldError::new("verify_every_months", "error-review-months", "expected whole months from 1 to 120"));
        }
        if self.hide_after_days.is_some_and(|d| d > 3650) {
            errors.push(FieldError::new("hide_after_days", "error-review-days", "expected days from 0 to 3650, or empty for never"));
        }
        if !(1..=365).contains(&self.remind_every_days) {
            errors.push(FieldError::new("remind_every_days", "error-review-remind", "expected days from 1 to 365"));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Offers last verified before this date are due (verified on it or later: current).
    pub fn due_if_verified_before(&self, today: Date) -> Date {
        add_months(today, -(self.verify_every_months as i32))
    }

    /// Offers last verified before this date are hidden from the public; `None` when the
    /// policy never hides.
    pub fn hidden_if_verified_before(&self, today: Date) -> Option<Date> {
        let days = self.hide_after_days?;
        Some(add_months(today - Duration::days(days as i64), -(self.verify_every_months as i32)))
    }

    pub fn freshness(&self, last_verified: Option<Date>, today: Date) -> Freshness {
        let Some(verified) = last_verified else { return Freshness::Unverified };
        let due_on = add_months(verified, self.verify_every_months as i32);
        let hidden_on = self.hide_after_days.map(|d| due_on + Duration::days(d as i64));
        if self.hidden_if_verified_before(today).is_some_and(|cutoff| verified < cutoff) {
            Freshness::Lapsed { since: hidden_on.unwrap_or(due_on) }
        } else if verified < self.due_if_verified_before(today) {
            Freshness::Due { due_on, hidden_on }
        } else {
            Freshness::Current { due_on }
        }
    }

    /// Whether an edit by this person waits for approval instead of taking effect.
    pub fn needs_approval(&self, actor: &Actor) -> bool {
        self.approval_required && actor.role == Role::PartnerEditor
    }
}

/// Where an offer stands in the verification cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Freshness {
    Current {
        due_on: Date,
    },
    /// Listed for the coordinator, partner reminded; still public until `hidden_on`.
    Due {
        due_on: Date,
        hidden_on: Option<Date>,
    },
    /// Out of the public finder since `since`; kept, and back as soon as it is confirmed.
    Lapsed {
        since: Date,
    },
    /// Never confirmed (imported without a date): listed as due, never hidden for that reason.
    Unverified,
}

impl Freshness {
    pub fn needs_verification(self) -> bool {
        !matches!(self, Freshness::Current { .. })
    }
    pub fn label_key(self) -> &'static str {
        match self {
            Freshness::Current { .. } => "freshness-current",
            Freshness::Due { .. } => "freshness-due",
            Freshness::Lapsed { .. } => "freshness-lapsed",
            Freshness::Unverified => "freshness-unverified",
        }
    }
}

/// An offer's approval: new offers of partners wait; a rejected one stays with its partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Approval {
    Pending,
    #[default]
    Approved,
    Rejected,
}

impl Approval {
    pub fn as_str(self) -> &'static str {
        match self {
            Approval::Pending => "pending",
            Approval::Approved => "approved",
            Approval::Rejected => "rejected",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [Approval::Pending, Approval::Approved, Approval::Rejected].into_iter().find(|a| a.as_str() == s)
    }
    pub fn label_key(self) -> &'static str {
        match self {
            Approval::Pending => "approval-pending",
            Approval::Approved => "approval-approved",
            Approval::Rejected => "approval-rejected",
        }
    }
}

/// The one rule for what families see: an active, approved offer that has not lapsed.
pub fn is_public(status: OfferStatus, approval: Approval, freshness: Freshness) -> bool {
    status == OfferStatus::Active && approval == Approval::Approved && !matches!(freshness, Freshness::Lapsed { .. })
}

/// The fields a proposed change touches, by the offer form's field names, for the approval view.
pub fn changed_fields(current: &OfferInput, proposed: &OfferInput) -> Vec<&'static str> {
    let mut out = vec![];
    let mut check = |name: &'static str, differs: bool| {
        if differs {
            out.push(name);
        }
    };
    check("title", current.title != proposed.title);
    check("description", current.description != proposed.description);
    check("life_phases", current.life_phases != proposed.life_phases);
    check("domains", current.domains != proposed.domains);
    check("target_groups", current.target_groups != proposed.target_groups);
    check("transitions", current.transitions != proposed.transitions);
    check("languages", current.languages != proposed.languages);
    check("min_age", current.min_age_months != proposed.min_age_months);
    check("max_age", current.max_age_months != proposed.max_age_months);
    check("prevention_level", current.prevention_level != proposed.prevention_level);
    check("cost", current.cost != proposed.cost);
    check("access", current.access != proposed.access);
    check("schedule", current.schedule != proposed.schedule);
    check("capacity", current.capacity != proposed.capacity);
    check("reach_per_year", current.reach_per_year != proposed.reach_per_year);
    check("funding", current.funding != proposed.funding);
    check("status", current.status != proposed.status);
    check("contact_email", current.contact_email != proposed.contact_email);
    check("contact_phone", current.contact_phone != proposed.contact_phone);
    check("website", current.website != proposed.website);
    check("locations", current.location_ids != proposed.location_ids);
    out
}

/// `date` moved by whole months; a day that the target month lacks becomes its last day
/// (31 March − 1 month = 28/29 February).
pub fn add_months(date: Date, months: i32) -> Date {
    let index = date.year() * 12 + (date.month() as i32 - 1) + months;
    let year = index.div_euclid(12);
    let month = Month::try_from((index.rem_euclid(12) + 1) as u8).expect("1..=12");
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, date.day().min(last)).expect("valid by construction")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_clamp_to_the_end_of_shorter_months() {
        assert_eq!(add_months(date!(2025 - 03 - 31), -1), date!(2025 - 02 - 28));
        assert_eq!(add_months(date!(2024 - 03 - 31), -1), date!(2024 - 02 - 29));
        assert_eq!(add_months(date!(2025 - 09 - 01), 12), date!(2026 - 09 - 01));
        assert_eq!(add_months(date!(2025 - 01 - 15), -13), date!(2023 - 12 - 15));
    }

    #[test]
    fn an_offer_is_current_then_due_then_lapsed() {
        let p = ReviewPolicy::default(); // 12 months, hidden 90 days after falling due
        let verified = Some(date!(2025 - 09 - 01));
        assert_eq!(p.freshness(verified, date!(2026 - 08 - 31)), Freshness::Current { due_on: date!(2026 - 09 - 01) });
        assert_eq!(
            p.freshness(verified, date!(2026 - 09 - 02)),
            Freshness::Due { due_on: date!(2026 - 09 - 01), hidden_on: Some(date!(2026 - 11 - 30)) }
        );
        assert!(matches!(p.freshness(verified, date!(2026 - 11 - 30)), Freshness::Due { .. }));
        assert_eq!(p.freshness(verified, date!(2026 - 12 - 01)), Freshness::Lapsed { since: date!(2026 - 11 - 30) });
        // the same answers through the SQL cutoffs
        assert!(date!(2025 - 09 - 01) < p.hidden_if_verified_before(date!(2026 - 12 - 01)).unwrap());
        assert!(date!(2025 - 09 - 01) >= p.hidden_if_verified_before(date!(2026 - 11 - 30)).unwrap());
    }

    #[test]
    fn unverified_offers_are_listed_but_never_hidden_and_a_policy_may_never_hide() {
        let p = ReviewPolicy::default();
        let f = p.freshness(None, date!(2030 - 01 - 01));
        assert_eq!(f, Freshness::Unverified);
        assert!(f.needs_verification());
        assert!(is_public(OfferStatus::Active, Approval::Approved, f));
        let keep = ReviewPolicy { hide_after_days: None, ..p };
        let old = keep.freshness(Some(date!(2000 - 01 - 01)), date!(2030 - 01 - 01));
        assert!(matches!(old, Freshness::Due { hidden_on: None, .. }));
        assert!(is_public(OfferStatus::Active, Approval::Approved, old));
        assert_eq!(keep.hidden_if_verified_before(date!(2030 - 01 - 01)), None);
    }

    #[test]
    fn only_active_approved_and_not_lapsed_offers_are_public() {
        let cur = Freshness::Current { due_on: date!(2030 - 01 - 01) };
        assert!(is_public(OfferStatus::Active, Approval::Approved, cur));
        assert!(!is_public(OfferStatus::Active, Approval::Pending, cur));
        assert!(!is_public(OfferStatus::Active, Approval::Rejected, cur));
        assert!(!is_public(OfferStatus::Paused, Approval::Approved, cur));
        assert!(!is_public(OfferStatus::Active, Approval::Approved, Freshness::Lapsed { since: date!(2020 - 01 - 01) }));
    }

    #[test]
    fn only_partner_editors_wait_for_approval_and_only_when_configured() {
        let p = ReviewPolicy::default();
        let partner = Actor { role: Role::PartnerEditor, organisation_id: Some(1) };
        assert!(p.needs_approval(&partner));
        assert!(!p.needs_approval(&Actor { role: Role::Coordinator, organisation_id: None }));
        assert!(!ReviewPolicy { approval_required: false, ..p }.needs_approval(&partner));
    }

    #[test]
    fn policy_values_are_checked_with_field_names() {
        let bad = ReviewPolicy { verify_every_months: 0, hide_after_days: Some(5000), remind_every_days: 0, approval_required: true };
        let fields: Vec<String> = bad.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["verify_every_months", "hide_after_days", "remind_every_days"]);
        assert!(ReviewPolicy::default().validate().is_ok());
    }

    #[test]
    fn a_change_names_the_fields_it_touches() {
        let a = OfferInput::blank(1);
        let mut b = a.clone();
        b.title = "Neu".into();
        b.cost = crate::vocab::Cost::Reduced;
        assert_eq!(changed_fields(&a, &b), ["title", "cost"]);
        assert!(changed_fields(&a, &a).is_empty());
    }
}
