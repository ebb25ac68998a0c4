/// One measure computed at every step of a date range: how an actor's centrality or hedging,
/// or the network's balance, changes over time.
///
/// Each step is the network as of the first day of its period (`TimelineStep`), seen through
/// `filter` with its date replaced by the step's: exactly the view `ViewFilter(at:)` gives, so
/// a step's values equal those of `actornet metrics --at DATE` (or `balance --at DATE`) with the
/// same view options. Undated relations are present at every step; the result counts them.
///
/// **Reuse.** Between two consecutive steps the view changes only if some relation of the view
/// starts or ends in between. The `since` and `until` dates of the view's relations are sorted
/// once into a list of boundaries; a step whose date passes no new boundary since the previous
/// step has the same relations, and takes that step's values instead of recomputing them. The
/// result says how many steps were computed and how many reused. A network dated at a few
/// points (most of the shipped Russia–Iran network is undated) needs a handful of analyses
/// for hundreds of steps.
///
/// **Actors.** For a per-actor measure, `actors` lists the series to keep, in that order; by
/// default the `top` actors by their largest value at any step (ties by id), leaving out
/// actors whose value is 0 or missing at every step.
///
/// Example: the signed degree of Russia and Syria by month on the shipped network,
///
///     let range = try TimelineRange(from: PartialDate(iso: "2024-11")!, to: PartialDate(iso: "2025-01")!,
///                                   size: .month)
///     let result = try Timeline(measure: .actor(.signedDegree), range: range,
///                               filter: ViewFilter(direction: .undirected), actors: ["RUS", "SYR"]).run(on: network)
///
/// gives RUS 21, 18, 19 and SYR 4, 0, 0: Russia's three ties over Syria end with 2024-11 (`until:
/// 2024-12`), the treaty starts in 2025-01; three steps, three analyses.
///
/// - Complexity: O(m log m) for the boundaries, O(s + b) to match s steps against b
///   boundaries, plus one view (O(n + m)) and one analysis per *computed* step; memory
///   O(n) per computed step for per-actor measures.
public struct Timeline: Sendable {
    public var measure: TimelineMeasure
    public var range: TimelineRange
    /// The view at every step; its `at` is replaced by each step's date.
    public var filter: ViewFilter
    /// Options of per-actor measures (distance for path measures, iterations, threads).
    public var options: MetricOptions
    /// How `frustration` and `normalized-frustration` are computed.
    public var frustration: FrustrationIndex
    /// The actors whose series to keep, in this order; nil: the `top` actors.
    public var actors: [String]?
    /// How many actors to keep when `actors` is nil.
    public var top: Int
    /// The ordered pair (giver → receiver) of `say-do`; required by it, ignored otherwise.
    public var pair: (source: String, target: String)?

    public init(measure: TimelineMeasure, range: TimelineRange, filter: ViewFilter,
                options: MetricOptions = MetricOptions(), frustration: FrustrationIndex = FrustrationIndex(),
                actors: [String]? = nil, top: Int = 5, pair: (source: String, target: String)? = nil) {
        self.measure = measure
        self.range = range
        self.filter = filter
        self.options = options
        self.frustration = frustration
        self.actors = actors
        self.top = top
        self.pair = pair
    }

