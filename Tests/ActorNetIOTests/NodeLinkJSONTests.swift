import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

@Suite struct NodeLinkJSONTests {
    static func shipped() throws -> Network {
        let result = NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml"))
        return try #require(result.network, "\(result.diagnostics)")
    }

    static func read(_ text: String) -> LoadResult {
        NodeLinkJSON.read(bytes: Array(text.utf8), file: "graph.json")
    }

    /// Runs a Python snippet with the tests' interpreter (`Python`); the tests that call this are
    /// skipped when it or networkx is missing (CI installs both).
    static func python(_ script: String) throws -> String {
        let path = try ExportToolRunner.temporaryFile(script, extension: "py")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let python = Python.command([path])
        let output = try ExportToolRunner.run(python.executable, python.arguments)
        #expect(output.status == 0, "\(Python.described) failed: \(output.stderr)")
        return output.stdout
    }

    static let hasNetworkx = Python.has(modules: ["networkx"])

    @Test func shippedNetworkRoundTripsExactly() throws {
        let network = try Self.shipped()
        let text = NodeLinkJSON.write(ExportTable(network))
        let result = Self.read(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(try #require(result.network) == network)
    }

    @Test func nastyValuesRoundTrip() throws {
        let threat = RelationKind(name: "threat", sign: .negative, direction: .directed, description: "a \"threat\"\n")
        let network = try Network(
            name: "quote \" backslash \\ tab\t", summary: "Ünïcødé 東京\u{1}",
            actors: [
                ActorNode(id: "A\"1", name: "line\nbreak", kind: "state",
                          attributes: ["id": .string("x"), "n": .number(2.5), "big": .number(1e20), "flag": .bool(false)]),
                ActorNode(id: "7", group: "g"),
            ],
            kinds: [threat],
            relations: [
                Relation(id: "r \\1", source: "A\"1", target: "7", kind: "threat", weight: 0.1, channel: .material,
                         since: PartialDate(iso: "2015-02"), flows: ["oil", "gas; LNG?"], label: "l",
                         evidence: [Evidence(text: "t", source: "s", section: "§", url: "https://x/y")],
                         attributes: ["source": .string("s"), "key": .number(3), "sign": .string("x")]),
                Relation(id: "r2", source: "7", target: "A\"1", kind: "threat", direction: .undirected),
            ],
            sources: [SourceReference(id: "s", title: "T", url: "u", date: PartialDate(iso: "2020"), note: "n")])
        let result = Self.read(NodeLinkJSON.write(ExportTable(network)))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let back = try #require(result.network)
        // `flows` items joined by "; " cannot hold "; " themselves (as in every ExportTable format).
        var expected = network.relations
        expected[0].flows = ["oil", "gas", "LNG?"]
        #expect(back.actors == network.actors && back.kinds == network.kinds && back.sources == network.sources)
        #expect(back.name == network.name && back.summary == network.summary)
        #expect(back.relations == expected)
    }

    @Test func layoutFollowsNetworkx() throws {
        let network = try Network(
            actors: [ActorNode(id: "A", name: "Alpha"), ActorNode(id: "B")],
            relations: [Relation(id: "r1", source: "A", target: "B", kind: "cooperation", weight: 2)])
        #expect(NodeLinkJSON.write(ExportTable(network)) == """
            {
              "directed": false,
              "multigraph": true,
              "graph": {},
              "nodes": [
                {"id": "A", "label": "Alpha"},
                {"id": "B", "label": "B"}
              ],
              "edges": [
                {"source": "A", "target": "B", "key": "r1", "kind": "cooperation", "sign": 1, "weight": 2, "directed": false}
              ]
            }

            """)
    }

    @Test(.enabled(if: hasNetworkx, "needs python3 with networkx (pip install networkx; scripts/setup)"))
    func networkxReadsOurFile() throws {
        let network = try Self.shipped()
        let path = try ExportToolRunner.temporaryFile(NodeLinkJSON.write(ExportTable(network)), extension: "json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try Self.python("""
            import json, networkx as nx
            with open(\(String(reflecting: path))) as f:
                G = nx.node_link_graph(json.load(f))
            print(type(G).__name__, G.number_of_nodes(), G.number_of_edges())
            print(G.graph["name"], len(G.graph["kinds"]), G.graph["sources"][0]["id"])
            u, v, k, d = next(iter(G.edges(keys=True, data=True)))
            print(k, d["kind"], float(d["weight"]), d["directed"])
            """)
        let lines = output.split(separator: "\n")
        #expect(lines.first == "MultiDiGraph \(network.actors.count) \(network.relations.count)")
        #expect(lines.dropFirst().first == "\(network.name!) \(network.kinds.count - 4) seed")
        let first = network.relations[0]
        #expect(lines.dropFirst(2).first == "\(first.id) \(first.kind) \(first.weight) \(network.isDirected(relation: 0) ? "True" : "False")")

        let undirected = try Network(actors: [ActorNode(id: "A"), ActorNode(id: "B")],
                                     relations: [Relation(id: "1", source: "A", target: "B", kind: "rivalry"),
                                                 Relation(id: "2", source: "A", target: "B", kind: "cooperation")])
        let path2 = try ExportToolRunner.temporaryFile(NodeLinkJSON.write(ExportTable(undirected)), extension: "json")
        defer { try? FileManager.default.removeItem(atPath: path2) }
        let output2 = try Self.python("""
            import json, networkx as nx
            with open(\(String(reflecting: path2))) as f:
                G = nx.node_link_graph(json.load(f))
            print(type(G).__name__, G.number_of_nodes(), G.number_of_edges())
            """)
        #expect(output2 == "MultiGraph 2 2\n")

        // One direction on request: the shipped network (mixed) as an undirected MultiGraph,
        // each relation's own direction in its `directed` column.
        let path3 = try ExportToolRunner.temporaryFile(NodeLinkJSON.write(ExportTable(network, direction: .undirected)),
                                                       extension: "json")
        defer { try? FileManager.default.removeItem(atPath: path3) }
        let output3 = try Self.python("""
            import json, networkx as nx
            with open(\(String(reflecting: path3))) as f:
                G = nx.node_link_graph(json.load(f))
            print(type(G).__name__, G.number_of_nodes(), G.number_of_edges(), sum(1 for *_, d in G.edges(data=True) if d["directed"]))
            """)
        let directed = network.relations.indices.filter { network.isDirected(relation: $0) }.count
        #expect(output3 == "MultiGraph \(network.actors.count) \(network.relations.count) \(directed)\n")
    }

    @Test(.enabled(if: hasNetworkx, "needs python3 with networkx (pip install networkx; scripts/setup)"))
    func readsWhatNetworkxWrites() throws {
        let output = try Self.python("""
            import json, networkx as nx
            G = nx.florentine_families_graph()
            G.graph["name"] = "Florentine"
            print(json.dumps(nx.node_link_data(G, edges="edges")))
            M = nx.MultiDiGraph()
            M.add_node(1, wealth=10, active=True)
            M.add_edge(1, 2, weight=3.0, kind="supply")
            M.add_edge(1, 2, weight=1.5, sign=-1)
            M.add_edge(2, 3, tag=[1, 2])
            print(json.dumps(nx.node_link_data(M, edges="links")))
            """)
        let documents = output.split(separator: "\n").map(String.init)
        try #require(documents.count == 2)

        let florentine = Self.read(documents[0])
        #expect(florentine.diagnostics.isEmpty, "\(florentine.diagnostics)")
        let f = try #require(florentine.network)
        #expect(f.name == "Florentine" && f.actors.count == 15 && f.relations.count == 20)
        #expect(f.relations.indices.allSatisfy { !f.isDirected(relation: $0) })

        let multi = Self.read(documents[1])
        #expect(multi.diagnostics.isEmpty, "\(multi.diagnostics)")
        let m = try #require(multi.network)
        #expect(m.actors.map(\.id) == ["1", "2", "3"])
        #expect(m.actors[0].attributes == ["wealth": .number(10), "active": .bool(true)])
        #expect(m.relations.count == 3)
        #expect(m.relations.map(\.id) == ["1-supply-2", "1-negative-tie-2", "2-tie-3"])  // integer keys are no ids
        #expect(m.relations[0].weight == 3 && m.isDirected(relation: 0))
        #expect(m.sign(ofRelation: 1) == .negative && m.relations[1].weight == 1.5)
        #expect(m.relations[2].attributes == ["tag": .string("[1,2]")])
    }

    // MARK: Errors, each with its position

    @Test func syntaxErrorHasPosition() throws {
        let d = try #require(Self.read("{\"nodes\": [\n  {\"id\": \"A\",}\n]}").diagnostics.first)
        #expect(d.location.file == "graph.json" && d.location.line == 2)
    }

    @Test func notAnObject() throws {
        let d = try #require(Self.read("[1, 2]").diagnostics.first)
        #expect(d.location == SourceLocation(file: "graph.json", line: 1, column: 1))
        #expect(d.message.contains("not a node-link object"))
    }

    @Test func nodeWithoutID() throws {
        let result = Self.read("{\"nodes\": [{\"id\": \"A\"},\n  {\"label\": \"B\"}], \"links\": []}")
        #expect(result.network == nil)
        let d = try #require(result.diagnostics.errors.first)
        #expect(d.location == SourceLocation(file: "graph.json", line: 2, column: 3) && d.message == "a node has no 'id'")
    }

    @Test func linkWithoutTargetAndMissingLinks() throws {
        let result = Self.read("{\"nodes\": [{\"id\": \"A\"}], \"links\": [\n {\"source\": \"A\"}]}")
        #expect(result.diagnostics.errors.map(\.location) == [SourceLocation(file: "graph.json", line: 2, column: 2)])
        #expect(Self.read("{\"nodes\": []}").diagnostics.first?.message == "no 'links' (or 'edges') list")
    }

    @Test func badDirectedAndBadSign() throws {
        let bad = Self.read("{\"directed\": \"yes\", \"nodes\": [], \"links\": []}")
        #expect(bad.diagnostics.first?.location.column == 14)
        let sign = Self.read("{\"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}], \"links\": [{\"source\": \"A\", \"target\": \"B\", \"sign\": \"maybe\"}]}")
        #expect(sign.network == nil && sign.diagnostics.errors.first?.message.contains("sign 'maybe'") == true)
    }
}
