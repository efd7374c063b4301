import MusterCore

/// Recognizes attendance day columns and reads their marks.
///
/// Day headers: `Hari 1`, `Hari ke-1`, `H1`, `H-2`, or a date (`02/09/2024`, `2-9-24`,
/// `2024-09-02`, `2 Sep`, `2 September 2024`). Marks are kept raw beside their reading.
enum AttendanceHeader {
    static func isDay(_ header: String) -> Bool {
        let words = HeaderVocabulary.key(header).split(separator: " ").map(String.init)
        guard let first = words.first else { return false }
        switch words.count {
        case 1:
            // "H1", or a date whose separators were slashes or dots written without spaces.
            if first.hasPrefix("h"), isNumber(first.dropFirst()) { return true }
            return false
        case 2:
            if first == "hari" || first == "h" { return isNumber(words[1]) }
            return isDayOfMonth(first) && MonthNames.numbers[words[1]] != nil
        case 3:
            if first == "hari" && words[1] == "ke" { return isNumber(words[2]) }
            if isDayOfMonth(first) && MonthNames.numbers[words[1]] != nil { return isNumber(words[2]) }
            return isNumericDate(header)
        default:
            return false
        }
    }

    /// Reads a mark: true for present (`✓`, `v`, `1`, `hadir`, `ya` …), false for absent
    /// (`x`, `0`, `tidak`, `absen`, `-` …), nil when empty or not understood.
    static func present(_ mark: String) -> Bool? {
        let folded = mark.lowercased()
        if presentMarks.contains(folded) { return true }
        if absentMarks.contains(folded) { return false }
        return nil
    }

    private static let presentMarks: Set<String> = ["✓", "✔", "✔️", "☑", "☑️", "✅", "v", "1", "hadir", "h", "y", "ya", "yes"]
    private static let absentMarks: Set<String> = ["x", "✗", "✘", "0", "tidak", "tidak hadir", "absen", "alpa", "-"]

    private static func isNumber(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.count <= 4 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func isDayOfMonth(_ text: String) -> Bool {
        guard isNumber(text), let day = Int(text) else { return false }
        return (1...31).contains(day)
    }

    /// Three numbers separated by `/`, `-` or `.`, nothing else: `02/09/2024`, `2024-09-02`.
    private static func isNumericDate(_ header: String) -> Bool {
        let trimmed = header.filter { $0 != " " }
        let parts = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ isNumber($0) }) else { return false }
        let separators = trimmed.filter { $0 == "/" || $0 == "-" || $0 == "." }
        return separators.count == 2 && Set(separators).count == 1
    }
}
