//! `kette-bench reach`: walking reach on Heidelberg's real street network (data/osm,
//! © OpenStreetMap contributors). `kette reach graph` writes the network as an edge list; five
//! kinds of destinations are drawn from its nodes; `kette reach nearest` runs beside networkx's
//! multi-source Dijkstra and pandana's nearest_pois on exactly that graph in the same run, and
//! every distance is compared. Then `kette reach run` end to end on the PBF with the same five
//! kinds and every node as an origin, with its peak memory.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use rand::seq::SliceRandom;
use rand::SeedableRng;

/// Destinations per kind: from a handful (family centres) to many (Kitas, playgrounds).
const KINDS: [(&str, usize); 5] = [("familienzentrum", 25), ("beratung", 50), ("kita", 100), ("spielplatz", 150), ("schule", 200)];
const CUTOFF_M: f64 = 2_400.0;

pub struct Figures {
    pub nodes: usize,
    pub edges: usize,
    pub nearest_process_ms: f64,
    pub nearest_search_ms: f64,
    pub networkx_query_ms: f64,
    pub pandana_prepare_ms: f64,
    pub pandana_set_pois_ms: f64,
    pub pandana_query_ms: f64,
    pub max_difference_networkx: f64,
    pub compared_networkx: usize,
    pub max_difference_pandana: f64,
    pub pandana_over_half_metre: usize,
    pub compared_pandana: usize,
    pub run_ms: f64,
    pub run_peak_mb: f64,
    pub run_rows: usize,
    pub xml_run_ms: f64,
    pub xml_peak_mb: f64,
    pub xml_rows: usize,
    pub versions: String,
}

/// `kette reach run` on an extract with every node an origin: the median time of 5 runs, the
/// peak memory (max RSS) and the rows written.
fn end_to_end(kette: &str, osm: &Path, pois: &[&str], out_csv: &Path) -> Result<(f64, f64, usize)> {
    let mut run_times = vec![];
    let mut peak_kb = 0u64;
    for _ in 0..5 {
        let t = Instant::now();
        let mut command = Command::new("/usr/bin/time");
        command.args(["-f", "%M", kette, "reach", "run", "--osm"]).arg(osm);
        for p in pois {
            command.args(["--pois", p]);
        }
        let out = command
            .args(["--origins", "nodes", "--cutoff-min", "30", "--out"])
            .arg(out_csv)
            .output()
            .context("cannot run /usr/bin/time (Debian package time)")?;
        run_times.push(t.elapsed().as_secs_f64() * 1000.0);
        let err = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() {
            bail!("kette reach run failed: {err}");
        }
        let kb: u64 = err.lines().last().and_then(|l| l.trim().parse().ok()).context("peak memory from /usr/bin/time")?;
        peak_kb = peak_kb.max(kb);
    }
    let rows = std::fs::read_to_string(out_csv)?.lines().count() - 1;
    Ok((crate::median(run_times), peak_kb as f64 / 1024.0, rows))
}

fn distances(file: &Path) -> Result<HashMap<(String, String), f64>> {
    let mut reader = csv::Reader::from_path(file).with_context(|| file.display().to_string())?;
    let mut out = HashMap::new();
    for r in reader.records() {
        let r = r?;
        out.insert((r[0].to_string(), r[1].to_string()), r[2].parse::<f64>()?);
    }
    Ok(out)
}

/// Largest difference and count of pairs compared; a pair one side has and the other lacks is
/// a disagreement unless it lies within half a metre of the cutoff.
fn compare(ours: &HashMap<(String, String), f64>, theirs: &HashMap<(String, String), f64>, who: &str) -> Result<(f64, usize, usize)> {
    let mut max = 0.0f64;
    let mut over = 0;
    for (key, d) in ours {
        match theirs.get(key) {
            Some(t) => {
                let diff = (d - t).abs();
                max = max.max(diff);
                if diff > 0.5 {
                    over += 1;
                }
            }
            None if *d > CUTOFF_M - 0.5 => {}
            None => bail!("{who} has no distance for node {} kind {} (kette: {d} m)", key.0, key.1),
        }
    }
    for (key, t) in theirs {
        if !ours.contains_key(key) && *t < CUTOFF_M - 0.5 {
            bail!("kette has no distance for node {} kind {} ({who}: {t} m)", key.0, key.1);
        }
    }
    Ok((max, ours.len(), over))
}

