/// A degree-corrected stochastic block model for signed actor networks: a seeded, deterministic
/// generator of synthetic networks for load tests and benchmarks.
///
/// The model (Karrer & Newman, "Stochastic blockmodels and community structure in networks",
/// Phys. Rev. E 83, 016107, 2011, doi:10.1103/PhysRevE.83.016107), with signs and kinds on top:
///
/// - **Blocs.** Actor `i` belongs to bloc `i mod k`, so blocs differ in size by at most one.
/// - **Activity.** Each actor draws an activity θ once, from a power law P(θ) ∝ θ^−γ on
///   [1, √n] (a Pareto distribution truncated at the structural cutoff √n, sampled exactly by
///   inverting its distribution function). An actor's expected number of relations is
///   proportional to its θ, so degrees are heavy-tailed with exponent γ.
/// - **Relations.** Each of the m relations is inside a bloc with probability 1 − `betweenShare`,
///   else between two blocs (always inside when k = 1). Inside, the bloc is drawn in proportion
///   to the weight of its pairs of distinct actors, κ_b² − Σ_{i∈b} θ_i² (κ_b the bloc's total
///   activity), then both ends from the bloc by activity; between, both ends are drawn by
///   activity from the whole network, redrawn together until their blocs differ. So a pair of
///   actors (i, j) is drawn with probability ∝ θ_i θ_j ω(b_i, b_j), the model's definition.
///   Draws that give an actor twice are redrawn: no self-relations. Parallel relations between
///   a pair are kept, as in real data.
/// - **Signs.** Inside a bloc a relation is positive with probability `positiveInside`; between
///   blocs it is negative with probability `negativeBetween`. Negative relations are `rivalry`.
/// - **Kinds.** A share `organisationShare` of the actors are organisations (`kind:
///   organisation`); the others are states, armed groups and companies, 3 : 1 : 1. A positive
///   relation between an organisation and an actor that is not one is `membership` (member →
///   organisation) with probability `membershipRate`; any other positive relation is `supply`
///   (supplier → recipient) with probability `supplyShare`, else `cooperation`.
/// - **Channels.** Supply is material; cooperation is stated with probability `statedShare`,
///   else material. Rivalry and membership have none.
/// - **Weights.** Uniform on 0.5, 0.6, …, 5.0.
/// - **Dates** (unless `years` is nil). `since` is a year drawn uniformly from `years`; with
///   probability `endedShare` (and when it started before the last year) the relation ends at a
///   later year up to the last, drawn uniformly (`until`, exclusive).
///
/// Ids are short, so they are stored inline at any size: actors `A0` … `A{n−1}`, named after
/// their kind and number (`State 12`, `Organisation 7`), grouped as `bloc-0` … `bloc-{k−1}`;
/// relations `r0` … `r{m−1}`. Only the built-in kinds are used.
///
/// Deterministic: the same parameters and seed give an equal network on every run and platform.
/// Randomness comes from `Xoshiro256StarStar` (its own uniform double and bounded integer), the
/// activities from IEEE basic operations only (`PortableMath`), and every draw happens in one
/// fixed order: actors first (activity, then kind, actor by actor) from one stream, relations
/// from another, both seeded from `seed` by SplitMix64.
///
/// ```swift
/// var model = SignedBlockModel(actors: 1000, relations: 5000, seed: 7)
/// model.betweenShare = 0.2
/// let network = try model.generate()   // 1000 actors in 16 blocs, 5000 relations
/// ```
public struct SignedBlockModel: Sendable, Hashable {
    /// The number of actors, n ≥ 2.
    public var actors: Int
    /// The number of relations, m ≥ 0; the network has exactly this many.
    public var relations: Int
    /// The number of blocs, 1 ≤ k ≤ n/2 (so each bloc has two actors and can hold relations
    /// inside it). Nil: `defaultBlocs(actors:)`.
    public var blocs: Int?
    /// Seeds every random draw.
    public var seed: UInt64
    /// γ > 1, the exponent of the activity power law P(θ) ∝ θ^−γ: smaller is more unequal.
    /// Default 2.5, between the 2–3 of most real networks.
    public var activityExponent: Double = 2.5
    /// The share of relations that join two different blocs (the mixing parameter μ).
    /// Default 0.3. Ignored when there is one bloc.
    public var betweenShare: Double = 0.3
    /// The share of relations inside a bloc that are positive. Default 0.85.
    public var positiveInside: Double = 0.85
    /// The share of relations between blocs that are negative. Default 0.75.
    public var negativeBetween: Double = 0.75
    /// The share of actors that are organisations. Default 0.05.
    public var organisationShare: Double = 0.05
    /// The probability that a positive relation between an organisation and another kind of
    /// actor is a membership. Default 0.7.
    public var membershipRate: Double = 0.7
    /// The share of the other positive relations that are supply (the rest are cooperation).
    /// Default 0.3.
    public var supplyShare: Double = 0.3
    /// The share of cooperation relations on the stated channel (the rest are material).
    /// Default 0.6.
    public var statedShare: Double = 0.6
    /// The years relations start in (and end by); nil for undated relations.
    /// Default 1990…2025.
    public var years: ClosedRange<Int>? = 1990...2025
    /// The share of dated relations that end. Default 0.3.
    public var endedShare: Double = 0.3

