//! The estimate when no street network is imported: the way to the nearest destination as the
//! straight line times a detour factor (walking in a German city is about 1.3 times the
//! straight line). Every figure made this way is labelled an estimate where it is shown.

use rustc_hash::FxHashMap;

use crate::geometry::{haversine_m, LocalProjection};

/// Walking ways in cities run about 1.3 times the straight line (published comparisons of
/// network and straight-line distances in German cities lie between 1.2 and 1.4).
pub const DEFAULT_DETOUR: f64 = 1.3;

/// Destinations sorted into square cells as wide as the distance asked about, so "is one
/// within it?" looks at the origin's cell and its eight neighbours only and stops at the first
/// found — the question the estimate asks tens of thousands of times per life phase.
pub struct WithinIndex {
    projection: LocalProjection,
    cell_m: f64,
    limit_m: f64,
    cells: FxHashMap<(i64, i64), Vec<[f64; 2]>>,
}

impl WithinIndex {
    /// None when there are no destinations. Points are (lat, lon).
    pub fn new(destinations: &[[f64; 2]], limit_m: f64) -> Option<WithinIndex> {
        let first = *destinations.first()?;
        let projection = LocalProjection::around(first[0]);
        // a margin for the local projection's error over a city's extent
        let cell_m = limit_m * 1.02 + 1.0;
        let mut cells: FxHashMap<(i64, i64), Vec<[f64; 2]>> = FxHashMap::default();
        for p in destinations {
            let [x, y] = projection.project(*p);
            cells.entry(((x / cell_m).floor() as i64, (y / cell_m).floor() as i64)).or_default().push(*p);
        }
        Some(WithinIndex { projection, cell_m, limit_m, cells })
    }

    /// Whether a destination lies within the limit (great-circle metres) of `at` (lat, lon).
    pub fn any_within(&self, at: [f64; 2]) -> bool {
        let [x, y] = self.projection.project(at);
        let (cx, cy) = ((x / self.cell_m).floor() as i64, (y / self.cell_m).floor() as i64);
        (cx - 1..=cx + 1).any(|i| {
            (cy - 1..=cy + 1).any(|j| self.cells.get(&(i, j)).is_some_and(|ps| ps.iter().any(|p| haversine_m(at, *p) <= self.limit_m)))
        })
    }
}

/// The straight-line limit a walk of `minutes` at `speed_kmh` allows with the detour.
pub fn straight_limit_m(detour: f64, speed_kmh: f64, minutes: f64) -> f64 {
    minutes * speed_kmh * 1000.0 / 60.0 / detour
}

/// Share of `origins` within the index's limit of a destination; None without origins.
pub fn share_within(index: &WithinIndex, origins: &[[f64; 2]]) -> Option<f64> {
    if origins.is_empty() {
        return None;
    }
    let within = origins.iter().filter(|o| index.any_within(**o)).count();
    Some(within as f64 / origins.len() as f64)
}

/// For each group of origins (the grid of every district), the share whose estimated walk
/// (straight line × `detour` at `speed_kmh`) to one of `destinations` takes at most `minutes`;
/// groups in parallel. Without destinations every non-empty group has a share of 0.
pub fn shares_within(destinations: &[[f64; 2]], groups: &[Vec<[f64; 2]>], detour: f64, speed_kmh: f64, minutes: f64) -> Vec<Option<f64>> {
    use rayon::prelude::*;
    let index = WithinIndex::new(destinations, straight_limit_m(detour, speed_kmh, minutes));
    groups
        .par_iter()
        .map(|origins| match &index {
            Some(index) => share_within(index, origins),
            None if origins.is_empty() => None,
            None => Some(0.0),
        })
        .collect()
}

