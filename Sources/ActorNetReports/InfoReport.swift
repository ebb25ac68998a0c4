import ActorNetIO
public import ActorNetCore
import Foundation

/// Renders a `NetworkSummary` for `actornet info`: a table for people (fits 100 columns) or
/// JSON for programs.
public enum InfoReport {
    public static func text(_ s: NetworkSummary, file: String) -> String {
        var out: [String] = []
        /// A labelled line, wrapped at 100 columns between list items (", "), continuation
        /// lines indented under the value.
        func row(_ label: String, _ value: String) {
            var line = label.padding(toLength: 12, withPad: " ", startingAt: 0)
            let indent = String(repeating: " ", count: 12)
            let items = value.components(separatedBy: ", ")
            for (i, item) in items.enumerated() {
                let piece = item + (i < items.count - 1 ? "," : "")
                if line.count + 1 + piece.count > 100, line.count > 12 {
                    out.append(line)
                    line = indent + piece
                } else {
                    line += (line.count == 12 ? "" : " ") + piece
                }
            }
            out.append(line)
        }
        func list(_ counts: [NetworkSummary.Count]) -> String {
            counts.isEmpty ? "none" : counts.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
        }
        out.append(s.name.map { "\($0)  (\(file))" } ?? file)
        out.append("")
        row("actors", "\(s.actors)")
        if !s.actorKinds.isEmpty { row("  by kind", list(s.actorKinds)) }
        row("groups", list(s.groups))
        row("relations", "\(s.relations)  (positive \(s.positive), negative \(s.negative); "
            + "directed \(s.directed), undirected \(s.undirected))")
        row("channels", list(s.byChannel))
        out.append("")
        out.append("relations by kind")
        for k in s.byKind {
            let sign = k.sign == "positive" ? "+" : "−"
            out.append("  " + k.kind.padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(k.relations).leftPadded(5) + "   \(sign)  \(k.direction)" + (k.builtIn ? "" : "  (declared)"))
        }
        out.append("")
        if let earliest = s.dates.earliest, let latest = s.dates.latest {
            row("dates", "\(earliest) – \(latest); \(s.dates.dated) dated relations, "
                + "\(s.dates.undated) undated (counted as always present)")
        } else {
            row("dates", "none: all \(s.relations) relations are undated (counted as always present)")
        }
        let c = s.connectivity
        row("components", "\(c.components)" + (c.sizes.isEmpty ? "" : "  (sizes \(sizes(c.sizes)))"))
        row("isolated", c.isolated.isEmpty ? "none" : c.isolated.joined(separator: ", "))
        out.append("")
        if s.parallelPairs.isEmpty {
            out.append("parallel relations: none (no pair of actors has more than one relation)")
        } else {
            out.append("parallel relations: \(s.parallelPairs.count) pairs have more than one relation"
                + " (all are kept)")
            for p in s.parallelPairs {
                let kinds = p.kinds.map { $0.count > 1 ? "\($0.name) ×\($0.count)" : $0.name }.joined(separator: ", ")
                // Many kinds between one pair wrap under the kinds column, within 100 columns.
                out.append(TextLayout.wrap("  " + p.actors.joined(separator: " – ").padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(p.relations).leftPadded(3) + "  " + kinds + (p.mixedSign ? "  [+ and −]" : ""),
                    width: 100, indent: String(repeating: " ", count: 29)))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func sizes(_ sizes: [Int]) -> String {
        let shown = sizes.prefix(8).map(String.init).joined(separator: ", ")
        return sizes.count > 8 ? shown + ", …" : shown
    }

    public static func json(_ s: NetworkSummary, file: String) throws -> String {
        struct Envelope: Encodable {
            var file: String
            var summary: NetworkSummary
        }
        return try JSONOutput.encode(Envelope(file: file, summary: s))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
