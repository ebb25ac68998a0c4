public import ActorNetCore

/// A problem found in an input, with where it is and what would fix it.
///
/// Rendered like a compiler message, so editors and terminals link to the spot:
///
///     graphs/x.yaml:48:13: error: relation 12: unknown actor 'IRQ' in 'target'
///       fix: did you mean 'IRN'? declare 'IRQ' under actors, or use a known id (…)
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public typealias Severity = NetworkIssue.Severity

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var fix: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, fix: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.fix = fix
    }

    public var description: String {
        "\(location): \(severity): \(message)" + (fix.map { "\n  fix: \($0)" } ?? "")
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The first `limit` errors and the first `limit` warnings, in order, then one line each
    /// counting those left out (located at the start of `file`): what a reader reports when a
    /// file repeats one problem per element.
    public func capped(_ limit: Int, file: String) -> [Diagnostic] {
        var kept: [Diagnostic] = []
        var errors = 0, warnings = 0
        for d in self {
            if d.severity == .error { errors += 1 } else { warnings += 1 }
            if (d.severity == .error ? errors : warnings) <= limit { kept.append(d) }
        }
        return kept + Diagnostic.notShown(errors: Swift.max(0, errors - limit), warnings: Swift.max(0, warnings - limit),
                                          limit: limit, file: file)
    }
}

extension Diagnostic {
    /// The lines that count diagnostics left out after the first `limit` of each severity.
    static func notShown(errors: Int, warnings: Int, limit: Int, file: String) -> [Diagnostic] {
        let start = SourceLocation(file: file, line: 1, column: 1)
        var lines: [Diagnostic] = []
        if errors > 0 {
            lines.append(Diagnostic(.error, at: start, "\(errors) more errors not shown (the first \(limit) are)",
                                    fix: "correct the errors shown and read the file again"))
        }
        if warnings > 0 {
            lines.append(Diagnostic(.warning, at: start, "\(warnings) more warnings not shown (the first \(limit) are)"))
        }
        return lines
    }
}

extension String {
    /// The value as diagnostics quote it: at most 60 characters, longer ones cut with "…".
    var shownValue: String {
        utf8.count <= 60 || count <= 60 ? self : String(prefix(59)) + "…"
    }
}
