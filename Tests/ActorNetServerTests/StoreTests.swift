import ActorNetCore
import ActorNetIO
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The workspace index, the byte-bounded caches, the compact snapshots and the start-up cleanup.
@Suite struct StoreTests {
    /// A workspace's arguments with its own counters.
    static func arguments(_ workspace: TestWorkspace, snapshotMinBytes: Int = 1 << 20) -> (ServerArguments, StoreStatistics) {
        var arguments = workspace.arguments()
        arguments.storeStatistics = StoreStatistics()
        arguments.snapshotMinBytes = snapshotMinBytes
        return (arguments, arguments.storeStatistics)
    }

    static func fileBytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// After the first request, listings, pages and fetches are answered from the index and the
    /// caches: the file is read and parsed once.
    @Test func requestsDoNotRereadTheWorkspace() async throws {
        let workspace = try TestWorkspace()
        let (arguments, statistics) = Self.arguments(workspace)
        try await buildApplication(arguments).test(.router) { client in
            for _ in 0..<3 {
                for uri in ["/v1/networks", "/", "/v1/networks/russia-iran", "/v1/networks/russia-iran/metrics"] {
                    try await client.execute(uri: uri, method: .get) { #expect($0.status == .ok, "\(uri)") }
                }
            }
        }
        let counts = statistics.current
        #expect(counts.fileReads == 1)
        #expect(counts.yamlParses == 1)
        #expect(counts.directoryScans == 1)
    }

    /// A file replaced, edited, added or removed by hand is seen by the next request.
    @Test func externalEditsArePickedUp() async throws {
        let workspace = try TestWorkspace()
        let (arguments, statistics) = Self.arguments(workspace)
        try await buildApplication(arguments).test(.router) { client in
            var before = ""
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                before = try #require(response.headers[.eTag])
            }
            try Data(NetworksTests.small.utf8).write(to: URL(fileURLWithPath: workspace.path("russia-iran")))
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                #expect(response.status == .ok)
                let etag = try #require(response.headers[.eTag])
                #expect(etag != before)
                #expect(etag == "\"\(contentHash(Array(NetworksTests.small.utf8)))\"")
                #expect(response.text.contains("\"Israel\""))
            }
            try Data(NetworksTests.small.utf8).write(to: URL(fileURLWithPath: workspace.path("added")))
            try await client.execute(uri: "/v1/networks", method: .get) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
                #expect(list.map { $0["name"] as? String } == ["added", "russia-iran"])
                #expect(list.map { $0["actors"] as? Int } == [3, 3])
            }
            try FileManager.default.removeItem(atPath: workspace.path("added"))
            try await client.execute(uri: "/v1/networks", method: .get) { response in
                #expect(!response.text.contains("added"))
            }
            try await client.execute(uri: "/v1/networks/added", method: .get) { #expect($0.status == .notFound) }
        }
        #expect(statistics.current.fileReads == 3)
    }

    /// Concurrent uploads and deletes of one name leave the index naming exactly what the file
    /// holds: a fetch afterwards needs no read, and its ETag is the file's hash.
    @Test func concurrentWritesKeepTheIndexRight() async throws {
        let workspace = try TestWorkspace()
        let (arguments, statistics) = Self.arguments(workspace)
        let shipped = try String(contentsOfFile: Fixtures.path("graphs/russia-iran.yaml"), encoding: .utf8)
        try await buildApplication(arguments).test(.router) { client in
            try await client.execute(uri: "/v1/networks", method: .get) { #expect($0.status == .ok) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<24 {
                    group.addTask {
                        switch i % 3 {
                        case 0:
                            try await client.execute(uri: "/v1/networks/shared", method: .put, headers: headers("application/yaml"),
                                                     body: ByteBuffer(text: NetworksTests.small)) { _ in }
                        case 1:
                            try await client.execute(uri: "/v1/networks/shared", method: .put, headers: headers("application/yaml"),
                                                     body: ByteBuffer(text: shipped)) { _ in }
                        default:
                            try await client.execute(uri: "/v1/networks/shared", method: .delete) { _ in }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let reads = statistics.current.fileReads
            let exists = FileManager.default.fileExists(atPath: workspace.path("shared"))
            try await client.execute(uri: "/v1/networks/shared", method: .get) { response in
                if exists {
                    #expect(response.status == .ok)
                    let bytes = try Self.fileBytes(workspace.path("shared"))
                    #expect(response.headers[.eTag] == "\"\(contentHash(bytes))\"")
                } else {
                    #expect(response.status == .notFound)
                }
            }
            try await client.execute(uri: "/v1/networks", method: .get) { response in
                #expect(response.text.contains("\"shared\"") == exists)
            }
            #expect(statistics.current.fileReads == reads)
        }
    }

    /// The cache forgets the least recently used entries until its bytes fit; an entry larger
    /// than the whole budget is not kept.
    @Test func cacheEvictsLeastRecentlyUsedByBytes() async {
        let cache = ResultCache<String>(capacityBytes: 100)
        await cache.put("a", "A", bytes: 40)
        await cache.put("b", "B", bytes: 40)
        #expect(await cache.get("a") == "A")
        await cache.put("c", "C", bytes: 40)
        #expect(await cache.get("b") == nil)
        #expect(await cache.get("a") == "A")
        #expect(await cache.get("c") == "C")
        #expect(await cache.totalBytes == 80)
        await cache.put("huge", "H", bytes: 101)
        #expect(await cache.get("huge") == nil)
        #expect(await cache.count == 2)
        await cache.put("d", "D", bytes: 90)
        #expect(await cache.keys == ["d"])
        #expect(await cache.totalBytes == 90)
        #expect(await cache.evictions == 3)
        // Replacing an entry replaces its cost.
        await cache.put("d", "D2", bytes: 10)
        #expect(await cache.totalBytes == 10)
        let counted = ResultCache<Int>(capacity: 2)
        for i in 0..<5 { await counted.put("\(i)", i) }
        #expect(await Set(counted.keys) == ["3", "4"])
    }

    /// A network's estimate grows with its content, and a bounded server keeps its results within
    /// the bound.
    @Test func networkSizeEstimateAndBoundedResults() async throws {
        let shipped = TestWorkspace.shipped
        let small = try #require(NetworkLoader.load(bytes: Array(NetworksTests.small.utf8), file: "s.yaml").network)
        #expect(small.estimatedBytes < shipped.estimatedBytes)
        #expect(shipped.estimatedBytes > shipped.relations.count * MemoryLayout<Relation>.stride)
        let workspace = try TestWorkspace()
        var arguments = workspace.arguments()
        arguments.cacheBytes = 2 * 4096
        let services = Services(arguments: arguments, logger: Logger(label: "test"))
        let loaded = try await services.load("russia-iran")
        for format in ["json", "graphml", "gexf", "csv"] {
            _ = try await services.computed(loaded, key: "export?\(format)", contentType: "x") {
                Array(repeating: 0, count: 1500)
            }
        }
        #expect(await services.results.totalBytes <= 4096)
        #expect(await services.results.count == 2)
        #expect(await services.networks.count == 0, "the shipped network's estimate exceeds half of 8 kB")
    }

    /// The temporary files of a writer killed mid-upload are removed at start-up, in the
    /// workspace and in `.actornet/`; one whose process still runs is kept.
    @Test func staleTemporaryFilesAreRemovedAtStart() throws {
        let workspace = try TestWorkspace()
        let history = "\(workspace.directory)/.actornet/history/russia-iran"
        try FileManager.default.createDirectory(atPath: history, withIntermediateDirectories: true)
        let dead: Int32 = 2_147_483_646
        let stale = ["\(workspace.directory)/.russia-iran.yaml\(AtomicFile.marker)\(dead)-1a2b",
                     "\(workspace.directory)/.new.yaml\(AtomicFile.marker)\(dead)-3c4d",
                     "\(history)/.0123456789abcdef-10.yaml\(AtomicFile.marker)\(dead)-5e6f"]
        let live = "\(workspace.directory)/.russia-iran.yaml\(AtomicFile.marker)\(ProcessInfo.processInfo.processIdentifier)-7a8b"
        for path in stale + [live] { try Data("partial".utf8).write(to: URL(fileURLWithPath: path)) }
        let (arguments, statistics) = Self.arguments(workspace)
        _ = buildRouter(arguments)
        for path in stale { #expect(!FileManager.default.fileExists(atPath: path), "\(path)") }
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: workspace.path("russia-iran")))
        #expect(statistics.current.temporariesRemoved == 3)
    }

    /// At start-up, snapshots of versions that are neither indexed nor kept are removed.
    @Test func orphanSnapshotsAreRemovedAtStart() async throws {
        let workspace = try TestWorkspace()
        let (first, _) = Self.arguments(workspace, snapshotMinBytes: 0)
        let version = try await buildApplication(first).test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                String(try #require(response.headers[.eTag]).dropFirst().dropLast())
            }
        }
        let snapshots = "\(workspace.directory)/.actornet/snapshots"
        let orphan = "\(snapshots)/0123456789abcdef-10.bin"
        try Data("x".utf8).write(to: URL(fileURLWithPath: orphan))
        _ = buildRouter(Self.arguments(workspace).0)
        #expect(!FileManager.default.fileExists(atPath: orphan))
        #expect(FileManager.default.fileExists(atPath: "\(snapshots)/\(version).bin"))
    }

    /// A server started on a workspace another one indexed trusts the unchanged files without
    /// reading them and decodes the snapshot instead of parsing the YAML.
    @Test func snapshotIsUsedAfterRestart() async throws {
        let workspace = try TestWorkspace()
        let (first, firstStatistics) = Self.arguments(workspace, snapshotMinBytes: 0)
        let body = try await buildApplication(first).test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { Array($0.body.readableBytesView) }
        }
        #expect(firstStatistics.current.yamlParses == 1)
        #expect(firstStatistics.current.snapshotWrites == 1)
        let (second, statistics) = Self.arguments(workspace, snapshotMinBytes: 0)
        try await buildApplication(second).test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                #expect(Array(response.body.readableBytesView) == body)
            }
            try await client.execute(uri: "/v1/networks", method: .get) { #expect($0.status == .ok) }
        }
        let counts = statistics.current
        #expect(counts.fileReads == 0)
        #expect(counts.yamlParses == 0)
        #expect(counts.snapshotLoads == 1)
    }

    /// A damaged snapshot, or one made for another version, is refused: the YAML is parsed and a
    /// good snapshot written in its place.
    @Test(arguments: ["damaged", "stale", "empty"])
    func badSnapshotIsRebuilt(kind: String) async throws {
        let workspace = try TestWorkspace()
        let (first, _) = Self.arguments(workspace, snapshotMinBytes: 0)
        let (body, version) = try await buildApplication(first).test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                (Array(response.body.readableBytesView), String(try #require(response.headers[.eTag]).dropFirst().dropLast()))
            }
        }
        let path = "\(workspace.directory)/.actornet/snapshots/\(version).bin"
        var bytes = try Self.fileBytes(path)
        switch kind {
        case "damaged": bytes[bytes.count / 2] ^= 0x5a
        case "stale": bytes = Snapshot.encode(try #require(NetworkLoader.load(bytes: Array(NetworksTests.small.utf8),
                                                                              file: "s.yaml").network), version: "0000000000000000-1")
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (second, statistics) = Self.arguments(workspace, snapshotMinBytes: 0)
        try await buildApplication(second).test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                #expect(Array(response.body.readableBytesView) == body)
            }
        }
        let counts = statistics.current
        #expect(counts.snapshotsRejected == 1)
        #expect(counts.yamlParses == 1)
        #expect(counts.snapshotWrites == 1)
        let rebuilt = try Snapshot.decode(try Self.fileBytes(path), version: version)
        #expect(NativeWriter.yaml(rebuilt) == NativeWriter.yaml(TestWorkspace.shipped))
    }

    /// A snapshot holds everything the YAML does: decoding gives the same network back.
    @Test func snapshotRoundTrips() throws {
        for file in ["graphs/russia-iran.yaml", "graphs/cow-1946-1999.yaml"] {
            let network = try #require(NetworkLoader.load(path: Fixtures.path(file)).network)
            let decoded = try Snapshot.decode(Snapshot.encode(network, version: "v"), version: "v")
            #expect(NativeWriter.yaml(decoded) == NativeWriter.yaml(network), "\(file)")
        }
        #expect(throws: Snapshot.Invalid.self) { try Snapshot.decode(Array("not a snapshot".utf8), version: "v") }
    }

    /// Hidden files and the store's own directory are never networks.
    @Test func hiddenFilesAreNotNetworks() async throws {
        let workspace = try TestWorkspace()
        try Data(NetworksTests.small.utf8).write(to: URL(fileURLWithPath: "\(workspace.directory)/.hidden.yaml"))
        try FileManager.default.createDirectory(atPath: "\(workspace.directory)/.actornet/x.yaml", withIntermediateDirectories: true)
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks", method: .get) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
                #expect(list.map { $0["name"] as? String } == ["russia-iran"])
            }
        }
    }
}
