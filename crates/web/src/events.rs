//! The network's events on the web (issue 16): the calendar of Fachtage, trainings and
//! conferences (public events for everyone, all of them for signed-in staff), each event's page
//! with the participants counted by organisation and profession, the coordination's form, and
//! the iCalendar feed — public events without a secret, all events with the municipality's.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use time::PrimitiveDateTime;

use kette_domain::cycle::Phase;
use kette_domain::events::{Attendance, EventInput};
use kette_domain::vocab::{EventKind, Profession};
use kette_domain::FieldError;
use kette_store::{StoreError, StoredEvent};

use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, SignedForm};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/events", get(list))
        .route("/events.ics", get(feed))
        .route("/events/new", get(new_form).post(create))
        .route("/events/{id}", get(page).post(update))
}

/// Empty attendance rows offered beyond the filled ones.
const SPARE_ROWS: usize = 3;

const MINUTE: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");

/// Internal events are for everyone signed in, read-only accounts included.
fn sees_all(ctx: &Ctx) -> bool {
    ctx.actor().is_some()
}

// ---------------------------------------------------------------- the calendar

#[derive(Template)]
#[template(path = "events.html")]
struct EventsPage {
    ctx: Ctx,
    upcoming: Vec<StoredEvent>,
    past: Vec<StoredEvent>,
    year: i32,
    /// This year's participants by profession, and the partner organisations reached.
    by_profession: Vec<(Profession, u32)>,
    organisations_reached: usize,
    feed_url: String,
    /// The full feed's secret link, for staff.
    full_feed_url: Option<String>,
}

impl EventsPage {
    fn when(&self, e: &StoredEvent) -> String {
        when(&self.ctx, e)
    }
    fn kind_label(&self, k: &EventKind) -> String {
        self.ctx.t(&k.label_key())
    }
    fn profession_label(&self, p: &Profession) -> String {
        self.ctx.t(&p.label_key())
    }
    fn total(&self) -> u32 {
        self.by_profession.iter().map(|(_, n)| n).sum()
    }
}

fn when(ctx: &Ctx, e: &StoredEvent) -> String {
    if e.input.starts_at.date() == e.input.ends_at.date() {
        format!("{} – {}", ctx.local(e.input.starts_at), ctx.time_of_day(e.input.ends_at))
    } else {
        format!("{} – {}", ctx.local(e.input.starts_at), ctx.local(e.input.ends_at))
    }
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let now = kette_app::calendar::local_now(state.store.clock());
    let year = now.year();
    let year_start =
        PrimitiveDateTime::new(time::Date::from_calendar_date(year, time::Month::January, 1).unwrap_or(now.date()), time::Time::MIDNIGHT);
    let all = state.store.events(m, Some(year_start), !sees_all(&ctx)).await.or_page()?;
    let (mut past, upcoming): (Vec<_>, Vec<_>) = all.into_iter().partition(|e| e.input.ends_at < now);
    past.reverse();
    let mut professions: BTreeMap<&'static str, (Profession, u32)> = BTreeMap::new();
    let mut reached: Vec<i64> = vec![];
    for e in &past {
        for a in &e.input.attendance {
            professions.entry(a.profession.as_str()).or_insert((a.profession, 0)).1 += a.count;
            reached.extend(a.organisation_id);
        }
    }
    reached.sort_unstable();
    reached.dedup();
    let mut by_profession: Vec<(Profession, u32)> = professions.into_values().collect();
    by_profession.sort_by_key(|p| std::cmp::Reverse(p.1));
    let base = state.config.public_url.trim_end_matches('/');
    let feed_url = format!("{base}/events.ics");
    let full_feed_url =
        if sees_all(&ctx) { Some(format!("{base}/events.ics?token={}", state.store.events_token(m).await.or_page()?)) } else { None };
    render(&EventsPage { ctx, upcoming, past, year, by_profession, organisations_reached: reached.len(), feed_url, full_feed_url })
}

#[derive(serde::Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The feed: public events for everyone; with the municipality's secret, all of them.
async fn feed(State(state): State<AppState>, ctx: Ctx, Query(q): Query<TokenQuery>) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let full = !q.token.is_empty() && crate::forms::same_token(&q.token, &state.store.events_token(m).await.or_page()?);
    if !q.token.is_empty() && !full {
        return Err(PageError::not_found());
    }
    let since = kette_app::calendar::local_now(state.store.clock()) - time::Duration::days(365);
    let events = state.store.events(m, Some(since), !full).await.or_page()?;
    let base = state.config.public_url.trim_end_matches('/');
    let host = base.split("://").nth(1).unwrap_or(base).split('/').next().unwrap_or("kette");
    let name = format!("{} – {}", ctx.t("events-title"), ctx.municipality.name);
    let ics = kette_app::calendar::events_ics(&name, &events, host, base);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, if full { "private, max-age=300" } else { "public, max-age=300" }),
            (header::CONTENT_DISPOSITION, "inline; filename=\"events.ics\""),
        ],
        ics,
    )
        .into_response())
}

