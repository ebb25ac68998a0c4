/// One score per node of a view, indexed like `network.actors`: the uniform shape of every
/// node measure.
public struct NodeScores: Sendable, Hashable {
    /// What was measured, e.g. "betweenness (normalised, distance 1/weight)".
    public let measure: String
    public let actorIDs: [String]
    public let values: [Double]

    public init(measure: String, actorIDs: [String], values: [Double]) {
        precondition(actorIDs.count == values.count, "one value per actor")
        self.measure = measure
        self.actorIDs = actorIDs
        self.values = values
    }

    public init(measure: String, view: NetworkView, values: [Double]) {
        self.init(measure: measure, actorIDs: view.network.actors.map(\.id), values: values)
    }

    /// The score of an actor by id (O(n); index `values` directly in loops).
    public subscript(id: String) -> Double? {
        actorIDs.firstIndex(of: id).map { values[$0] }
    }

    /// Actors from highest to lowest score; ties broken by id so the order is deterministic.
    public func ranking() -> [RankedScore] {
        zip(actorIDs, values).sorted { a, b in a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }.map { RankedScore(id: $0.0, value: $0.1) }
    }
}

/// One actor's place in a ranking.
public struct RankedScore: Sendable, Hashable {
    public var id: String
    public var value: Double

    public init(id: String, value: Double) {
        self.id = id
        self.value = value
    }
}

/// How a relation's strength becomes a length for shortest paths.
///
/// networkx and igraph read an edge attribute *as a distance*; a relation's weight is a
/// *strength*, so ActorNet's default is `inverse`: length 1/weight, a stronger tie is a
/// shorter path. Parallel relations between a pair count as one link whose length is the
/// shortest of theirs.
public enum Distance: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Length 1/weight (default): stronger ties are shorter.
    case inverse
    /// Length = weight, as networkx's `weight=` does: use only when weights already are distances.
    case weight
    /// Every relation has length 1: hop counts, weights ignored.
    case unit

    public func length(_ weight: Double) -> Double {
        switch self {
        case .inverse: 1 / weight
        case .weight: weight
        case .unit: 1
        }
    }

    public var description: String {
        switch self {
        case .inverse: "distance = 1/weight (stronger tie = shorter path)"
        case .weight: "distance = weight (weights read as lengths)"
        case .unit: "distance = 1 per relation (hops; weights ignored)"
        }
    }
}

/// Errors that analyses report instead of returning a wrong number.
public enum AnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An iterative method did not reach its tolerance.
    case notConverged(measure: String, iterations: Int, tolerance: Double)
    /// The view cannot support this measure (e.g. no nodes); the text says why and what to do.
    case unsupported(measure: String, reason: String)

    public var description: String {
        switch self {
        case let .notConverged(measure, iterations, tolerance):
            "\(measure) did not converge within \(iterations) iterations (tolerance \(tolerance)); "
                + "raise --max-iterations or loosen --tolerance, or check the view (e.g. a bipartite or disconnected graph)"
        case let .unsupported(measure, reason):
            "\(measure): \(reason)"
        }
    }
}
