import ActorNetTestSupport
import Foundation
import Testing

/// The README shows real output: the report block is what `actornet report` prints now, every
/// block of the dyad walk-through is a part of what `actornet dyad` prints, and the committed
/// say-versus-do chart is what its command draws.
@Suite struct ReadmeOutputTests {
    let cli = CLITests()

    static func readme() throws -> String {
        try String(contentsOfFile: Fixtures.path("README.md"), encoding: .utf8)
    }

    /// The fenced blocks (without the fences) of the README section that starts with `heading`.
    static func blocks(in section: String) throws -> [String] {
        let text = try readme()
        let start = try #require(text.range(of: "\n## " + section))
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        let parts = rest[..<end].components(separatedBy: "\n```")
        // Odd parts are inside fences; the first line of each is its language tag.
        return stride(from: 1, to: parts.count, by: 2).map { i in
            let block = parts[i]
            return String(block[block.index(after: block.firstIndex(of: "\n") ?? block.startIndex)...]) + "\n"
        }
    }

    @Test func theReportBlockIsTheReportNow() throws {
        let report = try cli.run(["report", "graphs/russia-iran.yaml"])
        #expect(report.status == 0, "\(report.stderr)")
        let blocks = try Self.blocks(in: "Reading the report on the shipped network")
        #expect(blocks.first == report.stdout, "README's report is stale: paste `actornet report graphs/russia-iran.yaml`")
    }

    @Test func theDyadWalkThroughShowsRealOutput() throws {
        let dyad = try cli.run(["dyad", "graphs/russia-iran.yaml", "RUS", "IRN"])
        #expect(dyad.status == 0, "\(dyad.stderr)")
        let outputs = try Self.blocks(in: "Does Russia support Iran? `actornet dyad`").filter { !$0.hasPrefix("actornet ") }
        #expect(outputs.count >= 3)
        for block in outputs {
            #expect(dyad.stdout.contains(block), "README block is not part of the output now:\n\(block)")
        }
    }

    @Test func theCommittedSayDoChartIsCurrent() throws {
        let arguments = ["dyad", "graphs/russia-iran.yaml", "RUS", "IRN", "--format", "svg", "--from", "2010"]
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("say-do-\(UUID().uuidString).svg").path
        let r = try cli.run(arguments + ["-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let committed = try String(contentsOfFile: Fixtures.path("graphs/russia-iran-say-do.svg"), encoding: .utf8)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == committed,
                "graphs/russia-iran-say-do.svg is stale: rerun actornet \(arguments.joined(separator: " ")) -o graphs/russia-iran-say-do.svg")
        #expect(try Self.readme().contains("actornet \(arguments.joined(separator: " ")) -o graphs/russia-iran-say-do.svg"))
    }
}
