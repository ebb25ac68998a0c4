import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// The Correlates of War windows as one dated network (`convert --periods`): each snapshot at a
/// window's first year is exactly that window's network, and its signed triangles equal the
/// published-data statistics file.
@Suite struct PeriodDatingTests {
    static func rows(_ relative: String) throws -> [[String]] {
        let text = try String(contentsOfFile: Fixtures.fixturePath(relative), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    static let dated: Network = {
        let loaded = AnyFormatLoader.load(path: Fixtures.fixturePath("ir/cow_signed_3yr_windows_1946_1999.csv"))
        return try! PeriodDating().apply(to: loaded.network!)
    }()

    @Test func everySnapshotIsItsWindowAndItsTrianglesMatchTheStatistics() throws {
        let edges = try Self.rows("ir/cow_signed_3yr_windows_1946_1999.csv").dropFirst()
        var byPeriod: [String: Set<String>] = [:]
        for row in edges {
            let (a, b) = row[1] < row[2] ? (row[1], row[2]) : (row[2], row[1])
            byPeriod[row[0], default: []].insert("\(a) \(b) \(row[3])")
        }
        let stats = try Self.rows("ir/cow_signed_stats_computed.csv")
        let column = Dictionary(uniqueKeysWithValues: stats[0].enumerated().map { ($1, $0) })
        #expect(stats.count - 1 == 51)
        let network = Self.dated
        #expect(network.relations.count < edges.count / 10)  // runs of windows merged
        for row in stats.dropFirst() {
            let period = row[column["period"]!]
            func stat(_ name: String) -> Int { Int(row[column[name]!])! }
            let year = try #require(PeriodDating().firstYear(of: period))
            let view = try NetworkView(network, filter: ViewFilter(at: PartialDate(year: year)))
            let pairs = Set((0..<view.edgeCount).map { e -> String in
                let r = view.relation(ofEdge: e)
                let (a, b) = r.source < r.target ? (r.source, r.target) : (r.target, r.source)
                return "\(a) \(b) \(view.edgeSign[e])"
            })
            #expect(pairs == byPeriod[period], "\(period)")
            let census = TriangleCensus().run(on: SignedGraph(view)).counts
            let counted: [Int] = [census.plusPlusPlus, census.plusPlusMinus, census.plusMinusMinus, census.minusMinusMinus]
            let expected: [Int] = [stat("tri_ppp"), stat("tri_ppn"), stat("tri_pnn"), stat("tri_nnn")]
            #expect(counted == expected, "\(period)")
        }
    }

    @Test func theShippedFileIsTheConversionOfTheData() throws {
        let shipped = try #require(NetworkLoader.load(path: Fixtures.path("graphs/cow-1946-1999.yaml")).network)
        #expect(shipped.relations == Self.dated.relations, "rerun scripts/import-cow")
        #expect(shipped.actors.map(\.id) == Self.dated.actors.map(\.id))
        #expect(shipped.latestStart == PartialDate(year: 1996))
    }

    @Test func runsOfWindowsBecomeOneRelation() throws {
        let actors = ["A", "B", "C"].map { ActorNode(id: $0) }
        func tie(_ id: String, _ period: String, _ s: String = "A", _ t: String = "B") -> Relation {
            Relation(id: id, source: s, target: t, kind: "cooperation", attributes: ["period": .string(period)])
        }
        let network = try Network(actors: actors, relations: [
            tie("1", "46-49"), tie("2", "47-50", "B", "A"), tie("3", "48-51"), tie("4", "50-53"),
            tie("5", "1990", "B", "C"),
        ])
        let dated = try PeriodDating().apply(to: network)
        #expect(dated.relations.map(\.id) == ["A-cooperation-B-1946", "A-cooperation-B-1950", "B-cooperation-C-1990"])
        #expect(dated.relations.map { "\($0.since!)–\($0.until!)" } == ["1946–1949", "1950–1951", "1990–1991"])
        #expect(dated.relations[0].attributes["periods"] == AttributeValue.string("46-49 … 48-51"))
        #expect(dated.relations[0].attributes["period"] == Optional<AttributeValue>.none)
    }

    @Test func badPeriodsAreNamed() throws {
        let actors = ["A", "B"].map { ActorNode(id: $0) }
        let bad = try Network(actors: actors, relations: [
            Relation(id: "r1", source: "A", target: "B", kind: "cooperation", attributes: ["period": .string("late 40s")]),
        ])
        #expect {
            try PeriodDating().apply(to: bad)
        } throws: { error in
            "\(error)".contains("relation 'r1': period 'late 40s' is not a year or a range of years")
        }
        let missing = try Network(actors: actors, relations: [Relation(id: "r2", source: "A", target: "B", kind: "cooperation")])
        #expect(throws: PeriodDating.Failure.self) { try PeriodDating().apply(to: missing) }
        #expect(PeriodDating(century: 2000).firstYear(of: "05-08") == 2005)
        #expect(PeriodDating().firstYear(of: "1946-1949") == 1946)
        #expect(PeriodDating().firstYear(of: "-5") == nil)
    }
}
