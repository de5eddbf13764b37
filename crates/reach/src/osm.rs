//! Reading an OpenStreetMap extract: the ways a profile lets the traveller use, the node
//! coordinates, and the places that match tag filters (nodes, and areas by their centre).
//! PBF files (Geofabrik, osmium) have their blocks decoded in parallel; OSM XML (`.osm`, and
//! gzipped `.osm.gz`, what Overpass and JOSM save) is read as a stream, since a planner often
//! has only that. The format is told from the first bytes, not the file name. Node
//! coordinates are kept as OpenStreetMap stores them (1e-7 degrees) in one sorted array.

use std::io::{BufRead, BufReader, Read};

use osmpbf::{BlobDecode, BlobReader, PrimitiveBlock};
use rayon::prelude::*;

use crate::network::RawWay;
use crate::profile::{Access, Profile};
use crate::ReachError;

/// Places whose tags match `key=value` become destinations of the kind `kind`.
#[derive(Clone, Debug, PartialEq)]
pub struct TagFilter {
    pub kind: String,
    pub key: String,
    pub value: String,
}

impl TagFilter {
    /// `osm:amenity=kindergarten` (the `osm:` prefix optional); the kind is `amenity=kindergarten`.
    pub fn parse(text: &str) -> Result<TagFilter, ReachError> {
        let body = text.strip_prefix("osm:").unwrap_or(text);
        match body.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() && !v.trim().is_empty() => {
                Ok(TagFilter { kind: body.to_string(), key: k.trim().to_string(), value: v.trim().to_string() })
            }
            _ => Err(ReachError::TagFilter { given: text.to_string() }),
        }
    }
}

/// A matched place: its kind, OpenStreetMap id and (lat, lon).
#[derive(Clone, Debug, PartialEq)]
pub struct TaggedPlace {
    pub kind: String,
    pub osm_id: String,
    pub at: [f64; 2],
}

/// A building people live in, as an origin: the centre of its outline and its floor area
/// (footprint × storeys), by which a district's children are shared out over its homes.
#[derive(Clone, Debug, PartialEq)]
pub struct Home {
    pub at: [f64; 2],
    pub floor_m2: f64,
}

/// `building=*` values that house nobody (garages, sheds, shops, schools, churches …); any
/// other building counts as a home, `yes` included (most houses are tagged so).
const NOT_HOMES: &[&str] = &[
    "garage",
    "garages",
    "shed",
    "carport",
    "roof",
    "hut",
    "cabin",
    "industrial",
    "warehouse",
    "commercial",
    "retail",
    "office",
    "supermarket",
    "kiosk",
    "church",
    "chapel",
    "cathedral",
    "mosque",
    "synagogue",
    "temple",
    "school",
    "kindergarten",
    "university",
    "college",
    "hospital",
    "public",
    "civic",
    "government",
    "train_station",
    "transportation",
    "parking",
    "service",
    "transformer_tower",
    "water_tower",
    "greenhouse",
    "farm_auxiliary",
    "barn",
    "stable",
    "sports_hall",
    "grandstand",
    "stadium",
    "ruins",
    "construction",
    "bunker",
    "toilets",
    "bridge",
    "tower",
    "storage_tank",
    "silo",
];

/// Storeys of a building without `building:levels`: apartment blocks three, other homes two.
fn default_levels(kind: &str) -> f64 {
    match kind {
        "apartments" | "residential" | "dormitory" => 3.0,
        _ => 2.0,
    }
}

#[derive(Debug, Default)]
pub struct OsmExtract {
    /// (id, lat, lon) in 1e-7 degrees, sorted by id
    nodes: Vec<(i64, i32, i32)>,
    pub ways: Vec<RawWay>,
    pub places: Vec<TaggedPlace>,
    /// residential buildings, when asked for (`read_extract_with_homes`)
    pub homes: Vec<Home>,
    pub ways_seen: usize,
    pub highway_ways: usize,
}

impl OsmExtract {
    pub fn node(&self, id: i64) -> Option<[f64; 2]> {
        let i = self.nodes.binary_search_by_key(&id, |n| n.0).ok()?;
        let (_, lat, lon) = self.nodes[i];
        Some([lat as f64 / 1e7, lon as f64 / 1e7])
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }
}

