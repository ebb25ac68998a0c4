import ActorNetCore
import ActorNetIO
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// No Graphviz process outlives what asked for it: after a time limit, a client that leaves,
/// a cancelled job and the server's shutdown, the drawing's `dot` is gone within 2 s.
///
/// Each test draws a network that `dot` takes far longer than the test to lay out, waits until
/// a new Graphviz child of this process appears, ends the request, and watches that child.
@Suite(.serialized) struct GraphvizChildTests {
    static let programs: Set<String> = ["dot", "neato", "sfdp", "fdp", "twopi", "circo", "osage", "patchwork"]
    static let draw = "/v1/networks/big/render.svg?layout=dot"

    /// The running (not zombie) Graphviz children of this process.
    static func children() -> Set<Int32> {
        let me = getpid()
        var found: Set<Int32> = []
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            let name = String(stat[stat.index(after: open)..<close])
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, fields[0] != "Z", Int32(fields[1]) == me, programs.contains(name) else { continue }
            found.insert(pid)
        }
        return found
    }

    /// Graphviz children that appear after `before`: the drawing under way.
    static func newChildren(since before: Set<Int32>) async throws -> Set<Int32> {
        var fresh: Set<Int32> = []
        _ = try await eventually(within: 60) {
            fresh = children().subtracting(before)
            return !fresh.isEmpty
        }
        return fresh
    }

    /// True when none of `pids` is a running child any more within 2 s.
    static func gone(_ pids: Set<Int32>) async throws -> Bool {
        try await eventually(within: 2) { children().isDisjoint(with: pids) }
    }

    /// A workspace with a network whose `dot` layout takes minutes, already parsed by the app.
    static func workspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace(seeded: false)
        let big = RandomNetworks.make(actors: 700, relations: 3000, seed: 3)
        try AtomicFile.write(NativeWriter.yaml(big), to: workspace.path("big"))
        return workspace
    }

    static func prime(_ client: some TestClientProtocol) async throws {
        try await client.execute(uri: "/v1/networks/big/metrics?metric=degree", method: .get) { response in
            #expect(response.status == .ok, "\(String(buffer: response.body))")
        }
    }

    @Test func aTimeoutKillsGraphviz() async throws {
        let workspace = try Self.workspace()
        // Long enough for the priming parse on a machine busy with the rest of the suite (it
        // took over 4 s there); the drawing itself takes minutes.
        try await workspace.app(timeout: .seconds(15)).test(.router) { client in
            try await Self.prime(client)
            let before = Self.children()
            let request = Task {
                try await client.execute(uri: Self.draw, method: .get) { ($0.status, $0.text) }
            }
            let drawing = try await Self.newChildren(since: before)
            #expect(!drawing.isEmpty, "Graphviz never started")
            let (status, text) = try await request.value
            #expect(status == .serviceUnavailable, "\(text.prefix(300))")
            #expect(try await Self.gone(drawing), "Graphviz \(drawing) outlived the request's time limit")
        }
    }

    @Test func aClientLeavingKillsGraphviz() async throws {
        let workspace = try Self.workspace()
        try await workspace.app().test(.live) { client in
            try await Self.prime(client)
            let before = Self.children()
            let raw = try RawClient(port: try #require(client.port))
            try raw.send("GET \(Self.draw) HTTP/1.1\r\nHost: x\r\n\r\n")
            let drawing = try await Self.newChildren(since: before)
            #expect(!drawing.isEmpty, "Graphviz never started")
            raw.close()
            #expect(try await Self.gone(drawing), "Graphviz \(drawing) outlived its client")
        }
    }

    @Test func cancellingAJobKillsGraphviz() async throws {
        let workspace = try Self.workspace()
        try await workspace.app().test(.router) { client in
            try await Self.prime(client)
            let before = Self.children()
            let location = try await client.execute(uri: "/v1/networks/big/jobs", method: .post, headers: headers("application/json"),
                                                    body: ByteBuffer(text: #"{"route": "render.svg", "query": {"layout": "dot"}}"#)) {
                response in
                #expect(response.status == .accepted, "\(response.text)")
                return try #require(response.headers[.location])
            }
            let drawing = try await Self.newChildren(since: before)
            #expect(!drawing.isEmpty, "Graphviz never started")
            try await client.execute(uri: location, method: .delete) { response in
                #expect(response.status == .ok)
            }
            #expect(try await Self.gone(drawing), "Graphviz \(drawing) outlived its cancelled job")
        }
    }

    /// The server stops with a drawing job running: the job is cancelled and Graphviz killed.
    @Test func shutdownKillsGraphviz() async throws {
        let workspace = try Self.workspace()
        let drawing = try await workspace.app().test(.live) { client in
            try await Self.prime(client)
            let before = Self.children()
            try await client.execute(uri: "/v1/networks/big/jobs", method: .post, headers: headers("application/json"),
                                     body: ByteBuffer(text: #"{"route": "render.svg", "query": {"layout": "dot"}}"#)) { response in
                #expect(response.status == .accepted, "\(response.text)")
            }
            let drawing = try await Self.newChildren(since: before)
            #expect(!drawing.isEmpty, "Graphviz never started")
            return drawing
        }
        #expect(try await Self.gone(drawing), "Graphviz \(drawing) outlived the server")
    }
}
