//! Boundary changes: a crosswalk says how much of each district of one boundary version lies in
//! each district of another, and carries values across the change so that a time series goes on
//! in the districts the municipality works with.
//!
//! The rules, chosen so that nothing is invented or lost silently:
//! - weights are shares of the *source* district; those of one source sum to 1, so a count keeps
//!   its total when it is distributed;
//! - counts (and numerators and denominators) are distributed by weight: Σ weight × count;
//! - a rate with numerator and denominator is recomputed from the carried counts, which is the
//!   denominator-weighted mean of the source rates;
//! - a rate without counts becomes the weight-weighted mean of the source rates — an estimate
//!   that assumes even settlement, marked as carried like every other carried value;
//! - a target district is only given a value when *every* source district that reaches it has
//!   one; otherwise it is reported as incomplete instead of receiving a sum that is too small.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::NewObservation;

/// One link of a crosswalk: the share `weight` of district `from` (source version) that lies in
/// district `to` (target version).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrosswalkLink {
    pub from: String,
    pub to: String,
    pub weight: f64,
}

/// How far the weights of one source may stray from 1 (rounding in files written with six
/// decimals, slivers dropped when computing from polygons).
pub const WEIGHT_SUM_TOLERANCE: f64 = 0.01;

/// What is wrong with a crosswalk, naming the link (its position, counted from 1) or source key.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CrosswalkProblem {
    #[error("link {link} ({from} → {to}): weight {weight} is not a share between 0 and 1")]
    BadWeight { link: usize, from: String, to: String, weight: f64 },
    #[error("link {link}: the link {from} → {to} appears twice")]
    Duplicate { link: usize, from: String, to: String },
    #[error("district {from}: its weights sum to {sum:.4}, expected 1 (each source district is distributed completely)")]
    WeightSum { from: String, sum: f64 },
    #[error("the crosswalk has no links")]
    Empty,
}

/// Checks a crosswalk: every weight a share in (0, 1], no link twice, each source distributed
/// completely. All problems are returned, not only the first.
pub fn check_links(links: &[CrosswalkLink]) -> Vec<CrosswalkProblem> {
    let mut problems = vec![];
    if links.is_empty() {
        problems.push(CrosswalkProblem::Empty);
    }
    let mut seen = BTreeSet::new();
    let mut sums: BTreeMap<&str, f64> = BTreeMap::new();
    for (i, l) in links.iter().enumerate() {
        if !(l.weight.is_finite() && l.weight > 0.0 && l.weight <= 1.0 + 1e-9) {
            problems.push(CrosswalkProblem::BadWeight { link: i + 1, from: l.from.clone(), to: l.to.clone(), weight: l.weight });
            continue;
        }
        if !seen.insert((l.from.as_str(), l.to.as_str())) {
            problems.push(CrosswalkProblem::Duplicate { link: i + 1, from: l.from.clone(), to: l.to.clone() });
        }
        *sums.entry(&l.from).or_default() += l.weight;
    }
    for (from, sum) in sums {
        if (sum - 1.0).abs() > WEIGHT_SUM_TOLERANCE {
            problems.push(CrosswalkProblem::WeightSum { from: from.to_string(), sum });
        }
    }
    problems
}

/// Whether an indicator with this unit holds counts, which are added up when districts are split
/// or merged (everything else — shares, rates, scores — is averaged).
pub fn is_count_unit(unit: &str) -> bool {
    matches!(unit.trim().to_lowercase().as_str(), "count" | "anzahl" | "personen" | "persons" | "einwohner" | "inhabitants" | "n")
}

/// A target district that got no value for an indicator and year because sources are missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotCarried {
    pub indicator_code: String,
    pub year: i32,
    pub to: String,
    /// source districts that reach `to` but have no value
    pub missing: Vec<String>,
}

/// The outcome of carrying values across a boundary change.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Carried {
    /// values in the target version, one per (indicator, target district, year)
    pub rows: Vec<NewObservation>,
    /// targets left without a value, with the reason
    pub incomplete: Vec<NotCarried>,
    /// source keys the crosswalk does not know (their values cannot go anywhere)
    pub unknown_sources: Vec<String>,
}

