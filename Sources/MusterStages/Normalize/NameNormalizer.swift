/// Names: display casing, honorifics and degrees split off into their own fields, and a
/// folded matching key (``NameKey``).
///
/// Works on the name's UTF-8 bytes: tokens are byte ranges, table lookups use packed keys
/// (``ByteText/pack(_:)``). Titles are taken from the front (`Ibu Hj.`, `Dr. Ir.`), from the
/// end (`S.Pd`, `S. E.`), and after commas (`, S.E., M.M.`); a title alone is not a name.
struct NameNormalizer: Sendable {
    struct Result: Equatable {
        /// The name without honorifics and degrees, display-cased; nil when nothing is left.
        var display: String?
        var honorifics: [String] = []
        var degrees: [String] = []
        var key: String?
    }

    struct Token {
        var start: Int
        var end: Int
        var group: Int
        var key: UInt64?
        var letters: Int
        var hasDot: Bool
        var ascii: Bool
    }

    enum Title {
        case honorific(String)
        case degree(String)
    }

    let honorifics: PackedKeyTable<String>
    let degrees: PackedKeyTable<String>
    /// Variants longer than a packed key holds, by letter key.
    let longTitles: [String: Title]
    let particles: PackedKeyTable<Bool>
    let particleWords: Set<String>

    init(honorifics: [String: [String]], degrees: [String: [String]], particles: [String]) {
        var long: [String: Title] = [:]
        self.honorifics = Self.table(NameTables.honorifics, honorifics) { long[$0] = .honorific($1) }
        self.degrees = Self.table(NameTables.degrees, degrees) { long[$0] = .degree($1) }
        longTitles = long
        particleWords = NameTables.particles.union(particles.map { $0.lowercased() })
        self.particles = PackedKeyTable(members: particleWords.compactMap { ByteText.pack($0) })
    }

    private static func table(_ base: [String: [String]], _ extra: [String: [String]], long: (String, String) -> Void) -> PackedKeyTable<String> {
        var table: [UInt64: String] = [:]
        for (display, variants) in base.merging(extra, uniquingKeysWith: +) {
            for variant in variants + [display] {
                if let key = ByteText.pack(letterKey(variant)) { table[key] = display } else { long(letterKey(variant), display) }
            }
        }
        return PackedKeyTable(table)
    }

