/// What Dijkstra's search keeps its frontier in: the nodes reached but not yet settled.
///
/// `popCandidate` hands out a node whose tentative distance (the caller's `seen`) is final; a
/// frontier may also hand out a node it holds twice after a decrease, which the caller skips as
/// already settled.
protocol DijkstraFrontier {
    var isEmpty: Bool { get }
    /// `node` is reached for the first time, at `key`.
    mutating func insert(_ node: Int, key: Double)
    /// `node`, already in the frontier, is reached by a shorter path of length `key`.
    mutating func lower(_ node: Int, key: Double)
    mutating func popCandidate() -> Int
    /// Whether a link into a settled node could look like a tie (its length below the 1e-10
    /// relative tolerance of the distances), so the path counting must test for settled heads.
    var linksIntoSettledNodesMayTie: Bool { get }
}

extension IndexedHeap: DijkstraFrontier {
    mutating func insert(_ node: Int, key: Double) { push(node, key: key) }
    mutating func lower(_ node: Int, key: Double) { decrease(node, key: key) }
    mutating func popCandidate() -> Int { popMin().node }
    var linksIntoSettledNodesMayTie: Bool { true }
}

/// Dijkstra's frontier in circular buckets of distance, each `width` wide, with `width` half
/// the shortest link: a node reached from bucket k lands at least two buckets later, so when
/// the search comes to a bucket every node in it is settled — no node in it can shorten the
/// path to another, or be one's predecessor — and the bucket is emptied in any order (Dial's
/// algorithm, with the bucket width Dinitz showed exact). No heap: a push and a pop are O(1),
/// against O(log n) comparisons and a chain of dependent loads for a heap pop, which is what
/// the weighted searches spent most of their time on (scripts/bench.d/profiles.md).
///
/// The longest link spans at most `maxLength / width + 1` buckets, so a ring of a power of two
/// larger than that never wraps onto a pending entry. Each bucket is a stack threaded through
/// one entry pool (a node and the next entry's index); a shorter path pushes the node again
/// and its older entry, in a later bucket, is skipped as settled.
///
/// The order of settling is by non-decreasing bucket, not by exact distance: every node still
/// comes after all its predecessors on shortest paths (two ends of a link are two buckets
/// apart, far more than the 1e-10 relative tolerance ties are decided with), which is all
/// Brandes's accumulation and the sums of closeness need.
///
/// Used when the ring needs at most `maximumBuckets` (the links' lengths span a factor of up to
/// about 32,000); beyond that the walk over empty buckets could outweigh the heap, which is
/// used instead.
///
/// References: R. B. Dial, "Algorithm 360: shortest-path forest with topological ordering",
/// Communications of the ACM 12(11):632–633, 1969, doi:10.1145/363269.363610; E. A. Dinitz,
/// "Economical algorithms for finding shortest paths in a network", in Transportation Modeling
/// Systems, 1978, pp. 36–44 (buckets as wide as the shortest arc); U. Meyer and P. Sanders,
/// "Δ-stepping: a parallelizable shortest path algorithm", Journal of Algorithms 49(1):114–152,
/// 2003, doi:10.1016/S0196-6774(03)00076-2.
///
/// - Complexity: O(1) per push and per settled node, plus one step per bucket passed: about
///   (longest distance) / width per search.
struct DistanceBuckets: DijkstraFrontier {
    /// The largest ring used; wider spans of link lengths use the heap.
    static let maximumBuckets = 1 << 16

    /// Per bucket: its top entry, or −1.
    private let top: UnsafeMutablePointer<Int32>
    private let entryNode: UnsafeMutablePointer<Int32>
    private let entryNext: UnsafeMutablePointer<Int32>
    private let mask: Int
    private let inverseWidth: Double
    /// A settled node w is at most one bucket above the node v being settled, and a link from
    /// v adds at least two buckets: v's path to w is longer than w's distance by more than a
    /// bucket width. That is beyond the tie tolerance (1e-10 of the distance) while distances
    /// stay below 1e9 widths, which `(nodes − 1) × longest link` bounds; past it (a million
    /// nodes with links spanning a factor over 500) the search tests for settled heads.
    let linksIntoSettledNodesMayTie: Bool
    /// Entries handed out since the search began.
    private var used = 0
    /// Entries pushed and not yet popped.
    private var pending = 0
    /// The bucket the search is in.
    private var current = 0

    /// Buckets for a search over `nodes` nodes and links of lengths in `minLength...maxLength`
    /// that pushes at most `capacity` entries; nil when the lengths are not positive and finite
    /// or span too wide a range for `maximumBuckets`.
    init?(minLength: Double, maxLength: Double, nodes: Int, capacity: Int) {
        guard minLength > 0, minLength.isFinite, maxLength.isFinite, maxLength >= minLength,
              capacity < Int(Int32.max) else { return nil }
        let width = minLength / 2
        let needed = maxLength / width + 3
        guard needed <= Double(Self.maximumBuckets) else { return nil }
        var buckets = 64
        while Double(buckets) < needed { buckets <<= 1 }
        mask = buckets - 1
        inverseWidth = 1 / width
        linksIntoSettledNodesMayTie = Double(max(0, nodes - 1)) * maxLength >= 1e9 * width
        top = .allocate(capacity: buckets)
        top.initialize(repeating: -1, count: buckets)
        entryNode = .allocate(capacity: max(1, capacity))
        entryNext = .allocate(capacity: max(1, capacity))
    }

    func deallocate() {
        top.deallocate()
        entryNode.deallocate()
        entryNext.deallocate()
    }

    /// Starts a search (every bucket is empty after the previous one ran to its end).
    mutating func begin() {
        used = 0
        pending = 0
        current = 0
    }

    var isEmpty: Bool { pending == 0 }

    @inline(__always) private mutating func push(_ node: Int, key: Double) {
        let bucket = Int(key * inverseWidth) & mask
        let entry = used
        entryNode[entry] = Int32(truncatingIfNeeded: node)
        entryNext[entry] = top[bucket]
        top[bucket] = Int32(truncatingIfNeeded: entry)
        used &+= 1
        pending &+= 1
    }

    @inline(__always) mutating func insert(_ node: Int, key: Double) { push(node, key: key) }
    @inline(__always) mutating func lower(_ node: Int, key: Double) { push(node, key: key) }

    /// A node of the lowest non-empty bucket (possibly one already settled from an earlier
    /// bucket after a decrease).
    @inline(__always) mutating func popCandidate() -> Int {
        var bucket = current
        var entry = top[bucket]
        while entry < 0 {
            bucket = (bucket &+ 1) & mask
            entry = top[bucket]
        }
        current = bucket
        top[bucket] = entryNext[Int(entry)]
        pending &-= 1
        return Int(entryNode[Int(entry)])
    }
}
