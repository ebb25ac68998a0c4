import ActorNetCore
import ActorNetTestSupport
import Foundation
import Testing

/// Every centrality measure against networkx, on the networks and with the exact calls
/// recorded in Tests/Reference/centrality.json, which scripts/reference/centrality.py writes
/// (see scripts/reference/README.md). Exact measures agree to 1e-9, iterative ones to 1e-6
/// (relative to the value when it exceeds 1).
@Suite struct ReferenceCentralityTests {
    struct Case: Sendable {
        var name: String
        var directed: Bool
        var network: Network
        var measures: [String: Measure]
    }

    struct Measure: Sendable {
        var kind: String
        var params: [String: String]
        var personalization: [String: Double]?
        var numbers: [String: Double]
        var values: [String: Double]
    }

    static let document: (cases: [Case], exact: Double, iterative: Double) = {
        let url = Fixtures.repoRoot.appendingPathComponent("Tests/Reference/centrality.json")
        let data = try! Data(contentsOf: url)
        let root = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        let tolerance = root["tolerance"] as! [String: Double]
        let cases = (root["cases"] as! [[String: Any]]).map { c -> Case in
            let directed = c["directed"] as! Bool
            let nodes = c["nodes"] as! [String]
            let edges = c["edges"] as! [[Any]]
            let relations = edges.enumerated().map { i, e in
                Relation(id: "e\(i)", source: e[0] as! String, target: e[1] as! String,
                         kind: directed ? "supply" : "cooperation", weight: (e[2] as! NSNumber).doubleValue)
            }
            let network = try! Network(actors: nodes.map { ActorNode(id: $0) }, relations: relations)
            var measures: [String: Measure] = [:]
            for (key, value) in c["measures"] as! [String: [String: Any]] {
                let params = value["params"] as? [String: Any] ?? [:]
                var text: [String: String] = [:], numbers: [String: Double] = [:]
                for (k, v) in params {
                    if let n = v as? NSNumber, !(v is Bool) { numbers[k] = n.doubleValue }
                    text[k] = "\(v)"
                }
                let personalization = (params["personalization"] as? [String: NSNumber])?.mapValues(\.doubleValue)
                let values = (value["values"] as! [String: NSNumber]).mapValues(\.doubleValue)
                measures[key] = Measure(kind: value["kind"] as! String, params: text, personalization: personalization,
                                        numbers: numbers, values: values)
            }
            return Case(name: c["name"] as! String, directed: directed, network: network, measures: measures)
        }
        return (cases, tolerance["exact"]!, tolerance["iterative"]!)
    }()

    static var caseNames: [String] { document.cases.map(\.name) }

