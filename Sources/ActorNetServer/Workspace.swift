import ActorNetCore
import ActorNetIO
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory of network files: `NAME.yaml` each, in the native YAML `NativeWriter` writes,
/// and an in-memory index of them, so requests do not re-read and re-hash every file.
///
/// The YAML files stay the source of truth that people may edit by hand. The index maps each
/// name to its version id (`contentHash` of the bytes), its file's (size, mtime, inode) and its
/// counts; a request stats the one file it needs (a listing: the directory, then each file) and
/// re-reads a file only when that triple changed. The server's own writes update the index
/// directly. Kept in `.actornet/index.json` so a restart trusts every unchanged file without
/// reading it.
///
/// `.actornet/` also holds the compact snapshots (`Snapshot`) and the history (`History`). Hidden
/// files and directories are never networks.
///
/// Writes are atomic (`AtomicFile`): a reader sees the old file or the new one, a failed upload
/// leaves the old one intact; writes are serialised by `WorkspaceWriter`.
final class Workspace: @unchecked Sendable {
    /// One network as the index knows it.
    struct Entry: Codable, Sendable, Equatable {
        var stamp: FileStamp
        var version: String
        var actors: Int?
        var relations: Int?

        var modified: Date { stamp.modified }
    }

    let directory: String
    let hidden: String
    let statistics: StoreStatistics
    /// Networks whose YAML has at least this many bytes get a snapshot.
    let snapshotMinBytes: Int

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var names: [String] = []
    private var directoryStamp: FileStamp?
    private let persistLock = NSLock()

    /// The rule names follow, stated in every refusal.
    static let nameRule = "a network name is 1 to 64 characters: letters, digits, '.', '_' and '-', starting "
        + "with a letter or digit, without '..' (so no hidden files, no slashes, no way out of the workspace)"

    /// Opens the workspace: removes the temporary files of writers that were killed, and reads
    /// the saved index (each entry is checked against its file when first used).
    init(directory: String, statistics: StoreStatistics = StoreStatistics(), snapshotMinBytes: Int = 1 << 20) {
        self.directory = directory
        hidden = (directory as NSString).appendingPathComponent(".actornet")
        self.statistics = statistics
        self.snapshotMinBytes = snapshotMinBytes
        removeStaleTemporaries()
        // Made now rather than at the first write, so creating it does not make the first
        // listing's directory stamp stale at once.
        try? FileManager.default.createDirectory(atPath: hidden, withIntermediateDirectories: true)
        if let data = FileManager.default.contents(atPath: indexPath),
           let saved = try? JSONDecoder().decode([String: Entry].self, from: data) {
            entries = saved.filter { (try? Self.validate($0.key)) == $0.key }
        }
    }

    /// Checks a name from a URL path segment (percent-decoded here: the router matches the raw
    /// segment, so `..%2Fetc` arrives as one segment and must not become `../etc`).
    static func validate(_ raw: String) throws(APIError) -> String {
        let name = raw.removingPercentEncoding ?? raw
        func isAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        guard let first = name.first, isAlphanumeric(first), name.count <= 64,
              name.allSatisfy({ isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }),
              !name.contains("..")
        else {
            throw APIError(.badRequest, "invalid network name '\(name)': \(nameRule)", field: "name")
        }
        return name
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent("\(name).yaml") }
    var indexPath: String { (hidden as NSString).appendingPathComponent("index.json") }
    var snapshots: String { (hidden as NSString).appendingPathComponent("snapshots") }
    func snapshotPath(_ version: String) -> String { (snapshots as NSString).appendingPathComponent("\(version).bin") }

    /// The names of the networks, sorted. The directory is listed again only when its own
    /// (size, mtime, inode) changed: a file added, removed or renamed.
    func networkNames() throws(APIError) -> [String] {
        let stamp = FileStamp(of: directory)
        lock.lock()
        if let stamp, stamp == directoryStamp {
            defer { lock.unlock() }
            return names
        }
        lock.unlock()
        let listed: [String]
        do {
            listed = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw APIError(.internalServerError, "cannot list the workspace '\(directory)': \(error.localizedDescription)")
        }
        statistics.count(\.directoryScans)
        let found = listed.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
            .filter { (try? Self.validate($0)) == $0 }.sorted()
        lock.lock()
        defer { lock.unlock() }
        names = found
        directoryStamp = stamp
        return found
    }

