//! The HTML pages. Public pages show only active offers and never confidential addresses;
//! signed-in users see more according to their role (rules in `kette_domain::access`).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use kette_domain::matrix::ChainMatrix;
use kette_domain::privacy::PublicCount;
use kette_domain::validate::FieldError;
use kette_domain::vocab::{Access, Cost, FundingKind, OfferStatus, PreventionLevel};
use kette_domain::{Location, Offer, OfferInput, Organisation, ValidationErrors};
use kette_store::{DistrictDetail, DistrictSummary, OfferFilter, OfferSummary, OrganisationSummary, Page, StoreError};

use crate::ctx::Ctx;
use crate::error::{render, OrPage, PageError};
use crate::forms::FormData;
use crate::forms::SignedForm;
use crate::AppState;

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/", get(home))
        .route("/districts", get(districts))
        .route("/districts/compare", get(compare_districts))
        .route("/districts/{id}", get(district))
        .route("/districts/{id}/map.geojson", get(district_map))
        .route("/organisations", get(organisations))
        .route("/organisations/{id}", get(organisation))
        .route("/offers", get(offers))
        .route("/offers/new", get(new_offer_form).post(create_offer))
        .route("/offers/{id}", get(offer))
        .route("/offers/{id}/edit", get(edit_offer_form).post(update_offer))
}

type Q = Query<HashMap<String, String>>;

fn q<'a>(q: &'a HashMap<String, String>, k: &str) -> Option<&'a str> {
    q.get(k).map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// Query string of `params` with `page` replaced, for pagination links.
pub(crate) fn page_link(base: &str, params: &HashMap<String, String>, page: i64) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    let mut keys: Vec<_> = params.keys().filter(|k| *k != "page" && *k != "lang").collect();
    keys.sort();
    for k in keys {
        if !params[k].trim().is_empty() {
            s.append_pair(k, &params[k]);
        }
    }
    s.append_pair("page", &page.to_string());
    format!("{base}?{}", s.finish())
}

pub struct Pager {
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    fn new<T>(p: &Page<T>, base: &str, params: &HashMap<String, String>) -> Self {
        let pages = ((p.total + p.per_page as i64 - 1) / p.per_page as i64).max(1);
        let page = p.page as i64;
        Pager {
            total: p.total,
            page,
            pages,
            prev: (page > 1).then(|| page_link(base, params, page - 1)),
            next: (page < pages).then(|| page_link(base, params, page + 1)),
        }
    }
}

fn parse_page(ctx: &Ctx, params: &HashMap<String, String>) -> Result<u32, PageError> {
    let (paging, errors) = crate::paging::Paging::parse(params, 1, 1);
    match errors.into_iter().find(|e| e.field == "query.page") {
        None => Ok(paging.page),
        Some(_) => Err(PageError::bad_request(ctx, format!("page '{}'", q(params, "page").unwrap_or_default()))),
    }
}

// ---------------------------------------------------------------- start page

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: Ctx,
    matrix: ChainMatrix,
    offers: i64,
    organisations: i64,
    districts: i64,
}

async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let matrix = state.store.chain_matrix(m, &ctx.vocab, None).await.or_page(&ctx)?;
    let counts = state.store.offer_counts(m).await.or_page(&ctx)?;
    let organisations = state.store.list_organisations(m, None, 1, 1).await.or_page(&ctx)?.total;
    let districts = state.store.districts(m, None, 1, 1).await.or_page(&ctx)?.1;
    render(&HomePage { offers: counts.get("active").copied().unwrap_or(0), matrix, organisations, districts, ctx })
}

pub struct MatrixCell {
    pub domain: String,
    pub count: u64,
    pub heat: u64,
}

pub struct MatrixRow {
    pub phase: String,
    pub total: u64,
    pub cells: Vec<MatrixCell>,
}

/// Rows of the chain matrix with a 0–4 shade per cell relative to the fullest cell.
fn matrix_rows(m: &ChainMatrix) -> Vec<MatrixRow> {
    let max = m.max_count().max(1);
    m.life_phases
        .iter()
        .enumerate()
        .map(|(p, phase)| MatrixRow {
            phase: phase.clone(),
            total: m.phase_totals[p],
            cells: m
                .domains
                .iter()
                .enumerate()
                .map(|(d, domain)| {
                    let count = m.counts[p][d];
                    MatrixCell { domain: domain.clone(), count, heat: if count == 0 { 0 } else { 1 + (count * 4 / (max + 1)).min(3) } }
                })
                .collect(),
        })
        .collect()
}

