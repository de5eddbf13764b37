//! The street network: ways cut at their junctions into edges that keep their shape, so a
//! search visits only junctions while every OpenStreetMap node stays a place on an edge.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::geometry::haversine_m;
use crate::profile::Access;
use crate::ReachError;

/// A way the profile lets the traveller use: its node references in order and its direction.
#[derive(Clone, Debug)]
pub struct RawWay {
    pub refs: Vec<i64>,
    pub access: Access,
}

/// A stretch of street between two junctions (or dead ends), with its shape.
#[derive(Clone, Debug)]
pub struct Edge {
    pub from: u32,
    pub to: u32,
    pub length_m: f64,
    /// from → to allowed
    pub forward: bool,
    /// to → from allowed
    pub backward: bool,
    /// indices into `Network::points`; the first is `from`, the last `to`
    pub first_point: u32,
    pub end_point: u32,
}

/// A place on the network: an edge and the distance from its `from` junction along it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Position {
    pub edge: u32,
    pub offset_m: f64,
}

/// Arcs into each junction, for searches that run from the destinations backwards.
#[derive(Clone, Debug, Default)]
pub struct Incoming {
    pub start: Vec<u32>,
    pub from: Vec<u32>,
    pub length_m: Vec<f64>,
}

impl Incoming {
    /// `arcs` as (from, to, length); built in two passes so each junction's arcs are adjacent.
    pub fn from_arcs(nodes: usize, arcs: impl Iterator<Item = (u32, u32, f64)> + Clone) -> Incoming {
        let mut start = vec![0u32; nodes + 1];
        for (_, to, _) in arcs.clone() {
            start[to as usize + 1] += 1;
        }
        for i in 0..nodes {
            start[i + 1] += start[i];
        }
        let total = start[nodes] as usize;
        let mut fill = start.clone();
        let mut from = vec![0u32; total];
        let mut length_m = vec![0f64; total];
        for (f, to, len) in arcs {
            let slot = fill[to as usize] as usize;
            from[slot] = f;
            length_m[slot] = len;
            fill[to as usize] += 1;
        }
        Incoming { start, from, length_m }
    }

    pub fn nodes(&self) -> usize {
        self.start.len() - 1
    }
}

/// What building the network found, for the caller's summary.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BuildReport {
    pub ways: usize,
    /// node references the file does not contain (an extract cut at its border); the way is
    /// split there rather than joined across the gap
    pub missing_nodes: usize,
    pub nodes: usize,
    pub junctions: usize,
    pub edges: usize,
    pub components: usize,
}

#[derive(Clone, Debug)]
pub struct Network {
    /// lat, lon of each junction
    pub junctions: Vec<[f64; 2]>,
    pub edges: Vec<Edge>,
    /// lat, lon of the edges' shape points
    pub points: Vec<[f64; 2]>,
    /// length from the edge's start to each shape point
    pub along_m: Vec<f64>,
    /// the node (caller's numbering) of each shape point
    pub point_node: Vec<u32>,
    /// each node's place; `edge` is u32::MAX for a node no segment touches
    pub node_position: Vec<Position>,
    /// the OpenStreetMap id of each node (empty for graphs without ids)
    pub node_ids: Vec<i64>,
    pub incoming: Incoming,
    /// connected component of each junction (direction ignored)
    pub component: Vec<u32>,
    /// every OpenStreetMap node of the network with its place
    pub osm_nodes: Vec<(i64, Position)>,
    pub report: BuildReport,
}

/// A piece of street between two consecutive nodes (node indices of the caller's numbering).
#[derive(Clone, Copy, Debug)]
pub struct Segment {
    pub a: u32,
    pub b: u32,
    pub length_m: f64,
    /// a → b allowed
    pub forward: bool,
    /// b → a allowed
    pub backward: bool,
}

impl Segment {
    /// (may leave `x` along it, may arrive at `x` along it)
    fn leaving(&self, x: u32) -> (bool, bool) {
        if self.a == x {
            (self.forward, self.backward)
        } else {
            (self.backward, self.forward)
        }
    }

    fn other(&self, x: u32) -> u32 {
        if self.a == x {
            self.b
        } else {
            self.a
        }
    }
}

