import ActorNetIO
public import ActorNetCore
import Foundation

/// `actornet hedging`: every actor's hedging with the rivalries it straddles.
public enum HedgingReport {
    public static func text(_ h: HedgingScores, network: Network, view: String, file: String, all: Bool, top: Int?) -> String {
        var out = [file, TextLayout.wrap("view: \(view)"), TextLayout.wrap("H = rivalries straddled (positive ties to both rivals); "
            + "h = H / C(d⁺, 2), the share of the actor's pairs of partners that are rivals; H_w = H weighted by "
            + "the geometric mean of the three tie strengths (each divided by the strongest tie)."), ""]
        var rows = h.ranking()
        if !all { rows = rows.filter { $0.hedges > 0 } }
        if let top { rows = Array(rows.prefix(top)) }
        if rows.isEmpty {
            out.append("No actor hedges: no one has positive ties to two rivals.")
            return out.joined(separator: "\n") + "\n"
        }
        out.append("rank  actor                        H      h     H_w   d⁺  rivalries straddled, strongest first")
        for (i, s) in rows.enumerated() {
            let label = String(AnalystReport.name(network, s.id).prefix(24))
            let head = String(i + 1).leftPadded(4) + "  " + label.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(s.hedges).leftPadded(6) + AnalystReport.number(s.hedgingRatio, 2).leftPadded(7)
                + AnalystReport.number(s.weightedHedges, 2).leftPadded(8) + String(s.positiveDegree).leftPadded(5) + "  "
            let rivalries = s.rivalries.map { "\($0.first)\u{00A0}×\u{00A0}\($0.second)\u{00A0}(\(AnalystReport.number($0.strength, 2)))" }
            out.append(TextLayout.wrap(head + rivalries.joined(separator: ", "), width: 100, indent: String(repeating: " ", count: 58)))
        }
        out.append("")
        out.append("Σ H = \(h.totalHedges) (= the number of ++− triangles)")
        return out.joined(separator: "\n") + "\n"
    }

    public static func csv(_ h: HedgingScores, network: Network) -> String {
        var out = "id,name,hedges,hedging_ratio,weighted_hedges,positive_degree,rivalries\n"
        for s in h.ranking() {
            let rivalries = s.rivalries.map { "\($0.first)×\($0.second)" }.joined(separator: ";")
            let name = network.actor(withID: s.id)?.name ?? s.id
            out += [s.id, name, String(s.hedges), NumberText.exact(s.hedgingRatio), NumberText.exact(s.weightedHedges),
                    String(s.positiveDegree), rivalries].map(CSVField.escape).joined(separator: ",") + "\n"
        }
        return out
    }

    public static func json(_ h: HedgingScores, view: String, file: String) throws -> String {
        struct Rivalry: Encodable { var first: String; var second: String; var strength: Double }
        struct Row: Encodable {
            var id: String; var hedges: Int; var hedgingRatio: Double; var weightedHedges: Double
            var positiveDegree: Int; var rivalries: [Rivalry]
        }
        struct Document: Encodable { var file: String; var view: String; var totalHedges: Int; var actors: [Row] }
        let rows = h.ranking().map { s in
            Row(id: s.id, hedges: s.hedges, hedgingRatio: s.hedgingRatio, weightedHedges: s.weightedHedges,
                positiveDegree: s.positiveDegree,
                rivalries: s.rivalries.map { Rivalry(first: $0.first, second: $0.second, strength: $0.strength) })
        }
        return try JSONOutput.encode(Document(file: file, view: view, totalHedges: h.totalHedges, actors: rows))
    }
}

/// `actornet balance`: triangle census, walk balance, frustration with its camps, PN centrality.
public enum BalanceReport {
    public struct Input: Sendable {
        public var file: String
        public var view: String
        public var graph: SignedGraph
        public var census: SignedTriangleCensus
        public var walk: Result<WalkBalanceScore, AnalysisError>
        public var frustration: Result<FrustrationResult, AnalysisError>
        public var pn: Result<NodeScores, AnalysisError>

        public init(file: String, view: String, graph: SignedGraph, census: SignedTriangleCensus,
                    walk: Result<WalkBalanceScore, AnalysisError>, frustration: Result<FrustrationResult, AnalysisError>,
                    pn: Result<NodeScores, AnalysisError>) {
            self.file = file
            self.view = view
            self.graph = graph
            self.census = census
            self.walk = walk
            self.frustration = frustration
            self.pn = pn
        }
    }

