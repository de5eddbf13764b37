//! The one confidentiality rule over every route the router has and every role: small counts,
//! rates over small counts, a protected place, an internal note and a partner's unapproved
//! place must appear in no response body of a reader who may not see them. The routes come
//! from the router itself (`kette_web::route_paths`), so a new route fails this test until it
//! is given a URL here.

use std::collections::HashMap;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use tower::ServiceExt;

use kette_domain::vocab::{OfferStatus, OrganisationKind};
use kette_domain::{
    Direction, DistrictLevel, ImportBatch, IndicatorDef, LocationInput, NewDistrict, NewLocation, NewObservation, NewOffer,
};
use kette_domain::{NewOrganisation, OfferInput, Role};
use kette_store::{NewAccount, Store};

const PASSWORD: &str = "geheim-genug-1";

/// What must stay hidden, and from whom.
struct Secret {
    what: &'static str,
    markers: &'static [&'static str],
    /// the users (by name) who may see it
    seen_by: &'static [&'static str],
}

const SECRETS: &[Secret] = &[
    // 7.777 % over 2 of 40 and 66.666 % over 1 of 3: rates over small counts
    Secret {
        what: "rate over a small count",
        markers: &["7,78", "7.78", "7,777", "7.777", "66,67", "66.67", "66,666", "66.666"],
        seen_by: &["admin", "koord", "planer"],
    },
    Secret {
        what: "protected place",
        markers: &["Verborgene Gasse", "Frauenhaus Geheimort"],
        seen_by: &["admin", "koord", "navi", "partner_b"],
    },
    Secret { what: "internal note", markers: &["NOTIZ-INTERN-XYZ"], seen_by: &["admin", "koord", "navi", "partner_b"] },
    Secret { what: "unapproved place", markers: &["Pendelstraße", "Neuer Ort im Antrag"], seen_by: &["admin", "koord", "partner_a"] },
];

const USERS: &[(&str, Option<Role>, Option<&str>)] = &[
    ("", None, None),
    ("viewer", Some(Role::Viewer), None),
    ("navi", Some(Role::Navigator), None),
    ("planer", Some(Role::Planner), None),
    ("partner_a", Some(Role::PartnerEditor), Some("a")),
    ("partner_b", Some(Role::PartnerEditor), Some("b")),
    ("koord", Some(Role::Coordinator), None),
    ("admin", Some(Role::Admin), None),
];

struct World {
    _dir: tempfile::TempDir,
    app: Router,
    store: Store,
    m: i64,
    ids: HashMap<&'static str, String>,
}

