import ActorNetCore
@testable import ActorNetIO
import Foundation
import Testing

/// Limits on what one input may cost (issue 8): files read whole are refused above a size
/// before they are read, and a file with a million bad elements gives a bounded list of
/// messages with a count of the rest.
struct InputLimitTests {
    func temporary(_ text: String, name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let path = try temporary("actors:\n  - id: a\n  - id: b\n", name: "n.yaml")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let result = InputFile.load(path, expecting: "network", maximum: 10) { _, _ in
            Issue.record("the parser was called for a file over the limit")
            return LoadResult(network: nil, diagnostics: [])
        }
        #expect(result.network == nil)
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.location.file == path)
        #expect(error.message.contains("it is 28 bytes, more than the 10 bytes a network file may have"), "\(error)")
        #expect(error.fix?.contains("GraphML") == true)
        // At the limit it is read.
        let read = InputFile.load(path, expecting: "network", maximum: 28) { bytes, _ in
            #expect(bytes.count == 28)
            return LoadResult(network: nil, diagnostics: [])
        }
        #expect(read.diagnostics.isEmpty)
        #expect(InputFile.maximumBytes == Int(Int32.max))
    }

    /// 1 500 edges naming no source: the first 1 000 errors, then one line for the other 500.
    @Test(arguments: ["gexf", "csv"])
    func perElementErrorsAreCapped(_ format: String) throws {
        let count = 1500
        let result: LoadResult
        if format == "gexf" {
            var text = "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes>"
            text += "<node id=\"a\"/><node id=\"b\"/></nodes><edges>\n"
            for i in 0..<count { text += "<edge id=\"e\(i)\" source=\"a\" target=\"b\" weight=\"x\(i)\"/>\n" }
            text += "</edges></graph></gexf>\n"
            let path = try temporary(text, name: "bad.gexf")
            defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
            result = GEXFReader.read(path: path)
        } else {
            var text = "source,target,weight\n"
            for i in 0..<count { text += "a,b,x\(i)\n" }
            let path = try temporary(text, name: "bad.csv")
            defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
            result = CSVTables.read(nodesPath: nil, edgesPath: path)
        }
        #expect(result.network == nil)
        let errors = result.diagnostics.errors
        #expect(errors.count == ImportBuilder.diagnosticLimit + 1, "\(errors.count) errors")
        let summary = try #require(errors.first { $0.message.contains("more errors not shown") })
        #expect(summary.message.hasPrefix("\(count - ImportBuilder.diagnosticLimit) more errors not shown"), "\(summary)")
        #expect(summary.fix != nil)
    }
}
