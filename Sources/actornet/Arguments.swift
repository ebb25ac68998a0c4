public import ActorNetCore
public import ActorNetIO
public import ActorNetReports
public import ArgumentParser

// The library's own enums are the option values: no mirror enums in the CLI.
extension ViewRequest.SignChoice: ExpressibleByArgument {}
extension ViewRequest.ChannelChoice: ExpressibleByArgument {}
extension Distance: ExpressibleByArgument {}
extension MetricsRequest.SpectralWeights: ExpressibleByArgument {}
extension TimelineStepSize: ExpressibleByArgument {}
extension ExportSettings.CSVTable: ExpressibleByArgument {}
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
        ArgumentHelp("A network file in any format ActorNet reads (\(readable)), told by its extension, else by its content; YAML when neither tells.")
    }
}
