//! Reading HSDS: the official example, our own export (round trip), and broken records.

use serde_json::json;

mod common;

use kette_domain::vocab::{default_terms, Cost, OfferStatus, Vocabulary};
use kette_hsds::import::{parse, ImportOptions};
use kette_hsds::schema_check::spec;
use kette_hsds::{Audience, Exporter, Ids, OfferRecord, OrganisationRecord};

fn vocab() -> Vocabulary {
    Vocabulary::new(default_terms())
}

#[test]
fn an_internal_export_reads_back_without_loss() {
    let v = vocab();
    let (offer, org, locations) = common::sample(OfferStatus::Paused);
    let ex = Exporter { ids: Ids::new("berlin"), vocab: &v, audience: Audience::Internal, state_province: "Berlin".into() };
    let text = json!([ex.service(&offer, &org, &locations, true)]).to_string();
    let parsed = parse("export.json", &text, &v, &ImportOptions::default()).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert!(parsed.not_kept.is_empty(), "kette's own export has nothing kette cannot keep: {:?}", parsed.not_kept);
    let back = &parsed.batch.offers[0];
    let mut expected = offer.input.clone();
    expected.organisation_id = 0;
    expected.location_ids = vec![];
    let mut got = back.input.clone();
    got.domains.sort();
    assert_eq!(got, expected);
    assert_eq!(back.external_key, ex.service_id(&offer));
    assert_eq!(parsed.batch.translations, vec![(back.external_key.clone(), "tr".into(), "Emekleme grubu".into(), "Bebekler için.".into())]);
    let o = &parsed.batch.organisations[0];
    assert_eq!(
        (o.name.as_str(), o.kind, o.website.as_str(), o.email.as_str(), o.phone.as_str()),
        (org.name.as_str(), org.kind, org.website.as_str(), org.email.as_str(), org.phone.as_str())
    );
    assert_eq!(parsed.batch.organisation_details[0].1, org.description);
    assert_eq!(parsed.batch.organisation_details[0].2, org.contacts);
    let places: Vec<_> = parsed
        .batch
        .locations
        .iter()
        .map(|(_, l)| (l.name.clone(), l.street.clone(), l.postcode.clone(), l.lat, l.is_anchor_point, l.is_confidential))
        .collect();
    assert_eq!(
        places,
        vec![
            ("Haus 5".to_string(), "Müllerstraße 1".to_string(), "13353".to_string(), Some(52.55), true, false),
            ("Haus 6".to_string(), "Müllerstraße 1".to_string(), "13353".to_string(), Some(52.55), false, true),
        ]
    );
    // and the re-export of what was read is the same document
    let again = OfferRecord { id: 42, external_key: Some(back.external_key.clone()), input: back.input.clone(), ..offer.clone() };
    let org_again = OrganisationRecord { external_key: Some(o.external_key.clone()), ..org.clone() };
    let first = ex.service(&offer, &org, &locations, true);
    let second = ex.service(&again, &org_again, &locations, true);
    assert_eq!(first["name"], second["name"]);
    assert_eq!(first["organization_id"], second["organization_id"]);
}

#[test]
fn the_official_example_is_read_and_its_impossible_coordinates_reported() {
    let v = vocab();
    let example = spec("examples/service_full.json").to_string();
    let options = ImportOptions { default_domains: vec!["health".into()] };
    let parsed = parse("service_full.json", &example, &v, &options).unwrap();
    let paths: Vec<&str> = parsed.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, vec!["$.service_at_locations[0].location.latitude"], "latitude 100 does not exist");
    assert!(parsed.batch.offers.is_empty(), "a record with errors is not taken");

    let mut fixed = spec("examples/service_full.json");
    fixed["service_at_locations"][0]["location"]["latitude"] = json!(51.5);
    fixed["service_at_locations"][0]["location"]["longitude"] = json!(-0.12);
    let parsed = parse("service_full.json", &fixed.to_string(), &v, &options).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let o = &parsed.batch.offers[0];
    assert_eq!(o.input.title, "Community Counselling");
    assert_eq!((o.input.min_age_months, o.input.max_age_months), (Some(144), None), "up to 100 years: no upper bound");
    assert_eq!(o.input.life_phases, vec!["secondary", "transition_to_work"], "phases from the ages");
    assert_eq!(o.input.domains, vec!["health"]);
    assert_eq!(o.input.languages, vec!["ur"]);
    assert_eq!(o.input.cost, Cost::Fee, "a cost option with an amount");
    assert_eq!(parsed.batch.organisations[0].name, "Example Organization Inc.");
    assert_eq!(parsed.batch.organisation_details[0].2[0].name, "Ann Persona");
    assert_eq!(parsed.batch.locations[0].1.street, "1-30 Main Street");
    // what kette has no place for is named, not silently dropped
    for field in
        ["service.alternate_name", "service.accreditations", "service.program", "location.transportation", "organization.legal_status"]
    {
        assert_eq!(parsed.not_kept.get(field), Some(&1), "{field} in {:?}", parsed.not_kept);
    }
    assert!(!parsed.not_kept.contains_key("service.name") && !parsed.not_kept.contains_key("location.addresses"));
}

#[test]
fn broken_records_are_reported_with_path_and_rule() {
    let v = vocab();
    let good = json!({"id": "ac148810-d857-441c-9679-408f346de14b", "name": "Gut", "status": "active", "minimum_age": 1,
        "organization": {"id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", "name": "Träger", "description": ""},
        "attributes": [{"id": "ae58cc39-8b70-4ab1-8aea-786882e5ac8e", "taxonomy_term": {"id": "3f7b145d-84af-42d7-8fae-eaca714b02b2", "code": "health", "name": "Gesundheit", "description": "", "taxonomy": "handlungsfeld"}}]});
    let mut bad = good.clone();
    bad["id"] = json!("7");
    bad["status"] = json!("open");
    bad["minimum_age"] = json!("zwei");
    bad.as_object_mut().unwrap().remove("organization");
    let text = json!({"contents": [good, bad]}).to_string();
    let parsed = parse("page.json", &text, &v, &ImportOptions::default()).unwrap();
    let got: Vec<String> = parsed.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        got,
        vec![
            "$.contents[1].id: must be a UUID, found \"7\"",
            "$.contents[1].status: must be active, inactive, defunct or temporarily closed, found \"open\"",
            "$.contents[1].organization: required: kette keeps every offer with its organisation (use the full service form)",
            "$.contents[1].minimum_age: must be a number, found \"zwei\"",
        ]
    );
    assert_eq!(parsed.batch.offers.len(), 1, "the valid record is kept for a partial import");
    assert_eq!(parsed.records, vec![0]);
    // NDJSON and errors in the file itself
    let nd = format!("{}\n{}\n", serde_json::to_string(&spec("examples/service_full.json")).unwrap(), "{kaputt");
    assert!(parse("x.ndjson", &nd, &v, &ImportOptions::default()).unwrap_err().to_string().contains("line 2"));
    assert!(parse("x.json", "42", &v, &ImportOptions::default()).is_err());
}
