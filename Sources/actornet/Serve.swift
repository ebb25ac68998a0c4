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

            Writes (PUT and DELETE of a network, restoring a version) need `Authorization: Bearer \
            TOKEN` when tokens are given: --tokens-file and/or the ACTORNET_TOKENS environment \
            variable (comma- or newline-separated), each entry TOKEN, NAME:TOKEN or \
            NAME:TOKEN:read|write. A --host other than loopback without tokens is refused unless \
            --read-only or --allow-anonymous-writes. Every write and refused write is appended to \
            the audit log.

            Exit status: 0 stopped by a signal; 1 the server could not start (e.g. the port is taken); 64 bad usage \
            (including an unsafe --host, a bad token line or a tokens file others can read); 66 the tokens file \
            cannot be read; 73 the audit log cannot be written.
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
    @Option(help: "File of bearer tokens, one TOKEN, NAME:TOKEN or NAME:TOKEN:read|write a line (# comments); only its owner may read it.")
    var tokensFile: String?
    @Flag(help: "Refuse every write (PUT, DELETE, restore) with 403.") var readOnly = false
    @Flag(help: "Allow writes without a token on a --host other than loopback (when no tokens are given).")
    var allowAnonymousWrites = false
    @Flag(help: "Reads need a token too (any token; /healthz stays open).") var requireTokenForReads = false
    @Option(help: "Audit log of writes, JSON lines (default: WORKSPACE/.actornet/audit.log).") var auditLog: String?
    @Option(help: "Let browser pages of this origin (e.g. https://team.example.org) call the API; repeatable. Default: none (CORS off).")
    var corsOrigin: [String] = []
    @Option(help: "Heavy analyses (shortest paths, exact balance, large drawings) run at once, at lower priority (default: half the cores, at least 1).")
    var heavyWorkers: Int?
    @Option(help: "Heavy analyses waiting for a worker; past this, 503 with Retry-After.") var heavyQueue = 16
    @Option(help: "Longest a job (POST /v1/networks/NAME/jobs, Prefer: respond-async) may run, in seconds.") var jobTimeout = 3600.0
    @Option(help: "Jobs kept, running and finished.") var maxJobs = 64
    @Option(help: "Bytes of job results kept together; the oldest finished jobs go first.") var jobResultBytes = 64 << 20
    @Option(help: "Seconds a finished job and its result are kept.") var jobExpiry = 600.0
    @Option(help: "Bytes the caches may hold (parsed networks and response bodies, half each), e.g. 536870912.")
    var cacheBytes = 512 << 20
    @Option(help: "Versions kept per network in WORKSPACE/.actornet/history, the current one included (at least 1).")
    var keepVersions = 20

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535") }
        guard maxBodyBytes >= 1 else { throw ValidationError("--max-body-bytes must be at least 1") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be > 0 seconds") }
        guard idleTimeout > 0, idleTimeout.isFinite else { throw ValidationError("--idle-timeout must be > 0 seconds") }
        if let heavyWorkers, heavyWorkers < 1 { throw ValidationError("--heavy-workers must be at least 1; got \(heavyWorkers)") }
        guard heavyQueue >= 0 else { throw ValidationError("--heavy-queue must be at least 0; got \(heavyQueue)") }
        guard jobTimeout > 0, jobTimeout.isFinite else { throw ValidationError("--job-timeout must be > 0 seconds") }
        guard maxJobs >= 1 else { throw ValidationError("--max-jobs must be at least 1; got \(maxJobs)") }
        guard jobResultBytes >= 1 else { throw ValidationError("--job-result-bytes must be at least 1; got \(jobResultBytes)") }
        guard jobExpiry > 0, jobExpiry.isFinite else { throw ValidationError("--job-expiry must be > 0 seconds") }
        guard cacheBytes >= 0 else { throw ValidationError("--cache-bytes must be at least 0 (0: cache nothing); got \(cacheBytes)") }
        guard keepVersions >= 1 else { throw ValidationError("--keep-versions must be at least 1 (the current version); got \(keepVersions)") }
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

    /// `base` with the tokens and the access options; the start-up refusal, a bad token source
    /// or an unwritable audit log stop here with its message (exit 64, 66 or 73). Called by
    /// `run()`, not `validate()`: `--help` validates too, and must not create the audit log.
    func accessArguments(_ base: ServerArguments) throws -> ServerArguments {
        var arguments = base
        do throws(AccessTokenError) {
            var file: [AccessToken] = []
            if let tokensFile { file = try AccessTokens.read(file: tokensFile) }
            let environment = try AccessTokens.read(environment: ProcessInfo.processInfo.environment)
            arguments.tokens = try AccessTokens.combine(file: file, environment: environment)
        } catch {
            printError("error: \(error)")
            throw error.kind == .unreadable ? Status.noInput : ExitCode.validationFailure
        }
        arguments.readOnly = readOnly
        arguments.allowAnonymousWrites = allowAnonymousWrites
        arguments.requireTokenForReads = requireTokenForReads
        arguments.auditLog = auditLog
        arguments.corsOrigins = corsOrigin
        if let refusal = arguments.startupRefusal() {
            printError("error: \(refusal)")
            throw ExitCode.validationFailure
        }
        do {
            try arguments.prepareAuditLog()
        } catch {
            printError("error: \(error)")
            throw Status.cannotCreate
        }
        return arguments
    }

    func run() async throws {
        var arguments = try accessArguments(ServerArguments(
            host: host, port: port, workspace: workspace, maxBodyBytes: maxBodyBytes,
            computeTimeout: .milliseconds(Int64((timeout * 1000).rounded(.up))),
            idleTimeout: .milliseconds(Int64((idleTimeout * 1000).rounded(.up))),
            onListening: { [workspace] url in printError("actornet: serving \(workspace) at \(url) (API: \(url)/openapi.json)") }))
        _ = arguments.setLogLevel(named: logLevel)
        arguments.stopWorkOnSignals = true
        arguments.heavyWorkers = heavyWorkers ?? arguments.heavyWorkers
        arguments.heavyQueue = heavyQueue
        arguments.jobTimeout = .milliseconds(Int64((jobTimeout * 1000).rounded(.up)))
        arguments.maxJobs = maxJobs
        arguments.jobResultBytes = jobResultBytes
        arguments.jobExpiry = .milliseconds(Int64((jobExpiry * 1000).rounded(.up)))
        arguments.cacheBytes = cacheBytes
        arguments.keepVersions = keepVersions
        arguments.headerTimeout = .milliseconds(Int64((headerTimeout * 1000).rounded(.up)))
        arguments.drainBytes = maxDrainBytes
        try await buildApplication(arguments).runService()
    }
}
