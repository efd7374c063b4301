internal import Foundation
public import MusterCore

/// Reads a checkpoint back in batches, streaming: memory holds one chunk, one batch and, for
/// a checkpoint stored as patches over its base, the base records a stage emitted out of
/// order, whatever the file's size.
///
/// It reads every form a checkpoint takes: zstd-compressed or plain NDJSON (by the file's
/// first bytes, so an NDJSON file an operator made is read as it is), whole records or
/// patches over the previous stage's checkpoint (see ``CheckpointHeader``).
public struct CheckpointReader {
    public let path: String
    public var batchSize: Int

    public init(path: String, batchSize: Int = 512) {
        self.path = path
        self.batchSize = batchSize
    }

    /// Calls `body` with each batch of records in file order.
    public func forEachBatch(_ body: (RecordBatch) throws -> Void) throws {
        let records = try CheckpointRecords(path: path)
        var batch: RecordBatch = []
        batch.reserveCapacity(batchSize)
        while let record = try records.next() {
            batch.append(record)
            if batch.count >= batchSize {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch) }
    }
}

/// The records of one checkpoint file, patches applied to their base records.
final class CheckpointRecords {
    private let lines: CheckpointLines
    private let base: CheckpointRecords?
    /// Base records read ahead of the one a patch needed, by base ordinal.
    private var window: [Int: Record] = [:]
    /// The ordinal of the next record to read from the base.
    private var baseCursor = 0
    private var lastOrdinal = -1

    init(path: String) throws {
        lines = try CheckpointLines(path: path)
        base = try lines.header.map { try CheckpointRecords(path: CheckpointHeader.resolve($0.base, beside: path)) }
    }

    func next() throws -> Record? {
        let number = lines.lineNumber + 1
        let line: RecordCodec.Line?
        do {
            line = try lines.next { try RecordCodec.decodeLine($0) }
        } catch let error as RecordDecodingError {
            throw MusterError(
                .invalidCheckpoint, "line \(number) is not a record; the checkpoint is damaged or from another version", location: lines.path, underlying: error
            )
        }
        switch line {
        case nil:
            return nil
        case .record(let record):
            return record
        case .patch(let patch):
            guard let base else {
                throw MusterError(.invalidCheckpoint, "line \(number) is a patch but the checkpoint names no base", location: lines.path)
            }
            let ordinal = lastOrdinal + 1 + patch.skip
            lastOrdinal = ordinal
            var record = try base.record(at: ordinal, for: number, of: lines.path)
            do {
                try patch.apply(to: &record)
            } catch {
                throw MusterError(.invalidCheckpoint, "line \(number) is not a patch of a record", location: lines.path, underlying: error)
            }
            return record
        }
    }

    /// The base record at `ordinal`, reading ahead and keeping what it passes.
    private func record(at ordinal: Int, for line: Int, of path: String) throws -> Record {
        if let record = window.removeValue(forKey: ordinal) { return record }
        while baseCursor <= ordinal {
            guard let record = try next() else { break }
            defer { baseCursor += 1 }
            if baseCursor == ordinal { return record }
            window[baseCursor] = record
        }
        throw MusterError(.invalidCheckpoint, "line \(line) patches base record \(ordinal + 1), which its base does not hold", location: path)
    }
}
