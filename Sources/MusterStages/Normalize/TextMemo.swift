internal import MusterCore

/// Remembers a value per text for lookups that repeat across records: places, sectors.
///
/// Direct-mapped: one cheap hash of the UTF-8 bytes picks a slot and a collision replaces
/// the older entry, so memory is fixed and a miss costs only the lookup it would have saved.
/// A `Dictionary` here hashed each text with seeded SipHash and, as a class's stored
/// property, paid a dynamic exclusivity check per access: more than the typo search it
/// spares, on a hit. Owned by one stage instance, used by one task.
final class TextMemo<Value> {
    private let mask: Int
    private let texts: UnsafeMutablePointer<String>
    private let values: UnsafeMutablePointer<Value?>

    /// `slots` is rounded up to a power of two.
    init(slots: Int = 4096) {
        var count = 1
        while count < slots { count <<= 1 }
        mask = count - 1
        texts = .allocate(capacity: count)
        texts.initialize(repeating: "", count: count)
        values = .allocate(capacity: count)
        values.initialize(repeating: nil, count: count)
    }

    deinit {
        texts.deinitialize(count: mask + 1)
        texts.deallocate()
        values.deinitialize(count: mask + 1)
        values.deallocate()
    }

    /// The value remembered for `text`, else `make()`'s, remembered.
    func value(for text: String, orMake make: () -> Value) -> Value {
        let slot = Self.hash(text) & mask
        if let value = values[slot], texts[slot] == text { return value }
        let value = make()
        texts[slot] = text
        values[slot] = value
        return value
    }

    /// ``FastHash/of(_:)`` over the UTF-8 bytes, folded.
    private static func hash(_ text: String) -> Int {
        let hash = FastHash.of(text)
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
