internal import Foundation
internal import MusterCore

/// The lines of one checkpoint file, decompressed when it is zstd, with its header read.
///
/// Lines are found with `memchr` over a byte array: indexing `Data` byte by byte pays a
/// dynamic exclusivity check per byte.
final class CheckpointLines {
    let path: String
    /// The header line, when the file has one (a checkpoint stored as patches).
    private(set) var header: CheckpointHeader?
    /// Lines handed out so far, the header included.
    private(set) var lineNumber = 0
    private let handle: FileHandle
    private let decompressor: ZstdDecompressor?
    private var pending: [UInt8] = []
    /// Where the next line starts in `pending`, and how far a newline has been looked for.
    private var start = 0
    private var scanned = 0
    private var exhausted = false

    init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MusterError(.invalidCheckpoint, "cannot open the checkpoint", location: path)
        }
        self.handle = handle
        let head = try handle.read(upToCount: 4) ?? Data()
        try handle.seek(toOffset: 0)
        decompressor = ZstdDecompressor.isCompressed(head) ? try ZstdDecompressor() : nil
        header = try next { CheckpointHeader.isHeader($0) ? try CheckpointHeader(line: $0, path: path) : nil } ?? nil
        if header == nil { rewind() }
    }

    deinit { try? handle.close() }

    /// Calls `body` with the next line's bytes (without its newline); nil at the end.
    func next<T>(_ body: (UnsafeRawBufferPointer) throws -> T) throws -> T? {
        while true {
            let newline = pending.withUnsafeBytes { buffer -> Int? in
                guard let base = buffer.baseAddress, scanned < buffer.count else { return nil }
                guard let found = memchr(base + scanned, 0x0A, buffer.count - scanned) else { return nil }
                return UnsafeRawPointer(found) - base
            }
            if let newline {
                return try take(upTo: newline, skipping: 1, body)
            }
            scanned = pending.count
            if exhausted {
                guard start < pending.count else { return nil }
                return try take(upTo: pending.count, skipping: 0, body)
            }
            try refill()
        }
    }

    private func take<T>(upTo end: Int, skipping: Int, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        lineNumber += 1
        let line = start
        start = end + skipping
        scanned = start
        return try pending.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[line..<end])) }
    }

    /// Lets the line just read be read again (the first line, when it was no header).
    private func rewind() {
        start = 0
        scanned = 0
        lineNumber = 0
    }

    private func refill() throws {
        if start > 0 {
            pending.removeFirst(start)
            scanned -= start
            start = 0
        }
        guard let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty else {
            exhausted = true
            if let decompressor, !decompressor.atFrameEnd {
                throw MusterError(.invalidCheckpoint, "the checkpoint ends inside its compressed data: it was cut short", location: path)
            }
            return
        }
        if let decompressor {
            try chunk.withUnsafeBytes { bytes in try decompressor.decompress(bytes) { pending.append(contentsOf: $0) } }
        } else {
            chunk.withUnsafeBytes { pending.append(contentsOf: $0) }
        }
    }
}

/// The first line of a checkpoint stored as patches: `{"checkpoint":{"base":"01-ingest.ndjson.zst"}}`.
/// The base is the previous stage's checkpoint of the same run, named relative to this file.
struct CheckpointHeader {
    var base: String

    private static let prefix = Array(#"{"checkpoint":"#.utf8)

    static func isHeader(_ line: UnsafeRawBufferPointer) -> Bool {
        line.count >= prefix.count && line.prefix(prefix.count).elementsEqual(prefix)
    }

    init(line: UnsafeRawBufferPointer, path: String) throws {
        guard case .string(let base)? = (try? JSONParser.parse(line))?["checkpoint"]?["base"] else {
            throw MusterError(.invalidCheckpoint, "line 1 is not a checkpoint header", location: path)
        }
        self.base = base
    }

    static func resolve(_ base: String, beside path: String) -> String {
        (path as NSString).deletingLastPathComponent + "/" + base
    }
}
