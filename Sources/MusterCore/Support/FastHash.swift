/// A fast 64-bit hash for checkpoint integrity: it tells a damaged or changed checkpoint from
/// the one the manifest describes at memory speed, where SHA-256 in Swift (~170 MB/s) was
/// the slowest part of writing five checkpoints. Not cryptographic: it guards against
/// accidents, not tampering.
///
/// Eight bytes at a time: each word is mixed with a 128-bit multiply and folded in
/// (the construction of wyhash's mixer); the tail and the length go in last.
package struct FastHash {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var length: UInt64 = 0
    private var carry: [UInt8] = []

    package init() {}

    package mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    package mutating func update(_ raw: UnsafeRawBufferPointer) {
        length &+= UInt64(raw.count)
        var offset = 0
        if !carry.isEmpty {
            offset = min(8 - carry.count, raw.count)
            carry += raw[..<offset]
            guard carry.count == 8 else { return }
            mix(word(carry[...]))
            carry.removeAll(keepingCapacity: true)
        }
        while raw.count - offset >= 8 {
            mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        carry += raw[offset...]
    }

    /// The hash as 16 hex digits.
    package mutating func finalizeHex() -> String {
        if !carry.isEmpty { mix(word(carry[...])) }
        mix(length)
        let value = Self.fold(state, 0x2D35_8DCC_AA6C_78A5)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private mutating func mix(_ word: UInt64) {
        state = Self.fold(state ^ word, 0xE703_7ED1_A0B4_28DB)
    }

    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    private func word(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for (index, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
        return value
    }
}

extension FastHash {
    /// The same mixer over a short text's UTF-8 bytes in one call, for per-record keys where
    /// setting up a hasher costs more than hashing: the runner's key checksums (eight per
    /// record), normalize's memo slots. Eight bytes per multiply, where a byte-at-a-time
    /// hash (FNV-1a) needed one multiply per byte in a dependent chain.
    package static func of(_ text: String) -> UInt64 {
        func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            let raw = UnsafeRawBufferPointer(bytes)
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            var offset = 0
            while raw.count - offset >= 8 {
                state = fold(state ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), 0xE703_7ED1_A0B4_28DB)
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail |= UInt64(raw[index]) << (8 * UInt64(index - offset)) }
            state = fold(state ^ tail, 0xE703_7ED1_A0B4_28DB)
            return fold(state ^ UInt64(raw.count), 0x2D35_8DCC_AA6C_78A5)
        }
        return text.utf8.withContiguousStorageIfAvailable(hash) ?? Array(text.utf8).withUnsafeBufferPointer(hash)
    }
}
