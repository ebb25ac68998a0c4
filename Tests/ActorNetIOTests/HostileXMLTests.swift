import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// Hostile XML (issue 8) against both XML readers: every file is refused (or read with a
/// warning) with a located message that says why, nothing is fetched or expanded, and memory
/// stays bounded. The small cases are committed under `Tests/Hostile/xml/`; the cases that
/// need size (100,000 levels, a 12 MB attribute, 20,000 keys, …) are generated here at run
/// time instead, so the repository stays small. Each is just over its limit or a few times it:
/// enough to fail if the limit were lifted (`XML_PARSE_HUGE`, or ActorNet's own removed).
@Suite struct HostileXMLTests {
    enum Reader: String, CaseIterable, CustomTestStringConvertible {
        case graphml, gexf
        var testDescription: String { rawValue }

        func read(path: String) -> LoadResult {
            self == .graphml ? GraphMLReader.read(path: path) : GEXFReader.read(path: path)
        }

        func read(_ xml: [UInt8]) -> LoadResult {
            self == .graphml ? GraphMLReader.read(bytes: xml, file: "generated.\(rawValue)")
                : GEXFReader.read(bytes: xml, file: "generated.\(rawValue)")
        }

        /// A document with `head` before the graph's content and `body` as its content.
        func document(head: String = "", body: String) -> String {
            switch self {
            case .graphml:
                "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\(head)<graph edgedefault=\"undirected\">\n\(body)</graph>\n</graphml>\n"
            case .gexf:
                "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph defaultedgetype=\"undirected\">\n\(head)<nodes>\n\(body)</nodes>\n</graph>\n</gexf>\n"
            }
        }
    }

