//! What the needs analysis reads (issue 14): the population of a level's districts, summed
//! from the finest published level, and the active offers located in each of them by life
//! phase with their places.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kette_domain::disclosure::{PlaceScope, Sealed};
use kette_domain::{AgeGroup, DistrictId, MunicipalityId};
use sqlx::Row;

use crate::{util, Result, Store};

/// One active offer located at or below a district, for one of its terms of the asked kind
/// (a life phase, a transition).
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedOffer {
    pub district: DistrictId,
    pub offer: i64,
    pub term: String,
    pub capacity: Option<i64>,
}

impl Store {
    /// The years with population figures, newest first.
    pub async fn population_years(&self, municipality: MunicipalityId) -> Result<Vec<i32>> {
        let rows = sqlx::query(
            "SELECT DISTINCT p.year FROM population p JOIN district d ON d.id = p.district_id
             WHERE d.municipality_id = $1 ORDER BY p.year DESC",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(r.try_get::<i64, _>(0)? as i32)).collect()
    }

    /// Population by age group of every district of `level` in `year`, summed over its leaf
    /// districts (population is published for the finest level); sealed like every count.
    pub async fn population_of_level(
        &self,
        municipality: MunicipalityId,
        level: i64,
        year: i32,
    ) -> Result<Sealed<Vec<(DistrictId, AgeGroup, i64)>>> {
        let at_level = self.ancestors_at_level(municipality, level).await?;
        // leaves are read once and summed here: a prefix join of every district of the level
        // with every leaf costs SQLite a quadratic scan
        let rows = sqlx::query(
            "SELECT d.id, p.age_group, p.count FROM population p JOIN district d ON d.id = p.district_id
             WHERE d.municipality_id = $1 AND p.year = $2 AND NOT EXISTS (SELECT 1 FROM district c WHERE c.parent_id = d.id)",
        )
        .bind(municipality)
        .bind(year as i64)
        .fetch_all(&self.pool)
        .await?;
        let mut sums: BTreeMap<(DistrictId, AgeGroup), i64> = BTreeMap::new();
        for r in &rows {
            let leaf: DistrictId = r.try_get(0)?;
            let code: String = r.try_get(1)?;
            if let (Some(district), Some(group)) = (at_level.get(&leaf).copied(), AgeGroup::parse(&code)) {
                *sums.entry((district, group)).or_default() += r.try_get::<i64, _>(2)?;
            }
        }
        Ok(Sealed::seal(sums.into_iter().map(|((d, g), n)| (d, g, n)).collect()))
    }

    /// Active offers located at or below each district of `level`, once per district, offer and
    /// term of `term_kind` (`life_phase`, `transition`; an offer with two places in one
    /// district counts once), of one field (`domain` term) when `domain` is given. Only places
    /// the reader may see count: a protected place does not show up as an offer in its district.
    pub async fn offers_of_level(
        &self,
        municipality: MunicipalityId,
        level: i64,
        scope: &PlaceScope,
        term_kind: &str,
        domain: Option<&str>,
    ) -> Result<Vec<LocatedOffer>> {
        let at_level = self.ancestors_at_level(municipality, level).await?;
        // no DISTINCT: the set below removes repeats for a fraction of SQLite's temporary tree;
        // the district as its id, mapped to the level once per district rather than per row
        let q = format!(
            "SELECT l.district_id, o.id, t.code, o.capacity FROM offer o
             JOIN offer_term t ON t.offer_id = o.id AND t.kind = $2
             JOIN offer_location ol ON ol.offer_id = o.id
             JOIN location l ON l.id = ol.location_id
             WHERE l.district_id IS NOT NULL AND o.municipality_id = $1 AND o.status = 'active' AND {} AND {}",
            util::place_clause(3),
            of_domain(6, domain),
        );
        let mut query = util::bind_place_scope(sqlx::query(&q).bind(municipality).bind(term_kind), scope);
        if let Some(code) = domain {
            query = query.bind(code);
        }
        let rows = query.fetch_all(&self.pool).await?;
        let mut out: BTreeSet<(DistrictId, i64, String, Option<i64>)> = BTreeSet::new();
        for r in &rows {
            let located_in: DistrictId = r.try_get(0)?;
            if let Some(district) = at_level.get(&located_in).copied() {
                out.insert((district, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?));
            }
        }
        Ok(out.into_iter().map(|(district, offer, term, capacity)| LocatedOffer { district, offer, term, capacity }).collect())
    }

    /// Where the active offers of each life phase are: (offer, life phase, (lat, lon)) of every
    /// place with coordinates the reader may see, of one field when `domain` is given.
    pub async fn offer_points(
        &self,
        municipality: MunicipalityId,
        scope: &PlaceScope,
        domain: Option<&str>,
    ) -> Result<Vec<(i64, String, [f64; 2])>> {
        let q = format!(
            "SELECT o.id, t.code, l.lat, l.lon FROM offer o
             JOIN offer_term t ON t.offer_id = o.id AND t.kind = 'life_phase'
             JOIN offer_location ol ON ol.offer_id = o.id
             JOIN location l ON l.id = ol.location_id
             WHERE o.municipality_id = $1 AND o.status = 'active' AND l.lat IS NOT NULL AND l.lon IS NOT NULL AND {} AND {}",
            util::place_clause(2),
            of_domain(5, domain),
        );
        let mut query = util::bind_place_scope(sqlx::query(&q).bind(municipality), scope);
        if let Some(code) = domain {
            query = query.bind(code);
        }
        let rows = query.fetch_all(&self.pool).await?;
        let mut points: Vec<(i64, String, [f64; 2])> =
            rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?, [r.try_get(2)?, r.try_get(3)?]))).collect::<Result<_>>()?;
        points.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)).then(a.2[0].total_cmp(&b.2[0])).then(a.2[1].total_cmp(&b.2[1])));
        points.dedup();
        Ok(points)
    }

    /// Every district of the municipality at or below `level`, with the district of the level it
    /// lies in (found by its materialised path).
    async fn ancestors_at_level(&self, municipality: MunicipalityId, level: i64) -> Result<HashMap<DistrictId, DistrictId>> {
        let rows =
            sqlx::query("SELECT id, path, level FROM district WHERE municipality_id = $1").bind(municipality).fetch_all(&self.pool).await?;
        let mut all: Vec<(DistrictId, String, i64)> = Vec::with_capacity(rows.len());
        for r in &rows {
            all.push((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?));
        }
        let paths: HashMap<String, DistrictId> = all.iter().filter(|d| d.2 == level).map(|(id, path, _)| (path.clone(), *id)).collect();
        Ok(all.iter().filter_map(|(id, path, _)| Some((*id, ancestor(path, &paths)?))).collect())
    }
}

/// The condition that offer `o` names the field bound at `$n`; none without a field.
fn of_domain(n: usize, domain: Option<&str>) -> String {
    match domain {
        Some(_) => format!("EXISTS (SELECT 1 FROM offer_term f WHERE f.offer_id = o.id AND f.kind = 'domain' AND f.code = ${n})"),
        None => "1 = 1".into(),
    }
}

/// The district of the level whose path is a prefix of `path` ('/01/0101/' of '/01/0101/010101/').
fn ancestor(path: &str, at_level: &HashMap<String, DistrictId>) -> Option<DistrictId> {
    path.char_indices().filter(|(_, c)| *c == '/').skip(1).find_map(|(i, _)| at_level.get(&path[..=i]).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_finds_its_ancestor_of_the_level() {
        let at: HashMap<String, DistrictId> = HashMap::from([("/01/0101/".to_string(), 7), ("/02/0201/".to_string(), 8)]);
        assert_eq!(ancestor("/01/0101/010101/", &at), Some(7));
        assert_eq!(ancestor("/01/0101/", &at), Some(7));
        assert_eq!(ancestor("/01/", &at), None);
        assert_eq!(ancestor("/03/0301/", &at), None);
    }
}
