import ActorNetCore

/// Node-link JSON, the layout of networkx's `node_link_data(G)` (networkx 3.4 and later name the
/// edge list `edges`; D3 and older networkx `links`, which the reader takes too):
///
///     {"directed": true, "multigraph": true,
///      "graph": {"name": …, "description": …, "kinds": […], "sources": […]},
///      "nodes": [{"id": "RUS", "label": "Russia", "kind": "state", …}],
///      "edges": [{"source": "RUS", "target": "IRN", "key": "rus-irn-treaty", "kind": …, …}]}
///
/// `nx.node_link_graph(data)` reads it into a `MultiDiGraph` (a `MultiGraph` when every relation
/// is undirected, or with `--direction undirected`; the `directed` key says which), one edge per relation, keyed by the relation id. The
/// node and link keys are `ExportTable`'s columns, with their types (numbers, booleans, text);
/// `flows` is a list of text, `evidence` a list of `{text, source, section, url}` objects, and
/// `kinds` and `sources` are the lists `NetworkMetadataJSON` describes. Each link carries
/// `directed`, since networkx has one direction per graph and ActorNet one per relation. An
/// attribute named like a key the format uses (`id`, `source`, `target`, `key`) is written
/// `attr_<name>`. One node or link per line, in network order, so files diff cleanly.
///
/// Reading takes what networkx writes, with either `edges` (networkx 3.4+) or `links` (D3, older networkx): ids and
/// ends may be any scalar (their text is the id); a link's `key` is its relation id when it is
/// text used by no other link (networkx's integer keys are not ids); a link without `directed`
/// takes the graph's `directed`. JSON numbers read as doubles, except `sign`; lists and objects
/// other than `flows` and `evidence` are kept as their JSON text. `ImportBuilder` maps the rest,
/// so an ActorNet file reads back into the network it was written from.
public enum NodeLinkJSON {
    /// The network as node-link JSON. O(n + m) times the number of columns.
    public static func write(_ table: ExportTable) -> String {
        let sink = MemorySink()
        // A MemorySink never fails.
        try? write(table, to: sink)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// The network as node-link JSON, streamed to `sink` in chunks of `chunkSize` bytes (the
    /// bytes `write(_:)` returns as text).
    public static func write(_ table: ExportTable, to sink: any ByteSink,
                             chunkSize: Int = 1 << 16) throws(OutputError) {
        let network = table.network
        var out = ChunkedTextWriter(sink: sink, chunkSize: chunkSize)
        try out.raw("{\n  \"directed\": \(table.defaultDirected || table.mixedDirections),\n  \"multigraph\": true,\n")
        let graph = table.graphData.map { key, value in
            // `kinds` and `sources` already are JSON text: embed them as JSON.
            quote(key) + ": " + (key == "kinds" || key == "sources" ? value : quote(value))
        }
        try out.raw("  \"graph\": {" + graph.joined(separator: ", ") + "},\n")

        let nodeKeys = table.nodeColumns.map { ", " + quote(name($0, reserved: ["id"])) + ": " }
        try out.raw("  \"nodes\": [")
        for (r, row) in table.nodes.enumerated() {
            try out.raw(r == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
            try out.jsonString(row.id)
            for (c, value) in row.values.enumerated() {
                guard let value else { continue }
                try out.raw(nodeKeys[c])
                try write(value, to: &out)
            }
            try out.byte(UInt8(ascii: "}"))
        }
        try out.raw(table.nodes.isEmpty ? "],\n" : "\n  ],\n")

        let linkKeys = table.edgeColumns.map { ", " + quote(name($0, reserved: ["source", "target", "key"])) + ": " }
        // 1: the relation's flows, as a list of text; 2: its evidence, JSON text already.
        let linkKinds = table.edgeColumns.map { column -> Int in
            guard column.role == .fixed else { return 0 }
            return column.name == "flows" ? 1 : column.name == "evidence" ? 2 : 0
        }
        try out.raw("  \"edges\": [")
        for (i, row) in table.edges.enumerated() {
            try out.raw(i == 0 ? "\n    {\"source\": " : ",\n    {\"source\": ")
            try out.jsonString(row.source)
            try out.raw(", \"target\": ")
            try out.jsonString(row.target)
            try out.raw(", \"key\": ")
            try out.jsonString(row.id)
            for (c, value) in row.values.enumerated() {
                guard let value else { continue }
                try out.raw(linkKeys[c])
                switch (linkKinds[c], value) {
                case (1, _):
                    try out.byte(UInt8(ascii: "["))
                    for (f, flow) in network.relations[i].flows.enumerated() {
                        if f > 0 { try out.raw(", ") }
                        try out.jsonString(flow)
                    }
                    try out.byte(UInt8(ascii: "]"))
                case let (2, .string(evidence)):
                    try out.raw(evidence)  // EvidenceJSON text is JSON already
                default:
                    try write(value, to: &out)
                }
            }
            try out.byte(UInt8(ascii: "}"))
        }
        try out.raw(table.edges.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        try out.finish()
    }

    private static func write(_ value: ExportTable.Value, to out: inout ChunkedTextWriter) throws(OutputError) {
        switch value {
        case let .string(s): try out.jsonString(s)
        case .double, .long, .boolean: try out.raw(value.text)
        }
    }

    /// Reads a node-link document; `file` names it in diagnostics, which carry line and column.
    public static func read(bytes: [UInt8], file: String) -> LoadResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        func fail(_ message: String, at location: SourceLocation = start, fix: String? = nil) -> LoadResult {
            LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: location, message, fix: fix)])
        }
        let root: DocNode
        switch TextInput.utf8(bytes, file: file) {
        case let .failure(d): return LoadResult(network: nil, diagnostics: [d])
        case let .success(body):
            do {
                root = try JSONDocumentParser.parse(Array(body), file: file)
            } catch {
                return fail(error.message, at: error.location, fix: error.fix)
            }
        }
        var cytoscapeNote: Diagnostic?
        let top: [DocEntry]
        if let converted = cytoscape(root) {
            top = converted
            cytoscapeNote = Diagnostic(.warning, at: root.location,
                "Cytoscape.js elements: each element's 'data' read as a node or an edge (an edge has a source and a target); "
                    + "positions, classes and styles dropped",
                fix: "nothing to do; networkx reads these with cytoscape_graph")
        } else {
            guard case let .mapping(mapping) = root.value else {
                return fail("the document is \(root.shapeDescription), not a node-link object", at: root.location,
                            fix: "write {\"directed\": …, \"nodes\": […], \"links\": […]}, as networkx's node_link_data does")
            }
            top = mapping
        }
        func entry(_ key: String) -> DocNode? { top.first { $0.key == key }?.value }

