/// Closeness centrality: how near an actor is to the others along shortest paths.
///
/// c(v) = (r − 1) / Σ_u d(u, v), over the r − 1 actors u that can reach v; with the
/// Wasserman–Faust correction (default, as networkx's `wf_improved=True`) multiplied by
/// (r − 1)/(n − 1), so actors in small components are not rated as central. In a directed view
/// distances are *incoming* (d(u, v), from u to v), as networkx computes them. An actor no one
/// reaches scores 0.
///
/// References: L. C. Freeman, "Centrality in social networks: conceptual clarification",
/// Social Networks 1(3):215–239, 1978/79, doi:10.1016/0378-8733(78)90021-7; S. Wasserman and
/// K. Faust, Social Network Analysis, Cambridge University Press, 1994, p. 201.
///
/// Sources run on every core (`threads`); the scores do not depend on the core count.
///
/// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted, divided among the cores.
public struct Closeness: Sendable {
    public var wassermanFaust = true
    public var distance: Distance = .inverse

    /// Worker threads; nil: every core. Scores do not depend on it.
    public var threads: Int?

    public init(wassermanFaust: Bool = true, distance: Distance = .inverse, threads: Int? = nil) {
        self.wassermanFaust = wassermanFaust
        self.distance = distance
        self.threads = threads
    }

    public var measureName: String {
        "closeness (\(wassermanFaust ? "Wasserman–Faust corrected" : "uncorrected"); \(distance))"
    }

    public func run(on view: NetworkView, progress: ProgressHandler? = nil) -> NodeScores {
        let graph = PathGraph(view, distance: distance).reversed()
        let n = graph.nodeCount
        let weighted = distance != .unit, wassermanFaust = wassermanFaust
        let scores = ParallelSources.map(
            sources: n, threads: threads, progress: progress,
            makeScratch: { ShortestPathCounter(graph: graph, weighted: weighted, countPaths: false) },
            body: { paths, v in
                paths.run(from: v)
                var total = 0.0
                for u in paths.order { total += paths.distance(of: Int(u)) }
                let reached = Double(paths.order.count)
                guard total > 0, n > 1 else { return 0 }
                var c = (reached - 1) / total
                if wassermanFaust { c *= (reached - 1) / Double(n - 1) }
                return c
            })
        return NodeScores(measure: measureName, view: view, values: scores)
    }
}

/// Harmonic centrality: h(v) = Σ_{u ≠ v} 1 / d(u, v), with 1/∞ = 0, so it is defined on
/// disconnected networks without correction. Not normalised (as networkx's
/// `harmonic_centrality`); divide by n − 1 for a share of the maximum. Incoming distances in a
/// directed view.
///
/// Reference: M. Marchiori and V. Latora, "Harmony in the small-world", Physica A
/// 285:539–546, 2000, doi:10.1016/S0378-4371(00)00311-3; P. Boldi and S. Vigna, "Axioms for
/// centrality", Internet Mathematics 10:222–262, 2014, doi:10.1080/15427951.2013.865686.
///
/// - Complexity: as `Closeness`.
public struct Harmonic: Sendable {
    public var distance: Distance = .inverse

    /// Worker threads; nil: every core. Scores do not depend on it.
    public var threads: Int?

    public init(distance: Distance = .inverse, threads: Int? = nil) {
        self.distance = distance
        self.threads = threads
    }

    public var measureName: String { "harmonic closeness (\(distance))" }

    public func run(on view: NetworkView, progress: ProgressHandler? = nil) -> NodeScores {
        let graph = PathGraph(view, distance: distance).reversed()
        let weighted = distance != .unit
        let scores = ParallelSources.map(
            sources: graph.nodeCount, threads: threads, progress: progress,
            makeScratch: { ShortestPathCounter(graph: graph, weighted: weighted, countPaths: false) },
            body: { paths, v in
                paths.run(from: v)
                var sum = 0.0
                for u in paths.order where Int(u) != v { sum += 1 / paths.distance(of: Int(u)) }
                return sum
            })
        return NodeScores(measure: measureName, view: view, values: scores)
    }
}
