/// Days read from text: the exact ISO form options give, and the looser forms validate
/// meets in enrollment dates. Normalize's own reading of messy dates is ``DateNormalizer``.
extension Day {
    /// `YYYY-MM-DD` exactly.
    init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (0x30...0x39).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD` with anything after the tenth character ignored
    /// (`2024-09-02T08:00:00+07:00`), or `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`; the
    /// separators may be mixed.
    init?(written text: String) {
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
}
