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
use kette_store::{Account, ObservationFilter};

use crate::ctx::{cookie, SESSION_COOKIE};
use crate::error::{ApiError, Problem, ProblemField};
use crate::forms::same_token;
use crate::AppState;

mod districts;
mod goals;
mod locations;
mod observations;
mod offers;
mod organisations;
mod steering;

use districts::*;
use goals::*;
use locations::*;
use observations::*;
use offers::*;
use organisations::*;
use steering::*;

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
        .route("/goals", get(list_goals))
        .route("/measures", get(list_measures))
        .route("/bodies", get(list_bodies))
        .route("/meetings", get(list_meetings))
        .route("/tasks", get(list_tasks))
        .route("/proposals", get(list_proposals))
        .route("/openapi.json", get(openapi))
        .fallback(|| async { ApiError::not_found("no such API endpoint") })
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "kette API",
        version = "1",
        description = "Prevention chain: districts, organisations, offers, locations, indicators, observations and steering (goals, measures, bodies, meetings, tasks, proposals) of one municipality."
    ),
    // handlers named without their module: a module path would become an OpenAPI tag
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
        list_observations,
        list_goals,
        list_measures,
        list_bodies,
        list_meetings,
        list_tasks,
        list_proposals
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
        ObservationList,
        ApiGoal,
        ApiProgress,
        ApiYearValue,
        GoalList,
        ApiMeasure,
        MeasureList,
        ApiBody,
        BodyList,
        ApiMeeting,
        MeetingList,
        ApiTask,
        TaskList,
        ApiScore,
        ApiProposal,
        ProposalList,
        CostChoice,
        AccessChoice,
        SortChoice,
        StatusChoice,
        GeometryChoice
    ))
)]
pub struct ApiDoc;

async fn openapi() -> Response {
    match serde_json::to_value(ApiDoc::openapi()) {
        Ok(mut doc) => {
            document_errors(&mut doc);
            ([(axum::http::header::CONTENT_TYPE, "application/json")], doc.to_string()).into_response()
        }
        Err(e) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "OpenAPI", e.to_string()).into_response(),
    }
}

/// Makes the document say what every operation can answer, in one place rather than in each
/// annotation: errors come as `application/problem+json`; an operation with parameters or a
/// body can answer 422 (a value the schema allows but the data does not: an unknown vocabulary
/// code, a place not in the directory, lat without lon) and 400 (a body that is not JSON); one
/// with an `{id}` 404.
pub(crate) fn document_errors(doc: &mut serde_json::Value) {
    let problem = serde_json::json!({"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}});
    let Some(paths) = doc.get_mut("paths").and_then(|p| p.as_object_mut()) else { return };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else { continue };
        for (_, operation) in item.iter_mut() {
            let has_parameters = operation.get("parameters").and_then(|p| p.as_array()).is_some_and(|p| !p.is_empty());
            let has_body = operation.get("requestBody").is_some();
            let Some(responses) = operation.get_mut("responses").and_then(|r| r.as_object_mut()) else { continue };
            let mut add = |code: &str, description: &str| {
                responses.entry(code).or_insert_with(|| serde_json::json!({"description": description}));
            };
            if has_parameters || has_body {
                add("422", "a parameter or field the data does not allow, each named in `errors`");
            }
            if has_body {
                add("400", "the body is not JSON of the documented shape");
            }
            if path.contains("{id}") {
                add("404", "no such record, or not visible to the reader");
            }
            for (code, response) in responses.iter_mut() {
                if code.starts_with('4') || code.starts_with('5') {
                    response["content"] = problem.clone();
                }
            }
        }
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
        // `?per_page=` is neither a number nor no number: the API says so instead of guessing
        // (the HTML forms, which send empty fields, have their own routes)
        if let Some(query) = parts.uri.query() {
            let empty: Vec<FieldError> = form_urlencoded::parse(query.as_bytes())
                .filter(|(_, v)| v.trim().is_empty())
                .map(|(k, _)| FieldError::new(format!("query.{k}"), "error-empty", "an empty value: leave the parameter out or give one"))
                .collect();
            if !empty.is_empty() {
                return Err(ApiError::validation(empty));
            }
        }
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
    /// What this caller's finder searches show (`kette_app::search_audience`). It depends on the
    /// reader alone, not on the municipality's statistics settings: the search path needs no
    /// database read for it.
    pub fn search_audience(&self) -> kette_search::Audience {
        kette_app::search_audience(&self.rule_for_offers())
    }

    fn rule_for_offers(&self) -> kette_domain::disclosure::Disclosure {
        let rules = kette_domain::privacy::Confidentiality::default();
        kette_domain::disclosure::Disclosure::new(self.user.as_ref().map(|u| u.actor()), rules)
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
list_type!(GoalList, ApiGoal);
list_type!(MeasureList, ApiMeasure);
list_type!(BodyList, ApiBody);
list_type!(MeetingList, ApiMeeting);
list_type!(TaskList, ApiTask);
list_type!(ProposalList, ApiProposal);

/// The fixed choices of query parameters, for the document (the handlers parse the text and name
/// a wrong one in a 422).
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum CostChoice {
    Free,
    Reduced,
    Fee,
}

#[derive(utoipa::ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum AccessChoice {
    Open,
    Registration,
    Referral,
}

#[derive(utoipa::ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum SortChoice {
    Relevance,
    Distance,
    Title,
}

#[derive(utoipa::ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum StatusChoice {
    Draft,
    Active,
    Paused,
    Ended,
}

#[derive(utoipa::ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum GeometryChoice {
    Outline,
    Full,
}
