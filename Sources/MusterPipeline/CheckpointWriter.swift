internal import Foundation
internal import MusterCore

/// Writes one stage's output as NDJSON (one record per line), hashing as it goes. The file
/// is written under a `.partial` name and renamed when the stage completes, so a crashed
/// run never leaves a checkpoint that looks whole.
final class CheckpointWriter {
    let path: String
    private let handle: FileHandle
    private var hasher = SHA256()
    private var buffer = JSONWriter(capacity: 1 << 21)

    init(path: String) throws(MusterError) {
        self.path = path
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw MusterError(.io, "cannot create the checkpoint", location: partial)
        }
        self.handle = handle
    }

    func write(_ batch: RecordBatch) throws(MusterError) {
        for record in batch { RecordCodec.encode(record, into: &buffer) }
        if buffer.bytes.count >= 1 << 20 { try flush() }
    }

    /// Completes the checkpoint and returns its SHA-256.
    func close() throws(MusterError) -> String {
        do {
            try flush()
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
        } catch let error as MusterError {
            throw error
        } catch {
            throw MusterError(.io, "cannot complete the checkpoint", location: path, underlying: error)
        }
        return hasher.finalizeHex()
    }

    private func flush() throws(MusterError) {
        guard !buffer.bytes.isEmpty else { return }
        hasher.update(buffer.bytes)
        do {
            try handle.write(contentsOf: buffer.bytes)
        } catch {
            throw MusterError(.io, "cannot write the checkpoint", location: path, underlying: error)
        }
        buffer.bytes.removeAll(keepingCapacity: true)
    }
}
