//! The bare algorithm on a given undirected graph, so kette can be compared with other tools on
//! exactly the same edges: an edge list (u, v, length_m), destination nodes (node, kind), and
//! for every node the distance to the nearest destination of each kind within a cutoff.

use std::io::Write;

use rustc_hash::FxHashMap;

use crate::network::{Network, Segment};
use crate::query::{nearest_distances_by_kind, Destinations};
use crate::snap::Snapped;
use crate::tables::{column, for_each_row, number, read_table, Problems};
use crate::{write_decimal, ReachError};

#[derive(Debug)]
pub struct EdgeList {
    pub names: Vec<String>,
    index: FxHashMap<String, u32>,
    /// the edges contracted like a street network (a graph without a map)
    pub network: Network,
    pub edges: usize,
}

impl EdgeList {
    pub fn read(file: &str, bytes: &[u8]) -> Result<EdgeList, ReachError> {
        let mut names: Vec<String> = vec![];
        let mut index: FxHashMap<String, u32> = FxHashMap::default();
        let mut segments: Vec<Segment> = Vec::with_capacity(bytes.len() / 24);
        let mut problems = Problems::new(file);
        let (names_of, index_of, segments_of, problems_of) = (&mut names, &mut index, &mut segments, &mut problems);
        for_each_row(file, bytes, move |h| {
            let u = column(file, h, &["u", "from", "source", "node_from"], true)?.expect("required");
            let v = column(file, h, &["v", "to", "target", "node_to"], true)?.expect("required");
            let len = column(file, h, &["length_m", "length", "distance", "weight"], true)?.expect("required");
            Ok(move |line: usize, r: &csv::StringRecord| {
                let (names, index) = (&mut *names_of, &mut *index_of);
                let mut node = |i: usize, name: &str, problems: &mut Problems| {
                    let id = r.get(i).unwrap_or("").trim();
                    if id.is_empty() {
                        problems.add(line, format!("{name} is empty (expected a node id)"));
                        return None;
                    }
                    if let Some(n) = index.get(id) {
                        return Some(*n);
                    }
                    names.push(id.to_string());
                    index.insert(id.to_string(), (names.len() - 1) as u32);
                    Some((names.len() - 1) as u32)
                };
                let a = node(u, "u", problems_of);
                let b = node(v, "v", problems_of);
                let cell = r.get(len).unwrap_or("").trim();
                let length = match number(cell) {
                    Some(l) if l >= 0.0 => Some(l),
                    _ => {
                        problems_of.add(line, format!("length_m: expected metres ≥ 0, found '{}'", kette_text::excerpt(cell)));
                        None
                    }
                };
                if let (Some(a), Some(b), Some(length_m)) = (a, b, length) {
                    segments_of.push(Segment { a, b, length_m, forward: true, backward: true });
                }
            })
        })?;
        problems.into_result()?;
        let network = Network::from_segments(vec![[0.0, 0.0]; names.len()], &segments);
        Ok(EdgeList { names, index, network, edges: segments.len() })
    }

    /// Destination nodes by kind, in the order the kinds first appear.
    pub fn read_destinations(&self, file: &str, bytes: &[u8]) -> Result<Vec<(String, Vec<u32>)>, ReachError> {
        let table = read_table(file, bytes)?;
        let node = column(file, &table.headers, &["node", "node_id", "id"], true)?.expect("required");
        let kind = column(file, &table.headers, &["kind", "category", "art"], true)?.expect("required");
        let mut problems = Problems::new(file);
        let mut kinds: Vec<(String, Vec<u32>)> = vec![];
        for (line, r) in &table.rows {
            let id = r.get(node).unwrap_or("").trim();
            let k = r.get(kind).unwrap_or("").trim();
            let Some(n) = self.index.get(id) else {
                problems.add(*line, format!("node '{}' is not in the edge list", kette_text::excerpt(id)));
                continue;
            };
            if k.is_empty() {
                problems.add(*line, "kind is empty".into());
                continue;
            }
            match kinds.iter_mut().find(|(name, _)| name == k) {
                Some((_, nodes)) => nodes.push(*n),
                None => kinds.push((k.to_string(), vec![*n])),
            }
        }
        problems.into_result()?;
        Ok(kinds)
    }

