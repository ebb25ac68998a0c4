import ActorNetCore
import ActorNetIO
import ActorNetReports
import ArgumentParser

struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed: relations that began, ended or changed sign, and the actors whose hedging, betweenness or camp moved most.",
        discussion: """
            Two snapshots of one network: actornet diff FILE --from DATE --to DATE (the network \
            as of each date; undated relations count as present at both). Two files: actornet \
            diff OLD NEW, each as of its own latest relation start (its present), or both --at \
            DATE, or --all-dates. Relations are matched by id, actors by id.

            Pair signs are net signs (Σ sign × strength per pair). Hedging is the number of \
            rivalries an actor straddles; betweenness is over positive ties read as undirected, \
            distance 1/weight; a camp change is the share of an actor's component-mates whose \
            side relative to it changed in the frustration partition (1: it switched sides).

            Exit status: 0 success; 1 a network has errors; 64 bad usage; 66 a file cannot be read.
            """
    )

    @Argument(help: "One network file (with --from and --to), or two (old, new).")
    var files: [String]

    @OptionGroup var input: InputFormatLong

    @Option(help: ArgumentHelp("One file: the earlier date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("One file: the later date.", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Two files: compare both as of this date (default: each file's latest start).", valueName: "date"))
    var at: String?

    @Flag(help: "Two files: compare every relation whatever its dates.")
    var allDates = false

    @Option(help: ArgumentHelp("Only relations of these kinds (comma-separated).", valueName: "kinds"))
    var kinds: String?

    @Flag(help: "Leave out relations marked inferred (the source does not state them).")
    var noInferred = false

    @Option(help: "How many entries each list shows (text format).")
    var top = 10

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        switch files.count {
        case 1:
            guard from != nil, to != nil else {
                throw ValidationError("with one file give --from DATE and --to DATE (or give two files to compare)")
            }
            if at != nil || allDates { throw ValidationError("--at and --all-dates are for two files; with one file use --from and --to") }
        case 2:
            if from != nil || to != nil { throw ValidationError("--from and --to compare dates of one file; with two files use --at or --all-dates") }
            if at != nil, allDates { throw ValidationError("--at and --all-dates contradict each other; give one") }
        default:
            throw ValidationError("give one file (with --from and --to) or two files; got \(files.count)")
        }
        _ = try parseDate(from, option: "--from", example: "2015")
        _ = try parseDate(to, option: "--to", example: "2015")
        _ = try parseDate(at, option: "--at", example: "2015")
        if let f = try parseDate(from, option: "--from", example: "2015"), let t = try parseDate(to, option: "--to", example: "2015"), !(f < t) {
            throw ValidationError("--from \(f) must be before --to \(t)")
        }
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func filter(_ network: Network, at date: PartialDate?) throws -> ViewFilter {
        var filter = ViewFilter(at: date, direction: .undirected, includeInferred: !noInferred)
        if let kinds {
            filter.kinds = Set(kinds.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
            let unknown = filter.unknownKinds(in: network)
            if !unknown.isEmpty {
                throw ValidationError("--kinds: " + ViewError.unknownKinds(unknown, known: network.kinds.map(\.name)).description)
            }
        }
        return filter
    }

    func run() async throws {
        let before = try loadOrExit(files[0], format: input.format)
        let after = files.count == 2 ? try loadOrExit(files[1], format: input.format) : before
        let beforeDate: PartialDate?, afterDate: PartialDate?
        if files.count == 1 {
            beforeDate = try parseDate(from, option: "--from", example: "2015")
            afterDate = try parseDate(to, option: "--to", example: "2015")
        } else if allDates {
            (beforeDate, afterDate) = (nil, nil)
        } else if let at = try parseDate(at, option: "--at", example: "2015") {
            (beforeDate, afterDate) = (at, at)
        } else {
            (beforeDate, afterDate) = (before.latestStart, after.latestStart)
        }
        let beforeFilter = try filter(before, at: beforeDate), afterFilter = try filter(after, at: afterDate)
        let diff: NetworkDiff
        do {
            diff = try NetworkDiff(before: before, beforeFilter: beforeFilter, after: after, afterFilter: afterFilter)
        } catch {
            printError("error: \(error)")
            throw Status.invalid
        }
        func label(_ file: String, _ date: PartialDate?) -> String { "\(file) " + (date.map { "as of \($0)" } ?? "all dates") }
        var view = "relations of both signs, read as undirected (undated relations count as always present)"
        if let kinds { view = "relations of kinds \(kinds), read as undirected (undated relations count as always present)" }
        let sides = DiffReport.Sides(before: label(files[0], beforeDate), after: label(files.last!, afterDate), view: view)
        switch format {
        case .text: try emit(DiffReport.text(diff, sides: sides, network: after, top: top))
        case .json: try emit(try DiffReport.json(diff, sides: sides))
        }
    }
}
