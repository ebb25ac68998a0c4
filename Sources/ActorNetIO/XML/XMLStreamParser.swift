import CLibXML2
import Foundation

/// The one way ActorNet reads XML: libxml2's SAX2 push parser, fed in chunks from a file or
/// from bytes (no copy of the whole document, so no 2 GiB cap), with ActorNet's safety settings
/// and its located diagnostics. The GraphML and GEXF readers are `XMLStreamHandler`s: they
/// handle element starts and ends, text and processing instructions; everything else is here.
///
/// - **Safety.** No DTD is loaded, no entity is substituted and nothing is fetched from the
///   network (`XML_PARSE_NONET`, no `XML_PARSE_NOENT`/`DTDLOAD`); a reference to an entity
///   declared in a DOCTYPE is an error rather than expanded, and with
///   `refusesEntityDeclarations` so is the declaration itself. An external DTD is named in a
///   warning and never read. libxml2's limits stay on (no `XML_PARSE_HUGE`), and the depth of
///   elements, which libxml2 checks only when it builds a tree, is checked here.
/// - **Locations.** libxml2's messages keep its line and column; every element gets the line
///   and column of the `<` of its start tag (`startTagLocation`), and each attribute those of
///   its name (`attributeLocation`), computed from libxml2's input buffer while the tag is in it.
///
/// One parse lives for one `read` on one thread, inside the handler that embeds it (`xml`), so
/// both are plain structs reached through pointers: no class, so no dynamic exclusivity check
/// per event, and no allocation per event.
struct XMLStreamParser {
    /// The deepest nesting of elements read, libxml2's own limit.
    static let maximumDepth = 256

    /// The longest text or value kept, in bytes (libxml2's own limit for one text).
    static let maximumTextBytes = 10_000_000

    /// Bytes handed to libxml2 at a time.
    static let chunkSize = 256 * 1024

    /// libxml2's messages kept; later ones are counted.
    static let messageLimit = 100

    /// A message from libxml2 about the document, cleaned and with a fix (`XMLParserMessage`).
    struct Message {
        var message: String
        var fix: String
        var location: SourceLocation
        var isWarning: Bool
    }

    /// The file named in diagnostics.
    let file: String
    /// The format's name in messages ("GraphML needs no DTD").
    let format: String
    /// Whether an entity declaration in the DOCTYPE is refused (GEXF) or only a reference to
    /// one (GraphML, which reads yEd files whose DOCTYPEs declare entities they never use).
    let refusesEntityDeclarations: Bool

    /// libxml2's messages, in order, and how many were left out after `messageLimit`.
    private(set) var messages: [Message] = []
    private(set) var messagesDropped = 0
    /// The bridge's own diagnostics: entities and DTDs refused, the depth limit.
    private(set) var diagnostics: [Diagnostic] = []
    /// Set once reading was stopped on purpose (`stop()`): libxml2's follow-up complaints then
    /// add nothing and are dropped.
    private(set) var stopped = false
    /// After the parse: whether libxml2 found the document well-formed, and where it stopped.
    private(set) var wellFormed = true
    private(set) var endPosition = (line: 1, column: 1)
    /// After the parse: whether the input held nothing but XML whitespace (or nothing at all).
    private(set) var onlyWhitespace = true
    /// After the parse: reading the file failed (an I/O error, not the XML).
    private(set) var readFailed = false

    private var context: xmlParserCtxtPtr?
    private var depth = 0
    private var doctypeLocation: SourceLocation?
    private var doctypeWarning: Diagnostic?

