import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// Files other tools write, read the way those tools mean them: each liberty taken is a located
/// warning, and only a broken file is refused (issue 19).
@Suite struct ForeignFileTests {
    static func csv(_ edges: String, nodes: String? = nil) -> LoadResult {
        CSVTables.read(nodes: nodes.map { Array($0.utf8) }, nodesFile: nodes == nil ? nil : "nodes.csv",
                       edges: Array(edges.utf8), edgesFile: "edges.csv")
    }

    static func warnings(_ result: LoadResult) -> [String] {
        result.diagnostics.warnings.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    // MARK: CSV as Gephi's importer and edge-list writers lay it out

    @Test(arguments: [("Source;Target;Weight\nA;B;2\nB;C;3\n", "';'"), ("Source\tTarget\tWeight\nA\tB\t2\nB\tC\t3\n", "tabs"),
                      ("Source|Target|Weight\nA|B|2\nB|C|3\n", "'|'")])
    func separatorsGephiReads(text: String, name: String) throws {
        let result = Self.csv(text)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.relations.map { "\($0.source)-\($0.target) \($0.weight)" } == ["A-B 2.0", "B-C 3.0"])
        #expect(Self.warnings(result) == ["1:1 fields separated by \(name) (found in the first row)"])
    }

    @Test func spacesAfterTheSeparatorAreTrimmedFromHeaderAndValues() throws {
        let result = Self.csv("Source, Target, Weight\nA, B, 2\n\"C \", A, 1\n")
        let network = try #require(result.network, "\(result.diagnostics)")
        // Unquoted values lose their spaces; a quoted value keeps what it holds.
        #expect(network.actors.map(\.id) == ["A", "B", "C "])
        #expect(Self.warnings(result).contains("1:1 spaces around the column names (and around unquoted values) ignored"))
    }

