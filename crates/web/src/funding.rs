//! Funding and consolidation on the web (issue 16): the coordination's radar of money that runs
//! out within twelve months with nothing to take over — the offers at risk with their reach and
//! the districts and life phases they serve —, the share of offers on permanent money over the
//! years, and the records with their form (the offer found by a plain GET search).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use kette_app::funding::FundingRadar;
use kette_domain::funding::{FundingInput, FundingSubject};
use kette_domain::vocab::FundingKind;
use kette_domain::FieldError;
use kette_store::StoreError;

use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, SignedForm};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/funding", get(radar))
        .route("/funding/new", get(new_form).post(create))
        .route("/funding/{id}", get(edit_form).post(update))
}

#[derive(Template)]
#[template(path = "funding.html")]
struct RadarPage {
    ctx: Ctx,
    radar: FundingRadar,
}

impl RadarPage {
    fn money(&self, eur: impl std::borrow::Borrow<f64>) -> String {
        let eur = *eur.borrow();
        if eur > 0.0 {
            format!("{} €", self.ctx.num(eur.round() as i64))
        } else {
            "–".into()
        }
    }
    fn share(&self, permanent: &usize, funded: &usize) -> String {
        if *funded == 0 {
            "–".into()
        } else {
            format!("{} %", self.ctx.fixed(*permanent as f64 * 100.0 / *funded as f64, 1))
        }
    }
    fn subject_label(&self, s: &FundingSubject) -> String {
        self.ctx.t(&format!("funding-subject-{}", s.kind()))
    }
    fn subject_link(&self, s: &FundingSubject) -> Option<String> {
        match s {
            FundingSubject::Offer(id) => Some(format!("/offers/{id}")),
            FundingSubject::Measure(id) => Some(format!("/steering/measures/{id}")),
            FundingSubject::Post => None,
        }
    }
    fn kind_label(&self, k: &FundingKind) -> String {
        self.ctx.label(k.label_key())
    }
    fn period(&self, f: &FundingInput) -> String {
        match (f.starts_on, f.ends_on) {
            (Some(s), Some(e)) => format!("{} – {}", self.ctx.date(s), self.ctx.date(e)),
            (Some(s), None) => format!("{} –", self.ctx.date(s)),
            (None, Some(e)) => format!("– {}", self.ctx.date(e)),
            (None, None) => String::new(),
        }
    }
    fn months_left(&self, end: &time::Date) -> i64 {
        ((*end - self.radar.today).whole_days() / 30).max(0)
    }
}

async fn radar(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    ctx.coordination_only()?;
    let radar = state.app.funding_radar(ctx.municipality.id).await.or_page()?;
    render(&RadarPage { ctx, radar })
}

// ---------------------------------------------------------------- the form

#[derive(Template)]
#[template(path = "funding_form.html")]
struct FundingForm {
    ctx: Ctx,
    id: Option<i64>,
    values: HashMap<String, String>,
    /// The funded offer (when it is one) and the search's matches: (id, title, chosen).
    offer_choices: Vec<(i64, String, bool)>,
    measures: Vec<(i64, String)>,
    errors: Vec<FieldError>,
}

impl FundingForm {
    fn v(&self, k: &str) -> String {
        self.values.get(k).cloned().unwrap_or_default()
    }
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
    fn chosen(&self, k: &str, id: &i64) -> bool {
        self.values.get(k).is_some_and(|v| v.parse::<i64>().ok() == Some(*id))
    }
    fn is(&self, k: &str, value: &str) -> bool {
        self.values.get(k).is_some_and(|v| v == value)
    }
    fn kinds(&self) -> Vec<(&'static str, String)> {
        FundingKind::ALL.iter().map(|k| (k.as_str(), self.ctx.label(k.label_key()))).collect()
    }
    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/funding/{id}"),
            None => "/funding/new".into(),
        }
    }
}

fn values_of(f: &FundingInput) -> HashMap<String, String> {
    let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    HashMap::from([
        ("subject_kind".to_string(), f.subject.kind().to_string()),
        (
            "offer_id".into(),
            match f.subject {
                FundingSubject::Offer(id) => id.to_string(),
                _ => String::new(),
            },
        ),
        (
            "measure_id".into(),
            match f.subject {
                FundingSubject::Measure(id) => id.to_string(),
                _ => String::new(),
            },
        ),
        ("post_title".into(), f.post_title.clone()),
        ("source".into(), f.source.clone()),
        ("kind".into(), f.kind.as_str().into()),
        ("amount_per_year_eur".into(), f.amount_per_year_eur.map(|a| format!("{a}")).unwrap_or_default()),
        ("starts_on".into(), date(f.starts_on)),
        ("ends_on".into(), date(f.ends_on)),
    ])
}

