//! The engine on a small directory that has the cases families run into.

use kette_domain::vocab::{Access, Cost};
use kette_search::{Audience, Catalogue, Place, Point, SearchDoc, SearchRequest, Sort, Synonyms, Translation};

fn offer(id: i64, title: &str, description: &str) -> SearchDoc<()> {
    SearchDoc {
        offer_id: id,
        organisation_id: 1,
        title: title.into(),
        description: description.into(),
        keywords: String::new(),
        translations: vec![],
        min_age_months: None,
        max_age_months: None,
        life_phases: vec![],
        domains: vec![],
        target_groups: vec![],
        transitions: vec![],
        languages: vec!["de".into()],
        cost: Cost::Free,
        access: Access::Open,
        districts: vec![],
        places: vec![],
        public: true,
        status: "active".into(),
        sort_key: title.to_lowercase(),
        updated_at: format!("2026-0{}-01T00:00:00Z", 1 + id % 9),
        payload: (),
    }
}

// Alexanderplatz and two points 1 km and 5 km to the east.
const ALEX: Point = Point { lat: 52.5219, lon: 13.4132 };

fn directory() -> Catalogue<()> {
    let mut docs = vec![
        offer(1, "Familienzentrum am Park", "Offener Treff, Beratung und Kurse für Eltern mit Kindern."),
        offer(2, "Krabbelgruppe Sonnenschein", "Für Babys und ihre Eltern, jeden Dienstag."),
        offer(3, "Eltern-Kind-Gruppe im Kiez", "Spielen, singen, Kontakte knüpfen."),
        offer(4, "Stadtteilbibliothek Bücherstraße", "Vorlesen für Kinder ab 3 Jahren."),
        offer(5, "Schuldnerberatung", "Beratung bei Schulden, auch für Familien."),
        offer(6, "Frauenschutzwohnung", "Schutz und Beratung für Frauen und Kinder."),
        offer(7, "Hausaufgabenhilfe", "Lernen nach der Schule."),
    ];
    docs[0].places = vec![Place { lat: 52.5219, lon: 13.4279, confidential: false }]; // ~1 km
    docs[0].districts = vec![10, 100];
    docs[1].places = vec![Place { lat: 52.5219, lon: 13.4868, confidential: false }]; // ~5 km
    docs[1].min_age_months = Some(0);
    docs[1].max_age_months = Some(24);
    docs[1].districts = vec![10, 101];
    docs[2].min_age_months = Some(0);
    docs[2].max_age_months = Some(36);
    docs[2].districts = vec![20, 200];
    docs[3].translations =
        vec![Translation { language: "tr".into(), title: "Semt kütüphanesi".into(), description: "Çocuklar için kitap okuma".into() }];
    docs[4].cost = Cost::Reduced;
    docs[5].places = vec![Place { lat: 52.5219, lon: 13.4140, confidential: true }];
    docs[5].districts = vec![10, 100];
    docs[6].public = false;
    docs[6].status = "draft".into();
    docs[6].access = Access::Registration;
    Catalogue::build(docs, Synonyms::new([vec!["Krabbelgruppe", "Eltern-Kind-Gruppe"]])).unwrap()
}

fn ids(c: &Catalogue<()>, r: SearchRequest) -> Vec<i64> {
    c.search(&SearchRequest { limit: 50, ..r }).unwrap().hits.iter().map(|h| h.doc.offer_id).collect()
}

fn text(q: &str) -> SearchRequest {
    SearchRequest { text: q.into(), ..Default::default() }
}

#[test]
fn inflections_compounds_and_spellings_meet() {
    let c = directory();
    assert_eq!(ids(&c, text("Familienzentren")), vec![1]);
    assert_eq!(ids(&c, text("familienzentrum")), vec![1]);
    assert_eq!(ids(&c, text("Zentrum")), vec![1]);
    assert_eq!(ids(&c, text("Buecherstrasse")), vec![4]);
    assert_eq!(ids(&c, text("Bibliothek")), vec![4]);
    assert!(ids(&c, text("Beratungen")).contains(&5));
}

#[test]
fn typos_are_forgiven() {
    let c = directory();
    assert_eq!(ids(&c, text("Familenzentrum")), vec![1]);
    assert_eq!(ids(&c, text("Schuldnerbertaung")), vec![5]);
}

#[test]
fn synonyms_work_both_ways() {
    let c = directory();
    let mut a = ids(&c, text("Krabbelgruppe"));
    a.sort();
    assert_eq!(a, vec![2, 3]);
    let mut b = ids(&c, text("Eltern-Kind-Gruppe"));
    b.sort();
    assert_eq!(b, vec![2, 3]);
}

#[test]
fn translations_are_searchable() {
    let c = directory();
    assert_eq!(ids(&c, text("kütüphanesi")), vec![4]);
    assert_eq!(ids(&c, text("Çocuklar")), vec![4], "Turkish letters outside German");
}

#[test]
fn changes_since_a_date() {
    let c = directory();
    let mut got =
        ids(&c, SearchRequest { modified_after: Some("2026-07-01".into()), audience: Audience::Professional, ..Default::default() });
    got.sort();
    assert_eq!(got, vec![6, 7]);
}

#[test]
fn every_word_must_match() {
    let c = directory();
    assert_eq!(ids(&c, text("Beratung Schulden")), vec![5]);
    assert!(ids(&c, text("Beratung Zirkus")).is_empty());
}

