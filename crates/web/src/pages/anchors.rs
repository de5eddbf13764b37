//! Anchor points: places families already go to (Kita, school, family centre), per district,
//! with the offers reachable from each — the places where a chain reaches families first.
//! Reach is a straight-line radius until the reachability engine walks the street network.

use super::*;

/// Offers within this distance of an anchor point count as reachable from it: a quarter of an
/// hour on foot.
pub const ANCHOR_RADIUS_M: f64 = 1000.0;
/// The nearest offers listed under each anchor point.
const LISTED: usize = 5;
/// Anchor points per page (each row runs a search around its place).
const PER_PAGE: usize = 25;

pub struct AnchorRow {
    pub number: usize,
    pub location: Location,
    pub district: Option<String>,
    /// Offers the audience may see within [`ANCHOR_RADIUS_M`], all of them.
    pub reachable: usize,
    /// The nearest of them: (offer, title, distance text).
    pub nearest: Vec<(i64, String, String)>,
    /// The finder's search around this point.
    pub search_link: String,
}

#[derive(Template)]
#[template(path = "anchors.html")]
pub(super) struct AnchorsPage {
    ctx: Ctx,
    rows: Vec<AnchorRow>,
    /// All anchor points of the chosen district.
    total: usize,
    district: Option<i64>,
    district_options: Vec<(i64, String, i64)>,
    map_svg: Option<String>,
    /// Without a district: the top-level districts with their number of anchor points.
    overview: Vec<(i64, String, usize)>,
    pager: Option<Pager>,
}

impl AnchorsPage {
    fn selected(&self, id: &i64) -> bool {
        self.district == Some(*id)
    }
}

pub(super) async fn anchor_points(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let district = match q(&params, "district") {
        Some(d) => Some(d.parse::<i64>().map_err(|_| PageError::bad_request_key("error-unknown-district"))?),
        None => None,
    };
    let scope = ctx.disclosure().place_scope();
    let district_options = crate::pages::district_options(&state, &ctx).await?;
    let Some(district) = district else {
        // the whole city is thousands of places: first the districts, then one district's list
        let mut overview = vec![];
        for (id, name, level) in district_options.iter().filter(|(_, _, level)| *level == 1) {
            let _ = level;
            overview.push((*id, name.clone(), state.store.anchor_points(m, Some(*id), &scope).await.or_page()?.len()));
        }
        let total = overview.iter().map(|o| o.2).sum();
        return render(&AnchorsPage { ctx, rows: vec![], total, district: None, district_options, map_svg: None, overview, pager: None });
    };
    let places = state.store.anchor_points(m, Some(district), &scope).await.or_page()?;
    let total = places.len();
    let pages = total.div_ceil(PER_PAGE).max(1) as i64;
    let page = q(&params, "page").and_then(|p| p.parse::<i64>().ok()).unwrap_or(1).clamp(1, pages);
    let names: HashMap<i64, String> = district_options.iter().map(|(id, name, _)| (*id, name.clone())).collect();
    let audience = ctx.search_audience();
    let catalogue = state.finder.catalogue(&state.store, m).await.map_err(|e| PageError::internal(e.to_string()))?;
    let start = (page as usize - 1) * PER_PAGE;
    let mut rows = vec![];
    for (i, location) in places.iter().enumerate().skip(start).take(PER_PAGE) {
        let location = location.clone();
        let (reachable, nearest, search_link) = match (location.lat, location.lon) {
            (Some(lat), Some(lon)) => {
                let request = kette_search::SearchRequest {
                    near: Some(kette_search::Point { lat, lon }),
                    radius_m: Some(ANCHOR_RADIUS_M),
                    sort: kette_search::Sort::Distance,
                    audience,
                    limit: LISTED,
                    ..Default::default()
                };
                let found = catalogue.search(&request).map_err(|e| PageError::internal(e.to_string()))?;
                let nearest = found
                    .hits
                    .iter()
                    .map(|h| (h.doc.offer_id, h.doc.title.clone(), crate::finder::distance_text(&ctx, h.distance_m.unwrap_or(0.0))))
                    .collect();
                (found.total, nearest, format!("/search?lat={lat}&lon={lon}&radius_m={}#results", ANCHOR_RADIUS_M as u32))
            }
            _ => (0, vec![], String::new()),
        };
        let district = location.district_id.and_then(|d| names.get(&d).cloned());
        rows.push(AnchorRow { number: i + 1, location, district, reachable, nearest, search_link });
    }
    // the map shows this page's anchor points, numbered as in the list (all of a borough's
    // hundreds would pile into one blob)
    let outlines = crate::monitoring::outlines(&state, m, 1).await.or_page()?;
    let labels = crate::monitoring::orientation_labels(&state, m).await?;
    let map_svg = outlines.bbox.and_then(|b| crate::svg::Projection::fit(b, crate::monitoring::MAP_WIDTH)).and_then(|p| {
        let dots: Vec<(usize, f64, f64)> = rows.iter().filter_map(|r| Some((r.number, r.location.lon?, r.location.lat?))).collect();
        (!dots.is_empty()).then(|| {
            crate::svg::numbered_points(&outlines.areas, &p, crate::monitoring::MAP_WIDTH, &dots, &labels, &ctx.t("anchors-map-title"))
        })
    });
    let link = |n: i64| format!("/anchor-points?district={district}&page={n}");
    let pager = Some(Pager {
        total: total as i64,
        page,
        pages,
        prev: (page > 1).then(|| link(page - 1)),
        next: (page < pages).then(|| link(page + 1)),
    });
    render(&AnchorsPage { ctx, rows, total, district: Some(district), district_options, map_svg, overview: vec![], pager })
}
