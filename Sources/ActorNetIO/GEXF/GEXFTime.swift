import ActorNetCore
import Foundation

/// The one mapping between ActorNet's relation dates and GEXF's time intervals, used by the
/// writer and (inverted) by the reader.
///
/// ActorNet: `since` is an inclusive start, `until` an exclusive end, and a partial date stands
/// for the first day of its period (`until: 2024-12` = present through 2024-11-30).
///
/// GEXF: with `timeformat="date"`, `start` and `end` are days and both are **inclusive** — the
/// GEXF 1.3 changelog removed 1.2draft's `startopen`/`endopen` and says to "use regular
/// inclusive start and end instead"; Gephi's timeline keeps an element visible on its `end`
/// day. So:
///
/// | ActorNet          | GEXF                          |
/// |-------------------|-------------------------------|
/// | `since: 2022`     | `start="2022-01-01"`          |
/// | `until: 2024-12`  | `end="2024-11-30"` (day before) |
/// | no date           | no attribute (open)           |
///
/// The reader inverts it: `start` → `since` (a full date), `end` + 1 day → `until`; 1.2draft's
/// `startopen="d"` (exclusive) → `since` = d + 1 day and `endopen="d"` → `until` = d. The
/// written `since`/`until` attvalues keep the original precision, so an ActorNet export reads
/// back exactly; the interval attributes are what Gephi replays.
enum GEXFTime {
    /// The first day of `since`'s period, as an `xs:date`.
    static func start(since: PartialDate) -> String {
        firstDay(since).description
    }

    /// The last day on which a relation that ends (exclusively) at `until` holds, as an
    /// `xs:date`; nil when that day would fall before year 1 (`until: 0001`).
    static func end(until: PartialDate) -> String? {
        dayBefore(firstDay(until))?.description
    }

    /// Parses a GEXF date or dateTime (`2009-03-01`, `2009-03-01T12:00:00Z`, `2009-03-01+01:00`)
    /// into its day; `hadTime` tells that a time of day or zone was dropped.
    static func parseDay(_ text: String) -> (day: PartialDate, hadTime: Bool)? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let scalars = Array(t.unicodeScalars)
        guard scalars.count >= 10, let day = PartialDate(iso: String(String.UnicodeScalarView(scalars[0..<10]))),
              day.precision == .day else { return nil }
        return (day, scalars.count > 10)
    }

    static func firstDay(_ d: PartialDate) -> PartialDate {
        PartialDate(year: d.year, month: d.month ?? 1, day: d.day ?? 1)!
    }

    static func dayBefore(_ d: PartialDate) -> PartialDate? {
        let (y, m, day) = (d.year, d.month ?? 1, d.day ?? 1)
        if day > 1 { return PartialDate(year: y, month: m, day: day - 1) }
        if m > 1 { return PartialDate(year: y, month: m - 1, day: PartialDate.daysIn(month: m - 1, year: y)) }
        return PartialDate(year: y - 1, month: 12, day: 31)
    }

    static func dayAfter(_ d: PartialDate) -> PartialDate? {
        let (y, m, day) = (d.year, d.month ?? 1, d.day ?? 1)
        if day < PartialDate.daysIn(month: m, year: y) { return PartialDate(year: y, month: m, day: day + 1) }
        if m < 12 { return PartialDate(year: y, month: m + 1, day: 1) }
        return PartialDate(year: y + 1, month: 1, day: 1)
    }
}
