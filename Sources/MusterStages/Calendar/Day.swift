internal import Foundation

/// A calendar day that exists (proleptic Gregorian, years 1…9999): the unit normalize's date
/// rules write as ISO dates and validate's age and format rules read back. Stages that
/// accept only some years (normalize reads 1900…2100) check the year themselves.
struct Day: Sendable, Hashable, Comparable {
    let year: Int
    let month: Int
    let day: Int

    /// A real day (no 31 April; 29 February in leap years only) in years 1…9999, or nil.
    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.length(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 9999-12-31, the last day there is.
    static let last = Day(unchecked: 9999, 12, 31)

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func length(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 (negative before), after Howard Hinnant's civil-date algorithms.
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    init?(daysSinceEpoch days: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// 1899-12-31, day 0 of Excel's 1900 date system.
    static let epoch18991231 = -25568

    /// Today in Jakarta (UTC+7).
    static func today() -> Day {
        let days = Int((Date().timeIntervalSince1970 + 7 * 3600) / 86400)
        return Day(daysSinceEpoch: days) ?? last
    }

    /// Whole years from `self` (a birth date) to `other`; negative when `other` is earlier.
    func years(until other: Day) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    var iso: String {
        let (year, month, day) = (self.year, self.month, self.day)
        return ByteText.string(capacity: 10) { buffer in
            var y = year
            for index in stride(from: 3, through: 0, by: -1) {
                buffer[index] = UInt8(0x30 + y % 10)
                y /= 10
            }
            buffer[4] = 0x2D
            buffer[5] = UInt8(0x30 + month / 10)
            buffer[6] = UInt8(0x30 + month % 10)
            buffer[7] = 0x2D
            buffer[8] = UInt8(0x30 + day / 10)
            buffer[9] = UInt8(0x30 + day % 10)
            return 10
        }
    }
}
