//! The Open Referral HSDS 3.0 read API under `/hsds`: services, organizations,
//! service_at_locations, taxonomies and taxonomy_terms with the specification's query
//! parameters, as JSON pages or NDJSON.

use std::collections::{HashMap, HashSet};

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Json;
use serde_json::{json, Value};

use kette_domain::{FieldError, OfferId, TermKind};
use kette_hsds::{profile, LocationRecord, OfferRecord, OrganisationRecord};
use kette_search::{Point, SearchRequest, Sort};
use kette_store::KeyTable;

use crate::api::ApiCtx;
use crate::error::ApiError;
use crate::AppState;
use kette_app::hsds::{all_organisation_ids, organisation_values, records, HsdsContext as Context};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/hsds", get(base))
        .route("/hsds/", get(base))
        .route("/hsds/services", get(services))
        .route("/hsds/services/{id}", get(service))
        .route("/hsds/organizations", get(organizations))
        .route("/hsds/organizations/{id}", get(organization))
        .route("/hsds/service_at_locations", get(service_at_locations))
        .route("/hsds/service_at_locations/{id}", get(service_at_location))
        .route("/hsds/taxonomies", get(taxonomies))
        .route("/hsds/taxonomies/{id}", get(taxonomy))
        .route("/hsds/taxonomy_terms", get(taxonomy_terms))
        .route("/hsds/taxonomy_terms/{id}", get(taxonomy_term))
}

type Q = Query<HashMap<String, String>>;

async fn base() -> Json<Value> {
    Json(
        json!({ "version": "3.0", "profile": profile::PROFILE_URI, "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json" }),
    )
}

async fn context(s: &AppState, c: &ApiCtx) -> Result<Context, ApiError> {
    let m = s.store.municipality(c.municipality).await?;
    let (_, vocab) = s.finder.current(&s.store, c.municipality).await?;
    let disclosure = kette_domain::disclosure::Disclosure::new(c.user.as_ref().map(|u| u.actor()), m.confidentiality);
    Ok(Context::new(&m, disclosure, vocab))
}

fn paging(q: &HashMap<String, String>) -> Result<(usize, usize), ApiError> {
    let p = crate::paging::Paging::require(q, 50, 1000).map_err(ApiError::validation)?;
    Ok((p.page as usize, p.per_page as usize))
}

/// A boolean query parameter: true or false (1 or 0), absent meaning false.
fn flag(q: &HashMap<String, String>, k: &str) -> Result<bool, ApiError> {
    match q.get(k).map(String::as_str) {
        None | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(other) => Err(ApiError::validation(vec![FieldError::new(
            format!("query.{k}"),
            "error-choice",
            format!("expected true or false, found '{}'", kette_text::excerpt(other)),
        )])),
    }
}

fn ndjson(q: &HashMap<String, String>) -> Result<bool, ApiError> {
    match q.get("format").map(String::as_str) {
        None | Some("") | Some("json") => Ok(false),
        Some("ndjson") => Ok(true),
        Some(other) => Err(ApiError::validation(vec![FieldError::new(
            "query.format",
            "error-choice",
            format!("expected json or ndjson, found '{other}'"),
        )])),
    }
}

fn ndjson_response(items: Vec<Value>) -> Response {
    let mut body = Vec::with_capacity(items.len() * 512);
    for v in items {
        // serde_json never fails on a Value
        let _ = serde_json::to_writer(&mut body, &v);
        body.push(b'\n');
    }
    ([(header::CONTENT_TYPE, "application/x-ndjson")], Body::from(body)).into_response()
}

/// A whole list answered as NDJSON or as one HSDS page of it.
fn listed(all: Vec<Value>, q: &HashMap<String, String>, page: usize, per_page: usize) -> Result<Response, ApiError> {
    if ndjson(q)? {
        return Ok(ndjson_response(all));
    }
    let total = all.len();
    let contents = all.into_iter().skip((page - 1) * per_page).take(per_page).collect();
    Ok(Json(kette_hsds::page(contents, total, page, per_page)).into_response())
}

