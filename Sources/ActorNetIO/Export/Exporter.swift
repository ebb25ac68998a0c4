public import ActorNetCore
import Foundation

/// What an export writes besides the network itself.
public struct ExportSettings: Sendable {
    public enum CSVTable: String, Sendable, CaseIterable { case nodes, edges }

    /// How a graph format states directions. `mixed` (default): the graph's default plus each
    /// edge's own (standard GraphML and GEXF, which Gephi reads). `directed` / `undirected`: one
    /// direction for the whole graph and no per-edge direction, each relation's own kept in the
    /// `directed` column — what `nx.read_graphml`, `nx.read_gexf`, `nx.node_link_graph` and
    /// igraph read (networkx refuses a file whose edges contradict the graph's default).
    public enum Direction: String, Sendable, CaseIterable { case mixed, directed, undirected }

    /// Add metric columns (as `actornet metrics` computes them by default: the positive
    /// relations read as undirected, as of the latest start date; signed ones on both signs)
    /// and Gephi's colour and size.
    public var withMetrics = false
    public var colourBy: Metric = .hedges
    public var sizeBy: Metric = .betweenness
    /// GEXF: relations' dates as time intervals.
    public var dynamic = false
    /// DOT: groups as clusters.
    public var clusters = false
    /// CSV to one stream: which table.
    public var csvTable: CSVTable = .edges
    /// GraphML, GEXF, node-link JSON: how directions are stated.
    public var direction: Direction = .mixed
    /// DOT: the layout and splines written into the graph, overriding the choice by size
    /// (`GraphvizSettings.automatic`); nil: by size.
    public var dotLayout: GraphvizLayout?
    public var dotSplines: GraphvizSettings.Splines?

    public init(withMetrics: Bool = false, colourBy: Metric = .hedges, sizeBy: Metric = .betweenness,
                dynamic: Bool = false, clusters: Bool = false, csvTable: CSVTable = .edges, direction: Direction = .mixed) {
        self.direction = direction
        self.withMetrics = withMetrics
        self.colourBy = colourBy
        self.sizeBy = sizeBy
        self.dynamic = dynamic
        self.clusters = clusters
        self.csvTable = csvTable
    }

    /// The metrics `--with-metrics` adds.
    public static let exportedMetrics: [Metric] = [
        .degree, .strength, .betweenness, .closeness, .eigenvector, .pagerank, .pn, .hedges, .hedgingRatio, .weightedHedges,
    ]
}

/// Turns a network into the bytes of each format.
public enum Exporter {
    /// One file's worth of an export, written on demand: GraphML and GEXF stream into the sink
    /// in chunks (memory: the network plus one chunk); the text formats are built whole, then
    /// written.
    public struct Output: Sendable {
        /// For CSV written to files: "nodes" or "edges", appended to the file name.
        public var part: String?
        private let body: @Sendable (any ByteSink) throws -> Void

        public init(part: String?, _ body: @escaping @Sendable (any ByteSink) throws -> Void) {
            self.part = part
            self.body = body
        }

        public init(part: String?, text: @escaping @Sendable () -> String) {
            self.init(part: part) { sink in try sink.write(text()) }
        }

        /// Writes the part to `sink`.
        ///
        /// - Throws: `GraphMLError` / `GEXFError` when the network cannot be written in the
        ///   format (found before any byte reaches the sink), or the sink's `OutputError`.
        public func write(to sink: any ByteSink) throws { try body(sink) }

        /// The part's bytes, in memory.
        public func bytes() throws -> [UInt8] {
            let sink = MemorySink()
            try body(sink)
            return sink.bytes
        }
    }

    /// Metrics for export, each on its default view; a metric that cannot be computed is left
    /// out and named in `skipped`.
    public static func metrics(_ network: Network, _ list: [Metric]) -> (scores: [(name: String, scores: NodeScores)], skipped: [String]) {
        let filter = ViewFilter(sign: .positive, at: network.latestStart, direction: .undirected)
        guard let view = try? NetworkView(network, filter: filter) else { return ([], list.map(\.rawValue)) }
        var scores: [(name: String, scores: NodeScores)] = [], skipped: [String] = []
        for metric in list {
            do {
                scores.append((metric.rawValue, try metric.compute(on: view)))
            } catch {
                skipped.append("\(metric.rawValue): \(error)")
            }
        }
        return (scores, skipped)
    }

    public static func export(_ network: Network, format: NetworkFormat, settings: ExportSettings = ExportSettings(),
                              toFiles: Bool) throws -> (outputs: [Output], warnings: [String]) {
        var warnings: [String] = []
        var metricColumns: [(name: String, scores: NodeScores)] = []
        var visual: ExportTable.Visual?
        if settings.withMetrics {
            let wanted = ExportSettings.exportedMetrics + [settings.colourBy, settings.sizeBy].filter {
                !ExportSettings.exportedMetrics.contains($0)
            }
            let (scores, skipped) = metrics(network, wanted)
            metricColumns = scores
            warnings += skipped.map { "metric left out: \($0)" }
            visual = ExportTable.Visual(colourBy: scores.first { $0.name == settings.colourBy.rawValue }?.scores,
                                        sizeBy: scores.first { $0.name == settings.sizeBy.rawValue }?.scores)
        }
        guard let writer = format.writer else { throw FormatNotWritable(format: format) }
        let table = ExportTable(network, metrics: metricColumns, visual: visual, direction: settings.direction)
        let outputs = try writer(NetworkFormat.WriteInput(network: network, table: table, visual: visual,
                                                           settings: settings, toFiles: toFiles))
        return (outputs, warnings)
    }

    /// The file a CSV part goes to: `net.csv` → `net-nodes.csv` / `net-edges.csv`.
    public static func path(_ path: String, part: String?) -> String {
        guard let part else { return path }
        let base = path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return "\(base)-\(part).csv"
    }
}
