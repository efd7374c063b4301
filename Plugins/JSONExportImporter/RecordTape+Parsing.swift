import MusterCore

/// The tape's parser: MusterCore's ``JSONParser`` grammar and refusals (control
/// characters, bad escapes, lone surrogates, invalid UTF-8, leading zeros, nesting) over an
/// unsafe buffer, with no error reporting at all: on anything wrong it returns false and
/// the caller asks ``JSONParser`` for the exact message and offset. So ``JSONParser`` stays
/// the one authority on what is valid JSON; this makes the common case (a valid record)
/// cheap. `JSONTestSuiteImporterTests` checks that both agree on every JSONTestSuite file.
extension RecordTape {
    /// Parses `text` as one complete JSON text (whitespace around it allowed); false when
    /// it is not one. A leading byte order mark is not skipped.
    mutating func parse(_ text: UnsafeBufferPointer<UInt8>, depthLimit: Int = JSONParser.maximumDepth, compacting: Bool = false) -> Bool {
        begin(text, depthLimit: depthLimit, compacting: compacting)
        skipWhitespace()
        guard value(up: -1) else { return false }
        flushRun()
        skipWhitespace()
        return index == bytes.count
    }

    /// Parses the value at the start of `text` (no whitespace before it) and returns its
    /// length; nil when it is not valid or does not end within `text`.
    mutating func parse(prefixOf text: UnsafeBufferPointer<UInt8>, depthLimit: Int, compacting: Bool) -> Int? {
        begin(text, depthLimit: depthLimit, compacting: compacting)
        guard value(up: -1) else { return nil }
        flushRun()
        return index
    }

    private mutating func begin(_ text: UnsafeBufferPointer<UInt8>, depthLimit: Int, compacting: Bool) {
        bytes = text
        index = 0
        depth = 0
        runStart = 0
        self.depthLimit = depthLimit
        self.compacting = compacting
        nodes.removeAll(keepingCapacity: true)
        if compacting { compact.removeAll() }
    }

