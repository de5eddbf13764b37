//! Whether a district polygon can be used: not empty, not huge, rings that close around an
//! area, no edges that cross. A bow-tie or an empty polygon would otherwise import with area 0
//! and put nothing (or everything) inside; a million-vertex outline would make every answer that
//! draws it megabytes long.

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::{Coord, Geometry, Polygon};

/// More corners than any real district outline has (Berlin's Bezirke have a few thousand).
pub const MAX_VERTICES: usize = 100_000;
/// Segment pairs compared at most; an outline that needs more is refused as too complex.
const MAX_PAIR_TESTS: usize = 40_000_000;

#[derive(Debug, Clone, PartialEq)]
pub enum GeometryProblem {
    Empty,
    TooManyVertices(usize),
    /// A ring with fewer than three distinct corners (polygon, ring, both counted from 1).
    DegenerateRing {
        polygon: usize,
        ring: usize,
    },
    /// Two edges cross (or run along each other) near this point.
    SelfIntersection {
        lon: f64,
        lat: f64,
    },
    TooComplex,
}

impl std::fmt::Display for GeometryProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GeometryProblem::Empty => write!(f, "the polygon is empty"),
            GeometryProblem::TooManyVertices(n) => {
                write!(f, "the outline has {n} corners, at most {MAX_VERTICES} are accepted; simplify it (e.g. to 1 m) first")
            }
            GeometryProblem::DegenerateRing { polygon, ring } => {
                write!(f, "ring {ring} of polygon {polygon} has fewer than three distinct corners, so it encloses no area")
            }
            GeometryProblem::SelfIntersection { lon, lat } => {
                write!(f, "the outline crosses itself near {lon:.6}, {lat:.6} (longitude, latitude); repair it (e.g. with QGIS \"Fix geometries\")")
            }
            GeometryProblem::TooComplex => write!(f, "the outline is too complex to check; simplify it first"),
        }
    }
}

/// Checks a Polygon or MultiPolygon (other geometries pass: the caller refuses them).
pub fn check(geometry: &Geometry<f64>) -> Result<(), GeometryProblem> {
    let polygons: Vec<&Polygon<f64>> = match geometry {
        Geometry::Polygon(p) => vec![p],
        Geometry::MultiPolygon(m) => m.0.iter().collect(),
        _ => return Ok(()),
    };
    let vertices: usize = polygons.iter().map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>()).sum();
    if vertices > MAX_VERTICES {
        return Err(GeometryProblem::TooManyVertices(vertices));
    }
    if polygons.is_empty() || polygons.iter().all(|p| p.exterior().0.is_empty()) {
        return Err(GeometryProblem::Empty);
    }
    let mut rings: Vec<Vec<Coord<f64>>> = vec![];
    for (pi, p) in polygons.iter().enumerate() {
        for (ri, ring) in std::iter::once(p.exterior()).chain(p.interiors()).enumerate() {
            let mut coords: Vec<Coord<f64>> = ring.0.clone();
            coords.dedup();
            // closed: first == last; three distinct corners need four coordinates
            if coords.len() < 4 || distinct_corners(&coords) < 3 || !coords.iter().all(|c| c.x.is_finite() && c.y.is_finite()) {
                return Err(GeometryProblem::DegenerateRing { polygon: pi + 1, ring: ri + 1 });
            }
            rings.push(coords);
        }
    }
    crossings(&rings)
}

fn distinct_corners(ring: &[Coord<f64>]) -> usize {
    let mut corners: Vec<(u64, u64)> = ring[..ring.len() - 1].iter().map(|c| (c.x.to_bits(), c.y.to_bits())).collect();
    corners.sort_unstable();
    corners.dedup();
    corners.len()
}

struct Segment {
    ring: usize,
    index: usize,
    a: Coord<f64>,
    b: Coord<f64>,
}

