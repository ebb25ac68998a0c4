/// The simple, undirected signed graph that the balance and hedging measures read.
///
/// A view may hold several relations between one pair, of either sign (Russia and Iran
/// cooperate and compete). Signed measures need one sign per pair, so the pair's relations in
/// the view are combined by their **net signed strength** Σ sign × weight: the pair's tie is
/// positive if that sum is > 0, negative if < 0, and its strength is |Σ|. A pair whose sum is
/// 0 (to within 1e-12 of the pair's total strength, so rounding cannot decide) is *ambivalent*: it is left out and counted in `ambivalentPairs`, so reports can
/// say so. Relations of weight 0 add nothing: a pair with only those has no tie. Directions are ignored. To analyse one kind of tie alone, filter the view first.
///
/// - Complexity: O(m log m) to build, for m edges in the view.
public struct SignedGraph: Sendable {
    public let actorIDs: [String]
    /// CSR adjacency: the neighbours of v are `neighbors[offsets[v]..<offsets[v+1]]`, sorted.
    public let offsets: [UInt32]
    public let neighbors: [UInt32]
    /// Per adjacency slot: the sign (+1/−1) and strength (> 0) of the tie.
    public let slotSign: [Int8]
    public let slotWeight: [Double]
    /// Per pair (u < v), sorted by (u, v): its ends, sign and strength.
    public let pairU: [UInt32]
    public let pairV: [UInt32]
    public let pairSign: [Int8]
    public let pairWeight: [Double]
    /// Pairs whose relations in the view cancel exactly (Σ sign × weight = 0), left out.
    public let ambivalentPairs: Int

    public var nodeCount: Int { actorIDs.count }
    public var pairCount: Int { pairU.count }

    public init(_ view: NetworkView) {
        let n = view.nodeCount
        let actorIDs = view.network.actors.map(\.id)
        let m = view.edgeCount
        func key(_ e: Int) -> UInt64 {
            let (s, t) = (view.edgeSource[e], view.edgeTarget[e])
            return UInt64(min(s, t)) << 32 | UInt64(max(s, t))
        }
        // Sorted by pair, then by edge order, so sums are taken in the same order every time.
        let order = (0..<m).sorted { key($0) != key($1) ? key($0) < key($1) : $0 < $1 }
        var pairU: [UInt32] = [], pairV: [UInt32] = [], pairSign: [Int8] = [], pairWeight: [Double] = []
        var ambivalent = 0
        let edgeSign = view.edgeSign, edgeWeight = view.edgeWeight
        var i = 0
        while i < m {
            let k = key(order[i])
            var net = 0.0, total = 0.0
            var j = i
            while j < m, key(order[j]) == k {
                net += Double(edgeSign[order[j]]) * edgeWeight[order[j]]
                total += edgeWeight[order[j]]
                j += 1
            }
            // Relations of weight 0 only: no tie of any sign (not a cancelling pair).
            if total == 0 {
                i = j
                continue
            }
            // Rounding must not turn a cancelling pair (0.1 + 0.2 − 0.3) into a tiny tie.
            if abs(net) <= 1e-12 * total {
                ambivalent += 1
            } else {
                pairU.append(UInt32(k >> 32))
                pairV.append(UInt32(k & 0xFFFF_FFFF))
                pairSign.append(net > 0 ? 1 : -1)
                pairWeight.append(abs(net))
            }
            i = j
        }
        self.init(actorIDs: actorIDs, nodeCount: n, pairU: pairU, pairV: pairV, pairSign: pairSign,
                  pairWeight: pairWeight, ambivalentPairs: ambivalent)
    }

    /// A signed graph from explicit pairs (each unordered pair at most once, u ≠ v), for
    /// tests and for data that is already simple.
    public init(actorIDs: [String], pairs: [(u: Int, v: Int, sign: Int8, weight: Double)]) {
        for p in pairs {
            precondition(actorIDs.indices.contains(p.u) && actorIDs.indices.contains(p.v) && p.u != p.v,
                         "a pair joins two different actors by index")
            precondition(p.sign == 1 || p.sign == -1, "a sign is +1 or −1")
            precondition(p.weight.isFinite && p.weight > 0, "a strength is finite and > 0")
        }
        precondition(Set(pairs.map { [min($0.u, $0.v), max($0.u, $0.v)] }).count == pairs.count, "each pair at most once")
        let sorted = pairs.map { (min($0.u, $0.v), max($0.u, $0.v), $0.sign, $0.weight) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        self.init(actorIDs: actorIDs, nodeCount: actorIDs.count, pairU: sorted.map { UInt32($0.0) },
                  pairV: sorted.map { UInt32($0.1) }, pairSign: sorted.map(\.2), pairWeight: sorted.map(\.3),
                  ambivalentPairs: 0)
    }

    private init(actorIDs: [String], nodeCount n: Int, pairU: [UInt32], pairV: [UInt32], pairSign: [Int8],
                 pairWeight: [Double], ambivalentPairs: Int) {
        self.actorIDs = actorIDs
        self.pairU = pairU
        self.pairV = pairV
        self.pairSign = pairSign
        self.pairWeight = pairWeight
        self.ambivalentPairs = ambivalentPairs
        var offsets = [UInt32](repeating: 0, count: n + 1)
        for p in 0..<pairU.count {
            offsets[Int(pairU[p]) + 1] += 1
            offsets[Int(pairV[p]) + 1] += 1
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var next = Array(offsets.dropLast())
        var neighbors = [UInt32](repeating: 0, count: Int(offsets[n]))
        var slotSign = [Int8](repeating: 0, count: neighbors.count)
        var slotWeight = [Double](repeating: 0, count: neighbors.count)
        // Pairs are sorted by (u, v), so filling in pair order leaves every row sorted: a row's
        // entries from pairs where it is v (smaller u) come before those where it is u.
        for p in 0..<pairU.count {
            let (u, v) = (Int(pairU[p]), Int(pairV[p]))
            for (a, b) in [(u, v), (v, u)] {
                let slot = Int(next[a])
                neighbors[slot] = UInt32(b)
                slotSign[slot] = pairSign[p]
                slotWeight[slot] = pairWeight[p]
                next[a] += 1
            }
        }
        self.offsets = offsets
        self.neighbors = neighbors
        self.slotSign = slotSign
        self.slotWeight = slotWeight
    }

    /// The sign of the tie between u and v, or nil if none. O(log degree).
    public func sign(between u: Int, _ v: Int) -> Int8? {
        slot(u, v).map { slotSign[$0] }
    }

    /// The strength of the tie between u and v, or nil if none. O(log degree).
    public func weight(between u: Int, _ v: Int) -> Double? {
        slot(u, v).map { slotWeight[$0] }
    }

    private func slot(_ u: Int, _ v: Int) -> Int? {
        var lo = Int(offsets[u]), hi = Int(offsets[u + 1])
        let target = UInt32(v)
        while lo < hi {
            let mid = (lo + hi) / 2
            if neighbors[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(offsets[u + 1]) && neighbors[lo] == target ? lo : nil
    }
}
