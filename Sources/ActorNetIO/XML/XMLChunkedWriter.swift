/// A streaming XML serializer for the GraphML and GEXF writers (it fails only when the sink does:
/// texts are checked for characters XML cannot carry before the first byte, by the writers): one call per XML event, escaping
/// done on the bytes, into a fixed buffer of `chunkSize` bytes that is handed to a `ByteSink`
/// each time it fills, so the document is never whole in memory and every chunk but the last
/// is exactly `chunkSize` bytes.
///
/// The layout is libxml2's `xmlTextWriter` with indentation on (ActorNet's exports were written
/// by it before, and the bytes are unchanged): UTF-8, an XML declaration, each element on a line
/// of its own indented by two spaces per level, an element holding text on one line, empty
/// elements as `<name/>`, processing instructions at the start of a line. Escaping is the same
/// as libxml2's: in text `&`, `<`, `>`, `"` and CR (as `&#13;`, so a CR survives end-of-line
/// normalisation on reading); in attribute values also LF (`&#10;`) and tab (`&#9;`), which
/// attribute-value normalisation would otherwise turn into spaces. Other characters, non-ASCII
/// included, are written as they are. Writing the bytes here rather than through
/// `xmlTextWriter` (one C call, `strlen` and buffer growth per attribute and text) is what makes
/// large exports fast; libxml2 still reads every file.
///
/// Noncopyable, so it owns its buffer and its methods need no dynamic exclusivity checks.
/// Callers use it for well-formed nesting only (`start`/`end` paired, text inside elements).
struct XMLChunkedWriter: ~Copyable {
    /// Bytes gathered before they go to the sink.
    static let defaultChunkSize = 1 << 16

    private enum Content { case none, elements, text }

    private let sink: any ByteSink
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// The open elements, innermost last, with what each holds so far.
    private var open: [(name: String, content: Content)] = []

