import ActorNetCore
import ActorNetIO
import ActorNetReports
import ArgumentParser
import Foundation

enum TimelineFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, svg

    /// The format an output file's extension implies: .svg, .csv, .json; nil otherwise.
    static func fromExtension(_ path: String) -> TimelineFormat? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "svg": .svg
        case "csv": .csv
        case "json": .json
        case "txt": .table
        default: nil
        }
    }
}

struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "One measure at every year, quarter or month of a date range: a table, CSV, JSON or an SVG line chart.",
        discussion: """
            Each step is the network as of the first day of its period (the year 2015: \
            1 January 2015; the quarter 2015-Q2: 1 April 2015), exactly what --at gives to the \
            other commands: since inclusive, until exclusive, undated relations always present \
            (the output says how many there are). A date names the step it falls in: \
            --from 2015-06 --step year starts with the year 2015.

            Measures: every metric of `actornet metrics` (\(Metric.allCases.map(\.rawValue).joined(separator: ", "))), \
            one line per actor; hedging, an alias of hedges (H, the rivalries straddled: a \
            count that compares across steps, unlike hedging-ratio and weighted-hedges, which \
            move with the number of partners and the strongest tie of each snapshot); and the \
            network's own: balance (share of balanced signed triangles), triangles (T+++, \
            T++−, T+−−, T−−−), frustration (the index L; exact per block up to 50 actors, \
            otherwise heuristic, which a note says), normalized-frustration (F = 1 − L/(m/2)), \
            ties (positive and negative pairs); say-do for one ordered pair (--pair RUS,IRN): \
            stated support, material support and what was asked or promised and not given, \
            directions as declared.

            Per-actor measures show --actors, or the --top actors (5) by their largest value \
            at any step, leaving out actors at 0 throughout. Views as in `metrics` (positive \
            relations, undirected) for per-actor measures and as in `balance` (both signs) for \
            the network's; --kinds, --sign, --channel and --directed change them. --at and \
            --all-dates do not apply: the steps are the dates.

            Defaults: --from the year of the earliest since, --to the latest start, --step \
            year. A range of more than \(TimelineRange.defaultMaximumSteps) steps is refused. \
            Steps between which no relation of the view starts or ends reuse the previous \
            step's values; the output says how many were computed.

            Output: standard output, or -o FILE written atomically; --format defaults from \
            the extension (.svg, .csv, .json; else table). A step whose analysis fails (a \
            measure that does not converge) has no values; it is named in the output and on \
            standard error.

            Exit status: 0 success; 1 the network has errors; 64 bad usage (unknown measure, \
            actor or kind, bad date, too many steps); 66 the file cannot be read; 73 the \
            output cannot be written.
            """
    )

    @Argument(help: FormatHelp.networkFile)
    var file: String
    @OptionGroup var input: InputFormatLong

    @Option(name: .customLong("metric"), help: ArgumentHelp("The measure: a metric, hedging, balance, triangles, frustration, normalized-frustration or ties.",
                                                             valueName: "name"))
    var metric: String

    @Option(help: ArgumentHelp("First step: the one containing this date (YYYY, YYYY-MM or YYYY-MM-DD). Default: the year of the earliest since.",
                               valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last step: the one containing this date. Default: the latest date a relation starts.",
                               valueName: "date"))
    var to: String?

    @Option(help: "Step: year, quarter or month.")
    var step: TimelineStepSize = .year

    @Option(help: ArgumentHelp("Per-actor measures: these actors, in this order (comma-separated ids).", valueName: "ids"))
    var actors: String?

    @Option(help: "Per-actor measures without --actors: how many actors (those with the largest values).")
    var top = 5

    @Option(help: ArgumentHelp("say-do: the ordered pair, giver first (e.g. RUS,IRN).", valueName: "ids"))
    var pair: String?

    @OptionGroup var view: ViewOptions

    @Option(help: "Path measures: length per relation, inverse (1/weight, default), weight, or unit (hops).")
    var distance: Distance = .inverse

    @Option(help: "Worker threads for path measures (default: every core). Results do not depend on it.")
    var threads: Int?

    @Option(help: "Output format: table, csv, json or svg (default: from -o's extension, else table).")
    var format: TimelineFormat?

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @Option(help: "SVG: width in pixels (default 960).")
    var width: Int?

    @Option(help: "SVG: height in pixels (default 540).")
    var height: Int?

    @OptionGroup var progress: ProgressOptions

    var chosenFormat: TimelineFormat { format ?? output.flatMap(TimelineFormat.fromExtension) ?? .table }

    /// The request these options describe; the server fills the same one from its query.
    var request: TimelineRequest {
        get throws {
            var request = TimelineRequest()
            request.metric = metric
            request.from = from
            request.to = to
            request.step = step
            request.actors = actors
            request.top = top
            request.pair = pair
            request.view = try view.request
            request.distance = distance
            request.threads = threads
            return request
        }
    }

    func validate() throws {
        if view.allDates {
            throw ValidationError("--all-dates does not apply to a timeline, whose steps are the dates; "
                + "give the range with --from and --to (and --step), or use another command with --all-dates")
        }
        let request = try request
        _ = try checked { () throws(RequestError) in try request.checked() }
        if chosenFormat != .svg, width != nil || height != nil {
            throw ValidationError("--width and --height apply to the svg format only (--format svg or -o FILE.svg)")
        }
        if let width, width < SVGLineChart.minimumWidth {
            throw ValidationError("--width must be at least \(SVGLineChart.minimumWidth); got \(width)")
        }
        if let height, height < SVGLineChart.minimumHeight {
            throw ValidationError("--height must be at least \(SVGLineChart.minimumHeight); got \(height)")
        }
    }

    func run() async throws {
        let network = try loadOrExit(file, format: input.format)
        var handler: ProgressHandler?
        if let bar = progress.handler { handler = { @Sendable done, total in bar("timeline", done, total) } }
        let request = try request
        let report = try checked { () throws(RequestError) in try request.run(on: network, file: file, progress: handler) }
        for outcome in report.result.steps where !outcome.reused {
            if let error = outcome.error { printError("warning: \(outcome.step.label): not computed: \(error)") }
        }
        let text: String
        switch chosenFormat {
        case .table: text = report.text()
        case .csv: text = report.csv()
        case .json: text = try report.json()
        case .svg: text = report.svg(width: width ?? 960, height: height ?? 540)
        }
        if let output {
            try writeOrExit(Array(text.utf8), to: output)
        } else {
            try emit(text)
        }
    }
}
