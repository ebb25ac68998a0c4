/// PN centrality: a centrality for networks with positive and negative ties, in which ties to
/// well-connected friends raise an actor's score and ties to enemies lower it.
///
/// Everett & Borgatti (2014), "Networks containing negative ties", *Social Networks* 38:111–120,
/// doi:10.1016/j.socnet.2014.03.005:
///
///     PN = (I − A / (2n − 2))⁻¹ · 1,   A = P − 2N,
///
/// where P and N are the 0/1 adjacency matrices of the positive and negative ties of the
/// `SignedGraph` (one net sign per pair; strengths are ignored) and n is the number of actors.
/// Negative ties weigh twice as much as positive ones, as in the paper. An actor without ties
/// scores 1. This is signnet's `pn_index`; on Everett & Borgatti's 10-actor example (their
/// table 5) actor 1 scores 0.9009747.
///
/// For a single actor 2n − 2 = 0 but A = 0, so PN = 1 (the score of any actor without ties).
/// With no actors the result is empty.
///
/// The system is solved by LU decomposition with partial pivoting (`LUDecomposition`). It is
/// singular when A has the eigenvalue 2n − 2, which happens for two actors joined by a
/// negative tie (A has eigenvalues ±2); that case is reported as an error, not a number.
///
/// - Complexity: O(n³) time and O(n²) memory (a dense solve). Graphs with more than
///   `maximumActors` actors are refused.
public struct PNCentrality: Sendable, Hashable {
    /// The largest graph accepted: the dense solve takes 8n² bytes and O(n³) time.
    public var maximumActors: Int

    public static let defaultMaximumActors = 5000

    public init(maximumActors: Int = PNCentrality.defaultMaximumActors) {
        self.maximumActors = maximumActors
    }

    /// - Throws: `AnalysisError.unsupported` when the system is singular or the graph has more
    ///   than `maximumActors` actors.
    public func run(on graph: SignedGraph) throws(AnalysisError) -> NodeScores {
        let n = graph.nodeCount
        let measure = "PN centrality"
        guard n <= maximumActors else { throw PNSystem.tooLarge(measure, n, maximumActors) }
        var a = [Double](repeating: 0, count: n * n)
        for p in 0..<graph.pairCount {
            let (u, v) = (Int(graph.pairU[p]), Int(graph.pairV[p]))
            let value: Double = graph.pairSign[p] > 0 ? 1 : -2
            a[u * n + v] = value
            a[v * n + u] = value
        }
        let ones = [Double](repeating: 1, count: n)
        let lu = try PNSystem.factor(adjacency: a, order: n, maximumActors: maximumActors, measure: measure)
        let values = lu.map { $0.solve(ones) } ?? ones
        return NodeScores(measure: "PN centrality (Everett & Borgatti 2014)", actorIDs: graph.actorIDs, values: values)
    }
}

/// Directed PN centrality: PN with the view's directions kept (Everett & Borgatti 2014,
/// doi:10.1016/j.socnet.2014.03.005).
///
///     PN_out = (I − A / (2n − 2))⁻¹ · 1,   PN_in = (I − Aᵀ / (2n − 2))⁻¹ · 1,   A = P − 2N,
///
/// where A_ij describes the tie *from* i *to* j. It reads the `NetworkView` with the
/// directions it was built with: a directed relation is a tie one way, an undirected relation
/// a tie both ways. Each *ordered* pair gets the net sign of the relations running that way
/// (Σ sign × strength > 0: positive; < 0: negative); a pair whose relations cancel exactly is
/// ambivalent and left out, and counted in `ambivalentOrderedPairs`. PN_out rewards ties sent
/// to actors who themselves send positive ties, PN_in ties received from them.
///
/// When every relation is undirected (or the view is built with `direction: .undirected`),
/// PN_out = PN_in = `PNCentrality` on `SignedGraph(view)`. One actor scores 1, as there.
///
/// - Complexity: O(n³) time and O(n²) memory: one LU decomposition serves both solves.
public struct DirectedPNCentrality: Sendable, Hashable {
    public var maximumActors: Int

