import ActorNetCore
import ActorNetIO
import Hummingbird

/// The two HTML pages (`HTMLReport`): the workspace and one network with its report, metrics
/// and drawing. Same data, cache and time limit as the JSON routes.
struct PagesController: Sendable {
    let services: Services

    func register(on router: Router<BasicRequestContext>) {
        router.get("/", use: index)
        router.get("/networks/{name}", use: network)
    }

    @Sendable func index(_ request: Request, context: BasicRequestContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        var listings: [HTMLReport.Listing] = []
        for name in try services.workspace.names() {
            guard let loaded = try? await services.load(name) else { continue }
            let entry = services.listing(loaded)
            listings.append(HTMLReport.Listing(name: entry.name, actors: entry.actors, relations: entry.relations,
                                               modified: entry.modified))
        }
        return .bytes(Array(HTMLReport.index(listings, title: "ActorNet").utf8), contentType: MediaType.html)
    }

    @Sendable func network(_ request: Request, context: BasicRequestContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        let loaded = try await services.load(context.parameters.require("name"))
        let (network, name) = (loaded.network, loaded.name)
        let body = try await services.computed(loaded, key: "page", contentType: MediaType.html) {
            try Analyses.page(network, name: name)
        }
        return .bytes(body.bytes, contentType: body.contentType)
    }
}
