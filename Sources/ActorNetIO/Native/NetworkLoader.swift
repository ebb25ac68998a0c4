public import ActorNetCore
import Foundation

/// The syntaxes of the native format.
public enum NativeSyntax: String, Sendable, CaseIterable {
    case yaml, json

    /// By extension (`.json`, `.yaml`, `.yml`); otherwise by content: a document whose first
    /// non-blank character is `{` is JSON, anything else YAML.
    public static func detect(path: String, bytes: ArraySlice<UInt8>) -> NativeSyntax {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "{") ? .json : .yaml
    }
}

/// What loading a network file gave: the network when it is valid, and every diagnostic.
public struct LoadResult: Sendable {
    public enum Failure: Sendable, Hashable {
        /// The file could not be read at all (missing, a directory, no permission).
        case unreadable
        /// The file was read but is not a valid network.
        case invalid
    }

    public var network: Network?
    public var diagnostics: [Diagnostic]
    /// Set by `InputFile` when the file could not be read at all.
    var unreadable = false
    public var failure: Failure? {
        network != nil ? nil : unreadable ? .unreadable : .invalid
    }
}

/// Reads network files in the native format (YAML or JSON, one schema).
public enum NetworkLoader {
    /// Loads and validates the network in the file at `path`.
    /// `-` reads standard input.
    public static func load(path: String, limits: DocumentLimits = .default) -> LoadResult {
        InputFile.load(path, expecting: "network") { load(bytes: $0, file: $1, limits: limits) }
    }

    /// Loads and validates a network from bytes; `file` names it in diagnostics.
    public static func load(bytes: [UInt8], file: String, syntax: NativeSyntax? = nil,
                            limits: DocumentLimits = .default) -> LoadResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let body: ArraySlice<UInt8>
        switch TextInput.utf8(bytes, file: file) {
        case let .success(b): body = b
        case let .failure(d): return LoadResult(network: nil, diagnostics: [d])
        }
        if body.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            return LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: start, "the file is empty",
                fix: "a network file needs at least 'actors:'; see graphs/README.md for the format")])
        }
        let root: DocNode
        do {
            switch syntax ?? NativeSyntax.detect(path: file, bytes: body) {
            case .json:
                root = try JSONDocumentParser.parse(Array(body), file: file, limits: limits)
            case .yaml:
                root = try YAMLDocumentParser.parse(body, file: file, limits: limits)
            }
        } catch {
            return LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: error.location, error.message, fix: error.fix)])
        }
        var decoder = NetworkDecoder(file: file)
        let network = decoder.decode(root)
        return LoadResult(network: network, diagnostics: decoder.diagnostics)
    }
}
