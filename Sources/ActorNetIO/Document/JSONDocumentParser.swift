/// A hand-written JSON (RFC 8259) parser that produces the position-carrying `DocNode` tree.
///
/// The parser works directly on the UTF-8 byte buffer, keeps an explicit stack instead of
/// recursing (so nesting never grows the call stack, whatever `limits.maxDepth` says), and
/// computes columns incrementally, so a minified file with one very long line stays linear.
public enum JSONDocumentParser {
    /// Parses one JSON document (RFC 8259) into a DocNode tree.
    public static func parse(
        _ bytes: [UInt8],
        file: String,
        limits: DocumentLimits = .default
    ) throws(DocumentSyntaxError) -> DocNode {
        try bytes.withUnsafeBufferPointer { (buffer) throws(DocumentSyntaxError) -> DocNode in
            var parser = JSONParserState(buffer: buffer, file: file, limits: limits)
            return try parser.parseDocument()
        }
    }
}

// MARK: - Byte constants

private enum B {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22 // "
    static let hash: UInt8 = 0x23 // #
    static let apostrophe: UInt8 = 0x27 // '
    static let plus: UInt8 = 0x2B // +
    static let comma: UInt8 = 0x2C // ,
    static let minus: UInt8 = 0x2D // -
    static let dot: UInt8 = 0x2E // .
    static let slash: UInt8 = 0x2F // /
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A // :
    static let leftBracket: UInt8 = 0x5B // [
    static let backslash: UInt8 = 0x5C // \
    static let rightBracket: UInt8 = 0x5D // ]
    static let underscore: UInt8 = 0x5F // _
    static let leftBrace: UInt8 = 0x7B // {
    static let rightBrace: UInt8 = 0x7D // }
    static let star: UInt8 = 0x2A // *
    static let upperE: UInt8 = 0x45 // E
    static let lowerE: UInt8 = 0x65 // e
}

@inline(__always)
private func isDigit(_ b: UInt8) -> Bool { b &- B.zero < 10 }

@inline(__always)
private func isWordByte(_ b: UInt8) -> Bool {
    (b | 0x20) &- 0x61 < 26 || isDigit(b) || b == B.underscore
}

/// Powers of ten that are exact as Doubles (10^0 ... 10^22), for the fast number path.
private let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

// MARK: - Parser state

/// One open array or object on the explicit parse stack.
private struct JSONFrame {
    var isObject: Bool
    /// Where the opening bracket is.
    var start: SourceLocation
    var elements: [DocNode] = []
    var entries: [DocEntry] = []
    /// Built only once an object grows large; small objects are checked by a linear scan.
    var keyIndex: [String: SourceLocation]? = nil
    var pendingKey: String = ""
    var pendingKeyLocation: SourceLocation

    init(isObject: Bool, start: SourceLocation) {
        self.isObject = isObject
        self.start = start
        self.pendingKeyLocation = start
    }

    var kindName: String { isObject ? "object" : "array" }
    var closer: String { isObject ? "'}'" : "']'" }
}

private struct JSONParserState {
    let buf: UnsafeBufferPointer<UInt8>
    let end: Int
    let file: String
    let limits: DocumentLimits

    var pos: Int = 0
    var line: Int = 1
    var lineStart: Int = 0
    /// Column cache: `columnIndex` is a byte offset on the current line whose column is
    /// `columnValue`. Locations are asked for in increasing order, so counting on from the
    /// cache keeps column computation linear overall.
    var columnIndex: Int = 0
    var columnValue: Int = 1

    var nodeCount: Int = 0
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    /// Objects with fewer entries than this are checked for duplicate keys by linear scan.
    static let linearKeyScanLimit = 12

    init(buffer: UnsafeBufferPointer<UInt8>, file: String, limits: DocumentLimits) {
        self.buf = buffer
        self.end = buffer.count
        self.file = file
        self.limits = limits
    }

    // MARK: Locations

