import ActorNetIO
public import ActorNetCore
import Foundation

/// Renders `NetworkReport` as the analyst's text report (within 100 columns) or as JSON.
public enum AnalystReport {
    public static func number(_ x: Double, _ decimals: Int = 3) -> String { String(format: "%.\(decimals)f", x) }

    /// An id for narrow columns: the id, or the name when the id is a bare number (as in files
    /// from other tools, where the label carries the meaning).
    public static func shortLabel(_ network: Network, _ id: String) -> String {
        guard id.allSatisfy(\.isNumber), let name = network.actor(withID: id)?.name, name != id else { return id }
        return name
    }

    /// "RUS Russia": the id first, so it survives truncation.
    public static func name(_ network: Network, _ id: String) -> String {
        guard let actor = network.actor(withID: id), actor.name != id else { return id }
        return "\(id) \(actor.name)"
    }

    public static func text(_ r: NetworkReport, file: String) -> String {
        let n = r.network
        var out: [String] = []
        func para(_ text: String) { out.append(TextLayout.wrap(text, width: 100, indent: "")) }
        func line(_ text: String) { out.append(text) }

        line(n.name.map { "ActorNet report: \($0)  (\(file))" } ?? "ActorNet report: \(file)")
        if let at = r.options.at {
            para("As of \(at)\(n.latestStart == at ? ", the latest date a relation starts in the file" : ""). "
                + "Relations that started later or had ended are left out (--all-dates includes every relation; "
                + "--at picks another date). Undated relations count as always present.")
        } else {
            para("All relations together, whatever their dates.")
        }
        let inSnapshot = r.signedView.edgeCount
        let positive = r.signedView.edgeSign.count { $0 > 0 }
        para("\(n.actors.count) actors; \(inSnapshot) relations in this view (\(positive) positive, "
            + "\(inSnapshot - positive) negative)" + (inSnapshot < n.relations.count
                ? "; \(n.relations.count - inSnapshot) relations fall outside it." : "."))
        if !r.options.includeInferred {
            para("Inferred relations (those the source does not state) are left out (--no-inferred).")
        } else if !r.inferredInView.isEmpty {
            para("\(r.inferredInView.count) relation\(r.inferredInView.count == 1 ? " is" : "s are") inferred, not stated by the "
                + "source: \(r.inferredInView.joined(separator: ", ")). Results that rest on them are marked "
                + "(inferred); --no-inferred leaves them out.")
        }

        // 1. Centrality
        line("")
        line("1. WHO IS CENTRAL")
        para("View: \(r.centralityView.filter.describe(in: n)). Betweenness uses "
            + "\(r.options.metric.distance). Eigenvector and PageRank weight ties by strength.")
        line("")
        var header = "rank".leftPadded(4)
        for ranking in r.rankings { header += "  " + ranking.metric.rawValue.padding(toLength: 21, withPad: " ", startingAt: 0) }
        line(header)
        for i in 0..<r.options.top {
            var row = String(i + 1).leftPadded(4)
            for ranking in r.rankings {
                var cell = ""
                if i < ranking.top.count {
                    let (id, value) = (shortLabel(n, ranking.top[i].id), ranking.top[i].value)
                    let shown = ranking.metric.isCount ? String(format: "%.0f", value) : number(value)
                    cell = String(id.prefix(21 - shown.count - 1)) + " " + shown
                } else if i == 0, ranking.failure != nil {
                    cell = "(not computed)"
                }
                row += "  " + cell.padding(toLength: 21, withPad: " ", startingAt: 0)
            }
            line(row.trailingSpacesRemoved())
        }
        for ranking in r.rankings { if let failure = ranking.failure { para("  \(ranking.metric): \(failure)") } }

        // 2. Hedging
        line("")
        line("2. WHO HEDGES")
        para("An actor hedges when it keeps positive ties to both sides of a rivalry. H counts the rivalries it "
            + "straddles; h is the share of its pairs of partners that are rivals; H_w weights each straddled "
            + "rivalry by the geometric mean of the three tie strengths (1 = as strong as the strongest tie). "
            + "Every relation of the view counts, read as undirected; several relations between a pair are "
            + "combined into one net sign (Σ sign × weight).")
        if r.signedGraph.ambivalentPairs > 0 {
            para("\(r.signedGraph.ambivalentPairs) pairs whose relations cancel out exactly are left out.")
        }
        let hedgers = r.hedging.ranking().filter { $0.hedges > 0 }
        line("")
        if hedgers.isEmpty {
            line("No actor hedges: no one has positive ties to two rivals.")
        } else {
            line("rank  actor                        H      h     H_w  rivalries straddled, strongest first")
            for (i, h) in hedgers.prefix(r.options.top).enumerated() {
                let rivalries = h.rivalries.prefix(4).map {
                    "\($0.first)\u{00A0}×\u{00A0}\($0.second)" + (r.restsOnInferred(hedger: h.id, $0) ? "\u{00A0}(inferred)" : "")
                }.joined(separator: ", ")
                    + (h.rivalries.count > 4 ? ", … (+\(h.rivalries.count - 4))" : "")
                let label = String(name(n, h.id).prefix(24))
                line(TextLayout.wrap(String(i + 1).leftPadded(4) + "  " + label.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + String(h.hedges).leftPadded(6) + number(h.hedgingRatio, 2).leftPadded(7)
                    + number(h.weightedHedges, 2).leftPadded(8) + "  " + rivalries,
                    width: 100, indent: String(repeating: " ", count: 53)))
            }
            if hedgers.count > r.options.top { line("(\(hedgers.count) actors hedge; `actornet hedging` lists all)") }
            let resting = hedgers.flatMap { h in h.rivalries.filter { r.restsOnInferred(hedger: h.id, $0) }.map { (h.id, $0) } }
            if !resting.isEmpty {
                let byActor = Dictionary(grouping: resting, by: \.0)
                let parts = byActor.keys.sorted().map { id in
                    let total = hedgers.first { $0.id == id }!.hedges
                    return "\(byActor[id]!.count) of \(id)'s \(total)"
                }
                para("Resting on inferred relations: \(parts.joined(separator: ", ")) straddled rivalries exist only "
                    + "with the inferred relations; without them they are gone.")
            }
        }

        // 3. Balance
        line("")
        line("3. BALANCE: DOES THE NETWORK SPLIT INTO TWO CAMPS?")
        let c = r.census.counts
        para("Triangles: +++ \(c.plusPlusPlus), ++− \(c.plusPlusMinus), +−− \(c.plusMinusMinus), −−− \(c.minusMinusMinus). "
            + (c.balanceRatio.map { "Balanced share (+++ and +−−) \(number($0)) of \(c.total)." }
                ?? "No triangles, so no triangle balance."))
        switch r.walkBalance {
        case let .success(w): para("Walk balance (Estrada–Benzi) K = \(number(w.value)) (1 = perfectly balanced).")
        case let .failure(e): para("Walk balance not computed: \(e)")
        }
        switch r.frustration {
        case let .success(f):
            let method = f.unweighted.method == .exact ? "exact"
                : f.unweighted.isOptimal ? "optimal: the heuristic met its lower bound"
                : "heuristic; lower bound \(f.indexLowerBound)"
            para("Frustration index L = \(f.index) (\(method)): the fewest relations that must change sign (or go) "
                + "for the network to split into two camps, friendly inside and hostile across; normalised "
                + "F = \(number(f.normalizedIndex)) (1 = balanced). The split that attains it:")
            let camps = [0, 1].map { camp in
                f.actorIDs.indices.filter { f.unweighted.camps[$0] == camp && r.signedGraph.offsets[$0] != r.signedGraph.offsets[$0 + 1] }
                    .map { f.actorIDs[$0] }.sorted()
            }
            line(TextLayout.wrap("  camp A: " + camps[0].joined(separator: ", "), width: 100, indent: "          "))
            line(TextLayout.wrap("  camp B: " + camps[1].joined(separator: ", "), width: 100, indent: "          "))
            if !f.unweighted.frustrated.isEmpty {
                let ties = f.unweighted.frustrated.map {
                    "\($0.first)–\($0.second) (\($0.sign == .positive ? "friends across camps" : "rivals in one camp"))"
                }
                line(TextLayout.wrap("  frustrated: " + ties.joined(separator: ", "), width: 100, indent: "              "))
            }
        case let .failure(e): para("Frustration not computed: \(e)")
        }
        if case let .success(with) = r.frustration, case let .success(without)? = r.frustrationWithoutInferred {
            let same = Self.sameSplit(with, without)
            para("Without the inferred relations: L = \(without.index)"
                + (same ? ", the same split: the camps do not rest on inferences."
                    : "; the split differs, so these camps rest in part on inferred relations."))
        }

        // 4. Say versus do
        line("")
        line("4. SAY VERSUS DO")
        para("For each actor supporting another: stated support (words: statements, votes, pledges, treaties, "
            + "mediation) against material support (arms, drones, fuel, money, troops), each the sum of the weights "
            + "of the positive relations on that channel; an undirected relation supports both ways. Not given: "
            + "what the target asked for, or the source promised, and did not get (unmet or refused; half for "
            + "partly met). Gap = stated − material; words outrun deeds where the gap is positive or something was "
            + "not given.")
        let pairs = r.sayDo.pairs
        if pairs.isEmpty {
            line("No relation in this view records a channel (stated or material) or an unmet request or pledge.")
        } else {
            line("")
            line("source → target".padding(toLength: 34, withPad: " ", startingAt: 0) + "stated".leftPadded(8)
                + "material".leftPadded(10) + "not given".leftPadded(11) + "gap".leftPadded(8))
            let words = pairs.filter { $0.gap > 0 || ($0.gap == 0 && $0.notGiven > 0) }.prefix(r.options.top)
            let deeds = pairs.filter { $0.gap < 0 }.reversed().prefix(r.options.top)
            for p in Array(words) + [nil] + Array(deeds) {
                guard let p else {
                    if !words.isEmpty, !deeds.isEmpty { line("  …") }
                    continue
                }
                let label = "\(p.source) → \(p.target)"
                line((label.padding(toLength: 34, withPad: " ", startingAt: 0) + number(p.stated, 1).leftPadded(8)
                    + number(p.material, 1).leftPadded(10) + number(p.notGiven, 1).leftPadded(11)
                    + String(format: "%+.1f", p.gap).leftPadded(8) + (p.restsOnInferred ? "  (inferred)" : "")))
            }
            let capped = pairs.filter { $0.notGiven > 0 }
            if !capped.isEmpty {
                para("Asked or promised and not given: " + capped.map { p in
                    "\(p.source) → \(p.target) \(number(p.notGiven, 1)) (\(p.notGivenItems.map(\.id).joined(separator: ", ")))"
                }.joined(separator: "; ") + ". `actornet dyad FILE A B` shows the evidence.")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

extension AnalystReport {
    /// Whether two frustration results split the actors they share into the same camps (up to
    /// naming the camps the other way round).
    public static func sameSplit(_ x: FrustrationResult, _ y: FrustrationResult) -> Bool {
        guard x.index == y.index else { return false }
        let ys = Dictionary(uniqueKeysWithValues: y.actorIDs.enumerated().map { ($1, $0) })
        var relation: Bool?
        for (i, id) in x.actorIDs.enumerated() {
            guard let j = ys[id] else { continue }
            let same = x.unweighted.camps[i] == y.unweighted.camps[j]
            if relation == nil { relation = same } else if relation != same { return false }
        }
        return true
    }
}

extension String {
    func trailingSpacesRemoved() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

extension AnalystReport {
    /// The report as JSON (schema in the README, "JSON output").
    public static func json(_ r: NetworkReport, file: String) throws -> String {
        struct Entry: Encodable { var id: String; var value: Double }
        struct Ranking: Encodable { var metric: String; var measure: String; var top: [Entry]; var error: String? }
        struct Rivalry: Encodable { var first: String; var second: String; var strength: Double; var restsOnInferred: Bool }
        struct Hedger: Encodable {
            var id: String; var hedges: Int; var hedgingRatio: Double; var weightedHedges: Double; var rivalries: [Rivalry]
        }
        struct Tie: Encodable { var first: String; var second: String; var sign: String }
        struct Frustration: Encodable {
            var index: Double; var lowerBound: Double; var method: String; var normalized: Double
            var campA: [String]; var campB: [String]; var frustrated: [Tie]
        }
        struct Balance: Encodable {
            var triangles: [String: Int]; var triangleBalance: Double?; var walkBalance: Double?
            var frustration: Frustration?; var ambivalentPairs: Int; var errors: [String]
        }
        struct Support: Encodable {
            var source: String; var target: String; var stated: Double; var material: Double; var unspecified: Double
            var notGiven: Double; var notGivenRelations: [String]; var gap: Double; var verdict: String
            var restsOnInferred: Bool
        }
        struct Document: Encodable {
            var file: String; var name: String?; var asOf: String?; var actors: Int; var relationsInView: Int
            var centralityView: String; var signedView: String; var distance: String
            var centrality: [Ranking]; var hedging: [Hedger]; var balance: Balance; var sayDo: [Support]
            var inferredRelations: [String]; var includeInferred: Bool
        }
        var errors: [String] = []
        var walk: Double?
        switch r.walkBalance {
        case let .success(w): walk = w.value
        case let .failure(e): errors.append(e.description)
        }
        var frustration: Frustration?
        switch r.frustration {
        case let .success(f):
            let active = f.actorIDs.indices.filter { r.signedGraph.offsets[$0] != r.signedGraph.offsets[$0 + 1] }
            func camp(_ c: Int) -> [String] { active.filter { f.unweighted.camps[$0] == c }.map { f.actorIDs[$0] }.sorted() }
            frustration = Frustration(
                index: f.unweighted.value, lowerBound: f.unweighted.lowerBound, method: f.unweighted.method.rawValue,
                normalized: f.normalizedIndex, campA: camp(0), campB: camp(1),
                frustrated: f.unweighted.frustrated.map { Tie(first: $0.first, second: $0.second, sign: $0.sign.description) })
        case let .failure(e): errors.append(e.description)
        }
        let c = r.census.counts
        let doc = Document(
            file: file, name: r.network.name, asOf: r.options.at?.description, actors: r.network.actors.count,
            relationsInView: r.signedView.edgeCount, centralityView: r.centralityView.filter.describe(in: r.network),
            signedView: r.signedView.filter.describe(in: r.network), distance: r.options.metric.distance.rawValue,
            centrality: r.rankings.map { Ranking(metric: $0.metric.rawValue, measure: $0.measure,
                                                 top: $0.top.map { Entry(id: $0.id, value: $0.value) }, error: $0.failure) },
            hedging: r.hedging.ranking().filter { $0.hedges > 0 }.map { h in
                Hedger(id: h.id, hedges: h.hedges, hedgingRatio: h.hedgingRatio, weightedHedges: h.weightedHedges,
                       rivalries: h.rivalries.map { Rivalry(first: $0.first, second: $0.second, strength: $0.strength,
                                                            restsOnInferred: r.restsOnInferred(hedger: h.id, $0)) })
            },
            balance: Balance(
                triangles: ["+++": c.plusPlusPlus, "++-": c.plusPlusMinus, "+--": c.plusMinusMinus, "---": c.minusMinusMinus],
                triangleBalance: c.balanceRatio, walkBalance: walk, frustration: frustration,
                ambivalentPairs: r.signedGraph.ambivalentPairs, errors: errors),
            sayDo: r.sayDo.pairs.map { Support(source: $0.source, target: $0.target, stated: $0.stated, material: $0.material,
                                               unspecified: $0.unspecified, notGiven: $0.notGiven,
                                               notGivenRelations: $0.notGivenItems.map(\.id), gap: $0.gap,
                                               verdict: $0.verdict.rawValue, restsOnInferred: $0.restsOnInferred) },
            inferredRelations: r.inferredInView, includeInferred: r.options.includeInferred)
        return try JSONOutput.encode(doc)
    }
}
