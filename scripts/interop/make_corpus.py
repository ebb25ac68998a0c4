#!/usr/bin/env python3
"""Writes the tool-written and hand-written files of the interop corpus (Tests/Fixtures/interop).

Every file this script writes is either the output of another tool (networkx, python-igraph,
networkit, Graphviz) run on permissively licensed data that networkx ships (Zachary's karate club,
Padgett's Florentine families, Knuth's Les Misérables) or the project's Gahuku–Gama and Florentine
fixtures, or a small file laid out as a tool documents its format (Gephi's CSV import, SNAP's edge
lists, D3 v3's miserables.json, DOT, Pajek), written here. The files copied from other projects
are listed in Tests/Fixtures/interop/SOURCES.md and are not touched.

Deterministic: run twice, the same bytes (versions: see SOURCES.md; the script prints them).

    python3 scripts/interop/make_corpus.py          # rewrites the generated files
    python3 scripts/interop/reference_counts.py     # then re-counts everything (reference.json)
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

import igraph as ig
import networkit as nk
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "Tests", "Fixtures", "interop")
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")


def out(folder, name):
    d = os.path.join(CORPUS, folder)
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, name)


def write_text(folder, name, text, newline="\n"):
    with open(out(folder, name), "w", encoding="utf-8", newline=newline) as f:
        f.write(text)


# ---------------------------------------------------------------- data


def karate():
    g = nx.karate_club_graph()
    # networkx ≥ 3.0 gives every edge a 'weight' (co-occurrence count) and nodes a 'club'.
    return g


def florentine_edges(relation):
    """Padgett's Florentine ties from Tests/Fixtures/florentine (relation: marriage or business)."""
    with open(os.path.join(FIXTURES, "florentine", f"florentine_{relation}_edges.csv"), newline="", encoding="utf-8") as f:
        return [(row["source"], row["target"]) for row in csv.DictReader(f)]


def florentine_multigraph():
    """Marriage and business ties of Padgett's Florentine families as one MultiGraph: a pair tied
    both ways has two parallel edges (keys 0 and 1)."""
    g = nx.MultiGraph()
    for relation in ["marriage", "business"]:
        for u, v in florentine_edges(relation):
            g.add_edge(u, v, relation=relation)
    return g


