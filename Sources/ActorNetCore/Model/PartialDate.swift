/// An ISO 8601 calendar date at year, year-month or full-date precision (`2015`, `2024-12`,
/// `2025-06-18`), as the sources give them.
///
/// Ordering and interval arithmetic use the first day of the period the date names:
/// `2024-12` is 2024-12-01. A relation's `since` is an inclusive start, its `until` an exclusive
/// end, so `until: 2024-12` means the relation holds up to 30 November 2024.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Hashable, Comparable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// Creates a date, checking the calendar (leap years included).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Returns nil for anything else, including
    /// impossible dates such as `2023-02-29`.
    public init?(iso text: String) {
        // On the UTF-8 bytes: readers parse a date per relation, and splitting allocated.
        var text = text
        let parsed: (Int, Int?, Int?)? = text.withUTF8 { bytes in
            // Digits at bytes[start..<start+width], as a number; nil if any is not 0-9.
            func number(_ start: Int, _ width: Int) -> Int? {
                var n = 0
                for i in start..<(start + width) {
                    let digit = Int(bytes[i]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    n = n * 10 + digit
                }
                return n
            }
            let dash = UInt8(ascii: "-")
            switch bytes.count {
            case 4:
                return number(0, 4).map { ($0, nil, nil) }
            case 7 where bytes[4] == dash:
                guard let y = number(0, 4), let m = number(5, 2) else { return nil }
                return (y, m, nil)
            case 10 where bytes[4] == dash && bytes[7] == dash:
                guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
                return (y, m, d)
            default:
                return nil
            }
        }
        guard let (year, month, day) = parsed else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days in the proleptic Gregorian calendar of the first day of the period, for ordering.
    public var ordinal: Int {
        let y = year, m = month ?? 1, d = day ?? 1
        // Days-from-civil (H. Hinnant), shifted so March is the first month of the year.
        let yy = m <= 2 ? y - 1 : y
        let era = yy / 400
        let yoe = yy - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe
    }

    public var description: String {
        var s = String(year)
        while s.count < 4 { s = "0" + s }
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        let (x, y) = (a.ordinal, b.ordinal)
        return x != y ? x < y : a.precision < b.precision
    }
}
