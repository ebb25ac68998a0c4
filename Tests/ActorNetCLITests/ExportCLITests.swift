import ActorNetTestSupport
import Foundation
import Testing

@Suite struct ExportCLITests {
    let cli = CLITests()

    func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: ["yaml", "graphml", "gexf", "json"])
    func exportThenReadBackGivesTheSameNetwork(_ format: String) throws {
        let dir = try directory()
        let out = dir.appendingPathComponent("net.\(format)").path
        let r = try cli.run(["export", "graphs/russia-iran.yaml", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let original = try cli.run(["info", "--format", "json", "graphs/russia-iran.yaml"]).stdout
        let back = try cli.run(["info", "--format", "json", out])
        #expect(back.status == 0, "\(back.stderr)")
        // Same summary apart from the file name.
        #expect(back.stdout.replacingOccurrences(of: out, with: "graphs/russia-iran.yaml") == original)
    }

    @Test func csvWritesTwoTablesAndReadsThemBack() throws {
        let dir = try directory()
        let out = dir.appendingPathComponent("net.csv").path
        #expect(try cli.run(["export", "graphs/russia-iran.yaml", "-o", out]).status == 0)
        let nodes = dir.appendingPathComponent("net-nodes.csv").path, edges = dir.appendingPathComponent("net-edges.csv").path
        #expect(FileManager.default.fileExists(atPath: nodes) && FileManager.default.fileExists(atPath: edges))
        let edgesText = try String(contentsOfFile: edges, encoding: .utf8)
        #expect(edgesText.hasPrefix("Source,Target,Type,Id,Label,Weight,kind,sign,"))
        let info = try cli.run(["info", edges])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("actors      24"))
        #expect(info.stdout.contains("relations   82"))
        // To standard output: one table.
        let stdout = try cli.run(["export", "graphs/russia-iran.yaml", "--format", "csv", "--table", "nodes"])
        #expect(stdout.stdout.hasPrefix("Id,Label,"))
    }

    @Test func withMetricsAddsColumnsAndGephiVisuals() throws {
        let r = try cli.run(["export", "graphs/russia-iran.yaml", "--format", "graphml", "--with-metrics"])
        #expect(r.status == 0, "\(r.stderr)")
        for key in ["attr.name=\"betweenness\"", "attr.name=\"hedges\"", "attr.name=\"pagerank\"", "attr.name=\"r\"",
                    "attr.name=\"size\""] {
            #expect(r.stdout.contains(key), "missing \(key)")
        }
        #expect(!r.stdout.contains("id=\"d0\""))
    }

    /// An option the chosen format cannot carry is a usage error naming the option and the
    /// formats that can (the format table's capabilities), never silently ignored.
    @Test(arguments: [
        (["--format", "graphml", "--dynamic"], "--dynamic: relations' dates are written as time intervals in gexf, not graphml"),
        (["--format", "yaml", "--with-metrics"], "--with-metrics: metric columns are written in"),
        (["--format", "gexf", "--clusters"], "--clusters: groups are drawn as clusters in dot, not gexf"),
        (["--format", "json", "--table", "nodes"], "--table: a format is written as two tables in csv, not json"),
        (["--format", "gexf", "--colour-by", "pagerank"], "--colour-by: applies with with_metrics"),
        (["--format", "gexf", "--dynamic", "--at", "2020"], "--at: one snapshot (at) and every date as a timeline (dynamic)"),
    ])
    func optionsTheFormatCannotCarryExit64(arguments: [String], message: String) throws {
        let r = try cli.run(["export", "graphs/russia-iran.yaml"] + arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func convertByExtension() throws {
        let dir = try directory()
        let graphml = dir.appendingPathComponent("gg.graphml").path
        let src = Fixtures.fixturePath("signed/gahuku_gama_edges.csv")
        let r = try cli.run(["convert", src, graphml])
        #expect(r.status == 0, "\(r.stderr)")
        let yaml = dir.appendingPathComponent("gg.yaml").path
        #expect(try cli.run(["convert", graphml, yaml]).status == 0)
        let balance = try cli.run(["balance", yaml])
        #expect(balance.stdout.contains("+++ 19   ++− 2   +−− 40   −−− 7"), "\(balance.stdout)")
        #expect(balance.stdout.contains("L = 7 (exact)"))
        #expect(try cli.run(["convert", src, dir.appendingPathComponent("x.unknown").path]).status == 64)
    }

    @Test func dotToStandardOutputAndRender() throws {
        let dot = try cli.run(["export", "graphs/russia-iran.yaml", "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph "))
        // Never a strict graph (the data attributes may hold words such as "restrictions").
        #expect(!dot.stdout.split(separator: "\n").contains { $0.hasPrefix("strict") })
        let dir = try directory()
        let svg = dir.appendingPathComponent("net.svg").path
        let r = try cli.run(["render", "graphs/russia-iran.yaml", "-o", svg, "--colour-by", "hedges"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
        #expect(try cli.run(["render", "graphs/russia-iran.yaml", "-o", dir.appendingPathComponent("x.pdf").path]).status == 64)
    }

    @Test func unwritableOutputExits73AndLeavesNoFile() throws {
        let r = try cli.run(["export", "graphs/russia-iran.yaml", "-o", "/nonexistent-dir/x.graphml"])
        #expect(r.status == 73)
        #expect(r.stderr.contains("cannot write '/nonexistent-dir/x.graphml'"))
        // An existing file survives a failed export unchanged; no temporary file is left.
        let dir = try directory()
        let target = dir.appendingPathComponent("keep.graphml")
        try Data("previous".utf8).write(to: target)
        let bad = try cli.temporaryFile("actors:\n  - id: A\n  - id: A\n")
        #expect(try cli.run(["export", bad, "-o", target.path]).status == 1)
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["keep.graphml"])
    }
}
