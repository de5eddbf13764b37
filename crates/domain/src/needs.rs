//! The needs analysis (issue 14): for every district and life phase, how many children there
//! are, how deprived the district is and how many offers serve them there, a coverage score
//! whose formula is stated, and the gaps ranked by how many offers are missing to reach the
//! municipality's median coverage, each with its reasons.
//!
//! Children per life phase are estimated from the published age groups, assuming the children
//! of a group are spread evenly over its years (a phase of 3–6 years takes half of a group
//! 0–6). Figures a reader may not see stay unknown here; nothing is computed from them.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::model::{AgeGroup, OfferId};
use crate::{DistrictId, FieldError, ValidationErrors};

/// Children of an age range (months, end exclusive) from counts by age group (years).
pub fn children_in_range(groups: &[(AgeGroup, f64)], min_months: u32, max_months: u32) -> f64 {
    let (lo, hi) = (min_months as f64 / 12.0, max_months as f64 / 12.0);
    groups
        .iter()
        .filter_map(|(g, n)| {
            // open-ended groups (65 and over) hold no children of any phase
            let (a, b) = (g.min_years as f64, g.max_years? as f64);
            let overlap = (hi.min(b) - lo.max(a)).max(0.0);
            (b > a).then(|| n * overlap / (b - a))
        })
        .sum()
}

/// How need and coverage are computed; shown beside the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NeedsFormula {
    /// coverage is stated as offers per this many weighted children
    pub per_children: f64,
    /// need = children × (1 + weight × deprivation rank), rank 0 (least) … 1 (most deprived)
    pub deprivation_weight: f64,
    /// districts with fewer children in a phase are not listed as gaps of it
    pub min_children: f64,
}

impl Default for NeedsFormula {
    fn default() -> Self {
        NeedsFormula { per_children: 100.0, deprivation_weight: 1.0, min_children: 30.0 }
    }
}

impl NeedsFormula {
    /// The checks a form applies: names the field and what was expected.
    pub fn check(&self) -> Result<(), (&'static str, &'static str)> {
        if !(self.per_children.is_finite() && self.per_children >= 1.0) {
            return Err(("per_children", "a number of children of at least 1"));
        }
        if !(self.deprivation_weight.is_finite() && (0.0..=5.0).contains(&self.deprivation_weight)) {
            return Err(("deprivation_weight", "a weight from 0 to 5"));
        }
        if !(self.min_children.is_finite() && self.min_children >= 0.0) {
            return Err(("min_children", "a number of children of at least 0"));
        }
        Ok(())
    }
}

