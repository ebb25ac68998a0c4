#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum FileHandleShim {
    static func writeToStandardError(_ string: String) {
        write(Array(string.utf8), to: 2)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc) || canImport(Musl)
                let n = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let n = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if n <= 0 { break }
                offset += n
            }
        }
    }
}
