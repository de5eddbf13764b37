//! Reachability runs (issue 14), written once for the command line and, later, the server: an
//! extract read and cut into a network once, then any number of runs on it with destinations
//! from tables or tag filters and origins from tables or the network's own nodes.

use std::io::Read;

use kette_reach::{
    check_not_swapped, node_origins, place, read_extract, read_points, run, Network, Parameters, Place, Profile, ReachError, RunResult,
    SnapIndex, TagFilter, TaggedPlace,
};

/// Where destinations come from.
#[derive(Clone, Debug)]
pub enum DestinationSource {
    /// a table (lat, lon, kind) read by the caller; `file` names it in messages
    Table { file: String, bytes: Vec<u8> },
    /// places of the extract with a tag (`osm:amenity=kindergarten`)
    Tags(TagFilter),
}

impl DestinationSource {
    /// `osm:key=value` is a tag filter; anything else names a table the caller reads.
    pub fn is_tag_filter(argument: &str) -> bool {
        argument.starts_with("osm:")
    }
}

/// Where origins come from.
#[derive(Clone, Debug)]
pub enum OriginSource {
    Table {
        file: String,
        bytes: Vec<u8>,
    },
    /// every node of the network, weight 1
    NetworkNodes,
}

/// An extract read and cut into a network, ready for runs.
pub struct PreparedNetwork {
    pub network: Network,
    pub index: SnapIndex,
    pub tagged: Vec<TaggedPlace>,
    pub profile: Profile,
    pub file_nodes: usize,
    pub file_ways: usize,
    pub highway_ways: usize,
}

/// Reads an extract and builds the profile's network; the tag filters of the later runs must
/// be given here because places are picked up in the same pass over the file.
pub fn prepare_network(reader: impl Read + Send, profile: Profile, filters: &[TagFilter]) -> Result<PreparedNetwork, ReachError> {
    let extract = read_extract(reader, &profile, filters)?;
    let network = Network::build(&extract.ways, |id| extract.node(id))?;
    let index = SnapIndex::new(&network);
    Ok(PreparedNetwork {
        index,
        network,
        file_nodes: extract.node_count(),
        file_ways: extract.ways_seen,
        highway_ways: extract.highway_ways,
        tagged: extract.places,
        profile,
    })
}

/// One run: destinations of every source, origins placed, the nearest of each kind.
pub fn run_sources(
    prepared: &PreparedNetwork,
    destinations: &[DestinationSource],
    origins: &OriginSource,
    parameters: Parameters,
) -> Result<RunResult, ReachError> {
    parameters.check()?;
    let bounds = prepared.network.bounds();
    let mut kinds: Vec<String> = vec![];
    let mut places: Vec<Place> = vec![];
    let note_kind = |kind: &str, kinds: &mut Vec<String>| {
        if !kinds.iter().any(|k| k == kind) {
            kinds.push(kind.to_string());
        }
    };
    for source in destinations {
        match source {
            DestinationSource::Table { file, bytes } => {
                let rows = read_points(file, bytes, true)?;
                check_not_swapped(file, &rows, bounds)?;
                for r in rows {
                    note_kind(&r.kind, &mut kinds);
                    places.push(Place { id: r.id, source: format!("{file} line {}", r.line), at: r.at, kind: r.kind, weight: 1.0 });
                }
            }
            DestinationSource::Tags(filter) => {
                note_kind(&filter.kind, &mut kinds);
                for p in prepared.tagged.iter().filter(|p| p.kind == filter.kind) {
                    places.push(Place {
                        id: p.osm_id.clone(),
                        source: format!("OSM {}", p.osm_id),
                        at: p.at,
                        kind: p.kind.clone(),
                        weight: 1.0,
                    });
                }
            }
        }
    }
    let mut census_withheld = (0, 0);
    let (origin_places, placed) = match origins {
        OriginSource::NetworkNodes => node_origins(&prepared.network),
        // a census grid (Zensus 2022 or 2011) gives its cells, weighted by children or people;
        // cells whose count is secret are left out and said so
        OriginSource::Table { file, bytes } if kette_reach::is_census_grid(bytes) => {
            let grid = kette_reach::read_census_grid(file, bytes)?;
            let places: Vec<Place> = grid
                .cells
                .iter()
                .filter_map(|c| {
                    Some(Place {
                        id: c.id.clone(),
                        source: format!("{file} line {}", c.line),
                        at: c.at,
                        kind: String::new(),
                        weight: grid.weight(c)?,
                    })
                })
                .collect();
            census_withheld = (grid.withheld(), grid.cells.len());
            let placed = place(&prepared.network, &prepared.index, &places, parameters.max_access_m);
            (places, placed)
        }
        OriginSource::Table { file, bytes } => {
            let rows = read_points(file, bytes, false)?;
            check_not_swapped(file, &rows, bounds)?;
            let places: Vec<Place> = rows
                .into_iter()
                .map(|r| Place { id: r.id, source: format!("{file} line {}", r.line), at: r.at, kind: String::new(), weight: r.weight })
                .collect();
            let placed = place(&prepared.network, &prepared.index, &places, parameters.max_access_m);
            (places, placed)
        }
    };
    let mut result = run(&prepared.network, &prepared.index, &kinds, &places, origin_places, placed, parameters)?;
    if census_withheld.0 > 0 {
        result.warnings.push(kette_reach::Warning::CensusCellsWithheld { count: census_withheld.0, of: census_withheld.1 });
    }
    Ok(result)
}

