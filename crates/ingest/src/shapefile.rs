//! ESRI Shapefiles as statistical offices publish district boundaries: polygons from `.shp`,
//! attributes from `.dbf` (Windows-1252 unless a `.cpg` says otherwise), the CRS from `.prj`.
//! Read into districts in WGS84 (see `crs`).

use kette_domain::NewDistrict;

use crate::crs::Crs;
use crate::geojson_districts::DistrictFileSpec;
use crate::{IngestError, IngestErrors};

/// The parts of a shapefile as bytes.
pub struct ShapefileParts<'a> {
    pub name: &'a str,
    pub shp: &'a [u8],
    pub dbf: &'a [u8],
    pub prj: Option<&'a str>,
    pub cpg: Option<&'a str>,
}

fn le_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}
fn be_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}
fn le_f64(b: &[u8], at: usize) -> Option<f64> {
    Some(f64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// Records of a `.dbf` table as (field name, text) pairs.
pub fn read_dbf(name: &str, b: &[u8], cpg: Option<&str>) -> Result<Vec<Vec<(String, String)>>, IngestError> {
    let err = |m: &str| IngestError::new(name, None, None, m.to_string());
    let records = le_u32(b, 4).ok_or_else(|| err("the .dbf file is too short"))? as usize;
    let (header_len, record_len) = match b.get(8..12) {
        Some(h) => (u16::from_le_bytes([h[0], h[1]]) as usize, u16::from_le_bytes([h[2], h[3]]) as usize),
        None => return Err(err("bad .dbf header")),
    };
    if header_len < 32 || header_len > b.len() || record_len == 0 {
        return Err(err("bad .dbf header (header or record length)"));
    }
    // the declared records must be in the file: a count is not a reason to reserve memory
    if records.checked_mul(record_len).is_none_or(|size| size > b.len() - header_len) {
        return Err(err("the .dbf file ends before its last record"));
    }
    let utf8 = cpg.is_some_and(|c| c.trim().eq_ignore_ascii_case("utf-8") || c.trim().eq_ignore_ascii_case("utf8"));
    let decode = |bytes: &[u8]| -> String {
        if utf8 {
            String::from_utf8_lossy(bytes).trim().to_string()
        } else {
            encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.trim().to_string()
        }
    };
    let mut fields = vec![];
    let mut at = 32;
    while at + 32 <= header_len && b.get(at) != Some(&0x0D) {
        let raw = &b[at..at + 11];
        let fname = decode(&raw[..raw.iter().position(|&c| c == 0).unwrap_or(11)]);
        fields.push((fname, b[at + 16] as usize));
        at += 32;
    }
    let mut out = Vec::with_capacity(records);
    for r in 0..records {
        let start = header_len + r * record_len;
        let rec = b.get(start..start + record_len).ok_or_else(|| err("the .dbf file ends before its last record"))?;
        if rec[0] == b'*' {
            continue;
        }
        let mut pos = 1;
        let mut row = vec![];
        for (fname, len) in &fields {
            row.push((fname.clone(), decode(rec.get(pos..pos + len).unwrap_or_default())));
            pos += len;
        }
        out.push(row);
    }
    Ok(out)
}

/// Polygons (outer rings with their holes) of every record of a `.shp` file, in file coordinates.
pub fn read_shp(name: &str, b: &[u8]) -> Result<Vec<Vec<Vec<Vec<(f64, f64)>>>>, IngestError> {
    let err = |m: String| IngestError::new(name, None, None, m);
    if be_u32(b, 0) != Some(9994) {
        return Err(err("not a shapefile (.shp magic number missing)".into()));
    }
    let shape_type = le_u32(b, 32).unwrap_or(0);
    if !matches!(shape_type, 5 | 15 | 25) {
        return Err(err(format!("shape type {shape_type} is not a polygon type (expected 5, 15 or 25)")));
    }
    let mut out = vec![];
    let mut at = 100;
    let mut n = 0;
    while at + 8 <= b.len() {
        n += 1;
        let len = be_u32(b, at + 4).ok_or_else(|| err(format!("record {n}: truncated")))? as usize * 2;
        let rec = b.get(at + 8..at + 8 + len).ok_or_else(|| err(format!("record {n}: truncated")))?;
        at += 8 + len;
        if le_u32(rec, 0) == Some(0) {
            out.push(vec![]);
            continue;
        }
        let (parts, points) = (le_u32(rec, 36).unwrap_or(0) as usize, le_u32(rec, 40).unwrap_or(0) as usize);
        // the declared parts and points must be in the record before any is read
        if parts.checked_mul(4).and_then(|p| points.checked_mul(16).map(|q| 44 + p + q)).is_none_or(|end| end > rec.len()) {
            return Err(err(format!("record {n}: truncated point list")));
        }
        let starts: Vec<usize> = (0..parts).filter_map(|i| le_u32(rec, 44 + 4 * i).map(|v| v as usize)).collect();
        if starts.first().is_some_and(|&s| s != 0) || starts.windows(2).any(|w| w[0] > w[1]) || starts.last().is_some_and(|&s| s > points) {
            return Err(err(format!("record {n}: the parts do not divide the point list")));
        }
        let pts_at = 44 + 4 * parts;
        let pts: Vec<(f64, f64)> =
            (0..points).filter_map(|i| Some((le_f64(rec, pts_at + 16 * i)?, le_f64(rec, pts_at + 16 * i + 8)?))).collect();
        let rings: Vec<Vec<(f64, f64)>> = (0..parts).map(|i| pts[starts[i]..*starts.get(i + 1).unwrap_or(&points)].to_vec()).collect();
        out.push(group_rings(rings));
    }
    Ok(out)
}

fn signed_area(ring: &[(f64, f64)]) -> f64 {
    ring.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum::<f64>() / 2.0
}

fn contains(ring: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let ((x1, y1), (x2, y2)) = (w[0], w[1]);
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// Shapefile outer rings run clockwise, holes counter-clockwise; each hole joins the outer
/// ring that contains it.
fn group_rings(rings: Vec<Vec<(f64, f64)>>) -> Vec<Vec<Vec<(f64, f64)>>> {
    let (outer, holes): (Vec<_>, Vec<_>) = rings.into_iter().partition(|r| signed_area(r) <= 0.0);
    let mut polygons: Vec<Vec<Vec<(f64, f64)>>> = outer.into_iter().map(|r| vec![r]).collect();
    for h in holes {
        match polygons.iter_mut().find(|p| h.first().is_some_and(|pt| contains(&p[0], *pt))) {
            Some(p) => p.push(h),
            // a counter-clockwise ring outside every outer ring: an outer ring written the other way
            None => polygons.push(vec![h]),
        }
    }
    polygons
}

/// GeoJSON MultiPolygon text of polygons in lon/lat, GeoJSON winding (outer counter-clockwise).
pub fn to_geojson(polygons: &[Vec<Vec<(f64, f64)>>]) -> String {
    let ring = |r: &Vec<(f64, f64)>, outer: bool| -> String {
        let mut pts = r.clone();
        if (signed_area(&pts) < 0.0) == outer {
            pts.reverse();
        }
        format!("[{}]", pts.iter().map(|(x, y)| format!("[{x:.7},{y:.7}]")).collect::<Vec<_>>().join(","))
    };
    let polys: Vec<String> = polygons
        .iter()
        .map(|p| format!("[{}]", p.iter().enumerate().map(|(i, r)| ring(r, i == 0)).collect::<Vec<_>>().join(",")))
        .collect();
    format!(r#"{{"type":"MultiPolygon","coordinates":[{}]}}"#, polys.join(","))
}

/// Reads a shapefile into districts in WGS84. `crs` overrides the `.prj`.
pub fn parse(parts: &ShapefileParts<'_>, spec: &DistrictFileSpec, crs: Option<Crs>) -> Result<Vec<NewDistrict>, IngestErrors> {
    let name = parts.name;
    let crs = match crs.or_else(|| parts.prj.and_then(Crs::from_wkt)) {
        Some(c) => c,
        None => {
            return Err(IngestError::new(
                name,
                None,
                None,
                "unknown coordinate system: give --crs with one of 4326, 25832, 25833, 3035 (or ship the .prj file)",
            )
            .into())
        }
    };
    let shapes = read_shp(name, parts.shp)?;
    let records = read_dbf(name, parts.dbf, parts.cpg)?;
    if shapes.len() != records.len() {
        return Err(IngestError::new(name, None, None, format!("{} shapes but {} attribute records", shapes.len(), records.len())).into());
    }
    let rows: Vec<(Vec<(String, String)>, Vec<Vec<Vec<(f64, f64)>>>)> = records.into_iter().zip(shapes).collect();
    districts_from_shapes(name, rows, crs, spec)
}

/// Districts from attribute rows and polygons in `crs`: projected to WGS84, then checked with
/// the same rules as GeoJSON (keys, names, parents, duplicates, coordinate ranges).
pub fn districts_from_shapes(
    name: &str,
    rows: Vec<(Vec<(String, String)>, Vec<Vec<Vec<(f64, f64)>>>)>,
    crs: Crs,
    spec: &DistrictFileSpec,
) -> Result<Vec<NewDistrict>, IngestErrors> {
    let features: Vec<String> = rows
        .iter()
        .map(|(attrs, polys)| {
            let projected: Vec<Vec<Vec<(f64, f64)>>> =
                polys.iter().map(|p| p.iter().map(|r| r.iter().map(|&(x, y)| crs.to_wgs84(x, y)).collect()).collect()).collect();
            let props: serde_json::Map<String, serde_json::Value> =
                attrs.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
            let geometry = if projected.is_empty() { "null".to_string() } else { to_geojson(&projected) };
            format!(r#"{{"type":"Feature","properties":{},"geometry":{geometry}}}"#, serde_json::Value::Object(props))
        })
        .collect();
    let collection = format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","));
    crate::geojson_districts::parse(name, &collection, spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_group_into_polygons_with_holes() {
        let outer = vec![(0.0, 0.0), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)];
        let hole = vec![(2.0, 2.0), (4.0, 2.0), (4.0, 4.0), (2.0, 4.0), (2.0, 2.0)];
        let polys = group_rings(vec![outer, hole]);
        assert_eq!(polys.len(), 1);
        assert_eq!(polys[0].len(), 2);
        let gj = to_geojson(&polys);
        assert!(
            gj.starts_with(r#"{"type":"MultiPolygon","coordinates":[[[[0.0000000,0.0000000],[10.0000000,0.0000000]"#),
            "outer ring counter-clockwise: {gj}"
        );
    }

    #[test]
    fn rejects_files_that_are_not_polygon_shapefiles() {
        assert!(read_shp("x.shp", b"not a shapefile at all, long enough to have a header...")
            .unwrap_err()
            .to_string()
            .contains("not a shapefile"));
        let mut header = vec![0u8; 100];
        header[..4].copy_from_slice(&9994u32.to_be_bytes());
        header[32..36].copy_from_slice(&1u32.to_le_bytes());
        assert!(read_shp("points.shp", &header).unwrap_err().to_string().contains("shape type 1 is not a polygon type"));
    }
}
