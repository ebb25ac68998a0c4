import ActorNetCore
import Foundation
import Hummingbird
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

/// Which pool a computation runs on. Light work (parsing a small file, a linear-time analysis,
/// an upload, the page shell) starts at once on Dispatch's threads; heavy work (shortest-path
/// measures, exact balance, drawings of large networks) waits its turn for one of a few
/// threads of lower OS priority, so it can never hold up light work.
enum WorkClass: String, Sendable {
    case light, heavy
}

/// Where a computation counts as heavy. Estimates, not timings: the size of the work an
/// algorithm family does on the network, compared with a limit each.
struct WorkCosts: Sendable {
    /// All-pairs shortest paths (betweenness, closeness, harmonic, the report, the timeline's
    /// measures, exact balance): heavy when actors × (actors + relations) exceeds this.
    var paths = 2_000_000
    /// Linear work (hedging, a dyad, node-link JSON, exports): heavy past this many actors +
    /// relations.
    var linear = 400_000
    /// Graphviz drawings: heavy past this many actors (the layout's cost grows much faster
    /// than linearly; the shipped 231-actor `cow-1946-1999` takes many seconds).
    var drawingActors = 120
    /// Parsing a stored file: heavy past this many bytes.
    var parseBytes = 16 << 20

    /// The class of `route` (the first part of a result key: `metrics`, `svg`, `page`, …) with
    /// these canonical query parameters on a network of this size.
    func classify(route: String, parameters: [String: String], actors: Int, relations: Int) -> WorkClass {
        let pathWork = actors * (actors + relations)
        let size = actors + relations
        func paths() -> Bool { pathWork > self.paths }
        switch route {
        case "metrics":
            let names = parameters["metric"].map { $0.split(separator: ",").map(String.init) }
                ?? Metric.defaults.map(\.rawValue)
            // Approximate betweenness samples instead of searching from every actor: its work
            // grows with the network's size, not with actors × relations (the size limit below
            // still classes it). Any other long measure asked with it is still exact.
            let approximate = parameters["approximate"] == "true"
            let long = names.contains { name in
                if approximate && name == "betweenness" { return false }
                return name == "edge-betweenness" || name == "all" || Metric(rawValue: name)?.isLong == true
            }
            if long && paths() { return .heavy }
        case "report", "timeline", "timeline.svg", "balance":
            if paths() { return .heavy }
        case "svg":
            if actors > drawingActors { return .heavy }
        case "page":
            // The shell computes the report and the default metrics (betweenness, closeness); the
            // drawing comes later, as a job.
            if paths() { return .heavy }
        case "export":
            if parameters["with_metrics"] == "true" && paths() { return .heavy }
        default:
            break
        }
        return size > linear ? .heavy : .light
    }
}

/// How far a computation is, as its measure reports it (`ProgressHandler`); nil fraction when
/// the measure does not report. The scheduler makes it `current` on the thread running the
/// work, where `Analyses` picks it up.
final class WorkProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var state: (stage: String?, fraction: Double?) = (nil, nil)

    func report(stage: String?, done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        state = (stage, total > 0 ? min(1, max(0, Double(done) / Double(total))) : nil)
    }

    var snapshot: (stage: String?, fraction: Double?) {
        lock.lock()
        defer { lock.unlock() }
        return state
    }

    /// The progress of the work running on this thread; nil outside the scheduler.
    static var current: WorkProgress? { Thread.current.threadDictionary[threadKey] as? WorkProgress }

    /// A `(stage, done, total)` handler for the library's reports, reporting to `current`.
    static var handler: (@Sendable (String, Int, Int) -> Void)? {
        guard let progress = current else { return nil }
        return { stage, done, total in progress.report(stage: stage, done: done, total: total) }
    }

    fileprivate static let threadKey = "ActorNetServer.WorkProgress.current"
}

/// One computation and everyone waiting for it: requests asking the same thing (the same cache
/// key) while it runs, and jobs. It is cancelled only when every one of them has gone.
final class Flight: @unchecked Sendable {
    enum State: String, Sendable { case queued, running, finished }
    typealias Outcome = Result<any Sendable, any Error>