impl Network {
    /// The network of the ways. `coords` gives a node's (lat, lon) or None when the file lacks
    /// it; a way is split at a missing node rather than joined across the gap.
    pub fn build(ways: &[RawWay], coords: impl Fn(i64) -> Option<[f64; 2]>) -> Result<Network, ReachError> {
        let mut index: FxHashMap<i64, u32> = FxHashMap::default();
        let mut ids: Vec<i64> = vec![];
        let mut at: Vec<[f64; 2]> = vec![];
        let mut intern = |id: i64, p: [f64; 2]| -> u32 {
            *index.entry(id).or_insert_with(|| {
                ids.push(id);
                at.push(p);
                (ids.len() - 1) as u32
            })
        };
        let mut segments = vec![];
        let mut missing_nodes = 0;
        for way in ways {
            let mut previous: Option<(i64, [f64; 2])> = None;
            for id in &way.refs {
                match coords(*id) {
                    None => {
                        missing_nodes += 1;
                        previous = None;
                    }
                    Some(p) => {
                        if let Some((q, qp)) = previous.filter(|(q, _)| q != id) {
                            let (a, b) = (intern(q, qp), intern(*id, p));
                            segments.push(Segment {
                                a,
                                b,
                                length_m: haversine_m(qp, p),
                                forward: way.access.forward(),
                                backward: way.access.backward(),
                            });
                        }
                        previous = Some((*id, p));
                    }
                }
            }
        }
        if segments.is_empty() {
            return Err(ReachError::EmptyNetwork { ways: ways.len(), missing_nodes });
        }
        let mut net = Network::from_segments(at, &segments);
        net.report.ways = ways.len();
        net.report.missing_nodes = missing_nodes;
        net.osm_nodes = ids.iter().zip(&net.node_position).map(|(id, p)| (*id, *p)).collect();
        net.node_ids = ids;
        Ok(net)
    }

