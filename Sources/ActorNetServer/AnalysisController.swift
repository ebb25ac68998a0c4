import ActorNetCore
import ActorNetIO
import ActorNetReports
import Foundation
import Hummingbird

/// The analyses of a stored network, each the JSON of the CLI command of the same name; and its
/// exports and drawing. Every handler: check the parameters, then compute through the cache
/// under the time limit.
struct AnalysisController: Sendable {
    let services: Services

    func register(on router: Router<ServerContext>) {
        router.get("/v1/networks/{name}/metrics", use: metrics)
        router.get("/v1/networks/{name}/hedging", use: hedging)
        router.get("/v1/networks/{name}/balance", use: balance)
        router.get("/v1/networks/{name}/report", use: report)
        router.get("/v1/networks/{name}/dyad", use: dyad)
        router.get("/v1/networks/{name}/dyad.svg", use: dyadSVG)
        router.get("/v1/networks/{name}/export", use: export)
        router.get("/v1/networks/{name}/render.svg", use: render)
        router.get("/v1/networks/{name}/timeline", use: timeline)
        router.get("/v1/networks/{name}/timeline.svg", use: timelineSVG)
    }

    /// `actornet metrics FILE --format json` with every option of the CLI but `--threads`.
    @Sendable func metrics(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: MetricsRequest.queryFields)
        let metrics = try MetricsRequest(query)
        // Checked against the network before the work is queued: unknown kinds or actors are 400s.
        _ = try metrics.view.filter(loaded.network, defaultSign: .positive, defaultDirection: .undirected)
        _ = try ViewRequest.request { () throws(RequestError) in try metrics.options(for: loaded.network) }
        let (network, file) = (loaded.network, loaded.name)
        return try await json(loaded, "metrics?\(query.canonical)") { try Analyses.metrics(network, file: file, metrics) }
    }

    @Sendable func hedging(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: ViewRequest.fields)
        let filter = try ViewRequest(query).filter(loaded.network, defaultSign: nil, defaultDirection: .undirected)
        let (network, file) = (loaded.network, loaded.name)
        return try await json(loaded, "hedging?\(query.canonical)") { try Analyses.hedging(network, file: file, filter: filter) }
    }

    @Sendable func balance(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: ViewRequest.fields + ["method", "exact_limit", "seed"])
        let filter = try ViewRequest(query).filter(loaded.network, defaultSign: nil, defaultDirection: .undirected)
        var frustration = FrustrationIndex()
        frustration.method = try query.choice("method", FrustrationIndex.Method.self) ?? .automatic
        frustration.exactLimit = try query.int("exact_limit", atLeast: 1) ?? frustration.exactLimit
        frustration.seed = try query.int("seed", atLeast: 0).map(UInt64.init) ?? frustration.seed
        let (network, file, index) = (loaded.network, loaded.name, frustration)
        return try await json(loaded, "balance?\(query.canonical)") {
            try Analyses.balance(network, file: file, filter: filter, frustration: index)
        }
    }

    @Sendable func report(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: ["at", "top", "distance", "no_inferred"])
        let at = try query.date(in: loaded.network)
        let top = try query.int("top", atLeast: 1) ?? 5
        let distance = try query.choice("distance", Distance.self) ?? .inverse
        let includeInferred = !(try query.bool("no_inferred"))
        let (network, file) = (loaded.network, loaded.name)
        return try await json(loaded, "report?\(query.canonical)") {
            try Analyses.report(network, file: file, at: at, top: top, distance: distance, includeInferred: includeInferred)
        }
    }

    /// `actornet dyad FILE A B --format json`: `a`, `b` (required), `at`, `no_inferred`.
    @Sendable func dyad(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: ["a", "b", "at", "no_inferred"])
        let dyad = try Self.dyadRequest(query, network: loaded.network)
        let (network, file) = (loaded.network, loaded.name)
        return try await json(loaded, "dyad?\(query.canonical)") {
            Array(try DyadReport.json(try Analyses.dyad(network, dyad), file: file).utf8)
        }
    }

    /// `actornet dyad FILE A B --format svg`: say versus do of `a` towards `b` over time, yearly
    /// from `from` (default: the earliest dated relation between them) to `at`.
    @Sendable func dyadSVG(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: ["a", "b", "at", "no_inferred", "from"])
        let dyad = try Self.dyadRequest(query, network: loaded.network)
        let from = try ViewRequest.request { () throws(RequestError) in try RequestValue.date(query["from"], field: "from", example: "2010") }
        let (network, file, start) = (loaded.network, loaded.name, from)
        let body = try await services.computed(loaded, key: "dyad.svg?\(query.canonical)", contentType: MediaType.svg) {
            let result = try Analyses.dyad(network, dyad)
            do {
                return Array(try DyadReport.svgTimeline(network, d: result, file: file, from: start).utf8)
            } catch {
                throw APIError(.unprocessableContent, "\(error)", field: "from")
            }
        }
        return .bytes(body.bytes, contentType: body.contentType)
    }

    /// The dyad a query asks for; 400 naming the field when `a` or `b` is missing.
    static func dyadRequest(_ query: Query, network: Network) throws(APIError) -> Dyad {
        guard let a = query["a"], !a.isEmpty else {
            throw APIError(.badRequest, "a: missing; give the two actors, e.g. a=RUS&b=IRN", field: "a")
        }
        guard let b = query["b"], !b.isEmpty else {
            throw APIError(.badRequest, "b: missing; give the two actors, e.g. a=RUS&b=IRN", field: "b")
        }
        var filter = ViewFilter()
        filter.includeInferred = !(try query.bool("no_inferred"))
        return Dyad(first: a, second: b, at: try query.date(in: network), filter: filter)
    }

    @Sendable func export(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: ExportRequest.fields)
        var export = ExportRequest(format: try query.format("format") ?? .yaml)
        export.withMetrics = try query.bool("with_metrics")
        export.colourBy = query["colour_by"]
        export.sizeBy = query["size_by"]
        export.dynamic = try query.bool("dynamic")
        export.clusters = try query.bool("clusters")
        export.table = try query.choice("table", ExportSettings.CSVTable.self)
        export.direction = try query.choice("direction", ExportSettings.Direction.self)
        export.at = query["at"]
        // Exports hold every relation with its dates unless `at` asks for one snapshot.
        let (network, settings) = try ViewRequest.request { () throws(RequestError) in
            (try export.network(loaded.network), try export.settings())
        }
        let format = export.format
        let body = try await services.computed(loaded, key: "export?\(query.canonical)", contentType: format.contentType) {
            try Analyses.export(network, format: format, settings: settings)
        }
        let filename = format.capabilities.contains(.tables)
            ? "\(loaded.name)-\(settings.csvTable.rawValue).\(format.extensions[0])" : "\(loaded.name).\(format.extensions[0])"
        return .bytes(body.bytes, contentType: body.contentType,
                      headers: [.contentDisposition: "attachment; filename=\"\(filename)\""])
    }

    @Sendable func render(_ request: Request, context: ServerContext) async throws -> Response {
        let loaded = try await services.load(context.parameters.require("name"))
        let query = try Query(request, allowed: ["layout", "splines", "at", "clusters", "colour_by", "size_by"])
        let layout = try query.choice("layout", GraphvizLayoutChoice.self) ?? .auto
        let splines = try query.choice("splines", GraphvizSplinesChoice.self) ?? .auto
        let at = try query.date(in: loaded.network)
        let (clusters, colourBy, sizeBy) = (try query.bool("clusters"), try query.metric("colour_by"), try query.metric("size_by"))
        let network = loaded.network
        let body = try await services.computed(loaded, key: "svg?\(query.canonical)", contentType: MediaType.svg) {
            try Analyses.svg(network, at: at, layout: layout.layout, splines: splines.splines, clusters: clusters,
                             colourBy: colourBy, sizeBy: sizeBy)
        }
        return .bytes(body.bytes, contentType: body.contentType)
    }

    private func json(_ loaded: Services.Loaded, _ key: String,
                      _ work: @escaping @Sendable () throws -> [UInt8]) async throws -> Response {
        let body = try await services.computed(loaded, key: key, contentType: MediaType.json, work)
        return .bytes(body.bytes, contentType: body.contentType)
    }
}
