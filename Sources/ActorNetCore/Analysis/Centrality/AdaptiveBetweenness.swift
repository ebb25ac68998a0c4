import Foundation

/// Approximate betweenness by adaptive shortest-path sampling (KADABRA: Borassi and Natale,
/// "KADABRA is an ADaptive Algorithm for Betweenness via Random Approximation", ESA 2016,
/// doi:10.4230/LIPIcs.ESA.2016.20; journal version ACM JEA 24, 2019, doi:10.1145/3284359).
///
/// Each sample draws an ordered pair of distinct actors (s, t) uniformly, then one shortest
/// s–t path uniformly among all of them, and counts one for every actor inside it. The count of
/// v over τ samples, divided by τ, is an unbiased estimate of
/// b(v) = 1/(n(n − 1)) Σ_{s ≠ t} σ_st(v)/σ_st.
///
/// - Paths: unweighted views search from both ends at once, always growing the side whose
///   frontier has fewer links (balanced bidirectional BFS), and stop at the level where the two
///   balls meet; every link joining them then closes a shortest path, and the path is drawn
///   through one of them with probability proportional to σ(s, x)·σ(y, t), then back to each
///   end choosing predecessors in proportion to their path counts. Weighted views do the same
///   with Dijkstra from both ends (the side that has scanned fewer links grows next; it stops
///   once the two frontiers' least keys add up to more than the shortest s–t length found; see
///   `PathSampler.weightedPath`).
/// - How many: at most ω = (c/λ²)(⌊log₂(VD − 2)⌋ + 1 + ln(2/δ)) samples, c = 0.5, where VD
///   bounds the number of actors on any shortest path (the vertex diameter): for an unweighted
///   undirected view, per component, 1 + the two largest distances from one of its actors;
///   otherwise the size of the largest weakly connected component. With probability 1 − δ/2
///   that many samples put every estimate within λ (Riondato and Kornaropoulos, DMKD 30, 2016,
///   doi:10.1007/s10618-015-0423-0).
/// - When to stop: a first run of ω/100 samples guesses each actor's betweenness, which spreads
///   the other δ/2 over the actors as δ_L(v), δ_U(v) (more to the actors whose estimate is
///   large, as KADABRA's `computeDelta`); then sampling stops as soon as, for every actor,
///   f(b̃(v), δ_L(v)) < λ and g(b̃(v), δ_U(v)) < λ (the paper's Theorem 5 bounds, from a
///   martingale inequality), or at ω. So with probability at least 1 − δ every actor's
///   estimate is within λ of b(v).
///
/// Deterministic for a seed, whatever the number of threads: the samples come from eight
/// random streams (`SamplerPool`), each batch split among them in fixed shares; threads take
/// whole streams, and the counts they add are integers, so their sum is exact in any order.
struct AdaptiveBetweenness {
    /// The bound on b(v) (the caller converts from the output's scale).
    let lambda: Double
    let delta: Double
    let seed: UInt64
    /// Count s and t on their own path (networkx's `endpoints`).
    let endpoints: Bool
    /// Worker threads; nil: every core. The result does not depend on it.
    var threads: Int? = nil

    struct Outcome {
        /// Per actor: the estimate of b(v) (with endpoints, of networkx's endpoints-normalised
        /// value).
        var values: [Double]
        /// Samples taken after the first run (the estimate's), and the most allowed.
        var samples: Int
        var omega: Int
        /// The vertex-diameter bound used.
        var vertexDiameter: Int
    }

    static let c = 0.5
    /// The first run's share of ω (KADABRA's `startFactor`).
    static let startFactor = 100.0
    /// The share of δ/2 given evenly to every actor, whatever its guess (KADABRA's balancing).
    static let balancing = 0.001
    /// Samples between two checks of the stopping rule.
    static let batch = 256
    /// Independent random streams the samples are drawn from (`SamplerPool`).
    static let streams = 8

