/// Counts as people write them on a command line: `250`, `100k` (thousands), `1M` or `2.5M`
/// (millions).
public enum ScaledCount {
    /// Why a text is not a count, and what to write instead.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The text as given.
        public var text: String
        /// What is wrong with it, e.g. "not a whole number".
        public var problem: String
        /// What to write instead.
        public var fix: String { "write a whole number, optionally followed by k (thousands) or M (millions), e.g. 5000, 100k or 1M" }

        /// "'1.2345k': not a whole number; write a whole number, …".
        public var description: String { "'\(text)': \(problem); \(fix)" }
    }

    /// The count `text` writes: digits, optionally with a fraction when a suffix follows, and
    /// an optional `k`/`K` (× 1000) or `M` (× 1 000 000). The result must be a whole number.
    public static func parse(_ text: String) throws(ParseError) -> Int {
        var body = Substring(text)
        var scale = 1
        switch body.last {
        case "k", "K":
            scale = 1000
            body = body.dropLast()
        case "M":
            scale = 1_000_000
            body = body.dropLast()
        case "m":
            throw ParseError(text: text, problem: "m is not a suffix (M is millions, k thousands)")
        default: break
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }
        guard let whole = parts.first, isDigits(whole), parts.count == 1 || isDigits(parts[1]) else {
            let problem = text.hasPrefix("-") ? "negative" : "not a count"
            throw ParseError(text: text, problem: problem)
        }
        // Whole part and fraction scaled separately, in integers, so 2.5M is exactly 2500000.
        guard let wholeValue = Int(whole) else { throw ParseError(text: text, problem: "too large") }
        let (scaled, overflow) = wholeValue.multipliedReportingOverflow(by: scale)
        guard !overflow else { throw ParseError(text: text, problem: "too large") }
        guard parts.count == 2 else { return scaled }
        var fraction = parts[1]
        while fraction.last == "0" { fraction = fraction.dropLast() }
        var numerator = 0, denominator = 1
        for digit in fraction.utf8 {
            guard denominator <= scale else {
                throw ParseError(text: text, problem: "not a whole number")
            }
            numerator = numerator * 10 + Int(digit - 48)
            denominator *= 10
        }
        guard (numerator * scale) % denominator == 0 else {
            throw ParseError(text: text, problem: "not a whole number")
        }
        let (total, overflow2) = scaled.addingReportingOverflow(numerator * scale / denominator)
        guard !overflow2 else { throw ParseError(text: text, problem: "too large") }
        return total
    }
}
