/// The graph that shortest-path measures walk: one link per ordered pair of actors, with
/// parallel relations merged into the shortest of their lengths (networkx's rule for
/// multigraphs: the minimum over parallel edges for weighted paths, multiplicity ignored for
/// hop counts).
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

    init(_ view: NetworkView, distance: Distance) {
        let n = view.nodeCount
        nodeCount = n
        directed = view.hasDirectedEdges
        var offsets = [Int](repeating: 0, count: n + 1)
        var heads: [Int32] = [], lengths: [Double] = []
        heads.reserveCapacity(view.arcCount)
        lengths.reserveCapacity(view.arcCount)
        var scratch: [(Int32, Double)] = []
        for v in 0..<n {
            scratch.removeAll(keepingCapacity: true)
            for a in Int(view.outOffsets[v])..<Int(view.outOffsets[v + 1]) {
                scratch.append((Int32(view.outNeighbor[a]), distance.length(view.edgeWeight[Int(view.outEdge[a])])))
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
    }
}

/// A binary min-heap of (distance, insertion order, node) for Dijkstra; the insertion counter
/// breaks ties first-in first-out, as networkx's heap does.
///
/// - Complexity: push and pop O(log size).
struct DistanceHeap {
    private var keys: [Double] = []
    private var order: [Int] = []
    private var nodes: [Int32] = []
    private var preds: [Int32] = []
    private var counter = 0

    var isEmpty: Bool { keys.isEmpty }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        preds.removeAll(keepingCapacity: true)
        counter = 0
    }

    private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] != keys[j] ? keys[i] < keys[j] : order[i] < order[j]
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        keys.swapAt(i, j)
        order.swapAt(i, j)
        nodes.swapAt(i, j)
        preds.swapAt(i, j)
    }

    mutating func push(_ key: Double, node: Int, pred: Int) {
        keys.append(key)
        order.append(counter)
        nodes.append(Int32(node))
        preds.append(Int32(pred))
        counter += 1
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard less(i, parent) else { break }
            swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (key: Double, node: Int, pred: Int) {
        let top = (keys[0], Int(nodes[0]), Int(preds[0]))
        let last = keys.count - 1
        swapAt(0, last)
        keys.removeLast()
        order.removeLast()
        nodes.removeLast()
        preds.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < keys.count, less(l, m) { m = l }
            if r < keys.count, less(r, m) { m = r }
            if m == i { break }
            swapAt(i, m)
            i = m
        }
        return top
    }
}

/// Single-source shortest paths with path counts (Brandes 2001), reusing its buffers across
/// sources so a full run allocates once.
struct ShortestPathCounter {
    let graph: PathGraph
    let weighted: Bool
    /// Nodes in order of non-decreasing distance from the source.
    private(set) var order: [Int] = []
    private(set) var sigma: [Double]
    private(set) var distance: [Double]
    /// Predecessor links (as link indices into the graph, pointing pred → node) per node.
    private(set) var predStart: [Int]
    private(set) var predLinks: [Int]
    private(set) var predCount: [Int]
    private var heap = DistanceHeap()
    private var seen: [Double]
    private var queue: [Int]

    init(graph: PathGraph, weighted: Bool) {
        self.graph = graph
        self.weighted = weighted
        let n = graph.nodeCount
        sigma = [Double](repeating: 0, count: n)
        distance = [Double](repeating: .infinity, count: n)
        seen = [Double](repeating: .infinity, count: n)
        queue = [Int](repeating: 0, count: n)
        // Predecessors of w are among its in-links; reserve one slot per in-link.
        var inCount = [Int](repeating: 0, count: n + 1)
        for h in graph.heads { inCount[Int(h) + 1] += 1 }
        for v in 0..<n { inCount[v + 1] += inCount[v] }
        predStart = inCount
        predLinks = [Int](repeating: 0, count: graph.heads.count)
        predCount = [Int](repeating: 0, count: n)
    }

    /// Predecessor links of `w` in the last run.
    func predecessors(of w: Int) -> ArraySlice<Int> {
        predLinks[predStart[w]..<(predStart[w] + predCount[w])]
    }

    mutating func run(from s: Int) {
        // Reset only what the previous run reached (every node given a tentative distance is
        // settled by the end): O(reached), not O(n), per source.
        for v in order {
            sigma[v] = 0
            distance[v] = .infinity
            seen[v] = .infinity
            predCount[v] = 0
        }
        order.removeAll(keepingCapacity: true)
        if weighted { dijkstra(s) } else { bfs(s) }
    }

    private mutating func addPred(_ w: Int, link: Int) {
        predLinks[predStart[w] + predCount[w]] = link
        predCount[w] += 1
    }

    private mutating func bfs(_ s: Int) {
        sigma[s] = 1
        distance[s] = 0
        var head = 0, tail = 0
        queue[tail] = s
        tail += 1
        while head < tail {
            let v = queue[head]
            head += 1
            order.append(v)
            let dv = distance[v]
            for l in graph.offsets[v]..<graph.offsets[v + 1] {
                let w = Int(graph.heads[l])
                if distance[w] == .infinity {
                    distance[w] = dv + 1
                    queue[tail] = w
                    tail += 1
                }
                if distance[w] == dv + 1 {
                    sigma[w] += sigma[v]
                    addPred(w, link: l)
                }
            }
        }
    }

    /// Dijkstra with path counting (Brandes 2001). Two path lengths within a relative 1e-10 of
    /// each other are *tied*, as in igraph: with lengths 1/weight, 1/3 + 1/6 and 1/2 differ in
    /// the last bit of a double, and exact comparison (networkx) would miss a real tie and
    /// drop shortest paths.
    private mutating func dijkstra(_ s: Int) {
        heap.removeAll()
        seen[s] = 0
        sigma[s] = 1
        heap.push(0, node: s, pred: s)
        while !heap.isEmpty {
            let (d, v, _) = heap.pop()
            if distance[v] != .infinity { continue }   // settled already: a stale entry
            order.append(v)
            distance[v] = d
            for l in graph.offsets[v]..<graph.offsets[v + 1] {
                let w = Int(graph.heads[l])
                guard distance[w] == .infinity else { continue }
                let vw = d + graph.lengths[l]
                let tied = seen[w] != .infinity && abs(vw - seen[w]) <= 1e-10 * max(vw, seen[w])
                if vw < seen[w], !tied {
                    seen[w] = vw
                    heap.push(vw, node: w, pred: v)
                    sigma[w] = sigma[v]
                    predCount[w] = 0
                    addPred(w, link: l)
                } else if tied {
                    sigma[w] += sigma[v]
                    addPred(w, link: l)
                }
            }
        }
    }
}
