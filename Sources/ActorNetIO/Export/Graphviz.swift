import ActorNetCore
import CChildProcess
import Foundation

/// The Graphviz layout programs ActorNet draws with.
public enum GraphvizLayout: String, Sendable, CaseIterable {
    case dot, neato, sfdp
}

/// `--layout` and the server's `layout`: a layout program, or `auto` (by size).
public enum GraphvizLayoutChoice: String, Sendable, CaseIterable {
    case auto, dot, neato, sfdp

    /// nil for `auto`.
    public var layout: GraphvizLayout? { GraphvizLayout(rawValue: rawValue) }
}

/// `--splines` and the server's `splines`: an edge drawing, or `auto` (by size).
public enum GraphvizSplinesChoice: String, Sendable, CaseIterable {
    case auto, spline, line, polyline, ortho, curved

    /// nil for `auto`.
    public var splines: GraphvizSettings.Splines? { GraphvizSettings.Splines(rawValue: rawValue) }
}

/// How Graphviz lays out and draws a network: the layout program and the graph attributes that
/// decide how long it takes. `automatic` chooses them from the network's size; `layout` and
/// `splines` can be overridden (`actornet render --layout/--splines`, `export --format dot
/// --layout/--splines`, the server's `layout` and `splines` parameters).
///
/// Routing curved edges costs about actors × relations (every edge is routed round every
/// actor), so they are kept while that product is at most `splineWork`; the layout program
/// follows the size, the larger of the two counts. Thresholds come from measurements with
/// Graphviz 2.43 on 2 cores shared with other builds (load 11–14; BENCHMARKS.md, "Rendering"):
///
/// | network                        | layout | splines | overlap | measured (neato splines=true unless said)   |
/// |--------------------------------|--------|---------|---------|----------------------------------------------|
/// | actors × relations ≤ 6,000     | neato  | spline  | false   | today's drawing: shipped 24 × 82 0.6 s; 40 × 100 1.3 s; 50 × 120 2.2 s; 60 × 150 3.1 s; 100 × 150 10 s |
/// | size ≤ `neatoSize` (400)       | neato  | line    | false   | neato, straight: 0.9 s at 100 × 200, 3.4 s at 250 × 500 |
/// | above                          | sfdp   | line    | prism   | sfdp: 0.9 s at 500 × 2,000 and 2.5 s at 5,000 × 20,000 generated (`scripts/render-bench`); routed splines over 60 s with dot, neato or sfdp |
///
/// Edge routing is what costs: `splines=true` (and `curved`, `polyline`, `ortho`) route every
/// edge round every node, and grow far faster than the network. A layout chosen explicitly keeps
/// the size's splines unless those are given too, so `--layout dot` on a large network draws
/// straight lines instead of routing for minutes.
public struct GraphvizSettings: Sendable, Hashable {
    public enum Splines: String, Sendable, CaseIterable {
        /// Curved edges routed round nodes (Graphviz `splines=true`).
        case spline
        case line, polyline, ortho, curved

        /// The value of Graphviz's `splines` attribute.
        public var attribute: String { self == .spline ? "true" : rawValue }
    }

    /// Up to this many actors × relations: today's drawing (neato, routed splines).
    public static let splineWork = 6_000
    /// Up to this size: neato with straight lines; above, sfdp.
    public static let neatoSize = 400

    public var layout: GraphvizLayout
    public var splines: Splines
    /// Graphviz's `overlap`: `false` (remove overlaps, Voronoi; neato and dot) or `prism` (sfdp's
    /// fast overlap removal).
    public var overlap: String
    /// Whether the DOT names the layout (`layout=sfdp`), so that `dot -Tsvg` on the export
    /// uses it too. False for the small-network default, whose export has always left the
    /// program to the reader.
    public var namesLayout: Bool

    public init(layout: GraphvizLayout, splines: Splines, overlap: String, namesLayout: Bool) {
        self.layout = layout
        self.splines = splines
        self.overlap = overlap
        self.namesLayout = namesLayout
    }

    /// The size the thresholds compare: the larger of the two counts.
    public static func size(actors: Int, relations: Int) -> Int { max(actors, relations) }

