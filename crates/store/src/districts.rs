use std::collections::HashMap;

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use kette_domain::disclosure::Sealed;
use kette_domain::{AgeGroup, DistrictId, DistrictLevel, MunicipalityId, NewDistrict, PopulationCount};

use crate::{util, Result, Store, StoreError};

#[derive(Debug, Clone, Serialize)]
pub struct DistrictSummary {
    pub id: DistrictId,
    pub key: String,
    pub name: String,
    pub level: i64,
    pub parent_id: Option<DistrictId>,
    pub boundary_version: String,
    pub children: i64,
    pub offers: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct DistrictDetail {
    pub district: kette_domain::District,
    pub path: String,
    pub ancestors: Vec<DistrictSummary>,
    pub children: Vec<DistrictSummary>,
}

fn summary_from_row(r: &AnyRow) -> Result<DistrictSummary> {
    Ok(DistrictSummary {
        id: r.try_get("id")?,
        key: r.try_get("key")?,
        name: r.try_get("name")?,
        level: r.try_get("level")?,
        parent_id: r.try_get("parent_id")?,
        boundary_version: r.try_get("boundary_version")?,
        children: r.try_get("children")?,
        offers: r.try_get("offers")?,
    })
}

const SUMMARY_SELECT: &str = "SELECT d.id, d.key, d.name, d.level, d.parent_id, d.boundary_version,
    (SELECT COUNT(*) FROM district c WHERE c.parent_id = d.id) AS children,
    (SELECT COUNT(DISTINCT ol.offer_id) FROM district s JOIN location l ON l.district_id = s.id
        JOIN offer_location ol ON ol.location_id = l.id JOIN offer o ON o.id = ol.offer_id
        WHERE s.municipality_id = d.municipality_id AND s.path LIKE d.path || '%' AND o.status = 'active') AS offers
    FROM district d";

impl Store {
    /// Imports districts in one transaction. Parents must be in the batch before their children
    /// or already stored; an existing key is updated (name, geometry), never duplicated.
    pub async fn import_districts(
        &self,
        municipality: MunicipalityId,
        levels: &[DistrictLevel],
        districts: &[NewDistrict],
    ) -> Result<usize> {
        let mut tx = self.begin_write().await?;
        for l in levels {
            sqlx::query(
                "INSERT INTO district_level (municipality_id, level, code, label_de, label_en) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (municipality_id, level) DO UPDATE SET code = excluded.code, label_de = excluded.label_de, label_en = excluded.label_en",
            )
            .bind(municipality)
            .bind(l.level)
            .bind(&l.code)
            .bind(&l.label_de)
            .bind(&l.label_en)
            .execute(&mut *tx)
            .await?;
        }
        // (version, key) -> (id, path)
        let mut known: HashMap<(String, String), (i64, String)> = HashMap::new();
        for r in sqlx::query("SELECT id, key, path, boundary_version FROM district WHERE municipality_id = $1")
            .bind(municipality)
            .fetch_all(&mut *tx)
            .await?
        {
            known.insert((r.try_get("boundary_version")?, r.try_get("key")?), (r.try_get("id")?, r.try_get("path")?));
        }
        for (i, d) in districts.iter().enumerate() {
            let (parent_id, parent_path) = match &d.parent_key {
                None => (None, "/".to_string()),
                Some(pk) => {
                    let (id, path) = known.get(&(d.boundary_version.clone(), pk.clone())).ok_or_else(|| StoreError::UnknownDistrict {
                        key: pk.clone(),
                        context: format!("parent of district '{}' (record {})", d.key, i + 1),
                    })?;
                    (Some(*id), path.clone())
                }
            };
            let path = format!("{parent_path}{}/", d.key);
            let [min_lon, min_lat, max_lon, max_lat] = d.bbox.map(|b| b.map(Some)).unwrap_or([None; 4]);
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO district (municipality_id, key, name, level, parent_id, boundary_version, path, geometry, area_m2, min_lon, min_lat, max_lon, max_lat, outline)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                 ON CONFLICT (municipality_id, boundary_version, key) DO UPDATE SET name = excluded.name, level = excluded.level,
                   parent_id = excluded.parent_id, path = excluded.path, geometry = excluded.geometry, outline = excluded.outline, area_m2 = excluded.area_m2,
                   min_lon = excluded.min_lon, min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat
                 RETURNING id",
            )
            .bind(municipality)
            .bind(&d.key)
            .bind(&d.name)
            .bind(d.level)
            .bind(parent_id)
            .bind(&d.boundary_version)
            .bind(&path)
            .bind(d.geometry.as_deref())
            .bind(d.area_m2)
            .bind(min_lon)
            .bind(min_lat)
            .bind(max_lon)
            .bind(max_lat)
            .bind(d.outline.as_deref())
            .fetch_one(&mut *tx)
            .await?;
            known.insert((d.boundary_version.clone(), d.key.clone()), (id, path));
        }
        util::audit(&mut tx, &self.clock, municipality, None, "import", "district", None, &format!("{} districts", districts.len()))
            .await?;
        util::bump_stats(&mut tx, municipality).await?;
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(districts.len())
    }

