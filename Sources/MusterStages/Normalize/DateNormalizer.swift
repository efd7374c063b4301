internal import MusterCore

/// Dates as they arrive in Indonesian sheets and exports, to ISO 8601 (`2024-09-02`).
///
/// Day-first by default: 02/09/2024, 2-9-24, 2024-09-02, 2024/09/02, "2 September 2024",
/// "2 Sept 2024", "02 Agt 2024", "19 Agst 1976", "Senin, 2 September 2024", "September 2,
/// 2024", with Indonesian (old spellings too: Pebruari, Nopember, Djuli) and English month
/// names and abbreviations, and Excel serial numbers (1900 date system: serial 1 is
/// 1900-01-01, and serial 60 is Excel's 29 February 1900, a day that never was). A timestamp
/// with a zone (`1992-08-14T17:00:00.000Z`, what JavaScript exports for a date picked at
/// midnight in Jakarta) is the day it is in Jakarta (WIB, UTC+7): 1992-08-15. Reads UTF-8
/// bytes; no Foundation.
struct DateNormalizer: Sendable {
    enum Outcome: Equatable {
        /// A real day; `swapped` when the numbers only make sense in the other order.
        case date(Day, swapped: Bool)
        /// Not a date in a form this knows.
        case unparseable
        /// A date's form, but no such day (31/02, month 13, Excel's 29 February 1900).
        case invalid
    }

    /// The years dates are read in: an earlier or later year is a typo, not a birth or a course.
    static let years = 1900...2100

    let dayFirst: Bool
    /// Two-digit years are read as the latest year not after this one's.
    let referenceYear: Int

    /// Month word → number (``MonthNames``).
    static let months = MonthNames.numbers

    /// ``months`` by packed key (``ByteText/pack(_:)``): no String per word.
    static let monthKeys: [UInt64: Int] = Dictionary(uniqueKeysWithValues: months.compactMap { word, month in ByteText.pack(word).map { ($0, month) } })

    private enum Token {
        case number(Int, digits: Int)
        /// A word's packed key; nil when too long to be a month.
        case word(UInt64?)
    }

