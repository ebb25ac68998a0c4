import ActorNetCore
import ActorNetTestSupport
import Testing

@Suite struct NetworkTests {
    let actors = [ActorNode(id: "RUS", name: "Russia", kind: "state"), ActorNode(id: "IRN", kind: "state"),
                  ActorNode(id: "ISR", kind: "state", group: "Levant")]

    @Test func builtInKinds() {
        #expect(RelationKind.builtIns.map(\.name) == ["cooperation", "rivalry", "supply", "membership"])
        #expect(RelationKind.cooperation.sign == .positive && RelationKind.cooperation.direction == .undirected)
        #expect(RelationKind.rivalry.sign == .negative && RelationKind.rivalry.direction == .undirected)
        #expect(RelationKind.supply.sign == .positive && RelationKind.supply.direction == .directed)
        #expect(RelationKind.membership.sign == .positive && RelationKind.membership.direction == .directed)
    }

    @Test func buildsAndLooksUp() throws {
        let strike = RelationKind(name: "strike", sign: .negative, direction: .directed)
        let network = try Network(actors: actors, kinds: [strike], relations: [
            Relation(id: "a", source: "RUS", target: "IRN", kind: "cooperation", weight: 3),
            Relation(id: "b", source: "RUS", target: "IRN", kind: "rivalry", weight: 1),
            Relation(id: "c", source: "ISR", target: "IRN", kind: "strike", weight: 4),
            Relation(id: "d", source: "IRN", target: "RUS", kind: "supply", weight: 3, direction: .undirected),
        ])
        #expect(network.index(ofActor: "ISR") == 2)
        #expect(network.index(ofActor: "XXX") == nil)
        #expect(network.actor(withID: "RUS")?.name == "Russia")
        #expect(network.actor(withID: "IRN")?.name == "IRN")   // name defaults to the id
        #expect(network.kind(named: "strike") == strike)
        #expect(network.kinds.count == 5)
        #expect(network.sign(ofRelation: 1) == .negative)
        #expect(network.sign(ofRelation: 2) == .negative)
        #expect(network.isDirected(relation: 2))
        #expect(!network.isDirected(relation: 0))
        #expect(!network.isDirected(relation: 3))   // the relation overrides its kind's direction
        #expect(network.endpoints(ofRelation: 2) == (2, 1))
        // Both RUS–IRN relations are kept.
        #expect(network.relations.filter { Set([$0.source, $0.target]) == ["RUS", "IRN"] }.count == 3)
    }

    private func issues(_ relations: [Relation], kinds: [RelationKind] = [], actors: [ActorNode]? = nil,
                        sources: [SourceReference] = []) -> [NetworkIssue] {
        Network.check(actors: actors ?? self.actors, kinds: kinds, relations: relations, sources: sources)
    }