impl HomePage {
    fn rows(&self) -> Vec<MatrixRow> {
        matrix_rows(&self.matrix)
    }
}

// ---------------------------------------------------------------- offers

fn offer_filter(ctx: &Ctx, params: &HashMap<String, String>) -> Result<OfferFilter, PageError> {
    let age_months = match q(params, "age") {
        None => None,
        Some(a) => match a.replace(',', ".").parse::<f64>() {
            Ok(y) if (0.0..=27.0).contains(&y) => Some((y * 12.0).round() as u32),
            _ => return Err(PageError::bad_request(ctx, ctx.t("error-age-years"))),
        },
    };
    let int = |k: &str| -> Result<Option<i64>, PageError> {
        q(params, k).map(|v| v.parse::<i64>().map_err(|_| PageError::bad_request(ctx, format!("{k} '{v}'")))).transpose()
    };
    Ok(OfferFilter {
        q: q(params, "q").map(|s| s.chars().take(200).collect()),
        life_phase: q(params, "life_phase").map(Into::into),
        domain: q(params, "domain").map(Into::into),
        target_group: q(params, "target_group").map(Into::into),
        language: q(params, "language").map(Into::into),
        cost: q(params, "cost").and_then(Cost::parse),
        access: q(params, "access").and_then(Access::parse),
        district_id: int("district")?,
        organisation_id: int("organisation")?,
        age_months,
        public_only: !ctx.disclosure().sees_all_unpublished_offers(),
        unpublished_of: ctx.disclosure().own_organisation(),
        status: if ctx.disclosure().sees_all_unpublished_offers() { q(params, "status").and_then(OfferStatus::parse) } else { None },
    })
}

#[derive(Template)]
#[template(path = "offers.html")]
struct OffersPage {
    ctx: Ctx,
    offers: Vec<OfferSummary>,
    pager: Pager,
    params: HashMap<String, String>,
    district_options: Vec<(i64, String, i64)>,
}

impl OffersPage {
    fn param(&self, k: &str) -> String {
        self.params.get(k).cloned().unwrap_or_default()
    }
    fn sel(&self, k: &str, v: &str) -> bool {
        self.params.get(k).is_some_and(|x| x == v)
    }
}

pub(crate) async fn district_options(state: &AppState, ctx: &Ctx) -> Result<Vec<(i64, String, i64)>, PageError> {
    let top = state.store.districts_up_to(ctx.municipality.id, 2).await.or_page(ctx)?;
    Ok(top.into_iter().map(|d| (d.id, d.name, d.level)).collect())
}

async fn offers(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let filter = offer_filter(&ctx, &params)?;
    let page = parse_page(&ctx, &params)?;
    let result = state.store.list_offers(ctx.municipality.id, &filter, page, 50).await.or_page(&ctx)?;
    let pager = Pager::new(&result, "/offers", &params);
    let district_options = district_options(&state, &ctx).await?;
    render(&OffersPage { offers: result.items, pager, params, district_options, ctx })
}

#[derive(Template)]
#[template(path = "offer.html")]
struct OfferPage {
    ctx: Ctx,
    offer: Offer,
    history: Vec<(String, String, Option<String>, String)>,
    /// The newest proposal for the offer (signed-in professionals only).
    proposal: Option<kette_store::OfferChange>,
    /// Whether families see the offer today.
    public: bool,
    /// The verification state, for professionals.
    freshness: String,
    /// The editor just submitted a proposal / confirmed the offer.
    proposed: bool,
    confirmed: bool,
}

impl OfferPage {
    fn age_text(&self) -> String {
        let (min, max) = (self.offer.input.min_age_months, self.offer.input.max_age_months);
        let months = |m: u32| {
            if m.is_multiple_of(12) {
                self.ctx.tn("age-years", (m / 12) as i64)
            } else {
                self.ctx.tn("age-months", m as i64)
            }
        };
        match (min, max) {
            (None, None) => String::new(),
            (a, b) => format!("{} – {}", a.map(months).unwrap_or_default(), b.map(months).unwrap_or_default()),
        }
    }
    fn visible_locations(&self) -> Vec<&Location> {
        let d = self.ctx.disclosure();
        self.offer.locations.iter().filter(|l| kette_app::places::visible(&d, l)).collect()
    }
}

