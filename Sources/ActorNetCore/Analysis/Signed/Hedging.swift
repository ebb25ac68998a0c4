#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Hedging: which actors keep positive ties to both sides of a rivalry.
///
/// Russia hedges between Iran and Israel when it cooperates with both while they are rivals:
/// the triangle Russia–Iran–Israel has signs (+, +, −) with Russia at the apex, the corner
/// between the two positive ties. In structural balance terms (Cartwright & Harary 1956,
/// doi:10.1037/h0046049) the apex sits in an unbalanced ++− triangle; in the terms of
/// Simmel's *tertius* it is the third party with access to both sides. Per actor i, on the
/// pairs of a `SignedGraph` (one net sign per pair, ambivalent pairs left out):
///
/// - **H(i)**, the hedges: the number of unordered pairs {j, k} with a negative tie j–k and
///   positive ties i–j and i–k;
/// - **h(i) = H(i) / C(d⁺(i), 2)**, the hedging ratio: the share of the pairs of i's positive
///   partners that are rivals, where d⁺(i) is i's number of positive ties; 0 when d⁺(i) < 2;
/// - **H_w(i) = Σ (ŵ_ij · ŵ_ik · ŵ_jk)^(1/3)** over those pairs, the weighted hedges, where
///   ŵ = pair strength / the largest pair strength in the graph, so each hedge counts in (0, 1]
///   as the geometric mean of its three normalised strengths (the triangle intensity of Onnela
///   et al. 2005, doi:10.1103/PhysRevE.71.065103);
/// - the straddled rivalries themselves, each with that geometric mean as its strength.
///
/// Σ_i H(i) equals the number of ++− triangles of `TriangleCensus`, since each such triangle
/// has exactly one apex. A balanced network (two camps, friends within, enemies across) has
/// no hedging at all.
///
/// Example: RUS–IRN +, RUS–ISR +, IRN–ISR − gives H(RUS) = 1, h(RUS) = 1 and H = 0 for the
/// others; with strengths 4, 2 and 4, ŵ = 1, ½, 1 and H_w(RUS) = (½)^(1/3) ≈ 0.794.
///
/// Every result is independent of the order of the actors: rivalries are sorted strongest
/// first, then by ids, and H_w is summed in that order.
///
/// - Complexity: O(Σ over negative pairs {j, k} of (d⁺(j) + d⁺(k)) + T log T) time, where T is
///   the number of ++− triangles (each is sorted into its apex's list), and O(n + m + T) memory.
public struct Hedging: Sendable, Hashable {
    public init() {}

    public func run(on graph: SignedGraph) -> HedgingScores {
        let n = graph.nodeCount
        let maximumStrength = graph.pairWeight.max() ?? 1

        // Positive adjacency in CSR, rows sorted by index like the signed graph's, with the
        // cube root of each tie's normalised strength.
        var positiveOffsets = [Int](repeating: 0, count: n + 1)
        var positiveNeighbor: [Int32] = []
        var positiveRoot: [Double] = []
        for v in 0..<n {
            for slot in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) where graph.slotSign[slot] > 0 {
                positiveNeighbor.append(Int32(graph.neighbors[slot]))
                positiveRoot.append(cbrt(graph.slotWeight[slot] / maximumStrength))
            }
            positiveOffsets[v + 1] = positiveNeighbor.count
        }

        // Every negative pair {j, k}: its common positive neighbours are the apexes hedging on it.
        var hedges = [Int](repeating: 0, count: n)
        var found: [[Hedge]] = Array(repeating: [], count: n)
        positiveNeighbor.withUnsafeBufferPointer { nb in
            positiveRoot.withUnsafeBufferPointer { root in
                for p in 0..<graph.pairCount where graph.pairSign[p] < 0 {
                    let j = Int(graph.pairU[p]), k = Int(graph.pairV[p])
                    let rivalryRoot = cbrt(graph.pairWeight[p] / maximumStrength)
                    var a = positiveOffsets[j], b = positiveOffsets[k]
                    let aEnd = positiveOffsets[j + 1], bEnd = positiveOffsets[k + 1]
                    while a < aEnd, b < bEnd {
                        let x = nb[a], y = nb[b]
                        if x < y {
                            a += 1
                        } else if y < x {
                            b += 1
                        } else {
                            let i = Int(x)
                            hedges[i] += 1
                            // i's two ties first: their product is the same whichever rival is j.
                            found[i].append(Hedge(j: j, k: k, strength: (root[a] * root[b]) * rivalryRoot))
                            a += 1
                            b += 1
                        }
                    }
                }
            }
        }

