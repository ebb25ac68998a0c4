/// The graph that shortest-path measures walk: one link per ordered pair of actors, with
/// parallel relations merged into the shortest of their lengths (networkx's rule for
/// multigraphs: the minimum over parallel edges for weighted paths, multiplicity ignored for
/// hop counts).
///
/// Relations of weight 0 are no links when lengths come from weights (`.inverse`, `.weight`);
/// with `.unit` every relation is a hop, as networkx counts it.
///
/// Links follow the view's arcs: an undirected relation gives links both ways, a directed one
/// (in a view read as declared) one link.
///
/// - Complexity: O(n + m log Δ) to build (each node's arcs sorted by neighbour).
struct PathGraph: Sendable {
    let nodeCount: Int
    let directed: Bool
    /// CSR: the links out of v are `offsets[v]..<offsets[v+1]`, sorted by head.
    let offsets: [Int]
    let heads: [Int32]
    /// Per link: the node whose row holds it.
    let tails: [Int32]
    let lengths: [Double]
    /// Per link: the index of its actor pair in `pairEnds` (for edge betweenness). In an
    /// undirected graph both directions of a pair share an index.
    let linkPair: [Int32]
    /// Per pair: its ends (tail, head for directed; lower, higher index for undirected).
    let pairEnds: [(Int, Int)]
    /// The shortest and the longest link length (0 when there are no links).
    let minLength: Double
    let maxLength: Double

    init(_ view: NetworkView, distance: Distance) {
        let n = view.nodeCount
        nodeCount = n
        directed = view.hasDirectedEdges
        var offsets = [Int](repeating: 0, count: n + 1)
        var heads: [Int32] = [], lengths: [Double] = []
        heads.reserveCapacity(view.arcCount)
        lengths.reserveCapacity(view.arcCount)
        var scratch: [(Int32, Double)] = []
        let edgeLength = view.edgeWeight.map { distance.length($0) }
        for v in 0..<n {
            scratch.removeAll(keepingCapacity: true)
            for a in Int(view.outOffsets[v])..<Int(view.outOffsets[v + 1]) {
                let length = edgeLength[Int(view.outEdge[a])]
                // A relation of weight 0 (no strength) is no link for weighted paths: 1/0 is
                // infinite, and a length of 0 would make its two actors one place.
                if distance != .unit, !(length.isFinite && length > 0) { continue }
                scratch.append((Int32(view.outNeighbor[a]), length))
            }
            scratch.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            var last: Int32 = -1
            for (w, length) in scratch where w != last {
                heads.append(w)
                lengths.append(length)
                last = w
            }
            offsets[v + 1] = heads.count
        }
        self.offsets = offsets
        self.heads = heads
        self.lengths = lengths
        minLength = lengths.min() ?? 0
        maxLength = lengths.max() ?? 0
        var tails = [Int32](repeating: 0, count: heads.count)
        for v in 0..<n { for l in offsets[v]..<offsets[v + 1] { tails[l] = Int32(v) } }
        self.tails = tails

        // Number the pairs: for undirected graphs the link u→v and v→u share the pair (min, max).
        var linkPair = [Int32](repeating: -1, count: heads.count)
        var pairEnds: [(Int, Int)] = []
        if directed {
            for v in 0..<n {
                for l in offsets[v]..<offsets[v + 1] {
                    linkPair[l] = Int32(pairEnds.count)
                    pairEnds.append((v, Int(heads[l])))
                }
            }
        } else {
            // Links are sorted by head within each row, so for u < v the link u→v is found by
            // a forward scan: pair ids are given when the lower end is visited.
            var pairOfLink = [Int32](repeating: -1, count: heads.count)
            for u in 0..<n {
                for l in offsets[u]..<offsets[u + 1] where Int(heads[l]) > u {
                    pairOfLink[l] = Int32(pairEnds.count)
                    pairEnds.append((u, Int(heads[l])))
                }
            }
            for v in 0..<n {
                for l in offsets[v]..<offsets[v + 1] {
                    let u = Int(heads[l])
                    if u > v {
                        linkPair[l] = pairOfLink[l]
                    } else {
                        // Find v in u's row (sorted): binary search.
                        var lo = offsets[u], hi = offsets[u + 1]
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if Int(heads[mid]) < v { lo = mid + 1 } else { hi = mid }
                        }
                        linkPair[l] = pairOfLink[lo]
                    }
                }
            }
        }
        self.linkPair = linkPair
        self.pairEnds = pairEnds
    }

    /// The same graph with every link reversed (for measures on incoming distances).
    func reversed() -> PathGraph {
        PathGraph(reversing: self)
    }

    private init(reversing g: PathGraph) {
        nodeCount = g.nodeCount
        directed = g.directed
        var counts = [Int](repeating: 0, count: g.nodeCount + 1)
        for h in g.heads { counts[Int(h) + 1] += 1 }
        for v in 0..<g.nodeCount { counts[v + 1] += counts[v] }
        var next = counts
        var heads = [Int32](repeating: 0, count: g.heads.count)
        var tails = [Int32](repeating: 0, count: g.heads.count)
        var lengths = [Double](repeating: 0, count: g.heads.count)
        var linkPair = [Int32](repeating: 0, count: g.heads.count)
        for v in 0..<g.nodeCount {
            for l in g.offsets[v]..<g.offsets[v + 1] {
                let w = Int(g.heads[l])
                heads[next[w]] = Int32(v)
                tails[next[w]] = Int32(w)
                lengths[next[w]] = g.lengths[l]
                linkPair[next[w]] = g.linkPair[l]
                next[w] += 1
            }
        }
        offsets = counts
        self.heads = heads
        self.tails = tails
        self.lengths = lengths
        self.linkPair = linkPair
        pairEnds = g.pairEnds
        minLength = g.minLength
        maxLength = g.maxLength
    }
}

