/// An actor network: actors, the relation kinds in use, relations and the sources that
/// evidence cites. Immutable once built; every invariant below is checked by `init`.
///
/// Invariants: actor ids are unique; every relation joins two different known actors with a
/// known kind, a finite weight ≥ 0 (0 is a warning: a tie of no strength), `since` before `until`, and a unique id; declared kinds do
/// not redefine a built-in; evidence cites declared sources.
///
/// Lookups by actor id and kind name are O(1) (hash maps built once, in O(n + m)).
public struct Network: Sendable {
    public var name: String?
    public var summary: String?
    public let actors: [ActorNode]
    /// Built-in kinds followed by the declared ones, in declaration order.
    public let kinds: [RelationKind]
    public let relations: [Relation]
    public let sources: [SourceReference]

    let actorIndex: [String: Int]
    let kindIndex: [String: Int]
    /// Per relation: the actor indices of its ends and the index of its kind; kept so the
    /// analysis view is built without a single dictionary lookup.
    let relationSource: [UInt32]
    let relationTarget: [UInt32]
    let relationKind: [UInt16]
    let relationDirected: [Bool]
    /// Per relation: its weight, as a flat column, so the measures that sum strengths read
    /// 8 bytes per relation instead of a whole `Relation` (each on a cache line of its own).
    let relationWeight: [Double]

    /// Builds a network, checking every invariant. A relation's `direction` that repeats its
    /// kind's default is dropped (canonical form).
    ///
    /// - Parameter kinds: the kinds the network declares, besides the built-in ones.
    /// - Throws: `NetworkValidationError` with every error found (warnings are not thrown;
    ///   use `Network.check` to see them).
    /// - Complexity: O(n + m) expected, for n actors and m relations.
    public init(
        name: String? = nil, summary: String? = nil, actors: [ActorNode], kinds declared: [RelationKind] = [],
        relations: [Relation], sources: [SourceReference] = []
    ) throws(NetworkValidationError) {
        let checked = Network.analyse(actors: actors, declaredKinds: declared, relations: relations, sources: sources)
        let errors = checked.issues.filter { $0.severity == .error }
        guard errors.isEmpty else { throw NetworkValidationError(issues: errors) }
        self.init(name: name, summary: summary, actors: actors, declared: declared, relations: relations, sources: sources,
                  checked: checked)
    }

    /// Every problem with these parts, errors and warnings, in the order of the elements, and
    /// the network when none is an error: `check` and `init` in one pass (ids are hashed once,
    /// which is what readers of big files want).
    /// - Complexity: O(n + m) expected.
    public static func checked(
        name: String? = nil, summary: String? = nil, actors: [ActorNode], kinds declared: [RelationKind] = [],
        relations: [Relation], sources: [SourceReference] = []
    ) -> (network: Network?, issues: [NetworkIssue]) {
        checked(name: name, summary: summary, actors: actors, kinds: declared, relations: relations, sources: sources,
                hints: nil)
    }

    /// What a reader already knows about the relations it hands over, so that `checked` does
    /// not hash them again: each relation's end indices into `actors` (each hint is verified by
    /// comparing ids; a wrong one is looked up as usual), and whether the relation ids are
    /// distinct by construction (the reader made them so; `ImportBuilder` renames repeats).
    package struct RelationHints: Sendable {
        package var source: [UInt32]
        package var target: [UInt32]
        package var idsAreDistinct: Bool

        package init(source: [UInt32], target: [UInt32], idsAreDistinct: Bool) {
            self.source = source
            self.target = target
            self.idsAreDistinct = idsAreDistinct
        }
    }

    /// `checked` with what the reader knows (`RelationHints`): the same result, with up to
    /// three hash lookups per relation saved (a million-edge GraphML file spent about a tenth
    /// of its reading time on them).
    package static func checked(
        name: String?, summary: String?, actors: [ActorNode], kinds declared: [RelationKind],
        relations: [Relation], sources: [SourceReference], hints: RelationHints?
    ) -> (network: Network?, issues: [NetworkIssue]) {
        let checked = analyse(actors: actors, declaredKinds: declared, relations: relations, sources: sources, hints: hints)
        guard !checked.issues.contains(where: { $0.severity == .error }) else { return (nil, checked.issues) }
        let network = Network(name: name, summary: summary, actors: actors, declared: declared, relations: relations,
                              sources: sources, checked: checked)
        return (network, checked.issues)
    }

