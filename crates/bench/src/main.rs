//! `kette-bench`: measures the foundation's targets against a built `kette` binary and prints a
//! Markdown table for BENCHMARKS.md. Timing lives here, never in tests.
//!
//! Usage: kette-bench [PATH/TO/kette] [--data data/berlin] [--requests N]
//!        kette-bench generate --db FILE [--offers 100000] [--data data/berlin]
//!        kette-bench search [PATH/TO/kette] [--offers 100000] [--data data/berlin]
//!        kette-bench network PATH/TO/kette PATH/TO/python (with networkx)

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

mod concurrent;
mod goals;
mod index;
mod network;
mod reach;
mod synthetic;

/// The middle of a series of timings.
fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `kette` with these arguments and returns once it listens, with the time that took.
fn start(bin: &str, args: &[&str]) -> Result<(Server, Duration)> {
    let t = Instant::now();
    let mut child = Command::new(bin)
        .args(args)
        .args(["--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(if std::env::var_os("KETTE_BENCH_STDERR").is_some() { Stdio::inherit() } else { Stdio::null() })
        .spawn()
        .with_context(|| format!("cannot start {bin}"))?;
    let reader = BufReader::new(child.stdout.take().context("stdout")?);
    for line in reader.lines() {
        let line = line?;
        if let Some(rest) = line.split("http://").nth(1) {
            let addr = rest.split_whitespace().next().unwrap_or_default().to_string();
            let elapsed = t.elapsed();
            return Ok((Server { child, base: format!("http://{addr}") }, elapsed));
        }
    }
    bail!("kette {} ended without listening", args.first().unwrap_or(&""))
}

fn start_demo(bin: &str, db: &str, data: &str) -> Result<(Server, Duration)> {
    start(bin, &["demo", "--db", db, "--data", data])
}

fn rss_mb(pid: u32) -> Result<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .context("VmRSS")?;
    Ok(kb / 1024.0)
}

/// Median and 95th percentile of `n` sequential requests over one keep-alive connection.
fn latency(agent: &ureq::Agent, url: &str, n: usize) -> Result<(f64, f64, usize)> {
    let mut times = Vec::with_capacity(n);
    let mut bytes = 0;
    for _ in 0..n {
        let t = Instant::now();
        let body = agent.get(url).call()?.into_string()?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        bytes = body.len();
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    Ok((times[n / 2], times[(n * 95) / 100], bytes))
}

/// Reads the MSS 2019 table and runs the shipped recipe; medians in milliseconds.
fn mss_edition(data: &str) -> Result<(f64, f64)> {
    let table = std::fs::read(format!("{data}/mss/berlin-lor-monitoring-social-urban-development-2019-00-planning-areas.csv"))?;
    let recipe_text = std::fs::read_to_string(PathBuf::from(data).join("../../recipes/berlin-mss-2019.toml"))?;
    let recipe = kette_monitor::Recipe::from_toml("berlin-mss-2019.toml", &recipe_text)?;
    let (mut parse, mut run) = (vec![], vec![]);
    for _ in 0..50 {
        let t = Instant::now();
        let frame = kette_monitor::Frame::from_csv("mss", &table, "id", None)?;
        parse.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let out = recipe.run(&frame)?;
        run.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(out.len(), 436);
    }
    parse.sort_by(|a, b| a.partial_cmp(b).unwrap());
    run.sort_by(|a, b| a.partial_cmp(b).unwrap());
    Ok((parse[25], run[25]))
}

/// A GISD-sized run on synthetic data: 11,000 municipalities × 18 years × 9 indicators with
/// 2 % missing values; imputation, three principal components, pooled min–max rescaling, sum,
/// deciles (R type 9) and population-weighted aggregation to ~400 districts.
fn gisd_sized() -> Result<(f64, usize)> {
    let (units, years, indicators) = (11_000usize, 18usize, 9usize);
    let mut seed: u64 = 42;
    let mut rnd = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 11) as f64) / ((1u64 << 53) as f64)
    };
    let rows = units * years;
    let mut unit_keys = Vec::with_capacity(rows);
    let mut groups = Vec::with_capacity(rows);
    let mut cols: Vec<Vec<Option<f64>>> = vec![Vec::with_capacity(rows); indicators + 1];
    for u in 0..units {
        let latent = rnd();
        for y in 0..years {
            unit_keys.push(format!("{:05}{:03}", u / 28, u % 28));
            groups.push((2000 + y).to_string());
            for (k, col) in cols.iter_mut().enumerate().take(indicators) {
                let v = latent * (1.0 + k as f64 / 10.0) + 0.3 * rnd() + y as f64 * 0.01;
                col.push(if rnd() < 0.02 && k % 3 == 0 { None } else { Some(v) });
            }
            cols[indicators].push(Some(500.0 + 10_000.0 * rnd()));
        }
    }
    let mut columns: Vec<(String, kette_monitor::Column)> =
        cols[..indicators].iter().enumerate().map(|(k, c)| (format!("i{k}"), kette_monitor::Column::from_options(c.clone()))).collect();
    columns.push(("population".into(), kette_monitor::Column::from_options(cols[indicators].clone())));
    let frame = kette_monitor::Frame::new("id", Some("year".into()), unit_keys, groups, columns);
    let mut recipe = String::from("id = \"gisd_like\"\nname = \"GISD-sized\"\ngroup_by = \"year\"\n");
    for d in 0..3 {
        let (a, b, c) = (3 * d, 3 * d + 1, 3 * d + 2);
        recipe.push_str(&format!("[[step]]\nkind = \"impute_ols\"\ntarget = \"i{a}\"\npredictors = [\"i{b}\", \"i{c}\"]\n"));
        recipe.push_str(&format!(
            "[[step]]\nkind = \"pca\"\ninputs = [\"i{a}\", \"i{b}\", \"i{c}\"]\noutput = \"dim{d}\"\nanchor = \"i{a}\"\n"
        ));
        recipe.push_str(&format!("[[step]]\nkind = \"min_max\"\ninput = \"dim{d}\"\noutput = \"score{d}\"\nscale = 1\nscope = \"all\"\n"));
    }
    recipe.push_str("[[step]]\nkind = \"sum\"\ninputs = [\"score0\", \"score1\", \"score2\"]\noutput = \"index\"\n");
    recipe.push_str("[[step]]\nkind = \"quantiles\"\ninput = \"index\"\noutput = \"decile\"\nn = 10\nr_type = 9\n");
    recipe.push_str("[[step]]\nkind = \"aggregate\"\ninput = \"index\"\nweight = \"population\"\nparent_key_length = 5\n");
    let recipe = kette_monitor::Recipe::from_toml("gisd-like.toml", &recipe)?;
    let t = Instant::now();
    let out = recipe.run(&frame)?;
    Ok((t.elapsed().as_secs_f64() * 1000.0, out.len()))
}