    /// Computes the timeline.
    ///
    /// - Throws: `TimelineError.unknownActors` for ids the network does not have (with
    ///   suggestions), `.unknownKinds` for a filter naming unknown kinds, `.badTop` for
    ///   `top` < 1. A step whose analysis fails (a measure that does not converge) does not
    ///   stop the timeline: its values are missing and its error is kept.
    /// - Parameter progress: hears the steps done (computed or reused) of all steps.
    public func run(on network: Network, progress: ProgressHandler? = nil) throws(TimelineError) -> TimelineResult {
        if measure == .sayDo {
            guard let pair else { throw TimelineError.missingPair }
            let unknown = [pair.source, pair.target].filter { network.index(ofActor: $0) == nil }
            if !unknown.isEmpty {
                throw TimelineError.unknownActors(Self.unique(unknown), known: network.actors.map(\.id))
            }
            if pair.source == pair.target { throw TimelineError.samePair(pair.source) }
        } else if let actors {
            let unknown = actors.filter { network.index(ofActor: $0) == nil }
            if !unknown.isEmpty {
                throw TimelineError.unknownActors(Self.unique(unknown), known: network.actors.map(\.id))
            }
        } else if top < 1 {
            throw TimelineError.badTop(top)
        }
        var base = filter
        base.at = nil
        // Say versus do reads who gives to whom: directions as declared.
        if measure == .sayDo { base.direction = .asDeclared }
        // The relations that can be in the view at some step: the filter without its date, and
        // with both signs when the measure reads them whatever the view's sign.
        var reach = base
        if measure.liftsSign { reach.sign = nil }
        let dateless: NetworkView
        do {
            dateless = try NetworkView(network, filter: reach)
        } catch {
            throw TimelineError.unknownKinds(error)
        }
        var boundaries: [Int] = []
        var undated = 0
        // Say versus do changes only when a relation between the pair starts or ends.
        let pairEnds = measure == .sayDo ? pair.flatMap { p in
            network.index(ofActor: p.source).flatMap { a in network.index(ofActor: p.target).map { (a, $0) } }
        } : nil
        for r in dateless.edgeRelation {
            let relation = network.relations[Int(r)]
            if relation.since == nil, relation.until == nil { undated += 1 }
            if let (a, b) = pairEnds {
                let (s, t) = network.endpoints(ofRelation: Int(r))
                guard (s == a && t == b) || (s == b && t == a) else { continue }
            }
            if let since = relation.since { boundaries.append(since.ordinal) }
            if let until = relation.until { boundaries.append(until.ordinal) }
        }
        boundaries.sort()

        // values[c][s]: series s after the c-th computed step; stepSource[i]: which one step i shows.
        var computedValues: [[Double?]] = []
        var stepSource: [Int] = []
        var outcomes: [TimelineStepOutcome] = []
        var description: String?
        let counter = ProgressCounter(total: range.steps.count, handler: progress)
        var passed = 0  // boundaries ≤ the current step's date
        var previousPassed = -1
        let cancellation = Cancellation.current
        for step in range.steps {
            if cancellation?.isCancelled == true { break }  // Cancellation.run discards the timeline
            let day = step.date.ordinal
            while passed < boundaries.count, boundaries[passed] <= day { passed += 1 }
            if passed == previousPassed, let last = outcomes.last {
                // No relation started or ended since the previous step: the same view.
                stepSource.append(stepSource[stepSource.count - 1])
                outcomes.append(TimelineStepOutcome(step: step, reused: true, note: last.note, error: last.error))
                counter.advance()
                continue
            }
            previousPassed = passed
            var stepFilter = base
            stepFilter.at = step.date
            let analysed = analyse(network, filter: stepFilter)
            if description == nil, analysed.error == nil { description = analysed.description }
            computedValues.append(analysed.values)
            stepSource.append(computedValues.count - 1)
            outcomes.append(TimelineStepOutcome(step: step, reused: false, note: analysed.note, error: analysed.error))
            counter.advance()
        }
        counter.finish()

        let computed = outcomes.count { !$0.reused }
        let series: [TimelineSeries]
        let selection: TimelineResult.Selection
        func values(_ s: Int) -> [Double?] { stepSource.map { computedValues[$0].isEmpty ? nil : computedValues[$0][s] } }
        switch measure {
        case .actor:
            let chosen: [Int]
            if let actors {
                chosen = Self.unique(actors).map { network.index(ofActor: $0)! }
                selection = .given
            } else {
                let ids = network.actors.map(\.id)
                chosen = Self.peaks(actors: ids.count) { a in computedValues.lazy.compactMap { $0.isEmpty ? nil : $0[a] } }
                    .sorted { x, y in x.peak != y.peak ? x.peak > y.peak : ids[x.actor] < ids[y.actor] }
                    .prefix(top).map(\.actor)
                selection = .top(top)
            }
            series = chosen.map { a in
                TimelineSeries(id: network.actors[a].id, name: network.actors[a].name, values: values(a))
            }
        default:
            selection = .network
            let suffix = measure == .sayDo ? pair.map { " \($0.source) → \($0.target)" } ?? "" : ""
            series = measure.networkSeries.enumerated().map { s, named in
                TimelineSeries(id: named.id, name: named.name + suffix, values: values(s))
            }
        }
        return TimelineResult(
            measure: measure,
            measureDescription: measure.countDescription ?? (measure.isPerActor ? description ?? measure.name : measure.networkDescription),
            filter: base, range: range, steps: outcomes, series: series, computed: computed,
            reused: outcomes.count - computed, undatedRelations: undated, relations: dateless.edgeCount,
            selection: selection)
    }

