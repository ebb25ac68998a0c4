#!/usr/bin/env python3
"""Counts what networkx, python-igraph and Graphviz read from every file of the interop corpus
(Tests/Fixtures/interop), and what ActorNet is expected to read, into
Tests/Fixtures/interop/reference.json (sorted keys, stable: run twice, the same bytes).

For each file and tool: the reader call, node and edge counts (multigraph readers, so parallel
edges count), and self-loops; or that the tool refuses it, with the error. Then ActorNet's
expected actor and relation counts, taken from the first tool that reads the file (networkx,
else igraph, else Graphviz; for DOT, Graphviz first: it defines the language), less the
documented rules below, and the liberties ActorNet must warn about (a warning, never silence).
Rules (also in SOURCES.md):

  self-loops   ActorNet skips self-loops with a warning: relations = edges - self-loops.
  nested-graphs  GraphML with nested graphs: ActorNet flattens them, with a warning (README,
               "Exports"), where networkx and igraph skip a nested graph's content (keeping
               only the endpoints outer edges name): every <node> and <edge> at any depth
               counts (nodes: distinct ids, plus edge ends no <node> declares), whether the
               nested <graph> is inside a <node> (the standard) or directly inside a <graph>
               (Boost's test file).
  gexf-elements  A GEXF file networkx refuses (GEXF 1.3 list types, mixed edge types in one
               graph, a dynamic file networkx's parser trips on) and igraph cannot read: every
               <node> and every <edge> of the <graph> counted with ElementTree, as Gephi's importer
               takes them (self-loops: source = target).
  pajek-project  A Pajek project (.paj): only its *Network part (up to the first *Vector,
               *Partition, *Permutation, *Cluster or *Hierarchy line) is a network, and the
               relation number and name of a multi-relational `*Edges :1 "Marital"` line are
               dropped before networkx's parse_pajek reads it (networkx misreads both: it takes
               the vector's values as vertices and the relation header as an edge; igraph
               refuses the relation header).
  symmetric-matrix  An adjacency-matrix CSV whose matrix is symmetric: ActorNet reads one
               undirected relation per pair (the upper triangle), where Gephi's import (and
               gephi_csv below) makes one directed edge per non-zero cell, two per tie:
               relations = (edges - self-loops) / 2, self-loops skipped as above.
  cytoscape-array  A Cytoscape.js elements array (`[{data: …}, …]`, as cy.json() `elements`
               and the demos write it): counts as nx.cytoscape_graph reads {"elements": array}
               with each node's `value` its `id` and each edge its own key (networkx's reader
               wants a `value` and, without `key`, would merge parallel edges: Cytoscape.js
               keeps every edge element).

    python3 scripts/interop/reference_counts.py            # rewrites reference.json
    python3 scripts/interop/reference_counts.py --check    # exits 1 if it would change
"""
import contextlib
import csv
import io
import json
import os
import re
import subprocess
import sys
import warnings

import igraph as ig
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "Tests", "Fixtures", "interop")
OUTPUT = os.path.join(CORPUS, "reference.json")
SKIP = {"SOURCES.md", "reference.json", ".gitattributes"}

