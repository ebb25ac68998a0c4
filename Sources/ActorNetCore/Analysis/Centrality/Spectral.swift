import Foundation

/// The weighted adjacency the spectral measures iterate on: A[u][v] = the summed strength of
/// the view's arcs u → v (1 per arc when unweighted), so parallel relations add up — networkx's
/// rule for multigraphs in `to_scipy_sparse_array`. An undirected relation is an arc both ways.
///
/// Stored both ways: out-rows (for Ax) and in-rows (for Aᵀx), so both products are gathers —
/// each output entry summed from its own row, with no scattered writes. In a view without
/// one-way edges A is symmetric and the two share storage.
///
/// - Complexity: O(n + m) to build (parallel arcs merged through a per-node slot table, no
///   sort), O(n + m) per product.
struct WeightedAdjacency: Sendable {
    let nodeCount: Int
    /// CSR of out-links: u's links are `offsets[u]..<offsets[u+1]` (heads in first-arc order).
    let offsets: [Int]
    let heads: [Int32]
    let weights: [Double]
    /// CSR of in-links: v's links are `inOffsets[v]..<inOffsets[v+1]`, from `tails`.
    let inOffsets: [Int]
    let tails: [Int32]
    let inWeights: [Double]

    init(_ view: NetworkView, weighted: Bool) {
        let n = view.nodeCount
        nodeCount = n
        let edgeWeight: [Double] = weighted ? Array(view.edgeWeight) : []
        var offsets = [Int](repeating: 0, count: n + 1)
        var heads = [Int32](), weights = [Double]()
        heads.reserveCapacity(view.arcCount)
        weights.reserveCapacity(view.arcCount)
        // slot[w]: where w sits in the row being built (an older value is below the row's start).
        var slot = [Int](repeating: -1, count: n)
        view.outOffsets.withUnsafeBufferPointer { outOffsets in
            view.outNeighbor.withUnsafeBufferPointer { outNeighbor in
                view.outEdge.withUnsafeBufferPointer { outEdge in
                    for v in 0..<n {
                        let rowStart = heads.count
                        for a in Int(outOffsets[v])..<Int(outOffsets[v + 1]) {
                            let w = Int(outNeighbor[a])
                            let x = weighted ? edgeWeight[Int(outEdge[a])] : 1
                            let p = slot[w]
                            if p >= rowStart {
                                weights[p] += x
                            } else {
                                slot[w] = heads.count
                                heads.append(Int32(truncatingIfNeeded: w))
                                weights.append(x)
                            }
                        }
                        offsets[v + 1] = heads.count
                    }
                }
            }
        }
        self.offsets = offsets
        self.heads = heads
        self.weights = weights
        if !view.hasDirectedEdges {
            (inOffsets, tails, inWeights) = (offsets, heads, weights)
        } else {
            // Counting sort of the links by head.
            var inOffsets = [Int](repeating: 0, count: n + 1)
            for h in heads { inOffsets[Int(h) + 1] += 1 }
            for v in 0..<n { inOffsets[v + 1] += inOffsets[v] }
            var next = inOffsets
            var tails = [Int32](repeating: 0, count: heads.count), inWeights = [Double](repeating: 0, count: heads.count)
            for u in 0..<n {
                for l in offsets[u]..<offsets[u + 1] {
                    let h = Int(heads[l])
                    tails[next[h]] = Int32(truncatingIfNeeded: u)
                    inWeights[next[h]] = weights[l]
                    next[h] += 1
                }
            }
            (self.inOffsets, self.tails, self.inWeights) = (inOffsets, tails, inWeights)
        }
    }

    /// y[v] = Σ_l x[index[l]] · weight[l] over v's row l ∈ rows[v]..<rows[v+1], for v in
    /// `range`: a gather.
    @inline(__always)
    private static func gather(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, range: Range<Int>,
                               _ rows: [Int], _ index: [Int32], _ weight: [Double]) {
        rows.withUnsafeBufferPointer { rows in
            index.withUnsafeBufferPointer { index in
                weight.withUnsafeBufferPointer { weight in
                    for v in range {
                        var sum = 0.0
                        var l = rows[v]
                        let end = rows[v &+ 1]
                        while l < end {
                            sum += x[Int(index[l])] * weight[l]
                            l &+= 1
                        }
                        y[v] = sum
                    }
                }
            }
        }
    }

