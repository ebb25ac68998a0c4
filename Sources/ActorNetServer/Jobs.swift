import ActorNetReports
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// A long analysis run for a client that does not wait on its connection: submitted with
/// `POST /v1/networks/{name}/jobs` or an analysis GET with `Prefer: respond-async`, it answers
/// 202 at once and runs the route's own handler — same validation, same cache, same merging
/// with identical requests — under its own time limit (`--job-timeout`), not cancelled when the
/// submitting connection closes. `DELETE /v1/jobs/{id}` cancels it.
final class Job: @unchecked Sendable {
    enum State: String, Sendable { case queued, running, done, failed, cancelled }

    enum Outcome: Sendable {
        case done(Services.Body, HTTPFields)
        case failed(APIError)
        case cancelled(String)
    }

    let id: String
    let network: String
    let route: String
    let query: [String: String]
    let submitted = Date()

    private let lock = NSLock()
    private var flight: Flight?
    private var body: Services.Body?
    private(set) var outcome: Outcome?
    private(set) var finished: Date?
    private var cancelRequested: String?
    private var task: Task<Void, Never>?
    /// Resumed once: when the job's work is scheduled (nil) or when it ends before that.
    private var acceptance: CheckedContinuation<Outcome?, Never>?
    private var accepted: Outcome??

    /// The job whose handler runs on this task (bound by `JobStore.submit`).
    @TaskLocal static var current: Job?

    init(id: String, network: String, route: String, query: [String: String]) {
        self.id = id
        self.network = network
        self.route = route
        self.query = query
    }

    var state: State {
        lock.lock()
        defer { lock.unlock() }
        switch outcome {
        case .done: return .done
        case .failed: return .failed
        case .cancelled: return .cancelled
        case nil: return flight?.state == .running ? .running : .queued
        }
    }

    var progress: (stage: String?, fraction: Double?) {
        lock.lock()
        defer { lock.unlock() }
        if case .done = outcome { return (nil, 1) }
        return flight?.progress.snapshot ?? (nil, nil)
    }

    var resultBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        if case let .done(body, _) = outcome { return body.bytes.count }
        return 0
    }

    /// The computation the job waits for now (its network's parsing, then its analysis);
    /// `accepted`: the job's submission may be answered.
    func adopt(_ flight: Flight, accepted: Bool) {
        lock.lock()
        self.flight = flight
        lock.unlock()
        if accepted { accept(nil) }
    }

    /// The body the route computed (or found in the cache): the job's result.
    func captured(_ body: Services.Body) {
        lock.lock()
        defer { lock.unlock() }
        self.body = body
    }

    fileprivate func start(_ task: Task<Void, Never>) {
        lock.lock()
        let cancelled = cancelRequested != nil
        self.task = task
        lock.unlock()
        if cancelled { task.cancel() }
    }

    /// Nil once the job's work is scheduled; its outcome when it ended before (a 400, a cached
    /// result).
    fileprivate func acceptance() async -> Outcome? {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let accepted {
                lock.unlock()
                continuation.resume(returning: accepted)
            } else {
                acceptance = continuation
                lock.unlock()
            }
        }
    }

    private func accept(_ outcome: Outcome?) {
        lock.lock()
        guard accepted == nil else {
            lock.unlock()
            return
        }
        accepted = .some(outcome)
        let waiting = acceptance
        acceptance = nil
        lock.unlock()
        waiting?.resume(returning: outcome)
    }

    fileprivate func finish(_ result: Result<Response, any Error>) {
        lock.lock()
        let outcome: Outcome
        switch result {
        case let .success(response):
            if let body, response.status == .ok {
                var headers = response.headers
                headers[.contentType] = body.contentType
                outcome = .done(body, headers)
            } else {
                outcome = .failed(APIError(.internalServerError, "internal error: the \(route) route answered "
                    + "\(response.status.code) without a computed body"))
            }
        case let .failure(error):
            if let reason = cancelRequested {
                outcome = .cancelled(reason)
            } else if let error = error as? APIError {
                outcome = .failed(error)
            } else {
                outcome = .failed(APIError(.internalServerError, "internal error: \(error)"))
            }
        }
        self.outcome = outcome
        finished = Date()
        lock.unlock()
        accept(outcome)
    }

    /// Stops the job if it is not finished: its computation is cancelled unless a request or
    /// another job still waits for it. False when it had already finished.
    @discardableResult
    func cancel(reason: String) -> Bool {
        lock.lock()
        guard outcome == nil else {
            lock.unlock()
            return false
        }
        cancelRequested = cancelRequested ?? reason
        let task = self.task
        lock.unlock()
        task?.cancel()
        return true
    }

    fileprivate func dropResult(reason: String) {
        lock.lock()
        defer { lock.unlock() }
        if case .done = outcome { outcome = .failed(APIError(.gone, reason)) }
    }
}

/// The jobs of a server: at most `maxJobs` kept, finished ones forgotten after `expiry`, their
/// results holding at most `maxResultBytes` together (the oldest finished jobs go first).
final class JobStore: @unchecked Sendable {
    struct Limits: Sendable {
        var maxJobs = 64
        var maxResultBytes = 64 << 20
        var expiry: Duration = .seconds(600)
        var timeout: Duration = .seconds(3600)
    }