# What each file exercises, and the liberties ActorNet takes with it, each of which must give a
# warning. Self-loops are added automatically from the counts. Keys: paths under interop/.
NOTES = {
    "boost/boost_graphml_test.graphml": ("Boost.Graph's test file: per-key <default>, a weight "
        "<default>0.0</default> that edges without data take, a node id with spaces, a <graph> nested "
        "directly in <graph> (not in a node: igraph skips it; ActorNet flattens it), directed=\"false\" on one edge of a "
        "directed graph (networkx refuses the mixture)",
        ["weight 0 (from the key's default) is not a strength > 0", "nested graph flattened"]),
    "cytoscape/cytoscapejs_edge_types_elements.json": ("Cytoscape.js demo elements array: edges "
        "without ids, parallel edges, a self-loop, `classes`", ["Cytoscape.js elements array read as node-link"]),
    "cytoscape/networkx_cytoscape_data_florentine.json": ("networkx cytoscape_data: "
        "{data, directed, multigraph, elements: {nodes, edges}}, parallel edges with `key`",
        ["Cytoscape.js JSON (elements) read as node-link"]),
    "d3/d3v3_loop_parallel.json": ("D3 v3 shape: nodes without id (an `index` field), links by "
        "index, a parallel link and a self-loop", ["links by index: node ids are their positions"]),
    "d3/lesmiserables_d3v3_index_links.json": ("Les Misérables as D3 v3's miserables.json: nodes "
        "{name, group} without id, links {source, target, value} by index", ["links by index: node ids are their positions"]),
    "d3/lesmiserables_d3v4_id_links.json": ("Les Misérables as D3 v4+ examples: nodes {id, group}, "
        "links by id, no `directed`/`multigraph` keys", []),
    "edge-cases/blank_numeric_data.graphml": ("empty and blank <data> for double and int keys "
        "(networkx refuses: float('')); igraph reads them", ["blank numeric value ignored"]),
    "edge-cases/sign_contradicts_weight.csv": ("Gephi CSV with a `sign` column that contradicts the "
        "weight's sign on some rows (sign +1 with a negative weight, sign -1 with a positive one)",
        ["sign column contradicts the weight's sign"]),
    "edge-cases/sign_contradicts_weight.graphml": ("typed `sign` (long) and `weight` (double) keys "
        "that disagree on two of three edges", ["sign column contradicts the weight's sign"]),
    "edge-cases/spaced_ids.graphml": ("node ids with leading and trailing spaces: ' a', 'a ' and "
        "'a' are three nodes to every XML reader", []),
    "edge-cases/weight_zero_default.graphml": ("weight key with <default>0.0</default>, an explicit "
        "0 and a negative weight", ["weight 0 is not a strength > 0"]),
    "gephi/directed_weighted_matrix.csv": ("Gephi adjacency-matrix CSV `;A;B;C;D;E`: header row "
        "and column, weights as cells, one nonzero diagonal cell; each nonzero cell is one directed "
        "edge (Gephi's import)", []),
    "gephi/florentine_adjacency_matrix.csv": ("Gephi adjacency-matrix CSV, symmetric 0/1: each "
        "nonzero cell is one directed edge (Gephi's default import), so a tie gives two", []),
    "gephi/florentine_pipe.csv": ("Gephi edge CSV with `|` separators and a Type column", []),
    "gephi/florentine_semicolon.csv": ("Gephi edge CSV `Source;Target`", []),
    "gephi/florentine_tab.csv": ("Gephi edge CSV, tab-separated, with Weight", []),
    "gephi/gephi_export_lesmiserables.graphml": ("Gephi's GraphML export: `label`, `Edge Label`, "
        "`weight`, r/g/b, x/y, size, `Modularity Class`", []),
    "gephi/karate_comma_spaces.csv": ("Gephi edge CSV `Source, Target, Type, Weight` with a space "
        "after every comma (header and rows)", []),
    "gexf-primer/gexf_primer_simple.gexf": ("GEXF primer 'hello world' (1.1draft namespace)", []),
    "gml/comments_nested_lists.gml": ("GML: # comments, nested lists (graphics, Line/point), unknown "
        "keys, ids not in order, a self-loop", []),
    "graphml-primer/primer_attributes.graphml": ("GraphML primer: typed keys with <default>", []),
    "graphml-primer/primer_hyper.graphml": ("GraphML primer: hyperedges (networkx refuses; igraph "
        "skips them)", ["hyperedges skipped"]),
    "graphml-primer/primer_nested.graphml": ("GraphML primer: nested graphs", ["nested graph flattened"]),
    "graphml-primer/primer_parseinfo.graphml": ("GraphML primer: parse.* attributes", []),
    "graphml-primer/primer_port.graphml": ("GraphML primer: <port> elements, an edge with "
        "sourceport/targetport, a hyperedge with port endpoints (networkx refuses the hyperedge; "
        "igraph skips it)", ["hyperedges skipped", "ports ignored"]),
    "graphml-primer/primer_simple.graphml": ("GraphML primer: the simplest graph", []),
    "graphology/graphology_basic.gexf": ("graphology: GEXF 1.2draft, non-standard meta, bad viz "
        "namespace, typed attributes", []),
    "graphology/graphology_data.gexf": ("graphology: gexf.net 'data' sample (attribute <default>)", []),
    "graphology/graphology_miserables_broken.graphml": ("graphology: <data> referring to undeclared "
        "keys", ["data for an undeclared key"]),
    "graphology/graphology_missing_nodes.graphml": ("graphology: edges to undeclared nodes",
        ["undeclared nodes added"]),
    "graphology/graphology_mixed_multigraph.graphml": ("graphology: mixed directed and undirected "
        "edges, parallel edges", []),
    "graphology/graphology_multigraph.graphml": ("graphology: parallel edges", []),
    "graphology/graphology_v1_3.gexf": ("graphology: GEXF 1.3, list types, viz:color hex, edge kind, "
        "no edge id", []),
    "graphology/lesmiserables_gexf11draft.gexf": ("Les Misérables GEXF 1.1draft (graphology and "
        "sigma.js resource): malformed viz namespace, capitalised meta", []),
    "graphviz/grammar_tour.gv": ("DOT grammar: edge chains, an edge to an anonymous subgraph, a "
        "cluster, ports and compass points, '#' line, both comment kinds, '\\' newline in a string, "
        "'+' concatenation, an HTML label, keywords in any case, numeral ids, a parallel edge and "
        "a self-loop", []),
    "graphviz/graphviz_neato_layout_gahuku_gama.gv": ("Graphviz 2.43 `neato -Tdot`: pos, bb, width, "
        "height, multi-line attribute lists", []),
    "graphviz/lesmis_canon.gv": ("Graphviz 2.43 `dot -Tcanon` of igraph's DOT", []),
    "graphviz/lesmis_neato_layout.gv": ("Graphviz 2.43 `neato -Tdot`: layout attributes", []),
    "graphviz/lesmis_xdot.gv": ("Graphviz 2.43 `dot -Txdot`: _draw_/_ldraw_ attributes", []),
    "graphviz/strict_undirected.gv": ("`strict graph`: repeated edges (either way round) are one "
        "edge, a self-loop", ["strict: repeated edges merged"]),
    "graphviz/subgraph_edges.gv": ("edges between named and anonymous subgraphs (every node of one "
        "to every node of the other), rank=same", []),
    "igraph/igraph_written_gahuku_gama.graphml": ("python-igraph write_graphml: v_/e_/g_ keys, "
        "ids n0…, sign written as double", []),
    "igraph/igraph_written_gahuku_gama.gv": ("python-igraph write_dot", []),
    "igraph/karate.gml": ("python-igraph write_gml: Creator line, numeric ids, name attribute", []),
    "igraph/karate.graphml": ("python-igraph write_graphml with weights", []),
    "igraph/karate.ncol": ("python-igraph write_ncol: `name name weight`, space-separated, no header", []),
    "igraph/karate.net": ("python-igraph write_pajek: *Vertices with quoted names, *Edges with weights", []),
    "igraph/karate_zero_based.edgelist": ("python-igraph write_edgelist: 0-based ids, no header", []),
    "igraph/lesmis.dot": ("python-igraph write_dot: `/* Created by igraph */`, quoted attributes", []),
    "igraph/multi_loop_directed.gml": ("python-igraph write_gml: parallel edges and a self-loop "
        "(no `multigraph 1` line)", []),
    "igraph/multi_loop_directed.graphml": ("python-igraph write_graphml: parallel edges and a self-loop", []),
    "igraph/multi_loop_directed.net": ("python-igraph write_pajek: *Arcs, parallel arcs, a self-loop", []),
    "networkit/karate.dot": ("networkit DotGraphWriter: bare numeric ids, `--` edges", []),
    "networkit/karate.gml": ("networkit GMLGraphWriter", []),
    "networkit/karate.graphml": ("networkit GraphMLWriter (unweighted)", []),
    "networkit/karate_tab_onebased.edgelist": ("networkit EdgeListWriter('\\t', 1): tab, 1-based", []),
    "networkit/karate_weighted.graphml": ("networkit GraphMLWriter with a weight key", []),
    "networkit/networkit_dynamicTest.gexf": ("dynamic GEXF 1.2draft: spells, time-sliced attvalues, "
        "edge start/end", []),
    "networkit/networkit_dynamicTest3.gexf": ("dynamic GEXF, timeformat double, node spells", []),
    "networkx/florentine_marriage.net": ("networkx write_pajek: *vertices lower case, unquoted "
        "names with coordinates and shape", []),
    "networkx/florentine_multigraph.gml": ("networkx write_gml of a MultiGraph: `multigraph 1`, "
        "`key` on edges", []),
    "networkx/florentine_multigraph.graphml": ("networkx write_graphml of a MultiGraph: the edge "
        "keys are written as edge ids, so ids repeat (`0` on every pair's first edge)",
        ["repeated edge ids renamed"]),
    "networkx/florentine_multigraph_nodelink.json": ("networkx node_link_data(edges='links') of a "
        "MultiGraph: `key` on links, `multigraph: true`", []),
    "networkx/karate.edgelist": ("networkx write_edgelist(data=False): space-separated pairs", []),
    "networkx/karate.gml": ("networkx write_gml: quoted string labels, graph attributes", []),
    "networkx/karate_nodelink_edges.json": ("networkx node_link_data(edges='edges'): the key "
        "networkx 3.4+ prefers", []),
    "networkx/karate_nodelink_links.json": ("networkx node_link_data(edges='links')", []),
    "networkx/karate_weighted.edgelist": ("networkx write_weighted_edgelist: `u v w`", []),
    "networkx/lesmis_weighted_tab.edgelist": ("networkx write_weighted_edgelist(delimiter='\\t'): "
        "names with spaces and dots are kept whole by the tab", []),
    "networkx/networkx_written_gahuku_gama.gexf": ("networkx write_gexf 1.2draft (a `name` on <graph>)", []),
    "networkx/networkx_written_gahuku_gama.graphml": ("networkx write_graphml: keys d0…, sign as long", []),
    "pajek/arcslist_edgeslist.net": ("Pajek *Arcslist / *Edgeslist (one source, several targets "
        "per line), quoted labels with spaces, coordinates, CRLF, undeclared vertices 4–6 (in "
        "*Vertices 6's range), a self-loop", []),
    "pajek/florentine_two_relations.paj": ("Pajek project (.paj): *Network, *Vertices, two "
        "relations `*Edges :1 \"Marital\"` and `*Edges :2 \"Business\"` (a pair in both is two "
        "relations), a *Vector section, CRLF", []),
    "pajek/implicit_vertices_weighted.net": ("Pajek: *Vertices 5 with only two listed (3–5 "
        "implicit), a negative arc weight, *Arcs and *Edges", []),
    "snap/gahuku_gama_signed_crlf.txt": ("whitespace edge list with a sign column: CRLF, tabs and "
        "runs of spaces, a blank line and a comment mid-file, a self-loop", []),
    "snap/karate_directed_snap.txt": ("SNAP edge list: `#` header (Nodes/Edges, "
        "FromNodeId\\tToNodeId), tab-separated, both directions", []),
    "snap/karate_undirected_spaces.txt": ("SNAP-style undirected edge list, space-separated", []),
    "tinkerpop/tinkerpop_modern.graphml": ("Apache TinkerPop 'modern' graph on one line: typed keys, "
        "numeric ids", []),
    "yed/yed_3.17_nested_groups.graphml": ("yEd 3.17: group nodes (yfiles.foldertype), nested "
        "graphs, edges across group levels, CDATA", ["nested graph flattened"]),
    "yed/yed_yfiles_java27_shapenode.graphml": ("yFiles for Java 2.7: y:ShapeNode, y:PolyLineEdge, "
        "yfiles.type keys, graphml-level resources", []),
}


