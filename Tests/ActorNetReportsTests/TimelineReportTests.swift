import ActorNetCore
import ActorNetIO
@testable import ActorNetReports
import ActorNetTestSupport
import Foundation
import Testing

@Suite struct TimelineReportTests {
    static func shipped() throws -> Network {
        try #require(NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml")).network)
    }

    static func report(_ network: Network, measure: String = "hedging", from: String = "2015", to: String = "2025-07",
                       step: TimelineStepSize = .quarter, actors: [String]? = nil) throws -> TimelineReport {
        let m = try TimelineMeasure.parse(measure)
        return try TimelineReport.compute(
            network, file: "graphs/russia-iran.yaml", measure: m, asked: measure, from: PartialDate(iso: from),
            to: PartialDate(iso: to), step: step, filter: ViewFilter(sign: m.defaultSign, direction: .undirected),
            actors: actors)
    }

    /// The chart read back by libxml2; a document that is not well-formed fails the test with
    /// libxml2's line and column.
    static func outline(_ svg: String) throws -> XMLOutline {
        switch XMLOutline.parse(Array(svg.utf8), file: "chart.svg") {
        case let .success(outline): return outline
        case let .failure(error):
            Issue.record("not well-formed: \(error)")
            throw error
        }
    }

    // MARK: - The SVG chart

    @Test func theChartIsWellFormedWithOneLineAndOneLegendEntryPerSeries() throws {
        let report = try Self.report(try Self.shipped(), actors: ["RUS", "IRN", "ARE", "SAU", "SYR"])
        let svg = report.svg()
        let outline = try Self.outline(svg)
        #expect(outline.elements.first?.name == "svg")
        #expect(outline.elements.first?.attributes["width"] == "960")
        #expect(outline.elements.first?.attributes["viewBox"] == "0 0 960 540")
        let paths = outline.elements(named: "path").filter { $0.attributes["class"] == "series" }
        #expect(paths.map { $0.attributes["data-series"] } == ["RUS", "IRN", "ARE", "SAU", "SYR"])
        let legend = outline.elements.filter { $0.attributes["class"] == "legend-item" }
        #expect(legend.map { $0.attributes["data-series"] } == ["RUS", "IRN", "ARE", "SAU", "SYR"])
        let texts = outline.elements(named: "text").map(\.text)
        for label in ["RUS Russia", "IRN Iran", "ARE United Arab Emirates", "SAU Saudi Arabia", "SYR Syria (Assad government)"] {
            #expect(texts.contains(label), "no legend text \(label)")
        }
        // Distinct colour and dash pattern per series, from the Okabe–Ito palette.
        let styles = paths.map { "\($0.attributes["stroke"] ?? "") \($0.attributes["stroke-dasharray"] ?? "solid")" }
        #expect(Set(styles).count == 5)
        #expect(paths.allSatisfy { SVGLineChart.palette.contains($0.attributes["stroke"] ?? "") })
        // Title names the measure and the range; the subtitle the view.
        let title = try #require(outline.elements(named: "title").first?.text)
        #expect(title.contains("hedging"))
        #expect(title.contains("2015-Q1 to 2025-Q3"))
        #expect(texts.contains { $0.hasPrefix("View: positive relations") })
        // Same input, same bytes.
        #expect(svg == report.svg())
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
    }

    @Test func missingValuesBreakTheLine() throws {
        let chart = SVGLineChart(
            title: "gaps", pointCount: 7,
            xLabels: [SVGLineChart.XLabels((0..<7).map { ($0, "p\($0)") })],
            series: [SVGLineChart.Series(id: "a", label: "a", values: [1, 2, nil, 3, nil, nil, 5]),
                     SVGLineChart.Series(id: "b", label: "b", values: [nil, nil, nil, nil, nil, nil, nil])])
        let outline = try Self.outline(chart.render())
        let paths = outline.elements(named: "path")
        #expect(paths.count == 2)
        let d = try #require(paths.first?.attributes["d"])
        // Three runs: (1, 2), (3), (5): three moves, one line segment.
        #expect(d.filter { $0 == "M" }.count == 3)
        #expect(d.filter { $0 == "L" }.count == 1)
        #expect(paths[1].attributes["d"] == "")
    }

    @Test func everyTextIsEscapedAndReadsBack() throws {
        let nasty = "<b>\"Tom\" & 'Jerry'</b>\u{0001}"
        let chart = SVGLineChart(
            title: "A & B <title>", subtitle: ["view: \"quoted\" & <tagged>"], pointCount: 2,
            xLabels: [SVGLineChart.XLabels([(0, "<2015>"), (1, "&2016")])], yTitle: "y & <y>",
            series: [SVGLineChart.Series(id: "a\"<>&'", label: nasty, values: [1, 2])], footnote: "foot & <note>")
        let svg = chart.render()
        let outline = try Self.outline(svg)
        let texts = outline.elements(named: "text").map(\.text)
        #expect(texts.contains("A & B <title>"))
        #expect(texts.contains("<2015>"))
        #expect(texts.contains("y & <y>"))
        #expect(texts.contains("<b>\"Tom\" & 'Jerry'</b>\u{FFFD}"))
        #expect(outline.elements(named: "path").first?.attributes["data-series"] == "a\"<>&'")
        #expect(!svg.contains("<b>"))
    }

