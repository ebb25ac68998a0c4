/// The exact frustration index of one block, by Russian-doll branch and bound.
///
/// The vertices are put in a fixed order v₀ … v_{b−1} (highest degree first) and the search
/// assigns camps in that order. With v₀ … v_j assigned, the ties split three ways, and each
/// part gets its own bound:
/// - ties among assigned vertices: their frustration is known;
/// - ties between an assigned and an unassigned vertex u: at least min(c₀(u), c₁(u)), where
///   c_k(u) is what u's ties to assigned vertices would frustrate if u joined camp k, summed
///   over the unassigned u (each tie counted once), kept up to date in O(deg) per assignment;
/// - ties among the unassigned vertices v_{j+1} … v_{b−1}: at least the exact frustration of
///   that induced subgraph, which Russian-doll search has already computed.
///
/// Russian-doll search (Verfaillie, Lemaître & Schiex 1996, "Russian doll search for solving
/// constraint optimization problems", AAAI-96 pp. 181–187) solves the nested subproblems on
/// v_k … v_{b−1} for k = b−1 down to 0, each with the exact values of all the smaller ones as
/// the third bound. Each starts from the previous optimum with v_k added in camp 0 and every
/// connected piece of the previous subgraph that v_k touches swapped whole if that suits v_k
/// better; it tries the cheaper camp first, and stops as soon as it meets the previous optimum
/// (a lower bound for it). v_k stays in camp 0: swapping both camps changes nothing.
///
/// Aref, Mason & Wilson (2020, *Networks* 75(1):95–110, doi:10.1002/net.21907) compute the same
/// value by binary programming with a solver; this search needs none. Measured (release build,
/// one core): random blocks of 50 actors at density 0.3 in about 0.06 s, of 60 in about 1 s;
/// the sparse, nearly balanced Correlates-of-War blocks of 50–130 actors in milliseconds.
/// Sparse random blocks (average degree 5) of 90 actors, in contrast, take 10⁸ branch nodes.
///
/// - Complexity: O(2^b · deg) time in the worst case for a block of b vertices (each branch
///   node costs O(deg) to update the bounds) plus O(b²) for the incumbents; O(b + m) memory.
final class FrustrationBranchAndBound {
    /// Subproblem optima: `suffix[k]` is the exact frustration of the subgraph on v_k … v_{b−1}.
    private(set) var suffix: [Double]
    /// Branch nodes visited so far.
    private(set) var branchNodes = 0
    /// The optimum of the largest subproblem solved so far: a lower bound for the block, also
    /// when the search stops early.
    var provenBound: Double { suffix[solvedFrom] }
    private var solvedFrom: Int

    private let n: Int
    private let order: [Int]
    private let tolerance: Double
    private let branchLimit: Int
    // Forward arcs (to later vertices in the order) in CSR form, in search numbering.
    private let forwardOffsets: UnsafeMutablePointer<Int>
    private let forwardNeighbor: UnsafeMutablePointer<Int>
    private let forwardWeight: UnsafeMutablePointer<Double>
    private let forwardNegative: UnsafeMutablePointer<Bool>
    // c₀ and c₁ per vertex, the values they had before an arc updated them, the camps on the
    // current branch and the best camps found for the current subproblem.
    private let cost0: UnsafeMutablePointer<Double>
    private let cost1: UnsafeMutablePointer<Double>
    private let saved0: UnsafeMutablePointer<Double>
    private let saved1: UnsafeMutablePointer<Double>
    private let camp: UnsafeMutablePointer<UInt8>
    private let bestCamp: UnsafeMutablePointer<UInt8>
    // The search stack, by depth: sides tried so far, and the cost and spread on entry.
    private let tried: UnsafeMutablePointer<Int>
    private let fixedAt: UnsafeMutablePointer<Double>
    private let spreadAt: UnsafeMutablePointer<Double>
    private var best = 0.0
    private var target = 0.0
    private var stopped = false

