public import ActorNetCore
import Foundation

/// A network flattened into typed node and edge columns: the one mapping from ActorNet's model
/// to the attribute tables of GraphML, GEXF and CSV, so every format carries the same columns
/// with the same names and types.
///
/// Node columns: `label` (the name), `kind`, `group`, then the actors' own attributes (sorted by
/// name), then any metrics (doubles) and, when asked, Gephi's `r`, `g`, `b` and `size`.
/// Edge columns: `kind`, `sign` (long, ±1), `weight` (double, the positive strength — never
/// negative, as Gephi requires), `directed` (boolean), `channel`, `since`, `until` (ISO text),
/// `flows` (text, items joined by "; "), `label`, `evidence` (JSON text: the list of evidence
/// items, so nothing is lost), `inferred` (boolean, written only when true), `note`,
/// `commitment`, `fulfilment`, `cameo` (text), then the relations' own attributes.
///
/// An attribute's type is that of its values: number → double, boolean → boolean, text →
/// string; a key whose values mix types is written as string. An attribute whose name clashes
/// with a fixed column is written as `attr_<name>`.
public struct ExportTable: Sendable {
    public enum ColumnType: String, Sendable, Hashable {
        case string, double, long, boolean
    }

    public struct Column: Sendable, Hashable {
        public var name: String
        public var type: ColumnType
        /// Where the column comes from, for readers that map it back.
        public var role: Role

        public enum Role: Sendable, Hashable {
            case fixed
            case attribute(String)
            case metric
            case visual
        }
    }

    public enum Value: Sendable, Hashable {
        case string(String)
        case double(Double)
        case long(Int)
        case boolean(Bool)

        /// The value as text: numbers in the shortest form that reads back exactly, booleans
        /// as `true`/`false`.
        public var text: String {
            switch self {
            case let .string(s): s
            case let .double(x): NumberText.exact(x)
            case let .long(n): String(n)
            case let .boolean(b): b ? "true" : "false"
            }
        }
    }

    public struct Row: Sendable {
        public var id: String
        /// One entry per column; nil where the element has no value.
        public var values: [Value?]
    }

    public struct EdgeRow: Sendable {
        public var id: String
        public var source: String
        public var target: String
        public var directed: Bool
        public var values: [Value?]
    }

    /// Rows made on demand from the network, so a table costs no second copy of every actor
    /// and relation (3.9 GB for 10 million relations when they were stored): iterating makes
    /// each row once; indexing makes the row asked for.
    public struct Rows<Element>: RandomAccessCollection, Sendable {
        let count_: Int
        let make: @Sendable (Int) -> Element
        public var startIndex: Int { 0 }
        public var endIndex: Int { count_ }
        public subscript(position: Int) -> Element { make(position) }
    }

    public let network: Network
    public let nodeColumns: [Column]
    public let edgeColumns: [Column]
    public let nodes: Rows<Row>
    public let edges: Rows<EdgeRow>
    /// Graph-level data, in this order when present: `name`, `description`, `kinds` and
    /// `sources` (JSON text, see `NetworkMetadataJSON`).
    public var graphData: [(key: String, value: String)] {
        [("name", network.name), ("description", network.summary), ("kinds", NetworkMetadataJSON.encodeKinds(network)),
         ("sources", NetworkMetadataJSON.encodeSources(network))].compactMap { key, value in value.map { (key, $0) } }
    }

    /// Whether every relation is directed, every one undirected, or they mix — or, with a
    /// `direction` other than `mixed`, the one direction the graph is written with.
    public let defaultDirected: Bool
    public let mixedDirections: Bool

    public static let fixedNodeColumns: [Column] = [
        Column(name: "label", type: .string, role: .fixed),
        Column(name: "kind", type: .string, role: .fixed),
        Column(name: "group", type: .string, role: .fixed),
    ]

    /// Node column names an actor attribute may not take (compared case-insensitively); such
    /// an attribute is written as `attr_<name>` and read back under its own name.
    public static let reservedNodeNames = ["label", "name", "kind", "group", "r", "g", "b", "size"]

