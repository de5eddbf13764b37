//! The use cases on a real SQLite file: figures through the confidentiality rule, the indicator
//! file check, the offer batch import with district assignment, and publishing a recipe result
//! from the public's view.

use kette_app::App;
use kette_domain::access::Actor;
use kette_domain::vocab::{OfferStatus, OrganisationKind};
use kette_domain::{
    Direction, DistrictLevel, ImportBatch, IndicatorDef, NewDistrict, NewLocation, NewObservation, NewOffer, NewOrganisation,
};
use kette_domain::{OfferInput, Role};
use kette_store::Store;

fn square(x: f64) -> String {
    format!("{{\"type\":\"Polygon\",\"coordinates\":[[[{x},52.0],[{},52.0],[{},52.1],[{x},52.1],[{x},52.0]]]}}", x + 0.1, x + 0.1)
}

async fn app() -> (tempfile::TempDir, App, kette_domain::Municipality) {
    let dir = tempfile::tempdir().unwrap();
    let clock = kette_domain::Clock::fixed(time::macros::datetime!(2026-11-22 06:00 UTC));
    let store = Store::open_with_clock(dir.path().join("a.db").to_str().unwrap(), clock).await.unwrap();
    let m = store.create_municipality("ort", "Ort", "", true).await.unwrap();
    let d = |key: &str, parent: Option<&str>, level, x| NewDistrict {
        key: key.into(),
        name: format!("Gebiet {key}"),
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
        DistrictLevel { level: 2, code: "gebiet".into(), label_de: "Gebiet".into(), label_en: "Area".into() },
    ];
    store
        .import_districts(m.id, &levels, &[d("1", None, 1, 13.0), d("11", Some("1"), 2, 13.0), d("12", Some("1"), 2, 13.1)])
        .await
        .unwrap();
    let def = |code: &str, unit: &str| IndicatorDef {
        code: code.into(),
        name_de: code.into(),
        name_en: code.into(),
        description: String::new(),
        unit: unit.into(),
        direction: Direction::HigherIsWorse,
        source: String::new(),
        licence: String::new(),
        min_denominator: None,
        meta: Default::default(),
    };
    store.upsert_indicators(m.id, &[def("armut", "%"), def("kinder", "Anzahl")]).await.unwrap();
    let obs = |code: &str, key: &str, value: f64, num: Option<f64>| NewObservation {
        indicator_code: code.into(),
        district_key: key.into(),
        year: 2024,
        value: Some(value),
        numerator: num,
        denominator: num.map(|n| n * 10.0),
        source: "Test".into(),
    };
    store
        .import_observations(
            m.id,
            &[
                obs("armut", "11", 10.0, Some(2.0)),
                obs("armut", "12", 30.0, Some(30.0)),
                obs("kinder", "1", 52.0, None),
                obs("kinder", "11", 2.0, None),
                obs("kinder", "12", 50.0, None),
            ],
        )
        .await
        .unwrap();
    (dir, App::new(store), m)
}

#[tokio::test]
async fn figures_follow_the_rule_with_secondary_suppression_and_means_over_shown_values() {
    let (_dir, app, m) = app().await;
    let public = app.disclosure(None, &m);
    let figures = app.figures(&public, m.id).await.unwrap();
    let shown = |code: &str, key: &str| {
        figures
            .rows()
            .iter()
            .find(|f| f.observation.indicator_code == code && f.observation.district_key == key)
            .map(|f| (f.value(), f.withheld))
    };
    assert_eq!(shown("armut", "11"), Some((None, true)), "a rate over 2 persons");
    assert_eq!(shown("kinder", "11"), Some((None, true)), "2 children");
    assert_eq!(shown("kinder", "12"), Some((None, true)), "52 − 50 would give the 2 back: secondary suppression");
    assert_eq!(shown("kinder", "1"), Some((Some(52.0), false)));
    assert_eq!(figures.level_mean("armut", 2024, 2), Some(30.0), "the mean leaves the withheld rate out");
    let planner = app.disclosure(Some(Actor { role: Role::Planner, organisation_id: None }), &m);
    let raw = app.figures(&planner, m.id).await.unwrap();
    assert_eq!(raw.level_mean("armut", 2024, 2), Some(20.0));
    assert!(raw.rows().iter().all(|f| !f.withheld));
    // new figures are seen at once: the cache follows the statistics generation
    app.store.import_observations(m.id, &[NewObservation { value: Some(40.0), ..obs_default("armut", "12") }]).await.unwrap();
    assert_eq!(app.figures(&planner, m.id).await.unwrap().level_mean("armut", 2024, 2), Some(25.0));
}

fn obs_default(code: &str, key: &str) -> NewObservation {
    NewObservation {
        indicator_code: code.into(),
        district_key: key.into(),
        year: 2024,
        value: None,
        numerator: Some(30.0),
        denominator: Some(100.0),
        source: "Test".into(),
    }
}

