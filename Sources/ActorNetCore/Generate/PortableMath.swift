/// Logarithm, exponential and power from IEEE basic operations only (+, −, ×, ÷, exact scaling
/// by powers of two), which every platform rounds the same way. The C library's `pow`, `exp`
/// and `log` are not correctly rounded and differ in the last bit between glibc and Apple's
/// libm; a generator that must give identical networks everywhere cannot use them.
///
/// Accurate to about 10⁻¹⁴ relative, which is all a random draw needs.
enum PortableMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458_176_568

    /// The natural logarithm of `x`.
    ///
    /// x = m·2ᵉ with m in [√½, √2); ln m = 2 atanh(s) = 2(s + s³/3 + s⁵/5 + …) with
    /// s = (m − 1)/(m + 1), |s| ≤ 0.172, so 12 terms reach below 2⁻⁵³.
    ///
    /// - Precondition: `x` is finite and > 0.
    static func log(_ x: Double) -> Double {
        precondition(x.isFinite && x > 0, "log needs a finite positive number")
        var e = Int(x.exponent)
        var m = x.significand  // [1, 2)
        if m > 1.414_213_562_373_095_048_8 {
            m /= 2
            e += 1
        }
        let s = (m - 1) / (m + 1), s2 = s * s
        var term = s, sum = 0.0
        for k in 0..<12 {
            sum += term / Double(2 * k + 1)
            term *= s2
        }
        return 2 * sum + Double(e) * ln2
    }

    /// e raised to `y`.
    ///
    /// y = k·ln 2 + r with |r| ≤ ½ ln 2; eʳ by its Taylor series (18 terms reach below 2⁻⁵³),
    /// then scaled exactly by 2ᵏ.
    ///
    /// - Precondition: `y` is finite and |y| < 700 (no overflow or underflow).
    static func exp(_ y: Double) -> Double {
        precondition(y.isFinite && abs(y) < 700, "exp needs a finite exponent of magnitude < 700")
        let k = (y / ln2).rounded()
        let r = y - k * ln2
        var term = 1.0, sum = 1.0
        for i in 1...18 {
            term *= r / Double(i)
            sum += term
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }

    /// `x` raised to `y`, as exp(y ln x).
    ///
    /// - Precondition: `x` finite and > 0, and |y ln x| < 700.
    static func power(_ x: Double, _ y: Double) -> Double { exp(y * log(x)) }
}
