import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Testing

/// Every kind of bad input named in the foundation issue, each with the exact line and column
/// reported, the offending value in the message, and a fix.
@Suite struct BadInputTests {
    static let header = """
        actornet: 1
        actors:
          - id: RUS
          - id: IRN
          - id: ISR
        relations:

        """

    /// The single error of a load, checked to carry a location, a message and a fix.
    func onlyError(_ result: LoadResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        #expect(result.network == nil, sourceLocation: sourceLocation)
        #expect(result.diagnostics.errors.count == 1, "\(result.diagnostics)", sourceLocation: sourceLocation)
        let error = try #require(result.diagnostics.errors.first, sourceLocation: sourceLocation)
        #expect(error.fix?.isEmpty == false, "no fix for: \(error)", sourceLocation: sourceLocation)
        return error
    }

    func relation(_ body: String) -> LoadResult {
        Fixtures.load(yaml: Self.header + body)
    }

    @Test func yamlSyntaxError() throws {
        let e = try onlyError(Fixtures.load(yaml: "actors:\n  - id: RUS\n    name: Russia: the federation\n"))
        #expect((e.location.line, e.location.column) == (3, 17))
        #expect(e.message.contains("YAML syntax error"))
        #expect(e.fix?.contains("quote") == true)
    }

    @Test func yamlTabIndentation() throws {
        let e = try onlyError(Fixtures.load(yaml: "actors:\n\t- id: RUS\n"))
        #expect(e.location.line == 2)
        #expect(e.fix?.contains("spaces") == true)
    }

    @Test func yamlUnclosedQuote() throws {
        let e = try onlyError(Fixtures.load(yaml: "actors:\n  - id: \"RUS\n"))
        #expect(e.location.line >= 2)
        #expect(e.message.contains("YAML syntax error"))
    }

    @Test func jsonSyntaxError() throws {
        let e = try onlyError(Fixtures.load(json: "{\n  \"actors\": [\n    {\"id\": \"RUS\",}\n  ]\n}\n"))
        #expect((e.location.line, e.location.column) == (3, 17))   // the comma
        #expect(e.message.contains("trailing comma"))
    }

    @Test func unknownActor() throws {
        let e = try onlyError(relation("  - {source: RUS, target: IRQ, kind: cooperation}\n"))
        #expect((e.location.line, e.location.column) == (7, 27))
        #expect(e.message == "relation 1: unknown actor 'IRQ' in 'target'")
        #expect(e.fix?.contains("did you mean 'IRN'?") == true)
        #expect(e.fix?.contains("IRN, ISR, RUS") == true)
    }

    @Test func duplicateActorID() throws {
        let e = try onlyError(Fixtures.load(yaml: "actors:\n  - id: RUS\n  - id: IRN\n  - id: RUS\n    name: Russia again\n"))
        #expect((e.location.line, e.location.column) == (4, 9))
        #expect(e.message == "actor 3: duplicate actor id 'RUS' (first declared as actor 1)")
    }

    @Test func unknownKind() throws {
        let e = try onlyError(relation("  - source: RUS\n    target: IRN\n    kind: alliance\n"))
        #expect((e.location.line, e.location.column) == (9, 11))
        #expect(e.message == "relation 1: unknown kind 'alliance'")
        #expect(e.fix?.contains("cooperation, membership, rivalry, supply") == true)
        #expect(e.fix?.contains("declare 'alliance' under kinds") == true)
    }

    @Test(arguments: [("-2", "-2"), ("-0.5", "-0.5"), (".nan", "nan"), (".inf", "inf"), ("-.inf", "-inf")])
    func badWeight(_ written: String, _ shown: String) throws {
        let e = try onlyError(relation("  - {source: RUS, target: IRN, kind: cooperation, weight: \(written)}\n"))
        #expect((e.location.line, e.location.column) == (7, 59))
        #expect(e.message == "relation 1: weight \(shown) is not a finite number ≥ 0")
    }

    @Test func weightOfWrongType() throws {
        let e = try onlyError(relation("  - {source: RUS, target: IRN, kind: cooperation, weight: strong}\n"))
        #expect(e.message == "relation 1: 'weight' must be a number, found the text \"strong\"")
    }

    @Test(arguments: ["2015-13", "2023-02-29", "'2015/01'", "next year", "2025-06-31"])
    func badDate(_ written: String) throws {
        let e = try onlyError(relation("  - {source: RUS, target: IRN, kind: cooperation, since: \(written)}\n"))
        #expect(e.location.line == 7)
        #expect(e.location.column == 58)
        #expect(e.message.contains("is not a valid date"))
        #expect(e.message.contains(written.replacingOccurrences(of: "'", with: "")))
    }

    @Test func reversedDates() throws {
        let e = try onlyError(relation("  - source: RUS\n    target: IRN\n    kind: cooperation\n    since: 2025-06\n    until: 2024-12\n"))
        #expect((e.location.line, e.location.column) == (11, 12))
        #expect(e.message == "relation 1: until 2024-12 is not after since 2025-06 (until is an exclusive end)")
    }

    @Test func selfRelation() throws {
        let e = try onlyError(relation("  - {source: RUS, target: RUS, kind: rivalry}\n"))
        #expect((e.location.line, e.location.column) == (7, 27))
        #expect(e.message.contains("self-relation: 'RUS'"))
    }