fn start_serve(bin: &str, db: &str) -> Result<(Server, Duration)> {
    start(bin, &["serve", "--db", db])
}

/// Queries a family or navigator would send: words (with typos and compounds), ages,
/// districts, places with a radius, and combinations.
const SEARCHES: &[&str] = &[
    "q=krabbelgruppe",
    "q=Krabelgruppe&age=1",
    "q=hausaufgaben&age=9",
    "q=familienzentren",
    "q=beratung%20schulden",
    "age=2&lat=52.52&lon=13.40&radius_m=2000",
    "age=4&cost=free&lat=52.48&lon=13.43&radius_m=1500",
    "q=sprache&language=tr",
    "q=elterncafe&lat=52.55&lon=13.35&radius_m=3000",
    "age=15&q=bewerbung",
    "district=1&age=3",
    "q=babymassage",
    "q=gruppe&age=2&access=open",
    "lat=52.50&lon=13.30&radius_m=1000&sort=distance",
    "q=jugendtreff&lat=52.45&lon=13.50",
    "age=6&q=uebergang%20schule",
];

/// Runs wrk with 64 connections over the query mix; returns (requests/s, p50, p99) in ms.
fn wrk(base: &str, seconds: u32) -> Result<(f64, f64, f64)> {
    let dir = tempfile::tempdir()?;
    let script = dir.path().join("mix.lua");
    let paths: Vec<String> = SEARCHES.iter().map(|q| format!("\"/api/v1/offers?{q}&per_page=20\"")).collect();
    std::fs::write(
        &script,
        format!(
            "local paths = {{{}}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n\
             done = function(summary, latency, requests)\n  io.write(string.format(\"RESULT %f %f %f %d %d\\n\", summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))\nend\n",
            paths.join(", ")
        ),
    )?;
    let out = Command::new("wrk")
        .args(["-t2", "-c64", &format!("-d{seconds}s"), "--latency", "-s", script.to_str().context("path")?, base])
        .output()
        .context("wrk not found: install it (Debian package wrk)")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("RESULT")).with_context(|| format!("wrk printed no result: {text}"))?;
    let v: Vec<f64> = line.split_whitespace().skip(1).filter_map(|x| x.parse().ok()).collect();
    if v.len() < 5 || v[3] > 0.0 || v[4] > 0.0 {
        bail!("wrk saw errors: {line}");
    }
    Ok((v[0], v[1], v[2]))
}

