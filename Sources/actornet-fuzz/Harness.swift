import ActorNetCore
import ActorNetIO

/// The readers the fuzzer drives, by the name `scripts/fuzz` and `ACTORNET_FUZZ_READER` use.
enum FuzzReader: String, CaseIterable, Sendable {
    case graphml, gexf, yaml, json, csv, nodelink

    /// The name the input carries in diagnostics; its extension matches the reader.
    var file: String {
        switch self {
        case .graphml: "fuzz.graphml"
        case .gexf: "fuzz.gexf"
        case .yaml: "fuzz.yaml"
        case .json: "fuzz.json"
        case .csv: "fuzz-edges.csv"
        case .nodelink: "fuzz-nodelink.json"
        }
    }

    /// The reader named by `name`, or a message listing the valid names.
    static func named(_ name: String?) -> Result<FuzzReader, HarnessError> {
        guard let name, !name.isEmpty else {
            return .failure(HarnessError("no reader named; set ACTORNET_FUZZ_READER to one of \(names)"))
        }
        guard let reader = FuzzReader(rawValue: name.lowercased()) else {
            return .failure(HarnessError("unknown reader '\(name.prefix(60))'; use one of \(names)"))
        }
        return .success(reader)
    }

    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What one input gave. Every part of the reader's answer is folded into it, so nothing the
/// reader computed is dead code the optimiser may drop.
struct HarnessOutcome: Sendable {
    var accepted: Bool
    var actors: Int
    var relations: Int
    var errors: Int
    var warnings: Int
    /// Sum of the rendered diagnostics' UTF-8 lengths: rendering each message is part of the run.
    var renderedBytes: Int
    /// Each diagnostic as rendered (file:line:column: severity: message, then its fix).
    var rendered: [String]
}

/// Feeds one input to one reader. A rejected input is a normal outcome (a diagnostic); only a
/// crash, a hang or a sanitizer report is a finding, and those stop the process by themselves.
enum Harness {
    /// For CSV, a NUL byte splits the input into a node table (before) and an edge table (after);
    /// with no NUL the input is an edge table alone.
    static func run(_ reader: FuzzReader, _ bytes: [UInt8]) -> HarnessOutcome {
        let result: LoadResult
        switch reader {
        case .graphml:
            result = GraphMLReader.read(bytes: bytes, file: reader.file)
        case .gexf:
            result = GEXFReader.read(bytes: bytes, file: reader.file)
        case .yaml:
            result = NetworkLoader.load(bytes: bytes, file: reader.file, syntax: .yaml)
        case .json:
            result = NetworkLoader.load(bytes: bytes, file: reader.file, syntax: .json)
        case .nodelink:
            result = NodeLinkJSON.read(bytes: bytes, file: reader.file)
        case .csv:
            if let cut = bytes.firstIndex(of: 0) {
                result = CSVTables.read(nodes: Array(bytes[..<cut]), nodesFile: "fuzz-nodes.csv",
                                        edges: Array(bytes[(cut + 1)...]), edgesFile: reader.file)
            } else {
                result = CSVTables.read(nodes: nil, nodesFile: nil, edges: bytes, edgesFile: reader.file)
            }
        }
        var outcome = HarnessOutcome(accepted: result.network != nil,
                                     actors: result.network?.actors.count ?? 0,
                                     relations: result.network?.relations.count ?? 0,
                                     errors: 0, warnings: 0, renderedBytes: 0, rendered: [])
        for diagnostic in result.diagnostics {
            if diagnostic.severity == .error { outcome.errors += 1 } else { outcome.warnings += 1 }
            let text = diagnostic.description
            outcome.renderedBytes += text.utf8.count
            outcome.rendered.append(text)
        }
        return outcome
    }
}