    /// Actors with a value other than 0 at some step, with their largest value.
    private static func peaks(actors n: Int, _ values: (Int) -> some Sequence<Double?>) -> [(actor: Int, peak: Double)] {
        var found: [(actor: Int, peak: Double)] = []
        for a in 0..<n {
            var peak: Double?
            var nonzero = false
            for case let v? in values(a) {
                peak = max(peak ?? v, v)
                if v != 0 { nonzero = true }
            }
            if let peak, nonzero { found.append((a, peak)) }
        }
        return found
    }

    /// One analysis: the series' values (empty when it failed), and what to say about it.
    private func analyse(_ network: Network, filter: ViewFilter)
        -> (values: [Double?], description: String, note: String?, error: String?) {
        // Unknown kinds were ruled out on the dateless view, so this view always builds.
        guard let view = try? NetworkView(network, filter: filter) else {
            return ([], "", nil, "the view cannot be built")
        }
        func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
        switch measure {
        case let .actor(metric):
            do {
                let scores = try metric.compute(on: view, options: options)
                return (scores.values.map(finite), scores.measure, nil, nil)
            } catch {
                return ([], "", nil, error.description)
            }
        case .balance:
            return ([TriangleCensus().run(on: SignedGraph(view)).balanceRatio], "", nil, nil)
        case .triangles:
            let c = TriangleCensus().run(on: SignedGraph(view)).counts
            return ([c.plusPlusPlus, c.plusPlusMinus, c.plusMinusMinus, c.minusMinusMinus].map { Double($0) }, "", nil, nil)
        case .ties:
            let graph = SignedGraph(view)
            let positive = graph.pairSign.count { $0 > 0 }
            return ([Double(positive), Double(graph.pairCount - positive)], "", nil, nil)
        case .sayDo:
            guard let pair, let a = network.index(ofActor: pair.source), let b = network.index(ofActor: pair.target) else {
                return ([], "", nil, "no pair")
            }
            let p = SayDo().pair(a, b, on: view)
            return ([p.stated, p.material, p.notGiven], "", nil, nil)
        case .frustration, .normalizedFrustration:
            do {
                let result = try frustration.run(on: SignedGraph(view))
                // Only the unweighted index is shown; say so when it is a heuristic's bound.
                let note = result.unweighted.method == .exact ? nil : result.unweighted.description
                let value = measure == .frustration ? result.unweighted.value : result.normalizedIndex
                return ([finite(value)], "", note, nil)
            } catch {
                return ([], "", nil, error.description)
            }
        }
    }

    private static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

/// One step of a computed timeline.
public struct TimelineStepOutcome: Sendable, Hashable {
    public let step: TimelineStep
    /// Whether the step took the previous step's values (no relation of the view starts or ends
    /// between them) instead of computing them.
    public let reused: Bool
    /// What to know about the values, e.g. that a frustration index is a heuristic's bound.
    public let note: String?
    /// Why the step has no values (the analysis failed), or nil.
    public let error: String?
}

/// One line of a timeline: an actor's values, or one of a network measure's (T+++, …).
public struct TimelineSeries: Sendable, Hashable {
    /// The actor id, or the series' short name (`+++`, `positive`, `L`).
    public let id: String
    /// The actor's name, or what the series is.
    public let name: String
    /// One value per step; nil where the value is undefined (no triangle for `balance`) or the
    /// step failed.
    public let values: [Double?]
}

/// A computed timeline: the steps, the series and how the work was done.
public struct TimelineResult: Sendable {
    /// How the series were chosen.
    public enum Selection: Sendable, Hashable {
        /// The actors asked for, in that order.
        case given
        /// The actors with the largest value at any step, at most this many.
        case top(Int)
        /// The network measure's own series.
        case network
    }