/// What is known of one district.
#[derive(Debug, Clone)]
pub struct DistrictInput {
    pub district: DistrictId,
    pub key: String,
    pub name: String,
    /// per life phase; None when the reader may not see the counts it comes from
    pub children: Vec<Option<f64>>,
    /// the chosen deprivation indicator, oriented so that higher is worse
    pub deprivation: Option<f64>,
    /// active offers located in the district: the life phases each serves (indices into the
    /// phases) and its stated places
    pub offers: Vec<LocalOffer>,
    /// per life phase, the share of the district's children within a short walk of an offer of
    /// the phase (anywhere in the municipality), where it could be estimated
    pub within_walk: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LocalOffer {
    /// None for an offer a scenario plans
    pub offer: Option<OfferId>,
    pub phases: Vec<usize>,
    pub places: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub children: Option<f64>,
    pub need: Option<f64>,
    pub offers: u32,
    /// offers per `per_children` weighted children
    pub coverage: Option<f64>,
    /// places the offers state, shared out over the phases an offer serves in proportion to
    /// the children of each (a Kita for 1–6 year olds gives its under-threes their share)
    pub places: Option<f64>,
    /// places per 100 children (unweighted), where offers state places
    pub places_per_100: Option<f64>,
    /// share of the children within a short walk of an offer of the phase
    pub within_walk: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub district: DistrictId,
    pub key: String,
    pub name: String,
    pub deprivation: Option<f64>,
    /// 0 least … 1 most deprived among the districts with a value
    pub deprivation_rank: Option<f64>,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedsMatrix {
    pub phases: Vec<String>,
    pub rows: Vec<Row>,
    /// median coverage of each phase over districts with a known need
    pub median_coverage: Vec<Option<f64>>,
    pub median_places_per_100: Vec<Option<f64>>,
    pub formula: NeedsFormula,
}

/// Why a cell is listed as a gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum GapReason {
    /// no offer of the phase in the district
    NoOffer,
    /// coverage below the municipality's median
    BelowMedian { coverage: f64, median: f64 },
    /// among the most deprived quarter of districts
    HighDeprivation { rank_percent: f64 },
    /// among the quarter of districts with the most children of the phase
    ManyChildren { children: f64 },
    /// fewer places per 100 children than the median
    FewPlaces { per_100: f64, median: f64 },
    /// fewer than half of the children live within a short walk of an offer of the phase
    FarToWalk { share_percent: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub district: DistrictId,
    pub key: String,
    pub name: String,
    pub phase: String,
    /// offers missing to reach the median coverage
    pub shortfall: f64,
    pub children: f64,
    pub need: f64,
    pub offers: u32,
    pub reasons: Vec<GapReason>,
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

/// Percentile rank of each value among the known ones: 0 for the smallest, 1 for the largest,
/// ties share the mean of their places.
fn ranks(values: &[Option<f64>]) -> Vec<Option<f64>> {
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    if known.len() < 2 {
        return values.iter().map(|v| v.map(|_| 0.5)).collect();
    }
    let last = (known.len() - 1) as f64;
    values
        .iter()
        .map(|v| {
            v.map(|x| {
                let below = known.iter().filter(|k| **k < x).count() as f64;
                let equal = known.iter().filter(|k| **k == x).count() as f64;
                (below + (equal - 1.0) / 2.0) / last
            })
        })
        .collect()
}

/// The matrix: need, coverage and places for every district and phase.
pub fn compute(phases: &[String], inputs: &[DistrictInput], formula: NeedsFormula) -> NeedsMatrix {
    let rank = ranks(&inputs.iter().map(|d| d.deprivation).collect::<Vec<_>>());
    let rows: Vec<Row> = inputs
        .iter()
        .zip(&rank)
        .map(|(d, r)| {
            let cells = (0..phases.len())
                .map(|p| {
                    let children = d.children.get(p).copied().flatten();
                    let serving: Vec<&LocalOffer> = d.offers.iter().filter(|o| o.phases.contains(&p)).collect();
                    let offers = serving.len() as u32;
                    // without a deprivation value the district counts as average
                    let factor = 1.0 + formula.deprivation_weight * r.unwrap_or(0.5);
                    let need = children.map(|c| c * factor);
                    let coverage = need.filter(|n| *n > 0.0).map(|n| offers as f64 * formula.per_children / n);
                    let share = |o: &LocalOffer| -> Option<f64> {
                        let all: Option<f64> = o.phases.iter().map(|q| d.children.get(*q).copied().flatten()).sum();
                        let mine = children?;
                        let all = all.filter(|a| *a > 0.0)?;
                        Some(o.places? as f64 * mine / all)
                    };
                    let stated: Vec<f64> = serving.iter().filter_map(|o| share(o)).collect();
                    let places = (!stated.is_empty()).then(|| stated.iter().sum::<f64>());
                    let places_per_100 = match (places, children) {
                        (Some(pl), Some(c)) if c > 0.0 => Some(pl * 100.0 / c),
                        _ => None,
                    };
                    Cell { children, need, offers, coverage, places, places_per_100, within_walk: d.within_walk.get(p).copied().flatten() }
                })
                .collect();
            Row { district: d.district, key: d.key.clone(), name: d.name.clone(), deprivation: d.deprivation, deprivation_rank: *r, cells }
        })
        .collect();
    let median_coverage = (0..phases.len()).map(|p| median(rows.iter().filter_map(|r| r.cells[p].coverage).collect())).collect();
    let median_places_per_100 =
        (0..phases.len()).map(|p| median(rows.iter().filter_map(|r| r.cells[p].places_per_100).collect())).collect();
    NeedsMatrix { phases: phases.to_vec(), rows, median_coverage, median_places_per_100, formula }
}

impl NeedsMatrix {
    /// The gaps: cells with enough children whose offers fall at least one short of the median
    /// coverage, the largest shortfall first (then the larger need).
    pub fn gaps(&self) -> Vec<Gap> {
        let mut out = vec![];
        for (p, phase) in self.phases.iter().enumerate() {
            let Some(median) = self.median_coverage[p] else { continue };
            let many = {
                let mut c: Vec<f64> = self.rows.iter().filter_map(|r| r.cells[p].children).collect();
                c.sort_by(f64::total_cmp);
                c.get(c.len() * 3 / 4).copied()
            };
            for row in &self.rows {
                let cell = &row.cells[p];
                let (Some(children), Some(need)) = (cell.children, cell.need) else { continue };
                if children < self.formula.min_children {
                    continue;
                }
                let shortfall = median * need / self.formula.per_children - cell.offers as f64;
                if shortfall < 1.0 {
                    continue;
                }
                let mut reasons = vec![];
                if cell.offers == 0 {
                    reasons.push(GapReason::NoOffer);
                } else if let Some(coverage) = cell.coverage {
                    reasons.push(GapReason::BelowMedian { coverage, median });
                }
                if let Some(rank) = row.deprivation_rank.filter(|r| *r >= 0.75) {
                    reasons.push(GapReason::HighDeprivation { rank_percent: rank * 100.0 });
                }
                if many.is_some_and(|m| children >= m) {
                    reasons.push(GapReason::ManyChildren { children });
                }
                if let Some(share) = cell.within_walk.filter(|s| *s < 0.5) {
                    reasons.push(GapReason::FarToWalk { share_percent: share * 100.0 });
                }
                if let (Some(per_100), Some(median)) = (cell.places_per_100, self.median_places_per_100[p]) {
                    if per_100 < median {
                        reasons.push(GapReason::FewPlaces { per_100, median });
                    }
                }
                out.push(Gap {
                    district: row.district,
                    key: row.key.clone(),
                    name: row.name.clone(),
                    phase: phase.clone(),
                    shortfall,
                    children,
                    need,
                    offers: cell.offers,
                    reasons,
                });
            }
        }
        out.sort_by(|a, b| b.shortfall.total_cmp(&a.shortfall).then(b.need.total_cmp(&a.need)).then(a.key.cmp(&b.key)));
        out
    }
}

/// Where the steering stands with a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapState {
    Open,
    /// a measure or proposal takes it on
    Addressed,
    /// decided not to act, with a reason (e.g. the neighbouring district's offers serve it)
    NoAction,
}

impl GapState {
    pub const ALL: [GapState; 3] = [GapState::Open, GapState::Addressed, GapState::NoAction];
    pub fn as_str(self) -> &'static str {
        match self {
            GapState::Open => "open",
            GapState::Addressed => "addressed",
            GapState::NoAction => "no_action",
        }
    }
    pub fn parse(s: &str) -> Option<GapState> {
        GapState::ALL.into_iter().find(|g| g.as_str() == s)
    }
    pub fn label_key(self) -> String {
        format!("needs-gap-state-{}", self.as_str().replace('_', "-"))
    }
}

/// What a planner decides about a gap, with the comment that goes with it.
#[derive(Debug, Clone, PartialEq)]
pub struct GapFollowUpInput {
    pub state: GapState,
    pub measure_id: Option<i64>,
    pub proposal_id: Option<i64>,
    pub comment: String,
}

impl GapFollowUpInput {
    /// "Addressed" names what addresses it; "no action" gives its reason.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = vec![];
        if self.state == GapState::Addressed && self.measure_id.is_none() && self.proposal_id.is_none() {
            e.push(FieldError::new("measure_id", "needs-gap-error-addressed", "name the measure or proposal that addresses the gap"));
        }
        if self.state == GapState::NoAction && self.comment.trim().is_empty() {
            e.push(FieldError::new("comment", "needs-gap-error-reason", "say why nothing is done"));
        }
        if self.comment.chars().count() > 4000 {
            e.push(FieldError::new("comment", "error-too-long", "at most 4,000 characters"));
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(e))
        }
    }
}

