public import ActorNetCore

/// Writes a network as a Graphviz DOT graph, for `dot`, `neato`, `sfdp` and friends.
///
/// Every relation is its own edge statement, in network order, so parallel relations stay
/// apart (the graph is never `strict`). The graph is a `digraph` when any relation is directed;
/// its undirected relations then carry `dir=none`. When every relation is undirected it is a
/// `graph` with `--` edges.
///
/// Every ID is a quoted string — graph name, node ids, cluster names and attribute values —
/// so ids that are DOT keywords (`node`, `strict`), hold a colon (`a:b` would name a port),
/// quotes, backslashes or spaces, or start with a digit, all survive. Inside quotes `"` and `\`
/// are escaped and a line break becomes `\n`; Unicode is written as UTF-8, Graphviz's default.
///
/// Edge look, by kind and sign (`edgeStyles` is the table):
///
/// | kind                 | colour              | style  | arrow (directed) |
/// |----------------------|---------------------|--------|------------------|
/// | cooperation          | `#2166AC` dark blue | solid  | normal           |
/// | supply               | `#1B7837` green     | solid  | normal           |
/// | membership           | `#5E3C99` purple    | dotted | empty            |
/// | rivalry              | `#B2182B` red       | dashed | normal           |
/// | declared, positive   | `#4393C3` blue      | solid  | normal           |
/// | declared, negative   | `#B2182B` red       | dashed | normal           |
///
/// Beside the look, each node and edge carries its data as `actornet_<column>` attributes
/// (`ExportTable`'s columns: kind, group, attributes; kind, sign, weight, directed, …) and each
/// edge its relation id as `key`, and the graph its description, declared kinds and sources
/// (`actornet_description`, `actornet_kinds`, `actornet_sources`), so `DOTReader` reads the
/// export back to the same network.
///
/// `penwidth` grows linearly with the strength, from 0.5 to 4 at the network's strongest
/// relation. `weight` is Graphviz's layout hint, which `dot` requires to be a non-negative
/// integer: the strength rounded, at least 1.
///
/// - Complexity: O(n + m) for n actors and m relations (plus a sort of the group names).
public struct DOTWriter: Sendable {
    /// Puts the actors of each `group` in a `subgraph "cluster_<group>"` labelled by the group.
    public var clustersByGroup = false
    /// Fills nodes from light yellow (lowest score) to dark red (highest), as `ExportTable.Visual`.
    public var colourBy: NodeScores?
    /// Sizes nodes from 0.5 inch wide (lowest score) to 2.5 inches (highest).
    public var sizeBy: NodeScores?
    /// Graph-level Graphviz settings (layout, splines, overlap); nil: chosen by the network's
    /// size (`GraphvizSettings.automatic`).
    public var graphviz: GraphvizSettings?

    public init(clustersByGroup: Bool = false, colourBy: NodeScores? = nil, sizeBy: NodeScores? = nil) {
        self.clustersByGroup = clustersByGroup
        self.colourBy = colourBy
        self.sizeBy = sizeBy
    }

    /// The look of one kind of edge.
    public struct EdgeStyle: Sendable, Hashable {
        public var colour: String
        public var style: String
        public var arrowhead: String
    }

    /// Built-in kinds by name; declared kinds by sign.
    public static let edgeStyles: (builtIn: [String: EdgeStyle], declared: [Sign: EdgeStyle]) = (
        builtIn: [
            "cooperation": EdgeStyle(colour: "#2166AC", style: "solid", arrowhead: "normal"),
            "supply": EdgeStyle(colour: "#1B7837", style: "solid", arrowhead: "normal"),
            "membership": EdgeStyle(colour: "#5E3C99", style: "dotted", arrowhead: "empty"),
            "rivalry": EdgeStyle(colour: "#B2182B", style: "dashed", arrowhead: "normal"),
        ],
        declared: [
            .positive: EdgeStyle(colour: "#4393C3", style: "solid", arrowhead: "normal"),
            .negative: EdgeStyle(colour: "#B2182B", style: "dashed", arrowhead: "normal"),
        ])

    public static func style(of kind: RelationKind) -> EdgeStyle {
        (kind.isBuiltIn ? edgeStyles.builtIn[kind.name] : nil) ?? edgeStyles.declared[kind.sign]!
    }

