import ActorNetCore
import Foundation

/// Reads GML (Graph Modelling Language) as networkx (`write_gml`/`read_gml`) and igraph
/// (`write_gml`/`Read_GML`) write and read it, into a `Network` by way of `ImportBuilder`:
///
///     Creator "igraph version 1.0.0"
///     graph [
///       directed 1 multigraph 1 name "Russia and Iran"
///       node [ id 0 label "RUS" kind "state" graphics [ x 1.5 y 2 ] ]
///       edge [ source 0 target 1 key "rus-irn" weight -2 kind "rivalry" ]
///     ]
///
/// - **Syntax.** Keys (`[A-Za-z_][A-Za-z0-9_]*`), integers, reals (with exponents, `INF`,
///   `-INF`, `NAN`), strings in double quotes (which may span lines; `&amp;`, `&lt;`, `&gt;`,
///   `&quot;`, `&apos;` and `&#…;` / `&#x…;` character references are decoded, as networkx
///   does) and lists in `[ … ]`; `#` starts a comment to the end of the line. Keys before
///   `graph` (`Creator`, `Version`) are ignored; a second `graph` is ignored with a warning.
/// - **Identity.** Like networkx's `read_gml(label="label")`: an actor's id is its node's `label`
///   when every node has a label and no two share one; otherwise (igraph writes no labels) it
///   is the node's `id`, with a warning when some labels were there but could not serve. Edges'
///   `source` and `target` name node `id`s, as in every GML file. `label` (else `name`) becomes
///   the actor's name.
/// - **Values.** Node and edge keys map through `ImportBuilder` (`kind`, `group`, `weight`,
///   `sign`, `channel`, …); an edge's `directed` 0/1 is its own direction (the graph's `directed`
///   otherwise); a text edge `key` used by one edge only is the relation's id (networkx's
///   integer keys are not). Integers keep integer type, reals double. A key repeated in one
///   node or edge (networkx reads it as a list) is kept as a JSON list in text, with a warning;
///   nested lists (`graphics [ … ]`) are dropped with one warning per key. Graph-level `name`,
///   `description`, `kinds` and `sources` are the network's; other graph keys are ignored.
/// - **Refused** with an error at the spot: malformed syntax, a node without an `id` or with a
///   duplicated one, an edge without `source`/`target` or naming an unknown id, no `graph`.
/// - **Limits.** The file is read whole (at most `InputFile.maximumBytes`); lists nest at most
///   `maximumDepth` deep; a string or key is at most `maximumTokenBytes`; diagnostics are capped
///   as `ImportBuilder` caps them. Counts of nodes and edges are bounded by the file's size.
public enum GMLReader {
    /// The deepest nesting of lists read (`graph [ node [ graphics [ … ] ] ]` is 3).
    public static let maximumDepth = 64
    /// The longest string or key, in bytes.
    public static let maximumTokenBytes = 16 << 20

    public static func read(path: String) -> LoadResult {
        InputFile.load(path, expecting: ".gml") { read(bytes: $0, file: $1) }
    }

    /// Reads GML from bytes; `file` names it in diagnostics.
    public static func read(bytes: [UInt8], file: String) -> LoadResult {
        let body: ArraySlice<UInt8>
        switch TextInput.utf8(bytes, file: file) {
        case let .failure(d): return LoadResult(network: nil, diagnostics: [d])
        case let .success(b): body = b
        }
        var parser = GMLParser(bytes: body, file: file)
        let top: [GMLEntry]
        do {
            top = try parser.parseDocument()
        } catch {
            return LoadResult(network: nil, diagnostics: [error])
        }
        var importer = GMLImport(file: file)
        return importer.build(top)
    }

    /// Whether `head` looks like GML: after comments and `Creator`/`Version`-like scalar keys,
    /// the key `graph` followed by `[`.
    static func looksLikeGML(_ head: ArraySlice<UInt8>) -> Bool {
        var parser = GMLParser(bytes: head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head, file: "")
        for _ in 0..<16 {
            guard let token = try? parser.next() else { return false }
            guard case let .key(key) = token.kind else { return false }
            if key.lowercased() == "graph" {
                guard let open = try? parser.next() else { return false }
                return open.kind == .open
            }
            // A scalar value (Creator "…", Version 1) before the graph.
            guard let value = try? parser.next() else { return false }
            switch value.kind {
            case .int, .real, .string: continue
            default: return false
            }
        }
        return false
    }
}

/// One `key value` pair of a GML list.
struct GMLEntry {
    var key: String
    var location: SourceLocation
    var value: GMLValue
}

