import CLibXML2

/// The GraphML namespace, written by `GraphMLWriter` and matched by `GraphMLReader`.
let graphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

/// Small bridges between Swift strings and libxml2's `xmlChar` (unsigned UTF-8 bytes), shared by
/// the GraphML writer, reader and schema check.
enum XMLText {
    /// Calls `body` with `text` as a NUL-terminated `xmlChar` string. Callers make sure `text`
    /// has no NUL (XML cannot carry one anyway).
    static func with<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) throws -> R) rethrows -> R {
        try text.withCString { pointer in
            try pointer.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1, body)
        }
    }

    /// A Swift string from a libxml2 string, nil for a null pointer.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// The first scalar XML 1.0 cannot carry (its `Char` production: tab, LF, CR, U+0020–U+D7FF,
    /// U+E000–U+FFFD, U+10000–U+10FFFF), if any. Swift strings cannot hold lone surrogates, so
    /// only the C0 controls and U+FFFE/U+FFFF remain to check.
    static func firstForbidden(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { s in
            (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || s.value == 0xFFFE || s.value == 0xFFFF
        }
    }

    /// `U+0007` style, as the Unicode standard names code points.
    static func codePoint(_ s: Unicode.Scalar) -> String {
        var hex = String(s.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return "U+" + hex
    }
}
