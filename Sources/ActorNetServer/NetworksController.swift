import ActorNetIO
import ActorNetReports
import Hummingbird
import NIOCore

/// The workspace over HTTP: list, upload (any readable format, stored as native YAML), fetch
/// as node-link JSON, delete. Each network's `ETag` names its version; writes honour `If-Match`
/// and `If-None-Match` and keep the version they replace (see `History`).
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
        for (name, listing) in try await services.listings() {
            // A file that is not a valid network is left out of the list (and logged);
            // GET on it says why.
            switch listing {
            case let .success(entry): entries.append(entry)
            case let .failure(error): context.logger.warning("skipping \(name).yaml: \(error)")
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
        let (entry, created) = try await services.writer.put(name, bytes: yaml, network: network,
                                                             preconditions: Preconditions(request))
        await services.networks.put(entry.version, network, bytes: network.estimatedBytes)
        if yaml.count >= services.workspace.snapshotMinBytes {
            let workspace = services.workspace
            _ = try? await Deadline.run(limit: services.computeTimeout, gauge: services.gauge) {
                workspace.writeSnapshot(network, version: entry.version)
            }
        }
        let listing = services.listing(Services.Loaded(name: name, hash: entry.version, modified: entry.modified, network: network))
        var response = Response.json(try JSONOutput.encode(listing), status: created ? .created : .ok)
        response.headers[.eTag] = Preconditions.etag(entry.version)
        return response
    }

    @Sendable func get(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        let loaded = try await services.load(context.parameters.require("name"))
        let etag = Preconditions.etag(loaded.hash)
        if Preconditions(request).noneMatch(etag) {
            return Response(status: .notModified, headers: [.eTag: etag])
        }
        let network = loaded.network
        let body = try await services.computed(loaded, key: "node-link", contentType: MediaType.json) {
            try Analyses.export(network, format: .json, settings: ExportSettings())
        }
        return .bytes(body.bytes, contentType: body.contentType, headers: [.eTag: etag])
    }

    @Sendable func delete(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        let name = try Workspace.validate(context.parameters.require("name"))
        try await services.writer.delete(name, preconditions: Preconditions(request))
        return Response(status: .noContent)
    }
}
