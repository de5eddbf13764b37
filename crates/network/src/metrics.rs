//! Size, density, components and the three centralities, defined as networkx defines them so
//! that planners can check kette's figures with the tool they know:
//! - degree centrality: degree / (n − 1), a loop counting twice;
//! - betweenness (Brandes, unweighted shortest paths), normalised for an undirected graph:
//!   the sum over ordered pairs divided by (n − 1)(n − 2);
//! - closeness with the Wasserman–Faust correction for graphs in several components:
//!   (r − 1) / (sum of distances to the r − 1 reachable nodes) × (r − 1) / (n − 1).
//!
//! One breadth-first search per source serves betweenness and closeness; the sources are shared
//! out over the machine's cores.

use crate::graph::Graph;

#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    pub nodes: usize,
    pub edges: usize,
    pub density: f64,
    pub components: usize,
    /// The component (0, 1, …, largest first) each node belongs to.
    pub component_of: Vec<usize>,
    pub degree: Vec<usize>,
    pub degree_centrality: Vec<f64>,
    pub betweenness: Vec<f64>,
    pub closeness: Vec<f64>,
}

/// Size, density, components and degrees without the shortest paths: what comparing two states
/// of a network needs, at a fraction of the cost of `metrics`.
pub struct Structure {
    pub nodes: usize,
    pub edges: usize,
    pub density: f64,
    pub components: usize,
    pub degree: Vec<usize>,
}

pub fn structure(g: &Graph) -> Structure {
    let n = g.nodes.len();
    let (offsets, flat) = g.neighbours();
    let degree = degrees(g);
    let density = if n > 1 { 2.0 * g.edges.len() as f64 / (n as f64 * (n - 1) as f64) } else { 0.0 };
    let (_, components) = components(n, &offsets, &flat);
    Structure { nodes: n, edges: g.edges.len(), density, components, degree }
}

fn degrees(g: &Graph) -> Vec<usize> {
    let mut degree = vec![0usize; g.nodes.len()];
    for e in &g.edges {
        degree[e.source] += 1;
        degree[e.target] += 1;
    }
    degree
}

pub fn metrics(g: &Graph) -> Metrics {
    let n = g.nodes.len();
    let (offsets, flat) = g.neighbours();
    let degree = degrees(g);
    let degree_centrality = match n {
        0 => vec![],
        1 => vec![1.0],
        _ => degree.iter().map(|d| *d as f64 / (n - 1) as f64).collect(),
    };
    let density = if n > 1 { 2.0 * g.edges.len() as f64 / (n as f64 * (n - 1) as f64) } else { 0.0 };
    let (component_of, components) = components(n, &offsets, &flat);
    let (mut betweenness, closeness) = paths(n, &offsets, &flat);
    if n > 2 {
        let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
        betweenness.iter_mut().for_each(|b| *b *= scale);
    }
    Metrics { nodes: n, edges: g.edges.len(), density, components, component_of, degree, degree_centrality, betweenness, closeness }
}

fn components(n: usize, offsets: &[u32], flat: &[u32]) -> (Vec<usize>, usize) {
    let mut of = vec![usize::MAX; n];
    let mut sizes = vec![];
    let mut stack = vec![];
    for start in 0..n {
        if of[start] != usize::MAX {
            continue;
        }
        let c = sizes.len();
        of[start] = c;
        stack.push(start);
        let mut size = 0;
        while let Some(v) = stack.pop() {
            size += 1;
            for &w in &flat[offsets[v] as usize..offsets[v + 1] as usize] {
                if of[w as usize] == usize::MAX {
                    of[w as usize] = c;
                    stack.push(w as usize);
                }
            }
        }
        sizes.push(size);
    }
    // number the components largest first, ties by their first node
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|c| std::cmp::Reverse(sizes[*c]));
    let mut rank = vec![0; sizes.len()];
    for (r, c) in order.into_iter().enumerate() {
        rank[c] = r;
    }
    (of.into_iter().map(|c| rank[c]).collect(), sizes.len())
}

