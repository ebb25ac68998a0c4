import ActorNetCore
import ActorNetTestSupport
import Foundation
import Testing

@Suite struct HedgingTests {
    private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool { abs(a - b) <= tolerance }

    /// Russia cooperates with Iran (4) and Israel (2), who are rivals (4): Russia hedges.
    @Test func russiaBetweenIranAndIsrael() throws {
        let network = try Network(actors: ["RUS", "IRN", "ISR", "USA"].map { ActorNode(id: $0) }, relations: [
            Relation(id: "ri", source: "RUS", target: "IRN", kind: "cooperation", weight: 4),
            Relation(id: "rs", source: "RUS", target: "ISR", kind: "cooperation", weight: 2),
            Relation(id: "is", source: "IRN", target: "ISR", kind: "rivalry", weight: 4),
            Relation(id: "us", source: "USA", target: "ISR", kind: "supply", weight: 4),
        ])
        let result = Hedging().run(on: try SignedFixtures.signedGraph(network))
        let rus = try #require(result["RUS"])
        #expect(rus.hedges == 1 && rus.positiveDegree == 2 && rus.hedgingRatio == 1)
        // ŵ = 4/4, 2/4, 4/4: (1 · ½ · 1)^(1/3).
        #expect(close(rus.weightedHedges, pow(0.5, 1.0 / 3)))
        #expect(rus.rivalries.count == 1)
        let rivalry = try #require(rus.rivalries.first)
        #expect(rivalry.first == "IRN" && rivalry.second == "ISR" && rivalry.firstNode == 1 && rivalry.secondNode == 2)
        #expect(close(rivalry.strength, pow(0.5, 1.0 / 3)))
        for id in ["IRN", "ISR", "USA"] {
            let s = try #require(result[id])
            #expect(s.hedges == 0 && s.hedgingRatio == 0 && s.weightedHedges == 0 && s.rivalries.isEmpty)
        }
        #expect(result["ISR"]?.positiveDegree == 2)   // RUS and USA are not rivals: no hedge
        #expect(result.totalHedges == 1 && result.maximumStrength == 4)
        #expect(result.ranking().map(\.id) == ["RUS", "IRN", "ISR", "USA"])
        #expect(result["XXX"] == nil)
    }

    /// A single (+, +, −) triangle: H = 1 at the apex only, whichever corner the apex is.
    @Test func singleTriangleCountsAtTheApexOnly() {
        for apex in 0..<3 {
            let (j, k) = ((apex + 1) % 3, (apex + 2) % 3)
            let g = SignedGraph(actorIDs: ["a", "b", "c"], pairs: [(apex, j, 1, 1), (apex, k, 1, 1), (j, k, -1, 1)])
            let result = Hedging().run(on: g)
            #expect(result.scores.map(\.hedges) == (0..<3).map { $0 == apex ? 1 : 0 })
            #expect(result.scores[apex].weightedHedges == 1 && result.scores[apex].hedgingRatio == 1)
            #expect(result.scores[apex].rivalries.map { [$0.first, $0.second] } == [[g.actorIDs[min(j, k)], g.actorIDs[max(j, k)]]])
        }
    }

    /// K4: A–B +, A–C +, A–D +, B–C −, B–D −, C–D +. A straddles B–C and B–D; C and D are
    /// friends of A and of each other, so nobody else hedges.
    @Test func handCheckedK4() {
        let g = SignedGraph(actorIDs: ["A", "B", "C", "D"], pairs: [
            (0, 1, 1, 1), (0, 2, 1, 1), (0, 3, 1, 1), (1, 2, -1, 1), (1, 3, -1, 1), (2, 3, 1, 1),
        ])
        let result = Hedging().run(on: g)
        #expect(result.scores.map(\.hedges) == [2, 0, 0, 0])
        #expect(result.scores.map(\.positiveDegree) == [3, 1, 2, 2])
        #expect(result.scores.map(\.hedgingRatio) == [2.0 / 3, 0, 0, 0])
        #expect(result.scores[0].weightedHedges == 2)
        #expect(result.scores[0].rivalries.map { "\($0.first)-\($0.second)" } == ["B-C", "B-D"])
        #expect(result.totalHedges == TriangleCensus().run(on: g).counts.plusPlusMinus)
        #expect(result.ranking().map(\.id) == ["A", "B", "C", "D"])
    }

