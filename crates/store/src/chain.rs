//! The links of the chain (issue 16): "what comes next" after an offer. A new link is checked
//! against all links of the municipality inside the write transaction, so two coordinators
//! linking at the same moment cannot close a cycle between them.

use sqlx::Row;

use kette_domain::chain::{check_link, ChainLinkInput};
use kette_domain::{AccountId, FieldError, MunicipalityId, TermKind, ValidationErrors};

use crate::{util, Result, Store, StoreError};

/// organisation → [(kind, code)] of the life phases and transitions its active offers serve.
pub type OrganisationTerms = std::collections::HashMap<i64, Vec<(String, String)>>;

/// A stored link with the titles and organisations of both offers (German, as entered).
#[derive(Debug, Clone, serde::Serialize)]
pub struct OfferLink {
    pub id: i64,
    pub from_offer_id: i64,
    pub from_title: String,
    pub from_organisation: String,
    pub from_organisation_id: i64,
    pub to_offer_id: i64,
    pub to_title: String,
    pub to_organisation: String,
    pub to_organisation_id: i64,
    pub transition: Option<String>,
    pub is_fictional: bool,
    /// The day it was linked.
    pub created_on: String,
}

const LINK_COLS: &str = "k.id, k.from_offer_id, a.title AS from_title, oa.name AS from_org, a.organisation_id AS from_org_id, k.to_offer_id, b.title AS to_title,
    ob.name AS to_org, b.organisation_id AS to_org_id, k.transition, k.is_fictional, substr(k.created_at, 1, 10) AS created_on
    FROM offer_link k JOIN offer a ON a.id = k.from_offer_id JOIN organisation oa ON oa.id = a.organisation_id
    JOIN offer b ON b.id = k.to_offer_id JOIN organisation ob ON ob.id = b.organisation_id";

fn link_from_row(r: &sqlx::any::AnyRow) -> Result<OfferLink> {
    Ok(OfferLink {
        id: r.try_get("id")?,
        from_offer_id: r.try_get("from_offer_id")?,
        from_title: r.try_get("from_title")?,
        from_organisation: r.try_get("from_org")?,
        from_organisation_id: r.try_get("from_org_id")?,
        to_offer_id: r.try_get("to_offer_id")?,
        to_title: r.try_get("to_title")?,
        to_organisation: r.try_get("to_org")?,
        to_organisation_id: r.try_get("to_org_id")?,
        transition: r.try_get("transition")?,
        is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
        created_on: r.try_get("created_on")?,
    })
}

impl Store {
    /// Every link of the municipality, in the order of the first offer's title.
    pub async fn offer_links(&self, municipality: MunicipalityId) -> Result<Vec<OfferLink>> {
        let rows = sqlx::query(&format!("SELECT {LINK_COLS} WHERE k.municipality_id = $1 ORDER BY a.title, b.title, k.id"))
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(link_from_row).collect()
    }

    /// The links into and out of one offer: (what comes before, what comes next).
    pub async fn links_of_offer(&self, municipality: MunicipalityId, offer: i64) -> Result<(Vec<OfferLink>, Vec<OfferLink>)> {
        let rows = sqlx::query(&format!(
            "SELECT {LINK_COLS} WHERE k.municipality_id = $1 AND (k.from_offer_id = $2 OR k.to_offer_id = $2) ORDER BY a.title, b.title, k.id"
        ))
        .bind(municipality)
        .bind(offer)
        .fetch_all(&self.pool)
        .await?;
        let links = rows.iter().map(link_from_row).collect::<Result<Vec<_>>>()?;
        let (next, before): (Vec<_>, Vec<_>) = links.into_iter().partition(|l| l.from_offer_id == offer);
        Ok((before, next))
    }

