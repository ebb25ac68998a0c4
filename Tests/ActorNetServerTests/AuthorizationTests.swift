@testable import ActorNetServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Who may write (and read), what the refusals say, and the audit log every write leaves.
@Suite struct AuthorizationTests {
    static let writer = "alice-secret-0123456789abcdef"
    static let reader = "bob-secret-0123456789abcdef"

    static let tokens = [AccessToken(name: "alice", secret: writer), AccessToken(name: "bob", secret: reader, access: .read)]

    static func bearer(_ token: String?) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/yaml"]
        if let token { fields[.authorization] = "Bearer \(token)" }
        return fields
    }

    func arguments(_ workspace: TestWorkspace, _ change: (inout ServerArguments) -> Void = { _ in }) -> ServerArguments {
        var arguments = workspace.arguments()
        arguments.tokens = Self.tokens
        change(&arguments)
        return arguments
    }

    /// The audit log's lines as objects.
    func auditLines(_ workspace: TestWorkspace) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: "\(workspace.directory)/.actornet/audit.log", encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// The write routes, with what a write token gets from this branch's routes (the restore
    /// route may not exist: then whatever the router answers, but never 401 or 403).
    static let writes: [(method: HTTPRequest.Method, uri: String)] = [
        (.put, "/v1/networks/small"),
        (.delete, "/v1/networks/russia-iran"),
        (.post, "/v1/networks/russia-iran/versions/1/restore"),
    ]

    @Test func everyWriteRouteNeedsAWriteToken() async throws {
        let workspace = try TestWorkspace()
        let before = FileManager.default.contents(atPath: workspace.path("russia-iran"))
        try await buildApplication(arguments(workspace)).test(.router) { client in
            for (method, uri) in Self.writes {
                let body = method == .put ? ByteBuffer(text: NetworksTests.small) : nil
                try await client.execute(uri: uri, method: method, headers: Self.bearer(nil), body: body) { response in
                    #expect(response.status == .unauthorized, "\(method) \(uri)")
                    #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"actornet\"")
                    #expect(response.text.contains("\(method) \(uri) changes the workspace and needs a write token"))
                    #expect(response.text.contains("Authorization: Bearer TOKEN"))
                }
                for wrong in ["Bearer not-a-token-0123456789abcdef", "Basic YWxpY2U6cHc=", "Bearer", "bearer   \(Self.writer)x"] {
                    var headers = Self.bearer(nil)
                    headers[.authorization] = wrong
                    try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
                        #expect(response.status == .unauthorized, "\(method) \(uri) with \(wrong)")
                        #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"actornet\", error=\"invalid_token\"")
                        #expect(!response.text.contains(Self.writer), "the refusal repeats the token")
                    }
                }
                try await client.execute(uri: uri, method: method, headers: Self.bearer(Self.reader), body: body) { response in
                    #expect(response.status == .forbidden, "\(method) \(uri) with a read token")
                    #expect(response.text.contains("token 'bob' (read) may only read"))
                    #expect(response.headers[.wwwAuthenticate]?.contains("insufficient_scope") == true)
                }
            }
            // Nothing changed.
            #expect(FileManager.default.contents(atPath: workspace.path("russia-iran")) == before)
            #expect(!FileManager.default.fileExists(atPath: workspace.path("small")))

            // A write token passes: the scheme in any case, spaces around the token.
            try await client.execute(uri: "/v1/networks/small", method: .put, headers: Self.bearer(Self.writer),
                                     body: ByteBuffer(text: NetworksTests.small)) { response in
                #expect(response.status == .created)
            }
            var lower = Self.bearer(nil)
            lower[.authorization] = "bearer   \(Self.writer) "
            try await client.execute(uri: "/v1/networks/small", method: .put, headers: lower,
                                     body: ByteBuffer(text: NetworksTests.small)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/networks/russia-iran/versions/1/restore", method: .post,
                                     headers: Self.bearer(Self.writer)) { response in
                #expect(![.unauthorized, .forbidden].contains(response.status))
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .delete, headers: Self.bearer(Self.writer)) { response in
                #expect(response.status == .noContent)
            }
            #expect(!FileManager.default.fileExists(atPath: workspace.path("russia-iran")))
        }
    }

    /// Empty path segments, which the router skips, do not slip a write past the check.
    @Test func pathVariantsOfWriteRoutesAreGuarded() async throws {
        let workspace = try TestWorkspace()
        try await buildApplication(arguments(workspace)).test(.router) { client in
            for uri in ["/v1//networks/russia-iran", "/v1/networks/russia-iran/", "//v1/networks//russia-iran//"] {
                try await client.execute(uri: uri, method: .delete) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                }
            }
            try await client.execute(uri: "/v1/networks/russia-iran?x=1", method: .delete) { response in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(FileManager.default.fileExists(atPath: workspace.path("russia-iran")))
        #expect(WriteRoute.matches(method: .patch, path: "/v1/networks/x"))
        #expect(!WriteRoute.matches(method: .post, path: "/v1/networks/x/jobs"))
        #expect(!WriteRoute.matches(method: .delete, path: "/v1/jobs/42"))
        #expect(!WriteRoute.matches(method: .get, path: "/v1/networks/x"))
        #expect(!WriteRoute.matches(method: .head, path: "/v1/networks/x"))
        #expect(!WriteRoute.matches(method: .post, path: "/v1/networks/x/versions/1/diff"))
    }

    @Test func readsAreOpenByDefaultAndTokenedWithTheOption() async throws {
        let workspace = try TestWorkspace()
        try await buildApplication(arguments(workspace)).test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                #expect(response.status == .ok)
            }
            // A job submission is a read, not a write: whatever its route answers, never 401.
            try await client.execute(uri: "/v1/networks/russia-iran/jobs", method: .post) { response in
                #expect(response.status != .unauthorized)
            }
        }
        let tokened = arguments(workspace) { $0.requireTokenForReads = true }
        try await buildApplication(tokened).test(.router) { client in
            for uri in ["/v1/networks", "/v1/networks/russia-iran", "/", "/openapi.json", "/no-such-route"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                    #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"actornet\"")
                    #expect(response.text.contains("--require-token-for-reads"))
                }
            }
            try await client.execute(uri: "/v1/networks", method: .get, headers: Self.bearer("wrong-0123456789abcdef")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("not one of the server's tokens"))
            }
            for token in [Self.reader, Self.writer] {
                try await client.execute(uri: "/v1/networks/russia-iran", method: .get, headers: Self.bearer(token)) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func readOnlyRefusesEveryWrite() async throws {
        let workspace = try TestWorkspace()
        let before = FileManager.default.contents(atPath: workspace.path("russia-iran"))
        var readOnly = workspace.arguments()
        readOnly.readOnly = true
        try await buildApplication(readOnly).test(.router) { client in
            for (method, uri) in Self.writes {
                try await client.execute(uri: uri, method: method, headers: Self.bearer(nil),
                                         body: ByteBuffer(text: NetworksTests.small)) { response in
                    #expect(response.status == .forbidden, "\(method) \(uri)")
                    #expect(response.text.contains("runs with --read-only: every write is refused"))
                }
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(FileManager.default.contents(atPath: workspace.path("russia-iran")) == before)
        let lines = try auditLines(workspace)
        #expect(lines.map { $0["status"] as? Int } == [403, 403, 403])
    }

    /// A page of another site may not write, even without tokens (a form POST needs no
    /// preflight); one of a `--cors-origin` may.
    @Test func crossOriginWritesAreRefused() async throws {
        let workspace = try TestWorkspace()
        var arguments = workspace.arguments()
        arguments.corsOrigins = ["https://team.example.org"]
        try await buildApplication(arguments).test(.router) { client in
            var headers = Self.bearer(nil)
            headers[.origin] = "https://evil.example"
            try await client.execute(uri: "/v1/networks/small", method: .put, headers: headers,
                                     body: ByteBuffer(text: NetworksTests.small)) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("origin 'https://evil.example'"))
                #expect(response.text.contains("--cors-origin https://evil.example"))
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            headers[.origin] = "https://team.example.org"
            try await client.execute(uri: "/v1/networks/small", method: .put, headers: headers,
                                     body: ByteBuffer(text: NetworksTests.small)) { response in
                #expect(response.status == .created)
            }
        }
        #expect(CORS.allows(origin: "http://127.0.0.1:8080", allowed: [], authority: "127.0.0.1:8080"))
        #expect(!CORS.allows(origin: "http://127.0.0.1:8081", allowed: [], authority: "127.0.0.1:8080"))
        #expect(!CORS.allows(origin: "null", allowed: [], authority: "127.0.0.1:8080"))
    }

    /// One line per write and per refused write, with who, from where, what, the status and
    /// for a PUT the bytes read; no token in it.
    @Test func auditLogRecordsWritesAndRefusals() async throws {
        let workspace = try TestWorkspace()
        let body = NetworksTests.small
        try await buildApplication(arguments(workspace)).test(.live) { client in
            try await client.execute(uri: "/v1/networks/small", method: .put, headers: Self.bearer(Self.writer),
                                     body: ByteBuffer(text: body)) { #expect($0.status == .created) }
            try await client.execute(uri: "/v1/networks/small", method: .put, headers: Self.bearer(nil),
                                     body: ByteBuffer(text: body)) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/v1/networks/small", method: .delete,
                                     headers: Self.bearer("Xlice-secret-0123456789abcdef")) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/v1/networks/small", method: .delete, headers: Self.bearer(Self.reader)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/v1/networks/small", method: .put, headers: Self.bearer(Self.writer),
                                     body: ByteBuffer(text: "actornet: 1\nactors: [")) { #expect($0.status == .unprocessableContent) }
            try await client.execute(uri: "/v1/networks/small", method: .delete, headers: Self.bearer(Self.writer)) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/v1/networks/small", method: .delete, headers: Self.bearer(Self.writer)) {
                #expect($0.status == .notFound)
            }
            // Reads are not audited.
            try await client.execute(uri: "/v1/networks", method: .get) { #expect($0.status == .ok) }
        }
        let text = try String(contentsOfFile: "\(workspace.directory)/.actornet/audit.log", encoding: .utf8)
        #expect(!text.contains(Self.writer) && !text.contains(Self.reader) && !text.contains("secret"))
        let lines = try auditLines(workspace)
        #expect(lines.map { $0["method"] as? String } == ["PUT", "PUT", "DELETE", "DELETE", "PUT", "DELETE", "DELETE"])
        #expect(lines.map { $0["status"] as? Int } == [201, 401, 401, 403, 422, 204, 404])
        #expect(lines.map { $0["who"] as? String } == ["alice", "anonymous", "anonymous", "bob", "alice", "alice", "alice"])
        #expect(lines.map { $0["credential"] as? String } == ["token", "none", "invalid", "token", "token", "token", "token"])
        #expect(lines.allSatisfy { $0["path"] as? String == "/v1/networks/small" })
        #expect(lines.allSatisfy { $0["remote"] as? String == "127.0.0.1" })
        #expect(lines[0]["bytes"] as? Int == body.utf8.count)
        #expect(lines[1]["bytes"] as? Int == 0)  // refused before the body was read
        #expect(lines[4]["bytes"] as? Int == "actornet: 1\nactors: [".utf8.count)
        #expect(lines[2]["bytes"] == nil)
        for line in lines {
            let time = try #require(line["time"] as? String)
            #expect(time.hasSuffix("Z"))
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let date = try #require(formatter.date(from: time), "\(time)")
            #expect(abs(date.timeIntervalSinceNow) < 3600)
        }
    }

    /// Without tokens (loopback), writes are anonymous and still audited; concurrent writers
    /// leave whole lines.
    @Test func anonymousWritesAreAuditedInWholeLines() async throws {
        let workspace = try TestWorkspace()
        try await workspace.app().test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await client.execute(uri: "/v1/networks/n\(index)", method: .put,
                                                 headers: Self.bearer(nil), body: ByteBuffer(text: NetworksTests.small)) {
                            #expect($0.status == .created)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let lines = try auditLines(workspace)
        #expect(lines.count == 20)
        #expect(Set(lines.compactMap { $0["path"] as? String }) == Set((0..<20).map { "/v1/networks/n\($0)" }))
        #expect(lines.allSatisfy { $0["who"] as? String == "anonymous" && $0["status"] as? Int == 201 })
        #expect(lines.allSatisfy { $0["remote"] is NSNull })  // the in-process client has no address
    }

    /// An audit log that cannot be written is reported in the server's log; the write is
    /// answered as before.
    @Test func anUnwritableAuditLogDoesNotChangeTheAnswer() async throws {
        let workspace = try TestWorkspace()
        try Data().write(to: URL(fileURLWithPath: workspace.path("plain")))
        var arguments = workspace.arguments()
        arguments.auditLog = "\(workspace.path("plain"))/audit.log"
        try await buildApplication(arguments).test(.router) { client in
            try await client.execute(uri: "/v1/networks/small", method: .put, headers: Self.bearer(nil),
                                     body: ByteBuffer(text: NetworksTests.small)) { #expect($0.status == .created) }
        }
    }

    /// The OpenAPI document declares the bearer scheme, and exactly the write routes require it.
    @Test func openAPIDeclaresTheBearerSchemeOnTheWriteRoutes() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(MetaController.openAPI())) as? [String: Any])
        let schemes = try #require((document["components"] as? [String: Any])?["securitySchemes"] as? [String: Any])
        let bearer = try #require(schemes["bearer"] as? [String: Any])
        #expect(bearer["type"] as? String == "http")
        #expect(bearer["scheme"] as? String == "bearer")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var writes: [String] = []
        for (path, item) in paths {
            for (name, operation) in item {
                guard let operation = operation as? [String: Any] else { continue }
                let method = HTTPRequest.Method(rawValue: name.uppercased())!
                let security = operation["security"] as? [[String: [String]]]
                if WriteRoute.matches(method: method, path: path) {
                    writes.append("\(method) \(path)")
                    #expect(security == [["bearer": []]], "\(method) \(path)")
                    let responses = try #require(operation["responses"] as? [String: Any])
                    #expect(responses["401"] != nil && responses["403"] != nil, "\(method) \(path)")
                } else {
                    #expect(security == nil, "\(method) \(path) is a read")
                }
            }
        }
        #expect(writes.contains("PUT /v1/networks/{name}") && writes.contains("DELETE /v1/networks/{name}"))
    }

    @Test func auditLineEscapesAndOmitsBytesForDeletes() {
        let entry = AuditLog.Entry(time: Date(timeIntervalSince1970: 0), who: "anonymous", credential: .none, remote: nil,
                                   method: "DELETE", path: "/v1/networks/a\"b", status: 204, bytes: nil)
        #expect(entry.line == "{\"time\":\"1970-01-01T00:00:00.000Z\",\"who\":\"anonymous\",\"credential\":\"none\","
            + "\"remote\":null,\"method\":\"DELETE\",\"path\":\"/v1/networks/a\\\"b\",\"status\":204}\n")
    }
}
