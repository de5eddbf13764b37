//! Steering pages (issue 15, first part): the Leitbild in versions and the goals with their
//! progress read from the monitoring, the rule stated on the page. Everyone reads; the
//! coordination writes.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use kette_domain::goals::{GoalInput, GoalLevel, Progress, Target};
use kette_domain::FieldError;
use kette_store::StoreError;

use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, SignedForm};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/steering", get(page))
        .route("/steering/goals", post(create_goal))
        .route("/steering/leitbild", post(save_leitbild))
        .route("/steering/goals/{id}", get(goal_page).post(update_goal))
}

pub struct GoalRow {
    pub id: i64,
    pub depth: usize,
    pub level: String,
    pub title: String,
    pub indicator: String,
    pub area: String,
    /// "30,0 (2018) → 24,0 (2024)"
    pub path: String,
    /// "26,1 (2021; Pfad: 27,0)"
    pub latest: String,
    pub state: &'static str,
    pub state_label: String,
    pub is_fictional: bool,
}

#[derive(Template)]
#[template(path = "steering.html")]
struct SteeringPage {
    ctx: Ctx,
    leitbild: Option<kette_store::Leitbild>,
    goals: Vec<GoalRow>,
    /// For the new-goal form: parents, indicators, districts.
    parents: Vec<(i64, String)>,
    indicators: Vec<(String, String)>,
    districts: Vec<(i64, String, i64)>,
    values: HashMap<String, String>,
    /// Repeated fields (checkboxes) as sent, for a form shown again with its errors.
    values_all: Vec<(String, String)>,
    errors: Vec<FieldError>,
    measures: Vec<kette_store::Measure>,
    organisations: Vec<(i64, String)>,
    /// For the goal form: the bodies that may answer for a goal (coordination only).
    bodies: Vec<(i64, String)>,
    dashboard: kette_app::steering::Dashboard,
    /// for planning readers: the needs analysis' gaps, how many are taken up, the largest three
    needs: Option<NeedsBox>,
}

/// The needs analysis on the dashboard: (gaps, of them followed up as addressed, the largest
/// three as (district, life phase, offers missing, state)).
struct NeedsBox {
    gaps: usize,
    addressed: usize,
    largest: Vec<(i64, String, String, f64, Option<kette_domain::needs::GapState>)>,
}

impl SteeringPage {
    fn needs_summary(&self, n: &NeedsBox) -> String {
        self.ctx.tn_args("dashboard-needs-gaps", n.gaps as i64, [("addressed", self.ctx.num(n.addressed as i64))])
    }
    fn needs_line(&self, g: &(i64, String, String, f64, Option<kette_domain::needs::GapState>)) -> String {
        let state = g.4.map(|s| format!(" · {}", self.ctx.t(&s.label_key()))).unwrap_or_default();
        format!(
            "{}, {}: {}{state}",
            g.1,
            self.ctx.term("life_phase", &g.2),
            self.ctx.t_args("scenario-gap-missing", [("missing", self.ctx.fixed(g.3, 1))])
        )
    }
    /// How many goals stand in each state, in the order of the rule (reached first).
    fn goal_states(&self) -> Vec<(&'static str, String, usize)> {
        ["reached", "on-track", "at-risk", "off-track", "no-data"]
            .into_iter()
            .map(|s| (s, self.ctx.t(&format!("progress-{s}")), self.goals.iter().filter(|g| g.state == s).count()))
            .filter(|(_, _, n)| *n > 0)
            .collect()
    }
    fn measure_states(&self) -> Vec<(String, usize)> {
        self.dashboard.measures_by_status.iter().map(|(s, n)| (self.ctx.t(&format!("measure-status-{}", s.as_str())), *n)).collect()
    }
    fn phase_line(&self) -> Option<String> {
        self.dashboard.phase.as_ref().map(|p| {
            format!(
                "{} · {}",
                self.ctx.t(&format!("cycle-phase-{}", p.phase.as_str().replace('_', "-"))),
                self.ctx.t_args(
                    "cycle-progress",
                    [("done", self.dashboard.cycle.0.to_string()), ("total", self.dashboard.cycle.1.to_string())]
                )
            )
        })
    }
    fn survey_line(&self) -> Option<String> {
        self.dashboard.survey.as_ref().map(|(year, _, mean, weakest)| {
            let weakest = weakest.as_deref().map(|w| self.ctx.t(&format!("survey-factor-{}", w.replace('_', "-")))).unwrap_or_default();
            self.ctx.t_args("dashboard-survey-line", [("year", year.to_string()), ("mean", self.ctx.fixed(*mean, 1)), ("weakest", weakest)])
        })
    }
    fn gap_lines(&self) -> Vec<String> {
        self.dashboard
            .gaps
            .iter()
            .take(6)
            .map(|(p, d)| format!("{} × {}", self.ctx.term("life_phase", p), self.ctx.term("domain", d)))
            .collect()
    }
    fn status_label(&self, m: &kette_store::Measure) -> String {
        self.ctx.t(&format!("measure-status-{}", m.input.status.as_str()))
    }
    fn period(&self, m: &kette_store::Measure) -> String {
        crate::measures::period(&self.ctx, m)
    }
    fn budget(&self, m: &kette_store::Measure) -> String {
        crate::measures::budget(&self.ctx, m)
    }
    fn has(&self, k: &str, value: &str) -> bool {
        self.values_all.iter().any(|(name, v)| name == k && v == value)
    }
    fn v(&self, k: &str) -> String {
        self.values.get(k).cloned().unwrap_or_default()
    }
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
}

