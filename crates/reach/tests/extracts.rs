//! The engine on real OpenStreetMap extracts (data/osm, © OpenStreetMap contributors, ODbL):
//! the cut network answers exactly what a plain search on every node answers, places and
//! points are found where they are, and bad input is named.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use kette_reach::{
    check_not_swapped, nearest_seed_distances, node_origins, place, read_extract, read_points, run, EdgeList, Incoming, Network, Outcome,
    Parameters, Place, Profile, ReachError, SnapIndex, TagFilter, Warning,
};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/osm").join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(data(name)).unwrap()
}

struct City {
    net: Network,
    index: SnapIndex,
    kitas: Vec<[f64; 2]>,
}

fn heidelberg() -> &'static City {
    static CITY: OnceLock<City> = OnceLock::new();
    CITY.get_or_init(|| {
        let filter = TagFilter::parse("osm:amenity=kindergarten").unwrap();
        let extract = read_extract(&bytes("heidelberg.test.pbf")[..], &Profile::walking(), &[filter]).unwrap();
        let net = Network::build(&extract.ways, |id| extract.node(id)).unwrap();
        let index = SnapIndex::new(&net);
        City { kitas: extract.places.iter().map(|p| p.at).collect(), net, index }
    })
}

fn parameters(cutoff_min: f64) -> Parameters {
    Parameters { speed_kmh: 4.8, cutoff_min, max_access_m: 500.0 }
}

#[test]
fn heidelberg_gives_a_walking_network_of_the_expected_size_and_its_kindergartens() {
    let city = heidelberg();
    let r = &city.net.report;
    // pyrosm's walking network of the same file has 167,734 nodes; the filters differ a little
    assert!((160_000..180_000).contains(&r.nodes), "{r:?}");
    eprintln!("{r:?}");
    assert!(r.junctions < r.nodes / 3, "pass-through nodes are contracted: {r:?}");
    assert_eq!(city.net.osm_nodes.len(), r.nodes);
    // the file's 25 amenity=kindergarten, as nodes or as outlines
    assert_eq!(city.kitas.len(), 25);
    let b = city.net.bounds();
    assert!(b[0] > 49.2 && b[2] < 49.6 && b[1] > 7.6 && b[3] < 9.2, "{b:?}");
}

