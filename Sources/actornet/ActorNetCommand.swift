import ActorNetCore
import ActorNetIO
import ArgumentParser

@main
struct ActorNetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actornet",
        abstract: "Analyse signed, typed networks of international actors.",
        discussion: """
            Network files are YAML or JSON in the format described in graphs/README.md.

            Exit status: 0 success; 1 the network has errors (or an analysis cannot be \
            computed); 64 bad command-line usage; 66 a file cannot be read; 69 Graphviz is \
            not installed (render); 73 an output file cannot be written.
            """,
        version: ActorNetVersion.string,
        subcommands: [Validate.self, Info.self, Report.self, Metrics.self, HedgingCommand.self, Balance.self,
                      Export.self, Convert.self, Render.self, Generate.self, Serve.self]
    )
}

enum ActorNetVersion {
    static var string: String { "actornet 0.1.0 (libxml2 \(LibXML2.version))" }
}

/// Exit statuses, documented in the README and in `actornet --help`.
enum Status {
    static let invalid = ExitCode(1)
    static let noInput = ExitCode(66)
    static let unavailable = ExitCode(69)
    static let cannotCreate = ExitCode(73)
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
