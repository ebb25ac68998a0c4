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
    /// Every write goes through it: preconditions, history, index (see `WorkspaceWriter`).
    let writer: WorkspaceWriter
    let history: History
    let maxBodyBytes: Int
    let computeTimeout: Duration
    let logger: Logger
    /// The computations running and cancelled (tests watch it).
    let gauge: ComputationGauge
    /// Parsed networks by version id, bounded by their estimated size (half of `--cache-bytes`):
    /// a request parses (or decodes the snapshot of) a version only once while it stays in use.
    let networks: ResultCache<Network>
    /// Response bodies by version id, route and parameters, bounded by their length (the other
    /// half of `--cache-bytes`).
    let results: ResultCache<Body>

    /// Runs every computation: light at once, heavy on a bounded pool, identical ones merged.
    let scheduler: Scheduler
    /// Where work counts as heavy.
    let costs: WorkCosts

    init(arguments: ServerArguments, logger: Logger) {
        scheduler = Scheduler(heavyWorkers: arguments.heavyWorkers, heavyQueue: arguments.heavyQueue,
                              gauge: arguments.gauge, beforeWork: arguments.beforeWork)
        costs = arguments.costs
        arguments.lifecycle.register(scheduler)
        workspace = Workspace(directory: arguments.workspace, statistics: arguments.storeStatistics,
                              snapshotMinBytes: arguments.snapshotMinBytes)
        history = History(workspace: workspace, keep: arguments.keepVersions)
        writer = WorkspaceWriter(workspace: workspace, history: history)
        networks = ResultCache(capacityBytes: arguments.cacheBytes / 2)
        results = ResultCache(capacityBytes: arguments.cacheBytes - arguments.cacheBytes / 2)
        maxBodyBytes = arguments.maxBodyBytes
        computeTimeout = arguments.computeTimeout
        gauge = arguments.gauge
        self.logger = logger
        // Snapshots of versions neither current nor kept (pruned, or replaced by hand) go.
        workspace.pruneSnapshots(keeping: history.allVersions())
        let removed = arguments.storeStatistics.current.temporariesRemoved
        if removed > 0 { logger.notice("removed \(removed) temporary file(s) left by interrupted writes in \(arguments.workspace)") }
    }

    /// The network stored under `rawName`: 400 for a bad name, 404 for an unknown one, 500 when
    /// the stored file is not a valid network (someone edited the workspace by hand), 503 when
    /// parsing it takes longer than the time limit. The file is only stat'ed when the index
    /// knows its current state and the cache holds its version.
    func load(_ rawName: String) async throws(APIError) -> Loaded {
        let name = try Workspace.validate(rawName)
        let (entry, bytes) = try workspace.entry(name)
        return try await load(name, entry, bytes: bytes)
    }

    /// `load` once the index entry is known (with the file's bytes when they were just read).
    private func load(_ name: String, _ entry: Workspace.Entry, bytes: [UInt8]?) async throws(APIError) -> Loaded {
        let workspace = workspace
        let path = workspace.path(name)
        let network = try await parsed(entry.version, file: "\(name).yaml", size: Int(entry.stamp.size), yaml: bytes) { () throws(APIError) -> [UInt8] in
            guard let data = FileManager.default.contents(atPath: path) else { throw workspace.notFound(name) }
            workspace.statistics.count(\.fileReads)
            return [UInt8](data)
        }
        workspace.setCounts(name, version: entry.version, network: network)
        return Loaded(name: name, hash: entry.version, modified: entry.modified, network: network)
    }

    /// A kept version of a network (see `History`), parsed; 404 when there is no such version.
    func load(_ name: String, version: String) async throws(APIError) -> Loaded {
        let history = history
        let bytes = try history.bytes(name, version)
        guard contentHash(bytes) == version else {
            throw APIError(.internalServerError, "the kept version \(version) of '\(name)' is damaged (its bytes no longer "
                + "hash to its id)", field: "version")
        }
        let network = try await parsed(version, file: "\(name).yaml", size: bytes.count, yaml: bytes) { () throws(APIError) -> [UInt8] in bytes }
        let modified = history.record(name, version).map { Date(timeIntervalSince1970: $0.time) } ?? Date()
        return Loaded(name: name, hash: version, modified: modified, network: network)
    }

    /// The network of `version`: from the cache, else from its snapshot or YAML off the
    /// cooperative pool, under the time limit (parsing a large file is CPU work like any
    /// analysis).
    private func parsed(_ version: String, file: String, size: Int, yaml: [UInt8]?,
                        read: @escaping @Sendable () throws(APIError) -> [UInt8]) async throws(APIError) -> Network {
        if let network = await networks.get(version) { return network }
        let workspace = workspace
        let network: Network
        do {
            network = try await schedule(key: "load \(version)", size > costs.parseBytes ? .heavy : .light, acceptsJob: false) {
                try workspace.parse(version: version, file: file, yaml: yaml, read: read)
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.internalServerError, "cannot read \(file): \(error)")
        }
        await networks.put(version, network, bytes: network.estimatedBytes)
        return network
    }

    /// The listing entry of a network.
    func listing(_ loaded: Loaded) -> NetworkListing {
        NetworkListing(name: loaded.name, actors: loaded.network.actors.count,
                       relations: loaded.network.relations.count, modified: NetworkListing.format(loaded.modified))
    }

    /// The listing of every network, from the index: a network is loaded only when its counts
    /// are not known yet (new, or edited by hand). A file that does not load gives its error.
    func listings() async throws(APIError) -> [(name: String, listing: Result<NetworkListing, APIError>)] {
        var out: [(name: String, listing: Result<NetworkListing, APIError>)] = []
        for name in try workspace.networkNames() {
            do {
                let (entry, bytes) = try workspace.entry(name)
                if let actors = entry.actors, let relations = entry.relations {
                    out.append((name, .success(NetworkListing(name: name, actors: actors, relations: relations,
                                                              modified: NetworkListing.format(entry.modified)))))
                } else {
                    out.append((name, .success(listing(try await load(name, entry, bytes: bytes)))))
                }
            } catch {
                out.append((name, .failure(error)))
            }
        }
        return out
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
        let body = try await schedule(key: fullKey, workClass, store: { await results.put(fullKey, $0, bytes: $0.bytes.count + fullKey.utf8.count) }) {
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
