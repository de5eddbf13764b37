//! Reading an OpenStreetMap PBF extract: the ways a profile lets the traveller use, the node
//! coordinates, and the places that match tag filters (nodes, and areas by their centre). The
//! file's blocks are decoded in parallel; node coordinates are kept as OpenStreetMap stores
//! them (1e-7 degrees) in one sorted array.

use std::io::Read;

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

#[derive(Debug, Default)]
pub struct OsmExtract {
    /// (id, lat, lon) in 1e-7 degrees, sorted by id
    nodes: Vec<(i64, i32, i32)>,
    pub ways: Vec<RawWay>,
    pub places: Vec<TaggedPlace>,
    pub ways_seen: usize,
    pub highway_ways: usize,
}

impl OsmExtract {
    pub fn node(&self, id: i64) -> Option<[f64; 2]> {
        let i = self.nodes.binary_search_by_key(&id, |n| n.0).ok()?;
        let (_, lat, lon) = self.nodes[i];
        Some([lat as f64 * 1e-7, lon as f64 * 1e-7])
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }
}

#[derive(Default)]
struct BlockPart {
    nodes: Vec<(i64, i32, i32)>,
    ways: Vec<RawWay>,
    places: Vec<TaggedPlace>,
    area_places: Vec<(String, String, Vec<i64>)>,
    ways_seen: usize,
    highway_ways: usize,
}

impl BlockPart {
    fn merge(mut self, other: BlockPart) -> BlockPart {
        self.nodes.extend(other.nodes);
        self.ways.extend(other.ways);
        self.places.extend(other.places);
        self.area_places.extend(other.area_places);
        self.ways_seen += other.ways_seen;
        self.highway_ways += other.highway_ways;
        self
    }
}

/// Reads the extract from `reader` (a PBF file's bytes).
pub fn read_pbf(reader: impl Read + Send, profile: &Profile, filters: &[TagFilter]) -> Result<OsmExtract, ReachError> {
    let blobs = BlobReader::new(reader);
    let mut saw_data = false;
    let mut blocks = vec![];
    for blob in blobs {
        let blob = blob.map_err(|e| ReachError::NotPbf { detail: e.to_string() })?;
        blocks.push(blob);
    }
    let parts: Vec<Result<Option<BlockPart>, ReachError>> = blocks
        .par_iter()
        .map(|blob| match blob.decode().map_err(|e| ReachError::NotPbf { detail: e.to_string() })? {
            BlobDecode::OsmData(block) => Ok(Some(read_block(&block, profile, filters))),
            BlobDecode::OsmHeader(_) => Ok(None),
            BlobDecode::Unknown(kind) => Err(ReachError::NotPbf { detail: format!("unknown block type '{kind}'") }),
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
        return Err(ReachError::NotPbf { detail: "the file holds no OpenStreetMap data blocks".into() });
    }
    all.nodes.par_sort_unstable_by_key(|n| n.0);
    let mut extract =
        OsmExtract { nodes: all.nodes, ways: all.ways, places: all.places, ways_seen: all.ways_seen, highway_ways: all.highway_ways };
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

fn read_block(block: &PrimitiveBlock, profile: &Profile, filters: &[TagFilter]) -> BlockPart {
    let mut part = BlockPart::default();
    let mut tags: Vec<(&str, &str)> = Vec::with_capacity(16);
    for group in block.groups() {
        for node in group.dense_nodes() {
            part.nodes.push((node.id(), node.decimicro_lat(), node.decimicro_lon()));
            if !filters.is_empty() {
                tags.clear();
                tags.extend(node.tags());
                if !tags.is_empty() {
                    for f in matches(filters, &tags) {
                        part.places.push(TaggedPlace {
                            kind: f.kind.clone(),
                            osm_id: format!("n{}", node.id()),
                            at: [node.lat(), node.lon()],
                        });
                    }
                }
            }
        }
        for node in group.nodes() {
            part.nodes.push((node.id(), node.decimicro_lat(), node.decimicro_lon()));
            if !filters.is_empty() {
                tags.clear();
                tags.extend(node.tags());
                for f in matches(filters, &tags) {
                    part.places.push(TaggedPlace { kind: f.kind.clone(), osm_id: format!("n{}", node.id()), at: [node.lat(), node.lon()] });
                }
            }
        }
        for way in group.ways() {
            part.ways_seen += 1;
            tags.clear();
            tags.extend(way.tags());
            if tags.iter().any(|(k, _)| *k == "highway") {
                part.highway_ways += 1;
                let access = profile.access(&tags);
                if access != Access::No {
                    part.ways.push(RawWay { refs: way.refs().collect(), access });
                }
            }
            for f in matches(filters, &tags) {
                part.area_places.push((f.kind.clone(), format!("w{}", way.id()), way.refs().collect()));
            }
        }
    }
    part
}
