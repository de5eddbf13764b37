use std::collections::HashMap;

use sqlx::Row;

use kette_domain::{Direction, DistrictId, Indicator, IndicatorDef, MunicipalityId, NewObservation, Observation};

use kette_domain::disclosure::Sealed;

use crate::offers::Page;
use crate::{util, Result, Store, StoreError};

#[derive(Debug, Clone, Default)]
pub struct ObservationFilter {
    pub indicator: Option<String>,
    pub district_id: Option<DistrictId>,
    pub year: Option<i32>,
}

/// Where an import came from; kept for every value it wrote.
#[derive(Debug, Clone)]
pub struct Provenance {
    pub file_name: String,
    pub sha256: String,
    pub account_id: Option<i64>,
}

impl Provenance {
    pub fn of(file_name: &str, bytes: &[u8], account_id: Option<i64>) -> Self {
        use sha2::Digest;
        let sha256 = sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        Provenance { file_name: file_name.into(), sha256, account_id }
    }
}

impl Store {
    /// The import a value came from: (file name, sha256, user name, time).
    pub async fn provenance_of(
        &self,
        municipality: MunicipalityId,
        code: &str,
        district: DistrictId,
        year: i32,
    ) -> Result<Option<(String, String, Option<String>, String)>> {
        let row = sqlx::query(
            "SELECT l.file_name, l.sha256, a.username, l.at FROM observation o JOIN indicator i ON i.id = o.indicator_id
             JOIN import_log l ON l.id = o.import_id LEFT JOIN account a ON a.id = l.account_id
             WHERE i.municipality_id = $1 AND i.code = $2 AND o.district_id = $3 AND o.year = $4",
        )
        .bind(municipality)
        .bind(code)
        .bind(district)
        .bind(year as i64)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(r) => Ok(Some((r.try_get("file_name")?, r.try_get("sha256")?, r.try_get("username")?, r.try_get("at")?))),
            None => Ok(None),
        }
    }

    /// Years with values of an indicator, newest first.
    pub async fn indicator_years(&self, municipality: MunicipalityId, code: &str) -> Result<Vec<i32>> {
        let years: Vec<i64> = sqlx::query_scalar(
            "SELECT DISTINCT o.year FROM observation o JOIN indicator i ON i.id = o.indicator_id
             WHERE i.municipality_id = $1 AND i.code = $2 AND o.value IS NOT NULL ORDER BY o.year DESC",
        )
        .bind(municipality)
        .bind(code)
        .fetch_all(&self.pool)
        .await?;
        Ok(years.into_iter().map(|y| y as i32).collect())
    }

    /// Creates or updates indicator definitions by code.
    pub async fn upsert_indicators(&self, municipality: MunicipalityId, defs: &[IndicatorDef]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        write_indicator_defs(&mut tx, municipality, defs).await?;
        util::bump_stats(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn indicators(&self, municipality: MunicipalityId) -> Result<Vec<Indicator>> {
        let rows = sqlx::query("SELECT * FROM indicator WHERE municipality_id = $1 ORDER BY code")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Indicator {
                    id: r.try_get("id")?,
                    def: IndicatorDef {
                        code: r.try_get("code")?,
                        name_de: r.try_get("name_de")?,
                        name_en: r.try_get("name_en")?,
                        description: r.try_get("description")?,
                        unit: r.try_get("unit")?,
                        direction: Direction::parse(&r.try_get::<String, _>("direction")?).unwrap_or(Direction::Neutral),
                        source: r.try_get("source")?,
                        licence: r.try_get("licence")?,
                        min_denominator: r.try_get("min_denominator")?,
                        meta: kette_domain::IndicatorMeta {
                            numerator: r.try_get("numerator_definition")?,
                            denominator: r.try_get("denominator_definition")?,
                            release_date: r.try_get("release_date")?,
                            spatial_level: r.try_get("spatial_level")?,
                        },
                    },
                })
            })
            .collect()
    }

    /// Imports observations in one transaction. Unknown indicator codes or district keys abort
    /// the import with the offending key named.
    pub async fn import_observations(&self, municipality: MunicipalityId, rows: &[NewObservation]) -> Result<usize> {
        self.import_observations_from(municipality, rows, None).await
    }

    /// Like `import_observations`, recording where the values came from (file, hash, who, when).
    pub async fn import_observations_from(
        &self,
        municipality: MunicipalityId,
        rows: &[NewObservation],
        provenance: Option<&Provenance>,
    ) -> Result<usize> {
        self.insert_observations(municipality, rows, provenance, None, &[]).await
    }

    /// Like `import_observations_from`, creating the indicators `defining` in the same
    /// transaction: a failed import leaves no new indicator behind.
    pub async fn import_observations_defining(
        &self,
        municipality: MunicipalityId,
        rows: &[NewObservation],
        provenance: Option<&Provenance>,
        defining: &[IndicatorDef],
    ) -> Result<usize> {
        self.insert_observations(municipality, rows, provenance, None, defining).await
    }

    /// Writes observations in one transaction; `carried_from` marks values carried across a
    /// boundary change.
    pub(crate) async fn insert_observations(
        &self,
        municipality: MunicipalityId,
        rows: &[NewObservation],
        provenance: Option<&Provenance>,
        carried_from: Option<&str>,
        defining: &[IndicatorDef],
    ) -> Result<usize> {
        let districts = self.district_key_ids(municipality).await?;
        let mut tx = self.begin_write().await?;
        write_indicator_defs(&mut tx, municipality, defining).await?;
        let mut indicators: HashMap<String, i64> = HashMap::new();
        for r in sqlx::query("SELECT code, id FROM indicator WHERE municipality_id = $1").bind(municipality).fetch_all(&mut *tx).await? {
            use sqlx::Row;
            indicators.insert(r.try_get("code")?, r.try_get("id")?);
        }
        let import_id: Option<i64> = match provenance {
            Some(p) => Some(
                sqlx::query_scalar(
                    "INSERT INTO import_log (municipality_id, kind, file_name, sha256, account_id, at, rows)
                     VALUES ($1, 'observations', $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(municipality)
                .bind(&p.file_name)
                .bind(&p.sha256)
                .bind(p.account_id)
                .bind(self.clock.timestamp())
                .bind(rows.len() as i64)
                .fetch_one(&mut *tx)
                .await?,
            ),
            None => None,
        };
        for chunk in rows.chunks(120) {
            let mut sql = String::from(
                "INSERT INTO observation (indicator_id, district_id, year, value, numerator, denominator, source, import_id, carried_from) VALUES ",
            );
            for i in 0..chunk.len() {
                let b = i * 9;
                if i > 0 {
                    sql.push(',');
                }
                let params: Vec<String> = (1..=9).map(|k| format!("${}", b + k)).collect();
                sql.push_str(&format!("({})", params.join(", ")));
            }
            sql.push_str(
                " ON CONFLICT (indicator_id, district_id, year) DO UPDATE SET value = excluded.value, numerator = excluded.numerator,
                  denominator = excluded.denominator, source = excluded.source, import_id = excluded.import_id,
                  carried_from = excluded.carried_from",
            );
            let mut q = sqlx::query(&sql);
            for o in chunk {
                let ind = indicators.get(&o.indicator_code).ok_or_else(|| {
                    StoreError::NotFound(format!("indicator '{}' (observation for {} {})", o.indicator_code, o.district_key, o.year))
                })?;
                let dis = districts.get(&o.district_key).ok_or_else(|| StoreError::UnknownDistrict {
                    key: o.district_key.clone(),
                    context: format!("observation {} {}", o.indicator_code, o.year),
                })?;
                q = q
                    .bind(*ind)
                    .bind(*dis)
                    .bind(o.year as i64)
                    .bind(o.value)
                    .bind(o.numerator)
                    .bind(o.denominator)
                    .bind(o.source.as_str())
                    .bind(import_id)
                    .bind(carried_from);
            }
            q.execute(&mut *tx).await?;
        }
        let what = match carried_from {
            Some(v) => format!("{} values carried from boundary version {v}", rows.len()),
            None => format!("{} values", rows.len()),
        };
        util::audit(&mut tx, &self.clock, municipality, provenance.and_then(|p| p.account_id), "import", "observation", None, &what)
            .await?;
        util::bump_stats(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(rows.len())
    }

    pub async fn observations(
        &self,
        municipality: MunicipalityId,
        f: &ObservationFilter,
        page: u32,
        per_page: u32,
    ) -> Result<Sealed<Page<Observation>>> {
        let page = page.max(1);
        let per_page = per_page.clamp(1, 5000);
        let where_sql =
            " WHERE i.municipality_id = $1 AND ($2 = '' OR i.code = $2) AND ($3 = 0 OR o.district_id = $3) AND ($4 = 0 OR o.year = $4)";
        let from = " FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN district d ON d.id = o.district_id";
        let ind = f.indicator.clone().unwrap_or_default();
        let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*){from}{where_sql}"))
            .bind(municipality)
            .bind(&ind)
            .bind(f.district_id.unwrap_or(0))
            .bind(f.year.unwrap_or(0) as i64)
            .fetch_one(&self.pool)
            .await?;
        let rows = sqlx::query(&format!(
            "SELECT o.indicator_id, i.code, o.district_id, d.key, o.year, o.value, o.numerator, o.denominator, o.source, o.carried_from{from}{where_sql}
             ORDER BY i.code, d.key, o.year LIMIT $5 OFFSET $6"
        ))
        .bind(municipality)
        .bind(&ind)
        .bind(f.district_id.unwrap_or(0))
        .bind(f.year.unwrap_or(0) as i64)
        .bind(per_page as i64)
        .bind(((page - 1) as i64) * per_page as i64)
        .fetch_all(&self.pool)
        .await?;
        let items = rows.iter().map(observation_from_row).collect::<Result<_>>()?;
        Ok(Sealed::seal(Page { items, total, page, per_page }))
    }

    /// Every observation of a municipality, sealed: readers get them through a `Disclosure`.
    pub async fn all_observations(&self, municipality: MunicipalityId) -> Result<Sealed<Vec<Observation>>> {
        let rows = sqlx::query(
            "SELECT o.indicator_id, i.code, o.district_id, d.key, o.year, o.value, o.numerator, o.denominator, o.source, o.carried_from
             FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN district d ON d.id = o.district_id
             WHERE i.municipality_id = $1 ORDER BY i.code, d.key, o.year",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        let items = rows.iter().map(observation_from_row).collect::<Result<_>>()?;
        Ok(Sealed::seal(items))
    }

    /// Raised by every write that can change what a reader may see of the figures
    /// (observations, indicators, population, districts, confidentiality settings).
    pub async fn stats_generation(&self, municipality: MunicipalityId) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT stats_generation FROM municipality WHERE id = $1").bind(municipality).fetch_one(&self.pool).await?)
    }
}

fn observation_from_row(r: &sqlx::any::AnyRow) -> Result<Observation> {
    Ok(Observation {
        indicator_id: r.try_get("indicator_id")?,
        indicator_code: r.try_get("code")?,
        district_id: r.try_get("district_id")?,
        district_key: r.try_get("key")?,
        year: r.try_get::<i64, _>("year")? as i32,
        value: r.try_get("value")?,
        numerator: r.try_get("numerator")?,
        denominator: r.try_get("denominator")?,
        source: r.try_get("source")?,
        carried_from: r.try_get("carried_from")?,
    })
}

/// Inserts or updates indicator definitions inside the caller's transaction.
async fn write_indicator_defs(tx: &mut crate::WriteTx, municipality: MunicipalityId, defs: &[IndicatorDef]) -> Result<()> {
    for d in defs {
        sqlx::query(
                "INSERT INTO indicator (municipality_id, code, name_de, name_en, description, unit, direction, source, licence, min_denominator,
                   numerator_definition, denominator_definition, release_date, spatial_level)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                 ON CONFLICT (municipality_id, code) DO UPDATE SET name_de = excluded.name_de, name_en = excluded.name_en,
                   description = excluded.description, unit = excluded.unit, direction = excluded.direction, source = excluded.source,
                   licence = excluded.licence, min_denominator = excluded.min_denominator,
                   numerator_definition = excluded.numerator_definition, denominator_definition = excluded.denominator_definition,
                   release_date = excluded.release_date, spatial_level = excluded.spatial_level",
            )
            .bind(municipality)
            .bind(&d.code)
            .bind(&d.name_de)
            .bind(&d.name_en)
            .bind(&d.description)
            .bind(&d.unit)
            .bind(d.direction.as_str())
            .bind(&d.source)
            .bind(&d.licence)
            .bind(d.min_denominator)
            .bind(&d.meta.numerator)
            .bind(&d.meta.denominator)
            .bind(d.meta.release_date.as_deref())
            .bind(&d.meta.spatial_level)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