async fn offer(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Query(params): Q) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found(&ctx))?;
    let offer = state.store.offer(ctx.municipality.id, id).await.or_page(&ctx)?;
    let public = crate::offer_is_public(state.store.today(), &ctx.municipality.review, &offer.input, offer.approval);
    let disclosure = ctx.disclosure();
    if !disclosure.sees_unpublished_offers_of(offer.input.organisation_id) && !public {
        return Err(PageError::not_found(&ctx));
    }
    let (history, proposal) = if disclosure.sees_unpublished_offers_of(offer.input.organisation_id) {
        (
            state.store.audit_entries(ctx.municipality.id, "offer", id).await.or_page(&ctx)?,
            state.store.latest_change(ctx.municipality.id, id).await.or_page(&ctx)?,
        )
    } else {
        (vec![], None)
    };
    let freshness = ctx.t(ctx.municipality.review.freshness(offer.input.last_verified_on, state.store.today()).label_key());
    let proposed = params.contains_key("proposed");
    let confirmed = params.contains_key("confirmed");
    render(&OfferPage { offer, history, proposal, public, freshness, proposed, confirmed, ctx })
}

// ---------------------------------------------------------------- offer form

#[derive(Template)]
#[template(path = "offer_form.html")]
struct OfferFormPage {
    ctx: Ctx,
    offer_id: Option<i64>,
    organisation: Organisation,
    locations: Vec<Location>,
    input: OfferInput,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
    /// The form shows a proposal still waiting for approval, not the public version.
    waiting: bool,
}

impl OfferFormPage {
    fn v(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
    fn err(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == field).map(|e| self.ctx.t(&e.code))
    }
    fn has_term(&self, kind: &str, code: &str) -> bool {
        let list = match kind {
            "life_phase" => &self.input.life_phases,
            "domain" => &self.input.domains,
            "target_group" => &self.input.target_groups,
            _ => &self.input.transitions,
        };
        list.iter().any(|c| c == code)
    }
    fn has_location(&self, id: &i64) -> bool {
        self.input.location_ids.contains(id)
    }
    fn action(&self) -> String {
        match self.offer_id {
            Some(id) => format!("/offers/{id}/edit"),
            None => "/offers/new".into(),
        }
    }
}

fn values_of(input: &OfferInput) -> HashMap<String, String> {
    let opt = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    HashMap::from([
        ("title".into(), input.title.clone()),
        ("description".into(), input.description.clone()),
        ("languages".into(), input.languages.join(", ")),
        ("min_age_months".into(), opt(input.min_age_months)),
        ("max_age_months".into(), opt(input.max_age_months)),
        ("schedule".into(), input.schedule.clone()),
        ("capacity".into(), opt(input.capacity)),
        ("reach_per_year".into(), opt(input.reach_per_year)),
        ("funding_source".into(), input.funding.source.clone()),
        ("funding_amount_eur".into(), input.funding.amount_eur.map(|a| a.to_string()).unwrap_or_default()),
        ("funding_until".into(), date(input.funding.until)),
        ("last_verified_on".into(), date(input.last_verified_on)),
        ("contact_email".into(), input.contact_email.clone()),
        ("contact_phone".into(), input.contact_phone.clone()),
        ("website".into(), input.website.clone()),
        ("prevention_level".into(), input.prevention_level.as_str().into()),
        ("cost".into(), input.cost.as_str().into()),
        ("access".into(), input.access.as_str().into()),
        ("status".into(), input.status.as_str().into()),
        ("funding_kind".into(), input.funding.kind.map(|k| k.as_str().to_string()).unwrap_or_default()),
    ])
}

