import CZlib
import Hummingbird
import NIOCore
import NIOHTTP1

/// Reading an upload's body: the size limit, truncated and malformed bodies, and
/// `Content-Encoding` (gzip and deflate inflated with zlib, under the same limit).
extension Upload {
    /// The content codings a body may arrive in, as `Content-Encoding` names them.
    enum Coding: String {
        case gzip, deflate
    }

    /// A decoded body may be at most this many times larger than the bytes sent, once it is past
    /// `ratioFloor`; beyond that it is refused as a decompression bomb even under the size limit.
    /// Network files compress about 5–20 to 1; deflate's ceiling is about 1,030 to 1.
    static let maximumRatio = 100
    static let ratioFloor = 1 << 20

    /// The body of `request`, decoded, at most `limit` bytes before and after decoding.
    ///
    /// 413 (`--max-body-bytes`) when the declared length, the bytes received or the decoded bytes
    /// pass `limit`, or the decoded size passes `maximumRatio` times the bytes received; 400 when
    /// the client ends the body early (fewer bytes than its `Content-Length`, an unterminated
    /// chunked body) or sends malformed chunks, or when a gzip or deflate body is corrupt or cut
    /// short; 415 naming any coding other than gzip, deflate and identity. Nothing is stored in
    /// any of these cases.
    static func body(_ request: Request, limit: Int) async throws -> [UInt8] {
        let codings = try contentCodings(request.headers[.contentEncoding])
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError(.contentTooLarge, "the body has \(length) bytes (Content-Length); the limit is \(limit) "
                + "(--max-body-bytes); send a smaller file", field: "Content-Length")
        }
        var bytes: [UInt8]
        do {
            bytes = Array(try await request.body.collect(upTo: limit).readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is larger than the limit of \(limit) bytes (--max-body-bytes)")
        } catch let error as HTTPParserError {
            throw truncated(error, request: request)
        }
        for coding in codings.reversed() {
            bytes = try inflate(bytes, coding: coding, limit: limit)
        }
        return bytes
    }

    /// The codings of a `Content-Encoding` header in the order they were applied (`identity`
    /// left out); 415 naming an unsupported one.
    static func contentCodings(_ header: String?) throws(APIError) -> [Coding] {
        guard let header else { return [] }
        var codings: [Coding] = []
        for name in header.split(separator: ",").map({ $0.trimmingWhitespace().lowercased() }) where name != "identity" {
            guard let coding = Coding(rawValue: name == "x-gzip" ? "gzip" : name) else {
                throw APIError(.unsupportedMediaType, "unsupported Content-Encoding '\(name)'; accepted: gzip, deflate, identity "
                    + "(or send the file uncompressed without Content-Encoding)", field: "Content-Encoding")
            }
            codings.append(coding)
        }
        guard codings.count <= 2 else {
            throw APIError(.unsupportedMediaType, "Content-Encoding '\(header)' applies \(codings.count) codings; at most 2 are "
                + "accepted (compress once, with gzip)", field: "Content-Encoding")
        }
        return codings
    }

    /// The 400 for a body the HTTP decoder could not finish: cut short or malformed.
    static func truncated(_ error: HTTPParserError, request: Request) -> APIError {
        let declared = request.headers[.contentLength]
        if error == .invalidEOFState {
            if let declared {
                return APIError(.badRequest, "the body ended before its Content-Length of \(declared) bytes (the client "
                    + "closed the connection early); nothing was stored; send the whole file", field: "Content-Length")
            }
            return APIError(.badRequest, "the chunked body ended without its last (zero-length) chunk (the client closed "
                + "the connection early); nothing was stored; send the whole file", field: "Transfer-Encoding")
        }
        return APIError(.badRequest, "the body is not valid HTTP/1.1 (\(error)); nothing was stored; check the "
            + "Content-Length or chunked encoding", field: declared == nil ? "Transfer-Encoding" : "Content-Length")
    }

    private enum Inflated {
        case done([UInt8])
        case tooLarge(Int)
        case bomb(Int)
        case corrupt(String)
        case truncated
    }

    /// `input` decoded from `coding`: gzip (one or more members) or deflate (zlib's format, as
    /// RFC 9110 defines it, or raw deflate as some clients send it).
    static func inflate(_ input: [UInt8], coding: Coding, limit: Int) throws(APIError) -> [UInt8] {
        let name = coding.rawValue
        switch decompress(input, coding: coding, limit: limit) {
        case .done(let output):
            return output
        case .tooLarge(let size):
            throw APIError(.contentTooLarge, "the \(name) body decompresses to more than \(limit) bytes (over \(size) so far); "
                + "the limit is \(limit) (--max-body-bytes) after decompression too; send a smaller file",
                field: "Content-Encoding")
        case .bomb(let size):
            throw APIError(.contentTooLarge, "the \(name) body of \(input.count) bytes decompresses to over \(size) bytes, more "
                + "than \(maximumRatio) times its size; refused as a decompression bomb; send it uncompressed",
                field: "Content-Encoding")
        case .corrupt(let reason):
            throw APIError(.badRequest, "the body is not valid \(name) data (\(reason)); nothing was stored; compress the file "
                + "with \(name) or leave out Content-Encoding", field: "Content-Encoding")
        case .truncated:
            throw APIError(.badRequest, "the \(name) data ends before its end marker (cut short); nothing was stored; "
                + "send the whole compressed file", field: "Content-Encoding")
        }
    }

    private static func decompress(_ input: [UInt8], coding: Coding, limit: Int) -> Inflated {
        let windowBits: Int32
        switch coding {
        case .gzip: windowBits = 15 + 16
        case .deflate:
            // A zlib header: compression method 8 and a check value that makes the first two bytes
            // a multiple of 31. Anything else is taken for raw deflate.
            let zlib = input.count >= 2 && input[0] & 0x0f == 8 && (Int(input[0]) << 8 | Int(input[1])) % 31 == 0
            windowBits = zlib ? 15 : -15
        }
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeBufferPointer { source -> Inflated in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[..<(chunk.count - Int(stream.avail_out))])
                if output.count > limit { return .tooLarge(output.count) }
                if output.count > ratioFloor, output.count > maximumRatio * max(input.count, 1) { return .bomb(output.count) }
                switch status {
                case Z_STREAM_END:
                    guard stream.avail_in > 0 else { return .done(output) }
                    // gzip allows members one after another (RFC 1952 2.2); deflate does not.
                    guard coding == .gzip, inflateReset(&stream) == Z_OK else {
                        return .corrupt("\(stream.avail_in) bytes after the end of the compressed data")
                    }
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .truncated
                default:
                    return .corrupt(stream.msg.map { String(cString: $0) } ?? "zlib status \(status)")
                }
            }
        }
    }
}
