/// Appends JSON text to a byte buffer: the small, fast writer behind checkpoints and
/// registry columns, many times faster than Foundation's JSONEncoder.
///
/// It appends to a ``ByteBuffer`` with plain copies, not to an `[UInt8]` with its
/// uniqueness check and generic copy: a value takes ten to twenty appends, and every value
/// of every record is written here. Not copyable, so a writer has one owner.
package struct JSONWriter: ~Copyable {
    private var buffer: ByteBuffer

    package init(capacity: Int = 1024) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// Bytes written so far.
    package var count: Int { buffer.count }

    /// What has been written, as a new array.
    package var bytes: [UInt8] { Array(buffer.bytes) }

    /// What has been written, without a copy, for the length of `body`.
    package func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try buffer.withBytes(body)
    }

    /// Starts again, keeping the buffer.
    package mutating func removeAll() { buffer.removeAll() }

    @inline(__always) mutating func byte(_ value: UInt8) {
        buffer.append(value)
    }

    @inline(__always) mutating func append(_ start: UnsafePointer<UInt8>, _ length: Int) {
        buffer.append(start, count: length)
    }

    mutating func raw(_ text: StaticString) {
        append(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// A JSON string literal, escaping quotes, backslashes and control characters.
    ///
    /// Eight bytes are checked at once for a byte that needs escaping; text rarely has one,
    /// so most of it is copied in runs. Checkpoints and registry columns write every value
    /// of every record through here.
    package mutating func string(_ text: String) {
        byte(0x22)
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let count = utf8.count
            var runStart = 0
            var index = 0
            while index < count {
                while index + 8 <= count, !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                }
                guard index < count else { break }
                let value = base[index]
                index += 1
                guard value < 0x20 || value == 0x22 || value == 0x5C else { continue }
                append(base + runStart, index - 1 - runStart)
                runStart = index
                escape(value)
            }
            append(base + runStart, count - runStart)
        }
        byte(0x22)
    }

    /// Whether one of the eight bytes is a quote, a backslash or below 0x20 (exact: the
    /// classic zero-byte and less-than tests, see "Bit Twiddling Hacks").
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (0x22 &* ones)
        let backslash = word ^ (0x5C &* ones)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        let hasControl = (word &- 0x20 &* ones) & ~word & highs
        return hasQuote | hasBackslash | hasControl != 0
    }

    private mutating func escape(_ value: UInt8) {
        switch value {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        default:
            raw("\\u00")
            let digits: StaticString = "0123456789abcdef"
            byte(digits.utf8Start[Int(value >> 4)])
            byte(digits.utf8Start[Int(value & 0xF)])
        }
    }

    package mutating func int(_ value: Int) {
        var digits = String(value)
        digits.withUTF8 { utf8 in if let start = utf8.baseAddress { append(start, utf8.count) } }
    }

    package mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// `{"k": "v", …}` with keys in sorted order, so equal dictionaries give equal bytes.
    package mutating func object(_ dictionary: [String: String]) {
        // Sorting the pairs, not the keys, spares a second hash lookup per member.
        members(dictionary.sorted(by: { FieldOrder.precedes($0.key, $1.key) }))
    }

    /// A record's fields: already in key order.
    package mutating func object(_ values: FieldValues) {
        members(values)
    }

    /// `{"k": "v", …}` in the order given.
    private mutating func members(_ pairs: some Sequence<(key: String, value: String)>) {
        byte(0x7B)
        var first = true
        for (key, value) in pairs {
            if !first { byte(0x2C) }
            first = false
            string(key)
            byte(0x3A)
            string(value)
        }
        byte(0x7D)
    }

    /// Writes a member key and the colon; `first` tracks whether a comma is needed.
    mutating func key(_ name: StaticString, first: inout Bool) {
        if !first { byte(0x2C) }
        first = false
        byte(0x22)
        raw(name)
        byte(0x22)
        byte(0x3A)
    }

    /// A JSON array of the elements, each written by `element`.
    mutating func array<T>(_ items: [T], _ element: (inout JSONWriter, T) -> Void) {
        byte(0x5B)
        for (index, item) in items.enumerated() {
            if index > 0 { byte(0x2C) }
            element(&self, item)
        }
        byte(0x5D)
    }
}

extension JSONWriter {
    /// What has been written, as text.
    package var text: String { String(decoding: buffer.bytes, as: UTF8.self) }

    /// Writes a record's source part alone (for registry columns).
    package mutating func source(_ source: SourceRecord) {
        RecordCodec.encode(source, into: &self)
    }
}

extension JSONWriter {
    /// Attendance marks as a JSON array, in the shape `Codable` gives them.
    package mutating func attendance(_ days: [Attendance]) {
        array(days) { writer, day in
            var first = true
            writer.byte(0x7B)
            writer.key("day", first: &first)
            writer.string(day.day)
            writer.key("mark", first: &first)
            writer.string(day.mark)
            if let present = day.present {
                writer.key("present", first: &first)
                writer.bool(present)
            }
            writer.byte(0x7D)
        }
    }
}

extension JSONWriter {
    /// Field issues as a JSON array, in the shape `Codable` gives them.
    package mutating func issues(_ issues: [FieldIssue]) {
        array(issues) { writer, issue in
            var first = true
            writer.byte(0x7B)
            writer.key("code", first: &first)
            writer.string(issue.code)
            writer.key("field", first: &first)
            writer.string(issue.field)
            writer.key("message", first: &first)
            writer.string(issue.message)
            if let raw = issue.raw {
                writer.key("raw", first: &first)
                writer.string(raw)
            }
            writer.byte(0x7D)
        }
    }
}

extension JSONWriter {
    /// Match evidence as a JSON array, in the shape `Codable` gives it.
    package mutating func evidence(_ links: [MatchEvidence]) {
        array(links) { writer, link in
            var member = true
            writer.byte(0x7B)
            writer.key("other", first: &member)
            writer.string(link.other)
            writer.key("rule", first: &member)
            writer.string(link.rule)
            if let weights = link.weights {
                writer.key("weights", first: &member)
                writer.string(weights)
            }
            writer.byte(0x7D)
        }
    }
}
