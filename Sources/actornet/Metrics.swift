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

            SPEED: betweenness, closeness, harmonic and PageRank use every core (--threads); the values \
            do not depend on the number of threads. Long runs draw a progress bar on standard \
            error when it is a terminal (--quiet turns it off). --approximate estimates \
            betweenness from a sample of shortest paths (--approximation paths, KADABRA: it stops \
            as soon as the bound holds) or of sources (--approximation sources, Brandes–Pich; \
            the default, auto, computes exactly on small networks, actors × links ≤ 1e8). With \
            probability at least 1 − delta every actor's normalised value is within epsilon of \
            the exact one; the header says "approximate" and states the bound.
            """
    )

    @Argument(help: FormatHelp.networkFile)
    var file: String
    @OptionGroup var input: InputFormat

    @Option(name: .customLong("metric"), help: ArgumentHelp("Comma-separated metrics (default: \(Metric.defaults.map(\.rawValue).joined(separator: ","))).", valueName: "names"))
    var metricList: String?

    @OptionGroup var view: ViewOptions

    @Option(help: "Path length per relation: inverse (1/weight, default), weight, or unit (hops).")
    var distance: Distance = .inverse

    @Flag(help: "Raw betweenness instead of normalised.")
    var raw = false

    @Flag(help: "Count path endpoints in betweenness.")
    var endpoints = false

    @Flag(help: "Closeness without the Wasserman–Faust correction.")
    var noCorrection = false

    @Option(help: "Spectral measures: weight ties by strength (strength) or count them (none).")
    var spectralWeights: MetricsRequest.SpectralWeights = .strength

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

    @Flag(help: "Betweenness: estimate (see --approximation) with the error bound --epsilon/--delta instead of exactly; outputs say so.")
    var approximate = false

    @Option(help: "With --approximate: 'sources' samples a fixed number of sources (Brandes–Pich); 'paths' samples shortest paths until the bound is reached (KADABRA, adaptive: far fewer searches on large networks); 'auto' (default): exact on small networks (every source needed, actors × links ≤ 1e8), else paths.")
    var approximation: BetweennessSampling.Method = .automatic

    @Option(help: "With --approximate: the largest error on normalised betweenness.")
    var epsilon = 0.01

    @Option(help: "With --approximate: the probability allowed for any actor to exceed --epsilon.")
    var delta = 0.1

    @Option(help: "With --approximate: the seed that draws the sources or paths (same seed, same estimate).")
    var seed: UInt64 = 1

    @Option(help: "Worker threads for path measures and PageRank (default: every core). Results do not depend on it.")
    var threads: Int?

    @OptionGroup var progress: ProgressOptions

    @Option(help: "Show the top N actors (table format).")
    var top: Int?

    @Option(help: "Output format: table, csv or json.")
    var format: TableFormat = .table

    /// The request these options describe; the server fills the same one from its query.
    var request: MetricsRequest {
        get throws {
            var request = MetricsRequest()
            request.metric = metricList
            request.view = try view.request
            request.distance = distance
            request.raw = raw
            request.endpoints = endpoints
            request.noCorrection = noCorrection
            request.spectralWeights = spectralWeights
            request.damping = damping
            request.personalize = personalize
            request.alpha = alpha
            request.maxIterations = maxIterations
            request.tolerance = tolerance
            request.approximate = approximate
            request.approximation = approximation
            request.epsilon = epsilon
            request.delta = delta
            request.seed = seed
            request.threads = threads
            request.top = top
            return request
        }
    }

    func validate() throws {
        let request = try request
        _ = try checked { () throws(RequestError) in try request.selection() }
    }

    func run() async throws {
        let network = try loadOrExit(file, format: input.format)
        let request = try request
        let outcome: MetricsRequest.Outcome
        do {
            outcome = try request.run(on: network, file: file, progress: progress.handler)
        } catch let error as RequestError {
            throw error.validation
        } catch let failure as MetricFailure {
            printError("error: \(failure.error)")
            throw Status.invalid
        }
        switch format {
        case .table: try emit(outcome.text(top: top))
        case .csv: try emit(outcome.csv())
        case .json: try emit(try outcome.json())
        }
    }
}