    public let measure: TimelineMeasure
    /// What was measured, e.g. "hedges H (rivalries straddled)".
    public let measureDescription: String
    /// The view, without a date (each step has its own).
    public let filter: ViewFilter
    public let range: TimelineRange
    public let steps: [TimelineStepOutcome]
    public let series: [TimelineSeries]
    /// Steps analysed, and steps that took the previous step's values.
    public let computed: Int
    public let reused: Int
    /// Relations of the view with neither `since` nor `until`: counted as always present.
    public let undatedRelations: Int
    /// Relations that pass the view's filter at some date (kinds, sign, channel; the date aside).
    public let relations: Int
    public let selection: Selection

    /// "Each step is the network as of the first day of its period; 12 of the view's 61
    /// relations are undated and counted as always present."
    public var datingNote: String {
        "Each step is the network as of the first day of its period (since inclusive, until exclusive); "
            + "\(undatedRelations) of the view's \(relations) relations are undated and counted as always present."
    }

    /// "computed at 4 of 11 steps; the other 7 reuse the previous step's values (no relation of
    /// the view starts or ends between them)".
    public var reuseNote: String {
        let all = computed + reused
        guard reused > 0 else { return "computed at each of the \(all) step\(all == 1 ? "" : "s")" }
        return "computed at \(computed) of \(all) steps; the other \(reused) reuse the previous step's values "
            + "(no relation of the view starts or ends between them)"
    }
}

/// Why a timeline cannot be computed. `field` names the option or parameter at fault, so the
/// CLI can say `--actors: …` and the service `"field": "actors"`.
public enum TimelineError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct StepCount: Sendable, Hashable {
        public let size: TimelineStepSize
        public let count: Int
    }

    case unknownMeasure(String)
    case unknownActors([String], known: [String])
    case badTop(Int)
    case reversedRange(from: PartialDate, to: PartialDate)
    case tooManySteps(count: Int, size: TimelineStepSize, from: PartialDate, to: PartialDate, limit: Int,
                      coarser: [StepCount])
    /// No relation has a start date, so there is no default range.
    case noDatedRelations
    /// `say-do` without the pair it is about.
    case missingPair
    /// `say-do` asked of an actor and itself.
    case samePair(String)
    case unknownKinds(ViewError)

    /// The option or parameter at fault: `metric`, `actors`, `top`, `from`, `step`, `kinds`.
    public var field: String {
        switch self {
        case .unknownMeasure: "metric"
        case .unknownActors: "actors"
        case .badTop: "top"
        case .reversedRange, .noDatedRelations: "from"
        case .missingPair, .samePair: "pair"
        case .tooManySteps: "step"
        case .unknownKinds: "kinds"
        }
    }

    public var description: String {
        switch self {
        case let .unknownMeasure(name):
            let hint = NameSuggestion.nearest(to: name, in: TimelineMeasure.allNames).map { "did you mean '\($0)'? " } ?? ""
            return "unknown measure '\(name)'; \(hint)valid measures: \(TimelineMeasure.allNames.joined(separator: ", "))"
        case let .unknownActors(ids, known):
            return NameSuggestion.unknownActors(ids, known: known)
        case let .badTop(top):
            return "the number of actors must be at least 1 (got \(top))"
        case let .reversedRange(from, to):
            return "\(from) is after to (\(to)); give an earlier from or a later to"
        case let .tooManySteps(count, size, from, to, limit, coarser):
            let options = coarser.map { "\($0.size): \($0.count) step\($0.count == 1 ? "" : "s")" }
            return "\(count) \(size.adjective) steps from \(from) to \(to) are more than the limit of \(limit); "
                + (options.isEmpty ? "" : "choose a longer step (\(options.joined(separator: ", "))) or ")
                + "a shorter range (a later from, an earlier to)"
        case .noDatedRelations:
            return "no relation has a start date (since), so there is no default range; give from and to"
        case let .unknownKinds(error):
            return error.description
        case .missingPair:
            return "say-do is measured for one ordered pair; name it as GIVER,RECEIVER, e.g. RUS,IRN"
        case let .samePair(id):
            return "the pair names '\(id)' twice; name two different actors, the giver first"
        }
    }
}
