//! The links of the chain in the web (issue 16): the "before / next" section of an offer's page
//! with the coordination's form to link and unlink (the target found by a plain GET search, so
//! it works without JavaScript), and the chain of a district for the coordination — drawn on
//! the server, with tables saying the same for screen readers.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use kette_domain::chain::{transition_phases, ChainLinkInput};
use kette_domain::{Offer, TermKind};
use kette_store::StoreError;

use crate::error::{render, OrPage, PageError};
use crate::forms::SignedForm;
use crate::svg::{chain_diagram, ChainBox, ChainColumn, ChainGap};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/offers/{id}/next", post(add_link))
        .route("/offers/{id}/next/{link}/remove", post(remove_link))
        .route("/network/chain", get(chain_page))
}

/// One step before or after an offer, as the staff page lists it.
pub struct StepView {
    pub link_id: i64,
    pub offer_id: i64,
    pub title: String,
    pub organisation: String,
    pub transition: Option<String>,
}

/// The chain section of an offer's staff page.
pub struct OfferChain {
    pub before: Vec<StepView>,
    pub next: Vec<StepView>,
    /// The coordination's form; None for everyone else.
    pub edit: Option<ChainEdit>,
}

pub struct ChainEdit {
    pub q: String,
    /// (offer id, title, organisation) found by the search.
    pub matches: Vec<(i64, String, String)>,
    /// (field, message) of a refused link.
    pub errors: Vec<(String, String)>,
}

/// The chain section for an offer: the steps the reader may see and, for the coordination, the
/// search `q`'s matches to link to.
pub async fn offer_chain(
    state: &AppState,
    ctx: &Ctx,
    offer: &Offer,
    q: &str,
    errors: Vec<(String, String)>,
) -> Result<OfferChain, PageError> {
    let (before, next) = state.app.chain_neighbours(&ctx.disclosure(), &ctx.municipality, offer.id).await.or_page()?;
    let view = |steps: Vec<kette_app::chain::ChainStep>| -> Vec<StepView> {
        steps
            .into_iter()
            .map(|s| StepView {
                link_id: s.link_id,
                offer_id: s.offer.id,
                title: s.offer.input.title,
                organisation: s.offer.organisation_name,
                transition: s.transition,
            })
            .collect()
    };
    let edit = if ctx.can_approve() {
        let mut matches = vec![];
        if !q.is_empty() {
            let filter = kette_store::OfferFilter { q: Some(q.chars().take(200).collect()), ..Default::default() };
            for o in state.store.list_offers(ctx.municipality.id, &filter, 1, 20).await.or_page()?.items {
                if o.id != offer.id {
                    matches.push((o.id, o.title, o.organisation_name));
                }
            }
        }
        Some(ChainEdit { q: q.to_string(), matches, errors })
    } else {
        None
    };
    Ok(OfferChain { before: view(before), next: view(next), edit })
}

async fn add_link(State(state): State<AppState>, Path(id): Path<i64>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let m = ctx.municipality.id;
    let offer = state.store.offer(m, id).await.or_page()?;
    let transition = Some(form.get("transition").trim()).filter(|t| !t.is_empty()).map(str::to_string);
    let to = match form.get("to_offer_id").parse::<i64>() {
        Ok(to) => to,
        Err(_) => {
            let errors = vec![("to_offer_id".to_string(), ctx.t("error-chain-choose"))];
            return crate::pages::offer_with_chain_errors(&state, ctx, offer, errors).await;
        }
    };
    let input = ChainLinkInput { from_offer_id: id, to_offer_id: to, transition };
    let by = ctx.user.as_ref().map(|u| u.id);
    match state.store.add_offer_link(m, &input, false, by).await {
        Ok(_) => Ok(Redirect::to(&format!("/offers/{id}#chain")).into_response()),
        Err(StoreError::Invalid { errors, .. }) => {
            let mut shown = vec![];
            for e in errors.0 {
                let message = if e.code == "error-chain-cycle" {
                    ctx.t1("error-chain-cycle", "path", &cycle_text(&state, m, id, to).await?)
                } else {
                    ctx.t(&e.code)
                };
                shown.push((e.field, message));
            }
            crate::pages::offer_with_chain_errors(&state, ctx, offer, shown).await
        }
        Err(e) => Err(PageError::store(e)),
    }
}

