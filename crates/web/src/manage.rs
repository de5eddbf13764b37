//! Pages where signed-in users keep their data: an organisation's details and contact persons,
//! its locations, and (coordination) the municipality's vocabulary.

use std::collections::HashMap;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use kette_domain::{ContactPerson, FieldError, LocationInput, Organisation, OrganisationDetails, Term, TermKind};
use kette_store::StoreError;

use crate::auth::require_csrf;
use crate::ctx::{Ctx, SignedIn};
use crate::error::{render, OrPage, PageError};
use crate::forms::FormData;
use crate::forms::SignedForm;
use crate::AppState;

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/organisations/{id}/edit", get(edit_organisation_form).post(update_organisation))
        .route("/organisations/{id}/locations/new", get(new_location_form).post(create_location))
        .route("/locations/{id}/edit", get(edit_location_form).post(update_location))
        .route("/vocabulary", get(vocabulary).post(update_vocabulary))
}

fn parse_id(raw: &str) -> Result<i64, PageError> {
    raw.parse().map_err(|_| PageError::not_found())
}

fn invalid_errors(e: StoreError) -> Result<Vec<FieldError>, StoreError> {
    match e {
        StoreError::Invalid { errors, .. } => Ok(errors.0),
        other => Err(other),
    }
}

// ------------------------------------------------------------------ organisation details

#[derive(Template)]
#[template(path = "organisation_form.html")]
struct OrganisationForm {
    ctx: Ctx,
    organisation: Organisation,
    details: OrganisationDetails,
    errors: Vec<FieldError>,
    /// A proposed change waits for approval (the form shows it).
    waiting: bool,
}

impl OrganisationForm {
    fn err(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == field).map(|e| self.ctx.t(&e.code))
    }
    /// The stored contacts plus two empty rows to add more.
    fn contact_rows(&self) -> Vec<(usize, ContactPerson)> {
        let mut rows: Vec<ContactPerson> = self.details.contacts.clone();
        rows.push(ContactPerson::default());
        rows.push(ContactPerson::default());
        rows.into_iter().enumerate().collect()
    }
}

async fn edit_organisation_form(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    if !actor.can_edit_organisation(id) {
        return Err(PageError::forbidden());
    }
    let organisation = state.store.organisation(ctx.municipality.id, id).await.or_page()?;
    let pending =
        state.store.open_change_for(ctx.municipality.id, "organisation", kette_store::Target::organisation(id)).await.or_page()?;
    let waiting = pending.is_some();
    let details = match pending.map(|c| c.proposed) {
        Some(kette_store::Proposal::Organisation(d)) => d,
        _ => OrganisationDetails {
            description: organisation.description.clone(),
            website: organisation.website.clone(),
            email: organisation.email.clone(),
            phone: organisation.phone.clone(),
            contacts: organisation.contacts.clone(),
        },
    };
    render(&OrganisationForm { ctx, organisation, details, errors: vec![], waiting })
}