    /// y = Aᵀx: y[v] = Σ_u x[u] A[u][v] (what flows into v).
    func transposeTimes(_ x: [Double], into y: inout [Double]) {
        let n = nodeCount
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                Self.gather(x.baseAddress!, into: y.baseAddress!, range: 0..<n, inOffsets, tails, inWeights)
            }
        }
    }

    /// y = Ax: y[u] = Σ_v A[u][v] x[v].
    func times(_ x: [Double], into y: inout [Double]) {
        let n = nodeCount
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                Self.gather(x.baseAddress!, into: y.baseAddress!, range: 0..<n, offsets, heads, weights)
            }
        }
    }
}

/// Options shared by the iterative measures.
public struct Iteration: Sendable, Hashable {
    /// Most iterations before giving up with `AnalysisError.notConverged`.
    public var maxIterations: Int = 10_000
    /// Stop when Σ|x − x_previous| < n × tolerance (networkx's criterion).
    public var tolerance: Double = 1e-12

    public init(maxIterations: Int = 10_000, tolerance: Double = 1e-12) {
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }
}

private func requireNodes(_ view: NetworkView, _ measure: String) throws(AnalysisError) {
    if view.nodeCount == 0 { throw AnalysisError.unsupported(measure: measure, reason: "the network has no actors") }
}

private func euclideanNorm(_ x: [Double]) -> Double {
    // Scaled to avoid overflow, as hypot does.
    let m = x.reduce(0) { max($0, abs($1)) }
    guard m > 0 else { return 0 }
    return m * x.reduce(0) { $0 + ($1 / m) * ($1 / m) }.squareRoot()
}

/// Eigenvector centrality: x proportional to the principal eigenvector of Aᵀ (an actor is
/// central when central actors tie to it; in a directed view, ties *into* the actor count).
///
/// Power iteration on (Aᵀ + I) from the uniform vector, normalised to unit Euclidean length, as
/// networkx's `eigenvector_centrality` (the shift by I makes it converge on bipartite graphs
/// too). On a disconnected view the result depends on that start and weights components by
/// their leading eigenvalues; read it per component.
///
/// Reference: P. Bonacich, "Factoring and weighting approaches to status scores and clique
/// identification", J. Math. Sociol. 2(1):113–120, 1972, doi:10.1080/0022250X.1972.9989806.
///
/// - Complexity: O(m) per iteration.
public struct Eigenvector: Sendable {
    public var weighted = true
    public var iteration = Iteration()

    public init(weighted: Bool = true, iteration: Iteration = Iteration()) {
        self.weighted = weighted
        self.iteration = iteration
    }

    public var measureName: String { "eigenvector (\(weighted ? "weighted by strength" : "unweighted"))" }

    public func run(on view: NetworkView) throws(AnalysisError) -> NodeScores {
        try requireNodes(view, "eigenvector")
        let a = WeightedAdjacency(view, weighted: weighted)
        let n = a.nodeCount
        var x = [Double](repeating: 1 / Double(n), count: n)
        var y = x
        for _ in 0..<iteration.maxIterations {
            a.transposeTimes(x, into: &y)
            for v in 0..<n { y[v] += x[v] }
            let norm = euclideanNorm(y)
            let scale = norm == 0 ? 1 : 1 / norm
            var change = 0.0
            for v in 0..<n {
                y[v] *= scale
                change += abs(y[v] - x[v])
            }
            swap(&x, &y)
            if change < Double(n) * iteration.tolerance {
                return NodeScores(measure: measureName, view: view, values: x)
            }
        }
        throw AnalysisError.notConverged(measure: "eigenvector", iterations: iteration.maxIterations,
                                         tolerance: iteration.tolerance)
    }
}

/// PageRank: the stationary distribution of a random walk that follows ties (in proportion to
/// their strength) with probability `damping` and otherwise jumps to an actor drawn from the
/// personalisation vector (uniform by default). Actors with no outgoing tie ("dangling") jump
/// by the personalisation vector too, as networkx does. Scores sum to 1.
///
/// Reference: S. Brin and L. Page, "The anatomy of a large-scale hypertextual web search
/// engine", Computer Networks 30:107–117, 1998, doi:10.1016/S0169-7552(98)00110-X.
///
/// - Complexity: O(m) per iteration.
public struct PageRank: Sendable {
    public var damping = 0.85
    public var weighted = true
    /// Jump weights by actor id (missing actors: 0). Nil: uniform.
    public var personalization: [String: Double]?
    public var iteration = Iteration()
    /// Worker threads for the iterations on large networks; nil: every core. The scores do not
    /// depend on it (`RowBlocks`).
    public var threads: Int?

