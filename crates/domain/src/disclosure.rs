//! What a reader may see — the one rule. Every output (pages, maps, GeoJSON, CSV, GeoPackage,
//! API, HSDS, recipe runs, profiles, level means, comparisons, and whatever comes later) asks a
//! `Disclosure` built for its reader; nothing decides this on its own.
//!
//! The rule, in words:
//! - **Statistics.** Admins, coordinators and planners see raw values. Everyone else (signed
//!   out, viewers, navigators, partner editors) gets, per observation: withheld when its
//!   numerator or denominator is a small count (1 to the municipality's minimum − 1), or when the
//!   indicator counts persons and the value is such a small count; shown counts (numerators,
//!   denominators, values of counting indicators) are rounded as the municipality asks. Within
//!   one indicator and year, counts of a district and of its parts form relations "total = sum
//!   of parts"; a relation with exactly one withheld cell gets a second one withheld (secondary
//!   suppression), so no withheld count is recovered by subtraction.
//! - **Computed values** (recipe runs, level means, comparisons) are computed for such readers
//!   only from what they may see: a withheld input counts as missing. A result is therefore a
//!   function of shown values and cannot give a withheld one back by differencing.
//! - **Places.** A protected place (shelter) is not listed at all for readers who may not see
//!   it: families, viewers, planners, and partner editors of other organisations. Navigators,
//!   coordinators and admins see it with its address; a partner editor sees its own
//!   organisation's. A place a partner proposed and the coordinator has not approved yet is seen
//!   only by coordination and that partner.
//! - **Internal notes** on offers: navigators, coordination, and the offer's own partner.
//! - **Offers not public** (waiting for approval, paused, lapsed): coordination sees all, a
//!   partner editor its own organisation's; everyone else only public offers.
//!
//! Values that a reader may not see are handed around `Sealed`: only a `Disclosure` (or an
//! explicit `Entitled`, which only raw-statistics readers and the operator's command line get)
//! opens them.

use std::collections::{BTreeMap, HashMap};

use crate::access::{Actor, Role};
use crate::model::{AgeGroup, DistrictId, IndicatorId, Observation, OrganisationId};
use crate::privacy::{Confidentiality, PublicCount};

/// The district tree as the rule needs it: each district's parent and its number of parts.
#[derive(Debug, Clone, Default)]
pub struct Hierarchy {
    pub parent: HashMap<DistrictId, DistrictId>,
    pub children: HashMap<DistrictId, usize>,
}

impl Hierarchy {
    pub fn new(districts: impl IntoIterator<Item = (DistrictId, Option<DistrictId>)>) -> Hierarchy {
        let mut h = Hierarchy::default();
        for (id, parent) in districts {
            if let Some(p) = parent {
                h.parent.insert(id, p);
                *h.children.entry(p).or_default() += 1;
            }
        }
        h
    }
}

/// An observation as a reader may see it (numbers removed when withheld).
#[derive(Debug, Clone)]
pub struct DisclosedObservation {
    pub observation: Observation,
    pub withheld: bool,
}

/// A population table as a reader may see it.
#[derive(Debug, Clone)]
pub struct PopulationTable {
    pub years: Vec<i32>,
    /// per age group, one count per year
    pub groups: Vec<(AgeGroup, Vec<PublicCount>)>,
    pub totals: Vec<PublicCount>,
    /// whether any cell was suppressed (the page explains the sign)
    pub suppressed: bool,
}

/// A reader's view of the data: who reads, under which municipality's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Disclosure {
    reader: Option<Actor>,
    rules: Confidentiality,
}

/// Proof that the holder may read raw values. Only `Disclosure::entitlement` (for readers who
/// see raw statistics) and `Entitled::operator` (the command line, run by whoever holds the
/// database file) make one.
#[derive(Debug, Clone, Copy)]
pub struct Entitled(());

impl Entitled {
    /// The operator's command line and the demo builder: they hold the whole database anyway.
    pub fn operator() -> Entitled {
        Entitled(())
    }
}

/// Values not every reader may see. Opened by a `Disclosure` (which applies the rule) or with
/// an `Entitled`.
#[derive(Debug, Clone)]
pub struct Sealed<T>(T);