    /// "betweenness[weight=none,normalized=true]" → ("betweenness", ["weight": "none", …]).
    static func parseKey(_ key: String) -> (String, [String: String]) {
        guard let open = key.firstIndex(of: "[") else { return (key, [:]) }
        let name = String(key[..<open])
        var options: [String: String] = [:]
        for part in key[key.index(after: open)..<key.index(before: key.endIndex)].split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1)
            options[String(kv[0])] = kv.count > 1 ? String(kv[1]) : "true"
        }
        return (name, options)
    }

    static func distance(_ s: String?) -> Distance {
        switch s {
        case "inverse": .inverse
        case "weight": .weight
        default: .unit
        }
    }

    /// Computes our value for a reference measure: per-node scores keyed by node id, or per-pair.
    static func compute(_ key: String, _ m: Measure, on view: NetworkView) throws -> [String: Double] {
        let (name, o) = parseKey(key)
        func byID(_ s: NodeScores) -> [String: Double] { Dictionary(uniqueKeysWithValues: zip(s.actorIDs, s.values)) }
        let degrees = DegreeStrength().run(on: view)
        switch name {
        case "degree": return byID(degrees.scores(.degree))
        case "strength": return byID(degrees.scores(.strength))
        case "in_degree": return byID(degrees.scores(.inDegree))
        case "out_degree": return byID(degrees.scores(.outDegree))
        case "in_strength": return byID(degrees.scores(.inStrength))
        case "out_strength": return byID(degrees.scores(.outStrength))
        case "betweenness":
            return byID(Betweenness(normalized: o["normalized"] == "true", endpoints: o["endpoints"] == "true",
                                    distance: distance(o["weight"])).run(on: view))
        case "edge_betweenness":
            let r = EdgeBetweenness(normalized: o["normalized"] == "true", distance: distance(o["weight"])).run(on: view)
            return Dictionary(uniqueKeysWithValues: r.entries.map { ("\($0.source)|\($0.target)", $0.value) })
        case "closeness":
            return byID(Closeness(wassermanFaust: o["wf_improved"] == "true", distance: distance(o["distance"])).run(on: view))
        case "harmonic":
            return byID(Harmonic(distance: distance(o["distance"])).run(on: view))
        case "eigenvector":
            return byID(try Eigenvector(weighted: o["weight"] == "weight").run(on: view))
        case "pagerank":
            return byID(try PageRank(damping: m.numbers["alpha"]!, weighted: o["weight"] == "weight",
                                     personalization: m.personalization).run(on: view))
        case "katz":
            return byID(try Katz(alpha: m.numbers["alpha"]!, beta: m.numbers["beta"] ?? 1,
                                 weighted: o["weight"] == "weight").run(on: view))
        case "hits_hubs": return byID(try HITS().run(on: view).hubs)
        case "hits_authorities": return byID(try HITS().run(on: view).authorities)
        default:
            Issue.record("no mapping for reference measure \(key)")
            return [:]
        }
    }

    @Test(arguments: caseNames)
    func agreesWithNetworkx(_ caseName: String) throws {
        let doc = Self.document
        let c = try #require(doc.cases.first { $0.name == caseName })
        let view = try NetworkView(c.network)
        #expect(view.hasDirectedEdges == (c.directed && view.edgeCount > 0))
        #expect(!c.measures.isEmpty)
        for (key, measure) in c.measures.sorted(by: { $0.key < $1.key }) {
            let ours = try Self.compute(key, measure, on: view)
            let tolerance = measure.kind == "exact" ? doc.exact : doc.iterative
            // Keys must match too: for edge betweenness the set of pairs.
            #expect(Set(ours.keys) == Set(measure.values.keys), "\(caseName) \(key): different keys")
            var worst = 0.0, worstKey = ""
            for (id, expected) in measure.values {
                guard let value = ours[id] else { continue }
                let error = abs(value - expected) / max(1, abs(expected))
                if error > worst { (worst, worstKey) = (error, id) }
            }
            #expect(worst <= tolerance,
                    "\(caseName) \(key): off by \(worst) at \(worstKey): ours \(ours[worstKey] ?? .nan), networkx \(measure.values[worstKey] ?? .nan)")
        }
    }

    /// Katz without α picks 0.5/λ_max itself, as the reference script does.
    @Test func katzChoosesHalfTheConvergenceRadius() throws {
        var checked = 0
        for c in Self.document.cases {
            let view = try NetworkView(c.network)
            for (key, m) in c.measures where key.hasPrefix("katz[") {
                let weighted = key.contains("weight=weight")
                let ours = try Katz(weighted: weighted).run(on: view)
                #expect(ours.measure.contains("= 0.5/λ_max"))
                for (id, expected) in m.values {
                    #expect(abs(ours[id]! - expected) < 1e-6, "\(c.name) \(key) \(id)")
                }
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    /// Florentine families: the values SOURCES.md quotes (networkx 3.6.1, checked with igraph).
    @Test func florentineMedici() throws {
        let c = try #require(Self.document.cases.first { $0.name == "florentine" })
        let view = try NetworkView(c.network)
        let b = Betweenness(distance: .unit).run(on: view)
        #expect(abs(b["Medici"]! - 0.521978) < 1e-6)
        #expect(abs(Betweenness(normalized: false, distance: .unit).run(on: view)["Medici"]! - 47.5) < 1e-9)
        #expect(abs(Closeness(distance: .unit).run(on: view)["Medici"]! - 0.56) < 1e-9)
        #expect(b.ranking().first?.id == "Medici")
    }
}
