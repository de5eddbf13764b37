//! A short structured fuzz run of every importer on stable, as part of the test suite: the seed
//! corpus of `fuzz/corpus/` as it is, then mutated (bytes flipped, cut, repeated, spliced with
//! the tokens that break parsers), then CSV tables built from such tokens. Any panic is a
//! finding; proptest shrinks it and prints the smallest input. The long coverage-guided runs are
//! `scripts/fuzz` (RELIABILITY.md).

use std::path::PathBuf;

use kette_fuzzing::{run, Target, FILE_SEPARATOR};
use proptest::prelude::*;

fn seeds(target: Target) -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus").join(target.name());
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).map(|e| e.unwrap().path()).collect();
    files.sort();
    let seeds: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert!(!seeds.is_empty(), "no seeds for {}", target.name());
    seeds
}

/// What tends to break readers of spreadsheets, JSON and binary formats.
const TOKENS: &[&[u8]] = &[
    b";",
    b",",
    b"\t",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b"\0",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xe4",
    b"\xc3",
    b"-1",
    b"0",
    b"1e308",
    b"-1e308",
    b"NaN",
    b"inf",
    b"9223372036854775808",
    b"4294967296",
    b"1,5",
    b"31.12.2023",
    b"2024-02-30",
    b"=HYPERLINK(\"x\")",
    b"{}",
    b"[]",
    b"null",
    b"[[[",
    b"]]]",
    b"\"coordinates\":[[[0,0],[0,0]]]",
    b"\xff\xff\xff\xff",
    b"\x00\x00\x00\x00",
    b"PK\x03\x04",
    b"--8<--",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bits: u8 },
    Insert { at: usize, token: usize },
    Delete { at: usize, len: usize },
    Repeat { at: usize, len: usize, times: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(at, bits)| Mutation::Flip { at, bits }),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert { at, token }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..32, 2usize..64).prop_map(|(at, len, times)| Mutation::Repeat { at, len, times }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(mut data: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let n = data.len();
        let pos = |at: usize| if n == 0 { 0 } else { at % (n + 1) };
        match *m {
            Mutation::Flip { at, bits } if n > 0 => data[at % n] ^= bits,
            Mutation::Flip { .. } => {}
            Mutation::Insert { at, token } => {
                let at = pos(at);
                data.splice(at..at, TOKENS[token].iter().copied());
            }
            Mutation::Delete { at, len } => {
                let at = pos(at);
                data.drain(at..(at + len).min(n));
            }
            Mutation::Repeat { at, len, times } => {
                let at = pos(at);
                let piece: Vec<u8> = data[at..(at + len).min(n)].to_vec();
                let repeated: Vec<u8> = piece.iter().copied().cycle().take(piece.len() * times).collect();
                data.splice(at..at, repeated);
            }
            Mutation::Truncate { at } => data.truncate(pos(at)),
        }
    }
    data
}

fn mutated(target: Target) -> impl Strategy<Value = Vec<u8>> {
    let seeds = seeds(target);
    (0..seeds.len(), proptest::collection::vec(mutation(), 1..8)).prop_map(move |(i, ms)| apply(seeds[i].clone(), &ms))
}

/// A table of cells drawn from the seed's header and the tokens: the shapes a spreadsheet export
/// or a hand-edited file takes.
fn table(target: Target) -> impl Strategy<Value = Vec<u8>> {
    let header: Vec<u8> = seeds(target)[0].split(|b| *b == b'\n').next().unwrap_or_default().to_vec();
    let cell = prop_oneof![
        proptest::sample::select(TOKENS.to_vec()).prop_map(|t| t.to_vec()),
        "[A-Za-z0-9äöüß .,-]{0,12}".prop_map(String::into_bytes),
        (-1e6f64..1e6).prop_map(|v| v.to_string().into_bytes()),
    ];
    let row = proptest::collection::vec(cell, 0..12);
    (proptest::collection::vec(row, 0..20), proptest::sample::select(vec![b';', b',', b'\t'])).prop_map(move |(rows, delimiter)| {
        let mut out = header.clone();
        for row in rows {
            out.push(b'\n');
            out.extend(row.join(&delimiter));
        }
        out
    })
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() }
}

#[test]
fn every_seed_is_read_without_a_panic() {
    for target in Target::ALL {
        for seed in seeds(target) {
            run(target, &seed);
        }
    }
}

#[test]
fn multi_file_inputs_are_split_where_the_seeds_say() {
    let shapefile = &seeds(Target::Shapefile)[0];
    assert!(shapefile.windows(FILE_SEPARATOR.len()).any(|w| w == FILE_SEPARATOR), "the shapefile seed holds .shp and .dbf");
}

macro_rules! mutation_runs {
    ($($name:ident => $target:expr),* $(,)?) => {
        proptest! {
            #![proptest_config(config())]
            $(
                #[test]
                fn $name(data in mutated($target)) {
                    run($target, &data);
                }
            )*
        }
    };
}

mutation_runs! {
    offers_csv_mutated => Target::OffersCsv,
    indicators_csv_mutated => Target::IndicatorsCsv,
    genesis_mutated => Target::Genesis,
    geojson_mutated => Target::GeoJson,
    shapefile_mutated => Target::Shapefile,
    gpkg_geometry_mutated => Target::GpkgGeometry,
    hsds_json_mutated => Target::HsdsJson,
    hsds_tabular_mutated => Target::HsdsTabular,
    hsds_zip_mutated => Target::HsdsZip,
    crosswalk_mutated => Target::Crosswalk,
    recipe_toml_mutated => Target::RecipeToml,
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn offers_tables(data in table(Target::OffersCsv)) {
        run(Target::OffersCsv, &data);
    }

    #[test]
    fn indicator_tables(data in table(Target::IndicatorsCsv)) {
        run(Target::IndicatorsCsv, &data);
    }

    #[test]
    fn genesis_tables(data in table(Target::Genesis)) {
        run(Target::Genesis, &data);
    }

    #[test]
    fn crosswalk_tables(data in table(Target::Crosswalk)) {
        run(Target::Crosswalk, &data);
    }
}
