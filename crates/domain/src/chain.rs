//! The links of the chain (issue 16): "what comes next" after an offer — a step within a life
//! phase (welcome visit → parent-child group) or across a transition (Kita → primary school
//! bridging offer). The steps form a directed graph that must stay free of cycles, or "what
//! comes next" would lead a family back to where it started. Which transitions a district
//! leaves unbridged is decided here as well.

use std::collections::{HashMap, HashSet, VecDeque};

use serde::Serialize;

use crate::FieldError;

/// A link as written: from one offer to the one that comes next, at a transition if it names
/// one (a code of the municipality's transition vocabulary).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainLinkInput {
    pub from_offer_id: i64,
    pub to_offer_id: i64,
    pub transition: Option<String>,
}

/// Every reason a new link is refused, given the links that exist (`existing`: from → to).
/// A cycle is reported with the path that would close it, so the message can name the offers.
pub fn check_link(input: &ChainLinkInput, existing: &[(i64, i64)]) -> Result<(), Vec<FieldError>> {
    if input.from_offer_id == input.to_offer_id {
        return Err(vec![FieldError::new("to_offer_id", "error-chain-self", "an offer cannot come next after itself")]);
    }
    if existing.contains(&(input.from_offer_id, input.to_offer_id)) {
        return Err(vec![FieldError::new("to_offer_id", "error-chain-duplicate", "this step is linked already")]);
    }
    if let Some(path) = cycle_path(existing, input.from_offer_id, input.to_offer_id) {
        let shown: Vec<String> = path.iter().map(|id| format!("#{id}")).collect();
        return Err(vec![FieldError::new(
            "to_offer_id",
            "error-chain-cycle",
            format!("the link would close a cycle of next steps: {}", shown.join(" → ")),
        )]);
    }
    Ok(())
}

/// The cycle a new link from → to would close: the existing path from `to` back to `from`,
/// given as from, to, …, from (shortest such path). None when the link keeps the graph acyclic.
pub fn cycle_path(existing: &[(i64, i64)], from: i64, to: i64) -> Option<Vec<i64>> {
    if from == to {
        return Some(vec![from, from]);
    }
    let mut next: HashMap<i64, Vec<i64>> = HashMap::new();
    for &(a, b) in existing {
        next.entry(a).or_default().push(b);
    }
    // breadth first from `to`: the first time `from` is reached the path is a shortest one
    let mut came_from: HashMap<i64, i64> = HashMap::new();
    let mut seen: HashSet<i64> = HashSet::from([to]);
    let mut queue = VecDeque::from([to]);
    while let Some(node) = queue.pop_front() {
        for &n in next.get(&node).map(Vec::as_slice).unwrap_or_default() {
            if !seen.insert(n) {
                continue;
            }
            came_from.insert(n, node);
            if n == from {
                // walk back to `to`; the new link from → to comes first
                let mut path = vec![from];
                let mut at = from;
                while at != to {
                    at = came_from[&at];
                    path.push(at);
                }
                path.push(from);
                path.reverse();
                return Some(path);
            }
            queue.push_back(n);
        }
    }
    None
}

/// The life phases a default transition leads from and to. Transitions a municipality adds
/// have no place between two phases and are shown on their own.
pub fn transition_phases(code: &str) -> Option<(&'static str, &'static str)> {
    match code {
        "family_to_daycare" => Some(("early_childhood", "kita")),
        "kita_to_primary" => Some(("kita", "primary")),
        "primary_to_secondary" => Some(("primary", "secondary")),
        "school_to_work" => Some(("secondary", "transition_to_work")),
        _ => None,
    }
}

/// How a district's chain bridges one transition: offers there that name it, and links at it
/// with at least one end there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TransitionBridge {
    pub transition: String,
    pub offers: u64,
    pub links: u64,
}