fn square(x: f64) -> String {
    format!("{{\"type\":\"Polygon\",\"coordinates\":[[[{x},52.0],[{},52.0],[{},52.1],[{x},52.1],[{x},52.0]]]}}", x + 0.1, x + 0.1)
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let clock = kette_domain::Clock::fixed(time::macros::datetime!(2026-11-22 06:00 UTC));
    let store = Store::open_with_clock(dir.path().join("w.db").to_str().unwrap(), clock).await.unwrap();
    let m = store.create_municipality("teststadt", "Teststadt", "Daten: Test", true).await.unwrap().id;
    let d = |key: &str, name: &str, parent: Option<&str>, level, x| NewDistrict {
        key: key.into(),
        name: name.into(),
        level,
        parent_key: parent.map(Into::into),
        boundary_version: "v1".into(),
        geometry: Some(square(x)),
        area_m2: Some(1e6),
        bbox: Some([x, 52.0, x + 0.1, 52.1]),
    };
    let levels = vec![
        DistrictLevel { level: 1, code: "bezirk".into(), label_de: "Bezirk".into(), label_en: "Borough".into() },
        DistrictLevel { level: 2, code: "kiez".into(), label_de: "Kiez".into(), label_en: "Area".into() },
    ];
    store
        .import_districts(
            m,
            &levels,
            &[
                d("01", "Mitte", None, 1, 13.0),
                d("0101", "Kiez Eins", Some("01"), 2, 13.0),
                d("0102", "Kiez Zwei", Some("01"), 2, 13.1),
                d("0103", "Kiez Drei", Some("01"), 2, 13.2),
            ],
        )
        .await
        .unwrap();
    let indicator = |code: &str, unit: &str| IndicatorDef {
        code: code.into(),
        name_de: code.into(),
        name_en: code.into(),
        description: String::new(),
        unit: unit.into(),
        direction: Direction::HigherIsWorse,
        source: "Test".into(),
        licence: "CC0".into(),
        min_denominator: None,
        meta: Default::default(),
    };
    store.upsert_indicators(m, &[indicator("kinderarmut_test", "%"), indicator("kinder_anzahl_test", "Anzahl")]).await.unwrap();
    let obs = |code: &str, key: &str, value: f64, num: Option<f64>, den: Option<f64>| NewObservation {
        indicator_code: code.into(),
        district_key: key.into(),
        year: 2023,
        value: Some(value),
        numerator: num,
        denominator: den,
        source: "Test".into(),
    };
    store
        .import_observations(
            m,
            &[
                obs("kinderarmut_test", "0101", 7.777, Some(2.0), Some(40.0)),
                obs("kinderarmut_test", "0102", 25.0, Some(15.0), Some(60.0)),
                obs("kinderarmut_test", "0103", 66.666, Some(1.0), Some(3.0)),
                obs("kinder_anzahl_test", "0101", 2.0, None, None),
                obs("kinder_anzahl_test", "0102", 4711.0, None, None),
                obs("kinder_anzahl_test", "0103", 1.0, None, None),
            ],
        )
        .await
        .unwrap();
    let org = |key: &str, name: &str| NewOrganisation {
        external_key: key.into(),
        name: name.into(),
        kind: OrganisationKind::Other,
        website: String::new(),
        email: String::new(),
        phone: String::new(),
    };
    let place = |key: &str, org: &str, name: &str, street: &str, confidential: bool| {
        (
            org.to_string(),
            NewLocation {
                external_key: key.into(),
                name: name.into(),
                street: street.into(),
                postcode: "10115".into(),
                city: "Berlin".into(),
                lat: Some(52.05),
                lon: Some(13.05),
                district_key: Some("0101".into()),
                is_anchor_point: false,
                is_confidential: confidential,
            },
        )
    };
    let offer = |key: &str, org: &str, loc: &str, title: &str| {
        let mut input = OfferInput::blank(0);
        input.title = title.into();
        input.description = "Ein Angebot".into();
        input.life_phases = vec!["kita".into()];
        input.domains = vec!["youth_welfare".into()];
        input.status = OfferStatus::Active;
        NewOffer {
            external_key: key.into(),
            organisation_key: org.into(),
            location_keys: vec![loc.into()],
            input,
            is_fictional: true,
            origin: key.into(),
        }
    };
    let batch = ImportBatch {
        organisations: vec![org("a", "Träger A"), org("b", "Träger B")],
        locations: vec![
            place("la", "a", "Haus A", "Offene Straße 1", false),
            place("lb", "b", "Frauenhaus Geheimort", "Verborgene Gasse 9", true),
        ],
        offers: vec![offer("oa", "a", "la", "Krabbelgruppe A"), offer("ob", "b", "lb", "Schutz und Beratung B")],
        ..Default::default()
    };
    store.import_batch(m, &batch, |_| {}).await.unwrap();
    let org_a = store.organisation_by_key(m, "a").await.unwrap().unwrap();
    let org_b = store.organisation_by_key(m, "b").await.unwrap().unwrap();
    for (name, role, org) in USERS.iter().skip(1) {
        let organisation_id = match org {
            Some("a") => Some(org_a),
            Some(_) => Some(org_b),
            None => None,
        };
        store
            .create_account(NewAccount {
                municipality_id: m,
                username: name,
                display_name: name,
                password: PASSWORD,
                role: role.unwrap(),
                organisation_id,
                is_fictional: true,
            })
            .await
            .unwrap();
    }
    let offer_b =
        store.list_offers(m, &kette_store::OfferFilter { q: Some("Schutz".into()), ..Default::default() }, 1, 5).await.unwrap().items[0].id;
    store.set_internal_note(m, offer_b, "NOTIZ-INTERN-XYZ", None).await.unwrap();
    let protected = store.organisation_locations(m, org_b).await.unwrap()[0].id;
    // a partner of A proposes a new place: it waits for the coordinator
    let proposed = LocationInput {
        name: "Neuer Ort im Antrag".into(),
        street: "Pendelstraße 3".into(),
        postcode: "10115".into(),
        city: "Berlin".into(),
        lat: Some(52.06),
        lon: Some(13.06),
        district_id: store.district_by_key(m, "0101").await.unwrap(),
        is_anchor_point: false,
        is_confidential: false,
    };
    store.propose_new_place(m, org_a, &proposed, None).await.unwrap();
    let change = store.open_changes(m, None).await.unwrap()[0].id;
    let recipe = "id = \"test_index\"\nname = \"Test\"\n[[step]]\nkind = \"zscore\"\ninputs = [\"kinderarmut_test\"]\noutput = \"z\"\n";
    store.save_recipe(m, "test_index", "Test", recipe, None).await.unwrap();
    let district = |key: &'static str| {
        let store = store.clone();
        async move { store.district_by_key(m, key).await.unwrap().unwrap().to_string() }
    };
    let ids = HashMap::from([
        ("district", district("0101").await),
        ("district2", district("0102").await),
        ("district3", district("0103").await),
        ("organisation", org_b.to_string()),
        ("offer", offer_b.to_string()),
        ("location", protected.to_string()),
        ("change", change.to_string()),
        ("service", kette_hsds::Ids::new("teststadt").id("service", offer_b, None)),
        ("hsds_org", kette_hsds::Ids::new("teststadt").id("organization", org_b, None)),
        ("sal", kette_hsds::Ids::new("teststadt").service_at_location(offer_b, protected)),
    ]);
    let app = kette_web::router(kette_web::AppState::new(store.clone(), kette_web::WebConfig::default()));
    World { _dir: dir, app, store, m, ids }
}

