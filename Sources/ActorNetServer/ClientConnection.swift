import ActorNetCore
import Foundation
public import Hummingbird
import NIOCore

/// Whether the client of a connection is still there, so that the computation of a request
/// whose client went away can be cancelled.
///
/// Hummingbird 2 runs a request's handler inside the connection's task and does not cancel it
/// when the client leaves (the task is only cancelled on shutdown); the server enables remote
/// half-closure, so a client that closes its socket is seen as `ChannelEvent.inputClosed`, an
/// abrupt reset as the channel going inactive. `ClientWatcher`, one per connection in the
/// channel pipeline, hears both and tells this object, which cancels every computation
/// registered for the connection. The request reaches it through `ServerContext.connection`
/// and, below the controllers, `ClientConnection.current`.
final class ClientConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var closed = false
    private var tokens: [ObjectIdentifier: Cancellation] = [:]
    private var actions: [UUID: @Sendable () -> Void] = [:]

    /// The connection of the request being handled (bound by `ClientConnectionMiddleware`).
    @TaskLocal static var current: ClientConnection?

    static let reason = "the client closed the connection"

    var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closed
    }

    func markClosed() {
        lock.lock()
        closed = true
        let waiting = tokens.values
        tokens = [:]
        let told = actions.values
        actions = [:]
        lock.unlock()
        for token in waiting { token.cancel(reason: Self.reason) }
        for action in told { action() }
    }

    /// Cancels `token` when the client goes away — at once if it already has — until
    /// `forget(token)`.
    func cancelOnClose(_ token: Cancellation) {
        lock.lock()
        let gone = closed
        if !gone { tokens[ObjectIdentifier(token)] = token }
        lock.unlock()
        if gone { token.cancel(reason: Self.reason) }
    }

    func forget(_ token: Cancellation) {
        lock.lock()
        defer { lock.unlock() }
        tokens[ObjectIdentifier(token)] = nil
    }

    /// Calls `action` when the client goes away — at once if it already has — until
    /// `forget(id)`.
    func whenClosed(_ id: UUID, _ action: @escaping @Sendable () -> Void) {
        lock.lock()
        let gone = closed
        if !gone { actions[id] = action }
        lock.unlock()
        if gone { action() }
    }

    func forget(_ id: UUID) {
        lock.lock()
        defer { lock.unlock() }
        actions[id] = nil
    }

    /// The connection watched on `channel`; nil for a channel without a `ClientWatcher` (the
    /// in-process test client's).
    static func of(_ channel: any NIOCore.Channel) -> ClientConnection? {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        return registry.connections[ObjectIdentifier(channel)]
    }

    fileprivate final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var connections: [ObjectIdentifier: ClientConnection] = [:]
    }

    fileprivate static let registry = Registry()
}

/// Sits in each connection's pipeline (after the HTTP decoder), passes everything on, and marks
/// the connection's `ClientConnection` closed when the client's side closes or the channel goes
/// inactive. It registers the connection on being added and unregisters it on removal (the
/// channel closing), so the registry holds open connections only.
final class ClientWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let connection = ClientConnection()
    private var key: ObjectIdentifier?

    func handlerAdded(context: ChannelHandlerContext) {
        let key = ObjectIdentifier(context.channel)
        self.key = key
        let registry = ClientConnection.registry
        registry.lock.lock()
        registry.connections[key] = connection
        registry.lock.unlock()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        connection.markClosed()
        guard let key else { return }
        let registry = ClientConnection.registry
        registry.lock.lock()
        registry.connections[key] = nil
        registry.lock.unlock()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { connection.markClosed() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        connection.markClosed()
        context.fireChannelInactive()
    }
}

/// The request context of every route: Hummingbird's basic one plus the connection, so that
/// work can be cancelled when the client leaves.
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let connection: ClientConnection?
    /// The client's IP address, for the audit log (nil for the in-process test client).
    let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        connection = ClientConnection.of(source.channel)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}

/// Makes the request's connection `ClientConnection.current` for the handlers below, where
/// `Deadline` picks it up.
struct ClientConnectionMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        try await ClientConnection.$current.withValue(context.connection) {
            try await next(request, context)
        }
    }
}