def read_text(path, **kw):
    with open(path, encoding="utf-8", **kw) as f:
        return f.read()


def short_error(e):
    text = f"{type(e).__name__}: {e}"
    text = re.sub(r"\s+", " ", text).strip()
    return text[:300]


def from_nx(g, call):
    return {"reader": call, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
            "self_loops": nx.number_of_selfloops(g)}


def from_ig(g, call):
    return {"reader": call, "nodes": g.vcount(), "edges": g.ecount(), "self_loops": sum(g.is_loop())}


def attempt(call, fn):
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("always")
        try:
            result = fn()
        except Exception as e:  # a refusal is a result
            return {"reader": call, "refused": short_error(e)}
    if caught:
        result["tool_warnings"] = sorted({re.sub(r"\s+", " ", str(w.message).replace(CORPUS + "/", ""))[:200]
                                          for w in caught})
    return result


def gexf_version(path):
    head = read_text(path, errors="replace")[:2000]
    for v in ["1.1draft", "1.2draft", "1.3"]:
        if f"gexf.net/{v}" in head:
            return v
    return "1.2draft"


# ------------------------------------------------------------------ CSV as Gephi documents it


def sniff_separator(header):
    for sep in [";", "\t", "|", ","]:
        if sep in header:
            return sep
    return ","


