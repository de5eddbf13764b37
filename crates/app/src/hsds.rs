//! Open Referral HSDS 3.0 out of the directory, written once for the read API and the file
//! export: records as the reader may see them (places, notes, unpublished services through the
//! one confidentiality rule), mapped by `kette-hsds`.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use kette_domain::disclosure::Disclosure;
use kette_domain::vocab::Vocabulary;
use kette_domain::{MunicipalityId, OfferId};
use kette_hsds::{Audience, Exporter, Ids, LocationRecord, OfferRecord, OrganisationRecord, TextRecord};
use kette_store::{KeyTable, Store};

use crate::Result;

pub struct HsdsContext {
    pub municipality: MunicipalityId,
    pub ids: Ids,
    pub vocab: std::sync::Arc<Vocabulary>,
    pub audience: Audience,
    /// What the reader may see: places, notes and unpublished services are filtered by it.
    pub disclosure: kette_domain::disclosure::Disclosure,
    pub state_province: String,
}

/// The reader's audience in HSDS terms: staff get working data (approval, notes they may read,
/// places they may see); the rest is decided per record by the disclosure.
pub fn audience_of(d: &kette_domain::disclosure::Disclosure) -> Audience {
    if d.reader().is_some_and(|a| a.role != kette_domain::Role::Viewer) {
        Audience::Internal
    } else {
        Audience::Public
    }
}

impl HsdsContext {
    /// The reader's context: what they may see of places, notes and unpublished services.
    pub fn new(municipality: &kette_domain::Municipality, disclosure: Disclosure, vocab: std::sync::Arc<Vocabulary>) -> HsdsContext {
        HsdsContext {
            municipality: municipality.id,
            ids: Ids::new(&municipality.slug),
            vocab,
            audience: audience_of(&disclosure),
            disclosure,
            state_province: municipality.name.clone(),
        }
    }

    pub fn exporter(&self) -> Exporter<'_> {
        Exporter { ids: self.ids.clone(), vocab: &self.vocab, audience: self.audience, state_province: self.state_province.clone() }
    }
}

/// The exporter's context for a file export (no request behind it).
async fn export_context(store: &Store, municipality: &kette_domain::Municipality, internal: bool) -> Result<HsdsContext> {
    // the operator's internal export sees everything, like coordination
    let reader = internal.then_some(kette_domain::access::Actor { role: kette_domain::Role::Admin, organisation_id: None });
    let disclosure = Disclosure::new(reader, municipality.confidentiality);
    Ok(HsdsContext::new(municipality, disclosure, std::sync::Arc::new(store.vocabulary(municipality.id).await?)))
}

/// Every offer of the municipality as a full HSDS service, in id order, handed to `each` a
/// chunk at a time (the file export; a state-sized directory never sits in memory as JSON).
/// `internal`: also offers the public does not see, and protected addresses.
pub async fn export_services(
    store: &Store,
    municipality: &kette_domain::Municipality,
    internal: bool,
    mut each: impl FnMut(Value),
) -> Result<usize> {
    let cx = export_context(store, municipality, internal).await?;
    let ex = cx.exporter();
    let ids = store.offer_ids(municipality.id).await?;
    let mut n = 0;
    for chunk in ids.chunks(500) {
        for (o, org, locs) in records(store, &cx, chunk).await? {
            if cx.disclosure.sees_unpublished_offers_of(o.input.organisation_id)
                || crate::offer_is_public(store.today(), &municipality.review, &o.input, o.approval)
            {
                each(ex.service(&o, &org, &locs, true));
                n += 1;
            }
        }
    }
    Ok(n)
}

