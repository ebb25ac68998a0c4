@testable import ActorNetServer
import Foundation
import Testing

/// Reading tokens (file and environment, every refusal located), comparing them, and the
/// start-up rule for a server reachable from other machines.
@Suite struct AccessTokenTests {
    static let alice = "alice-secret-0123456789abcdef"
    static let bob = "bob-secret-0123456789abcdef"
    static let carol = "carol-secret-0123456789abcdef"

    func temporaryFile(_ text: String, mode: Int = 0o600) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func fileFormsCommentsAndBlankLines() throws {
        let path = try temporaryFile("""
            # the team's tokens
            alice:\(Self.alice)

            bob:\(Self.bob):read   # bob only reads
            \(Self.carol)
              :dave-secret-0123456789abcdef==:READ
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tokens = try AccessTokens.read(file: path)
        let file = (path as NSString).lastPathComponent
        #expect(tokens.map(\.name) == ["alice", "bob", "\(file):5", "\(file):6"])
        #expect(tokens.map(\.access) == [.write, .read, .write, .read])
        #expect(tokens[0].secret == Array(Self.alice.utf8))
        #expect(tokens[3].secret == Array("dave-secret-0123456789abcdef==".utf8))
        // Printing a token shows who, never the secret.
        #expect("\(tokens[0])" == "token 'alice' (write)")
        #expect(!"\(tokens)".contains(Self.alice))
    }

    @Test func environmentCommaOrNewlineSeparated() throws {
        let tokens = try AccessTokens.read(environment: [
            "ACTORNET_TOKENS": "alice:\(Self.alice), bob:\(Self.bob):read\n\(Self.carol),,",
        ])
        #expect(tokens.map(\.name) == ["alice", "bob", "ACTORNET_TOKENS.3"])
        #expect(tokens.map(\.access) == [.write, .read, .write])
        #expect(try AccessTokens.read(environment: ["PATH": "/bin"]).isEmpty)
    }

    /// Every malformed entry is refused with its file and line, and the message never repeats
    /// the token.
    @Test(arguments: [
        ("alice:short-token", "has 11 characters; at least 16"),
        ("alice:\(AccessTokenTests.alice):admin", "unknown access 'admin'; use read or write"),
        ("a:b:c:d", "4 ':'-separated fields"),
        ("alice smith:\(AccessTokenTests.alice)", "invalid token name 'alice smith'"),
        ("alice:\(AccessTokenTests.alice)!", "characters outside"),
        ("alice:", "the token is empty"),
        ("alice:a=b0123456789abcdefghij", "characters outside"),
    ])
    func badLinesAreLocated(line: String, expected: String) throws {
        let path = try temporaryFile("# first\nbob:\(Self.bob)\n\(line)\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: AccessTokenError.self) { try AccessTokens.read(file: path) }
        #expect(error.kind == .invalid)
        #expect(error.location == "\(path):3")
        #expect(error.message.contains(expected), "\(error)")
        #expect(!error.description.contains(Self.alice))
        #expect(error.description.hasPrefix("\(path):3: "))
    }

    @Test func duplicateNamesAndTokensAreRefused() throws {
        let sameName = try #require(throws: AccessTokenError.self) {
            try AccessTokens.parse("alice:\(Self.alice)\nalice:\(Self.bob)", source: "t")
        }
        #expect(sameName.location == "t:2")
        #expect(sameName.message.contains("already used at t:1"))
        let sameToken = try #require(throws: AccessTokenError.self) {
            try AccessTokens.parse("alice:\(Self.alice)\nbob:\(Self.alice)", source: "t")
        }
        #expect(sameToken.message.contains("same token as at t:1 ('alice')"))
        #expect(!sameToken.description.contains(Self.alice))
        let environment = try #require(throws: AccessTokenError.self) {
            try AccessTokens.parse("a:\(Self.alice),b:\(Self.alice)", source: "ACTORNET_TOKENS", commaSeparated: true)
        }
        #expect(environment.location == "ACTORNET_TOKENS entry 2")
        // Across the file and the environment.
        let file = try AccessTokens.parse("alice:\(Self.alice)", source: "t")
        let across = try #require(throws: AccessTokenError.self) {
            try AccessTokens.combine(file: file, environment: try AccessTokens.parse("eve:\(Self.alice)", source: "e"))
        }
        #expect(across.message.contains("same as 'alice'"))
        #expect(try AccessTokens.combine(file: file, environment: try AccessTokens.parse("bob:\(Self.bob)", source: "e"))
            .map(\.name) == ["alice", "bob"])
    }

    @Test func aFileOthersCanReadIsRefused() throws {
        let path = try temporaryFile("alice:\(Self.alice)\n", mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let exposed = try #require(throws: AccessTokenError.self) { try AccessTokens.read(file: path) }
        #expect(exposed.kind == .exposed)
        #expect(exposed.message.contains("chmod 600 \(path)"))
        #expect(exposed.message.contains("mode 644"))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        #expect(throws: AccessTokenError.self) { try AccessTokens.read(file: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
        #expect(try AccessTokens.read(file: path).map(\.name) == ["alice"])

        let missing = try #require(throws: AccessTokenError.self) { try AccessTokens.read(file: path + ".missing") }
        #expect(missing.kind == .unreadable)
        #expect(missing.location == path + ".missing")
        let directory = try #require(throws: AccessTokenError.self) {
            try AccessTokens.read(file: FileManager.default.temporaryDirectory.path)
        }
        #expect(directory.kind == .unreadable)
    }

    @Test func constantTimeComparisonResults() {
        func equal(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool { AccessTokens.constantTimeEquals(Array(a.utf8), Array(b.utf8)) }
        #expect(equal("", ""))
        #expect(equal(Self.alice, Self.alice))
        #expect(!equal(Self.alice, "X" + Self.alice.dropFirst()))  // first byte
        #expect(!equal(Self.alice, Self.alice.dropLast() + "X"))  // last byte
        #expect(!equal(Self.alice, Self.alice.dropLast()))  // a prefix
        #expect(!equal(Self.alice, Self.alice + "0"))
        #expect(!equal("", "a"))
        #expect(!equal("a", ""))
        // Lengths that differ by a multiple of 256 with the shorter a prefix padded by zeros.
        #expect(!AccessTokens.constantTimeEquals([1], [1] + Array(repeating: 0, count: 256)))
    }

    /// The presented token is compared with every configured token, also after a match, and
    /// the first match wins.
    @Test func matchComparesWithEveryToken() {
        let tokens = [AccessToken(name: "alice", secret: Self.alice), AccessToken(name: "bob", secret: Self.bob),
                      AccessToken(name: "carol", secret: Self.carol, access: .read)]
        final class Calls: @unchecked Sendable { var count = 0 }
        let calls = Calls()
        func counting(_ a: [UInt8], _ b: [UInt8]) -> Bool {
            calls.count += 1
            return AccessTokens.constantTimeEquals(a, b)
        }
        #expect(AccessTokens.match(Array(Self.alice.utf8), in: tokens, compare: counting)?.name == "alice")
        #expect(calls.count == 3)
        #expect(AccessTokens.match(Array(Self.carol.utf8), in: tokens, compare: counting)?.access == .read)
        #expect(AccessTokens.match(Array("nobody-0123456789abcdef".utf8), in: tokens, compare: counting) == nil)
        #expect(calls.count == 9)
        #expect(AccessTokens.match(Array(Self.bob.utf8), in: tokens)?.name == "bob")
    }

    @Test func loopbackHosts() {
        for host in ["127.0.0.1", "127.8.9.10", "localhost", "LocalHost", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"] {
            #expect(ServerArguments.isLoopback(host), "\(host)")
        }
        for host in ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "128.0.0.1", "example.org", "localhost.example.org",
                     "::ffff:10.0.0.1", "::2", ""] {
            #expect(!ServerArguments.isLoopback(host), "\(host)")
        }
    }

    @Test func startupRule() throws {
        var arguments = ServerArguments(host: "127.0.0.1")
        #expect(arguments.startupRefusal() == nil)
        arguments.host = "0.0.0.0"
        let refusal = try #require(arguments.startupRefusal())
        for way in ["--tokens-file", "ACTORNET_TOKENS", "--read-only", "--allow-anonymous-writes", "--host 127.0.0.1"] {
            #expect(refusal.contains(way), "\(way) missing from: \(refusal)")
        }
        arguments.readOnly = true
        #expect(arguments.startupRefusal() == nil)
        arguments.readOnly = false
        arguments.allowAnonymousWrites = true
        #expect(arguments.startupRefusal() == nil)
        arguments.readOnly = true
        #expect(arguments.startupRefusal()?.contains("contradict") == true)
        arguments.readOnly = false
        arguments.allowAnonymousWrites = false
        arguments.tokens = [AccessToken(name: "alice", secret: Self.alice)]
        #expect(arguments.startupRefusal() == nil)
        arguments.allowAnonymousWrites = true
        #expect(arguments.startupRefusal()?.contains("--allow-anonymous-writes has no effect") == true)
        arguments.allowAnonymousWrites = false

        var reads = ServerArguments()
        reads.requireTokenForReads = true
        #expect(reads.startupRefusal()?.contains("--require-token-for-reads needs tokens") == true)

        var cors = ServerArguments()
        cors.corsOrigins = ["https://team.example.org", "http://localhost:3000/"]
        #expect(cors.startupRefusal() == nil)
        for bad in ["*", "https://team.example.org/app", "team.example.org", "ftp://x.org", "https://u:p@x.org"] {
            cors.corsOrigins = [bad]
            #expect(cors.startupRefusal()?.hasPrefix("--cors-origin '\(bad)'") == true, "\(bad)")
        }
    }

    @Test func auditLogPathAndPreparation() throws {
        let workspace = try TestWorkspace(seeded: false)
        var arguments = workspace.arguments()
        #expect(arguments.auditLogPath == "\(workspace.directory)/.actornet/audit.log")
        try arguments.prepareAuditLog()
        #expect(FileManager.default.fileExists(atPath: "\(workspace.directory)/.actornet/audit.log"))
        // Under a regular file no directory can be made, root or not.
        arguments.auditLog = "\(workspace.path("plain"))/audit.log"
        try Data().write(to: URL(fileURLWithPath: workspace.path("plain")))
        let error = try #require(throws: AuditLogError.self) { try arguments.prepareAuditLog() }
        #expect(error.description.contains("--audit-log PATH"))
        #expect(error.description.contains(arguments.auditLogPath))
    }
}
