import ActorNetCore
import ActorNetIO
import ActorNetReports
import ArgumentParser
import Foundation

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a network as GraphML (Gephi), GEXF (Gephi, with a timeline), DOT (Graphviz), CSV tables, node-link JSON or native YAML.",
        discussion: """
            Every relation is its own edge with a stable id, so parallel relations survive; \
            weights are written as positive strengths with separate sign and kind columns \
            (Gephi drops or merges negative weights). --with-metrics adds centrality, PN and \
            hedging columns and Gephi's r, g, b (colour by --colour-by) and size (by --size-by).

            CSV writes two tables, OUT-nodes.csv and OUT-edges.csv (for -o OUT.csv); to \
            standard output it writes the edge table, or the node table with --table nodes.

            Files are written atomically (a temporary file renamed into place); without -o the \
            output goes to standard output.

            Exit status: 0 success; 1 the network has errors or cannot be written in that \
            format; 64 bad usage; 66 the file cannot be read; 73 the output cannot be written.
            """
    )

    @Argument(help: FormatHelp.networkFile)
    var file: String
    @OptionGroup var input: InputFormat

    @Option(help: "Output format (default: from -o's extension, else yaml).")
    var format: NetworkFormat?

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @Flag(help: ArgumentHelp("Add metric columns (and Gephi colour and size) to \(NetworkFormat.all.filter { $0.capabilities.contains(.metricColumns) }.map(\.title).joined(separator: ", "))."))
    var withMetrics = false

    @Option(help: "With --with-metrics: the metric that colours actors (default: hedges).")
    var colourBy: String?

    @Option(help: "With --with-metrics: the metric that sizes actors (default: betweenness).")
    var sizeBy: String?

    @Flag(help: "GEXF: dynamic mode, relations' since/until as time intervals for Gephi's timeline.")
    var dynamic = false

    @Flag(help: "DOT: draw each group as a cluster.")
    var clusters = false

    @Option(help: "CSV to standard output: which table, nodes or edges (default: edges).")
    var table: ExportSettings.CSVTable?

    @Option(help: ArgumentHelp(DirectionHelp.text, valueName: "mode"))
    var direction: ExportSettings.Direction?

    @Option(help: "DOT: the Graphviz layout written into the graph (auto: by size, as render chooses).")
    var layout: GraphvizLayoutChoice = .auto

    @Option(help: "DOT: how Graphviz draws edges (auto: by size, as render chooses).")
    var splines: GraphvizSplinesChoice = .auto

    @Option(help: ArgumentHelp("Write the network as of this date only (a static snapshot: relations with since ≤ DATE < until, and undated ones). Default: every relation, with its dates.",
                               valueName: "date"))
    var at: String?

    /// The request these options describe; the server fills the same one from its query.
    var request: ExportRequest {
        var request = ExportRequest(format: format ?? output.flatMap(NetworkFormat.forPath) ?? .yaml)
        request.withMetrics = withMetrics
        request.colourBy = colourBy
        request.sizeBy = sizeBy
        request.dynamic = dynamic
        request.clusters = clusters
        request.table = table
        request.direction = direction
        request.at = at
        request.layout = layout.layout
        request.splines = splines.splines
        return request
    }

    func validate() throws {
        if format == nil, let output, NetworkFormat.forPath(output) == nil {
            throw ValidationError("cannot tell the format from '\(output)'; add --format (\(NetworkFormat.names()))")
        }
        let request = request
        _ = try checked { () throws(RequestError) in try request.settings() }
    }

    func run() async throws {
        let request = request
        let loaded = try loadOrExit(file, format: input.format)
        let (network, settings) = try checked { () throws(RequestError) in (try request.network(loaded), try request.settings()) }
        try writeExport(network, format: request.format, to: output, options: settings)
    }
}

struct Convert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a network between formats, chosen by the files' extensions.",
        discussion: """
            Reads \(NetworkFormat.all.filter(\.canRead).map(\.title).joined(separator: ", ")) \
            (JSON native or node-link); writes \(NetworkFormat.all.filter(\.canWrite).map(\.title).joined(separator: ", ")). \
            --from and --to override the extensions (values: \(NetworkFormat.names())). --periods turns a series of networks \
            labelled by period (a 'period' column, as in the Correlates of War windows) into \
            one dated network.

            Exit status: 0 success; 1 the input has errors; 64 bad usage; 66 the input cannot \
            be read; 73 the output cannot be written.
            """
    )

    @Argument(help: "Input file.") var input: String
    @Argument(help: "Output file.") var output: String
    @Option(help: "Input format (default: from the extension).") var from: NetworkFormat?
    @Option(help: "Output format (default: from the extension).") var to: NetworkFormat?
    @Flag(help: "Date relations by their 'period' attribute (46-49, 1946-1949, 1946): each period is placed at its first year for one year; a tie present in consecutive periods becomes one relation spanning them.")
    var periods = false
    @Option(help: "With --periods: the century added to two-digit years.") var century = 1900
    @Option(help: ArgumentHelp(DirectionHelp.text, valueName: "mode")) var direction: ExportSettings.Direction?
    @Option(help: ArgumentHelp("Write the network as of this date only (a static snapshot). Default: every relation, with its dates.",
                               valueName: "date"))
    var at: String?

    var request: ExportRequest {
        var request = ExportRequest(format: to ?? NetworkFormat.forPath(output) ?? .yaml)
        request.direction = direction
        return request
    }

    func validate() throws {
        if to == nil, NetworkFormat.forPath(output) == nil {
            throw ValidationError("cannot tell the output format from '\(output)'; add --to")
        }
        if let from, !from.canRead {
            throw ValidationError("ActorNet does not read \(from.title); --from takes \(NetworkFormat.names(where: \.canRead))")
        }
        _ = try checked { () throws(RequestError) in try request.settings() }
        _ = try parseDate(at, option: "--at")
    }

    func run() async throws {
        var network = try loadOrExit(input, format: from)
        if periods {
            do {
                network = try PeriodDating(century: century).apply(to: network)
            } catch {
                printError("\(input): error: \(error)")
                throw Status.invalid
            }
        }
        if let date = try parseDate(at, option: "--at") { network = network.snapshot(at: date) }
        let settings = try checked { () throws(RequestError) in try request.settings() }
        try writeExport(network, format: to ?? NetworkFormat.forPath(output)!, to: output, options: settings)
    }
}

