import ActorNetCore
import ActorNetIO
import Foundation

/// What `actornet-bench` can time. Each op loads what it needs first (untimed, except the read
/// ops), then times only the library call, and reports facts that let the harness check that
/// every tool saw the same graph (counts, the top actor and its share of the total score).
enum BenchOperation: String, CaseIterable {
    case readGraphML = "read-graphml"
    case writeGraphML = "write-graphml"
    case writeDOT = "write-dot"
    case buildView = "build-view"
    case degree
    case betweennessUnweighted = "betweenness-unweighted"
    case betweennessWeighted = "betweenness-weighted"
    case betweennessKadabra = "betweenness-kadabra"
    case betweennessSampled = "betweenness-sampled"
    case betweennessAccuracy = "betweenness-accuracy"
    case closeness
    case pagerank
    case eigenvector
    case triangles
    case hedging
    case frustration
    case load
    case exportEdges = "export-edges"

    var summary: String {
        switch self {
        case .readGraphML: "GraphMLReader.read(path:): file → Network"
        case .writeGraphML: "ExportTable + GraphMLWriter streaming through AtomicFile"
        case .writeDOT: "DOTWriter, written through AtomicFile"
        case .buildView: "NetworkView of the positive relations, undirected, every date"
        case .degree: "DegreeStrength (degree and strength, by sign and kind)"
        case .betweennessUnweighted: "exact Betweenness, distance .unit (normalised)"
        case .betweennessWeighted: "exact Betweenness, distance 1/weight (normalised)"
        case .betweennessKadabra: "approximate Betweenness, sampled paths (KADABRA), ε 0.01, δ 0.1, seed 1, distance unit by default"
        case .betweennessSampled: "approximate Betweenness, sampled sources (Brandes–Pich), ε 0.01, δ 0.1, seed 1, distance unit by default"
        case .betweennessAccuracy: "not a timing: exact Betweenness (--distance) once, then --method with seeds 1…--seeds; max errors"
        case .closeness: "Closeness, distance 1/weight, Wasserman–Faust"
        case .pagerank: "PageRank (0.85, weighted, tolerance 1e-12 × n in L1)"
        case .eigenvector: "Eigenvector (weighted, tolerance 1e-12 × n in L1)"
        case .triangles: "SignedGraph + TriangleCensus on every relation, undirected"
        case .hedging: "SignedGraph + Hedging"
        case .frustration: "SignedGraph + FrustrationIndex(method: .heuristic)"
        case .load: "read + positive view, for peak RSS in a process of its own"
        case .exportEdges: "not timed: every relation's ends, sign and weight as raw arrays for the peers (-o PREFIX)"
        }
    }

    /// The view the centrality ops read, as the peers are given it.
    static let centralityFilter = ViewFilter(sign: .positive, at: nil, direction: .undirected)
    /// The view the signed ops read.
    static let signedFilter = ViewFilter(sign: nil, at: nil, direction: .undirected)
}

typealias Facts = [String: Any]

/// A failure the harness reports with an exit status.
struct BenchFailure: Error {
    var message: String
    var status: Int32
}

/// Runs `body` up to `runs` times (stopping early once `budget` seconds are spent), timing each
/// run on the monotonic clock; the facts are the last run's.
func repeatTimed(runs: Int, budget: Double?, _ body: () throws -> Facts) rethrows -> (seconds: [Double], facts: Facts) {
    var seconds: [Double] = [], facts: Facts = [:]
    let clock = ContinuousClock()
    for _ in 0..<runs {
        let start = clock.now
        facts = try body()
        seconds.append((clock.now - start).seconds)
        if let budget, seconds.reduce(0, +) >= budget { break }
    }
    return (seconds, facts)
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}

/// The check values every tool reports for a score vector: the top node (lowest index among
/// ties) and its share of the sum, which no constant normalisation changes.
func scoreFacts(_ values: [Double]) -> Facts {
    guard let top = values.indices.max(by: { values[$0] < values[$1] || (values[$0] == values[$1] && $0 > $1) }) else {
        return ["top": NSNull(), "share": NSNull()]
    }
    let total = values.reduce(0, +)
    return ["top": top, "share": total == 0 ? 0 : values[top] / total]
}

