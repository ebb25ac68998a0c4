/// Say versus do: for every ordered pair (a → b), how strongly a backs b in *words* (statements,
/// votes, pledges, treaties, mediation offers), how strongly in *deeds* (deliveries, troops,
/// money, trade), and what b asked a for, or a promised b, that was **not given** — so it can
/// say "words outrun deeds" and show a ceiling, as in "Russia backs Iran in words; the treaty
/// did not mean it had to do more; the air defences Iran asked for stayed at home".
///
/// For a pair (a → b), over the relations of the view (one snapshot):
/// - **stated** S = Σ w over positive relations a → b with `channel: stated`;
/// - **material** M = Σ w over positive relations a → b with `channel: material`;
/// - **unspecified** U = Σ w over positive relations a → b without a channel (in neither side);
/// - **not given** N = Σ w·f over relations with a `commitment` whose provider is a and whose
///   recipient is b (a request b → a, or a pledge a → b), of either sign, where f = 1 for
///   `unmet` and `refused`, ½ for `partly`, 0 otherwise;
/// - **gap** S − M (> 0: more words than deeds). Words outrun deeds when S > M, or when
///   something asked or promised was not given (N > 0): the support has a ceiling.
/// Here "a → b" is a directed relation from a to b, or an undirected one between them (a
/// partnership backs both partners; an undirected pledge binds both). Requests are asks, not
/// support: a request b → a counts in neither S nor M of b → a, only in a → b's N.
///
/// Worked example: RUS → IRN with a stated treaty (4, a pledge), a stated mediation offer (2),
/// a material parts supply (3), and Iran's request for air defences (1, unmet): S = 6, M = 3,
/// N = 1, gap +3 — words outrun deeds, and one ask was not met.
///
/// Pairs are listed when S + M + N > 0, by gap (largest first), then by not given (largest
/// first), then by ids.
///
/// - Complexity: O(m log m).
public struct SayDo: Sendable {
    public init() {}

    /// One relation behind a pair's numbers.
    public struct Item: Sendable, Hashable {
        /// The relation's index in the network.
        public var relation: Int
        public var id: String
        /// What counts: the weight, halved for a partly fulfilled commitment in `notGiven`.
        public var weight: Double
        public var inferred: Bool
    }

    public struct Pair: Sendable, Hashable {
        public var source: String
        public var target: String
        public var stated: Double
        public var material: Double
        public var unspecified: Double
        /// Asked for (by the target) or promised (by the source) and not given.
        public var notGiven: Double
        /// Commitments the source met, by weight.
        public var delivered: Double
        /// Relations counted (any channel, commitments included).
        public var relations: Int
        public var statedItems: [Item] = []
        public var materialItems: [Item] = []
        public var unspecifiedItems: [Item] = []
        public var notGivenItems: [Item] = []
        public var gap: Double { stated - material }
        /// Whether any of the pair's numbers rests on an inferred relation.
        public var restsOnInferred: Bool {
            (statedItems + materialItems + unspecifiedItems + notGivenItems).contains { $0.inferred }
        }
        /// The reading of the numbers: words outrun deeds (S > M, or anything not given), deeds
        /// outrun words (M > S and nothing not given), matched, or no support recorded.
        public var verdict: Verdict {
            if stated > material || notGiven > 0 { return .wordsOutrunDeeds }
            if material > stated { return .deedsOutrunWords }
            return stated > 0 ? .matched : .none
        }

        init(source: String, target: String) {
            self.source = source
            self.target = target
            stated = 0
            material = 0
            unspecified = 0
            notGiven = 0
            delivered = 0
            relations = 0
        }
    }

    public enum Verdict: String, Sendable, Hashable {
        case wordsOutrunDeeds = "words outrun deeds"
        case deedsOutrunWords = "deeds outrun words"
        case matched = "words and deeds match"
        case none = "no stated or material support"
    }

