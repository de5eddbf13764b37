//! Server-side SVG of a district polygon with offer points: the map that works without
//! JavaScript and costs a few kilobytes. Coordinates are projected equirectangularly at the
//! district's latitude and thinned to the drawing's resolution.

use serde_json::Value;

type Ring = Vec<(f64, f64)>;

fn rings(geometry: &Value) -> Vec<Ring> {
    let to_ring = |r: &Value| -> Ring {
        r.as_array().map(|pts| pts.iter().filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?))).collect()).unwrap_or_default()
    };
    let coords = &geometry["coordinates"];
    match geometry["type"].as_str() {
        Some("Polygon") => coords.as_array().map(|rs| rs.iter().map(to_ring).collect()).unwrap_or_default(),
        Some("MultiPolygon") => coords
            .as_array()
            .map(|polys| polys.iter().flat_map(|p| p.as_array().into_iter().flatten().map(to_ring)).collect())
            .unwrap_or_default(),
        _ => vec![],
    }
}

/// Renders the polygon and points into an SVG `width` pixels wide; None if the geometry is unreadable.
pub fn district_svg(geometry: &str, points: &[(f64, f64, String)], width: f64, title: &str) -> Option<String> {
    let g: Value = serde_json::from_str(geometry).ok()?;
    let rings = rings(&g);
    let all = rings.iter().flatten();
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in all {
        min_x = min_x.min(x);
        max_x = max_x.max(x);
        min_y = min_y.min(y);
        max_y = max_y.max(y);
    }
    if !(min_x < max_x && min_y < max_y) {
        return None;
    }
    let k = ((min_y + max_y) / 2.0).to_radians().cos();
    let scale = width / ((max_x - min_x) * k);
    let height = ((max_y - min_y) * scale).max(1.0);
    let pad = 4.0;
    let px = |x: f64, y: f64| ((x - min_x) * k * scale + pad, (max_y - y) * scale + pad);
    let mut d = String::new();
    for ring in &rings {
        let mut last: Option<(f64, f64)> = None;
        for (i, &(x, y)) in ring.iter().enumerate() {
            let (sx, sy) = px(x, y);
            if let Some((lx, ly)) = last {
                if (sx - lx).abs() < 0.8 && (sy - ly).abs() < 0.8 && i + 1 != ring.len() {
                    continue;
                }
            }
            d.push_str(&format!("{}{:.1} {:.1}", if last.is_none() { "M" } else { "L" }, sx, sy));
            last = Some((sx, sy));
        }
        d.push('Z');
    }
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0} {h:.0}" role="img" aria-labelledby="map-title" class="district-svg"><title id="map-title">{t}</title><path d="{d}" class="district-shape" fill-rule="evenodd"/>"#,
        w = width + 2.0 * pad,
        h = height + 2.0 * pad,
        t = escape(title)
    );
    for (lon, lat, name) in points {
        if *lon < min_x || *lon > max_x || *lat < min_y || *lat > max_y {
            continue;
        }
        let (sx, sy) = px(*lon, *lat);
        svg.push_str(&format!(r#"<circle cx="{sx:.1}" cy="{sy:.1}" r="4" class="offer-dot"><title>{}</title></circle>"#, escape(name)));
    }
    svg.push_str("</svg>");
    Some(svg)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_polygon_and_points_inside_it() {
        let g = r#"{"type":"MultiPolygon","coordinates":[[[[13.0,52.0],[13.1,52.0],[13.1,52.1],[13.0,52.1],[13.0,52.0]]]]}"#;
        let svg = district_svg(g, &[(13.05, 52.05, "Kita <Sonne>".into()), (14.0, 52.0, "far".into())], 300.0, "Mitte").unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("<title id=\"map-title\">Mitte</title>"));
        assert_eq!(svg.matches("<circle").count(), 1);
        assert!(svg.contains("Kita &lt;Sonne&gt;"));
        assert!(district_svg("{}", &[], 300.0, "x").is_none());
    }
}
