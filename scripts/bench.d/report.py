"""Renders scripts/bench's results (.bench/results.json) as BENCHMARKS.md.

Every number in the file comes from the results; the only hand-written parts are the static
explanations here and the profile notes in profiles.md, which are included as they are.
"""
import os
import statistics

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = ["networkx", "igraph", "networkit"]
SIZE_ORDER = ["S", "M", "L", "XL"]
NETWORKX_SPEEDUP = 20
VIEW_BYTES_GOAL = 24
NOT_COMPARABLE = {
    ("write-graphml", "networkit"): "structure and weights only",
    ("read-graphml", "networkit"): "structure only",
}
CONVENTION = {
    ("closeness", "igraph"): "igraph's closeness has no Wasserman–Faust correction (each actor over the actors it reaches), so its top actor may differ",
    ("eigenvector", "igraph"): "igraph solves with ARPACK (not power iteration on A + I)",
    ("eigenvector", "networkit"): "networkit stops on its own criterion at tol = n × 1e-12, 1e-6 at a million actors, "
                                  "so its scores carry an error of about 1e-4 of their value there",
}
TIME_OPS_EXCLUDED = {"load", "import", "betweenness-accuracy"}
# The order of the rows (the results file sorts its keys).
OP_ORDER = ["read-graphml", "write-graphml", "write-dot", "build-view", "degree", "betweenness-unweighted",
            "betweenness-weighted", "betweenness-kadabra", "betweenness-kadabra-weighted", "betweenness-sampled",
            "betweenness-accuracy", "closeness",
            "pagerank", "eigenvector", "triangles", "hedging", "frustration", "load", "import"]
APPROXIMATE = ["betweenness-kadabra", "betweenness-kadabra-weighted", "betweenness-sampled"]
ESTIMATORS = {"paths": "sampled paths (KADABRA)", "sources": "sampled sources (Brandes–Pich)"}
DISTANCES = {"unit": "unit distance", "inverse": "distance 1/weight", "weight": "distance = weight"}


def estimator(check):
    """An accuracy check's estimator and, when not hop counts, its distance."""
    text = ESTIMATORS.get(check["method"], check["method"])
    distance = check.get("distance", "unit")
    return text if distance == "unit" else f"{text}, {DISTANCES.get(distance, distance)}"


FRACTIONS = {0.25: "¼", 0.5: "½"}
TOOL_NAMES = {"actornet": "ActorNet", "networkx": "networkx", "igraph": "igraph", "networkit": "networkit"}


def ordered_ops(results):
    return [op for op in OP_ORDER if op in results["plan"]] + [op for op in results["plan"] if op not in OP_ORDER]


def ordered_goals(results):
    def rank(key):
        op, size = key.split("@")
        return (SIZE_ORDER.index(size) if size in SIZE_ORDER else 99, OP_ORDER.index(op) if op in OP_ORDER else 99)
    return [(key, results["goals"][key]) for key in sorted(results["goals"], key=rank)]


def seconds(x):
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"


def ratio_text(x):
    return f"{x:.2g}" if x < 10 else f"{x:.0f}"


def median(case):
    return statistics.median(case["seconds"])


def cell(case, comparable=True):
    if case is None:
        return "—"
    if case["status"] != "ok":
        return f"{case['status']}: {case['reason']}"
    runs = case["seconds"]
    text = f"{seconds(min(runs))} / {seconds(median(case))}"
    if len(runs) != 3:
        text += f" ({len(runs)} run{'s' if len(runs) > 1 else ''})"
    if case.get("note"):
        text += f" ({case['note']})"
    if not comparable:
        text += "†"
    return text


def index(results):
    return {(c["size"], c["op"], c["tool"]): c for c in results["cases"]}


def fastest_peer(cases, size, op, peers):
    best = None
    for peer in peers:
        case = cases.get((size, op, peer))
        if case and case["status"] == "ok" and (op, peer) not in NOT_COMPARABLE:
            if best is None or median(case) < median(best):
                best = case
    return best


def evaluate(results, size, op):
    """The ratio and the verdicts on the goals for one op on one size."""
    cases = index(results)
    plan = results["plan"][op]
    ours = cases.get((size, op, "actornet"))
    best = fastest_peer(cases, size, op, plan["peers"])
    ratio = median(ours) / median(best) if ours and ours["status"] == "ok" and best else None
    verdicts = []
    goal = results["goals"].get(f"{op}@{size}")
    if goal is not None:
        if ratio is None:
            verdicts.append((f"≤ {goal:g} × fastest peer", "not measured", None))
        else:
            met = ratio <= goal
            verdicts.append((f"≤ {goal:g} × fastest peer", "yes" if met else f"**no**: {ratio_text(ratio)}, "
                             f"{ratio / goal:.2g}× over", met))
    verdicts += own_goal_verdicts(results, size, op)
    if "networkx" in plan["peers"] and ours and ours["status"] == "ok":
        nx = cases.get((size, op, "networkx"))
        target = f"≥ {NETWORKX_SPEEDUP}× networkx"
        if nx and nx["status"] == "ok":
            speedup = median(nx) / median(ours)
            met = speedup >= NETWORKX_SPEEDUP
            verdicts.append((target, f"yes ({speedup:.3g}×)" if met else f"**no**: {speedup:.3g}×", met))
        elif nx and nx["status"] == "skipped" and "cap" in nx["reason"] and "memory" not in nx["reason"]:
            cap = size_options(results, size)["cap"]
            bound = cap / median(ours)
            met = bound >= NETWORKX_SPEEDUP
            verdicts.append((target, f"yes (> {bound:.3g}×: networkx over the cap)" if met
                             else f"unknown (networkx over the cap, only > {bound:.3g}× shown)", met if met else None))
        elif nx:
            verdicts.append((target, f"not measured (networkx {nx['status']})", None))
    return ours, best, ratio, verdicts


