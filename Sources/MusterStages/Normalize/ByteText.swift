/// Small UTF-8 helpers for the hot paths: building strings without intermediate arrays and
/// packing short words into integers, so table lookups hash 8 bytes instead of a String.
enum ByteText {
    /// A string of at most `capacity` UTF-8 bytes written by `body`, which returns the count.
    @inline(__always)
    static func string(capacity: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) -> String {
        String(unsafeUninitializedCapacity: max(capacity, 1), initializingUTF8With: body)
    }

    /// The word's letters and digits, case-folded, six bits each: up to 10 of them; dots,
    /// apostrophes and hyphens are skipped (`S.Pd.` = `spd`). nil for a longer word or one
    /// with other characters.
    @inline(__always)
    static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64? {
        var key: UInt64 = 0
        var count = 0
        for byte in bytes {
            let code: UInt64
            switch byte {
            case 0x61...0x7A: code = UInt64(byte - 0x61 + 1)
            case 0x41...0x5A: code = UInt64(byte - 0x41 + 1)
            case 0x30...0x39: code = UInt64(byte - 0x30 + 27)
            case 0x2E, 0x27, 0x2D: continue
            default: return nil
            }
            count += 1
            if count > 10 { return nil }
            key = key << 6 | code
        }
        return count == 0 ? nil : key
    }

    static func pack(_ text: String) -> UInt64? { pack(text.utf8) }

    /// Whether every UTF-8 byte of `text` passes `test`, checked over the contiguous bytes:
    /// stepping through `String.UTF8View` costs several times more per byte.
    @inline(__always)
    static func all(_ text: String, _ test: (UInt8) -> Bool) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(test) } ?? text.utf8.allSatisfy(test)
    }

    /// Whether any UTF-8 byte of `text` passes `test` (see ``all(_:_:)``).
    @inline(__always)
    static func any(_ text: String, _ test: (UInt8) -> Bool) -> Bool {
        !all(text) { !test($0) }
    }

    /// Runs `body` over the UTF-8 bytes of two strings, without copying them (a native
    /// string's bytes are contiguous already).
    @inline(__always)
    static func withBytes<R>(_ a: String, _ b: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        var a = a
        var b = b
        return a.withUTF8 { left in b.withUTF8 { right in body(left, right) } }
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
}
