/// A free, typed attribute of an actor or relation. Only the three types that every export
/// format can carry without loss (GraphML `string`/`double`/`boolean`, GEXF, CSV).
public enum AttributeValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case bool(Bool)

    public var typeName: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        }
    }

    /// The value as text: numbers in the shortest form that reads back exactly.
    public var description: String {
        switch self {
        case let .string(s): s
        case let .number(x): NumberText.exact(x)
        case let .bool(b): b ? "true" : "false"
        }
    }
}

/// Deterministic text for numbers, used by every writer and report.
public enum NumberText {
    /// Integers without a fraction, others as Swift's shortest round-tripping representation,
    /// so the text reads back as exactly the same number.
    public static func exact(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 {
            return String(Int64(x))
        }
        return "\(x)"
    }
}
