import Foundation
import Hummingbird

/// Cross-origin requests from browsers: off unless `--cors-origin` names origins.
///
/// Off, no response carries `Access-Control-Allow-Origin`, so a page of another site cannot read
/// any answer, and a preflight (`OPTIONS` with `Access-Control-Request-Method`) is refused with
/// 403 naming the option that would allow it. On, requests whose `Origin` is one of the
/// configured origins get `Access-Control-Allow-Origin` with that origin (never `*`), the
/// headers a client needs exposed, and their preflights are answered 204 allowing the API's
/// methods and `Authorization`; other origins get nothing. `Vary: Origin` keeps caches honest.
struct CORSMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Normalised origins.
    let origins: Set<String>

    static var methods: String { "GET, HEAD, POST, PUT, DELETE" }
    static var requestHeaders: String { "Authorization, Content-Type, Content-Encoding, If-Match, If-None-Match, Prefer" }
    static var exposedHeaders: String { "ETag, Location, Retry-After, WWW-Authenticate, Content-Disposition" }
    /// How long a browser may reuse a preflight's answer, in seconds.
    static var maxAge: String { "600" }

    init(origins: [String]) {
        self.origins = Set(origins.map(CORS.normalise))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin]
        let allowed = origin.map { origins.contains(CORS.normalise($0)) } ?? false
        if request.method == .options, let origin, request.headers[.accessControlRequestMethod] != nil {
            guard allowed else {
                throw APIError(.forbidden, "browser pages of the origin '\(origin)' may not call this API"
                    + (origins.isEmpty ? " (cross-origin requests are off)" : "; allowed: " + origins.sorted().joined(separator: ", "))
                    + "; start the server with --cors-origin \(origin) to allow them", field: "Origin")
            }
            var headers = corsHeaders(origin)
            headers[.accessControlAllowMethods] = Self.methods
            headers[.accessControlAllowHeaders] = Self.requestHeaders
            headers[.accessControlMaxAge] = Self.maxAge
            return Response(status: .noContent, headers: headers)
        }
        guard !origins.isEmpty else { return try await next(request, context) }
        let extra: HTTPFields = allowed ? corsHeaders(origin ?? "") : [.vary: "Origin"]
        do {
            var response = try await next(request, context)
            response.headers.append(contentsOf: extra)
            return response
        } catch var error as APIError {
            error.headers.append(contentsOf: extra)
            throw error
        }
    }

    private func corsHeaders(_ origin: String) -> HTTPFields {
        [.accessControlAllowOrigin: origin, .accessControlExposeHeaders: Self.exposedHeaders, .vary: "Origin"]
    }
}

enum CORS {
    /// An origin as browsers send it: lower case, no trailing slash.
    static func normalise(_ origin: String) -> String {
        var text = origin.trimmingCharacters(in: .whitespaces).lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// What is wrong with a `--cors-origin` value, or nil: it must be `http(s)://HOST[:PORT]`.
    static func problem(origin: String) -> String? {
        let text = normalise(origin)
        if text == "*" {
            return "'*' would let every site's pages use the API; name each origin, e.g. https://team.example.org"
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty,
              components.path.isEmpty, components.query == nil, components.fragment == nil,
              components.user == nil, components.password == nil
        else {
            return "an origin is http:// or https://, a host and an optional port, nothing else "
                + "(e.g. https://team.example.org or http://localhost:3000)"
        }
        return nil
    }

    /// Whether a page of `origin` may write: it is one of `allowed`, or the server's own
    /// (`authority`, the request's Host).
    static func allows(origin: String, allowed: Set<String>, authority: String?) -> Bool {
        let origin = normalise(origin)
        if allowed.contains(origin) { return true }
        guard let authority, let separator = origin.range(of: "://") else { return false }
        return origin[separator.upperBound...] == authority.lowercased()
    }
}