    /// Contracts the segments: a node is a junction unless exactly two segments meet there and
    /// they may be travelled through it alike (so a one-way part never hides in a two-way
    /// edge); chains of pass-through nodes become one edge that keeps their shape. `points`
    /// holds each node's (lat, lon), or anything for graphs without a map.
    pub fn from_segments(points_of_nodes: Vec<[f64; 2]>, segments: &[Segment]) -> Network {
        let n = points_of_nodes.len();
        let mut start = vec![0u32; n + 1];
        for s in segments.iter().filter(|s| s.a != s.b) {
            start[s.a as usize + 1] += 1;
            start[s.b as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut incident = vec![0u32; start[n] as usize];
        for (i, s) in segments.iter().enumerate().filter(|(_, s)| s.a != s.b) {
            for x in [s.a, s.b] {
                incident[fill[x as usize] as usize] = i as u32;
                fill[x as usize] += 1;
            }
        }
        let around = |x: u32| &incident[start[x as usize] as usize..start[x as usize + 1] as usize];
        const NONE: u32 = u32::MAX;
        let mut junction_id = vec![NONE; n];
        let mut junctions: Vec<[f64; 2]> = vec![];
        let mut is_junction: Vec<bool> = (0..n as u32)
            .map(|x| match around(x) {
                [s1, s2] => {
                    let (out1, in1) = segments[*s1 as usize].leaving(x);
                    let (out2, in2) = segments[*s2 as usize].leaving(x);
                    // through x: in along s1 and out along s2, or the other way round
                    !(in1 == out2 && in2 == out1)
                }
                _ => true,
            })
            .collect();
        let mut used = vec![false; segments.len()];
        let mut edges: Vec<Edge> = vec![];
        let mut points: Vec<[f64; 2]> = vec![];
        let mut along_m: Vec<f64> = vec![];
        let mut point_node: Vec<u32> = vec![];
        let mut node_position = vec![Position { edge: NONE, offset_m: 0.0 }; n];
        let mut walk = |first: u32, first_segment: u32, junction_id: &mut Vec<u32>, is_junction: &[bool], used: &mut Vec<bool>| {
            let edge = edges.len() as u32;
            let first_point = points.len() as u32;
            let mut id_of = |x: u32, junction_id: &mut Vec<u32>| {
                if junction_id[x as usize] == NONE {
                    junction_id[x as usize] = junctions.len() as u32;
                    junctions.push(points_of_nodes[x as usize]);
                }
                junction_id[x as usize]
            };
            let from = id_of(first, junction_id);
            let (mut x, mut s) = (first, first_segment);
            let (mut forward, mut backward, mut total) = (true, true, 0.0);
            points.push(points_of_nodes[x as usize]);
            along_m.push(0.0);
            point_node.push(x);
            if node_position[x as usize].edge == NONE {
                node_position[x as usize] = Position { edge, offset_m: 0.0 };
            }
            loop {
                used[s as usize] = true;
                let seg = &segments[s as usize];
                let (out, back) = seg.leaving(x);
                forward &= out;
                backward &= back;
                total += seg.length_m;
                x = seg.other(x);
                points.push(points_of_nodes[x as usize]);
                along_m.push(total);
                point_node.push(x);
                if node_position[x as usize].edge == NONE {
                    node_position[x as usize] = Position { edge, offset_m: total };
                }
                if is_junction[x as usize] {
                    break;
                }
                let pair = around(x);
                s = if pair[0] == s { pair[1] } else { pair[0] };
            }
            let to = id_of(x, junction_id);
            edges.push(Edge { from, to, length_m: total, forward, backward, first_point, end_point: points.len() as u32 });
        };
        for x in 0..n as u32 {
            if is_junction[x as usize] {
                for s in around(x) {
                    if !used[*s as usize] {
                        walk(x, *s, &mut junction_id, &is_junction, &mut used);
                    }
                }
            }
        }
        // rings of pass-through nodes only: one of their nodes becomes a junction
        for (i, s) in segments.iter().enumerate() {
            if s.a != s.b && !used[i] {
                is_junction[s.a as usize] = true;
                walk(s.a, i as u32, &mut junction_id, &is_junction, &mut used);
            }
        }
        let report = BuildReport {
            nodes: node_position.iter().filter(|p| p.edge != NONE).count(),
            junctions: junctions.len(),
            edges: edges.len(),
            ..Default::default()
        };
        let arcs = edges.iter().filter(|e| e.from != e.to).flat_map(|e| {
            let forward = e.forward.then_some((e.from, e.to, e.length_m));
            let backward = e.backward.then_some((e.to, e.from, e.length_m));
            forward.into_iter().chain(backward)
        });
        let incoming = Incoming::from_arcs(junctions.len(), arcs);
        let component = components(junctions.len(), edges.iter().map(|e| (e.from, e.to)));
        let mut report = report;
        report.components = component.iter().copied().max().map_or(0, |m| m as usize + 1);
        Network {
            junctions,
            edges,
            points,
            along_m,
            point_node,
            node_position,
            node_ids: vec![],
            incoming,
            component,
            osm_nodes: vec![],
            report,
        }
    }

    /// lat, lon of a place on the network.
    pub fn locate(&self, at: Position) -> [f64; 2] {
        let e = &self.edges[at.edge as usize];
        let range = e.first_point as usize..e.end_point as usize;
        let along = &self.along_m[range.clone()];
        let pts = &self.points[range];
        let i = along.partition_point(|a| *a <= at.offset_m).clamp(1, pts.len() - 1);
        let span = along[i] - along[i - 1];
        let t = if span > 0.0 { ((at.offset_m - along[i - 1]) / span).clamp(0.0, 1.0) } else { 0.0 };
        [pts[i - 1][0] + t * (pts[i][0] - pts[i - 1][0]), pts[i - 1][1] + t * (pts[i][1] - pts[i - 1][1])]
    }

    /// The uncontracted network: (u, v, metres) between consecutive OpenStreetMap nodes, for
    /// tools that want the graph as an edge list.
    pub fn node_edges(&self) -> impl Iterator<Item = (i64, i64, f64)> + '_ {
        self.edges.iter().flat_map(move |e| {
            (e.first_point as usize..e.end_point as usize - 1).map(move |i| {
                let (a, b) = (self.point_node[i] as usize, self.point_node[i + 1] as usize);
                (self.node_ids[a], self.node_ids[b], self.along_m[i + 1] - self.along_m[i])
            })
        })
    }

    /// The network's extent: min lat, min lon, max lat, max lon.
    pub fn bounds(&self) -> [f64; 4] {
        self.points
            .iter()
            .fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, p| [b[0].min(p[0]), b[1].min(p[1]), b[2].max(p[0]), b[3].max(p[1])])
    }
}

