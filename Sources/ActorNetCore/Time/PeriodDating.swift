/// Turns a series of networks labelled by period — relations carrying a `period` attribute such
/// as `46-49` (the Correlates of War windows), `1946-1949` or `1946` — into one dated network,
/// so snapshots, timelines and Gephi's timeline read it like any other.
///
/// The mapping:
/// - a period is placed at its **first year**, for one year: `46-49` → since 1946, until 1947.
///   Windows that overlap in the source (46-49, 47-50, …) become consecutive years, and the
///   snapshot `--at 1946` is exactly the network of the window that starts in 1946;
/// - one tie (same pair, kind and weight) present in consecutive windows becomes **one**
///   relation from the first window's year until the year after the last: a tie in 46-49,
///   47-50 and 48-51 is one relation since 1946 until 1949, with `periods: "46-49 … 48-51"`;
///   a gap starts a new relation;
/// - two-digit years get `century` added (default 1900: `46` → 1946).
///
/// Relation ids become `SOURCE-KIND-TARGET-YEAR` (the first year of the run). Every other
/// field and attribute is kept from the run's first relation.
public struct PeriodDating: Sendable {
    /// The relation attribute holding the period.
    public var attribute = "period"
    /// Added to two-digit years.
    public var century = 1900

    public init(attribute: String = "period", century: Int = 1900) {
        self.attribute = attribute
        self.century = century
    }

    /// Why a network could not be dated: the relation, the value and the fix.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var relation: String
        public var value: String?
        var `internal`: String?
        public var description: String {
            if let `internal` { return "dating by period failed (a bug; please report it with the file): \(`internal`)" }
            if let value {
                return "relation '\(relation)': period '\(value)' is not a year or a range of years; "
                    + "write YYYY, YY, YYYY-YYYY or YY-YY (e.g. 46-49 or 1946-1949)"
            }
            return "relation '\(relation)' has no period attribute; give every relation one, or leave out --periods"
        }
    }

    /// The first year of a period label, nil when it is not one.
    public func firstYear(of label: String) -> Int? {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let first = Int(parts[0]), parts.dropFirst().allSatisfy({ Int($0) != nil }) else { return nil }
        guard first >= 0 else { return nil }
        let year = parts[0].count <= 2 ? century + first : first
        return (1...9999).contains(year) ? year : nil
    }

    /// The dated network.
    ///
    /// - Throws: `Failure` for a relation without a period or with one that is not a year or
    ///   range of years; `NetworkValidationError` cannot occur for a valid input.
    public func apply(to network: Network) throws(Failure) -> Network {
        struct Key: Hashable {
            var a: String, b: String, kind: String, weight: Double
        }
        var runs: [Key: [(year: Int, label: String, index: Int)]] = [:]
        var keyOrder: [Key] = []
        for (i, relation) in network.relations.enumerated() {
            guard let raw = relation.attributes[attribute] else { throw Failure(relation: relation.id, value: nil) }
            let label = raw.description
            guard let year = firstYear(of: label) else { throw Failure(relation: relation.id, value: label) }
            let directed = network.isDirected(relation: i)
            let (a, b) = directed || relation.source <= relation.target
                ? (relation.source, relation.target) : (relation.target, relation.source)
            let key = Key(a: a, b: b, kind: relation.kind, weight: relation.weight)
            if runs[key] == nil { keyOrder.append(key) }
            runs[key, default: []].append((year, label, i))
        }
        var relations: [Relation] = []
        for key in keyOrder {
            let entries = runs[key]!.sorted { $0.year != $1.year ? $0.year < $1.year : $0.index < $1.index }
            var start = 0
            while start < entries.count {
                var end = start
                while end + 1 < entries.count, entries[end + 1].year <= entries[end].year + 1 { end += 1 }
                var relation = network.relations[entries[start].index]
                relation.id = "\(relation.source)-\(relation.kind)-\(relation.target)-\(entries[start].year)"
                relation.since = PartialDate(year: entries[start].year)
                relation.until = PartialDate(year: entries[end].year + 1)
                relation.attributes[attribute] = nil
                let first = entries[start].label, last = entries[end].label
                relation.attributes["periods"] = .string(first == last ? first : "\(first) … \(last)")
                relations.append(relation)
                start = end + 1
            }
        }
        // Ties differing only in weight could share an id: number the later ones.
        var taken = Set<String>()
        for i in relations.indices {
            var id = relations[i].id, n = 2
            while taken.contains(id) {
                id = "\(relations[i].id)-\(n)"
                n += 1
            }
            relations[i].id = id
            taken.insert(id)
        }
        relations.sort { ($0.since!, $0.id) < ($1.since!, $1.id) }
        // Same actors, kinds and sources, and ids made unique by pair, kind and year: the
        // result is valid whenever the input is; a failure here would be a bug, reported as such.
        do {
            return try Network(name: network.name, summary: network.summary, actors: network.actors,
                               kinds: Array(network.kinds.dropFirst(RelationKind.builtIns.count)),
                               relations: relations, sources: network.sources)
        } catch {
            throw Failure(relation: relations.first?.id ?? "?", value: nil, internal: "\(error)")
        }
    }
}