async fn build(state: &AppState, ctx: Ctx, values_all: Vec<(String, String)>, errors: Vec<FieldError>) -> Result<SteeringPage, PageError> {
    let values: HashMap<String, String> = values_all.iter().cloned().collect();
    let m = ctx.municipality.id;
    let leitbild = state.store.leitbild(m).await.or_page()?;
    let dashboard = state.app.steering_dashboard(&ctx.disclosure(), m, ctx.signed_in()).await.or_page()?;
    let goals = &dashboard.goals;
    let indicators: Vec<(String, String)> = state
        .store
        .indicators(m)
        .await
        .or_page()?
        .into_iter()
        .map(|i| (i.def.code.clone(), crate::monitoring::name_of(&ctx, &i)))
        .collect();
    let name_of = |code: &str| indicators.iter().find(|(c, _)| c == code).map(|(_, n)| n.clone()).unwrap_or_else(|| code.to_string());
    // parents before children, children indented under them
    let mut ordered: Vec<(usize, &kette_app::steering::GoalProgress)> = vec![];
    fn place<'a>(
        all: &'a [kette_app::steering::GoalProgress],
        parent: Option<i64>,
        depth: usize,
        out: &mut Vec<(usize, &'a kette_app::steering::GoalProgress)>,
    ) {
        for g in all.iter().filter(|g| g.goal.input.parent_id == parent) {
            out.push((depth, g));
            place(all, Some(g.goal.id), depth + 1, out);
        }
    }
    place(goals, None, 0, &mut ordered);
    let rows = ordered.into_iter().map(|(depth, g)| goal_row(&ctx, depth, g, &name_of)).collect::<Vec<_>>();
    let parents = rows.iter().map(|r| (r.id, format!("{} – {}", r.level, r.title))).collect();
    let districts = crate::pages::district_options(state, &ctx).await?;
    let measures = state.app.measures(&ctx.disclosure(), m).await.or_page()?;
    let needs = if ctx.reads_needs_analysis() {
        let view = state.app.needs(&ctx.disclosure(), m, &ctx.vocab, &Default::default()).await.or_page()?;
        let followed = state.store.gap_follow_ups(m).await.or_page()?;
        let state_of = |d: i64, p: &str| followed.iter().find(|f| f.district == d && f.life_phase == p).map(|f| f.state);
        Some(NeedsBox {
            gaps: view.gaps.len(),
            addressed: view
                .gaps
                .iter()
                .filter(|g| state_of(g.district, &g.phase) == Some(kette_domain::needs::GapState::Addressed))
                .count(),
            largest: view
                .gaps
                .iter()
                .take(3)
                .map(|g| (g.district, g.name.clone(), g.phase.clone(), g.shortfall, state_of(g.district, &g.phase)))
                .collect(),
        })
    } else {
        None
    };
    let organisations = if ctx.can_approve() {
        state.store.list_organisations(m, None, 1, 500).await.or_page()?.items.into_iter().map(|o| (o.id, o.name)).collect()
    } else {
        vec![]
    };
    let bodies = body_options(state, &ctx).await?;
    Ok(SteeringPage {
        bodies,
        ctx,
        leitbild,
        goals: rows,
        parents,
        indicators,
        districts,
        values,
        values_all,
        errors,
        measures,
        organisations,
        dashboard,
        needs,
    })
}

