/// Appends JSON text to a byte buffer: the small, fast writer behind checkpoints and
/// registry columns (Foundation's JSONEncoder costs several microseconds per record).
public struct JSONWriter {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always) mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A JSON string literal, escaping quotes, backslashes and control characters.
    public mutating func string(_ text: String) {
        byte(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let value = utf8[index]
                guard value < 0x20 || value == 0x22 || value == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch value {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                default:
                    raw("\\u00")
                    let digits: [UInt8] = Array("0123456789abcdef".utf8)
                    byte(digits[Int(value >> 4)])
                    byte(digits[Int(value & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        byte(0x22)
    }

    public mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// `{"k": "v", …}` with keys in sorted order, so equal dictionaries give equal bytes.
    public mutating func object(_ dictionary: [String: String]) {
        byte(0x7B)
        var first = true
        for key in dictionary.keys.sorted() {
            if !first { byte(0x2C) }
            first = false
            string(key)
            byte(0x3A)
            string(dictionary[key] ?? "")
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
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Writes a record's source part alone (for registry columns).
    public mutating func source(_ source: SourceRecord) {
        RecordCodec.encode(source, into: &self)
    }
}

extension JSONWriter {
    /// Attendance marks as a JSON array, in the shape `Codable` gives them.
    public mutating func attendance(_ days: [Attendance]) {
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
    public mutating func issues(_ issues: [FieldIssue]) {
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
    public mutating func evidence(_ links: [MatchEvidence]) {
        array(links) { writer, link in
            var member = true
            writer.byte(0x7B)
            writer.key("other", first: &member)
            writer.string(link.other)
            writer.key("rule", first: &member)
            writer.string(link.rule)
            writer.byte(0x7D)
        }
    }
}