    @Test(arguments: ["source", "target", "kind"])
    func missingRequiredField(_ field: String) throws {
        let fields = ["source: RUS", "target: IRN", "kind: cooperation"].filter { !$0.hasPrefix(field) }
        let e = try onlyError(relation("  - " + fields.joined(separator: "\n    ") + "\n"))
        #expect((e.location.line, e.location.column) == (7, 5))
        #expect(e.message == "relation 1: missing required field '\(field)'")
    }

    @Test func missingActors() throws {
        let e = try onlyError(Fixtures.load(yaml: "actornet: 1\nrelations: []\n"))
        #expect((e.location.line, e.location.column) == (1, 1))
        #expect(e.message == "missing required field 'actors'")
    }

    @Test func missingActorID() throws {
        let e = try onlyError(Fixtures.load(yaml: "actors:\n  - name: Russia\n"))
        #expect((e.location.line, e.location.column) == (2, 5))
        #expect(e.message == "actor 1: missing required field 'id'")
    }

    @Test func unknownFieldWarnsWithNearestName() throws {
        let result = relation("  - source: RUS\n    target: IRN\n    kind: cooperation\n    wieght: 3\n")
        #expect(result.network != nil)   // a warning does not stop loading
        let w = try #require(result.diagnostics.warnings.first)
        #expect(result.diagnostics.count == 1)
        #expect((w.location.line, w.location.column) == (10, 5))
        #expect(w.message == "relation 1: unknown field 'wieght' is ignored")
        #expect(w.fix?.hasPrefix("did you mean 'weight'?") == true)
    }

    @Test(arguments: ["", "   \n\n", "\u{FEFF}"])
    func emptyFile(_ text: String) throws {
        let e = try onlyError(Fixtures.load(yaml: text))
        #expect((e.location.line, e.location.column) == (1, 1))
        #expect(e.message == "the file is empty")
    }

    @Test func onlyComments() throws {
        let e = try onlyError(Fixtures.load(yaml: "# nothing here yet\n"))
        #expect(e.message.contains("the file is empty"))
    }

    @Test func notUTF8() throws {
        // "Brasília" in Latin-1 on line 3.
        var bytes = Array("actors:\n  - id: BRA\n    name: Bras".utf8)
        bytes += [0xED] + Array("lia\n".utf8)
        let e = try onlyError(NetworkLoader.load(bytes: bytes, file: "latin1.yaml"))
        #expect((e.location.line, e.location.column) == (3, 15))
        #expect(e.message.contains("not valid UTF-8: byte 0xED"))
        #expect(e.fix?.contains("iconv -f LATIN1") == true)
    }

    @Test func utf16File() throws {
        let e = try onlyError(NetworkLoader.load(bytes: [0xFF, 0xFE] + Array("a".utf8) + [0], file: "u16.yaml"))
        #expect(e.message.contains("UTF-16"))
    }

    @Test func duplicateKeysInYAML() throws {
        let e = try onlyError(Fixtures.load(yaml: "actors:\n  - id: RUS\n    id: IRN\n"))
        #expect(e.location.line == 2 || e.location.line == 3)
        #expect(e.message.contains("duplicate key 'id'"))
    }

    @Test func wrongShapes() {
        let result = Fixtures.load(yaml: "actors: RUS\nrelations:\n  source: RUS\n")
        #expect(result.diagnostics.errors.map(\.message) == [
            "'actors' must be a list ('- ' items), found the text \"RUS\"",
            "'relations' must be a list ('- ' items), found a mapping",
        ])
        let top = Fixtures.load(yaml: "- just\n- a list\n")
        #expect(top.diagnostics.errors.first?.message.hasPrefix("the top level of a network file must be a mapping") == true)
    }

    @Test func badEnumerations() {
        let result = Fixtures.load(yaml: Self.header + """
              - {source: RUS, target: IRN, kind: cooperation, channel: rhetoric, direction: sideways}
            kinds:
              strike: {sign: hostile, direction: directed}
            """)
        #expect(result.diagnostics.errors.map(\.message) == [
            "relation 1: channel 'rhetoric' is not valid",
            "relation 1: direction 'sideways' is not valid",
            "kind 'strike': sign 'hostile' is not valid",
        ])
    }

    @Test func unsupportedVersion() throws {
        let e = try onlyError(Fixtures.load(yaml: "actornet: 2\nactors: []\n"))
        #expect(e.message == "unsupported format version the number 2")
    }

    /// A file with many problems reports all of them, in file order, not just the first.
    @Test func reportsEveryProblemInFileOrder() {
        let result = Fixtures.load(yaml: """
            actornet: 1
            actors:
              - id: RUS
              - id: RUS
              - nmae: Israel
            relations:
              - {source: RUS, target: IRQ, kind: cooperaton, weight: -1}
              - {source: RUS, target: RUS, kind: rivalry, since: 2025, until: 2024}
              - {target: RUS, kind: rivalry}
            """)
        let lines = result.diagnostics.map(\.location.line)
        #expect(lines == lines.sorted())
        #expect(result.diagnostics.errors.count == 8)
        #expect(result.diagnostics.warnings.count == 1)
    }
}
