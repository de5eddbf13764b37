//! Walking reach on the web (issue 14): `/needs/walk` shows, for one life phase, the share of
//! each area's children within 5, 10 and 15 minutes on foot of an offer of the phase — on the
//! imported street network or estimated — as a map and a table, with how it was measured;
//! `/needs/walk.csv` is the table. The figures are the needs analysis' own, read through the
//! same rule.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use kette_app::needs::{Bands, NeedsView, TravelMode, TravelShares};
use kette_store::StreetNetworkInfo;

use crate::error::{render, OrPage, PageError};
use crate::monitoring::{outlines, MAP_WIDTH};
use crate::needs::may_read;
use crate::needs::parse_request;
use crate::svg::{choropleth, MapArea};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/needs/walk", get(page))
        .route("/needs/walk.csv", get(csv))
        .route("/needs/walk/runs", axum::routing::post(save_run))
        .route("/needs/walk/runs/{id}", get(run_page))
        .route("/needs/walk/runs/{id}/csv", get(run_csv))
        .route("/needs/walk/network", axum::routing::post(upload_network))
        .route("/needs/walk/census", axum::routing::post(upload_census))
        .layer_all(axum::extract::DefaultBodyLimit::max(MAX_EXTRACT + 64 * 1024))
}

/// A municipality's extract cut from a state's (osmium extract) is tens of megabytes; a city
/// of a million a little over a hundred.
const MAX_EXTRACT: usize = 400 * 1024 * 1024;

/// The share classes of the map: under a quarter, a half, three quarters, nine tenths, more.
const SHARE_BREAKS: [f64; 4] = [0.25, 0.5, 0.75, 0.9];

fn share_class(share: f64) -> usize {
    SHARE_BREAKS.iter().filter(|b| share >= **b).count()
}

/// At most about this many squares on the map of walking times (a light page on a big city).
const RASTER_CELLS: f64 = 2_500.0;

/// The travel mode asked for (`mode=walking|cycling`, walking by default), and whether the
/// value given was unknown.
fn chosen_mode(params: &HashMap<String, String>) -> (TravelMode, bool) {
    match params.get("mode").map(|m| m.trim()).filter(|m| !m.is_empty()) {
        None => (TravelMode::Walking, false),
        Some(text) => TravelMode::parse(text).map_or((TravelMode::Walking, true), |m| (m, false)),
    }
}

