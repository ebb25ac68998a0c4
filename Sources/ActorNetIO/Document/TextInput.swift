/// Checks that raw bytes are UTF-8 text before any parser sees them, so a Latin-1 or UTF-16
/// file gets a message that names the encoding problem and where it is.
public enum TextInput {
    /// The bytes without a UTF-8 byte-order mark, or a diagnostic naming the first byte that is
    /// not UTF-8 (with its line and column) or the UTF-16/32 encoding the file is in.
    public static func utf8(_ bytes: [UInt8], file: String) -> Result<ArraySlice<UInt8>, Diagnostic> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if let encoding = wideEncoding(bytes) {
            return .failure(Diagnostic(.error, at: start, "the file is \(encoding.name) encoded; ActorNet reads UTF-8",
                fix: "convert it, e.g. iconv -f \(encoding.iconv) -t UTF-8 '\(file)' > \(converted(file))"))
        }
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes.dropFirst(3) }
        if let bad = firstInvalidUTF8(body) {
            let location = position(of: bad - body.startIndex, in: body, file: file)
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            return .failure(Diagnostic(.error, at: location,
                "the file is not valid UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(bad) cannot start or continue a character",
                fix: "save the file as UTF-8 (if it is Latin-1: iconv -f LATIN1 -t UTF-8 '\(file)' > \(converted(file)))"))
        }
        return .success(body)
    }

    /// A name for the converted copy, with the file's extension.
    static func converted(_ file: String) -> String {
        let name = file.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), name.distance(from: dot, to: name.endIndex) <= 8 else { return "converted.txt" }
        return "converted" + name[dot...]
    }

    /// UTF-16 or UTF-32, by byte-order mark, or without one by the zero bytes that ASCII text
    /// has in every other (or three of four) bytes: such a file is valid UTF-8 full of NULs, and
    /// would otherwise get a confusing "control character" message.
    static func wideEncoding(_ bytes: [UInt8]) -> (name: String, iconv: String)? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return ("UTF-32 (little-endian)", "UTF-32LE") }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return ("UTF-32 (big-endian)", "UTF-32BE") }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16 (little-endian)", "UTF-16LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16 (big-endian)", "UTF-16BE") }
        guard bytes.count >= 4 else { return nil }
        switch (bytes[0] == 0, bytes[1] == 0, bytes[2] == 0, bytes[3] == 0) {
        case (false, true, true, true): return ("UTF-32 (little-endian, no byte-order mark)", "UTF-32LE")
        case (true, true, true, false): return ("UTF-32 (big-endian, no byte-order mark)", "UTF-32BE")
        case (false, true, false, true): return ("UTF-16 (little-endian, no byte-order mark)", "UTF-16LE")
        case (true, false, true, false): return ("UTF-16 (big-endian, no byte-order mark)", "UTF-16BE")
        default: return nil
        }
    }

    /// Index of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { p -> Int? in
            let base = bytes.startIndex
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b < 0x80 { i += 1; continue }
                let length: Int
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default: return base + i
                }
                guard i + length <= n else { return base + i }
                for k in 1..<length {
                    let c = p[i + k]
                    let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                    if c < lo || c > hi { return base + i }
                }
                i += length
            }
            return nil
        }
    }

    /// Line and column (in Unicode scalars) of a byte offset from the start of `bytes`. A line
    /// ends at LF, CRLF or a lone CR.
    public static func position<Bytes: Collection<UInt8>>(of offset: Int, in bytes: Bytes, file: String) -> SourceLocation {
        var line = 1, column = 1
        var previous: UInt8 = 0
        for b in bytes.prefix(offset) {
            if b == 0x0A {
                if previous != 0x0D {
                    line += 1
                    column = 1
                }
            } else if b == 0x0D {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            previous = b
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