def fraction_text(x):
    return FRACTIONS.get(x, f"{x:g} ×")


def own_goal_verdicts(results, size, op):
    """Issue 21's goals on ActorNet alone: a share of another op's time, a time limit."""
    cases = index(results)
    ours = cases.get((size, op, "actornet"))
    verdicts = []
    fraction = results.get("fractionGoals", {}).get(f"{op}@{size}")
    if fraction is not None:
        target = f"≤ {fraction_text(fraction['atMost'])} of ActorNet's exact"
        base = cases.get((size, fraction["of"], "actornet"))
        if ours and ours["status"] == "ok" and base and base["status"] == "ok":
            share = median(ours) / median(base)
            met = share <= fraction["atMost"]
            verdicts.append((target, f"yes ({share:.2g})" if met else f"**no**: {share:.2g}", met))
        else:
            verdicts.append((target, "not measured", None))
    limit = results.get("timeGoals", {}).get(f"{op}@{size}")
    if limit is not None:
        target = f"< {limit:g} s"
        if ours and ours["status"] == "ok":
            met = median(ours) < limit
            verdicts.append((target, "yes" if met else f"**no**: {seconds(median(ours))} s", met))
        else:
            verdicts.append((target, "not measured" if not ours else f"**no**: {ours.get('reason', ours['status'])}",
                             None if not ours else False))
    return verdicts


def size_options(results, size):
    """The runs, caps and budget the size was measured with (its own command's)."""
    return results["sizes"].get(size, {}).get("options", results["options"])


def options_line(o):
    return (f"{o['runs']} runs (fewer when the runs took over {o['budget']:g} s), a {o['cap']:g} s cap on the whole "
            f"case (loading included) and a {o['memCap']:g} GiB address-space cap")


def added_lines(results, sizes):
    """The ops re-measured on a size after its run (`scripts/bench --add --only …`)."""
    lines = []
    for s in sizes:
        for added in results["sizes"][s].get("added", []):
            lines.append(f"  - {s}, re-measured after the run: {', '.join(added['ops'])} with `{added['command']}` "
                         f"on {added['date']} (those rows replace the run's)")
    return lines


def runs_lines(results):
    """The command and date of every size (one line when a single command made them all)."""
    sizes = [s for s in SIZE_ORDER if s in results["sizes"]]
    commands = {results["sizes"][s].get("command", results["command"]) for s in sizes}
    added = added_lines(results, sizes)
    if len(commands) <= 1:
        dates = sorted({results["sizes"][s].get("date", results["date"]) for s in sizes}) or [results["date"]]
        return [f"- Date: {dates[0]}" + (f" to {dates[-1]}" if len(dates) > 1 else ""),
                f"- Command: `{commands.pop() if commands else results['command']}`"] + (
                    ["- Added since:"] + added if added else [])
    return ["- Commands (the sizes were run separately):"] + [
        f"  - {s}: `{results['sizes'][s].get('command', results['command'])}` on "
        f"{results['sizes'][s].get('date', results['date'])}" for s in sizes] + added


def each_case(results):
    sizes = [s for s in SIZE_ORDER if s in results["sizes"]]
    texts = {}
    for size in sizes:
        texts.setdefault(options_line(size_options(results, size)), []).append(size)
    if len(texts) <= 1:
        return options_line(results["options"]) if not texts else next(iter(texts))
    return "; ".join(f"{', '.join(group)}: {text}" for text, group in texts.items())


