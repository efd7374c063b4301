/// Checks that a byte stream is well-formed UTF-8, chunk by chunk, so the encoding of a
/// large file can be decided in one fast pass without holding the file.
struct UTF8Validator {
    private var pending = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    private(set) var isValid = true

    /// True when everything consumed so far is valid and no sequence is cut off.
    var isComplete: Bool { isValid && pending == 0 }

    mutating func consume(_ bytes: some Sequence<UInt8>) {
        guard isValid else { return }
        for byte in bytes {
            if pending > 0 {
                guard byte >= lower && byte <= upper else { isValid = false; return }
                pending -= 1
                lower = 0x80
                upper = 0xBF
                continue
            }
            switch byte {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: pending = 1
            case 0xE0: pending = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: pending = 2
            case 0xED: pending = 2; upper = 0x9F
            case 0xF0: pending = 3; lower = 0x90
            case 0xF1...0xF3: pending = 3
            case 0xF4: pending = 3; upper = 0x8F
            default: isValid = false; return
            }
        }
    }
}
