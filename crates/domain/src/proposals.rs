//! Proposals "from the child's point of view": what working groups put to the steering group,
//! the criteria the steering group scores them on (weights are the municipality's), the ranking
//! with each criterion's share, and the decision — an accepted proposal becomes a measure, a
//! rejected one keeps its reason.

use serde::Serialize;

use crate::FieldError;

/// Scores run from 0 (not at all) to 5 (fully); for cost a 5 means cheap.
pub const MAX_SCORE: u8 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    Submitted,
    Accepted,
    Rejected,
}

impl ProposalStatus {
    pub const ALL: [ProposalStatus; 3] = [ProposalStatus::Submitted, ProposalStatus::Accepted, ProposalStatus::Rejected];
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalStatus::Submitted => "submitted",
            ProposalStatus::Accepted => "accepted",
            ProposalStatus::Rejected => "rejected",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A scoring criterion and its weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion {
    pub code: String,
    pub label_de: String,
    pub label_en: String,
    pub weight: f64,
}

/// The criteria every municipality starts with; the need criterion is the one the needs
/// analysis informs.
pub fn default_criteria() -> Vec<Criterion> {
    let c = |code: &str, de: &str, en: &str, weight| Criterion { code: code.into(), label_de: de.into(), label_en: en.into(), weight };
    vec![
        c("need", "Bedarf", "Need", 3.0),
        c("reach", "Reichweite", "Reach", 2.0),
        c("cost", "Kosten (5 = günstig)", "Cost (5 = cheap)", 1.0),
        c("feasibility", "Umsetzbarkeit", "Feasibility", 2.0),
    ]
}

/// A proposal as a working group submits it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProposalInput {
    pub title: String,
    /// The problem as the child meets it.
    pub problem: String,
    pub life_phase: Option<String>,
    pub transition: Option<String>,
    pub district_id: Option<i64>,
    pub expected_benefit: String,
    pub cost_eur: Option<f64>,
    /// Organisations that would take part, as written.
    pub partners: String,
    /// The working group that submits it.
    pub body_id: Option<i64>,
}

impl ProposalInput {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        for (field, value, max) in [("proposal_title", &self.title, 300), ("problem", &self.problem, 5_000)] {
            if value.trim().is_empty() {
                e.push(FieldError::new(field, "error-required", format!("{field} is required")));
            } else if value.chars().count() > max {
                e.push(FieldError::new(field, "error-too-long", format!("at most {max} characters")));
            }
        }
        if self.expected_benefit.chars().count() > 5_000 {
            e.push(FieldError::new("expected_benefit", "error-too-long", "at most 5,000 characters"));
        }
        if self.cost_eur.is_some_and(|c| !c.is_finite() || c < 0.0) {
            e.push(FieldError::new("cost_eur", "error-not-negative", "a cost is not negative"));
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }
}

/// Checks a weight as the coordination enters it.
pub fn check_weight(code: &str, weight: f64) -> Result<(), FieldError> {
    if weight.is_finite() && (0.0..=10.0).contains(&weight) {
        Ok(())
    } else {
        Err(FieldError::new(format!("weight_{code}"), "error-weight", "a weight lies between 0 and 10"))
    }
}

/// A proposal's place in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    /// Weighted mean of the scores on the 0–5 scale; None while no criterion with weight is scored.
    pub total: Option<f64>,
    /// Per criterion (in the criteria's order): its weighted points as a share of the total
    /// points (0..=1), None where it is not scored.
    pub shares: Vec<Option<f64>>,
    /// Criteria with weight that are not scored yet.
    pub missing: usize,
}

