internal import Dispatch
internal import Foundation
internal import MusterCore
#if canImport(Glibc)
internal import Glibc
#endif

/// Writes one stage's output as NDJSON (one record per line), hashing as it goes. The file
/// is written under a `.partial` name and renamed when the stage completes, so a crashed
/// run never leaves a checkpoint that looks whole.
///
/// Encoding, hashing and writing happen on the writer's own thread, so checkpoints cost the
/// stages little; at most `inFlight` batches wait for it, so memory stays bounded when the
/// disk is slower than the stages. On Linux that thread runs at a lower priority (nice 10):
/// a checkpoint is never on a run's critical path, and with every core busy it should take
/// the time the stages leave, not an equal share of it.
final class CheckpointWriter: @unchecked Sendable {
    // @unchecked: `pending`, `closing` and `failure` are guarded by `condition`; `hasher`
    // and `buffer` belong to the writer's thread until `close` has waited for it to end;
    // `waitedSeconds` belongs to the caller's thread.
    let path: String
    private let handle: FileHandle
    private let inFlight: Int
    private let condition = NSCondition()
    private var pending: [RecordBatch] = []
    private var closing = false
    private var failure: MusterError?
    private let finished = DispatchSemaphore(value: 0)
    private var hasher = FastHash()
    private var buffer = JSONWriter(capacity: 1 << 21)
    /// Seconds `write` spent waiting for a free slot.
    private(set) var waitedSeconds = 0.0

    init(path: String, inFlight: Int = 4) throws(MusterError) {
        self.path = path
        self.inFlight = inFlight
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw MusterError(.io, "cannot create the checkpoint", location: partial)
        }
        self.handle = handle
        let thread = Thread { [self] in drain() }
        thread.name = "muster.checkpoint"
        thread.start()
    }

    /// Hands a batch to the writer's thread; waits only when `inFlight` batches already wait.
    func write(_ batch: RecordBatch) throws(MusterError) {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        if pending.count >= inFlight {
            let start = DispatchTime.now().uptimeNanoseconds
            while pending.count >= inFlight, failure == nil { condition.wait() }
            waitedSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        pending.append(batch)
        condition.broadcast()
    }

    /// Completes the checkpoint and returns its hash (``FastHash``, 16 hex digits).
    func close() throws(MusterError) -> String {
        condition.lock()
        closing = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
        flush()
        if let failure { throw failure }
        do {
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
        } catch {
            throw MusterError(.io, "cannot complete the checkpoint", location: path, underlying: error)
        }
        return hasher.finalizeHex()
    }

    /// The writer's thread: encodes batches in order until `close` and nothing is left.
    private func drain() {
        #if os(Linux)
        // `who` 0 is the calling thread: Linux keeps a nice value per thread.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
        while true {
            condition.lock()
            while pending.isEmpty, !closing { condition.wait() }
            guard !pending.isEmpty else {
                condition.unlock()
                break
            }
            let batch = pending.removeFirst()
            let failed = failure != nil
            condition.broadcast()
            condition.unlock()
            guard !failed else { continue }
            for record in batch { RecordCodec.encode(record, into: &buffer) }
            if buffer.count >= 1 << 20 { flush() }
        }
        finished.signal()
    }

    /// Runs on the writer's thread, or on the caller's once that thread has ended.
    private func flush() {
        guard buffer.count > 0 else { return }
        condition.lock()
        let failed = failure != nil
        condition.unlock()
        guard !failed else { return }
        do {
            try buffer.withBytes { bytes in
                hasher.update(bytes)
                try handle.write(contentsOf: bytes)
            }
        } catch {
            condition.lock()
            failure = MusterError(.io, "cannot write the checkpoint", location: path, underlying: error)
            condition.broadcast()
            condition.unlock()
        }
        buffer.removeAll()
    }
}
