import Foundation

/// A request to stop a long computation, shared between whoever may ask for it (the service,
/// when its client goes away or its time limit passes) and the loops that do the work.
///
/// The algorithms take no token parameter: `run(_:)` makes a token the current one of its
/// thread for the duration of the work, and the long loops look it up once and check it
/// between units of work — `ParallelSources` between sources (and hands it to its worker
/// threads), the frustration heuristic between restarts, a timeline between steps. A
/// cancelled loop stops early and leaves an incomplete value behind; `run` then throws
/// `CancelledError` instead of returning it, so a partial score never escapes. Outside `run`
/// (the CLI, the tests) there is no token and nothing is checked.
///
/// The flag is guarded by a lock: a check costs one uncontended lock, next to a shortest-path
/// search or a local-search restart.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var why: String?

    public init() {}

    /// Asks the work to stop; the first reason given is kept.
    public func cancel(reason: String) {
        lock.lock()
        defer { lock.unlock() }
        if why == nil { why = reason }
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return why != nil
    }

    /// Why the work was asked to stop; nil while it may go on.
    public var reason: String? {
        lock.lock()
        defer { lock.unlock() }
        return why
    }

    /// Runs `work` on this thread with this token current (see the type's description);
    /// throws `CancelledError` if the token was cancelled by the time `work` returns, whatever
    /// `work` returned or threw.
    public func run<T>(_ work: () throws -> T) throws -> T {
        let key = Self.threadKey
        let dictionary = Thread.current.threadDictionary
        let outer = dictionary[key]
        dictionary[key] = self
        defer { dictionary[key] = outer }
        let result = Result { try work() }
        if let why = reason { throw CancelledError(reason: why) }
        return try result.get()
    }

    /// The token of the innermost `run` on the calling thread; nil outside any.
    public static var current: Cancellation? {
        Thread.current.threadDictionary[threadKey] as? Cancellation
    }

    private static let threadKey = "ActorNetCore.Cancellation.current"
}

/// A computation stopped before its end because its `Cancellation` was cancelled; it produced
/// no result.
public struct CancelledError: Error, Sendable, CustomStringConvertible {
    /// As given to `Cancellation.cancel(reason:)`.
    public var reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String { "the computation was stopped: \(reason)" }
}