    init(file: String, format: String, refusesEntityDeclarations: Bool) {
        self.file = file
        self.format = format
        self.refusesEntityDeclarations = refusesEntityDeclarations
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(line, 1), column: max(column, 1))
    }

    /// Stops libxml2 after a problem that makes reading on pointless.
    mutating func stop() {
        stopped = true
        if let context { xmlStopParser(context) }
    }

    /// The line and column libxml2 has read up to.
    func currentPosition() -> (line: Int, column: Int) {
        guard let input = context?.pointee.input else { return (1, 1) }
        return (Int(input.pointee.line), Int(input.pointee.col))
    }

    // MARK: Locations in the input

    /// Line and column of the `<` of the start tag libxml2 has just read (call it from
    /// `startElement`): its input still holds the whole tag (it shrinks the buffer only between
    /// constructs), and `<` cannot occur inside a tag, so the last `<` before the parser's
    /// position opens it.
    func startTagLocation() -> SourceLocation {
        guard let (_, line, column) = lastTagOpening() else { return location(1, 1) }
        return location(line, column)
    }

    /// Line and column of the name of the attribute `name` of the start tag just read (its
    /// local name when `name` has no prefix), or nil when the tag has no such attribute.
    func attributeLocation(_ name: String) -> SourceLocation? {
        guard let input = context?.pointee.input, let end = input.pointee.cur,
              let (start, line, column) = lastTagOpening() else { return nil }
        let wanted = Array(name.utf8), matchesLocal = !wanted.contains(UInt8(ascii: ":"))
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var p = start + 1
        while p < end, !isSpace(p.pointee), p.pointee != UInt8(ascii: "/"), p.pointee != UInt8(ascii: ">") { p += 1 }
        while p < end {
            while p < end, isSpace(p.pointee) { p += 1 }
            guard p < end, p.pointee != UInt8(ascii: "/"), p.pointee != UInt8(ascii: ">") else { return nil }
            let nameStart = p
            var localStart = p
            while p < end, !isSpace(p.pointee), p.pointee != UInt8(ascii: "=") {
                if p.pointee == UInt8(ascii: ":") { localStart = p + 1 }
                p += 1
            }
            let candidate = matchesLocal ? localStart : nameStart
            if candidate.distance(to: p) == wanted.count, wanted.withUnsafeBufferPointer({ memcmp(candidate, $0.baseAddress!, $0.count) == 0 }) {
                return offset(from: start, line: line, column: column, to: nameStart)
            }
            while p < end, p.pointee != UInt8(ascii: "\""), p.pointee != UInt8(ascii: "'") { p += 1 }
            guard p < end else { return nil }
            let quote = p.pointee
            p += 1
            while p < end, p.pointee != quote { p += 1 }
            p += 1
        }
        return nil
    }

    /// Line and column of the `<?target` of the processing instruction just read.
    func processingInstructionLocation(target: UnsafePointer<xmlChar>) -> SourceLocation {
        let found = lastOccurrence(of: "<?" + String(cString: target))
        guard let (_, line, column) = found else { return location(currentPosition().line, 1) }
        return location(line, column)
    }

    /// The last `<` before the parser's position, with its line and column.
    private func lastTagOpening() -> (UnsafePointer<UInt8>, line: Int, column: Int)? {
        lastOpening(UInt8(ascii: "<")) { _ in true }
    }

    /// The last `text` that starts before the parser's position, with its line and column.
    private func lastOccurrence(of text: String) -> (UnsafePointer<UInt8>, line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        return lastOpening(bytes[0]) { p in
            for i in 1..<bytes.count where p[i] != bytes[i] { return false }
            return true
        }
    }

    /// The last `opening` byte before the parser's position for which
    /// `matches` holds (it may read the bytes after it, up to the position), with its line and
    /// column.
    private func lastOpening(_ opening: UInt8,
                             _ matches: (UnsafePointer<UInt8>) -> Bool) -> (UnsafePointer<UInt8>, line: Int, column: Int)? {
        guard let input = context?.pointee.input, let base = input.pointee.base, let cur = input.pointee.cur else {
            return nil
        }
        var p = cur, newlines = 0, characters = 0
        while true {
            guard p > base else { return nil }
            p -= 1
            let b = p.pointee
            if b == opening, matches(p) { break }
            if b == UInt8(ascii: "\n") { newlines += 1; characters = 0 } else if b & 0xC0 != 0x80 { characters += 1 }
        }
        let line = Int(input.pointee.line) - newlines
        if newlines == 0 { return (p, line, Int(input.pointee.col) - characters - 1) }
        var column = 1, q = p
        while q > base, (q - 1).pointee != UInt8(ascii: "\n") {
            q -= 1
            if q.pointee & 0xC0 != 0x80 { column += 1 }
        }
        return (p, line, column)
    }

    /// The location of `target`, given that of `start` before it.
    private func offset(from start: UnsafePointer<UInt8>, line: Int, column: Int, to target: UnsafePointer<UInt8>) -> SourceLocation {
        var line = line, column = column, p = start
        while p < target {
            if p.pointee == UInt8(ascii: "\n") { line += 1; column = 1 } else if p.pointee & 0xC0 != 0x80 { column += 1 }
            p += 1
        }
        return location(line, column)
    }

    // MARK: Events the bridge handles itself

    /// Counts a level of nesting; false (with an error, reading stopped) past `maximumDepth`.
    mutating func enter() -> Bool {
        guard depth < Self.maximumDepth else {
            diagnostics.append(Diagnostic(.error, at: startTagLocation(),
                "malformed XML: Excessive depth in document: \(Self.maximumDepth) levels of elements",
                fix: XMLParserMessage.describe(code: 1, message: "Excessive depth").fix))
            stop()
            return false
        }
        depth += 1
        return true
    }

    mutating func leave() {
        if depth > 0 { depth -= 1 }
    }

    mutating func record(_ e: xmlError) {
        if stopped { return }
        guard messages.count < Self.messageLimit else {
            messagesDropped += 1
            return
        }
        let raw = e.message.map { String(cString: $0) } ?? "malformed XML"
        let (message, fix) = XMLParserMessage.describe(code: e.code, message: raw)
        messages.append(Message(message: message, fix: fix, location: location(Int(e.line), Int(e.int2)),
                                isWarning: e.level == XML_ERR_WARNING))
        // One fatal error is enough: libxml2 would go on scanning to the end for nothing.
        if e.level == XML_ERR_FATAL, let context { xmlStopParser(context) }
    }

    mutating func entityReference(_ name: UnsafePointer<xmlChar>, parameter: Bool) {
        // libxml2 also asks while reading the DOCTYPE's declarations: those are not uses.
        guard let context, context.pointee.inSubset == 0 || parameter, !stopped else { return }
        let reference = (parameter ? "%" : "&") + String(cString: name) + ";"
        let at = lastOccurrence(of: reference).map { location($0.line, $0.column) }
            ?? location(currentPosition().line, currentPosition().column - reference.count)
        if parameter {
            diagnostics.append(Diagnostic(.error, at: at,
                "parameter entity reference '\(reference.shownValue)' in the DOCTYPE is not expanded: ActorNet never reads DTDs or the files and URLs they name",
                fix: "remove the DOCTYPE: \(format) needs none"))
        } else {
            diagnostics.append(Diagnostic(.error, at: at,
                "entity reference '\(reference.shownValue)' is not expanded: ActorNet does not substitute entities declared in a DOCTYPE (they could pull in local files or URLs, or expand without end)",
                fix: "write the text itself instead of the entity (the predefined &lt; &gt; &amp; &quot; &apos; and character references are fine)"))
        }
        stop()
    }

    /// The DOCTYPE begins: where it is, and the warning for an external DTD (given at its end,
    /// so that a DOCTYPE refused for its entities gets the refusal alone).
    mutating func doctype(systemID: UnsafePointer<xmlChar>?) {
        let found = lastOccurrence(of: "<!DOCTYPE")
        let at = found.map { location($0.line, $0.column) } ?? location(currentPosition().line, 1)
        doctypeLocation = at
        guard let systemID else { return }
        doctypeWarning = Diagnostic(.warning, at: at,
            "the DOCTYPE names the external DTD '\(String(cString: systemID).shownValue)'; it is not loaded: ActorNet never reads files or URLs a document points to",
            fix: "nothing to do (\(format) needs no DTD); remove the DOCTYPE to silence this")
    }

    mutating func doctypeEnded() {
        if let doctypeWarning { diagnostics.append(doctypeWarning) }
        doctypeWarning = nil
    }

    mutating func entityDeclaration() {
        guard refusesEntityDeclarations, !stopped else { return }
        doctypeWarning = nil
        diagnostics.append(Diagnostic(.error, at: doctypeLocation ?? location(currentPosition().line, 1),
            "the DOCTYPE declares entities: ActorNet does not expand them (they could pull in local files or URLs, or expand without end)",
            fix: "remove the DOCTYPE and write the texts themselves: \(format) needs no entities"))
        stop()
    }

    // MARK: Driving libxml2

    /// Parses the file open at `descriptor` (read in chunks until its end) into `handler`.
    static func parse<Handler: XMLStreamHandler>(descriptor: Int32, into handler: inout Handler) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        parse(into: &handler) {
            while true {
                let n = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
                if n >= 0 { return UnsafeBufferPointer(rebasing: buffer[0..<n]) }
                if errno != EINTR { return nil }
            }
        }
    }

    /// Parses `bytes` into `handler`, a chunk at a time straight from the array.
    static func parse<Handler: XMLStreamHandler>(bytes: [UInt8], into handler: inout Handler) {
        bytes.withUnsafeBufferPointer { all in
            var offset = 0
            parse(into: &handler) {
                let n = min(chunkSize, all.count - offset)
                defer { offset += n }
                return UnsafeBufferPointer(rebasing: all[offset..<offset + n])
            }
        }
    }

    /// Feeds libxml2 the chunks `next` returns (empty at the end, nil on a read error).
    private static func parse<Handler: XMLStreamHandler>(into handler: inout Handler,
                                                        _ next: () -> UnsafeBufferPointer<UInt8>?) {
        var sax = saxHandler(refusingDeclarations: handler.xml.refusesEntityDeclarations)
        withUnsafeMutablePointer(to: &handler) { me in
            var route = Route(handler: UnsafeMutableRawPointer(me), type: Handler.self)
            withUnsafeMutablePointer(to: &route) { route in
                guard let ctxt = xmlCreatePushParserCtxt(&sax, UnsafeMutableRawPointer(route), nil, 0, nil) else {
                    me.pointee.xml.readFailed = true
                    return
                }
                me.pointee.xml.context = ctxt
                defer {
                    me.pointee.xml.wellFormed = ctxt.pointee.wellFormed != 0
                    me.pointee.xml.endPosition = me.pointee.xml.currentPosition()
                    me.pointee.xml.context = nil
                    me.pointee.xml.doctypeEnded()
                    // libxml2 may build a document of its own for entity declarations in an
                    // internal subset (even with no entityDecl handler): ours to free (found by
                    // the fuzzer as a leak).
                    if let doc = ctxt.pointee.myDoc {
                        xmlFreeDoc(doc)
                        ctxt.pointee.myDoc = nil
                    }
                    xmlFreeParserCtxt(ctxt)
                }
                // No XML_PARSE_NOENT, DTDLOAD, DTDATTR or DTDVALID: entities stay unexpanded and
                // no DTD or external entity is loaded; NONET forbids network access outright; no HUGE.
                xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue))
                while !me.pointee.xml.stopped, ctxt.pointee.disableSAX == 0 {
                    guard let chunk = next() else {
                        me.pointee.xml.readFailed = true
                        break
                    }
                    if me.pointee.xml.onlyWhitespace {
                        me.pointee.xml.onlyWhitespace = chunk.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
                    }
                    chunk.withMemoryRebound(to: CChar.self) { chars in
                        _ = xmlParseChunk(ctxt, chars.baseAddress, Int32(chars.count), chars.isEmpty ? 1 : 0)
                    }
                    if chunk.isEmpty { break }
                }
            }
        }
    }

    /// What libxml2's callbacks find behind their context pointer: the handler and its type, so
    /// that each event reaches the concrete reader's own (specialised) code with one call.
    private struct Route {
        var handler: UnsafeMutableRawPointer
        var type: any XMLStreamHandler.Type
    }

    private static func route(_ ctx: UnsafeMutableRawPointer) -> Route {
        ctx.assumingMemoryBound(to: Route.self).pointee
    }

    private static func saxHandler(refusingDeclarations: Bool) -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, prefix, uri, _, _, count, defaulted, attributes in
            guard let ctx, let localname else { return }
            let r = XMLStreamParser.route(ctx)
            r.type.dispatchStart(r.handler, XMLStartTag(localName: localname, prefix: prefix, uri: uri,
                                                        attributes: attributes, count: Int(count - defaulted)))
        }
        handler.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            let r = XMLStreamParser.route(ctx)
            r.type.dispatchEnd(r.handler)
        }
        let characters: charactersSAXFunc = { ctx, ch, len in
            guard let ctx, let ch else { return }
            let r = XMLStreamParser.route(ctx)
            r.type.dispatchCharacters(r.handler, UnsafeBufferPointer(start: ch, count: Int(len)))
        }
        handler.characters = characters
        handler.cdataBlock = characters
        handler.ignorableWhitespace = characters
        handler.processingInstruction = { ctx, target, data in
            guard let ctx, let target else { return }
            let r = XMLStreamParser.route(ctx)
            r.type.dispatchProcessingInstruction(r.handler, target: target, data: data)
        }
        handler.getEntity = { ctx, name in
            guard let ctx, let name else { return nil }
            let r = XMLStreamParser.route(ctx)
            r.type.withParser(r.handler) { $0.entityReference(name, parameter: false) }
            return nil
        }
        handler.getParameterEntity = { ctx, name in
            guard let ctx, let name else { return nil }
            let r = XMLStreamParser.route(ctx)
            r.type.withParser(r.handler) { $0.entityReference(name, parameter: true) }
            return nil
        }
        handler.internalSubset = { ctx, _, _, systemID in
            guard let ctx else { return }
            let r = XMLStreamParser.route(ctx)
            r.type.withParser(r.handler) { $0.doctype(systemID: systemID) }
        }
        // Called at the end of the DOCTYPE; it loads nothing (libxml2's own would load the DTD).
        handler.externalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            let r = XMLStreamParser.route(ctx)
            r.type.withParser(r.handler) { $0.doctypeEnded() }
        }
        if refusingDeclarations {
            // The declaration is refused, so it is never kept (no entities table to expand from).
            handler.entityDecl = { ctx, _, _, _, _, _ in
                guard let ctx else { return }
                let r = XMLStreamParser.route(ctx)
                r.type.withParser(r.handler) { $0.entityDeclaration() }
            }
        }
        handler.serror = { ctx, error in
            guard let ctx, let error else { return }
            let r = XMLStreamParser.route(ctx)
            r.type.withParser(r.handler) { $0.record(error.pointee) }
        }
        // No resolveEntity: external subsets and entities are never loaded. Without
        // `refusingDeclarations`, no entityDecl either: declarations are not kept.
        return handler
    }
}

