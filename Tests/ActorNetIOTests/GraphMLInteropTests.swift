import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// Runs `scripts/interop/graphml_check.py` on the shipped network's export: networkx and igraph
/// must read the nodes, edges and typed attribute values ActorNet wrote. Needs Python with
/// networkx and python-igraph (CI installs them through scripts/setup): missing, it is skipped.
@Suite(.enabled(if: Python.has(modules: ["networkx", "igraph"]), "needs python3 with networkx and python-igraph (scripts/setup)"))
struct GraphMLInteropTests {
    static func expected(_ table: ExportTable) -> [String: Any] {
        func json(_ value: ExportTable.Value) -> Any {
            switch value {
            case let .string(s): s
            case let .double(x): x
            case let .long(n): n
            case let .boolean(b): b
            }
        }
        func attributes(_ columns: [ExportTable.Column], _ values: [ExportTable.Value?]) -> [String: Any] {
            var result: [String: Any] = [:]
            for (column, value) in zip(columns, values) { if let value { result[column.name] = json(value) } }
            return result
        }
        return [
            "directed": table.defaultDirected, "mixed": table.mixedDirections,
            "node_types": Dictionary(uniqueKeysWithValues: table.nodeColumns.map { ($0.name, $0.type.rawValue) }),
            "edge_types": Dictionary(uniqueKeysWithValues: table.edgeColumns.map { ($0.name, $0.type.rawValue) }),
            "nodes": table.nodes.map { ["id": $0.id, "attributes": attributes(table.nodeColumns, $0.values)] as [String: Any] },
            "edges": table.edges.map {
                ["id": $0.id, "source": $0.source, "target": $0.target, "directed": $0.directed,
                 "attributes": attributes(table.edgeColumns, $0.values)] as [String: Any]
            },
        ]
    }

    /// Every direction mode, with and without metric columns: networkx and igraph read it (in
    /// `mixed` mode networkx needs the per-edge directions taken out, which the script says;
    /// in the single-direction modes it reads the file as written), and it validates.
    @Test(arguments: [ExportSettings.Direction.mixed, .directed, .undirected], [false, true])
    func networkxAndIgraphReadTheShippedExport(direction: ExportSettings.Direction, withMetrics: Bool) throws {
        let network = try GraphMLTesting.shipped()
        let metrics = withMetrics ? Exporter.metrics(network, ExportSettings.exportedMetrics).scores : []
        let table = ExportTable(network, metrics: metrics, direction: direction)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("actornet-graphml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let graphml = directory.appendingPathComponent("russia-iran.graphml")
        let expectedJSON = directory.appendingPathComponent("expected.json")
        let bytes = try GraphMLWriter.write(table)
        try Data(bytes).write(to: graphml)
        #expect(GraphMLSchemaCheck.validate(bytes: bytes, file: "russia-iran.graphml", schemaPath: GraphMLTesting.schema).isEmpty)
        if withMetrics {
            // Counts are integers, the rest doubles.
            #expect(table.nodeColumns.first { $0.name == "degree" }?.type == .long)
            #expect(table.nodeColumns.first { $0.name == "hedges" }?.type == .long)
            #expect(table.nodeColumns.first { $0.name == "betweenness" }?.type == .double)
        }
        try JSONSerialization.data(withJSONObject: Self.expected(table), options: [.sortedKeys]).write(to: expectedJSON)

        let python = Python.command([Fixtures.path("scripts/interop/graphml_check.py"), graphml.path, expectedJSON.path])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python.executable)
        process.arguments = python.arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            Issue.record("cannot run \(Python.described) (\(error)): install Python 3 with networkx and python-igraph (scripts/setup)")
            return
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0,
                "graphml_check.py exited \(process.terminationStatus) (2 = python3, networkx or igraph missing: run scripts/setup):\n\(text)")
        #expect(text.contains("ok: networkx and igraph read 24 nodes and 82 edges"), "\(text)")
        #expect(text.contains("refuses mixed directions") == (direction == .mixed), "\(text)")
    }
}