/// The contracted search must answer exactly what a plain Dijkstra over every node and every
/// segment answers, for every node of the city.
#[test]
fn the_contracted_network_agrees_with_a_plain_search_over_every_node() {
    let city = heidelberg();
    let net = &city.net;
    // destinations: 40 network nodes spread over the list
    let step = net.osm_nodes.len() / 40;
    let chosen: Vec<(i64, [f64; 2])> = net.osm_nodes.iter().step_by(step).take(40).map(|(id, at)| (*id, net.locate(*at))).collect();
    // the plain search: every node, every segment, no contraction
    let index: HashMap<i64, u32> = net.osm_nodes.iter().enumerate().map(|(i, (id, _))| (*id, i as u32)).collect();
    let arcs: Vec<(u32, u32, f64)> =
        net.node_edges().flat_map(|(u, v, len)| [(index[&u], index[&v], len), (index[&v], index[&u], len)]).collect();
    let plain = Incoming::from_arcs(index.len(), arcs.into_iter());
    let seeds: Vec<(u32, f64)> = chosen.iter().map(|(id, _)| (index[id], 0.0)).collect();
    let cutoff = parameters(30.0).cutoff_m();
    let expected = nearest_seed_distances(&plain, &seeds, cutoff);
    let by_name: HashMap<String, f64> = net.osm_nodes.iter().map(|(id, _)| (id.to_string(), expected[index[id] as usize])).collect();

    let destinations: Vec<Place> = chosen
        .iter()
        .map(|(id, at)| Place { id: id.to_string(), source: format!("n{id}"), at: *at, kind: "spot".into(), weight: 1.0 })
        .collect();
    let (origins, placed) = node_origins(net);
    let result = run(net, &city.index, &["spot".to_string()], &destinations, origins, placed, parameters(30.0)).unwrap();
    let mut compared = 0;
    let mut reached = 0;
    for (origin, outcome) in result.origins.iter().zip(&result.outcomes[0]) {
        let want = by_name[&origin.id];
        match outcome {
            Outcome::Reached(d) => {
                reached += 1;
                // snapping a destination that is a node leaves at most floating-point dust
                assert!((d - want).abs() < 0.01, "node {}: {d} against {want}", origin.id);
            }
            other => assert!(want.is_infinite() || want > cutoff - 0.01, "node {}: {other:?} against {want}", origin.id),
        }
        compared += 1;
    }
    assert_eq!(compared, net.report.nodes);
    assert!(reached > 50_000, "{reached}");

    // the bare algorithm contracts the same graph given as an edge list: the same distances
    let mut edge_csv = String::from("u,v,length_m\n");
    for (u, v, len) in net.node_edges() {
        edge_csv.push_str(&format!("{u},{v},{len}\n"));
    }
    let bare = EdgeList::read("edges.csv", edge_csv.as_bytes()).unwrap();
    assert!(bare.network.report.junctions < bare.network.report.nodes / 3, "{:?}", bare.network.report);
    let mut poi_csv = String::from("node,kind\n");
    for (id, _) in &chosen {
        poi_csv.push_str(&format!("{id},spot\n"));
    }
    let kinds = bare.read_destinations("pois.csv", poi_csv.as_bytes()).unwrap();
    let found = &bare.nearest(&kinds, cutoff)[0];
    for (name, d) in bare.names.iter().zip(found) {
        let want = by_name[name];
        assert!(d == &want || (d - want).abs() < 1e-6, "node {name}: {d} against {want}");
    }
}

#[test]
fn origins_from_a_table_are_placed_on_the_nearest_street_and_their_walk_includes_the_way_there() {
    let city = heidelberg();
    // Heidelberg, Bismarckplatz and the old town; and a point 40 km away in the Palatinate forest
    let table = b"id;lat;lon;weight\nbismarckplatz;49,4094;8,6930;12\naltstadt;49.4122;8.7100;3\nwald;49.35;8.05;1\n";
    let rows = read_points("homes.csv", table, false).unwrap();
    check_not_swapped("homes.csv", &rows, city.net.bounds()).unwrap();
    let origins: Vec<Place> = rows
        .iter()
        .map(|r| Place { id: r.id.clone(), source: format!("homes.csv line {}", r.line), at: r.at, kind: String::new(), weight: r.weight })
        .collect();
    let placed = place(&city.net, &city.index, &origins, 500.0);
    assert!(placed[0].unwrap().access_m < 60.0);
    let destinations: Vec<Place> = city
        .kitas
        .iter()
        .enumerate()
        .map(|(i, at)| Place { id: i.to_string(), source: format!("kita {i}"), at: *at, kind: "kita".into(), weight: 1.0 })
        .collect();
    let result = run(&city.net, &city.index, &["kita".into()], &destinations, origins, placed, parameters(30.0)).unwrap();
    let out = &result.outcomes[0];
    let Outcome::Reached(d) = out[0] else { panic!("{:?}", out[0]) };
    // the nearest kindergarten lies further on foot than as the crow flies
    let crow = city.kitas.iter().map(|k| kette_reach::haversine_m(rows[0].at, *k)).fold(f64::MAX, f64::min);
    assert!(d >= crow - 1.0 && d < crow * 3.0, "{d} on foot, {crow} straight");
    assert_eq!(out[2], Outcome::OffNetwork, "{:?}", result.warnings);
    assert!(result
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::OriginsNotPlaced { count: 1, of: 3, first, .. } if first == "homes.csv line 4")));
    assert_eq!(result.summary[0].weight_total, 16.0);
    let mut csv = vec![];
    result.write_csv(&mut csv).unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(
        text.starts_with("origin,lat,lon,weight,kind,status,distance_m,minutes\nbismarckplatz,49.4094000,8.6930000,12,kita,reached,"),
        "{text}"
    );
    assert!(text.contains("wald,49.3500000,8.0500000,1,kita,off_network,,\n"), "{text}");
}

