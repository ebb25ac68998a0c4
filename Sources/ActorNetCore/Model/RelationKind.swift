/// The sign of a relation: friendly (cooperation, supply, membership) or hostile (rivalry).
public enum Sign: Int8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case positive = 1
    case negative = -1

    public var description: String { self == .positive ? "positive" : "negative" }
    public var symbol: String { self == .positive ? "+" : "−" }

    /// Parses `positive`/`negative`, `+`/`-` and `1`/`-1`.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "positive", "+", "1", "+1": self = .positive
        case "negative", "-", "−", "-1": self = .negative
        default: return nil
        }
    }
}

/// Whether a relation runs one way (supplier → recipient) or both ways.
public enum Direction: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case directed
    case undirected

    public var description: String { rawValue }
}

/// A type of relation with its sign and default direction.
///
/// Four kinds are built in; a network may declare more.
public struct RelationKind: Sendable, Hashable, Identifiable {
    public var name: String
    public var sign: Sign
    public var direction: Direction
    public var description: String?
    public var isBuiltIn: Bool

    public var id: String { name }

    public init(name: String, sign: Sign, direction: Direction, description: String? = nil) {
        self.init(name: name, sign: sign, direction: direction, description: description, isBuiltIn: false)
    }

    init(name: String, sign: Sign, direction: Direction, description: String?, isBuiltIn: Bool) {
        self.name = name
        self.sign = sign
        self.direction = direction
        self.description = description
        self.isBuiltIn = isBuiltIn
    }

    public static let cooperation = RelationKind(
        name: "cooperation", sign: .positive, direction: .undirected,
        description: "working together: diplomacy, trade, security, joint projects", isBuiltIn: true)
    public static let rivalry = RelationKind(
        name: "rivalry", sign: .negative, direction: .undirected,
        description: "competition, hostility or open conflict", isBuiltIn: true)
    public static let supply = RelationKind(
        name: "supply", sign: .positive, direction: .directed,
        description: "supplier → recipient: arms, drones, fuel, money, troops, services", isBuiltIn: true)
    public static let membership = RelationKind(
        name: "membership", sign: .positive, direction: .directed,
        description: "member → organisation", isBuiltIn: true)

    /// The built-in kinds, in their canonical order.
    public static let builtIns: [RelationKind] = [.cooperation, .rivalry, .supply, .membership]

    /// Whether `name` is a well-formed kind name: letters, digits, `-` and `_`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { s in
            s == "-" || s == "_" || s.properties.isAlphabetic || ("0"..."9").contains(s)
        }
    }
}

/// Whether a relation's words or deeds are recorded: what they say versus what they do.
public enum Channel: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Words: statements, votes, condemnations, mediation offers.
    case stated
    /// Deeds: arms, drones, fuel, money, troops, services.
    case material

    public var description: String { rawValue }
}