    let key: String?
    let workClass: WorkClass
    let token = Cancellation()
    let progress = WorkProgress()
    fileprivate let work: @Sendable () throws -> any Sendable

    private let lock = NSLock()
    private var outcome: Outcome?
    private var running = false
    private var abandoned = false
    private var holders = 0
    private var nextID: UInt64 = 0
    private var waiters: [UInt64: @Sendable (Outcome) -> Void] = [:]
    private var left: [UInt64: any Error] = [:]
    /// Told when the last holder leaves an unfinished flight.
    fileprivate var onAbandon: (@Sendable (Flight) -> Void)?

    fileprivate init(key: String?, workClass: WorkClass, work: @escaping @Sendable () throws -> any Sendable) {
        self.key = key
        self.workClass = workClass
        self.work = work
    }

    var state: State {
        lock.lock()
        defer { lock.unlock() }
        return outcome != nil ? .finished : running ? .running : .queued
    }

    /// A new holder's id; nil once the flight was abandoned (a new one must start).
    fileprivate func hold() -> UInt64? {
        lock.lock()
        defer { lock.unlock() }
        guard !abandoned else { return nil }
        holders += 1
        nextID += 1
        return nextID
    }

    fileprivate func markRunning() {
        lock.lock()
        running = true
        lock.unlock()
    }

    /// Calls `resume` with the outcome once there is one (at once if there is), unless holder
    /// `id` leaves first, in which case it gets the error it left with.
    func attach(_ id: UInt64, _ resume: @escaping @Sendable (Outcome) -> Void) {
        lock.lock()
        if let outcome {
            lock.unlock()
            resume(outcome)
        } else if let error = left.removeValue(forKey: id) {
            lock.unlock()
            resume(.failure(error))
        } else {
            waiters[id] = resume
            lock.unlock()
        }
    }

    /// Holder `id` no longer wants the result (its deadline passed, its client left, its job was
    /// cancelled): it is answered `error` at once; the work goes on for the others, and stops
    /// when nobody is left.
    func leave(_ id: UInt64, _ error: APIError) {
        lock.lock()
        guard outcome == nil, left[id] == nil else {
            lock.unlock()
            return
        }
        let waiter = waiters.removeValue(forKey: id)
        if waiter == nil { left[id] = error }  // not attached yet: attach answers the error
        holders -= 1
        let last = holders == 0
        if last { abandoned = true }
        let notify = last ? onAbandon : nil
        lock.unlock()
        waiter?(.failure(error))
        if last {
            token.cancel(reason: "every request waiting for it has gone (the last: \(error.message))")
            notify?(self)
        }
    }

    /// Answers every waiter; false when nobody was waiting (then nobody will cache the result).
    @discardableResult
    fileprivate func finish(_ result: Outcome) -> Bool {
        lock.lock()
        guard outcome == nil else {
            lock.unlock()
            return false
        }
        outcome = result
        let resumes = Array(waiters.values)
        waiters = [:]
        lock.unlock()
        for resume in resumes { resume(result) }
        return !resumes.isEmpty
    }
}

/// Runs the server's computations: light ones at once, heavy ones on at most `heavyWorkers`
/// threads of lower priority with at most `heavyQueue` waiting (503 with `Retry-After` past
/// that), identical ones (same key) once.
final class Scheduler: @unchecked Sendable {
    let heavyWorkers: Int
    let heavyQueue: Int
    let gauge: ComputationGauge
    /// Called on the worker thread before each computation (tests hold heavy work with it).
    let beforeWork: (@Sendable (WorkClass) -> Void)?

    private let lock = NSLock()
    private var flights: [String: Flight] = [:]
    private var queue: [Flight] = []
    private var runningHeavy = 0
    private var running: [ObjectIdentifier: Flight] = [:]
    private var stopReason: String?
    /// Mean seconds of recent heavy computations, for `Retry-After`.
    private var heavySeconds = 10.0

    init(heavyWorkers: Int, heavyQueue: Int, gauge: ComputationGauge,
         beforeWork: (@Sendable (WorkClass) -> Void)? = nil) {
        self.heavyWorkers = max(1, heavyWorkers)
        self.heavyQueue = max(0, heavyQueue)
        self.gauge = gauge
        self.beforeWork = beforeWork
    }

