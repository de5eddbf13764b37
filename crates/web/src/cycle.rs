//! The strategy cycle page (issue 15): the current phase and its history, each phase's
//! activities and success factors as a checklist with date and evidence, what is still open,
//! and the coordination's changes to the list. Everyone signed in reads; the coordination writes.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use kette_domain::cycle::{CheckInput, CycleItem, Evidence, ItemKind, Phase};
use kette_domain::FieldError;
use kette_store::{Check, PhaseEntry, StoreError};

use crate::ctx::SignedIn;
use crate::error::{render, OrPage, PageError};
use crate::forms::SignedForm;
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/steering/cycle", get(page))
        .route("/steering/cycle/phase", post(set_phase))
        .route("/steering/cycle/check", post(check))
        .route("/steering/cycle/uncheck", post(uncheck))
        .route("/steering/cycle/items", post(save_item))
}

pub struct PhaseView {
    pub phase: Phase,
    pub items: Vec<ItemView>,
    pub done: usize,
    /// The network's events of this phase: (id, title, date, participants) — evidence of the
    /// phase's activities (kick-off, trainings, conferences).
    pub events: Vec<(i64, String, String, u32)>,
}

pub struct ItemView {
    pub item: CycleItem,
    pub check: Option<Check>,
}

#[derive(Template)]
#[template(path = "cycle.html")]
struct CyclePage {
    ctx: Ctx,
    current: Option<PhaseEntry>,
    history: Vec<PhaseEntry>,
    phases: Vec<PhaseView>,
    decisions: Vec<(i64, String)>,
    measures: Vec<(i64, String)>,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
}

impl CyclePage {
    fn v(&self, k: &str) -> String {
        self.values.get(k).cloned().unwrap_or_default()
    }
    /// Errors of the form of one item (the form says which item it was).
    fn item_errors(&self, code: &str) -> Vec<String> {
        if self.v("item_code") != code {
            return vec![];
        }
        self.errors.iter().map(|e| self.ctx.t(&e.code)).collect()
    }
    fn phase_label(&self, p: &Phase) -> String {
        self.ctx.t(&format!("cycle-phase-{}", p.as_str().replace('_', "-")))
    }
    fn is_current(&self, p: &Phase) -> bool {
        self.current.as_ref().is_some_and(|c| c.phase == *p)
    }
    fn kind_items<'a>(&self, view: &'a PhaseView, kind: &str) -> Vec<&'a ItemView> {
        view.items.iter().filter(|i| i.item.kind.as_str() == kind).collect()
    }
    fn label(&self, i: &CycleItem) -> String {
        i.label(self.ctx.lang).to_string()
    }
    fn progress(&self, view: &PhaseView) -> String {
        self.ctx.t_args("cycle-progress", &[("done", view.done.to_string()), ("total", view.items.len().to_string())])
    }
    fn evidence(&self, c: &Check) -> Option<(String, String)> {
        match &c.input.evidence {
            Some(Evidence::Decision(_)) => Some((
                c.meeting_id.map(|m| format!("/meetings/{m}#decisions")).unwrap_or_default(),
                format!("{}: {}", self.ctx.t("decision-text"), c.evidence_label.clone().unwrap_or_default()),
            )),
            Some(Evidence::Measure(id)) => Some((
                format!("/steering/measures/{id}"),
                format!("{}: {}", self.ctx.t("measure"), c.evidence_label.clone().unwrap_or_default()),
            )),
            Some(Evidence::Document(url)) => Some((url.clone(), self.ctx.t("cycle-evidence-document"))),
            None => None,
        }
    }
}

async fn build(state: &AppState, ctx: Ctx, values: HashMap<String, String>, errors: Vec<FieldError>) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let history = state.store.cycle_history(m).await.or_page()?;
    let current = history.last().cloned();
    let items = state.store.cycle_items(m).await.or_page()?;
    let mut checks = state.store.cycle_checks(m).await.or_page()?;
    let events = state.store.events(m, None, false).await.or_page()?;
    let phases = Phase::ALL
        .into_iter()
        .map(|phase| {
            let items: Vec<ItemView> = items
                .iter()
                .filter(|i| i.phase == phase)
                .map(|i| ItemView {
                    item: i.clone(),
                    check: checks.iter().position(|c| c.input.item_code == i.code).map(|at| checks.swap_remove(at)),
                })
                .collect();
            let events = events
                .iter()
                .filter(|e| e.input.cycle_phase == Some(phase))
                .map(|e| (e.id, e.input.title.clone(), ctx.date(e.input.starts_at.date()), e.input.participants()))
                .collect();
            PhaseView { phase, done: items.iter().filter(|i| i.check.is_some()).count(), items, events }
        })
        .collect();
    let (decisions, measures) = if ctx.can_approve() {
        (
            state.store.decisions(m, None).await.or_page()?.into_iter().map(|d| (d.id, d.input.text.chars().take(90).collect())).collect(),
            state.store.measures(m).await.or_page()?.into_iter().map(|x| (x.id, x.input.title)).collect(),
        )
    } else {
        (vec![], vec![])
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = CyclePage { ctx, current, history, phases, decisions, measures, values, errors };
    Ok((status, render(&page)?).into_response())
}

