import ActorNetIO
import ActorNetReports
import Hummingbird
import NIOCore

/// The workspace over HTTP: list, upload (any readable format, stored as native YAML), fetch
/// as node-link JSON, delete.
struct NetworksController: Sendable {
    let services: Services

    func register(on router: Router<ServerContext>) {
        router.get("/v1/networks", use: list)
        router.put("/v1/networks/{name}", use: put)
        router.get("/v1/networks/{name}", use: get)
        router.delete("/v1/networks/{name}", use: delete)
    }

    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        var entries: [NetworkListing] = []
        for name in try services.workspace.names() {
            // A file that is not a valid network is left out of the list (and logged);
            // GET on it says why.
            do {
                entries.append(services.listing(try await services.load(name)))
            } catch {
                context.logger.warning("skipping \(name).yaml: \(error)")
            }
        }
        return .json(try JSONOutput.encode(entries))
    }

    @Sendable func put(_ request: Request, context: ServerContext) async throws -> Response {
        let name = try Workspace.validate(context.parameters.require("name"))
        _ = try Query(request, allowed: [])
        let (format, type) = try Upload.format(contentType: request.headers[.contentType])
        let bytes = try await Upload.body(request, limit: services.maxBodyBytes)
        let result = try await Deadline.run(limit: services.computeTimeout, gauge: services.gauge) {
            Upload.read(bytes, format: format, type: type, name: name)
        }
        guard let network = result.network else {
            throw APIError(.unprocessableContent, "the document is not a valid network: \(result.diagnostics.errors.count) "
                + "error(s); each diagnostic gives its line and column", diagnostics: result.diagnostics)
        }
        let yaml = Array(NativeWriter.yaml(network).utf8)
        let created = try services.workspace.write(name, bytes: yaml)
        await services.networks.put(contentHash(yaml), network)
        let listing = services.listing(try await services.load(name))
        return .json(try JSONOutput.encode(listing), status: created ? .created : .ok)
    }

    @Sendable func get(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        let loaded = try await services.load(context.parameters.require("name"))
        let network = loaded.network
        let body = try await services.computed(loaded, key: "node-link", contentType: MediaType.json) {
            try Analyses.export(network, format: .json, settings: ExportSettings())
        }
        return .bytes(body.bytes, contentType: body.contentType)
    }

    @Sendable func delete(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        let name = try Workspace.validate(context.parameters.require("name"))
        try services.workspace.delete(name)
        return Response(status: .noContent)
    }
}
