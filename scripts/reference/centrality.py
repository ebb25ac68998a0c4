#!/usr/bin/env python3
"""Reference values for centrality measures, for ActorNet's Swift tests.

Usage (from anywhere):

    python3 scripts/reference/centrality.py

writes Tests/Reference/centrality.json (relative to the repository root, which is
found from this file's location). Needs networkx and python-igraph at the versions
pinned in scripts/reference/requirements.txt. See scripts/reference/README.md for
the file's schema, the exact networkx call behind every measure key, and the
tolerances.

The reference values are networkx's. python-igraph (and, for the iterative
measures, dense numpy linear algebra and networkx's own *_numpy variants) is an
independent cross-check: the script exits non-zero, without writing the file, if
any of them disagrees where the conventions say it must agree.
"""

from __future__ import annotations

import json
import math
import os
import platform
import random
import sys
import warnings
from fractions import Fraction
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np
import scipy

SCRIPT = Path(__file__).resolve()
REPO = SCRIPT.parents[2]
OUT = REPO / "Tests" / "Reference" / "centrality.json"
GENERATOR = "scripts/reference/centrality.py"

TOL_EXACT = 1e-9
TOL_ITERATIVE = 1e-6

# Weighted cases draw every edge weight from these (multiples of 0.5: exact in binary).
WEIGHT_CHOICES = [0.5 * i for i in range(1, 11)]

ITER = {"max_iter": 100000, "tol": 1e-13}

# weight modes: key label -> edge attribute passed to networkx
WEIGHT_MODES = [("none", None), ("inverse", "dist"), ("weight", "weight")]

PROBLEMS: list[str] = []


def problem(msg: str) -> None:
    PROBLEMS.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def clean(x) -> float:
    x = float(x)
    if not math.isfinite(x):
        raise ValueError(f"non-finite value {x!r}")
    return 0.0 if x == 0 else x


def btoken(b: bool) -> str:
    return "true" if b else "false"


# --------------------------------------------------------------------------- cases


class Case:
    """A network as stored in the JSON file, and the graphs built from exactly that."""

    def __init__(self, name, description, nodes, edges, *, directed, multigraph, weighted, pseed):
        self.name = name
        self.description = description
        self.nodes = [str(v) for v in nodes]
        self.index = {v: i for i, v in enumerate(self.nodes)}
        assert len(self.index) == len(self.nodes), "duplicate node ids"
        self.directed = directed
        self.multigraph = multigraph
        self.weighted = weighted
        self.pseed = pseed
        canon = []
        for u, v, w in edges:
            u, v = str(u), str(v)
            assert u != v, "self-loops are not used"
            if not directed and self.index[u] > self.index[v]:
                u, v = v, u
            canon.append((u, v, float(w)))
        # stable sort by node order: parallel edges keep their generation order
        canon.sort(key=lambda e: (self.index[e[0]], self.index[e[1]]))
        if not multigraph:
            assert len({(u, v) for u, v, _ in canon}) == len(canon), "parallel edges in a simple case"
        self.edges = canon
        self.G = self._build()

    def _build(self):
        cls = {
            (False, False): nx.Graph,
            (True, False): nx.DiGraph,
            (False, True): nx.MultiGraph,
            (True, True): nx.MultiDiGraph,
        }[(self.directed, self.multigraph)]
        G = cls()
        G.add_nodes_from(self.nodes)
        for u, v, w in self.edges:
            G.add_edge(u, v, weight=w, dist=1.0 / w)
        return G

    def edge_key(self, u, v) -> str:
        if not self.directed and self.index[u] > self.index[v]:
            u, v = v, u
        return f"{u}|{v}"

    # Simple graph with A_ij = sum of parallel weights ("weight") and the number of
    # parallel edges ("multiplicity"): our convention for spectral measures.
    def summed(self):
        H = (nx.DiGraph if self.directed else nx.Graph)()
        H.add_nodes_from(self.nodes)
        for u, v, w in self.edges:
            if H.has_edge(u, v):
                H[u][v]["weight"] += w
                H[u][v]["multiplicity"] += 1.0
            else:
                H.add_edge(u, v, weight=w, multiplicity=1.0)
        return H

    # Simple graph keeping, per pair, the smallest 'weight' and the smallest 'dist'
    # (= 1/largest weight): what networkx's shortest-path measures see on a multigraph
    # for weight='weight' and weight='dist' respectively.
    def collapsed_min(self, exact_dist=False):
        H = (nx.DiGraph if self.directed else nx.Graph)()
        H.add_nodes_from(self.nodes)
        for u, v, w in self.edges:
            d = (1 / Fraction(w)) if exact_dist else 1.0 / w
            if not H.has_edge(u, v):
                H.add_edge(u, v, weight=w, dist=d)
            else:
                H[u][v]["weight"] = min(H[u][v]["weight"], w)
                H[u][v]["dist"] = min(H[u][v]["dist"], d)
        return H

    def adjacency(self, attr):
        """Dense A with A[i, j] = sum over edges i->j (both ways if undirected) of attr
        (attr None: count 1 per edge)."""
        n = len(self.nodes)
        A = np.zeros((n, n))
        for u, v, w in self.edges:
            i, j = self.index[u], self.index[v]
            x = 1.0 if attr is None else (w if attr == "weight" else 1.0 / w)
            A[i, j] += x
            if not self.directed:
                A[j, i] += x
        return A

    def igraph(self):
        g = ig.Graph(
            n=len(self.nodes),
            edges=[(self.index[u], self.index[v]) for u, v, _ in self.edges],
            directed=self.directed,
        )
        g.es["weight"] = [w for _, _, w in self.edges]
        g.es["dist"] = [1.0 / w for _, _, w in self.edges]
        return g


