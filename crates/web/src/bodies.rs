//! Steering bodies (issue 15): the list, a body with its members, meetings and tasks, a meeting
//! with agenda, attendance, minutes and decisions, the personal task list and the calendar
//! feed. Who may read and write is `kette_domain::bodies::body_access`, asked once per request.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use kette_domain::bodies::{BodyAccess, BodyInput, DecisionInput, MeetingInput, MemberInput, MemberRole, TaskInput, TaskStatus};
use kette_domain::FieldError;
use kette_store::{Body, BodySummary, Meeting, MeetingSummary, StoreError, Task};

use crate::ctx::SignedIn;
use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, SignedForm};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/bodies", get(list).post(create_body))
        .route("/bodies/{id}", get(body_page))
        .route("/bodies/{id}/members", post(add_member))
        .route("/bodies/{id}/members/{member}/leave", post(member_leaves))
        .route("/bodies/{id}/calendar", post(renew_calendar))
        .route("/bodies/{id}/meetings", post(create_meeting))
        .route("/bodies/{id}/tasks", post(create_task))
        .route("/bodies/{id}/meetings.ics", get(calendar_feed))
        .route("/meetings/{id}", get(meeting_page))
        .route("/meetings/{id}/minutes", post(save_minutes))
        .route("/meetings/{id}/decisions", post(add_decision))
        .route("/tasks", get(my_tasks))
        .route("/tasks/{id}/status", post(set_task_status))
}

fn parse_id(raw: &str) -> Result<i64, PageError> {
    raw.parse().map_err(|_| PageError::not_found())
}

/// The reader's rights on one body.
async fn access(state: &AppState, ctx: &Ctx, body: i64) -> Result<BodyAccess, PageError> {
    let Some(user) = &ctx.user else { return Ok(BodyAccess::default()) };
    let relations = state.store.body_relations(ctx.municipality.id, user.id, user.organisation_id).await.or_page()?;
    Ok(relations.access(ctx.actor(), body))
}

fn by(ctx: &Ctx) -> Option<i64> {
    ctx.user.as_ref().map(|u| u.id)
}

fn time_field(form: &FormData, k: &str, errors: &mut Vec<FieldError>) -> Option<time::Time> {
    time::Time::parse(form.get(k), time::macros::format_description!("[hour]:[minute]"))
        .map_err(|_| errors.push(FieldError::new(k, "error-time", "not a time of day (HH:MM)")))
        .ok()
}

fn invalid_or_page(e: StoreError) -> Result<Vec<FieldError>, PageError> {
    match e {
        StoreError::Invalid { errors, .. } => Ok(errors.0),
        StoreError::NotFound(_) => Err(PageError::not_found()),
        other => Err(PageError::store(other)),
    }
}

/// Form values and errors of the forms on a page.
#[derive(Default)]
pub struct Entered {
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
}

impl Entered {
    fn of(form: &FormData, errors: Vec<FieldError>) -> Entered {
        Entered { values: form.pairs().into_iter().collect(), errors }
    }
}

macro_rules! form_helpers {
    ($t:ty) => {
        impl $t {
            fn v(&self, k: &str) -> String {
                self.entered.values.get(k).cloned().unwrap_or_default()
            }
            fn err(&self, k: &str) -> Option<String> {
                self.entered.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
            }
            fn errors(&self) -> &[FieldError] {
                &self.entered.errors
            }
            fn any_err<F: AsRef<[&'static str]>>(&self, fields: F) -> bool {
                self.entered.errors.iter().any(|e| fields.as_ref().contains(&e.field.as_str()))
            }
        }
    };
}

// ---------------------------------------------------------------- list

#[derive(Template)]
#[template(path = "bodies.html")]
struct BodiesPage {
    ctx: Ctx,
    bodies: Vec<BodySummary>,
    entered: Entered,
}
form_helpers!(BodiesPage);

impl BodiesPage {
    fn next(&self, b: &BodySummary) -> String {
        b.next_meeting.map(|n| self.ctx.local(n)).unwrap_or_else(|| "–".into())
    }
}

