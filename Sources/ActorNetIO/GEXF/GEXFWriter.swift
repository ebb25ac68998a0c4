import ActorNetCore
import CLibXML2

/// Writes an `ExportTable` as GEXF 1.3, Gephi's format, through libxml2's streaming
/// `xmlTextWriter` (so escaping is libxml2's, not ours).
///
/// What goes where:
/// - `<meta>`: creator `ActorNet`, the network's name as `<description>`; no date, so the
///   output is byte-for-byte deterministic.
/// - Graph data GEXF has no place for (name, summary, declared kinds, sources — see
///   `ExportTable.graphData`) travel in one processing instruction `<?actornet {JSON}?>`
///   before `<graph>`: schema validators, Gephi and networkx skip it; `GEXFReader` reads it.
/// - Node columns become `<attributes class="node">` (id = title = column name) except
///   `label`, which is the node's `label`, and the visual `r`/`g`/`b`/`size`, which become
///   `<viz:color>` and `<viz:size>`.
/// - Every relation is its own `<edge>` with the relation id, the positive strength as
///   `weight` and the kind name as GEXF 1.3's `kind` (Gephi keeps parallel edges apart by it);
///   the `label` column is the edge's `label`; every other column, `kind` and `sign`
///   included, is an attvalue, so nothing is lost.
/// - Directions: `defaultedgetype` when all relations agree; otherwise `type` on every edge.
/// - `.dynamic`: `mode="dynamic" timeformat="date"`, and each dated relation gets `start`/`end`
///   by `GEXFTime`'s mapping (inclusive GEXF end = the day before ActorNet's exclusive
///   `until`). Nodes get no spells: actors are not dated, so they are present throughout.
///
/// The `viz` elements are in the `http://gexf.net/1.3/viz` namespace as Gephi, networkx and
/// graphology read them. The published 1.3 XSD rejects them there (its `viz.xsd` has no
/// target namespace — a known defect), so only exports with visual columns fail `xmllint
/// --schema`, and only on those elements.
public enum GEXFWriter {
    public enum Mode: String, Sendable { case `static`, dynamic }

    static let namespace = "http://gexf.net/1.3"
    static let vizNamespace = "http://gexf.net/1.3/viz"