/// Finds two edges that cross or overlap, comparing only edges that share a cell of a grid laid
/// over the outline (about one edge per cell), so a real outline costs about linear time.
/// Edges that merely touch at a corner pass (holes may touch their outer ring).
fn crossings(rings: &[Vec<Coord<f64>>]) -> Result<(), GeometryProblem> {
    let segments: Vec<Segment> = rings
        .iter()
        .enumerate()
        .flat_map(|(ring, coords)| coords.windows(2).enumerate().map(move |(index, w)| Segment { ring, index, a: w[0], b: w[1] }))
        .collect();
    let ring_len: Vec<usize> = rings.iter().map(|r| r.len() - 1).collect();
    let (mut min, mut max) = (segments[0].a, segments[0].a);
    for s in &segments {
        for c in [s.a, s.b] {
            min = Coord { x: min.x.min(c.x), y: min.y.min(c.y) };
            max = Coord { x: max.x.max(c.x), y: max.y.max(c.y) };
        }
    }
    let side = ((segments.len() as f64).sqrt().ceil() as usize).clamp(1, 1024);
    let width = ((max.x - min.x) / side as f64).max(f64::MIN_POSITIVE);
    let height = ((max.y - min.y) / side as f64).max(f64::MIN_POSITIVE);
    let cell = |v: f64, lo: f64, step: f64| (((v - lo) / step) as usize).min(side - 1);
    let mut grid: Vec<Vec<u32>> = vec![vec![]; side * side];
    let mut long: Vec<usize> = vec![];
    for (i, s) in segments.iter().enumerate() {
        let (x0, x1) = (cell(s.a.x.min(s.b.x), min.x, width), cell(s.a.x.max(s.b.x), min.x, width));
        let (y0, y1) = (cell(s.a.y.min(s.b.y), min.y, height), cell(s.a.y.max(s.b.y), min.y, height));
        if (x1 - x0 + 1) * (y1 - y0 + 1) > side * 4 {
            // an edge across much of the outline is compared with every other edge instead
            long.push(i);
            continue;
        }
        for y in y0..=y1 {
            for x in x0..=x1 {
                grid[y * side + x].push(i as u32);
            }
        }
    }
    let adjacent = |s: &Segment, t: &Segment| {
        s.ring == t.ring && {
            let n = ring_len[s.ring];
            let d = s.index.abs_diff(t.index);
            d == 1 || d == n - 1
        }
    };
    let mut tests = 0usize;
    let mut test = |i: usize, j: usize| -> Result<(), GeometryProblem> {
        tests += 1;
        if tests > MAX_PAIR_TESTS {
            return Err(GeometryProblem::TooComplex);
        }
        let (s, t) = (&segments[i], &segments[j]);
        match if adjacent(s, t) { overlap_back(s, t) } else { cross(s, t) } {
            Some(at) => Err(GeometryProblem::SelfIntersection { lon: at.x, lat: at.y }),
            None => Ok(()),
        }
    };
    for (k, &i) in long.iter().enumerate() {
        // every edge, except long ones already compared with this one
        for j in (0..segments.len()).filter(|&j| j != i && !long[..k].contains(&j)) {
            test(i, j)?;
        }
    }
    for members in &grid {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                test(i as usize, j as usize)?;
            }
        }
    }
    Ok(())
}

/// Two edges that cross properly, or run along each other for a stretch.
fn cross(s: &Segment, t: &Segment) -> Option<Coord<f64>> {
    let o1 = RobustKernel::orient2d(s.a, s.b, t.a);
    let o2 = RobustKernel::orient2d(s.a, s.b, t.b);
    let o3 = RobustKernel::orient2d(t.a, t.b, s.a);
    let o4 = RobustKernel::orient2d(t.a, t.b, s.b);
    use Orientation::Collinear;
    if [o1, o2, o3, o4].iter().all(|o| *o == Collinear) {
        return collinear_overlap(s, t);
    }
    if o1 != Collinear && o2 != Collinear && o3 != Collinear && o4 != Collinear && o1 != o2 && o3 != o4 {
        // the crossing point, for the message
        let (d1, d2) = (s.b - s.a, t.b - t.a);
        let denom = d1.x * d2.y - d1.y * d2.x;
        let u = ((t.a.x - s.a.x) * d2.y - (t.a.y - s.a.y) * d2.x) / denom;
        return Some(Coord { x: s.a.x + u * d1.x, y: s.a.y + u * d1.y });
    }
    None
}