    public struct Result: Sendable, Hashable {
        /// By gap, largest first; then by not given, largest first; ties by (source, target).
        public var pairs: [Pair]
        /// How many relations of the view carry a channel, and how many a commitment: a network
        /// without either cannot tell words from deeds, or asks from support.
        public var channelled: Int
        public var commitments: Int
    }

    public func run(on view: NetworkView) -> Result {
        var totals: [UInt64: Pair] = [:]
        let ids = view.network.actors.map(\.id)
        var channelled = 0, commitments = 0
        for e in 0..<view.edgeCount {
            let r = Int(view.edgeRelation[e])
            let relation = view.network.relations[r]
            if relation.channel != nil { channelled += 1 }
            if relation.commitment != nil { commitments += 1 }
            let s = Int(view.edgeSource[e]), t = Int(view.edgeTarget[e])
            for (a, b) in Self.directions(relation, s, t, directed: view.edgeDirected[e]) {
                let key = UInt64(a) << 32 | UInt64(b)
                var pair = totals[key] ?? Pair(source: ids[a], target: ids[b])
                if Self.add(relation, index: r, positive: view.edgeSign[e] > 0, to: &pair) { totals[key] = pair }
            }
        }
        let pairs = totals.values.filter { $0.stated + $0.material + $0.notGiven > 0 }.sorted(by: Self.order)
        return Result(pairs: pairs, channelled: channelled, commitments: commitments)
    }

    /// The numbers of one ordered pair (a → b) on a view, listed even when all are zero.
    public func pair(_ a: Int, _ b: Int, on view: NetworkView) -> Pair {
        let ids = view.network.actors.map(\.id)
        var pair = Pair(source: ids[a], target: ids[b])
        for e in 0..<view.edgeCount {
            let s = Int(view.edgeSource[e]), t = Int(view.edgeTarget[e])
            guard (s == a && t == b) || (s == b && t == a) else { continue }
            let r = Int(view.edgeRelation[e])
            let relation = view.network.relations[r]
            for (x, y) in Self.directions(relation, s, t, directed: view.edgeDirected[e]) where x == a && y == b {
                _ = Self.add(relation, index: r, positive: view.edgeSign[e] > 0, to: &pair)
            }
        }
        return pair
    }

    /// The ordered pairs (giver, receiver) a relation speaks for. A view reads every relation
    /// whose kind is directed as one arc; a commitment's giver is its provider.
    static func directions(_ relation: Relation, _ s: Int, _ t: Int, directed: Bool) -> [(Int, Int)] {
        guard directed else { return [(s, t), (t, s)] }
        return relation.commitment == .request ? [(t, s)] : [(s, t)]
    }

    /// Adds a relation to the pair (giver → receiver); false when it counts for nothing.
    static func add(_ relation: Relation, index r: Int, positive: Bool, to pair: inout Pair) -> Bool {
        var counted = false
        let item = Item(relation: r, id: relation.id, weight: relation.weight, inferred: relation.inferred)
        if positive, relation.commitment != .request {
            switch relation.channel {
            case .stated:
                pair.stated += relation.weight
                pair.statedItems.append(item)
            case .material:
                pair.material += relation.weight
                pair.materialItems.append(item)
            case nil:
                pair.unspecified += relation.weight
                pair.unspecifiedItems.append(item)
            }
            counted = true
        }
        if relation.commitment != nil, let fulfilment = relation.fulfilment {
            let share: Double = switch fulfilment {
            case .unmet, .refused: 1
            case .partly: 0.5
            case .met, .pending: 0
            }
            if share > 0 {
                pair.notGiven += relation.weight * share
                pair.notGivenItems.append(Item(relation: r, id: relation.id, weight: relation.weight * share,
                                               inferred: relation.inferred))
            }
            if fulfilment == .met { pair.delivered += relation.weight }
            counted = true
        }
        if counted { pair.relations += 1 }
        return counted
    }

    static func order(_ a: Pair, _ b: Pair) -> Bool {
        if a.gap != b.gap { return a.gap > b.gap }
        if a.notGiven != b.notGiven { return a.notGiven > b.notGiven }
        return (a.source, a.target) < (b.source, b.target)
    }
}