    /// The default number of heavy workers: half the cores (at least one), so light work always
    /// has a core; a heavy measure may itself use several threads, all at lower priority.
    static var defaultHeavyWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount / 2) }

    /// The flight computing `key` (joined when one is under way, started otherwise) and the
    /// caller's holder id in it. 503 with `Retry-After` when heavy work would have to queue
    /// behind `heavyQueue` others, or when the server is shutting down.
    func join(key: String?, _ workClass: WorkClass,
              _ work: @escaping @Sendable () throws -> any Sendable) throws(APIError) -> (Flight, UInt64) {
        lock.lock()
        defer { lock.unlock() }
        if let stopReason {
            throw APIError(.serviceUnavailable, "the server is shutting down (\(stopReason)); retry once it is back")
        }
        if let key, let flight = flights[key], let id = flight.hold() {
            gauge.merged()
            return (flight, id)
        }
        let flight = Flight(key: key, workClass: workClass, work: work)
        flight.onAbandon = { [weak self] in self?.abandon($0) }
        switch workClass {
        case .light:
            DispatchQueue.global(qos: .userInitiated).async { self.execute(flight) }
        case .heavy:
            if runningHeavy < heavyWorkers {
                runningHeavy += 1
                startHeavyThread(with: flight)
            } else if queue.count < heavyQueue {
                queue.append(flight)
                gauge.setQueued(queue.count)
            } else {
                let seconds = retryAfterLocked()
                throw APIError(.serviceUnavailable, "the server is busy: \(runningHeavy) heavy computations are running "
                    + "and \(queue.count) waiting, the most it queues (--heavy-queue \(heavyQueue)); retry after \(seconds) s, "
                    + "or submit it as a job (POST /v1/networks/{name}/jobs)", headers: [.retryAfter: String(seconds)])
            }
        }
        let id = flight.hold()!  // a new flight is never abandoned
        if let key { flights[key] = flight }
        return (flight, id)
    }

    /// The flight's result for holder `id`: at once when it is done, otherwise when it finishes
    /// — unless `deadline` passes, `connection` closes or the task is cancelled first, which
    /// answers 503 to this holder only (`Flight.leave`).
    func wait(_ flight: Flight, id: UInt64, until deadline: RequestDeadline, connection: ClientConnection?) async throws -> any Sendable {
        let watch = UUID()
        let timer = DispatchWorkItem {
            flight.leave(id, APIError(.serviceUnavailable, "the request took longer than \(Deadline.describe(deadline.limit)) "
                + "\(deadline.limitName); ask for fewer metrics or a smaller view (kinds, sign, channel, at), "
                + "or submit it as a job (POST /v1/networks/{name}/jobs)"))
        }
        defer {
            timer.cancel()
            connection?.forget(watch)
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
                flight.attach(id) { continuation.resume(with: $0) }
                DispatchQueue.global(qos: .userInitiated).asyncAfter(deadline: deadline.dispatchTime, execute: timer)
                connection?.whenClosed(watch) {
                    flight.leave(id, APIError(.serviceUnavailable, "the computation was stopped: \(ClientConnection.reason)"))
                }
            }
        } onCancel: {
            flight.leave(id, APIError(.serviceUnavailable, "the computation was stopped: the request was cancelled"))
        }
    }

    /// Stops everything: queued work is dropped, running work cancelled (Graphviz killed), new
    /// work refused with 503. Called on graceful shutdown.
    func shutDown(reason: String) {
        lock.lock()
        stopReason = stopReason ?? reason
        let dropped = queue
        queue = []
        gauge.setQueued(0)
        let all = Array(running.values) + dropped
        flights = [:]
        lock.unlock()
        for flight in all { flight.token.cancel(reason: reason) }
        for flight in dropped {
            flight.finish(.failure(APIError(.serviceUnavailable, "the computation was stopped: \(reason)")))
        }
    }

    /// The heavy computations running and waiting now.
    var heavyLoad: (running: Int, queued: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (runningHeavy, queue.count)
    }

    /// Forgets a finished flight's key once its result is in the cache (later requests read the
    /// cache); until then a request for the key gets the finished flight's result.
    func retire(_ flight: Flight) {
        guard let key = flight.key else { return }
        lock.lock()
        defer { lock.unlock() }
        if flights[key] === flight { flights[key] = nil }
    }

    private func abandon(_ flight: Flight) {
        lock.lock()
        if let key = flight.key, flights[key] === flight { flights[key] = nil }
        let wasQueued = queue.contains { $0 === flight }
        queue.removeAll { $0 === flight }
        gauge.setQueued(queue.count)
        lock.unlock()
        if wasQueued {
            flight.finish(.failure(APIError(.serviceUnavailable, "the computation was stopped before it started")))
        }
    }

    private func retryAfterLocked() -> Int {
        let waves = Double(runningHeavy + queue.count + 1) / Double(heavyWorkers)
        return Int(min(600, max(1, (heavySeconds * waves).rounded(.up))))
    }

    private func startHeavyThread(with first: Flight) {
        let thread = Thread { [self] in
            #if canImport(Glibc)
            // Linux nice values are per thread, and PRIO_PROCESS with id 0 names the calling
            // thread (not the process); the measure's own worker threads and Graphviz inherit
            // this one's, so light work wins the CPU.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            var next: Flight? = first
            while let flight = next {
                execute(flight)
                lock.lock()
                next = queue.isEmpty ? nil : queue.removeFirst()
                if next == nil { runningHeavy -= 1 }
                gauge.setQueued(queue.count)
                lock.unlock()
            }
        }
        thread.name = "actornet-heavy"
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func execute(_ flight: Flight) {
        if flight.token.isCancelled {
            // Picked up after everyone left: counted as a computation stopped at once.
            gauge.started()
            gauge.finished(cancelled: true)
            flight.finish(.failure(APIError(.serviceUnavailable, "the computation was stopped: \(flight.token.reason ?? "")")))
            return
        }
        lock.lock()
        running[ObjectIdentifier(flight)] = flight
        lock.unlock()
        flight.markRunning()
        beforeWork?(flight.workClass)
        let start = ContinuousClock.now
        gauge.started()
        let dictionary = Thread.current.threadDictionary
        dictionary[WorkProgress.threadKey] = flight.progress
        let result = Result { try flight.token.run(flight.work) }
        dictionary[WorkProgress.threadKey] = nil
        gauge.finished(cancelled: flight.token.isCancelled)
        let elapsed = start.duration(to: .now)
        lock.lock()
        running[ObjectIdentifier(flight)] = nil
        if flight.workClass == .heavy, !flight.token.isCancelled {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            heavySeconds = 0.7 * heavySeconds + 0.3 * seconds
        }
        if case .failure = result, let key = flight.key, flights[key] === flight { flights[key] = nil }
        lock.unlock()
        let answered = flight.finish(result.mapError { (error: any Error) -> any Error in
            guard let stopped = error as? CancelledError else { return error }
            return APIError(.serviceUnavailable, "the computation was stopped: \(stopped.reason)")
        })
        if !answered { retire(flight) }  // no waiter will store and retire it
    }
}

