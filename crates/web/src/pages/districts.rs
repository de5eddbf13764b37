//! District pages: the hierarchy, one district's profile (population, indicators, offers, map) as the reader may see it, and two districts side by side.

use super::*;

#[derive(Template)]
#[template(path = "districts.html")]
pub(super) struct DistrictsPage {
    ctx: Ctx,
    top: Vec<DistrictSummary>,
    level_label: String,
}

pub(super) async fn districts(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let top = state.store.district_children(ctx.municipality.id, None).await.or_page()?;
    let levels = state.store.district_levels(ctx.municipality.id).await.or_page()?;
    let level_label = levels.first().map(|l| if ctx.lang == "en" { l.label_en.clone() } else { l.label_de.clone() }).unwrap_or_default();
    render(&DistrictsPage { top, level_label, ctx })
}

/// One cell of the district profile's indicator table.
pub struct IndicatorCell {
    /// None: no value, or withheld for confidentiality
    pub value: Option<f64>,
    pub withheld: bool,
    /// 95 % Wilson interval in percent, for rates with numerator and denominator
    pub ci: Option<(f64, f64)>,
    /// the denominator is below the indicator's minimum: read with care
    pub small_base: bool,
    /// carried from another boundary version: an estimate
    pub carried_from: Option<String>,
}

pub struct IndicatorRow {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub values: Vec<IndicatorCell>,
    /// mean over all districts of the same level in the latest year of this row
    pub city_mean: Option<f64>,
    /// change per year (least squares over the shown years)
    pub trend: Option<f64>,
}

#[derive(Template)]
#[template(path = "district.html")]
pub(super) struct DistrictPage {
    ctx: Ctx,
    detail: DistrictDetail,
    level_label: String,
    child_level_label: String,
    pop_years: Vec<i32>,
    pop_rows: Vec<(String, Vec<PublicCount>)>,
    pop_totals: Vec<PublicCount>,
    pop_suppressed: bool,
    ind_years: Vec<i32>,
    indicators: Vec<IndicatorRow>,
    offers: Vec<OfferSummary>,
    total_offers: i64,
    svg: Option<String>,
    matrix: ChainMatrix,
    /// other districts under the same parent, for the side-by-side comparison
    siblings: Vec<(i64, String)>,
}

impl DistrictPage {
    /// The boundary versions values in the table were carried from, for the note under it.
    fn carried_versions(&self) -> String {
        let mut v: Vec<&str> = self.indicators.iter().flat_map(|i| i.values.iter().filter_map(|c| c.carried_from.as_deref())).collect();
        v.sort_unstable();
        v.dedup();
        v.join(", ")
    }
    fn rows(&self) -> Vec<MatrixRow> {
        matrix_rows(&self.matrix)
    }
    fn fmt_trend(&self, v: &Option<f64>) -> String {
        match v {
            Some(x) if x.abs() < 0.005 => "±0".into(),
            Some(x) if *x > 0.0 => format!("+{}", self.ctx.fixed(*x, 2)),
            Some(x) => self.ctx.fixed(*x, 2),
            None => "–".into(),
        }
    }
    fn fmt_ci(&self, ci: &Option<(f64, f64)>) -> String {
        ci.map(|(lo, hi)| format!("{}–{}", self.fmt_value(Some(lo)), self.fmt_value(Some(hi)))).unwrap_or_default()
    }
    fn fmt_value(&self, v: impl std::borrow::Borrow<Option<f64>>) -> String {
        let v = *v.borrow();
        match v {
            Some(x) => self.ctx.fixed(x, 1),
            None => "–".into(),
        }
    }
}

