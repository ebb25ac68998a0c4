import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// Output under failure, with the real binary: a directory the user may not write to, a write
/// that fails halfway (file-size limit, full disk), and a writer killed mid-write. In every case
/// the previous file is byte-identical afterwards, the message names the file and the fix, and
/// the exit status is 73.
@Suite struct FaultCLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: String {
        get throws { try CLITests.binary.path }
    }

    static let old = "the previous file\n"

    /// Runs `executable` with `arguments` in the repository; standard output to a pipe, or to
    /// the file `stdout` names.
    func run(_ executable: String, _ arguments: [String], stdout: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repoRoot
        let out = Pipe(), err = Pipe()
        if let stdout {
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if stdout != nil { try out.fileHandleForWriting.close() }
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                   stderr: String(decoding: e, as: UTF8.self))
    }

    func directory(mode: Int = 0o755) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-faults-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: mode])
        return path
    }

    func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    func temporaries(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(AtomicFile.marker) }.sorted()
    }

    /// Every command that writes a file, as `(arguments, target)` with the target in `dir`.
    static func writers(into dir: String) -> [(arguments: [String], target: String)] {
        let network = "graphs/russia-iran.yaml"
        var list: [(arguments: [String], target: String)] = [
            (["export", network, "-o", "\(dir)/out.graphml"], "\(dir)/out.graphml"),
            (["export", network, "--format", "yaml", "-o", "\(dir)/out.yaml"], "\(dir)/out.yaml"),
            (["convert", network, "\(dir)/out.gexf"], "\(dir)/out.gexf"),
            (["timeline", network, "--metric", "hedging", "-o", "\(dir)/out.svg"], "\(dir)/out.svg"),
            (["generate", "--actors", "300", "--relations", "2k", "-o", "\(dir)/gen.graphml"], "\(dir)/gen.graphml"),
        ]
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/neato") {
            list.append((["render", network, "-o", "\(dir)/drawing.svg"], "\(dir)/drawing.svg"))
        }
        return list
    }

    /// Permission denied, for real: root ignores permission bits, so as root the binary runs as
    /// `nobody` (setpriv) against a directory owned by root; as anyone else the directory is made
    /// read-only.
    @Test func unwritableDirectoryLeavesThePreviousFileAndSaysSo() throws {
        let dir = try directory()
        let asRoot = getuid() == 0
        let setpriv = "/usr/bin/setpriv"
        if asRoot, !FileManager.default.isExecutableFile(atPath: setpriv) {
            Issue.record("running as root without \(setpriv): cannot make a directory unwritable for this test")
            return
        }
        for writer in Self.writers(into: dir) {
            try Data(Self.old.utf8).write(to: URL(fileURLWithPath: writer.target))
        }
        if !asRoot { chmod(dir, 0o555) }
        defer { chmod(dir, 0o755) }
        for writer in Self.writers(into: dir) {
            let r = asRoot
                ? try run(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", Self.binary] + writer.arguments)
                : try run(Self.binary, writer.arguments)
            let command = writer.arguments.prefix(2).joined(separator: " ")
            #expect(r.status == 73, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("cannot write '\(writer.target)': no permission to create files in '\(dir)'"),
                    "\(command): \(r.stderr)")
            #expect(r.stderr.contains("write to a directory you may write to"), "\(command): \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), "\(r.stderr)")
            #expect(contents(writer.target) == Data(Self.old.utf8), "\(command) changed \(writer.target)")
        }
        #expect(temporaries(in: dir).isEmpty)
    }

    /// A parent that is a file, or that does not exist: the message says which.
    @Test func aPathThroughAFileOrAMissingDirectory() throws {
        let dir = try directory()
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(dir)/file"))
        let r = try run(Self.binary, ["export", "graphs/russia-iran.yaml", "-o", "\(dir)/file/out.yaml"])
        #expect(r.status == 73)
        #expect(r.stderr.contains("cannot write '\(dir)/file/out.yaml': '\(dir)/file' is not a directory"), "\(r.stderr)")
        let missing = try run(Self.binary, ["export", "graphs/russia-iran.yaml", "-o", "\(dir)/nowhere/out.yaml"])
        #expect(missing.status == 73)
        #expect(missing.stderr.contains("the directory '\(dir)/nowhere' does not exist; create it"), "\(missing.stderr)")
    }

    /// A write that fails halfway: the file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so
    /// that write(2) returns EFBIG) stops each writer after a few KiB. Not under the thread
    /// sanitizer (`scripts/sanitize thread` sets TSAN_OPTIONS): its runtime dies of SIGBUS at
    /// start-up under a 4 KiB file-size limit, even for `actornet --help`.
    @Test(.disabled(if: ProcessInfo.processInfo.environment["TSAN_OPTIONS"] != nil,
                    "the thread sanitizer's runtime cannot start under ulimit -f 4"))
    func aWriteThatFailsHalfwayLeavesThePreviousFile() throws {
        let dir = try directory()
        for writer in Self.writers(into: dir) {
            try Data(Self.old.utf8).write(to: URL(fileURLWithPath: writer.target))
            // 4 blocks: 2 KiB where ulimit counts 512-byte blocks (dash), 4 KiB where 1024 (bash).
            let script = "trap '' XFSZ; ulimit -f 4; exec \"$0\" \"$@\""
            let r = try run("/bin/sh", ["-c", script, Self.binary] + writer.arguments)
            let command = writer.arguments.prefix(2).joined(separator: " ")
            #expect(r.status == 73, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("cannot write '\(writer.target)': the file is larger than this process may write"),
                    "\(command): \(r.stderr)")
            #expect(r.stderr.contains("ulimit -f"), "\(r.stderr)")
            #expect(contents(writer.target) == Data(Self.old.utf8), "\(command) changed \(writer.target)")
        }
        #expect(temporaries(in: dir).isEmpty, "\(temporaries(in: dir))")
    }

    /// A full disk under standard output (/dev/full answers every write with ENOSPC), for the
    /// streaming writers and for the commands that print.
    @Test(arguments: [["export", "graphs/russia-iran.yaml", "--format", "graphml"], ["report", "graphs/russia-iran.yaml"],
                      ["metrics", "graphs/russia-iran.yaml", "--format", "csv"], ["info", "graphs/russia-iran.yaml"]])
    func fullDiskOnStandardOutputIs73(arguments: [String]) throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let r = try run(Self.binary, arguments, stdout: "/dev/full")
        #expect(r.status == 73, "\(arguments[0]): \(r.stderr)")
        #expect(r.stderr.contains("cannot write 'standard output': the disk is full"), "\(arguments[0]): \(r.stderr)")
    }

    /// SIGKILL while a large export streams into its temporary file: the target is untouched,
    /// the temporary file stays behind under its recognisable name, and the next write of the
    /// same file removes it.
    /// Synchronous on purpose: the poll must not wait for a turn on Swift's cooperative pool,
    /// which other tests' CPU-bound work can hold for longer than the whole write takes.
    @Test func aWriterKilledMidWriteLeavesThePreviousFile() throws {
        let dir = try directory()
        let target = "\(dir)/big.graphml"
        try Data(Self.old.utf8).write(to: URL(fileURLWithPath: target))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.binary)
        process.arguments = ["generate", "--actors", "50k", "--relations", "500k", "--seed", "3", "-o", target]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Wait for the temporary file to exist and hold some bytes, then stop the writer before
        // killing it, so that it cannot have finished in between. Generating the network comes
        // first and takes a minute or more in a debug build on a loaded machine: the bound is
        // generous (this waits for a condition; it times nothing).
        var stopped = false
        let deadline = ContinuousClock.now + .seconds(900)
        while process.isRunning, ContinuousClock.now < deadline {
            if let name = temporaries(in: dir).first,
               let size = (try? FileManager.default.attributesOfItem(atPath: "\(dir)/\(name)"))?[.size] as? Int, size > 0 {
                kill(process.processIdentifier, SIGSTOP)
                stopped = true
                break
            }
            usleep(10_000)
        }
        try #require(stopped, "the writer finished or failed before its temporary file appeared")
        #expect(temporaries(in: dir).count == 1, "the writer was stopped after it renamed its file")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(contents(target) == Data(Self.old.utf8))
        let left = temporaries(in: dir)
        #expect(left == left.filter { $0.hasPrefix(".big.graphml.actornet-tmp-\(process.processIdentifier)-") }, "\(left)")
        #expect(left.count == 1)

        let next = try run(Self.binary, ["export", "graphs/russia-iran.yaml", "-o", target])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(temporaries(in: dir).isEmpty, "the killed writer's temporary file was not removed")
        #expect(String(decoding: contents(target) ?? Data(), as: UTF8.self).contains("<graphml"))
    }
}
