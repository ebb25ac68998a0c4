import ActorNetCore
import ActorNetIO
import Hummingbird

/// A request's query parameters, checked against the ones its route takes: an unknown or
/// repeated parameter is refused (400) rather than ignored, so a typo never silently changes
/// nothing.
struct Query: Sendable {
    private let values: [String: String]

    /// The parameters in a fixed order, for cache keys.
    var canonical: String { values.keys.sorted().map { "\($0)=\(values[$0]!)" }.joined(separator: "&") }

    init(_ request: Request, allowed: [String]) throws(APIError) {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            let key = String(key)
            guard allowed.contains(key) else {
                throw APIError(.badRequest, "unknown parameter '\(key)'; this route takes: "
                    + (allowed.isEmpty ? "no parameters" : allowed.joined(separator: ", ")), field: key)
            }
            guard values[key] == nil else {
                throw APIError(.badRequest, "parameter '\(key)' is given twice; give it once", field: key)
            }
            values[key] = String(value)
        }
        self.values = values
    }

    subscript(_ name: String) -> String? { values[name] }

    func bool(_ name: String) throws(APIError) -> Bool {
        switch values[name]?.lowercased() {
        case nil, "false", "0", "no": return false
        case "true", "1", "yes", "": return true
        case let other?: throw APIError(.badRequest, "\(name): '\(other)' is not true or false", field: name)
        }
    }

    func int(_ name: String, atLeast minimum: Int) throws(APIError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text), value >= minimum else {
            throw APIError(.badRequest, "\(name): '\(text)' is not a whole number ≥ \(minimum)", field: name)
        }
        return value
    }

    /// One of a fixed set of names, listed in the refusal.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) throws(APIError) -> T?
    where T.RawValue == String {
        guard let text = values[name] else { return nil }
        guard let value = T(rawValue: text.lowercased()) else {
            throw APIError(.badRequest, "\(name): '\(text)' is not one of "
                + T.allCases.map(\.rawValue).joined(separator: ", "), field: name)
        }
        return value
    }

    /// A format name of `NetworkFormat.all` that writes, refused with the valid names.
    func format(_ name: String) throws(APIError) -> NetworkFormat? {
        guard let text = values[name] else { return nil }
        guard let format = NetworkFormat.named(text), format.canWrite else {
            throw APIError(.badRequest, "\(name): '\(text)' is not one of " + NetworkFormat.names(where: \.canWrite), field: name)
        }
        return format
    }

    /// A metric name (`colour_by`, `size_by`), refused with the valid names.
    func metric(_ name: String) throws(APIError) -> Metric? {
        guard let text = values[name] else { return nil }
        guard let metric = Metric(rawValue: text.lowercased()) else {
            throw APIError(.badRequest, "\(name): " + MetricNameError(name: text).description, field: name)
        }
        return metric
    }

    /// `at`: a date (YYYY, YYYY-MM, YYYY-MM-DD), `all` for every date, or absent for the
    /// network's latest start, as the CLI's `--at` / `--all-dates`.
    func date(in network: Network) throws(APIError) -> PartialDate? {
        guard let text = values["at"] else { return network.latestStart }
        if text.lowercased() == "all" { return nil }
        guard let date = PartialDate(iso: text) else {
            throw APIError(.badRequest, "at: '\(text)' is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD "
                + "(e.g. at=2025-06), or at=all for every date", field: "at")
        }
        return date
    }
}

/// The view options every analysis route shares, as the CLI's `ViewOptions`.
enum ViewQuery {
    static let fields = ["kinds", "sign", "channel", "at", "directed", "no_inferred"]

    enum SignChoice: String, CaseIterable { case positive, negative, any }
    enum ChannelChoice: String, CaseIterable { case stated, material, any }

    static func filter(_ query: Query, network: Network, defaultSign: Sign?,
                       defaultDirection: DirectionTreatment) throws(APIError) -> ViewFilter {
        var filter = ViewFilter()
        if let kinds = query["kinds"] {
            filter.kinds = Set(kinds.split(separator: ",").map { $0.trimmingCharacters() }.filter { !$0.isEmpty })
            let unknown = filter.unknownKinds(in: network)
            if !unknown.isEmpty {
                throw APIError(.badRequest, "kinds: " + ViewError.unknownKinds(unknown, known: network.kinds.map(\.name)).description,
                               field: "kinds")
            }
        }
        switch try query.choice("sign", SignChoice.self) {
        case nil: filter.sign = defaultSign
        case .positive?: filter.sign = .positive
        case .negative?: filter.sign = .negative
        case .any?: filter.sign = nil
        }
        switch try query.choice("channel", ChannelChoice.self) {
        case nil, .any?: filter.channels = nil
        case .stated?: filter.channels = [.stated]
        case .material?: filter.channels = [.material]
        }
        filter.at = try query.date(in: network)
        filter.direction = try query.bool("directed") ? .asDeclared : defaultDirection
        filter.includeInferred = !(try query.bool("no_inferred"))
        return filter
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        var s = self
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
