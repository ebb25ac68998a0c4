import CLibXML2
import Foundation

/// Reads GraphML (1.0 and 1.1) through libxml2's streaming reader into a `Network`, by way of
/// `ImportBuilder`, so an ActorNet export reads back unchanged and other tools' files map the
/// same way.
///
/// - **Keys.** `<key>`s for node, edge, graph or all, typed `int`/`long` (→ long),
///   `float`/`double` (→ double), `boolean` (`true`, `false`, `TRUE`, `FALSE`, `1`, `0`) or
///   `string` (also when the type is missing), with `<default>`s applied to every element that
///   has no `<data>` for the key. An element's column is the key's `attr.name`, else its id.
///   `<data>` for an undeclared key is kept as text under the key id, with a warning.
/// - **Edges.** Each `<edge>` is one relation (parallel edges stay apart); its direction is its
///   `directed` attribute, else its graph's `edgedefault`.
/// - **yEd and yFiles.** Keys with `yfiles.type` (node and edge graphics, resources) are ignored,
///   as is any `<data>` holding XML elements instead of a value (one warning per key): they
///   describe the drawing, not the network.
/// - **Nested graphs are flattened**, with a warning: the nodes of a `<graph>` inside a `<node>`
///   (yEd groups, the primer's nested example) or directly inside a `<graph>` (boost) become
///   actors of the one network, the group node stays an actor, and edges at every level become
///   relations. Refusing would reject every grouped yEd drawing for a structure ActorNet has no
///   use for; grouping can be recorded as a node attribute instead.
/// - **Refused** with an error at the element: hyperedges, ports (`<port>`, `sourceport`,
///   `targetport`) and locators (graphs in other files): each would need a model ActorNet does
///   not have, and dropping them would change the network silently.
/// - **Safety.** No DTD is loaded, no entity is substituted and nothing is fetched from the
///   network (`XML_PARSE_NONET`); a reference to an entity declared in a DOCTYPE is an error
///   rather than expanded, so a file cannot pull in local files or blow up in memory.
///
/// Every diagnostic carries file, line and column: libxml2's own messages for malformed XML,
/// the element's start tag for everything else.
public enum GraphMLReader {
    /// Reads and validates the GraphML file at `path`; `-` reads standard input. A file that
    /// cannot be read gives an error whose message starts with "cannot read", as
    /// `NetworkLoader` does.
    public static func read(path: String) -> LoadResult {
        InputFile.load(path, expecting: ".graphml") { read(bytes: $0, file: $1) }
    }

    /// Reads and validates GraphML from bytes; `file` names it in diagnostics.
    public static func read(bytes: [UInt8], file: String) -> LoadResult {
        var parse = GraphMLParse(bytes: bytes, file: file)
        return parse.run()
    }

    /// GraphML's value types and what each becomes.
    static let valueTypes: [String: ExportTable.ColumnType] = [
        "boolean": .boolean, "int": .long, "long": .long, "float": .double, "double": .double, "string": .string,
    ]

    /// The spellings of booleans that GraphML writers use (igraph writes `TRUE`/`FALSE`, the
    /// schema allows `1`/`0`).
    static let booleans: [String: Bool] = ["true": true, "false": false, "1": true, "0": false]

    /// Elements ActorNet refuses, with why and what to do.
    static let refused: [String: (message: String, fix: String)] = [
        "hyperedge": ("hyperedges are not supported: ActorNet relations join two actors; convert them to edges first",
                      "replace each <hyperedge> by <edge>s, e.g. one per pair of its endpoints"),
        "endpoint": ("hyperedge endpoints are not supported: ActorNet relations join two actors",
                     "convert the hyperedge to edges first"),
        "port": ("ports are not supported: ActorNet relations join actors, not points on them",
                 "remove the <port> elements and the edges' sourceport/targetport attributes"),
        "locator": ("graph locators (graphs stored in other files) are not supported",
                    "put the graph itself into the file"),
    ]
}

/// One reading of one document. Lives for one `read` call on one thread.
private struct GraphMLParse {
    struct Key {
        var id: String
        var domain: String
        var name: String
        var type: ExportTable.ColumnType
        var defaultText: String?
        /// yEd's graphics and resources: ignored.
        var ignored: Bool
        var location: SourceLocation
    }

