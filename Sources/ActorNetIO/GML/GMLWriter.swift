import ActorNetCore
import Foundation

/// Writes a network as GML that networkx (`read_gml`) and igraph (`Read_GML`) read, and that
/// `GMLReader` reads back into the same actors and relations:
///
///     graph [
///       directed 1
///       multigraph 1
///       name "Russia and Iran"
///       node [ id 0 label "RUS" name "Russia" kind "state" ]
///       edge [ source 0 target 1 key "rus-irn-treaty" kind "cooperation" sign 1 weight 2.0 ]
///     ]
///
/// A node's `label` is the actor's id (networkx's node), `name` its name; the other keys are
/// `ExportTable`'s columns. GML has one `directed` flag per graph: a network whose relations
/// are all undirected is written `directed 0`; one that mixes directions is written `directed 1`
/// with each edge's own direction in `directed 0`/`1` (which `GMLReader` honours; networkx and
/// igraph read every edge as directed then). Text is ASCII with HTML character references
/// (`&amp;`, `&quot;`, `&#233;`, `&#10;`), as networkx writes and reads it; reals always carry
/// a decimal point (networkx reads `1e5` as two tokens); GML has no booleans, so booleans are
/// written as the text `true`/`false`. Keys must be `[A-Za-z][A-Za-z0-9_]*`: other characters
/// of a column name become `_` (and a leading digit gets `a_`), so such attribute names do not
/// come back as they were; a name that would clash is numbered.
public enum GMLWriter {
    public static func write(_ table: ExportTable) -> String {
        var out = "Creator \"ActorNet\"\ngraph [\n"
        out += "  directed \(table.defaultDirected || table.mixedDirections ? 1 : 0)\n"
        out += "  multigraph 1\n"
        for (key, value) in table.graphData {
            out += "  \(key) \(quote(value))\n"
        }
        let nodeKeys = keys(for: table.nodeColumns.map { $0.name == "label" ? "name" : $0.name }, reserved: ["id", "label"])
        var index: [String: Int] = [:]
        for (i, row) in table.nodes.enumerated() {
            index[row.id] = i
            out += "  node [\n    id \(i)\n    label \(quote(row.id))\n"
            for (c, value) in row.values.enumerated() {
                guard let value else { continue }
                out += "    \(nodeKeys[c]) \(gml(value))\n"
            }
            out += "  ]\n"
        }
        let edgeKeys = keys(for: table.edgeColumns.map(\.name), reserved: ["source", "target", "key", "id"])
        for row in table.edges {
            out += "  edge [\n    source \(index[row.source]!)\n    target \(index[row.target]!)\n    key \(quote(row.id))\n"
            for (c, value) in row.values.enumerated() {
                guard let value else { continue }
                let column = table.edgeColumns[c]
                if column.role == .fixed, column.name == "directed" {
                    if table.mixedDirections { out += "    directed \(row.directed ? 1 : 0)\n" }
                    continue
                }
                out += "    \(edgeKeys[c]) \(gml(value))\n"
            }
            out += "  ]\n"
        }
        return out + "]\n"
    }

    /// GML keys for column names: valid, unique, and `attr_` before a name the format uses.
    static func keys(for names: [String], reserved: Set<String>) -> [String] {
        var taken = reserved
        return names.map { name in
            var key = String(String.UnicodeScalarView(name.unicodeScalars.map {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") ? $0 : "_"
            }))
            if reserved.contains(key) { key = "attr_" + key }
            if key.isEmpty || !(key.unicodeScalars.first!.properties.isAlphabetic) { key = "a_" + key }
            var candidate = key, n = 2
            while taken.contains(candidate) {
                candidate = "\(key)_\(n)"
                n += 1
            }
            taken.insert(candidate)
            return candidate
        }
    }

    static func gml(_ value: ExportTable.Value) -> String {
        switch value {
        case let .string(s): quote(s)
        case let .long(n): String(n)
        case let .boolean(b): b ? "\"true\"" : "\"false\""
        case let .double(x): real(x)
        }
    }

    /// A real as networkx reads it: with a decimal point, or INF / -INF / NAN.
    static func real(_ x: Double) -> String {
        if x.isNaN { return "NAN" }
        if x.isInfinite { return x < 0 ? "-INF" : "INF" }
        let text = NumberText.exact(x)
        if text.contains(".") { return text }
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) { return String(text[..<e]) + ".0" + text[e...] }
        return text + ".0"
    }

    /// A quoted ASCII string: `&`, `"`, control characters and everything beyond ASCII as
    /// character references.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default:
                if scalar.value < 0x20 || scalar.value >= 0x7F {
                    out += "&#\(scalar.value);"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
