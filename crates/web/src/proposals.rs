//! Proposals "from the child's point of view" (issue 15): the ranked list with each criterion's
//! share, submitting, the criteria's weights, scoring, and the decision (accept into a measure,
//! reject with a reason). Rights: `kette_domain::proposals::proposal_rights`.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use kette_domain::needs::NeedScoreReason;
use kette_domain::proposals::{rank, Criterion, ProposalInput, ProposalRights, ProposalStatus, Ranking};
use kette_domain::FieldError;
use kette_store::{StoreError, StoredProposal};

use crate::ctx::SignedIn;
use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, SignedForm};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/proposals", get(list).post(submit))
        .route("/proposals/criteria", post(set_weights))
        .route("/proposals/{id}", get(detail))
        .route("/proposals/{id}/scores", post(score))
        .route("/proposals/{id}/accept", post(accept))
        .route("/proposals/{id}/reject", post(reject))
}

/// The reader's rights and the bodies they may submit for.
async fn rights(state: &AppState, ctx: &Ctx) -> Result<(ProposalRights, Vec<(i64, String)>), PageError> {
    let Some(user) = &ctx.user else { return Ok((ProposalRights::default(), vec![])) };
    let m = ctx.municipality.id;
    let relations = state.store.body_relations(m, user.id, user.organisation_id).await.or_page()?;
    let bodies = state.store.bodies(m, kette_app::calendar::local_now(state.store.clock())).await.or_page()?;
    let in_steering_group = bodies.iter().any(|b| b.kind == "steering_group" && relations.member_of.contains(&b.id));
    let rights = kette_domain::proposals::proposal_rights(ctx.actor(), !relations.member_of.is_empty(), in_steering_group);
    let submit_for =
        bodies.into_iter().filter(|b| ctx.can_approve() || relations.member_of.contains(&b.id)).map(|b| (b.id, b.name)).collect();
    Ok((rights, submit_for))
}

pub struct Ranked {
    pub proposal: StoredProposal,
    pub ranking: Ranking,
}

#[derive(Template)]
#[template(path = "proposals.html")]
struct ProposalsPage {
    ctx: Ctx,
    rights: ProposalRights,
    criteria: Vec<Criterion>,
    open: Vec<Ranked>,
    decided: Vec<StoredProposal>,
    bodies: Vec<(i64, String)>,
    districts: Vec<(i64, String, i64)>,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
}

impl ProposalsPage {
    fn v(&self, k: &str) -> String {
        self.values.get(k).cloned().unwrap_or_default()
    }
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
    fn label(&self, c: &Criterion) -> String {
        if self.ctx.lang == "de" || c.label_en.is_empty() {
            c.label_de.clone()
        } else {
            c.label_en.clone()
        }
    }
    fn score(&self, r: &Ranked, c: &Criterion) -> String {
        r.proposal.scores.iter().find(|(code, _)| code == &c.code).map(|(_, s)| s.to_string()).unwrap_or_else(|| "–".into())
    }
    fn share(&self, r: &Ranked, i: &usize) -> String {
        r.ranking.shares.get(*i).copied().flatten().map(|s| format!("{} %", self.ctx.num((s * 100.0).round() as i64))).unwrap_or_default()
    }
    fn share_width(&self, r: &Ranked, i: &usize) -> i64 {
        r.ranking.shares.get(*i).copied().flatten().map(|s| (s * 100.0).round() as i64).unwrap_or(0)
    }
    fn total(&self, r: &Ranked) -> String {
        r.ranking.total.map(|t| self.ctx.fixed(t, 2)).unwrap_or_else(|| "–".into())
    }
    fn weight(&self, c: &Criterion) -> String {
        self.values.get(&format!("weight_{}", c.code)).cloned().unwrap_or_else(|| self.ctx.short(c.weight, 1))
    }
    fn times(&self, c: &Criterion) -> String {
        format!("× {}", self.ctx.short(c.weight, 1))
    }
    fn missing(&self, r: &Ranked) -> String {
        self.ctx.tn("proposal-missing-scores", r.ranking.missing as i64)
    }
    fn status(&self, p: &StoredProposal) -> String {
        self.ctx.t(&format!("proposal-status-{}", p.status.as_str()))
    }
}

