#!/usr/bin/env python3
"""Writes GML and Pajek files of classic networks with networkx and igraph, and the node and
edge counts networkx and igraph read back from them (and from Padgett.paj), for the Swift tests
GMLPajekTests to compare ActorNet's reading with.

Usage: scripts/interop/gml_pajek_reference.py   (from the repository root; rewrites the files)

Inputs (Tests/Fixtures, see SOURCES.md there): Read's Gahuku-Gama tribes (signed, undirected),
the Correlates of War 1946-49 window (signed, undirected), Sampson's monastery (signed,
directed, positive and negative arcs as parallel arcs) and networkx's Florentine families
(marriages). Each is written with networkx (`write_gml`, `write_pajek`) and python-igraph
(`write_gml` with a fixed creator line, so the files are deterministic, and `write_pajek`), into
Tests/Fixtures/gml/ and Tests/Fixtures/pajek/, named TOOL_written_NETWORK.EXT. A sign is the
sign of the weight (+1 / -1), as signed Pajek files carry it. Sampson is also written as a
Pajek `*Matrix` file by this script itself (one signed matrix, +1 / -1 / 0), which igraph reads.

Then every file is read with networkx (`read_gml` by label, by id when the file has no
labels; `read_pajek`) and igraph (`Read_GML`, `Read_Pajek`), and the counts go to
Tests/Reference/gml_pajek_counts.json: per file and library, nodes, edges, negative edges
(weight < 0) and the weight sum, or the error the library raised. Padgett.paj (a Pajek project
with *Vector and *Partition sections) is read as is (networkx misreads the vectors as vertices
and edges, igraph refuses them) and, as the network Pajek means, from a copy cut before its
first *Partition/*Vector section ("network_only"), and from that copy with its relation numbers
(`*Arcs :1 "Business"`) taken out ("plain"), the network as both libraries can read it.

Requires networkx and python-igraph (scripts/setup installs them).
"""
import csv
import json
import math
import os
import sys
import tempfile

import igraph as ig
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIX = os.path.join(ROOT, "Tests", "Fixtures")


def rows(relative):
    with open(os.path.join(FIX, relative), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def gahuku_gama():
    g = nx.Graph()
    names = {r["id"]: r["name"] for r in rows("signed/gahuku_gama_nodes.csv")}
    for r in rows("signed/gahuku_gama_nodes.csv"):
        g.add_node(r["name"])
    for r in rows("signed/gahuku_gama_edges.csv"):
        g.add_edge(names[r["source"]], names[r["target"]], weight=int(r["sign"]))
    return g


def cow_4649():
    g = nx.Graph()
    for r in rows("ir/cow_signed_3yr_windows_1946_1999.csv"):
        if r["period"] == "46-49":
            g.add_edge(r["source"], r["target"], weight=int(r["sign"]))
    return g


def sampson_matrices():
    pos = rows("signed/sampson_everett_borgatti_SAMP.csv")
    neg = rows("signed/sampson_everett_borgatti_SAMN.csv")
    monks = [r["id"] for r in pos]
    return monks, pos, neg


def sampson():
    monks, pos, neg = sampson_matrices()
    g = nx.MultiDiGraph()
    g.add_nodes_from(monks)
    for table, sign in ((pos, 1), (neg, -1)):
        for r in table:
            for m in monks:
                if r[m] not in ("", "0"):
                    g.add_edge(r["id"], m, weight=sign)
    return g


def florentine():
    return nx.florentine_families_graph()


def to_igraph(g):
    names = list(g.nodes())
    index = {n: i for i, n in enumerate(names)}
    edges = list(g.edges(data=True))
    h = ig.Graph(n=len(names), edges=[(index[u], index[v]) for u, v, _ in edges], directed=g.is_directed())
    h.vs["name"] = names
    if edges and "weight" in edges[0][2]:
        h.es["weight"] = [d["weight"] for _, _, d in edges]
    return h


def write_matrix(path):
    """Sampson as one signed *Matrix: +1 where only a positive arc is, -1 where only a negative
    one is, 0 where none is or both are (the 10 ambivalent ordered pairs cancel)."""
    monks, pos, neg = sampson_matrices()
    lines = [f"*Vertices {len(monks)}"]
    lines += [f'{i + 1} "{m}"' for i, m in enumerate(monks)]
    lines.append("*Matrix")
    for p, n in zip(pos, neg):
        lines.append(" ".join(str(int(p[m] not in ("", "0")) - int(n[m] not in ("", "0"))) for m in monks))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def counts_nx(g):
    weights = [d.get("weight", 1) for *_, d in g.edges(data=True)]
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(),
            "negative": sum(1 for w in weights if float(w) < 0), "weight_sum": float(sum(float(w) for w in weights))}


