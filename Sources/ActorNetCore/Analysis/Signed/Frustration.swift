/// The frustration index of a signed graph: the fewest ties that any split of the actors into
/// two camps must leave frustrated (Aref & Wilson 2018).
///
/// A split s ∈ {0,1}ⁿ *frustrates* a tie that is positive across the camps or negative inside
/// one. The frustration index (Harary's line index of balance) is
///
///     L = min over s of #{ties frustrated by s},
///
/// the fewest ties whose removal, or change of sign, leaves the graph balanced: L = 0 exactly
/// when the graph is balanced. The *weighted* frustration minimises the summed strength of the
/// frustrated ties instead; it is a separate optimisation and may pick another split. The
/// normalised index is F = 1 − L / (m/2) for m ties (pairs of the `SignedGraph`), with F = 1
/// when m = 0; as some split frustrates at most half the ties, 0 ≤ F ≤ 1, and F = 1 means
/// balanced.
///
/// Example: three mutual enemies (a triangle of negative ties) frustrate at least one tie
/// whatever the split, so L = 1 and F = 1 − 1/1.5 = 1/3. Read's Gahuku–Gama tribes have
/// L = 7 of 58 ties, F = 0.7586, and the best split is unique.
///
/// How it is computed. L adds up over connected components and, inside them, over blocks
/// (biconnected pieces; see `FrustrationBlocks`), so each block is solved on its own and the
/// splits are glued at the cut vertices; a bridge is never frustrated. A block is solved
/// - **exactly** by Russian-doll branch and bound (`FrustrationBranchAndBound`) when it has at
///   most `exactLimit` actors, or always with `method = .exact`;
/// - **heuristically** otherwise, by multi-start iterated local search
///   (`FrustrationLocalSearch`), with a lower bound from a packing of negative cycles
///   (`FrustrationLowerBound`), so a report can say "L ≤ 45 (lower bound 38)".
///
/// Output is canonical and deterministic: in each connected component the lowest-index actor is
/// in camp 0 (isolated actors too), frustrated pairs are sorted by id, and the local search is
/// driven by `seed`.
///
/// - Complexity: decomposition O(n + m). Exact: exponential in the block size in the worst case
///   (O(2^b · deg)); in practice milliseconds for b ≈ 30 and under a second for b ≈ 40–50 at
///   density 0.3. Heuristic: O(m) per start plus O(Σ deg) per kick over the actors it moves, so
///   about O(m + restarts × iterations × kick degree); the lower bound O(Σ deg² ) plus a
///   budget of O(n + m) cycle-search steps per block.
///
/// References:
/// - S. Aref & M. C. Wilson (2018), "Measuring partial balance in signed networks",
///   *J. Complex Networks* 6(4):566–595, doi:10.1093/comnet/cnx044 — the index, its
///   normalisation and its properties.
/// - S. Aref, A. J. Mason & M. C. Wilson (2020), "A modeling and computational study of the
///   frustration index in signed networks", *Networks* 75(1):95–110, doi:10.1002/net.21907 —
///   exact values by binary programming (the tests' Correlates-of-War reference values come
///   from such an integer program, solved by CBC).
/// - P. Doreian & A. Mrvar (1996), "A partitioning approach to structural balance",
///   *Social Networks* 18(2):149–168, doi:10.1016/0378-8733(95)00259-6 — relocation local search.
/// - F. Harary (1959), "On the measurement of structural balance", *Behavioral Science*
///   4(4):316–323 — the line index of balance.
public struct FrustrationIndex: Sendable, Hashable {
    /// How blocks are solved.
    public enum Method: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Exactly when a block has at most `exactLimit` actors, heuristically otherwise.
        case automatic
        /// Exactly, whatever the size; throws when a block needs more than `branchLimit`
        /// branch nodes.
        case exact
        /// Always by local search (with a lower bound).
        case heuristic

