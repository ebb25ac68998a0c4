import ActorNetCore
import ActorNetIO

/// The readers the fuzzer drives: the fuzz targets of `NetworkFormat.all`, by the name
/// `scripts/fuzz` and `ACTORNET_FUZZ_READER` use.
struct FuzzReader: Sendable {
    let target: NetworkFormat.FuzzTarget

    static var all: [FuzzReader] { NetworkFormat.all.flatMap(\.fuzzTargets).map(FuzzReader.init) }

    var name: String { target.name }
    /// The name the input carries in diagnostics; its extension matches the reader.
    var file: String { target.file }

    /// The reader named by `name`, or a message listing the valid names.
    static func named(_ name: String?) -> Result<FuzzReader, HarnessError> {
        guard let name, !name.isEmpty else {
            return .failure(HarnessError("no reader named; set ACTORNET_FUZZ_READER to one of \(names)"))
        }
        guard let reader = all.first(where: { $0.name == name.lowercased() }) else {
            return .failure(HarnessError("unknown reader '\(name.prefix(60))'; use one of \(names)"))
        }
        return .success(reader)
    }

    static var names: String { all.map(\.name).joined(separator: ", ") }

    /// One line per reader: its name, then the extensions of its seed files (for `scripts/fuzz`).
    static var listing: String { all.map { ([$0.name] + $0.target.seedExtensions).joined(separator: " ") + "\n" }.joined() }
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
    /// with no NUL the input is an edge table alone (see `NetworkFormat.csv`).
    static func run(_ reader: FuzzReader, _ bytes: [UInt8]) -> HarnessOutcome {
        let result = reader.target.read(bytes)
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