async fn list_page(state: &AppState, ctx: Ctx, entered: Entered) -> Result<Response, PageError> {
    let Some(user) = &ctx.user else { return Err(PageError::forbidden()) };
    let relations = state.store.body_relations(ctx.municipality.id, user.id, user.organisation_id).await.or_page()?;
    let now = kette_app::calendar::local_now(state.store.clock());
    let bodies = state
        .store
        .bodies(ctx.municipality.id, now)
        .await
        .or_page()?
        .into_iter()
        .filter(|b| relations.access(ctx.actor(), b.id).read)
        .collect();
    let status = if entered.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, render(&BodiesPage { ctx, bodies, entered })?).into_response())
}

async fn list(State(state): State<AppState>, SignedIn { ctx, .. }: SignedIn) -> Result<Response, PageError> {
    list_page(&state, ctx, Entered::default()).await
}

async fn create_body(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let input = BodyInput {
        kind: form.get("kind").to_string(),
        name: form.get("name").to_string(),
        description: form.get("description").to_string(),
    };
    match state.store.create_body(ctx.municipality.id, &input, false, by(&ctx)).await {
        Ok(id) => Ok(Redirect::to(&format!("/bodies/{id}")).into_response()),
        Err(e) => {
            let errors = invalid_or_page(e)?;
            list_page(&state, ctx, Entered::of(&form, errors)).await
        }
    }
}

// ---------------------------------------------------------------- one body

#[derive(Template)]
#[template(path = "body.html")]
struct BodyPage {
    ctx: Ctx,
    body: Body,
    access: BodyAccess,
    upcoming: Vec<MeetingSummary>,
    past: Vec<MeetingSummary>,
    tasks: Vec<Task>,
    today: time::Date,
    calendar_url: String,
    organisations: Vec<(i64, String)>,
    accounts: Vec<(i64, String)>,
    entered: Entered,
}
form_helpers!(BodyPage);

impl BodyPage {
    /// The task form here is not tied to a meeting.
    fn form_meeting(&self) -> Option<i64> {
        None
    }
    fn back(&self) -> String {
        format!("/bodies/{}#tasks", self.body.id)
    }
    fn decisions_count(&self, m: &MeetingSummary) -> String {
        self.ctx.tn("meeting-decisions-count", m.decisions)
    }
    fn role(&self, m: &kette_store::Member) -> String {
        self.ctx.t(&format!("member-role-{}", m.input.role.as_str()))
    }
    fn when(&self, m: &MeetingSummary) -> String {
        format!("{} – {}", self.ctx.local(m.starts_at), self.ctx.time_of_day(m.ends_at))
    }
}

async fn body_view(state: &AppState, ctx: Ctx, id: i64, entered: Entered) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let body = state.store.body(m, id).await.or_page()?.ok_or_else(PageError::not_found)?;
    let access = access(state, &ctx, id).await?;
    if !access.read {
        return Err(PageError::forbidden());
    }
    let now = kette_app::calendar::local_now(state.store.clock());
    let (mut upcoming, past): (Vec<_>, Vec<_>) =
        state.store.meetings(m, Some(id)).await.or_page()?.into_iter().partition(|mt| mt.ends_at >= now);
    upcoming.reverse();
    let tasks = state.store.tasks(m, Some(id), false).await.or_page()?;
    let calendar_url = format!("{}/bodies/{id}/meetings.ics?token={}", state.config.public_url.trim_end_matches('/'), body.calendar_token);
    let (organisations, accounts) = if access.manage {
        (
            state.store.list_organisations(m, None, 1, 500).await.or_page()?.items.into_iter().map(|o| (o.id, o.name)).collect(),
            state.store.accounts(m).await.or_page()?.into_iter().map(|a| (a.id, format!("{} ({})", a.display_name, a.username))).collect(),
        )
    } else {
        (vec![], vec![])
    };
    let status = if entered.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page =
        BodyPage { ctx, body, access, upcoming, past, tasks, today: state.store.today(), calendar_url, organisations, accounts, entered };
    Ok((status, render(&page)?).into_response())
}

async fn body_page(State(state): State<AppState>, SignedIn { ctx, .. }: SignedIn, Path(id): Path<String>) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    body_view(&state, ctx, id, Entered::default()).await
}

