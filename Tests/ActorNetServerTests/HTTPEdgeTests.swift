import ActorNetCore
import ActorNetIO
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The HTTP edges (issue 20, item 7): early answers seen by every client and the connection
/// closed, truncated bodies 400, compressed bodies, a problem body on every error status, and
/// the header timeout. Raw sockets where an HTTP library would not misbehave on purpose.
@Suite struct HTTPEdgeTests {
    static let put = "PUT /v1/networks/russia-iran HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"

    // MARK: 413 seen by every client, the connection closed

    /// A client that sends its whole body before reading (as urllib does) reads the 413, and the
    /// server then closes the connection; with `Connection: close` or without, Content-Length or
    /// chunked. The network is unchanged.
    @Test(arguments: [(true, false), (false, false), (true, true), (false, true)])
    func anOversizedBodySentWholeGetsItsAnswerAndTheConnectionEnds(close: Bool, chunked: Bool) async throws {
        let workspace = try TestWorkspace()
        let before = FileManager.default.contents(atPath: workspace.path("russia-iran"))
        let arguments = workspace.arguments(maxBodyBytes: 1000)
        let counters = arguments.httpCounters
        try await buildApplication(arguments).test(.live) { client in
            let port = try #require(client.port)
            let body = String(repeating: "# padding line of a large upload\n", count: 90_000)  // ~3 MB
            let framing = chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: \(body.utf8.count)\r\n"
            let encoded = chunked
                ? stride(from: 0, to: body.utf8.count, by: 65536).map { start -> String in
                    let piece = Array(body.utf8)[start..<min(start + 65536, body.utf8.count)]
                    return String(piece.count, radix: 16) + "\r\n" + String(decoding: piece, as: UTF8.self) + "\r\n"
                }.joined() + "0\r\n\r\n"
                : body
            let answer = try await RawClient.offPool {
                let raw = try RawClient(port: port)
                try raw.send(Self.put + (close ? "Connection: close\r\n" : "") + framing + "\r\n" + encoded)
                let text = raw.readToEnd()
                return (text, raw.sawEndOfFile)
            }
            #expect(answer.0.hasPrefix("HTTP/1.1 413"), "\(answer.0.prefix(300))")
            #expect(answer.0.lowercased().contains("connection: close"), "\(answer.0.prefix(300))")
            #expect(answer.0.contains("application/problem+json"))
            #expect(answer.1, "the server did not close the connection")
            // The answer may arrive before the server has read the end of the body.
            #expect(try await FaultTests().eventually(within: 30) { counters.snapshot.drainedBodies == 1 })
        }
        #expect(FileManager.default.contents(atPath: workspace.path("russia-iran")) == before)
    }

    /// Pipelined requests (the next sent before the first is answered) are each answered on the
    /// one connection, which stays open: an answer to the first is not an early answer to the second.
    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        let workspace = try TestWorkspace()
        let arguments = workspace.arguments()
        let counters = arguments.httpCounters
        try await buildApplication(arguments).test(.live) { client in
            let port = try #require(client.port)
            let body = NetworksTests.small
            let put = "PUT /v1/networks/piped HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
            let text = try await RawClient.offPool {
                let raw = try RawClient(port: port)
                try raw.send(put + "GET /v1/networks/piped HTTP/1.1\r\nHost: x\r\n\r\n" + put
                    + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                return raw.readToEnd()
            }
            let statuses = text.matches(of: /HTTP\/1\.1 (\d{3})/).map { String($0.1) }
            #expect(statuses == ["201", "200", "200", "200"], "\(text)")
            // No answer announces a close (the server closes after the last, which asked for it).
            #expect(text.lowercased().components(separatedBy: "connection: close").count == 1, "\(text)")
            #expect(counters.snapshot.drainedBodies == 0)
        }
    }