    public static let fixedEdgeColumns: [Column] = [
        Column(name: "kind", type: .string, role: .fixed),
        Column(name: "sign", type: .long, role: .fixed),
        Column(name: "weight", type: .double, role: .fixed),
        Column(name: "directed", type: .boolean, role: .fixed),
        Column(name: "channel", type: .string, role: .fixed),
        Column(name: "since", type: .string, role: .fixed),
        Column(name: "until", type: .string, role: .fixed),
        Column(name: "flows", type: .string, role: .fixed),
        Column(name: "label", type: .string, role: .fixed),
        Column(name: "evidence", type: .string, role: .fixed),
        Column(name: "inferred", type: .boolean, role: .fixed),
        Column(name: "note", type: .string, role: .fixed),
        Column(name: "commitment", type: .string, role: .fixed),
        Column(name: "fulfilment", type: .string, role: .fixed),
        Column(name: "cameo", type: .string, role: .fixed),
    ]

    /// Flattens `network`; `metrics` become node columns named by each score's metric name,
    /// and `visual` (when given) adds Gephi's `r`, `g`, `b` (colour by one score) and `size`
    /// (by another).
    public init(_ network: Network, metrics: [(name: String, scores: NodeScores)] = [], visual: Visual? = nil,
                direction: ExportSettings.Direction = .mixed) {
        self.network = network
        let fixedNodeNames = Set(Self.reservedNodeNames + metrics.map(\.name))
        let nodeAttributes = Self.attributeColumns(network.actors.map(\.attributes), reserved: fixedNodeNames)
        var nodeColumns = Self.fixedNodeColumns + nodeAttributes
        // Counts (degree, hedges) are integers and written so; every other measure is a double.
        let metricIsCount = metrics.map { metric in
            Metric(rawValue: metric.name)?.isCount == true
                && metric.scores.values.allSatisfy { $0 == $0.rounded() && abs($0) < 9.0e15 }
        }
        nodeColumns += zip(metrics, metricIsCount).map { Column(name: $0.name, type: $1 ? .long : .double, role: .metric) }
        if visual != nil {
            nodeColumns += ["r", "g", "b"].map { Column(name: $0, type: .long, role: .visual) }
            nodeColumns.append(Column(name: "size", type: .double, role: .visual))
        }
        let edgeAttributes = Self.attributeColumns(network.relations.map(\.attributes),
                                                   reserved: Set(Self.fixedEdgeColumns.map(\.name)))
        let edgeColumns = Self.fixedEdgeColumns + edgeAttributes
        self.nodeColumns = nodeColumns
        self.edgeColumns = edgeColumns

        let colours = visual.map { $0.colours(network.actors.count) }
        let sizes = visual.map { $0.sizes(network.actors.count) }
        let nodeColumnCount = nodeColumns.count, edgeColumnCount = edgeColumns.count
        nodes = Rows(count_: network.actors.count) { i in
            let actor = network.actors[i]
            var values: [Value?] = [.string(actor.name), actor.kind.map(Value.string), actor.group.map(Value.string)]
            values.reserveCapacity(nodeColumnCount)
            for column in nodeAttributes {
                guard case let .attribute(key) = column.role else { continue }
                values.append(actor.attributes[key].map { Self.value($0, as: column.type) })
            }
            for (metric, isCount) in zip(metrics, metricIsCount) {
                let x = metric.scores.values[i]
                values.append(isCount ? .long(Int(x)) : .double(x))
            }
            if let colours, let sizes {
                let (r, g, b) = colours[i]
                values += [.long(r), .long(g), .long(b), .double(sizes[i])]
            }
            return Row(id: actor.id, values: values)
        }
        edges = Rows(count_: network.relations.count) { i in
            let r = network.relations[i]
            let directed = network.isDirected(relation: i)
            var values: [Value?] = [
                .string(r.kind), .long(Int(network.sign(ofRelation: i).rawValue)), .double(r.weight), .boolean(directed),
                r.channel.map { .string($0.rawValue) }, r.since.map { .string($0.description) },
                r.until.map { .string($0.description) },
                r.flows.isEmpty ? nil : .string(r.flows.joined(separator: "; ")), r.label.map(Value.string),
                r.evidence.isEmpty ? nil : .string(EvidenceJSON.encode(r.evidence)),
                r.inferred ? .boolean(true) : nil, r.note.map(Value.string), r.commitment.map { .string($0.rawValue) },
                r.fulfilment.map { .string($0.rawValue) }, r.cameo.map(Value.string),
            ]
            values.reserveCapacity(edgeColumnCount)
            for column in edgeAttributes {
                guard case let .attribute(key) = column.role else { continue }
                values.append(r.attributes[key].map { Self.value($0, as: column.type) })
            }
            return EdgeRow(id: r.id, source: r.source, target: r.target, directed: directed, values: values)
        }
        var anyDirected = false, anyUndirected = false
        for i in network.relations.indices {
            if network.isDirected(relation: i) { anyDirected = true } else { anyUndirected = true }
            if anyDirected && anyUndirected { break }
        }
        switch direction {
        case .mixed:
            defaultDirected = anyDirected && !anyUndirected
            mixedDirections = anyDirected && anyUndirected
        case .directed, .undirected:
            defaultDirected = direction == .directed
            mixedDirections = false
        }
    }

