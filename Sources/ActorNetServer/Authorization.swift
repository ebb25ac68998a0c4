import Foundation
import Hummingbird
import NIOCore

/// The routes that change the workspace, recognised by method and path so that a write route
/// is guarded whether or not its controller is registered: anything but GET, HEAD and OPTIONS
/// on `/v1/networks/{name}` (PUT, DELETE), and POST on
/// `/v1/networks/{name}/versions/{version}/restore`. Empty segments are skipped, as the router
/// skips them (`/v1//networks/x/` is `/v1/networks/x`). Everything else is a read, jobs included.
enum WriteRoute {
    static func matches(method: HTTPRequest.Method, path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.count >= 3, segments[0] == "v1", segments[1] == "networks" else { return false }
        switch segments.count {
        case 3: return ![.get, .head, .options].contains(method)
        case 6: return method == .post && segments[3] == "versions" && segments[5] == "restore"
        default: return false
        }
    }
}

/// Who may do what: the tokens and the switches of `ServerArguments`, applied to one request.
struct AccessPolicy: Sendable {
    var tokens: [AccessToken]
    var readOnly: Bool
    var requireTokenForReads: Bool
    /// The `--cors-origin` values, normalised (`CORS.normalise`).
    var corsOrigins: Set<String>

    static let realm = "Bearer realm=\"actornet\""

    struct Verdict: Sendable {
        var who: String
        var credential: AuditLog.Entry.Credential
        /// Why the request is refused; nil: it may go on.
        var refusal: APIError?
    }

    /// The caller named by an `Authorization` header: its token, or why there is none.
    private func identify(_ header: String?) -> (token: AccessToken?, credential: AuditLog.Entry.Credential, problem: String) {
        guard let header, !tokens.isEmpty else {
            return (nil, .none, "no Authorization header; send `Authorization: Bearer TOKEN`")
        }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        let scheme = trimmed.prefix { $0 != " " }
        guard scheme.lowercased() == "bearer" else {
            return (nil, .invalid, "the Authorization header uses the scheme '\(scheme.prefix(20))'; "
                + "send `Authorization: Bearer TOKEN`")
        }
        let presented = trimmed.dropFirst(scheme.count).trimmingCharacters(in: .whitespaces)
        guard !presented.isEmpty else {
            return (nil, .invalid, "the Authorization header has no token after 'Bearer'; send `Authorization: Bearer TOKEN`")
        }
        guard let token = AccessTokens.match(Array(presented.utf8), in: tokens) else {
            // The presented text is not repeated: a near miss of a real token is a secret too.
            return (nil, .invalid, "the token in the Authorization header is not one of the server's tokens "
                + "(--tokens-file, \(AccessTokens.environmentVariable)); check it, or ask the server's operator for one")
        }
        return (token, .token, "")
    }

    func verdict(method: HTTPRequest.Method, path: String, authorization: String?, origin: String?,
                 authority: String?, isWrite: Bool) -> Verdict {
        let (token, credential, problem) = identify(authorization)
        var verdict = Verdict(who: token?.name ?? "anonymous", credential: credential)
        let what = "\(method) \(path)"
        func unauthorized(_ message: String) -> APIError {
            let challenge = credential == .invalid ? "\(Self.realm), error=\"invalid_token\"" : Self.realm
            return APIError(.unauthorized, message, field: "Authorization", headers: [.wwwAuthenticate: challenge])
        }
        if isWrite {
            if readOnly {
                verdict.refusal = APIError(.forbidden, "\(what) changes the workspace, and this server runs with "
                    + "--read-only: every write is refused; restart it without --read-only to allow writes")
            } else if let origin, !CORS.allows(origin: origin, allowed: corsOrigins, authority: authority) {
                // A browser page of another site (a form POST needs no preflight) must not write.
                verdict.refusal = APIError(.forbidden, "\(what) comes from a page of the origin '\(origin)', which may "
                    + "not write here; start the server with --cors-origin \(origin) to allow it", field: "Origin")
            } else if !tokens.isEmpty {
                if let token {
                    if token.access == .read {
                        verdict.refusal = APIError(.forbidden, "\(what) changes the workspace, and \(token) may only "
                            + "read; use a write token (NAME:TOKEN or NAME:TOKEN:write in the server's tokens)",
                            field: "Authorization",
                            headers: [.wwwAuthenticate: "\(Self.realm), error=\"insufficient_scope\""])
                    }
                } else {
                    verdict.refusal = unauthorized("\(what) changes the workspace and needs a write token: \(problem)")
                }
            }
        } else if requireTokenForReads, !tokens.isEmpty, token == nil, path != "/healthz" {
            verdict.refusal = unauthorized("this server needs a token for reads too (--require-token-for-reads): \(problem)")
        }
        return verdict
    }
}

