/// Finds the known name closest to a misspelt one, for "did you mean" hints.
public enum NameSuggestion {
    /// "unknown actors 'IRNN' (did you mean 'IRN'?), 'XX'; known ids: …", for errors that name
    /// actor ids a network does not have.
    public static func unknownActors(_ ids: [String], known: [String]) -> String {
        let named = ids.map { id in "'\(id)'" + (nearest(to: id, in: known).map { " (did you mean '\($0)'?)" } ?? "") }
        return "unknown actor\(ids.count > 1 ? "s" : "") \(named.joined(separator: ", ")); known ids: \(KnownNames.list(known))"
    }

    /// The candidate with the smallest edit distance to `name` (case-insensitive), if it is
    /// close enough to be a plausible typo: at most a third of the name's length, and at least 1.
    public static func nearest<S: Sequence<String>>(to name: String, in candidates: S) -> String? {
        let lowered = Array(name.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(lowered, Array(candidate.lowercased().unicodeScalars))
            if best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) {
                best = (candidate, d)
            }
        }
        guard let (candidate, d) = best else { return nil }
        let allowed = max(1, min(lowered.count, candidate.count) / 3)
        return d <= allowed ? candidate : nil
    }

    /// Levenshtein distance with adjacent transpositions (optimal string alignment).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
