import ActorNetCore
import ActorNetIO
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Holds heavy computations on their worker thread until released, and counts those that
/// arrived: lets a test fill the heavy pool by state, not by timing.
final class WorkLatch: @unchecked Sendable {
    private let lock = NSLock()
    private let gate = DispatchSemaphore(value: 0)
    private var arrivals = 0
    private var open = false

    /// The hook for `ServerArguments.beforeWork`: heavy work waits at the latch.
    var hook: @Sendable (WorkClass) -> Void {
        { [self] workClass in
            guard workClass == .heavy else { return }
            lock.lock()
            arrivals += 1
            let passed = open
            lock.unlock()
            if !passed {
                gate.wait()
                gate.signal()  // let the next one through too
            }
        }
    }

    var arrived: Int { lock.lock(); defer { lock.unlock() }; return arrivals }

    func release() {
        lock.lock()
        open = true
        lock.unlock()
        gate.signal()
    }
}

/// Waits, off the test's critical path, until `condition` holds; false after `seconds`.
/// A bound for a condition, not a timing assertion.
func eventually(within seconds: Double = 30, _ condition: () -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// The scheduler through the routes: merging, the bounded heavy queue, light work beside a
/// full heavy pool, one deadline per request.
@Suite struct SchedulerTests {
    /// Shortest-path measures on the shipped network count as heavy; everything else is light.
    func arguments(_ workspace: TestWorkspace, latch: WorkLatch, workers: Int = 1, queue: Int = 4) -> ServerArguments {
        var arguments = workspace.arguments()
        arguments.costs.paths = 1
        arguments.heavyWorkers = workers
        arguments.heavyQueue = queue
        arguments.beforeWork = latch.hook
        return arguments
    }

    /// Exact shortest-path measures on a large network are heavy; approximate betweenness is
    /// classed by the network's size alone, but not the exact measures asked with it.
    @Test func approximateBetweennessAloneIsNotAllPairsWork() {
        let costs = WorkCosts()
        func work(_ parameters: [String: String], actors: Int = 5_000, relations: Int = 20_000) -> WorkClass {
            costs.classify(route: "metrics", parameters: parameters, actors: actors, relations: relations)
        }
        #expect(work(["metric": "betweenness"]) == .heavy)
        #expect(work(["metric": "betweenness", "approximate": "true"]) == .light)
        #expect(work(["metric": "betweenness,closeness", "approximate": "true"]) == .heavy)
        #expect(work(["metric": "all", "approximate": "true"]) == .heavy)
        #expect(work(["metric": "betweenness", "approximate": "true"], actors: 500_000, relations: 2_000_000) == .heavy)
        #expect(work(["metric": "betweenness"], actors: 30, relations: 80) == .light)
    }

    @Test func identicalConcurrentRequestsComputeOnce() async throws {
        let latch = WorkLatch()
        let arguments = arguments(try TestWorkspace(), latch: latch)
        let gauge = arguments.gauge
        try await buildApplication(arguments).test(.router) { client in
            try await primeLoad(client)
            let uri = "/v1/networks/russia-iran/metrics?metric=betweenness"
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await client.execute(uri: uri, method: .get) { response in
                            #expect(response.status == .ok, "\(response.text.prefix(300))")
                            return response.text
                        }
                    }
                }
                #expect(try await eventually { latch.arrived == 1 && gauge.mergedCount == 3 },
                        "arrived \(latch.arrived), merged \(gauge.mergedCount)")
                let started = gauge.startedCount
                latch.release()
                var bodies: [String] = []
                for try await body in group { bodies.append(body) }
                #expect(gauge.startedCount == started + 1)
                return bodies
            }
            #expect(Set(bodies).count == 1)
            #expect(latch.arrived == 1, "the betweenness was computed \(latch.arrived) times")
        }
    }

    @Test func aFullHeavyQueueIs503WithRetryAfter() async throws {
        let latch = WorkLatch()
        let arguments = arguments(try TestWorkspace(), latch: latch, workers: 1, queue: 1)
        let gauge = arguments.gauge
        try await buildApplication(arguments).test(.router) { client in
            try await primeLoad(client)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for metric in ["betweenness", "closeness"] {
                    group.addTask {
                        try await client.execute(uri: "/v1/networks/russia-iran/metrics?metric=\(metric)", method: .get) { response in
                            #expect(response.status == .ok, "\(response.text.prefix(300))")
                        }
                    }
                    // The first holds the worker, the second waits in the queue.
                    #expect(try await eventually { metric == "betweenness" ? latch.arrived == 1 : gauge.queued == 1 })
                }
                try await client.execute(uri: "/v1/networks/russia-iran/metrics?metric=harmonic", method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(response.text.prefix(300))")
                    let retry = try #require(response.headers[.retryAfter].flatMap(Int.init), "no Retry-After")
                    #expect(retry >= 1)
                    #expect(response.text.contains("--heavy-queue 1"), "\(response.text)")
                }
                latch.release()
                try await group.waitForAll()
            }
            #expect(gauge.queued == 0)
        }
    }

    /// With the only heavy worker held, cheap reads and an upload are answered — they never
    /// wait behind heavy work.
    @Test func lightRequestsAreAnsweredWhileTheHeavyPoolIsFull() async throws {
        let latch = WorkLatch()
        let arguments = arguments(try TestWorkspace(), latch: latch, workers: 1, queue: 4)
        let gauge = arguments.gauge
        try await buildApplication(arguments).test(.router) { client in
            try await primeLoad(client)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for metric in ["betweenness", "closeness"] {
                    group.addTask {
                        try await client.execute(uri: "/v1/networks/russia-iran/metrics?metric=\(metric)", method: .get) { response in
                            #expect(response.status == .ok)
                        }
                    }
                }
                #expect(try await eventually { latch.arrived == 1 && gauge.queued == 1 })
                for uri in ["/v1/networks/russia-iran/hedging", "/v1/networks/russia-iran", "/v1/networks/russia-iran/metrics?metric=degree",
                            "/v1/networks"] {
                    try await client.execute(uri: uri, method: .get) { response in
                        #expect(response.status == .ok, "\(uri): \(response.text.prefix(300))")
                    }
                }
                try await client.execute(uri: "/v1/networks/small", method: .put, headers: headers("application/yaml"),
                                         body: ByteBuffer(text: NetworksTests.small)) { response in
                    #expect(response.status == .created, "\(response.text.prefix(300))")
                }
                // Answered while the heavy work was still held.
                #expect(latch.arrived == 1 && gauge.queued == 1)
                latch.release()
                try await group.waitForAll()
            }
        }
    }

    /// Loading and computing share one limit: a parse that used most of it leaves the
    /// computation only the rest, where each step alone is well within the limit.
    @Test func oneDeadlineCoversLoadAndCompute() async throws {
        var arguments = try TestWorkspace().arguments(timeout: .seconds(3))
        arguments.costs.paths = 1
        let gauge = arguments.gauge
        // The parse (light) takes 2.2 s and the measure (heavy) 1.8 s: each well within 3 s, not
        // both (a second of margin: on a machine busy with the whole suite the timer fires late).
        arguments.beforeWork = { workClass in Thread.sleep(forTimeInterval: workClass == .light ? 2.2 : 1.8) }
        try await buildApplication(arguments).test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran/metrics?metric=betweenness", method: .get) { response in
                #expect(response.status == .serviceUnavailable, "\(response.text.prefix(300))")
                #expect(response.text.contains("the request took longer than 3 s (--timeout)"), "\(response.text)")
            }
        }
        // The step running when the limit passed (the measure, or on a busy machine the parse)
        // was stopped.
        #expect(try await eventually { gauge.cancelledCount == 1 && gauge.running == 0 })
    }

    /// A waiter leaving (its deadline) does not stop the computation others wait for.
    @Test func aWaiterLeavingKeepsTheOthersComputation() async throws {
        let latch = WorkLatch()
        var arguments = arguments(try TestWorkspace(), latch: latch)
        arguments.computeTimeout = .seconds(600)
        let gauge = arguments.gauge
        let uri = "/v1/networks/russia-iran/metrics?metric=betweenness"
        try await buildApplication(arguments).test(.router) { client in
            try await primeLoad(client)
            // A job and a request share the computation; the request gives up (cancelled task).
            let job = try await client.execute(uri: uri, method: .get, headers: [RespondAsyncMiddleware.prefer: "respond-async"]) {
                response in
                #expect(response.status == .accepted)
                return response.headers[.location] ?? ""
            }
            let waiting = Task {
                try await client.execute(uri: uri, method: .get) { _ in }
            }
            #expect(try await eventually { latch.arrived == 1 && gauge.mergedCount == 1 })
            waiting.cancel()
            _ = await waiting.result
            latch.release()
            #expect(try await jobState(client, job, becomes: "done") == "done")
            #expect(gauge.cancelledCount == 0)
            #expect(gauge.startedCount >= 1)
        }
    }

}

/// Polls a job until its state is `wanted` (or 30 s pass); returns the last state seen.
func jobState(_ client: some TestClientProtocol, _ location: String, becomes wanted: String) async throws -> String {
    var state = ""
    for _ in 0..<1500 {
        state = try await client.execute(uri: location, method: .get) { $0.object["state"] as? String ?? "" }
        if state == wanted { break }
        try await Task.sleep(for: .milliseconds(20))
    }
    return state
}

/// Reads the network once so later requests find it parsed (and merge only on the analysis).
func primeLoad(_ client: some TestClientProtocol) async throws {
    try await client.execute(uri: "/v1/networks/russia-iran/hedging", method: .get) { response in
        #expect(response.status == .ok)
    }
}
