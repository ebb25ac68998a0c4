import ActorNetCore
@testable import ActorNetIO
import Foundation
import Testing

/// The one XML layer (`XMLStreamParser`) under both XML readers: true lines and columns for
/// elements and attributes (also in tags over several lines, after non-ASCII text, and across
/// the 256 KiB chunks the file is read in), GEXF streamed from a file, entities and DTDs refused
/// at their place. Expected positions are found in the generated text
/// itself (`position(of:in:)`), never typed in.
@Suite struct XMLStreamParserTests {
    /// Line and column (characters, from 1) of the `occurrence`th `needle` in `text`.
    static func position(of needle: String, in text: String, occurrence: Int = 1) -> (line: Int, column: Int) {
        var from = text.startIndex, found: Range<String.Index>?
        for _ in 0..<occurrence {
            found = text.range(of: needle, range: from..<text.endIndex)
            from = found.map(\.upperBound) ?? text.endIndex
        }
        guard let found else { return (0, 0) }
        let before = text[..<found.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text[lineStart..<found.lowerBound].count + 1)
    }

    static func temporary(_ text: String, name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func gexf(_ body: String, head: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(head)<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph defaultedgetype=\"directed\">\n\(body)</graph>\n</gexf>\n"
    }

    // MARK: GEXF locations

    @Test func aBadGEXFValueIsReportedAtItsAttribute() throws {
        // The attribute sits on a line of its own, after non-ASCII text: a search on the
        // element's line, or a column counted in bytes, would both miss it.
        let text = Self.gexf("""
            <nodes><node id="a" label="Ünïcødé"/><node id="b"/></nodes>
            <edges><edge id="e1" source="a" target="b" label="→ é"
                         weight="heavy"/></edges>

            """)
        let result = GEXFReader.read(bytes: Array(text.utf8), file: "w.gexf")
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.errors.first, "\(result.diagnostics)")
        #expect(error.message == "weight 'heavy' is not a number")
        let (line, column) = Self.position(of: "weight=", in: text)
        #expect((error.location.line, error.location.column) == (line, column), "\(error)")
        #expect(column == 14 && line == 6)
    }

    @Test func gexfAttributeErrorsCarryTheirOwnColumns() throws {
        let text = Self.gexf("""
            <attributes class="node"><attribute id="n" title="n" type="double"/></attributes>
            <nodes><node id="ä"><attvalues><attvalue for="n" value="abc"/><attvalue
              for="9" value="1"/></attvalues></node><node id="b"/></nodes>
            <edges><edge source="ä" target="b" type="sideways"/></edges>

            """)
        let result = GEXFReader.read(bytes: Array(text.utf8), file: "a.gexf")
        let errors = result.diagnostics.errors
        #expect(errors.count == 3, "\(errors)")
        for (message, needle) in [("'abc'", "value=\"abc\""), ("for='9'", "for=\"9\""), ("sideways", "type=\"sideways\"")] {
            let error = try #require(errors.first { $0.message.contains(message) }, "\(errors)")
            let (line, column) = Self.position(of: needle, in: text)
            #expect((error.location.line, error.location.column) == (line, column), "\(error)")
        }
    }

    @Test func gexfSpellDatesAndElementsAreLocated() throws {
        let text = Self.gexf("""
            <nodes><node id="a"/><node id="b"/></nodes>
            <edges>
              <edge source="a" target="b"><spells><spell start="2020-01-01"   end="soon"/></spells></edge>
              <edge source="a" target="c"/>
            </edges>

            """).replacingOccurrences(of: "<graph defaultedgetype=\"directed\">", with: "<graph defaultedgetype=\"directed\" timeformat=\"date\">")
        let result = GEXFReader.read(bytes: Array(text.utf8), file: "s.gexf")
        let error = try #require(result.diagnostics.errors.first { $0.message.contains("'soon'") }, "\(result.diagnostics)")
        let (line, column) = Self.position(of: "end=\"soon\"", in: text)
        #expect((error.location.line, error.location.column) == (line, column), "\(error)")
    }