/// Component number of each node, numbered by size (0 the largest).
pub fn components(nodes: usize, links: impl Iterator<Item = (u32, u32)>) -> Vec<u32> {
    let mut parent: Vec<u32> = (0..nodes as u32).collect();
    fn root(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    for (a, b) in links {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }
    let roots: Vec<u32> = (0..nodes as u32).map(|x| root(&mut parent, x)).collect();
    let mut size: HashMap<u32, usize> = HashMap::new();
    for r in &roots {
        *size.entry(*r).or_default() += 1;
    }
    let mut order: Vec<(usize, u32)> = size.into_iter().map(|(r, s)| (s, r)).collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let number: HashMap<u32, u32> = order.iter().enumerate().map(|(i, (_, r))| (*r, i as u32)).collect();
    roots.iter().map(|r| number[r]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> HashMap<i64, [f64; 2]> {
        // a row of nodes 1..=5 along a parallel and 6 above node 3
        let mut c: HashMap<i64, [f64; 2]> = (1..=5).map(|i| (i, [49.0, 8.0 + 0.001 * i as f64])).collect();
        c.insert(6, [49.001, 8.003]);
        c
    }

    #[test]
    fn ways_are_cut_at_junctions_and_pass_through_nodes_stay_places_on_edges() {
        let c = grid();
        let ways = vec![RawWay { refs: vec![1, 2, 3, 4, 5], access: Access::Both }, RawWay { refs: vec![3, 6], access: Access::Both }];
        let net = Network::build(&ways, |id| c.get(&id).copied()).unwrap();
        assert_eq!(net.report.junctions, 4, "1, 3, 5 and 6");
        assert_eq!(net.edges.len(), 3);
        assert_eq!(net.osm_nodes.len(), 6);
        let (_, two) = net.osm_nodes.iter().find(|(id, _)| *id == 2).unwrap();
        let step = haversine_m(c[&1], c[&2]);
        assert!((two.offset_m - step).abs() < 1e-9);
        let back = net.locate(*two);
        assert!((back[1] - 8.002).abs() < 1e-12 && (back[0] - 49.0).abs() < 1e-12);
        assert_eq!(net.report.components, 1);
    }

    #[test]
    fn a_missing_node_splits_the_way_instead_of_joining_across_the_gap() {
        let mut c = grid();
        c.remove(&3);
        let ways = vec![RawWay { refs: vec![1, 2, 3, 4, 5], access: Access::Both }];
        let net = Network::build(&ways, |id| c.get(&id).copied()).unwrap();
        assert_eq!(net.report.missing_nodes, 1);
        assert_eq!(net.edges.len(), 2);
        assert_eq!(net.report.components, 2);
    }

    #[test]
    fn nothing_usable_is_an_error_not_an_empty_network() {
        let c = grid();
        let ways = vec![RawWay { refs: vec![1, 99], access: Access::Both }];
        let err = Network::build(&ways, |id| c.get(&id).copied()).unwrap_err();
        assert!(matches!(err, ReachError::EmptyNetwork { ways: 1, missing_nodes: 1 }));
    }

    #[test]
    fn one_way_edges_only_lead_in_their_direction() {
        let c = grid();
        let ways = vec![RawWay { refs: vec![1, 2], access: Access::Forward }];
        let net = Network::build(&ways, |id| c.get(&id).copied()).unwrap();
        // the only arc goes 1 → 2, stored as incoming at junction of 2
        let to = net.edges[0].to as usize;
        assert_eq!(net.incoming.start[to + 1] - net.incoming.start[to], 1);
        let from = net.edges[0].from as usize;
        assert_eq!(net.incoming.start[from + 1] - net.incoming.start[from], 0);
    }
}
