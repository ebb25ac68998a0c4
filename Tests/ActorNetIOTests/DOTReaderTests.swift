import ActorNetCore
@testable import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// The DOT reader (Graphviz's libcgraph): the grammar's features, located errors, limits,
/// ActorNet's own export read back, and Graphviz's counts for real files.
@Suite struct DOTReaderTests {
    static func read(_ text: String, file: String = "test.gv") -> LoadResult {
        DOTReader.read(bytes: Array(text.utf8), file: file)
    }

    static func network(_ text: String) throws -> Network {
        let result = read(text)
        return try #require(result.network, "\(result.diagnostics)")
    }

    static func actor(_ network: Network, _ id: String) -> ActorNode? { network.actors.first { $0.id == id } }

    static func pairs(_ network: Network) -> [String] { network.relations.map { "\($0.source)>\($0.target)" } }

    // MARK: - Grammar

    @Test func subgraphsAndClustersGiveGroups() throws {
        let network = try Self.network("""
            digraph G {
              label="The graph";
              subgraph cluster_gulf { label="Gulf states"; SAU; ARE }
              subgraph cluster_x { QAT; subgraph cluster_inner { label="Inner"; OMN } }
              subgraph plain { KWT }
              subgraph cluster_set { BHR [group="own group"] }
              SAU -> KWT
            }
            """)
        #expect(network.name == "G")
        #expect(Self.actor(network, "SAU")?.group == "Gulf states")
        #expect(Self.actor(network, "ARE")?.group == "Gulf states")
        #expect(Self.actor(network, "QAT")?.group == "x")  // no label: the name without "cluster_"
        #expect(Self.actor(network, "OMN")?.group == "Inner")  // the innermost cluster
        #expect(Self.actor(network, "KWT")?.group == nil)  // not a cluster
        #expect(Self.actor(network, "BHR")?.group == "own group")  // the node's own attribute wins
        #expect(network.relations.count == 1)
    }

    @Test func attributeStatementsAreDefaultsNotData() throws {
        let network = try Self.network("""
            digraph {
              node [shape=box, kind=state];
              edge [color=red];
              a [color=blue, population=83];
              a -> b [weight=3];
              b -> c [color=green];
            }
            """)
        let a = try #require(Self.actor(network, "a"))
        #expect(a.attributes["color"] == .string("blue"))
        #expect(a.attributes["population"] == .string("83"))
        #expect(a.attributes["shape"] == nil && a.kind == nil)
        #expect(Self.actor(network, "b")?.attributes.isEmpty == true)
        #expect(network.relations[0].weight == 3)
        #expect(network.relations[0].attributes["color"] == nil)
        #expect(network.relations[1].attributes["color"] == .string("green"))
    }

    @Test func edgeChainsAndBlocksMakeEveryEdge() throws {
        let result = Self.read("""
            digraph {
              a -> b -> c;
              d -> {e f};
              {g h} -> {i j} [kind=rivalry];
              k -> subgraph s { l m } -> n
            }
            """)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(Self.pairs(network) == ["a>b", "b>c", "d>e", "d>f", "g>i", "g>j", "h>i", "h>j", "k>l", "k>m", "l>n", "m>n"])
        #expect(network.relations.filter { $0.kind == "rivalry" }.count == 4)
        // Each relation is located at its statement's edge operator: an error per edge shows where.
        let bad = Self.read("digraph {\n  a -> b -> c [sign=x];\n  d -> {e f} [sign=x]\n  {g h} -> i [sign=x]\n}\n")
        #expect(bad.network == nil)
        #expect(bad.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["2:5", "2:10", "3:5", "3:5", "4:9", "4:9"])
        #expect(bad.diagnostics.allSatisfy { $0.message == "sign 'x' is not valid" })
    }

    @Test func quotedAndHTMLIDsWithEscapes() throws {
        let network = try Self.network("""
            digraph {
              "say \\"hi\\"" -> "back\\\\slash";
              <b&amp;c> -> w;
              w [label="two\\nlines"];
              x [label=<<b>bold</b> &amp; more>];
              y [label="\\N (the id)"];
              "con" + "cat" -> "multi-line \\
            id";
              "Ünïcødé 東京" -> node1;
            }
            """)
        let ids = network.actors.map(\.id)
        #expect(ids.contains("say \"hi\""))
        #expect(ids.contains("back\\slash"))
        #expect(ids.contains("b&amp;c"))  // HTML-like: its text, markup and entities as written
        #expect(Self.actor(network, "w")?.name == "two\nlines")
        #expect(ids.contains("concat"))
        #expect(ids.contains("multi-line id"))  // backslash-newline continues the string
        #expect(ids.contains("Ünïcødé 東京"))
        #expect(Self.actor(network, "x")?.name == "<b>bold</b> &amp; more")
        #expect(Self.actor(network, "y")?.name == "y (the id)")
        #expect(Self.actor(network, "node1")?.name == "node1")
    }