    /// The GEXF document, UTF-8.
    ///
    /// - Throws: `GEXFError` when a text holds a character XML 1.0 cannot carry, or a date
    ///   has no GEXF form.
    /// - Complexity: O(n + m) in the table's cells.
    public static func write(_ table: ExportTable, mode: Mode = .static) throws(GEXFError) -> [UInt8] {
        let out = try XMLOut()
        try out.start("gexf")
        try out.attribute("xmlns", namespace, of: "gexf")
        try out.attribute("xmlns:viz", vizNamespace, of: "gexf")
        try out.attribute("version", "1.3", of: "gexf")

        try out.start("meta")
        try out.element("creator", text: "ActorNet", of: "meta")
        if let name = table.network.name {
            try out.element("description", text: name, of: "meta description")
        }
        try out.end()

        let graphData = table.graphData
        if !graphData.isEmpty {
            try out.processingInstruction("actornet", graphDataJSON(graphData))
        }

        try out.start("graph")
        try out.attribute("mode", mode.rawValue, of: "graph")
        if !table.mixedDirections {
            try out.attribute("defaultedgetype", table.defaultDirected ? "directed" : "undirected", of: "graph")
        }
        if mode == .dynamic {
            try out.attribute("timeformat", "date", of: "graph")
        }

        let nodeColumns = table.nodeColumns.enumerated().filter { _, c in
            !(c.role == .fixed && c.name == "label") && c.role != .visual
        }
        let edgeColumns = table.edgeColumns.enumerated().filter { _, c in
            !(c.role == .fixed && (c.name == "weight" || c.name == "label"))
        }
        try declare(nodeColumns.map(\.element), class: "node", out)
        try declare(edgeColumns.map(\.element), class: "edge", out)

        let labelColumn = table.nodeColumns.firstIndex { $0.role == .fixed && $0.name == "label" }
        let visual = ["r", "g", "b", "size"].map { name in
            table.nodeColumns.firstIndex { $0.role == .visual && $0.name == name }
        }
        try out.start("nodes")
        try out.attribute("count", String(table.nodes.count), of: "nodes")
        for row in table.nodes {
            let what = "node '\(row.id)'"
            try out.start("node")
            try out.attribute("id", row.id, of: "\(what) id")
            if let labelColumn, let label = row.values[labelColumn] {
                try out.attribute("label", label.text, of: "\(what) label")
            }
            try attvalues(nodeColumns.map { ($0.element.name, row.values[$0.offset]) }, of: what, out)
            if let r = visual[0], let g = visual[1], let b = visual[2],
               case let .long(rv)? = row.values[r], case let .long(gv)? = row.values[g], case let .long(bv)? = row.values[b] {
                try out.start("viz:color")
                for (channel, v) in [("r", rv), ("g", gv), ("b", bv)] {
                    try out.attribute(channel, String(min(255, max(0, v))), of: "\(what) viz:color")
                }
                try out.end()
            }
            if let s = visual[3], case let .double(size)? = row.values[s], size.isFinite, size >= 0 {
                try out.start("viz:size")
                try out.attribute("value", formatNumber(size), of: "\(what) viz:size")
                try out.end()
            }
            try out.end()
        }
        try out.end()

        let weightColumn = table.edgeColumns.firstIndex { $0.role == .fixed && $0.name == "weight" }
        let edgeLabelColumn = table.edgeColumns.firstIndex { $0.role == .fixed && $0.name == "label" }
        let relations = table.network.relations
        try out.start("edges")
        try out.attribute("count", String(table.edges.count), of: "edges")
        for (i, row) in table.edges.enumerated() {
            let what = "edge '\(row.id)'"
            let relation = relations[i]
            try out.start("edge")
            try out.attribute("id", row.id, of: "\(what) id")
            try out.attribute("source", row.source, of: "\(what) source")
            try out.attribute("target", row.target, of: "\(what) target")
            if table.mixedDirections {
                try out.attribute("type", row.directed ? "directed" : "undirected", of: "\(what) type")
            }
            try out.attribute("kind", relation.kind, of: "\(what) kind")
            if let weightColumn, let weight = row.values[weightColumn] {
                try out.attribute("weight", number(weight), of: "\(what) weight")
            }
            if let edgeLabelColumn, let label = row.values[edgeLabelColumn] {
                try out.attribute("label", label.text, of: "\(what) label")
            }
            if mode == .dynamic {
                if let since = relation.since {
                    try out.attribute("start", GEXFTime.start(since: since), of: "\(what) start")
                }
                if let until = relation.until {
                    guard let end = GEXFTime.end(until: until) else {
                        throw GEXFError(element: "\(what) end",
                                        "until \(until) leaves no day before it for GEXF's inclusive end",
                                        fix: "write the relation without an until date, or export with mode static")
                    }
                    try out.attribute("end", end, of: "\(what) end")
                }
            }
            try attvalues(edgeColumns.map { ($0.element.name, row.values[$0.offset]) }, of: what, out)
            try out.end()
        }
        try out.end()

        try out.end()  // graph
        try out.end()  // gexf
        return try out.finish()
    }

    private static func declare(_ columns: [ExportTable.Column], class kind: String, _ out: XMLOut) throws(GEXFError) {
        try out.start("attributes")
        try out.attribute("class", kind, of: "attributes")
        try out.attribute("mode", "static", of: "attributes")
        for column in columns {
            let what = "\(kind) attribute '\(column.name)'"
            try out.start("attribute")
            try out.attribute("id", column.name, of: what)
            try out.attribute("title", column.name, of: what)
            try out.attribute("type", column.type.rawValue, of: what)
            try out.end()
        }
        try out.end()
    }

    private static func attvalues(_ cells: [(String, ExportTable.Value?)], of what: String, _ out: XMLOut) throws(GEXFError) {
        let present = cells.compactMap { name, value in value.map { (name, $0) } }
        guard !present.isEmpty else { return }
        try out.start("attvalues")
        for (name, value) in present {
            try out.start("attvalue")
            try out.attribute("for", name, of: "\(what) attribute '\(name)'")
            try out.attribute("value", number(value), of: "\(what) attribute '\(name)'")
            try out.end()
        }
        try out.end()
    }

