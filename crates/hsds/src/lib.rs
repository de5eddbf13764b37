//! Open Referral HSDS 3.0: kette's offers, organisations and places as HSDS services,
//! organizations, locations and service_at_locations, and kette's vocabulary (life phases,
//! domains, target groups, transitions, prevention level, access, cost) as an HSDS taxonomy —
//! the German profile described in `docs/hsds-profile.md`.
//!
//! Pure mapping: the caller hands in records read from the store and gets JSON values back.
//! Identifiers are UUIDs as HSDS requires: the record's own when it came from an HSDS import
//! (kept as its external key), else one derived from the municipality and the local id, so
//! that the same record always gets the same identifier.

pub mod ids;
pub mod import;
pub mod package;
pub mod profile;
#[cfg(feature = "schema-check")]
pub mod schema_check;
pub mod tabular;

use serde_json::{json, Map, Value};

use kette_domain::vocab::{Access, Cost, OfferStatus, OrganisationKind, Vocabulary};
use kette_domain::{ContactPerson, Location, OfferInput, TermKind};

pub use ids::{is_uuid, Ids};

/// Who reads the export: the public never sees protected places, internal notes, funding
/// details or contact persons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Public,
    Internal,
}

/// An organisation as the exporter needs it.
#[derive(Debug, Clone)]
pub struct OrganisationRecord {
    pub id: i64,
    pub external_key: Option<String>,
    pub name: String,
    pub kind: OrganisationKind,
    pub description: String,
    pub website: String,
    pub email: String,
    pub phone: String,
    pub contacts: Vec<ContactPerson>,
}

/// A place with its external key.
#[derive(Debug, Clone)]
pub struct LocationRecord {
    pub location: Location,
    pub external_key: Option<String>,
}

/// A translated text of an offer.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRecord {
    pub language: String,
    pub title: String,
    pub description: String,
}

/// An offer with what the exporter needs besides its content.
#[derive(Debug, Clone)]
pub struct OfferRecord {
    pub id: i64,
    pub external_key: Option<String>,
    pub input: OfferInput,
    pub translations: Vec<TextRecord>,
    pub updated_at: String,
    pub internal_note: String,
    /// Not exported; lets the API hold back offers still waiting for approval.
    pub approval: kette_domain::review::Approval,
}

/// The settings of one export.
pub struct Exporter<'a> {
    pub ids: Ids,
    pub vocab: &'a Vocabulary,
    pub audience: Audience,
    /// `state_province` of addresses (HSDS requires one), e.g. "Berlin".
    pub state_province: String,
}

fn put(map: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.trim().is_empty() {
        map.insert(key.into(), Value::String(value.to_string()));
    }
}

