//! District polygons from a GeoJSON FeatureCollection (WGS84).

use geo::{Area, BoundingRect, Geometry};
use geojson::GeoJson;

use kette_domain::NewDistrict;

use crate::{IngestError, IngestErrors};

/// How to read the features of one file.
#[derive(Debug, Clone)]
pub struct DistrictFileSpec {
    pub key_property: String,
    pub name_property: String,
    pub level: i64,
    pub boundary_version: String,
    /// Property holding the parent's key; if None, `parent_key_len` may derive it from the key.
    pub parent_property: Option<String>,
    /// For hierarchical keys such as Berlin's LOR: the parent's key is this many leading characters.
    pub parent_key_len: Option<usize>,
}

impl Default for DistrictFileSpec {
    fn default() -> Self {
        DistrictFileSpec {
            key_property: "id".into(),
            name_property: "name".into(),
            level: 1,
            boundary_version: "default".into(),
            parent_property: None,
            parent_key_len: None,
        }
    }
}

/// Parses a FeatureCollection of (Multi)Polygons into districts. Every feature needs a key and a
/// name; keys must be unique. Reports all problems at once.
/// How far (in degrees, about 3–5 m in Germany) the outline shown to the public may stray from
/// the stored boundary: invisible on a city map, a fraction of the corners.
pub const OUTLINE_TOLERANCE_DEGREES: f64 = 0.00004;

pub fn parse(source_name: &str, text: &str, spec: &DistrictFileSpec) -> Result<Vec<NewDistrict>, IngestErrors> {
    let gj: GeoJson = text.parse().map_err(|e| IngestError::new(source_name, None, None, format!("not valid GeoJSON: {e}")))?;
    let GeoJson::FeatureCollection(fc) = gj else {
        return Err(IngestError::new(source_name, None, None, "expected a FeatureCollection").into());
    };
    let mut errors = vec![];
    let mut out = Vec::with_capacity(fc.features.len());
    let mut seen = std::collections::HashMap::new();
    for (i, f) in fc.features.iter().enumerate() {
        let at = Some(format!("feature {}", i + 1));
        let prop = |name: &str| -> Option<String> {
            f.property(name)
                .and_then(|v| match v {
                    serde_json::Value::String(s) => Some(s.trim().to_string()),
                    serde_json::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .filter(|s| !s.is_empty())
        };
        let Some(key) = prop(&spec.key_property) else {
            errors.push(IngestError::new(source_name, at, Some(&spec.key_property), "missing district key (a string or number)"));
            continue;
        };
        let Some(name) = prop(&spec.name_property) else {
            errors.push(IngestError::new(source_name, at, Some(&spec.name_property), "missing district name"));
            continue;
        };
        let Some(geometry) = &f.geometry else {
            errors.push(IngestError::new(source_name, at, Some("geometry"), "missing geometry"));
            continue;
        };
        let geo: Geometry<f64> = match Geometry::try_from(geometry.value.clone()) {
            Ok(g @ (Geometry::Polygon(_) | Geometry::MultiPolygon(_))) => g,
            Ok(_) => {
                errors.push(IngestError::new(source_name, at, Some("geometry"), "expected a Polygon or MultiPolygon"));
                continue;
            }
            Err(e) => {
                errors.push(IngestError::new(source_name, at, Some("geometry"), format!("invalid geometry: {e}")));
                continue;
            }
        };
        let rect = geo.bounding_rect();
        if let Some(r) = rect {
            if r.min().x < -180.0 || r.max().x > 180.0 || r.min().y < -90.0 || r.max().y > 90.0 {
                errors.push(IngestError::new(
                    source_name,
                    at,
                    Some("geometry"),
                    "coordinates are not WGS84 longitude/latitude (EPSG:4326)",
                ));
                continue;
            }
        }
        if let Err(problem) = crate::geometry_check::check(&geo) {
            errors.push(IngestError::new(source_name, at, Some("geometry"), problem.to_string()));
            continue;
        }
        if let Some(prev) = seen.insert(key.clone(), i + 1) {
            errors.push(IngestError::new(source_name, at, Some(&spec.key_property), format!("key '{key}' already used by feature {prev}")));
            continue;
        }
        let parent_key = match (&spec.parent_property, spec.parent_key_len) {
            (Some(p), _) => prop(p),
            (None, Some(n)) if key.len() > n => Some(key[..n].to_string()),
            _ => None,
        };
        let area_m2 = f.property("area").and_then(|v| v.as_f64()).or_else(|| Some(geodesic_area(&geo)));
        out.push(NewDistrict {
            key,
            name,
            level: spec.level,
            parent_key,
            boundary_version: spec.boundary_version.clone(),
            outline: crate::geo_assign::simplified_geojson(&geometry.to_string(), OUTLINE_TOLERANCE_DEGREES).map(|v| v.to_string()),
            geometry: Some(geometry.to_string()),
            area_m2,
            bbox: rect.map(|r| [r.min().x, r.min().y, r.max().x, r.max().y]),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(IngestErrors(errors))
    }
}

/// Approximate area in m² from an equirectangular projection at the polygon's latitude; good to
/// well under 1 % for city districts.
fn geodesic_area(g: &Geometry<f64>) -> f64 {
    use geo::MapCoords;
    let Some(r) = g.bounding_rect() else { return 0.0 };
    let lat0 = ((r.min().y + r.max().y) / 2.0).to_radians();
    let m_per_deg = 111_320.0;
    g.map_coords(|c| geo::Coord { x: c.x * m_per_deg * lat0.cos(), y: c.y * m_per_deg }).unsigned_area()
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"01","name":"Mitte"},"geometry":{"type":"Polygon","coordinates":[[[13.0,52.0],[13.01,52.0],[13.01,52.01],[13.0,52.0]]]}},
      {"type":"Feature","properties":{"id":"0101","name":"Teil"},"geometry":{"type":"MultiPolygon","coordinates":[[[[13.0,52.0],[13.01,52.0],[13.01,52.01],[13.0,52.0]]]]}}
    ]}"#;

    #[test]
    fn reads_keys_names_parents_and_area() {
        let spec = DistrictFileSpec { parent_key_len: Some(2), ..Default::default() };
        let d = parse("x.geojson", OK, &spec).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].parent_key, None);
        assert_eq!(d[1].parent_key.as_deref(), Some("01"));
        let area = d[0].area_m2.unwrap();
        assert!((area - 0.5 * 684.7 * 1113.2).abs() / area < 0.01, "{area}");
        assert!(d[0].bbox.is_some());
    }

    #[test]
    fn names_the_feature_and_field_of_each_problem() {
        let bad = OK.replace(r#""name":"Teil""#, r#""title":"Teil""#).replace(r#"[13.0,52.0],[13.01"#, r#"[500000.0,5800000.0],[13.01"#);
        let err = parse("bezirke.geojson", &bad, &DistrictFileSpec::default()).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("bezirke.geojson feature 1, field 'geometry': coordinates are not WGS84"), "{text}");
        assert!(text.contains("bezirke.geojson feature 2, field 'name': missing district name"), "{text}");
    }

    #[test]
    fn malformed_json_and_duplicates_are_reported() {
        let err = parse("a.geojson", "{\"type\": \"Feature", &DistrictFileSpec::default()).unwrap_err();
        assert!(err.to_string().starts_with("a.geojson: not valid GeoJSON"), "{err}");
        let dup = OK.replace("\"0101\"", "\"01\"");
        let err = parse("a.geojson", &dup, &DistrictFileSpec::default()).unwrap_err();
        assert!(err.to_string().contains("key '01' already used by feature 1"), "{err}");
    }
}
