/// A fixed table keyed by packed words (``ByteText/pack(_:)``), for the title, particle and
/// Muhammad lookups made for every token of every name.
///
/// Swift's `Dictionary` hashes each `UInt64` key with seeded SipHash, which costs more than the
/// rest of a name's tokenizing; a packed word is already a well-spread number, so one multiply
/// picks the slot here. Open addressing, at most half full, built once and only read after.
struct PackedKeyTable<Value: Sendable>: Sendable {
    private let keys: [UInt64]
    private let values: [Value?]
    private let shift: UInt64

    init(_ entries: [UInt64: Value]) {
        var bits: UInt64 = 3
        while 1 << bits < 2 * entries.count { bits += 1 }
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var values = [Value?](repeating: nil, count: 1 << bits)
        shift = 64 - bits
        for (key, value) in entries where key != 0 {
            var slot = Self.slot(key, shift: shift)
            while keys[slot] != 0 { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
    }

    subscript(key: UInt64) -> Value? {
        var slot = Self.slot(key, shift: shift)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}

extension PackedKeyTable where Value == Bool {
    /// A set of packed words.
    init(members: some Sequence<UInt64>) {
        self.init(Dictionary(members.map { ($0, true) }, uniquingKeysWith: { first, _ in first }))
    }

    func contains(_ key: UInt64) -> Bool { self[key] != nil }
}
