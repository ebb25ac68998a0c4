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
/// Computed in one pass over the view's edges into flat per-actor columns (and one flat
/// actors × kinds table for `byKind`); `rows` and the per-kind dictionaries are made only when
/// read.
///
/// - Complexity: O(n × kinds + m).
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

    /// Per-actor columns, indexed as the view's nodes (`network.actors`).
    public struct Result: Sendable, Hashable {
        public var actorIDs: [String]
        public var directed: Bool
        public var degree: [Int], inDegree: [Int], outDegree: [Int]
        public var strength: [Double], inStrength: [Double], outStrength: [Double]
        public var positiveDegree: [Int], negativeDegree: [Int]
        public var positiveStrength: [Double], negativeStrength: [Double]
        /// The network's kind names, the columns of `kindDegree`.
        public var kinds: [String]
        /// Degree per actor and kind: `kindDegree[actor * kinds.count + kind]`.
        public var kindDegree: [Int32]

        /// Degree per kind name of one actor, for kinds with at least one relation here.
        public func byKind(of node: Int) -> [String: Int] {
            var counts: [String: Int] = [:]
            let base = node * kinds.count
            for (k, name) in kinds.enumerated() where kindDegree[base + k] > 0 { counts[name] = Int(kindDegree[base + k]) }
            return counts
        }

        /// Every actor's row (made on request: the columns are the result).
        public var rows: [Row] {
            actorIDs.indices.map { v in
                Row(id: actorIDs[v], degree: degree[v], inDegree: inDegree[v], outDegree: outDegree[v],
                    strength: strength[v], inStrength: inStrength[v], outStrength: outStrength[v],
                    positiveDegree: positiveDegree[v], negativeDegree: negativeDegree[v],
                    positiveStrength: positiveStrength[v], negativeStrength: negativeStrength[v], byKind: byKind(of: v))
            }
        }

        /// One column, per actor.
        public func values(_ column: Column) -> [Double] {
            switch column {
            case .degree: degree.map(Double.init)
            case .inDegree: inDegree.map(Double.init)
            case .outDegree: outDegree.map(Double.init)
            case .strength: strength
            case .inStrength: inStrength
            case .outStrength: outStrength
            case .positiveDegree: positiveDegree.map(Double.init)
            case .negativeDegree: negativeDegree.map(Double.init)
            case .signedDegree: zip(positiveDegree, negativeDegree).map { Double($0 - $1) }
            case .positiveStrength: positiveStrength
            case .negativeStrength: negativeStrength
            }
        }

        /// One column as scores, for ranking and export.
        public func scores(_ column: Column) -> NodeScores {
            NodeScores(measure: column.rawValue, actorIDs: actorIDs, values: values(column))
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
        let n = view.nodeCount, kindCount = view.network.kinds.count
        var degree = [Int](repeating: 0, count: n), inDegree = degree, outDegree = degree
        var positiveDegree = degree, negativeDegree = degree
        var strength = [Double](repeating: 0, count: n), inStrength = strength, outStrength = strength
        var positiveStrength = strength, negativeStrength = strength
        var kindDegree = [Int32](repeating: 0, count: n * kindCount)
        let network = view.network
        let positiveKind = network.kinds.map { $0.sign == .positive }
        let declaredDirections = view.filter.direction == .asDeclared
        for r32 in view.edgeRelation {
            let r = Int(r32)
            let s = Int(network.relationSource[r]), t = Int(network.relationTarget[r])
            let w = network.relations[r].weight
            let kind = Int(network.relationKind[r])
            degree[s] += 1
            degree[t] += 1
            strength[s] += w
            strength[t] += w
            if positiveKind[kind] {
                positiveDegree[s] += 1
                positiveDegree[t] += 1
                positiveStrength[s] += w
                positiveStrength[t] += w
            } else {
                negativeDegree[s] += 1
                negativeDegree[t] += 1
                negativeStrength[s] += w
                negativeStrength[t] += w
            }
            kindDegree[s * kindCount + kind] += 1
            kindDegree[t * kindCount + kind] += 1
            outDegree[s] += 1
            outStrength[s] += w
            inDegree[t] += 1
            inStrength[t] += w
            if !(declaredDirections && network.relationDirected[r]) {
                outDegree[t] += 1
                outStrength[t] += w
                inDegree[s] += 1
                inStrength[s] += w
            }
        }
        return Result(actorIDs: network.actors.map(\.id), directed: view.hasDirectedEdges,
                      degree: degree, inDegree: inDegree, outDegree: outDegree,
                      strength: strength, inStrength: inStrength, outStrength: outStrength,
                      positiveDegree: positiveDegree, negativeDegree: negativeDegree,
                      positiveStrength: positiveStrength, negativeStrength: negativeStrength,
                      kinds: network.kinds.map(\.name), kindDegree: kindDegree)
    }
}
