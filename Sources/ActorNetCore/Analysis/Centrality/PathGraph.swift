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

/// Single-source shortest paths with path counts (Brandes 2001): one worker's buffers,
/// allocated once and reused for every source, read through raw pointers in the hot loops (no
/// bounds checks, no reference counting, no allocation per source or per link).
///
/// After `run(from:)`: `order` holds the nodes reached, by non-decreasing distance; for each,
/// `distance`, `sigma` (the number of shortest paths) and its predecessor links
/// `predLinks[predStart[w] ..< predStart[w] + predCount[w]]` (link indices into the graph,
/// pointing from predecessor to w). Entries of nodes not reached are 0 / ∞.
final class ShortestPathCounter {
    let graph: PathGraph
    let weighted: Bool
    /// false: distances only (closeness, harmonic): no path counts, no predecessors.
    let countPaths: Bool
    let nodeCount: Int
    private(set) var reached = 0
    private let orderStorage: UnsafeMutablePointer<Int32>
    let sigma: UnsafeMutablePointer<Double>
    let distance: UnsafeMutablePointer<Double>
    /// Tentative distances during Dijkstra.
    private let seen: UnsafeMutablePointer<Double>
    let predStart: UnsafeMutablePointer<Int>
    let predCount: UnsafeMutablePointer<Int32>
    let predLinks: UnsafeMutablePointer<Int32>
    private var heap: IndexedHeap

