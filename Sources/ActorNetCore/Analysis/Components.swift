/// Weakly connected components of a view: nodes joined by edges of either direction.
///
/// Components are numbered by their smallest node index, so numbering is deterministic.
///
/// - Complexity: O(n + m) (breadth-first search over the out- and in-adjacency).
public struct Components: Sendable, Hashable {
    /// The component of each node.
    public let component: [Int]
    /// The number of nodes in each component.
    public let sizes: [Int]

    public var count: Int { sizes.count }

    public init(of view: NetworkView) {
        let n = view.nodeCount
        var component = [Int](repeating: -1, count: n)
        var sizes: [Int] = []
        var queue = [Int](repeating: 0, count: n)
        for start in 0..<n where component[start] < 0 {
            let c = sizes.count
            component[start] = c
            var head = 0, tail = 0
            queue[tail] = start
            tail += 1
            while head < tail {
                let v = queue[head]
                head += 1
                for (offsets, neighbors) in [(view.outOffsets, view.outNeighbor), (view.inOffsets, view.inNeighbor)] {
                    for a in Int(offsets[v])..<Int(offsets[v + 1]) {
                        let w = Int(neighbors[a])
                        if component[w] < 0 {
                            component[w] = c
                            queue[tail] = w
                            tail += 1
                        }
                    }
                }
            }
            sizes.append(tail)
        }
        self.component = component
        self.sizes = sizes
    }
}