impl Exporter<'_> {
    pub fn organisation_id(&self, o: &OrganisationRecord) -> String {
        self.ids.id("organization", o.id, o.external_key.as_deref())
    }

    pub fn location_id(&self, l: &LocationRecord) -> String {
        self.ids.id("location", l.location.id, l.external_key.as_deref())
    }

    pub fn service_id(&self, o: &OfferRecord) -> String {
        self.ids.id("service", o.id, o.external_key.as_deref())
    }

    pub fn service_at_location_id(&self, offer: &OfferRecord, l: &LocationRecord) -> String {
        self.ids.service_at_location(offer.id, l.location.id)
    }

    /// Places the audience may see.
    pub fn visible<'l>(&self, locations: &'l [LocationRecord]) -> Vec<&'l LocationRecord> {
        locations.iter().filter(|l| self.audience == Audience::Internal || !l.location.is_confidential).collect()
    }

    fn phone(&self, owner: &str, number: &str) -> Value {
        json!({ "id": self.ids.derived("phone", &format!("{owner}:{number}")), "number": number })
    }

    fn attribute(&self, owner: &str, kind: &profile::Taxonomy, code: &str, label: &str, value: Option<String>) -> Value {
        let term = profile::term_json(&self.ids, kind, code, label, None);
        let mut a = Map::new();
        a.insert("id".into(), Value::String(self.ids.derived("attribute", &format!("{owner}:{}:{code}", kind.code))));
        a.insert("link_type".into(), Value::String("service".into()));
        a.insert("link_entity".into(), Value::String(kind.link_entity.into()));
        if let Some(v) = value {
            a.insert("value".into(), Value::String(v));
        }
        a.insert("taxonomy_term".into(), term);
        Value::Object(a)
    }

    pub fn organization(&self, o: &OrganisationRecord, locations: &[LocationRecord]) -> Value {
        let id = self.organisation_id(o);
        let mut m = Map::new();
        m.insert("id".into(), Value::String(id.clone()));
        m.insert("name".into(), Value::String(o.name.clone()));
        // description is required by HSDS; an empty one is honest
        m.insert("description".into(), Value::String(o.description.clone()));
        put(&mut m, "email", &o.email);
        put(&mut m, "website", &o.website);
        if !o.phone.is_empty() {
            m.insert("phones".into(), json!([self.phone(&id, &o.phone)]));
        }
        if self.audience == Audience::Internal && !o.contacts.is_empty() {
            let contacts: Vec<Value> = o
                .contacts
                .iter()
                .map(|c| {
                    let cid = self.ids.derived("contact", &format!("{id}:{}:{}", c.name, c.email));
                    let mut cm = Map::new();
                    cm.insert("id".into(), Value::String(cid.clone()));
                    put(&mut cm, "name", &c.name);
                    put(&mut cm, "title", &c.role);
                    put(&mut cm, "email", &c.email);
                    if !c.phone.is_empty() {
                        cm.insert("phones".into(), json!([self.phone(&cid, &c.phone)]));
                    }
                    Value::Object(cm)
                })
                .collect();
            m.insert("contacts".into(), Value::Array(contacts));
        }
        let locs: Vec<Value> = self.visible(locations).into_iter().map(|l| self.location(l)).collect();
        if !locs.is_empty() {
            m.insert("locations".into(), Value::Array(locs));
        }
        let kind = profile::organisation_kind();
        let term = profile::term_json(&self.ids, &kind, o.kind.as_str(), o.kind.as_str(), None);
        m.insert(
            "attributes".into(),
            json!([{ "id": self.ids.derived("attribute", &format!("{id}:kind")), "link_type": "organization", "link_entity": "organization", "taxonomy_term": term }]),
        );
        Value::Object(m)
    }

    pub fn location(&self, l: &LocationRecord) -> Value {
        let loc = &l.location;
        let id = self.location_id(l);
        let mut m = Map::new();
        m.insert("id".into(), Value::String(id.clone()));
        m.insert("location_type".into(), Value::String("physical".into()));
        put(&mut m, "name", &loc.name);
        if let (Some(lat), Some(lon)) = (loc.lat, loc.lon) {
            m.insert("latitude".into(), json!(lat));
            m.insert("longitude".into(), json!(lon));
        }
        if !loc.street.is_empty() || !loc.postcode.is_empty() {
            m.insert(
                "addresses".into(),
                json!([{
                    "id": self.ids.derived("address", &id),
                    "address_1": loc.street,
                    "city": loc.city,
                    "state_province": self.state_province,
                    "postal_code": loc.postcode,
                    "country": "DE",
                    "address_type": "physical",
                }]),
            );
        }
        let mut attributes = vec![];
        if loc.is_anchor_point {
            attributes.push(json!({
                "id": self.ids.derived("attribute", &format!("{id}:anchor")),
                "link_type": "location", "link_entity": "location",
                "taxonomy_term": profile::term_json(&self.ids, &profile::place(), "anchor_point", "Anlaufstelle", None),
            }));
        }
        if loc.is_confidential {
            attributes.push(json!({
                "id": self.ids.derived("attribute", &format!("{id}:confidential")),
                "link_type": "location", "link_entity": "location",
                "taxonomy_term": profile::term_json(&self.ids, &profile::place(), "confidential", "Geschützte Adresse", None),
            }));
        }
        if !attributes.is_empty() {
            m.insert("attributes".into(), Value::Array(attributes));
        }
        Value::Object(m)
    }

    /// A service with its one-to-one fields (the list form); `full` adds the nested
    /// organization, places, languages, schedules, cost options and taxonomy attributes.
    pub fn service(&self, o: &OfferRecord, organisation: &OrganisationRecord, locations: &[LocationRecord], full: bool) -> Value {
        let i = &o.input;
        let id = self.service_id(o);
        let mut m = Map::new();
        m.insert("id".into(), Value::String(id.clone()));
        m.insert("organization_id".into(), Value::String(self.organisation_id(organisation)));
        m.insert("name".into(), Value::String(i.title.clone()));
        put(&mut m, "description", &i.description);
        put(&mut m, "url", &i.website);
        put(&mut m, "email", &i.contact_email);
        m.insert("status".into(), Value::String(status_to_hsds(i.status).into()));
        m.insert("application_process".into(), Value::String(access_text(i.access).into()));
        m.insert("fees_description".into(), Value::String(cost_text(i.cost).into()));
        if let Some(min) = i.min_age_months {
            m.insert("minimum_age".into(), json!(months_to_years(min)));
        }
        if let Some(max) = i.max_age_months {
            m.insert("maximum_age".into(), json!(months_to_years(max)));
        }
        if let Some(d) = i.last_verified_on {
            m.insert("assured_date".into(), Value::String(d.to_string()));
        }
        put(&mut m, "last_modified", &rfc3339(&o.updated_at));
        if !full {
            return Value::Object(m);
        }
        if !i.contact_phone.is_empty() {
            m.insert("phones".into(), json!([self.phone(&id, &i.contact_phone)]));
        }
        if !i.schedule.is_empty() {
            m.insert("schedules".into(), json!([{ "id": self.ids.derived("schedule", &id), "description": i.schedule }]));
        }
        if !i.languages.is_empty() {
            let langs: Vec<Value> = i
                .languages
                .iter()
                .map(|l| json!({ "id": self.ids.derived("language", &format!("{id}:{l}")), "code": l, "name": language_name(l) }))
                .collect();
            m.insert("languages".into(), Value::Array(langs));
        }
        m.insert(
            "cost_options".into(),
            json!([{ "id": self.ids.derived("cost_option", &id), "option": i.cost.as_str(), "amount_description": cost_text(i.cost) }]),
        );
        if self.audience == Audience::Internal && (!i.funding.source.is_empty() || i.funding.kind.is_some()) {
            m.insert("funding".into(), json!([{ "id": self.ids.derived("funding", &id), "source": i.funding.source }]));
        }
        m.insert("organization".into(), self.organization_short(organisation));
        let sal: Vec<Value> = self.visible(locations).into_iter().map(|l| self.service_at_location_nested(o, l)).collect();
        if !sal.is_empty() {
            m.insert("service_at_locations".into(), Value::Array(sal));
        }
        m.insert("attributes".into(), Value::Array(self.service_attributes(o, &id)));
        Value::Object(m)
    }

    /// The organization inside a service: its own fields, phones, kind (and contacts
    /// internally), without its places.
    fn organization_short(&self, o: &OrganisationRecord) -> Value {
        self.organization(o, &[])
    }

    fn service_at_location_nested(&self, o: &OfferRecord, l: &LocationRecord) -> Value {
        json!({ "id": self.service_at_location_id(o, l), "location": self.location(l) })
    }

    /// The service_at_location resource of the API (`/service_at_locations`).
    pub fn service_at_location(&self, o: &OfferRecord, organisation: &OrganisationRecord, l: &LocationRecord, full: bool) -> Value {
        let mut m = Map::new();
        m.insert("id".into(), Value::String(self.service_at_location_id(o, l)));
        m.insert("service_id".into(), Value::String(self.service_id(o)));
        m.insert("location_id".into(), Value::String(self.location_id(l)));
        if full {
            m.insert("service".into(), self.service(o, organisation, &[], false));
            m.insert("location".into(), self.location(l));
        }
        Value::Object(m)
    }

    fn service_attributes(&self, o: &OfferRecord, id: &str) -> Vec<Value> {
        let i = &o.input;
        let mut out = vec![];
        for (kind, codes) in [
            (TermKind::LifePhase, &i.life_phases),
            (TermKind::Domain, &i.domains),
            (TermKind::TargetGroup, &i.target_groups),
            (TermKind::Transition, &i.transitions),
        ] {
            let taxonomy = profile::of_term_kind(kind);
            for code in codes {
                let label = self.vocab.label(kind, code, "de");
                out.push(self.attribute(id, &taxonomy, code, label, None));
            }
        }
        out.push(self.attribute(id, &profile::prevention_level(), i.prevention_level.as_str(), i.prevention_level.as_str(), None));
        out.push(self.attribute(id, &profile::access(), i.access.as_str(), access_text(i.access), None));
        out.push(self.attribute(id, &profile::cost(), i.cost.as_str(), cost_text(i.cost), None));
        // exact ages in months: HSDS ages are years, which would round a 3-month start away
        if let Some(v) = i.min_age_months {
            out.push(self.attribute(id, &profile::age(), "min_age_months", "Mindestalter in Monaten", Some(v.to_string())));
        }
        if let Some(v) = i.max_age_months {
            out.push(self.attribute(id, &profile::age(), "max_age_months", "Höchstalter in Monaten (ausschließlich)", Some(v.to_string())));
        }
        for t in &o.translations {
            let value = json!({ "title": t.title, "description": t.description }).to_string();
            out.push(self.attribute(id, &profile::translation(), &t.language, &t.language, Some(value)));
        }
        if self.audience == Audience::Internal {
            let f = &i.funding;
            if let Some(k) = f.kind {
                out.push(self.attribute(id, &profile::funding(), k.as_str(), k.as_str(), None));
            }
            if let Some(a) = f.amount_eur {
                out.push(self.attribute(id, &profile::internal(), "funding_amount_eur", "Fördersumme (EUR)", Some(a.to_string())));
            }
            if let Some(u) = f.until {
                out.push(self.attribute(id, &profile::internal(), "funding_until", "Förderung bis", Some(u.to_string())));
            }
            if let Some(c) = i.capacity {
                out.push(self.attribute(id, &profile::internal(), "capacity", "Plätze", Some(c.to_string())));
            }
            if let Some(r) = i.reach_per_year {
                out.push(self.attribute(id, &profile::internal(), "reach_per_year", "Erreichte pro Jahr", Some(r.to_string())));
            }
            if !o.internal_note.is_empty() {
                out.push(self.attribute(id, &profile::internal(), "note", "Interne Notiz", Some(o.internal_note.clone())));
            }
        }
        out
    }
}