/// The URLs a route is tried with (with its parameters filled in and the queries that make it
/// show the figures in question).
fn urls_for(path: &str, ids: &HashMap<&'static str, String>) -> Vec<String> {
    let id = |k: &str| ids[k].clone();
    let map = "indicator=kinderarmut_test&year=2023";
    let count_map = "indicator=kinder_anzahl_test&year=2023";
    let urls: Vec<String> = match path {
        "/districts/{id}" | "/districts/{id}/map.geojson" | "/api/v1/districts/{id}" => {
            vec![path.replace("{id}", &id("district")), path.replace("{id}", &id("district3"))]
        }
        "/districts/compare" => vec![format!("/districts/compare?a={}&b={}", id("district"), id("district3"))],
        "/organisations/{id}" | "/organisations/{id}/edit" | "/organisations/{id}/locations/new" | "/api/v1/organisations/{id}" => {
            vec![path.replace("{id}", &id("organisation"))]
        }
        "/offers/{id}"
        | "/offers/{id}/edit"
        | "/offers/{id}/texts"
        | "/search/{id}"
        | "/search/{id}/print"
        | "/search/{id}/referral"
        | "/api/v1/offers/{id}" => vec![path.replace("{id}", &id("offer"))],
        "/locations/{id}/edit" => vec![path.replace("{id}", &id("location"))],
        "/review/{id}" | "/review/{id}/approve" | "/review/{id}/reject" => vec![path.replace("{id}", &id("change"))],
        "/monitoring/map" | "/monitoring/map.geojson" => vec![format!("{path}?{map}"), format!("{path}?{count_map}")],
        "/monitoring/export" => {
            ["csv", "geojson"].iter().flat_map(|f| [format!("{path}?{map}&format={f}"), format!("{path}?{count_map}&format={f}")]).collect()
        }
        "/monitoring/recipes/{code}" => vec!["/monitoring/recipes/test_index".into()],
        "/monitoring/recipes/{code}/run" => vec!["/monitoring/recipes/test_index/run?year=2023".into()],
        "/monitoring/recipes/{code}/publish" => vec!["/monitoring/recipes/test_index/publish".into()],
        "/hsds/services/{id}" => vec![path.replace("{id}", &id("service"))],
        "/hsds/organizations/{id}" => {
            vec![path.replace("{id}", &id("hsds_org")), format!("{}?full_service=true", path.replace("{id}", &id("hsds_org")))]
        }
        "/hsds/service_at_locations/{id}" => vec![path.replace("{id}", &id("sal"))],
        "/hsds/taxonomies/{id}" | "/hsds/taxonomy_terms/{id}" => vec![path.replace("{id}", "x")],
        "/hsds/services" | "/hsds/organizations" | "/hsds/service_at_locations" => {
            vec![path.to_string(), format!("{path}?full=true"), format!("{path}?format=ndjson")]
        }
        "/api/v1/observations" => vec![format!("{path}?indicator=kinderarmut_test"), format!("{path}?indicator=kinder_anzahl_test")],
        "/api/v1/locations" | "/api/v1/offers" | "/search" => {
            vec![path.to_string(), format!("{path}?q=Schutz"), format!("{path}?q=Pendel")]
        }
        "/search/map.geojson" => vec![format!("{path}?q=Schutz")],
        "/static/{*path}" => vec!["/static/style.css".into()],
        p if p.contains('{') => panic!("route {p} has parameters this test does not know: give it URLs in urls_for"),
        p => vec![p.to_string()],
    };
    urls
}

async fn body_of(app: &Router, req: Request<Body>) -> (StatusCode, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn cookie_of(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap_or_default().to_string())
}

async fn sign_in(app: &Router, user: &str) -> String {
    let res = app.clone().oneshot(Request::get("/login").body(Body::empty()).unwrap()).await.unwrap();
    let anon = cookie_of(res.headers(), "kette_csrf").unwrap();
    let page = String::from_utf8_lossy(&axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap()).into_owned();
    let marker = "name=\"csrf\" value=\"";
    let start = page.find(marker).unwrap() + marker.len();
    let csrf = &page[start..start + page[start..].find('"').unwrap()];
    let res = app
        .clone()
        .oneshot(
            Request::post("/login")
                .header(header::COOKIE, &anon)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!("csrf={csrf}&next=%2F&username={user}&password={PASSWORD}")))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "sign-in of {user}");
    cookie_of(res.headers(), "kette_session").unwrap()
}