enum GMLValue {
    case int(Int, raw: String)
    case real(Double, raw: String)
    case string(String)
    case list([GMLEntry])

    var isList: Bool { if case .list = self { true } else { false } }

    /// The value as `ImportBuilder` takes it (a list has no scalar value).
    var scalar: ExportTable.Value? {
        switch self {
        case let .int(n, _): .long(n)
        case let .real(x, _): .double(x)
        case let .string(s): .string(s)
        case .list: nil
        }
    }

    /// The text an id or label is: a string as is, a number as written.
    var idText: String? {
        switch self {
        case let .int(_, raw), let .real(_, raw): raw
        case let .string(s): s
        case .list: nil
        }
    }

    var json: String {
        switch self {
        case let .int(_, raw): raw
        case let .real(x, raw): x.isFinite ? raw : JSONText.quote(raw)
        case let .string(s): JSONText.quote(s)
        case .list: "[]"
        }
    }
}

/// The tokenizer and recursive-descent parser; errors carry line and column.
struct GMLParser {
    enum Kind: Equatable { case key(String), int(Int, String), real(Double, String), string(String), open, close }
    struct Token { var kind: Kind; var location: SourceLocation }

    let bytes: ArraySlice<UInt8>
    let file: String
    var i: Int
    var line = 1
    var lineStart: Int

    init(bytes: ArraySlice<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        i = bytes.startIndex
        lineStart = bytes.startIndex
        columnIndex = bytes.startIndex
    }

    /// Column cache: byte `columnIndex` of the current line is at column `columnValue`;
    /// locations are asked for in increasing order, so a long line stays linear.
    var columnIndex: Int
    var columnValue = 1

    /// The location of byte `index` on the current line (column counted in characters).
    mutating func location(_ index: Int) -> SourceLocation {
        if columnIndex < lineStart || index < columnIndex {
            columnIndex = lineStart
            columnValue = 1
        }
        while columnIndex < index {
            if bytes[columnIndex] & 0xC0 != 0x80 { columnValue += 1 }
            columnIndex += 1
        }
        return SourceLocation(file: file, line: line, column: columnValue)
    }

    mutating func fail(_ message: String, at index: Int, fix: String) -> Diagnostic {
        Diagnostic(.error, at: location(index), message, fix: fix)
    }

    static func isKeyStart(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x5F }
    static func isKeyByte(_ b: UInt8) -> Bool { isKeyStart(b) || (b >= 0x30 && b <= 0x39) }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// A short, printable view of the text at `index`, for messages.
    func excerpt(at index: Int) -> String {
        var end = index
        while end < bytes.endIndex, end - index < 24, bytes[end] != 0x0A, bytes[end] != 0x0D, bytes[end] != 0x20 { end += 1 }
        if end == index, index < bytes.endIndex { end = index + 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self).debugEscaped
    }

    /// The next token, or nil at the end of the input.
    mutating func next() throws(Diagnostic) -> Token? {
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x0A {
                i += 1
                line += 1
                lineStart = i
            } else if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B {
                i += 1
            } else if b == UInt8(ascii: "#") {
                while i < bytes.endIndex, bytes[i] != 0x0A { i += 1 }
            } else {
                break
            }
        }
        guard i < bytes.endIndex else { return nil }
        let start = i
        let here = location(start)
        let b = bytes[i]
        switch b {
        case UInt8(ascii: "["):
            i += 1
            return Token(kind: .open, location: here)
        case UInt8(ascii: "]"):
            i += 1
            return Token(kind: .close, location: here)
        case UInt8(ascii: "\""):
            i += 1
            let textStart = i
            var lines = 0, lastLineStart = lineStart
            while i < bytes.endIndex, bytes[i] != UInt8(ascii: "\"") {
                if bytes[i] == 0x0A { lines += 1; lastLineStart = i + 1 }
                i += 1
            }
            guard i < bytes.endIndex else {
                throw fail("string opened here is never closed", at: start, fix: "add the closing '\"'")
            }
            guard i - textStart <= GMLReader.maximumTokenBytes else {
                throw fail("a string of \(i - textStart) bytes is longer than the \(GMLReader.maximumTokenBytes) bytes read",
                           at: start, fix: "shorten the value")
            }
            let text = Self.unescape(String(decoding: bytes[textStart..<i], as: UTF8.self))
            i += 1
            line += lines
            lineStart = lastLineStart
            return Token(kind: .string(text), location: here)
        default:
            if Self.isKeyStart(b) {
                while i < bytes.endIndex, Self.isKeyByte(bytes[i]) { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                guard i - start <= GMLReader.maximumTokenBytes else {
                    throw fail("a key of \(i - start) bytes is too long", at: start, fix: "shorten the key")
                }
                switch word {
                case "INF": return Token(kind: .real(.infinity, "INF"), location: here)
                case "NAN": return Token(kind: .real(.nan, "NAN"), location: here)
                default: return Token(kind: .key(word), location: here)
                }
            }
            if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || Self.isDigit(b) {
                return try number(start: start, at: here)
            }
            throw fail("unexpected '\(excerpt(at: start))'", at: start,
                       fix: "GML holds keys, numbers, \"strings\" and [ lists ]; quote text values")
        }
    }

