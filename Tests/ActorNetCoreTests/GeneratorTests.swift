import ActorNetCore
import Testing

@Suite struct GeneratorTests {
    // MARK: - Random numbers

    @Test func xoshiroMatchesTheReferenceImplementation() {
        // Blackman & Vigna's xoshiro256starstar.c from the state {1, 2, 3, 4}.
        var random = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360, 607_988_272_756_665_600,
            16_172_922_978_634_559_625, 8_476_171_486_693_032_832, 10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        #expect((0..<10).map { _ in random.next() } == expected)
        // SplitMix64 (Vigna's splitmix64.c) from 0.
        var x: UInt64 = 0
        #expect(Xoshiro256StarStar.splitMix64(&x) == 0xE220_A839_7B1D_CDAF)
        #expect(Xoshiro256StarStar.splitMix64(&x) == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func uniformDoublesAndBoundedIntegers() {
        var random = Xoshiro256StarStar(seed: 9)
        var counts = [Int](repeating: 0, count: 7)
        var sum = 0.0
        for _ in 0..<70_000 {
            let u = random.nextDouble()
            #expect(u >= 0 && u < 1)
            sum += u
            counts[random.nextInt(below: 7)] += 1
        }
        #expect(abs(sum / 70_000 - 0.5) < 0.01)
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 }, "\(counts)")
        #expect((0..<100).allSatisfy { _ in random.next(below: 1) == 0 })
        // The largest bound still gives values below it.
        #expect((0..<100).allSatisfy { _ in random.next(below: UInt64.max) < UInt64.max })
        // Same seed, same stream; another seed, another.
        var a = Xoshiro256StarStar(seed: 5), b = Xoshiro256StarStar(seed: 5), c = Xoshiro256StarStar(seed: 6)
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
    }

    // MARK: - Counts

    @Test func scaledCounts() throws {
        for (text, value) in [("0", 0), ("250", 250), ("100k", 100_000), ("2K", 2000), ("1M", 1_000_000),
                              ("2.5M", 2_500_000), ("1.5k", 1500), ("1.000k", 1000), ("0.001M", 1000)] {
            #expect(try ScaledCount.parse(text) == value, "\(text)")
        }
        for (text, problem) in [("12x", "not a count"), ("", "not a count"), ("k", "not a count"), ("1.5", "not a whole number"),
                                ("1.2345k", "not a whole number"), ("-3", "negative"), ("1m", "m is not a suffix"),
                                ("99999999999999999999", "too large"), ("9999999999999M", "too large"), ("1.k", "not a count")] {
            #expect(throws: ScaledCount.ParseError.self, "\(text)") { try ScaledCount.parse(text) }
            do {
                _ = try ScaledCount.parse(text)
            } catch {
                #expect(error.problem.hasPrefix(problem), "\(text): \(error.problem)")
                #expect(error.description.contains("e.g. 5000, 100k or 1M"))
            }
        }
    }

    // MARK: - The model

    @Test func sameSeedSameNetworkOtherSeedAnother() throws {
        let a = try SignedBlockModel(actors: 300, relations: 1500, seed: 42).generate()
        let b = try SignedBlockModel(actors: 300, relations: 1500, seed: 42).generate()
        let c = try SignedBlockModel(actors: 300, relations: 1500, seed: 43).generate()
        #expect(a == b)
        #expect(a != c)
        #expect(a.relations.map(\.source) != c.relations.map(\.source))
    }

    /// Pins the streams: a change to the draws, their order or the arithmetic shows here, and
    /// would change every benchmark input.
    @Test func theStreamIsPinned() throws {
        let network = try SignedBlockModel(actors: 50, relations: 5, seed: 2025).generate()
        let pinned = network.relations.map {
            "\($0.id) \($0.source)→\($0.target) \($0.kind) \(NumberText.exact($0.weight)) \($0.channel?.rawValue ?? "-") "
                + "\($0.since?.description ?? "-")–\($0.until?.description ?? "-")"
        }
        #expect(pinned == GeneratorTests.pinnedRelations, "\(pinned)")
        let actors = network.actors.prefix(4).map { "\($0.id) \($0.name) \($0.kind ?? "-") \($0.group ?? "-")" }
        #expect(actors == GeneratorTests.pinnedActors, "\(actors)")
    }

    static let pinnedRelations = [
        "r0 A2→A16 rivalry 4.9 - 2025–-", "r1 A39→A33 rivalry 3.7 - 1991–2021", "r2 A17→A38 supply 4.8 material 1998–2025",
        "r3 A11→A47 membership 0.7 - 2010–-", "r4 A9→A25 cooperation 3.8 stated 1996–-",
    ]
    static let pinnedActors = [
        "A0 State 0 state bloc-0", "A1 Armed group 1 armed group bloc-1", "A2 Company 2 company bloc-2",
        "A3 Armed group 3 armed group bloc-3",
    ]

    @Test func exactCountsValidNoSelfRelations() throws {
        for (n, m, seed) in [(2, 10, 1), (3, 0, 2), (10, 100, 3), (500, 4000, 4)] as [(Int, Int, UInt64)] {
            let model = SignedBlockModel(actors: n, relations: m, seed: seed)
            let network = try model.generate()
            #expect(network.actors.count == n)
            #expect(network.relations.count == m)
            #expect(Network.check(actors: network.actors, relations: network.relations).isEmpty)
            #expect(network.relations.allSatisfy { $0.source != $0.target })
            #expect(network.actors.map(\.id) == (0..<n).map { "A\($0)" })
            #expect(network.relations.map(\.id) == (0..<m).map { "r\($0)" })
            let k = model.blocCount
            #expect(network.actors.enumerated().allSatisfy { i, a in a.group == "bloc-\(i % k)" })
            #expect(network.kinds == RelationKind.builtIns)
        }
    }

    /// 2000 actors, 10 000 relations with the default parameters: blocs, signs, tail and kinds
    /// show, within slack of what the parameters imply.
    @Test func theStructureIsThere() throws {
        let model = SignedBlockModel(actors: 2000, relations: 10_000, seed: 7)
        #expect(model.blocCount == 22)
        let network = try model.generate()
        let bloc = Dictionary(uniqueKeysWithValues: network.actors.map { ($0.id, $0.group!) })
        var insidePositive = 0, betweenPositive = 0, insideNegative = 0, betweenNegative = 0
        for (i, r) in network.relations.enumerated() {
            let inside = bloc[r.source] == bloc[r.target]
            switch (network.sign(ofRelation: i), inside) {
            case (.positive, true): insidePositive += 1
            case (.positive, false): betweenPositive += 1
            case (.negative, true): insideNegative += 1
            case (.negative, false): betweenNegative += 1
            }
        }
        let m = Double(network.relations.count)
        let between = Double(betweenPositive + betweenNegative) / m
        #expect(abs(between - model.betweenShare) < 0.03, "between share \(between)")
        // Expected shares from the parameters: positive relations inside blocs
        // (1−μ)p⁺ / ((1−μ)p⁺ + μ(1−p⁻)) = 0.888, negative ones between μp⁻ / (μp⁻ + (1−μ)(1−p⁺)) = 0.682.
        let (mu, pIn, nOut) = (model.betweenShare, model.positiveInside, model.negativeBetween)
        let positiveInsideExpected = (1 - mu) * pIn / ((1 - mu) * pIn + mu * (1 - nOut))
        let negativeBetweenExpected = mu * nOut / (mu * nOut + (1 - mu) * (1 - pIn))
        let positiveInsideShare = Double(insidePositive) / Double(insidePositive + betweenPositive)
        let negativeBetweenShare = Double(betweenNegative) / Double(betweenNegative + insideNegative)
        #expect(positiveInsideShare > positiveInsideExpected - 0.04, "\(positiveInsideShare)")
        #expect(negativeBetweenShare > negativeBetweenExpected - 0.05, "\(negativeBetweenShare)")
        #expect(positiveInsideShare > 0.8 && negativeBetweenShare > 0.6)

        // Heavy tail: the busiest actor has many times the mean degree.
        var degree = [String: Int]()
        for r in network.relations {
            degree[r.source, default: 0] += 1
            degree[r.target, default: 0] += 1
        }
        let mean = 2 * m / 2000, top = Double(degree.values.max()!)
        #expect(top > 5 * mean, "max degree \(top), mean \(mean)")

        // Every kind, with its channels and direction.
        let byKind = Dictionary(grouping: network.relations, by: \.kind)
        #expect(Set(byKind.keys) == ["cooperation", "rivalry", "supply", "membership"])
        #expect(byKind["membership"]!.count < byKind["cooperation"]!.count)
        #expect(byKind["supply"]!.allSatisfy { $0.channel == .material })
        #expect(Set(byKind["cooperation"]!.map(\.channel)) == [.stated, .material])
        #expect(byKind["rivalry"]!.allSatisfy { $0.channel == nil })
        let kindOf = Dictionary(uniqueKeysWithValues: network.actors.map { ($0.id, $0.kind!) })
        #expect(byKind["membership"]!.allSatisfy { kindOf[$0.target] == "organisation" && kindOf[$0.source] != "organisation" })
        #expect(Set(kindOf.values) == ["state", "armed group", "company", "organisation"])

        // Weights 0.5 … 5 in steps of 0.1; years within the range, some relations ended.
        #expect(network.relations.allSatisfy { r in
            (0.5...5).contains(r.weight) && (r.weight * 10).rounded() == r.weight * 10
        })
        #expect(Set(network.relations.map(\.weight)).count == 46)
        #expect(network.relations.allSatisfy { r in
            guard let since = r.since else { return false }
            return (1990...2025).contains(since.year) && r.until.map { $0.year > since.year && $0.year <= 2025 } ?? true
        })
        let ended = Double(network.relations.filter { $0.until != nil }.count) / m
        #expect(ended > 0.2 && ended < 0.35, "ended share \(ended)")
    }

    @Test func activitiesFollowTheTruncatedPowerLaw() throws {
        let model = SignedBlockModel(actors: 10_000, relations: 0, seed: 3)
        let theta = try model.activities()
        #expect(theta.count == 10_000)
        #expect(theta.allSatisfy { $0 >= 1 && $0 <= 100 })
        // P(θ > 2) = (2^−α − 100^−α) / (1 − 100^−α), α = 1.5: 0.3527.
        let above2 = Double(theta.filter { $0 > 2 }.count) / 10_000
        #expect(abs(above2 - 0.3527) < 0.02, "\(above2)")
        // A larger exponent is more equal.
        var flat = model
        flat.activityExponent = 4
        #expect(try flat.activities().filter { $0 > 2 }.count < theta.filter { $0 > 2 }.count / 2)
    }

    @Test func edgeCases() throws {
        // Two actors: one bloc, every relation between them.
        let two = try SignedBlockModel(actors: 2, relations: 20).generate()
        #expect(two.relations.allSatisfy { Set([$0.source, $0.target]) == ["A0", "A1"] })
        #expect(two.actors.allSatisfy { $0.group == "bloc-0" })
        // No relations.
        #expect(try SignedBlockModel(actors: 5, relations: 0).generate().relations.isEmpty)
        // One bloc: everything inside, so negative relations only at 1 − positiveInside.
        let one = try SignedBlockModel(actors: 100, relations: 2000, blocs: 1, seed: 4).generate()
        #expect(one.actors.allSatisfy { $0.group == "bloc-0" })
        let negative = one.relations.indices.filter { one.sign(ofRelation: $0) == .negative }.count
        #expect(negative > 200 && negative < 400)
        // All between: no relation inside a bloc.
        var across = SignedBlockModel(actors: 40, relations: 500, blocs: 4, seed: 5)
        across.betweenShare = 1
        let acrossNet = try across.generate()
        #expect(acrossNet.relations.allSatisfy { r in
            acrossNet.actor(withID: r.source)!.group != acrossNet.actor(withID: r.target)!.group
        })
        // n/2 blocs of two actors each still work.
        let pairs = try SignedBlockModel(actors: 10, relations: 200, blocs: 5).generate()
        #expect(pairs.relations.count == 200)
        // Undated.
        var undated = SignedBlockModel(actors: 10, relations: 50)
        undated.years = nil
        #expect(try undated.generate().relations.allSatisfy { $0.since == nil && $0.until == nil })
        // One year: nothing can end.
        var oneYear = SignedBlockModel(actors: 10, relations: 50)
        oneYear.years = 2000...2000
        #expect(try oneYear.generate().relations.allSatisfy { $0.since?.year == 2000 && $0.until == nil })
    }

    @Test func defaultBlocs() {
        for (n, k) in [(2, 1), (3, 1), (4, 2), (10, 2), (100, 5), (1000, 16), (2000, 22), (1_000_000, 500),
                       (10_000_000, 1000)] {
            #expect(SignedBlockModel.defaultBlocs(actors: n) == k, "\(n)")
        }
    }

    @Test func parametersOutOfRangeAreRefusedWithAFix() {
        func refusal(_ change: (inout SignedBlockModel) -> Void) -> SignedBlockModelError? {
            var model = SignedBlockModel(actors: 10, relations: 20)
            change(&model)
            do {
                _ = try model.generate()
                return nil
            } catch {
                return error
            }
        }
        let tooManyBlocs = refusal { $0.blocs = 6 }
        #expect(tooManyBlocs?.parameter == .blocs)
        #expect(tooManyBlocs?.description == "blocs 6 is more than half of the 10 actors; give at most 5 blocs (each bloc needs two actors), or more actors")
        #expect(refusal { $0.blocs = 0 }?.parameter == .blocs)
        #expect(refusal { $0.actors = 1 }?.parameter == .actors)
        #expect(refusal { $0.relations = -1 }?.parameter == .relations)
        #expect(refusal { $0.activityExponent = 1 }?.parameter == .activityExponent)
        #expect(refusal { $0.activityExponent = .nan }?.parameter == .activityExponent)
        #expect(refusal { $0.betweenShare = 1.5 }?.description == "betweenShare 1.5 is not a share; give a number from 0 to 1, e.g. 0.3")
        #expect(refusal { $0.positiveInside = -0.1 }?.parameter == .positiveInside)
        #expect(refusal { $0.organisationShare = .nan }?.parameter == .organisationShare)
        #expect(refusal { $0.years = 0...2000 }?.parameter == .years)
        #expect(refusal { $0.blocs = 5 } == nil)
    }
}
