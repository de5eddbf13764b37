//! Figures as a reader may see them: every observation of a municipality put through the
//! confidentiality rule once per statistics generation and reader class, and the views pages,
//! maps, exports, the API and recipe runs read from it. Computed values (level means, recipe
//! inputs) use only what the reader may see.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use kette_domain::disclosure::{unit_counts_persons, Disclosure, Hierarchy};
use kette_domain::{DistrictId, MunicipalityId, Observation};
use kette_store::ObservationFilter;

use crate::{App, Result};

/// One observation as the reader may see it, with its district's name and level.
#[derive(Debug, Clone)]
pub struct Figure {
    pub observation: Observation,
    pub withheld: bool,
    pub district_name: String,
    pub level: i64,
}

impl Figure {
    /// The value when it is shown.
    pub fn value(&self) -> Option<f64> {
        self.observation.value
    }
}

/// Every figure of a municipality for one reader class, ordered by indicator code, district
/// key and year.
#[derive(Debug, Default)]
pub struct Figures {
    pub generation: i64,
    rows: Vec<Figure>,
}

impl Figures {
    pub fn rows(&self) -> &[Figure] {
        &self.rows
    }

    pub fn matching<'a>(&'a self, f: &'a ObservationFilter) -> impl Iterator<Item = &'a Figure> + 'a {
        self.rows.iter().filter(move |r| {
            let o = &r.observation;
            f.indicator.as_deref().is_none_or(|c| c.is_empty() || o.indicator_code == c)
                && f.district_id.is_none_or(|d| d == 0 || o.district_id == d)
                && f.year.is_none_or(|y| y == 0 || o.year == y)
        })
    }

    /// An indicator's figures in one year (shown and withheld), by district key.
    pub fn of_indicator_year<'a>(&'a self, code: &'a str, year: i32) -> impl Iterator<Item = &'a Figure> + 'a {
        self.rows.iter().filter(move |r| r.observation.indicator_code == code && r.observation.year == year)
    }

    pub fn of_district(&self, district: DistrictId) -> impl Iterator<Item = &Figure> {
        self.rows.iter().filter(move |r| r.observation.district_id == district)
    }

    /// Mean of the shown values of an indicator and year over one level's districts: the city
    /// comparison. Withheld values do not enter it, so it cannot give them back.
    pub fn level_mean(&self, code: &str, year: i32, level: i64) -> Option<f64> {
        let values: Vec<f64> = self.of_indicator_year(code, year).filter(|r| r.level == level).filter_map(Figure::value).collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    }

    /// Values of several indicators in a range of years, as recipe inputs:
    /// (district key, district name, level, year, code, value), by year and key. A withheld
    /// value keeps its row with no value (it is missing for the recipe, not absent).
    pub fn table(&self, codes: &[String], years: std::ops::RangeInclusive<i32>) -> Vec<(String, String, i64, i32, String, Option<f64>)> {
        let wanted: BTreeSet<&str> = codes.iter().map(String::as_str).collect();
        let mut out: Vec<(String, String, i64, i32, String, Option<f64>)> = self
            .rows
            .iter()
            .filter(|r| wanted.contains(r.observation.indicator_code.as_str()) && years.contains(&r.observation.year))
            .filter(|r| r.withheld || r.observation.value.is_some())
            .map(|r| {
                let o = &r.observation;
                (o.district_key.clone(), r.district_name.clone(), r.level, o.year, o.indicator_code.clone(), o.value)
            })
            .collect();
        out.sort_by(|a, b| (a.3, &a.0).cmp(&(b.3, &b.0)));
        out
    }
}

impl App {
    /// The municipality's figures as this reader may see them (cached per generation).
    pub async fn figures(&self, d: &Disclosure, municipality: MunicipalityId) -> Result<Arc<Figures>> {
        let raw = d.sees_raw_statistics();
        let generation = self.store.stats_generation(municipality).await?;
        if let Some(f) = self.figures.lock().ok().and_then(|c| c.get(&(municipality, raw)).cloned()) {
            if f.generation == generation {
                return Ok(f);
            }
        }
        let sealed = self.store.all_observations(municipality).await?;
        let counts: HashMap<i64, bool> =
            self.store.indicators(municipality).await?.into_iter().map(|i| (i.id, unit_counts_persons(&i.def.unit))).collect();
        let districts = self.store.districts_up_to(municipality, i64::MAX).await?;
        let hierarchy = Hierarchy::new(districts.iter().map(|d| (d.id, d.parent_id)));
        let names: HashMap<DistrictId, (String, i64)> = districts.into_iter().map(|d| (d.id, (d.name, d.level))).collect();
        let rows = d
            .observations(sealed, |i| counts.get(&i).copied().unwrap_or(false), &hierarchy)
            .into_iter()
            .map(|o| {
                let (district_name, level) = names.get(&o.observation.district_id).cloned().unwrap_or_default();
                Figure { observation: o.observation, withheld: o.withheld, district_name, level }
            })
            .collect();
        let f = Arc::new(Figures { generation, rows });
        if let Ok(mut c) = self.figures.lock() {
            c.insert((municipality, raw), f.clone());
        }
        Ok(f)
    }

    /// A district's population table as this reader may see it.
    pub async fn population(
        &self,
        d: &Disclosure,
        municipality: MunicipalityId,
        district: DistrictId,
    ) -> Result<kette_domain::disclosure::PopulationTable> {
        Ok(d.population(self.store.population(municipality, district).await?))
    }
}
