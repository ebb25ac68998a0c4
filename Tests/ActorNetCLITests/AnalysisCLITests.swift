import ActorNetTestSupport
import Foundation
import Testing

@Suite struct AnalysisCLITests {
    let cli = CLITests()

    @Test func reportTellsTheStory() throws {
        let r = try cli.run(["report", "graphs/russia-iran.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        for part in ["1. WHO IS CENTRAL", "2. WHO HEDGES", "3. BALANCE", "4. SAY VERSUS DO", "As of 2025-06",
                     "distance = 1/weight", "Frustration index L =", "camp A:", "camp B:"] {
            #expect(r.stdout.contains(part), "missing \(part)")
        }
        // Russia is the top hedger, straddling Iran and Israel.
        let hedgers = try #require(r.stdout.components(separatedBy: "2. WHO HEDGES").last)
        let first = hedgers.split(separator: "\n").first { $0.hasPrefix("   1  ") }
        #expect(first?.contains("RUS Russia") == true)
        #expect(first?.contains("IRN\u{00A0}×\u{00A0}ISR") == true)
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(try cli.run(["report", "graphs/russia-iran.yaml"]).stdout == r.stdout)
    }

    @Test func reportAtAnotherDateAndAllDates() throws {
        let past = try cli.run(["report", "graphs/russia-iran.yaml", "--at", "2016"])
        #expect(past.status == 0)
        #expect(past.stdout.contains("As of 2016."))
        let all = try cli.run(["report", "graphs/russia-iran.yaml", "--all-dates"])
        #expect(all.stdout.contains("All relations together"))
        #expect(try cli.run(["report", "graphs/russia-iran.yaml", "--at", "2016", "--all-dates"]).status == 64)
    }

    @Test func reportJSON() throws {
        let r = try cli.run(["report", "graphs/russia-iran.yaml", "--format", "json"])
        #expect(r.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["asOf", "centrality", "hedging", "balance", "sayDo", "distance", "centralityView"] {
            #expect(doc[key] != nil, "missing \(key)")
        }
        let hedging = try #require(doc["hedging"] as? [[String: Any]])
        #expect(hedging.first?["id"] as? String == "RUS")
    }

    @Test func hedgingCommand() throws {
        let r = try cli.run(["hedging", "graphs/russia-iran.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Σ H ="))
        let csv = try cli.run(["hedging", "graphs/russia-iran.yaml", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "id,name,hedges,hedging_ratio,weighted_hedges,positive_degree,rivalries")
        #expect(lines.count == 25)
        #expect(lines[1].hasPrefix("RUS,Russia,"))
        let json = try cli.run(["hedging", "graphs/russia-iran.yaml", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((doc["actors"] as? [Any])?.count == 24)
    }

    @Test func balanceCommand() throws {
        let r = try cli.run(["balance", "graphs/russia-iran.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        for part in ["triangles", "triangle balance", "walk balance", "frustration", "(exact)", "camp A", "camp B",
                     "PN centrality"] {
            #expect(r.stdout.contains(part), "missing \(part)")
        }
        let heuristic = try cli.run(["balance", "graphs/russia-iran.yaml", "--method", "heuristic"])
        #expect(heuristic.stdout.contains("heuristic"))
        let json = try cli.run(["balance", "graphs/russia-iran.yaml", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(doc["triangles"] != nil && doc["frustration"] != nil && doc["walkBalance"] != nil)
    }

    @Test func negativeOnlyAndEmptyViewsGiveClearOutput() throws {
        let rivals = try cli.run(["hedging", "graphs/russia-iran.yaml", "--sign", "negative"])
        #expect(rivals.status == 0)
        #expect(rivals.stdout.contains("No actor hedges"))
        let empty = try cli.temporaryFile("actors:\n  - id: A\n")
        for command in [["report"], ["balance"], ["hedging"], ["metrics"]] {
            let r = try cli.run(command + [empty])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(!r.stdout.lowercased().contains("nan"), "\(command) printed NaN")
        }
    }

    @Test func diffOfTwoDatesNamesTheSyriaExit() throws {
        let r = try cli.run(["diff", "graphs/russia-iran.yaml", "--from", "2016", "--to", "2025-06"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("before: graphs/russia-iran.yaml as of 2016"))
        #expect(r.stdout.contains("rus-syr-military-support: RUS – SYR, supply (+), since 2015, until 2025"))
        #expect(r.stdout.contains("rus-irn-treaty-2025: RUS – IRN, cooperation (+), since 2025-01"))
        let json = try cli.run(["diff", "graphs/russia-iran.yaml", "--from", "2016", "--to", "2025-06", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((doc["ended"] as? [[String: Any]])?.contains { $0["id"] as? String == "rus-syr-military-support" } == true)
        #expect((doc["actors"] as? [Any])?.count == 24)
    }

    @Test func diffOfTwoFilesAndBadUsage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let old = dir.appendingPathComponent("old.yaml").path, new = dir.appendingPathComponent("new.yaml").path
        try "actors:\n  - id: A\n  - id: B\n  - id: C\nrelations:\n  - {id: r1, source: A, target: B, kind: cooperation}\n"
            .write(toFile: old, atomically: true, encoding: .utf8)
        try "actors:\n  - id: A\n  - id: B\n  - id: D\nrelations:\n  - {id: r2, source: A, target: B, kind: rivalry}\n"
            .write(toFile: new, atomically: true, encoding: .utf8)
        let r = try cli.run(["diff", old, new])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("A – B: + → −"))
        #expect(r.stdout.contains("Actors added: D"))
        #expect(r.stdout.contains("Actors removed: C"))
        for bad in [["diff", old], ["diff", old, "--from", "2020", "--to", "2010"], ["diff", old, new, "--from", "2020"],
                    ["diff", old, "--from", "20x", "--to", "2021"]] {
            #expect(try cli.run(bad).status == 64, "\(bad)")
        }
    }

    @Test func infoAndExportTakeASnapshot() throws {
        let info = try cli.run(["info", "graphs/russia-iran.yaml", "--at", "2016"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("as of 2016; undated relations count as always present"))
        let whole = try cli.run(["info", "graphs/russia-iran.yaml"]).stdout
        #expect(whole != info.stdout)
        let snapshot = try cli.run(["export", "graphs/russia-iran.yaml", "--at", "2016"])
        #expect(snapshot.status == 0)
        #expect(!snapshot.stdout.contains("rus-irn-treaty-2025"))
        #expect(snapshot.stdout.contains("rus-syr-military-support"))
        #expect(try cli.run(["export", "graphs/russia-iran.yaml", "--at", "2016", "--dynamic", "--format", "gexf"]).status == 64)
        #expect(try cli.run(["info", "graphs/russia-iran.yaml", "--at", "soon"]).status == 64)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-at-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let converted = dir.appendingPathComponent("2016.graphml").path
        #expect(try cli.run(["convert", "graphs/russia-iran.yaml", converted, "--at", "2016"]).status == 0)
        let text = try String(contentsOfFile: converted, encoding: .utf8)
        #expect(text.contains("rus-syr-military-support") && !text.contains("rus-irn-treaty-2025"))
    }
}
