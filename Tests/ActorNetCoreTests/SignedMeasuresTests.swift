import ActorNetCore
import ActorNetTestSupport
import Foundation
import Testing

/// Signed networks for the signed-measure tests: the published reference networks, built
/// through the whole pipeline (CSV → Network → NetworkView → SignedGraph), and random ones.
enum SignedFixtures {
    /// The rows of a CSV file in `Tests/Fixtures`, header first.
    static func csv(_ relative: String) throws -> [[String]] {
        let text = try String(contentsOfFile: Fixtures.fixturePath(relative), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Read's Gahuku–Gama tribes: actors "1"…"16", rova (+1) as cooperation and hina (−1) as
    /// rivalry, weight 1.
    static func gahukuGama() throws -> Network {
        let rows = try csv("signed/gahuku_gama_edges.csv")
        let header = rows[0]
        let (s, t, sign) = (header.firstIndex(of: "source")!, header.firstIndex(of: "target")!, header.firstIndex(of: "sign")!)
        let relations = rows.dropFirst().enumerated().map { i, row in
            Relation(id: "r\(i)", source: row[s], target: row[t], kind: row[sign] == "1" ? "cooperation" : "rivalry",
                     weight: 1)
        }
        return try Network(actors: (1...16).map { ActorNode(id: "\($0)") }, relations: relations)
    }

    static func signedGraph(_ network: Network, filter: ViewFilter = .all) throws -> SignedGraph {
        SignedGraph(try NetworkView(network, filter: filter))
    }

    /// A network from a symmetric signed matrix given as CSV (no header): +1 cooperation, −1 rivalry.
    static func matrixNetwork(_ relative: String) throws -> Network {
        let rows = try csv(relative).map { $0.map { Int($0.trimmingCharacters(in: .whitespaces))! } }
        let n = rows.count
        var relations: [Relation] = []
        for i in 0..<n {
            for j in (i + 1)..<n where rows[i][j] != 0 {
                #expect(rows[i][j] == rows[j][i], "the matrix is symmetric")
                relations.append(Relation(id: "\(i)-\(j)", source: "\(i + 1)", target: "\(j + 1)",
                                          kind: rows[i][j] > 0 ? "cooperation" : "rivalry"))
            }
        }
        return try Network(actors: (1...n).map { ActorNode(id: "\($0)") }, relations: relations)
    }

    /// A random simple signed graph: each pair is a tie with probability `density`, negative
    /// with probability `negativeShare`, strength in 0.1…5.
    static func random(actors n: Int, density: Double, negativeShare: Double, seed: UInt64) -> SignedGraph {
        var rng = SeededRandom(seed: seed)
        var pairs: [(u: Int, v: Int, sign: Int8, weight: Double)] = []
        for u in 0..<n {
            for v in (u + 1)..<max(u + 1, n) where Double.random(in: 0..<1, using: &rng) < density {
                let sign: Int8 = Double.random(in: 0..<1, using: &rng) < negativeShare ? -1 : 1
                pairs.append((u, v, sign, Double(Int.random(in: 1...50, using: &rng)) / 10))
            }
        }
        return SignedGraph(actorIDs: (0..<n).map { "A\($0)" }, pairs: pairs)
    }

    /// A random balanced signed graph: actors split into two camps, positive ties within a camp
    /// and negative ties across. Returns the graph and each actor's camp.
    static func balanced(actors n: Int, density: Double, seed: UInt64) -> (graph: SignedGraph, camp: [Bool]) {
        var rng = SeededRandom(seed: seed)
        let camp = (0..<n).map { _ in Bool.random(using: &rng) }
        var pairs: [(u: Int, v: Int, sign: Int8, weight: Double)] = []
        for u in 0..<n {
            for v in (u + 1)..<max(u + 1, n) where Double.random(in: 0..<1, using: &rng) < density {
                pairs.append((u, v, camp[u] == camp[v] ? 1 : -1, Double(Int.random(in: 1...50, using: &rng)) / 10))
            }
        }
        return (SignedGraph(actorIDs: (0..<n).map { "A\($0)" }, pairs: pairs), camp)
    }

    /// The same graph with actor `v` moved to position `permutation[v]` (ids move with it).
    static func relabelled(_ g: SignedGraph, by permutation: [Int]) -> SignedGraph {
        var ids = [String](repeating: "", count: g.nodeCount)
        for v in 0..<g.nodeCount { ids[permutation[v]] = g.actorIDs[v] }
        let pairs = (0..<g.pairCount).map { p in
            (u: permutation[Int(g.pairU[p])], v: permutation[Int(g.pairV[p])], sign: g.pairSign[p], weight: g.pairWeight[p])
        }
        return SignedGraph(actorIDs: ids, pairs: pairs)
    }

    /// The dense signed matrix (±strength, or ±1 when `unit`) of a graph, row by row.
    static func dense(_ g: SignedGraph, unit: Bool = false) -> [Double] {
        let n = g.nodeCount
        var a = [Double](repeating: 0, count: n * n)
        for p in 0..<g.pairCount {
            let (u, v) = (Int(g.pairU[p]), Int(g.pairV[p]))
            let value = Double(g.pairSign[p]) * (unit ? 1 : g.pairWeight[p])
            a[u * n + v] = value
            a[v * n + u] = value
        }
        return a
    }
}

private func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance }

private func close(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}

// MARK: - Triangle census

@Suite struct TriangleCensusTests {
    @Test func gahukuGamaPublished() throws {
        let network = try SignedFixtures.gahukuGama()
        let graph = try SignedFixtures.signedGraph(network)
        #expect(graph.nodeCount == 16 && graph.pairCount == 58)
        #expect(graph.pairSign.filter { $0 > 0 }.count == 29)
        let census = TriangleCensus().run(on: graph)
        #expect(census.counts == SignedTriangleCounts(plusPlusPlus: 19, plusPlusMinus: 2, plusMinusMinus: 40,
                                                      minusMinusMinus: 7))
        #expect(census.counts.total == 68 && census.counts.balanced == 59 && census.counts.unbalanced == 9)
        #expect(close(try #require(census.balanceRatio), 0.8676471, 1e-7))
        #expect(census.balanceRatio == 59.0 / 68.0)
        // Masil (7) has no negative tie: only +++ and ++− triangles.
        let masil = try #require(census.counts(of: "7"))
        #expect(masil.plusMinusMinus == 0 && masil.minusMinusMinus == 0 && masil.plusPlusMinus == 2)
    }

    /// K4 on A, B, C, D: A–B +, A–C +, A–D +, B–C −, B–D −, C–D +.
    /// ABC ++−, ABD ++−, ACD +++, BCD +−−.
    @Test func handCheckedK4() {
        let g = SignedGraph(actorIDs: ["A", "B", "C", "D"], pairs: [
            (0, 1, 1, 1), (0, 2, 1, 1), (0, 3, 1, 1), (1, 2, -1, 1), (1, 3, -1, 1), (2, 3, 1, 1),
        ])
        let census = TriangleCensus().run(on: g)
        #expect(census.counts == SignedTriangleCounts(plusPlusPlus: 1, plusPlusMinus: 2, plusMinusMinus: 1,
                                                      minusMinusMinus: 0))
        #expect(census.balanceRatio == 0.5)
        #expect(census.byActor[0] == SignedTriangleCounts(plusPlusPlus: 1, plusPlusMinus: 2, plusMinusMinus: 0,
                                                          minusMinusMinus: 0))
        #expect(census.byActor[1] == SignedTriangleCounts(plusPlusPlus: 0, plusPlusMinus: 2, plusMinusMinus: 1,
                                                          minusMinusMinus: 0))
        #expect(census.counts(of: "D") == SignedTriangleCounts(plusPlusPlus: 1, plusPlusMinus: 1, plusMinusMinus: 1,
                                                               minusMinusMinus: 0))
        #expect(census.counts(of: "E") == nil)
    }

    @Test func eachPatternAlone() {
        for (signs, expected) in [([1, 1, 1], [1, 0, 0, 0]), ([1, 1, -1], [0, 1, 0, 0]), ([1, -1, -1], [0, 0, 1, 0]),
                                  ([-1, -1, -1], [0, 0, 0, 1])] as [([Int8], [Int])] {
            let g = SignedGraph(actorIDs: ["x", "y", "z"], pairs: [(0, 1, signs[0], 1), (1, 2, signs[1], 2), (0, 2, signs[2], 3)])
            let c = TriangleCensus().run(on: g).counts
            #expect([c.plusPlusPlus, c.plusPlusMinus, c.plusMinusMinus, c.minusMinusMinus] == expected)
        }
    }

    @Test func degenerateGraphs() throws {
        let empty = TriangleCensus().run(on: SignedGraph(actorIDs: [], pairs: []))
        #expect(empty.counts.total == 0 && empty.balanceRatio == nil && empty.byActor.isEmpty)
        let one = TriangleCensus().run(on: SignedGraph(actorIDs: ["RUS"], pairs: []))
        #expect(one.counts.total == 0 && one.balanceRatio == nil && one.byActor.count == 1)
        // A positive path: no triangle, so no ratio (not NaN).
        let path = TriangleCensus().run(on: SignedGraph(actorIDs: ["a", "b", "c"], pairs: [(0, 1, 1, 1), (1, 2, 1, 1)]))
        #expect(path.counts.total == 0 && path.balanceRatio == nil)
        // No negative ties: every triangle is +++ and the ratio is 1.
        let positive = TriangleCensus().run(on: SignedFixtures.random(actors: 20, density: 0.5, negativeShare: 0, seed: 9))
        #expect(positive.counts.total > 0 && positive.counts.total == positive.counts.plusPlusPlus)
        #expect(positive.balanceRatio == 1)
    }

    /// RUS–IRN cooperate (2) and compete (2): the pair cancels, is left out, and the triangle
    /// RUS–IRN–ISR disappears; with a stronger rivalry it is a negative tie of strength 1.
    @Test func multiplexPairThatCancelsIsLeftOut() throws {
        func network(rivalry: Double) throws -> Network {
            try Network(actors: ["RUS", "IRN", "ISR"].map { ActorNode(id: $0) }, relations: [
                Relation(id: "c", source: "RUS", target: "IRN", kind: "cooperation", weight: 2),
                Relation(id: "r", source: "RUS", target: "IRN", kind: "rivalry", weight: rivalry),
                Relation(id: "a", source: "RUS", target: "ISR", kind: "cooperation"),
                Relation(id: "b", source: "IRN", target: "ISR", kind: "supply", weight: 2),
            ])
        }
        let cancelled = try SignedFixtures.signedGraph(try network(rivalry: 2))
        #expect(cancelled.ambivalentPairs == 1 && cancelled.pairCount == 2)
        #expect(TriangleCensus().run(on: cancelled).counts.total == 0)
        let negative = try SignedFixtures.signedGraph(try network(rivalry: 3))
        #expect(negative.sign(between: 0, 1) == -1 && negative.weight(between: 0, 1) == 1)
        #expect(TriangleCensus().run(on: negative).counts.plusPlusMinus == 1)
    }

    /// Against an O(n³) enumeration on a dense sign matrix, over random graphs of every density.
    @Test func matchesBruteForceOnRandomGraphs() {
        for seed in UInt64(0)..<50 {
            var rng = SeededRandom(seed: 1000 + seed)
            let n = Int.random(in: 0...40, using: &rng)
            let g = SignedFixtures.random(actors: n, density: Double.random(in: 0.05...0.9, using: &rng),
                                          negativeShare: Double.random(in: 0...1, using: &rng), seed: seed)
            let s = SignedFixtures.dense(g, unit: true)
            var expected = [0, 0, 0, 0]
            var perNode = [[Int]](repeating: [0, 0, 0, 0], count: n)
            for a in 0..<n {
                for b in (a + 1)..<max(a + 1, n) where s[a * n + b] != 0 {
                    for c in (b + 1)..<max(b + 1, n) where s[a * n + c] != 0 && s[b * n + c] != 0 {
                        let k = [s[a * n + b], s[a * n + c], s[b * n + c]].filter { $0 < 0 }.count
                        expected[k] += 1
                        for v in [a, b, c] { perNode[v][k] += 1 }
                    }
                }
            }
            let census = TriangleCensus().run(on: g)
            let c = census.counts
            #expect([c.plusPlusPlus, c.plusPlusMinus, c.plusMinusMinus, c.minusMinusMinus] == expected, "seed \(seed)")
            #expect(census.byActor.map { [$0.plusPlusPlus, $0.plusPlusMinus, $0.plusMinusMinus, $0.minusMinusMinus] }
                    == perNode, "seed \(seed)")
        }
    }

    /// Through the whole pipeline, on random multiplex networks with directed and parallel relations.
    @Test func randomNetworksThroughThePipeline() throws {
        for seed in UInt64(0)..<20 {
            let network = RandomNetworks.make(actors: 25, relations: 120, seed: seed)
            let g = try SignedFixtures.signedGraph(network)
            let s = SignedFixtures.dense(g, unit: true)
            let n = g.nodeCount
            var total = 0, balanced = 0
            for a in 0..<n {
                for b in (a + 1)..<n where s[a * n + b] != 0 {
                    for c in (b + 1)..<n where s[a * n + c] != 0 && s[b * n + c] != 0 {
                        total += 1
                        if s[a * n + b] * s[a * n + c] * s[b * n + c] > 0 { balanced += 1 }
                    }
                }
            }
            let census = TriangleCensus().run(on: g)
            #expect(census.counts.total == total && census.counts.balanced == balanced, "seed \(seed)")
        }
    }

    @Test func balancedGraphsHaveOnlyBalancedTriangles() {
        for seed in UInt64(0)..<50 {
            let g = SignedFixtures.balanced(actors: 5 + Int(seed % 36), density: 0.4, seed: seed).graph
            let census = TriangleCensus().run(on: g)
            #expect(census.counts.unbalanced == 0, "seed \(seed)")
            if census.counts.total > 0 { #expect(census.balanceRatio == 1, "seed \(seed)") }
        }
    }

    @Test func relabellingChangesNoCount() {
        for seed in UInt64(0)..<30 {
            var rng = SeededRandom(seed: 77 + seed)
            let n = Int.random(in: 1...40, using: &rng)
            let g = SignedFixtures.random(actors: n, density: 0.3, negativeShare: 0.4, seed: seed)
            let permutation = Array(0..<n).shuffled(using: &rng)
            let a = TriangleCensus().run(on: g)
            let b = TriangleCensus().run(on: SignedFixtures.relabelled(g, by: permutation))
            #expect(a.counts == b.counts, "seed \(seed)")
            for v in 0..<n { #expect(a.byActor[v] == b.byActor[permutation[v]], "seed \(seed)") }
        }
    }
}

// MARK: - Walk balance

@Suite struct WalkBalanceTests {
    @Test func gahukuGamaPublished() throws {
        let score = try WalkBalance().run(on: try SignedFixtures.signedGraph(try SignedFixtures.gahukuGama()))
        #expect(close(score.value, 0.3575761, 1e-6))
        #expect(!score.weighted && score.actorCount == 16)
        // Weights are all 1, so the weighted reading is the same.
        let weighted = try WalkBalance(weighted: true).run(on: try SignedFixtures.signedGraph(try SignedFixtures.gahukuGama()))
        #expect(close(weighted.value, score.value, 1e-12))
    }

    /// An unbalanced triangle is switching-equivalent to −−−, whose adjacency −(J − I) has
    /// eigenvalues −2, 1, 1 while J − I has 2, −1, −1: K = (e⁻² + 2e) / (e² + 2e⁻¹).
    @Test func handCheckedTriangles() throws {
        let expected = (exp(-2.0) + 2 * exp(1.0)) / (exp(2.0) + 2 * exp(-1.0))
        for signs in [[-1, -1, -1], [1, 1, -1], [-1, 1, 1]] as [[Int8]] {
            let g = SignedGraph(actorIDs: ["a", "b", "c"], pairs: [(0, 1, signs[0], 1), (1, 2, signs[1], 1), (0, 2, signs[2], 1)])
            #expect(close(try WalkBalance().run(on: g).value, expected, 1e-12))
        }
        for signs in [[1, 1, 1], [1, -1, -1]] as [[Int8]] {
            let g = SignedGraph(actorIDs: ["a", "b", "c"], pairs: [(0, 1, signs[0], 1), (1, 2, signs[1], 1), (0, 2, signs[2], 1)])
            #expect(close(try WalkBalance().run(on: g).value, 1, 1e-12))
        }
        // The K4 of the census test: K = 0.5922603435848828 (numpy.linalg.eigvalsh, [C]).
        let k4 = SignedGraph(actorIDs: ["A", "B", "C", "D"], pairs: [
            (0, 1, 1, 1), (0, 2, 1, 1), (0, 3, 1, 1), (1, 2, -1, 1), (1, 3, -1, 1), (2, 3, 1, 1),
        ])
        #expect(close(try WalkBalance().run(on: k4).value, 0.5922603435848828, 1e-12))
    }

    @Test func degenerateGraphs() throws {
        #expect(throws: AnalysisError.self) { try WalkBalance().run(on: SignedGraph(actorIDs: [], pairs: [])) }
        // One actor, or actors without ties: tr e^0 / tr e^0 = 1.
        #expect(try WalkBalance().run(on: SignedGraph(actorIDs: ["RUS"], pairs: [])).value == 1)
        #expect(try WalkBalance().run(on: SignedGraph(actorIDs: ["a", "b", "c"], pairs: [])).value == 1)
        // A single negative tie is a tree, hence balanced.
        #expect(close(try WalkBalance().run(on: SignedGraph(actorIDs: ["a", "b"], pairs: [(0, 1, -1, 3)])).value, 1, 1e-15))
    }

    @Test func refusesGraphsAboveTheLimit() throws {
        let g = SignedFixtures.random(actors: 12, density: 0.5, negativeShare: 0.5, seed: 1)
        #expect(throws: AnalysisError.self) { try WalkBalance(maximumActors: 11).run(on: g) }
        #expect(try WalkBalance(maximumActors: 12).run(on: g).value > 0)
        do {
            _ = try WalkBalance(maximumActors: 11).run(on: g)
        } catch {
            #expect(error.description.contains("12 actors") && error.description.contains("maximumActors"))
        }
    }

    /// Balanced graphs (two camps) score exactly 1 however they are weighted: A = D|A|D.
    @Test func balancedGraphsScoreOne() throws {
        for seed in UInt64(0)..<50 {
            let g = SignedFixtures.balanced(actors: 1 + Int(seed % 40), density: 0.3, seed: seed).graph
            #expect(close(try WalkBalance().run(on: g).value, 1, 1e-9), "seed \(seed)")
            #expect(close(try WalkBalance(weighted: true).run(on: g).value, 1, 1e-9), "seed \(seed)")
        }
    }

    /// Against tr e^A = Σ_k tr(A^k)/k! summed directly, on small random graphs.
    @Test func matchesTheSeriesForTheMatrixExponential() throws {
        func traceExp(_ a: [Double], _ n: Int) -> Double {
            var term = [Double](repeating: 0, count: n * n)
            for i in 0..<n { term[i * n + i] = 1 }
            var trace = Double(n)
            for k in 1...120 {
                var next = [Double](repeating: 0, count: n * n)
                for i in 0..<n {
                    for l in 0..<n where term[i * n + l] != 0 {
                        for j in 0..<n { next[i * n + j] += term[i * n + l] * a[l * n + j] }
                    }
                }
                for x in 0..<(n * n) { next[x] /= Double(k) }
                term = next
                for i in 0..<n { trace += term[i * n + i] }
            }
            return trace
        }
        for seed in UInt64(0)..<30 {
            var rng = SeededRandom(seed: 500 + seed)
            let n = Int.random(in: 1...9, using: &rng)
            let g = SignedFixtures.random(actors: n, density: 0.6, negativeShare: 0.5, seed: seed)
            for weighted in [false, true] {
                let a = SignedFixtures.dense(g, unit: !weighted).map { weighted ? $0 / 2 : $0 }
                let scaled = SignedGraph(actorIDs: g.actorIDs, pairs: (0..<g.pairCount).map {
                    (Int(g.pairU[$0]), Int(g.pairV[$0]), g.pairSign[$0], g.pairWeight[$0] / 2)
                })
                let expected = traceExp(a, n) / traceExp(a.map(abs), n)
                let score = try WalkBalance(weighted: weighted).run(on: scaled)
                #expect(close(score.value, expected, 1e-10 * max(1, expected)), "seed \(seed) weighted \(weighted)")
                #expect(close(score.logTraceUnsigned, log(traceExp(a.map(abs), n)), 1e-10), "seed \(seed)")
            }
        }
    }

    @Test func relabellingAndRangeOnRandomGraphs() throws {
        for seed in UInt64(0)..<30 {
            var rng = SeededRandom(seed: 900 + seed)
            let n = Int.random(in: 1...40, using: &rng)
            let g = SignedFixtures.random(actors: n, density: 0.3, negativeShare: 0.4, seed: seed)
            let k = try WalkBalance().run(on: g).value
            let permuted = try WalkBalance().run(on: SignedFixtures.relabelled(g, by: Array(0..<n).shuffled(using: &rng))).value
            #expect(k > 0 && k <= 1, "seed \(seed)")
            #expect(close(k, permuted, 1e-9), "seed \(seed)")
        }
    }

    /// Strong weights overflow tr e^A itself; the shifted form still gives a number in [0, 1].
    @Test func hugeStrengthsDoNotOverflow() throws {
        let g = SignedGraph(actorIDs: ["a", "b", "c", "d"], pairs: [(0, 1, 1, 900), (1, 2, -1, 800), (0, 2, 1, 700), (2, 3, 1, 1000)])
        let score = try WalkBalance(weighted: true).run(on: g)
        #expect(score.value >= 0 && score.value <= 1)
        #expect(score.logTraceUnsigned.isFinite && score.logTraceUnsigned > 709)   // e^709 would overflow
    }
}

// MARK: - PN centrality

@Suite struct PNCentralityTests {
    @Test func gahukuGamaMatchesReference() throws {
        let scores = try PNCentrality().run(on: try SignedFixtures.signedGraph(try SignedFixtures.gahukuGama()))
        let rows = try SignedFixtures.csv("signed/gahuku_gama_node_reference.csv")
        let (id, pn) = (rows[0].firstIndex(of: "id")!, rows[0].firstIndex(of: "pn_index_computed")!)
        #expect(rows.count == 17)
        for row in rows.dropFirst() {
            let value = try #require(scores[row[id]])
            #expect(close(value, Double(row[pn])!, 5e-7), "actor \(row[id])")
        }
        #expect(scores.ranking().first?.id == "7")   // Masil, positive ties only
    }

    /// Everett & Borgatti's table 5 network, as printed by signnet's `pn_index`.
    @Test func everettBorgattiTable5() throws {
        let published = [0.9009747, 0.8613482, 0.9076997, 0.8613482, 0.8410658, 0.8496558, 0.8617321, 0.9015909,
                         0.8509848, 0.9072930]
        let graph = try SignedFixtures.signedGraph(try SignedFixtures.matrixNetwork("signed/everett_borgatti_table5_signed10.csv"))
        #expect(graph.nodeCount == 10)
        let scores = try PNCentrality().run(on: graph)
        for (v, expected) in published.enumerated() {
            #expect(close(scores.values[v], expected, 5e-7), "actor \(v + 1)")
        }
    }

    @Test func handChecked() throws {
        let pn = PNCentrality()
        // No actors: nothing to score. One actor, or actors without ties: 1.
        #expect(try pn.run(on: SignedGraph(actorIDs: [], pairs: [])).values.isEmpty)
        #expect(try pn.run(on: SignedGraph(actorIDs: ["RUS"], pairs: [])).values == [1])
        #expect(try pn.run(on: SignedGraph(actorIDs: ["a", "b", "c"], pairs: [])).values == [1, 1, 1])
        // Two friends: x = 1 + x/2, so x = 2. A positive triangle: x = 1 + 2x/4, x = 2.
        #expect(close(try pn.run(on: SignedGraph(actorIDs: ["a", "b"], pairs: [(0, 1, 1, 5)])).values, [2, 2], 1e-12))
        #expect(close(try pn.run(on: SignedGraph(actorIDs: ["a", "b", "c"], pairs: [(0, 1, 1, 1), (1, 2, 1, 1), (0, 2, 1, 1)]))
                          .values, [2, 2, 2], 1e-12))
        // Two enemies and a bystander: x = 1 − 2x/4, so x = 2/3; the bystander scores 1.
        #expect(close(try pn.run(on: SignedGraph(actorIDs: ["a", "b", "c"], pairs: [(0, 1, -1, 1)])).values,
                      [2.0 / 3, 2.0 / 3, 1], 1e-12))
        // The K4 of the census test, by numpy.linalg.solve: 62/41, 14/41, 56/41, 56/41.
        let k4 = SignedGraph(actorIDs: ["A", "B", "C", "D"], pairs: [
            (0, 1, 1, 1), (0, 2, 1, 1), (0, 3, 1, 1), (1, 2, -1, 1), (1, 3, -1, 1), (2, 3, 1, 1),
        ])
        let scores = try pn.run(on: k4)
        let expected: [Double] = [62.0 / 41, 14.0 / 41, 56.0 / 41, 56.0 / 41]
        #expect(close(scores.values, expected, 1e-12))
        #expect(scores.ranking().map(\.id) == ["A", "C", "D", "B"])
    }

    /// Two enemies alone: A/(2n−2) has eigenvalue 1, so the system is singular.
    @Test func singularSystemIsAnError() {
        let g = SignedGraph(actorIDs: ["a", "b"], pairs: [(0, 1, -1, 1)])
        #expect(throws: AnalysisError.self) { try PNCentrality().run(on: g) }
        do {
            _ = try PNCentrality().run(on: g)
        } catch {
            #expect(error.description.contains("singular"))
        }
        #expect(throws: AnalysisError.self) {
            try PNCentrality(maximumActors: 2).run(on: SignedGraph(actorIDs: ["a", "b", "c"], pairs: []))
        }
    }

    /// The scores solve the system (checked by multiplying back) and follow the actors when
    /// they are relabelled.
    @Test func solvesTheSystemOnRandomGraphs() throws {
        for seed in UInt64(0)..<50 {
            var rng = SeededRandom(seed: 300 + seed)
            let n = Int.random(in: 3...40, using: &rng)
            let g = SignedFixtures.random(actors: n, density: Double.random(in: 0.1...0.9, using: &rng),
                                          negativeShare: Double.random(in: 0...1, using: &rng), seed: seed)
            let x = try PNCentrality().run(on: g).values
            let a = SignedFixtures.dense(g, unit: true).map { $0 < 0 ? -2 : $0 }
            for i in 0..<n {
                var row = x[i]
                for j in 0..<n { row -= a[i * n + j] / Double(2 * n - 2) * x[j] }
                #expect(close(row, 1, 1e-10), "seed \(seed) row \(i)")
            }
            let permutation = Array(0..<n).shuffled(using: &rng)
            let y = try PNCentrality().run(on: SignedFixtures.relabelled(g, by: permutation)).values
            for v in 0..<n { #expect(close(x[v], y[permutation[v]], 1e-10), "seed \(seed)") }
        }
    }

    // MARK: Directed

    /// One supply relation a → b: PN_out(a) = 1 + ½, PN_in(b) = 1 + ½, the rest 1.
    @Test func directedHandChecked() throws {
        let network = try Network(actors: [ActorNode(id: "a"), ActorNode(id: "b")], relations: [
            Relation(id: "s", source: "a", target: "b", kind: "supply"),
        ])
        let scores = try DirectedPNCentrality().run(on: try NetworkView(network))
        #expect(close(scores.outgoing.values, [1.5, 1], 1e-12))
        #expect(close(scores.incoming.values, [1, 1.5], 1e-12))
        #expect(scores.ambivalentOrderedPairs == 0)
        // One-way hostility a → b: no longer singular (that needs both ways).
        let strike = RelationKind(name: "strike", sign: .negative, direction: .directed)
        let hostile = try Network(actors: [ActorNode(id: "a"), ActorNode(id: "b")], kinds: [strike], relations: [
            Relation(id: "s", source: "a", target: "b", kind: "strike"),
        ])
        let h = try DirectedPNCentrality().run(on: try NetworkView(hostile))
        #expect(close(h.outgoing.values, [0, 1], 1e-12) && close(h.incoming.values, [1, 0], 1e-12))
        #expect(throws: AnalysisError.self) {
            try DirectedPNCentrality().run(on: try NetworkView(hostile, filter: ViewFilter(direction: .undirected)))
        }
        // Degenerate views.
        let lone = try Network(actors: [ActorNode(id: "RUS")], relations: [])
        let single = try DirectedPNCentrality().run(on: try NetworkView(lone))
        #expect(single.outgoing.values == [1] && single.incoming.values == [1])
        let none = try DirectedPNCentrality().run(on: try NetworkView(try Network(actors: [], relations: [])))
        #expect(none.outgoing.values.isEmpty && none.incoming.values.isEmpty)
    }

    /// Read without directions, the directed variant is the undirected one, both ways.
    @Test func directedMatchesUndirectedWhenDirectionsAreIgnored() throws {
        for seed in UInt64(0)..<20 {
            let network = RandomNetworks.make(actors: 20, relations: 80, seed: seed)
            let view = try NetworkView(network, filter: ViewFilter(direction: .undirected))
            let directed = try DirectedPNCentrality().run(on: view)
            let undirected = try PNCentrality().run(on: SignedGraph(view))
            #expect(close(directed.outgoing.values, undirected.values, 1e-10), "seed \(seed)")
            #expect(close(directed.incoming.values, undirected.values, 1e-10), "seed \(seed)")
        }
        let gama = try NetworkView(try SignedFixtures.gahukuGama())   // undirected relations, read as declared
        let directed = try DirectedPNCentrality().run(on: gama)
        #expect(close(directed.outgoing.values, try PNCentrality().run(on: SignedGraph(gama)).values, 1e-12))
    }

    /// PN_out solves (I − A/(2n−2))x = 1 and PN_in the transposed system, on networks with
    /// directed, parallel and cancelling relations.
    @Test func directedSolvesBothSystems() throws {
        for seed in UInt64(0)..<20 {
            let network = RandomNetworks.make(actors: 18, relations: 90, seed: seed)
            let view = try NetworkView(network)
            let n = view.nodeCount
            var net = [Double](repeating: 0, count: n * n)
            for r in network.relations.indices {
                let (s, t) = network.endpoints(ofRelation: r)
                let value = Double(network.sign(ofRelation: r).rawValue) * network.relations[r].weight
                net[s * n + t] += value
                if !network.isDirected(relation: r) { net[t * n + s] += value }
            }
            let a = net.map { $0 > 0 ? 1.0 : $0 < 0 ? -2.0 : 0 }
            let scores = try DirectedPNCentrality().run(on: view)
            let (out, inn) = (scores.outgoing.values, scores.incoming.values)
            for i in 0..<n {
                var rowOut = out[i], rowIn = inn[i]
                for j in 0..<n {
                    rowOut -= a[i * n + j] / Double(2 * n - 2) * out[j]
                    rowIn -= a[j * n + i] / Double(2 * n - 2) * inn[j]
                }
                #expect(close(rowOut, 1, 1e-10) && close(rowIn, 1, 1e-10), "seed \(seed) row \(i)")
            }
        }
    }

    /// Sampson's monastery (directed like/dislike): an import check only, since the published
    /// PN values do not reproduce (see SOURCES.md §1). 10 ordered pairs are both liked and
    /// disliked; with equal weights they cancel.
    @Test func sampsonImports() throws {
        let positive = try SignedFixtures.csv("signed/sampson_everett_borgatti_SAMP.csv")
        let negative = try SignedFixtures.csv("signed/sampson_everett_borgatti_SAMN.csv")
        let names = Array(positive[0].dropFirst())
        #expect(names.count == 18 && Array(negative[0].dropFirst()) == names)
        var relations: [Relation] = []
        for (matrix, kind) in [(positive, "like"), (negative, "dislike")] {
            for (i, row) in matrix.dropFirst().enumerated() {
                #expect(row[0] == names[i])
                for (j, cell) in row.dropFirst().enumerated() where cell == "1" {
                    relations.append(Relation(id: "\(kind)-\(i)-\(j)", source: names[i], target: names[j], kind: kind))
                }
            }
        }
        let network = try Network(actors: names.map { ActorNode(id: $0) }, kinds: [
            RelationKind(name: "like", sign: .positive, direction: .directed),
            RelationKind(name: "dislike", sign: .negative, direction: .directed),
        ], relations: relations)
        let view = try NetworkView(network)
        #expect(view.edgeCount == 86 + 92 && view.arcCount == 178)
        let scores = try DirectedPNCentrality().run(on: view)
        #expect(scores.ambivalentOrderedPairs == 10)
        #expect(scores.outgoing.values.count == 18 && scores.outgoing.values.allSatisfy { $0.isFinite })
        #expect(scores.incoming.values.allSatisfy { $0.isFinite })
    }
}