#[derive(Default)]
pub(crate) struct BlockPart {
    nodes: Vec<(i64, i32, i32)>,
    ways: Vec<RawWay>,
    places: Vec<TaggedPlace>,
    area_places: Vec<(String, String, Vec<i64>)>,
    /// outline and storeys of each residential building
    buildings: Vec<(Vec<i64>, f64)>,
    ways_seen: usize,
    highway_ways: usize,
}

impl BlockPart {
    fn merge(mut self, other: BlockPart) -> BlockPart {
        self.nodes.extend(other.nodes);
        self.ways.extend(other.ways);
        self.places.extend(other.places);
        self.area_places.extend(other.area_places);
        self.buildings.extend(other.buildings);
        self.ways_seen += other.ways_seen;
        self.highway_ways += other.highway_ways;
        self
    }
}

/// Reads the extract from `reader` (the bytes of a PBF file, of OSM XML or of gzipped OSM XML).
pub fn read_extract(reader: impl Read + Send, profile: &Profile, filters: &[TagFilter]) -> Result<OsmExtract, ReachError> {
    read(reader, profile, filters, false)
}

/// Reads the extract with its residential buildings (`OsmExtract::homes`).
pub fn read_extract_with_homes(reader: impl Read + Send, profile: &Profile, filters: &[TagFilter]) -> Result<OsmExtract, ReachError> {
    read(reader, profile, filters, true)
}

/// How an extract is stored, told from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Format {
    Pbf,
    Xml,
    GzippedXml,
}

fn sniff(first: &[u8]) -> Format {
    if first.starts_with(&[0x1f, 0x8b]) {
        return Format::GzippedXml;
    }
    // a byte-order mark, blanks, then the XML declaration or the <osm> element
    let text = first.strip_prefix(b"\xef\xbb\xbf").unwrap_or(first);
    let start = text.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(text.len());
    if text[start..].starts_with(b"<") {
        Format::Xml
    } else {
        Format::Pbf
    }
}

fn read(reader: impl Read + Send, profile: &Profile, filters: &[TagFilter], homes: bool) -> Result<OsmExtract, ReachError> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let first = reader.fill_buf().map_err(|e| ReachError::NotExtract { detail: e.to_string() })?;
    let all = match sniff(first) {
        Format::Pbf => read_pbf_parts(reader, profile, filters, homes)?,
        Format::Xml => crate::osm_xml::read_xml(reader, &mut |part, way| take(part, way, profile, filters, homes))?,
        Format::GzippedXml => {
            let unzipped = BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(reader));
            crate::osm_xml::read_xml(unzipped, &mut |part, way| take(part, way, profile, filters, homes))?
        }
    };
    finish(all, profile)
}

fn read_pbf_parts(reader: impl Read + Send, profile: &Profile, filters: &[TagFilter], homes: bool) -> Result<BlockPart, ReachError> {
    let blobs = BlobReader::new(reader);
    let mut saw_data = false;
    let mut blocks = vec![];
    for blob in blobs {
        let blob = blob.map_err(|e| ReachError::NotExtract { detail: e.to_string() })?;
        blocks.push(blob);
    }
    let parts: Vec<Result<Option<BlockPart>, ReachError>> = blocks
        .par_iter()
        .map(|blob| match blob.decode().map_err(|e| ReachError::NotExtract { detail: e.to_string() })? {
            BlobDecode::OsmData(block) => Ok(Some(read_block(&block, profile, filters, homes))),
            BlobDecode::OsmHeader(_) => Ok(None),
            BlobDecode::Unknown(kind) => Err(ReachError::NotExtract { detail: format!("unknown block type '{kind}'") }),
        })
        .collect();
    let mut all = BlockPart::default();
    for part in parts {
        if let Some(part) = part? {
            saw_data = true;
            all = all.merge(part);
        }
    }
    if !saw_data {
        return Err(ReachError::NotExtract { detail: "the file holds no OpenStreetMap data blocks".into() });
    }
    Ok(all)
}

