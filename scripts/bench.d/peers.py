"""One peer case of scripts/bench: load a prepared graph (untimed), time one operation.

    python3 peers.py --tool igraph --op pagerank --size-dir .bench --size M --runs 3 [--budget S]
    python3 peers.py --tool networkit --op betweenness-kadabra ... --max-error
    python3 peers.py --check-scales

Prints one JSON line per run as it finishes ({"run": seconds}), so a case killed at the cap keeps
the runs it finished, then one JSON object like actornet-bench's: op, tool, seconds, facts.
With --max-error, the approximate betweenness ops then compute exact betweenness once (untimed)
and report maxError, the largest |estimate − exact| of the last run, in networkx's normalisation.

What each tool is given (prepared once per size by prepare.py from the arrays that
`actornet-bench --op export-edges` writes, so every tool sees the graph ActorNet reads):
- path measures: the positive relations as a simple undirected graph, parallel relations merged
  into one link of the shortest length (distance = 1 / the largest weight of the pair);
- spectral measures: the same pairs with the summed weight (what ActorNet's adjacency sums);
- degree and graph construction: every positive relation, parallel ones kept (a multigraph);
- signed triangles: one tie per pair with the sign of Σ sign × weight (pairs summing to 0 left out);
- read/write GraphML and write DOT: the GraphML file itself (see prepare.peer_graphml).

Approximate betweenness, networkit's scales (undirected graphs, b(v) = Σ_{s≠t} σ_st(v)/σ_st over
the n(n − 1) ordered pairs, networkx's normalised value b(v)·n/(n − 2)):
- KadabraBetweenness.scores() = 2·b(v) (its estimate of b(v), doubled for undirected graphs), so
  networkx's value is score·n/(2(n − 2));
- ApproxBetweenness.scores() = b(v) (each sample adds 1/r to the inner actors of one path), so
  networkx's value is score·n/(n − 2);
- Betweenness(normalized=True) is networkx's normalisation already.
--check-scales verifies the three on the Florentine families against networkx.
"""
import argparse
import json
import os
import sys
import time

import numpy as np

PAGERANK_DAMPING = 0.85
# The approximate betweenness ops' bound, as actornet-bench's defaults.
EPSILON, DELTA = 0.01, 0.1
# ActorNet stops when Σ|x − x_prev| < n × 1e-12 (networkx's criterion, with its tol = 1e-12).
TOLERANCE = 1e-12


def scores_facts(values):
    values = np.asarray(values, dtype=float)
    if values.size == 0:
        return {"top": None, "share": None}
    top = int(np.argmax(values))  # the first maximum: the lowest index among ties
    total = float(values.sum())
    return {"top": top, "share": float(values[top] / total) if total else 0.0}


def load_views(size_dir, size):
    with np.load(os.path.join(size_dir, f"{size}.views.npz")) as data:
        return {key: data[key] for key in data.files}


# --- graph builders (untimed) --------------------------------------------------------------

def nx_graph(views, kind):
    import networkx as nx
    n = int(views["n"])
    if kind == "multi":
        g = nx.MultiGraph()
        g.add_nodes_from(range(n))
        g.add_weighted_edges_from(zip(views["multi_u"].tolist(), views["multi_v"].tolist(), views["multi_w"].tolist()))
        return g
    g = nx.Graph()
    g.add_nodes_from(range(n))
    if kind == "min":
        g.add_weighted_edges_from(zip(views["min_u"].tolist(), views["min_v"].tolist(), views["min_dist"].tolist()),
                                  weight="dist")
    elif kind == "sum":
        g.add_weighted_edges_from(zip(views["sum_u"].tolist(), views["sum_v"].tolist(), views["sum_w"].tolist()))
    elif kind == "simple":
        g.add_edges_from(zip(views["min_u"].tolist(), views["min_v"].tolist()))
    return g


def ig_graph(views, kind):
    import igraph as ig
    n = int(views["n"])
    prefix = {"multi": "multi", "min": "min", "sum": "sum", "simple": "min", "signed": "signed"}[kind]
    edges = np.column_stack([views[f"{prefix}_u"], views[f"{prefix}_v"]]).astype(np.int64)
    g = ig.Graph(n=n, edges=edges.tolist(), directed=False)
    if kind == "multi":
        g.es["weight"] = views["multi_w"].tolist()
    elif kind == "min":
        g.es["dist"] = views["min_dist"].tolist()
    elif kind == "sum":
        g.es["weight"] = views["sum_w"].tolist()
    elif kind == "signed":
        g.es["sign"] = views["signed_sign"].tolist()
    return g


