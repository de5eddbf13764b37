//! One reachability run: destinations and origins placed on the network, the nearest
//! destination of each kind for every origin, what could not be placed said with counts, and
//! the result as a table (one row per origin and kind).

use std::io::Write;

use rayon::prelude::*;

use crate::network::Network;
use crate::query::{nearest_by_kind, Destinations, Outcome};
use crate::snap::{SnapIndex, Snapped};
use crate::{write_decimal, ReachError};

/// A point that becomes a destination or an origin; `source` names it in warnings
/// ("kitas.csv line 7", "OSM n123").
#[derive(Clone, Debug)]
pub struct Place {
    pub id: String,
    pub source: String,
    pub at: [f64; 2],
    pub kind: String,
    pub weight: f64,
}

#[derive(Clone, Copy, Debug)]
pub struct Parameters {
    pub speed_kmh: f64,
    pub cutoff_min: f64,
    /// a point farther from every street than this is not placed (default 500 m)
    pub max_access_m: f64,
}

impl Parameters {
    pub fn check(&self) -> Result<(), ReachError> {
        let ok = |v: f64| v.is_finite() && v > 0.0;
        if !ok(self.speed_kmh) || self.speed_kmh > 100.0 {
            return Err(ReachError::Parameter { name: "speed-kmh", expected: "a speed above 0 and at most 100 km/h" });
        }
        if !ok(self.cutoff_min) || self.cutoff_min > 600.0 {
            return Err(ReachError::Parameter { name: "cutoff-min", expected: "minutes above 0 and at most 600" });
        }
        if !ok(self.max_access_m) {
            return Err(ReachError::Parameter { name: "max-access-m", expected: "metres above 0" });
        }
        Ok(())
    }

    pub fn metres_per_minute(&self) -> f64 {
        self.speed_kmh * 1000.0 / 60.0
    }

    pub fn cutoff_m(&self) -> f64 {
        self.cutoff_min * self.metres_per_minute()
    }
}

/// Something the run could not use, with counts; the run goes on without it.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    DestinationsNotPlaced {
        kind: String,
        count: usize,
        first: String,
        max_access_m: f64,
    },
    OriginsNotPlaced {
        count: usize,
        of: usize,
        first: String,
        max_access_m: f64,
    },
    KindWithoutDestinations {
        kind: String,
    },
    /// census cells whose count the statistical office keeps secret, left out as origins
    CensusCellsWithheld {
        count: usize,
        of: usize,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::DestinationsNotPlaced { kind, count, first, max_access_m } => write!(
                f,
                "{count} destination(s) of kind '{kind}' lie more than {max_access_m} m from every usable street and were left out (first: {first})"
            ),
            Warning::OriginsNotPlaced { count, of, first, max_access_m } => write!(
                f,
                "{count} of {of} origin(s) lie more than {max_access_m} m from every usable street (in the sea, outside the extract?); they are reported as off_network (first: {first})"
            ),
            Warning::KindWithoutDestinations { kind } => {
                write!(f, "kind '{kind}' has no destination on the network; every origin is reported as no_path for it")
            }
            Warning::CensusCellsWithheld { count, of } => write!(
                f,
                "{count} of {of} census cells have a count the statistical office keeps secret; they were left out as origins, not counted as empty"
            ),
        }
    }
}

/// Per kind: how many origins (and how much weight) reach it within the cutoff and within
/// 5, 10 and 15 minutes.
#[derive(Clone, Debug, PartialEq)]
pub struct KindSummary {
    pub kind: String,
    pub destinations: usize,
    pub reached: usize,
    pub weight_total: f64,
    /// weight within 5, 10, 15 minutes and within the cutoff
    pub weight_within: [f64; 4],
}

pub struct RunResult {
    pub origins: Vec<Place>,
    pub kinds: Vec<String>,
    /// [kind][origin]
    pub outcomes: Vec<Vec<Outcome>>,
    pub warnings: Vec<Warning>,
    pub summary: Vec<KindSummary>,
    pub parameters: Parameters,
}

/// Origins as every OpenStreetMap node of the network (weight 1), already on their edge.
pub fn node_origins(net: &Network) -> (Vec<Place>, Vec<Option<Snapped>>) {
    net.osm_nodes
        .iter()
        .map(|(id, at)| {
            let place = Place { id: id.to_string(), source: format!("OSM n{id}"), at: net.locate(*at), kind: String::new(), weight: 1.0 };
            (place, Some(Snapped { at: *at, access_m: 0.0 }))
        })
        .unzip()
}

/// Places the origins on the network (in parallel).
pub fn place(net: &Network, index: &SnapIndex, places: &[Place], max_access_m: f64) -> Vec<Option<Snapped>> {
    places.par_iter().map(|p| index.snap(net, p.at, max_access_m)).collect()
}

