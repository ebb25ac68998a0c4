import ActorNetCore
import Foundation

/// Runs CPU-bound library work off Swift's cooperative thread pool (a long betweenness must not
/// stall every other request), gives up waiting after a time limit, and stops the work when
/// nobody wants its result any more.
///
/// On timeout the caller gets `APIError` 503 at once — 503 rather than 504 because this server
/// declines work it could do with more time; 504 would tell clients and proxies that some
/// upstream server failed to answer, and there is none.
///
/// The work runs under a `Cancellation` token (`Cancellation.run`), cancelled when the time
/// limit passes, when the request's client closes its connection (`ClientConnection.current`)
/// and when the request's task is cancelled (server shutdown). The long loops of the library
/// check it, so the Dispatch thread and the worker threads it started are freed soon after,
/// and a cancelled computation yields `CancelledError`, never a partial result.
enum Deadline {
    static func run<T: Sendable>(limit: Duration, gauge: ComputationGauge? = nil,
                                 _ work: @escaping @Sendable () throws -> T) async throws -> T {
        // One limit per request: what its earlier steps used is gone.
        let limit = RequestDeadline.current.map { min(limit, $0.remaining) } ?? limit
        let token = Cancellation()
        let connection = ClientConnection.current
        connection?.cancelOnClose(token)
        defer { connection?.forget(token) }
        let once = OnceResume<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                once.set(continuation)
                // The timer runs on Dispatch, not as a Task: while CPU-bound work holds the
                // cooperative pool's threads, a sleeping Task wakes late, and the limit with it.
                let timer = TimerItem(DispatchWorkItem {
                    token.cancel(reason: "the time limit of \(describe(limit)) passed")
                    once.resume(.failure(APIError(.serviceUnavailable, "the computation took longer than "
                        + "\(describe(limit)); ask for fewer metrics or a smaller view (kinds, sign, channel, at)")))
                })
                DispatchQueue.global(qos: .userInitiated).asyncAfter(deadline: .now() + dispatchInterval(limit),
                                                                     execute: timer.item)
                DispatchQueue.global(qos: .userInitiated).async {
                    gauge?.started()
                    let result = Result { try token.run(work) }
                    gauge?.finished(cancelled: token.isCancelled)
                    timer.cancel()
                    once.resume(result.mapError { (error: any Error) -> any Error in
                        guard let stopped = error as? CancelledError else { return error }
                        return APIError(.serviceUnavailable, "the computation was stopped: \(stopped.reason)")
                    })
                }
            }
        } onCancel: {
            token.cancel(reason: "the request was cancelled")
        }
    }

    static func dispatchInterval(_ limit: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = limit.components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow else { return .never }
        return .nanoseconds(Int(nanoseconds.partialValue + attoseconds / 1_000_000_000))
    }

    static func describe(_ limit: Duration) -> String {
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        return seconds >= 1 && seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

/// A timer's work item, shared with the work that cancels it when it finishes first.
/// `DispatchWorkItem.cancel()` may be called from any thread.
private final class TimerItem: @unchecked Sendable {
    let item: DispatchWorkItem
    init(_ item: DispatchWorkItem) { self.item = item }
    func cancel() { item.cancel() }
}

/// Counts the computations `Deadline` runs: how many are running now (their threads busy), and
/// how many have started and been cancelled in all. Lets tests see work stop without timing it.
final class ComputationGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = (running: 0, started: 0, cancelled: 0)
    private var scheduling = (merged: 0, queued: 0)

    /// A request joined a computation already under way instead of starting its own.
    func merged() {
        lock.lock()
        defer { lock.unlock() }
        scheduling.merged += 1
    }

    /// The heavy computations waiting for a worker now.
    func setQueued(_ count: Int) {
        lock.lock()
        defer { lock.unlock() }
        scheduling.queued = count
    }

    var mergedCount: Int { lock.lock(); defer { lock.unlock() }; return scheduling.merged }
    var queued: Int { lock.lock(); defer { lock.unlock() }; return scheduling.queued }

    func started() {
        lock.lock()
        defer { lock.unlock() }
        counts.running += 1
        counts.started += 1
    }

    func finished(cancelled: Bool) {
        lock.lock()
        defer { lock.unlock() }
        counts.running -= 1
        if cancelled { counts.cancelled += 1 }
    }

    var running: Int { lock.lock(); defer { lock.unlock() }; return counts.running }
    var startedCount: Int { lock.lock(); defer { lock.unlock() }; return counts.started }
    var cancelledCount: Int { lock.lock(); defer { lock.unlock() }; return counts.cancelled }
}

/// Resumes a continuation exactly once, whichever of the work and the timer comes first.
private final class OnceResume<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var pending: Result<T, any Error>?

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        if let pending {
            continuation.resume(with: pending)
        } else {
            self.continuation = continuation
        }
    }

    func resume(_ result: Result<T, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        if let continuation {
            continuation.resume(with: result)
            self.continuation = nil
            pending = .failure(CancellationError())  // resumed: later results are dropped
        } else if pending == nil {
            pending = result
        }
    }
}