/// The search the HSDS parameters describe, answered by the finder's engine: ids in order.
async fn matching_services(s: &AppState, cx: &Context, q: &HashMap<String, String>) -> Result<Vec<OfferId>, ApiError> {
    let mut r = SearchRequest {
        text: q.get("search").cloned().unwrap_or_default().chars().take(500).collect(),
        audience: kette_app::search_audience(&cx.disclosure),
        sort: Sort::Title,
        limit: 1000,
        ..Default::default()
    };
    if !r.text.trim().is_empty() {
        r.sort = Sort::Relevance;
    }
    if let Some(org) = q.get("organization_id").filter(|v| !v.is_empty()) {
        r.organisation = Some(resolve(s, cx, "organization", KeyTable::Organisation, org).await?.ok_or_else(|| {
            ApiError::validation(vec![FieldError::new("query.organization_id", "error-unknown", format!("no organization {org}"))])
        })?);
    }
    if let Some(taxonomy) = q.get("taxonomy_id").filter(|v| !v.is_empty()) {
        let id_of = |t: &profile::Taxonomy| profile::taxonomy_id(&cx.ids, t);
        if let Some(kind) = TermKind::OF_OFFERS.iter().find(|k| id_of(&profile::of_term_kind(**k)) == *taxonomy) {
            r.classified_in = Some(*kind);
        } else if ![profile::prevention_level(), profile::access(), profile::cost()].iter().any(|t| id_of(t) == *taxonomy) {
            // those three classify every offer, so they filter nothing; the others describe
            // places, organisations or internal details, not what a service is
            return Err(ApiError::validation(vec![FieldError::new(
                "query.taxonomy_id",
                "error-unknown",
                format!("{taxonomy} is not a taxonomy services are filtered by (see /hsds/taxonomies; life phases, domains, target groups, transitions, prevention level, access, cost)"),
            )]));
        }
    }
    if let Some(term) = q.get("taxonomy_term_id").filter(|v| !v.is_empty()) {
        let found = TermKind::OF_OFFERS.iter().find_map(|kind| {
            let tax = profile::of_term_kind(*kind);
            cx.vocab.of(*kind).find(|t| profile::term_id(&cx.ids, &tax, &t.code) == *term).map(|t| (*kind, t.code.clone()))
        });
        match found {
            Some((TermKind::LifePhase, code)) => r.life_phase = Some(code),
            Some((TermKind::Domain, code)) => r.domain = Some(code),
            Some((TermKind::TargetGroup, code)) => r.target_group = Some(code),
            Some((TermKind::Transition, code)) => r.transition = Some(code),
            Some((TermKind::BodyKind | TermKind::AgreementKind, _)) | None => {
                let access =
                    kette_domain::vocab::Access::ALL.iter().find(|a| profile::term_id(&cx.ids, &profile::access(), a.as_str()) == *term);
                let cost = kette_domain::vocab::Cost::ALL.iter().find(|a| profile::term_id(&cx.ids, &profile::cost(), a.as_str()) == *term);
                match (access, cost) {
                    (Some(a), _) => r.access = Some(*a),
                    (_, Some(c)) => r.cost = Some(*c),
                    _ => {
                        return Err(ApiError::validation(vec![FieldError::new(
                            "query.taxonomy_term_id",
                            "error-unknown",
                            format!("{term} is not a filterable term of this directory (see /hsds/taxonomy_terms)"),
                        )]))
                    }
                }
            }
        }
    }
    if let Some(after) = q.get("modified_after").filter(|v| !v.is_empty()) {
        let ok = after.len() >= 10
            && after.as_bytes()[4] == b'-'
            && after.as_bytes()[7] == b'-'
            && after[..4].chars().all(|c| c.is_ascii_digit());
        if !ok {
            return Err(ApiError::validation(vec![FieldError::new(
                "query.modified_after",
                "error-date",
                format!("expected an RFC 3339 date or date-time, found '{after}'"),
            )]));
        }
        r.modified_after = Some(after.clone());
    }
    if let Some(postcode) = q.get("postcode").filter(|v| !v.is_empty()) {
        let place = s.store.known_place(cx.municipality, postcode).await?.ok_or_else(|| {
            ApiError::validation(vec![FieldError::new(
                "query.postcode",
                "error-place-unknown",
                format!("no place with postcode {postcode} in this directory"),
            )])
        })?;
        r.near = Some(Point { lat: place.lat, lon: place.lon });
        if let Some(p) = q.get("proximity").filter(|v| !v.is_empty()) {
            let m = p.parse::<f64>().ok().filter(|m| (1.0..=200_000.0).contains(m)).ok_or_else(|| {
                ApiError::validation(vec![FieldError::new(
                    "query.proximity",
                    "error-radius",
                    format!("expected metres from 1 to 200000, found '{p}'"),
                )])
            })?;
            r.radius_m = Some(m);
        }
        if r.text.trim().is_empty() {
            r.sort = Sort::Distance;
        }
    }
    let catalogue = s.finder.catalogue(&s.store, cx.municipality).await?;
    let mut ids = Vec::new();
    loop {
        let found = catalogue.search(&r).map_err(|e| ApiError::internal(e.to_string()))?;
        let n = found.hits.len();
        ids.extend(found.hits.iter().map(|h| h.doc.offer_id));
        if n < r.limit || ids.len() >= found.total {
            break;
        }
        r.offset += n;
    }
    Ok(ids)
}

