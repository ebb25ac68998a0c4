import ActorNetCore
import CGraph
import Foundation

/// Reads Graphviz DOT through Graphviz's own parser (libcgraph) into a `Network`, by way of
/// `ImportBuilder`, so an ActorNet export reads back unchanged and other tools' files map the
/// same way.
///
/// - **Grammar.** cgraph parses: subgraphs, attribute statements, edge chains (`a -> b -> c`,
///   `a -> {b c}`), quoted ids with escapes, `+` concatenation, HTML-like ids, `charset`. A
///   token scan (`DOTScan`) before it gives positions: cgraph reports only the line of a syntax
///   error, so the column is the token cgraph names on that line; nodes are located at their
///   first mention, edges at their statement's edge operator.
/// - **Graph.** `digraph` makes directed relations, `graph` undirected ones; a relation per
///   edge, parallel edges kept (a `strict` graph's are merged by cgraph: a warning says so).
///   The graph's name (unless anonymous) is the network's. Only the first graph of a file is
///   read, with a warning when more follow.
/// - **Nodes.** The id is the actor's id; a `label` other than `\N` its name (`\N` in it
///   stands for the id); the innermost `cluster…` subgraph holding the node its group (the
///   cluster's label, else its name without `cluster` / `cluster_`), unless the node has a
///   `group` attribute.
/// - **Attributes** are those set on the object: a value equal to the `node [...]` /
///   `edge [...]` default of the root graph is not repeated on every object. Values are text
///   (DOT has no types); `\\` reads as `\` and `\n`, `\l`, `\r` as a line break; HTML-like
///   strings keep their markup as text. `ImportBuilder` maps the columns (`label`, `kind`,
///   `group`; `kind`, `sign`, `weight`, `directed`, …). Layout output (`pos`, `bb`, `width`,
///   `height`, `lp`, `_draw_`, … from `dot -Tdot`) is dropped, with one warning; so are edge
///   ports (`a:p -> b`, `tailport`, `headport`), with one warning.
/// - **ActorNet's own export.** `DOTWriter` writes each column as `actornet_<column>` (plain
///   data Graphviz ignores) and each relation id as the edge's `key`; a file carrying
///   `actornet_` attributes takes its data from them and drops the drawing attributes the
///   writer derives from it (`tooltip`, `color`, `penwidth`, the layout `weight`, …).
/// - **Limits.** `InputFile`'s size limit; a NUL byte is refused at its position (cgraph reads
///   C strings); braces nest at most `maximumDepth` deep (cgraph recurses per subgraph); at
///   most `maximumNodes` nodes and `maximumEdges` edges, the latter checked on the statements
///   before cgraph builds them (`{a b c} -> {d e f}` makes nine).
/// - **Concurrency.** cgraph's parser keeps global state (lexer, error handler), so every use
///   is serialised by one lock; everything is copied out and the graph freed (`agclose`)
///   before the lock is released.
public enum DOTReader {
    public struct Limits: Sendable {
        public var maximumDepth: Int
        public var maximumNodes: Int
        public var maximumEdges: Int
    }

    /// Brace nesting (subgraphs and `{…}` blocks) at most this deep: cgraph's parser and
    /// ActorNet's cluster walk recurse once per level.
    public static let maximumDepth = 100
    /// At most this many nodes.
    public static let maximumNodes = 1_000_000
    /// At most this many edges, counted on the statements before cgraph makes them.
    public static let maximumEdges = 2_000_000

    static let standardLimits = Limits(maximumDepth: maximumDepth, maximumNodes: maximumNodes, maximumEdges: maximumEdges)

    /// Reads the DOT file at `path`; `-` reads standard input. A file that cannot be read gives
    /// an error whose message starts with "cannot read", as `NetworkLoader` does.
    public static func read(path: String) -> LoadResult {
        InputFile.load(path, expecting: ".dot") { read(bytes: $0, file: $1) }
    }

