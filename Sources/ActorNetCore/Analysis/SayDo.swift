/// Say versus do: for every directed pair with support flowing, how strong the *stated*
/// support is (words: statements, votes, condemnations on the partner's behalf, mediation
/// offers), how strong the *material* support is (arms, drones, fuel, money, troops), and the
/// gap between them — "Russia backs Iran in words far more than in deeds".
///
/// How relations are summed, for a pair (a → b):
/// - only positive relations count (cooperation, supply, membership and declared positive
///   kinds); hostile ties are not support;
/// - a directed relation a → b counts for a → b only; an undirected one counts for both a → b
///   and b → a (a partnership supports both partners);
/// - stated = Σ weight of those relations with `channel: stated`; material = Σ weight with
///   `channel: material`; relations without a channel are summed apart as `unspecified` and
///   are in neither side of the gap;
/// - gap = stated − material (> 0: more words than deeds).
/// Pairs are listed when stated + material > 0, by gap (largest first), then by ids.
///
/// - Complexity: O(m log m).
public struct SayDo: Sendable {
    public init() {}

    public struct Pair: Sendable, Hashable {
        public var source: String
        public var target: String
        public var stated: Double
        public var material: Double
        public var unspecified: Double
        /// Relations counted (any channel).
        public var relations: Int
        public var gap: Double { stated - material }
    }

    public struct Result: Sendable, Hashable {
        /// By gap, largest first; ties by (source, target).
        public var pairs: [Pair]
    }

    public func run(on view: NetworkView) -> Result {
        var totals: [UInt64: Pair] = [:]
        let ids = view.network.actors.map(\.id)
        for e in 0..<view.edgeCount where view.edgeSign[e] > 0 {
            let relation = view.relation(ofEdge: e)
            let s = Int(view.edgeSource[e]), t = Int(view.edgeTarget[e])
            let directions = view.edgeDirected[e] ? [(s, t)] : [(s, t), (t, s)]
            for (a, b) in directions {
                let key = UInt64(a) << 32 | UInt64(b)
                var pair = totals[key] ?? Pair(source: ids[a], target: ids[b], stated: 0, material: 0, unspecified: 0,
                                               relations: 0)
                switch relation.channel {
                case .stated: pair.stated += relation.weight
                case .material: pair.material += relation.weight
                case nil: pair.unspecified += relation.weight
                }
                pair.relations += 1
                totals[key] = pair
            }
        }
        let pairs = totals.values.filter { $0.stated + $0.material > 0 }.sorted { a, b in
            a.gap != b.gap ? a.gap > b.gap : (a.source, a.target) < (b.source, b.target)
        }
        return Result(pairs: pairs)
    }
}
