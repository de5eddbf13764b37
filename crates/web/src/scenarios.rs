//! "What if" scenarios of the needs analysis on the web (issue 14): planners add planned
//! offers (place, life phases, places) or close existing ones, see the change in coverage, gaps
//! and walking reach before anyone decides, and compare saved scenarios side by side. The
//! analysis' own choices (level, year, indicator, weight) apply, read by `needs::parse_request`;
//! every figure is computed for the reader, through the same rule as `/needs`.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use kette_app::needs::{NoEffect, ScenarioOutcome};
use kette_domain::needs::{Cell, PhaseSummary, PlannedOffer, ScenarioChange};
use kette_domain::FieldError;
use kette_store::{StoreError, StoredScenario, StoredScenarioChange};

use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, SignedForm};
use crate::needs::may_read;
use crate::needs::{parse_request, ChoiceError};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/needs/scenarios", get(list).post(create))
        .route("/needs/scenarios/compare", get(compare))
        .route("/needs/scenarios/{id}", get(show))
        .route("/needs/scenarios/{id}/plan", post(plan))
        .route("/needs/scenarios/{id}/close", post(close))
        .route("/needs/scenarios/{id}/changes/{change}/remove", post(remove_change))
        .route("/needs/scenarios/{id}/delete", post(delete))
}

fn may_plan(ctx: &Ctx) -> Result<(), PageError> {
    may_read(ctx)?;
    if ctx.plans_needs() {
        Ok(())
    } else {
        Err(PageError::forbidden())
    }
}

/// The analysis' choices as a query string, carried from page to page.
fn choices_query(params: &HashMap<String, String>) -> String {
    let mut keys: Vec<&String> =
        params.keys().filter(|k| ["level", "year", "indicator", "weight", "per", "min_children"].contains(&k.as_str())).collect();
    keys.sort();
    keys.iter().map(|k| format!("{}={}", k, crate::needs::urlencode(&params[*k]))).collect::<Vec<_>>().join("&")
}

// ---------------------------------------------------------------- the list

#[derive(Template)]
#[template(path = "scenarios.html")]
struct ListPage {
    ctx: Ctx,
    scenarios: Vec<StoredScenario>,
    name: String,
    description: String,
    errors: Vec<FieldError>,
}

impl ListPage {
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    may_read(&ctx)?;
    let scenarios = state.app.scenarios(&ctx.disclosure(), ctx.municipality.id).await.or_page()?;
    render(&ListPage { ctx, scenarios, name: String::new(), description: String::new(), errors: vec![] })
}

