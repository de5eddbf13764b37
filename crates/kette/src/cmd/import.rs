//! `kette import`: districts, crosswalks, indicator values, offer tables and HSDS, each checked whole before anything is written.

use super::*;

#[derive(Subcommand)]
pub enum ImportWhat {
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
    /// A street network for walking reach in the needs analysis: an OpenStreetMap extract
    /// cut to the municipality: PBF (.osm.pbf, e.g. from download.geofabrik.de) or OSM XML
    /// (.osm, .osm.gz, e.g. from Overpass). It is read and
    /// built first; only a usable network replaces the stored one.
    StreetNetwork {
        #[command(flatten)]
        db: DbArg,
        file: PathBuf,
        #[arg(long)]
        municipality: Option<String>,
        /// walking or cycling
        #[arg(long, default_value = "walking")]
        profile: String,
    },
    /// The census grid (Zensus 2022 or 2011 CSV, e.g. "Alter in 5 Altersklassen" or
    /// "Bevölkerungszahl" on the 100 m grid): the cells in the municipality's districts become
    /// where the needs analysis takes children to live, weighted by the under-18s (or the
    /// people). All or nothing: any unreadable row refuses the file.
    CensusGrid {
        #[command(flatten)]
        db: DbArg,
        file: PathBuf,
        #[arg(long)]
        municipality: Option<String>,
    },
    /// Cooperation agreements from a CSV table, one row per agreement and duty; columns:
    /// docs/import-agreements.md. All or nothing: any unknown organisation refuses the file.
    Agreements {
        #[command(flatten)]
        db: DbArg,
        file: PathBuf,
        #[arg(long)]
        municipality: Option<String>,
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

pub async fn run(what: ImportWhat) -> Result<()> {
    match what {
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
            let bytes = read(&file)?;
            let app = kette_app::App::new(Store::open(&db.db).await?);
            let m = municipality(&app.store, slug.as_deref()).await?;
            let saved =
                match app.import_crosswalk(m.id, &file_name(&file), &bytes, &from_version, to_version.as_deref(), &source, None).await {
                    Err(kette_app::AppError::NoDistricts) => bail!("{}", msg("cli-error-no-districts", &[("municipality", &m.slug)])),
                    Err(kette_app::AppError::WhichBoundaryVersion(many)) => {
                        bail!("{}", msg("cli-error-which-version", &[("versions", &many.join(", "))]))
                    }
                    other => other.with_context(|| msg("cli-error-nothing-imported", &[("file", &file.display())]))?,
                };
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
            let app = kette_app::App::new(Store::open(&db.db).await?);
            let m = municipality(&app.store, slug.as_deref()).await?;
            let options = kette_ingest::indicators_csv::Options { year, source, region_variable };
            let checked = match app.check_indicator_file(m.id, &file_name(&file), &bytes, &options, boundary_version.as_deref()).await {
                Err(kette_app::AppError::UnknownBoundaryVersion(v)) => bail!("{}", msg("cli-error-no-crosswalk", &[("version", &v)])),
                other => other?,
            };
            // name every unknown code and key at once, before anything is written
            let mut problems = vec![];
            let unknown_codes = checked.unknown_codes();
            if !unknown_codes.is_empty() {
                problems.push(msg(
                    "cli-error-unknown-indicators",
                    &[
                        ("file", &file.display()),
                        (
                            "codes",
                            &unknown_codes.iter().take(20).map(|c| format!("„{}“", kette_text::excerpt(c))).collect::<Vec<_>>().join(", "),
                        ),
                    ],
                ));
            }
            for k in &checked.unknown_keys {
                problems.push(msg("cli-error-unknown-district", &[("file", &file.display()), ("key", k)]));
            }
            if !problems.is_empty() {
                bail!("{}", problems.join("\n"));
            }
            for w in &checked.warnings {
                eprintln!("{}: {w}", file.display());
            }
            let rows = checked.rows;
            if dry_run {
                println!("{}", msg("cli-indicators-valid", &[("file", &file.display()), ("count", &rows.len())]));
                return Ok(());
            }
            let provenance = kette_store::Provenance::of(&file_name(&file), &bytes, None);
            let written = app
                .import_indicator_rows(m.id, &rows, &provenance, boundary_version.as_deref(), partial, &[])
                .await
                .with_context(|| msg("cli-error-nothing-imported", &[("file", &file.display())]))?;
            match written {
                kette_app::imports::IndicatorImport::Carried(report) => {
                    let version = boundary_version.unwrap_or_default();
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
                }
                kette_app::imports::IndicatorImport::Written(n) => {
                    println!("{}", msg("cli-indicators-imported", &[("count", &n), ("municipality", &m.slug)]));
                }
            }
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
            }?;
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
            let app = kette_app::App::new(store);
            let Some(report) = import_batch(&app, m.id, &file, &mut parsed.batch, dry_run).await? else {
                println!("{}", msg("cli-hsds-valid", &[("file", &name), ("valid", &parsed.batch.offers.len()), ("total", &parsed.total)]));
                return Ok(());
            };
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
        ImportWhat::StreetNetwork { db, file, municipality: slug, profile } => {
            let bytes = read(&file)?;
            let app = kette_app::App::new(Store::open(&db.db).await?);
            let m = municipality(&app.store, slug.as_deref()).await?;
            let started = std::time::Instant::now();
            let done = app
                .import_street_network(m.id, &file_name(&file), bytes, &profile, None)
                .await
                .with_context(|| file.display().to_string())?;
            println!(
                "{}",
                msg(
                    "cli-street-network-imported",
                    &[
                        ("file", &file.display()),
                        ("profile", &profile),
                        ("ways", &done.counts.ways),
                        ("junctions", &done.counts.junctions),
                        ("edges", &done.counts.edges),
                        ("municipality", &m.name),
                        ("seconds", &format!("{:.1}", started.elapsed().as_secs_f64())),
                    ]
                )
            );
        }
        ImportWhat::CensusGrid { db, file, municipality: slug } => {
            let bytes = read(&file)?;
            let app = kette_app::App::new(Store::open(&db.db).await?);
            let m = municipality(&app.store, slug.as_deref()).await?;
            let done = app.import_census_grid(m.id, &file_name(&file), bytes, None).await.with_context(|| file.display().to_string())?;
            let weight = done.children_column.clone().unwrap_or_else(|| "people".into());
            println!(
                "{}",
                msg(
                    "cli-census-imported",
                    &[
                        ("file", &file.display()),
                        ("cells", &done.cells),
                        ("outside", &done.outside),
                        ("withheld", &done.withheld),
                        ("weight", &weight),
                        ("municipality", &m.name),
                    ]
                )
            );
        }
        ImportWhat::Agreements { db, file, municipality: slug, dry_run } => {
            let bytes = read(&file)?;
            let app = kette_app::App::new(Store::open(&db.db).await?);
            let m = municipality(&app.store, slug.as_deref()).await?;
            let report = app.import_agreement_table(m.id, &file_name(&file), &bytes, dry_run, None).await?;
            match report.written {
                None => println!(
                    "{}",
                    msg(
                        "cli-agreements-valid",
                        &[("file", &file.display()), ("agreements", &report.agreements), ("duties", &report.duties)]
                    )
                ),
                Some((added, replaced)) => println!(
                    "{}",
                    msg(
                        "cli-agreements-imported",
                        &[("added", &added), ("replaced", &replaced), ("duties", &report.duties), ("municipality", &m.slug)]
                    )
                ),
            }
        }
        ImportWhat::Offers { db, file, municipality: slug, dry_run } => {
            let bytes = read(&file)?;
            let mut batch = kette_ingest::offers_csv::parse(&file_name(&file), &bytes)?;
            let app = kette_app::App::new(Store::open(&db.db).await?);
            let m = municipality(&app.store, slug.as_deref()).await?;
            let Some(report) = import_batch(&app, m.id, &file, &mut batch, dry_run).await? else {
                let (offers, organisations) = (batch.offers.len(), batch.organisations.len());
                println!(
                    "{}",
                    msg("cli-offers-valid", &[("file", &file.display()), ("offers", &offers), ("organisations", &organisations)])
                );
                return Ok(());
            };
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
    }
    Ok(())
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

/// The CSV tables of a tabular package: a folder, or a zip archive as packages are often
/// passed around (tables at its top or in one folder inside it).
fn package_files(package: &Path) -> Result<std::collections::HashMap<String, Vec<u8>>> {
    let mut files = std::collections::HashMap::new();
    if is_zip(package) {
        let archive = std::fs::File::open(package).with_context(|| format!("cannot read {}", package.display()))?;
        files = kette_hsds::package::read_zip_tables(std::io::BufReader::new(archive), &kette_hsds::package::UnpackLimits::default())
            .map_err(|e| anyhow::anyhow!("{}: {e}", package.display()))?;
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

/// An offer batch through the use case (districts assigned, checked, written all or nothing);
/// None after a dry run that found nothing wrong.
async fn import_batch(
    app: &kette_app::App,
    municipality: i64,
    file: &Path,
    batch: &mut kette_domain::ImportBatch,
    dry_run: bool,
) -> Result<Option<kette_domain::ImportReport>> {
    match app
        .import_offer_batch(municipality, batch, dry_run)
        .await
        .with_context(|| msg("cli-error-nothing-imported", &[("file", &file.display())]))?
    {
        Err(problems) => bail!("{}", batch_problems(file, &problems)),
        Ok(report) => Ok(report),
    }
}

/// An offer batch's problems, one line each, in the user's language.
fn batch_problems(file: &Path, problems: &[kette_app::imports::BatchProblem]) -> String {
    problems
        .iter()
        .map(|p| match p {
            kette_app::imports::BatchProblem::Offer { origin, detail } => format!("{origin}: {detail}"),
            kette_app::imports::BatchProblem::UnknownDistrict { key } => {
                msg("cli-error-unknown-district", &[("file", &file.display()), ("key", key)])
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