/// Single-source shortest paths with path counts (Brandes 2001): one worker's buffers,
/// allocated once and reused for every source, read through raw pointers copied into locals in
/// the hot loops (no bounds checks, no reference counting, no reloads from the instance, no
/// allocation per source or per link).
///
/// After `run(from:)`: `order` holds the nodes reached, each after all its predecessors on
/// shortest paths (by non-decreasing hop count or heap key; by bucket of distance with
/// `DistanceBuckets`, the weighted searches' frontier whenever the link lengths allow); for each,
/// `distance(of:)` and, when counting paths, `sigma` (the number of shortest paths).
/// - Unweighted: hop counts in `hops` (Int32, −1 for nodes not reached).
/// - Weighted (Dijkstra): distances; ties are decided with a tolerance at search time. The
///   frontier is `DistanceBuckets` when the links' lengths span a factor of up to about 32,000,
///   else `IndexedHeap`.
/// When counting paths, each node's predecessor links are
/// `predLinks[predStart[w] ..< predStart[w] + predCount[w]]` (link indices into the graph,
/// pointing from predecessor to w). (Gathering from successors by hop count instead, as
/// networkit does, measured slower here: it re-reads every arc in the accumulation.)
final class ShortestPathCounter {
    let graph: PathGraph
    let weighted: Bool
    /// false: distances only (closeness, harmonic): no path counts, no predecessors.
    let countPaths: Bool
    let nodeCount: Int
    private(set) var reached = 0
    private let orderStorage: UnsafeMutablePointer<Int32>
    let sigma: UnsafeMutablePointer<Double>
    /// Unweighted: hops from the source, −1 when not reached.
    let hops: UnsafeMutablePointer<Int32>
    /// Weighted: settled distances, ∞ when not reached.
    private let settled: UnsafeMutablePointer<Double>
    /// Weighted: tentative distances during Dijkstra.
    private let seen: UnsafeMutablePointer<Double>
    let predStart: UnsafeMutablePointer<Int>
    let predCount: UnsafeMutablePointer<Int32>
    let predLinks: UnsafeMutablePointer<Int32>
    private var heap: IndexedHeap
    /// The weighted search's frontier when the links' lengths allow buckets (else the heap).
    private var buckets: DistanceBuckets?

    /// Whether the weighted search keeps its frontier in `DistanceBuckets`.
    var usesBuckets: Bool { buckets != nil }

    /// Which frontier a weighted search uses: `.automatic` takes buckets whenever they apply.
    enum Frontier: Sendable { case automatic, heap }