// ---------------------------------------------------------------- one event and the form

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage {
    ctx: Ctx,
    /// None for a new event.
    event: Option<StoredEvent>,
    /// The coordination's form, filled with what is stored or was entered.
    form: Option<EventForm>,
}

struct EventForm {
    input: EventInput,
    /// The datetime fields as entered (they may not parse).
    starts_at: String,
    ends_at: String,
    organisations: Vec<(i64, String)>,
    goals: Vec<(i64, String)>,
    errors: Vec<FieldError>,
}

impl EventPage {
    fn when(&self) -> String {
        self.event.as_ref().map(|e| when(&self.ctx, e)).unwrap_or_default()
    }
    fn kind_label(&self, k: &EventKind) -> String {
        self.ctx.t(&k.label_key())
    }
    fn profession_label(&self, p: &Profession) -> String {
        self.ctx.t(&p.label_key())
    }
    fn organisation_name(&self, id: &Option<i64>) -> String {
        match (id, &self.event) {
            (Some(id), Some(e)) => e.organisations.get(id).cloned().unwrap_or_else(|| format!("#{id}")),
            _ => self.ctx.t("event-no-partner"),
        }
    }
    fn phase_label(&self, p: &Phase) -> String {
        self.ctx.t(&format!("cycle-phase-{}", p.as_str().replace('_', "-")))
    }
    fn kinds(&self) -> Vec<(&'static str, String)> {
        EventKind::ALL.iter().map(|k| (k.as_str(), self.ctx.t(&k.label_key()))).collect()
    }
    fn professions(&self) -> Vec<(&'static str, String)> {
        Profession::ALL.iter().map(|p| (p.as_str(), self.ctx.t(&p.label_key()))).collect()
    }
    fn phases(&self) -> Vec<(&'static str, String)> {
        Phase::ALL.iter().map(|p| (p.as_str(), self.phase_label(p))).collect()
    }
    fn same(&self, a: &str, b: &str) -> bool {
        a == b
    }
    fn kind_chosen(&self, code: &str) -> bool {
        self.form.as_ref().is_some_and(|f| f.input.kind.as_str() == code)
    }
    fn phase_chosen(&self, code: &str) -> bool {
        self.form.as_ref().and_then(|f| f.input.cycle_phase).is_some_and(|p| p.as_str() == code)
    }
    fn action(&self) -> String {
        match &self.event {
            Some(e) => format!("/events/{}", e.id),
            None => "/events/new".into(),
        }
    }
    fn err(&self, k: &str) -> Option<String> {
        self.form.as_ref()?.errors.iter().find(|e| e.field == k).map(|e| self.ctx.t(&e.code))
    }
    /// The attendance rows: the filled ones and a few empty ones, as (index, organisation,
    /// profession code, count).
    fn rows(&self) -> Vec<(usize, Option<i64>, String, String)> {
        let filled = self.form.as_ref().map(|f| f.input.attendance.clone()).unwrap_or_default();
        filled
            .iter()
            .map(|a| (a.organisation_id, a.profession.as_str().to_string(), a.count.to_string()))
            .chain(std::iter::repeat_n((None, String::new(), String::new()), SPARE_ROWS))
            .enumerate()
            .map(|(i, (o, p, c))| (i, o, p, c))
            .collect()
    }
    fn participants(&self) -> u32 {
        self.event.as_ref().map(|e| e.input.participants()).unwrap_or(0)
    }
}

