import ActorNetCore
import ActorNetIO
import ActorNetReports
import ArgumentParser

struct HedgingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hedging",
        abstract: "Who keeps positive ties to both sides of a rivalry, and which rivalries each actor straddles.",
        discussion: """
            H(i) counts the rival pairs {j, k} (a negative tie between j and k) to both of which \
            i has a positive tie; h(i) = H(i) / C(d⁺(i), 2); H_w weights each by the geometric \
            mean of the three normalised tie strengths. The view is every relation read as \
            undirected; several relations between a pair count as one tie whose sign is that \
            of Σ sign × weight.

            Exit status: 0 success; 1 the network has errors; 64 bad usage; 66 the file cannot be read.
            """
    )

    @Argument(help: FormatHelp.networkFile)
    var file: String
    @OptionGroup var input: InputFormat

    @OptionGroup var view: ViewOptions

    @Flag(help: "List every actor, not only those that hedge.")
    var all = false

    @Option(help: "Show the top N actors.")
    var top: Int?

    @Option(help: "Output format: table, csv or json.")
    var format: TableFormat = .table

    func run() async throws {
        let network = try loadOrExit(file, format: input.format)
        let filter = try view.filter(for: network, defaultSign: nil, defaultDirection: .undirected)
        let networkView = try NetworkView(network, filter: filter)
        let scores = Hedging().run(on: SignedGraph(networkView))
        let description = filter.describe(in: network)
        switch format {
        case .table: try emit(HedgingReport.text(scores, network: network, view: description, file: file, all: all, top: top))
        case .csv: try emit(HedgingReport.csv(scores, network: network))
        case .json: try emit(try HedgingReport.json(scores, view: description, file: file))
        }
    }
}

struct Balance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Structural balance: signed triangles, walk balance, the frustration index with its two camps, PN centrality.",
        discussion: """
            The frustration index is exact (branch and bound) for every block of at most \
            --exact-limit actors and a heuristic (local search with a proven lower bound) above \
            it; the output says which. The view is every relation read as undirected; several \
            relations between a pair count as one tie whose sign is that of Σ sign × weight.

            Exit status: 0 success; 1 the network has errors; 64 bad usage; 66 the file cannot be read.
            """
    )

    @Argument(help: FormatHelp.networkFile)
    var file: String
    @OptionGroup var input: InputFormat

    @OptionGroup var view: ViewOptions

    @Option(help: "Solve blocks of up to this many actors exactly.")
    var exactLimit = 50

    @Option(help: "Frustration method: automatic, exact or heuristic.")
    var method: FrustrationIndex.Method = .automatic

    @Option(help: "Seed of the heuristic's local search (same seed, same result).")
    var seed: UInt64 = 2018

    @Option(help: "How many actors the PN ranking shows.")
    var top = 10

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var progress: ProgressOptions


    func run() async throws {
        let network = try loadOrExit(file, format: input.format)
        let filter = try view.filter(for: network, defaultSign: nil, defaultDirection: .undirected)
        let frustration = FrustrationIndex(method: method,
                                           exactLimit: exactLimit, seed: seed)
        let input = try BalanceReport.Input.compute(network, file: file, filter: filter, frustration: frustration,
                                                    progress: progress.handler)
        switch format {
        case .text: try emit(BalanceReport.text(input, top: top))
        case .json: try emit(try BalanceReport.json(input))
        }
    }
}