/// Neighbouring edges meet at their shared corner; they are wrong only when the second turns
/// straight back along the first (a spike of zero width).
fn overlap_back(s: &Segment, t: &Segment) -> Option<Coord<f64>> {
    if RobustKernel::orient2d(s.a, s.b, t.a) == Orientation::Collinear && RobustKernel::orient2d(s.a, s.b, t.b) == Orientation::Collinear {
        return collinear_overlap(s, t);
    }
    None
}

fn collinear_overlap(s: &Segment, t: &Segment) -> Option<Coord<f64>> {
    // project on the longer axis of s
    let along_x = (s.b.x - s.a.x).abs() >= (s.b.y - s.a.y).abs();
    let key = |c: Coord<f64>| if along_x { c.x } else { c.y };
    let (s0, s1) = (key(s.a).min(key(s.b)), key(s.a).max(key(s.b)));
    let (t0, t1) = (key(t.a).min(key(t.b)), key(t.a).max(key(t.b)));
    let (lo, hi) = (s0.max(t0), s1.min(t1));
    (hi > lo).then(|| if key(s.a) >= lo && key(s.a) <= hi { s.a } else { s.b })
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{polygon, MultiPolygon};

    #[test]
    fn a_plain_polygon_with_a_hole_passes() {
        let p = polygon!(
            exterior: [(x: 0., y: 0.), (x: 10., y: 0.), (x: 10., y: 10.), (x: 0., y: 10.)],
            interiors: [[(x: 2., y: 2.), (x: 4., y: 2.), (x: 4., y: 4.), (x: 2., y: 4.)]],
        );
        assert_eq!(check(&Geometry::Polygon(p)), Ok(()));
    }

    #[test]
    fn a_bow_tie_is_refused_where_it_crosses() {
        let p = polygon![(x: 0., y: 0.), (x: 2., y: 2.), (x: 2., y: 0.), (x: 0., y: 2.)];
        assert_eq!(check(&Geometry::Polygon(p)), Err(GeometryProblem::SelfIntersection { lon: 1.0, lat: 1.0 }));
    }

    #[test]
    fn empty_and_degenerate_polygons_are_refused() {
        assert_eq!(check(&Geometry::MultiPolygon(MultiPolygon(vec![]))), Err(GeometryProblem::Empty));
        let flat = polygon![(x: 0., y: 0.), (x: 1., y: 0.), (x: 0., y: 0.)];
        assert_eq!(check(&Geometry::Polygon(flat)), Err(GeometryProblem::DegenerateRing { polygon: 1, ring: 1 }));
        // a spike going back along itself
        let spike = polygon![(x: 0., y: 0.), (x: 4., y: 0.), (x: 2., y: 0.), (x: 2., y: 2.)];
        assert!(matches!(check(&Geometry::Polygon(spike)), Err(GeometryProblem::SelfIntersection { .. })));
    }

    #[test]
    fn many_corners_are_refused_and_a_fine_circle_passes() {
        let circle = |n: usize| {
            let pts: Vec<(f64, f64)> = (0..n).map(|i| i as f64 * std::f64::consts::TAU / n as f64).map(|a| (a.cos(), a.sin())).collect();
            Geometry::Polygon(Polygon::new(pts.into(), vec![]))
        };
        assert_eq!(check(&circle(90_000)), Ok(()));
        assert_eq!(check(&circle(1_000_000)), Err(GeometryProblem::TooManyVertices(1_000_001)));
    }
}
