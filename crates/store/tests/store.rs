//! Store tests on a real temporary SQLite file.

use kette_domain::disclosure::Entitled;
use kette_domain::vocab::{OfferStatus, OrganisationKind};
use kette_domain::{AgeGroup, DistrictLevel, NewDistrict, NewLocation, NewOrganisation, OfferInput, PopulationCount, Role};
use kette_store::passwords::PasswordProblem;
use kette_store::{ImportBatch, NewAccount, NewOffer, OfferFilter, Store, StoreError};

/// Every store test runs on a clock fixed at the day it was written: dates the test states and
/// timestamps the store writes agree, however long after it runs.
fn clock() -> kette_domain::Clock {
    kette_domain::Clock::fixed(time::macros::datetime!(2026-11-22 06:00 UTC))
}

async fn fresh() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let store = Store::open_with_clock(path.to_str().unwrap(), clock()).await.unwrap();
    let m = store.create_municipality("testort", "Testort", "", true).await.unwrap();
    (dir, store, m.id)
}

fn district(key: &str, parent: Option<&str>, level: i64) -> NewDistrict {
    NewDistrict {
        key: key.into(),
        name: format!("Bezirk {key}"),
        level,
        parent_key: parent.map(Into::into),
        boundary_version: "v1".into(),
        outline: None,
        geometry: Some(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#.into()),
        area_m2: Some(1.0),
        bbox: Some([0.0, 0.0, 1.0, 1.0]),
    }
}

fn offer(key: &str, org: &str, loc: &str, title: &str, phase: &str) -> NewOffer {
    let mut input = OfferInput::blank(0);
    input.title = title.into();
    input.life_phases = vec![phase.into()];
    input.domains = vec!["education".into(), "health".into()];
    NewOffer {
        external_key: key.into(),
        organisation_key: org.into(),
        location_keys: vec![loc.into()],
        input,
        is_fictional: false,
        origin: format!("test {key}"),
    }
}

fn location(key: &str, district: &str) -> NewLocation {
    NewLocation {
        external_key: key.into(),
        name: format!("Ort {key}"),
        street: "Hauptstraße 1".into(),
        postcode: "10115".into(),
        city: "Berlin".into(),
        lat: Some(0.5),
        lon: Some(0.5),
        district_key: Some(district.into()),
        is_anchor_point: true,
        is_confidential: false,
    }
}

fn org(key: &str, name: &str) -> NewOrganisation {
    NewOrganisation {
        external_key: key.into(),
        name: name.into(),
        kind: OrganisationKind::Kita,
        website: String::new(),
        email: String::new(),
        phone: String::new(),
    }
}

async fn seeded() -> (tempfile::TempDir, Store, i64) {
    let (dir, store, m) = fresh().await;
    let levels = vec![
        DistrictLevel { level: 1, code: "bezirk".into(), label_de: "Bezirk".into(), label_en: "Borough".into() },
        DistrictLevel { level: 2, code: "planungsraum".into(), label_de: "Planungsraum".into(), label_en: "Planning area".into() },
    ];
    store
        .import_districts(
            m,
            &levels,
            &[district("01", None, 1), district("0101", Some("01"), 2), district("0102", Some("01"), 2), district("02", None, 1)],
        )
        .await
        .unwrap();
    let batch = ImportBatch {
        organisations: vec![org("a", "Träger Ä"), org("b", "Träger B")],
        locations: vec![("a".into(), location("la", "0101")), ("b".into(), location("lb", "02"))],
        offers: vec![
            offer("o1", "a", "la", "Krabbelgruppe Überall", "early_childhood"),
            offer("o2", "a", "la", "Sprachförderung", "kita"),
            offer("o3", "b", "lb", "Hausaufgabenhilfe", "primary"),
        ],
        ..Default::default()
    };
    let report = store.import_batch(m, &batch, |_| {}).await.unwrap();
    assert_eq!(report.offers, 3);
    (dir, store, m)
}

#[tokio::test]
async fn migrations_are_idempotent_and_the_file_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("re.db");
    let s = Store::open(path.to_str().unwrap()).await.unwrap();
    s.create_municipality("x", "X", "", false).await.unwrap();
    s.close().await;
    let s = Store::open(path.to_str().unwrap()).await.unwrap();
    assert_eq!(s.municipalities().await.unwrap().len(), 1);
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(s.pool()).await.unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(s.pool()).await.unwrap();
    assert_eq!(fk, 1);
}

#[tokio::test]
async fn paths_with_spaces_and_umlauts_work() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("Jugendamt Daten ä");
    std::fs::create_dir(&sub).unwrap();
    let path = sub.join("kette test.db");
    let s = Store::open(path.to_str().unwrap()).await.unwrap();
    s.create_municipality("x", "X", "", false).await.unwrap();
    s.close().await;
    assert!(path.exists(), "the file is where the user said");
}

#[tokio::test]
async fn unsupported_urls_are_refused_clearly() {
    let err = Store::open("mysql://localhost/x").await.err().unwrap();
    assert!(err.to_string().contains("unsupported database"), "{err}");
}

#[tokio::test]
async fn districts_form_a_hierarchy_and_population_aggregates_from_leaves() {
    let (_d, store, m) = seeded().await;
    let top = store.district_children(m, None).await.unwrap();
    assert_eq!(top.iter().map(|d| d.key.as_str()).collect::<Vec<_>>(), vec!["01", "02"]);
    assert_eq!(top[0].children, 2);
    assert_eq!(top[0].offers, 2, "offers located in 0101 count for 01");
    let leaf = store.district_by_key(m, "0101").await.unwrap().unwrap();
    let detail = store.district(m, leaf).await.unwrap();
    assert_eq!(detail.ancestors.len(), 1);
    assert_eq!(detail.ancestors[0].key, "01");
    let g = AgeGroup { min_years: 0, max_years: Some(6) };
    let rows = vec![
        PopulationCount { district_key: "0101".into(), year: 2020, age_group: g.clone(), count: 10 },
        PopulationCount { district_key: "0102".into(), year: 2020, age_group: g.clone(), count: 5 },
    ];
    store.import_population(m, &rows).await.unwrap();
    let pop = store.population(m, top[0].id).await.unwrap().open(Entitled::operator());
    assert_eq!(pop, vec![(2020, g.clone(), 15)]);
    // an unknown key aborts and writes nothing
    let bad = vec![
        PopulationCount { district_key: "0101".into(), year: 2021, age_group: g.clone(), count: 1 },
        PopulationCount { district_key: "9999".into(), year: 2021, age_group: g, count: 1 },
    ];
    let err = store.import_population(m, &bad).await.unwrap_err();
    assert!(matches!(err, StoreError::UnknownDistrict { ref key, .. } if key == "9999"), "{err}");
    assert_eq!(store.population(m, leaf).await.unwrap().open(Entitled::operator()).len(), 1);
}

