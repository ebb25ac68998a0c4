import ActorNetCore
import ActorNetTestSupport
import Foundation
import Testing

/// Networks for the frustration tests, all built through the real pipeline:
/// `Network` (cooperation for +, rivalry for −) → `NetworkView` → `SignedGraph`.
private enum FrustrationFixtures {
    typealias Tie = (u: Int, v: Int, sign: Int8, weight: Double)

    /// The rows of a CSV file in `Tests/Fixtures`, header first (the files have CRLF
    /// line ends, which Swift keeps as one character: split on any newline).
    static func csv(_ relative: String) throws -> [[String]] {
        let text = try String(contentsOfFile: Fixtures.fixturePath(relative), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// A signed graph on actors `ids` with the given ties (actor indices), through the pipeline.
    static func graph(ids: [String], ties: [Tie]) throws -> SignedGraph {
        let relations = ties.enumerated().map { i, t in
            Relation(id: "r\(i)", source: ids[t.u], target: ids[t.v], kind: t.sign > 0 ? "cooperation" : "rivalry",
                     weight: t.weight)
        }
        let network = try Network(actors: ids.map { ActorNode(id: $0) }, relations: relations)
        return SignedGraph(try NetworkView(network))
    }

    static func graph(actors n: Int, ties: [Tie]) throws -> SignedGraph {
        try graph(ids: (0..<n).map { "A\($0)" }, ties: ties)
    }

    /// Read's Gahuku–Gama tribes: actors "1"…"16", rova (+1) cooperation, hina (−1) rivalry.
    static func gahukuGama() throws -> SignedGraph {
        let rows = try csv("signed/gahuku_gama_edges.csv")
        let header = rows[0]
        let (s, t, sign) = (header.firstIndex(of: "source")!, header.firstIndex(of: "target")!,
                            header.firstIndex(of: "sign")!)
        let ties = rows.dropFirst().map { row in
            (u: Int(row[s])! - 1, v: Int(row[t])! - 1, sign: Int8(row[sign])!, weight: 1.0)
        }
        return try graph(ids: (1...16).map(String.init), ties: ties)
    }

    /// Tribe names by id, from `gahuku_gama_nodes.csv`.
    static func gahukuGamaNames() throws -> [String: String] {
        let rows = try csv("signed/gahuku_gama_nodes.csv")
        let (id, name) = (rows[0].firstIndex(of: "id")!, rows[0].firstIndex(of: "name")!)
        return Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[id], $0[name]) })
    }

    /// Random ties: each pair with probability `density`, negative with probability
    /// `negativeShare`, strength 1 or in 0.1…5.
    static func randomTies(actors n: Int, density: Double, negativeShare: Double = 0.5, weighted: Bool,
                           rng: inout SeededRandom) -> [Tie] {
        var ties: [Tie] = []
        for u in 0..<n {
            for v in (u + 1)..<max(u + 1, n) where Double.random(in: 0..<1, using: &rng) < density {
                let sign: Int8 = Double.random(in: 0..<1, using: &rng) < negativeShare ? -1 : 1
                ties.append((u, v, sign, weighted ? Double(Int.random(in: 1...50, using: &rng)) / 10 : 1))
            }
        }
        return ties
    }
}

/// Brute force and bookkeeping the tests check the algorithm against.
private enum Check {
    /// The cost of the ties `camps` frustrates, recounted from scratch.
    static func cost(_ g: SignedGraph, _ camps: [Int], weighted: Bool) -> Double {
        var total = 0.0
        for p in 0..<g.pairCount where (g.pairSign[p] < 0) == (camps[Int(g.pairU[p])] == camps[Int(g.pairV[p])]) {
            total += weighted ? g.pairWeight[p] : 1
        }
        return total
    }

    /// The frustrated pairs of `camps`, as the result should list them: ids sorted within a
    /// pair, pairs sorted by (first, second).
    static func frustrated(_ g: SignedGraph, _ camps: [Int]) -> [String] {
        (0..<g.pairCount).filter { (g.pairSign[$0] < 0) == (camps[Int(g.pairU[$0])] == camps[Int(g.pairV[$0])]) }
            .map { p in [g.actorIDs[Int(g.pairU[p])], g.actorIDs[Int(g.pairV[p])]].sorted() }
            .sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
            .map { $0.joined(separator: "–") }
    }

