import ActorNetCore
import ActorNetTestSupport
import Testing

/// Properties every centrality measure must have, over many seeded random networks with
/// parallel relations, mixed directions and isolated actors.
@Suite struct CentralityPropertyTests {
    static let options: MetricOptions = {
        var o = MetricOptions()
        o.katzAlpha = 0.01
        return o
    }()

    /// The same network with its actors (and relations) in another order.
    static func shuffled(_ network: Network, seed: UInt64) -> Network {
        var rng = SeededRandom(seed: seed)
        return try! Network(actors: network.actors.shuffled(using: &rng), kinds: Array(network.kinds.dropFirst(4)),
                            relations: network.relations.shuffled(using: &rng))
    }

    @Test(arguments: 0..<12)
    func relabellingChangesNoScore(seed: Int) throws {
        let network = RandomNetworks.make(actors: 12 + seed, relations: 30 + 3 * seed, seed: UInt64(seed))
        let other = Self.shuffled(network, seed: UInt64(1000 + seed))
        for direction in DirectionTreatment.allCases {
            let filter = ViewFilter(sign: .positive, direction: direction)
            let a = try NetworkView(network, filter: filter), b = try NetworkView(other, filter: filter)
            for metric in Metric.allCases {
                let x = try? metric.compute(on: a, options: Self.options)
                let y = try? metric.compute(on: b, options: Self.options)
                // HITS may not converge on unlucky structures; then it must fail for both orders.
                #expect((x == nil) == (y == nil), "\(metric) converged for one order only")
                guard let x, let y else { continue }
                for (id, value) in zip(x.actorIDs, x.values) {
                    let tolerance = metric.isIterative ? 1e-6 : 1e-9
                    #expect(abs(value - y[id]!) <= tolerance * max(1, abs(value)), "\(metric) \(id) seed \(seed) \(direction)")
                }
            }
        }
    }

    @Test(arguments: 0..<10)
    func basicIdentities(seed: Int) throws {
        let network = RandomNetworks.make(actors: 15, relations: 40, seed: UInt64(seed))
        let view = try NetworkView(network, filter: ViewFilter(direction: .asDeclared))
        let d = DegreeStrength().run(on: view)
        // Σ out-degree = Σ in-degree = arcs; Σ degree = 2 × relations; strength splits by sign.
        #expect(d.rows.map(\.outDegree).reduce(0, +) == view.arcCount)
        #expect(d.rows.map(\.inDegree).reduce(0, +) == view.arcCount)
        #expect(d.rows.map(\.degree).reduce(0, +) == 2 * view.edgeCount)
        for row in d.rows {
            #expect(row.degree == row.positiveDegree + row.negativeDegree)
            #expect(abs(row.strength - row.positiveStrength - row.negativeStrength) < 1e-9)
            #expect(row.byKind.values.reduce(0, +) == row.degree)
        }
        // PageRank is a distribution; personalised PageRank with all weight on one actor too.
        let pr = try PageRank().run(on: view)
        #expect(abs(pr.values.reduce(0, +) - 1) < 1e-9)
        #expect(pr.values.allSatisfy { $0 > 0 })
        let personal = try PageRank(personalization: ["A0": 1]).run(on: view)
        #expect(abs(personal.values.reduce(0, +) - 1) < 1e-9)
        // Eigenvector has unit length; betweenness is ≥ 0 and normalised betweenness ≤ 1.
        let ev = try Eigenvector().run(on: try view.filtered(ViewFilter(direction: .undirected)))
        #expect(abs(ev.values.map { $0 * $0 }.reduce(0, +) - 1) < 1e-9)
        let b = Betweenness().run(on: view)
        #expect(b.values.allSatisfy { $0 >= 0 && $0 <= 1 + 1e-12 })
        // Closeness and harmonic are 0 exactly for actors nobody reaches.
        let c = Closeness().run(on: view), h = Harmonic().run(on: view)
        for v in 0..<view.nodeCount where view.inDegree(of: v) == 0 {
            #expect(c.values[v] == 0 && h.values[v] == 0)
        }
    }

    @Test func strongerTiesAreShorterByDefault() throws {
        // A–B–C strongly (weight 5) and A–C weakly (weight 1): with distance 1/weight the path
        // through B (0.4) beats the direct tie (1), so B lies between A and C.
        let network = try Network(actors: ["A", "B", "C"].map { ActorNode(id: $0) }, relations: [
            Relation(id: "ab", source: "A", target: "B", kind: "cooperation", weight: 5),
            Relation(id: "bc", source: "B", target: "C", kind: "cooperation", weight: 5),
            Relation(id: "ac", source: "A", target: "C", kind: "cooperation", weight: 1),
        ])
        let view = try NetworkView(network)
        #expect(Betweenness(distance: .inverse).run(on: view)["B"] == 1)
        #expect(Betweenness(distance: .weight).run(on: view)["B"] == 0)
        #expect(Betweenness(distance: .unit).run(on: view)["B"] == 0)
    }

