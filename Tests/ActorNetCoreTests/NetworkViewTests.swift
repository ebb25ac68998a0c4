import ActorNetCore
import ActorNetTestSupport
import Testing

@Suite struct NetworkViewTests {
    /// RUS–IRN cooperate (material) and compete (stated), IRN supplies RUS, ISR strikes IRN (a
    /// declared directed negative kind), ARM is a member of CSTO, AZE has no relation.
    static let network: Network = {
        let ids = ["RUS", "IRN", "ISR", "ARM", "CSTO", "AZE"]
        return try! Network(
            actors: ids.map { ActorNode(id: $0) },
            kinds: [RelationKind(name: "strike", sign: .negative, direction: .directed)],
            relations: [
                Relation(id: "coop", source: "RUS", target: "IRN", kind: "cooperation", weight: 4, channel: .material,
                         since: PartialDate(iso: "2025-01")),
                Relation(id: "riv", source: "RUS", target: "IRN", kind: "rivalry", weight: 1, channel: .stated),
                Relation(id: "sup", source: "IRN", target: "RUS", kind: "supply", weight: 3, channel: .material,
                         since: PartialDate(iso: "2022")),
                Relation(id: "strike", source: "ISR", target: "IRN", kind: "strike", weight: 5,
                         since: PartialDate(iso: "2025-06"), until: PartialDate(iso: "2025-07")),
                Relation(id: "mem", source: "ARM", target: "CSTO", kind: "membership", weight: 2),
            ])
    }()

    @Test func allRelationsAsDeclared() throws {
        let view = try NetworkView(Self.network)
        #expect(view.nodeCount == 6)
        #expect(view.edgeCount == 5)
        // Two undirected edges give two arcs each, three directed edges one each.
        #expect(view.arcCount == 7)
        #expect(view.hasDirectedEdges)
        #expect(view.outArcs(of: 0).map(\.neighbor) == [1, 1])             // RUS → IRN twice (multiplex)
        #expect(view.outArcs(of: 0).map(\.edge) == [0, 1])
        #expect(view.outArcs(of: 1).map(\.neighbor) == [0, 0, 0])          // IRN → RUS: coop, riv, supply
        #expect(view.inArcs(of: 1).map(\.neighbor) == [0, 0, 2])           // into IRN: coop, riv, strike
        #expect(view.outDegree(of: 5) == 0 && view.inDegree(of: 5) == 0)   // AZE isolated
        #expect(Array(view.edgeSign) == [1, -1, 1, -1, 1])
        #expect(Array(view.edgeWeight) == [4, 1, 3, 5, 2])
        #expect(view.kind(ofEdge: 3).name == "strike")
        #expect(view.relation(ofEdge: 4).id == "mem")
        #expect(view.node(ofActor: "CSTO") == 4)
    }

    @Test func undirectedTreatment() throws {
        let view = try NetworkView(Self.network, filter: ViewFilter(direction: .undirected))
        #expect(!view.hasDirectedEdges)
        #expect(view.arcCount == 10)
        #expect(view.outArcs(of: 4).map(\.neighbor) == [3])   // CSTO sees ARM
        for v in 0..<view.nodeCount {
            #expect(view.outArcs(of: v).map(\.neighbor) == view.inArcs(of: v).map(\.neighbor))
        }
    }

