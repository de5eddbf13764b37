//! The needs analysis on a real street network: Heidelberg's OpenStreetMap extract
//! (data/osm/heidelberg.test.pbf, © OpenStreetMap contributors, ODbL) imported for a test
//! municipality of two areas over the city, on a real SQLite file.

use kette_app::needs::NeedsRequest;
use kette_app::App;
use kette_domain::access::Actor;
use kette_domain::vocab::{OfferStatus, OrganisationKind};
use kette_domain::{DistrictLevel, ImportBatch, NewDistrict, NewLocation, NewOffer, NewOrganisation, OfferInput, Role};
use kette_store::Store;

fn extract() -> Vec<u8> {
    osm("heidelberg.test.pbf")
}

fn osm(name: &str) -> Vec<u8> {
    std::fs::read(std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/osm").join(name)).unwrap()
}

fn rectangle(w: f64, s: f64, e: f64, n: f64) -> String {
    format!("{{\"type\":\"Polygon\",\"coordinates\":[[[{w},{s}],[{e},{s}],[{e},{n}],[{w},{n}],[{w},{s}]]]}}")
}

/// Two areas: the Weststadt and Bergheim west of the old town (with a Kita at Bismarckplatz),
/// and the old town itself to the east.
async fn heidelberg() -> (tempfile::TempDir, App, kette_domain::Municipality) {
    city("heidelberg", [("west", 8.670, 8.697), ("ost", 8.697, 8.724)], (49.400, 49.416), [49.4094, 8.6930]).await
}

/// A municipality of areas (key, west, east) between two latitudes, with 0–6 year olds in
/// each and one Kita.
async fn city(
    slug: &str,
    areas: [(&str, f64, f64); 2],
    (south, north): (f64, f64),
    kita: [f64; 2],
) -> (tempfile::TempDir, App, kette_domain::Municipality) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("hd.db").to_str().unwrap()).await.unwrap();
    let m = store.create_municipality(slug, slug, "", true).await.unwrap();
    let area = |key: &str, w: f64, e: f64| NewDistrict {
        key: key.into(),
        name: format!("Gebiet {key}"),
        level: 1,
        parent_key: None,
        boundary_version: "v1".into(),
        outline: None,
        geometry: Some(rectangle(w, south, e, north)),
        area_m2: None,
        bbox: Some([w, south, e, north]),
    };
    let levels = vec![DistrictLevel { level: 1, code: "gebiet".into(), label_de: "Gebiet".into(), label_en: "Area".into() }];
    store.import_districts(m.id, &levels, &areas.map(|(key, w, e)| area(key, w, e))).await.unwrap();
    let g = |min, max| kette_domain::AgeGroup { min_years: min, max_years: max };
    let pop = |key: &str, count| kette_domain::PopulationCount { district_key: key.into(), year: 2024, age_group: g(0, Some(6)), count };
    store.import_population(m.id, &[pop(areas[0].0, 600), pop(areas[1].0, 400)]).await.unwrap();
    let mut input = OfferInput::blank(0);
    input.title = "Kita am Bismarckplatz".into();
    input.life_phases = vec!["kita".into()];
    input.domains = vec!["youth_welfare".into()];
    input.status = OfferStatus::Active;
    let place = NewLocation {
        external_key: "bismarckplatz".into(),
        name: "Kita".into(),
        street: "Bismarckplatz 1".into(),
        postcode: "69115".into(),
        city: "Heidelberg".into(),
        lat: Some(kita[0]),
        lon: Some(kita[1]),
        district_key: Some(areas[0].0.into()),
        is_anchor_point: false,
        is_confidential: false,
    };
    let batch = ImportBatch {
        organisations: vec![NewOrganisation {
            external_key: "t".into(),
            name: "Träger".into(),
            kind: OrganisationKind::Kita,
            website: String::new(),
            email: String::new(),
            phone: String::new(),
        }],
        locations: vec![("t".into(), place)],
        offers: vec![NewOffer {
            external_key: "kita".into(),
            organisation_key: "t".into(),
            location_keys: vec!["bismarckplatz".into()],
            input,
            is_fictional: true,
            origin: "kita".into(),
        }],
        ..Default::default()
    };
    store.import_batch(m.id, &batch, |_| {}).await.unwrap();
    (dir, App::new(store), m)
}

/// The share of an area's children of the Kita age within ten minutes on foot of a Kita.
fn kita(view: &kette_app::needs::NeedsView, key: &str) -> Option<f64> {
    let p = view.matrix.phases.iter().position(|c| c == "kita").unwrap();
    view.matrix.rows.iter().find(|r| r.key == key).unwrap().cells[p].within_walk
}

