//! Monitoring pages: the indicator catalogue and the choropleth map with ranking of any
//! indicator or computed index and year. The map is server-side SVG (no JavaScript, no tiles);
//! its projected outlines are cached per municipality, level and data generation.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;

use kette_domain::{Direction, Indicator};

/// One value of an indicator for a district as the reader may see it, for maps and rankings.
#[derive(Debug, Clone)]
pub struct DistrictValue {
    pub district_id: i64,
    pub key: String,
    pub name: String,
    pub level: i64,
    pub value: f64,
    /// the boundary version the value was carried from, if it was
    pub carried_from: Option<String>,
}

/// The shown values of an indicator in one year (withheld ones are left out: the map shows
/// them like a missing value, the ranking does not list them).
async fn shown_values(state: &AppState, ctx: &Ctx, code: &str, year: i32) -> Result<Vec<DistrictValue>, PageError> {
    let figures = state.app.figures(&ctx.disclosure(), ctx.municipality.id).await.or_page()?;
    Ok(figures
        .of_indicator_year(code, year)
        .filter_map(|f| {
            Some(DistrictValue {
                district_id: f.observation.district_id,
                key: f.observation.district_key.clone(),
                name: f.district_name.clone(),
                level: f.level,
                value: f.observation.value?,
                carried_from: f.observation.carried_from.clone(),
            })
        })
        .collect())
}

use crate::ctx::Ctx;
use crate::error::{render, OrPage, PageError};
use crate::forms::SignedForm;
use crate::svg::{bbox_of, choropleth, MapArea, Projection};
use crate::AppState;

pub const MAP_WIDTH: f64 = 760.0;
pub const CLASSES: usize = 5;

/// Projected outlines: (district id, name, SVG path) plus canvas size.
/// District names for orientation on zoomed maps, one list per level from coarse to fine, each
/// name at a point inside its district; the drawing picks the level that fits its zoom.
pub async fn orientation_labels(state: &AppState, m: i64) -> Result<Vec<Vec<(String, f64, f64)>>, PageError> {
    let mut levels = vec![];
    for level in 1..=6 {
        let o = outlines(state, m, level).await.or_page()?;
        if o.areas.is_empty() {
            break;
        }
        levels.push(crate::svg::label_points(&o.simplified, &o.areas));
    }
    Ok(levels)
}

pub struct Outlines {
    pub generation: i64,
    pub areas: Vec<(i64, String, String)>,
    pub height: f64,
    /// the same districts as simplified GeoJSON geometries for the interactive map
    pub simplified: Vec<(i64, serde_json::Value)>,
    /// The extent the paths were projected from, to place points on the same canvas.
    pub bbox: Option<[f64; 4]>,
}

pub type OutlineCache = Mutex<HashMap<(i64, i64), Arc<Outlines>>>;

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/monitoring", get(catalogue))
        .route("/monitoring/map", get(map))
        .route("/monitoring/map.geojson", get(map_geojson))
        .route("/monitoring/export", get(export))
        .route("/monitoring/recipes", get(recipes).post(save_recipe))
        .route("/monitoring/recipes/{code}", get(recipe))
        .route("/monitoring/recipes/{code}/run", get(run_recipe))
        .route("/monitoring/recipes/{code}/publish", axum::routing::post(publish_recipe))
        .route("/monitoring/confidentiality", get(confidentiality_form).post(save_confidentiality))
}

// ---------------------------------------------------------------- confidentiality settings

#[derive(askama::Template)]
#[template(path = "confidentiality.html")]
struct ConfidentialityPage {
    ctx: Ctx,
    min_count: String,
    round_to: String,
    error: Option<String>,
    saved: bool,
}

/// Planners, coordinators and admins set what public outputs show of small counts.
async fn confidentiality_form(ctx: Ctx, Query(q): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    if !ctx.sees_raw_statistics() {
        return Err(if ctx.signed_in() { PageError::forbidden() } else { PageError::login_required() });
    }
    let c = ctx.municipality.confidentiality;
    let (min_count, round_to) = (c.min_count.to_string(), c.round_to.map(|b| b.to_string()).unwrap_or_default());
    render(&ConfidentialityPage { min_count, round_to, error: None, saved: q.contains_key("saved"), ctx })
}