/// Applies the `AccessPolicy` to every request and writes the audit log: one line for every
/// write route, allowed or refused, with the status it was answered with. Sits outside
/// `JSONErrorMiddleware`, so it sees the final status of every error.
struct AuthorizationMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    let policy: AccessPolicy
    let audit: AuditLog

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let isWrite = WriteRoute.matches(method: request.method, path: path)
        let verdict = policy.verdict(method: request.method, path: path, authorization: request.headers[.authorization],
                                     origin: request.headers[.origin], authority: request.head.authority, isWrite: isWrite)
        guard isWrite else {
            if let refusal = verdict.refusal { throw refusal }
            return try await next(request, context)
        }
        var request = request
        let counter = ByteCounter()
        let counted = request.method == .put
        if counted { request.body = RequestBody(asyncSequence: CountingBody(base: request.body, counter: counter)) }
        func record(_ status: HTTPResponse.Status) {
            let entry = AuditLog.Entry(time: Date(), who: verdict.who, credential: verdict.credential,
                                       remote: context.remoteAddress, method: request.method.rawValue, path: path,
                                       status: status.code, bytes: counted ? counter.count : nil)
            do {
                try audit.append(entry)
            } catch {
                context.logger.error("\(error)")
            }
        }
        if let refusal = verdict.refusal {
            record(refusal.status)
            throw refusal
        }
        do {
            let response = try await next(request, context)
            record(response.status)
            return response
        } catch let error as any HTTPResponseError {
            record(error.status)
            throw error
        } catch {
            record(.internalServerError)
            throw error
        }
    }
}

/// The bytes of a request body read so far.
final class ByteCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return total
    }

    func add(_ bytes: Int) {
        lock.lock()
        total += bytes
        lock.unlock()
    }
}

/// A request body that counts its bytes as the handler reads them.
struct CountingBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let base: RequestBody
    let counter: ByteCounter

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let counter: ByteCounter

        mutating func next() async throws -> ByteBuffer? {
            let buffer = try await base.next()
            if let buffer { counter.add(buffer.readableBytes) }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), counter: counter)
    }
}

extension ServerArguments {
    /// The audit log's file: `--audit-log`, or `WORKSPACE/.actornet/audit.log`.
    public var auditLogPath: String { auditLog ?? AuditLog.defaultPath(workspace: workspace) }

    /// Creates the audit log (and its directory) if missing; the error says what failed and how
    /// to fix it (the CLI exits 73).
    public func prepareAuditLog() throws(AuditLogError) {
        try AuditLog(path: auditLogPath).prepare()
    }

    /// Why the server must not start with these settings, or nil. The rule: a server reachable
    /// from other machines (a `host` other than loopback) without tokens would let anyone
    /// overwrite or delete every network, so it is refused unless writes are off or anonymous
    /// writes are asked for by name. The CLI prints the message and exits 64.
    public func startupRefusal() -> String? {
        if readOnly && allowAnonymousWrites {
            return "--read-only and --allow-anonymous-writes contradict each other; give one of them"
        }
        if requireTokenForReads && tokens.isEmpty {
            return "--require-token-for-reads needs tokens: give --tokens-file PATH or set \(AccessTokens.environmentVariable)"
        }
        if allowAnonymousWrites && !tokens.isEmpty {
            return "--allow-anonymous-writes has no effect with tokens (writes need one of them); leave it out, "
                + "or give no tokens"
        }
        for origin in corsOrigins {
            if let problem = CORS.problem(origin: origin) { return "--cors-origin '\(origin)': \(problem)" }
        }
        if !Self.isLoopback(host) && tokens.isEmpty && !readOnly && !allowAnonymousWrites {
            return "--host \(host) lets other machines reach the server, and with no tokens anyone among them could "
                + "overwrite or delete every network. Give tokens for writes (--tokens-file PATH, or the "
                + "\(AccessTokens.environmentVariable) environment variable), or serve --read-only, or accept "
                + "--allow-anonymous-writes; or listen on this machine only (--host 127.0.0.1)"
        }
        return nil
    }

    /// Whether `host` is this machine only: `localhost`, 127.0.0.0/8, `::1` (and its
    /// IPv4-mapped form of 127/8). A name other than `localhost` may resolve anywhere, so it is not.
    public static func isLoopback(_ host: String) -> Bool {
        var address = host
        if address.hasPrefix("["), address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
        if ["localhost", "localhost."].contains(address.lowercased()) { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { $0[0] } == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, address, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            if bytes == Array(repeating: 0, count: 15) + [1] { return true }
            return Array(bytes.prefix(12)) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff] && bytes[12] == 127
        }
        return false
    }

    var accessPolicy: AccessPolicy {
        AccessPolicy(tokens: tokens, readOnly: readOnly, requireTokenForReads: requireTokenForReads,
                     corsOrigins: Set(corsOrigins.map(CORS.normalise)))
    }
}