    /// The nodes reached by the last run, each after its predecessors on shortest paths.
    var order: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: orderStorage, count: reached) }

    /// The distance from the last run's source to v (∞ when not reached).
    @inline(__always) func distance(of v: Int) -> Double {
        if weighted { return settled[v] }
        let h = hops[v]
        return h < 0 ? .infinity : Double(h)
    }

    init(graph: PathGraph, weighted: Bool, countPaths: Bool = true, frontier: Frontier = .automatic) {
        self.graph = graph
        self.weighted = weighted
        self.countPaths = countPaths
        let n = graph.nodeCount
        nodeCount = n
        let size = max(1, n)
        orderStorage = .allocate(capacity: size)
        sigma = .allocate(capacity: size)
        sigma.initialize(repeating: 0, count: size)
        hops = .allocate(capacity: size)
        hops.initialize(repeating: -1, count: size)
        // Buffers only the weighted search uses are one element otherwise.
        let weightedSize = weighted ? size : 1
        settled = .allocate(capacity: weightedSize)
        settled.initialize(repeating: .infinity, count: weightedSize)
        seen = .allocate(capacity: weightedSize)
        seen.initialize(repeating: .infinity, count: weightedSize)
        let predecessors = countPaths
        predCount = .allocate(capacity: predecessors ? size : 1)
        predCount.initialize(repeating: 0, count: predecessors ? size : 1)
        // Predecessors of w are among its in-links: one slot per in-link.
        predStart = .allocate(capacity: predecessors ? n + 1 : 1)
        predStart.initialize(repeating: 0, count: predecessors ? n + 1 : 1)
        if predecessors {
            for h in graph.heads { predStart[Int(h) + 1] += 1 }
            for v in 0..<n { predStart[v + 1] += predStart[v] }
        }
        predLinks = .allocate(capacity: predecessors ? max(1, graph.heads.count) : 1)
        heap = IndexedHeap(capacity: weighted ? n : 0)
        // A search pushes the source and at most one entry per link it relaxes.
        buckets = weighted && frontier == .automatic
            ? DistanceBuckets(minLength: graph.minLength, maxLength: graph.maxLength, nodes: n,
                              capacity: graph.heads.count + 1)
            : nil
    }

    deinit {
        orderStorage.deallocate()
        sigma.deallocate()
        hops.deallocate()
        settled.deallocate()
        seen.deallocate()
        predCount.deallocate()
        predStart.deallocate()
        predLinks.deallocate()
        heap.deallocate()
        buckets?.deallocate()
    }

    func run(from s: Int) {
        // Reset only what the previous run reached (every node given a tentative distance is
        // settled by the end): O(reached), not O(n), per source. `sigma` needs no reset: a
        // node's count is assigned when it is first reached.
        let order = orderStorage
        if weighted {
            let settled = settled, seen = seen
            for i in 0..<reached {
                let v = Int(order[i])
                settled[v] = .infinity
                seen[v] = .infinity
            }
        } else {
            let hops = hops
            for i in 0..<reached { hops[Int(order[i])] = -1 }
        }
        reached = 0
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.heads.withUnsafeBufferPointer { heads in
                if weighted {
                    graph.lengths.withUnsafeBufferPointer { lengths in
                        let (o, h, l) = (offsets.baseAddress!, heads.baseAddress!, lengths.baseAddress!)
                        if var buckets {
                            buckets.begin()
                            if countPaths { dijkstra(&buckets, s, o, h, l) } else { dijkstraDistances(&buckets, s, o, h, l) }
                            self.buckets = buckets
                        } else {
                            var heap = heap
                            if countPaths { dijkstra(&heap, s, o, h, l) } else { dijkstraDistances(&heap, s, o, h, l) }
                            self.heap = heap
                        }
                    }
                } else if countPaths {
                    bfs(s, offsets.baseAddress!, heads.baseAddress!)
                } else {
                    bfsDistances(s, offsets.baseAddress!, heads.baseAddress!)
                }
            }
        }
    }

    /// Breadth-first search with path counts; the queue is `order` itself.
    private func bfs(_ s: Int, _ offsets: UnsafePointer<Int>, _ heads: UnsafePointer<Int32>) {
        let order = orderStorage, hops = hops, sigma = sigma
        let predStart = predStart, predCount = predCount, predLinks = predLinks
        sigma[s] = 1
        predCount[s] = 0
        hops[s] = 0
        order[0] = Int32(truncatingIfNeeded: s)
        var head = 0, tail = 1
        while head < tail {
            let v = Int(order[head])
            head &+= 1
            let next = hops[v] &+ 1
            let sv = sigma[v]
            var l = offsets[v]
            let end = offsets[v &+ 1]
            while l < end {
                let w = Int(heads[l])
                l &+= 1
                let hw = hops[w]
                if hw < 0 {
                    hops[w] = next
                    order[tail] = Int32(truncatingIfNeeded: w)
                    tail &+= 1
                    sigma[w] = sv
                    predLinks[predStart[w]] = Int32(truncatingIfNeeded: l &- 1)
                    predCount[w] = 1
                } else if hw == next {
                    sigma[w] += sv
                    predLinks[predStart[w] &+ Int(predCount[w])] = Int32(truncatingIfNeeded: l &- 1)
                    predCount[w] &+= 1
                }
            }
        }
        reached = tail
    }

    /// Breadth-first distances only.
    private func bfsDistances(_ s: Int, _ offsets: UnsafePointer<Int>, _ heads: UnsafePointer<Int32>) {
        let order = orderStorage, hops = hops
        hops[s] = 0
        order[0] = Int32(truncatingIfNeeded: s)
        var head = 0, tail = 1
        while head < tail {
            let v = Int(order[head])
            head &+= 1
            let next = hops[v] &+ 1
            var l = offsets[v]
            let end = offsets[v &+ 1]
            while l < end {
                let w = Int(heads[l])
                l &+= 1
                if hops[w] < 0 {
                    hops[w] = next
                    order[tail] = Int32(truncatingIfNeeded: w)
                    tail &+= 1
                }
            }
        }
        reached = tail
    }

    /// Dijkstra distances only.
    private func dijkstraDistances<Frontier: DijkstraFrontier>(
        _ frontier: inout Frontier, _ s: Int, _ offsets: UnsafePointer<Int>, _ heads: UnsafePointer<Int32>,
        _ lengths: UnsafePointer<Double>
    ) {
        let order = orderStorage, settled = settled, seen = seen
        var count = 0
        seen[s] = 0
        frontier.insert(s, key: 0)
        while !frontier.isEmpty {
            let v = frontier.popCandidate()
            // An entry left behind by a decrease (buckets only): the node is settled already.
            guard settled[v] == .infinity else { continue }
            let d = seen[v]
            order[count] = Int32(truncatingIfNeeded: v)
            count &+= 1
            settled[v] = d
            var l = offsets[v]
            let end = offsets[v &+ 1]
            while l < end {
                let w = Int(heads[l])
                let vw = d + lengths[l]
                l &+= 1
                // A settled node's `seen` is its final distance, never above vw: no separate test.
                let sw = seen[w]
                if vw < sw {
                    if sw == .infinity { frontier.insert(w, key: vw) } else { frontier.lower(w, key: vw) }
                    seen[w] = vw
                }
            }
        }
        reached = count
    }

    /// Dijkstra with path counting. Two path lengths within a relative 1e-10 of each other are
    /// *tied*, as in igraph: with lengths 1/weight, 1/3 + 1/6 and 1/2 differ in the last bit of
    /// a double, and exact comparison (networkx) would miss a real tie and drop shortest paths.
    private func dijkstra<Frontier: DijkstraFrontier>(
        _ frontier: inout Frontier, _ s: Int, _ offsets: UnsafePointer<Int>, _ heads: UnsafePointer<Int32>,
        _ lengths: UnsafePointer<Double>
    ) {
        let order = orderStorage, settled = settled, seen = seen, sigma = sigma
        let predStart = predStart, predCount = predCount, predLinks = predLinks
        let checkSettled = frontier.linksIntoSettledNodesMayTie
        var count = 0
        seen[s] = 0
        sigma[s] = 1
        // Every other node's predecessor count is set when the node is first reached.
        predCount[s] = 0
        frontier.insert(s, key: 0)
        while !frontier.isEmpty {
            let v = frontier.popCandidate()
            guard settled[v] == .infinity else { continue }
            let d = seen[v]
            order[count] = Int32(truncatingIfNeeded: v)
            count &+= 1
            settled[v] = d
            let sv = sigma[v]
            var l = offsets[v]
            let end = offsets[v &+ 1]
            while l < end {
                let w = Int(heads[l])
                let link = l
                l &+= 1
                if checkSettled { guard settled[w] == .infinity else { continue } }
                let sw = seen[w]
                let vw = d + lengths[link]
                if sw != .infinity && abs(vw - sw) <= 1e-10 * max(vw, sw) {
                    sigma[w] += sv
                    predLinks[predStart[w] &+ Int(predCount[w])] = Int32(truncatingIfNeeded: link)
                    predCount[w] &+= 1
                } else if vw < sw {
                    if sw == .infinity { frontier.insert(w, key: vw) } else { frontier.lower(w, key: vw) }
                    seen[w] = vw
                    sigma[w] = sv
                    predLinks[predStart[w]] = Int32(truncatingIfNeeded: link)
                    predCount[w] = 1
                }
            }
        }
        reached = count
    }
}
