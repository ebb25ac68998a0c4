import CLibXML2
import Foundation

/// Reads GraphML (1.0 and 1.1) through libxml2's SAX2 push parser into a `Network`, by way of
/// `ImportBuilder`, so an ActorNet export reads back unchanged and other tools' files map the
/// same way.
///
/// - **Keys.** `<key>`s for node, edge, graph or all, typed `int`/`long` (→ long),
///   `float`/`double` (→ double), `boolean` (`true`, `false`, `TRUE`, `FALSE`, `1`, `0`) or
///   `string` (also when the type is missing), with `<default>`s applied to every element that
///   has no `<data>` for the key. An element's column is the key's `attr.name`, else its id.
///   `<data>` for an undeclared key is kept as text under the key id, with a warning. Keys
///   are declared before the graphs that use them (the schema's order); at most
///   `maximumKeys` of them.
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
/// - **Ports are dropped**, with one warning (as networkx does): `<port>` elements and the
///   edges' `sourceport`/`targetport` name points on a node's drawing; the edge joins the nodes.
/// - **Hyperedges are dropped**, with one warning that counts them (as igraph does; networkx
///   refuses the file): an ActorNet relation joins two actors.
/// - **Refused** with an error at the element: locators (graphs in other files), which would
///   need the other file.
/// - **Safety.** No DTD is loaded, no entity is substituted and nothing is fetched from the
///   network (`XML_PARSE_NONET`); a reference to an entity declared in a DOCTYPE is an error
///   rather than expanded, so a file cannot pull in local files or blow up in memory. libxml2's
///   limits stay on (no `XML_PARSE_HUGE`: 256 levels, 10 MB texts), a `<data>` value is at most
///   `maximumValueBytes`, and repeated diagnostics are counted, not collected without end.
///
/// The file is read in 256 KiB chunks (no copy of the whole file; files over 2 GB work);
/// elements are matched on libxml2's UTF-8 bytes, and Swift strings are made only for ids and
/// values that are kept. Every diagnostic carries file, line and column: libxml2's own
/// messages for malformed XML, the element's start tag for everything else.
public enum GraphMLReader {
    /// Reads and validates the GraphML file at `path`; `-` reads standard input. A file that
    /// cannot be read gives an error whose message starts with "cannot read", as
    /// `NetworkLoader` does.
    public static func read(path: String) -> LoadResult {
        InputFile.withDescriptor(path, expecting: ".graphml") { fd, file in
            var parse = GraphMLParse(file: file)
            XMLStreamParser.parse(descriptor: fd, into: &parse)
            return parse.finish()
        }
    }

    /// Reads and validates GraphML from bytes; `file` names it in diagnostics.
    public static func read(bytes: [UInt8], file: String) -> LoadResult {
        var parse = GraphMLParse(file: file)
        XMLStreamParser.parse(bytes: bytes, into: &parse)
        return parse.finish()
    }

    /// The most `<key>`s a file may declare. Real files have tens; every node and edge carries
    /// a default of each key that has one, so a file of many keys could multiply its size in
    /// memory.
    public static let maximumKeys = 10_000

    /// The deepest nesting of elements read, libxml2's own limit (`XMLStreamParser`'s).
    public static let maximumDepth = XMLStreamParser.maximumDepth

    /// The longest `<data>` or `<default>` value, in bytes (libxml2's own limit for one text).
    public static let maximumValueBytes = XMLStreamParser.maximumTextBytes

    /// GraphML's value types and what each becomes.
    static let valueTypes: [String: ExportTable.ColumnType] = [
        "boolean": .boolean, "int": .long, "long": .long, "float": .double, "double": .double, "string": .string,
    ]

    /// The spellings of booleans that GraphML writers use (igraph writes `TRUE`/`FALSE`, the
    /// schema allows `1`/`0`).
    static let booleans: [String: Bool] = ["true": true, "false": false, "1": true, "0": false]

    /// Elements ActorNet refuses, with why and what to do.
    static let refused: [String: (message: String, fix: String)] = [
        "locator": ("graph locators (graphs stored in other files) are not supported",
                    "put the graph itself into the file"),
    ]
}

/// The GraphML element and attribute names the reader acts on, recognised from libxml2's
/// NUL-terminated UTF-8 bytes without making a Swift string.
private enum Name: UInt8 {
    case graphml, key, `default`, graph, node, edge, data, desc, hyperedge, endpoint, port, locator
    case id, `for`, attrName, attrType, yfilesType, edgedefault, source, target, directed, sourceport, targetport
    case other

