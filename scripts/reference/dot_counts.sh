#!/usr/bin/env bash
# Graphviz's own node, edge and self-loop counts for the DOT samples in ../shared/data/dot, the
# first graph of each file (what DOTReader reads). Writes Tests/Reference/dot_counts.csv, which
# DOTReaderTests compares with what ActorNet reads: actors = nodes, relations = edges - loops
# (ActorNet skips self-loops, with a warning). The counts are gvpr's (nNodes, nEdges), cross-
# checked against `gc -n -e`; the script exits 1 and writes nothing when they disagree.
# Usage: scripts/reference/dot_counts.sh   (from any directory; needs Graphviz's gvpr and gc)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$root/../shared/data/dot"
out="$root/Tests/Reference/dot_counts.csv"
[ -d "$data" ] || { echo "dot_counts: $data is absent" >&2; exit 1; }
command -v gvpr >/dev/null && command -v gc >/dev/null || { echo "dot_counts: install Graphviz (gvpr, gc)" >&2; exit 1; }

version="$(dot -V 2>&1 | sed -n 's/.*version \([0-9.]*\).*/\1/p')"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
echo "file,nodes,edges,loops,graphviz" > "$tmp"
status=0
for path in "$data"/*.gv "$data"/*.dot; do
  [ -e "$path" ] || continue
  name="$(basename "$path")"
  counts="$(gvpr 'BEG_G { int loops = 0; } E { if ($.tail == $.head) loops++; } END_G { printf("%d,%d,%d\n", nNodes($G), nEdges($G), loops); exit(0); }' "$path")"
  # gc prints "nodes edges name (file)" per graph; the first line is the first graph.
  gcCounts="$(gc -n -e "$path" | head -1 | awk '{print $1 "," $2}')"
  if [ "${counts%,*}" != "$gcCounts" ]; then
    echo "dot_counts: $name: gvpr says ${counts%,*}, gc says $gcCounts" >&2
    status=1
  fi
  echo "$name,$counts,$version" >> "$tmp"
done
[ "$status" -eq 0 ] || exit 1
mkdir -p "$(dirname "$out")"
mv "$tmp" "$out"
trap - EXIT
echo "dot_counts: wrote $out" >&2
