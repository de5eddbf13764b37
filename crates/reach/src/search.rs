//! One shortest-path pass from all destinations of a kind at once (Dijkstra with many sources),
//! run backwards over the arcs so the distance found at a junction is the way from there to
//! the nearest destination, stopped at the cutoff.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::network::Incoming;

/// Distance from every node to the nearest seed, following arcs towards the seeds; nodes
/// farther than `cutoff_m` (or without a way) stay `f64::INFINITY`. Seeds are (node, metres
/// already travelled from there to the destination).
pub fn nearest_seed_distances(graph: &Incoming, seeds: &[(u32, f64)], cutoff_m: f64) -> Vec<f64> {
    let mut dist = vec![f64::INFINITY; graph.nodes()];
    // non-negative floats order like their bit patterns, so the heap needs no float wrapper
    let mut heap: BinaryHeap<Reverse<(u64, u32)>> = BinaryHeap::with_capacity(seeds.len() * 4 + 16);
    for &(node, d) in seeds {
        if d <= cutoff_m && d < dist[node as usize] {
            dist[node as usize] = d;
            heap.push(Reverse((d.to_bits(), node)));
        }
    }
    while let Some(Reverse((bits, node))) = heap.pop() {
        let d = f64::from_bits(bits);
        if d > dist[node as usize] {
            continue;
        }
        let arcs = graph.start[node as usize] as usize..graph.start[node as usize + 1] as usize;
        for (from, len) in graph.from[arcs.clone()].iter().zip(&graph.length_m[arcs]) {
            let next = d + len;
            if next <= cutoff_m && next < dist[*from as usize] {
                dist[*from as usize] = next;
                heap.push(Reverse((next.to_bits(), *from)));
            }
        }
    }
    dist
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(n: u32, len: f64) -> Incoming {
        let arcs: Vec<(u32, u32, f64)> = (0..n - 1).flat_map(|i| [(i, i + 1, len), (i + 1, i, len)]).collect();
        Incoming::from_arcs(n as usize, arcs.into_iter())
    }

    #[test]
    fn the_nearest_of_two_sources_wins_and_the_cutoff_leaves_far_nodes_unreached() {
        let g = path(10, 100.0);
        let d = nearest_seed_distances(&g, &[(0, 0.0), (9, 30.0)], 250.0);
        assert_eq!(d[0], 0.0);
        assert_eq!(d[2], 200.0);
        assert_eq!(d[8], 130.0);
        assert_eq!(d[7], 230.0);
        assert!(d[4].is_infinite() && d[5].is_infinite(), "300 m and more lie beyond the cutoff");
    }

    #[test]
    fn arcs_are_followed_towards_the_seed_only() {
        // 0 → 1 → 2 one way; the seed at 2 is reachable from 0, but nothing reaches 0's seed
        let g = Incoming::from_arcs(3, [(0u32, 1u32, 10.0), (1, 2, 10.0)].into_iter());
        let d = nearest_seed_distances(&g, &[(2, 0.0)], 1e9);
        assert_eq!(d, vec![20.0, 10.0, 0.0]);
        let d = nearest_seed_distances(&g, &[(0, 0.0)], 1e9);
        assert!(d[1].is_infinite() && d[2].is_infinite());
    }
}
