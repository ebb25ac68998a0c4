import ActorNetCore
import ActorNetIO
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Jobs: submitted with POST or `Prefer: respond-async`, watched, fetched, cancelled; sharing
/// the cache and the computations of ordinary requests.
@Suite struct JobsTests {
    static let betweenness = #"{"route": "metrics", "query": {"metric": "betweenness"}}"#

    @Test func aJobRunsToItsResult() async throws {
        let latch = WorkLatch()
        var arguments = try TestWorkspace().arguments()
        arguments.costs.paths = 1
        arguments.beforeWork = latch.hook
        let gauge = arguments.gauge
        try await buildApplication(arguments).test(.router) { client in
            try await primeLoad(client)
            let location = try await client.execute(uri: "/v1/networks/russia-iran/jobs", method: .post,
                                                    headers: headers("application/json"),
                                                    body: ByteBuffer(text: Self.betweenness)) { response in
                #expect(response.status == .accepted, "\(response.text)")
                let location = try #require(response.headers[.location])
                #expect(location == "/v1/jobs/\(response.object["id"] as? String ?? "?")")
                #expect(["queued", "running"].contains(response.object["state"] as? String))
                return location
            }
            #expect(try await eventually { latch.arrived == 1 })
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.object["state"] as? String == "running")
                #expect(response.object["progress"] is NSNull, "no progress reported yet: \(response.text)")
                #expect(response.object["result"] is NSNull)
            }
            try await client.execute(uri: location + "/result", method: .get) { response in
                #expect(response.status == .conflict)
                #expect(response.text.contains("is running; poll GET \(location)"), "\(response.text)")
            }
            latch.release()
            #expect(try await jobState(client, location, becomes: "done") == "done")
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.object["result"] as? String == location + "/result")
                #expect(response.object["progress"] as? Double == 1)
                #expect(response.object["error"] is NSNull)
            }
            let started = gauge.startedCount
            let result = try await client.execute(uri: location + "/result", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                return response.text
            }
            // The same request as a GET: from the cache the job filled, nothing computed.
            try await client.execute(uri: "/v1/networks/russia-iran/metrics?metric=betweenness", method: .get) { response in
                #expect(response.text == result)
            }
            #expect(gauge.startedCount == started)
            #expect(result.contains("\"betweenness\""))
            try await client.execute(uri: location, method: .delete) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func badJobsAreRefusedAtOnce() async throws {
        try await TestWorkspace().app().test(.router) { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"route": "nope"}"#, .badRequest, "route: 'nope' is not a route a job runs; one of balance, dyad"),
                (#"{"query": {}}"#, .badRequest, "route: missing"),
                (#"{"route": "metrics", "query": {"bogus": "1"}}"#, .badRequest, "unknown parameter 'bogus'"),
                (#"{"route": "metrics", "query": {"metric": ["a"]}}"#, .badRequest, "query.metric"),
                ("not json", .badRequest, "body: The given data was not valid JSON"),
            ]
            for (body, status, message) in cases {
                try await client.execute(uri: "/v1/networks/russia-iran/jobs", method: .post, headers: headers("application/json"),
                                         body: ByteBuffer(text: body)) { response in
                    #expect(response.status == status, "\(body) → \(response.text)")
                    #expect(response.text.contains(message), "\(body) → \(response.text)")
                }
            }
            try await client.execute(uri: "/v1/networks/nowhere/jobs", method: .post, headers: headers("application/json"),
                                     body: ByteBuffer(text: Self.betweenness)) { response in
                #expect(response.status == .notFound, "\(response.text)")
            }
            try await client.execute(uri: "/v1/networks/russia-iran/jobs", method: .post, headers: headers("text/plain"),
                                     body: ByteBuffer(text: Self.betweenness)) { response in
                #expect(response.status == .unsupportedMediaType, "\(response.text)")
            }
            try await client.execute(uri: "/v1/jobs/0123456789abcdef", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("no job '0123456789abcdef'"), "\(response.text)")
            }
            try await client.execute(uri: "/v1/jobs/0123456789abcdef", method: .delete) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func preferRespondAsyncMakesAGetAJob() async throws {
        try await TestWorkspace().app().test(.router) { client in
            let direct = try await client.execute(uri: "/v1/networks/russia-iran/hedging", method: .get) { $0.text }
            let location = try await client.execute(uri: "/v1/networks/russia-iran/timeline.svg?metric=hedging&top=3", method: .get,
                                                    headers: [RespondAsyncMiddleware.prefer: "respond-async, wait=0"]) { response in
                #expect(response.status == .accepted, "\(response.text)")
                #expect(response.headers[RespondAsyncMiddleware.applied] == "respond-async")
                #expect(response.object["route"] as? String == "timeline.svg")
                #expect((response.object["query"] as? [String: String]) == ["metric": "hedging", "top": "3"])
                return try #require(response.headers[.location])
            }
            #expect(try await jobState(client, location, becomes: "done") == "done")
            try await client.execute(uri: location + "/result", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == MediaType.svg)
                #expect(response.text.contains("<svg"))
            }
            // A preference on a route that is not an analysis is ignored.
            try await client.execute(uri: "/v1/networks/russia-iran/hedging", method: .get) { response in
                #expect(response.text == direct)
            }
            try await client.execute(uri: "/v1/networks", method: .get, headers: [RespondAsyncMiddleware.prefer: "respond-async"]) {
                response in
                #expect(response.status == .ok)
            }
        }
    }

    /// A long betweenness as a job reports progress, and DELETE stops it.
    @Test func cancellingAJobStopsItsComputation() async throws {
        let workspace = try TestWorkspace(seeded: false)
        let big = RandomNetworks.make(actors: 3000, relations: 15000, seed: 5)
        try AtomicFile.write(NativeWriter.yaml(big), to: workspace.path("big"))
        var arguments = workspace.arguments(timeout: .seconds(3600))
        arguments.costs.paths = 1
        let gauge = arguments.gauge
        try await buildApplication(arguments).test(.router) { client in
            let location = try await client.execute(uri: "/v1/networks/big/jobs", method: .post, headers: headers("application/json"),
                                                    body: ByteBuffer(text: Self.betweenness)) { response in
                #expect(response.status == .accepted, "\(response.text)")
                return try #require(response.headers[.location])
            }
            var progress: Double?
            for _ in 0..<3000 where progress == nil {
                try await Task.sleep(for: .milliseconds(20))
                try await client.execute(uri: location, method: .get) { response in
                    progress = response.object["progress"] as? Double
                    if progress != nil { #expect(response.object["stage"] as? String == "betweenness") }
                }
            }
            let reported = try #require(progress, "no progress reported")
            #expect(reported >= 0 && reported < 1)
            try await client.execute(uri: location, method: .delete) { response in
                #expect(response.status == .ok)
                #expect(response.object["state"] as? String == "cancelled", "\(response.text)")
            }
            #expect(try await eventually(within: 120) { gauge.running == 0 }, "still computing after the cancel")
            #expect(gauge.cancelledCount == 1)
            try await client.execute(uri: location + "/result", method: .get) { response in
                #expect(response.status == .conflict)
                #expect(response.text.contains("was cancelled"))
            }
        }
    }

    /// Finished jobs beyond `maxJobs` are forgotten, oldest first; unfinished ones are kept.
    @Test func jobsAreBounded() async throws {
        var arguments = try TestWorkspace().arguments()
        arguments.maxJobs = 2
        try await buildApplication(arguments).test(.router) { client in
            var locations: [String] = []
            for top in 1...3 {
                let location = try await client.execute(uri: "/v1/networks/russia-iran/jobs", method: .post,
                                                        headers: headers("application/json"),
                                                        body: ByteBuffer(text: #"{"route": "report", "query": {"top": \#(top)}}"#)) {
                    response in
                    #expect(response.status == .accepted, "\(response.text)")
                    return try #require(response.headers[.location])
                }
                #expect(try await jobState(client, location, becomes: "done") == "done")
                locations.append(location)
            }
            try await client.execute(uri: locations[0], method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: locations[2], method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
