import ActorNetCore
@testable import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// The XML writers stream: the sink receives the document in bounded chunks (so peak memory is
/// the network plus one chunk), the bytes equal the in-memory document, a failure before
/// writing sends nothing, and a failing file write leaves the previous file and no temporary.
@Suite struct StreamingOutputTests {
    /// About 3 MB of GraphML.
    static let large = RandomNetworks.make(actors: 2_000, relations: 12_000, seed: 42)

    /// Accepts `limit` bytes, then fails like a full disk.
    final class FailingSink: ByteSink {
        var written = 0
        let limit: Int
        init(limit: Int) { self.limit = limit }
        func write(_ chunk: UnsafeRawBufferPointer) throws(OutputError) {
            if written + chunk.count > limit { throw OutputError(path: "test sink", reason: "No space left on device") }
            written += chunk.count
        }
    }

    /// Every chunk but the last fills the buffer exactly.
    static func bounded(_ sink: MemorySink, chunkSize: Int) -> Bool {
        sink.largestChunk == chunkSize && sink.chunks == (sink.bytes.count + chunkSize - 1) / chunkSize
    }

    @Test func graphMLStreamsInBoundedChunksWithTheSameBytes() throws {
        let table = ExportTable(Self.large)
        let whole = try GraphMLWriter.write(table)
        #expect(whole.count > 1_000_000)
        let sink = MemorySink()
        try GraphMLWriter.write(table, to: sink)
        #expect(sink.bytes == whole)
                #expect(Self.bounded(sink, chunkSize: XMLChunkedWriter.defaultChunkSize), "largest chunk \(sink.largestChunk)")

        let small = MemorySink()
        try GraphMLWriter.write(table, to: small, chunkSize: 512)
        #expect(small.bytes == whole)
                #expect(Self.bounded(small, chunkSize: 512), "largest chunk \(small.largestChunk)")
    }

    @Test(arguments: [GEXFWriter.Mode.static, .dynamic])
    func gexfStreamsInBoundedChunksWithTheSameBytes(_ mode: GEXFWriter.Mode) throws {
        let table = ExportTable(Self.large)
        let whole = try GEXFWriter.write(table, mode: mode)
        #expect(whole.count > 1_000_000)
        let sink = MemorySink()
        try GEXFWriter.write(table, mode: mode, to: sink)
        #expect(sink.bytes == whole)
        #expect(sink.chunks > 10)
        #expect(Self.bounded(sink, chunkSize: XMLChunkedWriter.defaultChunkSize), "largest chunk \(sink.largestChunk)")
    }

    /// The serializer's layout and escaping (libxml2's `xmlTextWriter` with indentation, which
    /// wrote ActorNet's exports before): the same bytes whatever the chunk size, even when a
    /// chunk boundary falls inside an escape.
    @Test func serializerLayoutAndEscapingDoNotDependOnTheChunkSize() throws {
        func document(chunkSize: Int) throws -> MemorySink {
            let sink = MemorySink()
            var xml = try XMLChunkedWriter(sink: sink, chunkSize: chunkSize)
            try xml.start("root")
            try xml.attribute("a", "<&>\"'\t\n\r é")
            try xml.start("empty")
            try xml.end()
            try xml.processingInstruction("pi", "{\"x\":1}")
            try xml.element("t", text: "<&>\"'\t\n\r é")
            try xml.element("blank", text: "")
            try xml.start("outer")
            try xml.start("inner")
            try xml.attribute("k", "v")
            try xml.end()
            try xml.finish()
            return sink
        }
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <root a="&lt;&amp;&gt;&quot;'&#9;&#10;&#13; é">
              <empty/>
            <?pi {"x":1}?>
              <t>&lt;&amp;&gt;&quot;'\t\n&#13; é</t>
              <blank></blank>
              <outer>
                <inner k="v"/>
              </outer>
            </root>

            """
        for chunkSize in [1, 2, 3, 5, 7, 64, XMLChunkedWriter.defaultChunkSize] {
            let sink = try document(chunkSize: chunkSize)
            #expect(String(decoding: sink.bytes, as: UTF8.self) == expected, "chunk size \(chunkSize)")
            #expect(Self.bounded(sink, chunkSize: min(chunkSize, sink.bytes.count)), "chunk size \(chunkSize)")
        }
    }

    @Test func nothingReachesTheSinkWhenATextCannotBeWritten() throws {
        var actors = (0..<500).map { ActorNode(id: "A\($0)") }
        actors.append(ActorNode(id: "Z", name: "bell\u{7}"))  // the last actor: found before writing
        let network = try Network(actors: actors, relations: [])
        let graphml = MemorySink()
        #expect(throws: GraphMLError.self) { try GraphMLWriter.write(ExportTable(network), to: graphml, chunkSize: 64) }
        #expect(graphml.bytes.isEmpty)
        let gexf = MemorySink()
        #expect(throws: GEXFError.self) { try GEXFWriter.write(ExportTable(network), mode: .static, to: gexf, chunkSize: 64) }
        #expect(gexf.bytes.isEmpty)
    }

    @Test func anEarlyUntilIsRefusedBeforeWritingInDynamicMode() throws {
        let network = try Network(actors: [ActorNode(id: "A"), ActorNode(id: "B")], relations: [
            Relation(id: "r", source: "A", target: "B", kind: "cooperation", until: PartialDate(iso: "0001")),
        ])
        let sink = MemorySink()
        #expect {
            try GEXFWriter.write(ExportTable(network), mode: .dynamic, to: sink)
        } throws: { error in
            (error as? GEXFError)?.element == "edge 'r' end"
        }
        #expect(sink.bytes.isEmpty)
        #expect(throws: Never.self) { try GEXFWriter.write(ExportTable(network), mode: .static, to: MemorySink()) }
    }

    @Test func aSinkFailureSurfacesAsTheSinksError() throws {
        let sink = FailingSink(limit: 200_000)
        #expect {
            try GraphMLWriter.write(ExportTable(Self.large), to: sink)
        } throws: { error in
            (error as? OutputError)?.reason == "No space left on device"
        }
        #expect(sink.written <= 200_000)
    }

    // MARK: Atomic files

    func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aStreamedFileIsRenamedIntoPlaceWhole() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("large.graphml")
        let table = ExportTable(Self.large)
        try AtomicFile.write(to: target.path) { sink in try GraphMLWriter.write(table, to: sink) }
        #expect(Array(try Data(contentsOf: target)) == (try GraphMLWriter.write(table)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["large.graphml"])
        let back = try #require(GraphMLReader.read(path: target.path).network)
        #expect(back.relations.count == Self.large.relations.count)
    }

    @Test func aFailureMidStreamKeepsThePreviousFileAndLeavesNoTemporary() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("keep.gexf")
        try Data("previous".utf8).write(to: target)
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: target.path) { sink in
                try sink.write("<gexf>half of a document")
                throw Interrupted()
            }
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["keep.gexf"])
    }

    @Test func unwritableDestinationsAreNamed() throws {
        #expect {
            try AtomicFile.write(to: "/nonexistent-dir/x.graphml") { _ in }
        } throws: { error in
            let e = error as? OutputError
            return e?.path == "/nonexistent-dir/x.graphml" && e?.reason.hasPrefix("the directory '/nonexistent-dir' does not exist; create it") == true
        }
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        #expect {
            try AtomicFile.write(to: sub.path) { sink in try sink.write("x") }
        } throws: { error in
            (error as? OutputError)?.reason == "it is a directory; give a file name"
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["taken"])
    }
}
