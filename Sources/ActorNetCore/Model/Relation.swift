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
    /// The strength of the tie: finite and ≥ 0. Larger is stronger; 0 is a tie of no strength
    /// (another tool's default weight), which weighted measures treat as no link.
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
    /// The source does not state the relation: the modeller inferred it (the reasoning is in
    /// `note`). Analyses can leave inferred relations out (`ViewFilter.includeInferred`), and a
    /// report says when a headline rests on one.
    public var inferred: Bool
    /// The modeller's reasoning, choices and caveats; never evidence.
    public var note: String?
    /// Something at stake between the two actors: asked for (`request`) or promised (`pledge`);
    /// `flows` names what. Nil: the relation records neither.
    public var commitment: Commitment?
    /// Whether the provider (the target of a request, the source of a pledge) delivered.
    public var fulfilment: Fulfilment?
    /// A CAMEO event code ("02", "0233", "12"), so coded event data can feed the same fields.
    public var cameo: String?

    public init(
        id: String, source: String, target: String, kind: String, weight: Double = 1,
        direction: Direction? = nil, channel: Channel? = nil, since: PartialDate? = nil,
        until: PartialDate? = nil, flows: [String] = [], label: String? = nil,
        evidence: [Evidence] = [], attributes: [String: AttributeValue] = [:], inferred: Bool = false,
        note: String? = nil, commitment: Commitment? = nil, fulfilment: Fulfilment? = nil, cameo: String? = nil
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
        self.inferred = inferred
        self.note = note
        self.commitment = commitment
        self.fulfilment = fulfilment
        self.cameo = cameo
    }

    /// The actor who would give what is at stake: the target of a request, the source of a
    /// pledge; nil without a commitment.
    public var provider: String? {
        switch commitment {
        case .request: target
        case .pledge: source
        case nil: nil
        }
    }

    /// The actor who would receive it: the source of a request, the target of a pledge.
    public var recipient: String? {
        switch commitment {
        case .request: source
        case .pledge: target
        case nil: nil
        }
    }

    /// Whether the relation holds on `date` (the first day of its period): `since` inclusive,
    /// `until` exclusive, undated ends open.
    public func isActive(at date: PartialDate) -> Bool { isActive(onDay: date.ordinal) }

    /// `isActive(at:)` for a day given as `PartialDate.ordinal` (the day before a boundary has
    /// no `PartialDate` of its own precision).
    public func isActive(onDay day: Int) -> Bool {
        if let since, day < since.ordinal { return false }
        if let until, day >= until.ordinal { return false }
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

/// What a relation puts at stake between two actors, in the vocabulary of the CAMEO event
/// codebook (Schrodt 2012) that GDELT, ICEWS and POLECAT code events with.
public enum Commitment: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The source asked the target for what `flows` names (CAMEO 02, "Appeal").
    case request
    /// The source promised the target what `flows` names (CAMEO 03, "Express intent to
    /// cooperate"): pledges, treaty commitments.
    case pledge

    public var description: String { rawValue }

    /// The CAMEO root code of the act.
    public var cameoRoot: String { self == .request ? "02" : "03" }
}

/// Whether what was asked for or promised was delivered, by the provider (the target of a
/// request, the source of a pledge).
public enum Fulfilment: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Delivered (CAMEO 06/07 followed).
    case met
    /// Delivered in part.
    case partly
    /// Not delivered.
    case unmet
    /// Ruled out or turned down by the provider (CAMEO 12, "Reject").
    case refused
    /// Not yet due, or not known.
    case pending

    public var description: String { rawValue }

    /// Whether the provider fell short: unmet, refused or only partly met.
    public var isShortfall: Bool { self == .unmet || self == .refused || self == .partly }
}

/// CAMEO event codes: the root (the first two digits, 01–20) and its quad class, which lines up
/// with ActorNet's sign and channel: verbal cooperation 01–05 (positive, stated), material
/// cooperation 06–08 (positive, material), verbal conflict 09–13 (negative, stated), material
/// conflict 14–20 (negative, material).
public enum CAMEOCode {
    /// The root code 1…20 of `code`, or nil when `code` is not 2–4 digits with a root 01–20.
    public static func root(of code: String) -> Int? {
        let digits = code.utf8
        guard (2...4).contains(digits.count), digits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let root = Int(code.prefix(2)), (1...20).contains(root) else { return nil }
        return root
    }

    /// The sign and channel the root's quad class implies.
    public static func reading(ofRoot root: Int) -> (sign: Sign, channel: Channel) {
        switch root {
        case 1...5: (.positive, .stated)
        case 6...8: (.positive, .material)
        case 9...13: (.negative, .stated)
        default: (.negative, .material)
        }
    }

    /// Root names, from the CAMEO codebook.
    public static let rootNames: [Int: String] = [
        1: "make public statement", 2: "appeal", 3: "express intent to cooperate", 4: "consult",
        5: "engage in diplomatic cooperation", 6: "engage in material cooperation", 7: "provide aid", 8: "yield",
        9: "investigate", 10: "demand", 11: "disapprove", 12: "reject", 13: "threaten", 14: "protest",
        15: "exhibit force posture", 16: "reduce relations", 17: "coerce", 18: "assault", 19: "fight",
        20: "use unconventional mass violence",
    ]
}
