public import ActorNetCore
import Foundation

/// Writes a network as a Pajek `.net` file that Pajek, networkx (`read_pajek`), igraph
/// (`Read_Pajek`) and Gephi read, and that `PajekReader` reads back into the same actors and
/// relations:
///
///     *Network Russia and Iran
///     *Vertices 3
///     1 "RUS"
///     2 "IRN"
///     3 "ISR"
///     *Arcs
///     1 3 -2
///     *Edges
///     1 2 1
///
/// Each vertex's label is its actor's id; directed relations go under `*Arcs`, undirected ones
/// under `*Edges`, each with its signed weight (sign × strength), so a negative relation is a
/// negative arc or edge. Everything else is lost: names, kinds (relations read back as `tie`
/// or `negative-tie`), relation ids, dates, evidence and attributes. Pajek has no escape inside
/// quotes: a `"` in an id is written as `'`, and line breaks as spaces.
public enum PajekWriter {
    public static func write(_ network: Network) -> String {
        var out = ""
        if let name = network.name { out += "*Network \(clean(name))\n" }
        out += "*Vertices \(network.actors.count)\n"
        var index: [String: Int] = [:]
        for (i, actor) in network.actors.enumerated() {
            index[actor.id] = i + 1
            out += "\(i + 1) \"\(clean(actor.id))\"\n"
        }
        var arcs = "", edges = ""
        for (i, relation) in network.relations.enumerated() {
            let sign: Double = network.kind(named: relation.kind)?.sign == .negative ? -1 : 1
            let line = "\(index[relation.source]!) \(index[relation.target]!) \(NumberText.exact(sign * relation.weight))\n"
            if network.isDirected(relation: i) { arcs += line } else { edges += line }
        }
        if !arcs.isEmpty { out += "*Arcs\n" + arcs }
        if !edges.isEmpty { out += "*Edges\n" + edges }
        return out
    }

    static func clean(_ text: String) -> String {
        // A tab stays (inside quotes it is part of the label); other controls would end the line.
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\"" ? "'" : ($0.value < 0x20 && $0 != "\t" ? " " : $0) }))
    }
}
