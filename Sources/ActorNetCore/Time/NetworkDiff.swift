/// What changed between two snapshots — of one network at two dates, or of two files: the
/// relations that began, ended or whose pair changed sign, and the actors whose hedging,
/// betweenness or camp in the frustration partition moved most.
///
/// - Relations are matched by id. A relation *began* when it is in the later snapshot only,
///   *ended* when it is in the earlier only.
/// - Pair signs are the signed graphs' net signs (`SignedGraph`): a pair *changed sign* when it
///   is tied in both snapshots with opposite signs; pairs tied in one snapshot only are
///   *new* or *gone* ties.
/// - Hedging is the number of rivalries an actor straddles (`Hedging`), betweenness the
///   normalised betweenness of the positive relations read as undirected (distance 1/weight),
///   both per snapshot.
/// - Camps: the frustration partition's two camps are unlabelled (camp 0 in one snapshot may be
///   camp 1 in the other), so an actor's move is measured against the others: its *camp
///   change* is the share of the actors that are its component-mates in both snapshots whose
///   side (same camp or opposite) relative to it changed. 1 means it switched sides against
///   everyone; small values mean others moved around it.
///
/// Actors are matched by id; an actor in one snapshot only is listed as added or removed.
public struct NetworkDiff: Sendable {
    public struct RelationEntry: Sendable, Hashable {
        public var id: String
        public var source: String
        public var target: String
        public var kind: String
        public var sign: Int8
        public var since: PartialDate?
        public var until: PartialDate?
    }

    public struct PairChange: Sendable, Hashable {
        public var first: String
        public var second: String
        /// Net sign before and after (0: no tie).
        public var before: Int8
        public var after: Int8
    }

    public struct ActorMove: Sendable, Hashable {
        public var id: String
        public var name: String
        public var hedgesBefore: Int
        public var hedgesAfter: Int
        public var betweennessBefore: Double
        public var betweennessAfter: Double
        /// See the type's documentation; nil when the actor has no component-mate in both
        /// snapshots (or the camps were not computed).
        public var campChange: Double?
    }

    public let began: [RelationEntry]
    public let ended: [RelationEntry]
    /// Pairs tied in both snapshots with opposite net signs.
    public let signChanges: [PairChange]
    /// Pairs tied in one snapshot only.
    public let newTies: [PairChange]
    public let goneTies: [PairChange]
    /// Every actor present in both snapshots.
    public let actors: [ActorMove]
    public let addedActors: [String]
    public let removedActors: [String]
    /// Why camps were not compared, when they were not.
    public let campsNote: String?

    /// Most actors for which camp changes are computed (O(n²) pairs).
    public static let campLimit = 5_000

