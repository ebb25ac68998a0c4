import ActorNetCore
import Testing

@Suite struct SignedGraphTests {
    func graph(_ relations: [(String, String, String, Double)]) throws -> SignedGraph {
        let ids = Set(relations.flatMap { [$0.0, $0.1] }).sorted()
        let network = try Network(actors: ids.map { ActorNode(id: $0) }, relations: relations.enumerated().map { i, r in
            Relation(id: "r\(i)", source: r.0, target: r.1, kind: r.2, weight: r.3)
        })
        return SignedGraph(try NetworkView(network, filter: ViewFilter(direction: .undirected)))
    }

    @Test func netSignPerPair() throws {
        let g = try graph([("A", "B", "cooperation", 3), ("B", "A", "rivalry", 1), ("B", "C", "rivalry", 2),
                           ("C", "B", "supply", 1)])
        #expect(g.pairCount == 2)
        #expect(g.sign(between: 0, 1) == 1 && g.weight(between: 0, 1) == 2)
        #expect(g.sign(between: 2, 1) == -1 && g.weight(between: 1, 2) == 1)
        #expect(g.sign(between: 0, 2) == nil)
    }

    @Test func cancellingPairsAreAmbivalentDespiteRounding() throws {
        // 0.1 + 0.2 − 0.3 is 5.6e-17 in floating point, not 0.
        let g = try graph([("A", "B", "cooperation", 0.1), ("A", "B", "cooperation", 0.2), ("A", "B", "rivalry", 0.3),
                           ("B", "C", "cooperation", 1)])
        #expect(g.ambivalentPairs == 1)
        #expect(g.pairCount == 1)
        #expect(g.sign(between: 0, 1) == nil)
    }
}
