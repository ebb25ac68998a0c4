public import ActorNetCore
import Foundation

/// Builds a `Network` from the nodes, edges and typed attributes that a foreign format holds
/// (GraphML, GEXF, CSV, node-link JSON), with the same column names `ExportTable` writes, so an
/// ActorNet export reads back unchanged and any other file maps the same way.
///
/// Node columns `label` or `name` give the name, `kind` and `group` theirs; everything else is
/// an attribute (numbers, booleans and text keep their types). Edge columns `kind`, `sign`,
/// `weight`, `directed`, `channel`, `since`, `until`, `flows`, `label` and `evidence` map to the
/// relation's fields; the rest are attributes. Matching is case-insensitive.
///
/// Kinds: a `kind` the network knows (built in, or declared in the file's graph-level `kinds`)
/// is used as is. An unknown kind is declared on first use with the sign of that edge (`sign`
/// column, else the sign of `weight`, else positive) and its direction. Edges without a kind
/// become `tie` (positive) or `negative-tie` (negative). A negative `weight` gives the sign and
/// its absolute value the strength. Self-loops are skipped with a warning (a relation joins two
/// actors); edges to undeclared nodes declare them, with a warning.
public struct ImportBuilder {
    public let file: String
    private var name: String?
    private var summary: String?
    private var declaredKinds: [RelationKind] = []
    private var sources: [SourceReference] = []
    private var actors: [ActorNode] = []
    private var actorIndex: [String: Int] = [:]
    private var actorLocations: [SourceLocation] = []
    private var relations: [Relation] = []
    private var relationLocations: [SourceLocation] = []
    /// Per relation: the indices of its ends in `actors`, handed to `Network.checked` so it
    /// need not look the ids up again.
    private var relationSources: [UInt32] = []
    private var relationTargets: [UInt32] = []
    private var pendingIDs: [String?] = []
    /// Per relation whose id the file repeated: the file's id (see `renameRepeatedIDs`).
    private var originalIDs: [Int: String] = [:]
    /// Per relation, what its kind is resolved from once the graph data (which may declare
    /// kinds, and may come after the edges) is all in: the name, the sign the edge gave and
    /// its direction.
    private var pendingKinds: [(sign: Sign?, directed: Bool)] = []
    /// Warnings that a hostile or broken file could repeat once per element: the first
    /// `repeatLimit` of each kind are kept, the rest counted.
    private var repeated: [String: (count: Int, first: SourceLocation)] = [:]
    static let repeatLimit = 100
    /// The diagnostics kept: at most `diagnosticLimit` errors and as many warnings (a file with
    /// a million bad elements would otherwise give a million messages); the rest are counted.
    private var kept: [Diagnostic] = []
    private var keptErrors = 0, keptWarnings = 0
    private var droppedErrors = 0, droppedWarnings = 0
    public static let diagnosticLimit = 1000

    /// Every diagnostic kept, then one line each for the errors and warnings not kept.
    public var diagnostics: [Diagnostic] {
        kept + Diagnostic.notShown(errors: droppedErrors, warnings: droppedWarnings, limit: Self.diagnosticLimit, file: file)
    }

    public init(file: String) {
        self.file = file
    }

    public mutating func warning(_ message: String, at location: SourceLocation, fix: String? = nil) {
        add(Diagnostic(.warning, at: location, message, fix: fix))
    }

    public mutating func error(_ message: String, at location: SourceLocation, fix: String? = nil) {
        add(Diagnostic(.error, at: location, message, fix: fix))
    }

    private mutating func add(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error {
            guard keptErrors < Self.diagnosticLimit else { droppedErrors += 1; return }
            keptErrors += 1
        } else {
            guard keptWarnings < Self.diagnosticLimit else { droppedWarnings += 1; return }
            keptWarnings += 1
        }
        kept.append(diagnostic)
    }

    /// Graph-level data: `name`, `description`, and the `kinds` and `sources` that ActorNet
    /// writes as JSON text. Other keys are ignored.
    public mutating func setGraphData(key: String, value: String, at location: SourceLocation) {
        switch key.lowercased() {
        case "name": name = value
        case "description": summary = value
        case "kinds":
            guard let kinds = NetworkMetadataJSON.decodeKinds(value) else {
                warning("graph data 'kinds' is not the JSON ActorNet writes; ignored", at: location)
                return
            }
            declaredKinds = kinds
        case "sources":
            guard let list = NetworkMetadataJSON.decodeSources(value) else {
                warning("graph data 'sources' is not the JSON ActorNet writes; ignored", at: location)
                return
            }
            sources = list
        default: break
        }
    }

