//! `kette-bench network`: `kette network metrics` on a generated cooperation graph of 2,000
//! organisations and 20,000 ties, whole process, beside networkx computing the same metrics on
//! the same GraphML file in the same run; the values must agree within 1e-9.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use rand::{Rng, SeedableRng};

pub struct Figures {
    pub nodes: usize,
    pub edges: usize,
    pub kette_ms: f64,
    pub networkx_process_ms: f64,
    pub networkx_compute_ms: f64,
    pub max_difference: f64,
}

/// A graph with a few hubs, as cooperation networks have: each tie's first end is drawn with a
/// preference for low numbers, the second uniformly; no loops, no repeated ties.
pub fn generate(nodes: usize, edges: usize, seed: u64) -> kette_network::Graph {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut g = kette_network::Graph::new();
    for i in 0..nodes {
        g.node(&format!("org-{i}"), &format!("Organisation {i}"));
    }
    let mut seen = std::collections::HashSet::new();
    while seen.len() < edges {
        let a = ((rng.gen::<f64>().powi(2)) * nodes as f64) as usize;
        let b = rng.gen_range(0..nodes);
        if a != b && seen.insert((a.min(b), a.max(b))) {
            g.edge(a, b, "cooperation_agreement", 1.0);
        }
    }
    g
}

pub fn run(kette: &str, python: &str, script: &Path) -> Result<Figures> {
    let dir = tempfile::tempdir()?;
    let graph = generate(2_000, 20_000, 16);
    let file = dir.path().join("network.graphml");
    std::fs::write(&file, kette_network::to_graphml(&graph))?;
    let mut times = vec![];
    let mut ours = serde_json::Value::Null;
    for _ in 0..7 {
        let t = Instant::now();
        let out = Command::new(kette).args(["network", "metrics", "--json", "--graphml"]).arg(&file).output()?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        if !out.status.success() {
            bail!("kette network metrics failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        ours = serde_json::from_slice(&out.stdout)?;
    }
    let theirs_file = dir.path().join("networkx.json");
    let t = Instant::now();
    let out = Command::new(python).arg(script).arg(&file).arg(&theirs_file).output().with_context(|| format!("cannot run {python}"))?;
    let networkx_process_ms = t.elapsed().as_secs_f64() * 1000.0;
    if !out.status.success() {
        bail!("networkx failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let theirs: serde_json::Value = serde_json::from_slice(&std::fs::read(&theirs_file)?)?;
    for key in ["nodes", "edges", "components"] {
        if ours[key] != theirs[key] {
            bail!("{key}: kette {} but networkx {}", ours[key], theirs[key]);
        }
    }
    let mut max_difference = (ours["density"].as_f64().unwrap_or(f64::NAN) - theirs["density"].as_f64().unwrap_or(f64::NAN)).abs();
    for key in ["degree_centrality", "betweenness", "closeness"] {
        let (a, b) = (ours[key].as_object().context("kette's JSON")?, theirs[key].as_object().context("networkx's JSON")?);
        if a.len() != b.len() {
            bail!("{key}: {} nodes from kette, {} from networkx", a.len(), b.len());
        }
        for (id, value) in a {
            let other = b.get(id).and_then(|v| v.as_f64()).with_context(|| format!("{key}: networkx has no node {id}"))?;
            max_difference = max_difference.max((value.as_f64().unwrap_or(f64::NAN) - other).abs());
        }
    }
    if max_difference.is_nan() || max_difference > 1e-9 {
        bail!("kette and networkx disagree: largest difference {max_difference:e}");
    }
    Ok(Figures {
        nodes: graph.nodes.len(),
        edges: graph.edges.len(),
        kette_ms: crate::median(times),
        networkx_process_ms,
        networkx_compute_ms: theirs["compute_seconds"].as_f64().unwrap_or(f64::NAN) * 1000.0,
        max_difference,
    })
}
