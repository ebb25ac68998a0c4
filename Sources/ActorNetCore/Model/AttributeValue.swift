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
        case let .number(x): formatNumber(x)
        case let .bool(b): b ? "true" : "false"
        }
    }
}

/// Formats a number deterministically: integers without a fraction, others as Swift's shortest
/// round-tripping representation.
public func formatNumber(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 {
        return String(Int64(x))
    }
    return "\(x)"
}
