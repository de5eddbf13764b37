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

/// A saved walking-reach result, without its shares.
#[derive(Debug, Clone)]
pub struct ReachRun {
    pub id: i64,
    pub label: String,
    pub level: i64,
    pub method: String,
    pub network_sha256: Option<String>,
    pub parameters: String,
    pub created_by: Option<String>,
    pub created_at: String,
}

/// One area and life phase of a saved run: shares within 5, 10 and 15 minutes.
#[derive(Debug, Clone, PartialEq)]
pub struct ReachRunShare {
    pub district: i64,
    pub district_key: String,
    pub district_name: String,
    pub life_phase: String,
    pub within: [f64; 3],
}

impl Store {
    pub async fn reach_runs(&self, municipality: MunicipalityId) -> Result<Vec<ReachRun>> {
        let rows = sqlx::query(
            "SELECT r.id, r.label, r.level, r.method, r.network_sha256, r.parameters, a.display_name, r.created_at
             FROM reach_run r LEFT JOIN account a ON a.id = r.created_by WHERE r.municipality_id = $1 ORDER BY r.id DESC",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ReachRun {
                    id: r.try_get(0)?,
                    label: r.try_get(1)?,
                    level: r.try_get(2)?,
                    method: r.try_get(3)?,
                    network_sha256: r.try_get(4)?,
                    parameters: r.try_get(5)?,
                    created_by: r.try_get(6)?,
                    created_at: r.try_get(7)?,
                })
            })
            .collect()
    }

    pub async fn reach_run_shares(&self, municipality: MunicipalityId, run: i64) -> Result<Vec<ReachRunShare>> {
        let rows = sqlx::query(
            "SELECT s.district_id, d.key, d.name, s.life_phase, s.within_5, s.within_10, s.within_15
             FROM reach_run_share s JOIN reach_run r ON r.id = s.run_id JOIN district d ON d.id = s.district_id
             WHERE r.municipality_id = $1 AND r.id = $2 ORDER BY d.key, s.life_phase",
        )
        .bind(municipality)
        .bind(run)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ReachRunShare {
                    district: r.try_get(0)?,
                    district_key: r.try_get(1)?,
                    district_name: r.try_get(2)?,
                    life_phase: r.try_get(3)?,
                    within: [r.try_get(4)?, r.try_get(5)?, r.try_get(6)?],
                })
            })
            .collect()
    }

    /// Saves a run whole, its shares in the same transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_reach_run(
        &self,
        municipality: MunicipalityId,
        label: &str,
        level: i64,
        method: &str,
        network_sha256: Option<&str>,
        parameters: &str,
        shares: &[(i64, String, [f64; 3])],
        by: Option<AccountId>,
    ) -> Result<i64> {
        let label = label.trim();
        if label.is_empty() || label.chars().count() > 200 {
            return Err(crate::StoreError::Invalid {
                context: "reach run".into(),
                errors: kette_domain::ValidationErrors(vec![kette_domain::FieldError::new(
                    "label",
                    if label.is_empty() { "error-required" } else { "error-too-long" },
                    "a name of at most 200 characters",
                )]),
            });
        }
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO reach_run (municipality_id, label, level, method, network_sha256, parameters, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(municipality)
        .bind(label)
        .bind(level)
        .bind(method)
        .bind(network_sha256)
        .bind(parameters)
        .bind(by)
        .bind(self.clock.timestamp())
        .fetch_one(&mut *tx)
        .await?;
        for (district, phase, within) in shares {
            sqlx::query(
                "INSERT INTO reach_run_share (run_id, district_id, life_phase, within_5, within_10, within_15) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(district)
            .bind(phase)
            .bind(within[0])
            .bind(within[1])
            .bind(within[2])
            .execute(&mut *tx)
            .await?;
        }
        util::audit(&mut tx, &self.clock, municipality, by, "create", "reach_run", Some(id), label).await?;
        tx.commit().await?;
        Ok(id)
    }
}

/// A census cell as stored: its id, centre (lat, lon), people and children (None where secret).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCensusCell {
    pub id: String,
    pub at: [f64; 2],
    pub people: Option<f64>,
    pub children: Option<f64>,
}

/// What the imported census grid is, without its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct CensusGridInfo {
    pub file_name: String,
    pub sha256: String,
    pub people_column: Option<String>,
    pub children_column: Option<String>,
    pub cell_m: f64,
    pub cells: i64,
    pub imported_by: Option<String>,
    pub imported_at: String,
}

