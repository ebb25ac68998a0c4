import ActorNetServer
import ArgumentParser
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the networks of a directory over HTTP: upload, analyse, export, draw (JSON API under /v1).",
        discussion: """
            Every NAME.yaml in --workspace is a network at /v1/networks/NAME; uploads in any \
            readable format are stored there as native YAML. The analyses answer with the JSON \
            of the CLI commands of the same name. GET /openapi.json describes every route. \
            Stops gracefully on SIGTERM or SIGINT (exit 0).

            Exit status: 0 stopped by a signal; 1 the server could not start (e.g. the port is taken); 64 bad usage.
            """
    )

    @Option(help: "Address to listen on (127.0.0.1: this machine only).") var host = "127.0.0.1"
    @Option(help: "Port (0: any free port; the URL is printed).") var port = 8080
    @Option(help: "Directory of network files (NAME.yaml).") var workspace = "graphs"
    @Option(help: "Largest upload accepted, in bytes.") var maxBodyBytes = 10 << 20
    @Option(help: "Longest an analysis may run, in seconds, before the request gets 503.") var timeout = 30.0
    @Option(help: "Close a connection idle this many seconds (a client that left, or stalls in its headers).")
    var idleTimeout = 60.0
    @Option(help: "Answer 408 and close when a request's headers take longer than this many seconds from its first byte.")
    var headerTimeout = 10.0
    @Option(help: "Bytes of an unread body discarded after an early answer (a 413) before the connection is closed.")
    var maxDrainBytes = 100 << 20
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535") }
        guard maxBodyBytes >= 1 else { throw ValidationError("--max-body-bytes must be at least 1") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be > 0 seconds") }
        guard idleTimeout > 0, idleTimeout.isFinite else { throw ValidationError("--idle-timeout must be > 0 seconds") }
        guard headerTimeout > 0, headerTimeout.isFinite else { throw ValidationError("--header-timeout must be > 0 seconds") }
        guard maxDrainBytes >= 0 else { throw ValidationError("--max-drain-bytes must be at least 0") }
        var probe = ServerArguments()
        guard probe.setLogLevel(named: logLevel) else {
            throw ValidationError("--log-level: one of \(ServerArguments.logLevelNames.joined(separator: ", "))")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: workspace, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--workspace '\(workspace)' is not a directory; create it or give another")
        }
    }

    func run() async throws {
        var arguments = ServerArguments(
            host: host, port: port, workspace: workspace, maxBodyBytes: maxBodyBytes,
            computeTimeout: .milliseconds(Int64((timeout * 1000).rounded(.up))),
            idleTimeout: .milliseconds(Int64((idleTimeout * 1000).rounded(.up))),
            onListening: { [workspace] url in printError("actornet: serving \(workspace) at \(url) (API: \(url)/openapi.json)") })
        _ = arguments.setLogLevel(named: logLevel)
        arguments.headerTimeout = .milliseconds(Int64((headerTimeout * 1000).rounded(.up)))
        arguments.drainBytes = maxDrainBytes
        try await buildApplication(arguments).runService()
    }
}
