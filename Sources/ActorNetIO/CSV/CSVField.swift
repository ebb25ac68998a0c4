/// One CSV field as RFC 4180 writes it; shared by the CSV tables and the CSV reports.
public enum CSVField {
    /// RFC 4180 quoting: fields with a comma, quote, CR or LF are quoted, quotes doubled.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