impl<T> Sealed<T> {
    pub fn seal(value: T) -> Sealed<T> {
        Sealed(value)
    }
    pub fn open(self, _: Entitled) -> T {
        self.0
    }
    pub fn peek(&self, _: Entitled) -> &T {
        &self.0
    }
    /// Transforms the sealed value without opening it (e.g. picks part of it).
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Sealed<U> {
        Sealed(f(self.0))
    }
}

/// One statistical cell before the rule: its value and the counts it is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
}

/// A cell as a reader may see it. `withheld` cells carry no numbers at all.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShownCell {
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub withheld: bool,
}

impl ShownCell {
    fn withheld() -> ShownCell {
        ShownCell { value: None, numerator: None, denominator: None, withheld: true }
    }
}

/// Whether an indicator's values are themselves counts of persons (unit "Anzahl", "Personen",
/// …): then a small value is a small count. Rates, shares, indices and money are not.
pub fn unit_counts_persons(unit: &str) -> bool {
    let u = unit.trim().to_lowercase();
    matches!(
        u.as_str(),
        "anzahl"
            | "count"
            | "n"
            | "personen"
            | "persons"
            | "people"
            | "kinder"
            | "children"
            | "einwohner"
            | "einwohnende"
            | "fälle"
            | "faelle"
            | "cases"
            | "haushalte"
            | "households"
            | "bedarfsgemeinschaften"
    )
}

/// How much of a place a reader may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceView {
    /// Not listed at all: not in lists, maps, counts by name, exports.
    Hidden,
    /// Listed with its address and coordinates.
    Full,
}

/// Which places a reader sees: every place of the own organisation; of the others the approved
/// ones (or all, for coordination) that are not protected (or also protected ones, for
/// navigators and coordination).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceScope {
    pub all_unapproved: bool,
    pub all_protected: bool,
    pub own_organisation: Option<OrganisationId>,
}

impl PlaceScope {
    pub fn admits(&self, owner: OrganisationId, confidential: bool, approved: bool) -> bool {
        self.own_organisation == Some(owner) || ((approved || self.all_unapproved) && (!confidential || self.all_protected))
    }
}

impl Disclosure {
    pub fn new(reader: Option<Actor>, rules: Confidentiality) -> Disclosure {
        Disclosure { reader, rules }
    }

    /// A signed-out family's view.
    pub fn public(rules: Confidentiality) -> Disclosure {
        Disclosure { reader: None, rules }
    }

    pub fn reader(&self) -> Option<Actor> {
        self.reader
    }

    pub fn rules(&self) -> Confidentiality {
        self.rules
    }

    fn role(&self) -> Option<Role> {
        self.reader.map(|a| a.role)
    }

    fn is_coordination(&self) -> bool {
        matches!(self.role(), Some(Role::Admin | Role::Coordinator))
    }

    fn is_own(&self, organisation: OrganisationId) -> bool {
        self.reader.is_some_and(|a| a.role == Role::PartnerEditor && a.organisation_id == Some(organisation))
    }

    // ------------------------------------------------------------------ statistics

    /// Admins, coordinators and planners see unsuppressed statistics.
    pub fn sees_raw_statistics(&self) -> bool {
        matches!(self.role(), Some(Role::Admin | Role::Coordinator | Role::Planner))
    }

    /// The proof to open sealed values, for readers who may see them raw.
    pub fn entitlement(&self) -> Option<Entitled> {
        self.sees_raw_statistics().then_some(Entitled(()))
    }

    /// Primary rule for one cell. `counts_persons`: the indicator's values are counts.
    pub fn cell(&self, c: Cell, counts_persons: bool) -> ShownCell {
        if self.sees_raw_statistics() {
            return ShownCell { value: c.value, numerator: c.numerator, denominator: c.denominator, withheld: false };
        }
        if self.primary_withheld(c, counts_persons) {
            return ShownCell::withheld();
        }
        let round = |x: Option<f64>| x.map(|n| self.rules.shown_count(n));
        ShownCell {
            value: if counts_persons { round(c.value) } else { c.value },
            numerator: round(c.numerator),
            denominator: round(c.denominator),
            withheld: false,
        }
    }

    fn primary_withheld(&self, c: Cell, counts_persons: bool) -> bool {
        let small = |x: Option<f64>| x.is_some_and(|v| self.rules.is_small(v));
        small(c.numerator) || small(c.denominator) || (counts_persons && small(c.value))
    }

