import ActorNetCore
@testable import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// The GML and Pajek readers: files networkx and igraph wrote (and Padgett's Pajek project) read
/// with the counts networkx and igraph read from them (`Tests/Reference/gml_pajek_counts.json`,
/// written by `scripts/interop/gml_pajek_reference.py`), and the syntax, signs, limits and
/// located errors of each format.
@Suite struct GMLPajekTests {
    struct Counts: Decodable {
        var nodes: Int?
        var edges: Int?
        var negative: Int?
        var directed: Bool?
        var error: String?
    }

    struct Reference: Decodable {
        var files: [String: [String: Counts]]
    }

    static func reference() throws -> Reference {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("Tests/Reference/gml_pajek_counts.json")))
        // `network_only` and `plain` (Padgett) are nested one level deeper: decode them apart.
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try #require(object["files"] as? [String: [String: Any]])
        var out: [String: [String: Counts]] = [:]
        for (file, readers) in files {
            for (reader, value) in readers {
                let json = try JSONSerialization.data(withJSONObject: value)
                if let counts = try? JSONDecoder().decode(Counts.self, from: json), counts.nodes != nil || counts.error != nil {
                    out[file, default: [:]][reader] = counts
                } else if let nested = value as? [String: Any] {
                    for (inner, v) in nested {
                        let j = try JSONSerialization.data(withJSONObject: v)
                        out[file, default: [:]]["\(reader)/\(inner)"] = try JSONDecoder().decode(Counts.self, from: j)
                    }
                }
            }
        }
        return Reference(files: out)
    }

    static func load(_ relative: String) -> LoadResult {
        AnyFormatLoader.load(path: Fixtures.fixturePath(relative))
    }

    static func gml(_ text: String) -> LoadResult { GMLReader.read(bytes: Array(text.utf8), file: "g.gml") }
    static func pajek(_ text: String) -> LoadResult { PajekReader.read(bytes: Array(text.utf8), file: "g.net") }

    static func negatives(_ network: Network) -> Int {
        network.relations.filter { network.kind(named: $0.kind)?.sign == .negative }.count
    }

    /// Every file the script wrote reads with the counts both libraries read, where they read it.
    @Test func writtenFilesMatchNetworkxAndIgraph() throws {
        let reference = try Self.reference()
        let written = reference.files.keys.filter { $0.hasPrefix("gml/") || $0.hasPrefix("pajek/") }.sorted()
        #expect(written.count == 17)
        for file in written {
            let result = Self.load(file)
            let network = try #require(result.network, "\(file): \(result.diagnostics)")
            #expect(!result.diagnostics.hasErrors)
            var compared = 0
            for (reader, counts) in try #require(reference.files[file]) where counts.error == nil {
                #expect(network.actors.count == counts.nodes, "\(file) vs \(reader)")
                #expect(network.relations.count == counts.edges, "\(file) vs \(reader)")
                #expect(Self.negatives(network) == counts.negative, "\(file) vs \(reader)")
                compared += 1
            }
            // networkx refuses igraph's Sampson GML (parallel arcs without 'multigraph 1'); igraph reads it.
            #expect(compared >= 1, "\(file): no library read it")
        }
    }

    @Test func gahukuGamaNamesAndSigns() throws {
        for file in ["gml/networkx_written_gahuku_gama.gml", "gml/igraph_written_gahuku_gama.gml",
                     "pajek/networkx_written_gahuku_gama.net", "pajek/igraph_written_gahuku_gama.net"] {
            let network = try #require(Self.load(file).network, "\(file)")
            let names = Set(network.actors.map(\.name))
            #expect(names.contains("Gavev") && names.contains("Gama"), "\(file): \(names)")
            #expect(network.relations.allSatisfy { $0.weight == 1 }, "\(file)")
            #expect(network.relations.indices.allSatisfy { !network.isDirected(relation: $0) }, "\(file)")
        }
        // networkx GML: actors keyed by label, like networkx.
        let nx = try #require(Self.load("gml/networkx_written_gahuku_gama.gml").network)
        #expect(nx.actors.map(\.id).contains("Gavev"))
        // igraph GML has no labels: actors keyed by the nodes' ids, named by `name`.
        let igraph = try #require(Self.load("gml/igraph_written_gahuku_gama.gml").network)
        #expect(igraph.actors.first?.id == "0" && igraph.actors.first?.name == "Gavev")
    }

    /// Padgett's project: 16 families, 30 business and 40 marital arcs (the counts networkx and
    /// igraph read from it without its vectors and relation numbers, which they cannot read),
    /// relation labels and the three vectors as attributes.
    @Test func padgettProject() throws {
        let reference = try Self.reference()
        let plain = try #require(reference.files["florentine/Padgett.paj"]?["plain/networkx"])
        #expect(reference.files["florentine/Padgett.paj"]?["plain/igraph"]?.edges == plain.edges)
        let result = Self.load("florentine/Padgett.paj")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.name == "Padgett's Florentine Families")
        #expect(network.actors.count == plain.nodes)
        #expect(network.relations.count == plain.edges)
        let relations = Dictionary(grouping: network.relations) { $0.attributes["relation"] }
        #expect(relations[.string("Business")]?.count == 30)
        #expect(relations[.string("Marital")]?.count == 40)
        let medici = try #require(network.actors.first { $0.id == "Medici" })
        #expect(medici.attributes["Wealth"] == .number(103))
        #expect(medici.attributes["#Ties"] == .number(54))
        #expect(medici.attributes["x"] == .number(0.2876))
        #expect(!result.diagnostics.hasErrors)
        // networkx misreads the vectors as vertices (23 nodes); igraph refuses the file.
        #expect(reference.files["florentine/Padgett.paj"]?["networkx"]?.nodes != plain.nodes)
        #expect(reference.files["florentine/Padgett.paj"]?["igraph"]?.error != nil)
    }

    @Test func sniffersAndFormatTable() throws {
        #expect(NetworkFormat.detect(Array("# c\nCreator \"igraph\"\nVersion 1\ngraph\n[\n".utf8)[...])?.name == "gml")
        #expect(NetworkFormat.detect(Array("graph [ directed 1 ]".utf8)[...])?.name == "gml")
        #expect(NetworkFormat.detect(Array("% comment\r\n*NETWORK x\r\n".utf8)[...])?.name == "pajek")
        #expect(NetworkFormat.detect(Array("\n*vertices 3\n".utf8)[...])?.name == "pajek")
        #expect(NetworkFormat.detect(Array("graph: [a]".utf8)[...])?.name != "gml")
        #expect(NetworkFormat.detect(Array("*Arcs\n1 2".utf8)[...]) == nil)
        #expect(NetworkFormat.forPath("x.paj")?.name == "pajek")
        #expect(NetworkFormat.forPath("x.GML")?.name == "gml")
    }

    // MARK: - GML syntax

    @Test func gmlSyntax() throws {
        let text = """
        # written by hand
        Creator "me" Version 1
        graph [
          directed 1 multigraph 1 name "A &amp; B"
          node [ id 0 label "R&#233;publique" kind "state" score 1.5e2 big 99999999999999999999
                 graphics [ x 1 y 2 ] tag "a" tag "b" ]
          node [ id 1 label "&quot;Q&quot;" ]
          node [ id 2 label "C" ]
          edge [ source 0 target 1 weight -2 key "e1" ]
          edge [ source 1 target 2 weight 3 directed 0 kind "ally" sign 1 ]
          edge [ source 2 target 0 graphics [ w 2 ] ]
        ]
        """
        let result = Self.gml(text)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.name == "A & B")
        #expect(network.actors.map(\.id) == ["République", "\"Q\"", "C"])
        let first = network.actors[0]
        #expect(first.kind == "state")
        #expect(first.attributes["score"] == .number(150))
        #expect(first.attributes["big"] == .number(1e20))
        #expect(first.attributes["tag"] == .string("[\"a\",\"b\"]"))
        #expect(first.attributes["graphics"] == nil)
        #expect(network.relations.count == 3)
        #expect(network.relations[0].id == "e1")
        #expect(network.relations[0].weight == 2)
        #expect(network.kind(named: network.relations[0].kind)?.sign == .negative)
        #expect(network.isDirected(relation: 0))
        #expect(!network.isDirected(relation: 1))
        #expect(network.relations[1].kind == "ally")
        let warnings = result.diagnostics.warnings.map(\.description).joined(separator: "\n")
        #expect(warnings.contains("g.gml:6:10: warning: node list 'graphics'"), "\(warnings)")
        #expect(warnings.contains("edge list 'graphics'"), "\(warnings)")
        #expect(warnings.contains("node key 'tag' is repeated"), "\(warnings)")
    }

    @Test(arguments: [
        ("graph [ node [ id 0 label \"A\" ] ", "g.gml:1:7: error: the list opened here with '[' is never closed"),
        ("graph [ node [ id 0 label \"A ] ]", "g.gml:1:27: error: string opened here is never closed"),
        ("graph [ node [ label \"A\" ] ]", "g.gml:1:9: error: a node has no 'id'"),
        ("graph [ node [ id 0 ]\n node [ id 0 ] ]", "g.gml:2:9: error: node id '0' is duplicated (first at line 1)"),
        ("graph [ node [ id 0 ] edge [ source 0 target 7 ] ]", "g.gml:1:39: error: edge target 7 is no node's id"),
        ("graph [ node [ id 0 ] edge [ target 0 ] ]", "g.gml:1:23: error: an edge has no 'source'"),
        ("graph [ id 1.2.3 ]", "g.gml:1:12: error: '1.2.3' is not a number"),
        ("graph [ label ]", "g.gml:1:15: error: key 'label' has no value (']' follows)"),
        ("graph [ 12 ]", "g.gml:1:9: error: a key was expected, not the number 12"),
        ("graph [ a @ ]", "g.gml:1:11: error: unexpected '@'"),
        ("Creator \"x\"", "g.gml:1:1: error: no 'graph [ … ]' in the file"),
        ("graph [ ] ]", "g.gml:1:11: error: ']' closes no list"),
        ("graph [ directed 2 ]", "g.gml:1:9: error: 'directed' is 2, not 0 or 1"),
        ("graph [ node [ id 0 ] node [ id 1 ] edge [ source 0 target 1 weight \"x\" ] ]", "g.gml:1:37: error: weight 'x' is not a number"),
    ])
    func gmlErrorsAreLocated(text: String, expected: String) {
        let result = Self.gml(text)
        #expect(result.network == nil)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix(expected) }, "\(messages)")
        #expect(result.diagnostics.errors.allSatisfy { $0.fix != nil })
    }

    @Test func gmlNumbers() throws {
        var parser = GMLParser(bytes: Array("a INF b -INF c NAN d 1.5E+3 e +7 f -.5 g 9223372036854775808".utf8)[...], file: "n.gml")
        let entries = try parser.parseDocument()
        let values = entries.map(\.value.scalar)
        #expect(values[0] == .double(.infinity) && values[1] == .double(-.infinity))
        if case let .double(x)? = values[2] { #expect(x.isNaN) } else { Issue.record("NAN: \(String(describing: values[2]))") }
        #expect(values[3] == .double(1500) && values[4] == .long(7) && values[5] == .double(-0.5))
        #expect(values[6] == .double(9223372036854775808))
    }

    @Test func gmlNestingIsLimited() {
        let deep = "graph [ " + String(repeating: "a [ ", count: GMLReader.maximumDepth + 5) + String(repeating: "] ", count: GMLReader.maximumDepth + 6)
        let result = Self.gml(deep)
        #expect(result.network == nil)
        #expect(result.diagnostics.first?.message.contains("nest deeper than \(GMLReader.maximumDepth)") == true)
    }

    @Test func gmlLabelsThatCannotBeIdsFallBackToIDs() throws {
        let result = Self.gml("graph [ node [ id 5 label \"A\" ] node [ id 6 label \"A\" ] edge [ source 5 target 6 ] ]")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.actors.map(\.id) == ["5", "6"])
        #expect(network.actors.map(\.name) == ["A", "A"])
        #expect(result.diagnostics.warnings.contains { $0.message.contains("label 'A' is also the label") })
    }

    // MARK: - Pajek syntax

    @Test func pajekSyntax() throws {
        let text = """
        % a comment\r
        *network Signed test\r
        *Vertices 5\r
        1 "North Korea" 0.1 0.2 0.5 box ic Red x_fact 2\r
        2 South 0.3 0.4\r
        4 "D"\r
        *Edges\r
        1 2 -1 l "war"\r
        2 4 2.5 c Blue\r
        *ARCS :3 "trade"\r
        4 1\r
        4 5 0\r
        *Arcslist\r
        3 1 2\r
        """
        let result = Self.pajek(text)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.name == "Signed test")
        #expect(network.actors.map(\.id) == ["North Korea", "South", "3", "D", "5"])
        let nk = network.actors[0]
        #expect(nk.attributes["x"] == .number(0.1) && nk.attributes["z"] == .number(0.5))
        #expect(nk.attributes["shape"] == .string("box") && nk.attributes["ic"] == .string("Red"))
        #expect(nk.attributes["x_fact"] == .number(2))
        #expect(network.relations.count == 6)
        let war = network.relations[0]
        #expect(war.label == "war" && war.weight == 1)
        #expect(network.kind(named: war.kind)?.sign == .negative)
        #expect(!network.isDirected(relation: 0))
        #expect(network.relations[1].weight == 2.5)
        #expect(network.relations[2].attributes["relation"] == .string("trade"))
        #expect(network.isDirected(relation: 2))
        #expect(network.relations[3].weight == 0 && network.relations[3].attributes["original_weight"] == nil)
        #expect(network.relations[4].source == "3" && network.relations[5].target == "South")
        #expect(result.diagnostics.warnings.contains { $0.description.hasPrefix("g.net:12:1: warning: relation 4: weight 0") },
                "\(result.diagnostics)")
    }

    @Test func pajekTwoModeMatrixAndPartitions() throws {
        let text = """
        *Vertices 4 2
        1 "a"
        2 "b"
        3 "x"
        4 "y"
        *Matrix
        1 0
        -2 3
        *Partition groups
        *Vertices 4
        1
        1
        2
        2
        *Vector size
        *Vertices 3
        1.5
        2
        3
        *Network second
        *Vertices 1
        """
        let result = Self.pajek(text)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.relations.map { "\($0.source)-\($0.target)" } == ["a-x", "b-x", "b-y"])
        #expect(network.relations.indices.allSatisfy { !network.isDirected(relation: $0) })
        #expect(network.relations[1].weight == 2 && network.kind(named: network.relations[1].kind)?.sign == .negative)
        #expect(network.actors.map { $0.attributes["mode"] } == [.number(1), .number(1), .number(2), .number(2)])
        #expect(network.actors.map { $0.attributes["groups"] } == [.number(1), .number(1), .number(2), .number(2)])
        #expect(network.actors[0].attributes["size"] == nil)
        let warnings = result.diagnostics.warnings.map(\.message)
        #expect(warnings.contains { $0.contains("vector 'size' has 3 vertices, not the network's 4; skipped") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("further network ('second') is skipped") }, "\(warnings)")
    }

    @Test(arguments: [
        ("*Vertices 99999999999\n", "g.net:1:11: error: *Vertices 99999999999 declares more than"),
        ("*Vertices many\n", "g.net:1:11: error: *Vertices needs a number of vertices, not 'many'"),
        ("*Vertices 2\n3 \"c\"\n", "g.net:2:1: error: vertex 3 is not among the 2 of *Vertices 2"),
        ("*Vertices 2\n1 \"a\"\n1 \"b\"\n", "g.net:3:1: error: vertex 1 is listed twice (first at line 2)"),
        ("*Vertices 2\n*Arcs\n1\n", "g.net:3:1: error: a line of *Arcs needs two vertices"),
        ("*Vertices 2\n*Edges\n0 1\n", "g.net:3:1: error: vertex number 0 is not valid"),
        ("*Vertices 2\n*Matrix\n0 1\n1 x\n", "g.net:4:3: error: matrix value 'x' is not a number"),
        ("*Vertices 2\n*Matrix\n0 1 1 0 1\n", "g.net:3:9: error: *Matrix has more values than its 4 cells"),
        ("1 2\n", "g.net:1:1: error: '1' comes before any *Vertices"),
        ("*Vertices 2\n*Edges\n1 2 inf\n", "g.net:3:1: error: "),
    ])
    func pajekErrorsAreLocated(text: String, expected: String) {
        let result = Self.pajek(text)
        #expect(result.network == nil)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix(expected) }, "\(messages)")
    }

    @Test func pajekDuplicateLabelsFallBackToNumbers() throws {
        let result = Self.pajek("*Vertices 3\n1 \"A\"\n2 \"A\"\n*Edges\n1 2\n2 3\n")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.actors.map(\.id) == ["1", "2", "3"])
        #expect(network.actors.map(\.name) == ["A", "A", "3"])
        #expect(result.diagnostics.warnings.contains { $0.message.contains("would both be actor 'A'") })
    }

    // MARK: - Writers

    static func shipped() throws -> Network {
        let result = NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml"))
        return try #require(result.network, "\(result.diagnostics)")
    }

    static func signedSum(_ network: Network) -> Double {
        network.relations.reduce(0) { $0 + (network.kind(named: $1.kind)?.sign == .negative ? -$1.weight : $1.weight) }
    }

    /// GML keeps everything the shipped network has: ids, names, kinds and their declarations,
    /// signs, weights, directions, dates, evidence, attributes and sources.
    @Test func gmlRoundTripsTheShippedNetwork() throws {
        let network = try Self.shipped()
        let text = GMLWriter.write(ExportTable(network))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        let result = Self.gml(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let back = try #require(result.network)
        #expect(back.actors == network.actors)
        #expect(back.relations == network.relations)
        #expect(back.kinds == network.kinds)
        #expect(back == network)
    }

    /// Pajek keeps actors' ids, the relations with their signs, strengths and directions; names,
    /// kinds, relation ids and everything else are lost (README).
    @Test func pajekRoundTripsTheShippedNetworksStructure() throws {
        let network = try Self.shipped()
        let result = Self.pajek(PajekWriter.write(network))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let back = try #require(result.network)
        #expect(back.name == network.name)
        #expect(back.actors.map(\.id) == network.actors.map(\.id))
        #expect(back.relations.count == network.relations.count)
        // Arcs are written before edges: compare the relations as sorted descriptions.
        func described(_ n: Network) -> [String] {
            n.relations.indices.map { i in
                let r = n.relations[i]
                return "\(r.source) \(r.target) \(r.weight) \(n.kind(named: r.kind)?.sign == .negative ? "-" : "+") \(n.isDirected(relation: i))"
            }.sorted()
        }
        #expect(described(back) == described(network))
    }

    @Test func gmlWriterEscapesAndNamesKeys() throws {
        #expect(GMLWriter.quote("a\"b&c\né") == "\"a&quot;b&amp;c&#10;&#233;\"")
        #expect(GMLWriter.real(1e20) == "1.0e+20" || GMLWriter.real(1e20).contains("."))
        #expect(GMLWriter.real(2) == "2.0")
        #expect(GMLWriter.real(-.infinity) == "-INF")
        #expect(GMLWriter.keys(for: ["#Ties", "x-y", "x_y", "id", "label"], reserved: ["id", "label"])
                == ["a__Ties", "x_y", "x_y_2", "attr_id", "attr_label"])
    }

    /// networkx and igraph read ActorNet's GML and Pajek with the actors, relations, negative
    /// relations and signed weights ActorNet wrote (scripts/interop/gml_pajek_check.py).
    @Test(.enabled(if: Python.has(modules: ["networkx", "igraph"]), "needs python3 with networkx and python-igraph (scripts/setup)"))
    func networkxAndIgraphReadTheWrittenFiles() throws {
        let network = try Self.shipped()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-gml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let directed = network.relations.indices.filter { network.isDirected(relation: $0) }.count
        for (name, text) in [("net.gml", GMLWriter.write(ExportTable(network))), ("net.net", PajekWriter.write(network))] {
            let path = directory.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let python = Python.command([Fixtures.path("scripts/interop/gml_pajek_check.py"), path])
            let output = try ExportToolRunner.run(python.executable, python.arguments)
            #expect(output.status == 0, "\(output.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: [String: Any]])
            for library in ["networkx", "igraph"] {
                let seen = try #require(json[library], "\(output.stdout)")
                #expect(seen["error"] == nil, "\(name) \(library): \(seen["error"] ?? "")")
                #expect(seen["nodes"] as? Int == network.actors.count, "\(name) \(library)")
                #expect(seen["edges"] as? Int == network.relations.count, "\(name) \(library)")
                #expect(seen["negative"] as? Int == Self.negatives(network), "\(name) \(library)")
                let sum = try #require(seen["signed_weight_sum"] as? Double)
                #expect(abs(sum - Self.signedSum(network)) < 1e-9, "\(name) \(library)")
                #expect(seen["labels"] as? [String] == network.actors.map(\.id).sorted(), "\(name) \(library)")
                // GML keeps each relation's direction in its edge (networkx and igraph read the
                // mixed network as directed); Pajek in *Arcs / *Edges.
                if name.hasSuffix(".gml") { #expect(seen["directed_edges"] as? Int == directed, "\(name) \(library)") }
            }
        }
    }
}