    public init(damping: Double = 0.85, weighted: Bool = true, personalization: [String: Double]? = nil,
                iteration: Iteration = Iteration(), threads: Int? = nil) {
        self.damping = damping
        self.weighted = weighted
        self.personalization = personalization
        self.iteration = iteration
        self.threads = threads
    }

    public var measureName: String {
        "pagerank (damping \(NumberText.exact(damping)); \(weighted ? "weighted by strength" : "unweighted")"
            + (personalization == nil ? ")" : "; personalised)")
    }

    public func run(on view: NetworkView) throws(AnalysisError) -> NodeScores {
        try requireNodes(view, "pagerank")
        guard damping >= 0, damping < 1 else {
            throw AnalysisError.unsupported(measure: "pagerank", reason: "damping \(damping) must be in [0, 1)")
        }
        let a = WeightedAdjacency(view, weighted: weighted)
        let n = a.nodeCount
        var p = [Double](repeating: 1 / Double(n), count: n)
        if let personalization {
            p = [Double](repeating: 0, count: n)
            for (id, value) in personalization {
                guard let v = view.node(ofActor: id) else {
                    throw AnalysisError.unsupported(measure: "pagerank", reason: "personalisation names unknown actor '\(id)'")
                }
                guard value.isFinite, value >= 0 else {
                    throw AnalysisError.unsupported(measure: "pagerank",
                                                    reason: "personalisation weight \(value) for '\(id)' must be finite and ≥ 0")
                }
                p[v] = value
            }
            let total = p.reduce(0, +)
            guard total > 0 else {
                throw AnalysisError.unsupported(measure: "pagerank", reason: "personalisation weights sum to 0")
            }
            for v in 0..<n { p[v] /= total }
        }
        var outStrength = [Double](repeating: 0, count: n)
        for u in 0..<n { for l in a.offsets[u]..<a.offsets[u + 1] { outStrength[u] += a.weights[l] } }
        // Per iteration: z[u] = x[u] / s(u) (0 for a dangling actor, whose mass is spread by
        // p instead), then y = Aᵀz, a gather over in-links, by blocks of rows on every core.
        let inverseStrength = outStrength.map { $0 == 0 ? 0 : 1 / $0 }
        let blocks = RowBlocks(rows: a.inOffsets, count: n)
        let workers = a.tails.count >= minimumParallelLinks
            ? max(1, min(threads ?? ParallelSources.defaultThreads, blocks.count)) : 1
        let state = PowerState(n: n, blocks: blocks.count, start: 1 / Double(n), jump: p)
        defer { state.deallocate() }
        let damping = damping, teleport = 1 - damping
        for _ in 0..<iteration.maxIterations {
            var dangling = 0.0
            let x = state.x, z = state.z
            for u in 0..<n {
                if outStrength[u] == 0 { dangling += x[u] }
                z[u] = x[u] * inverseStrength[u]
            }
            let next = WorkCounter(end: blocks.count), danglingMass = dangling
            ParallelSources.runWorkers(workers) { [a, blocks] _ in
                while let taken = next.take(1) {
                    let b = taken.lowerBound
                    state.change[b] = a.pageRankStep(rows: blocks.range(b), from: state, damping: damping, teleport: teleport,
                                                     dangling: danglingMass)
                }
            }
            // Summed in block order: the same total whichever thread did which block.
            var change = 0.0
            for b in 0..<blocks.count { change += state.change[b] }
            state.swap()
            if change < Double(n) * iteration.tolerance {
                return NodeScores(measure: measureName, view: view, values: Array(UnsafeBufferPointer(start: state.x, count: n)))
            }
        }
        throw AnalysisError.notConverged(measure: "pagerank", iterations: iteration.maxIterations,
                                         tolerance: iteration.tolerance)
    }

    /// Links from which an iteration's gather is split among threads (below it, one thread:
    /// starting threads would cost more than they save). Tests lower it.
    var minimumParallelLinks = 200_000
}

/// Rows split into at most 64 blocks of about equal numbers of links: the unit of parallel
/// work and the order the blocks' sums are added in, fixed by the graph alone (so results do
/// not depend on the number of threads).
struct RowBlocks: Sendable {
    private let starts: [Int]
    var count: Int { starts.count - 1 }

    init(rows: [Int], count n: Int) {
        let links = rows[n]
        let wanted = max(1, min(64, n / 1024, links / 16_384))
        var starts = [0]
        var v = 0
        for b in 1..<wanted {
            let target = links * b / wanted
            while v < n && rows[v] < target { v += 1 }
            if v > starts[starts.count - 1] && v < n { starts.append(v) }
        }
        starts.append(n)
        self.starts = starts
    }

