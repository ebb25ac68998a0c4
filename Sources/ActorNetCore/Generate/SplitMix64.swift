/// SplitMix64 (Steele, Lea & Flood, OOPSLA 2014, doi:10.1145/2660193.2660195): a small, fast
/// generator whose stream is fixed by its seed on every platform and Swift version (which the
/// standard library's generators do not promise). Used by the frustration search's restarts,
/// to expand `Xoshiro256StarStar`'s seeds, and by the property tests.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 { Self.next(&state) }

    /// Advances `x` by the golden-ratio increment and returns its mix.
    @inline(__always)
    public static func next(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0), by Lemire's multiply-high (bias below 2⁻⁶⁴·bound).
    public mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