async fn list_view(state: &AppState, ctx: Ctx, values: HashMap<String, String>, errors: Vec<FieldError>) -> Result<Response, PageError> {
    let (rights, bodies) = rights(state, &ctx).await?;
    if !rights.read {
        return Err(PageError::forbidden());
    }
    let m = ctx.municipality.id;
    let criteria = state.store.proposal_criteria(m).await.or_page()?;
    let (open, decided): (Vec<_>, Vec<_>) =
        state.store.proposals(m).await.or_page()?.into_iter().partition(|p| p.status == ProposalStatus::Submitted);
    let mut open: Vec<Ranked> = open.into_iter().map(|p| Ranked { ranking: rank(&criteria, &p.scores), proposal: p }).collect();
    // best first; unscored proposals last, oldest first among equals
    open.sort_by(|a, b| {
        b.ranking.total.unwrap_or(-1.0).total_cmp(&a.ranking.total.unwrap_or(-1.0)).then(a.proposal.id.cmp(&b.proposal.id))
    });
    let mut districts = crate::pages::district_options(state, &ctx).await?;
    // a finer district chosen elsewhere (a gap's planning area) joins the list
    if let Some(id) = values.get("proposal_district_id").and_then(|v| v.parse::<i64>().ok()) {
        if !districts.iter().any(|d| d.0 == id) {
            if let Ok(d) = state.store.district(m, id).await {
                districts.push((d.district.id, d.district.name, d.district.level));
            }
        }
    }
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = ProposalsPage { ctx, rights, criteria, open, decided, bodies, districts, values, errors };
    Ok((status, render(&page)?).into_response())
}

/// The list with the submit form; a gap of the needs analysis links here with its district,
/// life phase and problem filled in.
async fn list(
    State(state): State<AppState>,
    SignedIn { ctx, .. }: SignedIn,
    axum::extract::Query(params): axum::extract::Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let values = params
        .into_iter()
        .filter(|(k, _)| ["proposal_title", "problem", "proposal_life_phase", "proposal_district_id"].contains(&k.as_str()))
        .map(|(k, v)| (k, v.chars().take(2000).collect()))
        .collect();
    list_view(&state, ctx, values, vec![]).await
}

fn invalid_or_page(e: StoreError) -> Result<Vec<FieldError>, PageError> {
    match e {
        StoreError::Invalid { errors, .. } => Ok(errors.0),
        StoreError::NotFound(_) => Err(PageError::not_found()),
        other => Err(PageError::store(other)),
    }
}

fn by(ctx: &Ctx) -> Option<i64> {
    ctx.user.as_ref().map(|u| u.id)
}

fn optional(form: &FormData, k: &str) -> Option<String> {
    Some(form.get(k).trim().to_string()).filter(|v| !v.is_empty())
}

async fn submit(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    let (rights, bodies) = rights(&state, &ctx).await?;
    if !rights.submit {
        return Err(PageError::forbidden());
    }
    let mut errors = vec![];
    let body_id: Option<i64> = form.get("proposal_body_id").parse().ok();
    if body_id.is_some_and(|b| !bodies.iter().any(|(id, _)| *id == b)) {
        errors.push(FieldError::new("proposal_body_id", "error-choice", "a body you are a member of"));
    }
    let cost_eur = match form.get("cost_eur").trim() {
        "" => None,
        c => kette_text::parse_amount(c).or_else(|| {
            errors.push(FieldError::new("cost_eur", "error-number", "not a number"));
            None
        }),
    };
    let input = ProposalInput {
        title: form.get("proposal_title").to_string(),
        problem: form.get("problem").to_string(),
        life_phase: optional(&form, "proposal_life_phase"),
        transition: optional(&form, "proposal_transition"),
        district_id: form.get("proposal_district_id").parse().ok(),
        expected_benefit: form.get("expected_benefit").to_string(),
        cost_eur,
        partners: form.get("partners").to_string(),
        body_id,
    };
    if errors.is_empty() {
        match state.store.submit_proposal(ctx.municipality.id, &input, false, by(&ctx)).await {
            Ok(id) => return Ok(Redirect::to(&format!("/proposals/{id}")).into_response()),
            Err(e) => errors = invalid_or_page(e)?,
        }
    }
    list_view(&state, ctx, form.pairs().into_iter().collect(), errors).await
}

async fn set_weights(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let criteria = state.store.proposal_criteria(ctx.municipality.id).await.or_page()?;
    let mut errors = vec![];
    let mut weights = vec![];
    for c in &criteria {
        let field = format!("weight_{}", c.code);
        match kette_text::parse_number(form.get(&field)) {
            Some(w) => weights.push((c.code.clone(), w)),
            None => errors.push(FieldError::new(field, "error-weight", "a weight lies between 0 and 10")),
        }
    }
    if errors.is_empty() {
        match state.store.set_criterion_weights(ctx.municipality.id, &weights, by(&ctx)).await {
            Ok(()) => return Ok(Redirect::to("/proposals#criteria").into_response()),
            Err(e) => errors = invalid_or_page(e)?,
        }
    }
    list_view(&state, ctx, form.pairs().into_iter().collect(), errors).await
}

