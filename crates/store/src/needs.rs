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

/// A place of an active offer, with the offer's life phases and transitions as bit sets over
/// the codes asked for (`codes_in` names them).
#[derive(Debug, Clone, PartialEq)]
pub struct OfferPlace {
    pub offer: i64,
    /// the district the place lies in, if known (the finest level it was assigned to)
    pub district: Option<DistrictId>,
    pub capacity: Option<i64>,
    pub at: Option<[f64; 2]>,
    pub phases: i64,
    pub transitions: i64,
}

impl Store {
    /// The levels that hold districts, top first.
    pub async fn district_level_numbers(&self, municipality: MunicipalityId) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar("SELECT DISTINCT level FROM district WHERE municipality_id = $1 ORDER BY level")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?)
    }

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
    /// term of `term_kind` (`life_phase`, `transition`) among `codes` (an offer with two places in
    /// one district counts once), of one field (`domain` term) when `domain` is given. Only places
    /// the reader may see count: a protected place does not show up as an offer in its district.
    pub async fn offers_of_level(
        &self,
        municipality: MunicipalityId,
        level: i64,
        scope: &PlaceScope,
        term_kind: &str,
        codes: &[String],
        domain: Option<&str>,
    ) -> Result<Vec<LocatedOffer>> {
        let at_level = self.ancestors_at_level(municipality, level).await?;
        // one row per offer and place with its terms as a bit set: a third of the rows one row
        // per term gave, and decoding rows is what such a query costs (the set below removes
        // the repeats of two places in one district)
        let mut out: BTreeSet<(DistrictId, i64, String, Option<i64>)> = BTreeSet::new();
        for codes in codes.chunks(TERMS_PER_QUERY) {
            let rows = self
                .offer_rows(
                    "l.district_id, o.capacity",
                    "l.district_id IS NOT NULL",
                    "l.district_id, o.id, o.capacity, l.id",
                    municipality,
                    scope,
                    term_kind,
                    codes,
                    domain,
                )
                .await?;
            for r in &rows {
                let located_in: DistrictId = r.try_get(1)?;
                if let Some(district) = at_level.get(&located_in).copied() {
                    let (offer, capacity, terms): (i64, Option<i64>, i64) = (r.try_get(0)?, r.try_get(2)?, r.try_get(3)?);
                    for code in codes_in(codes, terms) {
                        out.insert((district, offer, code.clone(), capacity));
                    }
                }
            }
        }
        Ok(out.into_iter().map(|(district, offer, term, capacity)| LocatedOffer { district, offer, term, capacity }).collect())
    }

    /// Every place of an active offer the reader may see (of one field when `domain` is given),
    /// with the offer's life phases among `phases` and transitions among `transitions` as bit
    /// sets: what the needs analysis and its walks read, in one pass over the offers.
    pub async fn offer_places(
        &self,
        municipality: MunicipalityId,
        scope: &PlaceScope,
        phases: &[String],
        transitions: &[String],
        domain: Option<&str>,
    ) -> Result<Vec<OfferPlace>> {
        let (phases, transitions) = (&phases[..phases.len().min(TERMS_PER_QUERY)], &transitions[..transitions.len().min(TERMS_PER_QUERY)]);
        // $1 municipality, $2 and $3 the two kinds, $4–$6 the place scope, then the field and
        // the codes
        let mut next = 7 + usize::from(domain.is_some());
        let mut mask = |kind: usize, codes: &[String]| {
            let cases: Vec<String> = (0..codes.len())
                .map(|i| {
                    next += 1;
                    format!("WHEN ${} THEN {}", next - 1, 1i64 << i)
                })
                .collect();
            if cases.is_empty() {
                "0".to_string()
            } else {
                format!("SUM(CASE WHEN t.kind = ${kind} THEN CASE t.code {} ELSE 0 END ELSE 0 END)", cases.join(" "))
            }
        };
        let (phase_mask, transition_mask) = (mask(2, phases), mask(3, transitions));
        let q = format!(
            "SELECT o.id, l.district_id, o.capacity, l.lat, l.lon, {phase_mask}, {transition_mask} FROM offer o
             JOIN offer_term t ON t.offer_id = o.id AND t.kind IN ($2, $3)
             JOIN offer_location ol ON ol.offer_id = o.id
             JOIN location l ON l.id = ol.location_id
             WHERE o.municipality_id = $1 AND o.status = 'active' AND {} AND {}
             GROUP BY o.id, l.id, l.district_id, o.capacity, l.lat, l.lon",
            util::place_clause(4),
            of_domain(7, domain),
        );
        let mut query = util::bind_place_scope(sqlx::query(&q).bind(municipality).bind("life_phase").bind("transition"), scope);
        if let Some(code) = domain {
            query = query.bind(code);
        }
        for code in phases.iter().chain(transitions) {
            query = query.bind(code);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let (lat, lon): (Option<f64>, Option<f64>) = (r.try_get(3)?, r.try_get(4)?);
                Ok(OfferPlace {
                    offer: r.try_get(0)?,
                    district: r.try_get(1)?,
                    capacity: r.try_get(2)?,
                    at: lat.zip(lon).map(|(lat, lon)| [lat, lon]),
                    phases: r.try_get(5)?,
                    transitions: r.try_get(6)?,
                })
            })
            .collect()
    }

    /// Active offers with their places, one row per offer and place: the offer's id, the
    /// `columns` asked for, and as the last column the offer's terms of `kind` among `codes` as
    /// a bit set (bit i for `codes[i]`). Offers with none of the codes are left out.
    #[allow(clippy::too_many_arguments)]
    async fn offer_rows(
        &self,
        columns: &str,
        condition: &str,
        group_by: &str,
        municipality: MunicipalityId,
        scope: &PlaceScope,
        kind: &str,
        codes: &[String],
        domain: Option<&str>,
    ) -> Result<Vec<sqlx::any::AnyRow>> {
        if codes.is_empty() || codes.len() > TERMS_PER_QUERY {
            return Ok(vec![]);
        }
        let first_code = 6 + usize::from(domain.is_some());
        let cases: Vec<String> = (0..codes.len()).map(|i| format!("WHEN ${} THEN {}", first_code + i, 1i64 << i)).collect();
        let q = format!(
            "SELECT o.id, {columns}, SUM(CASE t.code {} ELSE 0 END) FROM offer o
             JOIN offer_term t ON t.offer_id = o.id AND t.kind = $2
             JOIN offer_location ol ON ol.offer_id = o.id
             JOIN location l ON l.id = ol.location_id
             WHERE {condition} AND o.municipality_id = $1 AND o.status = 'active' AND {} AND {}
             GROUP BY {group_by}",
            cases.join(" "),
            util::place_clause(3),
            of_domain(6, domain),
        );
        let mut query = util::bind_place_scope(sqlx::query(&q).bind(municipality).bind(kind), scope);
        if let Some(code) = domain {
            query = query.bind(code);
        }
        for code in codes {
            query = query.bind(code);
        }
        Ok(query.fetch_all(&self.pool).await?)
    }

    /// Every district of the municipality at or below `level`, with the district of the level it
    /// lies in (found by its materialised path).
    pub async fn ancestors_at_level(&self, municipality: MunicipalityId, level: i64) -> Result<HashMap<DistrictId, DistrictId>> {
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

/// Terms one query tells apart: bit i for the i-th, in a signed 64-bit sum.
const TERMS_PER_QUERY: usize = 62;

/// The codes whose bit is set in `terms` (bit i for `codes[i]`).
pub fn codes_in(codes: &[String], terms: i64) -> impl Iterator<Item = &String> {
    codes.iter().enumerate().filter(move |(i, _)| terms & (1i64 << i) != 0).map(|(_, c)| c)
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
    fn a_bit_set_names_its_terms() {
        let codes: Vec<String> = ["kita", "primary", "secondary"].map(String::from).to_vec();
        assert_eq!(codes_in(&codes, 0b101).collect::<Vec<_>>(), ["kita", "secondary"]);
        assert_eq!(codes_in(&codes, 0).count(), 0);
        let many: Vec<String> = (0..TERMS_PER_QUERY).map(|i| format!("t{i}")).collect();
        assert_eq!(codes_in(&many, 1i64 << 61).collect::<Vec<_>>(), ["t61"]);
    }

    #[test]
    fn a_path_finds_its_ancestor_of_the_level() {
        let at: HashMap<String, DistrictId> = HashMap::from([("/01/0101/".to_string(), 7), ("/02/0201/".to_string(), 8)]);
        assert_eq!(ancestor("/01/0101/010101/", &at), Some(7));
        assert_eq!(ancestor("/01/0101/", &at), Some(7));
        assert_eq!(ancestor("/01/", &at), None);
        assert_eq!(ancestor("/03/0301/", &at), None);
    }
}