async fn add_member(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    if !access(&state, &ctx, id).await?.manage {
        return Err(PageError::forbidden());
    }
    let mut errors = vec![];
    let role = MemberRole::parse(form.get("member_role")).unwrap_or_else(|| {
        errors.push(FieldError::new("member_role", "error-choice", "not a role"));
        MemberRole::Member
    });
    let input = MemberInput {
        name: form.get("member_name").to_string(),
        organisation_id: form.get("member_organisation_id").parse().ok(),
        email: form.get("member_email").to_string(),
        role,
        is_decision_maker: !form.get("is_decision_maker").is_empty(),
        account_id: form.get("member_account_id").parse().ok(),
    };
    if errors.is_empty() {
        match state.store.add_member(ctx.municipality.id, id, &input, by(&ctx)).await {
            Ok(_) => return Ok(Redirect::to(&format!("/bodies/{id}#members")).into_response()),
            Err(e) => errors = invalid_or_page(e)?,
        }
    }
    body_view(&state, ctx, id, Entered::of(&form, errors)).await
}

async fn member_leaves(
    State(state): State<AppState>,
    Path((id, member)): Path<(String, String)>,
    SignedForm { ctx, .. }: SignedForm,
) -> Result<Response, PageError> {
    let (id, member) = (parse_id(&id)?, parse_id(&member)?);
    if !access(&state, &ctx, id).await?.manage {
        return Err(PageError::forbidden());
    }
    state.store.member_leaves(ctx.municipality.id, id, member, by(&ctx)).await.map_err(|e| match e {
        StoreError::NotFound(_) => PageError::not_found(),
        e => PageError::store(e),
    })?;
    Ok(Redirect::to(&format!("/bodies/{id}#members")).into_response())
}

async fn renew_calendar(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, .. }: SignedForm,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    if !access(&state, &ctx, id).await?.manage {
        return Err(PageError::forbidden());
    }
    state.store.renew_calendar_token(ctx.municipality.id, id, by(&ctx)).await.or_page()?;
    Ok(Redirect::to(&format!("/bodies/{id}#calendar")).into_response())
}

async fn create_meeting(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    if !access(&state, &ctx, id).await?.edit_meetings {
        return Err(PageError::forbidden());
    }
    let mut errors = vec![];
    let day = form.date("meeting_date", &mut errors);
    if day.is_none() && form.get("meeting_date").is_empty() {
        errors.push(FieldError::new("meeting_date", "error-required", "a meeting needs a day"));
    }
    let (starts, ends) = (time_field(&form, "starts_time", &mut errors), time_field(&form, "ends_time", &mut errors));
    if let (Some(day), Some(starts), Some(ends)) = (day, starts, ends) {
        let input = MeetingInput {
            title: form.get("meeting_title").to_string(),
            starts_at: time::PrimitiveDateTime::new(day, starts),
            ends_at: time::PrimitiveDateTime::new(day, ends),
            place: form.get("place").to_string(),
            agenda: MeetingInput::agenda_from_lines(form.get("agenda")),
        };
        match state.store.create_meeting(ctx.municipality.id, id, &input, by(&ctx)).await {
            Ok(meeting) => return Ok(Redirect::to(&format!("/meetings/{meeting}")).into_response()),
            Err(e) => errors = invalid_or_page(e)?,
        }
    }
    body_view(&state, ctx, id, Entered::of(&form, errors)).await
}

fn task_input(form: &FormData, errors: &mut Vec<FieldError>) -> TaskInput {
    TaskInput {
        title: form.get("task_title").to_string(),
        owner_member_id: form.get("owner_member_id").parse().ok(),
        due_on: form.date("due_on", errors),
        status: TaskStatus::Open,
        meeting_id: form.get("meeting_id").parse().ok(),
    }
}

async fn create_task(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    if !access(&state, &ctx, id).await?.edit_meetings {
        return Err(PageError::forbidden());
    }
    let mut errors = vec![];
    let input = task_input(&form, &mut errors);
    let back = match input.meeting_id {
        Some(meeting) => format!("/meetings/{meeting}#tasks"),
        None => format!("/bodies/{id}#tasks"),
    };
    match state.store.create_task(ctx.municipality.id, id, &input, by(&ctx)).await {
        Ok(_) if errors.is_empty() => return Ok(Redirect::to(&back).into_response()),
        Ok(_) => {}
        Err(e) => errors.extend(invalid_or_page(e)?),
    }
    match input.meeting_id {
        Some(meeting) => meeting_view(&state, ctx, meeting, Entered::of(&form, errors)).await,
        None => body_view(&state, ctx, id, Entered::of(&form, errors)).await,
    }
}

