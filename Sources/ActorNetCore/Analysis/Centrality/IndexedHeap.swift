/// A 4-ary min-heap of nodes keyed by distance, with each node's slot kept so a key can be
/// lowered in place (Dijkstra's decrease-key). Ties are broken by node index, so the order of
/// pops is deterministic.
///
/// Four children per slot rather than two: the tree is half as deep, so a pop moves an entry
/// half as many levels, and the four children (16-byte entries) share one 64-byte cache line.
/// Pops dominate Dijkstra on sparse graphs, so that trade (three comparisons per level instead
/// of one) measured faster here (closeness on S: 0.87 s → 0.57 s with this heap and the
/// search loop changes together; a monotone radix heap measured slower, 1.26 s).
///
/// Reference: D. B. Johnson, "Priority queues with update and finding minimum spanning trees",
/// Information Processing Letters 4(3):53–57, 1975, doi:10.1016/0020-0190(75)90001-0.
///
/// - Complexity: push and decrease O(log₄ size) comparisons; popMin O(4 log₄ size).
struct IndexedHeap {
    private struct Entry {
        var key: Double
        var node: Int32
    }

    private let entries: UnsafeMutablePointer<Entry>
    /// Per node: its slot in the heap, or −1.
    private let position: UnsafeMutablePointer<Int32>
    private(set) var count = 0

    /// A heap for nodes 0..<capacity; each node can be in it at most once.
    init(capacity: Int) {
        entries = .allocate(capacity: max(1, capacity))
        position = .allocate(capacity: max(1, capacity))
        position.initialize(repeating: -1, count: max(1, capacity))
    }

    func deallocate() {
        entries.deallocate()
        position.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The least key (the heap must not be empty).
    var minKey: Double { entries[0].key }

    /// Empties the heap in O(count).
    mutating func removeAll() {
        for i in 0..<count { position[Int(entries[i].node)] = -1 }
        count = 0
    }

    /// Whether `node` is in the heap.
    func contains(_ node: Int) -> Bool { position[node] >= 0 }

    @inline(__always) private static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        a.key < b.key || (a.key == b.key && a.node < b.node)
    }

    @inline(__always) private func place(_ entry: Entry, at i: Int) {
        entries[i] = entry
        position[Int(entry.node)] = Int32(truncatingIfNeeded: i)
    }

    @inline(__always) private func siftUp(_ entry: Entry, from start: Int) {
        var i = start
        while i > 0 {
            let parent = (i &- 1) >> 2
            let above = entries[parent]
            guard Self.precedes(entry, above) else { break }
            place(above, at: i)
            i = parent
        }
        place(entry, at: i)
    }

    /// Adds a node that is not in the heap.
    mutating func push(_ node: Int, key: Double) {
        count &+= 1
        siftUp(Entry(key: key, node: Int32(truncatingIfNeeded: node)), from: count &- 1)
    }

    /// Lowers the key of a node in the heap (the new key must not be larger).
    func decrease(_ node: Int, key: Double) {
        siftUp(Entry(key: key, node: Int32(truncatingIfNeeded: node)), from: Int(position[node]))
    }

    /// Removes and returns the node with the least key (the lowest index among equal keys).
    mutating func popMin() -> (node: Int, key: Double) {
        let top = entries[0]
        position[Int(top.node)] = -1
        count &-= 1
        let n = count
        guard n > 0 else { return (Int(top.node), top.key) }
        let moving = entries[n]
        var i = 0
        while true {
            let first = 4 &* i &+ 1
            guard first < n else { break }
            var best = first
            var bestEntry = entries[first]
            var c = first &+ 1
            let end = min(first &+ 4, n)
            while c < end {
                let e = entries[c]
                if Self.precedes(e, bestEntry) {
                    best = c
                    bestEntry = e
                }
                c &+= 1
            }
            guard Self.precedes(bestEntry, moving) else { break }
            place(bestEntry, at: i)
            i = best
        }
        place(moving, at: i)
        return (Int(top.node), top.key)
    }
}