    /// The rule over one indicator and year: `cells[i]` belongs to the district whose parent
    /// cell is `parent[i]` (None: no parent among the cells). Primary suppression per cell, then
    /// secondary suppression of counts (the values of counting indicators, and numerators) over
    /// every relation parent = sum of its parts, so a withheld count is not recovered by
    /// subtraction. Parts of a parent are taken as complete only when they are the parent's
    /// complete set of parts (`complete[p]`); an incomplete set reveals nothing by subtraction.
    pub fn table(&self, cells: &[Cell], parent: &[Option<usize>], complete: &[bool], counts_persons: bool) -> Vec<ShownCell> {
        assert_eq!(cells.len(), parent.len(), "one parent entry per cell");
        let mut shown: Vec<ShownCell> = cells.iter().map(|&c| self.cell(c, counts_persons)).collect();
        if self.sees_raw_statistics() {
            return shown;
        }
        // the count each relation adds up: the value itself for counting indicators, otherwise
        // the numerator (a rate's numerators add up like counts)
        let count_of = |c: &Cell| if counts_persons { c.value } else { c.numerator };
        let mut hidden: Vec<bool> = shown.iter().map(|s| s.withheld).collect();
        if !hidden.contains(&true) {
            // nothing withheld: no relation can give anything away
            return shown;
        }
        // each cell's parts, found once (the loop below may run several rounds)
        let mut children: Vec<Vec<usize>> = vec![vec![]; cells.len()];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(i);
            }
        }
        loop {
            let mut changed = false;
            for p in 0..cells.len() {
                if !complete.get(p).copied().unwrap_or(false) {
                    continue;
                }
                let parts = &children[p];
                if parts.is_empty() || count_of(&cells[p]).is_none() {
                    continue;
                }
                let hidden_cells = parts.iter().filter(|&&i| hidden[i]).count() + hidden[p] as usize;
                if hidden_cells != 1 {
                    continue;
                }
                let complement = parts
                    .iter()
                    .copied()
                    .filter(|&i| !hidden[i] && count_of(&cells[i]).is_some_and(|v| v > 0.0))
                    .min_by(|&a, &b| count_of(&cells[a]).unwrap_or(0.0).total_cmp(&count_of(&cells[b]).unwrap_or(0.0)).then(a.cmp(&b)));
                match complement {
                    Some(i) => hidden[i] = true,
                    None if !hidden[p] => hidden[p] = true,
                    None => continue,
                }
                changed = true;
            }
            if !changed {
                break;
            }
        }
        for (s, h) in shown.iter_mut().zip(hidden) {
            if h {
                *s = ShownCell::withheld();
            }
        }
        shown
    }

    /// Counts with their published total (a population table by age group): primary and
    /// secondary suppression, then rounding; raw readers get the counts as they are.
    pub fn count_table(&self, parts: &[u64]) -> (Vec<PublicCount>, PublicCount) {
        if self.sees_raw_statistics() {
            return (parts.iter().map(|&n| PublicCount::Shown(n)).collect(), PublicCount::Shown(parts.iter().sum()));
        }
        self.rules.publish_with_total(parts)
    }

    /// Counts sealed by the store (the navigator's log by one dimension: every record in exactly
    /// one part) with their total, as this reader may see them.
    pub fn sealed_counts(&self, sealed: Sealed<Vec<u64>>) -> (Vec<PublicCount>, PublicCount) {
        self.count_table(&sealed.0)
    }

    /// Every observation of a municipality as this reader may see it: the rule per indicator
    /// and year over the district hierarchy (`table`). Withheld observations keep their place
    /// (district, year) with every number removed, so outputs can say "withheld".
    pub fn observations(
        &self,
        sealed: Sealed<Vec<Observation>>,
        counts_persons: impl Fn(IndicatorId) -> bool,
        hierarchy: &Hierarchy,
    ) -> Vec<DisclosedObservation> {
        let all = sealed.0;
        let mut groups: BTreeMap<(IndicatorId, i32), Vec<usize>> = BTreeMap::new();
        for (i, o) in all.iter().enumerate() {
            groups.entry((o.indicator_id, o.year)).or_default().push(i);
        }
        let mut shown: Vec<Option<ShownCell>> = vec![None; all.len()];
        for ((indicator, _), members) in groups {
            let position: HashMap<DistrictId, usize> = members.iter().enumerate().map(|(k, &i)| (all[i].district_id, k)).collect();
            let cells: Vec<Cell> = members
                .iter()
                .map(|&i| Cell { value: all[i].value, numerator: all[i].numerator, denominator: all[i].denominator })
                .collect();
            let parent: Vec<Option<usize>> =
                members.iter().map(|&i| hierarchy.parent.get(&all[i].district_id).and_then(|p| position.get(p).copied())).collect();
            let mut parts_present = vec![0usize; members.len()];
            for p in parent.iter().flatten() {
                parts_present[*p] += 1;
            }
            let complete: Vec<bool> = members
                .iter()
                .enumerate()
                .map(|(k, &i)| hierarchy.children.get(&all[i].district_id).is_some_and(|&n| n > 0 && n == parts_present[k]))
                .collect();
            for (k, cell) in self.table(&cells, &parent, &complete, counts_persons(indicator)).into_iter().enumerate() {
                shown[members[k]] = Some(cell);
            }
        }
        all.into_iter()
            .zip(shown)
            .map(|(mut o, cell)| {
                let cell = cell.unwrap_or_else(ShownCell::withheld);
                (o.value, o.numerator, o.denominator) = (cell.value, cell.numerator, cell.denominator);
                DisclosedObservation { observation: o, withheld: cell.withheld }
            })
            .collect()
    }

    /// A district's population table (years × age groups) as this reader may see it:
    /// suppression per year across the age groups and their total.
    pub fn population(&self, sealed: Sealed<Vec<(i32, AgeGroup, i64)>>) -> PopulationTable {
        let rows = sealed.0;
        let mut years: Vec<i32> = rows.iter().map(|(y, _, _)| *y).collect();
        years.sort_unstable();
        years.dedup();
        let mut by_group: BTreeMap<AgeGroup, Vec<i64>> = BTreeMap::new();
        for (y, g, n) in &rows {
            let i = years.iter().position(|x| x == y).unwrap_or(0);
            by_group.entry(g.clone()).or_insert_with(|| vec![0; years.len()])[i] = *n;
        }
        let columns: Vec<(Vec<PublicCount>, PublicCount)> =
            (0..years.len()).map(|i| self.count_table(&by_group.values().map(|v| v[i].max(0) as u64).collect::<Vec<_>>())).collect();
        let suppressed = columns.iter().any(|(p, t)| p.iter().chain([t]).any(|c| matches!(c, PublicCount::Suppressed { .. })));
        let totals = columns.iter().map(|(_, t)| *t).collect();
        let groups = by_group.keys().enumerate().map(|(g, group)| (group.clone(), columns.iter().map(|(p, _)| p[g]).collect())).collect();
        PopulationTable { years, groups, totals, suppressed }
    }

    /// The population of many districts (one year) as this reader may see it: each district's
    /// age groups under the same rule as its population table, so the needs analysis computes
    /// from nothing the district page would withhold.
    pub fn population_by_district(
        &self,
        sealed: Sealed<Vec<(crate::DistrictId, AgeGroup, i64)>>,
    ) -> BTreeMap<crate::DistrictId, Vec<(AgeGroup, PublicCount)>> {
        let mut by_district: BTreeMap<crate::DistrictId, Vec<(AgeGroup, u64)>> = BTreeMap::new();
        for (district, group, count) in sealed.0 {
            by_district.entry(district).or_default().push((group, count.max(0) as u64));
        }
        by_district
            .into_iter()
            .map(|(district, groups)| {
                let (parts, _) = self.count_table(&groups.iter().map(|(_, n)| *n).collect::<Vec<_>>());
                (district, groups.into_iter().map(|(g, _)| g).zip(parts).collect())
            })
            .collect()
    }

    // ------------------------------------------------------------------ places, notes, offers

    /// The one rule for places: see the module documentation.
    pub fn place(&self, owner: OrganisationId, confidential: bool, approved: bool) -> PlaceView {
        if self.place_scope().admits(owner, confidential, approved) {
            PlaceView::Full
        } else {
            PlaceView::Hidden
        }
    }

    /// The place rule as three facts, so that a query can apply it (the store's SQL twin reads
    /// these and nothing else).
    pub fn place_scope(&self) -> PlaceScope {
        PlaceScope {
            all_unapproved: self.is_coordination(),
            all_protected: self.is_coordination() || self.role() == Some(Role::Navigator),
            own_organisation: self.reader.filter(|a| a.role == Role::PartnerEditor).and_then(|a| a.organisation_id),
        }
    }

    /// Whether the protected places of this organisation are shown to the reader.
    pub fn sees_protected_places_of(&self, owner: OrganisationId) -> bool {
        self.place(owner, true, true) == PlaceView::Full
    }

    /// Whether the reader sees protected places at all (of some organisation): navigators and
    /// coordination everywhere, partner editors for their own organisation.
    pub fn sees_any_protected_place(&self) -> bool {
        matches!(self.role(), Some(Role::Admin | Role::Coordinator | Role::Navigator | Role::PartnerEditor))
    }

    /// Internal notes of an offer of this organisation.
    pub fn sees_internal_note(&self, owner: OrganisationId) -> bool {
        self.is_coordination() || self.role() == Some(Role::Navigator) || self.is_own(owner)
    }

    /// Offers of this organisation that are not public (waiting, paused, lapsed).
    pub fn sees_unpublished_offers_of(&self, owner: OrganisationId) -> bool {
        self.is_coordination() || self.is_own(owner)
    }

    /// Offers that are not public, of every organisation (coordination).
    pub fn sees_all_unpublished_offers(&self) -> bool {
        self.is_coordination()
    }

    /// The organisation whose unpublished offers the reader sees besides the public ones (a
    /// partner editor's own).
    pub fn own_organisation(&self) -> Option<OrganisationId> {
        self.place_scope().own_organisation
    }

    /// Whether the reader works with offers beyond the public ones somewhere (coordination,
    /// partners for their own), so lists may include unpublished ones to filter per offer.
    pub fn sees_some_unpublished_offers(&self) -> bool {
        self.is_coordination() || self.role() == Some(Role::PartnerEditor)
    }

    /// Professional search view: protected places and notes in search results (navigators,
    /// coordination).
    pub fn is_professional(&self) -> bool {
        self.is_coordination() || self.role() == Some(Role::Navigator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(role: Option<Role>, org: Option<i64>) -> Disclosure {
        Disclosure::new(role.map(|role| Actor { role, organisation_id: org }), Confidentiality::default())
    }

    fn cell(value: f64, num: Option<f64>, den: Option<f64>) -> Cell {
        Cell { value: Some(value), numerator: num, denominator: den }
    }

    #[test]
    fn small_numerators_denominators_and_counts_are_withheld_for_everyone_but_statistics_staff() {
        let rates = [
            cell(5.0, Some(2.0), Some(40.0)),
            cell(25.0, Some(15.0), Some(60.0)),
            cell(33.3, Some(1.0), Some(3.0)),
            cell(50.0, Some(4.0), Some(2.0)),
        ];
        for role in [None, Some(Role::Viewer), Some(Role::Navigator), Some(Role::PartnerEditor)] {
            let d = reader(role, Some(1));
            let shown: Vec<bool> = rates.iter().map(|&c| d.cell(c, false).withheld).collect();
            assert_eq!(shown, [true, false, true, true], "{role:?}");
            assert!(d.cell(cell(2.0, None, None), true).withheld, "a count of 2 persons");
            assert!(!d.cell(cell(2.0, None, None), false).withheld, "a rate of 2 % without counts");
            assert!(!d.cell(cell(0.0, None, None), true).withheld, "zero reveals nobody");
            assert!(d.entitlement().is_none());
        }
        for role in [Role::Admin, Role::Coordinator, Role::Planner] {
            let d = reader(Some(role), None);
            assert!(rates.iter().all(|&c| !d.cell(c, false).withheld));
            assert!(d.entitlement().is_some());
        }
    }

    #[test]
    fn many_districts_populations_follow_the_rule_of_one_district_table() {
        let g = |min, max| AgeGroup { min_years: min, max_years: Some(max) };
        let sealed = || Sealed::seal(vec![(1, g(0, 6), 2), (1, g(6, 15), 40), (1, g(15, 18), 30), (2, g(0, 6), 120), (2, g(6, 15), 90)]);
        let public = reader(None, None).population_by_district(sealed());
        assert_eq!(public[&1][0].1.shown(), None, "two children under six are withheld");
        assert_eq!(
            public[&1].iter().filter(|(_, c)| c.shown().is_none()).count(),
            2,
            "and a second part so the total does not reveal them"
        );
        assert_eq!(public[&2][0].1.shown(), Some(120));
        let planner = reader(Some(Role::Planner), None);
        if planner.sees_raw_statistics() {
            assert_eq!(planner.population_by_district(sealed())[&1][0].1.shown(), Some(2));
        }
    }

    #[test]
    fn shown_counts_are_rounded_and_withheld_cells_carry_nothing() {
        let d = Disclosure::public(Confidentiality { min_count: 3, round_to: Some(5) });
        let s = d.cell(cell(25.0, Some(14.0), Some(56.0)), false);
        assert_eq!((s.value, s.numerator, s.denominator), (Some(25.0), Some(15.0), Some(55.0)));
        assert_eq!(d.cell(cell(12.0, None, None), true).value, Some(10.0));
        let w = d.cell(cell(5.0, Some(2.0), Some(40.0)), false);
        assert_eq!((w.value, w.numerator, w.denominator, w.withheld), (None, None, None, true));
    }

    #[test]
    fn one_withheld_part_of_a_complete_relation_takes_a_second_with_it() {
        // borough 0 = areas 1 + 2 + 3 (counts of persons)
        let cells = [cell(60.0, None, None), cell(2.0, None, None), cell(30.0, None, None), cell(28.0, None, None)];
        let parent = [None, Some(0), Some(0), Some(0)];
        let d = reader(None, None);
        let shown: Vec<bool> = d.table(&cells, &parent, &[true, false, false, false], true).iter().map(|s| s.withheld).collect();
        assert_eq!(shown, [false, true, false, true], "the smallest sibling goes too");
        // an incomplete set of parts reveals nothing by subtraction
        let shown: Vec<bool> = d.table(&cells, &parent, &[false; 4], true).iter().map(|s| s.withheld).collect();
        assert_eq!(shown, [false, true, false, false]);
        // rates: the numerators form the relation
        let rates = [
            cell(10.0, Some(60.0), Some(600.0)),
            cell(1.0, Some(2.0), Some(200.0)),
            cell(15.0, Some(30.0), Some(200.0)),
            cell(14.0, Some(28.0), Some(200.0)),
        ];
        let shown: Vec<bool> = d.table(&rates, &parent, &[true, false, false, false], false).iter().map(|s| s.withheld).collect();
        assert_eq!(shown, [false, true, false, true]);
        assert!(reader(Some(Role::Planner), None).table(&rates, &parent, &[true; 4], false).iter().all(|s| !s.withheld));
    }

    #[test]
    fn places_notes_and_unpublished_offers_by_role_and_organisation() {
        // (reader, own org) → (protected place of org 1, unapproved place of org 1, note of org 1, unpublished offer of org 1)
        let matrix = [
            (None, None, [false, false, false, false]),
            (Some(Role::Viewer), None, [false, false, false, false]),
            (Some(Role::Planner), None, [false, false, false, false]),
            (Some(Role::Navigator), None, [true, false, true, false]),
            (Some(Role::PartnerEditor), Some(1), [true, true, true, true]),
            (Some(Role::PartnerEditor), Some(2), [false, false, false, false]),
            (Some(Role::Coordinator), None, [true, true, true, true]),
            (Some(Role::Admin), None, [true, true, true, true]),
        ];
        for (role, org, expected) in matrix {
            let d = reader(role, org);
            let got = [
                d.place(1, true, true) == PlaceView::Full,
                d.place(1, false, false) == PlaceView::Full,
                d.sees_internal_note(1),
                d.sees_unpublished_offers_of(1),
            ];
            assert_eq!(got, expected, "{role:?} of {org:?}");
            assert_eq!(d.place(1, false, true), PlaceView::Full, "an approved ordinary place is seen by all");
        }
    }

    #[test]
    fn counting_units_are_recognised() {
        assert!(unit_counts_persons("Anzahl") && unit_counts_persons(" personen ") && unit_counts_persons("Kinder"));
        assert!(!unit_counts_persons("%") && !unit_counts_persons("Index") && !unit_counts_persons("EUR"));
    }
}
