"""The same metrics as `kette network metrics --json`, computed by networkx on the same GraphML
file: the peer that kette-bench's network benchmark runs side by side (written for kette).

Usage: python networkx_metrics.py GRAPH.graphml OUT.json
Writes the metrics as kette does and the seconds networkx spent computing them (without reading).
"""
import json
import sys
import time

import networkx as nx

graph = nx.read_graphml(sys.argv[1])
started = time.perf_counter()
result = {
    "nodes": graph.number_of_nodes(),
    "edges": graph.number_of_edges(),
    "density": nx.density(graph),
    "components": nx.number_connected_components(graph),
    "degree_centrality": nx.degree_centrality(graph),
    "betweenness": nx.betweenness_centrality(graph),
    "closeness": nx.closeness_centrality(graph),
}
result["compute_seconds"] = time.perf_counter() - started
with open(sys.argv[2], "w") as out:
    json.dump(result, out)
