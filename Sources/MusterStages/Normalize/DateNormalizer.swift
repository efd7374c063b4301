/// Dates as they arrive in Indonesian sheets and exports, to ISO 8601 (`2024-09-02`).
///
/// Day-first by default: 02/09/2024, 2-9-24, 2024-09-02, 2024/09/02, "2 September 2024",
/// "2 Sept 2024", "02 Agt 2024", "Senin, 2 September 2024", "September 2, 2024", with
/// Indonesian and English month names and abbreviations, and Excel serial numbers (1900
/// date system: serial 1 is 1900-01-01, and serial 60 is Excel's 29 February 1900, a day that
/// never was). Reads UTF-8 bytes; no Foundation.
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

    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [(Int, [String])] = [
            (1, ["januari", "january", "jan"]), (2, ["februari", "february", "feb", "pebruari", "peb"]),
            (3, ["maret", "march", "mar", "mrt"]), (4, ["april", "apr"]), (5, ["mei", "may"]),
            (6, ["juni", "june", "jun"]), (7, ["juli", "july", "jul"]),
            (8, ["agustus", "august", "agu", "agt", "ags", "agus", "aug"]),
            (9, ["september", "sept", "sep", "sepember"]), (10, ["oktober", "october", "okt", "oct"]),
            (11, ["november", "nopember", "nov", "nop"]), (12, ["desember", "december", "des", "dec"]),
        ]
        for (month, words) in names { for word in words { table[word] = month } }
        return table
    }()

    /// ``months`` by packed key (``ByteText/pack(_:)``): no String per word.
    static let monthKeys: [UInt64: Int] = Dictionary(uniqueKeysWithValues: months.compactMap { word, month in ByteText.pack(word).map { ($0, month) } })

    private enum Token {
        case number(Int, digits: Int)
        /// A word's packed key; nil when too long to be a month.
        case word(UInt64?)
    }

    func parse(_ text: String) -> Outcome {
        if let serial = Self.excelSerial(text) { return serial }
        var tokens: [Token] = []
        tokens.reserveCapacity(4)
        var number = 0
        var digits = 0
        var word: UInt64 = 0
        var letters = 0
        func flush() {
            if digits > 0 { tokens.append(.number(digits > 9 ? Int.max : number, digits: digits)) }
            if letters > 0 { tokens.append(.word(letters <= 10 ? word : nil)) }
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
        // A weekday or any other word before the date ("Senin, 2 September 2024").
        while case .word(let first)? = tokens.first, first.flatMap({ Self.monthKeys[$0] }) == nil { tokens.removeFirst() }
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

    /// `YYYY-MM-DD` exactly, as options give it, in ``years``.
    static func isoDay(_ text: String) -> Day? {
        Day(iso: text).flatMap { years.contains($0.year) ? $0 : nil }
    }
}
