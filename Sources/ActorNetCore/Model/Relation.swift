/// A piece of evidence for a relation: what the source says, and where.
public struct Evidence: Sendable, Hashable {
    /// A short paraphrase of the claim.
    public var text: String?
    /// The id of a source declared in the network's `sources`.
    public var source: String?
    /// Where in the source: a section heading, page or paragraph.
    public var section: String?
    /// A link to the evidence itself.
    public var url: String?

    public init(text: String? = nil, source: String? = nil, section: String? = nil, url: String? = nil) {
        self.text = text
        self.source = source
        self.section = section
        self.url = url
    }
}

/// A typed, weighted, signed tie between two actors.
///
/// Several relations between one pair are all kept: Russia and Iran cooperate and compete at
/// once, and each of those ties is a relation of its own.
public struct Relation: Sendable, Hashable, Identifiable {
    /// A stable id, unique in the network (given in the file or derived from the endpoints).
    public var id: String
    public var source: String
    public var target: String
    /// The name of a built-in or declared `RelationKind`; the sign comes from it.
    public var kind: String
    /// The strength of the tie: finite and > 0. Larger is stronger.
    public var weight: Double
    /// Overrides the kind's default direction when set.
    public var direction: Direction?
    public var channel: Channel?
    /// Inclusive start.
    public var since: PartialDate?
    /// Exclusive end.
    public var until: PartialDate?
    /// What flows along a supply relation (`S-300PMU-2`, `Shahed drones`, …).
    public var flows: [String]
    public var label: String?
    public var evidence: [Evidence]
    public var attributes: [String: AttributeValue]

    public init(
        id: String, source: String, target: String, kind: String, weight: Double = 1,
        direction: Direction? = nil, channel: Channel? = nil, since: PartialDate? = nil,
        until: PartialDate? = nil, flows: [String] = [], label: String? = nil,
        evidence: [Evidence] = [], attributes: [String: AttributeValue] = [:]
    ) {
        self.id = id
        self.source = source
        self.target = target
        self.kind = kind
        self.weight = weight
        self.direction = direction
        self.channel = channel
        self.since = since
        self.until = until
        self.flows = flows
        self.label = label
        self.evidence = evidence
        self.attributes = attributes
    }

    /// Whether the relation holds on `date` (the first day of its period): `since` inclusive,
    /// `until` exclusive, undated ends open.
    public func isActive(at date: PartialDate) -> Bool {
        if let since, date.ordinal < since.ordinal { return false }
        if let until, date.ordinal >= until.ordinal { return false }
        return true
    }
}

/// A reference that evidence can cite by id.
public struct SourceReference: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var url: String?
    public var date: PartialDate?
    public var note: String?

    public init(id: String, title: String, url: String? = nil, date: PartialDate? = nil, note: String? = nil) {
        self.id = id
        self.title = title
        self.url = url
        self.date = date
        self.note = note
    }
}
