#!/usr/bin/env python3
"""Checks that networkx and igraph read an ActorNet GraphML export as ActorNet means it.

Usage: graphml_check.py GRAPHML_FILE EXPECTED_JSON

EXPECTED_JSON (written by the Swift test GraphMLInteropTests from ExportTable):
  {"directed": bool, "mixed": bool,
   "node_types": {column: "string"|"double"|"long"|"boolean"}, "edge_types": {...},
   "nodes": [{"id": str, "attributes": {column: value}}],
   "edges": [{"id": str, "source": str, "target": str, "directed": bool, "attributes": {...}}]}

Both libraries must see the same nodes, the same edges (count, ids and ends, parallel edges
included) and every attribute value with its type: networkx keeps GraphML types (long -> int,
double -> float, boolean -> bool); igraph stores every number as float, and (python-igraph 1.0)
loses edge ids, so its edges are matched by position.

networkx refuses per-edge `directed` attributes that differ from `edgedefault` (NetworkXError
"directed=true edge found in undirected graph"), so a network mixing directed and undirected
relations cannot be read by networkx as written. The check then reads a copy without those
attributes, says so, and checks each edge's direction through the `directed` data column.

Exit status: 0 when both agree, 1 with one line per difference, 2 on bad usage or missing modules.
Requires networkx and python-igraph (scripts/setup installs them).
"""
import json
import math
import os
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "http://graphml.graphdrawing.org/xmlns"
PY_TYPES = {"string": str, "double": float, "long": int, "boolean": bool}


def same_value(expected, actual, column_type, numbers_as_float=False):
    if column_type == "boolean":
        return isinstance(actual, bool) and actual == expected
    if column_type in ("double", "long"):
        if isinstance(actual, bool) or not isinstance(actual, (int, float)):
            return False
        if column_type == "long" and not numbers_as_float and not isinstance(actual, int):
            return False
        if column_type == "double" and not numbers_as_float and not isinstance(actual, float):
            return False
        return float(actual) == float(expected) or (math.isnan(float(actual)) and math.isnan(float(expected)))
    return isinstance(actual, str) and actual == expected


def is_missing(value):
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def check_networkx(path, expected, problems, notes):
    import networkx as nx

    try:
        graph = nx.read_graphml(path, force_multigraph=True)
    except nx.NetworkXError as error:
        if not expected["mixed"] or "directed=" not in str(error):
            problems.append(f"networkx: cannot read the file: {error}")
            return
        notes.append(f"networkx refuses mixed directions ({error}); checked a copy without per-edge 'directed'")
        ET.register_namespace("", NS)
        tree = ET.parse(path)
        for edge in tree.iter(f"{{{NS}}}edge"):
            edge.attrib.pop("directed", None)
        with tempfile.NamedTemporaryFile(suffix=".graphml", delete=False) as copy:
            tree.write(copy, encoding="utf-8", xml_declaration=True)
        try:
            graph = nx.read_graphml(copy.name, force_multigraph=True)
        finally:
            os.unlink(copy.name)

    ids = [n["id"] for n in expected["nodes"]]
    if sorted(graph.nodes) != sorted(ids):
        problems.append(f"networkx: nodes differ: {sorted(set(graph.nodes) ^ set(ids))[:10]}")
    for node in expected["nodes"]:
        if node["id"] not in graph:
            continue
        actual = dict(graph.nodes[node["id"]])
        if set(actual) != set(node["attributes"]):
            problems.append(f"networkx: node {node['id']!r} has attributes {sorted(actual)}, expected {sorted(node['attributes'])}")
        for name, value in node["attributes"].items():
            if name in actual and not same_value(value, actual[name], expected["node_types"][name]):
                problems.append(f"networkx: node {node['id']!r} {name} = {actual[name]!r} ({type(actual[name]).__name__}), expected {value!r} ({expected['node_types'][name]})")

    edges = {key: (u, v, data) for u, v, key, data in graph.edges(keys=True, data=True)}
    if graph.number_of_edges() != len(expected["edges"]):
        problems.append(f"networkx: {graph.number_of_edges()} edges, expected {len(expected['edges'])}")
    for edge in expected["edges"]:
        found = edges.get(edge["id"])
        if found is None:
            problems.append(f"networkx: edge {edge['id']!r} is missing")
            continue
        u, v, data = found
        ends_ok = (u, v) == (edge["source"], edge["target"]) or (
            not graph.is_directed() and (v, u) == (edge["source"], edge["target"]))
        if not ends_ok:
            problems.append(f"networkx: edge {edge['id']!r} joins {u!r}-{v!r}, expected {edge['source']!r}-{edge['target']!r}")
        if set(data) != set(edge["attributes"]):
            problems.append(f"networkx: edge {edge['id']!r} has attributes {sorted(data)}, expected {sorted(edge['attributes'])}")
        for name, value in edge["attributes"].items():
            if name in data and not same_value(value, data[name], expected["edge_types"][name]):
                problems.append(f"networkx: edge {edge['id']!r} {name} = {data[name]!r}, expected {value!r} ({expected['edge_types'][name]})")
        if data.get("directed", edge["directed"]) != edge["directed"]:
            problems.append(f"networkx: edge {edge['id']!r} direction differs")
    if not expected["mixed"] and graph.is_directed() != expected["directed"]:
        problems.append(f"networkx: directed = {graph.is_directed()}, expected {expected['directed']}")


