//! JSON API under `/api/v1`. Lists answer `{"items", "total", "page", "per_page"}`; errors are
//! RFC 9457 problem details; the OpenAPI document is generated from these declarations.
//! Reads are public (active offers only, no confidential addresses); writes need a signed-in
//! session and the session's CSRF token in the `X-CSRF-Token` header.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use kette_domain::privacy::PublicCount;
use kette_domain::vocab::{Access, Cost, FundingKind, OfferStatus, PreventionLevel};
use kette_domain::{FieldError, Funding, Location, OfferInput};
use kette_search::Audience;
use kette_store::{Account, ObservationFilter};

use crate::ctx::{cookie, SESSION_COOKIE};
use crate::error::{ApiError, Problem, ProblemField};
use crate::forms::same_token;
use crate::AppState;

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/districts", get(list_districts))
        .route("/districts/{id}", get(get_district))
        .route("/organisations", get(list_organisations))
        .route("/organisations/{id}", get(get_organisation))
        .route("/offers", get(list_offers).post(create_offer))
        .route("/offers/{id}", get(get_offer).put(update_offer))
        .route("/locations", get(list_locations))
        .route("/indicators", get(list_indicators))
        .route("/observations", get(list_observations))
        .route("/openapi.json", get(openapi))
        .fallback(|| async { ApiError::not_found("no such API endpoint") })
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "kette API",
        version = "1",
        description = "Prevention chain: districts, organisations, offers, locations, indicators and observations of one municipality."
    ),
    paths(
        list_districts,
        get_district,
        list_organisations,
        get_organisation,
        list_offers,
        get_offer,
        create_offer,
        update_offer,
        list_locations,
        list_indicators,
        list_observations
    ),
    components(schemas(
        Problem,
        ProblemField,
        ApiDistrict,
        DistrictList,
        ApiDistrictDetail,
        ApiPopulation,
        ApiOrganisation,
        ApiContact,
        OrganisationSummaryDto,
        OrganisationList,
        ApiOfferSummary,
        OfferList,
        ApiOffer,
        ApiFunding,
        OfferWrite,
        ApiLocation,
        LocationList,
        ApiIndicator,
        IndicatorList,
        ApiObservation,
        ObservationList
    ))
)]
pub struct ApiDoc;

async fn openapi() -> Response {
    match ApiDoc::openapi().to_json() {
        Ok(json) => ([(axum::http::header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(e) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "OpenAPI", e.to_string()).into_response(),
    }
}

/// Who is asking, for which municipality.
pub struct ApiCtx {
    pub municipality: i64,
    pub(crate) user: Option<Account>,
    csrf_ok: bool,
}

impl FromRequestParts<AppState> for ApiCtx {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = match cookie(parts, SESSION_COOKIE) {
            Some(t) => state.store.session(t).await?,
            None => None,
        };
        let header_token = parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or("");
        let csrf_ok = session.as_ref().is_some_and(|s| same_token(header_token, &s.csrf_token));
        let user = session.map(|s| s.account);
        let slug = parts
            .uri
            .query()
            .and_then(|q| form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "municipality").map(|(_, v)| v.into_owned()));
        let municipality = match (&user, slug) {
            (Some(u), _) => u.municipality_id,
            (None, Some(slug)) => state.store.municipality_by_slug(&slug).await?.id,
            (None, None) => state.default_municipality().await?,
        };
        Ok(ApiCtx { municipality, user, csrf_ok })
    }
}

impl ApiCtx {
    /// Staff (signed in, not a viewer): sees working data such as funding and approval states.
    pub fn staff(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role != kette_domain::Role::Viewer)
    }

    /// What this reader may see (the one rule).
    pub async fn disclosure(&self, s: &AppState) -> Result<kette_domain::disclosure::Disclosure, ApiError> {
        let m = s.store.municipality(self.municipality).await?;
        Ok(kette_domain::disclosure::Disclosure::new(self.user.as_ref().map(|u| u.actor()), m.confidentiality))
    }
    fn writer(&self) -> Result<&Account, ApiError> {
        match &self.user {
            Some(u) if self.csrf_ok => Ok(u),
            _ => Err(ApiError::unauthorized()),
        }
    }
}

