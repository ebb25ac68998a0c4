public import ActorNetCore

/// Writes a network in the native format (YAML or JSON, schema version 1), so any file ActorNet
/// reads can be converted to the hand-editable form. Reading the output gives back an equal
/// network.
///
/// YAML output quotes every string (double quotes, JSON escapes — valid YAML), so ids such as
/// `NO`, `1` or `yes` and texts with `: ` or `#` survive; dates and numbers are plain.
/// Deterministic: fields in schema order, elements in the network's order.
public enum NativeWriter {
    public static func yaml(_ network: Network) -> String {
        var out = "actornet: 1\n"
        if let name = network.name { out += "name: \(quote(name))\n" }
        if let summary = network.summary { out += "description: \(quote(summary))\n" }
        if !network.sources.isEmpty {
            out += "sources:\n"
            for s in network.sources {
                out += "  \(quote(s.id)):\n    title: \(quote(s.title))\n"
                if let url = s.url { out += "    url: \(quote(url))\n" }
                if let date = s.date { out += "    date: \(date)\n" }
                if let note = s.note { out += "    note: \(quote(note))\n" }
            }
        }
        let declared = network.kinds.filter { !$0.isBuiltIn }
        if !declared.isEmpty {
            out += "kinds:\n"
            for k in declared {
                out += "  \(quote(k.name)):\n    sign: \(k.sign)\n    direction: \(k.direction)\n"
                if let d = k.description { out += "    description: \(quote(d))\n" }
            }
        }
        out += network.actors.isEmpty ? "actors: []\n" : "actors:\n"
        for a in network.actors {
            out += "  - id: \(quote(a.id))\n"
            if a.name != a.id { out += "    name: \(quote(a.name))\n" }
            if let kind = a.kind { out += "    kind: \(quote(kind))\n" }
            if let group = a.group { out += "    group: \(quote(group))\n" }
            out += attributes(a.attributes)
        }
        out += network.relations.isEmpty ? "relations: []\n" : "relations:\n"
        for (i, r) in network.relations.enumerated() {
            out += "  - id: \(quote(r.id))\n    source: \(quote(r.source))\n    target: \(quote(r.target))\n"
            out += "    kind: \(quote(r.kind))\n    weight: \(NumberText.exact(r.weight))\n"
            if let d = r.direction, d != network.kind(ofRelation: i).direction { out += "    direction: \(d)\n" }
            if let c = r.channel { out += "    channel: \(c)\n" }
            if let s = r.since { out += "    since: \(s)\n" }
            if let u = r.until { out += "    until: \(u)\n" }
            if !r.flows.isEmpty { out += "    flows: [\(r.flows.map(quote).joined(separator: ", "))]\n" }
            if let l = r.label { out += "    label: \(quote(l))\n" }
            if !r.evidence.isEmpty {
                out += "    evidence:\n"
                for e in r.evidence {
                    var fields: [String] = []
                    if let t = e.text { fields.append("text: \(quote(t))") }
                    if let s = e.source { fields.append("source: \(quote(s))") }
                    if let s = e.section { fields.append("section: \(quote(s))") }
                    if let u = e.url { fields.append("url: \(quote(u))") }
                    out += "      - " + fields.joined(separator: "\n        ") + "\n"
                }
            }
            if r.inferred { out += "    inferred: true\n" }
            if let n = r.note { out += "    note: \(quote(n))\n" }
            if let c = r.commitment { out += "    commitment: \(c)\n" }
            if let f = r.fulfilment { out += "    fulfilment: \(f)\n" }
            if let c = r.cameo { out += "    cameo: \(quote(c))\n" }
            out += attributes(r.attributes)
        }
        return out
    }

    private static func attributes(_ map: [String: AttributeValue]) -> String {
        guard !map.isEmpty else { return "" }
        var out = "    attributes:\n"
        for key in map.keys.sorted() {
            let value: String
            switch map[key]! {
            case let .string(s): value = quote(s)
            case let .number(x): value = NumberText.exact(x)
            case let .bool(b): value = b ? "true" : "false"
            }
            out += "      \(quote(key)): \(value)\n"
        }
        return out
    }

    /// A double-quoted scalar with JSON-compatible escapes (valid in YAML and JSON).
    static func quote(_ s: String) -> String { JSONText.quote(s) }
}
