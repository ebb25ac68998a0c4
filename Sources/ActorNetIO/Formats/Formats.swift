import ActorNetCore
import Foundation

/// The formats, in the order they are listed everywhere (the page's downloads, `--format`'s
/// values, the OpenAPI enum). Each entry points at its reader and writer, which live in the
/// format's own folder. To add a format, write its reader and/or writer there and add an entry
/// here: the loader, the exporter, `PUT` uploads, export content types, the page, the CLI and
/// the OpenAPI document pick it up (see README, Design: "Adding a format").
extension NetworkFormat {
    public static let all: [NetworkFormat] = [.graphml, .gexf, .gml, .pajek, .dot, .csv, .json, .yaml]

    public static let graphml = NetworkFormat(
        name: "graphml", title: "GraphML", extensions: ["graphml"],
        contentType: "application/graphml+xml",
        mediaTypes: ["application/graphml+xml", "application/xml", "text/xml"],
        uses: "Gephi, yEd, networkx, igraph", capabilities: [.metricColumns, .directionModes],
        reader: Reader(path: { GraphMLReader.read(path: $0) }, bytes: { GraphMLReader.read(bytes: $0, file: $1) }),
        writer: { input in
            try GraphMLWriter.checkCharacters(input.table)
            let table = input.table
            return [Exporter.Output(part: nil) { sink in
                try GraphMLWriter.write(table, to: sink, chunkSize: XMLChunkedWriter.defaultChunkSize, checked: true)
            }]
        },
        sniff: { XMLSniff.rootElement($0) == "graphml" },
        fuzzTargets: [FuzzTarget(name: "graphml", file: "fuzz.graphml", seedExtensions: ["graphml", "xml"]) {
            GraphMLReader.read(bytes: $0, file: "fuzz.graphml")
        }])

    public static let gexf = NetworkFormat(
        name: "gexf", title: "GEXF", extensions: ["gexf"],
        contentType: "application/gexf+xml", mediaTypes: ["application/gexf+xml"],
        uses: "Gephi", capabilities: [.metricColumns, .dynamic, .directionModes],
        reader: Reader(path: { GEXFReader.read(path: $0) }, bytes: { GEXFReader.read(bytes: $0, file: $1) }),
        writer: { input in
            let mode: GEXFWriter.Mode = input.settings.dynamic ? .dynamic : .static
            try GEXFWriter.check(input.table, mode: mode)
            let table = input.table
            return [Exporter.Output(part: nil) { sink in
                try GEXFWriter.write(table, mode: mode, to: sink, chunkSize: XMLChunkedWriter.defaultChunkSize, checked: true)
            }]
        },
        sniff: { XMLSniff.rootElement($0) == "gexf" },
        fuzzTargets: [FuzzTarget(name: "gexf", file: "fuzz.gexf", seedExtensions: ["gexf", "xml"]) {
            GEXFReader.read(bytes: $0, file: "fuzz.gexf")
        }])

    public static let dot = NetworkFormat(
        name: "dot", title: "DOT", extensions: ["dot", "gv"],
        contentType: "text/vnd.graphviz", mediaTypes: ["text/vnd.graphviz"],
        uses: "Graphviz", capabilities: [.metricColumns, .clusters],
        reader: Reader(path: { DOTReader.read(path: $0) }, bytes: { DOTReader.read(bytes: $0, file: $1) }),
        writer: { input in
            var writer = DOTWriter()
            writer.clustersByGroup = input.settings.clusters
            writer.colourBy = input.visual?.colourBy
            writer.sizeBy = input.visual?.sizeBy
            let network = input.network
            writer.graphviz = GraphvizSettings.automatic(actors: network.actors.count, relations: network.relations.count,
                                                         layout: input.settings.dotLayout, splines: input.settings.dotSplines)
            return [Exporter.Output(part: nil, text: { [writer] in writer.write(network) })]
        },
        sniff: DOTWriter.looksLikeDOT,
        fuzzTargets: [FuzzTarget(name: "dot", file: "fuzz.gv", seedExtensions: ["gv", "dot"]) {
            DOTReader.read(bytes: $0, file: "fuzz.gv")
        }])

