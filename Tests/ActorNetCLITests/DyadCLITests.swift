import ActorNetTestSupport
import Foundation
import Testing

/// `actornet dyad FILE A B`: text, JSON and SVG, on the shipped network and on a foreign file
/// without dates or channels; usage errors.
@Suite struct DyadCLITests {
    let cli = CLITests()

    @Test func textAnswersWithSectionsAndEvidence() throws {
        let r = try cli.run(["dyad", "graphs/russia-iran.yaml", "RUS", "IRN"])
        #expect(r.status == 0, "\(r.stderr)")
        for part in ["ActorNet dyad: Russia (RUS) and Iran (IRN)", "SUMMARY", "Does RUS support IRN?",
                     "1. RELATIONS BETWEEN RUS AND IRN", "2. SAY VERSUS DO", "3. WHAT CAPS THE SUPPORT",
                     "4. WHAT CHANGED AT EACH DATED EPISODE", "evidence:", "rus-irn-treaty-2025"] {
            #expect(r.stdout.contains(part), "missing \(part)")
        }
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 },
                "\(r.stdout.split(separator: "\n").filter { $0.count > 100 })")
        #expect(try cli.run(["dyad", "graphs/russia-iran.yaml", "RUS", "IRN"]).stdout == r.stdout)
    }

    @Test func jsonAndSVG() throws {
        let json = try cli.run(["dyad", "graphs/russia-iran.yaml", "RUS", "IRN", "--format", "json", "--at", "2025-06"])
        #expect(json.status == 0, "\(json.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        for key in ["answer", "summary", "sayDo", "caps", "episodes", "relations", "canTell", "asOf"] {
            #expect(doc[key] != nil, "missing \(key)")
        }
        #expect(doc["asOf"] as? String == "2025-06")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let svg = try cli.run(["dyad", "graphs/russia-iran.yaml", "RUS", "IRN", "--from", "2010", "-o", "\(dir)/d.svg"])
        #expect(svg.status == 0, "\(svg.stderr)")
        let drawn = try String(contentsOfFile: "\(dir)/d.svg", encoding: .utf8)
        #expect(drawn.hasPrefix("<svg") || drawn.hasPrefix("<?xml"))
        #expect(drawn.contains("Say versus do, Russia → Iran"))
    }

    @Test func foreignFileWithoutDatesOrChannelsSaysWhatItCannotTell() throws {
        let file = try cli.temporaryFile("Source,Target,kind\nA,B,cooperation\nA,C,cooperation\nB,C,rivalry\n", name: "edges.csv")
        let r = try cli.run(["dyad", file, "A", "B"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Cannot tell words from deeds"))
        #expect(r.stdout.contains("Cannot tell what was asked or promised"))
        #expect(r.stdout.contains("Cannot tell how it changed"))
        #expect(r.stdout.contains("C: A–C +1, B–C −1"))
    }

    @Test func usageErrors() throws {
        let unknown = try cli.run(["dyad", "graphs/russia-iran.yaml", "RUS", "IRNN"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown actor 'IRNN' (did you mean 'IRN'?)"), "\(unknown.stderr)")
        #expect(try cli.run(["dyad", "graphs/russia-iran.yaml", "RUS", "RUS"]).status == 64)
        #expect(try cli.run(["dyad", "graphs/russia-iran.yaml", "RUS", "IRN", "--at", "2025-13"]).status == 64)
        #expect(try cli.run(["dyad", "graphs/russia-iran.yaml", "RUS", "IRN", "--at", "2020", "--all-dates"]).status == 64)
        #expect(try cli.run(["dyad", "graphs/russia-iran.yaml", "RUS", "IRN", "--from", "2010"]).status == 64)
    }

    @Test func timelineSayDoNeedsItsPair() throws {
        let r = try cli.run(["timeline", "graphs/russia-iran.yaml", "--metric", "say-do", "--pair", "RUS,IRN",
                             "--from", "2015", "--to", "2025-07", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("step,date,stated,material,not-given"))
        let missing = try cli.run(["timeline", "graphs/russia-iran.yaml", "--metric", "say-do"])
        #expect(missing.status == 64 && missing.stderr.contains("--pair"))
        #expect(try cli.run(["timeline", "graphs/russia-iran.yaml", "--metric", "say-do", "--pair", "RUS"]).status == 64)
    }

    @Test func noInferredIsAcceptedByTheAnalysisCommands() throws {
        for command in [["report"], ["metrics"], ["hedging"], ["balance"], ["dyad", "RUS", "IRN"]] {
            var arguments = [command[0], "graphs/russia-iran.yaml"] + command.dropFirst()
            arguments.append("--no-inferred")
            let r = try cli.run(arguments)
            #expect(r.status == 0, "\(command): \(r.stderr)")
        }
    }
}
