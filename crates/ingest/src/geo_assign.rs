//! Point-in-polygon assignment of locations to districts.

use geo::{BoundingRect, Contains, Geometry, Point, Rect};

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
}
