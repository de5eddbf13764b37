//! The index engine at GISD size beside numpy/pandas: a factor-index recipe with gap filling on
//! 101,178 unit-years (5,621 municipalities × 18 years) × 9 indicators, run by `kette index run`
//! and by `index_peer.py` on the same CSV file in the same run; both whole processes timed, peak
//! memory from /usr/bin/time, and every result compared.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

pub const UNITS: usize = 5_621;
pub const YEARS: usize = 18;

pub struct Figures {
    pub rows: usize,
    pub file_mb: f64,
    pub kette_ms: f64,
    pub kette_peak_mb: f64,
    pub numpy_ms: f64,
    pub numpy_peak_mb: f64,
    pub numpy_compute_ms: f64,
    pub largest_difference: f64,
    /// largest relative difference of the gap-filled indicators from numpy's lstsq
    pub filled_relative: f64,
    pub compared: usize,
    pub class_differences: usize,
    pub versions: String,
}

fn uniform(seed: &mut u64) -> f64 {
    *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    ((*seed >> 11) as f64) / ((1u64 << 53) as f64)
}

/// Municipalities in ~400 districts (the first five digits of the key), one latent deprivation
/// each, nine indicators in three dimensions; the first indicator of each dimension has gaps
/// (2 % of its cells, and whole early years for one municipality in fifty).
pub fn table() -> String {
    let mut seed = 20_190_101;
    let mut csv = String::with_capacity(16 << 20);
    csv.push_str("gemeinde,jahr,bevoelkerung");
    for k in 0..9 {
        csv.push_str(&format!(",i{k}"));
    }
    csv.push('\n');
    for u in 0..UNITS {
        let latent = uniform(&mut seed);
        let population = 300.0 + (40_000.0 * uniform(&mut seed).powi(3)).round();
        let early_gap = u % 50 == 0;
        for y in 0..YEARS {
            let year = 1998 + y;
            csv.push_str(&format!("{:05}{:03},{year},{population}", 1000 + u / 14, u % 14));
            for k in 0..9 {
                let sign = if k % 3 == 1 { -1.0 } else { 1.0 };
                let v =
                    10.0 + sign * latent * (1.0 + k as f64 / 10.0) * 8.0 + 2.0 * uniform(&mut seed) + 0.05 * y as f64 * (k as f64 - 4.0);
                let gap = k % 3 == 0 && (uniform(&mut seed) < 0.02 || (early_gap && y < 3));
                if gap {
                    csv.push(',');
                } else {
                    csv.push_str(&format!(",{:.4}", v));
                }
            }
            csv.push('\n');
        }
    }
    csv
}

/// The recipe both sides run.
pub fn recipe() -> String {
    let mut r = String::from(
        "id = \"factor_bench\"\nname = \"Factor index, GISD size\"\nunit = \"gemeinde\"\ngroup_by = \"jahr\"\nlevel = \"gemeinde\"\n",
    );
    for d in 0..3 {
        let (a, b, c) = (3 * d, 3 * d + 1, 3 * d + 2);
        r.push_str(&format!(
            "\n[[step]]\nkind = \"compute\"\noutput = \"t2_i{a}\"\nexpression = \"jahr^2 * mean_by_unit(i{a})\"\n\
             \n[[step]]\nkind = \"compute\"\noutput = \"t1_i{a}\"\nexpression = \"jahr * mean_by_unit(i{a})\"\n\
             \n[[step]]\nkind = \"impute_ols\"\ntarget = \"i{a}\"\npredictors = [\"t2_i{a}\", \"t1_i{a}\", \"i{b}\", \"i{c}\"]\noutput = \"f{a}\"\nscope = \"all\"\n\
             \n[[step]]\nkind = \"pca\"\ninputs = [\"f{a}\", \"i{b}\", \"i{c}\"]\noutput = \"dim{d}\"\nanchor = \"i{c}\"\n\
             \n[[step]]\nkind = \"min_max\"\ninput = \"dim{d}\"\noutput = \"score{d}\"\nscale = 1\nscope = \"all\"\n"
        ));
    }
    r.push_str(
        "\n[[step]]\nkind = \"sum\"\ninputs = [\"score0\", \"score1\", \"score2\"]\noutput = \"index\"\n\
         \n[[step]]\nkind = \"min_max\"\ninput = \"index\"\noutput = \"gisd\"\nscale = 1\n\
         \n[[step]]\nkind = \"quantiles\"\ninput = \"gisd\"\noutput = \"decile\"\nn = 10\nr_type = 9\n\
         \n[[step]]\nkind = \"aggregate\"\ninputs = [\"index\"]\nweight = \"bevoelkerung\"\nparent_key_length = 5\nto_level = \"kreis\"\n\
         \n[[step]]\nkind = \"min_max\"\ninput = \"index\"\noutput = \"gisd\"\nscale = 1\nlevel = \"kreis\"\n\
         \n[[step]]\nkind = \"quantiles\"\ninput = \"gisd\"\noutput = \"quintile\"\nn = 5\nr_type = 9\nlevel = \"kreis\"\n",
    );
    r
}