    /// The settings for a network of `actors` and `relations`, with `layout` and `splines`
    /// overriding the choice when given.
    public static func automatic(actors: Int, relations: Int, layout: GraphvizLayout? = nil,
                                 splines: Splines? = nil) -> GraphvizSettings {
        let size = size(actors: actors, relations: relations)
        let routed = actors.multipliedReportingOverflow(by: relations)
        let chosen = layout ?? (size <= neatoSize ? .neato : .sfdp)
        let lines = splines ?? (!routed.overflow && routed.partialValue <= splineWork ? .spline : .line)
        return GraphvizSettings(
            layout: chosen, splines: lines,
            overlap: chosen == .sfdp ? "prism" : "false",
            // Today's drawing names no program, as the export always did.
            namesLayout: layout != nil || chosen != .neato || lines != .spline)
    }

    /// The graph attributes of the DOT: `layout` when named, `overlap`, `splines`, then the
    /// look shared by every size. The small-network default gives exactly the line ActorNet
    /// has always written.
    public var graphAttributes: [(String, String)] {
        var list: [(String, String)] = []
        if namesLayout { list.append(("layout", layout.rawValue)) }
        list += [("overlap", overlap), ("splines", splines.attribute), ("sep", "\"+6\""),
                 ("outputorder", "edgesfirst"), ("fontname", "\"Helvetica\"")]
        return list
    }
}

/// Runs Graphviz to draw DOT text.
///
/// Graphviz runs as a child that never outlives the drawing: on its `timeout`, when the
/// `Cancellation` current on the calling thread is cancelled (the server's deadline and
/// disconnected clients), and on SIGINT/SIGTERM once `StopSignals.install()` was called (the
/// command line), it is killed (SIGKILL) and waited for; when actornet itself dies, even by
/// SIGKILL, the kernel kills it (Linux: PR_SET_PDEATHSIG, see `Sources/CChildProcess/spawn.c`).
/// DOT goes to its standard input while its output and errors are read, in one poll loop on the
/// calling thread, so no pipe can fill up and deadlock; that thread must be the one waiting,
/// because the parent-death signal follows the thread that started the child.
public enum Graphviz {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public enum Reason: Sendable, Equatable {
            /// The layout program is not on the PATH.
            case notInstalled
            /// It could not be started, or ended with an error.
            case failed
            /// It ran longer than the timeout and was killed.
            case timedOut(seconds: Double)
            /// The caller's `Cancellation` was cancelled; it was killed.
            case cancelled
            /// SIGINT or SIGTERM arrived (see `StopSignals`); it was killed.
            case interrupted(signal: Int32)
        }

        public var reason: Reason
        public var message: String
        public var notInstalled: Bool { reason == .notInstalled }
        public var description: String { message }