    init(_ graph: FrustrationSubgraph, branchLimit: Int) {
        let n = graph.vertexCount
        self.n = n
        self.tolerance = graph.tolerance
        self.branchLimit = branchLimit
        let order = FrustrationBranchAndBound.searchOrder(graph)
        self.order = order
        var position = [Int](repeating: 0, count: n)
        for (i, v) in order.enumerated() { position[v] = i }

        let m = graph.tieCount
        forwardOffsets = .allocate(capacity: n + 1)
        forwardNeighbor = .allocate(capacity: max(m, 1))
        forwardWeight = .allocate(capacity: max(m, 1))
        forwardNegative = .allocate(capacity: max(m, 1))
        var arc = 0
        for i in 0..<n {
            forwardOffsets[i] = arc
            let v = order[i]
            // Later vertices in search order, nearest first (any fixed order would do).
            let later = (graph.offsets[v]..<graph.offsets[v + 1])
                .filter { position[graph.neighbors[$0]] > i }
                .sorted { position[graph.neighbors[$0]] < position[graph.neighbors[$1]] }
            for a in later {
                forwardNeighbor[arc] = position[graph.neighbors[a]]
                forwardWeight[arc] = graph.weights[a]
                forwardNegative[arc] = graph.negative[a]
                arc += 1
            }
        }
        forwardOffsets[n] = arc
        cost0 = .allocate(capacity: max(n, 1)); cost0.initialize(repeating: 0, count: max(n, 1))
        cost1 = .allocate(capacity: max(n, 1)); cost1.initialize(repeating: 0, count: max(n, 1))
        saved0 = .allocate(capacity: max(m, 1)); saved0.initialize(repeating: 0, count: max(m, 1))
        saved1 = .allocate(capacity: max(m, 1)); saved1.initialize(repeating: 0, count: max(m, 1))
        camp = .allocate(capacity: max(n, 1)); camp.initialize(repeating: 0, count: max(n, 1))
        bestCamp = .allocate(capacity: max(n, 1)); bestCamp.initialize(repeating: 0, count: max(n, 1))
        tried = .allocate(capacity: n + 1); tried.initialize(repeating: 0, count: n + 1)
        fixedAt = .allocate(capacity: n + 1); fixedAt.initialize(repeating: 0, count: n + 1)
        spreadAt = .allocate(capacity: n + 1); spreadAt.initialize(repeating: 0, count: n + 1)
        suffix = [Double](repeating: 0, count: n + 1)
        solvedFrom = n
    }

    deinit {
        for p in [forwardOffsets, forwardNeighbor, tried] { p.deallocate() }
        for p in [forwardWeight, cost0, cost1, saved0, saved1, fixedAt, spreadAt] { p.deallocate() }
        forwardNegative.deallocate()
        camp.deallocate()
        bestCamp.deallocate()
    }

    /// The search order: highest degree (summed cost) first, ties by index. Hubs decide the
    /// most ties, so fixing them first makes the bound on the ties to the unassigned rest grow
    /// fastest, and leaves the sparse periphery to the small, easy subproblems. (On random and
    /// Correlates-of-War blocks this beat maximum-cardinality and reversed orders.)
    static func searchOrder(_ graph: FrustrationSubgraph) -> [Int] {
        let degree = (0..<graph.vertexCount).map { v in
            (graph.offsets[v]..<graph.offsets[v + 1]).reduce(0.0) { $0 + graph.weights[$1] }
        }
        return (0..<graph.vertexCount).sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
    }