async fn save_confidentiality(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    use axum::response::IntoResponse;
    if !ctx.sees_raw_statistics() {
        return Err(if ctx.signed_in() { PageError::forbidden() } else { PageError::login_required() });
    }
    let (min_raw, round_raw) = (form.get("min_count").trim().to_string(), form.get("round_to").trim().to_string());
    let parsed = min_raw.parse::<u64>().ok().zip(if round_raw.is_empty() { Some(None) } else { round_raw.parse::<u64>().ok().map(Some) });
    let rules = parsed.map(|(min_count, round_to)| kette_domain::privacy::Confidentiality { min_count, round_to });
    match rules.filter(|r| r.validate().is_ok()) {
        Some(r) => {
            let by = ctx.user.as_ref().map(|u| u.id);
            state.store.set_confidentiality(ctx.municipality.id, &r, by).await.or_page()?;
            Ok(axum::response::Redirect::to("/monitoring/confidentiality?saved=1").into_response())
        }
        None => {
            let page = render(&ConfidentialityPage {
                min_count: min_raw,
                round_to: round_raw,
                error: Some(ctx.t("error-confidentiality")),
                saved: false,
                ctx,
            })?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

pub(crate) fn name_of(ctx: &Ctx, i: &Indicator) -> String {
    if ctx.lang == "en" && !i.def.name_en.is_empty() {
        i.def.name_en.clone()
    } else {
        i.def.name_de.clone()
    }
}

#[derive(Template)]
#[template(path = "monitoring.html")]
struct CataloguePage {
    ctx: Ctx,
    indicators: Vec<(Indicator, String, Vec<i32>)>,
    /// After an import: how many values, and each imported indicator with a link to its map.
    imported: Option<(i64, Vec<(String, String)>)>,
}

async fn catalogue(State(state): State<AppState>, ctx: Ctx, Query(q): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let mut indicators = vec![];
    for i in state.store.indicators(m).await.or_page()? {
        let years = state.store.indicator_years(m, &i.def.code).await.or_page()?;
        let name = name_of(&ctx, &i);
        indicators.push((i, name, years));
    }
    let imported = q.get("imported").and_then(|n| n.parse::<i64>().ok()).map(|n| {
        let year = q.get("year").and_then(|y| y.parse::<i32>().ok());
        let maps = q
            .get("indicators")
            .map(|codes| codes.split(',').collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|code| indicators.iter().find(|(i, _, _)| i.def.code == code))
            .map(|(i, name, _)| {
                let year = year.map(|y| format!("&year={y}")).unwrap_or_default();
                (name.clone(), format!("/monitoring/map?indicator={}{year}", i.def.code))
            })
            .collect();
        (n, maps)
    });
    render(&CataloguePage { ctx, indicators, imported })
}

pub struct RankRow {
    pub rank: usize,
    pub value: DistrictValue,
    pub class: usize,
}

#[derive(Template)]
#[template(path = "monitoring_map.html")]
struct MapPage {
    ctx: Ctx,
    indicators: Vec<(String, String)>,
    indicator: Indicator,
    indicator_name: String,
    years: Vec<i32>,
    year: i32,
    svg: String,
    strip: String,
    legend: Vec<(usize, String)>,
    missing: usize,
    ranking: Vec<RankRow>,
}

impl MapPage {
    /// The boundary versions this year's values were carried from (for the note under the map).
    fn carried_versions(&self) -> String {
        let mut v: Vec<&str> = self.ranking.iter().filter_map(|r| r.value.carried_from.as_deref()).collect();
        v.sort_unstable();
        v.dedup();
        v.join(", ")
    }
    fn value(&self, v: &f64) -> String {
        self.ctx.fixed(*v, 2)
    }
    fn worse_is_higher(&self) -> bool {
        self.indicator.def.direction == Direction::HigherIsWorse
    }
}

/// Quintile breaks (R type 7) and the class of each value: class 0 holds the lowest values.
fn classes(values: &[f64]) -> (Vec<f64>, impl Fn(f64) -> usize) {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let breaks: Vec<f64> = if sorted.is_empty() {
        vec![]
    } else {
        (1..CLASSES).map(|k| kette_monitor::quantile(&sorted, k as f64 / CLASSES as f64, 7)).collect()
    };
    let b = breaks.clone();
    (breaks, move |v: f64| b.iter().filter(|&&x| v > x).count())
}

pub(crate) async fn outlines(state: &AppState, municipality: i64, level: i64) -> Result<Arc<Outlines>, kette_store::StoreError> {
    let generation = state.store.generation(municipality).await?;
    if let Some(o) = state.outlines.lock().ok().and_then(|c| c.get(&(municipality, level)).cloned()) {
        if o.generation == generation {
            return Ok(o);
        }
    }
    let shapes = state.store.district_shapes(municipality, level).await?;
    let simplified: Vec<(i64, serde_json::Value)> =
        shapes.iter().filter_map(|(id, _, g)| kette_ingest::geo_assign::simplified_geojson(g, 0.0001).map(|v| (*id, v))).collect();
    let parsed: Vec<(i64, String, serde_json::Value)> =
        shapes.into_iter().filter_map(|(id, name, g)| serde_json::from_str(&g).ok().map(|v| (id, name, v))).collect();
    let bbox = bbox_of(parsed.iter().map(|(_, _, g)| g));
    // the simplified outlines (a few metres off) are drawn: at map width a pixel covers tens of
    // metres, and the page stays light
    let drawn: HashMap<i64, &serde_json::Value> = simplified.iter().map(|(id, g)| (*id, g)).collect();
    let (areas, height) = match bbox.and_then(|b| Projection::fit(b, MAP_WIDTH)) {
        Some(p) => {
            (parsed.iter().map(|(id, name, g)| (*id, name.clone(), p.path(drawn.get(id).copied().unwrap_or(g)))).collect(), p.height)
        }
        None => (vec![], 0.0),
    };
    let o = Arc::new(Outlines { generation, areas, height, simplified, bbox });
    if let Ok(mut cache) = state.outlines.lock() {
        cache.insert((municipality, level), o.clone());
    }
    Ok(o)
}

async fn map(State(state): State<AppState>, ctx: Ctx, Query(q): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let all = state.store.indicators(m).await.or_page()?;
    let code = q.get("indicator").cloned().or_else(|| all.first().map(|i| i.def.code.clone())).unwrap_or_default();
    let Some(indicator) = all.iter().find(|i| i.def.code == code).cloned() else {
        return Err(PageError::not_found());
    };
    let years = state.store.indicator_years(m, &code).await.or_page()?;
    let year = match q.get("year").filter(|y| !y.is_empty()) {
        Some(y) => y.parse::<i32>().map_err(|_| PageError::bad_request(format!("year '{y}'")))?,
        None => years.first().copied().unwrap_or(0),
    };
    if !years.contains(&year) && !years.is_empty() {
        return Err(PageError::not_found());
    }
    let values = shown_values(&state, &ctx, &code, year).await?;
    // the level most values are published for
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for v in &values {
        *counts.entry(v.level).or_default() += 1;
    }
    let level = counts.into_iter().max_by_key(|(l, n)| (*n, *l)).map(|(l, _)| l).unwrap_or(1);
    let values: Vec<DistrictValue> = values.into_iter().filter(|v| v.level == level).collect();
    let (breaks, class_of) = classes(&values.iter().map(|v| v.value).collect::<Vec<_>>());
    let by_id: HashMap<i64, &DistrictValue> = values.iter().map(|v| (v.district_id, v)).collect();
    let outlines = outlines(&state, m, level).await.or_page()?;
    let indicator_name = name_of(&ctx, &indicator);
    let fmt = |v: f64| ctx.short(v, 2);
    let no_value = ctx.t("map-no-value");
    let areas: Vec<MapArea> = outlines
        .areas
        .iter()
        .map(|(id, name, path)| {
            let v = by_id.get(id);
            MapArea {
                href: format!("/districts/{id}"),
                path,
                class: v.map(|v| class_of(v.value)),
                title: format!("{name}: {}", v.map(|v| fmt(v.value)).unwrap_or_else(|| no_value.clone())),
            }
        })
        .collect();
    let missing = areas.iter().filter(|a| a.class.is_none()).count();
    let svg = choropleth(&areas, MAP_WIDTH, outlines.height, &ctx.t1("map-title", "indicator", &format!("{indicator_name} {year}")));
    let mut legend = vec![];
    for k in 0..CLASSES.min(breaks.len() + 1) {
        let label = match (k.checked_sub(1).and_then(|i| breaks.get(i)), breaks.get(k)) {
            (None, Some(hi)) => format!("≤ {}", fmt(*hi)),
            (Some(lo), Some(hi)) => format!("{} – {}", fmt(*lo), fmt(*hi)),
            (Some(lo), None) => format!("> {}", fmt(*lo)),
            (None, None) => String::new(),
        };
        legend.push((k, label));
    }
    let strip = crate::svg::strip_plot(&values.iter().map(|v| (v.value, class_of(v.value))).collect::<Vec<_>>(), &breaks, MAP_WIDTH, fmt);
    let mut ranked: Vec<DistrictValue> = values.clone();
    // most attention first: the worst end of the scale leads
    let higher_first = indicator.def.direction != Direction::HigherIsBetter;
    ranked.sort_by(|a, b| if higher_first { b.value.total_cmp(&a.value) } else { a.value.total_cmp(&b.value) });
    let ranking = ranked.into_iter().enumerate().map(|(i, v)| RankRow { rank: i + 1, class: class_of(v.value), value: v }).collect();
    let indicators = all.iter().map(|i| (i.def.code.clone(), name_of(&ctx, i))).collect();
    render(&MapPage { ctx, indicators, indicator, indicator_name, years, year, svg, strip, legend, missing, ranking })
}

/// Values of one indicator and year as CSV or GeoJSON (with the district outlines). The same
/// confidentiality rule as everywhere: public readers get rates over counts below 3 withheld.
async fn export(State(state): State<AppState>, ctx: Ctx, Query(q): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    use axum::http::header;
    use axum::response::IntoResponse;
    let m = ctx.municipality.id;
    let code = q.get("indicator").cloned().unwrap_or_default();
    if !state.store.indicators(m).await.or_page()?.iter().any(|i| i.def.code == code) {
        return Err(PageError::not_found());
    }
    let year: i32 = q.get("year").and_then(|y| y.parse().ok()).ok_or_else(|| PageError::bad_request("year".into()))?;
    let figures = state.app.figures(&ctx.disclosure(), m).await.or_page()?;
    let rows: Vec<(kette_domain::Observation, bool)> =
        figures.of_indicator_year(&code, year).map(|f| (f.observation.clone(), f.withheld)).collect();
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    let file = format!("{code}-{year}");
    match q.get("format").map(String::as_str).unwrap_or("csv") {
        "csv" => {
            let mut w = String::from("district_key,indicator,year,value,numerator,denominator,suppressed,source,carried_from\n");
            // text a spreadsheet would run as a formula is neutralised (OWASP); text with a
            // separator or quote is quoted
            let text = |t: &str| {
                let t = kette_ingest::text::spreadsheet_safe(t);
                if t.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", t.replace('"', "\"\""))
                } else {
                    t.into_owned()
                }
            };
            for (o, withheld) in &rows {
                let source = kette_ingest::text::spreadsheet_safe(&o.source).replace('"', "\"\"");
                w.push_str(&format!(
                    "{},{},{},{},{},{},{},\"{source}\",{}\n",
                    text(&o.district_key),
                    text(&o.indicator_code),
                    o.year,
                    num(o.value),
                    num(o.numerator),
                    num(o.denominator),
                    withheld,
                    text(o.carried_from.as_deref().unwrap_or(""))
                ));
            }
            Ok((
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}.csv\"")),
                ],
                w,
            )
                .into_response())
        }
        "geojson" => {
            let level = match rows.first() {
                Some((o, _)) => state.store.district(m, o.district_id).await.or_page()?.district.level,
                None => 1,
            };
            let shapes: HashMap<i64, (String, String)> =
                state.store.district_shapes(m, level).await.or_page()?.into_iter().map(|(id, name, g)| (id, (name, g))).collect();
            let features: Vec<serde_json::Value> = rows
                .iter()
                .map(|(o, withheld)| {
                    let (name, geometry) = shapes.get(&o.district_id).cloned().unwrap_or_default();
                    serde_json::json!({
                        "type": "Feature",
                        "geometry": serde_json::from_str::<serde_json::Value>(&geometry).unwrap_or(serde_json::Value::Null),
                        "properties": {"district_key": o.district_key, "name": name, "indicator": o.indicator_code, "year": o.year,
                            "value": o.value, "numerator": o.numerator, "denominator": o.denominator, "suppressed": withheld, "source": o.source,
                            "carried_from": o.carried_from}
                    })
                })
                .collect();
            let body = serde_json::json!({"type": "FeatureCollection", "features": features}).to_string();
            Ok((
                [
                    (header::CONTENT_TYPE, "application/geo+json".to_string()),
                    (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}.geojson\"")),
                ],
                body,
            )
                .into_response())
        }
        "gpkg" => {
            let level = match rows.first() {
                Some((o, _)) => state.store.district(m, o.district_id).await.or_page()?.district.level,
                None => 1,
            };
            let shapes: HashMap<i64, (String, String)> =
                state.store.district_shapes(m, level).await.or_page()?.into_iter().map(|(id, name, g)| (id, (name, g))).collect();
            let features: Vec<kette_store::geopackage::GpkgFeature> = rows
                .iter()
                .filter_map(|(o, withheld)| {
                    let (name, geometry) = shapes.get(&o.district_id)?;
                    let g: serde_json::Value = serde_json::from_str(geometry).ok()?;
                    Some(kette_store::geopackage::GpkgFeature {
                        polygons: crate::svg::polygons(&g),
                        text: vec![
                            ("district_key".into(), o.district_key.clone()),
                            ("name".into(), name.clone()),
                            ("source".into(), o.source.clone()),
                            ("carried_from".into(), o.carried_from.clone().unwrap_or_default()),
                        ],
                        numbers: vec![
                            ("year".into(), Some(o.year as f64)),
                            ("value".into(), o.value),
                            ("numerator".into(), o.numerator),
                            ("denominator".into(), o.denominator),
                            ("suppressed".into(), Some(*withheld as i32 as f64)),
                        ],
                    })
                })
                .collect();
            let token: String = (0..16).map(|_| format!("{:x}", rand::random::<u8>() % 16)).collect();
            let path = std::env::temp_dir().join(format!("kette-export-{token}.gpkg"));
            let table = format!("{code}_{year}");
            let result = kette_store::geopackage::write_geopackage(&path, &table, &format!("{code} {year}"), &features).await;
            let _ = std::fs::remove_file(&path);
            let bytes = result.or_page()?;
            Ok((
                [
                    (header::CONTENT_TYPE, "application/geopackage+sqlite3".to_string()),
                    (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}.gpkg\"")),
                ],
                bytes,
            )
                .into_response())
        }
        other => Err(PageError::bad_request(format!("format '{other}': csv, geojson or gpkg"))),
    }
}

