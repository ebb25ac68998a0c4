import Foundation

/// Betweenness centrality (Brandes 2001): how often an actor lies on shortest paths between
/// others.
///
/// For a node v: c(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t), where σ(s, t) counts shortest
/// s–t paths and σ(s, t | v) those through v. With `endpoints`, s and t count as on their own
/// paths. Conventions are networkx's (`betweenness_centrality`), so numbers agree with it:
/// - raw (`normalized: false`): sums over ordered pairs, halved for undirected graphs;
/// - normalised: divided by (N)(N − 1) ordered pairs, N = n − 1 (or n with endpoints);
///   networkx's `_rescale` — for undirected graphs this equals 2/((n−1)(n−2)) of the raw value.
/// Weighted paths use `distance` (default 1/weight: a stronger tie is a shorter path).
/// Parallel relations count as one link of the shortest of their lengths.
///
/// Reference: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol.
/// 25(2):163–177, 2001, doi:10.1080/0022250X.2001.9990249.
///
/// Sources are processed on every core (`threads`), with results independent of the core
/// count (`ParallelSources`).
///
/// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted, divided among the cores;
///   O(n + m) memory per core plus up to 64 rows of n doubles.
public struct Betweenness: Sendable {
    public var normalized = true
    public var endpoints = false
    /// How strength becomes length. `.unit` gives unweighted (hop-count) betweenness.
    public var distance: Distance = .inverse

    public init(normalized: Bool = true, endpoints: Bool = false, distance: Distance = .inverse, threads: Int? = nil) {
        self.normalized = normalized
        self.endpoints = endpoints
        self.distance = distance
        self.threads = threads
    }

    /// Estimate from a sample of sources instead of all (opt-in; see `BetweennessSampling`).
    public var sampling: BetweennessSampling?

    public var measureName: String {
        "betweenness (\(normalized ? "normalised" : "raw")\(endpoints ? ", endpoints counted" : ""); \(distance))"
    }

    /// The measure's name for a run on n actors, saying when the values are estimates, how
    /// many sources were sampled and the error bound, in the units of the output.
    public func measureName(actors n: Int, directed: Bool) -> String {
        // (`.automatic` comes here only when it computes exactly: k ≥ n.)
        guard let sampling, sampling.method != .paths, case let k = sampling.sampleSize(actors: n), k < n else {
            return measureName
        }
        return "approximate " + String(measureName.dropLast()) + "; \(k) of \(n) sources sampled, seed \(sampling.seed): "
            + bound(sampling, actors: n, directed: directed) + ")"
    }

    /// "every value within ±ε with probability ≥ 1 − δ", ε in the output's units.
    func bound(_ sampling: BetweennessSampling, actors n: Int, directed: Bool) -> String {
        let unit = Betweenness.scale(n: n, normalized: true, directed: directed, endpoints: endpoints)
        let bound = normalized ? sampling.epsilon
            : sampling.epsilon / unit * Betweenness.scale(n: n, normalized: false, directed: directed, endpoints: endpoints)
        return "every value within ±\(String(format: "%.3g", bound)) with probability ≥ \(String(format: "%.3g", 1 - sampling.delta))"
    }

    /// Worker threads; nil: every core. The scores do not depend on it (see `ParallelSources`).
    public var threads: Int?
    /// Source classes summed separately (nil: by size; 1: the plain sequential sum). Tests only.
    var partitions: Int?

    public func run(on view: NetworkView, progress: ProgressHandler? = nil) -> NodeScores {
        let graph = PathGraph(view, distance: distance)
        let n = graph.nodeCount
        if let sampling, sampling.resolved(actors: n, links: graph.heads.count) == .paths, n > 2 {
            return adaptive(view, graph, sampling, progress: progress)
        }
        // Sampled sources (estimator n/k Σ over the sample: unbiased), or all of them.
        let sample = sampling?.sources(actors: n)
        let endpoints = endpoints
        var scores = ParallelSources.sum(
            sources: sample?.count ?? n, rowSize: n, partitions: partitions, threads: threads, progress: progress,
            makeScratch: { BrandesScratch(graph: graph, weighted: distance != .unit) },
            body: { scratch, i, row in scratch.accumulate(from: sample?[i] ?? i, into: row, endpoints: endpoints) })
        var scale = Betweenness.scale(n: n, normalized: normalized, directed: graph.directed, endpoints: endpoints)
        if let sample, !sample.isEmpty { scale *= Double(n) / Double(sample.count) }
        if scale != 1 { for v in 0..<n { scores[v] *= scale } }
        return NodeScores(measure: measureName(actors: n, directed: graph.directed), view: view, values: scores)
    }