    func range(_ b: Int) -> Range<Int> { starts[b]..<starts[b + 1] }
}

/// The vectors of a power iteration, shared by the threads that fill disjoint rows of `y` and
/// their own block's `change`; freed by the owner after the workers have joined.
final class PowerState: @unchecked Sendable {
    private(set) var x: UnsafeMutablePointer<Double>
    private(set) var y: UnsafeMutablePointer<Double>
    let z: UnsafeMutablePointer<Double>
    /// The jump (teleport) distribution.
    let p: UnsafeMutablePointer<Double>
    /// Per block: Σ |y − x| over its rows.
    let change: UnsafeMutablePointer<Double>

    init(n: Int, blocks: Int, start: Double, jump: [Double]) {
        x = .allocate(capacity: max(1, n))
        x.initialize(repeating: start, count: n)
        y = .allocate(capacity: max(1, n))
        y.initialize(repeating: 0, count: n)
        z = .allocate(capacity: max(1, n))
        z.initialize(repeating: 0, count: n)
        let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n))
        _ = UnsafeMutableBufferPointer(start: p, count: n).initialize(from: jump)  // safe when n is 0
        self.p = p
        change = .allocate(capacity: max(1, blocks))
        change.initialize(repeating: 0, count: max(1, blocks))
    }

    func swap() { (x, y) = (y, x) }

    func deallocate() {
        x.deallocate()
        y.deallocate()
        z.deallocate()
        p.deallocate()
        change.deallocate()
    }
}

extension WeightedAdjacency {
    /// One PageRank step on `rows`: y[v] = damping (Σ_in z[u] w(u, v) + dangling p[v]) +
    /// teleport p[v]; returns Σ |y[v] − x[v]| over those rows.
    func pageRankStep(rows: Range<Int>, from state: PowerState, damping: Double, teleport: Double, dangling: Double) -> Double {
        let x = state.x, y = state.y, p = state.p
        Self.gather(state.z, into: y, range: rows, inOffsets, tails, inWeights)
        var change = 0.0
        for v in rows {
            let value = damping * (y[v] + dangling * p[v]) + teleport * p[v]
            y[v] = value
            change += abs(value - x[v])
        }
        return change
    }
}

/// Katz centrality: x = α Aᵀ x + β, counting walks into an actor with weight α^length, then
/// (by default) normalised to unit Euclidean length, as networkx's `katz_centrality`. Converges
/// only when α < 1/λ_max of the adjacency; otherwise reports non-convergence.
///
/// With no α given, α = 0.5/λ_max (half the largest value that converges; 0.5 when λ_max < 1),
/// so the default works on weighted networks too, where networkx's fixed 0.1 often diverges.
/// The α used is part of the measure's name in every output.
///
/// Reference: L. Katz, "A new status index derived from sociometric analysis", Psychometrika
/// 18(1):39–43, 1953, doi:10.1007/BF02289026.
///
/// - Complexity: O(m) per iteration (and as many again to estimate λ_max when α is not given).
public struct Katz: Sendable {
    /// Attenuation; nil: 0.5/λ_max.
    public var alpha: Double?
    public var beta = 1.0
    public var normalized = true
    public var weighted = true
    public var iteration = Iteration()

    public init(alpha: Double? = nil, beta: Double = 1, normalized: Bool = true, weighted: Bool = true,
                iteration: Iteration = Iteration()) {
        self.alpha = alpha
        self.beta = beta
        self.normalized = normalized
        self.weighted = weighted
        self.iteration = iteration
    }

    func measureName(alpha: Double, automatic: Bool) -> String {
        "katz (α \(String(format: "%.6g", alpha))\(automatic ? " = 0.5/λ_max" : ""), β \(NumberText.exact(beta)); "
            + "\(weighted ? "weighted by strength" : "unweighted"))"
    }