    init(sink: any ByteSink, chunkSize: Int = defaultChunkSize) throws(OutputError) {
        self.sink = sink
        self.capacity = max(1, chunkSize)
        self.buffer = .allocate(capacity: capacity)
        try raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    deinit { buffer.deallocate() }

    mutating func start(_ name: String) throws(OutputError) {
        try closeStartTag(newline: true)
        if !open.isEmpty { open[open.count - 1].content = .elements }
        try indent(open.count)
        try byte(UInt8(ascii: "<"))
        try raw(name)
        open.append((name, .none))
    }

    /// ` name="value"` on the open start tag.
    mutating func attribute(_ name: String, _ value: String) throws(OutputError) {
        try literal(" ")
        try raw(name)
        try literal("=\"")
        try escaped(value, attribute: true)
        try literal("\"")
    }

    /// Character data (even empty, which closes the start tag: `<data key="k"></data>`).
    mutating func text(_ text: String) throws(OutputError) {
        try closeStartTag(newline: false)
        open[open.count - 1].content = .text
        try escaped(text, attribute: false)
    }

    /// `<name>text</name>`.
    mutating func element(_ name: String, text: String) throws(OutputError) {
        try start(name)
        try self.text(text)
        try end()
    }

    /// `<name attribute="value">text</name>` on a line of its own: the bytes of `start`,
    /// `attribute`, `text` and `end` in a row, without keeping the element on the stack.
    mutating func element(_ name: StaticString, attribute: StaticString, _ value: String, text: String) throws(OutputError) {
        try closeStartTag(newline: true)
        if !open.isEmpty { open[open.count - 1].content = .elements }
        try indent(open.count)
        try literal("<")
        try literal(name)
        try literal(" ")
        try literal(attribute)
        try literal("=\"")
        try escaped(value, attribute: true)
        try literal("\">")
        try escaped(text, attribute: false)
        try literal("</")
        try literal(name)
        try literal(">\n")
    }

    /// `<?target content?>` at the start of a line; `content` must not contain `?>`.
    mutating func processingInstruction(_ target: String, _ content: String) throws(OutputError) {
        try closeStartTag(newline: true)
        if !open.isEmpty { open[open.count - 1].content = .elements }
        try raw("<?")
        try raw(target)
        try byte(UInt8(ascii: " "))
        try raw(content)
        try raw("?>\n")
    }

    /// Ends the innermost element.
    mutating func end() throws(OutputError) {
        guard let (name, content) = open.popLast() else { return }
        switch content {
        case .none:
            try literal("/>\n")
        case .elements, .text:
            if content == .elements { try indent(open.count) }
            try literal("</")
            try raw(name)
            try literal(">\n")
        }
    }

    /// Ends every open element and hands the rest to the sink.
    mutating func finish() throws(OutputError) {
        while !open.isEmpty { try end() }
        try drain()
    }

    // MARK: Bytes

    private mutating func closeStartTag(newline: Bool) throws(OutputError) {
        guard let last = open.last, last.content == .none else { return }
        try literal(newline ? ">\n" : ">")
    }

    private mutating func indent(_ depth: Int) throws(OutputError) {
        let width = 2 &* depth
        if width <= capacity &- count {
            (buffer + count).update(repeating: UInt8(ascii: " "), count: width)
            count &+= width
            return
        }
        for _ in 0..<width { try byte(UInt8(ascii: " ")) }
    }

    @inline(__always)
    private mutating func byte(_ b: UInt8) throws(OutputError) {
        if count == capacity { try drain() }
        buffer[count] = b
        count &+= 1
    }

    @inline(__always)
    private mutating func literal(_ text: StaticString) throws(OutputError) {
        try append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func raw(_ text: String) throws(OutputError) {
        try Self.withBytes(of: text) { (bytes) throws(OutputError) in try append(bytes) }
    }

    /// `String.withUTF8` for a body with a typed error (`withUTF8` rethrows untyped).
    /// Native strings (all but bridged ones) lend their UTF-8 storage without a copy.
    @inline(__always)
    private static func withBytes(of text: String,
                           _ body: (UnsafeBufferPointer<UInt8>) throws(OutputError) -> Void) throws(OutputError) {
        var failure: OutputError?
        let lent: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            do throws(OutputError) { try body(bytes) } catch { failure = error }
        }
        if lent == nil {
            var copy = text
            copy.withUTF8 { bytes in
                do throws(OutputError) { try body(bytes) } catch { failure = error }
            }
        }
        if let failure { throw failure }
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        guard let from = bytes.baseAddress else { return }
        // Almost always: the bytes fit in what is left of the chunk.
        if bytes.count <= capacity &- count {
            (buffer + count).update(from: from, count: bytes.count)
            count &+= bytes.count
            return
        }
        try appendAcrossChunks(from, bytes.count)
    }

    private mutating func appendAcrossChunks(_ start: UnsafePointer<UInt8>, _ total: Int) throws(OutputError) {
        var from = start, left = total
        while left > 0 {
            if count == capacity { try drain() }
            let n = min(left, capacity - count)
            (buffer + count).update(from: from, count: n)
            count &+= n
            from += n
            left -= n
        }
    }

    /// The text with XML's special characters escaped: runs without one are copied whole.
    private mutating func escaped(_ text: String, attribute: Bool) throws(OutputError) {
        try Self.withBytes(of: text) { (bytes) throws(OutputError) in
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                // Every byte escaped is at most '>' (letters and non-ASCII bytes are above it).
                if b > UInt8(ascii: ">") { continue }
                let entity: StaticString
                switch b {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case 13: entity = "&#13;"
                case 10 where attribute: entity = "&#10;"
                case 9 where attribute: entity = "&#9;"
                default: continue
                }
                try append(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                try append(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = i + 1
            }
            try append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }

    private mutating func drain() throws(OutputError) {
        guard count > 0 else { return }
        try sink.write(UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
    }
}