fn query_int(q: &HashMap<String, String>, name: &str, min: i64, max: i64) -> Result<Option<i64>, ApiError> {
    match q.get(name).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(ApiError::validation(vec![FieldError::new(
                format!("query.{name}"),
                "error-query-range",
                format!("expected a whole number from {min} to {max}, found '{v}'"),
            )])),
        },
    }
}

fn paging(q: &HashMap<String, String>) -> Result<(u32, u32), ApiError> {
    paged(q, 50, 500)
}

fn paged(q: &HashMap<String, String>, default_per_page: u32, max_per_page: u32) -> Result<(u32, u32), ApiError> {
    let p = crate::paging::Paging::require(q, default_per_page, max_per_page).map_err(ApiError::validation)?;
    Ok((p.page, p.per_page))
}

fn path_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse().map_err(|_| ApiError::validation(vec![FieldError::new("path.id", "error-whole-number", format!("'{raw}' is not an id"))]))
}

macro_rules! list_type {
    ($name:ident, $item:ty) => {
        #[derive(Serialize, ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            pub total: i64,
            pub page: u32,
            pub per_page: u32,
        }
    };
}

list_type!(DistrictList, ApiDistrict);
list_type!(OrganisationList, OrganisationSummaryDto);
list_type!(OfferList, ApiOfferSummary);
list_type!(LocationList, ApiLocation);
list_type!(IndicatorList, ApiIndicator);
list_type!(ObservationList, ApiObservation);

// ------------------------------------------------------------------ districts

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
    /// GeoJSON geometry (WGS84)
    #[schema(value_type = Object)]
    pub geometry: Option<serde_json::Value>,
}