#[tokio::test]
async fn walking_shares_are_measured_on_the_imported_street_network_and_a_broken_extract_changes_nothing() {
    let (_dir, app, m) = heidelberg().await;
    let reader = app.disclosure(Some(Actor { role: Role::Planner, organisation_id: None }), &m);
    let vocab = app.store.vocabulary(m.id).await.unwrap();
    let estimated = app.needs(&reader, m.id, &vocab, &NeedsRequest::default()).await.unwrap();
    assert!(!estimated.walk_on_network && estimated.walk_estimated);
    let (west_estimate, east_estimate) = (kita(&estimated, "west").unwrap(), kita(&estimated, "ost").unwrap());

    // a truncated file is refused with its cause and stores nothing
    let bytes = extract();
    let err = app.import_street_network(m.id, "kaputt.osm.pbf", bytes[..bytes.len() / 3].to_vec(), "walking", None).await.unwrap_err();
    assert!(err.to_string().contains("not a readable OpenStreetMap extract"), "{err}");
    assert!(app.store.street_networks(m.id).await.unwrap().is_empty());

    let done = app.import_street_network(m.id, "heidelberg.test.pbf", bytes, "walking", None).await.unwrap();
    assert!(done.counts.junctions > 20_000 && done.counts.edges > done.counts.junctions, "{:?}", done.counts);
    let stored = app.store.street_networks(m.id).await.unwrap();
    assert_eq!((stored[0].file_name.as_str(), stored[0].sha256.as_str()), ("heidelberg.test.pbf", done.sha256.as_str()));

    // the analysis is computed again, now on the network
    let measured = app.needs(&reader, m.id, &vocab, &NeedsRequest::default()).await.unwrap();
    assert!(measured.walk_on_network);
    // the test extract maps streets, not buildings: both areas keep their grid (Monaco's homes
    // are tested in the engine)
    assert_eq!(measured.walk_from_homes, (0, 2));
    let (west, east) = (kita(&measured, "west").unwrap(), kita(&measured, "ost").unwrap());
    // 800 m on the streets from Bismarckplatz: a fair part of the west, little of the old town
    assert!(west > 0.1 && west < 0.9, "west {west} (estimate {west_estimate})");
    assert!(east < west, "east {east}, west {west}");
    assert!((west, east) != (west_estimate, east_estimate), "measured, not estimated");
    // 5, 10 and 15 minutes on foot, the middle one in the matrix
    let p = measured.matrix.phases.iter().position(|c| c == "kita").unwrap();
    for row in &measured.matrix.rows {
        let [five, ten, fifteen] = measured.walk_bands[&row.district][p].unwrap();
        assert!(five <= ten && ten <= fifteen, "{}: {five} {ten} {fifteen}", row.key);
        assert_eq!(Some(ten), row.cells[p].within_walk);
    }
    // where the most children of the Kita age live beyond ten minutes: 300 in the west, 200 east
    let far: Vec<(&str, &str, i64)> =
        measured.far_to_walk.iter().map(|f| (f.name.as_str(), f.phase.as_str(), f.beyond_ten_minutes.round() as i64)).collect();
    let expected_west = (300.0 * (1.0 - west)).round() as i64;
    assert!(far.contains(&("Gebiet west", "kita", expected_west)), "{far:?}");

    // a scenario with a planned Kita in the old town measures its walks on the network too
    let planned = kette_domain::needs::ScenarioChange::Add(kette_domain::needs::PlannedOffer {
        label: "Kita Altstadt".into(),
        district: app.store.district_by_key(m.id, "ost").await.unwrap().unwrap(),
        at: Some([49.4117, 8.7075]),
        phases: vec!["kita".into()],
        places: Some(60),
    });
    // by bike on the cycling network of the same extract: farther in ten minutes than on foot
    use kette_app::needs::TravelMode;
    let (_, by_bike) = app.travel_shares(&reader, m.id, &vocab, &NeedsRequest::default(), TravelMode::Cycling).await.unwrap();
    assert!(!by_bike.on_network, "no cycling network imported yet: estimated");
    app.import_street_network(m.id, "heidelberg.test.pbf", extract(), "cycling", None).await.unwrap();
    let (_, by_bike) = app.travel_shares(&reader, m.id, &vocab, &NeedsRequest::default(), TravelMode::Cycling).await.unwrap();
    assert!(by_bike.on_network);
    let west_id = app.store.district_by_key(m.id, "west").await.unwrap().unwrap();
    let bike_west = by_bike.bands[&west_id][p].unwrap();
    assert!(bike_west[1] > west && bike_west[0] <= bike_west[1], "bike {bike_west:?}, on foot {west}");
    let outcome = app.needs_scenario(&reader, m.id, &vocab, &NeedsRequest::default(), &[(1, planned)]).await.unwrap();
    let p = outcome.matrix.phases.iter().position(|c| c == "kita").unwrap();
    let east_after = outcome.matrix.rows.iter().find(|r| r.key == "ost").unwrap().cells[p].within_walk.unwrap();
    assert!(east_after > east + 0.2, "the old town with its own Kita: {east} → {east_after}");
}