    private mutating func number(start: Int, at here: SourceLocation) throws(Diagnostic) -> Token {
        if bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        // Signed INF / NAN.
        for word in ["INF", "NAN"] where bytes[i...].starts(with: word.utf8) {
            i += 3
            let negative = bytes[start] == UInt8(ascii: "-")
            let value: Double = word == "NAN" ? .nan : (negative ? -.infinity : .infinity)
            return Token(kind: .real(value, String(decoding: bytes[start..<i], as: UTF8.self)), location: here)
        }
        var isReal = false, digits = 0
        while i < bytes.endIndex, Self.isDigit(bytes[i]) { i += 1; digits += 1 }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
            isReal = true
            i += 1
            while i < bytes.endIndex, Self.isDigit(bytes[i]) { i += 1; digits += 1 }
        }
        if digits > 0, i < bytes.endIndex, bytes[i] | 0x20 == UInt8(ascii: "e") {
            var j = i + 1
            if j < bytes.endIndex, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
            if j < bytes.endIndex, Self.isDigit(bytes[j]) {
                isReal = true
                i = j
                while i < bytes.endIndex, Self.isDigit(bytes[i]) { i += 1 }
            }
        }
        let raw = String(decoding: bytes[start..<i], as: UTF8.self)
        guard digits > 0, i - start <= 400 else {
            throw fail("'\(excerpt(at: start))' is not a number", at: start, fix: "write a number such as 2, -1.5 or 1e-3")
        }
        if i < bytes.endIndex, Self.isKeyByte(bytes[i]) || bytes[i] == UInt8(ascii: ".") {
            throw fail("'\(excerpt(at: start))' is not a number", at: start,
                       fix: "separate the number from what follows with a space, or quote text values")
        }
        if !isReal, let n = Int(raw) { return Token(kind: .int(n, raw), location: here) }
        // Integers too large for 64 bits read as reals (networkx reads them as Python ints).
        guard let x = Double(raw) else {
            throw fail("'\(raw)' is not a number", at: start, fix: "write a number such as 2, -1.5 or 1e-3")
        }
        return Token(kind: .real(x, raw), location: here)
    }

    /// The whole document: `key value` pairs up to the end.
    mutating func parseDocument() throws(Diagnostic) -> [GMLEntry] {
        try parseList(depth: 0, opener: nil)
    }

    /// Entries up to `]` (or the end, at depth 0).
    private mutating func parseList(depth: Int, opener: SourceLocation?) throws(Diagnostic) -> [GMLEntry] {
        var entries: [GMLEntry] = []
        while true {
            guard let token = try next() else {
                if let opener {
                    throw Diagnostic(.error, at: opener, "the list opened here with '[' is never closed",
                                     fix: "add the closing ']'")
                }
                return entries
            }
            switch token.kind {
            case .close:
                guard opener != nil else {
                    throw Diagnostic(.error, at: token.location, "']' closes no list", fix: "remove it, or add the '[' it closes")
                }
                return entries
            case let .key(key):
                guard let value = try next() else {
                    throw Diagnostic(.error, at: token.location, "key '\(key)' has no value at the end of the file",
                                     fix: "give it a value: a number, a \"string\" or a [ list ]")
                }
                switch value.kind {
                case let .int(n, raw): entries.append(GMLEntry(key: key, location: token.location, value: .int(n, raw: raw)))
                case let .real(x, raw): entries.append(GMLEntry(key: key, location: token.location, value: .real(x, raw: raw)))
                case let .string(s): entries.append(GMLEntry(key: key, location: token.location, value: .string(s)))
                case .open:
                    guard depth < GMLReader.maximumDepth else {
                        throw Diagnostic(.error, at: value.location,
                                         "lists nest deeper than \(GMLReader.maximumDepth) levels",
                                         fix: "flatten the data; graph, node and edge lists need 3 levels")
                    }
                    let items = try parseList(depth: depth + 1, opener: value.location)
                    entries.append(GMLEntry(key: key, location: token.location, value: .list(items)))
                case .close, .key:
                    throw Diagnostic(.error, at: value.location, "key '\(key)' has no value (\(Self.describe(value.kind)) follows)",
                                     fix: "give '\(key)' a value (a number, a \"string\" or a [ list ]), or quote a text value")
                }
            default:
                throw Diagnostic(.error, at: token.location, "a key was expected, not \(Self.describe(token.kind))",
                                 fix: "write key-value pairs such as 'label \"RUS\"'; quote text values")
            }
        }
    }

    static func describe(_ kind: Kind) -> String {
        switch kind {
        case let .key(k): "'\(k.prefix(40))'"
        case let .int(_, raw), let .real(_, raw): "the number \(raw.prefix(40))"
        case let .string(s): "the string \"\(String(s.prefix(40)).debugEscaped)\""
        case .open: "'['"
        case .close: "']'"
        }
    }

    /// HTML character references decoded (networkx writes `&quot;`, `&amp;` and `&#NNNN;`).
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.prefix(12).firstIndex(of: ";") else {
                out.append("&")
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semi]
            var decoded: String?
            switch name {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
            }
            if let decoded {
                out += decoded
                rest = rest[rest.index(after: semi)...]
            } else {
                out.append("&")
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }
}