#[utoipa::path(get, path = "/api/v1/districts", params(("level" = Option<i64>, Query, description = "hierarchy level, 1 = top"), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = DistrictList), (status = 422, body = Problem, content_type = "application/problem+json")))]
async fn list_districts(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<DistrictList>, ApiError> {
    let (page, per_page) = paging(&q)?;
    let level = query_int(&q, "level", 0, 20)?;
    let (items, total) = s.store.districts(c.municipality, level, page, per_page).await?;
    Ok(Json(DistrictList { items: items.into_iter().map(Into::into).collect(), total, page, per_page }))
}

#[utoipa::path(get, path = "/api/v1/districts/{id}", params(("id" = i64, Path)), responses((status = 200, body = ApiDistrictDetail), (status = 404, body = Problem)))]
async fn get_district(State(s): State<AppState>, c: ApiCtx, Path(id): Path<String>) -> Result<Json<ApiDistrictDetail>, ApiError> {
    let id = path_id(&id)?;
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
    let geometry = s.store.district_geometry(c.municipality, id).await?.and_then(|g| serde_json::from_str(&g).ok());
    Ok(Json(ApiDistrictDetail {
        ancestor_ids: d.ancestors.iter().map(|a| a.id).collect(),
        child_ids: d.children.iter().map(|a| a.id).collect(),
        district: d.district.into(),
        population,
        geometry,
    }))
}

// ------------------------------------------------------------------ organisations

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

#[utoipa::path(get, path = "/api/v1/organisations", params(("q" = Option<String>, Query, description = "text in the name"), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = OrganisationList), (status = 422, body = Problem)))]
async fn list_organisations(
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

#[utoipa::path(get, path = "/api/v1/organisations/{id}", params(("id" = i64, Path)), responses((status = 200, body = ApiOrganisation), (status = 404, body = Problem)))]
async fn get_organisation(State(s): State<AppState>, c: ApiCtx, Path(id): Path<String>) -> Result<Json<ApiOrganisation>, ApiError> {
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

// ------------------------------------------------------------------ offers

#[derive(Serialize, ToSchema)]
pub struct ApiOfferSummary {
    pub id: i64,
    pub title: String,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub status: String,
    pub cost: String,
    pub access: String,
    pub life_phases: Vec<String>,
    pub domains: Vec<String>,
    pub languages: Vec<String>,
    pub schedule: String,
    pub district_name: Option<String>,
    /// Street of the first place the reader may see.
    pub street: Option<String>,
    /// Metres from the given point to the nearest place, when lat/lon or near were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
    pub last_verified_on: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema, Default)]
pub struct ApiFunding {
    /// regular | project | donation | mixed
    pub kind: Option<String>,
    #[serde(default)]
    pub source: String,
    pub amount_eur: Option<f64>,
    /// YYYY-MM-DD: end of project funding
    pub until: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiLocation {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub district_id: Option<i64>,
    pub is_anchor_point: bool,
    pub is_confidential: bool,
}

/// A place the reader may see (callers keep only those, `kette_app::places`).
fn api_location(l: Location) -> ApiLocation {
    ApiLocation {
        id: l.id,
        organisation_id: l.organisation_id,
        name: l.name,
        street: l.street,
        postcode: l.postcode,
        city: l.city,
        lat: l.lat,
        lon: l.lon,
        district_id: l.district_id,
        is_anchor_point: l.is_anchor_point,
        is_confidential: l.is_confidential,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ApiOffer {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub title: String,
    pub description: String,
    pub life_phases: Vec<String>,
    pub domains: Vec<String>,
    pub target_groups: Vec<String>,
    pub transitions: Vec<String>,
    pub languages: Vec<String>,
    pub min_age_months: Option<u32>,
    pub max_age_months: Option<u32>,
    pub prevention_level: String,
    pub cost: String,
    pub access: String,
    pub schedule: String,
    pub capacity: Option<u32>,
    pub reach_per_year: Option<u32>,
    /// Only for signed-in users.
    pub funding: Option<ApiFunding>,
    pub status: String,
    /// Only for signed-in users: `pending` (a partner's new offer waiting for the coordinator),
    /// `approved` or `rejected`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<String>,
    pub last_verified_on: Option<String>,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    pub locations: Vec<ApiLocation>,
    pub is_fictional: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// The editable fields of an offer. Unknown fields are rejected.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferWrite {
    /// Required when creating; must stay the same when updating.
    pub organisation_id: Option<i64>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub life_phases: Vec<String>,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub target_groups: Vec<String>,
    #[serde(default)]
    pub transitions: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    pub min_age_months: Option<u32>,
    pub max_age_months: Option<u32>,
    /// universal | selective | indicated
    pub prevention_level: Option<String>,
    /// free | reduced | fee
    pub cost: Option<String>,
    /// open | registration | referral
    pub access: Option<String>,
    #[serde(default)]
    pub schedule: String,
    pub capacity: Option<u32>,
    pub reach_per_year: Option<u32>,
    pub funding: Option<ApiFunding>,
    /// draft | active | paused | ended
    pub status: Option<String>,
    /// YYYY-MM-DD
    pub last_verified_on: Option<String>,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub location_ids: Vec<i64>,
}

fn parse_date(field: &str, v: Option<&str>, errors: &mut Vec<FieldError>) -> Option<time::Date> {
    let v = v?;
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(v, fmt)
        .map_err(|_| errors.push(FieldError::new(field, "error-date", format!("'{v}' is not a date (YYYY-MM-DD)"))))
        .ok()
}

fn enum_field<T>(field: &str, v: Option<&str>, parse: fn(&str) -> Option<T>, default: T, allowed: &str, errors: &mut Vec<FieldError>) -> T {
    match v {
        None => default,
        Some(s) => parse(s).unwrap_or_else(|| {
            errors.push(FieldError::new(field, "error-choice", format!("expected one of {allowed}, found '{s}'")));
            default
        }),
    }
}

impl OfferWrite {
    fn into_input(self, organisation_id: i64) -> Result<OfferInput, ApiError> {
        let mut e = vec![];
        let funding = self.funding.unwrap_or_default();
        let input = OfferInput {
            organisation_id,
            prevention_level: enum_field(
                "prevention_level",
                self.prevention_level.as_deref(),
                PreventionLevel::parse,
                PreventionLevel::Universal,
                "universal, selective, indicated",
                &mut e,
            ),
            cost: enum_field("cost", self.cost.as_deref(), Cost::parse, Cost::Free, "free, reduced, fee", &mut e),
            access: enum_field("access", self.access.as_deref(), Access::parse, Access::Open, "open, registration, referral", &mut e),
            status: enum_field(
                "status",
                self.status.as_deref(),
                OfferStatus::parse,
                OfferStatus::Active,
                "draft, active, paused, ended",
                &mut e,
            ),
            funding: Funding {
                kind: funding.kind.as_deref().map(|k| {
                    enum_field(
                        "funding.kind",
                        Some(k),
                        FundingKind::parse,
                        FundingKind::Regular,
                        "regular, project, donation, mixed",
                        &mut e,
                    )
                }),
                source: funding.source,
                amount_eur: funding.amount_eur,
                until: parse_date("funding.until", funding.until.as_deref(), &mut e),
            },
            last_verified_on: parse_date("last_verified_on", self.last_verified_on.as_deref(), &mut e),
            title: self.title,
            description: self.description,
            life_phases: self.life_phases,
            domains: self.domains,
            target_groups: self.target_groups,
            transitions: self.transitions,
            languages: if self.languages.is_empty() { vec!["de".into()] } else { self.languages },
            min_age_months: self.min_age_months,
            max_age_months: self.max_age_months,
            schedule: self.schedule,
            capacity: self.capacity,
            reach_per_year: self.reach_per_year,
            contact_email: self.contact_email,
            contact_phone: self.contact_phone,
            website: self.website,
            location_ids: self.location_ids,
        };
        if e.is_empty() {
            Ok(input)
        } else {
            Err(ApiError::validation(e))
        }
    }
}

fn parse_body<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|err| {
        ApiError::new(StatusCode::BAD_REQUEST, "Malformed JSON body", format!("line {}, column {}: {err}", err.line(), err.column()))
    })
}

#[utoipa::path(get, path = "/api/v1/offers",
    params(("q" = Option<String>, Query, description = "words, as a family would type them: German stemming, spelling variants, compound parts, typos and the synonym list are taken into account"),
        ("age" = Option<f64>, Query, description = "child's age in years (0 to 27), or `expecting`"), ("age_months" = Option<u32>, Query, description = "child's age in months"),
        ("life_phase" = Option<String>, Query), ("domain" = Option<String>, Query), ("target_group" = Option<String>, Query), ("transition" = Option<String>, Query),
        ("language" = Option<String>, Query, description = "a language spoken in the offer (ISO 639-1)"),
        ("cost" = Option<String>, Query, description = "free | reduced | fee"), ("access" = Option<String>, Query, description = "open | registration | referral"),
        ("district" = Option<i64>, Query, description = "district id, any level of the hierarchy"),
        ("lat" = Option<f64>, Query, description = "WGS84 latitude of the family's place"), ("lon" = Option<f64>, Query),
        ("near" = Option<String>, Query, description = "a street or postcode instead of lat/lon, looked up in the directory's own addresses"),
        ("radius_m" = Option<f64>, Query, description = "only offers within this many metres (100 to 100000) of lat/lon"),
        ("sort" = Option<String>, Query, description = "relevance (default) | distance | title"),
        ("lang" = Option<String>, Query, description = "language of titles in the answer, where the offer has a translation"),
        ("organisation" = Option<i64>, Query), ("status" = Option<String>, Query, description = "signed-in professionals only"),
        ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = OfferList), (status = 422, body = Problem)))]