/// oha at a fixed request rate (open loop, latency corrected): (achieved req/s, p50, p99) in ms.
fn oha(base: &str, rate: u32, seconds: u32) -> Result<(f64, f64, f64)> {
    let dir = tempfile::tempdir()?;
    let urls = dir.path().join("urls.txt");
    std::fs::write(&urls, SEARCHES.iter().map(|q| format!("{base}/api/v1/offers?{q}&per_page=20\n")).collect::<String>())?;
    let out = Command::new("oha")
        .args([
            "--no-tui",
            "-c",
            "64",
            "-z",
            &format!("{seconds}s"),
            "-q",
            &rate.to_string(),
            "--latency-correction",
            "--output-format",
            "json",
            "--urls-from-file",
        ])
        .arg(&urls)
        .output()
        .context("oha not found: `cargo install oha`")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let num = |key: &str| -> Option<f64> {
        let at = text.find(&format!("\"{key}\""))? + key.len() + 3;
        text[at..].trim_start().split([',', '}']).next()?.trim().parse().ok()
    };
    // the percentiles under "metrics" → "latency_ms" are already milliseconds
    Ok((num("requestsPerSec").unwrap_or(0.0), num("p50").unwrap_or(f64::NAN), num("p99").unwrap_or(f64::NAN)))
}