def gephi_csv(path):
    """Gephi's spreadsheet rules, fed to networkx: the separator is the first of ; tab | , in the
    header line; cells are trimmed; a header whose first cell is empty is an adjacency matrix
    (each nonzero cell one directed edge); otherwise Source and Target columns, one edge a row."""
    text = read_text(path, newline="")
    sep = sniff_separator(text.splitlines()[0])
    rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text), delimiter=sep) if r]
    g = nx.MultiDiGraph()
    if rows[0][0] == "":
        names = rows[0][1:]
        g.add_nodes_from(names)
        for row in rows[1:]:
            for target, cell in zip(names, row[1:]):
                if float(cell) != 0:
                    g.add_edge(row[0], target)
        return g
    header = [h.lower() for h in rows[0]]
    s, t = header.index("source"), header.index("target")
    for row in rows[1:]:
        g.add_edge(row[s], row[t])
    return g


# ------------------------------------------------------------------ per format


def read_networkx(path, kind):
    if kind == "graphml":
        return attempt("nx.read_graphml(path, force_multigraph=True)",
                       lambda: from_nx(nx.read_graphml(path, force_multigraph=True), "nx.read_graphml(path, force_multigraph=True)"))
    if kind == "gexf":
        v = gexf_version(path)
        call = f"nx.read_gexf(path, version='{v}')"
        return attempt(call, lambda: from_nx(nx.read_gexf(path, version=v), call))
    if kind == "gml":
        call = "nx.read_gml(path, label='id')"
        return attempt(call, lambda: from_nx(nx.read_gml(path, label="id"), call))
    if kind == "pajek":
        call = "nx.read_pajek(path)"
        return attempt(call, lambda: from_nx(nx.read_pajek(path), call))
    if kind == "dot":
        call = "nx.nx_pydot.read_dot(path)"
        return attempt(call, lambda: from_nx(nx.nx_pydot.read_dot(path), call))
    if kind == "json":
        def load():
            data = json.loads(read_text(path))
            if isinstance(data, dict) and "elements" in data:
                return from_nx(nx.cytoscape_graph(data), "nx.cytoscape_graph(data)")
            key = "links" if isinstance(data, dict) and "links" in data else "edges"
            data = {**data, "multigraph": True}
            return from_nx(nx.node_link_graph(data, edges=key), f"nx.node_link_graph({{**data, 'multigraph': True}}, edges='{key}')")
        return attempt("nx.node_link_graph / nx.cytoscape_graph", load)
    if kind == "csv":
        call = "gephi_csv(path): Gephi's CSV rules into nx.MultiDiGraph (see reference_counts.py)"
        return attempt(call, lambda: from_nx(gephi_csv(path), call))
    if kind == "edgelist":
        call = "nx.read_edgelist(path, comments='#', create_using=nx.MultiDiGraph, nodetype=str, data=False)"
        return attempt(call, lambda: from_nx(
            nx.read_edgelist(path, comments="#", create_using=nx.MultiDiGraph, nodetype=str, data=False), call))
    raise ValueError(kind)


