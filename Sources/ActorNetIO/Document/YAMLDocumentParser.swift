internal import CYaml

/// Reads YAML into the position-carrying document tree, straight from libyaml's event stream.
///
/// Yams' composer recurses once per nesting level and builds a second tree; here an explicit
/// stack replaces the recursion (a hostile file cannot overflow the call stack, whatever its
/// depth) and the nesting, value and alias limits are checked as each event arrives, before any
/// expansion. libyaml is the copy Yams bundles (its `CYaml` module), so there is one YAML parser
/// in the build.
///
/// Plain scalars are typed with the YAML 1.2 core schema rather than YAML 1.1, so that
/// Norway's `NO` and the word `yes` stay text; quoted and block scalars are always text.
public enum YAMLDocumentParser {
    public static func parse(_ text: String, file: String, limits: DocumentLimits = .default) throws(DocumentSyntaxError) -> DocNode {
        try parse(Array(text.utf8)[...], file: file, limits: limits)
    }

    /// Parses UTF-8 bytes (without a byte-order mark: `TextInput.utf8` strips it).
    /// - Complexity: O(n) in the bytes, plus O(values) for the tree; memory O(n + values).
    public static func parse(_ bytes: ArraySlice<UInt8>, file: String, limits: DocumentLimits = .default) throws(DocumentSyntaxError) -> DocNode {
        try bytes.withUnsafeBufferPointer { (buffer) throws(DocumentSyntaxError) -> DocNode in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else {
                throw DocumentSyntaxError(location: SourceLocation(file: file, line: 1, column: 1),
                                          message: "out of memory while starting the YAML parser", fix: "free some memory and retry")
            }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            let feed = UnsafeMutablePointer<Feed>.allocate(capacity: 1)
            feed.initialize(to: Feed(bytes: buffer, limit: limits.maxScalarBytes + Feed.slack))
            defer { feed.deinitialize(count: 1); feed.deallocate() }
            yaml_parser_set_input(parser, { data, out, size, read in
                guard let data, let out, let read else { return 0 }
                return data.assumingMemoryBound(to: Feed.self).pointee.hand(into: out, size: size, read: read) ? 1 : 0
            }, feed)
            var composer = Composer(bytes: buffer, file: file, limits: limits, feed: feed)
            return try composer.run(parser)
        }
    }

    /// Hands the bytes to libyaml as it asks for them, and stops when it has asked for more than
    /// `limit` bytes since the last event: libyaml hands over a value only once it has scanned
    /// all of it, so without this a 100 MB value (or comment) would be read whole before the
    /// value limit could refuse it. libyaml reads at most 64 KiB ahead of its scanner.
    struct Feed {
        static let slack = 1 << 20
        let bytes: UnsafeBufferPointer<UInt8>
        let limit: Int
        var offset = 0
        var offsetAtLastEvent = 0
        var stopped = false

        init(bytes: UnsafeBufferPointer<UInt8>, limit: Int) {
            self.bytes = bytes
            self.limit = limit
        }

        mutating func hand(into out: UnsafeMutablePointer<UInt8>, size: Int, read: UnsafeMutablePointer<Int>) -> Bool {
            if offset - offsetAtLastEvent > limit {
                stopped = true
                return false
            }
            let n = min(size, bytes.count - offset)
            if n > 0, let base = bytes.baseAddress { out.update(from: base + offset, count: n) }
            offset += n
            read.pointee = n
            return true
        }
    }

    /// A collection being read.
    struct Frame {
        var isMapping: Bool
        var start: SourceLocation
        var anchor: String?
        var items: [DocNode] = []
        var entries: [DocEntry] = []
        var key: (text: String, location: SourceLocation)?
        var firstKeyAt: [String: SourceLocation] = [:]
        /// Values in this collection, itself and keys included (what an alias to it expands to).
        var values = 1
        /// Collections nested inside it, itself included.
        var height = 1
    }

    /// An anchored node, with what an alias to it costs.
    struct Anchored {
        var node: DocNode
        var values: Int
        var height: Int
    }

    struct Composer {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        let limits: DocumentLimits
        var stack: [Frame] = []
        var anchors: [String: Anchored] = [:]
        var values = 0
        var aliasValues = 0
        var root: DocNode?
        let feed: UnsafeMutablePointer<Feed>
        /// Where the last event ended, in Unicode scalars from the start (libyaml's mark index).
        var lastEventEnd = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String, limits: DocumentLimits, feed: UnsafeMutablePointer<Feed>) {
            self.bytes = bytes
            self.file = file
            self.limits = limits
            self.feed = feed
        }

