//! `/api/v1/locations`: the places the reader may see.

use super::*;

#[utoipa::path(get, path = "/api/v1/locations", params(("district" = Option<i64>, Query, minimum = 1), ("page" = Option<u32>, Query, minimum = 1), ("per_page" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = LocationList), (status = 422, body = Problem)))]
pub(super) async fn list_locations(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<LocationList>, ApiError> {
    let (page, per_page) = paging(&q)?;
    let district = query_int(&q, "district", 1, i64::MAX)?;
    let r = s.app.places(&c.disclosure(&s).await?, c.municipality, district, page, per_page).await?;
    Ok(Json(LocationList { items: r.items.into_iter().map(api_location).collect(), total: r.total, page: r.page, per_page: r.per_page }))
}