#[tokio::test]
async fn offers_filter_by_text_phase_age_district_and_status() {
    let (_d, store, m) = seeded().await;
    let all = store.list_offers(m, &OfferFilter::default(), 1, 50).await.unwrap();
    assert_eq!(all.total, 3);
    assert_eq!(all.items[0].title, "Hausaufgabenhilfe");
    assert_eq!(all.items[2].life_phases, vec!["kita"]);
    let q = |f: OfferFilter| {
        let store = store.clone();
        async move { store.list_offers(m, &f, 1, 50).await.unwrap().items.into_iter().map(|o| o.title).collect::<Vec<_>>() }
    };
    // umlaut-insensitive to case
    assert_eq!(q(OfferFilter { q: Some("ÜBERALL".into()), ..Default::default() }).await, vec!["Krabbelgruppe Überall"]);
    assert_eq!(q(OfferFilter { q: Some("hilfe TRÄGER".into()), ..Default::default() }).await, vec!["Hausaufgabenhilfe"]);
    assert_eq!(q(OfferFilter { age_months: Some(40), ..Default::default() }).await, vec!["Sprachförderung"]);
    let d01 = store.district_by_key(m, "01").await.unwrap().unwrap();
    assert_eq!(q(OfferFilter { district_id: Some(d01), ..Default::default() }).await.len(), 2);
    assert_eq!(q(OfferFilter { life_phase: Some("primary".into()), ..Default::default() }).await, vec!["Hausaufgabenhilfe"]);
    assert!(q(OfferFilter { q: Some("100%_".into()), ..Default::default() }).await.is_empty());
}

#[tokio::test]
async fn create_update_and_matrix() {
    let (_d, store, m) = seeded().await;
    let org = store.organisation_by_key(m, "b").await.unwrap().unwrap();
    let mut input = OfferInput::blank(org);
    input.title = "Familiencafé".into();
    input.life_phases = vec!["early_childhood".into()];
    input.domains = vec!["participation".into()];
    input.languages = vec!["de".into(), "tr".into()];
    let id = store.create_offer(m, &input, None).await.unwrap();
    let got = store.offer(m, id).await.unwrap();
    assert_eq!(got.input.languages, vec!["de", "tr"]);
    assert_eq!(got.organisation_name, "Träger B");
    input.title = "Familiencafé am Markt".into();
    input.status = OfferStatus::Paused;
    store.update_offer(m, id, &input, None).await.unwrap();
    let got = store.offer(m, id).await.unwrap();
    assert_eq!(got.input.title, "Familiencafé am Markt");
    let public = store.list_offers(m, &OfferFilter { public_only: true, ..Default::default() }, 1, 50).await.unwrap();
    assert_eq!(public.total, 3, "paused offer is not public");
    let vocab = store.vocabulary(m).await.unwrap();
    let matrix = store.chain_matrix(m, &vocab, None).await.unwrap();
    let p = matrix.life_phases.iter().position(|c| c == "early_childhood").unwrap();
    let d = matrix.domains.iter().position(|c| c == "education").unwrap();
    assert_eq!(matrix.counts[p][d], 1);
    // validation errors reach the caller with field names, nothing written
    input.title.clear();
    match store.update_offer(m, id, &input, None).await {
        Err(StoreError::Invalid { errors, .. }) => assert!(errors.for_field("title").is_some()),
        other => panic!("expected invalid, got {other:?}"),
    }
    // a location of another organisation is refused
    let other_loc = store.organisation_locations(m, store.organisation_by_key(m, "a").await.unwrap().unwrap()).await.unwrap()[0].id;
    input.title = "x".into();
    input.location_ids = vec![other_loc];
    assert!(matches!(store.update_offer(m, id, &input, None).await, Err(StoreError::Invalid { .. })));
    assert_eq!(store.audit_entries(m, "offer", id).await.unwrap().len(), 2);
}

#[tokio::test]
async fn an_import_with_one_bad_record_writes_nothing() {
    let (_d, store, m) = seeded().await;
    let mut bad = offer("o9", "a", "la", "", "kita");
    bad.origin = "offers.csv line 7".into();
    let batch = ImportBatch {
        organisations: vec![org("c", "Neu")],
        locations: vec![],
        offers: vec![offer("o8", "a", "la", "Gut", "kita"), bad],
        ..Default::default()
    };
    let err = store.import_batch(m, &batch, |_| {}).await.unwrap_err();
    assert!(err.to_string().contains("offers.csv line 7"), "{err}");
    assert!(store.organisation_by_key(m, "c").await.unwrap().is_none());
    // unknown district key in a location: named, nothing written
    let batch = ImportBatch {
        organisations: vec![org("c", "Neu")],
        locations: vec![("c".into(), location("lc", "7777"))],
        offers: vec![],
        ..Default::default()
    };
    let err = store.import_batch(m, &batch, |_| {}).await.unwrap_err();
    assert!(err.to_string().contains("7777"), "{err}");
    assert!(store.organisation_by_key(m, "c").await.unwrap().is_none());
    // re-import of the same keys updates instead of duplicating
    let (_, s2, m2) = (0, store.clone(), m);
    let batch = ImportBatch {
        organisations: vec![org("a", "Träger A neu")],
        locations: vec![],
        offers: vec![offer("o1", "a", "la", "Krabbelgruppe", "early_childhood")],
        ..Default::default()
    };
    s2.import_batch(m2, &batch, |_| {}).await.unwrap();
    assert_eq!(s2.list_offers(m2, &OfferFilter::default(), 1, 50).await.unwrap().total, 3);
}