def header(results):
    m, v = results["machine"], results["versions"]
    lines = [
        "# ActorNet benchmarks",
        "",
        "ActorNet beside networkx, igraph and networkit, on the same files in the same run. "
        "**Generated by `scripts/bench`; do not edit by hand** (the profile notes at the end come "
        "from `scripts/bench.d/profiles.md`, the changes since the run from `scripts/bench.d/since.md`, the timelines section from `scripts/bench-timeline` pasted into `scripts/bench.d/timelines.md`, the rendering section from `scripts/render-bench` pasted into `scripts/bench.d/rendering.md`). To reproduce: `scripts/bench` (S, M, L; add `--sizes "
        "S,M,L,XL` for XL), `scripts/bench --help` for the options.",
        "",
        *runs_lines(results),
        *(["- The Markdown was written again from `.bench/results.json` by `scripts/bench --render` "
            "(after the profile notes were added); every number is from the runs above."] if results.get("rendered") else []),
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} RAM; {m['os']}. Shared with other "
        "engineers' builds: the load average is recorded at the start and end of every size and with "
        "every case in `.bench/results.json`.",
        f"- Versions: {v['swift']}; Python {v['python']}; "
        + ", ".join(f"{name} {v[name]}" for name in sorted(v) if name not in ("swift", "python")) + ".",
        f"- Each case runs in a process of its own: {each_case(results)}. Times are wall-clock seconds of the "
        "operation alone, **min / median**; the input is loaded before timing except for the read operations.",
        "- Ratio = ActorNet median ÷ the fastest peer's median (lower is better for ActorNet). "
        "† marks a peer left out of the ratio because it does less work (see the notes).",
        "- Threads: ActorNet's betweenness (exact and KADABRA), closeness and PageRank (from 200,000 links: L and XL) use every core (2 here); networkit uses "
        "every core through OpenMP; networkx and igraph use one (igraph's PRPACK PageRank may use "
        "OpenMP). The peers run with `OMP_WAIT_POLICY=PASSIVE`: with OpenMP's default spin-waiting, "
        "igraph's PageRank and networkit swung from milliseconds to a second on S whenever other "
        "builds kept the cores busy.",
        "",
    ]
    return lines


METHOD = """## What each tool reads and computes

Networks come from `actornet generate --actors A --relations R --seed 1 -o SIZE.graphml`
(a signed degree-corrected block model: cooperation, supply and membership positive, rivalry
negative; supply and membership directed, so the file mixes directed and undirected edges;
parallel relations occur).

- **read GraphML**: ActorNet `GraphMLReader.read(path:)` on `SIZE.graphml` (a validated
  `Network` with every attribute). The peers read `SIZE.peer.graphml`, the same file with the
  per-edge `directed="…"` attribute removed (networkx refuses a file mixing directed and
  undirected edges; every edge then takes the graph's `edgedefault`); everything else is
  byte-identical. networkx `read_graphml` and igraph `Graph.Read_GraphML` keep every attribute;
  networkit's `graphio.GraphMLReader` (a Python SAX parser) keeps only the structure (†).
- **write GraphML / DOT**: ActorNet `ExportTable` + `GraphMLWriter.write(_:to:)` streaming
  through `AtomicFile`, and `DOTWriter` through `AtomicFile`; networkx `write_graphml` and igraph
  `write_graphml` / `write_dot` write the graph they read from the peer GraphML, attributes
  included; networkit's `GraphMLWriter` writes structure and weights only (†).
- **the analysis view**: ActorNet `NetworkView` with `ViewFilter(sign: .positive, at: nil,
  direction: .undirected)` (positive relations, undirected, every date). The peers' counterpart:
  building their graph object from in-memory arrays of the same relations (networkx
  `MultiGraph.add_weighted_edges_from`, igraph `Graph(n, edges)` + a weight attribute, networkit
  `Graph.addEdges`).
- **analyses**: the peers are handed exactly the graph ActorNet analyses:
  `actornet-bench --op export-edges` writes every relation's ends, sign and weight as ActorNet
  reads them, and `scripts/bench.d/prepare.py` derives, with numpy: for the path measures the
  simple graph of positive pairs with distance 1 / (largest weight of the pair) — ActorNet counts
  parallel relations as one link of the shortest length; for PageRank and eigenvector the same
  pairs with the **summed** weight, as ActorNet's adjacency sums them; for degree every positive
  relation (a multigraph); for the signed triangle census one tie per pair with the sign of
  Σ sign × weight, pairs summing to 0 left out (ActorNet's `SignedGraph`). Every actor is a node,
  isolated ones included. Loading that graph is not timed.
  - degree and strength: ActorNet `DegreeStrength` (which also counts by sign and by kind);
    networkx `degree()` and `degree(weight=)`; igraph `degree()` and `strength(weights=)`.
    networkit has no per-node strength in its Python API, so it is not run.
  - betweenness: exact, normalised; ActorNet `Betweenness(distance: .unit / .inverse)`;
    networkx `betweenness_centrality(weight=None / "dist")`; igraph `betweenness(weights=)`;
    networkit `centrality.Betweenness(normalized=True)` (on a weighted graph it uses the weights
    as lengths).
  - closeness: ActorNet `Closeness(distance: .inverse)` (Wasserman–Faust); networkx
    `closeness_centrality(distance="dist")`; igraph `closeness(weights="dist")`; networkit
    `centrality.Closeness(G, True, ClosenessVariant.GENERALIZED)`.
  - PageRank (damping 0.85, weighted): ActorNet and networkx stop when Σ|x − x′| < n × 1e-12
    (networkx `pagerank(tol=1e-12)`); networkit `PageRank` with the L1 norm, tolerance n × 1e-12
    and sinks distributed (as ActorNet and networkx do); igraph uses PRPACK (a direct solver, its
    own accuracy).
  - eigenvector (weighted): ActorNet and networkx power iteration on A + I to Σ|x − x′| < n ×
    1e-12 (`eigenvector_centrality(tol=1e-12, max_iter=10000)`); networkit
    `EigenvectorCentrality(tol=n × 1e-12)`; igraph `eigenvector_centrality` (ARPACK).
  - signed triangle census: ActorNet `SignedGraph` + `TriangleCensus` (the time includes building
    the signed graph from the view; the census alone is in the raw results); igraph
    `list_triangles()` plus a numpy lookup of the three ties' signs — composed here, neither
    networkx nor networkit has a signed census. Hedging and the frustration index have no peer
    implementation: ActorNet alone.
- **peak RSS**: each tool reads the GraphML in a process of its own (ActorNet: read + the
  positive view; the peers: their GraphML reader), measured by `/usr/bin/time -f %M`. The
  Python numbers include the interpreter and the imported library, shown on their own as the
  baseline.
- **Agreement**: every score measure reports its top actor and that actor's share of the
  total score (a number no constant normalisation changes); the tables under each size compare
  them with ActorNet's, as a check that every tool analysed the same graph.
"""


