/// How two ISO dates (`YYYY-MM-DD`) differ, for the levels of a date comparison: day and month
/// swapped (one source read 03/04 month first), or exactly one of year, month and day off.
///
/// Normalize writes dates as ten bytes, so the parts are compared in place; anything else is
/// split on its dashes.
enum DateParts {
    private typealias Parts = (year: Substring, month: Substring, day: Substring)

    private static func parts(_ iso: String) -> Parts? {
        let pieces = iso.split(separator: "-")
        guard pieces.count == 3 else { return nil }
        return (pieces[0], pieces[1], pieces[2])
    }

    /// Year, month and day as byte ranges of a `YYYY-MM-DD` text (dashes at 4 and 7 only).
    private static let year = 0..<4
    private static let month = 5..<7
    private static let day = 8..<10

    private static func isISO(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == 10 && bytes[4] == 0x2D && bytes[7] == 0x2D && bytes[0..<4].allSatisfy { $0 != 0x2D }
            && bytes[5..<7].allSatisfy { $0 != 0x2D } && bytes[8..<10].allSatisfy { $0 != 0x2D }
    }

    private static func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ left: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ right: Range<Int>) -> Bool {
        a[left].elementsEqual(b[right])
    }

    static func dayAndMonthSwapped(_ a: String, _ b: String) -> Bool {
        let fast = ByteText.withBytes(a, b) { x, y -> Bool? in
            guard isISO(x), isISO(y) else { return nil }
            return !bytesEqual(x, month, x, day) && bytesEqual(x, year, y, year) && bytesEqual(x, month, y, day) && bytesEqual(x, day, y, month)
        }
        if let fast { return fast }
        guard let a = Self.parts(a), let b = Self.parts(b), a.month != a.day else { return false }
        return a.year == b.year && a.month == b.day && a.day == b.month
    }

    static func onePartDifferent(_ a: String, _ b: String) -> Bool {
        let fast = ByteText.withBytes(a, b) { x, y -> Bool? in
            guard isISO(x), isISO(y) else { return nil }
            let agreeing = [year, month, day].count { bytesEqual(x, $0, y, $0) }
            return agreeing == 2
        }
        if let fast { return fast }
        guard let a = Self.parts(a), let b = Self.parts(b) else { return false }
        let agreeing = (a.year == b.year ? 1 : 0) + (a.month == b.month ? 1 : 0) + (a.day == b.day ? 1 : 0)
        return agreeing == 2
    }
}