    @Test func commentsAreSkipped() throws {
        let network = try Self.network("""
            // a line comment
            /* a block
               comment -> x */
            # a preprocessor line
            graph { a -- b /* inline */ ; // trailing
            c -- d }
            """)
        #expect(Self.pairs(network) == ["a>b", "c>d"])
    }

    @Test func graphIsUndirectedAndDigraphDirected() throws {
        let undirected = try Self.network("graph { a -- b; b -- c }")
        #expect(undirected.relations.indices.allSatisfy { !undirected.isDirected(relation: $0) })
        let directed = try Self.network("digraph { a -> b; b -> c }")
        #expect(directed.relations.indices.allSatisfy { directed.isDirected(relation: $0) })
        // Parallel edges stay apart.
        #expect(try Self.network("digraph { a -> b; a -> b; b -> a }").relations.count == 3)
    }

    @Test func strictGraphsAreMergedWithAWarning() throws {
        let result = Self.read("strict digraph {\n  a -> b\n  a -> b [color=red]\n}\n")
        let network = try #require(result.network)
        #expect(network.relations.count == 1)
        let warning = try #require(result.diagnostics.first { $0.message.contains("strict") })
        #expect(warning.severity == .warning && warning.location.line == 1)
    }

    @Test func portsSelfLoopsAndLaterGraphsAreWarnedOnce() throws {
        let result = Self.read("digraph {\n  a:p -> b:n:s\n  b:q -> c\n  c -> c\n}\ndigraph second { x -> y }\n")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(Self.pairs(network) == ["a>b", "b>c"])
        #expect(network.relations.allSatisfy { $0.attributes["tailport"] == nil && $0.attributes["headport"] == nil })
        let ports = result.diagnostics.filter { $0.message.contains("ports") }
        #expect(ports.count == 1)
        #expect(ports.first.map { "\($0.location.line):\($0.location.column)" } == "2:4")
        let loop = try #require(result.diagnostics.first { $0.message.contains("self-loop") })
        #expect(loop.location.line == 4 && loop.location.column == 5)
        let later = try #require(result.diagnostics.first { $0.message.contains("only the first graph") })
        #expect(later.location.line == 6 && later.location.column == 1)
        #expect(!network.actors.contains { $0.id == "x" })
    }

    @Test func latin1NeedsItsCharset() throws {
        var bytes = Array("digraph {\n  graph [charset=latin1]\n  a [label=\"Ca".utf8) + [0xF1] + Array("on\"]\n}\n".utf8)
        let network = try #require(DOTReader.read(bytes: bytes, file: "latin1.gv").network)
        #expect(network.actors.first?.name == "Cañon")
        bytes = Array("digraph {\n  a [label=\"Ca".utf8) + [0xF1] + Array("on\"]\n}\n".utf8)
        let refused = DOTReader.read(bytes: bytes, file: "latin1.gv")
        #expect(refused.network == nil)
        let error = try #require(refused.diagnostics.first)
        #expect(error.location.line == 2 && error.location.column == 15)
        #expect(error.message.contains("0xF1") && error.fix?.contains("charset=latin1") == true)
    }

    // MARK: - Errors and limits

    @Test func syntaxErrorsAreLocatedAtTheToken() throws {
        let result = Self.read("digraph {\n  a -> b\n  c -> -> d\n}\n", file: "bad.gv")
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.location == SourceLocation(file: "bad.gv", line: 3, column: 8))  // the second arrow
        #expect(error.message == "Graphviz: syntax error near '->'")
        #expect(error.fix?.contains("quoted") == true)