    private init(name: String?, summary: String?, actors: [ActorNode], declared: [RelationKind], relations: [Relation],
                 sources: [SourceReference], checked: Analysis) {
        self.name = name
        self.summary = summary
        self.actors = actors
        self.kinds = RelationKind.builtIns + declared
        // Canonical form: a direction override that repeats the kind's default is dropped, so
        // networks that mean the same compare equal whichever way they were written.
        var canonical = relations
        for i in canonical.indices {
            if let d = canonical[i].direction, d == kinds[Int(checked.kindOf[i])].direction { canonical[i].direction = nil }
        }
        self.relations = canonical
        self.sources = sources
        self.actorIndex = checked.actorIndex
        self.kindIndex = checked.kindIndex
        self.relationSource = checked.sourceIndex
        self.relationTarget = checked.targetIndex
        self.relationKind = checked.kindOf
        self.relationDirected = checked.directed
        self.relationWeight = canonical.map(\.weight)
    }

    /// Every problem with these parts, errors and warnings, in the order of the elements.
    public static func check(
        actors: [ActorNode], kinds declared: [RelationKind] = [], relations: [Relation],
        sources: [SourceReference] = []
    ) -> [NetworkIssue] {
        analyse(actors: actors, declaredKinds: declared, relations: relations, sources: sources).issues
    }

    /// The latest date on which any relation starts: the "present" of a dated network, used as
    /// the default snapshot of analyses. Nil when no relation has a start date. O(m).
    public var latestStart: PartialDate? { relations.compactMap(\.since).max() }

    /// The position of the actor with this id. O(1).
    public func index(ofActor id: String) -> Int? { actorIndex[id] }

    public func actor(withID id: String) -> ActorNode? { actorIndex[id].map { actors[$0] } }

    /// The kind with this name. O(1).
    public func kind(named name: String) -> RelationKind? { kindIndex[name].map { kinds[$0] } }

    public func index(ofKind name: String) -> Int? { kindIndex[name] }

    /// The kind of the relation at `index`.
    public func kind(ofRelation index: Int) -> RelationKind { kinds[Int(relationKind[index])] }

    /// The sign of the relation at `index` (its kind's sign).
    public func sign(ofRelation index: Int) -> Sign { kind(ofRelation: index).sign }

    /// Whether the relation at `index` is directed (its own override, else its kind's default).
    public func isDirected(relation index: Int) -> Bool { relationDirected[index] }

    /// The actor indices of the two ends of the relation at `index`.
    public func endpoints(ofRelation index: Int) -> (source: Int, target: Int) {
        (Int(relationSource[index]), Int(relationTarget[index]))
    }
}

extension Network {
    struct Analysis {
        var issues: [NetworkIssue] = []
        var actorIndex: [String: Int] = [:]
        var kindIndex: [String: Int] = [:]
        var sourceIndex: [UInt32] = []
        var targetIndex: [UInt32] = []
        var kindOf: [UInt16] = []
        var directed: [Bool] = []
    }

