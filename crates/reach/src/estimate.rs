//! The estimate when no street network is imported: the way to the nearest destination as the
//! straight line times a detour factor (walking in a German city is about 1.3 times the
//! straight line). Every figure made this way is labelled an estimate where it is shown.

use rstar::primitives::GeomWithData;
use rstar::RTree;

use crate::geometry::{haversine_m, LocalProjection};

/// Walking ways in cities run about 1.3 times the straight line (published comparisons of
/// network and straight-line distances in German cities lie between 1.2 and 1.4).
pub const DEFAULT_DETOUR: f64 = 1.3;

/// Destinations in an R-tree for nearest-point questions.
pub struct PointIndex {
    tree: RTree<GeomWithData<[f64; 2], usize>>,
    projection: LocalProjection,
    points: Vec<[f64; 2]>,
}

impl PointIndex {
    /// None when there are no points.
    pub fn new(points: Vec<[f64; 2]>) -> Option<PointIndex> {
        let first = *points.first()?;
        let projection = LocalProjection::around(first[0]);
        let items = points.iter().enumerate().map(|(i, p)| GeomWithData::new(projection.project(*p), i)).collect();
        Some(PointIndex { tree: RTree::bulk_load(items), projection, points })
    }

    /// Straight-line metres from `at` (lat, lon) to the nearest point.
    pub fn nearest_m(&self, at: [f64; 2]) -> f64 {
        let q = self.projection.project(at);
        let nearest = self.tree.nearest_neighbor(&q).expect("the index holds points");
        haversine_m(at, self.points[nearest.data])
    }
}

/// Share of `origins` whose estimated walk (straight line × `detour` at `speed_kmh`) to the
/// nearest destination takes at most `minutes`; None without origins.
pub fn share_within(index: &PointIndex, origins: &[[f64; 2]], detour: f64, speed_kmh: f64, minutes: f64) -> Option<f64> {
    if origins.is_empty() {
        return None;
    }
    let limit_m = minutes * speed_kmh * 1000.0 / 60.0 / detour;
    let within = origins.iter().filter(|o| index.nearest_m(**o) <= limit_m).count();
    Some(within as f64 / origins.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_takes_the_nearest_point_and_the_detour() {
        let index = PointIndex::new(vec![[52.50, 13.40], [52.52, 13.40]]).unwrap();
        let near = [52.5045, 13.40]; // 500 m north of the first
        assert!((index.nearest_m(near) - 500.0).abs() < 1.0);
        // 10 minutes at 4.8 km/h are 800 m on foot, 615 m straight with a detour of 1.3
        assert_eq!(share_within(&index, &[near, [52.51, 13.40]], DEFAULT_DETOUR, 4.8, 10.0), Some(0.5));
        assert_eq!(share_within(&index, &[], DEFAULT_DETOUR, 4.8, 10.0), None);
        assert!(PointIndex::new(vec![]).is_none());
    }
}