    static let spellings: [(Name, [UInt8])] = ([
        (.graphml, "graphml"), (.key, "key"), (.default, "default"), (.graph, "graph"), (.node, "node"),
        (.edge, "edge"), (.data, "data"), (.desc, "desc"), (.hyperedge, "hyperedge"), (.endpoint, "endpoint"),
        (.port, "port"), (.locator, "locator"), (.id, "id"), (.for, "for"), (.attrName, "attr.name"),
        (.attrType, "attr.type"), (.yfilesType, "yfiles.type"), (.edgedefault, "edgedefault"), (.source, "source"),
        (.target, "target"), (.directed, "directed"), (.sourceport, "sourceport"), (.targetport, "targetport"),
    ] as [(Name, String)]).map { ($0.0, Array($0.1.utf8)) }

    init(_ pointer: UnsafePointer<xmlChar>) {
        // Names are short; comparing bytes up to the terminating NUL beats hashing a String.
        for (name, bytes) in Name.spellings where pointer[0] == bytes[0] {
            var i = 1
            while i < bytes.count, pointer[i] == bytes[i] { i += 1 }
            if i == bytes.count, pointer[i] == 0 {
                self = name
                return
            }
        }
        self = .other
    }

    var refusal: String? {
        switch self {
        case .locator: "locator"
        default: nil
        }
    }
}

/// A run of UTF-8 bytes that libxml2 owns for the length of one callback.
private struct Bytes {
    var start: UnsafePointer<xmlChar>
    var count: Int

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }
    var string: String { XMLStartTag.value(buffer) }

    func equals(_ other: [UInt8]) -> Bool {
        count == other.count && (count == 0 || other.withUnsafeBufferPointer { memcmp(start, $0.baseAddress!, count) == 0 })
    }
}

/// The unprefixed attributes of one start tag that GraphML defines, as byte runs.
private struct Attributes {
    var id, key, `for`, attrName, attrType, yfilesType, edgedefault, source, target, directed: Bytes?
    var hasPort = false

    /// `attributes` is libxml2's array of five pointers per attribute: local name, prefix,
    /// namespace URI, value start, value end.
    init(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        guard let attributes else { return }
        for i in 0..<count {
            let a = attributes + 5 * i
            guard a[2] == nil, let name = a[0], let start = a[3], let end = a[4] else { continue }
            let value = Bytes(start: start, count: end - start)
            switch Name(name) {
            case .id: id = value
            case .key: key = value
            case .for: self.for = value
            case .attrName: attrName = value
            case .attrType: attrType = value
            case .yfilesType: yfilesType = value
            case .edgedefault: edgedefault = value
            case .source: source = value
            case .target: target = value
            case .directed: directed = value
            case .sourceport, .targetport: hasPort = true
            default: break
            }
        }
    }
}

/// One reading of one document, driven by `XMLStreamParser`'s events. Lives for one `read` call
/// on one thread; the events reach it through a pointer to the caller's variable that lives no
/// longer than the parser. A struct reached through a pointer, not a class: a class's stored
/// properties pay a dynamic exclusivity check on every access, several per element (about a
/// tenth of the read time on large files, measured with perf).
private struct GraphMLParse: XMLStreamHandler {
    struct Key {
        var id: String
        var idBytes: [UInt8]
        var domain: String
        var name: String
        var type: ExportTable.ColumnType
        var defaultText: String?
        var defaultValue: ExportTable.Value?
        /// yEd's graphics and resources: ignored.
        var ignored: Bool
        var location: SourceLocation
    }

    enum Owner { case graphml, graph(outermost: Bool), node, edge }

    enum Frame {
        case root
        case key(Int)
        case keyDefault(Int)
        /// A key's `<desc>`: ActorNet keeps an attribute's name there when it is not an XML
        /// name token (`Modularity Class` is written `attr.name="Modularity_Class"`).
        case keyDesc(Int)
        case graph(directed: Bool, outermost: Bool)
        case node
        case edge
        case data(Owner)
        /// An element whose content is skipped: `<desc>`, foreign elements, refused ones.
        case skipped
    }

    /// A node or edge whose end tag has not come yet (nested graphs nest nodes).
    struct Open {
        var id: String?
        var source = "", target = ""
        var directed = false
        var location: SourceLocation
        var attributes: [(key: String, value: ExportTable.Value)] = []
        /// Which keys have data here, for the defaults (a few per element: an array beats hashing);
        /// kept only when the element's domain has defaults.
        var keys: [Int] = []

        /// `capacity`: room for that many `<data>` (one allocation per element, not one per
        /// doubling).
        init(id: String?, source: String = "", target: String = "", directed: Bool = false, location: SourceLocation, capacity: Int) {
            self.id = id
            self.source = source
            self.target = target
            self.directed = directed
            self.location = location
            attributes.reserveCapacity(capacity)
        }
    }