def size_section(results, size):
    cases = index(results)
    info = results["sizes"][size]
    lines = [f"## {size}: {info['actors']:,} actors, {info['relations']:,} relations", ""]
    lines.append(f"`.bench/{size}.graphml` ({info['fileBytes'] / 2**20:.1f} MiB). Load average (1, 5, 15 min) at the start "
                 f"{', '.join(f'{x:.2f}' for x in info['loadStart'])}"
                 + (f", at the end {', '.join(f'{x:.2f}' for x in info['loadEnd'])}" if "loadEnd" in info else "")
                 + ".")
    lines.append("")
    lines.append("| operation | ActorNet | networkx | igraph | networkit | ratio | goal | met? |")
    lines.append("|---|---|---|---|---|---|---|---|")
    for op in ordered_ops(results):
        plan = results["plan"][op]
        if size not in plan["sizes"] or op in TIME_OPS_EXCLUDED:
            continue
        if not any(key[0] == size and key[1] == op for key in cases):
            continue
        ours, best, ratio, verdicts = evaluate(results, size, op)
        peers = [cell(cases.get((size, op, p)), (op, p) not in NOT_COMPARABLE) if p in plan["peers"] else "n/a"
                 for p in PEERS]
        goals = "; ".join(v[0] for v in verdicts) or "—"
        met = "; ".join(v[1] for v in verdicts) or "—"
        lines.append(f"| {plan['label']} | {cell(ours)} | {' | '.join(peers)} | "
                     f"{ratio_text(ratio) if ratio is not None else '—'} | {goals} | {met} |")
    lines.append("")
    absent = [p for p in PEERS if not any(key[0] == size and key[2] == p for key in cases)]
    if absent:
        lines.append(f"Not run on {size}: {', '.join(absent)} (left out of this size's command, `"
                     f"{info.get('command', results['command'])}`; why: under the profiles).")
        lines.append("")
    lines += memory_section(results, size)
    lines += agreement_section(results, size)
    lines += approximation_section(results, size)
    return lines


def approximation_section(results, size):
    """The approximate cases' largest error against exact (facts maxError), where measured."""
    cases = index(results)
    rows = []
    tools = ["actornet"] + [p for p in PEERS if any(p in results["plan"][op]["peers"]
                                                  for op in APPROXIMATE if op in results["plan"])]
    for op in APPROXIMATE:
        if op not in results["plan"]:
            continue
        found = {t: cases.get((size, op, t)) for t in ["actornet"] + results["plan"][op]["peers"]}
        if not any(c and c["status"] == "ok" and "maxError" in c.get("facts", {}) for c in found.values()):
            continue
        rows.append(f"| {results['plan'][op]['label']} | " + " | ".join(error_cell(found.get(t)) for t in tools) + " |")
    if not rows:
        return []
    return ["Approximate betweenness against exact: the largest |estimate − exact| over the actors, in networkx's "
            "normalisation, of the last timed run (exact betweenness computed once after the timed runs, by the same "
            "tool; networkit's scores converted, see [What each tool reads and computes]"
            "(#what-each-tool-reads-and-computes)). The promise: within ε with probability ≥ 1 − δ.", "",
            "| estimate | " + " | ".join(TOOL_NAMES[t] for t in tools) + " |", "|---|" + "---|" * len(tools), *rows, ""]


def error_cell(case):
    if case is None:
        return "—"
    facts = case.get("facts", {})
    if case["status"] != "ok" or "maxError" not in facts:
        return "—" if case["status"] == "ok" else case["status"]
    error, epsilon = facts["maxError"], facts.get("epsilon")
    text = f"{error:.3g}"
    if epsilon is not None:
        text += " (within ε)" if error <= epsilon else f" (**over ε = {epsilon:g}**)"
    samples = sample_text(facts)
    return text + (f"; {samples}" if samples else "")


def sample_text(facts):
    """How much the estimate sampled, from actornet-bench's measure name or networkit's count."""
    import re
    if "samples" in facts:
        return f"{facts['samples']:,} samples"
    measure = facts.get("measure", "")
    found = re.search(r"(\d+) paths of at most (\d+)", measure)
    if found:
        return f"{int(found[1]):,} of at most {int(found[2]):,} paths"
    found = re.search(r"(\d+) of (\d+) sources sampled", measure)
    if found:
        return f"{int(found[1]):,} of {int(found[2]):,} sources"
    if measure and not measure.startswith("approximate"):
        return "every source (the bound needs them all: exact)"
    return ""