    /// Stops early, with what it has, when the thread's `Cancellation` is set (its caller
    /// discards the result).
    func run(graph: PathGraph, weighted: Bool, progress: ProgressHandler?) -> Outcome {
        let n = graph.nodeCount
        let cancellation = Cancellation.current
        guard n >= 2 else { return Outcome(values: [Double](repeating: 0, count: n), samples: 0, omega: 0, vertexDiameter: n) }
        let components = WeakComponents(graph)
        let vd = weighted || graph.directed ? components.largest : Self.undirectedVertexDiameter(graph, components)
        // With at most two actors on every shortest path, none lies inside one.
        guard vd > 2 || endpoints else {
            return Outcome(values: [Double](repeating: 0, count: n), samples: 0, omega: 0, vertexDiameter: vd)
        }
        let diameterTerm = vd > 2 ? floor(log2(Double(vd - 2))) : 0
        let omega = Int((Self.c / (lambda * lambda) * (diameterTerm + 1 + log(2 / delta))).rounded(.up))
        let pool = SamplerPool(graph: graph, weighted: weighted, components: components.of, seed: seed,
                               threads: threads ?? ParallelSources.defaultThreads, endpoints: endpoints)
        defer { pool.deallocate() }
        var counts = [Double](repeating: 0, count: n)

        // The first run: guesses that decide how δ/2 is spread.
        let first = max(1, Int(Double(omega) / Self.startFactor))
        var guessed = 0
        while guessed < first {
            if cancellation?.isCancelled == true { break }
            let steps = min(Self.batch * Self.streams, first - guessed)
            pool.draw(steps, into: &counts)
            guessed += steps
        }
        let guesses = counts.map { $0 / Double(first) }
        let (deltaL, deltaU) = Self.spread(delta: delta, lambda: lambda, guesses: guesses)
        let logL = deltaL.map { log(1 / $0) }, logU = deltaU.map { log(1 / $0) }

        for v in 0..<n { counts[v] = 0 }
        // The rule costs O(n) to check: at least every 256 samples, less often on large graphs.
        let batch = max(Self.batch, n / 64)
        var tau = 0
        while tau < omega {
            if cancellation?.isCancelled == true { break }
            let steps = min(batch, omega - tau)
            pool.draw(steps, into: &counts)
            tau += steps
            progress?(tau, omega)
            if Self.finished(counts: counts, tau: tau, omega: omega, lambda: lambda, logL: logL, logU: logU) { break }
        }
        return Outcome(values: counts.map { $0 / Double(max(1, tau)) }, samples: tau, omega: omega, vertexDiameter: vd)
    }

    /// Whether every actor's estimate is within λ by the bounds f (below) and g (above).
    static func finished(counts: [Double], tau: Int, omega: Int, lambda: Double, logL: [Double], logU: [Double]) -> Bool {
        let t = Double(tau), w = Double(omega)
        for v in counts.indices {
            let b = counts[v] / t
            if lower(b, t, w, logL[v]) >= lambda || upper(b, t, w, logU[v]) >= lambda { return false }
        }
        return true
    }

    /// f: with probability 1 − δ_L, b(v) > b̃(v) − f (never below 0).
    @inline(__always)
    static func lower(_ b: Double, _ tau: Double, _ omega: Double, _ logInverseDelta: Double) -> Double {
        let a = omega / tau - 1.0 / 3
        let bound = logInverseDelta / tau * (-a + (a * a + 2 * b * omega / logInverseDelta).squareRoot())
        return min(bound, b)
    }

    /// g: with probability 1 − δ_U, b(v) < b̃(v) + g (never above 1).
    @inline(__always)
    static func upper(_ b: Double, _ tau: Double, _ omega: Double, _ logInverseDelta: Double) -> Double {
        let a = omega / tau + 1.0 / 3
        let bound = logInverseDelta / tau * (a + (a * a + 2 * b * omega / logInverseDelta).squareRoot())
        return min(bound, 1 - b)
    }