def draw_weights(edge_list, seed):
    rng = random.Random(seed)
    return [(u, v, rng.choice(WEIGHT_CHOICES)) for u, v in edge_list]


def sorted_pairs(G):
    """Edges of a generated graph as (u, v) sorted by (u, v); u < v if undirected."""
    out = []
    for u, v in G.edges():
        if not G.is_directed() and u > v:
            u, v = v, u
        out.append((u, v))
    return sorted(out)


def build_cases() -> list[Case]:
    cases = []

    K = nx.karate_club_graph()
    kn = list(K)
    cases.append(Case(
        "karate", "nx.karate_club_graph(); built-in weights ignored (every edge 1.0)",
        kn, [(u, v, 1.0) for u, v in sorted_pairs(K)],
        directed=False, multigraph=False, weighted=False, pseed=101))
    cases.append(Case(
        "karate_weighted", "nx.karate_club_graph() with its built-in 'weight' attribute (integers 1..7)",
        kn, [(u, v, float(K[u][v]["weight"])) for u, v in sorted_pairs(K)],
        directed=False, multigraph=False, weighted=True, pseed=102))

    F = nx.florentine_families_graph()
    fidx = {v: i for i, v in enumerate(F)}
    fedges = sorted(
        (tuple(sorted((u, v), key=fidx.get)) for u, v in F.edges()),
        key=lambda e: (fidx[e[0]], fidx[e[1]]))
    cases.append(Case(
        "florentine", "nx.florentine_families_graph() (15 families, marriage ties), nodes in networkx's order",
        list(F), [(u, v, 1.0) for u, v in fedges],
        directed=False, multigraph=False, weighted=False, pseed=103))

    Kt = nx.krackhardt_kite_graph()
    cases.append(Case(
        "kite", "nx.krackhardt_kite_graph()",
        list(Kt), [(u, v, 1.0) for u, v in sorted_pairs(Kt)],
        directed=False, multigraph=False, weighted=False, pseed=104))

    S = nx.gnp_random_graph(40, 0.06, seed=1)
    cases.append(Case(
        "sparse_isolates",
        "nx.gnp_random_graph(40, 0.06, seed=1) plus isolated nodes 40, 41, 42; "
        "weights random.Random(1001).choice(WEIGHT_CHOICES) over the sorted edge list",
        list(range(43)), draw_weights(sorted_pairs(S), 1001),
        directed=False, multigraph=False, weighted=True, pseed=105))

    D = nx.gnp_random_graph(25, 0.5, seed=2)
    cases.append(Case(
        "dense",
        "nx.gnp_random_graph(25, 0.5, seed=2); weights random.Random(1002).choice(WEIGHT_CHOICES) over the sorted edge list",
        list(range(25)), draw_weights(sorted_pairs(D), 1002),
        directed=False, multigraph=False, weighted=True, pseed=106))

    A1 = nx.gnp_random_graph(12, 0.3, seed=3)
    A2 = nx.gnp_random_graph(12, 0.3, seed=4)
    dis = [(u, v) for u, v in sorted_pairs(A1)] + [(u + 12, v + 12) for u, v in sorted_pairs(A2)]
    cases.append(Case(
        "disconnected",
        "nx.gnp_random_graph(12, 0.3, seed=3) on nodes 0..11, nx.gnp_random_graph(12, 0.3, seed=4) "
        "relabelled i -> i+12 on nodes 12..23, isolated nodes 24, 25; unweighted",
        list(range(26)), [(u, v, 1.0) for u, v in dis],
        directed=False, multigraph=False, weighted=False, pseed=107))

    DS = nx.gnp_random_graph(30, 0.08, seed=5, directed=True)
    cases.append(Case(
        "directed_sparse",
        "nx.gnp_random_graph(30, 0.08, seed=5, directed=True); "
        "weights random.Random(1005).choice(WEIGHT_CHOICES) over the sorted arc list",
        list(range(30)), draw_weights(sorted_pairs(DS), 1005),
        directed=True, multigraph=False, weighted=True, pseed=108))

    DD = nx.gnp_random_graph(20, 0.3, seed=6, directed=True)
    cases.append(Case(
        "directed_dense", "nx.gnp_random_graph(20, 0.3, seed=6, directed=True); unweighted",
        list(range(20)), [(u, v, 1.0) for u, v in sorted_pairs(DD)],
        directed=True, multigraph=False, weighted=False, pseed=109))

    M = nx.gnp_random_graph(20, 0.2, seed=7)
    base = sorted_pairs(M)
    rng = random.Random(1007)
    medges = [(u, v, rng.choice(WEIGHT_CHOICES)) for u, v in base]
    for _ in range(12):
        u, v = rng.choice(base)
        medges.append((u, v, rng.choice(WEIGHT_CHOICES)))
    cases.append(Case(
        "multigraph",
        "undirected MultiGraph: nx.gnp_random_graph(20, 0.2, seed=7); rng = random.Random(1007); each sorted "
        "edge gets rng.choice(WEIGHT_CHOICES); then 12 times: (u, v) = rng.choice(sorted edges), "
        "add a parallel edge with weight rng.choice(WEIGHT_CHOICES) (a pair may be drawn twice)",
        list(range(20)), medges,
        directed=False, multigraph=True, weighted=True, pseed=110))

    P = nx.path_graph(7)
    cases.append(Case("path", "nx.path_graph(7)", list(P), [(u, v, 1.0) for u, v in sorted_pairs(P)],
                      directed=False, multigraph=False, weighted=False, pseed=111))
    St = nx.star_graph(6)
    cases.append(Case("star", "nx.star_graph(6): centre 0 and leaves 1..6 (7 nodes)",
                      list(St), [(u, v, 1.0) for u, v in sorted_pairs(St)],
                      directed=False, multigraph=False, weighted=False, pseed=112))
    cases.append(Case("tiny", "two nodes 0, 1 and the edge 0-1", [0, 1], [(0, 1, 1.0)],
                      directed=False, multigraph=False, weighted=False, pseed=113))
    cases.append(Case("single", "one node 0, no edge", [0], [],
                      directed=False, multigraph=False, weighted=False, pseed=114))
    return cases


