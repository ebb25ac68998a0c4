import ActorNetTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The real `actornet serve`: the start-up refusals and their exit statuses, and tokens that
/// appear in neither the server's log (at trace level) nor the audit log.
@Suite struct ServeAccessTests {
    static let writer = "alice-secret-0123456789abcdef"
    static let reader = "bob-secret-0123456789abcdef"
    static let fileWriter = "carol-secret-0123456789abcdef"

    /// The environment of the tests without ACTORNET_TOKENS, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["ACTORNET_TOKENS"] = nil
        return environment.merging(extra) { $1 }
    }

    /// The process and its standard error, and its standard output (where swift-log's default
    /// handler writes the server's log).
    func start(_ arguments: [String], environment: [String: String]) throws
        -> (Process, EndToEndTests.Collector, stdout: EndToEndTests.Collector) {
        let process = Process()
        process.executableURL = try EndToEndTests.binary
        process.arguments = ["serve", "--port", "0", "--log-level", "warning"] + arguments
        process.environment = environment
        let err = Pipe(), out = Pipe()
        process.standardError = err
        process.standardOutput = out
        let stderr = EndToEndTests.Collector(err)
        let stdout = EndToEndTests.Collector(out)
        try process.run()
        return (process, stderr, stdout)
    }

    /// Runs `actornet serve` expecting it to refuse to start; its exit status and standard error.
    func refusal(_ arguments: [String], environment: [String: String]? = nil) async throws -> (Int32, String) {
        let (process, stderr, _) = try start(arguments, environment: environment ?? self.environment())
        defer { if process.isRunning { process.terminate() } }
        for _ in 0..<200 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "the server started with \(arguments): \(stderr.current)")
        try await Task.sleep(for: .milliseconds(50))  // the pipe's last bytes
        return (process.isRunning ? -1 : process.terminationStatus, stderr.current)
    }

    func file(_ text: String, mode: Int = 0o600) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test(.timeLimit(.minutes(1))) func unsafeStartsAreRefused() async throws {
        let workspace = try TestWorkspace(seeded: false)
        let base = ["--workspace", workspace.directory]

        let (open, openMessage) = try await refusal(base + ["--host", "0.0.0.0"])
        #expect(open == 64)
        for way in ["--tokens-file", "ACTORNET_TOKENS", "--read-only", "--allow-anonymous-writes"] {
            #expect(openMessage.contains(way), "\(way) missing: \(openMessage)")
        }

        let (missing, missingMessage) = try await refusal(base + ["--tokens-file", "\(workspace.directory)/none.txt"])
        #expect(missing == 66)
        #expect(missingMessage.contains("none.txt: cannot read the tokens file"))

        let exposed = try file("alice:\(Self.writer)\n", mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: exposed) }
        let (exposedStatus, exposedMessage) = try await refusal(base + ["--tokens-file", exposed])
        #expect(exposedStatus == 64)
        #expect(exposedMessage.contains("chmod 600 \(exposed)"))

        let bad = try file("alice:\(Self.writer)\nbob:short\n")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let (badStatus, badMessage) = try await refusal(base + ["--tokens-file", bad])
        #expect(badStatus == 64)
        #expect(badMessage.contains("\(bad):2: the token has 5 characters"))
        #expect(!badMessage.contains(Self.writer))

        let (environmentStatus, environmentMessage) = try await refusal(
            base, environment: environment(["ACTORNET_TOKENS": "alice:\(Self.writer),alice:\(Self.reader)"]))
        #expect(environmentStatus == 64)
        #expect(environmentMessage.contains("ACTORNET_TOKENS entry 2: the name 'alice' is already used"))

        let (reads, readsMessage) = try await refusal(base + ["--require-token-for-reads"])
        #expect(reads == 64)
        #expect(readsMessage.contains("--require-token-for-reads needs tokens"))

        let (cors, corsMessage) = try await refusal(base + ["--cors-origin", "*"])
        #expect(cors == 64)
        #expect(corsMessage.contains("--cors-origin '*'"))

        try Data().write(to: URL(fileURLWithPath: workspace.path("plain")))
        let (audit, auditMessage) = try await refusal(base + ["--audit-log", "\(workspace.path("plain"))/audit.log"])
        #expect(audit == 73)
        #expect(auditMessage.contains("cannot write the audit log"))
    }

    func request(_ url: String, method: String = "GET", token: String? = nil, body: String? = nil) async throws -> Int {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        if body != nil { request.setValue("application/yaml", forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test(.timeLimit(.minutes(1))) func tokensAreNeverLogged() async throws {
        let workspace = try TestWorkspace(seeded: false)
        let tokens = try file("# the team\ncarol:\(Self.fileWriter)\n")
        defer { try? FileManager.default.removeItem(atPath: tokens) }
        let (process, stderr, stdout) = try start(
            ["--host", "127.0.0.1", "--workspace", workspace.directory, "--tokens-file", tokens, "--log-level", "trace"],
            environment: environment(["ACTORNET_TOKENS": "alice:\(Self.writer),bob:\(Self.reader):read"]))
        defer { if process.isRunning { process.terminate() } }
        let url = try #require(await stderr.serverURL(), "no URL printed; stderr: \(stderr.current)")

        #expect(try await request("\(url)/v1/networks/small", method: "PUT", body: NetworksTests.small) == 401)
        #expect(try await request("\(url)/v1/networks/small", method: "PUT", token: Self.writer, body: NetworksTests.small) == 201)
        #expect(try await request("\(url)/v1/networks/small", method: "PUT", token: Self.fileWriter, body: NetworksTests.small) == 200)
        #expect(try await request("\(url)/v1/networks/small", method: "DELETE", token: Self.reader) == 403)
        #expect(try await request("\(url)/v1/networks/small", method: "DELETE", token: Self.writer + "x") == 401)
        #expect(try await request("\(url)/v1/networks/small", token: Self.reader) == 200)
        #expect(try await request("\(url)/v1/networks/small", method: "DELETE", token: Self.fileWriter) == 204)

        process.terminate()
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        try await Task.sleep(for: .milliseconds(100))  // the pipes' last bytes
        let log = stderr.current + stdout.current
        #expect(log.contains("PUT /v1/networks/small 201"), "the request log is missing: \(log.prefix(2000))")
        let audit = try String(contentsOfFile: "\(workspace.directory)/.actornet/audit.log", encoding: .utf8)
        for secret in [Self.writer, Self.reader, Self.fileWriter, "secret", "Bearer"] {
            #expect(!log.contains(secret), "the server's log holds \(secret)")
            #expect(!audit.contains(secret), "the audit log holds \(secret)")
        }
        let lines = audit.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.map { $0.contains("\"who\":\"carol\"") } == [false, false, true, false, false, true])
        #expect(lines.allSatisfy { $0.contains("\"remote\":\"127.0.0.1\"") })
    }
}