pub fn status_to_hsds(s: OfferStatus) -> &'static str {
    match s {
        OfferStatus::Active => "active",
        OfferStatus::Paused => "temporarily closed",
        OfferStatus::Ended => "defunct",
        OfferStatus::Draft => "inactive",
    }
}

pub fn status_from_hsds(s: &str) -> Option<OfferStatus> {
    Some(match s {
        "active" => OfferStatus::Active,
        "temporarily closed" => OfferStatus::Paused,
        "defunct" => OfferStatus::Ended,
        "inactive" => OfferStatus::Draft,
        _ => return None,
    })
}

fn access_text(a: Access) -> &'static str {
    match a {
        Access::Open => "Offen, ohne Anmeldung.",
        Access::Registration => "Mit Anmeldung.",
        Access::Referral => "Nach Vermittlung durch eine Fachstelle.",
    }
}

fn cost_text(c: Cost) -> &'static str {
    match c {
        Cost::Free => "Kostenlos.",
        Cost::Reduced => "Ermäßigt oder über Bildung und Teilhabe gedeckt.",
        Cost::Fee => "Kostenpflichtig.",
    }
}

/// Ages in years with the months as a fraction (1.5 = 18 months), as HSDS counts them.
pub fn months_to_years(m: u32) -> f64 {
    (m as f64 / 12.0 * 1000.0).round() / 1000.0
}