def nk_graph(views, kind):
    import networkit as nk
    n = int(views["n"])
    prefix = {"multi": "multi", "min": "min", "sum": "sum", "simple": "min"}[kind]
    u = views[f"{prefix}_u"].astype(np.uint64)
    v = views[f"{prefix}_v"].astype(np.uint64)
    weights = {"multi": "multi_w", "min": "min_dist", "sum": "sum_w"}.get(kind)
    g = nk.Graph(n, weighted=weights is not None, directed=False)
    if weights is None:
        g.addEdges((u, v))
    else:
        g.addEdges((views[weights].astype(np.float64), (u, v)))
    return g


# --- operations: each returns (setup, run); only run is timed -------------------------------

def case(tool, op, size_dir, size, out):
    graphml = os.path.join(size_dir, f"{size}.peer.graphml")
    # Imported before any timing (the builders below import again, from the module cache).
    __import__(tool)

    if op == "import":  # the interpreter and the library alone, for the RSS baseline
        return None, lambda _: {}

    if op in ("read-graphml", "load"):
        if tool == "networkx":
            import networkx as nx
            return None, lambda _: graph_counts_nx(nx.read_graphml(graphml))
        if tool == "igraph":
            import igraph as ig
            return None, lambda _: {"actors": (g := ig.Graph.Read_GraphML(graphml)).vcount(), "relations": g.ecount()}
        if tool == "networkit":
            import networkit as nk
            return None, lambda _: {"actors": (g := nk.graphio.GraphMLReader().read(graphml)).numberOfNodes(),
                                    "relations": g.numberOfEdges()}

    if op in ("write-graphml", "write-dot"):
        if tool == "networkx" and op == "write-graphml":
            import networkx as nx
            setup = lambda: nx.read_graphml(graphml)
            return setup, lambda g: (nx.write_graphml(g, out), {"bytes": os.path.getsize(out)})[1]
        if tool == "igraph":
            import igraph as ig
            setup = lambda: ig.Graph.Read_GraphML(graphml)
            writer = ig.Graph.write_graphml if op == "write-graphml" else ig.Graph.write_dot
            return setup, lambda g: (writer(g, out), {"bytes": os.path.getsize(out)})[1]
        if tool == "networkit" and op == "write-graphml":
            import networkit as nk
            setup = lambda: nk.graphio.GraphMLReader().read(graphml)
            return setup, lambda g: (nk.graphio.GraphMLWriter().write(g, out), {"bytes": os.path.getsize(out)})[1]

    views = load_views(size_dir, size)

    if op == "build-view":  # the graph object from in-memory arrays of every positive relation
        if tool == "networkx":
            return None, lambda _: {"edges": nx_graph(views, "multi").number_of_edges()}
        if tool == "igraph":
            return None, lambda _: {"edges": ig_graph(views, "multi").ecount()}
        if tool == "networkit":
            return None, lambda _: {"edges": nk_graph(views, "multi").numberOfEdges()}

    if op == "degree":
        if tool == "networkx":
            def run(g):
                degree = [d for _, d in g.degree()]
                strength = [d for _, d in g.degree(weight="weight")]
                return {**scores_facts(degree), "strengthTop": scores_facts(strength)["top"]}
            return lambda: nx_graph(views, "multi"), run
        if tool == "igraph":
            def run(g):
                return {**scores_facts(g.degree()), "strengthTop": scores_facts(g.strength(weights="weight"))["top"]}
            return lambda: ig_graph(views, "multi"), run

    if op in ("betweenness-unweighted", "betweenness-weighted", "closeness"):
        weighted = op != "betweenness-unweighted"
        kind = "min" if weighted else "simple"
        if tool == "networkx":
            import networkx as nx
            if op == "closeness":
                run = lambda g: scores_facts([c for _, c in sorted(nx.closeness_centrality(g, distance="dist").items())])
            else:
                run = lambda g: scores_facts(
                    [c for _, c in sorted(nx.betweenness_centrality(g, weight="dist" if weighted else None).items())])
            return lambda: nx_graph(views, kind), run
        if tool == "igraph":
            if op == "closeness":
                run = lambda g: scores_facts(np.nan_to_num(g.closeness(weights="dist")))
            else:
                run = lambda g: scores_facts(g.betweenness(directed=False, weights="dist" if weighted else None))
            return lambda: ig_graph(views, kind), run
        if tool == "networkit":
            import networkit as nk
            if op == "closeness":
                algorithm = lambda g: nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.GENERALIZED)
            else:
                algorithm = lambda g: nk.centrality.Betweenness(g, normalized=True)
            return lambda: nk_graph(views, kind), lambda g: scores_facts(algorithm(g).run().scores())

    if op in ("betweenness-kadabra", "betweenness-sampled") and tool == "networkit":
        n = int(views["n"])
        algorithm, to_networkx, samples = networkit_estimator(op, n)
        last = {}

        def run(g):
            estimator = algorithm(g).run()
            last["scores"] = estimator.scores()
            return {**scores_facts(last["scores"]), "samples": samples(estimator), "epsilon": EPSILON, "delta": DELTA}

        def max_error(g):
            import networkit as nk
            start = time.perf_counter()
            exact = np.asarray(nk.centrality.Betweenness(g, normalized=True).run().scores())
            estimate = np.asarray(last["scores"]) * to_networkx
            return {"maxError": float(np.max(np.abs(estimate - exact))), "exactSeconds": time.perf_counter() - start}
        return lambda: nk_graph(views, "simple"), run, max_error

    if op in ("pagerank", "eigenvector"):
        n = int(views["n"])
        if tool == "networkx":
            import networkx as nx
            if op == "pagerank":
                run = lambda g: scores_facts([c for _, c in sorted(
                    nx.pagerank(g, alpha=PAGERANK_DAMPING, weight="weight", tol=TOLERANCE, max_iter=10_000).items())])
            else:
                run = lambda g: scores_facts([c for _, c in sorted(
                    nx.eigenvector_centrality(g, weight="weight", tol=TOLERANCE, max_iter=10_000).items())])
            return lambda: nx_graph(views, "sum"), run
        if tool == "igraph":
            if op == "pagerank":
                run = lambda g: scores_facts(g.pagerank(damping=PAGERANK_DAMPING, weights="weight", directed=False))
            else:
                run = lambda g: scores_facts(g.eigenvector_centrality(weights="weight"))
            return lambda: ig_graph(views, "sum"), run
        if tool == "networkit":
            import networkit as nk
            if op == "pagerank":
                def algorithm(g):
                    pr = nk.centrality.PageRank(g, damp=PAGERANK_DAMPING, tol=n * TOLERANCE,
                                                distributeSinks=nk.centrality.SinkHandling.DistributeSinks)
                    pr.norm = nk.centrality.Norm.L1_NORM
                    pr.maxIterations = 10_000
                    return pr
            else:
                algorithm = lambda g: nk.centrality.EigenvectorCentrality(g, tol=n * TOLERANCE)
            return lambda: nk_graph(views, "sum"), lambda g: scores_facts(algorithm(g).run().scores())

    if op == "triangles" and tool == "igraph":
        # Signed census composed from igraph's triangle listing and a sign lookup in numpy.
        def run(g):
            triangles = np.asarray(g.list_triangles(), dtype=np.int64).reshape(-1, 3)
            sides = np.concatenate([triangles[:, [0, 1]], triangles[:, [1, 2]], triangles[:, [0, 2]]])
            signs = np.asarray(g.es["sign"], dtype=np.int8)
            negative = (signs[np.asarray(g.get_eids(sides.tolist()), dtype=np.int64)] < 0).reshape(3, -1).sum(axis=0)
            counts = np.bincount(negative, minlength=4)
            return {"+++": int(counts[0]), "++-": int(counts[1]), "+--": int(counts[2]), "---": int(counts[3])}
        return lambda: ig_graph(views, "signed"), run

    return None


