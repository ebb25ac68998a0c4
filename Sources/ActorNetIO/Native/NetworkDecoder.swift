public import ActorNetCore

/// Turns a YAML/JSON document tree into a `Network`, collecting every problem with its line
/// and column instead of stopping at the first.
///
/// Structural problems (wrong types, missing fields, unknown fields) are found here; semantic
/// ones (unknown actors and kinds, duplicate ids, bad weights, reversed dates, self-relations)
/// are found by `Network.check` and mapped back to the spot in the file that caused them.
public struct NetworkDecoder {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    // Where each element and each of its fields was written, to place model issues.
    private var sourceSites: [Site] = []
    private var kindSites: [Site] = []
    private var actorSites: [Site] = []
    private var relationSites: [Site] = []
    private var evidenceSites: [[Site]] = []
    private var documentSite: Site
    private var actorsSeen = 0
    private var relationsSeen = 0

    struct Site {
        var location: SourceLocation
        var fields: [String: SourceLocation] = [:]
        /// The element's 1-based position in the file, counting elements that failed to decode.
        var ordinal = 0
        func at(_ field: String) -> SourceLocation {
            fields[field] ?? fields[field.split(separator: ".").first.map(String.init) ?? field] ?? location
        }
    }

    public init(file: String) {
        self.file = file
        self.documentSite = Site(location: SourceLocation(file: file, line: 1, column: 1))
    }

    /// Decodes the network. Returns nil when there are errors; `diagnostics` lists them all
    /// (and any warnings), sorted by position.
    public mutating func decode(_ root: DocNode) -> Network? {
        defer { diagnostics.sort { $0.location < $1.location } }
        guard let top = mapping(root, what: "the top level of a network file",
                                fix: "start the file with 'actornet: 1', then 'actors:' and 'relations:'") else { return nil }
        documentSite = Site(location: root.location)
        let f = fields(top, known: NetworkSchema.topLevel, in: "the network", at: root.location)

        if let v = f["actornet"] {
            if case let .scalar(raw, .number(x)) = v.value.value, x == Double(NetworkSchema.version) {
                _ = raw
            } else {
                error(v.value.location, "unsupported format version \(v.value.shapeDescription)",
                      fix: "this ActorNet reads 'actornet: \(NetworkSchema.version)'")
            }
        }
        let name = f["name"].flatMap { text($0) }
        let summary = f["description"].flatMap { text($0) }

        var sources: [SourceReference] = []
        if let entry = f["sources"], let items = mapping(entry.value, what: "'sources'", nullIsEmpty: true,
                                                         fix: "write sources as 'id: {title: …, url: …}'") {
            for item in items {
                if let source = decodeSource(item) { sources.append(source) }
            }
        }
        var kinds: [RelationKind] = []
        if let entry = f["kinds"], let items = mapping(entry.value, what: "'kinds'", nullIsEmpty: true,
                                                       fix: "write kinds as 'name: {sign: negative, direction: directed}'") {
            for item in items {
                if let kind = decodeKind(item) { kinds.append(kind) }
            }
        }
        var actors: [ActorNode] = []
        if let entry = f["actors"] {
            if let items = sequence(entry.value, what: "'actors'", fix: "list actors as '- id: RUS'") {
                for item in items {
                    if let actor = decodeActor(item) { actors.append(actor) }
                }
                if items.isEmpty {
                    warning(entry.value.location, "the network has no actors", fix: "add actors under 'actors:'")
                }
            }
        } else {
            error(root.location, "missing required field 'actors'",
                  fix: "add 'actors:' with a list of actors, e.g. '- id: RUS'")
        }
        var pending: [(id: String?, relation: Relation)] = []
        if let entry = f["relations"], let items = sequence(entry.value, what: "'relations'", nullIsEmpty: true,
                                                            fix: "list relations as '- source: RUS'") {
            for item in items {
                if let relation = decodeRelation(item) { pending.append(relation) }
            }
        }
        let relations = assignIDs(pending)

        let (network, issues) = Network.checked(name: name, summary: summary, actors: actors, kinds: kinds,
                                                relations: relations, sources: sources)
        for issue in issues {
            diagnostics.append(Diagnostic(issue.severity, at: location(of: issue.subject),
                                          "\(describe(issue.subject)): \(issue.message)", fix: issue.fix))
        }
        guard !diagnostics.hasErrors else { return nil }
        return network
    }