/// Reads the offer form. Syntax problems (not a number, not a date) become field errors here;
/// the rules are checked by the domain when the store validates.
fn parse_offer_form(form: &FormData, organisation_id: i64) -> (OfferInput, HashMap<String, String>, Vec<FieldError>) {
    let mut errors = vec![];
    let mut values = HashMap::new();
    for k in [
        "title",
        "description",
        "languages",
        "min_age_months",
        "max_age_months",
        "schedule",
        "capacity",
        "reach_per_year",
        "funding_source",
        "funding_amount_eur",
        "funding_until",
        "last_verified_on",
        "contact_email",
        "contact_phone",
        "website",
        "prevention_level",
        "cost",
        "access",
        "status",
        "funding_kind",
    ] {
        values.insert(k.to_string(), form.get(k).to_string());
    }
    let mut int = |k: &str| -> Option<u32> {
        let v = form.get(k);
        if v.is_empty() {
            return None;
        }
        v.parse::<u32>().map_err(|_| errors.push(FieldError::new(k, "error-whole-number", format!("'{v}' is not a whole number")))).ok()
    };
    let (min_age, max_age, capacity, reach) = (int("min_age_months"), int("max_age_months"), int("capacity"), int("reach_per_year"));
    let amount = match form.get("funding_amount_eur") {
        "" => None,
        v => match v.replace('.', "").replace(',', ".").parse::<f64>().ok().or_else(|| v.parse().ok()) {
            Some(a) => Some(a),
            None => {
                errors.push(FieldError::new("funding_amount_eur", "error-number", format!("'{v}' is not a number")));
                None
            }
        },
    };
    let mut date = |k: &str| -> Option<time::Date> {
        let v = form.get(k);
        if v.is_empty() {
            return None;
        }
        let fmt = time::macros::format_description!("[year]-[month]-[day]");
        time::Date::parse(v, fmt)
            .map_err(|_| errors.push(FieldError::new(k, "error-date", format!("'{v}' is not a date (YYYY-MM-DD)"))))
            .ok()
    };
    let (until, verified) = (date("funding_until"), date("last_verified_on"));
    let mut choice_error = |k: &str| errors.push(FieldError::new(k, "error-choice", "not one of the choices"));
    let prevention_level = PreventionLevel::parse(form.get("prevention_level")).unwrap_or_else(|| {
        choice_error("prevention_level");
        PreventionLevel::Universal
    });
    let cost = Cost::parse(form.get("cost")).unwrap_or_else(|| {
        choice_error("cost");
        Cost::Free
    });
    let access = Access::parse(form.get("access")).unwrap_or_else(|| {
        choice_error("access");
        Access::Open
    });
    let status = OfferStatus::parse(form.get("status")).unwrap_or_else(|| {
        choice_error("status");
        OfferStatus::Draft
    });
    let location_ids = form.all("location_ids").iter().filter_map(|v| v.parse().ok()).collect();
    let input = OfferInput {
        organisation_id,
        title: form.get("title").into(),
        description: form.get("description").into(),
        life_phases: form.all("life_phases"),
        domains: form.all("domains"),
        target_groups: form.all("target_groups"),
        transitions: form.all("transitions"),
        languages: form.get("languages").split([',', ' ', ';']).map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()).collect(),
        min_age_months: min_age,
        max_age_months: max_age,
        prevention_level,
        cost,
        access,
        schedule: form.get("schedule").into(),
        capacity,
        reach_per_year: reach,
        funding: kette_domain::Funding {
            kind: FundingKind::parse(form.get("funding_kind")),
            source: form.get("funding_source").into(),
            amount_eur: amount,
            until,
        },
        status,
        last_verified_on: verified,
        contact_email: form.get("contact_email").into(),
        contact_phone: form.get("contact_phone").into(),
        website: form.get("website").into(),
        location_ids,
    };
    (input, values, errors)
}

/// The way to the sign-in page (and back here) when nobody is signed in.
fn sign_in_first(ctx: &Ctx) -> Option<Response> {
    if ctx.user.is_none() {
        let mut s = form_urlencoded::Serializer::new(String::new());
        s.append_pair("next", &ctx.here);
        return Some(Redirect::to(&format!("/login?{}", s.finish())).into_response());
    }
    None
}

async fn new_offer_form(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    if let Some(r) = sign_in_first(&ctx) {
        return Ok(r);
    }
    let org_id = match (q(&params, "organisation").and_then(|o| o.parse::<i64>().ok()), ctx.user.as_ref().and_then(|u| u.organisation_id)) {
        (Some(o), _) | (None, Some(o)) => o,
        (None, None) => return Err(PageError::bad_request(&ctx, ctx.t("error-choose-organisation"))),
    };
    if !ctx.can_edit(org_id) {
        return Err(PageError::forbidden(&ctx));
    }
    let organisation = state.store.organisation(ctx.municipality.id, org_id).await.or_page(&ctx)?;
    let locations = state.store.organisation_locations(ctx.municipality.id, org_id).await.or_page(&ctx)?;
    let mut input = OfferInput::blank(org_id);
    input.status = OfferStatus::Active;
    input.last_verified_on = Some(state.store.today());
    let values = values_of(&input);
    render(&OfferFormPage { offer_id: None, organisation, locations, input, values, errors: vec![], waiting: false, ctx })
}

