"""Inputs for the peers, prepared once per size and kept in .bench/ beside the GraphML file.

- SIZE.edges.*: every relation as ActorNet's signed view has it (`actornet-bench --op
  export-edges`): ends as node indices (the order of the actors in the file), sign, weight.
- SIZE.views.npz: the graphs the peers analyse, derived from those arrays (see peers.py).
- SIZE.peer.graphml: the GraphML file with the per-edge `directed` attribute removed, so that
  networkx (which refuses a file mixing directed and undirected edges) reads it; every edge then
  takes the graph's edgedefault. Nothing else changes: the same nodes, edges, keys and data.
"""
import os
import re

import numpy as np

AMBIVALENCE = 1e-12  # SignedGraph: a pair whose Σ sign × weight is within 1e-12 × Σ weight of 0 is left out


def load_edges(prefix):
    source = np.fromfile(prefix + ".source.u32", dtype="<u4").astype(np.int64)
    target = np.fromfile(prefix + ".target.u32", dtype="<u4").astype(np.int64)
    sign = np.fromfile(prefix + ".sign.i8", dtype=np.int8)
    weight = np.fromfile(prefix + ".weight.f64", dtype="<f8")
    if not (len(source) == len(target) == len(sign) == len(weight)):
        raise SystemExit(f"bench: the edge arrays at {prefix} have different lengths; delete them and run again")
    return source, target, sign, weight


def pairs(u, v, n):
    """Unordered pairs as sorted keys: (unique keys, index of each edge's pair)."""
    low, high = np.minimum(u, v), np.maximum(u, v)
    keys, inverse = np.unique(low * n + high, return_inverse=True)
    return keys, inverse


def views(n, source, target, sign, weight):
    positive = sign > 0
    pu, pv, pw = source[positive], target[positive], weight[positive]
    out = {"n": np.int64(n), "multi_u": pu.astype(np.uint32), "multi_v": pv.astype(np.uint32), "multi_w": pw}

    keys, inverse = pairs(pu, pv, n)
    strongest = np.zeros(len(keys))
    np.maximum.at(strongest, inverse, pw)
    total = np.bincount(inverse, weights=pw, minlength=len(keys))
    ku, kv = (keys // n).astype(np.uint32), (keys % n).astype(np.uint32)
    out.update(min_u=ku, min_v=kv, min_dist=1.0 / strongest, sum_u=ku, sum_v=kv, sum_w=total)

    keys, inverse = pairs(source, target, n)
    net = np.bincount(inverse, weights=sign.astype(np.float64) * weight, minlength=len(keys))
    total = np.bincount(inverse, weights=weight, minlength=len(keys))
    kept = np.abs(net) > AMBIVALENCE * total
    out.update(signed_u=(keys[kept] // n).astype(np.uint32), signed_v=(keys[kept] % n).astype(np.uint32),
               signed_sign=np.where(net[kept] > 0, 1, -1).astype(np.int8))
    return out


def write_views(path, n, prefix):
    data = views(n, *load_edges(prefix))
    temporary = path + ".tmp.npz"
    np.savez(temporary, **data)
    os.replace(temporary, path)
    return {key: int(len(value)) for key, value in data.items() if key.endswith("_u")}


DIRECTED_ATTRIBUTE = re.compile(rb' directed="(?:true|false)"')


def peer_graphml(source, target):
    """Copies the GraphML file without the per-edge directed attribute, line by line."""
    temporary = target + ".tmp"
    with open(source, "rb") as src, open(temporary, "wb") as dst:
        for line in src:
            if b"<edge " in line:
                line = DIRECTED_ATTRIBUTE.sub(b"", line, count=1)
            dst.write(line)
    os.replace(temporary, target)
