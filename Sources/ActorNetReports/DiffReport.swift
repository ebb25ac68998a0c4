import ActorNetIO
public import ActorNetCore
import Foundation

/// `actornet diff`: what changed between two snapshots, as text or JSON.
public enum DiffReport {
    /// The two sides compared: a label each (`graphs/x.yaml as of 2015`) and the view.
    public struct Sides: Sendable {
        public var before: String
        public var after: String
        public var view: String

        public init(before: String, after: String, view: String) {
            self.before = before
            self.after = after
            self.view = view
        }
    }

    static func sign(_ s: Int8) -> String { s > 0 ? "+" : s < 0 ? "−" : "none" }

    static func relation(_ r: NetworkDiff.RelationEntry) -> String {
        let dates = [r.since.map { "since \($0)" }, r.until.map { "until \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return "\(r.id): \(r.source) – \(r.target), \(r.kind) (\(sign(r.sign)))" + (dates.isEmpty ? "" : ", \(dates)")
    }

    public static func text(_ diff: NetworkDiff, sides: Sides, network: Network, top: Int) -> String {
        var out = ["before: \(sides.before)", "after:  \(sides.after)", TextLayout.wrap("view: \(sides.view)"), ""]
        func list<T>(_ title: String, _ items: [T], _ line: (T) -> String) {
            out.append("\(title) (\(items.count))")
            for item in items.prefix(top) { out.append(TextLayout.wrap("  " + line(item), width: 100, indent: "    ")) }
            if items.count > top { out.append("  … \(items.count - top) more (--top to show more, --format json for all)") }
            out.append("")
        }
        list("Relations that began", diff.began, relation)
        list("Relations that ended", diff.ended, relation)
        list("Pairs whose tie changed sign", diff.signChanges) { "\($0.first) – \($0.second): \(sign($0.before)) → \(sign($0.after))" }
        list("New ties (pairs tied after only)", diff.newTies) { "\($0.first) – \($0.second): \(sign($0.after))" }
        list("Gone ties (pairs tied before only)", diff.goneTies) { "\($0.first) – \($0.second): was \(sign($0.before))" }
        if !diff.addedActors.isEmpty || !diff.removedActors.isEmpty {
            out.append("Actors added: \(diff.addedActors.isEmpty ? "none" : diff.addedActors.joined(separator: ", "))")
            out.append("Actors removed: \(diff.removedActors.isEmpty ? "none" : diff.removedActors.joined(separator: ", "))")
            out.append("")
        }
        func label(_ m: NetworkDiff.ActorMove) -> String {
            String(AnalystReport.name(network, m.id).prefix(28)).padding(toLength: 28, withPad: " ", startingAt: 0)
        }
        let hedgers = diff.movers(by: .hedging, top: top)
        out.append("Hedging moved most (H = rivalries straddled)")
        if hedgers.isEmpty { out.append("  no actor's hedging changed") }
        for m in hedgers {
            let delta = m.hedgesAfter - m.hedgesBefore
            out.append("  \(label(m)) \(String(m.hedgesBefore).leftPadded(4)) → \(String(m.hedgesAfter).leftPadded(4))  (\(delta > 0 ? "+" : "")\(delta))")
        }
        out.append("")
        let brokers = diff.movers(by: .betweenness, top: top)
        out.append("Betweenness moved most (positive ties, normalised, distance 1/weight)")
        if brokers.isEmpty { out.append("  no actor's betweenness changed") }
        for m in brokers {
            out.append("  \(label(m)) \(AnalystReport.number(m.betweennessBefore).leftPadded(6)) → "
                + AnalystReport.number(m.betweennessAfter).leftPadded(6))
        }
        out.append("")
        out.append(TextLayout.wrap("Camp changes (frustration partition: the share of an actor's component-mates whose side relative to it changed; 1 = switched sides)"))
        if let note = diff.campsNote {
            out.append("  \(note)")
        } else {
            let switchers = diff.movers(by: .camp, top: top)
            if switchers.isEmpty { out.append("  no actor changed camp") }
            for m in switchers { out.append("  \(label(m)) \(AnalystReport.number(m.campChange ?? 0, 2))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func json(_ diff: NetworkDiff, sides: Sides) throws -> String {
        struct Relation: Encodable {
            var id: String; var source: String; var target: String; var kind: String; var sign: Int
            var since: String?; var until: String?
        }
        struct Pair: Encodable { var first: String; var second: String; var before: Int; var after: Int }
        struct Actor: Encodable {
            var id: String; var name: String; var hedgesBefore: Int; var hedgesAfter: Int
            var betweennessBefore: Double; var betweennessAfter: Double; var campChange: Double?
        }
        struct Document: Encodable {
            var before: String; var after: String; var view: String
            var began: [Relation]; var ended: [Relation]
            var signChanges: [Pair]; var newTies: [Pair]; var goneTies: [Pair]
            var addedActors: [String]; var removedActors: [String]
            var actors: [Actor]; var campsNote: String?
        }
        func relation(_ r: NetworkDiff.RelationEntry) -> Relation {
            Relation(id: r.id, source: r.source, target: r.target, kind: r.kind, sign: Int(r.sign),
                     since: r.since?.description, until: r.until?.description)
        }
        func pair(_ p: NetworkDiff.PairChange) -> Pair { Pair(first: p.first, second: p.second, before: Int(p.before), after: Int(p.after)) }
        let document = Document(
            before: sides.before, after: sides.after, view: sides.view,
            began: diff.began.map(relation), ended: diff.ended.map(relation),
            signChanges: diff.signChanges.map(pair), newTies: diff.newTies.map(pair), goneTies: diff.goneTies.map(pair),
            addedActors: diff.addedActors, removedActors: diff.removedActors,
            actors: diff.actors.map {
                Actor(id: $0.id, name: $0.name, hedgesBefore: $0.hedgesBefore, hedgesAfter: $0.hedgesAfter,
                      betweennessBefore: $0.betweennessBefore, betweennessAfter: $0.betweennessAfter, campChange: $0.campChange)
            },
            campsNote: diff.campsNote)
        return try JSONOutput.encode(document)
    }
}