    /// δ_L(v) = δ_U(v) = exp(−C λ²/b̃₀(v)) + δβ/(4n), with C the smallest (by bisection) that
    /// keeps Σ_v δ_L(v) + δ_U(v) ≤ δ/2: actors guessed central get the larger shares.
    static func spread(delta: Double, lambda: Double, guesses: [Double]) -> (lower: [Double], upper: [Double]) {
        let n = Double(guesses.count)
        let floorShare = delta * balancing / 4 / n
        let budget = delta / 2 * (1 - balancing)
        func total(_ c: Double) -> Double {
            var sum = 0.0
            for b in guesses where b > 0 { sum += 2 * exp(-c * lambda * lambda / b) }
            return sum
        }
        // At `high` each of the 2n terms is at most budget / 2n (b̃ ≤ 1); the bisection keeps
        // `high` within the budget.
        var low = 0.0, high = 1 / (lambda * lambda) * log(4 * n / (delta * (1 - balancing)))
        while high - low > lambda / 10 {
            let middle = (low + high) / 2
            if total(middle) >= budget { low = middle } else { high = middle }
        }
        let shares = guesses.map { b in (b > 0 ? exp(-high * lambda * lambda / b) : 0) + floorShare }
        return (shares, shares)
    }

    /// The vertex diameter of an unweighted undirected graph, bounded per component from one
    /// breadth-first search: every shortest path is at most d(u, r) + d(r, w) links long.
    static func undirectedVertexDiameter(_ graph: PathGraph, _ components: WeakComponents) -> Int {
        let n = graph.nodeCount
        var distance = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var best = 1
        for root in 0..<n where distance[root] < 0 {
            distance[root] = 0
            queue[0] = Int32(root)
            var head = 0, tail = 1
            var first: Int32 = 0, second: Int32 = 0
            while head < tail {
                let v = Int(queue[head])
                head += 1
                let d = distance[v]
                if d > first { second = first; first = d } else if d > second { second = d }
                for l in graph.offsets[v]..<graph.offsets[v + 1] {
                    let w = Int(graph.heads[l])
                    if distance[w] < 0 {
                        distance[w] = d + 1
                        queue[tail] = Int32(w)
                        tail += 1
                    }
                }
            }
            // `first` and `second` are distances of two different actors (or 0).
            best = max(best, min(tail, Int(first) + Int(second) + 1))
        }
        return best
    }
}

/// Weakly connected components of a path graph: pairs in different ones have no path.
struct WeakComponents {
    /// Per node: its component's index.
    let of: [Int32]
    /// The size of the largest.
    let largest: Int

    init(_ graph: PathGraph) {
        let n = graph.nodeCount
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for l in graph.heads.indices {
            let a = find(Int(graph.tails[l])), b = find(Int(graph.heads[l]))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var index = [Int32](repeating: -1, count: n)
        var of = [Int32](repeating: 0, count: n)
        var sizes: [Int] = []
        for v in 0..<n {
            let r = find(v)
            if index[r] < 0 {
                index[r] = Int32(sizes.count)
                sizes.append(0)
            }
            of[v] = index[r]
            sizes[Int(index[r])] += 1
        }
        self.of = of
        largest = sizes.max() ?? 0
    }
}

/// The samplers and random streams of one `AdaptiveBetweenness` run. Every batch of samples
/// is split among `AdaptiveBetweenness.streams` streams in fixed shares (the first `steps mod
/// streams` streams take one more); worker threads take whole streams from a shared counter,
/// each with a `PathSampler` and a count row of its own, and the rows are added into the
/// caller's counts after the batch. A stream's generator is only ever advanced by its own
/// samples, and counts are whole numbers (exact in a double), so the result is the same on one
/// core or many, whichever worker drew which stream.
final class SamplerPool: @unchecked Sendable {
    private let samplers: [PathSampler]
    private let rows: [UnsafeMutableBufferPointer<Double>]
    private let generators: UnsafeMutablePointer<Xoshiro256StarStar>
    private let endpoints: Bool
    private let n: Int

