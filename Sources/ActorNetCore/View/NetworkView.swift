/// The immutable, compressed form of a network that every algorithm reads.
///
/// Built once per filter from a `Network`: the relations that pass the filter become the view's
/// *edges* (numbered 0..<edgeCount in relation order), and each edge becomes one arc (directed)
/// or two arcs (undirected) in compressed sparse row (CSR) adjacency with 32-bit indices, for
/// both out- and in-neighbours. Nodes are the network's actors, all of them, numbered as in
/// `network.actors`, so an actor absent from every filtered relation is an isolated node.
///
/// The view shares the network's storage (actors and relations are not copied).
///
/// - Complexity: building is O(n + m) time and memory (a counting sort by endpoint).
public struct NetworkView: Sendable {
    public let network: Network
    public let filter: ViewFilter

    /// Per edge: the relation it comes from (index into `network.relations`).
    public let edgeRelation: [UInt32]
    /// Per edge: its two ends as node indices (source, target as written in the relation),
    /// read through `edgeRelation` from the network (not stored twice).
    public var edgeSource: EdgeEnds { EdgeEnds(ends: network.relationSource, edgeRelation: edgeRelation) }
    public var edgeTarget: EdgeEnds { EdgeEnds(ends: network.relationTarget, edgeRelation: edgeRelation) }

    /// One end of every edge, indexed by edge.
    public struct EdgeEnds: Sendable, RandomAccessCollection {
        let ends: [UInt32]
        let edgeRelation: [UInt32]
        public var startIndex: Int { 0 }
        public var endIndex: Int { edgeRelation.count }
        public subscript(e: Int) -> UInt32 { ends[Int(edgeRelation[e])] }
    }
    /// Per edge: the strength, > 0; its kind (index into `network.kinds`), sign (+1 or −1,
    /// from the kind) and whether it is read as one-way in this view. All read through
    /// `edgeRelation` from the network's columns, not stored per edge: the view keeps only what
    /// it alone knows (which relations pass, and the adjacency), 4 bytes per edge plus the arcs.
    /// Hot loops copy what they need once (`PathGraph`, `WeightedAdjacency`).
    public var edgeWeight: EdgeColumn<Double> { EdgeColumn(values: network.relationWeight, edgeRelation: edgeRelation) }
    public var edgeKind: EdgeColumn<UInt16> { EdgeColumn(values: network.relationKind, edgeRelation: edgeRelation) }
    public var edgeSign: EdgeSigns { EdgeSigns(relationKind: network.relationKind, kindSign: kindSign, edgeRelation: edgeRelation) }
    public var edgeDirected: EdgeDirections {
        EdgeDirections(relationDirected: network.relationDirected, asDeclared: filter.direction == .asDeclared,
                       edgeRelation: edgeRelation)
    }

    /// A per-relation column read per edge.
    public struct EdgeColumn<Value: Sendable>: Sendable, RandomAccessCollection {
        let values: [Value]
        let edgeRelation: [UInt32]
        public var startIndex: Int { 0 }
        public var endIndex: Int { edgeRelation.count }
        public subscript(e: Int) -> Value { values[Int(edgeRelation[e])] }
    }

    /// Every edge's sign, +1 or −1, from its relation's kind.
    public struct EdgeSigns: Sendable, RandomAccessCollection {
        let relationKind: [UInt16]
        let kindSign: [Int8]
        let edgeRelation: [UInt32]
        public var startIndex: Int { 0 }
        public var endIndex: Int { edgeRelation.count }
        public subscript(e: Int) -> Int8 { kindSign[Int(relationKind[Int(edgeRelation[e])])] }
    }

    /// Whether each edge is one-way in the view: its relation is directed and the view reads
    /// directions as declared.
    public struct EdgeDirections: Sendable, RandomAccessCollection {
        let relationDirected: [Bool]
        let asDeclared: Bool
        let edgeRelation: [UInt32]
        public var startIndex: Int { 0 }
        public var endIndex: Int { edgeRelation.count }
        public subscript(e: Int) -> Bool { asDeclared && relationDirected[Int(edgeRelation[e])] }
    }

    /// Per kind of the network: its sign's raw value.
    private let kindSign: [Int8]

    /// CSR out-adjacency: the arcs leaving node v are `outOffsets[v]..<outOffsets[v+1]`;
    /// `outNeighbor[a]` is the node at the other end and `outEdge[a]` the edge.
    public let outOffsets: [UInt32]
    public let outNeighbor: [UInt32]
    public let outEdge: [UInt32]
    /// CSR in-adjacency, laid out the same way.
    public let inOffsets: [UInt32]
    public let inNeighbor: [UInt32]
    public let inEdge: [UInt32]

    public var nodeCount: Int { network.actors.count }
    public var edgeCount: Int { edgeRelation.count }
    public var arcCount: Int { outNeighbor.count }
    /// Whether any edge of the view is one-way.
    public let hasDirectedEdges: Bool

