//! The engagement register on the web (issue 16): the coordination records what offers and
//! measures need and what businesses, foundations, clubs and citizens give, matches a gift to an
//! open need of its kind, and follows it to delivered and thanked. One page, plain forms.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use kette_domain::engagement::{next_status, GiftInput, NeedInput};
use kette_domain::vocab::{GiftKind, GiftStatus, GiverKind};
use kette_domain::FieldError;
use kette_store::{StoreError, StoredGift, StoredNeed};

use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, SignedForm};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/engagement", get(page))
        .route("/engagement/needs", post(add_need))
        .route("/engagement/gifts", post(add_gift))
        .route("/engagement/gifts/{id}/match", post(match_gift))
        .route("/engagement/gifts/{id}/advance", post(advance_gift))
}

/// A partner editor states the needs of their own organisation's offers; the register itself
/// (gifts, matching) is the coordination's.
fn partner_of(ctx: &Ctx) -> Option<i64> {
    ctx.actor().filter(|a| a.role == kette_domain::Role::PartnerEditor).and_then(|a| a.organisation_id)
}

#[derive(Template)]
#[template(path = "engagement.html")]
struct EngagementPage {
    ctx: Ctx,
    needs: Vec<StoredNeed>,
    gifts: Vec<StoredGift>,
    offer_matches: Vec<(i64, String, String)>,
    measures: Vec<(i64, String)>,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
    /// For a partner editor: their organisation's offers (id, title); the page shows only their
    /// needs and the form for them.
    own_offers: Option<Vec<(i64, String)>>,
}

impl EngagementPage {
    fn v(&self, k: &str) -> String {
        self.values.get(k).cloned().unwrap_or_default()
    }
    fn is(&self, k: &str, value: &str) -> bool {
        self.values.get(k).is_some_and(|v| v == value)
    }
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
    fn gift_kinds(&self) -> Vec<(&'static str, String)> {
        GiftKind::ALL.iter().map(|k| (k.as_str(), self.ctx.t(&k.label_key()))).collect()
    }
    fn giver_kinds(&self) -> Vec<(&'static str, String)> {
        GiverKind::ALL.iter().map(|k| (k.as_str(), self.ctx.t(&k.label_key()))).collect()
    }
    fn label<T: Copy>(&self, key: fn(T) -> String, v: &T) -> String {
        self.ctx.t(&key(*v))
    }
    fn kind_label(&self, k: &GiftKind) -> String {
        self.label(GiftKind::label_key, k)
    }
    fn status_label(&self, s: &GiftStatus) -> String {
        self.label(GiftStatus::label_key, s)
    }
    fn giver(&self, g: &StoredGift) -> String {
        if g.input.giver_name.is_empty() {
            self.ctx.t(&g.input.giver_kind.label_key())
        } else {
            g.input.giver_name.clone()
        }
    }
    fn what(&self, g: &StoredGift) -> String {
        match (g.input.kind, g.input.amount_eur, g.input.hours) {
            (GiftKind::Money, Some(a), _) => format!("{} €", self.ctx.num(a.round() as i64)),
            (GiftKind::Time, _, Some(h)) => self.ctx.tn("gift-hours", h as i64),
            _ => String::new(),
        }
    }
    fn next_label(&self, s: &GiftStatus) -> Option<String> {
        next_status(*s).filter(|n| *n != GiftStatus::Matched).map(|n| self.ctx.t(&format!("gift-mark-{}", n.as_str())))
    }
    /// Gifts of the need's kind still waiting for one.
    fn candidates(&self, need: &StoredNeed) -> Vec<&StoredGift> {
        self.gifts.iter().filter(|g| g.input.status == GiftStatus::Offered && g.input.kind == need.input.kind).collect()
    }
    fn need_of(&self, g: &StoredGift) -> Option<&StoredNeed> {
        g.input.need_id.and_then(|n| self.needs.iter().find(|x| x.id == n))
    }
    fn count(&self, s: &GiftStatus) -> usize {
        self.gifts.iter().filter(|g| g.input.status == *s).count()
    }
    fn statuses(&self) -> &'static [GiftStatus] {
        GiftStatus::ALL
    }
}