/// The run. `kinds` fixes the order of the kinds (a kind without destinations is kept and
/// warned about); `origins_placed` is aligned with `origins`.
pub fn run(
    net: &Network,
    index: &SnapIndex,
    kinds: &[String],
    destinations: &[Place],
    origins: Vec<Place>,
    origins_placed: Vec<Option<Snapped>>,
    parameters: Parameters,
) -> Result<RunResult, ReachError> {
    parameters.check()?;
    let mut warnings = vec![];
    let placed: Vec<Option<Snapped>> = destinations.par_iter().map(|d| index.snap(net, d.at, parameters.max_access_m)).collect();
    let mut per_kind: Vec<Destinations> = vec![];
    for kind in kinds {
        let mut places = vec![];
        let mut missed: Vec<&Place> = vec![];
        for (d, s) in destinations.iter().zip(&placed).filter(|(d, _)| &d.kind == kind) {
            match s {
                Some(s) => places.push(*s),
                None => missed.push(d),
            }
        }
        if let Some(first) = missed.first() {
            warnings.push(Warning::DestinationsNotPlaced {
                kind: kind.clone(),
                count: missed.len(),
                first: first.source.clone(),
                max_access_m: parameters.max_access_m,
            });
        }
        if places.is_empty() {
            warnings.push(Warning::KindWithoutDestinations { kind: kind.clone() });
        }
        per_kind.push(Destinations { kind: kind.clone(), places });
    }
    let off: Vec<&Place> = origins.iter().zip(&origins_placed).filter(|(_, s)| s.is_none()).map(|(p, _)| p).collect();
    if let Some(first) = off.first() {
        warnings.push(Warning::OriginsNotPlaced {
            count: off.len(),
            of: origins.len(),
            first: first.source.clone(),
            max_access_m: parameters.max_access_m,
        });
    }
    let cutoff_m = parameters.cutoff_m();
    let outcomes = nearest_by_kind(net, &per_kind, &origins_placed, cutoff_m);
    let per_minute = parameters.metres_per_minute();
    let summary = per_kind
        .iter()
        .zip(&outcomes)
        .map(|(k, out)| {
            let mut s =
                KindSummary { kind: k.kind.clone(), destinations: k.places.len(), reached: 0, weight_total: 0.0, weight_within: [0.0; 4] };
            for (o, p) in out.iter().zip(&origins) {
                s.weight_total += p.weight;
                if let Some(d) = o.distance_m() {
                    s.reached += 1;
                    for (slot, limit) in [5.0, 10.0, 15.0, f64::INFINITY].iter().enumerate() {
                        if d <= limit * per_minute {
                            s.weight_within[slot] += p.weight;
                        }
                    }
                }
            }
            s
        })
        .collect();
    Ok(RunResult { origins, kinds: kinds.to_vec(), outcomes, warnings, summary, parameters })
}

impl RunResult {
    /// `origin,lat,lon,weight,kind,status,distance_m,minutes`; distance and minutes are empty
    /// unless the status is `reached` (never zero or infinity for "no way").
    pub fn write_csv(&self, out: &mut impl Write) -> std::io::Result<usize> {
        out.write_all(b"origin,lat,lon,weight,kind,status,distance_m,minutes\n")?;
        let per_minute = self.parameters.metres_per_minute();
        let kinds: Vec<String> = self.kinds.iter().map(|k| kette_text::spreadsheet_safe(k).into_owned()).collect();
        let mut rows = 0;
        for (i, origin) in self.origins.iter().enumerate() {
            let id = kette_text::spreadsheet_safe(&origin.id);
            for (k, kind) in kinds.iter().enumerate() {
                let outcome = self.outcomes[k][i];
                out.write_all(id.as_bytes())?;
                out.write_all(b",")?;
                write_decimal(out, origin.at[0], 7)?;
                out.write_all(b",")?;
                write_decimal(out, origin.at[1], 7)?;
                out.write_all(b",")?;
                write_decimal(out, origin.weight, if origin.weight.fract() == 0.0 { 0 } else { 3 })?;
                out.write_all(b",")?;
                out.write_all(kind.as_bytes())?;
                out.write_all(b",")?;
                out.write_all(outcome.status().as_bytes())?;
                out.write_all(b",")?;
                if let Some(d) = outcome.distance_m() {
                    write_decimal(out, d, 1)?;
                    out.write_all(b",")?;
                    write_decimal(out, d / per_minute, 2)?;
                } else {
                    out.write_all(b",")?;
                }
                out.write_all(b"\n")?;
                rows += 1;
            }
        }
        Ok(rows)
    }
}
