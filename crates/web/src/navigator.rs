//! The navigator's log in the web (issue 16): navigators write anonymous contacts (the referral
//! sheet writes one too), follow up what became of them, and read the counts by month,
//! district, life phase, transition, topic, offer and outcome — through the confidentiality rule
//! unless they see raw statistics — on the page and as CSV.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use time::{Date, Duration};

use kette_app::navigator::ContactStatistics;
use kette_domain::navigator::{ContactDimension, ContactInput};
use kette_domain::vocab::ContactOutcome;
use kette_domain::TermKind;
use kette_store::{FollowUp, StoreError};

use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, SignedForm};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/referrals", get(page).post(log_contact))
        .route("/referrals/export.csv", get(export))
        .route("/referrals/{id}/outcome", post(set_outcome))
}

/// Navigators, partners, planning and coordination write and read the log; a read-only account
/// and the public do not.
fn may_log(ctx: &Ctx) -> Result<(), PageError> {
    match ctx.actor() {
        Some(a) if a.can_refer() => Ok(()),
        Some(_) => Err(PageError::forbidden()),
        None => Err(PageError::not_found()),
    }
}

#[derive(Template)]
#[template(path = "referrals.html")]
struct LogPage {
    ctx: Ctx,
    stats: ContactStatistics,
    follow_ups: Vec<FollowUp>,
    districts: Vec<(i64, String, i64)>,
    /// The offers the log form's search found: (id, title, organisation).
    offer_matches: Vec<(i64, String, String)>,
    values: HashMap<String, String>,
    errors: Vec<(String, String)>,
    saved: bool,
    period_query: String,
}

impl LogPage {
    fn v(&self, k: &str) -> String {
        self.values.get(k).cloned().unwrap_or_default()
    }
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|(f, _)| f == k).map(|(_, m)| m.clone())
    }
    fn dimension_title(&self, d: &ContactDimension) -> String {
        self.ctx.t(&format!("contacts-by-{}", d.as_str().replace('_', "-")))
    }
    /// A row's label in the reader's language: vocabulary codes through the vocabulary, the
    /// outcome through the translations, districts and offers by their German names.
    fn row_label(&self, d: &ContactDimension, code: &str, label: &str) -> String {
        if code.is_empty() {
            return self.ctx.t("referrals-unknown");
        }
        if *d == ContactDimension::Offer && code == kette_store::OTHER_OFFERS {
            return self.ctx.t("contact-other-offers");
        }
        match d {
            ContactDimension::LifePhase => self.ctx.term("life_phase", code),
            ContactDimension::Transition => self.ctx.term("transition", code),
            ContactDimension::Topic => self.ctx.term("domain", code),
            ContactDimension::Outcome => {
                ContactOutcome::parse(code).map(|o| self.ctx.t(&o.label_key())).unwrap_or_else(|| code.to_string())
            }
            ContactDimension::Month | ContactDimension::District | ContactDimension::Offer => label.to_string(),
        }
    }
    fn is_german_name(&self, d: &ContactDimension) -> bool {
        matches!(d, ContactDimension::District | ContactDimension::Offer)
    }
    fn chosen(&self, k: &str, id: &i64) -> bool {
        self.values.get(k).is_some_and(|v| v.parse::<i64>().ok() == Some(*id))
    }
    /// What a follow-up can record: the family got there or did not.
    fn follow_up_outcomes(&self) -> Vec<(&'static str, String)> {
        self.outcomes().into_iter().filter(|(c, _)| *c != ContactOutcome::Unknown.as_str()).collect()
    }
    fn outcomes(&self) -> Vec<(&'static str, String)> {
        ContactOutcome::ALL.iter().map(|o| (o.as_str(), self.ctx.t(&o.label_key()))).collect()
    }
}

/// The period asked for: `from` and `to` as dates, by default the last twelve months.
fn period(ctx: &Ctx, today: Date, params: &HashMap<String, String>) -> Result<(Date, Date), PageError> {
    let date = |k: &str| -> Result<Option<Date>, PageError> {
        match params.get(k).map(|v| v.trim()).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) => Date::parse(v, &time::format_description::well_known::Iso8601::DATE)
                .map(Some)
                .map_err(|_| PageError::bad_request(format!("{k} '{v}': {}", ctx.t("error-date")))),
        }
    };
    let to = date("to")?.unwrap_or(today);
    let from = date("from")?.unwrap_or(to - Duration::days(364));
    if from > to {
        return Err(PageError::bad_request(format!("from {from} after to {to}")));
    }
    Ok((from, to))
}