struct Render: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a network with Graphviz as SVG or PNG.",
        discussion: """
            Needs Graphviz (`dot`, `neato`, `sfdp`): on Debian or Ubuntu `apt-get install \
            graphviz`, on macOS `brew install graphviz`. Rivalries and other hostile ties are \
            red and dashed, supply ties arrows, membership dotted; line width shows strength. \
            Like the analyses, it draws the network as of the latest date a relation starts \
            unless told --at DATE or --all-dates.

            Graphviz settings follow the size of the drawn network: edges are curved and \
            routed round the actors while actors × relations is at most \
            \(GraphvizSettings.splineWork), straight above; the layout is neato while the \
            larger of the two counts is at most \(GraphvizSettings.neatoSize), sfdp above. \
            --layout and --splines \
            override them; routed edges (spline, polyline, ortho, curved) on more than a few \
            hundred relations can take minutes to hours.

            --timeout stops Graphviz after that many seconds. Graphviz never outlives the \
            command: stopped by its timeout, Ctrl-C or SIGTERM, the command kills it and \
            writes nothing; killed outright, the system kills Graphviz with it (Linux).

            Exit status: 0 success; 1 the network has errors or Graphviz failed; 64 bad usage; \
            66 the file cannot be read; 69 Graphviz is not installed; 73 the output cannot be \
            written; 75 Graphviz did not finish within --timeout. Stopped by SIGINT or SIGTERM, \
            it ends by that signal (shells report 130 or 143).
            """
    )

    @Argument(help: FormatHelp.networkFile) var file: String
    @OptionGroup var input: InputFormat
    @Option(name: .shortAndLong, help: "Output file: .svg or .png.") var output: String
    @Option(help: "Graphviz layout program (auto: by the network's size).") var layout: GraphvizLayoutChoice = .auto
    @Option(help: "How edges are drawn (auto: by the network's size; spline: curved round the actors, as Graphviz's splines=true).")
    var splines: GraphvizSplinesChoice = .auto
    @Option(help: ArgumentHelp("Stop Graphviz after this many seconds (exit status 75; default: no limit).",
                               valueName: "seconds"))
    var timeout: Double?
    @Flag(help: "Draw each group as a cluster.") var clusters = false
    @Option(help: "Colour actors by this metric.") var colourBy: String?
    @Option(help: "Size actors by this metric.") var sizeBy: String?
    @Option(help: ArgumentHelp("Draw the network as of this date (default: the latest date a relation starts).",
                               valueName: "date"))
    var at: String?
    @Flag(help: "Draw every relation whatever its dates.") var allDates = false

    func validate() throws {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ext == "svg" || ext == "png" else { throw ValidationError("-o must end in .svg or .png") }
        for name in [colourBy, sizeBy].compactMap({ $0 }) where Metric(rawValue: name) == nil {
            throw ValidationError(MetricNameError(name: name).description)
        }
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
        }
        _ = try dateChoice(at: at, allDates: allDates)
    }

    func run() async throws {
        // From here on Ctrl-C and SIGTERM kill Graphviz if it runs, else end actornet at once;
        // nothing is written unless the drawing is complete.
        Graphviz.StopSignals.install()
        let network = try loadOrExit(file, format: input.format)
        let at = try dateChoice(at: at, allDates: allDates).resolve(in: network)
        let (dot, skipped, settings) = DOTWriter.drawing(network, at: at, clusters: clusters,
                                                         colourBy: colourBy.flatMap(Metric.init(rawValue:)),
                                                         sizeBy: sizeBy.flatMap(Metric.init(rawValue:)),
                                                         layout: layout.layout, splines: splines.splines)
        for s in skipped { printError("warning: metric left out: \(s)") }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        let image: [UInt8]
        do {
            image = try Graphviz.render(dot, layout: settings.layout, format: ext, timeout: timeout)
        } catch {
            switch error.reason {
            case .notInstalled:
                printError("error: \(error)")
                throw Status.unavailable
            case .timedOut:
                var fixes = ["give a larger --timeout"]
                if settings.layout != .sfdp { fixes.append("draw with --layout sfdp (the fastest)") }
                if settings.splines != .line { fixes.append("draw straight edges with --splines line") }
                printError("error: \(error) (\(Self.describe(settings))); nothing was written to \(output); fix: "
                    + fixes.joined(separator: ", or "))
                throw Status.timedOut
            case .interrupted:
                printError("error: \(error); nothing was written to \(output)")
                Graphviz.StopSignals.dieIfReceived()
                throw Status.invalid
            case .failed, .cancelled:
                printError("error: \(error)")
                throw Status.invalid
            }
        }
        // A stop signal now waits for the file to be complete, then ends the command.
        try Graphviz.StopSignals.deferring { try writeOrExit(image, to: output) }
    }

    /// "sfdp, splines=line, overlap=prism".
    static func describe(_ settings: GraphvizSettings) -> String {
        "\(settings.layout.rawValue), splines=\(settings.splines.rawValue), overlap=\(settings.overlap)"
    }
}