    @Test func hostileNamesInANetworkStayText() throws {
        let yaml = """
            actors:
              - {id: "X", name: "<script>alert(1)</script>"}
              - {id: "Y&Z", name: "a \\"quoted\\" & 'apostrophed' name"}
              - {id: W}
            relations:
              - {id: r1, source: X, target: "Y&Z", kind: cooperation, since: 2020}
              - {id: r2, source: X, target: W, kind: cooperation}
              - {id: r3, source: "Y&Z", target: W, kind: rivalry, since: 2021}
            """
        let network = try #require(Fixtures.load(yaml: yaml).network)
        let report = try TimelineReport.compute(network, file: "<file>.yaml", measure: .actor(.hedges), from: nil, to: nil,
                                                step: .year, filter: ViewFilter(direction: .undirected))
        let outline = try Self.outline(report.svg())
        let texts = outline.elements(named: "text").map(\.text)
        #expect(texts.contains("X <script>alert(1)</script>"))
        #expect(outline.elements(named: "script").isEmpty)
    }

    @Test func niceTicksAreOneTwoOrFiveTimesAPowerOfTen() {
        for (low, high) in [(0.0, 4.0), (0, 28), (0, 0.647), (0, 1), (-3, 7), (0, 1234), (0.5, 0.5), (0, 0), (0, 0.0031)] {
            for integral in [false, true] {
                let ticks = SVGLineChart.niceTicks(low: low, high: high, count: 6, integral: integral)
                #expect(ticks.values.count >= 2)
                #expect(ticks.values.first! <= min(low, high) && ticks.values.last! >= max(low, high))
                let spacing = ticks.values[1] - ticks.values[0]
                let mantissa = spacing / pow(10, log10(spacing).rounded(.down))
                #expect([1.0, 2, 5, 10].contains { abs($0 - mantissa) < 1e-9 }, "spacing \(spacing)")
                if integral { #expect(spacing >= 1 && spacing == spacing.rounded()) }
                #expect(ticks.values.count <= 12)
            }
        }
        #expect(SVGLineChart.niceTicks(low: 0, high: 4, count: 6, integral: true).values == [0, 1, 2, 3, 4])
        #expect(SVGLineChart.niceTicks(low: 0, high: 0.647, count: 6, integral: false).decimals == 1)
        #expect(SVGLineChart.fixed(-0.0004, decimals: 3) == "0.000")
        #expect(SVGLineChart.fixed(2.5, decimals: 2) == "2.50")
        #expect(SVGLineChart.num(12.0) == "12")
        #expect(SVGLineChart.num(-0.001) == "0")
        #expect(SVGLineChart.num(3.14159) == "3.14")
    }

    /// The x labels never overlap (by the chart's own width estimate) and follow the calendar.
    @Test(arguments: [(TimelineStepSize.year, "1521"), (.quarter, "2000"), (.month, "2005"), (.month, "2024-09")])
    func xLabelsAreThinnedToFit(_ size: TimelineStepSize, _ from: String) throws {
        let report = try Self.report(try Self.shipped(), measure: "degree", from: from, to: "2025-06", step: size,
                                     actors: ["RUS"])
        for width in [320, 960] {
            let outline = try Self.outline(report.svg(width: width, height: 400))
            var inAxis = false
            var labels: [(x: Double, text: String)] = []
            for element in outline.elements {
                if element.name == "g" { inAxis = element.attributes["class"] == "x-axis" }
                if inAxis, element.name == "text" { labels.append((Double(element.attributes["x"]!)!, element.text)) }
            }
            #expect(labels.count >= 2, "\(size) from \(from), width \(width): \(labels.map(\.text))")
            for (a, b) in zip(labels, labels.dropFirst()) {
                let room = SVGLineChart.textWidth(a.text, size: 12) / 2 + SVGLineChart.textWidth(b.text, size: 12) / 2
                #expect(b.x - a.x >= room, "\(a.text) and \(b.text) overlap at width \(width)")
            }
            // Sparse labels fall on round years: once a year is all a label says, it is a multiple of the stride.
            if labels.count > 2, labels.allSatisfy({ $0.text.count == 4 }) {
                let years = labels.compactMap { Int($0.text) }
                let stride = years[1] - years[0]
                #expect(years.allSatisfy { $0 % stride == 0 }, "\(years)")
            }
        }
    }

    // MARK: - Table, CSV, JSON

    @Test func tableHasStepsAsRowsAndSeriesAsColumns() throws {
        let report = try Self.report(try Self.shipped(), actors: ["RUS", "IRN", "SYR"])
        let text = report.text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "graphs/russia-iran.yaml")
        #expect(text.contains("measure: hedges H (rivalries straddled) (asked for as 'hedging')"))
        #expect(text.contains("steps: 2015-Q1 to 2025-Q3, quarterly (43 steps); computed at 5 of 43 steps"), "\(text)")
        #expect(text.contains("undated and counted as always present"))
        let header = try #require(lines.first { $0.hasPrefix("step ") })
        #expect(header.split(separator: " ") == ["step", "RUS", "IRN", "SYR"])
        let rows = lines.filter { $0.hasPrefix("20") && $0.contains("-Q") }
        #expect(rows.count == 43)
        #expect(rows.first?.split(separator: " ").first == "2015-Q1")
        #expect(text.contains("SYR      Syria (Assad government)") || text.contains("SYR  Syria (Assad government)"))
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(text == report.text())
    }