async fn list_offers(State(s): State<AppState>, c: ApiCtx, Query(q): Query<HashMap<String, String>>) -> Result<Json<OfferList>, ApiError> {
    let (catalogue, vocab) = s.finder.current(&s.store, c.municipality).await?;
    let audience = if c.disclosure(&s).await?.is_professional() { Audience::Professional } else { Audience::Public };
    let parsed = crate::finder_query::parse(&s.store, c.municipality, &vocab, &q, audience, 50).await?;
    if !parsed.errors.is_empty() {
        return Err(ApiError::validation(
            parsed
                .errors
                .into_iter()
                .map(|mut e| {
                    e.field = format!("query.{}", e.field);
                    e
                })
                .collect(),
        ));
    }
    if parsed.place_unknown {
        return Err(ApiError::validation(vec![FieldError::new(
            "query.near",
            "error-place-unknown",
            "no street or postcode of that name in this directory; send lat and lon instead",
        )]));
    }
    let lang = q.get("lang").map(String::as_str).unwrap_or("de");
    let found = catalogue.search(&parsed.request).map_err(|e| ApiError::internal(e.to_string()))?;
    let items = found
        .hits
        .into_iter()
        .map(|h| {
            let o = &h.doc.payload;
            let translated = h.doc.translations.iter().find(|t| t.language == lang);
            ApiOfferSummary {
                id: o.id,
                title: translated.map(|t| t.title.clone()).unwrap_or_else(|| o.title.clone()),
                organisation_id: o.organisation_id,
                organisation_name: o.organisation_name.clone(),
                status: o.status.as_str().into(),
                cost: o.cost.as_str().into(),
                access: o.access.as_str().into(),
                life_phases: o.life_phases.clone(),
                domains: o.domains.clone(),
                languages: o.languages.clone(),
                schedule: o.schedule.clone(),
                district_name: o.district_name.clone(),
                street: o.street.clone(),
                distance_m: h.distance_m.map(|d| d.round()),
                last_verified_on: o.last_verified_on.clone(),
            }
        })
        .collect();
    Ok(Json(OfferList { items, total: found.total as i64, page: parsed.page, per_page: parsed.per_page }))
}

