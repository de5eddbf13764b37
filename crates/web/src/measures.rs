//! Measures of the steering (issue 15): created on `/steering`, each with its own page that
//! shows the goals, districts, transitions, offers and organisations it links to. The
//! coordination edits a measure there; offers and organisations are found with a search that
//! works without JavaScript (the form is sent back with the matches as checkboxes).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use kette_domain::goals::{MeasureInput, MeasureStatus};
use kette_domain::FieldError;
use kette_store::StoreError;

use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, SignedForm};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new().route("/steering/measures", post(create_measure)).route("/steering/measures/{id}", get(page).post(update_measure))
}

fn ids(form: &FormData, k: &str, errors: &mut Vec<FieldError>) -> Vec<i64> {
    let mut out = vec![];
    for v in form.all(k) {
        match v.parse() {
            Ok(id) => out.push(id),
            Err(_) => {
                errors.push(FieldError::new(k, "error-choice", format!("'{v}' is not a choice")));
                break;
            }
        }
    }
    out
}

/// The one reader of the measure form, for the new-measure form on `/steering` and the edit
/// form on the measure's page; every field error is collected.
pub(crate) fn measure_from_form(form: &FormData) -> (MeasureInput, Vec<FieldError>) {
    let mut errors = vec![];
    let status = MeasureStatus::parse(form.get("status")).unwrap_or_else(|| {
        errors.push(FieldError::new("status", "error-choice", "not a status"));
        MeasureStatus::Idea
    });
    let (starts_on, ends_on) = (form.date("starts_on", &mut errors), form.date("ends_on", &mut errors));
    let lead_organisation_id = match form.get("lead_organisation_id") {
        "" => None,
        v => v.parse().map_err(|_| errors.push(FieldError::new("lead_organisation_id", "error-choice", "not a choice"))).ok(),
    };
    let input = MeasureInput {
        title: form.get("measure_title").to_string(),
        description: form.get("measure_description").to_string(),
        status,
        goal_ids: ids(form, "goal_ids", &mut errors),
        lead_organisation_id,
        organisation_ids: ids(form, "organisation_ids", &mut errors),
        offer_ids: ids(form, "offer_ids", &mut errors),
        life_phases: form.all("measure_life_phases"),
        transitions: form.all("measure_transitions"),
        district_ids: ids(form, "district_ids", &mut errors),
        starts_on,
        ends_on,
        budget_eur: match form.get("budget_eur") {
            "" => None,
            b => kette_text::parse_amount(b).or_else(|| {
                errors.push(FieldError::new("budget_eur", "error-number", "not a number"));
                None
            }),
        },
        funding_source: form.get("funding_source").to_string(),
    };
    (input, errors)
}