    func parse(_ text: String) -> Outcome {
        if let serial = Self.excelSerial(text) { return serial }
        if text.utf8.count >= 17, let zoned = Self.zonedTimestamp(text) { return zoned }
        var tokens: [Token] = []
        tokens.reserveCapacity(4)
        var number = 0
        var digits = 0
        var word: UInt64 = 0
        var letters = 0
        func flush() {
            if digits > 0 { tokens.append(.number(digits > 9 ? Int.max : number, digits: digits)) }
            // A weekday, a place or any other word before the date ("Senin, 2 September 2024",
            // "Pasar Minggu, 12 Mei 1990") takes no token: only a month name may open one.
            if letters > 0 {
                let packed = letters <= 10 ? word : nil
                if !tokens.isEmpty || packed.flatMap({ Self.monthKeys[$0] }) != nil { tokens.append(.word(packed)) }
            }
            number = 0
            digits = 0
            word = 0
            letters = 0
        }
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                if letters > 0 { flush() }
                if digits < 10 { number = number * 10 + Int(byte - 0x30) }
                digits += 1
            case 0x41...0x5A, 0x61...0x7A:
                if digits > 0 { flush() }
                word = word << 6 | UInt64((byte | 0x20) - 0x61 + 1)
                letters += 1
            default:
                flush()
            }
            if tokens.count >= 4 { break }
        }
        flush()
        guard tokens.count >= 3 else { return .unparseable }
        switch (tokens[0], tokens[1], tokens[2]) {
        case (.number(let a, let aDigits), .number(let b, _), .number(let c, let cDigits)):
            if aDigits == 4 { return Self.check(year: a, month: b, day: c, swapped: false) }
            guard let year = expandYear(c, digits: cDigits) else { return .invalid }
            let (day, month) = dayFirst ? (a, b) : (b, a)
            if month > 12 && day <= 12 { return Self.check(year: year, month: day, day: month, swapped: true) }
            return Self.check(year: year, month: month, day: day, swapped: false)
        case (.number(let day, _), .word(let name), .number(let y, let yDigits)):
            guard let month = name.flatMap({ Self.monthKeys[$0] }) else { return .unparseable }
            guard let year = expandYear(y, digits: yDigits) else { return .invalid }
            return Self.check(year: year, month: month, day: day, swapped: false)
        case (.word(let name), .number(let day, _), .number(let y, let yDigits)):
            guard let month = name.flatMap({ Self.monthKeys[$0] }) else { return .unparseable }
            guard let year = expandYear(y, digits: yDigits) else { return .invalid }
            return Self.check(year: year, month: month, day: day, swapped: false)
        default:
            return .unparseable
        }
    }

    private func expandYear(_ value: Int, digits: Int) -> Int? {
        switch digits {
        case 4: return value
        case 1, 2:
            let century = referenceYear / 100 * 100
            return century + value <= referenceYear ? century + value : century - 100 + value
        default: return nil
        }
    }

    static func check(year: Int, month: Int, day: Int, swapped: Bool) -> Outcome {
        guard let valid = Self.day(year: year, month: month, day: day) else { return .invalid }
        return .date(valid, swapped: swapped)
    }

    /// A real day in ``years``, or nil.
    static func day(year: Int, month: Int, day: Int) -> Day? {
        years.contains(year) ? Day(year: year, month: month, day: day) : nil
    }

    /// An Excel serial day number (`32874`, `32874.0`, `45537,5`), or nil when the text is
    /// not a bare number. A four-digit number that reads as a year is not a serial.
    static func excelSerial(_ text: String) -> Outcome? {
        var value = 0
        var digits = 0
        var fraction = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                if !fraction {
                    value = value * 10 + Int(byte - 0x30)
                    digits += 1
                }
            case 0x2E where !fraction && digits > 0, 0x2C where !fraction && digits > 0: fraction = true
            default: return nil
            }
            if digits > 6 { return nil }
        }
        guard digits >= 3 else { return nil }
        if digits == 4 && years.contains(value) { return .unparseable }
        if value == 60 { return .invalid }
        // Serial 1 is 1900-01-01; past Excel's false 1900-02-29 the count is one day ahead.
        let daysSince18991231 = value < 60 ? value : value - 1
        guard let day = Day(daysSinceEpoch: Day.epoch18991231 + daysSince18991231), years.contains(day.year) else { return .invalid }
        return .date(day, swapped: false)
    }

    /// Jakarta's offset from UTC in minutes (WIB, UTC+7, no daylight saving time).
    static let jakartaOffset = 7 * 60

    /// The day in Jakarta of an ISO 8601 timestamp with a zone: `YYYY-MM-DD`, `T` or a space,
    /// `hh:mm`, optional seconds and fraction, then `Z` or `±hh`, `±hhmm`, `±hh:mm`. Nil for
    /// any other text, a timestamp without a zone included: its date is read as written.
    static func zonedTimestamp(_ text: String) -> Outcome? {
        var text = text
        return text.withUTF8 { bytes -> Outcome? in
            guard bytes.count >= 17, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x20, bytes[13] == 0x3A else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                guard start + count <= bytes.count else { return nil }
                var value = 0
                for index in start..<start + count {
                    guard ByteText.isDigit(bytes[index]) else { return nil }
                    value = value * 10 + Int(bytes[index] - 0x30)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2), let minute = number(14, 2),
                hour < 24, minute < 60
            else { return nil }
            var index = 16
            if index < bytes.count, bytes[index] == 0x3A {
                guard number(index + 1, 2) != nil else { return nil }
                index += 3
                if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x2C {
                    index += 1
                    while index < bytes.count, ByteText.isDigit(bytes[index]) { index += 1 }
                }
            }
            guard index < bytes.count else { return nil }
            var offset = 0
            switch bytes[index] {
            case 0x5A, 0x7A:  // Z
                guard index + 1 == bytes.count else { return nil }
            case 0x2B, 0x2D:  // + or -
                guard let hours = number(index + 1, 2) else { return nil }
                var end = index + 3
                if end < bytes.count, bytes[end] == 0x3A { end += 1 }
                var extra = 0
                if end < bytes.count {
                    guard let value = number(end, 2), end + 2 == bytes.count else { return nil }
                    extra = value
                }
                // Real zones lie within −12:00…+14:00; beyond, the text is no timestamp, and
                // the one-day shift below would no longer be enough.
                guard hours <= 14, extra < 60 else { return nil }
                offset = (hours * 60 + extra) * (bytes[index] == 0x2D ? -1 : 1)
            default:
                return nil
            }
            guard let written = Self.day(year: year, month: month, day: day) else { return .invalid }
            let jakartaMinutes = hour * 60 + minute - offset + jakartaOffset
            let shift = jakartaMinutes < 0 ? -1 : jakartaMinutes >= 24 * 60 ? 1 : 0
            guard shift != 0 else { return .date(written, swapped: false) }
            return Day(daysSinceEpoch: written.daysSinceEpoch + shift).flatMap { years.contains($0.year) ? .date($0, swapped: false) : nil } ?? .invalid
        }
    }

    /// `YYYY-MM-DD` exactly, as options give it, in ``years``.
    static func isoDay(_ text: String) -> Day? {
        Day(iso: text).flatMap { years.contains($0.year) ? $0 : nil }
    }
}
