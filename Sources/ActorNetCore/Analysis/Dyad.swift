/// Everything between two actors, to answer "does A support B?" as a source would: the
/// relations both ways by kind and channel, say versus do and what was asked or promised and not
/// given (`SayDo`), the third parties that cap A's support (A's positive ties with B's rivals:
/// the hedges that constrain A), what changed at each dated episode, and the evidence for each.
///
/// Definitions, for a snapshot at date t (relations with since ≤ t < until; undated ones always):
/// - the **net tie** A–B is Σ sign × weight over the relations between them, either direction;
/// - A's **support** of B is `SayDo`'s pair A → B: stated S, material M, unspecified U, not given N;
/// - a **cap** is an actor C ≠ A, B with net(A, C) > 0 and net(B, C) < 0 — A keeps a positive
///   tie with a rival of B, so backing B fully would cost A that tie (hedging, as in `Hedging`,
///   seen from one rivalry). It **rests on inferred relations** when it disappears once the
///   relations marked `inferred` are left out;
/// - an **episode** is a date at which a relation touching A or B starts or ends and the net
///   tie, the support either way, or A's caps change.
///
/// The answer is computed, not written: *no* when A gives B no support (S + M + U = 0);
/// *yes, within limits* when it does but words outrun deeds (S > M), something asked or
/// promised was not given (N > 0), or A keeps positive ties with B's rivals; *yes* otherwise.
///
/// Example (the shipped network, RUS → IRN as of 2025-06): stated support exceeds material, the
/// air defences Iran asked for are unmet and mutual defence is ruled out, and Russia keeps
/// positive ties with Iran's rivals — "yes, within limits".
///
/// Only the relations touching A or B are read: O(m) to find them, then O(k log k + e·k) for
/// the k relations touching A or B and the e episode dates.
public struct Dyad: Sendable {
    public var first: String
    public var second: String
    /// The snapshot date; nil: every relation whatever its dates.
    public var at: PartialDate?
    /// Which relations count: kinds, sign, channels and inferred ones (its date and direction
    /// are not used: `at` is the date, and directions are read as declared).
    public var filter: ViewFilter

    public init(first: String, second: String, at: PartialDate?, filter: ViewFilter = ViewFilter()) {
        self.first = first
        self.second = second
        self.at = at
        self.filter = filter
    }

    public func run(on network: Network) throws(DyadError) -> DyadResult {
        let known = network.actors.map(\.id)
        let unknown = [first, second].filter { network.index(ofActor: $0) == nil }
        if !unknown.isEmpty { throw DyadError.unknownActors(unknown, known: known) }
        if first == second { throw DyadError.sameActor(first) }
        let unknownKinds = filter.unknownKinds(in: network)
        if !unknownKinds.isEmpty { throw DyadError.unknownKinds(unknownKinds, known: network.kinds.map(\.name)) }
        let a = network.index(ofActor: first)!, b = network.index(ofActor: second)!

        // The relations touching A or B that the filter keeps (dates aside).
        var touching: [Int] = []
        for i in network.relations.indices {
            let (s, t) = network.endpoints(ofRelation: i)
            guard s == a || t == a || s == b || t == b else { continue }
            guard filter.keeps(network.relations[i], kind: network.kind(ofRelation: i)) else { continue }
            touching.append(i)
        }
        let between = touching.filter { i in
            let (s, t) = network.endpoints(ofRelation: i)
            return (s == a && t == b) || (s == b && t == a)
        }

        func state(at day: Int?) -> DyadState {
            Self.state(network, a: a, b: b, touching: touching, between: between, at: day)
        }
        let now = state(at: at?.ordinal)

        // Episodes: the dates relations touching A or B start or end, where something changed.
        var dates = Set<Int>()
        var byOrdinal: [Int: PartialDate] = [:]
        for i in touching {
            for d in [network.relations[i].since, network.relations[i].until].compactMap({ $0 }) {
                if dates.insert(d.ordinal).inserted || (byOrdinal[d.ordinal].map { d.precision < $0.precision } ?? false) {
                    byOrdinal[d.ordinal] = d
                }
            }
        }
        var episodes: [DyadEpisode] = []
        // Between two consecutive dates nothing touching A or B changes: a date's "before" is
        // the previous date's "after".
        var before: DyadSnapshot?
        for ordinal in dates.sorted() {
            if let at, ordinal > at.ordinal { break }
            let previous = before ?? state(at: ordinal - 1).summary
            let after = state(at: ordinal).summary
            before = after
            guard previous != after else { continue }
            let started = touching.filter { network.relations[$0].since?.ordinal == ordinal }
            let ended = touching.filter { network.relations[$0].until?.ordinal == ordinal }
            episodes.append(DyadEpisode(date: byOrdinal[ordinal]!, started: started.map { network.relations[$0].id },
                                        ended: ended.map { network.relations[$0].id }, before: previous, after: after))
        }

        let relations = between.sorted { x, y in
            let rx = network.relations[x], ry = network.relations[y]
            let sx = rx.since?.ordinal ?? Int.min, sy = ry.since?.ordinal ?? Int.min
            return sx != sy ? sx < sy : rx.id < ry.id
        }.map { i in
            DyadRelation(index: i, relation: network.relations[i], sign: network.sign(ofRelation: i),
                         directed: network.isDirected(relation: i), present: at.map { network.relations[i].isActive(at: $0) } ?? true)
        }
        let channelled = between.contains { network.relations[$0].channel != nil }
        let commitments = between.contains { network.relations[$0].commitment != nil }
        let dated = between.contains { network.relations[$0].since != nil || network.relations[$0].until != nil }
        let inferred = between.filter { network.relations[$0].inferred }.map { network.relations[$0].id }
        return DyadResult(
            first: network.actors[a], second: network.actors[b], at: at, filter: filter, relations: relations,
            now: now, episodes: episodes, hasChannels: channelled, hasCommitments: commitments, hasDates: dated,
            inferredBetween: inferred)
    }