    /// Solves the block. Returns the optimal camps (indexed by local vertex) and their cost, or
    /// nil when the search visited more than `branchLimit` nodes; `suffix` then still holds the
    /// optima of the subproblems solved so far (each a lower bound for the block).
    func solve() -> (camps: [UInt8], value: Double)? {
        guard n > 0 else { return ([], 0) }
        suffix[n] = 0
        // The connected pieces of the subgraph on v_{k+1} … v_{b−1}, as a union–find forest
        // that grows by one vertex per subproblem.
        var piece = Array(0..<n)
        func root(_ x: Int) -> Int {
            var x = x
            while piece[x] != x { piece[x] = piece[piece[x]]; x = piece[x] }
            return x
        }
        var stay = [Double](repeating: 0, count: n), swap = stay
        var swapped = [Bool](repeating: false, count: n)
        var touchedAt = [Int](repeating: -1, count: n)
        var touched: [Int] = []
        for k in stride(from: n - 1, through: 0, by: -1) {
            // Incumbent: the previous optimum with v_k in camp 0, and each piece v_k touches
            // swapped whole if that frustrates fewer of its ties to v_k. Pieces are solved
            // independently, so each keeps its optimum either way; without this, a sparse
            // block whose pieces are merged by v_k starts from a poor incumbent.
            touched.removeAll(keepingCapacity: true)
            for a in forwardOffsets[k]..<forwardOffsets[k + 1] {
                let v = forwardNeighbor[a], r = root(v)
                if touchedAt[r] != k { touchedAt[r] = k; touched.append(r); stay[r] = 0; swap[r] = 0 }
                // v_k in camp 0 frustrates a negative tie to camp 0 and a positive tie to camp 1.
                if forwardNegative[a] == (bestCamp[v] == 0) { stay[r] += forwardWeight[a] } else { swap[r] += forwardWeight[a] }
            }
            var extra = 0.0
            for r in touched {
                swapped[r] = swap[r] < stay[r]
                extra += min(stay[r], swap[r])
            }
            if touched.contains(where: { swapped[$0] }) {
                for v in (k + 1)..<n where swapped[root(v)] { bestCamp[v] ^= 1 }
            }
            for r in touched { swapped[r] = false; piece[r] = k }
            bestCamp[k] = 0
            best = suffix[k + 1] + extra
            target = suffix[k + 1]
            if best > target + tolerance {
                for v in k..<n { cost0[v] = 0; cost1[v] = 0 }
                camp[k] = 0
                var spread = 0.0
                for a in forwardOffsets[k]..<forwardOffsets[k + 1] {
                    let v = forwardNeighbor[a]
                    if forwardNegative[a] { cost0[v] += forwardWeight[a] } else { cost1[v] += forwardWeight[a] }
                }
                for v in (k + 1)..<n { spread += min(cost0[v], cost1[v]) }
                search(first: k, spread: spread)
                if stopped { return nil }
            }
            suffix[k] = best
            solvedFrom = k
        }
        var camps = [UInt8](repeating: 0, count: n)
        for i in 0..<n { camps[order[i]] = bestCamp[i] }
        return (camps, best)
    }

    /// Depth-first search over the camps of v_{first+1} … v_{b−1}, v_first being in camp 0 and
    /// its ties applied; `spread` is the sum of min(c₀, c₁) over the rest. Iterative (an
    /// explicit stack indexed by depth), so forcing the exact method on a block of thousands of
    /// actors cannot overflow a thread's stack. On stopping early it leaves c₀ and c₁ dirty:
    /// every subproblem starts by clearing them.
    private func search(first: Int, spread: Double) {
        var j = first + 1
        fixedAt[j] = 0
        spreadAt[j] = spread
        var entering = true
        while j > first {
            if entering {
                entering = false
                branchNodes += 1
                if branchNodes > branchLimit { stopped = true; return }
                if j == n {
                    best = fixedAt[j]
                    for v in first..<n { bestCamp[v] = camp[v] }
                    j -= 1
                    continue
                }
                tried[j] = 0
            } else if tried[j] > 0 {
                // Back from the side just tried (searched or pruned): undo its ties.
                for a in forwardOffsets[j]..<forwardOffsets[j + 1] {
                    let v = forwardNeighbor[a]
                    cost0[v] = saved0[a]; cost1[v] = saved1[a]
                }
                if best <= target + tolerance { return }
            }
            if tried[j] == 2 { j -= 1; continue }
            // j's own c₀, c₁ only change with earlier vertices, so they are as on entry.
            let c0 = cost0[j], c1 = cost1[j]
            let side = (c0 <= c1 ? 0 : 1) ^ tried[j]   // the cheaper camp first
            tried[j] += 1
            var bound = spreadAt[j] - min(c0, c1)
            for a in forwardOffsets[j]..<forwardOffsets[j + 1] {
                let v = forwardNeighbor[a], w = forwardWeight[a]
                let old0 = cost0[v], old1 = cost1[v]
                saved0[a] = old0; saved1[a] = old1
                // Frustrated if v joins j's camp over a negative tie, or the other camp over a positive one.
                if forwardNegative[a] == (side == 0) { cost0[v] = old0 + w } else { cost1[v] = old1 + w }
                bound += min(cost0[v], cost1[v]) - min(old0, old1)
            }
            camp[j] = UInt8(side)
            let assigned = fixedAt[j] + (side == 0 ? c0 : c1)
            if assigned + bound + suffix[j + 1] < best - tolerance {
                fixedAt[j + 1] = assigned
                spreadAt[j + 1] = bound
                j += 1
                entering = true
            }
        }
    }
}
