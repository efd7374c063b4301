/// How two ISO dates (`YYYY-MM-DD`) differ, for the levels of a date comparison: day and month
/// swapped (one source read 03/04 month first), or exactly one of year, month and day off.
enum DateParts {
    private static func parts(_ iso: String) -> (year: Substring, month: Substring, day: Substring)? {
        let pieces = iso.split(separator: "-")
        guard pieces.count == 3 else { return nil }
        return (pieces[0], pieces[1], pieces[2])
    }

    static func dayAndMonthSwapped(_ a: String, _ b: String) -> Bool {
        guard let a = parts(a), let b = parts(b), a.month != a.day else { return false }
        return a.year == b.year && a.month == b.day && a.day == b.month
    }

    static func onePartDifferent(_ a: String, _ b: String) -> Bool {
        guard let a = parts(a), let b = parts(b) else { return false }
        let same = (a.year == b.year ? 1 : 0) + (a.month == b.month ? 1 : 0) + (a.day == b.day ? 1 : 0)
        return same == 2
    }
}
