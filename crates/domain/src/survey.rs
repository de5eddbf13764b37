//! The yearly self-assessment of the network by its partners: how far the network's success
//! factors hold, on a scale of 1 to 5, answered anonymously by one-time links. Results are
//! shown per factor and year only from `MIN_ANSWERS` answers on, for every reader — a small
//! network must not let anyone guess who answered what.

use serde::Serialize;

use crate::FieldError;

/// Fewer answers than this to a factor in a year are not shown.
pub const MIN_ANSWERS: i64 = 5;

/// The scale: 1 "does not hold" … 5 "fully holds".
pub const SCALE: std::ops::RangeInclusive<u8> = 1..=5;

/// The network success factors (LVR Koordinationsstelle Kinderarmut: Erfolgsfaktoren für die
/// Arbeit im Netzwerk) partners rate as statements; the statements are in the translation files
/// (`survey-factor-…`). The list is fixed so that years stay comparable.
pub const FACTORS: &[&str] = &[
    "smart_goals",
    "shared_vision",
    "reciprocity",
    "connectivity",
    "visible_benefit",
    "trust",
    "contact_persons",
    "knowledge_transfer",
    "conflict_handling",
    "structure",
    "identity",
    "documentation",
];

pub fn is_factor(code: &str) -> bool {
    FACTORS.contains(&code)
}

/// Checks one filled-in questionnaire: known factors, scores on the scale, each factor at most
/// once, at least one answer. Factors left out mean "cannot judge".
pub fn check_answers(answers: &[(String, u8)]) -> Result<(), Vec<FieldError>> {
    let mut e = vec![];
    for (i, (code, score)) in answers.iter().enumerate() {
        if !is_factor(code) {
            e.push(FieldError::new(code.clone(), "error-unknown", format!("no factor '{code}'")));
        } else if !SCALE.contains(score) {
            e.push(FieldError::new(code.clone(), "error-survey-scale", "a score from 1 to 5"));
        } else if answers[..i].iter().any(|(c, _)| c == code) {
            e.push(FieldError::new(code.clone(), "error-survey-twice", "each statement once"));
        }
    }
    if answers.is_empty() {
        e.push(FieldError::new("answers", "error-survey-empty", "at least one statement rated"));
    }
    if e.is_empty() {
        Ok(())
    } else {
        Err(e)
    }
}

/// One factor's result in one year as readers see it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum FactorResult {
    Shown {
        answers: i64,
        mean: f64,
    },
    /// Fewer than `MIN_ANSWERS` answers: neither the mean nor the exact count is shown.
    TooFew,
}

/// The result from the sum and count of the scores.
pub fn result(answers: i64, sum: i64) -> FactorResult {
    if answers < MIN_ANSWERS {
        FactorResult::TooFew
    } else {
        FactorResult::Shown { answers, mean: sum as f64 / answers as f64 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_below_five_answers_are_hidden() {
        assert_eq!(result(4, 20), FactorResult::TooFew);
        assert_eq!(result(5, 17), FactorResult::Shown { answers: 5, mean: 3.4 });
    }

    #[test]
    fn answers_are_checked_whole() {
        assert!(check_answers(&[("trust".into(), 4), ("documentation".into(), 1)]).is_ok());
        let e =
            check_answers(&[("trust".into(), 6), ("vertrauen".into(), 3), ("structure".into(), 2), ("structure".into(), 3)]).unwrap_err();
        assert_eq!(
            e.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(),
            vec!["error-survey-scale", "error-unknown", "error-survey-twice"]
        );
        assert_eq!(check_answers(&[]).unwrap_err()[0].code, "error-survey-empty");
        assert_eq!(FACTORS.len(), 12);
    }
}
