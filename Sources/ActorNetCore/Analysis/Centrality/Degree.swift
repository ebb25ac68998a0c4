/// Degree and strength of every actor in a view: how many relations it has and how strong they
/// are, in total, in and out, by sign and by kind.
///
/// Every relation counts, parallel ones included (as networkx's degree on a multigraph).
/// - `degree`: relations touching the actor (each once);
/// - `outDegree` / `inDegree`: arcs leaving / entering it — an undirected relation is both;
/// - `strength`, `outStrength`, `inStrength`: the same summed over weights;
/// - `positive…` / `negative…`: degree and strength restricted to relations of that sign
///   (in the default positive-only view the negative ones are 0: choose `--sign any`);
/// - `byKind`: degree per relation kind.
///
/// - Complexity: O(n + m).
public struct DegreeStrength: Sendable {
    public init() {}

    public struct Row: Sendable, Hashable {
        public var id: String
        public var degree = 0, inDegree = 0, outDegree = 0
        public var strength = 0.0, inStrength = 0.0, outStrength = 0.0
        public var positiveDegree = 0, negativeDegree = 0
        public var positiveStrength = 0.0, negativeStrength = 0.0
        /// Degree per kind name, for kinds with at least one relation here.
        public var byKind: [String: Int] = [:]
        /// Signed degree: positive minus negative relations.
        public var signedDegree: Int { positiveDegree - negativeDegree }
    }

    public struct Result: Sendable, Hashable {
        public var rows: [Row]
        public var directed: Bool

        /// One column as scores, for ranking and export.
        public func scores(_ column: Column) -> NodeScores {
            NodeScores(measure: column.rawValue, actorIDs: rows.map(\.id), values: rows.map { column.value(of: $0) })
        }
    }

    /// The numeric columns of a row.
    public enum Column: String, Sendable, CaseIterable {
        case degree, inDegree = "in-degree", outDegree = "out-degree"
        case strength, inStrength = "in-strength", outStrength = "out-strength"
        case positiveDegree = "positive-degree", negativeDegree = "negative-degree", signedDegree = "signed-degree"
        case positiveStrength = "positive-strength", negativeStrength = "negative-strength"

        public func value(of row: Row) -> Double {
            switch self {
            case .degree: Double(row.degree)
            case .inDegree: Double(row.inDegree)
            case .outDegree: Double(row.outDegree)
            case .strength: row.strength
            case .inStrength: row.inStrength
            case .outStrength: row.outStrength
            case .positiveDegree: Double(row.positiveDegree)
            case .negativeDegree: Double(row.negativeDegree)
            case .signedDegree: Double(row.signedDegree)
            case .positiveStrength: row.positiveStrength
            case .negativeStrength: row.negativeStrength
            }
        }
    }

    public func run(on view: NetworkView) -> Result {
        var rows = view.network.actors.map { Row(id: $0.id) }
        let kindNames = view.network.kinds.map(\.name)
        for e in 0..<view.edgeCount {
            let s = Int(view.edgeSource[e]), t = Int(view.edgeTarget[e])
            let w = view.edgeWeight[e]
            let positive = view.edgeSign[e] > 0
            let kind = kindNames[Int(view.edgeKind[e])]
            for v in [s, t] {
                rows[v].degree += 1
                rows[v].strength += w
                if positive {
                    rows[v].positiveDegree += 1
                    rows[v].positiveStrength += w
                } else {
                    rows[v].negativeDegree += 1
                    rows[v].negativeStrength += w
                }
                rows[v].byKind[kind, default: 0] += 1
            }
            rows[s].outDegree += 1
            rows[s].outStrength += w
            rows[t].inDegree += 1
            rows[t].inStrength += w
            if !view.edgeDirected[e] {
                rows[t].outDegree += 1
                rows[t].outStrength += w
                rows[s].inDegree += 1
                rows[s].inStrength += w
            }
        }
        return Result(rows: rows, directed: view.hasDirectedEdges)
    }
}
