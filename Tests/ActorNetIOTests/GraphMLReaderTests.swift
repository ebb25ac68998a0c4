import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

@Suite struct GraphMLReaderTests {
    /// The samples under GPL-2.0+ (igraph's test files, see `../shared/data/SOURCES.md`) are
    /// not copied into `Tests/Fixtures/graphml`: they are read from `../shared/data/graphml`
    /// when it is there, and their tests are skipped when it is not.
    static let sharedOnly: Set<String> = [
        "igraph_test_default_attrs.graphml", "igraph_test_namespace_prefix.graphml",
        "igraph_test_yfiles_html_2.0.graphml", "igraph_written_hsa05010.graphml",
    ]

    static let hasSharedSamples = Fixtures.hasSharedData("graphml")

    static func path(_ name: String) -> String {
        sharedOnly.contains(name) ? Fixtures.sharedDataPath("graphml/\(name)") : Fixtures.fixturePath("graphml/\(name)")
    }

    static func read(_ name: String) -> LoadResult { GraphMLReader.read(path: path(name)) }

    static func read(xml: String) -> LoadResult { GraphMLReader.read(bytes: Array(xml.utf8), file: "inline.graphml") }

    /// Actors and relations per shared sample; the counts agree with networkx 3.6.1
    /// (`read_graphml(…, force_multigraph=True)`) wherever networkx reads the file, except
    /// primer_nested, which ActorNet flattens fully (networkx keeps 9 nodes and 8 edges).
    static let readable: [(file: String, actors: Int, relations: Int, warnings: Int)] = [
        ("gephi_export_lesmiserables.graphml", 77, 254, 0),
        ("graphology_miserables_broken.graphml", 77, 254, 2),  // one warning per undeclared key
        ("graphology_missing_nodes.graphml", 51, 37, 36),  // 36 undeclared nodes become actors
        ("graphology_mixed_multigraph.graphml", 6, 8, 0),
        ("graphology_multigraph.graphml", 6, 9, 0),
        ("igraph_test_default_attrs.graphml", 3, 2, 0),
        ("igraph_test_namespace_prefix.graphml", 3, 2, 0),
        ("igraph_written_gahuku_gama.graphml", 16, 58, 0),
        ("igraph_written_hsa05010.graphml", 26, 10, 0),
        ("networkx_written_gahuku_gama.graphml", 16, 58, 0),
        ("primer_attributes.graphml", 6, 7, 0),
        ("primer_nested.graphml", 14, 12, 3),
        ("primer_parseinfo.graphml", 11, 12, 0),
        ("primer_simple.graphml", 11, 12, 0),
        ("tinkerpop_modern.graphml", 6, 6, 0),
        ("yed_3.17_nested_groups.graphml", 9, 4, 3),
        ("yed_yfiles_java27_shapenode.graphml", 3, 1, 1),  // an edge key used on a node
        // Its weight key defaults to 0.0, which edge e0 takes (a warning: a tie of no strength),
        // and a <graph> nested in a <graph> is flattened (igraph: 7 nodes, 8 edges, without it).
        ("boost_graphml_test.graphml", 9, 9, 2),
        // Hyperedges dropped with one warning, as igraph reads these (networkx refuses them).
        ("primer_hyper.graphml", 7, 1, 1),
        ("primer_port.graphml", 4, 1, 2),  // ports dropped too
        ("igraph_test_yfiles_html_2.0.graphml", 3, 2, 6),  // ports dropped; yFiles data skipped
    ]

    static let listed = Set(readable.map(\.file))

