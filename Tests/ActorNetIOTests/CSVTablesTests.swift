import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

@Suite struct CSVTablesTests {
    static func shipped() throws -> Network {
        let result = NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml"))
        return try #require(result.network, "\(result.diagnostics)")
    }

    static func read(nodes: String?, edges: String) -> LoadResult {
        CSVTables.read(nodes: nodes.map { Array($0.utf8) }, nodesFile: nodes == nil ? nil : "nodes.csv",
                       edges: Array(edges.utf8), edgesFile: "edges.csv")
    }

    static func roundTrip(_ network: Network) -> LoadResult {
        let table = ExportTable(network)
        return read(nodes: CSVTables.nodes(table), edges: CSVTables.edges(table))
    }

    /// What reading back a CSV pair must give, by the rule in `CSVTables`' documentation: no name
    /// or summary; declared kinds declared again on first use (sign and direction of that first
    /// relation, description "imported from edges.csv"); cited sources declared with their ids as
    /// titles; a relation's direction kept only where it differs from its kind's default.
    static func csvForm(of network: Network) throws -> Network {
        var kinds: [RelationKind] = []
        var kindIndex: [String: Int] = [:]
        var sources: [String] = []
        var relations = network.relations
        for (i, relation) in network.relations.enumerated() {
            var kind = network.kind(ofRelation: i)
            let directed = network.isDirected(relation: i)
            if !kind.isBuiltIn {
                if let k = kindIndex[kind.name] {
                    kind = kinds[k]
                } else {
                    kind = RelationKind(name: kind.name, sign: kind.sign, direction: directed ? .directed : .undirected,
                                        description: "imported from edges.csv")
                    kindIndex[kind.name] = kinds.count
                    kinds.append(kind)
                }
            }
            relations[i].direction = directed == (kind.direction == .directed) ? nil : directed ? .directed : .undirected
            for source in relation.evidence.compactMap(\.source) where !sources.contains(source) { sources.append(source) }
        }
        return try Network(actors: network.actors, kinds: kinds, relations: relations,
                           sources: sources.map { SourceReference(id: $0, title: $0) })
    }

    // MARK: Writing

    @Test func tablesHaveGephisLayout() throws {
        let table = ExportTable(try Self.shipped())
        let nodes = CSVTables.nodes(table).split(separator: "\n")
        #expect(nodes[0].hasPrefix("Id,Label,kind,group,"))
        #expect(nodes[1].hasPrefix("RUS,Russia,state,,"))
        #expect(nodes.count == table.nodes.count + 1)
        let edges = CSVTables.edges(table).split(separator: "\n")
        #expect(edges[0].hasPrefix("Source,Target,Type,Id,Label,Weight,kind,sign,channel,since,until,flows,evidence"))
        #expect(edges.count == table.edges.count + 1)
        // Gephi reads Type as the direction: only Directed/Undirected appear there.
        let types = Set(edges.dropFirst().map { $0.split(separator: ",")[2] })
        #expect(types == ["Directed", "Undirected"])
        #expect(CSVTables.edges(table) == CSVTables.edges(ExportTable(try Self.shipped())))
    }

    @Test func absentAndEmptyValuesStayApart() throws {
        let network = try Network(
            actors: [ActorNode(id: "A", attributes: ["note": .string("")]), ActorNode(id: "B", attributes: ["note": .string("x")]),
                     ActorNode(id: "C")],
            relations: [Relation(id: "r", source: "A", target: "B", kind: "cooperation")])
        let nodes = CSVTables.nodes(ExportTable(network))
        #expect(nodes == "Id,Label,kind,group,note\nA,A,,,\"\"\nB,B,,,x\nC,C,,,\n")
        #expect(Self.read(nodes: nodes, edges: CSVTables.edges(ExportTable(network))).network == network)
    }

    // MARK: Round trip

    @Test func shippedNetworkRoundTrips() throws {
        let network = try Self.shipped()
        let result = Self.roundTrip(network)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let back = try #require(result.network)
        let expected = try Self.csvForm(of: network)
        #expect(back == expected)
        #expect(back.actors == network.actors && back.relations == network.relations)
        // The sources that evidence cites come back as placeholders, with a warning.
        #expect(back.sources == [SourceReference(id: "seed", title: "seed")])
        #expect(result.diagnostics.warnings.contains { $0.message.contains("cannot declare") })
    }