        public var description: String { rawValue }
    }

    public var method: Method
    /// The largest block (in actors) that `.automatic` solves exactly. Every component up to
    /// this size is solved exactly, and larger ones too when their blocks are small enough.
    public var exactLimit: Int
    /// The most branch nodes the exact search may visit per block: with `.automatic` a block
    /// that needs more is solved heuristically (and the result says so); with `.exact` it is an
    /// error. A count, not a time, so the outcome does not depend on the machine.
    public var branchLimit: Int
    /// Local-search starts per heuristic block: the first from a spanning tree, the second
    /// spectral, the rest random. A block stops early when the lower bound proves its best
    /// split optimal.
    public var restarts: Int
    /// Kicks per start; `nil` chooses by block size: 20 b for b actors, at least 500 and at
    /// most 40 000 (on 10⁴ actors more kicks stopped paying: the starts' descents already land
    /// within a percent of the lower bound).
    public var iterations: Int?
    /// Seeds the local search: the same seed gives the same result.
    public var seed: UInt64

    public init(
        method: Method = .automatic, exactLimit: Int = 50, branchLimit: Int = 20_000_000, restarts: Int = 8,
        iterations: Int? = nil, seed: UInt64 = 2018
    ) {
        self.method = method
        self.exactLimit = exactLimit
        self.branchLimit = branchLimit
        self.restarts = restarts
        self.iterations = iterations
        self.seed = seed
    }

    /// The largest group of actors one kick of the local search moves at once.
    static let kickSize = 6

    /// Computes the unweighted and the weighted frustration of `graph`.
    ///
    /// - Throws: `AnalysisError.unsupported` for options out of range, or when `.exact` is
    ///   forced on a block that needs more than `branchLimit` branch nodes.
    ///
    /// `progress` hears the ties whose blocks are solved, of every tie (twice when the weighted
    /// problem is solved on its own).
    public func run(on graph: SignedGraph, progress: ProgressHandler? = nil) throws(AnalysisError) -> FrustrationResult {
        try validate()
        let blocks = FrustrationBlocks(graph)
        // With one strength for every tie the weighted problem is the unweighted one, scaled.
        let uniform = graph.pairWeight.first.map { w in graph.pairWeight.allSatisfy { $0 == w } } ?? true
        let counter = ProgressCounter(total: graph.pairCount * (uniform ? 1 : 2), handler: progress)
        let unweighted = try solve(graph, blocks, objective: .unweighted, counter: counter)
        let weighted: FrustrationOptimum
        if uniform, let w = graph.pairWeight.first {
            weighted = unweighted.scaled(by: w, to: .weighted)
        } else {
            weighted = try solve(graph, blocks, objective: .weighted, counter: counter)
        }
        counter.finish()
        return FrustrationResult(
            actorIDs: graph.actorIDs, pairCount: graph.pairCount, ambivalentPairs: graph.ambivalentPairs,
            totalStrength: graph.pairWeight.reduce(0, +), unweighted: unweighted, weighted: weighted)
    }

    private func validate() throws(AnalysisError) {
        func fail(_ reason: String) -> AnalysisError { .unsupported(measure: "frustration index", reason: reason) }
        if exactLimit < 0 { throw fail("exactLimit must be ≥ 0 (got \(exactLimit)); use 0 to solve every block heuristically") }
        if branchLimit < 1 { throw fail("branchLimit must be ≥ 1 (got \(branchLimit)); the default is 20000000") }
        if restarts < 1 { throw fail("restarts must be ≥ 1 (got \(restarts)); the default is 8") }
        if let iterations, iterations < 0 { throw fail("iterations must be ≥ 0 (got \(iterations)); omit it to choose by size") }
    }

    /// One block's split (camps per block node, in `nodes` order) and what is known of it.
    private struct BlockSolution {
        var nodes: [Int]
        var camps: [UInt8]
        var lowerBound: Double
        var heuristicReason: FrustrationHeuristicReason?
    }

    private func solve(
        _ graph: SignedGraph, _ blocks: FrustrationBlocks, objective: FrustrationObjective, counter: ProgressCounter
    ) throws(AnalysisError) -> FrustrationOptimum {
        let n = graph.nodeCount
        var localIndex = [Int](repeating: -1, count: n)
        var solutions: [BlockSolution] = []
        solutions.reserveCapacity(blocks.blockCount)
        var statistics = (exact: 0, heuristic: 0, branchNodes: 0, restarts: 0, iterations: 0, moves: 0)
        for b in 0..<blocks.blockCount {
            let pairs = blocks.pairs(ofBlock: b)
            defer { counter.advance(by: pairs.count) }
            if pairs.count == 1, let p = pairs.first {
                // A bridge: one tie, never frustrated.
                let nodes = [Int(graph.pairU[p]), Int(graph.pairV[p])]
                solutions.append(BlockSolution(nodes: nodes, camps: [0, graph.pairSign[p] < 0 ? 1 : 0], lowerBound: 0))
                continue
            }
            let sub = FrustrationSubgraph(graph: graph, pairs: pairs, objective: objective, localIndex: &localIndex)
            var reason: FrustrationHeuristicReason?
            var provenBound = 0.0
            switch method {
            case .heuristic: reason = .requested
            case .automatic where sub.vertexCount > exactLimit:
                reason = .blockAboveExactLimit(actors: sub.vertexCount, limit: exactLimit)
            case .automatic, .exact:
                let search = FrustrationBranchAndBound(sub, branchLimit: branchLimit)
                let solved = search.solve()
                statistics.branchNodes += search.branchNodes
                if let solved {
                    statistics.exact += 1
                    solutions.append(BlockSolution(nodes: sub.nodes, camps: solved.camps, lowerBound: solved.value))
                    continue
                }
                if method == .exact {
                    throw AnalysisError.unsupported(
                        measure: "frustration index",
                        reason: "the exact search on a block of \(sub.vertexCount) actors (around "
                            + "\(graph.actorIDs[sub.nodes[0]])) stopped after \(branchLimit) branch nodes; "
                            + "raise branchLimit, or use the automatic or heuristic method for a bounded answer")
                }
                reason = .branchLimitReached(branchNodes: branchLimit)
                provenBound = search.provenBound
            }
            // The cycle packing is guided by the split, so it is redone whenever a start improves
            // it; once it meets the split's cost, the split is optimal and the search stops.
            var packing = 0.0
            let found = FrustrationLocalSearch(sub).run(
                restarts: restarts, iterations: iterations ?? min(max(500, 20 * sub.vertexCount), 40_000),
                kickSize: Self.kickSize, seed: seed ^ (UInt64(sub.nodes[0]) &* 0x9E37_79B9_7F4A_7C15)
            ) { camps, cost in
                packing = max(packing, FrustrationLowerBound(graph: sub).value(
                    guidedBy: camps, budget: 200 * (sub.vertexCount + sub.tieCount)))
                return max(packing, provenBound) >= cost - sub.tolerance
            }
            statistics.heuristic += 1
            statistics.restarts += found.restarts
            statistics.iterations += found.iterations
            statistics.moves += found.moves
            solutions.append(BlockSolution(
                nodes: sub.nodes, camps: found.camps, lowerBound: min(found.value, max(packing, provenBound)),
                heuristicReason: reason))
        }

        let camps = Self.glue(solutions, nodeCount: n, blocks: blocks)
        let search = FrustrationSearch(
            exactBlocks: statistics.exact, heuristicBlocks: statistics.heuristic, branchNodes: statistics.branchNodes,
            restarts: statistics.restarts, iterations: statistics.iterations,
            moves: statistics.moves, seed: seed)
        return FrustrationOptimum(
            objective: objective, graph: graph, blocks: blocks, camps: camps, blockSizes: solutions.map(\.nodes.count),
            blockBounds: solutions.map(\.lowerBound), blockReasons: solutions.map(\.heuristicReason), search: search)
    }

    /// Glues the blocks' splits along the block–cut tree, from each component's lowest-index
    /// actor (in camp 0): a block met through a cut vertex is swapped whole if it disagrees
    /// there. O(n + m).
    private static func glue(_ solutions: [BlockSolution], nodeCount n: Int, blocks: FrustrationBlocks) -> [Int] {
        var incidenceOffsets = [Int](repeating: 0, count: n + 1)
        for s in solutions { for x in s.nodes { incidenceOffsets[x + 1] += 1 } }
        for v in 0..<n { incidenceOffsets[v + 1] += incidenceOffsets[v] }
        var incidence = [(block: Int, position: Int)](repeating: (0, 0), count: incidenceOffsets[n])
        var fill = Array(incidenceOffsets.dropLast())
        for (b, s) in solutions.enumerated() {
            for (i, x) in s.nodes.enumerated() { incidence[fill[x]] = (b, i); fill[x] += 1 }
        }
        var camps = [Int](repeating: 0, count: n)
        var placed = [Bool](repeating: false, count: solutions.count)
        var queue: [Int] = []
        for root in blocks.componentRoot {
            queue = [root]
            var head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                for (b, i) in incidence[incidenceOffsets[v]..<incidenceOffsets[v + 1]] where !placed[b] {
                    placed[b] = true
                    let s = solutions[b]
                    let swap = Int(s.camps[i]) != camps[v]
                    for (j, x) in s.nodes.enumerated() where j != i {
                        camps[x] = Int(s.camps[j]) ^ (swap ? 1 : 0)
                        queue.append(x)
                    }
                }
            }
        }
        return camps
    }
}

