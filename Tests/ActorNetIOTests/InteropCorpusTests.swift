import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// The interop corpus (`Tests/Fixtures/interop`, sources and licences in its SOURCES.md): real
/// files from Gephi, yEd/yFiles, Cytoscape, graphology, networkx, igraph, networkit, D3, SNAP,
/// Graphviz, GML and Pajek writers. Each is loaded the way the CLI loads a file
/// (`AnyFormatLoader.load(path:)`: by extension, else by content) and must give the actor and
/// relation counts `reference.json` expects: what networkx, igraph or Graphviz read, less the
/// documented rules (self-loops skipped, …), counted by `scripts/interop/reference_counts.py`.
/// Every liberty the JSON lists for a file must come back as a located warning, not silence.
struct InteropCorpusTests {
    struct Expected: Decodable {
        var actors: Int?
        var relations: Int?
        var refused: Bool?
        var warnings: [String]
        var explanation: String
    }

    struct Entry: Decodable {
        var expected: Expected
        var format: String
        var exercises: String
    }

    struct Reference: Decodable {
        var files: [String: Entry]
    }

    static let referencePath = Fixtures.fixturePath("interop/reference.json")

    static let reference: Reference? = {
        guard let data = FileManager.default.contents(atPath: referencePath) else { return nil }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }()

    /// The corpus files, by path under `interop/` (the test arguments).
    static let files: [String] = (reference?.files.keys).map { $0.sorted() } ?? []

    /// reference.json decodes and lists exactly the files in the corpus folder, so no file goes
    /// untested and the parameterised test below cannot pass by having nothing to run.
    @Test func referenceListsEveryCorpusFile() throws {
        let reference = try #require(Self.reference, "cannot read or decode \(Self.referencePath): run scripts/interop/reference_counts.py")
        let root = Fixtures.fixturePath("interop")
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var onDisk: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            let name = (relative as NSString).lastPathComponent
            if exists, !isDirectory.boolValue, !["SOURCES.md", "reference.json", ".gitattributes"].contains(name) {
                onDisk.append(relative)
            }
        }
        #expect(onDisk.sorted() == reference.files.keys.sorted(),
                "corpus and reference.json differ: run scripts/interop/reference_counts.py")
        #expect(reference.files.count >= 40)
    }

    @Test(arguments: files)
    func readsWithTheExpectedCounts(_ file: String) throws {
        let entry = try #require(Self.reference?.files[file])
        let path = Fixtures.fixturePath("interop/\(file)")
        let result = AnyFormatLoader.load(path: path)
        let expected = entry.expected
        let context = "\(file) (\(entry.exercises)); expected: \(expected.explanation)\n"
            + result.diagnostics.prefix(8).map(\.description).joined(separator: "\n")

        for diagnostic in result.diagnostics {
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1,
                    "diagnostic without a line and column: \(diagnostic)")
        }
        if expected.refused == true {
            #expect(result.network == nil, "every reference reader refuses \(file), ActorNet read it: \(context)")
            #expect(result.diagnostics.hasErrors, "\(context)")
            return
        }
        guard let network = result.network else {
            Issue.record("\(file) is refused, expected read: \(context)")
            return
        }
        #expect(network.actors.count == expected.actors, "actors: \(context)")
        #expect(network.relations.count == expected.relations, "relations: \(context)")
        // Each liberty is a different thing done to the file, so each needs its own warning.
        let warnings = result.diagnostics.warnings
        #expect(warnings.count >= expected.warnings.count,
                "liberties taken without a warning each (expected: \(expected.warnings.joined(separator: "; "))): \(context)")
    }
}
