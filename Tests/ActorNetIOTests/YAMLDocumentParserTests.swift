import ActorNetIO
import Testing

@Suite struct YAMLDocumentParserTests {
    func scalarType(_ text: String) throws -> ScalarType {
        let root = try YAMLDocumentParser.parse("v: \(text)\n", file: "t.yaml")
        guard case let .mapping(entries) = root.value, case let .scalar(_, type) = entries[0].value.value else {
            Issue.record("not a scalar")
            return .null
        }
        return type
    }

    @Test func coreSchemaTyping() throws {
        #expect(try scalarType("NO") == .string)          // Norway stays Norway (YAML 1.1 would say false)
        #expect(try scalarType("yes") == .string)
        #expect(try scalarType("true") == .bool(true))
        #expect(try scalarType("False") == .bool(false))
        #expect(try scalarType("~") == .null)
        #expect(try scalarType("") == .null)
        #expect(try scalarType("3") == .number(3))
        #expect(try scalarType("-0.5") == .number(-0.5))
        #expect(try scalarType("1e3") == .number(1000))
        #expect(try scalarType("0x1F") == .number(31))
        #expect(try scalarType("2015-01") == .string)     // dates are read as text, then parsed
        #expect(try scalarType("'3'") == .string)         // quoted is always text
        #expect(try scalarType("\"true\"") == .string)
        #expect(try scalarType("1.2.3") == .string)
        #expect(try scalarType(".") == .string)
    }

    @Test func positionsOfKeysAndValues() throws {
        let root = try YAMLDocumentParser.parse("actors:\n  - id: RUS\n    name: \"Россия\"\n", file: "p.yaml")
        guard case let .mapping(top) = root.value, case let .sequence(items) = top[0].value.value,
              case let .mapping(actor) = items[0].value else {
            Issue.record("unexpected shape")
            return
        }
        #expect((top[0].keyLocation.line, top[0].keyLocation.column) == (1, 1))
        #expect((items[0].location.line, items[0].location.column) == (2, 5))
        #expect((actor[1].keyLocation.line, actor[1].keyLocation.column) == (3, 5))
        #expect((actor[1].value.location.line, actor[1].value.location.column) == (3, 11))
        #expect(actor.map(\.key) == ["id", "name"])
    }

    @Test func aliasesAreExpandedWithinLimits() throws {
        var limits = DocumentLimits()
        limits.maxNodes = 1000
        let bomb = """
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            """
        #expect(throws: DocumentSyntaxError.self) { try YAMLDocumentParser.parse(bomb, file: "bomb.yaml", limits: limits) }
        _ = try YAMLDocumentParser.parse("a: &a [1, 2]\nb: *a\n", file: "ok.yaml", limits: limits)
    }

    @Test func depthLimit() throws {
        var limits = DocumentLimits()
        limits.maxDepth = 10
        let deep = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        do {
            _ = try YAMLDocumentParser.parse(deep, file: "deep.yaml", limits: limits)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("nesting deeper than 10 levels"))
        }
    }
}