// ------------------------------------------------------------------ recipes

fn may_edit_recipes(ctx: &Ctx) -> bool {
    ctx.actor().is_some_and(|a| a.can_edit_recipes())
}

#[derive(Template)]
#[template(path = "recipes.html")]
struct RecipesPage {
    ctx: Ctx,
    recipes: Vec<kette_store::StoredRecipe>,
    draft: String,
    error: Option<String>,
}

async fn recipes(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let recipes = state.store.recipes(ctx.municipality.id).await.or_page()?;
    render(&RecipesPage { ctx, recipes, draft: String::new(), error: None })
}

/// Saves a recipe (new code or new version); the engine checks it first and its error, with
/// the TOML line, is shown next to the text.
async fn save_recipe(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    use axum::response::{IntoResponse, Redirect};
    if !may_edit_recipes(&ctx) {
        return Err(PageError::forbidden());
    }
    let text = form.get("toml").replace("\r\n", "\n");
    let checked = kette_monitor::Recipe::from_toml("recipe", &text).map_err(|e| e.to_string()).and_then(|r| {
        if kette_domain::validate::is_term_code(&r.id) {
            Ok(r)
        } else {
            Err(ctx.t("error-recipe-id"))
        }
    });
    match checked {
        Ok(r) => {
            let by = ctx.user.as_ref().map(|u| u.id);
            state.store.save_recipe(ctx.municipality.id, &r.id, &r.name, &text, by).await.or_page()?;
            Ok(Redirect::to(&format!("/monitoring/recipes/{}", r.id)).into_response())
        }
        Err(error) => {
            let recipes = state.store.recipes(ctx.municipality.id).await.or_page()?;
            let page = render(&RecipesPage { ctx, recipes, draft: text, error: Some(error) })?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "recipe.html")]
struct RecipePage {
    ctx: Ctx,
    versions: Vec<kette_store::StoredRecipe>,
    shown: kette_store::StoredRecipe,
    inputs: Vec<String>,
    years: Vec<i32>,
}

async fn recipe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let versions = state.store.recipe_versions(ctx.municipality.id, &code).await.or_page()?;
    let shown = match q.get("version").and_then(|v| v.parse::<i64>().ok()) {
        Some(v) => versions.iter().find(|r| r.version == v).cloned().ok_or_else(PageError::not_found)?,
        None => versions[0].clone(),
    };
    let inputs = kette_monitor::Recipe::from_toml(&code, &shown.toml).map(|r| r.data_columns()).unwrap_or_default();
    let years = recipe_years(&state, ctx.municipality.id, &inputs).await?;
    render(&RecipePage { ctx, versions, shown, inputs, years })
}

