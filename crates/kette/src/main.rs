//! The `kette` binary: the command line that wires storage, ingestion and the web server
//! together. `anyhow` lives here only, at the edge.

mod demo;
mod demo_texts;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};

use kette_domain::Role;
use kette_i18n::FluentValue;
use kette_ingest::geojson_districts::DistrictFileSpec;
use kette_store::{NewAccount, Store};

#[derive(Parser)]
#[command(name = "kette", version, about = "kette – the municipal prevention chain platform")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct DbArg {
    /// SQLite database file (later also a PostgreSQL URL)
    #[arg(long, env = "KETTE_DB", default_value = "./kette.db")]
    db: String,
}

/// Where verification reminders go out.
#[derive(Args, Clone)]
struct MailArgs {
    /// SMTP server for reminders: smtp://host:25, smtp://user:password@host:587?tls=required or
    /// smtps://host:465. Without it no e-mail is sent; partners see their to-do list.
    #[arg(long, env = "KETTE_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// Sender of reminders
    #[arg(long, env = "KETTE_MAIL_FROM", default_value = "kette <kette@localhost>")]
    mail_from: String,
    /// The address people reach this server at, for links in e-mails (default: the listening address)
    #[arg(long, env = "KETTE_PUBLIC_URL")]
    public_url: Option<String>,
}