/// A change a scenario makes to the chain before anyone decides on it: a planned offer at a
/// place, or an existing offer that closes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScenarioChange {
    Add(PlannedOffer),
    Close { offer: OfferId },
}

/// An offer a scenario plans: where (a district, and a point when known), for which life
/// phases and with how many places.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedOffer {
    pub label: String,
    pub district: DistrictId,
    /// (lat, lon); without it the offer stands at the district's centre for walking estimates
    pub at: Option<[f64; 2]>,
    /// life phase codes
    pub phases: Vec<String>,
    pub places: Option<u64>,
}

impl PlannedOffer {
    /// Checks what a form can get wrong, every error with its field.
    pub fn validate(&self, known_phases: &[String]) -> Result<(), ValidationErrors> {
        let mut e = vec![];
        let label = self.label.trim();
        if label.is_empty() {
            e.push(FieldError::new("label", "error-required", "a planned offer needs a name"));
        } else if label.chars().count() > 200 {
            e.push(FieldError::new("label", "error-too-long", "at most 200 characters"));
        }
        if self.phases.is_empty() {
            e.push(FieldError::new("phases", "error-required", "at least one life phase"));
        } else if let Some(p) = self.phases.iter().find(|p| !known_phases.contains(p)) {
            e.push(FieldError::new("phases", "error-unknown", format!("no life phase '{p}'")));
        }
        if let Some([lat, lon]) = self.at {
            if !(lat.is_finite() && lon.is_finite() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)) {
                e.push(FieldError::new("at", "error-coordinates", "latitude −90…90 and longitude −180…180"));
            }
        }
        if self.places.is_some_and(|p| p > 100_000) {
            e.push(FieldError::new("places", "scenario-error-places", "at most 100,000 places"));
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(e))
        }
    }
}

