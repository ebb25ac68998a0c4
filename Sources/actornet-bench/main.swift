import ActorNetIO
import Foundation

// actornet-bench: times one ActorNet library operation; `scripts/bench` runs it beside the
// peers (networkx, igraph, networkit) and writes BENCHMARKS.md.

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("actornet-bench: \(message)\n".utf8))
    exit(status)
}

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    if let message = error.message {
        fail("\(message)\n\(BenchOptions.usage)", status: 64)
    }
    print(BenchOptions.usage)
    exit(0)
}

do {
    let result = try runOperation(options)
    let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    FileHandle.standardOutput.write(json + Data("\n".utf8))
} catch let failure as BenchFailure {
    fail(failure.message, status: failure.status)
} catch let error as OutputError {
    fail("\(error)", status: 73)
} catch {
    fail("\(error)", status: 1)
}
