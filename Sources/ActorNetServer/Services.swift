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
    /// Runs every computation: light at once, heavy on a bounded pool, identical ones merged.
    let scheduler: Scheduler
    /// Where work counts as heavy.
    let costs: WorkCosts

    init(arguments: ServerArguments, logger: Logger) {
        scheduler = Scheduler(heavyWorkers: arguments.heavyWorkers, heavyQueue: arguments.heavyQueue,
                              gauge: arguments.gauge, beforeWork: arguments.beforeWork)
        costs = arguments.costs
        arguments.lifecycle.register(scheduler)
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
        // Parsing a large file is CPU work like any analysis: off the cooperative pool, within the
        // request's time limit, once however many requests ask for it.
        let bytes = stored.bytes
        let result: LoadResult
        do {
            result = try await schedule(key: "load \(hash)", bytes.count > costs.parseBytes ? .heavy : .light, acceptsJob: false) {
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
    /// within the request's time limit, on the pool its estimated cost calls for (`WorkCosts`),
    /// once for every request asking the same at the same time (`Scheduler`). Work whose
    /// requests have all gone (time limit, client left, job cancelled) is cancelled; only whole
    /// results are cached.
    func computed(_ loaded: Loaded, key: String, contentType: String,
                  _ work: @escaping @Sendable () throws -> [UInt8]) async throws -> Body {
        let fullKey = "\(loaded.hash) \(key)"
        if let hit = await results.get(fullKey) {
            Job.current?.captured(hit)
            return hit
        }
        let workClass = costs.classify(key: key, network: loaded.network)
        let body = try await schedule(key: fullKey, workClass, store: { await results.put(fullKey, $0) }) {
            Body(bytes: try work(), contentType: contentType)
        }
        Job.current?.captured(body)
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
