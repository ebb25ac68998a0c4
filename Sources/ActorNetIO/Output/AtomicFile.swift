import Foundation

/// Writes files so that a reader never sees a half-written one and a failure leaves the previous
/// file intact: the bytes go to a temporary file in the same directory (written in chunks as
/// they are produced, so a large export is never whole in memory), which is synced and then
/// renamed over the target (rename is atomic within a file system). On any failure the
/// temporary file is removed.
public enum AtomicFile {
    public typealias WriteError = OutputError

    /// Streams whatever `body` writes to its sink into `path`. Errors from `body` are rethrown
    /// as they are (the target untouched); failures to create, write, sync or rename are
    /// `OutputError`s naming `path`.
    public static func write(to path: String, _ body: (FileDescriptorSink) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            let code = errno
            throw OutputError(path: path, reason: reason(code, directory: directory.path))
        }
        var closed = false
        do {
            try body(FileDescriptorSink(descriptor: descriptor, name: path))
            if fsync(descriptor) != 0 { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            closed = true
            if close(descriptor) != 0 { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            if rename(temporary, path) != 0 {
                let code = errno
                var isDirectory: ObjCBool = false
                let why = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
                    ? "it is a directory" : String(cString: strerror(code))
                throw OutputError(path: path, reason: why)
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

    private static func reason(_ code: Int32, directory: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            return "the directory '\(directory)' does not exist"
        }
        if code == EACCES || code == EPERM || code == EROFS {
            return "no permission to write in '\(directory)'"
        }
        return String(cString: strerror(code))
    }
}
