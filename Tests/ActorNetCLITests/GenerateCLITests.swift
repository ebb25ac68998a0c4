import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

@Suite struct GenerateCLITests {
    let cli = CLITests()

    func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func generatesGraphMLThatReadsBackWithTheCounts() throws {
        let dir = try directory()
        let out = dir.appendingPathComponent("net.graphml").path
        let r = try cli.run(["generate", "--actors", "1k", "--relations", "5k", "--seed", "3", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty && r.stderr.isEmpty)
        let loaded = AnyFormatLoader.load(path: out)
        let network = try #require(loaded.network, "\(loaded.diagnostics)")
        #expect(network.actors.count == 1000)
        #expect(network.relations.count == 5000)
        #expect(Set(network.actors.compactMap(\.group)).count == 16)
        #expect(Set(network.relations.map(\.kind)) == ["cooperation", "rivalry", "supply", "membership"])
        #expect(network.summary?.hasPrefix("Degree-corrected stochastic block model, seed 3: 1000 actors in 16 blocs") == true)
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let dir = try directory()
        func generate(_ name: String, seed: String) throws -> Data {
            let path = dir.appendingPathComponent(name).path
            let r = try cli.run(["generate", "--actors", "300", "--relations", "2000", "--seed", seed, "-o", path])
            #expect(r.status == 0, "\(r.stderr)")
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let a = try generate("a.graphml", seed: "11"), b = try generate("b.graphml", seed: "11")
        let c = try generate("c.graphml", seed: "12")
        #expect(a == b)
        #expect(a != c)
    }

    @Test func standardOutputIsYAMLByDefaultAndTheFormatCanBeChosen() throws {
        let r = try cli.run(["generate", "--actors", "12", "--relations", "30", "--blocs", "3", "--no-dates"])
        #expect(r.status == 0, "\(r.stderr)")
        let network = try #require(Fixtures.load(yaml: r.stdout).network)
        #expect(network.actors.count == 12 && network.relations.count == 30)
        #expect(network.relations.allSatisfy { $0.since == nil })
        #expect(Set(network.actors.compactMap(\.group)) == ["bloc-0", "bloc-1", "bloc-2"])
        let gexf = try cli.run(["generate", "--actors", "12", "--relations", "30", "--format", "gexf", "--dynamic"])
        #expect(gexf.status == 0, "\(gexf.stderr)")
        #expect(gexf.stdout.contains("mode=\"dynamic\""))
    }

    @Test func badValuesExit64NamingTheOptionTheValueAndTheFix() throws {
        let badCount = try cli.run(["generate", "--actors", "12x", "--relations", "10"])
        #expect(badCount.status == 64)
        #expect(badCount.stderr.contains("'12x'") && badCount.stderr.contains("--actors"), "\(badCount.stderr)")
        #expect(badCount.stderr.contains("e.g. 5000, 100k or 1M"), "\(badCount.stderr)")

        let millis = try cli.run(["generate", "--actors", "100", "--relations", "1m"])
        #expect(millis.status == 64)
        #expect(millis.stderr.contains("--relations") && millis.stderr.contains("M is millions"), "\(millis.stderr)")

        let blocs = try cli.run(["generate", "--actors", "10", "--relations", "10", "--blocs", "6"])
        #expect(blocs.status == 64)
        #expect(blocs.stderr.contains("--blocs 6 is more than half of the 10 actors; give at most 5 blocs"), "\(blocs.stderr)")

        let few = try cli.run(["generate", "--actors", "1", "--relations", "10"])
        #expect(few.status == 64)
        #expect(few.stderr.contains("--actors 1 is too few; give at least 2 actors"), "\(few.stderr)")

        let share = try cli.run(["generate", "--actors", "10", "--relations", "10", "--between", "2"])
        #expect(share.status == 64)
        #expect(share.stderr.contains("--between 2 is not a share"), "\(share.stderr)")

        let years = try cli.run(["generate", "--actors", "10", "--relations", "10", "--years", "2025-1990"])
        #expect(years.status == 64)
        #expect(years.stderr.contains("--years") && years.stderr.contains("first year is after the last"), "\(years.stderr)")

        let both = try cli.run(["generate", "--actors", "10", "--relations", "10", "--years", "2000-2010", "--no-dates"])
        #expect(both.status == 64)

        let format = try cli.run(["generate", "--actors", "10", "--relations", "10", "-o", "/tmp/x.unknown"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("cannot tell the format from '/tmp/x.unknown'"), "\(format.stderr)")
    }

    @Test func unwritableOutputExits73() throws {
        let r = try cli.run(["generate", "--actors", "10", "--relations", "10", "-o", "/nonexistent-dir/x.graphml"])
        #expect(r.status == 73)
        #expect(r.stderr.contains("cannot write '/nonexistent-dir/x.graphml'"))
    }
}