        let unclosed = Self.read("digraph {\n  a -> b [color=red\n  c -> d\n}\n").diagnostics
        #expect(unclosed.first?.severity == .error && unclosed.first?.location.line == 3)
        #expect(Self.read("").diagnostics.first?.message.contains("no graph") == true)
    }

    /// cgraph's lexer is global: what one file leaves in it (text after the graph, an
    /// unterminated comment after a syntax error) must not reach the next parse.
    @Test func aFileLeavesNothingForTheNext() throws {
        for _ in 0..<3 {
            #expect(Self.read("d\nigrap/*igh G {\n a -> b").network == nil)
            #expect(try Self.network("digraph { a -> b }").relations.count == 1)
            #expect(try Self.network("digraph { a }\n\n\ndigraph { x -> y }\n").actors.count == 1)
            let error = Self.read("digraph {\n  a -> -> b\n}\n").diagnostics.first
            #expect(error.map { "\($0.location.line):\($0.location.column)" } == "2:8")
        }
    }

    @Test func aNULByteIsRefusedWhereItIs() throws {
        let bytes = Array("digraph {\n  a -> b".utf8) + [0] + Array(" c }\n".utf8)
        let result = DOTReader.read(bytes: bytes, file: "nul.gv")
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.first)
        #expect(error.location == SourceLocation(file: "nul.gv", line: 2, column: 9))
        #expect(error.message.contains("NUL byte"))
    }

    @Test func nestingDeeperThanTheLimitIsRefused() throws {
        func nested(_ depth: Int) -> String {
            "digraph {\n" + String(repeating: "{", count: depth - 1) + "a -> b" + String(repeating: "}", count: depth - 1) + "\n}\n"
        }
        #expect(Self.read(nested(DOTReader.maximumDepth)).network?.relations.count == 1)
        let result = Self.read(nested(DOTReader.maximumDepth + 1))
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.first)
        #expect(error.location.line == 2 && error.location.column == DOTReader.maximumDepth)
        #expect(error.message.contains("nest more than \(DOTReader.maximumDepth) deep"))
        // Far deeper than cgraph could recurse: refused before it sees the file.
        #expect(Self.read("digraph " + String(repeating: "subgraph {", count: 200_000)).diagnostics.first?.location.column
            == 18 + 10 * DOTReader.maximumDepth)
    }

    @Test func nodeAndEdgeCountsAreCapped() throws {
        let limits = DOTReader.Limits(maximumDepth: 10, maximumNodes: 5, maximumEdges: 5)
        func read(_ text: String) -> LoadResult { DOTReader.read(bytes: Array(text.utf8), file: "cap.gv", limits: limits) }
        #expect(read("digraph { {a b} -> {c d}; e -> a }").network?.relations.count == 5)
        let edges = read("digraph {\n  a -> b\n  {a b c} -> {d e}\n}")
        #expect(edges.network == nil)
        #expect(edges.diagnostics.first.map { "\($0.location.line):\($0.location.column)" } == "3:11")
        #expect(edges.diagnostics.first?.message.contains("make 7 edges, more than the 5") == true)
        let nodes = read("digraph {\n  a; b; c; d; e\n  f; g\n}")
        #expect(nodes.network == nil)
        #expect(nodes.diagnostics.first.map { "\($0.location.line):\($0.location.column)" } == "3:3")
        #expect(nodes.diagnostics.first?.message.contains("7 nodes, more than the 5") == true)

        // The real cap: a 20 kB product statement asking for 2.25 million edges is refused
        // before cgraph makes any.
        let block = (0..<1500).map { "n\($0)" }.joined(separator: " ")
        let bomb = Self.read("digraph { {\(block)} -> {\(block)} }")
        #expect(bomb.network == nil)
        #expect(bomb.diagnostics.first?.message.contains("2250000 edges, more than the \(DOTReader.maximumEdges)") == true)
    }

    @Test func graphvizWarningsAndFileErrorsAreLocated() throws {
        // UTF-16: named, not a stream of NULs.
        let utf16 = DOTReader.read(bytes: [0xFF, 0xFE] + Array("d\0i\0".utf8), file: "w.gv")
        #expect(utf16.diagnostics.first?.message.contains("UTF-16") == true)
        let missing = DOTReader.read(path: "/nonexistent/graph.gv")
        #expect(missing.diagnostics.first?.message.hasPrefix("cannot read") == true)
    }

    // MARK: - Files

    @Test func handWrittenFeaturesAndTheirLayoutReadAlike() throws {
        let plain = DOTReader.read(path: Fixtures.fixturePath("dot/handwritten_features.gv"))
        let network = try #require(plain.network, "\(plain.diagnostics)")
        #expect(network.name == "Gulf \"features\"")
        #expect(network.actors.count == 11 && network.relations.count == 10)  // gc -n -e: 11 10
        #expect(Self.actor(network, "SAU")?.name == "Saudi\nArabia")
        #expect(Self.actor(network, "SAU")?.group == "Gulf states")
        #expect(Self.actor(network, "LBN")?.group == "levant")
        #expect(Self.actor(network, "Hezbollah")?.kind == "armed group")
        #expect(Self.actor(network, "Irán (Persia)") != nil)
        #expect(Self.actor(network, "multi-line id") != nil)
        let note = network.relations.first { $0.source == "ISR" }?.note
        #expect(note == "one \"quoted\" word, a back\\slash")
        #expect(network.relations.first { $0.source == "Irán (Persia)" }?.label == "<i>same</i> country")
        #expect(network.relations.contains { $0.id == "irn-qat-talks" })
        let lbn = try #require(network.relations.firstIndex { $0.source == "LBN" })
        #expect(network.kind(ofRelation: lbn).sign == .negative && network.relations[lbn].weight == 3.5)

        let laidOut = DOTReader.read(path: Fixtures.fixturePath("dot/graphviz_dot_layout_features.gv"))
        let again = try #require(laidOut.network, "\(laidOut.diagnostics)")
        #expect(laidOut.diagnostics.filter { $0.message.contains("layout attributes") }.count == 1)
        #expect(again.actors.map(\.id).sorted() == network.actors.map(\.id).sorted())
        #expect(again.actors.allSatisfy { $0.attributes["pos"] == nil && $0.attributes["width"] == nil })
        #expect(Set(again.relations.map { "\($0.source)>\($0.target):\($0.kind):\($0.weight)" })
            == Set(network.relations.map { "\($0.source)>\($0.target):\($0.kind):\($0.weight)" }))
    }

    /// `actornet export --format dot` reads back to the same network, with and without clusters.
    @Test(arguments: [false, true]) func shippedNetworkRoundTrips(clusters: Bool) throws {
        let original = try #require(NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml")).network)
        var writer = DOTWriter()
        writer.clustersByGroup = clusters
        let result = DOTReader.read(bytes: Array(writer.write(original).utf8), file: "russia-iran.gv")
        let back = try #require(result.network, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(back.name == original.name)
        #expect(back.summary == original.summary)
        #expect(back.sources.map(\.id) == original.sources.map(\.id))
        // Clusters come first in the file, so the actors come back in cluster order.
        #expect(back.actors.map(\.id).sorted() == original.actors.map(\.id).sorted())
        if !clusters { #expect(back.actors.map(\.id) == original.actors.map(\.id)) }
        let backByID = Dictionary(uniqueKeysWithValues: back.actors.map { ($0.id, $0) })
        for a in original.actors {
            let b = try #require(backByID[a.id])
            #expect(a.name == b.name && a.kind == b.kind && a.group == b.group, "\(a.id)")
            #expect(a.attributes.keys.sorted() == b.attributes.keys.sorted(), "\(a.id)")
        }
        #expect(back.relations.count == original.relations.count)
        for (i, (a, b)) in zip(original.relations, back.relations).enumerated() {
            #expect(a.id == b.id && a.source == b.source && a.target == b.target && a.kind == b.kind, "\(a.id)")
            #expect(a.weight == b.weight && a.channel == b.channel && a.since == b.since && a.until == b.until, "\(a.id)")
            #expect(a.label == b.label && a.note == b.note && a.evidence == b.evidence, "\(a.id)")
            #expect(original.kind(ofRelation: i).sign == back.kind(ofRelation: i).sign, "\(a.id)")
            #expect(original.isDirected(relation: i) == back.isDirected(relation: i), "\(a.id)")
        }
        #expect(back.kinds.map(\.name).sorted() == original.kinds.map(\.name).sorted())
    }

    static let hasSharedDOT = Fixtures.hasSharedData("dot")

    /// Graphviz's own counts (`scripts/reference/dot_counts.sh` → `Tests/Reference/dot_counts.csv`)
    /// for the EPL samples, read from `../shared/data/dot` (never copied here).
    @Test(.enabled(if: hasSharedDOT, "../shared/data/dot is absent (its EPL samples are not copied into Tests/Fixtures)"))
    func sharedSamplesHaveGraphvizsCounts() throws {
        let csv = try String(contentsOfFile: Fixtures.path("Tests/Reference/dot_counts.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count >= 10)
        for row in rows {
            let path = Fixtures.sharedDataPath("dot/\(row[0])")
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let (nodes, edges, loops) = (Int(row[1])!, Int(row[2])!, Int(row[3])!)
            let result = DOTReader.read(path: path)
            let network = try #require(result.network, "\(row[0]): \(result.diagnostics)")
            #expect(network.actors.count == nodes, "\(row[0])")
            #expect(network.relations.count == edges - loops, "\(row[0]): self-loops are skipped")
            #expect(result.diagnostics.filter { $0.message.contains("self-loop") }.count == loops, "\(row[0])")
        }
    }
}
