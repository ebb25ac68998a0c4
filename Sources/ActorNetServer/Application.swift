public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore

/// What `buildApplication` needs: where the networks live, how to listen and how much work a
/// request may ask for.
public struct ServerArguments: Sendable {
    public var host: String
    /// 0 lets the system pick a free port; `onListening` is told which.
    public var port: Int
    /// The directory of network files, `NAME.yaml` each.
    public var workspace: String
    /// Uploads larger than this are refused with 413 before they are parsed.
    public var maxBodyBytes: Int
    /// Analyses, exports and drawings that take longer are answered with 503.
    public var computeTimeout: Duration
    public var logLevel: Logger.Level
    /// A connection that sends nothing for this long while no request is in progress (a client
    /// that opened it and left, or stalls halfway through its headers) is closed; nil: never.
    public var idleTimeout: Duration?
    /// From the first byte of a request to the end of its headers at most this long, then 408
    /// and the connection closed (slow clients); nil: no limit.
    public var headerTimeout: Duration? = .seconds(10)
    /// A body still arriving when its response is sent (a 413) is read and discarded up to this
    /// many bytes before the connection is closed, so that clients that send before they read
    /// see the answer.
    public var drainBytes: Int = 100 << 20
    /// Counts what the HTTP guards did (drained bodies, malformed requests, header timeouts).
    var httpCounters = HTTPGuardCounters()
    /// Counts the computations running and cancelled; the tests watch it.
    var gauge = ComputationGauge()
    /// Called once the server listens, with its URL (the port resolved when 0 was asked for).
    public var onListening: (@Sendable (String) -> Void)?
    /// The bearer tokens writes need (reads too with `requireTokenForReads`); none: no token
    /// is asked for (see `startupRefusal()` for when that is refused).
    public var tokens: [AccessToken] = []
    /// Every write route is refused with 403.
    public var readOnly = false
    /// Anonymous writes on a non-loopback `host` are asked for by name (no tokens).
    public var allowAnonymousWrites = false
    /// Reads need a token too (any; `/healthz` stays open).
    public var requireTokenForReads = false
    /// The audit log; nil: `WORKSPACE/.actornet/audit.log` (`auditLogPath`).
    public var auditLog: String?
    /// Origins whose browser pages may call the API (CORS); none: off.
    public var corsOrigins: [String] = []
    /// Heavy computations running at once, each on a thread of lower priority (`Scheduler`).
    public var heavyWorkers = Scheduler.defaultHeavyWorkers
    /// Heavy computations waiting for a worker; past this, 503 with `Retry-After`.
    public var heavyQueue = 16
    /// Jobs kept (queued, running and finished), their results' bytes together, how long a
    /// finished job is kept, and a job's time limit.
    public var maxJobs = 64
    public var jobResultBytes = 64 << 20
    public var jobExpiry: Duration = .seconds(600)
    public var jobTimeout: Duration = .seconds(3600)
    /// Where work counts as heavy (tests lower it).
    var costs = WorkCosts()
    /// Called on the worker thread before each computation (tests hold heavy work with it).
    var beforeWork: (@Sendable (WorkClass) -> Void)?
    /// Whether SIGTERM and SIGINT cancel running computations at once (`actornet serve`), rather
    /// than once the server has finished its in-flight requests.
    public var stopWorkOnSignals = false
    /// Lets graceful shutdown reach the scheduler and jobs `buildRouter` makes.
    var lifecycle = SchedulerLifecycle()
    /// Bytes the caches may hold: half for parsed networks (estimated), half for response bodies.
    public var cacheBytes = 512 << 20
    /// Versions kept per network in `.actornet/history` (the current one included), at least 1.
    public var keepVersions = 20
    /// Networks whose YAML has at least this many bytes get a compact snapshot in `.actornet/snapshots`.
    var snapshotMinBytes = 1 << 20
    /// Counts file reads, parses and snapshot use; the tests watch it.
    var storeStatistics = StoreStatistics()