async fn page(State(state): State<AppState>, SignedIn { ctx, .. }: SignedIn) -> Result<Response, PageError> {
    build(&state, ctx, HashMap::new(), vec![]).await
}

fn date(form: &crate::forms::FormData, k: &str, errors: &mut Vec<FieldError>) -> Option<time::Date> {
    time::Date::parse(form.get(k), time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| errors.push(FieldError::new(k, "error-date", "not a date (YYYY-MM-DD)")))
        .ok()
}

fn by(ctx: &Ctx) -> Option<i64> {
    ctx.user.as_ref().map(|u| u.id)
}

async fn finish(
    state: &AppState,
    ctx: Ctx,
    form: &crate::forms::FormData,
    result: Result<(), StoreError>,
    anchor: &str,
) -> Result<Response, PageError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/steering/cycle{anchor}")).into_response()),
        Err(StoreError::Invalid { errors, .. }) => build(state, ctx, form.pairs().into_iter().collect(), errors.0).await,
        Err(e) => Err(PageError::store(e)),
    }
}

async fn set_phase(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let mut errors = vec![];
    let phase = Phase::parse(form.get("phase"));
    if phase.is_none() {
        errors.push(FieldError::new("phase", "error-choice", "a phase of the cycle"));
    }
    let since = date(&form, "since", &mut errors);
    let (Some(phase), Some(since)) = (phase, since) else {
        return build(&state, ctx, form.pairs().into_iter().collect(), errors).await;
    };
    let result = state.store.set_cycle_phase(ctx.municipality.id, phase, since, form.get("note"), by(&ctx)).await;
    finish(&state, ctx, &form, result, "").await
}

async fn check(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let mut errors = vec![];
    let done_on = date(&form, "done_on", &mut errors);
    let evidence = match form.get("evidence_kind") {
        "decision" => form.get("evidence_decision").parse().ok().map(Evidence::Decision),
        "measure" => form.get("evidence_measure").parse().ok().map(Evidence::Measure),
        "document" => Some(Evidence::Document(form.get("evidence_url").to_string())),
        _ => None,
    };
    if !form.get("evidence_kind").is_empty() && evidence.is_none() {
        errors.push(FieldError::new("evidence", "error-cycle-evidence", "choose the decision or measure"));
    }
    let Some(done_on) = done_on.filter(|_| errors.is_empty()) else {
        return build(&state, ctx, form.pairs().into_iter().collect(), errors).await;
    };
    let input = CheckInput { item_code: form.get("item_code").to_string(), done_on, evidence, note: form.get("note").to_string() };
    let result = state.store.check_cycle_item(ctx.municipality.id, &input, by(&ctx)).await;
    let anchor = format!("#item-{}", input.item_code);
    finish(&state, ctx, &form, result, &anchor).await
}

async fn uncheck(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let result = state.store.uncheck_cycle_item(ctx.municipality.id, form.get("item_code"), by(&ctx)).await;
    let anchor = format!("#item-{}", form.get("item_code"));
    finish(&state, ctx, &form, result, &anchor).await
}

/// A code from a German label: "Elternbeirat gegründet" → "elternbeirat_gegruendet".
fn code_of(label: &str) -> String {
    let mut code = String::new();
    for c in label.trim().to_lowercase().chars() {
        match c {
            'ä' => code.push_str("ae"),
            'ö' => code.push_str("oe"),
            'ü' => code.push_str("ue"),
            'ß' => code.push_str("ss"),
            c if c.is_ascii_alphanumeric() => code.push(c),
            _ if !code.ends_with('_') => code.push('_'),
            _ => {}
        }
    }
    let code: String = code.trim_matches('_').chars().take(50).collect();
    if code.starts_with(|c: char| c.is_ascii_lowercase()) {
        code
    } else {
        format!("item_{code}")
    }
}

async fn save_item(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let existing = state.store.cycle_items(ctx.municipality.id).await.or_page()?;
    let code = match form.get("item_code") {
        "" => code_of(form.get("item_label")),
        c => c.to_string(),
    };
    let known = existing.iter().find(|i| i.code == code);
    let phase = known.map(|i| i.phase).or_else(|| Phase::parse(form.get("item_phase"))).unwrap_or(Phase::BuildUp);
    let kind = known.map(|i| i.kind).or_else(|| ItemKind::parse(form.get("item_kind"))).unwrap_or(ItemKind::Activity);
    let hidden = form.get("hide") == "1";
    let item = CycleItem {
        code: code.clone(),
        phase,
        kind,
        label_de: if hidden { known.map(|i| i.label_de.clone()).unwrap_or_default() } else { form.get("item_label").to_string() },
        label_en: if hidden { known.map(|i| i.label_en.clone()).unwrap_or_default() } else { form.get("item_label_en").to_string() },
    };
    let result = state.store.save_cycle_item(ctx.municipality.id, &item, hidden, by(&ctx)).await;
    finish(&state, ctx, &form, result, &format!("#item-{code}")).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_come_from_german_labels() {
        assert_eq!(super::code_of("Elternbeirat gegründet!"), "elternbeirat_gegruendet");
        assert_eq!(super::code_of("3. Fachtag"), "item_3_fachtag");
    }
}
