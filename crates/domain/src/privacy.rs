//! Statistical confidentiality for public outputs: small counts could identify a family, so
//! they are suppressed before anything leaves the system.

/// Default minimum count shown in public (counts below are suppressed).
pub const DEFAULT_MIN_COUNT: u64 = 3;

/// A count as it may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum PublicCount {
    Shown(u64),
    /// Rendered as "<min" so readers know a small, non-zero value exists.
    Suppressed {
        below: u64,
    },
}

impl PublicCount {
    /// The count when it is shown.
    pub fn shown(&self) -> Option<u64> {
        match self {
            PublicCount::Shown(n) => Some(*n),
            PublicCount::Suppressed { .. } => None,
        }
    }
}

/// Primary suppression of one count. Zero is shown: it reveals nobody.
pub fn suppress(count: u64, min: u64) -> PublicCount {
    if count == 0 || count >= min {
        PublicCount::Shown(count)
    } else {
        PublicCount::Suppressed { below: min }
    }
}

impl std::fmt::Display for PublicCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublicCount::Shown(n) => write!(f, "{n}"),
            PublicCount::Suppressed { below } => write!(f, "<{below}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_suppressed_zero_and_large_are_shown() {
        assert_eq!(suppress(0, 3), PublicCount::Shown(0));
        assert_eq!(suppress(1, 3).to_string(), "<3");
        assert_eq!(suppress(2, 3), PublicCount::Suppressed { below: 3 });
        assert_eq!(suppress(3, 3), PublicCount::Shown(3));
    }
}

/// Suppression of a table of counts with published totals: `cells[i]` belongs to group
/// `parent[i]` (None = a top cell). A group's total is the cell whose index is the parent.
/// Primary: counts between 1 and `min − 1`. Secondary: every relation "total = sum of parts"
/// must have no hidden cell or at least two, otherwise the hidden one could be recovered by
/// adding or subtracting shown cells. A relation with exactly one hidden cell gets its smallest
/// shown positive part hidden as well (or, failing that, its total), repeated until stable.
pub fn suppress_hierarchy(counts: &[u64], parent: &[Option<usize>], min: u64) -> Vec<PublicCount> {
    assert_eq!(counts.len(), parent.len(), "one parent entry per count");
    let mut hidden: Vec<bool> = counts.iter().map(|&c| c > 0 && c < min).collect();
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, p) in parent.iter().enumerate() {
        if let Some(p) = p {
            groups.entry(*p).or_default().push(i);
        }
    }
    loop {
        let mut changed = false;
        for (&total, parts) in &groups {
            let hidden_cells = parts.iter().filter(|&&i| hidden[i]).count() + hidden[total] as usize;
            if hidden_cells != 1 {
                continue;
            }
            let complement = parts.iter().copied().filter(|&i| !hidden[i] && counts[i] > 0).min_by_key(|&i| (counts[i], i));
            match complement {
                Some(i) => hidden[i] = true,
                // no part left to hide: the total goes (only possible when a part is the hidden one)
                None if !hidden[total] => hidden[total] = true,
                // the total is hidden and every part is zero: a sum of zeros reveals nothing new
                None => continue,
            }
            changed = true;
        }
        if !changed {
            break;
        }
    }
    counts.iter().zip(hidden).map(|(&c, h)| if h { PublicCount::Suppressed { below: min.max(1) } } else { PublicCount::Shown(c) }).collect()
}

/// One group of parts with their published total: the parts as shown and the total as shown.
pub fn suppress_with_total(parts: &[u64], min: u64) -> (Vec<PublicCount>, PublicCount) {
    let total: u64 = parts.iter().sum();
    let mut counts = parts.to_vec();
    counts.push(total);
    let t = counts.len() - 1;
    let mut parent: Vec<Option<usize>> = vec![Some(t); parts.len()];
    parent.push(None);
    let mut out = suppress_hierarchy(&counts, &parent, min);
    let total_shown = out.pop().unwrap_or(PublicCount::Shown(total));
    (out, total_shown)
}

#[cfg(test)]
mod secondary_tests {
    use super::*;

    fn shown(v: &[PublicCount]) -> Vec<Option<u64>> {
        v.iter().map(|c| if let PublicCount::Shown(n) = c { Some(*n) } else { None }).collect()
    }

    #[test]
    fn one_small_part_takes_the_smallest_sibling_with_it() {
        let (parts, total) = suppress_with_total(&[2, 40, 7, 0, 15], 3);
        assert_eq!(shown(&parts), vec![None, Some(40), None, Some(0), Some(15)]);
        assert_eq!(total, PublicCount::Shown(64));
    }

    #[test]
    fn two_small_parts_need_no_complement_and_large_tables_pass_unchanged() {
        let (parts, _) = suppress_with_total(&[1, 2, 50], 3);
        assert_eq!(shown(&parts), vec![None, None, Some(50)]);
        let (parts, total) = suppress_with_total(&[10, 20], 3);
        assert_eq!(shown(&parts), vec![Some(10), Some(20)]);
        assert_eq!(total, PublicCount::Shown(30));
    }

    #[test]
    fn a_lone_part_hides_its_total() {
        // one part only: the total equals it, so the total must go too
        let (parts, total) = suppress_with_total(&[2], 3);
        assert_eq!(shown(&parts), vec![None]);
        assert!(matches!(total, PublicCount::Suppressed { .. }));
    }

