import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Foundation
import Testing

/// The shipped network held to its source, `Tests/Fixtures/seed/russia-iran-relations.txt`: each test
/// names the section of the text it checks (headings as written there) and asserts what an
/// analyst reading that section would conclude. When the network is re-modelled, these are the
/// claims it must keep.
@Suite struct ShippedNetworkSourceTests {
    static let network: Network = NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml")).network!
    static let seed = Fixtures.fixturePath("seed/russia-iran-relations.txt")

    static func date(_ text: String) -> PartialDate { PartialDate(iso: text)! }
    static func relation(_ id: String) throws -> Relation {
        try #require(network.relations.first { $0.id == id }, "no relation '\(id)'")
    }
    static func dyad(_ a: String, _ b: String, at: String, inferred: Bool = true) throws -> DyadResult {
        try Dyad(first: a, second: b, at: date(at), filter: ViewFilter(includeInferred: inferred)).run(on: network)
    }

    /// "Rhetorical Backing vs. Material Support During Crises": "Russia's words and actions don't
    /// always match"; "Case Studies …": "words come first, then actions". As of June 2025, Russia's
    /// stated support of Iran exceeds its material support, and something asked or promised was
    /// not given.
    @Test func atJune2025RussiasWordsOutrunItsDeedsTowardsIran() throws {
        for at in ["2025-06", "2025-06-18"] {
            let d = try Self.dyad("RUS", "IRN", at: at)
            #expect(d.now.forward.stated > d.now.forward.material, "\(at): \(d.now.forward)")
            #expect(d.now.forward.verdict == .wordsOutrunDeeds)
        }
        let d = try Self.dyad("RUS", "IRN", at: "2025-06-18")
        #expect(d.now.forward.notGiven > 0)
        #expect(d.answer == .yesWithinLimits)
    }

    /// "Constraints: Russia's Need to Prioritize Air Defenses at Home": "Iran has asked for better
    /// air defenses after attacks by Israel and the U.S. … Russia keeps its best air defenses for
    /// itself"; FAQ: "Russia didn't give Iran advanced air defenses recently".
    @Test func iransRequestForAirDefencesIsRecordedAndUnmet() throws {
        let ask = try Self.relation("irn-rus-air-defence-request-2025")
        #expect(ask.source == "IRN" && ask.target == "RUS" && ask.commitment == .request && ask.fulfilment == .unmet)
        #expect(ask.since == Self.date("2025-06") && ask.provider == "RUS")
        #expect(ask.evidence.contains { $0.section == "Constraints: Russia’s Need to Prioritize Air Defenses at Home" })
        // The S-300PMU-2 belongs to the earlier arms trade, not to what Russia supplies in 2025.
        let at2025 = Self.network.relations.filter { $0.source == "RUS" && $0.target == "IRN" && $0.isActive(at: Self.date("2025-06")) }
        #expect(!at2025.contains { $0.flows.contains { $0.contains("S-300") } })
        #expect(Self.network.relations.contains { $0.flows.contains { $0.contains("S-300") } })
    }

    /// "Strategic Partnership or Alliance?": the January 2025 treaty "doesn't include collective
    /// defense"; "“Strategic Allies” vs. Absence of a Mutual Defense Treaty": "On June 18, Putin said
    /// there's no mutual defense pact with Iran". The treaty is words (a pledge), the mutual
    /// defence is ruled out.
    @Test func theTreatyIsAPledgeAndMutualDefenceIsRefused() throws {
        let treaty = try Self.relation("rus-irn-treaty-2025")
        #expect(treaty.channel == .stated && treaty.commitment == .pledge && treaty.since == Self.date("2025-01"))
        #expect(treaty.attributes["mutual_defence_clause"] == nil)
        let refusal = try Self.relation("rus-irn-mutual-defence-refusal-2025")
        #expect(refusal.commitment == .pledge && refusal.fulfilment == .refused && refusal.provider == "RUS")
        #expect(refusal.flows.contains { $0.contains("mutual defence") })
        #expect(refusal.since == Self.date("2025-06-18"))
        #expect(Self.network.sign(ofRelation: Self.network.relations.firstIndex { $0.id == refusal.id }!) == .negative)
    }