async fn create_offer(
    State(state): State<AppState>,
    Query(params): Q,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    if let Some(r) = sign_in_first(&ctx) {
        return Ok(r);
    }
    let org_id: i64 = form
        .get("organisation_id")
        .parse()
        .ok()
        .or_else(|| q(&params, "organisation").and_then(|o| o.parse().ok()))
        .or_else(|| ctx.user.as_ref().and_then(|u| u.organisation_id))
        .ok_or_else(|| PageError::bad_request(&ctx, ctx.t("error-choose-organisation")))?;
    if !ctx.can_edit(org_id) {
        return Err(PageError::forbidden(&ctx));
    }
    let (input, values, syntax_errors) = parse_offer_form(&form, org_id);
    let by = ctx.user.as_ref().map(|u| u.id);
    let proposal = ctx.edits_need_approval();
    let result = if !syntax_errors.is_empty() {
        Err(invalid(syntax_errors))
    } else if proposal {
        state.store.propose_new_offer(ctx.municipality.id, &input, by).await
    } else {
        state.store.create_offer(ctx.municipality.id, &input, by).await
    };
    match result {
        Ok(id) => {
            state.reindex(ctx.municipality.id, &[id]).await;
            let flag = if proposal { "?proposed=1" } else { "" };
            Ok(Redirect::to(&format!("/offers/{id}{flag}")).into_response())
        }
        Err(StoreError::Invalid { errors, .. }) => form_again(&state, ctx, None, org_id, input, values, errors.0).await,
        Err(e) => Err(PageError::store(&ctx, e)),
    }
}

fn invalid(errors: Vec<FieldError>) -> StoreError {
    StoreError::Invalid { context: "form".into(), errors: ValidationErrors(errors) }
}

async fn form_again(
    state: &AppState,
    ctx: Ctx,
    offer_id: Option<i64>,
    org_id: i64,
    input: OfferInput,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
) -> Result<Response, PageError> {
    let organisation = state.store.organisation(ctx.municipality.id, org_id).await.or_page(&ctx)?;
    let locations = state.store.organisation_locations(ctx.municipality.id, org_id).await.or_page(&ctx)?;
    let page = render(&OfferFormPage { offer_id, organisation, locations, input, values, errors, waiting: false, ctx })?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn edit_offer_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    if let Some(r) = sign_in_first(&ctx) {
        return Ok(r);
    }
    let id: i64 = id.parse().map_err(|_| PageError::not_found(&ctx))?;
    let offer = state.store.offer(ctx.municipality.id, id).await.or_page(&ctx)?;
    if !ctx.can_edit(offer.input.organisation_id) {
        return Err(PageError::forbidden(&ctx));
    }
    let organisation = state.store.organisation(ctx.municipality.id, offer.input.organisation_id).await.or_page(&ctx)?;
    let locations = state.store.organisation_locations(ctx.municipality.id, offer.input.organisation_id).await.or_page(&ctx)?;
    // editing again starts from what waits for approval, so nothing proposed is lost
    let pending = state.store.open_change_for(ctx.municipality.id, "content", kette_store::Target::offer(id)).await.or_page(&ctx)?;
    let (input, waiting) = match pending.map(|c| c.proposed) {
        Some(kette_store::Proposal::Content(proposed)) => (proposed, true),
        _ => (offer.input, false),
    };
    let values = values_of(&input);
    render(&OfferFormPage { offer_id: Some(id), organisation, locations, input, values, errors: vec![], waiting, ctx })
}