async fn offer_dto(s: &AppState, c: &ApiCtx, id: i64) -> Result<ApiOffer, ApiError> {
    let o = s.store.offer(c.municipality, id).await?;
    let disclosure = c.disclosure(s).await?;
    if !disclosure.sees_unpublished_offers_of(o.input.organisation_id)
        && !crate::offer_is_public(s.store.today(), &s.store.municipality(c.municipality).await?.review, &o.input, o.approval)
    {
        return Err(ApiError::not_found(format!("offer {id} not found")));
    }
    let internal = c.staff();
    let i = o.input;
    Ok(ApiOffer {
        id: o.id,
        organisation_id: i.organisation_id,
        organisation_name: o.organisation_name,
        title: i.title,
        description: i.description,
        life_phases: i.life_phases,
        domains: i.domains,
        target_groups: i.target_groups,
        transitions: i.transitions,
        languages: i.languages,
        min_age_months: i.min_age_months,
        max_age_months: i.max_age_months,
        prevention_level: i.prevention_level.as_str().into(),
        cost: i.cost.as_str().into(),
        access: i.access.as_str().into(),
        schedule: i.schedule,
        capacity: i.capacity,
        reach_per_year: i.reach_per_year,
        funding: internal.then(|| ApiFunding {
            kind: i.funding.kind.map(|k| k.as_str().into()),
            source: i.funding.source,
            amount_eur: i.funding.amount_eur,
            until: i.funding.until.map(|d| d.to_string()),
        }),
        status: i.status.as_str().into(),
        approval: internal.then(|| o.approval.as_str().into()),
        last_verified_on: i.last_verified_on.map(|d| d.to_string()),
        contact_email: i.contact_email,
        contact_phone: i.contact_phone,
        website: i.website,
        locations: kette_app::places::visible_only(&disclosure, o.locations).into_iter().map(api_location).collect(),
        is_fictional: o.is_fictional,
        created_at: o.created_at,
        updated_at: o.updated_at,
    })
}

#[utoipa::path(get, path = "/api/v1/offers/{id}", params(("id" = i64, Path)), responses((status = 200, body = ApiOffer), (status = 404, body = Problem)))]
async fn get_offer(State(s): State<AppState>, c: ApiCtx, Path(id): Path<String>) -> Result<Json<ApiOffer>, ApiError> {
    let id = path_id(&id)?;
    Ok(Json(offer_dto(&s, &c, id).await?))
}

