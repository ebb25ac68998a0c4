import ActorNetCore
import ActorNetIO
import ActorNetReports
import ArgumentParser

enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

struct Metrics: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Centrality per actor: degree, strength, betweenness, closeness, harmonic, eigenvector, PageRank, Katz, HITS.",
        discussion: """
            By default the view is the positive relations (cooperation, supply, membership and \
            declared positive kinds) read as undirected; --sign, --kinds, --channel, --at and \
            --directed change it.

            DISTANCE: path measures (betweenness, closeness, harmonic) need a length per \
            relation. ActorNet's default is --distance inverse: length = 1/weight, so a \
            stronger tie is a SHORTER path. networkx and igraph instead read the weight itself \
            as the length (--distance weight), which makes strong ties long; --distance unit \
            counts hops. Parallel relations count as one link of the shortest length. The \
            choice is printed in every output header (and in CSV column names).

            Conventions follow networkx: betweenness normalised by (n−1)(n−2) pairs (raw: \
            halved for undirected views); closeness with the Wasserman–Faust correction and \
            incoming distances in directed views; eigenvector, PageRank, Katz and HITS weighted \
            by summed strength (--spectral-weights none for counts).

            Metrics: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")); and \
            edge-betweenness, which scores pairs of actors and is asked for alone. Signed \
            measures (negative-*, signed-degree, pn, pn-in, pn-out, hedges, hedging-ratio, \
            weighted-hedges) read relations of both signs even when the view keeps one.

            Exit status: 0 success; 1 the network has errors, or an iterative measure did not \
            converge; 64 bad usage (unknown metric or kind, bad date); 66 the file cannot be read.

            SPEED: betweenness, closeness and harmonic use every core (--threads); the values \
            do not depend on the number of threads. Long runs draw a progress bar on standard \
            error when it is a terminal (--quiet turns it off). --approximate estimates \
            betweenness from a sample of sources: with probability at least 1 − delta every \
            actor's normalised value is within epsilon of the exact one; the header says \
            "approximate" and states the bound.
            """
    )

    @Argument(help: FormatHelp.networkFile)
    var file: String

    @Option(name: .customLong("metric"), help: ArgumentHelp("Comma-separated metrics (default: \(Metric.defaults.map(\.rawValue).joined(separator: ","))).", valueName: "names"))
    var metricList: String?

    @OptionGroup var view: ViewOptions

    @Option(help: "Path length per relation: inverse (1/weight, default), weight, or unit (hops).")
    var distance: DistanceChoice = .inverse

    @Flag(help: "Raw betweenness instead of normalised.")
    var raw = false

    @Flag(help: "Count path endpoints in betweenness.")
    var endpoints = false

    @Flag(help: "Closeness without the Wasserman–Faust correction.")
    var noCorrection = false

    @Option(help: "Spectral measures: weight ties by strength (strength) or count them (none).")
    var spectralWeights: SpectralWeights = .strength

    @Option(help: "PageRank damping factor in [0, 1).")
    var damping = 0.85

    @Option(help: ArgumentHelp("PageRank personalisation: jump weights by actor, e.g. IRN=2,ISR=1 (others 0).",
                               valueName: "id=weight,…"))
    var personalize: String?

    @Option(help: "Katz attenuation α, below 1/λ_max (default: 0.5/λ_max).")
    var alpha: Double?

    @Option(help: "Iterative measures: most iterations.")
    var maxIterations = 10_000

    @Option(help: "Iterative measures: tolerance per actor.")
    var tolerance = 1e-12

    @Flag(help: "Betweenness: estimate from sampled sources (Brandes–Pich) with the error bound --epsilon/--delta instead of exactly; outputs say so.")
    var approximate = false

    @Option(help: "With --approximate: the largest error on normalised betweenness.")
    var epsilon = 0.01

    @Option(help: "With --approximate: the probability allowed for any actor to exceed --epsilon.")
    var delta = 0.1

    @Option(help: "With --approximate: the seed that draws the sources (same seed, same estimate).")
    var seed: UInt64 = 1

    @Option(help: "Worker threads for path measures (default: every core). Results do not depend on it.")
    var threads: Int?

    @OptionGroup var progress: ProgressOptions

    @Option(help: "Show the top N actors (table format).")
    var top: Int?

    @Option(help: "Output format: table, csv or json.")
    var format: TableFormat = .table

    enum SpectralWeights: String, ExpressibleByArgument, CaseIterable { case strength, none }

    /// `IRN=2,ISR=1` → weights; each weight finite and ≥ 0, at least one > 0.
    static func parsePersonalization(_ text: String) -> Result<[String: Double], PersonalizationError> {
        var weights: [String: Double] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            guard parts.count == 2, !parts[0].isEmpty, let w = Double(parts[1]), w.isFinite, w >= 0 else {
                return .failure(PersonalizationError(message: "'\(item)' is not ID=WEIGHT with a weight ≥ 0, e.g. IRN=2"))
            }
            weights[parts[0]] = w
        }
        guard weights.values.contains(where: { $0 > 0 }) else {
            return .failure(PersonalizationError(message: "give at least one weight > 0"))
        }
        return .success(weights)
    }

    struct PersonalizationError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Edge betweenness scores pairs of actors, not actors, so it is asked for alone.
    var wantsEdgeBetweenness: Bool { metricList.map { Substring($0).trimmingSpaces() } == "edge-betweenness" }

    func validate() throws {
        if let metricList, !wantsEdgeBetweenness, case let .failure(error) = Metric.parseList(metricList) {
            if metricList.contains("edge-betweenness") {
                throw ValidationError("edge-betweenness scores pairs of actors, not actors: ask for it alone (--metric edge-betweenness)")
            }
            throw ValidationError(error.description + ", edge-betweenness (alone)")
        }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if !(epsilon > 0 && epsilon < 1) { throw ValidationError("--epsilon must be in (0, 1), e.g. 0.01; got \(epsilon)") }
        if !(delta > 0 && delta < 1) { throw ValidationError("--delta must be in (0, 1), e.g. 0.1; got \(delta)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1; got \(threads)") }
        if !(0..<1).contains(damping) { throw ValidationError("--damping must be in [0, 1), e.g. 0.85") }
        if maxIterations < 1 { throw ValidationError("--max-iterations must be at least 1") }
        if !(tolerance > 0) { throw ValidationError("--tolerance must be > 0") }
        if let personalize, case let .failure(message) = Self.parsePersonalization(personalize) {
            throw ValidationError("--personalize: \(message)")
        }
    }

    func run() async throws {
        let network = try loadOrExit(file)
        let metrics = (try? Metric.parseList(metricList ?? "").get()).flatMap { $0.isEmpty ? nil : $0 } ?? Metric.defaults
        let filter = try view.filter(for: network, defaultSign: .positive, defaultDirection: .undirected)
        if wantsEdgeBetweenness {
            var handler: ProgressHandler?
            if let bar = progress.handler { handler = { @Sendable done, total in bar("edge-betweenness", done, total) } }
            let result = EdgeBetweenness(normalized: !raw, distance: distance.distance, threads: threads)
                .run(on: try NetworkView(network, filter: filter), progress: handler)
            let report = EdgeScoresReport(file: file, view: filter.describe(in: network),
                                          distanceSetting: distance.rawValue, result: result)
            switch format {
            case .table: try emit(report.text(top: top))
            case .csv: try emit(report.csv())
            case .json: try emit(try report.json())
            }
            return
        }
        var options = MetricOptions()
        options.distance = distance.distance
        options.normalized = !raw
        options.endpoints = endpoints
        options.wassermanFaust = !noCorrection
        options.spectralWeighted = spectralWeights == .strength
        options.damping = damping
        options.katzAlpha = alpha
        if let personalize, case let .success(weights) = Self.parsePersonalization(personalize) {
            let unknown = weights.keys.filter { network.index(ofActor: $0) == nil }.sorted()
            if !unknown.isEmpty {
                throw ValidationError("--personalize: unknown actor\(unknown.count > 1 ? "s" : "") "
                    + unknown.map { "'\($0)'" }.joined(separator: ", ") + "; known ids: \(knownNamesList(network.actors.map(\.id)))")
            }
            options.personalization = weights
        }
        options.iteration = Iteration(maxIterations: maxIterations, tolerance: tolerance)
        options.threads = threads
        if approximate { options.betweennessSampling = BetweennessSampling(epsilon: epsilon, delta: delta, seed: seed) }
        let report: MetricsReport
        do {
            report = try MetricsReport.compute(network, file: file, filter: filter, metrics: metrics, options: options,
                                               distanceName: distance.rawValue, progress: progress.handler)
        } catch let failure as MetricFailure {
            printError("error: \(failure.error)")
            throw Status.invalid
        }
        switch format {
        case .table: try emit(report.text(top: top))
        case .csv: try emit(report.csv())
        case .json: try emit(try report.json())
        }
    }
}
