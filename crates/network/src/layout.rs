//! A drawing of the graph: positions by a force-directed layout (Fruchterman and Reingold 1991)
//! with a pull to the centre, so separate parts stay on the page. Deterministic — the same graph
//! gives the same picture — and bounded: the number of rounds shrinks with the square of the
//! nodes, so a large network is drawn roughly rather than slowly.

use crate::Graph;

/// Pair visits a layout may spend (about 50 ms in a release build).
const BUDGET: usize = 20_000_000;

/// Positions in the unit square [0, 1]² for the nodes `shown` (the others get None).
pub fn force_layout(g: &Graph, shown: &[bool]) -> Vec<Option<(f64, f64)>> {
    let index: Vec<usize> = (0..g.nodes.len()).filter(|i| shown.get(*i).copied().unwrap_or(false)).collect();
    let n = index.len();
    let mut out = vec![None; g.nodes.len()];
    if n == 0 {
        return out;
    }
    let mut slot = vec![usize::MAX; g.nodes.len()];
    for (k, &i) in index.iter().enumerate() {
        slot[i] = k;
    }
    let edges: Vec<(usize, usize)> = g
        .edges
        .iter()
        .filter(|e| slot[e.source] != usize::MAX && slot[e.target] != usize::MAX)
        .map(|e| (slot[e.source], slot[e.target]))
        .collect();
    // start on a golden-angle spiral: spread out, and the same every time
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|k| {
            let r = ((k as f64 + 0.5) / n as f64).sqrt() * 0.5;
            let a = k as f64 * 2.399_963_229_728_653;
            (0.5 + r * a.cos(), 0.5 + r * a.sin())
        })
        .collect();
    let k_ideal = (1.0 / n as f64).sqrt();
    let rounds = (BUDGET / (n * n).max(1)).clamp(3, 300);
    let mut temperature = 0.1;
    let cooling = temperature / rounds as f64;
    let mut shift = vec![(0.0f64, 0.0f64); n];
    for _ in 0..rounds {
        shift.iter_mut().for_each(|s| *s = (0.0, 0.0));
        for a in 0..n {
            for b in a + 1..n {
                let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
                let d2 = (dx * dx + dy * dy).max(1e-9);
                let f = k_ideal * k_ideal / d2;
                shift[a].0 += dx * f;
                shift[a].1 += dy * f;
                shift[b].0 -= dx * f;
                shift[b].1 -= dy * f;
            }
        }
        for &(a, b) in &edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-9);
            let f = d / k_ideal;
            shift[a].0 -= dx * f;
            shift[a].1 -= dy * f;
            shift[b].0 += dx * f;
            shift[b].1 += dy * f;
        }
        for (p, s) in pos.iter_mut().zip(&shift) {
            // gravity keeps separate parts on the page
            let (gx, gy) = ((0.5 - p.0) * 0.05 / k_ideal, (0.5 - p.1) * 0.05 / k_ideal);
            let (sx, sy) = (s.0 + gx, s.1 + gy);
            let len = (sx * sx + sy * sy).sqrt().max(1e-12);
            let step = len.min(temperature);
            p.0 += sx / len * step;
            p.1 += sy / len * step;
        }
        temperature = (temperature - cooling).max(0.002);
    }
    // fit into the unit square with a margin
    let (min_x, max_x) = pos.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (min_y, max_y) = pos.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let span = (max_x - min_x).max(max_y - min_y).max(1e-9);
    for (k, &i) in index.iter().enumerate() {
        let x = 0.05 + 0.9 * (pos[k].0 - min_x) / span;
        let y = 0.05 + 0.9 * (pos[k].1 - min_y) / span;
        out[i] = Some((x, y));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tied_nodes_end_up_closer_than_untied_ones_and_the_drawing_repeats() {
        let mut g = Graph::new();
        for i in 0..6 {
            g.node(&format!("n{i}"), &format!("N{i}"));
        }
        // two triangles, one tie between them
        for (a, b) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)] {
            g.edge(a, b, "t", 1.0);
        }
        let shown = vec![true; 6];
        let p = force_layout(&g, &shown);
        let d = |a: usize, b: usize| {
            let (pa, pb) = (p[a].unwrap(), p[b].unwrap());
            ((pa.0 - pb.0).powi(2) + (pa.1 - pb.1).powi(2)).sqrt()
        };
        assert!(d(0, 1) < d(0, 5) && d(4, 5) < d(1, 5), "{p:?}");
        assert!(p.iter().flatten().all(|(x, y)| (0.0..=1.0).contains(x) && (0.0..=1.0).contains(y)));
        assert_eq!(p, force_layout(&g, &shown), "deterministic");
        let none = force_layout(&g, &[false; 6]);
        assert!(none.iter().all(Option::is_none));
    }
}
