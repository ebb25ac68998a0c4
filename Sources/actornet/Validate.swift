import ActorNetCore
import ActorNetIO
import ArgumentParser

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check network files and report every problem found.",
        discussion: """
            Each problem is printed to standard error as FILE:LINE:COLUMN: error|warning: \
            message, followed by how to fix it. Exit status: 0 all files valid; 1 some file \
            has errors (or warnings, with --strict); 66 some file cannot be read.
            """
    )

    @Argument(help: ArgumentHelp("Network files in any format ActorNet reads (\(FormatHelp.readable)), told by --from, else the extension, else the content."))
    var files: [String]

    @OptionGroup var input: InputFormat

    @Flag(help: "Treat warnings (such as unknown fields) as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only problems, not the per-file summary.")
    var quiet = false

    func run() async throws {
        var worst: ExitCode = .success
        for file in files {
            let result = AnyFormatLoader.load(path: file, format: input.format)
            for diagnostic in result.diagnostics {
                printError(diagnostic.description)
            }
            let errors = result.diagnostics.errors.count, warnings = result.diagnostics.warnings.count
            if result.failure == .unreadable {
                worst = Status.noInput
            } else if errors > 0 || (strict && warnings > 0) {
                if worst == .success { worst = Status.invalid }
                if !quiet { print("\(file): invalid (\(plural(errors, "error")), \(plural(warnings, "warning")))") }
            } else if let network = result.network, !quiet {
                print("\(file): valid (\(plural(network.actors.count, "actor")), "
                    + "\(plural(network.relations.count, "relation")), \(plural(warnings, "warning")))")
            }
        }
        if worst != .success { throw worst }
    }
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

func printError(_ text: String) {
    var stderr = StandardError()
    print(text, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleShim.writeToStandardError(string)
    }
}
