//! The chain matrix: life phases × domains with the number of offers in each cell. It shows at a
//! glance where the chain is dense and where it has gaps.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::OfferId;
use crate::vocab::{TermKind, Vocabulary};

#[derive(Debug, Clone, Serialize)]
pub struct ChainMatrix {
    pub life_phases: Vec<String>,
    pub domains: Vec<String>,
    /// counts[phase_index][domain_index]
    pub counts: Vec<Vec<u64>>,
    /// Distinct offers per life phase (an offer in two domains counts once).
    pub phase_totals: Vec<u64>,
    /// The transitions between phases, where children are lost: their own rows, same columns.
    #[serde(default)]
    pub transitions: Vec<String>,
    /// transition_counts[transition_index][domain_index]
    #[serde(default)]
    pub transition_counts: Vec<Vec<u64>>,
    #[serde(default)]
    pub transition_totals: Vec<u64>,
}

impl ChainMatrix {
    /// Builds the matrix from (offer, life phase, domain) triples; an offer counts once per cell.
    pub fn build<'a>(vocab: &Vocabulary, triples: impl IntoIterator<Item = (OfferId, &'a str, &'a str)>) -> Self {
        let life_phases: Vec<String> = vocab.of(TermKind::LifePhase).map(|t| t.code.clone()).collect();
        let domains: Vec<String> = vocab.of(TermKind::Domain).map(|t| t.code.clone()).collect();
        let mut cells: BTreeMap<(usize, usize), BTreeSet<OfferId>> = BTreeMap::new();
        let mut per_phase: BTreeMap<usize, BTreeSet<OfferId>> = BTreeMap::new();
        for (offer, phase, domain) in triples {
            let (Some(p), Some(d)) = (life_phases.iter().position(|c| c == phase), domains.iter().position(|c| c == domain)) else {
                continue;
            };
            cells.entry((p, d)).or_default().insert(offer);
            per_phase.entry(p).or_default().insert(offer);
        }
        let counts = (0..life_phases.len())
            .map(|p| (0..domains.len()).map(|d| cells.get(&(p, d)).map_or(0, |s| s.len() as u64)).collect())
            .collect();
        let phase_totals = (0..life_phases.len()).map(|p| per_phase.get(&p).map_or(0, |s| s.len() as u64)).collect();
        ChainMatrix {
            life_phases,
            domains,
            counts,
            phase_totals,
            transitions: vec![],
            transition_counts: vec![],
            transition_totals: vec![],
        }
    }

    /// Adds the transition rows from counts aggregated elsewhere: `cells` are (transition,
    /// domain, distinct offers), `totals` (transition, distinct offers).
    pub fn with_transitions<'a>(
        mut self,
        vocab: &Vocabulary,
        cells: impl IntoIterator<Item = (&'a str, &'a str, u64)>,
        totals: impl IntoIterator<Item = (&'a str, u64)>,
    ) -> Self {
        self.transitions = vocab.of(TermKind::Transition).map(|t| t.code.clone()).collect();
        self.transition_counts = vec![vec![0; self.domains.len()]; self.transitions.len()];
        for (transition, domain, n) in cells {
            if let (Some(t), Some(d)) =
                (self.transitions.iter().position(|c| c == transition), self.domains.iter().position(|c| c == domain))
            {
                self.transition_counts[t][d] = n;
            }
        }
        self.transition_totals = vec![0; self.transitions.len()];
        for (transition, n) in totals {
            if let Some(t) = self.transitions.iter().position(|c| c == transition) {
                self.transition_totals[t] = n;
            }
        }
        self
    }

    /// Builds the matrix from counts already aggregated elsewhere (e.g. by the database):
    /// `cells` are (life phase, domain, distinct offers), `phase_totals` (life phase, distinct offers).
    /// Codes not in the vocabulary are ignored.
    pub fn from_counts<'a>(
        vocab: &Vocabulary,
        cells: impl IntoIterator<Item = (&'a str, &'a str, u64)>,
        phase_totals: impl IntoIterator<Item = (&'a str, u64)>,
    ) -> Self {
        let life_phases: Vec<String> = vocab.of(TermKind::LifePhase).map(|t| t.code.clone()).collect();
        let domains: Vec<String> = vocab.of(TermKind::Domain).map(|t| t.code.clone()).collect();
        let mut counts = vec![vec![0; domains.len()]; life_phases.len()];
        for (phase, domain, n) in cells {
            if let (Some(p), Some(d)) = (life_phases.iter().position(|c| c == phase), domains.iter().position(|c| c == domain)) {
                counts[p][d] = n;
            }
        }
        let mut totals = vec![0; life_phases.len()];
        for (phase, n) in phase_totals {
            if let Some(p) = life_phases.iter().position(|c| c == phase) {
                totals[p] = n;
            }
        }
        ChainMatrix {
            life_phases,
            domains,
            counts,
            phase_totals: totals,
            transitions: vec![],
            transition_counts: vec![],
            transition_totals: vec![],
        }
    }

    pub fn max_count(&self) -> u64 {
        self.counts.iter().flatten().copied().max().unwrap_or(0)
    }

    /// Cells without any offer: the gaps of the chain.
    pub fn gaps(&self) -> Vec<(&str, &str)> {
        let mut out = vec![];
        for (p, row) in self.counts.iter().enumerate() {
            for (d, &n) in row.iter().enumerate() {
                if n == 0 {
                    out.push((self.life_phases[p].as_str(), self.domains[d].as_str()));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::default_terms;

    #[test]
    fn counts_each_offer_once_per_cell_and_phase() {
        let v = Vocabulary::new(default_terms());
        let m = ChainMatrix::build(
            &v,
            [
                (1, "kita", "education"),
                (1, "kita", "education"),
                (1, "kita", "health"),
                (2, "kita", "education"),
                (3, "nonexistent", "education"),
            ],
        );
        let kita = m.life_phases.iter().position(|c| c == "kita").unwrap();
        let edu = m.domains.iter().position(|c| c == "education").unwrap();
        assert_eq!(m.counts[kita][edu], 2);
        assert_eq!(m.phase_totals[kita], 2);
        assert_eq!(m.max_count(), 2);
        assert_eq!(m.gaps().len(), 6 * 6 - 2);
        let same = ChainMatrix::from_counts(&v, [("kita", "education", 2), ("kita", "health", 1), ("x", "health", 9)], [("kita", 2)]);
        assert_eq!(same.counts, m.counts);
        assert_eq!(same.phase_totals, m.phase_totals);
    }
}