# --------------------------------------------------------------------------- helpers


def max_diff(a: dict, b: dict) -> float:
    if set(a) != set(b):
        return math.inf
    return max((abs(a[k] - b[k]) for k in a), default=0.0)


def vec_to_dict(case: Case, vec) -> dict:
    return {case.nodes[i]: clean(x) for i, x in enumerate(vec)}


def node_values(d: dict) -> dict:
    return {str(k): clean(v) for k, v in d.items()}


def unit2(vec):
    vec = np.asarray(vec, dtype=float)
    vec = vec / np.linalg.norm(vec)
    return vec if vec.sum() >= 0 else -vec


def entry(call, params, kind, values, note=None):
    e = {"call": call, "params": params, "kind": kind, "values": values}
    if note:
        e["note"] = note
    return e


def igraph_check(case, key, e, ig_values, call, rescale_note, *, tol, expected_difference=None,
                 sanity=None):
    """Compare igraph (already rescaled to networkx's convention) with networkx.

    expected_difference: reason why the two may legitimately differ (a convention that
    no rescaling bridges). If they differ and there is no such reason, that is a failure.
    sanity: optional (label, values) computed with igraph in networkx's convention that
    must agree (used to show a difference is only the declared convention)."""
    d = max_diff(e["values"], ig_values)
    agrees = d <= tol
    e["igraph_call"] = call
    e["igraph_agrees"] = agrees
    note = rescale_note
    if not agrees:
        if expected_difference is None:
            problem(f"{case.name}: {key}: igraph disagrees with networkx (max |diff| = {d:g})")
        else:
            note = (note + " " if note else "") + "Differs by convention: " + expected_difference
            e["igraph_values"] = ig_values
    if sanity is not None:
        label, sv = sanity
        sd = max_diff(e["values"], sv)
        if sd > tol:
            problem(f"{case.name}: {key}: igraph ({label}) disagrees with networkx (max |diff| = {sd:g})")
        else:
            note = (note + " " if note else "") + f"igraph {label} agrees with networkx."
    if note:
        e["igraph_note"] = note


def crosscheck(case, key, e, label, other, tol=TOL_ITERATIVE):
    d = max_diff(e["values"], other)
    if d > tol:
        problem(f"{case.name}: {key}: {label} disagrees with the stored value (max |diff| = {d:g})")
    e.setdefault("networkx_crosscheck", []).append(label)


# --------------------------------------------------------------------------- measures


def degree_measures(case, M):
    G, g = case.G, case.igraph()
    defs = [("degree", "G.degree", None, "all")]
    defs.append(("strength", "G.degree", "weight", "all"))
    if case.directed:
        defs += [
            ("in_degree", "G.in_degree", None, "in"),
            ("out_degree", "G.out_degree", None, "out"),
            ("in_strength", "G.in_degree", "weight", "in"),
            ("out_strength", "G.out_degree", "weight", "out"),
        ]
    for key, call, w, mode in defs:
        view = {"G.degree": G.degree, "G.in_degree": getattr(G, "in_degree", None),
                "G.out_degree": getattr(G, "out_degree", None)}[call]
        vals = {v: clean(d) for v, d in view(weight=w)}
        e = entry(call, {"weight": w}, "exact", vals)
        if w is None:
            igv = vec_to_dict(case, g.degree(mode=mode))
            igc = f"g.degree(mode='{mode}')"
        else:
            igv = vec_to_dict(case, g.strength(mode=mode, weights="weight"))
            igc = f"g.strength(mode='{mode}', weights='weight')"
        igraph_check(case, key, e, igv, igc, "", tol=TOL_EXACT)
        M[key] = e


