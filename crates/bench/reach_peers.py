"""The peers of `kette reach nearest` on the same graph: networkx's multi-source Dijkstra and
pandana's nearest_pois, each timed, each writing node,kind,distance_m for every node within the
cutoff so that kette-bench can compare every distance.

usage: reach_peers.py EDGES.csv NODES.csv POIS.csv CUTOFF_M OUT_DIR
"""

import json
import sys
import time

import networkx as nx
import pandas as pd
import pandana

edges_file, nodes_file, pois_file, cutoff, out_dir = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
figures = {}

t = time.perf_counter()
edges = pd.read_csv(edges_file, dtype={"u": "int64", "v": "int64", "length_m": "float64"})
nodes = pd.read_csv(nodes_file, dtype={"id": "int64", "lat": "float64", "lon": "float64"}).set_index("id")
pois = pd.read_csv(pois_file, dtype={"node": "int64", "kind": "str"})
figures["read_seconds"] = time.perf_counter() - t
kinds = list(dict.fromkeys(pois["kind"]))

# networkx: a simple graph keeps one edge per pair, so keep the shortest of parallel edges
t = time.perf_counter()
shortest = edges.groupby([edges[["u", "v"]].min(axis=1), edges[["u", "v"]].max(axis=1)])["length_m"].min()
graph = nx.Graph()
graph.add_weighted_edges_from(((u, v, w) for (u, v), w in shortest.items()), weight="length")
figures["networkx_build_seconds"] = time.perf_counter() - t
t = time.perf_counter()
rows = []
for kind in kinds:
    sources = set(pois.loc[pois["kind"] == kind, "node"])
    dist = nx.multi_source_dijkstra_path_length(graph, sources, cutoff=cutoff, weight="length")
    rows.extend((node, kind, d) for node, d in dist.items())
figures["networkx_query_seconds"] = time.perf_counter() - t
pd.DataFrame(rows, columns=["node", "kind", "distance_m"]).to_csv(f"{out_dir}/networkx.csv", index=False)

# pandana: contraction hierarchies prepared once, then the nearest-POI query per kind
t = time.perf_counter()
net = pandana.Network(nodes["lon"], nodes["lat"], edges["u"], edges["v"], edges[["length_m"]], twoway=True)
net.precompute(cutoff)
figures["pandana_prepare_seconds"] = time.perf_counter() - t
t = time.perf_counter()
for kind in kinds:
    at = nodes.loc[pois.loc[pois["kind"] == kind, "node"]]
    net.set_pois(category=kind, maxdist=cutoff, maxitems=1, x_col=at["lon"], y_col=at["lat"])
figures["pandana_set_pois_seconds"] = time.perf_counter() - t
t = time.perf_counter()
results = {kind: net.nearest_pois(cutoff, kind, num_pois=1) for kind in kinds}
figures["pandana_query_seconds"] = time.perf_counter() - t
frames = []
for kind, result in results.items():
    d = result[1]
    # pandana fills "none within the cutoff" with the cutoff itself
    d = d[d < cutoff]
    frames.append(pd.DataFrame({"node": d.index, "kind": kind, "distance_m": d.values}))
pd.concat(frames).to_csv(f"{out_dir}/pandana.csv", index=False)
figures["versions"] = {"networkx": nx.__version__, "pandana": pandana.__version__, "pandas": pd.__version__}
json.dump(figures, open(f"{out_dir}/figures.json", "w"))
