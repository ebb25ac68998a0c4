import ActorNetCore
import ActorNetIO
import ActorNetReports

/// The library calls behind each analysis route — the same compositions the CLI calls
/// (`MetricsReport.compute`, `BalanceReport.Input.compute`, `DOTWriter.drawing`, …), so both
/// give the same JSON.
/// Each returns the bytes of the response; each runs on a Dispatch thread under `Deadline`.
enum Analyses {
    /// `actornet metrics --format json` (edge betweenness included).
    static func metrics(_ network: Network, file: String, _ request: MetricsRequest) throws -> [UInt8] {
        do {
            return Array(try request.run(on: network, file: file, progress: WorkProgress.handler).json().utf8)
        } catch let error as RequestError {
            throw APIError(error)
        } catch let failure as MetricFailure {
            throw APIError(.unprocessableContent, failure.description, field: "metric")
        }
    }

    /// `actornet hedging --format json`.
    static func hedging(_ network: Network, file: String, filter: ViewFilter) throws -> [UInt8] {
        let scores = Hedging().run(on: SignedGraph(try NetworkView(network, filter: filter)))
        return Array(try HedgingReport.json(scores, view: filter.describe(in: network), file: file).utf8)
    }

    /// `actornet balance --format json`.
    static func balance(_ network: Network, file: String, filter: ViewFilter, frustration: FrustrationIndex) throws -> [UInt8] {
        let input = try BalanceReport.Input.compute(network, file: file, filter: filter, frustration: frustration,
                                                    progress: WorkProgress.handler)
        return Array(try BalanceReport.json(input).utf8)
    }

    /// `actornet report --format json`.
    static func report(_ network: Network, file: String, at: PartialDate?, top: Int, distance: Distance,
                       includeInferred: Bool = true) throws -> [UInt8] {
        Array(try AnalystReport.json(try networkReport(network, at: at, top: top, distance: distance,
                                                       includeInferred: includeInferred), file: file).utf8)
    }

    /// `actornet dyad`; an unknown or repeated actor is a 400 naming the field.
    static func dyad(_ network: Network, _ dyad: Dyad) throws -> DyadResult {
        do {
            return try dyad.run(on: network)
        } catch {
            let field = error.field == "a" && network.index(ofActor: dyad.first) != nil ? "b" : error.field
            throw APIError(.badRequest, "\(field): \(error)", field: field)
        }
    }

    static func networkReport(_ network: Network, at: PartialDate?, top: Int, distance: Distance,
                              includeInferred: Bool = true) throws -> NetworkReport {
        var options = NetworkReport.Options(at: at, top: top, includeInferred: includeInferred)
        options.metric.distance = distance
        return try NetworkReport(network: network, options: options)
    }

    /// `actornet export --format FORMAT` to standard output (CSV: one table).
    static func export(_ network: Network, format: NetworkFormat, settings: ExportSettings) throws -> [UInt8] {
        do {
            let result = try Exporter.export(network, format: format, settings: settings, toFiles: false)
            return try result.outputs.flatMap { try $0.bytes() }
        } catch {
            throw APIError(.unprocessableContent, "cannot write this network as \(format.name): \(error)", field: "format")
        }
    }

    /// `actornet render -o FILE.svg`: the network as of `at` (nil: every date) drawn by Graphviz.
    /// Graphviz settings by the drawn network's size unless `layout` or `splines` is given;
    /// Graphviz is killed when the request's deadline passes or its client leaves (the
    /// `Cancellation` `Deadline` runs this under).
    static func svg(_ network: Network, at: PartialDate?, layout: GraphvizLayout?, splines: GraphvizSettings.Splines? = nil,
                    clusters: Bool, colourBy: Metric?, sizeBy: Metric?) throws -> [UInt8] {
        let (dot, _, settings) = DOTWriter.drawing(network, at: at, clusters: clusters, colourBy: colourBy, sizeBy: sizeBy,
                                                   layout: layout, splines: splines)
        do {
            return try Graphviz.render(dot, layout: settings.layout, format: "svg")
        } catch {
            throw APIError(error.notInstalled ? .serviceUnavailable : .internalServerError, error.message)
        }
    }
}