        // Rank of each actor by id, so that sorting compares integers.
        var idRank = [Int](repeating: 0, count: n)
        for (r, v) in (0..<n).sorted(by: { graph.actorIDs[$0] < graph.actorIDs[$1] }).enumerated() { idRank[v] = r }

        var scores: [HedgingScore] = []
        scores.reserveCapacity(n)
        for i in 0..<n {
            let ordered = found[i]
                .map { h in idRank[h.j] < idRank[h.k] ? h : Hedge(j: h.k, k: h.j, strength: h.strength) }
                .sorted { a, b in
                    if a.strength != b.strength { return a.strength > b.strength }
                    if a.j != b.j { return idRank[a.j] < idRank[b.j] }
                    return idRank[a.k] < idRank[b.k]
                }
            var weighted = 0.0
            for h in ordered { weighted += h.strength }
            let degree = positiveOffsets[i + 1] - positiveOffsets[i]
            let partnerPairs = degree * (degree - 1) / 2
            scores.append(HedgingScore(
                id: graph.actorIDs[i], node: i, hedges: hedges[i],
                hedgingRatio: partnerPairs == 0 ? 0 : Double(hedges[i]) / Double(partnerPairs),
                weightedHedges: weighted, positiveDegree: degree,
                rivalries: ordered.map {
                    StraddledRivalry(first: graph.actorIDs[$0.j], second: graph.actorIDs[$0.k],
                                     firstNode: $0.j, secondNode: $0.k, strength: $0.strength)
                }))
        }
        return HedgingScores(scores: scores, totalHedges: hedges.reduce(0, +),
                             maximumStrength: graph.pairCount == 0 ? nil : maximumStrength)
    }

    private struct Hedge {
        var j: Int
        var k: Int
        var strength: Double
    }
}

/// A rivalry that an actor straddles: it has positive ties to both rivals.
public struct StraddledRivalry: Sendable, Hashable {
    /// The rival whose id sorts first.
    public let first: String
    /// The other rival.
    public let second: String
    /// The node indices of the rivals.
    public let firstNode: Int
    public let secondNode: Int
    /// (ŵ_i,first · ŵ_i,second · ŵ_first,second)^(1/3), in (0, 1]: 1 when all three ties are as
    /// strong as the strongest pair of the graph.
    public let strength: Double
}

/// One actor's hedging.
public struct HedgingScore: Sendable, Hashable {
    public let id: String
    /// The actor's node index.
    public let node: Int
    /// H: the rivalries (negative pairs) whose both sides the actor has positive ties to.
    public let hedges: Int
    /// h = H / C(d⁺, 2), in [0, 1]: the share of pairs of positive partners that are rivals;
    /// 0 when the actor has fewer than two positive ties.
    public let hedgingRatio: Double
    /// H_w: the sum of the straddled rivalries' strengths, in [0, H].
    public let weightedHedges: Double
    /// d⁺: the number of actors the actor has a positive tie with.
    public let positiveDegree: Int
    /// The straddled rivalries, strongest first; ties by (first id, second id).
    public let rivalries: [StraddledRivalry]
}

/// The result of `Hedging`: one score per actor, indexed like the graph's actors.
public struct HedgingScores: Sendable, Hashable {
    public let scores: [HedgingScore]
    /// Σ H over all actors: the number of ++− triangles.
    public let totalHedges: Int
    /// The largest pair strength, by which strengths are normalised; nil for a graph without ties.
    public let maximumStrength: Double?

    /// The score of an actor by id (O(n); index `scores` directly in loops).
    public subscript(id: String) -> HedgingScore? {
        scores.first { $0.id == id }
    }

    /// Actors by H, then H_w (both descending), then id.
    public func ranking() -> [HedgingScore] {
        scores.sorted { a, b in
            if a.hedges != b.hedges { return a.hedges > b.hedges }
            if a.weightedHedges != b.weightedHedges { return a.weightedHedges > b.weightedHedges }
            return a.id < b.id
        }
    }
}