def reach_counts(case, g):
    """(out_reach, in_reach): nodes reachable from / reaching each node, itself excluded."""
    n = len(case.nodes)
    if case.directed:
        out_r = [len(g.subcomponent(i, mode="out")) - 1 for i in range(n)]
        in_r = [len(g.subcomponent(i, mode="in")) - 1 for i in range(n)]
    else:
        out_r = in_r = [len(g.subcomponent(i)) - 1 for i in range(n)]
    return out_r, in_r


def exact_inverse_graph(G):
    """Copy of G whose 'dist' is the exact rational 1/weight."""
    H = G.copy()
    if H.is_multigraph():
        for _, _, _, d in H.edges(keys=True, data=True):
            d["dist"] = 1 / Fraction(d["weight"])
    else:
        for _, _, d in H.edges(data=True):
            d["dist"] = 1 / Fraction(d["weight"])
    return H


MULTI_PATH_NOTE = (
    "MultiGraph: networkx's shortest paths use, per pair, the parallel edge with the smallest value of the "
    "attribute (weight='weight': smallest weight; weight='dist': smallest 1/weight, i.e. the largest weight) and "
    "ignore multiplicity for unweighted paths (asserted equal to the same call on that collapsed simple graph).")


def inverse_note(exact: dict, flt: dict) -> str:
    base = ("dist = 1/weight held as exact rationals (fractions.Fraction) so that equal-length paths tie exactly; "
            "implementations on floats should compare path lengths with a small relative tolerance.")
    d = max_diff(exact, flt)
    if d > TOL_EXACT:
        k = sum(1 for x in exact if abs(exact[x] - flt[x]) > TOL_EXACT)
        return base + (f" Here float 1/weight (networkx compares floats exactly) misses ties: {k} values differ, "
                       f"by up to {d:.6g}.")
    return base


def betweenness_measures(case, M, S):
    G, g = case.G, case.igraph()
    n = len(case.nodes)
    directed = case.directed
    c = 1 if directed else 2
    out_r, in_r = reach_counts(case, g)
    Gx = exact_inverse_graph(G)
    if case.multigraph:
        H = case.collapsed_min()
        Hx = case.collapsed_min(exact_dist=True)
        gH = ig.Graph(n=n, edges=[(case.index[u], case.index[v]) for u, v in H.edges()], directed=directed)
        gH.es["weight"] = [H[u][v]["weight"] for u, v in H.edges()]
        gH.es["dist"] = [H[u][v]["dist"] for u, v in H.edges()]

    for wlabel, attr in WEIGHT_MODES:
        igw = attr
        raw_ig = g.betweenness(directed=directed, weights=igw)
        for normalized in (True, False):
            for endpoints in (True, False):
                key = f"betweenness[weight={wlabel},normalized={btoken(normalized)},endpoints={btoken(endpoints)}]"
                params = {"weight": attr, "normalized": normalized, "endpoints": endpoints}
                notes = []
                if attr == "dist":
                    # reference: exact rational 1/weight, so equal-length paths tie exactly
                    vals = node_values(nx.betweenness_centrality(Gx, normalized=normalized, weight=attr, endpoints=endpoints))
                    flt = node_values(nx.betweenness_centrality(G, normalized=normalized, weight=attr, endpoints=endpoints))
                    notes.append(inverse_note(vals, flt))
                else:
                    vals = node_values(nx.betweenness_centrality(G, normalized=normalized, weight=attr, endpoints=endpoints))
                if case.multigraph:
                    HH = Hx if attr == "dist" else H
                    ref = node_values(nx.betweenness_centrality(HH, normalized=normalized, weight=attr, endpoints=endpoints))
                    if max_diff(vals, ref) > TOL_EXACT:
                        problem(f"{case.name}: {key}: networkx on the MultiGraph differs from the min-collapsed simple graph")
                    notes.append(MULTI_PATH_NOTE)
                e = entry("nx.betweenness_centrality", params, "exact", vals, " ".join(notes) or None)

                def to_nx(raw, norm=normalized, endp=endpoints):
                    out = []
                    for i in range(n):
                        ordered = c * raw[i] + ((out_r[i] + in_r[i]) if endp else 0)
                        N = n if endp else n - 1
                        if N < 2:  # networkx skips rescaling (every value is 0 then)
                            out.append(ordered)
                            continue
                        out.append(ordered / (N * (N - 1)) if norm else ordered / c)
                    return out

                rescale = ("igraph counts each unordered pair once (undirected) and has no normalisation or "
                           "endpoints option: value*2 for undirected, + (nodes reachable from v) + (nodes reaching v) "
                           "if endpoints, then /(N*(N-1)) with N = n (endpoints) or n-1 if normalized, else /2 "
                           "for undirected (no rescaling when N < 2).")
                expected = None
                sanity = None
                if case.multigraph:
                    expected = ("igraph counts every parallel edge as a separate shortest path (sigma is multiplied "
                                "by the multiplicity of each edge used); networkx counts a pair of adjacent nodes once.")
                    sanity = ("on the simple graph keeping the lightest parallel edge",
                              vec_to_dict(case, to_nx(gH.betweenness(directed=directed, weights=igw))))
                igraph_check(case, key, e, vec_to_dict(case, to_nx(raw_ig)),
                             f"g.betweenness(directed={directed}, weights={igw!r})", rescale,
                             tol=TOL_EXACT, expected_difference=expected, sanity=sanity)
                M[key] = e

        # edge betweenness
        for normalized in (True, False):
            key = f"edge_betweenness[weight={wlabel},normalized={btoken(normalized)}]"
            if case.multigraph:
                S[key] = ("not computed for multigraphs: networkx keys MultiGraph edge betweenness by (u, v, key), "
                          "which has no counterpart in our 'u|v' keys")
                continue
            raw = nx.edge_betweenness_centrality(Gx if attr == "dist" else G, normalized=normalized, weight=attr)
            vals = {case.edge_key(u, v): clean(x) for (u, v), x in raw.items()}
            note = None
            if attr == "dist":
                rawf = nx.edge_betweenness_centrality(G, normalized=normalized, weight=attr)
                note = inverse_note(vals, {case.edge_key(u, v): clean(x) for (u, v), x in rawf.items()})
            e = entry("nx.edge_betweenness_centrality", {"weight": attr, "normalized": normalized}, "exact", vals, note)
            ieb = g.edge_betweenness(directed=directed, weights=attr)
            igv = {}
            for eid, x in enumerate(ieb):
                u, v = case.edges[eid][0], case.edges[eid][1]
                if normalized:
                    x = c * x / (n * (n - 1)) if n >= 2 else x
                igv[case.edge_key(u, v)] = clean(x)
            igraph_check(case, key, e, igv, f"g.edge_betweenness(directed={directed}, weights={attr!r})",
                         "normalized: igraph value *2 (undirected) /(n*(n-1)); unnormalized: equal.",
                         tol=TOL_EXACT)
            M[key] = e