#[derive(Template)]
#[template(path = "proposal.html")]
struct ProposalPage {
    ctx: Ctx,
    rights: ProposalRights,
    proposal: StoredProposal,
    ranked: Ranked,
    criteria: Vec<Criterion>,
    measure_title: Option<String>,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
    /// what the needs analysis says of the proposal's district and life phase (planning
    /// readers), as evidence for the need criterion: (link to the gap, text)
    need_evidence: Option<NeedEvidence>,
}

/// What the needs analysis says of a proposal's district and life phase.
struct NeedEvidence {
    /// the gap's page
    href: String,
    /// the cell's figures in words
    text: String,
    /// the suggested need score and its reasons in words
    suggestion: Option<(u8, String)>,
}

impl ProposalPage {
    fn v(&self, k: &str) -> String {
        self.values.get(k).cloned().unwrap_or_default()
    }
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
    fn label(&self, c: &Criterion) -> String {
        if self.ctx.lang == "de" || c.label_en.is_empty() {
            c.label_de.clone()
        } else {
            c.label_en.clone()
        }
    }
    fn given(&self, c: &Criterion) -> Option<u8> {
        self.proposal.scores.iter().find(|(code, _)| code == &c.code).map(|(_, s)| *s)
    }
    fn selected(&self, c: &Criterion, score: &u8) -> bool {
        match self.values.get(&format!("score_{}", c.code)) {
            Some(v) => v == &score.to_string(),
            None => match self.given(c) {
                Some(given) => given == *score,
                // the analysis' suggestion stands in until the need is scored
                None => self.suggested(c) == Some(*score),
            },
        }
    }
    fn suggested(&self, c: &Criterion) -> Option<u8> {
        (c.code == "need").then(|| self.need_evidence.as_ref().and_then(|e| e.suggestion.as_ref()).map(|s| s.0)).flatten()
    }
    /// The analysis' suggested need score and why.
    fn suggestion_text(&self) -> Option<String> {
        let (score, because) = self.need_evidence.as_ref()?.suggestion.as_ref()?;
        Some(self.ctx.t_args("proposal-need-suggested", [("score", score.to_string()), ("because", because.clone())]))
    }
    /// Whether the need criterion's choice is the analysis' suggestion standing in for a score.
    fn preselected(&self, c: &Criterion) -> bool {
        self.suggested(c).is_some() && self.given(c).is_none() && !self.values.contains_key("score_need")
    }
    fn total(&self) -> String {
        self.ranked.ranking.total.map(|t| self.ctx.fixed(t, 2)).unwrap_or_else(|| "–".into())
    }
    fn share(&self, i: &usize) -> String {
        self.ranked
            .ranking
            .shares
            .get(*i)
            .copied()
            .flatten()
            .map(|s| format!("{} %", self.ctx.num((s * 100.0).round() as i64)))
            .unwrap_or_default()
    }
    fn times(&self, c: &Criterion) -> String {
        format!("× {}", self.ctx.short(c.weight, 1))
    }
    fn status(&self) -> String {
        self.ctx.t(&format!("proposal-status-{}", self.proposal.status.as_str()))
    }
    fn cost(&self) -> String {
        self.proposal.input.cost_eur.map(|c| format!("{} €", self.ctx.num(c.round() as i64))).unwrap_or_default()
    }
}

async fn detail_view(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let (rights, _) = rights(state, &ctx).await?;
    if !rights.read {
        return Err(PageError::forbidden());
    }
    let m = ctx.municipality.id;
    let proposal = state.store.proposal(m, id).await.or_page()?.ok_or_else(PageError::not_found)?;
    let criteria = state.store.proposal_criteria(m).await.or_page()?;
    let measure_title = match proposal.measure_id {
        Some(mid) => state.store.measure(m, mid).await.or_page()?.map(|x| x.input.title),
        None => None,
    };
    let ranked = Ranked { ranking: rank(&criteria, &proposal.scores), proposal: proposal.clone() };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let need_evidence = need_evidence(state, &ctx, &proposal).await?;
    let page = ProposalPage { ctx, rights, proposal, ranked, criteria, measure_title, values, errors, need_evidence };
    Ok((status, render(&page)?).into_response())
}

