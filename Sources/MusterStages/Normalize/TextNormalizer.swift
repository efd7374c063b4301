internal import Foundation

/// Whitespace, Unicode and casing rules shared by every text field.
///
/// The common case — a short ASCII value with single spaces — is checked on its UTF-8
/// bytes and returned as it is; only other text pays for Foundation's NFKC.
enum TextNormalizer {
    /// Values that mean "nothing here" in Indonesian sheets and forms, lowercase: the formal
    /// and the colloquial no (`gak ada`, `nggak ada`), a dash of any kind (word processors
    /// and phones turn `-` into `–` or `—`), and the zero date that databases write for a
    /// date nobody gave (`0000-00-00`).
    static let defaultPlaceholders: Set<String> = [
        "", "-", "--", "---", ".", "..", "0", "00", "n/a", "na", "n.a.", "nil", "null", "none", "tidak ada", "belum ada",
        "tdk ada", "blm ada", "kosong", "tidak punya", "belum punya", "tidak tahu", "?", "x", "none@none.com",
        "no@no.com", "noemail@gmail.com", "tidakada@gmail.com", "-@-", "000000", "0000000000000000",
        "gak ada", "ga ada", "gk ada", "nggak ada", "ngga ada", "enggak ada", "tidak diisi", "tdk diisi", "belum diisi",
        "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "_", "__", "___",
        "0000-00-00", "00-00-0000", "00/00/0000", "0000/00/00", "00.00.0000", "0000-00-00 00:00:00",
    ]

    /// NFKC without invisible format characters, then trimmed with inner runs of whitespace
    /// collapsed to one space.
    static func clean(_ raw: String) -> String {
        let state = raw.utf8.withContiguousStorageIfAvailable(scan) ?? Array(raw.utf8).withUnsafeBufferPointer(scan)
        switch state {
        case .tidy: return raw
        case .ascii: return collapsingASCIIWhitespace(raw)
        case .unicode:
            // Text pasted from chat apps and web pages carries invisible format characters
            // (zero-width space, joiners, a stray byte order mark, soft hyphens): a NIK with
            // one is still the NIK.
            var scalars = raw.precomposedStringWithCompatibilityMapping.unicodeScalars
            scalars.removeAll { $0.properties.generalCategory == .format }
            return String(scalars)
                .split(whereSeparator: { $0.isWhitespace })
                .joined(separator: " ")
        }
    }

    private enum Shape { case tidy, ascii, unicode }

    /// Whether the bytes are ASCII with single inner spaces and no control characters.
    /// Eight bytes at a time: every field of every record comes through here.
    @inline(__always)
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Shape {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .ascii }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var tidy = base[0] != 0x20 && base[bytes.count - 1] != 0x20
        var previousSpace: UInt64 = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if word & highs != 0 { return .unicode }
            let spaces = word ^ (0x20 &* ones)
            let deletes = word ^ lows
            // Exact per-byte zero tests: 0x80 in each byte that is a space / DEL.
            let spaceMask = ~(((spaces & lows) &+ lows) | spaces) & highs
            let deleteMask = ~(((deletes & lows) &+ lows) | deletes) & highs
            let controlMask = (word &- 0x20 &* ones) & ~word & highs
            if controlMask | deleteMask != 0 || spaceMask & (spaceMask << 8 | previousSpace) != 0 { tidy = false }
            previousSpace = spaceMask >> 56
            index += 8
        }
        var space = previousSpace != 0
        while index < bytes.count {
            let byte = base[index]
            if byte >= 0x80 { return .unicode }
            let isSpace = byte == 0x20
            if isSpace && space || byte < 0x20 || byte == 0x7F { tidy = false }
            space = isSpace
            index += 1
        }
        return tidy ? .tidy : .ascii
    }

    private static func collapsingASCIIWhitespace(_ raw: String) -> String {
        ByteText.string(capacity: raw.utf8.count) { buffer in
            var count = 0
            var pendingSpace = false
            for byte in raw.utf8 {
                if byte <= 0x20 || byte == 0x7F {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    buffer[count] = 0x20
                    count += 1
                }
                pendingSpace = false
                buffer[count] = byte
                count += 1
            }
            return count
        }
    }

    /// The lowercase form used to look values up in tables (ASCII fast, Unicode correct).
    static func lowercased(_ text: String) -> String {
        if ByteText.all(text, { $0 < 0x41 || ($0 > 0x5A && $0 < 0x80) }) { return text }
        return text.lowercased()
    }

    /// Display casing for names and places: each word capitalised, the rest lower case.
    /// A hyphen, slash, parenthesis or dot starts a new part ("Abdul-Aziz", "M.Rizki");
    /// an apostrophe does not ("Nur'aini", "Ma'ruf"). Words in `particles` stay lower case
    /// unless they open the text ("Ahmad bin Yusuf").
    static func titleCased(_ text: String, particles: Set<String> = []) -> String {
        guard ByteText.all(text, { $0 < 0x80 }) else { return unicodeTitleCased(text, particles: particles) }
        var bytes = Array(text.utf8)
        var start = true
        var wordStart = 0
        for index in bytes.indices {
            let byte = bytes[index]
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            if isUpper || isLower {
                if start && isLower { bytes[index] = byte - 0x20 }
                if !start && isUpper { bytes[index] = byte + 0x20 }
                start = false
            } else if byte >= 0x30 && byte <= 0x39 || byte == 0x27 {
                start = false
            } else {
                if byte == 0x20 { lowerParticle(&bytes, from: wordStart, to: index, particles: particles) }
                start = true
                if byte == 0x20 { wordStart = index + 1 }
            }
        }
        lowerParticle(&bytes, from: wordStart, to: bytes.count, particles: particles)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func lowerParticle(_ bytes: inout [UInt8], from start: Int, to end: Int, particles: Set<String>) {
        guard start > 0, !particles.isEmpty, end - start <= 6, end > start else { return }
        let word = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
        guard particles.contains(word) else { return }
        for index in start..<end where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] += 0x20 }
    }

    private static func unicodeTitleCased(_ text: String, particles: Set<String>) -> String {
        var words: [String] = []
        for (position, word) in text.split(separator: " ").enumerated() {
            if position > 0, particles.contains(word.lowercased()) {
                words.append(word.lowercased())
                continue
            }
            var result = ""
            var start = true
            for character in word {
                if character.isLetter {
                    result += start ? character.uppercased() : character.lowercased()
                    start = false
                } else {
                    result.append(character)
                    start = !(character.isNumber || character == "'")
                }
            }
            words.append(result)
        }
        return words.joined(separator: " ")
    }

    /// ASCII digits only.
    static func digits(_ text: String) -> String {
        String(decoding: text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
    }

    /// Lowercase ASCII letters and digits with every other run of characters turned into one
    /// space: the key that place and sector tables are looked up by ("Kby. Baru" → "kby baru").
    static func words(_ text: String) -> [Substring] {
        let lower = lowercased(text)
        return lower.split(whereSeparator: { character in
            !(character.isLetter || character.isNumber)
        })
    }
}