#[tokio::test]
async fn where_buildings_are_mapped_an_areas_children_live_in_its_homes() {
    // Monaco west and east of the port, a Kita at the casino
    let (_dir, app, m) =
        city("monaco", [("fontvieille", 7.405, 7.4215), ("monte-carlo", 7.4215, 7.440)], (43.725, 43.750), [43.7396, 7.4276]).await;
    let reader = app.disclosure(Some(Actor { role: Role::Coordinator, organisation_id: None }), &m);
    let vocab = app.store.vocabulary(m.id).await.unwrap();
    app.import_street_network(m.id, "monaco.osm.pbf", osm("monaco.osm.pbf"), "walking", None).await.unwrap();
    let view = app.needs(&reader, m.id, &vocab, &NeedsRequest::default()).await.unwrap();
    assert!(view.walk_on_network);
    assert_eq!(view.walk_from_homes, (2, 2), "both areas have mapped homes");
    let share = |key: &str| kita(&view, key).unwrap();
    // the casino lies in Monte-Carlo: more of its homes are within ten minutes than Fontvieille's
    assert!(share("monte-carlo") > share("fontvieille"), "{} {}", share("monte-carlo"), share("fontvieille"));
}

/// An Overpass export (gzipped OSM XML) is imported like a PBF: north Bayreuth's buildings
/// house the children, and the walks are measured from them.
#[tokio::test]
async fn an_overpass_export_in_osm_xml_is_a_street_network_too() {
    let bytes = osm("north-bayreuth.osm.gz");
    let kitas = kette_reach::TagFilter::parse("osm:amenity=kindergarten").unwrap();
    let found = kette_reach::read_extract(&bytes[..], &kette_reach::Profile::walking(), &[kitas]).unwrap();
    let at = found.places.iter().map(|p| p.at).find(|at| (49.98..50.04).contains(&at[0]) && (11.50..11.60).contains(&at[1])).unwrap();
    let (_dir, app, m) = city("bayreuth", [("west", 11.50, at[1] + 0.005), ("ost", at[1] + 0.005, 11.60)], (49.98, 50.04), at).await;
    let reader = app.disclosure(Some(Actor { role: Role::Coordinator, organisation_id: None }), &m);
    let vocab = app.store.vocabulary(m.id).await.unwrap();
    let before = app.needs(&reader, m.id, &vocab, &NeedsRequest::default()).await.unwrap();
    assert!(!before.walk_on_network);
    let imported = app.import_street_network(m.id, "north-bayreuth.osm.gz", bytes, "walking", None).await.unwrap();
    assert_eq!(imported.sha256, "ef5bb38766ef759960762c126fa64f21a2b1a0ce5d9b2a4aaf1d010ddfa080a6");
    let view = app.needs(&reader, m.id, &vocab, &NeedsRequest::default()).await.unwrap();
    assert!(view.walk_on_network);
    assert_eq!(view.walk_from_homes, (2, 2), "both areas have mapped homes");
    let share = |key: &str| kita(&view, key).unwrap();
    // one Kita near the line between two areas of several kilometres: some homes of each are
    // within ten minutes of it, most are not
    for key in ["west", "ost"] {
        assert!(share(key) > 0.0 && share(key) < 0.5, "{key}: {}", share(key));
    }
}

/// One row of a Zensus 2022 age table for the 100 m cell holding (lat, lon).
fn census_row(lat: f64, lon: f64, people: &str, under_18: &str) -> String {
    let (e, n) = kette_reach::wgs84_to_laea(lat, lon);
    let (e, n) = ((e / 100.0).floor() * 100.0, (n / 100.0).floor() * 100.0);
    format!("CRS3035RES100mN{n}E{e};{};{};{people};{under_18};1\n", e + 50.0, n + 50.0)
}

const CENSUS_HEADER: &str = "GITTER_ID_100m;x_mp_100m;y_mp_100m;Insgesamt_Bevoelkerung;Unter18;a18bis29\n";

