//! The follow-up of one gap of the needs analysis (issue 14): `/needs/gaps/{district}/{phase}`
//! shows the gap's figures as the reader may see them, where the steering stands with it and
//! the comments; planners record a state, the measure or proposal that addresses it and a
//! comment, or start a proposal prefilled with the gap.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use kette_app::needs::{NeedsRequest, NeedsView};
use kette_domain::needs::{Cell, Gap, GapFollowUpInput, GapReason, GapState};
use kette_domain::FieldError;
use kette_store::{GapFollowUp, StoreError};

use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, SignedForm};
use crate::needs::may_read;
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new().route("/needs/gaps/{district}/{phase}", get(show).post(save))
}

#[derive(Template)]
#[template(path = "gap.html")]
struct GapPage {
    ctx: Ctx,
    district: kette_domain::District,
    phase: String,
    cell: Option<Cell>,
    gap: Option<Gap>,
    view: std::sync::Arc<NeedsView>,
    follow_up: Option<GapFollowUp>,
    /// (id, title, about this district and phase) — those about it first
    measures: Vec<(i64, String, bool)>,
    proposals: Vec<(i64, String, bool)>,
    chosen: GapFollowUpInput,
    errors: Vec<FieldError>,
}

impl GapPage {
    fn phase_label(&self) -> String {
        self.ctx.term("life_phase", &self.phase)
    }
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
    fn states(&self) -> Vec<(&'static str, String, bool)> {
        GapState::ALL.iter().map(|s| (s.as_str(), self.ctx.t(&s.label_key()), *s == self.chosen.state)).collect()
    }
    fn state_label(&self, s: &GapState) -> String {
        self.ctx.t(&s.label_key())
    }
    fn is_measure(&self, id: &i64) -> bool {
        self.chosen.measure_id == Some(*id)
    }
    fn is_proposal(&self, id: &i64) -> bool {
        self.chosen.proposal_id == Some(*id)
    }
    fn count(&self, x: &Option<f64>) -> String {
        x.map_or_else(|| self.ctx.t("needs-withheld"), |c| self.ctx.num(c.round() as i64))
    }
    fn fixed(&self, x: &Option<f64>, digits: u8) -> String {
        x.map_or_else(|| "–".into(), |v| self.ctx.fixed(v, digits))
    }
    fn percent(&self, x: &Option<f64>) -> String {
        x.map_or_else(|| "–".into(), |v| format!("{} %", self.ctx.fixed(v * 100.0, 0)))
    }
    fn median_text(&self) -> String {
        let p = self.view.matrix.phases.iter().position(|c| *c == self.phase);
        self.fixed(&p.and_then(|p| self.view.matrix.median_coverage.get(p).copied().flatten()), 2)
    }
    fn missing(&self, g: &Gap) -> String {
        self.ctx.t_args("needs-gap-missing", [("missing", self.ctx.fixed(g.shortfall, 1))])
    }
    fn reason(&self, r: &GapReason) -> String {
        crate::needs::reason_text(&self.ctx, r, self.view.walk_on_network)
    }
    fn domain_note(&self) -> Option<String> {
        crate::needs::domain_note(&self.ctx, &self.view)
    }
    fn proposal_link(&self) -> String {
        let problem =
            self.ctx.t_args("needs-gap-proposal-problem", [("phase", self.phase_label()), ("district", self.district.name.clone())]);
        format!(
            "/proposals?proposal_district_id={}&proposal_life_phase={}&problem={}#submit",
            self.district.id,
            crate::needs::urlencode(&self.phase),
            crate::needs::urlencode(&problem)
        )
    }
}