/// A derived identifier's local id, or the record imported under that UUID.
async fn resolve(s: &AppState, cx: &Context, kind: &str, table: KeyTable, uuid: &str) -> Result<Option<i64>, ApiError> {
    if let Some(id) = cx.ids.local(kind, uuid) {
        return Ok(Some(id));
    }
    Ok(s.store.id_by_external_key(cx.municipality, table, &uuid.to_ascii_lowercase()).await?)
}

async fn services(State(s): State<AppState>, c: ApiCtx, Query(q): Q) -> Result<Response, ApiError> {
    let cx = context(&s, &c).await?;
    let (page, per_page) = paging(&q)?;
    let nd = ndjson(&q)?;
    let ids = matching_services(&s, &cx, &q).await?;
    let full = flag(&q, "full")? || nd;
    // `minimal` asks for less than the list gives; kette's list items are already the small
    // form, so it changes nothing, but a value that is no boolean is still named
    flag(&q, "minimal")?;
    let ex = cx.exporter();
    if nd {
        let mut items = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            for (o, org, locs) in records(&s.store, &cx, chunk).await? {
                items.push(ex.service(&o, &org, &locs, full));
            }
        }
        return Ok(ndjson_response(items));
    }
    let slice: Vec<OfferId> = ids.iter().skip((page - 1) * per_page).take(per_page).copied().collect();
    let contents = records(&s.store, &cx, &slice).await?.iter().map(|(o, org, locs)| ex.service(o, org, locs, full)).collect();
    Ok(Json(kette_hsds::page(contents, ids.len(), page, per_page)).into_response())
}

async fn one_service(
    s: &AppState,
    c: &ApiCtx,
    cx: &Context,
    uuid: &str,
) -> Result<(OfferRecord, OrganisationRecord, Vec<LocationRecord>), ApiError> {
    let id = resolve(s, cx, "service", KeyTable::Offer, uuid).await?.ok_or_else(|| ApiError::not_found(format!("no service {uuid}")))?;
    let (o, org, locs) = records(&s.store, cx, &[id]).await?.pop().ok_or_else(|| ApiError::not_found(format!("no service {uuid}")))?;
    if !cx.disclosure.sees_unpublished_offers_of(o.input.organisation_id)
        && !crate::offer_is_public(s.store.today(), &s.store.municipality(c.municipality).await?.review, &o.input, o.approval)
    {
        return Err(ApiError::not_found(format!("no service {uuid}")));
    }
    Ok((o, org, locs))
}

async fn service(State(s): State<AppState>, c: ApiCtx, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let cx = context(&s, &c).await?;
    let (o, org, locs) = one_service(&s, &c, &cx, &id).await?;
    Ok(Json(cx.exporter().service(&o, &org, &locs, true)))
}

async fn organizations(State(s): State<AppState>, c: ApiCtx, Query(q): Q) -> Result<Response, ApiError> {
    let cx = context(&s, &c).await?;
    let (page, per_page) = paging(&q)?;
    let nd = ndjson(&q)?;
    // organizations always come whole (their services by `full_service`); `full` is checked only
    flag(&q, "full")?;
    let full_service = flag(&q, "full_service")?;
    let search = q.get("search").map(String::as_str).filter(|v| !v.trim().is_empty());
    let (ids, total): (Vec<i64>, usize) = if nd {
        let all = all_organisation_ids(&s.store, cx.municipality, search).await?;
        let n = all.len();
        (all, n)
    } else {
        let r = s.store.list_organisations(cx.municipality, search, page as u32, per_page as u32).await?;
        (r.items.into_iter().map(|o| o.id).collect(), r.total as usize)
    };
    let mut contents = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        contents.extend(organisation_values(&s.store, &cx, chunk, full_service).await?);
    }
    if nd {
        return Ok(ndjson_response(contents));
    }
    Ok(Json(kette_hsds::page(contents, total, page, per_page)).into_response())
}