    /// Compares `before` (as filtered by `beforeFilter`) with `after`.
    ///
    /// - Throws: `ViewError` when a filter names kinds a network lacks; `AnalysisError` when
    ///   the frustration search fails.
    public init(before: Network, beforeFilter: ViewFilter, after: Network, afterFilter: ViewFilter,
                frustration: FrustrationIndex = FrustrationIndex()) throws {
        let viewA = try NetworkView(before, filter: beforeFilter)
        let viewB = try NetworkView(after, filter: afterFilter)

        // Relations.
        func entries(_ view: NetworkView) -> [String: RelationEntry] {
            var result: [String: RelationEntry] = [:]
            for e in 0..<view.edgeCount {
                let r = view.relation(ofEdge: e)
                result[r.id] = RelationEntry(id: r.id, source: r.source, target: r.target, kind: r.kind,
                                             sign: view.edgeSign[e], since: r.since, until: r.until)
            }
            return result
        }
        let relA = entries(viewA), relB = entries(viewB)
        began = relB.values.filter { relA[$0.id] == nil }.sorted { $0.id < $1.id }
        ended = relA.values.filter { relB[$0.id] == nil }.sorted { $0.id < $1.id }

        // Pair signs.
        let graphA = SignedGraph(viewA), graphB = SignedGraph(viewB)
        func pairs(_ g: SignedGraph) -> [String: (String, String, Int8)] {
            var result: [String: (String, String, Int8)] = [:]
            for p in 0..<g.pairCount {
                var (a, b) = (g.actorIDs[Int(g.pairU[p])], g.actorIDs[Int(g.pairV[p])])
                if b < a { swap(&a, &b) }
                result["\(a)\u{0}\(b)"] = (a, b, g.pairSign[p])
            }
            return result
        }
        let pairsA = pairs(graphA), pairsB = pairs(graphB)
        var signChanges: [PairChange] = [], newTies: [PairChange] = [], goneTies: [PairChange] = []
        for (key, (a, b, s)) in pairsB {
            if let (_, _, old) = pairsA[key] {
                if old != s { signChanges.append(PairChange(first: a, second: b, before: old, after: s)) }
            } else {
                newTies.append(PairChange(first: a, second: b, before: 0, after: s))
            }
        }
        for (key, (a, b, s)) in pairsA where pairsB[key] == nil {
            goneTies.append(PairChange(first: a, second: b, before: s, after: 0))
        }
        let byIDs: (PairChange, PairChange) -> Bool = { ($0.first, $0.second) < ($1.first, $1.second) }
        self.signChanges = signChanges.sorted(by: byIDs)
        self.newTies = newTies.sorted(by: byIDs)
        self.goneTies = goneTies.sorted(by: byIDs)

        // Actors.
        let idsA = Set(before.actors.map(\.id)), idsB = Set(after.actors.map(\.id))
        addedActors = idsB.subtracting(idsA).sorted()
        removedActors = idsA.subtracting(idsB).sorted()
        let hedgesA = Hedging().run(on: graphA).scores, hedgesB = Hedging().run(on: graphB).scores
        func positive(_ network: Network, _ filter: ViewFilter) throws -> NetworkView {
            var f = filter
            f.sign = .positive
            f.direction = .undirected
            return try NetworkView(network, filter: f)
        }
        let betweennessA = Betweenness().run(on: try positive(before, beforeFilter)).values
        let betweennessB = Betweenness().run(on: try positive(after, afterFilter)).values

        // Camps, compared pairwise among actors present (and tied) in both snapshots.
        let common = before.actors.indices.compactMap { i -> (Int, Int)? in
            after.index(ofActor: before.actors[i].id).map { (i, $0) }
        }
        var campChange = [Double?](repeating: nil, count: before.actors.count)
        if common.count > Self.campLimit {
            campsNote = "camps not compared: \(common.count) actors in both snapshots, more than \(Self.campLimit)"
        } else {
            campsNote = nil
            let splitA = try frustration.run(on: graphA), splitB = try frustration.run(on: graphB)
            let compA = Self.components(graphA), compB = Self.components(graphB)
            for (ia, ib) in common {
                var mates = 0, moved = 0
                for (ja, jb) in common where ja != ia {
                    guard compA[ia] >= 0, compA[ia] == compA[ja], compB[ib] >= 0, compB[ib] == compB[jb] else { continue }
                    mates += 1
                    let sameA = splitA.unweighted.camps[ia] == splitA.unweighted.camps[ja]
                    let sameB = splitB.unweighted.camps[ib] == splitB.unweighted.camps[jb]
                    if sameA != sameB { moved += 1 }
                }
                if mates > 0 { campChange[ia] = Double(moved) / Double(mates) }
            }
        }
        actors = common.map { ia, ib in
            ActorMove(id: before.actors[ia].id, name: after.actors[ib].name,
                      hedgesBefore: hedgesA[ia].hedges, hedgesAfter: hedgesB[ib].hedges,
                      betweennessBefore: betweennessA[ia], betweennessAfter: betweennessB[ib],
                      campChange: campChange[ia])
        }
    }

    /// Connected components of the signed graph's ties; −1 for an actor without ties.
    static func components(_ g: SignedGraph) -> [Int] {
        var component = [Int](repeating: -1, count: g.nodeCount)
        var next = 0
        for start in 0..<g.nodeCount where component[start] < 0 && g.offsets[start + 1] > g.offsets[start] {
            var stack = [start]
            component[start] = next
            while let v = stack.popLast() {
                for slot in Int(g.offsets[v])..<Int(g.offsets[v + 1]) {
                    let w = Int(g.neighbors[slot])
                    if component[w] < 0 {
                        component[w] = next
                        stack.append(w)
                    }
                }
            }
            next += 1
        }
        return component
    }

    /// Actors by how much one measure moved, largest first (ties by id), leaving out those
    /// that did not move.
    public func movers(by measure: Measure, top: Int) -> [ActorMove] {
        let moved = actors.filter { measure.change($0) > 1e-12 }
        return Array(moved.sorted { a, b in
            let (x, y) = (measure.change(a), measure.change(b))
            return x != y ? x > y : a.id < b.id
        }.prefix(top))
    }

    public enum Measure: String, Sendable, CaseIterable {
        case hedging, betweenness, camp

        func change(_ move: ActorMove) -> Double {
            switch self {
            case .hedging: Double(abs(move.hedgesAfter - move.hedgesBefore))
            case .betweenness: abs(move.betweennessAfter - move.betweennessBefore)
            case .camp: move.campChange ?? 0
            }
        }
    }
}
