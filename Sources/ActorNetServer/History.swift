import ActorNetCore
import ActorNetIO
import Foundation
import Hummingbird

/// Every version a network has had, so no write loses one: `.actornet/history/NAME/VERSION.yaml`
/// (the bytes, as they were) and `VERSION.json` (when the version last became current, its size
/// and counts). Every PUT, DELETE and restore keeps the version it replaces and the one it
/// writes; the newest `retention` per network are kept (never the current one dropped). A deleted
/// network's history stays, so it can be listed and restored.
///
/// A version id is `contentHash` of the YAML: 16 hexadecimal digits of its FNV-1a 64-bit hash, a
/// dash and its length in bytes. The same content always has the same id, so uploading a version
/// again, or restoring one, makes that entry current again rather than adding a copy.
struct History: Sendable {
    /// One version's record.
    struct Version: Codable, Sendable {
        var version: String
        /// When it last became current (seconds since 1970).
        var time: Double
        var size: Int
        var actors: Int?
        var relations: Int?
    }

    let root: String
    /// Versions kept per network, the current one included.
    let retention: Int

    init(workspace: Workspace, keep: Int) {
        root = (workspace.hidden as NSString).appendingPathComponent("history")
        retention = max(1, keep)
    }

    /// Checks a version id from a URL path segment.
    static func validate(_ raw: String) throws(APIError) -> String {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 16, parts[0].allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
              !parts[1].isEmpty, parts[1].count <= 19, parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else {
            throw APIError(.badRequest, "invalid version id '\(raw)': a version id is 16 lowercase hexadecimal digits, "
                + "a dash and a size in bytes (e.g. 3f2a9c0d1b7e4a55-10422); GET /v1/networks/NAME/versions lists them",
                field: "version")
        }
        return raw
    }

    func folder(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }
    func yamlPath(_ name: String, _ version: String) -> String {
        (folder(name) as NSString).appendingPathComponent("\(version).yaml")
    }
    private func recordPath(_ name: String, _ version: String) -> String {
        (folder(name) as NSString).appendingPathComponent("\(version).json")
    }

    /// The recorded versions of `name`, newest first (ties by id).
    func versions(_ name: String) -> [Version] {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder(name)) else { return [] }
        return files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.compactMap { file in
            FileManager.default.contents(atPath: (folder(name) as NSString).appendingPathComponent(file))
                .flatMap { try? JSONDecoder().decode(Version.self, from: $0) }
        }
        .filter { FileManager.default.fileExists(atPath: yamlPath(name, $0.version)) }
        .sorted { ($0.time, $0.version) > ($1.time, $1.version) }
    }

    func record(_ name: String, _ version: String) -> Version? {
        FileManager.default.contents(atPath: recordPath(name, version)).flatMap { try? JSONDecoder().decode(Version.self, from: $0) }
    }

    /// The bytes of a kept version; 404 naming the versions there are.
    func bytes(_ name: String, _ version: String) throws(APIError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: yamlPath(name, version)) else {
            let known = versions(name).map(\.version)
            throw APIError(.notFound, "network '\(name)' has no version \(version); "
                + (known.isEmpty ? "it has no history" : "its versions, newest first: \(known.prefix(10).joined(separator: ", "))")
                + " (GET /v1/networks/\(name)/versions)", field: "version")
        }
        return [UInt8](data)
    }

    /// Keeps `version` of `name`: its bytes (written if not kept yet; `bytes` gives them) and its
    /// record. `becameCurrent` sets its time to now; otherwise a version already kept keeps its
    /// time (and a new one gets `time`).
    func keep(_ name: String, version: String, bytes: () throws(APIError) -> [UInt8], actors: Int?, relations: Int?,
              becameCurrent: Bool, time: Date = Date()) throws(APIError) {
        do {
            try FileManager.default.createDirectory(atPath: folder(name), withIntermediateDirectories: true)
            let existing = record(name, version)
            if existing == nil || !FileManager.default.fileExists(atPath: yamlPath(name, version)) {
                try AtomicFile.write(try bytes(), to: yamlPath(name, version))
            }
            var entry = existing ?? Version(version: version, time: time.timeIntervalSince1970,
                                            size: Int(version.split(separator: "-").last.flatMap { Int($0) } ?? 0))
            if becameCurrent { entry.time = time.timeIntervalSince1970 }
            entry.actors = actors ?? entry.actors
            entry.relations = relations ?? entry.relations
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try AtomicFile.write(Array(try encoder.encode(entry)), to: recordPath(name, version))
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.internalServerError, "cannot keep version \(version) of '\(name)' in '\(folder(name))' "
                + "(the network is unchanged): \(error)")
        }
    }

    /// Records the counts of a kept version once known.
    func setCounts(_ name: String, _ version: String, actors: Int, relations: Int) {
        guard var entry = record(name, version) else { return }
        entry.actors = actors
        entry.relations = relations
        if let data = try? JSONEncoder().encode(entry) { try? AtomicFile.write(Array(data), to: recordPath(name, version)) }
    }

    /// Drops the oldest versions beyond `retention`, never `current`; returns the dropped ids.
    @discardableResult
    func prune(_ name: String, current: String?) -> [String] {
        let all = versions(name)
        var slots = retention - (all.contains { $0.version == current } ? 1 : 0)
        var dropped: [String] = []
        for entry in all where entry.version != current {
            if slots > 0 { slots -= 1 } else { dropped.append(entry.version) }
        }
        for version in dropped {
            unlink(recordPath(name, version))
            unlink(yamlPath(name, version))
        }
        return dropped
    }

    /// Every version kept for any network (for pruning snapshots).
    func allVersions() -> Set<String> {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        var all = Set<String>()
        for name in names where !name.hasPrefix(".") {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder(name))) ?? [] where file.hasSuffix(".yaml") {
                all.insert(String(file.dropLast(5)))
            }
        }
        return all
    }
}

