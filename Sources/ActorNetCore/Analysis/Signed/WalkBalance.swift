#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Walk balance: how balanced a signed graph is, counting closed walks of every length.
///
/// Estrada & Benzi (2014), "Walk-based measure of balance in signed networks: detecting lack
/// of balance in social networks", *Physical Review E* 90(4):042802, doi:10.1103/PhysRevE.90.042802:
///
///     K = tr e^A / tr e^|A| = Σ_i exp(λ_i) / Σ_i exp(ν_i),
///
/// where A is the signed adjacency matrix of the `SignedGraph`, |A| its entrywise absolute
/// value, and λ_i, ν_i their eigenvalues. tr e^A = Σ_k tr(A^k)/k! weighs each closed walk of
/// length k by 1/k! and by its sign, so K ∈ (0, 1] and K = 1 exactly when the graph is
/// balanced (every cycle has an even number of negative ties). This is signnet's
/// `balance_score(g, method = "walk")`; Read's Gahuku–Gama tribes score 0.3575761.
///
/// By default A has entries ±1 (strengths ignored, as in signnet); with `weighted`, ±strength.
/// Because ν_max bounds every |λ_i| (Perron–Frobenius), K is computed without overflow as
/// Σ exp(λ_i − ν_max) / Σ exp(ν_i − ν_max).
///
/// - Complexity: O(n³) time and O(n²) memory (two dense symmetric eigen-decompositions; see
///   `SymmetricEigen`). Graphs with more than `maximumActors` actors are refused.
public struct WalkBalance: Sendable, Hashable {
    /// Read ties as ±strength instead of ±1.
    public var weighted: Bool
    /// The largest graph accepted: each dense decomposition takes 8n² bytes and O(n³) time
    /// (about 0.6 s at n = 1000 and a minute at the default of 5000, in a release build).
    public var maximumActors: Int

    public static let defaultMaximumActors = 5000

    public init(weighted: Bool = false, maximumActors: Int = WalkBalance.defaultMaximumActors) {
        self.weighted = weighted
        self.maximumActors = maximumActors
    }

    /// - Throws: `AnalysisError.unsupported` for a graph without actors (K would be 0/0) or
    ///   with more than `maximumActors` actors.
    public func run(on graph: SignedGraph) throws(AnalysisError) -> WalkBalanceScore {
        let measure = "walk balance"
        let n = graph.nodeCount
        guard n > 0 else {
            throw .unsupported(measure: measure, reason: "the graph has no actors, so tr e^A / tr e^|A| is 0/0")
        }
        guard n <= maximumActors else {
            throw .unsupported(measure: measure, reason: "the graph has \(n) actors; the dense eigen-decomposition "
                + "is limited to \(maximumActors) (O(n³) time); filter the view to fewer actors or raise maximumActors")
        }
        var signed = [Double](repeating: 0, count: n * n)
        var unsigned = [Double](repeating: 0, count: n * n)
        for p in 0..<graph.pairCount {
            let (u, v) = (Int(graph.pairU[p]), Int(graph.pairV[p]))
            let size = weighted ? graph.pairWeight[p] : 1
            let value = graph.pairSign[p] < 0 ? -size : size
            signed[u * n + v] = value
            signed[v * n + u] = value
            unsigned[u * n + v] = size
            unsigned[v * n + u] = size
        }
        let lambda = try SymmetricEigen(symmetric: signed, order: n).values
        let nu = try SymmetricEigen(symmetric: unsigned, order: n).values
        let mu = nu.max()!
        var numerator = 0.0, denominator = 0.0
        for x in lambda { numerator += exp(x - mu) }
        for x in nu { denominator += exp(x - mu) }
        // denominator ≥ exp(0) = 1; numerator may underflow to 0 only for extreme strengths.
        return WalkBalanceScore(
            value: min(1, numerator / denominator), weighted: weighted, actorCount: n,
            logTraceSigned: mu + log(numerator), logTraceUnsigned: mu + log(denominator))
    }
}

/// The result of `WalkBalance`.
public struct WalkBalanceScore: Sendable, Hashable {
    /// K = tr e^A / tr e^|A|, in [0, 1]; 1 for a balanced graph.
    public let value: Double
    /// Whether ties were read as ±strength (true) or ±1.
    public let weighted: Bool
    public let actorCount: Int
    /// ln tr e^A and ln tr e^|A|, kept as logarithms because the traces themselves overflow
    /// for dense or strongly weighted graphs. `logTraceSigned` is −∞ if tr e^A underflows.
    public let logTraceSigned: Double
    public let logTraceUnsigned: Double
}
