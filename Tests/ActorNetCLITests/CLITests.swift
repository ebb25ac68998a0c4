import ActorNetTestSupport
import Foundation
import Testing

/// Runs the real `actornet` binary, as a user would, and checks output and exit status.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `actornet` built beside this test bundle, or `ACTORNET_BIN`; throws, saying where it
    /// looked, when there is none (`TestBinaries`).
    static var binary: URL {
        get throws { try TestBinaries.actornet() }
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repoRoot
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                   stderr: String(decoding: e, as: UTF8.self))
    }

    func temporaryFile(_ contents: String, name: String = "net.yaml") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    @Test func binaryExists() throws {
        let binary = try Self.binary
        #expect(FileManager.default.isExecutableFile(atPath: binary.path), "\(binary.path)")
    }

    @Test func validatesTheShippedNetwork() throws {
        let r = try run(["validate", "--strict", "graphs/russia-iran.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("graphs/russia-iran.yaml: valid ("))
        #expect(r.stderr.isEmpty)
    }

    @Test func validateReadsEveryFormatAndQuotesOnlyAnExcerpt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let graphml = dir.appendingPathComponent("net.graphml").path
        #expect(try run(["export", "graphs/russia-iran.yaml", "-o", graphml]).status == 0)
        let r = try run(["validate", graphml])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("valid (24 actors"))
        // A file that is one long scalar: the message quotes 57 characters and the length.
        let scalar = try temporaryFile(String(repeating: "x", count: 5_000))
        let bad = try run(["validate", scalar])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("… (5000 characters)"))
        #expect(bad.stderr.count < 400)
    }

    @Test func infoDescribesTheShippedNetwork() throws {
        let r = try run(["info", "graphs/russia-iran.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        for part in ["Russia–Iran relations", "actors", "relations by kind", "cooperation", "rivalry", "supply",
                     "membership", "channels", "stated", "material", "dates", "components", "parallel relations",
                     "IRN – RUS"] {
            #expect(r.stdout.contains(part), "missing \(part)")
        }
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 }, "a line is wider than 100 columns")
    }

    @Test func infoAsJSON() throws {
        let r = try run(["info", "--format", "json", "graphs/russia-iran.yaml"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(object["file"] as? String == "graphs/russia-iran.yaml")
        #expect((summary["actors"] as? Int ?? 0) >= 15)
        #expect(summary["parallelPairs"] is [Any])
        // Deterministic: the same bytes twice.
        #expect(try run(["info", "--format", "json", "graphs/russia-iran.yaml"]).stdout == r.stdout)
    }

    @Test func invalidFileExitsOneWithEveryProblemLocated() throws {
        let path = try temporaryFile("""
            actors:
              - id: RUS
              - id: RUS
            relations:
              - {source: RUS, target: IRQ, kind: cooperation, weight: -1}
            """)
        let r = try run(["validate", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):3:9: error: actor 2: duplicate actor id 'RUS'"))
        #expect(r.stderr.contains("\(path):5:27: error: relation 1: unknown actor 'IRQ' in 'target'"))
        #expect(r.stderr.contains("\(path):5:59: error: relation 1: weight -1 is not a finite number ≥ 0"))
        #expect(r.stderr.contains("  fix: "))
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"))
        #expect(r.stdout.contains("invalid (3 errors, 0 warnings)"))
        // info refuses the same file the same way.
        let info = try run(["info", path])
        #expect(info.status == 1)
        #expect(info.stdout.isEmpty)
        #expect(info.stderr.contains("duplicate actor id"))
    }

    @Test func warningsPassUnlessStrict() throws {
        let path = try temporaryFile("actors:\n  - id: RUS\n    nmae: Russia\n")
        let lenient = try run(["validate", path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("warning: actor 1: unknown field 'nmae' is ignored"))
        #expect(try run(["validate", "--strict", path]).status == 1)
    }

    @Test func validatesSeveralFilesAndReportsEach() throws {
        let bad = try temporaryFile("actors: 3\n")
        let r = try run(["validate", "graphs/russia-iran.yaml", bad])
        #expect(r.status == 1)
        #expect(r.stdout.contains("graphs/russia-iran.yaml: valid"))
        #expect(r.stdout.contains("\(bad): invalid (1 error"))
    }

    @Test func missingFileExits66() throws {
        let r = try run(["validate", "no/such/file.yaml"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("no/such/file.yaml:1:1: error: cannot read 'no/such/file.yaml': no such file"))
        #expect(try run(["info", "graphs"]).status == 66)
    }

    @Test func readsStandardInput() throws {
        let r = try run(["validate", "-"], stdin: "actors:\n  - id: A\n  - id: B\nrelations:\n  - {source: A, target: B, kind: rivalry}\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("valid (2 actors, 1 relation"))
    }

    @Test func nonUTF8AndEmptyFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let latin1 = dir.appendingPathComponent("latin1.yaml")
        try Data([0x61, 0x63, 0x74, 0x6F, 0x72, 0x73, 0x3A, 0x20, 0xE9, 0x0A]).write(to: latin1)
        let r = try run(["validate", latin1.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("latin1.yaml:1:9: error: the file is not valid UTF-8"))
        let empty = try temporaryFile("")
        let e = try run(["info", empty])
        #expect(e.status == 1)
        #expect(e.stderr.contains(":1:1: error: the file is empty"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try run(["info"]).status == 64)
        #expect(try run(["info", "--format", "xml", "graphs/russia-iran.yaml"]).status == 64)
        #expect(try run(["frobnicate"]).status == 64)
    }

    @Test func helpAndVersion() throws {
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit status"))
        for command in ["validate", "info"] {
            let r = try run([command, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Exit status"), "\(command) --help documents exit status")
        }
        let version = try run(["--version"])
        #expect(version.stdout.hasPrefix("actornet "))
        #expect(version.stdout.contains("libxml2 2."))
    }
}