    /// Distance from each node to its kind's nearest destination (infinite beyond the cutoff),
    /// one search per kind over the contracted graph, the kinds shared out over the cores.
    pub fn nearest(&self, kinds: &[(String, Vec<u32>)], cutoff_m: f64) -> Vec<Vec<f64>> {
        let net = &self.network;
        let on_network = |n: u32| Some(net.node_position[n as usize]).filter(|p| p.edge != u32::MAX);
        let destinations: Vec<Destinations> = kinds
            .iter()
            .map(|(kind, nodes)| Destinations {
                kind: kind.clone(),
                places: nodes.iter().filter_map(|n| on_network(*n)).map(|at| Snapped { at, access_m: 0.0 }).collect(),
            })
            .collect();
        let origins: Vec<Option<Snapped>> =
            (0..self.names.len() as u32).map(|n| on_network(n).map(|at| Snapped { at, access_m: 0.0 })).collect();
        let mut out = nearest_distances_by_kind(net, &destinations, &origins, cutoff_m);
        // a destination on no edge (only a loop on itself) is still at distance 0 from itself
        for ((_, nodes), dist) in kinds.iter().zip(&mut out) {
            for n in nodes {
                dist[*n as usize] = 0.0;
            }
        }
        out
    }

    /// `node,kind,distance_m` for every node within the cutoff, kinds in order, nodes in the order
    /// the edge list named them; distances to the centimetre.
    pub fn write(&self, kinds: &[(String, Vec<u32>)], distances: &[Vec<f64>], out: &mut impl Write) -> std::io::Result<usize> {
        out.write_all(b"node,kind,distance_m\n")?;
        let mut rows = 0;
        for ((kind, _), dist) in kinds.iter().zip(distances) {
            let kind = kette_text::spreadsheet_safe(kind);
            for (name, d) in self.names.iter().zip(dist) {
                if d.is_finite() {
                    out.write_all(kette_text::spreadsheet_safe(name).as_bytes())?;
                    out.write_all(b",")?;
                    out.write_all(kind.as_bytes())?;
                    out.write_all(b",")?;
                    write_decimal(out, *d, 2)?;
                    out.write_all(b"\n")?;
                    rows += 1;
                }
            }
        }
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_triangle_with_a_tail_gives_the_shortest_distances_and_the_cutoff_drops_the_far_node() {
        let edges = EdgeList::read("e.csv", b"u,v,length_m\na,b,10\nb,c,5\na,c,20\nc,d,100\n").unwrap();
        let kinds = edges.read_destinations("p.csv", b"node,kind\na,kita\n").unwrap();
        let d = edges.nearest(&kinds, 50.0);
        let mut out = vec![];
        let rows = edges.write(&kinds, &d, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "node,kind,distance_m\na,kita,0.00\nb,kita,10.00\nc,kita,15.00\n");
        assert_eq!(rows, 3);
    }

    #[test]
    fn bad_rows_are_all_named_and_unknown_destination_nodes_refused() {
        let err = EdgeList::read("e.csv", b"u,v,length_m\na,b,-1\n,c,5\na,c,x\n").unwrap_err().to_string();
        assert!(err.contains("line 2: length_m") && err.contains("line 3: u is empty") && err.contains("line 4: length_m"), "{err}");
        let edges = EdgeList::read("e.csv", b"u,v,length_m\na,b,1\n").unwrap();
        let err = edges.read_destinations("p.csv", b"node,kind\nz,kita\n").unwrap_err().to_string();
        assert!(err.contains("p.csv") && err.contains("line 2: node 'z' is not in the edge list"), "{err}");
    }
}
