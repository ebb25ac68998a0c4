public import ActorNetCore
import Foundation

/// One file format ActorNet reads or writes, with everything the rest of the product needs to
/// know about it: the names it goes by (`--format`, `format=`), its extensions and media types,
/// how to recognise its content, its reader and writer, what it can carry, and its fuzz targets.
///
/// The formats themselves are the entries of one table, `NetworkFormat.all` (in `Formats.swift`);
/// the loader, the exporter, the server's uploads and content types, the page's downloads, the
/// CLI's `--format` values, the OpenAPI document and the fuzzer all read it. Adding a format is
/// one file with its reader or writer, plus one entry there.
public struct NetworkFormat: Sendable, Hashable, CustomStringConvertible {
    /// What a format can carry beyond actors and relations.
    public struct Capabilities: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Relations' dates as time intervals (`--dynamic`, `dynamic=true`): Gephi's timeline.
        public static let dynamic = Capabilities(rawValue: 1 << 0)
        /// Metric columns and Gephi's colour and size (`--with-metrics`).
        public static let metricColumns = Capabilities(rawValue: 1 << 1)
        /// Groups drawn as clusters (`--clusters`).
        public static let clusters = Capabilities(rawValue: 1 << 2)
        /// Written as two tables, nodes and edges (`--table` picks one for a single stream).
        public static let tables = Capabilities(rawValue: 1 << 3)
        /// One direction for the whole graph on request (`--direction directed|undirected`),
        /// each relation's own in a `directed` column: what networkx and igraph read.
        public static let directionModes = Capabilities(rawValue: 1 << 4)
    }

    /// Reads a network: from a path (streaming where the format allows) and from bytes already
    /// in memory (an upload); `file` names the input in diagnostics.
    public struct Reader: Sendable {
        public var path: @Sendable (_ path: String) -> LoadResult
        public var bytes: @Sendable (_ bytes: [UInt8], _ file: String) -> LoadResult

        /// A reader of bytes; a path is read whole first (refused above `InputFile.maximumBytes`).
        public init(kind: String, bytes: @escaping @Sendable ([UInt8], String) -> LoadResult) {
            self.bytes = bytes
            self.path = { path in InputFile.load(path, expecting: kind) { bytes($0, $1) } }
        }

        public init(path: @escaping @Sendable (String) -> LoadResult, bytes: @escaping @Sendable ([UInt8], String) -> LoadResult) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// What a writer gets: the network, its flattened table (with metric and visual columns
    /// when asked), the settings, and whether the output goes to files (a format with
    /// `.tables` writes one file per table then).
    public struct WriteInput: Sendable {
        public var network: Network
        public var table: ExportTable
        public var visual: ExportTable.Visual?
        public var settings: ExportSettings
        public var toFiles: Bool
    }

    /// Writes a network: one output, or one per table. Throws before any byte is written when
    /// the network cannot be written in the format.
    public typealias Writer = @Sendable (WriteInput) throws -> [Exporter.Output]

    /// One target of `actornet-fuzz` (and `scripts/fuzz`): a name, the file name the input
    /// carries in diagnostics, the extensions of the seed files, and the reader it drives.
    public struct FuzzTarget: Sendable {
        public var name: String
        public var file: String
        public var seedExtensions: [String]
        public var read: @Sendable ([UInt8]) -> LoadResult
    }

    /// The name: the `--format` value, the `format=` query value, the file suffix of downloads.
    public let name: String
    /// The name people know it by ("GraphML", "node-link JSON").
    public let title: String
    /// File extensions, lower case, without the dot; the first is the one written.
    public let extensions: [String]
    /// The `Content-Type` an export in this format is served with.
    public let contentType: String
    /// The media types an upload in this format may carry (lower case, without parameters).
    public let mediaTypes: [String]
    /// The tools the format is for, as the page's download list says.
    public let uses: String
    public let capabilities: Capabilities
    public let reader: Reader?
    public let writer: Writer?
    /// Whether bytes are in this format, from the first few kilobytes; nil when the content
    /// cannot tell (then the extension must).
    public let sniff: (@Sendable (ArraySlice<UInt8>) -> Bool)?
    public let fuzzTargets: [FuzzTarget]

    public init(name: String, title: String, extensions: [String], contentType: String, mediaTypes: [String],
                uses: String, capabilities: Capabilities = [], reader: Reader?, writer: Writer?,
                sniff: (@Sendable (ArraySlice<UInt8>) -> Bool)? = nil, fuzzTargets: [FuzzTarget] = []) {
        self.name = name
        self.title = title
        self.extensions = extensions
        self.contentType = contentType
        self.mediaTypes = mediaTypes
        self.uses = uses
        self.capabilities = capabilities
        self.reader = reader
        self.writer = writer
        self.sniff = sniff
        self.fuzzTargets = fuzzTargets
    }

    public var description: String { name }
    public static func == (a: NetworkFormat, b: NetworkFormat) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public var canRead: Bool { reader != nil }
    public var canWrite: Bool { writer != nil }

    /// The format called `name` (case-insensitive).
    public static func named(_ name: String) -> NetworkFormat? {
        let name = name.lowercased()
        return all.first { $0.name == name }
    }

    /// The format of a path, by its extension.
    public static func forPath(_ path: String) -> NetworkFormat? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard !ext.isEmpty else { return nil }
        return all.first { $0.extensions.contains(ext) }
    }

    /// The format of an upload's media type (lower case, parameters removed).
    public static func forMediaType(_ type: String) -> NetworkFormat? {
        all.first { $0.canRead && $0.mediaTypes.contains(type) }
    }

    /// The format whose content `head` (the first few kilobytes) looks like, if any says so.
    public static func detect(_ head: ArraySlice<UInt8>) -> NetworkFormat? {
        all.first { $0.sniff?(head) == true }
    }

    /// Names of the formats that read (or write), for messages: "graphml, gexf, …".
    public static func names(where include: (NetworkFormat) -> Bool = { _ in true }) -> String {
        all.filter(include).map(\.name).joined(separator: ", ")
    }
}