    /// Reads DOT from bytes; `file` names it in diagnostics.
    public static func read(bytes: [UInt8], file: String) -> LoadResult {
        read(bytes: bytes, file: file, limits: standardLimits)
    }

    /// Graphviz's layout output: where `dot -Tdot` put things, not what the graph is.
    static let layoutAttributes: Set<String> = [
        "pos", "bb", "lp", "xlp", "head_lp", "tail_lp", "width", "height", "rects", "vertices", "lwidth", "lheight",
        "lheight", "_background", "_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_", "xdotversion",
    ]
    static let portAttributes: Set<String> = ["tailport", "headport"]
    /// The drawing `DOTWriter` derives from the data, dropped when its `actornet_` data is read.
    static let writerNodeLook: Set<String> = ["tooltip", "style", "fillcolor", "fontcolor", "width", "height"]
    static let writerEdgeLook: Set<String> = ["color", "style", "penwidth", "weight", "arrowhead", "dir", "tooltip"]

    static func read(bytes: [UInt8], file: String, limits: Limits) -> LoadResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        func fail(_ message: String, at location: SourceLocation = start, fix: String? = nil) -> LoadResult {
            LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: location, message, fix: fix)])
        }
        if let encoding = TextInput.wideEncoding(bytes) {
            return fail("the file is \(encoding.name) encoded; ActorNet reads DOT as UTF-8 (or Latin-1 with charset=latin1)",
                        fix: "convert it, e.g. iconv -f \(encoding.iconv) -t UTF-8 '\(file)' > \(TextInput.converted(file))")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let nul = body.firstIndex(of: 0) {
            return fail("the file holds a NUL byte (offset \(nul)); DOT is text, and Graphviz would stop reading there",
                        at: TextInput.position(of: nul - body.startIndex, in: body, file: file),
                        fix: "remove the NUL byte; if the file is binary or UTF-16, it is not DOT")
        }
        let scan = DOTScan(body, maximumDepth: limits.maximumDepth, maximumEdges: limits.maximumEdges)
        switch scan.failure {
        case let .tooDeep(offset):
            return fail("braces nest more than \(limits.maximumDepth) deep here (subgraphs or { } blocks)",
                        at: scan.location(offset, file: file),
                        fix: "flatten the subgraphs; ActorNet reads DOT nested at most \(limits.maximumDepth) levels")
        case let .tooManyEdges(offset, estimated):
            let count = estimated == Int.max ? "more than \(limits.maximumEdges)" : "\(estimated)"
            return fail("the edge statements up to here make \(count) edges, more than the \(limits.maximumEdges) ActorNet reads from DOT",
                        at: scan.location(offset, file: file),
                        fix: "split the graph, or write it as GraphML, which has no such limit")
        case nil: break
        }
        let latin1 = scan.charset.map { ["latin1", "latin-1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1", "iso-ir-100"].contains($0.lowercased()) } ?? false
        if !latin1, let bad = TextInput.firstInvalidUTF8(body) {
            let hex = String(body[bad], radix: 16, uppercase: true)
            return fail("the file is not valid UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(bad) cannot start or continue a character",
                        at: TextInput.position(of: bad - body.startIndex, in: body, file: file),
                        fix: "save the file as UTF-8, or declare graph [charset=latin1] if it is Latin-1")
        }

        let parsed = CGraphParse.parse(Array(body), latin1: latin1)
        var builder = ImportBuilder(file: file)
        for message in parsed.messages {
            var location = start
            var text = message.text
            if let (line, near) = Self.lineAndToken(message.text) {
                location = errorOffset(scan.candidates(onLine: line, near: near), near: near, in: body, latin1: latin1)
                    .map { scan.location($0, file: file) } ?? SourceLocation(file: file, line: line, column: 1)
                text = text.replacingOccurrences(of: "in line \(line) ", with: "")
            }
            if message.isError {
                builder.error("Graphviz: \(text)", at: location,
                              fix: "check the statement here: ids with spaces or punctuation are quoted (\"a b\"), statements are `a -> b [key=value];`, braces and brackets are closed")
            } else {
                builder.warning("Graphviz: \(text)", at: location)
            }
        }
        guard let graph = parsed.graph else {
            if !builder.diagnostics.hasErrors { builder.error("Graphviz read no graph from the file", at: start, fix: "start the file with `graph {` or `digraph {`") }
            return LoadResult(network: nil, diagnostics: builder.diagnostics)
        }
        if builder.diagnostics.hasErrors { return LoadResult(network: nil, diagnostics: builder.diagnostics) }
        return build(graph, scan: scan, builder: &builder, limits: limits)
    }

    /// Which of the tokens on the error's line cgraph stopped at, when several match its
    /// "near" text (`c -> -> d`): the first whose prefix of the file, cut just after it, gives
    /// cgraph the same error (cut before the culprit, cgraph meets the end of the input
    /// instead). At most `maximumRetries` re-parses, each of at most the file.
    static func errorOffset(_ candidates: [Int], near: String, in body: ArraySlice<UInt8>, latin1: Bool) -> Int? {
        guard candidates.count > 1, !near.isEmpty else { return candidates.first }
        for offset in candidates.prefix(maximumRetries) {
            let cut = min(body.count, offset + near.utf8.count)
            let prefix = Array(body[body.startIndex..<(body.startIndex + cut)])
            if CGraphParse.parse(prefix, latin1: latin1).messages.contains(where: { $0.isError && $0.text.contains("near '\(near)'") }) {
                return offset
            }
        }
        return candidates.first
    }

    static let maximumRetries = 8

    /// "syntax error in line 3 near '->'" → (3, "->").
    static func lineAndToken(_ message: String) -> (Int, String)? {
        guard let range = message.range(of: "in line ") else { return nil }
        let digits = message[range.upperBound...].prefix { $0.isNumber }
        guard let line = Int(digits) else { return nil }
        var near = ""
        if let q = message.range(of: "near '", range: range.upperBound..<message.endIndex),
           let close = message.range(of: "'", options: .backwards), close.lowerBound > q.upperBound {
            near = String(message[q.upperBound..<close.lowerBound])
        }
        return (line, near)
    }

    /// Graphviz's escapes in a string: `\\` is `\`; `\n`, `\l`, `\r` are line breaks.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = ""
        var pending = false
        for c in text {
            if pending {
                switch c {
                case "\\": out.append("\\")
                case "n", "l", "r": out.append("\n")
                default: out.append("\\"); out.append(c)
                }
                pending = false
            } else if c == "\\" {
                pending = true
            } else {
                out.append(c)
            }
        }
        if pending { out.append("\\") }
        return out
    }

    static func text(_ value: CGraphParse.Value) -> String { value.html ? value.text : unescape(value.text) }

    private static func build(_ graph: CGraphParse.Graph, scan: DOTScan, builder: inout ImportBuilder, limits: Limits) -> LoadResult {
        let file = builder.file
        let start = SourceLocation(file: file, line: 1, column: 1)
        func nodeLocation(_ name: String) -> SourceLocation {
            scan.firstMention[name].map { scan.location($0, file: file) } ?? start
        }
        if graph.nodes.count > limits.maximumNodes {
            builder.error("the graph has \(graph.nodes.count) nodes, more than the \(limits.maximumNodes) ActorNet reads from DOT",
                          at: nodeLocation(graph.nodes[limits.maximumNodes].name),
                          fix: "split the graph, or write it as GraphML, which has no such limit")
            return LoadResult(network: nil, diagnostics: builder.diagnostics)
        }
        if let after = scan.afterFirstGraph {
            builder.warning("only the first graph of the file is read; what follows it here is ignored", at: scan.location(after, file: file),
                            fix: "put each graph in its own file")
        }
        if graph.strict {
            builder.warning("the graph is strict: Graphviz merged its parallel edges into one (attributes of the later ones win)",
                            at: scan.tokens.first.map { scan.location($0.start, file: file) } ?? start,
                            fix: "drop `strict` to keep each edge as its own relation")
        }
        if let name = graph.name { builder.setGraphData(key: "name", value: unescape(name), at: start) }
        for (key, value) in graph.attributes where key.hasPrefix("actornet_") {
            builder.setGraphData(key: String(key.dropFirst("actornet_".count)), value: text(value), at: start)
        }

        let own = graph.nodes.contains { $0.attributes.contains { $0.key.hasPrefix("actornet_") } }
            || graph.edges.contains { $0.attributes.contains { $0.key.hasPrefix("actornet_") } }
        var droppedLayout: SourceLocation?
        var droppedPort: SourceLocation?

        /// The columns of one object: data (`actornet_` stripped) in an ActorNet export,
        /// everything else otherwise; layout and ports dropped.
        func columns(_ attributes: [(key: String, value: CGraphParse.Value)], look: Set<String>, at location: SourceLocation,
                     node: String?) -> [(key: String, value: ExportTable.Value)] {
            var out: [(key: String, value: ExportTable.Value)] = []
            for (key, value) in attributes {
                if Self.layoutAttributes.contains(key) && !(own && look.contains(key)) {
                    if droppedLayout == nil { droppedLayout = location }
                    continue
                }
                if Self.portAttributes.contains(key) {
                    if droppedPort == nil { droppedPort = location }
                    continue
                }
                if let node, key == "label" {
                    if !value.html, value.text == "\\N" { continue }
                    let name = value.html ? value.text : unescape(value.text.replacingOccurrences(of: "\\N", with: node))
                    out.append((key: "label", value: .string(name)))
                    continue
                }
                if key.hasPrefix("actornet_") {
                    out.append((key: String(key.dropFirst("actornet_".count)), value: .string(text(value))))
                } else if !(own && look.contains(key)) {
                    out.append((key: key, value: .string(text(value))))
                }
            }
            return out
        }

        for node in graph.nodes {
            let id = unescape(node.name)
            let location = nodeLocation(node.name)
            var attributes = columns(node.attributes, look: writerNodeLook, at: location, node: id)
            if let cluster = node.cluster, !attributes.contains(where: { $0.key.lowercased() == "group" }) {
                attributes.append((key: "group", value: .string(cluster)))
            }
            builder.addNode(id: id, attributes: attributes, at: location)
        }

        // Keys that name one edge only are relation ids.
        var keyCount: [String: Int] = [:]
        for edge in graph.edges { if let key = edge.key { keyCount[key, default: 0] += 1 } }
        var operatorIndex = 0, madeByOperator = 0
        for edge in graph.edges {
            // The edge's statement: operators in file order, each making the edges it counts.
            while operatorIndex < scan.operators.count, madeByOperator >= scan.operators[operatorIndex].edges {
                operatorIndex += 1
                madeByOperator = 0
            }
            madeByOperator += 1
            let location = operatorIndex < scan.operators.count ? scan.location(scan.operators[operatorIndex].offset, file: file)
                : nodeLocation(edge.tail)
            let attributes = columns(edge.attributes, look: writerEdgeLook, at: location, node: nil)
            let id = edge.key.flatMap { keyCount[$0] == 1 ? unescape($0) : nil }
            builder.addEdge(id: id, source: unescape(edge.tail), target: unescape(edge.head), directed: graph.directed,
                            attributes: attributes, at: location)
        }
        if let location = droppedLayout {
            builder.warning("layout attributes (pos, bb, width, height, lp, _draw_, …) are dropped: they record a drawing, not the network",
                            at: location, fix: "leave them; run the layout again after export")
        }
        if let location = scan.firstPort.map({ scan.location($0, file: file) }) ?? droppedPort {
            builder.warning("edge ports (a:port -> b, tailport, headport) are dropped: a relation joins two actors, not their ports",
                            at: location, fix: "leave them, or keep the port as an edge attribute with another name")
        }
        return builder.build()
    }
}