async fn update_organisation(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    if !ctx.actor().is_some_and(|a| a.can_edit_organisation(id)) {
        return Err(PageError::forbidden());
    }
    let mut contacts = vec![];
    for i in 0..50 {
        let c = ContactPerson {
            name: form.get(&format!("contact_{i}_name")).into(),
            role: form.get(&format!("contact_{i}_role")).into(),
            email: form.get(&format!("contact_{i}_email")).into(),
            phone: form.get(&format!("contact_{i}_phone")).into(),
        };
        // rows left completely empty are not contacts
        if !(c.name.is_empty() && c.role.is_empty() && c.email.is_empty() && c.phone.is_empty()) {
            contacts.push(c);
        }
    }
    let details = OrganisationDetails {
        description: form.get("description").into(),
        website: form.get("website").into(),
        email: form.get("email").into(),
        phone: form.get("phone").into(),
        contacts,
    };
    let by = ctx.user.as_ref().map(|u| u.id);
    // what families read about a partner waits for the coordinator like its offers
    let proposal = ctx.edits_need_approval();
    let result = if proposal {
        state.store.propose_organisation(ctx.municipality.id, id, &details, by).await
    } else {
        state.store.update_organisation_details(ctx.municipality.id, id, &details, by).await
    };
    match result {
        Ok(()) => {
            let flag = if proposal { "?proposed=1" } else { "" };
            Ok(Redirect::to(&format!("/organisations/{id}{flag}")).into_response())
        }
        Err(e) => {
            let errors = invalid_errors(e).or_page()?;
            let organisation = state.store.organisation(ctx.municipality.id, id).await.or_page()?;
            let page = render(&OrganisationForm { ctx, organisation, details, errors, waiting: false })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

// ------------------------------------------------------------------ locations

#[derive(Template)]
#[template(path = "location_form.html")]
struct LocationForm {
    ctx: Ctx,
    organisation: Organisation,
    location_id: Option<i64>,
    values: HashMap<String, String>,
    anchor: bool,
    confidential: bool,
    errors: Vec<FieldError>,
    /// A proposed change waits for approval (the form shows it).
    waiting: bool,
}

impl LocationForm {
    fn v(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
    fn err(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == field).map(|e| self.ctx.t(&e.code))
    }
    fn action(&self) -> String {
        match self.location_id {
            Some(id) => format!("/locations/{id}/edit"),
            None => format!("/organisations/{}/locations/new", self.organisation.id),
        }
    }
}

fn location_values(l: &LocationInput) -> HashMap<String, String> {
    let f = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    HashMap::from([
        ("name".into(), l.name.clone()),
        ("street".into(), l.street.clone()),
        ("postcode".into(), l.postcode.clone()),
        ("city".into(), l.city.clone()),
        ("lat".into(), f(l.lat)),
        ("lon".into(), f(l.lon)),
    ])
}

fn parse_location(form: &FormData) -> (LocationInput, HashMap<String, String>, Vec<FieldError>) {
    let mut errors = vec![];
    let mut coord = |k: &str| -> Option<f64> {
        let v = form.get(k);
        if v.is_empty() {
            return None;
        }
        v.replace(',', ".").parse::<f64>().ok().filter(|x| x.is_finite()).or_else(|| {
            errors.push(FieldError::new(k, "error-number", format!("'{v}' is not a number")));
            None
        })
    };
    let (lat, lon) = (coord("lat"), coord("lon"));
    let input = LocationInput {
        name: form.get("name").into(),
        street: form.get("street").into(),
        postcode: form.get("postcode").into(),
        city: form.get("city").into(),
        lat,
        lon,
        district_id: None,
        is_anchor_point: form.get("is_anchor_point") == "on",
        is_confidential: form.get("is_confidential") == "on",
    };
    let values = ["name", "street", "postcode", "city", "lat", "lon"].iter().map(|k| (k.to_string(), form.get(k).to_string())).collect();
    (input, values, errors)
}

/// Finds the district of a point among the finest-level polygons of the municipality.
async fn district_of(state: &AppState, municipality: i64, lat: Option<f64>, lon: Option<f64>) -> Result<Option<i64>, kette_app::AppError> {
    let (Some(lat), Some(lon)) = (lat, lon) else { return Ok(None) };
    match state.app.district_locator(municipality).await?.key_at(lat, lon) {
        Some(key) => Ok(state.store.district_by_key(municipality, key).await?),
        None => Ok(None),
    }
}

async fn new_location_form(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    Path(org): Path<String>,
) -> Result<Response, PageError> {
    let org = parse_id(&org)?;
    if !actor.can_edit_organisation(org) {
        return Err(PageError::forbidden());
    }
    let organisation = state.store.organisation(ctx.municipality.id, org).await.or_page()?;
    let values = location_values(&LocationInput { city: ctx.municipality.name.clone(), ..Default::default() });
    render(&LocationForm {
        ctx,
        organisation,
        location_id: None,
        values,
        anchor: false,
        confidential: false,
        errors: vec![],
        waiting: false,
    })
}

async fn save_location(state: &AppState, ctx: Ctx, org: i64, id: Option<i64>, body: &Bytes) -> Result<Response, PageError> {
    let form = FormData::parse(body);
    require_csrf(&ctx, &form)?;
    let (mut input, values, mut errors) = parse_location(&form);
    let m = ctx.municipality.id;
    let by = ctx.user.as_ref().map(|u| u.id);
    if errors.is_empty() && input.lat.is_none() && input.lon.is_none() && !input.street.trim().is_empty() {
        // no coordinates typed: the centre of the places kette knows in that street (no outside
        // geocoder is asked); without a known street, the place is saved without coordinates
        if let Some(p) = state.store.known_place(m, &input.street).await.or_page()? {
            input.lat = Some((p.lat * 1e6).round() / 1e6);
            input.lon = Some((p.lon * 1e6).round() / 1e6);
        }
    }
    if errors.is_empty() {
        input.district_id = district_of(state, m, input.lat, input.lon).await.or_page()?;
        // a partner's new place and a change to an existing one wait for the coordinator; until
        // then only the partner and coordination see the new place
        let proposal = ctx.edits_need_approval();
        let result = match id {
            Some(id) if proposal => state.store.propose_place(m, id, &input, by).await.map(|_| id),
            Some(id) => state.store.update_location(m, id, &input, by).await.map(|_| id),
            None if proposal => state.store.propose_new_place(m, org, &input, by).await,
            None => state.store.create_location(m, org, &input, by).await,
        };
        match result {
            Ok(_) => {
                state.reindex_organisation(m, org).await;
                let flag = if proposal { "?proposed=1" } else { "" };
                return Ok(Redirect::to(&format!("/organisations/{org}{flag}")).into_response());
            }
            Err(e) => errors = invalid_errors(e).or_page()?,
        }
    }
    let organisation = state.store.organisation(m, org).await.or_page()?;
    let (anchor, confidential) = (input.is_anchor_point, input.is_confidential);
    let page = render(&LocationForm { ctx, organisation, location_id: id, values, anchor, confidential, errors, waiting: false })?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn create_location(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    Path(org): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let org = parse_id(&org)?;
    if !actor.can_edit_organisation(org) {
        return Err(PageError::forbidden());
    }
    save_location(&state, ctx, org, None, &body).await
}

async fn edit_location_form(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let loc = state.store.location(ctx.municipality.id, id).await.or_page()?;
    if !actor.can_edit_organisation(loc.organisation_id) {
        return Err(PageError::forbidden());
    }
    let organisation = state.store.organisation(ctx.municipality.id, loc.organisation_id).await.or_page()?;
    let pending = state.store.open_change_for(ctx.municipality.id, "place", kette_store::Target::location(id)).await.or_page()?;
    let waiting = pending.is_some();
    let proposed = match pending.map(|c| c.proposed) {
        Some(kette_store::Proposal::Place(p)) => Some(p),
        _ => None,
    };
    let input = proposed.unwrap_or(LocationInput {
        name: loc.name,
        street: loc.street,
        postcode: loc.postcode,
        city: loc.city,
        lat: loc.lat,
        lon: loc.lon,
        district_id: loc.district_id,
        is_anchor_point: loc.is_anchor_point,
        is_confidential: loc.is_confidential,
    });
    let values = location_values(&input);
    render(&LocationForm {
        ctx,
        organisation,
        location_id: Some(id),
        values,
        anchor: input.is_anchor_point,
        confidential: input.is_confidential,
        errors: vec![],
        waiting,
    })
}

async fn update_location(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let loc = state.store.location(ctx.municipality.id, id).await.or_page()?;
    if !actor.can_edit_organisation(loc.organisation_id) {
        return Err(PageError::forbidden());
    }
    save_location(&state, ctx, loc.organisation_id, Some(id), &body).await
}

// ------------------------------------------------------------------ vocabulary

#[derive(Template)]
#[template(path = "vocabulary.html")]
struct VocabularyPage {
    ctx: Ctx,
    errors: Vec<FieldError>,
    saved: bool,
}

impl VocabularyPage {
    fn kinds(&self) -> Vec<(&'static str, Vec<Term>)> {
        TermKind::ALL.iter().map(|k| (k.as_str(), self.ctx.vocab.of(*k).cloned().collect())).collect()
    }
    fn is_life_phase(&self, kind: &str) -> bool {
        kind == TermKind::LifePhase.as_str()
    }
    fn age(&self, v: &Option<u32>) -> String {
        v.map(|x| x.to_string()).unwrap_or_default()
    }
}

fn may_edit_vocabulary(ctx: &Ctx) -> bool {
    ctx.actor().is_some_and(|a| a.can_edit_vocabulary())
}

async fn vocabulary(
    SignedIn { ctx, .. }: SignedIn,
    axum::extract::Query(q): axum::extract::Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    if !may_edit_vocabulary(&ctx) {
        return Err(PageError::forbidden());
    }
    let saved = q.contains_key("saved");
    render(&VocabularyPage { ctx, errors: vec![], saved })
}

/// One form per term (rename) and one to add a term; `action` tells which.
async fn update_vocabulary(State(state): State<AppState>, SignedForm { mut ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !may_edit_vocabulary(&ctx) {
        return Err(PageError::forbidden());
    }
    let m = ctx.municipality.id;
    let by = ctx.user.as_ref().map(|u| u.id);
    let Some(kind) = TermKind::parse(form.get("kind")) else {
        return Err(PageError::bad_request("kind".into()));
    };
    let mut errors = vec![];
    let mut age = |k: &str| -> Option<u32> {
        let v = form.get(k);
        if v.is_empty() {
            return None;
        }
        v.parse().map_err(|_| errors.push(FieldError::new(k, "error-whole-number", "whole number"))).ok()
    };
    let (min, max) = (age("min_age_months"), age("max_age_months"));
    let sort = form.get("sort").parse().unwrap_or(100);
    let term = Term {
        kind,
        code: form.get("code").into(),
        label_de: form.get("label_de").into(),
        label_en: form.get("label_en").into(),
        min_age_months: min,
        max_age_months: max,
        sort,
    };
    if errors.is_empty() {
        let result = if form.get("action") == "add" {
            state.store.add_term(m, &term, by).await
        } else {
            state.store.update_term(m, &term, by).await
        };
        match result {
            Ok(()) => {
                state.reindex_all(m).await;
                return Ok(Redirect::to("/vocabulary?saved=1").into_response());
            }
            Err(e) => errors = invalid_errors(e).or_page()?,
        }
    }
    ctx.vocab = state.store.vocabulary(m).await.or_page()?;
    let page = render(&VocabularyPage { ctx, errors, saved: false })?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