    /// KADABRA (`AdaptiveBetweenness`), its bound λ on b(v) = 1/(n(n − 1)) Σ σ_st(v)/σ_st set
    /// so that the output's normalised values are within ε: networkx's normalised betweenness is
    /// b(v)·n/(n − 2) (with endpoints, b(v) itself).
    private func adaptive(_ view: NetworkView, _ graph: PathGraph, _ sampling: BetweennessSampling,
                          progress: ProgressHandler?) -> NodeScores {
        let n = graph.nodeCount
        let factor = endpoints ? 1 : Double(n) / Double(n - 2)
        let estimator = AdaptiveBetweenness(lambda: sampling.epsilon / factor, delta: sampling.delta, seed: sampling.seed,
                                            endpoints: endpoints, threads: threads)
        let outcome = estimator.run(graph: graph, weighted: distance != .unit, progress: progress)
        var scale = factor
        if !normalized {
            scale /= Betweenness.scale(n: n, normalized: true, directed: graph.directed, endpoints: endpoints)
            scale *= Betweenness.scale(n: n, normalized: false, directed: graph.directed, endpoints: endpoints)
        }
        let name = "approximate " + String(measureName.dropLast()) + "; adaptive path sampling (KADABRA): "
            + "\(outcome.samples) paths of at most \(outcome.omega) (vertex diameter ≤ \(outcome.vertexDiameter)), "
            + "seed \(sampling.seed): " + bound(sampling, actors: n, directed: graph.directed) + ")"
        return NodeScores(measure: name, view: view, values: outcome.values.map { $0 * scale })
    }

    /// networkx's `_rescale` without sampling.
    static func scale(n: Int, normalized: Bool, directed: Bool, endpoints: Bool) -> Double {
        let N = endpoints ? n : n - 1
        guard N >= 2 else { return 1 }
        if normalized { return 1 / (Double(N) * Double(N - 1)) }
        return directed ? 1 : 0.5
    }
}

/// Approximate betweenness by source sampling (Brandes and Pich 2007): Brandes' accumulation
/// from k sources drawn uniformly without replacement, scaled by n/k, an unbiased estimate.
///
/// The bound: each source adds to an actor's normalised betweenness a term in [0, n/(n − 1)];
/// by Hoeffding's inequality (which holds for sampling without replacement) and a union bound
/// over the n actors, k = ⌈(n/(n − 1))² ln(2n/δ) / (2ε²)⌉ sources make *every* actor's
/// estimate lie within ε of its exact normalised value with probability at least 1 − δ. When
/// k ≥ n every source is used and the values are exact.
///
/// References: U. Brandes and C. Pich, "Centrality estimation in large networks", Int. J.
/// Bifurcation and Chaos 17(7):2303–2318, 2007, doi:10.1142/S0218127407018403; W. Hoeffding,
/// "Probability inequalities for sums of bounded random variables", JASA 58:13–30, 1963.
public struct BetweennessSampling: Sendable, Hashable {
    /// The largest error allowed on normalised betweenness (0 < ε < 1).
    public let epsilon: Double
    /// The probability allowed for any actor to miss that bound (0 < δ < 1).
    public let delta: Double
    /// Which sources are drawn: the same seed gives the same estimate.
    public let seed: UInt64
    /// How: sampled sources (Brandes–Pich, a fixed number), sampled shortest paths (KADABRA,
    /// adaptive: it stops as soon as the bound is reached; `AdaptiveBetweenness`), or
    /// automatic (the CLI's and the service's default): exact on small networks (the fixed
    /// sample would need every source, and actors × links ≤ `exactWorkLimit`), paths otherwise.
    public let method: Method

