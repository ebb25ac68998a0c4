internal import Yams

/// Reads YAML (through Yams and libyaml) into the position-carrying document tree.
///
/// Plain scalars are typed with the YAML 1.2 core schema rather than YAML 1.1, so that
/// Norway's `NO` and the word `yes` stay text; quoted and block scalars are always text.
public enum YAMLDocumentParser {
    public static func parse(_ text: String, file: String, limits: DocumentLimits = .default) throws(DocumentSyntaxError) -> DocNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, file: file, text: text)
        } catch {
            throw DocumentSyntaxError(location: SourceLocation(file: file, line: 1, column: 1),
                                      message: "cannot read the YAML: \(error)")
        }
        guard let root else {
            throw DocumentSyntaxError(location: SourceLocation(file: file, line: 1, column: 1),
                                      message: "the file is empty (no YAML document, only blank lines or comments)",
                                      fix: "a network file needs at least 'actors:'; see graphs/README.md for the format")
        }
        var converter = Converter(file: file, limits: limits)
        return try converter.convert(root, depth: 0)
    }

    struct Converter {
        let file: String
        let limits: DocumentLimits
        var nodes = 0

        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }

        mutating func convert(_ node: Node, depth: Int) throws(DocumentSyntaxError) -> DocNode {
            nodes += 1
            if nodes > limits.maxNodes {
                throw DocumentSyntaxError(location: location(node.mark),
                    message: "the document expands to more than \(limits.maxNodes) values (alias expansion?)",
                    fix: "remove repeated aliases (*name) or split the file")
            }
            if depth > limits.maxDepth {
                throw DocumentSyntaxError(location: location(node.mark),
                    message: "nesting deeper than \(limits.maxDepth) levels",
                    fix: "a network file nests a few levels at most; check for runaway brackets or indentation")
            }
            switch node {
            case let .scalar(scalar):
                let type: ScalarType = scalar.style == .plain ? YAMLDocumentParser.resolvePlain(scalar.string) : .string
                return DocNode(.scalar(raw: scalar.string, type: type), at: location(scalar.mark))
            case let .sequence(sequence):
                var items: [DocNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence { items.append(try convert(item, depth: depth + 1)) }
                return DocNode(.sequence(items), at: location(sequence.mark))
            case let .mapping(mapping):
                var entries: [DocEntry] = []
                entries.reserveCapacity(mapping.count)
                for (key, value) in mapping {
                    guard case let .scalar(keyScalar) = key else {
                        throw DocumentSyntaxError(location: location(key.mark),
                            message: "a mapping key must be plain text, found \(key.sequence != nil ? "a list" : "a mapping")",
                            fix: "write keys as simple words, e.g. 'source:'")
                    }
                    nodes += 1
                    entries.append(DocEntry(key: keyScalar.string, keyLocation: location(keyScalar.mark),
                                            value: try convert(value, depth: depth + 1)))
                }
                return DocNode(.mapping(entries), at: location(mapping.mark))
            case .alias:
                // Yams resolves aliases while composing; an unresolved one cannot reach here.
                throw DocumentSyntaxError(location: location(node.mark), message: "unresolved YAML alias")
            }
        }
    }

    /// Types a plain scalar by the YAML 1.2 core schema.
    static func resolvePlain(_ s: String) -> ScalarType {
        switch s {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        let u = Array(s.utf8)
        func digits(_ range: Range<Int>, hex: Bool = false, octal: Bool = false) -> Bool {
            !range.isEmpty && u[range].allSatisfy { c in
                octal ? (48...55).contains(c)
                    : (48...57).contains(c) || (hex && ((65...70).contains(c) || (97...102).contains(c)))
            }
        }
        if u.count > 2, u[0] == 48, u[1] == 120, digits(2..<u.count, hex: true) {
            return UInt64(s.dropFirst(2), radix: 16).map { .number(Double($0)) } ?? .string
        }
        if u.count > 2, u[0] == 48, u[1] == 111, digits(2..<u.count, octal: true) {
            return UInt64(s.dropFirst(2), radix: 8).map { .number(Double($0)) } ?? .string
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var i = 0
        if i < u.count, u[i] == 43 || u[i] == 45 { i += 1 }
        let intStart = i
        while i < u.count, (48...57).contains(u[i]) { i += 1 }
        var sawDigits = i > intStart
        if i < u.count, u[i] == 46 {
            i += 1
            let fracStart = i
            while i < u.count, (48...57).contains(u[i]) { i += 1 }
            sawDigits = sawDigits || i > fracStart
        }
        guard sawDigits else { return .string }
        if i < u.count, u[i] == 101 || u[i] == 69 {
            i += 1
            if i < u.count, u[i] == 43 || u[i] == 45 { i += 1 }
            let expStart = i
            while i < u.count, (48...57).contains(u[i]) { i += 1 }
            guard i > expStart else { return .string }
        }
        guard i == u.count, let value = Double(s.hasPrefix("+") ? String(s.dropFirst()) : s) else { return .string }
        return .number(value)
    }

    static func syntaxError(_ error: YamlError, file: String, text: String) -> DocumentSyntaxError {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            let offending = character(at: mark, in: text)
            let fix = offending == "\t" ? "YAML indents with spaces only; replace the tab with spaces" : hint(for: problem)
            return DocumentSyntaxError(location: at(mark), message: message, fix: fix)
        case let .duplicatedKeysInMapping(duplicates, context):
            return DocumentSyntaxError(location: at(context.mark),
                message: "duplicate key\(duplicates.count > 1 ? "s" : "") \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping",
                fix: "each key may appear once per mapping; remove or rename the repeated one")
        case let .reader(problem, offset, _, _):
            let location = offset.map { TextInput.position(of: $0, in: Array(text.utf8), file: file) }
                ?? SourceLocation(file: file, line: 1, column: 1)
            return DocumentSyntaxError(location: location, message: "YAML cannot read the text: \(problem)",
                                       fix: "remove control characters; save the file as UTF-8")
        default:
            return DocumentSyntaxError(location: SourceLocation(file: file, line: 1, column: 1),
                                       message: "YAML error: \(error)")
        }
    }

    /// The character at a libyaml mark (1-based line and column in Unicode scalars).
    static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if line == mark.line, column == mark.column { return scalar }
            if scalar == "\n" {
                if line == mark.line { return nil }
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    static func hint(for problem: String) -> String {
        if problem.contains("tab") {
            return "YAML indents with spaces only; replace the tab with spaces"
        }
        if problem.contains("mapping values are not allowed") {
            return "quote a value that contains ': ', e.g. text: \"Moscow: no guarantees\""
        }
        if problem.contains("cannot start any token") {
            return "quote the value, e.g. \"@name\" or \"`x`\"; a plain value cannot start with @, ` or a tab"
        }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
            return "check the indentation: entries of one mapping must start in the same column"
        }
        if problem.contains("did not find expected '-'") {
            return "every item of a list starts with '- ' at the same indentation"
        }
        if problem.contains("found undefined alias") {
            return "define the anchor (&name) before using the alias (*name)"
        }
        if problem.contains("unexpected end of stream") || problem.contains("found unexpected end") {
            return "the file ends inside a quoted value or bracket; close it"
        }
        return "check the YAML syntax at this spot; see graphs/README.md for the format"
    }
}
