@testable import ActorNetServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Cross-origin requests: off by default (no header at all, preflights refused), on for the
/// `--cors-origin` origins only.
@Suite struct CORSTests {
    static func preflight(_ origin: String, method: String = "PUT") -> HTTPFields {
        [.origin: origin, .accessControlRequestMethod: method, .accessControlRequestHeaders: "authorization, content-type"]
    }

    @Test func offByDefault() async throws {
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/v1/networks", method: .get, headers: [.origin: "https://team.example.org"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
                #expect(response.headers[.vary]?.contains("Origin") != true)
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .options,
                                     headers: Self.preflight("https://team.example.org")) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
                #expect(response.headers[.accessControlAllowMethods] == nil)
                #expect(response.text.contains("cross-origin requests are off"))
                #expect(response.text.contains("--cors-origin https://team.example.org"))
            }
        }
    }

    @Test func onForTheGivenOriginsOnly() async throws {
        let workspace = try TestWorkspace()
        var arguments = workspace.arguments()
        arguments.corsOrigins = ["https://Team.Example.org/", "http://localhost:3000"]
        arguments.tokens = AuthorizationTests.tokens
        try await buildApplication(arguments).test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran", method: .options,
                                     headers: Self.preflight("https://team.example.org")) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "https://team.example.org")
                #expect(response.headers[.accessControlAllowMethods]?.contains("PUT") == true)
                #expect(response.headers[.accessControlAllowMethods]?.contains("DELETE") == true)
                #expect(response.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
                #expect(response.headers[.accessControlMaxAge] == "600")
                #expect(response.headers[.vary]?.contains("Origin") == true)
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .options,
                                     headers: Self.preflight("https://evil.example")) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
                #expect(response.text.contains("allowed: http://localhost:3000, https://team.example.org"))
            }
            try await client.execute(uri: "/v1/networks", method: .get, headers: [.origin: "http://localhost:3000"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == "http://localhost:3000")
                #expect(response.headers[.accessControlExposeHeaders]?.contains("WWW-Authenticate") == true)
                #expect(response.headers[.vary]?.contains("Origin") == true)
            }
            try await client.execute(uri: "/v1/networks", method: .get, headers: [.origin: "https://evil.example"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
                #expect(response.headers[.vary]?.contains("Origin") == true)
            }
            // An error keeps the headers, so the page can read why (here: no token).
            let headers: HTTPFields = [.origin: "https://team.example.org", .contentType: "application/yaml"]
            try await client.execute(uri: "/v1/networks/small", method: .put, headers: headers,
                                     body: ByteBuffer(text: NetworksTests.small)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.accessControlAllowOrigin] == "https://team.example.org")
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"actornet\"")
            }
            var authorised = headers
            authorised[.authorization] = "Bearer \(AuthorizationTests.writer)"
            try await client.execute(uri: "/v1/networks/small", method: .put, headers: authorised,
                                     body: ByteBuffer(text: NetworksTests.small)) { response in
                #expect(response.status == .created)
                #expect(response.headers[.accessControlAllowOrigin] == "https://team.example.org")
            }
        }
    }

    /// A plain OPTIONS (no preflight headers) is no CORS business: the router answers it.
    @Test func plainOptionsIsNotAPreflight() async throws {
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/v1/networks", method: .options) { response in
                #expect(response.status != .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }
}
