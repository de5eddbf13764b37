//! The one confidentiality rule over every route the router has and every role: small counts,
//! rates over small counts, a protected place, an internal note and a partner's unapproved
//! place must appear in no response body of a reader who may not see them. The routes come
//! from the router itself (`kette_web::route_paths`), so a new route fails this test until it
//! is given a URL here.

use std::collections::HashMap;

use axum::body::Body;
use axum::http::{header, Request};

mod common;
use common::*;

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
    Secret {
        what: "a body's minutes and tasks",
        markers: &["PROTOKOLL-GREMIUM-XYZ", "AUFGABE-GREMIUM-XYZ"],
        seen_by: &["admin", "koord", "navi", "partner_b"],
    },
    Secret {
        what: "a cooperation agreement",
        markers: &["VEREINBARUNG-XYZ"],
        seen_by: &["viewer", "navi", "planer", "partner_a", "partner_b", "koord", "admin"],
    },
    Secret {
        what: "an internal event",
        markers: &["FORTBILDUNG-INTERN-XYZ"],
        seen_by: &["viewer", "navi", "planer", "partner_a", "partner_b", "koord", "admin"],
    },
    Secret { what: "a comment on a gap", markers: &["LUECKE-KOMMENTAR-XYZ"], seen_by: &["viewer", "planer", "koord", "admin"] },
    Secret { what: "an offer not public", markers: &["ENTWURF-ANGEBOT-XYZ"], seen_by: &["admin", "koord", "partner_b"] },
    Secret { what: "unapproved place", markers: &["Pendelstraße", "Neuer Ort im Antrag"], seen_by: &["admin", "koord", "partner_a"] },
];

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
        | "/offers/{id}/next"
        | "/api/v1/offers/{id}" => vec![path.replace("{id}", &id("offer"))],
        "/offers/{id}/next/{link}/remove" => vec![path.replace("{id}", &id("offer")).replace("{link}", &id("chain_link"))],
        "/engagement/gifts/{id}/match" | "/engagement/gifts/{id}/advance" => vec![path.replace("{id}", "1")],
        "/funding/{id}" => vec![path.replace("{id}", "1")],
        "/events/{id}" => vec![path.replace("{id}", &id("event"))],
        "/events.ics" => vec![path.to_string(), format!("{path}?token=falsch")],
        "/referrals/{id}/outcome" => vec![path.replace("{id}", &id("contact"))],
        "/referrals" | "/referrals/export.csv" => vec![path.to_string(), format!("{path}?offer_q=ENTWURF")],
        "/network/chain" => vec![path.to_string(), format!("{path}?district={}", id("district"))],
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
        "/bodies/{id}" | "/bodies/{id}/members" | "/bodies/{id}/calendar" | "/bodies/{id}/meetings" | "/bodies/{id}/tasks" => {
            vec![path.replace("{id}", &id("body"))]
        }
        "/bodies/{id}/members/{member}/leave" => vec![path.replace("{id}", &id("body")).replace("{member}", &id("member"))],
        "/bodies/{id}/meetings.ics" => {
            let feed = path.replace("{id}", &id("body"));
            vec![feed.clone(), format!("{feed}?token={}", id("calendar_token")), format!("{feed}?token=x")]
        }
        "/meetings/{id}" | "/meetings/{id}/minutes" | "/meetings/{id}/decisions" => vec![path.replace("{id}", &id("meeting"))],
        "/tasks/{id}/status" => vec![path.replace("{id}", &id("task"))],
        "/survey/rounds/{id}/close" => vec![path.replace("{id}", &id("survey_round"))],
        "/survey/{token}" => vec![path.replace("{token}", &id("survey_token")), path.replace("{token}", "unbekannt")],
        "/proposals/{id}" | "/proposals/{id}/scores" | "/proposals/{id}/accept" | "/proposals/{id}/reject" => {
            vec![path.replace("{id}", &id("proposal"))]
        }
        "/steering/goals/{id}" => vec![path.replace("{id}", &id("goal"))],
        "/network/proposals/{id}" => vec![path.replace("{id}", "1")],
        "/network/agreements/{id}" => vec![path.replace("{id}", &id("agreement"))],
        "/network/export/{format}" => ["graphml", "gexf", "csv", "pdf"].iter().map(|f| path.replace("{format}", f)).collect(),
        "/steering/measures/{id}" => vec![path.replace("{id}", &id("measure"))],
        "/needs/scenarios/{id}" | "/needs/scenarios/{id}/plan" | "/needs/scenarios/{id}/close" | "/needs/scenarios/{id}/delete" => {
            vec![path.replace("{id}", &id("scenario")), format!("{}?q=ENTWURF", path.replace("{id}", &id("scenario")))]
        }
        "/needs/scenarios/{id}/changes/{change}/remove" => vec![path.replace("{id}", &id("scenario")).replace("{change}", "1")],
        "/needs/walk/runs/{id}" | "/needs/walk/runs/{id}/csv" => vec![path.replace("{id}", &id("reach_run"))],
        "/needs/gaps/{district}/{phase}" => vec![path.replace("{district}", &id("district")).replace("{phase}", "kita")],
        "/needs/scenarios/compare" => vec![format!("{path}?a={}&b={}", id("scenario"), id("scenario"))],
        p if p.contains('{') => panic!("route {p} has parameters this test does not know: give it URLs in urls_for"),
        p => vec![p.to_string()],
    };
    urls
}

#[tokio::test]
async fn no_route_shows_any_role_what_the_role_may_not_see() {
    let w = world().await;
    let paths = kette_web::route_paths();
    assert!(paths.len() > 60, "the router lists its routes ({})", paths.len());
    let mut checked = 0;
    let mut bad_titles: Vec<String> = vec![];
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
                    // every page has a plain-text title (a misused template block once put a
                    // script element into one)
                    if let Some(start) = body.find("<title>") {
                        let title = &body[start + 7..start + 7 + body[start + 7..].find("</title>").unwrap_or(0)];
                        if title.contains('<') || title.trim_start().starts_with('–') {
                            bad_titles.push(format!("{method} {url}: <title>{title}</title>"));
                        }
                    }
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
    bad_titles.sort();
    bad_titles.dedup();
    assert!(bad_titles.is_empty(), "pages with a broken or empty title:\n{}", bad_titles.join("\n"));
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
    assert!(map.contains("Kiez Zwei: 4.711<"), "the shown value is on the map");
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