/// Sorts the nodes, resolves outlines to places and homes, and refuses an extract without a
/// usable way.
fn finish(mut all: BlockPart, profile: &Profile) -> Result<OsmExtract, ReachError> {
    all.nodes.par_sort_unstable_by_key(|n| n.0);
    let mut extract = OsmExtract {
        nodes: all.nodes,
        ways: all.ways,
        places: all.places,
        homes: vec![],
        ways_seen: all.ways_seen,
        highway_ways: all.highway_ways,
    };
    extract.homes = all
        .buildings
        .par_iter()
        .filter_map(|(refs, levels)| {
            let ring: Vec<[f64; 2]> = refs.iter().filter_map(|id| extract.node(*id)).collect();
            let (at, footprint_m2) = outline_centre_and_area(&ring)?;
            Some(Home { at, floor_m2: footprint_m2 * levels })
        })
        .collect();
    for (kind, osm_id, refs) in all.area_places {
        // the centre of an area's outline (its closing node counted once)
        let ring = if refs.len() > 1 && refs.first() == refs.last() { &refs[..refs.len() - 1] } else { &refs[..] };
        let corners: Vec<[f64; 2]> = ring.iter().filter_map(|id| extract.node(*id)).collect();
        if !corners.is_empty() {
            let n = corners.len() as f64;
            let at = [corners.iter().map(|c| c[0]).sum::<f64>() / n, corners.iter().map(|c| c[1]).sum::<f64>() / n];
            extract.places.push(TaggedPlace { kind, osm_id, at });
        }
    }
    extract.places.sort_by(|a, b| (&a.kind, &a.osm_id).cmp(&(&b.kind, &b.osm_id)));
    if extract.ways.is_empty() {
        return Err(ReachError::NoUsableWays {
            ways: extract.ways_seen,
            highway_ways: extract.highway_ways,
            profile: profile.name.clone(),
        });
    }
    Ok(extract)
}

fn matches<'f>(filters: &'f [TagFilter], tags: &[(&str, &str)]) -> Vec<&'f TagFilter> {
    filters.iter().filter(|f| tags.iter().any(|(k, v)| *k == f.key && *v == f.value)).collect()
}