    @Test func wideTablesSplitIntoBlocks() throws {
        let network = try Self.shipped()
        let ids = network.actors.map(\.id)
        let report = try Self.report(network, measure: "degree", from: "2024", to: "2025", step: .year, actors: ids)
        let text = report.text()
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("step ") }.count >= 2)
    }

    @Test func csvHasOneRowPerStepAndExactValues() throws {
        let report = try Self.report(try Self.shipped(), measure: "balance", from: "2014", to: "2025-06", step: .year)
        let lines = report.csv().split(separator: "\n").map(String.init)
        #expect(lines.first == "step,date,balance")
        #expect(lines.count == 13)
        // The June 2025 snapshot is not a yearly step: 2025 is 1 January 2025.
        #expect(lines.last?.hasPrefix("2025,2025,") == true)
        let values = lines.dropFirst().map { Double($0.split(separator: ",").last!)! }
        #expect(values.allSatisfy { (0...1).contains($0) })
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let report = try Self.report(try Self.shipped(), from: "2015", to: "2025-07", step: .quarter)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["file", "measure", "view", "range", "steps", "series", "selection", "computed",
                                     "reused", "undatedRelations", "relations"])
        let measure = try #require(object["measure"] as? [String: Any])
        #expect(measure["name"] as? String == "hedges")
        #expect(measure["asked"] as? String == "hedging")
        #expect(measure["perActor"] as? Bool == true)
        #expect(measure["counts"] as? Bool == true)
        let range = try #require(object["range"] as? [String: String])
        #expect(range == ["from": "2015", "to": "2025-07", "step": "quarter"])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.count == 43)
        #expect(steps[0]["label"] as? String == "2015-Q1")
        #expect(steps[0]["date"] as? String == "2015-01")
        #expect(steps[0]["reused"] as? Bool == false)
        let computed = try #require(object["computed"] as? Int), reused = try #require(object["reused"] as? Int)
        #expect(computed + reused == 43)
        #expect(steps.filter { $0["reused"] as? Bool == false }.count == computed)
        let series = try #require(object["series"] as? [[String: Any]])
        #expect(series.first?["id"] as? String == "RUS")
        #expect((series.first?["values"] as? [Any])?.count == 43)
        #expect((object["selection"] as? [String: Any])?["kind"] as? String == "top")
        #expect(object["undatedRelations"] as? Int == report.result.undatedRelations)
    }

    @Test func missingValuesAreNullInJSONAndEmptyInCSV() throws {
        let yaml = """
            actors: [{id: A}, {id: B}, {id: C}]
            relations:
              - {id: r1, source: A, target: B, kind: cooperation}
              - {id: r2, source: B, target: C, kind: rivalry}
              - {id: r3, source: A, target: C, kind: cooperation, since: 2012, until: 2013}
            """
        let network = try #require(Fixtures.load(yaml: yaml).network)
        let report = try TimelineReport.compute(network, file: "t.yaml", measure: .balance, from: PartialDate(iso: "2011"),
                                                to: nil, step: .year, filter: ViewFilter())
        #expect(report.csv() == "step,date,balance\n2011,2011,\n2012,2012,0\n")
        #expect(try report.json().contains("\"values\" : [\n        null,\n        0\n      ]"))
        #expect(report.text().contains("\n2011      n/a\n2012   0.0000\n"))
    }

    @Test func theOverviewIsMonthlyHedgingUpToTheLatestStart() throws {
        let network = try Self.shipped()
        let overview = try #require(TimelineReport.overview(network, file: "russia-iran"))
        #expect(overview.result.range.steps.first?.label == "2010-01")
        #expect(overview.result.range.steps.last?.label == "2025-06")
        #expect(overview.result.measure == .actor(.hedges))
        #expect(overview.asked == "hedging")
        let undated = try #require(Fixtures.load(yaml: "actors: [{id: A}, {id: B}]\nrelations: [{source: A, target: B, kind: cooperation}]\n").network)
        #expect(TimelineReport.overview(undated, file: "u") == nil)
    }
}
