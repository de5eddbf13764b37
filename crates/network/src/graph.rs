//! The graph: nodes with a stable id and a label, undirected edges with a kind and a weight.

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Stable across exports (GraphML node id, e.g. "org-12").
    pub id: String,
    pub label: String,
    /// Further facts written to the exports (e.g. the organisation's domain).
    pub attributes: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub source: usize,
    pub target: usize,
    /// What ties the two (an agreement's kind, a shared body, …).
    pub kind: String,
    pub weight: f64,
}

/// An undirected graph. Parallel edges and loops are kept as given; the metrics treat them as
/// networkx does (they count towards degree and the edge count, not towards paths).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    index: HashMap<String, usize>,
}

impl Graph {
    pub fn new() -> Graph {
        Graph::default()
    }

    /// The node with this id, added if new; its index.
    pub fn node(&mut self, id: &str, label: &str) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        self.nodes.push(Node { id: id.to_string(), label: label.to_string(), attributes: vec![] });
        self.index.insert(id.to_string(), self.nodes.len() - 1);
        self.nodes.len() - 1
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn edge(&mut self, source: usize, target: usize, kind: &str, weight: f64) {
        self.edges.push(Edge { source, target, kind: kind.to_string(), weight });
    }

    /// Neighbours without repetition (compressed rows), for the path searches.
    pub(crate) fn neighbours(&self) -> (Vec<u32>, Vec<u32>) {
        let n = self.nodes.len();
        let mut lists: Vec<Vec<u32>> = vec![vec![]; n];
        for e in self.edges.iter().filter(|e| e.source != e.target) {
            lists[e.source].push(e.target as u32);
            lists[e.target].push(e.source as u32);
        }
        let mut offsets = Vec::with_capacity(n + 1);
        let mut flat = Vec::with_capacity(2 * self.edges.len());
        offsets.push(0u32);
        for mut l in lists {
            l.sort_unstable();
            l.dedup();
            flat.extend_from_slice(&l);
            offsets.push(flat.len() as u32);
        }
        (offsets, flat)
    }
}
