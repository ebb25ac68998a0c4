import Foundation

/// Writes files so that a reader never sees a half-written one and a failure leaves the previous
/// file intact: the bytes go to a temporary file in the same directory (written in chunks as
/// they are produced, so a large export is never whole in memory), which is synced and then
/// renamed over the target (rename is atomic within a file system). On any failure the
/// temporary file is removed.
///
/// A writer killed outright (SIGKILL, power loss) cannot remove its temporary file. Such files
/// are named `.NAME.actornet-tmp-PID-RANDOM` — hidden, recognisable, never mistaken for a
/// network (`Workspace` lists `*.yaml` only) — and the next write of the same target removes
/// those whose process no longer exists. Those of a live process (a concurrent writer) are left.
public enum AtomicFile {
    public typealias WriteError = OutputError

    /// The marker in every temporary file's name.
    public static let marker = ".actornet-tmp-"

    /// Streams whatever `body` writes to its sink into `path`. Errors from `body` are rethrown
    /// as they are (the target untouched); failures to create, write, sync or rename are
    /// `OutputError`s naming `path` and saying what would fix them.
    public static func write(to path: String, _ body: (FileDescriptorSink) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        removeStaleTemporaries(of: path)
        let (temporary, descriptor) = try create(for: url, directory: directory)
        var closed = false
        do {
            try body(FileDescriptorSink(descriptor: descriptor, name: path))
            if fsync(descriptor) != 0 { throw OutputError(path: path, code: errno) }
            closed = true
            if close(descriptor) != 0 { throw OutputError(path: path, code: errno) }
            if rename(temporary, path) != 0 {
                let code = errno
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw OutputError(path: path, reason: "it is a directory; give a file name")
                }
                throw OutputError(path: path, code: code)
            }
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        do {
            try write(to: path) { sink in try sink.write(bytes) }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(path: path, reason: "\(error)")
        }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Array(text.utf8), to: path)
    }

    /// The name temporary files for `path` start with: `.NAME.actornet-tmp-`.
    public static func temporaryPrefix(of path: String) -> String {
        ".\(URL(fileURLWithPath: path).lastPathComponent)\(marker)"
    }

    /// Removes the temporary files of `path` left by writers that no longer run (killed before
    /// they could clean up); returns their paths. A file whose process still exists is kept: it
    /// may be a concurrent writer, and a reused process id only delays the removal.
    @discardableResult
    public static func removeStaleTemporaries(of path: String) -> [String] {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let prefix = temporaryPrefix(of: path)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { continue }
            if kill(pid, 0) != 0, errno == ESRCH {
                let stale = (directory as NSString).appendingPathComponent(entry)
                if unlink(stale) == 0 { removed.append(stale) }
            }
        }
        return removed
    }

    /// A new temporary file beside the target, opened for writing.
    private static func create(for url: URL, directory: String) throws(OutputError) -> (String, Int32) {
        let pid = ProcessInfo.processInfo.processIdentifier
        while true {
            let name = "\(temporaryPrefix(of: url.path))\(pid)-\(String(UInt32.random(in: .min ... .max), radix: 16))"
            let temporary = (directory as NSString).appendingPathComponent(name)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (temporary, descriptor) }
            let code = errno
            if code == EEXIST { continue }
            throw OutputError(path: url.path, reason: reason(creatingIn: directory, code: code))
        }
    }

    /// Why no file can be created in `directory`, and what to do.
    private static func reason(creatingIn directory: String, code: Int32) -> String {
        var isDirectory: ObjCBool = false
        if code == ENOTDIR || (FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
                               && !isDirectory.boolValue) {
            return "'\(directory)' is not a directory; give a path inside a directory"
        }
        if code == ENOENT {
            return "the directory '\(directory)' does not exist; create it or write elsewhere"
        }
        if code == EACCES || code == EPERM {
            return "no permission to create files in '\(directory)'; write to a directory you may write to "
                + "or change its permissions (the previous file, if any, is unchanged)"
        }
        return OutputError.explain(code)
    }
}
