public import ActorNetIO
public import ActorNetCore

// The library calls behind each report, composed once so the CLI and the service give the same
// answers from the same code.

/// A measure that could not be computed on the view (e.g. it did not converge), with its name.
public struct MetricFailure: Error, Sendable, CustomStringConvertible {
    public var metric: Metric
    public var error: AnalysisError
    public var description: String { "\(metric.rawValue): \(error)" }
}

extension MetricsReport {
    /// Computes `metrics` on `network` through `filter` and assembles the report (settings name
    /// every measure; a note says when signed measures read both signs).
    ///
    /// `progress(metric, done, total)` hears how far each long measure is.
    public static func compute(_ network: Network, file: String, filter: ViewFilter, metrics: [Metric],
                               options: MetricOptions, distanceName: String,
                               progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> MetricsReport {
        let view = try NetworkView(network, filter: filter)
        let degrees = DegreeStrength().run(on: view)
        var scores: [NodeScores] = []
        for metric in metrics {
            var handler: ProgressHandler?
            if let progress, metric.isLong {
                let name = metric.rawValue
                handler = { @Sendable done, total in progress(name, done, total) }
            }
            do {
                scores.append(try metric.compute(on: view, options: options, degrees: degrees, progress: handler))
            } catch {
                throw MetricFailure(metric: metric, error: error)
            }
        }
        var settings = ["distance": options.distance.description]
        for (metric, score) in zip(metrics, scores) { settings[metric.rawValue] = score.measure }
        let signed = metrics.filter(\.isSigned)
        if !signed.isEmpty, filter.sign != nil {
            settings["note"] = "\(signed.map(\.rawValue).joined(separator: ", ")) read relations of both signs "
                + "(the rest of the view as above)"
        }
        return MetricsReport(file: file, view: filter.describe(in: network), options: settings,
                             distanceSetting: distanceName, actors: network.actors, metrics: metrics, scores: scores)
    }
}

extension BalanceReport.Input {
    /// Every balance measure of `network` through `filter`; a measure that cannot be computed
    /// keeps its reason.
    /// `progress("frustration", done, total)` hears how far the frustration search is.
    public static func compute(_ network: Network, file: String, filter: ViewFilter, frustration: FrustrationIndex,
                               progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> BalanceReport.Input {
        let graph = SignedGraph(try NetworkView(network, filter: filter))
        var handler: ProgressHandler?
        if let progress { handler = { @Sendable done, total in progress("frustration", done, total) } }
        return BalanceReport.Input(
            file: file, view: filter.describe(in: network), graph: graph, census: TriangleCensus().run(on: graph),
            walk: Result { () throws(AnalysisError) in try WalkBalance().run(on: graph) },
            frustration: Result { () throws(AnalysisError) in try frustration.run(on: graph, progress: handler) },
            pn: Result { () throws(AnalysisError) in try PNCentrality().run(on: graph) })
    }
}

extension DOTWriter {
    /// The drawing `render` makes: `network` as of `at` (nil: every date), actors coloured and
    /// sized by metrics (computed as `Exporter.metrics` does), with Graphviz settings chosen by
    /// the drawn network's size unless `layout` or `splines` is given. Returns the DOT text, the
    /// metrics that could not be computed and the settings (whose layout program must draw it).
    public static func drawing(_ network: Network, at: PartialDate?, clusters: Bool, colourBy: Metric?,
                               sizeBy: Metric?, layout: GraphvizLayout? = nil, splines: GraphvizSettings.Splines? = nil)
        -> (dot: String, skipped: [String], settings: GraphvizSettings) {
        let shown = at.map { network.snapshot(at: $0) } ?? network
        var writer = DOTWriter()
        let settings = GraphvizSettings.automatic(actors: shown.actors.count, relations: shown.relations.count,
                                                  layout: layout, splines: splines)
        writer.graphviz = settings
        writer.clustersByGroup = clusters
        let (scores, skipped) = Exporter.metrics(shown, [colourBy, sizeBy].compactMap { $0 })
        writer.colourBy = colourBy.flatMap { metric in scores.first { $0.name == metric.rawValue }?.scores }
        writer.sizeBy = sizeBy.flatMap { metric in scores.first { $0.name == metric.rawValue }?.scores }
        return (writer.write(shown), skipped, settings)
    }
}
