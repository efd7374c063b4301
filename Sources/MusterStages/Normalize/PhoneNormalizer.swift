/// Indonesian phone numbers to E.164 (`+6281234567890`).
///
/// Accepts 0812-3456-7890, +62 812 3456 7890, 62812…, 812… and Jakarta landlines
/// (021) 7890123; in a field holding several numbers ("0812… / 0813…") the first is kept
/// and the rest returned as others.
enum PhoneNormalizer {
    struct Result: Equatable {
        var primary: String?
        var others: [String]
    }

    static func normalize(_ raw: String) -> Result {
        let parts = raw.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == ";" || $0 == "|" })
            .map { String($0) }
            .filter { !TextNormalizer.digits($0).isEmpty }
        let numbers = parts.compactMap(canonical)
        guard !parts.isEmpty else { return Result(primary: nil, others: []) }
        // When the first part does not parse the whole field is unusable as a primary.
        guard let first = canonical(parts[0]) else { return Result(primary: nil, others: Array(numbers)) }
        return Result(primary: first, others: Array(numbers.dropFirst()))
    }

    /// One number to E.164, or nil when it cannot be an Indonesian number.
    static func canonical(_ raw: String) -> String? {
        var digits = TextNormalizer.digits(raw)
        if digits.hasPrefix("0062") { digits.removeFirst(4) }
        else if digits.hasPrefix("62") { digits.removeFirst(2) }
        else if digits.hasPrefix("0") { digits.removeFirst() }
        guard let first = digits.first, first != "0", (8...13).contains(digits.count) else { return nil }
        return "+62" + digits
    }

    /// Whether a canonical number is an Indonesian mobile (+628…).
    static func isMobile(_ canonical: String) -> Bool { canonical.hasPrefix("+628") }
}
