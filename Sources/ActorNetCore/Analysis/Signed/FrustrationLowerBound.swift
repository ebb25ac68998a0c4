/// A lower bound on the frustration of one block, from a packing of negative cycles.
///
/// A closed walk with an odd number of negative ties (a *negative* cycle, e.g. an unbalanced
/// triangle) frustrates at least one of its ties under every split: going round it, the camp
/// changes at each satisfied negative tie and stays at each satisfied positive one, so it could
/// not come back to where it started. Hence, if cycles C get amounts δ_C ≥ 0 with every tie
/// carrying at most its cost in total (Σ_{C ∋ e} δ_C · uses_C(e) ≤ w_e), then Σ δ_C ≤ L — for
/// unit costs, the number of tie-disjoint negative cycles (Aref & Wilson 2018, §3, bound the
/// frustration index the same way).
///
/// The packing is greedy: first unbalanced triangles, those whose ties lie on the fewest other
/// unbalanced triangles first; then, through each tie the local search left frustrated, the
/// shortest negative cycle in what capacity remains (breadth-first search in the signed double
/// cover: states (vertex, parity of negatives so far)). A good split and a tight packing
/// certify each other: when they meet, the split is optimal.
///
/// - Complexity: O(Σ deg(v)²) for the triangles; each cycle search O(n + m), within a total
///   budget of `budget` state visits so huge graphs stay fast (the bound is valid whenever it
///   stops).
struct FrustrationLowerBound {
    let graph: FrustrationSubgraph

    /// The bound, given a good split whose frustrated ties guide the cycle search.
    func value(guidedBy camps: [UInt8], budget: Int) -> Double {
        let n = graph.vertexCount
        let tieCount = graph.tieCount
        guard tieCount > 2 else { return 0 }
        var residual = [Double](repeating: 0, count: tieCount)
        var tieNegative = [Bool](repeating: false, count: tieCount)
        var tieEnds = [(Int, Int)](repeating: (0, 0), count: tieCount)
        for v in 0..<n {
            for a in graph.offsets[v]..<graph.offsets[v + 1] where graph.neighbors[a] > v {
                let t = graph.arcTie[a]
                residual[t] = graph.weights[a]
                tieNegative[t] = graph.negative[a]
                tieEnds[t] = (v, graph.neighbors[a])
            }
        }
        let tiny = graph.integral ? 0.5 : 1e-12 * max(1, graph.totalWeight)
        var bound = 0.0

        // Unbalanced triangles u < v < w, found by marking u's ties.
        var tieTo = [Int](repeating: -1, count: n)
        var triangles: [(Int, Int, Int)] = []
        var onTriangles = [Int](repeating: 0, count: tieCount)
        for u in 0..<n {
            for a in graph.offsets[u]..<graph.offsets[u + 1] { tieTo[graph.neighbors[a]] = graph.arcTie[a] }
            for a in graph.offsets[u]..<graph.offsets[u + 1] where graph.neighbors[a] > u {
                let v = graph.neighbors[a], uv = graph.arcTie[a]
                for b in graph.offsets[v]..<graph.offsets[v + 1] where graph.neighbors[b] > v {
                    let uw = tieTo[graph.neighbors[b]]
                    guard uw >= 0 else { continue }
                    let vw = graph.arcTie[b]
                    if tieNegative[uv] != (tieNegative[vw] != tieNegative[uw]) {
                        triangles.append((uv, vw, uw))
                        onTriangles[uv] += 1; onTriangles[vw] += 1; onTriangles[uw] += 1
                    }
                }
            }
            for a in graph.offsets[u]..<graph.offsets[u + 1] { tieTo[graph.neighbors[a]] = -1 }
        }
        let crowding = triangles.map { onTriangles[$0.0] + onTriangles[$0.1] + onTriangles[$0.2] }
        for i in triangles.indices.sorted(by: { crowding[$0] != crowding[$1] ? crowding[$0] < crowding[$1] : $0 < $1 }) {
            let (x, y, z) = triangles[i]
            let delta = min(residual[x], residual[y], residual[z])
            guard delta > 0 else { continue }
            residual[x] -= delta; residual[y] -= delta; residual[z] -= delta
            bound += delta
        }

        // Shortest negative cycles through the ties the split frustrates.
        var budget = budget
        var parent = [Int](repeating: -1, count: 2 * n)   // the arc a state was reached by
        var seen = [Bool](repeating: false, count: 2 * n)
        var frontier: [Int] = []
        var path: [Int] = []
        var uses = [Int](repeating: 0, count: tieCount)
        for t in 0..<tieCount where budget > 0 {
            let (a, b) = tieEnds[t]
            guard tieNegative[t] == (camps[a] == camps[b]) else { continue }
            while residual[t] > tiny / 2, budget > 0 {
                // A path a → b whose parity closes an odd cycle with t: even if t is negative.
                let goal = 2 * b + (tieNegative[t] ? 0 : 1)
                frontier.removeAll(keepingCapacity: true)
                frontier.append(2 * a)
                seen[2 * a] = true
                var head = 0
                var found = false
                while head < frontier.count, !found, budget > 0 {
                    let state = frontier[head]
                    head += 1
                    let (x, parity) = (state / 2, state % 2)
                    for arc in graph.offsets[x]..<graph.offsets[x + 1] {
                        budget -= 1
                        let tie = graph.arcTie[arc]
                        guard tie != t, residual[tie] > tiny / 2 else { continue }
                        let next = 2 * graph.neighbors[arc] + (parity ^ (graph.negative[arc] ? 1 : 0))
                        guard !seen[next] else { continue }
                        seen[next] = true
                        parent[next] = arc
                        frontier.append(next)
                        if next == goal { found = true; break }
                    }
                }
                if found {
                    // Ties on the walk, with how often it uses each (a shortest walk in the cover
                    // may pass a tie twice, once at each parity).
                    path.removeAll(keepingCapacity: true)
                    path.append(t)
                    var state = goal
                    while state != 2 * a {
                        let arc = parent[state]
                        let tie = graph.arcTie[arc]
                        path.append(tie)
                        let (p, q) = tieEnds[tie]
                        let tail = p == graph.neighbors[arc] ? q : p
                        state = 2 * tail + ((state % 2) ^ (graph.negative[arc] ? 1 : 0))
                    }
                    for tie in path { uses[tie] += 1 }
                    var delta = Double.infinity
                    for tie in path { delta = min(delta, residual[tie] / Double(uses[tie])) }
                    for tie in path where uses[tie] > 0 {
                        residual[tie] = max(0, residual[tie] - delta * Double(uses[tie]))
                        uses[tie] = 0
                    }
                    bound += delta
                }
                for s in frontier { seen[s] = false; parent[s] = -1 }
                if !found { break }
            }
        }
        // A bound on whole-number costs rounds up (half-cycles come from walks that pass a tie twice).
        return graph.integral ? (bound - 1e-9).rounded(.up) : bound
    }
}
