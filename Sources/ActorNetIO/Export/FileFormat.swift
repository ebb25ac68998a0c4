import ActorNetCore
import Foundation

/// The file formats ActorNet reads and writes, chosen by extension (overridable).
public enum FileFormat: String, Sendable, CaseIterable {
    /// The native format: YAML (or JSON with the same schema when the extension is .json and
    /// the document has `actors`).
    case yaml
    case graphml
    case gexf
    case dot
    case csv
    /// networkx / D3 node-link JSON.
    case json

    /// By extension: .yaml/.yml, .graphml, .gexf, .dot/.gv, .csv, .json.
    public static func fromExtension(_ path: String) -> FileFormat? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "yaml", "yml": .yaml
        case "graphml": .graphml
        case "gexf": .gexf
        case "dot", "gv": .dot
        case "csv": .csv
        case "json": .json
        default: nil
        }
    }

    public var canRead: Bool { self != .dot }
}

/// Loads a network from any readable format.
public enum AnyFormatLoader {
    /// `.json` files holding `actors` are native; those holding `nodes` are node-link.
    /// A CSV file is an edge table; a nodes table beside it named `…nodes.csv` is read too when
    /// the edge file is named `…edges.csv`.
    public static func load(path: String, format: FileFormat? = nil) -> LoadResult {
        switch format ?? FileFormat.fromExtension(path) ?? .yaml {
        case .yaml: return NetworkLoader.load(path: path)
        case .graphml: return GraphMLReader.read(path: path)
        case .gexf: return GEXFReader.read(path: path)
        case .csv:
            var nodes: String?
            let name = URL(fileURLWithPath: path).lastPathComponent
            if name.hasSuffix("edges.csv") {
                let candidate = String(path.dropLast("edges.csv".count)) + "nodes.csv"
                if FileManager.default.fileExists(atPath: candidate) { nodes = candidate }
            }
            return CSVTables.read(nodesPath: nodes, edgesPath: path)
        case .json:
            return InputFile.load(path, expecting: ".json") { load(bytes: $0, file: $1, format: .json) }
        case .dot:
            return LoadResult(network: nil, diagnostics: [Diagnostic(
                .error, at: SourceLocation(file: path, line: 1, column: 1),
                "ActorNet writes DOT for Graphviz but does not read it",
                fix: "convert the graph to GraphML (e.g. with networkx) and read that")])
        }
    }

    /// Loads a network from bytes in `format`; `file` names it in diagnostics. For `.csv` the
    /// bytes are an edge table.
    public static func load(bytes: [UInt8], file: String, format: FileFormat) -> LoadResult {
        switch format {
        case .yaml: return NetworkLoader.load(bytes: bytes, file: file, syntax: .yaml)
        case .json:
            return looksNative(bytes) ? NetworkLoader.load(bytes: bytes, file: file, syntax: .json)
                : NodeLinkJSON.read(bytes: bytes, file: file)
        case .graphml: return GraphMLReader.read(bytes: bytes, file: file)
        case .gexf: return GEXFReader.read(bytes: bytes, file: file)
        case .csv: return CSVTables.read(nodes: nil, nodesFile: nil, edges: bytes, edgesFile: file)
        case .dot: return load(path: file, format: .dot)
        }
    }

    /// Whether a JSON document is in the native schema: a top-level `"actors"` key before any
    /// `"nodes"` key.
    public static func looksNative(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
        let actors = text.range(of: "\"actors\"")?.lowerBound
        let nodes = text.range(of: "\"nodes\"")?.lowerBound
        switch (actors, nodes) {
        case let (a?, n?): return a < n
        case (_?, nil): return true
        default: return false
        }
    }
}
