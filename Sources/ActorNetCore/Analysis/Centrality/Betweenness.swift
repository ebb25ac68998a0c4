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
/// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted; O(n + m) memory.
public struct Betweenness: Sendable {
    public var normalized = true
    public var endpoints = false
    /// How strength becomes length. `.unit` gives unweighted (hop-count) betweenness.
    public var distance: Distance = .inverse

    public init(normalized: Bool = true, endpoints: Bool = false, distance: Distance = .inverse) {
        self.normalized = normalized
        self.endpoints = endpoints
        self.distance = distance
    }

    public var measureName: String {
        "betweenness (\(normalized ? "normalised" : "raw")\(endpoints ? ", endpoints counted" : ""); \(distance))"
    }

    public func run(on view: NetworkView) -> NodeScores {
        let graph = PathGraph(view, distance: distance)
        let n = graph.nodeCount
        var scores = [Double](repeating: 0, count: n)
        var paths = ShortestPathCounter(graph: graph, weighted: distance != .unit)
        var delta = [Double](repeating: 0, count: n)
        for s in 0..<n {
            paths.run(from: s)
            let order = paths.order
            if endpoints { scores[s] += Double(order.count - 1) }
            for w in order { delta[w] = 0 }
            for w in order.reversed() {
                let coefficient = (1 + delta[w]) / paths.sigma[w]
                for l in paths.predecessors(of: w) {
                    let v = Int(graph.tails[l])
                    delta[v] += paths.sigma[v] * coefficient
                }
                if w != s { scores[w] += delta[w] + (endpoints ? 1 : 0) }
            }
        }
        let scale = Betweenness.scale(n: n, normalized: normalized, directed: graph.directed, endpoints: endpoints)
        if scale != 1 { for v in 0..<n { scores[v] *= scale } }
        return NodeScores(measure: measureName, view: view, values: scores)
    }

    /// networkx's `_rescale` without sampling.
    static func scale(n: Int, normalized: Bool, directed: Bool, endpoints: Bool) -> Double {
        let N = endpoints ? n : n - 1
        guard N >= 2 else { return 1 }
        if normalized { return 1 / (Double(N) * Double(N - 1)) }
        return directed ? 1 : 0.5
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

    public init(normalized: Bool = true, distance: Distance = .inverse) {
        self.normalized = normalized
        self.distance = distance
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

    public func run(on view: NetworkView) -> Result {
        let graph = PathGraph(view, distance: distance)
        let n = graph.nodeCount
        var scores = [Double](repeating: 0, count: graph.pairEnds.count)
        var paths = ShortestPathCounter(graph: graph, weighted: distance != .unit)
        var delta = [Double](repeating: 0, count: n)
        for s in 0..<n {
            paths.run(from: s)
            for w in paths.order { delta[w] = 0 }
            for w in paths.order.reversed() {
                let coefficient = (1 + delta[w]) / paths.sigma[w]
                for l in paths.predecessors(of: w) {
                    let v = Int(graph.tails[l])
                    let c = paths.sigma[v] * coefficient
                    scores[Int(graph.linkPair[l])] += c
                    delta[v] += c
                }
            }
        }
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
