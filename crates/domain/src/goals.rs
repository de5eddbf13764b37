//! Goals of the Leitbild and their progress read from the monitoring: a goal names an indicator,
//! a baseline (year, value) and a target (year, value); the latest observed value is compared
//! with the straight path from baseline to target. The rule is stated on the page in these
//! words, so nobody has to guess how "on track" was decided.

use serde::Serialize;

/// The levels of the goal hierarchy (Wirkungsziel → Ergebnisziel → Handlungsziel).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalLevel {
    Impact,
    Outcome,
    Action,
}

impl GoalLevel {
    pub const ALL: [GoalLevel; 3] = [GoalLevel::Impact, GoalLevel::Outcome, GoalLevel::Action];
    pub fn as_str(self) -> &'static str {
        match self {
            GoalLevel::Impact => "impact",
            GoalLevel::Outcome => "outcome",
            GoalLevel::Action => "action",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        GoalLevel::ALL.into_iter().find(|l| l.as_str() == s)
    }
    /// A goal may sit below a goal of the level above it only.
    pub fn may_sit_below(self, parent: GoalLevel) -> bool {
        matches!((parent, self), (GoalLevel::Impact, GoalLevel::Outcome) | (GoalLevel::Outcome, GoalLevel::Action))
    }
}

/// What a goal measures itself by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub baseline_year: i32,
    pub baseline_value: f64,
    pub target_year: i32,
    pub target_value: f64,
}

/// How a goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Progress {
    /// The target year has come and the target is met.
    Reached { year: i32, value: f64 },
    /// Within the tolerance of the path (or better).
    OnTrack { year: i32, value: f64, expected: f64 },
    /// Behind the path by more than the tolerance but less than twice it.
    AtRisk { year: i32, value: f64, expected: f64 },
    /// Behind by twice the tolerance or more, or the target year has passed unmet.
    OffTrack { year: i32, value: f64, expected: f64 },
    /// No observation in or after the baseline year.
    NoData,
}

impl Progress {
    pub fn label_key(&self) -> &'static str {
        match self {
            Progress::Reached { .. } => "progress-reached",
            Progress::OnTrack { .. } => "progress-on-track",
            Progress::AtRisk { .. } => "progress-at-risk",
            Progress::OffTrack { .. } => "progress-off-track",
            Progress::NoData => "progress-no-data",
        }
    }
}

/// Tolerance as a share of the whole way from baseline to target (0.1: a tenth of it).
pub const DEFAULT_TOLERANCE: f64 = 0.1;

/// A goal as the coordinator enters it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalInput {
    pub parent_id: Option<i64>,
    pub level: GoalLevel,
    pub title: String,
    pub description: String,
    /// The catalogue indicator progress is read from; an action goal may have none.
    pub indicator_code: Option<String>,
    /// None: the whole municipality.
    pub district_id: Option<i64>,
    pub target: Option<Target>,
    /// The steering body that answers for the goal, if a body does.
    pub responsible_body_id: Option<i64>,
    /// Who else answers for it, as text (a department, the coordination).
    pub responsible: String,
    pub tolerance: f64,
}