    public func run(on view: NetworkView) throws(AnalysisError) -> NodeScores {
        try requireNodes(view, "katz")
        let a = WeightedAdjacency(view, weighted: weighted)
        let n = a.nodeCount
        let alpha: Double
        if let given = self.alpha {
            alpha = given
        } else {
            alpha = 0.5 / max(1, try a.spectralRadius(iteration: iteration))
        }
        var x = [Double](repeating: 0, count: n)
        var y = x
        for _ in 0..<iteration.maxIterations {
            a.transposeTimes(x, into: &y)
            var change = 0.0
            for v in 0..<n {
                y[v] = alpha * y[v] + beta
                change += abs(y[v] - x[v])
            }
            swap(&x, &y)
            if !change.isFinite { break }
            if change < Double(n) * iteration.tolerance {
                if normalized {
                    let norm = euclideanNorm(x)
                    if norm > 0 { for v in 0..<n { x[v] /= norm } }
                }
                return NodeScores(measure: measureName(alpha: alpha, automatic: self.alpha == nil), view: view, values: x)
            }
        }
        throw AnalysisError.notConverged(measure: "katz (α = \(NumberText.exact(alpha)); α must be below 1/λ_max)",
                                         iterations: iteration.maxIterations, tolerance: iteration.tolerance)
    }
}

extension WeightedAdjacency {
    /// λ_max, the spectral radius of A, by power iteration on A + I (the shift makes it converge
    /// on bipartite graphs; ρ(A + I) = ρ(A) + 1 for a non-negative A).
    func spectralRadius(iteration: Iteration) throws(AnalysisError) -> Double {
        let n = nodeCount
        var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
        var y = x
        var estimate = 0.0
        for _ in 0..<iteration.maxIterations {
            transposeTimes(x, into: &y)
            for v in 0..<n { y[v] += x[v] }
            let norm = euclideanNorm(y)
            guard norm > 0 else { return 0 }
            for v in 0..<n { y[v] /= norm }
            swap(&x, &y)
            if abs(norm - estimate) <= 1e-13 * norm { return norm - 1 }
            estimate = norm
        }
        throw AnalysisError.notConverged(measure: "katz: estimating λ_max (give --alpha instead)",
                                         iterations: iteration.maxIterations, tolerance: 1e-13)
    }
}

/// HITS hubs and authorities (Kleinberg 1999): authorities are the principal right singular
/// vector of A (actors many good hubs point to), hubs are A·authorities; each normalised to sum
/// 1, as networkx's `hits`. Computed by power iteration on AᵀA. In an undirected view hubs and
/// authorities coincide.
///
/// Reference: J. M. Kleinberg, "Authoritative sources in a hyperlinked environment", J. ACM
/// 46(5):604–632, 1999, doi:10.1145/324133.324140.
///
/// - Complexity: O(m) per iteration.
public struct HITS: Sendable {
    public var weighted = true
    public var iteration = Iteration()

    public init(weighted: Bool = true, iteration: Iteration = Iteration()) {
        self.weighted = weighted
        self.iteration = iteration
    }

    public struct Result: Sendable, Hashable {
        public var hubs: NodeScores
        public var authorities: NodeScores
    }

    public func run(on view: NetworkView) throws(AnalysisError) -> Result {
        try requireNodes(view, "hits")
        let a = WeightedAdjacency(view, weighted: weighted)
        let n = a.nodeCount
        let suffix = weighted ? "weighted by strength" : "unweighted"
        var auth = [Double](repeating: 1 / Double(n), count: n)
        var hub = [Double](repeating: 0, count: n)
        var next = auth
        if a.heads.isEmpty {
            // No ties: every actor is as good (or as bad) a hub and authority as any other.
            let scores = NodeScores(measure: "", view: view, values: auth)
            return Result(hubs: NodeScores(measure: "hits hubs (\(suffix))", actorIDs: scores.actorIDs, values: auth),
                          authorities: NodeScores(measure: "hits authorities (\(suffix))", actorIDs: scores.actorIDs,
                                                  values: auth))
        }
        for _ in 0..<iteration.maxIterations {
            a.times(auth, into: &hub)
            a.transposeTimes(hub, into: &next)
            let total = next.reduce(0, +)
            guard total > 0 else { break }
            var change = 0.0
            for v in 0..<n {
                next[v] /= total
                change += abs(next[v] - auth[v])
            }
            swap(&auth, &next)
            if change < Double(n) * iteration.tolerance {
                a.times(auth, into: &hub)
                let hubTotal = hub.reduce(0, +)
                if hubTotal > 0 { for v in 0..<n { hub[v] /= hubTotal } }
                return Result(hubs: NodeScores(measure: "hits hubs (\(suffix))", view: view, values: hub),
                              authorities: NodeScores(measure: "hits authorities (\(suffix))", view: view, values: auth))
            }
        }
        throw AnalysisError.notConverged(measure: "hits", iterations: iteration.maxIterations,
                                         tolerance: iteration.tolerance)
    }
}
