import ActorNetIO
public import ActorNetCore
import Foundation

/// Renders per-actor scores as a table (fits 100 columns), CSV (with a header) or JSON.
///
/// Numbers are formatted deterministically: 4 decimals in tables, the shortest text that reads
/// back exactly in CSV and JSON.
public struct MetricsReport: Sendable {
    public var file: String
    public var view: String
    public var options: [String: String]
    /// The `--distance` setting's name (`inverse`, `weight`, `unit`), for CSV column names.
    public var distanceSetting: String
    public var actors: [ActorNode]
    public var metrics: [Metric]
    public var scores: [NodeScores]

    public init(file: String, view: String, options: [String: String], distanceSetting: String, actors: [ActorNode],
                metrics: [Metric], scores: [NodeScores]) {
        self.file = file
        self.view = view
        self.options = options
        self.distanceSetting = distanceSetting
        self.actors = actors
        self.metrics = metrics
        self.scores = scores
    }

    /// Actor order: by the first metric, highest first, ties by id.
    public var order: [Int] {
        guard let first = scores.first else { return Array(actors.indices) }
        return actors.indices.sorted { a, b in
            first.values[a] != first.values[b] ? first.values[a] > first.values[b] : actors[a].id < actors[b].id
        }
    }

    public func text(top: Int?) -> String {
        var out = "\(file)\n" + TextLayout.wrap("view: \(view)") + "\n"
        for key in options.keys.sorted() { out += TextLayout.wrap("\(key): \(options[key]!)") + "\n" }
        out += "\n"
        let rows = Array(order.prefix(top ?? actors.count))
        // At most 5 metric columns per block so a line stays within 100 columns.
        var start = 0
        repeat {
            let block = Array(metrics.indices[start..<min(start + 5, metrics.count)])
            var header = "rank".leftPadded(4) + "  " + "actor".padding(toLength: 26, withPad: " ", startingAt: 0)
            for m in block { header += " " + String(metrics[m].rawValue.prefix(12)).leftPadded(12) }
            out += header + "\n"
            for (rank, a) in rows.enumerated() {
                let label = String("\(actors[a].id) \(actors[a].name == actors[a].id ? "" : actors[a].name)".prefix(26))
                var line = String(rank + 1).leftPadded(4) + "  " + label.padding(toLength: 26, withPad: " ", startingAt: 0)
                for m in block { line += " " + Self.fixed(scores[m].values[a], integral: metrics[m].isCount).leftPadded(12) }
                out += line + "\n"
            }
            start += 5
            if start < metrics.count { out += "\n" }
        } while start < metrics.count
        if let top, top < actors.count { out += "(top \(top) of \(actors.count) actors; --top to change)\n" }
        return out
    }

    public func csv() -> String {
        var out = (["id", "name"] + metrics.map(columnName)).map(CSVField.escape).joined(separator: ",") + "\n"
        for a in order {
            let fields = [actors[a].id, actors[a].name] + scores.map { NumberText.exact($0.values[a]) }
            out += fields.map(CSVField.escape).joined(separator: ",") + "\n"
        }
        return out
    }

    /// The CSV column name carries the setting that changes the numbers, e.g.
    /// `betweenness[distance=inverse]`, so a file says what it holds without a comment line.
    func columnName(_ metric: Metric) -> String {
        metric.usesDistance ? "\(metric.rawValue)[distance=\(distanceSetting)]" : metric.rawValue
    }

    public func json() throws -> String {
        struct Row: Encodable {
            var id: String
            var name: String
            var scores: [String: Double]
        }
        struct Document: Encodable {
            var file: String
            var view: String
            var options: [String: String]
            var metrics: [String: String]
            var actors: [Row]
        }
        let rows = order.map { a in
            Row(id: actors[a].id, name: actors[a].name,
                scores: Dictionary(uniqueKeysWithValues: zip(metrics.map(\.rawValue), scores.map { $0.values[a] })))
        }
        let doc = Document(file: file, view: view, options: options,
                           metrics: Dictionary(uniqueKeysWithValues: zip(metrics.map(\.rawValue), scores.map(\.measure))),
                           actors: rows)
        return try JSONOutput.encode(doc)
    }

    public static func fixed(_ x: Double, integral: Bool = false) -> String {
        integral ? String(format: "%.0f", x) : String(format: "%.4f", x)
    }
}

/// Renders edge betweenness: one row per linked pair of actors.
public struct EdgeScoresReport: Sendable {
    public var file: String
    public var view: String
    public var distanceSetting: String
    public var result: EdgeBetweenness.Result

    public init(file: String, view: String, distanceSetting: String, result: EdgeBetweenness.Result) {
        self.file = file
        self.view = view
        self.distanceSetting = distanceSetting
        self.result = result
    }

    public func text(top: Int?) -> String {
        var out = "\(file)\n" + TextLayout.wrap("view: \(view)") + "\n" + TextLayout.wrap("measure: \(result.measure)") + "\n"
        out += "parallel relations count as one link; scores are per \(result.directed ? "ordered " : "")pair\n\n"
        let rows = result.ranking()
        out += "rank".leftPadded(4) + "  " + "pair".padding(toLength: 40, withPad: " ", startingAt: 0) + "betweenness".leftPadded(12) + "\n"
        for (i, e) in rows.prefix(top ?? rows.count).enumerated() {
            let pair = "\(e.source) \(result.directed ? "→" : "–") \(e.target)"
            out += String(i + 1).leftPadded(4) + "  " + pair.padding(toLength: 40, withPad: " ", startingAt: 0)
                + MetricsReport.fixed(e.value).leftPadded(12) + "\n"
        }
        if let top, top < rows.count { out += "(top \(top) of \(rows.count) pairs; --top to change)\n" }
        return out
    }

    public func csv() -> String {
        var out = "source,target,edge-betweenness[distance=\(distanceSetting)]\n"
        for e in result.ranking() {
            out += [e.source, e.target, NumberText.exact(e.value)].map(CSVField.escape).joined(separator: ",") + "\n"
        }
        return out
    }

    public func json() throws -> String {
        struct Row: Encodable { var source: String; var target: String; var value: Double }
        struct Document: Encodable { var file: String; var view: String; var measure: String; var directed: Bool; var pairs: [Row] }
        return try JSONOutput.encode(Document(file: file, view: view, measure: result.measure, directed: result.directed,
                                              pairs: result.ranking().map { Row(source: $0.source, target: $0.target, value: $0.value) }))
    }
}
