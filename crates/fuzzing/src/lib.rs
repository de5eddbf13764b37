//! The importers as fuzz targets: one entry per file kind kette reads from people outside
//! (offers CSV, indicators CSV, GENESIS, GeoJSON, Shapefile, GeoPackage geometry, HSDS JSON,
//! HSDS tabular and zip, crosswalk, recipe TOML). Each entry feeds the bytes to the same parser
//! the import uses and checks what must hold for any input: no panic, no hang, and an error
//! message of bounded length. The coverage-guided runs (`fuzz/`, cargo-fuzz on nightly) and the
//! short structured runs of the test suite (`tests/structured.rs`, stable) both call these.

use std::collections::HashMap;

/// Every importer kette exposes to files from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    OffersCsv,
    IndicatorsCsv,
    Genesis,
    GeoJson,
    Shapefile,
    GpkgGeometry,
    HsdsJson,
    HsdsTabular,
    HsdsZip,
    Crosswalk,
    RecipeToml,
}

impl Target {
    pub const ALL: [Target; 11] = [
        Target::OffersCsv,
        Target::IndicatorsCsv,
        Target::Genesis,
        Target::GeoJson,
        Target::Shapefile,
        Target::GpkgGeometry,
        Target::HsdsJson,
        Target::HsdsTabular,
        Target::HsdsZip,
        Target::Crosswalk,
        Target::RecipeToml,
    ];

    /// The name of the fuzz target and of its corpus folder (`fuzz/corpus/<name>`).
    pub fn name(self) -> &'static str {
        match self {
            Target::OffersCsv => "offers_csv",
            Target::IndicatorsCsv => "indicators_csv",
            Target::Genesis => "genesis",
            Target::GeoJson => "geojson",
            Target::Shapefile => "shapefile",
            Target::GpkgGeometry => "gpkg_geometry",
            Target::HsdsJson => "hsds_json",
            Target::HsdsTabular => "hsds_tabular",
            Target::HsdsZip => "hsds_zip",
            Target::Crosswalk => "crosswalk",
            Target::RecipeToml => "recipe_toml",
        }
    }
}

/// Inputs made of several files (a shapefile, a tabular package) are one byte string with the
/// files separated by this line.
pub const FILE_SEPARATOR: &[u8] = b"\n--8<--\n";

/// Longest message any input may produce: the listed problems (at most 500) of at most a
/// bounded message each.
const MAX_MESSAGE_BYTES: usize = (kette_ingest::MAX_LISTED + 1) * (kette_text::MESSAGE_CHARS + 200) * 4;

fn bounded(message: String) {
    assert!(message.len() <= MAX_MESSAGE_BYTES, "an error message of {} bytes", message.len());
}

fn parts(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out = Vec::with_capacity(n);
    let mut rest = data;
    while out.len() + 1 < n {
        match rest.windows(FILE_SEPARATOR.len()).position(|w| w == FILE_SEPARATOR) {
            Some(at) => {
                out.push(&rest[..at]);
                rest = &rest[at + FILE_SEPARATOR.len()..];
            }
            None => break,
        }
    }
    out.push(rest);
    out.resize(n, &[]);
    out
}

/// Runs one input through one importer; panics (the finding) when an invariant breaks.
pub fn run(target: Target, data: &[u8]) {
    use kette_ingest::geojson_districts::DistrictFileSpec;
    match target {
        Target::OffersCsv => {
            if let Err(e) = kette_ingest::offers_csv::parse("f.csv", data) {
                bounded(e.to_string());
            }
        }
        Target::IndicatorsCsv => {
            let options = kette_ingest::indicators_csv::Options { year: Some(2024), ..Default::default() };
            if let Err(e) = kette_ingest::indicators_csv::parse("f.csv", data, &options) {
                bounded(e.to_string());
            }
        }
        Target::Genesis => {
            if let Err(e) = kette_ingest::genesis::parse("f.csv", data, None) {
                bounded(e.to_string());
            }
        }
        Target::GeoJson => {
            let text = kette_text::decode(data);
            if let Err(e) = kette_ingest::geojson_districts::parse("f.geojson", &text, &DistrictFileSpec::default()) {
                bounded(e.to_string());
            }
        }
        Target::Shapefile => {
            let p = parts(data, 2);
            let parts = kette_ingest::shapefile::ShapefileParts { name: "f.shp", shp: p[0], dbf: p[1], prj: None, cpg: None };
            let crs = kette_ingest::crs::Crs::from_epsg(25833);
            if let Err(e) = kette_ingest::shapefile::parse(&parts, &DistrictFileSpec::default(), crs) {
                bounded(e.to_string());
            }
        }
        Target::GpkgGeometry => {
            let _ = kette_ingest::gpkg::polygons(data);
        }
        Target::HsdsJson => {
            let text = kette_text::decode(data);
            let vocab = kette_domain::vocab::Vocabulary::new(kette_domain::vocab::default_terms());
            let options = kette_hsds::import::ImportOptions { default_domains: vec!["health".into()] };
            match kette_hsds::import::parse("f.json", &text, &vocab, &options) {
                Ok(parsed) => parsed.errors.iter().for_each(|e| bounded(e.to_string())),
                Err(e) => bounded(e.to_string()),
            }
        }
        Target::HsdsTabular => {
            let names = ["services.csv", "organizations.csv", "locations.csv", "service_at_locations.csv"];
            let files: HashMap<String, Vec<u8>> =
                names.iter().zip(parts(data, names.len())).map(|(n, b)| (n.to_string(), b.to_vec())).collect();
            if let Err(errors) = kette_hsds::tabular::Package::read(&files) {
                errors.iter().take(1000).for_each(|e| bounded(e.to_string()));
            }
        }
        Target::HsdsZip => {
            let limits =
                kette_hsds::package::UnpackLimits { max_total_bytes: 64 << 20, ratio_applies_above: 1 << 20, ..Default::default() };
            match kette_hsds::package::read_zip_tables(std::io::Cursor::new(data), &limits) {
                Ok(files) => {
                    let _ = kette_hsds::tabular::Package::read(&files);
                }
                Err(e) => bounded(e.to_string()),
            }
        }
        Target::Crosswalk => {
            if let Err(e) = kette_ingest::crosswalk::parse_csv("f.csv", data) {
                bounded(e.to_string());
            }
        }
        Target::RecipeToml => {
            let text = kette_text::decode(data);
            match kette_monitor::Recipe::from_toml("f.toml", &text) {
                Ok(recipe) => {
                    let table = b"id;a;b;c\n1;1;2;3\n2;2;1;5\n3;3;3;1\n4;4;5;2\n";
                    let frame = kette_monitor::Frame::from_csv("t.csv", table, "id", None).expect("a fixed table");
                    if let Err(e) = recipe.run(&frame) {
                        bounded(e.to_string());
                    }
                }
                Err(e) => bounded(e.to_string()),
            }
        }
    }
}
