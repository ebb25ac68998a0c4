import ActorNetCore
import ActorNetIO
import ActorNetReports
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The analysis routes give what the library gives for the same view, byte for byte; bad
/// parameters are refused by name.
@Suite struct AnalysisTests {
    let network = TestWorkspace.shipped

    /// What `actornet metrics --format json` prints, computed here from the library.
    func expectedMetrics(_ network: Network, _ metrics: [Metric], filter: ViewFilter, file: String = "russia-iran") throws -> String {
        let view = try NetworkView(network, filter: filter)
        let scores = try metrics.map { try $0.compute(on: view) }
        var settings = ["distance": Distance.inverse.description]
        for (metric, score) in zip(metrics, scores) { settings[metric.rawValue] = score.measure }
        let signed = metrics.filter(\.isSigned)
        if !signed.isEmpty, filter.sign != nil {
            settings["note"] = "\(signed.map(\.rawValue).joined(separator: ", ")) read relations of both signs "
                + "(the rest of the view as above)"
        }
        return try MetricsReport(file: file, view: filter.describe(in: network), options: settings, distanceSetting: "inverse",
                                 actors: network.actors, metrics: metrics, scores: scores).json()
    }

    @Test func metricsEqualTheLibrary() async throws {
        let cases: [(String, [Metric], ViewFilter)] = [
            ("", Metric.defaults, ViewFilter(sign: .positive, at: network.latestStart, direction: .undirected)),
            ("?metric=betweenness,hedges&at=all", [.betweenness, .hedges], ViewFilter(sign: .positive, direction: .undirected)),
            ("?metric=degree&kinds=cooperation,supply&directed=true&at=2024&channel=material&top=3",
             [.degree], ViewFilter(kinds: ["cooperation", "supply"], sign: .positive, channels: [.material],
                                   at: PartialDate(iso: "2024"), direction: .asDeclared)),
            ("?metric=pagerank&sign=any", [.pagerank], ViewFilter(at: network.latestStart, direction: .undirected)),
        ]
        try await TestWorkspace().app().test(.router) { client in
            for (query, metrics, filter) in cases {
                let expected = try expectedMetrics(network, metrics, filter: filter)
                try await client.execute(uri: "/v1/networks/russia-iran/metrics\(query)", method: .get) { response in
                    #expect(response.status == .ok, "\(query): \(response.text)")
                    #expect(response.headers[.contentType] == "application/json")
                    #expect(response.text == expected, "\(query)")
                }
            }
        }
    }

    @Test func hedgingBalanceAndReportEqualTheLibrary() async throws {
        let filter = ViewFilter(at: network.latestStart, direction: .undirected)
        let view = filter.describe(in: network)
        let graph = SignedGraph(try NetworkView(network, filter: filter))
        let hedging = try HedgingReport.json(Hedging().run(on: graph), view: view, file: "russia-iran")
        let frustration = FrustrationIndex()
        let balance = try BalanceReport.json(BalanceReport.Input(
            file: "russia-iran", view: view, graph: graph, census: TriangleCensus().run(on: graph),
            walk: Result { () throws(AnalysisError) in try WalkBalance().run(on: graph) },
            frustration: Result { () throws(AnalysisError) in try frustration.run(on: graph) },
            pn: Result { () throws(AnalysisError) in try PNCentrality().run(on: graph) }))
        let report = try AnalystReport.json(try NetworkReport(network: network, options: .init(at: network.latestStart)),
                                            file: "russia-iran")
        var allDates = NetworkReport.Options(at: nil, top: 3)
        allDates.metric.distance = .unit
        let reportAll = try AnalystReport.json(try NetworkReport(network: network, options: allDates), file: "russia-iran")
        try await TestWorkspace().app().test(.router) { client in
            for (uri, expected) in [("hedging", hedging), ("balance", balance), ("report", report),
                                    ("report?at=all&top=3&distance=unit", reportAll)] {
                try await client.execute(uri: "/v1/networks/russia-iran/\(uri)", method: .get) { response in
                    #expect(response.status == .ok, "\(uri): \(response.text)")
                    #expect(response.text == expected, "\(uri)")
                }
            }
        }
    }

