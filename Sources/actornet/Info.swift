import ActorNetCore
import ActorNetIO
import ActorNetReports
import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Info: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a network: actors, relations by kind, sign and channel, dates, components, parallel relations.",
        discussion: "Exit status: 0 success; 1 the network has errors (listed as by validate); 66 the file cannot be read."
    )

    @Argument(help: FormatHelp.networkFile)
    var file: String
    @OptionGroup var input: InputFormat

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Describe the network as of this date (relations with since ≤ DATE < until, and undated ones). Default: every relation.",
                               valueName: "date"))
    var at: String?

    func validate() throws {
        _ = try parseDate(at, option: "--at")
    }

    func run() async throws {
        var network = try loadOrExit(file, format: input.format)
        var label = file
        if let date = try parseDate(at, option: "--at") {
            network = network.snapshot(at: date)
            label += ", as of \(date); undated relations count as always present"
        }
        let summary = NetworkSummary(network)
        switch format {
        case .text: try emit(InfoReport.text(summary, file: label))
        case .json: try emit(try InfoReport.json(summary, file: label))
        }
    }
}

/// Loads a network in any readable format (by extension, or `format`), printing warnings; on
/// errors prints them all and exits with the documented status.
func loadOrExit(_ file: String, format: NetworkFormat? = nil) throws -> Network {
    let result = AnyFormatLoader.load(path: file, format: format)
    for diagnostic in result.diagnostics { printError(diagnostic.description) }
    guard let network = result.network else {
        throw result.failure == .unreadable ? Status.noInput : Status.invalid
    }
    return network
}

/// Writes a command's output to standard output straight away (not through `print`'s buffer,
/// whose failed writes would go unnoticed), or exits 73 with the reason (a full disk, a closed
/// pipe).
func emit(_ text: String) throws {
    _ = fflush(nil)
    do {
        try FileDescriptorSink.standardOutput().write(text)
    } catch {
        printError("error: \(error)")
        throw Status.cannotCreate
    }
}

/// Writes bytes to a file atomically, or exits 73 with the reason.
func writeOrExit(_ bytes: [UInt8], to path: String) throws {
    do {
        try AtomicFile.write(bytes, to: path)
    } catch {
        printError("error: \(error)")
        throw Status.cannotCreate
    }
}

/// Exports `network` as `format` to a file (CSV: two files) or standard output. GraphML and
/// GEXF stream in chunks, to a temporary file renamed into place (atomic) or to standard
/// output; nothing is written when the network cannot be expressed in the format.
func writeExport(_ network: Network, format: NetworkFormat, to output: String?, options: ExportSettings) throws {
    let result: (outputs: [Exporter.Output], warnings: [String])
    do {
        result = try Exporter.export(network, format: format, settings: options, toFiles: output != nil)
    } catch {
        printError("error: \(error)")
        throw Status.invalid
    }
    for warning in result.warnings { printError("warning: \(warning)") }
    for part in result.outputs {
        do {
            if let output {
                try AtomicFile.write(to: Exporter.path(output, part: part.part)) { sink in try part.write(to: sink) }
            } else {
                try part.write(to: FileDescriptorSink.standardOutput())
            }
        } catch let error as OutputError {
            printError("error: \(error)")
            throw Status.cannotCreate
        } catch {
            printError("error: \(error)")
            throw Status.invalid
        }
    }
}
