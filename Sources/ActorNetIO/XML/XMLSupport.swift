import CLibXML2
import ActorNetCore
import Foundation

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
        // On the UTF-8 bytes first (every text of an export is checked): a C0 control is one
        // byte below 0x20, U+FFFE and U+FFFF are EF BF BE and EF BF BF.
        let clean: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x20 {
                    if b != 9 && b != 10 && b != 13 { return false }
                } else if b == 0xEF, i &+ 2 < n, bytes[i &+ 1] == 0xBF, bytes[i &+ 2] >= 0xBE {
                    return false
                }
                i &+= 1
            }
            return true
        }
        if clean == true { return nil }
        return text.unicodeScalars.first { s in
            (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || s.value == 0xFFFE || s.value == 0xFFFF
        }
    }

    /// `text` without leading and trailing XML whitespace (space, tab, CR, LF).
    static func trimmingWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(text[start...end])
    }

    /// `U+0007` style, as the Unicode standard names code points.
    static func codePoint(_ s: Unicode.Scalar) -> String {
        var hex = String(s.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return "U+" + hex
    }
}

extension ExportTable {
    /// The first text the XML formats cannot carry (see `XMLText.firstForbidden`) and where it
    /// is — `actor 'RUS' field 'label'` — checked before anything is written, so that a failed
    /// export writes nothing (not even to standard output). Dropping or replacing the
    /// character silently would change the data.
    func firstUnwritableText() -> (place: String, character: Unicode.Scalar)? {
        func field(_ column: Column) -> String {
            if case let .attribute(name) = column.role { return "attribute '\(name.debugEscaped)'" }
            return "field '\(column.name)'"
        }
        for item in graphData {
            if let bad = XMLText.firstForbidden(in: item.value) { return ("network \(item.key)", bad) }
        }
        for column in nodeColumns {
            if let bad = XMLText.firstForbidden(in: column.name) { return ("actor attribute name '\(column.name.debugEscaped)'", bad) }
        }
        for column in edgeColumns {
            if let bad = XMLText.firstForbidden(in: column.name) { return ("relation attribute name '\(column.name.debugEscaped)'", bad) }
        }
        // Every text of a row comes from the network's own strings (numbers, dates, enum names,
        // "; " joins and JSON escaping add no forbidden scalar): when none of those has one, no
        // row does, and the rows need not be built a second time just to be checked.
        guard Self.mayHoldForbiddenText(network) else { return nil }
        for node in nodes {
            if let bad = XMLText.firstForbidden(in: node.id) { return ("actor id '\(node.id.debugEscaped)'", bad) }
            for (column, value) in zip(nodeColumns, node.values) {
                if case let .string(s)? = value, let bad = XMLText.firstForbidden(in: s) {
                    return ("actor '\(node.id.debugEscaped)' \(field(column))", bad)
                }
            }
        }
        for edge in edges {
            if let bad = XMLText.firstForbidden(in: edge.id) { return ("relation id '\(edge.id.debugEscaped)'", bad) }
            for (column, value) in zip(edgeColumns, edge.values) {
                if case let .string(s)? = value, let bad = XMLText.firstForbidden(in: s) {
                    return ("relation '\(edge.id.debugEscaped)' \(field(column))", bad)
                }
            }
        }
        return nil
    }

    /// Whether any string of an actor or relation has a scalar XML cannot carry.
    static func mayHoldForbiddenText(_ network: Network) -> Bool {
        func bad(_ text: String?) -> Bool { text.map { XMLText.firstForbidden(in: $0) != nil } ?? false }
        func bad(_ attributes: [String: AttributeValue]) -> Bool {
            attributes.contains { key, value in
                if bad(key) { return true }
                if case let .string(text) = value { return bad(text) }
                return false
            }
        }
        for a in network.actors where bad(a.id) || bad(a.name) || bad(a.kind) || bad(a.group) || bad(a.attributes) {
            return true
        }
        for r in network.relations {
            if bad(r.id) || bad(r.source) || bad(r.target) || bad(r.kind) || bad(r.label) || bad(r.note) || bad(r.cameo)
                || r.flows.contains(where: { bad($0) }) || bad(r.attributes)
                || r.evidence.contains(where: { bad($0.text) || bad($0.source) || bad($0.section) || bad($0.url) }) {
                return true
            }
        }
        return false
    }
}

/// What ActorNet tells users about an error libxml2 found, shared by the GraphML and GEXF
/// readers: libxml2's own message, cleaned of advice that does not apply (ActorNet never
/// enables `XML_PARSE_HUGE`), with the fix for that kind of error.
enum XMLParserMessage {
    /// libxml2's safety limits that ActorNet keeps, as users see them.
    static let limits = "ActorNet keeps libxml2's safety limits: at most 256 levels of nesting, names up to 50,000 characters, "
        + "attribute values and texts up to 10,000,000 bytes"

    /// The message (without libxml2's trailing newline and its XML_PARSE_HUGE advice) and a fix.
    static func describe(code: Int32, message raw: String) -> (message: String, fix: String) {
        var message = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let hugeAdvice = message.contains("XML_PARSE_HUGE")
        for advice in [", use XML_PARSE_HUGE option", " use XML_PARSE_HUGE option", "use XML_PARSE_HUGE option"] {
            message = message.replacingOccurrences(of: advice, with: "")
        }
        // libxml2 puts the offending bytes on a second line ("Bytes: 0xFF 0x3C …"): one line reads better.
        message = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")
        if hugeAdvice || message.contains("Huge input lookup") || message.contains("too long") || message.contains("Excessive depth") {
            return (message, limits + "; a network file needs none of this, so the file is damaged or hostile: "
                             + "correct it or export it again from the tool that made it")
        }
        switch code {
        case 4:
            return (message, "the file is empty or holds no XML element: export the network again")
        case 9 where message.contains("UTF-8"):
            return (message, "save the file as UTF-8, or declare its real encoding in the first line, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")
        case 8, 9:
            return (message, "remove the control character: XML 1.0 cannot carry U+0000–U+001F other than tab, line feed and carriage return")
        case _ where message.lowercased().contains("entity"):
            return (message, "write the text itself instead of the entity: ActorNet does not expand entities declared in a DOCTYPE")
        case 5, 73, 74, 76, 77:
            return (message, "check that the file is complete (not cut off) and that every tag is closed in the right order")
        case 200...299:
            return (message, "declare every namespace prefix the file uses, e.g. xmlns:y=\"http://www.yworks.com/xml/graphml\"")
        default:
            return (message, "correct the XML at this point (a tag not closed, or closed in the wrong order, is the usual cause)")
        }
    }
}
