//! Street networks for reachability (issue 14): each municipality's OpenStreetMap extract per
//! travel profile, stored as imported and replaced whole by the next import.

use sha2::{Digest, Sha256};
use sqlx::Row;

use kette_domain::{AccountId, MunicipalityId};

use crate::{util, Result, Store};

/// What an imported network holds, without the extract itself.
#[derive(Debug, Clone)]
pub struct StreetNetworkInfo {
    pub profile: String,
    pub file_name: String,
    pub sha256: String,
    pub bytes: i64,
    pub ways: i64,
    pub junctions: i64,
    pub edges: i64,
    pub imported_by: Option<String>,
    pub imported_at: String,
}

/// Counts of the network built from an extract, checked by the caller before it is stored.
#[derive(Debug, Clone, Copy)]
pub struct NetworkCounts {
    pub ways: usize,
    pub junctions: usize,
    pub edges: usize,
}

impl Store {
    pub async fn street_networks(&self, municipality: MunicipalityId) -> Result<Vec<StreetNetworkInfo>> {
        let rows = sqlx::query(
            "SELECT n.profile, n.file_name, n.sha256, length(n.extract), n.ways, n.junctions, n.edges, a.display_name, n.imported_at
             FROM street_network n LEFT JOIN account a ON a.id = n.imported_by WHERE n.municipality_id = $1 ORDER BY n.profile",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(StreetNetworkInfo {
                    profile: r.try_get(0)?,
                    file_name: r.try_get(1)?,
                    sha256: r.try_get(2)?,
                    bytes: r.try_get(3)?,
                    ways: r.try_get(4)?,
                    junctions: r.try_get(5)?,
                    edges: r.try_get(6)?,
                    imported_by: r.try_get(7)?,
                    imported_at: r.try_get(8)?,
                })
            })
            .collect()
    }

    /// The extract of a profile's network with its checksum, if one is imported.
    pub async fn street_network_extract(&self, municipality: MunicipalityId, profile: &str) -> Result<Option<(String, Vec<u8>)>> {
        let row = sqlx::query("SELECT sha256, extract FROM street_network WHERE municipality_id = $1 AND profile = $2")
            .bind(municipality)
            .bind(profile)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).transpose()
    }

    /// The checksum of a profile's network, to tell whether a built network is still current.
    pub async fn street_network_sha(&self, municipality: MunicipalityId, profile: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar("SELECT sha256 FROM street_network WHERE municipality_id = $1 AND profile = $2")
            .bind(municipality)
            .bind(profile)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Stores an extract the caller has read and built (so it is known to be usable), replacing
    /// the profile's network in one transaction.
    pub async fn save_street_network(
        &self,
        municipality: MunicipalityId,
        profile: &str,
        file_name: &str,
        extract: &[u8],
        counts: NetworkCounts,
        by: Option<AccountId>,
    ) -> Result<String> {
        let sha = format!("{:x}", Sha256::digest(extract));
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO street_network (municipality_id, profile, file_name, sha256, extract, ways, junctions, edges, imported_by, imported_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (municipality_id, profile) DO UPDATE SET file_name = excluded.file_name, sha256 = excluded.sha256,
               extract = excluded.extract, ways = excluded.ways, junctions = excluded.junctions, edges = excluded.edges,
               imported_by = excluded.imported_by, imported_at = excluded.imported_at",
        )
        .bind(municipality)
        .bind(profile)
        .bind(file_name)
        .bind(&sha)
        .bind(extract)
        .bind(counts.ways as i64)
        .bind(counts.junctions as i64)
        .bind(counts.edges as i64)
        .bind(by)
        .bind(self.clock.timestamp())
        .execute(&mut *tx)
        .await?;
        // the analyses on the old network are stale
        util::bump(&mut tx, municipality).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "import", "street_network", None, &format!("{profile}: {file_name} ({sha})"))
            .await?;
        tx.commit().await?;
        Ok(sha)
    }
}