def memory_section(results, size):
    cases = index(results)
    lines = []
    view = cases.get((size, "build-view", "actornet"))
    if view and view["status"] == "ok":
        bpr = view["facts"]["bytesPerRelation"]
        lines.append(f"Analysis view: `NetworkView.memoryFootprint` = {view['facts']['viewBytes']:,} bytes for "
                     f"{view['facts']['edges']:,} relations = **{bpr:.1f} bytes per relation** (goal ≤ "
                     f"{VIEW_BYTES_GOAL}: {'met' if bpr <= VIEW_BYTES_GOAL else f'not met, {bpr / VIEW_BYTES_GOAL:.2f}× over'}); "
                     f"the signed view (every relation): {results_fact(view, 'signedViewBytesPerRelation')} bytes per relation.")
        lines.append("")
    load = {tool: cases.get((size, "load", tool)) for tool in ["actornet"] + PEERS}
    if any(load.values()):
        base = {tool: cases.get((size, "import", tool)) for tool in PEERS}
        lines.append("| peak RSS reading the GraphML | ActorNet | networkx | igraph | networkit |")
        lines.append("|---|---|---|---|---|")
        lines.append("| MiB | " + " | ".join(rss_cell(load[t]) for t in ["actornet"] + PEERS) + " |")
        if any(base.values()):
            lines.append("| baseline: interpreter + library, MiB | — | "
                         + " | ".join(rss_cell(base[t]) for t in PEERS) + " |")
        lines.append("")
        ours, igraph = load["actornet"], load["igraph"]
        if size == "XL":
            if ours and ours["status"] == "ok" and igraph and igraph["status"] == "ok" and igraph["rssKiB"]:
                r = ours["rssKiB"] / igraph["rssKiB"]
                lines.append(f"Goal: peak RSS loading XL ≤ igraph's: ActorNet ÷ igraph = {r:.2f}, "
                             + ("**met**." if r <= 1 else f"**not met** ({r:.2f}× igraph's)."))
            else:
                lines.append("Goal: peak RSS loading XL ≤ igraph's: not measured (see the table).")
            lines.append("")
        elif ours and ours["status"] == "ok" and igraph and igraph["status"] == "ok" and igraph["rssKiB"]:
            lines.append(f"ActorNet ÷ igraph peak RSS: {ours['rssKiB'] / igraph['rssKiB']:.2f} (the goal applies to XL).")
            lines.append("")
    return lines


def results_fact(case, key):
    value = case.get("facts", {}).get(key)
    return f"{value:.1f}" if isinstance(value, (int, float)) else "?"


def rss_cell(case):
    if case is None:
        return "—"
    if case["status"] != "ok":
        return f"{case['status']}: {case['reason']}"
    return f"{case['rssKiB'] / 1024:,.0f}" if case.get("rssKiB") else "?"


def agreement_section(results, size):
    cases = index(results)
    rows = []
    for op in ["read-graphml", "degree", "betweenness-unweighted", "betweenness-weighted", "closeness", "pagerank",
               "eigenvector", "triangles"]:
        ours = cases.get((size, op, "actornet"))
        if not ours or ours["status"] != "ok":
            continue
        cells, verdict = [], []
        for peer in PEERS:
            theirs = cases.get((size, op, peer))
            if not theirs or theirs["status"] != "ok" or not theirs.get("facts"):
                cells.append("—")
                continue
            text, same = compare(op, ours["facts"], theirs["facts"])
            cells.append(text)
            if not same:
                verdict.append(f"{peer} differs" + (f" ({CONVENTION[(op, peer)]})" if (op, peer) in CONVENTION else ""))
        rows.append(f"| {results['plan'][op]['label']} | {describe(op, ours['facts'])} | {' | '.join(cells)} | "
                    f"{'; '.join(verdict) if verdict else 'yes'} |")
    if not rows:
        return []
    return ["Agreement (top actor index : its share of the total score; counts for reads and triangles):", "",
            "| operation | ActorNet | networkx | igraph | networkit | all agree? |", "|---|---|---|---|---|---|",
            *rows, ""]


def describe(op, facts):
    if op == "read-graphml":
        return f"{facts.get('actors')} actors, {facts.get('relations')} relations"
    if op == "triangles":
        return " ".join(f"{k} {facts.get(k)}" for k in ("+++", "++-", "+--", "---"))
    share = facts.get("share")
    return f"{facts.get('top')} : {share:.6g}" if isinstance(share, float) else f"{facts.get('top')}"


def compare(op, ours, theirs):
    if op == "read-graphml":
        same = ours.get("actors") == theirs.get("actors") and ours.get("relations") == theirs.get("relations")
        return describe(op, theirs), same
    if op == "triangles":
        same = all(ours.get(k) == theirs.get(k) for k in ("+++", "++-", "+--", "---"))
        return describe(op, theirs), same
    same = ours.get("top") == theirs.get("top")
    a, b = ours.get("share"), theirs.get("share")
    if isinstance(a, float) and isinstance(b, float):
        same = same and abs(a - b) <= 1e-4 * max(abs(a), abs(b), 1e-300)
    if op == "degree":
        same = same and ours.get("strengthTop") == theirs.get("strengthTop")
    return describe(op, theirs), same


