#!/usr/bin/env python3
"""Check that networkx reads an ActorNet GEXF export as ActorNet meant it.

    scripts/interop/gexf_check.py NETWORK.gexf EXPECTED.json

EXPECTED.json (written by Tests/ActorNetIOTests/GEXFTests.swift from the ExportTable):
    {"mode": "static"|"dynamic", "mixed": bool,
     "nodes": {id: {"label": str, "attrs": {title: [type, value]}}},
     "edges": {id: {"source", "target", "directed", "weight", "kind", "label"?, "start"?, "end"?,
                    "attrs": {title: [type, value]}}}}
with GEXF types string, double, long, boolean.

Checks: the node ids and labels; every edge by its id (parallel edges included: networkx keys
a multigraph's edges by the GEXF id), its ends, weight, label, start/end (dynamic mode); every
attribute value and its Python type (string -> str, double -> float, long -> int,
boolean -> bool); the graph mode.

networkx 3.6.1 refuses GEXF whose edges mix directions ("Undirected edge found in directed
graph"), which ActorNet writes with a `type` on every edge. For such files the script checks
each edge's `type` itself, then gives networkx a copy without the per-edge types (everything
else unchanged) and says so.

Exit status 0 when everything matches, 1 on a mismatch (each printed), 2 on bad usage.
"""

import json
import math
import sys
import tempfile
import xml.etree.ElementTree as ET

try:
    import networkx as nx
except ImportError:
    sys.exit("No module named 'networkx': pip install networkx (the GEXF interop check needs it)")

GEXF_NS = "http://gexf.net/1.3"
PYTHON_TYPES = {"string": str, "double": float, "long": int, "boolean": bool}


def same(a, b):
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def check_values(where, attrs, data, problems):
    for title, (gexf_type, value) in sorted(attrs.items()):
        if title not in data:
            problems.append(f"{where}: attribute {title!r} missing in networkx's data")
            continue
        got = data[title]
        want_type = PYTHON_TYPES[gexf_type]
        if type(got) is not want_type:
            problems.append(f"{where}: attribute {title!r} is {type(got).__name__} {got!r}, expected {want_type.__name__}")
        elif not same(got, want_type(value)):
            problems.append(f"{where}: attribute {title!r} is {got!r}, expected {value!r}")


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, expected_path = argv[1], argv[2]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    problems = []
    notes = []

    read_path = path
    if expected["mixed"]:
        tree = ET.parse(path)
        for edge in tree.iter(f"{{{GEXF_NS}}}edge"):
            eid = edge.get("id")
            want = "directed" if expected["edges"][eid]["directed"] else "undirected"
            if edge.get("type") != want:
                problems.append(f"edge {eid!r}: type {edge.get('type')!r}, expected {want!r}")
        try:
            nx.read_gexf(path)
            notes.append("networkx read the mixed-direction file as it is")
        except nx.NetworkXError as e:
            notes.append(f"networkx {nx.__version__} refuses mixed directions ({e}); per-edge types checked "
                         "directly, the rest through a copy without them")
            for edge in tree.iter(f"{{{GEXF_NS}}}edge"):
                edge.attrib.pop("type", None)
            graph = tree.find(f"{{{GEXF_NS}}}graph")
            graph.set("defaultedgetype", "directed")
            tmp = tempfile.NamedTemporaryFile(suffix=".gexf", delete=False)
            tree.write(tmp.name, encoding="utf-8", xml_declaration=True)
            read_path = tmp.name

    G = nx.read_gexf(read_path)
    if G.graph.get("mode") != expected["mode"]:
        problems.append(f"graph mode {G.graph.get('mode')!r}, expected {expected['mode']!r}")

    if set(G.nodes) != set(expected["nodes"]):
        problems.append(f"nodes differ: extra {sorted(set(G.nodes) - set(expected['nodes']))}, "
                        f"missing {sorted(set(expected['nodes']) - set(G.nodes))}")
    for nid, want in sorted(expected["nodes"].items()):
        if nid not in G.nodes:
            continue
        data = G.nodes[nid]
        if data.get("label") != want["label"]:
            problems.append(f"node {nid!r}: label {data.get('label')!r}, expected {want['label']!r}")
        check_values(f"node {nid!r}", want["attrs"], data, problems)

    if G.is_multigraph():
        edges = list(G.edges(keys=True, data=True))
        seen = {}
        for u, v, key, data in edges:
            seen[data.get("id", key)] = (u, v, data)
    else:
        edges = list(G.edges(data=True))
        seen = {data.get("id"): (u, v, data) for u, v, data in edges}
    if len(edges) != len(expected["edges"]):
        problems.append(f"{len(edges)} edges read, expected {len(expected['edges'])} (parallel relations included)")
    for eid, want in sorted(expected["edges"].items()):
        if eid not in seen:
            problems.append(f"edge {eid!r} missing")
            continue
        u, v, data = seen[eid]
        # An undirected graph (or relation) may give its ends either way round.
        ends_ok = (u, v) == (want["source"], want["target"]) or (
            (not want["directed"] or not G.is_directed()) and (v, u) == (want["source"], want["target"]))
        if not ends_ok:
            problems.append(f"edge {eid!r}: {u}->{v}, expected {want['source']}->{want['target']}")
        if not same(data.get("weight"), float(want["weight"])) or data.get("weight", 0) < 0:
            problems.append(f"edge {eid!r}: weight {data.get('weight')!r}, expected {want['weight']!r}")
        if data.get("label") != want.get("label"):
            problems.append(f"edge {eid!r}: label {data.get('label')!r}, expected {want.get('label')!r}")
        for key in ("start", "end"):
            if data.get(key) != want.get(key):
                problems.append(f"edge {eid!r}: {key} {data.get(key)!r}, expected {want.get(key)!r}")
        check_values(f"edge {eid!r}", want["attrs"], data, problems)

    if not expected["mixed"] and "directed" in expected and G.is_directed() != expected["directed"]:
        problems.append(f"graph directed = {G.is_directed()}, expected {expected['directed']}")

    kind = type(G).__name__
    for note in notes:
        print(f"note: {note}")
    if problems:
        for p in problems:
            print(f"mismatch: {p}")
        print(f"FAIL: {len(problems)} mismatches ({kind}, {G.number_of_nodes()} nodes, {len(edges)} edges)")
        return 1
    print(f"OK: networkx {nx.__version__} read a {kind} with {G.number_of_nodes()} nodes and {len(edges)} edges; "
          f"labels, weights, {'intervals, ' if expected['mode'] == 'dynamic' else ''}attribute values and types match")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