/// (elapsed ms, peak MB) of a whole process under /usr/bin/time.
fn timed(program: &str, args: &[&str]) -> Result<(f64, f64, String)> {
    let t = std::time::Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", program])
        .args(args)
        .output()
        .context("cannot run /usr/bin/time (Debian package time)")?;
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    if !out.status.success() {
        bail!("{program} failed: {err}");
    }
    let kb: f64 = err.lines().last().and_then(|l| l.trim().parse().ok()).context("peak memory from /usr/bin/time")?;
    Ok((ms, kb / 1024.0, err))
}

/// (key, year, level) → (filled indicators, index, gisd, class) of an output file.
type Results = std::collections::HashMap<(String, String, String), ([f64; 3], f64, f64, String)>;

fn results(path: &Path) -> Result<Results> {
    let mut rdr = csv::Reader::from_path(path).with_context(|| path.display().to_string())?;
    let headers = rdr.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name).with_context(|| format!("{}: no column {name}", path.display()));
    let (key, year, level, index, gisd, decile, quintile) =
        (col("gemeinde")?, col("jahr")?, col("level")?, col("index")?, col("gisd")?, col("decile")?, col("quintile")?);
    let filled = [col("f0")?, col("f3")?, col("f6")?];
    let mut out = Results::new();
    for r in rdr.records() {
        let r = r?;
        let number = |i: usize| r[i].parse::<f64>().unwrap_or(f64::NAN);
        let class = if r[level].eq("kreis") { r[quintile].to_string() } else { r[decile].to_string() };
        let filled = filled.map(number);
        out.insert((r[key].to_string(), r[year].to_string(), r[level].to_string()), (filled, number(index), number(gisd), class));
    }
    Ok(out)
}

pub fn run(kette: &str, python: &str, script: &Path) -> Result<Figures> {
    let dir = tempfile::tempdir()?;
    let p = |name: &str| dir.path().join(name);
    let table = table();
    std::fs::write(p("gisd.csv"), &table)?;
    std::fs::write(p("factor.toml"), recipe())?;
    let s = |name: &str| p(name).to_string_lossy().into_owned();
    let (mut ours, mut theirs, mut compute) = (vec![], vec![], vec![]);
    let (mut our_peak, mut their_peak) = (0.0f64, 0.0f64);
    let mut versions = String::new();
    // one warm-up each, then each side five times in a row, so neither runs in the other's
    // freed memory
    for round in 0..6 {
        let (ms, mb, _) = timed(kette, &["index", "run", &s("factor.toml"), "--data", &s("gisd.csv"), "--out", &s("kette.csv")])?;
        if round > 0 {
            ours.push(ms);
            our_peak = our_peak.max(mb);
        }
    }
    for round in 0..6 {
        let (ms, mb, err) = timed(python, &[script.to_str().context("path")?, &s("gisd.csv"), &s("numpy.csv")])?;
        if round == 0 {
            continue;
        }
        theirs.push(ms);
        their_peak = their_peak.max(mb);
        let figures = err.lines().find(|l| l.starts_with("PEER")).context("the peer printed no figures")?.to_string();
        let parts: Vec<&str> = figures.split_whitespace().collect();
        compute.push(parts.get(1).and_then(|v| v.parse::<f64>().ok()).context("compute seconds")? * 1000.0);
        versions = parts[2..].join(" ");
    }
    let (a, b) = (results(&p("kette.csv"))?, results(&p("numpy.csv"))?);
    if a.len() != b.len() {
        bail!("kette wrote {} rows, numpy {}", a.len(), b.len());
    }
    let (mut largest, mut classes, mut filled_relative) = (0.0f64, 0, 0.0f64);
    for (k, (filled, index, gisd, class)) in &a {
        let (f2, i2, g2, c2) = b.get(k).with_context(|| format!("numpy has no row {k:?}"))?;
        largest = largest.max((index - i2).abs()).max((gisd - g2).abs());
        for (x, y) in filled.iter().zip(f2) {
            if !(x.is_nan() && y.is_nan()) {
                filled_relative = filled_relative.max(((x - y) / y).abs());
            }
        }
        if class != c2 {
            classes += 1;
        }
    }
    if largest.is_nan() || largest > 1e-9 || filled_relative.is_nan() || filled_relative > 1e-9 {
        bail!("kette and numpy differ by {largest} (scores), {filled_relative} relative (filled values)");
    }
    Ok(Figures {
        rows: UNITS * YEARS,
        file_mb: table.len() as f64 / 1e6,
        kette_ms: crate::median(ours),
        kette_peak_mb: our_peak,
        numpy_ms: crate::median(theirs),
        numpy_peak_mb: their_peak,
        numpy_compute_ms: crate::median(compute),
        largest_difference: largest,
        filled_relative,
        compared: a.len(),
        class_differences: classes,
        versions,
    })
}
