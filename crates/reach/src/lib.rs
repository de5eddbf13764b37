//! Reachability (issue 14): which streets a traveller may use (`profile`), the street network
//! cut at its junctions with every OpenStreetMap node kept as a place on an edge (`network`),
//! points placed on the nearest street (`snap`), the way from every origin to the nearest
//! destination of each kind in one backward search per kind (`search`, `query`), a whole run
//! with its warnings (`run`), the shares of areas within a walk (`areas`), and the straight-line estimate when no network is imported
//! (`estimate`), with people from the census grid (`census`, EPSG:3035 cells) as origins. `osm` reads extracts (PBF, or OSM XML in `osm_xml`) and `tables` the spreadsheet inputs,
//! both from bytes or readers the caller opened: the crate opens no files and knows no
//! database, and the caller names the files in messages.

mod areas;
mod census;
mod edge_list;
mod estimate;
mod geometry;
mod network;
mod osm;
mod osm_xml;
mod profile;
mod query;
mod run;
mod search;
mod snap;
mod tables;

use std::io::Write;

pub use areas::PlacedAreas;
pub use census::{
    is_census_grid, laea_to_wgs84, read_census_grid, read_census_grid_within, wgs84_to_laea, CensusCell, CensusGrid, CensusRead,
};
pub use edge_list::EdgeList;
pub use estimate::{share_within, shares_within, straight_limit_m, weighted_band_shares, WithinIndex, DEFAULT_DETOUR};
pub use geometry::haversine_m;
pub use network::{BuildReport, Edge, Incoming, Network, Position, RawWay, Segment};
pub use osm::{read_extract, read_extract_with_homes, Home, OsmExtract, TagFilter, TaggedPlace};
pub use profile::{Access, Profile};
pub use query::{nearest_by_kind, nearest_distances_by_kind, Destinations, Outcome};
pub use run::{node_origins, place, run, KindSummary, Parameters, Place, RunResult, Warning};
pub use search::nearest_seed_distances;
pub use snap::{SnapIndex, Snapped};
pub use tables::{check_not_swapped, read_points, PointRow};

#[derive(Debug, thiserror::Error)]
pub enum ReachError {
    #[error("not a readable OpenStreetMap extract ({detail}); expected an .osm.pbf file, e.g. from download.geofabrik.de, or OSM XML (.osm, .osm.gz), e.g. from Overpass")]
    NotExtract { detail: String },
    #[error("line {line} of the OSM XML: {detail}")]
    Xml { line: usize, detail: String },
    #[error("the extract holds {ways} ways, {highway_ways} of them streets or paths, but none the '{profile}' profile may use")]
    NoUsableWays { ways: usize, highway_ways: usize, profile: String },
    #[error("none of the {ways} usable ways has two nodes with coordinates in the file ({missing_nodes} node references missing)")]
    EmptyNetwork { ways: usize, missing_nodes: usize },
    #[error("{file}: {detail}")]
    Profile { file: String, detail: String },
    #[error("'{given}' is not a tag filter; expected osm:key=value, e.g. osm:amenity=kindergarten")]
    TagFilter { given: String },
    #[error("{file}: {total} problem(s):\n  {}{}", problems.join("\n  "), if *total > problems.len() { format!("\n  … and {} more", total - problems.len()) } else { String::new() })]
    Table { file: String, problems: Vec<String>, total: usize },
    #[error("{file}: latitude and longitude look swapped: {swapped} of {rows} rows lie on the network only with the two exchanged (first: line {first_line}); put latitude (north, e.g. 49.4) in 'lat' and longitude (east, e.g. 8.7) in 'lon'")]
    Swapped { file: String, swapped: usize, rows: usize, first_line: usize },
    #[error("--{name}: expected {expected}")]
    Parameter { name: &'static str, expected: &'static str },
}

/// Writes a non-negative or negative finite number with a fixed number of decimals, without
/// the formatting machinery (a run writes millions of them).
pub fn write_decimal(out: &mut impl Write, value: f64, decimals: u32) -> std::io::Result<()> {
    let scale = 10u64.pow(decimals);
    if value < 0.0 {
        out.write_all(b"-")?;
    }
    let scaled = (value.abs() * scale as f64).round() as u64;
    let (whole, fraction) = (scaled / scale, scaled % scale);
    let mut buf = [0u8; 24];
    let mut i = buf.len();
    let mut w = whole;
    loop {
        i -= 1;
        buf[i] = b'0' + (w % 10) as u8;
        w /= 10;
        if w == 0 {
            break;
        }
    }
    out.write_all(&buf[i..])?;
    if decimals > 0 {
        let mut frac = [b'0'; 20];
        let mut f = fraction;
        for slot in (0..decimals as usize).rev() {
            frac[slot] = b'0' + (f % 10) as u8;
            f /= 10;
        }
        out.write_all(b".")?;
        out.write_all(&frac[..decimals as usize])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_rounded_and_padded() {
        let text = |v: f64, d: u32| {
            let mut out = vec![];
            write_decimal(&mut out, v, d).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(text(1234.56, 1), "1234.6");
        assert_eq!(text(0.05, 2), "0.05");
        assert_eq!(text(49.4093817, 7), "49.4093817");
        assert_eq!(text(-8.5, 1), "-8.5");
        assert_eq!(text(3.0, 0), "3");
        assert_eq!(text(0.0, 2), "0.00");
    }
}