    /// Python's urllib sends the whole body, then reads: it gets the 413 and its problem body,
    /// for a Content-Length and a chunked body.
    @Test func urllibReadsThe413() async throws {
        let workspace = try TestWorkspace()
        try await buildApplication(workspace.arguments(maxBodyBytes: 1000)).test(.live) { client in
            let port = try #require(client.port)
            let script = """
                import json, sys, urllib.request, urllib.error
                url = "http://127.0.0.1:\(port)/v1/networks/russia-iran"
                body = b"# padding\\n" * 500000
                for data in (body, iter([body[i:i + 65536] for i in range(0, len(body), 65536)])):
                    request = urllib.request.Request(url, data=data, method="PUT",
                                                     headers={"Content-Type": "application/yaml", "Connection": "close"})
                    try:
                        urllib.request.urlopen(request, timeout=30)
                        print("no error")
                    except urllib.error.HTTPError as error:
                        problem = json.loads(error.read())
                        print(error.code, error.headers["Content-Type"], problem["status"], problem["instance"])
                """
            let output = try await RawClient.offPool { try runPython(script) }
            #expect(output == String(repeating: "413 application/problem+json 413 /v1/networks/russia-iran\n", count: 2), "\(output)")
        }
    }

    /// A client that waits for `100 Continue` gets the 413 at once and the connection closes; it
    /// never sends the body.
    @Test func anExpectContinueUploadOverTheLimitIsRefusedAtOnce() async throws {
        try await TestWorkspace().app(maxBodyBytes: 1000).test(.live) { client in
            let port = try #require(client.port)
            let answer = try await RawClient.offPool {
                let raw = try RawClient(port: port)
                try raw.send(Self.put + "Expect: 100-continue\r\nContent-Length: 50000000\r\n\r\n")
                return (raw.readToEnd(), raw.sawEndOfFile)
            }
            #expect(answer.0.hasPrefix("HTTP/1.1 413"), "\(answer.0.prefix(300))")
            #expect(answer.0.contains("the limit is 1000"))
            #expect(answer.1)
        }
    }

    // MARK: Truncated bodies

    /// Fewer bytes than Content-Length, or a chunked body without its last chunk, then the
    /// client stops sending: 400 naming the header, and nothing stored.
    @Test(arguments: ["Content-Length: 1000\r\n\r\nactornet: 1\nname: Cut\n",
                      "Transfer-Encoding: chunked\r\n\r\n18\r\nactornet: 1\nname: Cut\n\r\n"])
    func aTruncatedBodyIs400AndNothingIsStored(framing: String) async throws {
        let workspace = try TestWorkspace()
        let before = FileManager.default.contents(atPath: workspace.path("russia-iran"))
        try await workspace.app().test(.live) { client in
            let port = try #require(client.port)
            let answer = try await RawClient.offPool {
                let raw = try RawClient(port: port)
                try raw.send(Self.put + framing)
                raw.finishSending()
                return raw.readToEnd()
            }
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(300))")
            #expect(answer.contains("application/problem+json"))
            #expect(answer.contains("nothing was stored"), "\(answer)")
            #expect(answer.contains(framing.hasPrefix("Content-Length") ? "\"Content-Length\"" : "\"Transfer-Encoding\""), "\(answer)")
            // The server goes on.
            let listed = try await RawClient.exchange(port: port, send: "GET /v1/networks HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(listed.hasPrefix("HTTP/1.1 200"))
        }
        #expect(FileManager.default.contents(atPath: workspace.path("russia-iran")) == before)
    }