// MARK: - Dense linear algebra

@Suite struct DenseLinearAlgebraTests {
    private func randomSymmetric(_ n: Int, _ rng: inout SeededRandom) -> [Double] {
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                let x = Double.random(in: -3...3, using: &rng)
                a[i * n + j] = x
                a[j * n + i] = x
            }
        }
        return a
    }

    @Test func eigenHandChecked() throws {
        #expect(try SymmetricEigen(symmetric: [], order: 0).values.isEmpty)
        #expect(try SymmetricEigen(symmetric: [5], order: 1, computeVectors: true).values == [5])
        #expect(try SymmetricEigen(symmetric: [5], order: 1, computeVectors: true).vector(0) == [1])
        #expect(close(try SymmetricEigen(symmetric: [2, 1, 1, 2], order: 2).values, [1, 3], 1e-14))
        #expect(close(try SymmetricEigen(symmetric: [0, 0, 0, 0, 4, 0, 0, 0, -1], order: 3).values, [-1, 0, 4], 1e-14))
        // J − I on 6 nodes: 5 once and −1 five times.
        let k6 = (0..<36).map { $0 / 6 == $0 % 6 ? 0.0 : 1 }
        #expect(close(try SymmetricEigen(symmetric: k6, order: 6).values, [-1, -1, -1, -1, -1, 5], 1e-13))
        #expect(try SymmetricEigen(symmetric: [0, 0, 0, 0], order: 2, computeVectors: true).values == [0, 0])
        #expect(throws: AnalysisError.self) { try SymmetricEigen(symmetric: [1, .nan, .nan, 1], order: 2) }
        #expect(try SymmetricEigen(symmetric: [1, 2, 2, 1], order: 2).vector(0) == nil)
    }

    /// Σλ = trace, Σλ² = ‖A‖²_F, A·v = λ·v, VᵀV = I, and the eigenvalues-only path agrees.
    @Test func eigenOnRandomMatrices() throws {
        for seed in UInt64(0)..<40 {
            var rng = SeededRandom(seed: seed)
            let n = Int.random(in: 1...40, using: &rng)
            var a = randomSymmetric(n, &rng)
            if seed % 4 == 0 {   // sparse, with repeated eigenvalues and zero rows
                a = a.map { abs($0) < 2 ? 0 : $0.rounded() }
            }
            let full = try SymmetricEigen(symmetric: a, order: n, computeVectors: true)
            let values = try SymmetricEigen(symmetric: a, order: n).values
            #expect(close(values, full.values, 1e-11), "seed \(seed)")
            #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
            let trace = (0..<n).reduce(0.0) { $0 + a[$1 * n + $1] }
            #expect(close(values.reduce(0, +), trace, 1e-10), "seed \(seed)")
            #expect(close(values.reduce(0) { $0 + $1 * $1 }, a.reduce(0) { $0 + $1 * $1 }, 1e-9), "seed \(seed)")
            let vectors = (0..<n).map { full.vector($0)! }
            for j in 0..<n {
                for i in 0..<n {
                    var av = 0.0
                    for k in 0..<n { av += a[i * n + k] * vectors[j][k] }
                    #expect(close(av, full.values[j] * vectors[j][i], 1e-10), "seed \(seed)")
                }
                for k in 0...j {
                    let dot = zip(vectors[j], vectors[k]).reduce(0) { $0 + $1.0 * $1.1 }
                    #expect(close(dot, j == k ? 1 : 0, 1e-12), "seed \(seed)")
                }
            }
        }
    }

    @Test func luSolvesAndTransposedSolves() throws {
        for seed in UInt64(0)..<40 {
            var rng = SeededRandom(seed: 60 + seed)
            let n = Int.random(in: 1...30, using: &rng)
            // Zeros on the diagonal force pivoting.
            let m = (0..<(n * n)).map { x in x / n == x % n ? 0 : Double.random(in: -2...2, using: &rng) }
            let b = (0..<n).map { _ in Double.random(in: -5...5, using: &rng) }
            guard let lu = LUDecomposition(rowMajor: m, order: n) else {
                #expect(n == 1, "only the 1 × 1 zero matrix is singular here (seed \(seed))")
                continue
            }
            let x = lu.solve(b), y = lu.solveTransposed(b)
            for i in 0..<n {
                var rx = 0.0, ry = 0.0
                for j in 0..<n {
                    rx += m[i * n + j] * x[j]
                    ry += m[j * n + i] * y[j]
                }
                #expect(close(rx, b[i], 1e-9) && close(ry, b[i], 1e-9), "seed \(seed)")
            }
        }
    }

    @Test func luDetectsSingularMatrices() {
        #expect(LUDecomposition(rowMajor: [1, 2, 2, 4], order: 2) == nil)
        #expect(LUDecomposition(rowMajor: [1, 1, 1, 1], order: 2) == nil)
        #expect(LUDecomposition(rowMajor: [0, 0, 0, 0], order: 2) == nil)
        // Rank 2 in 3 × 3: the third row is the sum of the first two.
        #expect(LUDecomposition(rowMajor: [1, 2, 3, 4, 5, 6, 5, 7, 9], order: 3) == nil)
        #expect(LUDecomposition(rowMajor: [1, .infinity, 0, 1], order: 2) == nil)
        #expect(LUDecomposition(rowMajor: [], order: 0)?.solve([]) == [])
        #expect(LUDecomposition(rowMajor: [0, 1, 1, 0], order: 2)?.solve([3, 4]) == [4, 3])
    }
}
