public import ActorNetCore

/// `actornet timeline` and `GET /v1/networks/{name}/timeline[.svg]`: one measure stepped over
/// the dates. Filled by both front ends from parameters of the same names and checked here.
public struct TimelineRequest: Sendable {
    /// The parameters besides the view's (whose `at` does not apply: the steps are the dates).
    public static let fields = ["metric", "from", "to", "step", "actors", "top", "pair", "distance", "threads"]

    /// The measure's name: a metric, hedging, balance, triangles, frustration, … (required).
    public var metric: String?
    public var from: String?
    public var to: String?
    public var step: TimelineStepSize = .year
    /// Per-actor measures: these actors, in this order (comma-separated ids).
    public var actors: String?
    public var top = 5
    /// say-do: the ordered pair, giver first (`RUS,IRN`).
    public var pair: String?
    public var view = ViewRequest()
    public var distance: Distance = .inverse
    public var threads: Int?

    public init() {}

    /// The request's values, checked without the network.
    public struct Checked: Sendable {
        public var measure: TimelineMeasure
        public var from: PartialDate?
        public var to: PartialDate?
        public var actors: [String]?
        public var pair: (source: String, target: String)?
    }

    public func checked() throws(RequestError) -> Checked {
        guard let metric else {
            throw RequestError("metric", "missing; give the measure, e.g. hedging (valid: "
                + TimelineMeasure.allNames.joined(separator: ", ") + ")")
        }
        guard let measure = TimelineMeasure(name: metric) else {
            throw RequestError("metric", TimelineError.unknownMeasure(metric).description)
        }
        if view.date != .latest {
            throw RequestError("at", "does not apply to a timeline, whose steps are the dates; give the range with from "
                + "and to (and step)")
        }
        let from = try RequestValue.date(from, field: "from", example: "2015")
        let to = try RequestValue.date(to, field: "to", example: "2015")
        if top < 1 { throw RequestError("top", "must be at least 1; got \(top)") }
        if let threads, threads < 1 { throw RequestError("threads", "must be at least 1; got \(threads)") }
        var ids: [String]?
        if let actors {
            ids = RequestValue.list(actors)
            if ids!.isEmpty { throw RequestError("actors", "give at least one actor id, e.g. RUS,IRN") }
        }
        var ordered: (source: String, target: String)?
        if let pair {
            let two = RequestValue.list(pair)
            guard two.count == 2 else {
                throw RequestError("pair", "'\(pair)' is not two actor ids; write GIVER,RECEIVER, e.g. RUS,IRN")
            }
            ordered = (two[0], two[1])
        } else if measure == .sayDo {
            throw RequestError("pair", TimelineError.missingPair.description)
        }
        return Checked(measure: measure, from: from, to: to, actors: ids, pair: ordered)
    }

    /// Checks the request against `network` and computes the timeline; `file` names the
    /// network in the output.
    public func run(on network: Network, file: String, progress: ProgressHandler? = nil) throws(RequestError) -> TimelineReport {
        let c = try checked()
        var filter = try view.filter(for: network, defaultSign: c.measure.defaultSign, defaultDirection: .undirected)
        filter.at = nil
        var options = MetricOptions()
        options.distance = distance
        options.threads = threads
        do {
            return try TimelineReport.compute(network, file: file, measure: c.measure, asked: metric, from: c.from, to: c.to,
                                              step: step, filter: filter, actors: c.actors, top: top, options: options,
                                              pair: c.pair, progress: progress)
        } catch {
            throw RequestError(error.field, error.description)
        }
    }
}
