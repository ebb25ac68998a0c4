"""The accuracy check of approximate betweenness (issue 21): not a timing.

`actornet-bench FILE --op betweenness-accuracy --method M --epsilon E --seeds 100` computes exact
betweenness once, then the estimator with seeds 1…100 (networkx's normalisation, positive
relations as an undirected graph, unit distance as the timed cases, or `--distance inverse`), and reports how many runs
had every actor within ε of exact, the worst and the median of the runs' largest errors. The
promise is "within ε with probability ≥ 1 − δ", so with δ = 0.1 at least 95 of 100 runs are
expected within ε (90 on average at the bound itself; the bounds are not tight).

Where it runs: on M (the generated network, as part of the sizes), and once per `scripts/bench`
run on the small shared networks below, read as the `actornet` CLI reads them (CSV edge tables:
`…edges.csv` with `…nodes.csv` beside it when there is one). The shared signed networks stored
only as adjacency matrices (Sampson's monastery, Everett and Borgatti's table 5) are first
written as such CSV edge tables into .bench/accuracy/, one relation per non-zero cell with its
sign; nothing else changes.
"""
import csv
import os

SEEDS = 100
DELTA = 0.1
# The goal: at least this many of SEEDS runs within ε.
WITHIN_GOAL = 95

# What is checked on a generated size: (method, ε). Sampled sources at ε = 0.01 need
# k = ⌈(n/(n−1))² ln(2n/δ)/(2ε²)⌉ ≈ 61,000 sources on M's 10,000 actors, more than there are:
# that is the exact computation, so sources are checked at ε = 0.05 (k ≈ 2,450 of 10,000).
# Sampled paths are also checked with the CLI's default distance, 1/weight, against exact weighted
# betweenness: (method, ε, distance).
SIZE_CHECKS = [("paths", 0.01, "unit"), ("paths", 0.01, "inverse"), ("sources", 0.05, "unit")]
# On the small networks every ε below 0.4 needs every source for sampled sources (exact, error 0):
# only sampled paths are checked.
# Their relations all have weight 1: distance 1/weight would repeat the hop-count check.
NETWORK_CHECKS = [("paths", 0.01, "unit")]

# name: (short name, what it is, file under ../shared/data, or a matrix to convert there:
# (matrix file, directed, has a header row and column))
NETWORKS = {
    "florentine": ("Florentine", "Padgett's Florentine families, marriage ties (networkx's florentine_families_graph)",
                   "florentine/florentine_marriage_edges.csv", None),
    "gahuku-gama": ("Gahuku–Gama", "Read's highland tribes, positive (rova) ties", "signed/gahuku_gama_edges.csv", None),
    "sampson": ("Sampson", "Sampson's monastery, positive (like) ties, directed, read undirected",
                None, ("signed/sampson_everett_borgatti_SAMP.csv", True, True)),
    "everett-borgatti": ("Everett–Borgatti", "Everett and Borgatti's table 5, positive ties",
                         None, ("signed/everett_borgatti_table5_signed10.csv", False, False)),
}

def shared_data(root):
    return os.path.normpath(os.path.join(root, "..", "shared", "data"))


def network_file(root, bench_dir, name):
    """The file to give actornet-bench for a shared network (converting a matrix once), or None
    when ../shared/data does not have it."""
    _, _, path, matrix = NETWORKS[name]
    data = shared_data(root)
    if path:
        full = os.path.join(data, path)
        return full if os.path.exists(full) else None
    source, directed, header = matrix
    full = os.path.join(data, source)
    if not os.path.exists(full):
        return None
    prefix = os.path.join(bench_dir, "accuracy", name + "_")
    if not os.path.exists(prefix + "edges.csv") or os.path.getmtime(prefix + "edges.csv") < os.path.getmtime(full):
        os.makedirs(os.path.dirname(prefix), exist_ok=True)
        matrix_to_tables(full, prefix, directed=directed, header=header)
    return prefix + "edges.csv"


def matrix_to_tables(path, prefix, directed, header):
    """An adjacency matrix of signed ties (cells −1, 0, 1; the first row and column naming the
    actors when `header`) as CSV node and edge tables: one relation per non-zero cell, both
    cells of an undirected matrix read once."""
    with open(path, newline="") as f:
        rows = [row for row in csv.reader(f) if row]
    if header:
        names = [name.strip() for name in rows[0][1:]]
        cells = [[int(x) for x in row[1:]] for row in rows[1:]]
        if [row[0].strip() for row in rows[1:]] != names:
            raise SystemExit(f"bench: {path}: the row names differ from the column names")
    else:
        cells = [[int(x) for x in row] for row in rows]
        names = [str(i + 1) for i in range(len(cells))]
    if any(len(row) != len(names) for row in cells) or len(cells) != len(names):
        raise SystemExit(f"bench: {path} is not a square matrix")
    with open(prefix + "nodes.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["Id"])
        writer.writerows([name] for name in names)
    with open(prefix + "edges.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["Source", "Target", "Type", "sign"])
        for i, row in enumerate(cells):
            for j, cell in enumerate(row):
                if cell and i != j and (directed or i < j):
                    writer.writerow([names[i], names[j], "Directed" if directed else "Undirected", cell])
