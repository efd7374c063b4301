/// Feed dates to ISO 8601: RFC 822 (`Thu, 01 Jan 2004 19:48:21 GMT`, `+0700`, US zone
/// names), ISO 8601 / W3C-DTF (`2003-12-31T10:14:55Z`, `2003-12`, fractions), and the
/// Indonesian forms local sites write (`Senin, 2 September 2024 10:00 WIB`, `10.00`, `pukul`,
/// Indonesian month and day names, WIB/WITA/WIT).
///
/// The result keeps the feed's own offset (`2024-09-02T10:00:00+07:00`; UTC is `Z`): a
/// time with no zone stays without one, and a date alone stays a date (`2003-12-31`).
enum FeedDate {
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [(Int, [String])] = [
            (1, ["jan", "januari", "january"]), (2, ["feb", "februari", "february", "pebruari", "peb"]),
            (3, ["mar", "maret", "march"]), (4, ["apr", "april"]), (5, ["mei", "may"]),
            (6, ["jun", "juni", "june"]), (7, ["jul", "juli", "july"]),
            (8, ["aug", "agu", "agt", "ags", "agustus", "august"]), (9, ["sep", "sept", "september"]),
            (10, ["oct", "okt", "oktober", "october"]), (11, ["nov", "nop", "november", "nopember"]),
            (12, ["dec", "des", "desember", "december"]),
        ]
        for (month, words) in names { for word in words { table[word] = month } }
        return table
    }()

    static let weekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "senin", "sen", "selasa", "sel", "rabu", "rab", "kamis", "kam", "jumat", "jum'at",
        "jum", "sabtu", "sab", "minggu", "min", "ahad",
    ]

    /// Zone names → minutes east of UTC.
    static let zones: [String: Int] = [
        "z": 0, "ut": 0, "utc": 0, "gmt": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420, "wib": 420, "wita": 480, "wit": 540,
    ]

    /// Words that may stand between the date and the time.
    static let fillers: Set<String> = ["pukul", "pkl", "pkl.", "jam", "at", "t"]

    /// The ISO 8601 form of `raw`, or nil when it is not a date in a known form or not a real
    /// moment (31 February, 25:00).
    static func canonical(_ raw: String) -> String? {
        let text = raw.trimmingWhitespaceBytes
        if let iso = iso8601(text) { return iso }
        return written(text)
    }

    // MARK: ISO 8601 / W3C-DTF

    private static func iso8601(_ text: String) -> String? {
        var scanner = ByteScanner(text)
        guard let year = scanner.digits(exactly: 4) else { return nil }
        guard scanner.take("-") else { return scanner.atEnd ? format(year, 1, 1, time: nil, offset: nil, precision: .year) : nil }
        guard let month = scanner.digits(exactly: 2) else { return nil }
        guard scanner.take("-") else { return scanner.atEnd ? format(year, month, 1, time: nil, offset: nil, precision: .month) : nil }
        guard let day = scanner.digits(exactly: 2) else { return nil }
        if scanner.atEnd { return format(year, month, day, time: nil, offset: nil, precision: .day) }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" ") else { return nil }
        guard let hour = scanner.digits(exactly: 2), scanner.take(":"), let minute = scanner.digits(exactly: 2) else { return nil }
        var second = 0
        if scanner.take(":") {
            guard let value = scanner.digits(exactly: 2) else { return nil }
            second = value
            if scanner.take(".") || scanner.take(",") { _ = scanner.digits(atMost: 9) }
        }
        var offset: Int?
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.digits(exactly: 2) else { return nil }
            _ = scanner.take(":")
            let minutes = scanner.digits(exactly: 2) ?? 0
            offset = sign * (hours * 60 + minutes)
        }
        guard scanner.atEnd else { return nil }
        return format(year, month, day, time: (hour, minute, second), offset: offset, precision: .time)
    }

    // MARK: RFC 822 and Indonesian

    private static func written(_ text: String) -> String? {
        let words = text.lowercased().split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }.map(String.init)
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (Int, Int, Int)?
        var offset: Int?
        for word in words {
            if weekdays.contains(word) || fillers.contains(word) { continue }
            if let value = months[word] ?? months[String(word.prefix { $0 != "." })], month == nil {
                month = value
            } else if let zone = zones[word], time != nil, offset == nil {
                offset = zone
            } else if let numeric = numericOffset(word), time != nil, offset == nil {
                offset = numeric
            } else if time == nil, let clock = clock(word) {
                time = clock
            } else if let number = Int(word), number >= 0 {
                if day == nil, word.count <= 2, number >= 1 {
                    day = number
                } else if year == nil, word.count == 4 || word.count == 2 {
                    year = word.count == 2 ? (number < 50 ? 2000 + number : 1900 + number) : number
                } else {
                    return nil
                }
            } else {
                return nil
            }
        }
        guard let day, let month, let year else { return nil }
        return format(year, month, day, time: time, offset: offset, precision: time == nil ? .day : .time)
    }

    /// `10:00`, `19:48:21`, `10.00` (Indonesian style).
    private static func clock(_ word: String) -> (Int, Int, Int)? {
        let separator: Character = word.contains(":") ? ":" : "."
        let parts = word.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) : 0
        guard let second, parts[1].count == 2 else { return nil }
        return (hour, minute, second)
    }

    /// `+0700`, `-05:00`, `+07`, `GMT+7`.
    private static func numericOffset(_ word: String) -> Int? {
        var text = Substring(word)
        if text.hasPrefix("gmt") || text.hasPrefix("utc") { text = text.dropFirst(3) }
        guard let signCharacter = text.first, signCharacter == "+" || signCharacter == "-" else { return nil }
        let sign = signCharacter == "-" ? -1 : 1
        let digits = text.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
        let (hours, minutes) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
        return sign * (hours * 60 + minutes)
    }

    // MARK: Output

    enum Precision { case year, month, day, time }

    private static func format(_ year: Int, _ month: Int, _ day: Int, time: (Int, Int, Int)?, offset: Int?, precision: Precision) -> String? {
        guard (1...12).contains(month), (1...daysIn(month, year)).contains(day), (1...9999).contains(year) else { return nil }
        let date = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        switch precision {
        case .year: return pad(year, 4)
        case .month: return pad(year, 4) + "-" + pad(month, 2)
        case .day: return date
        case .time: break
        }
        guard let (hour, minute, second) = time, (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        var result = date + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if let offset {
            guard abs(offset) <= 14 * 60 else { return nil }
            result += offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
        }
        return result
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A cursor over ASCII bytes for the ISO 8601 grammar.
private struct ByteScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { position == bytes.count }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    mutating func sign() -> Int? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }

    mutating func digits(exactly count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + count] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        position += count
        return value
    }

    mutating func digits(atMost count: Int) -> Int {
        var taken = 0
        while taken < count, position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            position += 1
            taken += 1
        }
        return taken
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace.
    fileprivate var trimmingWhitespaceBytes: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