impl MailArgs {
    fn mailer(&self) -> Result<Option<kette_notify::Mailer>> {
        self.smtp_url.as_deref().map(|url| kette_notify::Mailer::new(url, &self.mail_from)).transpose().map_err(Into::into)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Build the Berlin demo database on first start, then serve it
    Demo {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Demo database file
        #[arg(long, env = "KETTE_DB", default_value = "./kette-demo.db")]
        db: String,
        /// Folder with the Berlin open data (defaults to the repository's data/berlin)
        #[arg(long)]
        data: Option<PathBuf>,
        /// Only build the database, do not serve
        #[arg(long)]
        no_serve: bool,
        #[command(flatten)]
        mail: MailArgs,
    },
    /// Serve an existing database
    Serve {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Mark cookies Secure (when served over HTTPS)
        #[arg(long)]
        secure_cookies: bool,
        #[command(flatten)]
        mail: MailArgs,
    },
    /// Send verification reminders now (the server also does this every hour when it has a mail server)
    Remind {
        #[command(flatten)]
        db: DbArg,
        /// Municipality slug (default: all)
        #[arg(long)]
        municipality: Option<String>,
        #[command(flatten)]
        mail: MailArgs,
    },
    /// Manage municipalities
    Municipality {
        #[command(subcommand)]
        action: MunicipalityAction,
    },
    /// Manage accounts
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Import data files
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// The indicator catalogue
    Indicator {
        #[command(subcommand)]
        action: IndicatorAction,
    },
    /// Crosswalk between two boundary versions from polygon overlap
    Crosswalk {
        /// Districts of the old boundary version (GeoJSON, WGS84)
        from: PathBuf,
        /// Districts of the new boundary version (GeoJSON, WGS84)
        to: PathBuf,
        #[arg(long, default_value = "id")]
        key_property: String,
        #[arg(long, default_value = "name")]
        name_property: String,
        /// Overlaps below this share of the old district are slivers and dropped
        #[arg(long, default_value_t = 0.002)]
        min_share: f64,
        /// Output CSV (from,to,weight); '-' writes to standard output
        #[arg(long)]
        out: PathBuf,
    },
    /// Export data files
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Composite indices from declarative recipes
    Index {
        #[command(subcommand)]
        action: IndexAction,
    },
}

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run
enum IndicatorAction {
    /// Define an indicator (or update its definition)
    Add {
        #[command(flatten)]
        db: DbArg,
        /// Code used in tables and recipes, e.g. "child_poverty"
        code: String,
        #[arg(long)]
        name_de: String,
        #[arg(long)]
        name_en: Option<String>,
        #[arg(long, default_value = "")]
        description: String,
        #[arg(long, default_value = "%")]
        unit: String,
        /// higher_is_worse, higher_is_better or neutral
        #[arg(long, default_value = "higher_is_worse")]
        direction: String,
        #[arg(long, default_value = "")]
        source: String,
        #[arg(long, default_value = "")]
        licence: String,
        /// Rates with a smaller denominator are flagged
        #[arg(long)]
        min_denominator: Option<f64>,
        /// What the numerator counts
        #[arg(long, default_value = "")]
        numerator: String,
        /// What the denominator counts
        #[arg(long, default_value = "")]
        denominator: String,
        /// Release date of the source (YYYY-MM-DD)
        #[arg(long)]
        release_date: Option<String>,
        /// The level the indicator is published for, e.g. Planungsraum
        #[arg(long, default_value = "")]
        spatial_level: String,
        #[arg(long)]
        municipality: Option<String>,
    },
    /// List the indicator catalogue
    List {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        municipality: Option<String>,
    },
}

#[derive(Subcommand)]
enum IndexAction {
    /// Run a recipe on a table (one row per unit and group) and write every intermediate score
    Run {
        /// The recipe (TOML), e.g. recipes/berlin-mss-2019.toml
        recipe: PathBuf,
        /// Input table (CSV; UTF-8 or Windows-1252, ',' or ';')
        #[arg(long)]
        data: PathBuf,
        /// Output table (CSV); '-' writes to standard output
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum MunicipalityAction {
    /// Create a municipality with the default vocabulary
    Add {
        #[command(flatten)]
        db: DbArg,
        /// Short name used in URLs and commands, e.g. "monheim"
        slug: String,
        /// Display name, e.g. "Monheim am Rhein"
        name: String,
    },
    /// List municipalities
    List {
        #[command(flatten)]
        db: DbArg,
    },
    /// Statistical confidentiality of public outputs: the smallest count shown and optional
    /// rounding of shown counts (pages, API, exports; planners always see raw values)
    Confidentiality {
        #[command(flatten)]
        db: DbArg,
        slug: String,
        /// Counts from 1 to this minus one are suppressed (default 3)
        #[arg(long, default_value_t = 3)]
        min_count: u64,
        /// Round every shown count to a multiple of this (e.g. 5); leave out for no rounding
        #[arg(long)]
        round_to: Option<u64>,
    },
}

#[derive(Subcommand)]
enum UserAction {
    /// Create an account. The password comes from --password, KETTE_PASSWORD or standard input.
    Add {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        username: String,
        /// admin, coordinator, planner, partner_editor, navigator or viewer
        #[arg(long)]
        role: String,
        #[arg(long)]
        name: Option<String>,
        /// Organisation id (required for partner_editor)
        #[arg(long)]
        organisation: Option<i64>,
        /// Where verification reminders go (partner editors)
        #[arg(long)]
        email: Option<String>,
        #[arg(long, env = "KETTE_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// Municipality slug (default: the first one)
        #[arg(long)]
        municipality: Option<String>,
    },
    /// List accounts
    List {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        municipality: Option<String>,
    },
}

#[derive(Subcommand)]
enum ExportWhat {
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

#[derive(Subcommand)]
enum ImportWhat {
    /// District polygons from a GeoJSON FeatureCollection (WGS84)
    Districts {
        #[command(flatten)]
        db: DbArg,
        file: PathBuf,
        /// Hierarchy level of these districts (1 = top)
        #[arg(long, default_value_t = 1)]
        level: i64,
        #[arg(long, default_value = "id")]
        key_property: String,
        #[arg(long, default_value = "name")]
        name_property: String,
        /// Property holding the parent district's key
        #[arg(long, conflicts_with = "parent_key_len")]
        parent_property: Option<String>,
        /// The parent's key is this many leading characters of the key (hierarchical keys)
        #[arg(long)]
        parent_key_len: Option<usize>,
        /// Boundary version, e.g. the year the boundaries came into force
        #[arg(long, default_value = "default")]
        boundary_version: String,
        /// Name of this level in the UI, German and optionally English: "Stadtteil" or "Stadtteil/Quarter"
        #[arg(long)]
        level_label: Option<String>,
        /// Coordinate system of a Shapefile or GeoPackage when its files do not say: 4326, 25832, 25833 or 3035
        #[arg(long)]
        crs: Option<u32>,
        /// GeoPackage layer (default: the first feature table)
        #[arg(long)]
        layer: Option<String>,
        #[arg(long)]
        municipality: Option<String>,
        /// Check the file and report, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Indicator values from a long or wide CSV table (docs/import-indicators.md)
    Indicators {
        #[command(flatten)]
        db: DbArg,
        file: PathBuf,
        /// Year for tables without a year column
        #[arg(long)]
        year: Option<i32>,
        /// Source for rows without a source column (default: the file name)
        #[arg(long)]
        source: Option<String>,
        /// GENESIS flat files: the regional classification if not KREISE, GEMEIN, …
        #[arg(long)]
        region_variable: Option<String>,
        #[arg(long)]
        municipality: Option<String>,
        /// Check the file against the catalogue and districts, write nothing
        #[arg(long)]
        dry_run: bool,
        /// The boundary version the file's district keys belong to, if not that of the stored
        /// districts: the values are carried over with the stored crosswalk (`import crosswalk`)
        #[arg(long)]
        boundary_version: Option<String>,
        /// With --boundary-version: write the districts that can be completed, report the others
        #[arg(long, requires = "boundary_version")]
        partial: bool,
    },
    /// A crosswalk from another boundary version into the stored districts: CSV with from, to,
    /// weight (the share of `from` lying in `to`), as `kette crosswalk` writes it
    Crosswalk {
        #[command(flatten)]
        db: DbArg,
        file: PathBuf,
        /// The boundary version of the `from` keys, e.g. lor-2021
        #[arg(long)]
        from_version: String,
        /// The boundary version of the `to` keys (default: that of the stored districts)
        #[arg(long)]
        to_version: Option<String>,
        /// How the weights were made, e.g. "Flächenanteile aus den LOR-Geometrien"
        #[arg(long, default_value = "")]
        source: String,
        #[arg(long)]
        municipality: Option<String>,
    },
    /// Services from Open Referral HSDS 3.0: JSON (one service, an array, an API page or NDJSON)
    /// or the tabular form (a folder with services.csv, organizations.csv, …; or its
    /// datapackage.json, or a .zip of them); see docs/hsds-profile.md. All or nothing unless --partial.
    Hsds {
        #[command(flatten)]
        db: DbArg,
        file: PathBuf,
        #[arg(long)]
        municipality: Option<String>,
        /// Import the valid services and report the others (default: nothing if one is invalid)
        #[arg(long)]
        partial: bool,
        /// Domain code for services without a "handlungsfeld" attribute (repeatable)
        #[arg(long = "domain")]
        domains: Vec<String>,
        /// Check the file and report, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Offers from a CSV table (UTF-8 or Windows-1252, ',' or ';'); columns: docs/import-offers.md
    Offers {
        #[command(flatten)]
        db: DbArg,
        file: PathBuf,
        #[arg(long)]
        municipality: Option<String>,
        /// Check the file and report, write nothing
        #[arg(long)]
        dry_run: bool,
    },
}

/// A command-line message in the user's language (`KETTE_LANG`, `LANG`, default German).
pub fn msg(key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    static I18N: std::sync::OnceLock<kette_i18n::I18n> = std::sync::OnceLock::new();
    let i18n = I18N.get_or_init(kette_i18n::I18n::load);
    let args: Vec<(&str, FluentValue)> = args.iter().map(|(k, v)| (*k, FluentValue::from(v.to_string()))).collect();
    i18n.t_args(kette_i18n::cli_language(), key, &args)
}

/// The folder of a tabular HSDS package, if `path` names one (the folder, its
/// datapackage.json or one of its CSV files).
fn tabular_folder(path: &Path) -> Option<PathBuf> {
    if path.is_dir() || is_zip(path) {
        return Some(path.to_path_buf());
    }
    let name = file_name(path).to_ascii_lowercase();
    (name == "datapackage.json" || name.ends_with(".csv"))
        .then(|| path.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from(".")))
}

fn is_zip(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// The CSV tables of a tabular package: a folder, or a zip archive as packages are often
/// passed around (tables at its top or in one folder inside it).
fn package_files(package: &Path) -> Result<std::collections::HashMap<String, Vec<u8>>> {
    let mut files = std::collections::HashMap::new();
    if is_zip(package) {
        let archive = std::fs::File::open(package).with_context(|| format!("cannot read {}", package.display()))?;
        let mut zip =
            zip::ZipArchive::new(std::io::BufReader::new(archive)).with_context(|| format!("{}: not a zip archive", package.display()))?;
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).with_context(|| format!("{}: entry {} unreadable", package.display(), i + 1))?;
            let path = entry
                .name()
                .map(|n| n.into_owned())
                .with_context(|| format!("{}: entry {} has no readable name", package.display(), i + 1))?;
            let name = path.rsplit('/').next().unwrap_or_default().to_string();
            if entry.is_file() && name.to_ascii_lowercase().ends_with(".csv") {
                let mut bytes = Vec::with_capacity(entry.size() as usize);
                std::io::Read::read_to_end(&mut entry, &mut bytes).with_context(|| format!("{}: {path} unreadable", package.display()))?;
                files.insert(name, bytes);
            }
        }
    } else {
        for entry in std::fs::read_dir(package).with_context(|| format!("cannot read {}", package.display()))? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
                files.insert(file_name(&path), read(&path)?);
            }
        }
    }
    Ok(files)
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
        let mut tables = kette_hsds::tabular::Tables::in_dir(&folder).with_context(|| format!("cannot write into {}", folder.display()))?;
        n = kette_web::hsds::export_services(store, m, internal, |s| tables.add_service(&s)).await?;
        // partners without (public) offers are still partners; rows already written are skipped
        kette_web::hsds::export_organisations(store, m, internal, |o| tables.add_organization(&o)).await?;
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
        n = kette_web::hsds::export_services(store, m, internal, |s| {
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

async fn municipality(store: &Store, slug: Option<&str>) -> Result<kette_domain::Municipality> {
    match slug {
        Some(s) => Ok(store.municipality_by_slug(s).await?),
        None => store.municipalities().await?.into_iter().next().with_context(|| msg("cli-error-no-municipality", &[])),
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// District polygons from GeoJSON, a Shapefile (with its .dbf, .prj, .cpg) or a GeoPackage,
/// reprojected to WGS84.
async fn read_districts(
    file: &Path,
    spec: &DistrictFileSpec,
    crs: Option<kette_ingest::crs::Crs>,
    layer: Option<&str>,
) -> Result<Vec<kette_domain::NewDistrict>> {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("").to_lowercase();
    let name = file_name(file);
    match ext.as_str() {
        "shp" => {
            let sibling = |e: &str| file.with_extension(e);
            let (shp, dbf) = (read(file)?, read(&sibling("dbf"))?);
            let prj = std::fs::read(sibling("prj")).ok().map(|b| kette_ingest::text::decode(&b).into_owned());
            let cpg = std::fs::read(sibling("cpg")).ok().map(|b| String::from_utf8_lossy(&b).into_owned());
            let parts =
                kette_ingest::shapefile::ShapefileParts { name: &name, shp: &shp, dbf: &dbf, prj: prj.as_deref(), cpg: cpg.as_deref() };
            Ok(kette_ingest::shapefile::parse(&parts, spec, crs)?)
        }
        "gpkg" => {
            let layer = kette_store::geopackage::read_layer(file, layer).await?;
            let crs = match crs.or_else(|| layer.epsg.and_then(kette_ingest::crs::Crs::from_epsg)) {
                Some(c) => c,
                None => bail!(msg(
                    "cli-error-crs-unknown",
                    &[("file", &name), ("code", &layer.epsg.map(|c| c.to_string()).unwrap_or_default())]
                )),
            };
            let mut rows = vec![];
            for (i, (attrs, blob)) in layer.rows.into_iter().enumerate() {
                let polygons = kette_ingest::gpkg::polygons(&blob)
                    .with_context(|| msg("cli-error-gpkg-geometry", &[("file", &name), ("feature", &(i + 1))]))?;
                rows.push((attrs, polygons));
            }
            Ok(kette_ingest::shapefile::districts_from_shapes(&name, rows, crs, spec)?)
        }
        _ => {
            let bytes = read(file)?;
            Ok(kette_ingest::geojson_districts::parse(&name, &kette_ingest::text::decode(&bytes), spec)?)
        }
    }
}

async fn serve(store: Store, addr: SocketAddr, secure_cookies: bool, mail: &MailArgs) -> Result<()> {
    let mailer = mail.mailer()?;
    let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    let public_url = mail.public_url.clone().unwrap_or_else(|| format!("http://{local}"));
    let state = kette_web::AppState::new(store, kette_web::WebConfig { secure_cookies, mailer, public_url });
    println!("{}", msg("cli-listening", &[("url", &format!("http://{local}"))]));
    use std::io::Write;
    std::io::stdout().flush()?;
    kette_web::serve(listener, state, shutdown()).await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// The search serves many small allocations from several threads; glibc's allocator spent a
/// seventh of the search benchmark's time in `malloc` (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("KETTE_LOG").unwrap_or_else(|_| "warn,kette=info".into()))
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match cli.command {
        Command::Demo { addr, db, data, no_serve, mail } => {
            let store = demo::open_or_build(&db, data.as_deref()).await?;
            if !no_serve {
                serve(store, addr, false, &mail).await?;
            }
        }
        Command::Serve { db, addr, secure_cookies, mail } => {
            let store = Store::open(&db.db).await?;
            serve(store, addr, secure_cookies, &mail).await?;
        }
        Command::Remind { db, municipality: slug, mail } => {
            let Some(mailer) = mail.mailer()? else {
                bail!(msg("cli-remind-no-mailer", &[]));
            };
            let store = Store::open(&db.db).await?;
            let municipalities = match slug {
                Some(s) => vec![municipality(&store, Some(&s)).await?],
                None => store.municipalities().await?,
            };
            let base = mail.public_url.clone().unwrap_or_default();
            let i18n = kette_i18n::I18n::load();
            for m in municipalities {
                let run = kette_notify::send_reminders(&store, Some(&mailer), &i18n, &m, store.today(), &base).await?;
                println!(
                    "{}",
                    msg(
                        "cli-reminded",
                        &[
                            ("municipality", &m.slug),
                            ("sent", &run.sent),
                            ("offers", &run.offers),
                            ("noaddr", &run.without_address.len()),
                            ("failed", &run.failed.len())
                        ]
                    )
                );
                for (org, error) in &run.failed {
                    eprintln!("  {org}: {error}");
                }
            }
        }
        Command::Municipality { action } => match action {
            MunicipalityAction::Add { db, slug, name } => {
                let store = Store::open(&db.db).await?;
                let m = store.create_municipality(&slug, &name, "", false).await?;
                println!("{}", msg("cli-municipality-created", &[("name", &m.name), ("slug", &m.slug), ("id", &m.id)]));
            }
            MunicipalityAction::Confidentiality { db, slug, min_count, round_to } => {
                let store = Store::open(&db.db).await?;
                let m = store.municipality_by_slug(&slug).await?;
                let rules = kette_domain::privacy::Confidentiality { min_count, round_to };
                store.set_confidentiality(m.id, &rules, None).await?;
                let rounding = round_to.map(|b| b.to_string()).unwrap_or_else(|| "–".into());
                println!("{}", msg("cli-confidentiality-set", &[("slug", &m.slug), ("min", &min_count), ("round", &rounding)]));
            }
            MunicipalityAction::List { db } => {
                let store = Store::open(&db.db).await?;
                for m in store.municipalities().await? {
                    println!("{}\t{}\t{}", m.id, m.slug, m.name);
                }
            }
        },
        Command::User { action } => match action {
            UserAction::Add { db, username, role, name, organisation, email, password, municipality: slug } => {
                let Some(role) = Role::parse(&role) else {
                    bail!(msg("cli-error-unknown-role", &[("role", &role)]));
                };
                if let Some(e) = email.as_deref().filter(|e| !kette_domain::validate::looks_like_email(e)) {
                    bail!(msg("cli-error-email", &[("email", &e)]));
                }
                let store = Store::open(&db.db).await?;
                let m = municipality(&store, slug.as_deref()).await?;
                if let Some(org) = organisation {
                    store
                        .organisation(m.id, org)
                        .await
                        .with_context(|| msg("cli-error-no-organisation", &[("id", &org), ("municipality", &m.slug)]))?;
                }
                let password = match password {
                    Some(p) => p,
                    None => {
                        eprintln!("{}", msg("cli-password-prompt", &[("username", &username)]));
                        let mut line = String::new();
                        std::io::stdin().read_line(&mut line)?;
                        line.trim_end_matches(['\r', '\n']).to_string()
                    }
                };
                let id = store
                    .create_account(NewAccount {
                        municipality_id: m.id,
                        username: &username,
                        display_name: name.as_deref().unwrap_or(&username),
                        password: &password,
                        role,
                        organisation_id: organisation,
                        is_fictional: false,
                    })
                    .await?;
                if let Some(e) = email {
                    store.set_account_email(m.id, id, &e).await?;
                }
                println!("{}", msg("cli-account-created", &[("username", &username), ("role", &role.as_str()), ("id", &id)]));
            }
            UserAction::List { db, municipality: slug } => {
                let store = Store::open(&db.db).await?;
                let m = municipality(&store, slug.as_deref()).await?;
                for a in store.accounts(m.id).await? {
                    println!(
                        "{}\t{}\t{}\t{}",
                        a.id,
                        a.username,
                        a.role.as_str(),
                        a.organisation_id.map(|o| o.to_string()).unwrap_or_default()
                    );
                }
            }
        },
        Command::Crosswalk { from, to, key_property, name_property, min_share, out } => {
            let spec = DistrictFileSpec { key_property, name_property, ..Default::default() };
            let load = |path: &PathBuf| -> Result<Vec<(String, String)>> {
                let bytes = read(path)?;
                let districts = kette_ingest::geojson_districts::parse(&file_name(path), &kette_ingest::text::decode(&bytes), &spec)?;
                Ok(districts.into_iter().filter_map(|d| d.geometry.map(|g| (d.key, g))).collect())
            };
            let links = kette_ingest::crosswalk::from_polygons(&load(&from)?, &load(&to)?, min_share);
            let mut csv = String::from("from,to,weight\n");
            for l in &links {
                csv.push_str(&format!("{},{},{:.6}\n", l.from, l.to, l.weight));
            }
            if out.as_os_str() == "-" {
                print!("{csv}");
            } else {
                let tmp = out.with_extension("csv.partial");
                std::fs::write(&tmp, csv).with_context(|| format!("cannot write {}", tmp.display()))?;
                std::fs::rename(&tmp, &out).with_context(|| format!("cannot write {}", out.display()))?;
                eprintln!("{}", msg("cli-crosswalk-written", &[("file", &out.display()), ("links", &links.len())]));
            }
        }
        Command::Indicator { action } => match action {
            IndicatorAction::Add {
                db,
                code,
                name_de,
                name_en,
                description,
                unit,
                direction,
                source,
                licence,
                min_denominator,
                numerator,
                denominator,
                release_date,
                spatial_level,
                municipality: slug,
            } => {
                if let Some(d) = &release_date {
                    if kette_ingest::offers_csv::parse_date(d).is_none() {
                        bail!(msg("cli-error-date", &[("value", d)]));
                    }
                }
                let Some(direction) = kette_domain::Direction::parse(&direction) else {
                    bail!(msg("cli-error-direction", &[("direction", &direction)]));
                };
                if !kette_domain::validate::is_term_code(&code) {
                    bail!(msg("cli-error-indicator-code", &[("code", &code)]));
                }
                let store = Store::open(&db.db).await?;
                let m = municipality(&store, slug.as_deref()).await?;
                let def = kette_domain::IndicatorDef {
                    name_en: name_en.unwrap_or_else(|| name_de.clone()),
                    code: code.clone(),
                    name_de,
                    description,
                    unit,
                    direction,
                    source,
                    licence,
                    min_denominator,
                    meta: kette_domain::IndicatorMeta { numerator, denominator, release_date, spatial_level },
                };
                store.upsert_indicators(m.id, &[def]).await?;
                println!("{}", msg("cli-indicator-saved", &[("code", &code), ("municipality", &m.slug)]));
            }
            IndicatorAction::List { db, municipality: slug } => {
                let store = Store::open(&db.db).await?;
                let m = municipality(&store, slug.as_deref()).await?;
                for i in store.indicators(m.id).await? {
                    println!("{}\t{}\t{}\t{}", i.def.code, i.def.unit, i.def.direction.as_str(), i.def.name_de);
                }
            }
        },
        Command::Export { what: ExportWhat::Hsds { db, out, tabular, internal, municipality: slug } } => {
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
        Command::Index { action } => match action {
            IndexAction::Run { recipe, data, out } => {
                let text = String::from_utf8(read(&recipe)?).with_context(|| format!("{}: not UTF-8 text", recipe.display()))?;
                let recipe = kette_monitor::Recipe::from_toml(&file_name(&recipe), &text)?;
                let frame = kette_monitor::Frame::from_csv(&file_name(&data), &read(&data)?, &recipe.unit, recipe.group_by.as_deref())?;
                let result = recipe.run(&frame)?;
                let csv = result.to_csv(None);
                if out.as_os_str() == "-" {
                    print!("{csv}");
                } else {
                    // write next to the target and rename, so a failure never leaves half a file
                    let tmp = out.with_extension("csv.partial");
                    std::fs::write(&tmp, csv).with_context(|| format!("cannot write {}", tmp.display()))?;
                    std::fs::rename(&tmp, &out).with_context(|| format!("cannot write {}", out.display()))?;
                    eprintln!(
                        "{}",
                        msg("cli-index-written", &[("file", &out.display()), ("rows", &result.len()), ("columns", &result.columns.len())])
                    );
                }
            }
        },
        Command::Import { what } => match what {
            ImportWhat::Districts {
                db,
                file,
                level,
                key_property,
                name_property,
                parent_property,
                parent_key_len,
                boundary_version,
                level_label,
                crs,
                layer,
                municipality: slug,
                dry_run,
            } => {
                let spec = DistrictFileSpec { key_property, name_property, level, boundary_version, parent_property, parent_key_len };
                let crs = match crs {
                    Some(code) => Some(kette_ingest::crs::Crs::from_epsg(code).with_context(|| msg("cli-error-crs", &[("code", &code)]))?),
                    None => None,
                };
                let districts = read_districts(&file, &spec, crs, layer.as_deref()).await?;
                if dry_run {
                    println!("{}", msg("cli-districts-valid", &[("file", &file.display()), ("count", &districts.len())]));
                    return Ok(());
                }
                let store = Store::open(&db.db).await?;
                let m = municipality(&store, slug.as_deref()).await?;
                let levels: Vec<kette_domain::DistrictLevel> = level_label
                    .iter()
                    .map(|l| {
                        let (de, en) = l.split_once('/').unwrap_or((l, l));
                        kette_domain::DistrictLevel {
                            level,
                            code: format!("level{level}"),
                            label_de: de.trim().into(),
                            label_en: en.trim().into(),
                        }
                    })
                    .collect();
                let n = store
                    .import_districts(m.id, &levels, &districts)
                    .await
                    .with_context(|| msg("cli-error-nothing-imported", &[("file", &file.display())]))?;
                println!("{}", msg("cli-districts-imported", &[("count", &n), ("municipality", &m.slug)]));
            }
            ImportWhat::Crosswalk { db, file, from_version, to_version, source, municipality: slug } => {
                let links = kette_ingest::crosswalk::parse_csv(&file_name(&file), &read(&file)?)?;
                let store = Store::open(&db.db).await?;
                let m = municipality(&store, slug.as_deref()).await?;
                let to_version = match to_version {
                    Some(v) => v,
                    None => {
                        let stored = store.boundary_versions(m.id).await?;
                        match stored.as_slice() {
                            [one] => one.clone(),
                            [] => bail!("{}", msg("cli-error-no-districts", &[("municipality", &m.slug)])),
                            many => bail!("{}", msg("cli-error-which-version", &[("versions", &many.join(", "))])),
                        }
                    }
                };
                let source = if source.is_empty() { file_name(&file) } else { source };
                let saved = store
                    .save_crosswalk(m.id, &from_version, &to_version, "file", &source, &links, None)
                    .await
                    .with_context(|| msg("cli-error-nothing-imported", &[("file", &file.display())]))?;
                println!(
                    "{}",
                    msg(
                        "cli-crosswalk-imported",
                        &[
                            ("from", &saved.from_version),
                            ("to", &saved.to_version),
                            ("links", &saved.links),
                            ("sources", &saved.sources),
                            ("targets", &saved.targets)
                        ]
                    )
                );
            }
            ImportWhat::Indicators { db, file, year, source, region_variable, municipality: slug, dry_run, boundary_version, partial } => {
                let bytes = read(&file)?;
                let (_, rows) = kette_ingest::indicators_csv::parse(
                    &file_name(&file),
                    &bytes,
                    &kette_ingest::indicators_csv::Options { year, source, region_variable },
                )?;
                let store = Store::open(&db.db).await?;
                let m = municipality(&store, slug.as_deref()).await?;
                // name every unknown code and key at once, before anything is written
                let known: std::collections::HashSet<String> = store.indicators(m.id).await?.into_iter().map(|i| i.def.code).collect();
                let mut unknown_codes: Vec<&str> = rows.iter().map(|r| r.indicator_code.as_str()).filter(|c| !known.contains(*c)).collect();
                unknown_codes.sort_unstable();
                unknown_codes.dedup();
                let mut problems = vec![];
                if !unknown_codes.is_empty() {
                    problems.push(msg("cli-error-unknown-indicators", &[("file", &file.display()), ("codes", &unknown_codes.join(", "))]));
                }
                let mut keys: Vec<&str> = rows.iter().map(|r| r.district_key.as_str()).collect();
                keys.sort_unstable();
                keys.dedup();
                let crosswalk = match &boundary_version {
                    Some(v) => store.crosswalk_into_stored(m.id, v).await?,
                    None => None,
                };
                if let (Some(v), None) = (&boundary_version, &crosswalk) {
                    if !store.boundary_versions(m.id).await?.contains(v) {
                        bail!("{}", msg("cli-error-no-crosswalk", &[("version", v)]));
                    }
                }
                for k in keys {
                    let known = match &crosswalk {
                        Some((_, links)) => links.iter().any(|l| l.from == k),
                        None => store.district_by_key(m.id, k).await?.is_some(),
                    };
                    if !known {
                        problems.push(msg("cli-error-unknown-district", &[("file", &file.display()), ("key", &k)]));
                    }
                }
                if !problems.is_empty() {
                    bail!("{}", problems.join("\n"));
                }
                if dry_run {
                    println!("{}", msg("cli-indicators-valid", &[("file", &file.display()), ("count", &rows.len())]));
                    return Ok(());
                }
                let provenance = kette_store::Provenance::of(&file_name(&file), &bytes, None);
                if let Some(version) = boundary_version {
                    let report = store
                        .import_carried_observations(m.id, &rows, &version, Some(&provenance), partial)
                        .await
                        .with_context(|| msg("cli-error-nothing-imported", &[("file", &file.display())]))?;
                    println!(
                        "{}",
                        msg(
                            "cli-indicators-carried",
                            &[
                                ("count", &rows.len()),
                                ("written", &report.written),
                                ("from", &version),
                                ("to", &report.crosswalk.to_version)
                            ]
                        )
                    );
                    for gap in &report.carried.incomplete {
                        eprintln!(
                            "{}",
                            msg(
                                "cli-indicators-not-carried",
                                &[
                                    ("code", &gap.indicator_code),
                                    ("key", &gap.to),
                                    ("year", &gap.year),
                                    ("missing", &gap.missing.join(", "))
                                ]
                            )
                        );
                    }
                    return Ok(());
                }
                let n = store
                    .import_observations_from(m.id, &rows, Some(&provenance))
                    .await
                    .with_context(|| msg("cli-error-nothing-imported", &[("file", &file.display())]))?;
                println!("{}", msg("cli-indicators-imported", &[("count", &n), ("municipality", &m.slug)]));
            }
            ImportWhat::Hsds { db, file, municipality: slug, partial, domains, dry_run } => {
                let store = Store::open(&db.db).await?;
                let m = municipality(&store, slug.as_deref()).await?;
                let vocab = store.vocabulary(m.id).await?;
                let options = kette_hsds::import::ImportOptions { default_domains: domains };
                let started = std::time::Instant::now();
                let mut parsed = match tabular_folder(&file) {
                    Some(folder) => {
                        let files = package_files(&folder)?;
                        let package = match kette_hsds::tabular::Package::read(&files) {
                            Ok(p) => p,
                            Err(errors) => {
                                for e in &errors {
                                    eprintln!("{}: {e}", folder.display());
                                }
                                bail!("{}", msg("cli-hsds-tabular-rejected", &[("folder", &folder.display()), ("errors", &errors.len())]));
                            }
                        };
                        drop(files);
                        kette_hsds::import::parse_records(&file_name(&folder), package.services().map(Ok), &vocab, &options).map(
                            |mut parsed| {
                                kette_hsds::import::parse_organizations(package.organizations_without_services(), &mut parsed);
                                parsed
                            },
                        )
                    }
                    None => {
                        let bytes = read(&file)?;
                        let text = kette_ingest::text::decode(&bytes);
                        kette_hsds::import::parse(&file_name(&file), &text, &vocab, &options)
                    }
                }
                .map_err(|e| anyhow::anyhow!(e))?;
                let name = file.display().to_string();
                for e in &parsed.errors {
                    eprintln!("{name}: {e}");
                }
                if !parsed.not_kept.is_empty() {
                    let fields: Vec<String> = parsed.not_kept.iter().map(|(f, n)| format!("{f} ({n})")).collect();
                    eprintln!("{}", msg("cli-hsds-not-kept", &[("file", &name), ("fields", &fields.join(", "))]));
                }
                let invalid: std::collections::BTreeSet<usize> = parsed.errors.iter().map(|e| e.record).collect();
                if !invalid.is_empty() && !partial {
                    bail!("{}", msg("cli-hsds-rejected", &[("file", &name), ("invalid", &invalid.len()), ("total", &parsed.total)]));
                }
                // places get their district by point in polygon on the finest level
                if let Some(level) = store.finest_district_level(m.id).await? {
                    let index = kette_ingest::geo_assign::DistrictIndex::new(store.district_geometries(m.id, level).await?);
                    for (_, l) in &mut parsed.batch.locations {
                        if let (Some(lat), Some(lon)) = (l.lat, l.lon) {
                            l.district_key = index.locate(lon, lat).map(str::to_string);
                        }
                    }
                }
                if dry_run {
                    println!(
                        "{}",
                        msg("cli-hsds-valid", &[("file", &name), ("valid", &parsed.batch.offers.len()), ("total", &parsed.total)])
                    );
                    return Ok(());
                }
                let report = store
                    .import_batch(m.id, &parsed.batch, |_| {})
                    .await
                    .with_context(|| msg("cli-error-nothing-imported", &[("file", &file.display())]))?;
                println!(
                    "{}",
                    msg(
                        "cli-hsds-imported",
                        &[
                            ("offers", &report.offers),
                            ("organisations", &report.organisations),
                            ("locations", &report.locations),
                            ("skipped", &invalid.len()),
                            ("seconds", &format!("{:.1}", started.elapsed().as_secs_f64())),
                            ("municipality", &m.slug)
                        ]
                    )
                );
            }
            ImportWhat::Offers { db, file, municipality: slug, dry_run } => {
                let bytes = read(&file)?;
                let batch = kette_ingest::offers_csv::parse(&file_name(&file), &bytes)?;
                let store = Store::open(&db.db).await?;
                let m = municipality(&store, slug.as_deref()).await?;
                if dry_run {
                    // validate against the vocabulary and keys without writing
                    let vocab = store.vocabulary(m.id).await?;
                    let mut problems = vec![];
                    for o in &batch.offers {
                        if let Err(e) = kette_domain::validate::validate_offer(&o.input, &vocab) {
                            problems.push(format!("{}: {e}", o.origin));
                        }
                    }
                    for (_, l) in &batch.locations {
                        if let Some(k) = &l.district_key {
                            if store.district_by_key(m.id, k).await?.is_none() {
                                problems.push(msg("cli-error-unknown-district", &[("file", &file.display()), ("key", k)]));
                            }
                        }
                    }
                    if !problems.is_empty() {
                        bail!("{}", problems.join("\n"));
                    }
                    println!(
                        "{}",
                        msg(
                            "cli-offers-valid",
                            &[("file", &file.display()), ("offers", &batch.offers.len()), ("organisations", &batch.organisations.len())]
                        )
                    );
                    return Ok(());
                }
                let report = store
                    .import_batch(m.id, &batch, |_| {})
                    .await
                    .with_context(|| msg("cli-error-nothing-imported", &[("file", &file.display())]))?;
                println!(
                    "{}",
                    msg(
                        "cli-offers-imported",
                        &[
                            ("offers", &report.offers),
                            ("organisations", &report.organisations),
                            ("locations", &report.locations),
                            ("municipality", &m.slug)
                        ]
                    )
                );
            }
        },
    }
    Ok(())
}