    @Test func nastyValuesRoundTrip() throws {
        let threat = RelationKind(name: "threat", sign: .negative, direction: .directed)
        let network = try Network(
            actors: [
                ActorNode(id: "A,1", name: "say \"hi\"\nnext line", kind: "state",
                          attributes: ["id": .string("x"), "name": .string("n"), "Label2": .number(2.5), "flag": .bool(true)]),
                ActorNode(id: "Ünïcødé 東京", group: "g, \"h\"", attributes: ["flag": .bool(false), "Label2": .number(-1e-3)]),
                ActorNode(id: "007"),
            ],
            kinds: [threat],
            relations: [
                Relation(id: "r,1", source: "A,1", target: "Ünïcødé 東京", kind: "threat", weight: 0.25,
                         channel: .stated, since: PartialDate(iso: "2015"), until: PartialDate(iso: "2024-12"),
                         flows: ["oil", "gas, \"LNG\""], label: "quote \" and\r\nCRLF",
                         evidence: [Evidence(text: "a, \"b\"", section: "s")],
                         attributes: ["type": .string("t"), "source": .string("s"), "weight_note": .string("w")]),
                Relation(id: "r2", source: "007", target: "A,1", kind: "threat", weight: 1e20, direction: .undirected),
                Relation(id: "r3", source: "007", target: "A,1", kind: "supply", direction: .undirected),
            ])
        let result = Self.roundTrip(network)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)\n\(CSVTables.edges(ExportTable(network)))")
        let back = try #require(result.network)
        #expect(back == (try Self.csvForm(of: network)))
        #expect(back.relations[0].label == "quote \" and\r\nCRLF")  // line breaks inside quotes are kept
        #expect(back.relations[1].direction == .undirected)
    }

    // MARK: Shared data

    @Test func readsGahukuGama() throws {
        let result = CSVTables.read(nodesPath: Fixtures.fixturePath("signed/gahuku_gama_nodes.csv"),
                                    edgesPath: Fixtures.fixturePath("signed/gahuku_gama_edges.csv"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let network = try #require(result.network)
        #expect(network.actors.count == 16 && network.relations.count == 58)
        #expect(network.relations.indices.filter { network.sign(ofRelation: $0) == .negative }.count == 29)
        #expect(network.actors[0] == ActorNode(id: "1", name: "Gavev",
                                               attributes: ["ucinet_label": .string("GAVEV"), "full_name": .string("Gaveve")]))
        #expect(network.relations[1].attributes["tie"] == .string("hina"))
        #expect(network.relations.indices.allSatisfy { !network.isDirected(relation: $0) })
    }

    @Test func readsCorrelatesOfWarWindowsAsParallelRelations() throws {
        let path = Fixtures.fixturePath("ir/cow_signed_3yr_windows_1946_1999.csv")
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count - 1
        let result = CSVTables.read(nodesPath: nil, edgesPath: path)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.prefix(3))")
        let network = try #require(result.network)
        #expect(network.relations.count == rows)
        #expect(network.relations[0].attributes == ["period": .string("46-49")])
        #expect(network.relations[0].source == "AFG" && network.relations[0].target == "IRN")
        let negative = network.relations.indices.filter { network.sign(ofRelation: $0) == .negative }.count
        #expect(rows == 41_295 && network.actors.count == 178 && negative == 5_071)  // counted with Python's csv module
        let afgIrn = network.relations.filter { $0.source == "AFG" && $0.target == "IRN" }
        #expect(afgIrn.count > 1, "the same pair in several periods stays as parallel relations")
    }

    @Test func readsFlorentineMarriages() throws {
        let result = CSVTables.read(nodesPath: nil, edgesPath: Fixtures.fixturePath("florentine/florentine_marriage_edges.csv"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let network = try #require(result.network)
        #expect(network.actors.count == 15 && network.relations.count == 20)
        #expect(network.actors[0].id == "Acciaiuoli" && network.kinds.last?.name == "tie")
    }

    // MARK: Reading other layouts

    @Test func columnsAreMatchedCaseInsensitivelyAndTyped() throws {
        let result = Self.read(nodes: "ID,LABEL,population,member,code\nA,Alpha,1.5,TRUE,01\nB,Beta,,false,x\n",
                               edges: "source,TARGET,type,WEIGHT,Sign,KIND,year\nA,B,directed,-2,,,1999\nB,A,UNDIRECTED,1,+,ally,2000\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let n = try #require(result.network)
        #expect(n.actors[0] == ActorNode(id: "A", name: "Alpha", attributes: ["population": .number(1.5), "member": .bool(true),
                                                                                "code": .string("01")]))
        #expect(n.actors[1].attributes == ["member": .bool(false), "code": .string("x")])
        #expect(n.relations[0].kind == "negative-tie" && n.relations[0].weight == 2 && n.isDirected(relation: 0))
        #expect(n.relations[0].attributes == ["year": .number(1999)])
        #expect(n.relations[1].kind == "ally" && n.sign(ofRelation: 1) == .positive && !n.isDirected(relation: 1))
    }

    // MARK: Errors, one per kind, each with its position

    static func firstError(nodes: String? = nil, edges: String) -> Diagnostic? {
        let result = read(nodes: nodes, edges: edges)
        #expect(result.network == nil)
        return result.diagnostics.errors.first
    }

    @Test func unterminatedQuote() throws {
        let d = try #require(Self.firstError(edges: "Source,Target\nA,B\nA,\"B\nC,D\n"))
        #expect(d.location == SourceLocation(file: "edges.csv", line: 3, column: 3))
        #expect(d.message.contains("never closed"))
    }

    @Test func textAfterClosingQuote() throws {
        let d = try #require(Self.firstError(edges: "Source,Target\n\"A\"x,B\n"))
        #expect(d.location == SourceLocation(file: "edges.csv", line: 2, column: 4))
    }

    @Test func quoteInsideUnquotedField() throws {
        let d = try #require(Self.firstError(edges: "Source,Target\nA,B\"\n"))
        #expect(d.location == SourceLocation(file: "edges.csv", line: 2, column: 4))
    }

    @Test func wrongNumberOfFields() throws {
        let result = Self.read(nodes: nil, edges: "Source,Target,weight\nA,B,1\nA,B\nA,C,1,4\n")
        #expect(result.network == nil)
        let errors = result.diagnostics.errors
        #expect(errors.map(\.location) == [SourceLocation(file: "edges.csv", line: 3, column: 1),
                                           SourceLocation(file: "edges.csv", line: 4, column: 7)])
        #expect(errors[0].message == "the row has 2 fields but the header has 3")
    }

    @Test func missingSourceOrTargetColumn() throws {
        let d = try #require(Self.firstError(edges: "from,Target\nA,B\n"))
        #expect(d.location.line == 1 && d.message.contains("no Source column"))
        let nodes = try #require(Self.firstError(nodes: "name\nA\n", edges: "Source,Target\nA,B\n"))
        #expect(nodes.location.file == "nodes.csv" && nodes.message.contains("no 'Id' column"))
    }

    @Test func badWeightSignAndType() throws {
        let result = Self.read(nodes: nil, edges: "Source,Target,Weight,sign,Type\nA,B,heavy,1,Directed\nA,B,1,2,Directed\nA,B,1,1,rivalry\n")
        #expect(result.network == nil)
        let errors = result.diagnostics.errors
        #expect(errors.map(\.location) == [SourceLocation(file: "edges.csv", line: 2, column: 5),
                                           SourceLocation(file: "edges.csv", line: 3, column: 7),
                                           SourceLocation(file: "edges.csv", line: 4, column: 9)])
        #expect(errors[0].message == "weight 'heavy' is not a number")
        #expect(errors[2].fix?.contains("'kind' column") == true)
    }

    @Test func modelErrorsPointAtTheRow() throws {
        let d = try #require(Self.firstError(edges: "Source,Target,since,until\nA,B,,\nB,C,2020,2010\n"))
        #expect(d.location.line == 3 && d.message.contains("until 2010 is not after since 2020"))
    }

    @Test func unreadableFile() {
        let result = CSVTables.read(nodesPath: nil, edgesPath: "/nonexistent/edges.csv")
        #expect(result.failure == .unreadable)
    }
}