#[test]
fn swapped_coordinates_and_destinations_far_from_the_network_are_named() {
    let city = heidelberg();
    let rows = read_points("homes.csv", b"lat,lon\n8.6930,49.4094\n8.7100,49.4122\n", false).unwrap();
    let err = check_not_swapped("homes.csv", &rows, city.net.bounds()).unwrap_err().to_string();
    assert!(err.contains("homes.csv") && err.contains("swapped") && err.contains("line 2"), "{err}");

    let far = vec![
        Place { id: "berlin".into(), source: "kitas.csv line 2".into(), at: [52.52, 13.40], kind: "kita".into(), weight: 1.0 },
        Place { id: "near".into(), source: "kitas.csv line 3".into(), at: city.kitas[0], kind: "kita".into(), weight: 1.0 },
    ];
    let (origins, placed) = node_origins(&city.net);
    let result = run(&city.net, &city.index, &["kita".into(), "school".into()], &far, origins, placed, parameters(10.0)).unwrap();
    assert!(result.warnings.contains(&Warning::DestinationsNotPlaced {
        kind: "kita".into(),
        count: 1,
        first: "kitas.csv line 2".into(),
        max_access_m: 500.0
    }));
    assert!(result.warnings.contains(&Warning::KindWithoutDestinations { kind: "school".into() }));
    assert!(result.outcomes[1].iter().all(|o| *o == Outcome::NoPath));
    // nothing silently becomes zero: only reached origins carry a distance
    assert!(result.outcomes[0].iter().filter_map(|o| o.distance_m()).all(|d| d.is_finite() && d >= 0.0));
}

#[test]
fn monaco_origins_in_the_sea_are_reported_off_the_network() {
    let extract = read_extract(&bytes("monaco.osm.pbf")[..], &Profile::walking(), &[]).unwrap();
    let net = Network::build(&extract.ways, |id| extract.node(id)).unwrap();
    let index = SnapIndex::new(&net);
    // the casino square, and two points a few kilometres out in the Mediterranean
    let homes = [[43.7396, 7.4275], [43.70, 7.45], [43.68, 7.43]];
    let origins: Vec<Place> = homes
        .iter()
        .enumerate()
        .map(|(i, at)| Place { id: i.to_string(), source: format!("line {}", i + 2), at: *at, kind: String::new(), weight: 1.0 })
        .collect();
    let placed = place(&net, &index, &origins, 500.0);
    assert!(placed[0].is_some() && placed[1].is_none() && placed[2].is_none(), "{placed:?}");
    let station = Place { id: "gare".into(), source: "line 2".into(), at: [43.7397, 7.4196], kind: "bahnhof".into(), weight: 1.0 };
    let result = run(&net, &index, &["bahnhof".into()], &[station], origins, placed, parameters(30.0)).unwrap();
    let Outcome::Reached(d) = result.outcomes[0][0] else { panic!("{:?}", result.outcomes[0][0]) };
    assert!((600.0..2_000.0).contains(&d), "casino to station on foot: {d} m");
    assert_eq!(&result.outcomes[0][1..], &[Outcome::OffNetwork, Outcome::OffNetwork]);
    assert!(result.warnings.iter().any(|w| matches!(w, Warning::OriginsNotPlaced { count: 2, of: 3, .. })));
}