fn goal_row(ctx: &Ctx, depth: usize, g: &kette_app::steering::GoalProgress, name_of: &dyn Fn(&str) -> String) -> GoalRow {
    let i = &g.goal.input;
    let path = i
        .target
        .as_ref()
        .map(|t| format!("{} ({}) → {} ({})", ctx.short(t.baseline_value, 1), t.baseline_year, ctx.short(t.target_value, 1), t.target_year))
        .unwrap_or_default();
    let (state_name, latest) = match g.progress {
        Progress::Reached { year, value } => ("reached", format!("{} ({year})", ctx.short(value, 1))),
        Progress::OnTrack { year, value, expected } => ("on-track", ctx.t_args("goal-latest", latest_args(ctx, year, value, expected))),
        Progress::AtRisk { year, value, expected } => ("at-risk", ctx.t_args("goal-latest", latest_args(ctx, year, value, expected))),
        Progress::OffTrack { year, value, expected } => ("off-track", ctx.t_args("goal-latest", latest_args(ctx, year, value, expected))),
        Progress::NoData => ("no-data", String::new()),
    };
    GoalRow {
        id: g.goal.id,
        depth,
        level: ctx.t(&format!("goal-level-{}", i.level.as_str())),
        title: i.title.clone(),
        indicator: i.indicator_code.as_deref().map(name_of).unwrap_or_default(),
        area: g.goal.district_name.clone().unwrap_or_else(|| ctx.t("goal-whole-municipality")),
        path,
        latest,
        state: state_name,
        state_label: ctx.t(g.progress.label_key()),
        is_fictional: g.goal.is_fictional,
    }
}

/// The bodies a goal may name as responsible, for the coordination's forms.
async fn body_options(state: &AppState, ctx: &Ctx) -> Result<Vec<(i64, String)>, PageError> {
    if !ctx.can_approve() {
        return Ok(vec![]);
    }
    let now = kette_app::calendar::local_now(state.store.clock());
    Ok(state.store.bodies(ctx.municipality.id, now).await.or_page()?.into_iter().map(|b| (b.id, b.name)).collect())
}

fn latest_args(ctx: &Ctx, year: i32, value: f64, expected: f64) -> Vec<(&'static str, String)> {
    vec![("value", ctx.short(value, 1)), ("year", year.to_string()), ("expected", ctx.short(expected, 1))]
}

async fn page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    render(&build(&state, ctx, vec![("tolerance".to_string(), "10".to_string())], vec![]).await?)
}

fn number(form: &FormData, k: &str, errors: &mut Vec<FieldError>) -> Option<f64> {
    let v = form.get(k);
    if v.is_empty() {
        return None;
    }
    kette_text::parse_number(v).or_else(|| {
        errors.push(FieldError::new(k, "error-number", "not a number"));
        None
    })
}

/// The one reader of the goal form (new goal on `/steering`, edit on the goal's page).
fn goal_from_form(form: &FormData) -> (GoalInput, Vec<FieldError>) {
    let mut errors = vec![];
    let level = GoalLevel::parse(form.get("level")).unwrap_or_else(|| {
        errors.push(FieldError::new("level", "error-choice", "not a level"));
        GoalLevel::Impact
    });
    let year = |k: &str, errors: &mut Vec<FieldError>| number(form, k, errors).map(|y| y as i32);
    let (by, bv, ty, tv) = (
        year("baseline_year", &mut errors),
        number(form, "baseline_value", &mut errors),
        year("target_year", &mut errors),
        number(form, "target_value", &mut errors),
    );
    let target = match (by, bv, ty, tv) {
        (Some(baseline_year), Some(baseline_value), Some(target_year), Some(target_value)) => {
            Some(Target { baseline_year, baseline_value, target_year, target_value })
        }
        (None, None, None, None) => None,
        _ => {
            errors.push(FieldError::new("target_year", "error-goal-target-whole", "baseline and target need year and value"));
            None
        }
    };
    let tolerance = number(form, "tolerance", &mut errors).unwrap_or(10.0) / 100.0;
    let input = GoalInput {
        parent_id: form.get("parent_id").parse().ok(),
        level,
        title: form.get("title").to_string(),
        description: form.get("description").to_string(),
        indicator_code: Some(form.get("indicator_code").to_string()).filter(|c| !c.is_empty()),
        district_id: form.get("district_id").parse().ok(),
        target,
        responsible_body_id: match form.get("responsible_body_id") {
            "" => None,
            v => v.parse().map_err(|_| errors.push(FieldError::new("responsible_body_id", "error-choice", "not a choice"))).ok(),
        },
        responsible: form.get("responsible").to_string(),
        tolerance,
    };
    (input, errors)
}

