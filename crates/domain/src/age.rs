//! The child's age is the finder's main question; it maps to life phases and age ranges.

use crate::vocab::{TermKind, Vocabulary};

/// Life phases whose age range contains `months`.
pub fn life_phases_for_age(vocab: &Vocabulary, months: u32) -> Vec<String> {
    vocab
        .of(TermKind::LifePhase)
        .filter(|t| match (t.min_age_months, t.max_age_months) {
            (Some(min), Some(max)) => months >= min && months < max,
            _ => false,
        })
        .map(|t| t.code.clone())
        .collect()
}

/// The age range an offer covers: its own if given, else the hull of its life phases.
pub fn effective_age_range(vocab: &Vocabulary, life_phases: &[String], min: Option<u32>, max: Option<u32>) -> (Option<u32>, Option<u32>) {
    let phases: Vec<_> = life_phases.iter().filter_map(|c| vocab.get(TermKind::LifePhase, c)).collect();
    let hull_min = phases.iter().filter_map(|t| t.min_age_months).min();
    let hull_max = phases.iter().filter_map(|t| t.max_age_months).max();
    (min.or(hull_min), max.or(hull_max))
}

/// Whether an offer with this effective range serves a child of `months`.
pub fn serves_age(range: (Option<u32>, Option<u32>), months: u32) -> bool {
    range.0.is_none_or(|min| months >= min) && range.1.is_none_or(|max| months < max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::default_terms;

    #[test]
    fn a_two_year_old_is_in_early_childhood() {
        let v = Vocabulary::new(default_terms());
        assert_eq!(life_phases_for_age(&v, 24), vec!["early_childhood"]);
        assert_eq!(life_phases_for_age(&v, 36), vec!["kita"]);
        assert!(life_phases_for_age(&v, 0).contains(&"pregnancy_birth".to_string()));
        assert!(life_phases_for_age(&v, 400).is_empty());
    }

    #[test]
    fn effective_range_prefers_explicit_ages() {
        let v = Vocabulary::new(default_terms());
        let phases = vec!["kita".to_string(), "primary".to_string()];
        assert_eq!(effective_age_range(&v, &phases, None, None), (Some(36), Some(120)));
        assert_eq!(effective_age_range(&v, &phases, Some(48), None), (Some(48), Some(120)));
        assert!(serves_age((Some(36), Some(120)), 119));
        assert!(!serves_age((Some(36), Some(120)), 120));
        assert!(serves_age((None, None), 5));
    }
}