    typealias Handler = @Sendable (Request, ServerContext) async throws -> Response

    let limits: Limits
    let logger: Logger
    private let lock = NSLock()
    private var jobs: [String: Job] = [:]
    private var order: [String] = []

    init(limits: Limits, logger: Logger) {
        self.limits = limits
        self.logger = logger
    }

    /// Starts a job running `handler` on `GET /v1/networks/{network}/{route}?{query}`. Returns
    /// once its work is scheduled (or done); a request the route refuses at once (400, 404) or
    /// that the scheduler cannot queue (503) is thrown instead, and no job is kept.
    func submit(network: String, route: String, query: [String: String], handler: @escaping Handler) async throws -> Job {
        let job = Job(id: Self.newID(), network: network, route: route, query: query)
        try add(job)
        var components = URLComponents()
        components.path = "/v1/networks/\(network)/\(route)"
        components.queryItems = query.isEmpty ? nil : query.keys.sorted().map { URLQueryItem(name: $0, value: query[$0]) }
        let request = Request(head: HTTPRequest(method: .get, scheme: "http", authority: "localhost",
                                                path: components.percentEncodedPath + (components.percentEncodedQuery.map { "?\($0)" } ?? "")),
                              body: RequestBody(buffer: ByteBuffer()))
        let context = ServerContext(job: logger, network: network)
        let deadline = RequestDeadline(limit: limits.timeout, limitName: "(the jobs' limit, --job-timeout)")
        let task = Task.detached {
            let result = await Job.$current.withValue(job) {
                await RequestDeadline.$current.withValue(deadline) { () async -> Result<Response, any Error> in
                    do {
                        return .success(try await handler(request, context))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            job.finish(result)
            self.finished(job)
        }
        job.start(task)
        if let outcome = await job.acceptance(), case let .failed(error) = outcome {
            remove(job.id)
            throw error
        }
        return job
    }

    func job(_ id: String) -> Job? {
        lock.lock()
        defer { lock.unlock() }
        pruneLocked()
        return jobs[id]
    }

    func remove(_ id: String) {
        lock.lock()
        defer { lock.unlock() }
        jobs[id] = nil
        order.removeAll { $0 == id }
    }

    /// Cancels every unfinished job (server shutdown).
    func cancelAll(reason: String) {
        lock.lock()
        let all = Array(jobs.values)
        lock.unlock()
        for job in all { job.cancel(reason: reason) }
    }

    /// When the job finished (for `expires`).
    func expires(_ job: Job) -> Date? {
        job.finished.map { $0.addingTimeInterval(Self.seconds(limits.expiry)) }
    }

    private func add(_ job: Job) throws(APIError) {
        lock.lock()
        defer { lock.unlock() }
        pruneLocked()
        if jobs.count >= limits.maxJobs,
           let oldest = order.first(where: { jobs[$0].map { $0.state != .queued && $0.state != .running } ?? false }) {
            jobs[oldest] = nil
            order.removeAll { $0 == oldest }
        }
        guard jobs.count < limits.maxJobs else {
            throw APIError(.serviceUnavailable, "\(jobs.count) jobs are queued or running, the most the server keeps "
                + "(--max-jobs \(limits.maxJobs)); wait for one to finish or cancel one with DELETE /v1/jobs/{id}",
                headers: [.retryAfter: "10"])
        }
        jobs[job.id] = job
        order.append(job.id)
    }

    /// Keeps the results within `maxResultBytes`: a result larger than that is dropped (the job
    /// says so), then the oldest finished jobs are forgotten.
    private func finished(_ job: Job) {
        lock.lock()
        defer { lock.unlock() }
        let size = job.resultBytes
        if size > limits.maxResultBytes {
            job.dropResult(reason: "the result has \(size) bytes, more than the \(limits.maxResultBytes) the server keeps "
                + "for jobs (--job-result-bytes); ask for it directly with GET /v1/networks/\(job.network)/\(job.route)")
        }
        var total = order.compactMap { jobs[$0]?.resultBytes }.reduce(0, +)
        for id in order where total > limits.maxResultBytes && id != job.id {
            guard let old = jobs[id], old.resultBytes > 0 else { continue }
            total -= old.resultBytes
            jobs[id] = nil
        }
        order.removeAll { jobs[$0] == nil }
    }

    private func pruneLocked() {
        let now = Date()
        let expiry = Self.seconds(limits.expiry)
        for id in order {
            if let finished = jobs[id]?.finished, now.timeIntervalSince(finished) > expiry { jobs[id] = nil }
        }
        order.removeAll { jobs[$0] == nil }
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// 128 random bits in hex: unguessable, so one client cannot read or cancel another's job
    /// by counting.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

/// The context of a job's handler: no connection, the network's name as the route parameter.
private struct JobContextSource: RequestContextSource {
    var logger: Logger
}

extension ServerContext {
    init(job logger: Logger, network: String) {
        coreContext = .init(source: JobContextSource(logger: logger))
        coreContext.parameters.append(key: "name", value: Substring(network))
        connection = nil
        remoteAddress = nil
    }
}
