//! Funding and consolidation (Verstetigung, issue 16): who pays for an offer, a measure or a
//! coordination post, how much a year, from when to when, and of which kind. A prevention chain
//! loses what ends with its project money, so the rules here say which funding ends within the
//! horizon without anything after it, and how much of the chain stands on permanent money.

use serde::Serialize;
use time::{Date, Duration};

use crate::vocab::FundingKind;
use crate::FieldError;

/// What is funded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum FundingSubject {
    Offer(i64),
    Measure(i64),
    /// A coordination post, named by the record's `post_title`.
    Post,
}

impl FundingSubject {
    pub fn kind(&self) -> &'static str {
        match self {
            FundingSubject::Offer(_) => "offer",
            FundingSubject::Measure(_) => "measure",
            FundingSubject::Post => "post",
        }
    }
    pub fn id(&self) -> Option<i64> {
        match self {
            FundingSubject::Offer(id) | FundingSubject::Measure(id) => Some(*id),
            FundingSubject::Post => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FundingInput {
    pub subject: FundingSubject,
    /// The post's name for `FundingSubject::Post` ("Koordinationsstelle Präventionskette").
    pub post_title: String,
    /// Who pays: "Landesprogramm kinderstark", "Stiftung …", "kommunaler Haushalt".
    pub source: String,
    pub kind: FundingKind,
    pub amount_per_year_eur: Option<f64>,
    pub starts_on: Option<Date>,
    /// None: no end agreed (regular budgets).
    pub ends_on: Option<Date>,
}

impl FundingInput {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        if self.source.trim().is_empty() {
            e.push(FieldError::new("source", "error-required", "say who pays"));
        } else if self.source.chars().count() > 300 {
            e.push(FieldError::new("source", "error-too-long", "at most 300 characters"));
        }
        if self.subject == FundingSubject::Post && self.post_title.trim().is_empty() {
            e.push(FieldError::new("post_title", "error-required", "a post needs its name"));
        }
        if self.amount_per_year_eur.is_some_and(|a| !a.is_finite() || !(0.0..=1e9).contains(&a)) {
            e.push(FieldError::new("amount_per_year_eur", "error-amount", "an amount from 0 to 1,000,000,000 euros"));
        }
        if let (Some(s), Some(u)) = (self.starts_on, self.ends_on) {
            if u < s {
                e.push(FieldError::new("ends_on", "error-measure-dates", "the end comes after the start"));
            }
        }
        if self.kind != FundingKind::Regular && self.ends_on.is_none() {
            e.push(FieldError::new("ends_on", "error-funding-end", "project money and donations end: give the date"));
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }

    /// Whether the record pays on `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.starts_on.is_none_or(|s| s <= day) && self.ends_on.is_none_or(|u| day <= u)
    }
}

/// When a subject's money runs out within `horizon_days` of `today`: the end of the funding
/// that pays today and ends first within the horizon, unless other funding of the subject takes
/// over on the next day (a follow-up grant or the regular budget). None when nothing ends in
/// time, or when the subject has no funding today at all (nothing to lose that is not lost).
pub fn runs_out(records: &[&FundingInput], today: Date, horizon_days: i64) -> Option<Date> {
    let horizon = today + Duration::days(horizon_days);
    // walk from today: as long as some record pays, jump to the latest end among them
    let mut day = today;
    let paying_today = records.iter().any(|r| r.covers(today));
    if !paying_today {
        return None;
    }
    loop {
        let paying: Vec<&&FundingInput> = records.iter().filter(|r| r.covers(day)).collect();
        if paying.is_empty() {
            let last_paid = day - Duration::days(1);
            return (last_paid <= horizon).then_some(last_paid);
        }
        if paying.iter().any(|r| r.ends_on.is_none()) {
            return None;
        }
        let furthest = paying.iter().filter_map(|r| r.ends_on).max().expect("paying records without an open end have ends");
        if furthest > horizon {
            return None;
        }
        day = furthest + Duration::days(1);
    }
}

/// Whether the subject stands on permanent money on `day`: regular funding pays then.
pub fn is_permanent(records: &[&FundingInput], day: Date) -> bool {
    records.iter().any(|r| r.kind == FundingKind::Regular && r.covers(day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn record(kind: FundingKind, from: Option<Date>, until: Option<Date>) -> FundingInput {
        FundingInput {
            subject: FundingSubject::Offer(1),
            post_title: String::new(),
            source: "Landesprogramm".into(),
            kind,
            amount_per_year_eur: Some(40_000.0),
            starts_on: from,
            ends_on: until,
        }
    }

    #[test]
    fn project_money_ending_in_the_horizon_is_on_the_radar_unless_something_takes_over() {
        let today = date!(2026 - 12 - 06);
        let project = record(FundingKind::Project, Some(date!(2024 - 01 - 01)), Some(date!(2027 - 06 - 30)));
        assert_eq!(runs_out(&[&project], today, 365), Some(date!(2027 - 06 - 30)));
        assert_eq!(runs_out(&[&project], today, 100), None, "beyond the horizon");
        // the regular budget takes over the next day: consolidated
        let budget = record(FundingKind::Regular, Some(date!(2027 - 07 - 01)), None);
        assert_eq!(runs_out(&[&project, &budget], today, 365), None);
        // a follow-up grant that also ends within the horizon: the later end counts
        let follow = record(FundingKind::Project, Some(date!(2027 - 07 - 01)), Some(date!(2027 - 10 - 31)));
        assert_eq!(runs_out(&[&project, &follow], today, 365), Some(date!(2027 - 10 - 31)));
        // a gap of a month between two grants: the first end is the risk
        let late = record(FundingKind::Project, Some(date!(2027 - 08 - 01)), Some(date!(2029 - 12 - 31)));
        assert_eq!(runs_out(&[&project, &late], today, 365), Some(date!(2027 - 06 - 30)));
        // nothing paying today: not on the radar
        let past = record(FundingKind::Project, None, Some(date!(2026 - 01 - 31)));
        assert_eq!(runs_out(&[&past], today, 365), None);
    }

    #[test]
    fn regular_money_is_permanent_and_project_money_must_end() {
        let today = date!(2026 - 12 - 06);
        let budget = record(FundingKind::Regular, None, None);
        assert!(is_permanent(&[&budget], today) && budget.validate().is_ok());
        let open_project = record(FundingKind::Project, None, None);
        assert_eq!(open_project.validate().unwrap_err()[0].code, "error-funding-end");
        let post = FundingInput { subject: FundingSubject::Post, ..budget.clone() };
        assert_eq!(post.validate().unwrap_err()[0].field, "post_title");
        let negative = FundingInput { amount_per_year_eur: Some(-1.0), ..budget };
        assert_eq!(negative.validate().unwrap_err()[0].field, "amount_per_year_eur");
    }
}