    public init(host: String = "127.0.0.1", port: Int = 8080, workspace: String = "graphs",
                maxBodyBytes: Int = 10 << 20, computeTimeout: Duration = .seconds(30), logLevel: Logger.Level = .info,
                idleTimeout: Duration? = .seconds(60), onListening: (@Sendable (String) -> Void)? = nil) {
        self.host = host
        self.port = port
        self.workspace = workspace
        self.maxBodyBytes = maxBodyBytes
        self.computeTimeout = computeTimeout
        self.logLevel = logLevel
        self.idleTimeout = idleTimeout
        self.onListening = onListening
    }
}

/// The ActorNet service, used by `actornet serve` and by the tests.
///
/// `runService()` on the result runs it in a `ServiceGroup` that shuts down gracefully on
/// SIGTERM and SIGINT: in-flight requests finish, then the process exits 0.
public func buildApplication(_ arguments: ServerArguments) -> some ApplicationProtocol {
    var logger = Logger(label: "actornet")
    logger.logLevel = arguments.logLevel
    let host = arguments.host
    let onListening = arguments.onListening
    let runningLogger = logger
    // One ClientWatcher per connection tells running computations when their client has gone.
    // The HTTP guard: early answers drained and closed, malformed requests and slow headers
    // answered with problems (HTTPGuard.swift).
    let guardSettings = HTTPGuardSettings(headerTimeout: arguments.headerTimeout, drainBytes: arguments.drainBytes)
    let counters = arguments.httpCounters
    let http1 = HTTP1Channel.Configuration(additionalChannelHandlers: [ClientWatcher(),
                                                                       HTTPGuardInstaller(settings: guardSettings, counters: counters)],
                                           idleTimeout: arguments.idleTimeout.map { .nanoseconds(nanosecondCount($0)) })
    return Application(
        router: buildRouter(arguments, logger: logger),
        server: .http1(configuration: http1),
        configuration: .init(address: .hostname(arguments.host, port: arguments.port), serverName: "ActorNet"),
        services: [ComputationShutdown(lifecycle: arguments.lifecycle, onSignals: arguments.stopWorkOnSignals)],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? 0
            let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
            runningLogger.info("listening on \(url)")
            onListening?(url)
        },
        logger: logger
    )
}

/// Every route behind the two middlewares; the tests compare `router.routes` with the paths of
/// `openapi.json`, so the document cannot drift from the code.
func buildRouter(_ arguments: ServerArguments, logger: Logger = Logger(label: "actornet")) -> Router<ServerContext> {
    let services = Services(arguments: arguments, logger: logger)
    let router = Router(context: ServerContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: CORSMiddleware(origins: arguments.corsOrigins))
    router.add(middleware: ClientConnectionMiddleware())
    router.add(middleware: AuthorizationMiddleware(policy: arguments.accessPolicy, audit: AuditLog(path: arguments.auditLogPath)))
    let errors = JSONErrorMiddleware<ServerContext>()
    router.add(middleware: errors)
    router.add(middleware: RequestDeadlineMiddleware(limit: arguments.computeTimeout))
    let networks = NetworksController(services: services)
    let analysis = AnalysisController(services: services)
    let pages = PagesController(services: services)
    let jobStore = JobStore(limits: .init(maxJobs: arguments.maxJobs, maxResultBytes: arguments.jobResultBytes,
                                          expiry: arguments.jobExpiry, timeout: arguments.jobTimeout), logger: logger)
    arguments.lifecycle.register(jobStore)
    let jobs = JobsController(services: services, jobs: jobStore, analysis: analysis)
    router.add(middleware: RespondAsyncMiddleware(jobs: jobs))
    networks.register(on: router)
    analysis.register(on: router)
    pages.register(on: router)
    jobs.register(on: router)
    VersionsController(services: services).register(on: router)
    MetaController().register(on: router)
    errors.routes.set(router.routes.map { ($0.method.rawValue, $0.path.description) })
    return router
}

extension ServerArguments {
    /// The names `--log-level` takes, least severe first.
    public static let logLevelNames = Logger.Level.allCases.map(\.rawValue)

    /// Sets the log level by name; false for an unknown name.
    public mutating func setLogLevel(named name: String) -> Bool {
        guard let level = Logger.Level(rawValue: name.lowercased()) else { return false }
        logLevel = level
        return true
    }
}

private func nanosecondCount(_ duration: Duration) -> Int64 {
    duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
}
