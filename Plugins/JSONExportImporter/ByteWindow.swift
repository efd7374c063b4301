import MusterCore

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A sliding window over a file read in 64 KiB chunks: the bytes from the start of the
/// value being read to the end of the last chunk, so a JSON document of any size is read
/// with at most one value (capped) plus one chunk in memory.
///
/// Offsets are absolute (bytes from the start of the file); line and column are worked
/// out only when an error needs them, from the newlines counted in the bytes already
/// dropped plus those still in the window.
final class ByteWindow {
    private let reader: ChunkedFileReader
    /// The window: file bytes `base ..< base + buffer.count`.
    private(set) var buffer: [UInt8] = []
    /// Absolute offset of `buffer[0]`.
    private(set) var base: Int
    /// Index in `buffer` of the next byte to read.
    var position = 0
    private var isExhausted = false
    /// Newlines in the bytes before `base`, and the absolute offset of the last one (-1: none).
    private var linesBeforeBase: Int
    private var lastNewlineBeforeBase: Int

    /// Reads `reader` from `offset` (where it must already be), whose line and last
    /// newline are known, for reading a part of the file again.
    init(_ reader: ChunkedFileReader, offset: Int = 0, lines: Int = 0, lastNewline: Int = -1) {
        self.reader = reader
        base = offset
        linesBeforeBase = lines
        lastNewlineBeforeBase = lastNewline
        buffer.reserveCapacity(2 * ChunkedFileReader.chunkSize)
    }

    /// Absolute offset of the next byte.
    var offset: Int { base + position }

    /// Reads another chunk, first dropping the bytes before `keep` (an index in `buffer`;
    /// indices after it move down by `keep`). False at the end of the file.
    func fill(keepingFrom keep: Int) throws(MusterError) -> Bool {
        guard !isExhausted else { return false }
        if keep > 0 {
            buffer.withUnsafeBytes { bytes in
                // memchr from newline to newline: a few hundred bytes apart in an export,
                // so this costs a call per line rather than a comparison per byte.
                guard let start = bytes.baseAddress else { return }
                var offset = 0
                while offset < keep, let found = memchr(start + offset, 0x0A, keep - offset) {
                    let index = UnsafeRawPointer(found) - start
                    linesBeforeBase += 1
                    lastNewlineBeforeBase = base + index
                    offset = index + 1
                }
            }
            buffer.removeSubrange(0..<keep)
            base += keep
            position -= keep
        }
        guard let chunk = try reader.next() else {
            isExhausted = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// The next byte without consuming it, reading on when the window is used up; nil at the end.
    func peek() throws(MusterError) -> UInt8? {
        while position >= buffer.count {
            guard try fill(keepingFrom: position) else { return nil }
        }
        return buffer[position]
    }

    /// Skips JSON whitespace and returns the next byte, nil at the end.
    func skipWhitespace() throws(MusterError) -> UInt8? {
        while let byte = try peek() {
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            position += 1
        }
        return nil
    }

    /// 1-based line and column (in bytes) of an absolute offset at or after `base`.
    func location(of offset: Int) -> (line: Int, column: Int) {
        var line = linesBeforeBase + 1
        var lastNewline = lastNewlineBeforeBase
        let end = min(max(offset - base, 0), buffer.count)
        for index in 0..<end where buffer[index] == 0x0A {
            line += 1
            lastNewline = base + index
        }
        return (line, offset - lastNewline)
    }

    /// Newlines before `offset`, and the last one, for starting another window there.
    func lineState(at offset: Int) -> (lines: Int, lastNewline: Int) {
        let place = location(of: offset)
        return (place.line - 1, offset - place.column)
    }
}