    /// A client that closes its socket mid-body: no answer can reach it, and nothing is stored.
    @Test func aBodyCutByAClosedSocketStoresNothing() async throws {
        let workspace = try TestWorkspace()
        try await workspace.app().test(.live) { client in
            let port = try #require(client.port)
            try await RawClient.offPool {
                let raw = try RawClient(port: port)
                try raw.send("PUT /v1/networks/cut HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: 1000\r\n\r\n" + NetworksTests.small)
                raw.close()
            }
            let answer = try await RawClient.exchange(port: port, send: "GET /v1/networks/cut HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 404"), "\(answer.prefix(300))")
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.path("cut")))
    }

    // MARK: Content-Encoding

    /// gzip, zlib-wrapped deflate and raw deflate bodies are inflated and stored.
    @Test(arguments: [("gzip", "gzip"), ("x-gzip", "gzip"), ("deflate", "zlib"), ("deflate", "raw"), ("gzip, identity", "gzip")])
    func compressedUploadsAreInflated(encoding: String, format: String) async throws {
        let workspace = try TestWorkspace()
        let compressed = try compress(Array(NetworksTests.small.utf8), format)
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/packed", method: .put,
                                     headers: [.contentType: "application/yaml", .contentEncoding: encoding],
                                     body: ByteBuffer(bytes: compressed)) { response in
                #expect(response.status == .created, "\(response.text)")
                #expect(response.object["actors"] as? Int == 3)
            }
        }
    }

    /// A gzip body of two members (`cat a.gz b.gz`) is both members.
    @Test func concatenatedGzipMembersAreOneBody() async throws {
        let workspace = try TestWorkspace()
        let lines = NetworksTests.small.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.prefix(6).joined(separator: "\n") + "\n", second = lines.dropFirst(6).joined(separator: "\n")
        let body = try compress(Array(first.utf8), "gzip") + compress(Array(second.utf8), "gzip")
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/packed", method: .put,
                                     headers: [.contentType: "application/yaml", .contentEncoding: "gzip"],
                                     body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .created, "\(response.text)")
                #expect(response.object["relations"] as? Int == 3)
            }
        }
    }

    /// Refusals: another coding (415 naming it), the decoded size over the limit or a bomb's
    /// ratio (413), corrupt or cut data (400). Nothing is stored.
    @Test func compressedBodiesThatAreRefused() async throws {
        let workspace = try TestWorkspace()
        let small = try compress(Array(NetworksTests.small.utf8), "gzip")
        let zeros = try compress([UInt8](repeating: 0, count: 3 << 20), "gzip")
        let cases: [(String, [UInt8], Int, HTTPResponse.Status, String)] = [
            ("br", small, 10 << 20, .unsupportedMediaType, "unsupported Content-Encoding 'br'; accepted: gzip, deflate"),
            ("compress", small, 10 << 20, .unsupportedMediaType, "'compress'"),
            ("gzip, gzip, gzip", small, 10 << 20, .unsupportedMediaType, "at most 2"),
            ("gzip", zeros, 1 << 20, .contentTooLarge, "decompresses to more than 1048576 bytes"),
            ("gzip", zeros, 10 << 20, .contentTooLarge, "decompression bomb"),
            ("gzip", Array(small.prefix(small.count / 2)), 10 << 20, .badRequest, "cut short"),
            ("gzip", Array(NetworksTests.small.utf8), 10 << 20, .badRequest, "not valid gzip data"),
            ("deflate", small, 10 << 20, .badRequest, "not valid deflate data"),
        ]
        for (encoding, body, limit, status, words) in cases {
            try await workspace.app(maxBodyBytes: limit).test(.router) { client in
                try await client.execute(uri: "/v1/networks/packed", method: .put,
                                         headers: [.contentType: "application/yaml", .contentEncoding: encoding],
                                         body: ByteBuffer(bytes: body)) { response in
                    #expect(response.status == status, "\(encoding): \(response.text)")
                    #expect(response.error["field"] as? String == "Content-Encoding", "\(encoding): \(response.text)")
                    #expect(response.text.contains(words), "\(encoding): \(response.text)")
                }
            }
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.path("packed")))
    }

    // MARK: Problem bodies

    /// Every error status the server produces, through the router: an RFC 9457 problem.
    @Test func everyErrorStatusHasAProblemBody() async throws {
        let workspace = try TestWorkspace()
        try Data("actors: [\n".utf8).write(to: URL(fileURLWithPath: workspace.path("broken")))
        let big = RandomNetworks.make(actors: 1500, relations: 7500, seed: 7)
        try NativeWriter.yaml(big).write(toFile: workspace.path("big"), atomically: true, encoding: .utf8)
        let yaml = headers("application/yaml")
        let cases: [(HTTPRequest.Method, String, HTTPFields, String, HTTPResponse.Status)] = [
            (.get, "/v1/networks?verbose=1", [:], "", .badRequest),
            (.get, "/v1/nowhere", [:], "", .notFound),
            (.get, "/v1/networks/atlantis", [:], "", .notFound),
            (.delete, "/v1/networks", [:], "", .methodNotAllowed),
            (.put, "/v1/networks/big", yaml, String(repeating: "#", count: 2000), .contentTooLarge),
            (.put, "/v1/networks/x", headers("image/png"), "", .unsupportedMediaType),
            (.put, "/v1/networks/x", yaml, "actors: {", .unprocessableContent),
            (.get, "/v1/networks/broken", [:], "", .internalServerError),
        ]
        let slow: (HTTPRequest.Method, String, HTTPFields, String, HTTPResponse.Status) =
            (.get, "/v1/networks/big/metrics?metric=betweenness,closeness,harmonic&at=all", [:], "", .serviceUnavailable)
        try await workspace.app(timeout: .milliseconds(1)).test(.router) { client in
            try await client.execute(uri: slow.1, method: slow.0) { response in
                #expect(response.status == slow.4, "\(response.text)")
                try checkProblem(response.headers[.contentType], response.object, status: slow.4,
                                 instance: "/v1/networks/big/metrics", context: slow.1)
            }
        }
        try await workspace.app(maxBodyBytes: 1000).test(.router) { client in
            for (method, uri, fields, body, status) in cases {
                try await client.execute(uri: uri, method: method, headers: fields, body: ByteBuffer(text: body)) { response in
                    #expect(response.status == status, "\(method) \(uri): \(response.text)")
                    try checkProblem(response.headers[.contentType], response.object, status: status,
                                     instance: String(uri.prefix { $0 != "?" }), context: "\(method) \(uri)")
                }
            }
            try await client.execute(uri: "/v1/networks", method: .delete) { response in
                #expect(response.headers[.allow] == "GET")
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .post) { response in
                #expect(response.headers[.allow] == "DELETE, GET, PUT", "\(response.text)")
            }
        }
    }

    /// What never reaches a route: malformed requests (400) and slow headers (408) get problem
    /// bodies too, written by the connection's guard; the connection then closes.
    @Test func malformedRequestsGetProblemBodies() async throws {
        let malformed = [
            ("NOT HTTP AT ALL\r\n\r\n", nil),
            ("GET /healthz HTTP/1.1\r\nHost localhost\r\n\r\n", "/healthz"),
            ("GET /healthz HTTP/1.1\r\nContent-Length: -5\r\n\r\n", "/healthz"),
            ("GET /v1/networks?x=1 HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "/v1/networks"),
            ("GET /\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\nHost: x\r\n\r\n", nil),
            ("\u{0}\u{1}\u{2}\r\n\r\n", nil),
        ]
        let arguments = try TestWorkspace().arguments()
        let counters = arguments.httpCounters
        try await buildApplication(arguments).test(.live) { client in
            let port = try #require(client.port)
            for (request, instance) in malformed {
                let (answer, closed) = try await RawClient.offPool {
                    let raw = try RawClient(port: port)
                    try raw.send(request)
                    return (raw.readToEnd(), raw.sawEndOfFile)
                }
                let label = request.prefix(40).debugDescription
                #expect(answer.hasPrefix("HTTP/1.1 400"), "\(label) → \(answer.prefix(200))")
                #expect(closed, "\(label)")
                let (type, object) = Self.parse(answer)
                try checkProblem(type, object, status: .badRequest, instance: instance, context: label)
                #expect((object["detail"] as? String)?.contains("not valid HTTP/1.1") == true, "\(answer)")
            }
            #expect(counters.snapshot.malformed == malformed.count)
        }
    }

    // MARK: Header timeout

    /// A client that sends its headers a byte at a time (slowloris) is answered 408 once the
    /// header timeout has passed since its first byte, however often it sends, and the
    /// connection is closed; the idle timeout is far longer.
    @Test func slowHeadersAre408() async throws {
        let workspace = try TestWorkspace()
        var arguments = workspace.arguments()
        arguments.headerTimeout = .milliseconds(400)
        arguments.idleTimeout = .seconds(60)
        let counters = arguments.httpCounters
        try await buildApplication(arguments).test(.live) { client in
            let port = try #require(client.port)
            let raw = try RawClient(port: port)
            try raw.send("GET /v1/networks HTTP/1.1\r\n")
            let trickle = Task.detached {
                for byte in "Host: localhost\r\nX-Slow: \(String(repeating: "z", count: 200))" {
                    guard !Task.isCancelled, (try? raw.send(String(byte))) != nil else { return }
                    try? await Task.sleep(for: .milliseconds(50))
                }
            }
            let answer = try await RawClient.offPool { raw.readToEnd() }
            trickle.cancel()
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.prefix(300))")
            #expect(raw.sawEndOfFile)
            let (type, object) = Self.parse(answer)
            try checkProblem(type, object, status: .requestTimeout, instance: "/v1/networks", context: "408")
            #expect((object["detail"] as? String)?.contains("--header-timeout") == true)
            #expect(counters.snapshot.headerTimeouts == 1)
        }
    }

    /// The header timeout starts at a request's first byte: a kept-alive connection idle
    /// between requests for longer than it is not answered 408.
    @Test func anIdleKeptAliveConnectionIsNotTimedOutByTheHeaderTimeout() async throws {
        let workspace = try TestWorkspace()
        var arguments = workspace.arguments()
        arguments.headerTimeout = .milliseconds(200)
        let counters = arguments.httpCounters
        try await buildApplication(arguments).test(.live) { client in
            let port = try #require(client.port)
            let answers = try await RawClient.offPool {
                let raw = try RawClient(port: port)
                try raw.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                let first = raw.readResponse()
                Thread.sleep(forTimeInterval: 0.6)
                try raw.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                return (first, raw.readResponse())
            }
            #expect(answers.0.hasPrefix("HTTP/1.1 200"), "\(answers.0)")
            #expect(answers.1.hasPrefix("HTTP/1.1 200"), "\(answers.1)")
            #expect(counters.snapshot.headerTimeouts == 0)
        }
    }

    @Test func requestLinePaths() {
        #expect(HTTPGuard.path(Array("GET /v1/networks?x=1 HTTP/1.1\r\nHost".utf8)) == "/v1/networks")
        #expect(HTTPGuard.path(Array("NOT HTTP AT ALL".utf8)) == nil)
        #expect(HTTPGuard.path(Array("GET /a b HTTP/1.1".utf8)) == nil)
        #expect(HTTPGuard.path(Array("GET /v1/netw".utf8)) == nil)
    }

    // MARK: Helpers

    /// The Content-Type and JSON body of a raw HTTP response.
    static func parse(_ answer: String) -> (String?, [String: Any]) {
        guard let split = answer.range(of: "\r\n\r\n") else { return (nil, [:]) }
        let type = answer[..<split.lowerBound].split(separator: "\r\n")
            .first { $0.lowercased().hasPrefix("content-type:") }
            .map { $0.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces) }
        let object = (try? JSONSerialization.jsonObject(with: Data(answer[split.upperBound...].utf8))) as? [String: Any]
        return (type, object ?? [:])
    }
}

