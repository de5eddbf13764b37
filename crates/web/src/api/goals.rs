//! `/api/v1/goals`: the steering goals with their progress, computed from the figures the
//! caller may see.

use super::*;

#[derive(Serialize, ToSchema)]
pub struct ApiYearValue {
    pub year: i32,
    pub value: f64,
}

#[derive(Serialize, ToSchema)]
pub struct ApiProgress {
    /// reached, on_track, at_risk, off_track or no_data
    pub state: String,
    pub year: Option<i32>,
    pub value: Option<f64>,
    /// The value the straight path from baseline to target expects in `year`.
    pub expected: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiGoal {
    pub id: i64,
    pub parent_id: Option<i64>,
    /// impact, outcome or action
    pub level: String,
    pub title: String,
    pub description: String,
    pub indicator: Option<String>,
    /// None: the whole municipality
    pub district_id: Option<i64>,
    pub baseline: Option<ApiYearValue>,
    pub target: Option<ApiYearValue>,
    /// Share of the way from baseline to target a value may lag and stay on track.
    pub tolerance: f64,
    pub responsible: String,
    pub is_fictional: bool,
    pub progress: ApiProgress,
    /// The values progress was computed from.
    pub values: Vec<ApiYearValue>,
}

#[utoipa::path(get, path = "/api/v1/goals", params(("page" = Option<u32>, Query, minimum = 1), ("per_page" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = GoalList), (status = 422, body = Problem)))]
pub(super) async fn list_goals(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<GoalList>, ApiError> {
    use kette_domain::goals::Progress;
    let (page, per_page) = paging(&q)?;
    let all = s.app.goals_with_progress(&c.disclosure(&s).await?, c.municipality).await?;
    let total = all.len() as i64;
    let items = all
        .into_iter()
        .skip(((page - 1) * per_page) as usize)
        .take(per_page as usize)
        .map(|g| {
            let i = g.goal.input;
            let (state, year, value, expected) = match g.progress {
                Progress::Reached { year, value } => ("reached", Some(year), Some(value), None),
                Progress::OnTrack { year, value, expected } => ("on_track", Some(year), Some(value), Some(expected)),
                Progress::AtRisk { year, value, expected } => ("at_risk", Some(year), Some(value), Some(expected)),
                Progress::OffTrack { year, value, expected } => ("off_track", Some(year), Some(value), Some(expected)),
                Progress::NoData => ("no_data", None, None, None),
            };
            ApiGoal {
                id: g.goal.id,
                parent_id: i.parent_id,
                level: i.level.as_str().into(),
                title: i.title,
                description: i.description,
                indicator: i.indicator_code,
                district_id: i.district_id,
                baseline: i.target.as_ref().map(|t| ApiYearValue { year: t.baseline_year, value: t.baseline_value }),
                target: i.target.as_ref().map(|t| ApiYearValue { year: t.target_year, value: t.target_value }),
                tolerance: i.tolerance,
                responsible: i.responsible,
                is_fictional: g.goal.is_fictional,
                progress: ApiProgress { state: state.into(), year, value, expected },
                values: g.values.into_iter().map(|(year, value)| ApiYearValue { year, value }).collect(),
            }
        })
        .collect();
    Ok(Json(GoalList { items, total, page, per_page }))
}
