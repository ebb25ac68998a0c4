import ActorNetCore
import ActorNetIO
import ActorNetReports
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

    /// A finite number.
    func double(_ name: String) throws(APIError) -> Double? {
        guard let text = values[name] else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw APIError(.badRequest, "\(name): '\(text)' is not a number", field: name)
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
    /// network's latest start, as the CLI's `--at` / `--all-dates` (both read by `DateChoice`).
    func date(in network: Network) throws(APIError) -> PartialDate? {
        try ViewRequest.request { () throws(RequestError) in try DateChoice.parse(at: values["at"]) }.resolve(in: network)
    }
}

/// The shared requests filled from query parameters of the same names as the CLI's options.
extension ViewRequest {
    init(_ query: Query) throws(APIError) {
        self.init(kinds: query["kinds"], sign: try query.choice("sign", SignChoice.self),
                  channel: try query.choice("channel", ChannelChoice.self) ?? .any,
                  date: try Self.request { () throws(RequestError) in try DateChoice.parse(at: query["at"]) },
                  directed: try query.bool("directed"), includeInferred: !(try query.bool("no_inferred")))
    }

    /// The filter for `network`, a bad request answered 400 naming its field.
    func filter(_ network: Network, defaultSign: Sign?, defaultDirection: DirectionTreatment) throws(APIError) -> ViewFilter {
        try Self.request { () throws(RequestError) in try filter(for: network, defaultSign: defaultSign, defaultDirection: defaultDirection) }
    }

    /// Runs `body`, a `RequestError` becoming 400 with its field.
    static func request<T>(_ body: () throws(RequestError) -> T) throws(APIError) -> T {
        do {
            return try body()
        } catch {
            throw APIError(error)
        }
    }
}

extension APIError {
    init(_ error: RequestError) {
        self.init(.badRequest, error.description, field: error.field)
    }
}

extension MetricsRequest {
    /// Every option of `actornet metrics` but `threads` (the server decides how many).
    static var queryFields: [String] { ViewRequest.fields + fields.filter { $0 != "threads" } }

    init(_ query: Query) throws(APIError) {
        self.init()
        metric = query["metric"]
        view = try ViewRequest(query)
        distance = try query.choice("distance", Distance.self) ?? distance
        raw = try query.bool("raw")
        endpoints = try query.bool("endpoints")
        noCorrection = try query.bool("no_correction")
        spectralWeights = try query.choice("spectral_weights", SpectralWeights.self) ?? spectralWeights
        damping = try query.double("damping") ?? damping
        personalize = query["personalize"]
        alpha = try query.double("alpha")
        maxIterations = try query.int("max_iterations", atLeast: 1) ?? maxIterations
        tolerance = try query.double("tolerance") ?? tolerance
        approximate = try query.bool("approximate")
        approximation = try query.choice("approximation", BetweennessSampling.Method.self) ?? approximation
        epsilon = try query.double("epsilon") ?? epsilon
        delta = try query.double("delta") ?? delta
        seed = try query.int("seed", atLeast: 0).map(UInt64.init) ?? seed
        top = try query.int("top", atLeast: 1)
        _ = try ViewRequest.request { () throws(RequestError) in try selection() }
    }
}
