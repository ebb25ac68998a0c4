/// The per-actor measures by name, as the CLI and the service ask for them, with the options
/// they share. One place maps a name to an algorithm, so every front end agrees.
public enum Metric: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case degree, strength
    case inDegree = "in-degree", outDegree = "out-degree", inStrength = "in-strength", outStrength = "out-strength"
    case positiveDegree = "positive-degree", negativeDegree = "negative-degree", signedDegree = "signed-degree"
    case positiveStrength = "positive-strength", negativeStrength = "negative-strength"
    case betweenness, closeness, harmonic, eigenvector, pagerank, katz, hubs, authorities
    case pn, pnOut = "pn-out", pnIn = "pn-in"
    case hedges, hedgingRatio = "hedging-ratio", weightedHedges = "weighted-hedges"

    public var description: String { rawValue }

    /// Whether the measure walks shortest paths (and so depends on `--distance`).
    public var usesDistance: Bool { [.betweenness, .closeness, .harmonic].contains(self) }

    /// Whether the measure reads signs: it is computed on relations of both signs even when the
    /// view keeps one (the rest of the view's filter applies).
    public var isSigned: Bool {
        [.negativeDegree, .negativeStrength, .signedDegree, .pn, .pnOut, .pnIn, .hedges, .hedgingRatio,
         .weightedHedges].contains(self)
    }

    /// Whether the values are counts (shown without decimals).
    public var isCount: Bool {
        [.degree, .inDegree, .outDegree, .positiveDegree, .negativeDegree, .signedDegree, .hedges].contains(self)
    }

    /// Whether the measure is long on large networks (one shortest-path search per actor), so
    /// front ends show progress.
    public var isLong: Bool { usesDistance }

    /// Whether the measure is computed iteratively (agreement to 1e-6 rather than 1e-9).
    public var isIterative: Bool { [.eigenvector, .pagerank, .katz, .hubs, .authorities].contains(self) }

    /// The measures `actornet metrics` shows when none is named.
    public static let defaults: [Metric] = [.degree, .strength, .betweenness, .closeness, .eigenvector, .pagerank]

    /// Parses a comma-separated list of names, reporting unknown ones with the valid names.
    public static func parseList(_ text: String) -> Result<[Metric], MetricNameError> {
        var metrics: [Metric] = []
        for raw in text.split(separator: ",").map({ $0.trimmingCharacters() }) where !raw.isEmpty {
            guard let metric = Metric(rawValue: raw.lowercased()) else {
                return .failure(MetricNameError(name: raw))
            }
            if !metrics.contains(metric) { metrics.append(metric) }
        }
        return .success(metrics)
    }
}

public struct MetricNameError: Error, Sendable, CustomStringConvertible {
    public var name: String
    public init(name: String) { self.name = name }
    public var description: String {
        let hint = NameSuggestion.nearest(to: name, in: Metric.allCases.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
        return "unknown metric '\(name)'; \(hint)valid metrics: \(Metric.allCases.map(\.rawValue).joined(separator: ", "))"
    }
}

/// Options for computing metrics; each applies to the measures named in its comment.
public struct MetricOptions: Sendable, Hashable {
    /// Path measures (betweenness, closeness, harmonic): how strength becomes length.
    public var distance: Distance = .inverse
    /// Betweenness: normalised (default) or raw; endpoints counted or not.
    public var normalized = true
    public var endpoints = false
    /// Closeness: the Wasserman–Faust correction for disconnected networks.
    public var wassermanFaust = true
    /// Spectral measures (eigenvector, pagerank, katz, hubs, authorities): use strengths as
    /// weights (default) or count every relation as 1.
    public var spectralWeighted = true
    public var damping = 0.85
    public var personalization: [String: Double]?
    /// Katz attenuation; nil: 0.5/λ_max.
    public var katzAlpha: Double?
    public var katzBeta = 1.0
    public var iteration = Iteration()
    /// Betweenness: estimate from sampled sources with this error bound instead of exactly
    /// (opt-in; the measure's name then says "approximate" and states the bound).
    public var betweennessSampling: BetweennessSampling?
    /// Path measures and PageRank: worker threads (nil: every core). Results do not depend on it.
    public var threads: Int?

