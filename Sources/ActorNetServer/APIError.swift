import ActorNetIO
import ActorNetReports
import Foundation
import Hummingbird
import NIOCore

/// An error answered as an RFC 9457 problem (`application/problem+json`): `type`, `title`,
/// `status`, `detail`, `instance` (the request's path), and the extensions `field` and
/// `diagnostics`.
///
/// `type` is `about:blank` (the status says what kind of problem it is, `title` is its reason
/// phrase); `field` names the query parameter (or header) at fault; `diagnostics` locate every
/// problem of an uploaded or stored document.
struct APIError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    var status: HTTPResponse.Status
    var message: String
    var field: String?
    var diagnostics: [Diagnostic]
    /// Extra response headers (`Retry-After` on a 503, `ETag` on a 412, `WWW-Authenticate` on a 401).
    var headers: HTTPFields

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, diagnostics: [Diagnostic] = [],
         headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.field = field
        self.diagnostics = diagnostics
        self.headers = headers
    }

    var description: String { "\(status.code) \(message)" }

    fileprivate struct Located: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        var fix: String?
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let located = diagnostics.map {
            Located(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                    severity: $0.severity.rawValue, message: $0.message, fix: $0.fix)
        }
        let text = try Problem.json(status: status, detail: message, instance: request.uri.path, field: field,
                                    diagnostics: located.isEmpty ? nil : located)
        return Response.bytes(Array(text.utf8), status: status, contentType: MediaType.problem, headers: headers)
    }
}

/// The RFC 9457 problem document every error is answered with, also written by `HTTPGuard`
/// for what never reaches a route (malformed requests, the header timeout).
enum Problem {
    fileprivate struct Document<Diagnostics: Encodable>: Encodable {
        var type = "about:blank"
        var title: String
        var status: Int
        var detail: String
        var instance: String?
        var field: String?
        var diagnostics: Diagnostics?
    }

    static func json(status: HTTPResponse.Status, detail: String, instance: String?, field: String? = nil) throws -> String {
        try json(status: status, detail: detail, instance: instance, field: field, diagnostics: [String]?.none)
    }

    fileprivate static func json<D: Encodable>(status: HTTPResponse.Status, detail: String, instance: String?,
                                               field: String?, diagnostics: D?) throws -> String {
        try JSONOutput.encode(Document(title: status.reasonPhrase, status: status.code, detail: detail,
                                       instance: instance, field: field, diagnostics: diagnostics))
    }
}

/// Gives every error the same problem shape: Hummingbird's own (no route: 404, or 405 with
/// `Allow` when the path is a route's but the method is not; body over the limit: 413) and
/// anything unexpected (500, logged).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The routes, for telling 405 from 404; filled once they are registered.
    var routes = RouteTable()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is larger than the server's limit")
        } catch let error as any HTTPResponseError {
            if error.status == .notFound {
                let allowed = routes.methods(for: request.uri.path)
                if !allowed.isEmpty, !allowed.contains(request.method.rawValue) {
                    throw APIError(.methodNotAllowed, "\(request.method) is not allowed on \(request.uri.path); allowed: "
                        + allowed.joined(separator: ", ") + "; see /openapi.json",
                                   headers: [.allow: allowed.joined(separator: ", ")])
                }
                throw APIError(.notFound, "no route for \(request.method) \(request.uri.path); see /openapi.json")
            }
            throw APIError(error.status, "\(error)")
        } catch {
            context.logger.error("unexpected error: \(error)")
            throw APIError(.internalServerError, "internal error: \(error)")
        }
    }
}

/// The method and path pattern of every route (`/v1/networks/{name}`), set once after the
/// routes are registered and read by `JSONErrorMiddleware`.
final class RouteTable: @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [(method: String, segments: [Substring])] = []

    func set(_ routes: [(method: String, path: String)]) {
        lock.lock()
        defer { lock.unlock() }
        self.routes = routes.map { ($0.method, $0.path.split(separator: "/")) }
    }

    /// The methods of the routes whose pattern matches `path` (`{…}` matches any one segment), sorted.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/")
        lock.lock()
        defer { lock.unlock() }
        let matching = routes.filter { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        return Set(matching.map(\.method)).sorted()
    }
}

/// One line per request: method, path, status and duration.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func log(_ status: HTTPResponse.Status) {
            let elapsed = start.duration(to: .now)
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info("\(request.method) \(request.uri.path) \(status.code) \(String(format: "%.1f", ms)) ms")
        }
        do {
            let response = try await next(request, context)
            log(response.status)
            return response
        } catch let error as any HTTPResponseError {
            log(error.status)
            throw error
        } catch {
            log(.internalServerError)
            throw error
        }
    }
}

enum MediaType {
    static let json = "application/json"
    /// RFC 9457's media type of an error's body.
    static let problem = "application/problem+json"
    static let html = "text/html; charset=utf-8"
    static let svg = "image/svg+xml"
}

extension Response {
    static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, contentType: String,
                      headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Array(text.utf8), status: status, contentType: MediaType.json)
    }
}