pub fn run(kette: &str, python: &str, script: &Path, osm: &Path) -> Result<Figures> {
    let dir = tempfile::tempdir()?;
    let p = |name: &str| dir.path().join(name);
    let out = Command::new(kette)
        .args(["reach", "graph", "--osm"])
        .arg(osm)
        .arg("--edges-out")
        .arg(p("edges.csv"))
        .arg("--nodes-out")
        .arg(p("nodes.csv"))
        .output()?;
    if !out.status.success() {
        bail!("kette reach graph failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let mut nodes: Vec<(String, String, String)> = vec![];
    for r in csv::Reader::from_path(p("nodes.csv"))?.records() {
        let r = r?;
        nodes.push((r[0].to_string(), r[1].to_string(), r[2].to_string()));
    }
    let mut rng = rand::rngs::StdRng::seed_from_u64(14);
    let mut by_node = String::from("node,kind\n");
    let mut by_place = String::from("lat,lon,kind\n");
    for (kind, count) in KINDS {
        for (id, lat, lon) in nodes.choose_multiple(&mut rng, count) {
            by_node.push_str(&format!("{id},{kind}\n"));
            by_place.push_str(&format!("{lat},{lon},{kind}\n"));
        }
    }
    std::fs::write(p("pois.csv"), by_node)?;
    std::fs::write(p("places.csv"), by_place)?;

    let cutoff = CUTOFF_M.to_string();
    let mut times = vec![];
    for _ in 0..5 {
        let t = Instant::now();
        let out = Command::new(kette)
            .args(["reach", "nearest", "--edges"])
            .arg(p("edges.csv"))
            .arg("--pois")
            .arg(p("pois.csv"))
            .args(["--cutoff-m", &cutoff, "--out"])
            .arg(p("kette.csv"))
            .output()?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        if !out.status.success() {
            bail!("kette reach nearest failed: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
    // the search alone, in this process, on the same files
    let graph = kette_reach::EdgeList::read("edges.csv", &std::fs::read(p("edges.csv"))?)?;
    let kinds = graph.read_destinations("pois.csv", &std::fs::read(p("pois.csv"))?)?;
    let mut search = vec![];
    for _ in 0..9 {
        let t = Instant::now();
        let d = graph.nearest(&kinds, CUTOFF_M);
        search.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(d);
    }

    let out = Command::new(python)
        .arg(script)
        .arg(p("edges.csv"))
        .arg(p("nodes.csv"))
        .arg(p("pois.csv"))
        .arg(&cutoff)
        .arg(dir.path())
        .output()
        .with_context(|| format!("cannot run {python}"))?;
    if !out.status.success() {
        bail!("the peers failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let peers: serde_json::Value = serde_json::from_slice(&std::fs::read(p("figures.json"))?)?;
    let ours = distances(&p("kette.csv"))?;
    let (max_nx, compared_nx, over_nx) = compare(&ours, &distances(&p("networkx.csv"))?, "networkx")?;
    if over_nx > 0 {
        bail!("{over_nx} distances differ from networkx's by more than 0.5 m (largest {max_nx} m)");
    }
    let (max_pd, compared_pd, over_pd) = compare(&ours, &distances(&p("pandana.csv"))?, "pandana")?;

    // end to end on the PBF: read, build, five kinds, every node an origin
    let places = p("places.csv");
    let (run_ms, run_peak_mb, run_rows) = end_to_end(kette, osm, &[places.to_str().unwrap_or_default()], &p("run.csv"))?;
    // and on OSM XML as Overpass exports it: north Bayreuth, gzipped, its kindergartens
    let bayreuth = osm.with_file_name("north-bayreuth.osm.gz");
    let (xml_run_ms, xml_peak_mb, xml_rows) = end_to_end(kette, &bayreuth, &["osm:amenity=kindergarten"], &p("xml.csv"))?;
    let secs = |key: &str| peers[key].as_f64().unwrap_or(f64::NAN) * 1000.0;
    Ok(Figures {
        nodes: graph.names.len(),
        edges: graph.edges,
        nearest_process_ms: crate::median(times),
        nearest_search_ms: crate::median(search),
        networkx_query_ms: secs("networkx_query_seconds"),
        pandana_prepare_ms: secs("pandana_prepare_seconds"),
        pandana_set_pois_ms: secs("pandana_set_pois_seconds"),
        pandana_query_ms: secs("pandana_query_seconds"),
        max_difference_networkx: max_nx,
        compared_networkx: compared_nx,
        max_difference_pandana: max_pd,
        pandana_over_half_metre: over_pd,
        compared_pandana: compared_pd,
        run_ms,
        run_peak_mb,
        run_rows,
        xml_run_ms,
        xml_peak_mb,
        xml_rows,
        versions: peers["versions"].to_string(),
    })
}