    /// Every copied sample is listed above, and no GPL one is copied.
    @Test func everyCopiedSampleIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.fixturePath("graphml"))
            .filter { $0.hasSuffix(".graphml") }
        #expect(Set(files) == Self.listed.subtracting(Self.sharedOnly))
    }

    @Test(.enabled(if: hasSharedSamples, "../shared/data/graphml is absent (its GPL-2.0+ samples are not copied into Tests/Fixtures)"))
    func everySharedSampleIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.sharedDataPath("graphml"))
            .filter { $0.hasSuffix(".graphml") }
        #expect(Set(files) == Self.listed)
    }

    @Test(arguments: readable.map(\.file).filter { !sharedOnly.contains($0) })
    func readsSample(file: String) throws {
        try expectReads(file)
    }

    @Test(.enabled(if: hasSharedSamples, "GPL-2.0+ samples are not copied into Tests/Fixtures; they live in ../shared/data/graphml"),
          arguments: readable.map(\.file).filter { sharedOnly.contains($0) })
    func readsSharedOnlySample(file: String) throws {
        try expectReads(file)
    }

    func expectReads(_ file: String) throws {
        let expected = Self.readable.first { $0.file == file }!
        let result = Self.read(file)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.actors.count == expected.actors)
        #expect(network.relations.count == expected.relations)
        #expect(result.diagnostics.warnings.count == expected.warnings, "\(result.diagnostics.map(\.description))")
        #expect(result.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
    }

    @Test func portsAndHyperedgesAreDroppedWithOneLocatedWarningEach() throws {
        let result = Self.read("primer_port.graphml")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.relations.count == 1)
        let messages = result.diagnostics.warnings.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(messages.contains("6:7 ports dropped (13 in this file, first here): an edge joins the nodes themselves, not points on them"),
                "\(messages)")
        #expect(messages.contains("26:5 hyperedges dropped (1 in this file, first here): an ActorNet relation joins two actors"),
                "\(messages)")
    }

    @Test func locatorsAreRefused() throws {
        let xml = """
            <graphml><graph edgedefault="undirected"><node id="a"><locator xlink:href="other.graphml"
             xmlns:xlink="http://www.w3.org/1999/xlink"/></node></graph></graphml>
            """
        let error = try #require(Self.read(xml: xml).diagnostics.errors.first)
        #expect(error.message == "graph locators (graphs stored in other files) are not supported")
        #expect(error.location.line == 1 && error.location.column > 50, "\(error)")
    }

    @Test func blankNumbersAreMissingWithAWarning() throws {
        let xml = """
            <graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/>
            <graph edgedefault="undirected"><edge source="a" target="b"><data key="w"> </data></edge>
            <edge source="b" target="c"><data key="w"></data></edge></graph></graphml>
            """
        let result = Self.read(xml: xml)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.relations.map(\.weight) == [1, 1])
        #expect(result.diagnostics.warnings.map(\.message).contains("blank value for 'weight' read as missing (2 times, first here)"))
    }

    @Test func repeatedEdgeIdsAreRenamedKeepingTheFilesId() throws {
        // networkx writes a MultiGraph's edge keys as ids: 0 for the first edge of every pair.
        let xml = """
            <graphml><graph edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/><edge id="0" source="a" target="b"/>
            <edge id="1" source="a" target="b"/><edge id="0" source="b" target="c"/><edge id="0" source="c" target="a"/></graph></graphml>
            """
        let result = Self.read(xml: xml)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.relations.map(\.id) == ["0", "1", "0-2", "0-3"])
        #expect(network.relations[2].attributes["id_in_file"] == .string("0"))
        let warnings = result.diagnostics.warnings
        #expect(warnings.count == 2 && warnings[0].location.line == 2, "\(warnings)")
        #expect(warnings[0].message.hasPrefix("edge id '0' repeats an earlier edge's; read as '0-2'"))
    }

    @Test func attributeNamesThatAreNotTokensRoundTripThroughDesc() throws {
        var actor = ActorNode(id: "A")
        actor.attributes["Modularity Class"] = .number(3)
        let network = try Network(actors: [actor, ActorNode(id: "B")], relations: [Relation(id: "r", source: "A", target: "B", kind: "cooperation")])
        let text = String(decoding: try GraphMLWriter.write(ExportTable(network)), as: UTF8.self)
        #expect(text.contains("attr.name=\"Modularity_Class\""))
        #expect(text.contains("<desc>Modularity Class</desc>"))
        let back = try #require(GraphMLReader.read(bytes: Array(text.utf8), file: "x.graphml").network)
        #expect(back.actors[0].attributes["Modularity Class"] == .number(3))
    }

    @Test(arguments: ["igraph_written_gahuku_gama.graphml", "networkx_written_gahuku_gama.graphml"])
    func gahukuGamaKeepsItsSigns(file: String) throws {
        let network = try #require(Self.read(file).network)
        let negative = network.relations.indices.filter { network.sign(ofRelation: $0) == .negative }
        #expect(negative.count == 29)
        #expect(network.relations.allSatisfy { $0.weight == 1 })
        #expect(Set(network.relations.map(\.kind)) == ["tie", "negative-tie"])
        #expect(network.actors.contains { $0.name == "Gavev" })
    }

    @Test(.enabled(if: hasSharedSamples, "igraph's GPL-2.0+ sample is not copied into Tests/Fixtures; it lives in ../shared/data/graphml"))
    func defaultsAndTypesApply() throws {
        let network = try #require(Self.read("igraph_test_default_attrs.graphml").network)
        let p1 = try #require(network.actor(withID: "p1"))
        #expect(p1.attributes["type"] == .bool(false))  // FALSE overrides the TRUE default
        #expect(p1.attributes["age"] == .number(30))
        #expect(p1.attributes["gender"] == .string("male"))  // default
        #expect(p1.attributes["retired"] == .bool(false))
        let o1 = try #require(network.actor(withID: "o1"))
        #expect(o1.attributes["type"] == .bool(true))
        #expect(o1.attributes["gender"] == .string("female"))
        #expect(o1.attributes["age"] == .number(20))
        #expect(network.relations.allSatisfy { network.isDirected(relation: network.relations.firstIndex(of: $0)!) })
    }

    /// What `defaultsAndTypesApply` checks on igraph's file, on a document written here, so it
    /// is checked without `../shared/data` too: `<default>` on boolean, int and string keys,
    /// TRUE/FALSE spellings, a value overriding its default.
    @Test func defaultsAndUpperCaseBooleansApply() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="member" for="node" attr.name="member" attr.type="boolean"><default>TRUE</default></key>
              <key id="size" for="node" attr.name="size" attr.type="int"><default>7</default></key>
              <key id="region" for="node" attr.name="region" attr.type="string"><default>north</default></key>
              <key id="active" for="node" attr.name="active" attr.type="boolean"/>
              <graph edgedefault="directed">
                <node id="x"><data key="member">FALSE</data><data key="active">FALSE</data></node>
                <node id="y"><data key="size">3</data><data key="region">south</data><data key="active">TRUE</data></node>
                <edge source="x" target="y"/>
              </graph>
            </graphml>
            """
        let result = Self.read(xml: xml)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(network.actor(withID: "x")?.attributes == ["member": .bool(false), "size": .number(7), "region": .string("north"),
                                                          "active": .bool(false)])
        #expect(network.actor(withID: "y")?.attributes == ["member": .bool(true), "size": .number(3), "region": .string("south"),
                                                          "active": .bool(true)])
        #expect(network.isDirected(relation: 0))
    }

    /// The reader guesses each `<data>`'s key from the order writers use; data in any other
    /// order, keys skipped, and one id declared for nodes and for edges must still find their
    /// own key (by domain), and defaults fill only what an element lacks.
    @Test func dataInAnyOrderFindsItsKey() throws {
        let xml = """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="w" for="node" attr.name="rank" attr.type="int"/>
          <key id="w" for="edge" attr.name="weight" attr.type="double"/>
          <key id="k" for="edge" attr.name="kind" attr.type="string"/>
          <key id="c" for="edge" attr.name="channel" attr.type="string"><default>stated</default></key>
          <key id="note" for="all" attr.name="note" attr.type="string"/>
          <graph edgedefault="undirected">
            <node id="a"><data key="note">first</data><data key="w">3</data></node>
            <node id="b"><data key="w">4</data></node>
            <edge source="a" target="b"><data key="note">x</data><data key="c">material</data><data key="w">2.5</data><data key="k">rivalry</data></edge>
            <edge source="b" target="a"><data key="k">cooperation</data><data key="w">1.5</data></edge>
            <edge source="a" target="b"><data key="w">4</data><data key="note">y</data></edge>
          </graph>
        </graphml>
        """
        let result = Self.read(xml: xml)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(network.actor(withID: "a")?.attributes == ["rank": .number(3), "note": .string("first")])
        #expect(network.actor(withID: "b")?.attributes == ["rank": .number(4)])
        let r = network.relations
        #expect(r.map(\.kind) == ["rivalry", "cooperation", "tie"])
        #expect(r.map(\.weight) == [2.5, 1.5, 4])
        #expect(r.map(\.channel) == [.material, .stated, .stated])
        // An edge's `note` is the relation's note field (a node's stays an attribute).
        #expect(r.map(\.note) == ["x", nil, "y"])
    }

    @Test func mixedDirectionsAndParallelEdges() throws {
        let network = try #require(Self.read("graphology_mixed_multigraph.graphml").network)
        let directed = network.relations.indices.filter { network.isDirected(relation: $0) }.map { network.relations[$0].id }
        #expect(Set(directed) == ["e3", "e6"])
        #expect(network.relations.filter { $0.source == "n2" && $0.target == "n4" }.count == 2)
        #expect(network.relations.first { $0.id == "e6" }?.weight == 1.1)
        #expect(network.actor(withID: "n1")?.attributes["color"] == .string("yellow"))
    }

    @Test func yEdDrawingsAreSkipped() throws {
        let network = try #require(Self.read("yed_yfiles_java27_shapenode.graphml").network)
        #expect(network.actors.map(\.id) == ["n0", "n1", "n2"])
        #expect(network.actor(withID: "n2")?.attributes["description"] == .string("description\nline1\nline2"))
        #expect(network.actors.allSatisfy { $0.attributes.keys.allSatisfy { !$0.hasPrefix("d") || $0 == "description" } })
    }

    @Test(.enabled(if: hasSharedSamples, "igraph's GPL-2.0+ sample is not copied into Tests/Fixtures; it lives in ../shared/data/graphml"))
    func namespacePrefixesAreRead() throws {
        let network = try #require(Self.read("igraph_test_namespace_prefix.graphml").network)
        #expect(network.actors.map(\.id) == ["0", "1", "2"])
        #expect(network.relations.map(\.source) == ["1", "2"])
    }

    /// What `namespacePrefixesAreRead` checks on igraph's file, on a document written here:
    /// GraphML's elements under a prefix of their own.
    @Test func prefixedElementsAreRead() throws {
        let xml = """
            <?xml version="1.0"?>
            <g:graphml xmlns:g="http://graphml.graphdrawing.org/xmlns">
              <g:key id="w" for="edge" attr.name="weight" attr.type="double"/>
              <g:graph id="G" edgedefault="undirected">
                <g:node id="p"/><g:node id="q"/><g:node id="r"/>
                <g:edge source="q" target="p"><g:data key="w">2</g:data></g:edge>
                <g:edge source="r" target="q"/>
              </g:graph>
            </g:graphml>
            """
        let result = Self.read(xml: xml)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(network.actors.map(\.id) == ["p", "q", "r"])
        #expect(network.relations.map(\.source) == ["q", "r"])
        #expect(network.relations.map(\.weight) == [2, 1])
    }

    @Test func undeclaredKeysAreKeptAsText() throws {
        let result = Self.read("graphology_miserables_broken.graphml")
        let network = try #require(result.network)
        #expect(network.actor(withID: "11")?.name == "Valjean")  // undeclared 'label' still names the actor
        #expect(network.actor(withID: "11")?.attributes["modularity_class"] == .string("1"))
        #expect(result.diagnostics.warnings.map(\.message).contains { $0.contains("undeclared key 'label' (77 times") })
    }

    @Test func malformedXMLIsAnErrorWithLineAndColumn() throws {
        let truncated = "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n  <graph edgedefault=\"directed\">\n    <node id=\"a\"/>\n"
        let wrongNesting = "<graphml>\n<graph edgedefault=\"directed\">\n<node id=\"a\">\n</graph>\n</node>\n</graphml>\n"
        for xml in [truncated, wrongNesting] {
            let result = Self.read(xml: xml)
            #expect(result.network == nil)
            let error = try #require(result.diagnostics.errors.first)
            #expect(error.message.hasPrefix("malformed XML: "), "\(error)")
            #expect(error.location.line >= 4, "\(error)")
            #expect(error.location.column >= 1)
        }
        let empty = Self.read(xml: "")
        #expect(empty.network == nil && empty.diagnostics.hasErrors)
    }

    @Test func externalEntitiesAreNeverExpanded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="n_label" for="node" attr.name="label" attr.type="string"/>
              <graph edgedefault="undirected">
                <node id="a"><data key="n_label">x &e; y</data></node>
              </graph>
            </graphml>
            """
        let result = Self.read(xml: xml)
        #expect(result.network == nil)
        let everything = result.diagnostics.map(\.description).joined() + (result.network.map { "\($0.actors)" } ?? "")
        #expect(!everything.contains("root:"))
        let error = try #require(result.diagnostics.errors.first { $0.message.contains("entity reference '&e;'") })
        #expect(error.location.line == 6)
        #expect(error.location.column == 40)
    }

    @Test func notGraphMLIsRefused() throws {
        let result = Self.read(xml: "<gexf><graph/></gexf>")
        #expect(result.diagnostics.errors.first?.message == "not a GraphML file: the root element is <gexf>, not <graphml>")
    }

    @Test func badTypedValueIsAnError() throws {
        let xml = """
            <graphml><key id="age" for="node" attr.name="age" attr.type="int"/>
            <graph edgedefault="undirected"><node id="a"><data key="age">old</data></node></graph></graphml>
            """
        let error = try #require(Self.read(xml: xml).diagnostics.errors.first)
        #expect(error.message == "data for key 'age' (long) is 'old', not an integer")
        #expect(error.location.line == 2 && error.location.column == 46)
    }

    @Test func unreadableFileSaysCannotRead() {
        let result = GraphMLReader.read(path: "/nonexistent/x.graphml")
        #expect(result.failure == .unreadable)
        #expect(result.diagnostics.first?.message.hasPrefix("cannot read") == true)
    }

    @Test func schemaCheckFindsProblems() {
        // Gephi writes attr.name="Modularity Class", which is not an NMTOKEN.
        let bytes = Array(FileManager.default.contents(atPath: Fixtures.fixturePath("graphml/gephi_export_lesmiserables.graphml"))!)
        let problems = GraphMLSchemaCheck.validate(bytes: bytes, file: "gephi.graphml", schemaPath: GraphMLTesting.schema)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.location.line > 0 })
    }
}