impl TransitionBridge {
    /// Nothing carries a family across: no offer names the transition and no step links it.
    pub fn is_unbridged(&self) -> bool {
        self.offers == 0 && self.links == 0
    }
}

/// Each transition of the vocabulary (in its order) with the offers naming it and the links
/// at it; `links` gives the transition of every link in scope (None for a step within a phase).
pub fn bridges<'a>(
    transitions: impl IntoIterator<Item = &'a str>,
    offers_naming: &HashMap<String, u64>,
    links: impl IntoIterator<Item = Option<&'a str>> + Clone,
) -> Vec<TransitionBridge> {
    transitions
        .into_iter()
        .map(|t| TransitionBridge {
            transition: t.to_string(),
            offers: offers_naming.get(t).copied().unwrap_or(0),
            links: links.clone().into_iter().filter(|l| *l == Some(t)).count() as u64,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(from: i64, to: i64) -> ChainLinkInput {
        ChainLinkInput { from_offer_id: from, to_offer_id: to, transition: None }
    }

    #[test]
    fn an_offer_does_not_follow_itself() {
        let e = check_link(&link(4, 4), &[]).unwrap_err();
        assert_eq!(e[0].code, "error-chain-self");
    }

    #[test]
    fn the_same_step_is_linked_once() {
        let e = check_link(&link(1, 2), &[(1, 2)]).unwrap_err();
        assert_eq!(e[0].code, "error-chain-duplicate");
    }

    #[test]
    fn a_link_closing_a_cycle_is_refused_with_the_path() {
        // 1 → 2 → 3 exists; 3 → 1 would lead back to the start
        let existing = [(1, 2), (2, 3), (5, 6)];
        let e = check_link(&link(3, 1), &existing).unwrap_err();
        assert_eq!(e[0].code, "error-chain-cycle");
        assert!(e[0].detail.ends_with("#3 → #1 → #2 → #3"), "{}", e[0].detail);
        assert_eq!(cycle_path(&existing, 3, 1), Some(vec![3, 1, 2, 3]));
        // a short cycle of two
        assert_eq!(cycle_path(&[(7, 8)], 8, 7), Some(vec![8, 7, 8]));
    }

    #[test]
    fn branches_and_merges_are_not_cycles() {
        // two ways into the same Kita and two ways out of the welcome visit: a DAG
        let existing = [(1, 2), (1, 3), (2, 4), (3, 4)];
        assert!(check_link(&link(4, 5), &existing).is_ok());
        assert!(check_link(&link(1, 4), &existing).is_ok());
        assert_eq!(cycle_path(&existing, 2, 3), None);
        assert_eq!(cycle_path(&existing, 4, 1), Some(vec![4, 1, 2, 4]));
    }

    #[test]
    fn a_transition_is_unbridged_without_offers_and_links() {
        let offers = HashMap::from([("kita_to_primary".to_string(), 2u64)]);
        let links = [Some("family_to_daycare"), None];
        let b = bridges(["family_to_daycare", "kita_to_primary", "school_to_work"], &offers, links.iter().copied());
        assert!(!b[0].is_unbridged() && b[0].links == 1 && b[0].offers == 0);
        assert!(!b[1].is_unbridged() && b[1].offers == 2);
        assert!(b[2].is_unbridged());
    }

    #[test]
    fn default_transitions_sit_between_neighbouring_phases() {
        let terms = crate::vocab::default_terms();
        let phases: Vec<&str> = terms.iter().filter(|t| t.kind == crate::TermKind::LifePhase).map(|t| t.code.as_str()).collect();
        for t in terms.iter().filter(|t| t.kind == crate::TermKind::Transition) {
            let (a, b) = transition_phases(&t.code).expect("every default transition has its phases");
            let (i, j) = (phases.iter().position(|p| *p == a).unwrap(), phases.iter().position(|p| *p == b).unwrap());
            assert_eq!(i + 1, j, "{} leads to the next phase", t.code);
        }
    }
}