#[tokio::test]
async fn accounts_log_in_with_argon2_and_sessions_expire_on_logout() {
    let (_d, store, m) = seeded().await;
    let org = store.organisation_by_key(m, "a").await.unwrap();
    let err = store
        .create_account(NewAccount {
            municipality_id: m,
            username: "p",
            display_name: "P",
            password: "kurz",
            role: Role::Viewer,
            organisation_id: None,
            is_fictional: false,
        })
        .await
        .unwrap_err();
    assert!(err.to_string().contains("10 characters"));
    for (password, problem) in [
        ("aaaaaaaaaa", PasswordProblem::Guessable),
        ("password123", PasswordProblem::Common),
        ("mmeier-geheim", PasswordProblem::ContainsOwnName),
    ] {
        let err = store
            .create_account(NewAccount {
                municipality_id: m,
                username: "mmeier",
                display_name: "Maria Meier",
                password,
                role: Role::Viewer,
                organisation_id: None,
                is_fictional: false,
            })
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::WeakPassword(p) if p == problem), "{password}: {err}");
    }
    let err = store
        .create_account(NewAccount {
            municipality_id: m,
            username: "p",
            display_name: "P",
            password: "lang-genug-1",
            role: Role::PartnerEditor,
            organisation_id: None,
            is_fictional: false,
        })
        .await
        .unwrap_err();
    assert!(err.to_string().contains("organisation"));
    store
        .create_account(NewAccount {
            municipality_id: m,
            username: "partner",
            display_name: "P",
            password: "lang-genug-1",
            role: Role::PartnerEditor,
            organisation_id: org,
            is_fictional: true,
        })
        .await
        .unwrap();
    let hash: String =
        sqlx::query_scalar("SELECT password_hash FROM account WHERE username = 'partner'").fetch_one(store.pool()).await.unwrap();
    assert!(hash.starts_with("$argon2id$"));
    assert!(store.login("partner", "falsch-falsch").await.unwrap().is_none());
    assert!(store.login("niemand", "lang-genug-1").await.unwrap().is_none());
    let (token, info) = store.login("partner", "lang-genug-1").await.unwrap().unwrap();
    assert_eq!(info.account.role, Role::PartnerEditor);
    let s = store.session(&token).await.unwrap().unwrap();
    assert_eq!(s.csrf_token, info.csrf_token);
    store.logout(&token).await.unwrap();
    assert!(store.session(&token).await.unwrap().is_none());
}

#[tokio::test]
async fn locations_details_and_vocabulary_are_editable() {
    use kette_domain::{ContactPerson, LocationInput, OrganisationDetails, Term, TermKind};
    let (_d, store, m) = seeded().await;
    let org = store.organisation_by_key(m, "b").await.unwrap().unwrap();
    let district = store.district_by_key(m, "0102").await.unwrap();
    let input = LocationInput {
        name: "Frauenhaus".into(),
        city: "Berlin".into(),
        district_id: district,
        is_confidential: true,
        ..Default::default()
    };
    let id = store.create_location(m, org, &input, None).await.unwrap();
    let loc = store.location(m, id).await.unwrap();
    assert!(loc.is_confidential && loc.district_id == district);
    let bad = LocationInput { name: "x".into(), district_id: Some(999_999), ..Default::default() };
    assert!(matches!(store.update_location(m, id, &bad, None).await, Err(StoreError::Invalid { .. })));
    assert_eq!(store.location(m, id).await.unwrap().name, "Frauenhaus");
    let details = OrganisationDetails {
        website: "https://traeger-b.example".into(),
        contacts: vec![ContactPerson {
            name: "Frau Schmidt".into(),
            role: "Koordination".into(),
            email: "schmidt@traeger-b.example".into(),
            phone: String::new(),
        }],
        ..Default::default()
    };
    store.update_organisation_details(m, org, &details, None).await.unwrap();
    let o = store.organisation(m, org).await.unwrap();
    assert_eq!(o.contacts.len(), 1);
    assert_eq!(o.website, "https://traeger-b.example");
    let mut term = store.vocabulary(m).await.unwrap().get(TermKind::Domain, "health").unwrap().clone();
    term.label_de = "Gesundheit und Ernährung".into();
    store.update_term(m, &term, None).await.unwrap();
    let new = Term {
        kind: TermKind::TargetGroup,
        code: "grandparents".into(),
        label_de: "Großeltern".into(),
        label_en: "Grandparents".into(),
        min_age_months: None,
        max_age_months: None,
        sort: 99,
    };
    store.add_term(m, &new, None).await.unwrap();
    assert!(store.add_term(m, &new, None).await.is_err(), "no duplicate codes");
    let bad_code = Term { code: "Groß Eltern".into(), ..new.clone() };
    assert!(store.add_term(m, &bad_code, None).await.is_err());
    let v = store.vocabulary(m).await.unwrap();
    assert_eq!(v.label(TermKind::Domain, "health", "de"), "Gesundheit und Ernährung");
    assert!(v.contains(TermKind::TargetGroup, "grandparents"));
    // another municipality keeps the defaults
    let other = store.create_municipality("anders", "Anders", "", false).await.unwrap();
    assert_eq!(store.vocabulary(other.id).await.unwrap().label(TermKind::Domain, "health", "de"), "Gesundheit");
}

#[tokio::test]
async fn the_cached_chain_matrix_follows_every_write() {
    let (_d, store, m) = seeded().await;
    let vocab = store.vocabulary(m).await.unwrap();
    let kita = |mx: &kette_domain::matrix::ChainMatrix| mx.phase_totals[mx.life_phases.iter().position(|c| c == "kita").unwrap()];
    let before = store.chain_matrix(m, &vocab, None).await.unwrap();
    assert_eq!(kita(&before), 1);
    let g = store.generation(m).await.unwrap();
    let org = store.organisation_by_key(m, "b").await.unwrap().unwrap();
    let mut input = OfferInput::blank(org);
    input.title = "Vorlesestunde".into();
    input.life_phases = vec!["kita".into()];
    input.domains = vec!["education".into()];
    let id = store.create_offer(m, &input, None).await.unwrap();
    assert!(store.generation(m).await.unwrap() > g);
    assert_eq!(kita(&store.chain_matrix(m, &vocab, None).await.unwrap()), 2);
    input.status = OfferStatus::Ended;
    store.update_offer(m, id, &input, None).await.unwrap();
    assert_eq!(kita(&store.chain_matrix(m, &vocab, None).await.unwrap()), 1);
    // a write from another process (another connection) is seen as well
    let other = Store::open(&format!("{}", _d.path().join("t.db").display())).await.unwrap();
    input.status = OfferStatus::Active;
    other.update_offer(m, id, &input, None).await.unwrap();
    assert_eq!(kita(&store.chain_matrix(m, &vocab, None).await.unwrap()), 2);
}