    /// "Does Russia Support Iran": after the US strikes Russia "did not offer military aid"; the
    /// June 2025 episode adds words (mediation, condemnation) and asks, not deeds. Material support
    /// of Iran does not grow from 2024-12 to 2025-06 (it falls when the Syria coordination ends with
    /// 2024), and the June episode adds none: the ceiling.
    @Test func june2025TestsTheCeilingWordsRiseDeedsDoNot() throws {
        let range = try TimelineRange(from: Self.date("2024-12"), to: Self.date("2025-07"), size: .month)
        let t = try Timeline(measure: .sayDo, range: range, filter: ViewFilter(), pair: ("RUS", "IRN")).run(on: Self.network)
        let stated = t.series[0].values, material = t.series[1].values, notGiven = t.series[2].values
        let june = try #require(t.steps.firstIndex { $0.step.label == "2025-06" })
        let may = june - 1
        #expect(material.allSatisfy { $0! <= material[0]! }, "material \(material)")
        #expect(material[june] == material[may], "material \(material)")
        #expect(stated[june]! > stated[may]! && stated[june]! > stated[0]!, "stated \(stated)")
        #expect(notGiven[0] == 0 && notGiven[june]! > 0, "not given \(notGiven)")
    }

    /// "From Safavids and Rurikids to Modern States": "The Russo-Persian War of 1651–53". Formal ties
    /// from 1521 do not overlap the war: in 1652 Russia and Iran are net hostile.
    @Test func russiaAndIranAreHostileIn1652() throws {
        let d = try Self.dyad("RUS", "IRN", at: "1652")
        #expect(d.now.net < 0, "net \(d.now.net)")
        #expect(d.now.positive == 0)
        #expect(try Self.dyad("RUS", "IRN", at: "1600").now.net > 0)
    }

    /// "Syria's Late-2024 Collapse: Minimal Intervention and a Managed Exit": the Assad-era ties end
    /// in late 2024 — present through December 2024, gone in January 2025.
    @Test func theSyriaTiesEndAtTheEndOf2024() throws {
        let syria = Self.network.relations.filter { $0.source == "SYR" || $0.target == "SYR" }
        #expect(!syria.isEmpty)
        for r in syria {
            #expect(r.until == Self.date("2025"), "\(r.id) until \(String(describing: r.until))")
            #expect(r.isActive(at: Self.date("2024-12")) && !r.isActive(at: Self.date("2025-01")), "\(r.id)")
        }
        // "Joint Military Backing of Assad in Syria and Its Limits": "Starting in 2015, … Iran-backed militias".
        #expect(try Self.relation("irn-syrmil-backing").since == Self.date("2015"))
    }

    /// "Balancing Ties With Israel and Gulf States Amid Russia and Iran Cooperation": Russia keeps
    /// channels open with Israel "on Syria" — from the 2015 intervention. Russia's hedging moves
    /// when the source's dated events do: with the inferred relations left out, monthly from 2010,
    /// it rises when Israel's June 2025 strikes make Iran and Israel hostile.
    @Test func russiasHedgingIsNotConstantOver2010To2025() throws {
        let range = try TimelineRange(from: Self.date("2010"), to: Self.date("2025-07"), size: .month)
        let t = try Timeline(measure: .actor(.hedges), range: range,
                             filter: ViewFilter(sign: .positive, direction: .undirected, includeInferred: false),
                             actors: ["RUS"]).run(on: Self.network)
        let values = t.series[0].values.compactMap { $0 }
        #expect(Set(values).count > 1, "\(values)")
        let may = try #require(t.steps.firstIndex { $0.step.label == "2025-05" })
        #expect(values[may + 1] > values[may])
        #expect(try Self.relation("rus-isr-deconfliction").since == Self.date("2015"))
    }