/// The inputs with a scenario applied: the closed offers taken out of every district, the
/// planned ones (district, offer) put in. Walking shares are the caller's to recompute.
pub fn apply_scenario(inputs: &[DistrictInput], closed: &HashSet<OfferId>, planned: &[(DistrictId, LocalOffer)]) -> Vec<DistrictInput> {
    inputs
        .iter()
        .map(|d| {
            let mut d = d.clone();
            d.offers.retain(|o| o.offer.is_none_or(|id| !closed.contains(&id)));
            d.offers.extend(planned.iter().filter(|(at, _)| *at == d.district).map(|(_, o)| o.clone()));
            d
        })
        .collect()
}

/// One life phase over the whole municipality: what a scenario is judged by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseSummary {
    pub offers: u32,
    /// places stated by the offers (shared out over their phases), where any are stated
    pub places: Option<f64>,
    /// children of the districts the reader may see
    pub children: f64,
    pub gaps: usize,
    /// offers missing to bring every gap up to the median
    pub missing: f64,
    /// share of the children within a short walk of an offer of the phase, weighted by the
    /// children of each district
    pub within_walk: Option<f64>,
}

impl NeedsMatrix {
    pub fn summary(&self, gaps: &[Gap]) -> Vec<PhaseSummary> {
        (0..self.phases.len())
            .map(|p| {
                let cells = self.rows.iter().map(|r| &r.cells[p]);
                let stated: Vec<f64> = cells.clone().filter_map(|c| c.places).collect();
                let (mut walk_children, mut walk_sum) = (0.0, 0.0);
                for c in cells.clone() {
                    if let (Some(k), Some(w)) = (c.children, c.within_walk) {
                        walk_children += k;
                        walk_sum += k * w;
                    }
                }
                let of_phase = gaps.iter().filter(|g| g.phase == self.phases[p]);
                PhaseSummary {
                    offers: cells.clone().map(|c| c.offers).sum(),
                    places: (!stated.is_empty()).then(|| stated.iter().sum()),
                    children: cells.filter_map(|c| c.children).sum(),
                    gaps: of_phase.clone().count(),
                    missing: of_phase.map(|g| g.shortfall).sum(),
                    within_walk: (walk_children > 0.0).then(|| walk_sum / walk_children),
                }
            })
            .collect()
    }
}

impl NeedsMatrix {
    /// The matrix measured against `today`'s medians: a scenario is judged by today's standard,
    /// or closing offers would lower the median and seem to close gaps.
    pub fn against_standard_of(mut self, today: &NeedsMatrix) -> NeedsMatrix {
        self.median_coverage = today.median_coverage.clone();
        self.median_places_per_100 = today.median_places_per_100.clone();
        self
    }
}

/// A cell a scenario changes: its offers, places or walking share differ, or it stops or
/// starts being a gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellChange {
    pub district: DistrictId,
    pub key: String,
    pub name: String,
    pub phase: usize,
    pub before: Cell,
    pub after: Cell,
    /// offers missing to the median, when the cell is a gap
    pub gap_before: Option<f64>,
    pub gap_after: Option<f64>,
}

