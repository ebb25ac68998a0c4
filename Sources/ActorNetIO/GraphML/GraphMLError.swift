/// Why a network could not be written as GraphML, naming the element and what to change.
public struct GraphMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the actor, relation or column and the offending value.
    public var message: String
    /// What would fix it.
    public var fix: String?

    public init(_ message: String, fix: String? = nil) {
        self.message = message
        self.fix = fix
    }

    public var description: String {
        "error: \(message)" + (fix.map { "\n  fix: \($0)" } ?? "")
    }
}