async fn build(
    state: &AppState,
    ctx: Ctx,
    params: &HashMap<String, String>,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
) -> Result<EngagementPage, PageError> {
    let m = ctx.municipality.id;
    let mut needs = state.store.needs(m).await.or_page()?;
    let own_offers = match partner_of(&ctx) {
        Some(org) => {
            let filter = kette_store::OfferFilter { organisation_id: Some(org), ..Default::default() };
            Some(
                state.store.list_offers(m, &filter, 1, 500).await.or_page()?.items.into_iter().map(|o| (o.id, o.title)).collect::<Vec<_>>(),
            )
        }
        None => None,
    };
    let gifts = match &own_offers {
        Some(own) => {
            needs.retain(|n| n.input.offer_id.is_some_and(|o| own.iter().any(|(id, _)| *id == o)));
            vec![]
        }
        None => state.store.gifts(m).await.or_page()?,
    };
    let mut offer_matches = vec![];
    let q = params.get("offer_q").map(|q| q.trim()).unwrap_or_default();
    if !q.is_empty() {
        let filter = kette_store::OfferFilter { q: Some(q.chars().take(200).collect()), ..Default::default() };
        for o in state.store.list_offers(m, &filter, 1, 15).await.or_page()?.items {
            offer_matches.push((o.id, o.title, o.organisation_name));
        }
    }
    let measures = state.store.measures(m).await.or_page()?.into_iter().map(|x| (x.id, x.input.title)).collect();
    let mut values = values;
    values.insert("offer_q".into(), q.to_string());
    values.entry("offered_on".into()).or_insert_with(|| state.store.today().to_string());
    Ok(EngagementPage { ctx, needs, gifts, offer_matches, measures, values, errors, own_offers })
}

async fn page(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    if partner_of(&ctx).is_none() {
        ctx.coordination_only()?;
    }
    render(&build(&state, ctx, &params, HashMap::new(), vec![]).await?)
}