def goals_section(results):
    lines = ["## Goals", "",
             "From the issue; ratios are ActorNet ÷ the fastest peer. Every unmet goal is analysed under "
             "[Profiles](#profiles-of-the-unmet-goals).", "",
             "| goal | size | measured | met? |", "|---|---|---|---|"]
    sizes = [s for s in SIZE_ORDER if s in results["sizes"]]
    unmet = []
    for key, goal in ordered_goals(results):
        op, size = key.split("@")
        label = results["plan"][op]["label"]
        if size not in sizes:
            lines.append(f"| {label} ≤ {goal:g} | {size} | not run (size not in this run) | — |")
            continue
        _, best, ratio, verdicts = evaluate(results, size, op)
        verdict = next((v for v in verdicts if v[0].endswith("fastest peer")), None)
        measured = f"{ratio_text(ratio)} (fastest peer: {best['tool']})" if ratio is not None else "not measured"
        lines.append(f"| {label} ≤ {goal:g} | {size} | {measured} | {verdict[1] if verdict else '—'} |")
        if verdict and verdict[2] is False:
            unmet.append(f"{label} on {size}: {ratio_text(ratio)} against ≤ {goal:g} — {ratio / goal:.2g}× "
                         f"slower than the goal (ActorNet {seconds(median(index(results)[(size, op, 'actornet')]))} s, "
                         f"{best['tool']} {seconds(median(best))} s).")
    lines_own, unmet_own = own_goals_rows(results, sizes)
    lines += lines_own
    unmet += unmet_own
    cases = index(results)
    for size in sizes:
        view = cases.get((size, "build-view", "actornet"))
        if view and view["status"] == "ok":
            bpr = view["facts"]["bytesPerRelation"]
            met = bpr <= VIEW_BYTES_GOAL
            lines.append(f"| analysis view ≤ {VIEW_BYTES_GOAL} bytes per relation | {size} | {bpr:.1f} | "
                         + ("yes" if met else f"**no**: {bpr / VIEW_BYTES_GOAL:.2f}× over") + " |")
            if not met and size == sizes[-1]:
                unmet.append(f"analysis view: {bpr:.1f} bytes per relation on {size} against ≤ {VIEW_BYTES_GOAL} "
                             f"({bpr - VIEW_BYTES_GOAL:.1f} bytes, {bpr / VIEW_BYTES_GOAL:.2f}× over).")
    if "XL" in sizes:
        ours, igraph = cases.get(("XL", "load", "actornet")), cases.get(("XL", "load", "igraph"))
        if ours and igraph and ours["status"] == igraph["status"] == "ok":
            r = ours["rssKiB"] / igraph["rssKiB"]
            lines.append(f"| peak RSS loading ≤ igraph's | XL | {r:.2f} × igraph's | "
                         + ("yes" if r <= 1 else f"**no**: {r:.2f}×") + " |")
            if r > 1:
                unmet.append(f"peak RSS loading XL: {r:.2f}× igraph's.")
        else:
            lines.append("| peak RSS loading ≤ igraph's | XL | not measured (see XL) | — |")
    else:
        lines.append("| peak RSS loading ≤ igraph's | XL | not run (size not in this run) | — |")
    slow, unknown, checked = [], [], 0
    for size in sizes:
        for op in ordered_ops(results):
            plan = results["plan"][op]
            if size not in plan["sizes"] or "networkx" not in plan["peers"] or op in TIME_OPS_EXCLUDED:
                continue
            for target, text, met in evaluate(results, size, op)[3]:
                if target.endswith("networkx"):
                    checked += 1
                    if met is False:
                        slow.append(f"{plan['label']} on {size} ({text.replace('**no**: ', '')})")
                    elif met is None:
                        unknown.append(f"{plan['label']} on {size}: {text}")
    lines.append(f"| every operation ≥ {NETWORKX_SPEEDUP}× faster than networkx | all | "
                 f"{checked - len(slow) - len(unknown)} of {checked} cases met | "
                 + ("yes" if not slow and not unknown else ("**no**" if slow else "unknown")) + " |")
    for s in slow:
        unmet.append(f"≥ {NETWORKX_SPEEDUP}× networkx: {s}.")
    lines.append("")
    if slow:
        lines += ["Below 20× networkx: " + "; ".join(slow) + ".", ""]
    if unknown:
        lines += ["Not decided: " + "; ".join(unknown) + ".", ""]
    return lines, unmet


