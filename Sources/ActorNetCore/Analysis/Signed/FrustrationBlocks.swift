/// The pieces the frustration index is solved on: connected components, and inside them the
/// blocks (biconnected components) of a signed graph.
///
/// Why blocks: every tie lies in exactly one block, two blocks share at most one actor (a cut
/// vertex), and the blocks and cut vertices form a tree. Swapping the two camps of a whole
/// block leaves its frustrated ties unchanged, so, walking that tree, any optimal split of each
/// block can be swapped to agree with the blocks already placed at their shared cut vertex.
/// The frustration index is therefore the sum of the blocks' indices, a bridge is never
/// frustrated, and the exact search only ever faces one block at a time.
///
/// Blocks are found by Hopcroft & Tarjan's depth-first search (CACM 16(6):372–378, 1973,
/// doi:10.1145/362248.362272), run iteratively so a path of 10⁵ actors cannot overflow the stack.
/// Roots are taken in increasing node order, so each component is rooted at its lowest-index
/// actor and numbered like `Components`.
///
/// - Complexity: O(n + m) time and memory.
struct FrustrationBlocks {
    /// Per node: its connected component, numbered by smallest node.
    let component: [Int]
    /// Per component: its lowest-index node (the root of its search).
    let componentRoot: [Int]
    /// The pairs of block b are `blockPairs[blockOffsets[b]..<blockOffsets[b + 1]]` (pair
    /// indices into the signed graph).
    let blockOffsets: [Int]
    let blockPairs: [Int]
    /// Per block: the component it lies in.
    let blockComponent: [Int]

    var componentCount: Int { componentRoot.count }
    var blockCount: Int { blockComponent.count }

    init(_ graph: SignedGraph) {
        let n = graph.nodeCount
        let m = graph.pairCount
        // Arc → pair, so the search can tell the tree edge it came by from a parallel one.
        var arcOffsets = [Int](repeating: 0, count: n + 1)
        for p in 0..<m {
            arcOffsets[Int(graph.pairU[p]) + 1] += 1
            arcOffsets[Int(graph.pairV[p]) + 1] += 1
        }
        for v in 0..<n { arcOffsets[v + 1] += arcOffsets[v] }
        var arcHead = [Int](repeating: 0, count: 2 * m)
        var arcPair = [Int](repeating: 0, count: 2 * m)
        var fill = Array(arcOffsets.dropLast())
        for p in 0..<m {
            let (u, v) = (Int(graph.pairU[p]), Int(graph.pairV[p]))
            arcHead[fill[u]] = v; arcPair[fill[u]] = p; fill[u] += 1
            arcHead[fill[v]] = u; arcPair[fill[v]] = p; fill[v] += 1
        }

        var component = [Int](repeating: -1, count: n)
        var componentRoot: [Int] = []
        var discovered = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var blockOffsets = [0]
        var blockPairs: [Int] = []
        blockPairs.reserveCapacity(m)
        var blockComponent: [Int] = []
        var time = 0
        // The search stack: node, the pair it was entered by (−1 at the root), next arc to try.
        var stackNode: [Int] = [], stackPair: [Int] = [], stackArc: [Int] = []
        var pairStack: [Int] = []

        for root in 0..<n where component[root] < 0 {
            let c = componentRoot.count
            componentRoot.append(root)
            component[root] = c
            discovered[root] = time; low[root] = time; time += 1
            stackNode = [root]; stackPair = [-1]; stackArc = [arcOffsets[root]]
            while let v = stackNode.last {
                let top = stackNode.count - 1
                let a = stackArc[top]
                if a < arcOffsets[v + 1] {
                    stackArc[top] = a + 1
                    let w = arcHead[a], p = arcPair[a]
                    if p == stackPair[top] { continue }
                    if discovered[w] < 0 {
                        component[w] = c
                        discovered[w] = time; low[w] = time; time += 1
                        pairStack.append(p)
                        stackNode.append(w); stackPair.append(p); stackArc.append(arcOffsets[w])
                    } else if discovered[w] < discovered[v] {
                        pairStack.append(p)
                        low[v] = min(low[v], discovered[w])
                    }
                    continue
                }
                let enteredBy = stackPair[top]
                stackNode.removeLast(); stackPair.removeLast(); stackArc.removeLast()
                guard let u = stackNode.last else { break }
                low[u] = min(low[u], low[v])
                if low[v] >= discovered[u] {
                    // u separates v's subtree: the pairs stacked since the tree pair (u, v) are a block.
                    while let p = pairStack.popLast() {
                        blockPairs.append(p)
                        if p == enteredBy { break }
                    }
                    blockOffsets.append(blockPairs.count)
                    blockComponent.append(c)
                }
            }
        }
        self.component = component
        self.componentRoot = componentRoot
        self.blockOffsets = blockOffsets
        self.blockPairs = blockPairs
        self.blockComponent = blockComponent
    }