impl GoalInput {
    /// Field errors: a title, a target after its baseline and not in the past, a target only
    /// with an indicator, a tolerance between 0 and 1, the hierarchy's order.
    pub fn validate(&self, this_year: i32, parent_level: Option<GoalLevel>) -> Result<(), Vec<crate::FieldError>> {
        let mut e = vec![];
        let title = self.title.trim();
        if title.is_empty() {
            e.push(crate::FieldError::new("title", "error-required", "a goal needs a title"));
        } else if title.chars().count() > 300 {
            e.push(crate::FieldError::new("title", "error-too-long", "at most 300 characters"));
        }
        if self.description.chars().count() > 5000 {
            e.push(crate::FieldError::new("description", "error-too-long", "at most 5000 characters"));
        }
        if let Some(t) = &self.target {
            if self.indicator_code.is_none() {
                e.push(crate::FieldError::new("indicator_code", "error-goal-indicator", "a target needs the indicator it is read from"));
            }
            if t.target_year <= t.baseline_year {
                e.push(crate::FieldError::new("target_year", "error-goal-years", "the target year comes after the baseline year"));
            } else if t.target_year < this_year {
                e.push(crate::FieldError::new("target_year", "error-goal-past", "the target year lies in the past"));
            }
            if !t.baseline_value.is_finite() || !t.target_value.is_finite() {
                e.push(crate::FieldError::new("target_value", "error-number", "values must be numbers"));
            }
        }
        if !(0.0..=1.0).contains(&self.tolerance) {
            e.push(crate::FieldError::new("tolerance", "error-goal-tolerance", "a share between 0 and 1"));
        }
        match (self.parent_id, parent_level) {
            (Some(_), Some(p)) if !self.level.may_sit_below(p) => e.push(crate::FieldError::new(
                "parent_id",
                "error-goal-level",
                "outcome goals sit below impact goals, action goals below outcome goals",
            )),
            (None, _) if self.level != GoalLevel::Impact => {
                e.push(crate::FieldError::new("parent_id", "error-goal-parent", "outcome and action goals sit below a goal"))
            }
            _ => {}
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }
}

/// The value the straight path from baseline to target expects in `year` (held at the ends).
pub fn expected(t: &Target, year: i32) -> f64 {
    if t.target_year <= t.baseline_year {
        return t.target_value;
    }
    let share = ((year - t.baseline_year) as f64 / (t.target_year - t.baseline_year) as f64).clamp(0.0, 1.0);
    t.baseline_value + (t.target_value - t.baseline_value) * share
}

/// Progress from the observations `(year, value)` of the goal's indicator (any order; years
/// before the baseline are ignored; the latest year counts).
pub fn progress(t: &Target, observations: &[(i32, f64)], tolerance: f64) -> Progress {
    let Some(&(year, value)) = observations.iter().filter(|(y, v)| *y >= t.baseline_year && v.is_finite()).max_by_key(|(y, _)| *y) else {
        return Progress::NoData;
    };
    let way = t.target_value - t.baseline_value;
    // positive: better than the path, in the goal's direction
    let ahead = |expected: f64| if way >= 0.0 { value - expected } else { expected - value };
    let band = (way.abs() * tolerance.max(0.0)).max(f64::EPSILON);
    if year >= t.target_year {
        return if ahead(t.target_value) >= -f64::EPSILON * way.abs().max(1.0) {
            Progress::Reached { year, value }
        } else {
            Progress::OffTrack { year, value, expected: t.target_value }
        };
    }
    let e = expected(t, year);
    let lag = -ahead(e);
    if lag <= band {
        Progress::OnTrack { year, value, expected: e }
    } else if lag <= 2.0 * band {
        Progress::AtRisk { year, value, expected: e }
    } else {
        Progress::OffTrack { year, value, expected: e }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // child poverty S4 in a district: 30 % in 2018, to be 24 % by 2024 (down is better)
    const FALLING: Target = Target { baseline_year: 2018, baseline_value: 30.0, target_year: 2024, target_value: 24.0 };

    #[test]
    fn the_path_runs_straight_from_baseline_to_target() {
        assert_eq!(expected(&FALLING, 2018), 30.0);
        assert_eq!(expected(&FALLING, 2021), 27.0);
        assert_eq!(expected(&FALLING, 2030), 24.0);
        assert_eq!(expected(&FALLING, 2010), 30.0);
    }

    #[test]
    fn progress_follows_the_direction_of_the_goal() {
        // 2021 expects 27; the way is 6, a tenth of it 0.6
        assert!(matches!(progress(&FALLING, &[(2021, 27.5)], 0.1), Progress::OnTrack { .. }));
        assert!(matches!(progress(&FALLING, &[(2021, 26.0)], 0.1), Progress::OnTrack { .. }), "better than the path");
        assert!(matches!(progress(&FALLING, &[(2021, 28.0)], 0.1), Progress::AtRisk { .. }));
        assert!(matches!(progress(&FALLING, &[(2021, 29.0)], 0.1), Progress::OffTrack { .. }));
        let rising = Target { baseline_year: 2020, baseline_value: 50.0, target_year: 2025, target_value: 60.0 };
        assert!(matches!(progress(&rising, &[(2022, 53.5)], 0.1), Progress::OnTrack { .. }));
        assert!(matches!(progress(&rising, &[(2022, 51.0)], 0.1), Progress::OffTrack { .. }));
    }

    #[test]
    fn the_latest_year_counts_and_the_target_year_decides() {
        assert!(matches!(progress(&FALLING, &[(2019, 35.0), (2024, 23.9)], 0.1), Progress::Reached { year: 2024, .. }));
        assert!(matches!(progress(&FALLING, &[(2025, 24.5)], 0.1), Progress::OffTrack { .. }));
        assert_eq!(progress(&FALLING, &[(2016, 20.0)], 0.1), Progress::NoData, "before the baseline");
        assert_eq!(progress(&FALLING, &[], 0.1), Progress::NoData);
        assert_eq!(progress(&FALLING, &[(2020, f64::NAN)], 0.1), Progress::NoData);
    }

    #[test]
    fn bad_goals_are_named_by_field() {
        let mut g = GoalInput {
            parent_id: None,
            level: GoalLevel::Impact,
            title: "Weniger Kinderarmut".into(),
            description: String::new(),
            indicator_code: Some("mss_s4".into()),
            district_id: None,
            target: Some(FALLING),
            responsible_body_id: None,
            responsible: "Steuerungsgruppe".into(),
            tolerance: 0.1,
        };
        assert!(g.validate(2022, None).is_ok());
        let fields = |g: &GoalInput, year| g.validate(year, None).unwrap_err().into_iter().map(|e| e.field).collect::<Vec<_>>();
        assert_eq!(fields(&g, 2026), vec!["target_year"], "a target in the past");
        g.indicator_code = None;
        g.title = " ".into();
        assert_eq!(fields(&g, 2022), vec!["title", "indicator_code"]);
        let action = GoalInput { level: GoalLevel::Action, title: "x".into(), indicator_code: None, target: None, ..g.clone() };
        assert_eq!(action.validate(2022, None).unwrap_err()[0].field, "parent_id");
        let below_impact = GoalInput { parent_id: Some(1), ..action };
        assert_eq!(below_impact.validate(2022, Some(GoalLevel::Impact)).unwrap_err()[0].code, "error-goal-level");
    }

    #[test]
    fn the_hierarchy_goes_impact_outcome_action() {
        assert!(GoalLevel::Outcome.may_sit_below(GoalLevel::Impact));
        assert!(!GoalLevel::Action.may_sit_below(GoalLevel::Impact));
        assert!(!GoalLevel::Impact.may_sit_below(GoalLevel::Action));
    }
}

/// Where a measure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    Idea,
    Planned,
    Running,
    Done,
    Stopped,
}

impl MeasureStatus {
    pub const ALL: [MeasureStatus; 5] =
        [MeasureStatus::Idea, MeasureStatus::Planned, MeasureStatus::Running, MeasureStatus::Done, MeasureStatus::Stopped];
    pub fn as_str(self) -> &'static str {
        match self {
            MeasureStatus::Idea => "idea",
            MeasureStatus::Planned => "planned",
            MeasureStatus::Running => "running",
            MeasureStatus::Done => "done",
            MeasureStatus::Stopped => "stopped",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        MeasureStatus::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// What the chain does about a goal or a gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureInput {
    pub title: String,
    pub description: String,
    pub status: MeasureStatus,
    /// The goals the measure serves.
    pub goal_ids: Vec<i64>,
    pub lead_organisation_id: Option<i64>,
    /// Further organisations that take part besides the lead.
    pub organisation_ids: Vec<i64>,
    /// Offers the measure creates, extends or relies on.
    pub offer_ids: Vec<i64>,
    pub life_phases: Vec<String>,
    /// Transition codes the measure bridges.
    pub transitions: Vec<String>,
    /// Where it works; empty means the whole municipality.
    pub district_ids: Vec<i64>,
    pub starts_on: Option<time::Date>,
    pub ends_on: Option<time::Date>,
    pub budget_eur: Option<f64>,
    pub funding_source: String,
}

impl MeasureInput {
    /// Field errors: a title, dates in order, a budget that is a sum of money.
    pub fn validate(&self) -> Result<(), Vec<crate::FieldError>> {
        let mut e = vec![];
        if self.title.trim().is_empty() {
            e.push(crate::FieldError::new("measure_title", "error-required", "a measure needs a title"));
        } else if self.title.chars().count() > 300 {
            e.push(crate::FieldError::new("measure_title", "error-too-long", "at most 300 characters"));
        }
        if let (Some(s), Some(end)) = (self.starts_on, self.ends_on) {
            if end < s {
                e.push(crate::FieldError::new("ends_on", "error-measure-dates", "the end comes after the start"));
            }
        }
        if self.budget_eur.is_some_and(|b| !b.is_finite() || b < 0.0) {
            e.push(crate::FieldError::new("budget_eur", "error-not-negative", "a budget is not negative"));
        }
        if self.lead_organisation_id.is_some_and(|lead| self.organisation_ids.contains(&lead)) {
            e.push(crate::FieldError::new(
                "organisation_ids",
                "error-measure-lead-twice",
                "the lead is not also listed as a further partner",
            ));
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }
}

#[cfg(test)]
mod measure_tests {
    use super::*;

    #[test]
    fn measures_need_a_title_dates_in_order_and_a_real_budget() {
        let m = MeasureInput {
            title: "Lotsen in Kitas".into(),
            description: String::new(),
            status: MeasureStatus::Planned,
            goal_ids: vec![],
            lead_organisation_id: Some(3),
            organisation_ids: vec![4, 3],
            offer_ids: vec![],
            life_phases: vec![],
            transitions: vec![],
            district_ids: vec![],
            starts_on: Some(time::macros::date!(2027 - 01 - 01)),
            ends_on: Some(time::macros::date!(2026 - 01 - 01)),
            budget_eur: Some(-5.0),
            funding_source: String::new(),
        };
        let fields: Vec<String> = m.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["ends_on", "budget_eur", "organisation_ids"]);
        assert_eq!(MeasureStatus::parse("running"), Some(MeasureStatus::Running));
        assert_eq!(MeasureStatus::parse("x"), None);
    }
}
