import ActorNetCore
import ActorNetIO
import Foundation

/// A line chart as a standalone SVG 1.1 document, readable in any browser or image viewer
/// without fonts, scripts or external files.
///
/// Layout: a title and subtitle lines on top; the plot with horizontal gridlines at "nice" y
/// ticks (1, 2 or 5 × 10^k, after P. S. Heckbert, "Nice numbers for graph labels", *Graphics
/// Gems*, Academic Press 1990, pp. 61–63, doi:10.1016/B978-0-08-050753-8.50019-2), an x axis
/// with a tick per point and labels thinned so they never overlap; one `<path>` per series,
/// which breaks where a value is missing (a lone value between gaps is drawn as a dot); a
/// legend under the plot naming every series; an optional footnote.
///
/// Series take the colours of the Okabe–Ito palette (M. Okabe & K. Ito, *Color Universal
/// Design*, 2008; the palette *Nature Methods* recommends, B. Wong, "Points of view: Color
/// blindness", 8:441, 2011, doi:10.1038/nmeth.1618), which stays distinct under the common
/// colour-vision deficiencies, and each also its own dash pattern, so series stay apart in
/// greyscale too. Colours cycle after 8 series and dash patterns after 7, so the first 56
/// series have distinct pairs.
///
/// Every text is XML-escaped (`& < > " '`), and characters XML 1.0 cannot carry are replaced
/// by U+FFFD. Coordinates are written with at most two decimals by integer arithmetic, and
/// text widths are estimated from character counts (0.6 em each), not measured with fonts: the
/// bytes depend only on the input.
public struct SVGLineChart: Sendable {
    /// One line of the chart.
    public struct Series: Sendable, Hashable {
        /// Written as `data-series` on the line and its legend entry.
        public var id: String
        /// The legend's text.
        public var label: String
        /// One value per point; nil breaks the line.
        public var values: [Double?]

        public init(id: String, label: String, values: [Double?]) {
            self.id = id
            self.label = label
            self.values = values
        }
    }

    /// A way to label the x axis: which points get a label, and the label. The chart uses the
    /// first candidate whose labels fit without overlapping, so list them densest first.
    public struct XLabels: Sendable {
        public var labels: [(index: Int, text: String)]

        public init(_ labels: [(index: Int, text: String)]) { self.labels = labels }
    }

    public var title: String
    /// Lines under the title, in smaller type; each is wrapped to the width.
    public var subtitle: [String]
    /// Number of points on the x axis; every series has this many values.
    public var pointCount: Int
    /// Candidate x labellings, densest first; the chart takes the first that fits, else the last.
    public var xLabels: [XLabels]
    /// The y axis's title, written vertically beside it.
    public var yTitle: String?
    /// Whether the values are whole numbers: y ticks are then whole numbers too.
    public var integral: Bool
    public var series: [Series]
    /// Small text at the bottom, wrapped to the width.
    public var footnote: String?
    public var width: Int
    public var height: Int

    /// The smallest sizes that leave room for a plot.
    public static let minimumWidth = 320
    public static let minimumHeight = 240

    public init(title: String, subtitle: [String] = [], pointCount: Int, xLabels: [XLabels], yTitle: String? = nil,
                integral: Bool = false, series: [Series], footnote: String? = nil, width: Int = 960, height: Int = 540) {
        self.title = title
        self.subtitle = subtitle
        self.pointCount = pointCount
        self.xLabels = xLabels
        self.yTitle = yTitle
        self.integral = integral
        self.series = series
        self.footnote = footnote
        self.width = width
        self.height = height
    }

    /// Okabe–Ito, reordered so the first colours are the most distinct on white; black is
    /// reserved for the axes, yellow (too light on white for a line) is not used.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    /// Dash patterns (SVG `stroke-dasharray`; empty: solid), in the order series take them.
    public static let dashes = ["", "8 4", "2 3", "10 3 2 3", "4 4", "14 4", "2 3 2 3 8 3"]

    // Type sizes and spacing, in pixels.
    private static let titleSize = 18.0, textSize = 12.0, smallSize = 11.0
    private static let lineGap = 4.0, legendRow = 18.0, legendSample = 30.0