/// A census grid to store: the file, its columns and the cells in the municipality.
pub struct NewCensusGrid<'a> {
    pub file_name: &'a str,
    pub bytes: &'a [u8],
    pub people_column: Option<&'a str>,
    pub children_column: Option<&'a str>,
    pub cell_m: f64,
    pub cells: &'a [StoredCensusCell],
}

impl Store {
    /// Replaces the municipality's census grid in one transaction; returns the file's checksum.
    pub async fn save_census_grid(&self, municipality: MunicipalityId, grid: &NewCensusGrid<'_>, by: Option<AccountId>) -> Result<String> {
        let sha = format!("{:x}", Sha256::digest(grid.bytes));
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM census_cell WHERE municipality_id = $1").bind(municipality).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO census_grid (municipality_id, file_name, sha256, people_column, children_column, cell_m, imported_by, imported_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (municipality_id) DO UPDATE SET file_name = excluded.file_name, sha256 = excluded.sha256,
               people_column = excluded.people_column, children_column = excluded.children_column, cell_m = excluded.cell_m,
               imported_by = excluded.imported_by, imported_at = excluded.imported_at",
        )
        .bind(municipality)
        .bind(grid.file_name)
        .bind(&sha)
        .bind(grid.people_column)
        .bind(grid.children_column)
        .bind(grid.cell_m)
        .bind(by)
        .bind(self.clock.timestamp())
        .execute(&mut *tx)
        .await?;
        // many rows per statement: a city has tens of thousands of inhabited cells
        for chunk in grid.cells.chunks(150) {
            let values: Vec<String> = (0..chunk.len())
                .map(|i| {
                    let b = i * 6;
                    format!("(${}, ${}, ${}, ${}, ${}, ${})", b + 1, b + 2, b + 3, b + 4, b + 5, b + 6)
                })
                .collect();
            let sql =
                format!("INSERT INTO census_cell (municipality_id, cell_id, lat, lon, people, children) VALUES {}", values.join(", "));
            let mut q = sqlx::query(&sql);
            for c in chunk {
                q = q.bind(municipality).bind(&c.id).bind(c.at[0]).bind(c.at[1]).bind(c.people).bind(c.children);
            }
            q.execute(&mut *tx).await?;
        }
        util::bump(&mut tx, municipality).await?;
        util::audit(
            &mut tx,
            &self.clock,
            municipality,
            by,
            "import",
            "census_grid",
            None,
            &format!("{}: {} cells ({sha})", grid.file_name, grid.cells.len()),
        )
        .await?;
        tx.commit().await?;
        Ok(sha)
    }

    pub async fn census_grid(&self, municipality: MunicipalityId) -> Result<Option<CensusGridInfo>> {
        let row = sqlx::query(
            "SELECT g.file_name, g.sha256, g.people_column, g.children_column, g.cell_m,
               (SELECT COUNT(*) FROM census_cell c WHERE c.municipality_id = g.municipality_id), a.display_name, g.imported_at
             FROM census_grid g LEFT JOIN account a ON a.id = g.imported_by WHERE g.municipality_id = $1",
        )
        .bind(municipality)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(CensusGridInfo {
                file_name: r.try_get(0)?,
                sha256: r.try_get(1)?,
                people_column: r.try_get(2)?,
                children_column: r.try_get(3)?,
                cell_m: r.try_get(4)?,
                cells: r.try_get(5)?,
                imported_by: r.try_get(6)?,
                imported_at: r.try_get(7)?,
            })
        })
        .transpose()
    }

    /// The census cells as origins of children: (lat, lon) and the children where the grid
    /// has them, else the people; None where that count is secret.
    pub async fn census_origins(&self, municipality: MunicipalityId) -> Result<Vec<([f64; 2], Option<f64>)>> {
        let rows = sqlx::query(
            "SELECT c.lat, c.lon, CASE WHEN g.children_column IS NOT NULL THEN c.children ELSE c.people END
             FROM census_cell c JOIN census_grid g ON g.municipality_id = c.municipality_id
             WHERE c.municipality_id = $1 ORDER BY c.cell_id",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(([r.try_get(0)?, r.try_get(1)?], r.try_get(2)?))).collect()
    }

    pub async fn census_cells(&self, municipality: MunicipalityId) -> Result<Vec<StoredCensusCell>> {
        let rows = sqlx::query("SELECT cell_id, lat, lon, people, children FROM census_cell WHERE municipality_id = $1 ORDER BY cell_id")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredCensusCell {
                    id: r.try_get(0)?,
                    at: [r.try_get(1)?, r.try_get(2)?],
                    people: r.try_get(3)?,
                    children: r.try_get(4)?,
                })
            })
            .collect()
    }
}
