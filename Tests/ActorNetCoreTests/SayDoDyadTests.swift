import ActorNetCore
import Testing

/// Say versus do (`SayDo`, the `say-do` timeline measure) and the dyad (`Dyad`) on small
/// hand-made networks whose answers can be worked out by hand.
@Suite struct SayDoDyadTests {
    static let appeal = RelationKind(name: "appeal", sign: .positive, direction: .directed)
    static let refusal = RelationKind(name: "refusal", sign: .negative, direction: .directed)
    static let mediation = RelationKind(name: "mediation", sign: .positive, direction: .directed)

    static func date(_ text: String) -> PartialDate { PartialDate(iso: text)! }

    /// A patron A and a client B: words (a treaty pledge 4, a mediation offer 2), deeds (parts 3),
    /// B asks for air defences (1, unmet, from 2025-06), A rules out mutual defence (2, refused,
    /// from 2025-06); B supplies drones (4). A is friends with C (3), B's rival (4); D is A's
    /// friend only (no rivalry with B).
    static func patron() throws -> Network {
        try Network(actors: ["A", "B", "C", "D"].map { ActorNode(id: $0) },
                    kinds: [appeal, refusal, mediation], relations: [
            Relation(id: "treaty", source: "A", target: "B", kind: "cooperation", weight: 4, channel: .stated,
                     since: date("2025-01"), commitment: .pledge),
            Relation(id: "mediation", source: "A", target: "B", kind: "mediation", weight: 2, channel: .stated,
                     since: date("2025-06")),
            Relation(id: "parts", source: "A", target: "B", kind: "supply", weight: 3, channel: .material, since: date("2022")),
            Relation(id: "drones", source: "B", target: "A", kind: "supply", weight: 4, channel: .material, since: date("2022")),
            Relation(id: "ask", source: "B", target: "A", kind: "appeal", weight: 1, channel: .stated, since: date("2025-06"),
                     flows: ["air defences"], commitment: .request, fulfilment: .unmet, cameo: "02"),
            Relation(id: "no-defence", source: "A", target: "B", kind: "refusal", weight: 2, channel: .stated,
                     since: date("2025-06"), flows: ["mutual defence"], commitment: .pledge, fulfilment: .refused, cameo: "12"),
            Relation(id: "ac", source: "A", target: "C", kind: "cooperation", weight: 3),
            Relation(id: "bc", source: "B", target: "C", kind: "rivalry", weight: 4, inferred: true,
                     note: "the source implies it"),
            Relation(id: "ad", source: "A", target: "D", kind: "cooperation", weight: 1),
        ])
    }

    @Test func wordsOutrunDeedsAndTheUnmetAskIsTheProvidersShortfall() throws {
        let network = try Self.patron()
        let view = try NetworkView(network, filter: ViewFilter(at: Self.date("2025-06"), direction: .asDeclared))
        let result = SayDo().run(on: view)
        let ab = try #require(result.pairs.first { $0.source == "A" && $0.target == "B" })
        // Stated: treaty 4 + mediation 2 (the refusal is negative, the ask is not A's support).
        #expect(ab.stated == 6 && ab.material == 3 && ab.unspecified == 0)
        // Not given: the ask (1, unmet; provider A) + mutual defence (2, refused; provider A).
        #expect(ab.notGiven == 3)
        #expect(Set(ab.notGivenItems.map(\.id)) == ["ask", "no-defence"])
        #expect(ab.gap == 3 && ab.verdict == .wordsOutrunDeeds)
        // B → A: the undirected treaty binds B too (4 stated); drones 4 material; B's ask is not support.
        let ba = try #require(result.pairs.first { $0.source == "B" && $0.target == "A" })
        #expect(ba.stated == 4 && ba.material == 4 && ba.notGiven == 0 && ba.verdict == .matched)
        #expect(result.commitments == 3 && result.channelled == 6)
        // Before the treaty: deeds only.
        let early = SayDo().pair(0, 1, on: try NetworkView(network, filter: ViewFilter(at: Self.date("2024"), direction: .asDeclared)))
        #expect(early.stated == 0 && early.material == 3 && early.notGiven == 0 && early.verdict == .deedsOutrunWords)
    }

