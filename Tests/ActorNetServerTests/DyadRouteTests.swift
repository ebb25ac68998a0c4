import ActorNetCore
import ActorNetIO
import ActorNetReports
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /v1/networks/{name}/dyad` and `dyad.svg` give what `actornet dyad` gives; the page's
/// "does A support B?" section; `no_inferred` and `pair` on the other routes.
@Suite struct DyadRouteTests {
    let network = TestWorkspace.shipped

    @Test func dyadEqualsTheLibrary() async throws {
        let at = try #require(network.latestStart)
        let expected = try DyadReport.json(try Dyad(first: "RUS", second: "IRN", at: at).run(on: network), file: "russia-iran")
        var filter = ViewFilter()
        filter.includeInferred = false
        let stated = try DyadReport.json(try Dyad(first: "RUS", second: "IRN", at: PartialDate(iso: "2016"), filter: filter)
            .run(on: network), file: "russia-iran")
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran/dyad?a=RUS&b=IRN", method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.text == expected)
            }
            try await client.execute(uri: "/v1/networks/russia-iran/dyad?a=RUS&b=IRN&at=2016&no_inferred=true",
                                     method: .get) { response in
                #expect(response.text == stated)
            }
            try await client.execute(uri: "/v1/networks/russia-iran/dyad.svg?a=RUS&b=IRN&from=2010", method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
                #expect(response.text.contains("Say versus do, Russia → Iran"))
            }
        }
    }

    @Test func badDyadRequestsNameTheirField() async throws {
        try await TestWorkspace().app().test(.router) { client in
            for (query, field) in [("b=IRN", "a"), ("a=RUS", "b"), ("a=RUS&b=IRNN", "b"), ("a=RUSS&b=IRN", "a"),
                                   ("a=RUS&b=RUS", "b"), ("a=RUS&b=IRN&at=20x", "at"), ("a=RUS&b=IRN&x=1", "x"),
                                   ("a=RUS&b=IRN&no_inferred=maybe", "no_inferred")] {
                try await client.execute(uri: "/v1/networks/russia-iran/dyad?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(response.error["field"] as? String == field, "\(query): \(response.text)")
                }
            }
        }
    }

    @Test func pageShowsTheDyadSectionForThePairAskedFor() async throws {
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/networks/russia-iran", method: .get) { response in
                #expect(response.status == .ok)
                // Default pair: the one joined by the most relations.
                #expect(response.text.contains("<h2 id=\"dyad-title\">Does Russia support Iran?</h2>"))
                #expect(response.text.contains("<select name=\"a\">"))
                #expect(response.text.contains("form-action 'self'"))
            }
            try await client.execute(uri: "/networks/russia-iran?a=IRN&b=RUS", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Does Iran support Russia?"))
                #expect(response.text.contains("<option value=\"IRN\" selected>"))
            }
            try await client.execute(uri: "/networks/russia-iran?a=IRN&b=XXX", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
        }
    }

    @Test func timelineSayDoAndNoInferred() async throws {
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran/timeline?metric=say-do&pair=RUS,IRN&from=2015&to=2025-07",
                                     method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
                let series = response.object["series"] as? [[String: Any]] ?? []
                #expect(series.compactMap { $0["id"] as? String } == ["stated", "material", "not-given"])
            }
            try await client.execute(uri: "/v1/networks/russia-iran/timeline?metric=say-do", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.error["field"] as? String == "pair")
            }
            for route in ["metrics", "hedging", "balance", "report"] {
                try await client.execute(uri: "/v1/networks/russia-iran/\(route)?no_inferred=true", method: .get) { response in
                    #expect(response.status == .ok, "\(route): \(response.text)")
                }
            }
        }
    }
}