async fn refused(state: &AppState, ctx: Ctx, form: &FormData, fields: &[&str], errors: Vec<FieldError>) -> Result<Response, PageError> {
    let values = fields.iter().map(|k| (k.to_string(), form.get(k).to_string())).collect();
    let page = build(state, ctx, &HashMap::new(), values, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

const NEED_FIELDS: &[&str] = &["need_subject_kind", "offer_id", "measure_id", "need_kind", "need_description"];
const GIFT_FIELDS: &[&str] = &["giver_kind", "giver_name", "gift_kind", "gift_description", "amount_eur", "hours", "offered_on"];

async fn add_need(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    let partner = partner_of(&ctx);
    if partner.is_none() {
        ctx.coordination_only()?;
    }
    let id = |k: &str| form.get(k).trim().parse::<i64>().ok();
    let (offer_id, measure_id) = match (partner, form.get("need_subject_kind")) {
        (None, "measure") => (None, id("measure_id")),
        _ => (id("offer_id"), None),
    };
    // a partner states needs of their own offers only
    if let (Some(org), Some(offer)) = (partner, offer_id) {
        let owner = state.store.offer(ctx.municipality.id, offer).await.or_page()?.input.organisation_id;
        if owner != org {
            return Err(PageError::forbidden());
        }
    }
    let mut errors = vec![];
    let kind = GiftKind::parse(form.get("need_kind")).unwrap_or_else(|| {
        errors.push(FieldError::new("need_kind", "error-choice", "money, things or time"));
        GiftKind::InKind
    });
    let input = NeedInput { offer_id, measure_id, kind, description: form.get("need_description").to_string() };
    if errors.is_empty() {
        match state.store.add_need(ctx.municipality.id, &input, false, ctx.user.as_ref().map(|u| u.id)).await {
            Ok(_) => return Ok(Redirect::to("/engagement#needs").into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(e) => return Err(PageError::store(e)),
        }
    }
    refused(&state, ctx, &form, NEED_FIELDS, errors).await
}

fn gift_from_form(form: &FormData) -> (GiftInput, Vec<FieldError>) {
    let mut errors = vec![];
    let giver_kind = GiverKind::parse(form.get("giver_kind")).unwrap_or_else(|| {
        errors.push(FieldError::new("giver_kind", "error-choice", "who gives"));
        GiverKind::Business
    });
    let kind = GiftKind::parse(form.get("gift_kind")).unwrap_or_else(|| {
        errors.push(FieldError::new("gift_kind", "error-choice", "money, things or time"));
        GiftKind::InKind
    });
    let amount_eur = match form.get("amount_eur").trim() {
        "" => None,
        a => kette_text::parse_amount(a).or_else(|| {
            errors.push(FieldError::new("amount_eur", "error-amount", "an amount in euros"));
            None
        }),
    };
    let hours = match form.get("hours").trim() {
        "" => None,
        h => h.parse::<u32>().ok().or_else(|| {
            errors.push(FieldError::new("hours", "error-gift-hours", "whole hours"));
            None
        }),
    };
    let offered_on = form.date("offered_on", &mut errors);
    if offered_on.is_none() && !errors.iter().any(|e| e.field == "offered_on") {
        errors.push(FieldError::new("offered_on", "error-required", "the day it was offered"));
    }
    let input = GiftInput {
        giver_kind,
        giver_name: form.get("giver_name").to_string(),
        kind,
        description: form.get("gift_description").to_string(),
        amount_eur,
        hours,
        offered_on: offered_on.unwrap_or(time::Date::MIN),
        need_id: None,
        status: GiftStatus::Offered,
    };
    for e in input.validate(None).err().unwrap_or_default() {
        if !errors.iter().any(|x| x.field == e.field) {
            errors.push(e);
        }
    }
    (input, errors)
}

async fn add_gift(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    ctx.coordination_only()?;
    let (input, mut errors) = gift_from_form(&form);
    if errors.is_empty() {
        match state.store.save_gift(ctx.municipality.id, None, &input, false, ctx.user.as_ref().map(|u| u.id)).await {
            Ok(_) => return Ok(Redirect::to("/engagement#gifts").into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(e) => return Err(PageError::store(e)),
        }
    }
    refused(&state, ctx, &form, GIFT_FIELDS, errors).await
}

async fn load_gift(state: &AppState, ctx: &Ctx, id: i64) -> Result<StoredGift, PageError> {
    state.store.gifts(ctx.municipality.id).await.or_page()?.into_iter().find(|g| g.id == id).ok_or_else(PageError::not_found)
}

async fn store_gift(state: &AppState, ctx: Ctx, id: i64, input: GiftInput, form: &FormData) -> Result<Response, PageError> {
    match state.store.save_gift(ctx.municipality.id, Some(id), &input, false, ctx.user.as_ref().map(|u| u.id)).await {
        Ok(_) => Ok(Redirect::to("/engagement#gifts").into_response()),
        Err(StoreError::Invalid { errors, .. }) => refused(state, ctx, form, &[], errors.0).await,
        Err(e) => Err(PageError::store(e)),
    }
}

async fn match_gift(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    ctx.coordination_only()?;
    let gift = load_gift(&state, &ctx, id).await?;
    let need = form.get("need_id").parse::<i64>().map_err(|_| PageError::bad_request(format!("need_id '{}'", form.get("need_id"))))?;
    let input = GiftInput { need_id: Some(need), status: GiftStatus::Matched, ..gift.input };
    store_gift(&state, ctx, id, input, &form).await
}

async fn advance_gift(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    ctx.coordination_only()?;
    let gift = load_gift(&state, &ctx, id).await?;
    let Some(next) = next_status(gift.input.status) else {
        return Err(PageError::bad_request("the gift is thanked for already".to_string()));
    };
    let input = GiftInput { status: next, ..gift.input };
    store_gift(&state, ctx, id, input, &form).await
}
