//! The partners' yearly self-assessment (issue 15): results per success factor and year with
//! the trend (hidden below five answers), opening a round (links go out by mail only), and the
//! anonymous questionnaire behind each one-time link — no sign-in, no cookie needed.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Form;

use kette_domain::survey::{result, FactorResult, FACTORS};
use kette_domain::FieldError;
use kette_store::{LinkState, StoreError, SurveyRound};

use crate::ctx::SignedIn;
use crate::error::{render, OrPage, PageError};
use crate::forms::SignedForm;
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/survey", get(overview))
        .route("/survey/rounds", post(open_round))
        .route("/survey/rounds/{id}/close", post(close_round))
        .route("/survey/thanks", get(thanks))
        .route("/survey/{token}", get(questionnaire).post(answer))
}

/// One factor's row: its statement and its result per year (with the trend to the year before).
pub struct FactorRow {
    pub statement: String,
    pub cells: Vec<(FactorResult, Option<i8>)>,
}

/// The results table: years as columns, factors as rows.
pub fn results_table(ctx: &Ctx, tallies: &[kette_store::FactorTally]) -> (Vec<i32>, Vec<FactorRow>) {
    let mut years: Vec<i32> = tallies.iter().map(|t| t.year).collect();
    years.sort();
    years.dedup();
    let rows = FACTORS
        .iter()
        .map(|f| {
            let mut previous: Option<f64> = None;
            let cells = years
                .iter()
                .map(|y| {
                    let r = tallies
                        .iter()
                        .find(|t| t.year == *y && t.factor == *f)
                        .map(|t| result(t.answers, t.sum))
                        .unwrap_or(FactorResult::TooFew);
                    let trend = match (r, previous) {
                        // a change of less than a tenth of a point is no trend
                        (FactorResult::Shown { mean, .. }, Some(p)) if (mean - p).abs() >= 0.1 => Some(if mean > p { 1 } else { -1 }),
                        (FactorResult::Shown { .. }, Some(_)) => Some(0),
                        _ => None,
                    };
                    previous = match r {
                        FactorResult::Shown { mean, .. } => Some(mean),
                        FactorResult::TooFew => None,
                    };
                    (r, trend)
                })
                .collect();
            FactorRow { statement: statement(ctx, f), cells }
        })
        .collect();
    (years, rows)
}

/// A statement in the reader's language.
fn statement(ctx: &Ctx, code: &str) -> String {
    ctx.t(&format!("survey-factor-{}", code.replace('_', "-")))
}

#[derive(Template)]
#[template(path = "survey.html")]
struct SurveyPage {
    ctx: Ctx,
    years: Vec<i32>,
    rows: Vec<FactorRow>,
    rounds: Vec<SurveyRound>,
    addresses: usize,
    this_year: i32,
    message: Option<String>,
    errors: Vec<FieldError>,
}

impl SurveyPage {
    fn round_line(&self, r: &SurveyRound) -> String {
        self.ctx.tn_args("survey-round-line", r.responses, [("sent", self.ctx.num(r.links_sent))])
    }
    fn cell(&self, c: &(FactorResult, Option<i8>)) -> String {
        match c.0 {
            FactorResult::Shown { answers, mean } => self.ctx.tn_args("survey-mean", answers, [("mean", self.ctx.fixed(mean, 1))]),
            FactorResult::TooFew => self.ctx.t("survey-too-few"),
        }
    }
    fn trend(&self, c: &(FactorResult, Option<i8>)) -> String {
        match c.1 {
            Some(1) => format!("↑ {}", self.ctx.t("survey-trend-up")),
            Some(-1) => format!("↓ {}", self.ctx.t("survey-trend-down")),
            Some(_) => format!("→ {}", self.ctx.t("survey-trend-same")),
            None => String::new(),
        }
    }
}

async fn overview_page(state: &AppState, ctx: Ctx, message: Option<String>, errors: Vec<FieldError>) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let tallies = state.store.survey_tallies(m).await.or_page()?;
    let (years, rows) = results_table(&ctx, &tallies);
    let rounds = state.store.survey_rounds(m).await.or_page()?;
    let addresses = if ctx.can_approve() { state.store.survey_addresses(m).await.or_page()?.len() } else { 0 };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let this_year = state.store.today().year();
    Ok((status, render(&SurveyPage { ctx, years, rows, rounds, addresses, this_year, message, errors })?).into_response())
}

