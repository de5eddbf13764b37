//! Cooperation agreements on the web (issue 16): the coordination writes and changes them; the
//! parties are found with a search that works without JavaScript (the form comes back with the
//! matches as checkboxes), and each party's duties are rows of the same form.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use kette_domain::agreements::{AgreementInput, Duty};
use kette_domain::FieldError;
use kette_store::StoreError;

use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, SignedForm};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/network/agreements/new", get(new_form).post(create))
        .route("/network/agreements/{id}", get(edit_form).post(update))
}

/// Empty duty rows offered beyond the filled ones.
const SPARE_DUTIES: usize = 2;

/// The one reader of the agreement form; every field error is collected.
fn agreement_from_form(form: &FormData) -> (AgreementInput, Vec<FieldError>) {
    let mut errors = vec![];
    let mut organisation_ids = vec![];
    for v in form.all("organisation_ids") {
        match v.parse() {
            Ok(id) => organisation_ids.push(id),
            Err(_) => errors.push(FieldError::new("organisation_ids", "error-choice", "not a choice")),
        }
    }
    let mut duties = vec![];
    for i in 0..50 {
        let (org, task) = (form.get(&format!("duty_org_{i}")), form.get(&format!("duty_task_{i}")));
        if org.is_empty() && task.is_empty() {
            continue;
        }
        let organisation_id = org.parse().unwrap_or_else(|_| {
            errors.push(FieldError::new("duties", "error-agreement-duty-party", "a duty belongs to a party"));
            0
        });
        let opt = |k: String| Some(form.get(&k).to_string()).filter(|v| !v.is_empty());
        duties.push(Duty {
            organisation_id,
            task: task.to_string(),
            life_phase: opt(format!("duty_phase_{i}")),
            transition: opt(format!("duty_transition_{i}")),
            district_id: None,
        });
    }
    let input = AgreementInput {
        kind: form.get("kind").to_string(),
        title: form.get("agreement_title").to_string(),
        organisation_ids,
        since: form.date("since", &mut errors),
        until: form.date("until", &mut errors),
        duties,
        contacts: form.get("contacts").to_string(),
        document_url: form.get("document_url").to_string(),
    };
    (input, errors)
}

#[derive(Template)]
#[template(path = "agreement.html")]
struct AgreementPage {
    ctx: Ctx,
    /// None for a new agreement.
    id: Option<i64>,
    input: AgreementInput,
    /// Parties first (checked), then the search's matches: (id, name, chosen).
    choices: Vec<(i64, String, bool)>,
    /// What was searched for, when the search found nothing.
    nothing_found: Option<String>,
    search: String,
    errors: Vec<FieldError>,
}

impl AgreementPage {
    fn v(&self, k: &str) -> String {
        match k {
            "agreement_title" => self.input.title.clone(),
            "since" => self.input.since.map(|d| d.to_string()).unwrap_or_default(),
            "until" => self.input.until.map(|d| d.to_string()).unwrap_or_default(),
            "document_url" => self.input.document_url.clone(),
            _ => String::new(),
        }
    }
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/network/agreements/{id}"),
            None => "/network/agreements/new".into(),
        }
    }
    /// The duty rows: the filled ones and a few empty ones.
    fn duty_rows(&self) -> Vec<(usize, Duty)> {
        let blank = Duty { organisation_id: 0, task: String::new(), life_phase: None, transition: None, district_id: None };
        self.input.duties.iter().cloned().chain(std::iter::repeat_n(blank, SPARE_DUTIES)).enumerate().collect()
    }
    /// The parties a duty may belong to.
    fn parties(&self) -> Vec<(i64, String)> {
        self.choices.iter().filter(|(_, _, chosen)| *chosen).map(|(id, name, _)| (*id, name.clone())).collect()
    }
}

async fn build(
    state: &AppState,
    ctx: Ctx,
    id: Option<i64>,
    input: AgreementInput,
    search: &str,
    errors: Vec<FieldError>,
) -> Result<AgreementPage, PageError> {
    let m = ctx.municipality.id;
    let mut choices = vec![];
    let names: HashMap<i64, String> = match id {
        Some(id) => state.store.agreement(m, id).await.or_page()?.map(|a| a.parties.into_iter().collect()).unwrap_or_default(),
        None => HashMap::new(),
    };
    for o in &input.organisation_ids {
        let name = match names.get(o) {
            Some(n) => n.clone(),
            None => match state.store.organisation(m, *o).await {
                Ok(org) => org.name,
                Err(StoreError::NotFound(_)) => format!("#{o}"),
                Err(e) => return Err(PageError::store(e)),
            },
        };
        choices.push((*o, name, true));
    }
    let mut nothing_found = None;
    if !search.is_empty() {
        let found = state.store.list_organisations(m, Some(search), 1, 20).await.or_page()?.items;
        if found.is_empty() {
            nothing_found = Some(search.to_string());
        }
        for o in found.into_iter().filter(|o| !input.organisation_ids.contains(&o.id)) {
            choices.push((o.id, o.name, false));
        }
    }
    Ok(AgreementPage { ctx, id, input, choices, nothing_found, search: search.to_string(), errors })
}

fn blank() -> AgreementInput {
    AgreementInput {
        kind: "cooperation_agreement".into(),
        title: String::new(),
        organisation_ids: vec![],
        since: None,
        until: None,
        duties: vec![],
        contacts: String::new(),
        document_url: String::new(),
    }
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    render(&build(&state, ctx, None, blank(), "", vec![]).await?)
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let agreement = state.store.agreement(ctx.municipality.id, id).await.or_page()?.ok_or_else(PageError::not_found)?;
    render(&build(&state, ctx, Some(id), agreement.input, "", vec![]).await?)
}

async fn save(state: AppState, ctx: Ctx, id: Option<i64>, form: FormData) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let (input, mut errors) = agreement_from_form(&form);
    if form.get("action") == "search" && !form.get("search").is_empty() {
        // the search sends the form back with its matches; nothing is saved
        return render(&build(&state, ctx, id, input, form.get("search"), vec![]).await?);
    }
    if errors.is_empty() {
        let by = ctx.user.as_ref().map(|u| u.id);
        let m = ctx.municipality.id;
        let saved = match id {
            Some(id) => state.store.update_agreement(m, id, &input, by).await.map(|()| id),
            None => state.store.create_agreement(m, &input, false, by).await,
        };
        match saved {
            Ok(_) => return Ok(Redirect::to("/network#agreements").into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(StoreError::NotFound(_)) => return Err(PageError::not_found()),
            Err(e) => return Err(PageError::store(e)),
        }
    }
    let page = render(&build(&state, ctx, id, input, "", errors).await?)?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn create(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    save(state, ctx, None, form).await
}

async fn update(State(state): State<AppState>, Path(id): Path<i64>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    save(state, ctx, Some(id), form).await
}
