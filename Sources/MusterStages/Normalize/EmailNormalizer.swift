/// E-mail addresses: trimmed, `mailto:` dropped, lower-cased; a syntax check whose failure
/// is an issue (the value is kept, so validate can quarantine it).
///
/// ``isWellFormed(_:)`` is the one e-mail syntax: normalize's issue, the `email-format`
/// rule and dedupe's use of an address as evidence all ask it, so an address is never
/// flagged by one and trusted by another.
enum EmailNormalizer {
    static func canonical(_ cleaned: String) -> String {
        var value = TextNormalizer.lowercased(cleaned)
        if value.hasPrefix("mailto:") { value.removeFirst(7) }
        return value
    }

    /// `local@domain.tld`: one @, a non-empty local part of allowed characters, a domain of
    /// dot-separated labels of letters, digits and hyphens, a top-level label of 2+ letters.
    /// Either case (canonical addresses are lower case; an office's own field may not be).
    static func isWellFormed(_ value: String) -> Bool {
        value.utf8.withContiguousStorageIfAvailable(isWellFormed) ?? Array(value.utf8).withUnsafeBufferPointer(isWellFormed)
    }

    private static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var at = -1
        var lastDot = -1
        var previous: UInt8 = 0
        for (index, byte) in bytes.enumerated() {
            defer { previous = byte }
            if byte == 0x40 {
                guard at < 0, index > 0, previous != 0x2E else { return false }
                at = index
                continue
            }
            let common = byte >= 0x80 || (0x61...0x7A).contains(byte | 0x20) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2E
            if at < 0 {
                let allowed = common || byte == 0x5F || byte == 0x25 || byte == 0x2B || byte == 0x27
                guard allowed, !(byte == 0x2E && (index == 0 || previous == 0x2E)) else { return false }
            } else {
                guard common else { return false }
                if byte == 0x2E {
                    guard previous != 0x40, previous != 0x2E else { return false }
                    lastDot = index
                }
            }
        }
        guard at > 0, lastDot > at, bytes.count - lastDot - 1 >= 2, previous != 0x2E, previous != 0x2D else { return false }
        return bytes[(lastDot + 1)...].allSatisfy { $0 >= 0x80 || (0x61...0x7A).contains($0 | 0x20) }
    }
}