async fn create(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    may_plan(&ctx)?;
    let (name, description) = (form.get("name").to_string(), form.get("description").to_string());
    let by = ctx.user.as_ref().map(|u| u.id);
    match state.store.create_scenario(ctx.municipality.id, &name, &description, false, by).await {
        Ok(id) => Ok(Redirect::to(&format!("/needs/scenarios/{id}")).into_response()),
        Err(StoreError::Invalid { errors, .. }) => {
            let scenarios = state.app.scenarios(&ctx.disclosure(), ctx.municipality.id).await.or_page()?;
            let page = ListPage { ctx, scenarios, name, description, errors: errors.0 };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(PageError::store(e)),
    }
}

// ---------------------------------------------------------------- one scenario

#[derive(Template)]
#[template(path = "scenario.html")]
struct ScenarioPage {
    ctx: Ctx,
    scenario: StoredScenario,
    outcome: ScenarioOutcome,
    choice_errors: Vec<ChoiceError>,
    query: String,
    /// the analysis' choices other than level and weight, carried by the forms
    carried: Vec<(String, String)>,
    /// (value for the field, label) of every district
    districts: Vec<(String, String)>,
    /// matches of the offer search: (id, title, organisation, already closed here)
    offer_matches: Vec<(i64, String, String, bool)>,
    offer_q: String,
    values: HashMap<String, String>,
    phases_chosen: Vec<String>,
    errors: Vec<FieldError>,
}

impl ScenarioPage {
    fn v(&self, k: &str) -> String {
        self.values.get(k).cloned().unwrap_or_default()
    }
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
    fn phase_chosen(&self, code: &str) -> bool {
        self.phases_chosen.iter().any(|p| p == code)
    }
    fn phase_label(&self, code: &str) -> String {
        self.ctx.term("life_phase", code)
    }
    fn phase_at(&self, p: &usize) -> String {
        self.outcome.matrix.phases.get(*p).map(|c| self.phase_label(c)).unwrap_or_default()
    }
    fn describe(&self, c: &StoredScenarioChange) -> String {
        match &c.change {
            ScenarioChange::Close { .. } => match &c.offer {
                Some(o) => self.ctx.t_args("scenario-change-close", [("offer", o.title.clone())]),
                None => self.ctx.t("scenario-change-close-hidden"),
            },
            ScenarioChange::Add(p) => describe_planned(&self.ctx, p, c.district.as_ref().map(|d| d.0.as_str())),
        }
    }
    fn no_effect(&self, c: &StoredScenarioChange) -> Option<String> {
        self.outcome.without_effect.iter().find(|(id, _)| *id == c.id).map(|(_, why)| match why {
            NoEffect::OfferNotCounted => self.ctx.t("scenario-no-effect-offer"),
            NoEffect::NotPlaced => self.ctx.t("scenario-no-effect-place"),
        })
    }
    fn weight(&self) -> String {
        self.ctx.fixed(self.outcome.matrix.formula.deprivation_weight, 1)
    }
    fn level_label(&self) -> String {
        let view = &self.outcome.baseline;
        view.levels
            .iter()
            .find(|l| l.level == view.level)
            .map(|l| if self.ctx.lang == "de" { l.label_de.clone() } else { l.label_en.clone() })
            .unwrap_or_default()
    }
    fn summary_rows(&self) -> Vec<(String, &PhaseSummary, &PhaseSummary)> {
        self.outcome
            .matrix
            .phases
            .iter()
            .zip(self.outcome.before.iter().zip(&self.outcome.after))
            .map(|(code, (b, a))| (self.phase_label(code), b, a))
            .collect()
    }
    fn places(&self, s: &PhaseSummary) -> String {
        s.places.map_or_else(|| "–".into(), |p| self.ctx.num(p.round() as i64))
    }
    fn walk(&self, s: &PhaseSummary) -> String {
        s.within_walk.map_or_else(|| "–".into(), |w| format!("{} %", self.ctx.fixed(w * 100.0, 1)))
    }
    fn missing(&self, s: &PhaseSummary) -> String {
        self.ctx.fixed(s.missing, 1)
    }
    fn per_100(&self, c: &Cell) -> String {
        c.places_per_100.map_or_else(|| "–".into(), |v| self.ctx.fixed(v, 1))
    }
    fn cell_walk(&self, c: &Cell) -> String {
        c.within_walk.map_or_else(|| "–".into(), |w| format!("{} %", self.ctx.fixed(w * 100.0, 0)))
    }
    fn gap(&self, g: &Option<f64>) -> String {
        g.map_or_else(|| self.ctx.t("scenario-no-gap"), |s| self.ctx.t_args("scenario-gap-missing", [("missing", self.ctx.fixed(s, 1))]))
    }
    fn shown_changes(&self) -> &[kette_domain::needs::CellChange] {
        &self.outcome.changes[..self.outcome.changes.len().min(100)]
    }
}

fn describe_planned(ctx: &Ctx, p: &PlannedOffer, district: Option<&str>) -> String {
    let phases = p.phases.iter().map(|c| ctx.term("life_phase", c)).collect::<Vec<_>>().join(", ");
    let places = p.places.map(|n| ctx.tn("scenario-places", n as i64)).unwrap_or_else(|| ctx.t("scenario-places-unknown"));
    let at = match p.at {
        Some([lat, lon]) => format!("{}, {}", ctx.fixed(lat, 5), ctx.fixed(lon, 5)),
        None => ctx.t("scenario-at-centre"),
    };
    ctx.t_args(
        "scenario-change-plan",
        [("label", p.label.clone()), ("district", district.unwrap_or("–").to_string()), ("phases", phases), ("places", places), ("at", at)],
    )
}

/// The one reader of the planned-offer form; every field error is collected. The district
/// field takes a key (as the list offers it, "key name") or an exact name.
fn planned_from_form(form: &FormData, districts: &[(i64, String, String)], phases: &[String]) -> (PlannedOffer, Vec<FieldError>) {
    let mut errors = vec![];
    let text = form.get("district");
    let first = text.split_whitespace().next().unwrap_or("");
    let by_key = districts.iter().find(|(_, key, _)| key == first);
    let by_name: Vec<&(i64, String, String)> = districts.iter().filter(|(_, _, name)| name.eq_ignore_ascii_case(text)).collect();
    let district = match (by_key, by_name.as_slice()) {
        (Some(d), _) => d.0,
        (None, [d]) => d.0,
        _ if text.is_empty() => {
            errors.push(FieldError::new("district", "error-required", "choose a district"));
            0
        }
        (None, []) => {
            errors.push(FieldError::new("district", "error-unknown-district", format!("no district '{text}'")));
            0
        }
        (None, _) => {
            errors.push(FieldError::new("district", "scenario-error-district-ambiguous", format!("several districts are named '{text}'")));
            0
        }
    };
    let number = |k: &str, errors: &mut Vec<FieldError>| -> Option<f64> {
        match form.get(k) {
            "" => None,
            v => kette_text::parse_number(v).or_else(|| {
                errors.push(FieldError::new(k, "error-number", "a number"));
                None
            }),
        }
    };
    let places = match form.get("places") {
        "" => None,
        v => match v.replace(['.', ' '], "").parse::<u64>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(FieldError::new("places", "error-number", "a whole number of places"));
                None
            }
        },
    };
    let (lat, lon) = (number("lat", &mut errors), number("lon", &mut errors));
    let at = match (lat, lon) {
        (Some(a), Some(b)) => Some([a, b]),
        (None, None) => None,
        _ => {
            if !errors.iter().any(|e| e.field == "lat" || e.field == "lon") {
                errors.push(FieldError::new("lat", "error-coordinates-pair", "latitude and longitude together"));
            }
            None
        }
    };
    let planned = PlannedOffer { label: form.get("label").to_string(), district, at, phases: form.all("phases"), places };
    for e in planned.validate(phases).err().map(|e| e.0).unwrap_or_default() {
        let field = if e.field == "at" { "lat".to_string() } else { e.field.clone() };
        if !errors.iter().any(|x| x.field == field) {
            errors.push(FieldError { field, ..e });
        }
    }
    (planned, errors)
}

