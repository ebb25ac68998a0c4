public import ActorNetCore

/// `actornet metrics` and `GET /v1/networks/{name}/metrics`: which measures, on which view,
/// with which settings. Both front ends fill one of these (from options or query parameters of
/// the same names) and hand it here to be checked and run, so they take the same options and
/// give the same answers.
public struct MetricsRequest: Sendable {
    /// What is measured: per-actor metrics, or edge betweenness (which scores pairs of actors
    /// and is asked for alone).
    public enum Selection: Sendable, Equatable {
        case actors([Metric])
        case edgeBetweenness
    }

    /// Spectral measures: weight ties by strength, or count them.
    public enum SpectralWeights: String, Sendable, CaseIterable { case strength, none }

    /// What it gives: the per-actor report, or the scores of pairs.
    public enum Outcome: Sendable {
        case actors(MetricsReport)
        case edges(EdgeScoresReport)

        public func text(top: Int?) -> String {
            switch self {
            case let .actors(r): r.text(top: top)
            case let .edges(r): r.text(top: top)
            }
        }

        public func csv() -> String {
            switch self {
            case let .actors(r): r.csv()
            case let .edges(r): r.csv()
            }
        }

        public func json() throws -> String {
            switch self {
            case let .actors(r): try r.json()
            case let .edges(r): try r.json()
            }
        }
    }

    /// The parameters besides the view's, by canonical name (the CLI's options are `--` and the
    /// name with `-` for `_`).
    public static let fields = ["metric", "distance", "raw", "endpoints", "no_correction", "spectral_weights", "damping",
                                "personalize", "alpha", "max_iterations", "tolerance", "approximate", "approximation", "epsilon",
                                "delta", "seed", "threads", "top"]

    /// Comma-separated metric names; nil or empty: `Metric.defaults`.
    public var metric: String?
    public var view = ViewRequest()
    public var distance: Distance = .inverse
    public var raw = false
    public var endpoints = false
    public var noCorrection = false
    public var spectralWeights: SpectralWeights = .strength
    public var damping = 0.85
    /// `IRN=2,ISR=1`: PageRank's jump weights by actor (others 0).
    public var personalize: String?
    public var alpha: Double?
    public var maxIterations = 10_000
    public var tolerance = 1e-12
    public var approximate = false
    /// With `approximate`: sampled sources (Brandes–Pich), sampled paths (KADABRA), or
    /// automatic (exact on small networks, paths otherwise), as the CLI's `--approximation`.
    public var approximation: BetweennessSampling.Method = .automatic
    public var epsilon = 0.01
    public var delta = 0.1
    public var seed: UInt64 = 1
    public var threads: Int?
    /// Tables only: the top N actors (JSON lists every actor).
    public var top: Int?

    public init() {}

    /// The measures asked for, after every check that needs no network (ranges, names, the
    /// personalisation's syntax).
    public func selection() throws(RequestError) -> Selection {
        if let top, top < 1 { throw RequestError("top", "must be at least 1; got \(top)") }
        if !(epsilon > 0 && epsilon < 1) { throw RequestError("epsilon", "must be in (0, 1), e.g. 0.01; got \(NumberText.exact(epsilon))") }
        if !(delta > 0 && delta < 1) { throw RequestError("delta", "must be in (0, 1), e.g. 0.1; got \(NumberText.exact(delta))") }
        if let threads, threads < 1 { throw RequestError("threads", "must be at least 1; got \(threads)") }
        if !(0..<1).contains(damping) { throw RequestError("damping", "must be in [0, 1), e.g. 0.85; got \(NumberText.exact(damping))") }
        if maxIterations < 1 { throw RequestError("max_iterations", "must be at least 1; got \(maxIterations)") }
        if !(tolerance > 0) || !tolerance.isFinite { throw RequestError("tolerance", "must be a number > 0, e.g. 1e-12; got \(NumberText.exact(tolerance))") }
        if let alpha, !(alpha > 0) || !alpha.isFinite { throw RequestError("alpha", "must be a number > 0 (below 1/λ_max); got \(NumberText.exact(alpha))") }
        if let personalize { _ = try Self.personalization(personalize) }
        let text = metric.map { Substring($0).trimmingWhitespace().lowercased() } ?? ""
        if text == "edge-betweenness" { return .edgeBetweenness }
        switch Metric.parseList(text) {
        case let .success(list): return .actors(list.isEmpty ? Metric.defaults : list)
        case let .failure(error):
            if text.contains("edge-betweenness") {
                throw RequestError("metric", "edge-betweenness scores pairs of actors, not actors: ask for it alone (edge-betweenness)")
            }
            throw RequestError("metric", error.description + ", edge-betweenness (alone)")
        }
    }

