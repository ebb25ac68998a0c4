import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// Replays every input committed under `Tests/Fuzz/READER/` through its reader: the fuzzers'
/// findings (each once a crash, a hang or a sanitizer report) and a few minimised corpus inputs.
/// Each must now load, or be refused with located errors; none may crash. See FUZZING.md.
@Suite struct FuzzRegressionTests {
    /// The readers, as `scripts/fuzz` and `Sources/actornet-fuzz/Harness.swift` name them.
    static let readers = ["graphml", "gexf", "yaml", "json", "csv", "nodelink", "gml", "pajek"]

    /// Runs one input the way the fuzz harness does: for CSV a NUL byte splits a node table
    /// (before) from an edge table (after).
    static func load(_ reader: String, _ bytes: [UInt8], file: String) -> LoadResult? {
        switch reader {
        case "graphml": return GraphMLReader.read(bytes: bytes, file: file)
        case "gexf": return GEXFReader.read(bytes: bytes, file: file)
        case "yaml": return NetworkLoader.load(bytes: bytes, file: file, syntax: .yaml)
        case "json": return NetworkLoader.load(bytes: bytes, file: file, syntax: .json)
        case "nodelink": return NodeLinkJSON.read(bytes: bytes, file: file)
        case "gml": return GMLReader.read(bytes: bytes, file: file)
        case "pajek": return PajekReader.read(bytes: bytes, file: file)
        case "csv":
            guard let cut = bytes.firstIndex(of: 0) else {
                return CSVTables.read(nodes: nil, nodesFile: nil, edges: bytes, edgesFile: file)
            }
            return CSVTables.read(nodes: Array(bytes[..<cut]), nodesFile: file + "#nodes",
                                  edges: Array(bytes[(cut + 1)...]), edgesFile: file)
        default: return nil
        }
    }

    static func inputs(_ reader: String) throws -> [String] {
        let dir = Fixtures.path("Tests/Fuzz/\(reader)")
        return try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }
    }

    @Test(arguments: FuzzRegressionTests.readers)
    func committedInputsLoadOrFailWithLocatedErrors(reader: String) throws {
        let paths = try Self.inputs(reader)
        #expect(!paths.isEmpty, "Tests/Fuzz/\(reader)/ holds no input")
        for path in paths {
            let bytes = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
            let name = (path as NSString).lastPathComponent
            let result = try #require(Self.load(reader, Array(bytes), file: name))
            let errors = result.diagnostics.errors
            if result.network == nil {
                #expect(!errors.isEmpty, "\(reader)/\(name): refused without an error")
            } else {
                #expect(errors.isEmpty, "\(reader)/\(name): loaded, yet with errors \(errors)")
            }
            for d in result.diagnostics {
                #expect(d.location.file.hasPrefix(name), "\(reader)/\(name): \(d) names another file")
                #expect(d.location.line >= 1 && d.location.column >= 1, "\(reader)/\(name): \(d) has no position")
                #expect(!d.message.isEmpty, "\(reader)/\(name): an empty message")
            }
        }
    }

    /// The committed seeds are real networks: at least one input of each reader loads, so the
    /// replay exercises the whole reader and not only its first refusal.
    @Test(arguments: FuzzRegressionTests.readers)
    func eachReaderHasALoadingInput(reader: String) throws {
        let loaded = try Self.inputs(reader).filter { path in
            guard let bytes = FileManager.default.contents(atPath: path) else { return false }
            return Self.load(reader, Array(bytes), file: (path as NSString).lastPathComponent)?.network != nil
        }
        #expect(!loaded.isEmpty, "no input in Tests/Fuzz/\(reader)/ loads")
    }
}