def distance_measures(case, M):
    G, g = case.G, case.igraph()
    n = len(case.nodes)
    mode = "in" if case.directed else "all"
    _, in_r = reach_counts(case, g)
    H = case.collapsed_min() if case.multigraph else None
    mg_note = MULTI_PATH_NOTE
    for wlabel, attr in WEIGHT_MODES:
        igc_raw = g.closeness(mode=mode, weights=attr, normalized=True)
        for wf in (True, False):
            key = f"closeness[distance={wlabel},wf_improved={btoken(wf)}]"
            vals = node_values(nx.closeness_centrality(G, distance=attr, wf_improved=wf))
            e = entry("nx.closeness_centrality", {"distance": attr, "wf_improved": wf}, "exact", vals)
            if case.directed:
                e["note"] = "directed: networkx computes closeness from INCOMING distances (d(u, v) for u -> v)."
            if H is not None:
                if max_diff(vals, node_values(nx.closeness_centrality(H, distance=attr, wf_improved=wf))) > TOL_EXACT:
                    problem(f"{case.name}: {key}: networkx MultiGraph differs from min-collapsed graph")
                e["note"] = mg_note
            igv = []
            for i in range(n):
                x = igc_raw[i]
                x = 0.0 if (x is None or math.isnan(x)) else x
                if wf:
                    x = x * in_r[i] / (n - 1) if n > 1 else 0.0
                igv.append(x)
            igraph_check(case, key, e, vec_to_dict(case, igv),
                         f"g.closeness(mode='{mode}', weights={attr!r}, normalized=True)",
                         "igraph averages over the reachable nodes only (= networkx wf_improved=False) and gives NaN "
                         "where nothing is reached (networkx: 0.0); NaN -> 0, and for wf_improved=True "
                         "multiplied by (r-1)/(n-1), r = nodes that reach v (itself included).",
                         tol=TOL_EXACT)
            M[key] = e
        key = f"harmonic[distance={wlabel}]"
        vals = node_values(nx.harmonic_centrality(G, distance=attr))
        e = entry("nx.harmonic_centrality", {"distance": attr}, "exact", vals)
        if case.directed:
            e["note"] = "directed: networkx sums 1/d(u, v) over sources u (INCOMING distances)."
        if H is not None:
            if max_diff(vals, node_values(nx.harmonic_centrality(H, distance=attr))) > TOL_EXACT:
                problem(f"{case.name}: {key}: networkx MultiGraph differs from min-collapsed graph")
            e["note"] = mg_note
        igh = [0.0 if math.isnan(x) else x for x in g.harmonic_centrality(mode=mode, weights=attr, normalized=False)]
        igraph_check(case, key, e, vec_to_dict(case, igh),
                     f"g.harmonic_centrality(mode='{mode}', weights={attr!r}, normalized=False)",
                     "networkx's harmonic centrality is the unnormalised sum, as igraph's normalized=False.",
                     tol=TOL_EXACT)
        M[key] = e


