import ActorNetIO
import Foundation

/// The audit log: one JSON line per write and per refused write attempt, appended to a file.
///
/// `{"time":"2026-12-04T07:01:02.345Z","who":"alice","remote":"10.0.0.7","method":"PUT",
/// "path":"/v1/networks/gulf","status":201,"bytes":5120}` — the time in UTC; `who` the token's
/// name, or `anonymous` when the request had no valid token (`credential` says whether it sent
/// none or an unknown one); `remote` the peer's address (null when unknown); `bytes`, for a PUT,
/// the body bytes the server read. The token is never written: not the secret, not the header.
///
/// Each line goes out in one `write(2)` on a descriptor opened with `O_APPEND`, so lines from
/// concurrent requests (or two servers sharing the file) never interleave; the file is opened
/// per line, so a log rotated away is recreated at the next write.
struct AuditLog: Sendable {
    struct Entry: Sendable {
        enum Credential: String, Sendable {
            /// No `Authorization` header.
            case none
            /// A header that is not `Bearer` with one of the server's tokens.
            case invalid
            /// One of the server's tokens.
            case token
        }

        var time: Date
        var who: String
        var credential: Credential
        var remote: String?
        var method: String
        var path: String
        var status: Int
        var bytes: Int?

        var line: String {
            var fields = [
                "\"time\":\(JSONText.quote(AuditLog.format(time)))",
                "\"who\":\(JSONText.quote(who))",
                "\"credential\":\(JSONText.quote(credential.rawValue))",
                "\"remote\":" + (remote.map { JSONText.quote($0) } ?? "null"),
                "\"method\":\(JSONText.quote(method))",
                "\"path\":\(JSONText.quote(path))",
                "\"status\":\(status)",
            ]
            if let bytes { fields.append("\"bytes\":\(bytes)") }
            return "{" + fields.joined(separator: ",") + "}\n"
        }
    }

    let path: String

    /// `WORKSPACE/.actornet/audit.log`, beside the store's history.
    static func defaultPath(workspace: String) -> String {
        ((workspace as NSString).appendingPathComponent(".actornet") as NSString).appendingPathComponent("audit.log")
    }

    /// Creates the log's directory and the file if missing and checks that a line can be
    /// appended; the message says what failed and which option to change.
    func prepare() throws(AuditLogError) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw AuditLogError(path: path, reason: "cannot create its directory \(directory): \(error.localizedDescription)")
            }
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AuditLogError(path: path, reason: String(cString: strerror(errno))) }
        close(descriptor)
    }

    /// Appends the entry's line in one write.
    func append(_ entry: Entry) throws(AuditLogError) {
        var descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor < 0, errno == ENOENT {  // the directory was removed since the start
            try prepare()
            descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        }
        guard descriptor >= 0 else { throw AuditLogError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let bytes = Array(entry.line.utf8)
        var written: Int
        repeat {
            written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        } while written < 0 && errno == EINTR
        guard written == bytes.count else {
            throw AuditLogError(path: path, reason: written < 0 ? String(cString: strerror(errno))
                : "only \(written) of \(bytes.count) bytes written (disk full?)")
        }
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

public struct AuditLogError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String {
        "cannot write the audit log \(path): \(reason); fix its directory's permissions or give another file with --audit-log PATH"
    }
}