    init(graph: PathGraph, weighted: Bool, components: [Int32], seed: UInt64, threads: Int, endpoints: Bool) {
        let workers = max(1, min(threads, AdaptiveBetweenness.streams))
        n = graph.nodeCount
        samplers = (0..<workers).map { _ in PathSampler(graph: graph, weighted: weighted, components: components) }
        rows = (0..<workers).map { _ in
            let row = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, graph.nodeCount))
            row.initialize(repeating: 0)
            return row
        }
        // Stream 0 is the seed's own generator; the others are seeded from it.
        var root = Xoshiro256StarStar(seed: seed)
        generators = .allocate(capacity: AdaptiveBetweenness.streams)
        generators.initialize(to: Xoshiro256StarStar(seed: seed))
        for k in 1..<AdaptiveBetweenness.streams {
            (generators + k).initialize(to: Xoshiro256StarStar(seed: root.next()))
        }
        self.endpoints = endpoints
    }

    func deallocate() {
        for row in rows { row.deallocate() }
        generators.deinitialize(count: AdaptiveBetweenness.streams)
        generators.deallocate()
    }

    /// Draws `steps` samples and adds each path's actors to `counts`.
    func draw(_ steps: Int, into counts: inout [Double]) {
        let streams = AdaptiveBetweenness.streams
        let next = WorkCounter(end: streams)
        let work: @Sendable (Int) -> Void = { [self] worker in
            let sampler = samplers[worker], row = rows[worker].baseAddress!
            while let taken = next.take(1) {
                let k = taken.lowerBound
                let share = steps / streams + (k < steps % streams ? 1 : 0)
                var random = generators[k]
                for _ in 0..<share { sampler.sample(&random, endpoints: endpoints) { row[$0] += 1 } }
                generators[k] = random
            }
        }
        let workers = steps >= 64 ? samplers.count : 1
        ParallelSources.runWorkers(workers, work)
        for row in rows.prefix(workers) {
            for v in 0..<n where row[v] != 0 {
                counts[v] += row[v]
                row[v] = 0
            }
        }
    }
}

/// Draws one shortest path between a uniformly drawn ordered pair of distinct actors (see
/// `AdaptiveBetweenness`), reusing its buffers from sample to sample. The hot loops read raw
/// buffers the sampler owns (as `ShortestPathCounter` does): no bounds checks, no exclusivity
/// checks on the instance's arrays, no allocation per sample.
final class PathSampler {
    let n: Int
    let weighted: Bool
    let component: [Int32]
    /// Links out of each node (`outOffsets[v]..<outOffsets[v + 1]` into `outHeads`), and into
    /// each node (the same buffers when the graph is undirected).
    private let outOffsets: UnsafeMutablePointer<Int>, outHeads: UnsafeMutablePointer<Int32>
    private let inOffsets: UnsafeMutablePointer<Int>, inHeads: UnsafeMutablePointer<Int32>
    private let ownsIn: Bool
    /// Bidirectional search: 0 not reached, 1 reached from s, 2 reached (backwards) from t.
    private let side: UnsafeMutablePointer<UInt8>
    private let level: UnsafeMutablePointer<Int32>
    private let sigma: UnsafeMutablePointer<Double>
    /// Every node reached by the current sample, to clear `side` after it.
    private let reached: UnsafeMutablePointer<Int32>
    /// The two frontiers and the level being built, swapped as the search goes.
    private var frontierA: UnsafeMutablePointer<Int32>, frontierB: UnsafeMutablePointer<Int32>,
                frontierC: UnsafeMutablePointer<Int32>
    /// The inner nodes of the path drawn.
    private let path: UnsafeMutablePointer<Int32>
    private var pathCount = 0
    private var meeting: [(Int32, Int32)] = []
    /// Weighted: the links' lengths out of and into each node (as the heads above), each
    /// side's distances (infinite when not reached), the backward path counts (the forward ones
    /// are `sigma`), and a heap per side; `side` holds the four bits below.
    private let outLengths: UnsafeMutablePointer<Double>, inLengths: UnsafeMutablePointer<Double>
    private let distForward: UnsafeMutablePointer<Double>, distBackward: UnsafeMutablePointer<Double>
    private let sigmaBackward: UnsafeMutablePointer<Double>
    private var heapForward: IndexedHeap, heapBackward: IndexedHeap
    private var meetingPaths: [Double] = []
    private static let reachedForward: UInt8 = 1, settledForward: UInt8 = 2
    private static let reachedBackward: UInt8 = 4, settledBackward: UInt8 = 8