def counts_ig(g):
    weights = g.es["weight"] if "weight" in g.es.attributes() else [1] * g.ecount()
    return {"nodes": g.vcount(), "edges": g.ecount(), "directed": g.is_directed(),
            "negative": sum(1 for w in weights if float(w) < 0), "weight_sum": float(sum(float(w) for w in weights))}


def read_all(path):
    result = {}
    if path.endswith(".gml"):
        try:
            try:
                g = nx.read_gml(path)
            except nx.NetworkXError:
                g = nx.read_gml(path, label="id")
            result["networkx"] = counts_nx(g)
        except Exception as error:  # noqa: BLE001 - the message is the reference
            result["networkx"] = {"error": f"{type(error).__name__}: {error}"}
        try:
            result["igraph"] = counts_ig(ig.Graph.Read_GML(path))
        except Exception as error:  # noqa: BLE001
            result["igraph"] = {"error": f"{type(error).__name__}: {error}"}
    else:
        try:
            result["networkx"] = counts_nx(nx.read_pajek(path))
        except Exception as error:  # noqa: BLE001
            result["networkx"] = {"error": f"{type(error).__name__}: {error}"}
        try:
            result["igraph"] = counts_ig(ig.Graph.Read_Pajek(path))
        except Exception as error:  # noqa: BLE001
            result["igraph"] = {"error": f"{type(error).__name__}: {error}".split(" -- ")[0]}
    return result


def main():
    networks = {"gahuku_gama": gahuku_gama(), "cow_1946_49": cow_4649(), "sampson": sampson(),
                "florentine": florentine()}
    files = []
    for name, g in networks.items():
        h = to_igraph(g)
        targets = [
            (f"gml/networkx_written_{name}.gml", lambda p, g=g: nx.write_gml(g, p)),
            (f"gml/igraph_written_{name}.gml", lambda p, h=h: h.write_gml(p, creator="igraph (python-igraph)")),
            (f"pajek/networkx_written_{name}.net", lambda p, g=g: nx.write_pajek(g, p)),
            (f"pajek/igraph_written_{name}.net", lambda p, h=h: h.write_pajek(p)),
        ]
        for relative, write in targets:
            path = os.path.join(FIX, relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write(path)
            files.append(relative)
    write_matrix(os.path.join(FIX, "pajek/script_written_sampson_signed_matrix.net"))
    files.append("pajek/script_written_sampson_signed_matrix.net")

    reference = {"generator": "scripts/interop/gml_pajek_reference.py",
                 "versions": {"networkx": nx.__version__, "igraph": ig.__version__}, "files": {}}
    for relative in files:
        reference["files"][relative] = read_all(os.path.join(FIX, relative))
    padgett = os.path.join(FIX, "florentine/Padgett.paj")
    entry = read_all(padgett)
    with open(padgett, encoding="utf-8", newline="") as f:
        text = f.read()
    cut = min(i for i in (text.find("*Partition"), text.find("*Vector"), len(text)) if i >= 0)
    with tempfile.TemporaryDirectory() as d:
        copy = os.path.join(d, "Padgett_network_only.net")
        with open(copy, "w", encoding="utf-8", newline="") as f:
            f.write(text[:cut])
        entry["network_only"] = read_all(copy)
        # Neither library reads relation numbers ('*Arcs :1 "Business"'): without them too.
        plain = os.path.join(d, "Padgett_plain.net")
        with open(plain, "w", encoding="utf-8", newline="") as f:
            f.write("".join(("*Arcs\r\n" if line.startswith("*Arcs") else line) for line in text[:cut].splitlines(True)))
        entry["plain"] = read_all(plain)
    reference["files"]["florentine/Padgett.paj"] = entry

    out = os.path.join(ROOT, "Tests", "Reference", "gml_pajek_counts.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(reference, f, indent=2, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(files)} files and {os.path.relpath(out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