    /// Every option of `actornet metrics` (but `--threads`) is a query parameter of the same
    /// name, filled into the same `MetricsRequest`, so the route answers what the CLI prints.
    @Test func metricsTakeEveryOptionOfTheCLI() async throws {
        let fills: [(String, (inout MetricsRequest) -> Void)] = [
            ("metric=betweenness&raw=true&endpoints=true", { $0.metric = "betweenness"; $0.raw = true; $0.endpoints = true }),
            ("metric=closeness&no_correction=true&distance=unit", { $0.metric = "closeness"; $0.noCorrection = true; $0.distance = .unit }),
            ("metric=pagerank&damping=0.5&personalize=IRN%3D2,ISR%3D1&tolerance=1e-9&max_iterations=500",
             { $0.metric = "pagerank"; $0.damping = 0.5; $0.personalize = "IRN=2,ISR=1"; $0.tolerance = 1e-9; $0.maxIterations = 500 }),
            ("metric=katz&alpha=0.05&spectral_weights=none", { $0.metric = "katz"; $0.alpha = 0.05; $0.spectralWeights = .none }),
            ("metric=betweenness&approximate=true&epsilon=0.2&delta=0.2&seed=7",
             { $0.metric = "betweenness"; $0.approximate = true; $0.epsilon = 0.2; $0.delta = 0.2; $0.seed = 7 }),
            ("metric=betweenness&approximate=true&approximation=paths&epsilon=0.2&seed=3",
             { $0.metric = "betweenness"; $0.approximate = true; $0.approximation = .paths; $0.epsilon = 0.2; $0.seed = 3 }),
            ("metric=edge-betweenness&raw=true", { $0.metric = "edge-betweenness"; $0.raw = true }),
        ]
        let cases: [(String, MetricsRequest)] = fills.map { query, fill in
            var request = MetricsRequest()
            fill(&request)
            return (query, request)
        }
        try await TestWorkspace().app().test(.router) { client in
            for (query, request) in cases {
                let expected = try request.run(on: network, file: "russia-iran").json()
                // The defaults give a different answer, so each option is seen to take effect.
                #expect(try MetricsRequest().run(on: network, file: "russia-iran").json() != expected, "\(query)")
                try await client.execute(uri: "/v1/networks/russia-iran/metrics?\(query)", method: .get) { response in
                    #expect(response.status == .ok, "\(query): \(response.text)")
                    #expect(response.text == expected, "\(query)")
                }
            }
        }
    }

    @Test func badParametersAre400NamingTheFieldAndTheValidValues() async throws {
        let cases: [(String, String, [String])] = [
            ("metrics?metric=betweeness", "metric", ["did you mean 'betweenness'", "pagerank", "edge-betweenness"]),
            ("metrics?metric=degree,edge-betweenness", "metric", ["alone"]),
            ("metrics?kinds=cooperaton", "kinds", ["cooperation", "known kinds"]),
            ("metrics?at=2023-02-30", "at", ["YYYY-MM-DD", "all for every date"]),
            ("metrics?damping=1.5", "damping", ["[0, 1)", "0.85", "1.5"]),
            ("metrics?damping=high", "damping", ["not a number"]),
            ("metrics?approximate=true&epsilon=2", "epsilon", ["(0, 1)", "2"]),
            ("metrics?tolerance=0", "tolerance", ["> 0"]),
            ("metrics?metric=pagerank&personalize=IRN", "personalize", ["ID=WEIGHT"]),
            ("metrics?metric=pagerank&personalize=XYZ=1", "personalize", ["unknown actor 'XYZ'", "known ids"]),
            ("metrics?max_iterations=0", "max_iterations", ["≥ 1"]),
            ("metrics?threads=2", "threads", ["unknown parameter"]),
            ("metrics?distance=far", "distance", ["inverse", "weight", "unit"]),
            ("metrics?sign=both", "sign", ["positive", "negative", "any"]),
            ("metrics?channel=tv", "channel", ["stated", "material"]),
            ("metrics?directed=maybe", "directed", ["true or false"]),
            ("metrics?top=0", "top", ["≥ 1"]),
            ("hedging?kinds=war", "kinds", ["rivalry"]),
            ("balance?method=magic", "method", ["automatic", "exact", "heuristic"]),
            ("report?at=yesterday", "at", ["YYYY"]),
            ("report?kinds=rivalry", "kinds", ["at, top, distance"]),
            ("export?format=pdf", "format", ["graphml", "gexf", "dot"]),
            ("export?colour_by=fame", "colour_by", ["valid metrics"]),
            ("render.svg?layout=circo", "layout", ["auto", "neato"]),
            ("render.svg?splines=wiggly", "splines", ["line"]),
        ]
        try await TestWorkspace().app().test(.router) { client in
            for (uri, field, words) in cases {
                try await client.execute(uri: "/v1/networks/russia-iran/\(uri)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri): \(response.text)")
                    #expect(response.error["field"] as? String == field, "\(uri): \(response.text)")
                    let message = response.error["detail"] as? String ?? ""
                    for word in words { #expect(message.contains(word), "\(uri): \(message) lacks \(word)") }
                }
            }
        }
    }

