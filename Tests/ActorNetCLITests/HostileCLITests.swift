import ActorNetTestSupport
import Foundation
import Testing

/// `actornet validate` on hostile YAML, run as a separate process so that a crash (a stack
/// overflow is a signal, not an error) would show as the exit status.
@Suite struct HostileCLITests {
    let cli = CLITests()

    func expectCleanRefusal(_ r: CLITests.Run, file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(r.status == 1, "status \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("\(file):"), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(": error: ") && r.stderr.contains("\n  fix: "), sourceLocation: sourceLocation)
        for trace in ["Stack dump", "Fatal error", "Backtrace", "Current stack trace", "0x0000"] {
            #expect(!r.stderr.contains(trace), "a stack trace: \(r.stderr)", sourceLocation: sourceLocation)
        }
        #expect(r.stderr.count < 600, sourceLocation: sourceLocation)
        #expect(r.stdout == "\(file): invalid (1 error, 0 warnings)\n", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["Tests/Hostile/yaml/billion-laughs.yaml", "Tests/Hostile/yaml/deep-block.yaml",
                      "Tests/Hostile/yaml/duplicate-keys.yaml", "Tests/Hostile/yaml/nul-byte.yaml"])
    func validateRefusesHostileYAML(_ file: String) throws {
        expectCleanRefusal(try cli.run(["validate", file]), file: file)
    }

    /// 100 000 levels of flow nesting, generated here (200 KB): no stack overflow in the binary.
    /// Kept at this depth: a recursive reader (Yams' composer overflows 512 KiB at 1 000 levels)
    /// would need far more than the main thread's 8 MiB here.
    @Test func validateSurvivesAHundredThousandLevels() throws {
        let path = try cli.temporaryFile("actors: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n",
                                         name: "deep.yaml")
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let r = try cli.run(["validate", path])
        expectCleanRefusal(r, file: path)
        #expect(r.stderr.contains(":1:"), "\(r.stderr)")
        #expect(r.stderr.contains("nesting deeper than 256 levels"))
    }
}