    init(graph: PathGraph, weighted: Bool, components: [Int32]) {
        n = graph.nodeCount
        self.weighted = weighted
        component = components
        func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, array.count))
            _ = UnsafeMutableBufferPointer(start: p, count: array.count).initialize(from: array)
            return p
        }
        outOffsets = copy(graph.offsets)
        outHeads = copy(graph.heads)
        outLengths = weighted ? copy(graph.lengths) : .allocate(capacity: 1)
        if graph.directed {
            let reverse = graph.reversed()
            inOffsets = copy(reverse.offsets)
            inHeads = copy(reverse.heads)
            inLengths = weighted ? copy(reverse.lengths) : .allocate(capacity: 1)
            ownsIn = true
        } else {
            inOffsets = outOffsets
            inHeads = outHeads
            inLengths = outLengths
            ownsIn = false
        }
        let size = max(1, n)
        side = .allocate(capacity: size)
        side.initialize(repeating: 0, count: size)
        level = .allocate(capacity: size)
        level.initialize(repeating: 0, count: size)
        sigma = .allocate(capacity: size)
        sigma.initialize(repeating: 0, count: size)
        reached = .allocate(capacity: size)
        frontierA = .allocate(capacity: size)
        frontierB = .allocate(capacity: size)
        frontierC = .allocate(capacity: size)
        path = .allocate(capacity: size)
        let weightedSize = weighted ? size : 1
        distForward = .allocate(capacity: weightedSize)
        distForward.initialize(repeating: .infinity, count: weightedSize)
        distBackward = .allocate(capacity: weightedSize)
        distBackward.initialize(repeating: .infinity, count: weightedSize)
        sigmaBackward = .allocate(capacity: weightedSize)
        sigmaBackward.initialize(repeating: 0, count: weightedSize)
        heapForward = IndexedHeap(capacity: weightedSize)
        heapBackward = IndexedHeap(capacity: weightedSize)
    }

    deinit {
        outOffsets.deallocate()
        outHeads.deallocate()
        outLengths.deallocate()
        if ownsIn {
            inOffsets.deallocate()
            inHeads.deallocate()
            inLengths.deallocate()
        }
        distForward.deallocate()
        distBackward.deallocate()
        sigmaBackward.deallocate()
        heapForward.deallocate()
        heapBackward.deallocate()
        side.deallocate()
        level.deallocate()
        sigma.deallocate()
        reached.deallocate()
        frontierA.deallocate()
        frontierB.deallocate()
        frontierC.deallocate()
        path.deallocate()
    }

    /// Draws a pair and a path, and calls `visit` for every actor inside it (and for its ends
    /// with `endpoints`, when there is a path).
    func sample(_ random: inout Xoshiro256StarStar, endpoints: Bool, _ visit: (Int) -> Void) {
        let s = random.nextInt(below: n)
        var t = random.nextInt(below: n - 1)
        if t >= s { t += 1 }
        guard component[s] == component[t], draw(from: s, to: t, &random) else { return }
        for i in 0..<pathCount { visit(Int(path[i])) }
        if endpoints {
            visit(s)
            visit(t)
        }
    }

    /// Draws one shortest s–t path (s ≠ t): false when there is none; otherwise `inner` holds its
    /// inner nodes (in no fixed order) and `shortestPaths` the number of shortest s–t paths it was drawn from.
    func draw(from s: Int, to t: Int, _ random: inout Xoshiro256StarStar) -> Bool {
        pathCount = 0
        shortestPaths = 0
        return weighted ? weightedPath(s, t, &random) : bidirectionalPath(s, t, &random)
    }

    /// The inner nodes of the last path drawn.
    var inner: [Int] { (0..<pathCount).map { Int(path[$0]) } }
    private(set) var shortestPaths = 0.0

    /// Balanced bidirectional BFS; fills `path` with the inner nodes of a uniformly drawn
    /// shortest s–t path. False when t is not reachable from s.
    private func bidirectionalPath(_ s: Int, _ t: Int, _ random: inout Xoshiro256StarStar) -> Bool {
        let side = side, level = level, sigma = sigma, reached = reached
        meeting.removeAll(keepingCapacity: true)
        side[s] = 1; level[s] = 0; sigma[s] = 1
        side[t] = 2; level[t] = 0; sigma[t] = 1
        reached[0] = Int32(truncatingIfNeeded: s)
        reached[1] = Int32(truncatingIfNeeded: t)
        var reachedCount = 2
        defer { for i in 0..<reachedCount { side[Int(reached[i])] = 0 } }
        // Each side's frontier and the links out of it (forward from s, backward from t): the
        // side with fewer grows next.
        var sFrontier = frontierA, tFrontier = frontierB, next = frontierC
        defer { frontierA = sFrontier; frontierB = tFrontier; frontierC = next }
        sFrontier[0] = Int32(truncatingIfNeeded: s)
        tFrontier[0] = Int32(truncatingIfNeeded: t)
        var sCount = 1, tCount = 1
        var sLinks = outOffsets[s + 1] - outOffsets[s]
        var tLinks = inOffsets[t + 1] - inOffsets[t]
        var met = false
        while !met {
            let forward = sLinks <= tLinks
            if (forward ? sLinks : tLinks) == 0 { return false }
            let offsets = forward ? outOffsets : inOffsets, heads = forward ? outHeads : inHeads
            let mine: UInt8 = forward ? 1 : 2
            let frontier = forward ? sFrontier : tFrontier
            let count = forward ? sCount : tCount
            var nextCount = 0, nextLinks = 0
            for i in 0..<count {
                let x = Int(frontier[i])
                let lx = level[x], sx = sigma[x]
                var l = offsets[x]
                let end = offsets[x &+ 1]
                while l < end {
                    let y = Int(heads[l])
                    l &+= 1
                    let sy = side[y]
                    if sy == 0 {
                        side[y] = mine
                        level[y] = lx &+ 1
                        sigma[y] = sx
                        reached[reachedCount] = Int32(truncatingIfNeeded: y)
                        reachedCount &+= 1
                        next[nextCount] = Int32(truncatingIfNeeded: y)
                        nextCount &+= 1
                        nextLinks &+= offsets[y &+ 1] - offsets[y]
                    } else if sy != mine {
                        met = true
                        // Oriented s-side first.
                        meeting.append(forward ? (Int32(truncatingIfNeeded: x), Int32(truncatingIfNeeded: y))
                                               : (Int32(truncatingIfNeeded: y), Int32(truncatingIfNeeded: x)))
                    } else if level[y] == lx &+ 1 {
                        sigma[y] += sx
                    }
                }
            }
            if forward {
                swap(&sFrontier, &next)
                sCount = nextCount
                sLinks = nextLinks
            } else {
                swap(&tFrontier, &next)
                tCount = nextCount
                tLinks = nextLinks
            }
        }
        // A meeting link (x, y) closes σ(s, x)·σ(y, t) shortest paths.
        var total = 0.0
        for (x, y) in meeting { total += sigma[Int(x)] * sigma[Int(y)] }
        shortestPaths = total
        var pick = random.nextDouble() * total
        var chosen = meeting[meeting.count - 1]
        for (x, y) in meeting {
            pick -= sigma[Int(x)] * sigma[Int(y)]
            if pick < 0 { chosen = (x, y); break }
        }
        // Back from x to s over links into x; forward from y to t over links out of y.
        walk(from: Int(chosen.0), towards: s, offsets: inOffsets, heads: inHeads, side: 1, &random)
        walk(from: Int(chosen.1), towards: t, offsets: outOffsets, heads: outHeads, side: 2, &random)
        return true
    }

    /// Appends v and its predecessors up to (not including) `end`, each predecessor drawn in
    /// proportion to its path count: one uniformly drawn shortest path.
    private func walk(from start: Int, towards end: Int, offsets: UnsafeMutablePointer<Int>,
                      heads: UnsafeMutablePointer<Int32>, side mine: UInt8, _ random: inout Xoshiro256StarStar) {
        let side = side, level = level, sigma = sigma
        var v = start
        while v != end {
            path[pathCount] = Int32(truncatingIfNeeded: v)
            pathCount &+= 1
            let lv = level[v]
            var pick = random.nextDouble() * sigma[v]
            var next = -1
            for l in offsets[v]..<offsets[v + 1] {
                let w = Int(heads[l])
                guard side[w] == mine, level[w] == lv &- 1 else { continue }
                next = w
                pick -= sigma[w]
                if pick < 0 { break }
            }
            guard next >= 0 else { return }  // cannot happen: every inner node has a predecessor
            v = next
        }
    }

    /// Balanced bidirectional Dijkstra with path counts on both sides; fills `path` with the
    /// inner nodes of a uniformly drawn shortest s–t path. False when t is not reachable.
    ///
    /// The forward search settles nodes by their distance from s over links out of them, the
    /// backward one by their distance to t over links into them; each step grows the side that
    /// has scanned fewer links. μ, the shortest s–t length seen, is lowered whenever a link
    /// joins a node reached forward to one reached backward. The search stops when the two
    /// frontiers' least keys r_F + r_B exceed μ (by more than the tie tolerance): then μ is the
    /// distance D, and every node v on a shortest path is settled on one side at least (d(s, v)
    /// < r_F, or else d(v, t) = D − d(s, v) < r_B). Along a shortest path the forward-settled
    /// nodes are a prefix, so each path leaves that prefix by exactly one link (x, y) with y
    /// settled backward: the path is drawn through such a link in proportion to σ(s, x)·σ(y, t),
    /// then back to s and on to t choosing neighbours in proportion to their path counts. When t
    /// itself is settled forward, the path is drawn back from t alone. Ties use the exact
    /// search's rule (lengths within a relative 1e-10), except that a link into a node already
    /// settled on its side is never a tie (it would need a link 1e-10 of the path's length).
    private func weightedPath(_ s: Int, _ t: Int, _ random: inout Xoshiro256StarStar) -> Bool {
        let mark = side, distF = distForward, distB = distBackward, sigmaF = sigma, sigmaB = sigmaBackward
        let reached = reached, settledF = frontierA, settledB = frontierB
        var touched = 0
        defer {
            for i in 0..<touched {
                let v = Int(reached[i])
                mark[v] = 0
                distF[v] = .infinity
                distB[v] = .infinity
            }
            heapForward.removeAll()
            heapBackward.removeAll()
        }
        mark[s] = Self.reachedForward
        distF[s] = 0
        sigmaF[s] = 1
        mark[t] = Self.reachedBackward
        distB[t] = 0
        sigmaB[t] = 1
        reached[0] = Int32(truncatingIfNeeded: s)
        reached[1] = Int32(truncatingIfNeeded: t)
        touched = 2
        heapForward.push(s, key: 0)
        heapBackward.push(t, key: 0)
        var mu = Double.infinity
        var countF = 0, countB = 0, workF = 0, workB = 0
        while !heapForward.isEmpty && !heapBackward.isEmpty {
            if heapForward.minKey + heapBackward.minKey > mu * (1 + 1e-9) { break }
            let forward = workF <= workB
            let offsets = forward ? outOffsets : inOffsets, heads = forward ? outHeads : inHeads
            let lengths = forward ? outLengths : inLengths
            let dist = forward ? distF : distB, other = forward ? distB : distF
            let sig = forward ? sigmaF : sigmaB
            let reachedMine = forward ? Self.reachedForward : Self.reachedBackward
            let settledMine = forward ? Self.settledForward : Self.settledBackward
            let reachedOther = forward ? Self.reachedBackward : Self.reachedForward
            let (v, d) = forward ? heapForward.popMin() : heapBackward.popMin()
            mark[v] |= settledMine
            if forward {
                settledF[countF] = Int32(truncatingIfNeeded: v)
                countF &+= 1
            } else {
                settledB[countB] = Int32(truncatingIfNeeded: v)
                countB &+= 1
            }
            let sv = sig[v]
            var l = offsets[v]
            let end = offsets[v &+ 1]
            if forward { workF &+= end &- l } else { workB &+= end &- l }
            while l < end {
                let w = Int(heads[l])
                let vw = d + lengths[l]
                l &+= 1
                let mw = mark[w]
                if mw & reachedOther != 0 { mu = min(mu, vw + other[w]) }
                if mw & settledMine != 0 { continue }
                if mw & reachedMine == 0 {
                    if mw == 0 {
                        reached[touched] = Int32(truncatingIfNeeded: w)
                        touched &+= 1
                    }
                    mark[w] = mw | reachedMine
                    dist[w] = vw
                    sig[w] = sv
                    if forward { heapForward.push(w, key: vw) } else { heapBackward.push(w, key: vw) }
                    continue
                }
                let dw = dist[w]
                if abs(vw - dw) <= 1e-10 * max(vw, dw) {
                    sig[w] += sv
                } else if vw < dw {
                    dist[w] = vw
                    sig[w] = sv
                    if forward { heapForward.decrease(w, key: vw) } else { heapBackward.decrease(w, key: vw) }
                }
            }
        }
        guard mu < .infinity else { return false }
        if mark[t] & Self.settledForward != 0 {
            shortestPaths = sigmaF[t]
            walkWeighted(from: t, to: s, offsets: inOffsets, heads: inHeads, lengths: inLengths,
                         dist: distF, sigma: sigmaF, settled: Self.settledForward, includeStart: false, &random)
            return true
        }
        // The links leaving the forward-settled prefix into backward-settled nodes on a shortest
        // path, found from whichever side scanned fewer links.
        meeting.removeAll(keepingCapacity: true)
        meetingPaths.removeAll(keepingCapacity: true)
        var total = 0.0
        @inline(__always) func consider(_ x: Int, _ y: Int, _ length: Double) {
            guard mark[x] & Self.settledForward != 0,
                  mark[y] & (Self.settledForward | Self.settledBackward) == Self.settledBackward else { return }
            let through = distF[x] + length + distB[y]
            guard abs(through - mu) <= 1e-10 * max(through, mu) else { return }
            let paths = sigmaF[x] * sigmaB[y]
            meeting.append((Int32(truncatingIfNeeded: x), Int32(truncatingIfNeeded: y)))
            meetingPaths.append(paths)
            total += paths
        }
        if workF <= workB {
            for i in 0..<countF {
                let x = Int(settledF[i])
                for l in outOffsets[x]..<outOffsets[x + 1] { consider(x, Int(outHeads[l]), outLengths[l]) }
            }
        } else {
            for i in 0..<countB {
                let y = Int(settledB[i])
                for l in inOffsets[y]..<inOffsets[y + 1] { consider(Int(inHeads[l]), y, inLengths[l]) }
            }
        }
        guard !meeting.isEmpty else { return false }  // cannot happen: see above
        shortestPaths = total
        var pick = random.nextDouble() * total
        var chosen = meeting[meeting.count - 1]
        for i in meeting.indices {
            pick -= meetingPaths[i]
            if pick < 0 { chosen = meeting[i]; break }
        }
        // Back from x to s over links into x; on from y to t over links out of y.
        walkWeighted(from: Int(chosen.0), to: s, offsets: inOffsets, heads: inHeads, lengths: inLengths,
                     dist: distF, sigma: sigmaF, settled: Self.settledForward, includeStart: true, &random)
        walkWeighted(from: Int(chosen.1), to: t, offsets: outOffsets, heads: outHeads, lengths: outLengths,
                     dist: distB, sigma: sigmaB, settled: Self.settledBackward, includeStart: true, &random)
        return true
    }

    /// From `start` towards `end` (not included), each step to a neighbour settled on the given
    /// side whose distance plus the link's length is the current node's, drawn in proportion
    /// to its path count; appends the nodes passed (and `start` with `includeStart`, unless it
    /// is the end).
    private func walkWeighted(from start: Int, to end: Int, offsets: UnsafeMutablePointer<Int>,
                              heads: UnsafeMutablePointer<Int32>, lengths: UnsafeMutablePointer<Double>,
                              dist: UnsafeMutablePointer<Double>, sigma: UnsafeMutablePointer<Double>,
                              settled: UInt8, includeStart: Bool, _ random: inout Xoshiro256StarStar) {
        let mark = side
        var v = start
        if includeStart, v != end {
            path[pathCount] = Int32(truncatingIfNeeded: v)
            pathCount &+= 1
        }
        while true {
            let dv = dist[v]
            var pick = random.nextDouble() * sigma[v]
            var next = -1
            for l in offsets[v]..<offsets[v + 1] {
                let w = Int(heads[l])
                guard mark[w] & settled != 0 else { continue }
                let through = dist[w] + lengths[l]
                guard abs(through - dv) <= 1e-10 * max(through, dv) else { continue }
                next = w
                pick -= sigma[w]
                if pick < 0 { break }
            }
            if next == end || next < 0 { return }
            path[pathCount] = Int32(truncatingIfNeeded: next)
            pathCount &+= 1
            v = next
        }
    }
}
