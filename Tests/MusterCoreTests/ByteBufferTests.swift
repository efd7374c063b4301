import MusterCore
import Testing

@Suite struct ByteBufferTests {
    /// Bytes and runs of every length, across many growths and a restart, must read back
    /// exactly as an array holding the same appends.
    @Test func holdsWhatWasAppendedAcrossGrowth() {
        var buffer = ByteBuffer(capacity: 1)
        var reference: [UInt8] = []
        for round in 0..<2 {
            for length in 0..<300 {
                let run = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ length &+ round) }
                run.withUnsafeBufferPointer { buffer.append($0) }
                reference += run
                buffer.append(UInt8(length & 0xFF))
                reference.append(UInt8(length & 0xFF))
            }
            let count = buffer.count
            #expect(count == reference.count)
            let bytes = Array(buffer.bytes)
            #expect(bytes == reference)
            let viewed = buffer.withBytes { Array($0) }
            #expect(viewed == reference)
            buffer.removeAll()
            reference.removeAll()
            let isEmpty = buffer.isEmpty
            #expect(isEmpty)
        }
    }
}
