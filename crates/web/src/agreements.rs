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
        .route("/network/proposals/{id}", get(proposal_page).post(decide))
}

/// Who writes through the form: the coordination saves; a partner editor proposes, for their
/// own organisation.
enum Writer {
    Coordination,
    Partner(i64),
}

fn writer(ctx: &Ctx) -> Result<Writer, PageError> {
    if ctx.can_approve() {
        return Ok(Writer::Coordination);
    }
    match ctx.actor() {
        Some(a) if a.role == kette_domain::Role::PartnerEditor => a.organisation_id.map(Writer::Partner).ok_or_else(PageError::forbidden),
        Some(_) => Err(PageError::forbidden()),
        None => Err(PageError::not_found()),
    }
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
            district_id: form.get(&format!("duty_district_{i}")).parse().ok(),
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
    /// A partner's proposal rather than the coordination's save.
    proposing: bool,
    /// (id, name, level) of the districts a duty may be for.
    districts: Vec<(i64, String, i64)>,
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
    let proposing = !ctx.can_approve();
    let districts = crate::pages::district_options(state, &ctx).await?;
    Ok(AgreementPage { ctx, id, input, choices, nothing_found, search: search.to_string(), errors, proposing, districts })
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
    let mut input = blank();
    if let Writer::Partner(own) = writer(&ctx)? {
        input.organisation_ids.push(own);
    }
    render(&build(&state, ctx, None, input, "", vec![]).await?)
}

/// The agreement for this writer: the coordination any, a partner one its organisation is party to.
async fn agreement_for(state: &AppState, ctx: &Ctx, id: i64) -> Result<kette_store::Agreement, PageError> {
    let agreement = state.store.agreement(ctx.municipality.id, id).await.or_page()?.ok_or_else(PageError::not_found)?;
    match writer(ctx)? {
        Writer::Coordination => Ok(agreement),
        Writer::Partner(own) if agreement.input.organisation_ids.contains(&own) => Ok(agreement),
        Writer::Partner(_) => Err(PageError::not_found()),
    }
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, PageError> {
    let agreement = agreement_for(&state, &ctx, id).await?;
    render(&build(&state, ctx, Some(id), agreement.input, "", vec![]).await?)
}

async fn save(state: AppState, ctx: Ctx, id: Option<i64>, form: FormData) -> Result<Response, PageError> {
    let who = writer(&ctx)?;
    if let Some(id) = id {
        agreement_for(&state, &ctx, id).await?;
    }
    let (input, mut errors) = agreement_from_form(&form);
    if form.get("action") == "search" && !form.get("search").is_empty() {
        // the search sends the form back with its matches; nothing is saved
        return render(&build(&state, ctx, id, input, form.get("search"), vec![]).await?);
    }
    if errors.is_empty() {
        if let Writer::Partner(own) = who {
            let by = ctx.user.as_ref().map(|u| u.id);
            match state.store.propose_agreement(ctx.municipality.id, id, own, &input, by).await {
                Ok(_) => return Ok(Redirect::to("/network?proposed=1#proposals").into_response()),
                Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
                Err(StoreError::NotFound(_)) => return Err(PageError::not_found()),
                Err(e) => return Err(PageError::store(e)),
            }
            let page = render(&build(&state, ctx, id, input, "", errors).await?)?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
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

// ---------------------------------------------------------------- partners' proposals

#[derive(Template)]
#[template(path = "agreement_proposal.html")]
struct ProposalPage {
    ctx: Ctx,
    proposal: kette_store::AgreementProposal,
    /// The agreement as it stands, for a change.
    current: Option<kette_store::Agreement>,
    /// (id, name) of the proposed parties.
    parties: Vec<(i64, String)>,
    error: Option<String>,
}

impl ProposalPage {
    fn state_label(&self) -> String {
        self.ctx.t(&format!("agreement-proposal-state-{}", self.proposal.state))
    }
    fn period(&self, a: &AgreementInput) -> String {
        match (a.since, a.until) {
            (Some(s), Some(u)) => format!("{} – {}", self.ctx.date(s), self.ctx.date(u)),
            (Some(s), None) => format!("{} –", self.ctx.date(s)),
            (None, Some(u)) => format!("– {}", self.ctx.date(u)),
            (None, None) => String::new(),
        }
    }
    fn party_name(&self, id: &i64) -> String {
        self.parties.iter().find(|(p, _)| p == id).map(|(_, n)| n.clone()).unwrap_or_else(|| format!("#{id}"))
    }
    fn current_parties(&self) -> String {
        self.current.as_ref().map(|c| c.parties.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ")).unwrap_or_default()
    }
    fn proposed_parties(&self) -> String {
        self.proposal.proposed.organisation_ids.iter().map(|o| self.party_name(o)).collect::<Vec<_>>().join(", ")
    }
}

async fn proposal_view(state: &AppState, ctx: Ctx, id: i64, error: Option<String>) -> Result<ProposalPage, PageError> {
    let m = ctx.municipality.id;
    let proposal =
        state.store.agreement_proposals(m, None).await.or_page()?.into_iter().find(|p| p.id == id).ok_or_else(PageError::not_found)?;
    let current = match proposal.agreement_id {
        Some(a) => state.store.agreement(m, a).await.or_page()?,
        None => None,
    };
    let mut parties = vec![];
    for o in &proposal.proposed.organisation_ids {
        match state.store.organisation(m, *o).await {
            Ok(org) => parties.push((*o, org.name)),
            Err(StoreError::NotFound(_)) => {}
            Err(e) => return Err(PageError::store(e)),
        }
    }
    Ok(ProposalPage { ctx, proposal, current, parties, error })
}

async fn proposal_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, PageError> {
    ctx.coordination_only()?;
    render(&proposal_view(&state, ctx, id, None).await?)
}

async fn decide(State(state): State<AppState>, Path(id): Path<i64>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let approve = match form.get("decision") {
        "approve" => true,
        "reject" => false,
        other => return Err(PageError::bad_request(format!("decision '{other}'"))),
    };
    let by = ctx.user.as_ref().map(|u| u.id);
    match state.store.decide_agreement_proposal(ctx.municipality.id, id, approve, form.get("reason"), by).await {
        Ok(_) => Ok(Redirect::to("/network#proposals").into_response()),
        Err(StoreError::Invalid { errors, .. }) => {
            let message = errors.0.first().map(|e| ctx.t(&e.code));
            let page = proposal_view(&state, ctx, id, message).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(StoreError::Conflict(_)) => {
            let message = Some(ctx.t("agreement-proposal-decided"));
            let page = proposal_view(&state, ctx, id, message).await?;
            Ok((StatusCode::CONFLICT, render(&page)?).into_response())
        }
        Err(e) => Err(PageError::store(e)),
    }
}
