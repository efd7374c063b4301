internal import Dispatch
internal import Foundation
internal import MusterCore

#if canImport(Glibc)
internal import Glibc
#endif

/// Writes one stage's output as zstd-compressed NDJSON (one record per line), hashing the
/// bytes it stores. The file is written under a `.partial` name and renamed when the stage
/// completes, so a crashed run never leaves a checkpoint that looks whole.
///
/// With a base (the previous stage's checkpoint in the same run), a record whose input
/// record is known is stored as a patch: only the members the stage changed (see
/// ``RecordCodec/encodePatch(_:over:skip:into:)``).
///
/// Encoding, hashing and writing happen on the writer's own thread, so checkpoints cost the
/// stages little; at most `inFlight` batches wait for it, so memory stays bounded when the
/// disk is slower than the stages. On Linux that thread runs at a lower priority (nice 10):
/// a checkpoint is never on a run's critical path, and with every core busy it should take
/// the time the stages leave, not an equal share of it.
final class CheckpointWriter: @unchecked Sendable {
    // @unchecked: `pending`, `closing` and `failure` are guarded by `condition`; `hasher`,
    // `buffer`, `compressor`, `lastOrdinal` and `bytes` belong to the writer's thread until
    // `close` has waited for it to end; `waitedSeconds` belongs to the caller's thread.

    /// A record's input record in the base checkpoint, by its place there.
    typealias Base = (ordinal: Int, record: Record)

    let path: String
    /// The base checkpoint's file name, when this one stores patches.
    let base: String?
    private let handle: FileHandle
    private let inFlight: Int
    private let condition = NSCondition()
    private var pending: [(batch: RecordBatch, bases: [Base?]?)] = []
    private var closing = false
    private var failure: MusterError?
    private let finished = DispatchSemaphore(value: 0)
    private var hasher = FastHash()
    private var buffer = JSONWriter(capacity: 1 << 21)
    private let compressor: ZstdCompressor
    private var lastOrdinal = -1
    /// Bytes stored, after compression.
    private(set) var bytes = 0
    /// Seconds `write` spent waiting for a free slot.
    private(set) var waitedSeconds = 0.0

    init(path: String, base: String? = nil, inFlight: Int = 4) throws(MusterError) {
        self.path = path
        self.base = base
        self.inFlight = inFlight
        compressor = try ZstdCompressor()
        if let base { RecordCodec.encodeHeader(base: base, into: &buffer) }
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw MusterError(.io, "the checkpoint cannot be created: \(String(cString: strerror(errno)))", location: partial)
        }
        self.handle = handle
        let thread = Thread { [self] in drain() }
        thread.name = "muster.checkpoint"
        thread.start()
    }

    /// Hands a batch to the writer's thread; waits only when `inFlight` batches already wait.
    /// `bases`, when given, holds each record's input record (nil where it is not known).
    func write(_ batch: RecordBatch, bases: [Base?]? = nil) throws(MusterError) {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        if pending.count >= inFlight {
            let start = DispatchTime.now().uptimeNanoseconds
            while pending.count >= inFlight, failure == nil { condition.wait() }
            waitedSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        pending.append((batch, bases))
        condition.broadcast()
    }

    /// Completes the checkpoint and returns its hash (``FastHash``, 16 hex digits).
    func close() throws(MusterError) -> String {
        condition.lock()
        closing = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
        flush(end: true)
        condition.lock()
        let failure = failure
        condition.unlock()
        if let failure { throw failure }
        do {
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
        } catch {
            throw StorageError.write(error, path: path, what: "the checkpoint")
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
            let (batch, bases) = pending.removeFirst()
            let failed = failure != nil
            condition.broadcast()
            condition.unlock()
            guard !failed else { continue }
            encode(batch, bases: bases)
            if buffer.count >= 1 << 20 { flush(end: false) }
        }
        finished.signal()
    }

    private func encode(_ batch: RecordBatch, bases: [Base?]?) {
        guard let bases else {
            for record in batch { RecordCodec.encode(record, into: &buffer) }
            return
        }
        for (record, base) in zip(batch, bases) {
            guard let base else {
                RecordCodec.encode(record, into: &buffer)
                continue
            }
            RecordCodec.encodePatch(record, over: base.record, skip: base.ordinal - lastOrdinal - 1, into: &buffer)
            lastOrdinal = base.ordinal
        }
    }

    /// Compresses and stores what the buffer holds; `end` closes the compressed frame.
    /// Runs on the writer's thread, or on the caller's once that thread has ended.
    private func flush(end: Bool) {
        guard buffer.count > 0 || end else { return }
        condition.lock()
        let failed = failure != nil
        condition.unlock()
        guard !failed else { return }
        do {
            try buffer.withBytes { raw in
                try compressor.compress(raw, end: end) { compressed in
                    hasher.update(compressed)
                    bytes += compressed.count
                    try handle.write(contentsOf: compressed)
                }
            }
        } catch {
            condition.lock()
            failure = StorageError.write(error, path: path + ".partial", what: "the checkpoint")
            condition.broadcast()
            condition.unlock()
        }
        buffer.removeAll()
    }
}