    public enum Method: String, Sendable, Hashable, CaseIterable {
        case sources, paths
        /// Exact (all sources) on small networks, paths otherwise (`resolved(actors:links:)`).
        case automatic = "auto"
    }

    /// The exact work, actors × links, that `.automatic` still does exactly rather than
    /// estimate: about a third of a second on two cores (M, 10k actors and 67k links, is 6.7e8
    /// and takes 2.4 s exactly, 0.08 s by KADABRA at ε = 0.01).
    public static let exactWorkLimit = 1e8

    /// The method used on n actors joined by m links: `.automatic` is `.sources` when the
    /// source sample would take every actor (then it computes exactly) and the exact work is
    /// within `exactWorkLimit`, and `.paths` otherwise.
    public func resolved(actors n: Int, links m: Int) -> Method {
        guard method == .automatic else { return method }
        return sampleSize(actors: n) >= n && Double(n) * Double(max(1, m)) <= Self.exactWorkLimit ? .sources : .paths
    }

    /// A bound outside (0, 1) is refused, not quietly turned into an exact computation.
    public struct OutOfRange: Error, Sendable, Equatable, CustomStringConvertible {
        /// `epsilon` or `delta`.
        public var parameter: String
        public var value: Double
        public var description: String {
            "\(parameter) must be in (0, 1), e.g. \(parameter == "epsilon" ? "0.01" : "0.1"); got \(NumberText.exact(value))"
        }
    }

    public init(epsilon: Double = 0.01, delta: Double = 0.1, seed: UInt64 = 1, method: Method = .sources) throws(OutOfRange) {
        guard epsilon > 0, epsilon < 1 else { throw OutOfRange(parameter: "epsilon", value: epsilon) }
        guard delta > 0, delta < 1 else { throw OutOfRange(parameter: "delta", value: delta) }
        self.epsilon = epsilon
        self.delta = delta
        self.seed = seed
        self.method = method
    }

    /// Sources needed for the bound on n actors (n when the bound needs them all).
    public func sampleSize(actors n: Int) -> Int {
        guard n > 2 else { return n }
        let range = Double(n) / Double(n - 1)
        let k = (range * range * log(2 * Double(n) / delta) / (2 * epsilon * epsilon)).rounded(.up)
        return k >= Double(n) ? n : Int(k)
    }

    /// The sampled sources in increasing order, or nil when every source is needed.
    func sources(actors n: Int) -> [Int]? {
        let k = sampleSize(actors: n)
        guard k < n else { return nil }
        // Partial Fisher–Yates with the generator's portable PRNG: deterministic for the seed on
        // every platform (the standard library's random APIs promise no stable algorithm).
        var random = Xoshiro256StarStar(seed: seed)
        var pool = Array(0..<n)
        for i in 0..<k { pool.swapAt(i, i + random.nextInt(below: n - i)) }
        return pool[0..<k].sorted()
    }
}

/// Edge betweenness (Brandes 2001; networkx's `edge_betweenness_centrality`): for each actor
/// pair joined in the view, the share of shortest paths through that link. Parallel relations
/// are one link, so scores are per pair (per ordered pair in a directed view).
///
/// Normalised: divided by n(n − 1); raw: halved for undirected graphs (as networkx).
///
/// - Complexity: as `Betweenness`.
public struct EdgeBetweenness: Sendable {
    public var normalized = true
    public var distance: Distance = .inverse

    public init(normalized: Bool = true, distance: Distance = .inverse, threads: Int? = nil) {
        self.normalized = normalized
        self.distance = distance
        self.threads = threads
    }

    public struct Result: Sendable, Hashable {
        public struct Entry: Sendable, Hashable {
            /// The two actor ids: (tail, head) in a directed view, else sorted by actor order.
            public var source: String
            public var target: String
            public var value: Double
        }
        public var measure: String
        public var directed: Bool
        public var entries: [Entry]

        /// Links from highest to lowest; ties by ids.
        public func ranking() -> [Entry] {
            entries.sorted { a, b in
                a.value != b.value ? a.value > b.value : (a.source, a.target) < (b.source, b.target)
            }
        }
    }

