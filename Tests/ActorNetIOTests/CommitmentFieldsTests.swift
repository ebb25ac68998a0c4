import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// The relation fields `inferred`, `note`, `commitment`, `fulfilment` and `cameo` through every
/// reader and writer, and their errors with file, line and column.
@Suite struct CommitmentFieldsTests {
    static let yaml = """
        actornet: 1
        kinds:
          appeal: {sign: positive, direction: directed, description: "CAMEO 02"}
          refusal: {sign: negative, direction: directed}
        actors:
          - id: IRN
          - id: RUS
          - id: SAU
        relations:
          - id: ask
            source: IRN
            target: RUS
            kind: appeal
            channel: stated
            since: 2025-06
            flows: [better air defences]
            commitment: request
            fulfilment: unmet
            cameo: "0234"
            note: "The month is read from the text's placing after the June attacks."
          - id: no-defence
            source: RUS
            target: IRN
            kind: refusal
            weight: 2
            channel: stated
            commitment: pledge
            fulfilment: refused
            flows: [mutual defence]
            cameo: "12"
          - id: gulf
            source: IRN
            target: SAU
            kind: rivalry
            inferred: true
            note: "Inferred from Russia's balancing."
          - id: old-style
            source: RUS
            target: SAU
            kind: cooperation
            attributes:
              inferred: true
        """

    static func network() throws -> Network {
        let result = Fixtures.load(yaml: yaml)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.network)
    }

    /// The new fields of every relation, as one comparable value.
    static func fields(_ n: Network) -> [String] {
        n.relations.map { r in
            "\(r.id) inferred=\(r.inferred) note=\(r.note ?? "-") commitment=\(r.commitment?.rawValue ?? "-") "
                + "fulfilment=\(r.fulfilment?.rawValue ?? "-") cameo=\(r.cameo ?? "-") flows=\(r.flows)"
        }
    }

    @Test func nativeYAMLReadsTheFieldsAndLiftsTheOldInferredAttribute() throws {
        let n = try Self.network()
        let ask = n.relations[0]
        #expect(ask.commitment == .request && ask.fulfilment == .unmet && ask.cameo == "0234")
        #expect(ask.provider == "RUS" && ask.recipient == "IRN")
        #expect(n.relations[1].provider == "RUS" && n.relations[1].recipient == "IRN")
        #expect(n.relations[2].inferred && n.relations[2].note == "Inferred from Russia's balancing.")
        // `attributes: inferred: true`, as files kept it before the field, becomes the field.
        #expect(n.relations[3].inferred && n.relations[3].attributes.isEmpty)
    }

    @Test func everyFormatRoundTripsTheFields() throws {
        let n = try Self.network()
        let expected = Self.fields(n)
        let table = ExportTable(n)

        let yaml = Fixtures.load(yaml: NativeWriter.yaml(n))
        #expect(Self.fields(try #require(yaml.network, "\(yaml.diagnostics)")) == expected, "YAML")

        let graphml = GraphMLReader.read(bytes: try GraphMLWriter.write(table), file: "t.graphml")
        #expect(Self.fields(try #require(graphml.network, "\(graphml.diagnostics)")) == expected, "GraphML")

        for mode in [GEXFWriter.Mode.static, .dynamic] {
            let gexf = GEXFReader.read(bytes: try GEXFWriter.write(table, mode: mode), file: "t.gexf")
            #expect(Self.fields(try #require(gexf.network, "\(gexf.diagnostics)")) == expected, "GEXF \(mode)")
        }

        let csv = CSVTables.read(nodes: Array(CSVTables.nodes(table).utf8), nodesFile: "nodes.csv",
                                 edges: Array(CSVTables.edges(table).utf8), edgesFile: "edges.csv")
        #expect(Self.fields(try #require(csv.network, "\(csv.diagnostics)")) == expected, "CSV")

        let nodeLink = NodeLinkJSON.read(bytes: Array(NodeLinkJSON.write(table).utf8), file: "t.json")
        #expect(Self.fields(try #require(nodeLink.network, "\(nodeLink.diagnostics)")) == expected, "node-link")

        // The native JSON form reads the same fields.
        let json = """
            {"actornet": 1, "actors": [{"id": "A"}, {"id": "B"}],
             "relations": [{"id": "p", "source": "A", "target": "B", "kind": "supply", "commitment": "pledge",
                            "fulfilment": "partly", "cameo": "07", "inferred": false, "note": "n"}]}
            """
        let fromJSON = try #require(Fixtures.load(json: json).network)
        #expect(Self.fields(fromJSON) == ["p inferred=false note=n commitment=pledge fulfilment=partly cameo=07 flows=[]"])
    }

    /// Another tool's file with columns of these names but other values is read: each value the
    /// field cannot take is kept as an attribute, with a located warning.
    @Test func foreignValuesAreKeptAsAttributesWithAWarning() throws {
        let edges = "Source,Target,inferred,commitment,fulfilment,cameo\nA,B,maybe,promise,unmet,2\nB,C,true,request,met,02\n"
        let result = CSVTables.read(nodes: nil, nodesFile: nil, edges: Array(edges.utf8), edgesFile: "edges.csv")
        let n = try #require(result.network, "\(result.diagnostics)")
        #expect(n.relations[0].attributes == ["inferred": .string("maybe"), "commitment": .string("promise"),
                                               "fulfilment": .string("unmet"), "cameo": .string("2")])
        #expect(!n.relations[0].inferred && n.relations[0].commitment == nil && n.relations[0].cameo == nil)
        #expect(n.relations[1].inferred && n.relations[1].commitment == .request && n.relations[1].fulfilment == .met)
        #expect(n.relations[1].cameo == "02")
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.count == 4, "\(warnings)")
        #expect(warnings.allSatisfy { $0.contains("edges.csv:2:") && $0.contains("kept as the attribute") })
    }

    @Test func badValuesAreLocatedWithTheirFix() {
        func diagnostics(_ relation: String) -> [String] {
            let text = """
                actornet: 1
                actors: [{id: A}, {id: B}]
                relations:
                  - id: r
                    source: A
                    target: B
                    kind: cooperation
                \(relation)
                """
            return Fixtures.load(yaml: text).diagnostics.map(\.description)
        }
        let commitment = diagnostics("    commitment: promise")
        #expect(commitment.contains { $0.contains("test.yaml:8:17") && $0.contains("commitment 'promise' is not valid")
                && $0.contains("'request'") })
        let fulfilment = diagnostics("    fulfilment: unmet")
        #expect(fulfilment.contains { $0.contains("test.yaml:8:") && $0.contains("fulfilment 'unmet' without a commitment") })
        let cameo = diagnostics("    cameo: \"25\"")
        #expect(cameo.contains { $0.contains("test.yaml:8:") && $0.contains("CAMEO code '25' is not valid") })
        let inferred = diagnostics("    inferred: \"yes\"")
        #expect(inferred.contains { $0.contains("test.yaml:8:15") && $0.contains("must be true or false") })
    }
}
