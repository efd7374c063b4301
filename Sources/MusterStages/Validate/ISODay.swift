internal import Foundation

/// A calendar day for age rules: parsed from canonical ISO dates (`1988-05-05`) or the
/// usual written forms of enrollment dates (`02/09/2024`, `2024-09-02T08:00:00+07:00`).
struct ISODay: Sendable, Hashable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day), year > 0 else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD` (anything after the tenth character is ignored) or `DD/MM/YYYY`, `DD-MM-YYYY`.
    init?(_ text: String) {
        let parts = text.prefix(10).split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return nil }
        if a > 31 {
            self.init(year: a, month: b, day: c)
        } else if c > 31 {
            self.init(year: c, month: b, day: a)
        } else {
            return nil
        }
    }

    /// Today in Jakarta (UTC+7).
    static func today() -> ISODay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return ISODay(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? ISODay(unchecked: 2000)
    }

    private init(unchecked year: Int) {
        self.year = year
        month = 1
        day = 1
    }

    /// Whole years from `self` (a birth date) to `other`; negative when `other` is earlier.
    func years(until other: ISODay) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    static func < (lhs: ISODay, rhs: ISODay) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }

    var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
