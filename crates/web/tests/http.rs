//! HTTP tests against the router with a real temporary SQLite database.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use kette_domain::disclosure::Entitled;
use kette_domain::navigator::ContactDimension;
use tower::ServiceExt;

use kette_domain::vocab::{OfferStatus, OrganisationKind};
use kette_domain::{DistrictLevel, ImportBatch, NewDistrict, NewLocation, NewOffer, NewOrganisation, OfferInput, Role};
use kette_store::{NewAccount, Store};

struct Fixture {
    _dir: tempfile::TempDir,
    app: Router,
    store: Store,
    m: i64,
    own_offer: i64,
    other_offer: i64,
    paused_offer: i64,
}

fn offer(key: &str, org: &str, title: &str, status: OfferStatus) -> NewOffer {
    let mut input = OfferInput::blank(0);
    input.title = title.into();
    input.life_phases = vec!["early_childhood".into()];
    input.domains = vec!["youth_welfare".into()];
    input.status = status;
    NewOffer {
        external_key: key.into(),
        organisation_key: org.into(),
        location_keys: vec![format!("l-{org}")],
        input,
        is_fictional: false,
        origin: key.into(),
    }
}

async fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    // a clock fixed at the day these tests were written, so stated dates and written timestamps agree
    let clock = kette_domain::Clock::fixed(time::macros::datetime!(2026-11-22 06:00 UTC));
    let store = Store::open_with_clock(dir.path().join("web.db").to_str().unwrap(), clock).await.unwrap();
    let m = store.create_municipality("teststadt", "Teststadt", "Daten: Test", true).await.unwrap().id;
    let geometry = r#"{"type":"Polygon","coordinates":[[[13.0,52.0],[13.1,52.0],[13.1,52.1],[13.0,52.1],[13.0,52.0]]]}"#;
    let d = |key: &str, parent: Option<&str>, level| NewDistrict {
        key: key.into(),
        name: format!("Bezirk {key}"),
        level,
        parent_key: parent.map(Into::into),
        boundary_version: "v1".into(),
        outline: None,
        geometry: Some(geometry.into()),
        area_m2: Some(1e6),
        bbox: Some([13.0, 52.0, 13.1, 52.1]),
    };
    let levels = vec![DistrictLevel { level: 1, code: "bezirk".into(), label_de: "Bezirk".into(), label_en: "Borough".into() }];
    store.import_districts(m, &levels, &[d("01", None, 1), d("0101", Some("01"), 2)]).await.unwrap();
    let g = |min, max| kette_domain::AgeGroup { min_years: min, max_years: max };
    let pop = |group, count| kette_domain::PopulationCount { district_key: "0101".into(), year: 2020, age_group: group, count };
    store
        .import_population(m, &[pop(g(0, Some(6)), 2), pop(g(6, Some(15)), 40), pop(g(15, Some(18)), 9), pop(g(18, None), 500)])
        .await
        .unwrap();
    let def = kette_domain::IndicatorDef {
        code: "child_poverty".into(),
        name_de: "Kinderarmut".into(),
        name_en: "Child poverty".into(),
        description: "Anteil Kinder in SGB-II-Haushalten".into(),
        unit: "%".into(),
        direction: kette_domain::Direction::HigherIsWorse,
        source: "Test".into(),
        licence: "CC0".into(),
        min_denominator: None,
        meta: Default::default(),
    };
    store.upsert_indicators(m, &[def]).await.unwrap();
    let obs = |key: &str, year, value| kette_domain::NewObservation {
        indicator_code: "child_poverty".into(),
        district_key: key.into(),
        year,
        value: Some(value),
        numerator: None,
        denominator: None,
        source: "Test".into(),
    };
    let small = kette_domain::NewObservation {
        year: 2014,
        value: Some(5.0),
        numerator: Some(2.0),
        denominator: Some(40.0),
        ..obs("0101", 2014, 0.0)
    };
    let rate = kette_domain::NewObservation {
        year: 2012,
        value: Some(25.0),
        numerator: Some(12.0),
        denominator: Some(48.0),
        ..obs("0101", 2012, 0.0)
    };
    store.import_observations(m, &[obs("0101", 2018, 31.5), obs("0101", 2016, 35.0), small, rate]).await.unwrap();
    let org = |key: &str, name: &str| NewOrganisation {
        external_key: key.into(),
        name: name.into(),
        kind: OrganisationKind::Kita,
        website: String::new(),
        email: String::new(),
        phone: String::new(),
    };
    let loc = |org: &str| {
        (
            org.to_string(),
            NewLocation {
                external_key: format!("l-{org}"),
                name: format!("Haus {org}"),
                street: "Teststraße 1".into(),
                postcode: "10115".into(),
                city: "Berlin".into(),
                lat: Some(52.05),
                lon: Some(13.05),
                district_key: Some("0101".into()),
                is_anchor_point: true,
                is_confidential: false,
            },
        )
    };
    let batch = ImportBatch {
        organisations: vec![org("a", "Träger A"), org("b", "Träger B")],
        locations: vec![loc("a"), loc("b")],
        offers: vec![
            offer("o1", "a", "Krabbelgruppe Sonnenschein", OfferStatus::Active),
            offer("o2", "b", "Elterncafé Mond", OfferStatus::Active),
            offer("o3", "a", "Geheimer Entwurf", OfferStatus::Paused),
        ],
        ..Default::default()
    };
    store.import_batch(m, &batch, |_| {}).await.unwrap();
    let org_a = store.organisation_by_key(m, "a").await.unwrap();
    store
        .create_account(NewAccount {
            municipality_id: m,
            username: "partner",
            display_name: "Pat",
            password: "geheim-genug",
            role: Role::PartnerEditor,
            organisation_id: org_a,
            is_fictional: true,
        })
        .await
        .unwrap();
    store
        .create_account(NewAccount {
            municipality_id: m,
            username: "koord",
            display_name: "Kim",
            password: "geheim-genug",
            role: Role::Coordinator,
            organisation_id: None,
            is_fictional: true,
        })
        .await
        .unwrap();
    let id_of = |title: &'static str| {
        let store = store.clone();
        async move {
            let f = kette_store::OfferFilter { q: Some(title.into()), ..Default::default() };
            store.list_offers(m, &f, 1, 5).await.unwrap().items[0].id
        }
    };
    let (own_offer, other_offer, paused_offer) = (id_of("Krabbelgruppe").await, id_of("Elterncafé").await, id_of("Geheimer").await);
    let app = kette_web::router(kette_web::AppState::new(store.clone(), kette_web::WebConfig::default()));
    Fixture { _dir: dir, app, store, m, own_offer, other_offer, paused_offer }
}

struct Res {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(app: &Router, req: Request<Body>) -> Res {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = String::from_utf8_lossy(&axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap()).into_owned();
    Res { status, headers, body }
}

async fn get(app: &Router, uri: &str, cookie: &str) -> Res {
    send(app, Request::get(uri).header(header::COOKIE, cookie).body(Body::empty()).unwrap()).await
}

async fn post_form(app: &Router, uri: &str, cookie: &str, body: &str) -> Res {
    send(
        app,
        Request::post(uri)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
    .await
}

fn set_cookie(res: &Res, name: &str) -> Option<String> {
    res.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap().to_string())
}

fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body.find(&marker).unwrap_or_else(|| panic!("no hidden field {name}")) + marker.len();
    body[start..start + body[start..].find('"').unwrap()].to_string()
}

/// Signs in and returns (cookie header, csrf token).
async fn sign_in(app: &Router, user: &str, password: &str) -> (String, String) {
    let page = get(app, "/login", "").await;
    let anon = set_cookie(&page, "kette_csrf").expect("anonymous csrf cookie");
    let csrf = hidden(&page.body, "csrf");
    let res = post_form(app, "/login", &anon, &format!("csrf={csrf}&next=%2Foffers&username={user}&password={password}")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.headers[header::LOCATION], "/offers");
    let session = set_cookie(&res, "kette_session").expect("session cookie");
    let raw = res
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("kette_session="))
        .unwrap();
    assert!(raw.contains("HttpOnly") && raw.contains("SameSite=Lax"), "{raw}");
    let form = get(app, "/offers", &session).await;
    let csrf = hidden(&form.body, "csrf");
    (session, csrf)
}

#[tokio::test]
async fn start_page_shows_the_chain_matrix_in_german_and_english() {
    let f = fixture().await;
    let res = get(&f.app, "/", "").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("<html lang=\"de\""));
    assert!(res.body.contains("Die Kette auf einen Blick"));
    assert!(res.body.contains("href=\"/offers?life_phase=early_childhood&amp;domain=youth_welfare\""), "matrix cell links to the list");
    assert!(res.body.contains("Daten: Test"), "attribution in the footer");
    assert!(res.body.contains("Zugänge und Personen sind fiktiv"));
    assert!(res.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains("default-src 'self'"));
    let en = get(&f.app, "/?lang=en", "").await;
    assert!(en.body.contains("The chain at a glance"));
    assert_eq!(set_cookie(&en, "kette_lang").as_deref(), Some("kette_lang=en"));
    let remembered = get(&f.app, "/", "kette_lang=en").await;
    assert!(remembered.body.contains("<html lang=\"en\""));
    let by_header = send(&f.app, Request::get("/").header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9").body(Body::empty()).unwrap()).await;
    assert!(by_header.body.contains("<html lang=\"en\""));
}

#[tokio::test]
async fn public_pages_hide_inactive_offers_and_filter() {
    let f = fixture().await;
    let list = get(&f.app, "/offers", "").await;
    assert!(list.body.contains("Krabbelgruppe Sonnenschein") && list.body.contains("Elterncafé Mond"));
    assert!(!list.body.contains("Geheimer Entwurf"));
    assert!(list.body.contains("2 Angebote"));
    let res = get(&f.app, &format!("/offers/{}", f.paused_offer), "").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(res.body.contains("Diese Seite gibt es nicht"));
    let search = get(&f.app, "/search?q=sonnenschein&age=1,5", "").await;
    assert!(search.body.contains("1 Angebot") && search.body.contains("Krabbelgruppe"), "{}", search.body);
    let none = get(&f.app, "/search?age=12", "").await;
    assert!(none.body.contains("0 Angebote"));
    let bad = get(&f.app, "/search?age=zwei", "").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("0 bis 27 Jahren"));
    let district = f.store.district_by_key(f.m, "01").await.unwrap().unwrap();
    let page = get(&f.app, &format!("/districts/{district}"), "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<svg") && page.body.contains("offer-dot"), "server-side map");
    assert!(page.body.contains("Bezirk 0101"), "children listed");
    let map = get(&f.app, &format!("/districts/{district}/map.geojson"), "").await;
    assert!(map.body.contains("FeatureCollection") && map.body.contains("Haus a"));
    assert_eq!(get(&f.app, "/districts/999999", "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, "/healthz", "").await.status, StatusCode::OK);
    assert_eq!(get(&f.app, "/static/leaflet/leaflet.js", "").await.status, StatusCode::OK);
}

#[tokio::test]
async fn sign_in_needs_the_right_password_and_csrf_token() {
    let f = fixture().await;
    let page = get(&f.app, "/login", "").await;
    let anon = set_cookie(&page, "kette_csrf").unwrap();
    let csrf = hidden(&page.body, "csrf");
    let wrong = post_form(&f.app, "/login", &anon, &format!("csrf={csrf}&username=partner&password=falsch")).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("Benutzername oder Passwort ist falsch"));
    let forged = post_form(&f.app, "/login", &anon, "csrf=forged&username=partner&password=geheim-genug").await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let offsite =
        post_form(&f.app, "/login", &anon, &format!("csrf={csrf}&username=partner&password=geheim-genug&next=//evil.example")).await;
    assert_eq!(offsite.headers[header::LOCATION], "/", "no open redirect");
}

#[tokio::test]
async fn partner_editor_edits_own_offer_but_not_others() {
    let f = fixture().await;
    let (session, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let form = get(&f.app, &format!("/offers/{}/edit", f.own_offer), &session).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("value=\"Krabbelgruppe Sonnenschein\""));
    let body = format!(
        "csrf={csrf}&title=Krabbelgruppe+Regenbogen&life_phases=early_childhood&domains=youth_welfare&domains=health&languages=de%2C+tr&cost=free&access=open&prevention_level=universal&status=active"
    );
    let res = post_form(&f.app, &format!("/offers/{}/edit", f.own_offer), &session, &body).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.headers[header::LOCATION], format!("/offers/{}?proposed=1", f.own_offer));
    // the change waits for the coordinator; families keep seeing the approved version
    assert_eq!(f.store.offer(f.m, f.own_offer).await.unwrap().input.title, "Krabbelgruppe Sonnenschein");
    let page = get(&f.app, &format!("/offers/{}?proposed=1", f.own_offer), &session).await;
    assert!(
        page.body.contains("Ihre Änderung ist eingereicht") && page.body.contains("Eine Änderung an diesem Angebot wartet"),
        "{}",
        page.body
    );
    let again = get(&f.app, &format!("/offers/{}/edit", f.own_offer), &session).await;
    assert!(
        again.body.contains("value=\"Krabbelgruppe Regenbogen\"") && again.body.contains("wartet auf Freigabe"),
        "editing again starts from the proposal"
    );
    let open = f.store.open_changes(f.m, None).await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(get(&f.app, &format!("/review/{}/approve", open[0].id), &session).await.status, StatusCode::METHOD_NOT_ALLOWED);
    let res = post_form(&f.app, &format!("/review/{}/approve", open[0].id), &session, &format!("csrf={csrf}")).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "partners do not approve their own changes");
    // the coordinator sees what changed and lets it out
    let (coord, coord_csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let queue = get(&f.app, "/review", &coord).await;
    assert!(queue.body.contains("Krabbelgruppe Regenbogen") && queue.body.contains("Änderung"), "{}", queue.body);
    let diff = get(&f.app, &format!("/review/{}", open[0].id), &coord).await;
    assert!(
        diff.body.contains("<del>Krabbelgruppe Sonnenschein</del>") && diff.body.contains("<ins>Krabbelgruppe Regenbogen</ins>"),
        "{}",
        diff.body
    );
    assert!(!diff.body.contains(">Kosten<"), "unchanged fields are not listed: {}", diff.body);
    let res = post_form(&f.app, &format!("/review/{}/approve", open[0].id), &coord, &format!("csrf={coord_csrf}")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let offer = f.store.offer(f.m, f.own_offer).await.unwrap();
    assert_eq!(offer.input.title, "Krabbelgruppe Regenbogen");
    assert_eq!(offer.input.languages, vec!["de", "tr"]);
    assert_eq!(offer.input.domains, vec!["health", "youth_welfare"]);
    let again = post_form(&f.app, &format!("/review/{}/approve", open[0].id), &coord, &format!("csrf={coord_csrf}")).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "decided once: {}", again.body);
    // another organisation's offer: refused, unchanged
    assert_eq!(get(&f.app, &format!("/offers/{}/edit", f.other_offer), &session).await.status, StatusCode::FORBIDDEN);
    let res = post_form(&f.app, &format!("/offers/{}/edit", f.other_offer), &session, &body).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(f.store.offer(f.m, f.other_offer).await.unwrap().input.title, "Elterncafé Mond");
    // without the CSRF token: refused
    let res = post_form(&f.app, &format!("/offers/{}/edit", f.own_offer), &session, &body.replace(&csrf, "x")).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // signed out: sent to the login page
    let res = get(&f.app, &format!("/offers/{}/edit", f.own_offer), "").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.headers[header::LOCATION].to_str().unwrap().starts_with("/login?next="));
    // partner sees its paused offer
    assert_eq!(get(&f.app, &format!("/offers/{}", f.paused_offer), &session).await.status, StatusCode::OK);
}

#[tokio::test]
async fn form_errors_are_shown_next_to_the_field_and_nothing_is_saved() {
    let f = fixture().await;
    let (session, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let body = format!(
        "csrf={csrf}&title=&life_phases=early_childhood&capacity=viele&cost=free&access=open&prevention_level=universal&status=active"
    );
    let res = post_form(&f.app, &format!("/offers/{}/edit", f.own_offer), &session, &body).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"capacity-error\">Bitte eine ganze Zahl angeben."), "{}", res.body);
    assert!(res.body.contains("value=\"viele\""), "the user's input is kept");
    let body = format!("csrf={csrf}&title=&life_phases=early_childhood&cost=free&access=open&prevention_level=universal&status=active");
    let res = post_form(&f.app, &format!("/offers/{}/edit", f.own_offer), &session, &body).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"title-error\">Bitte ausfüllen."));
    assert!(res.body.contains("aria-invalid=\"true\" aria-describedby=\"title-error\""));
    assert!(res.body.contains("href=\"#domains\""), "summary links to the field");
    assert_eq!(f.store.offer(f.m, f.own_offer).await.unwrap().input.title, "Krabbelgruppe Sonnenschein");
    // creating a new offer for the own organisation works
    let body = format!("csrf={csrf}&title=Neues+Familienfrühstück&life_phases=kita&domains=participation&cost=free&access=open&prevention_level=universal&status=active");
    let res = post_form(&f.app, "/offers/new", &session, &body).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}

#[tokio::test]
async fn api_lists_offers_and_reports_problems() {
    let f = fixture().await;
    let res = get(&f.app, "/api/v1/offers?per_page=1", "").await;
    assert_eq!(res.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["total"], 2);
    assert_eq!(v["page"], 1);
    assert_eq!(v["per_page"], 1);
    assert_eq!(v["items"].as_array().unwrap().len(), 1);
    let res = get(&f.app, "/api/v1/offers?age=abc&cost=gratis&per_page=1000", "").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.headers[header::CONTENT_TYPE], "application/problem+json");
    let p: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(p["status"], 422);
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["query.age", "query.cost", "query.per_page"], "every problem at once");
    let res = get(&f.app, "/api/v1/offers?age=1&cost=gratis", "").await;
    let p: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(p["errors"][0]["field"], "query.cost");
    let res = get(&f.app, &format!("/api/v1/offers/{}", f.paused_offer), "").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = get(&f.app, "/api/v1/districts?level=1", "").await;
    let v: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["total"], 1);
    let id = v["items"][0]["id"].as_i64().unwrap();
    let d: serde_json::Value = serde_json::from_str(&get(&f.app, &format!("/api/v1/districts/{id}"), "").await.body).unwrap();
    assert_eq!(d["geometry"]["type"], "Polygon");
    for path in ["/api/v1/organisations", "/api/v1/locations", "/api/v1/indicators", "/api/v1/observations"] {
        let v: serde_json::Value = serde_json::from_str(&get(&f.app, path, "").await.body).unwrap();
        assert!(v["items"].is_array() && v["total"].is_i64(), "{path}: {v}");
    }
    let doc: serde_json::Value = serde_json::from_str(&get(&f.app, "/api/v1/openapi.json", "").await.body).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for p in ["/api/v1/offers", "/api/v1/offers/{id}", "/api/v1/districts", "/api/v1/observations"] {
        assert!(doc["paths"][p].is_object(), "openapi lacks {p}");
    }
    assert!(doc["components"]["schemas"]["Problem"].is_object());
}

