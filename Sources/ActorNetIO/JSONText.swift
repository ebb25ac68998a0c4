/// Text as a JSON string literal, shared by every writer that emits JSON or JSON-compatible
/// text (node-link JSON, the native YAML writer's double-quoted scalars, GEXF's metadata).
public enum JSONText {
    /// Quote, backslash and control characters (C0, DEL, C1), line and paragraph separators and
    /// the byte-order mark are escaped, so the result is valid JSON and a valid YAML
    /// double-quoted scalar; `escapingAngle` also escapes `>` (for text inside an XML processing
    /// instruction, which must never hold `?>`).
    public static func quote(_ text: String, escapingAngle: Bool = false) -> String {
        if isPlain(text, escapingAngle: escapingAngle) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case ">" where escapingAngle: out += "\\u003E"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                    let hex = String(v, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether `text` needs no escape: printable ASCII but `"` and `\` (and `>` when asked), or
    /// non-ASCII UTF-8 outside the escaped ranges (C1 controls are U+0080–U+009F, encoded
    /// C2 80–C2 9F; U+2028/U+2029 are E2 80 A8/A9; U+FEFF is EF BB BF). Most ids, labels and
    /// kinds are, and then they are copied whole.
    @inline(__always)
    static func isPlain(_ text: String, escapingAngle: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || (escapingAngle && b == 0x3E) { return false }
                } else if b == 0xC2 {
                    if i + 1 < n, bytes[i + 1] <= 0x9F { return false }
                } else if b == 0xE2 {
                    if i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
                } else if b == 0xEF {
                    if i + 2 < n, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return false }
                }
                i += 1
            }
            return true
        }
    }
}