#[derive(serde::Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The calendar feed: no sign-in, the secret in the link is the permission.
async fn calendar_feed(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<TokenQuery>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let base = state.config.public_url.trim_end_matches('/');
    let host = base.split("://").nth(1).unwrap_or(base).split('/').next().unwrap_or("kette");
    let feed = state.app.body_calendar(ctx.municipality.id, id, &q.token, host, base).await.or_page()?;
    match feed {
        Some(ics) => Ok((
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "private, max-age=300"),
                (header::CONTENT_DISPOSITION, "inline; filename=\"meetings.ics\""),
            ],
            ics,
        )
            .into_response()),
        None => Err(PageError::not_found()),
    }
}

// ---------------------------------------------------------------- one meeting

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    ctx: Ctx,
    meeting: Meeting,
    body: Body,
    access: BodyAccess,
    minutes_html: String,
    tasks: Vec<Task>,
    today: time::Date,
    measures: Vec<(i64, String)>,
    goals: Vec<(i64, String)>,
    proposals: Vec<(i64, String)>,
    entered: Entered,
}
form_helpers!(MeetingPage);

impl MeetingPage {
    fn when(&self) -> String {
        format!("{} – {}", self.ctx.local(self.meeting.summary.starts_at), self.ctx.time_of_day(self.meeting.summary.ends_at))
    }
    fn present(&self, member: &i64) -> Option<bool> {
        self.meeting.attendance.iter().find(|(m, _)| m == member).map(|(_, p)| *p)
    }
    fn form_meeting(&self) -> Option<i64> {
        Some(self.meeting.summary.id)
    }
    fn back(&self) -> String {
        format!("/meetings/{}#tasks", self.meeting.summary.id)
    }
    /// Members who can be ticked: the current ones and those who attended before leaving.
    fn attendees(&self) -> Vec<&kette_store::Member> {
        self.body.members.iter().filter(|m| m.left_on.is_none() || self.present(&m.id).is_some()).collect()
    }
    fn minutes_text(&self) -> String {
        if self.entered.values.contains_key("minutes") {
            self.v("minutes")
        } else {
            self.meeting.minutes.clone()
        }
    }
    fn role(&self, m: &kette_store::Member) -> String {
        self.ctx.t(&format!("member-role-{}", m.input.role.as_str()))
    }
    /// Where the refused minutes have HTML or unsafe links, by line, in the reader's language.
    fn minutes_problems(&self) -> Vec<String> {
        if self.err("minutes").is_none() {
            return vec![];
        }
        kette_text::markdown::check(&self.minutes_text())
            .into_iter()
            .map(|p| {
                let line = p.line();
                let what = match p {
                    kette_text::markdown::Unsafe::Html { excerpt, .. } => excerpt,
                    kette_text::markdown::Unsafe::Link { address, .. } => address,
                };
                self.ctx.t_args("meeting-minutes-problem", &[("line", line.to_string()), ("what", what)])
            })
            .collect()
    }
}

async fn meeting_view(state: &AppState, ctx: Ctx, id: i64, entered: Entered) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let meeting = state.store.meeting(m, id).await.or_page()?.ok_or_else(PageError::not_found)?;
    let access = access(state, &ctx, meeting.summary.body_id).await?;
    if !access.read {
        return Err(PageError::forbidden());
    }
    let body = state.store.body(m, meeting.summary.body_id).await.or_page()?.ok_or_else(PageError::not_found)?;
    let minutes_html = kette_text::markdown::to_html(&meeting.minutes);
    let tasks = state.store.tasks(m, Some(body.id), false).await.or_page()?.into_iter().filter(|t| t.meeting_id == Some(id)).collect();
    let (measures, goals, proposals) = if access.edit_meetings {
        (
            state.store.measures(m).await.or_page()?.into_iter().map(|x| (x.id, x.input.title)).collect(),
            state.store.goals(m).await.or_page()?.into_iter().map(|g| (g.id, g.input.title)).collect(),
            state.store.proposals(m).await.or_page()?.into_iter().map(|p| (p.id, p.input.title)).collect(),
        )
    } else {
        (vec![], vec![], vec![])
    };
    let status = if entered.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page =
        MeetingPage { ctx, meeting, body, access, minutes_html, tasks, today: state.store.today(), measures, goals, proposals, entered };
    Ok((status, render(&page)?).into_response())
}

