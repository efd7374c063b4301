import MusterCore

/// The compact JSON text of an element of a JSON document: the bytes its content hash is
/// taken over, so the same record gives the same hash however the export was indented.
///
/// Numbers keep their literal text; strings are re-escaped minimally (`"`, `\`, control
/// characters). An element without backslashes is its raw text minus whitespace
/// (``compact(raw:into:)``, the fast path); one with escapes is written back from its value.
enum CompactJSON {
    static func bytes(of value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, into: &output)
        return output
    }

    /// The compact form straight from a value's raw text: whitespace outside strings
    /// dropped. The same bytes as ``bytes(of:)`` of the parsed value as long as the text
    /// has no backslash (an escape may be written back differently); false when it has one,
    /// and `output` is then incomplete.
    static func compact(raw: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        var inString = false
        var runStart = 0
        var index = 0
        let count = raw.count
        output.reserveCapacity(count)
        while index < count {
            let byte = raw[index]
            if byte == UInt8(ascii: "\\") { return false }
            if byte == UInt8(ascii: "\"") {
                inString.toggle()
            } else if !inString && (byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: raw[runStart..<index]))
                runStart = index + 1
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: raw[runStart..<count]))
        return true
    }

    static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null: output += Array("null".utf8)
        case .bool(let flag): output += Array((flag ? "true" : "false").utf8)
        case .number(let literal): output += Array(literal.utf8)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output += [UInt8(ascii: "\\"), byte]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case ..<0x20:
                output += Array("\\u00".utf8)
                output += [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
