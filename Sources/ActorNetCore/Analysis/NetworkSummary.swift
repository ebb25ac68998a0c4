/// What `actornet info` tells about a network: sizes, relations by kind, sign and channel,
/// the dates covered, connectivity and the pairs joined by several relations.
public struct NetworkSummary: Sendable, Hashable, Encodable {
    public struct Count: Sendable, Hashable, Encodable {
        public var name: String
        public var count: Int
    }

    public struct KindCount: Sendable, Hashable, Encodable {
        public var kind: String
        public var sign: String
        public var direction: String
        public var builtIn: Bool
        public var relations: Int
    }

    public struct DateRange: Sendable, Hashable, Encodable {
        /// The earliest date any relation gives (start or end).
        public var earliest: String?
        /// The latest date any relation gives (start or end).
        public var latest: String?
        public var dated: Int
        /// Relations with neither `since` nor `until`: present at every date.
        public var undated: Int
    }

    public struct Connectivity: Sendable, Hashable, Encodable {
        public var components: Int
        /// Component sizes, largest first.
        public var sizes: [Int]
        /// Actors with no relation at all, sorted by id.
        public var isolated: [String]
    }

    /// Two actors joined by more than one relation (a multiplex pair).
    public struct ParallelPair: Sendable, Hashable, Encodable {
        /// The two actor ids, sorted.
        public var actors: [String]
        public var relations: Int
        /// Relations per kind, sorted by kind name.
        public var kinds: [Count]
        /// Whether the pair has both positive and negative relations (cooperating and competing).
        public var mixedSign: Bool
    }

    public var name: String?
    public var actors: Int
    public var actorKinds: [Count]
    public var groups: [Count]
    public var relations: Int
    public var byKind: [KindCount]
    public var positive: Int
    public var negative: Int
    public var byChannel: [Count]
    public var directed: Int
    public var undirected: Int
    public var dates: DateRange
    public var connectivity: Connectivity
    public var parallelPairs: [ParallelPair]

    /// Summarises `network`.
    ///
    /// - Complexity: O(n + m log m) (sorting relations by pair).
    public init(_ network: Network) {
        name = network.name
        actors = network.actors.count
        actorKinds = Self.tally(network.actors.map { $0.kind ?? "(unspecified)" })
        groups = Self.tally(network.actors.compactMap(\.group))
        relations = network.relations.count

        var perKind = [Int](repeating: 0, count: network.kinds.count)
        for k in network.relationKind { perKind[Int(k)] += 1 }
        byKind = network.kinds.enumerated().compactMap { k, kind in
            guard perKind[k] > 0 || !kind.isBuiltIn else { return nil }
            return KindCount(kind: kind.name, sign: kind.sign.description, direction: kind.direction.rawValue,
                             builtIn: kind.isBuiltIn, relations: perKind[k])
        }
        positive = (0..<network.relations.count).count { network.sign(ofRelation: $0) == .positive }
        negative = relations - positive
        let channels = network.relations.map { $0.channel?.rawValue ?? "(unspecified)" }
        byChannel = Self.tally(channels)
        directed = network.relationDirected.count { $0 }
        undirected = relations - directed

        let dates = network.relations.flatMap { [$0.since, $0.until].compactMap { $0 } }
        let undated = network.relations.count { $0.since == nil && $0.until == nil }
        self.dates = DateRange(earliest: dates.min()?.description, latest: dates.max()?.description,
                               dated: relations - undated, undated: undated)

        // The unfiltered view never fails: it names no kinds.
        let view = try! NetworkView(network, filter: ViewFilter(direction: .undirected))
        let components = Components(of: view)
        connectivity = Connectivity(
            components: components.count,
            sizes: components.sizes.sorted(by: >),
            isolated: (0..<view.nodeCount).filter { view.outDegree(of: $0) == 0 }.map { network.actors[$0].id }.sorted())

        parallelPairs = Self.parallelPairs(network)
    }

    /// Names with their counts, most frequent first; equal counts in `naturalOrder` of the names
    /// (bloc-2 before bloc-10).
    static func tally(_ names: [String]) -> [Count] {
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        return counts.map { Count(name: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : naturalOrder($0.name, $1.name) }
    }

    /// Whether `a` comes before `b` when runs of ASCII digits compare as numbers and everything
    /// else by Unicode scalar ("bloc-2" < "bloc-10" < "bloc-10a"); names equal that way (as
    /// "x01" and "x1") fall back to plain order, so the order is total and deterministic.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
        var i = 0, j = 0
        while i < x.count, j < y.count {
            if isDigit(x[i]), isDigit(y[j]) {
                var ei = i, ej = j
                while ei < x.count, isDigit(x[ei]) { ei += 1 }
                while ej < y.count, isDigit(y[ej]) { ej += 1 }
                // Compare the runs as numbers: without leading zeros, the longer is larger,
                // else digit by digit.
                var si = i, sj = j
                while si < ei - 1, x[si] == "0" { si += 1 }
                while sj < ej - 1, y[sj] == "0" { sj += 1 }
                if ei - si != ej - sj { return ei - si < ej - sj }
                for (p, q) in zip(x[si..<ei], y[sj..<ej]) where p != q { return p.value < q.value }
                i = ei
                j = ej
            } else {
                if x[i] != y[j] { return x[i].value < y[j].value }
                i += 1
                j += 1
            }
        }
        if i < x.count || j < y.count { return j < y.count && i == x.count }
        return a < b
    }

    static func parallelPairs(_ network: Network) -> [ParallelPair] {
        let m = network.relations.count
        func key(_ i: Int) -> UInt64 {
            let (s, t) = (network.relationSource[i], network.relationTarget[i])
            return UInt64(min(s, t)) << 32 | UInt64(max(s, t))
        }
        let order = (0..<m).sorted { key($0) < key($1) }
        var pairs: [ParallelPair] = []
        var start = 0
        while start < m {
            var end = start + 1
            while end < m, key(order[end]) == key(order[start]) { end += 1 }
            if end - start > 1 {
                let group = order[start..<end]
                let (s, t) = network.endpoints(ofRelation: group.first!)
                let signs = Set(group.map { network.sign(ofRelation: $0) })
                pairs.append(ParallelPair(
                    actors: [network.actors[s].id, network.actors[t].id].sorted(),
                    relations: group.count,
                    kinds: tally(group.map { network.relations[$0].kind }).sorted { $0.name < $1.name },
                    mixedSign: signs.count > 1))
            }
            start = end
        }
        return pairs.sorted { ($0.relations, $1.actors.joined()) > ($1.relations, $0.actors.joined()) }
    }
}