/// A format that cannot be written (none of today's, but the table allows it).
public struct FormatNotWritable: Error, Sendable, CustomStringConvertible {
    public var format: NetworkFormat
    public var description: String {
        "ActorNet reads \(format.title) but does not write it; write one of \(NetworkFormat.names(where: \.canWrite))"
    }
}

/// Loads a network from any readable format.
public enum AnyFormatLoader {
    /// The format comes from `format`, else the extension, else the content (the first 4 KiB of
    /// a regular file). Standard input and a file that cannot be opened go to the native
    /// reader, which reads YAML or JSON or says why it cannot; a readable file whose extension
    /// and content match no format gets "not a format ActorNet reads" with the list.
    public static func load(path: String, format: NetworkFormat? = nil) -> LoadResult {
        let chosen: NetworkFormat
        if let given = format ?? NetworkFormat.forPath(path) {
            chosen = given
        } else {
            switch sniff(path: path) {
            case let .format(found): chosen = found
            case .unopened: chosen = .yaml
            case .unknown: return unknown(path)
            }
        }
        guard let reader = chosen.reader else { return notRead(chosen, file: path) }
        return reader.path(path)
    }

    static func unknown(_ path: String) -> LoadResult {
        let ext = URL(fileURLWithPath: path).pathExtension
        let listed = NetworkFormat.all.filter(\.canRead).map { f in
            "\(f.name) (\(f.extensions.map { "." + $0 }.joined(separator: ", ")))"
        }.joined(separator: ", ")
        return LoadResult(network: nil, diagnostics: [Diagnostic(
            .error, at: SourceLocation(file: path, line: 1, column: 1),
            "not a format ActorNet reads: " + (ext.isEmpty ? "the file has no extension" : "the extension '.\(ext)' names no format")
                + " and its content looks like none of them; ActorNet reads \(listed)",
            fix: "if it is one of these, say which with --from FORMAT (or rename the file); otherwise convert it, "
                + "e.g. with networkx, to GraphML")], unreadable: false)
    }

    /// Loads a network from bytes in `format`; `file` names it in diagnostics.
    public static func load(bytes: [UInt8], file: String, format: NetworkFormat) -> LoadResult {
        guard let reader = format.reader else { return notRead(format, file: file) }
        return reader.bytes(bytes, file)
    }

    static func notRead(_ format: NetworkFormat, file: String) -> LoadResult {
        LoadResult(network: nil, diagnostics: [Diagnostic(
            .error, at: SourceLocation(file: file, line: 1, column: 1),
            "ActorNet writes \(format.title) for \(format.uses) but does not read it",
            fix: "convert the graph to GraphML (e.g. with networkx) and read that; ActorNet reads "
                + NetworkFormat.names(where: \.canRead))])
    }

    /// The format a regular file's content shows, if any; standard input and unreadable files
    /// are left to the default reader (which reports them).
    static func sniff(path: String) -> Sniffed {
        var isDirectory: ObjCBool = false
        guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else { return .unopened }
        defer { try? handle.close() }
        // An empty file, or one that cannot be read, is the native reader's to explain.
        guard let head = try? handle.read(upToCount: 4096), !head.isEmpty else { return .unopened }
        return NetworkFormat.detect([UInt8](head)[...]).map(Sniffed.format) ?? .unknown
    }

    enum Sniffed { case format(NetworkFormat), unopened, unknown }

    /// Whether a JSON document is in the native schema: a top-level `"actors"` key before any
    /// `"nodes"` key.
    public static func looksNative(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
        let actors = text.range(of: "\"actors\"")?.lowerBound
        let nodes = text.range(of: "\"nodes\"")?.lowerBound
        switch (actors, nodes) {
        case let (a?, n?): return a < n
        case (_?, nil): return true
        default: return false
        }
    }
}
