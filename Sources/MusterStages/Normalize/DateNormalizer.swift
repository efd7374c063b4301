/// Dates as they arrive in Indonesian sheets and exports, to ISO 8601 (`2024-09-02`).
///
/// Day-first by default: 02/09/2024, 2-9-24, 2024-09-02, "2 September 2024", "2 Sept 2024",
/// "02 Agt 2024", with Indonesian and English month names and abbreviations.
enum DateNormalizer {
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [(Int, [String])] = [
            (1, ["januari", "january", "jan"]), (2, ["februari", "february", "feb", "pebruari"]),
            (3, ["maret", "march", "mar"]), (4, ["april", "apr"]), (5, ["mei", "may"]),
            (6, ["juni", "june", "jun"]), (7, ["juli", "july", "jul"]),
            (8, ["agustus", "august", "agu", "agt", "ags", "aug"]),
            (9, ["september", "sept", "sep"]), (10, ["oktober", "october", "okt", "oct"]),
            (11, ["november", "nopember", "nov", "nop"]), (12, ["desember", "december", "des", "dec"]),
        ]
        for (month, words) in names { for word in words { table[word] = month } }
        return table
    }()

    /// ISO date, or nil when the text is not a date this recognises or not a real day.
    static func normalize(_ raw: String, dayFirst: Bool = true) -> String? {
        let text = raw.lowercased().trimmingCharacters(in: " ")
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == " " || $0 == "." || $0 == "," })
            .map(String.init)
        guard parts.count >= 3 else { return nil }
        let first = parts[0], second = parts[1], third = parts[2]
        if first.count == 4, let year = Int(first), let month = Int(second), let day = Int(third.prefix(2)) {
            return iso(year: year, month: month, day: day)
        }
        guard let a = Int(first) else { return nil }
        let year = expandYear(third)
        if let month = Int(second) {
            return dayFirst ? iso(year: year, month: month, day: a) : iso(year: year, month: a, day: month)
        }
        if let month = months[second.trimmingCharacters(in: ".")] {
            return iso(year: year, month: month, day: a)
        }
        return nil
    }

    private static func expandYear(_ text: String) -> Int? {
        guard let value = Int(text.prefix(4)) else { return nil }
        if text.count == 2 { return value <= 30 ? 2000 + value : 1900 + value }
        return text.count >= 4 ? value : nil
    }

    private static func iso(year: Int?, month: Int, day: Int) -> String? {
        guard let year, (1900...2100).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice.removeFirst() }
        while slice.last == set { slice.removeLast() }
        return String(slice)
    }
}