/// Reads a GraphML file with `GraphMLReader` itself (what read-graphml times).
func readGraphML(_ path: String) throws -> Network {
    try network(from: GraphMLReader.read(path: path), path)
}

/// Reads a network file as the `actornet` CLI does: in `format`, else by extension, else by
/// content (so `SIZE.graphml` goes to the same `GraphMLReader`).
func loadNetwork(_ path: String, format: NetworkFormat?) throws -> Network {
    try network(from: AnyFormatLoader.load(path: path, format: format), path)
}

private func network(from result: LoadResult, _ path: String) throws -> Network {
    guard let network = result.network else {
        let messages = result.diagnostics.prefix(5).map(\.description).joined(separator: "\n")
        throw BenchFailure(message: "cannot load '\(path)':\n\(messages)", status: 66)
    }
    return network
}

func view(_ network: Network, _ filter: ViewFilter) throws -> NetworkView {
    do {
        return try NetworkView(network, filter: filter)
    } catch {
        throw BenchFailure(message: "cannot build the view: \(error)", status: 1)
    }
}

func analysisFailure(_ error: any Error) -> BenchFailure {
    BenchFailure(message: "the analysis failed: \(error)", status: 1)
}

/// Runs `options.operation` and returns the JSON object to print.
func runOperation(_ options: BenchOptions) throws -> Facts {
    let runs = options.runs, budget = options.budget, threads = options.threads
    let output = options.output ?? options.file + ".bench-out"
    var facts: Facts = ["op": options.operation.rawValue, "tool": "actornet", "file": options.file]
    let timed: (seconds: [Double], facts: Facts)

    switch options.operation {
    case .readGraphML:
        timed = try repeatTimed(runs: runs, budget: budget) {
            let network = try readGraphML(options.file)
            return ["actors": network.actors.count, "relations": network.relations.count]
        }

    case .load:
        timed = try repeatTimed(runs: 1, budget: nil) {
            let network = try readGraphML(options.file)
            let positive = try view(network, BenchOperation.centralityFilter)
            return ["actors": network.actors.count, "relations": network.relations.count,
                    "viewBytes": positive.memoryFootprint]
        }
        facts["maxRSSKiB"] = peakResidentKiB()

    case .writeGraphML:
        let network = try loadNetwork(options.file, format: options.format)
        timed = try repeatTimed(runs: runs, budget: budget) {
            try AtomicFile.write(to: output) { sink in try GraphMLWriter.write(ExportTable(network), to: sink) }
            return ["bytes": fileSize(output)]
        }

    case .writeDOT:
        let network = try loadNetwork(options.file, format: options.format)
        timed = try repeatTimed(runs: runs, budget: budget) {
            try AtomicFile.write(DOTWriter().write(network), to: output)
            return ["bytes": fileSize(output)]
        }

    case .buildView:
        let network = try loadNetwork(options.file, format: options.format)
        timed = try repeatTimed(runs: runs, budget: budget) {
            let positive = try view(network, BenchOperation.centralityFilter)
            return ["edges": positive.edgeCount, "arcs": positive.arcCount, "viewBytes": positive.memoryFootprint,
                    "bytesPerRelation": Double(positive.memoryFootprint) / Double(max(1, positive.edgeCount))]
        }
        let signed = try view(network, BenchOperation.signedFilter)
        facts["signedViewBytesPerRelation"] = Double(signed.memoryFootprint) / Double(max(1, signed.edgeCount))

    case .degree:
        let positive = try view(loadNetwork(options.file, format: options.format), BenchOperation.centralityFilter)
        timed = repeatTimed(runs: runs, budget: budget) {
            let result = DegreeStrength().run(on: positive)
            var facts = scoreFacts(result.values(.degree))
            facts["strengthTop"] = scoreFacts(result.strength)["top"]
            return facts
        }

    case .betweennessUnweighted, .betweennessWeighted:
        let positive = try view(loadNetwork(options.file, format: options.format), BenchOperation.centralityFilter)
        let measure = Betweenness(distance: options.operation == .betweennessWeighted ? .inverse : .unit, threads: threads)
        timed = repeatTimed(runs: runs, budget: budget) { scoreFacts(measure.run(on: positive).values) }

    case .betweennessKadabra, .betweennessSampled:
        let positive = try view(loadNetwork(options.file, format: options.format), BenchOperation.centralityFilter)
        let method: BetweennessSampling.Method = options.operation == .betweennessKadabra ? .paths : .sources
        var measure = Betweenness(distance: options.distance, threads: threads)
        measure.sampling = try sampling(options, seed: options.seed, method: method)
        var estimate: [Double] = []
        timed = repeatTimed(runs: runs, budget: budget) {
            let result = measure.run(on: positive)
            estimate = result.values
            var facts = scoreFacts(result.values)
            facts["measure"] = result.measure
            return facts
        }
        facts["epsilon"] = options.epsilon
        facts["delta"] = options.delta
        facts["seed"] = NSNumber(value: options.seed)
        facts["distance"] = options.distance.rawValue
        if options.exact {
            let (exact, seconds) = exactBetweenness(positive, distance: options.distance, threads: threads)
            facts["maxError"] = maxError(estimate, exact)
            facts["exactSeconds"] = seconds
        }

    case .betweennessAccuracy:
        let positive = try view(loadNetwork(options.file, format: options.format), BenchOperation.centralityFilter)
        let (exact, exactSeconds) = exactBetweenness(positive, distance: options.distance, threads: threads)
        var errors: [Double] = [], seconds: [Double] = [], measureName = ""
        let clock = ContinuousClock()
        for seed in 1...UInt64(options.seeds) {
            var measure = Betweenness(distance: options.distance, threads: threads)
            measure.sampling = try sampling(options, seed: seed, method: options.method)
            let start = clock.now
            let result = measure.run(on: positive)
            seconds.append((clock.now - start).seconds)
            errors.append(maxError(result.values, exact))
            measureName = result.measure
        }
        let sorted = errors.sorted(), middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        var accuracy: Facts = [
            "actors": positive.nodeCount, "relations": positive.edgeCount, "method": options.method.rawValue,
            "distance": options.distance.rawValue,
            "epsilon": options.epsilon, "delta": options.delta, "seeds": options.seeds,
            "within": errors.filter { $0 <= options.epsilon }.count, "worst": sorted.last ?? 0, "median": median,
            "maxErrors": errors, "exactSeconds": exactSeconds, "measure": measureName,
        ]
        if options.method == .sources {
            accuracy["sampledSources"] = try sampling(options, seed: 1, method: .sources).sampleSize(actors: positive.nodeCount)
        }
        timed = (seconds, accuracy)

    case .closeness:
        let positive = try view(loadNetwork(options.file, format: options.format), BenchOperation.centralityFilter)
        let measure = Closeness(distance: .inverse, threads: threads)
        timed = repeatTimed(runs: runs, budget: budget) { scoreFacts(measure.run(on: positive).values) }

    case .pagerank:
        let positive = try view(loadNetwork(options.file, format: options.format), BenchOperation.centralityFilter)
        timed = try repeatTimed(runs: runs, budget: budget) {
            do { return scoreFacts(try PageRank().run(on: positive).values) } catch { throw analysisFailure(error) }
        }

    case .eigenvector:
        let positive = try view(loadNetwork(options.file, format: options.format), BenchOperation.centralityFilter)
        timed = try repeatTimed(runs: runs, budget: budget) {
            do { return scoreFacts(try Eigenvector().run(on: positive).values) } catch { throw analysisFailure(error) }
        }

    case .triangles:
        let signed = try view(loadNetwork(options.file, format: options.format), BenchOperation.signedFilter)
        var censusAlone: [Double] = []
        timed = repeatTimed(runs: runs, budget: budget) {
            let graph = SignedGraph(signed)
            let clock = ContinuousClock(), start = clock.now
            let counts = TriangleCensus().run(on: graph).counts
            censusAlone.append((clock.now - start).seconds)
            return ["+++": counts.plusPlusPlus, "++-": counts.plusPlusMinus, "+--": counts.plusMinusMinus,
                    "---": counts.minusMinusMinus, "pairs": graph.pairCount, "ambivalentPairs": graph.ambivalentPairs]
        }
        facts["censusAloneSeconds"] = censusAlone

    case .hedging:
        let signed = try view(loadNetwork(options.file, format: options.format), BenchOperation.signedFilter)
        timed = repeatTimed(runs: runs, budget: budget) {
            let scores = Hedging().run(on: SignedGraph(signed))
            return ["totalHedges": scores.totalHedges]
        }

    case .frustration:
        let signed = try view(loadNetwork(options.file, format: options.format), BenchOperation.signedFilter)
        timed = try repeatTimed(runs: runs, budget: budget) {
            let result: FrustrationResult
            do { result = try FrustrationIndex(method: .heuristic).run(on: SignedGraph(signed)) } catch { throw analysisFailure(error) }
            return ["index": result.index, "lowerBound": result.indexLowerBound, "pairs": result.pairCount,
                    "method": result.unweighted.method.rawValue]
        }

    case .exportEdges:
        let signed = try view(loadNetwork(options.file, format: options.format), BenchOperation.signedFilter)
        try exportEdges(signed, prefix: output)
        timed = ([], ["actors": signed.nodeCount, "relations": signed.edgeCount, "prefix": output])
    }

    facts["seconds"] = timed.seconds
    return facts.merging(timed.facts) { _, run in run }
}

