/// Masks personal values for display, so logs, errors and `muster inspect` show the shape
/// of a value without the value (`S**** A*****`, `3174********0001`, `+62812*****890`).
package enum PersonalData {
    /// Masks `value` as fits `field`; values of non-personal fields are returned unchanged.
    package static func mask(_ value: String, field: String) -> String {
        guard Field.personal.contains(field) || field == "raw" else { return value }
        switch field {
        case Field.nik, Field.phone: return keepEnds(value, head: min(5, value.count / 3), tail: min(4, value.count / 4))
        case Field.email:
            guard let at = value.firstIndex(of: "@") else { return keepEnds(value, head: 1, tail: 0) }
            return keepEnds(String(value[..<at]), head: 1, tail: 0) + String(value[at...])
        case Field.name:
            return value.split(separator: " ", omittingEmptySubsequences: false)
                .map { keepEnds(String($0), head: 1, tail: 0) }
                .joined(separator: " ")
        default:
            return keepEnds(value, head: 1, tail: 0)
        }
    }

    private static func keepEnds(_ value: String, head: Int, tail: Int) -> String {
        let characters = Array(value)
        guard characters.count > head + tail else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(head))
            + String(repeating: "*", count: characters.count - head - tail)
            + String(characters.suffix(tail))
    }
}