/// A start tag as libxml2 hands it over: its strings are libxml2's UTF-8, valid for the call.
struct XMLStartTag {
    var localName: UnsafePointer<xmlChar>
    var prefix: UnsafePointer<xmlChar>?
    var uri: UnsafePointer<xmlChar>?
    /// Five pointers per attribute: local name, prefix, namespace URI, value start, value end;
    /// namespace declarations are not among them, nor defaults a DTD would add.
    var attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    var count: Int

    /// `prefix:local`, as written in the document.
    var qualifiedName: String {
        let local = String(cString: localName)
        return prefix.map { String(cString: $0) + ":" + local } ?? local
    }

    /// Calls `body` with each attribute's local name and value (as `value(_:)` reads it).
    func forEachAttribute(_ body: (_ name: UnsafePointer<xmlChar>, _ value: String) -> Void) {
        guard let attributes else { return }
        for i in 0..<count {
            let a = attributes + 5 * i
            guard let name = a[0], let start = a[3], let end = a[4] else { continue }
            body(name, Self.value(UnsafeBufferPointer(start: start, count: end - start)))
        }
    }

    /// An attribute value's text. Without entity substitution libxml2 hands an `&` written as
    /// `&amp;`, `&#38;` or `&#x26;` over as `&#38;` (its tree builder decodes it later), and
    /// every other `&` in a value starts an entity reference, which the parser refuses: so
    /// `&#38;` is decoded here, and only it.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, memchr(base, 0x26, bytes.count) != nil else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let reference = Array("&#38;".utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x26, i + reference.count <= bytes.count,
               memcmp(base + i, reference, reference.count) == 0 {
                decoded.append(0x26)
                i += reference.count
            } else {
                decoded.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}

/// A reader that `XMLStreamParser` drives: it embeds the parser as `xml` (for locations,
/// `stop()` and the bridge's diagnostics) and handles the document's events. The parser reaches
/// the handler through the `dispatch…` requirements, which every handler takes from the
/// extension below: each is compiled for the concrete handler, so an event costs one call
/// through the conformance and nothing more (no closure, no box, no allocation).
protocol XMLStreamHandler {
    var xml: XMLStreamParser { get set }
    /// An element starts (within `XMLStreamParser.maximumDepth`).
    mutating func startElement(_ tag: XMLStartTag)
    /// The innermost open element ends (also for `<empty/>` ones).
    mutating func endElement()
    /// Character data, CDATA or whitespace, in as many pieces as libxml2 likes.
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>)
    mutating func processingInstruction(target: UnsafePointer<xmlChar>, data: UnsafePointer<xmlChar>?)