def gahuku_gama():
    """The signed tribes (Tests/Fixtures/signed): 16 nodes, 58 edges with sign ±1."""
    names = {}
    with open(os.path.join(FIXTURES, "signed", "gahuku_gama_nodes.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names[row["id"]] = row
    g = nx.Graph()
    for i in sorted(names, key=int):
        g.add_node(i)
    with open(os.path.join(FIXTURES, "signed", "gahuku_gama_edges.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_edge(row["source"], row["target"], sign=int(row["sign"]))
    return g, names


def lesmis():
    return nx.les_miserables_graph()


def to_igraph(g):
    h = ig.Graph.from_networkx(g)
    return h


# ---------------------------------------------------------------- writers


def networkx_files():
    k = karate()
    with open(out("networkx", "karate_nodelink_links.json"), "w", encoding="utf-8") as f:
        json.dump(nx.node_link_data(k, edges="links"), f, sort_keys=True)
    with open(out("networkx", "karate_nodelink_edges.json"), "w", encoding="utf-8") as f:
        json.dump(nx.node_link_data(k, edges="edges"), f, sort_keys=True, indent=1)
    # MultiGraph: edge keys 0/1 become GraphML edge ids, so ids repeat across pairs.
    fm = florentine_multigraph()
    nx.write_graphml(fm, out("networkx", "florentine_multigraph.graphml"))
    with open(out("networkx", "florentine_multigraph_nodelink.json"), "w", encoding="utf-8") as f:
        json.dump(nx.node_link_data(fm, edges="links"), f, sort_keys=True)
    nx.write_gml(k, out("networkx", "karate.gml"))
    nx.write_gml(fm, out("networkx", "florentine_multigraph.gml"))
    # write_pajek needs string attributes; the Florentine marriages as a plain Graph.
    nx.write_pajek(nx.florentine_families_graph(), out("networkx", "florentine_marriage.net"))
    nx.write_edgelist(k, out("networkx", "karate.edgelist"), data=False)
    nx.write_weighted_edgelist(k, out("networkx", "karate_weighted.edgelist"))
    lm = lesmis()
    nx.write_weighted_edgelist(lm, out("networkx", "lesmis_weighted_tab.edgelist"), delimiter="\t")
    with open(out("cytoscape", "networkx_cytoscape_data_florentine.json"), "w", encoding="utf-8") as f:
        json.dump(nx.cytoscape_data(fm), f, sort_keys=True, indent=1)


# igraph's default GML Creator line carries the date and time; this keeps the file stable.
CREATOR = f"igraph version {ig.__version__}"


def igraph_files():
    k = ig.Graph.from_networkx(karate())
    k.vs["name"] = [str(x) for x in k.vs["_nx_name"]]
    del k.vs["_nx_name"]
    k.write_gml(out("igraph", "karate.gml"), creator=CREATOR)
    k.write_pajek(out("igraph", "karate.net"))
    k.write_edgelist(out("igraph", "karate_zero_based.edgelist"))
    k.write_ncol(out("igraph", "karate.ncol"), names="name", weights="weight")
    k.write_graphml(out("igraph", "karate.graphml"))
    lm = ig.Graph.from_networkx(lesmis())
    lm.vs["name"] = lm.vs["_nx_name"]
    del lm.vs["_nx_name"]
    lm.write_dot(out("igraph", "lesmis.dot"))
    # A graph with a self-loop and parallel edges (igraph keeps both).
    g = ig.Graph(n=4, edges=[(0, 1), (0, 1), (1, 2), (2, 2), (2, 3)], directed=True)
    g.vs["name"] = ["a", "b", "c", "d"]
    g.write_graphml(out("igraph", "multi_loop_directed.graphml"))
    g.write_gml(out("igraph", "multi_loop_directed.gml"), creator=CREATOR)
    g.write_pajek(out("igraph", "multi_loop_directed.net"))


def networkit_files():
    k = karate()
    g = nk.nxadapter.nx2nk(k)  # unweighted, node ids 0..33
    nk.graphio.GraphMLWriter().write(g, out("networkit", "karate.graphml"))
    nk.graphio.GMLGraphWriter().write(g, out("networkit", "karate.gml"))
    nk.graphio.EdgeListWriter("\t", 1).write(g, out("networkit", "karate_tab_onebased.edgelist"))
    nk.graphio.DotGraphWriter().write(g, out("networkit", "karate.dot"))
    w = nk.nxadapter.nx2nk(k, weightAttr="weight")
    nk.graphio.GraphMLWriter().write(w, out("networkit", "karate_weighted.graphml"))


def graphviz_files():
    """Graphviz 2.43 outputs of igraph's DOT of Les Misérables: canonical, laid out, xdot."""
    src = out("igraph", "lesmis.dot")
    for name, args in [("lesmis_canon.gv", ["dot", "-Tcanon"]), ("lesmis_neato_layout.gv", ["neato", "-Tdot"]),
                       ("lesmis_xdot.gv", ["dot", "-Txdot"])]:
        text = subprocess.run(args + [src], check=True, capture_output=True, text=True).stdout
        write_text("graphviz", name, text)


def d3_files():
    """Les Misérables in the two D3 force-layout shapes: v3 (nodes without id, links by index into
    `nodes`, like the classic miserables.json) and v4+ (`id` on nodes, links by id). Data: networkx's
    les_miserables_graph (Knuth, Stanford GraphBase); `value` is the co-appearance count."""
    lm = lesmis()
    nodes = sorted(lm.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    links = sorted(((index[u], index[v], d["weight"]) for u, v, d in lm.edges(data=True)),
                   key=lambda e: (max(e[0], e[1]), min(e[0], e[1])))
    lines = ['{"nodes":[']
    lines.append(",\n".join('{"name":%s,"group":1}' % json.dumps(n, ensure_ascii=False) for n in nodes))
    lines.append('],"links":[')
    lines.append(",\n".join('{"source":%d,"target":%d,"value":%d}' % (max(a, b), min(a, b), w) for a, b, w in links))
    lines.append("]}\n")
    write_text("d3", "lesmiserables_d3v3_index_links.json", "\n".join(lines))
    v4 = {"nodes": [{"id": n, "group": 1} for n in nodes],
          "links": [{"source": nodes[max(a, b)], "target": nodes[min(a, b)], "value": w} for a, b, w in links]}
    write_text("d3", "lesmiserables_d3v4_id_links.json", json.dumps(v4, ensure_ascii=False, indent=2) + "\n")
    # v3 shape with what real files carry: a self-loop and an `index` field D3 adds on save.
    small = {"nodes": [{"name": "Alpha", "index": 0}, {"name": "Beta", "index": 1}, {"name": "Gamma", "index": 2}],
             "links": [{"source": 0, "target": 1}, {"source": 1, "target": 2}, {"source": 2, "target": 2},
                       {"source": 0, "target": 1}]}
    write_text("d3", "d3v3_loop_parallel.json", json.dumps(small, indent=1) + "\n")


def snap_files():
    """SNAP's edge-list layout (TSnap::SaveEdgeList): `#` comment header, tab-separated, no
    column header; and the plain whitespace variant SNAP's loaders accept."""
    k = karate()
    d = nx.DiGraph(k)  # both directions, like SNAP's directed dumps of undirected data
    edges = sorted(((int(u), int(v)) for u, v in d.edges()))
    head = ("# Directed graph (each unordered pair of nodes is saved once): karate.txt\n"
            "# Zachary's karate club, both directions\n"
            f"# Nodes: {d.number_of_nodes()} Edges: {d.number_of_edges()}\n"
            "# FromNodeId\tToNodeId\n")
    write_text("snap", "karate_directed_snap.txt", head + "".join(f"{u}\t{v}\n" for u, v in edges))
    und = sorted((min(int(u), int(v)), max(int(u), int(v))) for u, v in k.edges())
    head = ("# Undirected graph: karate_undirected.txt\n"
            f"# Nodes: {k.number_of_nodes()} Edges: {k.number_of_edges()}\n"
            "# FromNodeId ToNodeId\n")
    write_text("snap", "karate_undirected_spaces.txt", head + "".join(f"{u} {v}\n" for u, v in und))
    # Whitespace liberties real dumps have: CRLF, runs of spaces and tabs, blank lines,
    # a comment in the middle, a self-loop.
    body = "# signed edges, Gahuku-Gama (source target sign)\r\n"
    g, _ = gahuku_gama()
    for i, (u, v, s) in enumerate(sorted(g.edges(data="sign"), key=lambda e: (int(e[0]), int(e[1])))):
        sep = ["\t", "  ", " \t "][i % 3]
        body += f"{u}{sep}{v}{sep}{s}\r\n"
        if i == 20:
            body += "\r\n# half way\r\n"
    body += "5\t5\t1\r\n"
    write_text("snap", "gahuku_gama_signed_crlf.txt", body, newline="")


def gephi_csv_files():
    """CSV laid out as Gephi's spreadsheet import documents it (gephi.org, "CSV format" and the
    Import Spreadsheet wizard): `;`, tab and `|` separators, `Source, Target` with spaces after
    commas, and the adjacency matrix `;A;B;C`. Data: Florentine marriages (networkx)."""
    f = nx.florentine_families_graph()
    edges = sorted(tuple(sorted(e)) for e in f.edges())
    write_text("gephi", "florentine_semicolon.csv", "Source;Target\n" + "".join(f"{u};{v}\n" for u, v in edges))
    write_text("gephi", "florentine_tab.csv", "Source\tTarget\tWeight\n" + "".join(f"{u}\t{v}\t1\n" for u, v in edges))
    write_text("gephi", "florentine_pipe.csv", "Source|Target|Type\n" + "".join(f"{u}|{v}|Undirected\n" for u, v in edges))
    k = karate()
    rows = sorted((int(u), int(v), d["weight"]) for u, v, d in k.edges(data=True))
    write_text("gephi", "karate_comma_spaces.csv",
               "Source, Target, Type, Weight\n" + "".join(f"{u}, {v}, Undirected, {w}\n" for u, v, w in rows))
    names = sorted(f.nodes())
    lines = [";" + ";".join(names)]
    for a in names:
        lines.append(a + ";" + ";".join("1" if f.has_edge(a, b) else "0" for b in names))
    write_text("gephi", "florentine_adjacency_matrix.csv", "\n".join(lines) + "\n")
    # A directed, weighted matrix with one self-loop on the diagonal (Gephi's doc example shape).
    letters = ["A", "B", "C", "D", "E"]
    m = [[0, 1, 0, 2, 0], [0, 0, 3, 0, 0], [1, 0, 1, 0, 0], [0, 0, 0, 0, 1], [0, 2, 0, 0, 0]]
    text = ";" + ";".join(letters) + "\n" + "".join(a + ";" + ";".join(map(str, r)) + "\n" for a, r in zip(letters, m))
    write_text("gephi", "directed_weighted_matrix.csv", text)
    # The Gahuku-Gama tribes with a sign column contradicting the weight's sign on some rows.
    g, names_ = gahuku_gama()
    out_rows = ["Source;Target;Weight;sign"]
    for i, (u, v, s) in enumerate(sorted(g.edges(data="sign"), key=lambda e: (int(e[0]), int(e[1])))):
        w = -2.0 if (i % 7 == 3 and s > 0) else (1.5 if i % 7 == 5 and s < 0 else float(s))
        out_rows.append(f"{names_[u]['name']};{names_[v]['name']};{w};{s}")
    write_text("edge-cases", "sign_contradicts_weight.csv", "\n".join(out_rows) + "\n")


def dot_files():
    """Hand-written DOT covering the grammar (graphviz.org/doc/info/lang.html): edge chains, edges
    to subgraphs, ports and compass points, `strict` (merged duplicates), comments of the three
    kinds, `+` string concatenation, escaped newlines, HTML labels, keywords in any case."""
    write_text("graphviz", "grammar_tour.gv", r'''/* A tour of the DOT grammar (written for ActorNet's interop corpus). */
DiGraph "tour" {
  // graph, node and edge defaults
  graph [rankdir=LR, label="Grammar \"tour\""];
  node [shape=box]; edge [color=grey]
# a line starting with # is ignored by Graphviz (C preprocessor output)
  a -> b -> c [label="chain"];
  a -> {d e};                         /* an edge to every node of an anonymous subgraph */
  subgraph cluster_x { label="X"; f; g -> h }
  h:out:se -> a:in:nw;                // ports and compass points
  "quoted id" -> "multi\
line" ;
  "con" + "cat" -> c;                 // "concat"
  html [label=<<b>bold</b> &amp; <i>it</i>>];
  html -> a; c -> c;                  // a self-loop
  a -> b;                             // a parallel edge
  -3.5 -> .5; NODE [color=red]; Z; EDGE [style=dashed]; Z -> a
}
''')
    write_text("graphviz", "strict_undirected.gv", '''strict graph {
  a -- b; b -- a; a -- b [weight=2];
  b -- c -- d; d -- d;
  e;
}
''')
    write_text("graphviz", "subgraph_edges.gv", '''graph G {
  subgraph s1 { a; b; c }
  subgraph s2 { x; y }
  s1 -- s2;
  {a b} -- {x y};
  subgraph { rank = same; p -- q }
}
''')


def pajek_files():
    """Pajek `.net` variants and a `.paj` project (Pajek's manual, "Input file formats")."""
    write_text("pajek", "arcslist_edgeslist.net", '''*Vertices 6
1 "Alpha"
2 "Beta Gamma"
3 "Delta" 0.1 0.2 0.5
*Arcslist
1 2 3
2 3
*Edgeslist
4 5 6
3 3
''', newline="\r\n")
    write_text("pajek", "implicit_vertices_weighted.net", '''*Network weighted
*Vertices 5
1 "a"
2 "b"
*Arcs
1 2 2.5
2 3 -1
3 4
*Edges
4 5 0.5
5 1 1
''')
    # A project: two relations over the Florentine families and a vector, Padgett.paj's layout.
    f = nx.florentine_families_graph()
    names = sorted(set(f.nodes()) | {"Pucci"})
    num = {n: i + 1 for i, n in enumerate(names)}
    lines = ["*Network Florentine", f"*Vertices {len(names)}"]
    lines += [f'{num[n]} "{n}"' for n in names]
    lines.append('*Edges :1 "Marital"')
    lines += [f"{num[u]} {num[v]} 1" for u, v in sorted(tuple(sorted(e)) for e in f.edges())]
    business = sorted(tuple(sorted(e)) for e in florentine_edges("business"))
    lines.append('*Edges :2 "Business"')
    lines += [f"{num[u]} {num[v]} 1" for u, v in business]
    lines += ["", f"*Vector degree", f"*Vertices {len(names)}"]
    lines += [str(f.degree(n) if n in f else 0) for n in names]
    write_text("pajek", "florentine_two_relations.paj", "\n".join(lines) + "\n", newline="\r\n")


def gml_files():
    write_text("gml", "comments_nested_lists.gml", '''# GML as Himsolt's spec allows: comments, nested lists, unknown keys, ids not in order
Creator "ActorNet interop corpus"
graph [
  directed 0
  comment "keys this reader does not know must be skipped"
  node [ id 10 label "Ten" graphics [ x 1.0 y 2.0 type "rectangle" ] ]
  node [ id 2 label "Two" ]
  node [ id 7 label "Seven" extra [ deep [ deeper 1 ] ] ]
  edge [ source 10 target 2 label "a" weight 2.5 ]
  edge [ source 2 target 7 ]
  edge [ source 7 target 7 ]
  edge [ source 7 target 10 graphics [ Line [ point [ x 0 y 0 ] point [ x 1 y 1 ] ] ] ]
]
''')


def edge_case_graphml():
    write_text("edge-cases", "spaced_ids.graphml", '''<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <node id=" a"><data key="label">leading space</data></node>
    <node id="a "><data key="label">trailing space</data></node>
    <node id="a"><data key="label">no space</data></node>
    <node id=" b c "/>
    <edge source=" a" target="a "/>
    <edge source="a" target=" b c "/>
    <edge source="a " target=" b c "/>
  </graph>
</graphml>
''')
    write_text("edge-cases", "blank_numeric_data.graphml", '''<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <key id="s" for="node" attr.name="size" attr.type="int"/>
  <graph id="G" edgedefault="directed">
    <node id="n1"><data key="s"></data></node>
    <node id="n2"><data key="s">3</data></node>
    <node id="n3"><data key="s"> </data></node>
    <edge source="n1" target="n2"><data key="w"></data></edge>
    <edge source="n2" target="n3"><data key="w">2.5</data></edge>
    <edge source="n3" target="n1"><data key="w">  </data></edge>
  </graph>
</graphml>
''')
    write_text("edge-cases", "weight_zero_default.graphml", '''<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="weight" attr.type="double"><default>0.0</default></key>
  <graph id="G" edgedefault="undirected">
    <node id="a"/><node id="b"/><node id="c"/><node id="d"/>
    <edge source="a" target="b"/>
    <edge source="b" target="c"><data key="d0">1.5</data></edge>
    <edge source="c" target="d"><data key="d0">0</data></edge>
    <edge source="d" target="a"><data key="d0">-2</data></edge>
  </graph>
</graphml>
''')
    write_text("edge-cases", "sign_contradicts_weight.graphml", '''<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="e_sign" for="edge" attr.name="sign" attr.type="long"/>
  <graph id="G" edgedefault="undirected">
    <node id="x"/><node id="y"/><node id="z"/>
    <edge source="x" target="y"><data key="e_weight">-2.0</data><data key="e_sign">1</data></edge>
    <edge source="y" target="z"><data key="e_weight">3.0</data><data key="e_sign">-1</data></edge>
    <edge source="z" target="x"><data key="e_weight">-1.0</data><data key="e_sign">-1</data></edge>
  </graph>
</graphml>
''')


def main():
    print(f"networkx {nx.__version__}, python-igraph {ig.__version__}, networkit {nk.__version__}")
    print(subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip())
    networkx_files()
    igraph_files()
    networkit_files()
    graphviz_files()
    d3_files()
    snap_files()
    gephi_csv_files()
    dot_files()
    pajek_files()
    gml_files()
    edge_case_graphml()


if __name__ == "__main__":
    main()