    /// GML as networkx and igraph write it. No registered media type exists; `text/vnd.gml`
    /// follows the `text/vnd.graphviz` habit (and is what Gephi's and yEd's users meet in the
    /// wild); `text/gml` is accepted on upload too. Listed before DOT in `all`: content is
    /// sniffed in that order, and DOT's sniffer would take GML's leading `graph [` for DOT.
    public static let gml = NetworkFormat(
        name: "gml", title: "GML", extensions: ["gml"],
        contentType: "text/vnd.gml; charset=utf-8", mediaTypes: ["text/vnd.gml", "text/gml"],
        uses: "networkx, igraph, Gephi, yEd, Cytoscape", capabilities: [.metricColumns],
        reader: Reader(kind: ".gml") { GMLReader.read(bytes: $0, file: $1) },
        writer: { input in
            let table = input.table
            return [Exporter.Output(part: nil, text: { GMLWriter.write(table) })]
        },
        sniff: GMLReader.looksLikeGML,
        fuzzTargets: [FuzzTarget(name: "gml", file: "fuzz.gml", seedExtensions: ["gml"]) {
            GMLReader.read(bytes: $0, file: "fuzz.gml")
        }])

    /// Pajek networks (`.net`) and projects (`.paj`, the first network with its partitions and
    /// vectors). No registered media type exists; `text/x-pajek` is the customary one.
    public static let pajek = NetworkFormat(
        name: "pajek", title: "Pajek", extensions: ["net", "paj"],
        contentType: "text/x-pajek; charset=utf-8", mediaTypes: ["text/x-pajek"],
        uses: "Pajek, networkx, igraph, Gephi",
        reader: Reader(kind: ".net") { PajekReader.read(bytes: $0, file: $1) },
        writer: { input in
            let network = input.network
            return [Exporter.Output(part: nil, text: { PajekWriter.write(network) })]
        },
        sniff: PajekReader.looksLikePajek,
        fuzzTargets: [FuzzTarget(name: "pajek", file: "fuzz.net", seedExtensions: ["net", "paj"]) {
            PajekReader.read(bytes: $0, file: "fuzz.net")
        }])

    public static let csv = NetworkFormat(
        name: "csv", title: "CSV", extensions: ["csv", "tsv", "edges", "edgelist"],
        contentType: "text/csv; charset=utf-8", mediaTypes: ["text/csv"],
        uses: "spreadsheets, Gephi's spreadsheet import", capabilities: [.metricColumns, .tables],
        reader: Reader(path: { CSVTables.read(edgesPath: $0) },
                       bytes: { CSVTables.read(nodes: nil, nodesFile: nil, edges: $0, edgesFile: $1) }),
        writer: { input in
            let table = input.table
            if input.toFiles {
                return [Exporter.Output(part: "nodes", text: { CSVTables.nodes(table) }),
                        Exporter.Output(part: "edges", text: { CSVTables.edges(table) })]
            }
            let which = input.settings.csvTable
            return [Exporter.Output(part: nil, text: { which == .nodes ? CSVTables.nodes(table) : CSVTables.edges(table) })]
        },
        sniff: CSVTables.looksLikeTable,
        // A NUL byte splits a fuzz input into a node table (before) and an edge table (after).
        fuzzTargets: [FuzzTarget(name: "csv", file: "fuzz-edges.csv", seedExtensions: ["csv", "tsv"]) { bytes in
            if let cut = bytes.firstIndex(of: 0) {
                return CSVTables.read(nodes: Array(bytes[..<cut]), nodesFile: "fuzz-nodes.csv",
                                      edges: Array(bytes[(cut + 1)...]), edgesFile: "fuzz-edges.csv")
            }
            return CSVTables.read(nodes: nil, nodesFile: nil, edges: bytes, edgesFile: "fuzz-edges.csv")
        }])

