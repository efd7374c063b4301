internal import Foundation
internal import MusterCore

/// Holds the records dedupe must keep until it has seen them all: in memory while they are
/// few, in a temporary file of binary-encoded records (``SpoolCodec``) beyond `memoryLimit`,
/// so a run's memory does not grow with its size. Records are read back by index, in any
/// order, with positioned reads: a memory-mapped spool counted its whole file (735 MB at a
/// million records) in the run's resident memory once every record had been read.
final class RecordSpool {
    private let memoryLimit: Int
    private var inMemory: [Record] = []
    private var file: FileHandle?
    /// The temporary file, once the records have spilled to it: readable by its owner only,
    /// since it holds every record's names, NIKs and phones.
    private(set) var path: String?
    private var offsets: [Int64] = []
    private var lengths: [Int32] = []
    private var pending: [UInt8] = []
    private var written: Int64 = 0

    init(memoryLimit: Int) {
        self.memoryLimit = memoryLimit
    }

    deinit { close() }

    /// Whether the records wait in the temporary file rather than in memory.
    var isSpilled: Bool { file != nil }

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

    /// The records at `indices`, decoded in runs on every core: emitting a million records
    /// in cluster order decodes each once, and decoding is most of it.
    func records(at indices: [Int32]) throws -> [Record] {
        guard let file else { return indices.map { inMemory[Int($0)] } }
        try flush()
        let (descriptor, offsets, lengths, path) = (file.fileDescriptor, self.offsets, self.lengths, self.path)
        let parts = try ParallelRuns.map(count: indices.count, minimumPerRun: 2_000) { run throws(MusterError) in
            var buffer: [UInt8] = []
            var records: [Record] = []
            records.reserveCapacity(run.count)
            for index in indices[run] {
                let length = Int(lengths[Int(index)])
                if buffer.count < length { buffer = [UInt8](repeating: 0, count: max(length, 2 * buffer.count)) }
                let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(offsets[Int(index)])) }
                guard read == length else {
                    let why = read < 0 ? String(cString: strerror(errno)) : "it ended early"
                    throw MusterError(.io, "cannot read the dedupe spool: \(why)", location: path)
                }
                let decoded = buffer.withUnsafeBytes { bytes in
                    Result { () throws(MusterError) in try SpoolCodec.decode(UnsafeRawBufferPointer(rebasing: bytes[..<length])) }
                }
                records.append(try decoded.get())
            }
            return records
        }
        return parts.flatMap { $0 }
    }

    func close() {
        try? file?.close()
        file = nil
        if let path { try? FileManager.default.removeItem(atPath: path) }
        path = nil
        inMemory = []
    }

    private func spill() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("muster-dedupe-\(UUID().uuidString).spool").path
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forUpdatingAtPath: path)
        else {
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