    public init(maximumActors: Int = PNCentrality.defaultMaximumActors) {
        self.maximumActors = maximumActors
    }

    /// - Throws: `AnalysisError.unsupported` when the system is singular or the view has more
    ///   than `maximumActors` actors.
    public func run(on view: NetworkView) throws(AnalysisError) -> DirectedPNScores {
        let n = view.nodeCount
        let measure = "directed PN centrality"
        guard n <= maximumActors else { throw PNSystem.tooLarge(measure, n, maximumActors) }
        var net = [Double](repeating: 0, count: n * n)
        var present = [Bool](repeating: false, count: n * n)
        for i in 0..<n {
            for arc in Int(view.outOffsets[i])..<Int(view.outOffsets[i + 1]) {
                let j = Int(view.outNeighbor[arc]), e = Int(view.outEdge[arc])
                net[i * n + j] += Double(view.edgeSign[e]) * view.edgeWeight[e]
                present[i * n + j] = true
            }
        }
        var ambivalent = 0
        for x in 0..<(n * n) where present[x] {
            if net[x] > 0 {
                net[x] = 1
            } else if net[x] < 0 {
                net[x] = -2
            } else {
                ambivalent += 1
            }
        }
        let ids = view.network.actors.map(\.id)
        let lu = try PNSystem.factor(adjacency: net, order: n, maximumActors: maximumActors, measure: measure)
        let ones = [Double](repeating: 1, count: n)
        // (I − A/(2n−2))ᵀ = I − Aᵀ/(2n−2): PN_in comes from the same factors.
        let outgoing = lu.map { $0.solve(ones) } ?? ones
        let incoming = lu.map { $0.solveTransposed(ones) } ?? ones
        return DirectedPNScores(
            outgoing: NodeScores(measure: "PN centrality, outgoing ties (Everett & Borgatti 2014)", actorIDs: ids,
                                 values: outgoing),
            incoming: NodeScores(measure: "PN centrality, incoming ties (Everett & Borgatti 2014)", actorIDs: ids,
                                 values: incoming),
            ambivalentOrderedPairs: ambivalent)
    }
}

/// The result of `DirectedPNCentrality`.
public struct DirectedPNScores: Sendable, Hashable {
    /// PN_out: from the ties each actor sends.
    public let outgoing: NodeScores
    /// PN_in: from the ties each actor receives.
    public let incoming: NodeScores
    /// Ordered pairs whose relations that way cancel exactly, left out.
    public let ambivalentOrderedPairs: Int
}

/// The linear system (I − A/(2n − 2))·x = 1 shared by the PN variants.
enum PNSystem {
    static func tooLarge(_ measure: String, _ n: Int, _ limit: Int) -> AnalysisError {
        .unsupported(measure: measure, reason: "the graph has \(n) actors; the dense solve is limited to \(limit) "
            + "(O(n³) time); filter the view to fewer actors or raise maximumActors")
    }

    /// The LU factors of I − A/(2n − 2) for the row-major n × n matrix A, or nil when n ≤ 1
    /// (every score is then 1).
    static func factor(adjacency a: [Double], order n: Int, maximumActors: Int, measure: String)
        throws(AnalysisError) -> LUDecomposition? {
        guard n <= maximumActors else { throw tooLarge(measure, n, maximumActors) }
        guard n > 1 else { return nil }
        let scale = 1 / Double(2 * n - 2)
        var m = a
        for x in 0..<(n * n) { m[x] = -scale * a[x] }
        for i in 0..<n { m[i * n + i] += 1 }
        guard let lu = LUDecomposition(rowMajor: m, order: n) else {
            throw .unsupported(measure: measure, reason: "I − A/(2n−2) is singular, so PN is undefined "
                + "(this happens for two actors joined by a negative tie); add actors or analyse another view")
        }
        return lu
    }
}