    /// A model with the default shares, exponent and years.
    public init(actors: Int, relations: Int, blocs: Int? = nil, seed: UInt64 = 1) {
        self.actors = actors
        self.relations = relations
        self.blocs = blocs
        self.seed = seed
    }

    /// The most blocs `defaultBlocs(actors:)` gives.
    public static let maximumDefaultBlocs = 1000

    /// The default number of blocs: round(√n / 2), at least 2 and at most 1000, and never more
    /// than n/2 (so 1 for two or three actors). 1000 actors → 16 blocs, 10⁶ → 500.
    public static func defaultBlocs(actors n: Int) -> Int {
        let grown = Int((Double(max(n, 0)).squareRoot() / 2).rounded())
        return max(1, min(max(2, grown), maximumDefaultBlocs, n / 2))
    }

    /// The number of blocs the model uses: `blocs`, else the default for `actors`.
    public var blocCount: Int { blocs ?? Self.defaultBlocs(actors: actors) }

    /// The bloc of the actor at `index`: `index mod k`.
    public func bloc(ofActor index: Int) -> Int { index % blocCount }

    /// Checks every parameter, throwing on the first that is out of range.
    public func validate() throws(SignedBlockModelError) {
        typealias E = SignedBlockModelError
        let limit = Int(UInt32.max) - 1
        if actors < 2 {
            throw E(.actors, "\(actors)", "is too few", fix: "give at least 2 actors")
        }
        if actors > limit {
            throw E(.actors, "\(actors)", "is more than a network holds", fix: "give at most \(limit) actors")
        }
        if relations < 0 {
            throw E(.relations, "\(relations)", "is negative", fix: "give 0 or more relations")
        }
        if relations > limit {
            throw E(.relations, "\(relations)", "is more than a network holds", fix: "give at most \(limit) relations")
        }
        if let blocs {
            if blocs < 1 {
                throw E(.blocs, "\(blocs)", "is too few", fix: "give at least 1 bloc")
            }
            if blocs > actors / 2 {
                throw E(.blocs, "\(blocs)", "is more than half of the \(actors) actors",
                        fix: "give at most \(max(1, actors / 2)) blocs (each bloc needs two actors), or more actors")
            }
        }
        if !(activityExponent.isFinite && activityExponent > 1) {
            throw E(.activityExponent, NumberText.exact(activityExponent), "is not a number > 1",
                    fix: "give an exponent > 1; 2 to 3 is typical of real networks (default 2.5)")
        }
        let shares: [(SignedBlockModelError.Parameter, Double)] = [
            (.betweenShare, betweenShare), (.positiveInside, positiveInside), (.negativeBetween, negativeBetween),
            (.organisationShare, organisationShare), (.membershipRate, membershipRate), (.supplyShare, supplyShare),
            (.statedShare, statedShare), (.endedShare, endedShare),
        ]
        for (parameter, share) in shares where !(0...1).contains(share) {
            throw E(parameter, NumberText.exact(share), "is not a share", fix: "give a number from 0 to 1, e.g. 0.3")
        }
        if let years, years.lowerBound < 1 || years.upperBound > 9998 {
            throw E(.years, "\(years.lowerBound)-\(years.upperBound)", "is outside the calendar ActorNet reads",
                    fix: "give years from 1 to 9998, e.g. 1990-2025")
        }
    }

    /// Every actor's activity θ, in actor order: the weight its expected number of relations is
    /// proportional to. The same draws `generate()` makes.
    ///
    /// - Complexity: O(n).
    public func activities() throws(SignedBlockModelError) -> [Double] {
        try validate()
        return drawActors().activity
    }