def networkit_estimator(op, n, epsilon=EPSILON, delta=DELTA):
    """networkit's estimator for an op, the factor from its scores to networkx's normalised
    betweenness on an undirected graph of n nodes (see the module notes), and its sample count."""
    import networkit as nk
    if op == "betweenness-kadabra":
        return (lambda g: nk.centrality.KadabraBetweenness(g, epsilon, delta), n / (2 * (n - 2)),
                lambda a: a.getNumberOfIterations())
    return (lambda g: nk.centrality.ApproxBetweenness(g, epsilon=epsilon, delta=delta), n / (n - 2),
            lambda a: a.numberOfSamples())


def check_scales():
    """networkit's three betweenness scales, converted, against networkx.betweenness_centrality
    on the Florentine families (15 actors, where n/(n − 2) = 1.15 tells the scales apart): exact
    to 1e-12; the estimates (ε = 0.002) by the ratio of their sums to the exact sum, within 5 %.
    (networkit's Kadabra runs about 1 % high: its first, guessing round's counts stay in the
    frames it samples into next, which count only the new samples.)"""
    import networkit as nk
    import networkx as nx
    reference = nx.florentine_families_graph()
    names = sorted(reference.nodes())
    index = {name: i for i, name in enumerate(names)}
    n = len(names)
    g = nk.Graph(n)
    for u, v in reference.edges():
        g.addEdge(index[u], index[v])
    expected = np.array([nx.betweenness_centrality(reference)[name] for name in names])
    exact = np.asarray(nk.centrality.Betweenness(g, normalized=True).run().scores())
    out = {"graph": "networkx.florentine_families_graph()", "actors": n,
           "exactMaxError": float(np.max(np.abs(exact - expected)))}
    ok = out["exactMaxError"] <= 1e-12
    for op, key in (("betweenness-kadabra", "kadabra"), ("betweenness-sampled", "approx")):
        algorithm, to_networkx, _ = networkit_estimator(op, n, epsilon=0.002, delta=0.1)
        estimate = np.asarray(algorithm(g).run().scores()) * to_networkx
        ratio = float(estimate.sum() / expected.sum())
        out[key + "SumRatio"] = ratio
        out[key + "MaxError"] = float(np.max(np.abs(estimate - expected)))
        ok = ok and abs(ratio - 1) <= 0.05
    out["ok"] = ok
    out["summary"] = (f"exact max error {out['exactMaxError']:.2g}; Kadabra × n/(2(n−2)) sum ratio "
                      f"{out['kadabraSumRatio']:.4f}; ApproxBetweenness × n/(n−2) sum ratio {out['approxSumRatio']:.4f}")
    return out