/// What a frustrated tie costs.
public enum FrustrationObjective: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Every tie costs 1: the frustration index L.
    case unweighted
    /// A tie costs its strength: the weighted frustration.
    case weighted

    public var description: String { rawValue }
}

/// How a value was obtained.
public enum FrustrationMethod: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Proven optimal by exhaustive branch and bound.
    case exact
    /// The best split local search found: an upper bound, with a proven lower bound beside it.
    case heuristic

    public var description: String { rawValue }
}

/// Why a component was solved heuristically.
public enum FrustrationHeuristicReason: Sendable, Hashable, CustomStringConvertible {
    /// `method = .heuristic` was asked for.
    case requested
    /// A block of the component has more actors than `exactLimit`.
    case blockAboveExactLimit(actors: Int, limit: Int)
    /// The exact search on a block visited `branchNodes` (the limit) without finishing.
    case branchLimitReached(branchNodes: Int)

    public var description: String {
        switch self {
        case .requested: "heuristic method requested"
        case let .blockAboveExactLimit(actors, limit): "a block of \(actors) actors is above the exact limit of \(limit)"
        case let .branchLimitReached(nodes): "the exact search stopped at its limit of \(nodes) branch nodes"
        }
    }
}

/// Two actors whose tie a split frustrates.
public struct FrustratedPair: Sendable, Hashable {
    /// The two actor ids, the smaller first.
    public let first: String
    public let second: String
    public let sign: Sign
    /// The tie's (net) strength, > 0.
    public let strength: Double
}

