import ActorNetCore
@testable import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// GEXF 1.3: schema validity, the date mapping, round trips, the shared samples (copies in
/// `Tests/Fixtures/gexf`), bad input and interop with networkx.
@Suite struct GEXFTests {
    static func shipped() throws -> Network {
        let result = NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml"))
        return try #require(result.network, "\(result.diagnostics)")
    }

    static func text(_ network: Network, _ mode: GEXFWriter.Mode, visual: ExportTable.Visual? = nil) throws -> String {
        String(decoding: try GEXFWriter.write(ExportTable(network, visual: visual), mode: mode), as: UTF8.self)
    }

    /// `Network` equality after dropping direction overrides equal to the kind's default:
    /// `ExportTable` writes whether a relation *is* directed, not whether it overrode its kind,
    /// so a redundant override (`supply` marked `directed`) cannot survive any export.
    static func normalized(_ n: Network) throws -> Network {
        let relations = n.relations.map { r in
            var r = r
            if let d = r.direction, d == n.kind(named: r.kind)?.direction { r.direction = nil }
            return r
        }
        return try Network(name: n.name, summary: n.summary, actors: n.actors, kinds: n.kinds.filter { !$0.isBuiltIn },
                           relations: relations, sources: n.sources)
    }

    static func roundTrip(_ network: Network, _ mode: GEXFWriter.Mode,
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let bytes = try GEXFWriter.write(ExportTable(network), mode: mode)
        let back = GEXFReader.read(bytes: bytes, file: "roundtrip.gexf")
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)", sourceLocation: sourceLocation)
        let read = try #require(back.network, "\(back.diagnostics)", sourceLocation: sourceLocation)
        let (a, b) = (try normalized(network), read)
        #expect(a == b, sourceLocation: sourceLocation)
        if a != b {
            for (x, y) in zip(a.relations, b.relations) where x != y { Issue.record("relation \(x) ≠ \(y)") }
            for (x, y) in zip(a.actors, b.actors) where x != y { Issue.record("actor \(x) ≠ \(y)") }
            if a.kinds != b.kinds { Issue.record("kinds \(a.kinds) ≠ \(b.kinds)") }
        }
    }

    // MARK: Writer

    @Test(arguments: [GEXFWriter.Mode.static, .dynamic])
    func validatesAgainstTheGEXF13Schema(mode: GEXFWriter.Mode) throws {
        let errors = try xmllint(Self.text(try Self.shipped(), mode))
        #expect(errors.isEmpty, "xmllint: \(errors)")
    }

    /// The published 1.3 XSD's `viz.xsd` has no target namespace, so it rejects `viz:color` and
    /// `viz:size` in `http://gexf.net/1.3/viz` — where Gephi, networkx and graphology read
    /// them. Everything else in a visual export must validate.
    @Test func visualExportFailsTheSchemaOnlyOnVizElements() throws {
        let network = try Self.shipped()
        let degree = NodeScores(measure: "index", actorIDs: network.actors.map(\.id), values: network.actors.indices.map(Double.init))
        let text = try Self.text(network, .static, visual: ExportTable.Visual(colourBy: degree, sizeBy: degree))
        #expect(text.contains("<viz:color r=\"255\" g=\"245\" b=\"176\"/>"))
        #expect(text.contains("<viz:size value=\"10\"/>"))
        let errors = try xmllint(text).split(separator: "\n").filter { $0.contains("validity error") }
        #expect(!errors.isEmpty)
        for line in errors { #expect(line.contains("{http://gexf.net/1.3/viz}"), "\(line)") }
    }

    @Test func everyRelationIsItsOwnEdgeWithKindAndPositiveWeight() throws {
        let network = try Self.shipped()
        let text = try Self.text(network, .static)
        #expect(text.components(separatedBy: "<edge ").count - 1 == network.relations.count)
        for r in network.relations {
            #expect(text.contains("<edge id=\"\(r.id)\" source=\"\(r.source)\" target=\"\(r.target)\""), "\(r.id)")
            #expect(text.contains("kind=\"\(r.kind)\""))
        }
        let rusIrn = network.relations.filter { Set([$0.source, $0.target]) == ["RUS", "IRN"] }
        #expect(rusIrn.count == 28)
        #expect(!text.contains("weight=\"-"))
        #expect(text.contains("<attribute id=\"sign\" title=\"sign\" type=\"long\"/>"))
        #expect(!text.contains("<attribute id=\"weight\""), "weight is the edge's XML attribute, not an attvalue")
        #expect(!text.contains("<attribute id=\"label\" title=\"label\" type=\"string\"/>\n    <attribute id=\"kind\""))
        // Mixed directions: a type on every edge, no defaultedgetype.
        #expect(!text.contains("defaultedgetype"))
        #expect(text.components(separatedBy: " type=\"directed\"").count + text.components(separatedBy: " type=\"undirected\"").count - 2
                == network.relations.count)
    }

    @Test(arguments: [GEXFWriter.Mode.static, .dynamic])
    func outputIsDeterministic(mode: GEXFWriter.Mode) throws {
        let network = try Self.shipped()
        let first = try GEXFWriter.write(ExportTable(network), mode: mode)
        let second = try GEXFWriter.write(ExportTable(network), mode: mode)
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(!text.contains("lastmodifieddate"))
        #expect(text.contains("<creator>ActorNet</creator>"))
    }

    /// `until: 2025` is exclusive (present through 2024-12-31); GEXF ends are inclusive.
    @Test func dynamicModeEndsSyriaOnTheLastDayOfDecember2024() throws {
        let network = try Self.shipped()
        let text = try Self.text(network, .dynamic)
        #expect(text.contains("<graph mode=\"dynamic\" timeformat=\"date\">"))
        let syria = network.relations.filter { [$0.source, $0.target].contains("SYR") }
        #expect(!syria.isEmpty)
        for r in syria {
            let line = try #require(text.split(separator: "\n").first { $0.contains("<edge id=\"\(r.id)\"") })
            #expect(r.until?.description == "2025")
            #expect(line.contains("end=\"2024-12-31\""), "\(line)")
            if let since = r.since { #expect(line.contains("start=\"\(GEXFTime.start(since: since))\"")) }
        }
        let treaty = try #require(text.split(separator: "\n").first { $0.contains("<edge id=\"rus-irn-treaty-2025\"") })
        #expect(treaty.contains("start=\"2025-01-01\"") && !treaty.contains("end="))
        for r in network.relations where r.since == nil && r.until == nil {
            let line = try #require(text.split(separator: "\n").first { $0.contains("<edge id=\"\(r.id)\"") })
            #expect(!line.contains("start=") && !line.contains("end="), "undated relation \(r.id) got a spell")
        }
        // Static mode has no intervals at all, only the since/until attvalues.
        let staticText = try Self.text(network, .static)
        #expect(!staticText.contains(" start=\"") && !staticText.contains(" end=\""))
        #expect(staticText.contains("<attvalue for=\"until\" value=\"2025\"/>"))
    }

    @Test func intervalMapping() {
        #expect(GEXFTime.start(since: PartialDate(iso: "2022")!) == "2022-01-01")
        #expect(GEXFTime.end(until: PartialDate(iso: "2024-12")!) == "2024-11-30")
        #expect(GEXFTime.end(until: PartialDate(iso: "2025")!) == "2024-12-31")
        #expect(GEXFTime.end(until: PartialDate(iso: "2024-03")!) == "2024-02-29")
        #expect(GEXFTime.end(until: PartialDate(iso: "2025-06-18")!) == "2025-06-17")
        #expect(GEXFTime.end(until: PartialDate(iso: "0001")!) == nil)
        #expect(GEXFTime.dayAfter(PartialDate(iso: "2024-11-30")!)?.description == "2024-12-01")
        #expect(GEXFTime.dayAfter(PartialDate(iso: "2023-12-31")!)?.description == "2024-01-01")
    }

    @Test func charactersXMLCannotCarryAreRefused() throws {
        let actors = [ActorNode(id: "A"), ActorNode(id: "B", name: "B\u{1}ad")]
        let network = try Network(actors: actors, relations: [Relation(id: "r", source: "A", target: "B", kind: "cooperation")])
        #expect {
            try GEXFWriter.write(ExportTable(network))
        } throws: { error in
            let e = error as? GEXFError
            return e?.element == "actor 'B' field 'label'" && e?.message.contains("U+0001") == true && e?.fix != nil
        }
        let other = try Network(actors: [ActorNode(id: "A"), ActorNode(id: "B")], relations: [
            Relation(id: "r", source: "A", target: "B", kind: "cooperation", attributes: ["note": .string("x\u{FFFE}")]),
        ])
        #expect(throws: GEXFError.self) { try GEXFWriter.write(ExportTable(other)) }
    }

    // MARK: Round trips

    static let handMade: Network = {
        let alliance = RelationKind(name: "alliance", sign: .positive, direction: .undirected, description: "a <formal> pact & more")
        let threat = RelationKind(name: "threat", sign: .negative, direction: .directed)
        let actors = [
            ActorNode(id: "RUS", name: "Россия <Russia> & \"co\" 'x'", kind: "state", group: "CSTO",
                      attributes: ["population": .number(143.4), "nuclear": .bool(true), "motto": .string("a\tb\nc\r\nd  e "),
                                   "label": .string("clashes with the label column"), "rank": .number(1)]),
            ActorNode(id: "IRN", name: "ایران", kind: "state",
                      attributes: ["population": .number(89.2), "nuclear": .bool(false), "rank": .number(-2.5e-7)]),
            ActorNode(id: "a b&c", name: " spaced  name ", attributes: ["emoji": .string("🛢️ oil")]),
            ActorNode(id: "lonely"),
        ]
        let relations = [
            Relation(id: "r1", source: "RUS", target: "IRN", kind: "cooperation", weight: 4, channel: .material,
                     since: PartialDate(iso: "2025-01"), flows: ["S-300", "Su-35"], label: "treaty <2025> & \"more\"",
                     evidence: [Evidence(text: "Putin said \"no\" & <left>", source: "s1", section: "§1", url: "https://x.org/?a=1&b=2")],
                     attributes: ["cost": .number(1.5e9), "secret": .bool(false), "note": .string("ünïcødé")]),
            Relation(id: "r2", source: "RUS", target: "IRN", kind: "rivalry", weight: 0.1, since: PartialDate(iso: "1651"),
                     until: PartialDate(iso: "1654")),
            Relation(id: "r3", source: "IRN", target: "RUS", kind: "supply", weight: 2.5, channel: .stated,
                     since: PartialDate(iso: "2022-02-24"), until: PartialDate(iso: "2024-03-01")),
            Relation(id: "r4", source: "RUS", target: "IRN", kind: "supply", direction: .undirected, until: PartialDate(iso: "2000")),
            Relation(id: "r5", source: "IRN", target: "a b&c", kind: "alliance", weight: 3, direction: .directed,
                     attributes: ["cost": .number(2)]),
            Relation(id: "r6 <odd> & 'id'", source: "a b&c", target: "RUS", kind: "threat", weight: 5, label: ""),
        ]
        return try! Network(name: "Hand & <made>", summary: "Every type, \"quotes\" and 'apostrophes'\nover lines",
                            actors: actors, kinds: [alliance, threat], relations: relations,
                            sources: [SourceReference(id: "s1", title: "A source > another", url: "https://x.org", date: PartialDate(iso: "2025-06"), note: "n?>")])
    }()

    @Test(arguments: [GEXFWriter.Mode.static, .dynamic])
    func shippedNetworkRoundTrips(mode: GEXFWriter.Mode) throws {
        try Self.roundTrip(try Self.shipped(), mode)
    }

    @Test(arguments: [GEXFWriter.Mode.static, .dynamic])
    func handMadeNetworkRoundTrips(mode: GEXFWriter.Mode) throws {
        try Self.roundTrip(Self.handMade, mode)
        let errors = try xmllint(Self.text(Self.handMade, mode))
        #expect(errors.isEmpty, "xmllint: \(errors)")
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 21, 34] as [UInt64])
    func randomNetworksRoundTrip(seed: UInt64) throws {
        let network = RandomNetworks.make(actors: 12, relations: 40, seed: seed)
        try Self.roundTrip(network, .static)
        try Self.roundTrip(network, .dynamic)
    }

    // MARK: Reader

    /// Node and edge counts from networkx 3.6.1 `read_gexf` (nodes, edges), run once; where
    /// networkx refuses the file the counts are the file's own elements.
    @Test(arguments: [
        ("gexf_primer_simple.gexf", 2, 1),
        ("graphology_basic.gexf", 2, 2),  // networkx refuses: "Undirected edge found in directed graph"
        ("graphology_data.gexf", 4, 5),
        ("graphology_v1_3.gexf", 2, 1),  // networkx refuses: KeyError 'listboolean'
        ("lesmiserables_gexf11draft.gexf", 77, 254),
        ("networkit_dynamicTest.gexf", 4, 5),
        ("networkit_dynamicTest3.gexf", 2, 1),  // networkx refuses: spell without start
        ("networkx_written_gahuku_gama.gexf", 16, 58),
    ])
    func sharedSampleLoads(file: String, nodes: Int, edges: Int) throws {
        let result = GEXFReader.read(path: Fixtures.fixturePath("gexf/\(file)"))
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.actors.count == nodes)
        #expect(network.relations.count == edges)
        #expect(result.diagnostics.errors.isEmpty)
    }

    @Test func lesMiserablesKeepsVizAndAttributes() throws {
        let result = GEXFReader.read(path: Fixtures.fixturePath("gexf/lesmiserables_gexf11draft.gexf"))
        let network = try #require(result.network)
        let myriel = try #require(network.actor(withID: "0.0"))
        #expect(myriel.name == "Myriel")
        #expect(myriel.attributes["Authority"] == .number(0.01880342))
        #expect(myriel.attributes["r"] == .number(216) && myriel.attributes["size"] == .number(22.714287))
        #expect(network.name == "Les Misérables, the characters coappearance weighted graph")
        #expect(network.relations.allSatisfy { network.isDirected(relation: network.relations.firstIndex(of: $0)!) })
    }

    @Test func dynamicSampleMapsIntervalsAndWarnsOnce() throws {
        let result = GEXFReader.read(path: Fixtures.fixturePath("gexf/networkit_dynamicTest.gexf"))
        let network = try #require(result.network)
        let byID = Dictionary(uniqueKeysWithValues: network.relations.map { ($0.id, $0) })
        #expect(byID["0"]?.since?.description == "2009-03-01" && byID["0"]?.until == nil)
        #expect(byID["1"]?.until?.description == "2009-03-11", "inclusive end 2009-03-10 → exclusive until 2009-03-11")
        #expect(byID["3"]?.since == nil && byID["3"]?.until?.description == "2009-03-11")
        // frog defaults to true; node 3 says false; indegree keeps its first (static or earliest) value.
        #expect(network.actor(withID: "0")?.attributes["frog"] == .bool(true))
        #expect(network.actor(withID: "3")?.attributes["frog"] == .bool(false))
        #expect(network.actor(withID: "1")?.attributes["indegree"] == .number(1))
        let warnings = result.diagnostics.warnings.map(\.message)
        #expect(warnings.filter { $0.contains("time-sliced") }.count == 1)
        #expect(warnings.filter { $0.contains("node lifetimes") }.count == 1)
    }

    @Test func v13ListsKindAndHexColour() throws {
        let result = GEXFReader.read(path: Fixtures.fixturePath("gexf/graphology_v1_3.gexf"))
        let network = try #require(result.network)
        let suzy = try #require(network.actor(withID: "Suzy"))
        #expect(suzy.attributes["booleans"] == .string("[true, false, false]"))
        #expect(suzy.attributes["single"] == .string("['a', '\\'b\\'', 'c']"))
        #expect(suzy.attributes["r"] == .number(255) && suzy.attributes["g"] == .number(0))
        #expect(network.relations.first?.kind == "likes")
    }

    @Test func numericTimeformatDropsTimesWithAWarning() throws {
        let result = GEXFReader.read(path: Fixtures.fixturePath("gexf/networkit_dynamicTest3.gexf"))
        let network = try #require(result.network)
        #expect(network.relations.first?.weight == 5 && network.relations.first?.since == nil)
        #expect(result.diagnostics.warnings.contains { $0.message.contains("timeformat 'double'") })
    }

    @Test func gahukuGamaSignsBecomeKinds() throws {
        let result = GEXFReader.read(path: Fixtures.fixturePath("gexf/networkx_written_gahuku_gama.gexf"))
        let network = try #require(result.network)
        #expect(network.name == "Gahuku-Gama highland tribes (Read 1954)")
        #expect(Set(network.relations.map(\.kind)) == ["tie", "negative-tie"])
        #expect(network.relations.indices.allSatisfy { !network.isDirected(relation: $0) })
    }

    static func only(_ xml: String) throws -> Diagnostic {
        let result = GEXFReader.read(bytes: Array(xml.utf8), file: "bad.gexf")
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.errors.first, "\(result.diagnostics)")
        #expect(error.fix?.isEmpty == false)
        return error
    }

    static let head = "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph>\n"

    @Test func malformedXMLIsReportedWithLineAndColumn() throws {
        let e = try Self.only(Self.head + "<nodes>\n  <node id=\"a\" label=\"x\">\n</nodes>\n</graph></gexf>")
        #expect(e.location.line == 5)
        #expect(e.location.column > 1)
        #expect(e.message.contains("malformed XML"))
    }

    @Test func unknownAttributeIDIsAnError() throws {
        let e = try Self.only(Self.head + """
            <attributes class="node"><attribute id="0" title="url" type="string"/></attributes>
            <nodes>
              <node id="a"><attvalues><attvalue for="9" value="x"/></attvalues></node>
            </nodes><edges/></graph></gexf>
            """)
        #expect((e.location.line, e.location.column) == (5, 37))
        #expect(e.message.contains("for='9'") && e.fix?.contains("0") == true)
    }

    @Test func badNumbersAreErrors() throws {
        let e = try Self.only(Self.head + """
            <attributes class="node"><attribute id="n" title="n" type="double"/></attributes>
            <nodes>
              <node id="a"><attvalues><attvalue for="n" value="abc"/></attvalues></node>
            </nodes><edges/></graph></gexf>
            """)
        #expect(e.location.line == 5)
        #expect(e.message.contains("'abc'"))
        let w = try Self.only(Self.head + "<nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n<edges><edge source=\"a\" target=\"b\" weight=\"heavy\"/></edges></graph></gexf>")
        #expect((w.location.line, w.location.column) == (4, 36))
    }

    @Test func notGEXFOrEmpty() throws {
        let e = try Self.only("<graphml><graph/></graphml>")
        #expect(e.message.contains("<graphml>") && e.message.contains("not a GEXF file"))
        _ = try Self.only("")
        #expect(GEXFReader.read(path: "/no/such.gexf").failure == .unreadable)
    }

    // MARK: Interop

    /// networkx reads our export and sees the same nodes, edges (parallel ones included),
    /// values and types. networkx 3.6.1 refuses mixed-direction GEXF, so the script checks such
    /// files with the per-edge `type` removed and checks the types itself (it says so).
    @Test(.enabled(if: Python.has(modules: ["networkx"]), "needs python3 with networkx (pip install networkx; scripts/setup)"),
          arguments: [GEXFWriter.Mode.static, .dynamic], [ExportSettings.Direction.mixed, .directed, .undirected])
    func networkxReadsOurExport(mode: GEXFWriter.Mode, direction: ExportSettings.Direction) throws {
        let network = try Self.shipped()
        let table = ExportTable(network, direction: direction)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gexf-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gexf = dir.appendingPathComponent("network.gexf"), expected = dir.appendingPathComponent("expected.json")
        try Data(try GEXFWriter.write(table, mode: mode)).write(to: gexf)
        try Data(Self.expectedJSON(table, mode: mode).utf8).write(to: expected)
        let python = Python.command([Fixtures.path("scripts/interop/gexf_check.py"), gexf.path, expected.path])
        let (status, output) = try run(python.executable, python.arguments)
        #expect(status == 0, "\(Python.described): \(output)")
        #expect(output.contains("refuses mixed directions") == (direction == .mixed), "\(output)")
        if mode == .static {
            let errors = try xmllint(String(decoding: try GEXFWriter.write(table, mode: mode), as: UTF8.self))
            #expect(errors.isEmpty, "xmllint: \(errors)")
        }
    }

    static func expectedJSON(_ table: ExportTable, mode: GEXFWriter.Mode) throws -> String {
        func cell(_ v: ExportTable.Value) -> [Any] {
            switch v {
            case let .string(s): ["string", s]
            case let .double(x): ["double", x]
            case let .long(n): ["long", n]
            case let .boolean(b): ["boolean", b]
            }
        }
        var nodes: [String: Any] = [:]
        for row in table.nodes {
            var attrs: [String: Any] = [:]
            for (c, v) in zip(table.nodeColumns, row.values) where c.name != "label" { if let v { attrs[c.name] = cell(v) } }
            nodes[row.id] = ["label": row.values[0]?.text ?? row.id, "attrs": attrs]
        }
        var edges: [String: Any] = [:]
        for (i, row) in table.edges.enumerated() {
            let r = table.network.relations[i]
            var attrs: [String: Any] = [:], label: String?
            for (c, v) in zip(table.edgeColumns, row.values) {
                guard let v, c.name != "weight" else { continue }
                if c.name == "label" { label = v.text } else { attrs[c.name] = cell(v) }
            }
            var e: [String: Any] = ["source": row.source, "target": row.target, "directed": row.directed,
                                    "weight": r.weight, "kind": r.kind, "attrs": attrs]
            if let label { e["label"] = label }
            if mode == .dynamic {
                if let s = r.since { e["start"] = GEXFTime.start(since: s) }
                if let u = r.until { e["end"] = GEXFTime.end(until: u) }
            }
            edges[row.id] = e
        }
        let root: [String: Any] = ["mode": mode.rawValue, "mixed": table.mixedDirections, "directed": table.defaultDirected,
                                   "nodes": nodes, "edges": edges]
        return String(decoding: try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]), as: UTF8.self)
    }
}

/// Runs a program and returns its status and combined output.
private func run(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Validates GEXF text against the GEXF 1.3 XSD (a copy in Tests/Fixtures) with xmllint; returns its complaints ("" when
/// valid). Fails the test when xmllint is missing.
private func xmllint(_ text: String) throws -> String {
    let schema = Fixtures.fixturePath("schema/gexf-1.3/gexf.xsd")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("gexf-\(UUID().uuidString).gexf")
    try Data(text.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let (status, output) = try run("/usr/bin/env", ["xmllint", "--noout", "--nonet", "--schema", schema, file.path])
    if status == 127 {
        Issue.record("xmllint is not installed; fix: apt-get install libxml2-utils (CI installs it)")
        return "xmllint missing"
    }
    return status == 0 ? "" : output
}