    /// The nodes reached by the last run, by non-decreasing distance.
    var order: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: orderStorage, count: reached) }

    init(graph: PathGraph, weighted: Bool, countPaths: Bool = true) {
        self.graph = graph
        self.weighted = weighted
        self.countPaths = countPaths
        let n = graph.nodeCount
        nodeCount = n
        orderStorage = .allocate(capacity: max(1, n))
        sigma = .allocate(capacity: max(1, n))
        sigma.initialize(repeating: 0, count: max(1, n))
        distance = .allocate(capacity: max(1, n))
        distance.initialize(repeating: .infinity, count: max(1, n))
        seen = .allocate(capacity: max(1, n))
        seen.initialize(repeating: .infinity, count: max(1, n))
        predCount = .allocate(capacity: max(1, n))
        predCount.initialize(repeating: 0, count: max(1, n))
        // Predecessors of w are among its in-links: one slot per in-link.
        predStart = .allocate(capacity: n + 1)
        predStart.initialize(repeating: 0, count: n + 1)
        for h in graph.heads { predStart[Int(h) + 1] += 1 }
        for v in 0..<n { predStart[v + 1] += predStart[v] }
        predLinks = .allocate(capacity: max(1, graph.heads.count))
        heap = IndexedHeap(capacity: n)
    }

    deinit {
        orderStorage.deallocate()
        sigma.deallocate()
        distance.deallocate()
        seen.deallocate()
        predCount.deallocate()
        predStart.deallocate()
        predLinks.deallocate()
        heap.deallocate()
    }

    func run(from s: Int) {
        // Reset only what the previous run reached (every node given a tentative distance is
        // settled by the end): O(reached), not O(n), per source.
        for i in 0..<reached {
            let v = Int(orderStorage[i])
            sigma[v] = 0
            distance[v] = .infinity
            seen[v] = .infinity
            predCount[v] = 0
        }
        reached = 0
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.heads.withUnsafeBufferPointer { heads in
                if weighted {
                    graph.lengths.withUnsafeBufferPointer { lengths in
                        if countPaths {
                            dijkstra(s, offsets.baseAddress!, heads.baseAddress!, lengths.baseAddress!)
                        } else {
                            dijkstraDistances(s, offsets.baseAddress!, heads.baseAddress!, lengths.baseAddress!)
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

    @inline(__always) private func addPred(_ w: Int, link: Int) {
        predLinks[predStart[w] + Int(predCount[w])] = Int32(truncatingIfNeeded: link)
        predCount[w] += 1
    }

    /// Breadth-first search; the queue is `order` itself.
    private func bfs(_ s: Int, _ offsets: UnsafePointer<Int>, _ heads: UnsafePointer<Int32>) {
        sigma[s] = 1
        distance[s] = 0
        orderStorage[0] = Int32(truncatingIfNeeded: s)
        var head = 0, tail = 1
        while head < tail {
            let v = Int(orderStorage[head])
            head += 1
            let next = distance[v] + 1
            let sv = sigma[v]
            for l in offsets[v]..<offsets[v + 1] {
                let w = Int(heads[l])
                let dw = distance[w]
                if dw == .infinity {
                    distance[w] = next
                    orderStorage[tail] = Int32(truncatingIfNeeded: w)
                    tail += 1
                    sigma[w] = sv
                    addPred(w, link: l)
                } else if dw == next {
                    sigma[w] += sv
                    addPred(w, link: l)
                }
            }
        }
        reached = tail
    }

    /// Breadth-first distances only.
    private func bfsDistances(_ s: Int, _ offsets: UnsafePointer<Int>, _ heads: UnsafePointer<Int32>) {
        distance[s] = 0
        orderStorage[0] = Int32(truncatingIfNeeded: s)
        var head = 0, tail = 1
        while head < tail {
            let v = Int(orderStorage[head])
            head += 1
            let next = distance[v] + 1
            for l in offsets[v]..<offsets[v + 1] {
                let w = Int(heads[l])
                if distance[w] == .infinity {
                    distance[w] = next
                    orderStorage[tail] = Int32(truncatingIfNeeded: w)
                    tail += 1
                }
            }
        }
        reached = tail
    }

    /// Dijkstra distances only.
    private func dijkstraDistances(_ s: Int, _ offsets: UnsafePointer<Int>, _ heads: UnsafePointer<Int32>,
                                   _ lengths: UnsafePointer<Double>) {
        seen[s] = 0
        heap.push(s, key: 0)
        while !heap.isEmpty {
            let (v, d) = heap.popMin()
            orderStorage[reached] = Int32(truncatingIfNeeded: v)
            reached += 1
            distance[v] = d
            for l in offsets[v]..<offsets[v + 1] {
                let w = Int(heads[l])
                guard distance[w] == .infinity else { continue }
                let vw = d + lengths[l]
                let sw = seen[w]
                if vw < sw {
                    if sw == .infinity { heap.push(w, key: vw) } else { heap.decrease(w, key: vw) }
                    seen[w] = vw
                }
            }
        }
    }

    /// Dijkstra with path counting and an indexed heap (decrease-key, no stale entries). Two
    /// path lengths within a relative 1e-10 of each other are *tied*, as in igraph: with
    /// lengths 1/weight, 1/3 + 1/6 and 1/2 differ in the last bit of a double, and exact
    /// comparison (networkx) would miss a real tie and drop shortest paths.
    private func dijkstra(_ s: Int, _ offsets: UnsafePointer<Int>, _ heads: UnsafePointer<Int32>,
                          _ lengths: UnsafePointer<Double>) {
        seen[s] = 0
        sigma[s] = 1
        heap.push(s, key: 0)
        while !heap.isEmpty {
            let (v, d) = heap.popMin()
            orderStorage[reached] = Int32(truncatingIfNeeded: v)
            reached += 1
            distance[v] = d
            let sv = sigma[v]
            for l in offsets[v]..<offsets[v + 1] {
                let w = Int(heads[l])
                guard distance[w] == .infinity else { continue }
                let vw = d + lengths[l]
                let sw = seen[w]
                let tied = sw != .infinity && abs(vw - sw) <= 1e-10 * max(vw, sw)
                if tied {
                    sigma[w] += sv
                    addPred(w, link: l)
                } else if vw < sw {
                    if sw == .infinity { heap.push(w, key: vw) } else { heap.decrease(w, key: vw) }
                    seen[w] = vw
                    sigma[w] = sv
                    predCount[w] = 0
                    addPred(w, link: l)
                }
            }
        }
    }
}

/// A binary min-heap of nodes keyed by distance, with each node's position kept so a key can be
/// lowered in place (Dijkstra's decrease-key). Ties are broken by node index, so the order is
/// deterministic.
///
/// - Complexity: push, decrease and popMin O(log size).
struct IndexedHeap {
    private let nodes: UnsafeMutablePointer<Int32>
    private let keys: UnsafeMutablePointer<Double>
    /// Per node: its slot in the heap, or −1.
    private let position: UnsafeMutablePointer<Int32>
    private(set) var count = 0

    init(capacity: Int) {
        nodes = .allocate(capacity: max(1, capacity))
        keys = .allocate(capacity: max(1, capacity))
        position = .allocate(capacity: max(1, capacity))
        position.initialize(repeating: -1, count: max(1, capacity))
    }

    func deallocate() {
        nodes.deallocate()
        keys.deallocate()
        position.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always) private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] != keys[j] ? keys[i] < keys[j] : nodes[i] < nodes[j]
    }

    @inline(__always) private func place(_ node: Int32, _ key: Double, at i: Int) {
        nodes[i] = node
        keys[i] = key
        position[Int(node)] = Int32(truncatingIfNeeded: i)
    }

    private func siftUp(_ start: Int) {
        var i = start
        let node = nodes[i], key = keys[i]
        while i > 0 {
            let parent = (i - 1) >> 1
            let pk = keys[parent]
            guard key < pk || (key == pk && node < nodes[parent]) else { break }
            place(nodes[parent], pk, at: i)
            i = parent
        }
        place(node, key, at: i)
    }

    mutating func push(_ node: Int, key: Double) {
        place(Int32(truncatingIfNeeded: node), key, at: count)
        count += 1
        siftUp(count - 1)
    }

    /// Lowers the key of a node in the heap.
    func decrease(_ node: Int, key: Double) {
        let i = Int(position[node])
        keys[i] = key
        siftUp(i)
    }

    mutating func popMin() -> (node: Int, key: Double) {
        let top = (Int(nodes[0]), keys[0])
        position[top.0] = -1
        count -= 1
        guard count > 0 else { return top }
        let node = nodes[count], key = keys[count]
        var i = 0
        while true {
            let l = 2 * i + 1
            guard l < count else { break }
            var c = l
            if l + 1 < count, less(l + 1, l) { c = l + 1 }
            let ck = keys[c]
            guard ck < key || (ck == key && nodes[c] < node) else { break }
            place(nodes[c], ck, at: i)
            i = c
        }
        place(node, key, at: i)
        return top
    }
}