async fn create_goal(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let (input, mut errors) = goal_from_form(&form);
    if errors.is_empty() {
        let by = ctx.user.as_ref().map(|u| u.id);
        match state.store.create_goal(ctx.municipality.id, &input, false, by).await {
            Ok(_) => return Ok(Redirect::to("/steering#goals").into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(e) => return Err(PageError::store(e)),
        }
    }
    form_failed(&state, ctx, &form, errors).await
}

async fn save_leitbild(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let mut errors = vec![];
    let adopted = form.date("adopted_on", &mut errors);
    if errors.is_empty() {
        let by = ctx.user.as_ref().map(|u| u.id);
        match state.store.add_leitbild_version(ctx.municipality.id, form.get("leitbild"), adopted, by).await {
            Ok(_) => return Ok(Redirect::to("/steering").into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => {
                errors = e.0.into_iter().map(|e| FieldError { field: "leitbild".into(), ..e }).collect()
            }
            Err(e) => return Err(PageError::store(e)),
        }
    }
    form_failed(&state, ctx, &form, errors).await
}

/// `/steering` again with a form's values and its errors.
pub(crate) async fn form_failed(state: &AppState, ctx: Ctx, form: &FormData, errors: Vec<FieldError>) -> Result<Response, PageError> {
    let page = render(&build(state, ctx, form.pairs(), errors).await?)?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Template)]
#[template(path = "goal.html")]
struct GoalPage {
    ctx: Ctx,
    row: GoalRow,
    description: String,
    responsible: String,
    /// The responsible body: its name and a link for the coordination, its kind for others
    /// (bodies are read only by those the body rule lets in).
    responsible_body: Option<(Option<i64>, String)>,
    tolerance_percent: String,
    parent: Option<(i64, String)>,
    children: Vec<(i64, String)>,
    /// (id, title, status label) of the measures serving the goal.
    measures: Vec<(i64, String, String)>,
    chart: String,
    /// (year, value, expected on the path) – the values progress was computed from.
    table: Vec<(i32, String, String)>,
    /// For the edit form (coordination only).
    parents: Vec<(i64, String)>,
    indicators: Vec<(String, String)>,
    districts: Vec<(i64, String, i64)>,
    bodies: Vec<(i64, String)>,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
}

impl GoalPage {
    fn v(&self, k: &str) -> String {
        self.values.get(k).cloned().unwrap_or_default()
    }
    fn err(&self, k: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
}

fn goal_values(input: &GoalInput) -> Vec<(String, String)> {
    let t = input.target.as_ref();
    let number = |v: Option<f64>| v.map(|v| format!("{v}").replace('.', ",")).unwrap_or_default();
    vec![
        ("level".into(), input.level.as_str().into()),
        ("parent_id".into(), input.parent_id.map(|p| p.to_string()).unwrap_or_default()),
        ("title".into(), input.title.clone()),
        ("description".into(), input.description.clone()),
        ("indicator_code".into(), input.indicator_code.clone().unwrap_or_default()),
        ("district_id".into(), input.district_id.map(|d| d.to_string()).unwrap_or_default()),
        ("baseline_year".into(), t.map(|t| t.baseline_year.to_string()).unwrap_or_default()),
        ("baseline_value".into(), number(t.map(|t| t.baseline_value))),
        ("target_year".into(), t.map(|t| t.target_year.to_string()).unwrap_or_default()),
        ("target_value".into(), number(t.map(|t| t.target_value))),
        ("tolerance".into(), number(Some((input.tolerance * 1000.0).round() / 10.0))),
        ("responsible".into(), input.responsible.clone()),
        ("responsible_body_id".into(), input.responsible_body_id.map(|b| b.to_string()).unwrap_or_default()),
    ]
}

async fn build_goal(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    values: Option<Vec<(String, String)>>,
    errors: Vec<FieldError>,
) -> Result<GoalPage, PageError> {
    let m = ctx.municipality.id;
    let goals = state.app.goals_with_progress(&ctx.disclosure(), m).await.or_page()?;
    let g = goals.iter().find(|g| g.goal.id == id).ok_or_else(PageError::not_found)?;
    let indicators: Vec<(String, String)> = state
        .store
        .indicators(m)
        .await
        .or_page()?
        .into_iter()
        .map(|i| (i.def.code.clone(), crate::monitoring::name_of(&ctx, &i)))
        .collect();
    let name_of = |code: &str| indicators.iter().find(|(c, _)| c == code).map(|(_, n)| n.clone()).unwrap_or_else(|| code.to_string());
    let row = goal_row(&ctx, 0, g, &name_of);
    let input = &g.goal.input;
    let title_of = |id: i64| goals.iter().find(|x| x.goal.id == id).map(|x| x.goal.input.title.clone()).unwrap_or_default();
    let parent = input.parent_id.map(|p| (p, title_of(p)));
    let children = goals.iter().filter(|x| x.goal.input.parent_id == Some(id)).map(|x| (x.goal.id, x.goal.input.title.clone())).collect();
    let measures = state
        .app
        .measures(&ctx.disclosure(), m)
        .await
        .or_page()?
        .into_iter()
        .filter(|x| x.input.goal_ids.contains(&id))
        .map(|x| (x.id, x.input.title.clone(), ctx.t(&format!("measure-status-{}", x.input.status.as_str()))))
        .collect();
    let path = input.target.as_ref().map(|t| [(t.baseline_year, t.baseline_value), (t.target_year, t.target_value)]);
    let chart = crate::svg::goal_chart(&g.values, path, 420.0, |v| ctx.short(v, 1));
    let table = g
        .values
        .iter()
        .map(|(year, value)| {
            let expected = input
                .target
                .as_ref()
                .filter(|t| (t.baseline_year..=t.target_year).contains(year))
                .map(|t| ctx.short(kette_domain::goals::expected(t, *year), 1))
                .unwrap_or_default();
            (*year, ctx.short(*value, 1), expected)
        })
        .collect();
    let (parents, districts) = if ctx.can_approve() {
        let parents = goals
            .iter()
            .filter(|x| x.goal.id != id)
            .map(|x| (x.goal.id, format!("{} – {}", ctx.t(&format!("goal-level-{}", x.goal.input.level.as_str())), x.goal.input.title)))
            .collect();
        (parents, crate::pages::district_options(state, &ctx).await?)
    } else {
        (vec![], vec![])
    };
    let values = values.unwrap_or_else(|| goal_values(input)).into_iter().collect();
    let responsible_body = g.goal.responsible_body.as_ref().map(|(name, kind)| {
        if ctx.can_approve() {
            (input.responsible_body_id, name.clone())
        } else {
            (None, ctx.term("body_kind", kind))
        }
    });
    let bodies = body_options(state, &ctx).await?;
    Ok(GoalPage {
        description: input.description.clone(),
        responsible: input.responsible.clone(),
        responsible_body,
        bodies,
        tolerance_percent: ctx.short(input.tolerance * 100.0, 0),
        row,
        parent,
        children,
        measures,
        chart,
        table,
        parents,
        indicators,
        districts,
        values,
        errors,
        ctx,
    })
}

async fn goal_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, PageError> {
    render(&build_goal(&state, ctx, id, None, vec![]).await?)
}

async fn update_goal(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let (input, mut errors) = goal_from_form(&form);
    if errors.is_empty() {
        let by = ctx.user.as_ref().map(|u| u.id);
        match state.store.update_goal(ctx.municipality.id, id, &input, by).await {
            Ok(()) => return Ok(Redirect::to(&format!("/steering/goals/{id}")).into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(StoreError::NotFound(_)) => return Err(PageError::not_found()),
            Err(e) => return Err(PageError::store(e)),
        }
    }
    let page = render(&build_goal(&state, ctx, id, Some(form.pairs()), errors).await?)?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
