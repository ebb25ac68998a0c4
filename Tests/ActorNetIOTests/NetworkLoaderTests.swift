import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Testing

@Suite struct NetworkLoaderTests {
    static let yaml = """
        actornet: 1
        name: Small test
        description: A network with every field.
        sources:
          seed:
            title: The seed document
            url: https://example.org/seed
            date: 2026-11
        kinds:
          strike: {sign: negative, direction: directed, description: military strikes}
        actors:
          - id: RUS
            name: Russia
            kind: state
            attributes: {permanent_member: true, population_m: 144, capital: Moscow}
          - id: IRN
            name: Iran
            kind: state
          - id: ISR
            kind: state
          - id: 1
            name: Numeric id
        relations:
          - id: rus-irn-treaty
            source: RUS
            target: IRN
            kind: cooperation
            weight: 4
            channel: material
            since: 2025-01
            label: Strategic Partnership Treaty
            evidence:
              - text: treaty without a mutual-defence clause
                source: seed
                section: Strategic Partnership or Alliance?
          - source: RUS
            target: IRN
            kind: rivalry
            evidence: competing bids for Iraqi energy contracts
          - source: RUS
            target: IRN
            kind: rivalry
            direction: directed
          - source: IRN
            target: RUS
            kind: supply
            weight: 3.5
            flows: [Shahed drones, engines]
            since: 2022
            attributes: {confirmed: false}
          - source: ISR
            target: IRN
            kind: strike
            weight: 5
            since: 2025-06-13
            until: 2025-06-25
          - source: 1
            target: RUS
            kind: cooperation
        """

    static let json = """
        {
          "actornet": 1,
          "name": "Small test",
          "description": "A network with every field.",
          "sources": {"seed": {"title": "The seed document", "url": "https://example.org/seed", "date": "2026-11"}},
          "kinds": {"strike": {"sign": "negative", "direction": "directed", "description": "military strikes"}},
          "actors": [
            {"id": "RUS", "name": "Russia", "kind": "state",
             "attributes": {"permanent_member": true, "population_m": 144, "capital": "Moscow"}},
            {"id": "IRN", "name": "Iran", "kind": "state"},
            {"id": "ISR", "kind": "state"},
            {"id": 1, "name": "Numeric id"}
          ],
          "relations": [
            {"id": "rus-irn-treaty", "source": "RUS", "target": "IRN", "kind": "cooperation", "weight": 4,
             "channel": "material", "since": "2025-01", "label": "Strategic Partnership Treaty",
             "evidence": [{"text": "treaty without a mutual-defence clause", "source": "seed",
                           "section": "Strategic Partnership or Alliance?"}]},
            {"source": "RUS", "target": "IRN", "kind": "rivalry", "evidence": "competing bids for Iraqi energy contracts"},
            {"source": "RUS", "target": "IRN", "kind": "rivalry", "direction": "directed"},
            {"source": "IRN", "target": "RUS", "kind": "supply", "weight": 3.5, "flows": ["Shahed drones", "engines"],
             "since": 2022, "attributes": {"confirmed": false}},
            {"source": "ISR", "target": "IRN", "kind": "strike", "weight": 5, "since": "2025-06-13", "until": "2025-06-25"},
            {"source": 1, "target": "RUS", "kind": "cooperation"}
          ]
        }
        """

    @Test func readsEveryField() throws {
        let result = Fixtures.load(yaml: Self.yaml)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let n = try #require(result.network)
        #expect(n.name == "Small test")
        #expect(n.sources == [SourceReference(id: "seed", title: "The seed document", url: "https://example.org/seed",
                                              date: PartialDate(iso: "2026-11"))])
        #expect(n.kind(named: "strike") == RelationKind(name: "strike", sign: .negative, direction: .directed,
                                                       description: "military strikes"))
        #expect(n.actors[0].attributes == ["permanent_member": .bool(true), "population_m": .number(144),
                                           "capital": .string("Moscow")])
        #expect(n.actors[2].name == "ISR")
        #expect(n.actors[3].id == "1")
        let treaty = n.relations[0]
        #expect(treaty.id == "rus-irn-treaty" && treaty.weight == 4 && treaty.channel == .material)
        #expect(treaty.since == PartialDate(iso: "2025-01") && treaty.label == "Strategic Partnership Treaty")
        #expect(treaty.evidence == [Evidence(text: "treaty without a mutual-defence clause", source: "seed",
                                             section: "Strategic Partnership or Alliance?")])
        #expect(n.relations[1].evidence == [Evidence(text: "competing bids for Iraqi energy contracts")])
        #expect(n.relations[1].weight == 1)   // the default weight
        #expect(n.relations[3].flows == ["Shahed drones", "engines"])
        #expect(n.relations[3].attributes == ["confirmed": .bool(false)])
        #expect(n.isDirected(relation: 2) && !n.isDirected(relation: 1))
    }

    @Test func derivesRelationIDsWithoutClashes() throws {
        let n = try #require(Fixtures.load(yaml: Self.yaml).network)
        #expect(n.relations.map(\.id) == ["rus-irn-treaty", "RUS-rivalry-IRN", "RUS-rivalry-IRN-2", "IRN-supply-RUS",
                                          "ISR-strike-IRN", "1-cooperation-RUS"])
    }

    @Test func jsonAndYAMLGiveTheSameNetwork() throws {
        let fromYAML = try #require(Fixtures.load(yaml: Self.yaml).network)
        let json = Fixtures.load(json: Self.json)
        #expect(json.diagnostics.isEmpty, "\(json.diagnostics)")
        #expect(try #require(json.network) == fromYAML)
    }

    @Test func syntaxIsDetectedFromExtensionThenContent() {
        #expect(NativeSyntax.detect(path: "a.json", bytes: Array("x".utf8)[...]) == .json)
        #expect(NativeSyntax.detect(path: "a.YML", bytes: Array("{}".utf8)[...]) == .yaml)
        #expect(NativeSyntax.detect(path: "a.txt", bytes: Array("  \n{\"actors\": []}".utf8)[...]) == .json)
        #expect(NativeSyntax.detect(path: "a", bytes: Array("actors: []".utf8)[...]) == .yaml)
    }

    @Test func jsonErrorsCarryPositionsToo() throws {
        let result = Fixtures.load(json: """
            {"actors": [{"id": "RUS"}, {"id": "IRN"}],
             "relations": [{"source": "RUS", "target": "IRQ", "kind": "cooperation"}]}
            """)
        let e = try #require(result.diagnostics.errors.first)
        #expect((e.location.line, e.location.column) == (2, 44))
        #expect(e.message == "relation 1: unknown actor 'IRQ' in 'target'")
    }

    @Test func unreadableFiles() {
        let missing = NetworkLoader.load(path: "/nonexistent/network.yaml")
        #expect(missing.failure == .unreadable)
        #expect(missing.diagnostics.first?.message == "cannot read '/nonexistent/network.yaml': no such file")
        let directory = NetworkLoader.load(path: Fixtures.path("graphs"))
        #expect(directory.failure == .unreadable)
        #expect(directory.diagnostics.first?.message.contains("it is a directory") == true)
    }
}

