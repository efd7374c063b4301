/// Turns UTF-16 chunks into UTF-8 for libcsv, carrying a split code unit or surrogate pair
/// across chunk boundaries.
///
/// A unit that is not valid UTF-16 (a lone surrogate, an odd last byte) becomes the byte
/// 0xFF, which is never valid UTF-8: the field holding it is then rejected by the UTF-8
/// check like any other bad field, instead of being repaired into U+FFFD.
struct UTF16Transcoder {
    static let invalidByte: UInt8 = 0xFF

    let bigEndian: Bool
    private var carry: UInt8?
    private var highSurrogate: UInt16?

    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    mutating func transcode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        if let first = carry {
            guard let second = iterator.next() else { return output }
            carry = nil
            append(unit(first, second), to: &output)
        }
        while let first = iterator.next() {
            guard let second = iterator.next() else {
                carry = first
                break
            }
            append(unit(first, second), to: &output)
        }
        return output
    }

    /// Flushes what is left at the end of the file.
    mutating func finish() -> [UInt8] {
        var output: [UInt8] = []
        if highSurrogate != nil { output.append(Self.invalidByte) }
        if carry != nil { output.append(Self.invalidByte) }
        highSurrogate = nil
        carry = nil
        return output
    }

    private func unit(_ first: UInt8, _ second: UInt8) -> UInt16 {
        bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
    }

    private mutating func append(_ unit: UInt16, to output: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                if let scalar = Unicode.Scalar(value) { UTF8.encode(scalar) { output.append($0) } }
                return
            }
            output.append(Self.invalidByte)
        }
        switch unit {
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: output.append(Self.invalidByte)
        default:
            if let scalar = Unicode.Scalar(unit) { UTF8.encode(scalar) { output.append($0) } }
        }
    }
}