/// Weighted mean of the scores: Σ wᵢ·sᵢ / Σ wᵢ over the scored criteria with weight. A missing
/// score is not read as zero — the ranking says how many are missing instead.
pub fn rank(criteria: &[Criterion], scores: &[(String, u8)]) -> Ranking {
    let score_of = |code: &str| scores.iter().find(|(c, _)| c == code).map(|(_, s)| (*s).min(MAX_SCORE) as f64);
    let mut points = 0.0;
    let mut weights = 0.0;
    let mut missing = 0;
    for c in criteria.iter().filter(|c| c.weight > 0.0) {
        match score_of(&c.code) {
            Some(s) => {
                points += c.weight * s;
                weights += c.weight;
            }
            None => missing += 1,
        }
    }
    let shares = criteria.iter().map(|c| score_of(&c.code).map(|s| if points > 0.0 { c.weight * s / points } else { 0.0 })).collect();
    Ranking { total: (weights > 0.0).then(|| points / weights), shares, missing }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranking_is_the_weighted_mean_and_shares_add_up() {
        let criteria = default_criteria();
        let scores = vec![("need".to_string(), 5), ("reach".to_string(), 3), ("cost".to_string(), 2), ("feasibility".to_string(), 4)];
        let r = rank(&criteria, &scores);
        // (3·5 + 2·3 + 1·2 + 2·4) / 8 = 31 / 8
        assert!((r.total.unwrap() - 3.875).abs() < 1e-9);
        assert!((r.shares[0].unwrap() - 15.0 / 31.0).abs() < 1e-9);
        assert!((r.shares.iter().flatten().sum::<f64>() - 1.0).abs() < 1e-9);
        assert_eq!(r.missing, 0);
    }

    #[test]
    fn missing_scores_are_not_zero_and_weightless_criteria_do_not_count() {
        let mut criteria = default_criteria();
        let r = rank(&criteria, &[("need".to_string(), 4)]);
        assert_eq!((r.total, r.missing), (Some(4.0), 3));
        assert_eq!(r.shares[1], None);
        criteria[0].weight = 0.0;
        let r = rank(&criteria, &[("need".to_string(), 4)]);
        assert_eq!((r.total, r.missing), (None, 3));
        assert_eq!(rank(&criteria, &[("reach".to_string(), 9)]).total, Some(5.0), "scores are capped at 5");
    }

    #[test]
    fn a_proposal_needs_a_title_and_the_problem() {
        let p = ProposalInput {
            title: " ".into(),
            problem: String::new(),
            life_phase: None,
            transition: None,
            district_id: None,
            expected_benefit: String::new(),
            cost_eur: Some(-1.0),
            partners: String::new(),
            body_id: None,
        };
        let fields: Vec<_> = p.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["proposal_title", "problem", "cost_eur"]);
        assert!(check_weight("need", 3.0).is_ok());
        assert_eq!(check_weight("need", -1.0).unwrap_err().field, "weight_need");
        assert!(check_weight("need", f64::NAN).is_err());
    }
}

/// What a person may do with proposals: the coordination and members of any body submit; the
/// coordination and members of a steering group score and decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ProposalRights {
    pub read: bool,
    pub submit: bool,
    pub decide: bool,
}

pub fn proposal_rights(actor: Option<crate::access::Actor>, member_of_a_body: bool, member_of_a_steering_group: bool) -> ProposalRights {
    let Some(actor) = actor else { return ProposalRights::default() };
    let coordination = actor.can_approve();
    ProposalRights { read: true, submit: coordination || member_of_a_body, decide: coordination || member_of_a_steering_group }
}

#[cfg(test)]
mod rights_tests {
    use super::*;
    use crate::access::{Actor, Role};

    #[test]
    fn working_groups_submit_and_the_steering_group_decides() {
        let viewer = Some(Actor { role: Role::Viewer, organisation_id: None });
        assert_eq!(proposal_rights(viewer, false, false), ProposalRights { read: true, submit: false, decide: false });
        assert_eq!(proposal_rights(viewer, true, false), ProposalRights { read: true, submit: true, decide: false });
        assert_eq!(proposal_rights(viewer, true, true), ProposalRights { read: true, submit: true, decide: true });
        let coordinator = Some(Actor { role: Role::Coordinator, organisation_id: None });
        assert_eq!(proposal_rights(coordinator, false, false), ProposalRights { read: true, submit: true, decide: true });
        assert_eq!(proposal_rights(None, true, true), ProposalRights::default());
    }
}
