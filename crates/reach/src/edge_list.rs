//! The bare algorithm on a given undirected graph, so kette can be compared with other tools on
//! exactly the same edges: an edge list (u, v, length_m), destination nodes (node, kind), and
//! for every node the distance to the nearest destination of each kind within a cutoff.

use std::collections::HashMap;
use std::io::Write;

use rayon::prelude::*;

use crate::network::Incoming;
use crate::search::nearest_seed_distances;
use crate::tables::{column, number, read_table, Problems};
use crate::{write_decimal, ReachError};

#[derive(Debug)]
pub struct EdgeList {
    pub names: Vec<String>,
    index: HashMap<String, u32>,
    pub graph: Incoming,
    pub edges: usize,
}

impl EdgeList {
    pub fn read(file: &str, bytes: &[u8]) -> Result<EdgeList, ReachError> {
        let table = read_table(file, bytes)?;
        let h = &table.headers;
        let u = column(file, h, &["u", "from", "source", "node_from"], true)?.expect("required");
        let v = column(file, h, &["v", "to", "target", "node_to"], true)?.expect("required");
        let len = column(file, h, &["length_m", "length", "distance", "weight"], true)?.expect("required");
        let mut names: Vec<String> = vec![];
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut arcs: Vec<(u32, u32, f64)> = Vec::with_capacity(table.rows.len() * 2);
        let mut problems = Problems::new(file);
        for (line, r) in &table.rows {
            let mut node = |i: usize, name: &str, problems: &mut Problems| {
                let id = r.get(i).unwrap_or("").trim();
                if id.is_empty() {
                    problems.add(*line, format!("{name} is empty (expected a node id)"));
                    return None;
                }
                Some(*index.entry(id.to_string()).or_insert_with(|| {
                    names.push(id.to_string());
                    (names.len() - 1) as u32
                }))
            };
            let a = node(u, "u", &mut problems);
            let b = node(v, "v", &mut problems);
            let cell = r.get(len).unwrap_or("").trim();
            let length = match number(cell) {
                Some(l) if l >= 0.0 => Some(l),
                _ => {
                    problems.add(*line, format!("length_m: expected metres ≥ 0, found '{}'", kette_text::excerpt(cell)));
                    None
                }
            };
            if let (Some(a), Some(b), Some(l)) = (a, b, length) {
                arcs.push((a, b, l));
                arcs.push((b, a, l));
            }
        }
        problems.into_result()?;
        let edges = arcs.len() / 2;
        let graph = Incoming::from_arcs(names.len(), arcs.into_iter());
        Ok(EdgeList { names, index, graph, edges })
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
    /// one search per kind, the kinds shared out over the cores.
    pub fn nearest(&self, kinds: &[(String, Vec<u32>)], cutoff_m: f64) -> Vec<Vec<f64>> {
        kinds
            .par_iter()
            .map(|(_, nodes)| {
                let seeds: Vec<(u32, f64)> = nodes.iter().map(|n| (*n, 0.0)).collect();
                nearest_seed_distances(&self.graph, &seeds, cutoff_m)
            })
            .collect()
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