/// The estimator for the approximate ops, its bound from the options.
func sampling(_ options: BenchOptions, seed: UInt64, method: BetweennessSampling.Method) throws -> BetweennessSampling {
    do {
        return try BetweennessSampling(epsilon: options.epsilon, delta: options.delta, seed: seed, method: method)
    } catch {
        throw BenchFailure(message: "\(error)", status: 64)
    }
}

/// Exact normalised betweenness (networkx's normalisation, as the estimates), and the seconds
/// it took; the reference the approximate ops' errors are measured against.
func exactBetweenness(_ view: NetworkView, distance: Distance, threads: Int?) -> (values: [Double], seconds: Double) {
    let clock = ContinuousClock(), start = clock.now
    let values = Betweenness(distance: distance, threads: threads).run(on: view).values
    return (values, (clock.now - start).seconds)
}

/// The largest |estimate − exact| over the actors: what the bound "every value within ε" is about.
func maxError(_ estimate: [Double], _ exact: [Double]) -> Double {
    zip(estimate, exact).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? -1
}

/// Every edge of `view` as four little-endian arrays (`PREFIX.source.u32`, `.target.u32`,
/// `.sign.i8`, `.weight.f64`), so the peers are handed exactly the graph ActorNet reads.
func exportEdges(_ view: NetworkView, prefix: String) throws {
    func bytes<T>(_ values: [T]) -> [UInt8] { values.withUnsafeBytes { Array($0) } }
    do {
        try AtomicFile.write(bytes(Array(view.edgeSource).map(\.littleEndian)), to: prefix + ".source.u32")
        try AtomicFile.write(bytes(Array(view.edgeTarget).map(\.littleEndian)), to: prefix + ".target.u32")
        try AtomicFile.write(bytes(Array(view.edgeSign)), to: prefix + ".sign.i8")
        try AtomicFile.write(bytes(view.edgeWeight.map(\.bitPattern.littleEndian)), to: prefix + ".weight.f64")
    } catch {
        throw BenchFailure(message: "\(error)", status: 73)
    }
}

/// This process's peak resident set so far, in KiB.
func peakResidentKiB() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
    #else
    getrusage(RUSAGE_SELF, &usage)
    return usage.ru_maxrss / 1024  // bytes on Darwin
    #endif
}