    /// Worker threads; nil: every core. The scores do not depend on it.
    public var threads: Int?
    /// Source classes summed separately (nil: by size; 1: sequential). Tests only.
    var partitions: Int?

    public func run(on view: NetworkView, progress: ProgressHandler? = nil) -> Result {
        let graph = PathGraph(view, distance: distance)
        let n = graph.nodeCount
        let scores = ParallelSources.sum(
            sources: n, rowSize: graph.pairEnds.count, partitions: partitions, threads: threads, progress: progress,
            makeScratch: { BrandesScratch(graph: graph, weighted: distance != .unit) },
            body: { scratch, s, row in scratch.accumulate(from: s, into: row, byLink: true) })
        let scale: Double
        if normalized {
            scale = n > 1 ? 1 / (Double(n) * Double(n - 1)) : 1
        } else {
            scale = graph.directed || n < 2 ? 1 : 0.5
        }
        let ids = view.network.actors.map(\.id)
        let entries = graph.pairEnds.enumerated().map { p, ends in
            Result.Entry(source: ids[ends.0], target: ids[ends.1], value: scores[p] * scale)
        }
        let name = "edge betweenness (\(normalized ? "normalised" : "raw"); \(distance))"
        return Result(measure: name, directed: graph.directed, entries: entries)
    }
}

/// One worker's buffers for Brandes' accumulation, allocated once and reused for every source.
struct BrandesScratch {
    let paths: ShortestPathCounter
    /// Per node: δ_s, the dependency of the source on it.
    let delta: UnsafeMutableBufferPointer<Double>
    private let owner: Owner

    /// Frees `delta` with the scratch.
    private final class Owner {
        let buffer: UnsafeMutableBufferPointer<Double>
        init(_ buffer: UnsafeMutableBufferPointer<Double>) { self.buffer = buffer }
        deinit { buffer.deallocate() }
    }

    init(graph: PathGraph, weighted: Bool) {
        paths = ShortestPathCounter(graph: graph, weighted: weighted)
        delta = .allocate(capacity: max(1, graph.nodeCount))
        delta.initialize(repeating: 0)
        owner = Owner(delta)
    }

    /// Adds source s's dependencies into `row`: per node δ_s(v) (plus endpoint counts), or with
    /// `byLink` per actor pair (the links' shares, for edge betweenness).
    func accumulate(from s: Int, into row: UnsafeMutableBufferPointer<Double>, endpoints: Bool = false,
                    byLink: Bool = false) {
        paths.run(from: s)
        if endpoints { row[s] += Double(paths.order.count - 1) }
        let graph = paths.graph
        graph.linkPair.withUnsafeBufferPointer { linkPair in
            graph.tails.withUnsafeBufferPointer { tails in
                pushFromPredecessors(s, row.baseAddress!, tails.baseAddress!, linkPair.baseAddress!,
                                     endpoints: endpoints, byLink: byLink)
            }
        }
    }

    /// Brandes' accumulation over the predecessor lists the search recorded, in reverse order.
    @inline(__always)
    private func pushFromPredecessors(_ s: Int, _ row: UnsafeMutablePointer<Double>, _ tails: UnsafePointer<Int32>,
                                      _ linkPair: UnsafePointer<Int32>, endpoints: Bool, byLink: Bool) {
        let order = paths.order, sigma = paths.sigma, delta = delta.baseAddress!
        let predStart = paths.predStart, predCount = paths.predCount, predLinks = paths.predLinks
        let endpoint = endpoints ? 1.0 : 0.0
        for w in order { delta[Int(w)] = 0 }
        var i = order.count
        while i > 0 {
            i &-= 1
            let w = Int(order[i])
            let coefficient = (1 + delta[w]) / sigma[w]
            var p = predStart[w]
            let end = p &+ Int(predCount[w])
            while p < end {
                let l = Int(predLinks[p])
                let v = Int(tails[l])
                let c = sigma[v] * coefficient
                if byLink { row[Int(linkPair[l])] += c }
                delta[v] += c
                p &+= 1
            }
            if !byLink, w != s { row[w] += delta[w] + endpoint }
        }
    }
}
