/// How relation directions are read when building a view.
public enum DirectionTreatment: String, Sendable, Hashable, CaseIterable {
    /// Directed relations are one-way arcs, undirected ones are arcs both ways.
    case asDeclared = "as-declared"
    /// Every relation is read both ways.
    case undirected
}

/// Which relations an analysis looks at, and how.
///
/// The default takes every relation, read as declared.
public struct ViewFilter: Sendable, Hashable {
    /// Only relations of these kinds (nil: every kind).
    public var kinds: Set<String>?
    /// Only relations of this sign (nil: both signs).
    public var sign: Sign?
    /// Only relations on these channels (nil: any, including relations without a channel).
    public var channels: Set<Channel>?
    /// Only relations active on this date (`since` inclusive, `until` exclusive); undated
    /// relations count as always present.
    public var at: PartialDate?
    public var direction: DirectionTreatment
    /// Whether relations marked `inferred` (the source does not state them) are kept.
    public var includeInferred: Bool

    public init(
        kinds: Set<String>? = nil, sign: Sign? = nil, channels: Set<Channel>? = nil, at: PartialDate? = nil,
        direction: DirectionTreatment = .asDeclared, includeInferred: Bool = true
    ) {
        self.kinds = kinds
        self.sign = sign
        self.channels = channels
        self.at = at
        self.direction = direction
        self.includeInferred = includeInferred
    }

    /// Every relation, read as declared.
    public static let all = ViewFilter()

    /// The default view for centrality: positive relations read as undirected.
    public static let positiveUndirected = ViewFilter(sign: .positive, direction: .undirected)

    /// Whether a relation of `kind` passes the filter's kinds, sign, channels and inferred
    /// setting (its date aside). `NetworkView` applies the same rules, with the kinds looked up
    /// once per kind instead of per relation.
    public func keeps(_ relation: Relation, kind: RelationKind) -> Bool {
        if let kinds, !kinds.contains(kind.name) { return false }
        if let sign, kind.sign != sign { return false }
        if let channels {
            guard let channel = relation.channel, channels.contains(channel) else { return false }
        }
        return includeInferred || !relation.inferred
    }

    /// Kind names in the filter that the network does not know, for error messages.
    public func unknownKinds(in network: Network) -> [String] {
        (kinds ?? []).filter { network.kind(named: $0) == nil }.sorted()
    }
}

extension ViewFilter {
    /// A one-line account of the view for report headers, e.g. "positive relations (cooperation,
    /// supply, membership, mediation) of any channel, read as undirected, at every date".
    public func describe(in network: Network) -> String {
        let kindNames = network.kinds.filter { kind in
            (kinds?.contains(kind.name) ?? true) && (sign.map { kind.sign == $0 } ?? true)
        }.map(\.name)
        var parts: [String] = []
        let signText = sign.map { "\($0) relations" } ?? "relations of both signs"
        parts.append("\(signText) (\(kindNames.isEmpty ? "no kind matches" : kindNames.joined(separator: ", ")))")
        if let channels {
            parts.append("on the \(channels.map(\.rawValue).sorted().joined(separator: " and ")) channel only")
        }
        parts.append(direction == .undirected ? "read as undirected" : "directions as declared")
        if !includeInferred { parts.append("inferred relations left out") }
        if let at {
            let latest = network.latestStart == at ? ", the latest start date in the file" : ""
            parts.append("as of \(at)\(latest) (undated relations count as always present)")
        } else {
            parts.append("all dates together")
        }
        return parts.joined(separator: ", ")
    }
}