    struct Element {
        var id: String
        var data: [(key: String, value: ExportTable.Value)] = []
        /// The key ids of `data`, in order (a few per element: an array beats hashing).
        var keys: [String] = []
        var location: SourceLocation
    }

    struct EdgeElement {
        var id: String?
        var source: String
        var target: String
        var directed: Bool
        var element: Element
    }

    enum Owner { case graphml, graph(outermost: Bool), node(Int), edge(Int) }

    enum Frame {
        case root
        case key(Int)
        case keyDefault(Int, text: String)
        case graph(directed: Bool, outermost: Bool)
        case node(Int)
        case edge(Int)
        case data(owner: Owner, key: String, text: String, hasElements: Bool, location: SourceLocation)
        /// An element whose content is skipped: `<desc>`, foreign elements, refused ones.
        case skipped
    }

    let bytes: [UInt8]
    let file: String
    var positions: SourcePositions
    var diagnostics: [Diagnostic] = []
    var keys: [Key] = []
    var keysByID: [String: [Int]] = [:]
    var nodes: [Element] = []
    var edges: [EdgeElement] = []
    var graphData: [(key: String, value: String, location: SourceLocation)] = []
    var frames: [Frame] = []
    var sawGraph = false
    /// Per key id: where it was first used and how often, for one warning per key.
    var undeclared: [String: (SourceLocation, Int)] = [:]
    var elementContent: [String: (SourceLocation, Int)] = [:]
    var domainMismatch: Set<String> = []
    /// Per refused feature: where it first occurs and how often, for one error per feature.
    var refusals: [String: (SourceLocation, Int)] = [:]

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        self.positions = SourcePositions(bytes)
    }

    func location(_ p: (line: Int, column: Int)) -> SourceLocation {
        SourceLocation(file: file, line: p.line, column: p.column)
    }

    mutating func error(_ message: String, at location: SourceLocation, fix: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: location, message, fix: fix))
    }

    mutating func warning(_ message: String, at location: SourceLocation, fix: String? = nil) {
        diagnostics.append(Diagnostic(.warning, at: location, message, fix: fix))
    }

    mutating func run() -> LoadResult {
        guard bytes.count < Int(Int32.max) else {
            return LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: location((1, 1)),
                "the file is larger than the 2 GB libxml2 reads from memory", fix: "split the network")])
        }
        let sink = XMLErrorSink()
        let completed: Bool = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                // No XML_PARSE_NOENT, DTDLOAD or DTDVALID: entities stay unexpanded and no DTD or
                // external entity is ever loaded; NONET forbids network access outright.
                guard let reader = xmlReaderForMemory(chars.baseAddress, Int32(chars.count), nil, nil,
                                                      Int32(XML_PARSE_NONET.rawValue)) else { return false }
                defer { xmlFreeTextReader(reader) }
                xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                    guard let context, let error else { return }
                    let sink = Unmanaged<XMLErrorSink>.fromOpaque(context).takeUnretainedValue()
                    let e = error.pointee
                    sink.errors.append((message: e.message.map { String(cString: $0) } ?? "malformed XML",
                                        line: Int(e.line), column: Int(e.int2),
                                        isWarning: e.level == XML_ERR_WARNING))
                }, Unmanaged.passUnretained(sink).toOpaque())
                while true {
                    let status = xmlTextReaderRead(reader)
                    if status != 1 { return status == 0 }
                    if !handle(reader) { return true }
                }
            }
        }
        for e in sink.errors {
            let message = e.message.trimmingCharacters(in: .whitespacesAndNewlines)
            let at = location((max(e.line, 1), max(e.column, 1)))
            if e.isWarning {
                warning("XML: \(message)", at: at)
            } else {
                error("malformed XML: \(message)", at: at, fix: "correct the XML at this point (a tag not closed, or closed in the wrong order, is the usual cause)")
            }
        }
        reportOncePerKind()
        if !completed, !diagnostics.hasErrors {
            error("malformed XML: libxml2 stopped reading here", at: location(positions.find("\u{0}")),
                  fix: "check that the file is complete, well-formed XML")
        }
        if !diagnostics.hasErrors, !sawGraph {
            error("no <graph> element: the file holds no network", at: location((1, 1)),
                  fix: "GraphML puts nodes and edges inside <graphml><graph edgedefault=\"undirected\">…</graph></graphml>")
        }
        guard !diagnostics.hasErrors else {
            return LoadResult(network: nil, diagnostics: diagnostics.sorted { $0.location < $1.location })
        }
        return build()
    }

    /// Handles the node the reader is on; false to stop reading (a fatal problem).
    mutating func handle(_ reader: xmlTextReaderPtr) -> Bool {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let at = location(positions.nextElement())
            let empty = xmlTextReaderIsEmptyElement(reader) == 1
            guard start(reader, at: at) else { return false }
            if empty { end() }
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            end()
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            let text = XMLText.string(xmlTextReaderConstValue(reader)) ?? ""
            switch frames.last {
            case let .data(owner, key, current, hasElements, at)?:
                frames[frames.count - 1] = .data(owner: owner, key: key, text: current + text, hasElements: hasElements, location: at)
            case let .keyDefault(index, current)?:
                frames[frames.count - 1] = .keyDefault(index, text: current + text)
            default: break
            }
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            let name = XMLText.string(xmlTextReaderConstName(reader)) ?? "?"
            error("entity reference '&\(name);' is not expanded: ActorNet does not substitute entities declared in a DOCTYPE",
                  at: location(positions.find("&\(name);")),
                  fix: "write the text itself instead of the entity (the predefined &lt; &gt; &amp; &quot; &apos; and character references are fine)")
        default:
            break
        }
        return true
    }

    /// The element's attributes without a namespace (GraphML's own), by local name.
    func attributes(_ reader: xmlTextReaderPtr) -> [String: String] {
        var result: [String: String] = [:]
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            guard xmlTextReaderConstNamespaceUri(reader) == nil, let name = XMLText.string(xmlTextReaderConstLocalName(reader))
            else { continue }
            result[name] = XMLText.string(xmlTextReaderConstValue(reader)) ?? ""
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    mutating func start(_ reader: xmlTextReaderPtr, at: SourceLocation) -> Bool {
        // Compared as C strings: no Swift string is made for the namespace of every element.
        let isGraphML = xmlTextReaderConstNamespaceUri(reader).map { uri in
            XMLText.with(graphMLNamespace) { xmlStrEqual(uri, $0) == 1 }
        } ?? true
        let name = XMLText.string(xmlTextReaderConstLocalName(reader)) ?? ""
        let parent = frames.last
        guard let parent else {
            guard isGraphML, name == "graphml" else {
                let shown = XMLText.string(xmlTextReaderConstName(reader)) ?? name
                error("not a GraphML file: the root element is <\(shown)>, not <graphml>", at: at,
                      fix: "read this file with the reader for its format, or export GraphML from the tool that wrote it")
                return false
            }
            frames.append(.root)
            return true
        }
        switch parent {
        case let .key(index) where isGraphML && name == "default":
            frames.append(.keyDefault(index, text: ""))
            return true
        case .skipped, .key, .keyDefault:
            // Inside a key only <default> counts; yFiles puts its own markup there too.
            frames.append(.skipped)
            return true
        case let .data(owner, key, text, _, location):
            // yEd and yFiles keep drawings as XML inside <data>: not a value.
            frames[frames.count - 1] = .data(owner: owner, key: key, text: text, hasElements: true, location: location)
            frames.append(.skipped)
            return true
        default: break
        }
        guard isGraphML else {
            frames.append(.skipped)
            return true
        }
        if GraphMLReader.refused[name] != nil {
            refuse(name, at: at)
            frames.append(.skipped)
            return true
        }
        if name == "data" {
            return startData(reader, parent: parent, at: at)
        }
        let attributes = attributes(reader)
        switch (name, parent) {
        case ("key", .root):
            startKey(attributes, at: at)
        case ("graph", .root), ("graph", .node), ("graph", .graph):
            startGraph(attributes, parent: parent, at: at)
        case ("node", .graph):
            guard let id = attributes["id"] else {
                error("<node> without an id", at: at, fix: "give the node an id attribute, e.g. <node id=\"RUS\">")
                frames.append(.skipped)
                return true
            }
            nodes.append(Element(id: id, location: at))
            frames.append(.node(nodes.count - 1))
        case ("edge", .graph(let directed, _)):
            startEdge(attributes, edgedefault: directed, at: at)
        case ("desc", _):
            frames.append(.skipped)
        default:
            warning("unexpected GraphML element <\(name)> here; ignored", at: at)
            frames.append(.skipped)
        }
        return true
    }

    /// `<data key=…>`, the most frequent element: its one attribute is read directly, with no
    /// dictionary of attributes.
    mutating func startData(_ reader: xmlTextReaderPtr, parent: Frame, at: SourceLocation) -> Bool {
        let owner: Owner
        switch parent {
        case .root: owner = .graphml
        case let .graph(_, outermost): owner = .graph(outermost: outermost)
        case let .node(i): owner = .node(i)
        case let .edge(i): owner = .edge(i)
        default:
            frames.append(.skipped)
            return true
        }
        var key: String?
        if XMLText.with("key", { xmlTextReaderMoveToAttribute(reader, $0) }) == 1 {
            key = XMLText.string(xmlTextReaderConstValue(reader))
            xmlTextReaderMoveToElement(reader)
        }
        guard let key else {
            error("<data> without a key", at: at, fix: "name the <key> it belongs to, e.g. <data key=\"n_label\">")
            frames.append(.skipped)
            return true
        }
        frames.append(.data(owner: owner, key: key, text: "", hasElements: false, location: at))
        return true
    }

    mutating func startKey(_ attributes: [String: String], at: SourceLocation) {
        guard let id = attributes["id"] else {
            error("<key> without an id", at: at, fix: "give the key an id, e.g. <key id=\"n_label\" …>")
            frames.append(.skipped)
            return
        }
        let typeName = attributes["attr.type"] ?? "string"
        var type = GraphMLReader.valueTypes[typeName]
        if type == nil {
            warning("key '\(id)' has attr.type '\(typeName)', which GraphML does not define; its values are read as text",
                    at: at, fix: "use boolean, int, long, float, double or string")
            type = .string
        }
        let key = Key(id: id, domain: attributes["for"] ?? "all", name: attributes["attr.name"] ?? id, type: type!,
                      defaultText: nil, ignored: attributes["yfiles.type"] != nil, location: at)
        if let same = keysByID[id]?.first(where: { keys[$0].domain == key.domain }) {
            warning("key '\(id)' for \(key.domain) is declared twice (first at line \(keys[same].location.line)); the first declaration is used",
                    at: at, fix: "give each key its own id")
            frames.append(.skipped)
            return
        }
        keysByID[id, default: []].append(keys.count)
        keys.append(key)
        frames.append(.key(keys.count - 1))
    }

    mutating func startGraph(_ attributes: [String: String], parent: Frame, at: SourceLocation) {
        let outermost: Bool
        switch parent {
        case .root:
            outermost = !sawGraph
            if sawGraph {
                warning("a second top-level <graph> is merged into the first: ActorNet reads one network per file", at: at)
            }
        case let .node(i):
            outermost = false
            warning("nested graph in node '\(nodes[i].id)' flattened: its nodes become actors and '\(nodes[i].id)' stays an actor",
                    at: at, fix: "ActorNet has no groups of actors; record the grouping as a node attribute if it matters")
        default:
            outermost = false
            warning("<graph> nested directly in a <graph> flattened: its nodes and edges join the network", at: at)
        }
        sawGraph = true
        var directed = true
        switch attributes["edgedefault"] {
        case "directed"?: directed = true
        case "undirected"?: directed = false
        case nil:
            warning("<graph> without edgedefault; its edges are read as directed", at: at,
                    fix: "add edgedefault=\"directed\" or edgedefault=\"undirected\"")
        case let other?:
            error("edgedefault '\(other)' is not valid", at: at, fix: "use 'directed' or 'undirected'")
        }
        frames.append(.graph(directed: directed, outermost: outermost))
    }

    mutating func startEdge(_ attributes: [String: String], edgedefault: Bool, at: SourceLocation) {
        if attributes["sourceport"] != nil || attributes["targetport"] != nil {
            refuse("port", at: at)
            frames.append(.skipped)
            return
        }
        guard let source = attributes["source"], let target = attributes["target"] else {
            error("<edge> without \(attributes["source"] == nil ? "a source" : "a target")", at: at,
                  fix: "give the edge source and target node ids")
            frames.append(.skipped)
            return
        }
        var directed = edgedefault
        if let text = attributes["directed"] {
            if let b = GraphMLReader.booleans[text.lowercased()] {
                directed = b
            } else {
                error("directed '\(text)' is not a boolean", at: at, fix: "use true or false")
            }
        }
        edges.append(EdgeElement(id: attributes["id"], source: source, target: target, directed: directed,
                                 element: Element(id: attributes["id"] ?? "", location: at)))
        frames.append(.edge(edges.count - 1))
    }

    mutating func end() {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case let .keyDefault(index, text):
            // yEd writes an empty <default/> as a placeholder on every key; it sets no value.
            if !text.isEmpty { keys[index].defaultText = text }
            if let text = keys[index].defaultText, !keys[index].ignored,
               case let .failure(message) = value(text, keys[index].type) {
                error("default of key '\(keys[index].id)' \(message)", at: keys[index].location,
                      fix: "write a \(keys[index].type.rawValue) value, or change the key's attr.type")
                keys[index].defaultText = nil
            }
        case let .data(owner, keyID, text, hasElements, at):
            endData(owner: owner, keyID: keyID, text: text, hasElements: hasElements, at: at)
        default:
            break
        }
    }

    enum Parsed { case success(ExportTable.Value), failure(String) }

    func value(_ text: String, _ type: ExportTable.ColumnType) -> Parsed {
        if type == .string { return .success(.string(text)) }
        // XML Schema's whitespace (space, tab, CR, LF) around typed values is collapsed.
        let trimmed = XMLText.trimmingWhitespace(text)
        switch type {
        case .string: return .success(.string(text))
        case .long:
            guard let n = Int(trimmed) else { return .failure("is '\(trimmed)', not an integer") }
            return .success(.long(n))
        case .double:
            guard let x = Double(trimmed) else { return .failure("is '\(trimmed)', not a number") }
            return .success(.double(x))
        case .boolean:
            guard let b = GraphMLReader.booleans[trimmed.lowercased()] else {
                return .failure("is '\(trimmed)', not a boolean (true, false, 1 or 0)")
            }
            return .success(.boolean(b))
        }
    }

    /// The key a `<data key=…>` on an element of `domain` refers to: the one declared for that
    /// domain, else for all, else (with a warning, as networkx reads it) one for another domain.
    mutating func key(_ id: String, domain: String, at: SourceLocation) -> Key? {
        guard let candidates = keysByID[id] else { return nil }
        if let i = candidates.first(where: { keys[$0].domain == domain }) ?? candidates.first(where: { keys[$0].domain == "all" }) {
            return keys[i]
        }
        let other = keys[candidates[0]]
        if !other.ignored, domainMismatch.insert("\(id) \(domain)").inserted {
            warning("key '\(id)' is declared for \(other.domain) but used on a \(domain); read as '\(other.name)' anyway", at: at,
                    fix: "declare the key for \(domain) or all")
        }
        return other
    }

    mutating func endData(owner: Owner, keyID: String, text: String, hasElements: Bool, at: SourceLocation) {
        let domain: String
        switch owner {
        case .graphml: return  // Document-level data (yEd resources) describes no network.
        case .graph: domain = "graph"
        case .node: domain = "node"
        case .edge: domain = "edge"
        }
        let key = key(keyID, domain: domain, at: at)
        if key?.ignored == true { return }
        if hasElements {
            let (first, count) = elementContent[keyID] ?? (at, 0)
            elementContent[keyID] = (first, count + 1)
            return
        }
        let name: String, parsed: ExportTable.Value
        if let key {
            switch value(text, key.type) {
            case let .success(v): parsed = v
            case let .failure(message):
                error("data for key '\(key.name)' (\(key.type.rawValue)) \(message)", at: at,
                      fix: "write a \(key.type.rawValue) value, or change the key's attr.type")
                return
            }
            name = key.name
        } else {
            let (first, count) = undeclared[keyID] ?? (at, 0)
            undeclared[keyID] = (first, count + 1)
            name = keyID
            parsed = .string(text)
        }
        switch owner {
        case let .graph(outermost):
            if outermost { graphData.append((name, parsed.text, at)) }
        case let .node(i):
            nodes[i].data.append((name, parsed))
            nodes[i].keys.append(keyID)
        case let .edge(i):
            edges[i].element.data.append((name, parsed))
            edges[i].element.keys.append(keyID)
        case .graphml: break
        }
    }

    mutating func refuse(_ feature: String, at: SourceLocation) {
        let (first, count) = refusals[feature] ?? (at, 0)
        refusals[feature] = (first, count + 1)
    }

    mutating func reportOncePerKind() {
        for (feature, (at, count)) in refusals.sorted(by: { $0.value.0 < $1.value.0 }) {
            let (message, fix) = GraphMLReader.refused[feature]!
            error(count == 1 ? message : "\(message) (\(count) in this file, first here)", at: at, fix: fix)
        }
        for (id, (at, count)) in undeclared.sorted(by: { $0.value.0 < $1.value.0 }) {
            warning("data refers to undeclared key '\(id)' (\(count) time\(count == 1 ? "" : "s"), first here); kept as text under '\(id)'",
                    at: at, fix: "declare it: <key id=\"\(id)\" for=\"node\" attr.name=\"\(id)\" attr.type=\"string\"/>")
        }
        for (id, (at, count)) in elementContent.sorted(by: { $0.value.0 < $1.value.0 }) {
            warning("data for key '\(id)' holds XML elements, not a value (\(count) time\(count == 1 ? "" : "s"), first here); ignored",
                    at: at)
        }
    }

    /// Values of keys with a default, for an element of `domain` that has no data for them.
    func defaults(for domain: String, except present: [String]) -> [(key: String, value: ExportTable.Value)] {
        keys.compactMap { key in
            guard key.domain == domain || key.domain == "all", !key.ignored, !present.contains(key.id),
                  let text = key.defaultText, case let .success(v) = value(text, key.type) else { return nil }
            return (key.name, v)
        }
    }

    /// Hands everything to `ImportBuilder`: graph data first (it declares the kinds), then every
    /// node, then every edge, so that an edge written before its nodes (GraphML allows any
    /// order) does not make them "undeclared".
    func build() -> LoadResult {
        var builder = ImportBuilder(file: file)
        // Most files declare no defaults: then elements need no per-key check at all.
        func hasDefaults(_ domain: String) -> Bool {
            keys.contains { ($0.domain == domain || $0.domain == "all") && !$0.ignored && $0.defaultText != nil }
        }
        let nodeDefaults = hasDefaults("node"), edgeDefaults = hasDefaults("edge")
        var present = Set<String>()
        for item in graphData {
            builder.setGraphData(key: item.key, value: item.value, at: item.location)
            present.insert(item.key)
        }
        for (key, value) in defaults(for: "graph", except: []) where !present.contains(key) {
            builder.setGraphData(key: key, value: value.text, at: location((1, 1)))
        }
        // ActorNet writes ids that are not XML name tokens as n1, e2, … with the original in an
        // `original_id` key: restore them.
        func original(_ attributes: inout [(key: String, value: ExportTable.Value)]) -> String? {
            guard let i = attributes.firstIndex(where: { $0.key == GraphMLWriter.originalIDName }) else { return nil }
            return attributes.remove(at: i).value.text
        }
        var renamed: [String: String] = [:]
        for node in nodes {
            var attributes = nodeDefaults ? defaults(for: "node", except: node.keys) + node.data : node.data
            let id = original(&attributes) ?? node.id
            if id != node.id { renamed[node.id] = id }
            builder.addNode(id: id, attributes: attributes, at: node.location)
        }
        for edge in edges {
            var attributes = edgeDefaults ? defaults(for: "edge", except: edge.element.keys) + edge.element.data : edge.element.data
            let id = original(&attributes) ?? edge.id
            builder.addEdge(id: id, source: renamed[edge.source] ?? edge.source, target: renamed[edge.target] ?? edge.target,
                            directed: edge.directed, attributes: attributes, at: edge.element.location)
        }
        var result = builder.build()
        result.diagnostics = (diagnostics + result.diagnostics).sorted { $0.location < $1.location }
        return result
    }
}

/// Collects libxml2's messages for one reader; the C callback finds it through an unretained
/// pointer that lives no longer than the reader.
private final class XMLErrorSink {
    var errors: [(message: String, line: Int, column: Int, isWarning: Bool)] = []
}