    @Test func filters() throws {
        let n = Self.network
        func relations(_ f: ViewFilter) throws -> [String] {
            let view = try NetworkView(n, filter: f)
            return (0..<view.edgeCount).map { view.relation(ofEdge: $0).id }
        }
        #expect(try relations(ViewFilter(kinds: ["rivalry", "strike"])) == ["riv", "strike"])
        #expect(try relations(ViewFilter(sign: .positive)) == ["coop", "sup", "mem"])
        #expect(try relations(ViewFilter(sign: .negative)) == ["riv", "strike"])
        #expect(try relations(ViewFilter(channels: [.material])) == ["coop", "sup"])
        #expect(try relations(ViewFilter(channels: [.stated])) == ["riv"])
        #expect(try relations(ViewFilter(at: PartialDate(iso: "2024"))) == ["riv", "sup", "mem"])
        #expect(try relations(ViewFilter(at: PartialDate(iso: "2025-06-20"))) == ["coop", "riv", "sup", "strike", "mem"])
        #expect(try relations(ViewFilter(at: PartialDate(iso: "2025-07"))) == ["coop", "riv", "sup", "mem"])
        #expect(try relations(ViewFilter(kinds: ["cooperation", "supply"], channels: [.material], at: PartialDate(iso: "2023")))
                == ["sup"])
        #expect(try relations(ViewFilter.positiveUndirected) == ["coop", "sup", "mem"])
    }

    @Test func unknownKindInFilterIsAClearError() {
        #expect(throws: ViewError.unknownKinds(["cooperaton"], known: Self.network.kinds.map(\.name))) {
            try NetworkView(Self.network, filter: ViewFilter(kinds: ["cooperaton"]))
        }
        let message = ViewError.unknownKinds(["cooperaton"], known: Self.network.kinds.map(\.name)).description
        #expect(message.contains("did you mean 'cooperaton' → 'cooperation'?"))
        #expect(message.contains("known kinds: cooperation, membership, rivalry, strike, supply"))
    }

    @Test func viewSharesTheNetwork() throws {
        let view = try NetworkView(Self.network)
        let narrower = try view.filtered(ViewFilter(sign: .negative))
        #expect(narrower.network.actors == view.network.actors)
        #expect(narrower.edgeCount == 2)
        #expect(narrower.nodeCount == view.nodeCount)
    }

    /// The CSR agrees with a plain list of arcs built the obvious way, for many random networks
    /// and every direction treatment.
    @Test(arguments: 0..<40)
    func csrMatchesBruteForce(seed: Int) throws {
        let n = 1 + seed % 17
        let network = RandomNetworks.make(actors: n, relations: seed * 3, seed: UInt64(seed))
        for treatment in DirectionTreatment.allCases {
            let view = try NetworkView(network, filter: ViewFilter(direction: treatment))
            var out = [[(Int, Int)]](repeating: [], count: n), into = [[(Int, Int)]](repeating: [], count: n)
            for (e, r) in network.relations.enumerated() {
                let s = network.index(ofActor: r.source)!, t = network.index(ofActor: r.target)!
                let directed = treatment == .asDeclared && network.isDirected(relation: e)
                out[s].append((t, e)); into[t].append((s, e))
                if !directed { out[t].append((s, e)); into[s].append((t, e)) }
            }
            for v in 0..<n {
                #expect(view.outArcs(of: v).map { [$0.neighbor, $0.edge] } == out[v].map { [$0.0, $0.1] })
                #expect(view.inArcs(of: v).map { [$0.neighbor, $0.edge] } == into[v].map { [$0.0, $0.1] })
            }
            #expect(view.outOffsets.count == n + 1)
            #expect(Int(view.outOffsets[n]) == view.arcCount)
        }
    }
}

@Suite struct ComponentsAndSummaryTests {
    @Test func componentsCountIsolatesAndDirection() throws {
        let network = NetworkViewTests.network
        let components = Components(of: try NetworkView(network))
        // {RUS, IRN, ISR}, {ARM, CSTO}, {AZE}; direction does not split weak components.
        #expect(components.count == 3)
        #expect(components.sizes == [3, 2, 1])
        #expect(components.component == [0, 0, 0, 1, 1, 2])
    }

    @Test func componentsAgreeWithUnionFind() throws {
        for seed in 0..<25 {
            let network = RandomNetworks.make(actors: 30, relations: seed, seed: UInt64(seed))
            var parent = Array(0..<30)
            func find(_ x: Int) -> Int { var x = x; while parent[x] != x { x = parent[x] }; return x }
            for e in 0..<network.relations.count {
                let (s, t) = network.endpoints(ofRelation: e)
                parent[find(s)] = find(t)
            }
            let expected = Set((0..<30).map(find)).count
            #expect(Components(of: try NetworkView(network)).count == expected, "seed \(seed)")
        }
    }