/// One parse by cgraph, copied into Swift values under the lock.
enum CGraphParse {
    struct Value {
        var text: String
        var html: Bool
    }

    struct Node {
        var name: String
        var attributes: [(key: String, value: Value)]
        /// The label (else the name without `cluster`, `cluster_`) of the innermost cluster holding it.
        var cluster: String?
    }

    struct Edge {
        var tail: String
        var head: String
        var key: String?
        var attributes: [(key: String, value: Value)]
    }

    struct Graph {
        var name: String?
        /// The root graph's attributes.
        var attributes: [(key: String, value: Value)]
        var directed: Bool
        var strict: Bool
        var nodes: [Node]
        var edges: [Edge]
    }

    struct Message {
        var isError: Bool
        var text: String
    }

    /// cgraph's parser, lexer and error handler are global: one parse at a time.
    static let lock = NSLock()
    /// What cgraph's error function was handed during the current parse (under `lock`).
    nonisolated(unsafe) static var captured: [UInt8] = []

    static func parse(_ bytes: [UInt8], latin1: Bool) -> (graph: Graph?, messages: [Message]) {
        lock.lock()
        defer { lock.unlock() }
        captured = []
        _ = agreseterrors()
        let previousLevel = agseterr(AGWARN)
        let previous = agseterrf { text in
            if let text { CGraphParse.captured += Array(UnsafeRawBufferPointer(start: text, count: strlen(text))) }
            return 0
        }
        defer {
            _ = agseterrf(previous)
            _ = agseterr(previousLevel)
        }
        aglexbad()
        _ = aaglex_destroy()
        defer {
            aglexbad()
            _ = aaglex_destroy()
        }
        let terminated = bytes + [0]
        let root = terminated.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { agmemread($0) }
        }
        var graph: Graph?
        if let root {
            graph = copy(root, latin1: latin1)
            agclose(root)
        }
        let messages = String(decoding: captured, as: UTF8.self).split(separator: "\n").compactMap { line -> Message? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("Error: ") { return Message(isError: true, text: String(trimmed.dropFirst(7))) }
            if trimmed.hasPrefix("Warning: ") { return Message(isError: false, text: String(trimmed.dropFirst(9))) }
            return trimmed.isEmpty ? nil : Message(isError: false, text: trimmed)
        }
        captured = []
        return (graph, messages)
    }

    private static func string(_ p: UnsafeMutablePointer<CChar>?, latin1: Bool) -> String {
        guard let p else { return "" }
        if latin1 {
            let raw = UnsafeRawBufferPointer(start: p, count: strlen(p))
            return String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) }))
        }
        return String(cString: p)
    }

    /// The attributes set on `object`: those whose value is not the root graph's default.
    private static func attributes(_ root: UnsafeMutablePointer<Agraph_t>, kind: Int32, _ object: UnsafeMutableRawPointer,
                                   symbols: [UnsafeMutablePointer<Agsym_t>], latin1: Bool) -> [(key: String, value: Value)] {
        var out: [(key: String, value: Value)] = []
        for sym in symbols {
            guard let value = agxget(object, sym) else { continue }
            if let def = sym.pointee.defval, strcmp(def, value) == 0 { continue }
            if value.pointee == 0, sym.pointee.defval == nil { continue }
            out.append((key: string(sym.pointee.name, latin1: latin1),
                        value: Value(text: string(value, latin1: latin1), html: aghtmlstr(value) != 0)))
        }
        return out
    }

    private static func symbols(_ root: UnsafeMutablePointer<Agraph_t>, kind: Int32) -> [UnsafeMutablePointer<Agsym_t>] {
        var out: [UnsafeMutablePointer<Agsym_t>] = []
        var sym = agnxtattr(root, kind, nil)
        while let s = sym {
            out.append(s)
            sym = agnxtattr(root, kind, s)
        }
        return out
    }

    private static func copy(_ root: UnsafeMutablePointer<Agraph_t>, latin1: Bool) -> Graph {
        let rawName = agnameof(UnsafeMutableRawPointer(root)).map { string($0, latin1: latin1) }
        let name = rawName.flatMap { $0.hasPrefix("%") || $0.isEmpty ? nil : $0 }
        // Clusters, outermost first, so the innermost is assigned last.
        var clusterOf: [UnsafeMutablePointer<Agnode_t>: String] = [:]
        // Looked up, never created: cgraph only reads the name when the value is nil.
        let graphLabel = "label".withCString { agattr(root, AGRAPH, UnsafeMutablePointer(mutating: $0), nil) }
        let rootLabel = graphLabel.flatMap { agxget(UnsafeMutableRawPointer(root), $0) }
        func walk(_ g: UnsafeMutablePointer<Agraph_t>) {
            var sub = agfstsubg(g)
            while let s = sub {
                let subName = string(agnameof(UnsafeMutableRawPointer(s)), latin1: latin1)
                if subName.hasPrefix("cluster") {
                    var group = subName.hasPrefix("cluster_") ? String(subName.dropFirst(8)) : String(subName.dropFirst(7))
                    // A cluster without a label of its own inherits the root graph's.
                    if let graphLabel, let label = agxget(UnsafeMutableRawPointer(s), graphLabel), label.pointee != 0,
                       rootLabel.map({ strcmp($0, label) != 0 }) ?? true {
                        let text = string(label, latin1: latin1)
                        group = aghtmlstr(label) != 0 ? text : DOTReader.unescape(text)
                    }
                    if !group.isEmpty {
                        var n = agfstnode(s)
                        while let node = n {
                            clusterOf[node] = group
                            n = agnxtnode(s, node)
                        }
                    }
                }
                walk(s)
                sub = agnxtsubg(s)
            }
        }
        walk(root)

        let nodeSymbols = symbols(root, kind: AGNODE), edgeSymbols = symbols(root, kind: AGEDGE)
        var nodes: [Node] = []
        var edges: [(seq: UInt, edge: Edge)] = []
        var n = agfstnode(root)
        while let node = n {
            nodes.append(Node(name: string(agnameof(UnsafeMutableRawPointer(node)), latin1: latin1),
                              attributes: attributes(root, kind: AGNODE, UnsafeMutableRawPointer(node), symbols: nodeSymbols, latin1: latin1),
                              cluster: clusterOf[node]))
            var e = agfstout(root, node)
            while let edge = e {
                let key = agnameof(UnsafeMutableRawPointer(edge)).map { string($0, latin1: latin1) }
                edges.append((actornet_agseq(UnsafeMutableRawPointer(edge)),
                              Edge(tail: string(agnameof(UnsafeMutableRawPointer(actornet_agtail(edge))), latin1: latin1),
                                   head: string(agnameof(UnsafeMutableRawPointer(actornet_aghead(edge))), latin1: latin1),
                                   key: key.flatMap { $0.isEmpty ? nil : $0 },
                                   attributes: attributes(root, kind: AGEDGE, UnsafeMutableRawPointer(edge), symbols: edgeSymbols,
                                                          latin1: latin1))))
                e = agnxtout(root, edge)
            }
            n = agnxtnode(root, node)
        }
        edges.sort { $0.seq < $1.seq }
        var graphAttributes: [(key: String, value: Value)] = []
        for sym in symbols(root, kind: AGRAPH) {
            guard let value = agxget(UnsafeMutableRawPointer(root), sym), value.pointee != 0 else { continue }
            graphAttributes.append((key: string(sym.pointee.name, latin1: latin1),
                                    value: Value(text: string(value, latin1: latin1), html: aghtmlstr(value) != 0)))
        }
        return Graph(name: name, attributes: graphAttributes, directed: agisdirected(root) != 0, strict: agisstrict(root) != 0, nodes: nodes,
                     edges: edges.map(\.edge))
    }
}