    /// The index entry of `name`, checked against the file: when its (size, mtime, inode) changed
    /// (edited by hand, or written by another process) the file is read and hashed again, and its
    /// bytes returned so the caller need not read them twice. 404 naming the known networks when
    /// there is no such file.
    func entry(_ name: String) throws(APIError) -> (entry: Entry, bytes: [UInt8]?) {
        let path = path(name)
        guard let stamp = FileStamp(of: path), stamp.isRegularFile else {
            forget(name)
            throw notFound(name)
        }
        lock.lock()
        if let known = entries[name], known.stamp == stamp {
            lock.unlock()
            return (known, nil)
        }
        lock.unlock()
        guard let data = FileManager.default.contents(atPath: path) else { throw notFound(name) }
        statistics.count(\.fileReads)
        let bytes = [UInt8](data)
        // Stamped after reading: a write racing with the read makes the next request read again.
        let entry = Entry(stamp: FileStamp(of: path) ?? stamp, version: contentHash(bytes))
        update(name, entry)
        return (entry, bytes)
    }

    /// The 404 of an unknown network, naming the known ones.
    func notFound(_ name: String) -> APIError {
        let known = (try? networkNames()) ?? []
        return APIError(.notFound, "no network named '\(name)'; known networks: "
            + (known.isEmpty ? "none (PUT /v1/networks/NAME to add one)" : known.joined(separator: ", ")))
    }

    /// Records `entry` for `name` (keeping the counts already known for the same version) and
    /// saves the index.
    func update(_ name: String, _ entry: Entry) {
        var entry = entry
        lock.lock()
        if let old = entries[name], old.version == entry.version, entry.actors == nil {
            entry.actors = old.actors
            entry.relations = old.relations
        }
        let changed = entries[name] != entry
        entries[name] = entry
        lock.unlock()
        if changed { persist() }
    }

    /// Records the counts of a version once it has been parsed.
    func setCounts(_ name: String, version: String, network: Network) {
        lock.lock()
        guard var entry = entries[name], entry.version == version, entry.actors == nil else {
            lock.unlock()
            return
        }
        entry.actors = network.actors.count
        entry.relations = network.relations.count
        entries[name] = entry
        lock.unlock()
        persist()
    }

    func forget(_ name: String) {
        lock.lock()
        let removed = entries.removeValue(forKey: name) != nil
        lock.unlock()
        if removed { persist() }
    }