/// The frustration of one connected component (with at least one tie).
public struct FrustrationComponent: Sendable, Hashable {
    /// Its lowest-index actor, in camp 0.
    public let root: String
    public let actors: Int
    public let pairs: Int
    /// Actors in its largest block (biconnected piece): the size the exact limit applies to.
    public let largestBlock: Int
    /// The cost of the frustrated ties in the component, and a proven lower bound (equal when
    /// exact).
    public let value: Double
    public let lowerBound: Double
    public let method: FrustrationMethod
    /// Why it is not exact (the first block that was not), or nil when exact.
    public let heuristicReason: FrustrationHeuristicReason?
}

/// How much searching was done.
public struct FrustrationSearch: Sendable, Hashable {
    /// Blocks (biconnected pieces with at least two ties; bridges need no search) solved
    /// exactly and heuristically.
    public let exactBlocks: Int
    public let heuristicBlocks: Int
    /// Branch nodes the exact search visited, over all blocks.
    public let branchNodes: Int
    /// Local-search starts, kicks and single-actor moves, over all heuristic blocks. A block
    /// stops before `restarts` starts once the lower bound meets its best split.
    public let restarts: Int
    public let iterations: Int
    public let moves: Int
    public let seed: UInt64
}

/// The best split found for one objective, what it costs, and how sure that is.
public struct FrustrationOptimum: Sendable, Hashable, CustomStringConvertible {
    public let objective: FrustrationObjective
    /// The cost of the split's frustrated ties: L for `.unweighted` (a whole number), the summed
    /// strength for `.weighted`. Optimal when `method` is exact, an upper bound otherwise.
    public let value: Double
    /// A proven lower bound on the optimum; equal to `value` when exact.
    public let lowerBound: Double
    /// Exact when every component is.
    public let method: FrustrationMethod
    /// Per actor (indexed like `actorIDs`): camp 0 or 1, in canonical form.
    public let camps: [Int]
    /// The ties the split frustrates, sorted by (first, second) id.
    public let frustrated: [FrustratedPair]
    /// Per connected component with ties, in order of their lowest-index actor.
    public let components: [FrustrationComponent]
    public let search: FrustrationSearch