/// The centroid and area (m²) of a closed outline of (lat, lon) corners, on a local plane;
/// None for an outline of fewer than three corners or no area.
fn outline_centre_and_area(ring: &[[f64; 2]]) -> Option<([f64; 2], f64)> {
    if ring.len() < 4 {
        return None;
    }
    let projection = crate::geometry::LocalProjection::around(ring[0][0]);
    let points: Vec<[f64; 2]> = ring.iter().map(|p| projection.project(*p)).collect();
    let (origin_x, origin_y) = (points[0][0], points[0][1]);
    let (mut twice_area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in points.windows(2) {
        let (x0, y0, x1, y1) = (w[0][0] - origin_x, w[0][1] - origin_y, w[1][0] - origin_x, w[1][1] - origin_y);
        let cross = x0 * y1 - x1 * y0;
        twice_area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if twice_area.abs() < 1e-6 {
        return None;
    }
    let (x, y) = (cx / (3.0 * twice_area) + origin_x, cy / (3.0 * twice_area) + origin_y);
    Some((projection.unproject([x, y]), twice_area.abs() / 2.0))
}

/// One node or way of either format, with what it is read for.
pub(crate) enum Element<'a> {
    Node { id: i64, lat_e7: i32, lon_e7: i32, tags: &'a [(&'a str, &'a str)] },
    Way { id: i64, refs: &'a [i64], tags: &'a [(&'a str, &'a str)] },
}

/// What one element contributes: its coordinates, a usable way, a matched place, a home.
fn take(part: &mut BlockPart, element: Element<'_>, profile: &Profile, filters: &[TagFilter], homes: bool) {
    match element {
        Element::Node { id, lat_e7, lon_e7, tags } => {
            part.nodes.push((id, lat_e7, lon_e7));
            if !filters.is_empty() && !tags.is_empty() {
                for f in matches(filters, tags) {
                    part.places.push(TaggedPlace {
                        kind: f.kind.clone(),
                        osm_id: format!("n{id}"),
                        at: [lat_e7 as f64 / 1e7, lon_e7 as f64 / 1e7],
                    });
                }
            }
        }
        Element::Way { id, refs, tags } => {
            part.ways_seen += 1;
            if tags.iter().any(|(k, _)| *k == "highway") {
                part.highway_ways += 1;
                let access = profile.access(tags);
                if access != Access::No {
                    part.ways.push(RawWay { refs: refs.to_vec(), access });
                }
            }
            for f in matches(filters, tags) {
                part.area_places.push((f.kind.clone(), format!("w{id}"), refs.to_vec()));
            }
            if homes {
                if let Some((_, kind)) = tags.iter().find(|(k, _)| *k == "building") {
                    if !NOT_HOMES.contains(kind) && refs.len() > 3 && refs.first() == refs.last() {
                        let levels = tags
                            .iter()
                            .find(|(k, _)| *k == "building:levels")
                            .and_then(|(_, v)| v.trim().parse::<f64>().ok())
                            .filter(|l| (1.0..=60.0).contains(l))
                            .unwrap_or_else(|| default_levels(kind));
                        part.buildings.push((refs.to_vec(), levels));
                    }
                }
            }
        }
    }
}

fn read_block<'a>(block: &'a PrimitiveBlock, profile: &Profile, filters: &[TagFilter], homes: bool) -> BlockPart {
    let mut part = BlockPart::default();
    let mut tags: Vec<(&'a str, &'a str)> = Vec::with_capacity(16);
    let mut refs: Vec<i64> = Vec::with_capacity(64);
    // a node's tags are read only when some filter could match them
    let node = |part: &mut BlockPart,
                tags: &mut Vec<(&'a str, &'a str)>,
                (id, lat_e7, lon_e7): (i64, i32, i32),
                node_tags: &mut dyn Iterator<Item = (&'a str, &'a str)>| {
        tags.clear();
        if !filters.is_empty() {
            tags.extend(node_tags);
        }
        take(part, Element::Node { id, lat_e7, lon_e7, tags }, profile, filters, homes);
    };
    for group in block.groups() {
        for n in group.dense_nodes() {
            node(&mut part, &mut tags, (n.id(), n.decimicro_lat(), n.decimicro_lon()), &mut n.tags());
        }
        for n in group.nodes() {
            node(&mut part, &mut tags, (n.id(), n.decimicro_lat(), n.decimicro_lon()), &mut n.tags());
        }
        for way in group.ways() {
            tags.clear();
            tags.extend(way.tags());
            refs.clear();
            refs.extend(way.refs());
            take(&mut part, Element::Way { id: way.id(), refs: &refs, tags: &tags }, profile, filters, homes);
        }
    }
    part
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_building_outline_gives_its_centre_and_footprint() {
        // 100 m east–west, 50 m north–south at 49.4° N, closed, counter-clockwise and not
        let (dlat, dlon) = (50.0 / 111_195.0, 100.0 / (111_195.0 * 49.4f64.to_radians().cos()));
        let ring = [[49.4, 8.7], [49.4, 8.7 + dlon], [49.4 + dlat, 8.7 + dlon], [49.4 + dlat, 8.7], [49.4, 8.7]];
        let (at, area) = outline_centre_and_area(&ring).unwrap();
        assert!((area - 5000.0).abs() < 25.0, "{area}");
        assert!((at[0] - (49.4 + dlat / 2.0)).abs() < 1e-7 && (at[1] - (8.7 + dlon / 2.0)).abs() < 1e-7, "{at:?}");
        let mut clockwise = ring;
        clockwise.reverse();
        assert_eq!(outline_centre_and_area(&clockwise).map(|(_, a)| a.round()), Some(area.round()));
        assert!(outline_centre_and_area(&ring[..3]).is_none(), "not a closed outline of three corners");
        assert_eq!(default_levels("apartments"), 3.0);
        assert!(NOT_HOMES.contains(&"garage") && !NOT_HOMES.contains(&"house"));
    }
}