/// The one reader of the funding form; every field error is collected.
fn funding_from_form(form: &FormData) -> (FundingInput, Vec<FieldError>) {
    let mut errors = vec![];
    let id = |k: &str| form.get(k).trim().parse::<i64>().ok();
    let subject = match form.get("subject_kind") {
        "offer" => id("offer_id").map(FundingSubject::Offer),
        "measure" => id("measure_id").map(FundingSubject::Measure),
        "post" => Some(FundingSubject::Post),
        _ => None,
    };
    let subject = subject.unwrap_or_else(|| {
        errors.push(FieldError::new("subject", "error-funding-subject", "choose what is funded"));
        FundingSubject::Post
    });
    let kind = FundingKind::parse(form.get("kind")).unwrap_or_else(|| {
        errors.push(FieldError::new("kind", "error-choice", "not a kind of funding"));
        FundingKind::Project
    });
    let amount = match form.get("amount_per_year_eur").trim() {
        "" => None,
        a => match kette_text::parse_amount(a) {
            Some(v) => Some(v),
            None => {
                errors.push(FieldError::new("amount_per_year_eur", "error-amount", "an amount in euros"));
                None
            }
        },
    };
    let input = FundingInput {
        subject,
        post_title: form.get("post_title").to_string(),
        source: form.get("source").to_string(),
        kind,
        amount_per_year_eur: amount,
        starts_on: form.date("starts_on", &mut errors),
        ends_on: form.date("ends_on", &mut errors),
    };
    for e in input.validate().err().unwrap_or_default() {
        // a post without a name is no news when nothing was chosen at all
        let said = errors.iter().any(|x| x.field == e.field || (e.field == "post_title" && x.field == "subject"));
        if !said {
            errors.push(e);
        }
    }
    (input, errors)
}

async fn build(
    state: &AppState,
    ctx: Ctx,
    id: Option<i64>,
    mut values: HashMap<String, String>,
    offer_q: &str,
    errors: Vec<FieldError>,
) -> Result<FundingForm, PageError> {
    let m = ctx.municipality.id;
    let mut offer_choices = vec![];
    if let Some(o) = values.get("offer_id").and_then(|v| v.parse::<i64>().ok()) {
        match state.store.offer(m, o).await {
            Ok(offer) => offer_choices.push((o, offer.input.title, true)),
            Err(StoreError::NotFound(_)) => {}
            Err(e) => return Err(PageError::store(e)),
        }
    }
    if !offer_q.is_empty() {
        let filter = kette_store::OfferFilter { q: Some(offer_q.chars().take(200).collect()), ..Default::default() };
        for o in state.store.list_offers(m, &filter, 1, 15).await.or_page()?.items {
            if !offer_choices.iter().any(|(id, _, _)| *id == o.id) {
                offer_choices.push((o.id, format!("{} ({})", o.title, o.organisation_name), false));
            }
        }
    }
    let measures = state.store.measures(m).await.or_page()?.into_iter().map(|x| (x.id, x.input.title)).collect();
    values.insert("offer_q".into(), offer_q.to_string());
    Ok(FundingForm { ctx, id, values, offer_choices, measures, errors })
}

async fn new_form(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    ctx.coordination_only()?;
    let mut values = HashMap::from([("subject_kind".to_string(), "offer".to_string()), ("kind".to_string(), "project".to_string())]);
    for k in ["subject_kind", "offer_id"] {
        if let Some(v) = params.get(k) {
            values.insert(k.into(), v.clone());
        }
    }
    let q = params.get("offer_q").map(|q| q.trim().to_string()).unwrap_or_default();
    render(&build(&state, ctx, None, values, &q, vec![]).await?)
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    ctx.coordination_only()?;
    let record = state.store.funding(ctx.municipality.id, id).await.or_page()?.ok_or_else(PageError::not_found)?;
    let q = params.get("offer_q").map(|q| q.trim().to_string()).unwrap_or_default();
    render(&build(&state, ctx, Some(id), values_of(&record.input), &q, vec![]).await?)
}

async fn save(state: &AppState, ctx: Ctx, id: Option<i64>, form: FormData) -> Result<Response, PageError> {
    ctx.coordination_only()?;
    if let Some(id) = id {
        state.store.funding(ctx.municipality.id, id).await.or_page()?.ok_or_else(PageError::not_found)?;
    }
    let (input, mut errors) = funding_from_form(&form);
    if errors.is_empty() {
        match state.store.save_funding(ctx.municipality.id, id, &input, false, ctx.user.as_ref().map(|u| u.id)).await {
            Ok(_) => return Ok(Redirect::to("/funding#records").into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(e) => return Err(PageError::store(e)),
        }
    }
    let values: HashMap<String, String> =
        ["subject_kind", "offer_id", "measure_id", "post_title", "source", "kind", "amount_per_year_eur", "starts_on", "ends_on"]
            .iter()
            .map(|k| (k.to_string(), form.get(k).to_string()))
            .collect();
    let page = build(state, ctx, id, values, "", errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

async fn create(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    save(&state, ctx, None, form).await
}

async fn update(State(state): State<AppState>, Path(id): Path<i64>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    save(&state, ctx, Some(id), form).await
}
