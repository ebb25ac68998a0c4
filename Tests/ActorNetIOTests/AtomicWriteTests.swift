import ActorNetIO
import Foundation
import Testing

/// `AtomicFile` in process: a failure at any point leaves the previous file byte-identical and
/// no temporary file behind, and says what to do; temporary files of dead writers are removed.
/// (Permission, file-size and SIGKILL faults with the real binary: `FaultCLITests`.)
@Suite struct AtomicWriteTests {
    struct Planted: Error {}

    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func replacesTheFileWholeAndLeavesNoTemporary() throws {
        let path = "\(directory)/net.yaml"
        try AtomicFile.write("old\n", to: path)
        try AtomicFile.write("new\n", to: path)
        #expect(read(path) == "new\n")
        #expect(entries == ["net.yaml"])
    }

    /// The body fails after writing part of the new file: the old one is untouched.
    @Test func aFailureMidStreamLeavesThePreviousFile() throws {
        let path = "\(directory)/net.graphml"
        try AtomicFile.write("old\n", to: path)
        #expect(throws: Planted.self) {
            try AtomicFile.write(to: path) { sink in
                try sink.write(String(repeating: "<node/>\n", count: 100_000))
                throw Planted()
            }
        }
        #expect(read(path) == "old\n")
        #expect(entries == ["net.graphml"])
    }

    /// A write error (ENOSPC from /dev/full) says the disk is full and what to do.
    @Test func aFullDiskIsExplained() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0, "no /dev/full")
        defer { close(descriptor) }
        let sink = FileDescriptorSink(descriptor: descriptor, name: "out.yaml")
        #expect {
            try sink.write("actors: []\n")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("cannot write 'out.yaml': the disk is full") && text.contains("free some space")
        }
    }

    @Test func aParentThatIsAFileOrMissingOrATargetThatIsADirectory() throws {
        try AtomicFile.write("x", to: "\(directory)/file")
        #expect {
            try AtomicFile.write("y", to: "\(directory)/file/net.yaml")
        } throws: { error in
            "\(error)" == "cannot write '\(directory)/file/net.yaml': '\(directory)/file' is not a directory; "
                + "give a path inside a directory"
        }
        #expect {
            try AtomicFile.write("y", to: "\(directory)/missing/net.yaml")
        } throws: { error in
            "\(error)".contains("the directory '\(directory)/missing' does not exist; create it or write elsewhere")
        }
        try FileManager.default.createDirectory(atPath: "\(directory)/sub", withIntermediateDirectories: false)
        #expect {
            try AtomicFile.write("y", to: "\(directory)/sub")
        } throws: { error in
            "\(error)" == "cannot write '\(directory)/sub': it is a directory; give a file name"
        }
        #expect(entries == ["file", "sub"])
    }

    /// An immutable directory (root ignores permission bits but not this): EPERM, explained.
    @Test func anImmutableDirectoryLeavesThePreviousFile() throws {
        let path = "\(directory)/net.yaml"
        try AtomicFile.write("old\n", to: path)
        guard chattr("+i") else { return }  // not root, or the file system has no such attribute
        defer { _ = chattr("-i") }
        #expect {
            try AtomicFile.write("new\n", to: path)
        } throws: { error in
            "\(error)".hasPrefix("cannot write '\(path)': no permission to create files in '\(directory)'")
        }
        #expect(read(path) == "old\n")
    }

    func chattr(_ flag: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, directory]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Temporary files of writers that no longer exist are removed by the next write of the
    /// same target; those of a live process (this one: a concurrent writer) and of other
    /// targets are kept.
    @Test func stalesTemporariesOfDeadWritersAreRemoved() throws {
        let path = "\(directory)/net.yaml"
        try AtomicFile.write("old\n", to: path)
        let dead = try finishedProcessID()
        let live = ProcessInfo.processInfo.processIdentifier
        let names = [".net.yaml.actornet-tmp-\(dead)-1a2b", ".net.yaml.actornet-tmp-\(live)-3c4d",
                     ".other.yaml.actornet-tmp-\(dead)-5e6f"]
        for name in names { try Data("partial".utf8).write(to: URL(fileURLWithPath: "\(directory)/\(name)")) }
        try AtomicFile.write("new\n", to: path)
        #expect(read(path) == "new\n")
        #expect(entries == [names[1], names[2], "net.yaml"].sorted())
        #expect(AtomicFile.temporaryPrefix(of: path) == ".net.yaml.actornet-tmp-")
    }

    /// The id of a process that has exited and been reaped.
    func finishedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