async fn create_measure(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let (input, mut errors) = measure_from_form(&form);
    if errors.is_empty() {
        let by = ctx.user.as_ref().map(|u| u.id);
        match state.store.create_measure(ctx.municipality.id, &input, false, by).await {
            Ok(id) => return Ok(Redirect::to(&format!("/steering/measures/{id}")).into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(e) => return Err(PageError::store(e)),
        }
    }
    crate::steering::form_failed(&state, ctx, &form, errors).await
}

#[derive(Template)]
#[template(path = "measure.html")]
struct MeasurePage {
    ctx: Ctx,
    measure: kette_store::Measure,
    /// For the edit form (coordination only).
    edit: Option<EditChoices>,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
}

struct EditChoices {
    goals: Vec<(i64, String)>,
    districts: Vec<(i64, String, i64)>,
    organisations: Vec<(i64, String)>,
    /// Linked offers and organisations first (checked), then the search's matches.
    offer_choices: Vec<(i64, String, bool)>,
    organisation_choices: Vec<(i64, String, bool)>,
    /// What was searched for, when the search found nothing.
    nothing_found: Option<String>,
}

impl MeasurePage {
    fn status_label(&self) -> String {
        self.ctx.t(&format!("measure-status-{}", self.measure.input.status.as_str()))
    }
    fn period(&self) -> String {
        period(&self.ctx, &self.measure)
    }
    fn budget(&self) -> String {
        budget(&self.ctx, &self.measure)
    }
    fn v(&self, k: &str) -> String {
        self.values.get(k).cloned().unwrap_or_default()
    }
    fn has(&self, k: &str, value: &str) -> bool {
        self.values.get(&format!("{k}[]")).is_some_and(|all| all.split('\u{1f}').any(|v| v == value))
    }
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
}

pub(crate) fn period(ctx: &Ctx, m: &kette_store::Measure) -> String {
    match (m.input.starts_on, m.input.ends_on) {
        (Some(s), Some(e)) => format!("{} – {}", ctx.date(s), ctx.date(e)),
        (Some(s), None) => format!("{} –", ctx.date(s)),
        (None, Some(e)) => format!("– {}", ctx.date(e)),
        (None, None) => String::new(),
    }
}

pub(crate) fn budget(ctx: &Ctx, m: &kette_store::Measure) -> String {
    m.input.budget_eur.map(|b| format!("{} €", ctx.num(b.round() as i64))).unwrap_or_default()
}

/// The form's values as the template reads them: single fields by name, repeated ones joined
/// under "name[]".
fn values_of(input: &MeasureInput) -> HashMap<String, String> {
    let join = |v: Vec<String>| v.join("\u{1f}");
    let mut values = HashMap::from([
        ("measure_title".to_string(), input.title.clone()),
        ("measure_description".into(), input.description.clone()),
        ("status".into(), input.status.as_str().into()),
        ("lead_organisation_id".into(), input.lead_organisation_id.map(|i| i.to_string()).unwrap_or_default()),
        ("starts_on".into(), input.starts_on.map(|d| d.to_string()).unwrap_or_default()),
        ("ends_on".into(), input.ends_on.map(|d| d.to_string()).unwrap_or_default()),
        ("budget_eur".into(), input.budget_eur.map(|b| format!("{b}")).unwrap_or_default()),
        ("funding_source".into(), input.funding_source.clone()),
    ]);
    values.insert("goal_ids[]".into(), join(input.goal_ids.iter().map(i64::to_string).collect()));
    values.insert("district_ids[]".into(), join(input.district_ids.iter().map(i64::to_string).collect()));
    values.insert("measure_life_phases[]".into(), join(input.life_phases.clone()));
    values.insert("measure_transitions[]".into(), join(input.transitions.clone()));
    values
}

async fn build(
    state: &AppState,
    ctx: Ctx,
    measure: kette_store::Measure,
    shown: &MeasureInput,
    search: &str,
    errors: Vec<FieldError>,
) -> Result<MeasurePage, PageError> {
    let m = ctx.municipality.id;
    let edit = if ctx.can_approve() {
        let goals = state.store.goals(m).await.or_page()?.into_iter().map(|g| (g.id, g.input.title)).collect();
        let districts = crate::pages::district_options(state, &ctx).await?;
        let organisations =
            state.store.list_organisations(m, None, 1, 500).await.or_page()?.items.into_iter().map(|o| (o.id, o.name)).collect();
        let mut offer_choices: Vec<(i64, String, bool)> = vec![];
        for id in &shown.offer_ids {
            let title = match measure.offers.iter().find(|o| o.id == *id) {
                Some(o) => o.title.clone(),
                None => match state.store.offer(m, *id).await {
                    Ok(o) => o.input.title,
                    Err(StoreError::NotFound(_)) => format!("#{id}"),
                    Err(e) => return Err(PageError::store(e)),
                },
            };
            offer_choices.push((*id, title, true));
        }
        let mut organisation_choices: Vec<(i64, String, bool)> = vec![];
        for id in &shown.organisation_ids {
            let name = match measure.organisations.iter().find(|(o, _)| o == id) {
                Some((_, n)) => n.clone(),
                None => match state.store.organisation(m, *id).await {
                    Ok(o) => o.name,
                    Err(StoreError::NotFound(_)) => format!("#{id}"),
                    Err(e) => return Err(PageError::store(e)),
                },
            };
            organisation_choices.push((*id, name, true));
        }
        let mut nothing_found = None;
        if !search.is_empty() {
            let filter = kette_store::OfferFilter { q: Some(search.to_string()), ..Default::default() };
            let offers = state.store.list_offers(m, &filter, 1, 20).await.or_page()?.items;
            let orgs = state.store.list_organisations(m, Some(search), 1, 10).await.or_page()?.items;
            if offers.is_empty() && orgs.is_empty() {
                nothing_found = Some(search.to_string());
            }
            for o in offers.into_iter().filter(|o| !shown.offer_ids.contains(&o.id)) {
                offer_choices.push((o.id, format!("{} ({})", o.title, o.organisation_name), false));
            }
            for o in orgs.into_iter().filter(|o| !shown.organisation_ids.contains(&o.id)) {
                organisation_choices.push((o.id, o.name, false));
            }
        }
        Some(EditChoices { goals, districts, organisations, offer_choices, organisation_choices, nothing_found })
    } else {
        None
    };
    let mut values = values_of(shown);
    values.insert("search".into(), search.to_string());
    Ok(MeasurePage { ctx, measure, edit, values, errors })
}

async fn page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, PageError> {
    let measure = state.app.measure(&ctx.disclosure(), ctx.municipality.id, id).await.or_page()?.ok_or_else(PageError::not_found)?;
    let shown = measure.input.clone();
    render(&build(&state, ctx, measure, &shown, "", vec![]).await?)
}

async fn update_measure(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let measure = state.app.measure(&ctx.disclosure(), ctx.municipality.id, id).await.or_page()?.ok_or_else(PageError::not_found)?;
    let (input, mut errors) = measure_from_form(&form);
    let searching = form.get("action") == "search" && !form.get("search").is_empty();
    if searching {
        // the search sends the form back with its matches; nothing is saved, nothing is wrong yet
        let page = build(&state, ctx, measure, &input, form.get("search"), vec![]).await?;
        return render(&page);
    }
    if errors.is_empty() {
        let by = ctx.user.as_ref().map(|u| u.id);
        match state.store.update_measure(ctx.municipality.id, id, &input, by).await {
            Ok(()) => return Ok(Redirect::to(&format!("/steering/measures/{id}")).into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(e) => return Err(PageError::store(e)),
        }
    }
    let page = render(&build(&state, ctx, measure, &input, "", errors).await?)?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
