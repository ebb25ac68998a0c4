import ActorNetIO
public import ActorNetCore
import Foundation

/// `actornet timeline` and the service's timeline routes: a computed `TimelineResult` rendered
/// as a table, CSV, JSON or an SVG line chart.
///
/// Tables show steps as rows and series as columns, whole numbers for counts and 4 decimals
/// otherwise (as `actornet metrics`), `n/a` where a value is missing; CSV and JSON carry every
/// value exactly (the shortest text that reads back to the same double). Everything depends
/// only on the result: same input, same bytes.
public struct TimelineReport: Sendable {
    public var file: String
    /// The network's own name, if it has one.
    public var networkName: String?
    /// The measure's name as asked (`hedging` for the alias), when it differs from the canonical one.
    public var asked: String?
    /// The view, as headers state it.
    public var view: String
    public var result: TimelineResult

    public init(file: String, networkName: String? = nil, asked: String? = nil, view: String, result: TimelineResult) {
        self.file = file
        self.networkName = networkName
        self.asked = asked
        self.view = view
        self.result = result
    }

    /// Computes a timeline of `network`: the range defaults to the year of the earliest `since`
    /// through the latest start (`TimelineRange.defaultBounds`), each missing end separately.
    ///
    /// - Parameters:
    ///   - filter: the view; its date is ignored (each step has its own).
    ///   - actors: the series to keep, in order; nil: the `top` actors by their largest value.
    ///   - pair: the ordered pair of `say-do` (giver, receiver).
    ///   - progress: hears the steps done of all steps.
    /// - Throws: `TimelineError`, whose `field` names the parameter at fault.
    public static func compute(
        _ network: Network, file: String, measure: TimelineMeasure, asked: String? = nil, from: PartialDate?,
        to: PartialDate?, step: TimelineStepSize, filter: ViewFilter, actors: [String]? = nil, top: Int = 5,
        options: MetricOptions = MetricOptions(), frustration: FrustrationIndex = FrustrationIndex(),
        maximumSteps: Int = TimelineRange.defaultMaximumSteps, pair: (source: String, target: String)? = nil,
        progress: ProgressHandler? = nil
    ) throws(TimelineError) -> TimelineReport {
        let bounds = TimelineRange.defaultBounds(of: network)
        guard let first = from ?? bounds?.from, let last = to ?? bounds?.to else { throw TimelineError.noDatedRelations }
        let range = try TimelineRange(from: first, to: last, size: step, maximumSteps: maximumSteps)
        let timeline = Timeline(measure: measure, range: range, filter: filter, options: options,
                                frustration: frustration, actors: actors, top: top, pair: pair)
        let result = try timeline.run(on: network, progress: progress)
        let askedName = asked.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return TimelineReport(file: file, networkName: network.name, asked: askedName == measure.name ? nil : askedName,
                              view: describe(result.filter, measure: measure, in: network), result: result)
    }

    /// The timeline a network's page shows: the hedging (H) of the 5 actors that hedge most,
    /// month by month over the 15 years up to the latest start (monthly, so that the last step
    /// is the file's present, as in the rest of the page), in the view `metrics` uses, without
    /// the relations marked inferred: the chart shows the change the source dates, and an
    /// undated inference would be a flat line across it (the chart's view line says so). Nil
    /// when no relation has a start date.
    public static func overview(_ network: Network, file: String) -> TimelineReport? {
        guard let latest = network.latestStart, let bounds = TimelineRange.defaultBounds(of: network) else { return nil }
        let from = max(bounds.from, PartialDate(year: max(1, latest.year - 15))!)
        // At most 15 × 12 + 12 monthly steps, and every id is the network's own: this cannot fail.
        return try? compute(network, file: file, measure: .actor(.hedges), asked: "hedging", from: from, to: latest,
                            step: .month, filter: ViewFilter(sign: .positive, direction: .undirected,
                                                             includeInferred: !network.relations.contains(where: \.inferred)))
    }

    /// The view as `ViewFilter.describe` states it, with the date part for a timeline, and a
    /// note when the measure reads both signs whatever the view's sign (as `metrics` says).
    static func describe(_ filter: ViewFilter, measure: TimelineMeasure, in network: Network) -> String {
        var undated = filter
        undated.at = nil
        var text = undated.describe(in: network)
        let allDates = ", all dates together"
        if text.hasSuffix(allDates) { text.removeLast(allDates.count) }
        text += ", as of the first day of each step (undated relations count as always present)"
        if measure.liftsSign, filter.sign != nil {
            text += "; \(measure.name) reads relations of both signs (the rest of the view as stated)"
        }
        return text
    }