    /// The minimum over all 2^(n−1) splits (actor 0 fixed), visited in Gray-code order so each
    /// step moves one actor: O(2ⁿ · n). Returns the unweighted and weighted optima.
    static func bruteForce(_ g: SignedGraph) -> (unweighted: Double, weighted: Double) {
        let n = g.nodeCount
        guard n > 1 else { return (0, 0) }
        var sign = [Int8](repeating: 0, count: n * n)   // row-major signed adjacency
        var weight = [Double](repeating: 0, count: n * n)
        for p in 0..<g.pairCount {
            let (u, v) = (Int(g.pairU[p]), Int(g.pairV[p]))
            sign[u * n + v] = g.pairSign[p]; sign[v * n + u] = g.pairSign[p]
            weight[u * n + v] = g.pairWeight[p]; weight[v * n + u] = g.pairWeight[p]
        }
        var camps = [Int](repeating: 0, count: n)
        var count = cost(g, camps, weighted: false), strength = cost(g, camps, weighted: true)
        var best = (count, strength)
        for step in 1..<(1 << (n - 1)) {
            let v = step.trailingZeroBitCount + 1   // Gray code: the bit that changes
            for u in 0..<n where sign[v * n + u] != 0 {
                // The tie v–u toggles between frustrated and not.
                let wasFrustrated = (sign[v * n + u] < 0) == (camps[u] == camps[v])
                count += wasFrustrated ? -1 : 1
                strength += wasFrustrated ? -weight[v * n + u] : weight[v * n + u]
            }
            camps[v] ^= 1
            best = (min(best.0, count), min(best.1, strength))
        }
        return best
    }

    /// Whether the lowest-index actor of every connected component is in camp 0.
    static func isCanonical(_ g: SignedGraph, _ camps: [Int]) -> Bool {
        componentRoots(g).enumerated().allSatisfy { v, root in root != v || camps[v] == 0 }
    }

    /// Per actor, the lowest-index actor of its connected component.
    static func componentRoots(_ g: SignedGraph) -> [Int] {
        var root = Array(0..<g.nodeCount)
        func find(_ x: Int) -> Int { var x = x; while root[x] != x { root[x] = root[root[x]]; x = root[x] }; return x }
        for p in 0..<g.pairCount {
            let (a, b) = (find(Int(g.pairU[p])), find(Int(g.pairV[p])))
            root[max(a, b)] = min(a, b)
        }
        return (0..<g.nodeCount).map(find)
    }

