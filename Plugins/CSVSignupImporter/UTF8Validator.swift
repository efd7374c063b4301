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
        let handled: Void? = bytes.withContiguousStorageIfAvailable { consume(buffer: $0) }
        if handled == nil { consume(sequence: bytes) }
    }

    /// Contiguous bytes: runs of ASCII are skipped eight bytes at a time, the rest goes
    /// through the byte-wise state machine.
    private mutating func consume(buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        let count = buffer.count
        var index = 0
        while index < count {
            if pending == 0 {
                while index + 8 <= count,
                    UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                while index < count, base[index] < 0x80 { index += 1 }
                guard index < count else { return }
            }
            step(base[index])
            guard isValid else { return }
            index += 1
        }
    }

    private mutating func consume(sequence bytes: some Sequence<UInt8>) {
        for byte in bytes {
            step(byte)
            guard isValid else { return }
        }
    }

    @inline(__always)
    private mutating func step(_ byte: UInt8) {
        if pending > 0 {
            guard byte >= lower && byte <= upper else {
                isValid = false
                return
            }
            pending -= 1
            lower = 0x80
            upper = 0xBF
            return
        }
        switch byte {
        case 0x00...0x7F: return
        case 0xC2...0xDF: pending = 1
        case 0xE0:
            pending = 2
            lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: pending = 2
        case 0xED:
            pending = 2
            upper = 0x9F
        case 0xF0:
            pending = 3
            lower = 0x90
        case 0xF1...0xF3: pending = 3
        case 0xF4:
            pending = 3
            upper = 0x8F
        default:
            isValid = false
            return
        }
    }
}