#[tokio::test]
async fn imported_values_keep_their_provenance() {
    use kette_domain::{Direction, IndicatorDef, NewObservation};
    use kette_store::Provenance;
    let (_d, store, m) = seeded().await;
    let def = IndicatorDef {
        code: "kinderarmut".into(),
        name_de: "Kinderarmut".into(),
        name_en: "Child poverty".into(),
        description: String::new(),
        unit: "%".into(),
        direction: Direction::HigherIsWorse,
        source: String::new(),
        licence: String::new(),
        min_denominator: None,
        meta: Default::default(),
    };
    store.upsert_indicators(m, &[def]).await.unwrap();
    let row = NewObservation {
        indicator_code: "kinderarmut".into(),
        district_key: "0101".into(),
        year: 2023,
        value: Some(25.0),
        numerator: Some(12.0),
        denominator: Some(48.0),
        source: "sgb2.csv".into(),
    };
    let p = Provenance::of("sgb2.csv", b"file bytes", None);
    assert_eq!(p.sha256.len(), 64);
    store.import_observations_from(m, std::slice::from_ref(&row), Some(&p)).await.unwrap();
    let district = store.district_by_key(m, "0101").await.unwrap().unwrap();
    let (file, hash, who, at) = store.provenance_of(m, "kinderarmut", district, 2023).await.unwrap().unwrap();
    assert_eq!((file.as_str(), hash.as_str(), who), ("sgb2.csv", p.sha256.as_str(), None));
    assert!(at.starts_with("20"));
    // an unknown district aborts the import and leaves the earlier value and its provenance
    let bad = NewObservation { district_key: "nope".into(), value: Some(1.0), ..row };
    assert!(store.import_observations_from(m, &[bad], Some(&Provenance::of("x.csv", b"x", None))).await.is_err());
    assert_eq!(store.provenance_of(m, "kinderarmut", district, 2023).await.unwrap().unwrap().0, "sgb2.csv");
}

#[tokio::test]
async fn reminders_go_to_partner_editors_once_per_interval_and_never_to_a_demos_real_organisations() {
    use kette_domain::review::ReviewPolicy;
    let (_dir, store, m) = seeded().await;
    let policy = ReviewPolicy::default();
    let today = store.today();
    assert_eq!(today, time::macros::date!(2026 - 11 - 22));
    let long_ago = time::Date::from_calendar_date(2024, time::Month::January, 10).unwrap();
    let ids: Vec<i64> = store.list_offers(m, &OfferFilter::default(), 1, 10).await.unwrap().items.iter().map(|o| o.id).collect();
    store.confirm_offers(m, &ids, long_ago, None).await.unwrap();
    let org_a = store.organisation_by_key(m, "a").await.unwrap().unwrap();
    let editor = store
        .create_account(NewAccount {
            municipality_id: m,
            username: "ed",
            display_name: "Ed",
            password: "lang-genug-1",
            role: Role::PartnerEditor,
            organisation_id: Some(org_a),
            is_fictional: true,
        })
        .await
        .unwrap();
    assert!(matches!(store.set_account_email(m, editor, "kein mail").await, Err(StoreError::Invalid { .. })));
    store.set_account_email(m, editor, "ed@example.org").await.unwrap();

    let targets = store.reminder_targets(m, &policy, today).await.unwrap();
    assert_eq!(targets.len(), 2, "both organisations have due offers");
    let a = targets.iter().find(|t| t.organisation_id == org_a).unwrap();
    assert_eq!(a.recipients, ["ed@example.org"]);
    assert_eq!(a.offers.len(), 2);
    let b = targets.iter().find(|t| t.organisation_id != org_a).unwrap();
    assert!(b.recipients.is_empty(), "no editor address, no organisation address");

    store.record_reminder(m, org_a, &a.recipients, 2, "sent").await.unwrap();
    store.record_reminder(m, b.organisation_id, &[], 1, "no-address").await.unwrap();
    store.record_reminder(m, org_a, &a.recipients, 2, "mail server: connection refused").await.unwrap();
    assert!(store.reminder_targets(m, &policy, today).await.unwrap().is_empty(), "both were handled within the interval");
    let later = today + time::Duration::days(policy.remind_every_days as i64);
    assert_eq!(store.reminder_targets(m, &policy, later).await.unwrap().len(), 2, "after the interval, again");
    assert_eq!(store.organisations_without_address(m, today - time::Duration::days(1)).await.unwrap(), 1);

    // confirmed offers drop out of the list
    store.confirm_offers(m, &ids, today, None).await.unwrap();
    assert!(store.offers_to_verify(m, None, &policy, today).await.unwrap().is_empty());
    let log = store.recent_reminders(m, 10).await.unwrap();
    assert_eq!(log.len(), 2, "sent and failed are listed, the missing address is counted");
    assert_eq!(log[0].outcome, "mail server: connection refused");

    // the interval is counted from the stored send time, which follows the store's clock
    store.clock().advance(time::Duration::days(policy.remind_every_days as i64 - 1));
    store.record_reminder(m, org_a, &a.recipients, 2, "sent").await.unwrap();
    store.confirm_offers(m, &ids, long_ago, None).await.unwrap();
    let targets = store.reminder_targets(m, &policy, later).await.unwrap();
    assert!(targets.iter().all(|t| t.organisation_id != org_a), "organisation a was reminded a day ago");
}

