import ActorNetCore
import ActorNetIO
import ArgumentParser

struct Info: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a network: actors, relations by kind, sign and channel, dates, components, parallel relations.",
        discussion: "Exit status: 0 success; 1 the network has errors (listed as by validate); 66 the file cannot be read."
    )

    @Argument(help: "A network file (YAML or JSON).")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let network = try loadOrExit(file)
        let summary = NetworkSummary(network)
        switch format {
        case .text: print(InfoReport.text(summary, file: file), terminator: "")
        case .json: print(try InfoReport.json(summary, file: file), terminator: "")
        }
    }
}

/// Loads a network, printing warnings; on errors prints them all and exits with the documented status.
func loadOrExit(_ file: String) throws -> Network {
    let result = NetworkLoader.load(path: file)
    for diagnostic in result.diagnostics { printError(diagnostic.description) }
    guard let network = result.network else {
        throw result.failure == .unreadable ? Status.noInput : Status.invalid
    }
    return network
}