    public func write(_ network: Network) -> String {
        let directedGraph = network.relations.indices.contains { network.isDirected(relation: $0) }
        let edgeOp = directedGraph ? "->" : "--"
        var out = "\(directedGraph ? "digraph" : "graph") \(Self.quote(network.name ?? "ActorNet")) {\n"
        out += "  // ActorNet: \(network.actors.count) actors, \(network.relations.count) relations\n"
        // neato and sfdp overlap nodes unless told not to; dot ignores overlap. Layout, splines
        // and overlap follow the network's size unless `graphviz` says otherwise.
        let graph = graphviz ?? GraphvizSettings.automatic(actors: network.actors.count, relations: network.relations.count)
        out += "  graph" + Self.attributeList(graph.graphAttributes) + ";\n"
        out += "  node [shape=ellipse, style=filled, fillcolor=\"#F7F7F7\", fontname=\"Helvetica\", fontsize=11];\n"
        out += "  edge [fontname=\"Helvetica\"];\n"

        // The data behind the drawing, as `actornet_<column>` attributes (see `data`).
        let table = ExportTable(network)
        let fills = Self.aligned(colourBy, to: network).map { scores in
            Self.colours(scores)
        }
        let widths = Self.aligned(sizeBy, to: network).map { scores in
            Self.scaled(scores).map { $0.map { 0.5 + 2 * $0 } }
        }
        func nodeStatement(_ i: Int, indent: String) -> String {
            let actor = network.actors[i]
            var attributes = [("label", Self.quote(actor.name))]
            let details = [actor.id, actor.kind, actor.group].compactMap { $0 }.joined(separator: " · ")
            attributes.append(("tooltip", Self.quote(details)))
            if let fill = fills?[i] {
                attributes += [("style", "filled"), ("fillcolor", Self.quote(fill.colour))]
                if fill.dark { attributes.append(("fontcolor", Self.quote("#FFFFFF"))) }
            }
            if let width = widths?[i] {
                attributes += [("width", Self.fixed(width)), ("height", Self.fixed(width * 0.6))]
            }
            attributes += Self.data(table.nodes[i].values, table.nodeColumns, skipping: "label")
            return indent + Self.quote(actor.id) + Self.attributeList(attributes) + ";\n"
        }

        var clustered = Set<Int>()
        if clustersByGroup {
            var members: [String: [Int]] = [:]
            for (i, actor) in network.actors.enumerated() {
                if let group = actor.group { members[group, default: []].append(i) }
            }
            for group in members.keys.sorted() {
                out += "  subgraph \(Self.quote("cluster_" + group)) {\n"
                out += "    label=\(Self.quote(group));\n"
                for i in members[group]! {
                    out += nodeStatement(i, indent: "    ")
                    clustered.insert(i)
                }
                out += "  }\n"
            }
        }
        for i in network.actors.indices where !clustered.contains(i) {
            out += nodeStatement(i, indent: "  ")
        }

        let maxWeight = network.relations.map(\.weight).max() ?? 1
        for (i, relation) in network.relations.enumerated() {
            let kind = network.kind(ofRelation: i)
            let look = Self.style(of: kind)
            let directed = network.isDirected(relation: i)
            var attributes = [
                ("color", Self.quote(look.colour)), ("style", look.style),
                ("penwidth", Self.fixed(0.5 + 3.5 * relation.weight / maxWeight)),
                ("weight", String(max(1, Int(relation.weight.rounded())))),
            ]
            if directed {
                if look.arrowhead != "normal" { attributes.append(("arrowhead", look.arrowhead)) }
            } else if directedGraph {
                attributes.append(("dir", "none"))
            }
            var tooltip = "\(relation.id): \(kind.name) (\(kind.sign)), weight \(NumberText.exact(relation.weight))"
            if let channel = relation.channel { tooltip += ", \(channel)" }
            attributes.append(("tooltip", Self.quote(tooltip)))
            attributes.append(("key", Self.quote(relation.id)))
            attributes += Self.data(table.edges[i].values, table.edgeColumns, skipping: nil)
            out += "  \(Self.quote(relation.source)) \(edgeOp) \(Self.quote(relation.target))"
                + Self.attributeList(attributes) + ";\n"
        }
        // Graph data (description, declared kinds, sources) last, apart from the layout settings.
        for (key, value) in table.graphData where key != "name" {
            out += "  \(Self.quote(Self.dataPrefix + key))=\(Self.quote(value));\n"
        }
        out += "}\n"
        return out
    }