/// The shipped network: valid, warning-free, and carrying what the foundation issue asks of it.
@Suite struct ShippedNetworkTests {
    static let result = NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml"))

    @Test func validWithoutWarnings() {
        #expect(Self.result.diagnostics.isEmpty, "\(Self.result.diagnostics)")
        #expect(Self.result.network != nil)
    }

    @Test func hasTheRequiredActors() throws {
        let n = try #require(Self.result.network)
        for id in ["RUS", "IRN", "ISR", "USA", "SAU", "ARE", "ARM", "AZE", "CSTO", "SYR", "UKR", "TUR", "CHN", "IRQ"] {
            #expect(n.actor(withID: id) != nil, "missing \(id)")
        }
        #expect(n.actors.contains { $0.name.contains("Hezbollah") })
        #expect(n.actor(withID: "SAU")?.group == "Gulf states")
        #expect(n.actor(withID: "ARE")?.group == "Gulf states")
    }

    @Test func everyRelationCitesEvidenceFromTheSeed() throws {
        let n = try #require(Self.result.network)
        for r in n.relations {
            #expect(!r.evidence.isEmpty, "\(r.id) has no evidence")
            #expect(r.evidence.allSatisfy { $0.text != nil && $0.section != nil && $0.source != nil }, "\(r.id)")
        }
    }

    @Test func tellsStatedFromMaterialSupport() throws {
        let n = try #require(Self.result.network)
        let russiaToIran = n.relations.filter { [$0.source, $0.target].sorted() == ["IRN", "RUS"] }
        #expect(russiaToIran.contains { $0.channel == .stated })
        #expect(russiaToIran.contains { $0.channel == .material })
        #expect(russiaToIran.contains { n.kind(named: $0.kind)?.sign == .negative })   // they also compete
        #expect(russiaToIran.contains { $0.kind == "supply" && $0.source == "IRN" })  // drones to Russia
    }

    @Test func carriesTheDatesTheTextGives() throws {
        let n = try #require(Self.result.network)
        let syria = n.relations.filter { [$0.source, $0.target].contains("SYR") && $0.source == "RUS" && $0.kind != "rivalry" }
        #expect(syria.contains { $0.since == PartialDate(iso: "2015") || $0.since?.year == 2015 })
        // "By late 2024 …": present through 2024, gone from 2025 (graphs/README.md, coarse periods).
        #expect(syria.allSatisfy { $0.until == PartialDate(iso: "2025") })
        #expect(n.relations.contains { $0.since == PartialDate(iso: "2025-01") && [$0.source, $0.target].sorted() == ["IRN", "RUS"] })
        #expect(n.relations.contains { $0.since?.year == 2025 && $0.since?.month == 6 && $0.target == "IRN" && $0.source == "ISR" })
    }

    @Test func russiaHedges() throws {
        // Russia keeps positive ties to both Iran and Israel, who are rivals.
        let n = try #require(Self.result.network)
        func positive(_ a: String, _ b: String) -> Bool {
            n.relations.contains { [$0.source, $0.target].sorted() == [a, b].sorted() && n.kind(named: $0.kind)?.sign == .positive }
        }
        func negative(_ a: String, _ b: String) -> Bool {
            n.relations.contains { [$0.source, $0.target].sorted() == [a, b].sorted() && n.kind(named: $0.kind)?.sign == .negative }
        }
        #expect(positive("RUS", "IRN") && positive("RUS", "ISR") && negative("IRN", "ISR"))
        #expect(positive("RUS", "SAU") && positive("RUS", "ARE"))
        #expect(negative("ARM", "AZE"))
    }
}