async fn meeting_page(
    State(state): State<AppState>,
    SignedIn { ctx, .. }: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    meeting_view(&state, ctx, id, Entered::default()).await
}

/// The body a meeting belongs to and whether the reader may keep its record.
async fn meeting_access(state: &AppState, ctx: &Ctx, meeting: i64) -> Result<BodyAccess, PageError> {
    let summary = state.store.meeting(ctx.municipality.id, meeting).await.or_page()?.ok_or_else(PageError::not_found)?;
    access(state, ctx, summary.summary.body_id).await
}

async fn save_minutes(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    if !meeting_access(&state, &ctx, id).await?.edit_meetings {
        return Err(PageError::forbidden());
    }
    let mut errors = vec![];
    let present: Vec<i64> = form
        .all("present")
        .iter()
        .filter_map(|p| p.parse().map_err(|_| errors.push(FieldError::new("present", "error-choice", "not a member"))).ok())
        .collect();
    if errors.is_empty() {
        match state.store.save_minutes(ctx.municipality.id, id, form.get("minutes"), &present, by(&ctx)).await {
            Ok(()) => return Ok(Redirect::to(&format!("/meetings/{id}?saved=1#minutes")).into_response()),
            Err(e) => errors = invalid_or_page(e)?,
        }
    }
    meeting_view(&state, ctx, id, Entered::of(&form, errors)).await
}

async fn add_decision(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    if !meeting_access(&state, &ctx, id).await?.edit_meetings {
        return Err(PageError::forbidden());
    }
    let input = DecisionInput {
        text: form.get("decision_text").to_string(),
        proposal_id: form.get("decision_proposal_id").parse().ok(),
        measure_id: form.get("decision_measure_id").parse().ok(),
        goal_id: form.get("decision_goal_id").parse().ok(),
    };
    match state.store.add_decision(ctx.municipality.id, id, &input, by(&ctx)).await {
        Ok(_) => Ok(Redirect::to(&format!("/meetings/{id}#decisions")).into_response()),
        Err(e) => {
            let errors = invalid_or_page(e)?;
            meeting_view(&state, ctx, id, Entered::of(&form, errors)).await
        }
    }
}

// ---------------------------------------------------------------- tasks

#[derive(Template)]
#[template(path = "tasks.html")]
struct TasksPage {
    ctx: Ctx,
    mine: Vec<Task>,
    /// For the coordination: every open task of every body.
    all_open: Vec<Task>,
    today: time::Date,
}

async fn my_tasks(State(state): State<AppState>, SignedIn { ctx, .. }: SignedIn) -> Result<Response, PageError> {
    let Some(user) = &ctx.user else { return Err(PageError::forbidden()) };
    let mine = state.store.tasks_of_account(ctx.municipality.id, user.id).await.or_page()?;
    let all_open = if ctx.can_approve() { state.store.tasks(ctx.municipality.id, None, true).await.or_page()? } else { vec![] };
    render(&TasksPage { ctx, mine, all_open, today: state.store.today() })
}

async fn set_task_status(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let task = state.store.task(ctx.municipality.id, id).await.or_page()?.ok_or_else(PageError::not_found)?;
    if !access(&state, &ctx, task.body_id).await?.edit_meetings {
        return Err(PageError::forbidden());
    }
    let status = TaskStatus::parse(form.get("status")).ok_or_else(|| PageError::bad_request("status: open, done or dropped".into()))?;
    state.store.set_task_status(ctx.municipality.id, id, status, by(&ctx)).await.or_page()?;
    let back = match form.get("back") {
        b if b.starts_with('/') && !b.starts_with("//") => b.to_string(),
        _ => "/tasks".to_string(),
    };
    Ok(Redirect::to(&back).into_response())
}
