//! The partner workflow's pages: the coordinator's approval queue with each proposal's changes,
//! the verification list (a to-do list for partners, the overview for coordination) with
//! "still current" confirmations and reminders, the review settings and one's own e-mail address.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use kette_domain::review::{changed_fields, Freshness, ReviewPolicy};
use kette_domain::{Location, OfferInput};
use kette_store::{DueOffer, OfferChange, Proposal, SentReminder, StoreError};

use crate::ctx::Ctx;
use crate::error::{render, OrPage, PageError};
use crate::forms::SignedForm;
use crate::AppState;

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/review", get(queue))
        .route("/review/settings", get(settings_form).post(save_settings))
        .route("/review/{id}", get(change_page))
        .route("/review/{id}/approve", post(approve))
        .route("/review/{id}/reject", post(reject))
        .route("/verification", get(verification))
        .route("/verification/confirm", post(confirm))
        .route("/verification/remind", post(remind))
        .route("/account", get(account_form).post(save_account))
}

type Q = Query<HashMap<String, String>>;

/// The signed-in person; anonymous visitors get the login page and come back afterwards.
fn signed_in(ctx: &Ctx) -> Result<kette_domain::access::Actor, PageError> {
    ctx.actor().ok_or_else(PageError::login_required)
}

// ---------------------------------------------------------------- approval queue

#[derive(Template)]
#[template(path = "review_queue.html")]
struct QueuePage {
    ctx: Ctx,
    changes: Vec<OfferChange>,
    /// Partners' proposals for cooperation agreements still waiting (issue 16).
    agreement_proposals: Vec<kette_store::AgreementProposal>,
    approved: Option<i64>,
    rejected: Option<i64>,
}

async fn queue(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let actor = signed_in(&ctx)?;
    let only = if actor.can_approve() {
        None
    } else if actor.can_create_offers() {
        Some(actor.organisation_id.ok_or_else(PageError::forbidden)?)
    } else {
        return Err(PageError::forbidden());
    };
    let changes = state.store.open_changes(ctx.municipality.id, only).await.or_page()?;
    let agreement_proposals =
        state.store.agreement_proposals(ctx.municipality.id, only).await.or_page()?.into_iter().filter(|p| p.state == "pending").collect();
    let id = |k: &str| params.get(k).and_then(|v| v.parse().ok());
    render(&QueuePage { approved: id("approved"), rejected: id("rejected"), changes, agreement_proposals, ctx })
}

/// One line of a proposal: the field's label, the public value and the proposed one.
pub struct ChangeRow {
    pub label: String,
    pub current: String,
    pub proposed: String,
}

#[derive(Template)]
#[template(path = "review_change.html")]
struct ChangePage {
    ctx: Ctx,
    change: OfferChange,
    rows: Vec<ChangeRow>,
    can_decide: bool,
    reason: String,
    reason_error: Option<String>,
}

impl ChangePage {
    fn state_label(&self) -> String {
        self.ctx.t(&format!("review-state-{}", self.change.state))
    }
    fn heading(&self) -> String {
        format!("{}: {}", kind_label(&self.ctx, &self.change), proposal_title(&self.change))
    }
    /// Where the current version can be seen.
    fn current_link(&self) -> String {
        match (self.change.offer_id, self.change.location_id) {
            (Some(o), _) => format!("/offers/{o}"),
            // a place has no page of its own: its organisation lists it
            _ => format!("/organisations/{}", self.change.organisation_id),
        }
    }
}

impl QueuePage {
    fn kind(&self, c: &OfferChange) -> String {
        kind_label(&self.ctx, c)
    }
    fn title(&self, c: &OfferChange) -> String {
        proposal_title(c)
    }
}

fn kind_label(ctx: &Ctx, c: &OfferChange) -> String {
    ctx.t(match (&c.proposed, c.is_new) {
        (Proposal::Content(_), true) => "review-kind-new",
        (Proposal::Content(_), false) => "review-kind-change",
        (Proposal::Texts(_), _) => "review-kind-texts",
        (Proposal::Place(_), _) => "review-kind-place",
        (Proposal::Organisation(_), _) => "review-kind-organisation",
    })
}

