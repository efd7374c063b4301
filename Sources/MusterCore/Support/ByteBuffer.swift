/// A growable byte buffer written through a pointer: an append is one capacity check and
/// one copy, without an array's uniqueness check and generic copy. Writers that append a
/// few bytes at a time, many times per record (``JSONWriter``, the JSON importer's compact
/// form, the generator's files), share it.
///
/// Not copyable, so a buffer has one owner; code that must share one across copies holds
/// it in a class. ``bytes`` is valid until the next change.
package struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far.
    package private(set) var count = 0

    /// Room for `capacity` bytes (at least 16) before the first growth.
    package init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    package var isEmpty: Bool { count == 0 }

    /// What has been written, without a copy; valid until the next change.
    package var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// What has been written, without a copy, for the length of `body`.
    package func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Starts again, keeping the memory.
    package mutating func removeAll() { count = 0 }

    @inline(__always)
    package mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    package mutating func append(_ start: UnsafePointer<UInt8>, count length: Int) {
        if count + length > capacity { grow(to: count + length) }
        (base + count).update(from: start, count: length)
        count += length
    }

    @inline(__always)
    package mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let start = run.baseAddress else { return }
        append(start, count: run.count)
    }

    /// Doubles the capacity until `needed` bytes fit.
    private mutating func grow(to needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
