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
    /// Per edge: the strength, > 0.
    public let edgeWeight: [Double]
    /// Per edge: +1 or −1, from the kind.
    public let edgeSign: [Int8]
    /// Per edge: the index of its kind in `network.kinds`.
    public let edgeKind: [UInt16]
    /// Per edge: whether it is read as one-way in this view.
    public let edgeDirected: [Bool]

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
        var edgeDirected: [Bool] = []
        for (i, relation) in network.relations.enumerated() {
            guard kindAllowed[Int(network.relationKind[i])] else { continue }
            if let channels = filter.channels {
                guard let channel = relation.channel, channels.contains(channel) else { continue }
            }
            if let at = filter.at, !relation.isActive(at: at) { continue }
            edgeRelation.append(UInt32(i))
            edgeDirected.append(filter.direction == .asDeclared && network.relationDirected[i])
        }
        let m = edgeRelation.count
        self.edgeRelation = edgeRelation
        self.edgeDirected = edgeDirected
        self.hasDirectedEdges = edgeDirected.contains(true)
        self.edgeWeight = edgeRelation.map { network.relations[Int($0)].weight }
        self.edgeKind = edgeRelation.map { network.relationKind[Int($0)] }
        self.edgeSign = edgeKind.map { network.kinds[Int($0)].sign.rawValue }

        let n = network.actors.count
        let sources = edgeRelation.map { network.relationSource[Int($0)] }
        let targets = edgeRelation.map { network.relationTarget[Int($0)] }
        (outOffsets, outNeighbor, outEdge) = NetworkView.compress(
            nodeCount: n, edgeCount: m, from: sources, to: targets, directed: edgeDirected)
        if hasDirectedEdges {
            (inOffsets, inNeighbor, inEdge) = NetworkView.compress(
                nodeCount: n, edgeCount: m, from: targets, to: sources, directed: edgeDirected)
        } else {
            // Every arc goes both ways: the in-adjacency is the out-adjacency (shared storage).
            (inOffsets, inNeighbor, inEdge) = (outOffsets, outNeighbor, outEdge)
        }
    }

    /// Bytes the view itself holds (its arrays; storage shared between arrays counted once;
    /// the network it reads is not counted).
    public var memoryFootprint: Int {
        let perEdge = edgeRelation.count * (4 + 8 + 1 + 2 + 1)
        let out = outOffsets.count * 4 + outNeighbor.count * 8
        return perEdge + out + (hasDirectedEdges ? inOffsets.count * 4 + inNeighbor.count * 8 : 0)
    }

    /// A view of the same network through another filter.
    public func filtered(_ filter: ViewFilter) throws(ViewError) -> NetworkView {
        try NetworkView(network, filter: filter)
    }

    /// Counting sort of arcs by their tail. Arcs keep edge order within a node, so the
    /// layout is deterministic.
    private static func compress(
        nodeCount n: Int, edgeCount m: Int, from tails: [UInt32], to heads: [UInt32], directed: [Bool]
    ) -> ([UInt32], [UInt32], [UInt32]) {
        var offsets = [UInt32](repeating: 0, count: n + 1)
        for e in 0..<m {
            offsets[Int(tails[e]) + 1] += 1
            if !directed[e] { offsets[Int(heads[e]) + 1] += 1 }
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        let arcs = Int(offsets[n])
        var neighbor = [UInt32](repeating: 0, count: arcs)
        var edge = [UInt32](repeating: 0, count: arcs)
        var next = Array(offsets.dropLast())
        for e in 0..<m {
            let t = Int(tails[e]), h = Int(heads[e])
            neighbor[Int(next[t])] = UInt32(h)
            edge[Int(next[t])] = UInt32(e)
            next[t] += 1
            if !directed[e] {
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
    public func kind(ofEdge e: Int) -> RelationKind { network.kinds[Int(edgeKind[e])] }
}

public enum ViewError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownKinds([String], known: [String])

    public var description: String {
        switch self {
        case let .unknownKinds(names, known):
            let hints = names.compactMap { name in NameSuggestion.nearest(to: name, in: known).map { "'\(name)' → '\($0)'?" } }
            return "unknown relation kind\(names.count > 1 ? "s" : "") \(names.map { "'\($0)'" }.joined(separator: ", ")); "
                + (hints.isEmpty ? "" : "did you mean \(hints.joined(separator: ", ")) ")
                + "known kinds: \(knownNamesList(known))"
        }
    }
}
