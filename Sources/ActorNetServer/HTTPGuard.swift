import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1

/// What each connection's `HTTPGuard` enforces.
struct HTTPGuardSettings: Sendable {
    /// From the first byte of a request to the end of its headers; then 408 and close. nil: no limit.
    var headerTimeout: Duration?
    /// A body left unread when its response is sent (a 413, a 415 before the upload finished) is
    /// read and discarded up to this many bytes, then the connection is closed; past it, or when
    /// the declared length is larger, the connection is closed at once.
    var drainBytes: Int
}

/// The HTTP edges Hummingbird leaves open, one per connection, right after NIO's HTTP/1 decoder
/// (`HTTPGuardInstaller` puts it there and a `RequestStartWatcher` in front of the decoder):
///
/// - **A response sent before its request's body was read** (413 over the limit, or any error
///   answered before the upload finished) says `Connection: close`; the rest of the body is then
///   read and thrown away (up to `drainBytes`, and no longer than the idle timeout since the last
///   request part), and the connection closed. A client that sends its whole body before reading
///   (Python's urllib) thus reads the 413 instead of a broken pipe; one that reads while sending
///   (curl) sees it at once. Past `drainBytes` the connection is closed at once.
/// - **A malformed request** (NIO's decoder fails before a request head) is answered 400 with a
///   problem body, and the connection closed; Hummingbird would send an empty 400. A request
///   whose body the decoder cannot finish (cut short, bad chunks) gets its error through the
///   body stream instead, and `Upload.body` answers 400.
/// - **Slow headers** (slowloris): from the first byte of a request to the end of its headers at
///   most `headerTimeout`, then 408 with a problem body and close. A slow body is bounded by the
///   idle timeout between reads, as before.
final class HTTPGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let settings: HTTPGuardSettings
    /// A request head has arrived and its end has not.
    private var requestOpen = false
    /// The open request's declared length, whether any of its body has arrived, and whether it
    /// waits for `100 Continue` before sending it.
    private var declaredLength: Int?
    private var bodyStarted = false
    private var expectsContinue = false
    /// Request heads received and responses ended on the connection: the response being
    /// written answers request `responsesEnded + 1` (pipelined requests are answered in order).
    private var requestsStarted = 0
    private var responsesEnded = 0
    /// The open request is the one being answered (not one pipelined behind it).
    private var answeringOpenRequest: Bool { requestOpen && requestsStarted == responsesEnded + 1 }
    /// Its response is done and the rest of the open request's body is being discarded.
    private var draining = false
    private var drained = 0
    /// The decoder failed inside the open request's body: its response is the connection's last.
    private var closeAfterResponse = false
    /// A problem to answer once the response in progress ends (a malformed request pipelined
    /// behind it).
    private var pending: (status: HTTPResponse.Status, detail: String)?
    private var headerTimer: Scheduled<Void>?
    /// The first bytes of the request being received, for the problem's `instance`.
    private var startLine: [UInt8] = []
    private var closed = false
    /// This handler's place in the pipeline, where its answers are written from.
    private var context: ChannelHandlerContext?

    /// Counts what the guard did, for the tests.
    let counters: HTTPGuardCounters

    init(settings: HTTPGuardSettings, counters: HTTPGuardCounters) {
        self.settings = settings
        self.counters = counters
    }

    // MARK: Inbound

    /// Raw bytes seen by the `RequestStartWatcher`, before the decoder: the start of a request
    /// when none is open.
    func bytesArrived(_ buffer: ByteBuffer) {
        guard !requestOpen, !closed, let context else { return }
        if startLine.count < 2048, !startLine.contains(UInt8(ascii: "\n")) {
            startLine.append(contentsOf: buffer.readableBytesView.prefix(2048 - startLine.count))
        }
        guard headerTimer == nil, let timeout = settings.headerTimeout else { return }
        let loop = context.eventLoop.assumeIsolated()
        headerTimer = loop.scheduleTask(in: .nanoseconds(nanoseconds(timeout))) { [self] in
            headerTimer = nil
            guard !requestOpen, !closed else { return }
            counters.count(\.headerTimeouts)
            refuse(HTTPResponse.Status.requestTimeout, "the request's headers did not arrive within \(seconds(timeout)) s of its first byte "
                + "(--header-timeout); send the request line and headers at once", context: context)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch part {
        case .head(let head):
            headerTimer?.cancel()
            headerTimer = nil
            startLine = []
            requestOpen = true
            requestsStarted += 1
            draining = false
            drained = 0
            bodyStarted = false
            declaredLength = head.headers["content-length"].first.flatMap { Int($0) }
            expectsContinue = head.headers["expect"].contains { $0.lowercased() == "100-continue" }
            context.fireChannelRead(data)
        case .body(let buffer):
            bodyStarted = true
            guard draining else { return context.fireChannelRead(data) }
            drained += buffer.readableBytes
            if drained > settings.drainBytes { close(context) }
        case .end:
            requestOpen = false
            if draining {
                counters.count(\.drainedBodies)
                close(context)
            } else {
                context.fireChannelRead(data)
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // While draining, nothing reaches the request's reader, whose back-pressure would stop
        // the reads; keep them going.
        if draining, !closed { context.read() }
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let error = error as? HTTPParserError else { return context.fireErrorCaught(error) }
        if draining { return close(context) }
        // In a body: the route reading it answers (Upload.body: 400), and the connection closes
        // after that answer (the decoder reads nothing more).
        if requestOpen {
            requestOpen = false
            closeAfterResponse = true
            return context.fireErrorCaught(error)
        }
        counters.count(\.malformed)
        refuse(HTTPResponse.Status.badRequest, "the request is not valid HTTP/1.1 (\(error)); send a request line 'METHOD /path HTTP/1.1', "
            + "then 'Name: value' header lines, then an empty line", context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if draining, let event = event as? ChannelEvent, event == .inputClosed { close(context) }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        headerTimer?.cancel()
        headerTimer = nil
        context.fireChannelInactive()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        headerTimer?.cancel()
        headerTimer = nil
        self.context = nil
    }

    // MARK: Outbound

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where answeringOpenRequest || closeAfterResponse:
            // Answered before its body was read: the connection cannot carry another request.
            head.headers.replaceOrAdd(name: "connection", value: "close")
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .head:
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            let early = answeringOpenRequest
            responsesEnded += 1
            context.write(data, promise: promise)
            if closeAfterResponse {
                context.flush()
                close(context)
            } else if early {
                startDraining(context)
            } else if let (status, detail) = pending {
                pending = nil
                refuse(status, detail, context: context)
            }
        }
    }

    private func startDraining(_ context: ChannelHandlerContext) {
        // A client that waits for 100 Continue has not sent its body and will not; a declared
        // body larger than the drain budget would not be read through anyway.
        if (expectsContinue && !bodyStarted) || (declaredLength ?? 0) > settings.drainBytes {
            context.flush()
            return close(context)
        }
        draining = true
        drained = 0
        context.read()
    }

    // MARK: Answering

    /// Answers `status` with a problem body and closes the connection; after the response in
    /// progress when there is one.
    private func refuse(_ status: HTTPResponse.Status, _ detail: String, context: ChannelHandlerContext) {
        guard !closed else { return }
        if requestsStarted > responsesEnded {
            // Behind a response still to come: after it.
            pending = (status, detail)
            return
        }
        let body = (try? Problem.json(status: status, detail: detail, instance: Self.path(startLine))) ?? "{}"
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: MediaType.problem)
        headers.add(name: "content-length", value: String(body.utf8.count))
        headers.add(name: "connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status.code), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        close(context)
    }

    private func close(_ context: ChannelHandlerContext) {
        guard !closed else { return }
        closed = true
        draining = false
        headerTimer?.cancel()
        headerTimer = nil
        context.close(promise: nil)
    }

    /// The path of a request line's target (`GET /v1/networks?x=1 HTTP/1.1` → `/v1/networks`);
    /// nil when the line is not one.
    static func path(_ line: [UInt8]) -> String? {
        let text = String(decoding: line.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count == 3, words[1].hasPrefix("/"), words[1].count <= 2048,
              words[1].unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f })
        else { return nil }
        return String(words[1].prefix { $0 != "?" && $0 != "#" })
    }

    private func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    private func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Sits in front of the HTTP decoder and tells the connection's `HTTPGuard` when bytes
/// arrive, which starts the header timeout of a request.
final class RequestStartWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let guardHandler: HTTPGuard

    init(_ guardHandler: HTTPGuard) { self.guardHandler = guardHandler }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guardHandler.bytesArrived(unwrapInboundIn(data))
        context.fireChannelRead(data)
    }
}