    /// The network.
    ///
    /// - Throws: `SignedBlockModelError` for a parameter out of range, before any work.
    /// - Complexity: O(n + m) expected time; memory: the network, plus about 30 bytes per actor
    ///   for the sampling tables.
    public func generate() throws(SignedBlockModelError) -> Network {
        try validate()
        let k = blocCount
        let drawn = drawActors()
        let activity = drawn.activity, isOrganisation = drawn.isOrganisation

        let blocNames = (0..<k).map { "bloc-\($0)" }
        let actorNodes = (0..<actors).map { i in
            let kind = Self.actorKinds[Int(drawn.kind[i])]
            return ActorNode(id: Self.shortID("A", i), name: "\(kind.name) \(i)", kind: kind.kind, group: blocNames[i % k])
        }

        // Between blocs: both ends by activity over everyone. Inside: the bloc by the weight of
        // its pairs of distinct actors, then the ends by activity within it (member j of bloc b
        // is actor b + j·k).
        let everyone = AliasTable(weights: activity)
        var members: [AliasTable] = []
        var pairWeight = [Double](repeating: 0, count: k)
        members.reserveCapacity(k)
        for b in 0..<k {
            let weights = stride(from: b, to: actors, by: k).map { activity[$0] }
            var total = 0.0, squares = 0.0
            for w in weights {
                total += w
                squares += w * w
            }
            pairWeight[b] = max(0, total * total - squares)
            members.append(AliasTable(weights: weights))
        }
        let blocByPairs = AliasTable(weights: pairWeight)

        let yearDates: [PartialDate] = years.map { range in range.map { PartialDate(year: $0)! } } ?? []
        let yearSpan = yearDates.count

        var random = relationStream
        var list: [Relation] = []
        list.reserveCapacity(relations)
        for index in 0..<relations {
            var i = 0, j = 0
            let inside = k == 1 || !random.chance(betweenShare)
            if inside {
                let b = blocByPairs.draw(&random), table = members[b]
                repeat {
                    i = b + k * table.draw(&random)
                    j = b + k * table.draw(&random)
                } while i == j
            } else {
                repeat {
                    i = everyone.draw(&random)
                    j = everyone.draw(&random)
                } while i % k == j % k
            }

            let positive = inside ? random.chance(positiveInside) : !random.chance(negativeBetween)
            let kind: String
            var channel: Channel?
            if !positive {
                kind = RelationKind.rivalry.name
            } else if isOrganisation[i] != isOrganisation[j], random.chance(membershipRate) {
                kind = RelationKind.membership.name
                if isOrganisation[i] { swap(&i, &j) }  // member → organisation
            } else if random.chance(supplyShare) {
                kind = RelationKind.supply.name
                channel = .material
            } else {
                kind = RelationKind.cooperation.name
                channel = random.chance(statedShare) ? .stated : .material
            }
            let weight = Double(5 + random.nextInt(below: 46)) / 10

            var since: PartialDate?, until: PartialDate?
            if yearSpan > 0 {
                let start = random.nextInt(below: yearSpan)
                since = yearDates[start]
                if start < yearSpan - 1, random.chance(endedShare) {
                    until = yearDates[start + 1 + random.nextInt(below: yearSpan - 1 - start)]
                }
            }
            // Ends' ids are built from their numbers, not read from an array of a million
            // strings: digits are cheaper than two cache misses.
            list.append(Relation(id: Self.shortID("r", index), source: Self.shortID("A", i),
                                 target: Self.shortID("A", j), kind: kind, weight: weight, channel: channel,
                                 since: since, until: until))
        }

        do {
            return try Network(name: "Synthetic network, seed \(seed)", summary: summary(blocs: k),
                               actors: actorNodes, relations: list)
        } catch {
            preconditionFailure("the block model built an invalid network: \(error)")
        }
    }

    /// What the network's `summary` says: the model and every parameter, so a file tells how to
    /// make it again.
    func summary(blocs k: Int) -> String {
        var parts = [
            "Degree-corrected stochastic block model, seed \(seed): \(actors) actors in \(k) blocs, \(relations) relations",
            "activity exponent \(NumberText.exact(activityExponent))", "between share \(NumberText.exact(betweenShare))",
            "positive inside \(NumberText.exact(positiveInside))", "negative between \(NumberText.exact(negativeBetween))",
            "organisations \(NumberText.exact(organisationShare))", "membership rate \(NumberText.exact(membershipRate))",
            "supply \(NumberText.exact(supplyShare))", "stated \(NumberText.exact(statedShare))",
        ]
        if let years {
            parts.append("years \(years.lowerBound)-\(years.upperBound), ended \(NumberText.exact(endedShare))")
        } else {
            parts.append("undated")
        }
        return parts.joined(separator: "; ") + "."
    }