    @Test func gexfProcessingInstructionIsLocated() throws {
        let text = Self.gexf("  <nodes><node id=\"a\"/></nodes> <?actornet not json?>\n")
        let result = GEXFReader.read(bytes: Array(text.utf8), file: "p.gexf")
        let warning = try #require(result.diagnostics.warnings.first { $0.message.contains("<?actornet?>") }, "\(result.diagnostics)")
        let (line, column) = Self.position(of: "<?actornet", in: text)
        #expect((warning.location.line, warning.location.column) == (line, column), "\(warning)")
    }

    // MARK: Streaming

    /// About 7 MB, read from a file in 256 KiB chunks: every element keeps its true place,
    /// including those whose tag straddles two chunks.
    @Test func aLargeGEXFFileIsReadInChunksWithTrueLocations() throws {
        var body = "<nodes>\n"
        let nodes = 20_000, edges = 80_000, badEvery = 100
        body.reserveCapacity(8_000_000)
        for i in 0..<nodes { body += "  <node id=\"n\(i)\" label=\"Näme \(i)\"/>\n" }
        body += "</nodes>\n<edges>\n"
        for i in 0..<edges {
            let weight = i % badEvery == badEvery - 1 ? "bad\(i)" : "\(i % 7 + 1)"
            body += "  <edge id=\"e\(i)\" source=\"n\(i % nodes)\" target=\"n\((i * 7 + 1) % nodes)\" weight=\"\(weight)\"/>\n"
        }
        body += "</edges>\n"
        let text = Self.gexf(body)
        #expect(text.utf8.count > 5_000_000 && text.utf8.count < 10_000_000, "\(text.utf8.count)")
        let path = try Self.temporary(text, name: "large.gexf")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }

        let result = GEXFReader.read(path: path)
        let errors = result.diagnostics.errors
        #expect(errors.count == edges / badEvery, "\(errors.count)")
        // Lines are found by counting in the text: the edges start after the nodes.
        let firstEdgeLine = Self.position(of: "<edge ", in: text).line
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for error in errors {
            let index = try #require(Int(error.message.dropFirst("weight 'bad".count).prefix { $0.isNumber }), "\(error)")
            let line = firstEdgeLine + index
            let lineText = lines[line - 1]
            let column = lineText.distance(from: lineText.startIndex, to: lineText.range(of: "weight=")!.lowerBound) + 1
            #expect((error.location.line, error.location.column) == (line, column), "\(error)")
            #expect(error.location.file == path)
        }

