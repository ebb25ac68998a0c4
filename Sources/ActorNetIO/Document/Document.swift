/// A position in a source file. Lines and columns count from 1; columns count Unicode scalars,
/// as libyaml does, so a YAML and a JSON file report the same column for the same character.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// How a scalar was written. YAML plain scalars are resolved with the YAML 1.2 core schema
/// (so `NO` and `yes` stay strings); quoted scalars are always strings.
public enum ScalarType: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string
}

/// A parsed YAML or JSON document: the same tree for both, every node with its position,
/// so the network decoder reports the same errors whichever syntax the user wrote.
public struct DocNode: Sendable {
    public enum Value: Sendable {
        /// `raw` is the text as written (after unquoting), kept so that `since: 2015` and
        /// `id: 1` can be read as text even though they look like numbers.
        case scalar(raw: String, type: ScalarType)
        case sequence([DocNode])
        case mapping([DocEntry])
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// A short description of the node's shape for error messages ("a list", "the number 3").
    /// A value as messages quote it: at most 60 characters, the rest elided with its length,
    /// so a whole file read as one scalar does not flood the terminal.
    static func excerpt(_ raw: String) -> String {
        guard raw.count > 60 else { return raw }
        return String(raw.prefix(57)) + "… (\(raw.count) characters)"
    }

    public var shapeDescription: String {
        switch value {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case let .scalar(raw, type):
            switch type {
            case .null: return "null"
            case .bool: return "the boolean \(Self.excerpt(raw))"
            case .number: return "the number \(Self.excerpt(raw))"
            case .string: return "the text \"\(Self.excerpt(raw))\""
            }
        }
    }
}

/// One `key: value` entry of a mapping, with the key's own position.
public struct DocEntry: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: DocNode

    public init(key: String, keyLocation: SourceLocation, value: DocNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A syntax error that stops parsing: the document could not be read as YAML or JSON.
public struct DocumentSyntaxError: Error, Sendable {
    public var location: SourceLocation
    public var message: String
    public var fix: String?

    public init(location: SourceLocation, message: String, fix: String? = nil) {
        self.location = location
        self.message = message
        self.fix = fix
    }
}

/// Limits that keep a hostile document from taking unbounded time or memory. Each is checked
/// as the parser reaches it, so a document over a limit stops there, not after being read whole.
public struct DocumentLimits: Sendable {
    /// Deepest nesting of lists and mappings accepted (a network file nests four or five).
    public var maxDepth: Int = 256
    /// Most nodes one document may expand to (YAML aliases included); a million-actor file
    /// has about five million.
    public var maxNodes: Int = 50_000_000
    /// Most values YAML aliases may repeat in one document, all aliases together: an alias is
    /// cheap to write and to store but every reader walks it in full, so "billion laughs"
    /// (nine aliases to nine aliases …) stops here.
    public var maxAliasValues: Int = 100_000
    /// Longest single value (a string, key or number) in UTF-8 bytes: 1 MiB.
    public var maxScalarBytes: Int = 1 << 20

    public init() {}
    public static let `default` = DocumentLimits()
}