    static func analyse(
        actors: [ActorNode], declaredKinds: [RelationKind], relations: [Relation], sources: [SourceReference],
        hints: RelationHints? = nil
    ) -> Analysis {
        var a = Analysis()
        func error(_ subject: NetworkIssue.Subject, _ message: String, fix: String? = nil) {
            a.issues.append(NetworkIssue(.error, subject, message, fix: fix))
        }

        var sourceIDs: [String: Int] = [:]
        for (i, source) in sources.enumerated() {
            if let first = sourceIDs[source.id] {
                error(.source(index: i, field: "id"), "duplicate source id '\(source.id)' (also source \(first + 1))",
                      fix: "give each source its own id")
            } else {
                sourceIDs[source.id] = i
            }
            if source.id.isEmpty { error(.source(index: i, field: "id"), "empty source id", fix: "give the source an id") }
            if source.title.trimmingWhitespace().isEmpty {
                error(.source(index: i, field: "title"), "source '\(source.id)' has an empty title",
                      fix: "give the source a title")
            }
        }

        let allKinds = RelationKind.builtIns + declaredKinds
        for (i, kind) in RelationKind.builtIns.enumerated() { a.kindIndex[kind.name] = i }
        for (j, kind) in declaredKinds.enumerated() {
            let subject = NetworkIssue.Subject.kind(index: j, field: "name")
            if let existing = a.kindIndex[kind.name] {
                if existing < RelationKind.builtIns.count {
                    error(subject, "kind '\(kind.name)' is built in and cannot be redefined",
                          fix: "use the built-in kind as it is, or declare a kind with another name")
                } else {
                    error(subject, "kind '\(kind.name)' is declared twice",
                          fix: "remove one of the declarations")
                }
            } else if !RelationKind.isValidName(kind.name) {
                error(subject, "kind name '\(kind.name)' is not valid",
                      fix: "use letters, digits, '-' and '_' only, e.g. 'arms-transfer'")
            } else {
                a.kindIndex[kind.name] = RelationKind.builtIns.count + j
            }
        }

        a.actorIndex.reserveCapacity(actors.count)
        for (i, actor) in actors.enumerated() {
            let subject = NetworkIssue.Subject.actor(index: i, field: "id")
            if actor.id.trimmingWhitespace().isEmpty {
                error(subject, "empty actor id", fix: "give the actor a short stable id such as 'RUS'")
                continue
            }
            // Legal in XML and in every foreign format, so kept as written (exports escape it);
            // said, because ' RUS' and 'RUS' are two actors.
            if let problem = identifierProblem(actor.id) {
                a.issues.append(NetworkIssue(.warning, subject, "actor id '\(actor.id.debugEscaped)' \(problem); kept as written",
                                             fix: "remove the surrounding spaces or control characters if they are not meant"))
            }
            if let first = a.actorIndex[actor.id] {
                error(subject, "duplicate actor id '\(actor.id)' (first declared as actor \(first + 1))",
                      fix: "give each actor its own id, or merge the two entries")
            } else {
                a.actorIndex[actor.id] = i
            }
            checkAttributes(actor.attributes) { key, message, fix in
                error(.actor(index: i, field: "attributes.\(key)"), message, fix: fix)
            }
        }

        guard relations.count < Int(UInt32.max), actors.count < Int(UInt32.max) else {
            error(.network(field: "relations"), "a network holds at most \(UInt32.max - 1) actors and relations",
                  fix: "split the network")
            return a
        }

        a.sourceIndex.reserveCapacity(relations.count)
        a.targetIndex.reserveCapacity(relations.count)
        a.kindOf.reserveCapacity(relations.count)
        a.directed.reserveCapacity(relations.count)
        let idsAreDistinct = hints?.idsAreDistinct ?? false
        var relationIDs: [String: Int] = [:]
        if !idsAreDistinct { relationIDs.reserveCapacity(relations.count) }
        let hintCount = hints.map { min($0.source.count, $0.target.count, relations.count) } ?? 0
        /// The actor a hint names when its id is this one, else the id's lookup.
        @inline(__always) func end(_ hint: UInt32?, _ id: String) -> Int? {
            if let hint, Int(hint) < actors.count, actors[Int(hint)].id == id { return Int(hint) }
            return a.actorIndex[id]
        }
        var zeroWeights = 0, firstUnshownZero = 0
        for (i, r) in relations.enumerated() {
            let s = end(i < hintCount ? hints?.source[i] : nil, r.source)
            let t = end(i < hintCount ? hints?.target[i] : nil, r.target)
            // (The list is built only when an end is unknown: no allocation per relation.)
            for (field, id, found) in s == nil || t == nil ? [("source", r.source, s), ("target", r.target, t)] : []
            where found == nil {
                let hint = NameSuggestion.nearest(to: id, in: a.actorIndex.keys).map { "did you mean '\($0)'? " } ?? ""
                error(.relation(index: i, field: field), "unknown actor '\(id)' in '\(field)'",
                      fix: "\(hint)declare '\(id)' under actors, or use a known id (\(KnownNames.list(a.actorIndex.keys)))")
            }
            if r.source == r.target {
                error(.relation(index: i, field: "target"), "self-relation: '\(r.source)' is both source and target",
                      fix: "a relation joins two different actors; correct the source or the target")
            }
            let k = a.kindIndex[r.kind]
            if k == nil {
                let hint = NameSuggestion.nearest(to: r.kind, in: a.kindIndex.keys).map { "did you mean '\($0)'? " } ?? ""
                error(.relation(index: i, field: "kind"), "unknown kind '\(r.kind)'",
                      fix: "\(hint)use one of \(KnownNames.list(a.kindIndex.keys)), or declare '\(r.kind)' under kinds with its sign and direction")
            }
            if !(r.weight.isFinite && r.weight >= 0) {
                error(.relation(index: i, field: "weight"), "weight \(NumberText.exact(r.weight)) is not a finite number ≥ 0",
                      fix: "use a positive strength, e.g. 1 (token) to 5 (defining); the sign comes from the kind")
            } else if r.weight == 0 {
                // A tie of no strength (Boost writes weight 0 as its default): kept, not
                // refused. The first ones are located; the rest counted in one line.
                zeroWeights += 1
                if zeroWeights <= Self.zeroWeightWarnings {
                    a.issues.append(NetworkIssue(.warning, .relation(index: i, field: "weight"),
                                                 "weight 0: a relation of no strength, kept; weighted measures treat it as no link",
                                                 fix: "leave it if the tie exists but carries no strength, else give a strength > 0"))
                } else if zeroWeights == Self.zeroWeightWarnings + 1 {
                    firstUnshownZero = i
                }
            }
            if let since = r.since, let until = r.until, until <= since {
                error(.relation(index: i, field: "until"),
                      "until \(until) is not after since \(since) (until is an exclusive end)",
                      fix: "swap the dates if they are reversed, or set until to a later date")
            }
            if r.id.isEmpty {
                error(.relation(index: i, field: "id"), "empty relation id", fix: "omit the id or give a non-empty one")
            } else if !idsAreDistinct, let first = relationIDs.updateValue(i, forKey: r.id) {  // one hash when new
                relationIDs[r.id] = first
                error(.relation(index: i, field: "id"), "duplicate relation id '\(r.id)' (also relation \(first + 1))",
                      fix: "give each relation its own id")
            }
            for (e, evidence) in r.evidence.enumerated() {
                if let source = evidence.source, sourceIDs[source] == nil {
                    let hint = NameSuggestion.nearest(to: source, in: sourceIDs.keys).map { "did you mean '\($0)'? " } ?? ""
                    error(.evidence(relation: i, item: e, field: "source"), "unknown source '\(source)'",
                          fix: "\(hint)declare it under sources (known: \(KnownNames.list(sourceIDs.keys)))")
                }
                if evidence.text == nil, evidence.source == nil, evidence.url == nil {
                    error(.evidence(relation: i, item: e, field: "text"), "empty evidence",
                          fix: "give at least a text, a source or a url")
                }
            }
            checkAttributes(r.attributes) { key, message, fix in
                error(.relation(index: i, field: "attributes.\(key)"), message, fix: fix)
            }
            if r.fulfilment != nil || r.commitment != nil || r.cameo != nil {
                checkCommitment(r, kind: k.map { allKinds[$0] }, index: i, into: &a.issues)
            }
            a.sourceIndex.append(UInt32(truncatingIfNeeded: s ?? 0))
            a.targetIndex.append(UInt32(truncatingIfNeeded: t ?? 0))
            a.kindOf.append(UInt16(truncatingIfNeeded: k ?? 0))
            a.directed.append((r.direction ?? allKinds[k ?? 0].direction) == .directed)
        }
        if zeroWeights > Self.zeroWeightWarnings {
            a.issues.append(NetworkIssue(.warning, .relation(index: firstUnshownZero, field: "weight"),
                                         "\(zeroWeights - Self.zeroWeightWarnings) more relations of weight 0 from here on "
                                             + "(\(zeroWeights) in all), kept like the ones above",
                                         fix: "give them a strength > 0 if they carry one"))
        }
        return a
    }