/// The title the proposal gives (a content change may rename the offer).
fn proposal_title(c: &OfferChange) -> String {
    match &c.proposed {
        Proposal::Content(i) => i.title.clone(),
        Proposal::Place(l) => l.name.clone(),
        Proposal::Texts(_) | Proposal::Organisation(_) => c.title.clone(),
    }
}

async fn change_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let (change, rows, can_decide) = load_change(&state, &ctx, &id).await?;
    render(&ChangePage { change, rows, can_decide, reason: String::new(), reason_error: None, ctx })
}

async fn load_change(state: &AppState, ctx: &Ctx, id: &str) -> Result<(OfferChange, Vec<ChangeRow>, bool), PageError> {
    let actor = signed_in(ctx)?;
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let change = state.store.offer_change(ctx.municipality.id, id).await.or_page()?;
    if !actor.can_approve() && !actor.can_edit_offers_of(change.organisation_id) {
        return Err(PageError::forbidden());
    }
    let m = ctx.municipality.id;
    let row = |label: String, current: String, proposed: String| ChangeRow { label, current, proposed };
    let rows: Vec<ChangeRow> = match (&change.proposed, change.offer_id, change.location_id) {
        (Proposal::Content(proposed), Some(offer), _) => {
            let current = state.store.offer(m, offer).await.or_page()?;
            let locations = state.store.organisation_locations(m, change.organisation_id).await.or_page()?;
            let fields: Vec<&str> = if change.is_new { ALL_FIELDS.to_vec() } else { changed_fields(&current.input, proposed) };
            fields
                .into_iter()
                .map(|f| {
                    let before = if change.is_new { String::new() } else { value_text(ctx, &current.input, f, &locations) };
                    row(ctx.t(field_label(f)), before, value_text(ctx, proposed, f, &locations))
                })
                .filter(|r| !(change.is_new && r.proposed.is_empty()))
                .collect()
        }
        (Proposal::Texts(proposed), Some(offer), _) => {
            let current = state.store.offer_translations(ctx.municipality.id, offer).await.or_page()?;
            let mut languages: Vec<&str> = current.iter().chain(proposed.iter()).map(|t| t.language.as_str()).collect();
            languages.sort();
            languages.dedup();
            let mut rows = vec![];
            for l in languages {
                let name = if l == kette_store::EASY_GERMAN { ctx.t("texts-easy-german") } else { kette_i18n::language_name(l) };
                let find = |list: &[kette_store::OfferTranslation]| {
                    list.iter().find(|t| t.language == l).cloned().filter(|t| !t.title.trim().is_empty())
                };
                let (before, after) = (find(&current), find(proposed));
                let text = |t: &Option<kette_store::OfferTranslation>, title: bool| {
                    t.as_ref()
                        .map(|t| if title { t.title.trim().to_string() } else { t.description.trim().to_string() })
                        .unwrap_or_default()
                };
                for (title, key) in [(true, "texts-field-title"), (false, "texts-field-description")] {
                    let (b, a) = (text(&before, title), text(&after, title));
                    if b != a {
                        rows.push(row(format!("{} ({name})", ctx.t(key)), b, a));
                    }
                }
            }
            rows
        }
        (Proposal::Place(proposed), _, Some(location)) => {
            let current = state.store.location(m, location).await.or_page()?;
            let yes_no = |b: bool| ctx.t(if b { "yes" } else { "no" });
            let coords = |lat: Option<f64>, lon: Option<f64>| match (lat, lon) {
                (Some(a), Some(o)) => format!("{a:.5}, {o:.5}"),
                _ => String::new(),
            };
            [
                ("location-name", current.name.clone(), proposed.name.clone()),
                ("location-street", current.street.clone(), proposed.street.clone()),
                ("location-postcode", current.postcode.clone(), proposed.postcode.clone()),
                ("location-city", current.city.clone(), proposed.city.clone()),
                ("location-coordinates", coords(current.lat, current.lon), coords(proposed.lat, proposed.lon)),
                ("location-confidential", yes_no(current.is_confidential), yes_no(proposed.is_confidential)),
                ("anchor-point", yes_no(current.is_anchor_point), yes_no(proposed.is_anchor_point)),
            ]
            .into_iter()
            .filter(|(_, b, a)| b != a)
            .map(|(key, b, a)| row(ctx.t(key), b, a))
            .collect()
        }
        (Proposal::Organisation(proposed), _, _) => {
            let current = state.store.organisation(m, change.organisation_id).await.or_page()?;
            let people = |list: &[kette_domain::ContactPerson]| {
                list.iter()
                    .map(|c| {
                        [c.name.as_str(), c.role.as_str(), c.email.as_str(), c.phone.as_str()]
                            .into_iter()
                            .filter(|x| !x.is_empty())
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            [
                ("description", current.description.clone(), proposed.description.clone()),
                ("website", current.website.clone(), proposed.website.clone()),
                ("contact-email", current.email.clone(), proposed.email.clone()),
                ("contact-phone", current.phone.clone(), proposed.phone.clone()),
                ("organisation-contacts", people(&current.contacts), people(&proposed.contacts)),
            ]
            .into_iter()
            .filter(|(_, b, a)| b.trim() != a.trim())
            .map(|(key, b, a)| row(ctx.t(key), b, a))
            .collect()
        }
        _ => vec![],
    };
    Ok((change, rows, actor.can_approve()))
}

async fn approve(State(state): State<AppState>, Path(id): Path<String>, SignedForm { ctx, .. }: SignedForm) -> Result<Response, PageError> {
    let actor = signed_in(&ctx)?;
    if !actor.can_approve() {
        return Err(PageError::forbidden());
    }
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let by = ctx.user.as_ref().map(|u| u.id);
    let offers = state.store.approve_change(ctx.municipality.id, id, by).await.or_page()?;
    state.reindex(ctx.municipality.id, &offers).await;
    Ok(Redirect::to(&format!("/review?approved={id}")).into_response())
}

async fn reject(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let actor = signed_in(&ctx)?;
    if !actor.can_approve() {
        return Err(PageError::forbidden());
    }
    let by = ctx.user.as_ref().map(|u| u.id);
    let change_id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    match state.store.reject_change(ctx.municipality.id, change_id, form.get("reason"), by).await {
        Ok(offers) => {
            state.reindex(ctx.municipality.id, &offers).await;
            Ok(Redirect::to(&format!("/review?rejected={change_id}")).into_response())
        }
        Err(StoreError::Invalid { errors, .. }) => {
            let (change, rows, can_decide) = load_change(&state, &ctx, &id).await?;
            let reason_error = errors.0.first().map(|e| ctx.t(&e.code));
            let page = render(&ChangePage { change, rows, can_decide, reason: form.get("reason").into(), reason_error, ctx })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError::store(e)),
    }
}

const ALL_FIELDS: &[&str] = &[
    "title",
    "description",
    "life_phases",
    "min_age",
    "max_age",
    "domains",
    "target_groups",
    "transitions",
    "languages",
    "prevention_level",
    "cost",
    "access",
    "schedule",
    "capacity",
    "reach_per_year",
    "funding",
    "status",
    "contact_email",
    "contact_phone",
    "website",
    "locations",
];

fn field_label(field: &str) -> &'static str {
    match field {
        "title" => "title",
        "description" => "description",
        "life_phases" => "life-phases",
        "min_age" => "min-age-months",
        "max_age" => "max-age-months",
        "domains" => "domains",
        "target_groups" => "target-groups",
        "transitions" => "transitions",
        "languages" => "field-languages",
        "prevention_level" => "prevention-level",
        "cost" => "cost",
        "access" => "access",
        "schedule" => "schedule",
        "capacity" => "capacity",
        "reach_per_year" => "reach-per-year",
        "funding" => "field-funding",
        "status" => "status",
        "contact_email" => "contact-email",
        "contact_phone" => "contact-phone",
        "website" => "website",
        _ => "location-ids",
    }
}

/// A field's value as a reader understands it (labels, not codes).
fn value_text(ctx: &Ctx, input: &OfferInput, field: &str, locations: &[Location]) -> String {
    let terms = |kind: &str, codes: &[String]| codes.iter().map(|c| ctx.term(kind, c)).collect::<Vec<_>>().join(", ");
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    match field {
        "title" => input.title.clone(),
        "description" => input.description.clone(),
        "life_phases" => terms("life_phase", &input.life_phases),
        "domains" => terms("domain", &input.domains),
        "target_groups" => terms("target_group", &input.target_groups),
        "transitions" => terms("transition", &input.transitions),
        "languages" => input.languages.iter().map(|l| kette_i18n::language_name(l)).collect::<Vec<_>>().join(", "),
        "min_age" => number(input.min_age_months),
        "max_age" => number(input.max_age_months),
        "prevention_level" => ctx.label(input.prevention_level.label_key()),
        "cost" => ctx.label(input.cost.label_key()),
        "access" => ctx.label(input.access.label_key()),
        "schedule" => input.schedule.clone(),
        "capacity" => number(input.capacity),
        "reach_per_year" => number(input.reach_per_year),
        "funding" => {
            let f = &input.funding;
            [
                f.kind.map(|k| ctx.label(k.label_key())).unwrap_or_default(),
                f.source.clone(),
                f.amount_eur.map(|a| format!("{a:.0} EUR")).unwrap_or_default(),
                f.until.map(|d| d.to_string()).unwrap_or_default(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
        }
        "status" => ctx.label(input.status.label_key()),
        "contact_email" => input.contact_email.clone(),
        "contact_phone" => input.contact_phone.clone(),
        "website" => input.website.clone(),
        _ => input
            .location_ids
            .iter()
            .map(|id| {
                locations.iter().find(|l| l.id == *id).map(|l| format!("{} ({})", l.name, l.street)).unwrap_or_else(|| id.to_string())
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

// ---------------------------------------------------------------- verification

/// An offer in the list with its state as the reader reads it.
pub struct DueRow {
    pub offer: DueOffer,
    pub state: String,
    pub verified: String,
    /// When it leaves (or left) the public finder, if it does.
    pub hidden: Option<String>,
    pub lapsed: bool,
}

#[derive(Template)]
#[template(path = "verification.html")]
struct VerificationPage {
    ctx: Ctx,
    rows: Vec<DueRow>,
    total: usize,
    lapsed: usize,
    shown_from: usize,
    next_page: Option<u32>,
    prev_page: Option<u32>,
    is_coordination: bool,
    policy: ReviewPolicy,
    confirmed: Option<i64>,
    /// The outcome of "remind now", as a sentence.
    reminded: Option<String>,
    reminders: Vec<SentReminder>,
    /// Organisations reminded in vain within the interval: nobody to write to.
    without_address: i64,
    mail_configured: bool,
}

const PER_PAGE: usize = 100;

async fn verification(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let actor = signed_in(&ctx)?;
    let is_coordination = actor.can_approve();
    let only = if is_coordination {
        None
    } else if actor.can_create_offers() {
        Some(actor.organisation_id.ok_or_else(PageError::forbidden)?)
    } else {
        return Err(PageError::forbidden());
    };
    let policy = ctx.municipality.review;
    let today = state.store.today();
    let all = state.store.offers_to_verify(ctx.municipality.id, only, &policy, today).await.or_page()?;
    let total = all.len();
    let lapsed = all.iter().filter(|o| matches!(o.freshness, Freshness::Lapsed { .. })).count();
    // a page number out of range shows the first page (the list is short and changes daily)
    let page = crate::paging::Paging::parse(&params, 1, 1).0.page;
    let start = ((page - 1) as usize * PER_PAGE).min(total);
    let date = |d: time::Date| kette_notify::date_text(ctx.lang, d);
    let rows = all
        .into_iter()
        .skip(start)
        .take(PER_PAGE)
        .map(|offer| {
            let (hidden, lapsed) = match offer.freshness {
                Freshness::Due { hidden_on, .. } => (hidden_on.map(date), false),
                Freshness::Lapsed { since } => (Some(date(since)), true),
                _ => (None, false),
            };
            DueRow {
                state: ctx.t(offer.freshness.label_key()),
                verified: offer.last_verified_on.map(date).unwrap_or_else(|| "–".into()),
                hidden,
                lapsed,
                offer,
            }
        })
        .collect();
    let (reminders, without_address) = if is_coordination {
        let since = today - time::Duration::days(policy.remind_every_days as i64);
        (
            state.store.recent_reminders(ctx.municipality.id, 20).await.or_page()?,
            state.store.organisations_without_address(ctx.municipality.id, since).await.or_page()?,
        )
    } else {
        (vec![], 0)
    };
    render(&VerificationPage {
        rows,
        total,
        lapsed,
        shown_from: start + 1,
        next_page: (start + PER_PAGE < total).then_some(page + 1),
        prev_page: (page > 1).then(|| page - 1),
        is_coordination,
        policy,
        confirmed: params.get("confirmed").and_then(|n| n.parse().ok()),
        reminded: reminded_text(&ctx, &params),
        reminders,
        without_address,
        mail_configured: state.config.mailer.is_some(),
        ctx,
    })
}

async fn confirm(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    let actor = signed_in(&ctx)?;
    let ids: Vec<i64> = form.all("offer").iter().filter_map(|v| v.parse().ok()).collect();
    // each offer must be the confirmer's to keep
    let mut allowed = vec![];
    for id in ids {
        let offer = state.store.offer(ctx.municipality.id, id).await.or_page()?;
        if !actor.can_edit_offers_of(offer.input.organisation_id) {
            return Err(PageError::forbidden());
        }
        allowed.push(id);
    }
    let by = ctx.user.as_ref().map(|u| u.id);
    let n = state.store.confirm_offers(ctx.municipality.id, &allowed, state.store.today(), by).await.or_page()?;
    state.reindex(ctx.municipality.id, &allowed).await;
    let back = form.get("back");
    let target = if back.starts_with("/offers/") && !back.contains("//") {
        format!("{back}?confirmed={n}")
    } else {
        format!("/verification?confirmed={n}")
    };
    Ok(Redirect::to(&target).into_response())
}

async fn remind(State(state): State<AppState>, SignedForm { ctx, .. }: SignedForm) -> Result<Response, PageError> {
    let actor = signed_in(&ctx)?;
    if !actor.can_approve() {
        return Err(PageError::forbidden());
    }
    let run = crate::reminders::run_once(&state, &ctx.municipality).await.map_err(|e| PageError::internal(e.to_string()))?;
    let target = if run.no_mailer {
        "/verification?reminded=none".to_string()
    } else {
        format!("/verification?reminded=1&sent={}&noaddr={}&failed={}", run.sent, run.without_address.len(), run.failed.len())
    };
    Ok(Redirect::to(&target).into_response())
}

fn reminded_text(ctx: &Ctx, params: &HashMap<String, String>) -> Option<String> {
    let kind = params.get("reminded")?;
    if kind == "none" {
        return Some(ctx.t("verification-no-mailer"));
    }
    let n = |k: &str| kette_i18n::FluentValue::from(params.get(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    Some(ctx.i18n.t_args(ctx.lang, "verification-reminded", &[("sent", n("sent")), ("noaddr", n("noaddr")), ("failed", n("failed"))]))
}

// ---------------------------------------------------------------- settings

#[derive(Template)]
#[template(path = "review_settings.html")]
struct SettingsPage {
    ctx: Ctx,
    values: HashMap<String, String>,
    errors: Vec<kette_domain::FieldError>,
    saved: bool,
}

impl SettingsPage {
    fn v(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
    fn err(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == field).map(|e| self.ctx.t(&e.code))
    }
}

const NAVIGATOR_FIELDS: [&str; 4] = ["navigator_name", "navigator_phone", "navigator_email", "navigator_hours"];

fn settings_values(p: &ReviewPolicy, n: &kette_domain::NavigatorService) -> HashMap<String, String> {
    HashMap::from([
        ("navigator_name".into(), n.name.clone()),
        ("navigator_phone".into(), n.phone.clone()),
        ("navigator_email".into(), n.email.clone()),
        ("navigator_hours".into(), n.hours.clone()),
        ("approval_required".into(), if p.approval_required { "1".into() } else { String::new() }),
        ("verify_every_months".into(), p.verify_every_months.to_string()),
        ("hide_after_days".into(), p.hide_after_days.map(|d| d.to_string()).unwrap_or_default()),
        ("remind_every_days".into(), p.remind_every_days.to_string()),
    ])
}

async fn settings_form(ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    if !signed_in(&ctx)?.can_approve() {
        return Err(PageError::forbidden());
    }
    let values = settings_values(&ctx.municipality.review, &ctx.municipality.navigator_service);
    render(&SettingsPage { values, errors: vec![], saved: params.contains_key("saved"), ctx })
}

async fn save_settings(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    let actor = signed_in(&ctx)?;
    if !actor.can_approve() {
        return Err(PageError::forbidden());
    }
    let mut errors = vec![];
    let number = |field: &str, fallback: u32, errors: &mut Vec<kette_domain::FieldError>| -> Option<u32> {
        let raw = form.get(field).trim();
        if raw.is_empty() {
            return None;
        }
        raw.parse::<u32>().map(Some).unwrap_or_else(|_| {
            errors.push(kette_domain::FieldError::new(field, "error-whole-number", "expected a whole number"));
            Some(fallback)
        })
    };
    let months = number("verify_every_months", 0, &mut errors);
    let hide = number("hide_after_days", 0, &mut errors);
    let remind = number("remind_every_days", 0, &mut errors);
    let policy = ReviewPolicy {
        approval_required: form.get("approval_required") == "1",
        verify_every_months: months.unwrap_or(0),
        hide_after_days: hide,
        remind_every_days: remind.unwrap_or(0),
    };
    if errors.is_empty() {
        if let Err(e) = policy.validate() {
            errors = e;
        }
    }
    let navigator = kette_domain::NavigatorService {
        name: form.get("navigator_name").trim().to_string(),
        phone: form.get("navigator_phone").trim().to_string(),
        email: form.get("navigator_email").trim().to_string(),
        hours: form.get("navigator_hours").trim().to_string(),
    };
    if let Err(e) = navigator.validate() {
        errors.extend(e);
    }
    if !errors.is_empty() {
        let values = ["approval_required", "verify_every_months", "hide_after_days", "remind_every_days"]
            .iter()
            .chain(NAVIGATOR_FIELDS.iter())
            .map(|f| (f.to_string(), form.get(f).to_string()))
            .collect();
        let page = render(&SettingsPage { values, errors, saved: false, ctx })?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let by = ctx.user.as_ref().map(|u| u.id);
    state.store.set_review_policy(ctx.municipality.id, &policy, by).await.or_page()?;
    state.store.set_navigator_service(ctx.municipality.id, &navigator, by).await.or_page()?;
    state.reindex_all(ctx.municipality.id).await;
    Ok(Redirect::to("/review/settings?saved=1").into_response())
}

// ---------------------------------------------------------------- own account

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    ctx: Ctx,
    email: String,
    error: Option<String>,
    saved: bool,
}

async fn account_form(ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    signed_in(&ctx)?;
    let email = ctx.user.as_ref().map(|u| u.email.clone()).unwrap_or_default();
    render(&AccountPage { email, error: None, saved: params.contains_key("saved"), ctx })
}

async fn save_account(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    signed_in(&ctx)?;
    let id = ctx.user.as_ref().map(|u| u.id).unwrap_or_default();
    match state.store.set_account_email(ctx.municipality.id, id, form.get("email")).await {
        Ok(()) => Ok(Redirect::to("/account?saved=1").into_response()),
        Err(StoreError::Invalid { errors, .. }) => {
            let error = errors.0.first().map(|e| ctx.t(&e.code));
            let page = render(&AccountPage { email: form.get("email").into(), error, saved: false, ctx })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError::store(e)),
    }
}