struct Shown {
    values: HashMap<String, String>,
    phases_chosen: Vec<String>,
    errors: Vec<FieldError>,
}

async fn build(
    state: &AppState,
    ctx: Ctx,
    scenario: StoredScenario,
    params: &HashMap<String, String>,
    shown: Shown,
) -> Result<ScenarioPage, PageError> {
    let m = ctx.municipality.id;
    let (req, choice_errors) = parse_request(params);
    let changes: Vec<(i64, ScenarioChange)> = scenario.changes.iter().map(|c| (c.id, c.change.clone())).collect();
    let outcome = state.app.needs_scenario(&ctx.disclosure(), m, &ctx.vocab, &req, &changes).await.or_page()?;
    let mut districts = vec![];
    if ctx.plans_needs() {
        let (all, _) = state.store.districts(m, None, 1, 1_000_000).await.or_page()?;
        districts = all.into_iter().map(|d| (format!("{} {}", d.key, d.name), d.name)).collect();
    }
    let offer_q = params.get("q").map(|q| q.trim().chars().take(200).collect::<String>()).unwrap_or_default();
    let mut offer_matches = vec![];
    if !offer_q.is_empty() && ctx.plans_needs() {
        for (id, title, organisation) in state.app.offers_to_close(&ctx.disclosure(), m, &offer_q).await.or_page()? {
            let closed = changes.iter().any(|(_, c)| *c == ScenarioChange::Close { offer: id });
            offer_matches.push((id, title, organisation, closed));
        }
    }
    let mut carried: Vec<(String, String)> = params
        .iter()
        .filter(|(k, _)| ["year", "indicator", "per", "min_children"].contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    carried.sort();
    Ok(ScenarioPage {
        query: choices_query(params),
        carried,
        ctx,
        scenario,
        outcome,
        choice_errors,
        districts,
        offer_matches,
        offer_q,
        values: shown.values,
        phases_chosen: shown.phases_chosen,
        errors: shown.errors,
    })
}

async fn load(state: &AppState, ctx: &Ctx, id: i64) -> Result<StoredScenario, PageError> {
    state.app.scenario(&ctx.disclosure(), ctx.municipality.id, id).await.or_page()?.ok_or_else(PageError::not_found)
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    may_read(&ctx)?;
    let scenario = load(&state, &ctx, id).await?;
    let shown = Shown { values: HashMap::new(), phases_chosen: vec![], errors: vec![] };
    render(&build(&state, ctx, scenario, &params, shown).await?)
}

fn back(id: i64, form: &FormData) -> String {
    let query = form.get("back");
    // only the analysis' own choices travel back, never a foreign address
    if !query.is_empty() && query.bytes().all(|b| b.is_ascii_alphanumeric() || b"=&_-.%,".contains(&b)) {
        format!("/needs/scenarios/{id}?{query}#outcome")
    } else {
        format!("/needs/scenarios/{id}#outcome")
    }
}

async fn plan(State(state): State<AppState>, Path(id): Path<i64>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    may_plan(&ctx)?;
    let scenario = load(&state, &ctx, id).await?;
    let m = ctx.municipality.id;
    let (all, _) = state.store.districts(m, None, 1, 1_000_000).await.or_page()?;
    let districts: Vec<(i64, String, String)> = all.into_iter().map(|d| (d.id, d.key, d.name)).collect();
    let phases: Vec<String> = ctx.vocab.of(kette_domain::TermKind::LifePhase).map(|t| t.code.clone()).collect();
    let (planned, mut errors) = planned_from_form(&form, &districts, &phases);
    if errors.is_empty() {
        match state.store.add_scenario_change(m, id, &ScenarioChange::Add(planned), ctx.user.as_ref().map(|u| u.id)).await {
            Ok(_) => return Ok(Redirect::to(&back(id, &form)).into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(e) => return Err(PageError::store(e)),
        }
    }
    let values = ["label", "district", "places", "lat", "lon"].iter().map(|k| (k.to_string(), form.get(k).to_string())).collect();
    let params: HashMap<String, String> =
        form_urlencoded::parse(form.get("back").as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let shown = Shown { values, phases_chosen: form.all("phases"), errors };
    let page = build(&state, ctx, scenario, &params, shown).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

async fn close(State(state): State<AppState>, Path(id): Path<i64>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    may_plan(&ctx)?;
    let offer: i64 = form.get("offer").parse().map_err(|_| PageError::bad_request("offer: a number".into()))?;
    match state.store.add_scenario_change(ctx.municipality.id, id, &ScenarioChange::Close { offer }, ctx.user.as_ref().map(|u| u.id)).await
    {
        Ok(_) => Ok(Redirect::to(&back(id, &form)).into_response()),
        Err(StoreError::Invalid { errors, .. }) => Err(PageError::bad_request(errors.to_string())),
        Err(e) => Err(PageError::store(e)),
    }
}

async fn remove_change(
    State(state): State<AppState>,
    Path((id, change)): Path<(i64, i64)>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    may_plan(&ctx)?;
    state.store.remove_scenario_change(ctx.municipality.id, id, change, ctx.user.as_ref().map(|u| u.id)).await.or_page()?;
    Ok(Redirect::to(&back(id, &form)).into_response())
}

async fn delete(State(state): State<AppState>, Path(id): Path<i64>, SignedForm { ctx, .. }: SignedForm) -> Result<Response, PageError> {
    may_plan(&ctx)?;
    state.store.delete_scenario(ctx.municipality.id, id, ctx.user.as_ref().map(|u| u.id)).await.or_page()?;
    Ok(Redirect::to("/needs/scenarios").into_response())
}

// ---------------------------------------------------------------- comparing

#[derive(Template)]
#[template(path = "scenario_compare.html")]
struct ComparePage {
    ctx: Ctx,
    scenarios: Vec<StoredScenario>,
    /// the chosen scenarios with their outcomes, in the order chosen
    chosen: Vec<(StoredScenario, ScenarioOutcome)>,
    baseline: Option<Arc<kette_app::needs::NeedsView>>,
    query: String,
}

impl ComparePage {
    fn is_chosen(&self, slot: usize, id: &i64) -> bool {
        self.chosen.get(slot).is_some_and(|(s, _)| s.id == *id)
    }
    fn phase_codes(&self) -> Vec<(usize, String)> {
        self.baseline.as_ref().map(|b| b.matrix.phases.iter().cloned().enumerate().collect()).unwrap_or_default()
    }
    fn phase_label(&self, code: &str) -> String {
        self.ctx.term("life_phase", code)
    }
    /// The columns of one phase: today, then each chosen scenario.
    fn columns(&self, p: &usize) -> Vec<&PhaseSummary> {
        let mut out = vec![];
        if let Some((_, first)) = self.chosen.first() {
            out.extend(first.before.get(*p));
        }
        for (_, o) in &self.chosen {
            out.extend(o.after.get(*p));
        }
        out
    }
    fn places(&self, s: &&PhaseSummary) -> String {
        s.places.map_or_else(|| "–".into(), |p| self.ctx.num(p.round() as i64))
    }
    fn walk(&self, s: &&PhaseSummary) -> String {
        s.within_walk.map_or_else(|| "–".into(), |w| format!("{} %", self.ctx.fixed(w * 100.0, 1)))
    }
    fn missing(&self, s: &&PhaseSummary) -> String {
        self.ctx.fixed(s.missing, 1)
    }
}

async fn compare(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    may_read(&ctx)?;
    let m = ctx.municipality.id;
    let scenarios = state.app.scenarios(&ctx.disclosure(), m).await.or_page()?;
    let (req, _) = parse_request(&params);
    let mut chosen = vec![];
    for slot in ["a", "b", "c"] {
        let Some(id) = params.get(slot).and_then(|v| v.parse::<i64>().ok()) else { continue };
        let Some(s) = scenarios.iter().find(|s| s.id == id).cloned() else { continue };
        let changes: Vec<(i64, ScenarioChange)> = s.changes.iter().map(|c| (c.id, c.change.clone())).collect();
        let outcome = state.app.needs_scenario(&ctx.disclosure(), m, &ctx.vocab, &req, &changes).await.or_page()?;
        chosen.push((s, outcome));
    }
    let baseline = match chosen.first() {
        Some((_, o)) => Some(o.baseline.clone()),
        None if !scenarios.is_empty() => Some(state.app.needs(&ctx.disclosure(), m, &ctx.vocab, &req).await.or_page()?),
        None => None,
    };
    render(&ComparePage { query: choices_query(&params), ctx, scenarios, chosen, baseline })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormData {
        let body: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
        FormData::parse(&axum::body::Bytes::from(body))
    }

    #[test]
    fn the_planned_offer_form_finds_its_district_and_names_every_error() {
        let districts =
            vec![(1, "0101".to_string(), "Mitte".to_string()), (2, "0102".into(), "Moabit".into()), (3, "0201".into(), "Mitte".into())];
        let phases = vec!["early_childhood".to_string(), "kita".to_string()];
        let (p, errors) = planned_from_form(
            &form(&[
                ("label", "Kita Nord"),
                ("district", "0102 Moabit"),
                ("phases", "kita"),
                ("places", "1.200"),
                ("lat", "52,53"),
                ("lon", "13,34"),
            ]),
            &districts,
            &phases,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!((p.district, p.places, p.at), (2, Some(1200), Some([52.53, 13.34])));
        let (p, errors) = planned_from_form(&form(&[("label", "x"), ("district", "moabit"), ("phases", "kita")]), &districts, &phases);
        assert!(errors.is_empty());
        assert_eq!(p.district, 2, "an exact name is enough");
        let (_, errors) = planned_from_form(
            &form(&[("label", ""), ("district", "Mitte"), ("phases", "school"), ("places", "viele"), ("lat", "52.5")]),
            &districts,
            &phases,
        );
        let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(
            got,
            [
                ("district", "scenario-error-district-ambiguous"),
                ("places", "error-number"),
                ("lat", "error-coordinates-pair"),
                ("label", "error-required"),
                ("phases", "error-unknown"),
            ]
        );
        let (_, errors) = planned_from_form(&form(&[("label", "x"), ("district", "Wedding"), ("phases", "kita")]), &districts, &phases);
        assert_eq!(errors[0].code, "error-unknown-district");
    }
}
