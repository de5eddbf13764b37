//! Point-in-polygon assignment of locations to districts.

use geo::{BoundingRect, Contains, Geometry, InteriorPoint, Point, Rect, Simplify};

/// A (Multi)Polygon GeoJSON geometry simplified (Ramer–Douglas–Peucker, `tolerance` in degrees)
/// and rounded to 5 decimals (about a metre): light enough to send a city's districts to a
/// browser map. None if the text is not a polygon geometry.
pub fn simplified_geojson(text: &str, tolerance: f64) -> Option<serde_json::Value> {
    let g: geojson::Geometry = text.parse().ok()?;
    let simplified: Geometry<f64> = match Geometry::<f64>::try_from(g.value).ok()? {
        Geometry::Polygon(p) => Geometry::Polygon(p.simplify(&tolerance)),
        Geometry::MultiPolygon(m) => Geometry::MultiPolygon(m.simplify(&tolerance)),
        _ => return None,
    };
    let mut value = serde_json::to_value(geojson::Geometry::from(&simplified)).ok()?;
    round_coordinates(&mut value);
    Some(value)
}

fn round_coordinates(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Array(items) => items.iter_mut().for_each(round_coordinates),
        serde_json::Value::Object(map) => map.values_mut().for_each(round_coordinates),
        serde_json::Value::Number(n) => {
            if let Some(f) = n.as_f64() {
                if let Some(r) = serde_json::Number::from_f64((f * 1e5).round() / 1e5) {
                    *n = r;
                }
            }
        }
        _ => {}
    }
}

/// A point inside a GeoJSON geometry, as (lat, lon): where something placed "in the district"
/// stands when nothing more precise is known.
pub fn interior_point(geometry: &str) -> Option<[f64; 2]> {
    let g: geojson::Geometry = geometry.parse().ok()?;
    let geo = Geometry::<f64>::try_from(g.value).ok()?;
    geo.interior_point().map(|p| [p.y(), p.x()])
}

/// Every edge (x0, y0, x1, y1) of a (Multi)Polygon's rings, holes included; None for other
/// geometries.
fn edges_of(geometry: &Geometry<f64>) -> Option<Vec<[f64; 4]>> {
    let polygons: Vec<&geo::Polygon<f64>> = match geometry {
        Geometry::Polygon(p) => vec![p],
        Geometry::MultiPolygon(m) => m.0.iter().collect(),
        _ => return None,
    };
    let mut edges = vec![];
    for p in polygons {
        for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
            edges.extend(ring.lines().map(|l| [l.start.x, l.start.y, l.end.x, l.end.y]));
        }
    }
    Some(edges)
}

/// District polygons prepared for lookups.
pub struct DistrictIndex {
    areas: Vec<(String, Rect<f64>, Geometry<f64>)>,
}

impl DistrictIndex {
    /// Builds the index from (key, GeoJSON geometry text) pairs; unreadable geometries are skipped.
    pub fn new(items: impl IntoIterator<Item = (String, String)>) -> Self {
        let areas = items
            .into_iter()
            .filter_map(|(key, text)| {
                let g: geojson::Geometry = text.parse().ok()?;
                let geo = Geometry::<f64>::try_from(g.value).ok()?;
                let rect = geo.bounding_rect()?;
                Some((key, rect, geo))
            })
            .collect();
        DistrictIndex { areas }
    }

    pub fn len(&self) -> usize {
        self.areas.len()
    }

    /// South, west, north and east edge of all districts, in degrees; None without any.
    pub fn bounds(&self) -> Option<[f64; 4]> {
        let mut areas = self.areas.iter().map(|(_, r, _)| r);
        let first = areas.next()?;
        Some(areas.fold([first.min().y, first.min().x, first.max().y, first.max().x], |[s, w, n, e], r| {
            [s.min(r.min().y), w.min(r.min().x), n.max(r.max().y), e.max(r.max().x)]
        }))
    }

    pub fn is_empty(&self) -> bool {
        self.areas.is_empty()
    }

    /// Points of a regular grid (`spacing_m` apart) inside each district, as (lat, lon), for
    /// estimates that spread a district's people evenly over its area; a district too small
    /// for the grid gets one point inside it.
    pub fn grid_points(&self, spacing_m: f64) -> Vec<(String, Vec<[f64; 2]>)> {
        self.areas
            .iter()
            .map(|(key, rect, geometry)| {
                let lat0 = (rect.min().y + rect.max().y) / 2.0;
                let dlat = spacing_m / 111_195.0;
                let dlon = dlat / lat0.to_radians().cos().max(0.01);
                let mut points = vec![];
                let edges = edges_of(geometry);
                let mut crossings: Vec<f64> = vec![];
                // a point counts for the district whose polygon contains it: row by row, the
                // outline's crossings of the row bound the stretches inside (even–odd, holes
                // included), instead of asking the whole outline about every point
                let mut lat = rect.min().y + dlat / 2.0;
                while lat < rect.max().y {
                    let mut lon = rect.min().x + dlon / 2.0;
                    match &edges {
                        Some(edges) => {
                            crossings.clear();
                            crossings.extend(
                                edges
                                    .iter()
                                    .filter(|[_, y0, _, y1]| (*y0 <= lat) != (*y1 <= lat))
                                    .map(|[x0, y0, x1, y1]| x0 + (lat - y0) * (x1 - x0) / (y1 - y0)),
                            );
                            crossings.sort_by(f64::total_cmp);
                            for inside in crossings.chunks_exact(2) {
                                while lon <= inside[0] {
                                    lon += dlon;
                                }
                                while lon < inside[1] {
                                    points.push([lat, lon]);
                                    lon += dlon;
                                }
                            }
                        }
                        None => {
                            while lon < rect.max().x {
                                if geometry.contains(&Point::new(lon, lat)) {
                                    points.push([lat, lon]);
                                }
                                lon += dlon;
                            }
                        }
                    }
                    lat += dlat;
                }
                if points.is_empty() {
                    if let Some(p) = geometry.interior_point() {
                        points.push([p.y(), p.x()]);
                    }
                }
                (key.clone(), points)
            })
            .collect()
    }

