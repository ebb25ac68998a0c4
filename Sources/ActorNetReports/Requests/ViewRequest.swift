public import ActorNetCore

/// A request the CLI or the server could not take, naming the parameter by its canonical name
/// (`at`, `all_dates`, `damping`): the CLI shows it as `--at`, `--all-dates`, the server as the
/// query parameter and the error's `field`. `message` says what is wrong and what would fix it,
/// with examples that read the same in both (`2025-06`, not `--at 2025-06`).
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }

    /// The field as a command-line option: `all_dates` → `--all-dates`.
    public var option: String { "--" + String(field.map { $0 == "_" ? "-" : $0 }) }
}

/// Parsing the values every request shares, so both front ends read and refuse them alike.
public enum RequestValue {
    /// A date (YYYY, YYYY-MM or YYYY-MM-DD) named by `field`; nil when absent.
    public static func date(_ text: String?, field: String, example: String = "2025-06") throws(RequestError) -> PartialDate? {
        guard let text else { return nil }
        guard let date = PartialDate(iso: text) else {
            throw RequestError(field, "'\(text)' is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. \(example)")
        }
        return date
    }

    /// Comma-separated ids or names, trimmed, empty items dropped.
    public static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

/// Which date a view is taken at: the network's present (the latest date a relation starts,
/// the default), a given date, or every date together.
public enum DateChoice: Sendable, Hashable {
    case latest
    case at(PartialDate)
    case all

    /// From `at` (a date, or `all`) and the CLI's `--all-dates` flag; both given is refused.
    public static func parse(at: String?, allDates: Bool = false) throws(RequestError) -> DateChoice {
        guard let at else { return allDates ? .all : .latest }
        if at.lowercased() == "all" { return .all }
        if allDates { throw RequestError("at", "a date and all dates contradict each other; give one") }
        guard let date = PartialDate(iso: at) else {
            throw RequestError("at", "'\(at)' is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-06), "
                + "or all for every date")
        }
        return .at(date)
    }

    /// The date the view is taken at in `network`; nil for every date.
    public func resolve(in network: Network) -> PartialDate? {
        switch self {
        case .latest: network.latestStart
        case let .at(date): date
        case .all: nil
        }
    }
}

/// Which relations an analysis reads: the view options every analysis command and route share
/// (`--kinds`/`kinds`, `--sign`, `--channel`, `--at`/`--all-dates` or `at=all`, `--directed`,
/// `--no-inferred`).
public struct ViewRequest: Sendable, Hashable {
    public enum SignChoice: String, Sendable, CaseIterable { case positive, negative, any }
    public enum ChannelChoice: String, Sendable, CaseIterable { case stated, material, any }

    /// The parameters, by canonical name.
    public static let fields = ["kinds", "sign", "channel", "at", "directed", "no_inferred"]

    /// Comma-separated kind names; nil: every kind.
    public var kinds: String?
    /// nil: the command's default.
    public var sign: SignChoice?
    public var channel: ChannelChoice = .any
    public var date: DateChoice = .latest
    public var directed = false
    public var includeInferred = true

    public init(kinds: String? = nil, sign: SignChoice? = nil, channel: ChannelChoice = .any, date: DateChoice = .latest,
                directed: Bool = false, includeInferred: Bool = true) {
        self.kinds = kinds
        self.sign = sign
        self.channel = channel
        self.date = date
        self.directed = directed
        self.includeInferred = includeInferred
    }

    /// The filter this request describes, checked against the network (unknown kinds refused
    /// with the known ones).
    public func filter(for network: Network, defaultSign: Sign?, defaultDirection: DirectionTreatment) throws(RequestError) -> ViewFilter {
        var filter = ViewFilter()
        if let kinds {
            filter.kinds = Set(RequestValue.list(kinds))
            let unknown = filter.unknownKinds(in: network)
            if !unknown.isEmpty {
                throw RequestError("kinds", ViewError.unknownKinds(unknown, known: network.kinds.map(\.name)).description)
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
        filter.at = date.resolve(in: network)
        filter.direction = directed ? .asDeclared : defaultDirection
        filter.includeInferred = includeInferred
        return filter
    }
}

extension Substring {
    /// Without leading and trailing white space.
    public func trimmingWhitespace() -> String {
        var s = self
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