    /// An edge held back until the end because it came before its nodes (GraphML allows any
    /// order); once one edge waits, all later ones do, so relations keep the document's order.
    struct WaitingEdge {
        var id: String?
        var source, target: String
        var directed: Bool
        var attributes: [(key: String, value: ExportTable.Value)]
        var location: SourceLocation
    }

    let file: String
    var xml: XMLStreamParser
    var builder: ImportBuilder
    var diagnostics: [Diagnostic] = []
    /// Errors and warnings beyond `diagnosticLimit` are counted, not kept.
    var dropped = (errors: 0, warnings: 0)
    var keys: [Key] = []
    var keysByID: [String: [Int]] = [:]
    /// The key last matched, for the usual case of `<data>` in the order of the keys.
    var lastKey = 0
    /// Per domain (graph, node, edge), the keys with defaults; nil until asked (cleared when a
    /// key or default is read). An array, not a dictionary: it is asked once per element.
    var defaultsCache: [[Int]?] = [nil, nil, nil]
    var frames: [Frame] = []
    var open: [Open] = []
    var waiting: [WaitingEdge] = []
    var waitingStarted = false
    var renamed: [String: String] = [:]
    var sawGraph = false
    /// libxml2's copy of GraphML's namespace URI once seen: it interns names in the parser's
    /// dictionary, so every later element in the namespace has the same pointer (compared
    /// first, the text only when it differs).
    var graphMLURI: UnsafePointer<xmlChar>?
    var graphDataNames = Set<String>()
    /// The `<data>` or `<default>` being read: its key (nil when undeclared), text and place.
    var dataKey: Int?
    var dataKeyID = ""
    var dataHasElements = false
    var dataLocation = SourceLocation(file: "", line: 1, column: 1)
    var text: [UInt8] = []
    var textTooLong = false
    /// Per key id: where it was first used and how often, for one warning per key.
    var undeclared: [String: (SourceLocation, Int)] = [:]
    var elementContent: [String: (SourceLocation, Int)] = [:]
    var domainMismatch: Set<String> = []
    /// Per refused feature: where it first occurs and how often, for one error per feature.
    var refusals: [String: (SourceLocation, Int)] = [:]
    /// Ports (`<port>`, `sourceport`, `targetport`) dropped: the first and how many.
    var droppedPorts: (first: SourceLocation, count: Int)?
    /// Hyperedges dropped: the first and how many.
    var droppedHyperedges: (first: SourceLocation, count: Int)?
    /// Blank values of typed (number, boolean) keys, read as missing: per key name, the first
    /// and how many.
    var blankData: [String: (SourceLocation, Int)] = [:]
    var counts = (errors: 0, warnings: 0)

    static let diagnosticLimit = 1000

    init(file: String) {
        self.file = file
        xml = XMLStreamParser(file: file, format: "GraphML", refusesEntityDeclarations: false)
        builder = ImportBuilder(file: file)
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        xml.location(line, column)
    }

    mutating func error(_ message: String, at location: SourceLocation, fix: String? = nil) {
        guard counts.errors < Self.diagnosticLimit else {
            dropped.errors += 1
            if dropped.errors == 1 { stop() }
            return
        }
        counts.errors += 1
        diagnostics.append(Diagnostic(.error, at: location, message, fix: fix))
    }

    mutating func warning(_ message: String, at location: SourceLocation, fix: String? = nil) {
        guard counts.warnings < Self.diagnosticLimit else {
            dropped.warnings += 1
            return
        }
        counts.warnings += 1
        diagnostics.append(Diagnostic(.warning, at: location, message, fix: fix))
    }

    /// Stops libxml2 after a problem that makes reading on pointless.
    mutating func stop() {
        xml.stop()
    }

    // MARK: Events

    mutating func startElement(_ tag: XMLStartTag) {
        start(tag.localName, uri: tag.uri, attributes: Attributes(tag.attributes, count: tag.count))
    }

    mutating func endElement() {
        end()
    }

    // MARK: Elements

    mutating func characters(_ chunk: UnsafeBufferPointer<UInt8>) {
        switch frames.last {
        case .data?, .keyDefault?, .keyDesc?:
            guard !textTooLong else { return }
            if text.count + chunk.count > GraphMLReader.maximumValueBytes {
                textTooLong = true
                return
            }
            text.append(contentsOf: chunk)
        default: break
        }
    }