    public init() {}
}

extension Metric {
    /// Computes this measure on a view.
    ///
    /// - Throws: `AnalysisError` for non-convergence or a view the measure cannot use.
    ///
    /// Signed measures (`isSigned`) are computed on `view` with its sign filter lifted.
    ///
    /// `progress` hears how far the long measures (betweenness, closeness, harmonic) are.
    public func compute(on view: NetworkView, options: MetricOptions = MetricOptions(),
                        degrees: DegreeStrength.Result? = nil,
                        progress: ProgressHandler? = nil) throws(AnalysisError) -> NodeScores {
        if isSigned, view.filter.sign != nil {
            var filter = view.filter
            filter.sign = nil
            // Lifting the sign filter cannot add an unknown kind, so this view always builds.
            guard let both = try? NetworkView(view.network, filter: filter) else {
                throw AnalysisError.unsupported(measure: rawValue, reason: "cannot build the signed view")
            }
            return try compute(on: both, options: options, progress: progress)
        }
        func column(_ c: DegreeStrength.Column) -> NodeScores {
            (degrees ?? DegreeStrength().run(on: view)).scores(c)
        }
        func hedging(_ value: (HedgingScore) -> Double, _ name: String) -> NodeScores {
            let h = Hedging().run(on: SignedGraph(view))
            return NodeScores(measure: name, view: view, values: h.scores.map(value))
        }
        switch self {
        case .degree: return column(.degree)
        case .strength: return column(.strength)
        case .inDegree: return column(.inDegree)
        case .outDegree: return column(.outDegree)
        case .inStrength: return column(.inStrength)
        case .outStrength: return column(.outStrength)
        case .positiveDegree: return column(.positiveDegree)
        case .negativeDegree: return column(.negativeDegree)
        case .signedDegree: return column(.signedDegree)
        case .positiveStrength: return column(.positiveStrength)
        case .negativeStrength: return column(.negativeStrength)
        case .betweenness:
            var betweenness = Betweenness(normalized: options.normalized, endpoints: options.endpoints,
                                          distance: options.distance, threads: options.threads)
            betweenness.sampling = options.betweennessSampling
            return betweenness.run(on: view, progress: progress)
        case .closeness:
            return Closeness(wassermanFaust: options.wassermanFaust, distance: options.distance, threads: options.threads)
                .run(on: view, progress: progress)
        case .harmonic:
            return Harmonic(distance: options.distance, threads: options.threads).run(on: view, progress: progress)
        case .eigenvector:
            return try Eigenvector(weighted: options.spectralWeighted, iteration: options.iteration).run(on: view)
        case .pagerank:
            return try PageRank(damping: options.damping, weighted: options.spectralWeighted,
                                personalization: options.personalization, iteration: options.iteration,
                                threads: options.threads).run(on: view)
        case .katz:
            return try Katz(alpha: options.katzAlpha, beta: options.katzBeta, weighted: options.spectralWeighted,
                            iteration: options.iteration).run(on: view)
        case .hubs:
            return try HITS(weighted: options.spectralWeighted, iteration: options.iteration).run(on: view).hubs
        case .authorities:
            return try HITS(weighted: options.spectralWeighted, iteration: options.iteration).run(on: view).authorities
        case .pn:
            return try PNCentrality().run(on: SignedGraph(view))
        case .pnOut:
            return try DirectedPNCentrality().run(on: view).outgoing
        case .pnIn:
            return try DirectedPNCentrality().run(on: view).incoming
        case .hedges:
            return hedging({ Double($0.hedges) }, "hedges H (rivalries straddled)")
        case .hedgingRatio:
            return hedging(\.hedgingRatio, "hedging ratio h = H / C(d⁺, 2)")
        case .weightedHedges:
            return hedging(\.weightedHedges, "weighted hedges H_w")
        }
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingWhitespace() }
}