async fn build(
    state: &AppState,
    ctx: Ctx,
    district_id: i64,
    phase: String,
    chosen: Option<GapFollowUpInput>,
    errors: Vec<FieldError>,
    domain: Option<String>,
) -> Result<GapPage, PageError> {
    let m = ctx.municipality.id;
    if !ctx.vocab.of(kette_domain::TermKind::LifePhase).any(|t| t.code == phase) {
        return Err(PageError::not_found());
    }
    let district = match state.store.district(m, district_id).await {
        Ok(d) => d.district,
        Err(StoreError::NotFound(_)) => return Err(PageError::not_found()),
        Err(e) => return Err(PageError::store(e)),
    };
    // the figures of one field when the analysis was read so; the follow-up is the phase's
    let domain = domain.filter(|code| ctx.vocab.of(kette_domain::TermKind::Domain).any(|t| t.code == *code));
    let req = NeedsRequest { level: Some(district.level), domain, ..Default::default() };
    let view = state.app.needs(&ctx.disclosure(), m, &ctx.vocab, &req).await.or_page()?;
    let p = view.matrix.phases.iter().position(|c| *c == phase);
    let cell = view.matrix.rows.iter().find(|r| r.district == district_id).and_then(|r| p.and_then(|p| r.cells.get(p).cloned()));
    let gap = view.gaps.iter().find(|g| g.district == district_id && g.phase == phase).cloned();
    let follow_up = state.store.gap_follow_up(m, district_id, &phase).await.or_page()?;
    let about = |districts: &[i64], phases: &[String]| districts.contains(&district_id) && phases.contains(&phase);
    let mut measures: Vec<(i64, String, bool)> = state
        .store
        .measures(m)
        .await
        .or_page()?
        .into_iter()
        .map(|x| {
            let here = about(&x.input.district_ids, &x.input.life_phases);
            (x.id, x.input.title, here)
        })
        .collect();
    measures.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
    let mut proposals: Vec<(i64, String, bool)> = state
        .store
        .proposals(m)
        .await
        .or_page()?
        .into_iter()
        .map(|x| {
            let here = x.input.district_id == Some(district_id) && x.input.life_phase.as_deref() == Some(phase.as_str());
            (x.id, x.input.title, here)
        })
        .collect();
    proposals.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
    let chosen = chosen.unwrap_or_else(|| GapFollowUpInput {
        state: follow_up.as_ref().map_or(GapState::Open, |f| f.state),
        measure_id: follow_up.as_ref().and_then(|f| f.measure.as_ref().map(|x| x.0)),
        proposal_id: follow_up.as_ref().and_then(|f| f.proposal.as_ref().map(|x| x.0)),
        comment: String::new(),
    });
    Ok(GapPage { ctx, district, phase, cell, gap, view, follow_up, measures, proposals, chosen, errors })
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((district, phase)): Path<(i64, String)>,
    Query(params): Query<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    may_read(&ctx)?;
    let domain = params.get("domain").map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
    render(&build(&state, ctx, district, phase, None, vec![], domain).await?)
}

/// The one reader of the follow-up form.
fn follow_up_from_form(form: &FormData) -> (GapFollowUpInput, Vec<FieldError>) {
    let mut errors = vec![];
    let state = GapState::parse(form.get("state")).unwrap_or_else(|| {
        errors.push(FieldError::new("state", "error-choice", "open, addressed or no_action"));
        GapState::Open
    });
    let id = |k: &str, errors: &mut Vec<FieldError>| match form.get(k) {
        "" => None,
        v => v.parse::<i64>().map_err(|_| errors.push(FieldError::new(k, "error-choice", "an id from the list"))).ok(),
    };
    let input = GapFollowUpInput {
        state,
        measure_id: id("measure_id", &mut errors),
        proposal_id: id("proposal_id", &mut errors),
        comment: form.get("comment").to_string(),
    };
    for e in input.validate().err().map(|e| e.0).unwrap_or_default() {
        if !errors.iter().any(|x| x.field == e.field) {
            errors.push(e);
        }
    }
    (input, errors)
}

async fn save(
    State(state): State<AppState>,
    Path((district, phase)): Path<(i64, String)>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    may_read(&ctx)?;
    if !ctx.plans_needs() {
        return Err(PageError::forbidden());
    }
    if !ctx.vocab.of(kette_domain::TermKind::LifePhase).any(|t| t.code == phase) {
        return Err(PageError::not_found());
    }
    let (input, mut errors) = follow_up_from_form(&form);
    if errors.is_empty() {
        match state.store.follow_up_gap(ctx.municipality.id, district, &phase, &input, ctx.user.as_ref().map(|u| u.id)).await {
            Ok(()) => return Ok(Redirect::to(&format!("/needs/gaps/{district}/{phase}#follow-up")).into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(StoreError::NotFound(_)) => return Err(PageError::not_found()),
            Err(e) => return Err(PageError::store(e)),
        }
    }
    let page = build(&state, ctx, district, phase, Some(input), errors, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}
