import ActorNetCore
import ActorNetIO
import ActorNetReports
import Hummingbird

/// `GET /v1/networks/{name}/timeline` (the JSON of `actornet timeline --format json`) and
/// `…/timeline.svg` (its chart), with the CLI's options as query parameters; and the network
/// page with its default timeline.
extension AnalysisController {
    /// The parameters both timeline routes take; `at` is listed only to refuse it clearly.
    static let timelineFields = ["metric", "from", "to", "step", "actors", "top", "kinds", "sign", "channel", "directed",
                                 "distance", "at", "pair", "no_inferred"]

    @Sendable func timeline(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: Self.timelineFields)
        let parameters = try TimelineParameters(query, network: loaded.network)
        let (network, file) = (loaded.network, loaded.name)
        let body = try await services.computed(loaded, key: "timeline?\(query.canonical)", contentType: MediaType.json) {
            Array(try Analyses.timeline(network, file: file, parameters).json().utf8)
        }
        return .bytes(body.bytes, contentType: body.contentType)
    }

    @Sendable func timelineSVG(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: Self.timelineFields + ["width", "height"])
        let parameters = try TimelineParameters(query, network: loaded.network)
        let width = try query.int("width", atLeast: SVGLineChart.minimumWidth) ?? 960
        let height = try query.int("height", atLeast: SVGLineChart.minimumHeight) ?? 540
        for (name, value) in [("width", width), ("height", height)] where value > 10_000 {
            throw APIError(.badRequest, "\(name): \(value) is more than 10000 pixels", field: name)
        }
        let (network, file) = (loaded.network, loaded.name)
        let body = try await services.computed(loaded, key: "timeline.svg?\(query.canonical)", contentType: MediaType.svg) {
            Array(try Analyses.timeline(network, file: file, parameters).svg(width: width, height: height).utf8)
        }
        return .bytes(body.bytes, contentType: body.contentType)
    }
}

/// A timeline request's parameters, checked (400 naming the field) before any work.
struct TimelineParameters: Sendable {
    var measure: TimelineMeasure
    var asked: String
    var from: PartialDate?
    var to: PartialDate?
    var step: TimelineStepSize
    var actors: [String]?
    var top: Int
    var filter: ViewFilter
    var distance: Distance
    /// `say-do`'s ordered pair, `pair=RUS,IRN`.
    var pair: (source: String, target: String)?

    init(_ query: Query, network: Network) throws(APIError) {
        guard let name = query["metric"] else {
            throw APIError(.badRequest, "metric: missing; give the measure, e.g. metric=hedging (valid: "
                + TimelineMeasure.allNames.joined(separator: ", ") + ")", field: "metric")
        }
        guard let measure = TimelineMeasure(name: name) else {
            throw APIError(.badRequest, "metric: \(TimelineError.unknownMeasure(name))", field: "metric")
        }
        if query["at"] != nil {
            throw APIError(.badRequest, "at: does not apply to a timeline, whose steps are the dates; "
                + "give the range with from and to (and step)", field: "at")
        }
        func date(_ field: String) throws(APIError) -> PartialDate? {
            guard let text = query[field] else { return nil }
            guard let date = PartialDate(iso: text) else {
                throw APIError(.badRequest, "\(field): '\(text)' is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD "
                    + "(e.g. \(field)=2015)", field: field)
            }
            return date
        }
        self.measure = measure
        asked = name
        from = try date("from")
        to = try date("to")
        step = try query.choice("step", TimelineStepSize.self) ?? .year
        if let list = query["actors"] {
            let ids = list.split(separator: ",").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
            if ids.isEmpty { throw APIError(.badRequest, "actors: give at least one actor id, e.g. actors=RUS,IRN", field: "actors") }
            actors = ids
        }
        top = try query.int("top", atLeast: 1) ?? 5
        filter = try ViewQuery.filter(query, network: network, defaultSign: measure.defaultSign, defaultDirection: .undirected)
        filter.at = nil
        distance = try query.choice("distance", Distance.self) ?? .inverse
        if let text = query["pair"] {
            let ids = text.split(separator: ",").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
            guard ids.count == 2 else {
                throw APIError(.badRequest, "pair: '\(text)' is not two actor ids; write pair=GIVER,RECEIVER, e.g. pair=RUS,IRN",
                               field: "pair")
            }
            pair = (ids[0], ids[1])
        } else if measure == .sayDo {
            throw APIError(.badRequest, "pair: say-do is measured for one ordered pair; give pair=GIVER,RECEIVER, e.g. pair=RUS,IRN",
                           field: "pair")
        }
    }
}

extension Analyses {
    /// `actornet timeline` with these parameters; a `TimelineError` becomes a 400 naming its field.
    static func timeline(_ network: Network, file: String, _ p: TimelineParameters) throws -> TimelineReport {
        var options = MetricOptions()
        options.distance = p.distance
        do {
            return try TimelineReport.compute(network, file: file, measure: p.measure, asked: p.asked, from: p.from, to: p.to,
                                              step: p.step, filter: p.filter, actors: p.actors, top: p.top, options: options,
                                              pair: p.pair)
        } catch {
            throw APIError(.badRequest, "\(error.field): \(error)", field: error.field)
        }
    }

    /// The network's HTML page: the report and the default metrics as of the latest start, the
    /// drawing (none when Graphviz is missing or fails), and its default timeline
    /// (`TimelineReport.overview`) when the network has dated relations.
    static func networkPage(_ network: Network, name: String, dyad asked: Dyad? = nil) throws -> [UInt8] {
        let at = network.latestStart
        let report = try networkReport(network, at: at, top: 5, distance: .inverse)
        let metrics = try metricsReport(network, file: name, filter: ViewFilter(sign: .positive, at: at, direction: .undirected),
                                        metrics: Metric.defaults, distance: .inverse, distanceName: Distance.inverse.rawValue)
        let svg = (try? svg(network, at: at, layout: "neato", clusters: false, colourBy: .hedges, sizeBy: .betweenness))
            .map { String(decoding: $0, as: UTF8.self) }
        let pair = asked ?? HTMLReport.defaultDyad(network).map { Dyad(first: $0.0, second: $0.1, at: at) }
        let dyad = try pair.map { try Self.dyad(network, $0) }
        // The chart covers the 15 years up to the dyad's date, as the page's timeline does.
        let chart = dyad.flatMap { d -> String? in
            guard let end = d.at ?? network.latestStart, d.hasDates else { return nil }
            let from = PartialDate(year: max(1, end.year - 15))
            return try? DyadReport.svgTimeline(network, d: d, file: name, from: from, width: 960, height: 420)
        }
        return Array(HTMLReport.network(name: name, report: report, metrics: metrics, svg: svg,
                                        timeline: TimelineReport.overview(network, file: name), dyad: dyad,
                                        dyadChart: chart).utf8)
    }
}