    /// How many relations of weight 0 get a warning each; the rest get one line.
    static let zeroWeightWarnings = 20

    /// `fulfilment` needs a `commitment`; a `cameo` code is 2–4 digits with a root 01–20, and a
    /// root whose quad class disagrees with the kind's sign or the relation's channel is a
    /// warning (the file may mean it, e.g. a refusal coded as a statement).
    private static func checkCommitment(_ r: Relation, kind: RelationKind?, index i: Int, into issues: inout [NetworkIssue]) {
        if let fulfilment = r.fulfilment, r.commitment == nil {
            issues.append(NetworkIssue(.error, .relation(index: i, field: "fulfilment"),
                                       "fulfilment '\(fulfilment)' without a commitment",
                                       fix: "add 'commitment: request' (the source asked the target) or 'commitment: pledge' "
                                           + "(the source promised the target), or remove the fulfilment"))
        }
        guard let code = r.cameo else { return }
        guard let root = CAMEOCode.root(of: code) else {
            issues.append(NetworkIssue(.error, .relation(index: i, field: "cameo"), "CAMEO code '\(code.debugEscaped)' is not valid",
                                       fix: "write 2 to 4 digits whose first two are a root code 01–20, quoted: cameo: \"02\""))
            return
        }
        let (sign, channel) = CAMEOCode.reading(ofRoot: root)
        let name = CAMEOCode.rootNames[root] ?? ""
        if let kind, kind.sign != sign {
            issues.append(NetworkIssue(.warning, .relation(index: i, field: "cameo"),
                                       "CAMEO code \(code) (\(name)) is \(sign == .positive ? "cooperation" : "conflict"), "
                                           + "but kind '\(kind.name)' is \(kind.sign)",
                                       fix: "check the code or the kind"))
        }
        if let given = r.channel, given != channel {
            issues.append(NetworkIssue(.warning, .relation(index: i, field: "cameo"),
                                       "CAMEO code \(code) (\(name)) is \(channel == .stated ? "verbal" : "material"), "
                                           + "but the channel is \(given)",
                                       fix: "check the code or the channel"))
        }
    }

