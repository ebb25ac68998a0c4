/// The exact frustration index of one block, by Russian-doll branch and bound.
///
/// The vertices are put in a fixed order v₀ … v_{b−1} and the search assigns camps in that
/// order. With v₀ … v_j assigned, the ties split three ways, and each part gets its own bound:
/// - ties among assigned vertices: their frustration is known (`fixed`);
/// - ties between an assigned and an unassigned vertex u: at least min(c₀(u), c₁(u)), where
///   c_k(u) is what u's ties to assigned vertices would frustrate if u joined camp k; summed
///   over the unassigned u, each tie counted once (the bound the Doreian–Mrvar relocation
///   gain uses, kept up to date in O(deg) per assignment);
/// - ties among the unassigned vertices v_{j+1} … v_{b−1}: at least the exact frustration of
///   that induced subgraph, which Russian-doll search has already computed.
///
/// Russian-doll search (Verfaillie, Lemaître & Schiex, AAAI 1996) solves the nested
/// subproblems on v_k … v_{b−1} for k = b−1 down to 0, each with the exact values of all the
/// smaller ones as the third bound and, as its starting incumbent, the previous optimum with
/// v_k added on its better side. Each subproblem fixes its first vertex in camp 0 (swapping
/// both camps changes nothing), tries the cheaper camp first, and stops as soon as it meets the
/// previous optimum, a lower bound for it.
///
/// Aref, Mason & Wilson (2020, Networks 75(1):95–110, doi:10.1002/net.21907) solve the same
/// problem by binary programming; this search needs no solver and is exact for the blocks of
/// up to about 60 actors that signed international networks have.
///
/// - Complexity: O(2^b · deg) in the worst case for a block of b vertices; each branch node
///   costs O(deg) to update the bounds. Memory O(b + m).
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
        suffix = [Double](repeating: 0, count: n + 1)
        solvedFrom = n
    }

    deinit {
        for p in [forwardOffsets, forwardNeighbor] { p.deallocate() }
        for p in [forwardWeight, cost0, cost1, saved0, saved1] { p.deallocate() }
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
        for k in stride(from: n - 1, through: 0, by: -1) {
            // Incumbent: the previous optimum, with v_k on its cheaper side.
            var frustrated0 = 0.0, frustrated1 = 0.0
            for a in forwardOffsets[k]..<forwardOffsets[k + 1] {
                let same = bestCamp[forwardNeighbor[a]] == 0
                // With v_k in camp 0, the tie is frustrated if negative and v in camp 0, or
                // positive and v in camp 1; in camp 1 the other way round.
                if forwardNegative[a] == same { frustrated0 += forwardWeight[a] } else { frustrated1 += forwardWeight[a] }
            }
            if frustrated1 < frustrated0 {
                for v in (k + 1)..<n { bestCamp[v] ^= 1 }
            }
            bestCamp[k] = 0
            best = suffix[k + 1] + min(frustrated0, frustrated1)
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
                descend(k, k + 1, 0, spread)
                if stopped { return nil }
            }
            suffix[k] = best
            solvedFrom = k
        }
        var camps = [UInt8](repeating: 0, count: n)
        for i in 0..<n { camps[order[i]] = bestCamp[i] }
        return (camps, best)
    }

    /// Branches on vertex j of subproblem `first`, with v_first … v_{j−1} assigned: `fixed` is
    /// the cost of the ties among them and `spread` the sum over j … b−1 of min(c₀, c₁).
    private func descend(_ first: Int, _ j: Int, _ fixed: Double, _ spread: Double) {
        branchNodes += 1
        if branchNodes > branchLimit { stopped = true; return }
        if j == n {
            best = fixed
            for v in first..<n { bestCamp[v] = camp[v] }
            return
        }
        let c0 = cost0[j], c1 = cost1[j]
        let rest = spread - min(c0, c1)
        let cheaper: UInt8 = c0 <= c1 ? 0 : 1
        let arcs = forwardOffsets[j]..<forwardOffsets[j + 1]
        for step: UInt8 in 0...1 {
            let side = cheaper ^ step
            let assigned = fixed + (side == 0 ? c0 : c1)
            var bound = rest
            for a in arcs {
                let v = forwardNeighbor[a], w = forwardWeight[a]
                let old0 = cost0[v], old1 = cost1[v]
                saved0[a] = old0; saved1[a] = old1
                // Frustrated if v joins j's camp over a negative tie, or the other camp over a positive one.
                if forwardNegative[a] == (side == 0) { cost0[v] = old0 + w } else { cost1[v] = old1 + w }
                bound += min(cost0[v], cost1[v]) - min(old0, old1)
            }
            camp[j] = side
            if assigned + bound + suffix[j + 1] < best - tolerance {
                descend(first, j + 1, assigned, bound)
            }
            for a in arcs {
                let v = forwardNeighbor[a]
                cost0[v] = saved0[a]; cost1[v] = saved1[a]
            }
            if stopped || best <= target + tolerance { return }
        }
    }
}
