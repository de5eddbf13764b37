//! Crosswalks between boundary versions: how much of each old district lies in each new one,
//! computed from polygon overlap. Time series of counts are carried across a boundary change
//! with these weights.

use geo::{Area, BooleanOps, BoundingRect, Geometry, MapCoords, MultiPolygon};

/// One link of a crosswalk: the share of `from` (by area) that lies in `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub weight: f64,
}

fn multipolygon(text: &str) -> Option<MultiPolygon<f64>> {
    let g: geojson::Geometry = text.parse().ok()?;
    match Geometry::<f64>::try_from(g.value).ok()? {
        Geometry::Polygon(p) => Some(MultiPolygon(vec![p])),
        Geometry::MultiPolygon(m) => Some(m),
        _ => None,
    }
}

/// Weights from polygon overlap. Shares below `min_share` (slivers from digitising
/// differences) are dropped and the rest renormalised so each source district sums to 1.
pub fn from_polygons(from: &[(String, String)], to: &[(String, String)], min_share: f64) -> Vec<Link> {
    // project to metres around the mean latitude so areas compare fairly
    let parsed_to: Vec<(String, MultiPolygon<f64>)> = to.iter().filter_map(|(k, g)| multipolygon(g).map(|m| (k.clone(), m))).collect();
    let parsed_from: Vec<(String, MultiPolygon<f64>)> = from.iter().filter_map(|(k, g)| multipolygon(g).map(|m| (k.clone(), m))).collect();
    let lat0 = parsed_from.iter().filter_map(|(_, m)| m.bounding_rect()).map(|r| (r.min().y + r.max().y) / 2.0).next().unwrap_or(0.0);
    let k = lat0.to_radians().cos();
    let project = |m: &MultiPolygon<f64>| m.map_coords(|c| geo::Coord { x: c.x * 111_320.0 * k, y: c.y * 111_320.0 });
    let to_m: Vec<(String, MultiPolygon<f64>, geo::Rect<f64>)> = parsed_to
        .iter()
        .filter_map(|(key, m)| {
            let p = project(m);
            p.bounding_rect().map(|r| (key.clone(), p, r))
        })
        .collect();
    let mut links = vec![];
    for (key, m) in &parsed_from {
        let p = project(m);
        let area = p.unsigned_area();
        let Some(rect) = p.bounding_rect() else { continue };
        if area <= 0.0 {
            continue;
        }
        let mut shares: Vec<(String, f64)> = to_m
            .iter()
            .filter(|(_, _, r)| {
                r.min().x <= rect.max().x && rect.min().x <= r.max().x && r.min().y <= rect.max().y && rect.min().y <= r.max().y
            })
            .map(|(to_key, q, _)| (to_key.clone(), p.intersection(q).unsigned_area() / area))
            .filter(|(_, s)| *s >= min_share)
            .collect();
        let total: f64 = shares.iter().map(|(_, s)| s).sum();
        if total <= 0.0 {
            continue;
        }
        shares.iter_mut().for_each(|(_, s)| *s /= total);
        links.extend(shares.into_iter().map(|(to, weight)| Link { from: key.clone(), to, weight }));
    }
    links
}

/// Carries counts from the old to the new districts: Σ weight × count. Keys without a link are
/// returned as the second list so that nothing is lost silently.
pub fn carry(counts: &[(String, f64)], links: &[Link]) -> (Vec<(String, f64)>, Vec<String>) {
    let mut out: std::collections::BTreeMap<String, f64> = Default::default();
    let mut missing = vec![];
    for (key, value) in counts {
        let mine: Vec<&Link> = links.iter().filter(|l| &l.from == key).collect();
        if mine.is_empty() {
            missing.push(key.clone());
        }
        for l in mine {
            *out.entry(l.to.clone()).or_default() += l.weight * value;
        }
    }
    (out.into_iter().collect(), missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> String {
        format!(r#"{{"type":"Polygon","coordinates":[[[{x0},{y0}],[{x1},{y0}],[{x1},{y1}],[{x0},{y1}],[{x0},{y0}]]]}}"#)
    }

    #[test]
    fn a_district_split_in_two_gives_two_halves_and_counts_follow() {
        let from = vec![("A".to_string(), square(13.0, 52.0, 13.02, 52.01))];
        let to = vec![
            ("A1".to_string(), square(13.0, 52.0, 13.01, 52.01)),
            ("A2".to_string(), square(13.01, 52.0, 13.02, 52.01)),
            ("far".to_string(), square(14.0, 53.0, 14.1, 53.1)),
            // a sliver from digitising: dropped
            ("B".to_string(), square(13.0199999, 52.0, 13.03, 52.01)),
        ];
        let links = from_polygons(&from, &to, 0.001);
        assert_eq!(links.len(), 2, "{links:?}");
        assert!(links.iter().all(|l| (l.weight - 0.5).abs() < 1e-3), "{links:?}");
        let (carried, missing) = carry(&[("A".into(), 100.0), ("Z".into(), 5.0)], &links);
        assert_eq!(carried.len(), 2);
        assert!((carried[0].1 - 50.0).abs() < 0.1);
        assert_eq!(missing, vec!["Z"]);
    }
}
