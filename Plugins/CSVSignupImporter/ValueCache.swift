#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Shares one `String` among the cells of a column that hold the same bytes: a kecamatan,
/// a gender, `Ya`/`Belum`, a sector. A repeated value then costs a lookup instead of a scan
/// and a new string (past 15 bytes, an allocation, and later a release of it per record).
///
/// Per column, a small direct-mapped table of recent values keyed by the cell's raw bytes:
/// equal bytes give an equal value, already checked and trimmed. A column whose values
/// rarely repeat (names, NIKs, timestamps) stops being looked up once its first
/// ``trialLookups`` cells show it, so it costs little more than before.
///
/// Owned by one ``RowMapper``, used by one task.
final class ValueCache {
    static let slotsPerColumn = 64
    /// Longer cells (addresses, remarks) are not cached.
    static let maximumLength = 48
    static let trialLookups = 1024

    // Raw storage rather than arrays held in `var`s: a class's stored arrays would pay a
    // dynamic exclusivity check on every access, which cost more than the cache saved.
    private let slotCount: Int
    private let values: UnsafeMutablePointer<String>
    /// The raw bytes of each slot's value, `maximumLength` apart.
    private let keys: UnsafeMutablePointer<UInt8>
    /// Each slot's key length; -1 for an empty slot.
    private let lengths: UnsafeMutablePointer<Int>
    /// Per column: lookups, hits, and whether it is still looked up (nonzero).
    private let counts: UnsafeMutablePointer<(lookups: Int, hits: Int, enabled: Bool)>

    init(columnCount: Int) {
        slotCount = max(1, columnCount * Self.slotsPerColumn)
        values = .allocate(capacity: slotCount)
        values.initialize(repeating: "", count: slotCount)
        keys = .allocate(capacity: slotCount * Self.maximumLength)
        lengths = .allocate(capacity: slotCount)
        lengths.initialize(repeating: -1, count: slotCount)
        counts = .allocate(capacity: max(1, columnCount))
        counts.initialize(repeating: (0, 0, true), count: max(1, columnCount))
    }

    deinit {
        values.deinitialize(count: slotCount)
        values.deallocate()
        keys.deallocate()
        lengths.deallocate()
        counts.deallocate()
    }

    /// The value of `cell` in `column`: the cached one when the same bytes were seen
    /// recently, else `make()`'s, remembered for next time.
    func value<Failure: Error>(
        column: Int, cell: UnsafeBufferPointer<UInt8>, make: () throws(Failure) -> String
    ) throws(Failure) -> String {
        guard counts[column].enabled, cell.count <= Self.maximumLength, let base = cell.baseAddress else { return try make() }
        let slot = column * Self.slotsPerColumn + Self.slot(base, cell.count)
        let key = keys + slot * Self.maximumLength
        counts[column].lookups += 1
        if lengths[slot] == cell.count, memcmp(key, base, cell.count) == 0 {
            counts[column].hits += 1
            return values[slot]
        }
        if counts[column].lookups >= Self.trialLookups, counts[column].hits * 2 < counts[column].lookups {
            counts[column].enabled = false
        }
        let value = try make()
        key.update(from: base, count: cell.count)
        lengths[slot] = cell.count
        values[slot] = value
        return value
    }

    /// A slot from the length and the first and last (up to) eight bytes.
    private static func slot(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(count) &* multiplier
        if count >= 8 {
            hash = (hash ^ UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)) &* multiplier
            hash = (hash ^ UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self)) &* multiplier
        } else {
            for index in 0..<count { hash = (hash ^ UInt64(base[index])) &* multiplier }
        }
        return Int(truncatingIfNeeded: hash >> 58)
    }
}