/// Maps a parsed GML document onto `ImportBuilder`.
private struct GMLImport {
    let file: String
    var builder: ImportBuilder
    var warnedKeys: Set<String> = []

    init(file: String) {
        self.file = file
        builder = ImportBuilder(file: file)
    }

    mutating func warnOnce(_ what: String, _ message: String, at location: SourceLocation, fix: String? = nil) {
        guard warnedKeys.insert(what).inserted else { return }
        builder.warning(message, at: location, fix: fix)
    }

    /// Scalar attributes of a node or edge, minus `skip`; repeated keys joined into a JSON
    /// list, nested lists dropped (one warning per key and element type).
    mutating func attributes(_ entries: [GMLEntry], skip: Set<String>, element: String) -> [(key: String, value: ExportTable.Value)] {
        var order: [String] = []
        var values: [String: [GMLEntry]] = [:]
        for e in entries where !skip.contains(e.key) {
            if e.value.isList {
                warnOnce("list \(element) \(e.key)",
                         "\(element) list '\(e.key)' (e.g. here) is not read: ActorNet keeps a \(element)'s scalar values only",
                         at: e.location, fix: "leave it (it is dropped), or write its values as scalar keys of the \(element)")
                continue
            }
            if values[e.key] == nil { order.append(e.key) }
            values[e.key, default: []].append(e)
        }
        return order.compactMap { written in
            let list = values[written]!
            // `GMLWriter` writes an attribute named like a key GML uses as `attr_<name>`.
            let key = written.hasPrefix("attr_") && ["id", "source", "target", "key"].contains(written.dropFirst(5))
                ? String(written.dropFirst(5)) : written
            if list.count == 1 { return list[0].value.scalar.map { (key: key, value: $0) } }
            warnOnce("repeat \(element) \(key)",
                     "\(element) key '\(key)' is repeated (e.g. here); its values are kept as one list in text, as networkx makes a list",
                     at: list[1].location, fix: "give each value its own key if they mean different things")
            return (key: key, value: .string("[" + list.map(\.value.json).joined(separator: ",") + "]"))
        }
    }