def check_igraph(path, expected, problems):
    import igraph

    graph = igraph.Graph.Read_GraphML(path)
    ids = graph.vs["id"] if graph.vcount() else []
    if sorted(ids) != sorted(n["id"] for n in expected["nodes"]):
        problems.append("igraph: nodes differ")
        return
    index = {node_id: i for i, node_id in enumerate(ids)}
    for node in expected["nodes"]:
        vertex = graph.vs[index[node["id"]]]
        for name, column_type in expected["node_types"].items():
            actual = vertex[name] if name in graph.vs.attributes() else None
            if name in node["attributes"]:
                if not same_value(node["attributes"][name], actual, column_type, numbers_as_float=True):
                    problems.append(f"igraph: node {node['id']!r} {name} = {actual!r}, expected {node['attributes'][name]!r} ({column_type})")
            elif not is_missing(actual) and column_type != "boolean":
                problems.append(f"igraph: node {node['id']!r} {name} = {actual!r}, expected no value")
    if graph.ecount() != len(expected["edges"]):
        problems.append(f"igraph: {graph.ecount()} edges, expected {len(expected['edges'])}")
        return
    # python-igraph 1.0 fills the edge attribute "id" with the source node's id instead of the
    # edge's, so edges are matched by position: igraph keeps the file's order.
    for edge, found in zip(expected["edges"], graph.es):
        ends = (ids[found.source], ids[found.target])
        if ends != (edge["source"], edge["target"]) and (graph.is_directed() or ends[::-1] != (edge["source"], edge["target"])):
            problems.append(f"igraph: edge {edge['id']!r} joins {ends}, expected {edge['source']!r}-{edge['target']!r}")
        for name, column_type in expected["edge_types"].items():
            actual = found[name] if name in graph.es.attributes() else None
            if name in edge["attributes"]:
                if not same_value(edge["attributes"][name], actual, column_type, numbers_as_float=True):
                    problems.append(f"igraph: edge {edge['id']!r} {name} = {actual!r}, expected {edge['attributes'][name]!r} ({column_type})")
            elif not is_missing(actual) and column_type != "boolean":
                problems.append(f"igraph: edge {edge['id']!r} {name} = {actual!r}, expected no value")


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        import igraph  # noqa: F401
        import networkx  # noqa: F401
    except ImportError as error:
        print(f"graphml_check: {error}; install with: python3 -m pip install networkx python-igraph "
              "(scripts/setup does this)", file=sys.stderr)
        return 2
    with open(argv[2], encoding="utf-8") as f:
        expected = json.load(f)
    problems, notes = [], []
    check_networkx(argv[1], expected, problems, notes)
    check_igraph(argv[1], expected, problems)
    for note in notes:
        print(f"note: {note}")
    if problems:
        for problem in problems[:40]:
            print(problem)
        if len(problems) > 40:
            print(f"… and {len(problems) - 40} more")
        return 1
    print(f"ok: networkx and igraph read {len(expected['nodes'])} nodes and {len(expected['edges'])} edges "
          "with the attribute values and types ActorNet wrote")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