async fn organization(State(s): State<AppState>, c: ApiCtx, Path(id): Path<String>, Query(q): Q) -> Result<Json<Value>, ApiError> {
    let cx = context(&s, &c).await?;
    let local = resolve(&s, &cx, "organization", KeyTable::Organisation, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no organization {id}")))?;
    let full = q.get("full_service").is_none_or(|v| v != "false");
    organisation_values(&s.store, &cx, &[local], full)
        .await?
        .pop()
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no organization {id}")))
}

async fn service_at_locations(State(s): State<AppState>, c: ApiCtx, Query(q): Q) -> Result<Response, ApiError> {
    let cx = context(&s, &c).await?;
    let (page, per_page) = paging(&q)?;
    let nd = ndjson(&q)?;
    let matching: HashSet<OfferId> = matching_services(&s, &cx, &q).await?.into_iter().collect();
    let pairs: Vec<(OfferId, i64)> = s
        .store
        .offer_location_pairs(cx.municipality, &cx.disclosure.place_scope())
        .await?
        .into_iter()
        .filter(|(o, _)| matching.contains(o))
        .collect();
    let total = pairs.len();
    let chosen: Vec<(OfferId, i64)> = if nd { pairs } else { pairs.into_iter().skip((page - 1) * per_page).take(per_page).collect() };
    let full = flag(&q, "full")? || nd;
    let ex = cx.exporter();
    let mut contents = Vec::with_capacity(chosen.len());
    for chunk in chosen.chunks(500) {
        let offer_ids: Vec<OfferId> = chunk.iter().map(|(o, _)| *o).collect::<HashSet<_>>().into_iter().collect();
        let recs: HashMap<OfferId, _> = records(&s.store, &cx, &offer_ids).await?.into_iter().map(|r| (r.0.id, r)).collect();
        for (o, l) in chunk {
            if let Some((offer, org, locs)) = recs.get(o) {
                if let Some(loc) = locs.iter().find(|x| x.location.id == *l) {
                    contents.push(ex.service_at_location(offer, org, loc, full));
                }
            }
        }
    }
    if nd {
        return Ok(ndjson_response(contents));
    }
    Ok(Json(kette_hsds::page(contents, total, page, per_page)).into_response())
}

async fn service_at_location(State(s): State<AppState>, c: ApiCtx, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let cx = context(&s, &c).await?;
    let (offer, location) =
        cx.ids.service_at_location_parts(&id).ok_or_else(|| ApiError::not_found(format!("no service_at_location {id}")))?;
    let (o, org, locs) =
        records(&s.store, &cx, &[offer]).await?.pop().ok_or_else(|| ApiError::not_found(format!("no service_at_location {id}")))?;
    let loc = cx
        .exporter()
        .visible(&locs)
        .into_iter()
        .find(|l| l.location.id == location)
        .cloned()
        .ok_or_else(|| ApiError::not_found(format!("no service_at_location {id}")))?;
    if !cx.disclosure.sees_unpublished_offers_of(o.input.organisation_id)
        && !crate::offer_is_public(s.store.today(), &s.store.municipality(c.municipality).await?.review, &o.input, o.approval)
    {
        return Err(ApiError::not_found(format!("no service_at_location {id}")));
    }
    Ok(Json(cx.exporter().service_at_location(&o, &org, &loc, true)))
}

async fn taxonomies(State(s): State<AppState>, c: ApiCtx, Query(q): Q) -> Result<Response, ApiError> {
    let cx = context(&s, &c).await?;
    let (page, per_page) = paging(&q)?;
    let search = q.get("search").map(|v| v.to_lowercase()).unwrap_or_default();
    let all: Vec<Value> = profile::taxonomies()
        .iter()
        .filter(|t| search.is_empty() || t.name.to_lowercase().contains(&search) || t.code.contains(&search))
        .map(|t| profile::taxonomy_json(&cx.ids, t))
        .collect();
    listed(all, &q, page, per_page)
}

async fn taxonomy(State(s): State<AppState>, c: ApiCtx, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let cx = context(&s, &c).await?;
    profile::taxonomies()
        .iter()
        .find(|t| profile::taxonomy_id(&cx.ids, t) == id)
        .map(|t| Json(profile::taxonomy_json(&cx.ids, t)))
        .ok_or_else(|| ApiError::not_found(format!("no taxonomy {id}")))
}

async fn taxonomy_terms(State(s): State<AppState>, c: ApiCtx, Query(q): Q) -> Result<Response, ApiError> {
    let cx = context(&s, &c).await?;
    let (page, per_page) = paging(&q)?;
    let search = q.get("search").map(|v| v.to_lowercase()).unwrap_or_default();
    let taxonomy = q.get("taxonomy_id").filter(|v| !v.is_empty());
    let parent = q.get("parent_id").filter(|v| !v.is_empty());
    let top_only = flag(&q, "top_only")?;
    let all: Vec<Value> = profile::terms(&cx.ids, &cx.vocab)
        .into_iter()
        .filter(|t| taxonomy.is_none_or(|tx| t["taxonomy_id"] == *tx))
        .filter(|t| parent.is_none_or(|p| t["parent_id"] == *p))
        .filter(|t| !top_only || t.get("parent_id").is_none_or(Value::is_null))
        .filter(|t| {
            search.is_empty()
                || t["name"].as_str().unwrap_or("").to_lowercase().contains(&search)
                || t["code"].as_str().unwrap_or("").contains(&search)
        })
        .collect();
    listed(all, &q, page, per_page)
}

async fn taxonomy_term(State(s): State<AppState>, c: ApiCtx, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let cx = context(&s, &c).await?;
    profile::terms(&cx.ids, &cx.vocab)
        .into_iter()
        .find(|t| t["id"] == *id)
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no taxonomy term {id}")))
}