    mutating func build(_ top: [GMLEntry]) -> LoadResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let graphs = top.filter { $0.key == "graph" }
        guard let graphEntry = graphs.first else {
            return LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: start, "no 'graph [ … ]' in the file",
                fix: "write the network as graph [ node [ id 0 label \"A\" ] … edge [ source 0 target 1 ] ]")])
        }
        guard case let .list(graph) = graphEntry.value else {
            return LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: graphEntry.location,
                "'graph' is not a list", fix: "write graph [ … ]")])
        }
        if graphs.count > 1 {
            builder.warning("the file holds \(graphs.count) graphs; only the first is read", at: graphs[1].location,
                            fix: "split the graphs into files of their own")
        }
        var directed = false
        var nodes: [GMLEntry] = [], edges: [GMLEntry] = []
        for e in graph {
            switch e.key {
            case "node": nodes.append(e)
            case "edge": edges.append(e)
            case "directed", "multigraph":
                guard case let .int(n, _) = e.value, n == 0 || n == 1 else {
                    builder.error("'\(e.key)' is \(e.value.json), not 0 or 1", at: e.location, fix: "write \(e.key) 0 or \(e.key) 1")
                    continue
                }
                if e.key == "directed" { directed = n == 1 }
            default:
                if case let .string(s) = e.value {
                    builder.setGraphData(key: e.key, value: s, at: e.location)
                }
            }
        }

        // Nodes: id (required, unique) and label.
        struct Node { var id: String; var label: String?; var entries: [GMLEntry]; var location: SourceLocation }
        var list: [Node] = []
        var seenIDs: [String: SourceLocation] = [:]
        for n in nodes {
            guard case let .list(entries) = n.value else {
                builder.error("'node' is \(n.value.json), not a list", at: n.location, fix: "write node [ id 0 label \"A\" ]")
                continue
            }
            guard let idEntry = entries.first(where: { $0.key == "id" }), let id = idEntry.value.idText else {
                builder.error("a node has no 'id'", at: n.location, fix: "give every node an integer id, e.g. node [ id 0 … ]")
                continue
            }
            if let first = seenIDs[id] {
                builder.error("node id '\(id)' is duplicated (first at line \(first.line))", at: idEntry.location,
                              fix: "give every node its own id")
                continue
            }
            seenIDs[id] = idEntry.location
            let label = entries.first(where: { $0.key == "label" })?.value.idText
            list.append(Node(id: id, label: label, entries: entries, location: n.location))
        }
        // Label identity when every node has a label, all different (networkx's default).
        var byLabel = true
        var labelsSeen: [String: SourceLocation] = [:]
        for node in list {
            guard let label = node.label else { byLabel = false; continue }
            if let first = labelsSeen[label] {
                if byLabel {
                    builder.warning("label '\(label)' is also the label of the node at line \(first.line); actors take their ids from the nodes' 'id's instead of their labels",
                                    at: node.location, fix: "give every node its own label to have labels as ids")
                }
                byLabel = false
            }
            labelsSeen[label] = node.location
        }
        if !byLabel, !labelsSeen.isEmpty, labelsSeen.count == list.count - list.filter({ $0.label == nil }).count,
           list.contains(where: { $0.label == nil }) {
            let unlabelled = list.first { $0.label == nil }!
            builder.warning("this node has no label while others have; actors take their ids from the nodes' 'id's instead of their labels",
                            at: unlabelled.location, fix: "give every node a label to have labels as ids")
        }
        var actorID: [String: String] = [:]
        for node in list {
            let id = byLabel ? node.label! : node.id
            actorID[node.id] = id
            builder.addNode(id: id, attributes: attributes(node.entries, skip: ["id"], element: "node"), at: node.location)
        }

        // Edges: text keys used once are relation ids.
        var keyCounts: [String: Int] = [:]
        for e in edges {
            if case let .list(entries) = e.value, let key = entries.first(where: { $0.key == "key" }), case let .string(s) = key.value {
                keyCounts[s, default: 0] += 1
            }
        }
        for e in edges {
            guard case let .list(entries) = e.value else {
                builder.error("'edge' is \(e.value.json), not a list", at: e.location, fix: "write edge [ source 0 target 1 ]")
                continue
            }
            var ends: [String] = []
            for end in ["source", "target"] {
                guard let entry = entries.first(where: { $0.key == end }), let ref = entry.value.idText else {
                    builder.error("an edge has no '\(end)'", at: e.location, fix: "give every edge a source and a target node id")
                    continue
                }
                guard let actor = actorID[ref] else {
                    builder.error("edge \(end) \(entry.value.json) is no node's id", at: entry.location,
                                  fix: "declare node [ id \(entry.value.json) … ], or correct the \(end)")
                    continue
                }
                ends.append(actor)
            }
            guard ends.count == 2 else { continue }
            var id: String?
            if let key = entries.first(where: { $0.key == "key" }), case let .string(s) = key.value, keyCounts[s] == 1 { id = s }
            var attrs = attributes(entries, skip: ["source", "target", "key", "directed"], element: "edge")
            if let d = entries.first(where: { $0.key == "directed" }) {
                if case let .int(n, _) = d.value, n == 0 || n == 1 {
                    attrs.append((key: "directed", value: .boolean(n == 1)))
                } else {
                    builder.warning("edge 'directed' is \(d.value.json), not 0 or 1; the graph's direction is used", at: d.location,
                                    fix: "write directed 0 or directed 1")
                }
            }
            builder.addEdge(id: id, source: ends[0], target: ends[1], directed: directed, attributes: attrs, at: e.location)
        }
        return builder.build()
    }
}