    // MARK: Elements

    private mutating func decodeSource(_ entry: DocEntry) -> SourceReference? {
        let what = "source '\(entry.key)'"
        guard let items = mapping(entry.value, what: "source '\(entry.key)'",
                                  fix: "give the source a mapping with at least 'title:'") else { return nil }
        let f = fields(items, known: NetworkSchema.source, in: "source '\(entry.key)'", at: entry.value.location)
        var site = Site(location: entry.keyLocation, fields: f.mapValues(\.value.location))
        site.fields["id"] = entry.keyLocation
        sourceSites.append(site)
        guard let title = require(f, "title", in: "source '\(entry.key)'", at: entry.value.location).flatMap({ text($0, in: what) }) else {
            sourceSites.removeLast()
            return nil
        }
        return SourceReference(id: entry.key, title: title, url: f["url"].flatMap { text($0, in: what) },
                               date: f["date"].flatMap { date($0, in: "source '\(entry.key)'") }, note: f["note"].flatMap { text($0, in: what) })
    }

    private mutating func decodeKind(_ entry: DocEntry) -> RelationKind? {
        let what = "kind '\(entry.key)'"
        guard let items = mapping(entry.value, what: what, fix: "declare it as '\(entry.key): {sign: negative, direction: directed}'") else { return nil }
        let f = fields(items, known: NetworkSchema.kind, in: what, at: entry.value.location)
        let sign = require(f, "sign", in: what, at: entry.value.location).flatMap { e -> Sign? in
            guard let raw = text(e, in: what) else { return nil }
            if let sign = Sign(parsing: raw) { return sign }
            error(e.value.location, "\(what): sign '\(raw)' is not valid", fix: "use 'positive' or 'negative'")
            return nil
        }
        let direction = require(f, "direction", in: what, at: entry.value.location).flatMap { directionValue($0, in: what) }
        guard let sign, let direction else { return nil }
        var site = Site(location: entry.keyLocation, fields: f.mapValues(\.value.location))
        site.fields["name"] = entry.keyLocation
        kindSites.append(site)
        return RelationKind(name: entry.key, sign: sign, direction: direction, description: f["description"].flatMap { text($0, in: what) })
    }

    private mutating func decodeActor(_ node: DocNode) -> ActorNode? {
        actorsSeen += 1
        let what = "actor \(actorsSeen)"
        guard let items = mapping(node, what: what, fix: "write each actor as '- id: RUS' with its fields below") else { return nil }
        let f = fields(items, known: NetworkSchema.actor, in: what, at: node.location)
        guard let id = require(f, "id", in: what, at: node.location).flatMap({ text($0, allowNumber: true, in: what) }) else { return nil }
        actorSites.append(Site(location: node.location, fields: f.mapValues(\.value.location), ordinal: actorsSeen))
        return ActorNode(id: id, name: f["name"].flatMap { text($0, allowNumber: true, in: what) },
                         kind: f["kind"].flatMap { text($0, in: what) }, group: f["group"].flatMap { text($0, allowNumber: true, in: what) },
                         attributes: f["attributes"].map { attributes($0, in: what) } ?? [:])
    }

