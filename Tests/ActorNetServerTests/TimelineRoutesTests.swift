import ActorNetCore
import ActorNetIO
import ActorNetReports
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The timeline routes give what `TimelineReport` gives for the same parameters, byte for byte;
/// bad parameters are refused by name; the network page embeds the default chart.
@Suite struct TimelineRoutesTests {
    let network = TestWorkspace.shipped

    func expected(_ measure: String, from: String?, to: String?, step: TimelineStepSize, actors: [String]? = nil,
                  filter: ViewFilter) throws -> TimelineReport {
        try TimelineReport.compute(network, file: "russia-iran", measure: try TimelineMeasure.parse(measure), asked: measure,
                                   from: from.flatMap(PartialDate.init(iso:)), to: to.flatMap(PartialDate.init(iso:)),
                                   step: step, filter: filter, actors: actors)
    }

    @Test func jsonAndSVGEqualTheLibrary() async throws {
        let positive = ViewFilter(sign: .positive, direction: .undirected)
        let cases: [(String, TimelineReport)] = [
            ("metric=hedging&from=2015&to=2025-07&step=quarter",
             try expected("hedging", from: "2015", to: "2025-07", step: .quarter, filter: positive)),
            ("metric=signed-degree&actors=RUS,IRN,SYR&from=2014&to=2025-07&step=month",
             try expected("signed-degree", from: "2014", to: "2025-07", step: .month, actors: ["RUS", "IRN", "SYR"], filter: positive)),
            ("metric=balance&from=2010&kinds=cooperation,rivalry&directed=true",
             try expected("balance", from: "2010", to: nil, step: .year,
                          filter: ViewFilter(kinds: ["cooperation", "rivalry"], direction: .asDeclared))),
            ("metric=degree&sign=any&channel=material&from=2020&step=year&top=2",
             try TimelineReport.compute(network, file: "russia-iran", measure: .actor(.degree), asked: "degree",
                                        from: PartialDate(iso: "2020"), to: nil, step: .year,
                                        filter: ViewFilter(channels: [.material], direction: .undirected), top: 2)),
        ]
        try await TestWorkspace().app().test(.router) { client in
            for (query, report) in cases {
                let json = try report.json()
                try await client.execute(uri: "/v1/networks/russia-iran/timeline?\(query)", method: .get) { response in
                    #expect(response.status == .ok, "\(query): \(response.text)")
                    #expect(response.headers[.contentType] == "application/json")
                    #expect(response.text == json, "\(query)")
                }
                try await client.execute(uri: "/v1/networks/russia-iran/timeline.svg?\(query)&width=800&height=400",
                                         method: .get) { response in
                    #expect(response.status == .ok, "\(query): \(response.text)")
                    #expect(response.headers[.contentType] == "image/svg+xml")
                    #expect(response.text == report.svg(width: 800, height: 400), "\(query)")
                }
            }
        }
    }

    @Test func badParametersAreRefusedByName() async throws {
        let cases: [(String, String, String)] = [
            ("", "metric", "missing"),
            ("metric=hedgin", "metric", "did you mean 'hedging'?"),
            ("metric=hedging&at=2020", "at", "does not apply to a timeline"),
            ("metric=hedging&from=2015-13", "from", "not a valid date"),
            ("metric=hedging&to=soon", "to", "not a valid date"),
            ("metric=hedging&from=2025&to=2015", "from", "2025 is after to (2015)"),
            ("metric=hedging&step=week", "step", "year, quarter, month"),
            ("metric=hedging&step=month", "step", "6054 monthly steps"),
            ("metric=hedging&actors=RUS,RUZ", "actors", "did you mean 'RUS'?"),
            ("metric=hedging&actors=,", "actors", "at least one actor"),
            ("metric=hedging&top=0", "top", "≥ 1"),
            ("metric=hedging&kinds=alliance", "kinds", "unknown relation kind 'alliance'"),
            ("metric=hedging&colour=red", "colour", "unknown parameter"),
        ]
        try await TestWorkspace().app().test(.router) { client in
            for (query, field, message) in cases {
                try await client.execute(uri: "/v1/networks/russia-iran/timeline?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(query): \(response.text)")
                    #expect(response.error["field"] as? String == field, "\(query): \(response.text)")
                    #expect((response.error["detail"] as? String)?.contains(message) == true, "\(query): \(response.text)")
                }
            }
            for query in ["metric=hedging&width=100", "metric=hedging&height=20000"] {
                try await client.execute(uri: "/v1/networks/russia-iran/timeline.svg?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(query): \(response.text)")
                }
            }
            try await client.execute(uri: "/v1/networks/nope/timeline?metric=hedging", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    /// A network without start dates has no default range: 400 naming `from`; with a range it works.
    @Test func undatedNetworkNeedsARange() async throws {
        let workspace = try TestWorkspace(seeded: false)
        try "actors: [{id: A}, {id: B}]\nrelations: [{id: r, source: A, target: B, kind: cooperation}]\n"
            .write(toFile: workspace.path("undated"), atomically: true, encoding: .utf8)
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/undated/timeline?metric=degree", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.error["field"] as? String == "from")
            }
            try await client.execute(uri: "/v1/networks/undated/timeline?metric=degree&from=2000&to=2004", method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.object["computed"] as? Int == 1)
                #expect(response.object["reused"] as? Int == 4)
                #expect(response.object["undatedRelations"] as? Int == 1)
            }
            // The page has no timeline section for a network without dates.
            try await client.execute(uri: "/networks/undated", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("id=\"timeline\""))
            }
        }
    }

    @Test func slowTimelineIs503() async throws {
        let workspace = try TestWorkspace(seeded: false)
        // Big enough that the work outlasts the 1 ms timer even when a loaded machine fires it
        // late (weighted betweenness on 400 actors became fast enough to finish first).
        let big = RandomNetworks.make(actors: 1_500, relations: 8_000, seed: 3)
        try NativeWriter.yaml(big).write(toFile: workspace.path("big"), atomically: true, encoding: .utf8)
        try await workspace.app(timeout: .milliseconds(1)).test(.router) { client in
            try await client.execute(uri: "/v1/networks/big/timeline?metric=betweenness&step=month", method: .get) { response in
                #expect(response.status == .serviceUnavailable, "\(response.text)")
                #expect((response.error["detail"] as? String)?.contains("took longer than") == true)
            }
        }
    }

    @Test func theNetworkPageEmbedsTheDefaultTimeline() async throws {
        let overview = try #require(TimelineReport.overview(network, file: "russia-iran"))
        try await TestWorkspace().app().test(.router) { client in
            let link = try await client.execute(uri: "/networks/russia-iran", method: .get) { response -> String? in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("<section id=\"timeline\""))
                // The chart's lines, as the library draws them.
                let lines = overview.svg(width: 960, height: 460).split(separator: "\n").filter { $0.hasPrefix("<path class=\"series\"") }
                #expect(!lines.isEmpty)
                for line in lines { #expect(page.contains(line)) }
                #expect(page.contains("href=\"/v1/networks/russia-iran/timeline.svg?metric=hedging&amp;from=2010&amp;to=2025-06-18&amp;step=month"))
                return page.firstMatch(of: /<a href="([^"]*)">this chart alone<\/a>/).map { String($0.output.1) }
            }
            // The link on the page gives the same chart alone (the overview leaves out inferred
            // relations, so the link must say so too).
            let href = try #require(link).replacingOccurrences(of: "&amp;", with: "&")
            try await client.execute(uri: href + "&width=960&height=460", method: .get) { response in
                #expect(response.text == overview.svg(width: 960, height: 460))
            }
        }
    }
}
