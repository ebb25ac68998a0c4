/// Text gathered in a fixed buffer and handed to a `ByteSink` a chunk at a time, for writers of
/// text formats (node-link JSON) whose output may be far larger than memory should hold twice:
/// the bytes go straight from each value to the buffer, with no intermediate strings.
struct ChunkedTextWriter: ~Copyable {
    static let defaultChunkSize = 1 << 16

    private let sink: any ByteSink
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0

    init(sink: any ByteSink, chunkSize: Int = defaultChunkSize) {
        self.sink = sink
        self.capacity = max(1, chunkSize)
        self.buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// The text's UTF-8 bytes as they are.
    mutating func raw(_ text: String) throws(OutputError) {
        var text = text, failure: OutputError?
        text.withUTF8 { bytes in
            do throws(OutputError) { try append(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// The text as a JSON string literal (`JSONText.quote`): copied whole between quotes when it
    /// needs no escape, which is nearly always.
    mutating func jsonString(_ text: String) throws(OutputError) {
        if JSONText.isPlain(text, escapingAngle: false) {
            try byte(UInt8(ascii: "\""))
            try raw(text)
            try byte(UInt8(ascii: "\""))
        } else {
            try raw(JSONText.quote(text))
        }
    }

    mutating func byte(_ b: UInt8) throws(OutputError) {
        if count == capacity { try drain() }
        buffer[count] = b
        count &+= 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            if count == capacity { try drain() }
            let n = min(capacity - count, bytes.count - offset)
            (buffer + count).update(from: bytes.baseAddress! + offset, count: n)
            count &+= n
            offset &+= n
        }
    }

    /// Hands what is gathered to the sink; call once at the end.
    mutating func finish() throws(OutputError) { try drain() }

    private mutating func drain() throws(OutputError) {
        guard count > 0 else { return }
        try sink.write(UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
    }
}
