//! `/api/v1/offers`: the finder's search as JSON, one offer as the reader may see it, and writes (partners' writes become proposals).

use super::*;

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
pub(super) fn api_location(l: Location) -> ApiLocation {
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
    /// at least one domain code of the municipality's vocabulary
    #[serde(default)]
    #[schema(required = true, min_items = 1)]
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

pub(super) fn parse_date(field: &str, v: Option<&str>, errors: &mut Vec<FieldError>) -> Option<time::Date> {
    let v = v?;
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(v, fmt)
        .map_err(|_| errors.push(FieldError::new(field, "error-date", format!("'{v}' is not a date (YYYY-MM-DD)"))))
        .ok()
}

pub(super) fn enum_field<T>(
    field: &str,
    v: Option<&str>,
    parse: fn(&str) -> Option<T>,
    default: T,
    allowed: &str,
    errors: &mut Vec<FieldError>,
) -> T {
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

pub(super) fn parse_body<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    let mut value: serde_json::Value = serde_json::from_slice(body).map_err(|err| {
        ApiError::new(StatusCode::BAD_REQUEST, "Malformed JSON body", format!("line {}, column {}: {err}", err.line(), err.column()))
    })?;
    // JSON has one kind of number: 12.0 is the whole number 12 (as JSON Schema says)
    whole_numbers(&mut value);
    serde_json::from_value(value).map_err(|err| ApiError::new(StatusCode::BAD_REQUEST, "Malformed JSON body", err.to_string()))
}

fn whole_numbers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|f| n.is_f64() && f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15) {
                *n = serde_json::Number::from(f as i64);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

#[utoipa::path(get, path = "/api/v1/offers",
    params(("q" = Option<String>, Query, description = "words, as a family would type them: German stemming, spelling variants, compound parts, typos and the synonym list are taken into account"),
        ("age" = Option<f64>, Query, minimum = 0, maximum = 27, description = "child's age in years (0 to 27), or `expecting`"), ("age_months" = Option<u32>, Query, minimum = 0, maximum = 324, description = "child's age in months"),
        ("life_phase" = Option<String>, Query), ("domain" = Option<String>, Query), ("target_group" = Option<String>, Query), ("transition" = Option<String>, Query),
        ("language" = Option<String>, Query, description = "a language spoken in the offer (ISO 639-1)"),
        ("cost" = Option<CostChoice>, Query, description = "free | reduced | fee"), ("access" = Option<AccessChoice>, Query, description = "open | registration | referral"),
        ("district" = Option<i64>, Query, minimum = 1, description = "district id, any level of the hierarchy"),
        ("lat" = Option<f64>, Query, minimum = -90, maximum = 90, description = "WGS84 latitude of the family's place"), ("lon" = Option<f64>, Query, minimum = -180, maximum = 180),
        ("near" = Option<String>, Query, description = "a street or postcode instead of lat/lon, looked up in the directory's own addresses"),
        ("radius_m" = Option<f64>, Query, minimum = 100, maximum = 100000, description = "only offers within this many metres (100 to 100000) of lat/lon"),
        ("sort" = Option<SortChoice>, Query, description = "distance (the default when a place is given by lat/lon or near) | relevance (the default otherwise) | title"),
        ("lang" = Option<String>, Query, description = "language of titles in the answer, where the offer has a translation"),
        ("organisation" = Option<i64>, Query, minimum = 1), ("status" = Option<StatusChoice>, Query, description = "signed-in professionals only (the public always gets active offers)"),
        ("page" = Option<u32>, Query, minimum = 1), ("per_page" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = OfferList), (status = 422, body = Problem)))]
pub(super) async fn list_offers(
    State(s): State<AppState>,
    c: ApiCtx,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<OfferList>, ApiError> {
    let (catalogue, vocab) = s.finder.current(&s.store, c.municipality).await?;
    let audience = c.search_audience();
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

pub(super) async fn offer_dto(s: &AppState, c: &ApiCtx, id: i64) -> Result<ApiOffer, ApiError> {
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

#[utoipa::path(get, path = "/api/v1/offers/{id}", params(("id" = i64, Path, minimum = 1)), responses((status = 200, body = ApiOffer), (status = 404, body = Problem)))]
pub(super) async fn get_offer(State(s): State<AppState>, c: ApiCtx, Path(id): Path<String>) -> Result<Json<ApiOffer>, ApiError> {
    let id = path_id(&id)?;
    Ok(Json(offer_dto(&s, &c, id).await?))
}

#[utoipa::path(post, path = "/api/v1/offers", request_body = OfferWrite,
    responses((status = 201, body = ApiOffer), (status = 202, description = "a partner's new offer is stored and waits for the coordinator's approval", body = ApiOffer), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn create_offer(State(s): State<AppState>, c: ApiCtx, body: Bytes) -> Result<Response, ApiError> {
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

#[utoipa::path(put, path = "/api/v1/offers/{id}", params(("id" = i64, Path, minimum = 1)), request_body = OfferWrite,
    responses((status = 200, body = ApiOffer), (status = 202, description = "a partner's change waits for the coordinator's approval; the body is the still-current offer", body = ApiOffer), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn update_offer(State(s): State<AppState>, c: ApiCtx, Path(id): Path<String>, body: Bytes) -> Result<Response, ApiError> {
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
