internal import Foundation
internal import MusterCore

/// Holds the records dedupe must keep until it has seen them all: in memory while they are
/// few, in a temporary file of encoded records beyond `memoryLimit`, so a run's memory does
/// not grow with its size. Records are read back by index, in any order.
final class RecordSpool {
    private let memoryLimit: Int
    private var inMemory: [Record] = []
    private var file: FileHandle?
    private var path: String?
    private var offsets: [Int64] = []
    private var lengths: [Int32] = []
    private var pending = JSONWriter(capacity: 1 << 20)
    private var written: Int64 = 0

    init(memoryLimit: Int) {
        self.memoryLimit = memoryLimit
    }

    deinit { close() }

    var count: Int { file == nil ? inMemory.count : offsets.count }

    func append(_ record: Record) throws {
        if file == nil {
            inMemory.append(record)
            if inMemory.count > memoryLimit { try spill() }
            return
        }
        let start = pending.bytes.count
        RecordCodec.encode(record, into: &pending)
        offsets.append(written + Int64(start))
        lengths.append(Int32(pending.bytes.count - start))
        if pending.bytes.count >= 1 << 20 { try flush() }
    }

    /// The record at `index`, in the order records were appended.
    func record(at index: Int) throws -> Record {
        guard let file else { return inMemory[index] }
        try flush()
        try file.seek(toOffset: UInt64(offsets[index]))
        guard let bytes = try file.read(upToCount: Int(lengths[index])) else {
            throw MusterError(.io, "the dedupe spool ended early", location: path)
        }
        return try RecordCodec.decode(bytes.dropLast())
    }

    func close() {
        try? file?.close()
        file = nil
        if let path { try? FileManager.default.removeItem(atPath: path) }
        path = nil
        inMemory = []
    }

    private func spill() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("muster-dedupe-\(UUID().uuidString).ndjson").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw MusterError(.io, "cannot create the dedupe spool", location: path)
        }
        self.path = path
        file = handle
        let held = inMemory
        inMemory = []
        for record in held { try append(record) }
    }

    private func flush() throws {
        guard let file, !pending.bytes.isEmpty else { return }
        try file.seekToEnd()
        try file.write(contentsOf: pending.bytes)
        written += Int64(pending.bytes.count)
        pending.bytes.removeAll(keepingCapacity: true)
    }
}
