//! `/api/v1/measures`, `bodies`, `meetings`, `tasks` and `proposals`: the steering records in
//! the usual list shape. Measures are public like the goals; bodies, their meetings and tasks
//! only as far as the body rule lets the caller read them; proposals for signed-in callers.

use super::*;

#[derive(Serialize, ToSchema)]
pub struct ApiMeasure {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// idea, planned, running, done or stopped
    pub status: String,
    pub goal_ids: Vec<i64>,
    pub lead_organisation_id: Option<i64>,
    /// Further organisations taking part.
    pub organisation_ids: Vec<i64>,
    /// Linked offers the caller may see (public ones, plus unpublished ones the caller's role
    /// sees).
    pub offer_ids: Vec<i64>,
    pub life_phases: Vec<String>,
    pub transitions: Vec<String>,
    /// Empty: the whole municipality.
    pub district_ids: Vec<i64>,
    /// The proposal it was accepted from.
    pub proposal_id: Option<i64>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub budget_eur: Option<f64>,
    pub funding_source: String,
    pub is_fictional: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ApiBody {
    pub id: i64,
    /// A code of the municipality's body-kind vocabulary.
    pub kind: String,
    pub name: String,
    pub description: String,
    pub members: i64,
    /// Local time of the next meeting, YYYY-MM-DDTHH:MM.
    pub next_meeting: Option<String>,
    pub open_tasks: i64,
    pub is_fictional: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ApiMeeting {
    pub id: i64,
    pub body_id: i64,
    pub title: String,
    /// Local time, YYYY-MM-DDTHH:MM.
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub has_minutes: bool,
    pub decisions: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ApiTask {
    pub id: i64,
    pub body_id: i64,
    pub meeting_id: Option<i64>,
    pub title: String,
    /// The member who owns it (None when the member has left).
    pub owner: Option<String>,
    pub due_on: String,
    /// open, done or dropped
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct ApiScore {
    pub criterion: String,
    pub score: u8,
    pub weight: f64,
    /// Share of the weighted points (0..1).
    pub share: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiProposal {
    pub id: i64,
    pub title: String,
    pub problem: String,
    pub body_id: Option<i64>,
    pub life_phase: Option<String>,
    pub transition: Option<String>,
    pub district_id: Option<i64>,
    pub expected_benefit: String,
    pub cost_eur: Option<f64>,
    /// submitted, accepted or rejected
    pub status: String,
    pub reason: String,
    pub measure_id: Option<i64>,
    /// Weighted mean of the scores (0–5), None while unscored.
    pub total: Option<f64>,
    pub scores: Vec<ApiScore>,
    pub is_fictional: bool,
}

fn page_of<T>(all: Vec<T>, page: u32, per_page: u32) -> (Vec<T>, i64) {
    let total = all.len() as i64;
    (all.into_iter().skip(((page - 1) * per_page) as usize).take(per_page as usize).collect(), total)
}

fn moment(t: time::PrimitiveDateTime) -> String {
    format!("{}T{:02}:{:02}", t.date(), t.hour(), t.minute())
}

#[utoipa::path(get, path = "/api/v1/measures", params(("page" = Option<u32>, Query, minimum = 1), ("per_page" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = MeasureList), (status = 422, body = Problem)))]
pub(super) async fn list_measures(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<MeasureList>, ApiError> {
    let (page, per_page) = paging(&q)?;
    let all = s.app.measures(&c.disclosure(&s).await?, c.municipality).await?;
    let (items, total) = page_of(all, page, per_page);
    let items = items
        .into_iter()
        .map(|m| ApiMeasure {
            id: m.id,
            title: m.input.title,
            description: m.input.description,
            status: m.input.status.as_str().into(),
            goal_ids: m.input.goal_ids,
            lead_organisation_id: m.input.lead_organisation_id,
            organisation_ids: m.input.organisation_ids,
            offer_ids: m.input.offer_ids,
            life_phases: m.input.life_phases,
            transitions: m.input.transitions,
            district_ids: m.input.district_ids,
            proposal_id: m.proposal.map(|(id, _)| id),
            starts_on: m.input.starts_on.map(|d| d.to_string()),
            ends_on: m.input.ends_on.map(|d| d.to_string()),
            budget_eur: m.input.budget_eur,
            funding_source: m.input.funding_source,
            is_fictional: m.is_fictional,
        })
        .collect();
    Ok(Json(MeasureList { items, total, page, per_page }))
}

/// The bodies the caller may read.
async fn readable_bodies(s: &AppState, c: &ApiCtx) -> Result<Vec<i64>, ApiError> {
    let Some(user) = &c.user else { return Ok(vec![]) };
    let relations = s.store.body_relations(c.municipality, user.id, user.organisation_id).await?;
    let now = kette_app::calendar::local_now(s.store.clock());
    Ok(s.store
        .bodies(c.municipality, now)
        .await?
        .into_iter()
        .filter(|b| relations.access(Some(user.actor()), b.id).read)
        .map(|b| b.id)
        .collect())
}

#[utoipa::path(get, path = "/api/v1/bodies", params(("page" = Option<u32>, Query, minimum = 1), ("per_page" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = BodyList), (status = 422, body = Problem)))]
pub(super) async fn list_bodies(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<BodyList>, ApiError> {
    let (page, per_page) = paging(&q)?;
    let readable = readable_bodies(&s, &c).await?;
    let now = kette_app::calendar::local_now(s.store.clock());
    let all: Vec<_> = s.store.bodies(c.municipality, now).await?.into_iter().filter(|b| readable.contains(&b.id)).collect();
    let (items, total) = page_of(all, page, per_page);
    let items = items
        .into_iter()
        .map(|b| ApiBody {
            id: b.id,
            kind: b.kind,
            name: b.name,
            description: b.description,
            members: b.members,
            next_meeting: b.next_meeting.map(moment),
            open_tasks: b.open_tasks,
            is_fictional: b.is_fictional,
        })
        .collect();
    Ok(Json(BodyList { items, total, page, per_page }))
}

#[utoipa::path(get, path = "/api/v1/meetings", params(("page" = Option<u32>, Query, minimum = 1), ("per_page" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = MeetingList), (status = 422, body = Problem)))]
pub(super) async fn list_meetings(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<MeetingList>, ApiError> {
    let (page, per_page) = paging(&q)?;
    let readable = readable_bodies(&s, &c).await?;
    let all: Vec<_> = s.store.meetings(c.municipality, None).await?.into_iter().filter(|m| readable.contains(&m.body_id)).collect();
    let (items, total) = page_of(all, page, per_page);
    let items = items
        .into_iter()
        .map(|m| ApiMeeting {
            id: m.id,
            body_id: m.body_id,
            title: m.title,
            starts_at: moment(m.starts_at),
            ends_at: moment(m.ends_at),
            place: m.place,
            has_minutes: m.has_minutes,
            decisions: m.decisions,
        })
        .collect();
    Ok(Json(MeetingList { items, total, page, per_page }))
}

#[utoipa::path(get, path = "/api/v1/tasks", params(("page" = Option<u32>, Query, minimum = 1), ("per_page" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = TaskList), (status = 422, body = Problem)))]
pub(super) async fn list_tasks(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<TaskList>, ApiError> {
    let (page, per_page) = paging(&q)?;
    let readable = readable_bodies(&s, &c).await?;
    let all: Vec<_> = s.store.tasks(c.municipality, None, false).await?.into_iter().filter(|t| readable.contains(&t.body_id)).collect();
    let (items, total) = page_of(all, page, per_page);
    let items = items
        .into_iter()
        .map(|t| ApiTask {
            id: t.id,
            body_id: t.body_id,
            meeting_id: t.meeting_id,
            title: t.title,
            owner: t.owner_name,
            due_on: t.due_on.to_string(),
            status: t.status.as_str().into(),
        })
        .collect();
    Ok(Json(TaskList { items, total, page, per_page }))
}

#[utoipa::path(get, path = "/api/v1/proposals", params(("page" = Option<u32>, Query, minimum = 1), ("per_page" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = ProposalList), (status = 422, body = Problem)))]
pub(super) async fn list_proposals(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<ProposalList>, ApiError> {
    let (page, per_page) = paging(&q)?;
    // proposals are working material of the network: signed-in callers only
    let all = if c.user.is_some() { s.store.proposals(c.municipality).await? } else { vec![] };
    let criteria = s.store.proposal_criteria(c.municipality).await?;
    let (items, total) = page_of(all, page, per_page);
    let items = items
        .into_iter()
        .map(|p| {
            let ranking = kette_domain::proposals::rank(&criteria, &p.scores);
            let scores = criteria
                .iter()
                .zip(&ranking.shares)
                .filter_map(|(cr, share)| {
                    p.scores.iter().find(|(code, _)| code == &cr.code).map(|(_, score)| ApiScore {
                        criterion: cr.code.clone(),
                        score: *score,
                        weight: cr.weight,
                        share: *share,
                    })
                })
                .collect();
            ApiProposal {
                id: p.id,
                title: p.input.title,
                problem: p.input.problem,
                body_id: p.input.body_id,
                life_phase: p.input.life_phase,
                transition: p.input.transition,
                district_id: p.input.district_id,
                expected_benefit: p.input.expected_benefit,
                cost_eur: p.input.cost_eur,
                status: p.status.as_str().into(),
                reason: p.reason,
                measure_id: p.measure_id,
                total: ranking.total,
                scores,
                is_fictional: p.is_fictional,
            }
        })
        .collect();
    Ok(Json(ProposalList { items, total, page, per_page }))
}
