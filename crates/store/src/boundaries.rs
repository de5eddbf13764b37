//! Boundary versions and stored crosswalks: values published for another boundary version are
//! carried into the stored districts with a crosswalk, in one transaction, each carried value
//! marked with the version it came from.

use serde::Serialize;
use sqlx::Row;

use kette_domain::boundary::{self, Carried, CrosswalkLink};
use kette_domain::{AccountId, MunicipalityId, NewObservation};

use crate::{util, Provenance, Result, Store, StoreError};

/// A stored crosswalk without its links.
#[derive(Debug, Clone, Serialize)]
pub struct CrosswalkSummary {
    pub id: i64,
    pub from_version: String,
    pub to_version: String,
    /// "area" (polygon overlap) or "file" (imported as given)
    pub method: String,
    pub source: String,
    pub created_at: String,
    pub links: i64,
    pub sources: i64,
    pub targets: i64,
}

/// What carrying an import did.
#[derive(Debug, Clone, Serialize)]
pub struct CarryReport {
    pub crosswalk: CrosswalkSummary,
    /// values written (in the stored districts)
    pub written: usize,
    pub carried: Carried,
}

impl Store {
    /// The boundary versions of the stored districts (normally one: the version in use).
    pub async fn boundary_versions(&self, municipality: MunicipalityId) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar("SELECT DISTINCT boundary_version FROM district WHERE municipality_id = $1 ORDER BY boundary_version")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?)
    }

    /// Stores a crosswalk from `from_version` into the stored districts of `to_version`,
    /// replacing an earlier one for the same pair. Every target key must be a stored district of
    /// `to_version` and the links must pass `boundary::check_links`; otherwise nothing is written
    /// and every problem is named.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_crosswalk(
        &self,
        municipality: MunicipalityId,
        from_version: &str,
        to_version: &str,
        method: &str,
        source: &str,
        links: &[CrosswalkLink],
        by: Option<AccountId>,
    ) -> Result<CrosswalkSummary> {
        let from_version = from_version.trim();
        if from_version.is_empty() || from_version == to_version {
            return Err(StoreError::Conflict(format!(
                "crosswalk: the source boundary version '{from_version}' must be named and differ from the target '{to_version}'"
            )));
        }
        let mut problems: Vec<String> = boundary::check_links(links).iter().map(|p| p.to_string()).collect();
        let known: std::collections::HashSet<String> =
            sqlx::query_scalar("SELECT key FROM district WHERE municipality_id = $1 AND boundary_version = $2")
                .bind(municipality)
                .bind(to_version)
                .fetch_all(&self.pool)
                .await?
                .into_iter()
                .collect();
        if known.is_empty() {
            return Err(StoreError::NotFound(format!("boundary version '{to_version}' (no stored districts)")));
        }
        let mut unknown: Vec<&str> = links.iter().map(|l| l.to.as_str()).filter(|k| !known.contains(*k)).collect();
        unknown.sort_unstable();
        unknown.dedup();
        if !unknown.is_empty() {
            problems.push(format!("target districts not in boundary version '{to_version}': {}", unknown.join(", ")));
        }
        if !problems.is_empty() {
            return Err(StoreError::Conflict(format!("crosswalk {from_version} → {to_version}: {}", problems.join("; "))));
        }
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM crosswalk WHERE municipality_id = $1 AND from_version = $2 AND to_version = $3")
            .bind(municipality)
            .bind(from_version)
            .bind(to_version)
            .execute(&mut *tx)
            .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO crosswalk (municipality_id, from_version, to_version, method, source, created_at, account_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(municipality)
        .bind(from_version)
        .bind(to_version)
        .bind(method)
        .bind(source)
        .bind(self.clock.timestamp())
        .bind(by)
        .fetch_one(&mut *tx)
        .await?;
        for chunk in links.chunks(200) {
            let mut sql = String::from("INSERT INTO crosswalk_link (crosswalk_id, from_key, to_key, weight) VALUES ");
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!("(${}, ${}, ${}, ${})", i * 4 + 1, i * 4 + 2, i * 4 + 3, i * 4 + 4));
            }
            let mut q = sqlx::query(&sql);
            for l in chunk {
                q = q.bind(id).bind(&l.from).bind(&l.to).bind(l.weight);
            }
            q.execute(&mut *tx).await?;
        }
        util::audit(
            &mut tx,
            &self.clock,
            municipality,
            by,
            "save",
            "crosswalk",
            Some(id),
            &format!("{from_version} → {to_version}, {} links", links.len()),
        )
        .await?;
        tx.commit().await?;
        self.crosswalks(municipality).await?.into_iter().find(|c| c.id == id).ok_or_else(|| StoreError::NotFound(format!("crosswalk {id}")))
    }

    pub async fn crosswalks(&self, municipality: MunicipalityId) -> Result<Vec<CrosswalkSummary>> {
        let rows = sqlx::query(
            "SELECT c.id, c.from_version, c.to_version, c.method, c.source, c.created_at,
                    COUNT(l.from_key) AS links, COUNT(DISTINCT l.from_key) AS sources, COUNT(DISTINCT l.to_key) AS targets
             FROM crosswalk c LEFT JOIN crosswalk_link l ON l.crosswalk_id = c.id
             WHERE c.municipality_id = $1 GROUP BY c.id, c.from_version, c.to_version, c.method, c.source, c.created_at
             ORDER BY c.from_version, c.to_version",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CrosswalkSummary {
                    id: r.try_get("id")?,
                    from_version: r.try_get("from_version")?,
                    to_version: r.try_get("to_version")?,
                    method: r.try_get("method")?,
                    source: r.try_get("source")?,
                    created_at: r.try_get("created_at")?,
                    links: r.try_get("links")?,
                    sources: r.try_get("sources")?,
                    targets: r.try_get("targets")?,
                })
            })
            .collect()
    }

    /// The crosswalk that carries `from_version` into the stored districts, with its links.
    pub async fn crosswalk_into_stored(
        &self,
        municipality: MunicipalityId,
        from_version: &str,
    ) -> Result<Option<(CrosswalkSummary, Vec<CrosswalkLink>)>> {
        let stored = self.boundary_versions(municipality).await?;
        let Some(summary) = self
            .crosswalks(municipality)
            .await?
            .into_iter()
            .rev()
            .find(|c| c.from_version == from_version && stored.contains(&c.to_version))
        else {
            return Ok(None);
        };
        let links = sqlx::query("SELECT from_key, to_key, weight FROM crosswalk_link WHERE crosswalk_id = $1 ORDER BY from_key, to_key")
            .bind(summary.id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok(CrosswalkLink { from: r.try_get("from_key")?, to: r.try_get("to_key")?, weight: r.try_get("weight")? }))
            .collect::<Result<Vec<_>>>()?;
        Ok(Some((summary, links)))
    }

    /// Carries values given for `from_version` into the stored districts and imports them in one
    /// transaction. Values for districts the crosswalk does not know are refused (nothing is
    /// written); stored districts that cannot be completed because a source district has no
    /// value are refused too unless `partial`, which writes the complete ones and reports the
    /// rest.
    pub async fn import_carried_observations(
        &self,
        municipality: MunicipalityId,
        rows: &[NewObservation],
        from_version: &str,
        provenance: Option<&Provenance>,
        partial: bool,
    ) -> Result<CarryReport> {
        self.import_carried_observations_defining(municipality, rows, from_version, provenance, partial, &[]).await
    }

    /// Like `import_carried_observations`, creating the indicators `defining` in the same
    /// transaction as the values.
    pub async fn import_carried_observations_defining(
        &self,
        municipality: MunicipalityId,
        rows: &[NewObservation],
        from_version: &str,
        provenance: Option<&Provenance>,
        partial: bool,
        defining: &[kette_domain::IndicatorDef],
    ) -> Result<CarryReport> {
        let Some((crosswalk, links)) = self.crosswalk_into_stored(municipality, from_version).await? else {
            let stored = self.boundary_versions(municipality).await?;
            if stored.iter().any(|v| v == from_version) {
                let n = self.import_observations_defining(municipality, rows, provenance, defining).await?;
                return Ok(CarryReport {
                    crosswalk: CrosswalkSummary {
                        id: 0,
                        from_version: from_version.into(),
                        to_version: from_version.into(),
                        method: "identity".into(),
                        source: String::new(),
                        created_at: String::new(),
                        links: 0,
                        sources: 0,
                        targets: 0,
                    },
                    written: n,
                    carried: Carried::default(),
                });
            }
            return Err(StoreError::NotFound(format!(
                "crosswalk from boundary version '{from_version}' into the stored districts ({}); import one first",
                stored.join(", ")
            )));
        };
        let counts: std::collections::HashSet<String> = self
            .indicators(municipality)
            .await?
            .into_iter()
            .map(|i| i.def)
            .chain(defining.iter().cloned())
            .filter(|d| boundary::is_count_unit(&d.unit))
            .map(|d| d.code)
            .collect();
        let note = format!("(umgerechnet vom Gebietsstand {from_version})");
        let carried = boundary::carry(rows, &links, |code| counts.contains(code), &note);
        if !carried.unknown_sources.is_empty() {
            return Err(StoreError::UnknownDistrict {
                key: carried.unknown_sources.join(", "),
                context: format!("not in the crosswalk from boundary version '{from_version}'"),
            });
        }
        if !carried.incomplete.is_empty() && !partial {
            let first = &carried.incomplete[0];
            return Err(StoreError::Conflict(format!(
                "{} districts cannot be completed from boundary version '{from_version}' (e.g. {} {} {}: no value for {}); \
                 import with partial to write the complete ones",
                carried.incomplete.len(),
                first.indicator_code,
                first.to,
                first.year,
                first.missing.join(", ")
            )));
        }
        let written = self.insert_observations(municipality, &carried.rows, provenance, Some(from_version), defining).await?;
        Ok(CarryReport { crosswalk, written, carried })
    }
}
