import ActorNetIO
import ActorNetReports
import Foundation
import Hummingbird
import NIOCore

/// An error answered as JSON: `{"error": {"status", "message", "field"?, "diagnostics"?}}`.
///
/// `field` names the query parameter (or header) at fault; `diagnostics` locate every problem of
/// an uploaded or stored document.
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
    fileprivate struct Body: Encodable {
        var status: Int
        var message: String
        var field: String?
        var diagnostics: [Located]?
    }
    fileprivate struct Envelope: Encodable { var error: Body }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let located = diagnostics.map {
            Located(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                    severity: $0.severity.rawValue, message: $0.message, fix: $0.fix)
        }
        let text = try JSONOutput.encode(Envelope(error: Body(status: status.code, message: message, field: field,
                                                              diagnostics: located.isEmpty ? nil : located)))
        return Response.bytes(Array(text.utf8), status: status, contentType: MediaType.json, headers: headers)
    }
}

/// Gives every error the same JSON shape: Hummingbird's own (no route: 404; body over the
/// limit: 413) and anything unexpected (500, logged).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is larger than the server's limit")
        } catch let error as any HTTPResponseError {
            if error.status == .notFound {
                throw APIError(.notFound, "no route for \(request.method) \(request.uri.path); see /openapi.json")
            }
            throw APIError(error.status, "\(error)")
        } catch {
            context.logger.error("unexpected error: \(error)")
            throw APIError(.internalServerError, "internal error: \(error)")
        }
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
