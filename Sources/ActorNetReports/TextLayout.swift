import ActorNetIO
/// Plain-text layout for the reports.
public enum TextLayout {
    /// Wraps text at spaces to `width` columns; continuation lines start with `indent`. Runs of
    /// spaces inside a line (table alignment) and leading spaces are kept; a break drops the spaces
    /// it replaces.
    public static func wrap(_ text: String, width: Int = 100, indent: String = "  ") -> String {
        // Tokens: (spaces before, word).
        var tokens: [(String, String)] = []
        var spaces = "", word = ""
        for ch in text {
            if ch == " " {
                if !word.isEmpty {
                    tokens.append((spaces, word))
                    spaces = ""
                    word = ""
                }
                spaces.append(ch)
            } else {
                word.append(ch)
            }
        }
        if !word.isEmpty { tokens.append((spaces, word)) }
        var lines: [String] = []
        var line = ""
        for (gap, w) in tokens {
            if line.isEmpty {
                line = (lines.isEmpty ? gap : indent) + w
            } else if line.count + gap.count + w.count > width {
                lines.append(line)
                line = indent + w
            } else {
                line += gap + w
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
