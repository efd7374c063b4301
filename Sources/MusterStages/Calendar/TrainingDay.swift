internal import MusterCore

/// The day a training took place, read from what sheets and exports write for it: the
/// normal dates (`02/09/2024`, `2024-09-02T08:00:00+07:00`), the long ones (`Senin, 7 Oktober
/// 2024`, `7 Okt 2024`), an Excel serial (`45572`), and a span of days (`7-8 Oktober 2024`,
/// `7 – 8/10/2024`), which starts on its first day. An attendance column named by its day
/// (`18/11/2024`) dates the enrollment when the enrollment has no date of its own.
enum TrainingDay {
    /// Day-first, two-digit years before the year 2100.
    private static let reader = DateNormalizer(dayFirst: true, referenceYear: 2099)

    /// The day `text` names, or nil.
    static func read(_ text: String) -> Day? {
        // A span first: `7-8/10/2024` read as one date would be 7 August 2010.
        if let span = firstDayOfSpan(text) {
            guard case .date(let day, _) = reader.parse(span) else { return nil }
            return day
        }
        if let day = Day(written: text) { return day }
        if case .date(let day, _) = reader.parse(text) { return day }
        return nil
    }

    /// The earliest day an enrollment names: its date, else its attendance days.
    static func earliest(_ enrollment: Enrollment) -> Day? {
        if let date = enrollment.date, let day = read(date) { return day }
        return enrollment.attendance.compactMap { read($0.day) }.min()
    }

    /// `7-8 Oktober 2024` → `7 Oktober 2024`: a day number, a dash, another day number, and
    /// the rest of the date.
    private static func firstDayOfSpan(_ text: String) -> String? {
        let characters = Array(text)
        var index = characters.firstIndex(where: \.isNumber) ?? characters.endIndex
        let start = index
        while index < characters.endIndex, characters[index].isNumber { index += 1 }
        let firstDay = String(characters[start..<index])
        while index < characters.endIndex, characters[index] == " " { index += 1 }
        guard (1...2).contains(firstDay.count), index < characters.endIndex, "-–—".contains(characters[index]) else { return nil }
        index += 1
        while index < characters.endIndex, characters[index] == " " { index += 1 }
        let secondStart = index
        while index < characters.endIndex, characters[index].isNumber { index += 1 }
        guard (1...2).contains(index - secondStart) else { return nil }
        return firstDay + String(characters[index...])
    }
}