    /// The SVG document.
    ///
    /// - Complexity: O(p · s) for p points and s series, plus the labels.
    public func render() -> String {
        let w = Double(max(width, Self.minimumWidth)), h = Double(max(height, Self.minimumHeight))
        var out: [String] = []
        out.append(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        out.append(#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\#(Int(w))" height="\#(Int(h))" "#
            + #"viewBox="0 0 \#(Int(w)) \#(Int(h))" role="img" aria-labelledby="chart-title" "#
            + #"font-family="Helvetica, Arial, sans-serif" font-size="\#(Self.num(Self.textSize))">"#)
        out.append("<title id=\"chart-title\">\(Self.escape(title))</title>")
        if !subtitle.isEmpty { out.append("<desc>\(Self.escape(subtitle.joined(separator: " · ")))</desc>") }
        out.append(##"<rect x="0" y="0" width="\##(Int(w))" height="\##(Int(h))" fill="#ffffff"/>"##)

        // Header: title and subtitle, wrapped.
        let margin = 16.0
        var y = margin + Self.titleSize
        for line in Self.wrapped(title, width: w - 2 * margin, size: Self.titleSize) {
            out.append("<text class=\"title\" x=\"\(Self.num(margin))\" y=\"\(Self.num(y))\" font-size=\"\(Self.num(Self.titleSize))\" "
                + "font-weight=\"bold\" fill=\"#1b1f24\">\(Self.escape(line))</text>")
            y += Self.titleSize + Self.lineGap
        }
        for line in subtitle.flatMap({ Self.wrapped($0, width: w - 2 * margin, size: Self.textSize) }) {
            out.append("<text class=\"subtitle\" x=\"\(Self.num(margin))\" y=\"\(Self.num(y))\" fill=\"#57606a\">\(Self.escape(line))</text>")
            y += Self.textSize + Self.lineGap
        }
        let plotTop = y + 10

        // Footer, from the bottom up: footnote, legend, x labels.
        let footLines = footnote.map { Self.wrapped($0, width: w - 2 * margin, size: Self.smallSize) } ?? []
        let footHeight = footLines.isEmpty ? 0 : Double(footLines.count) * (Self.smallSize + Self.lineGap) + 6
        let longest = series.map { Self.textWidth($0.label, size: Self.textSize) }.max() ?? 0
        let itemWidth = min(Self.legendSample + 8 + longest + 24, w - 2 * margin)
        let columns = max(1, Int((w - 2 * margin) / itemWidth))
        let rows = (series.count + columns - 1) / columns
        let legendHeight = Double(rows) * Self.legendRow
        let plotBottom = max(plotTop + 40, h - margin - footHeight - legendHeight - 12 - Self.textSize - 14)

        // Y scale.
        let present = series.flatMap { $0.values.compactMap { $0 } }
        let ticks = Self.niceTicks(low: min(0, present.min() ?? 0), high: max(present.max() ?? 1, 0),
                                   count: max(3, Int((plotBottom - plotTop) / 50)), integral: integral)
        let tickLabels = ticks.values.map { Self.fixed($0, decimals: ticks.decimals) }
        let yAxisWidth = (tickLabels.map { Self.textWidth($0, size: Self.textSize) }.max() ?? 0) + (yTitle == nil ? 0 : 22)
        let plotLeft = margin + yAxisWidth + 10
        let plotRight = w - margin - 8
        let (yMin, yMax) = (ticks.values.first ?? 0, ticks.values.last ?? 1)
        func yPos(_ v: Double) -> Double { plotBottom - (v - yMin) / (yMax - yMin) * (plotBottom - plotTop) }
        let n = max(pointCount, 1)
        // One point sits in the middle; otherwise the first and last points touch the plot's sides, inset a little.
        let inset = 8.0
        func xPos(_ i: Int) -> Double {
            n == 1 ? (plotLeft + plotRight) / 2 : plotLeft + inset + Double(i) / Double(n - 1) * (plotRight - plotLeft - 2 * inset)
        }

        // Gridlines and y labels.
        out.append("<g class=\"y-axis\" fill=\"#57606a\" text-anchor=\"end\">")
        for (v, label) in zip(ticks.values, tickLabels) {
            let p = Self.num(yPos(v))
            out.append("<line x1=\"\(Self.num(plotLeft))\" y1=\"\(p)\" x2=\"\(Self.num(plotRight))\" y2=\"\(p)\" "
                + "stroke=\"\(v == 0 ? "#8c959f" : "#d0d7de")\" stroke-width=\"1\"/>")
            out.append("<text x=\"\(Self.num(plotLeft - 6))\" y=\"\(Self.num(yPos(v) + 4))\">\(Self.escape(label))</text>")
        }
        out.append("</g>")
        if let yTitle {
            let cx = margin + Self.textSize / 2 + 2, cy = (plotTop + plotBottom) / 2
            out.append("<text class=\"y-title\" x=\"\(Self.num(cx))\" y=\"\(Self.num(cy))\" fill=\"#57606a\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 \(Self.num(cx)) \(Self.num(cy)))\">\(Self.escape(yTitle))</text>")
        }

        // X axis: the baseline, a tick per point (when they are at least 3 px apart), the labels that fit.
        out.append("<g class=\"x-axis\" fill=\"#57606a\" text-anchor=\"middle\">")
        out.append("<line x1=\"\(Self.num(plotLeft))\" y1=\"\(Self.num(plotBottom))\" x2=\"\(Self.num(plotRight))\" "
            + "y2=\"\(Self.num(plotBottom))\" stroke=\"#57606a\" stroke-width=\"1\"/>")
        let labelling = chooseXLabels(position: xPos, left: margin, right: w - margin)
        let labelled = Set(labelling.map(\.index))
        let dense = n == 1 || (plotRight - plotLeft - 2 * inset) / Double(n - 1) >= 3
        for i in 0..<n where dense || labelled.contains(i) {
            let x = Self.num(xPos(i))
            let length = labelled.contains(i) ? 6.0 : 3.0
            out.append("<line x1=\"\(x)\" y1=\"\(Self.num(plotBottom))\" x2=\"\(x)\" y2=\"\(Self.num(plotBottom + length))\" "
                + "stroke=\"#57606a\" stroke-width=\"1\"/>")
        }
        for (index, text) in labelling {
            out.append("<text x=\"\(Self.num(xPos(index)))\" y=\"\(Self.num(plotBottom + 8 + Self.textSize))\">\(Self.escape(text))</text>")
        }
        out.append("</g>")

        // The series: a path each, broken at missing values; dots for values alone between gaps
        // (and at every value when there are few points).
        let dots = n <= 24
        out.append("<g class=\"plot\" fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\">")
        for (s, line) in series.enumerated() {
            let colour = Self.palette[s % Self.palette.count], dash = Self.dashes[s % Self.dashes.count]
            var d: [String] = []
            var alone: [Int] = []
            var i = 0
            while i < line.values.count {
                guard line.values[i] != nil else { i += 1; continue }
                var j = i
                while j + 1 < line.values.count, line.values[j + 1] != nil { j += 1 }
                if i == j { alone.append(i) }
                for k in i...j {
                    d.append("\(k == i ? "M" : "L")\(Self.num(xPos(k))) \(Self.num(yPos(line.values[k]!)))")
                }
                i = j + 1
            }
            out.append("<path class=\"series\" data-series=\"\(Self.escape(line.id))\" stroke=\"\(colour)\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + " d=\"\(d.joined(separator: " "))\"/>")
            let marked = dots ? line.values.indices.filter { line.values[$0] != nil } : alone
            if !marked.isEmpty {
                out.append("<g class=\"dots\" data-series=\"\(Self.escape(line.id))\" fill=\"\(colour)\" stroke=\"none\">"
                    + marked.map { "<circle cx=\"\(Self.num(xPos($0)))\" cy=\"\(Self.num(yPos(line.values[$0]!)))\" r=\"3\"/>" }.joined()
                    + "</g>")
            }
        }
        out.append("</g>")
        if present.isEmpty {
            out.append("<text x=\"\(Self.num((plotLeft + plotRight) / 2))\" y=\"\(Self.num((plotTop + plotBottom) / 2))\" "
                + "fill=\"#57606a\" text-anchor=\"middle\">no values in this range</text>")
        }

        // Legend.
        let legendTop = plotBottom + 8 + Self.textSize + 14
        out.append("<g class=\"legend\">")
        for (s, line) in series.enumerated() {
            let column = s % columns, row = s / columns
            let x = margin + Double(column) * itemWidth, yMid = legendTop + Double(row) * Self.legendRow + Self.legendRow / 2
            let colour = Self.palette[s % Self.palette.count], dash = Self.dashes[s % Self.dashes.count]
            let room = itemWidth - Self.legendSample - 8 - 8
            out.append("<g class=\"legend-item\" data-series=\"\(Self.escape(line.id))\">"
                + "<line x1=\"\(Self.num(x))\" y1=\"\(Self.num(yMid))\" x2=\"\(Self.num(x + Self.legendSample))\" y2=\"\(Self.num(yMid))\" "
                + "stroke=\"\(colour)\" stroke-width=\"2\"" + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
                + "<text x=\"\(Self.num(x + Self.legendSample + 8))\" y=\"\(Self.num(yMid + 4))\" fill=\"#1b1f24\">"
                + "\(Self.escape(Self.truncated(line.label, width: room, size: Self.textSize)))</text></g>")
        }
        out.append("</g>")

        var footY = h - margin - footHeight + 6 + Self.smallSize
        for line in footLines {
            out.append("<text class=\"footnote\" x=\"\(Self.num(margin))\" y=\"\(Self.num(footY))\" font-size=\"\(Self.num(Self.smallSize))\" "
                + "fill=\"#57606a\">\(Self.escape(line))</text>")
            footY += Self.smallSize + Self.lineGap
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// The first candidate labelling whose labels stay apart (8 px at least) and inside
    /// [left, right]; else the sparsest; none when there are no candidates.
    private func chooseXLabels(position: (Int) -> Double, left: Double, right: Double) -> [(index: Int, text: String)] {
        func fits(_ labels: [(index: Int, text: String)]) -> Bool {
            var previousEnd = left - 1
            for (index, text) in labels {
                let half = Self.textWidth(text, size: Self.textSize) / 2, x = position(index)
                if x - half < previousEnd + 8 || x + half > right + 1 { return false }
                previousEnd = x + half
            }
            return true
        }
        let usable = xLabels.map { XLabels($0.labels.filter { $0.index >= 0 && $0.index < pointCount }) }
        return (usable.first { fits($0.labels) } ?? usable.last)?.labels ?? []
    }

    // MARK: - Numbers and text

    /// Ticks from at most `low` to at least `high`, about `count` of them, spaced by 1, 2 or 5 ×
    /// 10^k (whole numbers ≥ 1 when `integral`), with the decimals their labels need.
    static func niceTicks(low: Double, high: Double, count: Int, integral: Bool) -> (values: [Double], decimals: Int) {
        var (lo, hi) = (low, high)
        if hi - lo < 1e-12 {
            // A flat series: a band around it (0…1 for zeros).
            if lo == 0 { hi = 1 } else { (lo, hi) = (min(lo, 0), max(hi, 0)); if hi == lo { hi = lo + 1 } }
        }
        var spacing = nice((hi - lo) / Double(max(count - 1, 1)), round: true)
        if integral { spacing = max(1, spacing.rounded()) }
        let first = (lo / spacing).rounded(.down), last = (hi / spacing).rounded(.up)
        let values = stride(from: first, through: last, by: 1).map { $0 * spacing }
        let decimals = integral ? 0 : max(0, Int(-(log10(spacing)).rounded(.down)))
        return (values, decimals)
    }

    /// Heckbert's nice number: 1, 2, 5 or 10 × 10^k near `x` (rounded, or the next above).
    static func nice(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = log10(x).rounded(.down)
        let power = pow(10, exponent)
        let fraction = x / power
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * power
    }

    /// `x` with exactly `decimals` decimals, by integer arithmetic (no locale, no platform
    /// printf), "-0" never written.
    static func fixed(_ x: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e15 else { return NumberText.exact(x) }
        let digits = Int64(scaled), unit = Int64(scale)
        var text = String(digits / unit)
        if decimals > 0 {
            let fraction = String(digits % unit)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return (x < 0 && digits != 0 ? "-" : "") + text
    }

    /// A coordinate: at most two decimals, trailing zeros dropped.
    static func num(_ x: Double) -> String {
        var text = fixed(x, decimals: 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Estimated width of `text` at `size` px: 0.6 em per character (no font metrics, so the
    /// same everywhere; a little wide for most sans-serif text, which keeps labels apart).
    /// Wrapped prose uses a tighter 0.5 em.
    static func textWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.6 }

    /// Words wrapped into lines of at most `width` px (estimated); a word longer than a line
    /// gets a line of its own.
    static func wrapped(_ text: String, width: Double, size: Double) -> [String] {
        // Running text averages under 0.5 em a character in Helvetica and Arial.
        let perLine = max(8, Int(width / (size * 0.5)))
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= perLine {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` cut with "…" to fit `width` px (estimated).
    static func truncated(_ text: String, width: Double, size: Double) -> String {
        let fit = max(1, Int(width / (size * 0.6)))
        return text.count <= fit ? text : String(text.prefix(fit - 1)) + "…"
    }

    /// Text for XML content and attribute values: `& < > " '` as entities, characters XML 1.0
    /// cannot carry (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) as U+FFFD, line breaks as spaces
    /// (a `<text>` draws one line).
    static func escape(_ text: String) -> String {
        XMLEscape.text(text, lineBreaks: .asSpace, forbidden: .replaced, apostrophe: .named)
    }
}
