/// Escaping text for XML and HTML written as strings (the SVG charts, the HTML page): one
/// function with the choices that differ between them, so both escape the same characters.
/// (The GraphML and GEXF exports escape on bytes in `XMLChunkedWriter`.)
///
///     XMLEscape.text("a < b's\n", lineBreaks: .asSpace)   // "a &lt; b&apos;s "
public enum XMLEscape {
    /// What becomes of tab, line feed and carriage return.
    public enum LineBreaks: Sendable {
        /// Written as they are (HTML, where the layout decides).
        case keep
        /// Each written as a space (SVG `<text>`, which draws one line).
        case asSpace
    }

    /// What becomes of the characters XML 1.0 cannot carry (C0 controls other than tab, LF and
    /// CR; U+FFFE, U+FFFF; see `XMLText.firstForbidden`).
    public enum Forbidden: Sendable {
        /// Written as they are (HTML5 tolerates them).
        case keep
        /// Each written as U+FFFD, so the document stays well-formed XML.
        case replaced
    }

    /// How `'` is written.
    public enum Apostrophe: Sendable {
        /// `&apos;` (XML's predefined entity).
        case named
        /// `&#39;` (understood by every HTML version, unlike `&apos;` before HTML5).
        case numeric
    }

    /// `text` for element content or a quoted attribute value: `&`, `<`, `>`, `"` and `'` as
    /// entities, line breaks and forbidden characters as chosen, everything else as it is.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func text(_ text: String, lineBreaks: LineBreaks = .keep, forbidden: Forbidden = .keep,
                            apostrophe: Apostrophe = .named) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe == .named ? "&apos;" : "&#39;"
            case "\t", "\n", "\r":
                if lineBreaks == .asSpace { out += " " } else { out.unicodeScalars.append(scalar) }
            default:
                if forbidden == .replaced, scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
