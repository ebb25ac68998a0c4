#!/usr/bin/env python3
"""Reads a GML or Pajek file ActorNet wrote with networkx and igraph and prints what each saw.

Usage: gml_pajek_check.py FILE.gml|FILE.net

Prints one JSON object: {"networkx": COUNTS, "igraph": COUNTS}, COUNTS being
{"nodes", "edges", "directed_edges", "negative", "signed_weight_sum", "labels"} or {"error": text}.
An edge is negative when its `sign` is negative, else when its weight is; its signed weight is
sign x weight (Pajek's weight already carries the sign). `directed_edges` counts edges whose
own `directed` attribute is 1 (GML, mixed networks), else all edges of a directed graph.
`labels` are the sorted node identities (networkx's nodes; igraph's `label`, else `name`, else `id`).
The Swift test GMLPajekTests compares these with the network it wrote.
Exit status: 0, or 2 on bad usage or missing modules. Requires networkx and python-igraph.
"""
import json
import sys

try:
    import igraph as ig
    import networkx as nx
except ImportError as error:
    print(f"gml_pajek_check.py: {error}; run scripts/setup", file=sys.stderr)
    sys.exit(2)


def summarise(edges, directed, labels):
    negative = 0
    total = 0.0
    directed_edges = 0
    for data in edges:
        weight = float(data.get("weight", 1))
        sign = data.get("sign")
        signed = weight * (-1 if sign is not None and float(sign) < 0 else 1)
        negative += signed < 0
        total += signed
        own = data.get("directed")
        directed_edges += (int(own) == 1) if own is not None else directed
    return {"nodes": len(labels), "edges": len(edges), "directed_edges": int(directed_edges), "negative": negative,
            "signed_weight_sum": total, "labels": sorted(str(x) for x in labels)}


def main(path):
    result = {}
    gml = path.endswith(".gml")
    try:
        g = nx.read_gml(path) if gml else nx.read_pajek(path)
        result["networkx"] = summarise([d for *_, d in g.edges(data=True)], g.is_directed(), list(g.nodes()))
    except Exception as error:  # noqa: BLE001 - reported to the test
        result["networkx"] = {"error": f"{type(error).__name__}: {error}"}
    try:
        h = ig.Graph.Read_GML(path) if gml else ig.Graph.Read_Pajek(path)
        attributes = h.vs.attributes()
        labels = next((h.vs[k] for k in ("label", "name", "id") if k in attributes), list(range(h.vcount())))
        edges = [{k: v for k, v in e.attributes().items() if v is not None and v == v} for e in h.es]
        result["igraph"] = summarise(edges, h.is_directed(), labels)
    except Exception as error:  # noqa: BLE001
        result["igraph"] = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