pub(super) async fn district(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let detail = state.store.district(m, id).await.or_page()?;
    let levels = state.store.district_levels(m).await.or_page()?;
    let label = |level: i64| {
        levels
            .iter()
            .find(|l| l.level == level)
            .map(|l| if ctx.lang == "en" { l.label_en.clone() } else { l.label_de.clone() })
            .unwrap_or_default()
    };
    let level_label = label(detail.district.level);
    let child_level_label = label(detail.district.level + 1);
    // population (age groups × years) and indicators as this reader may see them
    let disclosure = ctx.disclosure();
    let pop = state.app.population(&disclosure, m, id).await.or_page()?;
    let (pop_years, pop_suppressed, pop_totals) = (pop.years, pop.suppressed, pop.totals);
    let pop_rows = pop.groups.into_iter().map(|(group, counts)| (group.code(), counts)).collect();
    let figures = state.app.figures(&disclosure, m).await.or_page()?;
    let obs: Vec<&kette_app::Figure> = figures.of_district(id).collect();
    let defs = state.store.indicators(m).await.or_page()?;
    let mut ind_years: Vec<i32> = obs.iter().map(|f| f.observation.year).collect();
    ind_years.sort_unstable();
    ind_years.dedup();
    let mut indicators: Vec<IndicatorRow> = vec![];
    for d in &defs {
        let mine: Vec<_> = obs.iter().filter(|f| f.observation.indicator_id == d.id).collect();
        if mine.is_empty() {
            continue;
        }
        let values: Vec<IndicatorCell> = ind_years
            .iter()
            .map(|y| match mine.iter().find(|f| f.observation.year == *y) {
                None => IndicatorCell { value: None, withheld: false, ci: None, small_base: false, carried_from: None },
                Some(f) => {
                    let (o, withheld) = (&f.observation, f.withheld);
                    let ci = match (o.numerator, o.denominator) {
                        (Some(n), Some(den)) if !withheld => kette_monitor::wilson(n, den, 1.96).map(|(lo, hi)| (100.0 * lo, 100.0 * hi)),
                        _ => None,
                    };
                    let small_base = matches!((o.denominator, d.def.min_denominator), (Some(den), Some(min)) if den < min);
                    IndicatorCell {
                        value: if withheld { None } else { o.value },
                        withheld,
                        ci,
                        small_base,
                        carried_from: o.carried_from.clone(),
                    }
                }
            })
            .collect();
        let latest = mine.iter().filter(|f| f.observation.value.is_some()).map(|f| f.observation.year).max();
        let city_mean = latest.and_then(|y| figures.level_mean(&d.def.code, y, detail.district.level));
        let points: Vec<(f64, f64)> = ind_years.iter().zip(&values).filter_map(|(y, c)| c.value.map(|v| (*y as f64, v))).collect();
        let trend = kette_monitor::trend(&points);
        let name = if ctx.lang == "en" { d.def.name_en.clone() } else { d.def.name_de.clone() };
        indicators.push(IndicatorRow { code: d.def.code.clone(), name, unit: d.def.unit.clone(), values, city_mean, trend });
    }
    let filter = OfferFilter {
        district_id: Some(id),
        public_only: !disclosure.sees_all_unpublished_offers(),
        unpublished_of: disclosure.own_organisation(),
        ..Default::default()
    };
    let offers = state.store.list_offers(m, &filter, 1, 25).await.or_page()?;
    let locs = state.app.places(&disclosure, m, Some(id), 1, 500).await.or_page()?;
    let points: Vec<(f64, f64, String)> = locs.items.iter().filter_map(|l| Some((l.lon?, l.lat?, l.name.clone()))).collect();
    let svg = match state.store.district_geometry(m, id, kette_store::GeometryDetail::Outline).await.or_page()? {
        Some(g) => crate::svg::district_svg(&g, &points, 480.0, &ctx.t1("map-of", "name", &detail.district.name)),
        None => None,
    };
    let matrix = state.store.chain_matrix(m, &ctx.vocab, Some(id)).await.or_page()?;
    let siblings = state
        .store
        .district_children(m, detail.district.parent_id)
        .await
        .or_page()?
        .into_iter()
        .filter(|d| d.id != id)
        .map(|d| (d.id, d.name))
        .collect();
    render(&DistrictPage {
        siblings,
        detail,
        level_label,
        child_level_label,
        pop_years,
        pop_rows,
        pop_totals,
        pop_suppressed,
        ind_years,
        indicators,
        total_offers: offers.total,
        offers: offers.items,
        svg,
        matrix,
        ctx,
    })
}