    /// Whether `value` is proven optimal: exact, or met by the lower bound.
    public var isOptimal: Bool { method == .exact || lowerBound >= value - 1e-9 * max(1, value) }

    /// "L = 7 (exact)", "L ≤ 45 (heuristic; lower bound 38)", "weighted L = 7.5 (exact)".
    public var description: String {
        let name = objective == .weighted ? "weighted L" : "L"
        switch (method, isOptimal) {
        case (.exact, _): return "\(name) = \(NumberText.exact(value)) (exact)"
        case (.heuristic, true): return "\(name) = \(NumberText.exact(value)) (heuristic, met by the lower bound)"
        case (.heuristic, false):
            return "\(name) ≤ \(NumberText.exact(value)) (heuristic; lower bound \(NumberText.exact(lowerBound)))"
        }
    }

    init(
        objective: FrustrationObjective, graph: SignedGraph, blocks: FrustrationBlocks, camps: [Int],
        blockSizes: [Int], blockBounds: [Double], blockReasons: [FrustrationHeuristicReason?], search: FrustrationSearch
    ) {
        let ids = graph.actorIDs
        var frustrated: [FrustratedPair] = []
        let c = blocks.componentCount
        var componentValue = [Double](repeating: 0, count: c)
        var componentPairs = [Int](repeating: 0, count: c)
        var value = 0.0
        for p in 0..<graph.pairCount {
            let (u, v) = (Int(graph.pairU[p]), Int(graph.pairV[p]))
            componentPairs[blocks.component[u]] += 1
            guard (graph.pairSign[p] < 0) == (camps[u] == camps[v]) else { continue }
            let cost = objective == .weighted ? graph.pairWeight[p] : 1
            value += cost
            componentValue[blocks.component[u]] += cost
            let (a, b) = ids[u] < ids[v] ? (ids[u], ids[v]) : (ids[v], ids[u])
            frustrated.append(FrustratedPair(first: a, second: b, sign: graph.pairSign[p] < 0 ? .negative : .positive,
                                             strength: graph.pairWeight[p]))
        }
        frustrated.sort { ($0.first, $0.second) < ($1.first, $1.second) }

        var componentActors = [Int](repeating: 0, count: c)
        for v in 0..<graph.nodeCount { componentActors[blocks.component[v]] += 1 }
        var componentBound = [Double](repeating: 0, count: c)
        var componentReason = [FrustrationHeuristicReason?](repeating: nil, count: c)
        var largestBlock = [Int](repeating: 0, count: c)
        for b in 0..<blocks.blockCount {
            let k = blocks.blockComponent[b]
            componentBound[k] += blockBounds[b]
            if componentReason[k] == nil { componentReason[k] = blockReasons[b] }
            largestBlock[k] = max(largestBlock[k], blockSizes[b])
        }
        var components: [FrustrationComponent] = []
        for k in 0..<c where componentPairs[k] > 0 {
            let exact = componentReason[k] == nil
            components.append(FrustrationComponent(
                root: ids[blocks.componentRoot[k]], actors: componentActors[k], pairs: componentPairs[k],
                largestBlock: largestBlock[k], value: componentValue[k],
                lowerBound: exact ? componentValue[k] : min(componentBound[k], componentValue[k]),
                method: exact ? .exact : .heuristic, heuristicReason: componentReason[k]))
        }
        let exact = components.allSatisfy { $0.method == .exact }
        self.objective = objective
        self.value = value
        self.lowerBound = exact ? value : min(value, components.reduce(0) { $0 + $1.lowerBound })
        self.method = exact ? .exact : .heuristic
        self.camps = camps
        self.frustrated = frustrated
        self.components = components
        self.search = search
    }