pub fn years_to_months(y: f64) -> u32 {
    (y * 12.0).round().max(0.0) as u32
}

/// kette stores "2026-11-22T06:00:00Z"; HSDS wants RFC 3339 date-times, which that already is.
fn rfc3339(s: &str) -> String {
    s.to_string()
}

fn language_name(code: &str) -> &'static str {
    match code {
        "de" => "German",
        "en" => "English",
        "tr" => "Turkish",
        "ar" => "Arabic",
        "uk" => "Ukrainian",
        "ru" => "Russian",
        "pl" => "Polish",
        "ro" => "Romanian",
        "bg" => "Bulgarian",
        "fa" => "Persian",
        "ku" => "Kurdish",
        "fr" => "French",
        "es" => "Spanish",
        "it" => "Italian",
        "vi" => "Vietnamese",
        _ => "",
    }
}

/// HSDS API pages: `total_items`, `total_pages`, `page_number`, `size`, `first_page`,
/// `last_page`, `empty`, `contents`.
pub fn page(contents: Vec<Value>, total: usize, page: usize, per_page: usize) -> Value {
    let pages = total.div_ceil(per_page.max(1)).max(1);
    json!({
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": contents.len(),
        "first_page": page <= 1,
        "last_page": page >= pages,
        "empty": contents.is_empty(),
        "contents": contents,
    })
}
