import Dispatch
import Foundation

/// Called as a long computation advances: `done` of `total` units (sources, steps) are
/// finished. Called from worker threads, at most about 200 times per run, and once with
/// `done == total` at the end.
public typealias ProgressHandler = @Sendable (_ done: Int, _ total: Int) -> Void

/// Runs per-source work (one shortest-path search per source: betweenness, closeness) on every
/// core, with results that do not depend on the number of cores or on scheduling.
///
/// Sources are split into `partitions` interleaved classes (source s belongs to class
/// s mod P), each class accumulated in its own row, in increasing source order; the rows are
/// summed in class order at the end. P depends only on the problem's size, never on the
/// machine, so the same network gives bit-identical scores on 1 core or 64. Each worker
/// allocates its scratch (search buffers) once and takes whole classes from a shared counter,
/// the next one whenever it finishes one: a worker that the system deschedules (the machine is
/// shared) does not hold back the end, and which worker ran a class does not change its row.
enum ParallelSources {
    /// Worker threads: the active cores, at least 1.
    static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Classes for `sources` sources whose rows hold `rowSize` doubles: up to 64 (so up to
    /// 64 cores stay busy and classes balance), at least 8 sources each, and at most 256 MiB of
    /// rows in all. A function of the sizes only.
    static func partitions(sources: Int, rowSize: Int) -> Int {
        let byWork = max(1, sources / 8)
        let byMemory = max(1, (32 << 20) / max(1, rowSize))
        return max(1, min(64, byWork, byMemory))
    }

    /// Runs `body(0)` … `body(count − 1)` at once: worker 0 on the calling thread, the others
    /// on threads of their own, and returns when all have finished. Own threads rather than
    /// `DispatchQueue.concurrentPerform`: called from a Swift concurrency task (the CLI's and
    /// the service's), Dispatch may run every iteration on the caller when its pool is busy.
    static func runWorkers(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else {
            body(0)
            return
        }
        let finished = DispatchSemaphore(value: 0)
        for w in 1..<count {
            let thread = Thread {
                body(w)
                finished.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        body(0)
        for _ in 1..<count { finished.wait() }
    }

    /// Sums per-source contributions: `body(&scratch, source, row)` adds source's contribution
    /// into `row` (rowSize doubles, zero at the start); the result is the sum over all sources.
    ///
    /// - Parameters:
    ///   - partitions: nil: `partitions(sources:rowSize:)`; 1 gives the plain sequential sum.
    ///   - threads: nil: every core.
    static func sum<Scratch>(
        sources: Int, rowSize: Int, partitions: Int? = nil, threads: Int? = nil, progress: ProgressHandler? = nil,
        makeScratch: @escaping @Sendable () -> Scratch,
        body: @escaping @Sendable (inout Scratch, _ source: Int, _ row: UnsafeMutableBufferPointer<Double>) -> Void
    ) -> [Double] {
        let classes = max(1, min(partitions ?? Self.partitions(sources: sources, rowSize: rowSize), max(1, sources)))
        let workers = max(1, min(threads ?? defaultThreads, classes))
        let shared = SharedBuffer(count: classes * rowSize)
        defer { shared.buffer.deallocate() }
        let counter = ProgressCounter(total: sources, handler: progress)
        let cancellation = Cancellation.current  // the workers' threads have none of their own

        let next = WorkCounter(end: classes)
        @Sendable func runWorker(_: Int) {
            var scratch = makeScratch()
            while let p = next.take(1)?.lowerBound {
                // The worker that took class p alone writes its row: no two threads share one.
                let row = UnsafeMutableBufferPointer(rebasing: shared.buffer[(p * rowSize)..<((p + 1) * rowSize)])
                var s = p
                while s < sources {
                    if cancellation?.isCancelled == true { return }  // Cancellation.run discards the sum
                    body(&scratch, s, row)
                    counter.advance()
                    s += classes
                }
            }
        }
        runWorkers(workers, runWorker)
        counter.finish()

        var total = [Double](repeating: 0, count: rowSize)
        for p in 0..<classes {
            let base = p * rowSize
            for i in 0..<rowSize { total[i] += shared.buffer[base + i] }
        }
        return total
    }

    /// One value per source, each computed independently: `body(&scratch, source)`. Output
    /// is the same whatever the number of threads.
    static func map<Scratch>(
        sources: Int, threads: Int? = nil, progress: ProgressHandler? = nil,
        makeScratch: @escaping @Sendable () -> Scratch, body: @escaping @Sendable (inout Scratch, _ source: Int) -> Double
    ) -> [Double] {
        let workers = max(1, min(threads ?? defaultThreads, max(1, sources / 8)))
        let shared = SharedBuffer(count: max(1, sources))
        defer { shared.buffer.deallocate() }
        let counter = ProgressCounter(total: sources, handler: progress)
        let cancellation = Cancellation.current  // the workers' threads have none of their own
        // Sources in small blocks from a shared counter (balance when a worker is descheduled).
        let next = WorkCounter(end: sources)
        let block = max(1, min(64, sources / (workers * 16)))
        @Sendable func runWorker(_: Int) {
            var scratch = makeScratch()
            while let range = next.take(block) {
                for s in range {
                    if cancellation?.isCancelled == true { return }  // Cancellation.run discards the values
                    // Each source's slot is written by the one worker that took the source.
                    shared.buffer[s] = body(&scratch, s)
                }
                counter.advance(by: range.count)
            }
        }
        runWorkers(workers, runWorker)
        counter.finish()
        return Array(shared.buffer.prefix(sources))
    }
}

/// A zeroed buffer of doubles shared by worker threads that write disjoint parts of it (the
/// callers above guarantee it); freed by the owner after the workers have joined.
struct SharedBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Double>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: 0)
    }
}

/// Hands out consecutive ranges of 0..<end to worker threads, each index once.
final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    let end: Int

    init(end: Int) { self.end = end }

    /// The next up to `count` indices, or nil when all have been taken.
    func take(_ count: Int) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < end else { return nil }
        let range = next..<min(end, next + count)
        next = range.upperBound
        return range
    }
}

/// Counts finished units across threads and calls the handler every ~0.5 % of the total.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var nextReport: Int
    private let step: Int
    let total: Int
    let handler: ProgressHandler?

    init(total: Int, handler: ProgressHandler?) {
        self.total = total
        self.handler = handler
        step = max(1, total / 200)
        nextReport = step
    }

    func advance(by units: Int = 1) {
        guard let handler else { return }
        lock.lock()
        done += units
        let report = done >= nextReport && done < total
        if report { nextReport = done + step }
        let value = done
        lock.unlock()
        if report { handler(value, total) }
    }

    func finish() { handler?(total, total) }
}
