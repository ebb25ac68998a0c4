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

enum StepChoice: String, ExpressibleByArgument, CaseIterable {
    case year, quarter, month
    var size: TimelineStepSize { TimelineStepSize(rawValue: rawValue)! }
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
    var step: StepChoice = .year

    @Option(help: ArgumentHelp("Per-actor measures: these actors, in this order (comma-separated ids).", valueName: "ids"))
    var actors: String?

    @Option(help: "Per-actor measures without --actors: how many actors (those with the largest values).")
    var top = 5

    @Option(help: ArgumentHelp("say-do: the ordered pair, giver first (e.g. RUS,IRN).", valueName: "ids"))
    var pair: String?

    @OptionGroup var view: ViewOptions

    @Option(help: "Path measures: length per relation, inverse (1/weight, default), weight, or unit (hops).")
    var distance: DistanceChoice = .inverse

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

    func validate() throws {
        if TimelineMeasure(name: metric) == nil {
            throw ValidationError("--metric: " + TimelineError.unknownMeasure(metric).description)
        }
        if view.at != nil {
            throw ValidationError("--at does not apply to a timeline, whose steps are the dates; "
                + "give the range with --from and --to (and --step)")
        }
        if view.allDates {
            throw ValidationError("--all-dates does not apply to a timeline, whose steps are the dates; "
                + "give the range with --from and --to (and --step), or use another command with --all-dates")
        }
        _ = try parseDate(from, option: "--from", example: "2015")
        _ = try parseDate(to, option: "--to", example: "2015")
        if top < 1 { throw ValidationError("--top must be at least 1; got \(top)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1; got \(threads)") }
        if let pair, Self.ids(pair).count != 2 {
            throw ValidationError("--pair: '\(pair)' is not two actor ids; write --pair GIVER,RECEIVER, e.g. --pair RUS,IRN")
        }
        if TimelineMeasure(name: metric) == .sayDo, pair == nil {
            throw ValidationError("--pair: " + TimelineError.missingPair.description)
        }
        if let actors, Self.ids(actors).isEmpty {
            throw ValidationError("--actors: give at least one actor id, e.g. --actors RUS,IRN")
        }
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

    static func ids(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let network = try loadOrExit(file)
        let measure = TimelineMeasure(name: metric)!
        var filter = try view.filter(for: network, defaultSign: measure.defaultSign, defaultDirection: .undirected)
        filter.at = nil
        var options = MetricOptions()
        options.distance = distance.distance
        options.threads = threads
        var handler: ProgressHandler?
        if let bar = progress.handler { handler = { @Sendable done, total in bar("timeline", done, total) } }
        let report: TimelineReport
        do {
            report = try TimelineReport.compute(
                network, file: file, measure: measure, asked: metric, from: from.flatMap(PartialDate.init(iso:)),
                to: to.flatMap(PartialDate.init(iso:)), step: step.size, filter: filter,
                actors: actors.map(Self.ids), top: top, options: options,
                pair: pair.map(Self.ids).map { ($0[0], $0[1]) }, progress: handler)
        } catch {
            throw ValidationError("--\(error.field): \(error)")
        }
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