    /// A warning of a kind (`kind`) that may repeat per element: kept up to `repeatLimit` times.
    private mutating func repeatedWarning(_ kind: String, _ message: String, at location: SourceLocation, fix: String? = nil) {
        let seen = repeated[kind]?.count ?? 0
        repeated[kind] = (seen + 1, repeated[kind]?.first ?? location)
        if seen < Self.repeatLimit { warning(message, at: location, fix: fix) }
    }

    /// Whether a text is empty or whitespace only. Most values start with a printable ASCII
    /// byte, which settles it without a hash or a `Character` (a grapheme break and a Unicode
    /// property lookup per value cost a reader of a million edges a tenth of its time).
    @inline(__always) static func isBlank(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        if first > 0x20 && first < 0x7F { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// The column names `addNode` and `addEdge` map, matched without case; most files spell
    /// them in lower case already, which spares a `lowercased()` per value.
    private static func lowercased(_ key: String) -> String {
        key.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? key.lowercased() : key
    }

    public mutating func addNode(id: String, attributes: [(key: String, value: ExportTable.Value)], at location: SourceLocation) {
        var actor = ActorNode(id: id)
        for (key, value) in attributes {
            switch Self.lowercased(key) {
            case "label", "name": actor.name = value.text
            case "kind": actor.kind = value.text
            case "group": actor.group = value.text
            default: actor.attributes[Self.attributeName(key, reserved: ExportTable.reservedNodeNames)] = Self.attribute(value)
            }
        }
        if let existing = actorIndex[id], actors[existing].attributes.isEmpty, actors[existing].name == id,
           actorLocations[existing].line == 0 {
            // Declared implicitly by an earlier edge: fill it in.
            actors[existing] = actor
            actorLocations[existing] = location
            return
        }
        if actorIndex[id] == nil { actorIndex[id] = actors.count }
        actors.append(actor)
        actorLocations.append(location)
    }

    private mutating func addUndeclared(_ end: String, at location: SourceLocation) {
        repeatedWarning("undeclared node", "edge refers to undeclared node '\(end)'; it is added as an actor", at: location,
                        fix: "declare the node in the file")
        actorIndex[end] = actors.count
        actors.append(ActorNode(id: end))
        actorLocations.append(SourceLocation(file: file, line: 0, column: 0))
    }

    /// Adds one relation. With `onlyIfDeclared`, an edge with an end not yet added is not
    /// taken and the result is false (a reader that holds such edges back until every node is
    /// in asks this way: one lookup per end, not two); otherwise such ends are added as actors,
    /// with a warning, and the result is true.
    @discardableResult
    public mutating func addEdge(id: String?, source: String, target: String, directed: Bool,
                                 attributes: [(key: String, value: ExportTable.Value)], at location: SourceLocation,
                                 onlyIfDeclared: Bool = false) -> Bool {
        // Two lookups, not a loop over `[source, target]`: that array was allocated per edge.
        let sourceFound = actorIndex[source], targetFound = actorIndex[target]
        if onlyIfDeclared, sourceFound == nil || targetFound == nil { return false }
        if source == target {
            repeatedWarning("self-loop", "self-loop on '\(source)' skipped: an ActorNet relation joins two different actors", at: location)
            return true
        }
        var sourceIndex = sourceFound ?? 0, targetIndex = targetFound ?? 0
        if sourceFound == nil {
            sourceIndex = actors.count
            addUndeclared(source, at: location)
        }
        if targetFound == nil {
            targetIndex = actors.count
            addUndeclared(target, at: location)
        }
        var kind: String?
        var sign: Sign?
        var weight: Double?
        var isDirected = directed
        var relation = Relation(id: "", source: source, target: target, kind: "")
        for (key, value) in attributes {
            let lower = Self.lowercased(key)
            // A blank field is a missing one (spreadsheets and other tools leave cells empty);
            // for a number that changes what is read (weight 1, the kind's sign), so it is said.
            if case let .string(text) = value, Self.isBlank(text), Self.blankIsMissing.contains(lower) {
                if lower == "weight" || lower == "sign" {
                    repeatedWarning("blank \(lower)", "blank \(lower) read as missing (\(lower == "weight" ? "weight 1" : "the kind's sign"))",
                                    at: location, fix: "write a number, or leave the field out")
                }
                continue
            }
            switch lower {
            case "kind": kind = value.text
            case "sign":
                switch value {
                case let .long(n): sign = n < 0 ? .negative : .positive
                case let .double(x): sign = x < 0 ? .negative : .positive
                default:
                    guard let s = Sign(parsing: value.text) else {
                        error("sign '\(value.text)' is not valid", at: location, fix: "use 1 or -1 (or + / -)")
                        continue
                    }
                    sign = s
                }
            case "weight":
                switch value {
                case let .double(x): weight = x
                case let .long(n): weight = Double(n)
                default:
                    guard let x = Double(value.text) else {
                        error("weight '\(value.text)' is not a number", at: location, fix: "write a number such as 2.5")
                        continue
                    }
                    weight = x
                }
            case "directed":
                if case let .boolean(b) = value { isDirected = b } else if let b = Bool(value.text.lowercased()) { isDirected = b }
            case "channel":
                guard let channel = Channel(rawValue: Self.lowercased(value.text)) else {
                    error("channel '\(value.text)' is not valid", at: location, fix: "use 'stated' or 'material'")
                    continue
                }
                relation.channel = channel
            case "since", "until":
                guard let date = PartialDate(iso: value.text) else {
                    error("\(key) '\(value.text)' is not a valid date", at: location, fix: "write YYYY, YYYY-MM or YYYY-MM-DD")
                    continue
                }
                if lower == "since" { relation.since = date } else { relation.until = date }
            case "flows":
                relation.flows = value.text.components(separatedBy: "; ").filter { !$0.isEmpty }
            case "label": relation.label = value.text
            case "evidence":
                relation.evidence = EvidenceJSON.decode(value.text) ?? [Evidence(text: value.text)]
            // A value ActorNet cannot take as the field (another tool's own meaning of the
            // column) is kept as an attribute, with a warning, rather than refusing the file.
            case "inferred":
                if case let .boolean(b) = value {
                    relation.inferred = b
                } else if let b = Bool(Self.lowercased(value.text)) {
                    relation.inferred = b
                } else if !value.text.isEmpty {
                    keepAsAttribute(key, value, "is not true or false", in: &relation, at: location)
                }
            case "note": relation.note = value.text
            case "commitment":
                if let c = Commitment(rawValue: Self.lowercased(value.text)) {
                    relation.commitment = c
                } else {
                    keepAsAttribute(key, value, "is not 'request' or 'pledge'", in: &relation, at: location)
                }
            case "fulfilment":
                if let f = Fulfilment(rawValue: Self.lowercased(value.text)) {
                    relation.fulfilment = f
                } else {
                    keepAsAttribute(key, value, "is not 'met', 'partly', 'unmet', 'refused' or 'pending'", in: &relation,
                                    at: location)
                }
            case "cameo":
                if CAMEOCode.root(of: value.text) != nil {
                    relation.cameo = value.text
                } else {
                    keepAsAttribute(key, value, "is not a CAMEO code (2 to 4 digits, root 01–20)", in: &relation, at: location)
                }
            default:
                relation.attributes[Self.attributeName(key, reserved: Self.fixedEdgeNames)] = Self.attribute(value)
            }
        }
        if let fulfilment = relation.fulfilment, relation.commitment == nil {
            relation.fulfilment = nil
            keepAsAttribute("fulfilment", .string(fulfilment.rawValue), "has no commitment (request or pledge) beside it",
                            in: &relation, at: location)
        }
        if let w = weight, w < 0 {
            if sign == .positive {
                repeatedWarning("sign and weight disagree",
                                "sign +1 but weight \(NumberText.exact(w)): the sign column is taken (a positive tie of strength \(NumberText.exact(-w)))",
                                at: location, fix: "make the sign -1, or the weight positive")
            }
            if sign == nil { sign = .negative }
            weight = -w
        }
        relation.weight = weight ?? 1
        relation.kind = kind ?? (sign == .negative ? "negative-tie" : "tie")
        relations.append(relation)
        relationLocations.append(location)
        relationSources.append(UInt32(truncatingIfNeeded: sourceIndex))
        relationTargets.append(UInt32(truncatingIfNeeded: targetIndex))
        pendingIDs.append(id)
        pendingKinds.append((sign, isDirected))
        return true
    }

    /// Keeps a value a relation field cannot take as an attribute of that name, and says so.
    private mutating func keepAsAttribute(_ key: String, _ value: ExportTable.Value, _ problem: String,
                                          in relation: inout Relation, at location: SourceLocation) {
        relation.attributes[key] = Self.attribute(value)
        repeatedWarning("field kept as attribute", "\(key) '\(value.text)' \(problem); kept as the attribute '\(key)'",
                        at: location, fix: "leave it, or write a value ActorNet reads (see graphs/README.md, Relations)")
    }

    /// Gives every relation its kind: a known one (built in or declared), else one declared on
    /// first use with that edge's sign and direction. Errors go to `diagnostics`.
    private mutating func resolveKinds() {
        var known: [String: RelationKind] = [:]
        for kind in RelationKind.builtIns + declaredKinds where known[kind.name] == nil { known[kind.name] = kind }
        let imported = "imported from \(URL(fileURLWithPath: file).lastPathComponent)"
        for i in relations.indices {
            let kindName = relations[i].kind
            let (sign, isDirected) = pendingKinds[i]
            if let kind = known[kindName] {
                if let sign, sign != kind.sign {
                    error("edge of kind '\(kindName)' has sign \(sign.symbol) but the kind is \(kind.sign)", at: relationLocations[i],
                          fix: "correct the sign, or use a kind of that sign")
                }
                if isDirected != (kind.direction == .directed) { relations[i].direction = isDirected ? .directed : .undirected }
            } else {
                let kind = RelationKind(name: kindName, sign: sign ?? .positive, direction: isDirected ? .directed : .undirected,
                                        description: imported)
                declaredKinds.append(kind)
                known[kindName] = kind
            }
        }
        pendingKinds = []
    }

    /// The network, or nil with every error; diagnostics are sorted by position. Call it once:
    /// it hands its relations on to the network rather than copying them.
    public mutating func build() -> LoadResult {
        resolveKinds()
        for (kind, (count, first)) in repeated.sorted(by: { $0.value.first < $1.value.first }) where count > Self.repeatLimit {
            warning("\(count - Self.repeatLimit) more warnings like the \(kind) ones above not shown (\(count) in all)", at: first)
        }
        repeated = [:]
        // Ids: the file's, else SOURCE-kind-TARGET (made unique).
        var relations: [Relation] = []
        swap(&relations, &self.relations)
        renameRepeatedIDs(relations)
        var taken = pendingIDs.contains(nil) ? Set(pendingIDs.compactMap { $0 }) : []
        for i in relations.indices {
            if let id = pendingIDs[i] {
                relations[i].id = id
                if let original = originalIDs[i] { relations[i].attributes["id_in_file"] = .string(original) }
            } else {
                let base = "\(relations[i].source)-\(relations[i].kind)-\(relations[i].target)"
                var candidate = base, n = 2
                while taken.contains(candidate) {
                    candidate = "\(base)-\(n)"
                    n += 1
                }
                taken.insert(candidate)
                relations[i].id = candidate
            }
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        // Ids are distinct now: the file's repeats were renamed, and made-up ones avoid every
        // other id.
        let hints = Network.RelationHints(source: relationSources, target: relationTargets, idsAreDistinct: true)
        relationSources = []
        relationTargets = []
        let (network, issues) = Network.checked(name: name, summary: summary, actors: actors, kinds: declaredKinds,
                                                relations: relations, sources: sources, hints: hints)
        for issue in issues {
            let location: SourceLocation
            switch issue.subject {
            case let .actor(i, _): location = actorLocations[i].line > 0 ? actorLocations[i] : start
            case let .relation(i, _), let .evidence(i, _, _): location = relationLocations[i]
            default: location = start
            }
            add(Diagnostic(issue.severity, at: location, "\(issue.subjectDescription): \(issue.message)", fix: issue.fix))
        }
        var diagnostics = self.diagnostics
        diagnostics.sort { $0.location < $1.location }
        guard !diagnostics.hasErrors else { return LoadResult(network: nil, diagnostics: diagnostics) }
        return LoadResult(network: network, diagnostics: diagnostics)
    }

    static let fixedEdgeNames = ExportTable.fixedEdgeColumns.map(\.name)
    /// Fields whose blank value can only mean "not given" (a blank label or note is a text).
    static let blankIsMissing: Set<String> = ["weight", "sign", "kind", "directed", "channel", "since", "until", "inferred",
                                              "commitment", "fulfilment", "cameo"]

    /// Edge ids a file repeats (networkx writes a MultiGraph's edge keys, 0, 1, …, as GraphML
    /// ids, so they repeat across pairs): the first keeps the id, each later one becomes
    /// `ID-2`, `ID-3`, … (unique in the file), keeps the file's id as the attribute
    /// `id_in_file`, and is warned about.
    private mutating func renameRepeatedIDs(_ relations: [Relation]) {
        var seen = Set<String>(minimumCapacity: pendingIDs.count)  // no rehashing as it grows
        var repeatedAt: [Int] = []
        for (i, id) in pendingIDs.enumerated() {
            guard let id else { continue }
            if !seen.insert(id).inserted { repeatedAt.append(i) }
        }
        guard !repeatedAt.isEmpty else { return }
        var next: [String: Int] = [:]
        for i in repeatedAt {
            let original = pendingIDs[i]!
            var n = next[original] ?? 2
            var candidate = "\(original)-\(n)"
            while seen.contains(candidate) {
                n += 1
                candidate = "\(original)-\(n)"
            }
            next[original] = n + 1
            seen.insert(candidate)
            pendingIDs[i] = candidate
            originalIDs[i] = original
            repeatedWarning("repeated edge id", "edge id '\(original.debugEscaped)' repeats an earlier edge's; read as '\(candidate.debugEscaped)' "
                                + "(the file's id kept as id_in_file)", at: relationLocations[i],
                            fix: "give each edge its own id (networkx: write a MultiGraph's keys as an attribute)")
        }
        // Warnings here come after the repeat counts were summed in build(); sum these now.
        if let (count, first) = repeated["repeated edge id"], count > Self.repeatLimit {
            warning("\(count - Self.repeatLimit) more warnings like the repeated edge id ones above not shown (\(count) in all)", at: first)
        }
    }

    static func attribute(_ value: ExportTable.Value) -> AttributeValue {
        switch value {
        case let .string(s): .string(s)
        case let .double(x): .number(x)
        case let .long(n): .number(Double(n))
        case let .boolean(b): .bool(b)
        }
    }

    /// Undoes `ExportTable`'s `attr_` prefix for attributes that clash with fixed columns.
    static func attributeName(_ key: String, reserved: [String]) -> String {
        if key.hasPrefix("attr_"), reserved.contains(key.dropFirst(5).lowercased()) { return String(key.dropFirst(5)) }
        return key
    }
}

/// The network-level data ActorNet writes into graph attributes as JSON text: declared kinds
/// and sources, so an export reads back into the same network.
public enum NetworkMetadataJSON {
    struct Kind: Codable { var name: String; var sign: String; var direction: String; var description: String? }
    struct Source: Codable { var id: String; var title: String; var url: String?; var date: String?; var note: String? }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// The declared (not built-in) kinds, in declaration order, as
    /// `[{"name": …, "sign": "negative", "direction": "directed", "description": …}]`.
    public static func encodeKinds(_ network: Network) -> String? {
        let declared = network.kinds.filter { !$0.isBuiltIn }
        guard !declared.isEmpty else { return nil }
        let list = declared.map {
            Kind(name: $0.name, sign: $0.sign.description, direction: $0.direction.rawValue, description: $0.description)
        }
        return (try? encoder().encode(list)).map { String(decoding: $0, as: UTF8.self) }
    }

    public static func decodeKinds(_ text: String) -> [RelationKind]? {
        guard let list = try? JSONDecoder().decode([Kind].self, from: Data(text.utf8)) else { return nil }
        var kinds: [RelationKind] = []
        for k in list {
            guard let sign = Sign(parsing: k.sign), let direction = Direction(rawValue: k.direction) else { return nil }
            kinds.append(RelationKind(name: k.name, sign: sign, direction: direction, description: k.description))
        }
        return kinds
    }

    public static func encodeSources(_ network: Network) -> String? {
        guard !network.sources.isEmpty else { return nil }
        let list = network.sources.map {
            Source(id: $0.id, title: $0.title, url: $0.url, date: $0.date?.description, note: $0.note)
        }
        return (try? encoder().encode(list)).map { String(decoding: $0, as: UTF8.self) }
    }

    public static func decodeSources(_ text: String) -> [SourceReference]? {
        guard let list = try? JSONDecoder().decode([Source].self, from: Data(text.utf8)) else { return nil }
        return list.map {
            SourceReference(id: $0.id, title: $0.title, url: $0.url, date: $0.date.flatMap(PartialDate.init(iso:)), note: $0.note)
        }
    }
}
