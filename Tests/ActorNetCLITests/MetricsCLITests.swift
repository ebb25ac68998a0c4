import ActorNetTestSupport
import Foundation
import Testing

@Suite struct MetricsCLITests {
    let cli = CLITests()

    @Test func defaultTableNamesTheViewAndTheDistance() throws {
        let r = try cli.run(["metrics", "graphs/russia-iran.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        // The view wraps at 100 columns wherever its kinds put the break: read it unwrapped.
        let unwrapped = r.stdout.replacingOccurrences(of: "\n  ", with: " ")
        #expect(unwrapped.contains("view: positive relations"))
        #expect(unwrapped.contains("read as undirected"))
        #expect(r.stdout.contains("distance: distance = 1/weight (stronger tie = shorter path)"))
        #expect(unwrapped.contains("as of 2025-06-18, the latest start date"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        // Russia is the most connected actor of its own network.
        let firstRow = r.stdout.split(separator: "\n").first { $0.hasPrefix("   1  ") }
        #expect(firstRow?.contains("RUS Russia") == true)
    }

    @Test func csvHasAHeaderThatCarriesTheDistance() throws {
        let r = try cli.run(["metrics", "graphs/russia-iran.yaml", "--metric", "degree,betweenness,pagerank",
                             "--distance", "weight", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "id,name,degree,betweenness[distance=weight],pagerank")
        #expect(lines.count == 25)   // header + 24 actors
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count >= 5 })
    }

    @Test func jsonIsStableAndComplete() throws {
        let args = ["metrics", "graphs/russia-iran.yaml", "--metric", "closeness,harmonic,katz,hubs", "--format", "json"]
        let r = try cli.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let actors = try #require(doc["actors"] as? [[String: Any]])
        #expect(actors.count == 24)
        #expect((actors[0]["scores"] as? [String: Double])?.keys.sorted() == ["closeness", "harmonic", "hubs", "katz"])
        #expect((doc["view"] as? String)?.contains("positive relations") == true)
        #expect(try cli.run(args).stdout == r.stdout)
    }

    @Test func viewOptionsChangeTheNumbers() throws {
        let base = ["metrics", "graphs/russia-iran.yaml", "--metric", "degree", "--format", "csv"]
        let now = try cli.run(base).stdout
        let all = try cli.run(base + ["--all-dates"]).stdout
        let past = try cli.run(base + ["--at", "2016"]).stdout
        let material = try cli.run(base + ["--channel", "material"]).stdout
        let rivals = try cli.run(base + ["--sign", "negative"]).stdout
        #expect(Set([now, all, past, material, rivals]).count == 5)
        #expect(try cli.run(base + ["--kinds", "supply", "--directed"]).status == 0)
    }

    @Test func approximateBetweennessSaysSoAndStatesItsBound() throws {
        // A ring of 1500 actors with chords: big enough that ε = 0.2 needs fewer sources than actors.
        var yaml = "actors:\n" + (0..<1500).map { "  - id: A\($0)\n" }.joined() + "relations:\n"
        for i in 0..<1500 {
            yaml += "  - {id: r\(i), source: A\(i), target: A\((i + 1) % 1500), kind: cooperation}\n"
            yaml += "  - {id: c\(i), source: A\(i), target: A\((i * 7 + 3) % 1500), kind: cooperation}\n"
        }
        let file = try cli.temporaryFile(yaml)
        let r = try cli.run(["metrics", file, "--metric", "betweenness", "--approximate", "--approximation", "sources",
                             "--epsilon", "0.2", "--seed", "5", "--threads", "2", "--top", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("approximate betweenness"))
        #expect(r.stdout.contains("of 1500 sources sampled, seed 5: every value within ±0.2 with probability ≥ 0.9"))
        #expect(r.stderr.isEmpty)  // no progress bar: standard error is not a terminal
        let again = try cli.run(["metrics", file, "--metric", "betweenness", "--approximate", "--approximation", "sources",
                                 "--epsilon", "0.2", "--seed", "5", "--top", "3", "--quiet"])
        #expect(again.stdout == r.stdout)  // same seed, any thread count: same estimate
        // The default (auto): 129 of 1500 sources would do, so it samples paths instead.
        let automatic = try cli.run(["metrics", file, "--metric", "betweenness", "--approximate", "--epsilon", "0.2",
                                     "--seed", "5", "--top", "3", "--quiet"])
        #expect(automatic.stdout.contains("adaptive path sampling (KADABRA)"), "\(automatic.stdout)")
        // On the shipped network the source sample would take all 24 actors: auto computes exactly.
        let small = try cli.run(["metrics", "graphs/russia-iran.yaml", "--metric", "betweenness", "--approximate", "--quiet"])
        let exact = try cli.run(["metrics", "graphs/russia-iran.yaml", "--metric", "betweenness", "--quiet"])
        #expect(small.status == 0 && small.stdout == exact.stdout)
        #expect(!small.stdout.contains("approximate"))
        for bad in [["--epsilon", "0"], ["--delta", "1.5"], ["--threads", "0"]] {
            let failed = try cli.run(["metrics", file, "--approximate"] + bad)
            #expect(failed.status == 64, "\(bad)")
            #expect(failed.stderr.contains(bad[0]))
        }
    }

    @Test func approximationByPathsSaysKadabraAndStatesItsBound() throws {
        var yaml = "actors:\n" + (0..<400).map { "  - id: A\($0)\n" }.joined() + "relations:\n"
        for i in 0..<400 {
            yaml += "  - {id: r\(i), source: A\(i), target: A\((i + 1) % 400), kind: cooperation}\n"
            yaml += "  - {id: c\(i), source: A\(i), target: A\((i * 7 + 3) % 400), kind: cooperation}\n"
        }
        let file = try cli.temporaryFile(yaml)
        let arguments = ["metrics", file, "--metric", "betweenness", "--approximate", "--approximation", "paths",
                         "--epsilon", "0.1", "--seed", "4", "--distance", "unit", "--top", "3", "--quiet"]
        let r = try cli.run(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("adaptive path sampling (KADABRA)"))
        #expect(r.stdout.contains("seed 4") && r.stdout.contains("±0.1 with probability ≥ 0.9"))
        #expect(try cli.run(arguments).stdout == r.stdout)  // same seed, same estimate
        let bad = try cli.run(["metrics", file, "--approximate", "--approximation", "edges"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("sources") && bad.stderr.contains("paths") && bad.stderr.contains("auto"), "\(bad.stderr)")
    }

    @Test func badUsageExits64WithTheValidNames() throws {
        let metric = try cli.run(["metrics", "graphs/russia-iran.yaml", "--metric", "betweeness"])
        #expect(metric.status == 64)
        #expect(metric.stderr.contains("did you mean 'betweenness'?"))
        let kind = try cli.run(["metrics", "graphs/russia-iran.yaml", "--kinds", "cooperaton"])
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("'cooperaton' → 'cooperation'?"))
        #expect(kind.stderr.contains("known kinds:"))
        let date = try cli.run(["metrics", "graphs/russia-iran.yaml", "--at", "2025-13"])
        #expect(date.status == 64)
        #expect(date.stderr.contains("--at: '2025-13' is not a valid date"))
        #expect(try cli.run(["metrics", "graphs/russia-iran.yaml", "--distance", "euclid"]).status == 64)
        #expect(try cli.run(["metrics", "graphs/russia-iran.yaml", "--damping", "1.5"]).status == 64)
        #expect(try cli.run(["metrics", "graphs/russia-iran.yaml", "--at", "2020", "--all-dates"]).status == 64)
    }

    @Test func nonConvergenceExits1WithTheIterationCount() throws {
        let r = try cli.run(["metrics", "graphs/russia-iran.yaml", "--metric", "katz", "--alpha", "10"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("did not converge within 10000 iterations"))
        #expect(r.stdout.isEmpty)
    }

    @Test func edgeBetweennessScoresPairs() throws {
        let r = try cli.run(["metrics", "graphs/russia-iran.yaml", "--metric", "edge-betweenness", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "source,target,edge-betweenness[distance=inverse]")
        #expect(lines.dropFirst().first?.hasPrefix("RUS,IRN,") == true)
        let mixed = try cli.run(["metrics", "graphs/russia-iran.yaml", "--metric", "degree,edge-betweenness"])
        #expect(mixed.status == 64)
        #expect(mixed.stderr.contains("ask for it alone"))
    }

    @Test func signedMetricsReadBothSigns() throws {
        let r = try cli.run(["metrics", "graphs/russia-iran.yaml", "--metric", "hedges,pn,negative-degree", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let russia = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("RUS,") })
        let fields = russia.split(separator: ",")
        #expect(fields[2] == "4")              // Russia straddles four rivalries
        #expect(Double(fields[4])! > 0)        // and has negative ties, though the view is positive
        let table = try cli.run(["metrics", "graphs/russia-iran.yaml", "--metric", "pn"])
        #expect(table.stdout.contains("note: pn read relations of both signs"))
    }

    @Test func helpExplainsTheDistanceChoice() throws {
        let r = try cli.run(["metrics", "--help"])
        #expect(r.stdout.contains("stronger tie is a"))
        #expect(r.stdout.contains("networkx and igraph"))
        #expect(r.stdout.contains("Exit status"))
    }
}

@Suite struct PersonalizationCLITests {
    let cli = CLITests()

    @Test func personalisedPageRankFavoursTheChosenActor() throws {
        let plain = try cli.run(["metrics", "graphs/russia-iran.yaml", "--metric", "pagerank", "--format", "csv"])
        let personal = try cli.run(["metrics", "graphs/russia-iran.yaml", "--metric", "pagerank", "--personalize", "IRN=1",
                                    "--format", "csv"])
        #expect(personal.status == 0, "\(personal.stderr)")
        #expect(plain.stdout.split(separator: "\n")[1].hasPrefix("RUS,"))
        #expect(personal.stdout.split(separator: "\n")[1].hasPrefix("IRN,"))
        let unknown = try cli.run(["metrics", "graphs/russia-iran.yaml", "--personalize", "XYZ=1"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown actor 'XYZ'"))
        #expect(try cli.run(["metrics", "graphs/russia-iran.yaml", "--personalize", "IRN=0"]).status == 64)
    }
}
