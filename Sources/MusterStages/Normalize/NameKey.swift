/// The matching key of a name: one form for the ways one name is written.
///
/// Per word: lower case, marks dropped; every spelling of Muhammad (and `M.`/`Md` as the
/// first of several words) becomes `muhammad`. Then the old Indonesian spellings fold into
/// the new ones and ambiguous letters into one: `oe`→`u`, `dj`→`j`, `tj`→`c`, `y` before a
/// vowel → `j` (so old `j` = new `y`, and `sj` = `sy`), other `y`→`i` (Rizky = Rizki),
/// `ch`/`kh`→`h`, `dh`→`d`, `th`→`t`; doubled letters count once. Soekarno/Sukarno,
/// Djoko/Joko, Tjahjo/Cahyo, Jahja/Yahya and Muhammad/Mohamad/M. all meet. The key is for
/// matching only, never for display.
enum NameKey {
    static let muhammad = PackedKeyTable(members: NameTables.muhammad.compactMap { ByteText.pack($0) })
    static let initials = PackedKeyTable(members: NameTables.muhammadInitials.compactMap { ByteText.pack($0) })
    private static let muhammadBytes: [UInt8] = Array("muhammad".utf8)

    static func fold(_ tokens: [NameNormalizer.Token], in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let capacity = tokens.reduce(tokens.count) { $0 + max(8, 2 * ($1.end - $1.start)) }
        let key = ByteText.string(capacity: capacity) { buffer in
            var count = 0
            for (position, token) in tokens.enumerated() {
                let isMuhammad = token.key.map { muhammad.contains($0) || position == 0 && tokens.count > 1 && initials.contains($0) } ?? false
                if token.letters == 0 && token.ascii { continue }
                if count > 0 {
                    buffer[count] = 0x20
                    count += 1
                }
                if isMuhammad {
                    count = muhammadBytes.withUnsafeBufferPointer { append($0, to: buffer, at: count) }
                } else if token.ascii {
                    count = append(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), to: buffer, at: count)
                } else {
                    let lower = Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self).lowercased().utf8)
                    count = lower.prefix(2 * (token.end - token.start)).withUnsafeBufferPointer { append($0, to: buffer, at: count) }
                }
            }
            return count
        }
        return key.isEmpty ? nil : key
    }

    /// Appends one word, folded, and returns the new count.
    private static func append(_ word: UnsafeBufferPointer<UInt8>, to output: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var count = start
        var index = word.startIndex
        while index < word.endIndex {
            let byte = ByteText.lower(word[index])
            guard ByteText.isLetter(byte) || ByteText.isDigit(byte) || byte >= 0x80 else {
                index += 1
                continue
            }
            let next: UInt8 = index + 1 < word.endIndex ? ByteText.lower(word[index + 1]) : 0
            var folded = byte
            var width = 1
            switch (byte, next) {
            case (0x6F, 0x65):
                folded = 0x75
                width = 2  // oe → u
            case (0x64, 0x6A):
                folded = 0x6A
                width = 2  // dj → j
            case (0x74, 0x6A):
                folded = 0x63
                width = 2  // tj → c
            case (0x63, 0x68), (0x6B, 0x68):
                folded = 0x68
                width = 2  // ch, kh → h
            case (0x64, 0x68):
                folded = 0x64
                width = 2  // dh → d
            case (0x74, 0x68):
                folded = 0x74
                width = 2  // th → t
            case (0x79, 0x61), (0x79, 0x65), (0x79, 0x69), (0x79, 0x6F), (0x79, 0x75): folded = 0x6A  // y + vowel → j
            case (0x79, _): folded = 0x69  // y otherwise → i
            default: break
            }
            index += width
            if count > start, output[count - 1] == folded, folded < 0x80 { continue }
            output[count] = folded
            count += 1
        }
        return count
    }
}
