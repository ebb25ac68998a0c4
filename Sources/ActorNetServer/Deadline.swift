import Foundation

/// Runs CPU-bound library work off Swift's cooperative thread pool (a long betweenness must not
/// stall every other request) and gives up waiting after a time limit.
///
/// On timeout the caller gets `APIError` 503 at once — 503 rather than 504 because this server
/// declines work it could do with more time (a retry may even hit the cache); 504 would tell
/// clients and proxies that some upstream server failed to answer, and there is none.
///
/// The work itself runs to its end on its Dispatch thread (the algorithms do not check for
/// cancellation); its result is dropped unless `work` stored it somewhere, as
/// `Services.computed` does in the cache.
enum Deadline {
    static func run<T: Sendable>(limit: Duration, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let once = OnceResume<T>()
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            let timer = Task {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled {
                    once.resume(.failure(APIError(.serviceUnavailable, "the computation took longer than "
                        + "\(describe(limit)); ask for fewer metrics or a smaller view (kinds, sign, channel, at)")))
                }
            }
            DispatchQueue.global(qos: .userInitiated).async {
                let result = Result { try work() }
                timer.cancel()
                once.resume(result)
            }
        }
    }

    static func describe(_ limit: Duration) -> String {
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        return seconds >= 1 && seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
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
