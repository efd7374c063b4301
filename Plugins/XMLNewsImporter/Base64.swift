/// Decoding of Atom 0.3 `mode="base64"` text constructs, without Foundation.
enum Base64 {
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    /// The text `encoded` stands for, or nil when it is not base64 of valid UTF-8 (the raw
    /// value is then kept). Whitespace is ignored; `=` padding ends the data.
    static func decode(_ encoded: String) -> String? {
        var bytes: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in encoded.utf8 {
            if byte == UInt8(ascii: "=") { break }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            let value = values[Int(byte)]
            guard value != 0xFF else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
