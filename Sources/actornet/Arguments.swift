public import ActorNetCore
public import ActorNetIO
public import ActorNetReports
public import ArgumentParser

// The library's own enums are the option values: no mirror enums in the CLI.
extension ViewRequest.SignChoice: ExpressibleByArgument {}
extension ViewRequest.ChannelChoice: ExpressibleByArgument {}
extension Distance: ExpressibleByArgument {}
extension BetweennessSampling.Method: ExpressibleByArgument {}
extension MetricsRequest.SpectralWeights: ExpressibleByArgument {}
extension TimelineStepSize: ExpressibleByArgument {}
extension ExportSettings.CSVTable: ExpressibleByArgument {}
extension ExportSettings.Direction: ExpressibleByArgument {}
extension GraphvizLayoutChoice: ExpressibleByArgument {}
extension GraphvizSplinesChoice: ExpressibleByArgument {}
extension FrustrationIndex.Method: ExpressibleByArgument {}

/// `--format`, `--from` and `--to` take the names of `NetworkFormat.all`, so a new format is a
/// value here without touching the CLI.
extension NetworkFormat: ExpressibleByArgument {
    public init?(argument: String) {
        guard let format = NetworkFormat.named(argument) else { return nil }
        self = format
    }

    public static var allValueStrings: [String] { all.map(\.name) }
    public var defaultValueDescription: String { name }
}

/// Help texts that name the formats, from the table.
enum FormatHelp {
    /// "graphml, gexf, csv, json, yaml"
    static var readable: String { NetworkFormat.names(where: \.canRead) }

    /// The argument of every command that reads a network.
    static var networkFile: ArgumentHelp {
        ArgumentHelp("A network file in any format ActorNet reads (\(readable)), told by --from, else its extension, else its content.")
    }
}

/// `--from FORMAT` (also `--input-format`) on every command that reads a network: the format
/// of the file(s) read, for names whose extension does not say (or says wrong).
struct InputFormat: ParsableArguments {
    @Option(name: [.customLong("from"), .customLong("input-format")],
            help: ArgumentHelp("Format of the network file (default: from its extension, else its content): \(FormatHelp.readable).",
                               valueName: "format"))
    var format: NetworkFormat?

    func validate() throws {
        try InputFormat.check(format)
    }

    static func check(_ format: NetworkFormat?) throws {
        if let format, !format.canRead {
            throw ValidationError("ActorNet does not read \(format.title); --from takes \(FormatHelp.readable)")
        }
    }
}

/// The same for commands whose `--from` is a date (diff, dyad): `--input-format` only.
struct InputFormatLong: ParsableArguments {
    @Option(name: .customLong("input-format"),
            help: ArgumentHelp("Format of the network file(s) (default: from the extension, else the content): \(FormatHelp.readable).",
                               valueName: "format"))
    var format: NetworkFormat?

    func validate() throws {
        try InputFormat.check(format)
    }
}

/// `--direction` on export and convert.
enum DirectionHelp {
    static var text: String {
        "GraphML, GEXF, node-link JSON: 'mixed' (default: each edge its own direction, as Gephi reads), or one direction "
            + "for the whole graph, 'directed' or 'undirected', with each relation's own in a 'directed' column — what "
            + "networkx (read_graphml, read_gexf, node_link_graph) and igraph read."
    }
}
