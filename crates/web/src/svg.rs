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

/// Polygons → rings → (lon, lat) of a GeoJSON Polygon or MultiPolygon.
pub fn polygons(geometry: &Value) -> Vec<Vec<Vec<(f64, f64)>>> {
    let ring = |r: &Value| -> Vec<(f64, f64)> {
        r.as_array().map(|pts| pts.iter().filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?))).collect()).unwrap_or_default()
    };
    let polygon = |p: &Value| -> Vec<Vec<(f64, f64)>> { p.as_array().map(|rs| rs.iter().map(ring).collect()).unwrap_or_default() };
    match geometry["type"].as_str() {
        Some("Polygon") => vec![polygon(&geometry["coordinates"])],
        Some("MultiPolygon") => geometry["coordinates"].as_array().map(|ps| ps.iter().map(polygon).collect()).unwrap_or_default(),
        _ => vec![],
    }
}

/// Renders the polygon and points into an SVG `width` pixels wide; None if the geometry is unreadable.
pub fn district_svg(geometry: &str, points: &[(f64, f64, String)], width: f64, title: &str) -> Option<String> {
    let g: Value = serde_json::from_str(geometry).ok()?;
    let bbox = bbox_of([&g])?;
    let p = Projection::fit(bbox, width)?;
    let pad = 4.0;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x:.0} {x:.0} {w:.0} {h:.0}" role="img" aria-labelledby="map-title" class="district-svg"><title id="map-title">{t}</title><path d="{d}" class="district-shape" fill-rule="evenodd"/>"#,
        x = -pad,
        w = width + 2.0 * pad,
        h = p.height.max(1.0) + 2.0 * pad,
        t = escape(title),
        d = p.path(&g)
    );
    let [min_x, min_y, max_x, max_y] = bbox;
    for (lon, lat, name) in points {
        if *lon < min_x || *lon > max_x || *lat < min_y || *lat > max_y {
            continue;
        }
        let (sx, sy) = p.point(*lon, *lat);
        svg.push_str(&format!(r#"<circle cx="{sx:.1}" cy="{sy:.1}" r="4" class="offer-dot"><title>{}</title></circle>"#, escape(name)));
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// A projection of WGS84 coordinates onto an SVG canvas `width` pixels wide, equirectangular at
/// the mean latitude of `bbox` — accurate enough for a city.
pub struct Projection {
    min_x: f64,
    max_y: f64,
    k: f64,
    scale: f64,
    pub height: f64,
}

impl Projection {
    pub fn fit(bbox: [f64; 4], width: f64) -> Option<Projection> {
        let [min_x, min_y, max_x, max_y] = bbox;
        if !(min_x < max_x && min_y < max_y) {
            return None;
        }
        let k = ((min_y + max_y) / 2.0).to_radians().cos();
        let scale = width / ((max_x - min_x) * k);
        Some(Projection { min_x, max_y, k, scale, height: (max_y - min_y) * scale })
    }

    pub fn point(&self, x: f64, y: f64) -> (f64, f64) {
        ((x - self.min_x) * self.k * self.scale, (self.max_y - y) * self.scale)
    }

    /// SVG path data of a (Multi)Polygon, thinned to about one pixel.
    pub fn path(&self, geometry: &Value) -> String {
        let mut d = String::new();
        for ring in rings(geometry) {
            let mut last: Option<(f64, f64)> = None;
            for (i, &(x, y)) in ring.iter().enumerate() {
                let (sx, sy) = self.point(x, y);
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
        d
    }
}

/// Bounding box [min_lon, min_lat, max_lon, max_lat] over several GeoJSON geometries.
pub fn bbox_of<'a>(geometries: impl IntoIterator<Item = &'a Value>) -> Option<[f64; 4]> {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for g in geometries {
        for (x, y) in rings(g).into_iter().flatten() {
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        }
    }
    (b[0] < b[2]).then_some(b)
}

/// One area of a choropleth map.
pub struct MapArea<'a> {
    pub href: String,
    pub path: &'a str,
    /// Class index for the fill (0-based), None = no value.
    pub class: Option<usize>,
    pub title: String,
}

/// Numbered points (the finder's results) over district outlines already projected by `p`,
/// zoomed to the points: the drawing's view box is the points' extent with a margin (at least
/// about 1.5 km across), and markers, numbers and district names are sized for that view so
/// they stay legible at any zoom. `label_levels` are district names at a point inside each
/// district, one list per level of the hierarchy from coarse to fine; the coarsest level with
/// at least two names in view is written, for orientation. The numbers repeat the list's,
/// which carries the same information.
pub fn numbered_points(
    outlines: &[(i64, String, String)],
    p: &Projection,
    width: f64,
    points: &[(usize, f64, f64)],
    label_levels: &[Vec<(String, f64, f64)>],
    title: &str,
) -> String {
    let full = (0.0, 0.0, width, p.height.max(1.0));
    let projected: Vec<(usize, f64, f64)> = points
        .iter()
        .map(|(n, lon, lat)| {
            let (x, y) = p.point(*lon, *lat);
            (*n, x, y)
        })
        .collect();
    let (x, y, w, h) = match projected.first() {
        None => full,
        Some(_) => {
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for (_, x, y) in &projected {
                x0 = x0.min(*x);
                y0 = y0.min(*y);
                x1 = x1.max(*x);
                y1 = y1.max(*y);
            }
            // drawing units per kilometre, from 0.01° of latitude (1.11 km)
            let (_, ya) = p.point(0.0, 0.0);
            let (_, yb) = p.point(0.0, 0.01);
            let per_km = ((ya - yb).abs() / 1.11).max(1e-9);
            let min_span = 1.5 * per_km;
            let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            let mut w = ((x1 - x0) * 1.3).max(min_span);
            let mut h = ((y1 - y0) * 1.3).max(min_span);
            // neither a strip nor a tower: between 2:3 and 3:2
            if w / h > 1.5 {
                h = w / 1.5;
            } else if h / w > 1.5 {
                w = h / 1.5;
            }
            // never wider than the whole map
            if w >= full.2 || h >= full.3 {
                full
            } else {
                (cx - w / 2.0, cy - h / 2.0, w, h)
            }
        }
    };
    // sizes in view units: what 760 px show of the whole map, whatever the zoom
    let k = w / width;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x:.1} {y:.1} {w:.1} {h:.1}" role="img" aria-label="{t}" class="results-svg">"#,
        t = escape(title)
    );
    for (_, _, path) in outlines {
        svg.push_str(&format!(r#"<path d="{path}" class="district-shape"/>"#));
    }
    let in_view = |lon: f64, lat: f64| {
        let (lx, ly) = p.point(lon, lat);
        lx >= x && lx <= x + w && ly >= y && ly <= y + h
    };
    let visible = |level: &Vec<(String, f64, f64)>| level.iter().filter(|(_, lon, lat)| in_view(*lon, *lat)).count();
    let labels = label_levels
        .iter()
        .find(|level| visible(level) >= 2)
        .or_else(|| label_levels.iter().rev().find(|level| visible(level) >= 1))
        .cloned()
        .unwrap_or_default();
    for (name, lon, lat) in &labels {
        let (lx, ly) = p.point(*lon, *lat);
        if in_view(*lon, *lat) {
            svg.push_str(&format!(
                r#"<text x="{lx:.1}" y="{ly:.1}" class="area-name" font-size="{fs:.2}" aria-hidden="true">{}</text>"#,
                escape(name),
                fs = 13.0 * k
            ));
        }
    }
    for (n, px, py) in &projected {
        svg.push_str(&format!(
            r#"<circle cx="{px:.1}" cy="{py:.1}" r="{r:.2}" class="offer-dot"/><text x="{px:.1}" y="{ty:.1}" class="offer-no" font-size="{fs:.2}">{n}</text>"#,
            r = 10.0 * k,
            fs = 12.0 * k,
            ty = py + 4.2 * k
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// A point inside each district to write its name at: the middle of its largest ring's extent,
/// or of the whole extent.
pub fn label_points(simplified: &[(i64, Value)], names: &[(i64, String, String)]) -> Vec<(String, f64, f64)> {
    simplified
        .iter()
        .filter_map(|(id, g)| {
            let name = names.iter().find(|(i, _, _)| i == id)?.1.clone();
            let ring = rings(g).into_iter().max_by_key(|r| r.len())?;
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for (x, y) in ring {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
            Some((name, (x0 + x1) / 2.0, (y0 + y1) / 2.0))
        })
        .collect()
}

/// A choropleth map: every area a link to its page with a tooltip title; fills by class.
/// For pointer users only: the links leave the tab order and the drawing is hidden from
/// assistive technology, because the ranking table beside it carries the same values and links.
pub fn choropleth(areas: &[MapArea<'_>], width: f64, height: f64, title: &str) -> String {
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" aria-hidden="true" focusable="false" class="choropleth"><title>{}</title>"#,
        escape(title)
    );
    for a in areas {
        let class = a.class.map(|c| format!("c{c}")).unwrap_or_else(|| "none".into());
        svg.push_str(&format!(
            r#"<a href="{}" tabindex="-1"><path d="{}" class="{class}"><title>{}</title></path></a>"#,
            escape(&a.href),
            a.path,
            escape(&a.title)
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// Squares over the district outlines, each filled by its class (a raster of walking times):
/// `cells` are (west, south, east, north) in degrees with a class; the outlines are drawn on
/// top, unfilled, so the areas stay recognisable.
pub fn raster(outlines: &[(i64, String, String)], p: &Projection, width: f64, cells: &[([f64; 4], &str)], title: &str) -> String {
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {:.0}" aria-hidden="true" focusable="false" class="choropleth raster"><title>{}</title>"#,
        p.height.max(1.0),
        escape(title)
    );
    for ([west, south, east, north], class) in cells {
        let (x0, y0) = p.point(*west, *north);
        let (x1, y1) = p.point(*east, *south);
        svg.push_str(&format!(r#"<rect x="{x0:.1}" y="{y0:.1}" width="{:.1}" height="{:.1}" class="{class}"/>"#, x1 - x0, y1 - y0));
    }
    for (_, _, path) in outlines {
        svg.push_str(&format!(r#"<path d="{path}" class="outline"/>"#));
    }
    svg.push_str("</svg>");
    svg
}

/// A strip plot of a distribution: one mark per district along the value axis, coloured by
/// class, with the class breaks as lines. Decorative next to the ranking table (aria-hidden).
pub fn strip_plot(values: &[(f64, usize)], breaks: &[f64], width: f64, fmt: impl Fn(f64) -> String) -> String {
    let (lo, hi) = values.iter().fold((f64::MAX, f64::MIN), |(a, b), (v, _)| (a.min(*v), b.max(*v)));
    if values.is_empty() || hi <= lo {
        return String::new();
    }
    let pad = 12.0;
    let x = |v: f64| pad + (v - lo) / (hi - lo) * (width - 2.0 * pad);
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} 56" aria-hidden="true" focusable="false" class="strip">"#
    );
    for b in breaks {
        svg.push_str(&format!(r#"<line x1="{0:.1}" x2="{0:.1}" y1="4" y2="36" class="break"/>"#, x(*b)));
    }
    for (i, (v, class)) in values.iter().enumerate() {
        // spread marks vertically a little so dense regions stay readable
        let y = 10.0 + (i % 5) as f64 * 5.0;
        svg.push_str(&format!(r#"<circle cx="{:.1}" cy="{y:.0}" r="3" class="c{class}"/>"#, x(*v)));
    }
    svg.push_str(&format!(
        r#"<text x="{pad}" y="52" class="axis">{}</text><text x="{:.0}" y="52" text-anchor="end" class="axis">{}</text></svg>"#,
        escape(&fmt(lo)),
        width - pad,
        escape(&fmt(hi))
    ));
    svg
}

/// A goal's small chart: the observed values as a line with points and the agreed path from
/// baseline to target dashed. Hidden from assistive technology: the table beside it holds the
/// same values. Empty when there is nothing to draw.
pub fn goal_chart(values: &[(i32, f64)], path: Option<[(i32, f64); 2]>, width: f64, fmt: impl Fn(f64) -> String) -> String {
    let points: Vec<(i32, f64)> = values.iter().copied().chain(path.into_iter().flatten()).collect();
    if points.len() < 2 {
        return String::new();
    }
    let (x0, x1) = points.iter().fold((i32::MAX, i32::MIN), |(a, b), (y, _)| (a.min(*y), b.max(*y)));
    let (lo, hi) = points.iter().fold((f64::MAX, f64::MIN), |(a, b), (_, v)| (a.min(*v), b.max(*v)));
    let (lo, hi) = if hi > lo { (lo - (hi - lo) * 0.1, hi + (hi - lo) * 0.1) } else { (lo - 1.0, hi + 1.0) };
    let (height, left, right, top, bottom) = (160.0, 52.0, 12.0, 10.0, 24.0);
    let x = |year: i32| left + if x1 > x0 { f64::from(year - x0) / f64::from(x1 - x0) } else { 0.5 } * (width - left - right);
    let y = |v: f64| top + (hi - v) / (hi - lo) * (height - top - bottom);
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" aria-hidden="true" focusable="false" class="goal-chart">"#
    );
    svg.push_str(&format!(
        r#"<line x1="{left}" x2="{left}" y1="{top}" y2="{:.0}" class="axis-line"/><line x1="{left}" x2="{:.0}" y1="{:.0}" y2="{:.0}" class="axis-line"/>"#,
        height - bottom,
        width - right,
        height - bottom,
        height - bottom
    ));
    for v in [hi, lo] {
        svg.push_str(&format!(
            r#"<text x="{:.0}" y="{:.1}" text-anchor="end" class="axis">{}</text>"#,
            left - 4.0,
            y(v) + 4.0,
            escape(&fmt(v))
        ));
    }
    for year in [x0, x1] {
        svg.push_str(&format!(r#"<text x="{:.1}" y="{:.0}" text-anchor="middle" class="axis">{year}</text>"#, x(year), height - 6.0));
    }
    if let Some([(by, bv), (ty, tv)]) = path {
        svg.push_str(&format!(r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" class="path"/>"#, x(by), y(bv), x(ty), y(tv)));
    }
    if !values.is_empty() {
        let line: Vec<String> = values.iter().map(|(yr, v)| format!("{:.1},{:.1}", x(*yr), y(*v))).collect();
        svg.push_str(&format!(r#"<polyline points="{}" class="observed"/>"#, line.join(" ")));
        for (yr, v) in values {
            svg.push_str(&format!(r#"<circle cx="{:.1}" cy="{:.1}" r="3" class="observed"/>"#, x(*yr), y(*v)));
        }
    }
    svg.push_str("</svg>");
    svg
}

/// A column of the chain diagram: a life phase with how many offers serve it.
pub struct ChainColumn {
    pub label: String,
    pub count_label: String,
}

/// A box of the chain diagram: an offer in the column of its earliest life phase.
pub struct ChainBox {
    pub column: usize,
    pub title: String,
    pub organisation: String,
    /// Located outside the chosen district (drawn dashed).
    pub outside: bool,
}

/// A transition between the columns `column` and `column + 1`, and whether anything bridges it.
pub struct ChainGap {
    pub column: usize,
    pub label: String,
    pub bridged: bool,
}

const CHAIN_BOXES_PER_COLUMN: usize = 14;

/// The chain of a district drawn on the server: life phases as columns, the linked offers as
/// boxes, the steps as arrows, and a mark on each transition saying whether it is bridged. Hidden
/// from assistive technology: the tables under it say the same. Boxes beyond fourteen a column
/// are counted, not drawn, and so are their arrows.
pub fn chain_diagram(
    columns: &[ChainColumn],
    boxes: &[ChainBox],
    links: &[(usize, usize)],
    gaps: &[ChainGap],
    more: &dyn Fn(usize) -> String,
) -> String {
    let (col_w, gap_w, box_h, box_gap, top) = (170.0, 56.0, 40.0, 10.0, 74.0);
    let mut row_of: Vec<Option<usize>> = vec![None; boxes.len()];
    let mut filled = vec![0usize; columns.len()];
    let mut hidden = vec![0usize; columns.len()];
    for (i, b) in boxes.iter().enumerate() {
        let c = b.column.min(columns.len().saturating_sub(1));
        if filled[c] < CHAIN_BOXES_PER_COLUMN {
            row_of[i] = Some(filled[c]);
            filled[c] += 1;
        } else {
            hidden[c] += 1;
        }
    }
    let rows = filled.iter().copied().max().unwrap_or(0) + usize::from(hidden.iter().any(|h| *h > 0));
    let width = columns.len() as f64 * (col_w + gap_w) - gap_w + 8.0;
    let height = top + rows.max(1) as f64 * (box_h + box_gap) + 12.0;
    let x = |c: usize| 4.0 + c as f64 * (col_w + gap_w);
    let y = |r: usize| top + r as f64 * (box_h + box_gap);
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" aria-hidden="true" focusable="false" class="chain-svg"><defs><marker id="chain-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="chain-arrowhead"/></marker></defs>"#
    );
    let clip =
        |s: &str, n: usize| if s.chars().count() > n { format!("{}…", s.chars().take(n - 1).collect::<String>()) } else { s.to_string() };
    for (c, col) in columns.iter().enumerate() {
        svg.push_str(&format!(
            r#"<rect x="{:.0}" y="4" width="{col_w:.0}" height="{:.0}" class="chain-column"/><text x="{:.0}" y="24" class="chain-phase">{}</text><text x="{:.0}" y="42" class="chain-count">{}</text>"#,
            x(c),
            height - 8.0,
            x(c) + 8.0,
            escape(&clip(&col.label, 24)),
            x(c) + 8.0,
            escape(&col.count_label)
        ));
        if hidden[c] > 0 {
            svg.push_str(&format!(
                r#"<text x="{:.0}" y="{:.0}" class="chain-count">{}</text>"#,
                x(c) + 8.0,
                y(filled[c]) + 20.0,
                escape(&more(hidden[c]))
            ));
        }
    }
    for g in gaps.iter().filter(|g| g.column + 1 < columns.len()) {
        let cx = x(g.column) + col_w + gap_w / 2.0;
        let (class, mark) = if g.bridged { ("chain-bridged", "✓") } else { ("chain-unbridged", "!") };
        svg.push_str(&format!(
            r#"<g class="{class}"><title>{}</title><circle cx="{cx:.0}" cy="34" r="13"/><text x="{cx:.0}" y="39" text-anchor="middle">{mark}</text></g>"#,
            escape(&g.label)
        ));
    }
    for &(a, b) in links {
        let (Some(ra), Some(rb)) = (row_of.get(a).copied().flatten(), row_of.get(b).copied().flatten()) else { continue };
        let (ca, cb) = (boxes[a].column.min(columns.len() - 1), boxes[b].column.min(columns.len() - 1));
        let (ya, yb) = (y(ra) + box_h / 2.0, y(rb) + box_h / 2.0);
        let d = if ca == cb {
            // a step within a phase: a bend out to the right of the column
            let xr = x(ca) + col_w;
            format!("M{xr:.0},{ya:.0} C{:.0},{ya:.0} {:.0},{yb:.0} {xr:.0},{yb:.0}", xr + 30.0, xr + 30.0)
        } else {
            let (x1, x2) = if ca < cb { (x(ca) + col_w, x(cb)) } else { (x(ca), x(cb) + col_w) };
            let mid = (x1 + x2) / 2.0;
            format!("M{x1:.0},{ya:.0} C{mid:.0},{ya:.0} {mid:.0},{yb:.0} {x2:.0},{yb:.0}")
        };
        svg.push_str(&format!(r#"<path d="{d}" class="chain-link" marker-end="url(#chain-arrow)"/>"#));
    }
    for (i, b) in boxes.iter().enumerate() {
        let Some(r) = row_of[i] else { continue };
        let c = b.column.min(columns.len() - 1);
        svg.push_str(&format!(
            r#"<g class="chain-offer{}"><title>{} – {}</title><rect x="{:.0}" y="{:.0}" width="{:.0}" height="{box_h:.0}" rx="4"/><text x="{:.0}" y="{:.0}" class="chain-title">{}</text><text x="{:.0}" y="{:.0}" class="chain-org">{}</text></g>"#,
            if b.outside { " outside" } else { "" },
            escape(&b.title),
            escape(&b.organisation),
            x(c) + 6.0,
            y(r),
            col_w - 12.0,
            x(c) + 12.0,
            y(r) + 17.0,
            escape(&clip(&b.title, 26)),
            x(c) + 12.0,
            y(r) + 32.0,
            escape(&clip(&b.organisation, 28))
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The colour class of an organisation's main domain in the network picture.
pub fn domain_class(domain: Option<&str>) -> &'static str {
    match domain {
        Some("health") => "d-health",
        Some("education") => "d-education",
        Some("youth_welfare") => "d-youth",
        Some("social_security") => "d-social",
        Some("participation") => "d-participation",
        Some("protection") => "d-protection",
        _ => "d-none",
    }
}

/// The network drawn on the server for readers without JavaScript: the tied organisations as
/// dots coloured by domain and sized by ties, the ties as lines, and the names of the `labelled`
/// most central ones. Hidden from assistive technology: the tables on the page say the same.
pub fn network_svg(nodes: &[(f64, f64, usize, Option<&str>, &str, f64)], edges: &[(usize, usize)], labelled: usize) -> String {
    if nodes.is_empty() {
        return String::new();
    }
    let size = 800.0;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size:.0} {size:.0}" aria-hidden="true" focusable="false" class="network-svg">"#
    );
    for &(a, b) in edges {
        let (Some(p), Some(q)) = (nodes.get(a), nodes.get(b)) else { continue };
        svg.push_str(&format!(
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" class="tie"/>"#,
            p.0 * size,
            p.1 * size,
            q.0 * size,
            q.1 * size
        ));
    }
    let mut by_centrality: Vec<usize> = (0..nodes.len()).collect();
    by_centrality.sort_by(|a, b| nodes[*b].5.total_cmp(&nodes[*a].5).then(nodes[*b].2.cmp(&nodes[*a].2)));
    let named: std::collections::HashSet<usize> = by_centrality.into_iter().take(labelled).collect();
    for (i, (x, y, degree, domain, label, _)) in nodes.iter().enumerate() {
        let r = 4.0 + (*degree as f64).sqrt() * 2.5;
        svg.push_str(&format!(
            r#"<circle cx="{:.1}" cy="{:.1}" r="{r:.1}" class="{}"><title>{}</title></circle>"#,
            x * size,
            y * size,
            domain_class(*domain),
            escape(label)
        ));
        if named.contains(&i) {
            let short: String =
                if label.chars().count() > 28 { format!("{}…", label.chars().take(27).collect::<String>()) } else { label.to_string() };
            svg.push_str(&format!(
                r#"<text x="{:.1}" y="{:.1}" class="name">{}</text>"#,
                x * size + r + 2.0,
                y * size + 4.0,
                escape(&short)
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_diagram_marks_gaps_and_counts_what_it_cannot_draw() {
        let columns: Vec<ChainColumn> =
            (0..3).map(|i| ChainColumn { label: format!("Phase {i}"), count_label: format!("{i} Angebote") }).collect();
        let mut boxes = vec![
            ChainBox { column: 0, title: "Willkommensbesuch <neu>".into(), organisation: "A".into(), outside: false },
            ChainBox { column: 1, title: "Kita".into(), organisation: "B".into(), outside: true },
        ];
        boxes.extend((0..16).map(|i| ChainBox { column: 2, title: format!("Schule {i}"), organisation: "C".into(), outside: false }));
        let gaps = [
            ChainGap { column: 0, label: "Familie → Kita".into(), bridged: true },
            ChainGap { column: 1, label: "Kita → Schule".into(), bridged: false },
        ];
        let svg = chain_diagram(&columns, &boxes, &[(0, 1), (1, 17)], &gaps, &|n| format!("+ {n} weitere"));
        assert!(svg.contains("Willkommensbesuch &lt;neu&gt;"), "titles are escaped");
        assert_eq!(svg.matches(r#"class="chain-unbridged""#).count(), 1);
        assert_eq!(svg.matches(r#"class="chain-bridged""#).count(), 1);
        assert!(svg.contains("+ 2 weitere"), "fourteen boxes a column, the rest counted");
        // the link to an undrawn box is left out, the other drawn
        assert_eq!(svg.matches(r#"class="chain-link""#).count(), 1);
        assert!(svg.contains(r#"class="chain-offer outside""#));
    }

    #[test]
    fn the_network_picture_draws_ties_and_names_the_most_central() {
        let nodes =
            [(0.1, 0.1, 1, Some("health"), "A & B", 0.0), (0.5, 0.5, 2, Some("education"), "Broker", 1.0), (0.9, 0.9, 1, None, "C", 0.0)];
        let svg = network_svg(&nodes, &[(0, 1), (1, 2), (1, 9)], 1);
        assert_eq!(svg.matches("<line").count(), 2, "a tie to no node is left out");
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains(">Broker</text>") && !svg.contains(">C</text>"), "only the most central is named");
        assert!(svg.contains("<title>A &amp; B</title>") && svg.contains(r#"class="d-none""#));
        assert!(network_svg(&[], &[], 3).is_empty());
    }

    #[test]
    fn a_goal_chart_draws_the_path_and_the_observed_line() {
        let svg = goal_chart(&[(2018, 30.0), (2020, 28.0), (2022, 29.0)], Some([(2018, 30.0), (2024, 24.0)]), 320.0, |v| format!("{v:.0}"));
        assert!(svg.contains(r#"class="path""#));
        assert_eq!(svg.matches("<circle").count(), 3);
        // the years span baseline to target, the values the whole range with a margin
        assert!(svg.contains(">2018<") && svg.contains(">2024<"));
        assert!(goal_chart(&[(2020, 1.0)], None, 320.0, |v| v.to_string()).is_empty());
    }

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

#[cfg(test)]
mod zoom_tests {
    use super::*;

    fn view_box(svg: &str) -> Vec<f64> {
        let start = svg.find("viewBox=\"").unwrap() + 9;
        svg[start..start + svg[start..].find('"').unwrap()].split(' ').map(|v| v.parse().unwrap()).collect()
    }

    #[test]
    fn results_within_a_kilometre_fill_the_map_and_numbers_stay_legible() {
        // a city about 40 km across drawn 760 units wide
        let p = Projection::fit([13.1, 52.35, 13.7, 52.65], 760.0).unwrap();
        let near = [(1, 13.40, 52.50), (2, 13.405, 52.502), (3, 13.41, 52.498)];
        let labels = vec![vec![("Mitte".to_string(), 13.402, 52.501), ("Spandau".to_string(), 13.2, 52.53)]];
        let svg = numbered_points(&[], &p, 760.0, &near, &labels, "Karte");
        let vb = view_box(&svg);
        assert!(vb[2] < 60.0, "zoomed to the results, not the whole city: {vb:?}");
        assert!(svg.contains(">Mitte</text>") && !svg.contains("Spandau"), "names of the districts in view only");
        // marker size scales with the view: the same share of the drawing at any zoom
        let r: f64 = svg.split("r=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        assert!((r / vb[2] - 10.0 / 760.0).abs() < 1e-3, "{r} in {vb:?}");
        // points across the city: the whole map
        let far = [(1, 13.15, 52.4), (2, 13.65, 52.6)];
        assert_eq!(view_box(&numbered_points(&[], &p, 760.0, &far, &[], "Karte"))[2], 760.0);
    }
}
