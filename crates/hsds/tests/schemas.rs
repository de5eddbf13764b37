//! Everything the exporter writes validates against the official HSDS 3.0 JSON schemas
//! (copied into `spec/3.0`, see `spec/SOURCE.txt`), made strict the way the specification's own
//! CI checks its examples: no property outside the schema.

mod common;

use serde_json::json;

use kette_domain::vocab::{default_terms, OfferStatus, Vocabulary};
use kette_hsds::schema_check::{spec, Schemas};
use kette_hsds::{profile, Audience, Exporter, Ids};

#[test]
fn the_official_examples_pass_and_a_broken_one_fails() {
    let s = Schemas::load();
    for (schema, example) in
        [("taxonomy.json", "taxonomy.json"), ("taxonomy_term.json", "taxonomy_term.json"), ("location.json", "location.json")]
    {
        s.assert_valid(schema, &spec(&format!("examples/{example}")));
    }
    let mut broken = spec("examples/taxonomy_term.json");
    broken.as_object_mut().unwrap().remove("name");
    broken["colour"] = json!("red");
    broken["id"] = json!("not-a-uuid");
    assert_eq!(s.errors("taxonomy_term.json", &broken).len(), 3, "missing name, unknown property, id not a UUID");
}

#[test]
fn exported_records_validate_for_the_public_and_internally() {
    let s = Schemas::load();
    let vocab = Vocabulary::new(default_terms());
    let (mut offer, mut org, locations) = common::sample(OfferStatus::Active);
    org.external_key = Some("D9D5E0F5-D3CE-4F73-9A2F-4DD0ECC6C610".into());
    offer.internal_note = "Nur nach Telefonat.".into();
    for audience in [Audience::Public, Audience::Internal] {
        let ex = Exporter { ids: Ids::new("berlin"), vocab: &vocab, audience, state_province: "Berlin".into() };
        let full = ex.service(&offer, &org, &locations, true);
        s.assert_valid("service.json", &full);
        s.assert_valid("compiled/service_list.json", &ex.service(&offer, &org, &locations, false));
        let mut with_services = ex.organization(&org, &locations);
        with_services["services"] = json!([ex.service(&offer, &org, &locations, false)]);
        s.assert_valid("organization.json", &with_services);
        s.assert_valid("compiled/organization_list.json", &json!({ "id": ex.organisation_id(&org), "name": org.name, "description": "" }));
        for l in &locations {
            s.assert_valid("service_at_location.json", &ex.service_at_location(&offer, &org, l, true));
            s.assert_valid("compiled/service_at_location_list.json", &ex.service_at_location(&offer, &org, l, false));
        }
        let text = full.to_string();
        match audience {
            Audience::Public => {
                assert_eq!(full["service_at_locations"].as_array().unwrap().len(), 1, "the protected place is left out");
                assert!(!text.contains("Telefonat") && !text.contains("12000") && !text.contains("Bundesprogramm"));
                assert!(!ex.organization(&org, &locations).to_string().contains("Demir"), "no contact persons in public");
            }
            Audience::Internal => {
                assert_eq!(full["service_at_locations"].as_array().unwrap().len(), 2);
                assert!(text.contains("Telefonat") && text.contains("12000") && text.contains("Bundesprogramm"));
            }
        }
        assert_eq!(full["organization_id"], "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", "an imported UUID is kept");
        assert_eq!(full["minimum_age"], 0.25);
        assert_eq!(full["status"], "active");
    }
}

#[test]
fn the_profile_taxonomy_validates() {
    let s = Schemas::load();
    let ids = Ids::new("berlin");
    let vocab = Vocabulary::new(default_terms());
    for t in profile::taxonomies() {
        s.assert_valid("taxonomy.json", &profile::taxonomy_json(&ids, &t));
    }
    let terms = profile::terms(&ids, &vocab);
    assert!(terms.len() > 40);
    for t in &terms {
        s.assert_valid("taxonomy_term.json", t);
    }
    let unique: std::collections::HashSet<&str> = terms.iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(unique.len(), terms.len(), "term ids are unique");
}

#[test]
fn pages_have_the_api_shape() {
    let p = kette_hsds::page(vec![json!({"id": "x"})], 3, 2, 1);
    assert_eq!(p["total_pages"], 3);
    assert_eq!(p["first_page"], false);
    assert_eq!(p["last_page"], false);
    assert_eq!(p["size"], 1);
}