#[utoipa::path(post, path = "/api/v1/offers", request_body = OfferWrite,
    responses((status = 201, body = ApiOffer), (status = 202, description = "a partner's new offer is stored and waits for the coordinator's approval", body = ApiOffer), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn create_offer(State(s): State<AppState>, c: ApiCtx, body: Bytes) -> Result<Response, ApiError> {
    let user = c.writer()?;
    let w: OfferWrite = parse_body(&body)?;
    let org = w
        .organisation_id
        .or(user.organisation_id)
        .ok_or_else(|| ApiError::validation(vec![FieldError::new("organisation_id", "error-required", "organisation_id is required")]))?;
    if !user.actor().can_edit_offers_of(org) {
        return Err(ApiError::forbidden("you may not create offers for this organisation"));
    }
    s.store
        .organisation(c.municipality, org)
        .await
        .map_err(|_| ApiError::validation(vec![FieldError::new("organisation_id", "error-unknown", format!("no organisation {org}"))]))?;
    let input = w.into_input(org)?;
    // partners' offers wait for the coordinator: 202, stored but not public yet
    let policy = s.store.municipality(c.municipality).await?.review;
    let (id, status) = if policy.needs_approval(&user.actor()) {
        (s.store.propose_new_offer(c.municipality, &input, Some(user.id)).await?, StatusCode::ACCEPTED)
    } else {
        (s.store.create_offer(c.municipality, &input, Some(user.id)).await?, StatusCode::CREATED)
    };
    s.reindex(c.municipality, &[id]).await;
    Ok((status, [(axum::http::header::LOCATION, format!("/api/v1/offers/{id}"))], Json(offer_dto(&s, &c, id).await?)).into_response())
}

#[utoipa::path(put, path = "/api/v1/offers/{id}", params(("id" = i64, Path)), request_body = OfferWrite,
    responses((status = 200, body = ApiOffer), (status = 202, description = "a partner's change waits for the coordinator's approval; the body is the still-current offer", body = ApiOffer), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update_offer(State(s): State<AppState>, c: ApiCtx, Path(id): Path<String>, body: Bytes) -> Result<Response, ApiError> {
    let user = c.writer()?;
    let id = path_id(&id)?;
    let current = s.store.offer(c.municipality, id).await?;
    if !user.actor().can_edit_offers_of(current.input.organisation_id) {
        return Err(ApiError::forbidden("you may not edit offers of this organisation"));
    }
    let w: OfferWrite = parse_body(&body)?;
    if w.organisation_id.is_some_and(|o| o != current.input.organisation_id) {
        return Err(ApiError::validation(vec![FieldError::new(
            "organisation_id",
            "error-immutable",
            "an offer cannot move to another organisation",
        )]));
    }
    let input = w.into_input(current.input.organisation_id)?;
    // a partner's change waits for the coordinator: 202 with the still-current offer
    let policy = s.store.municipality(c.municipality).await?.review;
    let status = if policy.needs_approval(&user.actor()) {
        s.store.propose_change(c.municipality, id, &input, Some(user.id)).await?;
        StatusCode::ACCEPTED
    } else {
        s.store.update_offer(c.municipality, id, &input, Some(user.id)).await?;
        StatusCode::OK
    };
    s.reindex(c.municipality, &[id]).await;
    Ok((status, Json(offer_dto(&s, &c, id).await?)).into_response())
}

// ------------------------------------------------------------------ locations, indicators

#[utoipa::path(get, path = "/api/v1/locations", params(("district" = Option<i64>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = LocationList), (status = 422, body = Problem)))]
async fn list_locations(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<LocationList>, ApiError> {
    let (page, per_page) = paging(&q)?;
    let district = query_int(&q, "district", 1, i64::MAX)?;
    let r = s.app.places(&c.disclosure(&s).await?, c.municipality, district, page, per_page).await?;
    Ok(Json(LocationList { items: r.items.into_iter().map(api_location).collect(), total: r.total, page: r.page, per_page: r.per_page }))
}

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
async fn list_indicators(State(s): State<AppState>, c: ApiCtx) -> Result<Json<IndicatorList>, ApiError> {
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
    params(("indicator" = Option<String>, Query, description = "indicator code"), ("district" = Option<i64>, Query), ("year" = Option<i32>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = ObservationList), (status = 422, body = Problem)))]
async fn list_observations(
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