def read_igraph(path, kind):
    if kind == "graphml":
        call = "ig.Graph.Read_GraphML(path)"
        return attempt(call, lambda: from_ig(ig.Graph.Read_GraphML(path), call))
    if kind == "gml":
        call = "ig.Graph.Read_GML(path)"
        return attempt(call, lambda: from_ig(ig.Graph.Read_GML(path), call))
    if kind == "pajek":
        call = "ig.Graph.Read_Pajek(path)"
        return attempt(call, lambda: from_ig(ig.Graph.Read_Pajek(path), call))
    if kind == "edgelist":
        call = "ig.Graph.Read_Ncol(path, names=True, weights='if_present', directed=True)"
        return attempt(call, lambda: from_ig(ig.Graph.Read_Ncol(path, names=True, weights="if_present", directed=True), call))
    return {"reader": None, "refused": f"python-igraph has no {kind} reader"}


def read_graphviz(path):
    call = "gc -n -e path; gvpr 'E[$.head == $.tail]{n++}' path"
    run = subprocess.run(["gc", "-n", "-e", path], capture_output=True, text=True)
    if run.returncode != 0 or not run.stdout.strip():
        return {"reader": call, "refused": re.sub(r"\s+", " ", run.stderr.replace(CORPUS + "/", "")).strip()[:300]}
    graphs = [line.split() for line in run.stdout.strip().splitlines()]
    loops = subprocess.run(["gvpr", "BEG_G{int n=0} E[$.head == $.tail]{n++} END_G{print(n)}", path],
                           capture_output=True, text=True).stdout.split()
    result = {"reader": call, "nodes": int(graphs[0][0]), "edges": int(graphs[0][1]), "self_loops": int(loops[0])}
    if len(graphs) > 1:
        result["graphs"] = len(graphs)
    return result