    mutating func start(_ localname: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?, attributes: Attributes) {
        var isGraphML = true
        if let uri, uri != graphMLURI {
            isGraphML = XMLText.with(graphMLNamespace) { xmlStrEqual(uri, $0) == 1 }
            if isGraphML { graphMLURI = uri }
        }
        let name = Name(localname)
        let at = xml.startTagLocation()
        guard let parent = frames.last else {
            guard isGraphML, name == .graphml else {
                let local = String(cString: localname)
                if name == .graphml, let uri {
                    error("not a GraphML file: the root element <graphml> is in the namespace '\(String(cString: uri).shownValue)', not GraphML's '\(graphMLNamespace)'",
                          at: at, fix: "write xmlns=\"\(graphMLNamespace)\" on <graphml>, or read the file with the reader for its format")
                } else {
                    error("not a GraphML file: the root element is <\(local.shownValue)>, not <graphml>", at: at,
                          fix: "read this file with the reader for its format, or export GraphML from the tool that wrote it")
                }
                stop()
                return
            }
            frames.append(.root)
            return
        }
        switch parent {
        case let .key(index) where isGraphML && name == .default:
            beginText(key: index, at: at)
            frames.append(.keyDefault(index))
            return
        case let .key(index) where isGraphML && name == .desc:
            beginText(key: index, at: at)
            frames.append(.keyDesc(index))
            return
        case .skipped, .key, .keyDefault, .keyDesc:
            // Inside a key only <default> counts; yFiles puts its own markup there too.
            frames.append(.skipped)
            return
        case .data:
            // yEd and yFiles keep drawings as XML inside <data>: not a value.
            dataHasElements = true
            frames.append(.skipped)
            return
        default: break
        }
        guard isGraphML else {
            frames.append(.skipped)
            return
        }
        if name == .port {
            dropPort(at: at)
            frames.append(.skipped)
            return
        }
        if name == .hyperedge {
            droppedHyperedges = (droppedHyperedges?.first ?? at, (droppedHyperedges?.count ?? 0) + 1)
            frames.append(.skipped)
            return
        }
        if let feature = name.refusal {
            refuse(feature, at: at)
            frames.append(.skipped)
            return
        }
        switch (name, parent) {
        case (.data, _):
            startData(attributes, parent: parent, at: at)
        case (.key, .root):
            startKey(attributes, at: at)
        case (.graph, .root), (.graph, .node), (.graph, .graph):
            startGraph(attributes, parent: parent, at: at)
        case (.node, .graph):
            guard let id = attributes.id else {
                error("<node> without an id", at: at, fix: "give the node an id attribute, e.g. <node id=\"RUS\">")
                frames.append(.skipped)
                return
            }
            open.append(Open(id: id.string, location: at, capacity: dataCapacity))
            frames.append(.node)
        case (.edge, .graph(let directed, _)):
            startEdge(attributes, edgedefault: directed, at: at)
        case (.desc, _):
            frames.append(.skipped)
        default:
            warning("unexpected GraphML element <\(String(cString: localname).shownValue)> here; ignored", at: at)
            frames.append(.skipped)
        }
    }

    /// Room reserved for a node's or edge's `<data>`: one per key, up to 32.
    var dataCapacity: Int { min(keys.count, 32) }

    mutating func beginText(key: Int?, at: SourceLocation) {
        dataKey = key
        dataHasElements = false
        dataLocation = at
        text.removeAll(keepingCapacity: true)
        textTooLong = false
    }

    /// `<data key=…>`, the most frequent element.
    mutating func startData(_ attributes: Attributes, parent: Frame, at: SourceLocation) {
        let owner: Owner
        switch parent {
        case .root: owner = .graphml
        case let .graph(_, outermost): owner = .graph(outermost: outermost)
        case .node: owner = .node
        case .edge: owner = .edge
        default:
            frames.append(.skipped)
            return
        }
        guard let keyBytes = attributes.key else {
            error("<data> without a key", at: at, fix: "name the <key> it belongs to, e.g. <data key=\"n_label\">")
            frames.append(.skipped)
            return
        }
        beginText(key: nil, at: at)
        // Writers put an element's data in the order of the keys, skipping those it has no
        // value for: try the next few keys after the last match (wrapping round to the first),
        // and hash only when they miss.
        var found: Int?
        if !keys.isEmpty {
            var k = lastKey
            for _ in 0..<min(keys.count, 16) {
                k = k + 1 == keys.count ? 0 : k + 1
                if keyBytes.equals(keys[k].idBytes) {
                    found = k
                    break
                }
            }
        }
        if let found {
            lastKey = found
            dataKey = found
            dataKeyID = keys[found].id
        } else {
            dataKeyID = keyBytes.string
            dataKey = nil
            if let candidates = keysByID[dataKeyID] { dataKey = candidates[0] }
            if let k = dataKey { lastKey = k }
        }
        frames.append(.data(owner))
    }