/// The years in which every input of a recipe has values, newest first.
async fn recipe_years(state: &AppState, m: kette_domain::MunicipalityId, inputs: &[String]) -> Result<Vec<i32>, PageError> {
    let mut years: Option<Vec<i32>> = None;
    for c in inputs {
        let ys = state.store.indicator_years(m, c).await.or_page()?;
        years = Some(match years {
            None => ys,
            Some(prev) => prev.into_iter().filter(|y| ys.contains(y)).collect(),
        });
    }
    let mut years = years.unwrap_or_default();
    years.sort_unstable_by(|a, b| b.cmp(a));
    Ok(years)
}

/// What a computed column is, in words: the indicator's name for a column that is one of the
/// recipe's inputs under another name, with the step's prefix ("z") for a column derived from
/// one; else the column's own name.
fn column_label(column: &str, recipe: &kette_monitor::Recipe, names: &HashMap<String, String>) -> String {
    let mut best: Option<(&String, &String)> = None;
    for (raw, code) in &recipe.aliases {
        if column.ends_with(raw.as_str()) && best.is_none_or(|(b, _)| raw.len() > b.len()) {
            best = Some((raw, code));
        }
    }
    let name_of = |code: &str| names.get(code).cloned();
    match best {
        Some((raw, code)) => {
            let name = name_of(code).unwrap_or_else(|| code.clone());
            let prefix = column[..column.len() - raw.len()].trim_end_matches('_');
            if prefix.is_empty() {
                name
            } else {
                format!("{name} ({prefix})")
            }
        }
        None => name_of(column).unwrap_or_else(|| column.to_string()),
    }
}

