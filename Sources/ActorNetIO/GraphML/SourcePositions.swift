/// Finds where each element starts in the raw bytes, for diagnostics.
///
/// libxml2's reader parses ahead of the node it reports (in 512-byte chunks), so its "parser
/// line" can be several lines past the element in hand, and nodes carry no column. Element
/// start tags are easy to find again, though: in well-formed XML a `<` followed by a name
/// character opens an element, except inside comments, CDATA sections, processing
/// instructions and the DOCTYPE. The reader reports start tags in document order, so one
/// forward scan, advanced once per element, gives every element its exact line and column in
/// O(file size) overall.
struct SourcePositions {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    /// Characters between the start of the line and `offset`.
    private var column = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Line and column (1-based; the column counts characters, not bytes) of the next element
    /// start tag, or of the end of the input when there is none.
    mutating func nextElement() -> (line: Int, column: Int) {
        while offset < bytes.count {
            if bytes[offset] != UInt8(ascii: "<") {
                advance(1)
                continue
            }
            let next = offset + 1 < bytes.count ? bytes[offset + 1] : 0
            if next == UInt8(ascii: "!"), starts(with: Self.commentOpen) {
                skip(past: Self.commentClose)
            } else if next == UInt8(ascii: "!"), starts(with: Self.cdataOpen) {
                skip(past: Self.cdataClose)
            } else if next == UInt8(ascii: "?") {
                skip(past: Self.piClose)
            } else if next == UInt8(ascii: "!") {
                skipDeclaration()
            } else if next == UInt8(ascii: "/") {
                advance(2)
            } else {
                let here = position
                advance(1)
                return here
            }
        }
        return position
    }

    /// Line and column of the next occurrence of `text` (an entity reference, say), without
    /// moving past it; the end of the input when there is none.
    func find(_ text: String) -> (line: Int, column: Int) {
        var copy = self
        let pattern = Array(text.utf8)
        while copy.offset < bytes.count, !copy.starts(with: pattern) { copy.advance(1) }
        return copy.position
    }

    private var position: (line: Int, column: Int) { (line, column + 1) }

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
    private static let piClose = Array("?>".utf8)

    private func starts(with pattern: [UInt8]) -> Bool {
        offset + pattern.count <= bytes.count && bytes[offset..<offset + pattern.count].elementsEqual(pattern)
    }

    private mutating func advance(_ n: Int) {
        for _ in 0..<n where offset < bytes.count {
            let b = bytes[offset]
            offset += 1
            if b == UInt8(ascii: "\n") || (b == UInt8(ascii: "\r") && (offset >= bytes.count || bytes[offset] != UInt8(ascii: "\n"))) {
                line += 1
                column = 0
            } else if b & 0xC0 != 0x80 {
                // Continuation bytes (10xxxxxx) do not start a character.
                column += 1
            }
        }
    }

    private mutating func skip(past pattern: [UInt8]) {
        while offset < bytes.count, !starts(with: pattern) { advance(1) }
        advance(pattern.count)
    }

    /// `<!DOCTYPE …>` with an optional internal subset in brackets, whose declarations may hold
    /// quoted `>` and `]`.
    private mutating func skipDeclaration() {
        var quote: UInt8?
        var depth = 0
        advance(2)
        while offset < bytes.count {
            let b = bytes[offset]
            advance(1)
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: "[") {
                depth += 1
            } else if b == UInt8(ascii: "]") {
                depth -= 1
            } else if b == UInt8(ascii: ">"), depth <= 0 {
                return
            }
        }
    }
}