# ---- spectral / iterative


def spectral_graph(case):
    """(graph for networkx, attr for weight=none, attr for weight=weight, note)."""
    if case.multigraph:
        return (case.summed(), "multiplicity", "weight",
                "MultiGraph: computed on the simple graph with A_ij = sum of parallel weights "
                "(weight=weight) or A_ij = number of parallel edges (weight=none, passed as weight='multiplicity').")
    return case.G, None, "weight", None


def dense_eigenvector(A):
    vals, vecs = np.linalg.eig(A.T)  # left eigenvector of A: x_j = sum_i x_i A_ij
    k = int(np.argmax(vals.real))
    return unit2(np.abs(vecs[:, k].real)), float(vals[k].real)


def spectral_radius(A):
    if not A.any():
        return 0.0
    if np.allclose(A, A.T):
        return float(np.max(np.abs(np.linalg.eigvalsh(A))))
    return float(np.max(np.abs(np.linalg.eigvals(A))))


def is_connected_for_eigen(case):
    if len(case.nodes) < 2 or not case.edges:
        return False
    return nx.is_strongly_connected(case.G) if case.directed else nx.is_connected(case.G)


def eigenvector_measures(case, M, S):
    H, a_none, a_w, mg_note = spectral_graph(case)
    g = case.igraph()
    bip = (not case.directed) and len(case.nodes) > 1 and nx.is_bipartite(case.G)
    for wlabel, attr, labelattr in (("none", a_none, None), ("weight", a_w, "weight")):
        key = f"eigenvector[weight={wlabel}]"
        if not case.edges:
            S[key] = "no edges: the adjacency matrix is zero (lambda_max = 0), eigenvector centrality is undefined"
            continue
        if not is_connected_for_eigen(case):
            S[key] = ("graph is not " + ("strongly connected" if case.directed else "connected")
                      + ": the dominant eigenvector is not unique / not positive, eigenvector centrality is ill-defined")
            continue
        params = {"weight": attr, **ITER}
        vals = node_values(nx.eigenvector_centrality(H, weight=attr, **ITER))
        notes = []
        if case.directed:
            notes.append("directed: networkx uses in-edges (left eigenvector, x_v = sum_u x_u A_uv / lambda).")
        if mg_note:
            notes.append(mg_note)
        if bip:
            notes.append("bipartite: -lambda_max is an eigenvalue too; networkx iterates with A+I, so the power "
                         "iteration still converges to the (unique) Perron vector.")
        e = entry("nx.eigenvector_centrality", params, "iterative", vals, " ".join(notes) or None)
        A = case.adjacency(labelattr)
        dv, _ = dense_eigenvector(A)
        crosscheck(case, key, e, "numpy.linalg.eig (dense, left Perron vector, unit 2-norm)", vec_to_dict(case, dv))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                nv = node_values(nx.eigenvector_centrality_numpy(H, weight=attr, max_iter=100000))
            crosscheck(case, key, e, "nx.eigenvector_centrality_numpy", nv)
        except Exception as exc:  # tiny graphs: ARPACK needs n >= 3
            e["note"] = ((e.get("note") or "") + f" nx.eigenvector_centrality_numpy not usable here "
                         f"({type(exc).__name__}); cross-checked with dense numpy.").strip()
        igv = unit2(g.eigenvector_centrality(directed=True, scale=True, weights=labelattr))
        igraph_check(case, key, e, vec_to_dict(case, igv),
                     f"g.eigenvector_centrality(directed=True, scale=True, weights={labelattr!r})",
                     "igraph scales to max 1; rescaled to unit Euclidean norm as networkx. igraph sums parallel "
                     "edges in the adjacency matrix (our convention).", tol=TOL_ITERATIVE)
        M[key] = e