    /// The numbers on day `at` (an ordinal, as `PartialDate.ordinal`); nil: every relation.
    static func state(_ network: Network, a: Int, b: Int, touching: [Int], between: [Int], at: Int?) -> DyadState {
        func active(_ i: Int) -> Bool { at.map { network.relations[i].isActive(onDay: $0) } ?? true }
        var forward = SayDo.Pair(source: network.actors[a].id, target: network.actors[b].id)
        var backward = SayDo.Pair(source: network.actors[b].id, target: network.actors[a].id)
        var net = 0.0, positive = 0, negative = 0
        for i in between where active(i) {
            let relation = network.relations[i]
            let sign = network.sign(ofRelation: i)
            net += Double(sign.rawValue) * relation.weight
            if sign == .positive { positive += 1 } else { negative += 1 }
            let (s, t) = network.endpoints(ofRelation: i)
            for (x, y) in SayDo.directions(relation, s, t, directed: network.isDirected(relation: i)) {
                if x == a, y == b { _ = SayDo.add(relation, index: i, positive: sign == .positive, to: &forward) }
                if x == b, y == a { _ = SayDo.add(relation, index: i, positive: sign == .positive, to: &backward) }
            }
        }
        // Net ties of A and of B with every third party, with and without inferred relations.
        struct Tie { var net = 0.0; var stated = 0.0; var relations: [Int] = [] }
        var ofA: [Int: Tie] = [:], ofB: [Int: Tie] = [:]
        for i in touching where active(i) {
            let (s, t) = network.endpoints(ofRelation: i)
            if (s == a && t == b) || (s == b && t == a) { continue }
            let relation = network.relations[i]
            let signed = Double(network.sign(ofRelation: i).rawValue) * relation.weight
            let stated = relation.inferred ? 0 : signed
            for (end, other) in [(s, t), (t, s)] where end == a || end == b {
                if end == a {
                    ofA[other, default: Tie()].net += signed
                    ofA[other, default: Tie()].stated += stated
                    ofA[other, default: Tie()].relations.append(i)
                } else {
                    ofB[other, default: Tie()].net += signed
                    ofB[other, default: Tie()].stated += stated
                    ofB[other, default: Tie()].relations.append(i)
                }
            }
        }
        func caps(_ friend: [Int: Tie], _ rival: [Int: Tie]) -> [DyadCap] {
            friend.compactMap { c, f -> DyadCap? in
                guard f.net > 0, let r = rival[c], r.net < 0 else { return nil }
                let ids = (f.relations + r.relations).map { network.relations[$0].id }.sorted()
                let inferred = (f.relations + r.relations).filter { network.relations[$0].inferred }
                    .map { network.relations[$0].id }.sorted()
                return DyadCap(third: network.actors[c].id, thirdName: network.actors[c].name, friendTie: f.net,
                               rivalTie: -r.net, relations: ids, inferredRelations: inferred,
                               restsOnInferred: !(f.stated > 0 && r.stated < 0))
            }.sorted { x, y in
                let sx = (x.friendTie * x.rivalTie).squareRoot(), sy = (y.friendTie * y.rivalTie).squareRoot()
                return sx != sy ? sx > sy : x.third < y.third
            }
        }
        return DyadState(net: net, positive: positive, negative: negative, forward: forward, backward: backward,
                         caps: caps(ofA, ofB), reverseCaps: caps(ofB, ofA))
    }
}

