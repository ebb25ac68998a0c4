import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

@Suite struct DOTTests {
    static let layouts = ["dot", "neato", "sfdp"]

    /// Ids that break naive DOT writers: keywords, a port-like colon, quotes, backslashes, a
    /// leading digit, spaces, arrows, Unicode.
    static let nastyIDs = [
        "node", "edge", "graph", "digraph", "subgraph", "strict", "a:b", "say \"hi\"", "back\\slash",
        "1st place", "two words", "->", "--", "Ünïcødé 東京", "<html>", "a&b", "trailing\\",
    ]

    /// Quoting, on the fast path (nothing to escape) and the slow one: quotes and backslashes
    /// escaped, CR, LF and CRLF as one `\n`, tab kept, other controls (C0, DEL, C1) as spaces,
    /// everything else as it is.
    @Test func quotingEscapesWhatDOTNeeds() {
        let cases: [(String, String)] = [
            ("", #""""#), ("plain id", #""plain id""#), ("Ünïcødé 東京 ¡\u{A0}", "\"Ünïcødé 東京 ¡\u{A0}\""),
            (#"say "hi""#, #""say \"hi\"""#), (#"a\b"#, #""a\\b""#), ("x\r\ny\nz\rw", #""x\ny\nz\nw""#),
            ("tab\there", "\"tab\there\""), ("bell\u{7}del\u{7F}c1\u{85}\u{9F}", #""bell del c1  ""#),
            ("é\u{80}", #""é ""#),
        ]
        for (text, quoted) in cases {
            #expect(DOTWriter.quote(text) == quoted, "\(text.debugDescription)")
        }
    }

    static func nastyNetwork() throws -> Network {
        let actors = nastyIDs.enumerated().map { i, id in
            ActorNode(id: id, name: i == 0 ? "line one\nline two" : "name of \(id)",
                      group: [nil, "Gulf states", "cluster \"x\"", "a\\b:c"][i % 4])
        }
        let threat = RelationKind(name: "threat", sign: .negative, direction: .directed)
        let talks = RelationKind(name: "talks", sign: .positive, direction: .undirected)
        let kinds = ["cooperation", "rivalry", "supply", "membership", "threat", "talks"]
        var relations: [Relation] = []
        for i in nastyIDs.indices {
            let j = (i + 1) % nastyIDs.count
            relations.append(Relation(id: "r\(i) \"\\", source: nastyIDs[i], target: nastyIDs[j],
                                      kind: kinds[i % kinds.count], weight: [0.3, 2.5, 1, 4.75][i % 4]))
        }
        // Parallel relations of opposite signs between one pair.
        relations.append(Relation(id: "p1", source: "node", target: "edge", kind: "rivalry", weight: 2))
        relations.append(Relation(id: "p2", source: "node", target: "edge", kind: "supply", weight: 0.1))
        return try Network(name: "nasty \"graph\" {name}", actors: actors, kinds: [threat, talks], relations: relations)
    }

    static func shipped() throws -> Network {
        let result = NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml"))
        return try #require(result.network, "\(result.diagnostics)")
    }

    /// Renders `dot` with a Graphviz layout program and returns the SVG, requiring exit 0 and
    /// nothing at all on standard error.
    static func render(_ dotText: String, with layout: String) throws -> String {
        let tool = "/usr/bin/\(layout)"
        try #require(FileManager.default.isExecutableFile(atPath: tool),
                     "Graphviz's '\(layout)' is not installed at \(tool); install Graphviz (apt-get install graphviz)")
        let path = try ExportToolRunner.temporaryFile(dotText, extension: "gv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try ExportToolRunner.run(tool, ["-Tsvg", path])
        #expect(output.status == 0, "\(layout) exited with \(output.status): \(output.stderr)")
        #expect(output.stderr.isEmpty, "\(layout) wrote to stderr: \(output.stderr)")
        return output.stdout
    }

    /// How an id appears in an SVG `<title>`: as Graphviz stored it (our `\\` stays doubled; `\"`
    /// is a quote), then XML-escaped, with Graphviz's `&#45;` for '-'.
    static func svgTitle(_ id: String) -> String {
        var stored = DOTWriter.quote(id).dropFirst().dropLast().replacingOccurrences(of: "\\\"", with: "\"")
        stored = stored.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "-", with: "&#45;")
        return "<title>\(stored)</title>"
    }

    /// Every `weight=` value in the text.
    static func weights(_ text: String) -> [String] {
        text.components(separatedBy: " weight=").dropFirst().map { String($0.prefix { $0 != "," && $0 != "]" }) }
    }

    static func writers(for network: Network) -> [(String, DOTWriter)] {
        let degree = NodeScores(measure: "test", actorIDs: network.actors.map(\.id),
                                values: network.actors.indices.map { Double($0 % 5) })
        return [("plain", DOTWriter()),
                ("clusters and metrics", DOTWriter(clustersByGroup: true, colourBy: degree, sizeBy: degree))]
    }

    @Test(arguments: layouts) func shippedNetworkRendersWithoutWarnings(layout: String) throws {
        let network = try Self.shipped()
        for (what, writer) in Self.writers(for: network) {
            let svg = try Self.render(writer.write(network), with: layout)
            #expect(svg.contains("<svg"), "\(what)")
            #expect(svg.contains(Self.svgTitle("RUS")), "\(what)")
        }
    }

    @Test(arguments: layouts) func nastyIDsRenderAndSurvive(layout: String) throws {
        let network = try Self.nastyNetwork()
        for (what, writer) in Self.writers(for: network) {
            let svg = try Self.render(writer.write(network), with: layout)
            for id in Self.nastyIDs {
                #expect(svg.contains(Self.svgTitle(id)), "\(what): id \(id) missing from the SVG")
            }
            if writer.clustersByGroup, layout != "sfdp" {  // sfdp draws no clusters
                #expect(svg.contains(Self.svgTitle("cluster_Gulf states")))
                #expect(svg.contains(Self.svgTitle("cluster_cluster \"x\"")))
            }
        }
    }

    @Test func everyIDIsQuotedAndEscaped() throws {
        let text = DOTWriter(clustersByGroup: true).write(try Self.nastyNetwork())
        #expect(text.hasPrefix("digraph \"nasty \\\"graph\\\" {name}\" {\n"))
        #expect(text.contains("\n  \"node\" -> \"edge\" ["))
        #expect(text.contains("\n    \"a:b\" [label=\"name of a:b\""))
        #expect(text.contains("\"say \\\"hi\\\"\""))
        #expect(text.contains("\"back\\\\slash\""))
        #expect(text.contains("\"trailing\\\\\""))
        #expect(text.contains("[label=\"line one\\nline two\""))
        #expect(text.contains("subgraph \"cluster_a\\\\b:c\" {\n    label=\"a\\\\b:c\";"))
        #expect(text.contains("\"Ünïcødé 東京\""))
        #expect(!text.hasPrefix("strict") && !text.contains("\nstrict"))
    }

    @Test func directionsDecideGraphKindAndDir() throws {
        let mixed = try Self.nastyNetwork()
        let text = DOTWriter().write(mixed)
        let edgeLines = text.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(edgeLines.count == mixed.relations.count)  // parallel relations stay apart
        let undirected = mixed.relations.indices.filter { !mixed.isDirected(relation: $0) }.count
        #expect(edgeLines.filter { $0.contains("dir=none") }.count == undirected)

        let plain = try Network(
            actors: [ActorNode(id: "A"), ActorNode(id: "B"), ActorNode(id: "C")],
            relations: [Relation(id: "1", source: "A", target: "B", kind: "cooperation", weight: 2),
                        Relation(id: "2", source: "A", target: "B", kind: "rivalry", weight: 0.5),
                        Relation(id: "3", source: "B", target: "C", kind: "cooperation")])
        let undirectedText = DOTWriter().write(plain)
        #expect(undirectedText.hasPrefix("graph \"ActorNet\" {"))
        #expect(undirectedText.components(separatedBy: " -- ").count == 4)
        #expect(!undirectedText.contains("->") && !undirectedText.contains("dir=none"))
    }

    @Test func weightsAreNonNegativeIntegersAndStylesFollowTheTable() throws {
        for network in [try Self.shipped(), try Self.nastyNetwork()] {
            let text = DOTWriter().write(network)
            let weights = Self.weights(text)
            #expect(weights.count == network.relations.count)
            for w in weights {
                #expect(Int(w).map { $0 >= 1 } == true, "weight=\(w) is not a positive integer")
            }
        }
        let network = try Self.shipped()
        let lines = DOTWriter().write(network).split(separator: "\n").filter { $0.contains(" -> ") }
        for (i, line) in lines.enumerated() {
            let kind = network.kind(ofRelation: i)
            #expect(line.contains("color=\"\(DOTWriter.style(of: kind).colour)\""))
            if kind.sign == .negative {
                #expect(line.contains("color=\"#B2182B\", style=dashed"), "\(line)")
            }
            if kind.name == "membership" { #expect(line.contains("style=dotted") && line.contains("arrowhead=empty")) }
        }
        #expect(DOTWriter.style(of: .supply).colour != DOTWriter.style(of: .cooperation).colour)
    }

    @Test func penwidthScalesToTheStrongestRelation() throws {
        let network = try Network(
            actors: [ActorNode(id: "A"), ActorNode(id: "B")],
            relations: [Relation(id: "1", source: "A", target: "B", kind: "cooperation", weight: 4),
                        Relation(id: "2", source: "A", target: "B", kind: "cooperation", weight: 1)])
        let text = DOTWriter().write(network)
        #expect(text.contains("penwidth=4.00, weight=4"))
        #expect(text.contains("penwidth=1.38, weight=1"))
    }

    @Test func metricsColourAndSizeNodes() throws {
        let network = try Network(actors: [ActorNode(id: "A"), ActorNode(id: "B"), ActorNode(id: "C")], relations: [])
        // Scores of another order and missing one actor still land on the right nodes.
        let scores = NodeScores(measure: "test", actorIDs: ["C", "A"], values: [10, 0])
        let text = DOTWriter(colourBy: scores, sizeBy: scores).write(network)
        #expect(text.contains("\"A\" [label=\"A\", tooltip=\"A\", style=filled, fillcolor=\"#FFF5B0\", width=0.50, height=0.30];"))
        #expect(text.contains("\"B\" [label=\"B\", tooltip=\"B\"];"))
        #expect(text.contains("\"C\" [label=\"C\", tooltip=\"C\", style=filled, fillcolor=\"#B2182B\", fontcolor=\"#FFFFFF\", width=2.50, height=1.50];"))
    }

    @Test func outputIsDeterministic() throws {
        let network = try Self.shipped()
        let writer = DOTWriter(clustersByGroup: true)
        #expect(writer.write(network) == writer.write(try Self.shipped()))
    }
}