    @Test func parallelRelationsAreOneLinkForPathsAndAddUpForSpectralMeasures() throws {
        // A–B twice (weights 1 and 4), B–C once.
        let network = try Network(actors: ["A", "B", "C"].map { ActorNode(id: $0) }, relations: [
            Relation(id: "ab1", source: "A", target: "B", kind: "cooperation", weight: 1),
            Relation(id: "ab2", source: "A", target: "B", kind: "cooperation", weight: 4),
            Relation(id: "bc", source: "B", target: "C", kind: "cooperation", weight: 1),
        ])
        let view = try NetworkView(network)
        let raw = Betweenness(normalized: false, distance: .unit).run(on: view)
        #expect(raw["B"] == 1)   // one shortest A–C path, not two
        #expect(Closeness(distance: .inverse).run(on: view)["A"]! == 2 / (0.25 + 1.25))
        let d = DegreeStrength().run(on: view)
        #expect(d.rows[0].degree == 2 && d.rows[0].strength == 5)
        // PageRank from B splits 5 : 1 between A and C.
        let edges = EdgeBetweenness(normalized: false, distance: .unit).run(on: view)
        #expect(edges.entries.count == 2)
    }

    @Test func degenerateViews() throws {
        let empty = try Network(actors: [], relations: [])
        let emptyView = try NetworkView(empty)
        #expect(Betweenness().run(on: emptyView).values.isEmpty)
        #expect(throws: AnalysisError.self) { try PageRank().run(on: emptyView) }
        let single = try NetworkView(try Network(actors: [ActorNode(id: "A")], relations: []))
        for metric in Metric.allCases {
            let s = try metric.compute(on: single)
            #expect(s.values.count == 1)
            #expect(s.values.allSatisfy { $0.isFinite }, "\(metric) gives \(s.values) for a single actor")
        }
        // A negative-only view under the default positive filter has no edges: every actor is
        // isolated, scores are finite (and zero for path measures).
        let rivals = try Network(actors: ["A", "B"].map { ActorNode(id: $0) },
                                 relations: [Relation(id: "r", source: "A", target: "B", kind: "rivalry")])
        let positive = try NetworkView(rivals, filter: .positiveUndirected)
        #expect(positive.edgeCount == 0)
        for metric in Metric.allCases {
            do {
                let s = try metric.compute(on: positive)
                #expect(s.values.allSatisfy { $0.isFinite }, "\(metric)")
            } catch {
                // PN is undefined for two actors joined by a negative tie (signed measures read
                // both signs): a clear error, not a number.
                #expect([.pn, .pnIn, .pnOut].contains(metric), "\(metric): \(error)")
                #expect(error.description.contains("singular"))
            }
        }
    }

    @Test func nonConvergenceIsAnErrorWithTheIterationCount() throws {
        let network = RandomNetworks.make(actors: 20, relations: 80, seed: 3)
        let view = try NetworkView(network, filter: .positiveUndirected)
        do {
            _ = try Katz(alpha: 5).run(on: view)
            Issue.record("Katz with α far above 1/λ_max must not converge")
        } catch {
            #expect(error.description.contains("did not converge within 10000 iterations"))
        }
        do {
            _ = try PageRank(iteration: Iteration(maxIterations: 2, tolerance: 1e-15)).run(on: view)
            Issue.record("2 iterations cannot reach 1e-15")
        } catch {
            // (A `catch let AnalysisError.notConverged(…)` pattern crashes the 6.3.1 compiler.)
            #expect(error == AnalysisError.notConverged(measure: "pagerank", iterations: 2, tolerance: 1e-15))
        }
    }

    @Test func metricNamesAreCheckedWithSuggestions() {
        guard case let .failure(error) = Metric.parseList("degree,betweeness") else {
            Issue.record("expected an error")
            return
        }
        #expect(error.description.contains("unknown metric 'betweeness'; did you mean 'betweenness'?"))
        #expect(error.description.contains("valid metrics: degree, strength"))
        #expect((try? Metric.parseList(" pagerank , katz,pagerank").get()) == [.pagerank, .katz])
    }
}