#[test]
fn cycling_respects_one_way_streets_so_some_ways_are_longer_than_on_foot() {
    let extract = read_extract(&bytes("monaco.osm.pbf")[..], &Profile::cycling(), &[]).unwrap();
    let net = Network::build(&extract.ways, |id| extract.node(id)).unwrap();
    assert!(net.edges.iter().any(|e| e.forward != e.backward), "Monaco has one-way streets");
    // along a one-way edge the way is its length at most; against it a cyclist must go round
    let one_way: Vec<&kette_reach::Edge> = net.edges.iter().filter(|e| e.forward && !e.backward && e.from != e.to).take(50).collect();
    let mut detours = 0;
    for e in &one_way {
        let towards_end = nearest_seed_distances(&net.incoming, &[(e.to, 0.0)], 10_000.0);
        assert!(towards_end[e.from as usize] <= e.length_m + 1e-9);
        let towards_start = nearest_seed_distances(&net.incoming, &[(e.from, 0.0)], 10_000.0);
        if towards_start[e.to as usize] > e.length_m + 1.0 {
            detours += 1;
        }
    }
    assert!(detours > 10, "{detours} of {}", one_way.len());
}

#[test]
fn a_truncated_or_foreign_file_is_not_taken_for_an_extract() {
    let whole = bytes("heidelberg.test.pbf");
    let err = read_extract(&whole[..whole.len() / 3], &Profile::walking(), &[]).unwrap_err();
    assert!(matches!(err, ReachError::NotExtract { .. }), "{err}");
    assert!(err.to_string().contains("not a readable OpenStreetMap extract"), "{err}");
    let err = read_extract(&b"<?xml version='1.0'?><html></html>"[..], &Profile::walking(), &[]).unwrap_err();
    assert!(matches!(err, ReachError::NotExtract { .. }), "{err}");
    // gzipped OSM XML cut short: the stream ends inside an element
    let bayreuth = bytes("north-bayreuth.osm.gz");
    let err = read_extract(&bayreuth[..bayreuth.len() / 2], &Profile::walking(), &[]).unwrap_err();
    assert!(matches!(err, ReachError::Xml { .. } | ReachError::NotExtract { .. }), "{err}");
    let err = read_extract(&b""[..], &Profile::walking(), &[]).unwrap_err();
    assert!(matches!(err, ReachError::NotExtract { .. }), "{err}");
}

/// The first blocks of a sorted extract hold only nodes: cut there, the file is a valid extract
/// without a single way.
#[test]
fn an_extract_without_usable_ways_says_how_many_ways_it_had() {
    let path = data("heidelberg.test.pbf");
    let mut reader = osmpbf::BlobReader::seekable_from_path(&path).unwrap();
    let mut cut = None;
    while let Some(Ok(blob)) = reader.next() {
        if let Ok(block) = blob.to_primitiveblock() {
            if block.groups().any(|g| g.ways().next().is_some()) {
                cut = blob.offset();
                break;
            }
        }
    }
    let cut = cut.expect("the extract has way blocks").0 as usize;
    let whole = bytes("heidelberg.test.pbf");
    let err = read_extract(&whole[..cut], &Profile::walking(), &[]).unwrap_err();
    assert!(matches!(err, ReachError::NoUsableWays { ways: 0, highway_ways: 0, .. }), "{err}");
    // and a profile that allows nothing on the full file
    let nothing =
        Profile::named_or_toml("none.toml", Some("name='none'\nspeed_kmh=4\nmode_key='foot'\nhighways=['no_such_road']")).unwrap();
    let err = read_extract(&whole[..], &nothing, &[]).unwrap_err();
    let ReachError::NoUsableWays { ways, highway_ways, .. } = err else { panic!("{err}") };
    assert!(ways > 30_000 && highway_ways > 25_000, "{ways} {highway_ways}");
}

#[test]
fn the_profile_file_in_the_docs_parses_and_keeps_prams_off_steps() {
    let docs = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/reach.md")).unwrap();
    let toml = docs.split("```toml\n").nth(1).unwrap().split("```").next().unwrap();
    let p = Profile::named_or_toml("kinderwagen.toml", Some(toml)).unwrap();
    assert_eq!(p.speed_kmh, 4.0);
    assert_eq!(p.access(&[("highway", "residential")]), kette_reach::Access::Both);
    assert_eq!(p.access(&[("highway", "steps")]), kette_reach::Access::No);
    assert_eq!(p.access(&[("highway", "path"), ("foot", "designated")]), kette_reach::Access::Both);
}

