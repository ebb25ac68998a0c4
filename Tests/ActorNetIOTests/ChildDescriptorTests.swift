@testable import ActorNetIO
import Foundation
import Testing

/// A Graphviz child gets only its three pipes: a descriptor the server holds without
/// close-on-exec (a client's socket, a file) must not live on in the child.
@Suite struct ChildDescriptorTests {
    @Test func theChildInheritsNoOtherDescriptor() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-fd-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Opened the old way, without O_CLOEXEC: execve alone would hand it to the child.
        let fd = open(path, O_RDONLY)
        try #require(fd > 2)
        defer { close(fd) }
        #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC == 0)
        // The shell lists its own descriptors ($$ is the shell, not ls).
        let run = try Graphviz.run("/bin/sh", ["-c", "ls /proc/$$/fd"], input: [], timeout: 20)
        #expect(run.status == 0, "\(String(decoding: run.stderr, as: UTF8.self))")
        let listed = Set(String(decoding: run.stdout, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init))
        #expect(!listed.contains(String(fd)), "descriptor \(fd) leaked into the child: \(listed.sorted())")
        #expect(listed.isSuperset(of: ["0", "1", "2"]))
    }
}
