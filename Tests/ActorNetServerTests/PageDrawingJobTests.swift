import ActorNetCore
import ActorNetIO
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The network page answers without waiting for Graphviz: its drawing is a job its script
/// fetches (with a link for browsers without JavaScript).
@Suite struct PageDrawingJobTests {
    static let drawing = "/v1/networks/russia-iran/render.svg?at=2025-06-18&colour_by=hedges&size_by=betweenness"

    /// With every drawing heavy and the only heavy worker held, the page still answers, naming
    /// the drawing's URL; that URL as a job gives Graphviz's SVG once the worker is free.
    @Test func thePageAnswersWhileItsDrawingWaits() async throws {
        let latch = WorkLatch()
        var arguments = try TestWorkspace().arguments()
        arguments.costs.drawingActors = 0
        arguments.heavyWorkers = 1
        arguments.beforeWork = latch.hook
        try await buildApplication(arguments).test(.router) { client in
            let location = try await client.execute(uri: Self.drawing, method: .get,
                                                    headers: [RespondAsyncMiddleware.prefer: "respond-async"]) { response in
                #expect(response.status == .accepted, "\(response.text)")
                return try #require(response.headers[.location])
            }
            #expect(try await eventually { latch.arrived == 1 })
            try await client.execute(uri: "/networks/russia-iran", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                let escaped = Self.drawing.replacingOccurrences(of: "&", with: "&amp;")
                #expect(html.contains("<figure id=\"drawing-job\" data-render=\"\(escaped)\">"), "\(html.prefix(3000))")
                #expect(html.contains("<a href=\"\(escaped)\">open it alone</a>"))
                #expect(html.contains("connect-src 'self'"))
                #expect(!html.contains("Graphviz is not installed"))
            }
            #expect(latch.arrived == 1)  // the drawing was still held
            latch.release()
            #expect(try await jobState(client, location, becomes: "done") == "done")
            try await client.execute(uri: location + "/result", method: .get) { response in
                #expect(response.headers[.contentType] == MediaType.svg)
                #expect(response.text.contains("<title>RUS</title>"))
            }
        }
    }

    /// `Prefer: wait=N` on a job answers when it finishes, not before.
    @Test func waitPreferenceHoldsUntilTheJobFinishes() async throws {
        let latch = WorkLatch()
        var arguments = try TestWorkspace().arguments()
        arguments.costs.paths = 1
        arguments.beforeWork = latch.hook
        try await buildApplication(arguments).test(.router) { client in
            let location = try await client.execute(uri: "/v1/networks/russia-iran/report", method: .get,
                                                    headers: [RespondAsyncMiddleware.prefer: "respond-async"]) { response in
                try #require(response.headers[.location])
            }
            #expect(try await eventually { latch.arrived == 1 })
            let waiting = Task {
                try await client.execute(uri: location, method: .get, headers: [RespondAsyncMiddleware.prefer: "wait=30"]) {
                    $0.object["state"] as? String
                }
            }
            // Released while the request waits (were it answered at once, it would say running).
            try await Task.sleep(for: .milliseconds(200))
            latch.release()
            #expect(try await waiting.value == "done")
        }
    }

    /// The shipped network whose drawing used to take the page past its time limit.
    @Test func theCowPageAnswers() async throws {
        let workspace = try TestWorkspace(seeded: false)
        try FileManager.default.copyItem(atPath: Fixtures.path("graphs/cow-1946-1999.yaml"), toPath: workspace.path("cow-1946-1999"))
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/networks/cow-1946-1999", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("data-render=\"/v1/networks/cow-1946-1999/render.svg?at=1996&amp;colour_by=hedges"))
            }
        }
    }
}