    private mutating func decodeRelation(_ node: DocNode) -> (id: String?, relation: Relation)? {
        relationsSeen += 1
        let what = "relation \(relationsSeen)"
        guard let items = mapping(node, what: what, fix: "write each relation as '- source: RUS' with target, kind, … below") else {
            return nil
        }
        let f = fields(items, known: NetworkSchema.relation, in: what, at: node.location)
        let source = require(f, "source", in: what, at: node.location).flatMap { text($0, allowNumber: true, in: what) }
        let target = require(f, "target", in: what, at: node.location).flatMap { text($0, allowNumber: true, in: what) }
        let kind = require(f, "kind", in: what, at: node.location).flatMap { text($0, in: what) }
        // A weight of the wrong type is reported here; 1 stands in so the rest is still checked.
        let weight = f["weight"].map { number($0, in: what) ?? 1 } ?? 1
        let direction = f["direction"].flatMap { directionValue($0, in: what) }
        let channel = f["channel"].flatMap { e -> Channel? in
            guard let raw = text(e, in: what) else { return nil }
            if let channel = Channel(rawValue: raw.lowercased()) { return channel }
            error(e.value.location, "\(what): channel '\(raw)' is not valid",
                  fix: "use 'stated' (words, votes, condemnations, mediation) or 'material' (arms, fuel, money, troops)")
            return nil
        }
        let since = f["since"].flatMap { date($0, in: what) }
        let until = f["until"].flatMap { date($0, in: what) }
        let flows = f["flows"].map { strings($0, in: what) } ?? []
        var evidenceItems: [Evidence] = []
        var sites: [Site] = []
        if let e = f["evidence"] {
            let list: [DocNode]
            if case let .sequence(items) = e.value.value { list = items } else { list = [e.value] }
            for item in list {
                if let (evidence, site) = decodeEvidence(item, in: what) {
                    evidenceItems.append(evidence)
                    sites.append(site)
                }
            }
        }
        guard let source, let target, let kind else { return nil }
        relationSites.append(Site(location: node.location, fields: f.mapValues(\.value.location), ordinal: relationsSeen))
        evidenceSites.append(sites)
        let id = f["id"].flatMap { text($0, allowNumber: true, in: what) }
        var relation = Relation(id: id ?? "", source: source, target: target, kind: kind, weight: weight,
                                direction: direction, channel: channel, since: since, until: until, flows: flows,
                                label: f["label"].flatMap { text($0, in: what) }, evidence: evidenceItems,
                                attributes: f["attributes"].map { attributes($0, in: what) } ?? [:])
        relation.inferred = f["inferred"].flatMap { boolean($0, in: what) } ?? false
        // Files written before `inferred` was a field kept it as an attribute.
        if f["inferred"] == nil, case .bool(true)? = relation.attributes["inferred"] {
            relation.inferred = true
            relation.attributes["inferred"] = nil
        }
        relation.note = f["note"].flatMap { text($0, in: what) }
        relation.commitment = f["commitment"].flatMap { e in
            choice(e, Commitment.self, in: what,
                   fix: "use 'request' (the source asked the target for what 'flows' names) or 'pledge' (the source promised it)")
        }
        relation.fulfilment = f["fulfilment"].flatMap { e in
            choice(e, Fulfilment.self, in: what,
                   fix: "use 'met', 'partly', 'unmet', 'refused' (ruled out by the provider) or 'pending'")
        }
        relation.cameo = f["cameo"].flatMap { text($0, allowNumber: false, in: what) }
        return (id, relation)
    }

    private mutating func decodeEvidence(_ node: DocNode, in what: String) -> (Evidence, Site)? {
        if case .scalar = node.value {
            guard let s = text(DocEntry(key: "evidence", keyLocation: node.location, value: node)) else { return nil }
            return (Evidence(text: s), Site(location: node.location, fields: ["text": node.location]))
        }
        guard let items = mapping(node, what: "evidence of \(what)",
                                  fix: "write evidence as '- text: …' with 'source:' and 'section:'") else { return nil }
        let f = fields(items, known: NetworkSchema.evidence, in: "evidence of \(what)", at: node.location)
        return (Evidence(text: f["text"].flatMap { text($0, in: what) }, source: f["source"].flatMap { text($0, in: what) },
                         section: f["section"].flatMap { text($0, allowNumber: true, in: what) }, url: f["url"].flatMap { text($0, in: what) }),
                Site(location: node.location, fields: f.mapValues(\.value.location)))
    }

    /// Relations written without an id get `SOURCE-kind-TARGET`, with `-2`, `-3`, … for repeats,
    /// never clashing with an id written in the file.
    private func assignIDs(_ pending: [(id: String?, relation: Relation)]) -> [Relation] {
        var taken = Set(pending.compactMap(\.id))
        return pending.map { id, relation in
            var relation = relation
            if id == nil {
                let base = "\(relation.source)-\(relation.kind)-\(relation.target)"
                var candidate = base
                var n = 2
                while taken.contains(candidate) {
                    candidate = "\(base)-\(n)"
                    n += 1
                }
                taken.insert(candidate)
                relation.id = candidate
            }
            return relation
        }
    }