    #[test]
    fn suppression_propagates_through_levels() {
        // city(0) → districts 1, 2; district 1 → areas 3, 4; district 2 → areas 5, 6
        let counts = [100, 52, 48, 50, 2, 24, 24];
        let parent = [None, Some(0), Some(0), Some(1), Some(1), Some(2), Some(2)];
        let out = shown(&suppress_hierarchy(&counts, &parent, 3));
        // area 4 is small → area 3 is its complement; district totals stay shown
        assert_eq!(out, vec![Some(100), Some(52), Some(48), None, None, Some(24), Some(24)]);
        // a small district: its sibling is hidden too, and inside that sibling one area, so
        // the sibling cannot be recomputed from its shown areas
        let counts = [60, 2, 58, 1, 1, 30, 28];
        let out = shown(&suppress_hierarchy(&counts, &parent, 3));
        assert_eq!(out, vec![Some(60), None, None, None, None, Some(30), None]);
        // every relation total = sum of parts has zero or at least two hidden cells
        for t in 0..3 {
            let parts: Vec<usize> = (0..7).filter(|&i| parent[i] == Some(t)).collect();
            let hidden = parts.iter().filter(|&&i| out[i].is_none()).count() + out[t].is_none() as usize;
            assert_ne!(hidden, 1, "group {t}: {out:?}");
        }
    }
}

/// A municipality's rules for what leaves the system: the smallest count shown (default 3)
/// and, optionally, rounding of every shown count to a multiple of `round_to` (e.g. 5), as
/// some statistical offices require for small areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Confidentiality {
    pub min_count: u64,
    pub round_to: Option<u64>,
}

impl Default for Confidentiality {
    fn default() -> Self {
        Confidentiality { min_count: DEFAULT_MIN_COUNT, round_to: None }
    }
}

impl Confidentiality {
    /// A count (numerator) below the minimum: rates over it are withheld in public.
    pub fn is_small(&self, count: f64) -> bool {
        count > 0.0 && count < self.min_count as f64
    }

    /// Parts and their total as published: suppression first (primary and secondary), then
    /// the shown counts rounded half up to the base; a shown count never rounds to zero, so a
    /// zero still means none.
    pub fn publish_with_total(&self, parts: &[u64]) -> (Vec<PublicCount>, PublicCount) {
        let (parts, total) = suppress_with_total(parts, self.min_count);
        (parts.into_iter().map(|c| self.round(c)).collect(), self.round(total))
    }

    /// A count that is shown on its own (a numerator or denominator in an export), rounded like
    /// every shown count; counts carried across a boundary change (fractions) are rounded to
    /// whole persons first.
    pub fn shown_count(&self, count: f64) -> f64 {
        let whole = count.round().max(0.0) as u64;
        match self.round(PublicCount::Shown(whole)) {
            PublicCount::Shown(n) => n as f64,
            _ => whole as f64,
        }
    }

    fn round(&self, c: PublicCount) -> PublicCount {
        match (c, self.round_to) {
            (PublicCount::Shown(n), Some(base)) if base > 1 && n > 0 => PublicCount::Shown(((n + base / 2) / base * base).max(base)),
            _ => c,
        }
    }

    pub fn validate(&self) -> Result<(), String> {
        if !(1..=100).contains(&self.min_count) {
            return Err(format!("the minimum count must lie between 1 and 100, found {}", self.min_count));
        }
        if self.round_to.is_some_and(|b| !(2..=100).contains(&b)) {
            return Err(format!("rounding must be to a base between 2 and 100, found {}", self.round_to.unwrap_or(0)));
        }
        Ok(())
    }
}

#[cfg(test)]
mod confidentiality_tests {
    use super::*;

    #[test]
    fn shown_counts_are_rounded_after_suppression_and_zero_stays_zero() {
        let c = Confidentiality { min_count: 3, round_to: Some(5) };
        let (parts, total) = c.publish_with_total(&[2, 41, 7, 0, 13]);
        assert_eq!(
            parts,
            vec![
                PublicCount::Suppressed { below: 3 },
                PublicCount::Shown(40),
                PublicCount::Suppressed { below: 3 },
                PublicCount::Shown(0),
                PublicCount::Shown(15)
            ]
        );
        assert_eq!(total, PublicCount::Shown(65), "63 rounded half up");
        let small = Confidentiality { min_count: 3, round_to: Some(5) }.publish_with_total(&[3, 4]).0;
        assert_eq!(small, vec![PublicCount::Shown(5), PublicCount::Shown(5)], "a shown count never becomes 0");
        assert_eq!(Confidentiality::default().publish_with_total(&[41, 7]).0, vec![PublicCount::Shown(41), PublicCount::Shown(7)]);
    }

    #[test]
    fn a_higher_minimum_suppresses_more_and_bad_settings_are_named() {
        let c = Confidentiality { min_count: 10, round_to: None };
        assert!(c.is_small(7.0) && !c.is_small(0.0) && !c.is_small(10.0));
        assert!(Confidentiality { min_count: 0, round_to: None }.validate().unwrap_err().contains("minimum"));
        assert!(Confidentiality { min_count: 3, round_to: Some(1) }.validate().unwrap_err().contains("rounding"));
    }
}

#[cfg(test)]
mod shown_count_tests {
    use super::*;

    #[test]
    fn single_counts_round_like_table_cells() {
        let plain = Confidentiality::default();
        assert_eq!(plain.shown_count(4777.92), 4778.0, "carried fractions become whole persons");
        let five = Confidentiality { min_count: 3, round_to: Some(5) };
        assert_eq!(five.shown_count(551.0), 550.0);
        assert_eq!(five.shown_count(3.0), 5.0, "a shown count never becomes 0");
        assert_eq!(five.shown_count(0.0), 0.0);
        assert_eq!(five.shown_count(12.5), 15.0);
    }
}