/// Raw betweenness (summed over all sources) and closeness, sources split over threads.
fn paths(n: usize, offsets: &[u32], flat: &[u32]) -> (Vec<f64>, Vec<f64>) {
    let threads = std::thread::available_parallelism().map(|t| t.get()).unwrap_or(1).min(n.max(1));
    let chunk = n.div_ceil(threads.max(1)).max(1);
    let parts: Vec<(Vec<f64>, Vec<(usize, f64)>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|from| {
                let to = (from + chunk).min(n);
                s.spawn(move || {
                    let mut search = Search::new(n);
                    let mut between = vec![0.0; n];
                    let mut close = Vec::with_capacity(to - from);
                    for source in from..to {
                        close.push((source, search.run(source, offsets, flat, &mut between)));
                    }
                    (between, close)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a path search thread panicked")).collect()
    });
    let mut betweenness = vec![0.0; n];
    let mut closeness = vec![0.0; n];
    for (between, close) in parts {
        for (b, add) in betweenness.iter_mut().zip(between) {
            *b += add;
        }
        for (v, c) in close {
            closeness[v] = c;
        }
    }
    (betweenness, closeness)
}

/// The buffers of one breadth-first search, reused from source to source.
struct Search {
    distance: Vec<i32>,
    paths: Vec<f64>,
    dependency: Vec<f64>,
    order: Vec<u32>,
    /// (v, w) with w one step further from the source than v, in the order found: read
    /// backwards it gives every dependency after those it needs, without a second pass over the
    /// neighbours.
    steps: Vec<(u32, u32)>,
}

impl Search {
    fn new(n: usize) -> Search {
        Search { distance: vec![-1; n], paths: vec![0.0; n], dependency: vec![0.0; n], order: Vec::with_capacity(n), steps: vec![] }
    }

    /// Adds the source's dependencies to `between`; returns its closeness.
    fn run(&mut self, source: usize, offsets: &[u32], flat: &[u32], between: &mut [f64]) -> f64 {
        let n = self.distance.len();
        self.order.clear();
        self.steps.clear();
        self.distance[source] = 0;
        self.paths[source] = 1.0;
        self.order.push(source as u32);
        let mut head = 0;
        let mut total_distance: u64 = 0;
        while head < self.order.len() {
            let v = self.order[head] as usize;
            head += 1;
            let dv = self.distance[v];
            total_distance += dv as u64;
            for &w in &flat[offsets[v] as usize..offsets[v + 1] as usize] {
                let wi = w as usize;
                if self.distance[wi] < 0 {
                    self.distance[wi] = dv + 1;
                    self.order.push(w);
                }
                if self.distance[wi] == dv + 1 {
                    self.paths[wi] += self.paths[v];
                    self.steps.push((v as u32, w));
                }
            }
        }
        // a step's far end has all its dependency once the steps found after it are read
        for &(v, w) in self.steps.iter().rev() {
            let (v, w) = (v as usize, w as usize);
            self.dependency[v] += self.paths[v] / self.paths[w] * (1.0 + self.dependency[w]);
        }
        for &v in &self.order {
            let v = v as usize;
            if v != source {
                between[v] += self.dependency[v];
            }
        }
        let reached = self.order.len();
        for &v in &self.order {
            let v = v as usize;
            self.distance[v] = -1;
            self.paths[v] = 0.0;
            self.dependency[v] = 0.0;
        }
        if total_distance > 0 && n > 1 {
            let r = (reached - 1) as f64;
            (r / total_distance as f64) * (r / (n - 1) as f64)
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_structure_agrees_with_the_full_metrics() {
        let mut g = karate();
        // an isolated node makes a second component
        g.node("lonely", "Lonely");
        let (full, plain) = (metrics(&g), structure(&g));
        assert_eq!(
            (plain.nodes, plain.edges, plain.components, plain.degree.clone()),
            (full.nodes, full.edges, full.components, full.degree)
        );
        assert_eq!(plain.components, 2);
        assert!((plain.density - full.density).abs() < 1e-15);
    }

    /// Zachary's karate club (1977), the usual first test of a network tool, with networkx 3.6's
    /// values for it.
    pub(crate) fn karate() -> Graph {
        const EDGES: &[(u8, u8)] = &[
            (0, 1),
            (0, 2),
            (0, 3),
            (0, 4),
            (0, 5),
            (0, 6),
            (0, 7),
            (0, 8),
            (0, 10),
            (0, 11),
            (0, 12),
            (0, 13),
            (0, 17),
            (0, 19),
            (0, 21),
            (0, 31),
            (1, 2),
            (1, 3),
            (1, 7),
            (1, 13),
            (1, 17),
            (1, 19),
            (1, 21),
            (1, 30),
            (2, 3),
            (2, 7),
            (2, 8),
            (2, 9),
            (2, 13),
            (2, 27),
            (2, 28),
            (2, 32),
            (3, 7),
            (3, 12),
            (3, 13),
            (4, 6),
            (4, 10),
            (5, 6),
            (5, 10),
            (5, 16),
            (6, 16),
            (8, 30),
            (8, 32),
            (8, 33),
            (9, 33),
            (13, 33),
            (14, 32),
            (14, 33),
            (15, 32),
            (15, 33),
            (18, 32),
            (18, 33),
            (19, 33),
            (20, 32),
            (20, 33),
            (22, 32),
            (22, 33),
            (23, 25),
            (23, 27),
            (23, 29),
            (23, 32),
            (23, 33),
            (24, 25),
            (24, 27),
            (24, 31),
            (25, 31),
            (26, 29),
            (26, 33),
            (27, 33),
            (28, 31),
            (28, 33),
            (29, 32),
            (29, 33),
            (30, 32),
            (30, 33),
            (31, 32),
            (31, 33),
            (32, 33),
        ];
        let mut g = Graph::new();
        for i in 0..34 {
            g.node(&i.to_string(), "");
        }
        for (a, b) in EDGES {
            g.edge(*a as usize, *b as usize, "tie", 1.0);
        }
        g
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12
    }

    #[test]
    fn the_karate_club_gives_networkx_values() {
        let m = metrics(&karate());
        assert_eq!((m.nodes, m.edges, m.components), (34, 78, 1));
        assert!(close(m.density, 0.13903743315508021));
        for (node, degree, between, closeness) in [
            (0, 0.48484848484848486, 0.43763528138528146, 0.5689655172413793),
            (2, 0.30303030303030304, 0.14365680615680618, 0.559322033898305),
            (16, 0.06060606060606061, 0.0, 0.28448275862068967),
            (32, 0.36363636363636365, 0.145247113997114, 0.515625),
            (33, 0.5151515151515151, 0.30407497594997596, 0.55),
        ] {
            assert!(close(m.degree_centrality[node], degree), "degree of {node}: {}", m.degree_centrality[node]);
            assert!(close(m.betweenness[node], between), "betweenness of {node}: {}", m.betweenness[node]);
            assert!(close(m.closeness[node], closeness), "closeness of {node}: {}", m.closeness[node]);
        }
    }

    #[test]
    fn several_components_an_isolated_node_loops_and_parallel_edges() {
        // a–b–c triangle with a tail c–d, a separate pair e–f, g alone (networkx 3.6 values)
        let mut g = Graph::new();
        let ids: Vec<usize> = ["a", "b", "c", "d", "e", "f", "g"].iter().map(|i| g.node(i, i)).collect();
        for (a, b) in [(0, 1), (1, 2), (2, 0), (2, 3), (4, 5)] {
            g.edge(ids[a], ids[b], "tie", 1.0);
        }
        let m = metrics(&g);
        assert_eq!(m.components, 3);
        assert_eq!(m.component_of, vec![0, 0, 0, 0, 1, 1, 2], "largest component first");
        assert!(close(m.density, 0.23809523809523808));
        let expected = [
            (0.3333333333333333, 0.0, 0.375),
            (0.3333333333333333, 0.0, 0.375),
            (0.5, 0.13333333333333333, 0.5),
            (0.16666666666666666, 0.0, 0.3),
            (0.16666666666666666, 0.0, 0.16666666666666666),
            (0.16666666666666666, 0.0, 0.16666666666666666),
            (0.0, 0.0, 0.0),
        ];
        for (i, (d, b, c)) in expected.iter().enumerate() {
            assert!(close(m.degree_centrality[i], *d) && close(m.betweenness[i], *b) && close(m.closeness[i], *c), "node {i}: {m:?}");
        }
        // a loop adds two to the degree and a parallel edge one; neither changes any path
        g.edge(ids[6], ids[6], "tie", 1.0);
        g.edge(ids[4], ids[5], "tie", 1.0);
        let looped = metrics(&g);
        assert_eq!((looped.degree[6], looped.degree[4], looped.edges), (2, 2, 7));
        assert_eq!((looped.betweenness.clone(), looped.closeness.clone()), (m.betweenness, m.closeness));
    }

    #[test]
    fn empty_and_tiny_graphs() {
        let m = metrics(&Graph::new());
        assert_eq!((m.nodes, m.components, m.density), (0, 0, 0.0));
        let mut one = Graph::new();
        one.node("x", "x");
        let m = metrics(&one);
        assert_eq!((m.degree_centrality[0], m.closeness[0], m.betweenness[0]), (1.0, 0.0, 0.0));
    }
}