    /// Rivalries are listed strongest first, ties by the rivals' ids (not their positions).
    @Test func rivalriesAreOrderedByStrengthThenIds() {
        // Hub H is friends with everyone; Z–Y (strength 4), X–W and W–Y (strength 1) are rivalries.
        let ids = ["H", "Z", "Y", "X", "W"]
        let g = SignedGraph(actorIDs: ids, pairs: [
            (0, 1, 1, 4), (0, 2, 1, 4), (0, 3, 1, 4), (0, 4, 1, 4),
            (1, 2, -1, 4), (3, 4, -1, 1), (4, 2, -1, 1),
        ])
        let hub = Hedging().run(on: g).scores[0]
        #expect(hub.rivalries.map { "\($0.first)-\($0.second)" } == ["Y-Z", "W-X", "W-Y"])
        #expect(hub.rivalries[0].strength == 1 && close(hub.rivalries[1].strength, pow(0.25, 1.0 / 3)))
        #expect(hub.hedges == 3 && hub.hedgingRatio == 0.5)
        #expect(close(hub.weightedHedges, 1 + 2 * pow(0.25, 1.0 / 3)))
    }

    @Test func rankingBreaksTiesByWeightThenId() {
        // b and c each straddle one rivalry, c's stronger; d and e none.
        let g = SignedGraph(actorIDs: ["e", "c", "b", "x", "y", "d"], pairs: [
            (2, 3, 1, 1), (2, 4, 1, 1), (1, 3, 1, 2), (1, 4, 1, 2), (3, 4, -1, 2),
        ])
        let result = Hedging().run(on: g)
        #expect(result.ranking().map(\.id) == ["c", "b", "d", "e", "x", "y"])
    }

    @Test func degenerateGraphs() {
        let empty = Hedging().run(on: SignedGraph(actorIDs: [], pairs: []))
        #expect(empty.scores.isEmpty && empty.totalHedges == 0 && empty.maximumStrength == nil && empty.ranking().isEmpty)
        let one = Hedging().run(on: SignedGraph(actorIDs: ["RUS"], pairs: []))
        #expect(one.scores.count == 1 && one.scores[0].hedges == 0 && one.scores[0].hedgingRatio == 0)
        #expect(one.scores[0].positiveDegree == 0 && one.maximumStrength == nil)
        // Positive ties only: no hedging anywhere, however dense.
        let friends = Hedging().run(on: SignedFixtures.random(actors: 30, density: 0.6, negativeShare: 0, seed: 4))
        #expect(friends.totalHedges == 0 && friends.scores.allSatisfy { $0.hedges == 0 && $0.weightedHedges == 0 })
        #expect(friends.scores.contains { $0.positiveDegree >= 2 })
        // Negative ties only: nobody has two friends.
        let enemies = Hedging().run(on: SignedFixtures.random(actors: 30, density: 0.6, negativeShare: 1, seed: 4))
        #expect(enemies.totalHedges == 0 && enemies.scores.allSatisfy { $0.positiveDegree == 0 && $0.hedgingRatio == 0 })
    }

    /// Iran and Israel cooperate (1) and compete (1): the pair cancels, so Russia's two
    /// friends are not rivals. With a rivalry of 3 the pair is negative with strength 2.
    @Test func multiplexPairThatCancelsIsNotARivalry() throws {
        func hedging(rivalry: Double) throws -> (HedgingScores, SignedGraph) {
            let network = try Network(actors: ["RUS", "IRN", "ISR"].map { ActorNode(id: $0) }, relations: [
                Relation(id: "ri", source: "RUS", target: "IRN", kind: "cooperation"),
                Relation(id: "rs", source: "ISR", target: "RUS", kind: "supply"),
                Relation(id: "c", source: "IRN", target: "ISR", kind: "cooperation"),
                Relation(id: "r", source: "IRN", target: "ISR", kind: "rivalry", weight: rivalry),
            ])
            let graph = try SignedFixtures.signedGraph(network)
            return (Hedging().run(on: graph), graph)
        }
        let (cancelled, g) = try hedging(rivalry: 1)
        #expect(g.ambivalentPairs == 1)
        #expect(cancelled.totalHedges == 0 && cancelled["RUS"]?.positiveDegree == 2 && cancelled["RUS"]?.hedgingRatio == 0)
        let (negative, _) = try hedging(rivalry: 3)
        let rus = try #require(negative["RUS"])
        #expect(rus.hedges == 1)
        #expect(close(rus.weightedHedges, pow(0.5 * 0.5 * 1, 1.0 / 3)))
    }