/// The cells that differ between two matrices of the same districts and phases, in the
/// matrix's order. A median that moves shifts every shortfall a little; that alone is no change.
pub fn changed_cells(before: &NeedsMatrix, before_gaps: &[Gap], after: &NeedsMatrix, after_gaps: &[Gap]) -> Vec<CellChange> {
    let gap = |gaps: &[Gap], d: DistrictId, phase: &str| gaps.iter().find(|g| g.district == d && g.phase == phase).map(|g| g.shortfall);
    let mut out = vec![];
    for (rb, ra) in before.rows.iter().zip(&after.rows) {
        for (p, (cb, ca)) in rb.cells.iter().zip(&ra.cells).enumerate() {
            let phase = &before.phases[p];
            let (gb, ga) = (gap(before_gaps, rb.district, phase), gap(after_gaps, ra.district, phase));
            let walk_moved = match (cb.within_walk, ca.within_walk) {
                (Some(x), Some(y)) => (x - y).abs() >= 0.005,
                (x, y) => x.is_some() != y.is_some(),
            };
            if cb.offers != ca.offers || cb.places != ca.places || walk_moved || gb.is_some() != ga.is_some() {
                out.push(CellChange {
                    district: rb.district,
                    key: rb.key.clone(),
                    name: rb.name.clone(),
                    phase: p,
                    before: cb.clone(),
                    after: ca.clone(),
                    gap_before: gb,
                    gap_after: ga,
                });
            }
        }
    }
    out
}

/// What the needs analysis suggests for a proposal's need criterion (0–5, the proposals'
/// scale), and why: a suggestion the scorer sees beside the criterion, never a score by itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedScore {
    pub score: u8,
    pub because: Vec<NeedScoreReason>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum NeedScoreReason {
    /// no offer of the phase in the district although children live there
    NoOffer,
    /// coverage as a share of the municipality's median (0.4 = 40 %)
    CoverageOfMedian { share: f64 },
    /// among the most deprived quarter of districts
    DeprivedQuarter,
    /// fewer than half of the children within a ten-minute walk of an offer of the phase
    FarToWalk { share: f64 },
}

