internal import MusterCore

/// The exact-match identifiers and when a canonical value is usable for matching: only
/// well-formed values link records, so a malformed NIK or phone can never merge people.
enum IdentifierRules {
    /// Fields that identify a person, with the evidence rule each produces.
    static let matchFields: [(field: String, rule: String)] = [
        (Field.nik, "exact-nik"), (Field.phone, "exact-phone"), (Field.email, "exact-email"),
    ]

    static func isUsable(_ value: String, field: String) -> Bool {
        switch field {
        case Field.nik: isWellFormedNIK(value)
        case Field.phone: isWellFormedPhone(value)
        case Field.email: EmailNormalizer.isWellFormed(value)
        default: !value.isEmpty
        }
    }

    static func isWellFormedNIK(_ value: String) -> Bool {
        value.utf8.count == 16 && ByteText.all(value, ByteText.isDigit)
    }

    static func isWellFormedPhone(_ value: String) -> Bool {
        (11...16).contains(value.utf8.count) && value.utf8.starts(with: "+62".utf8) && ByteText.all(value) { $0 == 0x2B || ByteText.isDigit($0) }
            && !value.utf8.dropFirst().contains(0x2B)
    }
}
