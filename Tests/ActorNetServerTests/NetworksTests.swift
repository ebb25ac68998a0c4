import ActorNetCore
import ActorNetIO
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The workspace routes: list, upload in every format, replace, fetch, delete, and every refusal.
@Suite struct NetworksTests {
    static let small = """
        actornet: 1
        name: Small
        actors:
          - {id: RUS, name: Russia}
          - {id: IRN, name: Iran}
          - {id: ISR, name: Israel}
        relations:
          - {source: RUS, target: IRN, kind: cooperation, weight: 4}
          - {source: ISR, target: IRN, kind: rivalry, weight: 5}
          - {source: RUS, target: ISR, kind: cooperation, weight: 2}
        """

    /// `small` in the native JSON syntax.
    static let smallJSON = """
        {"actornet": 1, "name": "Small",
         "actors": [{"id": "RUS", "name": "Russia"}, {"id": "IRN", "name": "Iran"}, {"id": "ISR", "name": "Israel"}],
         "relations": [{"source": "RUS", "target": "IRN", "kind": "cooperation", "weight": 4},
                       {"source": "ISR", "target": "IRN", "kind": "rivalry", "weight": 5},
                       {"source": "RUS", "target": "ISR", "kind": "cooperation", "weight": 2}]}
        """

    @Test func listsOnlyYAMLNetworksSortedByName() async throws {
        let workspace = try TestWorkspace()
        try Data(Self.small.utf8).write(to: URL(fileURLWithPath: workspace.path("alpha")))
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let list = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
                #expect(list.map { $0["name"] as? String } == ["alpha", "russia-iran"])
                #expect(list[1]["actors"] as? Int == TestWorkspace.shipped.actors.count)
                #expect(list[1]["relations"] as? Int == TestWorkspace.shipped.relations.count)
                #expect((list[1]["modified"] as? String)?.hasSuffix("Z") == true)
            }
        }
    }

    @Test func healthz() async throws {
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.object["status"] as? String == "ok")
            }
        }
    }

    /// Each accepted document type is read by its library reader and stored as native YAML.
    @Test(arguments: [
        ("application/yaml", "graphs/russia-iran.yaml", false),
        ("text/yaml; charset=utf-8", "graphs/russia-iran.yaml", false),
        ("application/graphml+xml", "graphml/networkx_written_gahuku_gama.graphml", true),
        ("application/gexf+xml", "gexf/networkx_written_gahuku_gama.gexf", true),
        ("text/xml", "graphml/networkx_written_gahuku_gama.graphml", true),
        // A generic XML type: the content's root element (gexf) decides.
        ("application/xml", "gexf/networkx_written_gahuku_gama.gexf", true),
    ])
    func uploadsFiles(contentType: String, file: String, fixture: Bool) async throws {
        let workspace = try TestWorkspace(seeded: false)
        let path = fixture ? Fixtures.fixturePath(file) : Fixtures.path(file)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // What the library's reader for this type makes of the same bytes under the same name.
        let library: LoadResult = switch contentType {
        case "application/graphml+xml": GraphMLReader.read(bytes: bytes, file: "up.graphml")
        case "application/gexf+xml", "application/xml": GEXFReader.read(bytes: bytes, file: "up.gexf")
        case "text/xml": GraphMLReader.read(bytes: bytes, file: "up.graphml")
        default: NetworkLoader.load(bytes: bytes, file: "up.yaml", syntax: .yaml)
        }
        let expected = try #require(library.network)
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/up", method: .put, headers: headers(contentType),
                                     body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.status == .created, "\(response.text)")
                #expect(response.object["name"] as? String == "up")
                #expect(response.object["actors"] as? Int == expected.actors.count)
                #expect(response.object["relations"] as? Int == expected.relations.count)
            }
        }
        let stored = try String(contentsOfFile: workspace.path("up"), encoding: .utf8)
        #expect(stored == NativeWriter.yaml(expected))
    }

    @Test func uploadsNativeJSONNodeLinkJSONAndCSV() async throws {
        let workspace = try TestWorkspace(seeded: false)
        let network = TestWorkspace.shipped
        let table = ExportTable(network, metrics: [], visual: nil)
        let bodies: [(String, String, String)] = [
            ("native", "application/json", Self.smallJSON),
            ("nodelink", "application/json", NodeLinkJSON.write(table)),
            ("edges", "text/csv", CSVTables.edges(table)),
        ]
        try await workspace.app().test(.router) { client in
            for (name, type, text) in bodies {
                try await client.execute(uri: "/v1/networks/\(name)", method: .put, headers: headers(type),
                                         body: ByteBuffer(text: text)) { response in
                    #expect(response.status == .created, "\(name): \(response.text)")
                }
            }
            try await client.execute(uri: "/v1/networks", method: .get) { response in
                #expect(response.text.contains("\"nodelink\""))
                #expect(response.text.contains("\"native\""))
                #expect(response.text.contains("\"edges\""))
            }
        }
        #expect(NetworkLoader.load(path: workspace.path("nodelink")).network?.relations.count == network.relations.count)
        #expect(NetworkLoader.load(path: workspace.path("native")).network?.actors.count == 3)
    }

    @Test func replaceAnswers200AndGetGivesNodeLinkJSON() async throws {
        let workspace = try TestWorkspace()
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran", method: .put, headers: headers("application/yaml"),
                                     body: ByteBuffer(text: Self.small)) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.object["actors"] as? Int == 3)
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect((response.object["nodes"] as? [Any])?.count == 3)
                #expect((response.object["edges"] as? [Any])?.count == 3)
            }
        }
    }

    @Test func deleteThen404NamingTheKnownNetworks() async throws {
        let workspace = try TestWorkspace()
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect((response.error["detail"] as? String)?.contains("russia-iran") == true)
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .delete) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .delete) { response in
                #expect(response.status == .notFound)
                #expect(response.error["status"] as? Int == 404)
            }
            try await client.execute(uri: "/v1/networks/russia-iran/metrics", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.path("russia-iran")))
        #expect(FileManager.default.fileExists(atPath: "\(workspace.directory)/README.md"))
    }

    @Test func malformedDocumentsGive422WithEveryLocatedDiagnostic() async throws {
        let workspace = try TestWorkspace()
        let before = try Data(contentsOf: URL(fileURLWithPath: workspace.path("russia-iran")))
        let bad = """
            actors:
              - {id: RUS}
              - {id: IRN}
            relations:
              - {source: RUS, target: IRQ, kind: cooperation, weight: -1}
            """
        let cases: [(String, String, Int)] = [
            ("application/yaml", bad, 5),
            ("application/yaml", "actors: [\n  {id: RUS\n", 0),
            ("application/json", "{\"actors\": [", 0),
            ("application/graphml+xml", "<graphml><graph><node id=\"a\"></graph>", 0),
            ("text/csv", "", 0),
        ]
        try await workspace.app().test(.router) { client in
            for (type, text, line) in cases {
                try await client.execute(uri: "/v1/networks/russia-iran", method: .put, headers: headers(type),
                                         body: ByteBuffer(text: text)) { response in
                    #expect(response.status == .unprocessableContent, "\(type): \(response.text)")
                    let diagnostics = try #require(response.error["diagnostics"] as? [[String: Any]], "\(response.text)")
                    #expect(!diagnostics.isEmpty)
                    for d in diagnostics {
                        #expect((d["line"] as? Int ?? 0) >= 1 && (d["column"] as? Int ?? 0) >= 1)
                        #expect(d["file"] as? String != nil && d["message"] as? String != nil)
                    }
                    if line > 0 {
                        // Both problems of relation 1, each at its line.
                        let errors = diagnostics.filter { $0["severity"] as? String == "error" }
                        #expect(errors.count == 2, "\(response.text)")
                        #expect(errors.allSatisfy { $0["line"] as? Int == line })
                    }
                }
            }
        }
        // A failed upload leaves the stored file byte for byte as it was.
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("russia-iran"))) == before)
    }

    @Test func wrongContentTypeIs415ListingTheAcceptedOnes() async throws {
        try await TestWorkspace().app().test(.router) { client in
            for type in ["text/plain", "image/png"] {
                try await client.execute(uri: "/v1/networks/x", method: .put, headers: headers(type),
                                         body: ByteBuffer(text: Self.small)) { response in
                    #expect(response.status == .unsupportedMediaType)
                    let message = response.error["detail"] as? String ?? ""
                    for accepted in ["application/yaml", "application/json", "application/graphml+xml", "application/gexf+xml", "text/csv"] {
                        #expect(message.contains(accepted))
                    }
                }
            }
            try await client.execute(uri: "/v1/networks/x", method: .put, body: ByteBuffer(text: Self.small)) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test func oversizedBodyIs413AndLeavesTheOldFile() async throws {
        let workspace = try TestWorkspace()
        let before = try Data(contentsOf: URL(fileURLWithPath: workspace.path("russia-iran")))
        try await workspace.app(maxBodyBytes: 100).test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran", method: .put, headers: headers("application/yaml"),
                                     body: ByteBuffer(text: Self.small)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.error["status"] as? Int == 413)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("russia-iran"))) == before)
    }

    @Test(arguments: ["..%2Fetc", ".hidden", "a%2Fb", "..", "a..b", "%2Fetc%2Fpasswd", String(repeating: "x", count: 65), "a%20b"])
    func badNamesAre400NamingTheRule(name: String) async throws {
        try await TestWorkspace().app().test(.router) { client in
            for method in [HTTPRequest.Method.get, .put, .delete] {
                try await client.execute(uri: "/v1/networks/\(name)", method: method, headers: headers("application/yaml"),
                                         body: ByteBuffer(text: Self.small)) { response in
                    #expect(response.status == .badRequest, "\(method) \(name): \(response.text)")
                    #expect(response.error["field"] as? String == "name")
                    #expect((response.error["detail"] as? String)?.contains("1 to 64 characters") == true)
                }
            }
            try await client.execute(uri: "/v1/networks/\(name)/metrics", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func aRawSlashIsNoRoute() async throws {
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/a/b", method: .put, headers: headers("application/yaml"),
                                     body: ByteBuffer(text: Self.small)) { response in
                #expect(response.status == .notFound)
                #expect(response.error["status"] as? Int == 404)
            }
        }
    }

    /// Two uploads to one name at once: the file ends up as one of them, whole.
    @Test func concurrentUploadsOneWinsWhole() async throws {
        let workspace = try TestWorkspace()
        let shipped = try String(contentsOfFile: Fixtures.path("graphs/russia-iran.yaml"), encoding: .utf8)
        try await workspace.app().test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for text in [Self.small, shipped, Self.small, shipped] {
                    group.addTask {
                        try await client.execute(uri: "/v1/networks/race", method: .put, headers: headers("application/yaml"),
                                                 body: ByteBuffer(text: text)) { response in
                            #expect(response.status == .created || response.status == .ok)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let stored = try String(contentsOfFile: workspace.path("race"), encoding: .utf8)
        let candidates = [Self.small, shipped].map { NativeWriter.yaml(NetworkLoader.load(bytes: Array($0.utf8), file: "x.yaml").network!) }
        #expect(candidates.contains(stored))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.directory).filter { $0.contains(AtomicFile.marker) }
        #expect(leftovers.isEmpty)
    }

    @Test func unknownQueryParameterIs400() async throws {
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/v1/networks?verbose=1", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.error["field"] as? String == "verbose")
            }
        }
    }
}

/// The HTML pages.
@Suite struct PagesTests {
    @Test func indexAndNetworkPages() async throws {
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("href=\"/networks/russia-iran\""))
            }
            try await client.execute(uri: "/networks/russia-iran", method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("<svg"))
                #expect(response.text.contains("/v1/networks/russia-iran/export?format=graphml"))
            }
            try await client.execute(uri: "/networks/nope", method: .get) { response in
                #expect(response.status == .notFound)
                // A browser gets a page naming the problem, not the API's JSON.
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("<h1>404</h1>"))
                #expect(response.text.contains("nope"))
            }
            try await client.execute(uri: "/networks/..%2Fetc", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }
}
