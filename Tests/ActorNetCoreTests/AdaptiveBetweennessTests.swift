@testable import ActorNetCore
import ActorNetTestSupport
import Foundation
import Testing

/// Approximate betweenness by adaptive path sampling (KADABRA): within its stated bound in at
/// least 95 of 100 seeded runs on the reference networks and on random ones, exact paths drawn
/// uniformly, deterministic for a seed, and saying what it is.
@Suite struct AdaptiveBetweennessTests {
    static func paths(epsilon: Double, delta: Double = 0.1, seed: UInt64) throws -> BetweennessSampling {
        try BetweennessSampling(epsilon: epsilon, delta: delta, seed: seed, method: .paths)
    }

    /// Runs (of 100 seeds) whose largest error against exact betweenness exceeds ε.
    static func misses(_ view: NetworkView, epsilon: Double, distance: Distance, endpoints: Bool = false,
                       normalized: Bool = true) throws -> (misses: Int, worst: Double) {
        let exact = Betweenness(normalized: normalized, endpoints: endpoints, distance: distance).run(on: view).values
        let n = Double(view.nodeCount)
        // The bound in the output's units (raw values scale with the pairs).
        let unit = normalized ? 1 : Betweenness.scale(n: Int(n), normalized: false, directed: PathGraph(view, distance: distance).directed, endpoints: endpoints)
            / Betweenness.scale(n: Int(n), normalized: true, directed: PathGraph(view, distance: distance).directed, endpoints: endpoints)
        var misses = 0, worst = 0.0
        for seed in UInt64(1)...100 {
            var approximate = Betweenness(normalized: normalized, endpoints: endpoints, distance: distance)
            approximate.sampling = try paths(epsilon: epsilon, seed: seed)
            let estimate = approximate.run(on: view).values
            let error = zip(exact, estimate).map { abs($0 - $1) }.max() ?? 0
            worst = max(worst, error / unit)
            if error > epsilon * unit { misses += 1 }
        }
        return (misses, worst)
    }

    @Test(arguments: ReferenceCentralityTests.caseNames)
    func referenceNetworksWithinTheBound(caseName: String) throws {
        let c = try #require(ReferenceCentralityTests.document.cases.first { $0.name == caseName })
        let view = try NetworkView(c.network)
        guard view.nodeCount > 3 else { return }
        // Hop counts everywhere; strengths as lengths too on Florentine (weighted networks
        // sample with Dijkstra, the slower sampler: one network is enough here).
        for distance in caseName == "florentine" ? [Distance.unit, .inverse] : [.unit] {
            let (misses, worst) = try Self.misses(view, epsilon: 0.1, distance: distance)
            #expect(misses <= 5, "\(caseName) \(distance): \(misses) of 100 runs off by more than 0.1 (worst \(worst))")
        }
    }

    @Test(arguments: [(UInt64(31), false, Distance.unit), (34, true, .inverse)])
    func randomNetworksWithinTheBound(seed: UInt64, directed: Bool, distance: Distance) throws {
        let view = try ParallelBetweennessTests.view(seed, actors: 100, relations: 300, directed: directed)
        let (misses, worst) = try Self.misses(view, epsilon: 0.05, distance: distance)
        #expect(misses <= 5, "\(misses) of 100 runs off by more than 0.05 (worst \(worst))")
    }

    @Test func endpointsAndRawValuesKeepTheirBounds() throws {
        let view = try ParallelBetweennessTests.view(35, actors: 80, relations: 200)
        let withEndpoints = try Self.misses(view, epsilon: 0.08, distance: .unit, endpoints: true)
        #expect(withEndpoints.misses <= 5, "endpoints: worst \(withEndpoints.worst)")
        let raw = try Self.misses(view, epsilon: 0.08, distance: .unit, normalized: false)
        #expect(raw.misses <= 5, "raw: worst \(raw.worst)")
    }

    @Test func deterministicForTheSeedAndSaysWhatItIs() throws {
        let view = try ParallelBetweennessTests.view(36, actors: 400, relations: 1_600)
        var approximate = Betweenness(distance: .unit)
        approximate.sampling = try Self.paths(epsilon: 0.02, seed: 9)
        let a = approximate.run(on: view), b = approximate.run(on: view)
        #expect(a.values == b.values)
        #expect(a.measure.hasPrefix("approximate betweenness"))
        #expect(a.measure.contains("adaptive path sampling (KADABRA)"))
        #expect(a.measure.contains("seed 9"))
        #expect(a.measure.contains("±0.02 with probability ≥ 0.9"))
        approximate.sampling = try Self.paths(epsilon: 0.02, seed: 10)
        #expect(approximate.run(on: view).values != a.values)
    }

