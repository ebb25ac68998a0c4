import ActorNetTestSupport
import Foundation
import Testing

/// The CLI reads DOT files by their extension (`.gv`, `.dot`), and an export reads back.
@Suite struct DOTReadCLITests {
    let cli = CLITests()

    @Test func infoReadsGVAndDOTFiles() throws {
        let info = try cli.run(["info", "Tests/Fixtures/dot/handwritten_features.gv"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("actors      11"), "\(info.stdout)")
        #expect(info.stdout.contains("relations   10"), "\(info.stdout)")

        let exported = try cli.run(["export", "graphs/russia-iran.yaml", "--format", "dot", "--clusters"])
        #expect(exported.status == 0)
        let path = try cli.temporaryFile(exported.stdout, name: "russia-iran.dot")
        let back = try cli.run(["info", "--format", "json", path])
        let original = try cli.run(["info", "--format", "json", "graphs/russia-iran.yaml"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stderr.isEmpty, "\(back.stderr)")
        // The same summary, but for the file name.
        func withoutFile(_ text: String) -> String {
            text.split(separator: "\n").filter { !$0.contains("\"file\"") && !$0.contains("\"path\"") }.joined(separator: "\n")
        }
        #expect(withoutFile(back.stdout) == withoutFile(original.stdout))

        let broken = try cli.temporaryFile("digraph {\n  a -> -> b\n}\n", name: "broken.gv")
        let refused = try cli.run(["info", broken])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("broken.gv:2:8: error: Graphviz: syntax error near '->'"), "\(refused.stderr)")
    }
}