        var builder = ImportBuilder(file: file)
        var directed = false
        if let node = entry("directed") {
            guard case let .scalar(_, .bool(b)) = node.value else {
                return fail("'directed' is \(node.shapeDescription), not a boolean", at: node.location, fix: "write true or false")
            }
            directed = b
        }
        if let graph = entry("graph") {
            guard case let .mapping(entries) = graph.value else {
                return fail("'graph' is \(graph.shapeDescription), not an object", at: graph.location,
                            fix: "write the graph's attributes as an object, e.g. {\"name\": \"…\"}")
            }
            for e in entries {
                switch e.value.value {
                case let .scalar(raw, .string): builder.setGraphData(key: e.key, value: raw, at: e.keyLocation)
                case .scalar: break  // networkx graph attributes ActorNet has no field for
                case .sequence, .mapping: builder.setGraphData(key: e.key, value: jsonText(e.value), at: e.keyLocation)
                }
            }
        }

        guard let nodes = entry("nodes") else {
            return fail("no 'nodes' list", fix: "add \"nodes\": [{\"id\": …}, …]")
        }
        guard case let .sequence(nodeList) = nodes.value else {
            return fail("'nodes' is \(nodes.shapeDescription), not a list", at: nodes.location, fix: "write \"nodes\": [{\"id\": …}, …]")
        }
        var diagnostics: [Diagnostic] = cytoscapeNote.map { [$0] } ?? []
        // D3 v3 (`miserables.json`): no node has an id and links give their ends as indices
        // into `nodes`. Ids are then the nodes' names when those are unique text, else their
        // indices; a link's `value` (D3's link strength) is its weight.
        let byIndex = !nodeList.contains { node in
            if case let .mapping(entries) = node.value { return entries.contains { $0.key == "id" } }
            return true
        } && !nodeList.isEmpty
        var indexIDs: [String] = []
        if byIndex {
            let names = nodeList.map { node -> String? in
                guard case let .mapping(entries) = node.value, let name = entries.first(where: { $0.key == "name" }),
                      case let .scalar(raw, .string) = name.value.value, !raw.isEmpty else { return nil }
                return raw
            }
            let unique = !names.contains(nil) && Set(names.compactMap { $0 }).count == names.count
            indexIDs = unique ? names.map { $0! } : nodeList.indices.map(String.init)
            diagnostics.append(Diagnostic(.warning, at: nodes.location,
                "nodes have no 'id' (D3 v3 layout): links' source and target read as indices into 'nodes', ids taken from "
                    + (unique ? "the nodes' 'name'" : "those indices (names missing or repeated)")
                    + ", a link's 'value' read as its weight",
                fix: "nothing to do; networkx and D3 v4+ write an \"id\" per node"))
        }
        for (index, node) in nodeList.enumerated() {
            guard case let .mapping(entries) = node.value else {
                diagnostics.append(Diagnostic(.error, at: node.location, "a node is \(node.shapeDescription), not an object",
                                              fix: "write each node as {\"id\": …, …}"))
                continue
            }
            guard let id = byIndex ? indexIDs[index] : entries.first(where: { $0.key == "id" }).flatMap({ idText($0.value) }) else {
                diagnostics.append(Diagnostic(.error, at: node.location, "a node has no 'id'",
                                              fix: "give every node an \"id\" (text or number)"))
                continue
            }
            let attributes = entries.filter { $0.key != "id" }.compactMap { e in
                value(of: e.value, key: e.key).map { (key: unprefixed(e.key, ["id"]), value: $0) }
            }
            builder.addNode(id: id, attributes: attributes, at: node.location)
        }

