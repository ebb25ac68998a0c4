/// The signed triangle census: how many triangles of a signed graph have each sign pattern.
///
/// A triangle is three actors joined pairwise. By structural balance theory (Heider 1946;
/// Cartwright & Harary 1956, *Psychological Review* 63(5):277–293, doi:10.1037/h0046049) a
/// triangle is *balanced* when the product of its signs is positive: +++ ("the friend of my
/// friend is my friend") and +−− ("the enemy of my enemy is my friend"); ++− and −−− are
/// unbalanced. The balance ratio is
///
///     (T+++ + T+−−) / (T+++ + T++− + T+−− + T−−−),
///
/// signnet's `balance_score(g, method = "triangles")` (Schoch, signnet, doi:10.21105/joss.04987).
/// It is `nil` for a graph without triangles, where balance is undefined. Ties are the pairs of
/// the `SignedGraph`: one net sign per pair, ambivalent pairs left out, strengths ignored.
///
/// Example: Read's Gahuku–Gama tribes have 19 / 2 / 40 / 7 triangles, ratio 59/68 ≈ 0.8676.
///
/// Each triangle is enumerated once by forward intersection (Schank & Wagner 2005, "Finding,
/// counting and listing all triangles in large graphs", WEA 2005, doi:10.1007/11427186_54;
/// Latapy 2008, doi:10.1016/j.tcs.2008.07.017): each pair is oriented from the lower to the
/// higher (degree, index) rank and the sorted out-lists of its ends are intersected.
///
/// - Complexity: O(m^1.5) time for m pairs (every out-list has at most √(2m) entries), O(n + m)
///   memory.
public struct TriangleCensus: Sendable, Hashable {
    public init() {}

    public func run(on graph: SignedGraph) -> SignedTriangleCensus {
        let n = graph.nodeCount
        // Rank nodes by (degree, index); orient every pair from lower to higher rank.
        var rank = [Int](repeating: 0, count: n)
        let byDegree = (0..<n).sorted { a, b in
            let (da, db) = (graph.offsets[a + 1] - graph.offsets[a], graph.offsets[b + 1] - graph.offsets[b])
            return da != db ? da < db : a < b
        }
        for (r, v) in byDegree.enumerated() { rank[v] = r }

        // Forward CSR: each row keeps the index order of the signed graph's rows.
        var forwardOffsets = [Int](repeating: 0, count: n + 1)
        var forwardNeighbor: [Int32] = []
        var forwardSign: [Int8] = []
        forwardNeighbor.reserveCapacity(graph.pairCount)
        forwardSign.reserveCapacity(graph.pairCount)
        for v in 0..<n {
            for slot in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                let w = Int(graph.neighbors[slot])
                if rank[w] > rank[v] {
                    forwardNeighbor.append(Int32(w))
                    forwardSign.append(graph.slotSign[slot])
                }
            }
            forwardOffsets[v + 1] = forwardNeighbor.count
        }

        // byPattern[k]: triangles with k negative ties; perNode[4 * v + k] the same per node.
        var byPattern = [Int](repeating: 0, count: 4)
        var perNode = [Int](repeating: 0, count: 4 * n)
        forwardNeighbor.withUnsafeBufferPointer { nb in
            forwardSign.withUnsafeBufferPointer { sg in
                for u in 0..<n {
                    let uStart = forwardOffsets[u], uEnd = forwardOffsets[u + 1]
                    for a in uStart..<uEnd {
                        let w = Int(nb[a])
                        let uwNegative = sg[a] < 0 ? 1 : 0
                        var i = uStart, j = forwardOffsets[w]
                        let jEnd = forwardOffsets[w + 1]
                        while i < uEnd, j < jEnd {
                            let x = nb[i], y = nb[j]
                            if x < y {
                                i += 1
                            } else if y < x {
                                j += 1
                            } else {
                                let k = uwNegative + (sg[i] < 0 ? 1 : 0) + (sg[j] < 0 ? 1 : 0)
                                byPattern[k] += 1
                                perNode[4 * u + k] += 1
                                perNode[4 * w + k] += 1
                                perNode[4 * Int(x) + k] += 1
                                i += 1
                                j += 1
                            }
                        }
                    }
                }
            }
        }
        let byActor = (0..<n).map { v in
            SignedTriangleCounts(plusPlusPlus: perNode[4 * v], plusPlusMinus: perNode[4 * v + 1],
                                 plusMinusMinus: perNode[4 * v + 2], minusMinusMinus: perNode[4 * v + 3])
        }
        return SignedTriangleCensus(
            actorIDs: graph.actorIDs,
            counts: SignedTriangleCounts(plusPlusPlus: byPattern[0], plusPlusMinus: byPattern[1],
                                         plusMinusMinus: byPattern[2], minusMinusMinus: byPattern[3]),
            byActor: byActor)
    }
}

/// Triangle counts by sign pattern (the order of the signs within a triangle does not matter).
public struct SignedTriangleCounts: Sendable, Hashable {
    /// T+++: three positive ties (balanced).
    public let plusPlusPlus: Int
    /// T++−: two positive ties and one negative (unbalanced; the pattern of hedging).
    public let plusPlusMinus: Int
    /// T+−−: one positive tie and two negative (balanced).
    public let plusMinusMinus: Int
    /// T−−−: three negative ties (unbalanced).
    public let minusMinusMinus: Int

    public init(plusPlusPlus: Int, plusPlusMinus: Int, plusMinusMinus: Int, minusMinusMinus: Int) {
        self.plusPlusPlus = plusPlusPlus
        self.plusPlusMinus = plusPlusMinus
        self.plusMinusMinus = plusMinusMinus
        self.minusMinusMinus = minusMinusMinus
    }

    /// All triangles.
    public var total: Int { plusPlusPlus + plusPlusMinus + plusMinusMinus + minusMinusMinus }

    /// T+++ + T+−−: the triangles whose sign product is positive.
    public var balanced: Int { plusPlusPlus + plusMinusMinus }

    /// T++− + T−−−.
    public var unbalanced: Int { plusPlusMinus + minusMinusMinus }

    /// balanced / total, in [0, 1]; nil when there is no triangle.
    public var balanceRatio: Double? { total == 0 ? nil : Double(balanced) / Double(total) }
}

/// The result of `TriangleCensus`: the counts for the whole graph and for each actor.
public struct SignedTriangleCensus: Sendable, Hashable {
    public let actorIDs: [String]
    /// Every triangle of the graph, counted once.
    public let counts: SignedTriangleCounts
    /// Per actor (indexed like `actorIDs`): the triangles it belongs to. Each triangle is
    /// counted at its three corners, so these sum to three times `counts`.
    public let byActor: [SignedTriangleCounts]

    /// The share of balanced triangles, (T+++ + T+−−) / total; nil when there is no triangle.
    public var balanceRatio: Double? { counts.balanceRatio }

    /// The counts of one actor by id (O(n); index `byActor` directly in loops).
    public func counts(of id: String) -> SignedTriangleCounts? {
        actorIDs.firstIndex(of: id).map { byActor[$0] }
    }
}
