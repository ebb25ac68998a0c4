import ActorNetCore
import Testing

/// `NetworkDiff` on hand-built snapshots whose changes are known.
@Suite struct NetworkDiffTests {
    /// A, B, C allied; D their rival. In 2020 C defects: C–D becomes cooperation, A–C rivalry.
    static let network: Network = {
        let actors = ["A", "B", "C", "D"].map { ActorNode(id: $0) }
        let y2000 = PartialDate(year: 2000), y2020 = PartialDate(year: 2020)
        return try! Network(actors: actors, relations: [
            Relation(id: "ab", source: "A", target: "B", kind: "cooperation"),
            Relation(id: "ac", source: "A", target: "C", kind: "cooperation", since: y2000, until: y2020),
            Relation(id: "bc", source: "B", target: "C", kind: "cooperation", since: y2000, until: y2020),
            Relation(id: "ad", source: "A", target: "D", kind: "rivalry"),
            Relation(id: "bd", source: "B", target: "D", kind: "rivalry"),
            Relation(id: "cd", source: "C", target: "D", kind: "rivalry", since: y2000, until: y2020),
            Relation(id: "cd-coop", source: "C", target: "D", kind: "cooperation", since: y2020),
            Relation(id: "ac-rivalry", source: "A", target: "C", kind: "rivalry", since: y2020),
            Relation(id: "bc-rivalry", source: "B", target: "C", kind: "rivalry", since: y2020),
        ])
    }()

    static func diff(_ from: Int, _ to: Int) throws -> NetworkDiff {
        try NetworkDiff(before: network, beforeFilter: ViewFilter(at: PartialDate(year: from)),
                        after: network, afterFilter: ViewFilter(at: PartialDate(year: to)))
    }

    @Test func relationsAndSignsThatChanged() throws {
        let d = try Self.diff(2010, 2021)
        #expect(d.began.map(\.id) == ["ac-rivalry", "bc-rivalry", "cd-coop"])
        #expect(d.ended.map(\.id) == ["ac", "bc", "cd"])
        #expect(d.signChanges.map { "\($0.first)\($0.second)\($0.before)\($0.after)" } == ["AC1-1", "BC1-1", "CD-11"])
        #expect(d.newTies.isEmpty && d.goneTies.isEmpty)
        #expect(d.addedActors.isEmpty && d.removedActors.isEmpty)
    }

    @Test func theDefectorSwitchedCamps() throws {
        let d = try Self.diff(2010, 2021)
        // Before: {A, B, C} against {D}; after: {A, B} against {C, D}. C's side changed against
        // A and B, D's against C only... relative to each actor:
        let change = Dictionary(uniqueKeysWithValues: d.actors.map { ($0.id, $0.campChange!) })
        #expect(change["C"] == 1)               // against A, B (now opposite) and D (now same)
        #expect(change["A"] == 1.0 / 3)         // only C moved relative to A
        #expect(change["D"] == 1.0 / 3)
        #expect(d.movers(by: .camp, top: 1).map(\.id) == ["C"])
    }

    @Test func noChangeMeansEmptyLists() throws {
        let d = try Self.diff(2001, 2010)
        #expect(d.began.isEmpty && d.ended.isEmpty && d.signChanges.isEmpty)
        #expect(d.movers(by: .hedging, top: 5).isEmpty && d.movers(by: .camp, top: 5).isEmpty)
        #expect(d.movers(by: .betweenness, top: 5).isEmpty)
    }

    @Test func hedgingMovesAreCounted() throws {
        // Before 2000: A and B cooperate, both rival D; C has no ties. From 2000 C cooperates with
        // A and B and rivals D: no one straddles (C's partners A, B are allies). After 2020: C
        // cooperates with D and rivals A, B — D's partner C... still no positive tie to two rivals.
        let d = try Self.diff(1990, 2010)
        #expect(d.actors.allSatisfy { $0.hedgesBefore == 0 && $0.hedgesAfter == 0 })
        // A network where a hedger appears: E cooperates with rivals A and D from 2015.
        let actors = ["A", "D", "E"].map { ActorNode(id: $0) }
        let n = try Network(actors: actors, relations: [
            Relation(id: "ad", source: "A", target: "D", kind: "rivalry"),
            Relation(id: "ea", source: "E", target: "A", kind: "cooperation", since: PartialDate(year: 2015)),
            Relation(id: "ed", source: "E", target: "D", kind: "cooperation", since: PartialDate(year: 2015)),
        ])
        let h = try NetworkDiff(before: n, beforeFilter: ViewFilter(at: PartialDate(year: 2010)),
                                after: n, afterFilter: ViewFilter(at: PartialDate(year: 2016)))
        #expect(h.movers(by: .hedging, top: 3).map { "\($0.id) \($0.hedgesBefore)→\($0.hedgesAfter)" } == ["E 0→1"])
    }
}