#[test]
fn area_shares_on_the_network_count_the_origins_within_each_limit_and_drop_those_off_the_streets() {
    use kette_reach::{nearest_by_kind, Destinations, PlacedAreas};
    let city = heidelberg();
    let [_, _, max_lat, max_lon] = city.net.bounds();
    // two areas: around Bismarckplatz on a 150 m grid, and a point far outside the extract
    let (clat, clon) = (49.4094, 8.6930);
    let centre: Vec<[f64; 2]> =
        (-5..=5).flat_map(|i| (-5..=5).map(move |j| [clat + i as f64 * 0.00135, clon + j as f64 * 0.0021])).collect();
    let areas = vec![centre.clone(), vec![[max_lat + 1.0, max_lon + 1.0]]];
    let placed = PlacedAreas::new(&city.net, &city.index, &areas, 500.0);
    let limits = [400.0, 800.0, 1200.0];
    let shares = placed.shares_within(&city.net, &city.index, &city.kitas, &limits, 500.0);
    assert_eq!(shares[1], vec![None, None, None], "an area with no origin on the streets has no share");
    assert_eq!(placed.placed_in(1), 0);
    // the same by the engine's own query, origin by origin
    let origins: Vec<_> = centre.iter().map(|p| city.index.snap(&city.net, *p, 500.0)).collect();
    let kitas =
        Destinations { kind: "kita".into(), places: city.kitas.iter().filter_map(|p| city.index.snap(&city.net, *p, 500.0)).collect() };
    let outcomes = &nearest_by_kind(&city.net, &[kitas], &origins, 1200.0)[0];
    let on_streets = origins.iter().filter(|o| o.is_some()).count();
    assert_eq!(placed.placed_in(0), on_streets);
    for (k, limit) in limits.iter().enumerate() {
        let within = outcomes.iter().filter(|o| o.distance_m().is_some_and(|d| d <= *limit)).count();
        assert_eq!(shares[0][k], Some(within as f64 / on_streets as f64), "within {limit} m");
    }
    assert!(shares[0][0] < shares[0][2], "more within a longer walk: {:?}", shares[0]);
    // no destination at all: nobody within any limit
    assert_eq!(placed.shares_within(&city.net, &city.index, &[], &limits, 500.0)[0], vec![Some(0.0); 3]);
}

#[test]
fn monaco_homes_share_out_people_by_floor_area_and_weigh_the_walks() {
    use kette_reach::{nearest_by_kind, read_extract_with_homes, Destinations, PlacedAreas};
    let extract = read_extract_with_homes(&bytes("monaco.osm.pbf")[..], &Profile::walking(), &[]).unwrap();
    // Monaco is mapped building by building; garages, churches and shops are not homes
    assert!(extract.homes.len() > 10_000, "{}", extract.homes.len());
    assert!(extract.homes.iter().all(|h| h.floor_m2 > 0.0 && h.floor_m2 < 1e6));
    let net = Network::build(&extract.ways, |id| extract.node(id)).unwrap();
    let index = SnapIndex::new(&net);
    // one destination, the Place du Casino; the homes as one area, weighted by floor area
    let casino = [43.7396, 7.4276];
    let homes: Vec<([f64; 2], f64)> = extract.homes.iter().map(|h| (h.at, h.floor_m2)).collect();
    let placed = PlacedAreas::weighted(&net, &index, std::slice::from_ref(&homes), 500.0);
    let shares = placed.shares_within(&net, &index, &[casino], &[800.0], 500.0);
    // the same weighted share, home by home through the engine's query
    let origins: Vec<_> = homes.iter().map(|(p, _)| index.snap(&net, *p, 500.0)).collect();
    let kind = Destinations { kind: "casino".into(), places: vec![index.snap(&net, casino, 500.0).unwrap()] };
    let outcomes = &nearest_by_kind(&net, &[kind], &origins, 800.0)[0];
    let (mut within, mut total) = (0.0, 0.0);
    for ((o, (_, w)), placed) in outcomes.iter().zip(&homes).zip(&origins) {
        if placed.is_some() {
            total += w;
            if o.distance_m().is_some_and(|d| d <= 800.0) {
                within += w;
            }
        }
    }
    let expected = within / total;
    assert!((shares[0][0].unwrap() - expected).abs() < 1e-12, "{:?} vs {expected}", shares[0]);
    assert!(expected > 0.05 && expected < 0.6, "a part of Monaco lives within 800 m of the casino: {expected}");
    // counted per home instead of per square metre the share differs: weights matter
    let unweighted = PlacedAreas::new(&net, &index, &[homes.iter().map(|(p, _)| *p).collect()], 500.0);
    assert_ne!(unweighted.shares_within(&net, &index, &[casino], &[800.0], 500.0)[0][0], shares[0][0]);
}

