public import ActorNetCore
public import ActorNetIO

/// `actornet export` / `convert` / `generate` and `GET /v1/networks/{name}/export`: a format,
/// what to add to it, and which dates to write. Checked here against the format's capabilities
/// in the format table, so an option the format cannot carry is refused by name, not ignored.
public struct ExportRequest: Sendable {
    /// The parameters, by canonical name.
    public static let fields = ["format", "with_metrics", "colour_by", "size_by", "dynamic", "clusters", "table", "direction", "at"]

    public var format: NetworkFormat = .yaml
    public var withMetrics = false
    public var colourBy: String?
    public var sizeBy: String?
    public var dynamic = false
    public var clusters = false
    /// One table of a format written as two, to a single stream; nil: edges.
    public var table: ExportSettings.CSVTable?
    /// How a graph format states directions; nil: mixed.
    public var direction: ExportSettings.Direction?
    /// Write the network as of this date only (a static snapshot); nil: every relation with its
    /// dates.
    public var at: String?
    /// DOT: Graphviz layout and splines written into the graph (command line only); nil: by size.
    public var layout: GraphvizLayout?
    public var splines: GraphvizSettings.Splines?

    public init(format: NetworkFormat = .yaml) { self.format = format }

    /// The settings, after every check that needs no network.
    public func settings() throws(RequestError) -> ExportSettings {
        guard format.canWrite else {
            throw RequestError("format", "ActorNet does not write \(format.title); write one of \(NetworkFormat.names(where: \.canWrite))")
        }
        func needs(_ capability: NetworkFormat.Capabilities, _ field: String, _ what: String) throws(RequestError) {
            guard !format.capabilities.contains(capability) else { return }
            let formats = NetworkFormat.all.filter { $0.capabilities.contains(capability) }.map(\.name).joined(separator: ", ")
            throw RequestError(field, "\(what) in \(formats), not \(format.name)")
        }
        if withMetrics { try needs(.metricColumns, "with_metrics", "metric columns are written") }
        if dynamic { try needs(.dynamic, "dynamic", "relations' dates are written as time intervals") }
        if clusters { try needs(.clusters, "clusters", "groups are drawn as clusters") }
        if table != nil { try needs(.tables, "table", "a format is written as two tables") }
        if let direction, direction != .mixed {
            try needs(.directionModes, "direction", "one direction for the whole graph is written")
        }
        if layout != nil || splines != nil, format.name != NetworkFormat.dot.name {
            throw RequestError(layout != nil ? "layout" : "splines", "Graphviz settings are written in dot, not \(format.name)")
        }
        if at != nil, dynamic {
            throw RequestError("at", "one snapshot (at) and every date as a timeline (dynamic) contradict each other; give one")
        }
        _ = try RequestValue.date(at, field: "at")
        func metric(_ name: String?, _ field: String, default value: Metric) throws(RequestError) -> Metric {
            guard let name else { return value }
            guard let metric = Metric(rawValue: name.lowercased()) else { throw RequestError(field, MetricNameError(name: name).description) }
            // Colour and size come with the metric columns; alone they would be ignored.
            if !withMetrics { throw RequestError(field, "applies with with_metrics (the metric columns it colours or sizes by)") }
            return metric
        }
        var settings = ExportSettings(withMetrics: withMetrics, colourBy: try metric(colourBy, "colour_by", default: .hedges),
                                      sizeBy: try metric(sizeBy, "size_by", default: .betweenness), dynamic: dynamic,
                                      clusters: clusters, csvTable: table ?? .edges, direction: direction ?? .mixed)
        settings.dotLayout = layout
        settings.dotSplines = splines
        return settings
    }

    /// The network to write: `network` itself, or its snapshot at `at`.
    public func network(_ network: Network) throws(RequestError) -> Network {
        guard let date = try RequestValue.date(at, field: "at") else { return network }
        return network.snapshot(at: date)
    }
}