    static func attributeColumns(_ maps: [[String: AttributeValue]], reserved: Set<String>) -> [Column] {
        var types: [String: ColumnType] = [:]
        for map in maps {
            for (key, value) in map {
                let type: ColumnType
                switch value {
                case .string: type = .string
                case .number: type = .double
                case .bool: type = .boolean
                }
                if let existing = types[key], existing != type { types[key] = .string } else if types[key] == nil { types[key] = type }
            }
        }
        let lowered = Set(reserved.map { $0.lowercased() })
        return types.keys.sorted().map { key in
            Column(name: lowered.contains(key.lowercased()) ? "attr_\(key)" : key, type: types[key]!, role: .attribute(key))
        }
    }

    static func value(_ a: AttributeValue, as type: ColumnType) -> Value {
        switch (a, type) {
        case let (.number(x), .double): .double(x)
        case let (.bool(b), .boolean): .boolean(b)
        default: .string(a.description)
        }
    }

    /// Colour and size of nodes by scores, for Gephi (`r`, `g`, `b`, `size`) and Graphviz.
    public struct Visual: Sendable {
        /// Colours from light yellow (lowest) to dark red (highest score).
        public var colourBy: NodeScores?
        /// Sizes from 10 (lowest) to 50 (highest score).
        public var sizeBy: NodeScores?

        public init(colourBy: NodeScores?, sizeBy: NodeScores?) {
            self.colourBy = colourBy
            self.sizeBy = sizeBy
        }

        static func scaled(_ values: [Double]) -> [Double] {
            let lo = values.min() ?? 0, hi = values.max() ?? 0
            return values.map { hi > lo ? ($0 - lo) / (hi - lo) : 0 }
        }

        public func colours(_ n: Int) -> [(Int, Int, Int)] {
            guard let colourBy else { return Array(repeating: (153, 153, 153), count: n) }
            return Self.scaled(colourBy.values).map { t in
                // Linear from #FFF5B0 (t = 0) to #B2182B (t = 1).
                (Int((255 + (178 - 255) * t).rounded()), Int((245 + (24 - 245) * t).rounded()),
                 Int((176 + (43 - 176) * t).rounded()))
            }
        }

        public func sizes(_ n: Int) -> [Double] {
            guard let sizeBy else { return Array(repeating: 20, count: n) }
            return Self.scaled(sizeBy.values).map { 10 + 40 * $0 }
        }
    }
}

/// Evidence items as compact JSON text, so formats with only scalar attributes keep them whole.
public enum EvidenceJSON {
    struct Item: Codable {
        var text: String?
        var source: String?
        var section: String?
        var url: String?
    }

    public static func encode(_ evidence: [Evidence]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let items = evidence.map { Item(text: $0.text, source: $0.source, section: $0.section, url: $0.url) }
        return (try? String(decoding: encoder.encode(items), as: UTF8.self)) ?? "[]"
    }

    /// Decodes what `encode` wrote; nil when the text is not such a list (then it is kept as a
    /// plain evidence text by readers).
    public static func decode(_ text: String) -> [Evidence]? {
        guard let items = try? JSONDecoder().decode([Item].self, from: Data(text.utf8)) else { return nil }
        return items.map { Evidence(text: $0.text, source: $0.source, section: $0.section, url: $0.url) }
    }
}
