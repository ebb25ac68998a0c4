/// Why a network could not be written as GEXF: the element concerned, what is wrong with it,
/// and what would fix it.
///
///     GEXF export: edge 'rus-irn-arms' attribute 'label': contains U+0001, which XML 1.0 cannot carry
///       fix: remove the control character from the relation's label
public struct GEXFError: Error, Sendable, CustomStringConvertible {
    /// The element and attribute, e.g. `node 'RUS' attribute 'label'`.
    public var element: String
    public var message: String
    public var fix: String?

    public init(element: String, _ message: String, fix: String? = nil) {
        self.element = element
        self.message = message
        self.fix = fix
    }

    public var description: String {
        "GEXF export: \(element): \(message)" + (fix.map { "\n  fix: \($0)" } ?? "")
    }
}