    public static func text(_ b: Input, top: Int) -> String {
        var out = [b.file, TextLayout.wrap("view: \(b.view); several relations between a pair count as one tie of net sign "
            + "Σ sign × weight" + (b.graph.ambivalentPairs > 0 ? " (\(b.graph.ambivalentPairs) pairs cancel out and are left out)" : "")), ""]
        out.append("actors \(b.graph.nodeCount), ties \(b.graph.pairCount) (positive \(b.graph.pairSign.count { $0 > 0 }), "
            + "negative \(b.graph.pairSign.count { $0 < 0 }))")
        let c = b.census.counts
        out.append("triangles         +++ \(c.plusPlusPlus)   ++− \(c.plusPlusMinus)   +−− \(c.plusMinusMinus)   −−− \(c.minusMinusMinus)")
        out.append("triangle balance  " + (c.balanceRatio.map { "\(AnalystReport.number($0, 7)) (balanced \(c.balanced) of \(c.total))" }
            ?? "n/a (no triangles)"))
        switch b.walk {
        case let .success(w): out.append("walk balance      \(AnalystReport.number(w.value, 7)) (Estrada–Benzi K = tr e^A / tr e^|A|)")
        case let .failure(e): out.append(TextLayout.wrap("walk balance      not computed: \(e)"))
        }
        switch b.frustration {
        case let .success(f):
            out.append("frustration       \(f.unweighted)")
            out.append("normalised        F = \(AnalystReport.number(f.normalizedIndex, 7)) (1 − L / (m/2); 1 = balanced)")
            out.append("weighted          \(f.weighted)")
            let ids = f.actorIDs
            let active = ids.indices.filter { b.graph.offsets[$0] != b.graph.offsets[$0 + 1] }
            for camp in [0, 1] {
                let members = active.filter { f.unweighted.camps[$0] == camp }.map { ids[$0] }.sorted()
                out.append(TextLayout.wrap("camp \(camp == 0 ? "A" : "B")            " + members.joined(separator: ", "),
                                width: 100, indent: String(repeating: " ", count: 18)))
            }
            let ties = f.unweighted.frustrated.map { "\($0.first)–\($0.second) (\($0.sign.symbol))" }
            out.append(TextLayout.wrap("frustrated ties   " + (ties.isEmpty ? "none" : ties.joined(separator: ", ")),
                            width: 100, indent: String(repeating: " ", count: 18)))
        case let .failure(e): out.append(TextLayout.wrap("frustration       not computed: \(e)"))
        }
        switch b.pn {
        case let .success(pn):
            out.append("")
            out.append("PN centrality (Everett & Borgatti 2014), top \(top):")
            for (i, entry) in pn.ranking().prefix(top).enumerated() {
                out.append(String(i + 1).leftPadded(4) + "  " + entry.id.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + AnalystReport.number(entry.value, 6).leftPadded(10))
            }
        case let .failure(e): out.append(TextLayout.wrap("PN centrality not computed: \(e)"))
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func json(_ b: Input) throws -> String {
        struct Tie: Encodable { var first: String; var second: String; var sign: String; var strength: Double }
        struct Frustration: Encodable {
            var index: Double; var lowerBound: Double; var method: String; var normalized: Double
            var weightedIndex: Double; var weightedLowerBound: Double; var weightedMethod: String
            var camps: [String: Int]; var frustrated: [Tie]
        }
        struct Document: Encodable {
            var file: String; var view: String; var actors: Int; var ties: Int; var ambivalentPairs: Int
            var triangles: [String: Int]; var triangleBalance: Double?; var walkBalance: Double?
            var frustration: Frustration?; var pn: [String: Double]?; var errors: [String]
        }
        var errors: [String] = []
        let c = b.census.counts
        let walk: Double?
        switch b.walk {
        case let .success(w): walk = w.value
        case let .failure(e): walk = nil; errors.append(e.description)
        }
        var frustration: Frustration?
        switch b.frustration {
        case let .success(f):
            frustration = Frustration(
                index: f.unweighted.value, lowerBound: f.unweighted.lowerBound, method: f.unweighted.method.rawValue,
                normalized: f.normalizedIndex, weightedIndex: f.weighted.value, weightedLowerBound: f.weighted.lowerBound,
                weightedMethod: f.weighted.method.rawValue,
                camps: Dictionary(uniqueKeysWithValues: zip(f.actorIDs, f.unweighted.camps)),
                frustrated: f.unweighted.frustrated.map { Tie(first: $0.first, second: $0.second, sign: $0.sign.description,
                                                              strength: $0.strength) })
        case let .failure(e): errors.append(e.description)
        }
        var pn: [String: Double]?
        switch b.pn {
        case let .success(s): pn = Dictionary(uniqueKeysWithValues: zip(s.actorIDs, s.values))
        case let .failure(e): errors.append(e.description)
        }
        return try JSONOutput.encode(Document(
            file: b.file, view: b.view, actors: b.graph.nodeCount, ties: b.graph.pairCount,
            ambivalentPairs: b.graph.ambivalentPairs,
            triangles: ["+++": c.plusPlusPlus, "++-": c.plusPlusMinus, "+--": c.plusMinusMinus, "---": c.minusMinusMinus],
            triangleBalance: c.balanceRatio, walkBalance: walk, frustration: frustration, pn: pn, errors: errors))
    }
}
