/// The length of one step of a timeline: a calendar year, quarter or month.
public enum TimelineStepSize: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case year, quarter, month

    /// Months in one step.
    public var months: Int {
        switch self {
        case .year: 12
        case .quarter: 3
        case .month: 1
        }
    }

    /// "yearly", "quarterly", "monthly", for sentences.
    public var adjective: String {
        switch self {
        case .year: "yearly"
        case .quarter: "quarterly"
        case .month: "monthly"
        }
    }

    public var description: String { rawValue }
}

/// One step of a timeline: a calendar period (the year 2015, the quarter 2015-Q2, the month
/// 2015-04), analysed as the network **as of its first day** — exactly `ViewFilter(at: date)`,
/// so `since` is inclusive, `until` exclusive and undated relations are always present.
public struct TimelineStep: Sendable, Hashable, CustomStringConvertible {
    public let size: TimelineStepSize
    /// Months from 1 January of year 0 to the step's first day: 12 × year + month − 1.
    let monthIndex: Int

    init(size: TimelineStepSize, monthIndex: Int) {
        self.size = size
        self.monthIndex = monthIndex
    }

    public var year: Int { monthIndex / 12 }
    /// 1…12: the step's first month.
    public var month: Int { monthIndex % 12 + 1 }
    /// 1…4: the quarter the step starts in.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// The first day of the step, at the precision of the step: `2015` for a year, `2015-04`
    /// for a quarter or a month. As a view date it means the first day of that period.
    public var date: PartialDate {
        // The years come from valid PartialDates (1…9999), so these always exist.
        size == .year ? PartialDate(year: year)! : PartialDate(year: year, month: month)!
    }

    /// `2015`, `2015-Q2`, `2015-04`.
    public var label: String {
        switch size {
        case .year: return date.description
        case .quarter: return PartialDate(year: year)!.description + "-Q\(quarter)"
        case .month: return date.description
        }
    }

    /// The step's number counted in steps from year 0, so that every k-th step can be picked
    /// by the calendar (every 5th year, every 4th quarter = each Q1, every 12th month = each
    /// January) whatever the range's start.
    public var number: Int { monthIndex / size.months }

    public var description: String { label }
}

/// The steps of a timeline: every calendar period of `size` from the one that contains `from`
/// to the one that contains `to`, both included.
///
/// A date names the period it falls in: with yearly steps `from: 2015-06` starts at the year
/// 2015, whose snapshot is 1 January 2015; `to: 2025-06` ends with the year 2025 (snapshot
/// 1 January 2025), so relations starting later in 2025 show only with quarterly or monthly
/// steps, or with `to: 2026`.
public struct TimelineRange: Sendable, Hashable, CustomStringConvertible {
    public let from: PartialDate
    public let to: PartialDate
    public let size: TimelineStepSize
    /// The steps, in time order.
    public let steps: [TimelineStep]

    /// The most steps a timeline may have: each step is a full analysis (unless reused).
    public static let defaultMaximumSteps = 2000

    /// - Throws: `TimelineError.reversedRange` when `to` is before `from`, and
    ///   `.tooManySteps` when the range holds more than `maximumSteps` steps (the message gives
    ///   the counts at coarser steps).
    public init(from: PartialDate, to: PartialDate, size: TimelineStepSize,
                maximumSteps: Int = TimelineRange.defaultMaximumSteps) throws(TimelineError) {
        guard from.ordinal <= to.ordinal else { throw TimelineError.reversedRange(from: from, to: to) }
        let first = Self.stepIndex(containing: from, size: size)
        let last = Self.stepIndex(containing: to, size: size)
        let count = last - first + 1
        if count > maximumSteps {
            let coarser = TimelineStepSize.allCases.filter { $0.months > size.months }.map { bigger in
                (bigger, Self.stepIndex(containing: to, size: bigger) - Self.stepIndex(containing: from, size: bigger) + 1)
            }
            throw TimelineError.tooManySteps(count: count, size: size, from: from, to: to, limit: maximumSteps,
                                             coarser: coarser.map { TimelineError.StepCount(size: $0.0, count: $0.1) })
        }
        self.from = from
        self.to = to
        self.size = size
        steps = (first...last).map { TimelineStep(size: size, monthIndex: $0 * size.months) }
    }

    /// The default range of a network: from the year of its earliest `since` to its latest
    /// start (`Network.latestStart`, the "present" of other analyses). Nil when no relation has
    /// a start date.
    public static func defaultBounds(of network: Network) -> (from: PartialDate, to: PartialDate)? {
        guard let earliest = network.relations.compactMap(\.since).min(), let latest = network.latestStart else { return nil }
        return (PartialDate(year: earliest.year)!, latest)
    }

    /// "2015 to 2025-Q3, quarterly (43 steps)".
    public var description: String {
        guard let first = steps.first, let last = steps.last else { return "no steps" }
        let span = steps.count == 1 ? first.label : "\(first.label) to \(last.label)"
        return "\(span), \(size.adjective) (\(steps.count) step\(steps.count == 1 ? "" : "s"))"
    }

    /// Index of the step of `size` that contains `date`, counted from year 0.
    static func stepIndex(containing date: PartialDate, size: TimelineStepSize) -> Int {
        (date.year * 12 + (date.month ?? 1) - 1) / size.months
    }
}