    /// The same seed gives the same values on one thread or several (hop counts and weighted
    /// paths): the streams, not the threads, decide which sample comes from where.
    @Test func theSameWhateverTheThreads() throws {
        let view = try ParallelBetweennessTests.view(38, actors: 600, relations: 2_400)
        for distance in [Distance.unit, .inverse] {
            var results: [[Double]] = []
            for threads in [1, 2, 3, 8] {
                var measure = Betweenness(distance: distance, threads: threads)
                measure.sampling = try Self.paths(epsilon: 0.03, seed: 5)
                results.append(measure.run(on: view).values)
            }
            #expect(results.allSatisfy { $0 == results[0] }, "\(distance)")
            #expect(results[0].contains { $0 > 0 })
        }
    }

    /// `auto` computes exactly where that is cheap and the source sample would take every actor
    /// anyway, and samples paths everywhere else; the explicit methods stay as asked.
    @Test func automaticChoosesExactOnlyOnSmallNetworks() throws {
        let automatic = try BetweennessSampling(epsilon: 0.01, delta: 0.1, seed: 1, method: .automatic)
        #expect(automatic.resolved(actors: 24, links: 160) == .sources)
        #expect(automatic.resolved(actors: 1_000, links: 6_600) == .sources)
        #expect(automatic.resolved(actors: 10_000, links: 67_000) == .paths)  // exact work 6.7e8
        #expect(automatic.resolved(actors: 1_000_000, links: 2_000_000) == .paths)  // sample below n
        let loose = try BetweennessSampling(epsilon: 0.3, delta: 0.1, seed: 1, method: .automatic)
        #expect(loose.resolved(actors: 1_000, links: 6_600) == .paths)  // 56 sources would do
        for method in [BetweennessSampling.Method.sources, .paths] {
            let fixed = try BetweennessSampling(epsilon: 0.01, delta: 0.1, seed: 1, method: method)
            #expect(fixed.resolved(actors: 24, links: 160) == method)
            #expect(fixed.resolved(actors: 10_000, links: 67_000) == method)
        }
    }

    /// The adaptive rule stops well before the worst-case sample size on a network where most
    /// actors have small betweenness, and never takes more.
    @Test func stopsBeforeTheWorstCase() throws {
        let view = try ParallelBetweennessTests.view(37, actors: 2_000, relations: 8_000)
        let graph = PathGraph(view, distance: .unit)
        let outcome = AdaptiveBetweenness(lambda: 0.01, delta: 0.1, seed: 1, endpoints: false)
            .run(graph: graph, weighted: false, progress: nil)
        #expect(outcome.samples <= outcome.omega)
        #expect(outcome.samples < outcome.omega / 2, "\(outcome.samples) of \(outcome.omega)")
    }