    /// `IRN=2,ISR=1` → weights; each weight finite and ≥ 0, at least one > 0.
    public static func personalization(_ text: String) throws(RequestError) -> [String: Double] {
        var weights: [String: Double] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty, let w = Double(parts[1]), w.isFinite, w >= 0 else {
                throw RequestError("personalize", "'\(item)' is not ID=WEIGHT with a weight ≥ 0, e.g. IRN=2")
            }
            weights[parts[0]] = w
        }
        guard weights.values.contains(where: { $0 > 0 }) else {
            throw RequestError("personalize", "give at least one weight > 0, e.g. IRN=2")
        }
        return weights
    }

    /// The library's options for `network` (personalised actors must exist in it).
    public func options(for network: Network) throws(RequestError) -> MetricOptions {
        var options = MetricOptions()
        options.distance = distance
        options.normalized = !raw
        options.endpoints = endpoints
        options.wassermanFaust = !noCorrection
        options.spectralWeighted = spectralWeights == .strength
        options.damping = damping
        options.katzAlpha = alpha
        if let personalize {
            let weights = try Self.personalization(personalize)
            let unknown = weights.keys.filter { network.index(ofActor: $0) == nil }.sorted()
            if !unknown.isEmpty {
                throw RequestError("personalize", "unknown actor\(unknown.count > 1 ? "s" : "") "
                    + unknown.map { "'\($0)'" }.joined(separator: ", ") + "; known ids: \(KnownNames.list(network.actors.map(\.id)))")
            }
            options.personalization = weights
        }
        options.iteration = Iteration(maxIterations: maxIterations, tolerance: tolerance)
        options.threads = threads
        if approximate {
            do {
                options.betweennessSampling = try BetweennessSampling(epsilon: epsilon, delta: delta, seed: seed, method: approximation)
            } catch {
                throw RequestError(error.parameter, "must be in (0, 1); got \(NumberText.exact(error.value))")
            }
        }
        return options
    }

    /// Checks the request against `network` and computes it; `file` names the network in the
    /// output. Throws `RequestError` for a bad request, `MetricFailure` when a measure cannot be
    /// computed (an iterative one that does not converge).
    public func run(on network: Network, file: String,
                    progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> Outcome {
        let selection = try selection()
        let filter = try view.filter(for: network, defaultSign: .positive, defaultDirection: .undirected)
        let options = try options(for: network)
        switch selection {
        case .edgeBetweenness:
            var handler: ProgressHandler?
            if let progress { handler = { @Sendable done, total in progress("edge-betweenness", done, total) } }
            let result = EdgeBetweenness(normalized: !raw, distance: distance, threads: threads)
                .run(on: try NetworkView(network, filter: filter), progress: handler)
            return .edges(EdgeScoresReport(file: file, view: filter.describe(in: network),
                                           distanceSetting: distance.rawValue, result: result))
        case let .actors(metrics):
            return .actors(try MetricsReport.compute(network, file: file, filter: filter, metrics: metrics, options: options,
                                                     distanceName: distance.rawValue, progress: progress))
        }
    }
}
