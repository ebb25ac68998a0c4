import ActorNetCore
import ActorNetIO
import ArgumentParser
// @preconcurrency: `main` reads the C global `stdout` (its error flag) once, at exit.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

@main
struct ActorNetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actornet",
        abstract: "Analyse signed, typed networks of international actors.",
        discussion: """
            Network files are ActorNet's native YAML or JSON (described in graphs/README.md) \
            or any other format it reads, told by extension or content: \(FormatHelp.readable).

            Exit status: 0 success; 1 the network has errors (or an analysis cannot be \
            computed); 64 bad command-line usage; 66 a file cannot be read; 69 Graphviz is \
            not installed (render); 73 an output file cannot be written; 75 render's \
            --timeout passed.
            """,
        version: ActorNetVersion.string,
        subcommands: [Validate.self, Info.self, Report.self, DyadCommand.self, Metrics.self, HedgingCommand.self, Balance.self,
                      TimelineCommand.self, Diff.self, Export.self, Convert.self, Render.self, Generate.self, Serve.self]
    )

    /// `AsyncParsableCommand.main()`, then a check that standard output was written: `print`
    /// buffers and ignores write errors, so `actornet report FILE > out.txt` on a full disk would
    /// otherwise end silently with status 0 and a truncated file.
    static func main() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            _ = fflush(nil)
            exit(withError: error)
        }
        // A write that failed while `print` flushed a full buffer leaves nothing for `fflush` to
        // report: the stream's error flag (and the write's errno) still tell.
        let flushed = fflush(nil) == 0
        let code = errno
        if !flushed || standardOutputFailed() {
            printError("error: \(OutputError(path: "standard output", code: code != 0 ? code : EIO))")
            exit(withError: Status.cannotCreate)
        }
    }
}

/// Whether the C standard output stream has its error flag set (a write failed).
private func standardOutputFailed() -> Bool {
    ferror(stdout) != 0
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
    /// EX_TEMPFAIL: a time limit passed (`render --timeout`); more time may succeed.
    static let timedOut = ExitCode(75)
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