def katz_measures(case, M, S):
    H, a_none, a_w, mg_note = spectral_graph(case)
    for wlabel, attr, labelattr in (("none", a_none, None), ("weight", a_w, "weight")):
        key = f"katz[alpha=0.5/lambda_max,weight={wlabel}]"
        A = case.adjacency(labelattr)
        lam = spectral_radius(A)
        if lam < 1e-12:
            S[key] = "lambda_max of the adjacency matrix is 0, so alpha = 0.5/lambda_max is undefined"
            continue
        alpha = float(f"{0.5 / lam:.12g}")
        params = {"alpha": alpha, "beta": 1.0, "normalized": True, "weight": attr, **ITER,
                  "lambda_max": float(f"{lam:.15g}")}
        vals = node_values(nx.katz_centrality(H, alpha=alpha, beta=1.0, normalized=True, weight=attr, **ITER))
        notes = ["alpha = 0.5/lambda_max (spectral radius of the " + ("weighted " if labelattr else "")
                 + "adjacency matrix, numpy) rounded to 12 significant digits; the stored alpha is the exact value used."]
        if case.directed:
            notes.append("directed: networkx uses in-edges, x_v = alpha * sum_u A_uv x_u + beta.")
        if mg_note:
            notes.append(mg_note)
        e = entry("nx.katz_centrality", params, "iterative", vals, " ".join(notes))
        nv = node_values(nx.katz_centrality_numpy(H, alpha=alpha, beta=1.0, normalized=True, weight=attr))
        crosscheck(case, key, e, "nx.katz_centrality_numpy", nv)
        n = len(case.nodes)
        x = np.linalg.solve(np.eye(n) - alpha * A.T, np.ones(n))
        crosscheck(case, key, e, "numpy.linalg.solve((I - alpha A^T) x = 1), unit 2-norm", vec_to_dict(case, unit2(x)))
        M[key] = e


def dense_pagerank(case, alpha, attr, personalization):
    n = len(case.nodes)
    A = case.adjacency(attr)
    if personalization is None:
        p = np.full(n, 1.0 / n)
    else:
        p = np.array([personalization.get(v, 0.0) for v in case.nodes], dtype=float)
        p /= p.sum()
    out = A.sum(axis=1)
    W = np.zeros((n, n))
    for i in range(n):
        W[i] = A[i] / out[i] if out[i] > 0 else p  # dangling rows jump by p
    Gm = alpha * W + (1 - alpha) * np.outer(np.ones(n), p)
    # x^T Gm = x^T, sum x = 1
    Msys = np.eye(n) - Gm.T
    Msys[-1, :] = 1.0
    rhs = np.zeros(n)
    rhs[-1] = 1.0
    return np.linalg.solve(Msys, rhs)


def pagerank_measures(case, M):
    G, g = case.G, case.igraph()
    n = len(case.nodes)
    rng = random.Random(case.pseed)
    k = max(1, round(n / 3))
    chosen = set(rng.sample(case.nodes, k))
    pers = {v: float(rng.randint(1, 9)) for v in case.nodes if v in chosen}
    variants = [
        ("pagerank[alpha=0.85,weight=none]", 0.85, None, None),
        ("pagerank[alpha=0.85,weight=weight]", 0.85, "weight", None),
        ("pagerank[alpha=0.85,weight=weight,personalized]", 0.85, "weight", pers),
        ("pagerank[alpha=0.5,weight=none]", 0.5, None, None),
    ]
    for key, alpha, attr, pz in variants:
        params = {"alpha": alpha, "weight": attr, **ITER}
        if pz is not None:
            params["personalization"] = pz
        vals = node_values(nx.pagerank(G, alpha=alpha, weight=attr, personalization=pz, **ITER))
        notes = []
        if not case.directed:
            notes.append("undirected: each edge is a pair of opposite arcs.")
        notes.append("dangling nodes (no out-arcs) jump according to the personalization vector "
                     "(uniform when none), networkx's dangling=None.")
        if pz is not None:
            notes.append("personalization values are normalised to sum 1 by networkx; nodes not listed get 0.")
        if case.multigraph:
            H = case.summed()
            hv = node_values(nx.pagerank(H, alpha=alpha, weight=("weight" if attr else "multiplicity"),
                                         personalization=pz, **ITER))
            if max_diff(vals, hv) > TOL_ITERATIVE:
                problem(f"{case.name}: {key}: networkx MultiGraph pagerank is not the summed-weights pagerank")
            notes.append("MultiGraph: networkx sums parallel weights (count 1 per parallel edge when unweighted); "
                         "asserted equal to pagerank on the summed simple graph.")
        e = entry("nx.pagerank", params, "iterative", vals, " ".join(notes))
        crosscheck(case, key, e, "numpy.linalg.solve on the dense Google matrix",
                   vec_to_dict(case, dense_pagerank(case, alpha, attr, pz)))
        if pz is None:
            igv = g.pagerank(directed=True, damping=alpha, weights=attr, implementation="prpack")
            igc = f"g.pagerank(directed=True, damping={alpha}, weights={attr!r}, implementation='prpack')"
        else:
            reset = [pz.get(v, 0.0) for v in case.nodes]
            igv = g.personalized_pagerank(directed=True, damping=alpha, reset=reset, weights=attr,
                                          implementation="prpack")
            igc = (f"g.personalized_pagerank(directed=True, damping={alpha}, reset=<personalization in node order>, "
                   f"weights={attr!r}, implementation='prpack')")
        igraph_check(case, key, e, vec_to_dict(case, igv), igc, "", tol=TOL_ITERATIVE)
        M[key] = e


