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
        case Field.email: isWellFormedEmail(value)
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

    /// `local@domain.tld`: one @, non-empty local part, a dot inside the domain, no spaces.
    static func isWellFormedEmail(_ value: String) -> Bool {
        if let verdict = value.utf8.withContiguousStorageIfAvailable(isWellFormedASCIIEmail), let verdict { return verdict }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !value.contains(" ") else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty } && (labels.last?.count ?? 0) >= 2
    }

    /// The same rule over printable ASCII bytes without splitting; nil for other text
    /// (where characters and bytes differ), which the character-based rule judges.
    private static func isWellFormedASCIIEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var at = -1
        var lastDot = -1
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x80 || byte < 0x20 { return nil }
            if byte == 0x20 { return false }
            if byte == 0x40 {
                guard at < 0 else { return false }
                at = index
            } else if byte == 0x2E, at >= 0 {
                // An empty label: the dot right after the @ or after another dot.
                guard index - 1 != at, index - 1 != lastDot else { return false }
                lastDot = index
            }
        }
        return at > 0 && lastDot > at && bytes.count - lastDot - 1 >= 2
    }
}