    /// Every claim an optimum makes about itself holds: its split costs its value, lists exactly
    /// the ties it frustrates, is canonical, and its lower bound is below its value.
    static func consistent(_ o: FrustrationOptimum, on g: SignedGraph) {
        let weighted = o.objective == .weighted
        #expect(abs(cost(g, o.camps, weighted: weighted) - o.value) <= 1e-9 * max(1, o.value))
        #expect(o.frustrated.map { "\($0.first)–\($0.second)" } == frustrated(g, o.camps))
        #expect(o.camps.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(isCanonical(g, o.camps))
        #expect(o.lowerBound <= o.value + 1e-9)
        if o.method == .exact { #expect(o.lowerBound == o.value) }
    }
}

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite struct FrustrationTests {
    // MARK: Published values

    /// signnet (JOSS paper and vignette): `frustration_exact(tribes)` = 7, normalised 0.7586207;
    /// SOURCES.md §1: the optimum is unique, {Gavev, Kotun, Nagad, Gama} against the other 12.
    @Test func gahukuGamaExact() throws {
        let g = try FrustrationFixtures.gahukuGama()
        #expect(g.nodeCount == 16 && g.pairCount == 58)
        let r = try FrustrationIndex().run(on: g)
        #expect(r.index == 7)
        #expect(r.indexLowerBound == 7)
        #expect(abs(r.normalizedIndex - 0.7586207) <= 1e-7)
        #expect(r.method == .exact)
        #expect(r.weightedIndex == 7)   // every tie has strength 1
        #expect(r.unweighted.description == "L = 7 (exact)")
        #expect(r.description == "L = 7 (exact), F = 0.7586207; weighted L = 7 (exact)")

        let names = try FrustrationFixtures.gahukuGamaNames()
        // Canonical form: actor "1" (Gavev, the lowest index) is in camp 0.
        #expect(r.actors(inCamp: 0) == ["1", "15", "16", "2"])
        #expect(Set(r.actors(inCamp: 0).map { names[$0]! }) == ["Gavev", "Kotun", "Nagad", "Gama"])
        #expect(r.actors(inCamp: 1).count == 12)
        #expect(r.unweighted.camps == [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0])   // signnet's partition
        #expect(r.camp(of: "16") == 0 && r.camp(of: "3") == 1 && r.camp(of: "99") == nil)
        #expect(r.unweighted.frustrated.count == 7)
        Check.consistent(r.unweighted, on: g)
        Check.consistent(r.weighted, on: g)
        #expect(r.unweighted.components.count == 1)
        #expect(r.unweighted.components[0].actors == 16 && r.unweighted.components[0].pairs == 58)
        #expect(r.unweighted.components[0].method == .exact && r.unweighted.components[0].root == "1")

        // Uniqueness, by exhausting all 2¹⁵ splits: only ours frustrates 7 ties.
        var optimal: [[Int]] = []
        for mask in 0..<(1 << 15) {
            let camps = [0] + (0..<15).map { (mask >> $0) & 1 }
            if Check.cost(g, camps, weighted: false) == 7 { optimal.append(camps) }
        }
        #expect(optimal == [r.unweighted.camps])
    }

    @Test func gahukuGamaHeuristicMatchesExact() throws {
        let g = try FrustrationFixtures.gahukuGama()
        let exact = try FrustrationIndex(method: .exact).run(on: g)
        let heuristic = try FrustrationIndex(method: .heuristic).run(on: g)
        #expect(heuristic.index == 7)
        #expect(heuristic.method == .heuristic)
        #expect(heuristic.unweighted.camps == exact.unweighted.camps)   // the optimum is unique
        #expect(heuristic.unweighted.lowerBound <= 7)
        #expect(heuristic.unweighted.search.restarts == 1)   // the cycle packing proves the first start optimal
        #expect(heuristic.unweighted.search.iterations > 0)
        #expect(heuristic.unweighted.components[0].heuristicReason == .requested)
        Check.consistent(heuristic.unweighted, on: g)
        // The seed changes the search, not the (unique) answer.
        #expect(try FrustrationIndex(method: .heuristic, seed: 99).run(on: g).unweighted.camps == exact.unweighted.camps)
    }

    // MARK: Against brute force

    /// Exact and heuristic against all 2^(n−1) splits on random graphs of up to 14 actors:
    /// unweighted and weighted, sparse (often disconnected, with bridges and isolated actors)
    /// to dense, with mostly positive, mixed and mostly negative ties.
    @Test func matchesBruteForceOnRandomGraphs() throws {
        var rng = SeededRandom(seed: 20180566)
        for trial in 0..<160 {
            let n = Int.random(in: 1...14, using: &rng)
            let density = [0.1, 0.2, 0.35, 0.5, 0.8, 1.0][trial % 6]
            let negativeShare = [0.2, 0.5, 0.8][trial % 3]
            let ties = FrustrationFixtures.randomTies(actors: n, density: density, negativeShare: negativeShare,
                                                      weighted: trial % 2 == 0, rng: &rng)
            let g = try FrustrationFixtures.graph(actors: n, ties: ties)
            let (unweighted, weighted) = Check.bruteForce(g)
            let exact = try FrustrationIndex(method: .exact).run(on: g)
            let context = Comment(rawValue: "trial \(trial): n \(n), m \(g.pairCount)")
            #expect(exact.method == .exact, context)
            #expect(Double(exact.index) == unweighted, context)
            #expect(close(exact.weightedIndex, weighted), context)
            Check.consistent(exact.unweighted, on: g)
            Check.consistent(exact.weighted, on: g)
            #expect(exact.normalizedIndex == (g.pairCount == 0 ? 1 : 1 - unweighted / (Double(g.pairCount) / 2)), context)

            let heuristic = try FrustrationIndex(method: .heuristic, restarts: 2, iterations: 50).run(on: g)
            #expect(Double(heuristic.index) >= unweighted, context)
            #expect(heuristic.weightedIndex >= weighted - 1e-9, context)
            #expect(heuristic.unweighted.lowerBound <= unweighted, context)
            #expect(heuristic.weighted.lowerBound <= weighted + 1e-9, context)
            Check.consistent(heuristic.unweighted, on: g)
            Check.consistent(heuristic.weighted, on: g)
        }
    }

    /// Disjoint unions of random graphs: components are solved apart and L adds up.
    @Test func disconnectedGraphsAddUp() throws {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<20 {
            let sizes = (0..<3).map { _ in Int.random(in: 1...6, using: &rng) }
            var ties: [FrustrationFixtures.Tie] = []
            var offset = 0
            var parts: [SignedGraph] = []
            for size in sizes {
                let part = FrustrationFixtures.randomTies(actors: size, density: 0.7, weighted: true, rng: &rng)
                parts.append(try FrustrationFixtures.graph(actors: size, ties: part))
                ties += part.map { ($0.u + offset, $0.v + offset, $0.sign, $0.weight) }
                offset += size
            }
            let g = try FrustrationFixtures.graph(actors: offset, ties: ties)
            let whole = try FrustrationIndex().run(on: g)
            let pieces = try parts.map { try FrustrationIndex().run(on: $0) }
            #expect(whole.index == pieces.reduce(0) { $0 + $1.index })
            #expect(close(whole.weightedIndex, pieces.reduce(0) { $0 + $1.weightedIndex }))
            #expect(whole.unweighted.components.count == pieces.reduce(0) { $0 + $1.unweighted.components.count })
            #expect(whole.unweighted.camps == pieces.flatMap(\.unweighted.camps))   // canonical per component
            Check.consistent(whole.unweighted, on: g)
        }
    }

    // MARK: Balanced networks

    /// Two camps, positive ties inside, negative across: L = 0 and the camps come back (up to
    /// swapping them, per component), exactly and by local search, small and large.
    @Test func balancedNetworksRecoverTheirCamps() throws {
        var rng = SeededRandom(seed: 1946)
        for (n, density) in [(2, 1.0), (8, 0.5), (20, 0.3), (45, 0.2), (80, 0.1), (300, 0.02)] {
            let camp = (0..<n).map { _ in Int.random(in: 0...1, using: &rng) }
            var ties: [FrustrationFixtures.Tie] = []
            for u in 0..<n {
                for v in (u + 1)..<n where Double.random(in: 0..<1, using: &rng) < density {
                    ties.append((u, v, camp[u] == camp[v] ? 1 : -1, Double(Int.random(in: 1...5, using: &rng))))
                }
            }
            let g = try FrustrationFixtures.graph(actors: n, ties: ties)
            let roots = Check.componentRoots(g)
            for method in FrustrationIndex.Method.allCases {
                let r = try FrustrationIndex(method: method).run(on: g)
                #expect(r.index == 0 && r.weightedIndex == 0 && r.normalizedIndex == 1)
                #expect(r.unweighted.isOptimal && r.weighted.isOptimal)
                #expect(r.unweighted.frustrated.isEmpty)
                // Within a component, actors share a camp exactly when they were planted together.
                for v in 0..<n {
                    let root = roots[v]
                    #expect((r.unweighted.camps[v] == r.unweighted.camps[root]) == (camp[v] == camp[root]), "n \(n), actor \(v)")
                }
                Check.consistent(r.unweighted, on: g)
            }
        }
    }

    // MARK: Heuristic against exact

    @Test func heuristicIsNeverBelowExact() throws {
        var rng = SeededRandom(seed: 566)
        for trial in 0..<24 {
            let n = Int.random(in: 15...36, using: &rng)
            let ties = FrustrationFixtures.randomTies(actors: n, density: [0.15, 0.3, 0.6][trial % 3],
                                                      weighted: trial % 2 == 1, rng: &rng)
            let g = try FrustrationFixtures.graph(actors: n, ties: ties)
            let exact = try FrustrationIndex(method: .exact).run(on: g)
            let heuristic = try FrustrationIndex(method: .heuristic).run(on: g)
            for (e, h) in [(exact.unweighted, heuristic.unweighted), (exact.weighted, heuristic.weighted)] {
                #expect(h.value >= e.value - 1e-9, "trial \(trial)")
                #expect(h.lowerBound <= e.value + 1e-9, "trial \(trial)")
                #expect(h.method == .heuristic && e.method == .exact)
                Check.consistent(h, on: g)
                Check.consistent(e, on: g)
            }
        }
    }

    /// Random graphs of 30 and 40 actors at density 0.3 are within the default exact limit and
    /// solve exactly; the exact value is no worse than a long local search.
    @Test func exactOnThirtyAndFortyActors() throws {
        var rng = SeededRandom(seed: 30)
        for n in [30, 30, 40, 40] {
            let g = try FrustrationFixtures.graph(
                actors: n, ties: FrustrationFixtures.randomTies(actors: n, density: 0.3, weighted: false, rng: &rng))
            let r = try FrustrationIndex().run(on: g)
            #expect(r.method == .exact)
            #expect(r.unweighted.search.exactBlocks >= 1 && r.unweighted.search.heuristicBlocks == 0)
            let long = try FrustrationIndex(method: .heuristic, restarts: 8, iterations: 2000).run(on: g)
            #expect(long.index >= r.index)
            Check.consistent(r.unweighted, on: g)
        }
    }

    // MARK: Correlates of War

    /// The 51 three-year Correlates-of-War networks (SOURCES.md §2): the sizes and signed
    /// triangle counts match the stats file; the exact search reproduces the ILP's L for every
    /// period; the local search is never below it and within 10% of it (in practice it meets it).
    @Test func correlatesOfWar() throws {
        let rows = try FrustrationFixtures.csv("ir/cow_signed_3yr_windows_1946_1999.csv")
        #expect(rows[0] == ["period", "source", "target", "sign"])
        var byPeriod: [String: [[String]]] = [:]
        for row in rows.dropFirst() { byPeriod[row[0], default: []].append(row) }
        let stats = try FrustrationFixtures.csv("ir/cow_signed_stats_computed.csv")
        let column = Dictionary(uniqueKeysWithValues: stats[0].enumerated().map { ($1, $0) })
        #expect(stats.count - 1 == 51 && byPeriod.count == 51)

        for row in stats.dropFirst() {
            let period = row[column["period"]!]
            func stat(_ name: String) -> Int { Int(row[column[name]!])! }
            let edges = try #require(byPeriod[period])
            let ids = Set(edges.flatMap { [$0[1], $0[2]] }).sorted()
            let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            let g = try FrustrationFixtures.graph(
                ids: ids, ties: edges.map { (index[$0[1]]!, index[$0[2]]!, Int8($0[3])!, 1) })

            #expect(g.nodeCount == stat("nodes"), "\(period)")
            #expect(g.pairCount == stat("edges"), "\(period)")
            #expect(g.pairSign.filter { $0 > 0 }.count == stat("positive"), "\(period)")
            #expect(g.pairSign.filter { $0 < 0 }.count == stat("negative"), "\(period)")
            #expect(Set(Check.componentRoots(g)).count == stat("components"), "\(period)")
            #expect(Self.signedTriangles(g) == [stat("tri_ppp"), stat("tri_ppn"), stat("tri_pnn"), stat("tri_nnn")], "\(period)")

            let L = stat("frustration_index_L")
            let exact = try FrustrationIndex(method: .exact).run(on: g)
            #expect(exact.index == L, "\(period)")
            let heuristic = try FrustrationIndex(method: .heuristic).run(on: g)
            #expect(heuristic.index >= L, "\(period)")
            #expect(Double(heuristic.index) <= 1.1 * Double(L), "\(period): heuristic \(heuristic.index), exact \(L)")
            #expect(heuristic.indexLowerBound <= L, "\(period)")
            #expect(heuristic.unweighted.components.count == stat("components"), "\(period)")
            Check.consistent(heuristic.unweighted, on: g)
            Check.consistent(exact.unweighted, on: g)
        }
    }

    /// Triangles with 0, 1, 2 and 3 negative ties (the stats file's +++, ++−, +−−, −−−).
    private static func signedTriangles(_ g: SignedGraph) -> [Int] {
        var counts = [0, 0, 0, 0]
        var sign = [Int: Int8]()
        for p in 0..<g.pairCount { sign[Int(g.pairU[p]) * g.nodeCount + Int(g.pairV[p])] = g.pairSign[p] }
        for p in 0..<g.pairCount {
            let (u, v) = (Int(g.pairU[p]), Int(g.pairV[p]))
            for slot in Int(g.offsets[v])..<Int(g.offsets[v + 1]) where Int(g.neighbors[slot]) > v {
                let w = Int(g.neighbors[slot])
                guard let uw = sign[u * g.nodeCount + w] else { continue }
                counts[[g.pairSign[p], g.slotSign[slot], uw].filter { $0 < 0 }.count] += 1
            }
        }
        return counts
    }

    // MARK: Small cases

    @Test func degenerateGraphs() throws {
        let empty = try FrustrationIndex().run(on: FrustrationFixtures.graph(ids: [], ties: []))
        #expect(empty.index == 0 && empty.normalizedIndex == 1 && empty.method == .exact)
        #expect(empty.unweighted.camps.isEmpty && empty.unweighted.components.isEmpty)

        let single = try FrustrationIndex().run(on: FrustrationFixtures.graph(ids: ["IRN"], ties: []))
        #expect(single.index == 0 && single.normalizedIndex == 1 && single.unweighted.camps == [0])

        // Isolated actors go to camp 0; one negative tie splits its pair.
        let g = try FrustrationFixtures.graph(ids: ["A", "B", "C", "D"], ties: [(1, 3, -1, 2)])
        let r = try FrustrationIndex().run(on: g)
        #expect(r.index == 0 && r.unweighted.camps == [0, 0, 0, 1])
        #expect(r.normalizedIndex == 1)

        for method in FrustrationIndex.Method.allCases {
            let h = try FrustrationIndex(method: method).run(on: FrustrationFixtures.graph(ids: [], ties: []))
            #expect(h.index == 0)
        }
    }

    @Test func noNegativeTiesMeansNoFrustration() throws {
        var rng = SeededRandom(seed: 3)
        for n in [5, 30, 120] {
            let ties = FrustrationFixtures.randomTies(actors: n, density: 0.2, negativeShare: 0, weighted: true, rng: &rng)
            let g = try FrustrationFixtures.graph(actors: n, ties: ties)
            let r = try FrustrationIndex().run(on: g)
            #expect(r.index == 0 && r.weightedIndex == 0)
            #expect(r.unweighted.camps.allSatisfy { $0 == 0 })   // every component's root is in camp 0
        }
    }

    @Test func allNegativeTriangle() throws {
        let g = try FrustrationFixtures.graph(ids: ["IRN", "ISR", "SAU"], ties: [(0, 1, -1, 1), (1, 2, -1, 1), (0, 2, -1, 1)])
        for method in FrustrationIndex.Method.allCases {
            let r = try FrustrationIndex(method: method).run(on: g)
            #expect(r.index == 1)
            #expect(abs(r.normalizedIndex - 1.0 / 3) <= 1e-12)
            #expect(r.unweighted.frustrated.count == 1 && r.unweighted.frustrated[0].sign == .negative)
            #expect(r.unweighted.isOptimal)   // the triangle itself is the lower bound
            Check.consistent(r.unweighted, on: g)
        }
    }

    /// All-negative K4 (four mutual enemies): L = 2 (two pairs of allies); a triangle packing
    /// proves only 1, so the heuristic reports the gap.
    @Test func reportsAHeuristicGap() throws {
        let ties: [FrustrationFixtures.Tie] = [(0, 1, -1, 1), (0, 2, -1, 1), (0, 3, -1, 1), (1, 2, -1, 1), (1, 3, -1, 1), (2, 3, -1, 1)]
        let g = try FrustrationFixtures.graph(actors: 4, ties: ties)
        let exact = try FrustrationIndex().run(on: g)
        #expect(exact.index == 2 && exact.unweighted.description == "L = 2 (exact)")
        let heuristic = try FrustrationIndex(method: .heuristic).run(on: g)
        #expect(heuristic.index == 2 && heuristic.indexLowerBound == 1 && !heuristic.unweighted.isOptimal)
        #expect(heuristic.unweighted.description == "L ≤ 2 (heuristic; lower bound 1)")
        #expect(heuristic.unweighted.components[0].lowerBound == 1)
    }

    /// The weighted optimum is its own optimisation. Two unbalanced triangles share a strong
    /// rivalry (0–1, strength 10): frustrating it alone gives L = 1, but the cheapest split
    /// frustrates the two weak alliances 0–2 and 0–3 instead (strength 2; the alliances of 1
    /// are a little stronger, so that split is the only one that cheap).
    @Test func weightedOptimumIsItsOwnSplit() throws {
        let g = try FrustrationFixtures.graph(
            actors: 4, ties: [(0, 1, -1, 10), (0, 2, 1, 1), (1, 2, 1, 1.5), (0, 3, 1, 1), (1, 3, 1, 1.5)])
        let r = try FrustrationIndex().run(on: g)
        #expect(r.index == 1 && r.unweighted.camps == [0, 0, 0, 0])
        #expect(r.unweighted.frustrated.map { "\($0.first)–\($0.second)" } == ["A0–A1"])
        #expect(r.weightedIndex == 2 && r.weighted.camps == [0, 1, 1, 1])
        #expect(r.weighted.frustrated.map { "\($0.first)–\($0.second)" } == ["A0–A2", "A0–A3"])
        #expect(r.weighted.description == "weighted L = 2 (exact)")
        Check.consistent(r.weighted, on: g)
    }

    /// Blocks: two unbalanced triangles sharing a cut vertex, and a pendant actor on a bridge.
    @Test func blocksAreSolvedApartAndGlued() throws {
        let g = try FrustrationFixtures.graph(actors: 6, ties: [
            (0, 1, -1, 1), (1, 2, -1, 1), (0, 2, -1, 1),   // − − −
            (2, 3, 1, 1), (3, 4, 1, 1), (2, 4, -1, 1),      // + + −, sharing actor 2
            (4, 5, -1, 1),                                   // a bridge
        ])
        for method in FrustrationIndex.Method.allCases {
            let r = try FrustrationIndex(method: method).run(on: g)
            #expect(r.index == 2)
            #expect(r.unweighted.components.count == 1 && r.unweighted.components[0].largestBlock == 3)
            #expect(r.unweighted.isOptimal)
            Check.consistent(r.unweighted, on: g)
            #expect(r.unweighted.camps[5] != r.unweighted.camps[4])   // the bridge is satisfied
        }
    }

    /// A net-negative multiplex pair counts once, with its net strength (see SignedGraph).
    @Test func multiplexPairsUseTheirNetSign() throws {
        let network = try Network(actors: ["RUS", "IRN", "ISR"].map { ActorNode(id: $0) }, relations: [
            Relation(id: "coop", source: "RUS", target: "IRN", kind: "cooperation", weight: 4),
            Relation(id: "riv", source: "RUS", target: "IRN", kind: "rivalry", weight: 1),
            Relation(id: "a", source: "ISR", target: "IRN", kind: "rivalry", weight: 5),
            Relation(id: "b", source: "ISR", target: "RUS", kind: "cooperation", weight: 2),
        ])
        let r = try FrustrationIndex().run(on: SignedGraph(try NetworkView(network)))
        // RUS–IRN +3, ISR–IRN −5, ISR–RUS +2: one negative tie, unbalanced; the weakest tie goes.
        #expect(r.pairCount == 3 && r.index == 1 && r.weightedIndex == 2)
        #expect(r.weighted.frustrated.map { "\($0.first)–\($0.second) \($0.sign) \($0.strength)" } == ["ISR–RUS positive 2.0"])
    }

    // MARK: Options, limits, determinism

    @Test func badOptionsAreClearErrors() throws {
        let g = try FrustrationFixtures.gahukuGama()
        #expect(throws: AnalysisError.self) { try FrustrationIndex(restarts: 0).run(on: g) }
        #expect(throws: AnalysisError.self) { try FrustrationIndex(exactLimit: -1).run(on: g) }
        #expect(throws: AnalysisError.self) { try FrustrationIndex(branchLimit: 0).run(on: g) }
        #expect(throws: AnalysisError.self) { try FrustrationIndex(iterations: -5).run(on: g) }
        do {
            _ = try FrustrationIndex(restarts: 0).run(on: g)
        } catch {
            #expect(error.description == "frustration index: restarts must be ≥ 1 (got 0); the default is 8")
        }
    }

    /// Above the exact limit, or when the branch limit runs out, the result says heuristic and
    /// why; forcing the exact method past the branch limit is an error.
    @Test func limitsAreReported() throws {
        var rng = SeededRandom(seed: 40)
        let g = try FrustrationFixtures.graph(
            actors: 30, ties: FrustrationFixtures.randomTies(actors: 30, density: 0.3, weighted: false, rng: &rng))
        let exact = try FrustrationIndex().run(on: g)
        #expect(exact.method == .exact)

        let small = try FrustrationIndex(exactLimit: 10).run(on: g)
        #expect(small.unweighted.method == .heuristic)
        let component = try #require(small.unweighted.components.first { $0.largestBlock > 10 })
        #expect(component.heuristicReason == .blockAboveExactLimit(actors: component.largestBlock, limit: 10))
        #expect(component.heuristicReason?.description == "a block of \(component.largestBlock) actors is above the exact limit of 10")
        #expect(small.index >= exact.index && small.indexLowerBound <= exact.index)

        let stopped = try FrustrationIndex(branchLimit: 50).run(on: g)
        #expect(stopped.unweighted.method == .heuristic)
        #expect(stopped.unweighted.components.contains { $0.heuristicReason == .branchLimitReached(branchNodes: 50) })
        #expect(stopped.index >= exact.index && stopped.indexLowerBound <= exact.index)

        #expect(throws: AnalysisError.self) { try FrustrationIndex(method: .exact, branchLimit: 50).run(on: g) }
    }

    @Test func deterministicAndRelabellingInvariant() throws {
        var rng = SeededRandom(seed: 11)
        let n = 90
        let ties = FrustrationFixtures.randomTies(actors: n, density: 0.06, weighted: true, rng: &rng)
        let g = try FrustrationFixtures.graph(actors: n, ties: ties)
        let first = try FrustrationIndex().run(on: g)
        #expect(first.method == .heuristic)   // its largest block is above the exact limit
        #expect(try FrustrationIndex().run(on: g) == first)

        // Relabelled, the exact values stay (the split is canonical for its own numbering).
        let small = FrustrationFixtures.randomTies(actors: 30, density: 0.25, weighted: true, rng: &rng)
        let permutation = (0..<30).shuffled(using: &rng)
        let a = try FrustrationIndex().run(on: FrustrationFixtures.graph(actors: 30, ties: small))
        let b = try FrustrationIndex().run(on: FrustrationFixtures.graph(
            actors: 30, ties: small.map { (permutation[$0.u], permutation[$0.v], $0.sign, $0.weight) }))
        #expect(a.method == .exact && b.method == .exact)
        #expect(a.index == b.index && close(a.weightedIndex, b.weightedIndex))
    }

    /// A large, sparse network (planted camps, 5% of signs flipped): solved by local search,
    /// no worse than the planted split, with a lower bound close below.
    @Test func largeSparseNetwork() throws {
        var rng = SeededRandom(seed: 1999)
        let n = 1500
        let camp = (0..<n).map { _ in Int.random(in: 0...1, using: &rng) }
        var seen = Set<Int>()
        var ties: [FrustrationFixtures.Tie] = []
        while ties.count < 6000 {
            let (u, v) = (Int.random(in: 0..<n, using: &rng), Int.random(in: 0..<n, using: &rng))
            guard u != v, seen.insert(min(u, v) * n + max(u, v)).inserted else { continue }
            var sign: Int8 = camp[u] == camp[v] ? 1 : -1
            if Double.random(in: 0..<1, using: &rng) < 0.05 { sign = -sign }
            ties.append((min(u, v), max(u, v), sign, 1))
        }
        let g = try FrustrationFixtures.graph(actors: n, ties: ties)
        let planted = Check.cost(g, camp, weighted: false)
        let r = try FrustrationIndex(restarts: 2).run(on: g)
        #expect(r.method == .heuristic)
        #expect(Double(r.index) <= planted)
        #expect(r.indexLowerBound <= r.index && Double(r.indexLowerBound) >= 0.9 * Double(r.index))
        #expect(r.unweighted.description == "L ≤ \(r.index) (heuristic; lower bound \(r.indexLowerBound))"
                || r.unweighted.isOptimal)
        Check.consistent(r.unweighted, on: g)
    }
}
