/// Text as a JSON string literal, shared by every writer that emits JSON or JSON-compatible
/// text (node-link JSON, the native YAML writer's double-quoted scalars, GEXF's metadata).
public enum JSONText {
    /// Quote, backslash and control characters (C0, DEL, C1), line and paragraph separators and
    /// the byte-order mark are escaped, so the result is valid JSON and a valid YAML
    /// double-quoted scalar; `escapingAngle` also escapes `>` (for text inside an XML processing
    /// instruction, which must never hold `?>`).
    public static func quote(_ text: String, escapingAngle: Bool = false) -> String {
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
}
