/// Wraps text at word boundaries to `width` columns; continuation lines get `indent`.
/// Leading spaces of the first line are kept.
public func wrap(_ text: String, width: Int = 100, indent: String = "  ") -> String {
    var lines: [String] = []
    let lead = String(text.prefix { $0 == " " })
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        if line.isEmpty {
            line = (lines.isEmpty ? lead : indent) + word
        } else if line.count + 1 + word.count > width {
            lines.append(line)
            line = indent + word
        } else {
            line += " " + word
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
}