def kind_of(rel):
    ext = rel.rsplit(".", 1)[-1].lower()
    return {"graphml": "graphml", "gexf": "gexf", "gml": "gml", "net": "pajek", "paj": "pajek", "dot": "dot",
            "gv": "dot", "json": "json", "csv": "csv", "txt": "edgelist", "edgelist": "edgelist",
            "ncol": "edgelist"}[ext]


def derived(path, rel):
    """The documented conversions for shapes no tool reads as is (see the module docstring)."""
    data = json.loads(read_text(path))
    if isinstance(data, list):
        call = ("nx.cytoscape_graph({'data': [], 'directed': False, 'multigraph': True, 'elements': array}), "
                "each node's value its id, each edge its own key")
        nodes = [{"data": {**e["data"], "value": e["data"]["id"]}} for e in data if "source" not in e.get("data", {})]
        edges = [{"data": {**e["data"], "key": i}} for i, e in enumerate(data) if "source" in e.get("data", {})]
        g = nx.cytoscape_graph({"data": [], "directed": False, "multigraph": True,
                                "elements": {"nodes": nodes, "edges": edges}})
        return "cytoscape-array", from_nx(g, call)
    return None, None


def gexf_elements(path):
    """Rule gexf-elements: the <node> and <edge> elements of the first <graph>."""
    import xml.etree.ElementTree as ET
    local = lambda tag: tag.rsplit("}", 1)[-1]
    graph = next(e for e in ET.parse(path).getroot() if local(e.tag) == "graph")
    nodes = {n.get("id") for n in graph.iter() if local(n.tag) == "node"}
    edges = [e for e in graph.iter() if local(e.tag) == "edge"]
    return {"reader": "ElementTree: <node> and <edge> elements (rule gexf-elements)", "nodes": len(nodes),
            "edges": len(edges), "self_loops": sum(e.get("source") == e.get("target") for e in edges)}