impl NeedsMatrix {
    /// The suggested need score of a district and phase. The base is the coverage against the
    /// median: no offer 5, under half of it 4, under three quarters 3, under the median 2, under
    /// one and a half times it 1, else 0; one point more (at most 5) each for a district among
    /// the most deprived quarter and for fewer than half of the children within a ten-minute
    /// walk. None where the children are withheld or too few to judge, or no median exists.
    pub fn suggested_need_score(&self, district: DistrictId, phase: &str) -> Option<NeedScore> {
        let p = self.phases.iter().position(|c| c == phase)?;
        let row = self.rows.iter().find(|r| r.district == district)?;
        let cell = row.cells.get(p)?;
        let children = cell.children?;
        if children < self.formula.min_children.max(1.0) {
            return None;
        }
        let median = self.median_coverage.get(p).copied().flatten().filter(|m| *m > 0.0)?;
        let mut because = vec![];
        let mut score: u8 = if cell.offers == 0 {
            because.push(NeedScoreReason::NoOffer);
            5
        } else {
            let share = cell.coverage? / median;
            because.push(NeedScoreReason::CoverageOfMedian { share });
            match share {
                s if s < 0.5 => 4,
                s if s < 0.75 => 3,
                s if s < 1.0 => 2,
                s if s < 1.5 => 1,
                _ => 0,
            }
        };
        if row.deprivation_rank.is_some_and(|r| r >= 0.75) {
            because.push(NeedScoreReason::DeprivedQuarter);
            score += 1;
        }
        if let Some(share) = cell.within_walk.filter(|w| *w < 0.5) {
            because.push(NeedScoreReason::FarToWalk { share });
            score += 1;
        }
        Some(NeedScore { score: score.min(crate::proposals::MAX_SCORE), because })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(min: u32, max: Option<u32>) -> AgeGroup {
        AgeGroup { min_years: min, max_years: max }
    }

    #[test]
    fn children_of_a_phase_are_taken_evenly_from_the_published_age_groups() {
        let groups = [(group(0, Some(6)), 600.0), (group(6, Some(15)), 900.0), (group(15, Some(18)), 300.0), (group(65, None), 5000.0)];
        assert_eq!(children_in_range(&groups, 36, 72), 300.0, "3–6 is half of 0–6");
        assert_eq!(children_in_range(&groups, 72, 120), 400.0, "6–10 is four ninths of 6–15");
        // 10–16: five ninths of 6–15 and a third of 15–18
        assert!((children_in_range(&groups, 120, 192) - 600.0).abs() < 1e-9);
        assert_eq!(children_in_range(&groups, 0, 12), 100.0);
    }

    fn district(id: i64, children: f64, deprivation: Option<f64>, offers: u32, places: Option<u64>) -> DistrictInput {
        DistrictInput {
            district: id,
            key: format!("{id:02}"),
            name: format!("Bezirk {id}"),
            children: vec![Some(children)],
            deprivation,
            offers: (0..offers)
                .map(|i| LocalOffer { offer: Some(id * 100 + i as i64), phases: vec![0], places: places.filter(|_| i == 0) })
                .collect(),
            within_walk: vec![Some(if offers == 0 { 0.2 } else { 0.9 })],
        }
    }

    #[test]
    fn places_of_an_offer_for_two_phases_are_shared_by_their_children() {
        let phases = vec!["early".to_string(), "kita".to_string()];
        let d = DistrictInput {
            district: 1,
            key: "01".into(),
            name: "Mitte".into(),
            children: vec![Some(300.0), Some(300.0)],
            deprivation: None,
            offers: vec![
                LocalOffer { offer: Some(1), phases: vec![0, 1], places: Some(240) },
                LocalOffer { offer: Some(2), phases: vec![1], places: Some(60) },
                LocalOffer { offer: Some(3), phases: vec![1], places: None },
            ],
            within_walk: vec![None, None],
        };
        let m = compute(&phases, &[d], NeedsFormula::default());
        assert_eq!(m.rows[0].cells[0].places, Some(120.0));
        assert_eq!(m.rows[0].cells[1].places, Some(180.0));
        assert_eq!(m.rows[0].cells[1].places_per_100, Some(60.0));
        assert_eq!(m.rows[0].cells[1].offers, 3);
    }

    #[test]
    fn coverage_weights_children_by_deprivation_and_gaps_are_ranked_by_the_offers_missing() {
        let phases = vec!["kita".to_string()];
        let inputs = vec![
            district(1, 1000.0, Some(1.0), 10, Some(800)),
            district(2, 1000.0, Some(2.0), 10, Some(700)),
            district(3, 1000.0, Some(3.0), 10, Some(600)),
            district(4, 2000.0, Some(4.0), 0, None),
            district(5, 10.0, Some(5.0), 0, None),
        ];
        let m = compute(&phases, &inputs, NeedsFormula::default());
        // ranks 0, .25, .5, .75, 1; need = children × (1 + rank)
        assert_eq!(m.rows[0].cells[0].need, Some(1000.0));
        assert_eq!(m.rows[2].cells[0].need, Some(1500.0));
        assert_eq!(m.rows[3].cells[0].need, Some(3500.0));
        assert_eq!(m.rows[0].cells[0].coverage, Some(1.0));
        assert_eq!(m.rows[0].cells[0].places_per_100, Some(80.0));
        // coverages 1.0, 0.8, 0.667, 0, 0 → median 0.667
        let median = m.median_coverage[0].unwrap();
        assert!((median - 2.0 / 3.0).abs() < 1e-12);
        let gaps = m.gaps();
        assert_eq!(gaps.len(), 1, "district 5 has too few children, 1–3 reach the median: {gaps:?}");
        let g = &gaps[0];
        assert_eq!(g.district, 4);
        assert!((g.shortfall - median * 35.0).abs() < 1e-9);
        assert_eq!(g.reasons[0], GapReason::NoOffer);
        assert!(g.reasons.contains(&GapReason::HighDeprivation { rank_percent: 75.0 }));
        assert!(g.reasons.contains(&GapReason::ManyChildren { children: 2000.0 }));
        assert!(g.reasons.contains(&GapReason::FarToWalk { share_percent: 20.0 }));
    }

    #[test]
    fn the_suggested_need_score_follows_coverage_deprivation_and_walks() {
        // a median coverage of 1.0; each row's coverage, offers, deprivation rank and walk share
        let row = |id: i64, children: Option<f64>, coverage: f64, offers: u32, rank: Option<f64>, walk: Option<f64>| Row {
            district: id,
            key: id.to_string(),
            name: format!("Bezirk {id}"),
            deprivation: None,
            deprivation_rank: rank,
            cells: vec![Cell {
                children,
                need: children,
                offers,
                coverage: children.map(|_| coverage),
                places: None,
                places_per_100: None,
                within_walk: walk,
            }],
        };
        let m = NeedsMatrix {
            phases: vec!["kita".into()],
            rows: vec![
                row(1, Some(500.0), 2.0, 10, Some(0.1), Some(0.9)),
                row(2, Some(500.0), 1.2, 6, Some(0.1), Some(0.9)),
                row(3, Some(500.0), 0.9, 4, None, Some(0.9)),
                row(4, Some(500.0), 0.6, 3, Some(0.5), None),
                row(5, Some(500.0), 0.3, 1, Some(0.8), Some(0.7)),
                row(6, Some(500.0), 0.3, 1, Some(0.8), Some(0.4)),
                row(7, Some(500.0), 0.0, 0, Some(0.9), Some(0.1)),
                row(8, None, 0.0, 0, Some(0.9), None),
                row(9, Some(5.0), 0.0, 0, None, None),
            ],
            median_coverage: vec![Some(1.0)],
            median_places_per_100: vec![None],
            formula: NeedsFormula::default(),
        };
        let score = |d: i64| m.suggested_need_score(d, "kita").map(|s| s.score);
        // twice the median 0, 1.2 times 1, 0.9 times 2, 0.6 times 3, 0.3 times 4
        assert_eq!([score(1), score(2), score(3), score(4), score(5)], [Some(0), Some(1), Some(2), Some(3), Some(5)]);
        // 0.3 times the median in the most deprived quarter (4 + 1), and far to walk too: at most 5
        let six = m.suggested_need_score(6, "kita").unwrap();
        assert_eq!(six.score, 5);
        assert_eq!(
            six.because,
            vec![
                NeedScoreReason::CoverageOfMedian { share: 0.3 },
                NeedScoreReason::DeprivedQuarter,
                NeedScoreReason::FarToWalk { share: 0.4 }
            ]
        );
        let two = m.suggested_need_score(2, "kita").unwrap();
        assert_eq!(two.because, vec![NeedScoreReason::CoverageOfMedian { share: 1.2 }]);
        // no offer: 5 with its reasons
        let seven = m.suggested_need_score(7, "kita").unwrap();
        assert_eq!((seven.score, seven.because[0].clone()), (5, NeedScoreReason::NoOffer));
        // withheld or too few children, an unknown phase or district: no suggestion
        assert_eq!((score(8), score(9)), (None, None));
        assert_eq!((m.suggested_need_score(1, "primary"), m.suggested_need_score(99, "kita")), (None, None));
        // without a median nothing is compared
        let flat = NeedsMatrix { median_coverage: vec![None], ..m.clone() };
        assert_eq!(flat.suggested_need_score(1, "kita"), None);
    }

    #[test]
    fn unknown_counts_give_no_score_and_no_gap() {
        let phases = vec!["kita".to_string()];
        let mut hidden = district(1, 0.0, None, 0, None);
        hidden.children = vec![None];
        let m = compute(&phases, &[hidden, district(2, 500.0, None, 5, None)], NeedsFormula::default());
        assert_eq!(m.rows[0].cells[0].coverage, None);
        assert_eq!(m.rows[0].cells[0].need, None);
        assert!(m.gaps().is_empty());
        // without a deprivation value the weight counts the district as average
        assert_eq!(m.rows[1].cells[0].need, Some(750.0));
        assert!(NeedsFormula { deprivation_weight: 9.0, ..Default::default() }.check().is_err());
    }
    #[test]
    fn a_scenario_closes_and_plans_offers_and_names_the_cells_it_changes() {
        let phases = vec!["kita".to_string()];
        let inputs = vec![
            district(1, 1000.0, Some(1.0), 10, Some(800)),
            district(2, 1000.0, Some(2.0), 10, Some(700)),
            district(3, 1000.0, Some(3.0), 10, Some(600)),
            district(4, 2000.0, Some(4.0), 0, None),
        ];
        let before = compute(&phases, &inputs, NeedsFormula::default());
        let before_gaps = before.gaps();
        assert_eq!(before_gaps.iter().map(|g| g.district).collect::<Vec<_>>(), [4, 3]);
        let planned: Vec<(DistrictId, LocalOffer)> =
            (0..3).map(|_| (4, LocalOffer { offer: None, phases: vec![0], places: Some(100) })).collect();
        // district 1 loses the offer with its 800 places
        let closed = HashSet::from([100]);
        let scenario = apply_scenario(&inputs, &closed, &planned);
        assert_eq!(scenario[0].offers.len(), 9);
        assert_eq!(scenario[3].offers.len(), 3);
        let after = compute(&phases, &scenario, NeedsFormula::default()).against_standard_of(&before);
        let after_gaps = after.gaps();
        let changes = changed_cells(&before, &before_gaps, &after, &after_gaps);
        assert_eq!(changes.iter().map(|c| c.district).collect::<Vec<_>>(), vec![1, 4]);
        assert_eq!((changes[0].before.offers, changes[0].after.offers), (10, 9));
        assert_eq!(changes[0].after.places, None, "the only offer stating places closed");
        assert_eq!(changes[1].after.places, Some(300.0));
        let (b, a) = (before.summary(&before_gaps), after.summary(&after_gaps));
        assert_eq!((b[0].offers, a[0].offers), (30, 32));
        assert_eq!(b[0].places, Some(2100.0));
        assert_eq!(a[0].places, Some(1600.0));
        assert_eq!(b[0].children, 5000.0);
        assert_eq!((b[0].gaps, a[0].gaps), (2, 2));
        assert!((b[0].missing - before_gaps[0].shortfall - before_gaps[1].shortfall).abs() < 1e-12);
        assert!((b[0].missing - a[0].missing - 3.0).abs() < 1e-9, "three planned offers fill three; district 1 stays above the median");
        // closing alone never looks like progress: today's median stays the standard
        let fewer = apply_scenario(&inputs, &HashSet::from([300, 301]), &[]);
        let by_today = compute(&phases, &fewer, NeedsFormula::default()).against_standard_of(&before);
        assert!(by_today.summary(&by_today.gaps())[0].missing > b[0].missing);
        let own_median = compute(&phases, &fewer, NeedsFormula::default());
        assert!(own_median.summary(&own_median.gaps())[0].missing < b[0].missing, "what a moving median would have said");
        // walking shares 0.9 for districts with offers, 0.2 for district 4, weighted by children
        assert!((b[0].within_walk.unwrap() - (3000.0 * 0.9 + 2000.0 * 0.2) / 5000.0).abs() < 1e-12);
    }

    #[test]
    fn a_planned_offer_names_every_field_it_gets_wrong() {
        let phases = vec!["kita".to_string()];
        let bad = PlannedOffer {
            label: " ".into(),
            district: 1,
            at: Some([95.0, 13.0]),
            phases: vec!["kindergarten".into()],
            places: Some(200_000),
        };
        let fields: Vec<String> = bad.validate(&phases).unwrap_err().0.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["label", "phases", "at", "places"]);
        let good = PlannedOffer { label: "Kita Nord".into(), district: 1, at: None, phases: phases.clone(), places: Some(80) };
        assert!(good.validate(&phases).is_ok());
        let json = serde_json::to_string(&ScenarioChange::Add(good.clone())).unwrap();
        assert_eq!(serde_json::from_str::<ScenarioChange>(&json).unwrap(), ScenarioChange::Add(good));
    }
    #[test]
    fn a_gap_addressed_names_what_addresses_it_and_no_action_says_why() {
        let input = |state, measure_id, comment: &str| GapFollowUpInput { state, measure_id, proposal_id: None, comment: comment.into() };
        let fields = |i: GapFollowUpInput| i.validate().err().map(|e| e.0.into_iter().map(|f| f.field).collect::<Vec<_>>());
        assert_eq!(fields(input(GapState::Addressed, None, "")), Some(vec!["measure_id".to_string()]));
        assert_eq!(fields(input(GapState::Addressed, Some(3), "")), None);
        assert_eq!(fields(input(GapState::NoAction, None, "  ")), Some(vec!["comment".to_string()]));
        assert_eq!(fields(input(GapState::NoAction, None, "Das Familienzentrum nebenan reicht.")), None);
        assert_eq!(fields(input(GapState::Open, None, "")), None);
        assert_eq!(GapState::parse("no_action"), Some(GapState::NoAction));
        assert_eq!(GapState::NoAction.label_key(), "needs-gap-state-no-action");
    }
}