#[tokio::test]
async fn an_indicator_file_is_checked_whole_before_anything_is_written() {
    let (_dir, app, m) = app().await;
    let file = "Gebiet;Jahr;Indikator;Wert\n11;2025;armut;12\n99;2025;armut;3\n12;2025;unbekannt;4\n";
    let checked = app.check_indicator_file(m.id, "t.csv", file.as_bytes(), &Default::default(), None).await.unwrap();
    assert_eq!(checked.unknown_codes(), ["unbekannt"]);
    assert_eq!(checked.unknown_keys, ["99"]);
    let err = app.check_indicator_file(m.id, "t.csv", file.as_bytes(), &Default::default(), Some("lor-2030")).await.unwrap_err();
    assert!(err.to_string().contains("lor-2030"), "{err}");
    let err = app.check_indicator_file(m.id, "t.csv", b"Gebiet;Jahr\n", &Default::default(), None).await.unwrap_err();
    assert!(err.to_string().contains("t.csv"), "names the file: {err}");
}

#[tokio::test]
async fn an_offer_batch_gets_its_districts_by_point_in_polygon_and_a_dry_run_writes_nothing() {
    let (_dir, app, m) = app().await;
    let mut input = OfferInput::blank(0);
    input.title = "Elterncafé".into();
    input.life_phases = vec!["kita".into()];
    input.domains = vec!["youth_welfare".into()];
    input.status = OfferStatus::Active;
    let place = NewLocation {
        external_key: "p".into(),
        name: "Haus".into(),
        street: "Weg 1".into(),
        postcode: "10115".into(),
        city: "Ort".into(),
        lat: Some(52.05),
        lon: Some(13.15),
        district_key: None,
        is_anchor_point: false,
        is_confidential: false,
    };
    let mut batch = ImportBatch {
        organisations: vec![NewOrganisation {
            external_key: "t".into(),
            name: "Träger".into(),
            kind: OrganisationKind::Other,
            website: String::new(),
            email: String::new(),
            phone: String::new(),
        }],
        locations: vec![("t".into(), place)],
        offers: vec![NewOffer {
            external_key: "o".into(),
            organisation_key: "t".into(),
            location_keys: vec!["p".into()],
            input,
            is_fictional: true,
            origin: "o".into(),
        }],
        ..Default::default()
    };
    assert_eq!(app.import_offer_batch(m.id, &mut batch, true).await.unwrap(), Ok(None));
    assert_eq!(batch.locations[0].1.district_key.as_deref(), Some("12"), "the point lies in area 12");
    assert_eq!(app.store.list_offers(m.id, &Default::default(), 1, 10).await.unwrap().total, 0, "a dry run writes nothing");
    let report = app.import_offer_batch(m.id, &mut batch, false).await.unwrap().unwrap().unwrap();
    assert_eq!(report.offers, 1);
    batch.offers[0].input.domains = vec!["gibt-es-nicht".into()];
    let problems = app.import_offer_batch(m.id, &mut batch, true).await.unwrap().unwrap_err();
    assert!(matches!(&problems[0], kette_app::imports::BatchProblem::Offer { origin, .. } if origin == "o"), "{problems:?}");
}

#[tokio::test]
async fn a_published_recipe_result_is_computed_from_what_the_public_may_see() {
    let (_dir, app, m) = app().await;
    let toml = "id = \"r\"\nname = \"R\"\n[[step]]\nkind = \"sum\"\ninputs = [\"armut\"]\noutput = \"s\"\n";
    app.store.save_recipe(m.id, "r", "R", toml, None).await.unwrap();
    let stored = app.store.recipe_versions(m.id, "r").await.unwrap().remove(0);
    let written = app.publish_recipe_column(&m, &stored, 2024, "s", "armut_summe", None).await.unwrap();
    assert_eq!(written, 2);
    let planner = app.disclosure(Some(Actor { role: Role::Planner, organisation_id: None }), &m);
    let figures = app.figures(&planner, m.id).await.unwrap();
    let published: Vec<(String, Option<f64>)> = figures
        .rows()
        .iter()
        .filter(|f| f.observation.indicator_code == "armut_summe")
        .map(|f| (f.observation.district_key.clone(), f.value()))
        .collect();
    assert_eq!(published, [("11".to_string(), None), ("12".to_string(), Some(30.0))], "the withheld rate gives no result");
    let err = app.publish_recipe_column(&m, &stored, 2024, "nope", "x", None).await.unwrap_err();
    assert!(err.to_string().contains("nope"));
}

#[tokio::test]
async fn impossible_values_are_refused_and_unlikely_ones_named() {
    let (_dir, app, m) = app().await;
    let file = "Gebiet;Jahr;Indikator;Wert\n11;2025;kinder;-3\n12;2025;armut;130\n";
    let err = app.check_indicator_file(m.id, "t.csv", file.as_bytes(), &Default::default(), None).await.unwrap_err().to_string();
    assert!(err.contains("t.csv") && err.contains("district 11, kinder 2025: a count cannot be negative (-3)"), "{err}");
    let file = "Gebiet;Jahr;Indikator;Wert\n11;2025;kinder;3\n12;2025;armut;130\n12;2024;armut;1e308\n";
    let checked = app.check_indicator_file(m.id, "t.csv", file.as_bytes(), &Default::default(), None).await.unwrap();
    assert_eq!(checked.warnings.len(), 2, "{:?}", checked.warnings);
    assert!(checked.warnings[0].contains("130 % lies outside 0–100"), "{:?}", checked.warnings);
    let file = "Gebiet;Jahr;Indikator;Wert\n11;2025;armut;NaN\n";
    assert!(app.check_indicator_file(m.id, "t.csv", file.as_bytes(), &Default::default(), None).await.is_err(), "NaN is no number");
}