    /// One committed hostile file, what its first error says and where it is.
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var message: String
        var line: Int
        var column: Int?
        var testDescription: String { file }
    }

    static let refused: [Case] = [
        Case(file: "xxe-file.graphml", message: "entity reference '&xxe;' is not expanded", line: 6, column: 40),
        Case(file: "xxe-http.graphml", message: "entity reference '&xxe;' is not expanded", line: 6, column: 38),
        Case(file: "xxe-parameter.graphml", message: "parameter entity reference '%remote;' in the DOCTYPE is not expanded", line: 3, column: 1),
        Case(file: "billion-laughs.graphml", message: "entity reference '&lol9;' is not expanded", line: 17, column: 38),
        Case(file: "quadratic-blowup.graphml", message: "entity reference '&a;' is not expanded", line: 6, column: 38),
        Case(file: "deep-nesting.graphml", message: "malformed XML: Excessive depth in document: 256", line: 5, column: 37 + 3 * 252 + 1),
        Case(file: "control-character.graphml", message: "malformed XML: PCDATA invalid Char value 7", line: 5, column: 43),
        Case(file: "control-character-reference.graphml", message: "malformed XML: xmlParseCharRef: invalid xmlChar value 7", line: 5, column: 47),
        Case(file: "invalid-utf8.graphml", message: "malformed XML: Input is not proper UTF-8", line: 5, column: 41),
        Case(file: "truncated.graphml", message: "malformed XML: ", line: 6, column: nil),
        Case(file: "wrong-namespace.graphml", message: "not a GraphML file: the root element <graphml> is in the namespace 'http://example.invalid/not-graphml'", line: 2, column: 1),
        // GEXF needs no entities: a DOCTYPE that declares any is refused where it starts.
        Case(file: "xxe-file.gexf", message: "the DOCTYPE declares entities: ActorNet does not expand them", line: 2, column: 1),
        Case(file: "xxe-http.gexf", message: "the DOCTYPE declares entities: ActorNet does not expand them", line: 2, column: 1),
        Case(file: "xxe-parameter.gexf", message: "the DOCTYPE declares entities: ActorNet does not expand them", line: 2, column: 1),
        Case(file: "billion-laughs.gexf", message: "the DOCTYPE declares entities: ActorNet does not expand them", line: 2, column: 1),
        Case(file: "quadratic-blowup.gexf", message: "the DOCTYPE declares entities: ActorNet does not expand them", line: 2, column: 1),
        Case(file: "deep-nesting.gexf", message: "malformed XML: Excessive depth in document: 256", line: 5, column: nil),
        Case(file: "control-character.gexf", message: "malformed XML: invalid character in attribute value", line: 5, column: 32),
        Case(file: "control-character-reference.gexf", message: "malformed XML: xmlParseCharRef: invalid xmlChar value 7", line: 5, column: 36),
        Case(file: "invalid-utf8.gexf", message: "malformed XML: Input is not proper UTF-8", line: 5, column: 30),
        Case(file: "truncated.gexf", message: "malformed XML: ", line: 6, column: nil),
        Case(file: "wrong-namespace.gexf", message: "not a GEXF file: the root element <gexf> is in the namespace 'http://example.invalid/other'", line: 2, column: 1),
    ]

    static func path(_ file: String) -> String { Fixtures.path("Tests/Hostile/xml/\(file)") }

    static func reader(for file: String) -> Reader { file.hasSuffix(".gexf") ? .gexf : .graphml }

    @Test func everyCommittedFileIsTested() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("Tests/Hostile/xml"))
        #expect(Set(files) == Set(Self.refused.map(\.file) + ["external-dtd.graphml", "external-dtd.gexf"]))
    }

    @Test(arguments: refused)
    func refusedWithALocatedMessage(_ expected: Case) throws {
        let path = Self.path(expected.file)
        let result = Self.reader(for: expected.file).read(path: path)
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.errors.first, "\(result.diagnostics)")
        #expect(error.message.hasPrefix(expected.message), "\(error)")
        #expect(error.location.file == path)
        #expect(error.location.line == expected.line, "\(error)")
        if let column = expected.column { #expect(error.location.column == column, "\(error)") }
        #expect(error.location.column >= 1)
        // Every message says what to do, and none echoes a file that an entity names.
        #expect(error.fix?.isEmpty == false, "\(error)")
        let everything = result.diagnostics.map(\.description).joined(separator: "\n")
        #expect(!everything.contains("root:x:0:0"))
        #expect(!everything.contains("XML_PARSE_HUGE"), "\(everything)")
    }

    @Test(arguments: Reader.allCases)
    func externalDTDIsNeverLoaded(_ reader: Reader) throws {
        let path = Self.path("external-dtd.\(reader.rawValue)")
        let result = reader.read(path: path)
        let network = try #require(result.network, "\(result.diagnostics)")
        #expect(network.actors.map(\.id) == ["a"])
        let warning = try #require(result.diagnostics.warnings.first)
        #expect(warning.message.hasPrefix("the DOCTYPE names the external DTD 'http://graphml.graphdrawing.org/dtds/graphml.dtd'; it is not loaded"))
        #expect(warning.location == SourceLocation(file: path, line: 2, column: 1))
    }

    @Test(arguments: Reader.allCases)
    func hundredThousandLevelsAreRefusedAt256(_ reader: Reader) throws {
        let deep = String(repeating: "<d>", count: 100_000) + String(repeating: "</d>", count: 100_000)
        let body = reader == .graphml ? "<node id=\"a\"><desc>\(deep)</desc></node>\n" : "<node id=\"a\">\(deep)</node>\n"
        let result = reader.read(Array(reader.document(body: body).utf8))
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.message.hasPrefix("malformed XML: Excessive depth in document: 256"), "\(error)")
        #expect(error.fix?.contains("256 levels") == true)
        #expect(error.location.line == (reader == .graphml ? 4 : 5) && error.location.column > 250 * 3, "\(error)")
    }

    /// 12 MB: over libxml2's 10,000,000-byte limit for an attribute value.
    @Test(arguments: Reader.allCases)
    func enormousAttributeValueIsRefused(_ reader: Reader) throws {
        let value = String(repeating: "x", count: 12_000_000)
        let result = reader.read(Array(reader.document(body: "<node id=\"a\" label=\"\(value)\"/>\n").utf8))
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.message.hasPrefix("malformed XML: "), "\(error)")
        #expect(error.fix?.contains("10,000,000 bytes") == true, "\(error)")
        #expect(error.location.line == (reader == .graphml ? 4 : 5), "\(error)")
    }

    @Test(arguments: Reader.allCases)
    func enormousAttributeNameIsRefused(_ reader: Reader) throws {
        let name = String(repeating: "n", count: 100_000)
        let result = reader.read(Array(reader.document(body: "<node id=\"a\" \(name)=\"1\"/>\n").utf8))
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.message.hasPrefix("malformed XML: "), "\(error)")
        #expect(error.fix?.contains("50,000 characters") == true, "\(error)")
        #expect(error.location.line == (reader == .graphml ? 4 : 5), "\(error)")
    }

    /// 12 MB: over `GraphMLReader.maximumValueBytes` (10,000,000).
    @Test func enormousDataValueIsRefused() throws {
        let reader = Reader.graphml
        let head = "<key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        let text = String(repeating: "y", count: 12_000_000)
        let result = reader.read(Array(reader.document(head: head, body: "<node id=\"a\"><data key=\"n_label\">\(text)</data></node>\n").utf8))
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.message == "data for key 'n_label' is longer than 10000000 bytes")
        #expect(error.location == SourceLocation(file: "generated.graphml", line: 5, column: 14))
    }

    /// 20,000 declarations, twice the limit of 10,000: reading stops at the 10,001st.
    @Test(arguments: Reader.allCases)
    func tooManyKeysAreRefused(_ reader: Reader) throws {
        var head = reader == .graphml ? "" : "<attributes class=\"node\">\n"
        head.reserveCapacity(1_600_000)
        for i in 0..<20_000 {
            head += reader == .graphml ? "<key id=\"k\(i)\" for=\"node\" attr.name=\"k\(i)\" attr.type=\"string\"><default>v</default></key>\n"
                : "<attribute id=\"k\(i)\" title=\"k\(i)\" type=\"string\"><default>v</default></attribute>\n"
        }
        if reader == .gexf { head += "</attributes>\n" }
        let result = reader.read(Array(reader.document(head: head, body: "").utf8))
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.message.hasPrefix("more than 10000 "), "\(error)")
        #expect(error.message.contains("'k10000' is one too many"), "\(error)")
        // The 10,001st declaration: after the 2 or 3 lines of the document's head.
        #expect(error.location.line == 10_001 + (reader == .graphml ? 2 : 4), "\(error)")
        #expect(error.location.column == 1)
    }

    @Test func repeatedWarningsAreCountedNotCollected() throws {
        // 5,000 edges between nodes that are never declared: one warning per node would be
        // 10,000 diagnostics, past both the 100 kept per kind and the 1,000 kept in all.
        var body = ""
        for i in 0..<5_000 { body += "<edge source=\"s\(i)\" target=\"t\(i)\"/>\n" }
        let result = Reader.graphml.read(Array(Reader.graphml.document(body: body).utf8))
        let network = try #require(result.network)
        #expect(network.relations.count == 5_000)
        let warnings = result.diagnostics.warnings
        #expect(warnings.count == 101, "\(warnings.count)")
        #expect(warnings.contains { $0.message == "9900 more warnings like the undeclared node ones above not shown (10000 in all)" })
    }
}
