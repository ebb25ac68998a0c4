import ActorNetCore
import Testing

@Suite struct PartialDateTests {
    @Test(arguments: ["2015", "2024-12", "2025-06-18", "2024-02-29", "2000-02-29", "0001", "9999-12-31"])
    func parsesValidISODates(_ text: String) throws {
        let date = try #require(PartialDate(iso: text))
        #expect(date.description == text)
    }

    @Test(arguments: ["", "15", "2015-1", "2015-13", "2015-00", "2023-02-29", "1900-02-29", "2015-04-31",
                      "2015/01", "2015-01-01T00:00", " 2015", "2015-", "0000", "20150", "２０１５", "-2015",
                      "2015--1", "2015-01-1", "201a-01", "2015-0a-01", "2015-01-0\u{0}"])
    func rejectsInvalidDates(_ text: String) {
        #expect(PartialDate(iso: text) == nil)
    }

    @Test func precision() throws {
        #expect(try #require(PartialDate(iso: "2015")).precision == .year)
        #expect(try #require(PartialDate(iso: "2015-09")).precision == .month)
        #expect(try #require(PartialDate(iso: "2015-09-30")).precision == .day)
    }

    @Test func ordersByFirstDayOfPeriod() throws {
        let dates = ["2025-06-18", "2015", "2024-12", "2024-11-30", "2025-01", "2024"].map { PartialDate(iso: $0)! }
        #expect(dates.sorted().map(\.description) == ["2015", "2024", "2024-11-30", "2024-12", "2025-01", "2025-06-18"])
        // Same first day: the coarser precision sorts first, but the ordinal is the same.
        let year = try #require(PartialDate(iso: "2025")), day = try #require(PartialDate(iso: "2025-01-01"))
        #expect(year < day)
        #expect(year.ordinal == day.ordinal)
    }

    @Test func ordinalsAreConsecutiveDays() throws {
        // Every day from 1999-01-01 to 2001-12-31 follows the previous one by exactly 1.
        var previous: Int?
        for year in 1999...2001 {
            for month in 1...12 {
                for day in 1...PartialDate.daysIn(month: month, year: year) {
                    let ordinal = try #require(PartialDate(year: year, month: month, day: day)).ordinal
                    if let previous { #expect(ordinal == previous + 1) }
                    previous = ordinal
                }
            }
        }
    }

    @Test func intervalSemantics() throws {
        let r = Relation(id: "r", source: "A", target: "B", kind: "cooperation",
                         since: PartialDate(iso: "2015-09"), until: PartialDate(iso: "2024-12"))
        #expect(!r.isActive(at: PartialDate(iso: "2015-08-31")!))
        #expect(r.isActive(at: PartialDate(iso: "2015-09-01")!))   // since is inclusive
        #expect(r.isActive(at: PartialDate(iso: "2024-11-30")!))
        #expect(!r.isActive(at: PartialDate(iso: "2024-12")!))      // until is exclusive
        let open = Relation(id: "o", source: "A", target: "B", kind: "cooperation")
        #expect(open.isActive(at: PartialDate(iso: "1000")!))
    }
}

@Suite struct NameSuggestionTests {
    @Test func suggestsCloseNames() {
        #expect(NameSuggestion.nearest(to: "nmae", in: ["id", "name", "kind"]) == "name")
        #expect(NameSuggestion.nearest(to: "cooperaton", in: ["cooperation", "rivalry"]) == "cooperation")
        #expect(NameSuggestion.nearest(to: "Weight", in: ["weight", "kind"]) == "weight")
        #expect(NameSuggestion.nearest(to: "IRQ", in: ["IRN", "ISR", "RUS"]) == "IRN")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(NameSuggestion.nearest(to: "banana", in: ["id", "name", "kind"]) == nil)
        #expect(NameSuggestion.nearest(to: "x", in: [String]()) == nil)
    }
}