    @Test(arguments: [
        ("yaml", "application/yaml", "russia-iran.yaml"), ("graphml", "application/graphml+xml", "russia-iran.graphml"),
        ("gexf", "application/gexf+xml", "russia-iran.gexf"), ("dot", "text/vnd.graphviz", "russia-iran.dot"),
        ("csv", "text/csv; charset=utf-8", "russia-iran-edges.csv"), ("json", "application/json", "russia-iran.json"),
    ])
    func exportsEveryFormat(format: String, contentType: String, filename: String) async throws {
        let expected = try Exporter.export(network, format: NetworkFormat.named(format)!, toFiles: false).outputs[0].bytes()
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran/export?format=\(format)", method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.headers[.contentType] == contentType)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"\(filename)\"")
                #expect(Array(response.body.readableBytesView) == expected)
            }
        }
    }

    @Test func exportOfASnapshot() async throws {
        let snapshot = network.snapshot(at: PartialDate(iso: "2016")!)
        let expected = try Exporter.export(snapshot, format: .yaml, toFiles: false).outputs[0].bytes()
        #expect(snapshot.relations.count < network.relations.count)
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran/export?format=yaml&at=2016", method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect(Array(response.body.readableBytesView) == expected)
            }
            try await client.execute(uri: "/v1/networks/russia-iran/export?at=2016&dynamic=true&format=gexf", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("one snapshot (at) and every date as a timeline (dynamic) contradict each other"))
            }
            // An option the format cannot carry is refused by name, not ignored.
            for (query, field, words) in [("format=graphml&dynamic=true", "dynamic", "in gexf, not graphml"),
                                          ("format=yaml&with_metrics=true", "with_metrics", "not yaml"),
                                          ("format=gexf&clusters=true", "clusters", "in dot, not gexf"),
                                          ("format=json&table=nodes", "table", "in csv, not json"),
                                          ("format=dot&colour_by=pagerank", "colour_by", "with_metrics")] {
                try await client.execute(uri: "/v1/networks/russia-iran/export?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(response.error["field"] as? String == field, "\(query): \(response.text)")
                    #expect((response.error["detail"] as? String ?? "").contains(words), "\(query): \(response.text)")
                }
            }
        }
    }

    @Test func exportOptions() async throws {
        let settings = ExportSettings(withMetrics: true, dynamic: true)
        let gexf = try Exporter.export(network, format: .gexf, settings: settings, toFiles: false).outputs[0].bytes()
        let nodes = try Exporter.export(network, format: .csv, settings: ExportSettings(csvTable: .nodes), toFiles: false).outputs[0].bytes()
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran/export?format=gexf&dynamic=true&with_metrics=true",
                                     method: .get) { response in
                #expect(Array(response.body.readableBytesView) == gexf)
            }
            try await client.execute(uri: "/v1/networks/russia-iran/export?format=csv&table=nodes", method: .get) { response in
                #expect(Array(response.body.readableBytesView) == nodes)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"russia-iran-nodes.csv\"")
            }
        }
    }

    @Test func rendersSVG() async throws {
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran/render.svg?layout=dot&colour_by=hedges&size_by=betweenness",
                                     method: .get) { response in
                #expect(response.status == .ok || response.status == .serviceUnavailable, "\(response.text)")
                if response.status == .ok {
                    #expect(response.headers[.contentType] == "image/svg+xml")
                    #expect(response.text.contains("<svg"))
                } else {
                    #expect((response.error["detail"] as? String)?.contains("apt-get install graphviz") == true)
                }
            }
        }
    }

    /// Results are cached by the file's content: a new version gives new answers.
    @Test func newVersionInvalidatesTheCache() async throws {
        let workspace = try TestWorkspace()
        let small = try #require(NetworkLoader.load(bytes: Array(NetworksTests.small.utf8), file: "x.yaml").network)
        try await workspace.app().test(.router) { client in
            let uri = "/v1/networks/russia-iran/metrics?metric=degree"
            let first = try await client.execute(uri: uri, method: .get) { $0.text }
            #expect(try await client.execute(uri: uri, method: .get) { $0.text } == first)
            try await client.execute(uri: "/v1/networks/russia-iran", method: .put, headers: headers("application/yaml"),
                                     body: ByteBuffer(text: NetworksTests.small)) { #expect($0.status == .ok) }
            let second = try await client.execute(uri: uri, method: .get) { $0.text }
            #expect(second != first)
            let expected = try expectedMetrics(small, [.degree],
                                               filter: ViewFilter(sign: .positive, at: small.latestStart, direction: .undirected))
            #expect(second == expected)
        }
    }

    /// A computation over the limit is answered 503 with JSON saying what to do.
    @Test func slowComputationIs503() async throws {
        let workspace = try TestWorkspace(seeded: false)
        // Big enough that the work outlasts the 1 ms timer even when a loaded machine fires it
        // late (on 600 actors the three measures once finished first, under the full suite).
        let big = RandomNetworks.make(actors: 2_000, relations: 10_000, seed: 7)
        try NativeWriter.yaml(big).write(toFile: workspace.path("big"), atomically: true, encoding: .utf8)
        try await workspace.app(timeout: .milliseconds(1)).test(.router) { client in
            try await client.execute(uri: "/v1/networks/big/metrics?metric=betweenness,closeness,harmonic&at=all",
                                     method: .get) { response in
                #expect(response.status == .serviceUnavailable, "\(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect((response.error["detail"] as? String)?.contains("took longer than 0.001 s") == true, "\(response.text)")
            }
        }
    }

    @Test func storedFileThatIsNotANetworkIs500WithDiagnostics() async throws {
        let workspace = try TestWorkspace(seeded: false)
        try "actors: [\n".write(toFile: workspace.path("broken"), atomically: true, encoding: .utf8)
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/broken/report", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect((response.error["diagnostics"] as? [Any])?.isEmpty == false)
            }
            try await client.execute(uri: "/v1/networks", method: .get) { response in
                #expect(response.text.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || response.text.contains("[]"))
            }
        }
    }
}