    mutating func startKey(_ attributes: Attributes, at: SourceLocation) {
        guard let idBytes = attributes.id else {
            error("<key> without an id", at: at, fix: "give the key an id, e.g. <key id=\"n_label\" …>")
            frames.append(.skipped)
            return
        }
        let id = idBytes.string
        guard keys.count < GraphMLReader.maximumKeys else {
            error("more than \(GraphMLReader.maximumKeys) <key>s: ActorNet reads at most \(GraphMLReader.maximumKeys) (key '\(id.shownValue)' is one too many)",
                  at: at, fix: "real networks need tens of keys: the file is damaged or hostile; export it again from the tool that made it")
            stop()
            return
        }
        let typeName = attributes.attrType?.string ?? "string"
        var type = GraphMLReader.valueTypes[typeName]
        if type == nil {
            warning("key '\(id.shownValue)' has attr.type '\(typeName.shownValue)', which GraphML does not define; its values are read as text",
                    at: at, fix: "use boolean, int, long, float, double or string")
            type = .string
        }
        let key = Key(id: id, idBytes: Array(idBytes.buffer), domain: attributes.for?.string ?? "all",
                      name: attributes.attrName?.string ?? id, type: type!, defaultText: nil, defaultValue: nil,
                      ignored: attributes.yfilesType != nil, location: at)
        if let same = keysByID[id]?.first(where: { keys[$0].domain == key.domain }) {
            warning("key '\(id.shownValue)' for \(key.domain.shownValue) is declared twice (first at line \(keys[same].location.line)); the first declaration is used",
                    at: at, fix: "give each key its own id")
            frames.append(.skipped)
            return
        }
        keysByID[id, default: []].append(keys.count)
        keys.append(key)
        defaultsCache = [nil, nil, nil]
        frames.append(.key(keys.count - 1))
    }

    mutating func startGraph(_ attributes: Attributes, parent: Frame, at: SourceLocation) {
        let outermost: Bool
        switch parent {
        case .root:
            outermost = !sawGraph
            if sawGraph {
                warning("a second top-level <graph> is merged into the first: ActorNet reads one network per file", at: at)
            }
        case .node:
            outermost = false
            let id = (open.last?.id ?? "").shownValue
            warning("nested graph in node '\(id)' flattened: its nodes become actors and '\(id)' stays an actor",
                    at: at, fix: "ActorNet has no groups of actors; record the grouping as a node attribute if it matters")
        default:
            outermost = false
            warning("<graph> nested directly in a <graph> flattened: its nodes and edges join the network", at: at)
        }
        sawGraph = true
        var directed = true
        switch attributes.edgedefault?.string {
        case "directed"?: directed = true
        case "undirected"?: directed = false
        case nil:
            warning("<graph> without edgedefault; its edges are read as directed", at: at,
                    fix: "add edgedefault=\"directed\" or edgedefault=\"undirected\"")
        case let other?:
            error("edgedefault '\(other.shownValue)' is not valid", at: at, fix: "use 'directed' or 'undirected'")
        }
        frames.append(.graph(directed: directed, outermost: outermost))
    }

    mutating func startEdge(_ attributes: Attributes, edgedefault: Bool, at: SourceLocation) {
        if attributes.hasPort { dropPort(at: at) }
        guard let source = attributes.source, let target = attributes.target else {
            error("<edge> without \(attributes.source == nil ? "a source" : "a target")", at: at,
                  fix: "give the edge source and target node ids")
            frames.append(.skipped)
            return
        }
        var directed = edgedefault
        if let value = attributes.directed {
            if let b = Self.boolean(value.buffer) {
                directed = b
            } else {
                error("directed '\(value.string.shownValue)' is not a boolean", at: at, fix: "use true or false")
            }
        }
        open.append(Open(id: attributes.id?.string, source: source.string, target: target.string, directed: directed, location: at,
                         capacity: dataCapacity))
        frames.append(.edge)
    }

