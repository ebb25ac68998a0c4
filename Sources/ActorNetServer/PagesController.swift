import ActorNetCore
import ActorNetIO
import Hummingbird

/// The two HTML pages (`HTMLReport`): the workspace and one network with its report, metrics,
/// drawing and timeline. Same data, cache and time limit as the JSON routes.
struct PagesController: Sendable {
    let services: Services

    func register(on router: Router<ServerContext>) {
        router.get("/", use: index)
        router.get("/networks/{name}", use: network)
    }

    @Sendable func index(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        var listings: [HTMLReport.Listing] = []
        for (name, listing) in try await services.listings() {
            // A file that does not load is listed with its problem rather than hidden.
            switch listing {
            case let .success(entry):
                listings.append(HTMLReport.Listing(name: entry.name, actors: entry.actors, relations: entry.relations,
                                                   modified: entry.modified))
            case .failure:
                listings.append(HTMLReport.Listing(name: name, actors: 0, relations: 0,
                                                   modified: "invalid file: see /v1/networks/\(name)"))
            }
        }
        return .bytes(Array(HTMLReport.index(listings, title: "ActorNet").utf8), contentType: MediaType.html)
    }

    @Sendable func network(_ request: Request, context: ServerContext) async throws -> Response {
        do {
            let query = try Query(request, allowed: ["a", "b"])
            let loaded = try await services.load(context.parameters.require("name"))
            let (network, name) = (loaded.network, loaded.name)
            // The "does A support B?" section: the pair asked for, or the page's default pair.
            var pair: Dyad?
            if query["a"] != nil || query["b"] != nil {
                pair = try AnalysisController.dyadRequest(query, network: network)
            }
            let dyad = pair
            let body = try await services.computed(loaded, key: query.canonical.isEmpty ? "page" : "page?\(query.canonical)",
                                                   contentType: MediaType.html) {
                try Analyses.networkPage(network, name: name, dyad: dyad)
            }
            return .bytes(body.bytes, contentType: body.contentType)
        } catch let error as APIError {
            // A browser gets a page, not the API's JSON.
            return .bytes(Array(HTMLReport.errorPage(status: Int(error.status.code), message: error.message).utf8),
                          status: error.status, contentType: MediaType.html)
        }
    }
}
