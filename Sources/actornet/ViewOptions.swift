import ActorNetCore
import ArgumentParser

enum SignChoice: String, ExpressibleByArgument, CaseIterable {
    case positive, negative, any
}

enum ChannelChoice: String, ExpressibleByArgument, CaseIterable {
    case stated, material, any
}

/// `--distance`: how a relation's strength becomes a path length.
enum DistanceChoice: String, ExpressibleByArgument, CaseIterable {
    case inverse, weight, unit
    var distance: Distance { Distance(rawValue: rawValue)! }
}

/// The date an option names (YYYY, YYYY-MM or YYYY-MM-DD), nil when the option is absent; a
/// usage error (exit 64) naming the option and the value otherwise. Every date option of the
/// CLI goes through here, so they read and refuse dates alike.
func parseDate(_ text: String?, option: String, example: String = "2025-06") throws -> PartialDate? {
    guard let text else { return nil }
    guard let date = PartialDate(iso: text) else {
        throw ValidationError("\(option): '\(text)' is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. \(option) \(example)")
    }
    return date
}

/// Which relations an analysis reads; shared by every analysis command.
struct ViewOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only relations of these kinds (comma-separated, e.g. cooperation,supply).",
                               valueName: "kinds"))
    var kinds: String?

    @Option(help: "Only relations of this sign: positive, negative or any. (default: the command's)")
    var sign: SignChoice?

    @Option(help: "Only relations on this channel: stated (words), material (deeds) or any.")
    var channel: ChannelChoice = .any

    @Option(help: ArgumentHelp("The network as of this date (YYYY, YYYY-MM or YYYY-MM-DD): relations with since ≤ DATE < until. Undated relations count as always present.",
                               valueName: "date"))
    var at: String?

    @Flag(help: "Use relations of every date together (past and present) instead of the default snapshot.")
    var allDates = false

    @Flag(help: "Read directed relations (supply, membership, …) one-way instead of treating every relation as undirected.")
    var directed = false

    @Flag(help: "Leave out relations marked inferred (the source does not state them).")
    var noInferred = false

    /// The filter these options describe, checked against the network.
    func filter(for network: Network, defaultSign: Sign?, defaultDirection: DirectionTreatment) throws -> ViewFilter {
        var filter = ViewFilter()
        if let kinds {
            let names = Set(kinds.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty })
            filter.kinds = names
            let unknown = filter.unknownKinds(in: network)
            if !unknown.isEmpty {
                throw ValidationError("--kinds: " + ViewError.unknownKinds(unknown, known: network.kinds.map(\.name)).description)
            }
        }
        switch sign {
        case nil: filter.sign = defaultSign
        case .positive?: filter.sign = .positive
        case .negative?: filter.sign = .negative
        case .any?: filter.sign = nil
        }
        switch channel {
        case .any: filter.channels = nil
        case .stated: filter.channels = [.stated]
        case .material: filter.channels = [.material]
        }
        if let at {
            guard allDates == false else {
                throw ValidationError("--at and --all-dates contradict each other; give one")
            }
            filter.at = try parseDate(at, option: "--at")
        } else if !allDates {
            // Default: the present of the file, the latest date any relation starts, so
            // relations that have ended (and history) are left out unless asked for.
            filter.at = network.latestStart
        }
        filter.direction = directed ? .asDeclared : defaultDirection
        filter.includeInferred = !noInferred
        return filter
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