    mutating func end() {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case let .keyDefault(index):
            endDefault(index)
        case let .keyDesc(index):
            // The attribute's own name, when the key's attr.name is that name made a token.
            let described = String(decoding: text, as: UTF8.self)
            if !textTooLong, !described.isEmpty, GraphMLWriter.attrName(described) == keys[index].name,
               described != keys[index].name {
                keys[index].name = described
            }
        case let .data(owner):
            endData(owner: owner)
        case .node:
            endNode(open.removeLast())
        case .edge:
            endEdge(open.removeLast())
        case let .graph(_, outermost):
            if outermost { applyGraphDefaults() }
        default:
            break
        }
    }

    mutating func endDefault(_ index: Int) {
        if textTooLong {
            error("default of key '\(keys[index].id.shownValue)' is longer than \(GraphMLReader.maximumValueBytes) bytes",
                  at: dataLocation, fix: "shorten the value: ActorNet keeps values up to 10 MB")
            return
        }
        // yEd writes an empty <default/> as a placeholder on every key; it sets no value.
        if !text.isEmpty { keys[index].defaultText = String(decoding: text, as: UTF8.self) }
        guard !keys[index].ignored, keys[index].defaultText != nil else { return }
        switch value(text, keys[index].type) {
        case let .success(v):
            keys[index].defaultValue = v
        case .blank:
            keys[index].defaultText = nil
        case let .failure(message):
            error("default of key '\(keys[index].id.shownValue)' \(message)", at: keys[index].location,
                  fix: "write a \(keys[index].type.rawValue) value, or change the key's attr.type")
            keys[index].defaultText = nil
        }
        defaultsCache = [nil, nil, nil]
    }

    /// A typed value, a blank one (only spaces: missing, as networkx and igraph read it), or
    /// what is wrong with it.
    enum Parsed { case success(ExportTable.Value), blank, failure(String) }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch bytes.count {
        case 1: return bytes[0] == UInt8(ascii: "1") ? true : bytes[0] == UInt8(ascii: "0") ? false : nil
        // Letters folded to lower case byte by byte (no array per value).
        case 4: return bytes.lazy.map { $0 | 0x20 }.elementsEqual("true".utf8) ? true : nil
        case 5: return bytes.lazy.map { $0 | 0x20 }.elementsEqual("false".utf8) ? false : nil
        default: return nil
        }
    }

    /// The typed value of `bytes`; XML Schema's whitespace around typed values is collapsed.
    func value(_ bytes: [UInt8], _ type: ExportTable.ColumnType) -> Parsed {
        if type == .string { return .success(.string(String(decoding: bytes, as: UTF8.self))) }
        return bytes.withUnsafeBufferPointer { all in
            var lower = 0, upper = all.count
            while lower < upper, Self.isSpace(all[lower]) { lower += 1 }
            while upper > lower, Self.isSpace(all[upper - 1]) { upper -= 1 }
            let trimmed = UnsafeBufferPointer(rebasing: all[lower..<upper])
            if trimmed.isEmpty { return .blank }
            func shown() -> String { String(decoding: trimmed, as: UTF8.self).shownValue }
            switch type {
            case .string:
                return .success(.string(String(decoding: all, as: UTF8.self)))
            case .long:
                guard let n = Self.integer(trimmed) else { return .failure("is '\(shown())', not an integer") }
                return .success(.long(n))
            case .double:
                guard trimmed.count <= 64, let x = Double(String(decoding: trimmed, as: UTF8.self)) else {
                    return .failure("is '\(shown())', not a number")
                }
                return .success(.double(x))
            case .boolean:
                guard let b = Self.boolean(trimmed) else { return .failure("is '\(shown())', not a boolean (true, false, 1 or 0)") }
                return .success(.boolean(b))
            }
        }
    }

    /// A decimal integer with an optional sign, as `Int(_:)` reads it, from bytes.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            i = 1
        }
        guard i < bytes.count else { return nil }
        var n = 0
        while i < bytes.count {
            let d = Int(bytes[i]) - 48
            guard d >= 0, d <= 9 else { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            guard !o1, !o2 else { return nil }
            n = s
            i += 1
        }
        return n
    }

    /// The key a `<data key=…>` on an element of `domain` refers to: the one declared for that
    /// domain, else for all, else (with a warning, as networkx reads it) one for another domain.
    mutating func key(_ id: String, hint: Int?, domain: String, at: SourceLocation) -> Int? {
        if let hint, keys[hint].domain == domain { return hint }
        guard let candidates = keysByID[id] else { return nil }
        if let i = candidates.first(where: { keys[$0].domain == domain }) ?? candidates.first(where: { keys[$0].domain == "all" }) {
            return i
        }
        let other = keys[candidates[0]]
        if !other.ignored, domainMismatch.insert("\(id) \(domain)").inserted {
            warning("key '\(id.shownValue)' is declared for \(other.domain.shownValue) but used on a \(domain); read as '\(other.name.shownValue)' anyway", at: at,
                    fix: "declare the key for \(domain) or all")
        }
        return candidates[0]
    }

    mutating func endData(owner: Owner) {
        let domain: String
        switch owner {
        case .graphml: return  // Document-level data (yEd resources) describes no network.
        case .graph: domain = "graph"
        case .node: domain = "node"
        case .edge: domain = "edge"
        }
        let at = dataLocation
        let keyID = dataKey.map { keys[$0].id } ?? dataKeyID
        let keyIndex = key(keyID, hint: dataKey, domain: domain, at: at)
        // By index, not a copy of the key (its strings would be retained and released per value).
        if let k = keyIndex, keys[k].ignored { return }
        if dataHasElements {
            let (first, count) = elementContent[keyID] ?? (at, 0)
            elementContent[keyID] = (first, count + 1)
            return
        }
        if textTooLong {
            error("data for key '\(keyID.shownValue)' is longer than \(GraphMLReader.maximumValueBytes) bytes", at: at,
                  fix: "shorten the value: ActorNet keeps values up to 10 MB")
            return
        }
        let name: String, parsed: ExportTable.Value
        if let k = keyIndex {
            let type = keys[k].type
            switch value(text, type) {
            case let .success(v): parsed = v
            case .blank:
                let (first, count) = blankData[keys[k].name] ?? (at, 0)
                blankData[keys[k].name] = (first, count + 1)
                return
            case let .failure(message):
                error("data for key '\(keys[k].name.shownValue)' (\(type.rawValue)) \(message)", at: at,
                      fix: "write a \(type.rawValue) value, or change the key's attr.type")
                return
            }
            name = keys[k].name
        } else {
            let (first, count) = undeclared[keyID] ?? (at, 0)
            undeclared[keyID] = (first, count + 1)
            name = keyID
            parsed = .string(String(decoding: text, as: UTF8.self))
        }
        switch owner {
        case let .graph(outermost):
            if outermost {
                builder.setGraphData(key: name, value: parsed.text, at: at)
                graphDataNames.insert(name)
            }
        case .node, .edge:
            open[open.count - 1].attributes.append((name, parsed))
            if !defaultKeys(domain).isEmpty { open[open.count - 1].keys.append(keyIndex ?? -1) }
        case .graphml: break
        }
    }

    /// Indices of the keys with a default for `domain` (its own and `all`).
    mutating func defaultKeys(_ domain: String) -> [Int] {
        let slot = domain == "edge" ? 2 : domain == "node" ? 1 : 0
        if let cached = defaultsCache[slot] { return cached }
        let list = keys.indices.filter {
            (keys[$0].domain == domain || keys[$0].domain == "all") && !keys[$0].ignored && keys[$0].defaultValue != nil
        }
        defaultsCache[slot] = list
        return list
    }

    /// The element's attributes with the defaults of keys it has no data for, defaults first.
    mutating func withDefaults(_ element: Open, domain: String) -> [(key: String, value: ExportTable.Value)] {
        let list = defaultKeys(domain)
        if list.isEmpty { return element.attributes }
        var result: [(key: String, value: ExportTable.Value)] = []
        for k in list where !element.keys.contains(k) {
            result.append((keys[k].name, keys[k].defaultValue!))
        }
        return result + element.attributes
    }

    /// ActorNet writes ids that are not XML name tokens as n1, e2, … with the original in an
    /// `original_id` key: restore them.
    static func original(_ attributes: inout [(key: String, value: ExportTable.Value)]) -> String? {
        guard let i = attributes.firstIndex(where: { $0.key == GraphMLWriter.originalIDName }) else { return nil }
        return attributes.remove(at: i).value.text
    }

    mutating func endNode(_ node: Open) {
        var attributes = withDefaults(node, domain: "node")
        let nodeID = node.id ?? ""
        let id = Self.original(&attributes) ?? nodeID
        if id != nodeID { renamed[nodeID] = id }
        builder.addNode(id: id, attributes: attributes, at: node.location)
    }

    mutating func endEdge(_ edge: Open) {
        var attributes = withDefaults(edge, domain: "edge")
        let id = Self.original(&attributes) ?? edge.id
        if !waitingStarted {
            let source = renamed.isEmpty ? edge.source : renamed[edge.source] ?? edge.source
            let target = renamed.isEmpty ? edge.target : renamed[edge.target] ?? edge.target
            if builder.addEdge(id: id, source: source, target: target, directed: edge.directed, attributes: attributes,
                               at: edge.location, onlyIfDeclared: true) {
                return
            }
            waitingStarted = true
        }
        waiting.append(WaitingEdge(id: id, source: edge.source, target: edge.target, directed: edge.directed,
                                   attributes: attributes, location: edge.location))
    }

    mutating func applyGraphDefaults() {
        for k in defaultKeys("graph") where !graphDataNames.contains(keys[k].name) {
            builder.setGraphData(key: keys[k].name, value: keys[k].defaultValue!.text, at: location(1, 1))
        }
    }

    mutating func dropPort(at: SourceLocation) {
        droppedPorts = (droppedPorts?.first ?? at, (droppedPorts?.count ?? 0) + 1)
    }

    mutating func refuse(_ feature: String, at: SourceLocation) {
        let (first, count) = refusals[feature] ?? (at, 0)
        refusals[feature] = (first, count + 1)
    }

    // MARK: The end

    mutating func finish() -> LoadResult {
        if xml.readFailed {
            return LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: location(1, 1),
                "cannot read '\(file)': I/O error while reading", fix: "check the file and the device it is on")], unreadable: true)
        }
        for d in xml.diagnostics {
            if d.severity == .error { error(d.message, at: d.location, fix: d.fix) } else { warning(d.message, at: d.location, fix: d.fix) }
        }
        for e in xml.messages {
            if e.isWarning {
                warning("XML: \(e.message)", at: e.location)
            } else {
                error("malformed XML: \(e.message)", at: e.location, fix: e.fix)
            }
        }
        if xml.messagesDropped > 0 {
            warning("\(xml.messagesDropped) more messages from the XML parser not shown", at: location(1, 1))
        }
        reportOncePerKind()
        if !xml.wellFormed, !diagnostics.hasErrors {
            let (line, column) = xml.endPosition
            error("malformed XML: libxml2 stopped reading here", at: location(line, column),
                  fix: "check that the file is complete, well-formed XML")
        }
        if !diagnostics.hasErrors, !sawGraph {
            error("no <graph> element: the file holds no network", at: location(1, 1),
                  fix: "GraphML puts nodes and edges inside <graphml><graph edgedefault=\"undirected\">…</graph></graphml>")
        }
        if dropped.errors > 0 {
            diagnostics.append(Diagnostic(.error, at: location(1, 1),
                "\(dropped.errors) more errors not shown: reading stopped after \(Self.diagnosticLimit) diagnostics",
                fix: "correct the errors shown and read the file again"))
        }
        if dropped.warnings > 0 {
            diagnostics.append(Diagnostic(.warning, at: location(1, 1), "\(dropped.warnings) more warnings not shown"))
        }
        guard !diagnostics.hasErrors else {
            return LoadResult(network: nil, diagnostics: diagnostics.sorted { $0.location < $1.location })
        }
        for edge in waiting {
            builder.addEdge(id: edge.id, source: renamed[edge.source] ?? edge.source, target: renamed[edge.target] ?? edge.target,
                            directed: edge.directed, attributes: edge.attributes, at: edge.location)
        }
        waiting = []
        var result = builder.build()
        result.diagnostics = (diagnostics + result.diagnostics).sorted { $0.location < $1.location }
        return result
    }

    mutating func reportOncePerKind() {
        for (feature, (at, count)) in refusals.sorted(by: { $0.value.0 < $1.value.0 }) {
            let (message, fix) = GraphMLReader.refused[feature]!
            error(count == 1 ? message : "\(message) (\(count) in this file, first here)", at: at, fix: fix)
        }
        if let (at, count) = droppedHyperedges {
            warning("hyperedges dropped (\(count) in this file, first here): an ActorNet relation joins two actors",
                    at: at, fix: "to keep them, replace each <hyperedge> by <edge>s, e.g. one per pair of its endpoints")
        }
        if let (at, count) = droppedPorts {
            warning("ports dropped (\(count) in this file, first here): an edge joins the nodes themselves, not points on them",
                    at: at, fix: "nothing to do; ActorNet relations join actors")
        }
        for (name, (at, count)) in blankData.sorted(by: { $0.value.0 < $1.value.0 }) {
            warning("blank value for '\(name.shownValue)' read as missing (\(count) time\(count == 1 ? "" : "s"), first here)",
                    at: at, fix: "write a value, or leave the <data> out")
        }
        for (id, (at, count)) in undeclared.sorted(by: { $0.value.0 < $1.value.0 }) {
            warning("data refers to undeclared key '\(id.shownValue)' (\(count) time\(count == 1 ? "" : "s"), first here); kept as text under '\(id.shownValue)'",
                    at: at, fix: "declare it: <key id=\"\(id)\" for=\"node\" attr.name=\"\(id)\" attr.type=\"string\"/>")
        }
        for (id, (at, count)) in elementContent.sorted(by: { $0.value.0 < $1.value.0 }) {
            warning("data for key '\(id.shownValue)' holds XML elements, not a value (\(count) time\(count == 1 ? "" : "s"), first here); ignored",
                    at: at)
        }
    }
}
