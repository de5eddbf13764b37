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
                // a point counts for the district whose polygon contains it
                let mut lat = rect.min().y + dlat / 2.0;
                while lat < rect.max().y {
                    let mut lon = rect.min().x + dlon / 2.0;
                    while lon < rect.max().x {
                        if geometry.contains(&Point::new(lon, lat)) {
                            points.push([lat, lon]);
                        }
                        lon += dlon;
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
}
