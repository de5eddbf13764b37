//! "How far is the nearest offer of each kind?" for many origins: one backward search per kind
//! from all its places, the kinds shared out over the cores, then each origin read off the two
//! ends of its edge (and any offer on the same edge).

use rayon::prelude::*;

use crate::network::Network;
use crate::search::nearest_seed_distances;
use crate::snap::Snapped;

/// The destinations of one kind, placed on the network.
#[derive(Clone, Debug)]
pub struct Destinations {
    pub kind: String,
    pub places: Vec<Snapped>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// metres on foot (or by bike) including the ways to and from the street
    Reached(f64),
    /// a way exists but is longer than the cutoff
    BeyondCutoff,
    /// the origin's part of the network holds no destination of this kind
    NoPath,
    /// the origin lies too far from any street to be placed
    OffNetwork,
}

impl Outcome {
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::Reached(_) => "reached",
            Outcome::BeyondCutoff => "beyond_cutoff",
            Outcome::NoPath => "no_path",
            Outcome::OffNetwork => "off_network",
        }
    }

    pub fn distance_m(&self) -> Option<f64> {
        match self {
            Outcome::Reached(d) => Some(*d),
            _ => None,
        }
    }
}

/// For each kind (outer) and origin (inner) the way to the nearest destination of the kind
/// within `cutoff_m`.
pub fn nearest_by_kind(net: &Network, kinds: &[Destinations], origins: &[Option<Snapped>], cutoff_m: f64) -> Vec<Vec<Outcome>> {
    kinds
        .par_iter()
        .map(|kind| {
            let (distances, served) = distances_of_kind(net, kind, origins, cutoff_m);
            distances
                .iter()
                .zip(origins)
                .map(|(d, origin)| match origin {
                    None => Outcome::OffNetwork,
                    Some(_) if d.is_finite() => Outcome::Reached(*d),
                    Some(o) if served[net.component[net.edges[o.at.edge as usize].from as usize] as usize] => Outcome::BeyondCutoff,
                    Some(_) => Outcome::NoPath,
                })
                .collect()
        })
        .collect()
}

/// The bare distances (infinite when not within the cutoff or not placed), for callers that
/// need no status.
pub fn nearest_distances_by_kind(net: &Network, kinds: &[Destinations], origins: &[Option<Snapped>], cutoff_m: f64) -> Vec<Vec<f64>> {
    kinds.par_iter().map(|kind| distances_of_kind(net, kind, origins, cutoff_m).0).collect()
}

/// Each origin's distance to the kind's nearest place within the cutoff, and which parts of the
/// network hold a place of the kind.
fn distances_of_kind(net: &Network, kind: &Destinations, origins: &[Option<Snapped>], cutoff_m: f64) -> (Vec<f64>, Vec<bool>) {
    let mut seeds = Vec::with_capacity(kind.places.len() * 2);
    // places by edge, with a dense index: every origin asks whether its edge holds a place
    let mut by_edge: Vec<(u32, f64, f64)> = kind.places.iter().map(|p| (p.at.edge, p.at.offset_m, p.access_m)).collect();
    by_edge.sort_by_key(|p| p.0);
    let mut first_on_edge = vec![u32::MAX; net.edges.len()];
    for (i, (edge, _, _)) in by_edge.iter().enumerate().rev() {
        first_on_edge[*edge as usize] = i as u32;
    }
    let mut served = vec![false; net.report.components];
    for place in &kind.places {
        let e = &net.edges[place.at.edge as usize];
        let o = place.at.offset_m;
        // from the edge's start the place lies ahead (forward), from its end behind (backward)
        if o <= 0.0 || e.forward {
            seeds.push((e.from, o + place.access_m));
        }
        if o >= e.length_m || e.backward {
            seeds.push((e.to, e.length_m - o + place.access_m));
        }
        served[net.component[e.from as usize] as usize] = true;
    }
    let dist = nearest_seed_distances(&net.incoming, &seeds, cutoff_m);
    let distances = origins
        .iter()
        .map(|origin| {
            let Some(origin) = origin else { return f64::INFINITY };
            let e = &net.edges[origin.at.edge as usize];
            let o = origin.at.offset_m;
            let mut best = f64::INFINITY;
            if o <= 0.0 || e.backward {
                best = best.min(o + dist[e.from as usize]);
            }
            if o >= e.length_m || e.forward {
                best = best.min(e.length_m - o + dist[e.to as usize]);
            }
            let first = first_on_edge[origin.at.edge as usize];
            if first != u32::MAX {
                for (_, p, access) in by_edge[first as usize..].iter().take_while(|(edge, _, _)| *edge == origin.at.edge) {
                    if (*p >= o && e.forward) || (*p <= o && e.backward) {
                        best = best.min((p - o).abs() + access);
                    }
                }
            }
            let total = best + origin.access_m;
            if total <= cutoff_m {
                total
            } else {
                f64::INFINITY
            }
        })
        .collect();
    (distances, served)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::network::{Position, RawWay};
    use crate::profile::Access;

    /// Two streets: 1-2-3 (about 1,460 m, east-west) and the separate 10-11.
    fn net(access: Access) -> Network {
        let c: HashMap<i64, [f64; 2]> =
            HashMap::from([(1, [49.0, 8.0]), (2, [49.0, 8.01]), (3, [49.0, 8.02]), (10, [49.1, 8.0]), (11, [49.1, 8.01])]);
        Network::build(&[RawWay { refs: vec![1, 2, 3], access }, RawWay { refs: vec![10, 11], access: Access::Both }], |id| {
            c.get(&id).copied()
        })
        .unwrap()
    }

    fn at(edge: u32, offset_m: f64, access_m: f64) -> Snapped {
        Snapped { at: Position { edge, offset_m }, access_m }
    }

    #[test]
    fn origins_read_their_distance_off_both_ends_and_off_their_own_edge() {
        let n = net(Access::Both);
        let len = n.edges[0].length_m;
        let kind = Destinations { kind: "kita".into(), places: vec![at(0, 100.0, 10.0)] };
        let origins = vec![Some(at(0, 700.0, 5.0)), Some(at(0, 0.0, 0.0)), Some(at(1, 10.0, 0.0)), None];
        let out = &nearest_by_kind(&n, std::slice::from_ref(&kind), &origins, 5_000.0)[0];
        assert_eq!(out[0], Outcome::Reached(600.0 + 10.0 + 5.0));
        assert_eq!(out[1], Outcome::Reached(110.0));
        assert_eq!(out[2], Outcome::NoPath, "the other street is not connected");
        assert_eq!(out[3], Outcome::OffNetwork);
        let short = &nearest_by_kind(&n, &[kind], &origins, 300.0)[0];
        assert_eq!(short[0], Outcome::BeyondCutoff);
        assert!(len > 1400.0);
    }

    #[test]
    fn a_one_way_street_is_not_walked_against_its_direction() {
        let n = net(Access::Forward);
        let kind = Destinations { kind: "kita".into(), places: vec![at(0, 100.0, 0.0)] };
        // from 700 m the place lies behind: no way back on a one-way edge and no other street
        let out = &nearest_by_kind(&n, &[kind], &[Some(at(0, 50.0, 0.0)), Some(at(0, 700.0, 0.0))], 5_000.0)[0];
        assert_eq!(out[0], Outcome::Reached(50.0));
        assert_eq!(out[1], Outcome::BeyondCutoff);
    }
}
