//! The crosswalk on real boundaries: Berlin's 60 old forecast areas (LOR until 2020) to the 58
//! new ones (from 2021), checked against the population register on both sides of the change.

use std::collections::BTreeMap;
use std::path::Path;

use kette_domain::boundary::carry;
use kette_domain::NewObservation;
use kette_ingest::crosswalk::from_polygons;
use kette_ingest::geojson_districts::{parse, DistrictFileSpec};

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel)).unwrap()
}

fn shapes(rel: &str) -> Vec<(String, String)> {
    parse(rel, &read(rel), &DistrictFileSpec::default()).unwrap().into_iter().map(|d| (d.key, d.geometry.unwrap())).collect()
}

fn population_by_forecast_area(rel: &str) -> BTreeMap<String, f64> {
    let text = read(rel);
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let h = rdr.headers().unwrap().clone();
    let (id, n) = (h.iter().position(|c| c == "id").unwrap(), h.iter().position(|c| c == "inhabitants").unwrap());
    let mut out = BTreeMap::new();
    for r in rdr.records() {
        let r = r.unwrap();
        *out.entry(r[id][..4].to_string()).or_insert(0.0) += r[n].parse::<f64>().unwrap();
    }
    out
}

#[test]
fn old_forecast_areas_carry_over_to_the_new_ones() {
    let old = shapes("data/berlin/geo/berlin-lor-forecast-areas-until-2020.geojson");
    let new = shapes("data/berlin/geo/berlin-lor-forecast-areas-from-2021.geojson");
    assert_eq!((old.len(), new.len()), (60, 58));
    let links = from_polygons(&old, &new, 0.002);
    // every old area is fully distributed
    for (key, _) in &old {
        let sum: f64 = links.iter().filter(|l| &l.from == key).map(|l| l.weight).sum();
        assert!((sum - 1.0).abs() < 1e-9, "{key}: {sum}");
    }
    let pop2020 = population_by_forecast_area("data/berlin/population/berlin-lor-population-2020-02-t2-planning-areas.csv");
    let pop2021 = population_by_forecast_area("data/berlin/population/berlin-lor-population-2021-02-t2-planning-areas.csv");
    let rows: Vec<NewObservation> = pop2020
        .iter()
        .map(|(k, v)| NewObservation {
            indicator_code: "inhabitants".into(),
            district_key: k.clone(),
            year: 2020,
            value: Some(*v),
            numerator: None,
            denominator: None,
            source: String::new(),
        })
        .collect();
    let result = carry(&rows, &links, |_| true, "");
    assert!(result.unknown_sources.is_empty() && result.incomplete.is_empty(), "{result:?}");
    let carried: Vec<(String, f64)> = result.rows.iter().map(|r| (r.district_key.clone(), r.value.unwrap())).collect();
    assert_eq!(carried.len(), 58);
    let total_before: f64 = pop2020.values().sum();
    let total_after: f64 = carried.iter().map(|(_, v)| v).sum();
    assert!((total_before - total_after).abs() < 1e-6 * total_before, "nothing is lost");
    // the carried 2020 figures match the register one year later in the new areas: population
    // changes by about 1 % a year, and area weights assume even settlement, so most areas lie
    // within 10 %
    let mut errors: Vec<f64> = carried.iter().map(|(k, v)| ((v - pop2021[k]) / pop2021[k]).abs()).collect();
    errors.sort_by(|a, b| a.total_cmp(b));
    let median = errors[errors.len() / 2];
    assert!(median < 0.05, "median relative difference {median}");
    assert!(errors.iter().filter(|e| **e < 0.10).count() >= 45, "{errors:?}");
}