    pub async fn district_levels(&self, municipality: MunicipalityId) -> Result<Vec<DistrictLevel>> {
        let rows = sqlx::query("SELECT level, code, label_de, label_en FROM district_level WHERE municipality_id = $1 ORDER BY level")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(DistrictLevel {
                    level: r.try_get("level")?,
                    code: r.try_get("code")?,
                    label_de: r.try_get("label_de")?,
                    label_en: r.try_get("label_en")?,
                })
            })
            .collect()
    }

    /// Districts with a given parent (None = the top level), ordered by key.
    pub async fn district_children(&self, municipality: MunicipalityId, parent: Option<DistrictId>) -> Result<Vec<DistrictSummary>> {
        let rows = match parent {
            Some(p) => {
                sqlx::query(&format!("{SUMMARY_SELECT} WHERE d.municipality_id = $1 AND d.parent_id = $2 ORDER BY d.key"))
                    .bind(municipality)
                    .bind(p)
                    .fetch_all(&self.pool)
                    .await?
            }
            None => {
                sqlx::query(&format!("{SUMMARY_SELECT} WHERE d.municipality_id = $1 AND d.parent_id IS NULL ORDER BY d.key"))
                    .bind(municipality)
                    .fetch_all(&self.pool)
                    .await?
            }
        };
        rows.iter().map(summary_from_row).collect()
    }

    /// All districts (optionally one level) without offer counts: for pickers and the API.
    pub async fn districts(
        &self,
        municipality: MunicipalityId,
        level: Option<i64>,
        page: u32,
        per_page: u32,
    ) -> Result<(Vec<kette_domain::District>, i64)> {
        let level_clause = if level.is_some() { " AND level = $2" } else { " AND $2 = $2" };
        let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM district WHERE municipality_id = $1{level_clause}"))
            .bind(municipality)
            .bind(level.unwrap_or(0))
            .fetch_one(&self.pool)
            .await?;
        let rows = sqlx::query(&format!(
            "SELECT id, key, name, level, parent_id, boundary_version, area_m2, min_lon, min_lat, max_lon, max_lat FROM district
             WHERE municipality_id = $1{level_clause} ORDER BY level, key LIMIT $3 OFFSET $4"
        ))
        .bind(municipality)
        .bind(level.unwrap_or(0))
        .bind(per_page as i64)
        .bind((page.saturating_sub(1) as i64) * per_page as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok((rows.iter().map(district_from_row).collect::<Result<_>>()?, total))
    }

    /// Districts down to `max_level` (inclusive), ordered by key: for pickers.
    pub async fn districts_up_to(&self, municipality: MunicipalityId, max_level: i64) -> Result<Vec<kette_domain::District>> {
        let rows = sqlx::query(
            "SELECT id, key, name, level, parent_id, boundary_version, area_m2, min_lon, min_lat, max_lon, max_lat FROM district
             WHERE municipality_id = $1 AND level <= $2 ORDER BY key",
        )
        .bind(municipality)
        .bind(max_level)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(district_from_row).collect()
    }

    pub async fn district(&self, municipality: MunicipalityId, id: DistrictId) -> Result<DistrictDetail> {
        let row = sqlx::query(
            "SELECT id, key, name, level, parent_id, boundary_version, area_m2, min_lon, min_lat, max_lon, max_lat, path FROM district
             WHERE municipality_id = $1 AND id = $2",
        )
        .bind(municipality)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("district {id}")))?;
        let district = district_from_row(&row)?;
        let path: String = row.try_get("path")?;
        // ancestors: every proper prefix of the path, shallowest first
        let keys: Vec<&str> = path.trim_matches('/').split('/').collect();
        let mut ancestors = vec![];
        for depth in 1..keys.len() {
            let prefix = format!("/{}/", keys[..depth].join("/"));
            if let Some(r) = sqlx::query(&format!("{SUMMARY_SELECT} WHERE d.municipality_id = $1 AND d.path = $2"))
                .bind(municipality)
                .bind(&prefix)
                .fetch_optional(&self.pool)
                .await?
            {
                ancestors.push(summary_from_row(&r)?);
            }
        }
        let children = self.district_children(municipality, Some(id)).await?;
        Ok(DistrictDetail { district, path, ancestors, children })
    }

    pub async fn district_by_key(&self, municipality: MunicipalityId, key: &str) -> Result<Option<DistrictId>> {
        Ok(sqlx::query_scalar("SELECT id FROM district WHERE municipality_id = $1 AND key = $2 ORDER BY id LIMIT 1")
            .bind(municipality)
            .bind(key)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// The GeoJSON geometry text of a district: as stored, or the outline simplified at import
    /// (the stored geometry where a district has none).
    pub async fn district_geometry(&self, municipality: MunicipalityId, id: DistrictId, detail: GeometryDetail) -> Result<Option<String>> {
        let column = match detail {
            GeometryDetail::Full => "geometry",
            GeometryDetail::Outline => "COALESCE(outline, geometry)",
        };
        Ok(sqlx::query_scalar::<_, Option<String>>(&format!("SELECT {column} FROM district WHERE municipality_id = $1 AND id = $2"))
            .bind(municipality)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .flatten())
    }

    /// Geometries of all districts of a level, for point-in-polygon assignment on import.
    pub async fn district_geometries(&self, municipality: MunicipalityId, level: i64) -> Result<Vec<(String, String)>> {
        let rows = sqlx::query("SELECT key, geometry FROM district WHERE municipality_id = $1 AND level = $2 AND geometry IS NOT NULL")
            .bind(municipality)
            .bind(level)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok((r.try_get("key")?, r.try_get("geometry")?))).collect()
    }

    /// (id, name, GeoJSON geometry) of every district of a level: for maps.
    pub async fn district_shapes(&self, municipality: MunicipalityId, level: i64) -> Result<Vec<(DistrictId, String, String)>> {
        let rows = sqlx::query(
            "SELECT id, name, geometry FROM district WHERE municipality_id = $1 AND level = $2 AND geometry IS NOT NULL ORDER BY key",
        )
        .bind(municipality)
        .bind(level)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?, r.try_get("geometry")?))).collect()
    }

    /// Imports population counts in one transaction; an unknown key aborts the whole import.
    pub async fn import_population(&self, municipality: MunicipalityId, rows: &[PopulationCount]) -> Result<usize> {
        let ids = self.district_key_ids(municipality).await?;
        let mut tx = self.begin_write().await?;
        for chunk in rows.chunks(200) {
            let mut sql = String::from("INSERT INTO population (district_id, year, age_group, count) VALUES ");
            let mut n = 1;
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!("(${}, ${}, ${}, ${})", n, n + 1, n + 2, n + 3));
                n += 4;
            }
            sql.push_str(" ON CONFLICT (district_id, year, age_group) DO UPDATE SET count = excluded.count");
            let mut q = sqlx::query(&sql);
            for p in chunk {
                let id = ids.get(&p.district_key).ok_or_else(|| StoreError::UnknownDistrict {
                    key: p.district_key.clone(),
                    context: format!("population {} age {}", p.year, p.age_group.code()),
                })?;
                q = q.bind(*id).bind(p.year as i64).bind(p.age_group.code()).bind(p.count);
            }
            q.execute(&mut *tx).await?;
        }
        util::audit(&mut tx, &self.clock, municipality, None, "import", "population", None, &format!("{} counts", rows.len())).await?;
        util::bump_stats(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(rows.len())
    }

    pub(crate) async fn district_key_ids(&self, municipality: MunicipalityId) -> Result<HashMap<String, i64>> {
        let rows = sqlx::query("SELECT key, id FROM district WHERE municipality_id = $1 ORDER BY id DESC")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        let mut m = HashMap::new();
        for r in rows {
            m.insert(r.try_get("key")?, r.try_get("id")?);
        }
        Ok(m)
    }

    /// Population of a district by year and age group. Own rows if stored, else the sum over
    /// its leaf descendants (population is published for the finest level).
    pub async fn population(&self, municipality: MunicipalityId, id: DistrictId) -> Result<Sealed<Vec<(i32, AgeGroup, i64)>>> {
        let own = sqlx::query(
            "SELECT p.year, p.age_group, p.count FROM population p JOIN district d ON d.id = p.district_id
             WHERE d.municipality_id = $1 AND p.district_id = $2 ORDER BY p.year, p.age_group",
        )
        .bind(municipality)
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let rows = if !own.is_empty() {
            own
        } else {
            sqlx::query(
                "SELECT p.year, p.age_group, SUM(p.count) AS count FROM population p JOIN district d ON d.id = p.district_id
                 WHERE d.municipality_id = $1 AND d.path LIKE (SELECT path FROM district WHERE id = $2) || '%'
                   AND NOT EXISTS (SELECT 1 FROM district c WHERE c.parent_id = d.id)
                 GROUP BY p.year, p.age_group ORDER BY p.year, p.age_group",
            )
            .bind(municipality)
            .bind(id)
            .fetch_all(&self.pool)
            .await?
        };
        let mut out = vec![];
        for r in rows {
            let code: String = r.try_get("age_group")?;
            if let Some(g) = AgeGroup::parse(&code) {
                out.push((r.try_get::<i64, _>("year")? as i32, g, r.try_get("count")?));
            }
        }
        out.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        Ok(Sealed::seal(out))
    }
}

fn district_from_row(r: &AnyRow) -> Result<kette_domain::District> {
    let b: [Option<f64>; 4] = [r.try_get("min_lon")?, r.try_get("min_lat")?, r.try_get("max_lon")?, r.try_get("max_lat")?];
    Ok(kette_domain::District {
        id: r.try_get("id")?,
        key: r.try_get("key")?,
        name: r.try_get("name")?,
        level: r.try_get("level")?,
        parent_id: r.try_get("parent_id")?,
        boundary_version: r.try_get("boundary_version")?,
        area_m2: r.try_get("area_m2")?,
        bbox: match b {
            [Some(a), Some(b), Some(c), Some(d)] => Some([a, b, c, d]),
            _ => None,
        },
    })
}

/// How exact a district's geometry is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeometryDetail {
    /// As imported: for planners' exports and exact assignments.
    Full,
    /// Simplified to a few metres: for drawing and for public answers.
    Outline,
}
