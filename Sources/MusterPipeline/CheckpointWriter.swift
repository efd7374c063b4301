internal import Dispatch
internal import Foundation
internal import MusterCore

/// Writes one stage's output as NDJSON (one record per line), hashing as it goes. The file
/// is written under a `.partial` name and renamed when the stage completes, so a crashed
/// run never leaves a checkpoint that looks whole.
///
/// Encoding, hashing and writing happen on the writer's own serial queue, so on a
/// multi-core machine checkpoints cost the stages almost nothing; at most `inFlight`
/// batches wait there, so memory stays bounded when the disk is slower than the stages.
final class CheckpointWriter: @unchecked Sendable {
    // @unchecked: `failure` is guarded by `lock`; every other mutable property is touched
    // only on `queue`, a serial queue.
    let path: String
    private let handle: FileHandle
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private var hasher = FastHash()
    /// Seconds `write` spent waiting for a free slot; read and written on the caller's thread.
    private(set) var waitedSeconds = 0.0
    private var buffer = JSONWriter(capacity: 1 << 21)
    private let lock = NSLock()
    private var failure: MusterError?

    init(path: String, inFlight: Int = 4) throws(MusterError) {
        self.path = path
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw MusterError(.io, "cannot create the checkpoint", location: partial)
        }
        self.handle = handle
        self.queue = DispatchQueue(label: "muster.checkpoint." + (path as NSString).lastPathComponent)
        self.slots = DispatchSemaphore(value: inFlight)
    }

    /// Queues a batch for writing; waits only when `inFlight` batches are already queued.
    func write(_ batch: RecordBatch) throws(MusterError) {
        // Not `queue.sync`: that would wait for every batch still queued, and the stage
        // would no longer run while its checkpoint is written.
        if let failure = currentFailure { throw failure }
        if slots.wait(timeout: .now()) == .timedOut {
            let start = DispatchTime.now().uptimeNanoseconds
            slots.wait()
            waitedSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        queue.async {
            defer { self.slots.signal() }
            guard self.currentFailure == nil else { return }
            for record in batch { RecordCodec.encode(record, into: &self.buffer) }
            if self.buffer.bytes.count >= 1 << 20 { self.flush() }
        }
    }

    /// Completes the checkpoint and returns its hash (``FastHash``, 16 hex digits).
    func close() throws(MusterError) -> String {
        let result: Result<String, MusterError> = queue.sync {
            flush()
            if let failure = currentFailure { return .failure(failure) }
            do {
                try handle.close()
                if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
                try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
            } catch {
                return .failure(MusterError(.io, "cannot complete the checkpoint", location: path, underlying: error))
            }
            return .success(hasher.finalizeHex())
        }
        return try result.get()
    }

    /// Runs on `queue`.
    private func flush() {
        guard currentFailure == nil, !buffer.bytes.isEmpty else { return }
        hasher.update(buffer.bytes)
        do {
            try handle.write(contentsOf: buffer.bytes)
        } catch {
            let failure = MusterError(.io, "cannot write the checkpoint", location: path, underlying: error)
            lock.withLock { self.failure = failure }
        }
        buffer.bytes.removeAll(keepingCapacity: true)
    }

    private var currentFailure: MusterError? {
        lock.withLock { failure }
    }
}
