/// A good split of one block into two camps, by multi-start iterated local search.
///
/// Each start builds a split, then improves it by single-actor moves: an actor changes camp when
/// that frustrates fewer ties (the relocation step of Doreian & Mrvar 1996, Social Networks
/// 18(2):149–168, doi:10.1016/0378-8733(95)00259-6, for two camps). Every actor's *gain* — what
/// moving it would save — is kept up to date, so a move costs O(deg) and only the neighbours of
/// moved actors are looked at again (a work queue, first in first out).
///
/// A local optimum is then kicked: a small connected group (grown breadth first from a random
/// actor, so allies tend to move together) changes camp at once, moves run again, and the
/// result is kept if it is no worse — else every move of the round is undone, again in O(deg)
/// each. This is iterated
/// local search (Lourenço, Martin & Stützle 2003, "Iterated local search", *Handbook of
/// Metaheuristics* pp. 321–353); accepting equal cost lets the search drift across the
/// plateaus that frustration landscapes are full of.
///
/// Starts: the first colours a breadth-first spanning tree so that every tree tie is satisfied
/// (the split a balanced graph has); the second takes the signs of the leading eigenvector of the
/// signed adjacency matrix (spectral, found by power iteration on A + σI, σ the largest weighted
/// degree, so the largest *algebraic* eigenvalue leads); the others are uniformly random from a
/// seeded generator. The result is a deterministic function of the graph and the seed. The
/// caller may stop the starts early, when a lower bound proves the best split optimal.
///
/// - Complexity: O(m) per start, O(100 m) for the spectral start, and per kick O(Σ deg) over
///   the actors it moves; O(n + m) memory.
final class FrustrationLocalSearch {
    struct Outcome {
        var camps: [UInt8]
        var value: Double
        var restarts: Int
        var iterations: Int
        var moves: Int
    }

    private let graph: FrustrationSubgraph
    private let n: Int
    private let tolerance: Double
    private let offsets: UnsafeMutablePointer<Int>
    private let neighbors: UnsafeMutablePointer<Int>
    private let weights: UnsafeMutablePointer<Double>
    private let negative: UnsafeMutablePointer<Bool>
    private let camp: UnsafeMutablePointer<UInt8>
    private let gain: UnsafeMutablePointer<Double>
    private let queue: UnsafeMutablePointer<Int>
    private let queued: UnsafeMutablePointer<Bool>
    private let marked: UnsafeMutablePointer<Bool>
    private var queueHead = 0, queueCount = 0
    private var log: [Int] = []
    private var cluster: [Int] = []
    private var cost = 0.0
    private var moves = 0

    init(_ graph: FrustrationSubgraph) {
        self.graph = graph
        let n = graph.vertexCount
        self.n = n
        self.tolerance = graph.integral ? 0.5 : 1e-12 * max(1, graph.totalWeight)
        let arcs = max(graph.neighbors.count, 1)
        offsets = .allocate(capacity: n + 1)
        offsets.initialize(from: graph.offsets, count: n + 1)
        neighbors = .allocate(capacity: arcs)
        neighbors.initialize(from: graph.neighbors, count: graph.neighbors.count)
        weights = .allocate(capacity: arcs)
        weights.initialize(from: graph.weights, count: graph.weights.count)
        negative = .allocate(capacity: arcs)
        negative.initialize(from: graph.negative, count: graph.negative.count)
        let size = max(n, 1)
        camp = .allocate(capacity: size); camp.initialize(repeating: 0, count: size)
        gain = .allocate(capacity: size); gain.initialize(repeating: 0, count: size)
        queue = .allocate(capacity: size); queue.initialize(repeating: 0, count: size)
        queued = .allocate(capacity: size); queued.initialize(repeating: false, count: size)
        marked = .allocate(capacity: size); marked.initialize(repeating: false, count: size)
    }

    deinit {
        offsets.deallocate(); neighbors.deallocate(); weights.deallocate(); negative.deallocate()
        camp.deallocate(); gain.deallocate(); queue.deallocate(); queued.deallocate(); marked.deallocate()
    }

    /// Runs up to `restarts` starts of `iterations` kicks each; the largest group a kick moves
    /// is `kickSize` actors. After a start that improved on the best split, `isOptimal` is asked
    /// about it (e.g. whether a lower bound meets it); if it says yes, the search stops there.
    /// When `restarts` starts leave the best split unproven, up to `restarts` more are run: a
    /// start that lands in a poor basin (seen on one Correlates of War window, 22 % above the
    /// optimum after 8 starts) then gets a second chance, at twice the cost only where the
    /// lower bound cannot vouch for the answer.
    func run(restarts: Int, iterations: Int, kickSize: Int, seed: UInt64,
             isOptimal: (_ camps: [UInt8], _ cost: Double) -> Bool) -> Outcome {
        var best = [UInt8](repeating: 0, count: n)
        var bestCost = Double.infinity
        var random = SplitMix64(seed: seed)
        let kick = max(1, min(kickSize, n - 1))
        var started = 0, kicks = 0
        let cancellation = Cancellation.current
        for start in 0..<(2 * restarts) {
            if start > 0, cancellation?.isCancelled == true { break }  // Cancellation.run discards the split
            started += 1
            let previous = bestCost
            switch start {
            case 0: treeStart()
            case 1: spectralStart()
            default: for v in 0..<n { camp[v] = UInt8(truncatingIfNeeded: random.next() >> 63) }
            }
            resetGains()
            for v in 0..<n { push(v) }
            log.removeAll(keepingCapacity: true)
            descend()
            if cost < bestCost - tolerance { bestCost = cost; for v in 0..<n { best[v] = camp[v] } }
            if n > 1 { kicks += iterations }
            for _ in 0..<(n > 1 ? iterations : 0) {
                let before = cost
                log.removeAll(keepingCapacity: true)
                self.kick(from: random.below(n), size: 1 + random.below(kick), random: &random)
                descend()
                if cost <= before + tolerance {
                    if cost < bestCost - tolerance { bestCost = cost; for v in 0..<n { best[v] = camp[v] } }
                } else {
                    for v in log.reversed() { flip(v) }
                    cost = before
                }
            }
            if bestCost < previous - tolerance, isOptimal(best, graph.cost(of: best)) { break }
        }
        return Outcome(camps: best, value: graph.cost(of: best), restarts: started, iterations: kicks, moves: moves)
    }

