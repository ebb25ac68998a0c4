import ActorNetCore
import ActorNetIO
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The service against clients that misbehave, over a real socket where the in-process client
/// cannot express it (`.live`): malformed HTTP, stalled and abandoned connections, bodies over
/// the limit, traversal in raw request lines, concurrent writers and readers, a failed upload,
/// and a client that leaves while its computation runs (the computation is cancelled).
@Suite struct FaultTests {
    /// Waits, without blocking the cooperative pool, until `condition` holds; false after
    /// `seconds`. A bound for a condition, not a timing assertion.
    func eventually(within seconds: Double = 60, _ condition: () -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }

    @Test func malformedRequestsAre400AndTheServerGoesOn() async throws {
        let malformed = [
            "NOT HTTP AT ALL\r\n\r\n",
            "GET /healthz HTTP/1.1\r\nHost localhost\r\n\r\n",
            "GET /healthz HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
            "GET /healthz HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            "GET /\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\nHost: x\r\n\r\n",
            "\u{0}\u{1}\u{2}\r\n\r\n",
        ]
        try await TestWorkspace().app().test(.live) { client in
            let port = try #require(client.port)
            for request in malformed {
                let answer = try await RawClient.exchange(port: port, send: request)
                #expect(answer.hasPrefix("HTTP/1.1 400"),
                        "\(request.prefix(60).debugDescription) → \(answer.prefix(200))")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// A client that stalls halfway through its headers, and one that connects and says
    /// nothing: others are served meanwhile, and the server closes both after its idle timeout.
    @Test func stalledAndSilentClientsAreClosedAndDoNotBlockOthers() async throws {
        let workspace = try TestWorkspace()
        var arguments = workspace.arguments()
        arguments.idleTimeout = .milliseconds(300)
        try await buildApplication(arguments).test(.live) { client in
            let port = try #require(client.port)
            let stalled = try RawClient(port: port)
            try stalled.send("GET /v1/networks HTTP/1.1\r\nHost: loc")
            let silent = try RawClient(port: port)
            let served = try await RawClient.exchange(port: port, send: "GET /v1/networks HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(served.hasPrefix("HTTP/1.1 200"), "\(served.prefix(200))")
            #expect(try await RawClient.offPool { stalled.readToEnd() }.isEmpty, "the stalled client got an answer")
            #expect(try await RawClient.offPool { silent.readToEnd() }.isEmpty)
            // readToEnd returned: the server closed both (the read timeout is far longer).
            #expect(stalled.sawEndOfFile && silent.sawEndOfFile)
        }
    }

    /// Content-Length over the limit is refused before the body is sent; a chunked body that
    /// grows past it is refused too, and the stored network is unchanged.
    @Test func oversizedBodiesOverASocketAre413() async throws {
        let workspace = try TestWorkspace()
        let before = FileManager.default.contents(atPath: workspace.path("russia-iran"))
        try await workspace.app(maxBodyBytes: 1000).test(.live) { client in
            let port = try #require(client.port)
            let declared = try await RawClient.exchange(port: port, send: "PUT /v1/networks/russia-iran HTTP/1.1\r\n"
                + "Host: x\r\nContent-Type: application/yaml\r\nContent-Length: 10000000\r\n\r\n")
            #expect(declared.hasPrefix("HTTP/1.1 413"), "\(declared.prefix(300))")
            #expect(declared.contains("the limit is 1000"), "\(declared)")
            let chunk = String(repeating: "#", count: 600)
            let chunked = "PUT /v1/networks/russia-iran HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + String(repeating: "258\r\n\(chunk)\r\n", count: 4) + "0\r\n\r\n"
            let streamed = try await RawClient.exchange(port: port, send: chunked)
            #expect(streamed.hasPrefix("HTTP/1.1 413"), "\(streamed.prefix(300))")
        }
        #expect(FileManager.default.contents(atPath: workspace.path("russia-iran")) == before)
    }

    /// Raw request lines that a URL library would normalise: `..` segments, encoded slashes,
    /// absolute paths. None reaches a file outside the workspace.
    @Test func traversalInRawRequestLinesReachesNothing() async throws {
        let paths = ["/v1/networks/../../../../etc/passwd", "/v1/networks/..%2F..%2F..%2Fetc%2Fpasswd",
                     "/v1/networks/%2e%2e%2f%2e%2e%2fetc%2fpasswd/metrics", "/../../etc/passwd",
                     "/v1/networks/russia-iran/../../../etc/passwd", "//etc/passwd"]
        try await TestWorkspace().app().test(.live) { client in
            let port = try #require(client.port)
            for path in paths {
                let answer = try await RawClient.exchange(port: port, send: "GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                #expect(answer.hasPrefix("HTTP/1.1 400") || answer.hasPrefix("HTTP/1.1 404"), "\(path) → \(answer.prefix(200))")
                #expect(!answer.contains("root:"), "\(path) leaked /etc/passwd")
            }
        }
    }

    /// Uploads and reads of one name at once: every read sees one whole version.
    @Test func concurrentWritersAndReadersSeeWholeVersions() async throws {
        let workspace = try TestWorkspace()
        let shipped = try String(contentsOfFile: Fixtures.path("graphs/russia-iran.yaml"), encoding: .utf8)
        let counts = Set([NetworksTests.small, shipped].map {
            NetworkLoader.load(bytes: Array($0.utf8), file: "x.yaml").network!.actors.count
        })
        try await workspace.app().test(.live) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for round in 0..<6 {
                    group.addTask {
                        try await client.execute(uri: "/v1/networks/race", method: .put, headers: headers("application/yaml"),
                                                 body: ByteBuffer(text: round % 2 == 0 ? NetworksTests.small : shipped)) { response in
                            #expect(response.status == .created || response.status == .ok, "\(response.text)")
                        }
                    }
                    group.addTask {
                        try await client.execute(uri: "/v1/networks/race", method: .get) { response in
                            guard response.status == .ok else {
                                #expect(response.status == .notFound, "\(response.text)")  // before the first upload
                                return
                            }
                            #expect(counts.contains((response.object["nodes"] as? [Any])?.count ?? -1), "\(response.text.prefix(200))")
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: workspace.directory).filter { $0.contains(AtomicFile.marker) }
        #expect(left.isEmpty)
    }

    /// A write that fails (the workspace made immutable: root ignores permission bits but not
    /// this) is 500 naming the file and the cause, and the previous network stays.
    @Test func aFailedUploadLeavesThePreviousNetwork() async throws {
        let workspace = try TestWorkspace()
        let path = workspace.path("russia-iran")
        let before = FileManager.default.contents(atPath: path)
        guard chattr("+i", workspace.directory) else { return }  // not root, or no such attribute here
        defer { _ = chattr("-i", workspace.directory) }
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran", method: .put, headers: headers("application/yaml"),
                                     body: ByteBuffer(text: NetworksTests.small)) { response in
                #expect(response.status == .internalServerError)
                let message = response.error["detail"] as? String ?? ""
                #expect(message.hasPrefix("cannot write '\(path)': no permission to create files in"), "\(message)")
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                #expect(response.status == .ok)
                #expect((response.object["nodes"] as? [Any])?.count == TestWorkspace.shipped.actors.count)
            }
        }
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    func chattr(_ flag: String, _ path: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A long betweenness whose client closes its socket: the computation is cancelled (its
    /// threads stop, nothing is cached), where finishing would take many times the wait.
    @Test func aClientThatLeavesCancelsItsComputation() async throws {
        let workspace = try TestWorkspace(seeded: false)
        // Betweenness, closeness and harmonic of 10k actors take minutes in a debug build; stopping
        // takes one shortest-path search per worker.
        let big = RandomNetworks.make(actors: 10000, relations: 50000, seed: 11)
        try AtomicFile.write(NativeWriter.yaml(big), to: workspace.path("big"))
        let arguments = workspace.arguments(timeout: .seconds(3600))
        let gauge = arguments.gauge
        try await buildApplication(arguments).test(.live) { client in
            // Parse the network first (and cache it), so that the computation watched is the betweenness.
            let port = try #require(client.port)
            let parsed = try await RawClient.exchange(port: port, send: "GET /v1/networks/big/metrics?metric=degree HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(parsed.hasPrefix("HTTP/1.1 200"), "\(parsed.prefix(200))")
            let started = gauge.startedCount
            let raw = try RawClient(port: port)
            try raw.send("GET /v1/networks/big/metrics?metric=betweenness,closeness,harmonic&at=all HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await eventually { gauge.startedCount > started && gauge.running == 1 }, "it never started")
            raw.close()
            #expect(try await eventually(within: 120) { gauge.running == 0 }, "still computing after the client left")
            #expect(gauge.cancelledCount == 1)
        }
    }

    /// Over the time limit: 503 at once, and the work itself is stopped too.
    @Test func aTimeoutCancelsTheWork() async throws {
        let workspace = try TestWorkspace(seeded: false)
        let big = RandomNetworks.make(actors: 3000, relations: 15000, seed: 5)
        try AtomicFile.write(NativeWriter.yaml(big), to: workspace.path("big"))
        let arguments = workspace.arguments(timeout: .seconds(3600))
        let gauge = arguments.gauge
        try await buildApplication(arguments).test(.router) { client in
            try await client.execute(uri: "/v1/networks/big/metrics?metric=degree", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        var short = arguments
        short.computeTimeout = .milliseconds(200)
        try await buildApplication(short).test(.router) { client in
            try await client.execute(uri: "/v1/networks/big/metrics?metric=betweenness,closeness&at=all",
                                     method: .get) { response in
                #expect(response.status == .serviceUnavailable, "\(response.text)")
                #expect((response.error["detail"] as? String)?.contains("took longer than 0.2 s") == true)
            }
        }
        #expect(try await eventually { gauge.running == 0 }, "still computing after the time limit")
        #expect(gauge.cancelledCount >= 1)
    }
}

/// A bare TCP client for what an HTTP library will not send. Blocking calls run off the
/// cooperative pool (`offPool`), which the server's handlers need.
final class RawClient: @unchecked Sendable {
    private let descriptor: Int32
    private(set) var sawEndOfFile = false

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        // A bound on every read, so a server that never answers fails the test instead of hanging it.
        var limit = timeval(tv_sec: 300, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close() }

    private var closed = false

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(.init(rawValue: errno) ?? .EIO)
            }
            bytes = bytes.dropFirst(n)
        }
    }

    /// Half-closes the connection: the server sees the end of what the client sends.
    func finishSending() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// Everything until the server closes (or resets) the connection, or the read times out.
    func readToEnd() -> String { read(untilComplete: false) }

    /// One response: up to the end of its body (by Content-Length), or of the connection.
    func readResponse() -> String { read(untilComplete: true) }

    private func read(untilComplete: Bool) -> String {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if untilComplete, Self.isComplete(data) { break }
            let n = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if n > 0 { data.append(contentsOf: buffer[..<n]); continue }
            if n < 0, errno == EINTR { continue }
            sawEndOfFile = n == 0 || errno == ECONNRESET
            break
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func isComplete(_ data: [UInt8]) -> Bool {
        let text = String(decoding: data, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return false }
        let head = text[..<end.lowerBound].lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return false }
        return text.utf8.count - text.utf8.distance(from: text.utf8.startIndex, to: end.upperBound) >= length
    }

    func close() {
        guard !closed else { return }
        closed = true
        // A child process the server started (Graphviz) may hold a copy of this descriptor,
        // this client living in the server's process: shutdown closes the connection whatever
        // other copies exist.
        Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
        Glibc.close(descriptor)
    }

    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Sends `request` on a new connection and returns the server's answer.
    static func exchange(port: Int, send request: String) async throws -> String {
        try await offPool {
            let client = try RawClient(port: port)
            defer { client.close() }
            try client.send(request)
            return client.readResponse()
        }
    }
}