/// The needs analysis' cell of the proposal's district and life phase, in words.
async fn need_evidence(state: &AppState, ctx: &Ctx, proposal: &StoredProposal) -> Result<Option<NeedEvidence>, PageError> {
    let (Some(district), Some(phase)) = (proposal.input.district_id, proposal.input.life_phase.as_deref()) else { return Ok(None) };
    if !ctx.reads_needs_analysis() {
        return Ok(None);
    }
    let level = match state.store.district(ctx.municipality.id, district).await {
        Ok(d) => d.district.level,
        Err(kette_store::StoreError::NotFound(_)) => return Ok(None),
        Err(e) => return Err(PageError::store(e)),
    };
    let req = kette_app::needs::NeedsRequest { level: Some(level), ..Default::default() };
    let view = state.app.needs(&ctx.disclosure(), ctx.municipality.id, &ctx.vocab, &req).await.or_page()?;
    let Some(p) = view.matrix.phases.iter().position(|c| c == phase) else { return Ok(None) };
    let Some(row) = view.matrix.rows.iter().find(|r| r.district == district) else { return Ok(None) };
    let cell = &row.cells[p];
    let fixed = |v: Option<f64>, d: u8| v.map_or_else(|| "–".to_string(), |v| ctx.fixed(v, d));
    let children = cell.children.map_or_else(|| ctx.t("needs-withheld"), |c| ctx.num(c.round() as i64));
    let gap = view.gaps.iter().find(|g| g.district == district && g.phase == phase);
    let text = ctx.t_args(
        "proposal-need-evidence",
        [
            ("phase", ctx.term("life_phase", phase)),
            ("district", row.name.clone()),
            ("children", children),
            ("coverage", fixed(cell.coverage, 2)),
            ("median", fixed(view.matrix.median_coverage[p], 2)),
            ("walk", cell.within_walk.map_or_else(|| "–".to_string(), |w| format!("{} %", ctx.fixed(w * 100.0, 0)))),
            ("missing", gap.map_or_else(|| ctx.t("scenario-no-gap"), |g| ctx.fixed(g.shortfall, 1))),
        ],
    );
    let suggestion = view.matrix.suggested_need_score(district, phase).map(|s| {
        let because: Vec<String> = s
            .because
            .iter()
            .map(|r| match r {
                NeedScoreReason::NoOffer => ctx.t("need-score-no-offer"),
                NeedScoreReason::CoverageOfMedian { share } => {
                    ctx.t_args("need-score-coverage", [("share", ctx.num((share * 100.0).round() as i64))])
                }
                NeedScoreReason::DeprivedQuarter => ctx.t("need-score-deprived"),
                NeedScoreReason::FarToWalk { share } => ctx.t_args("need-score-far", [("share", ctx.num((share * 100.0).round() as i64))]),
            })
            .collect();
        (s.score, because.join("; "))
    });
    Ok(Some(NeedEvidence { href: format!("/needs/gaps/{district}/{phase}"), text, suggestion }))
}

async fn detail(State(state): State<AppState>, SignedIn { ctx, .. }: SignedIn, Path(id): Path<String>) -> Result<Response, PageError> {
    detail_view(&state, ctx, &id, HashMap::new(), vec![]).await
}

async fn deciding(state: &AppState, ctx: &Ctx, id: &str) -> Result<i64, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    if !rights(state, ctx).await?.0.decide {
        return Err(PageError::forbidden());
    }
    Ok(id)
}

async fn score(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id = deciding(&state, &ctx, &raw).await?;
    let criteria = state.store.proposal_criteria(ctx.municipality.id).await.or_page()?;
    let mut errors = vec![];
    let mut scores = vec![];
    for c in &criteria {
        let field = format!("score_{}", c.code);
        match form.get(&field) {
            "" => {}
            v => match v.parse::<u8>() {
                Ok(s) => scores.push((c.code.clone(), s)),
                Err(_) => errors.push(FieldError::new(field, "error-score", "a score lies between 0 and 5")),
            },
        }
    }
    if errors.is_empty() {
        match state.store.score_proposal(ctx.municipality.id, id, &scores, by(&ctx)).await {
            Ok(()) => return Ok(Redirect::to(&format!("/proposals/{id}")).into_response()),
            Err(e) => errors = invalid_or_page(e)?,
        }
    }
    detail_view(&state, ctx, &raw, form.pairs().into_iter().collect(), errors).await
}

async fn accept(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id = deciding(&state, &ctx, &raw).await?;
    match state.store.accept_proposal(ctx.municipality.id, id, by(&ctx)).await {
        Ok(_) => Ok(Redirect::to(&format!("/proposals/{id}")).into_response()),
        Err(e) => {
            let errors = invalid_or_page(e)?;
            detail_view(&state, ctx, &raw, form.pairs().into_iter().collect(), errors).await
        }
    }
}

async fn reject(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id = deciding(&state, &ctx, &raw).await?;
    match state.store.reject_proposal(ctx.municipality.id, id, form.get("reason"), by(&ctx)).await {
        Ok(()) => Ok(Redirect::to(&format!("/proposals/{id}")).into_response()),
        Err(e) => {
            let errors = invalid_or_page(e)?;
            detail_view(&state, ctx, &raw, form.pairs().into_iter().collect(), errors).await
        }
    }
}