#[tokio::test]
async fn an_approved_change_replaces_the_content_and_a_superseded_one_is_not_applied() {
    let (_dir, store, m) = seeded().await;
    let id = store.list_offers(m, &OfferFilter { q: Some("Krabbel".into()), ..Default::default() }, 1, 5).await.unwrap().items[0].id;
    let current = store.offer(m, id).await.unwrap().input;
    let mut first = current.clone();
    first.title = "Erster Vorschlag".into();
    store.propose_change(m, id, &first, None).await.unwrap();
    let mut second = current.clone();
    second.title = "Zweiter Vorschlag".into();
    store.propose_change(m, id, &second, None).await.unwrap();
    let open = store.open_changes(m, None).await.unwrap();
    assert_eq!(open.len(), 1, "the newer proposal replaces the older");
    assert_eq!(store.offer(m, id).await.unwrap().input.title, current.title, "public content unchanged while waiting");
    // an invalid proposal is refused before it is stored
    let mut bad = current.clone();
    bad.title = String::new();
    assert!(matches!(store.propose_change(m, id, &bad, None).await, Err(StoreError::Invalid { .. })));
    store.approve_change(m, open[0].id, None).await.unwrap();
    assert_eq!(store.offer(m, id).await.unwrap().input.title, "Zweiter Vorschlag");
    assert!(matches!(store.reject_change(m, open[0].id, "zu spät", None).await, Err(StoreError::Conflict(_))));
    let latest = store.latest_change(m, id).await.unwrap().unwrap();
    assert_eq!(latest.state, "approved");
}

#[tokio::test]
async fn without_editor_addresses_the_organisation_is_written_to_but_never_in_a_demo() {
    use kette_domain::review::ReviewPolicy;
    let (_dir, store, demo) = fresh().await;
    let real = store.create_municipality("echt", "Echtstadt", "", false).await.unwrap().id;
    let today = time::Date::from_calendar_date(2026, time::Month::November, 22).unwrap();
    for m in [demo, real] {
        let mut o = offer("o", "c", "", "Elternberatung", "kita");
        o.location_keys.clear();
        let batch = ImportBatch {
            organisations: vec![NewOrganisation { email: "info@traeger.example".into(), ..org("c", "Träger C") }],
            offers: vec![o],
            ..Default::default()
        };
        store.import_batch(m, &batch, |_| {}).await.unwrap();
    }
    let targets = |m| {
        let store = store.clone();
        async move { store.reminder_targets(m, &ReviewPolicy::default(), today).await.unwrap() }
    };
    let real_targets = targets(real).await;
    assert_eq!(real_targets[0].recipients, ["info@traeger.example"], "never verified: due, and the organisation is told");
    let demo_targets = targets(demo).await;
    assert!(demo_targets[0].recipients.is_empty(), "a demo's organisations are real ones from open data");
}

#[tokio::test]
async fn values_for_another_boundary_version_are_carried_with_the_stored_crosswalk() {
    use kette_domain::boundary::CrosswalkLink;
    use kette_domain::{Direction, IndicatorDef, NewObservation};
    let (_d, store, m) = seeded().await;
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
    store.upsert_indicators(m, &[def("kinder", "Anzahl"), def("armut", "%")]).await.unwrap();
    let link = |f: &str, t: &str, w: f64| CrosswalkLink { from: f.into(), to: t.into(), weight: w };
    // the new version: N1 lies half in 0101 and half in 0102; N2 is 0102's other part
    let links = vec![link("N1", "0101", 0.5), link("N1", "0102", 0.5), link("N2", "0102", 1.0)];

    // broken crosswalks are refused with every problem named, nothing stored
    let bad = vec![link("N1", "0101", 0.5), link("N2", "9999", 1.0)];
    let e = store.save_crosswalk(m, "neu", "v1", "file", "", &bad, None).await.unwrap_err().to_string();
    assert!(e.contains("district N1: its weights sum to 0.5000") && e.contains("not in boundary version 'v1': 9999"), "{e}");
    assert!(store.save_crosswalk(m, "v1", "v1", "file", "", &links, None).await.is_err(), "a version into itself");
    assert!(store.save_crosswalk(m, "neu", "v9", "file", "", &links, None).await.is_err(), "no districts of v9");
    assert!(store.crosswalks(m).await.unwrap().is_empty());

    let saved = store.save_crosswalk(m, "neu", "v1", "area", "Flächen", &links, None).await.unwrap();
    assert_eq!((saved.links, saved.sources, saved.targets), (3, 2, 2));
    assert_eq!(store.boundary_versions(m).await.unwrap(), vec!["v1".to_string()]);

    let obs = |code: &str, key: &str, value: f64, counts: Option<(f64, f64)>| NewObservation {
        indicator_code: code.into(),
        district_key: key.into(),
        year: 2021,
        value: Some(value),
        numerator: counts.map(|c| c.0),
        denominator: counts.map(|c| c.1),
        source: "neu.csv".into(),
    };
    // a key the crosswalk does not know: refused, nothing written
    let unknown = vec![obs("kinder", "N1", 10.0, None), obs("kinder", "N7", 1.0, None)];
    let e = store.import_carried_observations(m, &unknown, "neu", None, false).await.unwrap_err().to_string();
    assert!(e.contains("N7"), "{e}");
    // N2 missing: 0102 cannot be completed; refused unless partial
    let part = vec![obs("kinder", "N1", 10.0, None)];
    let e = store.import_carried_observations(m, &part, "neu", None, false).await.unwrap_err().to_string();
    assert!(e.contains("0102") && e.contains("N2"), "{e}");
    let page = store.observations(m, &Default::default(), 1, 100).await.unwrap().open(Entitled::operator());
    assert_eq!(page.total, 0, "nothing written");
    let r = store.import_carried_observations(m, &part, "neu", None, true).await.unwrap();
    assert_eq!((r.written, r.carried.incomplete.len()), (1, 1));

    let full = vec![
        obs("kinder", "N1", 10.0, None),
        obs("kinder", "N2", 4.0, None),
        obs("armut", "N1", 10.0, Some((10.0, 100.0))),
        obs("armut", "N2", 40.0, Some((20.0, 50.0))),
    ];
    let r = store.import_carried_observations(m, &full, "neu", None, false).await.unwrap();
    assert_eq!(r.written, 4);
    let page = store.observations(m, &Default::default(), 1, 100).await.unwrap().open(Entitled::operator());
    let get = |code: &str, key: &str| page.items.iter().find(|o| o.indicator_code == code && o.district_key == key).unwrap().clone();
    assert_eq!(get("kinder", "0101").value, Some(5.0));
    assert_eq!(get("kinder", "0102").value, Some(9.0), "counts are added");
    let a = get("armut", "0102");
    assert_eq!((a.numerator, a.denominator), (Some(25.0), Some(100.0)));
    assert!((a.value.unwrap() - 25.0).abs() < 1e-9, "recomputed from the carried counts");
    assert_eq!(a.carried_from.as_deref(), Some("neu"));
    assert!(a.source.contains("umgerechnet vom Gebietsstand neu"), "{}", a.source);
    // values for the stored version itself go in as they are, unmarked
    let own = vec![obs("kinder", "0101", 6.0, None)];
    let r = store.import_carried_observations(m, &own, "v1", None, false).await.unwrap();
    assert_eq!(r.written, 1);
    let page = store.observations(m, &Default::default(), 1, 100).await.unwrap().open(Entitled::operator());
    let k = page.items.iter().find(|o| o.indicator_code == "kinder" && o.district_key == "0101").unwrap();
    assert_eq!((k.value, k.carried_from.as_deref()), (Some(6.0), None));
    // an unknown version is named
    let e = store.import_carried_observations(m, &own, "alt", None, false).await.unwrap_err().to_string();
    assert!(e.contains("'alt'"), "{e}");
}

