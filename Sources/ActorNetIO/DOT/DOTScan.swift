/// A token scan of a DOT file that runs before Graphviz's parser sees it. cgraph reports only
/// the line of a syntax error and keeps no positions for nodes and edges; the scan finds
/// columns and positions, and enforces the limits that must hold *before* cgraph recurses
/// into subgraphs or multiplies `{a b} -> {c d}` into edges.
///
/// It follows Graphviz's lexer (`lib/cgraph/scan.l`): `//` and `/* */` comments, `#` lines,
/// double-quoted strings with `\"` and backslash-newline, `+` concatenation, HTML-like
/// `<…>` strings with nested angle brackets, numerals, identifiers (letters, `_`, digits and
/// every byte ≥ 0x80), `->` and `--`. It never refuses a file on grammar: cgraph does that.
struct DOTScan {
    enum Kind: Equatable { case id, quoted, html, edgeOp, open, close, lbracket, rbracket, equals, colon, other }

    struct Token {
        var kind: Kind
        var start: Int
        /// The id as cgraph stores it: a quoted string without its quotes, `\"` as `"`,
        /// backslash-newlines removed, `+`-joined parts concatenated; an HTML string without its
        /// outer brackets. Empty for punctuation.
        var text: String
    }

    /// A statement's edge operator and the number of edges it makes (the nodes on its left
    /// times those on its right, counting a `{…}` block's node mentions).
    struct EdgeOperator {
        var offset: Int
        var edges: Int
    }

    enum Failure {
        case tooDeep(offset: Int)
        case tooManyEdges(offset: Int, estimated: Int)
    }

    private(set) var tokens: [Token] = []
    private(set) var operators: [EdgeOperator] = []
    /// Where each node id is first mentioned (a statement or an edge end).
    private(set) var firstMention: [String: Int] = [:]
    /// The first port (`a:p`) or `tailport`/`headport` attribute.
    private(set) var firstPort: Int?
    /// The first token after the first graph's closing brace (a second graph, or junk).
    private(set) var afterFirstGraph: Int?
    /// The value of the graph's `charset` attribute, if any.
    private(set) var charset: String?
    private(set) var failure: Failure?
    /// Offsets at which lines start (after each LF), for line and column.
    private var lineStarts: [Int] = [0]
    private let bytes: ArraySlice<UInt8>

    static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    init(_ bytes: ArraySlice<UInt8>, maximumDepth: Int, maximumEdges: Int) {
        self.bytes = bytes
        for i in bytes.indices where bytes[i] == 0x0A { lineStarts.append(i + 1 - bytes.startIndex) }
        lex()
        guard failure == nil else { return }
        structure(maximumDepth: maximumDepth, maximumEdges: maximumEdges)
    }