    // MARK: - Text

    /// "hedges H (rivalries straddled)", with the name asked for when it was an alias.
    public var measureLine: String {
        result.measureDescription + (asked.map { " (asked for as '\($0)')" } ?? "")
    }

    /// Who the series are.
    public var selectionLine: String {
        switch result.selection {
        case .given: "the actors asked for"
        case let .top(k):
            "the \(result.series.count == k ? "\(k) actors" : "\(result.series.count) actor\(result.series.count == 1 ? "" : "s")") "
                + "with the largest value at any step (ties by id; actors at 0 throughout are left out)"
        case .network: "the network as a whole"
        }
    }

    public func text() -> String {
        var out = [file, TextLayout.wrap("measure: \(measureLine)"), TextLayout.wrap("view: \(view)"),
                   TextLayout.wrap("steps: \(result.range); \(result.reuseNote)"), TextLayout.wrap("dates: \(result.datingNote)"),
                   TextLayout.wrap("series: \(selectionLine)"), ""]
        let integral = result.measure.isCount
        func cell(_ v: Double?) -> String {
            guard let v else { return "n/a" }
            return MetricsReport.fixed(v, integral: integral)
        }
        if result.series.isEmpty {
            out.append(result.measure.isPerActor ? "No actor has a value other than 0 at any step." : "No series.")
        } else {
            let stepWidth = max(4, result.steps.map(\.step.label.count).max() ?? 4)
            let widths = result.series.map { s in max(s.id.count, s.values.map { cell($0).count }.max() ?? 0, 6) }
            // Blocks of columns that keep a line within 100 columns.
            var start = 0
            while start < result.series.count {
                var end = start, used = stepWidth
                while end < result.series.count, end == start || used + 2 + widths[end] <= 100 {
                    used += 2 + widths[end]
                    end += 1
                }
                var header = "step".padding(toLength: stepWidth, withPad: " ", startingAt: 0)
                for s in start..<end { header += "  " + result.series[s].id.leftPadded(widths[s]) }
                out.append(header)
                for (i, outcome) in result.steps.enumerated() {
                    var line = outcome.step.label.padding(toLength: stepWidth, withPad: " ", startingAt: 0)
                    for s in start..<end { line += "  " + cell(result.series[s].values[i]).leftPadded(widths[s]) }
                    out.append(line)
                }
                start = end
                if start < result.series.count { out.append("") }
            }
            out.append("")
            let idWidth = min(12, result.series.map(\.id.count).max() ?? 0)
            for s in result.series where s.name != s.id {
                out.append(TextLayout.wrap(s.id.padding(toLength: max(idWidth, s.id.count), withPad: " ", startingAt: 0) + "  " + s.name))
            }
        }
        let remarks = result.steps.compactMap { o -> String? in
            guard !o.reused else { return nil }
            if let error = o.error { return "\(o.step.label): not computed: \(error)" }
            return o.note.map { "\(o.step.label): \($0)" }
        }
        if !remarks.isEmpty {
            out.append("")
            out += remarks.map { TextLayout.wrap($0) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - CSV

    /// `step,date,<series ids…>`, one row per step; a missing value is an empty field. The
    /// series' names are in the JSON and the table.
    public func csv() -> String {
        var out = (["step", "date"] + result.series.map(\.id)).map(CSVField.escape).joined(separator: ",") + "\n"
        for (i, outcome) in result.steps.enumerated() {
            let fields = [outcome.step.label, outcome.step.date.description]
                + result.series.map { $0.values[i].map(NumberText.exact) ?? "" }
            out += fields.map(CSVField.escape).joined(separator: ",") + "\n"
        }
        return out
    }

    // MARK: - JSON

    /// `{file, measure{name, asked?, description, perActor, counts}, view, range{from, to, step},
    /// steps[{label, date, reused, note?, error?}], series[{id, name, values[number|null]}],
    /// selection{kind: given|top|network, top?}, computed, reused, undatedRelations, relations}`.
    public func json() throws -> String {
        struct Measure: Encodable {
            var name: String
            var asked: String?
            var description: String
            var perActor: Bool
            var counts: Bool
        }
        struct Range: Encodable { var from: String; var to: String; var step: String }
        struct Step: Encodable { var label: String; var date: String; var reused: Bool; var note: String?; var error: String? }
        struct Series: Encodable { var id: String; var name: String; var values: [Double?] }
        struct Selection: Encodable { var kind: String; var top: Int? }
        struct Document: Encodable {
            var file: String
            var measure: Measure
            var view: String
            var range: Range
            var steps: [Step]
            var series: [Series]
            var selection: Selection
            var computed: Int
            var reused: Int
            var undatedRelations: Int
            var relations: Int
        }
        let selection: Selection
        switch result.selection {
        case .given: selection = Selection(kind: "given", top: nil)
        case let .top(k): selection = Selection(kind: "top", top: k)
        case .network: selection = Selection(kind: "network", top: nil)
        }
        let document = Document(
            file: file,
            measure: Measure(name: result.measure.name, asked: asked, description: result.measureDescription,
                             perActor: result.measure.isPerActor, counts: result.measure.isCount),
            view: view,
            range: Range(from: result.range.from.description, to: result.range.to.description, step: result.range.size.rawValue),
            steps: result.steps.map {
                Step(label: $0.step.label, date: $0.step.date.description, reused: $0.reused, note: $0.note, error: $0.error)
            },
            series: result.series.map { Series(id: $0.id, name: $0.name, values: $0.values) },
            selection: selection, computed: result.computed, reused: result.reused,
            undatedRelations: result.undatedRelations, relations: result.relations)
        return try JSONOutput.encode(document)
    }

    // MARK: - SVG

    /// The timeline as a line chart (`SVGLineChart`): the measure and the range as the title,
    /// the view under it, one line per series with the legend naming each (actor id and name),
    /// the dating and reuse notes at the bottom.
    public func svg(width: Int = 960, height: Int = 540, title: String? = nil) -> String {
        let range = result.range
        let heading = title ?? "\(asked.map { "\($0): " } ?? "")\(result.measureDescription) — \(range.size.adjective), "
            + (range.steps.count == 1 ? range.steps[0].label : "\(range.steps.first!.label) to \(range.steps.last!.label)")
        let chart = SVGLineChart(
            title: heading,
            subtitle: ["\(networkName.map { "\($0) (\(file))" } ?? file). Series: \(selectionLine).", "View: \(view)."],
            pointCount: result.steps.count, xLabels: Self.xLabels(result.steps.map(\.step)),
            yTitle: result.measure.name, integral: result.measure.isCount,
            series: result.series.map {
                // Actors by id and name; a network measure's series by what they are.
                let label = result.selection == .network || $0.name == $0.id ? $0.name : "\($0.id) \($0.name)"
                return SVGLineChart.Series(id: $0.id, label: label, values: $0.values)
            },
            footnote: "\(result.datingNote) Values \(result.reuseNote). Drawn by ActorNet.",
            width: width, height: height)
        return chart.render()
    }

    /// Candidate x labellings by the calendar, densest first: every step, then every k-th
    /// step for k in nice strides of the step size (years 2, 5, 10, …; quarters 2, then whole
    /// years; months 3, 6, then whole years), each anchored on calendar multiples so labels fall
    /// on round dates. Once a stride spans whole years the label is the year alone.
    static func xLabels(_ steps: [TimelineStep]) -> [SVGLineChart.XLabels] {
        guard let size = steps.first?.size else { return [] }
        let perYear = 12 / size.months
        var strides: [Int]
        switch size {
        case .year: strides = [1, 2, 5]
        case .quarter: strides = [1, 2]
        case .month: strides = [1, 3, 6]
        }
        // Whole years: 1, 2, 5, 10, 20, 50, … until one stride spans the range.
        var power = 1
        search: while true {
            for factor in [1, 2, 5] {
                strides.append(factor * power * perYear)
                if factor * power * perYear >= steps.count { break search }
            }
            power *= 10
        }
        var candidates: [SVGLineChart.XLabels] = []
        for stride in Array(Set(strides)).sorted() {
            let labels = steps.enumerated().filter { $0.element.number % stride == 0 }.map { index, step in
                (index: index, text: stride % perYear == 0 ? PartialDate(year: step.year)!.description : step.label)
            }
            // A labelling with a single label says little when the fallback below gives two.
            if labels.count >= 2 || steps.count == 1 { candidates.append(SVGLineChart.XLabels(labels)) }
        }
        // When even the sparsest stride leaves no label (a short range between round dates),
        // label the first and last steps.
        candidates.append(SVGLineChart.XLabels(steps.count > 1
            ? [(0, steps[0].label), (steps.count - 1, steps[steps.count - 1].label)] : [(0, steps[0].label)]))
        return candidates
    }
}
