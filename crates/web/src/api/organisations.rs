//! `/api/v1/organisations`: the providers.

use super::*;

#[derive(Serialize, ToSchema)]
pub struct OrganisationSummaryDto {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub offers: i64,
    pub locations: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ApiContact {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
}

#[derive(Serialize, ToSchema)]
pub struct ApiOrganisation {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub description: String,
    pub website: String,
    pub email: String,
    pub phone: String,
    pub contacts: Vec<ApiContact>,
}

#[utoipa::path(get, path = "/api/v1/organisations", params(("q" = Option<String>, Query, description = "text in the name"), ("page" = Option<u32>, Query, minimum = 1), ("per_page" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = OrganisationList), (status = 422, body = Problem)))]
pub(super) async fn list_organisations(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<OrganisationList>, ApiError> {
    let (page, per_page) = paging(&q)?;
    let r = s.store.list_organisations(c.municipality, q.get("q").map(String::as_str), page, per_page).await?;
    let items = r
        .items
        .into_iter()
        .map(|o| OrganisationSummaryDto { id: o.id, name: o.name, kind: o.kind.as_str().into(), offers: o.offers, locations: o.locations })
        .collect();
    Ok(Json(OrganisationList { items, total: r.total, page: r.page, per_page: r.per_page }))
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}", params(("id" = i64, Path, minimum = 1)), responses((status = 200, body = ApiOrganisation), (status = 404, body = Problem)))]
pub(super) async fn get_organisation(
    State(s): State<AppState>,
    c: ApiCtx,
    Path(id): Path<String>,
) -> Result<Json<ApiOrganisation>, ApiError> {
    let o = s.store.organisation(c.municipality, path_id(&id)?).await?;
    Ok(Json(ApiOrganisation {
        id: o.id,
        name: o.name,
        kind: o.kind.as_str().into(),
        description: o.description,
        website: o.website,
        email: o.email,
        phone: o.phone,
        contacts: o.contacts.into_iter().map(|c| ApiContact { name: c.name, role: c.role, email: c.email, phone: c.phone }).collect(),
    }))
}
