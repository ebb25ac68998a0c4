import ActorNetCore
import ActorNetIO
import ActorNetReports
import ArgumentParser
import Foundation

enum DyadFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, svg
}

struct DyadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dyad",
        abstract: "Everything between two actors: does A support B, in words and deeds, within which limits, and since when.",
        discussion: """
            Answers "does A support B?" with numbers and evidence: the relations both ways by \
            kind and channel; say versus do (stated and material support, and what was asked \
            for or promised and not given); the third parties that cap A's support (A's \
            positive ties with B's rivals); what changed at each dated episode; and a computed \
            summary. Every relation is listed with its evidence and notes.

            By default the dyad is read as of the latest date any relation starts (the file's \
            present); --at DATE picks another date and --all-dates counts every relation. \
            --no-inferred leaves out relations the source does not state. On files without \
            channels, commitments or dates (CSV, GraphML from other tools) the summary says \
            what cannot be told.

            --format svg draws say versus do of A towards B over time (yearly from --from, \
            default the earliest dated relation between them, to the dyad's date).

            Exit status: 0 success; 1 the network has errors; 64 bad usage (unknown actor or \
            kind, bad date); 66 the file cannot be read; 73 the output cannot be written.
            """
    )

    @Argument(help: FormatHelp.networkFile)
    var file: String
    @OptionGroup var input: InputFormatLong

    @Argument(help: "The actor whose support is asked about (A in \"does A support B?\").")
    var a: String

    @Argument(help: "The actor supported (B).")
    var b: String

    @Option(help: ArgumentHelp("The dyad as of this date (YYYY, YYYY-MM or YYYY-MM-DD). Default: the latest date a relation starts.",
                               valueName: "date"))
    var at: String?

    @Flag(help: "Count every relation whatever its dates.")
    var allDates = false

    @Flag(help: "Leave out relations marked inferred (the source does not state them).")
    var noInferred = false

    @Option(help: "Output format: text, json or svg (default: from -o's extension, else text).")
    var format: DyadFormat?

    @Option(help: ArgumentHelp("SVG: the first year of the chart (default: the earliest dated relation between the two).",
                               valueName: "date"))
    var from: String?

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    var chosenFormat: DyadFormat {
        if let format { return format }
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "svg": return .svg
        case "json": return .json
        default: return .text
        }
    }

    func validate() throws {
        _ = try dateChoice(at: at, allDates: allDates)
        _ = try parseDate(from, option: "--from", example: "2010")
        if from != nil, chosenFormat != .svg { throw ValidationError("--from applies to the svg format only (--format svg)") }
    }

    func run() async throws {
        let network = try loadOrExit(file, format: input.format)
        var filter = ViewFilter()
        filter.includeInferred = !noInferred
        let date = try dateChoice(at: at, allDates: allDates).resolve(in: network)
        let result: DyadResult
        do {
            result = try Dyad(first: a, second: b, at: date, filter: filter).run(on: network)
        } catch {
            throw ValidationError(error.description)
        }
        let text: String
        switch chosenFormat {
        case .text: text = DyadReport.text(result, file: file, network: network)
        case .json: text = try DyadReport.json(result, file: file)
        case .svg:
            do {
                text = try DyadReport.svgTimeline(network, d: result, file: file, from: from.flatMap(PartialDate.init(iso:)))
            } catch {
                throw ValidationError("--format svg: \(error)")
            }
        }
        if let output {
            try writeOrExit(Array(text.utf8), to: output)
        } else {
            try emit(text)
        }
    }
}
