//! The chain matrix (life phases × domains) and offer counts, cached per data generation.

use super::*;

impl Store {
    /// The chain matrix over active offers, optionally limited to a district and its descendants.
    /// Cached per data generation: the aggregation takes ~20 ms over a city's offers, the
    /// generation check a fraction of a millisecond.
    pub async fn chain_matrix(
        &self,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        district: Option<DistrictId>,
    ) -> Result<ChainMatrix> {
        let generation = self.generation(municipality).await?;
        let cached = self.matrix_cache.lock().ok().and_then(|c| c.get(&(municipality, district)).cloned());
        if let Some((g, m)) = cached {
            // vocabulary changes bump the generation too
            if g == generation {
                return Ok(m);
            }
        }
        let matrix = self.compute_chain_matrix(municipality, vocab, district).await?;
        if let Ok(mut cache) = self.matrix_cache.lock() {
            // a new generation makes every entry stale; bound the size for district pages
            cache.retain(|_, (g, _)| *g == generation);
            if cache.len() > 2000 {
                cache.clear();
            }
            cache.insert((municipality, district), (generation, matrix.clone()));
        }
        Ok(matrix)
    }

    async fn compute_chain_matrix(
        &self,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        district: Option<DistrictId>,
    ) -> Result<ChainMatrix> {
        let district_clause = if district.is_some() {
            " AND EXISTS (SELECT 1 FROM offer_location ol JOIN location l ON l.id = ol.location_id JOIN district s ON s.id = l.district_id
                WHERE ol.offer_id = o.id AND s.path LIKE (SELECT path FROM district WHERE id = $2) || '%')"
        } else {
            " AND $2 = $2"
        };
        // aggregated in SQL: 36 rows cross the driver instead of one per offer and term pair;
        // (offer, kind, code) is unique, so COUNT(*) counts distinct offers
        let (c, t) = self.term_counts(municipality, district, "life_phase", district_clause).await?;
        let (tc, tt) = self.term_counts(municipality, district, "transition", district_clause).await?;
        Ok(ChainMatrix::from_counts(vocab, c.iter().map(|(p, d, n)| (p.as_str(), d.as_str(), *n)), t.iter().map(|(p, n)| (p.as_str(), *n)))
            .with_transitions(vocab, tc.iter().map(|(p, d, n)| (p.as_str(), d.as_str(), *n)), tt.iter().map(|(p, n)| (p.as_str(), *n))))
    }

    /// Active offers per (term of `kind`, domain) and per term of `kind`, counted in SQL.
    #[allow(clippy::type_complexity)]
    async fn term_counts(
        &self,
        municipality: MunicipalityId,
        district: Option<DistrictId>,
        kind: &str,
        district_clause: &str,
    ) -> Result<(Vec<(String, String, u64)>, Vec<(String, u64)>)> {
        // aggregated in SQL: a few dozen rows cross the driver instead of one per offer and term
        // pair; (offer, kind, code) is unique, so COUNT(*) counts distinct offers
        let cells = sqlx::query(&format!(
            "SELECT p.code AS phase, d.code AS domain, COUNT(*) AS n FROM offer o
             JOIN offer_term p ON p.offer_id = o.id AND p.kind = $3
             JOIN offer_term d ON d.offer_id = o.id AND d.kind = 'domain'
             WHERE o.municipality_id = $1 AND o.status = 'active'{district_clause} GROUP BY p.code, d.code"
        ))
        .bind(municipality)
        .bind(district.unwrap_or(0))
        .bind(kind)
        .fetch_all(&self.pool)
        .await?;
        let totals = sqlx::query(&format!(
            "SELECT p.code AS phase, COUNT(*) AS n FROM offer o
             JOIN offer_term p ON p.offer_id = o.id AND p.kind = $3
             WHERE o.municipality_id = $1 AND o.status = 'active'{district_clause} GROUP BY p.code"
        ))
        .bind(municipality)
        .bind(district.unwrap_or(0))
        .bind(kind)
        .fetch_all(&self.pool)
        .await?;
        let mut c = Vec::with_capacity(cells.len());
        for r in &cells {
            c.push((r.try_get::<String, _>("phase")?, r.try_get::<String, _>("domain")?, r.try_get::<i64, _>("n")? as u64));
        }
        let mut t = Vec::with_capacity(totals.len());
        for r in &totals {
            t.push((r.try_get::<String, _>("phase")?, r.try_get::<i64, _>("n")? as u64));
        }
        Ok((c, t))
    }

    /// Offer counts by status, for the dashboard.
    pub async fn offer_counts(&self, municipality: MunicipalityId) -> Result<BTreeMap<String, i64>> {
        let rows = sqlx::query("SELECT status, COUNT(*) AS n FROM offer WHERE municipality_id = $1 GROUP BY status")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok((r.try_get("status")?, r.try_get("n")?))).collect()
    }
}
