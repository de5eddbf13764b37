//! Reads for exchanging the directory with others (Open Referral HSDS): external keys, whole
//! organisations in bulk, internal notes, offer–place pairs.

use std::collections::HashMap;

use sqlx::Row;

use kette_domain::vocab::OrganisationKind;
use kette_domain::{ContactPerson, MunicipalityId, OfferId, Organisation};

use crate::{Result, Store};

/// Tables whose rows carry an external key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTable {
    Offer,
    Organisation,
    Location,
}

impl KeyTable {
    fn table(self) -> &'static str {
        match self {
            KeyTable::Offer => "offer",
            KeyTable::Organisation => "organisation",
            KeyTable::Location => "location",
        }
    }
}

fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        "NULL".into()
    } else {
        ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
    }
}

impl Store {
    pub async fn external_keys(&self, municipality: MunicipalityId, table: KeyTable, ids: &[i64]) -> Result<HashMap<i64, String>> {
        let rows = sqlx::query(&format!(
            "SELECT id, external_key FROM {} WHERE municipality_id = $1 AND external_key IS NOT NULL AND id IN ({})",
            table.table(),
            id_list(ids)
        ))
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("external_key")?))).collect()
    }

    pub async fn id_by_external_key(&self, municipality: MunicipalityId, table: KeyTable, key: &str) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(&format!("SELECT id FROM {} WHERE municipality_id = $1 AND external_key = $2", table.table()))
            .bind(municipality)
            .bind(key)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Organisations with their contact persons, in id order.
    pub async fn organisations_by_ids(&self, municipality: MunicipalityId, ids: &[i64]) -> Result<Vec<Organisation>> {
        let mut contacts: HashMap<i64, Vec<ContactPerson>> = HashMap::new();
        for c in sqlx::query(&format!(
            "SELECT organisation_id, name, role, email, phone FROM contact_person WHERE organisation_id IN ({}) ORDER BY id",
            id_list(ids)
        ))
        .fetch_all(&self.pool)
        .await?
        {
            contacts.entry(c.try_get("organisation_id")?).or_default().push(ContactPerson {
                name: c.try_get("name")?,
                role: c.try_get("role")?,
                email: c.try_get("email")?,
                phone: c.try_get("phone")?,
            });
        }
        let rows = sqlx::query(&format!("SELECT * FROM organisation WHERE municipality_id = $1 AND id IN ({}) ORDER BY id", id_list(ids)))
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                Ok(Organisation {
                    id,
                    name: r.try_get("name")?,
                    kind: OrganisationKind::parse(&r.try_get::<String, _>("kind")?).unwrap_or(OrganisationKind::Other),
                    description: r.try_get("description")?,
                    website: r.try_get("website")?,
                    email: r.try_get("email")?,
                    phone: r.try_get("phone")?,
                    contacts: contacts.remove(&id).unwrap_or_default(),
                })
            })
            .collect()
    }

    pub async fn internal_notes(&self, municipality: MunicipalityId, ids: &[OfferId]) -> Result<HashMap<OfferId, String>> {
        let rows = sqlx::query(&format!(
            "SELECT id, internal_note FROM offer WHERE municipality_id = $1 AND internal_note <> '' AND id IN ({})",
            id_list(ids)
        ))
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("internal_note")?))).collect()
    }

    /// Every (offer, place) pair of the municipality whose place the reader sees (`scope`), in
    /// offer and place order.
    pub async fn offer_location_pairs(
        &self,
        municipality: MunicipalityId,
        scope: &kette_domain::disclosure::PlaceScope,
    ) -> Result<Vec<(OfferId, i64)>> {
        let sql = format!(
            "SELECT ol.offer_id, ol.location_id FROM offer_location ol JOIN location l ON l.id = ol.location_id
             WHERE l.municipality_id = $1 AND {} ORDER BY ol.offer_id, ol.location_id",
            crate::util::place_clause(2)
        );
        let rows = crate::util::bind_place_scope(sqlx::query(&sql).bind(municipality), scope).fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok((r.try_get("offer_id")?, r.try_get("location_id")?))).collect()
    }
}