    @Test func partlyMetCountsHalfAndMetOrPendingNothing() throws {
        let network = try Network(actors: ["X", "Y"].map { ActorNode(id: $0) }, relations: [
            Relation(id: "p1", source: "X", target: "Y", kind: "supply", weight: 4, channel: .material, commitment: .pledge,
                     fulfilment: .partly),
            Relation(id: "p2", source: "X", target: "Y", kind: "supply", weight: 2, channel: .material, commitment: .pledge,
                     fulfilment: .met),
            Relation(id: "p3", source: "X", target: "Y", kind: "supply", weight: 5, channel: .material, commitment: .pledge,
                     fulfilment: .pending),
        ])
        let pair = SayDo().pair(0, 1, on: try NetworkView(network, filter: ViewFilter(direction: .asDeclared)))
        #expect(pair.material == 11 && pair.notGiven == 2 && pair.delivered == 2)
        #expect(pair.verdict == .wordsOutrunDeeds)  // something promised was not given
    }

    @Test func fulfilmentWithoutCommitmentAndBadCAMEOCodesAreRefused() {
        #expect(throws: NetworkValidationError.self) {
            try Network(actors: ["X", "Y"].map { ActorNode(id: $0) }, relations: [
                Relation(id: "r", source: "X", target: "Y", kind: "cooperation", fulfilment: .unmet),
            ])
        }
        for bad in ["2", "21", "0a", "00", "12345"] {
            let issues = Network.check(actors: ["X", "Y"].map { ActorNode(id: $0) }, relations: [
                Relation(id: "r", source: "X", target: "Y", kind: "cooperation", cameo: bad),
            ])
            #expect(issues.contains { $0.severity == .error && $0.message.contains("CAMEO code '\(bad)'") }, "\(bad)")
        }
        // A cooperation coded as a rejection (12, verbal conflict): a warning, not an error.
        let issues = Network.check(actors: ["X", "Y"].map { ActorNode(id: $0) }, relations: [
            Relation(id: "r", source: "X", target: "Y", kind: "cooperation", channel: .material, cameo: "1211"),
        ])
        #expect(issues.count == 2 && issues.allSatisfy { $0.severity == .warning })
        #expect(CAMEOCode.root(of: "0233") == 2 && CAMEOCode.root(of: "20") == 20)
    }

    @Test func sayDoTimelineEqualsTheSnapshots() throws {
        let network = try Self.patron()
        let range = try TimelineRange(from: Self.date("2021"), to: Self.date("2025-07"), size: .month)
        let result = try Timeline(measure: .sayDo, range: range, filter: ViewFilter(), pair: ("A", "B")).run(on: network)
        #expect(result.series.map(\.id) == ["stated", "material", "not-given"])
        for (i, outcome) in result.steps.enumerated() {
            let view = try NetworkView(network, filter: ViewFilter(at: outcome.step.date, direction: .asDeclared))
            let p = SayDo().pair(0, 1, on: view)
            #expect(result.series.map { $0.values[i] } == [p.stated, p.material, p.notGiven], "\(outcome.step.label)")
        }
        let last = result.series.map { $0.values.last! }
        #expect(last == [6, 3, 3])
        // Words rise in 2025 while deeds stay flat: the ceiling.
        let at2024 = result.steps.firstIndex { $0.step.label == "2024-12" }!
        #expect(result.series[1].values[at2024] == 3 && result.series[0].values[at2024] == 0)
        #expect(throws: TimelineError.missingPair) {
            try Timeline(measure: .sayDo, range: range, filter: ViewFilter()).run(on: network)
        }
        #expect(throws: TimelineError.samePair("A")) {
            try Timeline(measure: .sayDo, range: range, filter: ViewFilter(), pair: ("A", "A")).run(on: network)
        }
        #expect(TimelineMeasure(name: "say-do") == .sayDo)
    }

    @Test func dyadAnswersWithinLimitsAndNamesItsCapsAndEpisodes() throws {
        let network = try Self.patron()
        let d = try Dyad(first: "A", second: "B", at: Self.date("2025-06")).run(on: network)
        #expect(d.answer == .yesWithinLimits)
        #expect(d.now.forward.stated == 6 && d.now.forward.material == 3 && d.now.forward.notGiven == 3)
        // Net: 4 + 2 + 3 + 4 + 1 − 2 = 12 over six relations, one negative.
        #expect(d.now.net == 12 && d.now.positive == 5 && d.now.negative == 1)
        // C is A's friend and B's (inferred) rival: a cap resting on an inference; D is no cap.
        #expect(d.now.caps.map(\.third) == ["C"])
        #expect(d.now.caps[0].restsOnInferred && d.now.caps[0].friendTie == 3 && d.now.caps[0].rivalTie == 4)
        #expect(d.now.reverseCaps.isEmpty)
        #expect(d.episodes.map(\.date.description) == ["2022", "2025-01", "2025-06"])
        let june = d.episodes.last!
        #expect(june.before.stated == 4 && june.after.stated == 6 && june.before.notGiven == 0 && june.after.notGiven == 3)
        #expect(Set(june.started) == ["mediation", "ask", "no-defence"])
        #expect(d.commitments.map(\.relation.id) == ["treaty", "ask", "no-defence"])
        #expect(d.summary[0].hasPrefix("Does A support B? Yes, within limits (as of 2025-06): stated 6, material 3"))
        #expect(d.summary.contains { $0.contains("Not given by A to B: air defences (request 2025-06, unmet); mutual defence") })
        #expect(d.summary.contains { $0.contains("1 of the 1 rest on inferred relations") })

        // Without inferred relations the cap is gone.
        let stated = try Dyad(first: "A", second: "B", at: Self.date("2025-06"), filter: ViewFilter(includeInferred: false))
            .run(on: network)
        #expect(stated.now.caps.isEmpty)
        // Before anything was dated there is only the undated friendship with C and D: no support.
        let early = try Dyad(first: "A", second: "B", at: Self.date("2020")).run(on: network)
        #expect(early.answer == .no && early.now.net == 0)
    }

    @Test func dyadOnAnUndatedUnchannelledNetworkSaysWhatItCannotTell() throws {
        let network = try Network(actors: ["P", "Q", "R"].map { ActorNode(id: $0) }, relations: [
            Relation(id: "pq", source: "P", target: "Q", kind: "cooperation", weight: 2),
            Relation(id: "pr", source: "P", target: "R", kind: "cooperation", weight: 1),
            Relation(id: "qr", source: "Q", target: "R", kind: "rivalry", weight: 1),
        ])
        let d = try Dyad(first: "P", second: "Q", at: nil).run(on: network)
        #expect(d.answer == .yesWithinLimits)  // a cap: P is friends with Q's rival R
        #expect(d.now.forward.unspecified == 2 && d.now.forward.stated == 0 && d.now.forward.material == 0)
        #expect(!d.hasChannels && !d.hasCommitments && !d.hasDates && d.episodes.isEmpty)
        #expect(d.summary.contains { $0.hasPrefix("Cannot tell words from deeds") })
        #expect(d.summary.contains { $0.hasPrefix("Cannot tell what was asked or promised") })
        #expect(d.summary.contains { $0.hasPrefix("Cannot tell how it changed") })
        #expect(throws: DyadError.self) { try Dyad(first: "P", second: "X", at: nil).run(on: network) }
        #expect(throws: DyadError.sameActor("P")) { try Dyad(first: "P", second: "P", at: nil).run(on: network) }
        do {
            _ = try Dyad(first: "PP", second: "Q", at: nil).run(on: network)
        } catch {
            #expect(error.description.contains("did you mean 'P'"))
        }
    }

    @Test func noInferredLeavesInferredRelationsOutOfViews() throws {
        let network = try Self.patron()
        let all = try NetworkView(network, filter: ViewFilter())
        let stated = try NetworkView(network, filter: ViewFilter(includeInferred: false))
        #expect(all.edgeCount == 9 && stated.edgeCount == 8)
        #expect(ViewFilter(includeInferred: false).describe(in: network).contains("inferred relations left out"))
    }
}