async fn build(
    state: &AppState,
    ctx: Ctx,
    params: &HashMap<String, String>,
    values: HashMap<String, String>,
    errors: Vec<(String, String)>,
) -> Result<LogPage, PageError> {
    let m = ctx.municipality.id;
    let today = state.store.today();
    let (from, to) = period(&ctx, today, params)?;
    let stats = state.app.contact_statistics(&ctx.disclosure(), m, from, to).await.or_page()?;
    let follow_ups = state.store.open_follow_ups(m, today - Duration::days(90), 20).await.or_page()?;
    let districts = crate::pages::district_options(state, &ctx).await?;
    let mut offer_matches = vec![];
    if let Some(q) = params.get("offer_q").map(|q| q.trim()).filter(|q| !q.is_empty()) {
        // the public's offers: a family is referred to what it may find itself
        let filter = kette_store::OfferFilter { q: Some(q.chars().take(200).collect()), public_only: true, ..Default::default() };
        for o in state.store.list_offers(m, &filter, 1, 15).await.or_page()?.items {
            offer_matches.push((o.id, o.title, o.organisation_name));
        }
    }
    let mut values = values;
    values.entry("contacted_on".into()).or_insert_with(|| today.to_string());
    values.entry("offer_q".into()).or_insert_with(|| params.get("offer_q").cloned().unwrap_or_default());
    let saved = params.contains_key("saved");
    let period_query = format!("from={from}&to={to}");
    Ok(LogPage { ctx, stats, follow_ups, districts, offer_matches, values, errors, saved, period_query })
}

async fn page(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    may_log(&ctx)?;
    render(&build(&state, ctx, &params, HashMap::new(), vec![]).await?)
}

/// The log form's fields as a contact; codes not in the vocabulary are errors, not dropped.
fn contact_from_form(ctx: &Ctx, form: &FormData) -> (ContactInput, Vec<(String, String)>) {
    let mut errors = vec![];
    let mut date_errors = vec![];
    let contacted_on = match form.date("contacted_on", &mut date_errors) {
        Some(d) => d,
        None => {
            errors.push(("contacted_on".to_string(), ctx.t("error-date")));
            Date::MIN
        }
    };
    let mut code = |field: &str, kind: TermKind| -> Option<String> {
        let v = form.get(field).trim();
        if v.is_empty() {
            None
        } else if ctx.vocab.contains(kind, v) {
            Some(v.to_string())
        } else {
            errors.push((field.to_string(), ctx.t("error-unknown-term")));
            None
        }
    };
    let life_phase = code("life_phase", TermKind::LifePhase);
    let transition = code("transition", TermKind::Transition);
    let domain = code("domain", TermKind::Domain);
    let id = |field: &str| form.get(field).trim().parse::<i64>().ok();
    let outcome = ContactOutcome::parse(form.get("outcome")).unwrap_or(ContactOutcome::Unknown);
    let input = ContactInput {
        contacted_on,
        offer_id: id("offer_id"),
        district_id: id("district"),
        life_phase,
        transition,
        domain,
        language: None,
        outcome,
    };
    (input, errors)
}

async fn log_contact(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    may_log(&ctx)?;
    let (input, mut errors) = contact_from_form(&ctx, &form);
    if errors.is_empty() {
        match state.store.log_contact(ctx.municipality.id, &input).await {
            Ok(_) => return Ok(Redirect::to("/referrals?saved=1").into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0.into_iter().map(|e| (e.field, ctx.t(&e.code))).collect(),
            Err(e) => return Err(PageError::store(e)),
        }
    }
    let values: HashMap<String, String> = ["contacted_on", "district", "life_phase", "transition", "domain", "offer_id", "outcome"]
        .iter()
        .map(|k| (k.to_string(), form.get(k).to_string()))
        .collect();
    let page = build(&state, ctx, &HashMap::new(), values, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

async fn set_outcome(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    may_log(&ctx)?;
    let outcome =
        ContactOutcome::parse(form.get("outcome")).ok_or_else(|| PageError::bad_request(format!("outcome '{}'", form.get("outcome"))))?;
    if !state.store.set_contact_outcome(ctx.municipality.id, id, outcome).await.or_page()? {
        return Err(PageError::not_found());
    }
    Ok(Redirect::to("/referrals#follow-up").into_response())
}

/// The counts as CSV, each row through the same rule as the page.
async fn export(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    may_log(&ctx)?;
    let page = build(&state, ctx, &params, HashMap::new(), vec![]).await?;
    let text = kette_text::csv_quoted;
    let (from, to) = (page.stats.from.to_string(), page.stats.to.to_string());
    let mut body = String::from("dimension,code,label,contacts,from,to\n");
    for table in &page.stats.tables {
        for (code, label, n) in &table.rows {
            let label = page.row_label(&table.dimension, code, label);
            // a withheld count is written as "<3", as on the page
            body.push_str(&format!("{},{},{},{},{from},{to}\n", table.dimension.as_str(), text(code), text(&label), text(&n.to_string())));
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"lotsenprotokoll-{from}-{to}.csv\"")),
        ],
        body,
    )
        .into_response())
}
