//! Shares of an area's people within a walk of a destination, on the street network: the
//! server's counterpart of `estimate`. An area is a group of origin points (its grid) with the
//! people spread evenly over them; a point farther from every usable street than the access
//! limit (a lake, a rail yard) houses nobody and leaves the count.

use rayon::prelude::*;

use crate::query::{nearest_distances_by_kind, Destinations};
use crate::snap::{SnapIndex, Snapped};
use crate::Network;

/// The origins of every area placed on the network once, for any number of destination sets.
pub struct PlacedAreas {
    /// placed origins of all areas, one after the other
    origins: Vec<Option<Snapped>>,
    /// where each area's origins start in `origins`, and one past the last
    starts: Vec<usize>,
}

impl PlacedAreas {
    pub fn new(net: &Network, index: &SnapIndex, areas: &[Vec<[f64; 2]>], max_access_m: f64) -> PlacedAreas {
        let mut starts = Vec::with_capacity(areas.len() + 1);
        let mut all = vec![];
        for a in areas {
            starts.push(all.len());
            all.extend(a.iter().copied());
        }
        starts.push(all.len());
        let origins = all.par_iter().map(|p| index.snap(net, *p, max_access_m)).collect();
        PlacedAreas { origins, starts }
    }

    /// Per area, per limit (metres on the network), the share of its placed origins whose
    /// nearest destination lies within the limit; None for an area without placed origins.
    /// Destinations farther than `max_access_m` from a street are left out.
    pub fn shares_within(
        &self,
        net: &Network,
        index: &SnapIndex,
        destinations: &[[f64; 2]],
        limits_m: &[f64],
        max_access_m: f64,
    ) -> Vec<Vec<Option<f64>>> {
        let places: Vec<Snapped> = destinations.par_iter().filter_map(|p| index.snap(net, *p, max_access_m)).collect();
        let cutoff = limits_m.iter().copied().fold(0.0, f64::max);
        let distances = if places.is_empty() {
            vec![f64::INFINITY; self.origins.len()]
        } else {
            let kinds = [Destinations { kind: String::new(), places }];
            nearest_distances_by_kind(net, &kinds, &self.origins, cutoff).pop().unwrap_or_default()
        };
        self.starts
            .windows(2)
            .map(|w| {
                let placed: Vec<f64> = (w[0]..w[1]).filter(|i| self.origins[*i].is_some()).map(|i| distances[i]).collect();
                limits_m
                    .iter()
                    .map(|limit| (!placed.is_empty()).then(|| placed.iter().filter(|d| **d <= *limit).count() as f64 / placed.len() as f64))
                    .collect()
            })
            .collect()
    }

    /// Origins of the area that lie on the network (the rest left the count).
    pub fn placed_in(&self, area: usize) -> usize {
        self.origins[self.starts[area]..self.starts[area + 1]].iter().filter(|o| o.is_some()).count()
    }
}