/// The weighted shares of each group within each of several walks (`minutes`, shortest first)
/// at once: a point within the shortest is within all, so each point asks the indices from
/// the shortest walk up and stops at the first it is within.
pub fn weighted_band_shares(
    destinations: &[[f64; 2]],
    groups: &[Vec<([f64; 2], f64)>],
    detour: f64,
    speed_kmh: f64,
    minutes: &[f64],
) -> Vec<Option<Vec<f64>>> {
    use rayon::prelude::*;
    let indices: Vec<WithinIndex> =
        minutes.iter().filter_map(|m| WithinIndex::new(destinations, straight_limit_m(detour, speed_kmh, *m))).collect();
    groups
        .par_iter()
        .map(|origins| {
            let total: f64 = origins.iter().map(|(_, w)| w).sum();
            if origins.is_empty() || total <= 0.0 {
                return None;
            }
            let mut within = vec![0.0; minutes.len()];
            for (at, weight) in origins {
                if let Some(first) = indices.iter().position(|i| i.any_within(*at)) {
                    for w in &mut within[first..] {
                        *w += weight;
                    }
                }
            }
            Some(within.into_iter().map(|w| w / total).collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_counts_origins_within_the_limit_with_the_detour() {
        // 10 minutes at 4.8 km/h are 800 m on foot, 615 m straight with a detour of 1.3
        let limit = straight_limit_m(DEFAULT_DETOUR, 4.8, 10.0);
        assert!((limit - 615.38).abs() < 0.01);
        let destinations = [[52.50, 13.40], [52.52, 13.40]];
        let north = |metres: f64| [52.50 + metres / 111_195.0, 13.40];
        let index = WithinIndex::new(&destinations, limit).unwrap();
        // either side of the limit, in every direction the cells are laid out
        for (at, within) in [
            (north(600.0), true),
            (north(630.0), false),
            ([52.50, 13.40 + 610.0 / 67_700.0], true),
            ([52.50, 13.40 - 630.0 / 67_700.0], false),
            (north(-614.0), true),
            (north(1_600.0), false),
        ] {
            let straight = destinations.iter().map(|d| haversine_m(at, *d)).fold(f64::INFINITY, f64::min);
            assert_eq!(index.any_within(at), within, "{at:?} at {straight:.0} m");
            assert_eq!(within, straight <= limit);
        }
        assert_eq!(share_within(&index, &[north(500.0), north(1_000.0)]), Some(0.5));
        assert_eq!(share_within(&index, &[]), None);
        assert!(WithinIndex::new(&[], limit).is_none());
        assert_eq!(
            shares_within(&destinations, &[vec![north(500.0)], vec![], vec![north(1_000.0)]], DEFAULT_DETOUR, 4.8, 10.0),
            [Some(1.0), None, Some(0.0)]
        );
        assert_eq!(shares_within(&[], &[vec![north(500.0)], vec![]], DEFAULT_DETOUR, 4.8, 10.0), [Some(0.0), None]);
        // weighted: three children near, one far; a group without weight has no share
        let groups = vec![vec![(north(500.0), 3.0), (north(1_000.0), 1.0)], vec![(north(500.0), 0.0)], vec![]];
        assert_eq!(weighted_band_shares(&destinations, &groups, DEFAULT_DETOUR, 4.8, &[10.0]), [Some(vec![0.75]), None, None]);
        // with every weight 1, each walk's share is the unweighted count's
        let minutes = [5.0, 10.0, 15.0];
        let points: Vec<Vec<[f64; 2]>> = vec![(0..40).map(|i| north(i as f64 * 40.0)).collect(), vec![north(300.0)]];
        let ones: Vec<Vec<([f64; 2], f64)>> = points.iter().map(|g| g.iter().map(|p| (*p, 1.0)).collect()).collect();
        let together = weighted_band_shares(&destinations, &ones, DEFAULT_DETOUR, 4.8, &minutes);
        for (k, m) in minutes.iter().enumerate() {
            let alone = shares_within(&destinations, &points, DEFAULT_DETOUR, 4.8, *m);
            assert_eq!(together.iter().map(|g| g.as_ref().map(|s| s[k])).collect::<Vec<_>>(), alone, "{m} minutes");
        }
        assert_eq!(weighted_band_shares(&[], &groups, DEFAULT_DETOUR, 4.8, &minutes)[0], Some(vec![0.0; 3]));
    }
}