    @Test func headerlessSNAPEdgeList() throws {
        let result = Self.csv("# Directed graph (each unordered pair of nodes is saved once): CA-GrQc.txt\n# Nodes: 3 Edges: 3\n1\t2\n2\t3\n3\t1\n")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.actors.map(\.id) == ["1", "2", "3"])
        #expect(network.relations.count == 3)
        #expect(result.diagnostics.first?.message == "2 comment lines (starting with # or %) before the table skipped")
        let headerless = try #require(result.diagnostics.first { $0.message.hasPrefix("no header row") })
        #expect(headerless.location.line == 3)
        #expect(headerless.message == "no header row (no Source and Target columns): read as an edge list of Source, Target")
    }

    @Test func headerlessWithWeightsSeparatedBySpaces() throws {
        let result = Self.csv("a b 2.5\nb  c -1\n")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.relations.map(\.weight) == [2.5, 1])
        #expect(network.sign(ofRelation: 1) == .negative)
    }

    @Test func symmetricAdjacencyMatrixGivesUndirectedSignedRelations() throws {
        let result = Self.csv(";A;B;C\nA;0;1;-2\nB;1;0;0\nC;-2;0;0\n")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.relations.map { "\($0.source)-\($0.target) \($0.weight)" } == ["A-B 1.0", "A-C 2.0"])
        #expect(network.sign(ofRelation: 1) == .negative)
        #expect(!network.isDirected(relation: 0))
        #expect(Self.warnings(result).contains("1:1 read as an adjacency matrix (a header of ids after an empty first cell, one row per id)"))
    }

    @Test func asymmetricMatrixGivesDirectedRelations() throws {
        let result = Self.csv(",A,B\nA,0,3\nB,0,0\n")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.relations.count == 1 && network.isDirected(relation: 0) && network.relations[0].weight == 3)
    }

    @Test func matrixCellThatIsNotANumberIsLocated() throws {
        let d = try #require(Self.csv(",A,B\nA,0,x\nB,0,0\n").diagnostics.errors.first)
        #expect((d.location.line, d.location.column) == (2, 5))
        #expect(d.message == "matrix cell 'x' is not a number")
    }

    @Test func fromToColumns() throws {
        let result = Self.csv("from,to,weight\nx,y,2\n")
        #expect(try #require(result.network).relations.first?.weight == 2)
        #expect(Self.warnings(result) == ["1:1 columns 'from' and 'to' read as Source and Target"])
    }

    @Test func missingColumnsNameTheSeparatorFound() throws {
        let d = try #require(Self.csv("a;b;c;d\n1;2;3;4\n").diagnostics.errors.first)
        #expect(d.message == "the edge table has no Source or Target column (columns separated by ';': 'a', 'b', 'c', 'd')")
    }

    // MARK: Fields

    @Test func zeroWeightIsKeptWithAWarning() throws {
        let result = Self.csv("Source,Target,Weight\nA,B,0\nB,C,1\n")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.relations[0].weight == 0)
        #expect(Self.warnings(result) == ["2:1 relation 1: weight 0: a relation of no strength, kept; weighted measures treat it as no link"])
    }

    @Test func signThatContradictsTheWeightIsWarnedAndTheSignColumnWins() throws {
        let result = Self.csv("Source,Target,Weight,sign\nA,B,-2,1\n")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.sign(ofRelation: 0) == .positive && network.relations[0].weight == 2)
        #expect(Self.warnings(result) == ["2:1 sign +1 but weight -2: the sign column is taken (a positive tie of strength 2)"])
    }

    @Test func actorIdsWithSpacesOrControlsAreKeptAndWarned() throws {
        let result = Self.csv("Source,Target\n\" A\",\"B\tC\"\n")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.actors.map(\.id) == [" A", "B\tC"])
        #expect(result.diagnostics.warnings.count == 2)
        #expect(result.diagnostics.warnings[0].message == "actor 1: actor id ' A' has leading or trailing whitespace; kept as written")
        // Written and read back through every format that writes ids.
        for format in NetworkFormat.all where format.canRead && format.canWrite && format.name != "csv" {
            let (outputs, _) = try Exporter.export(network, format: format, toFiles: false)
            let sink = MemorySink()
            try outputs[0].write(to: sink)
            let back = AnyFormatLoader.load(bytes: sink.bytes, file: "x.\(format.extensions[0])", format: format)
            #expect(back.network?.actors.map(\.id) == [" A", "B\tC"], "\(format): \(back.diagnostics)")
        }
    }

    // MARK: Node-link JSON from D3 v3

    @Test func d3Version3NodesWithoutIdsAndLinksByIndex() throws {
        let text = """
            {"nodes": [{"name": "Myriel", "group": 1}, {"name": "Napoleon", "group": 1}, {"name": "Mlle.Baptistine", "group": 2}],
             "links": [{"source": 1, "target": 0, "value": 1}, {"source": 2, "target": 0, "value": 8}]}
            """
        let result = NodeLinkJSON.read(bytes: Array(text.utf8), file: "miserables.json")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.actors.map(\.id) == ["Myriel", "Napoleon", "Mlle.Baptistine"])
        #expect(network.relations.map { "\($0.source)-\($0.target) \($0.weight)" } == ["Napoleon-Myriel 1.0", "Mlle.Baptistine-Myriel 8.0"])
        #expect(network.actors[2].group == "2")
        #expect(result.diagnostics.warnings.first?.message.hasPrefix("nodes have no 'id' (D3 v3 layout)") == true)
    }

    @Test func d3IndexOutOfRangeIsLocated() throws {
        let text = "{\"nodes\": [{\"name\": \"a\"}],\n \"links\": [{\"source\": 0, \"target\": 5}]}"
        let d = try #require(NodeLinkJSON.read(bytes: Array(text.utf8), file: "m.json").diagnostics.errors.first)
        #expect(d.location.line == 2)
        #expect(d.message == "link target '5' is not an index into 'nodes' (0 to 0)")
    }

    // MARK: Which reader

    @Test func unknownFormatIsNamedWithTheList() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("foreign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("graph.foo").path
        try Data("this is prose, not a network\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = AnyFormatLoader.load(path: path)
        let d = try #require(result.diagnostics.first)
        #expect(d.message.hasPrefix("not a format ActorNet reads: the extension '.foo' names no format and its content looks like none of them; ActorNet reads graphml (.graphml)"))
        #expect(d.fix?.contains("--from") == true)
        #expect(result.failure == .invalid)
        // The same bytes with a format named are read as that format (and fail as that format).
        let txt = dir.appendingPathComponent("edges.txt").path
        try Data("1 2\n2 3\n".utf8).write(to: URL(fileURLWithPath: txt))
        #expect(AnyFormatLoader.load(path: txt).network?.relations.count == 2)
    }
}

/// Relations of weight 0 are links for hop counts and no links for weighted paths or signs.
@Suite struct ZeroWeightTests {
    static let network: Network = {
        let actors = ["A", "B", "C"].map { ActorNode(id: $0) }
        return try! Network(actors: actors, relations: [
            Relation(id: "ab", source: "A", target: "B", kind: "cooperation", weight: 0),
            Relation(id: "bc", source: "B", target: "C", kind: "cooperation", weight: 1),
        ])
    }()

    @Test func hopsCountItWeightedPathsDoNot() throws {
        let view = try NetworkView(Self.network)
        let hops = Betweenness(normalized: false, distance: .unit).run(on: view)
        let weighted = Betweenness(normalized: false, distance: .inverse).run(on: view)
        #expect(hops.values == [0, 1, 0])  // B lies between A and C
        #expect(weighted.values == [0, 0, 0])  // A is cut off
    }

    @Test func signedGraphLeavesItOutWithoutCallingItAmbivalent() throws {
        let graph = SignedGraph(try NetworkView(Self.network))
        #expect(graph.pairCount == 1 && graph.ambivalentPairs == 0)
    }
}