    /// "Why Moscow Calibrates Support to Preserve Ties With Israel and Arab States": the text never
    /// states an Iran–Gulf rivalry; the Gulf hedges rest on inferences and the report says so.
    @Test func inferredRelationsAreMarkedAndHeadlinesSayWhatTheyRestOn() throws {
        let inferred = Self.network.relations.filter(\.inferred)
        #expect(Set(inferred.map(\.id)).isSuperset(of: ["irn-sau-rivalry", "irn-are-rivalry"]))
        for r in inferred {
            #expect(r.note?.isEmpty == false, "\(r.id) has no note")
            #expect(r.evidence.allSatisfy { !($0.text ?? "").lowercased().hasPrefix("inferred") }, "\(r.id): reasoning in evidence")
        }
        let report = try NetworkReport(network: Self.network, options: NetworkReport.Options(at: Self.network.latestStart))
        let rus = try #require(report.hedging.scores.first { $0.id == "RUS" })
        let resting = rus.rivalries.filter { report.restsOnInferred(hedger: "RUS", $0) }
        #expect(Set(resting.map { [$0.first, $0.second].sorted() }) == [["ARE", "IRN"], ["IRN", "SAU"]])
        // No one straddles Russia × United States: that rested on a recommendation, not a relation.
        for s in report.hedging.scores {
            #expect(!s.rivalries.contains { [$0.first, $0.second].sorted() == ["RUS", "USA"] }, "\(s.id)")
        }
        let stated = try NetworkReport(network: Self.network,
                                       options: NetworkReport.Options(at: Self.network.latestStart, includeInferred: false))
        #expect(stated.hedging.scores.first { $0.id == "RUS" }!.hedges == rus.hedges - resting.count)
    }

    /// "Opportunities and Risks for US Policy …" is a recommendation: "working with Gulf partners"
    /// is advice to the US, not a relation.
    @Test func aRecommendationIsNotARelation() {
        for id in ["usa-sau-partnership", "usa-are-partnership"] {
            #expect(!Self.network.relations.contains { $0.id == id })
        }
        #expect(!Self.network.relations.contains { [$0.source, $0.target].sorted() == ["SAU", "USA"] })
    }

    /// "Coordination and Competition Across Iraq and Post-Soviet Central Asia" and the arena table
    /// ("Pragmatic deconfliction; incremental deals"): Central Asia is not only a rivalry.
    @Test func centralAsiaIsDeconflictionAsWellAsCompetition() throws {
        let pair = Self.network.relations.filter { [$0.source, $0.target].sorted() == ["IRN", "RUS"] }
        #expect(pair.contains { $0.kind == "deconfliction" && ($0.label ?? "").lowercased().contains("central asia") })
        #expect(pair.contains { $0.kind == "rivalry" && ($0.label ?? "").lowercased().contains("central asia") })
    }

    /// "Armenia's Unmet Expectations Despite CSTO Membership": Yerevan expected CSTO help; Moscow
    /// said it could not intervene and suggested talks.
    @Test func armeniasExpectationIsUnmetAndRussiaRefusedToIntervene() throws {
        let arm = try Self.dyad("RUS", "ARM", at: "2025-06")
        #expect(arm.now.forward.notGiven > 0)
        #expect(Self.network.relations.contains { $0.source == "ARM" && $0.target == "CSTO" && $0.commitment == .request
            && $0.fulfilment == .unmet })
    }

    /// Every evidence item cites a section heading (or table header, FAQ question) that is in the
    /// text, and says something of its own (no reasoning: that is in `note`).
    @Test func everyEvidenceSectionIsInTheText() throws {
        let text = try String(contentsOfFile: Self.seed, encoding: .utf8)
        var lines = Set(text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) })
        // Tables are cited by their header row without the trailing "|".
        for line in lines where line.hasSuffix("|") {
            lines.insert(String(line.dropLast()).trimmingCharacters(in: .whitespaces))
        }
        lines.insert("Introduction (untitled opening paragraphs)")
        for r in Self.network.relations {
            #expect(!r.evidence.isEmpty, "\(r.id)")
            for e in r.evidence {
                #expect(e.source == "seed", "\(r.id)")
                #expect(lines.contains(e.section ?? ""), "\(r.id): section '\(e.section ?? "")' is not a heading of the text")
            }
        }
    }

    /// Every date the text gives for the relations it dates is recorded: the episodes of the
    /// pair Russia–Iran as the dyad lists them include the text's dates (2025 is both the end of
    /// the Syria ties, "late 2024", and the January 2025 treaty: one day).
    @Test func theDyadsEpisodesAreTheTextsDates() throws {
        let d = try Dyad(first: "RUS", second: "IRN", at: Self.network.latestStart).run(on: Self.network)
        let dates = Set(d.episodes.map(\.date.description))
        for date in ["1521", "1651", "1654", "1722", "1911", "1921", "1992", "2015", "2022", "2025", "2025-06", "2025-06-18"] {
            #expect(dates.contains(date), "no episode at \(date): \(dates.sorted())")
        }
    }
}
