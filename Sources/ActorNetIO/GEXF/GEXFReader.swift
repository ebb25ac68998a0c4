import ActorNetCore
import CLibXML2
import Foundation

/// Reads GEXF 1.1draft, 1.2draft and 1.3 files into a `Network`, through libxml2's streaming
/// `xmlTextReader` (no network access, no external entities or DTDs).
///
/// Elements are matched by local name, whatever their namespace: GEXF's namespace changes with
/// each version and real files carry malformed viz namespaces (Les Misérables:
/// `http:///www.gexf.net/1.1draft/viz`).
///
/// Mapping (through `ImportBuilder`, so the column names are `ExportTable`'s):
/// - node `label` → name; attvalues by their attribute's title (values typed by the declared
///   GEXF type, `<default>`s applied); `viz:color` (r/g/b or hex) and `viz:size` → attributes
///   `r`, `g`, `b`, `size` unless an attvalue already has that name; `viz:position` → `x`,
///   `y` (and `z`). List types (`liststring`, …) are kept as the text written.
/// - edge `kind` (GEXF 1.3) or the `kind` attvalue → kind (the attvalue wins); `weight`;
///   `type` or `defaultedgetype` → direction (`mutual` reads as undirected); `label`.
/// - Times (`timeformat` date or dateTime): an edge's `start`/`end` (or its single spell) →
///   `since`/`until` by `GEXFTime`'s inverse mapping, unless `since`/`until` attvalues are
///   present (ActorNet's own exports: those keep the original precision). With several
///   spells the first is kept; time-sliced attvalues keep their first value; node lifetimes
///   are dropped (actors are not dated); numeric times (`integer`/`double`) have no calendar
///   date and are dropped. Each of these warns once per file.
/// - Graph data: ActorNet's `<?actornet {JSON}?>` gives name, summary, kinds and sources;
///   otherwise the name is `<meta>`'s title, networkx's `<graph name>`, else its description
///   (which is the summary when a name came from elsewhere).
public enum GEXFReader {
    /// Loads the GEXF file at `path`.
    public static func read(path: String) -> LoadResult {
        InputFile.load(path, expecting: ".gexf") { read(bytes: $0, file: $1) }
    }

    /// Loads a GEXF document from bytes; `file` names it in diagnostics.
    public static func read(bytes: [UInt8], file: String) -> LoadResult {
        guard bytes.count <= InputFile.maximumBytes else {
            return LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                "the document is \(bytes.count) bytes, more than the \(InputFile.maximumBytes) bytes a GEXF file may have",
                fix: "split the network into smaller files, or write it as GraphML, which is read in a stream without this limit")])
        }
        var parse = GEXFParse(bytes: bytes, file: file)
        return parse.run()
    }
}

/// libxml2's messages, collected by the structured error handler.
private final class XMLErrorSink {
    var items: [(severity: Diagnostic.Severity, line: Int, column: Int, message: String, fix: String)] = []
}

/// One pass over the document with the reader's state.
private struct GEXFParse {
    enum ValueKind { case string, long, double, boolean }

    struct AttributeDecl {
        var title: String
        var type: String
        var kind: ValueKind
        var dynamic: Bool
        var defaultText: String?
    }

    struct Pending {
        var isEdge: Bool
        var id: String?
        var source = ""
        var target = ""
        var directed = false
        var location: SourceLocation
        var xml: [String: String]
        var values: [(key: String, value: ExportTable.Value)] = []
        var seen: Set<String> = []
        var viz: [(key: String, value: ExportTable.Value)] = []
        var spells: [[String: String]] = []
    }

    let bytes: [UInt8]
    let file: String
    var builder: ImportBuilder
    /// Where `locate` last looked: elements come in document order, so each search starts
    /// there instead of at the start of the file or line (a file on one line stays linear).
    var cursor = (line: 1, lineStart: 0, offset: 0, column: 1)
    /// Set when reading stopped on purpose (an entity reference); libxml2's follow-up errors
    /// are then dropped.
    var stopped = false

