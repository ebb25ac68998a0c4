/// The LU decomposition, with partial (row) pivoting, of a dense square matrix: P·M = L·U with
/// L unit lower triangular and U upper triangular. Solves M·x = b and Mᵀ·x = b.
///
/// Doolittle's right-looking elimination choosing, in each column, the row with the largest
/// magnitude as pivot (Golub & Van Loan, *Matrix Computations*, 4th ed., 2013, §3.4.2). The matrix
/// is stored row by row, so the update of the trailing rows runs over contiguous memory.
///
/// The decomposition is `nil` when a pivot is zero or negligible: |u_kk| ≤ n·ε·‖M‖∞ (ε the
/// machine epsilon), i.e. the matrix is singular to working precision.
///
/// - Complexity: O(n³) time (⅔n³ flops) and O(n²) memory to factor; O(n²) per solve.
public struct LUDecomposition: Sendable {
    /// The order n of the matrix.
    public let order: Int
    /// L (below the diagonal, unit diagonal implied) and U (on and above it), row by row.
    private let factors: [Double]
    /// Row i of P·M is row `permutation[i]` of M.
    private let permutation: [Int]

    /// Factors the n × n matrix stored row by row in `matrix` (`matrix[i * n + j]` = M_ij).
    ///
    /// - Returns: nil when the matrix is singular to working precision (see the type's doc).
    public init?(rowMajor matrix: [Double], order n: Int) {
        precondition(n >= 0 && matrix.count == n * n, "an n × n matrix has n² entries")
        var norm = 0.0
        for i in 0..<n {
            var rowSum = 0.0
            for j in 0..<n { rowSum += abs(matrix[i * n + j]) }
            norm = max(norm, rowSum)
        }
        guard norm.isFinite else { return nil }
        let negligible = Double(n) * Double.ulpOfOne * norm
        var a = matrix
        var permutation = Array(0..<n)
        let singular = a.withUnsafeMutableBufferPointer { a -> Bool in
            for k in 0..<n {
                var pivotRow = k
                var pivotSize = abs(a[k * n + k])
                for i in (k + 1)..<n where abs(a[i * n + k]) > pivotSize {
                    pivotRow = i
                    pivotSize = abs(a[i * n + k])
                }
                if pivotSize <= negligible { return true }
                if pivotRow != k {
                    for j in 0..<n { a.swapAt(k * n + j, pivotRow * n + j) }
                    permutation.swapAt(k, pivotRow)
                }
                let pivot = a[k * n + k]
                for i in (k + 1)..<n {
                    let l = a[i * n + k] / pivot
                    a[i * n + k] = l
                    if l == 0 { continue }
                    for j in (k + 1)..<n { a[i * n + j] -= l * a[k * n + j] }
                }
            }
            return false
        }
        if singular { return nil }
        self.order = n
        self.factors = a
        self.permutation = permutation
    }

    /// The solution x of M·x = b.
    ///
    /// - Complexity: O(n²).
    public func solve(_ b: [Double]) -> [Double] {
        let n = order
        precondition(b.count == n, "one right-hand side entry per row")
        var x = permutation.map { b[$0] }
        factors.withUnsafeBufferPointer { a in
            for i in 0..<n {                          // L·y = P·b
                var s = x[i]
                for j in 0..<i { s -= a[i * n + j] * x[j] }
                x[i] = s
            }
            for i in stride(from: n - 1, through: 0, by: -1) {   // U·x = y
                var s = x[i]
                for j in (i + 1)..<n { s -= a[i * n + j] * x[j] }
                x[i] = s / a[i * n + i]
            }
        }
        return x
    }

    /// The solution x of Mᵀ·x = b, from the same factors: Mᵀ = Uᵀ·Lᵀ·P.
    ///
    /// - Complexity: O(n²).
    public func solveTransposed(_ b: [Double]) -> [Double] {
        let n = order
        precondition(b.count == n, "one right-hand side entry per row")
        var z = b
        factors.withUnsafeBufferPointer { a in
            for i in 0..<n {                          // Uᵀ·y = b (Uᵀ is lower triangular)
                var s = z[i]
                for j in 0..<i { s -= a[j * n + i] * z[j] }
                z[i] = s / a[i * n + i]
            }
            for i in stride(from: n - 1, through: 0, by: -1) {   // Lᵀ·z = y (unit upper)
                var s = z[i]
                for j in (i + 1)..<n { s -= a[j * n + i] * z[j] }
                z[i] = s
            }
        }
        var x = [Double](repeating: 0, count: n)      // P·x = z
        for i in 0..<n { x[permutation[i]] = z[i] }
        return x
    }
}
