/// Checks that a byte stream is well-formed UTF-8, chunk by chunk, so the encoding of a
/// large file can be decided in one fast pass without holding the file.
///
/// By default it stops at the first invalid byte. `tallying` reads on to the end instead,
/// counting the multi-byte characters and the invalid sequences, so that a UTF-8 file
/// with a stray byte pasted in from elsewhere can be told from a Windows-1252 file.
struct UTF8Validator {
    private var pending = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    private let tallying: Bool
    /// Bytes consumed before the current chunk.
    private var consumed = 0
    /// Complete multi-byte characters read so far.
    private(set) var multibyteCharacters = 0
    /// Invalid sequences found so far (only the first unless `tallying`).
    private(set) var invalidSequences = 0
    /// The byte that broke the first invalid sequence (a stray lead byte's successor, or the
    /// stray byte itself), counted from the first consumed: on the same line as the fault,
    /// since a line break always ends a sequence.
    private(set) var firstInvalidOffset: Int?

    init(tallying: Bool = false) {
        self.tallying = tallying
    }

    var isValid: Bool { invalidSequences == 0 }

    /// True when everything consumed so far is valid and no sequence is cut off.
    var isComplete: Bool { isValid && pending == 0 }

    mutating func consume(_ bytes: some Sequence<UInt8>) {
        guard isValid || tallying else { return }
        let handled: Void? = bytes.withContiguousStorageIfAvailable { consume(buffer: $0) }
        if handled == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { consume(buffer: $0) }
        }
    }

    /// Runs of ASCII are skipped eight bytes at a time, the rest goes through the byte-wise
    /// state machine.
    private mutating func consume(buffer: UnsafeBufferPointer<UInt8>) {
        defer { consumed += buffer.count }
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
            if !step(base[index]) {
                if firstInvalidOffset == nil { firstInvalidOffset = consumed + index }
                guard tallying else { return }
            }
            index += 1
        }
    }

    /// Reads one byte; false when it ends a sequence as invalid. A byte that breaks off a
    /// sequence is read again as the start of the next one, as a decoder resynchronizes.
    @inline(__always)
    private mutating func step(_ byte: UInt8) -> Bool {
        if pending > 0 {
            if byte >= lower && byte <= upper {
                pending -= 1
                lower = 0x80
                upper = 0xBF
                if pending == 0 { multibyteCharacters += 1 }
                return true
            }
            pending = 0
            lower = 0x80
            upper = 0xBF
            invalidSequences += 1
            if byte < 0x80 { return false }
            _ = start(byte)
            return false
        }
        return start(byte)
    }

    @inline(__always)
    private mutating func start(_ byte: UInt8) -> Bool {
        guard let sequence = Self.sequence(startingWith: byte) else {
            invalidSequences += 1
            return false
        }
        (pending, lower, upper) = sequence
        return true
    }

    /// What a lead byte starts, as Unicode defines well-formed UTF-8: how many continuation
    /// bytes follow and the range the first of them must lie in (the later ones 0x80…0xBF);
    /// nil for a byte no sequence starts with. ASCII starts a sequence of one byte.
    @inline(__always)
    static func sequence(startingWith lead: UInt8) -> (continuations: Int, lower: UInt8, upper: UInt8)? {
        switch lead {
        case 0x00...0x7F: (0, 0x80, 0xBF)
        case 0xC2...0xDF: (1, 0x80, 0xBF)
        case 0xE0: (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (2, 0x80, 0xBF)
        case 0xED: (2, 0x80, 0x9F)
        case 0xF0: (3, 0x90, 0xBF)
        case 0xF1...0xF3: (3, 0x80, 0xBF)
        case 0xF4: (3, 0x80, 0x8F)
        default: nil
        }
    }
}