def hits_measures(case, M, S):
    G, g = case.G, case.igraph()
    keys = ("hits_hubs", "hits_authorities")
    if not case.edges:
        for k in keys:
            S[k] = "no edges: A = 0, HITS is undefined"
        return
    if not case.directed and not nx.is_connected(G):
        for k in keys:
            S[k] = "undirected graph is not connected: the dominant eigenvector of A^T A is not unique"
        return
    A = case.adjacency("weight")
    U, sv, Vt = np.linalg.svd(A)
    if len(sv) > 1 and (sv[0] - sv[1]) <= 1e-8 * sv[0]:
        reason = (f"the largest singular value of A is not simple (sigma1 = sigma2 = {sv[0]:.6g}"
                  + ("; the graph is bipartite, so -lambda_max is an eigenvalue too" if not case.directed
                     and nx.is_bipartite(G) else "")
                  + "): hub and authority vectors are not unique, networkx's answer depends on the ARPACK start vector")
        for k in keys:
            S[k] = reason
        return
    # nstart (the ARPACK start vector) fixed to all-ones: without it scipy's svds draws a random
    # start vector and the last digits change from run to run.
    nstart = {v: 1.0 for v in case.nodes}
    hubs, auths = nx.hits(G, max_iter=100000, tol=1e-13, nstart=nstart, normalized=True)
    a = np.abs(Vt[0])
    h = A @ a
    dense = {"hits_hubs": h / h.sum(), "hits_authorities": a / a.sum()}
    with warnings.catch_warnings():
        # igraph warns that undirected hubs = authorities = eigenvector centrality, and (directed_sparse)
        # that many scores are 0; uniqueness is checked above via the singular-value gap.
        warnings.simplefilter("ignore", RuntimeWarning)
        igs = {"hits_hubs": g.hub_score(weights="weight", scale=True),
               "hits_authorities": g.authority_score(weights="weight", scale=True)}
    notes = ["nx.hits always weights by the edge attribute 'weight' (it has no weight parameter); "
             "values normalised to sum 1. nstart (the ARPACK start vector of scipy's svds) is all-ones so the "
             "last digits are reproducible; the solution itself does not depend on it (sigma1 is simple)."]
    if case.multigraph:
        notes.append("MultiGraph: A_ij = sum of parallel weights (networkx's adjacency_matrix).")
    if not case.directed:
        notes.append("undirected: hubs = authorities = Perron vector of A (sum-normalised).")
    for key, vals in (("hits_hubs", hubs), ("hits_authorities", auths)):
        e = entry("nx.hits", {"max_iter": 100000, "tol": 1e-13, "normalized": True, "nstart": "all-ones"},
                  "iterative",
                  node_values(vals), " ".join(notes))
        crosscheck(case, key, e, "numpy.linalg.svd (dense, leading singular vectors, sum 1)",
                   vec_to_dict(case, dense[key]))
        iv = np.asarray(igs[key], dtype=float)
        igraph_check(case, key, e, vec_to_dict(case, iv / iv.sum()),
                     f"g.{'hub_score' if key == 'hits_hubs' else 'authority_score'}(weights='weight', scale=True)",
                     "igraph scales to max 1; rescaled to sum 1 as networkx.", tol=TOL_ITERATIVE)
        M[key] = e


# --------------------------------------------------------------------------- main


def compute_case(case: Case) -> dict:
    M: dict = {}
    S: dict = {}
    degree_measures(case, M)
    betweenness_measures(case, M, S)
    distance_measures(case, M)
    eigenvector_measures(case, M, S)
    pagerank_measures(case, M)
    katz_measures(case, M, S)
    hits_measures(case, M, S)
    return {
        "name": case.name,
        "description": case.description,
        "directed": case.directed,
        "multigraph": case.multigraph,
        "weighted": case.weighted,
        "nodes": case.nodes,
        "edges": [[u, v, w] for u, v, w in case.edges],
        "measures": M,
        "skipped": S,
    }


def main() -> int:
    if len(sys.argv) > 1:
        print(__doc__)
        return 2
    if os.environ.get("PYTHONHASHSEED") != "0":
        # networkx iterates over sets of node ids (e.g. nx.harmonic_centrality), so float sums
        # depend on string hashing; fix it so the last digits are reproducible.
        os.execve(sys.executable, [sys.executable, str(SCRIPT)], {**os.environ, "PYTHONHASHSEED": "0"})
    cases = build_cases()
    out_cases = []
    for case in cases:
        out_cases.append(compute_case(case))
        c = out_cases[-1]
        print(f"{case.name:16s} n={len(case.nodes):3d} m={len(case.edges):4d} "
              f"measures={len(c['measures']):3d} skipped={len(c['skipped'])}", file=sys.stderr)
    if PROBLEMS:
        print(f"\n{len(PROBLEMS)} problem(s); {OUT} not written.", file=sys.stderr)
        return 1
    doc = {
        "generator": GENERATOR,
        "networkx": nx.__version__,
        "igraph": ig.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "python": platform.python_version(),
        "tolerance": {"exact": TOL_EXACT, "iterative": TOL_ITERATIVE},
        "weight_choices": WEIGHT_CHOICES,
        "cases": out_cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, indent=1, sort_keys=True, allow_nan=False, ensure_ascii=False) + "\n"
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)} ({len(text.encode('utf-8'))} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