    @Test func reportsEveryProblemNotJustTheFirst() {
        let found = issues([
            Relation(id: "a", source: "RUS", target: "IRQ", kind: "cooperation"),
            Relation(id: "b", source: "RUS", target: "RUS", kind: "rivalry"),
            Relation(id: "c", source: "RUS", target: "IRN", kind: "alliance"),
            Relation(id: "c", source: "RUS", target: "IRN", kind: "supply", weight: -1),
        ])
        #expect(found.count == 5)
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found.map(\.subject) == [
            .relation(index: 0, field: "target"), .relation(index: 1, field: "target"),
            .relation(index: 2, field: "kind"), .relation(index: 3, field: "weight"), .relation(index: 3, field: "id"),
        ])
    }

    @Test func unknownActorSuggestsNearestAndListsKnown() throws {
        let issue = try #require(issues([Relation(id: "a", source: "RUS", target: "IRQ", kind: "cooperation")]).first)
        #expect(issue.message.contains("'IRQ'"))
        #expect(issue.fix?.contains("did you mean 'IRN'?") == true)
        #expect(issue.fix?.contains("IRN, ISR, RUS") == true)
    }

    @Test(arguments: [-1.0, -.leastNonzeroMagnitude, .nan, .infinity, -.infinity])
    func rejectsBadWeights(_ weight: Double) throws {
        let issue = try #require(issues([Relation(id: "a", source: "RUS", target: "IRN", kind: "cooperation", weight: weight)]).first)
        #expect(issue.subject == .relation(index: 0, field: "weight"))
        #expect(issue.severity == .error)
        #expect(issue.message.contains("not a finite number ≥ 0"))
    }

    /// Weight 0 (Boost's GraphML default): a tie of no strength, kept with a warning; after the
    /// first 20, one line counts the rest.
    @Test func zeroWeightIsAWarningNotARefusal() throws {
        let relations = (0..<25).map { Relation(id: "z\($0)", source: "RUS", target: "IRN", kind: "cooperation", weight: 0) }
        let found = issues(relations)
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.count == 21)
        #expect(found[0].message == "weight 0: a relation of no strength, kept; weighted measures treat it as no link")
        #expect(found[20].subject == .relation(index: 20, field: "weight"))
        #expect(found[20].message.hasPrefix("5 more relations of weight 0 from here on (25 in all)"))
        let network = try Network(actors: actors, relations: relations)
        #expect(network.relations.count == 25)
    }

    @Test func rejectsReversedAndEmptyIntervals() {
        for (since, until) in [("2025-06", "2025-01"), ("2025", "2025"), ("2025-06-18", "2025-06")] {
            let found = issues([Relation(id: "a", source: "RUS", target: "IRN", kind: "cooperation",
                                         since: PartialDate(iso: since), until: PartialDate(iso: until))])
            #expect(found.map(\.subject) == [.relation(index: 0, field: "until")], "\(since) → \(until)")
        }
        #expect(issues([Relation(id: "a", source: "RUS", target: "IRN", kind: "cooperation",
                                 since: PartialDate(iso: "2025-06"), until: PartialDate(iso: "2025-07"))]).isEmpty)
    }

    @Test func rejectsDuplicateAndMalformedActorIDs() {
        let found = issues([], actors: actors + [ActorNode(id: "RUS"), ActorNode(id: " "), ActorNode(id: "A\u{7}"),
                                                  ActorNode(id: "B ")])
        #expect(found.map(\.subject) == [.actor(index: 3, field: "id"), .actor(index: 4, field: "id"),
                                         .actor(index: 5, field: "id"), .actor(index: 6, field: "id")])
        #expect(found[0].message.contains("first declared as actor 1"))
        #expect(found[2].message.contains("\\u{7}"))
    }

    @Test func rejectsRedefinedAndMalformedKinds() {
        let found = issues([], kinds: [
            RelationKind(name: "rivalry", sign: .positive, direction: .directed),
            RelationKind(name: "two words", sign: .positive, direction: .directed),
            RelationKind(name: "strike", sign: .negative, direction: .directed),
            RelationKind(name: "strike", sign: .negative, direction: .directed),
        ])
        #expect(found.map(\.subject) == [.kind(index: 0, field: "name"), .kind(index: 1, field: "name"),
                                         .kind(index: 3, field: "name")])
        #expect(found[0].message.contains("built in"))
    }

    @Test func evidenceMustCiteDeclaredSources() {
        let seed = SourceReference(id: "seed", title: "The seed document")
        let found = issues([Relation(id: "a", source: "RUS", target: "IRN", kind: "cooperation",
                                     evidence: [Evidence(text: "ok", source: "seed"), Evidence(text: "x", source: "sede"),
                                                Evidence()])], sources: [seed])
        #expect(found.map(\.subject) == [.evidence(relation: 0, item: 1, field: "source"),
                                         .evidence(relation: 0, item: 2, field: "text")])
        #expect(found[0].fix?.contains("did you mean 'seed'?") == true)
    }

    @Test func initThrowsWithAllErrors() {
        #expect(throws: NetworkValidationError.self) {
            try Network(actors: actors, relations: [Relation(id: "a", source: "X", target: "Y", kind: "z")])
        }
        do {
            _ = try Network(actors: actors, relations: [Relation(id: "a", source: "X", target: "Y", kind: "z")])
        } catch {
            #expect(error.issues.count == 3)
        }
    }

    @Test func nonFiniteAttributesAreRejected() {
        let found = issues([], actors: [ActorNode(id: "A", attributes: ["gdp": .number(.nan), "ok": .bool(true)])])
        #expect(found.map(\.subject) == [.actor(index: 0, field: "attributes.gdp")])
    }
}
