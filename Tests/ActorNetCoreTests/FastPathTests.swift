@testable import ActorNetCore
import ActorNetTestSupport
import Testing

/// The data structures and fast paths behind the centrality measures, each against a plain
/// reference on seeded random input.
@Suite struct FastPathTests {
    /// Pushes, key decreases and pops in a random interleaving; every pop must give the least
    /// (key, node) of a plain reference set.
    @Test(arguments: 0..<20)
    func indexedHeapPopsInSortedOrder(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let capacity = Int.random(in: 1...300, using: &rng)
        var heap = IndexedHeap(capacity: capacity)
        defer { heap.deallocate() }
        var reference: [Int: Double] = [:]
        var popped: [(Int, Double)] = [], expected: [(Int, Double)] = []
        // Few distinct keys, so ties (broken by node index) are common.
        func randomKey() -> Double { Double(Int.random(in: 0..<20, using: &rng)) / 4 }
        for _ in 0..<(capacity * 4) {
            let action = Int.random(in: 0..<3, using: &rng)
            let node = Int.random(in: 0..<capacity, using: &rng)
            if action == 0, reference[node] == nil {
                let key = randomKey()
                heap.push(node, key: key)
                reference[node] = key
            } else if action == 1, let old = reference[node] {
                let key = old - Double(Int.random(in: 0...3, using: &rng)) / 4
                heap.decrease(node, key: key)
                reference[node] = key
            } else if action == 2, !reference.isEmpty {
                let least = reference.min { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }!
                expected.append((least.key, least.value))
                reference[least.key] = nil
                let top = heap.popMin()
                popped.append((top.node, top.key))
                #expect(!heap.contains(top.node))
            }
            #expect(heap.count == reference.count)
            for (node, _) in reference { #expect(heap.contains(node)) }
        }
        while !heap.isEmpty {
            let top = heap.popMin()
            popped.append((top.node, top.key))
        }
        expected += reference.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        #expect(popped.map(\.0) == expected.map(\.0), "seed \(seed)")
        #expect(popped.map(\.1) == expected.map(\.1), "seed \(seed)")
    }

    /// Dijkstra with distance buckets finds what it finds with the heap: the same nodes at the
    /// same distances (to rounding), the same path counts and predecessors, and an order in
    /// which every node follows its predecessors — on random networks (lengths 1/weight and
    /// weight, undirected and as declared, with parallel relations and isolated actors) and on
    /// a graph built for ties (1/3 + 1/6 against 1/2).
    @Test(arguments: 0..<10)
    func bucketSearchesEqualHeapSearches(seed: UInt64) throws {
        var graphs: [PathGraph] = []
        let network = RandomNetworks.make(actors: 60, relations: 220, seed: seed)
        for filter in [ViewFilter(sign: .positive, direction: .undirected), ViewFilter(direction: .asDeclared)] {
            let view = try NetworkView(network, filter: filter)
            graphs += [PathGraph(view, distance: .inverse), PathGraph(view, distance: .weight)]
        }
        graphs.append(PathGraph(try NetworkView(Self.tieNetwork(seed: seed), filter: ViewFilter(direction: .undirected)),
                                distance: .inverse))
        for graph in graphs {
            let buckets = ShortestPathCounter(graph: graph, weighted: true)
            let heap = ShortestPathCounter(graph: graph, weighted: true, frontier: .heap)
            #expect(buckets.usesBuckets && !heap.usesBuckets)
            for s in 0..<graph.nodeCount {
                buckets.run(from: s)
                heap.run(from: s)
                #expect(Set(buckets.order) == Set(heap.order), "seed \(seed) source \(s)")
                var position = [Int: Int]()
                for (i, v) in buckets.order.enumerated() { position[Int(v)] = i }
                for v in heap.order.map(Int.init) {
                    let (a, b) = (buckets.distance(of: v), heap.distance(of: v))
                    #expect(abs(a - b) <= 1e-12 * max(a, b), "seed \(seed) source \(s) node \(v)")
                    #expect(buckets.sigma[v] == heap.sigma[v], "seed \(seed) source \(s) node \(v)")
                    func predecessors(_ c: ShortestPathCounter) -> Set<Int32> {
                        Set((0..<Int(c.predCount[v])).map { c.predLinks[c.predStart[v] + $0] })
                    }
                    #expect(predecessors(buckets) == predecessors(heap), "seed \(seed) source \(s) node \(v)")
                    for link in predecessors(buckets) {
                        #expect(position[Int(graph.tails[Int(link)])]! < position[v]!)
                    }
                }
            }
        }
    }

    /// Lengths 1/1, 1/2, 1/3 and 1/6 at random: two-link paths of 1/3 + 1/6 tie with one of 1/2
    /// only up to rounding.
    static func tieNetwork(seed: UInt64) -> Network {
        var rng = SeededRandom(seed: seed)
        let actors = (0..<30).map { ActorNode(id: "A\($0)") }
        let relations = (0..<90).compactMap { i -> Relation? in
            let s = Int.random(in: 0..<30, using: &rng), t = Int.random(in: 0..<30, using: &rng)
            guard s != t else { return nil }
            return Relation(id: "r\(i)", source: "A\(s)", target: "A\(t)", kind: "cooperation",
                            weight: [1.0, 2, 3, 6].randomElement(using: &rng)!)
        }
        return try! Network(actors: actors, relations: relations)
    }

    /// Buckets are used only when the ring they need is small enough; lengths spanning a wider
    /// range, zero or infinite lengths, and hop counts use the heap.
    @Test func bucketsAreUsedOnlyWhereTheyApply() {
        func applies(_ minLength: Double, _ maxLength: Double) -> Bool {
            guard let buckets = DistanceBuckets(minLength: minLength, maxLength: maxLength, nodes: 10, capacity: 10) else { return false }
            buckets.deallocate()
            return true
        }
        #expect(applies(0.2, 2))
        #expect(applies(1, 32_000))
        #expect(!applies(1, 40_000))
        #expect(!applies(0, 2))
        #expect(!applies(1, .infinity))
        // Distances up to 1e9 bucket widths: links into settled nodes need no test below that.
        let small = DistanceBuckets(minLength: 1, maxLength: 10, nodes: 1000, capacity: 10)!
        let wide = DistanceBuckets(minLength: 1, maxLength: 1000, nodes: 1_000_000, capacity: 10)!
        #expect(!small.linksIntoSettledNodesMayTie && wide.linksIntoSettledNodesMayTie)
        small.deallocate()
        wide.deallocate()
    }

    /// The degree columns equal a row-by-row count with a dictionary per actor (the obvious
    /// implementation), on random networks, views both undirected and as declared, any sign.
    @Test(arguments: 0..<8)
    func degreeColumnsEqualTheDictionaryCount(seed: UInt64) throws {
        let network = RandomNetworks.make(actors: 40, relations: 160, seed: seed)
        for filter in [ViewFilter(direction: .asDeclared), ViewFilter(direction: .undirected),
                       ViewFilter(sign: .positive, direction: .asDeclared)] {
            let view = try NetworkView(network, filter: filter)
            let result = DegreeStrength().run(on: view)
            let expected = Self.dictionaryDegrees(view)
            #expect(result.rows == expected, "seed \(seed) \(filter)")
            for column in DegreeStrength.Column.allCases {
                #expect(result.values(column) == expected.map { column.value(of: $0) }, "\(column) seed \(seed)")
            }
        }
    }

    /// Degree and strength relation by relation, with each row's kinds in a dictionary.
    static func dictionaryDegrees(_ view: NetworkView) -> [DegreeStrength.Row] {
        var rows = view.network.actors.map { DegreeStrength.Row(id: $0.id) }
        for e in 0..<view.edgeCount {
            let relation = view.relation(ofEdge: e)
            let (s, t) = view.network.endpoints(ofRelation: Int(view.edgeRelation[e]))
            let w = relation.weight
            let positive = view.network.kind(ofRelation: Int(view.edgeRelation[e])).sign == .positive
            for v in [s, t] {
                rows[v].degree += 1
                rows[v].strength += w
                if positive {
                    rows[v].positiveDegree += 1
                    rows[v].positiveStrength += w
                } else {
                    rows[v].negativeDegree += 1
                    rows[v].negativeStrength += w
                }
                rows[v].byKind[relation.kind, default: 0] += 1
            }
            rows[s].outDegree += 1
            rows[s].outStrength += w
            rows[t].inDegree += 1
            rows[t].inStrength += w
            if !(view.filter.direction == .asDeclared && view.network.isDirected(relation: Int(view.edgeRelation[e]))) {
                rows[t].outDegree += 1
                rows[t].outStrength += w
                rows[s].inDegree += 1
                rows[s].inStrength += w
            }
        }
        return rows
    }

    /// PageRank and eigenvector through the gathered (pull) products equal a plain dense
    /// computation on small random networks, directed and undirected.
    @Test(arguments: 0..<6)
    func adjacencyProductsEqualDenseProducts(seed: UInt64) throws {
        let network = RandomNetworks.make(actors: 25, relations: 90, seed: seed)
        for direction in [DirectionTreatment.asDeclared, .undirected] {
            let view = try NetworkView(network, filter: ViewFilter(direction: direction))
            let n = view.nodeCount
            var dense = [Double](repeating: 0, count: n * n)
            for v in 0..<n { for (w, e) in view.outArcs(of: v) { dense[v * n + w] += view.edgeWeight[e] } }
            let a = WeightedAdjacency(view, weighted: true)
            var rng = SeededRandom(seed: seed)
            let x = (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) }
            var y = [Double](repeating: 0, count: n), yt = y
            a.times(x, into: &y)
            a.transposeTimes(x, into: &yt)
            for u in 0..<n {
                let row = (0..<n).reduce(0.0) { $0 + dense[u * n + $1] * x[$1] }
                let column = (0..<n).reduce(0.0) { $0 + dense[$1 * n + u] * x[$1] }
                #expect(abs(y[u] - row) <= 1e-12 * max(1, abs(row)), "Ax seed \(seed)")
                #expect(abs(yt[u] - column) <= 1e-12 * max(1, abs(column)), "Aᵀx seed \(seed)")
            }
        }
    }
}