    @Test func summary() {
        let s = NetworkSummary(NetworkViewTests.network)
        #expect(s.actors == 6)
        #expect(s.relations == 5)
        #expect(s.positive == 3 && s.negative == 2)
        #expect(s.directed == 3 && s.undirected == 2)
        #expect(s.byKind.map(\.kind) == ["cooperation", "rivalry", "supply", "membership", "strike"])
        #expect(s.byKind.map(\.relations) == [1, 1, 1, 1, 1])
        #expect(s.byChannel.map(\.name) == ["(unspecified)", "material", "stated"])  // by count, then name
        #expect(s.byChannel.map(\.count) == [2, 2, 1])
        #expect(s.dates.earliest == "2022" && s.dates.latest == "2025-07")
        #expect(s.dates.undated == 2)
        #expect(s.connectivity.components == 3)
        #expect(s.connectivity.isolated == ["AZE"])
        #expect(s.parallelPairs.count == 1)
        let pair = s.parallelPairs[0]
        #expect(pair.actors == ["IRN", "RUS"])
        #expect(pair.relations == 3)
        #expect(pair.kinds.map(\.name) == ["cooperation", "rivalry", "supply"])
        #expect(pair.mixedSign)
    }

    /// Groups (and other tallies) of equal count are listed with numbers in names compared as
    /// numbers: bloc-2 before bloc-10, as a reader expects, not as text sorts them.
    @Test func tallyNamesInNaturalOrder() throws {
        let groups = ["bloc-10", "bloc-2", "bloc-1", "bloc-10a", "bloc-02", "Bloc", "bloc-9", "bloc-10", "bloc-3.5", "bloc-3.10"]
        let network = try Network(actors: groups.enumerated().map { ActorNode(id: "A\($0.offset)", group: $0.element) }, relations: [])
        let summary = NetworkSummary(network)
        #expect(summary.groups.map(\.name) == ["bloc-10", "Bloc", "bloc-1", "bloc-02", "bloc-2", "bloc-3.5", "bloc-3.10", "bloc-9", "bloc-10a"])
        #expect(summary.groups.map(\.count) == [2, 1, 1, 1, 1, 1, 1, 1, 1])
    }

    /// The per-edge columns read through the relation give what each relation says, in every
    /// kind of view.
    @Test(arguments: [UInt64(1), 2, 3])
    func edgeColumnsReadTheirRelation(seed: UInt64) throws {
        let network = RandomNetworks.make(actors: 30, relations: 120, seed: seed)
        for filter in [ViewFilter(direction: .asDeclared), ViewFilter(direction: .undirected),
                       ViewFilter(sign: .negative, direction: .asDeclared)] {
            let view = try NetworkView(network, filter: filter)
            #expect(view.edgeWeight.count == view.edgeCount && view.edgeSign.count == view.edgeCount)
            for e in 0..<view.edgeCount {
                let r = Int(view.edgeRelation[e])
                #expect(view.edgeWeight[e] == network.relations[r].weight)
                #expect(view.edgeSign[e] == network.sign(ofRelation: r).rawValue)
                #expect(network.kinds[Int(view.edgeKind[e])].name == network.relations[r].kind)
                #expect(view.edgeDirected[e] == (filter.direction == .asDeclared && network.isDirected(relation: r)))
            }
            #expect(view.hasDirectedEdges == view.edgeDirected.contains(true))
        }
    }

    /// Issue 6's goal: an undirected analysis view holds at most 24 bytes per relation (4 for
    /// the edge's relation, 2 × 8 for its two arcs, and the offsets per actor).
    @Test func undirectedViewHoldsAtMost24BytesPerRelation() throws {
        let network = RandomNetworks.make(actors: 2_000, relations: 12_000, seed: 5)
        let view = try NetworkView(network, filter: ViewFilter(sign: .positive, direction: .undirected))
        let n = view.nodeCount, m = view.edgeCount
        #expect(view.memoryFootprint == 4 * m + network.kinds.count + 4 * (n + 1) + 8 * view.arcCount)
        #expect(view.arcCount == 2 * m)
        #expect(Double(view.memoryFootprint) / Double(m) <= 24)
    }
}