    /// A value's text, with non-finite doubles spelt so Java (Gephi) and Python both parse them.
    static func number(_ value: ExportTable.Value) -> String {
        if case let .double(x) = value, !x.isFinite {
            return x.isNaN ? "NaN" : x > 0 ? "Infinity" : "-Infinity"
        }
        return value.text
    }

    /// Graph data as one JSON object in a fixed key order. `>` is escaped as `\u003e` (legal
    /// only inside JSON strings, where every `>` is) so the text never holds `?>`.
    static func graphDataJSON(_ data: [(key: String, value: String)]) -> String {
        "{" + data.map { jsonString($0.key) + ":" + jsonString($0.value) }.joined(separator: ",") + "}"
    }

    static func jsonString(_ s: String) -> String { JSONText.quote(s, escapingAngle: true) }
}

/// A thin wrapper over `xmlTextWriter` writing into memory: checks every text for characters XML
/// 1.0 cannot carry and turns libxml2's failures into `GEXFError`s.
private final class XMLOut {
    private let buffer: xmlBufferPtr
    private var writer: xmlTextWriterPtr?
    private var open: [String] = []

    init() throws(GEXFError) {
        guard let buffer = xmlBufferCreate() else {
            throw GEXFError(element: "document", "libxml2 could not allocate a buffer", fix: "free memory and retry")
        }
        self.buffer = buffer
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw GEXFError(element: "document", "libxml2 could not create a writer", fix: "free memory and retry")
        }
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        _ = withXMLString("  ") { xmlTextWriterSetIndentString(writer, $0) }
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "document")
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    func start(_ name: String) throws(GEXFError) {
        open.append(name)
        try check(withXMLString(name) { xmlTextWriterStartElement(writer, $0) }, name)
    }

    func end() throws(GEXFError) {
        let name = open.popLast() ?? "document"
        try check(xmlTextWriterEndElement(writer), name)
    }

    func attribute(_ name: String, _ value: String, of element: @autoclosure () -> String) throws(GEXFError) {
        try checkCharacters(value, element())
        let rc = withXMLString(name) { n in withXMLString(value) { v in xmlTextWriterWriteAttribute(writer, n, v) } }
        try check(rc, element())
    }

    func element(_ name: String, text: String, of element: String) throws(GEXFError) {
        try checkCharacters(text, element)
        try start(name)
        try check(withXMLString(text) { xmlTextWriterWriteString(writer, $0) }, element)
        try end()
    }

    func processingInstruction(_ target: String, _ content: String) throws(GEXFError) {
        try checkCharacters(content, "graph data (<?\(target)?>)")
        let rc = withXMLString(target) { t in withXMLString(content) { c in xmlTextWriterWritePI(writer, t, c) } }
        try check(rc, "graph data (<?\(target)?>)")
    }

    func finish() throws(GEXFError) -> [UInt8] {
        try check(xmlTextWriterEndDocument(writer), "document")
        // Freeing the writer flushes it into the buffer.
        xmlFreeTextWriter(writer)
        writer = nil
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    private func checkCharacters(_ text: String, _ element: String) throws(GEXFError) {
        guard let bad = text.firstNonXMLCharacter else { return }
        let code = String(bad.value, radix: 16, uppercase: true)
        throw GEXFError(element: element,
                        "contains U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code), which XML 1.0 cannot carry",
                        fix: "remove or replace that character in the network file (XML allows tab, newline and carriage return, but no other control characters, nor U+FFFE/U+FFFF)")
    }

    private func check(_ rc: Int32, _ element: @autoclosure () -> String) throws(GEXFError) {
        guard rc < 0 else { return }
        throw GEXFError(element: element(), "libxml2's writer failed (code \(rc))",
                        fix: "report this with the network file; it is a bug in ActorNet's GEXF writer")
    }
}

/// Calls `body` with `s` as a NUL-terminated `xmlChar` string.
func withXMLString<R>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    var bytes = Array(s.utf8)
    bytes.append(0)
    return bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
}