    /// Whether `head` starts like a DOT file: after white space and comments (`//`, `/* */`,
    /// `#` lines), the keyword `strict`, `graph` or `digraph` (any case), as Graphviz's grammar
    /// begins. Lets a DOT file with an unknown extension be named as DOT in the message.
    @Sendable public static func looksLikeDOT(_ head: ArraySlice<UInt8>) -> Bool {
        var text = Substring(String(decoding: head, as: UTF8.self))
        while true {
            text = text.drop { $0.isWhitespace }
            if text.hasPrefix("//") || text.hasPrefix("#") {
                text = text.drop { $0 != "\n" }
            } else if text.hasPrefix("/*") {
                guard let end = text.range(of: "*/") else { return false }
                text = text[end.upperBound...]
            } else {
                break
            }
        }
        let word = text.prefix { $0.isLetter }.lowercased()
        return ["strict", "graph", "digraph"].contains(word) && text.dropFirst(word.count).first.map { !$0.isLetter && !$0.isNumber && $0 != "_" } ?? false
    }

    /// A DOT double-quoted string: `"` and `\` escaped, line breaks as `\n` (a centred line
    /// break in labels), other control characters as spaces.
    public static func quote(_ text: String) -> String {
        // Most texts (ids, names, numbers) need nothing escaped: decided on the UTF-8 bytes,
        // where a control character is a byte below 0x20, 0x7F, or C2 80…C2 9F (U+0080–U+009F).
        let plain: Bool = text.utf8.withContiguousStorageIfAvailable { bytes in
            var previous: UInt8 = 0
            for b in bytes {
                if b < 0x20 || b == 0x7F || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return false }
                if previous == 0xC2 && b <= 0x9F { return false }
                previous = b
            }
            return true
        } ?? false
        if plain { return "\"" + text + "\"" }
        var out = "\""
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.properties.generalCategory == .control { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// The prefix of the data attributes: Graphviz ignores attributes it does not know, and
    /// the prefix keeps ActorNet's columns (`weight`, `group`, `label`, an actor attribute
    /// named `color`) apart from Graphviz's attributes of the same name.
    public static let dataPrefix = "actornet_"

    /// An `ExportTable` row as `actornet_<column>="value"` attributes, so `DOTReader` reads an
    /// export back to the same network (`key`, cgraph's edge name, carries the relation id).
    static func data(_ values: [ExportTable.Value?], _ columns: [ExportTable.Column], skipping: String?) -> [(String, String)] {
        var out: [(String, String)] = []
        for (column, value) in zip(columns, values) {
            guard let value, column.name != skipping else { continue }
            out.append((quote(dataPrefix + column.name), quote(value.text)))
        }
        return out
    }

    static func attributeList(_ attributes: [(String, String)]) -> String {
        " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "]"
    }

    /// Two decimals, without locale: Graphviz reads "1.25", never "1,25".
    static func fixed(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return (hundredths < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// The scores per actor of `network` (nil for an actor the scores do not cover), matched by id
    /// so that scores from a filtered or reordered view still land on the right node.
    static func aligned(_ scores: NodeScores?, to network: Network) -> [Double?]? {
        guard let scores else { return nil }
        if scores.actorIDs == network.actors.map(\.id) { return scores.values }
        var byID: [String: Double] = [:]
        for (id, value) in zip(scores.actorIDs, scores.values) { byID[id] = value }
        return network.actors.map { byID[$0.id] }
    }

    /// Scores mapped to [0, 1] between the lowest and highest finite score (0 when all equal).
    static func scaled(_ values: [Double?]) -> [Double?] {
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 0
        return values.map { v in v.flatMap { $0.isFinite ? (hi > lo ? ($0 - lo) / (hi - lo) : 0) : nil } }
    }

    /// `#RRGGBB` from light yellow to dark red, the gradient of `ExportTable.Visual`, and whether
    /// the fill is dark enough to need white text.
    static func colours(_ values: [Double?]) -> [(colour: String, dark: Bool)?] {
        let scaled = scaled(values)
        let present = scaled.compactMap { $0 }
        let rgb = ExportTable.Visual(
            colourBy: NodeScores(measure: "", actorIDs: present.indices.map(String.init), values: present), sizeBy: nil
        ).colours(present.count)
        var next = 0
        return scaled.map { t in
            guard let t else { return nil }
            let (r, g, b) = rgb[next]
            next += 1
            let hex = [r, g, b].map { c -> String in
                let h = String(c, radix: 16, uppercase: true)
                return h.count == 1 ? "0" + h : h
            }.joined()
            return ("#" + hex, t > 0.6)
        }
    }
}