/// Many editors saving at once: every save waits for the write lock and succeeds, and no edit
/// is lost. (With deferred transactions, which read before they write, SQLite refused a share of
/// these with "database is locked".)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_saves_wait_and_all_succeed() {
    let (_dir, store, m) = seeded().await;
    let ids: Vec<i64> = store.list_offers(m, &OfferFilter::default(), 1, 10).await.unwrap().items.iter().map(|o| o.id).collect();
    let mut tasks = vec![];
    for editor in 0..20 {
        let store = store.clone();
        let id = ids[editor % ids.len()];
        tasks.push(tokio::spawn(async move {
            let mut input = store.offer(m, id).await.unwrap().input;
            for round in 0..10 {
                input.description = format!("Bearbeitung {editor}-{round}");
                store.update_offer(m, id, &input, None).await.map_err(|e| format!("editor {editor} round {round}: {e}"))?;
            }
            Ok::<_, String>((id, editor))
        }));
    }
    let mut failures = vec![];
    for t in tasks {
        if let Err(e) = t.await.unwrap() {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{} of 20 editors had a save fail: {:?}", failures.len(), &failures[..failures.len().min(3)]);
    // every offer ends with the last round of one of its editors: nothing half-written
    for &id in &ids {
        let d = store.offer(m, id).await.unwrap().input.description;
        assert!(d.starts_with("Bearbeitung ") && d.ends_with("-9"), "{d}");
    }
    assert_eq!(store.audit_entries(m, "offer", ids[0]).await.unwrap().len(), 50, "the audit log kept the saves (the last 50 are listed)");
}

/// The needs analysis's write paths under the same load: twenty planners add planned offers
/// to one scenario and comment on the same gaps at once; every save waits and succeeds.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_scenario_and_gap_saves_wait_and_all_succeed() {
    use kette_domain::needs::{GapFollowUpInput, GapState, PlannedOffer, ScenarioChange};
    let (_dir, store, m) = seeded().await;
    let scenario = store.create_scenario(m, "Viele Hände", "", true, None).await.unwrap();
    let districts = [store.district_by_key(m, "0101").await.unwrap().unwrap(), store.district_by_key(m, "0102").await.unwrap().unwrap()];
    let mut tasks = vec![];
    for planner in 0..20 {
        let store = store.clone();
        let district = districts[planner % 2];
        tasks.push(tokio::spawn(async move {
            for round in 0..5 {
                let planned = PlannedOffer {
                    label: format!("Kita {planner}-{round}"),
                    district,
                    at: None,
                    phases: vec!["kita".into()],
                    places: Some(20),
                };
                store
                    .add_scenario_change(m, scenario, &ScenarioChange::Add(planned), None)
                    .await
                    .map_err(|e| format!("planner {planner} round {round}, scenario: {e}"))?;
                let follow_up = GapFollowUpInput {
                    state: GapState::Open,
                    measure_id: None,
                    proposal_id: None,
                    comment: format!("Hinweis {planner}-{round}"),
                };
                store
                    .follow_up_gap(m, district, "kita", &follow_up, None)
                    .await
                    .map_err(|e| format!("planner {planner} round {round}, gap: {e}"))?;
            }
            Ok::<_, String>(())
        }));
    }
    let mut failures = vec![];
    for t in tasks {
        if let Err(e) = t.await.unwrap() {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{} of 20 planners had a save fail: {:?}", failures.len(), &failures[..failures.len().min(3)]);
    assert_eq!(store.scenario(m, scenario).await.unwrap().unwrap().changes.len(), 100, "every planned offer kept");
    let gaps = store.gap_follow_ups(m).await.unwrap();
    assert_eq!(gaps.len(), 2, "one follow-up per gap, however many wrote to it");
    assert_eq!(gaps.iter().map(|g| g.comments.len()).sum::<usize>(), 100, "every comment kept");
}

#[tokio::test]
async fn a_body_keeps_members_meetings_minutes_decisions_and_tasks_and_refuses_bad_input_whole() {
    use kette_domain::bodies::{BodyInput, DecisionInput, MeetingInput, MemberInput, MemberRole, TaskInput, TaskStatus};
    use time::macros::{date, datetime};
    let (_dir, store, m) = seeded().await;
    let invalid_fields = |e: StoreError| match e {
        StoreError::Invalid { errors, .. } => errors.0.into_iter().map(|e| e.code).collect::<Vec<_>>(),
        other => panic!("expected invalid, got {other}"),
    };
    let bad_kind = BodyInput { kind: "kaffeekranz".into(), name: "AG".into(), description: String::new() };
    assert_eq!(invalid_fields(store.create_body(m, &bad_kind, false, None).await.unwrap_err()), vec!["error-unknown-term"]);
    let body = store
        .create_body(m, &BodyInput { kind: "working_group".into(), name: "AG Übergänge".into(), description: String::new() }, false, None)
        .await
        .unwrap();
    let other = store
        .create_body(
            m,
            &BodyInput { kind: "steering_group".into(), name: "Steuerungsgruppe".into(), description: String::new() },
            false,
            None,
        )
        .await
        .unwrap();
    let account = store
        .create_account(NewAccount {
            municipality_id: m,
            username: "ag-leitung",
            display_name: "AG-Leitung",
            password: "Kastanienallee-Wolke-42",
            role: Role::Viewer,
            organisation_id: None,
            is_fictional: false,
        })
        .await
        .unwrap();
    let member = |name: &str, account_id| MemberInput {
        name: name.into(),
        organisation_id: None,
        email: format!("{}@example.org", name.to_lowercase()),
        role: MemberRole::Member,
        is_decision_maker: false,
        account_id,
    };
    let lead = store.add_member(m, body, &member("Leitung", Some(account)), None).await.unwrap();
    let second = store.add_member(m, body, &member("Zweite", None), None).await.unwrap();
    let stranger = store.add_member(m, other, &member("Fremd", None), None).await.unwrap();
    let relations = store.body_relations(m, account, None).await.unwrap();
    assert_eq!(relations.member_of, vec![body]);

    // a meeting that ends before it starts writes nothing
    let meeting = MeetingInput {
        title: "2. Sitzung".into(),
        starts_at: datetime!(2026-12-10 15:00),
        ends_at: datetime!(2026-12-10 14:00),
        place: "Rathaus".into(),
        agenda: vec!["Begrüßung".into(), "Elternbrief".into()],
    };
    assert_eq!(invalid_fields(store.create_meeting(m, body, &meeting, None).await.unwrap_err()), vec!["error-meeting-ends-before-start"]);
    assert!(store.meetings(m, Some(body)).await.unwrap().is_empty());
    let meeting_id = store.create_meeting(m, body, &MeetingInput { ends_at: datetime!(2026-12-10 17:00), ..meeting }, None).await.unwrap();

    // minutes with script are refused whole: neither text nor attendance is written
    let err = store.save_minutes(m, meeting_id, "# Protokoll\n<script>alert(1)</script>", &[lead], None).await.unwrap_err();
    assert_eq!(invalid_fields(err), vec!["error-minutes-html"]);
    let stored = store.meeting(m, meeting_id).await.unwrap().unwrap();
    assert!(stored.minutes.is_empty() && stored.attendance.is_empty());
    assert_eq!(stored.agenda, vec!["Begrüßung", "Elternbrief"]);
    // attendance only of the body's members
    let err = store.save_minutes(m, meeting_id, "ok", &[stranger], None).await.unwrap_err();
    assert_eq!(invalid_fields(err), vec!["error-unknown"]);
    store.save_minutes(m, meeting_id, "## Ergebnisse\n\n- Elternbrief bis Januar", &[lead], None).await.unwrap();
    let stored = store.meeting(m, meeting_id).await.unwrap().unwrap();
    assert!(stored.summary.has_minutes);
    let mut attendance = stored.attendance.clone();
    attendance.sort();
    assert_eq!(attendance, vec![(lead, true), (second, false)]);

    store
        .add_decision(
            m,
            meeting_id,
            &DecisionInput { text: "Elternbrief wird übersetzt.".into(), proposal_id: None, measure_id: None, goal_id: None },
            None,
        )
        .await
        .unwrap();
    let err = store
        .add_decision(m, meeting_id, &DecisionInput { text: "x".into(), proposal_id: None, measure_id: Some(999), goal_id: None }, None)
        .await
        .unwrap_err();
    assert_eq!(invalid_fields(err), vec!["error-unknown"]);
    assert_eq!(store.meeting(m, meeting_id).await.unwrap().unwrap().decisions.len(), 1);

    // tasks: an owner of this body, a deadline
    let task = |owner, due| TaskInput {
        title: "Elternbrief entwerfen".into(),
        owner_member_id: owner,
        due_on: due,
        status: TaskStatus::Open,
        meeting_id: Some(meeting_id),
    };
    assert_eq!(
        invalid_fields(store.create_task(m, body, &task(None, Some(date!(2026 - 11 - 24))), None).await.unwrap_err()),
        vec!["error-task-owner"]
    );
    assert_eq!(
        invalid_fields(store.create_task(m, body, &task(Some(stranger), Some(date!(2026 - 11 - 24))), None).await.unwrap_err()),
        vec!["error-task-owner"],
        "a member of another body"
    );
    let first = store.create_task(m, body, &task(Some(lead), Some(date!(2026 - 11 - 24))), None).await.unwrap();
    store.create_task(m, body, &task(Some(second), Some(date!(2027 - 01 - 15))), None).await.unwrap();
    let mine = store.tasks_of_account(m, account).await.unwrap();
    assert_eq!(mine.iter().map(|t| t.id).collect::<Vec<_>>(), vec![first]);

    // reminders: due within three days (the clock stands at 2026-11-22), once
    let due = store.due_task_reminders(m, store.today()).await.unwrap();
    assert_eq!(due.iter().map(|r| (r.task.id, r.email.as_str())).collect::<Vec<_>>(), vec![(first, "leitung@example.org")]);
    store.record_task_reminder(m, first, store.today()).await.unwrap();
    assert!(store.due_task_reminders(m, store.today()).await.unwrap().is_empty());
    store.set_task_status(m, first, TaskStatus::Done, None).await.unwrap();
    assert_eq!(store.tasks(m, Some(body), true).await.unwrap().len(), 1);

    // the calendar feed needs the body's secret; renewing it ends the old one
    let secret = store.body(m, body).await.unwrap().unwrap().calendar_token;
    assert_eq!(secret.len(), 64);
    assert_eq!(store.calendar_feed(m, body, &secret).await.unwrap().unwrap().1.len(), 1);
    assert!(store.calendar_feed(m, body, "falsch").await.unwrap().is_none());
    assert!(store.calendar_feed(m, other, &secret).await.unwrap().is_none());
    store.renew_calendar_token(m, body, None).await.unwrap();
    assert!(store.calendar_feed(m, body, &secret).await.unwrap().is_none());

    // a member who leaves keeps their record but gets no new tasks
    store.member_leaves(m, body, second, None).await.unwrap();
    let err = store.create_task(m, body, &task(Some(second), Some(date!(2027 - 02 - 01))), None).await.unwrap_err();
    assert_eq!(invalid_fields(err), vec!["error-task-owner"]);
    let listed = store.bodies(m, datetime!(2026-11-22 07:00)).await.unwrap();
    let ag = listed.iter().find(|b| b.id == body).unwrap();
    assert_eq!((ag.members, ag.open_tasks, ag.next_meeting), (1, 1, Some(datetime!(2026-12-10 15:00))));
    // another municipality sees none of it
    let elsewhere = store.create_municipality("anderswo", "Anderswo", "", false).await.unwrap();
    assert!(store.body(elsewhere.id, body).await.unwrap().is_none());
    assert!(store.meeting(elsewhere.id, meeting_id).await.unwrap().is_none());
    assert!(store.tasks(elsewhere.id, None, false).await.unwrap().is_empty());
}

#[tokio::test]
async fn an_agreement_ties_two_organisations_with_their_duties_and_refuses_bad_input_whole() {
    use kette_domain::agreements::{AgreementInput, Duty};
    let (_dir, store, m) = seeded().await;
    let a = store.organisation_by_key(m, "a").await.unwrap().unwrap();
    let b = store.organisation_by_key(m, "b").await.unwrap().unwrap();
    let area = store.district_by_key(m, "0101").await.unwrap().unwrap();
    let codes = |e: StoreError| match e {
        StoreError::Invalid { errors, .. } => errors.0.into_iter().map(|e| e.code).collect::<Vec<_>>(),
        other => panic!("expected invalid, got {other}"),
    };
    let good = AgreementInput {
        kind: "cooperation_agreement".into(),
        title: "Übergang Kita–Grundschule im Kiez".into(),
        organisation_ids: vec![a, b],
        since: Some(time::macros::date!(2025 - 08 - 01)),
        until: None,
        duties: vec![Duty {
            organisation_id: a,
            task: "Elterngespräche mit der Schule".into(),
            life_phase: Some("kita".into()),
            transition: Some("kita_to_primary".into()),
            district_id: Some(area),
        }],
        contacts: "Frau A.\nHerr B.".into(),
        document_url: String::new(),
    };
    // bad: with itself, an unknown kind, a party of no one, a duty's unknown transition
    assert_eq!(
        codes(store.create_agreement(m, &AgreementInput { organisation_ids: vec![a, a], ..good.clone() }, false, None).await.unwrap_err()),
        vec!["error-agreement-parties"]
    );
    assert_eq!(
        codes(store.create_agreement(m, &AgreementInput { kind: "kaffeeklatsch".into(), ..good.clone() }, false, None).await.unwrap_err()),
        vec!["error-unknown-term"]
    );
    assert_eq!(
        codes(
            store
                .create_agreement(m, &AgreementInput { organisation_ids: vec![a, 999_999], ..good.clone() }, false, None)
                .await
                .unwrap_err()
        ),
        vec!["error-unknown"]
    );
    let mut odd = good.clone();
    odd.duties[0].transition = Some("mond_to_mars".into());
    assert_eq!(codes(store.create_agreement(m, &odd, false, None).await.unwrap_err()), vec!["error-unknown-term"]);
    assert!(store.agreements(m, None).await.unwrap().is_empty(), "nothing half-written");

    let id = store.create_agreement(m, &good, true, None).await.unwrap();
    let stored = store.agreement(m, id).await.unwrap().unwrap();
    assert_eq!(stored.input, good);
    assert_eq!(stored.parties.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(), vec!["Träger Ä", "Träger B"]);
    assert_eq!(store.agreements(m, Some(b)).await.unwrap().len(), 1, "a party sees its agreements");
    // changing the duties replaces them whole
    let changed = AgreementInput { duties: vec![], until: Some(time::macros::date!(2027 - 07 - 31)), ..good.clone() };
    store.update_agreement(m, id, &changed, None).await.unwrap();
    assert_eq!(store.agreement(m, id).await.unwrap().unwrap().input, changed);
    assert!(matches!(store.update_agreement(m, 999_999, &changed, None).await, Err(StoreError::NotFound(_))));
}

/// Twenty coordinators importing census grids at once: every import waits and succeeds, and
/// the stored grid is whole — one file's cells, never a mix of two.
#[tokio::test]
async fn concurrent_census_imports_wait_and_leave_one_whole_grid() {
    let (_dir, store, m) = seeded().await;
    let mut tasks = vec![];
    for who in 0..20usize {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            // each file has its own number of cells, 100 + who, with ids naming the file
            let cells: Vec<kette_store::StoredCensusCell> = (0..100 + who)
                .map(|i| kette_store::StoredCensusCell {
                    id: format!("f{who}-c{i}"),
                    at: [52.0 + i as f64 * 1e-4, 13.0],
                    people: Some(10.0),
                    children: None,
                })
                .collect();
            let name = format!("zensus-{who}.csv");
            let bytes = name.clone().into_bytes();
            let grid = kette_store::NewCensusGrid {
                file_name: &name,
                bytes: &bytes,
                people_column: Some("einwohner"),
                children_column: None,
                cell_m: 100.0,
                cells: &cells,
            };
            store.save_census_grid(m, &grid, None).await.map_err(|e| format!("import {who}: {e}"))
        }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let info = store.census_grid(m).await.unwrap().unwrap();
    let who: usize = info.file_name.trim_start_matches("zensus-").trim_end_matches(".csv").parse().unwrap();
    let cells = store.census_cells(m).await.unwrap();
    assert_eq!(cells.len(), 100 + who, "{}", info.file_name);
    assert!(cells.iter().all(|c| c.id.starts_with(&format!("f{who}-"))), "one file's cells only");
}
