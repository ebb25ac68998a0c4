import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// `actornet render` stopped every way it can be — its --timeout, SIGINT, SIGTERM, and SIGKILL
/// of actornet itself — leaves no Graphviz process behind and no output file. The Graphviz
/// child is found in /proc as the process whose parent is the actornet under test, so other
/// tests' Graphviz processes never confuse it. Waits are generous and nothing is timed.
@Suite(.serialized) struct RenderCLITests {
    let cli = CLITests()

    func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-render-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A generated network of 500 actors and 2,000 relations, in `dir`.
    func bigNetwork(in dir: String) throws -> String {
        let path = "\(dir)/big.yaml"
        let r = try cli.run(["generate", "--actors", "500", "--relations", "2000", "--seed", "4", "-o", path])
        try #require(r.status == 0, "\(r.stderr)")
        return path
    }

    /// Settings neato cannot finish for minutes on the big network: routed splines.
    static let slow = ["--layout", "neato", "--splines", "spline"]

    /// A process as /proc shows it.
    struct ProcessInfo {
        var pid: Int32
        var name: String
        var state: Character
        var parent: Int32
        var started: UInt64
    }

    static func process(_ pid: Int32) -> ProcessInfo? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let parent = Int32(fields[1]), let started = UInt64(fields[19]) else { return nil }
        return ProcessInfo(pid: pid, name: String(stat[stat.index(after: open)..<close]), state: fields[0].first!,
                           parent: parent, started: started)
    }

    /// Graphviz layout programs whose parent is `parent`.
    static func graphvizChildren(of parent: Int32) -> [ProcessInfo] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).compactMap(process).filter {
            $0.parent == parent && ["dot", "neato", "sfdp"].contains($0.name)
        }
    }

    /// Whether `child` still runs: the same process (pid and start time) and not a zombie.
    static func isRunning(_ child: ProcessInfo) -> Bool {
        guard let now = process(child.pid), now.started == child.started else { return false }
        return now.state != "Z" && now.state != "X"
    }

    /// Polls `condition` every 50 ms for up to `seconds`.
    static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    struct Stopped {
        var reason: Process.TerminationReason
        var status: Int32
        var stderr: String
        var graphviz: ProcessInfo?
    }

    /// Runs actornet with `arguments`, waits for its Graphviz child to start, then `stop`s it
    /// (nil: lets it run into its own timeout) and waits for actornet to end.
    func run(_ arguments: [String], stop: ((Process) -> Void)?) throws -> Stopped {
        let process = Process()
        process.executableURL = try CLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repoRoot
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-render-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: err) }
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var child: ProcessInfo?
        _ = Self.wait(seconds: 120) {
            child = Self.graphvizChildren(of: process.processIdentifier).first
            return child != nil || !process.isRunning
        }
        if let stop, process.isRunning { stop(process) }
        process.waitUntilExit()
        return Stopped(reason: process.terminationReason, status: process.terminationStatus,
                       stderr: try String(contentsOf: err, encoding: .utf8), graphviz: child)
    }

    /// The checks every stop shares: Graphviz did start, and is gone within a minute; the
    /// directory holds only the network (no drawing, no temporary file).
    func expectNothingLeft(_ stopped: Stopped, in dir: String) throws {
        let child = try #require(stopped.graphviz, "Graphviz never started: \(stopped.stderr)")
        #expect(Self.wait(seconds: 60) { !Self.isRunning(child) },
                "Graphviz \(child.name) (pid \(child.pid)) outlived the render")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["big.yaml"])
    }

    @Test func timeoutKillsGraphvizExits75AndWritesNothing() throws {
        let dir = try directory()
        let network = try bigNetwork(in: dir)
        let stopped = try run(["render", network, "-o", "\(dir)/out.svg", "--timeout", "1"] + Self.slow, stop: nil)
        #expect(stopped.reason == .exit && stopped.status == 75, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("did not finish within 1 s"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("nothing was written to \(dir)/out.svg"))
        #expect(stopped.stderr.contains("give a larger --timeout") && stopped.stderr.contains("--layout sfdp"))
        try expectNothingLeft(stopped, in: dir)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func signalKillsGraphvizAndEndsByIt(_ signal: Int32) throws {
        let dir = try directory()
        let network = try bigNetwork(in: dir)
        let stopped = try run(["render", network, "-o", "\(dir)/out.svg"] + Self.slow) { kill($0.processIdentifier, signal) }
        #expect(stopped.reason == .uncaughtSignal && stopped.status == signal, "\(stopped.status) \(stopped.stderr)")
        #expect(stopped.stderr.contains(signal == SIGINT ? "SIGINT" : "SIGTERM"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("nothing was written"))
        try expectNothingLeft(stopped, in: dir)
    }

    @Test func killingActornetKillsGraphviz() throws {
        // No handler runs on SIGKILL: the kernel kills the orphan (PR_SET_PDEATHSIG).
        let dir = try directory()
        let network = try bigNetwork(in: dir)
        let stopped = try run(["render", network, "-o", "\(dir)/out.svg"] + Self.slow) { kill($0.processIdentifier, SIGKILL) }
        #expect(stopped.reason == .uncaughtSignal && stopped.status == SIGKILL)
        try expectNothingLeft(stopped, in: dir)
    }

    @Test func bigNetworkRendersWithSizeBasedSettings() throws {
        let dir = try directory()
        let network = try bigNetwork(in: dir)
        let svg = "\(dir)/out.svg"
        // Generous: sfdp takes seconds; the limit only keeps a regression from hanging the suite.
        let r = try cli.run(["render", network, "-o", svg, "--timeout", "600"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
        let dot = try cli.run(["export", network, "--format", "dot"])
        #expect(dot.stdout.contains("graph [layout=sfdp, overlap=prism, splines=line,"))
        let forced = try cli.run(["export", network, "--format", "dot", "--layout", "dot", "--splines", "ortho"])
        #expect(forced.stdout.contains("graph [layout=dot, overlap=false, splines=ortho,"))
        let refused = try cli.run(["export", network, "--format", "graphml", "--layout", "dot"])
        #expect(refused.status == 64 && refused.stderr.contains("written in dot"), "\(refused.stderr)")
        #expect(try cli.run(["render", network, "-o", svg, "--timeout", "0"]).status == 64)
    }
}