    /// A value whose ``Node/up`` is `up`.
    private mutating func value(up: Int) -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object(up: up)
        case UInt8(ascii: "["): return array(up: up)
        case UInt8(ascii: "\""): return string(up: up, isKey: false)
        case UInt8(ascii: "t"): return literal("true", .true, up: up)
        case UInt8(ascii: "f"): return literal("false", .false, up: up)
        case UInt8(ascii: "n"): return literal("null", .null, up: up)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number(up: up)
        default: return false
        }
    }

    private mutating func object(up: Int) -> Bool {
        guard depth < depthLimit else { return false }
        depth += 1
        defer { depth -= 1 }
        let node = nodes.count
        nodes.append(Node(kind: .object, up: up))
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            nodes[node].next = nodes.count
            return true
        }
        while true {
            skipWhitespace()
            let key = nodes.count
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string(up: node, isKey: true) else { return false }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            skipWhitespace()
            guard value(up: key) else { return false }
            skipWhitespace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { return false }
            index += 1
            nodes[node].next = nodes.count
            return true
        }
    }

    private mutating func array(up: Int) -> Bool {
        guard depth < depthLimit else { return false }
        depth += 1
        defer { depth -= 1 }
        let node = nodes.count
        nodes.append(Node(kind: .array, up: up))
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            nodes[node].next = nodes.count
            return true
        }
        while true {
            skipWhitespace()
            guard value(up: node) else { return false }
            skipWhitespace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { return false }
            index += 1
            nodes[node].next = nodes.count
            return true
        }
    }

    /// A string: a run of plain bytes is the common case, scanned eight bytes at a time;
    /// an escape moves to the slower loop.
    private mutating func string(up: Int, isKey: Bool) -> Bool {
        let base = bytes.baseAddress.unsafelyUnwrapped
        let count = bytes.count
        let quote = index
        let start = quote + 1
        var cursor = start
        var wide: UInt64 = 0
        while cursor + 8 <= count {
            let word = UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self)
            if Self.endsRun(word) { break }
            wide |= word
            cursor += 8
        }
        var high: UInt8 = wide & 0x8080_8080_8080_8080 == 0 ? 0 : 0x80
        while cursor < count {
            let byte = base[cursor]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            high |= byte
            cursor += 1
        }
        index = cursor
        guard cursor < count else { return false }
        if base[cursor] == UInt8(ascii: "\\") { return escapedString(quote: quote, runFrom: start, high: high, up: up, isKey: isKey) }
        guard base[cursor] == UInt8(ascii: "\""), high < 0x80 || Self.isValidUTF8(UnsafeBufferPointer(start: base + start, count: cursor - start)) else {
            return false
        }
        nodes.append(Node(kind: .string, isKey: isKey, isASCII: high < 0x80, start: start, count: cursor - start, next: nodes.count + 1, up: up))
        index = cursor + 1
        return true
    }

    /// Whether any of eight bytes is a quote, a backslash or a control character (the
    /// classic bit tricks: a byte is zero, or below 0x20, exactly when a borrow reaches its top bit).
    private static func endsRun(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let found = ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes) | ((word &- ones &* 0x20) & ~word)
        return found & 0x8080_8080_8080_8080 != 0
    }

    /// The rest of a string from its first escape. Each run of plain bytes between escapes
    /// is checked as UTF-8 on its own: an escape always writes whole characters, so the
    /// decoded text is valid exactly when every run is.
    private mutating func escapedString(quote: Int, runFrom start: Int, high: UInt8, up: Int, isKey: Bool) -> Bool {
        var high = high
        var run = start
        var isASCII = true
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                if high >= 0x80 {
                    guard Self.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[run..<index])) else { return false }
                    isASCII = false
                }
                high = 0
                if byte == UInt8(ascii: "\"") { break }
                guard escape(isASCII: &isASCII) else { return false }
                run = index
                continue
            }
            if byte < 0x20 { return false }
            high |= byte
            index += 1
        }
        guard index < count else { return false }
        let contentStart = quote + 1
        nodes.append(
            Node(
                kind: .string, isEscaped: true, isKey: isKey, isASCII: isASCII, start: contentStart, count: index - contentStart, next: nodes.count + 1, up: up)
        )
        index += 1
        if compacting { writeCompact(string: nodes[nodes.count - 1], quote: quote) }
        return true
    }

    /// One escape at `index` (the backslash), checked; `\u` escapes of non-ASCII clear `isASCII`.
    private mutating func escape(isASCII: inout Bool) -> Bool {
        index += 1
        guard index < bytes.count else { return false }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        case UInt8(ascii: "u"):
            guard let scalar = hex4() else { return false }
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return false }
                index += 2
                guard let low = hex4(), low >= 0xDC00 && low <= 0xDFFF else { return false }
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                return false
            }
            if scalar >= 0x80 { isASCII = false }
            return true
        default:
            return false
        }
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexDigit(bytes[index]) else { return nil }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as its exact text.
    private mutating func number(up: Int) -> Bool {
        let start = index
        let count = bytes.count
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count, isDigit(bytes[index]) else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, isDigit(bytes[index]) { return false }
        } else {
            skipDigits()
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, isDigit(bytes[index]) else { return false }
            skipDigits()
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < count, isDigit(bytes[index]) else { return false }
            skipDigits()
        }
        nodes.append(Node(kind: .number, start: start, count: index - start, next: nodes.count + 1, up: up))
        return true
    }

    private mutating func literal(_ text: StaticString, _ kind: Kind, up: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        index += count
        nodes.append(Node(kind: kind, next: nodes.count + 1, up: up))
        return true
    }

    /// Skips whitespace; when compacting, first copies the bytes before it.
    @inline(__always)
    private mutating func skipWhitespace() {
        let count = bytes.count
        guard index < count, Self.isWhitespace(bytes[index]) else { return }
        flushRun()
        var cursor = index + 1
        while cursor < count && Self.isWhitespace(bytes[cursor]) { cursor += 1 }
        index = cursor
        runStart = cursor
    }

    /// Copies the bytes since the last whitespace (or rewritten string) to ``compact``.
    private mutating func flushRun() {
        guard compacting, runStart < index else { return }
        compact.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        runStart = index
    }

    /// A string with escapes in compact form: decoded, then written back with only `"`,
    /// `\` and control characters escaped (`\n`, `\r`, `\t`, else `\u00xx`).
    private mutating func writeCompact(string node: Node, quote: Int) {
        if runStart < quote { compact.append(UnsafeBufferPointer(rebasing: bytes[runStart..<quote])) }
        runStart = index
        let raw = UnsafeBufferPointer(rebasing: bytes[node.start..<node.start + node.count])
        let decoded = [UInt8](unsafeUninitializedCapacity: node.count) { buffer, initialized in
            initialized = Self.decode(raw, into: buffer.baseAddress.unsafelyUnwrapped)
        }
        let hex: StaticString = "0123456789abcdef"
        compact.append(UInt8(ascii: "\""))
        for byte in decoded {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                compact.append(UInt8(ascii: "\\"))
                compact.append(byte)
            case 0x0A, 0x0D, 0x09:
                compact.append(UInt8(ascii: "\\"))
                compact.append(byte == 0x0A ? UInt8(ascii: "n") : byte == 0x0D ? UInt8(ascii: "r") : UInt8(ascii: "t"))
            case ..<0x20:
                for unit in [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0x0F)],
                ] {
                    compact.append(unit)
                }
            default:
                compact.append(byte)
            }
        }
        compact.append(UInt8(ascii: "\""))
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = buffer.count
        while index < count {
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = buffer[index + 1]
            guard second >= lower && second <= upper else { return false }
            for offset in 2..<max(2, length) where buffer[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
