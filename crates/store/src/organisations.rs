use serde::Serialize;
use sqlx::Row;

use kette_domain::vocab::OrganisationKind;
use kette_domain::{ContactPerson, MunicipalityId, Organisation, OrganisationId};

use crate::offers::Page;
use crate::{util, Result, Store, StoreError};

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationSummary {
    pub id: OrganisationId,
    pub name: String,
    pub kind: OrganisationKind,
    pub offers: i64,
    pub locations: i64,
    pub is_fictional: bool,
}

impl Store {
    pub async fn list_organisations(
        &self,
        municipality: MunicipalityId,
        q: Option<&str>,
        page: u32,
        per_page: u32,
    ) -> Result<Page<OrganisationSummary>> {
        let page = page.max(1);
        let per_page = per_page.clamp(1, 500);
        let like = format!("%{}%", q.unwrap_or("").trim().to_lowercase().replace(['%', '_'], ""));
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisation WHERE municipality_id = $1 AND search_text LIKE $2")
            .bind(municipality)
            .bind(&like)
            .fetch_one(&self.pool)
            .await?;
        let rows = sqlx::query(
            "SELECT g.id, g.name, g.kind, g.is_fictional,
               (SELECT COUNT(*) FROM offer o WHERE o.organisation_id = g.id) AS offers,
               (SELECT COUNT(*) FROM location l WHERE l.organisation_id = g.id) AS locations
             FROM organisation g WHERE g.municipality_id = $1 AND g.search_text LIKE $2 ORDER BY g.sort_key, g.id LIMIT $3 OFFSET $4",
        )
        .bind(municipality)
        .bind(&like)
        .bind(per_page as i64)
        .bind(((page - 1) as i64) * per_page as i64)
        .fetch_all(&self.pool)
        .await?;
        let items = rows
            .iter()
            .map(|r| {
                Ok(OrganisationSummary {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    kind: OrganisationKind::parse(&r.try_get::<String, _>("kind")?).unwrap_or(OrganisationKind::Other),
                    offers: r.try_get("offers")?,
                    locations: r.try_get("locations")?,
                    is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Page { items, total, page, per_page })
    }

    pub async fn organisation(&self, municipality: MunicipalityId, id: OrganisationId) -> Result<Organisation> {
        self.organisations_by_ids(municipality, &[id]).await?.pop().ok_or_else(|| StoreError::NotFound(format!("organisation {id}")))
    }

    pub async fn organisation_by_key(&self, municipality: MunicipalityId, external_key: &str) -> Result<Option<OrganisationId>> {
        Ok(sqlx::query_scalar("SELECT id FROM organisation WHERE municipality_id = $1 AND external_key = $2")
            .bind(municipality)
            .bind(external_key)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Replaces the named contact persons of an organisation in one transaction.
    pub async fn set_contacts(
        &self,
        municipality: MunicipalityId,
        id: OrganisationId,
        contacts: &[ContactPerson],
        by: Option<i64>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        util::replace_contacts(&mut tx, id, contacts).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "update", "organisation", Some(id), "contacts").await?;
        tx.commit().await?;
        Ok(())
    }
}