    /// Builds the view of `network` through `filter`.
    ///
    /// - Throws: `ViewError.unknownKinds` when the filter names kinds the network lacks.
    public init(_ network: Network, filter: ViewFilter = .all) throws(ViewError) {
        let unknown = filter.unknownKinds(in: network)
        guard unknown.isEmpty else {
            throw ViewError.unknownKinds(unknown, known: network.kinds.map(\.name))
        }
        self.network = network
        self.filter = filter

        var kindAllowed = [Bool](repeating: true, count: network.kinds.count)
        for (k, kind) in network.kinds.enumerated() {
            if let kinds = filter.kinds, !kinds.contains(kind.name) { kindAllowed[k] = false }
            if let sign = filter.sign, kind.sign != sign { kindAllowed[k] = false }
        }

        var edgeRelation: [UInt32] = []
        var hasDirectedEdges = false
        let asDeclared = filter.direction == .asDeclared
        for (i, relation) in network.relations.enumerated() {
            guard kindAllowed[Int(network.relationKind[i])] else { continue }
            if let channels = filter.channels {
                guard let channel = relation.channel, channels.contains(channel) else { continue }
            }
            if let at = filter.at, !relation.isActive(at: at) { continue }
            if !filter.includeInferred, relation.inferred { continue }
            edgeRelation.append(UInt32(i))
            if asDeclared && network.relationDirected[i] { hasDirectedEdges = true }
        }
        self.edgeRelation = edgeRelation
        self.hasDirectedEdges = hasDirectedEdges
        self.kindSign = network.kinds.map(\.sign.rawValue)

        let n = network.actors.count
        let ends = (network.relationSource, network.relationTarget)
        let directed: [Bool]? = asDeclared ? network.relationDirected : nil
        (outOffsets, outNeighbor, outEdge) = NetworkView.compress(
            nodeCount: n, edgeRelation: edgeRelation, from: ends.0, to: ends.1, directed: directed)
        if hasDirectedEdges {
            (inOffsets, inNeighbor, inEdge) = NetworkView.compress(
                nodeCount: n, edgeRelation: edgeRelation, from: ends.1, to: ends.0, directed: directed)
        } else {
            // Every arc goes both ways: the in-adjacency is the out-adjacency (shared storage).
            (inOffsets, inNeighbor, inEdge) = (outOffsets, outNeighbor, outEdge)
        }
    }

    /// Bytes the view itself holds (its arrays; storage shared between arrays counted once;
    /// the network it reads is not counted).
    public var memoryFootprint: Int {
        let perEdge = edgeRelation.count * 4 + kindSign.count
        let out = outOffsets.count * 4 + outNeighbor.count * 8
        return perEdge + out + (hasDirectedEdges ? inOffsets.count * 4 + inNeighbor.count * 8 : 0)
    }

    /// A view of the same network through another filter.
    public func filtered(_ filter: ViewFilter) throws(ViewError) -> NetworkView {
        try NetworkView(network, filter: filter)
    }

    /// Counting sort of arcs by their tail, for the relations `edgeRelation` (ends and
    /// directions indexed by relation; nil directions: every edge two-way). Arcs keep edge
    /// order within a node, so the layout is deterministic.
    private static func compress(
        nodeCount n: Int, edgeRelation: [UInt32], from tails: [UInt32], to heads: [UInt32], directed: [Bool]?
    ) -> ([UInt32], [UInt32], [UInt32]) {
        var offsets = [UInt32](repeating: 0, count: n + 1)
        for r32 in edgeRelation {
            let r = Int(r32)
            offsets[Int(tails[r]) + 1] += 1
            if directed?[r] != true { offsets[Int(heads[r]) + 1] += 1 }
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        let arcs = Int(offsets[n])
        var neighbor = [UInt32](repeating: 0, count: arcs)
        var edge = [UInt32](repeating: 0, count: arcs)
        var next = Array(offsets.dropLast())
        for (e, r32) in edgeRelation.enumerated() {
            let r = Int(r32)
            let t = Int(tails[r]), h = Int(heads[r])
            neighbor[Int(next[t])] = UInt32(h)
            edge[Int(next[t])] = UInt32(e)
            next[t] += 1
            if directed?[r] != true {
                neighbor[Int(next[h])] = UInt32(t)
                edge[Int(next[h])] = UInt32(e)
                next[h] += 1
            }
        }
        return (offsets, neighbor, edge)
    }

    // MARK: Convenience accessors (not for hot loops: those read the arrays directly)

    /// The arcs leaving `node`: (neighbour, edge) pairs in edge order.
    public func outArcs(of node: Int) -> [(neighbor: Int, edge: Int)] {
        (Int(outOffsets[node])..<Int(outOffsets[node + 1])).map { (Int(outNeighbor[$0]), Int(outEdge[$0])) }
    }

    /// The arcs entering `node`: (neighbour, edge) pairs in edge order.
    public func inArcs(of node: Int) -> [(neighbor: Int, edge: Int)] {
        (Int(inOffsets[node])..<Int(inOffsets[node + 1])).map { (Int(inNeighbor[$0]), Int(inEdge[$0])) }
    }

    public func outDegree(of node: Int) -> Int { Int(outOffsets[node + 1] - outOffsets[node]) }
    public func inDegree(of node: Int) -> Int { Int(inOffsets[node + 1] - inOffsets[node]) }

    /// The node index of an actor id. O(1).
    public func node(ofActor id: String) -> Int? { network.index(ofActor: id) }

    /// The relation behind an edge.
    public func relation(ofEdge e: Int) -> Relation { network.relations[Int(edgeRelation[e])] }

    /// The kind of an edge.
    public func kind(ofEdge e: Int) -> RelationKind { network.kinds[Int(network.relationKind[Int(edgeRelation[e])])] }
}

public enum ViewError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownKinds([String], known: [String])

    public var description: String {
        switch self {
        case let .unknownKinds(names, known):
            let hints = names.compactMap { name in NameSuggestion.nearest(to: name, in: known).map { "'\(name)' → '\($0)'?" } }
            return "unknown relation kind\(names.count > 1 ? "s" : "") \(names.map { "'\($0)'" }.joined(separator: ", ")); "
                + (hints.isEmpty ? "" : "did you mean \(hints.joined(separator: ", ")) ")
                + "known kinds: \(KnownNames.list(known))"
        }
    }
}
