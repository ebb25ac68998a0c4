import ActorNetCore
import CLibXML2
import Foundation

/// Reads GEXF 1.1draft, 1.2draft and 1.3 files into a `Network`, through the XML layer's SAX
/// stream (`XMLStreamParser`): the file is read in chunks, never whole, so its size has no cap;
/// no network access, no DTD is loaded and a DOCTYPE that declares entities is refused; libxml2's
/// limits and the layer's (256 levels, 10 MB texts) hold. Every diagnostic carries the line and
/// column of its element's start tag, or of the attribute at fault.
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
        InputFile.withDescriptor(path, expecting: ".gexf") { fd, file in
            var parse = GEXFParse(file: file)
            XMLStreamParser.parse(descriptor: fd, into: &parse)
            return parse.finish()
        }
    }

    /// Loads a GEXF document from bytes; `file` names it in diagnostics.
    public static func read(bytes: [UInt8], file: String) -> LoadResult {
        var parse = GEXFParse(file: file)
        XMLStreamParser.parse(bytes: bytes, into: &parse)
        return parse.finish()
    }
}

/// One pass over the document with the reader's state, driven by `XMLStreamParser`'s events.
private struct GEXFParse: XMLStreamHandler {
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
        var spells: [(attributes: [String: String], places: [String: SourceLocation])] = []
        /// Where the attributes checked only at the end tag (weight, times) are.
        var places: [String: SourceLocation] = [:]
    }

    /// The attributes checked after their start tag has left libxml2's buffer, whose places
    /// are therefore noted while it is there.
    static let laterChecked = ["weight", "start", "end", "startopen", "endopen"]

    let file: String
    var xml: XMLStreamParser
    var builder: ImportBuilder
    /// Set when reading stopped on a problem of the document (reported through `builder`).
    var failed = false

    var declarations: [String: [String: AttributeDecl]] = ["node": [:], "edge": [:]]
    var declarationOrder: [String: [String]] = ["node": [], "edge": []]
    var attributesClass: String?
    var attributesDynamic = false
    var currentAttribute: String?
    var captureText: String?
    var text: [UInt8] = []
    var textLocation = SourceLocation(file: "", line: 1, column: 1)
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
    /// The local names of the open elements, innermost last.
    var openNames: [String] = []

    init(file: String) {
        self.file = file
        xml = XMLStreamParser(file: file, format: "GEXF", refusesEntityDeclarations: true)
        builder = ImportBuilder(file: file)
    }

    /// Stops reading after a problem reported through `builder`.
    mutating func fail() {
        failed = true
        xml.stop()
    }

    mutating func finish() -> LoadResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if xml.readFailed {
            return LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: start,
                "cannot read '\(file)': I/O error while reading", fix: "check the file and the device it is on")], unreadable: true)
        }
        if xml.onlyWhitespace {
            return LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: start, "the file is empty",
                fix: "a GEXF file needs <gexf><graph><nodes>…</nodes><edges>…</edges></graph></gexf>")])
        }
        for d in xml.diagnostics {
            if d.severity == .error { builder.error(d.message, at: d.location, fix: d.fix) } else { builder.warning(d.message, at: d.location, fix: d.fix) }
        }
        for item in xml.messages {
            if item.isWarning {
                builder.warning("XML: \(item.message)", at: item.location)
            } else {
                builder.error("malformed XML: \(item.message)", at: item.location, fix: item.fix)
            }
        }
        if failed || !xml.wellFormed || xml.diagnostics.hasErrors || xml.messages.contains(where: { !$0.isWarning }) {
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

    mutating func startElement(_ tag: XMLStartTag) {
        let name = String(cString: tag.localName)
        let location = xml.startTagLocation()
        var attributes: [String: String] = [:]
        tag.forEachAttribute { name, value in attributes[String(cString: name)] = value }
        if !sawRoot, let uri = tag.uri.map({ String(cString: $0) }), !uri.lowercased().contains("gexf") {
            builder.error("not a GEXF file: the root element <\(tag.qualifiedName.shownValue)> is in the namespace '\(uri.shownValue)', not GEXF's (such as 'http://gexf.net/1.3')",
                          at: location, fix: "write xmlns=\"http://gexf.net/1.3\" (or the namespace of the GEXF version used) on <gexf>, or read the file with the reader for its format")
            fail()
            return
        }
        openNames.append(name)
        if !startElement(name, attributes, location) { fail() }
    }

    mutating func endElement() {
        guard let name = openNames.popLast() else { return }
        endElement(name)
    }

    mutating func characters(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard captureText != nil, !failed else { return }
        guard text.count + chunk.count < XMLStreamParser.maximumTextBytes else {
            builder.error("a text of more than \(XMLStreamParser.maximumTextBytes) bytes", at: textLocation,
                          fix: "shorten the value: ActorNet keeps texts up to 10 MB")
            fail()
            return
        }
        text.append(contentsOf: chunk)
    }

    mutating func processingInstruction(target: UnsafePointer<xmlChar>, data: UnsafePointer<xmlChar>?) {
        guard String(cString: target) == "actornet" else { return }
        graphData(data.map { String(cString: $0) } ?? "", at: xml.processingInstructionLocation(target: target))
    }

    mutating func startElement(_ name: String, _ attributes: [String: String], _ location: SourceLocation) -> Bool {
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
            if currentAttribute != nil { beginText("default", at: location) }
        case "meta":
            break
        case "node", "edge":
            guard pending == nil else {
                nestedNodes += 1
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
            for key in Self.laterChecked where attributes[key] != nil { p.places[key] = xml.attributeLocation(key) }
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
                    builder.error("edge type '\(other)' is not valid", at: xml.attributeLocation("type") ?? location,
                                  fix: "use directed, undirected or mutual")
                    p.directed = defaultDirected
                }
            }
            pending = p
        case "attvalue":
            attvalue(attributes, location)
        case "spell":
            var places: [String: SourceLocation] = [:]
            for key in Self.laterChecked where attributes[key] != nil { places[key] = xml.attributeLocation(key) }
            pending?.spells.append((attributes, places))
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
            if captureText == nil, pending == nil, !sawGraph { beginText(name.lowercased(), at: location) }  // <meta> children
        }
        return true
    }

    mutating func endElement(_ name: String) {
        switch name {
        case "attributes": attributesClass = nil
        case "attribute": currentAttribute = nil
        case "default":
            if let id = currentAttribute, let cls = attributesClass, captureText == "default" {
                declarations[cls]?[id]?.defaultText = String(decoding: text, as: UTF8.self)
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
                if meta[key] == nil { meta[key] = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
                captureText = nil
            }
        }
    }

    mutating func beginText(_ key: String, at location: SourceLocation) {
        captureText = key
        text.removeAll(keepingCapacity: true)
        textLocation = location
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
            let known = KnownNames.list(declarations[cls]!.keys)
            builder.error("attvalue for='\(id)' names no attribute declared in <attributes class=\"\(cls)\">",
                          at: xml.attributeLocation(attributes["for"] != nil ? "for" : "id") ?? location,
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
        if let value = typed(text, decl, at: xml.attributeLocation("value") ?? location) {
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
                builder.error("weight '\(weight)' is not a number", at: p.places["weight"] ?? p.location,
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
        var places = p.places
        if times.isEmpty, let first = p.spells.first {
            times = first.attributes
            places = first.places
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
                    builder.error("\(key) '\(text)' is not a date", at: places[key] ?? p.location,
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
}