/// With a census grid the children live where the census counts them: the estimate and the
/// walks on the network are taken from its cells, weighted by the under-18s; a secret count is
/// left out; a grid of another region or with a broken row is refused and nothing changes.
#[tokio::test]
async fn a_census_grid_places_the_children_where_the_census_counts_them() {
    let (_dir, app, m) = heidelberg().await;
    let reader = app.disclosure(Some(Actor { role: Role::Planner, organisation_id: None }), &m);
    let vocab = app.store.vocabulary(m.id).await.unwrap();
    let even = app.needs(&reader, m.id, &vocab, &NeedsRequest::default()).await.unwrap();
    assert_eq!(even.walk_from_census, 0);
    assert!(kita(&even, "west").unwrap() < 0.6, "spread over the whole west: {:?}", kita(&even, "west"));

    // west: children next to the Kita at Bismarckplatz; east: children two kilometres away, and
    // a cell 330 m from the Kita whose count is secret
    let table = format!(
        "{CENSUS_HEADER}{}{}{}{}{}",
        census_row(49.4094, 8.6925, "120", "30"),
        census_row(49.4100, 8.6915, "80", "12"),
        census_row(49.4100, 8.7200, "300", "60"),
        census_row(49.4094, 8.6975, "9", "–"),
        // Berlin: outside the municipality, left out
        census_row(52.52, 13.40, "50", "10"),
    );
    let done = app.import_census_grid(m.id, "Zensus2022_Alter_in_5_Altersklassen_100m-Gitter.csv", table.into_bytes(), None).await.unwrap();
    assert_eq!((done.cells, done.outside, done.withheld, done.children_column.as_deref()), (4, 1, 1, Some("unter18")));
    let info = app.store.census_grid(m.id).await.unwrap().unwrap();
    assert_eq!((info.cells, info.cell_m), (4, 100.0));

    let estimated = app.needs(&reader, m.id, &vocab, &NeedsRequest::default()).await.unwrap();
    assert_eq!(estimated.walk_from_census, 2);
    assert!(!estimated.walk_on_network);
    assert_eq!((kita(&estimated, "west"), kita(&estimated, "ost")), (Some(1.0), Some(0.0)), "estimated from the cells");

    app.import_street_network(m.id, "heidelberg.test.pbf", extract(), "walking", None).await.unwrap();
    let measured = app.needs(&reader, m.id, &vocab, &NeedsRequest::default()).await.unwrap();
    assert!(measured.walk_on_network);
    assert_eq!(measured.walk_from_census, 2);
    assert_eq!((kita(&measured, "west"), kita(&measured, "ost")), (Some(1.0), Some(0.0)), "measured from the cells");
    // the map of walking times: each placed cell with its band, the same measure
    let points =
        app.walk_points(&reader, m.id, &vocab, &NeedsRequest::default(), "kita", kette_app::needs::TravelMode::Walking).await.unwrap();
    let mut bands: Vec<(i64, Option<u8>)> = points.iter().map(|p| (p.weight.round() as i64, p.band)).collect();
    bands.sort();
    // 12 and 30 children within five minutes of Bismarckplatz, 60 more than fifteen away
    assert_eq!(bands, vec![(12, Some(0)), (30, Some(0)), (60, Some(3))], "{points:?}");
    // estimated the same way without a street network: the straight line × 1.3
    let (_dir2, app2, m2) = heidelberg().await;
    let table = format!("{CENSUS_HEADER}{}{}", census_row(49.4094, 8.6925, "120", "30"), census_row(49.4100, 8.7200, "300", "60"));
    app2.import_census_grid(m2.id, "z.csv", table.into_bytes(), None).await.unwrap();
    let reader2 = app2.disclosure(Some(Actor { role: Role::Planner, organisation_id: None }), &m2);
    let estimated =
        app2.walk_points(&reader2, m2.id, &vocab, &NeedsRequest::default(), "kita", kette_app::needs::TravelMode::Walking).await.unwrap();
    let mut bands: Vec<(i64, Option<u8>)> = estimated.iter().map(|p| (p.weight.round() as i64, p.band)).collect();
    bands.sort();
    assert_eq!(bands, vec![(30, Some(0)), (60, Some(3))]);

    // refused whole: a grid of another region, a broken row; the stored grid stays
    let berlin = format!("{CENSUS_HEADER}{}", census_row(52.52, 13.40, "50", "10"));
    let err = app.import_census_grid(m.id, "berlin.csv", berlin.into_bytes(), None).await.unwrap_err();
    assert!(err.to_string().contains("berlin.csv: none of its 1 cells lies in the municipality's districts"), "{err}");
    let broken = format!("{CENSUS_HEADER}{}{}", census_row(49.4094, 8.6925, "120", "30"), census_row(49.41, 8.70, "viele", "3"));
    let err = app.import_census_grid(m.id, "kaputt.csv", broken.into_bytes(), None).await.unwrap_err();
    assert!(err.to_string().contains("kaputt.csv") && err.to_string().contains("line 3: people: expected a count, found 'viele'"), "{err}");
    assert_eq!(app.store.census_grid(m.id).await.unwrap().unwrap().file_name, "Zensus2022_Alter_in_5_Altersklassen_100m-Gitter.csv");
    assert_eq!(app.store.census_cells(m.id).await.unwrap().len(), 4);
}
