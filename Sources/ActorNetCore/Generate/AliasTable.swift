/// Draws indices in proportion to fixed weights in O(1) per draw: Walker's alias method, built
/// by Vose's stable O(n) construction (Vose, "A linear algorithm for generating random numbers
/// with a given distribution", IEEE TSE 17(9), 1991, doi:10.1109/32.92917).
///
/// Each of the n slots holds a probability and an alias: a draw picks a slot uniformly, then
/// keeps it with the slot's probability or takes its alias. Built from the weights in one
/// fixed order with IEEE arithmetic only, so the table — and every draw — is the same on
/// every platform.
struct AliasTable: Sendable {
    /// Per slot: the alias in the high 32 bits, the probability of keeping the slot in the low
    /// 32 (as a fraction of 2³²). One word per slot, so a draw touches one cache line.
    private var entries: [UInt64]

    /// The number of weights.
    var count: Int { entries.count }

    /// A table for `weights`.
    ///
    /// - Precondition: at least one weight, every weight finite and ≥ 0, and a positive sum;
    ///   fewer than 2³² weights.
    /// - Complexity: O(n) time; 8n bytes kept, 20n more while building.
    init(weights: [Double]) {
        let n = weights.count
        precondition(n > 0 && n < Int(UInt32.max), "an alias table needs between 1 and 2³² - 1 weights")
        var total = 0.0
        for w in weights {
            precondition(w.isFinite && w >= 0, "alias table weights must be finite and ≥ 0")
            total += w
        }
        precondition(total > 0, "alias table weights must not all be zero")

        // Scaled so the mean slot holds exactly 1; slots below 1 are topped up by an alias.
        let scale = Double(n) / total
        var scaled = weights.map { $0 * scale }
        var probability = [Double](repeating: 1, count: n)
        var alias = (0..<n).map { UInt32($0) }
        var small: [UInt32] = [], large: [UInt32] = []
        small.reserveCapacity(n)
        large.reserveCapacity(n)
        for i in 0..<n {
            if scaled[i] < 1 { small.append(UInt32(i)) } else { large.append(UInt32(i)) }
        }
        while let s = small.last, let l = large.last {
            small.removeLast()
            probability[Int(s)] = scaled[Int(s)]
            alias[Int(s)] = l
            scaled[Int(l)] = (scaled[Int(l)] + scaled[Int(s)]) - 1
            if scaled[Int(l)] < 1 {
                large.removeLast()
                small.append(l)
            }
        }
        // What is left over is 1 up to rounding: such a slot keeps itself. A slot of weight
        // zero left here (only by rounding) must never be drawn, so it always takes an alias
        // that has weight.
        let fallback = UInt32(weights.firstIndex { $0 > 0 }!)
        for i in small + large {
            if weights[Int(i)] > 0 {
                probability[Int(i)] = 1
            } else {
                probability[Int(i)] = 0
                alias[Int(i)] = fallback
            }
        }
        entries = (0..<n).map { i in
            let keep: UInt32 = probability[i] >= 1 ? .max : UInt32(probability[i] * 0x1p32)
            return UInt64(alias[i]) << 32 | UInt64(keep)
        }
    }

    /// An index in `0..<count`, drawn with probability proportional to its weight.
    ///
    /// - Complexity: O(1): one call to the generator, one table entry.
    @inline(__always)
    func draw(_ random: inout Xoshiro256StarStar) -> Int {
        // 64 random bits × n: the high word is a uniform slot, the low word's top 32 bits a
        // uniform coin for it, all in integers.
        let product = random.next().multipliedFullWidth(by: UInt64(entries.count))
        let entry = entries[Int(product.high)]
        let coin = UInt32(truncatingIfNeeded: product.low >> 32)
        return coin < UInt32(truncatingIfNeeded: entry) ? Int(product.high) : Int(entry >> 32)
    }
}