/// Carries observations given in the source version into the target version.
/// `is_count(code)` tells whether an indicator's values are counts (added up) rather than rates
/// or scores (averaged). `note` is appended to each carried row's source.
pub fn carry(rows: &[NewObservation], links: &[CrosswalkLink], is_count: impl Fn(&str) -> bool, note: &str) -> Carried {
    let mut out = Carried::default();
    let known: BTreeSet<&str> = links.iter().map(|l| l.from.as_str()).collect();
    let mut unknown: BTreeSet<String> = BTreeSet::new();
    // incoming links per target
    let mut into: BTreeMap<&str, Vec<&CrosswalkLink>> = BTreeMap::new();
    for l in links {
        into.entry(&l.to).or_default().push(l);
    }
    // values per (indicator, year) and source key
    let mut groups: BTreeMap<(&str, i32), HashMap<&str, &NewObservation>> = BTreeMap::new();
    for r in rows {
        if !known.contains(r.district_key.as_str()) {
            unknown.insert(r.district_key.clone());
            continue;
        }
        groups.entry((&r.indicator_code, r.year)).or_default().insert(&r.district_key, r);
    }
    for ((code, year), by_key) in groups {
        let counts = is_count(code);
        for (to, incoming) in &into {
            // only targets this group touches at all
            if !incoming.iter().any(|l| by_key.contains_key(l.from.as_str())) {
                continue;
            }
            let missing: Vec<String> =
                incoming.iter().filter(|l| by_key.get(l.from.as_str()).is_none_or(|o| o.value.is_none())).map(|l| l.from.clone()).collect();
            if !missing.is_empty() {
                out.incomplete.push(NotCarried { indicator_code: code.to_string(), year, to: to.to_string(), missing });
                continue;
            }
            let parts: Vec<(f64, &NewObservation)> = incoming.iter().map(|l| (l.weight, by_key[l.from.as_str()])).collect();
            let sources: Vec<&str> = parts.iter().map(|(_, o)| o.source.as_str()).collect::<BTreeSet<_>>().into_iter().collect();
            let with_counts = parts.iter().all(|(_, o)| o.numerator.is_some() && o.denominator.is_some());
            let (value, numerator, denominator) = if with_counts {
                let num: f64 = parts.iter().map(|(w, o)| w * o.numerator.unwrap_or(0.0)).sum();
                let den: f64 = parts.iter().map(|(w, o)| w * o.denominator.unwrap_or(0.0)).sum();
                // Σ w·den·rate / Σ w·den keeps the indicator's own scale (per cent, per mille …)
                let weighted: f64 = parts.iter().map(|(w, o)| w * o.denominator.unwrap_or(0.0) * o.value.unwrap_or(0.0)).sum();
                let value = if den > 0.0 { Some(weighted / den) } else { None };
                (value, Some(num), Some(den))
            } else if counts {
                (Some(parts.iter().map(|(w, o)| w * o.value.unwrap_or(0.0)).sum()), None, None)
            } else {
                let wsum: f64 = parts.iter().map(|(w, _)| w).sum();
                (Some(parts.iter().map(|(w, o)| w * o.value.unwrap_or(0.0)).sum::<f64>() / wsum), None, None)
            };
            out.rows.push(NewObservation {
                indicator_code: code.to_string(),
                district_key: to.to_string(),
                year,
                value,
                numerator,
                denominator,
                source: format!("{} {note}", sources.join("; ")).trim().to_string(),
            });
        }
    }
    out.unknown_sources = unknown.into_iter().collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(from: &str, to: &str, weight: f64) -> CrosswalkLink {
        CrosswalkLink { from: from.into(), to: to.into(), weight }
    }

    fn obs(code: &str, key: &str, value: f64, counts: Option<(f64, f64)>) -> NewObservation {
        NewObservation {
            indicator_code: code.into(),
            district_key: key.into(),
            year: 2021,
            value: Some(value),
            numerator: counts.map(|c| c.0),
            denominator: counts.map(|c| c.1),
            source: "Register".into(),
        }
    }

    /// A splits into X and Y; B and C merge into Y.
    fn links() -> Vec<CrosswalkLink> {
        vec![link("A", "X", 0.25), link("A", "Y", 0.75), link("B", "Y", 1.0), link("C", "Y", 1.0)]
    }

    #[test]
    fn counts_keep_their_total_and_rates_follow_their_counts() {
        let rows = vec![
            obs("kids", "A", 400.0, None),
            obs("kids", "B", 100.0, None),
            obs("kids", "C", 50.0, None),
            obs("share", "A", 10.0, Some((100.0, 1000.0))),
            obs("share", "B", 50.0, Some((50.0, 100.0))),
            obs("share", "C", 20.0, Some((20.0, 100.0))),
        ];
        let c = carry(&rows, &links(), |code| code == "kids", "(carried)");
        assert!(c.incomplete.is_empty() && c.unknown_sources.is_empty());
        let get = |code: &str, key: &str| c.rows.iter().find(|r| r.indicator_code == code && r.district_key == key).unwrap();
        assert_eq!(get("kids", "X").value, Some(100.0));
        assert_eq!(get("kids", "Y").value, Some(450.0));
        let total: f64 = c.rows.iter().filter(|r| r.indicator_code == "kids").filter_map(|r| r.value).sum();
        assert_eq!(total, 550.0);
        // Y: numerator 75 + 50 + 20 = 145 over 750 + 100 + 100 = 950 → 15.26 %
        let y = get("share", "Y");
        assert_eq!((y.numerator, y.denominator), (Some(145.0), Some(950.0)));
        assert!((y.value.unwrap() - 100.0 * 145.0 / 950.0).abs() < 1e-9);
        assert_eq!(get("share", "X").value, Some(10.0));
        assert_eq!(y.source, "Register (carried)");
    }

    #[test]
    fn count_units_are_recognised() {
        assert!(is_count_unit("Anzahl") && is_count_unit(" count "));
        assert!(!is_count_unit("%") && !is_count_unit("z") && !is_count_unit(""));
    }

    #[test]
    fn rates_without_counts_become_weighted_means() {
        let rows = vec![obs("score", "A", 1.0, None), obs("score", "B", 3.0, None), obs("score", "C", 2.0, None)];
        let c = carry(&rows, &links(), |_| false, "");
        let y = c.rows.iter().find(|r| r.district_key == "Y").unwrap();
        assert!((y.value.unwrap() - (0.75 * 1.0 + 3.0 + 2.0) / 2.75).abs() < 1e-12);
    }

    #[test]
    fn a_target_missing_a_source_is_reported_not_understated() {
        let rows = vec![obs("kids", "A", 400.0, None), obs("kids", "B", 100.0, None), obs("kids", "Z", 7.0, None)];
        let c = carry(&rows, &links(), |_| true, "");
        assert_eq!(c.rows.len(), 1, "only X is complete");
        assert_eq!(c.rows[0].district_key, "X");
        assert_eq!(c.incomplete, vec![NotCarried { indicator_code: "kids".into(), year: 2021, to: "Y".into(), missing: vec!["C".into()] }]);
        assert_eq!(c.unknown_sources, vec!["Z".to_string()]);
    }

    #[test]
    fn checks_name_every_broken_link() {
        assert!(check_links(&links()).is_empty());
        let bad = vec![link("A", "X", 0.5), link("A", "X", 0.5), link("B", "Y", 1.5), link("C", "Y", 0.6), link("D", "Y", f64::NAN)];
        let p = check_links(&bad);
        assert!(p.contains(&CrosswalkProblem::Duplicate { link: 2, from: "A".into(), to: "X".into() }), "{p:?}");
        assert!(p.iter().any(|e| matches!(e, CrosswalkProblem::BadWeight { link: 3, .. })), "{p:?}");
        assert!(p.iter().any(|e| matches!(e, CrosswalkProblem::BadWeight { link: 5, .. })), "{p:?}");
        assert!(p.contains(&CrosswalkProblem::WeightSum { from: "C".into(), sum: 0.6 }), "{p:?}");
        assert_eq!(check_links(&[]), vec![CrosswalkProblem::Empty]);
        assert_eq!(
            CrosswalkProblem::WeightSum { from: "C".into(), sum: 0.6 }.to_string(),
            "district C: its weights sum to 0.6000, expected 1 (each source district is distributed completely)"
        );
    }
}
