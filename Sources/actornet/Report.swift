import ActorNetCore
import ActorNetIO
import ActorNetReports
import ArgumentParser

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The analyst's report: central actors, hedgers and the rivalries they straddle, balance and camps, say versus do.",
        discussion: """
            By default the report describes the network as of the latest date any relation \
            starts (its present); --at DATE picks another date and --all-dates uses every \
            relation whatever its dates. Undated relations count as always present. Results \
            that rest on relations marked inferred (not stated by the source) say so; \
            --no-inferred leaves those relations out.

            Exit status: 0 success; 1 the network has errors; 64 bad usage; 66 the file cannot be read.
            """
    )

    @Argument(help: FormatHelp.networkFile)
    var file: String
    @OptionGroup var input: InputFormat

    @Option(help: ArgumentHelp("The network as of this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var at: String?

    @Flag(help: "Use every relation whatever its dates.")
    var allDates = false

    @Flag(help: "Leave out relations marked inferred (the source does not state them).")
    var noInferred = false

    @Option(help: "How many actors or pairs each ranking shows.")
    var top = 5

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Path length per relation for betweenness: inverse (1/weight, default), weight, or unit.")
    var distance: Distance = .inverse

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        _ = try dateChoice(at: at, allDates: allDates)
    }

    func run() async throws {
        let network = try loadOrExit(file, format: input.format)
        var options = NetworkReport.Options(at: try dateChoice(at: at, allDates: allDates).resolve(in: network),
                                            top: top, includeInferred: !noInferred)
        options.metric.distance = distance
        let report = try NetworkReport(network: network, options: options)
        switch format {
        case .text: try emit(AnalystReport.text(report, file: file))
        case .json: try emit(try AnalystReport.json(report, file: file))
        }
    }
}