/// The one reader of the event form; every field error is collected.
fn event_from_form(form: &FormData) -> (EventInput, Vec<FieldError>) {
    let mut errors = vec![];
    let moment = |k: &str, errors: &mut Vec<FieldError>| match PrimitiveDateTime::parse(form.get(k).trim(), MINUTE) {
        Ok(t) => t,
        Err(_) => {
            errors.push(FieldError::new(k, "error-datetime", "a date and time (YYYY-MM-DDTHH:MM)"));
            PrimitiveDateTime::MIN
        }
    };
    let starts_at = moment("starts_at", &mut errors);
    let ends_at = moment("ends_at", &mut errors);
    let kind = EventKind::parse(form.get("kind")).unwrap_or_else(|| {
        errors.push(FieldError::new("kind", "error-choice", "not a kind of event"));
        EventKind::Other
    });
    let mut attendance = vec![];
    for i in 0..100 {
        let (org, prof, count) =
            (form.get(&format!("att_org_{i}")), form.get(&format!("att_prof_{i}")), form.get(&format!("att_count_{i}")));
        if prof.is_empty() && count.trim().is_empty() {
            continue;
        }
        let Some(profession) = Profession::parse(prof) else {
            errors.push(FieldError::new("attendance", "error-event-profession", "each row names a profession"));
            continue;
        };
        let Ok(count) = count.trim().parse::<u32>() else {
            errors.push(FieldError::new("attendance", "error-event-count", "a count from 1 to 5,000"));
            continue;
        };
        attendance.push(Attendance { organisation_id: org.parse().ok(), profession, count });
    }
    let goal_ids = form.all("goal_ids").iter().filter_map(|v| v.parse().ok()).collect();
    let input = EventInput {
        kind,
        title: form.get("event_title").to_string(),
        description: form.get("event_description").to_string(),
        starts_at,
        ends_at,
        place: form.get("place").to_string(),
        organiser_id: form.get("organiser_id").parse().ok(),
        cycle_phase: Phase::parse(form.get("cycle_phase")),
        goal_ids,
        is_public: form.get("is_public") == "1",
        attendance,
    };
    // the domain's rules too, so one answer names every problem (a field already refused as
    // unreadable is not refused twice)
    for e in input.validate().err().unwrap_or_default() {
        if !errors.iter().any(|x| x.field == e.field || (e.field == "ends_at" && x.field == "starts_at")) {
            errors.push(e);
        }
    }
    (input, errors)
}

async fn form_of(
    state: &AppState,
    ctx: &Ctx,
    input: EventInput,
    starts_at: String,
    ends_at: String,
    errors: Vec<FieldError>,
) -> Result<EventForm, PageError> {
    let m = ctx.municipality.id;
    let organisations =
        state.store.list_organisations(m, None, 1, 500).await.or_page()?.items.into_iter().map(|o| (o.id, o.name)).collect();
    let goals = state.store.goals(m).await.or_page()?.into_iter().map(|g| (g.id, g.input.title)).collect();
    Ok(EventForm { input, starts_at, ends_at, organisations, goals, errors })
}

fn blank(now: PrimitiveDateTime) -> EventInput {
    let day = now.date() + time::Duration::days(14);
    EventInput {
        kind: EventKind::Training,
        title: String::new(),
        description: String::new(),
        starts_at: PrimitiveDateTime::new(day, time::macros::time!(9:00)),
        ends_at: PrimitiveDateTime::new(day, time::macros::time!(16:00)),
        place: String::new(),
        organiser_id: None,
        cycle_phase: None,
        goal_ids: vec![],
        is_public: false,
        attendance: vec![],
    }
}

fn text(t: PrimitiveDateTime) -> String {
    t.format(MINUTE).unwrap_or_default()
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let input = blank(kette_app::calendar::local_now(state.store.clock()));
    let (s, e) = (text(input.starts_at), text(input.ends_at));
    let form = form_of(&state, &ctx, input, s, e, vec![]).await?;
    render(&EventPage { ctx, event: None, form: Some(form) })
}

async fn create(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let (input, mut errors) = event_from_form(&form);
    if errors.is_empty() {
        match state.store.create_event(ctx.municipality.id, &input, false, ctx.user.as_ref().map(|u| u.id)).await {
            Ok(id) => return Ok(Redirect::to(&format!("/events/{id}")).into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(e) => return Err(PageError::store(e)),
        }
    }
    let f = form_of(&state, &ctx, input, form.get("starts_at").to_string(), form.get("ends_at").to_string(), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&EventPage { ctx, event: None, form: Some(f) })?).into_response())
}

async fn load(state: &AppState, ctx: &Ctx, id: &str) -> Result<StoredEvent, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let event = state.store.event(ctx.municipality.id, id).await.or_page()?.ok_or_else(PageError::not_found)?;
    if !event.input.is_public && !sees_all(ctx) {
        return Err(PageError::not_found());
    }
    Ok(event)
}

async fn page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let event = load(&state, &ctx, &id).await?;
    let form = if ctx.can_approve() {
        Some(form_of(&state, &ctx, event.input.clone(), text(event.input.starts_at), text(event.input.ends_at), vec![]).await?)
    } else {
        None
    };
    render(&EventPage { ctx, event: Some(event), form })
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let event = load(&state, &ctx, &id).await?;
    let (input, mut errors) = event_from_form(&form);
    if errors.is_empty() {
        match state.store.update_event(ctx.municipality.id, event.id, &input, ctx.user.as_ref().map(|u| u.id)).await {
            Ok(()) => return Ok(Redirect::to(&format!("/events/{}", event.id)).into_response()),
            Err(StoreError::Invalid { errors: e, .. }) => errors = e.0,
            Err(e) => return Err(PageError::store(e)),
        }
    }
    let f = form_of(&state, &ctx, input, form.get("starts_at").to_string(), form.get("ends_at").to_string(), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&EventPage { ctx, event: Some(event), form: Some(f) })?).into_response())
}