async fn update_offer(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    if let Some(r) = sign_in_first(&ctx) {
        return Ok(r);
    }
    let id: i64 = id.parse().map_err(|_| PageError::not_found(&ctx))?;
    let current = state.store.offer(ctx.municipality.id, id).await.or_page(&ctx)?;
    let org_id = current.input.organisation_id;
    if !ctx.can_edit(org_id) {
        return Err(PageError::forbidden(&ctx));
    }
    let (input, values, syntax_errors) = parse_offer_form(&form, org_id);
    let by = ctx.user.as_ref().map(|u| u.id);
    let proposal = ctx.edits_need_approval();
    let result = if !syntax_errors.is_empty() {
        Err(invalid(syntax_errors))
    } else if proposal {
        state.store.propose_change(ctx.municipality.id, id, &input, by).await
    } else {
        state.store.update_offer(ctx.municipality.id, id, &input, by).await
    };
    match result {
        Ok(()) => {
            state.reindex(ctx.municipality.id, &[id]).await;
            let flag = if proposal { "?proposed=1" } else { "" };
            Ok(Redirect::to(&format!("/offers/{id}{flag}")).into_response())
        }
        Err(StoreError::Invalid { errors, .. }) => form_again(&state, ctx, Some(id), org_id, input, values, errors.0).await,
        Err(e) => Err(PageError::store(&ctx, e)),
    }
}

// ---------------------------------------------------------------- organisations

#[derive(Template)]
#[template(path = "organisations.html")]
struct OrganisationsPage {
    ctx: Ctx,
    organisations: Vec<OrganisationSummary>,
    pager: Pager,
    query: String,
}

async fn organisations(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let page = parse_page(&ctx, &params)?;
    let query = q(&params, "q").unwrap_or("").to_string();
    let r = state.store.list_organisations(ctx.municipality.id, Some(&query), page, 50).await.or_page(&ctx)?;
    let pager = Pager::new(&r, "/organisations", &params);
    render(&OrganisationsPage { organisations: r.items, pager, query, ctx })
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrganisationPage {
    ctx: Ctx,
    organisation: Organisation,
    offers: Vec<OfferSummary>,
    total_offers: i64,
    locations: Vec<Location>,
    /// A partner just proposed a change to one of the places.
    proposed: bool,
}

impl OrganisationPage {
    fn visible_locations(&self) -> Vec<&Location> {
        let d = self.ctx.disclosure();
        self.locations.iter().filter(|l| kette_app::places::visible(&d, l)).collect()
    }
}

async fn organisation(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Query(params): Q) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found(&ctx))?;
    let organisation = state.store.organisation(ctx.municipality.id, id).await.or_page(&ctx)?;
    let d = ctx.disclosure();
    let filter = OfferFilter {
        organisation_id: Some(id),
        public_only: !d.sees_all_unpublished_offers(),
        unpublished_of: d.own_organisation(),
        ..Default::default()
    };
    let offers = state.store.list_offers(ctx.municipality.id, &filter, 1, 100).await.or_page(&ctx)?;
    let locations = state.store.organisation_locations(ctx.municipality.id, id).await.or_page(&ctx)?;
    let proposed = params.contains_key("proposed");
    render(&OrganisationPage { organisation, total_offers: offers.total, offers: offers.items, locations, proposed, ctx })
}

// ---------------------------------------------------------------- districts

#[derive(Template)]
#[template(path = "districts.html")]
struct DistrictsPage {
    ctx: Ctx,
    top: Vec<DistrictSummary>,
    level_label: String,
}

async fn districts(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let top = state.store.district_children(ctx.municipality.id, None).await.or_page(&ctx)?;
    let levels = state.store.district_levels(ctx.municipality.id).await.or_page(&ctx)?;
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
struct DistrictPage {
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
            Some(x) => {
                let s = format!("{x:+.2}");
                if self.ctx.lang == "de" {
                    s.replace('.', ",")
                } else {
                    s
                }
            }
            None => "–".into(),
        }
    }
    fn fmt_ci(&self, ci: &Option<(f64, f64)>) -> String {
        ci.map(|(lo, hi)| format!("{}–{}", self.fmt_value(Some(lo)), self.fmt_value(Some(hi)))).unwrap_or_default()
    }
    fn fmt_value(&self, v: impl std::borrow::Borrow<Option<f64>>) -> String {
        let v = *v.borrow();
        match v {
            Some(x) => {
                let s = format!("{x:.1}");
                if self.ctx.lang == "de" {
                    s.replace('.', ",")
                } else {
                    s
                }
            }
            None => "–".into(),
        }
    }
}