    /// The pairs of block b.
    func pairs(ofBlock b: Int) -> ArraySlice<Int> { blockPairs[blockOffsets[b]..<blockOffsets[b + 1]] }
}

/// One block of a signed graph, renumbered 0..<n, with the cost of frustrating each tie: what
/// the exact search, the local search and the lower bound all read.
///
/// Local vertices are numbered in increasing node order and every row is sorted, so everything
/// computed from a subgraph is deterministic.
struct FrustrationSubgraph {
    /// Local vertex → node index in the signed graph.
    let nodes: [Int]
    /// CSR adjacency: the arcs of local vertex v are `offsets[v]..<offsets[v + 1]`.
    let offsets: [Int]
    let neighbors: [Int]
    /// Per arc: the local tie it belongs to (0..<tieCount), the cost of frustrating it and
    /// whether it is negative.
    let arcTie: [Int]
    let weights: [Double]
    let negative: [Bool]
    /// Per tie: the pair index in the signed graph.
    let tiePair: [Int]
    /// Whether every cost is a whole number (then no two objective values differ by less than 1).
    let integral: Bool
    /// The summed cost of all ties.
    let totalWeight: Double

    var vertexCount: Int { nodes.count }
    var tieCount: Int { tiePair.count }

    /// The subgraph on `pairs` (pair indices of `graph`); `localIndex` is scratch of one entry
    /// per node, all −1, and is left so.
    init(graph: SignedGraph, pairs: some Collection<Int>, objective: FrustrationObjective, localIndex: inout [Int]) {
        var nodes: [Int] = []
        for p in pairs {
            for x in [Int(graph.pairU[p]), Int(graph.pairV[p])] where localIndex[x] < 0 {
                localIndex[x] = 0
                nodes.append(x)
            }
        }
        nodes.sort()
        for (i, x) in nodes.enumerated() { localIndex[x] = i }
        let sortedPairs = pairs.sorted()
        let n = nodes.count
        var offsets = [Int](repeating: 0, count: n + 1)
        for p in sortedPairs {
            offsets[localIndex[Int(graph.pairU[p])] + 1] += 1
            offsets[localIndex[Int(graph.pairV[p])] + 1] += 1
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        let arcs = offsets[n]
        var neighbors = [Int](repeating: 0, count: arcs)
        var arcTie = [Int](repeating: 0, count: arcs)
        var weights = [Double](repeating: 0, count: arcs)
        var negative = [Bool](repeating: false, count: arcs)
        var fill = Array(offsets.dropLast())
        var integral = true
        var total = 0.0
        // Pairs sorted by (u, v) fill every row in increasing neighbour order (see SignedGraph).
        for (t, p) in sortedPairs.enumerated() {
            let u = localIndex[Int(graph.pairU[p])], v = localIndex[Int(graph.pairV[p])]
            let w = objective == .unweighted ? 1 : graph.pairWeight[p]
            if w != w.rounded() { integral = false }
            total += w
            for (a, b) in [(u, v), (v, u)] {
                neighbors[fill[a]] = b
                arcTie[fill[a]] = t
                weights[fill[a]] = w
                negative[fill[a]] = graph.pairSign[p] < 0
                fill[a] += 1
            }
        }
        for x in nodes { localIndex[x] = -1 }
        self.nodes = nodes
        self.offsets = offsets
        self.neighbors = neighbors
        self.arcTie = arcTie
        self.weights = weights
        self.negative = negative
        self.tiePair = sortedPairs
        self.integral = integral
        self.totalWeight = total
    }

    /// The summed cost of the ties that `camps` frustrates.
    func cost(of camps: [UInt8]) -> Double {
        var total = 0.0
        for v in 0..<vertexCount {
            for a in offsets[v]..<offsets[v + 1] where neighbors[a] > v
                && negative[a] == (camps[v] == camps[neighbors[a]]) {
                total += weights[a]
            }
        }
        return total
    }

    /// A margin below any real difference between two objective values: whole-number costs
    /// differ by at least 1; otherwise allow for rounding in sums of many strengths. A solution
    /// counts as better only if it is cheaper by more than this.
    var tolerance: Double { integral ? 0.5 : 1e-9 * max(1, totalWeight) }
}
