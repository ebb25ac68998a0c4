import ActorNetTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The real `actornet serve` on loopback: starts, answers, and stops gracefully on SIGTERM.
@Suite struct EndToEndTests {
    /// The `actornet` built beside this test bundle (ActorNetCLITests depends on it, so building
    /// the tests builds it), or `ACTORNET_BIN` (`TestBinaries`).
    static var binary: URL {
        get throws { try TestBinaries.actornet() }
    }

    /// Collects a pipe's text on a background thread so the test can wait for a line.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""

        init(_ pipe: Pipe) {
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { handle.readabilityHandler = nil; return }
                self.lock.lock()
                self.text += String(decoding: data, as: UTF8.self)
                self.lock.unlock()
            }
        }

        var current: String { lock.lock(); defer { lock.unlock() }; return text }

        /// The server's URL once `actornet serve` has printed it (port bound), waiting up to 10 s.
        func serverURL() async throws -> String? {
            for _ in 0..<200 {
                if let match = current.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)/) { return String(match.0) }
                try await Task.sleep(for: .milliseconds(50))
            }
            return nil
        }
    }

    func request(_ url: String, method: String = "GET", body: Data? = nil, type: String? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body
        if let type { request.setValue(type, forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test(.timeLimit(.minutes(1))) func servesAndStopsOnSIGTERM() async throws {
        let workspace = try TestWorkspace(seeded: false)
        let process = Process()
        process.executableURL = try Self.binary
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--workspace", workspace.directory,
                             "--log-level", "warning"]
        let err = Pipe(), out = Pipe()
        process.standardError = err
        process.standardOutput = out
        let stderr = Collector(err)
        _ = Collector(out)
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The URL is printed once the port is bound (port 0: the system chose it).
        let url = try #require(await stderr.serverURL(), "no URL printed; stderr: \(stderr.current)")

        let (health, healthBody) = try await request("\(url)/healthz")
        #expect(health == 200)
        #expect(String(decoding: healthBody, as: UTF8.self).contains("\"ok\""))

        let yaml = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("graphs/russia-iran.yaml")))
        let (put, _) = try await request("\(url)/v1/networks/ri", method: "PUT", body: yaml, type: "application/yaml")
        #expect(put == 201)
        let (metrics, metricsBody) = try await request("\(url)/v1/networks/ri/metrics?metric=betweenness")
        #expect(metrics == 200)
        let object = try JSONSerialization.jsonObject(with: metricsBody) as? [String: Any]
        #expect((object?["actors"] as? [[String: Any]])?.first?["id"] as? String == "RUS")

        process.terminate()  // SIGTERM
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "still running 5 s after SIGTERM")
        if !process.isRunning {
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 0, "stderr: \(stderr.current)")
        }
    }
}
