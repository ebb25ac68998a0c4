import ActorNetCore
import ActorNetReports
import ArgumentParser

extension RequestError {
    /// The error as a usage error (exit 64), naming the option: `--at: …`.
    var validation: ValidationError { ValidationError("\(option): \(message)") }
}

/// Runs `body`, turning a `RequestError` into the usage error naming its option.
func checked<T>(_ body: () throws(RequestError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw error.validation
    }
}

/// The date an option names (YYYY, YYYY-MM or YYYY-MM-DD), nil when the option is absent; a
/// usage error (exit 64) naming the option and the value otherwise. Every date option of the
/// CLI goes through here, so they read and refuse dates alike.
func parseDate(_ text: String?, option: String, example: String = "2025-06") throws -> PartialDate? {
    let field = String(option.dropFirst(2).map { $0 == "-" ? "_" : $0 })
    return try checked { () throws(RequestError) in try RequestValue.date(text, field: field, example: example) }
}

/// The date `--at DATE` / `--all-dates` choose (default: the network's latest start), as the
/// server's `at=DATE` / `at=all`: both read through `DateChoice`.
func dateChoice(at: String?, allDates: Bool) throws -> DateChoice {
    if at != nil, allDates { throw ValidationError("--at and --all-dates contradict each other; give one") }
    return try checked { () throws(RequestError) in try DateChoice.parse(at: at, allDates: allDates) }
}

/// Which relations an analysis reads; shared by every analysis command.
struct ViewOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only relations of these kinds (comma-separated, e.g. cooperation,supply).",
                               valueName: "kinds"))
    var kinds: String?

    @Option(help: "Only relations of this sign: positive, negative or any. (default: the command's)")
    var sign: ViewRequest.SignChoice?

    @Option(help: "Only relations on this channel: stated (words), material (deeds) or any.")
    var channel: ViewRequest.ChannelChoice = .any

    @Option(help: ArgumentHelp("The network as of this date (YYYY, YYYY-MM or YYYY-MM-DD): relations with since ≤ DATE < until. Undated relations count as always present.",
                               valueName: "date"))
    var at: String?

    @Flag(help: "Use relations of every date together (past and present) instead of the default snapshot.")
    var allDates = false

    @Flag(help: "Read directed relations (supply, membership, …) one-way instead of treating every relation as undirected.")
    var directed = false

    @Flag(help: "Leave out relations marked inferred (the source does not state them).")
    var noInferred = false

    /// The request these options describe (the date checked: `--at` and `--all-dates` together
    /// are refused).
    var request: ViewRequest {
        get throws {
            let date = try dateChoice(at: at, allDates: allDates)
            return ViewRequest(kinds: kinds, sign: sign, channel: channel, date: date, directed: directed,
                               includeInferred: !noInferred)
        }
    }

    /// The filter these options describe, checked against the network.
    func filter(for network: Network, defaultSign: Sign?, defaultDirection: DirectionTreatment) throws -> ViewFilter {
        let request = try request
        return try checked { () throws(RequestError) in
            try request.filter(for: network, defaultSign: defaultSign, defaultDirection: defaultDirection)
        }
    }
}
