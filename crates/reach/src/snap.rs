//! Placing a point (a home, an offer) on the nearest street: the foot of the perpendicular on
//! the nearest segment, as an edge and an offset along it, plus the straight way there.

use rstar::primitives::{GeomWithData, Line};
use rstar::RTree;

use crate::geometry::{haversine_m, LocalProjection};
use crate::network::{Network, Position};

/// A point placed on the network.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Snapped {
    pub at: Position,
    /// straight-line metres from the point to the street, walked in addition
    pub access_m: f64,
}

type Segment = GeomWithData<Line<[f64; 2]>, u32>;

/// The network's segments in an R-tree; segment data is the index of its first shape point.
pub struct SnapIndex {
    tree: RTree<Segment>,
    projection: LocalProjection,
    edge_of_point: Vec<u32>,
}

impl SnapIndex {
    pub fn new(net: &Network) -> SnapIndex {
        let b = net.bounds();
        let projection = LocalProjection::around((b[0] + b[2]) / 2.0);
        let mut edge_of_point = vec![0u32; net.points.len()];
        let mut segments = Vec::with_capacity(net.points.len());
        for (e, edge) in net.edges.iter().enumerate() {
            for i in edge.first_point..edge.end_point {
                edge_of_point[i as usize] = e as u32;
                if i + 1 < edge.end_point {
                    let a = projection.project(net.points[i as usize]);
                    let b = projection.project(net.points[i as usize + 1]);
                    segments.push(GeomWithData::new(Line::new(a, b), i));
                }
            }
        }
        SnapIndex { tree: RTree::bulk_load(segments), projection, edge_of_point }
    }

    /// The nearest place on the network, or None when the nearest street is farther than
    /// `max_access_m` (a point in the sea, a point of another city).
    pub fn snap(&self, net: &Network, point: [f64; 2], max_access_m: f64) -> Option<Snapped> {
        let q = self.projection.project(point);
        let seg = self.tree.nearest_neighbor(&q)?;
        let line = seg.geom();
        let foot = line.nearest_point(&q);
        let (dx, dy) = (line.to[0] - line.from[0], line.to[1] - line.from[1]);
        let len2 = dx * dx + dy * dy;
        let t = if len2 > 0.0 { (((foot[0] - line.from[0]) * dx + (foot[1] - line.from[1]) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
        let i = seg.data as usize;
        let (a, b) = (net.points[i], net.points[i + 1]);
        let on_street = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        let access_m = haversine_m(point, on_street);
        if access_m > max_access_m {
            return None;
        }
        let edge = self.edge_of_point[i];
        let offset_m = net.along_m[i] + t * (net.along_m[i + 1] - net.along_m[i]);
        Some(Snapped { at: Position { edge, offset_m }, access_m })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::network::RawWay;
    use crate::profile::Access;

    #[test]
    fn a_point_beside_a_street_lands_on_the_foot_of_its_perpendicular() {
        let c: HashMap<i64, [f64; 2]> = HashMap::from([(1, [49.0, 8.0]), (2, [49.0, 8.01]), (3, [49.0, 8.02])]);
        let net = Network::build(&[RawWay { refs: vec![1, 2, 3], access: Access::Both }], |id| c.get(&id).copied()).unwrap();
        let index = SnapIndex::new(&net);
        // 50 m north of the point 3/4 along the street
        let p = [49.0 + 50.0 / 111_195.0, 8.015];
        let s = index.snap(&net, p, 500.0).unwrap();
        assert!((s.access_m - 50.0).abs() < 0.1, "{}", s.access_m);
        let whole = net.edges[0].length_m;
        assert!((s.at.offset_m - 0.75 * whole).abs() < 0.5, "{} of {whole}", s.at.offset_m);
        assert!(index.snap(&net, [48.9, 8.015], 500.0).is_none(), "11 km away is not on this network");
    }
}
