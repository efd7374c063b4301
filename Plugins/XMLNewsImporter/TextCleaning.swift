/// Small text helpers that avoid Foundation: UTF-8 decoding of capped buffers, trimming
/// and whitespace collapsing.
enum TextCleaning {
    /// Decodes UTF-8 bytes that libxml2 has already validated. A buffer cut at a size cap
    /// may end inside a character; that partial character is dropped, not turned into U+FFFD.
    static func decode(_ bytes: [UInt8], truncated: Bool) -> String {
        guard truncated else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes[..<characterBoundary(bytes)], as: UTF8.self)
    }

    /// The end of the last complete UTF-8 sequence in `bytes`.
    static func characterBoundary(_ bytes: [UInt8]) -> Int {
        var start = bytes.count
        var continuation = 0
        while start > 0, continuation < 4, bytes[start - 1] & 0xC0 == 0x80 {
            start -= 1
            continuation += 1
        }
        guard start > 0 else { return 0 }
        let lead = bytes[start - 1]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return length == continuation + 1 ? bytes.count : start - 1
    }


    /// Every run of whitespace (spaces, tabs, line breaks, `&#13;`, no-break spaces) as one
    /// space, trimmed: the plain-text form of an HTML body or table cell.
    static func collapsed(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
