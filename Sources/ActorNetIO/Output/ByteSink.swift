#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why bytes could not be written: where they were going and the system's reason.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The file, or `standard output`.
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// A failed system call's `errno`, explained.
    public init(path: String, code: Int32) {
        self.init(path: path, reason: Self.explain(code))
    }

    public var description: String { "cannot write '\(path)': \(reason)" }

    /// The system's reason for `code`, with what would fix the common ones.
    public static func explain(_ code: Int32) -> String {
        let system = String(cString: strerror(code))
        switch code {
        case ENOSPC, EDQUOT:
            return "the disk is full (\(system)); free some space or write to another disk "
                + "(the previous file, if any, is unchanged)"
        case EFBIG:
            return "the file is larger than this process may write (\(system)); raise the file-size limit "
                + "(ulimit -f) or write a smaller part (the previous file, if any, is unchanged)"
        case EROFS:
            return "the file system is read-only (\(system)); write to another directory"
        case EACCES, EPERM:
            return "permission denied (\(system)); write to a file you may write to"
        case EIO:
            return "the device reported an input/output error (\(system)); check the disk and write elsewhere"
        default:
            return system
        }
    }
}

/// Where a writer's bytes go, a chunk at a time, so that a large export never has to exist
/// whole in memory: the XML writers hand over at most `XMLChunkedWriter.chunkSize` bytes
/// (plus one element) per call.
public protocol ByteSink: AnyObject {
    func write(_ chunk: UnsafeRawBufferPointer) throws(OutputError)
}

extension ByteSink {
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        var failure: OutputError?
        bytes.withUnsafeBytes { chunk in
            do throws(OutputError) { try write(chunk) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// A text's UTF-8 bytes.
    public func write(_ text: String) throws(OutputError) {
        var text = text, failure: OutputError?
        text.withUTF8 { utf8 in
            do throws(OutputError) { try write(UnsafeRawBufferPointer(utf8)) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}

/// Collects every chunk in memory (the service's responses, tests).
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []
    /// How many chunks arrived and the largest: lets tests see that writers stream.
    public private(set) var chunks = 0
    public private(set) var largestChunk = 0

    public init() {}

    public func write(_ chunk: UnsafeRawBufferPointer) throws(OutputError) {
        bytes.append(contentsOf: chunk)
        chunks += 1
        largestChunk = max(largestChunk, chunk.count)
    }
}

/// Writes to an open file descriptor (a temporary file of `AtomicFile`, or standard output),
/// retrying short writes and interrupted calls.
public final class FileDescriptorSink: ByteSink {
    public let descriptor: Int32
    /// How errors name the destination.
    public let name: String

    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Standard output.
    public static func standardOutput() -> FileDescriptorSink { FileDescriptorSink(descriptor: 1, name: "standard output") }

    public func write(_ chunk: UnsafeRawBufferPointer) throws(OutputError) {
        guard var next = chunk.baseAddress else { return }
        var left = chunk.count
        while left > 0 {
            #if canImport(Glibc)
            let n = Glibc.write(descriptor, next, left)
            #elseif canImport(Musl)
            let n = Musl.write(descriptor, next, left)
            #else
            let n = Darwin.write(descriptor, next, left)
            #endif
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw OutputError(path: name, code: code)
            }
            next += n
            left -= n
        }
    }
}
