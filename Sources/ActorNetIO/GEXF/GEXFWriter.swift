import ActorNetCore
import CLibXML2

/// Writes an `ExportTable` as GEXF 1.3, Gephi's format, streaming (`XMLChunkedWriter`).
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

    /// The GEXF document, UTF-8, in memory.
    ///
    /// - Throws: `GEXFError` when a text holds a character XML 1.0 cannot carry, or a date
    ///   has no GEXF form.
    /// - Complexity: O(n + m) in the table's cells.
    public static func write(_ table: ExportTable, mode: Mode = .static) throws(GEXFError) -> [UInt8] {
        let sink = MemorySink()
        do {
            try write(table, mode: mode, to: sink)
        } catch let error as GEXFError {
            throw error
        } catch {
            throw GEXFError(element: "document", "cannot collect the output: \(error)")  // a memory sink does not fail
        }
        return sink.bytes
    }

    /// Streams the GEXF document into `sink`, a chunk of at most about 64 KiB at a time, so
    /// peak memory is the table plus one chunk. Texts and dates are checked first: when one
    /// cannot be written, the sink receives nothing.
    ///
    /// - Throws: `GEXFError` (before any byte is written), or the sink's `OutputError`.
    public static func write(_ table: ExportTable, mode: Mode = .static, to sink: some ByteSink) throws {
        try write(table, mode: mode, to: sink, chunkSize: XMLChunkedWriter.defaultChunkSize)
    }

    /// `write(_:mode:to:)` with chunks of `chunkSize` bytes (tests use small ones); `checked`:
    /// the caller has run `check` already (`Exporter` does, before handing out the output).
    static func write(_ table: ExportTable, mode: Mode, to sink: some ByteSink,
                      chunkSize: Int, checked: Bool = false) throws {
        if !checked { try check(table, mode: mode) }
        var out = try XMLChunkedWriter(sink: sink, chunkSize: chunkSize)
        try stream(table, mode: mode, &out)
    }

    /// Everything that could stop the export, found before a byte is written: texts XML cannot
    /// carry, and (dynamic mode) `until` dates with no day before them.
    static func check(_ table: ExportTable, mode: Mode) throws(GEXFError) {
        if let (place, bad) = table.firstUnwritableText() {
            throw GEXFError(element: place, "contains \(XMLText.codePoint(bad)), which XML 1.0 cannot carry",
                            fix: "remove or replace that character in the network file (XML allows tab, newline and carriage return, but no other control characters, nor U+FFFE/U+FFFF)")
        }
        guard mode == .dynamic else { return }
        for relation in table.network.relations {
            if let until = relation.until, GEXFTime.end(until: until) == nil {
                throw GEXFError(element: "edge '\(relation.id)' end",
                                "until \(until) leaves no day before it for GEXF's inclusive end",
                                fix: "write the relation without an until date, or export with mode static")
            }
        }
    }

    private static func stream(_ table: ExportTable, mode: Mode, _ out: inout XMLChunkedWriter) throws(OutputError) {
        try out.start("gexf")
        try out.attribute("xmlns", namespace)
        try out.attribute("xmlns:viz", vizNamespace)
        try out.attribute("version", "1.3")

        try out.start("meta")
        try out.element("creator", text: "ActorNet")
        if let name = table.network.name {
            try out.element("description", text: name)
        }
        try out.end()

        let graphData = table.graphData
        if !graphData.isEmpty {
            try out.processingInstruction("actornet", graphDataJSON(graphData))
        }

        try out.start("graph")
        try out.attribute("mode", mode.rawValue)
        if !table.mixedDirections {
            try out.attribute("defaultedgetype", table.defaultDirected ? "directed" : "undirected")
        }
        if mode == .dynamic {
            try out.attribute("timeformat", "date")
        }

        let nodeColumns = table.nodeColumns.enumerated().filter { _, c in
            !(c.role == .fixed && c.name == "label") && c.role != .visual
        }
        let edgeColumns = table.edgeColumns.enumerated().filter { _, c in
            !(c.role == .fixed && (c.name == "weight" || c.name == "label"))
        }
        try declare(nodeColumns.map(\.element), class: "node", &out)
        try declare(edgeColumns.map(\.element), class: "edge", &out)

        let labelColumn = table.nodeColumns.firstIndex { $0.role == .fixed && $0.name == "label" }
        let visual = ["r", "g", "b", "size"].map { name in
            table.nodeColumns.firstIndex { $0.role == .visual && $0.name == name }
        }
        try out.start("nodes")
        try out.attribute("count", String(table.nodes.count))
        for row in table.nodes {
            try out.start("node")
            try out.attribute("id", row.id)
            if let labelColumn, let label = row.values[labelColumn] {
                try out.attribute("label", label.text)
            }
            try attvalues(nodeColumns.map { ($0.element.name, row.values[$0.offset]) }, &out)
            if let r = visual[0], let g = visual[1], let b = visual[2],
               case let .long(rv)? = row.values[r], case let .long(gv)? = row.values[g], case let .long(bv)? = row.values[b] {
                try out.start("viz:color")
                for (channel, v) in [("r", rv), ("g", gv), ("b", bv)] {
                    try out.attribute(channel, String(min(255, max(0, v))))
                }
                try out.end()
            }
            if let s = visual[3], case let .double(size)? = row.values[s], size.isFinite, size >= 0 {
                try out.start("viz:size")
                try out.attribute("value", NumberText.exact(size))
                try out.end()
            }
            try out.end()
        }
        try out.end()

        let weightColumn = table.edgeColumns.firstIndex { $0.role == .fixed && $0.name == "weight" }
        let edgeLabelColumn = table.edgeColumns.firstIndex { $0.role == .fixed && $0.name == "label" }
        let relations = table.network.relations
        try out.start("edges")
        try out.attribute("count", String(table.edges.count))
        for (i, row) in table.edges.enumerated() {
            let relation = relations[i]
            try out.start("edge")
            try out.attribute("id", row.id)
            try out.attribute("source", row.source)
            try out.attribute("target", row.target)
            if table.mixedDirections {
                try out.attribute("type", row.directed ? "directed" : "undirected")
            }
            try out.attribute("kind", relation.kind)
            if let weightColumn, let weight = row.values[weightColumn] {
                try out.attribute("weight", number(weight))
            }
            if let edgeLabelColumn, let label = row.values[edgeLabelColumn] {
                try out.attribute("label", label.text)
            }
            if mode == .dynamic {
                if let since = relation.since {
                    try out.attribute("start", GEXFTime.start(since: since))
                }
                if let until = relation.until, let end = GEXFTime.end(until: until) {  // checked before writing
                    try out.attribute("end", end)
                }
            }
            try attvalues(edgeColumns.map { ($0.element.name, row.values[$0.offset]) }, &out)
            try out.end()
        }
        try out.end()

        try out.end()  // graph
        try out.end()  // gexf
        try out.finish()
    }

    private static func declare(_ columns: [ExportTable.Column], class kind: String, _ out: inout XMLChunkedWriter) throws(OutputError) {
        try out.start("attributes")
        try out.attribute("class", kind)
        try out.attribute("mode", "static")
        for column in columns {
            try out.start("attribute")
            try out.attribute("id", column.name)
            try out.attribute("title", column.name)
            try out.attribute("type", column.type.rawValue)
            try out.end()
        }
        try out.end()
    }

    private static func attvalues(_ cells: [(String, ExportTable.Value?)], _ out: inout XMLChunkedWriter) throws(OutputError) {
        let present = cells.compactMap { name, value in value.map { (name, $0) } }
        guard !present.isEmpty else { return }
        try out.start("attvalues")
        for (name, value) in present {
            try out.start("attvalue")
            try out.attribute("for", name)
            try out.attribute("value", number(value))
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
