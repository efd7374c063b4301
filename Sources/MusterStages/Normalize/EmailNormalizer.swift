/// E-mail addresses: trimmed, `mailto:` dropped, lower-cased; a syntax check whose failure
/// is an issue (the value is kept, so validate can quarantine it).
enum EmailNormalizer {
    static func canonical(_ cleaned: String) -> String {
        var value = TextNormalizer.lowercased(cleaned)
        if value.hasPrefix("mailto:") { value.removeFirst(7) }
        return value
    }

    /// `local@domain.tld`: one @, a non-empty local part of allowed characters, a domain of
    /// dot-separated labels of letters, digits and hyphens, a top-level label of 2+ letters.
    static func isWellFormed(_ value: String) -> Bool {
        var at = -1, index = 0
        var lastDot = -1, previous: UInt8 = 0
        for byte in value.utf8 {
            defer { previous = byte; index += 1 }
            if byte == 0x40 {
                guard at < 0, index > 0, previous != 0x2E else { return false }
                at = index
                continue
            }
            if at < 0 {
                let allowed = byte >= 0x80 || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || "._%+-'".utf8.contains(byte)
                guard allowed, !(byte == 0x2E && (index == 0 || previous == 0x2E)) else { return false }
            } else {
                let allowed = byte >= 0x80 || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2E
                guard allowed else { return false }
                if byte == 0x2E {
                    guard previous != 0x40, previous != 0x2E else { return false }
                    lastDot = index
                }
            }
        }
        guard at > 0, lastDot > at, index - lastDot - 1 >= 2, previous != 0x2E, previous != 0x2D else { return false }
        return value.utf8.suffix(index - lastDot - 1).allSatisfy { $0 >= 0x80 || (0x61...0x7A).contains($0) }
    }
}