    /// On a 4-cycle 0–1–2–3–0 there are two shortest paths between opposite actors (0–1–2 and
    /// 0–3–2): the sampler, bidirectional and weighted, takes each half the time.
    @Test func pathsAreDrawnUniformly() throws {
        let actors = (0..<4).map { ActorNode(id: "\($0)") }
        let relations = [(0, 1), (1, 2), (2, 3), (3, 0)].enumerated().map { i, e in
            Relation(id: "r\(i)", source: "\(e.0)", target: "\(e.1)", kind: "cooperation", weight: 1)
        }
        let view = try NetworkView(try Network(actors: actors, relations: relations))
        let graph = PathGraph(view, distance: .unit)
        let sampler = PathSampler(graph: graph, weighted: false, components: WeakComponents(graph).of)
        var random = Xoshiro256StarStar(seed: 3)
        var counts = [Double](repeating: 0, count: 4)
        let samples = 120_000
        for _ in 0..<samples { sampler.sample(&random, endpoints: false) { counts[$0] += 1 } }
        // b(v) = 1/(n(n − 1)) Σ σ_st(v)/σ_st = (2 ordered pairs × 1/2) / 12 = 1/12.
        for v in 0..<4 { #expect(abs(counts[v] / Double(samples) - 1.0 / 12) < 0.005, "actor \(v): \(counts[v])") }
        let weighted = PathSampler(graph: graph, weighted: true, components: WeakComponents(graph).of)
        counts = [Double](repeating: 0, count: 4)
        for _ in 0..<samples { weighted.sample(&random, endpoints: false) { counts[$0] += 1 } }
        for v in 0..<4 { #expect(abs(counts[v] / Double(samples) - 1.0 / 12) < 0.005, "weighted, actor \(v): \(counts[v])") }
    }

    /// The weighted sampler (Dijkstra from both ends) against the one-sided exact search, on
    /// every ordered pair of small random networks whose strengths 1, 2, 3 and 6 make tied
    /// lengths (1/3 + 1/6 = 1/2): it finds a path exactly when there is one, counts the same
    /// number of shortest paths, and the path it draws is one of them.
    @Test(arguments: [(UInt64(41), false), (42, true), (43, false), (44, true)])
    func weightedPathsMatchTheExactSearch(seed: UInt64, directed: Bool) throws {
        var random = Xoshiro256StarStar(seed: seed)
        let n = 40
        let actors = (0..<n).map { ActorNode(id: "a\($0)") }
        let strengths = [1.0, 2, 3, 6]
        let relations = (0..<110).map { i in
            let a = random.nextInt(below: n)
            var b = random.nextInt(below: n - 1)
            if b >= a { b += 1 }
            return Relation(id: "r\(i)", source: "a\(a)", target: "a\(b)", kind: "cooperation",
                            weight: strengths[random.nextInt(below: strengths.count)], direction: .directed)
        }
        let view = try NetworkView(try Network(actors: actors, relations: relations),
                                   filter: ViewFilter(direction: directed ? .asDeclared : .undirected))
        let graph = PathGraph(view, distance: .inverse)
        #expect(graph.directed == directed)
        var length: [Int: Double] = [:]
        for v in 0..<n { for l in graph.offsets[v]..<graph.offsets[v + 1] { length[v * n + Int(graph.heads[l])] = graph.lengths[l] } }
        let exact = ShortestPathCounter(graph: graph, weighted: true)
        let sampler = PathSampler(graph: graph, weighted: true, components: WeakComponents(graph).of)
        var tied = 0
        for s in 0..<n {
            exact.run(from: s)
            for t in 0..<n where t != s {
                let d = exact.distance(of: t)
                let found = sampler.draw(from: s, to: t, &random)
                #expect(found == (d < .infinity), "\(s)→\(t)")
                guard found, d < .infinity else { continue }
                #expect(sampler.shortestPaths == exact.sigma[t], "\(s)→\(t): \(sampler.shortestPaths) paths, exact \(exact.sigma[t])")
                if exact.sigma[t] > 1 { tied += 1 }
                // The inner nodes, ordered by their distance from s, make a path of length d.
                let inner = sampler.inner.sorted { exact.distance(of: $0) < exact.distance(of: $1) }
                let stops = [s] + inner + [t]
                var total = 0.0
                for (a, b) in zip(stops, stops.dropFirst()) {
                    let link = try #require(length[a * n + b], "\(s)→\(t): no link \(a)→\(b) in \(stops)")
                    total += link
                }
                #expect(abs(total - d) <= 1e-9 * d, "\(s)→\(t): drawn path \(stops) is \(total) long, shortest \(d)")
            }
        }
        #expect(tied > 0, "no pair with tied shortest paths: the test checks less than it says")
    }

    @Test func vertexDiameterBoundsEveryShortestPath() throws {
        // A path of 7 actors: 7 on its longest shortest path; plus an isolated pair.
        let actors = (0..<9).map { ActorNode(id: "\($0)") }
        let relations = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (7, 8)].enumerated().map { i, e in
            Relation(id: "r\(i)", source: "\(e.0)", target: "\(e.1)", kind: "cooperation", weight: 1)
        }
        let view = try NetworkView(try Network(actors: actors, relations: relations))
        let graph = PathGraph(view, distance: .unit)
        let components = WeakComponents(graph)
        #expect(components.largest == 7)
        let bound = AdaptiveBetweenness.undirectedVertexDiameter(graph, components)
        #expect(bound >= 7 && bound <= 7)
    }
}
