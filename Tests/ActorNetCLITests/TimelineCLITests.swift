import ActorNetTestSupport
import Foundation
import Testing

@Suite struct TimelineCLITests {
    let cli = CLITests()

    /// The command that draws the README's picture, `graphs/russia-timeline.svg`.
    static let storyArguments = ["timeline", "graphs/russia-iran.yaml", "--metric", "signed-degree",
                                 "--actors", "RUS,IRN,SYR,ISR,USA", "--from", "2014", "--to", "2025-07", "--step", "month"]

    func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-timeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The committed picture is what the command draws now, byte for byte: rerun the command
    /// (README, "Time: snapshots and timelines") after any change to the network or the chart.
    @Test func theCommittedPictureIsWhatTheCommandDrawsNow() throws {
        let out = try directory().appendingPathComponent("russia-timeline.svg").path
        let r = try cli.run(Self.storyArguments + ["-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let drawn = try String(contentsOfFile: out, encoding: .utf8)
        let committed = try String(contentsOfFile: Fixtures.path("graphs/russia-timeline.svg"), encoding: .utf8)
        #expect(drawn == committed, "graphs/russia-timeline.svg is stale: rerun actornet \(Self.storyArguments.joined(separator: " ")) -o graphs/russia-timeline.svg")
        // The README shows it with that command.
        let readme = try String(contentsOfFile: Fixtures.path("README.md"), encoding: .utf8)
        #expect(readme.contains("actornet \(Self.storyArguments.joined(separator: " ")) -o graphs/russia-timeline.svg"))
        #expect(readme.contains("](graphs/russia-timeline.svg)"))
    }

    /// The README's hedging picture, `graphs/russia-hedging-timeline.svg`, likewise.
    @Test func theCommittedHedgingPictureIsCurrent() throws {
        let arguments = ["timeline", "graphs/russia-iran.yaml", "--metric", "hedging", "--from", "2015", "--to", "2025-07",
                         "--step", "month", "--no-inferred"]
        let out = try directory().appendingPathComponent("hedging.svg").path
        let r = try cli.run(arguments + ["-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let committed = try String(contentsOfFile: Fixtures.path("graphs/russia-hedging-timeline.svg"), encoding: .utf8)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == committed,
                "graphs/russia-hedging-timeline.svg is stale: rerun actornet \(arguments.joined(separator: " ")) -o graphs/russia-hedging-timeline.svg")
        let readme = try String(contentsOfFile: Fixtures.path("README.md"), encoding: .utf8)
        #expect(readme.contains("actornet \(arguments.joined(separator: " ")) -o graphs/russia-hedging-timeline.svg"))
    }

    @Test func tableByDefaultWithTheViewAndTheReuse() throws {
        let r = try cli.run(["timeline", "graphs/russia-iran.yaml", "--metric", "hedging", "--from", "2015", "--to", "2025-07",
                             "--step", "quarter"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("measure: hedges H (rivalries straddled) (asked for as 'hedging')"))
        #expect(r.stdout.contains("view: positive relations"))
        #expect(r.stdout.contains("computed at 5 of 43 steps"))
        #expect(r.stdout.contains("undated and counted as always present"))
        #expect(r.stdout.contains("\n2025-Q3 "))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(r.stderr.isEmpty)
    }

    @Test func defaultsRunFromTheEarliestYearToTheLatestStartByYear() throws {
        let r = try cli.run(["timeline", "graphs/russia-iran.yaml", "--metric", "ties", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "step,date,positive,negative")
        #expect(lines[1].hasPrefix("1521,1521,"))
        #expect(lines.last?.hasPrefix("2025,2025,") == true)
        #expect(lines.count == 1 + 505)
    }

    @Test func formatFollowsTheOutputExtensionAndWritesAtomically() throws {
        let dir = try directory()
        for (name, check) in [("t.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\""), ("t.csv", "step,date,"),
                              ("t.json", "\"measure\" : {"), ("t.txt", "measure: ")] {
            let path = dir.appendingPathComponent(name).path
            let r = try cli.run(["timeline", "graphs/russia-iran.yaml", "--metric", "degree", "--from", "2020", "-o", path])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains(check), "\(name)")
        }
        // --format wins over the extension; to standard output without -o.
        let svg = try cli.run(["timeline", "graphs/russia-iran.yaml", "--metric", "balance", "--from", "2020", "--format", "svg",
                               "--width", "640", "--height", "360"])
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.contains("width=\"640\" height=\"360\""))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["t.svg", "t.csv", "t.json", "t.txt"])
    }

    @Test func badUsageExits64NamingTheOption() throws {
        let cases: [([String], String)] = [
            (["--metric", "hedgin"], "did you mean 'hedging'?"),
            (["--metric", "hedging", "--at", "2020"], "--at: does not apply to a timeline"),
            (["--metric", "hedging", "--all-dates"], "--all-dates does not apply to a timeline"),
            (["--metric", "hedging", "--from", "2015-13"], "--from: '2015-13' is not a valid date"),
            (["--metric", "hedging", "--from", "2025", "--to", "2015"], "--from: 2025 is after to (2015)"),
            (["--metric", "hedging", "--step", "month"], "--step: 6054 monthly steps from 1521 to 2025-06-18 are more than the limit of 2000"),
            (["--metric", "hedging", "--actors", "RUS,RUZ"], "--actors: unknown actor 'RUZ' (did you mean 'RUS'?)"),
            (["--metric", "hedging", "--kinds", "alliance"], "--kinds: unknown relation kind 'alliance'"),
            (["--metric", "hedging", "--width", "800"], "--width and --height apply to the svg format only"),
            (["--metric", "hedging", "--format", "svg", "--width", "100"], "--width must be at least 320"),
            (["--metric", "hedging", "--top", "0"], "--top: must be at least 1; got 0"),
        ]
        for (arguments, message) in cases {
            let r = try cli.run(["timeline", "graphs/russia-iran.yaml"] + arguments)
            #expect(r.status == 64, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(try cli.run(["timeline", "graphs/russia-iran.yaml"]).status == 64)
    }

    @Test func missingInputExits66AndUnwritableOutputExits73() throws {
        #expect(try cli.run(["timeline", "no-such.yaml", "--metric", "degree"]).status == 66)
        let r = try cli.run(["timeline", "graphs/russia-iran.yaml", "--metric", "degree", "-o", "/nonexistent-dir/t.svg"])
        #expect(r.status == 73)
        #expect(r.stderr.contains("/nonexistent-dir/t.svg"))
        let bad = try cli.temporaryFile("actors:\n  - id: A\n  - id: A\n")
        #expect(try cli.run(["timeline", bad, "--metric", "degree"]).status == 1)
    }

    @Test func helpListsTheMeasuresAndTheExitStatuses() throws {
        let r = try cli.run(["timeline", "--help"])
        #expect(r.status == 0)
        for part in ["--metric", "--from", "--to", "--step", "--actors", "--format", "hedging", "balance", "triangles",
                     "frustration", "ties", "Exit status: 0", "73", "--quiet"] {
            #expect(r.stdout.contains(part), "help lacks \(part)")
        }
        #expect(try cli.run(["--help"]).stdout.contains("timeline"))
    }
}
