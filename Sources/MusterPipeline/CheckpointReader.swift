internal import Foundation
public import MusterCore

/// Reads a checkpoint (NDJSON of records) back in batches, streaming: memory holds one
/// chunk and one batch whatever the file's size.
public struct CheckpointReader {
    public let path: String
    public var batchSize: Int

    public init(path: String, batchSize: Int = 512) {
        self.path = path
        self.batchSize = batchSize
    }

    /// Calls `body` with each batch of records in file order.
    public func forEachBatch(_ body: (RecordBatch) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MusterError(.invalidCheckpoint, "cannot open the checkpoint", location: path)
        }
        defer { try? handle.close() }
        var pending = Data()
        var batch: RecordBatch = []
        var line = 0
        func decode(_ bytes: Data) throws {
            line += 1
            guard !bytes.isEmpty else { return }
            do {
                batch.append(try RecordCodec.decode(bytes))
            } catch {
                throw MusterError(.invalidCheckpoint, "line \(line) is not a record; the checkpoint is damaged or from another version", location: path, underlying: error)
            }
            if batch.count >= batchSize {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try decode(pending[start..<newline])
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { try decode(pending) }
        if !batch.isEmpty { try body(batch) }
    }
}