    /// Key of the district containing the point, if any.
    pub fn locate(&self, lon: f64, lat: f64) -> Option<&str> {
        let p = Point::new(lon, lat);
        self.areas
            .iter()
            .filter(|(_, r, _)| r.min().x <= lon && lon <= r.max().x && r.min().y <= lat && lat <= r.max().y)
            .find(|(_, _, g)| g.contains(&p))
            .map(|(k, _, _)| k.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplifies_and_rounds_polygons() {
        let square =
            r#"{"type":"Polygon","coordinates":[[[13.0,52.0],[13.000001,52.0000001],[13.1,52.0],[13.1,52.1],[13.0,52.1],[13.0,52.0]]]}"#;
        let s = simplified_geojson(square, 0.0001).unwrap();
        assert_eq!(s["coordinates"][0].as_array().unwrap().len(), 5, "{s}");
        assert!(simplified_geojson(r#"{"type":"Point","coordinates":[1,2]}"#, 0.1).is_none());
    }

    #[test]
    fn finds_the_containing_polygon() {
        let idx = DistrictIndex::new([
            ("a".to_string(), r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}"#.to_string()),
            ("b".to_string(), r#"{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]}"#.to_string()),
            ("broken".to_string(), "nope".to_string()),
        ]);
        assert_eq!(idx.len(), 2);
        assert_eq!(idx.locate(0.5, 0.5), Some("a"));
        assert_eq!(idx.locate(1.5, 0.5), Some("b"));
        assert_eq!(idx.locate(5.0, 5.0), None);
    }

    #[test]
    fn grid_points_fall_inside_their_district_and_a_tiny_one_gets_one() {
        // about 1.1 km × 1.1 km at the equator, and a sliver
        let idx = DistrictIndex::new([
            ("a".to_string(), r#"{"type":"Polygon","coordinates":[[[0,0],[0.01,0],[0.01,0.01],[0,0.01],[0,0]]]}"#.to_string()),
            ("tiny".to_string(), r#"{"type":"Polygon","coordinates":[[[1,1],[1.0001,1],[1.0001,1.0001],[1,1.0001],[1,1]]]}"#.to_string()),
        ]);
        let grid = idx.grid_points(200.0);
        let a = &grid.iter().find(|(k, _)| k == "a").unwrap().1;
        assert!((25..=36).contains(&a.len()), "{}", a.len());
        assert!(a.iter().all(|p| idx.locate(p[1], p[0]) == Some("a")));
        assert_eq!(grid.iter().find(|(k, _)| k == "tiny").unwrap().1.len(), 1);
    }

    /// The row-by-row grid gives exactly the points a test of every point against the whole
    /// outline gives, for a concave outline with a hole and a second part.
    #[test]
    fn the_row_by_row_grid_equals_a_point_by_point_test() {
        let shape = r#"{"type":"MultiPolygon","coordinates":[
            [[[13.30,52.40],[13.45,52.40],[13.45,52.47],[13.39,52.47],[13.37,52.43],[13.33,52.49],[13.30,52.49],[13.30,52.40]],
             [[13.41,52.41],[13.43,52.41],[13.43,52.44],[13.41,52.44],[13.41,52.41]]],
            [[[13.50,52.50],[13.55,52.52],[13.51,52.56],[13.50,52.50]]]]}"#;
        let idx = DistrictIndex::new([("x".to_string(), shape.to_string())]);
        let grid = &idx.grid_points(200.0)[0].1;
        let (_, rect, geometry) = &idx.areas[0];
        let (dlat, lat0) = (200.0 / 111_195.0, (rect.min().y + rect.max().y) / 2.0);
        let dlon = dlat / f64::cos(lat0.to_radians());
        let mut expected = vec![];
        let mut lat = rect.min().y + dlat / 2.0;
        while lat < rect.max().y {
            let mut lon = rect.min().x + dlon / 2.0;
            while lon < rect.max().x {
                if geometry.contains(&Point::new(lon, lat)) {
                    expected.push([lat, lon]);
                }
                lon += dlon;
            }
            lat += dlat;
        }
        assert!(expected.len() > 1_000, "{}", expected.len());
        assert_eq!(grid.len(), expected.len());
        // the same points, up to the rounding of the steps taken to reach them
        for (a, b) in grid.iter().zip(&expected) {
            assert!((a[0] - b[0]).abs() < 1e-9 && (a[1] - b[1]).abs() < 1e-9, "{a:?} {b:?}");
        }
    }
}
