import ActorNetCore
import ActorNetIO
import ActorNetReports
import Foundation
import Hummingbird

/// The versions of a network (see `History`): list them, fetch one, diff two, restore one.
struct VersionsController: Sendable {
    let services: Services

    func register(on router: Router<ServerContext>) {
        router.get("/v1/networks/{name}/versions", use: list)
        router.get("/v1/networks/{name}/versions/{version}", use: get)
        router.get("/v1/networks/{name}/versions/{version}/diff", use: diff)
        router.post("/v1/networks/{name}/versions/{version}/restore", use: restore)
    }

    struct Listing: Encodable {
        struct Entry: Encodable {
            var version: String
            /// When it last became current, ISO 8601 in UTC with milliseconds.
            var time: String
            var size: Int
            var actors: Int?
            var relations: Int?
            var current: Bool
        }
        var name: String
        /// The current version; nil when the network was deleted.
        var current: String?
        var versions: [Entry]
    }

    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        let name = try Workspace.validate(context.parameters.require("name"))
        let current = try? services.workspace.entry(name).entry.version
        var kept = services.history.versions(name)
        if let current, !kept.contains(where: { $0.version == current }) {
            // Written by hand since the last write through the server: not kept yet, but current.
            let entry = try services.workspace.entry(name).entry
            kept.insert(History.Version(version: current, time: entry.modified.timeIntervalSince1970,
                                        size: Int(entry.stamp.size), actors: entry.actors, relations: entry.relations), at: 0)
        }
        guard !kept.isEmpty else { throw services.workspace.notFound(name) }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var entries: [Listing.Entry] = []
        for version in kept {
            var (actors, relations) = (version.actors, version.relations)
            if actors == nil || relations == nil {
                // Kept without its counts (a file edited by hand): parse it once and remember them.
                let loaded = version.version == current ? try await services.load(name)
                    : try await services.load(name, version: version.version)
                (actors, relations) = (loaded.network.actors.count, loaded.network.relations.count)
                services.history.setCounts(name, version.version, actors: actors!, relations: relations!)
            }
            entries.append(Listing.Entry(version: version.version,
                                         time: formatter.string(from: Date(timeIntervalSince1970: version.time)),
                                         size: version.size, actors: actors, relations: relations,
                                         current: version.version == current))
        }
        return .json(try JSONOutput.encode(Listing(name: name, current: current, versions: entries)))
    }

    /// One version as node-link JSON (what `GET /v1/networks/{name}` gives for the current one),
    /// or its stored YAML with `format=yaml`.
    @Sendable func get(_ request: Request, context: ServerContext) async throws -> Response {
        let query = try Query(request, allowed: ["format"])
        let (name, version) = try path(context)
        let etag: HTTPFields = [.eTag: Preconditions.etag(version)]
        switch query["format"] ?? "json" {
        case "yaml":
            let bytes: [UInt8]
            if let (entry, read) = try? services.workspace.entry(name), entry.version == version {
                guard let data = read ?? FileManager.default.contents(atPath: services.workspace.path(name)).map({ [UInt8]($0) })
                else { throw services.workspace.notFound(name) }
                bytes = data
            } else {
                bytes = try services.history.bytes(name, version)
            }
            return .bytes(bytes, contentType: "application/yaml", headers: etag)
        case "json":
            let loaded = try await load(name, version)
            let network = loaded.network
            let body = try await services.computed(loaded, key: "node-link", contentType: MediaType.json) {
                try Analyses.export(network, format: .json, settings: ExportSettings())
            }
            return .bytes(body.bytes, contentType: body.contentType, headers: etag)
        case let other:
            throw APIError(.badRequest, "format: '\(other)' is not a version format; use json (node-link, the default) "
                + "or yaml (the stored file)", field: "format")
        }
    }

    /// `actornet diff OLD NEW --format json` between this version and `to` (another version id,
    /// or `current`, the default): each as of its own latest relation start, or both `at` a date,
    /// or `all_dates`; `kinds` and `no_inferred` as in the CLI.
    @Sendable func diff(_ request: Request, context: ServerContext) async throws -> Response {
        let query = try Query(request, allowed: ["to", "at", "all_dates", "kinds", "no_inferred"])
        let (name, version) = try path(context)
        let to = query["to"] ?? "current"
        let before = try await load(name, version)
        let after: Services.Loaded
        if to == "current" {
            after = try await services.load(name)
        } else {
            let other: String
            do {
                other = try History.validate(to)
            } catch {
                throw APIError(.badRequest, "to: '\(to)' is neither 'current' nor a version id (16 lowercase hexadecimal "
                    + "digits, a dash and a size); GET /v1/networks/\(name)/versions lists them", field: "to")
            }
            after = try await load(name, other)
        }
        let at = try ViewRequest.request { () throws(RequestError) in try RequestValue.date(query["at"], field: "at", example: "2015") }
        let allDates = try query.bool("all_dates")
        if at != nil, allDates {
            throw APIError(.badRequest, "at and all_dates contradict each other; give one", field: "all_dates")
        }
        let beforeDate: PartialDate?, afterDate: PartialDate?
        if allDates {
            (beforeDate, afterDate) = (nil, nil)
        } else if let at {
            (beforeDate, afterDate) = (at, at)
        } else {
            (beforeDate, afterDate) = (before.network.latestStart, after.network.latestStart)
        }
        func filter(_ network: Network, _ date: PartialDate?) throws(APIError) -> ViewFilter {
            var filter = ViewFilter(at: date, direction: .undirected, includeInferred: !(try query.bool("no_inferred")))
            if let kinds = query["kinds"] {
                filter.kinds = Set(kinds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
                let unknown = filter.unknownKinds(in: network)
                if !unknown.isEmpty {
                    throw APIError(.badRequest, "kinds: " + ViewError.unknownKinds(unknown, known: network.kinds.map(\.name)).description,
                                   field: "kinds")
                }
            }
            return filter
        }
        let beforeFilter = try filter(before.network, beforeDate), afterFilter = try filter(after.network, afterDate)
        func label(_ loaded: Services.Loaded, _ date: PartialDate?) -> String {
            "\(name)@\(loaded.hash) " + (date.map { "as of \($0)" } ?? "all dates")
        }
        let view = query["kinds"].map { "relations of kinds \($0), read as undirected (undated relations count as always present)" }
            ?? "relations of both signs, read as undirected (undated relations count as always present)"
        let sides = DiffReport.Sides(before: label(before, beforeDate), after: label(after, afterDate), view: view)
        let (old, new) = (before.network, after.network)
        let body = try await services.computed(before, key: "diff?after=\(after.hash)&\(query.canonical)", contentType: MediaType.json) {
            let diff = try NetworkDiff(before: old, beforeFilter: beforeFilter, after: new, afterFilter: afterFilter)
            return Array(try DiffReport.json(diff, sides: sides).utf8)
        }
        return .bytes(body.bytes, contentType: body.contentType)
    }

    /// Makes a kept version current again (the version it replaces is kept too); honours
    /// `If-Match`. 200 with the network's listing and `ETag`, 201 when it brings back a deleted
    /// network.
    @Sendable func restore(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        let (name, version) = try path(context)
        let (entry, created) = try await services.writer.restore(name, version: version, preconditions: Preconditions(request))
        let loaded = try await services.load(name)
        var response = Response.json(try JSONOutput.encode(services.listing(loaded)), status: created ? .created : .ok)
        response.headers[.eTag] = Preconditions.etag(entry.version)
        return response
    }

    private func path(_ context: ServerContext) throws -> (name: String, version: String) {
        (try Workspace.validate(context.parameters.require("name")), try History.validate(context.parameters.require("version")))
    }

    /// A version: the current network's when it is the current one (it may not be kept yet if
    /// written by hand), else the kept one.
    private func load(_ name: String, _ version: String) async throws(APIError) -> Services.Loaded {
        if let (entry, _) = try? services.workspace.entry(name), entry.version == version { return try await services.load(name) }
        return try await services.load(name, version: version)
    }
}
