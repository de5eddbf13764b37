//! The world the contract and confidentiality tests share: two organisations, a protected
//! place with an internal note, a partner's unapproved place, rates over small counts and small
//! counts, one account per role, on a clock fixed at 2026-11-22.
#![allow(dead_code)]

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

pub const PASSWORD: &str = "geheim-genug-1";

pub const USERS: &[(&str, Option<Role>, Option<&str>)] = &[
    ("", None, None),
    ("viewer", Some(Role::Viewer), None),
    ("navi", Some(Role::Navigator), None),
    ("planer", Some(Role::Planner), None),
    ("partner_a", Some(Role::PartnerEditor), Some("a")),
    ("partner_b", Some(Role::PartnerEditor), Some("b")),
    ("koord", Some(Role::Coordinator), None),
    ("admin", Some(Role::Admin), None),
];

pub struct World {
    pub _dir: tempfile::TempDir,
    pub app: Router,
    pub store: Store,
    pub m: i64,
    pub ids: HashMap<&'static str, String>,
}

fn square(x: f64) -> String {
    format!("{{\"type\":\"Polygon\",\"coordinates\":[[[{x},52.0],[{},52.0],[{},52.1],[{x},52.1],[{x},52.0]]]}}", x + 0.1, x + 0.1)
}

pub async fn world() -> World {
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
        outline: None,
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
        offers: vec![offer("oa", "a", "la", "Krabbelgruppe A"), offer("ob", "b", "lb", "Schutz und Beratung B"), {
            // paused: families do not see it, nor anything that links to it
            let mut paused = offer("op", "b", "lb", "ENTWURF-ANGEBOT-XYZ");
            paused.input.status = OfferStatus::Paused;
            paused
        }],
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
    // a working group: partner B's organisation sits in it, the navigator is a member with an
    // account; its minutes are for those the body rule lets read them
    let body = store
        .create_body(
            m,
            &kette_domain::bodies::BodyInput { kind: "working_group".into(), name: "AG Test".into(), description: String::new() },
            true,
            None,
        )
        .await
        .unwrap();
    let navi = store.accounts(m).await.unwrap().into_iter().find(|a| a.username == "navi").unwrap().id;
    let member = |name: &str, organisation_id, account_id| kette_domain::bodies::MemberInput {
        name: name.into(),
        organisation_id,
        email: String::new(),
        role: kette_domain::bodies::MemberRole::Member,
        is_decision_maker: false,
        account_id,
    };
    let member_b = store.add_member(m, body, &member("Vertretung B", Some(org_b), None), None).await.unwrap();
    store.add_member(m, body, &member("Navi", None, Some(navi)), None).await.unwrap();
    let meeting = store
        .create_meeting(
            m,
            body,
            &kette_domain::bodies::MeetingInput {
                title: "Sitzung".into(),
                starts_at: time::macros::datetime!(2026-12-01 10:00),
                ends_at: time::macros::datetime!(2026-12-01 12:00),
                place: String::new(),
                agenda: vec![],
            },
            None,
        )
        .await
        .unwrap();
    store.save_minutes(m, meeting, "PROTOKOLL-GREMIUM-XYZ", &[member_b], None).await.unwrap();
    let task = store
        .create_task(
            m,
            body,
            &kette_domain::bodies::TaskInput {
                title: "AUFGABE-GREMIUM-XYZ".into(),
                owner_member_id: Some(member_b),
                due_on: Some(time::macros::date!(2026 - 12 - 20)),
                status: kette_domain::bodies::TaskStatus::Open,
                meeting_id: Some(meeting),
            },
            None,
        )
        .await
        .unwrap();
    let calendar_token = store.body(m, body).await.unwrap().unwrap().calendar_token;
    let proposal = store
        .submit_proposal(
            m,
            &kette_domain::proposals::ProposalInput {
                title: "Vorschlag".into(),
                problem: "Problem".into(),
                life_phase: None,
                transition: None,
                district_id: None,
                expected_benefit: String::new(),
                cost_eur: None,
                partners: String::new(),
                body_id: Some(body),
            },
            true,
            None,
        )
        .await
        .unwrap();
    let (survey_round, survey_tokens) = store.open_survey_round(m, 2026, 2, true, None).await.unwrap();
    let goal = store
        .create_goal(
            m,
            &kette_domain::goals::GoalInput {
                parent_id: None,
                level: kette_domain::goals::GoalLevel::Impact,
                title: "Weniger Kinderarmut".into(),
                description: String::new(),
                indicator_code: Some("kinderarmut_test".into()),
                district_id: None,
                target: None,
                responsible_body_id: None,
                responsible: String::new(),
                tolerance: 0.1,
            },
            true,
            None,
        )
        .await
        .unwrap();
    let paused_offer =
        store.list_offers(m, &kette_store::OfferFilter { q: Some("ENTWURF".into()), ..Default::default() }, 1, 5).await.unwrap().items[0]
            .id;
    let measure = store
        .create_measure(
            m,
            &kette_domain::goals::MeasureInput {
                title: "Maßnahme".into(),
                description: String::new(),
                status: kette_domain::goals::MeasureStatus::Planned,
                goal_ids: vec![goal],
                lead_organisation_id: Some(org_b),
                organisation_ids: vec![org_a],
                offer_ids: vec![offer_b, paused_offer],
                life_phases: vec![],
                transitions: vec![],
                district_ids: vec![],
                starts_on: None,
                ends_on: None,
                budget_eur: None,
                funding_source: String::new(),
            },
            true,
            None,
        )
        .await
        .unwrap();
    let agreement = store
        .create_agreement(
            m,
            &kette_domain::agreements::AgreementInput {
                kind: "cooperation_agreement".into(),
                title: "VEREINBARUNG-XYZ".into(),
                organisation_ids: vec![org_a, org_b],
                since: None,
                until: None,
                duties: vec![],
                contacts: String::new(),
                document_url: String::new(),
            },
            true,
            None,
        )
        .await
        .unwrap();
    // a step of the chain to the paused offer: no one who may not see the offer sees the step
    let chain_link = store
        .add_offer_link(
            m,
            &kette_domain::chain::ChainLinkInput {
                from_offer_id: offer_b,
                to_offer_id: paused_offer,
                transition: Some("kita_to_primary".into()),
            },
            true,
            None,
        )
        .await
        .unwrap();
    let contact = store
        .log_contact(
            m,
            &kette_domain::navigator::ContactInput {
                contacted_on: time::macros::date!(2026 - 11 - 20),
                offer_id: Some(offer_b),
                district_id: None,
                life_phase: Some("kita".into()),
                transition: None,
                domain: None,
                language: None,
                outcome: kette_domain::vocab::ContactOutcome::Unknown,
            },
        )
        .await
        .unwrap();
    let event = store
        .create_event(
            m,
            &kette_domain::events::EventInput {
                kind: kette_domain::vocab::EventKind::Training,
                title: "FORTBILDUNG-INTERN-XYZ".into(),
                description: String::new(),
                starts_at: time::macros::datetime!(2026-12-10 9:00),
                ends_at: time::macros::datetime!(2026-12-10 12:00),
                place: String::new(),
                organiser_id: Some(org_a),
                cycle_phase: None,
                goal_ids: vec![goal],
                is_public: false,
                attendance: vec![],
            },
            true,
            None,
        )
        .await
        .unwrap();
    // a scenario closing the paused offer: its title stays with those who may see the offer
    let scenario = store.create_scenario(m, "Szenario", "", true, None).await.unwrap();
    store.add_scenario_change(m, scenario, &kette_domain::needs::ScenarioChange::Close { offer: paused_offer }, None).await.unwrap();
    // a planner's comment on a gap: planning readers see it, nobody else
    let gap_district = store.district_by_key(m, "0101").await.unwrap().unwrap();
    store
        .follow_up_gap(
            m,
            gap_district,
            "kita",
            &kette_domain::needs::GapFollowUpInput {
                state: kette_domain::needs::GapState::Addressed,
                measure_id: Some(measure),
                proposal_id: None,
                comment: "LUECKE-KOMMENTAR-XYZ".into(),
            },
            None,
        )
        .await
        .unwrap();
    // a saved walking-reach result, computed with the public's view of places
    let municipality = store.municipality(m).await.unwrap();
    let reach_run = kette_app::App::new(store.clone())
        .save_reach_run(&municipality, &store.vocabulary(m).await.unwrap(), None, None, "Stand Test", None)
        .await
        .unwrap();
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
        ("body", body.to_string()),
        ("member", member_b.to_string()),
        ("meeting", meeting.to_string()),
        ("task", task.to_string()),
        ("calendar_token", calendar_token),
        ("proposal", proposal.to_string()),
        ("goal", goal.to_string()),
        ("agreement", agreement.to_string()),
        ("chain_link", chain_link.to_string()),
        ("contact", contact.to_string()),
        ("event", event.to_string()),
        ("measure", measure.to_string()),
        ("scenario", scenario.to_string()),
        ("reach_run", reach_run.to_string()),
        ("survey_round", survey_round.to_string()),
        ("survey_token", survey_tokens[0].clone()),
        ("service", kette_hsds::Ids::new("teststadt").id("service", offer_b, None)),
        ("hsds_org", kette_hsds::Ids::new("teststadt").id("organization", org_b, None)),
        ("sal", kette_hsds::Ids::new("teststadt").service_at_location(offer_b, protected)),
    ]);
    let app = kette_web::router(kette_web::AppState::new(store.clone(), kette_web::WebConfig::default()));
    World { _dir: dir, app, store, m, ids }
}

pub async fn body_of(app: &Router, req: Request<Body>) -> (StatusCode, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

pub fn cookie_of(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap_or_default().to_string())
}

pub async fn sign_in(app: &Router, user: &str) -> String {
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
