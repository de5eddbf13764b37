//! The offer every HSDS test exports: all fields set, one public and one protected place.

use kette_domain::vocab::{Access, Cost, FundingKind, OfferStatus, OrganisationKind};
use kette_domain::{ContactPerson, Funding, Location, OfferInput};
use kette_hsds::{LocationRecord, OfferRecord, OrganisationRecord, TextRecord};

pub fn sample(status: OfferStatus) -> (OfferRecord, OrganisationRecord, Vec<LocationRecord>) {
    let mut input = OfferInput::blank(3);
    input.title = "Krabbelgruppe Sonnenschein".into();
    input.description = "Für Babys und ihre Eltern.".into();
    input.life_phases = vec!["early_childhood".into()];
    input.domains = vec!["participation".into(), "youth_welfare".into()];
    input.target_groups = vec!["parents".into()];
    input.transitions = vec!["family_to_daycare".into()];
    input.languages = vec!["de".into(), "tr".into()];
    input.min_age_months = Some(3);
    input.max_age_months = Some(36);
    input.cost = Cost::Reduced;
    input.access = Access::Registration;
    input.schedule = "Di 10–12 Uhr".into();
    input.capacity = Some(12);
    input.reach_per_year = Some(80);
    input.funding = Funding {
        kind: Some(FundingKind::Project),
        source: "Bundesprogramm".into(),
        amount_eur: Some(12000.0),
        until: time::Date::from_calendar_date(2027, time::Month::June, 30).ok(),
    };
    input.status = status;
    input.last_verified_on = time::Date::from_calendar_date(2026, time::Month::March, 1).ok();
    input.contact_email = "krabbeln@example.org".into();
    input.contact_phone = "030 1234567".into();
    input.website = "https://example.org/krabbeln".into();
    let offer = OfferRecord {
        id: 42,
        external_key: None,
        input,
        translations: vec![TextRecord { language: "tr".into(), title: "Emekleme grubu".into(), description: "Bebekler için.".into() }],
        updated_at: "2026-11-20T09:30:00Z".into(),
        internal_note: String::new(),
        approval: Default::default(),
    };
    let org = OrganisationRecord {
        id: 3,
        external_key: None,
        name: "Familienzentrum am Park e. V.".into(),
        kind: OrganisationKind::Initiative,
        description: "Ein Ort für Familien.".into(),
        website: "https://example.org".into(),
        email: "info@example.org".into(),
        phone: "030 7654321".into(),
        contacts: vec![ContactPerson {
            name: "Ayşe Demir".into(),
            role: "Leitung".into(),
            email: "a.demir@example.org".into(),
            phone: "030 111".into(),
        }],
    };
    let place = |id: i64, confidential: bool| LocationRecord {
        location: Location {
            id,
            organisation_id: 3,
            name: format!("Haus {id}"),
            street: "Müllerstraße 1".into(),
            postcode: "13353".into(),
            city: "Berlin".into(),
            lat: Some(52.55),
            lon: Some(13.35),
            district_id: None,
            is_anchor_point: !confidential,
            is_confidential: confidential,
            is_approved: true,
        },
        external_key: None,
    };
    (offer, org, vec![place(5, false), place(6, true)])
}