/// The numbers of a dyad at one date.
public struct DyadState: Sendable, Hashable {
    /// Σ sign × weight over the relations between the two, and how many are positive or negative.
    public var net: Double
    public var positive: Int
    public var negative: Int
    /// Say versus do, first → second and second → first.
    public var forward: SayDo.Pair
    public var backward: SayDo.Pair
    /// The first actor's positive ties with the second's rivals (strongest first).
    public var caps: [DyadCap]
    /// The second actor's positive ties with the first's rivals.
    public var reverseCaps: [DyadCap]

    var summary: DyadSnapshot {
        DyadSnapshot(net: net, stated: forward.stated, material: forward.material, notGiven: forward.notGiven,
                     backStated: backward.stated, backMaterial: backward.material, caps: caps.map(\.third).sorted())
    }
}

/// The few numbers an episode compares before and after.
public struct DyadSnapshot: Sendable, Hashable {
    public var net: Double
    /// First → second.
    public var stated: Double
    public var material: Double
    public var notGiven: Double
    /// Second → first.
    public var backStated: Double
    public var backMaterial: Double
    /// The third parties that cap the first's support, by id.
    public var caps: [String]
}

/// A third party whose positive tie with one actor and rivalry with the other caps the support.
public struct DyadCap: Sendable, Hashable {
    public var third: String
    public var thirdName: String
    /// Net strength of the friendly tie (> 0) and of the rivalry (> 0, its absolute value).
    public var friendTie: Double
    public var rivalTie: Double
    /// The relations behind both ties.
    public var relations: [String]
    public var inferredRelations: [String]
    /// Whether the cap disappears without the inferred relations.
    public var restsOnInferred: Bool
}

/// A relation between the two actors, as the dyad shows it.
public struct DyadRelation: Sendable, Hashable {
    public var index: Int
    public var relation: Relation
    public var sign: Sign
    public var directed: Bool
    /// Whether it holds at the dyad's date.
    public var present: Bool
}

/// A dated change between the two actors (or in the caps).
public struct DyadEpisode: Sendable, Hashable {
    public var date: PartialDate
    /// Relations touching either actor that start or end on this date.
    public var started: [String]
    public var ended: [String]
    /// The numbers the day before and on the date.
    public var before: DyadSnapshot
    public var after: DyadSnapshot
}

public struct DyadResult: Sendable {
    public var first: ActorNode
    public var second: ActorNode
    public var at: PartialDate?
    public var filter: ViewFilter
    /// Every relation between the two that the filter keeps, whatever its dates, oldest first
    /// (undated first), then by id.
    public var relations: [DyadRelation]
    /// The numbers at the dyad's date.
    public var now: DyadState
    public var episodes: [DyadEpisode]
    /// What the data can tell: whether any relation between the two has a channel, a
    /// commitment, a date.
    public var hasChannels: Bool
    public var hasCommitments: Bool
    public var hasDates: Bool
    /// Ids of the inferred relations between the two.
    public var inferredBetween: [String]

    public enum Answer: String, Sendable, Hashable {
        case yes
        case yesWithinLimits = "yes, within limits"
        case no
    }

    /// Does the first support the second? (See `Dyad`.)
    public var answer: Answer {
        let f = now.forward
        if f.stated + f.material + f.unspecified <= 0 { return .no }
        if f.stated > f.material || f.notGiven > 0 || !now.caps.isEmpty { return .yesWithinLimits }
        return .yes
    }