/// The one time limit of a request, covering the loading of its network and its computation
/// (`--timeout`), or of a job (`--job-timeout`). Bound by `RequestDeadlineMiddleware` for each
/// request and by the job runner for each job.
struct RequestDeadline: Sendable {
    var end: ContinuousClock.Instant
    var limit: Duration
    /// The option that sets the limit, for messages.
    var limitName: String

    init(limit: Duration, limitName: String = "(--timeout)") {
        self.limit = limit
        self.limitName = limitName
        end = ContinuousClock.now.advanced(by: limit)
    }

    @TaskLocal static var current: RequestDeadline?

    var remaining: Duration { max(.zero, ContinuousClock.now.duration(to: end)) }

    var dispatchTime: DispatchTime {
        let interval = Deadline.dispatchInterval(remaining)
        if case .never = interval { return .distantFuture }
        return .now() + interval
    }
}

/// Starts each request's clock (`RequestDeadline.current`), so loading and computing share one
/// time limit.
struct RequestDeadlineMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await RequestDeadline.$current.withValue(RequestDeadline(limit: limit)) {
            try await next(request, context)
        }
    }
}

extension WorkCosts {
    /// The class of a result key (`route?canonical-query`) on `network`.
    func classify(key: String, network: Network) -> WorkClass {
        let parts = key.split(separator: "?", maxSplits: 1)
        var parameters: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let field = pair.split(separator: "=", maxSplits: 1)
                parameters[String(field[0])] = field.count == 2 ? String(field[1]) : ""
            }
        }
        return classify(route: parts.first.map(String.init) ?? "", parameters: parameters,
                        actors: network.actors.count, relations: network.relations.count)
    }
}

