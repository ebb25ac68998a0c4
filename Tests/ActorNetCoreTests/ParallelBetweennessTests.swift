@testable import ActorNetCore
import ActorNetTestSupport
import Foundation
import Testing

/// Parallel path measures agree with the plain sequential sum, do not depend on the number of
/// threads, and approximate betweenness keeps its stated bound.
@Suite struct ParallelBetweennessTests {
    static func view(_ seed: UInt64, actors: Int = 300, relations: Int = 1_200, directed: Bool = false) throws -> NetworkView {
        let network = RandomNetworks.make(actors: actors, relations: relations, seed: seed)
        return try NetworkView(network, filter: ViewFilter(sign: .positive, direction: directed ? .asDeclared : .undirected))
    }

    static func maxRelativeGap(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) / max(1e-300, max(abs($0), abs($1))) }.filter { $0.isFinite }.max() ?? 0
    }

    @Test(arguments: [(UInt64(1), Distance.unit, false), (2, .inverse, false), (3, .weight, true), (4, .inverse, true)])
    func parallelEqualsSequentialTo1e12(seed: UInt64, distance: Distance, directed: Bool) throws {
        let view = try Self.view(seed, directed: directed)
        for endpoints in [false, true] {
            var sequential = Betweenness(endpoints: endpoints, distance: distance, threads: 1)
            sequential.partitions = 1
            var parallel = Betweenness(endpoints: endpoints, distance: distance, threads: 4)
            parallel.partitions = 64
            let a = sequential.run(on: view).values, b = parallel.run(on: view).values
            #expect(Self.maxRelativeGap(a, b) <= 1e-12, "seed \(seed) \(distance) endpoints \(endpoints)")
            #expect(a.contains { $0 > 0 })
        }
        var sequentialEdges = EdgeBetweenness(distance: distance, threads: 1)
        sequentialEdges.partitions = 1
        let edgesA = sequentialEdges.run(on: view).entries.map(\.value)
        let edgesB = EdgeBetweenness(distance: distance, threads: 3).run(on: view).entries.map(\.value)
        #expect(Self.maxRelativeGap(edgesA, edgesB) <= 1e-12)
    }

    /// PageRank's rows split among threads give the same scores, to the last bit, on 1 to 4
    /// threads, and on the one-thread path that small networks take (undirected and directed).
    @Test(arguments: [false, true])
    func pageRankDoesNotDependOnTheNumberOfThreads(directed: Bool) throws {
        // Directed, each positive relation is one link: twice the relations for as many blocks.
        let view = try Self.view(9, actors: 5_000, relations: directed ? 80_000 : 40_000, directed: directed)
        #expect(RowBlocks(rows: WeightedAdjacency(view, weighted: true).inOffsets, count: view.nodeCount).count > 1)
        let small = try PageRank().run(on: view).values
        for threads in 1...4 {
            var measure = PageRank(threads: threads)
            measure.minimumParallelLinks = 0
            #expect(try measure.run(on: view).values == small, "\(threads) threads")
        }
        #expect(abs(small.reduce(0, +) - 1) < 1e-9)
    }

    @Test func scoresDoNotDependOnTheNumberOfThreads() throws {
        let view = try Self.view(7, actors: 500, relations: 2_000)
        let one = Betweenness(threads: 1).run(on: view).values
        let hops = Betweenness(distance: .unit, threads: 1).run(on: view).values
        let directed = try Self.view(9, actors: 500, relations: 2_000, directed: true)
        let directedHops = Betweenness(distance: .unit, threads: 1).run(on: directed).values
        let edges = EdgeBetweenness(distance: .unit, threads: 1).run(on: view).entries
        for threads in [2, 3, 8] {
            // Classes are taken dynamically by whichever worker is free; rows stay per class.
            #expect(Betweenness(threads: threads).run(on: view).values == one, "threads \(threads)")
            #expect(Betweenness(distance: .unit, threads: threads).run(on: view).values == hops, "threads \(threads)")
            #expect(Betweenness(distance: .unit, threads: threads).run(on: directed).values == directedHops)
            #expect(EdgeBetweenness(distance: .unit, threads: threads).run(on: view).entries == edges)
        }
        let closeness = Closeness(threads: 1).run(on: view).values
        #expect(Closeness(threads: 4).run(on: view).values == closeness)
        let harmonic = Harmonic(distance: .unit, threads: 1).run(on: view).values
        #expect(Harmonic(distance: .unit, threads: 3).run(on: view).values == harmonic)
    }

    @Test func progressIsReportedUpToTheTotal() throws {
        let view = try Self.view(8, actors: 400, relations: 1_500)
        final class Log: @unchecked Sendable {
            let lock = NSLock()
            var calls: [(Int, Int)] = []
            func add(_ done: Int, _ total: Int) { lock.lock(); calls.append((done, total)); lock.unlock() }
        }
        let log = Log()
        _ = Betweenness(threads: 2).run(on: view, progress: { log.add($0, $1) })
        #expect(log.calls.count >= 2)
        #expect(log.calls.allSatisfy { $0.1 == 400 && $0.0 <= 400 })
        #expect(log.calls.last.map { $0.0 == 400 } == true)
    }

    // MARK: Approximate betweenness

    @Test func sampleSizeFollowsTheHoeffdingBound() throws {
        let s = try BetweennessSampling(epsilon: 0.05, delta: 0.1)
        // (n/(n−1))² ln(2n/δ) / (2ε²) for n = 10 000.
        let n = 10_000.0
        let expected = Int(((n / (n - 1)) * (n / (n - 1)) * log(2 * n / 0.1) / (2 * 0.05 * 0.05)).rounded(.up))
        #expect(s.sampleSize(actors: 10_000) == expected)
        #expect(s.sampleSize(actors: 100) == 100)  // the bound needs more sources than there are
        // A bound outside (0, 1) is refused, never silently computed exactly.
        #expect(throws: BetweennessSampling.OutOfRange(parameter: "epsilon", value: 0)) { try BetweennessSampling(epsilon: 0) }
        #expect(throws: BetweennessSampling.OutOfRange(parameter: "epsilon", value: 1.5)) { try BetweennessSampling(epsilon: 1.5) }
        #expect(throws: BetweennessSampling.OutOfRange(parameter: "delta", value: 1)) { try BetweennessSampling(delta: 1) }
        #expect(throws: BetweennessSampling.OutOfRange.self) { try BetweennessSampling(epsilon: .nan) }
    }

    @Test(arguments: [UInt64(11), 12, 13, 14])
    func approximateIsWithinItsStatedBound(seed: UInt64) throws {
        let view = try Self.view(seed, actors: 3_000, relations: 9_000, directed: seed % 2 == 0)
        let exact = Betweenness(distance: .unit).run(on: view)
        var approximate = Betweenness(distance: .unit)
        approximate.sampling = try BetweennessSampling(epsilon: 0.05, delta: 0.1, seed: seed)
        let k = try #require(approximate.sampling).sampleSize(actors: 3_000)
        #expect(k < 3_000)
        let estimate = approximate.run(on: view)
        let worst = zip(exact.values, estimate.values).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= 0.05, "largest error \(worst)")
        #expect(estimate.values != exact.values)  // it really sampled
        #expect(estimate.measure.hasPrefix("approximate betweenness"))
        #expect(estimate.measure.contains("\(k) of 3000 sources sampled"))
        #expect(estimate.measure.contains("±0.05 with probability ≥ 0.9"))
        // Deterministic for the seed.
        #expect(approximate.run(on: view).values == estimate.values)
    }

    @Test func approximateOnASmallNetworkIsExact() throws {
        let view = try Self.view(21, actors: 60, relations: 200)
        var approximate = Betweenness()
        approximate.sampling = try BetweennessSampling(epsilon: 0.1, delta: 0.1)
        let result = approximate.run(on: view)
        #expect(result.values == Betweenness().run(on: view).values)
        #expect(!result.measure.contains("approximate"))
    }

    @Test func rawApproximateStatesTheBoundInRawUnits() throws {
        let view = try Self.view(22, actors: 3_000, relations: 9_000)
        var approximate = Betweenness(normalized: false, distance: .unit)
        approximate.sampling = try BetweennessSampling(epsilon: 0.05, delta: 0.1)
        // Undirected raw = normalised × (n − 1)(n − 2) / 2.
        let bound = 0.05 * 2999 * 2998 / 2
        #expect(approximate.run(on: view).measure.contains("±\(String(format: "%.3g", bound))"))
    }
}
