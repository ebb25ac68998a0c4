import Foundation

/// Runs an external program (Graphviz, python3) on files, collecting its output; used by the
/// interop tests of the export formats.
public enum ExportToolRunner {
    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `executable` with `arguments`; output goes through files, so a large SVG cannot
    /// fill a pipe and block the program.
    public static func run(_ executable: String, _ arguments: [String]) throws -> Output {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("stdout"), err = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// Writes `text` to a temporary file with this extension and returns its path.
    public static func temporaryFile(_ text: String, extension ext: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-\(UUID().uuidString).\(ext)")
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
