import CLibXML2

/// Writes an `ExportTable` as GraphML 1.0, streaming (`XMLChunkedWriter`).
///
/// - One `<key>` per column, typed `string`, `double`, `long` or `boolean`, with `attr.name` the
///   column name (made an XML name token when it is not one, the name itself then in the key's
///   `<desc>`) and an id derived from it: `n_` (node), `e_` (edge) or `g_` (graph) followed by
///   the name with every character other than ASCII letters, digits, `-`, `_` and `.` replaced
///   by `_` (`n_label`, `e_weight`, `g_kinds`), made unique with `_2`, `_3`, …. Gephi takes
///   keys named `d0`, `d1`, … for its own, so numbered ids are never used.
/// - `edgedefault` is `directed` only when every relation is; when directions mix, every edge
///   carries `directed="true|false"`. Each relation is its own `<edge>` with its own id, so
///   parallel relations stay apart; `weight` is the (positive) strength, `sign` and `kind` say
///   the rest.
/// - Output is UTF-8, indented by two spaces, and the same network gives the same bytes. It
///   streams: the sink gets the document in chunks of about 64 KiB.
///
/// The file validates against the GraphML schema: actor and relation ids that are not XML name
/// tokens (letters, digits, `.`, `-`, `_`, `:` — no spaces) are written as `n1`, `e2`, … with
/// the original id in an `original_id` key, which `GraphMLReader` reads back.
public enum GraphMLWriter {
    /// GraphML for the table, in memory; deterministic bytes.
    ///
    /// - Throws: `GraphMLError` when a text holds a character XML 1.0 cannot carry (a control
    ///   character other than tab, LF and CR, or U+FFFE/U+FFFF), naming where it is.
    /// - Complexity: O(size of the output).
    public static func write(_ table: ExportTable) throws(GraphMLError) -> [UInt8] {
        let sink = MemorySink()
        do {
            try write(table, to: sink)
        } catch let error as GraphMLError {
            throw error
        } catch {
            throw GraphMLError("cannot collect the output: \(error)")  // a memory sink does not fail
        }
        return sink.bytes
    }

    /// Streams GraphML for the table into `sink`, a chunk of at most about 64 KiB at a time, so
    /// peak memory is the table plus one chunk, whatever the size of the document. Every text
    /// is checked first: when one cannot be written, the sink receives nothing.
    ///
    /// - Throws: `GraphMLError` (a character XML cannot carry, before any byte is written), or
    ///   the sink's `OutputError`.
    public static func write(_ table: ExportTable, to sink: some ByteSink) throws {
        try write(table, to: sink, chunkSize: XMLChunkedWriter.defaultChunkSize)
    }

    /// `write(_:to:)` with chunks of `chunkSize` bytes (tests use small ones); `checked`: the
    /// caller has run `checkCharacters` already (`Exporter` does, before handing out the output).
    static func write(_ table: ExportTable, to sink: some ByteSink, chunkSize: Int,
                      checked: Bool = false) throws {
        if !checked { try checkCharacters(table) }
        var xml = try XMLChunkedWriter(sink: sink, chunkSize: chunkSize)
        try stream(table, &xml)
    }

