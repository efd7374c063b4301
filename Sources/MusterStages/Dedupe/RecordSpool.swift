internal import Foundation
internal import MusterCore

/// Holds the records dedupe must keep until it has seen them all: in memory while they are
/// few, in a temporary file of binary-encoded records (``SpoolCodec``) beyond `memoryLimit`,
/// so a run's memory does not grow with its size. Records are read back by index, in any
/// order, from the file mapped into memory.
final class RecordSpool {
    private let memoryLimit: Int
    private var inMemory: [Record] = []
    private var file: FileHandle?
    private var path: String?
    private var offsets: [Int64] = []
    private var lengths: [Int32] = []
    private var pending: [UInt8] = []
    private var written: Int64 = 0
    /// The spool file mapped into memory once appending is over.
    private var mapped: Data?

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
        let start = pending.count
        SpoolCodec.encode(record, into: &pending)
        offsets.append(written + Int64(start))
        lengths.append(Int32(pending.count - start))
        if pending.count >= 1 << 20 { try flush() }
    }

    /// The record at `index`, in the order records were appended.
    func record(at index: Int) throws -> Record {
        guard file != nil else { return inMemory[index] }
        let data = try mappedSpool()
        let start = Int(offsets[index])
        let end = start + Int(lengths[index])
        guard end <= data.count else { throw MusterError(.io, "the dedupe spool ended early", location: path) }
        return try data.withUnsafeBytes { try SpoolCodec.decode(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    private func mappedSpool() throws -> Data {
        if let mapped { return mapped }
        try flush()
        guard let path else { throw MusterError(.io, "the dedupe spool is gone") }
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        mapped = data
        return data
    }

    func close() {
        mapped = nil
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
        guard let file, !pending.isEmpty else { return }
        try file.seekToEnd()
        try file.write(contentsOf: pending)
        written += Int64(pending.count)
        pending.removeAll(keepingCapacity: true)
    }
}
