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
        value.utf8.count == 16 && value.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    static func isWellFormedPhone(_ value: String) -> Bool {
        let utf8 = Array(value.utf8)
        return value.hasPrefix("+62") && (11...16).contains(utf8.count) && utf8.dropFirst().allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// `local@domain.tld`: one @, non-empty local part, a dot inside the domain, no spaces.
    static func isWellFormedEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !value.contains(" ") else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty } && (labels.last?.count ?? 0) >= 2
    }
}
