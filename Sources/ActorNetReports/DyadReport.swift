import ActorNetIO
public import ActorNetCore
import Foundation

/// `actornet dyad` and `GET /v1/networks/{name}/dyad`: a computed `DyadResult` as text (within
/// 100 columns), JSON, or an SVG chart of say versus do of the first actor towards the second
/// over time. Deterministic: the same result gives the same bytes.
public enum DyadReport {
    static func n(_ x: Double) -> String { NumberText.exact(x) }

    public static func dates(_ r: Relation) -> String {
        switch (r.since, r.until) {
        case let (s?, u?): "\(s) until \(u)"
        case let (s?, nil): "since \(s)"
        case let (nil, u?): "until \(u)"
        case (nil, nil): "undated"
        }
    }

    public static func arrow(_ d: DyadRelation) -> String {
        d.directed ? "\(d.relation.source) → \(d.relation.target)" : "\(d.relation.source) – \(d.relation.target)"
    }

    public static func text(_ d: DyadResult, file: String, network: Network) -> String {
        let a = d.first.id, b = d.second.id
        var out: [String] = []
        func para(_ text: String, indent: String = "") { out.append(TextLayout.wrap(indent + text, width: 100, indent: indent)) }
        /// A line that starts at `indent` and continues two columns further in.
        func item(_ text: String, indent: String) { out.append(TextLayout.wrap(indent + text, width: 100, indent: indent + "  ")) }
        func line(_ text: String) { out.append(text) }

        line("ActorNet dyad: \(d.first.name) (\(a)) and \(d.second.name) (\(b))  (\(file))")
        if let at = d.at {
            para("As of \(at)\(network.latestStart == at ? ", the latest date a relation starts in the file" : ""); "
                + "relations that started later or had ended are shown but not counted (--at picks another date, "
                + "--all-dates counts every relation). Undated relations count as always present.")
        } else {
            para("All relations together, whatever their dates.")
        }
        if !d.filter.includeInferred { para("Inferred relations (not stated by the source) are left out (--no-inferred).") }

        line("")
        line("SUMMARY")
        for s in d.summary { line(TextLayout.wrap("- " + s, width: 100, indent: "  ")) }

        // Relations by direction, kind and channel, at the date.
        line("")
        line("1. RELATIONS BETWEEN \(a) AND \(b)")
        if d.relations.isEmpty {
            line("No relation between them in this view.")
        } else {
            struct Group: Hashable { var arrow: String; var kind: String; var sign: Sign; var channel: String }
            var groups: [Group: (count: Int, weight: Double)] = [:]
            for r in d.relations where r.present {
                let g = Group(arrow: arrow(r), kind: r.relation.kind, sign: r.sign, channel: r.relation.channel?.rawValue ?? "—")
                groups[g, default: (0, 0)].count += 1
                groups[g, default: (0, 0)].weight += r.relation.weight
            }
            if !groups.isEmpty {
                line("Counted \(d.at.map { "as of \($0)" } ?? "(all dates)"), by direction, kind and channel:")
                line("  " + "direction".padding(toLength: 22, withPad: " ", startingAt: 0)
                    + "kind".padding(toLength: 16, withPad: " ", startingAt: 0) + "sign".padding(toLength: 6, withPad: " ", startingAt: 0)
                    + "channel".padding(toLength: 10, withPad: " ", startingAt: 0) + "relations".leftPadded(9) + "weight".leftPadded(8))
                for g in groups.keys.sorted(by: { ($0.arrow, $0.kind, $0.channel) < ($1.arrow, $1.kind, $1.channel) }) {
                    let v = groups[g]!
                    line("  " + g.arrow.padding(toLength: 22, withPad: " ", startingAt: 0)
                        + g.kind.padding(toLength: 16, withPad: " ", startingAt: 0) + g.sign.symbol.padding(toLength: 6, withPad: " ", startingAt: 0)
                        + g.channel.padding(toLength: 10, withPad: " ", startingAt: 0) + String(v.count).leftPadded(9)
                        + n(v.weight).leftPadded(8))
                }
                line("")
            }
            line("Every relation, oldest first (undated first), with its evidence:")
            for r in d.relations {
                let rel = r.relation
                var head = "\(r.present ? "*" : " ") \(rel.id): \(arrow(r)), \(rel.kind) (\(r.sign.symbol)), weight \(n(rel.weight))"
                head += rel.channel.map { ", \($0)" } ?? ", no channel"
                head += ", \(dates(rel))"
                if rel.inferred { head += ", INFERRED" }
                item(head, indent: "")
                if let label = rel.label { item("label: \(label)", indent: "    ") }
                if !rel.flows.isEmpty { item("flows: \(rel.flows.joined(separator: "; "))", indent: "    ") }
                if let c = rel.commitment {
                    item("\(c == .request ? "asked" : "promised"): \(rel.flows.isEmpty ? "(not named)" : rel.flows.joined(separator: "; "))"
                        + " — \(rel.fulfilment?.rawValue ?? "fulfilment not recorded")"
                        + (rel.cameo.map { " (CAMEO \($0))" } ?? ""), indent: "    ")
                } else if let cameo = rel.cameo {
                    item("CAMEO \(cameo)", indent: "    ")
                }
                for e in rel.evidence {
                    let place = [e.source, e.section].compactMap { $0 }.joined(separator: ", ")
                    item("evidence: \(e.text ?? e.url ?? "")" + (place.isEmpty ? "" : " [\(place)]"), indent: "    ")
                }
                if let note = rel.note { item("note: \(note)", indent: "    ") }
            }
            para("(* counted at the dyad's date.)")
        }

        // Say versus do, both ways.
        line("")
        line("2. SAY VERSUS DO")
        para("Stated: words, pledges, treaties, mediation; material: deliveries, troops, money, trade; not given: "
            + "asked for by the receiver or promised by the giver and not delivered (unmet or refused; half for "
            + "partly). Sums of relation weights.")
        line("")
        line("  " + "giver → receiver".padding(toLength: 20, withPad: " ", startingAt: 0) + "stated".leftPadded(8)
            + "material".leftPadded(10) + "unspecified".leftPadded(13) + "not given".leftPadded(11) + "  reading")
        for p in [d.now.forward, d.now.backward] {
            line("  " + "\(p.source) → \(p.target)".padding(toLength: 20, withPad: " ", startingAt: 0) + n(p.stated).leftPadded(8)
                + n(p.material).leftPadded(10) + n(p.unspecified).leftPadded(13) + n(p.notGiven).leftPadded(11)
                + "  " + p.verdict.rawValue + (p.restsOnInferred ? " (rests on inferred relations)" : ""))
        }
        let commitments = d.commitments
        line("")
        if commitments.isEmpty {
            line("No relation between them records a request or a pledge.")
        } else {
            line("Asked and promised:")
            for c in commitments {
                let rel = c.relation
                let who = rel.commitment == .request ? "\(rel.source) asked \(rel.target) for" : "\(rel.source) promised \(rel.target)"
                item("- \(who) \(rel.flows.isEmpty ? rel.label ?? rel.id : rel.flows.joined(separator: ", "))"
                    + " (\(dates(rel))): \(rel.fulfilment?.rawValue ?? "fulfilment not recorded") [\(rel.id)]", indent: "  ")
            }
        }

        // Caps.
        line("")
        line("3. WHAT CAPS THE SUPPORT: \(a)'S POSITIVE TIES WITH \(b)'S RIVALS")
        para("A third party C caps \(a)'s support of \(b) when \(a)–C is a net positive tie and \(b)–C a net negative one "
            + "(Σ sign × weight of their relations at the date): backing \(b) fully would cost \(a) that tie.")
        func capLines(_ caps: [DyadCap], _ x: String, _ y: String) {
            if caps.isEmpty {
                line("  \(x) has no positive tie with a rival of \(y).")
                return
            }
            for c in caps {
                item("- \(c.third) \(c.thirdName): \(x)–\(c.third) +\(n(c.friendTie)), \(y)–\(c.third) −\(n(c.rivalTie))"
                    + (c.restsOnInferred ? "; rests on inferred relations (\(c.inferredRelations.joined(separator: ", ")))" : "")
                    + " [\(c.relations.joined(separator: ", "))]", indent: "  ")
            }
        }
        capLines(d.now.caps, a, b)
        line("And the other way, \(b)'s positive ties with \(a)'s rivals:")
        capLines(d.now.reverseCaps, b, a)

        // Episodes.
        line("")
        line("4. WHAT CHANGED AT EACH DATED EPISODE")
        if d.episodes.isEmpty {
            line(d.hasDates || !d.relations.isEmpty ? "No dated change up to this date." : "No relation is dated.")
        } else {
            for e in d.episodes {
                var changes: [String] = []
                if e.before.net != e.after.net { changes.append("net \(a)–\(b) \(signed(e.before.net)) → \(signed(e.after.net))") }
                if e.before.stated != e.after.stated { changes.append("\(a) → \(b) stated \(n(e.before.stated)) → \(n(e.after.stated))") }
                if e.before.material != e.after.material {
                    changes.append("material \(n(e.before.material)) → \(n(e.after.material))")
                }
                if e.before.notGiven != e.after.notGiven {
                    changes.append("not given \(n(e.before.notGiven)) → \(n(e.after.notGiven))")
                }
                var back: [String] = []
                if e.before.backStated != e.after.backStated {
                    back.append("stated \(n(e.before.backStated)) → \(n(e.after.backStated))")
                }
                if e.before.backMaterial != e.after.backMaterial {
                    back.append("material \(n(e.before.backMaterial)) → \(n(e.after.backMaterial))")
                }
                if !back.isEmpty { changes.append("\(b) → \(a) " + back.joined(separator: ", ")) }
                if e.before.caps != e.after.caps {
                    let gained = e.after.caps.filter { !e.before.caps.contains($0) }
                    let lost = e.before.caps.filter { !e.after.caps.contains($0) }
                    changes.append("caps " + (gained.isEmpty ? "" : "+" + gained.joined(separator: ", +"))
                        + (gained.isEmpty || lost.isEmpty ? "" : " ") + (lost.isEmpty ? "" : "−" + lost.joined(separator: ", −")))
                }
                var relations: [String] = []
                if !e.started.isEmpty { relations.append("started: " + e.started.joined(separator: ", ")) }
                if !e.ended.isEmpty { relations.append("ended: " + e.ended.joined(separator: ", ")) }
                item("- \(e.date): " + changes.joined(separator: "; ") + ". " + relations.joined(separator: "; ") + ".", indent: "  ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func signed(_ x: Double) -> String { x > 0 ? "+" + n(x) : x < 0 ? "−" + n(-x) : "0" }

    // MARK: - JSON

    public static func json(_ d: DyadResult, file: String) throws -> String {
        struct Item: Encodable {
            var text: String?; var source: String?; var section: String?; var url: String?
        }
        struct Rel: Encodable {
            var id: String; var source: String; var target: String; var kind: String; var sign: Int; var weight: Double
            var directed: Bool; var channel: String?; var since: String?; var until: String?; var label: String?
            var flows: [String]; var commitment: String?; var fulfilment: String?; var cameo: String?; var inferred: Bool
            var note: String?; var present: Bool; var evidence: [Item]
        }
        struct Support: Encodable {
            var source: String; var target: String; var stated: Double; var material: Double; var unspecified: Double
            var notGiven: Double; var gap: Double; var verdict: String; var restsOnInferred: Bool
            var statedRelations: [String]; var materialRelations: [String]; var notGivenRelations: [String]
        }
        struct Cap: Encodable {
            var third: String; var name: String; var friendTie: Double; var rivalTie: Double; var relations: [String]
            var inferredRelations: [String]; var restsOnInferred: Bool
        }
        struct Snapshot: Encodable {
            var net: Double; var stated: Double; var material: Double; var notGiven: Double; var backStated: Double
            var backMaterial: Double; var caps: [String]
        }
        struct Episode: Encodable { var date: String; var started: [String]; var ended: [String]; var before: Snapshot; var after: Snapshot }
        struct Actor: Encodable { var id: String; var name: String }
        struct Document: Encodable {
            var file: String; var first: Actor; var second: Actor; var asOf: String?; var includeInferred: Bool
            var answer: String; var summary: [String]; var net: Double; var positive: Int; var negative: Int
            var sayDo: [Support]; var caps: [Cap]; var reverseCaps: [Cap]; var episodes: [Episode]; var relations: [Rel]
            var canTell: [String: Bool]; var inferredRelations: [String]
        }
        func support(_ p: SayDo.Pair) -> Support {
            Support(source: p.source, target: p.target, stated: p.stated, material: p.material, unspecified: p.unspecified,
                    notGiven: p.notGiven, gap: p.gap, verdict: p.verdict.rawValue, restsOnInferred: p.restsOnInferred,
                    statedRelations: p.statedItems.map(\.id), materialRelations: p.materialItems.map(\.id),
                    notGivenRelations: p.notGivenItems.map(\.id))
        }
        func cap(_ c: DyadCap) -> Cap {
            Cap(third: c.third, name: c.thirdName, friendTie: c.friendTie, rivalTie: c.rivalTie, relations: c.relations,
                inferredRelations: c.inferredRelations, restsOnInferred: c.restsOnInferred)
        }
        func snapshot(_ s: DyadSnapshot) -> Snapshot {
            Snapshot(net: s.net, stated: s.stated, material: s.material, notGiven: s.notGiven, backStated: s.backStated,
                     backMaterial: s.backMaterial, caps: s.caps)
        }
        let doc = Document(
            file: file, first: Actor(id: d.first.id, name: d.first.name), second: Actor(id: d.second.id, name: d.second.name),
            asOf: d.at?.description, includeInferred: d.filter.includeInferred, answer: d.answer.rawValue, summary: d.summary,
            net: d.now.net, positive: d.now.positive, negative: d.now.negative,
            sayDo: [support(d.now.forward), support(d.now.backward)], caps: d.now.caps.map(cap),
            reverseCaps: d.now.reverseCaps.map(cap),
            episodes: d.episodes.map { Episode(date: $0.date.description, started: $0.started, ended: $0.ended,
                                               before: snapshot($0.before), after: snapshot($0.after)) },
            relations: d.relations.map { r in
                let rel = r.relation
                return Rel(id: rel.id, source: rel.source, target: rel.target, kind: rel.kind, sign: Int(r.sign.rawValue),
                           weight: rel.weight, directed: r.directed, channel: rel.channel?.rawValue,
                           since: rel.since?.description, until: rel.until?.description, label: rel.label, flows: rel.flows,
                           commitment: rel.commitment?.rawValue, fulfilment: rel.fulfilment?.rawValue, cameo: rel.cameo,
                           inferred: rel.inferred, note: rel.note, present: r.present,
                           evidence: rel.evidence.map { Item(text: $0.text, source: $0.source, section: $0.section, url: $0.url) })
            },
            canTell: ["wordsFromDeeds": d.hasChannels, "asksAndPromises": d.hasCommitments, "change": d.hasDates],
            inferredRelations: d.inferredBetween)
        return try JSONOutput.encode(doc)
    }

    // MARK: - SVG

    /// Say versus do of the first actor towards the second over time: stated, material and not
    /// given at every step from `from` (default: the earliest dated relation between the two)
    /// to the dyad's date (default: the latest start) — monthly over up to 20 years, so a
    /// month's episode shows, yearly over longer spans. Throws `noDatedRelations` when nothing
    /// is dated.
    public static func svgTimeline(
        _ network: Network, d: DyadResult, file: String, from: PartialDate?, width: Int = 960, height: Int = 540
    ) throws(TimelineError) -> String {
        let dated = d.relations.flatMap { [$0.relation.since, $0.relation.until].compactMap { $0 } }
        guard let first = from ?? dated.min(), let last = d.at ?? network.latestStart ?? dated.max() else {
            throw TimelineError.noDatedRelations
        }
        var filter = d.filter
        filter.at = nil
        let step: TimelineStepSize = last.year - first.year <= 20 ? .month : .year
        let report = try TimelineReport.compute(network, file: file, measure: .sayDo, from: first, to: max(first, last),
                                                step: step, filter: filter, pair: (d.first.id, d.second.id))
        return report.svg(width: width, height: height,
                          title: "Say versus do, \(d.first.name) → \(d.second.name)")
    }
}
