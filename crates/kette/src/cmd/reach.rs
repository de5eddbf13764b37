//! `kette reach`: walking (or cycling) distances from homes to offers over an OpenStreetMap
//! street network, for planners and for comparing with other tools on the same graph.

use std::io::Write;
use std::time::Instant;

use kette_app::reach::{prepare_network, run_sources, DestinationSource, OriginSource};
use kette_reach::{EdgeList, Parameters, Profile, TagFilter};

use super::*;

#[derive(Subcommand)]
pub enum ReachAction {
    /// Distance and time from every origin to the nearest destination of each kind
    Run {
        /// OpenStreetMap extract: PBF (.osm.pbf) or OSM XML (.osm, .osm.gz)
        #[arg(long)]
        osm: PathBuf,
        /// Destinations: a CSV with lat, lon, kind (and optionally id), or a tag filter such as
        /// osm:amenity=kindergarten; may be given several times
        #[arg(long, required = true)]
        pois: Vec<String>,
        /// Origins: a CSV with lat, lon and optionally weight and id, or 'nodes' for every node
        /// of the street network
        #[arg(long)]
        origins: String,
        /// walking, cycling, or a profile file (TOML, see docs/reach.md)
        #[arg(long, default_value = "walking")]
        profile: String,
        /// Travel speed (default: the profile's, 4.8 km/h walking)
        #[arg(long)]
        speed_kmh: Option<f64>,
        /// Search no farther than this many minutes
        #[arg(long, default_value_t = 30.0)]
        cutoff_min: f64,
        /// Points farther than this from every usable street are not placed
        #[arg(long, default_value_t = 500.0)]
        max_access_m: f64,
        /// Output table (CSV): one row per origin and kind
        #[arg(long)]
        out: PathBuf,
    },
    /// The bare algorithm on a given undirected graph: for every node the distance to the
    /// nearest destination node of each kind within the cutoff
    Nearest {
        /// CSV with u, v, length_m
        #[arg(long)]
        edges: PathBuf,
        /// CSV with node, kind
        #[arg(long)]
        pois: PathBuf,
        #[arg(long)]
        cutoff_m: Option<f64>,
        /// Output table (CSV): node, kind, distance_m
        #[arg(long)]
        out: PathBuf,
    },
    /// The street network of an extract as an edge list (u, v, length_m between consecutive
    /// OpenStreetMap nodes) and a node list (id, lat, lon), for other tools
    Graph {
        #[arg(long)]
        osm: PathBuf,
        #[arg(long, default_value = "walking")]
        profile: String,
        #[arg(long)]
        edges_out: PathBuf,
        #[arg(long)]
        nodes_out: PathBuf,
    },
}

fn profile(name: &str) -> Result<Profile> {
    let path = Path::new(name);
    if path.extension().is_some_and(|e| e == "toml") {
        let text = String::from_utf8(read(path)?).with_context(|| format!("{name}: not UTF-8 text"))?;
        Ok(Profile::named_or_toml(&file_name(path), Some(&text))?)
    } else {
        Ok(Profile::named_or_toml(name, None)?)
    }
}

fn open_extract(path: &Path) -> Result<std::io::BufReader<std::fs::File>> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(std::io::BufReader::with_capacity(1 << 20, file))
}

fn seconds(since: Instant) -> String {
    format!("{:.3}", since.elapsed().as_secs_f64())
}