def graph_counts_nx(g):
    return {"actors": g.number_of_nodes(), "relations": g.number_of_edges()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check-scales", action="store_true",
                        help="only check networkit's betweenness scales against networkx (prints one JSON object)")
    parser.add_argument("--tool", choices=["networkx", "igraph", "networkit"])
    parser.add_argument("--op")
    parser.add_argument("--size-dir")
    parser.add_argument("--size")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--budget", type=float, help="stop repeating once this many seconds are spent on runs")
    parser.add_argument("--out", help="output file of the write ops")
    parser.add_argument("--max-error", action="store_true",
                        help="approximate ops: then compute exact betweenness (untimed) and report maxError")
    args = parser.parse_args()

    if args.check_scales:
        result = check_scales()
        print(json.dumps(result, sort_keys=True), flush=True)
        sys.exit(0 if result["ok"] else 1)
    missing = [o for o in ("tool", "op", "size_dir", "size") if getattr(args, o) is None]
    if missing:
        parser.error("missing " + ", ".join("--" + o.replace("_", "-") for o in missing))
    found = case(args.tool, args.op, args.size_dir, args.size, args.out)
    if found is None:
        print(f"peers.py: {args.tool} has no '{args.op}' case", file=sys.stderr)
        sys.exit(64)
    setup, run, untimed = found if len(found) == 3 else (*found, None)
    if args.max_error and untimed is None:
        print(f"peers.py: --max-error applies to the approximate betweenness ops, not to '{args.op}'", file=sys.stderr)
        sys.exit(64)
    state = setup() if setup else None
    runs = 1 if args.op in ("load", "import") else args.runs
    seconds, facts = [], {}
    for _ in range(runs):
        start = time.perf_counter()
        facts = run(state)
        seconds.append(time.perf_counter() - start)
        print(json.dumps({"run": seconds[-1]}), flush=True)
        if args.budget and sum(seconds) >= args.budget:
            break
    if args.max_error:
        facts = {**facts, **untimed(state)}
    print(json.dumps({"op": args.op, "tool": args.tool, "seconds": seconds, **facts}, sort_keys=True), flush=True)


if __name__ == "__main__":
    main()