/// `object` is an RFC 9457 problem for `status` about `instance` (nil: none).
func checkProblem(_ contentType: String?, _ object: [String: Any], status: HTTPResponse.Status, instance: String?,
                  context: String) throws {
    #expect(contentType == "application/problem+json", "\(context): \(contentType ?? "no Content-Type")")
    #expect(object["type"] as? String == "about:blank", "\(context): \(object)")
    #expect(object["title"] as? String == status.reasonPhrase, "\(context): \(object)")
    #expect(object["status"] as? Int == status.code, "\(context): \(object)")
    #expect((object["detail"] as? String)?.isEmpty == false, "\(context): \(object)")
    #expect(object["instance"] as? String == instance, "\(context): \(object)")
}

/// `bytes` compressed by Python's zlib: `gzip`, `zlib` (deflate as RFC 9110 means it) or `raw`
/// deflate.
func compress(_ bytes: [UInt8], _ format: String) throws -> [UInt8] {
    let bits = ["gzip": 31, "zlib": 15, "raw": -15][format]!
    let script = "import sys, zlib; c = zlib.compressobj(9, zlib.DEFLATED, \(bits)); "
        + "sys.stdout.buffer.write(c.compress(sys.stdin.buffer.read()) + c.flush())"
    return try runProcess(["python3", "-c", script], input: bytes)
}

func runPython(_ script: String) throws -> String {
    String(decoding: try runProcess(["python3", "-c", script], input: []), as: UTF8.self)
}

private func runProcess(_ arguments: [String], input: [UInt8]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    let writer = Thread {
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw POSIXError(.EIO)
    }
    return Array(output)
}