/// Hummingbird adds extra handlers after its HTTP codec; this one, added there, puts the
/// connection's `HTTPGuard` right after NIO's decoder (where it sees NIO's parse errors before
/// Hummingbird does, and writes its own responses) and a `RequestStartWatcher` in front of the
/// pipeline. It then passes everything on.
final class HTTPGuardInstaller: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let settings: HTTPGuardSettings
    private let counters: HTTPGuardCounters

    init(settings: HTTPGuardSettings, counters: HTTPGuardCounters) {
        self.settings = settings
        self.counters = counters
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let operations = context.pipeline.syncOperations
        do {
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            let guardHandler = HTTPGuard(settings: settings, counters: counters)
            try operations.addHandler(guardHandler, position: .after(decoder))
            try operations.addHandler(RequestStartWatcher(guardHandler), position: .first)
        } catch {
            // Not an HTTP/1 pipeline: nothing to guard.
        }
    }
}

/// What the guards of all connections did: bodies drained after an early response, malformed
/// requests answered 400, header timeouts answered 408.
final class HTTPGuardCounters: @unchecked Sendable {
    struct Counts { var drainedBodies = 0, malformed = 0, headerTimeouts = 0 }
    private let lock = NSLock()
    private var counts = Counts()

    func count(_ key: WritableKeyPath<Counts, Int>) {
        lock.lock()
        defer { lock.unlock() }
        counts[keyPath: key] += 1
    }

    var snapshot: Counts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }
}