    /// Gahuku–Gama: the only ++− triangles are Masil's (7), the tribe without enemies, between
    /// Uheto (13) and its enemies Gahuku (6) and Geham (11). Ids are strings, so "13" < "6".
    @Test func gahukuGama() throws {
        let graph = try SignedFixtures.signedGraph(try SignedFixtures.gahukuGama())
        let result = Hedging().run(on: graph)
        #expect(result.totalHedges == 2 && result.totalHedges == TriangleCensus().run(on: graph).counts.plusPlusMinus)
        let masil = try #require(result["7"])
        #expect(masil.hedges == 2 && masil.positiveDegree == 7 && masil.hedgingRatio == 2.0 / 21)
        #expect(masil.weightedHedges == 2)
        #expect(masil.rivalries.map { [$0.first, $0.second] } == [["11", "13"], ["13", "6"]])
        #expect(masil.rivalries.allSatisfy { $0.strength == 1 })
        #expect(result.ranking().first?.id == "7")
        #expect(result.scores.filter { $0.hedges > 0 }.count == 1)
    }

    /// The shipped network: Russia straddles the Iran–Israel rivalry and hedges most.
    @Test func shippedRussiaIranNetwork() throws {
        let text = try String(contentsOfFile: Fixtures.path("graphs/russia-iran.yaml"), encoding: .utf8)
        let network = try #require(Fixtures.load(yaml: text, file: "russia-iran.yaml").network)
        let graph = try SignedFixtures.signedGraph(network)
        let result = Hedging().run(on: graph)
        let rus = try #require(result["RUS"])
        #expect(rus.rivalries.contains { $0.first == "IRN" && $0.second == "ISR" })
        #expect(result.ranking().first?.id == "RUS")
        #expect(result.totalHedges == TriangleCensus().run(on: graph).counts.plusPlusMinus)
    }