    /// The relations between the two with a commitment (a request or a pledge), either way.
    public var commitments: [DyadRelation] { relations.filter { $0.relation.commitment != nil } }

    /// The computed summary: facts with numbers, one per line, no prose beyond them.
    public var summary: [String] {
        let a = first.id, b = second.id
        let f = now.forward, r = now.backward
        func n(_ x: Double) -> String { NumberText.exact(x) }
        var lines: [String] = []
        let when = at.map { "as of \($0)" } ?? "all dates together"
        switch answer {
        case .no:
            lines.append("Does \(a) support \(b)? No (\(when)): no positive relation from \(a) to \(b) in this view; "
                + "net tie \(String(format: "%+g", now.net)).")
        case .yes, .yesWithinLimits:
            var limits: [String] = []
            if f.stated > f.material { limits.append("words outrun deeds (stated \(n(f.stated)) > material \(n(f.material)))") }
            if f.notGiven > 0 { limits.append("\(n(f.notGiven)) asked or promised and not given") }
            if !now.caps.isEmpty {
                limits.append("\(a) keeps positive ties with \(now.caps.count) of \(b)'s rivals")
            }
            lines.append("Does \(a) support \(b)? \(answer == .yes ? "Yes" : "Yes, within limits") (\(when)): "
                + "stated \(n(f.stated)), material \(n(f.material)), unspecified \(n(f.unspecified))"
                + (limits.isEmpty ? "." : "; " + limits.joined(separator: "; ") + "."))
        }
        if f.notGiven > 0 {
            let items = relations.filter { d in f.notGivenItems.contains { $0.relation == d.index } }.map { d in
                let what = d.relation.flows.isEmpty ? d.relation.label ?? d.relation.id : d.relation.flows.joined(separator: ", ")
                return "\(what) (\(d.relation.commitment!) \(d.relation.since.map { "\($0), " } ?? "")\(d.relation.fulfilment!))"
            }
            lines.append("Not given by \(a) to \(b): " + items.joined(separator: "; ") + ".")
        }
        lines.append("Net tie \(a)–\(b): \(String(format: "%+g", now.net)) from \(now.positive + now.negative) relations "
            + "(\(now.positive) positive, \(now.negative) negative). In return \(b) → \(a): stated \(n(r.stated)), "
            + "material \(n(r.material)), unspecified \(n(r.unspecified)).")
        if !now.caps.isEmpty {
            let inferred = now.caps.filter(\.restsOnInferred)
            lines.append("Caps: \(a) keeps positive ties with \(b)'s rivals "
                + now.caps.map { $0.third + ($0.restsOnInferred ? " (inferred)" : "") }.joined(separator: ", ") + "."
                + (inferred.isEmpty ? "" : " \(inferred.count) of the \(now.caps.count) rest on inferred relations."))
        }
        let datedEpisodes = episodes.map(\.date.description)
        if !datedEpisodes.isEmpty {
            lines.append("Episodes: " + datedEpisodes.joined(separator: ", ") + ".")
        }
        if !inferredBetween.isEmpty {
            lines.append("Inferred relations between \(a) and \(b): " + inferredBetween.joined(separator: ", ")
                + " (--no-inferred leaves them out).")
        }
        if !hasChannels {
            lines.append("Cannot tell words from deeds: no relation between \(a) and \(b) has a channel (stated or material).")
        }
        if !hasCommitments {
            lines.append("Cannot tell what was asked or promised: no relation between \(a) and \(b) records a request or a pledge.")
        }
        if !hasDates {
            lines.append("Cannot tell how it changed: no relation between \(a) and \(b) is dated.")
        }
        return lines
    }
}

public enum DyadError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownActors([String], known: [String])
    case sameActor(String)
    case unknownKinds([String], known: [String])

    /// The request field at fault.
    public var field: String {
        switch self {
        case .unknownActors, .sameActor: "a"
        case .unknownKinds: "kinds"
        }
    }

    public var description: String {
        switch self {
        case let .unknownActors(ids, known):
            return NameSuggestion.unknownActors(ids, known: known)
        case let .sameActor(id):
            return "the two actors are both '\(id)'; name two different actors"
        case let .unknownKinds(kinds, known):
            return ViewError.unknownKinds(kinds, known: known).description
        }
    }
}
