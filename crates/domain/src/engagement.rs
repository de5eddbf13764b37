//! The engagement register (issue 16): donations in money or kind and volunteer time that
//! businesses, foundations, clubs and citizens offer, matched to needs that offers or measures
//! state, and followed until they are delivered and thanked — so engagement reaches a useful
//! purpose. A citizen is never named: the register keeps what is given, not who lives where.

use serde::Serialize;
use time::Date;

use crate::vocab::{GiftKind, GiftStatus, GiverKind};
use crate::FieldError;

/// A need an offer or a measure states: what would help.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedInput {
    pub offer_id: Option<i64>,
    pub measure_id: Option<i64>,
    pub kind: GiftKind,
    pub description: String,
}

impl NeedInput {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        if self.offer_id.is_some() == self.measure_id.is_some() {
            e.push(FieldError::new("need_subject", "error-need-subject", "a need belongs to one offer or one measure"));
        }
        let text = self.description.trim();
        if text.is_empty() {
            e.push(FieldError::new("need_description", "error-required", "say what would help"));
        } else if text.chars().count() > 500 {
            e.push(FieldError::new("need_description", "error-too-long", "at most 500 characters"));
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }
}

/// A gift offered to the network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GiftInput {
    pub giver_kind: GiverKind,
    /// The business, foundation or club; empty for citizens, who are not named.
    pub giver_name: String,
    pub kind: GiftKind,
    pub description: String,
    pub amount_eur: Option<f64>,
    /// Volunteer hours offered (in total).
    pub hours: Option<u32>,
    pub offered_on: Date,
    /// The need it is matched to.
    pub need_id: Option<i64>,
    pub status: GiftStatus,
}

impl GiftInput {
    /// Every field error: a description, a citizen without a name, money with an amount and time
    /// with hours, and no status past "offered" without a need it serves. `need_kind`: the kind
    /// of the matched need, when there is one.
    pub fn validate(&self, need_kind: Option<GiftKind>) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        let text = self.description.trim();
        if text.is_empty() {
            e.push(FieldError::new("gift_description", "error-required", "say what is offered"));
        } else if text.chars().count() > 500 {
            e.push(FieldError::new("gift_description", "error-too-long", "at most 500 characters"));
        }
        match self.giver_kind {
            GiverKind::Citizen if !self.giver_name.trim().is_empty() => {
                e.push(FieldError::new("giver_name", "error-gift-citizen-named", "citizens are not named in the register"))
            }
            GiverKind::Citizen => {}
            _ if self.giver_name.trim().is_empty() => {
                e.push(FieldError::new("giver_name", "error-required", "name the business, foundation or club"))
            }
            _ => {}
        }
        match self.kind {
            GiftKind::Money if self.amount_eur.is_none_or(|a| !a.is_finite() || a <= 0.0) => {
                e.push(FieldError::new("amount_eur", "error-amount", "a donation of money has an amount"))
            }
            GiftKind::Time if self.hours.is_none_or(|h| h == 0) => {
                e.push(FieldError::new("hours", "error-gift-hours", "volunteer time has hours"))
            }
            _ => {}
        }
        if self.status != GiftStatus::Offered && self.need_id.is_none() {
            e.push(FieldError::new("need_id", "error-gift-unmatched", "matched, delivered or thanked only with the need it serves"));
        }
        if need_kind.is_some_and(|k| k != self.kind) {
            e.push(FieldError::new("need_id", "error-gift-kind", "the need asks for another kind of help"));
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }
}

/// The next step of a gift, if any: offered → matched → delivered → thanked.
pub fn next_status(s: GiftStatus) -> Option<GiftStatus> {
    match s {
        GiftStatus::Offered => Some(GiftStatus::Matched),
        GiftStatus::Matched => Some(GiftStatus::Delivered),
        GiftStatus::Delivered => Some(GiftStatus::Thanked),
        GiftStatus::Thanked => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn gift() -> GiftInput {
        GiftInput {
            giver_kind: GiverKind::Business,
            giver_name: "Bäckerei am Markt".into(),
            kind: GiftKind::InKind,
            description: "Frühstück für die Elterncafés".into(),
            amount_eur: None,
            hours: None,
            offered_on: date!(2026 - 11 - 01),
            need_id: None,
            status: GiftStatus::Offered,
        }
    }

    #[test]
    fn a_gift_says_what_it_is_and_serves_a_need_before_it_is_matched() {
        assert!(gift().validate(None).is_ok());
        let matched = GiftInput { status: GiftStatus::Matched, ..gift() };
        assert_eq!(matched.validate(None).unwrap_err()[0].code, "error-gift-unmatched");
        let served = GiftInput { need_id: Some(3), ..matched };
        assert!(served.validate(Some(GiftKind::InKind)).is_ok());
        assert_eq!(served.validate(Some(GiftKind::Money)).unwrap_err()[0].code, "error-gift-kind");
        let money = GiftInput { kind: GiftKind::Money, ..gift() };
        assert_eq!(money.validate(None).unwrap_err()[0].field, "amount_eur");
        let time = GiftInput { kind: GiftKind::Time, hours: Some(0), ..gift() };
        assert_eq!(time.validate(None).unwrap_err()[0].field, "hours");
    }

    #[test]
    fn citizens_are_not_named_and_businesses_are() {
        let named = GiftInput { giver_kind: GiverKind::Citizen, ..gift() };
        assert_eq!(named.validate(None).unwrap_err()[0].code, "error-gift-citizen-named");
        let citizen = GiftInput { giver_kind: GiverKind::Citizen, giver_name: String::new(), ..gift() };
        assert!(citizen.validate(None).is_ok());
        let anonymous_business = GiftInput { giver_name: " ".into(), ..gift() };
        assert_eq!(anonymous_business.validate(None).unwrap_err()[0].field, "giver_name");
        assert_eq!(next_status(GiftStatus::Delivered), Some(GiftStatus::Thanked));
        assert_eq!(next_status(GiftStatus::Thanked), None);
    }

    #[test]
    fn a_need_belongs_to_one_offer_or_one_measure() {
        let need = |o, m| NeedInput { offer_id: o, measure_id: m, kind: GiftKind::Time, description: "Lesepatenschaften".into() };
        assert!(need(Some(1), None).validate().is_ok());
        assert!(need(None, Some(1)).validate().is_ok());
        assert_eq!(need(None, None).validate().unwrap_err()[0].code, "error-need-subject");
        assert_eq!(need(Some(1), Some(1)).validate().unwrap_err()[0].code, "error-need-subject");
    }
}