    mutating func location(at index: Int) -> SourceLocation {
        if index < columnIndex {
            columnIndex = lineStart
            columnValue = 1
        }
        var column = columnValue
        var j = columnIndex
        while j < index {
            if buf[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        columnIndex = index
        columnValue = column
        return SourceLocation(file: file, line: line, column: column)
    }

    /// A remembered position that stays meaningful after whitespace moves to later lines.
    struct Mark {
        var index: Int
        var line: Int
        var lineStart: Int
    }

    @inline(__always)
    func mark() -> Mark { Mark(index: pos, line: line, lineStart: lineStart) }

    func location(of mark: Mark) -> SourceLocation {
        var column = 1
        var j = mark.lineStart
        while j < mark.index {
            if buf[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return SourceLocation(file: file, line: mark.line, column: column)
    }

    mutating func error(_ message: String, at index: Int, fix: String?) -> DocumentSyntaxError {
        DocumentSyntaxError(location: location(at: index), message: message, fix: fix)
    }

    @inline(__always)
    mutating func newLine(startingAt index: Int) {
        line += 1
        lineStart = index
        columnIndex = index
        columnValue = 1
    }

    // MARK: Whitespace

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < end {
            let b = buf[pos]
            if b == B.space || b == B.tab {
                pos += 1
            } else if b == B.lf {
                pos += 1
                newLine(startingAt: pos)
            } else if b == B.cr {
                pos += 1
                if pos < end && buf[pos] == B.lf { pos += 1 }
                newLine(startingAt: pos)
            } else {
                return
            }
        }
    }

    // MARK: Document

    mutating func parseDocument() throws(DocumentSyntaxError) -> DocNode {
        // The caller strips a byte order mark, but tolerate one anyway.
        if end >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF {
            pos = 3
            lineStart = 3
            columnIndex = 3
        }
        skipWhitespace()
        if pos >= end {
            throw DocumentSyntaxError(
                location: SourceLocation(file: file, line: 1, column: 1),
                message: "the file is empty: expected a JSON value",
                fix: "write a JSON value, for example {} for an empty object"
            )
        }

        var stack: [JSONFrame] = []
        var result: DocNode

        parseValue: while true {
            // Here `pos` is at the first byte of a value (whitespace already skipped).
            var node: DocNode
            if pos >= end {
                throw unexpectedEnd(in: stack.last)
            }
            let start = pos
            let b = buf[pos]
            switch b {
            case B.leftBrace, B.leftBracket:
                let isObject = b == B.leftBrace
                let loc = location(at: start)
                if stack.count >= limits.maxDepth {
                    throw DocumentSyntaxError(
                        location: loc,
                        message: "nesting deeper than \(limits.maxDepth) levels",
                        fix: "flatten the document: at most \(limits.maxDepth) arrays and objects may be nested inside each other"
                    )
                }
                try countNode(at: start)
                pos += 1
                skipWhitespace()
                if pos < end && buf[pos] == (isObject ? B.rightBrace : B.rightBracket) {
                    pos += 1
                    node = DocNode(isObject ? .mapping([]) : .sequence([]), at: loc)
                } else {
                    stack.append(JSONFrame(isObject: isObject, start: loc))
                    if isObject {
                        try parseKeyAndColon(into: &stack[stack.count - 1], afterComma: nil)
                    }
                    continue parseValue
                }
            case B.quote:
                let loc = location(at: start)
                try countNode(at: start)
                let text = try parseString()
                node = DocNode(.scalar(raw: text, type: .string), at: loc)
            case B.minus, B.zero...B.nine:
                let loc = location(at: start)
                try countNode(at: start)
                node = try parseNumber(at: loc)
            default:
                if isWordByte(b) {
                    let loc = location(at: start)
                    try countNode(at: start)
                    node = try parseWord(at: loc)
                } else {
                    throw unexpectedInValuePosition(stack: stack)
                }
            }

            // A value is complete: attach it to its container, closing containers as needed.
            while true {
                if stack.isEmpty {
                    result = node
                    break parseValue
                }
                let top = stack.count - 1
                skipWhitespace()
                if stack[top].isObject {
                    stack[top].entries.append(DocEntry(
                        key: stack[top].pendingKey,
                        keyLocation: stack[top].pendingKeyLocation,
                        value: node
                    ))
                    if pos < end && buf[pos] == B.comma {
                        let comma = mark()
                        pos += 1
                        skipWhitespace()
                        try parseKeyAndColon(into: &stack[top], afterComma: comma)
                        continue parseValue
                    } else if pos < end && buf[pos] == B.rightBrace {
                        pos += 1
                        let frame = stack.removeLast()
                        node = DocNode(.mapping(frame.entries), at: frame.start)
                    } else {
                        throw unexpectedAfterMember(stack: stack, expected: "',' or '}' after an object member")
                    }
                } else {
                    stack[top].elements.append(node)
                    if pos < end && buf[pos] == B.comma {
                        let comma = mark()
                        pos += 1
                        skipWhitespace()
                        if pos < end && buf[pos] == B.rightBracket {
                            throw DocumentSyntaxError(
                                location: location(of: comma),
                                message: "trailing comma before ']'",
                                fix: "remove the comma after the last element of the array"
                            )
                        }
                        continue parseValue
                    } else if pos < end && buf[pos] == B.rightBracket {
                        pos += 1
                        let frame = stack.removeLast()
                        node = DocNode(.sequence(frame.elements), at: frame.start)
                    } else {
                        throw unexpectedAfterMember(stack: stack, expected: "',' or ']' after an array element")
                    }
                }
            }
        }

        skipWhitespace()
        if pos < end {
            if let comment = commentError() { throw comment }
            throw error(
                "unexpected text after the JSON document, found \(describeFound(at: pos))",
                at: pos,
                fix: "a JSON file holds exactly one value: remove the extra text, or put all values in one array or object"
            )
        }
        return result
    }

    @inline(__always)
    mutating func countNode(at index: Int) throws(DocumentSyntaxError) {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            throw error(
                "the document has more than \(limits.maxNodes) values",
                at: index,
                fix: "split the document into smaller files"
            )
        }
    }

    // MARK: Object keys

    /// Parses `"key"` and the following `:` (skipping whitespace after it) at `pos`, which is
    /// just after `{` or `,` with whitespace skipped; stores the key as the frame's pending key.
    mutating func parseKeyAndColon(
        into frame: inout JSONFrame,
        afterComma comma: Mark?
    ) throws(DocumentSyntaxError) {
        if pos >= end {
            throw unexpectedEnd(in: frame)
        }
        let b = buf[pos]
        if b != B.quote {
            if b == B.rightBrace, let comma {
                throw DocumentSyntaxError(
                    location: location(of: comma),
                    message: "trailing comma before '}'",
                    fix: "remove the comma after the last member of the object"
                )
            }
            if let comment = commentError() { throw comment }
            if b == B.apostrophe {
                throw error(
                    "single-quoted strings are not allowed in JSON",
                    at: pos,
                    fix: "write the key in double quotes"
                )
            }
            let expected = comma == nil
                ? "a key in double quotes or '}'"
                : "a key in double quotes after ','"
            let found = describeFound(at: pos, wholeWord: true)
            let fix: String
            if isWordByte(b) {
                let word = wordText(at: pos)
                fix = "object keys must be strings in double quotes: write \"\(word)\""
            } else {
                fix = "object keys must be strings in double quotes, like {\"name\": 1}"
            }
            throw error("expected \(expected), found \(found)", at: pos, fix: fix)
        }

        let keyIndex = pos
        let keyLocation = location(at: keyIndex)
        let key = try parseString()
        try checkDuplicate(key: key, at: keyLocation, in: &frame)
        frame.pendingKey = key
        frame.pendingKeyLocation = keyLocation

        skipWhitespace()
        if pos >= end {
            throw unexpectedEnd(in: frame)
        }
        if buf[pos] != B.colon {
            if let comment = commentError() { throw comment }
            throw error(
                "expected ':' after the object key \"\(key)\", found \(describeFound(at: pos, wholeWord: true))",
                at: pos,
                fix: "separate the key from its value with ':', like \"\(key)\": value"
            )
        }
        pos += 1
        skipWhitespace()
    }

    mutating func checkDuplicate(
        key: String,
        at keyLocation: SourceLocation,
        in frame: inout JSONFrame
    ) throws(DocumentSyntaxError) {
        var first: SourceLocation?
        if frame.keyIndex != nil {
            first = frame.keyIndex![key]
            if first == nil { frame.keyIndex![key] = keyLocation }
        } else if frame.entries.count < Self.linearKeyScanLimit {
            for entry in frame.entries where entry.key == key {
                first = entry.keyLocation
                break
            }
        } else {
            var index: [String: SourceLocation] = [:]
            index.reserveCapacity(frame.entries.count * 2)
            for entry in frame.entries {
                index[entry.key] = index[entry.key] ?? entry.keyLocation
            }
            first = index[key]
            if first == nil { index[key] = keyLocation }
            frame.keyIndex = index
        }
        if let first {
            throw DocumentSyntaxError(
                location: keyLocation,
                message: "duplicate key \"\(key)\" in this object (first at line \(first.line), column \(first.column))",
                fix: "remove one of them or rename it"
            )
        }
    }

    // MARK: Strings

    /// Parses a string starting at the opening quote at `pos`; leaves `pos` after the closing quote.
    mutating func parseString() throws(DocumentSyntaxError) -> String {
        let openIndex = pos
        let contentStart = pos + 1
        var i = contentStart
        // Past this index the string is over `limits.maxScalarBytes` (escapes only shorten it).
        let tooLong = contentStart > end - limits.maxScalarBytes ? end : contentStart + limits.maxScalarBytes
        // Fast path: no escapes, the string is a slice of the buffer.
        while i < end {
            if i > tooLong { throw stringTooLong(openedAt: openIndex) }
            let b = buf[i]
            if b == B.quote {
                let text = String(decoding: UnsafeBufferPointer(rebasing: buf[contentStart..<i]), as: UTF8.self)
                pos = i + 1
                return text
            } else if b == B.backslash {
                break
            } else if b < 0x20 {
                throw controlCharacterError(b, at: i)
            } else if b < 0x80 {
                i += 1
            } else {
                i = try validateUTF8Sequence(at: i)
            }
        }
        if i >= end {
            throw unterminatedString(openedAt: openIndex)
        }

        // Slow path: copy into the scratch buffer, decoding escapes.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[contentStart..<i]))
        while i < end {
            if scratch.count > limits.maxScalarBytes { throw stringTooLong(openedAt: openIndex) }
            let b = buf[i]
            if b == B.quote {
                pos = i + 1
                return String(decoding: scratch, as: UTF8.self)
            } else if b == B.backslash {
                i = try decodeEscape(at: i)
            } else if b < 0x20 {
                throw controlCharacterError(b, at: i)
            } else if b < 0x80 {
                scratch.append(b)
                i += 1
            } else {
                let next = try validateUTF8Sequence(at: i)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<next]))
                i = next
            }
        }
        throw unterminatedString(openedAt: openIndex)
    }

    /// Decodes the escape whose backslash is at `index` into `scratch`; returns the index after it.
    mutating func decodeEscape(at index: Int) throws(DocumentSyntaxError) -> Int {
        let i = index + 1
        if i >= end {
            throw unterminatedString(openedAt: nil, at: i)
        }
        let c = buf[i]
        switch c {
        case B.quote: scratch.append(B.quote)
        case B.backslash: scratch.append(B.backslash)
        case B.slash: scratch.append(B.slash)
        case 0x62: scratch.append(0x08) // \b
        case 0x66: scratch.append(0x0C) // \f
        case 0x6E: scratch.append(B.lf) // \n
        case 0x72: scratch.append(B.cr) // \r
        case 0x74: scratch.append(B.tab) // \t
        case 0x75: // \u
            let first = try readHex4(at: i + 1)
            var scalarValue = first
            var after = i + 5
            if first >= 0xD800 && first <= 0xDBFF {
                // A high surrogate must be followed by \u and a low surrogate.
                if after + 1 < end && buf[after] == B.backslash && buf[after + 1] == 0x75 {
                    let second = try readHex4(at: after + 2)
                    guard second >= 0xDC00 && second <= 0xDFFF else {
                        throw loneSurrogate(first, at: index)
                    }
                    scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    after += 6
                } else {
                    throw loneSurrogate(first, at: index)
                }
            } else if first >= 0xDC00 && first <= 0xDFFF {
                throw loneSurrogate(first, at: index)
            }
            appendUTF8(scalarValue)
            return after
        default:
            let shown = describeFound(at: i)
            throw error(
                "invalid escape sequence in a string: '\\' followed by \(shown)",
                at: index,
                fix: "the valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a literal backslash as \\\\"
            )
        }
        return i + 1
    }

    mutating func readHex4(at index: Int) throws(DocumentSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        var i = index
        while i < index + 4 {
            guard i < end else {
                throw unterminatedString(openedAt: nil, at: i)
            }
            let b = buf[i]
            let digit: UInt32
            if isDigit(b) {
                digit = UInt32(b - B.zero)
            } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 {
                digit = UInt32((b | 0x20) - 0x61 + 10)
            } else {
                throw error(
                    "expected 4 hex digits after \\u, found \(describeFound(at: i))",
                    at: i,
                    fix: "write \\u followed by exactly four hex digits, like \\u00E9"
                )
            }
            value = value << 4 | digit
            i += 1
        }
        return value
    }

    mutating func appendUTF8(_ v: UInt32) {
        if v < 0x80 {
            scratch.append(UInt8(v))
        } else if v < 0x800 {
            scratch.append(UInt8(0xC0 | (v >> 6)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            scratch.append(UInt8(0xE0 | (v >> 12)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            scratch.append(UInt8(0xF0 | (v >> 18)))
            scratch.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Length of the well-formed UTF-8 sequence at `index`, or nil (Unicode Table 3-7).
    func utf8SequenceLength(at index: Int) -> Int? {
        let b0 = buf[index]
        let length: Int
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch b0 {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; hi = 0x9F
        case 0xF0: length = 4; lo = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; hi = 0x8F
        default: return nil
        }
        guard index + length <= end else { return nil }
        let b1 = buf[index + 1]
        guard b1 >= lo && b1 <= hi else { return nil }
        var k = 2
        while k < length {
            guard buf[index + k] & 0xC0 == 0x80 else { return nil }
            k += 1
        }
        return length
    }

    /// Validates the multi-byte UTF-8 sequence at `index` inside a string; returns the index after it.
    @inline(__always)
    mutating func validateUTF8Sequence(at index: Int) throws(DocumentSyntaxError) -> Int {
        guard let length = utf8SequenceLength(at: index) else {
            throw error(
                "invalid UTF-8 in a string (byte 0x\(hex(buf[index], width: 2)))",
                at: index,
                fix: "save the file with UTF-8 encoding"
            )
        }
        return index + length
    }

    mutating func controlCharacterError(_ b: UInt8, at index: Int) -> DocumentSyntaxError {
        let code = "U+" + hex(b, width: 4)
        let name: String
        let escape: String
        switch b {
        case B.lf: name = " (line feed)"; escape = "\\n"
        case B.cr: name = " (carriage return)"; escape = "\\r"
        case B.tab: name = " (tab)"; escape = "\\t"
        case 0x08: name = " (backspace)"; escape = "\\b"
        case 0x0C: name = " (form feed)"; escape = "\\f"
        case 0x00: name = " (NUL)"; escape = "\\u0000"
        default: name = ""; escape = "\\u" + hex(b, width: 4)
        }
        var fix = "write it as the escape \(escape)"
        if b == B.lf || b == B.cr {
            fix += ", or add the missing '\"' if the string was meant to end on the previous line"
        }
        return error(
            "control character \(code)\(name) is not allowed inside a string",
            at: index,
            fix: fix
        )
    }

    mutating func unterminatedString(openedAt openIndex: Int?, at index: Int? = nil) -> DocumentSyntaxError {
        let at = index ?? end
        let loc = location(at: at)
        var message = "unexpected end of file: the string is not closed"
        if let openIndex {
            // The opening quote is on the current line (strings cannot span lines).
            let open = location(at: openIndex)
            message = "unexpected end of file: the string started at line \(open.line), column \(open.column) is not closed"
        }
        return DocumentSyntaxError(location: loc, message: message, fix: "add the closing '\"'")
    }

    mutating func stringTooLong(openedAt openIndex: Int) -> DocumentSyntaxError {
        let head = text(openIndex + 1, min(end, openIndex + 1 + 240))
        let shown = head.count > 57 ? String(head.prefix(57)) + "…" : head
        return error(
            "a string longer than \(limits.maxScalarBytes) bytes starts here: \"\(shown)\"",
            at: openIndex,
            fix: "shorten the value; if its closing '\"' is missing, add it (the rest of the file was read as this string)"
        )
    }

    mutating func loneSurrogate(_ value: UInt32, at index: Int) -> DocumentSyntaxError {
        error(
            "lone surrogate \\u\(hex(value, width: 4)) in a string",
            at: index,
            fix: "a high surrogate \\uD800-\\uDBFF must be followed directly by a low surrogate \\uDC00-\\uDFFF; write the character itself or its complete surrogate pair"
        )
    }

    // MARK: Numbers

    /// Parses a number at `pos` (which is '-' or a digit); leaves `pos` after it.
    mutating func parseNumber(at loc: SourceLocation) throws(DocumentSyntaxError) -> DocNode {
        let start = pos
        var i = pos
        var negative = false
        if buf[i] == B.minus {
            negative = true
            i += 1
            if i >= end || !isDigit(buf[i]) {
                if i < end && isWordByte(buf[i]) {
                    let word = wordText(at: i)
                    if word == "Infinity" || word.lowercased() == "infinity" || word.lowercased() == "inf" {
                        throw error(
                            "-\(word) is not allowed in JSON",
                            at: start,
                            fix: "JSON has no infinity: use a finite number, null, or a string"
                        )
                    }
                }
                throw error(
                    "expected a digit after '-', found \(describeFound(at: i))",
                    at: i,
                    fix: "write a number after the minus sign, like -1"
                )
            }
        }

        // Integer part.
        var mantissa: UInt64 = 0
        var significantDigits = 0
        let intStart = i
        if buf[i] == B.zero {
            i += 1
            if i < end && isDigit(buf[i]) {
                throw error(
                    "numbers must not have leading zeros in JSON, found '\(text(intStart, wordEnd(intStart)))'",
                    at: intStart,
                    fix: "remove the leading zeros, or put the value in double quotes if it is text"
                )
            }
        } else {
            while i < end && isDigit(buf[i]) {
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(buf[i] - B.zero)
                }
                significantDigits += 1
                i += 1
            }
        }
        var fractionDigits = 0

        // Fraction.
        if i < end && buf[i] == B.dot {
            i += 1
            if i >= end || !isDigit(buf[i]) {
                throw error(
                    "expected a digit after the decimal point, found \(describeFound(at: i))",
                    at: i,
                    fix: "write at least one digit after the '.', like 1.0"
                )
            }
            while i < end && isDigit(buf[i]) {
                if significantDigits < 19 {
                    if significantDigits > 0 || buf[i] != B.zero {
                        mantissa = mantissa &* 10 &+ UInt64(buf[i] - B.zero)
                        significantDigits += 1
                    }
                    fractionDigits += 1
                } else {
                    significantDigits += 1
                }
                i += 1
            }
        }

        // Exponent.
        var exponent = 0
        var exponentOverflow = false
        if i < end && (buf[i] == B.lowerE || buf[i] == B.upperE) {
            i += 1
            var exponentNegative = false
            if i < end && (buf[i] == B.plus || buf[i] == B.minus) {
                exponentNegative = buf[i] == B.minus
                i += 1
            }
            if i >= end || !isDigit(buf[i]) {
                throw error(
                    "expected a digit in the exponent, found \(describeFound(at: i))",
                    at: i,
                    fix: "write the exponent as digits after 'e', like 1e5 or 2.5E-3"
                )
            }
            while i < end && isDigit(buf[i]) {
                if exponent < 100_000 {
                    exponent = exponent * 10 + Int(buf[i] - B.zero)
                } else {
                    exponentOverflow = true
                }
                i += 1
            }
            if exponentNegative { exponent = -exponent }
        }

        // What follows a number must be a delimiter, not more number-like text.
        if i < end && (isWordByte(buf[i]) || buf[i] == B.dot || buf[i] == B.plus || buf[i] == B.minus) {
            throw error(
                "unexpected \(describeFound(at: i)) after the number \(text(start, i))",
                at: i,
                fix: "JSON numbers are decimal, like 12, -3.5 or 1e6; put other text in double quotes"
            )
        }

        let raw = text(start, i)
        pos = i

        // Fast path (exact): at most 15 significant digits and a power of ten that is exact,
        // so a single IEEE multiplication or division rounds correctly.
        let value: Double
        let effectiveExponent = exponent - fractionDigits
        if !exponentOverflow && significantDigits <= 15 && effectiveExponent >= -22 && effectiveExponent <= 22 {
            let m = Double(mantissa)
            let v = effectiveExponent < 0
                ? m / exactPowersOfTen[-effectiveExponent]
                : m * exactPowersOfTen[effectiveExponent]
            value = negative ? -v : v
        } else {
            guard let parsed = Double(raw) else {
                throw DocumentSyntaxError(
                    location: loc,
                    message: "number out of range: \(raw) cannot be read as a number",
                    fix: "use a number between about -1.8e308 and 1.8e308, or put the value in double quotes"
                )
            }
            value = parsed
        }
        if !value.isFinite {
            throw DocumentSyntaxError(
                location: loc,
                message: "number out of range: \(raw) is too large for a 64-bit floating-point number",
                fix: "use a number between about -1.8e308 and 1.8e308, or put the value in double quotes"
            )
        }
        return DocNode(.scalar(raw: raw, type: .number(value)), at: loc)
    }

    // MARK: Literals

    /// Parses `true`, `false` or `null` at `pos`; any other bare word is an error.
    mutating func parseWord(at loc: SourceLocation) throws(DocumentSyntaxError) -> DocNode {
        let start = pos
        let stop = wordEnd(start)
        let length = stop - start
        @inline(__always) func matches(_ literal: StaticString) -> Bool {
            guard literal.utf8CodeUnitCount == length else { return false }
            let p = literal.utf8Start
            for k in 0..<length where p[k] != buf[start + k] { return false }
            return true
        }
        if matches("true") {
            pos = stop
            return DocNode(.scalar(raw: "true", type: .bool(true)), at: loc)
        }
        if matches("false") {
            pos = stop
            return DocNode(.scalar(raw: "false", type: .bool(false)), at: loc)
        }
        if matches("null") {
            pos = stop
            return DocNode(.scalar(raw: "null", type: .null), at: loc)
        }
        let word = text(start, stop)
        throw wordError(word, at: start)
    }

    mutating func wordError(_ word: String, at index: Int) -> DocumentSyntaxError {
        let lower = word.lowercased()
        switch lower {
        case "true", "false", "null":
            return error(
                "expected a value, found '\(word)'",
                at: index,
                fix: "JSON literals are lowercase: write \(lower)"
            )
        case "nan", "infinity", "inf":
            return error(
                "\(word) is not allowed in JSON",
                at: index,
                fix: "JSON has no NaN or infinity: use a finite number, null, or a string"
            )
        case "none", "nil", "undefined":
            return error(
                "expected a value, found '\(word)'",
                at: index,
                fix: "write null for a missing value, or put text in double quotes: \"\(word)\""
            )
        default:
            return error(
                "expected a value, found '\(word)'",
                at: index,
                fix: "put text in double quotes: \"\(word)\""
            )
        }
    }

    // MARK: Error helpers

    /// If a comment starts at `pos`, the error for it.
    mutating func commentError() -> DocumentSyntaxError? {
        guard pos < end else { return nil }
        let b = buf[pos]
        let isComment = b == B.hash
            || (b == B.slash && pos + 1 < end && (buf[pos + 1] == B.slash || buf[pos + 1] == B.star))
        guard isComment else { return nil }
        return error("comments are not allowed in JSON", at: pos, fix: "remove the comment")
    }

    /// The error for a byte at `pos` that cannot start a value.
    mutating func unexpectedInValuePosition(stack: [JSONFrame]) -> DocumentSyntaxError {
        if let comment = commentError() { return comment }
        let b = buf[pos]
        switch b {
        case B.apostrophe:
            return error(
                "single-quoted strings are not allowed in JSON",
                at: pos,
                fix: "write the string in double quotes"
            )
        case B.plus:
            return error(
                "a JSON number must not start with '+'",
                at: pos,
                fix: "remove the '+'"
            )
        case B.dot:
            return error(
                "a JSON number must start with a digit, found '.'",
                at: pos,
                fix: "write a 0 before the decimal point, like 0.5"
            )
        case B.rightBracket, B.rightBrace, B.comma, B.colon:
            if let top = stack.last {
                let after = top.isObject ? "after ':' in the object" : "in the array"
                return error(
                    "expected a value \(after), found \(describeFound(at: pos))",
                    at: pos,
                    fix: top.isObject
                        ? "write a value after ':', like \"key\": 1"
                        : "write a value, or remove the extra ','"
                )
            }
            fallthrough
        default:
            return error(
                "expected a value (an object, array, string, number, true, false or null), found \(describeFound(at: pos))",
                at: pos,
                fix: "write a JSON value here"
            )
        }
    }

    /// The error for an unexpected byte (or end of file) where ',' or a closing bracket is expected.
    mutating func unexpectedAfterMember(stack: [JSONFrame], expected: String) -> DocumentSyntaxError {
        if pos >= end {
            return unexpectedEnd(in: stack.last)
        }
        if let comment = commentError() { return comment }
        let top = stack[stack.count - 1]
        let b = buf[pos]
        let fix: String
        if b == B.rightBrace || b == B.rightBracket {
            fix = "close the \(top.kindName) opened at line \(top.start.line), column \(top.start.column) with \(top.closer)"
        } else {
            fix = "add a ',' between the \(top.isObject ? "members" : "elements"), or close the \(top.kindName) with \(top.closer)"
        }
        return error(
            "expected \(expected), found \(describeFound(at: pos, wholeWord: true))",
            at: pos,
            fix: fix
        )
    }

    mutating func unexpectedEnd(in top: JSONFrame?) -> DocumentSyntaxError {
        guard let top else {
            return error("unexpected end of file: expected a value", at: end, fix: "write a JSON value")
        }
        return error(
            "unexpected end of file: the \(top.kindName) opened at line \(top.start.line), column \(top.start.column) is not closed",
            at: end,
            fix: "complete the \(top.kindName) and close it with \(top.closer)"
        )
    }

    func wordEnd(_ index: Int) -> Int {
        var j = index
        while j < end && isWordByte(buf[j]) { j += 1 }
        return j
    }

    func wordText(at index: Int) -> String {
        text(index, wordEnd(index))
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[from..<to]), as: UTF8.self)
    }

    /// What was found at `index`, readably: 'c' for a printable character, U+XXXX otherwise,
    /// a whole bare word if `wholeWord` and the byte starts one.
    func describeFound(at index: Int, wholeWord: Bool = false) -> String {
        if index >= end { return "the end of the file" }
        let b = buf[index]
        if wholeWord && isWordByte(b) {
            let word = wordText(at: index)
            if word.utf8.count <= 40 { return "'\(word)'" }
        }
        guard let length = utf8SequenceLength(at: index) else {
            return "the byte 0x\(hex(b, width: 2)) (not valid UTF-8)"
        }
        var value: UInt32
        switch length {
        case 1: value = UInt32(b)
        case 2: value = UInt32(b & 0x1F)
        case 3: value = UInt32(b & 0x0F)
        default: value = UInt32(b & 0x07)
        }
        var k = 1
        while k < length {
            value = value << 6 | UInt32(buf[index + k] & 0x3F)
            k += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            return "U+" + hex(value, width: 4)
        }
        if isPrintable(scalar) {
            return "'\(Character(scalar))'"
        }
        return "U+" + hex(value, width: 4)
    }
}

private func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) { return false }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned,
         .lineSeparator, .paragraphSeparator, .spaceSeparator,
         .nonspacingMark, .enclosingMark:
        return scalar.value == 0x20
    default:
        return true
    }
}

private func hex<T: BinaryInteger>(_ value: T, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    if digits.count >= width { return digits }
    return String(repeating: "0", count: width - digits.count) + digits
}