/// A municipality's imported network, built and ready for the needs analysis.
pub struct BuiltNetwork {
    pub network: Network,
    pub index: SnapIndex,
    pub sha256: String,
    /// the extract's residential buildings, over which an area's children are shared out
    pub homes: Vec<kette_reach::Home>,
}

/// What an import of a street network built, for the message.
#[derive(Debug, Clone)]
pub struct NetworkImport {
    pub sha256: String,
    pub counts: kette_store::NetworkCounts,
}

impl crate::App {
    /// Reads and builds the extract first, so only a usable network is stored (a truncated or
    /// foreign file, or one without ways the profile may use, is refused with its cause), then
    /// replaces the municipality's network of the profile in one transaction. The analyses
    /// computed on the old network are recomputed.
    pub async fn import_street_network(
        &self,
        municipality: kette_domain::MunicipalityId,
        file_name: &str,
        extract: Vec<u8>,
        profile_name: &str,
        by: Option<kette_domain::AccountId>,
    ) -> crate::Result<NetworkImport> {
        let profile = Profile::named_or_toml(profile_name, None)?;
        let (extract, counts) = tokio::task::spawn_blocking(move || -> Result<_, ReachError> {
            let prepared = prepare_network(&extract[..], profile, &[])?;
            let report = &prepared.network.report;
            let counts = kette_store::NetworkCounts { ways: report.ways, junctions: report.junctions, edges: report.edges };
            Ok((extract, counts))
        })
        .await
        .map_err(|e| crate::AppError::Background(e.to_string()))??;
        let sha256 = self.store.save_street_network(municipality, profile_name, file_name, &extract, counts, by).await?;
        Ok(NetworkImport { sha256, counts })
    }

    /// The municipality's network of a profile, built once per imported extract.
    pub async fn street_network(
        &self,
        municipality: kette_domain::MunicipalityId,
        profile_name: &str,
    ) -> crate::Result<Option<std::sync::Arc<BuiltNetwork>>> {
        let Some(sha) = self.store.street_network_sha(municipality, profile_name).await? else {
            return Ok(None);
        };
        let key = (municipality, profile_name.to_string());
        if let Some(built) = self.street_networks.lock().ok().and_then(|c| c.get(&key).cloned()).filter(|b| b.sha256 == sha) {
            return Ok(Some(built));
        }
        let Some((sha256, extract)) = self.store.street_network_extract(municipality, profile_name).await? else {
            return Ok(None);
        };
        let profile = Profile::named_or_toml(profile_name, None)?;
        let built = tokio::task::spawn_blocking(move || -> Result<_, ReachError> {
            let extract = kette_reach::read_extract_with_homes(&extract[..], &profile, &[])?;
            let network = Network::build(&extract.ways, |id| extract.node(id))?;
            let index = SnapIndex::new(&network);
            Ok(BuiltNetwork { network, index, sha256, homes: extract.homes })
        })
        .await
        .map_err(|e| crate::AppError::Background(e.to_string()))??;
        let built = std::sync::Arc::new(built);
        if let Ok(mut cache) = self.street_networks.lock() {
            cache.insert(key, built.clone());
        }
        Ok(Some(built))
    }
}