    private static func checkAttributes(
        _ attributes: [String: AttributeValue], _ report: (String, String, String) -> Void
    ) {
        if attributes.isEmpty { return }
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if key.trimmingWhitespace().isEmpty {
                report(key, "empty attribute name", "give the attribute a name")
            }
            if case let .number(x) = value, !x.isFinite {
                report(key, "attribute '\(key)' is \(x)", "use a finite number")
            }
        }
    }

    private static func identifierProblem(_ id: String) -> String? {
        if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "contains a control character"
        }
        if id.trimmingWhitespace() != id { return "has leading or trailing whitespace" }
        return nil
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }

    /// The string with control characters shown as `\u{…}`, for messages.
    public var debugEscaped: String {
        var out = ""
        for s in unicodeScalars {
            if s.properties.generalCategory == .control {
                out += "\\u{\(String(s.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
}

extension Network: Equatable {
    /// Networks are equal when their content is: name, summary, actors, kinds, relations and
    /// sources, each in order.
    public static func == (a: Network, b: Network) -> Bool {
        a.name == b.name && a.summary == b.summary && a.actors == b.actors && a.kinds == b.kinds
            && a.relations == b.relations && a.sources == b.sources
    }
}

extension Network {
    /// The network as of `date`: the relations active then (`since` inclusive, `until`
    /// exclusive; undated ones always), every actor, kind and source kept.
    ///
    /// - Complexity: O(n + m).
    public func snapshot(at date: PartialDate) -> Network {
        // A subset of a valid network's relations is valid.
        try! Network(name: name, summary: summary, actors: actors, kinds: kinds.filter { !$0.isBuiltIn },
                     relations: relations.filter { $0.isActive(at: date) }, sources: sources)
    }
}