    /// `.json` holding `actors` (before any `nodes`) is the native schema; holding `nodes`,
    /// networkx / D3 node-link JSON.
    public static let json = NetworkFormat(
        name: "json", title: "node-link JSON", extensions: ["json"],
        contentType: "application/json", mediaTypes: ["application/json"],
        uses: "networkx, D3", capabilities: [.metricColumns, .directionModes],
        reader: Reader(kind: ".json") { bytes, file in
            AnyFormatLoader.looksNative(bytes) ? NetworkLoader.load(bytes: bytes, file: file, syntax: .json)
                : NodeLinkJSON.read(bytes: bytes, file: file)
        },
        writer: { input in
            let table = input.table
            return [Exporter.Output(part: nil) { sink in try NodeLinkJSON.write(table, to: sink) }]
        },
        sniff: { head in
            let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head
            // An object (node-link, native) or an array (Cytoscape.js elements).
            let first = body.first { !XMLSniff.isSpace($0) }
            return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        },
        fuzzTargets: [
            FuzzTarget(name: "json", file: "fuzz.json", seedExtensions: ["json"]) {
                NetworkLoader.load(bytes: $0, file: "fuzz.json", syntax: .json)
            },
            FuzzTarget(name: "nodelink", file: "fuzz-nodelink.json", seedExtensions: ["json"]) {
                NodeLinkJSON.read(bytes: $0, file: "fuzz-nodelink.json")
            },
        ])

    /// The native format, everything kept; also what a file of unknown extension and content is
    /// read as (a JSON document in the native schema reads too).
    public static let yaml = NetworkFormat(
        name: "yaml", title: "YAML", extensions: ["yaml", "yml"],
        contentType: "application/yaml", mediaTypes: ["application/yaml", "application/x-yaml", "text/yaml"],
        uses: "ActorNet's native format, everything kept",
        reader: Reader(path: { NetworkLoader.load(path: $0) },
                       bytes: { NetworkLoader.load(bytes: $0, file: $1, syntax: .yaml) }),
        writer: { input in
            let network = input.network
            return [Exporter.Output(part: nil, text: { NativeWriter.yaml(network) })]
        },
        sniff: NativeSniff.looksLikeYAML,
        fuzzTargets: [FuzzTarget(name: "yaml", file: "fuzz.yaml", seedExtensions: ["yaml", "yml"]) {
            NetworkLoader.load(bytes: $0, file: "fuzz.yaml", syntax: .yaml)
        }])
}

/// Recognising the native YAML by its first line.
enum NativeSniff {
    /// After blank and `#` comment lines, a document marker (`---`, `%YAML`) or a `key:` line,
    /// as every native file starts (`name:`, `actors:`, `schema:` …).
    static func looksLikeYAML(_ head: ArraySlice<UInt8>) -> Bool {
        var body = head
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        for line in body.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            if text.isEmpty || text.hasPrefix("#") { continue }
            if text.hasPrefix("---") || text.hasPrefix("%YAML") { return true }
            guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" || first == "\"" else { return false }
            guard let colon = text.firstIndex(of: ":") else { return false }
            let after = text[text.index(after: colon)...]
            return after.isEmpty || after.first == " " || after.first == "\t"
        }
        return false
    }
}

/// Recognising XML formats by their root element.
enum XMLSniff {
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The local name of the first element in `head` (after the XML declaration, comments,
    /// processing instructions and a doctype), nil when `head` does not start like XML.
    static func rootElement(_ head: ArraySlice<UInt8>) -> String? {
        var i = head.startIndex
        if head[i...].starts(with: [0xEF, 0xBB, 0xBF]) { i += 3 }
        while i < head.endIndex {
            while i < head.endIndex, isSpace(head[i]) { i += 1 }
            guard i < head.endIndex, head[i] == UInt8(ascii: "<") else { return nil }
            let next = i + 1 < head.endIndex ? head[i + 1] : 0
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // Skip to the end of the declaration, comment or doctype (a doctype's internal
                // subset is not expected before a network's root).
                let close: [UInt8] = head[i...].starts(with: Array("<!--".utf8)) ? Array("-->".utf8) : [UInt8(ascii: ">")]
                guard let end = head[(i + 1)...].firstRange(of: close) else { return nil }
                i = end.upperBound
                continue
            }
            var j = i + 1
            while j < head.endIndex, !isSpace(head[j]), head[j] != UInt8(ascii: ">"), head[j] != UInt8(ascii: "/") { j += 1 }
            let name = String(decoding: head[(i + 1)..<j], as: UTF8.self)
            return name.split(separator: ":").last.map(String.init)
        }
        return nil
    }
}