/// The map of walking times as squares of at least 200 m (wider for a big municipality): each
/// takes the walk band of the weighted median of the places children live in it, darker the
/// nearer; a square whose places all lie off the streets is grey. Returns the squares
/// (west, south, east, north) with their class, and the edge in metres.
fn walk_raster(points: &[kette_app::needs::WalkPoint], bbox: [f64; 4]) -> (Vec<([f64; 4], &'static str)>, f64) {
    let [west, south, east, north] = bbox;
    let metres_per_degree = 111_195.0;
    let cos = ((south + north) / 2.0).to_radians().cos();
    let area_m2 = (east - west) * cos * metres_per_degree * (north - south) * metres_per_degree;
    let cell_m = (area_m2 / RASTER_CELLS).sqrt().max(200.0);
    let (dlat, dlon) = (cell_m / metres_per_degree, cell_m / (metres_per_degree * cos));
    let mut squares: std::collections::BTreeMap<(i64, i64), Vec<(u8, f64)>> = Default::default();
    let mut off: std::collections::BTreeSet<(i64, i64)> = Default::default();
    for p in points.iter().filter(|p| p.weight > 0.0) {
        let key = (((p.at[1] - west) / dlon).floor() as i64, ((p.at[0] - south) / dlat).floor() as i64);
        match p.band {
            Some(band) => squares.entry(key).or_default().push((band, p.weight)),
            None => {
                off.insert(key);
            }
        }
    }
    let corners = |(i, j): (i64, i64)| {
        let (w, s) = (west + i as f64 * dlon, south + j as f64 * dlat);
        [w, s, w + dlon, s + dlat]
    };
    let mut classes: std::collections::BTreeMap<(i64, i64), &'static str> = Default::default();
    for (key, mut bands) in squares {
        bands.sort_by_key(|b| b.0);
        let half = bands.iter().map(|b| b.1).sum::<f64>() / 2.0;
        let mut seen = 0.0;
        let band = bands.iter().find(|b| {
            seen += b.1;
            seen >= half
        });
        let class = match band.map(|b| b.0) {
            Some(0) => "c4",
            Some(1) => "c3",
            Some(2) => "c2",
            _ => "c1",
        };
        off.remove(&key);
        classes.insert(key, class);
    }
    classes.extend(off.into_iter().map(|key| (key, "none")));
    // neighbours of one class in a row become one rectangle: a quarter of the squares to send
    let mut cells: Vec<([f64; 4], &'static str)> = vec![];
    let mut run: Option<((i64, i64), i64, &'static str)> = None;
    let flush = |run: Option<((i64, i64), i64, &'static str)>, cells: &mut Vec<([f64; 4], &'static str)>| {
        if let Some(((i, j), last, class)) = run {
            let [w, s, _, n] = corners((i, j));
            cells.push(([w, s, corners((last, j))[2], n], class));
        }
    };
    // rows (j) outer, columns (i) inner
    let mut ordered: Vec<((i64, i64), &'static str)> = classes.into_iter().collect();
    ordered.sort_by_key(|((i, j), _)| (*j, *i));
    for ((i, j), class) in ordered {
        run = match run {
            Some((start, last, c)) if start.1 == j && last + 1 == i && c == class => Some((start, i, c)),
            previous => {
                flush(previous, &mut cells);
                Some(((i, j), i, class))
            }
        };
    }
    flush(run, &mut cells);
    (cells, cell_m)
}

#[derive(Template)]
#[template(path = "walk.html")]
struct WalkPage {
    ctx: Ctx,
    view: std::sync::Arc<NeedsView>,
    phase: String,
    network: Option<StreetNetworkInfo>,
    svg: Option<String>,
    /// the map of walking times from where children live, and its squares' edge in metres
    raster: Option<(String, f64)>,
    /// (district id, name, children of the phase, bands), fewest within ten minutes first
    rows: Vec<(i64, String, Option<f64>, Option<Bands>)>,
    runs: Vec<kette_store::ReachRun>,
    errors: Vec<kette_domain::FieldError>,
    /// why an uploaded extract was refused
    network_error: Option<String>,
    /// the stored census grid, and why an uploaded one was refused
    census: Option<kette_store::CensusGridInfo>,
    census_error: Option<String>,
    /// the field asked for is not in the vocabulary (every field is counted instead)
    domain_error: Option<String>,
    /// on foot (the analysis' own shares) or by bike
    travel: TravelShares,
    /// the travel mode asked for is unknown (walking is shown)
    mode_error: Option<String>,
}

impl WalkPage {
    fn domains(&self) -> Vec<(String, String, bool)> {
        crate::needs::domain_choices(&self.ctx, self.view.domain.as_deref())
    }
    fn domain_note(&self) -> Option<String> {
        crate::needs::domain_note(&self.ctx, &self.view)
    }
    fn walk_census_text(&self) -> String {
        crate::needs::walk_census_text(&self.ctx, &self.view)
    }
    fn domain_param(&self) -> String {
        self.view.domain.as_deref().map(|d| format!("&domain={}", crate::needs::urlencode(d))).unwrap_or_default()
    }
    fn phase_label(&self, code: &str) -> String {
        self.ctx.term("life_phase", code)
    }
    fn is_phase(&self, code: &str) -> bool {
        self.phase == code
    }
    fn level_label(&self, l: &kette_domain::DistrictLevel) -> String {
        if self.ctx.lang == "de" {
            l.label_de.clone()
        } else {
            l.label_en.clone()
        }
    }
    fn legend(&self) -> Vec<(usize, String)> {
        let pct = |x: f64| format!("{} %", self.ctx.fixed(x * 100.0, 0));
        let mut out = vec![(0, format!("< {}", pct(SHARE_BREAKS[0])))];
        for (i, w) in SHARE_BREAKS.windows(2).enumerate() {
            out.push((i + 1, format!("{} – {}", pct(w[0]), pct(w[1]))));
        }
        out.push((SHARE_BREAKS.len(), format!("≥ {}", pct(SHARE_BREAKS[SHARE_BREAKS.len() - 1]))));
        out
    }
    fn raster_legend(&self) -> Vec<(&'static str, String)> {
        ["c4", "c3", "c2", "c1", "none"]
            .into_iter()
            .zip(["walk-raster-5", "walk-raster-10", "walk-raster-15", "walk-raster-beyond", "walk-raster-off"])
            .map(|(class, key)| (class, self.ctx.t(key)))
            .collect()
    }
    fn cycling(&self) -> bool {
        self.travel.mode == TravelMode::Cycling
    }
    fn method_text(&self) -> String {
        match (&self.network, self.cycling()) {
            (Some(n), false) => self.network_text(n, "walk-network"),
            (Some(n), true) => self.network_text(n, "walk-cycling-network"),
            (None, false) => self.ctx.t("walk-estimate"),
            (None, true) => self.ctx.t("walk-cycling-estimate"),
        }
    }
    fn mode_param(&self) -> &'static str {
        if self.cycling() {
            "&mode=cycling"
        } else {
            ""
        }
    }
    fn raster_hint(&self, cell_m: &f64) -> String {
        let key = if self.travel.on_network { "walk-raster-hint-network" } else { "walk-raster-hint-estimate" };
        self.ctx.t_args(key, [("metres", self.ctx.num((cell_m / 10.0).round() as i64 * 10))])
    }
    fn bands(&self, b: &Option<Bands>) -> [String; 3] {
        match b {
            Some(b) => b.map(|x| format!("{} %", self.ctx.fixed(x * 100.0, 0))),
            None => ["–".into(), "–".into(), "–".into()],
        }
    }
    fn children(&self, c: &Option<f64>) -> String {
        c.map_or_else(|| self.ctx.t("needs-withheld"), |c| self.ctx.num(c.round() as i64))
    }
    fn method(&self, method: &str) -> String {
        self.ctx.t(if method == "street_network" { "walk-method-network" } else { "walk-method-estimate" })
    }
    fn census_text(&self, c: &kette_store::CensusGridInfo) -> String {
        self.ctx.t_args(
            "walk-census",
            [
                ("file", c.file_name.clone()),
                ("cells", self.ctx.num(c.cells)),
                ("weight", c.children_column.clone().unwrap_or_else(|| self.ctx.t("walk-census-people"))),
                ("when", self.ctx.moment(&c.imported_at)),
            ],
        )
    }
    fn network_text(&self, n: &StreetNetworkInfo, key: &str) -> String {
        self.ctx.t_args(
            key,
            [
                ("file", n.file_name.clone()),
                ("junctions", self.ctx.num(n.junctions)),
                ("when", self.ctx.moment(&n.imported_at)),
                ("sha", n.sha256.chars().take(12).collect()),
            ],
        )
    }
}

/// The phase asked for (the first with offers by default) and the rows of the table.
fn rows_of(view: &NeedsView, travel: &TravelShares, phase: &str) -> Vec<(i64, String, Option<f64>, Option<Bands>)> {
    let Some(p) = view.matrix.phases.iter().position(|c| c == phase) else { return vec![] };
    let mut rows: Vec<(i64, String, Option<f64>, Option<Bands>)> = view
        .matrix
        .rows
        .iter()
        .map(|r| (r.district, r.name.clone(), r.cells[p].children, travel.bands.get(&r.district).and_then(|b| b[p])))
        .collect();
    rows.sort_by(|a, b| {
        let ten = |r: &(i64, String, Option<f64>, Option<Bands>)| r.3.map_or(2.0, |b| b[1]);
        ten(a).total_cmp(&ten(b)).then(b.2.unwrap_or(0.0).total_cmp(&a.2.unwrap_or(0.0))).then(a.1.cmp(&b.1))
    });
    rows
}

fn chosen_phase(view: &NeedsView, params: &HashMap<String, String>) -> String {
    params
        .get("phase")
        .filter(|p| view.matrix.phases.contains(p))
        .cloned()
        .or_else(|| view.matrix.phases.iter().find(|p| *p == "kita").cloned())
        .or_else(|| view.matrix.phases.first().cloned())
        .unwrap_or_default()
}

async fn page(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    may_read(&ctx)?;
    render(&build(&state, ctx, &params, vec![]).await?)
}

async fn build(
    state: &AppState,
    ctx: Ctx,
    params: &HashMap<String, String>,
    errors: Vec<kette_domain::FieldError>,
) -> Result<WalkPage, PageError> {
    let (mut req, mut choice_errors) = parse_request(params);
    crate::needs::known_domain(&ctx, &mut req, &mut choice_errors);
    let m = ctx.municipality.id;
    let (mode, unknown_mode) = chosen_mode(params);
    let (view, travel) = state.app.travel_shares(&ctx.disclosure(), m, &ctx.vocab, &req, mode).await.or_page()?;
    let phase = chosen_phase(&view, params);
    let rows = rows_of(&view, &travel, &phase);
    let networks = state.store.street_networks(m).await.or_page()?;
    let network = networks.iter().find(|n| n.profile == mode.profile()).cloned();
    let o = outlines(state, m, view.level).await.or_page()?;
    let svg = (!o.areas.is_empty() && view.walk_estimated).then(|| {
        let by_id: HashMap<i64, &Option<Bands>> = rows.iter().map(|r| (r.0, &r.3)).collect();
        let areas: Vec<MapArea> = o
            .areas
            .iter()
            .map(|(id, name, path)| {
                let b = by_id.get(id).copied().copied().flatten();
                MapArea {
                    href: format!("/needs/gaps/{id}/{phase}{}", crate::needs::domain_query(&view)),
                    path,
                    class: b.map(|b| share_class(b[1])),
                    title: format!("{name}: {}", b.map_or_else(|| "–".into(), |b| format!("{} %", ctx.fixed(b[1] * 100.0, 0)))),
                }
            })
            .collect();
        let title = if mode == TravelMode::Cycling { "walk-map-title-cycling" } else { "walk-map-title" };
        choropleth(&areas, MAP_WIDTH, o.height, &ctx.t_args(title, [("phase", ctx.term("life_phase", &phase))]))
    });
    let raster = match o.bbox.and_then(|b| crate::svg::Projection::fit(b, MAP_WIDTH)) {
        Some(projection) if view.walk_estimated => {
            let points = state.app.walk_points(&ctx.disclosure(), m, &ctx.vocab, &req, &phase, mode).await.or_page()?;
            let (cells, cell_m) = walk_raster(&points, o.bbox.unwrap_or_default());
            let title = if mode == TravelMode::Cycling { "walk-raster-title-cycling" } else { "walk-raster-title" };
            let title = ctx.t_args(title, [("phase", ctx.term("life_phase", &phase))]);
            Some((crate::svg::raster(&o.areas, &projection, MAP_WIDTH, &cells, &title), cell_m))
        }
        _ => None,
    };
    let runs = state.store.reach_runs(m).await.or_page()?;
    let domain_error = choice_errors.iter().find(|e| e.field == "domain").map(|e| ctx.t(e.key));
    let mode_error = unknown_mode.then(|| ctx.t("walk-error-mode"));
    let census = state.store.census_grid(m).await.or_page()?;
    Ok(WalkPage {
        ctx,
        view,
        phase,
        network,
        svg,
        raster,
        rows,
        runs,
        errors,
        network_error: None,
        census,
        census_error: None,
        domain_error,
        travel,
        mode_error,
    })
}

/// A census grid table for the municipality (those who may import): refused whole with its
/// cause, or stored so the walks start where the census counts the children.
async fn upload_census(State(state): State<AppState>, ctx: Ctx, multipart: axum::extract::Multipart) -> Result<Response, PageError> {
    if !ctx.can_import() {
        return Err(if ctx.signed_in() { PageError::forbidden() } else { PageError::login_required() });
    }
    let upload = crate::forms::Upload::read(&ctx, multipart, "zensus.csv", MAX_EXTRACT).await?;
    let problem = match upload.file {
        None => Some(ctx.t("walk-network-no-file")),
        Some((name, bytes)) => {
            let by = ctx.user.as_ref().map(|u| u.id);
            match state.app.import_census_grid(ctx.municipality.id, &name, bytes, by).await {
                Ok(_) => None,
                Err(
                    e @ (kette_app::AppError::Reach(_) | kette_app::AppError::CensusElsewhere { .. } | kette_app::AppError::NoDistricts),
                ) => Some(ctx.t_args("walk-census-refused", [("file", name), ("cause", e.to_string())])),
                Err(e) => return Err(PageError::from(e)),
            }
        }
    };
    match problem {
        None => Ok(axum::response::Redirect::to("/needs/walk").into_response()),
        Some(message) => {
            let mut page = build(&state, ctx, &HashMap::new(), vec![]).await?;
            page.census_error = Some(message);
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// An extract uploaded by those who may import: read and built first, stored only when usable.
async fn upload_network(State(state): State<AppState>, ctx: Ctx, multipart: axum::extract::Multipart) -> Result<Response, PageError> {
    if !ctx.can_import() {
        return Err(if ctx.signed_in() { PageError::forbidden() } else { PageError::login_required() });
    }
    let upload = crate::forms::Upload::read(&ctx, multipart, "extract.osm.pbf", MAX_EXTRACT).await?;
    let profile = if upload.field("profile") == "cycling" { "cycling" } else { "walking" };
    let problem = match upload.file {
        None => Some(ctx.t("walk-network-no-file")),
        Some((name, bytes)) => {
            let by = ctx.user.as_ref().map(|u| u.id);
            match state.app.import_street_network(ctx.municipality.id, &name, bytes, profile, by).await {
                Ok(_) => None,
                Err(kette_app::AppError::Reach(e)) => Some(ctx.t_args("walk-network-refused", [("file", name), ("cause", e.to_string())])),
                Err(e) => return Err(PageError::from(e)),
            }
        }
    };
    match problem {
        None => Ok(axum::response::Redirect::to("/needs/walk").into_response()),
        Some(message) => {
            let mut page = build(&state, ctx, &HashMap::new(), vec![]).await?;
            page.network_error = Some(message);
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// Freezes the shares of the chosen level as a run (planning only).
async fn save_run(
    State(state): State<AppState>,
    crate::forms::SignedForm { ctx, form }: crate::forms::SignedForm,
) -> Result<Response, PageError> {
    may_read(&ctx)?;
    if !ctx.plans_needs() {
        return Err(PageError::forbidden());
    }
    let level = form.get("level").parse::<i64>().ok();
    let domain = Some(form.get("domain").trim()).filter(|d| ctx.vocab.of(kette_domain::TermKind::Domain).any(|t| t.code == *d));
    let by = ctx.user.as_ref().map(|u| u.id);
    match state.app.save_reach_run(&ctx.municipality, &ctx.vocab, level, domain, form.get("label"), by).await {
        Ok(id) => Ok(axum::response::Redirect::to(&format!("/needs/walk/runs/{id}")).into_response()),
        Err(kette_app::AppError::Store(kette_store::StoreError::Invalid { errors, .. })) => {
            let params: HashMap<String, String> = level.map(|l| ("level".to_string(), l.to_string())).into_iter().collect();
            let page = build(&state, ctx, &params, errors.0).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(PageError::from(e)),
    }
}

#[derive(Template)]
#[template(path = "walk_run.html")]
struct RunPage {
    ctx: Ctx,
    run: kette_store::ReachRun,
    phases: Vec<String>,
    phase: String,
    shares: Vec<kette_store::ReachRunShare>,
}

impl RunPage {
    fn phase_label(&self, code: &str) -> String {
        self.ctx.term("life_phase", code)
    }
    fn is_phase(&self, code: &str) -> bool {
        self.phase == code
    }
    fn method(&self) -> String {
        self.ctx.t(if self.run.method == "street_network" { "walk-method-network" } else { "walk-method-estimate" })
    }
    fn of_phase(&self) -> Vec<&kette_store::ReachRunShare> {
        let mut rows: Vec<&kette_store::ReachRunShare> = self.shares.iter().filter(|s| s.life_phase == self.phase).collect();
        rows.sort_by(|a, b| a.within[1].total_cmp(&b.within[1]).then(a.district_name.cmp(&b.district_name)));
        rows
    }
    fn bands(&self, s: &kette_store::ReachRunShare) -> [String; 3] {
        s.within.map(|x| format!("{} %", self.ctx.fixed(x * 100.0, 0)))
    }
}

async fn load_run(state: &AppState, ctx: &Ctx, id: i64) -> Result<(kette_store::ReachRun, Vec<kette_store::ReachRunShare>), PageError> {
    let m = ctx.municipality.id;
    let run = state.store.reach_runs(m).await.or_page()?.into_iter().find(|r| r.id == id).ok_or_else(PageError::not_found)?;
    let shares = state.store.reach_run_shares(m, id).await.or_page()?;
    Ok((run, shares))
}

async fn run_page(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Path(id): axum::extract::Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    may_read(&ctx)?;
    let (run, shares) = load_run(&state, &ctx, id).await?;
    let phases: Vec<String> = ctx
        .vocab
        .of(kette_domain::TermKind::LifePhase)
        .map(|t| t.code.clone())
        .filter(|c| shares.iter().any(|s| &s.life_phase == c))
        .collect();
    let phase = params.get("phase").filter(|p| phases.contains(p)).cloned().or_else(|| phases.first().cloned()).unwrap_or_default();
    render(&RunPage { ctx, run, phases, phase, shares })
}

async fn run_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Path(id): axum::extract::Path<i64>,
) -> Result<Response, PageError> {
    may_read(&ctx)?;
    let (run, shares) = load_run(&state, &ctx, id).await?;
    let mut body =
        String::from("run,district_key,district,life_phase,share_within_5_min,share_within_10_min,share_within_15_min,measured_on\n");
    for s in &shares {
        body.push_str(&format!(
            "{},{},{},{},{:.3},{:.3},{:.3},{}\n",
            run.id,
            kette_text::csv_quoted(&s.district_key),
            kette_text::csv_quoted(&s.district_name),
            s.life_phase,
            s.within[0],
            s.within[1],
            s.within[2],
            run.method
        ));
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"fusswege-stand-{}.csv\"", run.id)),
        ],
        body,
    )
        .into_response())
}

async fn csv(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    may_read(&ctx)?;
    let (mut req, mut errors) = parse_request(&params);
    crate::needs::known_domain(&ctx, &mut req, &mut errors);
    if let Some(e) = errors.iter().find(|e| e.field == "domain") {
        return Err(PageError::bad_request(format!("domain: {}", ctx.t(e.key))));
    }
    let (mode, unknown_mode) = chosen_mode(&params);
    if unknown_mode {
        return Err(PageError::bad_request(format!("mode: {}", ctx.t("walk-error-mode"))));
    }
    let (view, travel) = state.app.travel_shares(&ctx.disclosure(), ctx.municipality.id, &ctx.vocab, &req, mode).await.or_page()?;
    let method = if travel.on_network { "street_network" } else { "straight_line_estimate" };
    let opt = |v: Option<f64>, digits: usize| v.map_or_else(String::new, |x| format!("{x:.digits$}"));
    let mut body = String::from(
        "district_key,district,life_phase,children,share_within_5_min,share_within_10_min,share_within_15_min,measured_on,mode\n",
    );
    for (p, phase) in view.matrix.phases.iter().enumerate() {
        for r in &view.matrix.rows {
            let b = travel.bands.get(&r.district).and_then(|b| b[p]);
            body.push_str(&format!(
                "{},{},{phase},{},{},{},{},{},{}\n",
                kette_text::csv_quoted(&r.key),
                kette_text::csv_quoted(&r.name),
                opt(r.cells[p].children, 0),
                opt(b.map(|b| b[0]), 3),
                opt(b.map(|b| b[1]), 3),
                opt(b.map(|b| b[2]), 3),
                if b.is_some() { method } else { "" },
                mode.profile(),
            ));
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.csv\"", if mode == TravelMode::Cycling { "radwege" } else { "fusswege" }),
            ),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_raster_takes_the_weighted_median_band_and_joins_neighbours_of_a_class() {
        use kette_app::needs::WalkPoint;
        // a 2 km × 2 km box at 52° N: squares of 200 m; three in a row near, one far, one off
        let bbox = [13.0, 52.0, 13.0 + 2_000.0 / (111_195.0 * 52f64.to_radians().cos()), 52.0 + 2_000.0 / 111_195.0];
        let dlon = 200.0 / (111_195.0 * 52f64.to_radians().cos());
        let at = |column: f64, row: f64| [52.0 + (row + 0.5) * 200.0 / 111_195.0, 13.0 + (column + 0.5) * dlon];
        let point = |column: f64, row: f64, band: Option<u8>, weight: f64| WalkPoint { at: at(column, row), weight, band };
        let points = [
            point(0.0, 0.0, Some(0), 1.0),
            point(1.0, 0.0, Some(0), 1.0),
            // mostly near by weight: 3 children within five minutes, 1 farther than fifteen
            point(2.0, 0.0, Some(0), 3.0),
            point(2.0, 0.0, Some(3), 1.0),
            point(3.0, 0.0, Some(3), 1.0),
            point(5.0, 0.0, None, 1.0),
            point(0.0, 1.0, Some(1), 0.0),
        ];
        let (cells, cell_m) = walk_raster(&points, bbox);
        assert_eq!(cell_m, 200.0);
        let classes: Vec<&str> = cells.iter().map(|c| c.1).collect();
        assert_eq!(classes, ["c4", "c1", "none"], "{cells:?}");
        // the near run spans three squares, from the box's west edge
        let [w, _, e, _] = cells[0].0;
        assert!((w - 13.0).abs() < 1e-12 && ((e - w) / dlon - 3.0).abs() < 1e-3, "{cells:?}");
    }

    #[test]
    fn shares_fall_into_five_classes() {
        assert_eq!([0.0, 0.249, 0.25, 0.6, 0.75, 0.89, 0.9, 1.0].map(share_class), [0, 0, 1, 2, 3, 3, 4, 4]);
    }
}