def own_goals_rows(results, sizes):
    """Goals table rows (and unmet lines) of issue 21: ActorNet's approximate time as a share of
    its exact time, a time limit, and the accuracy checks."""
    lines, unmet = [], []
    cases = index(results)

    def rank(key):
        op, size = key.split("@")
        return SIZE_ORDER.index(size) if size in SIZE_ORDER else 99
    for key in sorted(results.get("fractionGoals", {}), key=rank):
        goal = results["fractionGoals"][key]
        op, size = key.split("@")
        label = (f"{results['plan'][op]['label']} ≤ {fraction_text(goal['atMost'])} of ActorNet's "
                 f"{results['plan'][goal['of']]['label']}")
        if size not in sizes:
            lines.append(f"| {label} | {size} | not run (size not in this run) | — |")
            continue
        ours, base = cases.get((size, op, "actornet")), cases.get((size, goal["of"], "actornet"))
        if not (ours and ours["status"] == "ok" and base and base["status"] == "ok"):
            lines.append(f"| {label} | {size} | not measured | — |")
            continue
        share = median(ours) / median(base)
        met = share <= goal["atMost"]
        lines.append(f"| {label} | {size} | {share:.2g} ({seconds(median(ours))} s ÷ {seconds(median(base))} s) | "
                     + ("yes" if met else f"**no**: {share / goal['atMost']:.2g}× over") + " |")
        if not met:
            unmet.append(f"{label} on {size}: {share:.2g} ({seconds(median(ours))} s against "
                         f"{seconds(median(base))} s), {share / goal['atMost']:.2g}× over.")
    for key in sorted(results.get("timeGoals", {}), key=rank):
        limit = results["timeGoals"][key]
        op, size = key.split("@")
        label = f"{results['plan'][op]['label']} under {limit:g} s"
        ours = cases.get((size, op, "actornet"))
        if size not in sizes:
            lines.append(f"| {label} | {size} | not run (size not in this run) | — |")
        elif not ours:
            lines.append(f"| {label} | {size} | not measured | — |")
        elif ours["status"] != "ok":
            lines.append(f"| {label} | {size} | {ours['status']}: {ours['reason']} | **no** |")
            unmet.append(f"{label} on {size}: {ours['status']} ({ours['reason']}).")
        else:
            met = median(ours) < limit
            lines.append(f"| {label} | {size} | {seconds(median(ours))} s | " + ("yes" if met else "**no**") + " |")
            if not met:
                unmet.append(f"{label} on {size}: {seconds(median(ours))} s.")
    goal = results.get("accuracyGoal")
    for check in ordered_accuracy(results):
        if goal is None:
            break
        label = (f"≥ {goal['within']} of {goal['of']} runs within ε ({estimator(check)}, "
                 f"ε {check['epsilon']:g}, δ {goal['delta']:g})")
        if check["status"] != "ok":
            lines.append(f"| {label} | {network_name(check)} | {check['status']}: {check['reason']} | — |")
            continue
        need = goal["within"] * check["seeds"] / goal["of"]
        met = check["within"] >= need
        lines.append(f"| {label} | {network_name(check)} | {check['within']} of {check['seeds']} (worst "
                     f"{check['worst']:.3g}) | " + ("yes" if met else "**no**") + " |")
        if not met:
            unmet.append(f"accuracy on {network_name(check)} ({estimator(check)}, "
                         f"ε {check['epsilon']:g}): {check['within']} of {check['seeds']} runs within ε.")
    return lines, unmet


def ordered_accuracy(results):
    """The accuracy checks: generated sizes first, in size order, then the shared networks."""
    def rank(check):
        network = check["network"]
        return (0, SIZE_ORDER.index(network)) if network in SIZE_ORDER else (1, 0)
    return sorted(results.get("accuracy", []), key=rank)


def network_name(check):
    return check.get("title", check["network"])