    static func dispatchStart(_ handler: UnsafeMutableRawPointer, _ tag: XMLStartTag)
    static func dispatchEnd(_ handler: UnsafeMutableRawPointer)
    static func dispatchCharacters(_ handler: UnsafeMutableRawPointer, _ text: UnsafeBufferPointer<UInt8>)
    static func dispatchProcessingInstruction(_ handler: UnsafeMutableRawPointer, target: UnsafePointer<xmlChar>,
                                              data: UnsafePointer<xmlChar>?)
    static func withParser(_ handler: UnsafeMutableRawPointer, _ body: (inout XMLStreamParser) -> Void)
}

extension XMLStreamHandler {
    mutating func processingInstruction(target: UnsafePointer<xmlChar>, data: UnsafePointer<xmlChar>?) {}

    @inline(__always)
    private static func at(_ handler: UnsafeMutableRawPointer) -> UnsafeMutablePointer<Self> {
        handler.assumingMemoryBound(to: Self.self)
    }

    static func dispatchStart(_ handler: UnsafeMutableRawPointer, _ tag: XMLStartTag) {
        let me = at(handler)
        if me.pointee.xml.enter() { me.pointee.startElement(tag) }
    }

    static func dispatchEnd(_ handler: UnsafeMutableRawPointer) {
        let me = at(handler)
        me.pointee.xml.leave()
        me.pointee.endElement()
    }

    static func dispatchCharacters(_ handler: UnsafeMutableRawPointer, _ text: UnsafeBufferPointer<UInt8>) {
        at(handler).pointee.characters(text)
    }

    static func dispatchProcessingInstruction(_ handler: UnsafeMutableRawPointer, target: UnsafePointer<xmlChar>,
                                              data: UnsafePointer<xmlChar>?) {
        at(handler).pointee.processingInstruction(target: target, data: data)
    }

    static func withParser(_ handler: UnsafeMutableRawPointer, _ body: (inout XMLStreamParser) -> Void) {
        body(&at(handler).pointee.xml)
    }
}
