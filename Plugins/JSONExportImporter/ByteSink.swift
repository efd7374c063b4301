import MusterCore

/// The compact form a ``RecordTape`` writes while it parses a record, in a class so that
/// copies of the tape share it. One parser owns it; ``bytes`` is valid until the next change.
final class ByteSink {
    /// One parser appends at a time and nothing else reaches the buffer while it does, so
    /// the run-time exclusivity check a class's stored `var` gets on each append is skipped.
    @exclusivity(unchecked) private var buffer = ByteBuffer(capacity: 4096)

    var bytes: UnsafeBufferPointer<UInt8> { buffer.bytes }

    func removeAll() {
        buffer.removeAll()
    }

    func append(_ run: UnsafeBufferPointer<UInt8>) {
        buffer.append(run)
    }

    func append(_ byte: UInt8) {
        buffer.append(byte)
    }
}