    /// Links one offer to the next: both offers of this municipality, a known transition, not a
    /// step that exists and not one that would close a cycle (`kette_domain::chain`).
    pub async fn add_offer_link(
        &self,
        municipality: MunicipalityId,
        input: &ChainLinkInput,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let mut errors = vec![];
        for (field, id) in [("from_offer_id", input.from_offer_id), ("to_offer_id", input.to_offer_id)] {
            if !util::belongs(&mut tx, municipality, "offer", id).await? {
                errors.push(FieldError::new(field, "error-unknown", format!("no offer {id} here")));
            }
        }
        if let Some(t) = input.transition.as_deref() {
            if self.vocabulary(municipality).await?.get(TermKind::Transition, t).is_none() {
                errors.push(FieldError::new("transition", "error-unknown-term", format!("unknown transition '{t}'")));
            }
        }
        if errors.is_empty() {
            let existing: Vec<(i64, i64)> = sqlx::query("SELECT from_offer_id, to_offer_id FROM offer_link WHERE municipality_id = $1")
                .bind(municipality)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                .collect::<Result<_>>()?;
            if let Err(e) = check_link(input, &existing) {
                errors = e;
            }
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid { context: "chain link".into(), errors: ValidationErrors(errors) });
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO offer_link (municipality_id, from_offer_id, to_offer_id, transition, is_fictional, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(municipality)
        .bind(input.from_offer_id)
        .bind(input.to_offer_id)
        .bind(input.transition.as_deref())
        .bind(is_fictional as i64)
        .bind(self.clock.timestamp())
        .fetch_one(&mut *tx)
        .await?;
        let what = format!("{} → {}", input.from_offer_id, input.to_offer_id);
        util::audit(&mut tx, &self.clock, municipality, by, "create", "offer_link", Some(id), &what).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Removes a link; false when there was none.
    pub async fn remove_offer_link(&self, municipality: MunicipalityId, id: i64, by: Option<AccountId>) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let removed = sqlx::query("DELETE FROM offer_link WHERE id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(municipality)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            > 0;
        if removed {
            util::audit(&mut tx, &self.clock, municipality, by, "delete", "offer_link", Some(id), "").await?;
        }
        tx.commit().await?;
        Ok(removed)
    }

    /// The life phases and transitions each organisation's active offers serve:
    /// organisation → [(kind, code)], kinds `life_phase` and `transition`. Kept per data
    /// generation: reading it takes tens of milliseconds over a city's offers.
    pub async fn organisation_terms(&self, municipality: MunicipalityId) -> Result<std::sync::Arc<OrganisationTerms>> {
        let generation = self.generation(municipality).await?;
        if let Some((g, terms)) = self.terms_cache.lock().ok().and_then(|c| c.get(&municipality).cloned()) {
            if g == generation {
                return Ok(terms);
            }
        }
        let terms = std::sync::Arc::new(self.read_organisation_terms(municipality).await?);
        if let Ok(mut cache) = self.terms_cache.lock() {
            cache.insert(municipality, (generation, terms.clone()));
        }
        Ok(terms)
    }

    async fn read_organisation_terms(&self, municipality: MunicipalityId) -> Result<OrganisationTerms> {
        let rows = sqlx::query(
            "SELECT DISTINCT o.organisation_id, t.kind, t.code FROM offer o JOIN offer_term t ON t.offer_id = o.id
             WHERE o.municipality_id = $1 AND o.status = 'active' AND t.kind IN ('life_phase', 'transition')",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        let mut out: std::collections::HashMap<i64, Vec<(String, String)>> = std::collections::HashMap::new();
        for r in &rows {
            out.entry(r.try_get(0)?).or_default().push((r.try_get(1)?, r.try_get(2)?));
        }
        Ok(out)
    }

    /// The offers located in a district or below it (all offers of the municipality without a
    /// district): id, title, organisation, status and its life phases — what the chain diagram
    /// places in its columns.
    pub async fn offers_in_district(
        &self,
        municipality: MunicipalityId,
        district: Option<i64>,
    ) -> Result<Vec<(i64, String, String, Vec<String>)>> {
        let clause = if district.is_some() {
            " AND EXISTS (SELECT 1 FROM offer_location ol JOIN location l ON l.id = ol.location_id JOIN district s ON s.id = l.district_id
                WHERE ol.offer_id = o.id AND s.path LIKE (SELECT path FROM district WHERE id = $2) || '%')"
        } else {
            " AND $2 = $2"
        };
        let rows = sqlx::query(&format!(
            "SELECT o.id, o.title, org.name, t.code FROM offer o JOIN organisation org ON org.id = o.organisation_id
             LEFT JOIN offer_term t ON t.offer_id = o.id AND t.kind = 'life_phase'
             WHERE o.municipality_id = $1 AND o.status = 'active'{clause} ORDER BY o.title, o.id"
        ))
        .bind(municipality)
        .bind(district.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<(i64, String, String, Vec<String>)> = vec![];
        for r in &rows {
            let id: i64 = r.try_get(0)?;
            let phase: Option<String> = r.try_get(3)?;
            match out.last_mut() {
                Some(last) if last.0 == id => last.3.extend(phase),
                _ => out.push((id, r.try_get(1)?, r.try_get(2)?, phase.into_iter().collect())),
            }
        }
        Ok(out)
    }
}
