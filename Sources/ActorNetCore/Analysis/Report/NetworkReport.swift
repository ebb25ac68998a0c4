/// Everything `actornet report` tells an analyst, computed once: who is central, who hedges
/// between which rivals, how balanced the network is and where it splits, and where words
/// outrun deeds. Every part states the view it was computed on.
public struct NetworkReport: Sendable {
    public struct Options: Sendable {
        /// The snapshot date; nil: every relation regardless of dates.
        public var at: PartialDate?
        /// How many actors (or pairs) each ranking shows.
        public var top = 5
        public var metric = MetricOptions()
        public var frustration = FrustrationIndex()
        /// Whether relations marked `inferred` count (`--no-inferred` leaves them out).
        public var includeInferred = true

        public init(at: PartialDate? = nil, top: Int = 5, includeInferred: Bool = true) {
            self.at = at
            self.top = top
            self.includeInferred = includeInferred
        }
    }

    public struct Ranking: Sendable {
        public var metric: Metric
        public var measure: String
        public var top: [RankedScore]
        /// Set when the measure could not be computed on this view (e.g. non-convergence).
        public var failure: String?
    }

    public let network: Network
    public let options: Options
    /// The view of the centrality rankings (positive relations, undirected).
    public let centralityView: NetworkView
    /// The view of the signed measures and hedging (every relation, undirected, one net sign per pair).
    public let signedView: NetworkView
    /// The view of say versus do (every relation, directions as declared).
    public let supportView: NetworkView
    public let degrees: DegreeStrength.Result
    public let rankings: [Ranking]
    public let signedGraph: SignedGraph
    public let hedging: HedgingScores
    public let census: SignedTriangleCensus
    public let walkBalance: Result<WalkBalanceScore, AnalysisError>
    public let frustration: Result<FrustrationResult, AnalysisError>
    public let sayDo: SayDo.Result
    /// What the headlines rest on: the inferred relations in the signed view (ids, sorted), and
    /// when there are any, the hedging and the frustration split computed without them, so a
    /// hedge or a camp that exists only because of an inference can say so.
    public let inferredInView: [String]
    public let hedgingWithoutInferred: HedgingScores?
    public let frustrationWithoutInferred: Result<FrustrationResult, AnalysisError>?

    /// The measures the report ranks actors by.
    public static let rankedMetrics: [Metric] = [.degree, .betweenness, .eigenvector, .pagerank]

    public init(network: Network, options: Options = Options()) throws(ViewError) {
        self.network = network
        self.options = options
        let inferred = options.includeInferred
        centralityView = try NetworkView(network, filter: ViewFilter(sign: .positive, at: options.at, direction: .undirected,
                                                                     includeInferred: inferred))
        signedView = try NetworkView(network, filter: ViewFilter(at: options.at, direction: .undirected, includeInferred: inferred))
        supportView = try NetworkView(network, filter: ViewFilter(at: options.at, direction: .asDeclared,
                                                                  includeInferred: inferred))
        degrees = DegreeStrength().run(on: centralityView)
        var rankings: [Ranking] = []
        for metric in Self.rankedMetrics {
            do {
                let scores = try metric.compute(on: centralityView, options: options.metric, degrees: degrees)
                rankings.append(Ranking(metric: metric, measure: scores.measure,
                                        top: Array(scores.ranking().prefix(options.top)), failure: nil))
            } catch {
                rankings.append(Ranking(metric: metric, measure: metric.rawValue, top: [], failure: error.description))
            }
        }
        self.rankings = rankings
        let graph = SignedGraph(signedView)
        signedGraph = graph
        hedging = Hedging().run(on: graph)
        census = TriangleCensus().run(on: graph)
        // Dense O(n³) eigenvalues: kept to networks a report can wait for.
        walkBalance = Result { () throws(AnalysisError) in try WalkBalance(maximumActors: 2000).run(on: graph) }
        let frustrationIndex = options.frustration
        frustration = Result { () throws(AnalysisError) in try frustrationIndex.run(on: graph) }
        sayDo = SayDo().run(on: supportView)
        let inferredIDs = signedView.edgeRelation.map { network.relations[Int($0)] }.filter(\.inferred).map(\.id).sorted()
        inferredInView = inferredIDs
        if inferredIDs.isEmpty {
            hedgingWithoutInferred = nil
            frustrationWithoutInferred = nil
        } else {
            let stated = SignedGraph(try NetworkView(network, filter: ViewFilter(at: options.at, direction: .undirected,
                                                                                 includeInferred: false)))
            hedgingWithoutInferred = Hedging().run(on: stated)
            frustrationWithoutInferred = Result { () throws(AnalysisError) in try frustrationIndex.run(on: stated) }
        }
    }

    /// Whether actor `id`'s straddling of the rivalry first × second disappears without the
    /// inferred relations.
    public func restsOnInferred(hedger id: String, _ rivalry: StraddledRivalry) -> Bool {
        guard let without = hedgingWithoutInferred else { return false }
        guard let score = without.scores.first(where: { $0.id == id }) else { return true }
        return !score.rivalries.contains { $0.first == rivalry.first && $0.second == rivalry.second }
    }
}
