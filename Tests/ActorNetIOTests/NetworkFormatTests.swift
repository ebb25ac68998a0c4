import ActorNetCore
@testable import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// The format table: one entry per format, consistent, and what every reader of it relies on.
@Suite struct NetworkFormatTests {
    @Test func namesExtensionsAndMediaTypesAreUnique() {
        let names = NetworkFormat.all.map(\.name)
        #expect(Set(names).count == names.count)
        let extensions = NetworkFormat.all.flatMap(\.extensions)
        #expect(Set(extensions).count == extensions.count, "an extension claimed twice: \(extensions)")
        let uploads = NetworkFormat.all.filter(\.canRead).flatMap(\.mediaTypes)
        #expect(Set(uploads).count == uploads.count, "a media type claimed twice: \(uploads)")
        let targets = NetworkFormat.all.flatMap(\.fuzzTargets).map(\.name)
        #expect(Set(targets).count == targets.count)
        for format in NetworkFormat.all {
            #expect(!format.extensions.isEmpty && format.extensions.allSatisfy { $0 == $0.lowercased() && !$0.hasPrefix(".") })
            #expect(NetworkFormat.named(format.name.uppercased()) == format)
            #expect(NetworkFormat.forPath("dir.v2/net.\(format.extensions[0].uppercased())") == format)
            // Every reader is fuzzed.
            #expect(format.canRead == !format.fuzzTargets.isEmpty, "\(format): a reader without a fuzz target")
        }
        #expect(NetworkFormat.forPath("net") == nil)
        #expect(NetworkFormat.forPath("net.txt") == nil)
        #expect(NetworkFormat.named("ucinet") == nil)
    }

    /// Every format that writes and reads gives back the network it wrote (the shipped one).
    @Test func everyReadableFormatReadsWhatItWrites() throws {
        let network = try #require(NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml")).network)
        for format in NetworkFormat.all where format.canRead && format.canWrite {
            let outputs = try Exporter.export(network, format: format, toFiles: false).outputs
            #expect(outputs.count == 1)
            let bytes = try outputs[0].bytes()
            let back = AnyFormatLoader.load(bytes: bytes, file: "back.\(format.extensions[0])", format: format)
            let read = try #require(back.network, "\(format): \(back.diagnostics)")
            #expect(read.actors.count == network.actors.count, "\(format)")
            #expect(read.relations.count == network.relations.count, "\(format)")
        }
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<!-- written by hand -->\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">", "graphml"),
        ("\u{FEFF}<?xml version='1.0' encoding='UTF-8'?><!DOCTYPE x><gexf version=\"1.3\">", "gexf"),
        ("<g:graphml xmlns:g=\"http://graphml.graphdrawing.org/xmlns\">", "graphml"),
        ("  {\"directed\": false, \"nodes\": []}", "json"),
        ("// drawn by hand\n/* a comment */ strict digraph G { a -> b }", "dot"),
        ("# comment\nDiGraph {}", "dot"),
        ("graphics: []", "yaml"),
        ("name: A network\nactors: []", "yaml"),
        ("# a network\n---\nactors: []", "yaml"),
        ("Source,Target\nA,B", "csv"),
        ("Source;Target\nA;B\n", "csv"),
        ("# SNAP\n1\t2\n2\t3\n", "csv"),
        ("1 2\n2 3\n", "csv"),
        ("Source,Target\n", nil),
        ("name: Russia, Iran\nactors: []", "yaml"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", nil),
        ("digraphs: 1", "yaml"),
        ("just some words\n", nil),
    ] as [(String, String?)])
    func contentTellsTheFormat(head: String, expected: String?) {
        #expect(NetworkFormat.detect(Array(head.utf8)[...])?.name == expected, "\(head)")
    }

    /// A file whose extension says nothing is read as what its content is; a DOT file is read
    /// as DOT, not given a YAML parse error.
    @Test func unknownExtensionsAreReadByContent() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let graphml = dir.appendingPathComponent("download").path
        try FileManager.default.copyItem(atPath: Fixtures.fixturePath("graphml/networkx_written_gahuku_gama.graphml"), toPath: graphml)
        let read = AnyFormatLoader.load(path: graphml)
        let expected = GraphMLReader.read(path: graphml)
        #expect(read.network?.relations.count == expected.network?.relations.count)
        #expect(read.network?.relations.count ?? 0 > 0)

        // DOT by its content (`DOTWriter.looksLikeDOT`), not a YAML parse error.
        let dot = dir.appendingPathComponent("drawing.txt").path
        try Data("digraph { a -> b }\n".utf8).write(to: URL(fileURLWithPath: dot))
        let drawing = AnyFormatLoader.load(path: dot)
        #expect(drawing.network?.relations.count == 1, "\(drawing.diagnostics)")
        #expect(drawing.network?.relations.first?.source == "a")

        // No extension and no recognisable content: the native format, as before.
        let yaml = dir.appendingPathComponent("net").path
        try Data("name: N\nactors: [{id: A}, {id: B}]\nrelations: [{source: A, target: B, kind: cooperation}]\n".utf8)
            .write(to: URL(fileURLWithPath: yaml))
        #expect(AnyFormatLoader.load(path: yaml).network?.relations.count == 1)
    }
}