        public init(_ reason: Reason, _ message: String) {
            self.reason = reason
            self.message = message
        }
    }

    /// The image bytes of `dot` laid out by `layout` in `format` (svg, png). `timeout` is in
    /// seconds (nil: none).
    public static func render(_ dot: String, layout: GraphvizLayout, format: String,
                              timeout: Double? = nil) throws(Failure) -> [UInt8] {
        guard let binary = locate(layout.rawValue) else {
            throw Failure(.notInstalled, "Graphviz's '\(layout.rawValue)' is not installed; install Graphviz "
                + "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) or export DOT with "
                + "'actornet export --format dot' and render it elsewhere")
        }
        let result = try run(binary, ["-T\(format)"], input: Array(dot.utf8), timeout: timeout)
        guard result.status == 0 else {
            let detail = String(decoding: result.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let how = result.status < 0 ? "was killed by signal \(-result.status)" : "exited with status \(result.status)"
            throw Failure(.failed, "Graphviz \(layout.rawValue) failed (\(how))" + (detail.isEmpty ? "" : ": \(detail)"))
        }
        return result.stdout
    }

    /// The outcome of one run: exit status (minus the signal when killed), output and errors.
    struct Run {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    /// Runs `binary` with `arguments`, `input` on its standard input; stops it as the type's
    /// description says.
    static func run(_ binary: String, _ arguments: [String], input: [UInt8], timeout: Double?) throws(Failure) -> Run {
        let name = URL(fileURLWithPath: binary).lastPathComponent
        // Every C string the child needs exists before the fork.
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var fds: [Int32] = [-1, -1, -1]
        let pid = argv.withUnsafeBufferPointer { a in
            envp.withUnsafeBufferPointer { e in
                fds.withUnsafeMutableBufferPointer { f in
                    actornet_spawn(binary, a.baseAddress, e.baseAddress, f.baseAddress)
                }
            }
        }
        guard pid > 0 else {
            throw Failure(.failed, "cannot run \(binary): \(String(cString: strerror(-pid)))")
        }
        actornet_watch_child(pid)
        defer { actornet_watch_child(0) }

        let start = ContinuousClock.now
        let limit = timeout.map { Duration.milliseconds(Int64(($0 * 1000).rounded(.up))) }
        var stdinFD: Int32? = fds[0], outputs: [Int32?] = [fds[1], fds[2]]
        if input.isEmpty {
            close(fds[0])
            stdinFD = nil
        }
        var collected: [[UInt8]] = [[], []]
        var written = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        defer {
            if let fd = stdinFD { close(fd) }
            for case let fd? in outputs { close(fd) }
        }

        /// Why the child must be stopped now, if it must.
        func stopReason() -> Failure? {
            let signal = actornet_stop_signal()
            if signal != 0 {
                return Failure(.interrupted(signal: signal), "Graphviz \(name) was stopped: actornet received "
                    + (signal == SIGINT ? "SIGINT (Ctrl-C)" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"))
            }
            if let timeout, let limit, ContinuousClock.now - start >= limit {
                return Failure(.timedOut(seconds: timeout), "Graphviz \(name) did not finish within "
                    + "\(Self.seconds(timeout)) and was stopped")
            }
            if let token = Cancellation.current, let why = token.reason {
                return Failure(.cancelled, "Graphviz \(name) was stopped: \(why)")
            }
            return nil
        }

        var code: Int32 = 0
        while true {
            if let failure = stopReason() {
                kill(pid, SIGKILL)
                _ = actornet_reap(pid, 0, &code)
                throw failure
            }
            if stdinFD == nil, outputs.allSatisfy({ $0 == nil }) {
                // Both pipes closed: Graphviz is ending; wait for it without blocking past a stop.
                let reaped = actornet_reap(pid, 1, &code)
                if reaped == 1 { break }
                if reaped < 0 { throw Failure(.failed, "cannot wait for \(name): \(String(cString: strerror(-reaped)))") }
                usleep(20_000)
                continue
            }
            var polled: [pollfd] = []
            if let fd = stdinFD { polled.append(pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)) }
            for case let fd? in outputs { polled.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&polled, nfds_t(polled.count), 100)
            if ready < 0 && errno != EINTR {
                kill(pid, SIGKILL)
                _ = actornet_reap(pid, 0, &code)
                throw Failure(.failed, "cannot watch \(name): \(String(cString: strerror(errno)))")
            }
            guard ready > 0 else { continue }
            for entry in polled where entry.revents != 0 {
                if entry.fd == stdinFD {
                    let n = input.withUnsafeBytes { bytes in
                        actornet_write_nosigpipe(entry.fd, bytes.baseAddress! + written, min(bytes.count - written, 1 << 16))
                    }
                    if n > 0 { written += n }
                    // Done, or Graphviz stopped reading (a syntax error: its status says why).
                    if written == input.count || (n < 0 && errno != EAGAIN && errno != EINTR) {
                        close(entry.fd)
                        stdinFD = nil
                    }
                } else if let slot = outputs.firstIndex(of: entry.fd) {
                    while true {
                        let n = read(entry.fd, &chunk, chunk.count)
                        if n > 0 {
                            collected[slot] += chunk[0..<n]
                        } else if n < 0 && errno == EINTR {
                            continue
                        } else {
                            if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
                                close(entry.fd)
                                outputs[slot] = nil
                            }
                            break
                        }
                    }
                }
            }
        }
        return Run(status: code, stdout: collected[0], stderr: collected[1])
    }

    /// "1 s", "2.5 s".
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? "\(Int(value)) s" : "\(value) s"
    }

    static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin:/usr/local/bin"
        for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// SIGINT and SIGTERM for the command line: once installed, either signal kills a running
    /// Graphviz child (whose `render` then throws `.interrupted`) or, when none runs and no
    /// `deferring` block is open, ends actornet at once by that signal. Never installed by the
    /// server, which has its own shutdown.
    public enum StopSignals {
        public static func install() { actornet_stop_on_signals() }

        /// The first SIGINT or SIGTERM received, else nil.
        public static var received: Int32? {
            let signal = actornet_stop_signal()
            return signal == 0 ? nil : signal
        }

        /// Runs `body` (such as renaming a finished file into place) with stop signals only
        /// recorded, then ends the process by the first one if any arrived.
        public static func deferring<T>(_ body: () throws -> T) rethrows -> T {
            actornet_defer_stop(1)
            defer {
                actornet_defer_stop(0)
                actornet_die_of_stop_signal()
            }
            return try body()
        }

        /// Ends the process killed by the signal received (shells report 128 + N); returns
        /// when none was.
        public static func dieIfReceived() { actornet_die_of_stop_signal() }
    }
}
