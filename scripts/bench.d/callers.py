#!/usr/bin/env python3
"""Splits a perf profile by caller: for each function named, the share of all samples spent in
it and, below, in each function it calls directly (SELF: in its own code).

    perf record -e cpu-clock -F 999 -g -o OUT.data BINARY ARGS…
    perf script -i OUT.data -F ip,sym | swift demangle --simplified > OUT.txt
    scripts/bench.d/callers.py OUT.txt 'ImportBuilder.addEdge' 'Network.analyse' …

A name matches any frame that contains it; a sample counts once per name (its innermost
matching frame is ignored in favour of the outermost, so recursion is not counted twice).
"""
import collections
import sys


def stacks(path):
    """The samples of `perf script -F ip,sym`: each a list of frames, innermost first."""
    current = []
    with open(path, errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line:
                if current:
                    yield current
                current = []
                continue
            parts = line.split(None, 1)
            current.append(parts[1] if len(parts) > 1 else parts[0])
    if current:
        yield current


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: callers.py PERF_SCRIPT.txt NAME [NAME…]")
    samples = list(stacks(sys.argv[1]))
    if not samples:
        sys.exit(f"callers.py: no samples in {sys.argv[1]}")
    total = len(samples)
    for name in sys.argv[2:]:
        callees = collections.Counter()
        for frames in samples:
            outer = max((i for i, f in enumerate(frames) if name in f), default=None)
            if outer is not None:
                callees[frames[outer - 1] if outer > 0 else "SELF"] += 1
        print(f"{name}: {100 * sum(callees.values()) / total:.1f} % of {total} samples")
        for callee, count in callees.most_common(10):
            print(f"  {100 * count / total:5.1f} %  {callee[:120]}")


if __name__ == "__main__":
    main()
