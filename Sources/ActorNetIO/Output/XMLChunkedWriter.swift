import CLibXML2

/// Why `XMLChunkedWriter` failed: libxml2 refused an event (not expected once texts are
/// checked), or the sink could not take the bytes.
enum XMLWriteFailure: Error {
    case libxml(what: String, code: Int32)
    case output(OutputError)
}

/// libxml2's streaming `xmlTextWriter`, one call per XML event, over a small memory buffer that
/// is handed to a `ByteSink` whenever it holds `chunkSize` bytes: the document is never whole in
/// memory. Shared by the GraphML and GEXF writers; escaping is libxml2's. Output is UTF-8,
/// indented by two spaces.
final class XMLChunkedWriter {
    /// Bytes gathered before they go to the sink.
    static let defaultChunkSize = 1 << 16

    private let buffer: xmlBufferPtr
    private var writer: xmlTextWriterPtr?
    private let sink: any ByteSink
    private let chunkSize: Int

    init(sink: any ByteSink, chunkSize: Int = defaultChunkSize) throws(XMLWriteFailure) {
        guard let buffer = xmlBufferCreate() else { throw .libxml(what: "an output buffer", code: -1) }
        self.buffer = buffer
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw .libxml(what: "a writer", code: -1)
        }
        self.writer = writer
        self.sink = sink
        self.chunkSize = max(1, chunkSize)
        xmlTextWriterSetIndent(writer, 1)
        XMLText.with("  ") { _ = xmlTextWriterSetIndentString(writer, $0) }
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "the XML declaration")
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    func start(_ name: String) throws(XMLWriteFailure) {
        try check(XMLText.with(name) { xmlTextWriterStartElement(writer, $0) }, "<\(name)>")
    }

    func attribute(_ name: String, _ value: String) throws(XMLWriteFailure) {
        try check(XMLText.with(name) { n in XMLText.with(value) { v in xmlTextWriterWriteAttribute(writer, n, v) } },
                  "attribute \(name)")
    }

    /// Character data; libxml2 escapes `<`, `>`, `&` and CR (as `&#13;`, so a CR survives
    /// end-of-line normalisation on reading).
    func text(_ text: String) throws(XMLWriteFailure) {
        try check(XMLText.with(text) { xmlTextWriterWriteString(writer, $0) }, "a text")
    }

    /// `<name>text</name>`.
    func element(_ name: String, text: String) throws(XMLWriteFailure) {
        try start(name)
        try self.text(text)
        try end()
    }

    func processingInstruction(_ target: String, _ content: String) throws(XMLWriteFailure) {
        try check(XMLText.with(target) { t in XMLText.with(content) { c in xmlTextWriterWritePI(writer, t, c) } },
                  "<?\(target)?>")
    }

    /// Ends the innermost element; hands the buffer to the sink once it is full.
    func end() throws(XMLWriteFailure) {
        try check(xmlTextWriterEndElement(writer), "an end tag")
        if Int(xmlBufferLength(buffer)) >= chunkSize { try drain() }
    }

    /// Ends the document and hands the rest to the sink. Freeing the writer is what flushes its
    /// last output into the buffer.
    func finish() throws(XMLWriteFailure) {
        try check(xmlTextWriterEndDocument(writer), "the end of the document")
        xmlFreeTextWriter(writer)
        writer = nil
        try drain()
    }

    private func drain() throws(XMLWriteFailure) {
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return }
        do {
            try sink.write(UnsafeRawBufferPointer(start: content, count: count))
        } catch {
            throw .output(error)
        }
        xmlBufferEmpty(buffer)
    }

    private func check(_ status: Int32, _ what: @autoclosure () -> String) throws(XMLWriteFailure) {
        if status < 0 { throw .libxml(what: what(), code: status) }
    }
}