/// District polygon and its offer locations as GeoJSON, for the optional Leaflet map.
pub(super) async fn district_map(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let detail = state.store.district(m, id).await.or_page()?;
    let geometry: serde_json::Value = state
        .store
        .district_geometry(m, id, kette_store::GeometryDetail::Outline)
        .await
        .or_page()?
        .and_then(|g| serde_json::from_str(&g).ok())
        .unwrap_or(serde_json::Value::Null);
    let mut features = vec![
        serde_json::json!({"type": "Feature", "properties": {"kind": "district", "name": detail.district.name}, "geometry": geometry}),
    ];
    let locs = state.app.places(&ctx.disclosure(), m, Some(id), 1, 500).await.or_page()?;
    for l in locs.items.iter() {
        if let (Some(lon), Some(lat)) = (l.lon, l.lat) {
            features.push(serde_json::json!({"type": "Feature", "properties": {"kind": "location", "name": l.name, "street": l.street},
                "geometry": {"type": "Point", "coordinates": [lon, lat]}}));
        }
    }
    let body = serde_json::json!({"type": "FeatureCollection", "features": features}).to_string();
    Ok(([(header::CONTENT_TYPE, "application/geo+json")], body).into_response())
}

pub struct CompareRow {
    pub name: String,
    pub unit: String,
    pub a: Option<(i32, f64)>,
    pub b: Option<(i32, f64)>,
    pub mean: Option<f64>,
}

#[derive(Template)]
#[template(path = "compare.html")]
pub(super) struct ComparePage {
    ctx: Ctx,
    a: kette_domain::District,
    b: kette_domain::District,
    population: (Option<(i32, i64)>, Option<(i32, i64)>),
    rows: Vec<CompareRow>,
}

impl ComparePage {
    fn cell(&self, v: &Option<(i32, f64)>) -> String {
        match v {
            Some((y, x)) => format!("{} ({y})", self.ctx.fixed(*x, 1)),
            None => "–".into(),
        }
    }
    fn mean(&self, v: &Option<f64>) -> String {
        v.map(|x| self.ctx.fixed(x, 1)).unwrap_or_else(|| "–".into())
    }
    fn pop(&self, v: &Option<(i32, i64)>) -> String {
        v.map(|(y, n)| format!("{} ({y})", self.ctx.num(n))).unwrap_or_else(|| "–".into())
    }
}

/// Two districts side by side: population and the latest value of every indicator, with the
/// mean of the first district's level for orientation.
pub(super) async fn compare_districts(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let id = |k: &str| q(&params, k).and_then(|v| v.parse::<i64>().ok()).ok_or_else(|| PageError::bad_request_key("error-compare"));
    let (ia, ib) = (id("a")?, id("b")?);
    let a = state.store.district(m, ia).await.or_page()?.district;
    let b = state.store.district(m, ib).await.or_page()?.district;
    let disclosure = ctx.disclosure();
    // the latest year's total as the reader may see it
    let latest_population = |t: kette_domain::disclosure::PopulationTable| {
        let i = t.years.len().checked_sub(1)?;
        match t.totals.get(i)? {
            PublicCount::Shown(n) => Some((t.years[i], *n as i64)),
            PublicCount::Suppressed { .. } => None,
        }
    };
    let population = (
        latest_population(state.app.population(&disclosure, m, ia).await.or_page()?),
        latest_population(state.app.population(&disclosure, m, ib).await.or_page()?),
    );
    let defs = state.store.indicators(m).await.or_page()?;
    let figures = state.app.figures(&disclosure, m).await.or_page()?;
    let latest = |district: i64, code: &str| {
        figures
            .of_district(district)
            .filter(|f| f.observation.indicator_code == code && f.observation.value.is_some())
            .max_by_key(|f| f.observation.year)
            .map(|f| (f.observation.year, f.observation.value.unwrap_or_default()))
    };
    let rows = defs
        .iter()
        .filter_map(|d| {
            let (va, vb) = (latest(ia, &d.def.code), latest(ib, &d.def.code));
            if va.is_none() && vb.is_none() {
                return None;
            }
            let mean = va.and_then(|(y, _)| figures.level_mean(&d.def.code, y, a.level));
            let name = if ctx.lang == "en" { d.def.name_en.clone() } else { d.def.name_de.clone() };
            Some(CompareRow { name, unit: d.def.unit.clone(), a: va, b: vb, mean })
        })
        .collect();
    render(&ComparePage { ctx, a, b, population, rows })
}