/// Offers with everything the exporter needs, in the order given, as the context's reader may
/// see them (places and notes filtered; the caller decides about unpublished offers).
pub async fn records(
    store: &Store,
    cx: &HsdsContext,
    ids: &[OfferId],
) -> Result<Vec<(OfferRecord, OrganisationRecord, Vec<LocationRecord>)>> {
    let m = cx.municipality;
    let offers = store.offers_for_index(m, Some(ids)).await?;
    let offer_keys = store.external_keys(m, KeyTable::Offer, ids).await?;
    let org_ids: Vec<i64> = offers.iter().map(|o| o.offer.input.organisation_id).collect::<HashSet<_>>().into_iter().collect();
    let orgs: HashMap<i64, kette_domain::Organisation> =
        store.organisations_by_ids(m, &org_ids).await?.into_iter().map(|o| (o.id, o)).collect();
    let org_keys = store.external_keys(m, KeyTable::Organisation, &org_ids).await?;
    let loc_ids: Vec<i64> = offers.iter().flat_map(|o| o.offer.locations.iter().map(|l| l.id)).collect();
    let loc_keys = store.external_keys(m, KeyTable::Location, &loc_ids).await?;
    let notes = if cx.audience == Audience::Internal { store.internal_notes(m, ids).await? } else { HashMap::new() };
    let mut by_id: HashMap<OfferId, _> = offers.into_iter().map(|o| (o.offer.id, o)).collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(o) = by_id.remove(id) else { continue };
        let Some(org) = orgs.get(&o.offer.input.organisation_id) else { continue };
        let organisation = OrganisationRecord {
            id: org.id,
            external_key: org_keys.get(&org.id).cloned(),
            name: org.name.clone(),
            kind: org.kind,
            description: org.description.clone(),
            website: org.website.clone(),
            email: org.email.clone(),
            phone: org.phone.clone(),
            contacts: org.contacts.clone(),
        };
        let locations = o
            .offer
            .locations
            .iter()
            .filter(|l| crate::places::visible(&cx.disclosure, l))
            .map(|l| LocationRecord { location: l.clone(), external_key: loc_keys.get(&l.id).cloned() })
            .collect();
        let note_visible = cx.disclosure.sees_internal_note(o.offer.input.organisation_id);
        let record = OfferRecord {
            id: o.offer.id,
            external_key: offer_keys.get(&o.offer.id).cloned(),
            approval: o.offer.approval,
            input: o.offer.input,
            translations: o
                .translations
                .into_iter()
                .map(|t| TextRecord { language: t.language, title: t.title, description: t.description })
                .collect(),
            updated_at: o.offer.updated_at,
            internal_note: if note_visible { notes.get(id).cloned().unwrap_or_default() } else { String::new() },
        };
        out.push((record, organisation, locations));
    }
    Ok(out)
}

/// Every organisation of the municipality with its locations (no services), handed to `each`
/// (the tabular file export adds the organisations no exported service names).
pub async fn export_organisations(
    store: &Store,
    municipality: &kette_domain::Municipality,
    internal: bool,
    mut each: impl FnMut(Value),
) -> Result<usize> {
    let cx = export_context(store, municipality, internal).await?;
    let mut n = 0;
    for chunk in all_organisation_ids(store, municipality.id, None).await?.chunks(500) {
        for v in organisation_values(store, &cx, chunk, false).await? {
            each(v);
            n += 1;
        }
    }
    Ok(n)
}

/// The ids of every organisation (matching `search`), read a page at a time.
pub async fn all_organisation_ids(store: &Store, municipality: MunicipalityId, search: Option<&str>) -> Result<Vec<i64>> {
    let mut all = vec![];
    let mut page = 1;
    loop {
        let r = store.list_organisations(municipality, search, page, 500).await?;
        let n = r.items.len();
        all.extend(r.items.into_iter().map(|o| o.id));
        if n < 500 {
            return Ok(all);
        }
        page += 1;
    }
}

/// Organisations as HSDS organizations with the places the reader may see (and, with
/// `with_services`, the services the reader may see).
pub async fn organisation_values(store: &Store, cx: &HsdsContext, ids: &[i64], with_services: bool) -> Result<Vec<Value>> {
    let m = cx.municipality;
    let s = store;
    let orgs = s.organisations_by_ids(m, ids).await?;
    let keys = s.external_keys(m, KeyTable::Organisation, ids).await?;
    let ex = cx.exporter();
    let mut out = Vec::with_capacity(orgs.len());
    for org in orgs {
        let locations = crate::places::visible_only(&cx.disclosure, s.organisation_locations(m, org.id).await?);
        let loc_ids: Vec<i64> = locations.iter().map(|l| l.id).collect();
        let loc_keys = s.external_keys(m, KeyTable::Location, &loc_ids).await?;
        let record = OrganisationRecord {
            id: org.id,
            external_key: keys.get(&org.id).cloned(),
            name: org.name,
            kind: org.kind,
            description: org.description,
            website: org.website,
            email: org.email,
            phone: org.phone,
            contacts: org.contacts,
        };
        let locs: Vec<LocationRecord> =
            locations.into_iter().map(|l| LocationRecord { external_key: loc_keys.get(&l.id).cloned(), location: l }).collect();
        let mut v = ex.organization(&record, &locs);
        if with_services {
            let offer_ids = s.offer_ids_of_organisation(m, org.id).await?;
            let policy = s.municipality(m).await?.review;
            let services: Vec<Value> = records(s, cx, &offer_ids)
                .await?
                .iter()
                .filter(|(o, _, _)| {
                    cx.disclosure.sees_unpublished_offers_of(o.input.organisation_id)
                        || crate::offer_is_public(s.today(), &policy, &o.input, o.approval)
                })
                .map(|(o, org, locs)| ex.service(o, org, locs, false))
                .collect();
            if let Some(map) = v.as_object_mut() {
                map.insert("services".into(), Value::Array(services));
            }
        }
        out.push(v);
    }
    Ok(out)
}