#[test]
fn filters_narrow_the_list() {
    let c = directory();
    let age = |m| ids(&c, SearchRequest { age_months: Some(m), ..Default::default() });
    assert!(age(30).contains(&3) && !age(30).contains(&2));
    assert!(age(12).contains(&2));
    let mut district = ids(&c, SearchRequest { district: Some(10), ..Default::default() });
    district.sort();
    assert_eq!(district, vec![1, 2, 6]);
    assert_eq!(ids(&c, SearchRequest { district: Some(101), ..Default::default() }), vec![2]);
    assert_eq!(ids(&c, SearchRequest { cost: Some(Cost::Reduced), ..Default::default() }), vec![5]);
}

#[test]
fn radius_and_distance_order() {
    let c = directory();
    let r = c
        .search(&SearchRequest { near: Some(ALEX), radius_m: Some(6000.0), sort: Sort::Distance, limit: 10, ..Default::default() })
        .unwrap();
    let got: Vec<i64> = r.hits.iter().map(|h| h.doc.offer_id).collect();
    // the shelter's protected place is not used for the public
    assert_eq!(got, vec![1, 2]);
    let d = r.hits[0].distance_m.unwrap();
    assert!((950.0..1050.0).contains(&d), "{d}");
    let near = ids(&c, SearchRequest { near: Some(ALEX), radius_m: Some(2000.0), ..Default::default() });
    assert_eq!(near, vec![1]);
    let pro = ids(
        &c,
        SearchRequest {
            near: Some(ALEX),
            radius_m: Some(2000.0),
            audience: Audience::Professional,
            sort: Sort::Distance,
            ..Default::default()
        },
    );
    assert_eq!(pro, vec![6, 1]);
    // navigators refer families to protected places too
    let referral = ids(
        &c,
        SearchRequest {
            near: Some(ALEX),
            radius_m: Some(2000.0),
            audience: Audience::Referral,
            sort: Sort::Distance,
            ..Default::default()
        },
    );
    assert_eq!(referral, vec![6, 1]);
}

#[test]
fn drafts_are_for_the_coordination_only() {
    let c = directory();
    assert!(!ids(&c, text("Hausaufgabenhilfe")).contains(&7));
    // navigators see protected places but only public offers, whatever status they ask for
    assert!(!ids(&c, SearchRequest { audience: Audience::Referral, ..text("Hausaufgabenhilfe") }).contains(&7));
    assert!(ids(&c, SearchRequest { audience: Audience::Referral, status: Some("draft".into()), ..Default::default() }).is_empty());
    assert_eq!(ids(&c, SearchRequest { audience: Audience::Professional, ..text("Hausaufgabenhilfe") }), vec![7]);
    assert_eq!(ids(&c, SearchRequest { audience: Audience::Professional, status: Some("draft".into()), ..Default::default() }), vec![7]);
}

#[test]
fn edits_are_visible_at_once() {
    let c = directory();
    let mut changed = offer(5, "Schuldner- und Insolvenzberatung", "Hilfe bei Schulden.");
    changed.cost = Cost::Reduced;
    c.upsert(vec![changed, offer(8, "Babyschwimmen", "Im Stadtbad.")]).unwrap();
    assert_eq!(ids(&c, text("Insolvenz")), vec![5]);
    assert_eq!(ids(&c, text("Babyschwimmen")), vec![8]);
    assert_eq!(c.len(), 8);
    c.remove(&[8]).unwrap();
    assert!(ids(&c, text("Babyschwimmen")).is_empty());
    assert_eq!(c.len(), 7);
}

#[test]
fn any_input_is_answered() {
    let c = directory();
    for q in ["", "   ", "\"", "(((", "a:b", "*", "~~~", "AND OR NOT", "🙂", "ﷺ", &"x".repeat(10_000), "\0\n\t", "a ".repeat(500).as_str()]
    {
        c.search(&text(q)).unwrap();
    }
}

#[test]
fn lists_without_words_are_alphabetical_and_paged() {
    let c = directory();
    let all = c.search(&SearchRequest { limit: 2, offset: 2, ..Default::default() }).unwrap();
    assert_eq!(all.total, 6);
    let titles: Vec<&str> = all.hits.iter().map(|h| h.doc.title.as_str()).collect();
    assert_eq!(titles, vec!["Frauenschutzwohnung", "Krabbelgruppe Sonnenschein"]);
}

#[test]
fn compounds_no_offer_contains_are_searched_by_their_parts() {
    let c = directory();
    // "Familienberatung" is in no text; "Familien" and "Beratung" are (offer 1 and 5 both)
    let mut found = ids(&c, text("Familienberatung"));
    found.sort();
    assert_eq!(found, vec![1, 5]);
    // a linking s: "Schulden" + "beratung"
    assert!(ids(&c, text("Schuldensberatung")).contains(&5));
    // a compound of parts the catalogue does not know stays unfound
    assert!(ids(&c, text("Raketenwerkstatt")).is_empty());
    // a word that is there is not split: "Krabbelgruppe" finds what it finds with or without parts
    assert_eq!(ids(&c, text("Schuldnerberatung")), vec![5]);
}

#[test]
fn a_search_that_finds_nothing_suggests_spellings_public_offers_use() {
    let c = directory();
    assert_eq!(c.spelling_suggestions("Krabelgruppe", 5).unwrap(), vec!["Krabbelgruppe".to_string()]);
    assert_eq!(c.spelling_suggestions("Hausaufgabenhilfe", 5).unwrap(), Vec::<String>::new(), "a draft's words are not suggested");
    assert!(c.spelling_suggestions("Sonnenschein", 5).unwrap().is_empty(), "known words need no suggestion");
    assert!(c.spelling_suggestions("", 5).unwrap().is_empty());
}
