/// xoshiro256**, a small, fast pseudo-random generator whose output is fixed by its seed on
/// every platform and Swift version (Blackman & Vigna, "Scrambled linear pseudorandom number
/// generators", ACM TOMS 47(4), 2021, doi:10.1145/3460772).
///
/// Synthetic networks must be byte-identical for a seed, so this generator brings its own
/// uniform double and bounded integer instead of `Double.random(in:using:)` and
/// `Int.random(in:using:)`, whose algorithms the standard library does not promise to keep.
/// For the same reason it does not conform to `RandomNumberGenerator`.
///
/// Not cryptographically secure.
public struct Xoshiro256StarStar: Sendable, Hashable {
    private var s0, s1, s2, s3: UInt64

    /// A generator whose 256-bit state is expanded from `seed` by SplitMix64, as the authors
    /// recommend, so nearby seeds give unrelated streams.
    public init(seed: UInt64) {
        var x = seed
        s0 = Self.splitMix64(&x)
        s1 = Self.splitMix64(&x)
        s2 = Self.splitMix64(&x)
        s3 = Self.splitMix64(&x)
    }

    /// A generator with exactly this state, for checking against the reference implementation.
    ///
    /// - Precondition: the state is not all zeros (the one state xoshiro never leaves).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** needs a state that is not all zeros")
        (s0, s1, s2, s3) = state
    }

    /// SplitMix64 (Steele, Lea & Flood, OOPSLA 2014, doi:10.1145/2660193.2660195): advances
    /// `x` by the golden-ratio increment and returns its mix. Used to expand seeds.
    public static func splitMix64(_ x: inout UInt64) -> UInt64 { SplitMix64.next(&x) }

    /// The next 64 random bits.
    ///
    /// - Complexity: O(1)
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2⁻⁵³, so every value is
    /// a multiple of 2⁻⁵³ and each is equally likely.
    @inline(__always)
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0..<bound`, without bias, by Lemire's multiply-and-reject method
    /// ("Fast random integer generation in an interval", ACM TOMACS 29(1), 2019,
    /// doi:10.1145/3230636). Usually one call to `next()`.
    ///
    /// - Precondition: `bound > 0`.
    @inline(__always)
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "the bound of a random integer must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform `Int` in `0..<bound` (see `next(below:)`).
    @inline(__always)
    public mutating func nextInt(below bound: Int) -> Int {
        Int(truncatingIfNeeded: next(below: UInt64(bound)))
    }

    /// Whether an event of probability `p` happens: `nextDouble() < p`.
    @inline(__always)
    public mutating func chance(_ p: Double) -> Bool { nextDouble() < p }

    @inline(__always)
    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