#[tokio::test]
async fn no_route_shows_any_role_what_the_role_may_not_see() {
    let w = world().await;
    let paths = kette_web::route_paths();
    assert!(paths.len() > 60, "the router lists its routes ({})", paths.len());
    let mut checked = 0;
    let mut leaks = vec![];
    let mut seen_at_all: HashMap<&str, usize> = HashMap::new();
    for (user, _, _) in USERS {
        let cookie = if user.is_empty() { String::new() } else { sign_in(&w.app, user).await };
        for path in &paths {
            if path == "/logout" {
                continue; // would end the session the loop goes on with
            }
            for url in urls_for(path, &w.ids) {
                for method in ["GET", "POST"] {
                    let req = Request::builder()
                        .method(method)
                        .uri(&url)
                        .header(header::COOKIE, &cookie)
                        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                        .body(Body::empty())
                        .unwrap();
                    let (status, body) = body_of(&w.app, req).await;
                    assert!(!status.is_server_error(), "{method} {url} as '{user}': {status}\n{body}");
                    checked += 1;
                    for s in SECRETS {
                        let allowed = s.seen_by.contains(user);
                        for marker in s.markers {
                            if body.contains(marker) {
                                *seen_at_all.entry(s.what).or_default() += 1;
                                if !allowed {
                                    leaks.push(format!("{method} {url} shows '{user}' the {} ({marker})", s.what));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(leaks.is_empty(), "{} leaks in {checked} responses:\n{}", leaks.len(), leaks.join("\n"));
    // the test can fail: each secret is shown somewhere to those who may see it
    for s in SECRETS {
        assert!(seen_at_all.get(s.what).copied().unwrap_or(0) > 0, "no reader ever saw the {}: the markers are wrong", s.what);
    }
    // the store still holds everything
    assert!(w.store.stats_generation(w.m).await.unwrap() > 0);
}

#[tokio::test]
async fn small_counts_are_withheld_in_every_structured_output_for_the_public() {
    let w = world().await;
    let api: serde_json::Value = serde_json::from_str(
        &body_of(&w.app, Request::get("/api/v1/observations?indicator=kinder_anzahl_test").body(Body::empty()).unwrap()).await.1,
    )
    .unwrap();
    let by_key: HashMap<String, (serde_json::Value, bool)> = api["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["district_key"].as_str().unwrap().to_string(), (o["value"].clone(), o["suppressed"].as_bool().unwrap())))
        .collect();
    assert_eq!(by_key["0101"], (serde_json::Value::Null, true), "a count of 2");
    assert_eq!(by_key["0103"], (serde_json::Value::Null, true), "a count of 1");
    assert_eq!(by_key["0102"], (serde_json::json!(4711.0), false));
    let csv =
        body_of(&w.app, Request::get("/monitoring/export?indicator=kinder_anzahl_test&year=2023&format=csv").body(Body::empty()).unwrap())
            .await
            .1;
    for line in csv.lines().filter(|l| l.starts_with("0101,") || l.starts_with("0103,")) {
        assert!(line.contains(",,,,true,"), "withheld in the CSV: {line}");
    }
    let map = body_of(&w.app, Request::get("/monitoring/map?indicator=kinder_anzahl_test&year=2023").body(Body::empty()).unwrap()).await.1;
    assert!(!map.contains("Kiez Eins: 2") && !map.contains("Kiez Drei: 1"), "map titles");
    assert!(map.contains("Kiez Zwei: 4711"), "the shown value is on the map");
    // the level mean on a district page leaves withheld values out: the public gets the mean of
    // the shown 25 % alone, a planner the mean of all three rates (33.15 %)
    let url = format!("/districts/{}", w.ids["district2"]);
    let page = body_of(&w.app, Request::get(&url).body(Body::empty()).unwrap()).await.1;
    assert!(!page.contains("33,1"), "no mean over withheld values");
    let planner = sign_in(&w.app, "planer").await;
    let raw_page = body_of(&w.app, Request::get(&url).header(header::COOKIE, &planner).body(Body::empty()).unwrap()).await.1;
    assert!(raw_page.contains("33,1"), "planners get the mean over all values");
    // a planner sees the raw count
    let raw: serde_json::Value = serde_json::from_str(
        &body_of(
            &w.app,
            Request::get("/api/v1/observations?indicator=kinder_anzahl_test").header(header::COOKIE, &planner).body(Body::empty()).unwrap(),
        )
        .await
        .1,
    )
    .unwrap();
    assert!(raw["items"].as_array().unwrap().iter().all(|o| !o["suppressed"].as_bool().unwrap()));
}
