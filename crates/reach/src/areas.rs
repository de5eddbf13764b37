//! Shares of an area's people within a walk of a destination, on the street network: the
//! server's counterpart of `estimate`. An area is a group of origin points — its homes, each
//! with the people it stands for, or a grid with the people spread evenly — and a point farther
//! from every usable street than the access limit (a lake, a rail yard) leaves the count.

use rayon::prelude::*;

use crate::query::{nearest_distances_by_kind, Destinations};
use crate::snap::{SnapIndex, Snapped};
use crate::Network;

/// The origins of every area placed on the network once, for any number of destination sets.
pub struct PlacedAreas {
    /// placed origins of all areas, one after the other
    origins: Vec<Option<Snapped>>,
    /// the people each origin stands for (1 each on a grid)
    weights: Vec<f64>,
    /// where each area's origins start in `origins`, and one past the last
    starts: Vec<usize>,
}

impl PlacedAreas {
    /// Areas whose people are spread evenly over their points (a grid).
    pub fn new(net: &Network, index: &SnapIndex, areas: &[Vec<[f64; 2]>], max_access_m: f64) -> PlacedAreas {
        let weighted: Vec<Vec<([f64; 2], f64)>> = areas.iter().map(|a| a.iter().map(|p| (*p, 1.0)).collect()).collect();
        PlacedAreas::weighted(net, index, &weighted, max_access_m)
    }

    /// Areas whose people are shared out over their points by weight (homes by floor area).
    pub fn weighted(net: &Network, index: &SnapIndex, areas: &[Vec<([f64; 2], f64)>], max_access_m: f64) -> PlacedAreas {
        let mut starts = Vec::with_capacity(areas.len() + 1);
        let mut all = vec![];
        for a in areas {
            starts.push(all.len());
            all.extend(a.iter().copied());
        }
        starts.push(all.len());
        let origins = all.par_iter().map(|(p, _)| index.snap(net, *p, max_access_m)).collect();
        PlacedAreas { origins, weights: all.iter().map(|(_, w)| *w).collect(), starts }
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
                let placed: Vec<(f64, f64)> =
                    (w[0]..w[1]).filter(|i| self.origins[*i].is_some()).map(|i| (distances[i], self.weights[i])).collect();
                let total: f64 = placed.iter().map(|(_, w)| w).sum();
                limits_m
                    .iter()
                    .map(|limit| (total > 0.0).then(|| placed.iter().filter(|(d, _)| *d <= *limit).map(|(_, w)| w).sum::<f64>() / total))
                    .collect()
            })
            .collect()
    }

    /// Per origin (all areas one after the other, as given), the metres on the network to the
    /// nearest destination: None for an origin off the network, infinity beyond `cutoff_m` or
    /// without a destination on the network.
    pub fn distances(
        &self,
        net: &Network,
        index: &SnapIndex,
        destinations: &[[f64; 2]],
        cutoff_m: f64,
        max_access_m: f64,
    ) -> Vec<Option<f64>> {
        let places: Vec<Snapped> = destinations.par_iter().filter_map(|p| index.snap(net, *p, max_access_m)).collect();
        let distances = if places.is_empty() {
            vec![f64::INFINITY; self.origins.len()]
        } else {
            let kinds = [Destinations { kind: String::new(), places }];
            nearest_distances_by_kind(net, &kinds, &self.origins, cutoff_m).pop().unwrap_or_default()
        };
        self.origins.iter().zip(distances).map(|(o, d)| o.as_ref().map(|_| if d <= cutoff_m { d } else { f64::INFINITY })).collect()
    }

    /// Origins of the area that lie on the network (the rest left the count).
    pub fn placed_in(&self, area: usize) -> usize {
        self.origins[self.starts[area]..self.starts[area + 1]].iter().filter(|o| o.is_some()).count()
    }
}