    /// Σ_i H(i) = T++−, and each actor's H, H_w and rivalries match an O(n³) enumeration, on
    /// random signed graphs of every size and density.
    @Test func matchesTheCensusAndBruteForce() {
        for seed in UInt64(0)..<50 {
            var rng = SeededRandom(seed: 4000 + seed)
            let n = Int.random(in: 0...40, using: &rng)
            let g = SignedFixtures.random(actors: n, density: Double.random(in: 0.05...0.9, using: &rng),
                                          negativeShare: Double.random(in: 0...1, using: &rng), seed: seed)
            let result = Hedging().run(on: g)
            #expect(result.totalHedges == TriangleCensus().run(on: g).counts.plusPlusMinus, "seed \(seed)")
            #expect(result.totalHedges == result.scores.reduce(0) { $0 + $1.hedges }, "seed \(seed)")

            let s = SignedFixtures.dense(g)
            let top = g.pairWeight.max() ?? 1
            for i in 0..<n {
                var expected: [String: Double] = [:]
                var friends = 0
                for j in 0..<n where s[i * n + j] > 0 {
                    friends += 1
                    for k in (j + 1)..<n where s[i * n + k] > 0 && s[j * n + k] < 0 {
                        let key = [g.actorIDs[j], g.actorIDs[k]].sorted().joined(separator: "|")
                        expected[key] = pow(s[i * n + j] / top * s[i * n + k] / top * -s[j * n + k] / top, 1.0 / 3)
                    }
                }
                let score = result.scores[i]
                #expect(score.id == g.actorIDs[i] && score.node == i)
                #expect(score.hedges == expected.count && score.positiveDegree == friends, "seed \(seed) actor \(i)")
                let pairs = friends * (friends - 1) / 2
                #expect(score.hedgingRatio == (pairs == 0 ? 0 : Double(expected.count) / Double(pairs)), "seed \(seed)")
                #expect(close(score.weightedHedges, expected.values.reduce(0, +), 1e-12), "seed \(seed) actor \(i)")
                #expect(score.weightedHedges <= Double(score.hedges) + 1e-12)
                for r in score.rivalries {
                    #expect(r.first < r.second && g.actorIDs[r.firstNode] == r.first && g.actorIDs[r.secondNode] == r.second)
                    #expect(close(r.strength, expected["\(r.first)|\(r.second)"] ?? -1, 1e-12), "seed \(seed)")
                    #expect(r.strength > 0 && r.strength <= 1)
                }
                #expect(zip(score.rivalries, score.rivalries.dropFirst()).allSatisfy { a, b in
                    a.strength > b.strength || (a.strength == b.strength && (a.first, a.second) < (b.first, b.second))
                }, "seed \(seed)")
            }
        }
    }

    /// Two camps, friends within and enemies across: nobody has friends on both sides.
    @Test func balancedNetworksHaveNoHedging() {
        for seed in UInt64(0)..<50 {
            let (g, _) = SignedFixtures.balanced(actors: 2 + Int(seed % 39), density: 0.5, seed: 7000 + seed)
            let result = Hedging().run(on: g)
            #expect(result.totalHedges == 0, "seed \(seed)")
            #expect(result.scores.allSatisfy { $0.hedges == 0 && $0.hedgingRatio == 0 && $0.weightedHedges == 0
                && $0.rivalries.isEmpty }, "seed \(seed)")
        }
    }

    /// Permuting the actors changes no one's score, not even in the last bit, nor the ranking.
    @Test func relabellingChangesNoScore() {
        for seed in UInt64(0)..<50 {
            var rng = SeededRandom(seed: 9000 + seed)
            let n = Int.random(in: 1...40, using: &rng)
            let g = SignedFixtures.random(actors: n, density: 0.35, negativeShare: 0.4, seed: seed)
            let permutation = Array(0..<n).shuffled(using: &rng)
            let a = Hedging().run(on: g)
            let b = Hedging().run(on: SignedFixtures.relabelled(g, by: permutation))
            #expect(a.totalHedges == b.totalHedges && a.maximumStrength == b.maximumStrength, "seed \(seed)")
            for v in 0..<n {
                let (x, y) = (a.scores[v], b.scores[permutation[v]])
                #expect(x.id == y.id && x.hedges == y.hedges && x.hedgingRatio == y.hedgingRatio
                        && x.weightedHedges == y.weightedHedges && x.positiveDegree == y.positiveDegree, "seed \(seed)")
                #expect(x.rivalries.map { [$0.first, $0.second] } == y.rivalries.map { [$0.first, $0.second] }, "seed \(seed)")
                #expect(x.rivalries.map(\.strength) == y.rivalries.map(\.strength), "seed \(seed)")
                #expect(y.rivalries.allSatisfy { b.scores[$0.firstNode].id == $0.first && b.scores[$0.secondNode].id == $0.second })
            }
            #expect(a.ranking().map(\.id) == b.ranking().map(\.id), "seed \(seed)")
        }
    }

    /// Through the whole pipeline on random multiplex networks (directed, parallel and
    /// cancelling relations): the hedges still add up to the ++− triangles.
    @Test func randomNetworksThroughThePipeline() throws {
        for seed in UInt64(0)..<20 {
            let network = RandomNetworks.make(actors: 30, relations: 200, seed: seed)
            for filter in [ViewFilter.all, ViewFilter(channels: [.material]), ViewFilter(at: PartialDate(year: 2010))] {
                let g = try SignedFixtures.signedGraph(network, filter: filter)
                #expect(Hedging().run(on: g).totalHedges == TriangleCensus().run(on: g).counts.plusPlusMinus, "seed \(seed)")
            }
        }
    }
}
