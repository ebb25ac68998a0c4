/// A lower bound on the frustration of one block, from a packing of negative cycles.
///
/// A closed walk with an odd number of negative ties (a *negative* cycle, e.g. an unbalanced
/// triangle) frustrates at least one of its ties under every split: going round it, the camp
/// changes at each satisfied negative tie and stays at each satisfied positive one, so it could
/// not come back to where it started. Hence, if cycles C get amounts δ_C ≥ 0 with every tie
/// carrying at most its cost in total (Σ_{C ∋ e} δ_C · uses_C(e) ≤ w_e), then Σ δ_C ≤ L; for
/// unit costs, L is at least the number of tie-disjoint negative cycles. (The argument is
/// self-contained; it is the weak duality of the covering form of the problem.)
///
/// The packing is greedy: first unbalanced triangles, those whose ties lie on the fewest other
/// unbalanced triangles first; then, through each tie the local search left frustrated, the
/// shortest negative cycle in what capacity remains (breadth-first search in the signed double
/// cover: states (vertex, parity of negatives so far)). A good split and a tight packing
/// certify each other: when they meet, the split is optimal.
///
/// - Complexity: O(Σ deg(v)²) for the triangles and O(n + m) per cycle search, each phase
///   within `budget` arc scans so that huge graphs stay fast (the bound is valid wherever it
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

        // Unbalanced triangles u < v < w, found by marking u's ties; the scan stops when the
        // budget is spent (a dense block of thousands of actors has billions of triangles).
        var tieTo = [Int](repeating: -1, count: n)
        var triangles: [(Int, Int, Int)] = []
        var onTriangles = [Int](repeating: 0, count: tieCount)
        var scans = budget
        for u in 0..<n where scans > 0 {
            for a in graph.offsets[u]..<graph.offsets[u + 1] { tieTo[graph.neighbors[a]] = graph.arcTie[a] }
            for a in graph.offsets[u]..<graph.offsets[u + 1] where graph.neighbors[a] > u {
                let v = graph.neighbors[a], uv = graph.arcTie[a]
                scans -= graph.offsets[v + 1] - graph.offsets[v]
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

        // Short negative cycles through the ties the split frustrates.
        var search = OddWalkSearch(graph, budget: budget)
        var uses = [Int](repeating: 0, count: tieCount)
        for t in 0..<tieCount where search.budget > 0 {
            let (a, b) = tieEnds[t]
            guard tieNegative[t] == (camps[a] == camps[b]) else { continue }
            while residual[t] > tiny / 2,
                  let walk = search.path(graph, from: a, to: b, parity: tieNegative[t] ? 0 : 1,
                                         avoiding: t, usable: { residual[$0] > tiny / 2 }) {
                // A shortest walk in the cover may pass a tie twice, once at each parity.
                for tie in walk { uses[tie] += 1 }
                uses[t] += 1
                var delta = residual[t] / Double(uses[t])
                for tie in walk { delta = min(delta, residual[tie] / Double(uses[tie])) }
                for tie in walk + [t] where uses[tie] > 0 {
                    residual[tie] = max(0, residual[tie] - delta * Double(uses[tie]))
                    uses[tie] = 0
                }
                bound += delta
            }
        }
        // A bound on whole-number costs rounds up (half-cycles come from walks that pass a tie twice).
        return graph.integral ? (bound - 1e-9).rounded(.up) : bound
    }
}

/// Bidirectional breadth-first search in the signed double cover, whose states are (vertex,
/// parity of the negative ties walked so far), numbered 2·vertex + parity. A path from (a, 0) to
/// (b, p) is a walk from a to b with p mod 2 negative ties. Growing the smaller frontier from
/// each end meets in the middle, so a search visits about 2·d^(ℓ/2) states instead of d^ℓ for
/// walks of length ℓ in a graph of degree d — what makes the bound affordable on 10⁴ actors.
private struct OddWalkSearch {
    /// Arc scans left; the search gives up (returns nil) when they run out.
    var budget: Int
    private var stamp = 0
    private var seenFrom: [Int]   // the stamp of the search that reached a state from a's side
    private var seenTo: [Int]     // … from b's side
    private var parentFrom: [Int] // the arc a state was reached by, per side
    private var parentTo: [Int]
    private var frontier: [Int] = []
    private var otherFrontier: [Int] = []
    private var next: [Int] = []
    private let arcTail: [Int]

    init(_ graph: FrustrationSubgraph, budget: Int) {
        let n = graph.vertexCount
        self.budget = budget
        var arcTail = [Int](repeating: 0, count: graph.neighbors.count)
        for v in 0..<n { for a in graph.offsets[v]..<graph.offsets[v + 1] { arcTail[a] = v } }
        self.arcTail = arcTail
        seenFrom = [Int](repeating: 0, count: 2 * n)
        seenTo = seenFrom
        parentFrom = [Int](repeating: -1, count: 2 * n)
        parentTo = parentFrom
    }

    /// The ties of a shortest walk from a to b with `parity` negatives that uses neither tie
    /// `avoiding` nor ties that are not `usable`; nil if none is found within the budget.
    mutating func path(
        _ graph: FrustrationSubgraph, from a: Int, to b: Int, parity: Int, avoiding: Int, usable: (Int) -> Bool
    ) -> [Int]? {
        stamp += 1
        let start = 2 * a, goal = 2 * b + parity
        seenFrom[start] = stamp
        seenTo[goal] = stamp
        frontier = [start]
        otherFrontier = [goal]
        var forward = true   // whether `frontier` is a's side
        var meeting = -1
        while meeting < 0, !frontier.isEmpty, !otherFrontier.isEmpty, budget > 0 {
            if otherFrontier.count < frontier.count {
                swap(&frontier, &otherFrontier)
                forward.toggle()
            }
            next.removeAll(keepingCapacity: true)
            expand: for state in frontier {
                let (x, p) = (state / 2, state % 2)
                for arc in graph.offsets[x]..<graph.offsets[x + 1] {
                    budget -= 1
                    let tie = graph.arcTie[arc]
                    guard tie != avoiding, usable(tie) else { continue }
                    let reached = 2 * graph.neighbors[arc] + (p ^ (graph.negative[arc] ? 1 : 0))
                    if forward {
                        guard seenFrom[reached] != stamp else { continue }
                        seenFrom[reached] = stamp
                        parentFrom[reached] = arc
                    } else {
                        guard seenTo[reached] != stamp else { continue }
                        seenTo[reached] = stamp
                        parentTo[reached] = arc
                    }
                    if seenFrom[reached] == stamp && seenTo[reached] == stamp {
                        meeting = reached
                        break expand
                    }
                    next.append(reached)
                }
            }
            swap(&frontier, &next)
        }
        guard meeting >= 0 else { return nil }
        var ties: [Int] = []
        for (origin, parents) in [(start, parentFrom), (goal, parentTo)] {
            var state = meeting
            while state != origin {
                let arc = parents[state]
                ties.append(graph.arcTie[arc])
                // Step back to the arc's tail, with the parity it had there.
                state = 2 * arcTail[arc] + ((state % 2) ^ (graph.negative[arc] ? 1 : 0))
            }
        }
        return ties
    }
}