/// North Bayreuth as Overpass exported it in 2014: gzipped OSM XML with every tag. The counts
/// are those the data's own description gives (58,631 nodes, 7,801 ways, 2,056 of them
/// highways, 4,267 buildings, 3 kindergartens).
#[test]
fn north_bayreuth_osm_xml_gives_its_network_kindergartens_and_homes() {
    use kette_reach::read_extract_with_homes;
    let kitas = TagFilter::parse("osm:amenity=kindergarten").unwrap();
    let extract = read_extract_with_homes(&bytes("north-bayreuth.osm.gz")[..], &Profile::walking(), &[kitas]).unwrap();
    assert_eq!((extract.node_count(), extract.ways_seen, extract.highway_ways), (58_631, 7_801, 2_056));
    assert_eq!(extract.places.len(), 3, "{:?}", extract.places);
    // homes: the buildings less garages, sheds, churches, shops …, and outlines cut at the edge
    assert!((2_500..4_267).contains(&extract.homes.len()), "{}", extract.homes.len());
    let net = Network::build(&extract.ways, |id| extract.node(id)).unwrap();
    let index = SnapIndex::new(&net);
    let b = net.bounds();
    assert!(b[0] > 49.85 && b[2] < 50.12 && b[1] > 11.38 && b[3] < 11.7, "{b:?}");
    // every home placed on a street within 500 m, and most of them reach a kindergarten
    let origins: Vec<Place> = extract
        .homes
        .iter()
        .enumerate()
        .map(|(i, h)| Place { id: i.to_string(), source: format!("home {i}"), at: h.at, kind: String::new(), weight: h.floor_m2 })
        .collect();
    let destinations: Vec<Place> = extract
        .places
        .iter()
        .map(|p| Place { id: p.osm_id.clone(), source: p.osm_id.clone(), at: p.at, kind: "kita".into(), weight: 1.0 })
        .collect();
    let placed = place(&net, &index, &origins, 500.0);
    let on_streets = placed.iter().filter(|p| p.is_some()).count();
    assert!(on_streets * 10 > origins.len() * 9, "{on_streets} of {}", origins.len());
    let homes: Vec<[f64; 2]> = origins.iter().map(|o| o.at).collect();
    let result = run(&net, &index, &["kita".into()], &destinations, origins, placed, parameters(30.0)).unwrap();
    // three kindergartens do not serve the whole north of the city within 2.4 km, but a good part
    let reached: Vec<(usize, f64)> = result.outcomes[0].iter().enumerate().filter_map(|(i, o)| Some((i, o.distance_m()?))).collect();
    assert!(reached.len() * 4 > on_streets && reached.len() < on_streets, "{} of {on_streets} within 30 minutes", reached.len());
    for (i, d) in reached {
        assert!(d.is_finite() && d <= 2_400.0 + 1e-6, "{d}");
        // no walk is shorter than the straight line, less the two steps onto the streets
        let straight = destinations.iter().map(|k| kette_reach::haversine_m(homes[i], k.at)).fold(f64::INFINITY, f64::min);
        assert!(d >= straight - 1_000.0, "home {i}: {d} m on foot, {straight} m in a straight line");
    }
}