pub async fn run(action: ReachAction) -> Result<()> {
    match action {
        ReachAction::Run { osm, pois, origins, profile: profile_name, speed_kmh, cutoff_min, max_access_m, out } => {
            let started = Instant::now();
            let profile = profile(&profile_name)?;
            let parameters = Parameters { speed_kmh: speed_kmh.unwrap_or(profile.speed_kmh), cutoff_min, max_access_m };
            parameters.check()?;
            let mut filters = vec![];
            let mut destinations = vec![];
            for p in &pois {
                if DestinationSource::is_tag_filter(p) {
                    let filter = TagFilter::parse(p)?;
                    filters.push(filter.clone());
                    destinations.push(DestinationSource::Tags(filter));
                } else {
                    let path = Path::new(p);
                    destinations.push(DestinationSource::Table { file: file_name(path), bytes: read(path)? });
                }
            }
            let origins = if origins == "nodes" {
                OriginSource::NetworkNodes
            } else {
                let path = Path::new(&origins);
                OriginSource::Table { file: file_name(path), bytes: read(path)? }
            };
            let prepared = prepare_network(open_extract(&osm)?, profile, &filters).with_context(|| osm.display().to_string())?;
            let r = &prepared.network.report;
            eprintln!(
                "{}",
                msg(
                    "cli-reach-network",
                    &[
                        ("file", &osm.display()),
                        ("profile", &prepared.profile.name),
                        ("ways", &r.ways),
                        ("nodes", &r.nodes),
                        ("junctions", &r.junctions),
                        ("edges", &r.edges),
                        ("components", &r.components),
                        ("seconds", &seconds(started)),
                    ]
                )
            );
            if r.missing_nodes > 0 {
                eprintln!("{}", msg("cli-reach-missing-nodes", &[("count", &r.missing_nodes)]));
            }
            let result = run_sources(&prepared, &destinations, &origins, parameters)?;
            for w in &result.warnings {
                eprintln!("{}", msg("cli-reach-warning", &[("warning", w)]));
            }
            let rows = write_beside(&out, "csv.partial", |w| result.write_csv(w))?;
            for s in &result.summary {
                let share = |w: f64| if s.weight_total > 0.0 { format!("{:.1}", 100.0 * w / s.weight_total) } else { "–".into() };
                eprintln!(
                    "{}",
                    msg(
                        "cli-reach-kind",
                        &[
                            ("kind", &s.kind),
                            ("destinations", &s.destinations),
                            ("five", &share(s.weight_within[0])),
                            ("ten", &share(s.weight_within[1])),
                            ("fifteen", &share(s.weight_within[2])),
                            ("cutoff", &share(s.weight_within[3])),
                            ("minutes", &cutoff_min),
                        ]
                    )
                );
            }
            eprintln!(
                "{}",
                msg(
                    "cli-reach-written",
                    &[("file", &out.display()), ("rows", &rows), ("origins", &result.origins.len()), ("seconds", &seconds(started))]
                )
            );
        }
        ReachAction::Nearest { edges, pois, cutoff_m, out } => {
            let started = Instant::now();
            let cutoff_m = cutoff_m.unwrap_or(f64::INFINITY);
            if cutoff_m.is_nan() || cutoff_m < 0.0 {
                bail!("--cutoff-m: expected metres ≥ 0");
            }
            let graph = EdgeList::read(&file_name(&edges), &read(&edges)?)?;
            let kinds = graph.read_destinations(&file_name(&pois), &read(&pois)?)?;
            let read_s = seconds(started);
            let searching = Instant::now();
            let distances = graph.nearest(&kinds, cutoff_m);
            let search_s = seconds(searching);
            let rows = write_beside(&out, "csv.partial", |w| graph.write(&kinds, &distances, w))?;
            eprintln!(
                "{}",
                msg(
                    "cli-reach-nearest-written",
                    &[
                        ("file", &out.display()),
                        ("rows", &rows),
                        ("nodes", &graph.names.len()),
                        ("edges", &graph.edges),
                        ("seconds", &seconds(started)),
                        ("read", &read_s),
                        ("search", &search_s)
                    ]
                )
            );
        }
        ReachAction::Graph { osm, profile: profile_name, edges_out, nodes_out } => {
            let prepared = prepare_network(open_extract(&osm)?, profile(&profile_name)?, &[]).with_context(|| osm.display().to_string())?;
            let net = &prepared.network;
            let edges = write_beside(&edges_out, "csv.partial", |w| {
                w.write_all(b"u,v,length_m\n")?;
                let mut n = 0;
                for (u, v, len) in net.node_edges() {
                    write!(w, "{u},{v},")?;
                    kette_reach::write_decimal(w, len, 3)?;
                    w.write_all(b"\n")?;
                    n += 1;
                }
                Ok(n)
            })?;
            let nodes = write_beside(&nodes_out, "csv.partial", |w| {
                w.write_all(b"id,lat,lon\n")?;
                for (id, at) in &net.osm_nodes {
                    let p = net.locate(*at);
                    write!(w, "{id},")?;
                    kette_reach::write_decimal(w, p[0], 7)?;
                    w.write_all(b",")?;
                    kette_reach::write_decimal(w, p[1], 7)?;
                    w.write_all(b"\n")?;
                }
                Ok(net.osm_nodes.len())
            })?;
            eprintln!("{}", msg("cli-reach-graph-written", &[("edges", &edges), ("nodes", &nodes), ("file", &edges_out.display())]));
        }
    }
    Ok(())
}
