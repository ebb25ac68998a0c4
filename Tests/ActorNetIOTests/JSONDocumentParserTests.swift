import Testing
@testable import ActorNetIO

// MARK: - Helpers

private func parse(_ json: String, limits: DocumentLimits = .default) throws -> DocNode {
    try JSONDocumentParser.parse(Array(json.utf8), file: "test.json", limits: limits)
}

private func parseBytes(_ bytes: [UInt8], limits: DocumentLimits = .default) throws -> DocNode {
    try JSONDocumentParser.parse(bytes, file: "test.json", limits: limits)
}

/// The error parsing `bytes` throws, or nil if it parses.
private func syntaxError(_ bytes: [UInt8], limits: DocumentLimits = .default) -> DocumentSyntaxError? {
    do {
        _ = try JSONDocumentParser.parse(bytes, file: "test.json", limits: limits)
        return nil
    } catch {
        return error
    }
}

/// Asserts that `json` fails at exactly `line`:`column` with a message containing `message`
/// (or equal to it when `exact`), and that a fix is offered. Returns the error for more checks.
@discardableResult
private func expectError(
    _ json: String,
    line: Int,
    column: Int,
    _ message: String,
    exact: Bool = false,
    limits: DocumentLimits = .default,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> DocumentSyntaxError? {
    expectError(bytes: Array(json.utf8), line: line, column: column, message, exact: exact, limits: limits,
                sourceLocation: sourceLocation)
}

@discardableResult
private func expectError(
    bytes: [UInt8],
    line: Int,
    column: Int,
    _ message: String,
    exact: Bool = false,
    limits: DocumentLimits = .default,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> DocumentSyntaxError? {
    guard let error = syntaxError(bytes, limits: limits) else {
        Issue.record("expected a syntax error containing \"\(message)\", but the document parsed",
                     sourceLocation: sourceLocation)
        return nil
    }
    #expect(error.location.file == "test.json", sourceLocation: sourceLocation)
    #expect(error.location.line == line && error.location.column == column,
            "location is \(error.location.line):\(error.location.column) for: \(error.message)",
            sourceLocation: sourceLocation)
    if exact {
        #expect(error.message == message, sourceLocation: sourceLocation)
    } else {
        #expect(error.message.contains(message), "message was: \(error.message)", sourceLocation: sourceLocation)
    }
    #expect(error.fix?.isEmpty == false, "no fix for: \(error.message)", sourceLocation: sourceLocation)
    return error
}

/// One document the parser must refuse, for the parameterised tests: where (line, column), what
/// the message contains (or is, when `exact`), and, when `fix` is given, text the fix contains.
struct JSONErrorCase: Sendable, CustomTestStringConvertible {
    var bytes: [UInt8]
    var line: Int
    var column: Int
    var message: String
    var exact: Bool
    var fix: String?
    var testDescription: String

    init(_ json: String, _ line: Int, _ column: Int, _ message: String, exact: Bool = false, fix: String? = nil) {
        self.init(bytes: Array(json.utf8), line, column, message, exact: exact, fix: fix)
        let shown = String(reflecting: json)
        testDescription = shown.count > 48 ? String(shown.prefix(47)) + "…" : shown
    }

    init(bytes: [UInt8], _ line: Int, _ column: Int, _ message: String, exact: Bool = false, fix: String? = nil) {
        (self.bytes, self.line, self.column, self.message, self.exact, self.fix) = (bytes, line, column, message, exact, fix)
        testDescription = "bytes " + bytes.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
    }

    func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let error = expectError(bytes: bytes, line: line, column: column, message, exact: exact, sourceLocation: sourceLocation)
        if let fix { #expect(error?.fix?.contains(fix) == true, "fix was: \(error?.fix ?? "none")", sourceLocation: sourceLocation) }
    }
}

private func loc(_ line: Int, _ column: Int) -> ActorNetIO.SourceLocation {
    ActorNetIO.SourceLocation(file: "test.json", line: line, column: column)
}

private func entries(_ node: DocNode, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [DocEntry] {
    guard case let .mapping(entries) = node.value else {
        Issue.record("expected a mapping, got \(node.shapeDescription)", sourceLocation: sourceLocation)
        return []
    }
    return entries
}

private func elements(_ node: DocNode, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [DocNode] {
    guard case let .sequence(elements) = node.value else {
        Issue.record("expected a sequence, got \(node.shapeDescription)", sourceLocation: sourceLocation)
        return []
    }
    return elements
}

private func string(_ node: DocNode) -> String? {
    guard case let .scalar(raw, .string) = node.value else { return nil }
    return raw
}

private func number(_ node: DocNode) -> (raw: String, value: Double)? {
    guard case let .scalar(raw, .number(value)) = node.value else { return nil }
    return (raw, value)
}

// MARK: - Values

@Suite struct JSONDocumentParserTests {
    @Test func topLevelScalars() throws {
        let s = try parse("\"hello\"")
        #expect(string(s) == "hello")
        #expect(s.location == loc(1, 1))

        let n = try parse("  42 ")
        #expect(number(n)?.raw == "42")
        #expect(number(n)?.value == 42)
        #expect(n.location == loc(1, 3))

        let t = try parse("true")
        guard case let .scalar(rawT, .bool(true)) = t.value else { Issue.record("true"); return }
        #expect(rawT == "true")

        let f = try parse("\nfalse")
        guard case let .scalar(rawF, .bool(false)) = f.value else { Issue.record("false"); return }
        #expect(rawF == "false")
        #expect(f.location == loc(2, 1))

        let z = try parse("null")
        guard case let .scalar(rawN, .null) = z.value else { Issue.record("null"); return }
        #expect(rawN == "null")
    }

    @Test func emptyContainers() throws {
        #expect(elements(try parse("[]")).isEmpty)
        #expect(entries(try parse("{}")).isEmpty)
        #expect(entries(try parse("{ \n }")).isEmpty)
        let nested = try parse("[[], {}, [ ]]")
        let items = elements(nested)
        #expect(items.count == 3)
        #expect(items[0].location == loc(1, 2))
        #expect(items[1].location == loc(1, 6))
        #expect(items[2].location == loc(1, 10))
        #expect(entries(items[1]).isEmpty)
    }

    @Test func nestedPositionsAndOrder() throws {
        let json = """
        {
          "name": "graph",
          "relations": [
            {"source": "a", "target": "b", "weight": 2.5},
            {"source": "b", "target": "c", "weight": null, "directed": false}
          ],
          "count": 2
        }
        """
        let root = try parse(json)
        #expect(root.location == loc(1, 1))
        let top = entries(root)
        #expect(top.map(\.key) == ["name", "relations", "count"])
        #expect(top[0].keyLocation == loc(2, 3))
        #expect(top[0].value.location == loc(2, 11))
        #expect(string(top[0].value) == "graph")
        #expect(top[1].keyLocation == loc(3, 3))
        #expect(top[1].value.location == loc(3, 16))
        #expect(top[2].keyLocation == loc(7, 3))
        #expect(top[2].value.location == loc(7, 12))

        let relations = elements(top[1].value)
        #expect(relations.count == 2)
        #expect(relations[0].location == loc(4, 5))
        #expect(relations[1].location == loc(5, 5))
        let first = entries(relations[0])
        #expect(first.map(\.key) == ["source", "target", "weight"])
        #expect(first[0].keyLocation == loc(4, 6))
        #expect(first[0].value.location == loc(4, 16))
        #expect(first[1].keyLocation == loc(4, 21))
        #expect(first[2].keyLocation == loc(4, 36))
        #expect(first[2].value.location == loc(4, 46))
        #expect(number(first[2].value)?.value == 2.5)
        let second = entries(relations[1])
        #expect(second.map(\.key) == ["source", "target", "weight", "directed"])
        guard case .scalar("null", .null) = second[2].value.value else { Issue.record("null"); return }
        guard case .scalar("false", .bool(false)) = second[3].value.value else { Issue.record("false"); return }
        #expect(second[3].value.location == loc(5, 64))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        // "é" is 2 bytes, "日本" 6 bytes, "😀" 4 bytes: each counts as one column per scalar.
        let json = "{\"é\": \"日本\", \"k\": 1, \"😀\": [true, \"x\"]}"
        let top = entries(try parse(json))
        #expect(top.map(\.key) == ["é", "k", "😀"])
        #expect(top[0].keyLocation == loc(1, 2))
        #expect(top[0].value.location == loc(1, 7))
        #expect(string(top[0].value) == "日本")
        #expect(top[1].keyLocation == loc(1, 13))
        #expect(top[1].value.location == loc(1, 18))
        #expect(top[2].keyLocation == loc(1, 21))
        #expect(top[2].value.location == loc(1, 26))
        let items = elements(top[2].value)
        #expect(items[0].location == loc(1, 27))
        #expect(items[1].location == loc(1, 33))

        // An error after multi-byte characters is reported in scalar columns too.
        expectError("[\"日本\" 1]", line: 1, column: 7, "expected ',' or ']' after an array element, found '1'")
    }

    @Test func crlfIsOneLineBreak() throws {
        let json = "{\r\n  \"a\": 1,\r\n\r\n  \"b\": [\r\n    2\r\n  ]\r\n}\r\n"
        let top = entries(try parse(json))
        #expect(top[0].keyLocation == loc(2, 3))
        #expect(top[0].value.location == loc(2, 8))
        #expect(top[1].keyLocation == loc(4, 3))
        #expect(top[1].value.location == loc(4, 8))
        #expect(elements(top[1].value)[0].location == loc(5, 5))

        expectError("{\r\n  \"a\": 1\r\n  \"b\": 2\r\n}", line: 3, column: 3,
                    "expected ',' or '}' after an object member, found '\"'", exact: true)
        // A lone CR also ends a line.
        let cr = entries(try parse("{\r\"a\": 1}"))
        #expect(cr[0].keyLocation == loc(2, 1))
    }

    @Test func everyEscape() throws {
        let json = #"["\"", "\\", "\/", "\b", "\f", "\n", "\r", "\t", "\u0041", "\u00e9\u00C9", "\u4e2D", "a\u0000b", "x\ty\"z\\"]"#
        let items = elements(try parse(json)).map { string($0) }
        #expect(items == ["\"", "\\", "/", "\u{08}", "\u{0C}", "\n", "\r", "\t", "A", "éÉ", "中", "a\u{0}b", "x\ty\"z\\"])
    }

    @Test func escapesMixedWithMultibyteText() throws {
        let node = try parse(#""日本\n語 \u00e9 😀""#)
        #expect(string(node) == "日本\n語 é 😀")
    }

    @Test(arguments: [
        (#""\ud83d\ude00""#, "😀"),
        (#""\uD83D\uDE00!""#, "😀!"),
        (#""a\uD834\uDD1Eb""#, "a𝄞b"),
        (#""\uDBFF\uDFFF""#, "\u{10FFFF}"),
    ])
    func surrogatePairs(_ json: String, _ expected: String) throws {
        #expect(string(try parse(json)) == expected)
    }

    @Test(arguments: [
        JSONErrorCase(#"["ab\ud83d"]"#, 1, 5, "lone surrogate \\uD83D"),
        JSONErrorCase(#"["\ud83dx"]"#, 1, 3, "lone surrogate \\uD83D"),
        JSONErrorCase(#"["\ud83d\u0041"]"#, 1, 3, "lone surrogate \\uD83D"),
        JSONErrorCase(#"["\ud83d\ud83d"]"#, 1, 3, "lone surrogate \\uD83D"),
        JSONErrorCase(#"["\ude00"]"#, 1, 3, "lone surrogate \\uDE00"),
    ])
    func loneSurrogatesAreErrors(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase(#"["a\x"]"#, 1, 4, "invalid escape sequence in a string: '\\' followed by 'x'"),
        JSONErrorCase(#"["\'"]"#, 1, 3, "invalid escape"),
        JSONErrorCase(#"["\u12G4"]"#, 1, 7, "expected 4 hex digits after \\u, found 'G'"),
        JSONErrorCase(#"["\u12"]"#, 1, 7, "expected 4 hex digits after \\u, found '\"'"),
        JSONErrorCase(#""\u12"#, 1, 6, "unexpected end of file"),
        JSONErrorCase(#""abc\"#, 1, 6, "unexpected end of file"),
    ])
    func invalidEscapes(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("{\"a\": \"x\ty\"}", 1, 9, "control character U+0009 (tab) is not allowed inside a string", fix: "\\t"),
        JSONErrorCase("[\"abc\n\"]", 1, 6, "control character U+000A"),
        JSONErrorCase(bytes: [0x22, 0x61, 0x01, 0x22], 1, 3, "control character U+0001 is not allowed"),
        JSONErrorCase(bytes: [0x22, 0x1F, 0x22], 1, 2, "U+001F"),
        JSONErrorCase(bytes: [0x22, 0x00, 0x22], 1, 2, "U+0000"),
        // With an escape earlier in the string (the slower path), too.
        JSONErrorCase("[\"\\n\t\"]", 1, 5, "U+0009"),
    ])
    func controlCharactersInStrings(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        // A lone continuation byte, a truncated sequence, an overlong encoding, an encoded surrogate.
        JSONErrorCase(bytes: [0x22, 0x61, 0x80, 0x22], 1, 3, "invalid UTF-8"),
        JSONErrorCase(bytes: [0x22, 0xE6, 0x97, 0x22], 1, 2, "invalid UTF-8"),
        JSONErrorCase(bytes: [0x22, 0xC0, 0xAF, 0x22], 1, 2, "invalid UTF-8"),
        JSONErrorCase(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2, "invalid UTF-8"),
        JSONErrorCase(bytes: [0x22, 0x5C, 0x6E, 0xFF, 0x22], 1, 4, "invalid UTF-8"),
        // Outside a string the byte is reported as found.
        JSONErrorCase(bytes: [0x5B, 0xFF, 0x5D], 1, 2, "found the byte 0xFF (not valid UTF-8)"),
    ])
    func invalidUTF8IsAnError(_ error: JSONErrorCase) {
        error.check()
    }

    // MARK: Numbers

    @Test func numbers() throws {
        let json = "[0, -0, 1e308, 0.1, -12.5e-3, 1E+2, 1e-2, 0e0, 123456789, -9007199254740993, 12345678901234567890, 1.7976931348623157e308, 5e-324, 1e-400, 3.141592653589793238462643]"
        let items = elements(try parse(json)).map { number($0) }
        let raws = items.map { $0?.raw }
        #expect(raws == ["0", "-0", "1e308", "0.1", "-12.5e-3", "1E+2", "1e-2", "0e0", "123456789",
                         "-9007199254740993", "12345678901234567890", "1.7976931348623157e308", "5e-324",
                         "1e-400", "3.141592653589793238462643"])
        let values = items.map { $0?.value }
        #expect(values[0] == 0 && values[0]?.sign == .plus)
        #expect(values[1] == 0 && values[1]?.sign == .minus)
        #expect(values[2] == 1e308)
        #expect(values[3] == 0.1)
        #expect(values[4] == -12.5e-3)
        #expect(values[5] == 100)
        #expect(values[6] == 0.01)
        #expect(values[7] == 0)
        #expect(values[8] == 123456789)
        #expect(values[9] == -9007199254740992) // rounds to nearest even
        #expect(values[10] == 12345678901234567168)
        #expect(values[11] == .greatestFiniteMagnitude)
        #expect(values[12] == .leastNonzeroMagnitude)
        #expect(values[13] == 0)
        #expect(values[14] == .pi)
    }

    @Test(arguments: ["0.3", "2.675", "1.1", "123.456e-7", "-0.000001", "4.35", "9007199254740991",
                      "999999999999999", "0.1e23", "1e22", "1e23", "123456789012345e-22", "7.0e-10",
                      "2.2250738585072014e-308", "0.000000000000000000000000001", "100000000000000000000000",
                      "1.00000000000000011102230246251565404236316680908203125"])
    func numberConversionMatchesStandardLibrary(_ text: String) throws {
        let node = try parse(text)
        #expect(number(node)?.value == Double(text), "\(text)")
        #expect(number(node)?.raw == text)
    }

    @Test(arguments: [
        JSONErrorCase("[1, 1e309]", 1, 5, "number out of range"),
        JSONErrorCase("{\"x\":\n  -1e309}", 2, 3, "number out of range"),
        JSONErrorCase("1" + String(repeating: "0", count: 400), 1, 1, "number out of range"),
        JSONErrorCase("1e99999999999999999999", 1, 1, "number out of range"),
    ])
    func numberOutOfRange(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("[01]", 1, 2, "leading zeros"),
        JSONErrorCase("[-012]", 1, 3, "leading zeros"),
        JSONErrorCase("[00]", 1, 2, "leading zeros"),
        JSONErrorCase("[+1]", 1, 2, "must not start with '+'"),
        JSONErrorCase("[.5]", 1, 2, "must start with a digit, found '.'"),
        JSONErrorCase("[1.]", 1, 4, "expected a digit after the decimal point, found ']'"),
        JSONErrorCase("1.", 1, 3, "expected a digit after the decimal point, found the end of the file"),
        JSONErrorCase("[1.e5]", 1, 4, "expected a digit after the decimal point, found 'e'"),
        JSONErrorCase("[1e]", 1, 4, "expected a digit in the exponent, found ']'"),
        JSONErrorCase("[1e+]", 1, 5, "expected a digit in the exponent"),
        JSONErrorCase("[-]", 1, 3, "expected a digit after '-', found ']'"),
        JSONErrorCase("[- 1]", 1, 3, "expected a digit after '-'"),
        JSONErrorCase("[NaN]", 1, 2, "NaN is not allowed in JSON"),
        JSONErrorCase("[Infinity]", 1, 2, "Infinity is not allowed in JSON"),
        JSONErrorCase("[-Infinity]", 1, 2, "-Infinity is not allowed in JSON"),
        JSONErrorCase("[0x1F]", 1, 3, "unexpected 'x' after the number 0"),
        JSONErrorCase("[1.5.3]", 1, 5, "unexpected '.' after the number 1.5"),
        JSONErrorCase("[12abc]", 1, 4, "unexpected 'a' after the number 12"),
        JSONErrorCase("[1-2]", 1, 3, "unexpected '-' after the number 1"),
    ])
    func invalidNumbers(_ error: JSONErrorCase) {
        error.check()
    }

    // MARK: Literals and bare words

    @Test(arguments: [
        JSONErrorCase("[True]", 1, 2, "expected a value, found 'True'", fix: "true"),
        JSONErrorCase("[NULL]", 1, 2, "found 'NULL'"),
        JSONErrorCase("[nul]", 1, 2, "expected a value, found 'nul'"),
        JSONErrorCase("[truex]", 1, 2, "found 'truex'"),
        JSONErrorCase("{\"a\": None}", 1, 7, "found 'None'"),
        JSONErrorCase("{\"a\": hello}", 1, 7, "expected a value, found 'hello'", fix: "\"hello\""),
    ])
    func badLiterals(_ error: JSONErrorCase) {
        error.check()
    }

    // MARK: Syntax errors

    @Test func missingCommaInObject() {
        let json = """
        {
          "a": 1
          "weight": 2
        }
        """
        expectError(json, line: 3, column: 3, "expected ',' or '}' after an object member, found '\"'", exact: true)
    }

    @Test(arguments: [
        JSONErrorCase("[1 2]", 1, 4, "expected ',' or ']' after an array element, found '2'", exact: true),
        JSONErrorCase("[\"a\" \"b\"]", 1, 6, "expected ',' or ']' after an array element, found '\"'", exact: true),
    ])
    func missingCommaInArray(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("{\"a\": [1, 2}", 1, 12, "expected ',' or ']' after an array element, found '}'", exact: true,
                      fix: "line 1, column 7"),
        JSONErrorCase("[{\"a\": 1]", 1, 9, "expected ',' or '}' after an object member, found ']'", exact: true),
    ])
    func mismatchedBrackets(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("[\n  {\n    \"a\": 1\n", 4, 1, "unexpected end of file: the object opened at line 2, column 3 is not closed",
                      exact: true),
        JSONErrorCase("[1, [2", 1, 7, "unexpected end of file: the array opened at line 1, column 5 is not closed", exact: true),
        JSONErrorCase("[", 1, 2, "unexpected end of file: the array opened at line 1, column 1 is not closed", exact: true),
        JSONErrorCase("{", 1, 2, "unexpected end of file: the object opened at line 1, column 1 is not closed", exact: true),
        JSONErrorCase("{\"a\"", 1, 5, "the object opened at line 1, column 1 is not closed"),
        JSONErrorCase("{\"a\":", 1, 6, "the object opened at line 1, column 1 is not closed"),
        JSONErrorCase("{\"a\": 1,", 1, 9, "the object opened at line 1, column 1 is not closed"),
        JSONErrorCase("[1,\n", 2, 1, "the array opened at line 1, column 1 is not closed"),
    ])
    func unclosedContainersAtEndOfFile(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("[\"abc", 1, 6, "unexpected end of file: the string started at line 1, column 2 is not closed", exact: true),
        // A missing quote usually shows up as a raw line break inside the string.
        JSONErrorCase("{\"a\": \"abc\n}", 1, 11, "control character U+000A (line feed)", fix: "'\"'"),
    ])
    func unterminatedString(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("{\"a\": 1,}", 1, 8, "trailing comma before '}'", exact: true),
        JSONErrorCase("{\n  \"a\": 1,\n}", 2, 9, "trailing comma before '}'", exact: true),
        JSONErrorCase("[1, 2, ]", 1, 6, "trailing comma before ']'", exact: true),
        JSONErrorCase("[1,\n]", 1, 3, "trailing comma before ']'", exact: true),
    ])
    func trailingCommas(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("// header\n{}", 1, 1, "comments are not allowed in JSON", exact: true),
        JSONErrorCase("{\n  \"a\": 1 // one\n}", 2, 10, "comments are not allowed in JSON", exact: true),
        JSONErrorCase("{\n  /* c */ \"a\": 1\n}", 2, 3, "comments are not allowed in JSON", exact: true),
        JSONErrorCase("[1, /* c */ 2]", 1, 5, "comments are not allowed in JSON", exact: true),
        JSONErrorCase("{\"a\" /* c */: 1}", 1, 6, "comments are not allowed in JSON", exact: true),
        JSONErrorCase("# yaml comment\n[]", 1, 1, "comments are not allowed in JSON", exact: true),
        JSONErrorCase("[]\n// trailing", 2, 1, "comments are not allowed in JSON", exact: true),
    ])
    func comments(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("['a']", 1, 2, "single-quoted strings are not allowed in JSON", exact: true),
        JSONErrorCase("{'a': 1}", 1, 2, "single-quoted strings are not allowed in JSON", exact: true),
        JSONErrorCase("{\"a\": 1, 'b': 2}", 1, 10, "single-quoted strings are not allowed in JSON", exact: true),
    ])
    func singleQuotedStrings(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("{} {}", 1, 4, "unexpected text after the JSON document"),
        JSONErrorCase("[1]\n]", 2, 1, "unexpected text after the JSON document, found ']'", exact: true),
        JSONErrorCase("1 2", 1, 3, "unexpected text after the JSON document"),
        JSONErrorCase("\"a\" x", 1, 5, "unexpected text after the JSON document"),
    ])
    func textAfterTheDocument(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("", 1, 1, "the file is empty"),
        JSONErrorCase("   \n\t\r\n  ", 1, 1, "the file is empty"),
    ])
    func emptyInput(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("{name: 1}", 1, 2, "expected a key in double quotes or '}', found 'name'", fix: "\"name\""),
        JSONErrorCase("{\"a\": 1, 2: 3}", 1, 10, "expected a key in double quotes after ',', found '2'"),
        JSONErrorCase("{,}", 1, 2, "found ','"),
        JSONErrorCase("{\"a\" 1}", 1, 6, "expected ':' after the object key \"a\", found '1'", exact: true),
        JSONErrorCase("{\"a\"= 1}", 1, 5, "expected ':' after the object key \"a\", found '='", exact: true),
    ])
    func keyErrors(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("{\"a\": }", 1, 7, "expected a value after ':' in the object, found '}'"),
        JSONErrorCase("{\"a\": ,}", 1, 7, "expected a value after ':' in the object, found ','"),
        JSONErrorCase("[1, , 2]", 1, 5, "expected a value in the array, found ','"),
        JSONErrorCase("[,]", 1, 2, "expected a value in the array, found ','"),
        JSONErrorCase("}", 1, 1, "expected a value"),
    ])
    func missingValues(_ error: JSONErrorCase) {
        error.check()
    }

    @Test(arguments: [
        JSONErrorCase("[1 é]", 1, 4, "found 'é'"),
        JSONErrorCase("[1 😀]", 1, 4, "found '😀'"),
        // Non-printing characters are shown as code points.
        JSONErrorCase("[1\u{00A0}]", 1, 3, "found U+00A0"),
        JSONErrorCase("[1,\u{000C}2]", 1, 4, "found U+000C"),
        JSONErrorCase("[1\u{200B}]", 1, 3, "found U+200B"),
        JSONErrorCase("[1\u{7F}]", 1, 3, "found U+007F"),
    ])
    func foundCharactersAreShownReadably(_ error: JSONErrorCase) {
        error.check()
    }

    @Test func byteOrderMarkIsTolerated() throws {
        let node = try parseBytes([0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
        #expect(elements(node).count == 1)
        #expect(node.location == loc(1, 1))
    }

    // MARK: Duplicate keys

    @Test func duplicateKeys() {
        let json = """
        {
          "source": "a",
          "weight": 1,
          "target": "b",
          "weight": 2
        }
        """
        let e = expectError(json, line: 5, column: 3,
                            "duplicate key \"weight\" in this object (first at line 3, column 3)", exact: true)
        #expect(e?.fix == "remove one of them or rename it")
    }

    @Test func duplicateKeysAfterUnescaping() {
        expectError(#"{"a": 1, "\u0061": 2}"#, line: 1, column: 10,
                    "duplicate key \"a\" in this object (first at line 1, column 2)", exact: true)
    }

    @Test func sameKeyInDifferentObjectsIsFine() throws {
        let root = try parse(#"{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}]}"#)
        #expect(entries(root).count == 2)
    }

    @Test func duplicateKeysInLargeObject() throws {
        // Large objects use a hash table instead of a linear scan; check both paths agree.
        var members = (0..<500).map { "\"k\($0)\": \($0)" }
        let ok = try parse("{" + members.joined(separator: ",\n") + "}")
        #expect(entries(ok).count == 500)
        #expect(entries(ok)[499].keyLocation == loc(500, 1))

        members.append("\"k7\": 0")
        expectError("{" + members.joined(separator: ",\n") + "}", line: 501, column: 1,
                    "duplicate key \"k7\" in this object (first at line 8, column 1)", exact: true)
        members.removeLast()
        members.append("\"k499\": 0")
        expectError("{" + members.joined(separator: ",\n") + "}", line: 501, column: 1,
                    "duplicate key \"k499\" in this object (first at line 500, column 1)", exact: true)
    }

    // MARK: Limits

    @Test func depthLimit() throws {
        var limits = DocumentLimits()
        limits.maxDepth = 3
        _ = try parse("[[[1]]]", limits: limits)
        _ = try parse("{\"a\": [{\"b\": 1}]}", limits: limits)
        expectError("[[[[1]]]]", line: 1, column: 4, "nesting deeper than 3 levels", exact: true, limits: limits)
        expectError("{\"a\": [{\"b\": {}}]}", line: 1, column: 14, "nesting deeper than 3 levels", exact: true, limits: limits)
        // Scalars do not count as a level.
        _ = try parse("[[[\"x\"]]]", limits: limits)
    }

    @Test func defaultDepthLimit() throws {
        let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        _ = try parse(ok)
        let tooDeep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        expectError(tooDeep, line: 1, column: 257, "nesting deeper than 256 levels", exact: true)
    }

    @Test func hostileNestingDoesNotCrash() {
        let json = String(repeating: "[", count: 200_000)
        expectError(json, line: 1, column: 257, "nesting deeper than 256 levels")
        var limits = DocumentLimits()
        limits.maxDepth = 2_000_000
        // Even with a huge depth limit the parser does not recurse, so this only reports the EOF.
        expectError(json, line: 1, column: 200_001, "unexpected end of file", limits: limits)
    }

    @Test func nodeLimit() throws {
        var limits = DocumentLimits()
        limits.maxNodes = 3
        _ = try parse("[1, 2]", limits: limits)
        expectError("[1, 2, 3]", line: 1, column: 8, "more than 3 values", limits: limits)
        expectError("{\"a\": {\"b\": {}}, \"c\": 1}", line: 1, column: 23, "more than 3 values", limits: limits)
    }

    // MARK: Size

    @Test func largeArray() throws {
        var json = "["
        json.reserveCapacity(1_000_000)
        for i in 0..<100_000 {
            if i > 0 { json += i % 10 == 0 ? ",\n" : ", " }
            json += "\(i)"
        }
        json += "]"
        let items = elements(try parse(json))
        #expect(items.count == 100_000)
        #expect(number(items[99_999])?.value == 99_999)
        #expect(items[99_999].location == loc(10_000, 64))
    }

    @Test func largeArrayOfObjects() throws {
        var json = "{\"relations\": [\n"
        for i in 0..<20_000 {
            json += "  {\"source\": \"actor \(i)\", \"target\": \"acteur ☃ \(i + 1)\", \"weight\": \(Double(i) / 4)}"
            json += i == 19_999 ? "\n" : ",\n"
        }
        json += "]}"
        let relations = elements(entries(try parse(json))[0].value)
        #expect(relations.count == 20_000)
        let last = entries(relations[19_999])
        #expect(string(last[1].value) == "acteur ☃ 20000")
        #expect(last[2].keyLocation == loc(20_001, 57))
        #expect(number(last[2].value)?.value == 19_999.0 / 4)
    }
}
