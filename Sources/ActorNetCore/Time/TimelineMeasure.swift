/// What a timeline measures at each step: a per-actor measure (one series per actor) or a
/// measure of the whole signed network (a few series of its own).
public enum TimelineMeasure: Sendable, Hashable, CustomStringConvertible {
    /// A per-actor measure, as `actornet metrics` computes it.
    case actor(Metric)
    /// The share of balanced signed triangles, (T+++ + T+−−) / all (`TriangleCensus`);
    /// missing at a step without triangles.
    case balance
    /// The four signed-triangle counts T+++, T++−, T+−−, T−−−, as four series.
    case triangles
    /// The frustration index L (`FrustrationIndex`: exact per block up to its exact limit,
    /// otherwise heuristic with a lower bound; a step says when it is not exact).
    case frustration
    /// The normalised frustration F = 1 − L / (m/2), 1 = balanced.
    case normalizedFrustration
    /// The pairs joined by a net positive and by a net negative tie, as two series.
    case ties
    /// Say versus do for one ordered pair (`Timeline.pair`): stated support, material support
    /// and what was asked or promised and not given (`SayDo`), as three series.
    case sayDo

    /// Network-level measures by name.
    static let networkMeasures: [(String, TimelineMeasure)] = [
        ("balance", .balance), ("triangles", .triangles), ("frustration", .frustration),
        ("normalized-frustration", .normalizedFrustration), ("ties", .ties), ("say-do", .sayDo),
    ]

    /// `hedging` is H, the rivalries an actor straddles (`Metric.hedges`): a count, so it
    /// compares across steps. The ratio h = H / C(d⁺, 2) also moves whenever an actor gains or
    /// loses a partner, and H_w is scaled by the strongest tie *of each snapshot*, so both shift
    /// when nothing about the actor's hedging has changed; they stay available by their own
    /// names (`hedging-ratio`, `weighted-hedges`).
    public static let aliases: [String: TimelineMeasure] = ["hedging": .actor(.hedges)]

    /// Every name a timeline takes: the metrics, the alias, then the network measures.
    public static var allNames: [String] {
        Metric.allCases.map(\.rawValue) + aliases.keys.sorted() + networkMeasures.map(\.0)
    }

    /// The measure called `name` (case-insensitive, surrounding spaces ignored), or nil.
    public init?(name: String) {
        let key = Substring(name).trimmingCharacters().lowercased()
        if let metric = Metric(rawValue: key) {
            self = .actor(metric)
        } else if let alias = Self.aliases[key] {
            self = alias
        } else if let found = Self.networkMeasures.first(where: { $0.0 == key }) {
            self = found.1
        } else {
            return nil
        }
    }

    /// Parses a name, or throws `TimelineError.unknownMeasure` listing the valid ones.
    public static func parse(_ name: String) throws(TimelineError) -> TimelineMeasure {
        guard let measure = TimelineMeasure(name: name) else { throw TimelineError.unknownMeasure(name) }
        return measure
    }

    /// The canonical name (`hedges` for the alias `hedging`).
    public var name: String {
        switch self {
        case let .actor(metric): metric.rawValue
        default: Self.networkMeasures.first { $0.1 == self }!.0
        }
    }

    public var description: String { name }

    /// Whether there is one series per actor.
    public var isPerActor: Bool {
        if case .actor = self { return true }
        return false
    }

    /// Whether values are whole numbers (shown without decimals, integer axis ticks).
    public var isCount: Bool {
        switch self {
        case let .actor(metric): metric.isCount
        case .triangles, .ties, .frustration: true
        case .balance, .normalizedFrustration, .sayDo: false
        }
    }

    /// The sign filter a front end uses when none is asked for, as the matching command does:
    /// positive relations for per-actor measures (`actornet metrics`; signed metrics read both
    /// signs anyway), both signs for the network's balance (`actornet balance`).
    public var defaultSign: Sign? { isPerActor ? .positive : nil }

    /// Whether the measure reads relations of both signs even when the view keeps one.
    public var liftsSign: Bool {
        switch self {
        case let .actor(metric): metric.isSigned
        case .sayDo: true
        default: false
        }
    }

    /// What the measure is, for headers, when it is not a metric (a metric describes itself
    /// in its `NodeScores.measure`).
    var networkDescription: String {
        switch self {
        case .actor: ""
        case .balance: "triangle balance: the share of balanced signed triangles, (T+++ + T+−−) / all (none: no triangle)"
        case .triangles: "signed triangles by sign pattern: T+++ and T+−− balanced, T++− and T−−− unbalanced"
        case .frustration:
            "frustration index L: the fewest ties that must change sign for the network to split into two camps, "
                + "friendly inside and hostile across"
        case .normalizedFrustration: "normalised frustration F = 1 − L / (m/2) for m ties (1 = balanced)"
        case .ties: "ties: pairs of actors whose relations add up to a positive or a negative net sign (Σ sign × weight)"
        case .sayDo:
            "say versus do: stated support (words, pledges, treaties), material support (deeds) and what was asked or "
                + "promised and not given, each a sum of relation weights"
        }
    }

    /// What a degree or strength measure counts, for headers: `DegreeStrength` names its
    /// columns only. Nil for the other metrics, which describe themselves.
    var countDescription: String? {
        guard case let .actor(metric) = self else { return nil }
        switch metric {
        case .degree: return "degree: the actor's relations (parallel relations each count)"
        case .inDegree: return "in-degree: relations into the actor (undirected ones count both ways)"
        case .outDegree: return "out-degree: relations out of the actor (undirected ones count both ways)"
        case .strength: return "strength: the summed weights of the actor's relations"
        case .inStrength: return "in-strength: the summed weights of relations into the actor"
        case .outStrength: return "out-strength: the summed weights of relations out of the actor"
        case .positiveDegree: return "positive degree: the actor's positive relations"
        case .negativeDegree: return "negative degree: the actor's negative relations"
        case .signedDegree: return "signed degree: the actor's positive minus negative relations"
        case .positiveStrength: return "positive strength: the summed weights of the actor's positive relations"
        case .negativeStrength: return "negative strength: the summed weights of the actor's negative relations"
        default: return nil
        }
    }

    /// The series of a network measure: (id, name).
    var networkSeries: [(id: String, name: String)] {
        switch self {
        case .actor: []
        case .balance: [("balance", "balanced share of triangles")]
        case .triangles: [("+++", "T+++ (balanced)"), ("++-", "T++− (unbalanced)"), ("+--", "T+−− (balanced)"),
                          ("---", "T−−− (unbalanced)")]
        case .frustration: [("L", "frustration index L")]
        case .normalizedFrustration: [("F", "normalised frustration F")]
        case .ties: [("positive", "positive ties"), ("negative", "negative ties")]
        case .sayDo: [("stated", "stated support (words)"), ("material", "material support (deeds)"),
                      ("not-given", "asked or promised, not given")]
        }
    }
}
