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
    router.add(middleware: ClientConnectionMiddleware())
    let errors = JSONErrorMiddleware<ServerContext>()
    router.add(middleware: errors)
    let networks = NetworksController(services: services)
    let analysis = AnalysisController(services: services)
    let pages = PagesController(services: services)
    networks.register(on: router)
    analysis.register(on: router)
    pages.register(on: router)
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