    /// "relation 12 (RUS → IRN)", numbered as written in the file.
    private func describe(_ subject: NetworkIssue.Subject) -> String {
        switch subject {
        case .network: "the network"
        case let .source(i, _): "source \(i + 1)"
        case let .kind(i, _): "kind \(i + 1)"
        case let .actor(i, _): "actor \(i < actorSites.count ? actorSites[i].ordinal : i + 1)"
        case let .relation(i, _): "relation \(i < relationSites.count ? relationSites[i].ordinal : i + 1)"
        case let .evidence(r, e, _): "relation \(r < relationSites.count ? relationSites[r].ordinal : r + 1), evidence \(e + 1)"
        }
    }

    private func location(of subject: NetworkIssue.Subject) -> SourceLocation {
        switch subject {
        case .network: documentSite.location
        case let .source(i, field): i < sourceSites.count ? sourceSites[i].at(field) : documentSite.location
        case let .kind(i, field): i < kindSites.count ? kindSites[i].at(field) : documentSite.location
        case let .actor(i, field): i < actorSites.count ? actorSites[i].at(field) : documentSite.location
        case let .relation(i, field): i < relationSites.count ? relationSites[i].at(field) : documentSite.location
        case let .evidence(r, e, field):
            r < evidenceSites.count && e < evidenceSites[r].count ? evidenceSites[r][e].at(field) : documentSite.location
        }
    }

    // MARK: Values