def graphml_nested(path):
    """Whether a GraphML file has a <graph> inside another <graph>."""
    import xml.etree.ElementTree as ET
    local = lambda tag: tag.rsplit("}", 1)[-1]
    graphs = [g for g in ET.parse(path).getroot() if local(g.tag) == "graph"]
    return any(local(e.tag) == "graph" for g in graphs for e in g.iter() if e is not g)


def graphml_flattened(path):
    """Rule nested-graphs: every <node> and <edge> at any depth."""
    import xml.etree.ElementTree as ET
    local = lambda tag: tag.rsplit("}", 1)[-1]
    root = ET.parse(path).getroot()
    nodes = {n.get("id") for n in root.iter() if local(n.tag) == "node"}
    edges = [e for e in root.iter() if local(e.tag) == "edge"]
    nodes |= {e.get(end) for e in edges for end in ("source", "target")}
    return {"reader": "ElementTree: <node> and <edge> elements at any depth (rule nested-graphs)",
            "nodes": len(nodes), "edges": len(edges),
            "self_loops": sum(e.get("source") == e.get("target") for e in edges)}


PAJEK_NON_NETWORK = re.compile(r"^\*(vector|partition|permutation|cluster|hierarchy)\b", re.I | re.M)


def pajek_network_part(path):
    """Rule pajek-project: networkx's read_pajek on the lines before the first non-network section."""
    text = read_text(path, newline="")
    cut = PAJEK_NON_NETWORK.search(text)
    lines = (text[:cut.start()] if cut else text).splitlines()
    lines = [re.sub(r"^(\*(arcs|edges))\s+:\d+.*$", r"\1", l, flags=re.I) for l in lines]
    call = ("nx.parse_pajek(lines before the first *Vector/*Partition/... line, "
            "`*Edges :n \"name\"` read as `*Edges`) (rule pajek-project)")
    return from_nx(nx.parse_pajek(lines), call)


def symmetric_matrix(path):
    """Whether a CSV file is an adjacency matrix (empty first header cell) that is symmetric."""
    text = read_text(path, newline="")
    sep = sniff_separator(text.splitlines()[0])
    rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text), delimiter=sep) if r]
    if rows[0][0] != "":
        return False
    names = rows[0][1:]
    value = {(row[0], target): float(cell or 0) for row in rows[1:] for target, cell in zip(names, row[1:])}
    return all(value.get((b, a), 0.0) == x for (a, b), x in value.items())