def accuracy_section(results):
    checks = ordered_accuracy(results)
    if not checks:
        return []
    lines = ["## Approximate betweenness: accuracy against exact", "",
             "Issue 21's promise: with probability ≥ 1 − δ every actor's normalised betweenness (networkx's "
             "normalisation) is within ε of exact. `actornet-bench FILE --op betweenness-accuracy --method M --epsilon E "
             "--seeds 100` computes exact betweenness once, then the estimate with seeds 1…100, and counts the runs "
             "whose largest error over the actors is within ε; with δ = 0.1 the goal is at least 95 of 100. Not a "
             "timing (the time column is the median of one estimate). The graph is what the timed cases read: the "
             "positive relations as an undirected simple graph, unit distance unless the estimate says distance 1/weight "
             "(then exact weighted betweenness is the reference: no peer samples weighted paths). The shared networks are read as the "
             "`actornet` CLI reads them (CSV edge tables, the node table beside them when there is one); Sampson's and "
             "Everett–Borgatti's adjacency matrices are first written as such tables "
             "(`scripts/bench.d/accuracy.py`).", "",
             "| network | actors | estimate | ε, δ | sampled | runs within ε | worst | median | time per run | met? |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    goal = results.get("accuracyGoal", {"within": 95, "of": 100})
    for check in checks:
        method = estimator(check)
        name = f"{network_name(check)}: {check['label']} (`{check['file']}`)"
        if check["status"] != "ok":
            lines.append(f"| {name} | — | {method} | {check['epsilon']:g} | — | {check['status']}: "
                         f"{check['reason']} | — | — | — | — |")
            continue
        if check["method"] == "sources":
            k = check.get("sampledSources", check["actors"])
            sampled = f"{k:,} of {check['actors']:,} sources" if k < check["actors"] else "every source (exact)"
        else:
            sampled = sample_text({"measure": check.get("measure", "")}) + " (seed 100)"
        met = check["within"] >= goal["within"] * check["seeds"] / goal["of"]
        lines.append(f"| {name} | {check['actors']:,} | {method} | {check['epsilon']:g}, {check['delta']:g} | "
                     f"{sampled} | {check['within']} of {check['seeds']} | {check['worst']:.3g} | "
                     f"{check['median']:.3g} | {seconds(statistics.median(check['seconds']))} s | "
                     + ("yes" if met else "**no**") + " |")
    lines.append("")
    return lines


APPROXIMATE_METHOD = """- **approximate betweenness** (issue 21; unweighted, normalised, on the simple graph of positive
  pairs as exact betweenness): ActorNet `Betweenness(distance: .unit)` with `sampling =
  BetweennessSampling(epsilon: 0.01, delta: 0.1, seed: 1, method: .paths)` (KADABRA: adaptive
  shortest-path sampling) or `method: .sources` (Brandes–Pich: k sources drawn without replacement,
  k = ⌈(n/(n−1))² ln(2n/δ)/(2ε²)⌉, every source — the exact computation — when k ≥ n, as on M);
  networkit `centrality.KadabraBetweenness(g, 0.01, 0.1)` and `centrality.ApproxBetweenness(g,
  epsilon=0.01, delta=0.1)` (Riondato–Kornaropoulos: a fixed number of sampled shortest paths; the
  fixed-size counterpart of sampled sources, not the same estimator). networkit's estimates use every
  core. The errors against exact are in networkx's normalisation, Σ over unordered pairs divided by
  (n−1)(n−2)/2: ActorNet's values are in it already; networkit's are converted — `Betweenness(normalized=True)`
  is in it already, `ApproxBetweenness` estimates b(v) = Σ_{s≠t} σ_st(v)/σ_st / (n(n−1)) (so × n/(n−2)),
  and `KadabraBetweenness` reports 2·b(v) on undirected graphs (so × n/(2(n−2))). Their bounds hold on
  b(v), so networkit's ε is ε·n/(n−2) in networkx's units (1.0002 × ε on M). `scripts/bench.d/peers.py
  --check-scales` verifies the conversions on the Florentine families against
  `networkx.betweenness_centrality`{scale_check}.
  With weights (`betweenness-kadabra-weighted`, the `actornet` CLI's default distance 1/weight):
  the same estimate with `Distance.inverse`, each path drawn by Dijkstra from both ends; no peer
  samples weighted paths, so its time is set against ActorNet's exact weighted betweenness and its
  error against exact weighted betweenness."""


def approximate_method(results):
    if not results.get("accuracy") and not any(c["op"] in APPROXIMATE for c in results["cases"]):
        return []
    check = results.get("scaleCheck")
    text = (f" (this run: {check['summary']}; networkit's Kadabra runs about 1 % high because the counts of "
            "its first, guessing round stay in the frame its next round samples into, which counts only the new "
            "samples)") if check else ""
    return [APPROXIMATE_METHOD.replace("{scale_check}", text), ""]


def markdown(results):
    lines = header(results)
    # Changes made after the measured run, written by hand until the next run (then emptied).
    since = os.path.join(HERE, "since.md")
    if os.path.exists(since) and open(since).read().strip():
        lines += ["## Since this run", "", open(since).read().rstrip(), ""]
    goals, unmet = goals_section(results)
    lines += goals
    sizes = [s for s in SIZE_ORDER if s in results["sizes"]]
    for size in sizes:
        lines += size_section(results, size)
    if "XL" not in sizes:
        lines += ["## XL: 1M actors, 10M relations", "",
                  "Not run in this run (why: *XL was not run* under the profiles, when that note is there). "
                  "Command: `scripts/bench --sizes XL --add` (generates `.bench/XL.graphml` once and adds XL "
                  "to the results of the other sizes; networkx will be skipped at the caps).", ""]
    lines += accuracy_section(results)
    lines.append(METHOD)
    lines += approximate_method(results)
    lines += ["## Profiles of the unmet goals", ""]
    if unmet:
        lines += ["Unmet (computed from the tables above):", ""]
        lines += [f"- {u}" for u in unmet]
        lines.append("")
    else:
        lines += ["Every goal measured here is met.", ""]
    notes = os.path.join(HERE, "profiles.md")
    if os.path.exists(notes):
        lines.append(open(notes).read().rstrip())
        lines.append("")
    # scripts/bench-timeline's section (issue 7), pasted from its output: not part of this run.
    timelines = os.path.join(HERE, "timelines.md")
    if os.path.exists(timelines) and open(timelines).read().strip():
        lines += [open(timelines).read().rstrip(), ""]
    # scripts/render-bench's section (issue 19), pasted from its output: not part of this run.
    rendering = os.path.join(HERE, "rendering.md")
    if os.path.exists(rendering) and open(rendering).read().strip():
        lines += [open(rendering).read().rstrip(), ""]
    return "\n".join(lines)