    private mutating func error(_ at: SourceLocation, _ message: String, fix: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: at, message, fix: fix))
    }

    private mutating func warning(_ at: SourceLocation, _ message: String, fix: String? = nil) {
        diagnostics.append(Diagnostic(.warning, at: at, message, fix: fix))
    }

    private mutating func mapping(_ node: DocNode, what: String, nullIsEmpty: Bool = false, fix: String) -> [DocEntry]? {
        switch node.value {
        case let .mapping(entries): return entries
        case .scalar(_, .null) where nullIsEmpty: return []
        default:
            error(node.location, "\(what) must be a mapping (key: value lines), found \(node.shapeDescription)", fix: fix)
            return nil
        }
    }

    private mutating func sequence(_ node: DocNode, what: String, nullIsEmpty: Bool = false, fix: String) -> [DocNode]? {
        switch node.value {
        case let .sequence(items): return items
        case .scalar(_, .null) where nullIsEmpty: return []
        default:
            error(node.location, "\(what) must be a list ('- ' items), found \(node.shapeDescription)", fix: fix)
            return nil
        }
    }

    /// The entries of a mapping by key; unknown keys are warned about with the nearest known one.
    private mutating func fields(_ entries: [DocEntry], known: [String], in what: String, at: SourceLocation) -> [String: DocEntry] {
        var result: [String: DocEntry] = [:]
        for entry in entries {
            if known.contains(entry.key) {
                if result[entry.key] != nil {
                    error(entry.keyLocation, "\(what): field '\(DocNode.excerpt(entry.key).debugEscaped)' is given twice", fix: "keep one of them")
                }
                result[entry.key] = entry
            } else {
                let hint = NameSuggestion.nearest(to: entry.key, in: known).map { "did you mean '\($0)'? " } ?? ""
                warning(entry.keyLocation, "\(what): unknown field '\(DocNode.excerpt(entry.key).debugEscaped)' is ignored",
                        fix: "\(hint)known fields: \(known.joined(separator: ", "))")
            }
        }
        return result
    }

    private mutating func require(_ f: [String: DocEntry], _ key: String, in what: String, at: SourceLocation) -> DocEntry? {
        if let entry = f[key] { return entry }
        error(at, "\(what): missing required field '\(key)'", fix: "add '\(key): …' to \(what)")
        return nil
    }

    /// A text value. Numbers are accepted as text where ids may be numeric (`id: 1`).
    private mutating func text(_ entry: DocEntry, allowNumber: Bool = false, in what: String? = nil) -> String? {
        let prefix = what.map { "\($0): " } ?? ""
        switch entry.value.value {
        case let .scalar(raw, .string): return raw
        case let .scalar(raw, .number) where allowNumber: return raw
        case let .scalar(raw, .bool) where allowNumber: return raw
        case .scalar(_, .null):
            error(entry.value.location, "\(prefix)'\(entry.key)' is empty", fix: "give a value after '\(entry.key):' or remove the line")
            return nil
        default:
            error(entry.value.location, "\(prefix)'\(entry.key)' must be text, found \(entry.value.shapeDescription)",
                  fix: "quote it if it is meant as text, e.g. \(entry.key): \"…\"")
            return nil
        }
    }

    private mutating func number(_ entry: DocEntry, in what: String) -> Double? {
        if case let .scalar(_, .number(x)) = entry.value.value { return x }
        error(entry.value.location, "\(what): '\(entry.key)' must be a number, found \(entry.value.shapeDescription)",
              fix: "write a plain number such as 3 or 0.5, without quotes")
        return nil
    }

    private mutating func date(_ entry: DocEntry, in what: String? = nil) -> PartialDate? {
        let prefix = what.map { "\($0): " } ?? ""
        guard case let .scalar(raw, type) = entry.value.value, type != .null else {
            error(entry.value.location, "\(prefix)'\(entry.key)' must be a date, found \(entry.value.shapeDescription)",
                  fix: "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. \(entry.key): 2025-01")
            return nil
        }
        if let date = PartialDate(iso: raw) { return date }
        error(entry.value.location, "\(prefix)'\(entry.key)': '\(raw)' is not a valid date",
              fix: "write an ISO 8601 date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-01-17) that exists in the calendar")
        return nil
    }

    private mutating func boolean(_ entry: DocEntry, in what: String) -> Bool? {
        if case let .scalar(_, .bool(b)) = entry.value.value { return b }
        error(entry.value.location, "\(what): '\(entry.key)' must be true or false, found \(entry.value.shapeDescription)",
              fix: "write \(entry.key): true or \(entry.key): false, without quotes")
        return nil
    }

    /// One of an enumeration's raw values, case-insensitive.
    private mutating func choice<T: RawRepresentable<String>>(_ entry: DocEntry, _ type: T.Type, in what: String, fix: String) -> T? {
        guard let raw = text(entry, in: what) else { return nil }
        if let value = T(rawValue: raw.lowercased()) { return value }
        error(entry.value.location, "\(what): \(entry.key) '\(DocNode.excerpt(raw).debugEscaped)' is not valid", fix: fix)
        return nil
    }

    private mutating func directionValue(_ entry: DocEntry, in what: String) -> Direction? {
        guard let raw = text(entry, in: what) else { return nil }
        if let direction = Direction(rawValue: raw.lowercased()) { return direction }
        error(entry.value.location, "\(what): direction '\(raw)' is not valid", fix: "use 'directed' or 'undirected'")
        return nil
    }

    private mutating func strings(_ entry: DocEntry, in what: String) -> [String] {
        let items: [DocNode]
        if case let .sequence(list) = entry.value.value { items = list } else { items = [entry.value] }
        return items.compactMap { text(DocEntry(key: entry.key, keyLocation: $0.location, value: $0), allowNumber: true) }
    }

    private mutating func attributes(_ entry: DocEntry, in what: String) -> [String: AttributeValue] {
        guard let items = mapping(entry.value, what: "'attributes' of \(what)", nullIsEmpty: true,
                                  fix: "write attributes as 'name: value' lines") else { return [:] }
        var result: [String: AttributeValue] = [:]
        for item in items {
            switch item.value.value {
            case let .scalar(raw, .string): result[item.key] = .string(raw)
            case let .scalar(_, .number(x)): result[item.key] = .number(x)
            case let .scalar(_, .bool(b)): result[item.key] = .bool(b)
            default:
                error(item.value.location, "\(what): attribute '\(item.key)' is \(item.value.shapeDescription)",
                      fix: "attribute values are text, numbers or true/false")
            }
        }
        return result
    }
}
