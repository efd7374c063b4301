/// SHA-256 (FIPS 180-4), for record content hashes and checkpoint hashes.
///
/// Foundation on Linux has no CryptoKit and swift-crypto would cost a minute of every
/// clean build for one function, so the project carries this small implementation,
/// tested against the standard vectors.
public struct SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
    private var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19
    /// Bytes of an unfinished block carried between `update` calls (always fewer than 64).
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    /// The hex digest of `bytes` in one call; contiguous input (arrays, slices, buffers) is
    /// hashed in place without touching the heap, bar the returned string.
    public static func hex(of bytes: some Collection<UInt8>) -> String {
        if let digest = bytes.withContiguousStorageIfAvailable({ digestHex(of: UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    public static func hex(of text: String) -> String {
        var text = text
        return text.withUTF8 { digestHex(of: UnsafeRawBufferPointer($0)) }
    }

    private static func digestHex(of buffer: UnsafeRawBufferPointer) -> String {
        var hasher = SHA256()
        let whole = buffer.count & ~63
        hasher.compress(blocks: UnsafeRawBufferPointer(rebasing: buffer[0..<whole]))
        hasher.length = UInt64(buffer.count)
        return hasher.finish(tail: UnsafeRawBufferPointer(rebasing: buffer[whole...]))
    }

    public mutating func update(_ bytes: some Collection<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { absorb(UnsafeRawBufferPointer($0)) }
        if handled == nil {
            Array(bytes).withUnsafeBytes { absorb($0) }
        }
    }

    /// Fills the pending block first, then compresses whole blocks straight from the input.
    private mutating func absorb(_ buffer: UnsafeRawBufferPointer) {
        length &+= UInt64(buffer.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: buffer[0..<take])
            offset = take
            guard pending.count == 64 else { return }
            let block = pending
            block.withUnsafeBytes { compress(blocks: $0) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = (buffer.count - offset) & ~63
        compress(blocks: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + whole]))
        pending.append(contentsOf: buffer[(offset + whole)...])
    }

    public mutating func finalizeHex() -> String {
        let tail = pending
        return tail.withUnsafeBytes { finish(tail: $0) }
    }

    /// Pads `tail` (the last, partial block; `length` already counts it) and returns the digest.
    private mutating func finish(tail: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { block in
            let total = tail.count < 56 ? 64 : 128
            block.initializeMemory(as: UInt8.self, repeating: 0)
            if let source = tail.baseAddress { block.baseAddress?.copyMemory(from: source, byteCount: tail.count) }
            block[tail.count] = 0x80
            block.storeBytes(of: (length &* 8).bigEndian, toByteOffset: total - 8, as: UInt64.self)
            compress(blocks: UnsafeRawBufferPointer(rebasing: block[0..<total]))
        }
        let words = [h0, h1, h2, h3, h4, h5, h6, h7]
        return String(unsafeUninitializedCapacity: 64) { out in
            for (index, word) in words.enumerated() {
                for nibble in 0..<8 {
                    let value = UInt8(truncatingIfNeeded: word &>> UInt32(28 - 4 * nibble)) & 0x0F
                    out[index * 8 + nibble] = value < 10 ? 0x30 + value : 0x57 + value
                }
            }
            return 64
        }
    }

    /// Runs the compression function over whole 64-byte blocks, with the message schedule
    /// on the stack and the working state in locals.
    private mutating func compress(blocks: UnsafeRawBufferPointer) {
        guard blocks.count >= 64, let base = blocks.baseAddress else { return }
        Self.k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                var offset = 0
                while offset + 64 <= blocks.count {
                    for i in 0..<16 {
                        w[i] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: offset + 4 * i, as: UInt32.self))
                    }
                    for i in 16..<64 {
                        let x = w[i - 15], y = w[i - 2]
                        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3)
                        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y &>> 10)
                        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                    }
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    for i in 0..<64 {
                        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                        let choice = (e & f) ^ (~e & g)
                        let t1 = h &+ s1 &+ choice &+ k[i] &+ w[i]
                        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        let t2 = s0 &+ majority
                        h = g; g = f; f = e; e = d &+ t1
                        d = c; c = b; b = a; a = t1 &+ t2
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                    offset += 64
                }
            }
        }
    }

    @inline(__always)
    private func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 { value &>> count | value &<< (32 &- count) }
}