/// `If-Match` and `If-None-Match` of a write, checked against the current version while the
/// write holds the workspace, so a client cannot overwrite a newer upload it has not seen.
struct Preconditions: Sendable {
    var ifMatch: String?
    var ifNoneMatch: String?

    init(ifMatch: String? = nil, ifNoneMatch: String? = nil) {
        self.ifMatch = ifMatch
        self.ifNoneMatch = ifNoneMatch
    }

    init(_ request: Request) {
        ifMatch = request.headers[.ifMatch]
        ifNoneMatch = request.headers[.ifNoneMatch]
    }

    /// The `ETag` value naming a version.
    static func etag(_ version: String) -> String { "\"\(version)\"" }

    /// The entity tags of a header: `*`, or a comma-separated list; weak tags (`W/"…"`) are kept
    /// as written and so never match (RFC 9110 compares strongly for If-Match).
    private static func tags(_ header: String) -> [String] {
        header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether a GET's `If-None-Match` names `etag` (or is `*`): the client's copy is current,
    /// so 304 answers it without a body.
    func noneMatch(_ etag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        let tags = Self.tags(ifNoneMatch).map { $0.hasPrefix("W/") ? String($0.dropFirst(2)) : $0 }
        return tags.contains("*") || tags.contains(etag)
    }

    /// 412, with the current `ETag`, when a condition fails for network `name` at `current`.
    func check(_ name: String, current: String?) throws(APIError) {
        let headers: HTTPFields = current.map { [.eTag: Self.etag($0)] } ?? [:]
        let now = current.map { "its current version is \(Self.etag($0))" } ?? "it does not exist"
        if let ifMatch {
            let tags = Self.tags(ifMatch)
            let matches = current.map { version in tags.contains("*") || tags.contains(Self.etag(version)) } ?? false
            if !matches {
                throw APIError(.preconditionFailed, "If-Match: \(ifMatch) does not match network '\(name)': \(now); "
                    + (current == nil ? "PUT without If-Match to create it"
                        : "GET /v1/networks/\(name) for that version, reapply your change and send If-Match: "
                        + "\(Self.etag(current!)), or leave If-Match out to write regardless"),
                    field: "If-Match", headers: headers)
            }
        }
        if let ifNoneMatch, let current {
            let tags = Self.tags(ifNoneMatch)
            if tags.contains("*") || tags.contains(Self.etag(current)) {
                throw APIError(.preconditionFailed, "If-None-Match: \(ifNoneMatch): network '\(name)' exists and \(now); "
                    + "leave If-None-Match out to overwrite it (with If-Match: \(Self.etag(current)) to overwrite only "
                    + "that version)", field: "If-None-Match", headers: headers)
            }
        }
    }
}

/// The workspace's writes, one at a time: check the preconditions, keep the version being
/// replaced, write, keep the new version, update the index, prune the history. Readers never
/// wait for it: they see the old file or the new one, and the index follows the files.
actor WorkspaceWriter {
    let workspace: Workspace
    let history: History

    init(workspace: Workspace, history: History) {
        self.workspace = workspace
        self.history = history
    }

    /// The current entry of `name`, nil when there is none.
    private func current(_ name: String) throws(APIError) -> Workspace.Entry? {
        guard FileStamp(of: workspace.path(name)) != nil else { return nil }
        do throws(APIError) {
            return try workspace.entry(name).entry
        } catch {
            if error.status == .notFound { return nil }
            throw error
        }
    }

    /// Keeps the current version of `name` in the history before it is replaced (a version
    /// written by hand is not there yet).
    private func keepCurrent(_ name: String, _ entry: Workspace.Entry) throws(APIError) {
        let workspace = workspace
        try history.keep(name, version: entry.version, bytes: { () throws(APIError) -> [UInt8] in
            guard let data = FileManager.default.contents(atPath: workspace.path(name)) else { throw workspace.notFound(name) }
            return [UInt8](data)
        }, actors: entry.actors, relations: entry.relations, becameCurrent: false, time: entry.modified)
    }

    /// Stores `bytes` (the YAML of `network`) as `name`.
    func put(_ name: String, bytes: [UInt8], network: Network, preconditions: Preconditions)
        throws(APIError) -> (entry: Workspace.Entry, created: Bool) {
        try workspace.checkWritable(name)
        let current = try current(name)
        try preconditions.check(name, current: current?.version)
        if let current { try keepCurrent(name, current) }
        let written = try workspace.write(name, bytes: bytes, network: network)
        try history.keep(name, version: written.entry.version, bytes: { () throws(APIError) -> [UInt8] in bytes },
                         actors: network.actors.count, relations: network.relations.count, becameCurrent: true)
        prune(name, current: written.entry.version)
        return written
    }

    func delete(_ name: String, preconditions: Preconditions) throws(APIError) {
        try workspace.checkWritable(name)
        guard let current = try current(name) else { throw workspace.notFound(name) }
        try preconditions.check(name, current: current.version)
        try keepCurrent(name, current)
        try workspace.delete(name)
        prune(name, current: nil)
    }

    /// Makes the kept `version` current again; returns the new entry and whether the network
    /// had been deleted.
    func restore(_ name: String, version: String, preconditions: Preconditions)
        throws(APIError) -> (entry: Workspace.Entry, created: Bool) {
        try workspace.checkWritable(name)
        let current = try current(name)
        try preconditions.check(name, current: current?.version)
        let bytes = try history.bytes(name, version)
        guard contentHash(bytes) == version else {
            throw APIError(.internalServerError, "the kept version \(version) of '\(name)' is damaged (its bytes no longer "
                + "hash to its id); restore another version (GET /v1/networks/\(name)/versions)", field: "version")
        }
        if let current { try keepCurrent(name, current) }
        let record = history.record(name, version)
        let written = try workspace.write(name, bytes: bytes, network: nil)
        if let actors = record?.actors, let relations = record?.relations {
            var entry = written.entry
            entry.actors = actors
            entry.relations = relations
            workspace.update(name, entry)
        }
        try history.keep(name, version: version, bytes: { () throws(APIError) -> [UInt8] in bytes },
                         actors: nil, relations: nil, becameCurrent: true)
        prune(name, current: version)
        return (try workspace.entry(name).entry, written.created)
    }

    private func prune(_ name: String, current: String?) {
        let dropped = history.prune(name, current: current)
        if !dropped.isEmpty { workspace.pruneSnapshots(keeping: history.allVersions()) }
    }
}
