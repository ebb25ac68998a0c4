import ActorNetCore
import ActorNetIO
import ActorNetReports
import Hummingbird

/// `GET /v1/networks/{name}/timeline` (the JSON of `actornet timeline --format json`) and
/// `…/timeline.svg` (its chart), with the CLI's options as query parameters; and the network
/// page with its default timeline.
extension AnalysisController {
    /// The parameters both timeline routes take (the CLI's but `threads`); `at` is listed only
    /// to refuse it clearly.
    static let timelineFields = ViewRequest.fields + TimelineRequest.fields.filter { $0 != "threads" }

    @Sendable func timeline(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: Self.timelineFields)
        let parameters = try TimelineRequest(query)
        let (network, file) = (loaded.network, loaded.name)
        let body = try await services.computed(loaded, key: "timeline?\(query.canonical)", contentType: MediaType.json) {
            Array(try Analyses.timeline(network, file: file, parameters).json().utf8)
        }
        return .bytes(body.bytes, contentType: body.contentType)
    }

    @Sendable func timelineSVG(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: Self.timelineFields + ["width", "height"])
        let parameters = try TimelineRequest(query)
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

extension TimelineRequest {
    init(_ query: Query) throws(APIError) {
        self.init()
        metric = query["metric"]
        from = query["from"]
        to = query["to"]
        step = try query.choice("step", TimelineStepSize.self) ?? step
        actors = query["actors"]
        top = try query.int("top", atLeast: 1) ?? top
        pair = query["pair"]
        view = try ViewRequest(query)
        distance = try query.choice("distance", Distance.self) ?? distance
        _ = try ViewRequest.request { () throws(RequestError) in try checked() }
    }
}

extension Analyses {
    /// `actornet timeline` with these parameters; a bad request is a 400 naming its field.
    static func timeline(_ network: Network, file: String, _ request: TimelineRequest) throws -> TimelineReport {
        let progress = WorkProgress.current.map { sink -> ProgressHandler in
            { done, total in sink.report(stage: "timeline", done: done, total: total) }
        }
        return try ViewRequest.request { () throws(RequestError) in try request.run(on: network, file: file, progress: progress) }
    }

    /// The network's HTML page: the report and the default metrics as of the latest start, the
    /// drawing's URL (the page's script fetches it as a job), and its default timeline
    /// (`TimelineReport.overview`) when the network has dated relations.
    static func networkPage(_ network: Network, name: String, dyad asked: Dyad? = nil) throws -> [UInt8] {
        let at = network.latestStart
        let report = try networkReport(network, at: at, top: 5, distance: .inverse)
        // `actornet metrics` with its defaults: the positive relations as of the latest start.
        guard case let .actors(metrics) = try MetricsRequest().run(on: network, file: name) else {
            throw APIError(.internalServerError, "the default metrics gave pair scores")
        }
        // The drawing is fetched by the page's script as a job: the page does not wait for Graphviz.
        let drawing = "/v1/networks/\(HTMLReport.pathSegment(name))/render.svg?"
            + (at.map { "at=\($0.description)&" } ?? "") + "colour_by=hedges&size_by=betweenness"
        let pair = asked ?? HTMLReport.defaultDyad(network).map { Dyad(first: $0.0, second: $0.1, at: at) }
        let dyad = try pair.map { try Self.dyad(network, $0) }
        // The chart covers the 15 years up to the dyad's date, as the page's timeline does.
        let chart = dyad.flatMap { d -> String? in
            guard let end = d.at ?? network.latestStart, d.hasDates else { return nil }
            let from = PartialDate(year: max(1, end.year - 15))
            return try? DyadReport.svgTimeline(network, d: d, file: name, from: from, width: 960, height: 420)
        }
        return Array(HTMLReport.network(name: name, report: report, metrics: metrics, svg: nil,
                                        timeline: TimelineReport.overview(network, file: name), dyad: dyad,
                                        dyadChart: chart, drawingURL: drawing).utf8)
    }
}