async fn district(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let id: i64 = id.parse().map_err(|_| PageError::not_found(&ctx))?;
    let detail = state.store.district(m, id).await.or_page(&ctx)?;
    let levels = state.store.district_levels(m).await.or_page(&ctx)?;
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
    let pop = state.app.population(&disclosure, m, id).await.or_page(&ctx)?;
    let (pop_years, pop_suppressed, pop_totals) = (pop.years, pop.suppressed, pop.totals);
    let pop_rows = pop.groups.into_iter().map(|(group, counts)| (group.code(), counts)).collect();
    let figures = state.app.figures(&disclosure, m).await.or_page(&ctx)?;
    let obs: Vec<&kette_app::Figure> = figures.of_district(id).collect();
    let defs = state.store.indicators(m).await.or_page(&ctx)?;
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
    let offers = state.store.list_offers(m, &filter, 1, 25).await.or_page(&ctx)?;
    let locs = state.app.places(&disclosure, m, Some(id), 1, 500).await.or_page(&ctx)?;
    let points: Vec<(f64, f64, String)> = locs.items.iter().filter_map(|l| Some((l.lon?, l.lat?, l.name.clone()))).collect();
    let svg = match state.store.district_geometry(m, id).await.or_page(&ctx)? {
        Some(g) => crate::svg::district_svg(&g, &points, 480.0, &ctx.t1("map-of", "name", &detail.district.name)),
        None => None,
    };
    let matrix = state.store.chain_matrix(m, &ctx.vocab, Some(id)).await.or_page(&ctx)?;
    let siblings = state
        .store
        .district_children(m, detail.district.parent_id)
        .await
        .or_page(&ctx)?
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
async fn district_map(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let id: i64 = id.parse().map_err(|_| PageError::not_found(&ctx))?;
    let detail = state.store.district(m, id).await.or_page(&ctx)?;
    let geometry: serde_json::Value = state
        .store
        .district_geometry(m, id)
        .await
        .or_page(&ctx)?
        .and_then(|g| serde_json::from_str(&g).ok())
        .unwrap_or(serde_json::Value::Null);
    let mut features = vec![
        serde_json::json!({"type": "Feature", "properties": {"kind": "district", "name": detail.district.name}, "geometry": geometry}),
    ];
    let locs = state.app.places(&ctx.disclosure(), m, Some(id), 1, 500).await.or_page(&ctx)?;
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
struct ComparePage {
    ctx: Ctx,
    a: kette_domain::District,
    b: kette_domain::District,
    population: (Option<(i32, i64)>, Option<(i32, i64)>),
    rows: Vec<CompareRow>,
}

impl ComparePage {
    fn cell(&self, v: &Option<(i32, f64)>) -> String {
        match v {
            Some((y, x)) => {
                let s = format!("{x:.1}");
                format!("{} ({y})", if self.ctx.lang == "de" { s.replace('.', ",") } else { s })
            }
            None => "–".into(),
        }
    }
    fn mean(&self, v: &Option<f64>) -> String {
        v.map(|x| {
            let s = format!("{x:.1}");
            if self.ctx.lang == "de" {
                s.replace('.', ",")
            } else {
                s
            }
        })
        .unwrap_or_else(|| "–".into())
    }
    fn pop(&self, v: &Option<(i32, i64)>) -> String {
        v.map(|(y, n)| format!("{} ({y})", self.ctx.num(n))).unwrap_or_else(|| "–".into())
    }
}

/// Two districts side by side: population and the latest value of every indicator, with the
/// mean of the first district's level for orientation.
async fn compare_districts(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let id =
        |k: &str| q(&params, k).and_then(|v| v.parse::<i64>().ok()).ok_or_else(|| PageError::bad_request(&ctx, ctx.t("error-compare")));
    let (ia, ib) = (id("a")?, id("b")?);
    let a = state.store.district(m, ia).await.or_page(&ctx)?.district;
    let b = state.store.district(m, ib).await.or_page(&ctx)?.district;
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
        latest_population(state.app.population(&disclosure, m, ia).await.or_page(&ctx)?),
        latest_population(state.app.population(&disclosure, m, ib).await.or_page(&ctx)?),
    );
    let defs = state.store.indicators(m).await.or_page(&ctx)?;
    let figures = state.app.figures(&disclosure, m).await.or_page(&ctx)?;
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

crate::pages_with_ctx!(
    ComparePage,
    HomePage,
    OffersPage,
    OfferPage,
    OfferFormPage,
    OrganisationsPage,
    OrganisationPage,
    DistrictsPage,
    DistrictPage
);