async fn overview(
    State(state): State<AppState>,
    SignedIn { ctx, .. }: SignedIn,
    axum::extract::Query(q): axum::extract::Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let message = q.get("sent").and_then(|n| n.parse::<i64>().ok()).map(|n| ctx.tn("survey-sent", n));
    overview_page(&state, ctx, message, vec![]).await
}

async fn open_round(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let Some(year) = form.get("year").parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)) else {
        return overview_page(&state, ctx, None, vec![FieldError::new("year", "error-year", "a year")]).await;
    };
    let by = ctx.user.as_ref().map(|u| u.id);
    let run = kette_notify::send_survey_links(
        &state.store,
        state.config.mailer.as_ref(),
        &state.i18n,
        &ctx.municipality,
        year,
        &state.config.public_url,
        by,
    )
    .await;
    match run {
        Ok(run) if run.no_mailer => {
            overview_page(&state, ctx, None, vec![FieldError::new("year", "error-survey-no-mailer", "no mail server configured")]).await
        }
        Ok(run) => {
            if !run.failed.is_empty() {
                tracing::warn!(failed = run.failed.len(), "survey links not delivered");
            }
            Ok(Redirect::to(&format!("/survey?sent={}", run.sent)).into_response())
        }
        Err(kette_notify::NotifyError::Store(StoreError::Invalid { errors, .. })) => overview_page(&state, ctx, None, errors.0).await,
        Err(e) => Err(PageError::internal(e.to_string())),
    }
}

async fn close_round(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, .. }: SignedForm,
) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    state.store.close_survey_round(ctx.municipality.id, id, ctx.user.as_ref().map(|u| u.id)).await.map_err(|e| match e {
        StoreError::NotFound(_) => PageError::not_found(),
        e => PageError::store(e),
    })?;
    Ok(Redirect::to("/survey").into_response())
}

#[derive(Template)]
#[template(path = "survey_form.html")]
struct QuestionnairePage {
    ctx: Ctx,
    /// None when the link does not open a questionnaire (the reason is `state`).
    year: Option<i32>,
    state: &'static str,
    token: String,
    statements: Vec<(&'static str, String)>,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
}

impl QuestionnairePage {
    fn checked(&self, code: &str, value: &str) -> bool {
        self.values.get(code).map(String::as_str).unwrap_or("") == value
    }
}

fn questionnaire_page(
    ctx: Ctx,
    link: LinkState,
    token: String,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
) -> Result<Response, PageError> {
    let (year, state, status) = match link {
        LinkState::Open { year, .. } => {
            (Some(year), "open", if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY })
        }
        LinkState::Used => (None, "used", StatusCode::GONE),
        LinkState::Closed => (None, "closed", StatusCode::GONE),
        LinkState::Unknown => (None, "unknown", StatusCode::NOT_FOUND),
    };
    let statements = FACTORS.iter().map(|f| (*f, statement(&ctx, f))).collect();
    let page = QuestionnairePage { ctx, year, state, token, statements, values, errors };
    Ok((status, render(&page)?).into_response())
}

async fn thanks(ctx: Ctx) -> Result<Response, PageError> {
    let page = QuestionnairePage {
        ctx,
        year: None,
        state: "thanks",
        token: String::new(),
        statements: vec![],
        values: HashMap::new(),
        errors: vec![],
    };
    render(&page)
}

async fn questionnaire(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> Result<Response, PageError> {
    let link = state.store.survey_link(ctx.municipality.id, &token).await.or_page()?;
    questionnaire_page(ctx, link, token, HashMap::new(), vec![])
}

async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let mut errors = vec![];
    let answers: Vec<(String, u8)> = FACTORS
        .iter()
        .filter_map(|f| match values.get(*f).map(String::as_str).unwrap_or("") {
            "" | "none" => None,
            v => match v.parse::<u8>() {
                Ok(s) => Some((f.to_string(), s)),
                Err(_) => {
                    errors.push(FieldError::new(*f, "error-survey-scale", "a score from 1 to 5"));
                    None
                }
            },
        })
        .collect();
    if errors.is_empty() {
        match state.store.answer_survey(ctx.municipality.id, &token, &answers).await {
            Ok(LinkState::Open { .. }) => return Ok(Redirect::to("/survey/thanks").into_response()),
            Ok(other) => return questionnaire_page(ctx, other, token, values, vec![]),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(e) => return Err(PageError::store(e)),
        }
    }
    let link = state.store.survey_link(ctx.municipality.id, &token).await.or_page()?;
    questionnaire_page(ctx, link, token, values, errors)
}
