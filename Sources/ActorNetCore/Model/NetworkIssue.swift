/// A problem found while validating a network, tied to the element and field it concerns so
/// that a reader (YAML, JSON, GraphML, …) can point at the exact line and column.
public struct NetworkIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// The element an issue is about. Indices are positions in the arrays given to `Network`.
    public enum Subject: Sendable, Hashable {
        case network(field: String)
        case source(index: Int, field: String)
        case kind(index: Int, field: String)
        case actor(index: Int, field: String)
        case relation(index: Int, field: String)
        case evidence(relation: Int, item: Int, field: String)
    }

    public var severity: Severity
    public var subject: Subject
    /// What is wrong, naming the offending value.
    public var message: String
    /// What would fix it.
    public var fix: String?

    public init(_ severity: Severity, _ subject: Subject, _ message: String, fix: String? = nil) {
        self.severity = severity
        self.subject = subject
        self.message = message
        self.fix = fix
    }

    public var description: String {
        "\(severity): \(subjectDescription): \(message)" + (fix.map { "; fix: \($0)" } ?? "")
    }

    /// "relation 12", "actor 3", … (1-based, as a person counts).
    public var subjectDescription: String {
        switch subject {
        case let .network(field): "network field '\(field)'"
        case let .source(i, _): "source \(i + 1)"
        case let .kind(i, _): "kind \(i + 1)"
        case let .actor(i, _): "actor \(i + 1)"
        case let .relation(i, _): "relation \(i + 1)"
        case let .evidence(r, e, _): "relation \(r + 1), evidence \(e + 1)"
        }
    }
}

/// Thrown when a network cannot be built because it has errors; carries every issue found.
public struct NetworkValidationError: Error, Sendable, CustomStringConvertible {
    public var issues: [NetworkIssue]
    public init(issues: [NetworkIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// Lists of names in error messages.
public enum KnownNames {
    /// The known names for an error message: sorted, at most `limit`, with a count of the rest.
    public static func list<S: Sequence<String>>(_ names: S, limit: Int = 12) -> String {
        let sorted = names.sorted()
        if sorted.isEmpty { return "(none)" }
        let shown = sorted.prefix(limit).joined(separator: ", ")
        return sorted.count > limit ? "\(shown), … (\(sorted.count) in all)" : shown
    }
}
