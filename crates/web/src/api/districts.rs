//! `/api/v1/districts`: the district hierarchy and one district with its population as the reader may see it.

use super::*;
use kette_store::GeometryDetail;

#[derive(Serialize, ToSchema)]
pub struct ApiDistrict {
    pub id: i64,
    pub key: String,
    pub name: String,
    pub level: i64,
    pub parent_id: Option<i64>,
    pub boundary_version: String,
    pub area_m2: Option<f64>,
    /// [min_lon, min_lat, max_lon, max_lat]
    pub bbox: Option<Vec<f64>>,
}

impl From<kette_domain::District> for ApiDistrict {
    fn from(d: kette_domain::District) -> Self {
        ApiDistrict {
            id: d.id,
            key: d.key,
            name: d.name,
            level: d.level,
            parent_id: d.parent_id,
            boundary_version: d.boundary_version,
            area_m2: d.area_m2,
            bbox: d.bbox.map(|b| b.to_vec()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ApiPopulation {
    pub year: i32,
    /// "0-6", "6-15", …, "65+" (years, upper bound exclusive)
    pub age_group: String,
    /// null when suppressed for confidentiality (public readers; planners see all values)
    pub count: Option<i64>,
    /// true when `count` is withheld: a count below 3, or one from which such a count could be
    /// computed with the other counts and the total
    pub suppressed: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ApiDistrictDetail {
    #[serde(flatten)]
    pub district: ApiDistrict,
    pub ancestor_ids: Vec<i64>,
    pub child_ids: Vec<i64>,
    pub population: Vec<ApiPopulation>,
    /// GeoJSON geometry (WGS84): the outline simplified to a few metres unless `geometry=full`
    #[schema(value_type = Object)]
    pub geometry: Option<serde_json::Value>,
}

#[utoipa::path(get, path = "/api/v1/districts", params(("level" = Option<i64>, Query, minimum = 0, maximum = 20, description = "hierarchy level, 1 = top"), ("page" = Option<u32>, Query, minimum = 1), ("per_page" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = DistrictList), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub(super) async fn list_districts(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<DistrictList>, ApiError> {
    let (page, per_page) = paging(&q)?;
    let level = query_int(&q, "level", 0, 20)?;
    let (items, total) = s.store.districts(c.municipality, level, page, per_page).await?;
    Ok(Json(DistrictList { items: items.into_iter().map(Into::into).collect(), total, page, per_page }))
}

#[utoipa::path(get, path = "/api/v1/districts/{id}", params(("id" = i64, Path, minimum = 1),
        ("geometry" = Option<GeometryChoice>, Query, description = "`outline` (default): the boundary simplified to a few metres; `full`: as imported (signed-in staff only)")),
    responses((status = 200, body = ApiDistrictDetail), (status = 403, body = Problem, description = "`geometry=full` without being signed-in staff"), (status = 404, body = Problem)))]
pub(super) async fn get_district(
    State(s): State<AppState>,
    c: ApiCtx,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<ApiDistrictDetail>, ApiError> {
    let id = path_id(&id)?;
    let detail = match q.get("geometry").map(String::as_str) {
        None | Some("outline") => GeometryDetail::Outline,
        Some("full") if c.user.as_ref().is_some_and(|u| u.role != kette_domain::Role::Viewer) => GeometryDetail::Full,
        Some("full") => return Err(ApiError::forbidden("the full geometry is for signed-in staff; the outline is public")),
        Some(other) => {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Unprocessable Entity",
                format!("geometry: expected outline or full, found '{other}'"),
            ))
        }
    };
    let d = s.store.district(c.municipality, id).await?;
    let disclosure = c.disclosure(&s).await?;
    let table = s.app.population(&disclosure, c.municipality, id).await?;
    let mut population = vec![];
    for (i, year) in table.years.iter().enumerate() {
        for (group, counts) in &table.groups {
            let (count, suppressed) = match counts[i] {
                PublicCount::Shown(n) => (Some(n as i64), false),
                PublicCount::Suppressed { .. } => (None, true),
            };
            population.push(ApiPopulation { year: *year, age_group: group.code(), count, suppressed });
        }
    }
    let geometry = s.store.district_geometry(c.municipality, id, detail).await?.and_then(|g| serde_json::from_str(&g).ok());
    Ok(Json(ApiDistrictDetail {
        ancestor_ids: d.ancestors.iter().map(|a| a.id).collect(),
        child_ids: d.children.iter().map(|a| a.id).collect(),
        district: d.district.into(),
        population,
        geometry,
    }))
}
