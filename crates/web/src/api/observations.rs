//! `/api/v1/indicators` and `/api/v1/observations`: the catalogue and the figures as the reader may see them.

use super::*;
#[derive(Serialize, ToSchema)]
pub struct ApiIndicator {
    pub id: i64,
    pub code: String,
    pub name_de: String,
    pub name_en: String,
    pub description: String,
    pub unit: String,
    /// higher_is_better | higher_is_worse | neutral
    pub direction: String,
    pub source: String,
    pub licence: String,
    pub min_denominator: Option<f64>,
    pub numerator_definition: String,
    pub denominator_definition: String,
    pub release_date: Option<String>,
    pub spatial_level: String,
}

#[utoipa::path(get, path = "/api/v1/indicators", responses((status = 200, body = IndicatorList)))]
pub(super) async fn list_indicators(State(s): State<AppState>, c: ApiCtx) -> Result<Json<IndicatorList>, ApiError> {
    let items: Vec<ApiIndicator> = s
        .store
        .indicators(c.municipality)
        .await?
        .into_iter()
        .map(|i| ApiIndicator {
            id: i.id,
            code: i.def.code,
            name_de: i.def.name_de,
            name_en: i.def.name_en,
            description: i.def.description,
            unit: i.def.unit,
            direction: i.def.direction.as_str().into(),
            source: i.def.source,
            licence: i.def.licence,
            min_denominator: i.def.min_denominator,
            numerator_definition: i.def.meta.numerator,
            denominator_definition: i.def.meta.denominator,
            release_date: i.def.meta.release_date,
            spatial_level: i.def.meta.spatial_level,
        })
        .collect();
    let total = items.len() as i64;
    Ok(Json(IndicatorList { per_page: items.len().max(1) as u32, items, total, page: 1 }))
}

#[derive(Serialize, ToSchema)]
pub struct ApiObservation {
    pub indicator_id: i64,
    pub indicator_code: String,
    pub district_id: i64,
    pub district_key: String,
    /// reference year: values as of 31 December
    pub year: i32,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub source: String,
    /// true when value, numerator and denominator are withheld because a count is below 3
    /// (public readers; planners see all values)
    pub suppressed: bool,
    /// the boundary version this value was carried from with a crosswalk (an estimate); absent
    /// when it was published for these districts
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/observations",
    params(("indicator" = Option<String>, Query, description = "indicator code"), ("district" = Option<i64>, Query, minimum = 1), ("year" = Option<i32>, Query, minimum = 1900, maximum = 2200), ("page" = Option<u32>, Query, minimum = 1), ("per_page" = Option<u32>, Query, minimum = 1, maximum = 5000)),
    responses((status = 200, body = ObservationList), (status = 422, body = Problem)))]
pub(super) async fn list_observations(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<ObservationList>, ApiError> {
    let (page, per_page) = paged(&q, 500, 5000)?;
    let f = ObservationFilter {
        indicator: q.get("indicator").filter(|v| !v.is_empty()).cloned(),
        district_id: query_int(&q, "district", 1, i64::MAX)?,
        year: query_int(&q, "year", 1900, 2200)?.map(|y| y as i32),
    };
    let figures = s.app.figures(&c.disclosure(&s).await?, c.municipality).await?;
    let matching: Vec<_> = figures.matching(&f).collect();
    let total = matching.len() as i64;
    let items = matching
        .into_iter()
        .skip(((page - 1) as usize).saturating_mul(per_page as usize))
        .take(per_page as usize)
        .map(|fig| {
            let o = fig.observation.clone();
            ApiObservation {
                indicator_id: o.indicator_id,
                indicator_code: o.indicator_code,
                district_id: o.district_id,
                district_key: o.district_key,
                year: o.year,
                value: o.value,
                numerator: o.numerator,
                denominator: o.denominator,
                source: o.source,
                suppressed: fig.withheld,
                carried_from: o.carried_from,
            }
        })
        .collect();
    Ok(Json(ObservationList { items, total, page, per_page }))
}