def expectation(rel, path, kind, tools):
    order = ["graphviz", "networkx", "igraph"] if kind == "dot" else ["networkx", "igraph"]
    basis, counts, rules = None, None, []
    for tool in order:
        if tool in tools and "refused" not in tools[tool]:
            basis, counts = tool, tools[tool]
            break
    if kind == "graphml" and graphml_nested(path):
        basis, counts = "rule nested-graphs", graphml_flattened(path)
        rules.append("nested-graphs")
    if kind == "pajek" and PAJEK_NON_NETWORK.search(read_text(path)):
        basis, counts = "networkx (rule pajek-project)", pajek_network_part(path)
        rules.append("pajek-project")
    if counts is None and kind == "json":
        rule, counts = derived(path, rel)
        if counts is not None:
            basis = "networkx (rule " + rule + ")"
            rules.append(rule)
    if counts is None and kind == "gexf":
        basis, counts = "rule gexf-elements", gexf_elements(path)
        rules.append("gexf-elements")
    exercises, liberties = NOTES[rel]
    liberties = list(liberties)
    if counts is None:
        return {"refused": True, "basis": "no tool reads it", "warnings": liberties,
                "explanation": "every reader refuses the file; ActorNet refuses it too, with a located error"}
    relations = counts["edges"] - counts["self_loops"]
    explanation = f"{basis}: {counts['nodes']} nodes, {counts['edges']} edges"
    if kind == "csv" and symmetric_matrix(path):
        rules.append("symmetric-matrix")
        relations //= 2
        explanation += "; a symmetric matrix gives one undirected relation per pair (rule symmetric-matrix)"
    if counts["self_loops"]:
        rules.append("self-loops")
        liberties.append("self-loops skipped")
        explanation += f"; {counts['self_loops']} self-loop(s) skipped with a warning (rule self-loops)"
    if "nested-graphs" in rules:
        explanation += "; nested graphs flattened with a warning (rule nested-graphs)"
    if "gexf-elements" in rules:
        explanation += "; networkx refuses it, so its <node> and <edge> elements are counted (rule gexf-elements)"
    if "pajek-project" in rules:
        explanation += "; only the project's *Network part is a network (rule pajek-project)"
    if "cytoscape-array" in rules:
        explanation += "; a Cytoscape.js elements array read as {elements: array} (rule cytoscape-array)"
    return {"actors": counts["nodes"], "relations": relations, "basis": basis, "rules": rules,
            "warnings": sorted(set(liberties)), "explanation": explanation}


def main():
    files = []
    for folder, _, names in os.walk(CORPUS):
        for name in names:
            rel = os.path.relpath(os.path.join(folder, name), CORPUS).replace(os.sep, "/")
            if name not in SKIP:
                files.append(rel)
    files.sort()
    missing = [f for f in files if f not in NOTES]
    stale = [f for f in NOTES if f not in files]
    if missing or stale:
        sys.exit(f"NOTES out of date: missing {missing}, stale {stale}")
    entries = {}
    for rel in files:
        path = os.path.join(CORPUS, rel)
        kind = kind_of(rel)
        tools = {"networkx": read_networkx(path, kind), "igraph": read_igraph(path, kind)}
        if kind == "dot":
            tools["graphviz"] = read_graphviz(path)
        for t in tools.values():
            if "refused" in t:
                t["refused"] = t["refused"].replace(CORPUS + "/", "").replace(path, rel)
        entries[rel] = {"writer": rel.split("/")[0], "format": kind, "exercises": NOTES[rel][0], "tools": tools,
                        "expected": expectation(rel, path, kind, tools)}
    doc = {"generated_by": "scripts/interop/reference_counts.py",
           "versions": {"networkx": nx.__version__, "python-igraph": ig.__version__,
                        "graphviz": subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()},
           "rules": {
               "self-loops": "ActorNet skips self-loops with a warning: relations = edges - self-loops",
               "nested-graphs": "GraphML nested graphs are flattened with a warning: every <node> and <edge> at any depth counts",
               "gexf-elements": "a GEXF file networkx refuses: its <node> and <edge> elements counted, as Gephi takes them",
               "pajek-project": "a Pajek project (.paj): only the *Network part (before *Vector, *Partition, ...) is read, relation headers `*Edges :n \"name\"` as `*Edges`",
               "symmetric-matrix": "a symmetric adjacency-matrix CSV: one undirected relation per pair, (edges - self-loops) / 2",
               "cytoscape-array": "a Cytoscape.js elements array is read as {elements: array}, every edge element its own edge"},
           "files": entries}
    text = json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    if "--check" in sys.argv:
        same = os.path.exists(OUTPUT) and read_text(OUTPUT) == text
        print("reference.json is up to date" if same else "reference.json would change")
        sys.exit(0 if same else 1)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}: {len(entries)} files")


if __name__ == "__main__":
    main()