    private static func stream(_ table: ExportTable, _ xml: inout XMLChunkedWriter) throws(OutputError) {
        let nodeKeys = keyIDs(table.nodeColumns.map(\.name), prefix: "n_")
        let edgeKeys = keyIDs(table.edgeColumns.map(\.name), prefix: "e_")
        let graphData = table.graphData
        let graphKeys = keyIDs(graphData.map(\.key), prefix: "g_")

        try xml.start("graphml")
        try xml.attribute("xmlns", graphMLNamespace)
        try xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        try xml.attribute("xsi:schemaLocation",
                          "\(graphMLNamespace) http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
        for (id, name) in zip(graphKeys, graphData.map(\.key)) {
            try key(&xml, id: id, for: "graph", name: name, type: .string)
        }
        for (id, column) in zip(nodeKeys, table.nodeColumns) {
            try key(&xml, id: id, for: "node", name: column.name, type: column.type)
        }
        for (id, column) in zip(edgeKeys, table.edgeColumns) {
            try key(&xml, id: id, for: "edge", name: column.name, type: column.type)
        }
        // Ids the schema's NMTOKEN rule rejects are written as n1, e2, … with the original kept
        // in an `original_id` key, so the file validates and still reads back exactly.
        let nodeIDs = xmlIDs(table.network.actors.map(\.id), prefix: "n")
        let edgeIDs = xmlIDs(table.network.relations.map(\.id), prefix: "e")
        for (domain, ids) in [("node", nodeIDs), ("edge", edgeIDs)] where ids.contains(where: \.encoded) {
            try key(&xml, id: originalIDKey(for: domain), for: domain, name: originalIDName, type: .string)
        }

        try xml.start("graph")
        try xml.attribute("id", "G")
        try xml.attribute("edgedefault", table.defaultDirected ? "directed" : "undirected")
        for (id, item) in zip(graphKeys, graphData) {
            try data(&xml, key: id, text: item.value)
        }
        // Only when some actor id had to be encoded do edge ends need looking up.
        let nodeXMLID = nodeIDs.contains(where: \.encoded)
            ? Dictionary(uniqueKeysWithValues: zip(table.network.actors.map(\.id), nodeIDs.map(\.xml))) : [:]
        for (node, ids) in zip(table.nodes, nodeIDs) {
            try xml.start("node")
            try xml.attribute("id", ids.xml)
            if ids.encoded { try data(&xml, key: originalIDKey(for: "node"), text: node.id) }
            for (id, value) in zip(nodeKeys, node.values) {
                if let value { try data(&xml, key: id, text: text(value)) }
            }
            try xml.end()
        }
        for (edge, ids) in zip(table.edges, edgeIDs) {
            try xml.start("edge")
            try xml.attribute("id", ids.xml)
            try xml.attribute("source", nodeXMLID.isEmpty ? edge.source : nodeXMLID[edge.source] ?? edge.source)
            try xml.attribute("target", nodeXMLID.isEmpty ? edge.target : nodeXMLID[edge.target] ?? edge.target)
            if table.mixedDirections { try xml.attribute("directed", edge.directed ? "true" : "false") }
            if ids.encoded { try data(&xml, key: originalIDKey(for: "edge"), text: edge.id) }
            for (id, value) in zip(edgeKeys, edge.values) {
                if let value { try data(&xml, key: id, text: text(value)) }
            }
            try xml.end()
        }
        try xml.end()  // graph
        try xml.end()  // graphml
        try xml.finish()
    }

    /// The `attr.name` of the key that keeps an element's id when the XML id had to be encoded.
    public static let originalIDName = "original_id"

    static func originalIDKey(for domain: String) -> String { domain == "node" ? "n__original_id" : "e__original_id" }

    /// Whether `id` is an XML NMTOKEN (GraphML's type for ids): name characters only. Letters
    /// and digits of any script, `.`, `-`, `_` and `:` — a conservative reading of XML 1.0's
    /// NameChar, so whatever passes is valid.
    static func isNameToken(_ id: String) -> Bool {
        // Plain ASCII ids (almost all) are decided on the bytes; Unicode properties are looked
        // up only for the others.
        var id = id
        let ascii: Bool? = id.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            for b in bytes {
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
                     UInt8(ascii: "_"), UInt8(ascii: ":"):
                    continue
                case 0x80...:
                    return nil
                default:
                    return false
                }
            }
            return true
        }
        if let ascii { return ascii }
        return id.unicodeScalars.allSatisfy { s in
            ".-_:".unicodeScalars.contains(s) || (s.isASCII ? s.properties.isAlphabetic || ("0"..."9").contains(s)
                : s.properties.isAlphabetic || s.properties.numericType != nil)
        }
    }

    /// XML ids for element ids: the id itself when it is a name token, else `prefix` + position,
    /// made unique against every id used.
    static func xmlIDs(_ ids: [String], prefix: String) -> [(xml: String, encoded: Bool)] {
        // The usual case — every id a name token — needs no set of ids.
        let tokens = ids.map(isNameToken)
        if !tokens.contains(false) { return ids.map { ($0, false) } }
        var taken = Set(zip(ids, tokens).filter(\.1).map(\.0))
        return ids.enumerated().map { i, id in
            if tokens[i] { return (id, false) }
            var candidate = "\(prefix)\(i + 1)", n = 2
            while taken.contains(candidate) {
                candidate = "\(prefix)\(i + 1)_\(n)"
                n += 1
            }
            taken.insert(candidate)
            return (candidate, true)
        }
    }

    /// GraphML's name for each column type: the four that networkx, igraph, Gephi and yEd all read.
    static let typeNames: [ExportTable.ColumnType: String] = [
        .string: "string", .double: "double", .long: "long", .boolean: "boolean",
    ]

    /// Key ids for names, in order: prefix + name reduced to `[A-Za-z0-9._-]`, made unique.
    static func keyIDs(_ names: [String], prefix: String) -> [String] {
        var taken = Set<String>()
        return names.map { name in
            let base = prefix + String(String.UnicodeScalarView(name.unicodeScalars.map { s in
                s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "-_.".unicodeScalars.contains(s))
                    ? s : "_"
            }))
            var id = base, n = 2
            while taken.contains(id) {
                id = "\(base)_\(n)"
                n += 1
            }
            taken.insert(id)
            return id
        }
    }

    /// The value as GraphML text. Doubles use ActorNet's shortest exact form, except that
    /// non-finite metric values get the XML Schema spellings, which every GraphML reader knows.
    static func text(_ value: ExportTable.Value) -> String {
        if case let .double(x) = value, !x.isFinite {
            return x.isNaN ? "NaN" : x > 0 ? "INF" : "-INF"
        }
        return value.text
    }

    private static func key(_ xml: inout XMLChunkedWriter, id: String, for domain: String, name: String,
                            type: ExportTable.ColumnType) throws(OutputError) {
        try xml.start("key")
        try xml.attribute("id", id)
        try xml.attribute("for", domain)
        let token = attrName(name)
        try xml.attribute("attr.name", token)
        try xml.attribute("attr.type", typeNames[type] ?? "string")
        if token != name {
            try xml.start("desc")
            try xml.text(name)
            try xml.end()
        }
        try xml.end()
    }

    /// `name` as the schema's `attr.name` allows it, an XML name token: every character other
    /// than a letter, a digit, `.`, `-`, `_` or `:` becomes `_` ("Modularity Class" →
    /// "Modularity_Class"; the name itself goes in the key's `<desc>`, which `GraphMLReader`
    /// reads back).
    static func attrName(_ name: String) -> String {
        guard !name.isEmpty else { return "_" }
        return String(String.UnicodeScalarView(name.unicodeScalars.map { s in
            s.properties.isAlphabetic || s.properties.numericType == .decimal || "-_.:".unicodeScalars.contains(s) ? s : "_"
        }))
    }

    private static func data(_ xml: inout XMLChunkedWriter, key: String, text: String) throws(OutputError) {
        try xml.element("data", attribute: "key", key, text: text)
    }

    /// Refuses, before anything is written, every text XML 1.0 cannot carry.
    static func checkCharacters(_ table: ExportTable) throws(GraphMLError) {
        guard let (place, bad) = table.firstUnwritableText() else { return }
        throw GraphMLError("\(place) contains \(XMLText.codePoint(bad)), which XML 1.0 cannot carry",
                           fix: "remove the character or replace it (e.g. with a space) in the network file")
    }
}