    // MARK: Moves

    /// Moves v to the other camp, updating the cost and every gain it touches. O(deg v).
    private func flip(_ v: Int) {
        cost -= gain[v]
        gain[v] = -gain[v]
        camp[v] ^= 1
        let side = camp[v]
        for a in offsets[v]..<offsets[v + 1] {
            let u = neighbors[a]
            // Whether the tie is frustrated now; before the move it was the opposite.
            let frustrated = negative[a] == (camp[u] == side)
            gain[u] += frustrated ? 2 * weights[a] : -2 * weights[a]
        }
        moves += 1
    }

    private func push(_ v: Int) {
        guard !queued[v] else { return }
        queued[v] = true
        queue[(queueHead + queueCount) % n] = v
        queueCount += 1
    }

    /// Single-actor moves until none saves anything; each move is logged so it can be undone.
    private func descend() {
        while queueCount > 0 {
            let v = queue[queueHead]
            queueHead = (queueHead + 1) % n
            queueCount -= 1
            queued[v] = false
            guard gain[v] > tolerance else { continue }
            flip(v)
            log.append(v)
            for a in offsets[v]..<offsets[v + 1] where gain[neighbors[a]] > tolerance { push(neighbors[a]) }
        }
    }

    /// Moves a connected group of `size` actors around `v` (breadth first, from a random arc)
    /// and queues them and their neighbours.
    private func kick(from v: Int, size: Int, random: inout SplitMix64) {
        cluster.removeAll(keepingCapacity: true)
        cluster.append(v)
        marked[v] = true
        var next = 0
        while cluster.count < size, next < cluster.count {
            let x = cluster[next]
            next += 1
            let (lo, hi) = (offsets[x], offsets[x + 1])
            guard hi > lo else { continue }
            let shift = random.below(hi - lo)
            for i in 0..<(hi - lo) where cluster.count < size {
                let u = neighbors[lo + (i + shift) % (hi - lo)]
                if !marked[u] { marked[u] = true; cluster.append(u) }
            }
        }
        for x in cluster {
            marked[x] = false
            flip(x)
            log.append(x)
        }
        for x in cluster {
            push(x)
            for a in offsets[x]..<offsets[x + 1] { push(neighbors[a]) }
        }
    }

    /// Recomputes every gain and the cost from the camps. O(m).
    private func resetGains() {
        var twice = 0.0
        for v in 0..<n {
            var g = 0.0
            for a in offsets[v]..<offsets[v + 1] {
                let frustrated = negative[a] == (camp[v] == camp[neighbors[a]])
                g += frustrated ? weights[a] : -weights[a]
                if frustrated { twice += weights[a] }
            }
            gain[v] = g
        }
        cost = twice / 2
    }

    // MARK: Starts

    /// Colours a breadth-first spanning tree so that every tree tie is satisfied.
    private func treeStart() {
        for v in 0..<n { marked[v] = false }
        var order: [Int] = []
        order.reserveCapacity(n)
        for root in 0..<n where !marked[root] {
            marked[root] = true
            camp[root] = 0
            order.append(root)
            var next = order.count - 1
            while next < order.count {
                let x = order[next]
                next += 1
                for a in offsets[x]..<offsets[x + 1] where !marked[neighbors[a]] {
                    let u = neighbors[a]
                    marked[u] = true
                    camp[u] = negative[a] ? camp[x] ^ 1 : camp[x]
                    order.append(u)
                }
            }
        }
        for v in 0..<n { marked[v] = false }
    }

    /// Camps from the signs of the leading eigenvector of the signed adjacency matrix.
    private func spectralStart() {
        var shift = 0.0
        for v in 0..<n {
            var d = 0.0
            for a in offsets[v]..<offsets[v + 1] { d += weights[a] }
            shift = max(shift, d)
        }
        // A fixed, uneven start so that no symmetry of the graph can make it orthogonal to the
        // leading eigenvector by accident.
        var x = (0..<n).map { 1 + Double($0 % 7) / 8 }
        var y = [Double](repeating: 0, count: n)
        for _ in 0..<100 {
            var norm = 0.0
            for v in 0..<n {
                var s = shift * x[v]
                for a in offsets[v]..<offsets[v + 1] {
                    s += negative[a] ? -weights[a] * x[neighbors[a]] : weights[a] * x[neighbors[a]]
                }
                y[v] = s
                norm += s * s
            }
            norm = norm.squareRoot()
            guard norm > 0 else { break }
            var change = 0.0
            for v in 0..<n {
                let value = y[v] / norm
                change = max(change, abs(value - x[v]))
                x[v] = value
            }
            if change < 1e-9 { break }
        }
        for v in 0..<n { camp[v] = x[v] < 0 ? 1 : 0 }
    }
}