        // Without the bad weights the same file reads whole, from a file and from bytes alike.
        let good = text.replacingOccurrences(of: "weight=\"bad", with: "weight=\"1")
        try Data(good.utf8).write(to: URL(fileURLWithPath: path))
        let fromFile = GEXFReader.read(path: path)
        let network = try #require(fromFile.network, "\(fromFile.diagnostics.prefix(3))")
        #expect(network.actors.count == nodes)
        #expect(network.relations.count == edges)
        let fromBytes = try #require(GEXFReader.read(bytes: Array(good.utf8), file: path).network)
        #expect(fromBytes.actors.map(\.id) == network.actors.map(\.id))
        #expect(fromBytes.relations.map(\.weight) == network.relations.map(\.weight))
    }

    /// The same across chunks for GraphML, whose locations come from the same place.
    @Test func graphMLLocationsHoldAcrossChunks() throws {
        var text = "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        text += "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph edgedefault=\"directed\">\n"
        let edges = 30_000
        for i in 0..<edges {
            let weight = i % 1000 == 999 ? "x\(i)" : "1"
            text += "<node id=\"n\(i)\"/><edge source=\"n\(i)\" target=\"n0\"><data key=\"w\">\(weight)</data></edge>\n"
        }
        text += "</graph>\n</graphml>\n"
        #expect(text.utf8.count > 3 * XMLStreamParser.chunkSize)
        let result = GraphMLReader.read(bytes: Array(text.utf8), file: "big.graphml")
        let errors = result.diagnostics.errors
        #expect(errors.count == edges / 1000, "\(errors.count)")
        for (k, error) in errors.enumerated() {
            let (line, column) = Self.position(of: "<data key=\"w\">x", in: text, occurrence: k + 1)
            #expect((error.location.line, error.location.column) == (line, column), "\(error)")
        }
    }

    // MARK: Entities and DTDs

    @Test func gexfEntityDeclarationsAreRefusedAtTheDOCTYPE() throws {
        let head = "<!-- made by hand -->  <!DOCTYPE gexf [\n<!ENTITY who \"me\">\n]>\n"
        let text = Self.gexf("<nodes><node id=\"a\" label=\"&who;\"/></nodes>\n", head: head)
        let result = GEXFReader.read(bytes: Array(text.utf8), file: "e.gexf")
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.message.hasPrefix("the DOCTYPE declares entities"), "\(error)")
        let (line, column) = Self.position(of: "<!DOCTYPE", in: text)
        #expect((error.location.line, error.location.column) == (line, column), "\(error)")
        #expect(column > 1)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics)")
    }

    @Test func gexfEntityReferencesAreRefusedWhereTheyAre() throws {
        let text = Self.gexf("<nodes>\n  <node id=\"a\"><!-- é --> &who;</node>\n</nodes>\n")
        let result = GEXFReader.read(bytes: Array(text.utf8), file: "r.gexf")
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.message.hasPrefix("entity reference '&who;' is not expanded"), "\(error)")
        let (line, column) = Self.position(of: "&who;", in: text)
        #expect((error.location.line, error.location.column) == (line, column), "\(error)")
    }

    @Test func gexfExternalDTDWarnsAtTheDOCTYPE() throws {
        let head = "<!DOCTYPE gexf SYSTEM \"gexf.dtd\">\n"
        let text = Self.gexf("<nodes><node id=\"a\"/></nodes>\n", head: head)
        let result = GEXFReader.read(bytes: Array(text.utf8), file: "d.gexf")
        #expect(result.network != nil)
        let warning = try #require(result.diagnostics.warnings.first)
        #expect(warning.message.hasPrefix("the DOCTYPE names the external DTD 'gexf.dtd'"))
        #expect(warning.fix?.contains("GEXF needs no DTD") == true)
        #expect((warning.location.line, warning.location.column) == Self.position(of: "<!DOCTYPE", in: text))
    }

    /// GraphML keeps its own rule: a declaration is harmless until it is used (yEd writes some).
    @Test func graphMLStillReadsAnUnusedEntityDeclaration() throws {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY unused \"x\">]>\n"
            + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"undirected\"><node id=\"a\"/></graph></graphml>\n"
        let result = GraphMLReader.read(bytes: Array(text.utf8), file: "u.graphml")
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.actors.map(\.id) == ["a"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func bothReadersShareTheDepthLimit() throws {
        #expect(GraphMLReader.maximumDepth == XMLStreamParser.maximumDepth)
        let deep = String(repeating: "<d>", count: 300) + String(repeating: "</d>", count: 300)
        let text = Self.gexf("<nodes><node id=\"a\">\(deep)</node></nodes>\n")
        let error = try #require(GEXFReader.read(bytes: Array(text.utf8), file: "deep.gexf").diagnostics.errors.first)
        // gexf, graph, nodes, node: the 253rd <d> is the 257th level.
        let (line, column) = Self.position(of: "<d>", in: text, occurrence: XMLStreamParser.maximumDepth - 3)
        #expect((error.location.line, error.location.column) == (line, column), "\(error)")
    }

    /// libxml2 hands an escaped `&` in an attribute over as `&#38;`: both readers read `&`.
    @Test func ampersandsInAttributesAreRead() throws {
        let graphml = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"k\" for=\"node\" attr.name=\"R&amp;D&#38;&#x26;\"/>"
            + "<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"k\">x</data></node></graph></graphml>"
        let g = try #require(GraphMLReader.read(bytes: Array(graphml.utf8), file: "a.graphml").network)
        #expect(g.actors.first?.attributes.keys.contains("R&D&&") == true, "\(g.actors)")
        let gexf = Self.gexf("<nodes><node id=\"a&amp;b\" label=\"x &#38; y\"/></nodes>\n")
        let n = try #require(GEXFReader.read(bytes: Array(gexf.utf8), file: "a.gexf").network)
        #expect(n.actors.map(\.id) == ["a&b"])
        #expect(n.actors.map(\.name) == ["x & y"])
    }
}