    // MARK: - Draws

    /// Actor kinds with their display names, by the index `drawActors` gives.
    static let actorKinds: [(kind: String, name: String)] = [
        ("state", "State"), ("armed group", "Armed group"), ("company", "Company"), ("organisation", "Organisation"),
    ]

    private var actorStream: Xoshiro256StarStar {
        var x = seed
        return Xoshiro256StarStar(seed: Xoshiro256StarStar.splitMix64(&x))
    }

    private var relationStream: Xoshiro256StarStar {
        var x = seed
        _ = Xoshiro256StarStar.splitMix64(&x)
        return Xoshiro256StarStar(seed: Xoshiro256StarStar.splitMix64(&x))
    }

    /// Per actor, in order: the activity θ (truncated Pareto on [1, √n], by inversion:
    /// θ = (1 − u·(1 − θmax^−α))^(−1/α) with α = γ − 1), then the kind (organisation with
    /// probability `organisationShare`, else state, armed group or company 3 : 1 : 1).
    private func drawActors() -> (activity: [Double], kind: [UInt8], isOrganisation: [Bool]) {
        var random = actorStream
        let alpha = activityExponent - 1
        let logCap = PortableMath.log(Double(actors).squareRoot())
        let tail = alpha * logCap
        let c = tail > 700 ? 1 : 1 - PortableMath.exp(-tail)
        var activity: [Double] = [], kind: [UInt8] = [], isOrganisation: [Bool] = []
        activity.reserveCapacity(actors)
        kind.reserveCapacity(actors)
        isOrganisation.reserveCapacity(actors)
        for _ in 0..<actors {
            let u = random.nextDouble()
            // −ln(1 − u·c)/α ≤ ln θmax, so the exponential stays small and θ ≤ θmax.
            let logTheta = min(-PortableMath.log(1 - u * c) / alpha, logCap)
            activity.append(PortableMath.exp(logTheta))
            let v = random.nextDouble()
            let k: UInt8
            if v < organisationShare {
                k = 3
            } else {
                let rest = (v - organisationShare) / (1 - organisationShare)
                k = rest < 0.6 ? 0 : rest < 0.8 ? 1 : 2
            }
            kind.append(k)
            isOrganisation.append(k == 3)
        }
        return (activity, kind, isOrganisation)
    }

    /// `prefix` followed by the decimal digits of `n`, built in place: at most 15 bytes, so
    /// the string is stored inline (no allocation) for any n below 10¹⁴.
    static func shortID(_ prefix: Unicode.Scalar, _ n: Int) -> String {
        precondition(n >= 0)
        var digits = 1, rest = n / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return String(unsafeUninitializedCapacity: digits + 1) { buffer in
            buffer[0] = UInt8(prefix.value)
            var value = n
            for position in stride(from: digits, through: 1, by: -1) {
                buffer[position] = UInt8(48 + value % 10)
                value /= 10
            }
            return digits + 1
        }
    }
}

/// A parameter of `SignedBlockModel` that is out of range: which, its value, what is wrong and
/// what to give instead.
public struct SignedBlockModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The parameter, named as the property is.
    public enum Parameter: String, Sendable, Hashable, CaseIterable {
        case actors, relations, blocs, activityExponent, betweenShare, positiveInside, negativeBetween
        case organisationShare, membershipRate, supplyShare, statedShare, years, endedShare
    }

    public var parameter: Parameter
    /// The value as given.
    public var value: String
    /// What is wrong with it, e.g. "is more than half of the 10 actors".
    public var problem: String
    /// What to give instead.
    public var fix: String

    public init(_ parameter: Parameter, _ value: String, _ problem: String, fix: String) {
        self.parameter = parameter
        self.value = value
        self.problem = problem
        self.fix = fix
    }

    /// "blocs 50 is more than half of the 10 actors; give at most 5 blocs …".
    public var description: String { "\(parameter.rawValue) \(value) \(problem); \(fix)" }
}