/// The cycle a link would close, by the offers' titles: "A → B → C → A".
async fn cycle_text(state: &AppState, m: i64, from: i64, to: i64) -> Result<String, PageError> {
    let links = state.store.offer_links(m).await.or_page()?;
    let edges: Vec<(i64, i64)> = links.iter().map(|l| (l.from_offer_id, l.to_offer_id)).collect();
    let mut titles: HashMap<i64, String> = HashMap::new();
    for l in &links {
        titles.insert(l.from_offer_id, l.from_title.clone());
        titles.insert(l.to_offer_id, l.to_title.clone());
    }
    let path = kette_domain::chain::cycle_path(&edges, from, to).unwrap_or_else(|| vec![from, to]);
    let mut names = vec![];
    for id in path {
        let name = match titles.get(&id) {
            Some(t) => t.clone(),
            None => state.store.offer(m, id).await.or_page()?.input.title,
        };
        names.push(name);
    }
    Ok(names.join(" → "))
}

async fn remove_link(
    State(state): State<AppState>,
    Path((id, link)): Path<(i64, i64)>,
    SignedForm { ctx, .. }: SignedForm,
) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let by = ctx.user.as_ref().map(|u| u.id);
    if !state.store.remove_offer_link(ctx.municipality.id, link, by).await.or_page()? {
        return Err(PageError::not_found());
    }
    Ok(Redirect::to(&format!("/offers/{id}#chain")).into_response())
}

// ---------------------------------------------------------------- the chain of a district

#[derive(Template)]
#[template(path = "chain.html")]
struct ChainPage {
    ctx: Ctx,
    overview: kette_app::chain::ChainOverview,
    district: Option<i64>,
    district_name: Option<String>,
    districts: Vec<(i64, String, i64)>,
    svg: String,
}

impl ChainPage {
    fn between(&self, transition: &str) -> String {
        match transition_phases(transition) {
            Some((a, b)) => format!("{} → {}", self.ctx.term("life_phase", a), self.ctx.term("life_phase", b)),
            None => String::new(),
        }
    }
    fn unbridged_count(&self) -> usize {
        self.overview.unbridged().count()
    }
}

async fn chain_page(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    ctx.coordination_only()?;
    let m = ctx.municipality.id;
    let district = match params.get("district").map(|d| d.trim()).filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => Some(d.parse::<i64>().map_err(|_| PageError::bad_request(format!("district '{d}'")))?),
    };
    let district_name = match district {
        Some(d) => Some(state.store.district(m, d).await.or_page()?.district.name),
        None => None,
    };
    let overview = state.app.chain_overview(&ctx.municipality, &ctx.vocab, district).await.or_page()?;
    let phase_codes: Vec<String> = ctx.vocab.of(TermKind::LifePhase).map(|t| t.code.clone()).collect();
    let columns: Vec<ChainColumn> = overview
        .phases
        .iter()
        .map(|(code, n)| ChainColumn { label: ctx.term("life_phase", code), count_label: ctx.tn("chain-offers-in-phase", *n as i64) })
        .collect();
    let column_of = |p: &Option<String>| p.as_ref().and_then(|p| phase_codes.iter().position(|c| c == p)).unwrap_or(0);
    let boxes: Vec<ChainBox> = overview
        .offers
        .iter()
        .map(|o| ChainBox {
            column: column_of(&o.phase),
            title: o.title.clone(),
            organisation: o.organisation.clone(),
            outside: !o.in_district,
        })
        .collect();
    let index: HashMap<i64, usize> = overview.offers.iter().enumerate().map(|(i, o)| (o.id, i)).collect();
    let links: Vec<(usize, usize)> =
        overview.links.iter().filter_map(|l| Some((*index.get(&l.from_offer_id)?, *index.get(&l.to_offer_id)?))).collect();
    let gaps: Vec<ChainGap> = overview
        .transitions
        .iter()
        .filter_map(|t| {
            let (a, _) = transition_phases(&t.transition)?;
            Some(ChainGap {
                column: phase_codes.iter().position(|c| c == a)?,
                label: format!(
                    "{}: {}",
                    ctx.term("transition", &t.transition),
                    if t.is_unbridged() { ctx.t("chain-unbridged") } else { ctx.t("chain-bridged") }
                ),
                bridged: !t.is_unbridged(),
            })
        })
        .collect();
    let more = |n: usize| ctx.tn("chain-more-offers", n as i64);
    let svg = chain_diagram(&columns, &boxes, &links, &gaps, &more);
    let districts = crate::pages::district_options(&state, &ctx).await?;
    let page = ChainPage { ctx, overview, district, district_name, districts, svg };
    let status = StatusCode::OK;
    Ok((status, render(&page)?).into_response())
}