    /// Lower-case letters and digits of a token, dots, apostrophes and other marks dropped.
    static func letterKey<S: StringProtocol>(_ token: S) -> String {
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            return ByteText.string(capacity: token.utf8.count) { buffer in
                var count = 0
                for byte in token.utf8 where ByteText.isLetter(byte) || ByteText.isDigit(byte) {
                    buffer[count] = ByteText.lower(byte)
                    count += 1
                }
                return count
            }
        }
        return String(token.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    func normalize(_ cleaned: String) -> Result {
        var text = cleaned
        if ByteText.any(cleaned, { $0 >= 0x80 }) {
            text = String(cleaned.map { "’‘`´ʼ".contains($0) ? "'" : $0 })
        }
        return text.withUTF8 { normalize(bytes: $0) }
    }

    private func normalize(bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var tokens = Self.tokenize(bytes)
        var result = Result()
        var tailTitles: [Title] = []
        // After a comma come degrees ("Siti Aminah, S.E., M.M."); a group that is not all
        // titles stays in the name.
        var group = 1
        while let first = tokens.firstIndex(where: { $0.group == group }) {
            let end = tokens[first...].firstIndex { $0.group != group } ?? tokens.endIndex
            let titles = tokens[first..<end].map { title(of: $0, in: bytes) }
            if titles.allSatisfy({ $0 != nil }) {
                tailTitles += titles.compactMap { $0 }
                tokens.removeSubrange(first..<end)
            }
            group += 1
        }
        var trailing: [String] = []
        while tokens.count > 1, let (degree, length) = trailingDegree(tokens, in: bytes) {
            trailing.insert(degree, at: 0)
            tokens.removeLast(length)
        }
        var leading: [String] = []
        while let first = tokens.first, let title = title(of: first, in: bytes) {
            switch title {
            case .honorific(let display): result.honorifics.append(display)
            case .degree(let display): leading.append(display)
            }
            tokens.removeFirst()
        }
        for title in tailTitles {
            switch title {
            case .honorific(let display): result.honorifics.append(display)
            case .degree(let display): trailing.append(display)
            }
        }
        result.degrees = leading + trailing
        guard !tokens.isEmpty else { return result }
        result.display = display(tokens, in: bytes)
        result.key = NameKey.fold(tokens, in: bytes)
        return result
    }

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(6)
        var group = 0
        var start = -1
        var key: UInt64 = 0
        var letters = 0
        var packable = true
        var hasDot = false
        var ascii = true
        func close(_ end: Int) {
            guard start >= 0 else { return }
            tokens.append(Token(start: start, end: end, group: group, key: packable && letters > 0 ? key : nil, letters: letters, hasDot: hasDot, ascii: ascii))
            start = -1
        }
        for (index, byte) in bytes.enumerated() {
            if byte == 0x20 || byte == 0x2C {
                close(index)
                if byte == 0x2C { group += 1 }
                continue
            }
            if start < 0 {
                start = index
                key = 0
                letters = 0
                packable = true
                hasDot = false
                ascii = true
            }
            switch byte {
            case 0x61...0x7A:
                letters += 1
                key = key << 6 | UInt64(byte - 0x61 + 1)
            case 0x41...0x5A:
                letters += 1
                key = key << 6 | UInt64(byte - 0x41 + 1)
            case 0x30...0x39:
                letters += 1
                key = key << 6 | UInt64(byte - 0x30 + 27)
            case 0x2E: hasDot = true
            case 0x27, 0x2D: break
            default:
                packable = false
                if byte >= 0x80 { ascii = false }
            }
            if letters > 10 { packable = false }
        }
        close(bytes.count)
        return tokens
    }

    private func title(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Title? {
        if let key = token.key {
            if let display = honorifics[key] { return .honorific(display) }
            if let display = degrees[key] { return .degree(display) }
            return nil
        }
        guard !longTitles.isEmpty, token.letters > 10 else { return nil }
        return longTitles[Self.letterKey(String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self))]
    }

    /// A degree at the end of the tokens, written as one token (`S.Pd`) or split (`S. E.`).
    private func trailingDegree(_ tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
        let last = tokens[tokens.count - 1]
        if let key = last.key, honorifics[key] == nil, let degree = degrees[key] { return (degree, 1) }
        if last.key == nil, last.letters > 10, case .degree(let display)? = title(of: last, in: bytes) { return (display, 1) }
        // A split degree only counts when its pieces carry dots: "S. E.", not "Ade Se".
        var key: UInt64 = 0
        var letters = 0
        for length in 1...min(3, tokens.count - 1) {
            let token = tokens[tokens.count - length]
            guard let part = token.key, token.hasDot, letters + token.letters <= 10 else { return nil }
            key = part << UInt64(6 * letters) | key
            letters += token.letters
            if length > 1, let degree = degrees[key] { return (degree, length) }
        }
        return nil
    }

    private func display(_ tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let capacity = tokens.reduce(tokens.count) { $0 + $1.end - $1.start }
        if tokens.contains(where: { !$0.ascii }) {
            let words = tokens.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.start..<$0.end]), as: UTF8.self) }
            return TextNormalizer.titleCased(words.joined(separator: " "), particles: particleWords)
        }
        return ByteText.string(capacity: capacity) { buffer in
            var count = 0
            for (position, token) in tokens.enumerated() {
                if position > 0 {
                    buffer[count] = 0x20
                    count += 1
                }
                let particle = position > 0 && token.key.map { particles.contains($0) } == true
                var start = !particle
                for index in token.start..<token.end {
                    let byte = bytes[index]
                    if ByteText.isLetter(byte) {
                        buffer[count] = start ? byte & ~0x20 : byte | 0x20
                        start = false
                    } else {
                        buffer[count] = byte
                        start = !(ByteText.isDigit(byte) || byte == 0x27) && !particle
                    }
                    count += 1
                }
            }
            return count
        }
    }
}