fn search_bench(bin: &str, data: &str, offers: usize) -> Result<()> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("synthetic.db");
    let t = Instant::now();
    tokio::runtime::Runtime::new()?.block_on(synthetic::generate(&db, std::path::Path::new(data), offers, 42))?;
    let generated = t.elapsed();
    let (server, started) = start_serve(bin, db.to_str().context("path")?)?;
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(60)).build();
    // the first search builds the catalogue
    let t = Instant::now();
    agent.get(&format!("{}/api/v1/offers?q=kita", server.base)).call()?;
    let built = t.elapsed();
    for q in SEARCHES {
        agent.get(&format!("{}/api/v1/offers?{q}", server.base)).call()?;
    }
    let rss = rss_mb(server.child.id())?;
    let (rps, p50, p99) = wrk(&server.base, 20)?;
    let mut sizes = vec![];
    for path in ["/search?age=2&q=krabbelgruppe", &format!("/search/{}", 1)] {
        let mut gz = vec![];
        std::io::Read::read_to_end(
            &mut agent.get(&format!("{}{path}", server.base)).set("Accept-Encoding", "gzip").call()?.into_reader(),
            &mut gz,
        )?;
        sizes.push(gz.len());
    }
    println!("| measure | target | result |");
    println!("|---|---|---|");
    println!("| generate {offers} synthetic offers into SQLite | – | {:.1} s |", generated.as_secs_f64());
    println!(
        "| search catalogue built from the database (first search) | – | {:.2} s (server start {:.0} ms) |",
        built.as_secs_f64(),
        started.as_secs_f64() * 1000.0
    );
    println!("| server RSS with the catalogue | – | {rss:.0} MB |");
    println!("| search API, {} query mix, wrk 64 connections, 20 s | p99 < 10 ms, ≥ 3,000 req/s | {rps:.0} req/s, p50 {p50:.2} ms, p99 {p99:.2} ms |", SEARCHES.len());
    for rate in [1000, 2000, 3000] {
        match oha(&server.base, rate, 15) {
            Ok((achieved, p50, p99)) => println!("| search API at a fixed {rate} req/s (oha, open loop, 64 connections, 15 s) | p99 < 10 ms at ≥ 3,000 req/s | {achieved:.0} req/s achieved, p50 {p50:.2} ms, p99 {p99:.2} ms |"),
            Err(e) => println!("| search API at a fixed {rate} req/s | p99 < 10 ms | not measured: {e} |"),
        }
    }
    println!(
        "| finder results page / offer page, gzip | ≤ 60 KB / ≤ 40 KB | {:.1} KB / {:.1} KB |",
        sizes[0] as f64 / 1024.0,
        sizes[1] as f64 / 1024.0
    );
    // HSDS: export every public service as NDJSON, then import the file into a fresh database
    let t = Instant::now();
    let mut ndjson = Vec::new();
    std::io::Read::read_to_end(&mut agent.get(&format!("{}/hsds/services?format=ndjson", server.base)).call()?.into_reader(), &mut ndjson)?;
    let exported = t.elapsed();
    let services = ndjson.iter().filter(|b| **b == b'\n').count();
    let file = dir.path().join("services.ndjson");
    std::fs::write(&file, &ndjson)?;
    let target = dir.path().join("import.db");
    let target = target.to_str().context("path")?;
    let ok = Command::new(bin).args(["municipality", "add", "--db", target, "ziel", "Ziel"]).output()?.status.success();
    let t = Instant::now();
    let out = Command::new(bin).args(["import", "hsds", "--db", target, file.to_str().context("path")?, "--partial"]).output()?;
    let imported = t.elapsed();
    if !ok || !out.status.success() {
        bail!("HSDS import failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    println!("| HSDS export of {services} services as NDJSON ({} MB) | – | {:.1} s |", ndjson.len() / 1_000_000, exported.as_secs_f64());
    println!(
        "| HSDS import of {services} services (`kette import hsds`, one transaction) | < 30 s for 100,000 | {:.1} s |",
        imported.as_secs_f64()
    );
    Ok(())
}

/// The needs analysis in-process on the demo's database: cold (a fresh App: population,
/// offers, figures and the walking estimate read and computed), the bare matrix from its
/// inputs, and a scenario recomputed over a warm baseline.
/// `kette import census-grid` on a table the size of the Zensus 2022 population table (3.1
/// million inhabited 100 m cells over Germany's extent, written here with a fixed pattern, as
/// the real table cannot be downloaded on this machine): read, project, keep Berlin's cells,
/// store them. Time and peak memory of the whole process.
fn census_import(bin: &str, db: &str) -> Result<()> {
    use std::io::Write;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("Zensus2022_Alter_in_5_Altersklassen_100m-Gitter.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    writeln!(out, "GITTER_ID_100m;x_mp_100m;y_mp_100m;Insgesamt_Bevoelkerung;Unter18;a18bis29;a30bis49;a50bis64;a65undaelter")?;
    let mut rows = 0usize;
    // Germany's extent in EPSG:3035; a cell is inhabited for 56 in 1,000 of a mixing hash
    for n in (2_690_000..3_550_000).step_by(100) {
        for e in (4_030_000..4_670_000).step_by(100) {
            let mut h = ((e as u64) << 32 | n as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
            h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            h ^= h >> 31;
            if h % 1000 < 56 {
                let people = 3 + h % 180;
                let children = people / 6;
                let secret = if h.is_multiple_of(97) { "–".to_string() } else { children.to_string() };
                writeln!(
                    out,
                    "CRS3035RES100mN{n}E{e};{};{};{people};{secret};{};{};{};{}",
                    e + 50,
                    n + 50,
                    people / 6,
                    people / 4,
                    people / 5,
                    people / 5
                )?;
                rows += 1;
            }
        }
    }
    out.flush()?;
    drop(out);
    let megabytes = std::fs::metadata(&path)?.len() as f64 / 1e6;
    let t = Instant::now();
    let o = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M", bin, "import", "census-grid", "--db", db, "--municipality", "berlin"])
        .arg(&path)
        .output()
        .context("cannot run /usr/bin/time (Debian package time)")?;
    let seconds = t.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&o.stderr);
    if !o.status.success() {
        bail!("kette import census-grid failed: {err}");
    }
    let peak_mb = err.lines().last().and_then(|l| l.trim().parse::<f64>().ok()).context("peak memory from /usr/bin/time")? / 1024.0;
    let said = String::from_utf8_lossy(&o.stdout);
    let kept = said.split(" – ").nth(1).and_then(|t| t.split(' ').next()).unwrap_or("?").to_string();
    println!(
        "| census grid import, a Germany-sized table ({rows} cells, {megabytes:.0} MB; synthetic): read and check every row, project, keep Berlin's {kept} cells, store; whole process; peak memory | – | {seconds:.1} s; {peak_mb:.0} MB |"
    );
    Ok(())
}

fn needs_in_process(db: &str) -> Result<()> {
    use kette_domain::access::{Actor, Role};
    tokio::runtime::Runtime::new()?.block_on(async {
        let store = kette_store::Store::open(db).await?;
        let municipality = store.municipality_by_slug("berlin").await?;
        let m = municipality.id;
        let vocab = store.vocabulary(m).await?;
        let reader = kette_domain::disclosure::Disclosure::new(Some(Actor { role: Role::Coordinator, organisation_id: None }), municipality.confidentiality);
        let req = kette_app::needs::NeedsRequest::default();
        let (mut cold, mut figures_warm) = (vec![], vec![]);
        let mut view = None;
        for _ in 0..5 {
            let app = kette_app::App::new(store.clone());
            let t = Instant::now();
            view = Some(app.needs(&reader, m, &vocab, &req).await?);
            cold.push(t.elapsed().as_secs_f64() * 1000.0);
            // as in a running server, where the monitoring pages have built the reader's figures
            let app = kette_app::App::new(store.clone());
            app.figures(&reader, m).await?;
            let t = Instant::now();
            std::hint::black_box(app.needs(&reader, m, &vocab, &req).await?);
            figures_warm.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let view = view.context("needs view")?;
        let mut bare = vec![];
        for _ in 0..50 {
            let t = Instant::now();
            let matrix = kette_domain::needs::compute(&view.matrix.phases, &view.inputs, req.formula);
            std::hint::black_box(matrix.gaps());
            bare.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let app = kette_app::App::new(store.clone());
        app.needs(&reader, m, &vocab, &req).await?;
        let scenario = store.scenario(m, 1).await?.context("the demo's scenario 1")?;
        let changes: Vec<(i64, kette_domain::needs::ScenarioChange)> = scenario.changes.iter().map(|c| (c.id, c.change.clone())).collect();
        let mut recomputed = vec![];
        for _ in 0..20 {
            let t = Instant::now();
            std::hint::black_box(app.needs_scenario(&reader, m, &vocab, &req, &changes).await?);
            recomputed.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        for v in [&mut cold, &mut figures_warm, &mut bare, &mut recomputed] {
            v.sort_by(f64::total_cmp);
        }
        let (rows, phases) = (view.matrix.rows.len(), view.matrix.phases.len());
        println!(
            "| needs matrix for Berlin ({rows} areas × {phases} phases), in-process, median: all cold (the reader's monitoring figures built too) / the monitoring figures built (population, offers, links and the walking estimate read and computed) / the matrix and gaps from their inputs | < 100 ms | {:.1} / {:.1} / {:.2} ms |",
            cold[cold.len() / 2],
            figures_warm[figures_warm.len() / 2],
            bare[bare.len() / 2]
        );
        println!(
            "| a scenario recomputed (demo scenario 1: two planned offers, three phases' walking shares re-estimated), in-process, median / max | < 200 ms | {:.1} / {:.1} ms |",
            recomputed[recomputed.len() / 2],
            recomputed[recomputed.len() - 1]
        );
        anyhow::Ok(())
    })
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let offers: usize = flag("--offers").and_then(|v| v.parse().ok()).unwrap_or(100_000);
    match args.first().map(String::as_str) {
        Some("generate") => {
            let db = flag("--db").context("generate needs --db FILE")?;
            let data = flag("--data").unwrap_or_else(|| "data/berlin".into());
            let t = Instant::now();
            tokio::runtime::Runtime::new()?.block_on(synthetic::generate(
                std::path::Path::new(&db),
                std::path::Path::new(&data),
                offers,
                42,
            ))?;
            println!("{offers} offers written to {db} in {:.1} s", t.elapsed().as_secs_f64());
            return Ok(());
        }
        Some("needs") => {
            // the needs analysis alone, on a demo database built before
            let db = flag("--db").context("needs --db FILE (a database `kette demo` built)")?;
            return needs_in_process(&db);
        }
        Some("concurrent") => {
            let bin = args
                .iter()
                .skip(1)
                .find(|a| !a.starts_with("--") && a.contains('/'))
                .cloned()
                .unwrap_or_else(|| "target/release/kette".into());
            let data = flag("--data").unwrap_or_else(|| "data/berlin".into());
            let seconds: u64 = flag("--seconds").and_then(|v| v.parse().ok()).unwrap_or(60);
            let editors: usize = flag("--editors").and_then(|v| v.parse().ok()).unwrap_or(20);
            let rate: u32 = flag("--rate").and_then(|v| v.parse().ok()).unwrap_or(1000);
            let dir = tempfile::tempdir()?;
            let db = dir.path().join("concurrent.db");
            let (server, _) = start_demo(&bin, db.to_str().context("path")?, &data)?;
            let o = concurrent::run(&server.base, "Mohnblume-Ahorn-7", editors, seconds, rate)?;
            println!("| measure | target | result |");
            println!("|---|---|---|");
            println!(
                "| saves by {editors} editors in {seconds} s (PUT /api/v1/offers/{{id}}) | 0 failed | {} saved, {} failed |",
                o.saves, o.failed_saves
            );
            println!("| lost edits (acknowledged title not the offer's at the end) | 0 | {} |", o.lost_edits);
            println!(
                "| save latency median / p99 / max | p99 < 500 ms | {:.1} / {:.1} / {:.1} ms |",
                o.edit_ms[0], o.edit_ms[1], o.edit_ms[2]
            );
            println!(
                "| public searches at {rate}/s, achieved; failed | {rate}/s, 0 failed | {:.0}/s ({} answered); {} failed |",
                o.achieved_rate, o.searches, o.failed_searches
            );
            println!(
                "| search latency from when due, median / p99 / max | p99 < 100 ms | {:.1} / {:.1} / {:.1} ms |",
                o.search_ms[0], o.search_ms[1], o.search_ms[2]
            );
            return Ok(());
        }
        Some("reach") => {
            let usage = "kette-bench reach PATH/TO/kette PATH/TO/python";
            let kette = args.get(1).context(usage)?;
            let python = args.get(2).context(usage)?;
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
            let osm = root.join("../../data/osm/heidelberg.test.pbf");
            let f = reach::run(kette, python, &root.join("reach_peers.py"), &osm)?;
            println!(
                "Heidelberg walking network (© OpenStreetMap contributors): {} nodes, {} edges; peers {}",
                f.nodes, f.edges, f.versions
            );
            println!();
            println!("| measure | target | result |");
            println!("|---|---|---|");
            println!(
                "| `kette reach nearest`, 5 kinds (525 destinations), cutoff 2,400 m, whole process, median of 5 | – | {:.1} ms |",
                f.nearest_process_ms
            );
            println!("| the same search alone (5 kinds, in process, median of 9) | – | {:.2} ms |", f.nearest_search_ms);
            println!("| networkx multi_source_dijkstra_path_length, 5 kinds | – | {:.0} ms |", f.networkx_query_ms);
            println!(
                "| pandana: prepare (Network + precompute) / set_pois / nearest_pois | – | {:.0} ms / {:.0} ms / {:.0} ms |",
                f.pandana_prepare_ms, f.pandana_set_pois_ms, f.pandana_query_ms
            );
            println!(
                "| pandana nearest_pois ÷ kette: against kette's whole process / against the search alone | ≥ 100× | {:.1}× / {:.0}× |",
                f.pandana_query_ms / f.nearest_process_ms,
                f.pandana_query_ms / f.nearest_search_ms
            );
            println!("| networkx ÷ kette's whole process | – | {:.0}× |", f.networkx_query_ms / f.nearest_process_ms);
            println!(
                "| largest difference from networkx, {} node–kind pairs | ≤ 0.5 m | {:.2e} m |",
                f.compared_networkx, f.max_difference_networkx
            );
            println!(
                "| largest difference from pandana, {} pairs; pairs over 0.5 m | – | {:.3} m; {} |",
                f.compared_pandana, f.max_difference_pandana, f.pandana_over_half_metre
            );
            println!(
                "| `kette reach run` on heidelberg.test.pbf: read, build, 5 kinds, every node an origin ({} rows), median of 5 | < 1 s | {:.0} ms |",
                f.run_rows, f.run_ms
            );
            println!("| its peak memory (max RSS) | reported | {:.0} MB |", f.run_peak_mb);
            println!(
                "| `kette reach run` on north-bayreuth.osm.gz (gzipped OSM XML, 1.4 MB): read, build, kindergartens, every node an origin ({} rows), median of 5; peak memory | – | {:.0} ms; {:.0} MB |",
                f.xml_rows, f.xml_run_ms, f.xml_peak_mb
            );
            return Ok(());
        }
        Some("index-data") => {
            // the benchmark's table and recipe, to run or profile by hand
            let dir = PathBuf::from(args.get(1).context("kette-bench index-data DIR")?);
            std::fs::create_dir_all(&dir)?;
            std::fs::write(dir.join("gisd.csv"), index::table())?;
            std::fs::write(dir.join("factor.toml"), index::recipe())?;
            return Ok(());
        }
        Some("index") => {
            let usage = "kette-bench index PATH/TO/kette PATH/TO/python";
            let kette = args.get(1).context(usage)?;
            let python = args.get(2).context(usage)?;
            let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("index_peer.py");
            let f = index::run(kette, python, &script)?;
            println!(
                "Factor index with gap filling, {} unit-years × 9 indicators ({:.1} MB CSV), synthetic; peer {}",
                f.rows, f.file_mb, f.versions
            );
            println!();
            println!("| measure | target | result |");
            println!("|---|---|---|");
            println!("| `kette index run`, whole process, median of 5 | < 500 ms | {:.0} ms |", f.kette_ms);
            println!("| its peak memory (max RSS) | < 150 MB | {:.0} MB |", f.kette_peak_mb);
            println!(
                "| numpy/pandas script, whole process / computing alone (after reading), median of 5 | – | {:.0} ms / {:.0} ms |",
                f.numpy_ms, f.numpy_compute_ms
            );
            println!("| its peak memory | – | {:.0} MB |", f.numpy_peak_mb);
            println!("| numpy whole process ÷ kette whole process | ≥ 10× | {:.1}× |", f.numpy_ms / f.kette_ms);
            println!(
                "| largest difference of index and rescaled score, {} rows; classes that differ | < 1e-9; 0 | {:.1e}; {} |",
                f.compared, f.largest_difference, f.class_differences
            );
            println!(
                "| gap-filled indicators (QR on centred, scaled columns) against numpy's lstsq, largest relative difference | < 1e-9 | {:.1e} |",
                f.filled_relative
            );
            return Ok(());
        }
        Some("network") => {
            let kette = args.get(1).context("kette-bench network PATH/TO/kette PATH/TO/python")?;
            let python = args.get(2).context("kette-bench network PATH/TO/kette PATH/TO/python")?;
            let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("networkx_metrics.py");
            let f = network::run(kette, python, &script)?;
            println!("| measure | target | result |");
            println!("|---|---|---|");
            println!(
                "| `kette network metrics --json`, {} organisations, {} ties, whole process, median of 7 | < 200 ms | {:.1} ms |",
                f.nodes, f.edges, f.kette_ms
            );
            println!(
                "| networkx 3.6 on the same GraphML file: whole process / metrics alone | – | {:.0} ms / {:.0} ms |",
                f.networkx_process_ms, f.networkx_compute_ms
            );
            println!(
                "| ratio networkx ÷ kette: whole process / kette's whole process against networkx's metrics alone | ≥ 50× | {:.0}× / {:.0}× |",
                f.networkx_process_ms / f.kette_ms,
                f.networkx_compute_ms / f.kette_ms
            );
            println!("| largest difference of any value (density, degree, betweenness, closeness) | < 1e-9 | {:.1e} |", f.max_difference);
            return Ok(());
        }
        Some("goals") => {
            let (app_ms, rule_us, dashboard_ms) = goals::run()?;
            println!("| measure | target | result |");
            println!("|---|---|---|");
            println!("| progress of 200 goals over 10 years × 60 districts, through the use-case layer (SQLite), median of 30 | < 50 ms | {app_ms:.2} ms |");
            println!("| the bare progress rule for 200 goals, median of 200 | – | {rule_us:.1} µs |");
            println!("| steering dashboard with those 200 goals, as a coordinator (use-case layer), median of 30 | < 50 ms | {dashboard_ms:.2} ms |");
            return Ok(());
        }
        Some("search") => {
            let bin = args
                .iter()
                .skip(1)
                .find(|a| !a.starts_with("--") && a.contains('/'))
                .cloned()
                .unwrap_or_else(|| "target/release/kette".into());
            let data = flag("--data").unwrap_or_else(|| "data/berlin".into());
            return search_bench(&bin, &data, offers);
        }
        _ => {}
    }
    let bin = args
        .iter()
        .find(|a| !a.starts_with("--") && !a.chars().all(|c| c.is_ascii_digit()))
        .cloned()
        .unwrap_or_else(|| "target/release/kette".into());
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let data = flag("--data").unwrap_or_else(|| "data/berlin".into());
    let n: usize = flag("--requests").and_then(|v| v.parse().ok()).unwrap_or(500);
    if !PathBuf::from(&bin).exists() {
        bail!("{bin} not found: build it with `cargo build --release` first");
    }
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("bench.db");
    let db = db.to_str().context("path")?;

    let (server, first) = start_demo(&bin, db, &data)?;
    drop(server);
    let (server, later) = start_demo(&bin, db, &data)?;
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(10)).build();
    // warm up, then let the server idle before reading its memory
    for path in ["/", "/offers", "/districts", "/search?age=2"] {
        agent.get(&format!("{}{path}", server.base)).call()?;
    }
    std::thread::sleep(Duration::from_secs(2));
    let rss = rss_mb(server.child.id())?;
    let (home_p50, home_p95, home_bytes) = latency(&agent, &format!("{}/", server.base), n)?;
    let (list_p50, list_p95, list_bytes) = latency(&agent, &format!("{}/offers?page=3", server.base), n)?;
    let (api_p50, api_p95, _) = latency(&agent, &format!("{}/api/v1/offers?per_page=50&age=2", server.base), n)?;

    println!("| measure | target | result |");
    println!("|---|---|---|");
    println!("| first `kette demo` (full Berlin import, until listening) | < 20 s | {:.2} s |", first.as_secs_f64());
    println!("| later start of `kette demo` | < 2 s | {:.0} ms |", later.as_secs_f64() * 1000.0);
    println!("| server RSS, idle, Berlin demo | < 150 MB | {rss:.1} MB |");
    println!(
        "| start page (chain matrix), median / p95, {n} requests | < 20 ms median | {home_p50:.2} / {home_p95:.2} ms ({home_bytes} B) |"
    );
    println!("| offer list, 50 rows, median / p95 | < 20 ms median | {list_p50:.2} / {list_p95:.2} ms ({list_bytes} B) |");
    println!("| API offer list, 50 rows, age filter, median / p95 | – | {api_p50:.2} / {api_p95:.2} ms |");
    let map_url = format!("{}/monitoring/map?indicator=mss_s4&year=2018", server.base);
    let (map_p50, map_p95, map_bytes) = latency(&agent, &map_url, n.min(200))?;
    let mut gz = vec![];
    std::io::Read::read_to_end(&mut agent.get(&map_url).set("Accept-Encoding", "gzip").call()?.into_reader(), &mut gz)?;
    println!(
        "| map page, 448 planning areas (MSS S4 2018), median / p95; size raw / gzip | < 300 KB transferred | {map_p50:.2} / {map_p95:.2} ms; {} KB / {} KB |",
        map_bytes / 1024,
        gz.len() / 1024
    );
    // the index engine on stored values: the input table is kept per data generation
    let recipe_url = format!("{}/monitoring/recipes/berlin_mss_2019/run", server.base);
    let (recipe_p50, recipe_p95, recipe_bytes) = latency(&agent, &recipe_url, n.min(200))?;
    println!(
        "| MSS 2019 recipe run on stored values (/monitoring/recipes/…/run, 436 areas, every intermediate column), median / p95 | < 50 ms median | {recipe_p50:.2} / {recipe_p95:.2} ms ({recipe_bytes} B) |"
    );
    let (steer_p50, steer_p95, steer_bytes) = latency(&agent, &format!("{}/steering", server.base), n.min(200))?;
    println!(
        "| steering dashboard page (/steering, demo's 10 goals, public view), median / p95 | < 50 ms median | {steer_p50:.2} / {steer_p95:.2} ms ({steer_bytes} B) |"
    );
    // the network page is for staff: signed in as the demo's coordinator
    let (session, _) = concurrent::sign_in(&server.base, "koordination", "Mohnblume-Ahorn-7")?;
    let mut times = vec![];
    let mut net_bytes = 0;
    for _ in 0..n.min(100) {
        let t = Instant::now();
        let body = agent.get(&format!("{}/network", server.base)).set("Cookie", &session).call()?.into_string()?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        net_bytes = body.len();
    }
    times.sort_by(f64::total_cmp);
    let mut gz = vec![];
    std::io::Read::read_to_end(
        &mut agent
            .get(&format!("{}/network/export/graphml", server.base))
            .set("Cookie", &session)
            .set("Accept-Encoding", "gzip")
            .call()?
            .into_reader(),
        &mut gz,
    )?;
    println!(
        "| network page (/network, demo's agreements, coordinator), median / p95; the whole graph as GraphML, gzip | < 100 ms median | {:.2} / {:.2} ms ({net_bytes} B); {} KB |",
        times[times.len() / 2],
        times[(times.len() * 95) / 100],
        gz.len() / 1024
    );
    let mut gz_view = vec![];
    std::io::Read::read_to_end(
        &mut agent
            .get(&format!("{}/network/graph.json", server.base))
            .set("Cookie", &session)
            .set("Accept-Encoding", "gzip")
            .call()?
            .into_reader(),
        &mut gz_view,
    )?;
    let raw_view = agent.get(&format!("{}/network/graph.json", server.base)).set("Cookie", &session).call()?.into_string()?.len();
    println!(
        "| interactive network view: placed graph (/network/graph.json), raw / gzip | < 150 KB transferred | {} KB / {} KB |",
        raw_view / 1024,
        gz_view.len() / 1024
    );
    // the other network pages of issue 16, as the coordinator
    for (path, what) in [
        ("/network/chain", "chain of the whole city with its diagram"),
        ("/referrals", "navigator log, a year of counts through the rule"),
        ("/events", "events and trainings"),
        ("/funding", "consolidation radar over every funded offer"),
        ("/engagement", "engagement register"),
        ("/needs", "needs analysis: every planning area × 6 life phases, deprivation-weighted, gaps ranked"),
        ("/needs.csv", "needs analysis as CSV"),
        ("/needs/scenarios/1", "scenario recomputed on every request: a planned Kita and family office, walking shares re-estimated"),
        ("/needs/scenarios/2", "scenario recomputed on every request: three family centres closed"),
        ("/needs/scenarios/compare?a=1&b=2", "two scenarios compared"),
        ("/needs/inventory", "inventory: offers per planning area and life phase, with the map"),
        ("/needs/walk", "walking reach of the Kita age per planning area, map and table"),
    ] {
        let mut times = vec![];
        let mut bytes = 0;
        for _ in 0..n.min(50) {
            let t = Instant::now();
            let body = agent.get(&format!("{}{path}", server.base)).set("Cookie", &session).call()?.into_string()?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            bytes = body.len();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "| {what} ({path}, coordinator), median / p95 | – | {:.2} / {:.2} ms ({bytes} B) |",
            times[times.len() / 2],
            times[(times.len() * 95) / 100]
        );
    }
    needs_in_process(db)?;
    census_import(&bin, db)?;
    let (gisd_ms, gisd_rows) = gisd_sized()?;
    println!("| GISD-sized run: 11,000 units × 18 years × 9 indicators, imputation, 3 PCA, rescaling, deciles, aggregation | < 1 s | {gisd_ms:.0} ms ({gisd_rows} rows out) |");
    let (parse, run) = mss_edition(&data)?;
    println!("| MSS 2019 edition (436 areas): read table / run recipe, median of 50 | < 50 ms | {parse:.2} / {run:.2} ms |");
    Ok(())
}