    private init(copying other: FrustrationOptimum, objective: FrustrationObjective, value: Double,
                 lowerBound: Double, components: [FrustrationComponent]) {
        self.objective = objective
        self.value = value
        self.lowerBound = lowerBound
        self.method = other.method
        self.camps = other.camps
        self.frustrated = other.frustrated
        self.components = components
        self.search = other.search
    }

    /// The same split read under another objective whose costs are all `factor` times these.
    func scaled(by factor: Double, to objective: FrustrationObjective) -> FrustrationOptimum {
        FrustrationOptimum(
            copying: self, objective: objective, value: value * factor, lowerBound: lowerBound * factor,
            components: components.map {
                FrustrationComponent(root: $0.root, actors: $0.actors, pairs: $0.pairs, largestBlock: $0.largestBlock,
                                     value: $0.value * factor, lowerBound: $0.lowerBound * factor, method: $0.method,
                                     heuristicReason: $0.heuristicReason)
            })
    }
}

/// The frustration of a signed graph, unweighted (the index L) and weighted, each with a split
/// that attains it.
public struct FrustrationResult: Sendable, Hashable, CustomStringConvertible {
    public let actorIDs: [String]
    /// m: the ties (pairs of the signed graph).
    public let pairCount: Int
    /// Pairs left out because their relations cancel (see `SignedGraph`).
    public let ambivalentPairs: Int
    /// The summed strength of all ties.
    public let totalStrength: Double
    /// The frustration index: fewest frustrated ties, with its split.
    public let unweighted: FrustrationOptimum
    /// The weighted frustration: least summed strength of frustrated ties, with its own split.
    public let weighted: FrustrationOptimum

    /// L, the frustration index (an upper bound when the method is heuristic).
    public var index: Int { Int(unweighted.value) }
    /// A proven lower bound on L (equal to L when exact).
    public var indexLowerBound: Int { Int(unweighted.lowerBound.rounded(.up)) }
    /// F = 1 − L / (m/2); 1 when there are no ties.
    public var normalizedIndex: Double { pairCount == 0 ? 1 : 1 - unweighted.value / (Double(pairCount) / 2) }
    /// The weighted frustration: least summed strength of frustrated ties.
    public var weightedIndex: Double { weighted.value }
    /// Exact when both optimisations are.
    public var method: FrustrationMethod {
        unweighted.method == .exact && weighted.method == .exact ? .exact : .heuristic
    }

    /// The camp of an actor in the split that attains L, or nil for an unknown id. O(n).
    public func camp(of id: String) -> Int? { actorIDs.firstIndex(of: id).map { unweighted.camps[$0] } }

    /// The ids of the actors in camp `k` (0 or 1) of the split for `objective`, sorted.
    public func actors(inCamp k: Int, for objective: FrustrationObjective = .unweighted) -> [String] {
        let camps = objective == .unweighted ? unweighted.camps : weighted.camps
        return actorIDs.indices.filter { camps[$0] == k }.map { actorIDs[$0] }.sorted()
    }

    /// "L = 7 (exact), F = 0.7586207; weighted L = 7 (exact)".
    public var description: String {
        "\(unweighted), F = \(Self.fixed(normalizedIndex, decimals: 7)); \(weighted)"
    }

    /// x with exactly `decimals` digits after the point, the same on every platform.
    private static func fixed(_ x: Double, decimals: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let digits = Int64((abs(x) * Double(scale)).rounded())
        let fraction = String(digits % scale)
        return (x < 0 && digits != 0 ? "-" : "") + "\(digits / scale)."
            + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