    /// Line (counted by LF, as cgraph counts) and column (Unicode scalars, 1-based) of an
    /// offset from the start of the scanned bytes.
    func location(_ offset: Int, file: String) -> SourceLocation {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = bytes.startIndex + lineStarts[lo]
        let end = bytes.startIndex + min(offset, bytes.count)
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: lo + 1, column: column)
    }

    /// The offsets of the tokens on `line` (1-based) whose source text starts with `near`;
    /// else where the text itself is on the line; else the first token on the line, else the
    /// line's start. Empty when there is no such line.
    func candidates(onLine line: Int, near: String) -> [Int] {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        let needle = Array(near.utf8)
        var firstOnLine: Int?
        var found: [Int] = []
        for token in tokens where token.start >= start && token.start < end {
            if firstOnLine == nil { firstOnLine = token.start }
            if !needle.isEmpty, bytes[(bytes.startIndex + token.start)...].starts(with: needle) { found.append(token.start) }
        }
        if !found.isEmpty { return found }
        // cgraph's "near" is the token it stopped at; when the scan split it differently, look
        // for the text itself on the line.
        if !needle.isEmpty, let hit = bytes[(bytes.startIndex + start)..<(bytes.startIndex + end)].firstRange(of: needle) {
            return [hit.lowerBound - bytes.startIndex]
        }
        return [firstOnLine ?? start]
    }

    // MARK: - Lexing

    private static func isIDByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b >= 0x80 || (b >= 0x30 && b <= 0x39)
    }

    private mutating func lex() {
        let base = bytes.startIndex, end = bytes.endIndex
        var i = base
        var atLineStart = true
        func at(_ k: Int) -> UInt8 { k < end ? bytes[k] : 0 }
        while i < end {
            let b = bytes[i]
            if b == 0x0A { atLineStart = true; i += 1; continue }
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C { i += 1; continue }
            let lineStart = atLineStart
            atLineStart = false
            let start = i - base
            switch b {
            case UInt8(ascii: "#") where lineStart:
                while i < end, bytes[i] != 0x0A { i += 1 }
            case UInt8(ascii: "/") where at(i + 1) == UInt8(ascii: "/"):
                while i < end, bytes[i] != 0x0A { i += 1 }
            case UInt8(ascii: "/") where at(i + 1) == UInt8(ascii: "*"):
                i += 2
                while i < end, !(bytes[i] == UInt8(ascii: "*") && at(i + 1) == UInt8(ascii: "/")) { i += 1 }
                i = min(i + 2, end)
            case UInt8(ascii: "\""):
                var text: [UInt8] = []
                i += 1
                while i < end, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\"), i + 1 < end {
                        let next = bytes[i + 1]
                        if next == UInt8(ascii: "\"") { text.append(next); i += 2; continue }
                        if next == 0x0A { i += 2; continue }
                        if next == UInt8(ascii: "\\") { text += [next, next]; i += 2; continue }
                    }
                    text.append(bytes[i])
                    i += 1
                }
                i = min(i + 1, end)
                // `"a" + "b"` is one id.
                if let last = tokens.last, last.kind == .quoted, tokens.count >= 1, lastWasPlus {
                    tokens[tokens.count - 1].text += String(decoding: text, as: UTF8.self)
                    lastWasPlus = false
                    continue
                }
                tokens.append(Token(kind: .quoted, start: start, text: String(decoding: text, as: UTF8.self)))
                lastWasPlus = false
                continue
            case UInt8(ascii: "<"):
                var depth = 0
                var j = i
                while j < end {
                    if bytes[j] == UInt8(ascii: "<") { depth += 1 } else if bytes[j] == UInt8(ascii: ">") {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    j += 1
                }
                tokens.append(Token(kind: .html, start: start,
                                    text: String(decoding: bytes[min(i + 1, end)..<min(j, end)], as: UTF8.self)))
                i = min(j + 1, end)
            case UInt8(ascii: "-") where at(i + 1) == UInt8(ascii: ">") || at(i + 1) == UInt8(ascii: "-"):
                tokens.append(Token(kind: .edgeOp, start: start, text: ""))
                i += 2
            case UInt8(ascii: "{"): tokens.append(Token(kind: .open, start: start, text: "")); i += 1
            case UInt8(ascii: "}"): tokens.append(Token(kind: .close, start: start, text: "")); i += 1
            case UInt8(ascii: "["): tokens.append(Token(kind: .lbracket, start: start, text: "")); i += 1
            case UInt8(ascii: "]"): tokens.append(Token(kind: .rbracket, start: start, text: "")); i += 1
            case UInt8(ascii: "="): tokens.append(Token(kind: .equals, start: start, text: "")); i += 1
            case UInt8(ascii: ":"): tokens.append(Token(kind: .colon, start: start, text: "")); i += 1
            case UInt8(ascii: "+") where tokens.last?.kind == .quoted:
                lastWasPlus = true
                i += 1
                continue
            default:
                if Self.isIDByte(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
                    var j = i + 1
                    while j < end, Self.isIDByte(bytes[j]) || bytes[j] == UInt8(ascii: ".") { j += 1 }
                    tokens.append(Token(kind: .id, start: start, text: String(decoding: bytes[i..<j], as: UTF8.self)))
                    i = j
                } else {
                    tokens.append(Token(kind: .other, start: start, text: ""))
                    i += 1
                }
            }
            lastWasPlus = false
        }
    }

    private var lastWasPlus = false

    // MARK: - Structure

    private static func isID(_ kind: Kind) -> Bool { kind == .id || kind == .quoted || kind == .html }

    private mutating func structure(maximumDepth: Int, maximumEdges: Int) {
        let n = tokens.count
        // Which tokens mention a node: an id outside `[…]`, not a keyword, not next to `=`, not
        // a port (after `:`) and not a subgraph's name.
        var mentions = [Int](repeating: 0, count: n + 1)  // prefix sums
        var matching = [Int](repeating: -1, count: n)      // close brace → its open brace, and back
        var stack: [Int] = []
        var inBracket = false
        for (k, token) in tokens.enumerated() {
            var isMention = false
            switch token.kind {
            case .lbracket: inBracket = true
            case .rbracket: inBracket = false
            case .open:
                stack.append(k)
                if stack.count > maximumDepth, failure == nil { failure = .tooDeep(offset: token.start) }
            case .close:
                if let open = stack.popLast() {
                    matching[k] = open
                    matching[open] = k
                    if stack.isEmpty, afterFirstGraph == nil, k + 1 < n { afterFirstGraph = tokens[k + 1].start }
                }
            case .id, .quoted, .html:
                let previous = k > 0 ? tokens[k - 1] : nil
                let next = k + 1 < n ? tokens[k + 1] : nil
                let lowered = token.kind == .id ? token.text.lowercased() : ""
                if token.kind == .id, next?.kind == .equals, k + 2 < n, Self.isID(tokens[k + 2].kind) {
                    if lowered == "charset", charset == nil, stack.count == 1 { charset = tokens[k + 2].text }
                    if lowered == "tailport" || lowered == "headport", firstPort == nil { firstPort = token.start }
                }
                if inBracket || stack.isEmpty {
                } else if token.kind == .id && Self.keywords.contains(lowered) {
                } else if next?.kind == .equals || previous?.kind == .equals {
                } else if previous?.kind == .colon {
                    if firstPort == nil { firstPort = tokens[k - 1].start }
                } else if previous?.kind == .id && previous?.text.lowercased() == "subgraph" {
                } else {
                    isMention = true
                    if firstMention[token.text] == nil { firstMention[token.text] = token.start }
                }
            default: break
            }
            mentions[k + 1] = mentions[k] + (isMention ? 1 : 0)
            if failure != nil { return }
        }
        // Edge operators and the edges each makes.
        var total = 0
        for (k, token) in tokens.enumerated() where token.kind == .edgeOp {
            let left = operandSize(before: k, mentions: mentions, matching: matching)
            let right = operandSize(after: k, mentions: mentions, matching: matching)
            let (edges, overflow) = left.multipliedReportingOverflow(by: right)
            let count = overflow ? Int.max : edges
            operators.append(EdgeOperator(offset: token.start, edges: count))
            total = total > Int.max - count ? Int.max : total + count
            if total > maximumEdges {
                failure = .tooManyEdges(offset: token.start, estimated: total)
                return
            }
        }
    }

    /// Nodes on the left of the edge operator at `k`: one id (after any `:port:compass`), or
    /// the node mentions of the `{…}` block that ends there.
    private func operandSize(before k: Int, mentions: [Int], matching: [Int]) -> Int {
        var j = k - 1
        while j >= 2, tokens[j - 1].kind == .colon, Self.isID(tokens[j].kind) { j -= 2 }
        guard j >= 0 else { return 0 }
        if tokens[j].kind == .close, matching[j] >= 0, matching[j] < j { return max(1, mentions[j] - mentions[matching[j] + 1]) }
        return 1
    }

    /// Nodes on the right of the edge operator at `k`: one id, or the `{…}` block (with or
    /// without `subgraph name` before it) that starts there.
    private func operandSize(after k: Int, mentions: [Int], matching: [Int]) -> Int {
        var j = k + 1
        if j < tokens.count, tokens[j].kind == .id, tokens[j].text.lowercased() == "subgraph" {
            j += 1
            if j < tokens.count, tokens[j].kind != .open { j += 1 }
        }
        guard j < tokens.count, tokens[j].kind == .open else { return 1 }
        let close = matching[j] >= 0 ? matching[j] : tokens.count
        return max(1, mentions[close] - mentions[j + 1])
    }
}