        let linksKey = entry("links") != nil ? "links" : "edges"
        guard let links = entry(linksKey) else {
            return fail("no 'links' (or 'edges') list", fix: "add \"links\": [{\"source\": …, \"target\": …}, …], even if empty")
        }
        guard case let .sequence(linkList) = links.value else {
            return fail("'\(linksKey)' is \(links.shapeDescription), not a list", at: links.location,
                        fix: "write \"\(linksKey)\": [{\"source\": …, \"target\": …}, …]")
        }
        // A text key is a relation id only when no other link uses it.
        var keyCounts: [String: Int] = [:]
        for link in linkList {
            if case let .mapping(entries) = link.value, let key = entries.first(where: { $0.key == "key" }),
               case let .scalar(raw, .string) = key.value.value {
                keyCounts[raw, default: 0] += 1
            }
        }
        for link in linkList {
            guard case let .mapping(entries) = link.value else {
                diagnostics.append(Diagnostic(.error, at: link.location, "a link is \(link.shapeDescription), not an object",
                                              fix: "write each link as {\"source\": …, \"target\": …, …}"))
                continue
            }
            var ends: [String] = []
            for end in ["source", "target"] {
                if byIndex, let node = entries.first(where: { $0.key == end })?.value {
                    if case let .scalar(raw, _) = node.value, let k = Int(raw), indexIDs.indices.contains(k) {
                        ends.append(indexIDs[k])
                    } else {
                        diagnostics.append(Diagnostic(.error, at: node.location,
                            "link \(end) \(idText(node).map { "'\($0)'" } ?? "") is not an index into 'nodes' (0 to \(indexIDs.count - 1))",
                            fix: "give the position of the node in 'nodes', counting from 0, or give every node an \"id\""))
                    }
                } else if let text = entries.first(where: { $0.key == end }).flatMap({ idText($0.value) }) {
                    ends.append(text)
                } else {
                    diagnostics.append(Diagnostic(.error, at: link.location, "a link has no '\(end)'",
                                                  fix: "give every link a \"source\" and a \"target\" node id"))
                }
            }
            guard ends.count == 2 else { continue }
            var id: String?
            if let key = entries.first(where: { $0.key == "key" }), case let .scalar(raw, .string) = key.value.value,
               keyCounts[raw] == 1 {
                id = raw
            }
            var attributes = entries.filter { !["source", "target", "key"].contains($0.key) }.compactMap { e in
                value(of: e.value, key: e.key).map { (key: unprefixed(e.key, ["source", "target", "key"]), value: $0) }
            }
            if byIndex, !attributes.contains(where: { $0.key.lowercased() == "weight" }),
               let k = attributes.firstIndex(where: { $0.key == "value" }) {
                attributes[k].key = "weight"
            }
            builder.addEdge(id: id, source: ends[0], target: ends[1], directed: directed, attributes: attributes,
                            at: link.location)
        }
        let result = builder.build()
        let all = (diagnostics + result.diagnostics).sorted { $0.location < $1.location }
        return LoadResult(network: all.hasErrors ? nil : result.network, diagnostics: all)
    }

    /// Cytoscape.js JSON as node-link entries: an elements array `[{data: …}, …]` (the demos,
    /// `cy.json().elements` in one list) or `{elements: {nodes: […], edges: […]}}` (Cytoscape,
    /// networkx's `cytoscape_data`, which also gives `directed` and `multigraph`). Each
    /// element's `data` becomes a node or, with a source and a target, a link; networkx's
    /// `value` (the node itself) is dropped when it repeats the id. Nil for anything else.
    static func cytoscape(_ root: DocNode) -> [DocEntry]? {
        var elements: [DocNode] = []
        var kept: [DocEntry] = []
        switch root.value {
        case let .sequence(list):
            guard !list.isEmpty, list.allSatisfy(isElement) else { return nil }
            elements = list
        case let .mapping(entries):
            guard !entries.contains(where: { $0.key == "nodes" }), let e = entries.first(where: { $0.key == "elements" }) else { return nil }
            switch e.value.value {
            case let .sequence(list): elements = list
            case let .mapping(groups):
                for group in groups where group.key == "nodes" || group.key == "edges" {
                    if case let .sequence(list) = group.value.value { elements += list }
                }
            case .scalar: return nil
            }
            kept = entries.filter { $0.key == "directed" || $0.key == "multigraph" }
        case .scalar:
            return nil
        }
        var nodes: [DocNode] = [], links: [DocNode] = []
        for element in elements {
            guard case let .mapping(fields) = element.value, let data = fields.first(where: { $0.key == "data" }),
                  case var .mapping(entries) = data.value.value else {
                // Not an element: left for the node-link reader to report where it stands.
                nodes.append(element)
                continue
            }
            let isEdge = entries.contains { $0.key == "source" } && entries.contains { $0.key == "target" }
            if isEdge {
                // A Cytoscape edge id is the relation's id (the reader takes a unique text `key`).
                if let id = entries.firstIndex(where: { $0.key == "id" }), !entries.contains(where: { $0.key == "key" }) {
                    entries[id].key = "key"
                }
                links.append(DocNode(.mapping(entries), at: element.location))
            } else {
                let id = entries.first { $0.key == "id" }.flatMap { idText($0.value) }
                entries.removeAll { $0.key == "value" && idText($0.value) == id }
                nodes.append(DocNode(.mapping(entries), at: element.location))
            }
        }
        let at = root.location
        return kept + [DocEntry(key: "nodes", keyLocation: at, value: DocNode(.sequence(nodes), at: at)),
                       DocEntry(key: "links", keyLocation: at, value: DocNode(.sequence(links), at: at))]
    }

    private static func isElement(_ node: DocNode) -> Bool {
        guard case let .mapping(fields) = node.value, let data = fields.first(where: { $0.key == "data" }) else { return false }
        if case .mapping = data.value.value { return true }
        return false
    }

    // MARK: - Writing helpers

    static func name(_ column: ExportTable.Column, reserved: Set<String>) -> String {
        if case let .attribute(key) = column.role, reserved.contains(key) { return "attr_" + key }
        return column.name
    }

    static func json(_ value: ExportTable.Value) -> String {
        switch value {
        case let .string(s): quote(s)
        case .double, .long, .boolean: value.text
        }
    }

    /// A JSON string: quote, backslash and control characters escaped; other text as UTF-8.
    static func quote(_ text: String) -> String { JSONText.quote(text) }

    // MARK: - Reading helpers

    /// The text of a scalar id (`"RUS"`, `7`); a list (networkx's tuple nodes) as its JSON text.
    static func idText(_ node: DocNode) -> String? {
        switch node.value {
        case let .scalar(_, type) where type == .null: nil
        case let .scalar(raw, _): raw
        case .sequence: jsonText(node)
        case .mapping: nil
        }
    }

    static func value(of node: DocNode, key: String) -> ExportTable.Value? {
        switch node.value {
        case let .scalar(_, type) where type == .null: return nil
        case let .scalar(_, .bool(b)): return .boolean(b)
        case let .scalar(_, .number(x)): return key.lowercased() == "sign" ? .long(x < 0 ? -1 : 1) : .double(x)
        case let .scalar(raw, _): return .string(raw)
        case let .sequence(items) where key == "flows":
            let texts = items.compactMap { item -> String? in
                if case let .scalar(raw, .string) = item.value { return raw }
                return nil
            }
            return texts.count == items.count ? .string(texts.joined(separator: "; ")) : .string(jsonText(node))
        case .sequence, .mapping: return .string(jsonText(node))
        }
    }

    static func unprefixed(_ key: String, _ reserved: Set<String>) -> String {
        key.hasPrefix("attr_") && reserved.contains(String(key.dropFirst(5))) ? String(key.dropFirst(5)) : key
    }

    /// A parsed node written back as compact JSON, for values kept as text.
    static func jsonText(_ node: DocNode) -> String {
        switch node.value {
        case let .scalar(raw, type):
            switch type {
            case .null: "null"
            case let .bool(b): b ? "true" : "false"
            case .number: raw
            case .string: quote(raw)
            }
        case let .sequence(items): "[" + items.map(jsonText).joined(separator: ",") + "]"
        case let .mapping(entries): "{" + entries.map { quote($0.key) + ":" + jsonText($0.value) }.joined(separator: ",") + "}"
        }
    }
}