#[derive(Template)]
#[template(path = "recipe_run.html")]
struct RecipeRunPage {
    ctx: Ctx,
    recipe: kette_store::StoredRecipe,
    year: i32,
    /// (column, what it is in words)
    columns: Vec<(String, String)>,
    rows: Vec<(String, String, Vec<String>)>,
    error: Option<String>,
    other_versions: Vec<i64>,
    compared_with: Option<i64>,
    /// (key, name, column, class under the other version, class under this one)
    changes: Vec<(String, String, String, String, String)>,
    /// computed numeric columns a planner may publish as an indicator: (column, label)
    numeric: Vec<(String, String)>,
    /// what the run says beside its table: (is a warning, text)
    notes: Vec<(bool, String)>,
}

/// Stores one computed column of a recipe run as indicator values (creating the indicator if
/// needed), with the recipe version as provenance, so maps and profiles show it.
async fn publish_recipe(
    State(state): State<AppState>,
    Path(code): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    use axum::response::{IntoResponse, Redirect};
    if !may_edit_recipes(&ctx) {
        return Err(PageError::forbidden());
    }
    let m = ctx.municipality.id;
    let versions = state.store.recipe_versions(m, &code).await.or_page()?;
    let version: i64 = form.get("version").parse().map_err(|_| PageError::bad_request("version".into()))?;
    let stored = versions.iter().find(|r| r.version == version).cloned().ok_or_else(PageError::not_found)?;
    let year: i32 = form.get("year").parse().map_err(|_| PageError::bad_request("year".into()))?;
    let column = form.get("column").to_string();
    let indicator = form.get("indicator").trim().to_string();
    if !kette_domain::validate::is_term_code(&indicator) {
        return Err(PageError::bad_request_key("error-term-code"));
    }
    let by = ctx.user.as_ref().map(|u| u.id);
    state.app.publish_recipe_column(&ctx.municipality, &stored, year, &column, &indicator, by).await.or_page()?;
    Ok(Redirect::to(&format!("/monitoring/map?indicator={indicator}&year={year}")).into_response())
}

