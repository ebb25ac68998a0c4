#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation

/// `--quiet`: the progress bar long computations draw on standard error.
struct ProgressOptions: ParsableArguments {
    @Flag(help: "No progress bar. (It is drawn on standard error only when that is a terminal, never into files or pipes.)")
    var quiet = false

    /// The handler to pass to the library: nil when quiet or when standard error is not a terminal.
    var handler: (@Sendable (String, Int, Int) -> Void)? {
        guard !quiet, isatty(2) == 1 else { return nil }
        let bar = ProgressBar()
        return { task, done, total in bar.update(task, done, total) }
    }
}

/// One line on standard error, redrawn at most ten times a second and erased when the task
/// finishes: `betweenness [##########----------]  50%  5000/10000  3.2 s`.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var started: [String: Double] = [:]
    private var lastDraw = 0.0

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    func update(_ task: String, _ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Self.now()
        let start = started[task] ?? now
        started[task] = start
        if done >= total {
            FileHandleShim.writeToStandardError("\r\u{1B}[K")
            started[task] = nil
            return
        }
        guard now - lastDraw >= 0.1 else { return }
        lastDraw = now
        let width = 24
        let share = total > 0 ? Double(done) / Double(total) : 0
        let filled = min(width, Int(share * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\(task) [\(bar)] \(String(format: "%3d", Int(share * 100)))%  \(done)/\(total)  "
            + String(format: "%.1f s", now - start)
        FileHandleShim.writeToStandardError("\r\u{1B}[K" + line)
    }
}