    var declarations: [String: [String: AttributeDecl]] = ["node": [:], "edge": [:]]
    var declarationOrder: [String: [String]] = ["node": [], "edge": []]
    var attributesClass: String?
    var attributesDynamic = false
    var currentAttribute: String?
    var captureText: String?
    var text = ""
    var meta: [String: String] = [:]
    var actornetData = false
    var graphName: String?
    var sawGraph = false
    var sawRoot = false
    var defaultDirected = false
    var timeformat: String?
    var pending: Pending?
    var nestedNodes = 0
    var warned: Set<String> = []

    /// The longest text kept from one element (libxml2's own limit for one text node).
    static let maximumTextBytes = 10_000_000

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        builder = ImportBuilder(file: file)
    }

    mutating func run() -> LoadResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            return LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: start, "the file is empty",
                fix: "a GEXF file needs <gexf><graph><nodes>…</nodes><edges>…</edges></graph></gexf>")])
        }
        let sink = XMLErrorSink()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        var failed = false
        withExtendedLifetime(sink) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    guard let reader = xmlReaderForMemory(chars.baseAddress, Int32(chars.count), file, nil, options) else {
                        failed = true
                        return
                    }
                    defer { xmlFreeTextReader(reader) }
                    xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                        guard let context, let error else { return }
                        let sink = Unmanaged<XMLErrorSink>.fromOpaque(context).takeUnretainedValue()
                        let e = error.pointee
                        guard sink.items.count < 100 else { return }
                        let message = e.message.map { String(cString: $0) } ?? "malformed XML"
                        let (text, fix) = XMLParserMessage.describe(code: e.code, message: message)
                        sink.items.append((e.level.rawValue >= XML_ERR_ERROR.rawValue ? .error : .warning, Int(e.line),
                                           Int(e.int2), text, fix))
                    }, Unmanaged.passUnretained(sink).toOpaque())
                    while true {
                        let rc = xmlTextReaderRead(reader)
                        if rc != 1 {
                            failed = failed || rc < 0
                            break
                        }
                        if !step(reader) {
                            failed = true
                            break
                        }
                    }
                }
            }
        }
        for item in sink.items where !stopped {
            let location = SourceLocation(file: file, line: max(1, item.line), column: max(1, item.column))
            if item.severity == .error {
                builder.error("malformed XML: \(item.message)", at: location, fix: item.fix)
            } else {
                builder.warning("XML: \(item.message)", at: location)
            }
        }
        if failed || sink.items.contains(where: { $0.severity == .error }) {
            if !builder.diagnostics.hasErrors {
                builder.error("the document could not be read as XML", at: start, fix: "check that the file is a complete GEXF document")
            }
            return LoadResult(network: nil, diagnostics: builder.diagnostics.sorted { $0.location < $1.location })
        }
        if !sawGraph {
            builder.error("no <graph> element: this is not a GEXF network", at: start,
                          fix: "a GEXF file holds <gexf><graph>…</graph></gexf>")
            return LoadResult(network: nil, diagnostics: builder.diagnostics)
        }
        return builder.build()
    }

    // MARK: Events

    /// Handles the reader's current node; false stops reading (a fatal problem was reported).
    mutating func step(_ reader: xmlTextReaderPtr) -> Bool {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let name = string(xmlTextReaderConstLocalName(reader))
            let qualified = string(xmlTextReaderConstName(reader))
            let empty = xmlTextReaderIsEmptyElement(reader) == 1
            let line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
            let location = locate(line: line, needle: "<" + qualified)
            var attributes: [String: String] = [:]
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                attributes[string(xmlTextReaderConstLocalName(reader))] = string(xmlTextReaderConstValue(reader))
            }
            xmlTextReaderMoveToElement(reader)
            if !sawRoot, let uri = xmlTextReaderConstNamespaceUri(reader).map(string), !uri.lowercased().contains("gexf") {
                builder.error("not a GEXF file: the root element <\(qualified.shownValue)> is in the namespace '\(uri.shownValue)', not GEXF's (such as 'http://gexf.net/1.3')",
                              at: location, fix: "write xmlns=\"http://gexf.net/1.3\" (or the namespace of the GEXF version used) on <gexf>, or read the file with the reader for its format")
                return false
            }
            if !startElement(name, attributes, empty: empty, location) { return false }
            if empty { endElement(name) }
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            endElement(string(xmlTextReaderConstLocalName(reader)))
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            if captureText != nil, text.utf8.count < Self.maximumTextBytes {
                text += string(xmlTextReaderConstValue(reader))
                if text.utf8.count >= Self.maximumTextBytes {
                    builder.error("a text of more than \(Self.maximumTextBytes) bytes", at: locate(line: Int(xmlTextReaderGetParserLineNumber(reader)), needle: ""),
                                  fix: "shorten the value: ActorNet keeps texts up to 10 MB")
                    return false
                }
            }
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            let name = string(xmlTextReaderConstName(reader))
            let line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
            builder.error("entity reference '&\(name.shownValue);' is not expanded: ActorNet does not substitute entities declared in a DOCTYPE (they could pull in local files or URLs, or expand without end)",
                          at: locate(line: line, needle: "&\(name);"),
                          fix: "write the text itself instead of the entity (the predefined &lt; &gt; &amp; &quot; &apos; and character references are fine)")
            stopped = true
            return false
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            let dtd = UnsafeMutableRawPointer(xmlTextReaderCurrentNode(reader)).map { $0.assumingMemoryBound(to: xmlDtd.self) }
            if let dtd, [dtd.pointee.entities, dtd.pointee.pentities].contains(where: { $0.map { xmlHashSize(OpaquePointer($0)) > 0 } ?? false }) {
                builder.error("the DOCTYPE declares entities: ActorNet does not expand them (they could pull in local files or URLs, or expand without end)",
                              at: doctypeLocation(),
                              fix: "remove the DOCTYPE and write the texts themselves: GEXF needs no entities")
                stopped = true
                return false
            }
            if let system = dtd?.pointee.SystemID {
                builder.warning("the DOCTYPE names the external DTD '\(string(system).shownValue)'; it is not loaded: ActorNet never reads files or URLs a document points to",
                                at: doctypeLocation(),
                                fix: "nothing to do (GEXF needs no DTD); remove the DOCTYPE to silence this")
            }
        case Int32(XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue):
            if string(xmlTextReaderConstName(reader)) == "actornet" {
                let line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
                graphData(string(xmlTextReaderConstValue(reader)), at: locate(line: line, needle: "<?actornet"))
            }
        default: break
        }
        return true
    }

    mutating func startElement(_ name: String, _ attributes: [String: String], empty: Bool,
                               _ location: SourceLocation) -> Bool {
        if !sawRoot {
            sawRoot = true
            guard name == "gexf" else {
                builder.error("the root element is <\(name)>, not <gexf>: this is not a GEXF file", at: location,
                              fix: "read it with the reader for its format, or check that the file is the GEXF export")
                return false
            }
        }
        switch name {
        case "gexf":
            break
        case "graph":
            if !sawGraph { beginGraph(attributes) }
            sawGraph = true
        case "attributes":
            attributesClass = attributes["class"]?.lowercased()
            attributesDynamic = attributes["mode"]?.lowercased() == "dynamic"
        case "attribute":
            guard let cls = attributesClass, declarations[cls] != nil else { break }
            guard let id = attributes["id"] else {
                builder.error("<attribute> without an id", at: location, fix: "give the attribute an id, e.g. id=\"0\"")
                break
            }
            let type = attributes["type"] ?? "string"
            let kind = valueKind(type, at: location)
            if declarations[cls]![id] == nil {
                guard declarationOrder[cls]!.count < GraphMLReader.maximumKeys else {
                    builder.error("more than \(GraphMLReader.maximumKeys) \(cls) <attribute>s: ActorNet reads at most \(GraphMLReader.maximumKeys) per class (attribute '\(id.shownValue)' is one too many)",
                                  at: location, fix: "real networks need tens of attributes: the file is damaged or hostile; export it again from the tool that made it")
                    return false
                }
                declarationOrder[cls]!.append(id)
            }
            declarations[cls]![id] = AttributeDecl(title: attributes["title"] ?? id, type: type, kind: kind,
                                                   dynamic: attributesDynamic, defaultText: nil)
            currentAttribute = id
        case "default":
            if currentAttribute != nil { beginText("default") }
        case "meta":
            break
        case "node", "edge":
            guard pending == nil else {
                if !empty { nestedNodes += 1 }
                warnOnce("hierarchy", "nodes nested in nodes (hierarchy) are not read", at: location,
                         fix: "flatten the hierarchy before importing")
                break
            }
            let isEdge = name == "edge"
            if !isEdge, attributes["id"] == nil {
                builder.error("<node> without an id", at: location, fix: "give every node an id attribute")
                return true
            }
            var p = Pending(isEdge: isEdge, id: attributes["id"], location: location, xml: attributes)
            if isEdge {
                guard let source = attributes["source"], let target = attributes["target"] else {
                    builder.error("<edge> without \(attributes["source"] == nil ? "source" : "target")", at: location,
                                  fix: "give every edge a source and a target node id")
                    return true
                }
                p.source = source
                p.target = target
                switch attributes["type"]?.lowercased() {
                case "directed": p.directed = true
                case "undirected", "mutual": p.directed = false
                case nil: p.directed = defaultDirected
                case let other?:
                    builder.error("edge type '\(other)' is not valid", at: attributeLocation("type", after: location),
                                  fix: "use directed, undirected or mutual")
                    p.directed = defaultDirected
                }
            }
            pending = p
        case "attvalue":
            attvalue(attributes, location)
        case "spell":
            pending?.spells.append(attributes)
        case "color":
            guard pending?.isEdge == false else { break }
            if let hex = attributes["hex"] {
                let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
                if digits.count == 6, let v = Int(digits, radix: 16) {
                    pending?.viz += [("r", .long(v >> 16)), ("g", .long((v >> 8) & 0xFF)), ("b", .long(v & 0xFF))]
                } else {
                    builder.warning("viz:color hex '\(hex)' is not #RRGGBB; ignored", at: location)
                }
            } else {
                for channel in ["r", "g", "b"] {
                    if let text = attributes[channel], let value = vizNumber(text, "viz:color \(channel)", location) {
                        pending?.viz.append((channel, .long(Int(value))))
                    }
                }
            }
        case "size":
            guard pending?.isEdge == false, let text = attributes["value"] else { break }
            if let value = vizNumber(text, "viz:size", location) { pending?.viz.append(("size", .double(value))) }
        case "position":
            guard pending?.isEdge == false else { break }
            for axis in ["x", "y", "z"] {
                if let text = attributes[axis], let value = vizNumber(text, "viz:position \(axis)", location) {
                    pending?.viz.append((axis, .double(value)))
                }
            }
        default:
            if captureText == nil, pending == nil, !sawGraph { beginText(name.lowercased()) }  // <meta> children
        }
        return true
    }

    mutating func endElement(_ name: String) {
        switch name {
        case "attributes": attributesClass = nil
        case "attribute": currentAttribute = nil
        case "default":
            if let id = currentAttribute, let cls = attributesClass, captureText == "default" {
                declarations[cls]?[id]?.defaultText = text
            }
            captureText = nil
        case "node", "edge":
            if nestedNodes > 0 {
                nestedNodes -= 1
                break
            }
            guard let p = pending, p.isEdge == (name == "edge") else { break }
            pending = nil
            finish(p)
        default:
            if let key = captureText, key == name.lowercased() {
                if meta[key] == nil { meta[key] = text.trimmingCharacters(in: .whitespacesAndNewlines) }
                captureText = nil
            }
        }
    }

    mutating func beginText(_ key: String) {
        captureText = key
        text = ""
    }

    mutating func beginGraph(_ attributes: [String: String]) {
        defaultDirected = attributes["defaultedgetype"]?.lowercased() == "directed"
        timeformat = attributes["timeformat"]?.lowercased()
        graphName = attributes["name"]
        guard !actornetData else { return }
        let start = SourceLocation(file: file, line: 1, column: 1)
        let title = meta.first { $0.key == "title" }?.value
        if let name = title ?? graphName {
            builder.setGraphData(key: "name", value: name, at: start)
            if let description = meta["description"] { builder.setGraphData(key: "description", value: description, at: start) }
        } else if let description = meta["description"] {
            builder.setGraphData(key: "name", value: description, at: start)
        }
    }

    mutating func graphData(_ json: String, at location: SourceLocation) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String] else {
            builder.warning("<?actornet?> does not hold the JSON object ActorNet writes; ignored", at: location)
            return
        }
        actornetData = true
        for key in ["name", "description", "kinds", "sources"] {
            if let value = object[key] { builder.setGraphData(key: key, value: value, at: location) }
        }
    }

    mutating func attvalue(_ attributes: [String: String], _ location: SourceLocation) {
        guard var p = pending else { return }
        let cls = p.isEdge ? "edge" : "node"
        guard let id = attributes["for"] ?? attributes["id"] else {
            builder.error("<attvalue> without 'for'", at: location, fix: "name the attribute id, e.g. for=\"0\"")
            return
        }
        guard let decl = declarations[cls]?[id] else {
            let known = knownNamesList(declarations[cls]!.keys)
            builder.error("attvalue for='\(id)' names no attribute declared in <attributes class=\"\(cls)\">",
                          at: attributeLocation("for", after: location),
                          fix: "declare <attribute id=\"\(id)\" …> for \(cls)s, or use a declared id (\(known))")
            return
        }
        let sliced = ["start", "end", "startopen", "endopen", "timestamp"].contains { attributes[$0] != nil }
        if sliced || p.seen.contains(id) {
            warnOnce("sliced", "time-sliced attribute values: only the first value of each attribute is kept",
                     at: location, fix: "ActorNet attributes are not dated; export one snapshot if a later value matters")
            if p.seen.contains(id) { return }
        }
        p.seen.insert(id)
        let text = attributes["value"] ?? ""
        if let value = typed(text, decl, at: attributeLocation("value", after: location)) {
            p.values.append((decl.title, value))
        }
        pending = p
    }

    mutating func finish(_ p: Pending) {
        let cls = p.isEdge ? "edge" : "node"
        var values = p.values
        for id in declarationOrder[cls]! where !p.seen.contains(id) {
            let decl = declarations[cls]![id]!
            if let text = decl.defaultText, let value = typed(text, decl, at: p.location) { values.append((decl.title, value)) }
        }
        let timeKeys = ["start", "end", "startopen", "endopen", "timestamp", "timestamps", "intervals"]
        if !p.isEdge {
            if timeKeys.contains(where: { p.xml[$0] != nil }) || !p.spells.isEmpty {
                warnOnce("node-time", "node lifetimes (start/end/spells) are not kept: ActorNet actors are not dated",
                         at: p.location, fix: "date the relations instead; an actor is present throughout")
            }
            var attributes: [(key: String, value: ExportTable.Value)] = p.xml["label"].map { [("label", .string($0))] } ?? []
            let names = Set(values.map { $0.key.lowercased() })
            attributes += values + p.viz.filter { !names.contains($0.key) }
            builder.addNode(id: p.id!, attributes: attributes, at: p.location)
            return
        }
        var attributes: [(key: String, value: ExportTable.Value)] = []
        if let label = p.xml["label"] { attributes.append(("label", .string(label))) }
        if let kind = p.xml["kind"] { attributes.append(("kind", .string(kind))) }
        if let weight = p.xml["weight"] {
            if let x = Double(weight.trimmingCharacters(in: .whitespaces)) {
                attributes.append(("weight", .double(x)))
            } else {
                builder.error("weight '\(weight)' is not a number", at: attributeLocation("weight", after: p.location),
                              fix: "write a number such as 2.5")
            }
        }
        attributes += values
        let names = Set(values.map { $0.key.lowercased() })
        let dates = interval(p)
        if !names.contains("since"), let since = dates.since { attributes.append(("since", .string(since.description))) }
        if !names.contains("until"), let until = dates.until { attributes.append(("until", .string(until.description))) }
        builder.addEdge(id: p.id, source: p.source, target: p.target, directed: p.directed, attributes: attributes,
                        at: p.location)
    }

    /// The edge's dates by `GEXFTime`'s inverse mapping (inclusive GEXF ends).
    mutating func interval(_ p: Pending) -> (since: PartialDate?, until: PartialDate?) {
        for key in ["timestamp", "timestamps", "intervals"] where p.xml[key] != nil {
            warnOnce("edge-\(key)", "edge '\(key)' times are not read; use start/end or one spell", at: p.location)
        }
        var times = p.xml.filter { ["start", "end", "startopen", "endopen"].contains($0.key) }
        if times.isEmpty, let first = p.spells.first {
            times = first
            if p.spells.count > 1 {
                warnOnce("spells", "an edge with several spells keeps only its first", at: p.location,
                         fix: "split the relation into one relation per period")
            }
        }
        guard !times.isEmpty else { return (nil, nil) }
        if timeformat == "integer" || timeformat == "double" || timeformat == "long" {
            warnOnce("numeric-time", "timeformat '\(timeformat!)' has no calendar dates; edge times are dropped",
                     at: p.location, fix: "write timeformat=\"date\" with yyyy-mm-dd times to keep them")
            return (nil, nil)
        }
        func day(_ key: String) -> PartialDate? {
            guard let text = times[key] else { return nil }
            guard let (d, hadTime) = GEXFTime.parseDay(text) else {
                if timeformat == nil {
                    warnOnce("numeric-time", "times without timeformat=\"date\" are not dates; edge times are dropped",
                             at: p.location, fix: "write timeformat=\"date\" with yyyy-mm-dd times to keep them")
                } else {
                    builder.error("\(key) '\(text)' is not a date", at: attributeLocation(key, after: p.location),
                                  fix: "write yyyy-mm-dd (timeformat \(timeformat!))")
                }
                return nil
            }
            if hadTime {
                warnOnce("time-of-day", "times of day and time zones are dropped: ActorNet dates are days", at: p.location)
            }
            return d
        }
        let since = day("start") ?? day("startopen").flatMap(GEXFTime.dayAfter)
        let until = day("end").flatMap(GEXFTime.dayAfter) ?? day("endopen")
        return (since, until)
    }

    // MARK: Values

    static let valueKinds: [String: ValueKind] = [
        "string": .string, "anyuri": .string, "char": .string,
        "integer": .long, "long": .long, "short": .long, "byte": .long, "biginteger": .long,
        "double": .double, "float": .double, "bigdecimal": .double,
        "boolean": .boolean,
    ]

    mutating func valueKind(_ type: String, at location: SourceLocation) -> ValueKind {
        let lower = type.lowercased()
        if let kind = Self.valueKinds[lower] { return kind }
        if lower.hasPrefix("list") { return .string }  // list types keep their text as written
        builder.warning("attribute type '\(type)' is not a GEXF type; its values are read as text", at: location,
                        fix: "use string, integer, long, float, double, boolean or a list type")
        return .string
    }

    mutating func typed(_ text: String, _ decl: AttributeDecl, at location: SourceLocation) -> ExportTable.Value? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch decl.kind {
        case .string: return .string(text)
        case .long:
            if let n = Int(trimmed) { return .long(n) }
        case .double:
            if let x = Double(trimmed) { return .double(x) }
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "1": return .boolean(true)
            case "false", "0": return .boolean(false)
            default: break
            }
        }
        builder.error("attribute '\(decl.title)' (type \(decl.type)): '\(text)' is not a valid \(decl.type)", at: location,
                      fix: decl.kind == .boolean ? "write true or false" : "write a number such as \(decl.kind == .long ? "12" : "2.5"), or declare the attribute as string")
        return nil
    }

    mutating func vizNumber(_ text: String, _ what: String, _ location: SourceLocation) -> Double? {
        if let x = Double(text.trimmingCharacters(in: .whitespaces)) { return x }
        builder.warning("\(what) '\(text)' is not a number; ignored", at: location)
        return nil
    }

    mutating func warnOnce(_ key: String, _ message: String, at location: SourceLocation, fix: String? = nil) {
        guard warned.insert(key).inserted else { return }
        builder.warning(message + " (warned once per file)", at: location, fix: fix)
    }

    // MARK: Locations

    /// The position of `needle` on `line` (columns count characters, from 1); column 1 when not found.
    /// Where `<!DOCTYPE` starts (libxml2 reports the DTD once it has read past it).
    func doctypeLocation() -> SourceLocation {
        let pattern = Array("<!DOCTYPE".utf8)
        var line = 1, column = 1, i = 0
        while i + pattern.count <= bytes.count, !bytes[i..<i + pattern.count].elementsEqual(pattern) {
            if bytes[i] == UInt8(ascii: "\n") { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The first occurrence of `needle` on `line` at or after `column` (1 when absent). Searches
    /// on the bytes from `cursor`, which only moves forward while requests do.
    mutating func locate(line: Int, needle: String, from column: Int = 1) -> SourceLocation {
        guard line >= 1 else { return SourceLocation(file: file, line: 1, column: 1) }
        if line < cursor.line { cursor = (1, 0, 0, 1) }
        let newline = UInt8(ascii: "\n")
        while cursor.line < line {
            guard let next = bytes[cursor.offset...].firstIndex(of: newline) else {
                return SourceLocation(file: file, line: line, column: column)
            }
            cursor = (cursor.line + 1, next + 1, next + 1, 1)
        }
        // An explicit column before the cursor (rare) searches the line again from its start.
        if column > 1, cursor.column > column { cursor = (cursor.line, cursor.lineStart, cursor.lineStart, 1) }
        func step() {
            if bytes[cursor.offset] & 0xC0 != 0x80 { cursor.column += 1 }
            cursor.offset += 1
        }
        while cursor.column < column, cursor.offset < bytes.count, bytes[cursor.offset] != newline { step() }
        let start = cursor
        let pattern = Array(needle.utf8)
        while cursor.offset < bytes.count, bytes[cursor.offset] != newline {
            if cursor.offset + pattern.count <= bytes.count,
               bytes[cursor.offset..<cursor.offset + pattern.count].elementsEqual(pattern) {
                let found = SourceLocation(file: file, line: line, column: cursor.column)
                step()  // The next element's search starts past this one.
                return found
            }
            step()
        }
        cursor = start
        return SourceLocation(file: file, line: line, column: column)
    }

    mutating func attributeLocation(_ name: String, after element: SourceLocation) -> SourceLocation {
        let found = locate(line: element.line, needle: " \(name)=", from: element.column)
        return found.column == element.column ? found : SourceLocation(file: file, line: found.line, column: found.column + 1)
    }
}

private func string(_ p: UnsafePointer<xmlChar>?) -> String {
    guard let p else { return "" }
    return String(cString: p)
}