    /// The version currently indexed for each name (for pruning snapshots no version uses).
    var indexedVersions: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return Set(entries.values.map(\.version))
    }

    /// Saves the index; a failure only costs the next start some reading, so it is not fatal.
    private func persist() {
        persistLock.lock()
        defer { persistLock.unlock() }
        lock.lock()
        let current = entries
        lock.unlock()
        do {
            try FileManager.default.createDirectory(atPath: hidden, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try AtomicFile.write(Array(try encoder.encode(current)), to: indexPath)
        } catch {
            statistics.count(\.indexSaveFailures)
        }
    }

    /// Refuses a write up front when the workspace directory cannot be written (no permission,
    /// immutable, read-only file system), before the history is touched: the same 500 the write
    /// itself would give.
    func checkWritable(_ name: String) throws(APIError) {
        guard access(directory, W_OK) != 0 else { return }
        let code = errno
        let error = code == EACCES || code == EPERM
            ? OutputError(path: path(name), reason: "no permission to create files in '\(directory)'; give the server a "
                + "workspace it may write to or change its permissions (the previous file, if any, is unchanged)")
            : OutputError(path: path(name), code: code)
        throw APIError(.internalServerError, error.description)
    }

    /// Writes `bytes` as the network `name` atomically; returns the new entry and whether the
    /// name was new. Only `WorkspaceWriter` calls it.
    func write(_ name: String, bytes: [UInt8], network: Network?) throws(APIError) -> (entry: Entry, created: Bool) {
        let existed = FileStamp(of: path(name)) != nil
        do {
            try AtomicFile.write(bytes, to: path(name))
        } catch {
            throw APIError(.internalServerError, error.description)
        }
        guard let stamp = FileStamp(of: path(name)) else {
            throw APIError(.internalServerError, "'\(name).yaml' vanished right after it was written; is something else "
                + "removing files from the workspace '\(directory)'?")
        }
        let entry = Entry(stamp: stamp, version: contentHash(bytes), actors: network?.actors.count,
                          relations: network?.relations.count)
        update(name, entry)
        return (entry, !existed)
    }

    func delete(_ name: String) throws(APIError) {
        if unlink(path(name)) != 0 {
            let code = errno
            if code == ENOENT { throw notFound(name) }
            throw APIError(.internalServerError, "cannot delete '\(name).yaml': \(String(cString: strerror(code)))")
        }
        forget(name)
    }

    /// Parses the bytes of `version` of a network — from its snapshot when there is a valid one,
    /// else from the YAML, writing a snapshot when the YAML is large. `yaml` reads the YAML when
    /// it was not at hand already. CPU work: run it through `Deadline`.
    func parse(version: String, file: String, yaml: [UInt8]?, read: () throws(APIError) -> [UInt8]) throws(APIError) -> Network {
        let snapshot = snapshotPath(version)
        if let data = FileManager.default.contents(atPath: snapshot) {
            do {
                let network = try Snapshot.decode([UInt8](data), version: version)
                statistics.count(\.snapshotLoads)
                return network
            } catch {
                // Stale or damaged: read the YAML and write a good one.
                statistics.count(\.snapshotsRejected)
                unlink(snapshot)
            }
        }
        let bytes: [UInt8]
        if let yaml { bytes = yaml } else { bytes = try read() }
        statistics.count(\.yamlParses)
        let result = NetworkLoader.load(bytes: bytes, file: file, syntax: .yaml)
        guard let network = result.network else {
            throw APIError(.internalServerError, "the stored file \(file) is not a valid network; "
                + "replace it with PUT /v1/networks/\(file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file)",
                diagnostics: result.diagnostics)
        }
        if bytes.count >= snapshotMinBytes { writeSnapshot(network, version: version) }
        return network
    }

    /// Writes the snapshot of a version; a failure only makes the next start slower.
    func writeSnapshot(_ network: Network, version: String) {
        do {
            try FileManager.default.createDirectory(atPath: snapshots, withIntermediateDirectories: true)
            try AtomicFile.write(Snapshot.encode(network, version: version), to: snapshotPath(version))
            statistics.count(\.snapshotWrites)
        } catch {
            statistics.count(\.snapshotWriteFailures)
        }
    }

    /// Removes the snapshots of versions that neither the index nor `keep` names.
    func pruneSnapshots(keeping keep: Set<String>) {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: snapshots) else { return }
        let used = indexedVersions.union(keep)
        for file in files where file.hasSuffix(".bin") && !used.contains(String(file.dropLast(4))) {
            unlink((snapshots as NSString).appendingPathComponent(file))
        }
    }

    /// Removes the temporary files `AtomicFile` leaves when its process is killed mid-write, in
    /// the workspace and in `.actornet/`; a temporary file whose process still runs (another
    /// server on the same directory, writing) is kept.
    private func removeStaleTemporaries() {
        var directories = [directory, hidden, snapshots]
        let history = (hidden as NSString).appendingPathComponent("history")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: history) {
            directories += names.map { (history as NSString).appendingPathComponent($0) }
        }
        for folder in directories {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            var targets = Set<String>()
            for file in files where file.hasPrefix(".") {
                guard let marker = file.range(of: AtomicFile.marker) else { continue }
                targets.insert(String(file[file.index(after: file.startIndex)..<marker.lowerBound]))
            }
            for target in targets.sorted() {
                let removed = AtomicFile.removeStaleTemporaries(of: (folder as NSString).appendingPathComponent(target))
                statistics.count(\.temporariesRemoved, by: removed.count)
            }
        }
    }
}

/// What identifies one state of a file without reading it: size, modification time (to the
/// nanosecond) and inode. An atomic replacement changes the inode; an edit in place, the time
/// and usually the size.
struct FileStamp: Codable, Sendable, Hashable {
    var size: Int64
    var seconds: Int64
    var nanoseconds: Int64
    var inode: UInt64
    var isRegularFile: Bool

    init?(of path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        #if canImport(Darwin)
        seconds = Int64(info.st_mtimespec.tv_sec)
        nanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        seconds = Int64(info.st_mtim.tv_sec)
        nanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
        isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
    }

    var modified: Date { Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9) }
}

/// What the store did, counted: the tests check that requests are answered from the index and
/// the caches rather than from the disk.
final class StoreStatistics: @unchecked Sendable {
    struct Counts: Sendable {
        /// Network files read and hashed because the index did not know their current state.
        var fileReads = 0
        /// YAML documents parsed (a snapshot or the cache did not have the version).
        var yamlParses = 0
        var snapshotLoads = 0
        var snapshotWrites = 0
        var snapshotWriteFailures = 0
        /// Snapshots found stale or damaged, removed and rebuilt.
        var snapshotsRejected = 0
        var directoryScans = 0
        var temporariesRemoved = 0
        var indexSaveFailures = 0
    }

    private let lock = NSLock()
    private var counts = Counts()

    func count(_ field: WritableKeyPath<Counts, Int>, by n: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        counts[keyPath: field] += n
    }

    var current: Counts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }
}