extension Services {
    /// `work`'s value, computed through the scheduler under the request's deadline (or the
    /// job's): joined when an identical computation (`key`) is under way. `store` runs once
    /// with a fresh value, before later requests stop joining the finished computation (so they
    /// find it in the cache instead).
    ///
    /// A job counts as accepted (its POST answered 202) once it waits for a computation that
    /// may be long: any analysis, or a heavy parse. A light parse is waited for, so that the
    /// route's checks of its parameters answer the POST itself.
    func schedule<T: Sendable>(key: String?, _ workClass: WorkClass, acceptsJob: Bool = true,
                               store: (@Sendable (T) async -> Void)? = nil,
                               _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let (flight, id) = try scheduler.join(key: key, workClass) { try work() }
        let job = Job.current
        job?.adopt(flight, accepted: acceptsJob || workClass == .heavy)
        let deadline = RequestDeadline.current ?? RequestDeadline(limit: computeTimeout)
        let value = try await scheduler.wait(flight, id: id, until: deadline, connection: job == nil ? ClientConnection.current : nil)
        guard let typed = value as? T else {
            throw APIError(.internalServerError, "internal error: the computation of '\(key ?? "")' gave a \(type(of: value))")
        }
        if let store { await store(typed) }
        scheduler.retire(flight)
        return typed
    }
}

/// What the server's graceful shutdown stops: the scheduler's computations and the jobs.
/// Shared through `ServerArguments` so `buildApplication` can reach what `buildRouter` made.
final class SchedulerLifecycle: @unchecked Sendable {
    private let lock = NSLock()
    private var schedulers: [Scheduler] = []
    private var jobStores: [JobStore] = []

    func register(_ scheduler: Scheduler) {
        lock.lock()
        defer { lock.unlock() }
        schedulers.append(scheduler)
    }

    func register(_ jobs: JobStore) {
        lock.lock()
        defer { lock.unlock() }
        jobStores.append(jobs)
    }

    /// Cancels every job and computation; later ones are refused with 503.
    func shutDown() {
        lock.lock()
        let (schedulers, jobStores) = (self.schedulers, self.jobStores)
        lock.unlock()
        for jobs in jobStores { jobs.cancelAll(reason: "the server is shutting down") }
        for scheduler in schedulers { scheduler.shutDown(reason: "the server is shutting down") }
    }
}

/// A service in the application's group that stops the computations and jobs when the server
/// stops, so no Graphviz outlives it. The group shuts its services down in reverse order, the
/// HTTP server (which waits for in-flight requests) before this one; with `onSignals` (the CLI)
/// SIGTERM and SIGINT stop the computations at once, so in-flight requests answer 503 straight
/// away and the server's own shutdown does not wait for them.
struct ComputationShutdown: Service {
    let lifecycle: SchedulerLifecycle
    let onSignals: Bool

    func run() async throws {
        var sources: [any DispatchSourceSignal] = []
        if onSignals {
            // ServiceLifecycle has set these signals to be ignored and listens itself; Dispatch
            // tells every source of a signal.
            for number in [SIGTERM, SIGINT] {
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [lifecycle] in lifecycle.shutDown() }
                source.resume()
                sources.append(source)
            }
        }
        try? await gracefulShutdown()
        for source in sources { source.cancel() }
        lifecycle.shutDown()
    }
}