#[tokio::test]
async fn api_writes_need_session_and_csrf_header_and_validate() {
    let f = fixture().await;
    let json = |body: &str, cookie: &str, csrf: &str, method: &str, uri: &str| json_request(method, uri, cookie, csrf, body);
    let good = r#"{"title":"API-Angebot","life_phases":["kita"],"domains":["education"],"cost":"free"}"#;
    let res = send(&f.app, json(good, "", "", "POST", "/api/v1/offers")).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    let (session, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let res = send(&f.app, json(good, &session, "wrong", "POST", "/api/v1/offers")).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    let res = send(&f.app, json(good, &session, &csrf, "POST", "/api/v1/offers")).await;
    assert_eq!(res.status, StatusCode::ACCEPTED, "a partner's offer waits for approval: {}", res.body);
    let created: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(created["title"], "API-Angebot");
    assert_eq!(created["approval"], "pending");
    let res = get(&f.app, &format!("/api/v1/offers/{}", created["id"]), "").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "not public before approval");
    let res = send(&f.app, json(r#"{"title": "", "domains": [], "cost": "gratis"}"#, &session, &csrf, "POST", "/api/v1/offers")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("\"field\":\"cost\""), "{}", res.body);
    let res = send(&f.app, json(r#"{"title": "", "domains": []}"#, &session, &csrf, "POST", "/api/v1/offers")).await;
    let p: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"title") && fields.contains(&"domains"), "{fields:?}");
    let res = send(&f.app, json("{not json", &session, &csrf, "POST", "/api/v1/offers")).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("line 1, column"), "{}", res.body);
    let res = send(
        &f.app,
        json(r#"{"title":"x","domains":["education"],"life_phases":["kita"],"colour":"red"}"#, &session, &csrf, "POST", "/api/v1/offers"),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("colour"));
    let res = send(&f.app, json(good, &session, &csrf, "PUT", &format!("/api/v1/offers/{}", f.other_offer))).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = send(&f.app, json(good, &session, &csrf, "PUT", &format!("/api/v1/offers/{}", f.own_offer))).await;
    assert_eq!(res.status, StatusCode::ACCEPTED, "{}", res.body);
    assert_eq!(json_of(&res)["title"], "Krabbelgruppe Sonnenschein", "the answer is the still-public version");
    // coordinators' edits take effect at once
    let (coord, coord_csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let res = send(&f.app, json(good, &coord, &coord_csrf, "PUT", &format!("/api/v1/offers/{}", f.own_offer))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(json_of(&res)["title"], "API-Angebot");
}

#[tokio::test]
async fn partners_keep_their_locations_and_contacts_coordinators_the_vocabulary() {
    let f = fixture().await;
    let org_a = f.store.organisation_by_key(f.m, "a").await.unwrap().unwrap();
    let org_b = f.store.organisation_by_key(f.m, "b").await.unwrap().unwrap();
    let (session, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    // a new location: the district comes from the coordinates
    let res = post_form(
        &f.app,
        &format!("/organisations/{org_a}/locations/new"),
        &session,
        &format!("csrf={csrf}&name=Zweigstelle&street=Nebenweg+2&postcode=10115&city=Berlin&lat=52%2C05&lon=13.05&is_confidential=on"),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let locs = f.store.organisation_locations(f.m, org_a).await.unwrap();
    let new = locs.iter().find(|l| l.name == "Zweigstelle").unwrap();
    assert_eq!(new.district_id, f.store.district_by_key(f.m, "0101").await.unwrap(), "finest district by point-in-polygon");
    assert!(new.is_confidential);
    // the confidential address is not public
    let public = get(&f.app, &format!("/organisations/{org_a}"), "").await;
    assert!(!public.body.contains("Zweigstelle"));
    assert!(get(&f.app, &format!("/organisations/{org_a}"), &session).await.body.contains("Zweigstelle"));
    // bad coordinates: named next to the field, nothing saved
    let res = post_form(
        &f.app,
        &format!("/locations/{}/edit", new.id),
        &session,
        &format!("csrf={csrf}&name=Zweigstelle&lat=52.05&lon=&postcode=123"),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"lon-error\"") && res.body.contains("id=\"postcode-error\""), "{}", res.body);
    // another organisation's locations and details: refused
    let other_loc = f.store.organisation_locations(f.m, org_b).await.unwrap()[0].id;
    assert_eq!(get(&f.app, &format!("/locations/{other_loc}/edit"), &session).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        post_form(&f.app, &format!("/organisations/{org_b}/locations/new"), &session, &format!("csrf={csrf}&name=X")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post_form(&f.app, &format!("/organisations/{org_b}/edit"), &session, &format!("csrf={csrf}&website=https://x.example"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // own details and contact persons
    let res = post_form(&f.app, &format!("/organisations/{org_a}/edit"), &session, &format!("csrf={csrf}&website=https://a.example&contact_0_name=Frau+Yilmaz&contact_0_role=Leitung&contact_0_email=yilmaz%40a.example&contact_1_name=")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.headers[header::LOCATION], format!("/organisations/{org_a}?proposed=1"));
    assert!(f.store.organisation(f.m, org_a).await.unwrap().contacts.is_empty(), "waits for the coordinator");
    let form = get(&f.app, &format!("/organisations/{org_a}/edit"), &session).await;
    assert!(form.body.contains("warten auf Freigabe") && form.body.contains("Frau Yilmaz"), "{}", form.body);
    let res = post_form(&f.app, &format!("/organisations/{org_a}/edit"), &session, &format!("csrf={csrf}&contact_0_email=kaputt")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "checked before it is proposed");
    let (koord, kcsrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let change = f.store.open_changes(f.m, None).await.unwrap().pop().unwrap();
    let diff = get(&f.app, &format!("/review/{}", change.id), &koord).await;
    assert!(
        diff.body.contains("Angaben zum Träger") && diff.body.contains("<ins>Frau Yilmaz, Leitung, yilmaz@a.example</ins>"),
        "{}",
        diff.body
    );
    let res = post_form(&f.app, &format!("/review/{}/approve", change.id), &koord, &format!("csrf={kcsrf}")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let org = f.store.organisation(f.m, org_a).await.unwrap();
    assert_eq!(org.contacts.len(), 1);
    assert_eq!(org.contacts[0].name, "Frau Yilmaz");
    assert_eq!(org.website, "https://a.example");
    // the vocabulary is coordination work
    assert_eq!(get(&f.app, "/vocabulary", &session).await.status, StatusCode::FORBIDDEN);
    let page = get(&f.app, "/vocabulary", &koord).await;
    assert_eq!(page.status, StatusCode::OK);
    let res = post_form(
        &f.app,
        "/vocabulary",
        &koord,
        &format!("csrf={kcsrf}&kind=domain&code=health&label_de=Gesundheit+und+Ern%C3%A4hrung&label_en=Health&sort=1"),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = post_form(
        &f.app,
        "/vocabulary",
        &koord,
        &format!("csrf={kcsrf}&kind=target_group&action=add&code=grandparents&label_de=Gro%C3%9Feltern&label_en=Grandparents"),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res =
        post_form(&f.app, "/vocabulary", &koord, &format!("csrf={kcsrf}&kind=target_group&action=add&code=Gro%C3%9F&label_de=x")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let home = get(&f.app, "/", "").await;
    assert!(home.body.contains("Gesundheit und Ernährung"), "renamed label shows in the matrix");
    assert!(get(&f.app, "/offers", &koord).await.body.contains("Großeltern"), "new target group is a filter option");
}

#[tokio::test]
async fn small_population_counts_are_suppressed_in_public_but_not_for_planners() {
    let f = fixture().await;
    let area = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let page = get(&f.app, &format!("/districts/{area}"), "").await;
    let population = &page.body[page.body.find("pop-heading").unwrap()..page.body.find("ind-heading").unwrap()];
    assert_eq!(population.matches(">•</abbr></td>").count(), 2, "primary and secondary suppression look the same");
    assert!(!page.body.contains("<td class=\"num\">9</td>"), "secondary suppression of the smallest sibling");
    assert!(page.body.contains("<td class=\"num\">551</td>"), "the total stays");
    assert!(page.body.contains("zum Schutz von Familien ausgeblendet"));
    let api: serde_json::Value = serde_json::from_str(&get(&f.app, &format!("/api/v1/districts/{area}"), "").await.body).unwrap();
    let counts: Vec<&serde_json::Value> = api["population"].as_array().unwrap().iter().map(|p| &p["count"]).collect();
    assert_eq!(counts.iter().filter(|c| c.is_null()).count(), 2, "{api}");
    assert_eq!(api["population"][0]["suppressed"], true);
    let (koord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let page = get(&f.app, &format!("/districts/{area}"), &koord).await;
    assert!(page.body.contains("<td class=\"num\">2</td>") && page.body.contains("<td class=\"num\">9</td>"), "planners see raw values");
    let (partner, _) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert!(get(&f.app, &format!("/districts/{area}"), &partner).await.body.contains(">•</abbr>"), "partners see suppressed values");
}

#[tokio::test]
async fn a_municipality_may_suppress_more_and_round_what_it_shows() {
    let f = fixture().await;
    let (partner, pcsrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(get(&f.app, "/monitoring/confidentiality", &partner).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        post_form(&f.app, "/monitoring/confidentiality", &partner, &format!("csrf={pcsrf}&min_count=1")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(get(&f.app, "/monitoring/confidentiality", "").await.status, StatusCode::UNAUTHORIZED);
    let (planner, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let bad = post_form(&f.app, "/monitoring/confidentiality", &planner, &format!("csrf={csrf}&min_count=0&round_to=1")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("ganze Zahl von 1 bis 100") && bad.body.contains("aria-invalid"), "{}", bad.body);
    let res = post_form(&f.app, "/monitoring/confidentiality", &planner, &format!("csrf={csrf}&min_count=10&round_to=5")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(get(&f.app, "/monitoring/confidentiality", &planner).await.body.contains("value=\"10\""));
    let area = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    // 2, 40, 9, 500 (total 551): with a minimum of 10 both 2 and 9 go, the rest is rounded to 5
    let api = json_of(&get(&f.app, &format!("/api/v1/districts/{area}"), "").await);
    let counts: Vec<serde_json::Value> = api["population"].as_array().unwrap().iter().map(|p| p["count"].clone()).collect();
    assert_eq!(counts, vec![serde_json::Value::Null, serde_json::json!(40), serde_json::Value::Null, serde_json::json!(500)], "{api}");
    let page = get(&f.app, &format!("/districts/{area}"), "").await;
    assert!(
        page.body.contains("<td class=\"num\">550</td>") && !page.body.contains("<td class=\"num\">551</td>"),
        "the total is rounded too"
    );
    let (koord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    assert!(
        get(&f.app, &format!("/districts/{area}"), &koord).await.body.contains("<td class=\"num\">551</td>"),
        "planners see raw values"
    );
    // counts in exports and the API are rounded too (12 of 48 → 10 of 50); the rate stays
    let csv = get(&f.app, "/monitoring/export?indicator=child_poverty&year=2012&format=csv", "").await;
    assert_eq!(csv.body.lines().nth(1).unwrap(), "0101,child_poverty,2012,25,10,50,false,\"Test\",", "{}", csv.body);
    let gj: serde_json::Value =
        serde_json::from_str(&get(&f.app, "/monitoring/export?indicator=child_poverty&year=2012&format=geojson", "").await.body).unwrap();
    assert_eq!(
        (gj["features"][0]["properties"]["numerator"].clone(), gj["features"][0]["properties"]["denominator"].clone()),
        (serde_json::json!(10.0), serde_json::json!(50.0))
    );
    let api = json_of(&get(&f.app, "/api/v1/observations?indicator=child_poverty&year=2012", "").await);
    assert_eq!(
        (api["items"][0]["numerator"].clone(), api["items"][0]["denominator"].clone()),
        (serde_json::json!(10.0), serde_json::json!(50.0))
    );
    let api = json_of(&get(&f.app, "/api/v1/observations?indicator=child_poverty&year=2012", &koord).await);
    assert_eq!(api["items"][0]["numerator"], 12.0, "planners see raw counts");
    let raw = get(&f.app, "/monitoring/export?indicator=child_poverty&year=2012&format=csv", &koord).await;
    assert!(raw.body.contains(",25,12,48,false,"), "{}", raw.body);
    let bad = kette_domain::privacy::Confidentiality { min_count: 0, round_to: None };
    assert!(f.store.set_confidentiality(f.m, &bad, None).await.is_err());
}

#[tokio::test]
async fn monitoring_catalogue_and_choropleth_map() {
    let f = fixture().await;
    let cat = get(&f.app, "/monitoring", "").await;
    assert_eq!(cat.status, StatusCode::OK);
    assert!(
        cat.body.contains("Kinderarmut") && cat.body.contains("2018, 2016") && cat.body.contains("höher = ungünstiger"),
        "{}",
        cat.body
    );
    let map = get(&f.app, "/monitoring/map?indicator=child_poverty", "").await;
    assert_eq!(map.status, StatusCode::OK);
    assert!(map.body.contains("<h1>Kinderarmut 2018</h1>"), "latest year by default");
    assert!(map.body.contains("class=\"choropleth\"") && map.body.contains("<title>Bezirk 0101: 31,5</title>"), "{}", map.body);
    assert!(map.body.contains("<td class=\"num\">31,50</td>"), "ranking table");
    let older = get(&f.app, "/monitoring/map?indicator=child_poverty&year=2016&lang=en", "").await;
    assert!(older.body.contains("35.00"));
    assert_eq!(get(&f.app, "/monitoring/map?indicator=unknown", "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, "/monitoring/map?indicator=child_poverty&year=1999", "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, "/monitoring/map?indicator=child_poverty&year=zwei", "").await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn district_profile_compares_with_the_level_and_shows_trend_and_intervals() {
    let f = fixture().await;
    let area = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let page = get(&f.app, &format!("/districts/{area}"), "").await;
    let row_start = page.body.find("id=\"indicator-child_poverty\"").expect("indicator row");
    let row = &page.body[row_start..row_start + page.body[row_start..].find("</tr>").unwrap()];
    // 2012: 12 of 48 → 25 % with Wilson 95 % interval 14.9–38.8 %
    assert!(row.contains("25,0<br><span class=\"ci\">14,9–38,8</span>"), "{row}");
    // 2014: 2 of 40 is a small count: withheld in public
    assert!(row.contains("<abbr title=\"ausgeblendet (Geheimhaltung)\">•</abbr>"), "{row}");
    assert!(!row.contains(">5,0"), "{row}");
    // the level mean of the latest year, and the trend over the shown values
    assert!(row.ends_with("<td class=\"num\">31,5</td><td class=\"num\">+1,29</td>"), "{row}");
    let (koord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let page = get(&f.app, &format!("/districts/{area}"), &koord).await;
    assert!(page.body.contains(">5,0<br><span class=\"ci\">"), "planners see the small rate with its interval");
}

#[tokio::test]
async fn the_api_withholds_rates_over_small_counts_in_public() {
    let f = fixture().await;
    let v: serde_json::Value =
        serde_json::from_str(&get(&f.app, "/api/v1/observations?indicator=child_poverty&year=2014", "").await.body).unwrap();
    assert_eq!(v["items"][0]["suppressed"], true);
    assert!(v["items"][0]["value"].is_null() && v["items"][0]["numerator"].is_null(), "{v}");
    let v: serde_json::Value =
        serde_json::from_str(&get(&f.app, "/api/v1/observations?indicator=child_poverty&year=2012", "").await.body).unwrap();
    assert_eq!(v["items"][0]["suppressed"], false);
    assert_eq!(v["items"][0]["numerator"], 12.0);
    let (koord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let v: serde_json::Value =
        serde_json::from_str(&get(&f.app, "/api/v1/observations?indicator=child_poverty&year=2014", &koord).await.body).unwrap();
    assert_eq!(v["items"][0]["numerator"], 2.0, "planners see raw values");
}

#[tokio::test]
async fn indicator_exports_as_csv_and_geojson_with_suppression() {
    let f = fixture().await;
    let csv = get(&f.app, "/monitoring/export?indicator=child_poverty&year=2014&format=csv", "").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers[header::CONTENT_DISPOSITION].to_str().unwrap().contains("child_poverty-2014.csv"));
    assert_eq!(csv.body.lines().nth(1).unwrap(), "0101,child_poverty,2014,,,,true,\"Test\",");
    let gj: serde_json::Value =
        serde_json::from_str(&get(&f.app, "/monitoring/export?indicator=child_poverty&year=2012&format=geojson", "").await.body).unwrap();
    assert_eq!(gj["features"][0]["geometry"]["type"], "Polygon");
    assert_eq!(gj["features"][0]["properties"]["value"], 25.0);
    assert_eq!(gj["features"][0]["properties"]["name"], "Bezirk 0101");
    assert_eq!(get(&f.app, "/monitoring/export?indicator=child_poverty&year=2012&format=xls", "").await.status, StatusCode::BAD_REQUEST);
    // GeoPackage: a SQLite file with the GPKG application id and a MULTIPOLYGON feature table
    let res = f
        .app
        .clone()
        .oneshot(Request::get("/monitoring/export?indicator=child_poverty&year=2012&format=gpkg").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.headers()[header::CONTENT_TYPE], "application/geopackage+sqlite3");
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
    assert!(bytes.starts_with(b"SQLite format 3\0"));
    assert_eq!(&bytes[68..72], &0x4750_4B47u32.to_be_bytes(), "application id GPKG");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.gpkg");
    std::fs::write(&path, &bytes).unwrap();
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    let (kind, srs): (String, i64) =
        sqlx::query_as("SELECT geometry_type_name, srs_id FROM gpkg_geometry_columns").fetch_one(&pool).await.unwrap();
    assert_eq!((kind.as_str(), srs), ("MULTIPOLYGON", 4326));
    let (value, geom): (f64, Vec<u8>) = sqlx::query_as("SELECT value, geom FROM child_poverty_2012").fetch_one(&pool).await.unwrap();
    assert_eq!(value, 25.0);
    assert_eq!(&geom[..4], b"GP\0\x03");
    assert_eq!(get(&f.app, "/monitoring/export?indicator=nope&year=2012", "").await.status, StatusCode::NOT_FOUND);
    let (koord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let raw = get(&f.app, "/monitoring/export?indicator=child_poverty&year=2014&format=csv", &koord).await;
    assert_eq!(raw.body.lines().nth(1).unwrap(), "0101,child_poverty,2014,5,2,40,false,\"Test\",");
}

#[tokio::test]
async fn planners_keep_versioned_recipes_and_run_them_on_stored_values() {
    let f = fixture().await;
    let recipe = "id = \"kinderarmut_z\"\nname = \"Kinderarmut standardisiert\"\n[[step]]\nkind = \"zscore\"\ninputs = [\"child_poverty\"]\noutput = \"z\"\n";
    let body =
        |csrf: &str, toml: &str| format!("csrf={csrf}&toml={}", form_urlencoded::byte_serialize(toml.as_bytes()).collect::<String>());
    let (partner, pcsrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(post_form(&f.app, "/monitoring/recipes", &partner, &body(&pcsrf, recipe)).await.status, StatusCode::FORBIDDEN);
    let (koord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let bad = post_form(
        &f.app,
        "/monitoring/recipes",
        &koord,
        &body(&csrf, "id = \"x\"\nname = \"x\"\n[[step]]\nkind = \"zscore\"\nsd = \"weird\"\ninputs = [\"a\"]\n"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"toml-error\">recipe recipe: line 5:"), "the line of the bad value: {}", bad.body);
    for expected in [1, 2] {
        let res = post_form(&f.app, "/monitoring/recipes", &koord, &body(&csrf, recipe)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let page = get(&f.app, "/monitoring/recipes/kinderarmut_z", "").await;
        assert!(page.body.contains(&format!("Version {expected}")), "version {expected}");
    }
    let list = get(&f.app, "/monitoring/recipes", "").await;
    assert!(list.body.contains("Kinderarmut standardisiert") && !list.body.contains("<textarea"), "public sees recipes, cannot edit");
    let page = get(&f.app, "/monitoring/recipes/kinderarmut_z", "").await;
    assert!(page.body.contains("<option value=\"2018\">"), "years with data offered");
    // one district has values: no variance, so the engine explains why it cannot standardise
    let run = get(&f.app, "/monitoring/recipes/kinderarmut_z/run?year=2018", "").await;
    assert_eq!(run.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(run.body.contains("has no variance"), "{}", run.body);
    assert_eq!(get(&f.app, "/monitoring/recipes/nope", "").await.status, StatusCode::NOT_FOUND);

    // a recipe over years (a dynamics component: change over two years) runs on every stored
    // year up to the one asked for, as `kette index run` does on a file
    let dynamics = "id = \"armut_dyn\"\nname = \"Veränderung\"\ngroup_by = \"year\"\n[[step]]\nkind = \"change\"\ninput = \"child_poverty\"\noutput = \"d2\"\nyears = 2\n";
    assert_eq!(post_form(&f.app, "/monitoring/recipes", &koord, &body(&csrf, dynamics)).await.status, StatusCode::SEE_OTHER);
    let run = get(&f.app, "/monitoring/recipes/armut_dyn/run?year=2018", "").await;
    assert_eq!(run.status, StatusCode::OK, "{}", run.body);
    assert!(run.body.contains("-3,500"), "31.5 in 2018 minus 35 in 2016: {}", run.body);
    assert!(
        run.body.contains("Hinweise zur Berechnung") && run.body.contains("Zeilen haben keinen Wert in d2"),
        "the years without one two years earlier are noted: {}",
        run.body
    );
    assert!(!run.body.contains("2016</td>"), "only the year asked for is listed");
    let csv = get(&f.app, "/monitoring/recipes/armut_dyn/run?year=2018&format=csv", "").await;
    assert_eq!(csv.body.lines().count(), 5, "a header and every stored year up to 2018: {}", csv.body);
    assert!(csv.body.lines().any(|l| l.starts_with("0101,2018,") && l.ends_with("-3.5")), "{}", csv.body);
    // without a year: the newest year with values, not an error
    let newest = get(&f.app, "/monitoring/recipes/armut_dyn/run", &koord).await;
    assert_eq!(newest.status, StatusCode::OK, "{}", newest.body);
    assert!(newest.body.contains("Veränderung · 2018") && newest.body.contains("-3,500"), "{}", newest.body);
    assert!(newest.body.contains("<option value=\"\">– Spalte wählen –</option>"), "no column is chosen for the planner: {}", newest.body);
    let earliest = get(&f.app, "/monitoring/recipes/armut_dyn/run?year=2012", "").await;
    assert_eq!(earliest.status, StatusCode::OK);
    assert!(!earliest.body.contains("-3,500"), "no year before 2012 to compare with");
    // publishing writes the year asked for only
    let publish = format!("csrf={csrf}&version=1&year=2018&column=d2&indicator=armut_d2");
    assert_eq!(post_form(&f.app, "/monitoring/recipes/armut_dyn/publish", &koord, &publish).await.status, StatusCode::SEE_OTHER);
    let filter = kette_store::ObservationFilter { indicator: Some("armut_d2".into()), ..Default::default() };
    let published = f.store.observations(f.m, &filter, 1, 100).await.unwrap().open(Entitled::operator()).items;
    assert_eq!(published.len(), 1);
    assert_eq!((published[0].year, published[0].value), (2018, Some(-3.5)));
    // the input table is kept for one data generation: a corrected value shows at once
    let corrected = kette_domain::NewObservation {
        indicator_code: "child_poverty".into(),
        district_key: "0101".into(),
        year: 2018,
        value: Some(30.0),
        numerator: None,
        denominator: None,
        source: "correction".into(),
    };
    f.store.import_observations(f.m, &[corrected]).await.unwrap();
    let run = get(&f.app, "/monitoring/recipes/armut_dyn/run?year=2018", "").await;
    assert!(run.body.contains("-5,000") && !run.body.contains("-3,500"), "30 in 2018 minus 35 in 2016: {}", run.body);
}

#[tokio::test]
async fn two_districts_side_by_side_and_the_distribution_strip() {
    let f = fixture().await;
    let a = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let b = f.store.district_by_key(f.m, "01").await.unwrap().unwrap();
    let page = get(&f.app, &format!("/districts/compare?a={a}&b={b}"), "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h1>Bezirk 0101 und Bezirk 01</h1>"));
    assert!(page.body.contains("<td class=\"num\">31,5 (2018)</td><td class=\"num\">–</td>"), "{}", page.body);
    assert!(page.body.contains("551 (2020)"), "population of both");
    assert_eq!(get(&f.app, &format!("/districts/compare?a={a}"), "").await.status, StatusCode::BAD_REQUEST);
    assert_eq!(get(&f.app, &format!("/districts/compare?a={a}&b=999999"), "").await.status, StatusCode::NOT_FOUND);
    let map = get(&f.app, "/monitoring/map?indicator=child_poverty", "").await;
    assert!(map.body.contains("Verteilung"));
    assert!(map.body.contains("id=\"load-map\" hidden"), "the interactive map waits to be asked for");
    let gj: serde_json::Value =
        serde_json::from_str(&get(&f.app, "/monitoring/map.geojson?indicator=child_poverty&year=2018", "").await.body).unwrap();
    assert_eq!(gj["features"][0]["properties"]["class"], 0);
    assert_eq!(gj["features"][0]["properties"]["href"], format!("/districts/{a}"));
}

fn multipart(csrf: &str, file_name: &str, content: &[u8], fields: &[(&str, &str)]) -> (String, Vec<u8>) {
    let boundary = "kette-test-boundary";
    let mut body = vec![];
    for (k, v) in [("csrf", csrf)].iter().chain(fields) {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes());
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Posts one file (and the CSRF token) as a multipart form.
async fn post_file(app: &Router, uri: &str, cookie: &str, csrf: &str, file_name: &str, content: &[u8]) -> Res {
    let (ct, body) = multipart(csrf, file_name, content, &[]);
    send(app, Request::post(uri).header(header::COOKIE, cookie).header(header::CONTENT_TYPE, ct).body(Body::from(body)).unwrap()).await
}

#[tokio::test]
async fn the_import_wizard_previews_maps_and_commits_all_or_nothing() {
    let f = fixture().await;
    let upload = |cookie: String, csrf: String, content: &'static [u8]| {
        let app = f.app.clone();
        async move {
            let (ct, body) = multipart(&csrf, "sgb2-2024.csv", content, &[("year", "2024"), ("source", "")]);
            send(
                &app,
                Request::post("/monitoring/import")
                    .header(header::COOKIE, cookie)
                    .header(header::CONTENT_TYPE, ct)
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await
        }
    };
    let (partner, pcsrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(get(&f.app, "/monitoring/import", &partner).await.status, StatusCode::FORBIDDEN);
    assert_eq!(upload(partner, pcsrf, b"key;child_poverty\n0101;1\n").await.status, StatusCode::FORBIDDEN);
    let (koord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    assert_eq!(get(&f.app, "/monitoring/import", &koord).await.status, StatusCode::OK);
    // a broken file: every problem named, nothing stored
    let bad = upload(koord.clone(), csrf.clone(), b"key;child_poverty\n0101;viel\n").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("<li>Zeile 2, Spalte „child_poverty“: Erwartet wird eine Zahl (12,5 oder 12.5), gefunden: „viel“.</li>"),
        "in German: {}",
        bad.body
    );
    let bad_en = upload(koord.clone(), csrf.clone(), b"Ort;child_poverty\n0101;1\n").await;
    assert!(
        bad_en.body.contains("Keine Spalte mit dem Sozialraum-Schlüssel") && bad_en.body.contains("die Datei hat: Ort, child_poverty"),
        "{}",
        bad_en.body
    );
    // a good file with an unknown column: preview with the mapping step
    let preview = upload(koord.clone(), csrf.clone(), "Gebiet;child_poverty;armut_neu\n0101;28,5;3\n".as_bytes()).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("<code>armut_neu</code>") && preview.body.contains("<option value=\"-\">nicht importieren</option>"));
    assert!(preview.body.contains("<td class=\"num\">28,5</td>"), "German decimal comma read and shown: {}", preview.body);
    assert!(preview.body.contains("Aufbau: breit (eine Spalte je Indikator)"), "{}", preview.body);
    let token = hidden(&preview.body, "token");
    let commit = format!("csrf={csrf}&token={token}&file_name=sgb2-2024.csv&year=2024&source=&map_child_poverty=&map_armut_neu=-");
    let res = post_form(&f.app, "/monitoring/import/commit", &koord, &commit).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let area = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let (file, _, who, _) = f.store.provenance_of(f.m, "child_poverty", area, 2024).await.unwrap().unwrap();
    assert_eq!((file.as_str(), who.as_deref()), ("sgb2-2024.csv", Some("koord")));
    // the same token again: the upload is gone after a commit
    assert_eq!(post_form(&f.app, "/monitoring/import/commit", &koord, &commit).await.status, StatusCode::BAD_REQUEST);
    // unknown district: shown in the preview, refused on commit, nothing written
    let preview = upload(koord.clone(), csrf.clone(), b"key;child_poverty\n0101;30\n9999;12\n").await;
    assert!(preview.body.contains("9999"));
    let token = hidden(&preview.body, "token");
    let res =
        post_form(&f.app, "/monitoring/import/commit", &koord, &format!("csrf={csrf}&token={token}&file_name=x.csv&year=2025&source="))
            .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Unbekannter Sozialraum-Schlüssel „9999“"), "{}", res.body);
    assert!(f.store.provenance_of(f.m, "child_poverty", area, 2025).await.unwrap().is_none());

    // a planner's table: key column "Planungsraum", a name column, a new indicator made in the wizard
    let table = "Planungsraum;Bezeichnung;Alleinerziehende %\n0101;Kiez am Park;31,2\n".as_bytes();
    let preview = upload(koord.clone(), csrf.clone(), table).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("Textspalten übersprungen: <q>Bezeichnung</q>"), "{}", preview.body);
    assert!(preview.body.contains("value=\"alleinerziehende\""), "a code suggested from the heading: {}", preview.body);
    let token = hidden(&preview.body, "token");
    let base = format!("csrf={csrf}&token={token}&file_name=plr.csv&year=2024&source=Planung");
    // every column left out: refused, not a silent success
    let res = post_form(&f.app, "/monitoring/import/commit", &koord, &format!("{base}&map_Alleinerziehende+%25=-")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Alle Spalten sind ausgelassen"), "{}", res.body);
    // a new indicator without a name: refused, the choices kept
    let new = "&map_Alleinerziehende+%25=new&new_code_Alleinerziehende+%25=alleinerziehende&new_unit_Alleinerziehende+%25=%25&new_direction_Alleinerziehende+%25=higher_is_worse";
    let res = post_form(&f.app, "/monitoring/import/commit", &koord, &format!("{base}{new}&new_name_Alleinerziehende+%25=")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("braucht einen Namen") && res.body.contains("<option value=\"new\" selected>"), "{}", res.body);
    assert!(!f.store.indicators(f.m).await.unwrap().iter().any(|i| i.def.code == "alleinerziehende"));
    let res =
        post_form(&f.app, "/monitoring/import/commit", &koord, &format!("{base}{new}&new_name_Alleinerziehende+%25=Alleinerziehende"))
            .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let done = get(&f.app, res.headers[header::LOCATION].to_str().unwrap(), &koord).await;
    assert!(
        done.body.contains("1 Wert importiert.") && done.body.contains("href=\"/monitoring/map?indicator=alleinerziehende&#38;year=2024\""),
        "{}",
        done.body
    );
    let made = f.store.indicators(f.m).await.unwrap().into_iter().find(|i| i.def.code == "alleinerziehende").unwrap();
    assert_eq!((made.def.unit.as_str(), made.def.direction), ("%", kette_domain::Direction::HigherIsWorse));
}

fn json_request(method: &str, uri: &str, cookie: &str, csrf: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::COOKIE, cookie)
        .header("x-csrf-token", csrf)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn json_of(res: &Res) -> serde_json::Value {
    serde_json::from_str(&res.body).unwrap_or_else(|e| panic!("{e}: {}", res.body))
}

#[tokio::test]
async fn the_search_api_forgives_typos_measures_distance_and_names_bad_values() {
    let f = fixture().await;
    let v = json_of(&get(&f.app, "/api/v1/offers?q=Krabelgruppen", "").await);
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["items"][0]["title"], "Krabbelgruppe Sonnenschein");
    let v = json_of(&get(&f.app, "/api/v1/offers?q=gruppe", "").await);
    assert_eq!(v["total"], 1, "compound part: {v}");
    // the place lies at 52.05/13.05; 52.06 is 1.1 km north
    let v = json_of(&get(&f.app, "/api/v1/offers?lat=52.06&lon=13.05&radius_m=2000", "").await);
    assert_eq!(v["total"], 2);
    let d = v["items"][0]["distance_m"].as_f64().unwrap();
    assert!((1100.0..1125.0).contains(&d), "{d}");
    let v = json_of(&get(&f.app, "/api/v1/offers?lat=52.06&lon=13.05&radius_m=1000", "").await);
    assert_eq!(v["total"], 0);
    let v = json_of(&get(&f.app, "/api/v1/offers?near=Teststr.%205", "").await);
    assert_eq!(v["items"][0]["distance_m"], 0.0, "street found among the directory's addresses: {v}");
    let v = json_of(&get(&f.app, "/api/v1/offers?near=10115&q=Elterncafe", "").await);
    assert_eq!(v["items"][0]["title"], "Elterncafé Mond");
    let res = get(&f.app, "/api/v1/offers?near=Nirgendwostra%C3%9Fe", "").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json_of(&res)["errors"][0]["code"], "error-place-unknown");
    let res = get(&f.app, "/api/v1/offers?lat=52&lon=13&radius_m=99999999", "").await;
    assert_eq!(json_of(&res)["errors"][0]["field"], "query.radius_m");
    let res = get(&f.app, "/api/v1/offers?lat=95&lon=13", "").await;
    assert_eq!(json_of(&res)["errors"][0]["code"], "error-coordinates");
    let res = get(&f.app, "/api/v1/offers?age=-3", "").await;
    assert_eq!(json_of(&res)["errors"][0]["code"], "error-age-years");
    for q in ["%22%22%22", "((((", "%F0%9F%99%82", "a%3Ab", &"x".repeat(5000)] {
        let res = get(&f.app, &format!("/api/v1/offers?q={q}"), "").await;
        assert_eq!(res.status, StatusCode::OK, "{q}: {}", res.body);
    }
}

#[tokio::test]
async fn edits_reach_the_search_at_once_and_synonyms_apply() {
    let f = fixture().await;
    let v = json_of(&get(&f.app, "/api/v1/offers?q=Babyschwimmen", "").await);
    assert_eq!(v["total"], 0);
    let (session, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let body = r#"{"title":"Babyschwimmen im Kiez","life_phases":["early_childhood"],"domains":["health"],"cost":"free"}"#;
    let res = send(&f.app, json_request("PUT", &format!("/api/v1/offers/{}", f.own_offer), &session, &csrf, body)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let v = json_of(&get(&f.app, "/api/v1/offers?q=Babyschwimmen", "").await);
    assert_eq!(v["total"], 1, "no restart needed: {v}");
    let v = json_of(&get(&f.app, "/api/v1/offers?q=Krabbelgruppe", "").await);
    assert_eq!(v["total"], 0, "the old title is gone");

    // the coordinator says Schwimmkurs means the same as Babyschwimmen
    let (session, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let page = get(&f.app, "/synonyms", &session).await;
    assert_eq!(page.status, StatusCode::OK);
    let res = post_form(&f.app, "/synonyms", &session, &format!("csrf={csrf}&synonyms=Wassergew%C3%B6hnung%2C+Babyschwimmen")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let v = json_of(&get(&f.app, "/api/v1/offers?q=Wassergew%C3%B6hnung", "").await);
    assert_eq!(v["total"], 1, "{v}");
    let partner_page = get(&f.app, "/synonyms", "").await;
    assert_ne!(partner_page.status, StatusCode::OK);
    let rebuilt = post_form(&f.app, "/search/reindex", &session, &format!("csrf={csrf}")).await;
    assert_eq!(rebuilt.status, StatusCode::SEE_OTHER);
    let page = get(&f.app, rebuilt.headers[header::LOCATION].to_str().unwrap(), &session).await;
    assert!(page.body.contains("Suchindex mit 3 Angeboten neu aufgebaut"), "{}", page.body);
}

#[tokio::test]
async fn the_public_finder_answers_in_five_languages_without_script() {
    let f = fixture().await;
    let start = get(&f.app, "/search", "").await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(start.body.contains("Wie alt ist Ihr Kind?") && !start.body.contains("class=\"results\""));
    let res = get(&f.app, "/search?age=1&near=10115&q=sonnenschein", "").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("1 Angebot") && res.body.contains("Krabbelgruppe Sonnenschein"));
    assert!(res.body.contains("class=\"distance\">0 m<"), "distance shown");
    assert!(res.body.contains("Wie komme ich hin?") && res.body.contains("offen, ohne Anmeldung"));
    assert!(res.body.contains("Die nächsten zuerst, im Umkreis von 2 km.") && res.body.contains("Auch weiter entfernte zeigen (bis 5 km)"));
    assert!(res.body.contains("<dt>Zugang</dt>") && res.body.contains("<dt>Kosten</dt>") && res.body.contains("<dt>Alter</dt>"));
    assert!(!res.body.contains("·  ·") && !res.body.contains("· ·"), "no empty separators");
    // a place 1.1 km away: nearest first even with words, within 2 km unless asked further
    let near = get(&f.app, "/search?lat=52.06&lon=13.05", "").await;
    assert!(near.body.contains("2 Angebote"), "{}", near.body);
    let far = get(&f.app, "/search?lat=52.08&lon=13.05", "").await;
    assert!(far.body.contains("0 Angebote") && far.body.contains("radius_m=5000"), "a step further out is offered");
    let wider = get(&f.app, "/search?lat=52.08&lon=13.05&radius_m=5000", "").await;
    assert!(wider.body.contains("2 Angebote") && wider.body.contains("radius_m=10000"));
    assert!(res.body.contains("Die nächsten zuerst, im Umkreis von 2 km.") && res.body.contains("Auch weiter entfernte zeigen (bis 5 km)"));
    assert!(res.body.contains("<dt>Zugang</dt>") && res.body.contains("<dt>Kosten</dt>") && res.body.contains("<dt>Alter</dt>"));
    assert!(!res.body.contains("·  ·") && !res.body.contains("· ·"), "no empty separators");
    // a place 1.1 km away: nearest first even with words, within 2 km unless asked further
    let near = get(&f.app, "/search?lat=52.06&lon=13.05", "").await;
    assert!(near.body.contains("2 Angebote"), "{}", near.body);
    let far = get(&f.app, "/search?lat=52.08&lon=13.05", "").await;
    assert!(far.body.contains("0 Angebote") && far.body.contains("radius_m=5000"), "a step further out is offered");
    let wider = get(&f.app, "/search?lat=52.08&lon=13.05&radius_m=5000", "").await;
    assert!(wider.body.contains("2 Angebote") && wider.body.contains("radius_m=10000"));
    let none = get(&f.app, "/search?age=12", "").await;
    assert!(none.body.contains("0 Angebote") && none.body.contains("nichts Passendes"));
    let unknown = get(&f.app, "/search?near=Atlantis", "").await;
    assert!(unknown.body.contains("kennen wir nicht"));
    let bad = get(&f.app, "/search?radius_m=5&lat=52&lon=13", "").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("100 Metern und 100 Kilometern") && bad.body.contains("role=\"alert\""));

    let ar = get(&f.app, "/search?lang=ar&q=sonnenschein", "").await;
    assert!(ar.body.contains("<html lang=\"ar\" dir=\"rtl\">"), "right to left");
    assert!(ar.body.contains("خدمة واحدة"), "Arabic plural: {}", &ar.body[..500]);
    assert!(ar.body.contains("lang=\"de\">Krabbelgruppe Sonnenschein<"), "untranslated German title is marked");
    let tr = get(&f.app, "/search?lang=tr", "").await;
    assert!(tr.body.contains("Çocuğunuz kaç yaşında?") && tr.body.contains("Sağlık"), "vocabulary in Turkish too");
    let uk = get(&f.app, "/search?lang=uk&age=2", "").await;
    assert!(uk.body.contains("послуг") || uk.body.contains("послуга"));
    assert!(uk.body.contains("2 роки"));

    let detail = get(&f.app, &format!("/search/{}", f.own_offer), "").await;
    assert_eq!(detail.status, StatusCode::OK);
    assert!(detail.body.contains("Teststraße 1") && detail.body.contains("geo:52.050000,13.050000"));
    let print = get(&f.app, &format!("/search/{}/print", f.own_offer), "").await;
    assert!(print.body.contains("Krabbelgruppe Sonnenschein") && !print.body.contains("<nav"));
    assert_eq!(get(&f.app, &format!("/search/{}", f.paused_offer), "").await.status, StatusCode::NOT_FOUND);
    let statement = get(&f.app, "/accessibility?lang=ar", "").await;
    assert!(statement.body.contains("بيان إمكانية الوصول"));
}

#[tokio::test]
async fn translations_and_easy_language_show_where_they_exist() {
    let f = fixture().await;
    let t = |language: &str, title: &str, description: &str| kette_store::OfferTranslation {
        language: language.into(),
        title: title.into(),
        description: description.into(),
    };
    f.store
        .set_offer_translations(
            f.m,
            f.own_offer,
            &[t("tr", "Emekleme grubu Güneş", "Bebekler ve ebeveynleri için."), t("de-x-ls", "Gruppe für Babys", "Hier spielen Babys.")],
            None,
        )
        .await
        .unwrap();
    // written outside the server: the next search after a second notices the new generation
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let v = json_of(&get(&f.app, "/api/v1/offers?q=emekleme&lang=tr", "").await);
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["items"][0]["title"], "Emekleme grubu Güneş");
    let tr = get(&f.app, &format!("/search/{}?lang=tr", f.own_offer), "").await;
    assert!(tr.body.contains("<h1 lang=\"tr\">Emekleme grubu Güneş</h1>"), "{}", tr.body);
    let de = get(&f.app, &format!("/search/{}", f.own_offer), "").await;
    assert!(de.body.contains("In Leichter Sprache lesen") && de.body.contains("lang=\"tr\" hreflang=\"tr\">Türkçe"));
    let easy = get(&f.app, &format!("/search/{}?easy=1", f.own_offer), "").await;
    assert!(easy.body.contains("Hier spielen Babys."));
}

#[tokio::test]
async fn navigators_see_protected_places_and_refer_without_personal_data() {
    let f = fixture().await;
    let org_a = f.store.organisation_by_key(f.m, "a").await.unwrap().unwrap();
    let shelter = kette_domain::LocationInput {
        name: "Schutzwohnung".into(),
        street: "Geheimweg 7".into(),
        postcode: "10115".into(),
        city: "Berlin".into(),
        lat: Some(52.051),
        lon: Some(13.051),
        is_confidential: true,
        ..Default::default()
    };
    let loc = f.store.create_location(f.m, org_a, &shelter, None).await.unwrap();
    let mut input = f.store.offer(f.m, f.own_offer).await.unwrap().input;
    input.location_ids = vec![loc];
    f.store.update_offer(f.m, f.own_offer, &input, None).await.unwrap();
    f.store.set_internal_note(f.m, f.own_offer, "Aufnahme nur nach Telefonat mit Frau K.", None).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;

    let public = get(&f.app, &format!("/search/{}", f.own_offer), "").await;
    assert!(!public.body.contains("Geheimweg") && public.body.contains("Adresse auf Anfrage"));
    assert!(!public.body.contains("Telefonat"), "internal note hidden");
    let v = json_of(&get(&f.app, "/api/v1/offers?q=Geheimweg", "").await);
    assert_eq!(v["total"], 0, "a protected street is not searchable in public");
    let v = json_of(&get(&f.app, "/api/v1/offers?lat=52.051&lon=13.051&radius_m=100", "").await);
    assert_eq!(v["total"], 0, "nor locatable by distance");

    let (session, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    // the family's area, chosen on the sheet (the shelter itself has no district on record)
    let planning_area = json_of(&get(&f.app, "/api/v1/districts?level=2", "").await)["items"][0]["id"].as_i64().unwrap();
    let pro = get(&f.app, &format!("/search/{}", f.own_offer), &session).await;
    assert!(pro.body.contains("Geheimweg 7") && pro.body.contains("Telefonat mit Frau K."));
    let sheet = post_form(
        &f.app,
        &format!("/search/{}/referral", f.own_offer),
        &session,
        &format!("csrf={csrf}&family_language=ar&life_phase=early_childhood&district={planning_area}"),
    )
    .await;
    assert_eq!(sheet.status, StatusCode::OK, "{}", sheet.body);
    assert!(sheet.body.contains("<html lang=\"ar\" dir=\"rtl\">") && sheet.body.contains("ورقة إحالة"));
    assert!(!sheet.body.contains("Geheimweg"), "the printed sheet leaves the protected address out");
    let today = f.store.today();
    let (phases, _) = f.store.contact_counts(f.m, ContactDimension::LifePhase, today, today).await.unwrap();
    assert_eq!(phases, vec![("early_childhood".to_string(), String::new())]);
    let page = get(&f.app, "/referrals", &session).await;
    assert!(page.body.contains("Kontakte im Zeitraum: 1") && page.body.contains("Frühe Kindheit"), "{}", page.body);
    assert!(
        page.body.contains("<td lang=\"de\">Bezirk 01</td>") && page.body.contains("<td>Kinder- und Jugendhilfe</td>"),
        "by borough and topic: {}",
        page.body
    );
    assert_eq!(get(&f.app, "/referrals", "").await.status, StatusCode::NOT_FOUND);
    let anon = post_form(&f.app, &format!("/search/{}/referral", f.own_offer), "", "csrf=x&family_language=ar").await;
    assert_ne!(anon.status, StatusCode::OK);
}

#[tokio::test]
async fn feedback_is_kept_without_contact_data_and_read_by_coordination() {
    let f = fixture().await;
    let form = get(&f.app, "/feedback?page=/search", "").await;
    let anon = set_cookie(&form, "kette_csrf").expect("anonymous csrf cookie");
    let csrf = hidden(&form.body, "csrf");
    assert!(!form.body.contains("type=\"email\""), "no contact field");
    let empty = post_form(&f.app, "/feedback", &anon, &format!("csrf={csrf}&topic=barrier&message=")).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("Bitte schreiben Sie eine Nachricht"));
    let forged = post_form(&f.app, "/feedback", &anon, "csrf=forged&topic=barrier&message=x").await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let ok = post_form(&f.app, "/feedback", &anon, &format!("csrf={csrf}&topic=barrier&page=%2Fsearch&message=Kontrast+zu+schwach")).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(get(&f.app, "/feedback/inbox", "").await.status, StatusCode::NOT_FOUND);
    let (session, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let inbox = get(&f.app, "/feedback/inbox", &session).await;
    assert!(inbox.body.contains("Kontrast zu schwach") && inbox.body.contains("Eine Barriere"));
}

#[tokio::test]
async fn the_hsds_api_answers_with_valid_records_and_the_spec_parameters() {
    let f = fixture().await;
    let schemas = kette_hsds::schema_check::Schemas::load();
    let base = json_of(&get(&f.app, "/hsds/", "").await);
    assert_eq!(base["version"], "3.0");

    let list = json_of(&get(&f.app, "/hsds/services?per_page=1", "").await);
    assert_eq!(list["total_items"], 2, "paused offers are not public: {list}");
    assert_eq!((list["total_pages"].as_i64(), list["size"].as_i64(), list["last_page"].as_bool()), (Some(2), Some(1), Some(false)));
    for item in list["contents"].as_array().unwrap() {
        schemas.assert_valid("compiled/service_list.json", item);
    }
    let id = list["contents"][0]["id"].as_str().unwrap().to_string();
    let one = json_of(&get(&f.app, &format!("/hsds/services/{id}"), "").await);
    schemas.assert_valid("service.json", &one);
    assert_eq!(one["id"], id.as_str());
    assert!(one["attributes"].as_array().unwrap().iter().any(|a| a["taxonomy_term"]["code"] == "early_childhood"));

    let searched = json_of(&get(&f.app, "/hsds/services?search=krabelgruppe", "").await);
    assert_eq!(searched["total_items"], 1);
    let org_id = searched["contents"][0]["organization_id"].as_str().unwrap().to_string();
    let by_org = json_of(&get(&f.app, &format!("/hsds/services?organization_id={org_id}"), "").await);
    assert_eq!(by_org["total_items"], 1, "the paused offer of the same organisation stays hidden");
    let org = json_of(&get(&f.app, &format!("/hsds/organizations/{org_id}"), "").await);
    schemas.assert_valid("organization.json", &org);
    assert_eq!(org["services"].as_array().unwrap().len(), 1);
    let orgs = json_of(&get(&f.app, "/hsds/organizations", "").await);
    assert_eq!(orgs["total_items"], 2);
    for o in orgs["contents"].as_array().unwrap() {
        schemas.assert_valid("organization.json", o);
    }

    let terms = json_of(&get(&f.app, "/hsds/taxonomy_terms?per_page=1000", "").await);
    for t in terms["contents"].as_array().unwrap() {
        schemas.assert_valid("taxonomy_term.json", t);
    }
    let kita = terms["contents"].as_array().unwrap().iter().find(|t| t["code"] == "kita").unwrap()["id"].as_str().unwrap().to_string();
    let early =
        terms["contents"].as_array().unwrap().iter().find(|t| t["code"] == "early_childhood").unwrap()["id"].as_str().unwrap().to_string();
    assert_eq!(json_of(&get(&f.app, &format!("/hsds/services?taxonomy_term_id={kita}"), "").await)["total_items"], 0);
    assert_eq!(json_of(&get(&f.app, &format!("/hsds/services?taxonomy_term_id={early}"), "").await)["total_items"], 2);
    let term = json_of(&get(&f.app, &format!("/hsds/taxonomy_terms/{early}"), "").await);
    schemas.assert_valid("taxonomy_term.json", &term);
    // by taxonomy: life phases classify both public offers, transitions none of them
    let phases = term["taxonomy_id"].as_str().unwrap().to_string();
    assert_eq!(json_of(&get(&f.app, &format!("/hsds/services?taxonomy_id={phases}"), "").await)["total_items"], 2);
    let of_phases = json_of(&get(&f.app, &format!("/hsds/taxonomy_terms?taxonomy_id={phases}&top_only=true&per_page=100"), "").await);
    assert!(
        of_phases["contents"].as_array().unwrap().iter().all(|t| t["taxonomy_id"] == *phases)
            && of_phases["total_items"].as_u64() > Some(3)
    );
    let transitions = json_of(&get(&f.app, "/hsds/taxonomies?search=bergang", "").await)["contents"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(json_of(&get(&f.app, &format!("/hsds/services?taxonomy_id={transitions}"), "").await)["total_items"], 0);
    let taxonomies = json_of(&get(&f.app, "/hsds/taxonomies", "").await);
    for t in taxonomies["contents"].as_array().unwrap() {
        schemas.assert_valid("taxonomy.json", t);
    }

    let sal = json_of(&get(&f.app, "/hsds/service_at_locations", "").await);
    assert_eq!(sal["total_items"], 2);
    for s in sal["contents"].as_array().unwrap() {
        schemas.assert_valid("compiled/service_at_location_list.json", s);
    }
    let sal_id = sal["contents"][0]["id"].as_str().unwrap().to_string();
    let one_sal = json_of(&get(&f.app, &format!("/hsds/service_at_locations/{sal_id}"), "").await);
    schemas.assert_valid("service_at_location.json", &one_sal);
    assert_eq!(one_sal["location"]["addresses"][0]["postal_code"], "10115");

    let near = json_of(&get(&f.app, "/hsds/services?postcode=10115&proximity=500", "").await);
    assert_eq!(near["total_items"], 2);
    assert_eq!(json_of(&get(&f.app, "/hsds/services?modified_after=2999-01-01", "").await)["total_items"], 0);
    assert_eq!(json_of(&get(&f.app, "/hsds/services?modified_after=2000-01-01", "").await)["total_items"], 2);

    let nd = get(&f.app, "/hsds/services?format=ndjson", "").await;
    assert_eq!(nd.headers[header::CONTENT_TYPE], "application/x-ndjson");
    let lines: Vec<serde_json::Value> = nd.body.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    for l in &lines {
        schemas.assert_valid("service.json", l);
    }

    for bad in [
        "/hsds/services?format=xml",
        "/hsds/services?per_page=0",
        "/hsds/services?modified_after=gestern",
        "/hsds/services?postcode=99999",
        "/hsds/services?taxonomy_term_id=nonsense",
        "/hsds/services?taxonomy_id=nonsense",
    ] {
        let res = get(&f.app, bad, "").await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {}", res.body);
    }
    assert_eq!(get(&f.app, "/hsds/services/00000000-0000-0000-0000-000000000000", "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, "/hsds/services/kaputt", "").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn partners_keep_translations_and_a_note_that_reach_the_finder() {
    let f = fixture().await;
    assert_eq!(get(&f.app, &format!("/offers/{}/texts", f.own_offer), "").await.status, StatusCode::NOT_FOUND);
    let (session, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let form = get(&f.app, &format!("/offers/{}/texts", f.own_offer), &session).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("id=\"title_ar\"") && form.body.contains("dir=\"rtl\""));
    let body = format!("csrf={csrf}&title_uk=%D0%93%D1%80%D1%83%D0%BF%D0%B0+%D0%B4%D0%BB%D1%8F+%D0%BC%D0%B0%D0%BB%D1%8E%D0%BA%D1%96%D0%B2&description_uk=&title_de-x-ls=Gruppe+f%C3%BCr+Babys&description_de-x-ls=Hier+spielen+Babys.&note=Bitte+vorher+anrufen");
    let res = post_form(&f.app, &format!("/offers/{}/texts", f.own_offer), &session, &body).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.headers[header::LOCATION], format!("/offers/{}/texts?proposed=1", f.own_offer));
    // the note is internal and saved at once; the public texts wait for the coordinator
    assert_eq!(f.store.internal_note(f.m, f.own_offer).await.unwrap(), "Bitte vorher anrufen");
    let uk = get(&f.app, &format!("/search/{}?lang=uk", f.own_offer), "").await;
    assert!(!uk.body.contains("Група для малюків"), "not public before approval");
    let form = get(&f.app, &format!("/offers/{}/texts", f.own_offer), &session).await;
    assert!(
        form.body.contains("warten auf Freigabe") && form.body.contains("value=\"Група для малюків\""),
        "the partner sees its proposal"
    );
    let (coord, coord_csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let change = f.store.open_changes(f.m, None).await.unwrap().pop().unwrap();
    let diff = get(&f.app, &format!("/review/{}", change.id), &coord).await;
    assert!(
        diff.body.contains("Übersetzungen")
            && diff.body.contains("Titel (Українська)")
            && diff.body.contains("<ins>Група для малюків</ins>"),
        "{}",
        diff.body
    );
    let res = post_form(&f.app, &format!("/review/{}/approve", change.id), &coord, &format!("csrf={coord_csrf}")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let uk = get(&f.app, &format!("/search/{}?lang=uk", f.own_offer), "").await;
    assert!(uk.body.contains("Група для малюків"), "the Ukrainian title on the public page");
    assert!(!uk.body.contains("vorher anrufen"), "the note stays internal");
    let v = json_of(&get(&f.app, "/api/v1/offers?q=%D0%BC%D0%B0%D0%BB%D1%8E%D0%BA%D1%96%D0%B2", "").await);
    assert_eq!(v["total"], 1, "searchable at once: {v}");
    let other = get(&f.app, &format!("/offers/{}/texts", f.other_offer), &session).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_partners_new_offer_waits_can_be_returned_with_a_reason_and_then_approved() {
    let f = fixture().await;
    let (partner, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let body = format!(
        "csrf={csrf}&title=Babyschwimmen+am+Kanal&life_phases=early_childhood&domains=health&languages=de&cost=free&access=open&prevention_level=universal&status=active"
    );
    let res = post_form(&f.app, "/offers/new", &partner, &body).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let location = res.headers[header::LOCATION].to_str().unwrap().to_string();
    assert!(location.ends_with("?proposed=new"), "{location}");
    let id: i64 = location.trim_start_matches("/offers/").trim_end_matches("?proposed=new").parse().unwrap();
    let confirmation = get(&f.app, &location, &partner).await;
    assert!(confirmation.body.contains("Ihr neues Angebot ist eingereicht"), "{}", confirmation.body);
    // not public: not the page, not the search, not the public list, not HSDS
    assert_eq!(get(&f.app, &format!("/offers/{id}"), "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, &format!("/search/{id}"), "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(json_of(&get(&f.app, "/api/v1/offers?q=Babyschwimmen", "").await)["total"], 0);
    assert!(!get(&f.app, "/offers", "").await.body.contains("Babyschwimmen"));
    assert_eq!(json_of(&get(&f.app, "/hsds/services?search=Babyschwimmen", "").await)["total_items"], 0);
    // the partner sees it waiting
    let page = get(&f.app, &format!("/offers/{id}"), &partner).await;
    assert!(page.body.contains("wartet auf die Freigabe"), "{}", page.body);
    let mine = get(&f.app, "/review", &partner).await;
    assert!(mine.body.contains("Babyschwimmen am Kanal") && mine.body.contains("Neues Angebot"), "{}", mine.body);

    let (coord, coord_csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let change = f.store.open_changes(f.m, None).await.unwrap().pop().unwrap();
    assert!(change.is_new);
    let page = get(&f.app, &format!("/review/{}", change.id), &coord).await;
    assert!(page.body.contains("Babyschwimmen am Kanal") && page.body.contains("Gesundheit"), "{}", page.body);
    // returning needs a reason the partner can act on
    let res = post_form(&f.app, &format!("/review/{}/reject", change.id), &coord, &format!("csrf={coord_csrf}&reason=+")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Bitte begründen Sie"), "{}", res.body);
    let res = post_form(
        &f.app,
        &format!("/review/{}/reject", change.id),
        &coord,
        &format!("csrf={coord_csrf}&reason=Bitte+Zeiten+erg%C3%A4nzen"),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = get(&f.app, &format!("/offers/{id}"), &partner).await;
    assert!(page.body.contains("Von der Koordination zurückgegeben: Bitte Zeiten ergänzen"), "{}", page.body);
    assert_eq!(get(&f.app, &format!("/offers/{id}"), "").await.status, StatusCode::NOT_FOUND);
    // the partner fixes it; it waits again, and the coordinator lets it out
    let res = post_form(&f.app, &format!("/offers/{id}/edit"), &partner, &format!("{body}&schedule=Di+10+Uhr")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let change = f.store.open_changes(f.m, None).await.unwrap().pop().unwrap();
    assert!(change.is_new && matches!(&change.proposed, kette_store::Proposal::Content(i) if i.schedule == "Di 10 Uhr"));
    let res = post_form(&f.app, &format!("/review/{}/approve", change.id), &coord, &format!("csrf={coord_csrf}")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(get(&f.app, &format!("/offers/{id}"), "").await.status, StatusCode::OK);
    assert_eq!(json_of(&get(&f.app, "/api/v1/offers?q=Babyschwimmen", "").await)["total"], 1, "the search follows at once");
    assert_eq!(json_of(&get(&f.app, "/api/v1/offers?q=Schwimmen", "").await)["total"], 1, "and finds it by the end of the compound");
    assert!(f.store.open_changes(f.m, None).await.unwrap().is_empty());
}

#[tokio::test]
async fn unconfirmed_offers_leave_the_public_finder_after_the_grace_period_and_return_when_confirmed() {
    let f = fixture().await;
    let old = time::Date::from_calendar_date(2020, time::Month::January, 1).unwrap();
    f.store.confirm_offers(f.m, &[f.own_offer], old, None).await.unwrap();
    // default policy: due after 12 months, hidden 90 days later
    assert_eq!(get(&f.app, &format!("/offers/{}", f.own_offer), "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(json_of(&get(&f.app, "/api/v1/offers?q=Krabbelgruppe", "").await)["total"], 0);
    assert!(!get(&f.app, "/offers", "").await.body.contains("Krabbelgruppe"));
    assert!(f.store.offer(f.m, f.own_offer).await.is_ok(), "never deleted");

    // the partner's to-do list names it; an offer without a date is listed as never confirmed
    let (partner, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let todo = get(&f.app, "/verification", &partner).await;
    assert_eq!(todo.status, StatusCode::OK);
    assert!(todo.body.contains("Krabbelgruppe Sonnenschein") && todo.body.contains("ausgeblendet seit"), "{}", todo.body);
    assert!(todo.body.contains("Geheimer Entwurf") && todo.body.contains("noch nie bestätigt"), "{}", todo.body);
    assert!(!todo.body.contains("Elterncafé"), "only the own organisation's offers");
    // confirming another organisation's offer is refused
    let res = post_form(&f.app, "/verification/confirm", &partner, &format!("csrf={csrf}&offer={}", f.other_offer)).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = post_form(&f.app, "/verification/confirm", &partner, &format!("csrf={csrf}&offer={}", f.own_offer)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.headers[header::LOCATION], "/verification?confirmed=1");
    assert_eq!(f.store.offer(f.m, f.own_offer).await.unwrap().input.last_verified_on, Some(f.store.today()));
    assert_eq!(get(&f.app, &format!("/offers/{}", f.own_offer), "").await.status, StatusCode::OK);
    assert_eq!(json_of(&get(&f.app, "/api/v1/offers?q=Krabbelgruppe", "").await)["total"], 1, "back in the search at once");

    // the coordinator may keep overdue offers visible instead
    f.store.confirm_offers(f.m, &[f.own_offer], old, None).await.unwrap();
    let (coord, coord_csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    assert_eq!(get(&f.app, "/review/settings", &partner).await.status, StatusCode::FORBIDDEN);
    let bad = post_form(
        &f.app,
        "/review/settings",
        &coord,
        &format!("csrf={coord_csrf}&approval_required=1&verify_every_months=0&hide_after_days=x&remind_every_days=30"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Bitte eine ganze Zahl angeben") && bad.body.contains("aria-invalid"), "{}", bad.body);
    let res = post_form(
        &f.app,
        "/review/settings",
        &coord,
        &format!("csrf={coord_csrf}&approval_required=1&verify_every_months=24&hide_after_days=&remind_every_days=14"),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let policy = f.store.municipality(f.m).await.unwrap().review;
    assert_eq!((policy.verify_every_months, policy.hide_after_days, policy.remind_every_days), (24, None, 14));
    assert_eq!(get(&f.app, &format!("/offers/{}", f.own_offer), "").await.status, StatusCode::OK);
    assert_eq!(json_of(&get(&f.app, "/api/v1/offers?q=Krabbelgruppe", "").await)["total"], 1, "the search follows the policy");
    let overview = get(&f.app, "/verification", &coord).await;
    assert!(overview.body.contains("Krabbelgruppe Sonnenschein") && overview.body.contains("Träger A"), "{}", overview.body);
    assert!(overview.body.contains("Kein Mailserver eingerichtet"), "{}", overview.body);
}

#[tokio::test]
async fn people_keep_their_own_reminder_address() {
    let f = fixture().await;
    let (partner, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let res = post_form(&f.app, "/account", &partner, &format!("csrf={csrf}&email=kein-mail")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("gültige E-Mail-Adresse"), "{}", res.body);
    let res = post_form(&f.app, "/account", &partner, &format!("csrf={csrf}&email=pat%40example.org")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(get(&f.app, "/account", &partner).await.body.contains("value=\"pat@example.org\""));
    assert_eq!(get(&f.app, "/account", "").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_results_map_shows_numbered_public_places_and_never_a_protected_one() {
    let f = fixture().await;
    let page = get(&f.app, "/search?q=Krabbelgruppe&map=1", "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("class=\"results-svg\"") && page.body.contains("class=\"map-no\""), "{}", page.body);
    assert!(page.body.contains("Karte ausblenden"));
    let plain = get(&f.app, "/search?q=Krabbelgruppe", "").await;
    assert!(!plain.body.contains("results-svg") && plain.body.contains("Ergebnisse auf der Karte zeigen"));
    assert!(!plain.body.contains("map.js"), "no script on the plain results page");
    let geo = json_of(&get(&f.app, "/search/map.geojson?q=Krabbelgruppe", "").await);
    let offers: Vec<&serde_json::Value> =
        geo["features"].as_array().unwrap().iter().filter(|x| x["properties"]["kind"] == "offer").collect();
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0]["properties"]["n"], 1);
    assert_eq!(offers[0]["geometry"]["coordinates"][0], 13.05);
    // a protected place is neither drawn nor sent
    let org_a = f.store.organisation_by_key(f.m, "a").await.unwrap().unwrap();
    let loc = f.store.organisation_locations(f.m, org_a).await.unwrap().remove(0);
    let input = kette_domain::LocationInput {
        name: loc.name.clone(),
        street: loc.street.clone(),
        postcode: loc.postcode.clone(),
        city: loc.city.clone(),
        lat: loc.lat,
        lon: loc.lon,
        district_id: loc.district_id,
        is_anchor_point: loc.is_anchor_point,
        is_confidential: true,
    };
    f.store.update_location(f.m, loc.id, &input, None).await.unwrap();
    let app = kette_web::router(kette_web::AppState::new(f.store.clone(), kette_web::WebConfig::default()));
    let geo = json_of(&get(&app, "/search/map.geojson?q=Krabbelgruppe", "").await);
    assert!(geo["features"].as_array().unwrap().iter().all(|x| x["properties"]["kind"] != "offer"), "{geo}");
    let page = get(&app, "/search?q=Krabbelgruppe&map=1", "").await;
    assert!(!page.body.contains("class=\"offer-dot\""), "{}", page.body);
}

#[tokio::test]
async fn a_partners_change_to_a_place_waits_and_the_public_keeps_the_old_address() {
    let f = fixture().await;
    let org_a = f.store.organisation_by_key(f.m, "a").await.unwrap().unwrap();
    let loc = f.store.organisation_locations(f.m, org_a).await.unwrap().remove(0);
    let (partner, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let body =
        format!("csrf={csrf}&name=Haus+a&street=Neue+Stra%C3%9Fe+9&postcode=10115&city=Berlin&lat=52.05&lon=13.05&is_anchor_point=on");
    let res = post_form(&f.app, &format!("/locations/{}/edit", loc.id), &partner, &body).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.headers[header::LOCATION], format!("/organisations/{org_a}?proposed=1"));
    assert_eq!(f.store.location(f.m, loc.id).await.unwrap().street, "Teststraße 1", "unchanged until approved");
    let form = get(&f.app, &format!("/locations/{}/edit", loc.id), &partner).await;
    assert!(form.body.contains("wartet auf Freigabe") && form.body.contains("Neue Straße 9"), "{}", form.body);
    let (coord, coord_csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let change = f.store.open_changes(f.m, None).await.unwrap().pop().unwrap();
    let diff = get(&f.app, &format!("/review/{}", change.id), &coord).await;
    assert!(diff.body.contains("<del>Teststraße 1</del>") && diff.body.contains("<ins>Neue Straße 9</ins>"), "{}", diff.body);
    let res = post_form(&f.app, &format!("/review/{}/approve", change.id), &coord, &format!("csrf={coord_csrf}")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(f.store.location(f.m, loc.id).await.unwrap().street, "Neue Straße 9");
    let v = json_of(&get(&f.app, "/api/v1/offers?q=Krabbelgruppe", "").await);
    assert_eq!(v["items"][0]["street"], "Neue Straße 9", "the search follows the approved address: {v}");
}

#[tokio::test]
async fn crosswalks_are_uploaded_and_carry_wizard_imports_into_the_stored_districts() {
    let f = fixture().await;
    let post_multipart = |path: &'static str,
                          cookie: String,
                          csrf: String,
                          file: &'static str,
                          content: &'static [u8],
                          fields: Vec<(&'static str, &'static str)>| {
        let app = f.app.clone();
        async move {
            let (ct, body) = multipart(&csrf, file, content, &fields);
            send(&app, Request::post(path).header(header::COOKIE, cookie).header(header::CONTENT_TYPE, ct).body(Body::from(body)).unwrap())
                .await
        }
    };
    let page = get(&f.app, "/monitoring/boundaries", "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<strong>v1</strong>") && !page.body.contains("name=\"from_version\""), "readers see no upload form");
    let (partner, pcsrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let res =
        post_multipart("/monitoring/boundaries", partner, pcsrf, "l.csv", b"from,to,weight\nN1,0101,1\n", vec![("from_version", "neu")])
            .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let (koord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    // every problem named, nothing stored
    let bad = post_multipart(
        "/monitoring/boundaries",
        koord.clone(),
        csrf.clone(),
        "links.csv",
        b"from,to,weight\nN1,0101,0.5\nN2,4711,1\n",
        vec![("from_version", "neu")],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("links.csv: district N1: its weights sum to 0.5000"), "{}", bad.body);
    let bad = post_multipart(
        "/monitoring/boundaries",
        koord.clone(),
        csrf.clone(),
        "links.csv",
        b"from,to,weight\nN2,4711,1\n",
        vec![("from_version", "neu")],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("target districts not in boundary version &#39;v1&#39;: 4711")
            || bad.body.contains("target districts not in boundary version &#x27;v1&#x27;: 4711"),
        "{}",
        bad.body
    );
    assert!(f.store.crosswalks(f.m).await.unwrap().is_empty());
    let missing = post_multipart(
        "/monitoring/boundaries",
        koord.clone(),
        csrf.clone(),
        "links.csv",
        b"from,to,weight\nN1,0101,1\n",
        vec![("from_version", " ")],
    )
    .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("Gebietsstand der Quelle angeben"));
    // N1 and N2 were merged into 0101
    let ok = post_multipart(
        "/monitoring/boundaries",
        koord.clone(),
        csrf.clone(),
        "links.csv",
        b"from;to;weight\nN1;0101;1\nN2;0101;1\n",
        vec![("from_version", "neu"), ("source", "Zuschnitt 2024")],
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let page = get(&f.app, "/monitoring/boundaries", &koord).await;
    assert!(page.body.contains("<th scope=\"row\">neu</th>") && page.body.contains("Zuschnitt 2024"), "{}", page.body);

    // the wizard offers the version and carries the values over
    let form = get(&f.app, "/monitoring/import", &koord).await;
    assert!(form.body.contains("<option value=\"neu\">neu</option>"), "{}", form.body);
    let preview = post_multipart(
        "/monitoring/import",
        koord.clone(),
        csrf.clone(),
        "neu.csv",
        b"Gebiet;Indikator;Jahr;Z\xE4hler;Nenner\nN1;child_poverty;2024;30;100\nN2;child_poverty;2024;10;100\n",
        vec![("year", ""), ("source", ""), ("boundary_version", "neu")],
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("über den Crosswalk umgerechnet") && !preview.body.contains("role=\"alert\""), "{}", preview.body);
    let token = hidden(&preview.body, "token");
    let commit = format!("csrf={csrf}&token={token}&file_name=neu.csv&year=&source=&boundary_version=neu&map_child_poverty=");
    let res = post_form(&f.app, "/monitoring/import/commit", &koord, &commit).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let area = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let obs = f
        .store
        .observations(f.m, &kette_store::ObservationFilter { district_id: Some(area), year: Some(2024), ..Default::default() }, 1, 10)
        .await
        .unwrap()
        .open(Entitled::operator());
    assert_eq!(obs.items.len(), 1);
    assert_eq!((obs.items[0].numerator, obs.items[0].denominator, obs.items[0].value), (Some(40.0), Some(200.0), Some(20.0)));
    assert_eq!(obs.items[0].carried_from.as_deref(), Some("neu"));
    let profile = get(&f.app, &format!("/districts/{area}"), "").await;
    assert!(profile.body.contains("umgerechnet vom Gebietsstand neu") && profile.body.contains(">≈</abbr>"), "{}", profile.body);
    let map = get(&f.app, "/monitoring/map?indicator=child_poverty&year=2024", "").await;
    assert_eq!(map.status, StatusCode::OK);
    assert!(map.body.contains("für einen anderen Gebietsstand (neu) veröffentlicht") && map.body.contains(">≈</abbr>"), "{}", map.body);
    // an unknown version is refused by name
    let unknown = post_multipart(
        "/monitoring/import",
        koord,
        csrf,
        "neu.csv",
        b"key;child_poverty\nN1;3\n",
        vec![("year", "2024"), ("source", ""), ("boundary_version", "alt")],
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("Unbekannter Gebietsstand „alt“"), "{}", unknown.body);
}

/// Errors carry no request context; the page is written in the reader's language when the
/// response is rendered — also for errors raised before any handler ran (a form's CSRF check).
#[tokio::test]
async fn error_pages_speak_the_readers_language_wherever_the_error_came_from() {
    let f = fixture().await;
    let de = get(&f.app, "/offers/999999", "").await;
    assert_eq!(de.status, StatusCode::NOT_FOUND);
    assert!(de.body.contains("Diese Seite gibt es nicht.") && de.body.contains("lang=\"de\""), "{}", de.body);
    let en = get(&f.app, "/offers/999999?lang=en", "").await;
    assert!(en.body.contains("This page does not exist."), "{}", en.body);
    let ar = get(&f.app, "/offers/999999", "kette_lang=ar").await;
    assert!(ar.body.contains("هذه الصفحة غير موجودة."), "{}", ar.body);
    assert_eq!(ar.headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    // the CSRF check happens in the form extractor, before the handler
    let (session, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let refused = post_form(&f.app, "/synonyms?lang=en", &session, "csrf=falsch&synonyms=x").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("<html") && refused.body.contains("lang=\"en\""), "{}", refused.body);
}

/// `next` after signing in stays on this server: a decoded tab or line break is refused instead
/// of becoming `//host` in the browser or an invalid header (a 500).
#[tokio::test]
async fn the_way_back_after_sign_in_cannot_leave_the_server() {
    let f = fixture().await;
    for next in ["/%09/evil.example/x", "/%0a/x", "//evil.example", "/%5Cevil.example"] {
        let page = get(&f.app, "/login", "").await;
        let anon = set_cookie(&page, "kette_csrf").unwrap();
        let csrf = hidden(&page.body, "csrf");
        let res = post_form(&f.app, "/login", &anon, &format!("csrf={csrf}&next={next}&username=koord&password=geheim-genug")).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{next}: {}", res.body);
        assert_eq!(res.headers[header::LOCATION], "/", "{next}");
    }
}

/// Every CSV kette writes neutralises text a spreadsheet would run as a formula (OWASP).
#[tokio::test]
async fn csv_exports_neutralise_formulas() {
    let f = fixture().await;
    let evil = kette_domain::NewObservation {
        indicator_code: "child_poverty".into(),
        district_key: "0101".into(),
        year: 2019,
        value: Some(12.0),
        numerator: None,
        denominator: None,
        source: "=HYPERLINK(\"http://evil.example\",\"x\")".into(),
    };
    f.store.import_observations(f.m, &[evil]).await.unwrap();
    let csv = get(&f.app, "/monitoring/export?indicator=child_poverty&year=2019&format=csv", "").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""), "{}", csv.body);
    assert!(!csv.body.contains(",\"=HYPERLINK"), "{}", csv.body);
}

/// Pages for signed-in people are never kept by a cache; over HTTPS browsers are told to stay
/// there and the language cookie is Secure too.
#[tokio::test]
async fn signed_in_pages_are_not_stored_and_https_is_kept() {
    let f = fixture().await;
    let (session, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let page = get(&f.app, &format!("/search/{}", f.own_offer), &session).await;
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");
    let public = get(&f.app, &format!("/search/{}", f.own_offer), "").await;
    assert_ne!(public.headers.get(header::CACHE_CONTROL).map(|v| v.to_str().unwrap()), Some("no-store"));
    assert!(public.headers.get(header::STRICT_TRANSPORT_SECURITY).is_none(), "plain HTTP: no HSTS");
    let secure =
        kette_web::router(kette_web::AppState::new(f.store.clone(), kette_web::WebConfig { secure_cookies: true, ..Default::default() }));
    let res = get(&secure, "/?lang=en", "").await;
    assert_eq!(res.headers[header::STRICT_TRANSPORT_SECURITY], "max-age=31536000");
    let lang = res.headers.get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap()).find(|v| v.starts_with("kette_lang=")).unwrap();
    assert!(lang.contains("; Secure"), "{lang}");
}

/// Guessing passwords slows down: after five failures for an account even the right password
/// waits (429 with the wait in the reader's language), the failures are in the audit log, and
/// after the wait the right password works again.
#[tokio::test]
async fn repeated_wrong_passwords_make_sign_in_wait() {
    let f = fixture().await;
    let attempt = |password: &'static str| {
        let app = f.app.clone();
        async move {
            let page = get(&app, "/login", "").await;
            let anon = set_cookie(&page, "kette_csrf").unwrap();
            let csrf = hidden(&page.body, "csrf");
            post_form(&app, "/login", &anon, &format!("csrf={csrf}&next=%2F&username=koord&password={password}")).await
        }
    };
    for _ in 0..5 {
        assert_eq!(attempt("falsch-falsch").await.status, StatusCode::UNAUTHORIZED);
    }
    let refused = attempt("geheim-genug").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "the right password waits too");
    assert!(refused.body.contains("Zu viele Fehlversuche") && refused.body.contains("1 Minuten"), "{}", refused.body);
    let koord = f.store.accounts(f.m).await.unwrap().into_iter().find(|a| a.username == "koord").unwrap().id;
    let actions: Vec<String> = f.store.audit_entries(f.m, "account", koord).await.unwrap().into_iter().map(|e| e.1).collect();
    assert_eq!(actions.iter().filter(|a| *a == "login_failed").count(), 5, "{actions:?}");
    assert!(actions.contains(&"login_throttled".to_string()), "{actions:?}");
    f.store.clock().advance(time::Duration::seconds(3));
    assert_eq!(attempt("geheim-genug").await.status, StatusCode::SEE_OTHER, "after the wait");
    // the counter starts afresh after a success
    assert_eq!(attempt("falsch-falsch").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(attempt("geheim-genug").await.status, StatusCode::SEE_OTHER);
}

/// An upload over the limit is told the limit; a preview nobody commits expires after a day
/// (by the store's clock) and is removed.
#[tokio::test]
async fn uploads_name_their_limit_and_previews_expire() {
    let f = fixture().await;
    let (koord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let upload = |content: Vec<u8>| {
        let (app, koord, csrf) = (f.app.clone(), koord.clone(), csrf.clone());
        async move {
            let leaked: &'static [u8] = Box::leak(content.into_boxed_slice());
            let (ct, body) = multipart(&csrf, "gross.csv", leaked, &[("year", "2024"), ("source", "")]);
            send(
                &app,
                Request::post("/monitoring/import")
                    .header(header::COOKIE, koord)
                    .header(header::CONTENT_TYPE, ct)
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await
        }
    };
    // a 19 MB indicator code, a 19 MB line: the answer quotes an excerpt
    let huge = "Z".repeat(19 << 20);
    let echo = upload(format!("Gebiet;Jahr;Indikator;Wert\n0101;2024;{huge};12\n").into_bytes()).await;
    assert_eq!(echo.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(echo.body.len() < 64 * 1024 && echo.body.contains("höchstens 64 Zeichen, gefunden"), "{} bytes", echo.body.len());
    let echo = upload(huge.clone().into_bytes()).await;
    assert!(echo.body.len() < 64 * 1024, "{} bytes", echo.body.len());
    let big = upload(vec![b'x'; 21 * 1024 * 1024]).await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(big.body.contains("höchstens 20 MB"), "{}", big.body);
    let preview = upload(b"Gebiet;Jahr;Indikator;Wert\n0101;2024;child_poverty;12\n".to_vec()).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    let token = hidden(&preview.body, "token");
    f.store.clock().advance(time::Duration::hours(25));
    // a day later the session has ended too: sign in again
    let (koord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let commit = format!("csrf={csrf}&token={token}&file_name=x.csv&year=2024&source=&map_child_poverty=");
    let res = post_form(&f.app, "/monitoring/import/commit", &koord, &commit).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("Die Vorschau ist abgelaufen"), "{}", res.body);
    assert!(!std::env::temp_dir().join("kette-uploads").join(&token).exists(), "the expired preview is removed");
}

#[tokio::test]
async fn a_search_that_finds_nothing_shows_the_ways_forward() {
    let f = fixture().await;
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let settings = get(&f.app, "/review/settings", &coord).await;
    assert!(settings.body.contains("Lotsendienst"), "{}", settings.body);
    let bad = post_form(
        &f.app,
        "/review/settings",
        &coord,
        &format!("csrf={csrf}&verify_every_months=12&remind_every_days=30&navigator_phone=ruf+an&navigator_email=kein"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Telefonnummer") && bad.body.contains("E-Mail-Adresse"), "{}", bad.body);
    let res = post_form(
        &f.app,
        "/review/settings",
        &coord,
        &format!(
            "csrf={csrf}&verify_every_months=12&remind_every_days=30&navigator_name=Familienlotsen&navigator_phone=030+23125+100&navigator_email=lotsen%40example.org&navigator_hours=Mo-Fr+9-15"
        ),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    // a typo in a word no offer has, with an age no offer fits
    let page = get(&f.app, "/search?q=Krabelgruppe+Mondschein&age=20", "").await;
    assert_eq!(page.status, StatusCode::OK);
    let b = &page.body;
    assert!(b.contains("Gesucht wurde nach:") && b.contains("<q>Krabelgruppe</q>, <q>Mondschein</q>"), "{b}");
    assert!(b.contains("Meinten Sie:") && b.contains(">Krabbelgruppe</a>"), "nearby spelling: {b}");
    assert!(b.contains("href=\"tel:+49-30-23125100\"") && b.contains("lotsen@example.org") && b.contains("Familienlotsen"), "{b}");
    // every way forward leads to a search that finds something
    for link in b.split("href=\"").skip(1).map(|r| &r[..r.find('"').unwrap()]).filter(|l| l.starts_with("/search?")) {
        let link = link.replace("&amp;", "&").replace("&#38;", "&");
        let target = get(&f.app, link.split('#').next().unwrap(), "").await;
        assert_eq!(target.status, StatusCode::OK, "{link}");
    }
    let relaxed = get(&f.app, "/search?q=Krabbelgruppe&age=20", "").await;
    assert!(relaxed.body.contains("ohne Altersangabe") && relaxed.body.contains("(1 Angebot)"), "{}", relaxed.body);
    // in Arabic, the ways forward speak Arabic and the German name stays marked German
    let ar = get(&f.app, "/search?q=Krabelgruppe+Mondschein&lang=ar", "").await;
    assert!(ar.body.contains("هل تقصد") && ar.body.contains("<a href=\"/search?"), "{}", ar.body);
}

#[tokio::test]
async fn every_municipality_starts_with_synonyms_in_five_languages() {
    let f = fixture().await;
    // "Krabbelgruppe Sonnenschein" is the only playgroup: families ask in their own words
    for q in [
        "Krabbelgruppe",
        "Spielgruppe",
        "playgroup",
        "oyun+grubu",
        "%D9%85%D8%AC%D9%85%D9%88%D8%B9%D8%A9+%D9%84%D8%B9%D8%A8",
        "%D0%B3%D1%80%D1%83%D0%BF%D0%B0+%D0%B4%D0%BB%D1%8F+%D0%BC%D0%B0%D0%BB%D1%8E%D0%BA%D1%96%D0%B2",
    ] {
        let v = json_of(&get(&f.app, &format!("/api/v1/offers?q={q}"), "").await);
        assert_eq!(v["total"], 1, "{q}: {v}");
    }
    let (coord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let page = get(&f.app, "/synonyms", &coord).await;
    assert!(page.body.contains("Hebamme, Familienhebamme") && page.body.contains("حضانة"), "the list is the coordinator's to edit");
}

#[tokio::test]
async fn a_protected_place_tells_the_family_how_to_get_in_touch_in_their_language_and_in_german() {
    let f = fixture().await;
    let org_a = f.store.organisation_by_key(f.m, "a").await.unwrap().unwrap();
    let shelter = kette_domain::LocationInput {
        name: "Schutzwohnung".into(),
        street: "Geheimweg 7".into(),
        lat: Some(52.051),
        lon: Some(13.051),
        is_confidential: true,
        ..Default::default()
    };
    let loc = f.store.create_location(f.m, org_a, &shelter, None).await.unwrap();
    let mut input = f.store.offer(f.m, f.own_offer).await.unwrap().input;
    input.location_ids = vec![loc];
    f.store.update_offer(f.m, f.own_offer, &input, None).await.unwrap();
    // no contact on the offer: the navigator service is the way in
    let navigator =
        kette_domain::NavigatorService { name: "Lotsen".into(), phone: "030 23125 100".into(), email: String::new(), hours: String::new() };
    f.store.set_navigator_service(f.m, &navigator, None).await.unwrap();
    let (session, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let sheet = post_form(&f.app, &format!("/search/{}/referral", f.own_offer), &session, &format!("csrf={csrf}&family_language=ar")).await;
    assert_eq!(sheet.status, StatusCode::OK, "{}", sheet.body);
    let b = &sheet.body;
    assert!(!b.contains("Geheimweg"));
    assert!(b.contains("هذا المكان محمي") && b.contains("lang=\"de\" dir=\"ltr\">Dieser Ort ist geschützt"), "both languages: {b}");
    assert!(b.contains("tel:+49-30-23125100"), "{b}");
    // the offer's own contact comes first when it has one
    input.contact_phone = "030 23125 010".into();
    input.contact_email = "schutz@example.org".into();
    f.store.update_offer(f.m, f.own_offer, &input, None).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let public = get(&f.app, &format!("/search/{}?lang=tr", f.own_offer), "").await;
    assert!(
        public.body.contains("Bu yer korunmaktadır")
            && public.body.contains("tel:+49-30-23125010")
            && public.body.contains("schutz@example.org"),
        "{}",
        public.body
    );
    assert!(!public.body.contains("Geheimweg"));
}

#[tokio::test]
async fn every_page_speaks_the_readers_language_and_marks_german_data() {
    let f = fixture().await;
    let (coord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let german = ["Die Kette auf einen Blick", "Gesamt", "Lebensphase", "Angebote", "Freigaben", "Prüfliste", "Sozialräume", "Anmelden"];
    for lang in ["en", "tr", "ar", "uk"] {
        for (uri, who) in [
            ("/", ""),
            ("/districts", ""),
            ("/monitoring", ""),
            ("/offers", ""),
            ("/review", coord.as_str()),
            ("/verification", coord.as_str()),
            ("/review/settings", coord.as_str()),
            ("/login", ""),
        ] {
            let page = get(&f.app, &format!("{uri}?lang={lang}"), who).await;
            assert_eq!(page.status, StatusCode::OK, "{uri} {lang}");
            // German words may only stand inside elements marked German (data: names, credits)
            let outside_german: String = {
                let mut out = String::new();
                let mut rest = page.body.as_str();
                while let Some(i) = rest.find("lang=\"de\"") {
                    out.push_str(&rest[..i]);
                    let after = &rest[i..];
                    // skip to the end of the marked element's text
                    rest = after.find("</").map(|j| &after[j..]).unwrap_or("");
                }
                out.push_str(rest);
                out
            };
            for word in german {
                let visible = outside_german.split('<').any(|chunk| chunk.split_once('>').is_some_and(|(_, text)| text.contains(word)));
                assert!(!visible, "{uri}?lang={lang} shows German '{word}'");
            }
        }
    }
    let ar = get(&f.app, "/?lang=ar", "").await;
    assert!(ar.body.contains("<html lang=\"ar\" dir=\"rtl\">") && ar.body.contains("السلسلة في لمحة"), "{}", ar.body);
    assert!(ar.body.contains("class=\"attribution\" lang=\"de\" dir=\"ltr\""), "the credits stay German and say so");
}

#[tokio::test]
async fn numbers_dates_and_phone_numbers_follow_the_page_locale() {
    let f = fixture().await;
    let mut input = f.store.offer(f.m, f.own_offer).await.unwrap().input;
    input.last_verified_on = Some(time::macros::date!(2026 - 09 - 01));
    input.contact_phone = "030/231 25-010".into();
    f.store.update_offer(f.m, f.own_offer, &input, None).await.unwrap();
    let de = get(&f.app, &format!("/search/{}", f.own_offer), "").await;
    assert!(de.body.contains("01.09.2026") && !de.body.contains("2026-09-01"), "{}", de.body);
    assert!(de.body.contains("href=\"tel:+49-30-23125010\"") && de.body.contains(">030 23125010</a>"), "{}", de.body);
    let en = get(&f.app, &format!("/search/{}?lang=en", f.own_offer), "").await;
    assert!(en.body.contains("Sep 1, 2026"), "{}", en.body);
    let tr = get(&f.app, &format!("/search/{}?lang=tr", f.own_offer), "").await;
    assert!(tr.body.contains("1 Eyl 2026"), "{}", tr.body);
    // stored moments on staff pages: no raw RFC 3339
    let (partner, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let body = format!("csrf={csrf}&title=Lesepaten&life_phases=primary&domains=education&languages=de&cost=free&access=open&prevention_level=universal&status=active");
    assert_eq!(post_form(&f.app, "/offers/new", &partner, &body).await.status, StatusCode::SEE_OTHER);
    let (coord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let queue = get(&f.app, "/review", &coord).await;
    assert!(queue.body.contains("22.11.2026, 06:00 UTC") && !queue.body.contains("T06:00:00Z"), "{}", queue.body);
    let queue_uk = get(&f.app, "/review?lang=uk", &coord).await;
    assert!(!queue_uk.body.contains("T06:00:00Z") && queue_uk.body.contains("2026"), "{}", queue_uk.body);
}

#[tokio::test]
async fn the_signed_in_start_page_shows_what_waits_and_the_menu_is_grouped() {
    let f = fixture().await;
    let (partner, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let body = format!("csrf={csrf}&title=Lesepaten&life_phases=primary&domains=education&languages=de&cost=free&access=open&prevention_level=universal&status=active");
    assert_eq!(post_form(&f.app, "/offers/new", &partner, &body).await.status, StatusCode::SEE_OTHER);
    let own = get(&f.app, "/", &partner).await;
    assert!(own.body.contains("<strong>1</strong> eigene Vorschläge warten auf Freigabe"), "{}", own.body);
    assert!(!own.body.contains("Rückmeldungen"), "partners do not see the feedback inbox");
    let (coord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let home = get(&f.app, "/", &coord).await;
    assert!(home.body.contains("<h2 id=\"waiting-heading\">Was wartet</h2>"), "{}", home.body);
    assert!(home.body.contains("<a href=\"/review\"><strong>1</strong> Vorschläge der Träger zur Freigabe</a>"), "{}", home.body);
    assert!(home.body.contains("href=\"/verification\"") && home.body.contains("href=\"/feedback/inbox\""));
    // the menu: five public entries, the rest grouped in two disclosure menus
    let nav = &home.body[home.body.find("<nav").unwrap()..home.body.find("</nav>").unwrap()];
    assert_eq!(nav.matches("<details class=\"menu\">").count(), 2, "{nav}");
    let top_level = nav.split("<details").next().unwrap().matches("<li>").count();
    assert_eq!(top_level, 6, "{nav}");
    // the public start page has no to-do list
    assert!(!get(&f.app, "/", "").await.body.contains("waiting-heading"));
    // a new offer's proposal has no "current version" to look at; the two decisions look different
    let change = f.store.open_changes(f.m, None).await.unwrap().pop().unwrap();
    let page = get(&f.app, &format!("/review/{}", change.id), &coord).await;
    assert!(!page.body.contains("aktuelle Fassung ansehen"), "{}", page.body);
    assert!(page.body.contains("<button type=\"submit\" class=\"secondary\">Zurückgeben</button>"));
}

#[tokio::test]
async fn partners_give_ages_in_years_and_months_pick_languages_by_name_and_learn_what_happens_next() {
    let f = fixture().await;
    let (partner, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let form = get(&f.app, "/offers/new", &partner).await;
    let b = &form.body;
    assert!(b.contains("Ab welchem Alter") && b.contains("id=\"min_age_years\"") && b.contains("id=\"min_age_rest_months\""), "{b}");
    assert!(b.contains("value=\"tr\"") && b.contains("<span lang=\"tr\">Türkçe</span>"), "languages by name: {b}");
    assert!(b.contains(">Zur Freigabe einreichen</button>") && b.contains("öffentlich wird es erst nach der Freigabe"), "{b}");
    assert!(!b.contains("Höchstalter (Monate, ausschließlich)"));
    // 13 months is not a month count a person means
    let bad = format!("csrf={csrf}&title=Babymassage&life_phases=early_childhood&domains=health&min_age_years=1&min_age_rest_months=13&cost=free&access=open&prevention_level=universal&status=active");
    let res = post_form(&f.app, "/offers/new", &partner, &bad).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Bitte 0 bis 11 Monate angeben"), "{}", res.body);
    let good = format!("csrf={csrf}&title=Babymassage&life_phases=early_childhood&domains=health&min_age_years=0&min_age_rest_months=2&max_age_years=1&max_age_rest_months=6&languages=de&languages=tr&languages_other=hy&cost=free&access=open&prevention_level=universal&status=active");
    let res = post_form(&f.app, "/offers/new", &partner, &good).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let change = f.store.open_changes(f.m, None).await.unwrap().pop().unwrap();
    let kette_store::Proposal::Content(input) = &change.proposed else { panic!("content") };
    assert_eq!((input.min_age_months, input.max_age_months), (Some(2), Some(18)));
    assert_eq!(input.languages, vec!["de", "tr", "hy"]);
    // editing shows the same in years and months
    let id = change.offer_id.unwrap();
    let edit = get(&f.app, &format!("/offers/{id}/edit"), &partner).await;
    assert!(
        edit.body.contains("id=\"max_age_years\" name=\"max_age_years\" inputmode=\"numeric\" size=\"3\" value=\"1\""),
        "{}",
        edit.body
    );
    assert!(
        edit.body.contains("value=\"tr\" checked") && edit.body.contains("id=\"languages_other\" name=\"languages_other\" value=\"hy\"")
    );
}

#[tokio::test]
async fn a_place_without_coordinates_gets_them_from_a_known_street() {
    let f = fixture().await;
    let org_a = f.store.organisation_by_key(f.m, "a").await.unwrap().unwrap();
    let known = f.store.organisation_locations(f.m, org_a).await.unwrap();
    let street =
        known.iter().find(|l| !l.street.is_empty() && l.lat.is_some()).expect("a fixture place with street and coordinates").clone();
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let street_only: String = street.street.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ').to_string();
    let body = format!(
        "csrf={csrf}&name=Neuer+Treff&street={}+99&postcode=&city=Teststadt&lat=&lon=",
        form_urlencoded::byte_serialize(street_only.as_bytes()).collect::<String>()
    );
    let res = post_form(&f.app, &format!("/organisations/{org_a}/locations/new"), &coord, &body).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let places = f.store.organisation_locations(f.m, org_a).await.unwrap();
    let new = places.iter().find(|l| l.name == "Neuer Treff").unwrap();
    assert!((new.lat.unwrap() - street.lat.unwrap()).abs() < 1e-5 && (new.lon.unwrap() - street.lon.unwrap()).abs() < 1e-5, "{new:?}");
    assert!(new.district_id.is_some(), "and the district follows from them");
}

#[tokio::test]
async fn transitions_are_rows_of_the_chain_and_a_filter_and_anchor_points_show_what_is_reachable() {
    let f = fixture().await;
    let mut input = f.store.offer(f.m, f.own_offer).await.unwrap().input;
    input.transitions = vec!["family_to_daycare".into()];
    f.store.update_offer(f.m, f.own_offer, &input, None).await.unwrap();
    let title = input.title.clone();
    // the chain matrix has a row per transition
    let home = get(&f.app, "/", "").await;
    assert!(
        home.body.contains("Übergänge zwischen den Lebensphasen") && home.body.contains("href=\"/offers?transition=family_to_daycare\""),
        "{}",
        home.body
    );
    // the offers list filters by it (it ignored the parameter before)
    let list = get(&f.app, "/offers?transition=family_to_daycare", "").await;
    assert!(list.body.contains(&title) && !list.body.contains("Elterncafé Mond"), "{}", list.body);
    assert!(!get(&f.app, "/offers?transition=school_to_work", "").await.body.contains(&title));
    // and the finder offers it
    let finder = get(&f.app, "/search?transition=family_to_daycare", "").await;
    assert!(finder.body.contains("id=\"transition\"") && finder.body.contains(&title), "{}", finder.body);
    assert!(!get(&f.app, "/search?transition=kita_to_primary", "").await.body.contains(&format!(">{title}</a>")));

    // anchor points: the fixture's place becomes one; the page lists it per district with the offers around it
    let org_a = f.store.organisation_by_key(f.m, "a").await.unwrap().unwrap();
    let mut place = f.store.organisation_locations(f.m, org_a).await.unwrap().into_iter().find(|l| l.lat.is_some()).unwrap();
    place.is_anchor_point = true;
    let place_input = kette_domain::LocationInput {
        name: place.name.clone(),
        street: place.street.clone(),
        postcode: place.postcode.clone(),
        city: place.city.clone(),
        lat: place.lat,
        lon: place.lon,
        district_id: place.district_id,
        is_anchor_point: true,
        is_confidential: false,
    };
    f.store.update_location(f.m, place.id, &place_input, None).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let overview = get(&f.app, "/anchor-points", "").await;
    assert_eq!(overview.status, StatusCode::OK);
    assert!(
        overview.body.contains("Ankerpunkte je Bezirk") && overview.body.contains("href=\"/anchor-points?district="),
        "{}",
        overview.body
    );
    let district = place.district_id.expect("fixture place has a district");
    let top = json_of(&get(&f.app, "/api/v1/districts?level=1", "").await)["items"][0]["id"].as_i64().unwrap();
    let page = get(&f.app, &format!("/anchor-points?district={top}"), "").await;
    assert!(page.body.contains(&place.name) && page.body.contains("in 1 km erreichbar"), "{}", page.body);
    assert!(page.body.contains(&format!("href=\"/search/{}\"", f.own_offer)), "the offer at the place is listed: {}", page.body);
    assert!(page.body.contains("class=\"results-svg\"") || page.body.contains("<svg"), "and mapped");
    let _ = district;
}

#[tokio::test]
async fn the_coordination_keeps_a_leitbild_and_goals_whose_progress_is_read_from_the_monitoring() {
    let f = fixture().await;
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let (partner, pcsrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(post_form(&f.app, "/steering/leitbild", &partner, &format!("csrf={pcsrf}&leitbild=x")).await.status, StatusCode::FORBIDDEN);
    let res =
        post_form(&f.app, "/steering/leitbild", &coord, &format!("csrf={csrf}&leitbild=Jedes+Kind+z%C3%A4hlt.&adopted_on=2026-03-01"))
            .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // child poverty in 0101: 31.5 % in 2018 (fixture); baseline 2016 at 35, target 25 in 2030
    let area = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let goal = |title: &str, extra: &str| {
        format!("csrf={csrf}&level=impact&title={title}&indicator_code=child_poverty&district_id={area}&baseline_year=2016&baseline_value=35&target_year=2030&target_value=25&tolerance=10{extra}")
    };
    let res = post_form(&f.app, "/steering/goals", &coord, &goal("Weniger+Kinderarmut", "")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // bad goals: a target in the past, a target year before the baseline, an action goal with no parent
    let past = post_form(&f.app, "/steering/goals", &coord, &goal("Alt", "").replace("target_year=2030", "target_year=2020")).await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(past.body.contains("Das Zieljahr liegt in der Vergangenheit."), "{}", past.body);
    let orphan = post_form(&f.app, "/steering/goals", &coord, &format!("csrf={csrf}&level=action&title=Lotsen")).await;
    assert!(orphan.body.contains("gehören zu einem übergeordneten Ziel"), "{}", orphan.body);
    assert_eq!(f.store.goals(f.m).await.unwrap().len(), 1, "nothing half-written");
    // the page: the Leitbild, the goal with its path and state, the rule in words
    let page = get(&f.app, "/steering", "").await;
    assert_eq!(page.status, StatusCode::OK);
    let b = &page.body;
    assert!(b.contains("Jedes Kind zählt.") && b.contains("beschlossen am 01.03.2026"), "{b}");
    assert!(b.contains("35 (2016) → 25 (2030)"), "{b}");
    // 2018 expects 35 − 10 × 2/14 = 33.6; 31.5 is ahead of the path
    assert!(b.contains("31,5 (2018; Pfad: 33,6)") && b.contains("progress-on-track"), "{b}");
    assert!(b.contains("So wird der Stand bestimmt"), "the rule is on the page");
    let ar = get(&f.app, "/steering?lang=ar", "").await;
    assert!(ar.body.contains("ضمن الخطة") && ar.body.contains("بيان الرؤية"), "{}", ar.body);
    // the same in the API, with the values progress was computed from
    let v = json_of(&get(&f.app, "/api/v1/goals", "").await);
    assert_eq!(v["total"], 1, "{v}");
    let g = &v["items"][0];
    assert_eq!(
        (g["level"].as_str(), g["progress"]["state"].as_str(), g["progress"]["year"].as_i64()),
        (Some("impact"), Some("on_track"), Some(2018)),
        "{g}"
    );
    assert!((g["progress"]["expected"].as_f64().unwrap() - 33.571).abs() < 0.01, "{g}");
    assert!(g["values"].as_array().unwrap().iter().any(|p| p["year"] == 2018 && p["value"] == 31.5), "{g}");
    assert_eq!(g["target"]["year"], 2030);

    // measures: what the chain does about the goal
    let goal_id = g["id"].as_i64().unwrap();
    let bad = post_form(
        &f.app,
        "/steering/measures",
        &coord,
        &format!("csrf={csrf}&measure_title=Lotsen&status=planned&starts_on=2027-01-01&ends_on=2026-01-01&budget_eur=-3"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("Das Ende liegt vor dem Beginn.") && bad.body.contains("Der Betrag darf nicht negativ sein."),
        "{}",
        bad.body
    );
    assert!(f.store.measures(f.m).await.unwrap().is_empty(), "nothing half-written");
    assert_eq!(
        post_form(&f.app, "/steering/measures", &partner, &format!("csrf={pcsrf}&measure_title=x&status=idea")).await.status,
        StatusCode::FORBIDDEN
    );
    let res = post_form(
        &f.app,
        "/steering/measures",
        &coord,
        &format!("csrf={csrf}&measure_title=Lotsen+in+Kitas&status=running&goal_ids={goal_id}&measure_life_phases=kita&measure_transitions=kita_to_primary&district_ids={area}&starts_on=2026-01-01&ends_on=2027-12-31&budget_eur=95000"),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let measure_url = res.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).expect("to the measure's page").to_string();
    let page = get(&f.app, "/steering", "").await;
    assert!(page.body.contains("Lotsen in Kitas") && page.body.contains("läuft") && page.body.contains("95.000 €"), "{}", page.body);
    assert!(page.body.contains("01.01.2026 – 31.12.2027") && page.body.contains("Kita-Alter"), "{}", page.body);
    assert!(page.body.contains(&format!("href=\"{measure_url}\"")), "the list links to the measure's page");

    // the measure's page: goals, transition and district; the coordination edits it there and
    // finds offers and organisations with a search that needs no JavaScript
    let public = get(&f.app, &measure_url, "").await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.body.contains("Weniger Kinderarmut") && public.body.contains("Kita → Grundschule") && public.body.contains("Bezirk 0101")
    );
    assert!(!public.body.contains("Maßnahme bearbeiten"), "the public reads, it does not edit");
    let base = format!(
        "csrf={csrf}&measure_title=Lotsen+in+Kitas&status=running&goal_ids={goal_id}&measure_life_phases=kita&measure_transitions=kita_to_primary&district_ids={area}&starts_on=2026-01-01&ends_on=2027-12-31&budget_eur=95.000"
    );
    let found = post_form(&f.app, &measure_url, &coord, &format!("{base}&search=Entwurf&action=search")).await;
    assert_eq!(found.status, StatusCode::OK, "a search saves nothing and is no error");
    assert!(found.body.contains(&format!("name=\"offer_ids\" value=\"{}\"", f.paused_offer)), "{}", found.body);
    let none = post_form(&f.app, &measure_url, &coord, &format!("{base}&search=Zebra&action=search")).await;
    assert!(none.body.contains("Nichts gefunden für „Zebra“."), "{}", none.body);
    let org_a = f.store.organisation_by_key(f.m, "a").await.unwrap().unwrap();
    let org_b = f.store.organisation_by_key(f.m, "b").await.unwrap().unwrap();
    let twice =
        post_form(&f.app, &measure_url, &coord, &format!("{base}&lead_organisation_id={org_a}&organisation_ids={org_a}&action=save")).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(twice.body.contains("steht schon als Federführung da"), "{}", twice.body);
    let unknown = post_form(&f.app, &measure_url, &coord, &format!("{base}&offer_ids=999999&action=save")).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY, "an offer of no one is refused");
    let saved = post_form(
        &f.app,
        &measure_url,
        &coord,
        &format!(
            "{base}&status=done&lead_organisation_id={org_a}&organisation_ids={org_b}&offer_ids={}&offer_ids={}&action=save",
            f.own_offer, f.paused_offer
        )
        .replace("status=running&", ""),
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let id: i64 = measure_url.rsplit('/').next().unwrap().parse().unwrap();
    let stored = f.store.measure(f.m, id).await.unwrap().unwrap();
    assert_eq!(stored.input.status.as_str(), "done");
    assert_eq!((stored.input.lead_organisation_id, stored.input.organisation_ids.clone()), (Some(org_a), vec![org_b]));
    assert_eq!(stored.input.offer_ids.len(), 2);
    // a paused offer is linked, but only the coordination and its own partner see it there
    let public = get(&f.app, &measure_url, "").await;
    assert!(public.body.contains("Krabbelgruppe Sonnenschein") && !public.body.contains("Geheimer Entwurf"), "{}", public.body);
    let api = json_of(&get(&f.app, "/api/v1/measures", "").await);
    assert_eq!(api["items"][0]["offer_ids"], serde_json::json!([f.own_offer]), "{api}");
    assert_eq!(api["items"][0]["transitions"], serde_json::json!(["kita_to_primary"]), "{api}");
    assert!(get(&f.app, &measure_url, &coord).await.body.contains("Geheimer Entwurf"));
    let audit = f.store.audit_entries(f.m, "measure", id).await.unwrap();
    assert!(audit.iter().any(|(_, _, _, detail)| detail.contains("running → done")), "the status change is in the audit log: {audit:?}");

    // the goal's page: its course as a chart and a table, the measures serving it, an edit form
    let goal_url = format!("/steering/goals/{goal_id}");
    let page = get(&f.app, &goal_url, "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("class=\"goal-chart\"") && page.body.contains("<td class=\"num\">31,5</td>"), "{}", page.body);
    assert!(page.body.contains("Lotsen in Kitas") && !page.body.contains("Ziel bearbeiten"), "{}", page.body);
    let edit = get(&f.app, &goal_url, &coord).await;
    assert!(edit.body.contains("Ziel bearbeiten") && edit.body.contains("value=\"35\""), "the form holds the goal's values");
    let bad = post_form(&f.app, &goal_url, &coord, &goal("", "")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = f
        .store
        .create_body(
            f.m,
            &kette_domain::bodies::BodyInput { kind: "steering_group".into(), name: "SG-INTERN-NAME".into(), description: String::new() },
            false,
            None,
        )
        .await
        .unwrap();
    let unknown_body = post_form(&f.app, &goal_url, &coord, &goal("Weniger+Kinderarmut", "&responsible_body_id=999999")).await;
    assert_eq!(unknown_body.status, StatusCode::UNPROCESSABLE_ENTITY, "a body of no one is refused");
    let moved = post_form(
        &f.app,
        &goal_url,
        &coord,
        &goal("Weniger+Kinderarmut", &format!("&responsible_body_id={body}")).replace("target_value=25", "target_value=20"),
    )
    .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    let public = get(&f.app, &goal_url, "").await.body;
    assert!(public.contains("35 (2016) → 20 (2030)"));
    // the public learns which kind of body answers for the goal, not the body's internal name
    assert!(public.contains("Steuerungsgruppe") && !public.contains("SG-INTERN-NAME"), "{public}");
    assert!(get(&f.app, &goal_url, &coord).await.body.contains(&format!("<a href=\"/bodies/{body}\" lang=\"de\">SG-INTERN-NAME</a>")));
    assert_eq!(post_form(&f.app, &goal_url, &partner, &goal("x", "")).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_body_runs_its_meetings_minutes_decisions_and_tasks_and_refuses_what_is_not_allowed_or_bad() {
    let f = fixture().await;
    f.store
        .create_account(NewAccount {
            municipality_id: f.m,
            username: "lea",
            display_name: "Lea",
            password: "geheim-genug",
            role: Role::Viewer,
            organisation_id: None,
            is_fictional: true,
        })
        .await
        .unwrap();
    let lea_id = f.store.accounts(f.m).await.unwrap().into_iter().find(|a| a.username == "lea").unwrap().id;
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let (partner, pcsrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let (lea, lcsrf) = sign_in(&f.app, "lea", "geheim-genug").await;
    // without sign-in: to the sign-in page; the coordination alone sets bodies up
    let anon = get(&f.app, "/bodies", "").await;
    assert!(anon.status.is_redirection() && anon.headers[header::LOCATION].to_str().unwrap().starts_with("/login"), "{}", anon.status);
    assert_eq!(post_form(&f.app, "/bodies", &lea, &format!("csrf={lcsrf}&kind=working_group&name=AG")).await.status, StatusCode::FORBIDDEN);
    let bad = post_form(&f.app, "/bodies", &coord, &format!("csrf={csrf}&kind=kaffeekranz&name=")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let made = post_form(&f.app, "/bodies", &coord, &format!("csrf={csrf}&kind=working_group&name=AG+%C3%9Cberg%C3%A4nge")).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let body_url = made.headers[header::LOCATION].to_str().unwrap().to_string();
    let body_id: i64 = body_url.trim_start_matches("/bodies/").parse().unwrap();
    // not yet members: neither Lea nor the partner sees it
    assert_eq!(get(&f.app, &body_url, &lea).await.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&f.app, &body_url, &partner).await.status, StatusCode::FORBIDDEN);
    assert!(!get(&f.app, "/bodies", &lea).await.body.contains("AG Übergänge"));
    let org_a = f.store.organisation_by_key(f.m, "a").await.unwrap().unwrap();
    let add = |who: String| {
        let app = f.app.clone();
        let coord = coord.clone();
        let url = format!("{body_url}/members");
        async move { post_form(&app, &url, &coord, &who).await }
    };
    assert_eq!(
        add(format!("csrf={csrf}&member_name=&member_email=keine&member_role=member")).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        add(format!("csrf={csrf}&member_name=Pat&member_organisation_id={org_a}&member_role=member")).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        add(format!(
            "csrf={csrf}&member_name=Lea&member_email=lea%40example.org&member_role=chair&is_decision_maker=1&member_account_id={lea_id}"
        ))
        .await
        .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post_form(&f.app, &format!("{body_url}/members"), &lea, &format!("csrf={lcsrf}&member_name=X&member_role=member")).await.status,
        StatusCode::FORBIDDEN,
        "members do not manage the member list"
    );
    // the partner's organisation sits in the body: the partner reads but does not write
    let seen = get(&f.app, &body_url, &partner).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(!seen.body.contains(&format!("action=\"{body_url}/meetings\"")), "no meeting form for readers");
    let meeting_form = |title: &str, date: &str, from: &str, to: &str, tok: &str| {
        format!("csrf={tok}&meeting_title={title}&meeting_date={date}&starts_time={from}&ends_time={to}&place=Rathaus&agenda=1.+Begr%C3%BC%C3%9Fung%0A2.+Elternbrief")
    };
    assert_eq!(
        post_form(&f.app, &format!("{body_url}/meetings"), &partner, &meeting_form("S", "2026-12-10", "15:00", "17:00", &pcsrf))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // a member plans a meeting; one that ends before it starts is refused with the reason
    let wrong =
        post_form(&f.app, &format!("{body_url}/meetings"), &lea, &meeting_form("2.+Sitzung", "2026-12-10", "15:00", "14:00", &lcsrf)).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Die Sitzung endet vor ihrem Beginn."), "{}", wrong.body);
    let planned =
        post_form(&f.app, &format!("{body_url}/meetings"), &lea, &meeting_form("2.+Sitzung", "2026-12-10", "15:00", "17:00", &lcsrf)).await;
    assert_eq!(planned.status, StatusCode::SEE_OTHER, "{}", planned.body);
    let meeting_url = planned.headers[header::LOCATION].to_str().unwrap().to_string();
    let meeting_id: i64 = meeting_url.trim_start_matches("/meetings/").parse().unwrap();
    let page = get(&f.app, &meeting_url, &lea).await;
    assert!(page.body.contains("<li>Begrüßung</li>") && page.body.contains("10.12.2026, 15:00 – 17:00"), "{}", page.body);
    let members = f.store.body(f.m, body_id).await.unwrap().unwrap().members;
    let lea_member = members.iter().find(|m| m.input.name == "Lea").unwrap().id;
    // minutes with script: refused with the line, nothing written; Markdown is shown as HTML
    let script = post_form(
        &f.app,
        &format!("{meeting_url}/minutes"),
        &lea,
        &format!("csrf={lcsrf}&present={lea_member}&minutes=Erster+Punkt%0A%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
    )
    .await;
    assert_eq!(script.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(script.body.contains("Das Protokoll enthält HTML") && script.body.contains("Zeile 2: &#60;script&#62;"), "{}", script.body);
    assert!(!script.body.contains("<script>alert"), "the refused text is shown escaped");
    assert!(f.store.meeting(f.m, meeting_id).await.unwrap().unwrap().minutes.is_empty());
    let saved = post_form(
        &f.app,
        &format!("{meeting_url}/minutes"),
        &lea,
        &format!("csrf={lcsrf}&present={lea_member}&minutes=%23+Ergebnisse%0A%0A**Elternbrief**+wird+%C3%BCbersetzt."),
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let read = get(&f.app, &meeting_url, &partner).await;
    assert!(read.body.contains("<h3>Ergebnisse</h3>") && read.body.contains("<strong>Elternbrief</strong>"), "{}", read.body);
    assert!(!read.body.contains("name=\"minutes\""), "readers get no minutes form");
    assert_eq!(
        post_form(&f.app, &format!("{meeting_url}/minutes"), &partner, &format!("csrf={pcsrf}&minutes=x")).await.status,
        StatusCode::FORBIDDEN
    );
    // a decision and a task from the meeting
    let decided =
        post_form(&f.app, &format!("{meeting_url}/decisions"), &lea, &format!("csrf={lcsrf}&decision_text=Elternbrief+in+5+Sprachen"))
            .await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER);
    let ownerless = post_form(
        &f.app,
        &format!("{body_url}/tasks"),
        &lea,
        &format!("csrf={lcsrf}&task_title=Brief&due_on=2026-11-24&meeting_id={meeting_id}"),
    )
    .await;
    assert_eq!(ownerless.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(ownerless.body.contains("braucht eine verantwortliche Person"), "{}", ownerless.body);
    let task = post_form(
        &f.app,
        &format!("{body_url}/tasks"),
        &lea,
        &format!("csrf={lcsrf}&task_title=Elternbrief+entwerfen&owner_member_id={lea_member}&due_on=2026-11-24&meeting_id={meeting_id}"),
    )
    .await;
    assert_eq!(task.status, StatusCode::SEE_OTHER);
    assert_eq!(task.headers[header::LOCATION], format!("{meeting_url}#tasks"));
    let mine = get(&f.app, "/tasks", &lea).await;
    assert!(mine.body.contains("Elternbrief entwerfen") && mine.body.contains("AG Übergänge"), "{}", mine.body);
    let task_id = f.store.tasks_of_account(f.m, lea_id).await.unwrap()[0].id;
    assert_eq!(
        post_form(&f.app, &format!("/tasks/{task_id}/status"), &partner, &format!("csrf={pcsrf}&status=done")).await.status,
        StatusCode::FORBIDDEN
    );
    let done = post_form(&f.app, &format!("/tasks/{task_id}/status"), &lea, &format!("csrf={lcsrf}&status=done&back=%2Ftasks")).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(f.store.task(f.m, task_id).await.unwrap().unwrap().status.as_str(), "done");
    // the meeting in Arabic
    let ar = get(&f.app, &format!("{meeting_url}?lang=ar"), &lea).await;
    assert!(ar.body.contains("المحضر") && ar.body.contains("القرارات"), "{}", ar.body);
    // the calendar: the secret link works without sign-in, a wrong one does not, renewing ends it
    let token = f.store.body(f.m, body_id).await.unwrap().unwrap().calendar_token;
    assert!(get(&f.app, &body_url, &lea).await.body.contains(&token), "members see the link");
    let ics = get(&f.app, &format!("{body_url}/meetings.ics?token={token}"), "").await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/calendar"));
    assert!(ics.body.contains("BEGIN:VEVENT") && ics.body.contains("DTSTART:20261210T140000Z"), "{}", ics.body);
    assert_eq!(get(&f.app, &format!("{body_url}/meetings.ics?token=falsch"), "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, &format!("{body_url}/meetings.ics"), "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(post_form(&f.app, &format!("{body_url}/calendar"), &lea, &format!("csrf={lcsrf}")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(post_form(&f.app, &format!("{body_url}/calendar"), &coord, &format!("csrf={csrf}")).await.status, StatusCode::SEE_OTHER);
    assert_eq!(get(&f.app, &format!("{body_url}/meetings.ics?token={token}"), "").await.status, StatusCode::NOT_FOUND);
    // the API lists what the body rule lets the caller read
    let bodies = json_of(&get(&f.app, "/api/v1/bodies", &lea).await);
    assert_eq!((bodies["total"].as_i64(), bodies["items"][0]["name"].as_str()), (Some(1), Some("AG Übergänge")), "{bodies}");
    assert_eq!(json_of(&get(&f.app, "/api/v1/bodies", "").await)["total"], 0);
    let meetings = json_of(&get(&f.app, "/api/v1/meetings", &partner).await);
    assert_eq!(meetings["items"][0]["starts_at"], "2026-12-10T15:00", "{meetings}");
    let tasks = json_of(&get(&f.app, "/api/v1/tasks", &lea).await);
    assert_eq!((tasks["items"][0]["status"].as_str(), tasks["items"][0]["owner"].as_str()), (Some("done"), Some("Lea")), "{tasks}");
    assert_eq!(json_of(&get(&f.app, "/api/v1/tasks", "").await)["total"], 0);
    // Lea leaves: she no longer sees the body
    let left = post_form(&f.app, &format!("{body_url}/members/{lea_member}/leave"), &coord, &format!("csrf={csrf}")).await;
    assert_eq!(left.status, StatusCode::SEE_OTHER);
    assert_eq!(get(&f.app, &body_url, &lea).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn working_groups_propose_the_steering_group_scores_and_an_accepted_proposal_becomes_a_measure() {
    let f = fixture().await;
    f.store
        .create_account(NewAccount {
            municipality_id: f.m,
            username: "lea",
            display_name: "Lea",
            password: "geheim-genug",
            role: Role::Viewer,
            organisation_id: None,
            is_fictional: true,
        })
        .await
        .unwrap();
    let lea_id = f.store.accounts(f.m).await.unwrap().into_iter().find(|a| a.username == "lea").unwrap().id;
    let wg = f
        .store
        .create_body(
            f.m,
            &kette_domain::bodies::BodyInput { kind: "working_group".into(), name: "AG Kita".into(), description: String::new() },
            false,
            None,
        )
        .await
        .unwrap();
    f.store
        .add_member(
            f.m,
            wg,
            &kette_domain::bodies::MemberInput {
                name: "Lea".into(),
                organisation_id: None,
                email: String::new(),
                role: kette_domain::bodies::MemberRole::Member,
                is_decision_maker: false,
                account_id: Some(lea_id),
            },
            None,
        )
        .await
        .unwrap();
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let (partner, pcsrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let (lea, lcsrf) = sign_in(&f.app, "lea", "geheim-genug").await;
    let proposal = |title: &str, tok: &str| {
        format!("csrf={tok}&proposal_title={title}&problem=Kinder+verlieren+beim+Wechsel+in+die+Schule+den+Anschluss&proposal_body_id={wg}&proposal_life_phase=kita&proposal_transition=kita_to_primary&expected_benefit=Weniger+Abbr%C3%BCche&cost_eur=12.000&partners=Kitas")
    };
    assert_eq!(
        post_form(&f.app, "/proposals", &partner, &proposal("X", &pcsrf)).await.status,
        StatusCode::FORBIDDEN,
        "no body, no proposal"
    );
    let empty = post_form(&f.app, "/proposals", &lea, &format!("csrf={lcsrf}&proposal_title=&problem=")).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let first = post_form(&f.app, "/proposals", &lea, &proposal("Br%C3%BCckenjahr", &lcsrf)).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    let first_url = first.headers[header::LOCATION].to_str().unwrap().to_string();
    let second = post_form(&f.app, "/proposals", &lea, &proposal("Elterncaf%C3%A9+am+Schulhof", &lcsrf)).await;
    let second_url = second.headers[header::LOCATION].to_str().unwrap().to_string();
    // only the steering group (here: the coordination) scores
    assert_eq!(
        post_form(&f.app, &format!("{first_url}/scores"), &lea, &format!("csrf={lcsrf}&score_need=5")).await.status,
        StatusCode::FORBIDDEN
    );
    let bad = post_form(&f.app, &format!("{first_url}/scores"), &coord, &format!("csrf={csrf}&score_need=9")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Eine Bewertung liegt zwischen 0 und 5."));
    let scored = post_form(
        &f.app,
        &format!("{first_url}/scores"),
        &coord,
        &format!("csrf={csrf}&score_need=5&score_reach=3&score_cost=2&score_feasibility=4"),
    )
    .await;
    assert_eq!(scored.status, StatusCode::SEE_OTHER);
    post_form(&f.app, &format!("{second_url}/scores"), &coord, &format!("csrf={csrf}&score_need=1&score_reach=1")).await;
    // the ranking: 31/8 = 3,88 first, need's share 15/31 = 48 %; the second misses two scores
    let list = get(&f.app, "/proposals", &lea).await;
    let b = &list.body;
    let (at_first, at_second) = (b.find("Brückenjahr").unwrap(), b.find("Elterncafé am Schulhof").unwrap());
    assert!(at_first < at_second, "best first");
    assert!(b.contains("3,88") && b.contains("48 %") && b.contains("2 Bewertungen fehlen"), "{b}");
    // weights: refused whole when one is out of range
    let weights = post_form(
        &f.app,
        "/proposals/criteria",
        &coord,
        &format!("csrf={csrf}&weight_need=11&weight_reach=2&weight_cost=1&weight_feasibility=2"),
    )
    .await;
    assert_eq!(weights.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(f.store.proposal_criteria(f.m).await.unwrap()[0].weight, 3.0);
    assert_eq!(post_form(&f.app, "/proposals/criteria", &lea, &format!("csrf={lcsrf}&weight_need=1")).await.status, StatusCode::FORBIDDEN);
    // rejecting needs a reason; accepting writes the measure
    let no_reason = post_form(&f.app, &format!("{second_url}/reject"), &coord, &format!("csrf={csrf}&reason=")).await;
    assert!(no_reason.body.contains("Eine Ablehnung braucht eine Begründung."), "{}", no_reason.body);
    assert_eq!(
        post_form(&f.app, &format!("{second_url}/reject"), &coord, &format!("csrf={csrf}&reason=Gibt+es+schon")).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(post_form(&f.app, &format!("{first_url}/accept"), &lea, &format!("csrf={lcsrf}")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(post_form(&f.app, &format!("{first_url}/accept"), &coord, &format!("csrf={csrf}")).await.status, StatusCode::SEE_OTHER);
    let again = post_form(&f.app, &format!("{first_url}/accept"), &coord, &format!("csrf={csrf}")).await;
    assert!(again.body.contains("schon entschieden"), "{}", again.body);
    let measures = f.store.measures(f.m).await.unwrap();
    assert_eq!(measures.len(), 1, "one measure, not two");
    let m = &measures[0];
    assert_eq!((m.input.title.as_str(), m.input.status.as_str(), m.input.budget_eur), ("Brückenjahr", "planned", Some(12000.0)));
    assert_eq!(m.input.life_phases, vec!["kita"]);
    let page = get(&f.app, &first_url, &lea).await;
    assert!(page.body.contains("angenommen") && page.body.contains("Maßnahme"), "{}", page.body);
    let api = json_of(&get(&f.app, "/api/v1/proposals", &lea).await);
    assert_eq!(api["total"], 2, "{api}");
    let accepted = api["items"].as_array().unwrap().iter().find(|p| p["status"] == "accepted").unwrap();
    assert!((accepted["total"].as_f64().unwrap() - 3.875).abs() < 1e-9, "{accepted}");
    assert_eq!(accepted["scores"][0]["criterion"], "need");
    assert_eq!(json_of(&get(&f.app, "/api/v1/proposals", "").await)["total"], 0, "working material, not public");
    let measures = json_of(&get(&f.app, "/api/v1/measures", "").await);
    assert_eq!((measures["items"][0]["title"].as_str(), measures["items"][0]["budget_eur"].as_f64()), (Some("Brückenjahr"), Some(12000.0)));
    let decided = get(&f.app, "/proposals?lang=ar", &lea).await;
    assert!(decided.body.contains("مرفوض") && decided.body.contains("Gibt es schon"), "{}", decided.body);
}

#[tokio::test]
async fn the_strategy_cycle_records_phase_and_achievements_with_evidence_and_shows_what_is_open() {
    let f = fixture().await;
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let (partner, pcsrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let page = get(&f.app, "/steering/cycle", &partner).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Entscheider in der Steuerungsgruppe") && page.body.contains("0 von 9 erreicht"), "{}", page.body);
    assert_eq!(
        post_form(&f.app, "/steering/cycle/phase", &partner, &format!("csrf={pcsrf}&phase=implementation&since=2026-01-15")).await.status,
        StatusCode::FORBIDDEN
    );
    let future = post_form(&f.app, "/steering/cycle/phase", &coord, &format!("csrf={csrf}&phase=implementation&since=2027-01-15")).await;
    assert_eq!(future.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(future.body.contains("Das Datum liegt in der Zukunft."));
    for (phase, since) in [("build_up", "2025-01-10"), ("implementation", "2026-01-15")] {
        let res = post_form(&f.app, "/steering/cycle/phase", &coord, &format!("csrf={csrf}&phase={phase}&since={since}")).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
    }
    // a document that is no web address is refused, nothing recorded
    let bad = post_form(
        &f.app,
        "/steering/cycle/check",
        &coord,
        &format!("csrf={csrf}&item_code=political_mandate&done_on=2025-02-01&evidence_kind=document&evidence_url=javascript%3Aalert(1)"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Eine Webadresse beginnt mit https://"), "{}", bad.body);
    assert!(f.store.cycle_checks(f.m).await.unwrap().is_empty());
    let good = post_form(
        &f.app,
        "/steering/cycle/check",
        &coord,
        &format!("csrf={csrf}&item_code=political_mandate&done_on=2025-02-01&evidence_kind=document&evidence_url=https%3A%2F%2Fratsinfo.example%2Fvorlage%2F42"),
    )
    .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER);
    // the coordination extends and trims the list
    let added = post_form(
        &f.app,
        "/steering/cycle/items",
        &coord,
        &format!("csrf={csrf}&item_phase=implementation&item_kind=activity&item_label=Elternbeirat+gegr%C3%BCndet"),
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert_eq!(
        post_form(&f.app, "/steering/cycle/items", &coord, &format!("csrf={csrf}&item_code=events&hide=1")).await.status,
        StatusCode::SEE_OTHER
    );
    let page = get(&f.app, "/steering/cycle", &partner).await;
    let b = &page.body;
    assert!(b.contains("Umsetzung</strong> · seit 15.01.2026"), "{b}");
    assert!(b.contains("1 von 9 erreicht") && b.contains("https://ratsinfo.example/vorlage/42"), "{b}");
    assert!(b.contains("Elternbeirat gegründet") && !b.contains("Veranstaltungen durchgeführt"), "{b}");
    assert!(b.contains("offen"), "what is open is shown");
    let ar = get(&f.app, "/steering/cycle?lang=ar", &partner).await;
    assert!(ar.body.contains("التأسيس") && ar.body.contains("عوامل النجاح"), "{}", ar.body);
}

/// A mail server on a local port that accepts every message and keeps it: enough of SMTP
/// (RFC 5321) for lettre to deliver over a real TCP connection.
async fn smtp_sink() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let messages = std::sync::Arc::new(std::sync::Mutex::new(vec![]));
    let kept = messages.clone();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else { return };
            let kept = kept.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
                while let Ok(Some(line)) = lines.next_line().await {
                    let command = line.to_ascii_uppercase();
                    let reply: &[u8] = if command.starts_with("EHLO") {
                        b"250-sink\r\n250 8BITMIME\r\n"
                    } else if command.starts_with("DATA") {
                        write.write_all(b"354 go on\r\n").await.unwrap();
                        let mut message = String::new();
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            message.push_str(&l);
                            message.push('\n');
                        }
                        kept.lock().unwrap().push(message);
                        b"250 kept\r\n"
                    } else if command.starts_with("QUIT") {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    } else {
                        b"250 ok\r\n"
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (format!("smtp://127.0.0.1:{port}"), messages)
}

#[tokio::test]
async fn partners_assess_the_network_anonymously_by_one_time_links_and_results_show_from_five_answers() {
    let f = fixture().await;
    // without a mail server no round opens: links handed out by hand would not be anonymous
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let refused = post_form(&f.app, "/survey/rounds", &coord, &format!("csrf={csrf}&year=2026")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Kein Mailserver eingerichtet"), "{}", refused.body);
    assert!(f.store.survey_rounds(f.m).await.unwrap().is_empty());
    // six partner contacts with addresses
    let org_a = f.store.organisation_by_key(f.m, "a").await.unwrap().unwrap();
    let body = f
        .store
        .create_body(
            f.m,
            &kette_domain::bodies::BodyInput {
                kind: "network_conference".into(),
                name: "Netzwerkkonferenz".into(),
                description: String::new(),
            },
            false,
            None,
        )
        .await
        .unwrap();
    for i in 0..6 {
        let member = kette_domain::bodies::MemberInput {
            name: format!("Partner {i}"),
            organisation_id: Some(org_a),
            email: format!("partner{i}@example.org"),
            role: kette_domain::bodies::MemberRole::Member,
            is_decision_maker: false,
            account_id: None,
        };
        f.store.add_member(f.m, body, &member, None).await.unwrap();
    }
    let (url, inbox) = smtp_sink().await;
    let config = kette_web::WebConfig {
        mailer: Some(kette_notify::Mailer::new(&url, "kette@example.org").unwrap()),
        public_url: "http://kette.test".into(),
        ..Default::default()
    };
    let app = kette_web::router(kette_web::AppState::new(f.store.clone(), config));
    let (coord, csrf) = sign_in(&app, "koord", "geheim-genug").await;
    let (partner, pcsrf) = sign_in(&app, "partner", "geheim-genug").await;
    assert_eq!(post_form(&app, "/survey/rounds", &partner, &format!("csrf={pcsrf}&year=2026")).await.status, StatusCode::FORBIDDEN);
    let sent = post_form(&app, "/survey/rounds", &coord, &format!("csrf={csrf}&year=2026")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(sent.headers[header::LOCATION], "/survey?sent=6");
    // quoted-printable as the mail client reads it: soft line breaks joined
    let mails: Vec<String> = inbox.lock().unwrap().iter().map(|m| m.replace("=\n", "")).collect();
    assert_eq!(mails.len(), 6);
    let links: Vec<String> = mails
        .iter()
        .map(|m| {
            let start = m.find("http://kette.test/survey/").expect("a link in every mail");
            m[start + "http://kette.test".len()..].split_whitespace().next().unwrap().to_string()
        })
        .collect();
    let mut distinct = links.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 6, "every address its own link");
    assert_eq!(
        post_form(&app, "/survey/rounds", &coord, &format!("csrf={csrf}&year=2026")).await.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "one round a year"
    );
    // the questionnaire needs no sign-in; bad values are refused, nothing is spent
    let form = get(&app, &links[0], "").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Im Netzwerk herrscht eine Kultur des Vertrauens."), "{}", form.body);
    let bad = post_form(&app, &links[0], "", "trust=7").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let empty = post_form(&app, &links[0], "", "trust=none").await;
    assert!(empty.body.contains("mindestens eine Aussage"), "{}", empty.body);
    // four answers: nothing shows yet
    for (i, link) in links.iter().take(4).enumerate() {
        let res = post_form(&app, link, "", &format!("trust={}&documentation=2&structure=none", 3 + i % 2)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let again = post_form(&app, &links[0], "", "trust=5").await;
    assert_eq!(again.status, StatusCode::GONE);
    assert!(again.body.contains("schon geantwortet"), "{}", again.body);
    let overview = get(&app, "/survey", &partner).await;
    assert!(overview.body.contains("weniger als 5 Antworten") && !overview.body.contains("3,5 (4)"), "{}", overview.body);
    // the fifth answer shows the mean: trust (3 + 4 + 3 + 4 + 5) / 5 = 3.8
    assert_eq!(post_form(&app, &links[4], "", "trust=5&documentation=2").await.status, StatusCode::SEE_OTHER);
    let overview = get(&app, "/survey", &partner).await;
    assert!(overview.body.contains("3,8 (5)") && overview.body.contains("2,0 (5)"), "{}", overview.body);
    assert!(overview.body.contains("5 Antworten"), "{}", overview.body);
    // nothing stored links an answer to a link or a person
    let columns: Vec<String> =
        sqlx::query_scalar("SELECT name FROM pragma_table_info('survey_answer')").fetch_all(f.store.pool()).await.unwrap();
    assert_eq!(columns, vec!["round_id", "factor", "score"]);
    // a closed round takes no more answers
    let round = f.store.survey_rounds(f.m).await.unwrap()[0].id;
    assert_eq!(
        post_form(&app, &format!("/survey/rounds/{round}/close"), &coord, &format!("csrf={csrf}")).await.status,
        StatusCode::SEE_OTHER
    );
    let late = post_form(&app, &links[5], "", "trust=1").await;
    assert!(late.body.contains("Diese Befragung ist beendet."), "{}", late.body);
    assert_eq!(get(&app, "/survey/0000", "").await.status, StatusCode::NOT_FOUND);
    let ar = get(&app, &format!("{}?lang=ar", links[5]), "").await;
    assert!(ar.body.contains("انتهى هذا الاستبيان"), "{}", ar.body);
}

#[tokio::test]
async fn the_steering_dashboard_gathers_goals_measures_tasks_cycle_survey_and_gaps_each_linking_to_its_source() {
    let f = fixture().await;
    let body = f
        .store
        .create_body(
            f.m,
            &kette_domain::bodies::BodyInput { kind: "steering_group".into(), name: "Steuerungsgruppe".into(), description: String::new() },
            false,
            None,
        )
        .await
        .unwrap();
    let member = kette_domain::bodies::MemberInput {
        name: "Kim".into(),
        organisation_id: None,
        email: String::new(),
        role: kette_domain::bodies::MemberRole::Chair,
        is_decision_maker: true,
        account_id: None,
    };
    let kim = f.store.add_member(f.m, body, &member, None).await.unwrap();
    // the fixture's clock stands at 2026-11-22: one task overdue, one not
    for (title, due) in [("Bericht", time::macros::date!(2026 - 11 - 01)), ("Einladung", time::macros::date!(2026 - 12 - 15))] {
        let task = kette_domain::bodies::TaskInput {
            title: title.into(),
            owner_member_id: Some(kim),
            due_on: Some(due),
            status: kette_domain::bodies::TaskStatus::Open,
            meeting_id: None,
        };
        f.store.create_task(f.m, body, &task, None).await.unwrap();
    }
    f.store.set_cycle_phase(f.m, kette_domain::cycle::Phase::Implementation, time::macros::date!(2026 - 01 - 15), "", None).await.unwrap();
    let (coord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let public = get(&f.app, "/steering", "").await;
    assert_eq!(public.status, StatusCode::OK);
    let b = &public.body;
    assert!(b.contains("Überblick") && b.contains("Umsetzung · 0 von 7 erreicht"), "{b}");
    assert!(b.contains("href=\"/steering/cycle\"") && b.contains("Lücken der Kette"), "{b}");
    assert!(
        !b.contains("offene Aufgaben") && !b.contains("href=\"/survey\">Selbsteinschätzung des Netzwerks"),
        "tasks and survey are for the signed-in"
    );
    let staff = get(&f.app, "/steering", &coord).await;
    assert!(staff.body.contains("2 offene Aufgaben") && staff.body.contains("1 überfällig"), "{}", staff.body);
    assert!(staff.body.contains("href=\"/tasks\""), "each figure links to its source");
    assert!(staff.body.contains("Noch keine Antworten."), "{}", staff.body);
    // last year's self-assessment is shown while this year's has too few answers yet
    for (year, answers) in [(2025, 5usize), (2026, 2)] {
        let (_, tokens) = f.store.open_survey_round(f.m, year, 6, false, None).await.unwrap();
        for token in tokens.iter().take(answers) {
            let scores: Vec<(String, u8)> =
                kette_domain::survey::FACTORS.iter().map(|code| (code.to_string(), if *code == "trust" { 2 } else { 4 })).collect();
            f.store.answer_survey(f.m, token, &scores).await.unwrap();
        }
    }
    let staff = get(&f.app, "/steering", &coord).await;
    assert!(staff.body.contains("2025: Mittelwert") && staff.body.contains("Kultur des Vertrauens"), "{}", staff.body);
    assert!(staff.body.contains("2026: noch zu wenige Antworten"), "{}", staff.body);
}

#[tokio::test]
async fn the_network_page_shows_ties_brokers_and_agreements_to_staff_and_a_partner_its_own() {
    use kette_domain::agreements::AgreementInput;
    let f = fixture().await;
    let batch = kette_store::ImportBatch {
        organisations: vec![kette_domain::NewOrganisation {
            external_key: "c".into(),
            name: "Dritter Träger".into(),
            kind: kette_domain::vocab::OrganisationKind::Other,
            website: String::new(),
            email: String::new(),
            phone: String::new(),
        }],
        ..Default::default()
    };
    f.store.import_batch(f.m, &batch, |_| {}).await.unwrap();
    let org = |key: &'static str| {
        let store = f.store.clone();
        async move { store.organisation_by_key(f.m, key).await.unwrap().unwrap() }
    };
    let (a, b, c) = (org("a").await, org("b").await, org("c").await);
    let agreement = |title: &str, parties: Vec<i64>| AgreementInput {
        kind: "referral_route".into(),
        title: title.into(),
        organisation_ids: parties,
        since: None,
        until: None,
        duties: vec![],
        contacts: String::new(),
        document_url: String::new(),
    };
    f.store.create_agreement(f.m, &agreement("Weg A nach B", vec![a, b]), false, None).await.unwrap();
    f.store.create_agreement(f.m, &agreement("Weg B nach C", vec![b, c]), false, None).await.unwrap();

    assert_eq!(get(&f.app, "/network", "").await.status, StatusCode::FORBIDDEN, "the network is for signed-in readers");
    let (coord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let page = get(&f.app, "/network", &coord).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    // B sits between A and C: the only broker, betweenness 1 (a path of three)
    assert!(body.contains("3 von 3") && body.contains("Verweisungsweg"), "{body}");
    let broker = body.split("Vermittelnde Organisationen").nth(1).unwrap();
    assert!(broker.find("Träger B").unwrap() < broker.find("Träger A").unwrap_or(usize::MAX), "{broker}");
    assert!(broker.contains("1,000"), "B's betweenness: {broker}");
    // A and B both keep youth-welfare offers, C none: one tie with both domains known, within one
    let across = body.split("Verbindungen über Handlungsfelder hinweg").nth(1).expect("the across-domains line");
    assert!(across.contains("0 von 1"), "{across}");
    assert!(broker.contains("Kinder- und Jugendhilfe"), "the broker's main domain: {broker}");
    assert!(body.contains("Weg A nach B") && body.contains("Weg B nach C"));
    // the picture drawn on the server, and the same placed graph for the interactive view
    assert!(body.contains("class=\"network-svg\"") && body.contains("cytoscape.min.js"), "{body}");
    let drawing: serde_json::Value = serde_json::from_str(&get(&f.app, "/network/graph.json", &coord).await.body).unwrap();
    assert_eq!(drawing["nodes"].as_array().unwrap().len(), 3, "{drawing}");
    assert_eq!(drawing["edges"].as_array().unwrap().len(), 2);
    assert!(drawing["nodes"].as_array().unwrap().iter().all(|n| (0.0..=1.0).contains(&n["x"].as_f64().unwrap())));
    // the coordination downloads the graph, which reads back with its ties
    let graphml = get(&f.app, "/network/export/graphml", &coord).await;
    assert_eq!(graphml.status, StatusCode::OK);
    let graph = kette_network::read_graphml(&graphml.body).unwrap();
    assert_eq!((graph.nodes.len(), graph.edges.len()), (3, 2));
    assert_eq!(get(&f.app, "/network/export/pdf", &coord).await.status, StatusCode::NOT_FOUND);
    // a partner of A sees A's agreement, not B and C's, and no figures or downloads
    let (partner, _) = sign_in(&f.app, "partner", "geheim-genug").await;
    let own = get(&f.app, "/network", &partner).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("Weg A nach B") && !own.body.contains("Weg B nach C") && !own.body.contains("Vermittelnde"), "{}", own.body);
    assert_eq!(get(&f.app, "/network/export/graphml", &partner).await.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&f.app, "/network/graph.json", &partner).await.status, StatusCode::FORBIDDEN);
    assert!(!own.body.contains("cytoscape"), "the library loads only where the picture is");
    let propose = get(&f.app, "/network/agreements/new", &partner).await;
    assert!(propose.status == StatusCode::OK && propose.body.contains("Neue Vereinbarung vorschlagen"), "a partner proposes instead");

    // the coordination writes an agreement: finds the parties, gives one a duty, saves
    let district = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let found = post_form(
        &f.app,
        "/network/agreements/new",
        &coord,
        &format!("csrf={csrf}&kind=joint_offer&agreement_title=Elterncaf%C3%A9&search=Tr%C3%A4ger&action=search"),
    )
    .await;
    assert_eq!(found.status, StatusCode::OK, "a search saves nothing and is no error");
    assert!(found.body.contains(&format!("name=\"organisation_ids\" value=\"{c}\"")), "{}", found.body);
    let itself = post_form(
        &f.app,
        "/network/agreements/new",
        &coord,
        &format!("csrf={csrf}&kind=joint_offer&agreement_title=Elterncaf%C3%A9&organisation_ids={a}&action=save"),
    )
    .await;
    assert_eq!(itself.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(itself.body.contains("vereinbart nichts mit sich selbst"), "{}", itself.body);
    let saved = post_form(
        &f.app,
        "/network/agreements/new",
        &coord,
        &format!(
            "csrf={csrf}&kind=joint_offer&agreement_title=Elterncaf%C3%A9&organisation_ids={a}&organisation_ids={c}&since=2026-01-01\
             &duty_org_0={c}&duty_task_0=stellt+die+R%C3%A4ume&duty_phase_0=kita&duty_transition_0=kita_to_primary&duty_district_0={district}&action=save"
        ),
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let stored = f.store.agreements(f.m, Some(c)).await.unwrap();
    let made = stored.iter().find(|x| x.input.title == "Elterncafé").expect("saved");
    assert_eq!(made.input.duties.len(), 1);
    assert_eq!(made.input.duties[0].transition.as_deref(), Some("kita_to_primary"));
    assert_eq!(made.input.duties[0].district_id, Some(district), "the duty is for a district");
    let edit = get(&f.app, &format!("/network/agreements/{}", made.id), &coord).await;
    assert!(edit.body.contains("stellt die Räume") && edit.body.contains("Vereinbarung bearbeiten"), "{}", edit.body);
    let ended = post_form(
        &f.app,
        &format!("/network/agreements/{}", made.id),
        &coord,
        &format!("csrf={csrf}&kind=joint_offer&agreement_title=Elterncaf%C3%A9&organisation_ids={a}&organisation_ids={c}&since=2026-01-01&until=2025-01-01&action=save"),
    )
    .await;
    assert_eq!(ended.status, StatusCode::UNPROCESSABLE_ENTITY, "an end before the start is refused");
    assert_eq!(f.store.agreement(f.m, made.id).await.unwrap().unwrap().input.duties.len(), 1, "nothing half-written");
}

#[tokio::test]
async fn the_coordination_links_next_steps_that_families_see_and_cycles_are_refused() {
    let f = fixture().await;
    let (own, other, paused) = (f.own_offer, f.other_offer, f.paused_offer);
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    // found by the plain search on the offer's page, then linked at a transition
    let found = get(&f.app, &format!("/offers/{own}?chain_q=Elterncaf"), &coord).await;
    assert!(found.body.contains(&format!("name=\"to_offer_id\" value=\"{other}\"")), "{}", found.body);
    let linked =
        post_form(&f.app, &format!("/offers/{own}/next"), &coord, &format!("csrf={csrf}&to_offer_id={other}&transition=family_to_daycare"))
            .await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER, "{}", linked.body);
    // a step to the paused offer exists too, but families never see it
    let input = kette_domain::chain::ChainLinkInput { from_offer_id: own, to_offer_id: paused, transition: None };
    f.store.add_offer_link(f.m, &input, false, None).await.unwrap();
    let public = get(&f.app, &format!("/search/{own}"), "").await;
    assert_eq!(public.status, StatusCode::OK);
    let next = public.body.split("Wie geht es weiter?").nth(1).expect("the next steps on the public page");
    assert!(next.contains("Elterncafé Mond") && next.contains("Familie → Kita"), "{next}");
    assert!(!public.body.contains("Geheimer Entwurf"), "a paused offer is no next step for families");
    let english = get(&f.app, &format!("/search/{own}?lang=en"), "").await;
    assert!(english.body.contains("What comes next?"), "in the reader's language");
    // the coordination sees both steps on the staff page, and what comes before on the other
    let staff = get(&f.app, &format!("/offers/{own}"), &coord).await;
    assert!(staff.body.contains("Geheimer Entwurf") && staff.body.contains("Elterncafé Mond"), "{}", staff.body);
    let before = get(&f.app, &format!("/offers/{other}"), &coord).await;
    assert!(before.body.split("Was davor kommt").nth(1).is_some_and(|b| b.contains("Krabbelgruppe Sonnenschein")), "{}", before.body);

    // back from the Elterncafé to the Krabbelgruppe would close a cycle: refused, with the path
    let cycle = post_form(&f.app, &format!("/offers/{other}/next"), &coord, &format!("csrf={csrf}&to_offer_id={own}")).await;
    assert_eq!(cycle.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(cycle.body.contains("Elterncafé Mond → Krabbelgruppe Sonnenschein → Elterncafé Mond"), "{}", cycle.body);
    let itself = post_form(&f.app, &format!("/offers/{own}/next"), &coord, &format!("csrf={csrf}&to_offer_id={own}")).await;
    assert_eq!(itself.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(itself.body.contains("nicht auf sich selbst folgen"), "{}", itself.body);
    let twice = post_form(&f.app, &format!("/offers/{own}/next"), &coord, &format!("csrf={csrf}&to_offer_id={other}")).await;
    assert!(twice.status == StatusCode::UNPROCESSABLE_ENTITY && twice.body.contains("schon verknüpft"), "{}", twice.body);
    let unknown =
        post_form(&f.app, &format!("/offers/{own}/next"), &coord, &format!("csrf={csrf}&to_offer_id={other}&transition=nirgendwo")).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let none = post_form(&f.app, &format!("/offers/{own}/next"), &coord, &format!("csrf={csrf}")).await;
    assert!(none.status == StatusCode::UNPROCESSABLE_ENTITY && none.body.contains("das danach kommt"), "{}", none.body);
    assert_eq!(f.store.offer_links(f.m).await.unwrap().len(), 2, "nothing refused was written");

    // the chain of the district: the link, and the transitions nothing bridges
    let chain = get(&f.app, "/network/chain", &coord).await;
    assert_eq!(chain.status, StatusCode::OK);
    assert!(chain.body.contains("3 Übergänge werden von keinem Angebot"), "{}", chain.body);
    assert!(chain.body.contains("class=\"chain-svg\"") && chain.body.contains("chain-unbridged"), "the diagram is drawn");
    let table = chain.body.split("Verknüpfte Schritte</h2>").nth(1).unwrap();
    assert!(table.contains("Krabbelgruppe Sonnenschein") && table.contains("Elterncafé Mond"), "{table}");
    let district = f.store.district_by_key(f.m, "01").await.unwrap().unwrap();
    assert_eq!(get(&f.app, &format!("/network/chain?district={district}"), &coord).await.status, StatusCode::OK);
    assert_eq!(get(&f.app, "/network/chain?district=x", &coord).await.status, StatusCode::BAD_REQUEST);

    // partners and the public neither link nor see the chain page
    let (partner, partner_csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(get(&f.app, "/network/chain", &partner).await.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&f.app, "/network/chain", "").await.status, StatusCode::NOT_FOUND);
    let refused = post_form(&f.app, &format!("/offers/{other}/next"), &partner, &format!("csrf={partner_csrf}&to_offer_id={paused}")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(!get(&f.app, &format!("/offers/{own}"), &partner).await.body.contains("chain_q"), "no form for partners");

    // unlinking is written to the audit log
    let link = f.store.offer_links(f.m).await.unwrap().into_iter().find(|l| l.to_offer_id == other).unwrap();
    let removed = post_form(&f.app, &format!("/offers/{own}/next/{}/remove", link.id), &coord, &format!("csrf={csrf}")).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(f.store.offer_links(f.m).await.unwrap().len(), 1);
    let again = post_form(&f.app, &format!("/offers/{own}/next/{}/remove", link.id), &coord, &format!("csrf={csrf}")).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let audit = f.store.audit_entries(f.m, "offer_link", link.id).await.unwrap();
    assert_eq!(audit.len(), 2, "created and removed: {audit:?}");
}

#[tokio::test]
async fn navigators_log_anonymous_contacts_follow_them_up_and_read_counts_with_small_ones_withheld() {
    let f = fixture().await;
    for (user, role) in [("lotsin", Role::Navigator), ("lesen", Role::Viewer)] {
        f.store
            .create_account(NewAccount {
                municipality_id: f.m,
                username: user,
                display_name: user,
                password: "geheim-genug",
                role,
                organisation_id: None,
                is_fictional: true,
            })
            .await
            .unwrap();
    }
    let (navi, csrf) = sign_in(&f.app, "lotsin", "geheim-genug").await;
    let district = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    // the log form finds public offers only
    let search = get(&f.app, "/referrals?offer_q=Elterncaf", &navi).await;
    assert!(search.body.contains(&format!("name=\"offer_id\" value=\"{}\"", f.other_offer)), "{}", search.body);
    assert!(!get(&f.app, "/referrals?offer_q=Geheimer", &navi).await.body.contains("Geheimer Entwurf"));
    // five contacts about the Kita transition, one reached; two about school work
    let log = |body: String| {
        let (app, navi) = (f.app.clone(), navi.clone());
        async move { post_form(&app, "/referrals", &navi, &body).await }
    };
    for i in 0..5 {
        let outcome = if i == 0 { "reached" } else { "unknown" };
        let saved = log(format!(
            "csrf={csrf}&contacted_on=2026-11-1{i}&district={district}&life_phase=kita&transition=kita_to_primary&domain=youth_welfare&offer_id={}&outcome={outcome}",
            f.other_offer
        ))
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }
    for _ in 0..2 {
        let saved = log(format!("csrf={csrf}&contacted_on=2026-11-20&life_phase=primary&domain=education&offer_id=")).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }
    // refused: a date ahead, one older than a year, nothing it was about, an unknown code
    let ahead = log(format!("csrf={csrf}&contacted_on=2026-11-23&life_phase=kita")).await;
    assert!(ahead.status == StatusCode::UNPROCESSABLE_ENTITY && ahead.body.contains("nach dem Tag eingetragen"), "{}", ahead.body);
    let old = log(format!("csrf={csrf}&contacted_on=2025-11-01&life_phase=kita")).await;
    assert!(old.body.contains("innerhalb eines Jahres"), "{}", old.body);
    let nothing = log(format!("csrf={csrf}&contacted_on=2026-11-20")).await;
    assert!(nothing.body.contains("Lebensphase, das Thema oder das Angebot"), "{}", nothing.body);
    let unknown = log(format!("csrf={csrf}&contacted_on=2026-11-20&life_phase=rente")).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let free_text = log(format!("csrf={csrf}&contacted_on=2026-11-20&life_phase=kita&offer_id=999999")).await;
    assert_eq!(free_text.status, StatusCode::UNPROCESSABLE_ENTITY, "an offer of no one");
    let today = f.store.today();
    let (_, sealed) = f.store.contact_counts(f.m, ContactDimension::Outcome, today - time::Duration::days(30), today).await.unwrap();
    let raw: u64 = kette_domain::disclosure::Disclosure::new(
        Some(kette_domain::access::Actor { role: Role::Coordinator, organisation_id: None }),
        Default::default(),
    )
    .sealed_counts(sealed)
    .1
    .to_string()
    .parse()
    .unwrap();
    assert_eq!(raw, 7, "nothing refused was counted");

    // the navigator sees the counts through the rule: 2 contacts about primary school are withheld
    // and so is one more row of that table, or 7 − 5 would give them away
    let page = get(&f.app, "/referrals", &navi).await;
    assert_eq!(page.status, StatusCode::OK);
    let phases = page.body.split("<caption>Nach Lebensphase</caption>").nth(1).unwrap().split("</table>").next().unwrap();
    assert!(phases.contains("Grundschule (6–10)</td><td class=\"num\">&#60;3"), "{phases}");
    assert!(!phases.contains(">5<") && !phases.contains(">2<"), "secondary suppression: {phases}");
    assert!(page.body.contains("zum Schutz der Familien zurückgehalten"));
    // the coordination reads them raw
    let (coord, coord_csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let raw_page = get(&f.app, "/referrals", &coord).await;
    let phases = raw_page.body.split("<caption>Nach Lebensphase</caption>").nth(1).unwrap().split("</table>").next().unwrap();
    assert!(phases.contains(">5<") && phases.contains(">2<"), "{phases}");
    let transitions = raw_page.body.split("<caption>Nach Übergang</caption>").nth(1).unwrap();
    assert!(transitions.contains("Kita → Grundschule"), "{transitions}");
    // the CSV says what the page says, for the same reader
    let csv = get(&f.app, "/referrals/export.csv", &navi).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with("dimension,code,label,contacts,from,to\n"), "{}", csv.body);
    assert!(csv.body.contains("life_phase,\"primary\",\"Grundschule (6–10)\",\"<3\""), "{}", csv.body);
    assert!(get(&f.app, "/referrals/export.csv", &coord).await.body.contains("life_phase,\"primary\",\"Grundschule (6–10)\",\"2\""));

    // follow-up: four contacts with an offer are open; one is marked reached
    let open = f.store.open_follow_ups(f.m, today - time::Duration::days(90), 50).await.unwrap();
    assert_eq!(open.len(), 4);
    assert!(page.body.contains(&format!("/referrals/{}/outcome", open[0].id)));
    let done =
        post_form(&f.app, &format!("/referrals/{}/outcome", open[0].id), &coord, &format!("csrf={coord_csrf}&outcome=reached")).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(f.store.open_follow_ups(f.m, today - time::Duration::days(90), 50).await.unwrap().len(), 3);
    let bad =
        post_form(&f.app, &format!("/referrals/{}/outcome", open[1].id), &coord, &format!("csrf={coord_csrf}&outcome=vielleicht")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    // a read-only account and the public neither write nor read the log
    let (viewer, viewer_csrf) = sign_in(&f.app, "lesen", "geheim-genug").await;
    assert_eq!(get(&f.app, "/referrals", &viewer).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        post_form(&f.app, "/referrals", &viewer, &format!("csrf={viewer_csrf}&contacted_on=2026-11-20&life_phase=kita")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(get(&f.app, "/referrals/export.csv", "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, "/referrals?from=2026-12-01&to=2026-01-01", &navi).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_coordination_records_events_with_participants_by_profession_and_the_feeds_tell_public_from_internal() {
    let f = fixture().await;
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let org_a = f.store.organisation_by_key(f.m, "a").await.unwrap().unwrap();
    let form = get(&f.app, "/events/new", &coord).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("type=\"datetime-local\""));
    // the end before the start and a row without a profession: both said, nothing saved
    let wrong = post_form(
        &f.app,
        "/events/new",
        &coord,
        &format!("csrf={csrf}&kind=training&event_title=Armutssensibel&starts_at=2026-11-10T09:00&ends_at=2026-11-10T08:00&att_org_0={org_a}&att_count_0=4"),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("endet nach ihrem Beginn") && wrong.body.contains("einen Beruf wählen"), "{}", wrong.body);
    let twice = post_form(
        &f.app,
        "/events/new",
        &coord,
        &format!(
            "csrf={csrf}&kind=training&event_title=Armutssensibel&starts_at=2026-11-10T09:00&ends_at=2026-11-10T12:00\
             &att_org_0={org_a}&att_prof_0=education&att_count_0=4&att_org_1={org_a}&att_prof_1=education&att_count_1=2"
        ),
    )
    .await;
    assert!(twice.body.contains("nur einmal"), "{}", twice.body);
    assert!(f.store.events(f.m, None, false).await.unwrap().is_empty(), "nothing half-written");
    let saved = post_form(
        &f.app,
        "/events/new",
        &coord,
        &format!(
            "csrf={csrf}&kind=training&event_title=Armutssensibel+handeln&starts_at=2026-11-10T09:00&ends_at=2026-11-10T12:00\
             &att_org_0={org_a}&att_prof_0=education&att_count_0=4&att_org_1=&att_prof_1=volunteer&att_count_1=3&cycle_phase=implementation"
        ),
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let internal = f.store.events(f.m, None, false).await.unwrap().remove(0);
    assert_eq!(internal.input.participants(), 7);
    let public = post_form(
        &f.app,
        "/events/new",
        &coord,
        &format!("csrf={csrf}&kind=network_conference&event_title=Netzwerkkonferenz&starts_at=2026-12-03T10:00&ends_at=2026-12-03T15:00&place=Rathaus&is_public=1"),
    )
    .await;
    assert_eq!(public.status, StatusCode::SEE_OTHER);

    // staff see both; this year's participants by profession
    let list = get(&f.app, "/events", &coord).await;
    assert!(list.body.contains("Armutssensibel handeln") && list.body.contains("Netzwerkkonferenz"), "{}", list.body);
    assert!(list.body.contains("7 Teilnahmen aus 1 Partnerorganisationen"), "{}", list.body);
    assert!(list.body.contains("Pädagogik (Kita, Schule)") && list.body.contains("events.ics?token="));
    let page = get(&f.app, &format!("/events/{}", internal.id), &coord).await;
    assert!(page.body.contains("Teilnehmende: 7") && page.body.contains("Träger A") && page.body.contains("Umsetzung"), "{}", page.body);
    // the strategy cycle lists it under its phase, as evidence of the phase's trainings
    let cycle = get(&f.app, "/steering/cycle", &coord).await;
    let implementation = cycle.body.split("id=\"phase-implementation\"").nth(1).unwrap().split("</section>").next().unwrap();
    assert!(
        implementation.contains("Veranstaltungen dieser Phase") && implementation.contains("Armutssensibel handeln"),
        "{implementation}"
    );
    // the public sees the public event only, in the list, on its page and in the feed
    let anon = get(&f.app, "/events", "").await;
    assert!(anon.body.contains("Netzwerkkonferenz") && !anon.body.contains("Armutssensibel"), "{}", anon.body);
    assert_eq!(get(&f.app, &format!("/events/{}", internal.id), "").await.status, StatusCode::NOT_FOUND);
    let feed = get(&f.app, "/events.ics", "").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(
        feed.body.contains("BEGIN:VCALENDAR") && feed.body.contains("SUMMARY:Netzwerkkonferenz") && !feed.body.contains("Armutssensibel")
    );
    // 10:00 in Berlin in December is 09:00 UTC
    assert!(feed.body.contains("DTSTART:20261203T090000Z"), "{}", feed.body);
    let token = f.store.events_token(f.m).await.unwrap();
    let full = get(&f.app, &format!("/events.ics?token={token}"), "").await;
    assert!(full.body.contains("SUMMARY:Armutssensibel handeln"), "{}", full.body);
    assert_eq!(get(&f.app, "/events.ics?token=falsch", "").await.status, StatusCode::NOT_FOUND);
    // partners read, only the coordination writes
    let (partner, partner_csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert!(get(&f.app, "/events", &partner).await.body.contains("Armutssensibel"));
    assert_eq!(get(&f.app, "/events/new", &partner).await.status, StatusCode::FORBIDDEN);
    let refused = post_form(
        &f.app,
        &format!("/events/{}", internal.id),
        &partner,
        &format!("csrf={partner_csrf}&kind=training&event_title=x&starts_at=2026-11-10T09:00&ends_at=2026-11-10T12:00"),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // an edit replaces the rows whole
    let edited = post_form(
        &f.app,
        &format!("/events/{}", internal.id),
        &coord,
        &format!("csrf={csrf}&kind=training&event_title=Armutssensibel+handeln&starts_at=2026-11-10T09:00&ends_at=2026-11-10T12:00&att_prof_0=health&att_count_0=2"),
    )
    .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
    assert_eq!(f.store.event(f.m, internal.id).await.unwrap().unwrap().input.participants(), 2);
}

#[tokio::test]
async fn the_consolidation_radar_shows_money_running_out_without_a_follow_up_and_what_is_at_stake() {
    use kette_domain::funding::{FundingInput, FundingSubject};
    use kette_domain::vocab::FundingKind;
    let f = fixture().await;
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    // the offer is found by the plain search, then recorded on project money ending in four months
    let search = get(&f.app, "/funding/new?offer_q=Krabbel&subject_kind=offer", &coord).await;
    assert!(search.body.contains(&format!("name=\"offer_id\" value=\"{}\"", f.own_offer)), "{}", search.body);
    let saved = post_form(
        &f.app,
        "/funding/new",
        &coord,
        &format!(
            "csrf={csrf}&subject_kind=offer&offer_id={}&source=Landesprogramm&kind=project&amount_per_year_eur=45.000&starts_on=2025-01-01&ends_on=2027-03-31",
            f.own_offer
        ),
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // the other offer's project money ends too, but the regular budget takes over the next day
    let bridge = |ends: &str| FundingInput {
        subject: FundingSubject::Offer(f.other_offer),
        post_title: String::new(),
        source: "Bundesprogramm".into(),
        kind: FundingKind::Project,
        amount_per_year_eur: Some(20_000.0),
        starts_on: None,
        ends_on: Some(time::Date::parse(ends, &time::format_description::well_known::Iso8601::DATE).unwrap()),
    };
    f.store.save_funding(f.m, None, &bridge("2027-01-31"), false, None).await.unwrap();
    let budget = FundingInput {
        kind: FundingKind::Regular,
        source: "Haushalt".into(),
        starts_on: Some(time::macros::date!(2027 - 02 - 01)),
        ends_on: None,
        ..bridge("2027-01-31")
    };
    f.store.save_funding(f.m, None, &budget, false, None).await.unwrap();
    // the post, by form, with a German amount
    let post = post_form(
        &f.app,
        "/funding/new",
        &coord,
        &format!("csrf={csrf}&subject_kind=post&post_title=Koordinationsstelle&source=Land&kind=project&amount_per_year_eur=72.000%2C50&ends_on=2027-09-30"),
    )
    .await;
    assert_eq!(post.status, StatusCode::SEE_OTHER, "{}", post.body);

    let radar = get(&f.app, "/funding", &coord).await;
    assert_eq!(radar.status, StatusCode::OK);
    let table = radar.body.split("id=\"radar\"").nth(1).unwrap().split("id=\"permanent\"").next().unwrap();
    assert!(table.contains("Krabbelgruppe Sonnenschein") && table.contains("31.03.2027") && table.contains("45.000 €"), "{table}");
    assert!(table.contains("Koordinationsstelle") && table.contains("72.001 €"), "{table}");
    assert!(!table.contains("Elterncafé Mond"), "the regular budget takes over: not at risk. {table}");
    assert!(table.contains("Frühe Kindheit") && table.contains("Bezirk 01"), "the phases and districts it serves: {table}");
    assert!(radar.body.contains("2 Angebote, Maßnahmen oder Stellen verlieren"), "{}", radar.body);
    let share = radar.body.split("id=\"permanent\"").nth(1).unwrap();
    // mid-2026 both offers run on project money; mid-2027 the Krabbelgruppe's has ended and the
    // Elterncafé stands on the regular budget
    assert!(
        share.contains("<th scope=\"row\">2026</th><td class=\"num\">2</td><td class=\"num\">0</td><td class=\"num\">0,0 %</td>"),
        "{share}"
    );
    assert!(
        share.contains("<th scope=\"row\">2027</th><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">100,0 %</td>"),
        "{share}"
    );

    // refused: project money without an end, a post without a name, nothing chosen
    let open = post_form(
        &f.app,
        "/funding/new",
        &coord,
        &format!("csrf={csrf}&subject_kind=offer&offer_id={}&source=X&kind=project", f.own_offer),
    )
    .await;
    assert!(open.status == StatusCode::UNPROCESSABLE_ENTITY && open.body.contains("Bitte das Enddatum angeben"), "{}", open.body);
    let nameless = post_form(&f.app, "/funding/new", &coord, &format!("csrf={csrf}&subject_kind=post&source=X&kind=regular")).await;
    assert_eq!(nameless.status, StatusCode::UNPROCESSABLE_ENTITY);
    let nothing = post_form(&f.app, "/funding/new", &coord, &format!("csrf={csrf}&subject_kind=offer&source=X&kind=regular")).await;
    assert!(nothing.body.contains("was finanziert wird"), "{}", nothing.body);
    let bad_amount = post_form(
        &f.app,
        "/funding/new",
        &coord,
        &format!("csrf={csrf}&subject_kind=post&post_title=P&source=X&kind=regular&amount_per_year_eur=viel"),
    )
    .await;
    assert!(bad_amount.body.contains("Betrag in Euro"), "{}", bad_amount.body);
    assert_eq!(f.store.fundings(f.m).await.unwrap().len(), 4, "nothing refused was written");

    // an edit ends the risk: the Krabbelgruppe gets the regular budget
    let record = f.store.fundings(f.m).await.unwrap().into_iter().find(|r| r.input.subject == FundingSubject::Offer(f.own_offer)).unwrap();
    let edit = get(&f.app, &format!("/funding/{}", record.id), &coord).await;
    assert!(edit.body.contains("value=\"Landesprogramm\""), "{}", edit.body);
    let edited = post_form(
        &f.app,
        &format!("/funding/{}", record.id),
        &coord,
        &format!("csrf={csrf}&subject_kind=offer&offer_id={}&source=Haushalt&kind=regular", f.own_offer),
    )
    .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
    assert!(!get(&f.app, "/funding", &coord).await.body.split("id=\"permanent\"").next().unwrap().contains("Krabbelgruppe"));

    // the coordination's view only
    let (partner, _) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(get(&f.app, "/funding", &partner).await.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&f.app, "/funding", "").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn engagement_is_matched_to_a_need_of_its_kind_and_followed_to_thanks_without_naming_citizens() {
    let f = fixture().await;
    let (coord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let found = get(&f.app, "/engagement?offer_q=Elterncaf", &coord).await;
    assert!(found.body.contains(&format!("name=\"offer_id\" value=\"{}\"", f.other_offer)), "{}", found.body);
    let need = post_form(
        &f.app,
        "/engagement/needs",
        &coord,
        &format!("csrf={csrf}&need_subject_kind=offer&offer_id={}&need_kind=in_kind&need_description=Fr%C3%BChst%C3%BCck+f%C3%BCrs+Elterncaf%C3%A9", f.other_offer),
    )
    .await;
    assert_eq!(need.status, StatusCode::SEE_OTHER, "{}", need.body);
    let no_subject =
        post_form(&f.app, "/engagement/needs", &coord, &format!("csrf={csrf}&need_subject_kind=offer&need_kind=time&need_description=x"))
            .await;
    assert!(
        no_subject.status == StatusCode::UNPROCESSABLE_ENTITY && no_subject.body.contains("genau einem Angebot"),
        "{}",
        no_subject.body
    );

    // a named citizen is refused; unnamed is fine; money needs an amount
    let named = post_form(
        &f.app,
        "/engagement/gifts",
        &coord,
        &format!("csrf={csrf}&giver_kind=citizen&giver_name=Erika+Muster&gift_kind=time&gift_description=Vorlesen&hours=10&offered_on=2026-11-20"),
    )
    .await;
    assert!(named.status == StatusCode::UNPROCESSABLE_ENTITY && named.body.contains("nicht namentlich"), "{}", named.body);
    let money = post_form(
        &f.app,
        "/engagement/gifts",
        &coord,
        &format!("csrf={csrf}&giver_kind=foundation&giver_name=Stiftung&gift_kind=money&gift_description=Spende&offered_on=2026-11-20"),
    )
    .await;
    assert!(money.body.contains("Betrag in Euro"), "{}", money.body);
    for body in [
        "giver_kind=business&giver_name=B%C3%A4ckerei&gift_kind=in_kind&gift_description=Br%C3%B6tchen&offered_on=2026-11-20",
        "giver_kind=citizen&giver_name=&gift_kind=time&gift_description=Vorlesen&hours=10&offered_on=2026-11-21",
    ] {
        let saved = post_form(&f.app, "/engagement/gifts", &coord, &format!("csrf={csrf}&{body}")).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }
    let gifts = f.store.gifts(f.m).await.unwrap();
    assert_eq!(gifts.len(), 2, "nothing refused was written");
    let (bakery, reader) = (
        gifts.iter().find(|g| g.input.giver_name == "Bäckerei").unwrap().id,
        gifts.iter().find(|g| g.input.giver_name.is_empty()).unwrap().id,
    );
    let need_id = f.store.needs(f.m).await.unwrap()[0].id;
    // the page suggests the bakery for the breakfast need, not the reading time
    let page = get(&f.app, "/engagement", &coord).await;
    assert!(
        page.body.contains(&format!("/engagement/gifts/{bakery}/match"))
            && !page.body.contains(&format!("/engagement/gifts/{reader}/match")),
        "{}",
        page.body
    );
    assert!(page.body.contains("Bürgerin oder Bürger"), "a citizen shows as such");
    // time for a breakfast need: refused
    let wrong = post_form(&f.app, &format!("/engagement/gifts/{reader}/match"), &coord, &format!("csrf={csrf}&need_id={need_id}")).await;
    assert!(wrong.status == StatusCode::UNPROCESSABLE_ENTITY && wrong.body.contains("anderen Art von Hilfe"), "{}", wrong.body);
    let early = post_form(&f.app, &format!("/engagement/gifts/{reader}/advance"), &coord, &format!("csrf={csrf}")).await;
    assert!(early.status == StatusCode::UNPROCESSABLE_ENTITY && early.body.contains("Erst einem Bedarf zuordnen"), "{}", early.body);
    // matched, delivered, thanked: the need is met
    assert_eq!(
        post_form(&f.app, &format!("/engagement/gifts/{bakery}/match"), &coord, &format!("csrf={csrf}&need_id={need_id}")).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post_form(&f.app, &format!("/engagement/gifts/{bakery}/advance"), &coord, &format!("csrf={csrf}")).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(f.store.needs(f.m).await.unwrap()[0].is_met, "delivered meets the need");
    assert_eq!(
        post_form(&f.app, &format!("/engagement/gifts/{bakery}/advance"), &coord, &format!("csrf={csrf}")).await.status,
        StatusCode::SEE_OTHER
    );
    let thanked = f.store.gifts(f.m).await.unwrap().into_iter().find(|g| g.id == bakery).unwrap();
    assert_eq!(thanked.input.status.as_str(), "thanked");
    assert_eq!(
        post_form(&f.app, &format!("/engagement/gifts/{bakery}/advance"), &coord, &format!("csrf={csrf}")).await.status,
        StatusCode::BAD_REQUEST
    );
    // a partner states needs of their own offers only, and sees only those
    let (partner, partner_csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let own = get(&f.app, "/engagement", &partner).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains(&format!("<option value=\"{}\">Krabbelgruppe Sonnenschein</option>", f.own_offer)), "{}", own.body);
    assert!(
        !own.body.contains("Frühstück fürs Elterncafé") && !own.body.contains("id=\"gifts\""),
        "not another partner's need, not the register"
    );
    let stated = post_form(&f.app, "/engagement/needs", &partner, &format!("csrf={partner_csrf}&need_subject_kind=offer&offer_id={}&need_kind=in_kind&need_description=Bastelmaterial+f%C3%BCr+die+Krabbelgruppe", f.own_offer)).await;
    assert_eq!(stated.status, StatusCode::SEE_OTHER, "{}", stated.body);
    let foreign = post_form(
        &f.app,
        "/engagement/needs",
        &partner,
        &format!("csrf={partner_csrf}&need_subject_kind=offer&offer_id={}&need_kind=time&need_description=x", f.other_offer),
    )
    .await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    assert_eq!(
        post_form(&f.app, &format!("/engagement/gifts/{reader}/match"), &partner, &format!("csrf={partner_csrf}&need_id={need_id}"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert!(
        get(&f.app, "/engagement", &coord).await.body.contains("Bastelmaterial für die Krabbelgruppe"),
        "the coordination sees the partner's need"
    );
    assert!(get(&f.app, "/engagement", &partner).await.body.contains("Bastelmaterial für die Krabbelgruppe"), "and the partner their own");
}

#[tokio::test]
async fn the_network_page_shows_the_change_since_a_year_ago_and_which_phases_the_tied_partners_serve() {
    use kette_domain::agreements::AgreementInput;
    let f = fixture().await;
    let batch = kette_store::ImportBatch {
        organisations: vec![kette_domain::NewOrganisation {
            external_key: "c".into(),
            name: "Dritter Träger".into(),
            kind: kette_domain::vocab::OrganisationKind::Other,
            website: String::new(),
            email: String::new(),
            phone: String::new(),
        }],
        ..Default::default()
    };
    f.store.import_batch(f.m, &batch, |_| {}).await.unwrap();
    let org = |key: &'static str| {
        let store = f.store.clone();
        async move { store.organisation_by_key(f.m, key).await.unwrap().unwrap() }
    };
    let (a, b, c) = (org("a").await, org("b").await, org("c").await);
    let agreement = |title: &str, parties: Vec<i64>, since: time::Date, until: Option<time::Date>| AgreementInput {
        kind: "cooperation_agreement".into(),
        title: title.into(),
        organisation_ids: parties,
        since: Some(since),
        until,
        duties: vec![],
        contacts: String::new(),
        document_url: String::new(),
    };
    // today 2026-11-22: A and B agreed this summer; B and C's agreement ran out last year
    f.store.create_agreement(f.m, &agreement("Neu", vec![a, b], time::macros::date!(2026 - 06 - 01), None), false, None).await.unwrap();
    let old = agreement("Alt", vec![b, c], time::macros::date!(2020 - 01 - 01), Some(time::macros::date!(2025 - 12 - 31)));
    f.store.create_agreement(f.m, &old, false, None).await.unwrap();
    let (coord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let page = get(&f.app, "/network", &coord).await;
    let change = page.body.split("Veränderung seit dem 22.11.2025").nth(1).expect("the change section").split("</section>").next().unwrap();
    assert!(change.contains("1 Organisation neu verbunden:") && change.contains("Träger A"), "{change}");
    assert!(change.contains("1 Organisation nicht mehr verbunden:") && change.contains("Dritter Träger"), "{change}");
    let ties = change.split("Verbindungen</th>").nth(1).unwrap();
    assert!(ties.starts_with("<td class=\"num\">1</td><td class=\"num\">1</td>"), "one tie then, one now: {ties}");
    // both partners with early-childhood offers are tied in today; nobody serves the Kita phase
    let coverage = page.body.split("Lebensphasen und Übergänge im Netzwerk").nth(1).unwrap().split("</section>").next().unwrap();
    assert!(
        coverage.contains("Frühe Kindheit (0–3)</th><td class=\"num\">2</td><td class=\"num\">2</td><td class=\"num\">100 %</td>"),
        "{coverage}"
    );
    assert!(
        coverage.contains("Kita-Alter (3–6)</th><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">–</td>"),
        "{coverage}"
    );
}

#[tokio::test]
async fn partners_propose_changes_to_their_own_agreements_and_the_coordination_decides() {
    use kette_domain::agreements::AgreementInput;
    let f = fixture().await;
    let batch = kette_store::ImportBatch {
        organisations: vec![kette_domain::NewOrganisation {
            external_key: "c".into(),
            name: "Dritter Träger".into(),
            kind: kette_domain::vocab::OrganisationKind::Other,
            website: String::new(),
            email: String::new(),
            phone: String::new(),
        }],
        ..Default::default()
    };
    f.store.import_batch(f.m, &batch, |_| {}).await.unwrap();
    let org = |key: &'static str| {
        let store = f.store.clone();
        async move { store.organisation_by_key(f.m, key).await.unwrap().unwrap() }
    };
    let (a, b, c) = (org("a").await, org("b").await, org("c").await);
    let agreement = |title: &str, parties: Vec<i64>| AgreementInput {
        kind: "referral_route".into(),
        title: title.into(),
        organisation_ids: parties,
        since: None,
        until: None,
        duties: vec![],
        contacts: String::new(),
        document_url: String::new(),
    };
    let own = f.store.create_agreement(f.m, &agreement("Weg A nach B", vec![a, b]), false, None).await.unwrap();
    let other = f.store.create_agreement(f.m, &agreement("Weg B nach C", vec![b, c]), false, None).await.unwrap();

    // partner A proposes a change to A and B's agreement: a duty and a new title
    let (partner, csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let form = get(&f.app, &format!("/network/agreements/{own}"), &partner).await;
    assert!(form.status == StatusCode::OK && form.body.contains("Vorschlag senden"), "{}", form.body);
    assert_eq!(get(&f.app, &format!("/network/agreements/{other}"), &partner).await.status, StatusCode::NOT_FOUND, "not a party");
    let sent = post_form(
        &f.app,
        &format!("/network/agreements/{own}"),
        &partner,
        &format!("csrf={csrf}&kind=referral_route&agreement_title=Weg+A+nach+B+mit+Elternabend&organisation_ids={a}&organisation_ids={b}&duty_org_0={a}&duty_task_0=Elternabend&action=save"),
    )
    .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(f.store.agreement(f.m, own).await.unwrap().unwrap().input.title, "Weg A nach B", "nothing changes before approval");
    // dropping their own organisation is refused; so is a proposal for someone else's agreement
    let without = post_form(
        &f.app,
        "/network/agreements/new",
        &partner,
        &format!("csrf={csrf}&kind=joint_offer&agreement_title=Ohne+mich&organisation_ids={b}&organisation_ids={c}&action=save"),
    )
    .await;
    assert!(without.status == StatusCode::UNPROCESSABLE_ENTITY && without.body.contains("bleibt Partei"), "{}", without.body);
    let foreign = post_form(
        &f.app,
        &format!("/network/agreements/{other}"),
        &partner,
        &format!("csrf={csrf}&kind=joint_offer&agreement_title=X&organisation_ids={a}&organisation_ids={c}&action=save"),
    )
    .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let new = post_form(
        &f.app,
        "/network/agreements/new",
        &partner,
        &format!(
            "csrf={csrf}&kind=joint_offer&agreement_title=Neues+Elterncaf%C3%A9&organisation_ids={a}&organisation_ids={c}&action=save"
        ),
    )
    .await;
    assert_eq!(new.status, StatusCode::SEE_OTHER, "{}", new.body);
    let mine = get(&f.app, "/network?proposed=1", &partner).await;
    assert!(mine.body.contains("Ihr Vorschlag ist bei der Koordination") && mine.body.contains("wartet auf Freigabe"), "{}", mine.body);

    // the coordination sees both, approves the change and rejects the new one with a reason
    let (coord, coord_csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let proposals = f.store.agreement_proposals(f.m, None).await.unwrap();
    assert_eq!(proposals.len(), 2);
    let change = proposals.iter().find(|p| p.agreement_id == Some(own)).unwrap().id;
    let fresh = proposals.iter().find(|p| p.agreement_id.is_none()).unwrap().id;
    // both wait in the review queue beside the offer changes
    let queue = get(&f.app, "/review", &coord).await;
    assert!(queue.body.contains(&format!("/network/proposals/{change}")) && queue.body.contains("Neues Elterncafé"), "{}", queue.body);
    assert!(get(&f.app, "/review", &partner).await.body.contains("Vorschläge zu Kooperationsvereinbarungen"));
    let view = get(&f.app, &format!("/network/proposals/{change}"), &coord).await;
    assert!(view.body.contains("Weg A nach B mit Elternabend") && view.body.contains("Elternabend"), "{}", view.body);
    assert_eq!(get(&f.app, &format!("/network/proposals/{change}"), &partner).await.status, StatusCode::FORBIDDEN);
    let approved = post_form(&f.app, &format!("/network/proposals/{change}"), &coord, &format!("csrf={coord_csrf}&decision=approve")).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    let now = f.store.agreement(f.m, own).await.unwrap().unwrap();
    assert_eq!((now.input.title.as_str(), now.input.duties.len()), ("Weg A nach B mit Elternabend", 1));
    let again = post_form(&f.app, &format!("/network/proposals/{change}"), &coord, &format!("csrf={coord_csrf}&decision=approve")).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "decided once");
    let no_reason =
        post_form(&f.app, &format!("/network/proposals/{fresh}"), &coord, &format!("csrf={coord_csrf}&decision=reject&reason=")).await;
    assert!(
        no_reason.status == StatusCode::UNPROCESSABLE_ENTITY && no_reason.body.contains("Bitte sagen Sie, warum"),
        "{}",
        no_reason.body
    );
    let rejected = post_form(
        &f.app,
        &format!("/network/proposals/{fresh}"),
        &coord,
        &format!("csrf={coord_csrf}&decision=reject&reason=Erst+im+Arbeitskreis+besprechen"),
    )
    .await;
    assert_eq!(rejected.status, StatusCode::SEE_OTHER);
    assert_eq!(f.store.agreements(f.m, None).await.unwrap().len(), 2, "the rejected one made no agreement");
    let told = get(&f.app, "/network", &partner).await;
    assert!(
        told.body.contains("abgelehnt") && told.body.contains("Erst im Arbeitskreis besprechen") && told.body.contains("freigegeben"),
        "{}",
        told.body
    );
}

/// The needs analysis: for planning and the steering group, never for partners or the public;
/// figures a reader may not see give no score (a viewer sees suppressed counts), the CSV says
/// the same as the page.
#[tokio::test]
async fn the_needs_analysis_reads_through_the_confidentiality_rule_and_only_for_planning_readers() {
    let f = fixture().await;
    f.store
        .create_account(NewAccount {
            municipality_id: f.m,
            username: "lea",
            display_name: "Lea",
            password: "geheim-genug",
            role: Role::Viewer,
            organisation_id: None,
            is_fictional: true,
        })
        .await
        .unwrap();
    assert_eq!(get(&f.app, "/needs", "").await.status, StatusCode::NOT_FOUND);
    let (partner, _) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(get(&f.app, "/needs", &partner).await.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&f.app, "/needs.csv", &partner).await.status, StatusCode::FORBIDDEN);

    let (koord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let page = get(&f.app, "/needs", &koord).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Bestands- und Bedarfsanalyse") && page.body.contains("„Kinderarmut“ (2018)"), "{}", page.body);
    assert!(page.body.contains("Bedarf = Kinder der Lebensphase × (1 + 1,0 × Benachteiligungsrang)"), "the formula is shown");
    // no offer of the fixture names a transition and no step links one: every transition is open
    assert!(page.body.contains("<h3>Kita → Grundschule</h3>"), "{}", page.body);
    assert_eq!(page.body.matches("1 von 1 Gebieten ohne Brücke:").count(), 4, "{}", page.body);
    assert!(page.body.contains("<a href=\"/network/chain?district="), "each area leads to its chain");
    let csv = get(&f.app, "/needs.csv", &koord).await.body;
    let row = |phase: &str| csv.lines().find(|l| l.contains(&format!(",{phase},"))).unwrap_or_else(|| panic!("{csv}")).to_string();
    // 2 children under six, half of them 3 to 6; the one district ranks in the middle (0.5)
    assert!(row("kita").starts_with("\"0101\",\"Bezirk 0101\",kita,1,1.5,"), "{csv}");
    // the walking estimate: the two offers stand in the middle of a 6.8 km × 11.1 km district; a
    // ten-minute walk (615 m straight at a detour of 1.3) covers 1.19 of its 76 km²
    assert!(row("early_childhood").contains(",133.333,,0.016,"), "{csv}");
    assert!(row("primary").contains(",0.000,,0.000,"), "no offer of the phase: nobody within a walk");
    // 40 children 6 to 15: four ninths are of primary age
    assert!(row("primary").starts_with("\"0101\",\"Bezirk 0101\",primary,18,26.7,"), "{csv}");

    // a viewer reads the analysis but not the small counts: no children, no score
    let (lea, _) = sign_in(&f.app, "lea", "geheim-genug").await;
    let csv = get(&f.app, "/needs.csv", &lea).await.body;
    let kita = csv.lines().find(|l| l.contains(",kita,")).unwrap();
    assert!(kita.starts_with("\"0101\",\"Bezirk 0101\",kita,,,"), "{csv}");
    let page = get(&f.app, "/needs", &lea).await;
    assert!(page.body.contains("geschützt"), "withheld cells say so");

    // every bad choice is named, the defaults stand in
    let page = get(&f.app, "/needs?weight=neun&per=0", &koord).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"needs-weight-error\" class=\"error\">Bitte eine Zahl angeben."), "{}", page.body);
    assert!(page.body.contains("id=\"needs-per-error\" class=\"error\">Außerhalb des erlaubten Bereichs"), "{}", page.body);

    // kept between requests, but a new population year is read at once
    let g = |min, max| kette_domain::AgeGroup { min_years: min, max_years: max };
    let pop = |group, count| kette_domain::PopulationCount { district_key: "0101".into(), year: 2021, age_group: group, count };
    f.store.import_population(f.m, &[pop(g(0, Some(6)), 60), pop(g(6, Some(15)), 45)]).await.unwrap();
    let csv = get(&f.app, "/needs.csv", &koord).await.body;
    assert!(csv.lines().any(|l| l.starts_with("\"0101\",\"Bezirk 0101\",kita,30,")), "{csv}");
}

#[tokio::test]
async fn scenarios_plan_and_close_offers_without_touching_them_and_are_compared() {
    let f = fixture().await;
    f.store
        .create_account(NewAccount {
            municipality_id: f.m,
            username: "lea",
            display_name: "Lea",
            password: "geheim-genug",
            role: Role::Viewer,
            organisation_id: None,
            is_fictional: true,
        })
        .await
        .unwrap();
    assert_eq!(get(&f.app, "/needs/scenarios", "").await.status, StatusCode::NOT_FOUND);
    let (partner, _) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(get(&f.app, "/needs/scenarios", &partner).await.status, StatusCode::FORBIDDEN);

    let (koord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let nameless = post_form(&f.app, "/needs/scenarios", &koord, &format!("csrf={csrf}&name=+")).await;
    assert_eq!(nameless.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(nameless.body.contains("<a href=\"#name\">Bitte ausfüllen.</a>"), "{}", nameless.body);
    let created =
        post_form(&f.app, "/needs/scenarios", &koord, &format!("csrf={csrf}&name=Grundschulhort+Nord&description=Vor+dem+JHA")).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let at = created.headers[header::LOCATION].to_str().unwrap().to_string();
    let id: i64 = at.rsplit('/').next().unwrap().parse().unwrap();

    // a planned offer: every wrong field is named and nothing is saved
    let bad =
        post_form(&f.app, &format!("{at}/plan"), &koord, &format!("csrf={csrf}&label=&district=9999&phases=primary&places=viele&lat=52.1"))
            .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Diesen Sozialraum gibt es nicht.",
        "Bitte eine Zahl angeben.",
        "Bitte Breiten- und Längengrad zusammen angeben.",
        "Bitte ausfüllen.",
    ] {
        assert!(bad.body.contains(message), "{message}: {}", bad.body);
    }
    assert!(f.store.scenario(f.m, id).await.unwrap().unwrap().changes.is_empty());

    // a Hort for primary-school children in the district (no point: it stands at its centre)
    let planned = post_form(
        &f.app,
        &format!("{at}/plan"),
        &koord,
        &format!("csrf={csrf}&label=Hort+Nord&district=0101+Bezirk+0101&phases=primary&places=60&back=level%3D2"),
    )
    .await;
    assert_eq!(planned.status, StatusCode::SEE_OTHER, "{}", planned.body);
    assert_eq!(planned.headers[header::LOCATION], format!("{at}?level=2#outcome"));
    // closing: the search finds active offers only, the paused one stays out
    let search = get(&f.app, &format!("{at}?q=Krabbel"), &koord).await;
    assert!(search.body.contains(&format!("name=\"offer\" value=\"{}\"", f.own_offer)), "{}", search.body);
    assert!(!get(&f.app, &format!("{at}?q=Geheimer"), &koord).await.body.contains("name=\"offer\" value="));
    let closed = post_form(&f.app, &format!("{at}/close"), &koord, &format!("csrf={csrf}&offer={}", f.own_offer)).await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER, "{}", closed.body);

    let page = get(&f.app, &at, &koord).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Geplant: Hort Nord in Bezirk 0101 – Grundschule (6–10), 60 Plätze, Standort Mitte des Gebiets"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Schließt: Krabbelgruppe Sonnenschein"), "{}", page.body);
    let cells = &page.body[page.body.find("id=\"changed-cells\"").unwrap()..];
    let row = |phase: &str| {
        let start = cells.find(&format!("<td>{phase}</td>")).unwrap_or_else(|| panic!("no changed row for {phase}: {cells}"));
        cells[start..start + cells[start..].find("</tr>").unwrap()].to_string()
    };
    assert!(row("Grundschule (6–10)").contains("<td class=\"num\">0 → 1</td>"), "{}", row("Grundschule (6–10)"));
    // the Hort at the centre brings a share of the district within a walk (the estimate's grid)
    assert!(row("Grundschule (6–10)").contains("0 % → 2 %"), "{}", row("Grundschule (6–10)"));
    assert!(row("Frühe Kindheit (0–3)").contains("<td class=\"num\">2 → 1</td>"), "{}", row("Frühe Kindheit (0–3)"));
    // the offers themselves are untouched
    assert_eq!(f.store.offer(f.m, f.own_offer).await.unwrap().input.status, OfferStatus::Active);
    assert!(get(&f.app, "/needs.csv", &koord).await.body.contains("primary,18,26.7,0,"), "the analysis as it stands");

    // a viewer reads scenarios but changes none
    let (lea, lea_csrf) = sign_in(&f.app, "lea", "geheim-genug").await;
    let read = get(&f.app, &at, &lea).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(!read.body.contains("/plan\"") && read.body.contains("Hort Nord"));
    assert_eq!(
        post_form(&f.app, &format!("{at}/close"), &lea, &format!("csrf={lea_csrf}&offer={}", f.other_offer)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(post_form(&f.app, "/needs/scenarios", &lea, &format!("csrf={lea_csrf}&name=x")).await.status, StatusCode::FORBIDDEN);

    // compared with a second scenario that only closes the other offer
    let second = post_form(&f.app, "/needs/scenarios", &koord, &format!("csrf={csrf}&name=Sparvariante")).await;
    let second_at = second.headers[header::LOCATION].to_str().unwrap().to_string();
    let second_id: i64 = second_at.rsplit('/').next().unwrap().parse().unwrap();
    post_form(&f.app, &format!("{second_at}/close"), &koord, &format!("csrf={csrf}&offer={}", f.other_offer)).await;
    let compare = get(&f.app, &format!("/needs/scenarios/compare?a={id}&b={second_id}"), &lea).await;
    assert_eq!(compare.status, StatusCode::OK);
    let early = &compare.body[compare.body.find("<h2>Frühe Kindheit (0–3)</h2>").unwrap()..];
    let offers_row = &early[early.find("<th scope=\"row\">Angebote</th>").unwrap()..];
    let offers_row = &offers_row[..offers_row.find("</tr>").unwrap()];
    assert_eq!(offers_row.matches("<td class=\"num\">").count(), 3, "today and both scenarios");
    assert!(offers_row.contains("<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td>"), "{offers_row}");

    // a change is taken back, a scenario deleted; both are in the audit log
    let change = f.store.scenario(f.m, id).await.unwrap().unwrap().changes[0].id;
    let removed = post_form(&f.app, &format!("{at}/changes/{change}/remove"), &koord, &format!("csrf={csrf}")).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(f.store.scenario(f.m, id).await.unwrap().unwrap().changes.len(), 1);
    let deleted = post_form(&f.app, &format!("{second_at}/delete"), &koord, &format!("csrf={csrf}")).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert!(f.store.scenario(f.m, second_id).await.unwrap().is_none());
    let audit = f.store.audit_entries(f.m, "needs_scenario", second_id).await.unwrap();
    let actions: Vec<(&str, Option<&str>)> = audit.iter().map(|(_, action, by, _)| (action.as_str(), by.as_deref())).collect();
    assert_eq!(actions, [("delete", Some("koord")), ("update", Some("koord")), ("create", Some("koord"))]);
}

#[tokio::test]
async fn a_gap_is_commented_linked_to_a_measure_and_marked_as_addressed() {
    let f = fixture().await;
    let district = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let (koord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let (partner, partner_csrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    let at = format!("/needs/gaps/{district}/primary");
    assert_eq!(get(&f.app, &at, "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, &at, &partner).await.status, StatusCode::FORBIDDEN);
    assert_eq!(post_form(&f.app, &at, &partner, &format!("csrf={partner_csrf}&state=open")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&f.app, &format!("/needs/gaps/{district}/no_such_phase"), &koord).await.status, StatusCode::NOT_FOUND);

    let page = get(&f.app, &at, &koord).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Noch niemand hat diese Lücke aufgegriffen."), "{}", page.body);
    // the proposal link carries the gap into the submit form
    let link = page.body.split("href=\"").find(|h| h.starts_with("/proposals?")).unwrap().split('"').next().unwrap().replace("&#38;", "&");
    let form = get(&f.app, &link, &koord).await;
    assert!(form.body.contains(&format!("<option value=\"{district}\" selected>")), "{}", form.body);
    assert!(form.body.contains("Die Bedarfsanalyse zeigt eine Lücke für Grundschule (6–10) in Bezirk 0101."), "{}", form.body);

    // "addressed" without a measure or proposal, and "no action" without a reason, are refused
    let refused = post_form(&f.app, &at, &koord, &format!("csrf={csrf}&state=addressed&measure_id=&proposal_id=&comment=")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Bitte die Maßnahme oder den Vorschlag wählen, der die Lücke angeht."), "{}", refused.body);
    let refused = post_form(&f.app, &at, &koord, &format!("csrf={csrf}&state=no_action&comment=+")).await;
    assert!(refused.body.contains("Bitte begründen, warum nichts getan wird."), "{}", refused.body);
    assert!(f.store.gap_follow_up(f.m, district, "primary").await.unwrap().is_none(), "nothing half-written");

    let measure = f
        .store
        .create_measure(
            f.m,
            &kette_domain::goals::MeasureInput {
                title: "Hort im Quartier".into(),
                description: String::new(),
                status: kette_domain::goals::MeasureStatus::Planned,
                goal_ids: vec![],
                lead_organisation_id: None,
                organisation_ids: vec![],
                offer_ids: vec![],
                life_phases: vec!["primary".into()],
                transitions: vec![],
                district_ids: vec![district],
                starts_on: None,
                ends_on: None,
                budget_eur: None,
                funding_source: String::new(),
            },
            false,
            None,
        )
        .await
        .unwrap();
    let page = get(&f.app, &at, &koord).await;
    assert!(
        page.body.contains(&format!("<option value=\"{measure}\">Hort im Quartier (zu diesem Gebiet und dieser Lebensphase)</option>")),
        "{}",
        page.body
    );
    let comment = "Hort+mit+Träger+A+besprechen";
    let saved =
        post_form(&f.app, &at, &koord, &format!("csrf={csrf}&state=addressed&measure_id={measure}&proposal_id=&comment={comment}")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    post_form(&f.app, &at, &koord, &format!("csrf={csrf}&state=addressed&measure_id={measure}&comment=Raum+gefunden")).await;
    let stored = f.store.gap_follow_up(f.m, district, "primary").await.unwrap().unwrap();
    assert_eq!(stored.state, kette_domain::needs::GapState::Addressed);
    assert_eq!(stored.measure.as_ref().map(|m| m.0), Some(measure));
    assert_eq!(stored.comments.iter().map(|c| c.body.as_str()).collect::<Vec<_>>(), ["Hort mit Träger A besprechen", "Raum gefunden"]);
    let page = get(&f.app, &at, &koord).await;
    assert!(page.body.contains("<strong>Wird angegangen</strong>") && page.body.contains("Raum gefunden"), "{}", page.body);

    // the analysis shows where the steering stands, in the page and in the CSV
    let needs = get(&f.app, "/needs", &koord).await.body;
    let followed = &needs[needs.find("id=\"needs-followed\"").unwrap()..];
    assert!(
        followed.contains(&format!("<a href=\"{at}\"><span lang=\"de\">Bezirk 0101</span>, Grundschule (6–10)</a>: Wird angegangen · <a href=\"/steering/measures/{measure}\" lang=\"de\">Hort im Quartier</a> · 2 Kommentare")),
        "{followed}"
    );
    let csv = get(&f.app, "/needs.csv", &koord).await.body;
    let row = csv.lines().find(|l| l.contains(",primary,")).unwrap();
    assert!(row.contains(&format!(",addressed,{measure},,straight_line_estimate,0.000,0.000")), "{csv}");
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .ends_with(",follow_up,measure_id,proposal_id,walk_measured_on,share_within_5_min_walk,share_within_15_min_walk,offers_of_domain"));
    // a proposal about the district and life phase shows the analysis as evidence for its need
    let proposal = f
        .store
        .submit_proposal(
            f.m,
            &kette_domain::proposals::ProposalInput {
                title: "Hort im Quartier".into(),
                problem: "Kein Hort in der Nähe.".into(),
                life_phase: Some("primary".into()),
                transition: None,
                district_id: Some(district),
                expected_benefit: String::new(),
                cost_eur: None,
                partners: String::new(),
                body_id: None,
            },
            false,
            None,
        )
        .await
        .unwrap();
    let detail = get(&f.app, &format!("/proposals/{proposal}"), &koord).await.body;
    assert!(
        detail.contains(&format!("<a href=\"{at}\">Bedarfsanalyse, Grundschule (6–10) in Bezirk 0101: 18 Kinder, Abdeckung 0,00 (Median 0,00), 0 % in 10 Minuten zu Fuß, fehlende Angebote: keine.</a>")),
        "{detail}"
    );
    // the steering dashboard counts the gaps for planning readers only
    assert!(get(&f.app, "/steering", &koord).await.body.contains("0 Lücken in der Bedarfsanalyse, 0 davon werden angegangen."));
    assert!(!get(&f.app, "/steering", &partner).await.body.contains("in der Bedarfsanalyse"));
    assert!(!get(&f.app, "/steering", "").await.body.contains("in der Bedarfsanalyse"));
}

#[tokio::test]
async fn the_inventory_counts_offers_per_area_and_term_as_table_map_and_csv() {
    let f = fixture().await;
    let (koord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let (partner, _) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(get(&f.app, "/needs/inventory", "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, "/needs/inventory.csv", &partner).await.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&f.app, "/needs/inventory?dimension=body_kind", &koord).await.status, StatusCode::BAD_REQUEST);

    let district = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let page = get(&f.app, "/needs/inventory", &koord).await;
    assert_eq!(page.status, StatusCode::OK);
    // the two active offers (the paused one does not count), both for early childhood
    assert!(page.body.contains("2 Angebote mit Ort in 1 Gebieten; in 0 Gebieten keines."), "{}", page.body);
    assert!(
        page.body.contains(&format!("<a href=\"/offers?district={district}&amp;life_phase=early_childhood&amp;status=active\">2</a>")),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("<svg") && page.body.contains("Angebote je Gebiet: Frühe Kindheit (0–3)"),
        "the map of the first term: {}",
        page.body
    );
    let csv = get(&f.app, "/needs/inventory.csv?dimension=domain", &koord).await.body;
    assert!(csv.starts_with("district_key,district,level,dimension,term,offers\n"), "{csv}");
    assert!(csv.contains("\"0101\",\"Bezirk 0101\",2,domain,\"youth_welfare\",2\n"), "{csv}");
    // the link leads to exactly those offers
    let list = get(&f.app, &format!("/offers?district={district}&life_phase=early_childhood&status=active"), &koord).await.body;
    assert!(
        list.contains("Krabbelgruppe Sonnenschein") && list.contains("Elterncafé Mond") && !list.contains("Geheimer Entwurf"),
        "{list}"
    );
}

#[tokio::test]
async fn walking_reach_per_area_is_shown_as_map_table_and_csv_and_says_how_it_was_measured() {
    let f = fixture().await;
    let (koord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let (partner, _) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(get(&f.app, "/needs/walk", "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, "/needs/walk.csv", &partner).await.status, StatusCode::FORBIDDEN);
    let page = get(&f.app, "/needs/walk?phase=early_childhood", &koord).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Geschätzt: Luftlinie × 1,3 bei 4,8 km/h"), "no network imported: {}", page.body);
    assert!(
        page.body.contains("<svg") && page.body.contains("Anteil der Kinder in 10 Minuten zu Fuß: Frühe Kindheit (0–3)"),
        "{}",
        page.body
    );
    // the two offers stand in the middle of a 76 km² district: 2 % of it within ten minutes
    let district = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let row =
        &page.body[page.body.find(&format!("<a href=\"/needs/gaps/{district}/early_childhood\" lang=\"de\">Bezirk 0101</a>")).unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("<td class=\"num\">2 %</td>"), "{row}");
    // the map of walking times: 200 m squares over the district, dark near the two offers in its
    // middle, light where most of it lies, with its legend
    let raster = &page.body[page.body.find("class=\"choropleth raster\"").expect("a map of walking times")..];
    let raster = &raster[..raster.find("</svg>").unwrap()];
    assert!(raster.contains("<title>Fußweg zum nächsten Angebot: Frühe Kindheit (0–3)</title>"), "{raster}");
    let squares = |class: &str| raster.matches(&format!("class=\"{class}\"/>")).count();
    // squares of one class side by side are one rectangle: about one far stretch per row of
    // the 11 km tall district (55 rows of 200 m), a few near ones in its middle
    assert!((50..=120).contains(&squares("c1")) && (1..10).contains(&squares("c4")), "{} {}", squares("c1"), squares("c4"));
    assert!(page.body.contains("Jedes Quadrat (etwa 200 m) zeigt den geschätzten Weg"), "{}", page.body);
    assert!(page.body.contains("<span class=\"swatch c4\" aria-hidden=\"true\"></span> bis 5 Minuten"));
    let csv = get(&f.app, "/needs/walk.csv", &koord).await.body;
    assert!(csv.starts_with(
        "district_key,district,life_phase,children,share_within_5_min,share_within_10_min,share_within_15_min,measured_on,mode\n"
    ));
    let early = csv.lines().find(|l| l.contains(",early_childhood,")).unwrap();
    assert!(early.contains(",0.016,") && early.ends_with(",straight_line_estimate,walking"), "{csv}");
    let shares: Vec<f64> = early.split(',').skip(4).take(3).map(|v| v.parse().unwrap()).collect();
    assert!(shares[0] < shares[1] && shares[1] < shares[2], "{shares:?}");

    // a result is saved with how it was measured, for reports; a name is needed
    let (koord_cookie, csrf) = (koord.clone(), hidden(&get(&f.app, "/needs/walk", &koord).await.body, "csrf"));
    let nameless = post_form(&f.app, "/needs/walk/runs", &koord_cookie, &format!("csrf={csrf}&level=2&label=")).await;
    assert_eq!(nameless.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(f.store.reach_runs(f.m).await.unwrap().is_empty());
    let saved = post_form(&f.app, "/needs/walk/runs", &koord_cookie, &format!("csrf={csrf}&level=2&label=Stand+Dezember")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let at = saved.headers[header::LOCATION].to_str().unwrap().to_string();
    let run = get(&f.app, &format!("{at}?phase=early_childhood"), &koord).await;
    assert!(run.body.contains("<h1>Stand Dezember</h1>") && run.body.contains("geschätzt (Luftlinie × 1,3)"), "{}", run.body);
    assert!(run.body.contains("\"detour\":1.3") || run.body.contains("&#34;detour&#34;:1.3"), "{}", run.body);
    let run_csv = get(&f.app, &format!("{at}/csv"), &koord).await.body;
    let saved_early = run_csv.lines().find(|l| l.contains(",early_childhood,")).unwrap();
    assert!(saved_early.contains(",0.016,") && saved_early.ends_with(",straight_line_estimate"), "{run_csv}");
    let walk = get(&f.app, "/needs/walk", &koord).await.body;
    assert!(walk.contains(&format!("<a href=\"{at}\">Stand Dezember</a>")));
    assert_eq!(walk.matches("action=\"/needs/walk/runs\"").count(), 1, "one form to save a run");
    assert_eq!(post_form(&f.app, "/needs/walk/runs", &partner, &format!("csrf={csrf}&label=x")).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_street_network_is_uploaded_whole_or_refused_with_its_cause() {
    let f = fixture().await;
    let monaco = std::fs::read(std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/osm/monaco.osm.pbf")).unwrap();
    let upload = |cookie: String, csrf: String, name: &'static str, content: Vec<u8>| {
        let app = f.app.clone();
        async move {
            let (ct, body) = multipart(&csrf, name, &content, &[]);
            send(
                &app,
                Request::post("/needs/walk/network")
                    .header(header::COOKIE, cookie)
                    .header(header::CONTENT_TYPE, ct)
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await
        }
    };
    let (partner, pcsrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(upload(partner, pcsrf, "monaco.osm.pbf", monaco.clone()).await.status, StatusCode::FORBIDDEN);
    let (koord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let refused = upload(koord.clone(), csrf.clone(), "halb.osm.pbf", monaco[..monaco.len() / 2].to_vec()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("halb.osm.pbf wurde nicht importiert, das bisherige Straßennetz gilt weiter: not a readable OpenStreetMap extract"),
        "{}",
        refused.body
    );
    assert!(f.store.street_networks(f.m).await.unwrap().is_empty());
    let done = upload(koord.clone(), csrf, "monaco.osm.pbf", monaco).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let page = get(&f.app, "/needs/walk", &koord).await.body;
    assert!(
        page.contains("Gemessen auf dem Straßen- und Wegenetz aus monaco.osm.pbf") && page.contains("© OpenStreetMap-Mitwirkende"),
        "{page}"
    );
    // the fixture's district lies in Brandenburg, far from Monaco's streets: no home or grid
    // point is placed on them, so no share is measured rather than a share of zero
    let csv = get(&f.app, "/needs/walk.csv", &koord).await.body;
    assert!(csv.lines().skip(1).all(|l| l.ends_with(",,,,walking")), "{csv}");
}

/// The matrix for one field: only the field's offers are supply and walking destinations, the
/// choice travels to the gap pages, the CSV and saved runs, and an unknown field is named.
#[tokio::test]
async fn the_needs_analysis_counts_the_offers_of_a_chosen_field() {
    let f = fixture().await;
    let (koord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let column = |csv: &str, phase: &str, name: &str| -> String {
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let i = header.iter().position(|h| *h == name).unwrap_or_else(|| panic!("{name} in {header:?}"));
        let row = csv.lines().find(|l| l.contains(&format!(",{phase},"))).unwrap_or_else(|| panic!("{phase}: {csv}"));
        // the district's name is quoted but holds no comma
        row.split(',').nth(i).unwrap().to_string()
    };
    // both fixture offers are youth welfare for early childhood
    let every = get(&f.app, "/needs.csv", &koord).await.body;
    let welfare = get(&f.app, "/needs.csv?domain=youth_welfare", &koord).await.body;
    let health = get(&f.app, "/needs.csv?domain=health", &koord).await.body;
    assert_ne!(column(&every, "early_childhood", "offers"), "0", "{every}");
    assert_eq!(column(&welfare, "early_childhood", "offers"), column(&every, "early_childhood", "offers"));
    assert_eq!(column(&health, "early_childhood", "offers"), "0", "{health}");
    assert_eq!(
        column(&every, "early_childhood", "share_within_10_min_walk"),
        column(&welfare, "early_childhood", "share_within_10_min_walk")
    );
    assert_eq!(column(&health, "early_childhood", "share_within_10_min_walk"), "0.000", "no health offer to walk to");
    assert_eq!(column(&every, "early_childhood", "children"), column(&health, "early_childhood", "children"), "need stays the same");
    assert_eq!(
        (column(&every, "early_childhood", "offers_of_domain"), column(&health, "early_childhood", "offers_of_domain")),
        ("all".into(), "health".into())
    );

    let page = get(&f.app, "/needs?domain=health", &koord).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<option value=\"health\" selected>Gesundheit</option>"), "{}", page.body);
    assert!(page.body.contains("nur Angebote des Handlungsfelds „Gesundheit“"), "{}", page.body);
    let district = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let gap_link = format!("/needs/gaps/{district}/early_childhood?domain=health");
    assert!(page.body.contains(&format!("href=\"{gap_link}\"")), "gaps lead to the field's figures: {}", page.body);
    let gap = get(&f.app, &gap_link, &koord).await;
    assert_eq!(gap.status, StatusCode::OK);
    assert!(gap.body.contains("Handlungsfelds „Gesundheit“") && gap.body.contains("gilt für die Lebensphase"), "{}", gap.body);
    let offers_on_gap = |body: &str| {
        let label = "<dt>Angebote</dt><dd>";
        body[body.find(label).unwrap_or_else(|| panic!("{body}")) + label.len()..].chars().next().unwrap()
    };
    assert_eq!(offers_on_gap(&gap.body), '0');
    assert_ne!(offers_on_gap(&get(&f.app, &format!("/needs/gaps/{district}/early_childhood"), &koord).await.body), '0');

    // an unknown field is named on the page and refused for a file
    let page = get(&f.app, "/needs?domain=astrologie", &koord).await;
    assert!(page.body.contains("id=\"needs-domain-error\" class=\"error\">Dieses Handlungsfeld gibt es nicht"), "{}", page.body);
    assert_eq!(get(&f.app, "/needs.csv?domain=astrologie", &koord).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(get(&f.app, "/needs/walk.csv?domain=astrologie", &koord).await.status, StatusCode::BAD_REQUEST);

    // walking reach to one field's offers, saved as a run that says so
    let walk = get(&f.app, "/needs/walk?phase=early_childhood&domain=health", &koord).await;
    assert!(walk.body.contains("nur Angebote des Handlungsfelds „Gesundheit“") && walk.body.contains("domain=health\""), "{}", walk.body);
    let early = get(&f.app, "/needs/walk.csv?domain=health", &koord).await.body;
    assert!(early.lines().filter(|l| l.contains(",early_childhood,")).all(|l| l.contains(",0.000,0.000,0.000,")), "{early}");
    let csrf = hidden(&walk.body, "csrf");
    assert!(walk.body.contains("<input type=\"hidden\" name=\"domain\" value=\"health\">"));
    let saved = post_form(&f.app, "/needs/walk/runs", &koord, &format!("csrf={csrf}&level=2&domain=health&label=Gesundheit")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let runs = f.store.reach_runs(f.m).await.unwrap();
    assert!(runs[0].parameters.contains("\"domain\":\"health\""), "{}", runs[0].parameters);
}

/// A proposal about a district and life phase shows the needs analysis' suggested need score
/// with its reasons, preselected until the need is scored.
#[tokio::test]
async fn a_proposal_gets_a_suggested_need_score_from_the_needs_analysis() {
    let f = fixture().await;
    let (koord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    // 60 children under three: enough to judge
    let g = |min, max| kette_domain::AgeGroup { min_years: min, max_years: max };
    let pop = |group, count| kette_domain::PopulationCount { district_key: "0101".into(), year: 2021, age_group: group, count };
    f.store.import_population(f.m, &[pop(g(0, Some(6)), 120), pop(g(6, Some(15)), 45)]).await.unwrap();
    let district = f.store.district_by_key(f.m, "0101").await.unwrap().unwrap();
    let input = |phase: &str| kette_domain::proposals::ProposalInput {
        title: "Eltern-Kind-Gruppe".into(),
        problem: "Zu wenige Angebote.".into(),
        life_phase: Some(phase.into()),
        transition: None,
        district_id: Some(district),
        expected_benefit: String::new(),
        cost_eur: None,
        partners: String::new(),
        body_id: None,
    };
    let proposal = f.store.submit_proposal(f.m, &input("early_childhood"), false, None).await.unwrap();
    let detail = get(&f.app, &format!("/proposals/{proposal}"), &koord).await.body;
    // the only district is the median (100 %: 1), and 2 % of it lies within a walk (+1)
    assert!(
        detail.contains("Vorschlag der Bedarfsanalyse für das Kriterium Bedarf: 2 von 5 (Abdeckung 100 % des Medians; nur 2 % der Kinder in 10 Minuten zu Fuß)."),
        "{detail}"
    );
    assert!(detail.contains("Regel: kein Angebot 5;"), "the rule is stated");
    assert!(detail.contains("<input type=\"radio\" name=\"score_need\" value=\"2\" checked>"), "{detail}");
    assert!(detail.contains("der Vorschlag der Bedarfsanalyse ist vorausgewählt"));
    assert!(!detail.contains("name=\"score_reach\" value=\"2\" checked"), "other criteria are not preselected");
    // scored otherwise, the score stands and the suggestion is only shown
    let csrf = hidden(&detail, "csrf");
    let saved = post_form(
        &f.app,
        &format!("/proposals/{proposal}/scores"),
        &koord,
        &format!("csrf={csrf}&score_need=4&score_reach=3&score_cost=2&score_feasibility=5"),
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let detail = get(&f.app, &format!("/proposals/{proposal}"), &koord).await.body;
    assert!(detail.contains("<input type=\"radio\" name=\"score_need\" value=\"4\" checked>"), "{detail}");
    assert!(detail.contains("2 von 5") && !detail.contains("ist vorausgewählt"), "{detail}");
    // no median to compare with (no offer of the phase anywhere): no suggestion
    let none = f.store.submit_proposal(f.m, &input("primary"), false, None).await.unwrap();
    let detail = get(&f.app, &format!("/proposals/{none}"), &koord).await.body;
    assert!(detail.contains("Bedarfsanalyse, Grundschule") && !detail.contains("Vorschlag der Bedarfsanalyse"), "{detail}");
    assert!(!detail.contains("name=\"score_need\" value=\"0\" checked"), "{detail}");
}

/// A census grid uploaded on `/needs/walk`: refused whole with its cause, or stored and named,
/// and the walks start from its cells.
#[tokio::test]
async fn a_census_grid_is_uploaded_whole_or_refused_with_its_cause() {
    let f = fixture().await;
    let upload = |cookie: String, csrf: String, name: &'static str, content: String| {
        let app = f.app.clone();
        async move { post_file(&app, "/needs/walk/census", &cookie, &csrf, name, content.as_bytes()).await }
    };
    let header = "GITTER_ID_100m;x_mp_100m;y_mp_100m;Insgesamt_Bevoelkerung;Unter18\n";
    // cells (EPSG:3035) at 52.05° N 13.05° E, beside the two offers, and at 52.02° N 13.02° E
    let good =
        format!("{header}CRS3035RES100mN3219900E4530100;4530150;3219950;200;40\nCRS3035RES100mN3216500E4528200;4528250;3216550;100;20\n");
    let (partner, pcsrf) = sign_in(&f.app, "partner", "geheim-genug").await;
    assert_eq!(upload(partner, pcsrf, "zensus.csv", good.clone()).await.status, StatusCode::FORBIDDEN);
    let (koord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let broken = format!("{header}CRS3035RES100mN3219900E4530100;4530150;3219950;zweihundert;40\n");
    let refused = upload(koord.clone(), csrf.clone(), "kaputt.csv", broken).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("kaputt.csv wurde nicht importiert, das bisherige Zensus-Gitter gilt weiter")
            && refused.body.contains("line 2: people: expected a count, found")
            && refused.body.contains("zweihundert"),
        "{}",
        refused.body
    );
    assert!(f.store.census_grid(f.m).await.unwrap().is_none());
    let elsewhere = format!("{header}CRS3035RES100mN2689100E4337000;4337050;2689150;10;2\n");
    let refused = upload(koord.clone(), csrf.clone(), "heidelberg.csv", elsewhere).await;
    assert!(refused.body.contains("none of its 1 cells lies in the municipality"), "{}", refused.body);
    let done = upload(koord.clone(), csrf, "Zensus2022_Alter.csv", good).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let page = get(&f.app, "/needs/walk?phase=early_childhood", &koord).await.body;
    assert!(page.contains("Zensus-Gitter: Zensus2022_Alter.csv, 2 Zellen in den Gebieten, Gewicht unter18"), "{page}");
    assert!(page.contains("In 1 Gebieten wohnen die Kinder dort, wo das Zensus-Gitter sie zählt"), "{page}");
    // 40 of 60 children live beside the offers: two thirds within five minutes, where the even
    // spread over the district had 2 % within ten
    let csv = get(&f.app, "/needs/walk.csv", &koord).await.body;
    let early = csv.lines().find(|l| l.contains(",early_childhood,")).unwrap();
    assert!(early.contains(",0.667,0.667,0.667,"), "{csv}");
}

/// An extract over the upload limit (400 MB) is refused with the limit named, before it is
/// read, and the stored network stays.
#[tokio::test]
async fn an_extract_over_the_upload_limit_is_refused_with_the_limit() {
    let f = fixture().await;
    let (koord, csrf) = sign_in(&f.app, "koord", "geheim-genug").await;
    let oversized = vec![0u8; 401 * 1024 * 1024];
    let res = post_file(&f.app, "/needs/walk/network", &koord, &csrf, "deutschland.osm.pbf", &oversized).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(res.body.contains("Die Datei ist zu groß: höchstens 400 MB."), "{}", res.body);
    assert!(f.store.street_networks(f.m).await.unwrap().is_empty());
}

/// The reach page by bike: estimated at 15 km/h until a cycling network is imported, named as
/// such, with its own CSV; an unknown mode is named and walking shown.
#[tokio::test]
async fn the_reach_page_shows_the_same_by_bike() {
    let f = fixture().await;
    let (koord, _) = sign_in(&f.app, "koord", "geheim-genug").await;
    let share = |csv: &str| -> f64 {
        let early = csv.lines().find(|l| l.contains(",early_childhood,")).unwrap();
        early.split(',').nth(5).unwrap().parse().unwrap()
    };
    let walking = share(&get(&f.app, "/needs/walk.csv", &koord).await.body);
    let cycling_csv = get(&f.app, "/needs/walk.csv?mode=cycling", &koord).await.body;
    let cycling = share(&cycling_csv);
    // ten minutes at 15 km/h reach 1.9 km in a straight line: about 15 % of the 76 km² district
    assert!(cycling > 0.1 && cycling < 0.2 && cycling > 5.0 * walking, "{walking} {cycling}");
    assert!(cycling_csv.lines().nth(1).unwrap().ends_with(",cycling"), "{cycling_csv}");
    let page = get(&f.app, "/needs/walk?mode=cycling&phase=early_childhood", &koord).await.body;
    assert!(page.contains("Mit dem Rad geschätzt: Luftlinie × 1,3 bei 15 km/h"), "{page}");
    assert!(page.contains("<option value=\"cycling\" selected>mit dem Rad (15 km/h)</option>"), "{page}");
    assert!(page.contains("Anteil der Kinder in 10 Minuten mit dem Rad: Frühe Kindheit (0–3)"), "{page}");
    assert!(page.contains("Mit dem Rad zum nächsten Angebot: Frühe Kindheit (0–3)"), "{page}");
    assert!(page.contains("mode=cycling"), "the CSV link keeps the mode");
    // the needs analysis itself stays on foot
    let needs = get(&f.app, "/needs.csv", &koord).await.body;
    assert!(needs.lines().find(|l| l.contains(",early_childhood,")).unwrap().contains(",0.016,"), "{needs}");
    let page = get(&f.app, "/needs/walk?mode=fliegen", &koord).await.body;
    assert!(page.contains("id=\"walk-mode-error\" class=\"error\">Unbekannte Art, unterwegs zu sein"), "{page}");
    assert_eq!(get(&f.app, "/needs/walk.csv?mode=fliegen", &koord).await.status, StatusCode::BAD_REQUEST);
}
