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

    /// Every run of whitespace (spaces, tabs, line breaks, `&#13;`, no-break spaces, every
    /// Unicode White_Space character) as one space, trimmed: the plain-text form of an HTML
    /// body or table cell. Works on UTF-8 bytes: this runs over every body and cell, and
    /// Unicode property lookups per scalar cost more than the XML parse itself.
    static func collapsed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let width = whitespaceWidth(bytes, at: index)
                if width > 0 {
                    pendingSpace = !result.isEmpty
                    index += width
                    continue
                }
                if pendingSpace {
                    result.append(0x20)
                    pendingSpace = false
                }
                result.append(bytes[index])
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The byte length of the White_Space character at `index`, or 0.
    @inline(__always)
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        let remaining = bytes.count - index
        switch byte {
        case 0xC2 where remaining >= 2:
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1 where remaining >= 3:
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2 where remaining >= 3:
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if second == 0x80, third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3 where remaining >= 3:
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// True when text holds markup or an entity reference: a closing tag (`</`), a
    /// self-closing tag (`/>`) or `&name;` / `&#…;`. A lone `<` (`History of the <blink>
    /// tag`) or `&` (`AT&T`) is text.
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = text.utf8
        var previous: UInt8 = 0
        var entityStart = false
        var entityLength = 0
        for byte in bytes {
            if previous == UInt8(ascii: "<"), byte == UInt8(ascii: "/") { return true }
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ">") { return true }
            if byte == UInt8(ascii: "&") {
                entityStart = true
                entityLength = 0
            } else if entityStart {
                let isNameByte = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "#")
                if byte == UInt8(ascii: ";"), entityLength > 0 { return true }
                if isNameByte, entityLength < 32 { entityLength += 1 } else { entityStart = false }
            }
            previous = byte
        }
        return false
    }

    /// True when text holds something an HTML parser reads as a tag: `<` followed by a
    /// letter, `/` or `!`.
    static func containsTag(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "<"), byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") {
                return true
            }
            previous = byte
        }
        return false
    }
}
