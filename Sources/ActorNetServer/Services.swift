import ActorNetCore
import ActorNetIO
import Foundation
import Hummingbird
import Logging

/// What the controllers share: the workspace, the caches and the limits.
struct Services: Sendable {
    /// A stored network, parsed, with the fingerprint of the bytes it came from.
    struct Loaded: Sendable {
        var name: String
        var hash: String
        var modified: Date
        var network: Network
    }

    /// A computed response body.
    struct Body: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    let workspace: Workspace
    let maxBodyBytes: Int
    let computeTimeout: Duration
    let logger: Logger
    /// The computations running and cancelled (tests watch it).
    let gauge: ComputationGauge
    /// Parsed networks by content hash: a request reads the file (cheap) but parses it only once
    /// per version.
    let networks = ResultCache<Network>(capacity: 32)
    /// Response bodies by content hash, route and parameters.
    let results = ResultCache<Body>(capacity: 256)

    init(arguments: ServerArguments, logger: Logger) {
        workspace = Workspace(directory: arguments.workspace)
        maxBodyBytes = arguments.maxBodyBytes
        computeTimeout = arguments.computeTimeout
        gauge = arguments.gauge
        self.logger = logger
    }

    /// The network stored under `rawName`: 400 for a bad name, 404 for an unknown one, 500 when
    /// the stored file is not a valid network (someone edited the workspace by hand), 503 when
    /// parsing it takes longer than the time limit.
    func load(_ rawName: String) async throws(APIError) -> Loaded {
        let name = try Workspace.validate(rawName)
        let stored = try workspace.read(name)
        let hash = contentHash(stored.bytes)
        if let network = await networks.get(hash) {
            return Loaded(name: name, hash: hash, modified: stored.modified, network: network)
        }
        // Parsing a large file is CPU work like any analysis: off the cooperative pool, under the limit.
        let bytes = stored.bytes
        let result: LoadResult
        do {
            result = try await Deadline.run(limit: computeTimeout, gauge: gauge) {
                NetworkLoader.load(bytes: bytes, file: "\(name).yaml", syntax: .yaml)
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.internalServerError, "cannot read \(name).yaml: \(error)")
        }
        guard let network = result.network else {
            throw APIError(.internalServerError, "the stored file \(name).yaml is not a valid network; "
                + "replace it with PUT /v1/networks/\(name)", diagnostics: result.diagnostics)
        }
        await networks.put(hash, network)
        return Loaded(name: name, hash: hash, modified: stored.modified, network: network)
    }

    /// The listing entry of a network.
    func listing(_ loaded: Loaded) -> NetworkListing {
        NetworkListing(name: loaded.name, actors: loaded.network.actors.count,
                       relations: loaded.network.relations.count, modified: NetworkListing.format(loaded.modified))
    }

    /// The body for `key` of this version of the network: from the cache, or computed by `work`
    /// within the time limit. Work over the limit, or whose client has gone, is cancelled (see
    /// `Deadline`); only whole results are cached.
    func computed(_ loaded: Loaded, key: String, contentType: String,
                  _ work: @escaping @Sendable () throws -> [UInt8]) async throws -> Body {
        let fullKey = "\(loaded.hash) \(key)"
        if let hit = await results.get(fullKey) { return hit }
        let body = try await Deadline.run(limit: computeTimeout, gauge: gauge) {
            Body(bytes: try work(), contentType: contentType)
        }
        await results.put(fullKey, body)
        return body
    }
}

/// One network in `GET /v1/networks`.
struct NetworkListing: Codable, Sendable {
    var name: String
    var actors: Int
    var relations: Int
    /// The file's last change, ISO 8601 in UTC.
    var modified: String

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
