//! Crosswalks between boundary versions: how much of each old district lies in each new one,
//! computed from polygon overlap. Time series of counts are carried across a boundary change
//! with these weights (`kette_domain::boundary`).

use geo::{Area, BooleanOps, BoundingRect, Geometry, MapCoords, MultiPolygon};

use crate::{IngestError, IngestErrors};

pub use kette_domain::boundary::CrosswalkLink as Link;

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

/// Reads a crosswalk file: CSV with the columns `from`, `to`, `weight` (as `kette crosswalk`
/// writes it; `;` and decimal commas of German spreadsheets are accepted). Every broken line is
/// named; then the links are checked as a whole (weights per source district summing to 1).
pub fn parse_csv(name: &str, bytes: &[u8]) -> Result<Vec<Link>, IngestErrors> {
    let text = crate::text::decode(bytes);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains(';') { b';' } else { b',' };
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers = rdr.headers().map_err(|e| IngestError::new(name, Some("line 1".into()), None, e.to_string()))?.clone();
    let col = |wanted: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| IngestError::new(name, Some("line 1".into()), Some(wanted), "missing column (expected from, to, weight)"))
    };
    let (from, to, weight) = (col("from")?, col("to")?, col("weight")?);
    let mut links = vec![];
    let mut errors = vec![];
    let mut lines = vec![];
    for rec in rdr.records() {
        let rec = rec.map_err(|e| IngestError::new(name, None, None, e.to_string()))?;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        let (f, t, w) = (get(from), get(to), get(weight));
        if f.is_empty() {
            errors.push(IngestError::new(name, Some(format!("line {line}")), Some("from"), "expected a district key"));
        }
        if t.is_empty() {
            errors.push(IngestError::new(name, Some(format!("line {line}")), Some("to"), "expected a district key"));
        }
        match w.replace(',', ".").parse::<f64>() {
            Ok(v) => {
                links.push(Link { from: f, to: t, weight: v });
                lines.push(line);
            }
            Err(_) => errors.push(IngestError::new(
                name,
                Some(format!("line {line}")),
                Some("weight"),
                format!("expected a share between 0 and 1, found '{w}'"),
            )),
        }
    }
    if errors.is_empty() {
        use kette_domain::boundary::CrosswalkProblem as P;
        for p in kette_domain::boundary::check_links(&links) {
            let location = match &p {
                P::BadWeight { link, .. } | P::Duplicate { link, .. } => Some(format!("line {}", lines[link - 1])),
                P::WeightSum { .. } | P::Empty => None,
            };
            errors.push(IngestError::new(name, location, None, p.to_string()));
        }
    }
    if errors.is_empty() {
        Ok(links)
    } else {
        Err(IngestErrors(errors))
    }
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
    }

    #[test]
    fn crosswalk_files_are_read_with_every_broken_line_named() {
        let ok = parse_csv("links.csv", "from;to;weight\nA;A1;0,5\nA;A2;0,5\n".as_bytes()).unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[1], Link { from: "A".into(), to: "A2".into(), weight: 0.5 });
        let e = parse_csv("links.csv", b"from,to,weight\nA,A1,halb\n,A2,0.5\n").unwrap_err().to_string();
        assert!(e.contains("links.csv line 2, field 'weight': expected a share between 0 and 1, found 'halb'"), "{e}");
        assert!(e.contains("links.csv line 3, field 'from'"), "{e}");
        let e = parse_csv("links.csv", b"from,to,weight\nA,A1,0.5\nB,B1,1.7\n").unwrap_err().to_string();
        assert!(e.contains("line 3") && e.contains("weight 1.7"), "{e}");
        assert!(e.contains("district A: its weights sum to 0.5000"), "{e}");
        let e = parse_csv("links.csv", b"von,nach,anteil\n").unwrap_err().to_string();
        assert!(e.contains("field 'from': missing column"), "{e}");
    }
}
