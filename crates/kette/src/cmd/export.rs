//! `kette export`: the directory as Open Referral HSDS 3.0 (JSON, NDJSON, tabular folder or zip).

use super::*;

#[derive(Subcommand)]
pub enum ExportWhat {
    /// The directory as Open Referral HSDS 3.0: a JSON array of full services (.json), one
    /// service per line (.ndjson) or, with --tabular, a folder with datapackage.json and the CSV
    /// tables (or a .zip of them). What the public sees unless --internal.
    Hsds {
        #[command(flatten)]
        db: DbArg,
        /// Output file (.json or .ndjson) or, with --tabular, a folder or .zip that does not exist yet
        out: PathBuf,
        /// The tabular form (CSV datapackage) instead of JSON
        #[arg(long)]
        tabular: bool,
        /// Also offers families do not see and protected addresses (for exchange between offices)
        #[arg(long)]
        internal: bool,
        #[arg(long)]
        municipality: Option<String>,
    },
}

pub async fn run(what: ExportWhat) -> Result<()> {
    match what {
        ExportWhat::Hsds { db, out, tabular, internal, municipality: slug } => {
            let store = Store::open(&db.db).await?;
            let m = municipality(&store, slug.as_deref()).await?;
            let started = std::time::Instant::now();
            let n = export_hsds(&store, &m, &out, tabular, internal).await?;
            println!(
                "{}",
                msg(
                    "cli-hsds-exported",
                    &[("services", &n), ("path", &out.display()), ("seconds", &format!("{:.1}", started.elapsed().as_secs_f64()))]
                )
            );
        }
    }
    Ok(())
}

/// Packs the files of `dir` into the zip archive `out` (deflated, in name order).
fn zip_folder(dir: &Path, out: &Path) -> Result<()> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    names.sort();
    let file = std::fs::File::create(out).with_context(|| format!("cannot write {}", out.display()))?;
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for path in names {
        zip.start_file(file_name(&path), options)?;
        std::io::copy(&mut std::fs::File::open(&path)?, &mut zip)?;
    }
    zip.finish()?.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    Ok(())
}

/// Writes the HSDS export; files appear complete or not at all (written beside, then renamed).
async fn export_hsds(store: &Store, m: &kette_domain::Municipality, out: &Path, tabular: bool, internal: bool) -> Result<usize> {
    let partial = PathBuf::from(format!("{}.partial", out.display()));
    if out.exists() {
        bail!(msg("cli-export-exists", &[("path", &out.display())]));
    }
    let n;
    if tabular {
        // a zip is packed from the finished tables in a folder beside it
        let folder = if is_zip(out) { PathBuf::from(format!("{}.partial.d", out.display())) } else { partial.clone() };
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).with_context(|| format!("cannot create {}", folder.display()))?;
        std::fs::write(folder.join("datapackage.json"), kette_hsds::tabular::DATAPACKAGE)
            .with_context(|| format!("cannot write into {}", folder.display()))?;
        let mut tables = kette_hsds::tabular::Tables::with(|path| std::fs::File::create(folder.join(path)).map(std::io::BufWriter::new))
            .with_context(|| format!("cannot write into {}", folder.display()))?;
        n = kette_app::hsds::export_services(store, m, internal, |s| tables.add_service(&s)).await?;
        // partners without (public) offers are still partners; rows already written are skipped
        kette_app::hsds::export_organisations(store, m, internal, |o| tables.add_organization(&o)).await?;
        for (_, file) in tables.finish().with_context(|| format!("cannot write into {}", folder.display()))? {
            file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        }
        if is_zip(out) {
            let packed = zip_folder(&folder, &partial);
            let _ = std::fs::remove_dir_all(&folder);
            packed?;
        }
    } else {
        use std::io::Write;
        let ndjson = file_name(out).to_ascii_lowercase().ends_with(".ndjson");
        let mut w =
            std::io::BufWriter::new(std::fs::File::create(&partial).with_context(|| format!("cannot write {}", partial.display()))?);
        let mut first = true;
        let mut failed: Option<std::io::Error> = None;
        if !ndjson {
            w.write_all(b"[\n")?;
        }
        n = kette_app::hsds::export_services(store, m, internal, |s| {
            let sep: &[u8] = if ndjson || first { b"" } else { b",\n" };
            first = false;
            let written = w.write_all(sep).and_then(|_| serde_json::to_writer(&mut w, &s).map_err(std::io::Error::other));
            let written = written.and_then(|_| if ndjson { w.write_all(b"\n") } else { Ok(()) });
            if let Err(e) = written {
                failed.get_or_insert(e);
            }
        })
        .await?;
        if let Some(e) = failed {
            return Err(e).with_context(|| format!("cannot write {}", partial.display()));
        }
        if !ndjson {
            w.write_all(b"\n]\n")?;
        }
        w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    }
    std::fs::rename(&partial, out).with_context(|| format!("cannot move {} to {}", partial.display(), out.display()))?;
    Ok(n)
}