        /// The error for a value the feed stopped in: located at the first byte after the last
        /// event that is not a blank or an indicator, quoting its start.
        func hugeValueError() -> DocumentSyntaxError {
            var i = 0, scalars = 0
            while i < bytes.count, scalars < lastEventEnd {
                if bytes[i] & 0xC0 != 0x80 { scalars += 1 }
                i += 1
            }
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            let skipped: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"),
                                       UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{")]
            while i < bytes.count, skipped.contains(bytes[i]) { i += 1 }
            let location = TextInput.position(of: i, in: bytes, file: file)
            var head = i
            if head < bytes.count, bytes[head] == UInt8(ascii: "\"") || bytes[head] == UInt8(ascii: "'") { head += 1 }
            let quoted = String(decoding: UnsafeBufferPointer(rebasing: bytes[head..<min(bytes.count, head + 256)]), as: UTF8.self)
            let read = feed.pointee.offset - i
            return DocumentSyntaxError(location: location,
                message: "a \(i < bytes.count && bytes[i] == UInt8(ascii: "#") ? "comment" : "value") longer than \(limits.maxScalarBytes) bytes: \"\(quoted.prefix(57))…\" (reading stopped \(read) bytes into it)",
                fix: "shorten the value; if a quote or bracket is not closed, the rest of the file was read as one value")
        }

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }

        mutating func run(_ parser: UnsafeMutablePointer<yaml_parser_t>) throws(DocumentSyntaxError) -> DocNode {
            var event = yaml_event_t()
            var documents = 0
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    if feed.pointee.stopped { throw hugeValueError() }
                    throw YAMLDocumentParser.syntaxError(parser.pointee, file: file, bytes: bytes, limits: limits)
                }
                defer { yaml_event_delete(&event) }
                feed.pointee.offsetAtLastEvent = feed.pointee.offset
                lastEventEnd = Int(event.end_mark.index)
                let at = location(event.start_mark)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    guard let root else {
                        throw DocumentSyntaxError(location: SourceLocation(file: file, line: 1, column: 1),
                            message: "the file is empty (no YAML document, only blank lines or comments)",
                            fix: "a network file needs at least 'actors:'; see graphs/README.md for the format")
                    }
                    return root
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        throw DocumentSyntaxError(location: at,
                            message: "a second YAML document starts here ('---'); a network file holds one",
                            fix: "remove the '---' line and merge the two parts, or split them into two files")
                    }
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    let length = Int(s.length)
                    let raw = UnsafeBufferPointer(start: UnsafePointer(s.value), count: length)
                    if length > limits.maxScalarBytes {
                        throw DocumentSyntaxError(location: at,
                            message: "a value of \(length) bytes is longer than \(limits.maxScalarBytes) bytes: \"\(YAMLDocumentParser.excerpt(raw))\"",
                            fix: "shorten the value; if a quote or bracket is not closed, the rest of the file was read as one value")
                    }
                    let text = String(decoding: raw, as: UTF8.self)
                    let type: ScalarType = s.style == YAML_PLAIN_SCALAR_STYLE ? YAMLDocumentParser.resolvePlain(text) : .string
                    try count(1, at: at)
                    try complete(DocNode(.scalar(raw: text, type: type), at: at), values: 1, height: 0,
                                 anchor: Self.name(s.anchor), at: at)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    if let top = stack.last, top.isMapping, top.key == nil {
                        throw DocumentSyntaxError(location: at,
                            message: "a mapping key must be plain text, found \(isMapping ? "a mapping" : "a list")",
                            fix: "write keys as simple words, e.g. 'source:'")
                    }
                    if stack.count >= limits.maxDepth {
                        throw DocumentSyntaxError(location: at,
                            message: "nesting deeper than \(limits.maxDepth) levels",
                            fix: "a network file nests a few levels at most; check for runaway brackets or indentation")
                    }
                    try count(1, at: at)
                    let anchor = Self.name(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    stack.append(Frame(isMapping: isMapping, start: at, anchor: anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let frame = stack.removeLast()
                    let node = DocNode(frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items), at: frame.start)
                    try complete(node, values: frame.values, height: frame.height, anchor: frame.anchor, at: frame.start)
                case YAML_ALIAS_EVENT:
                    let name = Self.name(event.data.alias.anchor) ?? ""
                    try alias(name, at: at)
                default:
                    break  // stream start, document end
                }
            }
        }

        mutating func count(_ n: Int, at: SourceLocation) throws(DocumentSyntaxError) {
            values += n
            if values > limits.maxNodes {
                throw DocumentSyntaxError(location: at,
                    message: "the document expands to more than \(limits.maxNodes) values",
                    fix: "split the file; repeated aliases (*name) count once per use")
            }
        }

        /// An alias is its anchor's node again: cheap to store (the tree shares it), but every
        /// reader walks it in full, so it costs its whole size against the limits.
        mutating func alias(_ name: String, at: SourceLocation) throws(DocumentSyntaxError) {
            guard let anchored = anchors[name] else {
                if stack.contains(where: { $0.anchor == name }) {
                    throw DocumentSyntaxError(location: at,
                        message: "alias '*\(DocNode.excerpt(name))' refers to the list or mapping that contains it",
                        fix: "a value cannot contain itself; write the items out instead of the alias")
                }
                throw DocumentSyntaxError(location: at,
                    message: "alias '*\(DocNode.excerpt(name))' has no anchor '&\(DocNode.excerpt(name))' before it",
                    fix: "define the anchor (&name) before using the alias (*name)")
            }
            aliasValues += anchored.values
            if aliasValues > limits.maxAliasValues {
                throw DocumentSyntaxError(location: at,
                    message: "aliases expand to more than \(limits.maxAliasValues) values ('*\(DocNode.excerpt(name))' here stands for \(anchored.values)); an alias bomb?",
                    fix: "write repeated values out; a network file needs few or no aliases")
            }
            if stack.count + anchored.height > limits.maxDepth {
                throw DocumentSyntaxError(location: at,
                    message: "alias '*\(DocNode.excerpt(name))' nests values deeper than \(limits.maxDepth) levels",
                    fix: "a network file nests a few levels at most; use fewer nested aliases")
            }
            try count(anchored.values, at: at)
            try complete(anchored.node.relocated(at), values: anchored.values, height: anchored.height, anchor: nil, at: at)
        }

        /// Hands a finished node to the collection it belongs to (or makes it the root).
        mutating func complete(_ node: DocNode, values n: Int, height: Int, anchor: String?, at: SourceLocation) throws(DocumentSyntaxError) {
            if let anchor { anchors[anchor] = Anchored(node: node, values: n, height: height) }
            guard !stack.isEmpty else {
                root = node
                return
            }
            let top = stack.count - 1
            if stack[top].isMapping {
                if let key = stack[top].key {
                    stack[top].entries.append(DocEntry(key: key.text, keyLocation: key.location, value: node))
                    stack[top].key = nil
                } else {
                    guard case let .scalar(text, _) = node.value else {
                        throw DocumentSyntaxError(location: at,
                            message: "a mapping key must be plain text, found \(node.shapeDescription)",
                            fix: "write keys as simple words, e.g. 'source:'")
                    }
                    if let first = stack[top].firstKeyAt[text] {
                        throw DocumentSyntaxError(location: at,
                            message: "duplicate key '\(DocNode.excerpt(text))' in one mapping (first at line \(first.line), column \(first.column))",
                            fix: "each key may appear once per mapping; remove or rename one of the two")
                    }
                    stack[top].firstKeyAt[text] = at
                    stack[top].key = (text, at)
                }
            } else {
                stack[top].items.append(node)
            }
            stack[top].values += n
            stack[top].height = max(stack[top].height, height + 1)
        }

        static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }

    /// At most 60 characters of a long value, for messages, without decoding all of it.
    static func excerpt(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        let head = String(decoding: UnsafeBufferPointer(rebasing: raw.prefix(256)), as: UTF8.self)
        guard raw.count > 60 else { return head }
        return String(head.prefix(57)) + "… (\(raw.count) bytes)"
    }

    /// Types a plain scalar by the YAML 1.2 core schema.
    static func resolvePlain(_ s: String) -> ScalarType {
        switch s {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        let u = Array(s.utf8)
        func digits(_ range: Range<Int>, hex: Bool = false, octal: Bool = false) -> Bool {
            !range.isEmpty && u[range].allSatisfy { c in
                octal ? (48...55).contains(c)
                    : (48...57).contains(c) || (hex && ((65...70).contains(c) || (97...102).contains(c)))
            }
        }
        if u.count > 2, u[0] == 48, u[1] == 120, digits(2..<u.count, hex: true) {
            return UInt64(s.dropFirst(2), radix: 16).map { .number(Double($0)) } ?? .string
        }
        if u.count > 2, u[0] == 48, u[1] == 111, digits(2..<u.count, octal: true) {
            return UInt64(s.dropFirst(2), radix: 8).map { .number(Double($0)) } ?? .string
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var i = 0
        if i < u.count, u[i] == 43 || u[i] == 45 { i += 1 }
        let intStart = i
        while i < u.count, (48...57).contains(u[i]) { i += 1 }
        var sawDigits = i > intStart
        if i < u.count, u[i] == 46 {
            i += 1
            let fracStart = i
            while i < u.count, (48...57).contains(u[i]) { i += 1 }
            sawDigits = sawDigits || i > fracStart
        }
        guard sawDigits else { return .string }
        if i < u.count, u[i] == 101 || u[i] == 69 {
            i += 1
            if i < u.count, u[i] == 43 || u[i] == 45 { i += 1 }
            let expStart = i
            while i < u.count, (48...57).contains(u[i]) { i += 1 }
            guard i > expStart else { return .string }
        }
        guard i == u.count, let value = Double(s.hasPrefix("+") ? String(s.dropFirst()) : s) else { return .string }
        return .number(value)
    }

    /// libyaml's error as a located message, quoting the text where it stopped.
    static func syntaxError(_ parser: yaml_parser_t, file: String, bytes: UnsafeBufferPointer<UInt8>,
                            limits: DocumentLimits) -> DocumentSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if problem.hasPrefix("Maximum nesting level") {
            // libyaml's scanner looks ahead through a run of '[' and stops at 1 000 levels before
            // any event reaches the depth check; it is the same limit, reached from further on.
            let mark = parser.context_mark
            let location = SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            let rest = text(atLine: location.line, column: location.column, in: bytes)
            return DocumentSyntaxError(location: location,
                message: "nesting deeper than \(limits.maxDepth) levels (more than 1000 from here: \"\(DocNode.excerpt(rest))\")",
                fix: "a network file nests a few levels at most; check for runaway brackets or indentation")
        }
        switch parser.error {
        case YAML_READER_ERROR:
            let location = TextInput.position(of: Int(parser.problem_offset), in: bytes, file: file)
            var message = "YAML cannot read the text: \(problem)"
            if parser.problem_value >= 0 {
                let hex = String(parser.problem_value, radix: 16, uppercase: true)
                message += " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
            }
            return DocumentSyntaxError(location: location, message: message,
                                       fix: "remove control characters (only tab, line feed and carriage return are allowed); save the file as UTF-8")
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let mark = parser.problem_mark
            let location = SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            var message = "YAML syntax error: \(problem)"
            if let context = parser.context.map({ String(cString: $0) }) {
                message += " (\(context) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
            }
            let rest = text(atLine: location.line, column: location.column, in: bytes)
            if !rest.isEmpty { message += ", at \"\(DocNode.excerpt(rest))\"" }
            let fix = rest.hasPrefix("\t") ? "YAML indents with spaces only; replace the tab with spaces" : hint(for: problem)
            return DocumentSyntaxError(location: location, message: message, fix: fix)
        default:
            return DocumentSyntaxError(location: SourceLocation(file: file, line: 1, column: 1),
                                       message: "YAML error: \(problem)", fix: "free some memory and retry, or split the file")
        }
    }

    /// The rest of a line from a (1-based) line and column in Unicode scalars, at most 80 bytes.
    static func text(atLine line: Int, column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var l = 1, c = 1, i = 0
        while i < bytes.count, l < line || (l == line && c < column) {
            let b = bytes[i]
            if b == 0x0A { l += 1; c = 1 } else if b & 0xC0 != 0x80 { c += 1 }
            i += 1
        }
        guard l == line else { return "" }
        var j = i
        while j < bytes.count, j - i < 80, bytes[j] != 0x0A, bytes[j] != 0x0D { j += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
    }

    static func hint(for problem: String) -> String {
        if problem.contains("tab") {
            return "YAML indents with spaces only; replace the tab with spaces"
        }
        if problem.contains("mapping values are not allowed") {
            return "quote a value that contains ': ', e.g. text: \"Moscow: no guarantees\""
        }
        if problem.contains("cannot start any token") {
            return "quote the value, e.g. \"@name\" or \"`x`\"; a plain value cannot start with @, ` or a tab"
        }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
            return "check the indentation: entries of one mapping must start in the same column"
        }
        if problem.contains("did not find expected '-'") {
            return "every item of a list starts with '- ' at the same indentation"
        }
        if problem.contains("Maximum nesting level") {
            return "a network file nests a few levels at most; check for runaway brackets or indentation"
        }
        if problem.contains("unexpected end of stream") || problem.contains("found unexpected end") {
            return "the file ends inside a quoted value or bracket; close it"
        }
        return "check the YAML syntax at this spot; see graphs/README.md for the format"
    }
}

extension DocNode {
    /// The same value, located where an alias repeats it.
    func relocated(_ location: SourceLocation) -> DocNode {
        DocNode(value, at: location)
    }
}