fn cell_text(ctx: &Ctx, f: &kette_monitor::Frame, column: &str, row: usize) -> String {
    match f.column(column) {
        Some(kette_monitor::Column::Num(v)) => kette_monitor::value(v[row]).map(|x| ctx.fixed(x, 3)).unwrap_or_default(),
        Some(kette_monitor::Column::Text(v)) => v[row].clone().unwrap_or_default(),
        None => String::new(),
    }
}

/// Runs a stored recipe on the stored values of one year (districts of the level most inputs
/// are published for) and shows every computed column; `format=csv` downloads them.
async fn run_recipe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    use axum::response::IntoResponse;
    let m = ctx.municipality.id;
    let versions = state.store.recipe_versions(m, &code).await.or_page()?;
    let stored = match q.get("version").and_then(|v| v.parse::<i64>().ok()) {
        Some(v) => versions.iter().find(|r| r.version == v).cloned().ok_or_else(PageError::not_found)?,
        None => versions[0].clone(),
    };
    let recipe = kette_monitor::Recipe::from_toml(&code, &stored.toml).map_err(|e| PageError::bad_request(e.to_string()))?;
    let inputs = recipe.data_columns();
    // without a year, the newest one every input has
    let year: i32 = match q.get("year").filter(|y| !y.trim().is_empty()) {
        Some(y) => y.trim().parse().map_err(|_| PageError::bad_request_key("error-year"))?,
        None => *recipe_years(&state, m, &inputs).await?.first().ok_or_else(|| PageError::bad_request_key("recipe-no-years"))?,
    };
    let names: HashMap<String, String> =
        state.store.indicators(m).await.or_page()?.iter().map(|i| (i.def.code.clone(), name_of(&ctx, i))).collect();
    let input = state.app.recipe_input(&ctx.disclosure(), m, &recipe, year).await.or_page()?;
    // sensitivity: which districts change class under another version of the recipe
    let mut changes = vec![];
    let mut compared_with = None;
    if let Some(other) = q.get("compare").and_then(|v| v.parse::<i64>().ok()) {
        let other = versions.iter().find(|r| r.version == other).cloned().ok_or_else(PageError::not_found)?;
        let other_recipe = kette_monitor::Recipe::from_toml(&code, &other.toml).map_err(|e| PageError::bad_request(e.to_string()))?;
        changes = state
            .app
            .class_changes(&ctx.disclosure(), m, &recipe, &other_recipe, year)
            .await
            .or_page()?
            .into_iter()
            .map(|c| (c.key, c.name, c.column, c.before, c.after))
            .collect();
        compared_with = Some(other.version);
    }
    match recipe.run_with_notes(&input.frame) {
        Ok((out, notes)) => {
            let notes = notes
                .iter()
                .map(|n| {
                    let (key, args) = n.message(&|x, digits| ctx.fixed(x, digits));
                    (n.is_warning(), ctx.t_args(key, args))
                })
                .collect();
            let computed: Vec<String> = out.columns.iter().map(|(c, _)| c.clone()).filter(|c| !inputs.contains(c)).collect();
            if q.get("format").map(String::as_str) == Some("csv") {
                let csv = out.to_csv(Some(&computed));
                let file = format!("{code}-v{}-{year}.csv", stored.version);
                return Ok((
                    [
                        (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                        (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\"")),
                    ],
                    csv,
                )
                    .into_response());
            }
            let rows = input
                .shown
                .iter()
                .map(|&r| {
                    (input.units[r].0.clone(), input.units[r].1.clone(), computed.iter().map(|c| cell_text(&ctx, &out, c, r)).collect())
                })
                .collect();
            let other_versions = versions.iter().map(|v| v.version).filter(|v| *v != stored.version).collect();
            let numeric: Vec<String> =
                computed.iter().filter(|c| matches!(out.column(c), Some(kette_monitor::Column::Num(_)))).cloned().collect();
            let columns = computed.iter().map(|c| (c.clone(), column_label(c, &recipe, &names))).collect();
            let numeric = numeric
                .into_iter()
                .map(|c: String| {
                    let l = column_label(&c, &recipe, &names);
                    (c, l)
                })
                .collect();
            render(&RecipeRunPage {
                ctx,
                recipe: stored,
                year,
                columns,
                rows,
                error: None,
                other_versions,
                compared_with,
                changes,
                numeric,
                notes,
            })
        }
        Err(e) => {
            let page = render(&RecipeRunPage {
                ctx,
                recipe: stored,
                year,
                columns: vec![],
                rows: vec![],
                error: Some(e.to_string()),
                other_versions: vec![],
                compared_with: None,
                changes: vec![],
                numeric: vec![],
                notes: vec![],
            })?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The map's districts with value and class as GeoJSON, for the interactive map that the page
/// loads only when asked.
async fn map_geojson(State(state): State<AppState>, ctx: Ctx, Query(q): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    use axum::response::IntoResponse;
    let m = ctx.municipality.id;
    let code = q.get("indicator").cloned().unwrap_or_default();
    let year: i32 = q.get("year").and_then(|y| y.parse().ok()).ok_or_else(|| PageError::bad_request("year".into()))?;
    let values = shown_values(&state, &ctx, &code, year).await?;
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for v in &values {
        *counts.entry(v.level).or_default() += 1;
    }
    let level = counts.into_iter().max_by_key(|(l, n)| (*n, *l)).map(|(l, _)| l).ok_or_else(PageError::not_found)?;
    let values: Vec<DistrictValue> = values.into_iter().filter(|v| v.level == level).collect();
    let (_, class_of) = classes(&values.iter().map(|v| v.value).collect::<Vec<_>>());
    let by_id: HashMap<i64, &DistrictValue> = values.iter().map(|v| (v.district_id, v)).collect();
    let outlines = outlines(&state, m, level).await.or_page()?;
    let names: HashMap<i64, &String> = outlines.areas.iter().map(|(id, name, _)| (*id, name)).collect();
    let features: Vec<serde_json::Value> = outlines
        .simplified
        .iter()
        .map(|(id, geometry)| {
            let v = by_id.get(id);
            serde_json::json!({"type": "Feature", "geometry": geometry, "properties": {
                "name": names.get(id), "href": format!("/districts/{id}"), "value": v.map(|v| v.value), "class": v.map(|v| class_of(v.value))}})
        })
        .collect();
    let body = serde_json::json!({"type": "FeatureCollection", "features": features}).to_string();
    Ok(([(axum::http::header::CONTENT_TYPE, "application/geo+json"), (axum::http::header::CACHE_CONTROL, "private, max-age=300")], body)
        .into_response())
}

#[cfg(test)]
mod column_label_tests {
    use super::*;

    #[test]
    fn computed_columns_are_named_by_the_indicators_they_come_from() {
        let recipe = kette_monitor::Recipe::from_toml(
            "mss",
            "id = \"mss\"\nname = \"MSS\"\n[aliases]\ns1_percentage_unemployed = \"mss_s1\"\n[[step]]\nkind = \"zscore\"\ninputs = [\"s1_percentage_unemployed\"]\nprefix = \"z_\"\n",
        )
        .unwrap();
        let names = HashMap::from([("mss_s1".to_string(), "Arbeitslosigkeit (S1)".to_string())]);
        assert_eq!(column_label("z_s1_percentage_unemployed", &recipe, &names), "Arbeitslosigkeit (S1) (z)");
        assert_eq!(column_label("s1_percentage_unemployed", &recipe, &names), "Arbeitslosigkeit (S1)");
        assert_eq!(column_label("status_sum", &recipe, &names), "status_sum");
    }
}
