//! The public contracts as snapshots: the OpenAPI document, the JSON API and the HSDS output
//! for the shared test world. A change of what clients receive shows as a diff of
//! `tests/snapshots/*.snap` in review; update them deliberately (`INSTA_UPDATE=always`).

use axum::body::Body;
use axum::http::{header, Request, StatusCode};

mod common;
use common::*;

async fn json(w: &World, url: &str, cookie: &str) -> serde_json::Value {
    let (status, body) = body_of(&w.app, Request::get(url).header(header::COOKIE, cookie).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{url}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{url}: {e}"))
}

#[tokio::test]
async fn the_openapi_document() {
    let w = world().await;
    insta::assert_json_snapshot!("openapi", json(&w, "/api/v1/openapi.json", "").await);
}

#[tokio::test]
async fn the_json_api_for_the_public_and_for_a_planner() {
    let w = world().await;
    let offer = &w.ids["offer"];
    let district = &w.ids["district"];
    for (name, url) in [
        ("api_offers", "/api/v1/offers".to_string()),
        ("api_offer", format!("/api/v1/offers/{offer}")),
        ("api_district", format!("/api/v1/districts/{district}")),
        ("api_locations", "/api/v1/locations".to_string()),
        ("api_organisations", "/api/v1/organisations".to_string()),
        ("api_indicators", "/api/v1/indicators".to_string()),
        ("api_observations", "/api/v1/observations".to_string()),
    ] {
        insta::assert_json_snapshot!(name, json(&w, &url, "").await);
    }
    let planner = sign_in(&w.app, "planer").await;
    insta::assert_json_snapshot!("api_observations_planner", json(&w, "/api/v1/observations", &planner).await);
}

#[tokio::test]
async fn the_hsds_output() {
    let w = world().await;
    insta::assert_json_snapshot!("hsds_services_full", json(&w, "/hsds/services?full=true", "").await);
    insta::assert_json_snapshot!("hsds_organizations", json(&w, "/hsds/organizations?full_service=true", "").await);
    insta::assert_json_snapshot!("hsds_taxonomies", json(&w, "/hsds/taxonomies", "").await);
    let navigator = sign_in(&w.app, "navi").await;
    insta::assert_json_snapshot!("hsds_service_navigator", json(&w, &format!("/hsds/services/{}", w.ids["service"]), &navigator).await);
}
