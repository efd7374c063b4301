internal import ContentHash
import MusterCore

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads NDJSON line by line from 64 KiB chunks, holding at most one line (capped at
/// ``maximumLineLength``) in memory. Blank lines are skipped; a line that is not a JSON
/// object becomes a rejected record and reading goes on.
///
/// A line that lies whole in one chunk is read where it is; only a line cut by a chunk
/// boundary is copied, to join its parts.
struct NDJSONReader {
    let file: SourceFile
    let context: ImportContext
    let mapper: RecordMapper
    /// Longer lines are rejected without being buffered further (hashed as they stream by).
    let maximumLineLength: Int

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    func read(emit: ([SourceRecord]) throws -> Void) throws {
        let reader = try ChunkedFileReader(file)
        var batch = BatchBuffer(capacity: context.batchSize)
        var state = LineState()
        try reader.forEachChunk { chunk in
            try chunk.withUnsafeBufferPointer { bytes in
                var start = 0
                while start < bytes.count {
                    let rest = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + start)
                    guard let found = memchr(rest, 0x0A, bytes.count - start) else {
                        state.append(UnsafeBufferPointer(rebasing: bytes[start...]), limit: maximumLineLength)
                        break
                    }
                    let newline = start + (UnsafeRawPointer(found) - rest)
                    let piece = UnsafeBufferPointer(rebasing: bytes[start..<newline])
                    let record: SourceRecord?
                    if state.isEmpty && piece.count <= maximumLineLength + 1 {
                        record = self.record(for: piece, state: &state)
                    } else {
                        state.append(piece, limit: maximumLineLength)
                        record = finishBufferedLine(&state)
                    }
                    if let record { try batch.append(record, emit: emit) }
                    start = newline + 1
                }
            }
        }
        if !state.isEmpty, let record = finishBufferedLine(&state) {
            try batch.append(record, emit: emit)
        }
        try batch.flush(emit: emit)
    }

    /// The record for the line gathered in `state`, or nil for a blank line.
    private func finishBufferedLine(_ state: inout LineState) -> SourceRecord? {
        if var overflow = state.overflow {
            let number = state.number
            state.number += 1
            state.overflow = nil
            state.line.removeAll(keepingCapacity: true)
            let provenance = Provenance(sourceID: context.sourceID, file: file.path, locator: "line:\(number)", contentHash: overflow.hasher.finalizeHex())
            return tooLong(provenance, length: overflow.length, line: number)
        }
        var line: [UInt8] = []
        swap(&line, &state.line)
        let record = line.withUnsafeBufferPointer { self.record(for: $0, state: &state) }
        line.removeAll(keepingCapacity: line.capacity <= ChunkedFileReader.chunkSize)
        swap(&line, &state.line)
        return record
    }

    /// The record for one line (its terminator excluded), or nil for a blank line; moves on to the next line.
    private func record(for line: UnsafeBufferPointer<UInt8>, state: inout LineState) -> SourceRecord? {
        let number = state.number
        state.number += 1
        let locator = "line:\(number)"
        var content = line
        if content.last == 0x0D { content = UnsafeBufferPointer(rebasing: content.dropLast()) }
        if content.count > maximumLineLength {
            return tooLong(context.provenance(file: file, locator: locator, content: content), length: content.count, line: number)
        }
        let visible = number == 1 && content.starts(with: Self.byteOrderMark) ? UnsafeBufferPointer(rebasing: content.dropFirst(3)) : content
        if visible.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let provenance = context.provenance(file: file, locator: locator, content: content)
        // JSONParser skips a byte order mark at the start of any line; so does the tape.
        let text = content.starts(with: Self.byteOrderMark) ? UnsafeBufferPointer(rebasing: content.dropFirst(3)) : content
        guard state.tape.parse(text) else {
            do {
                _ = try JSONParser.parse(content)
            } catch {
                return .rejected(
                    provenance, reason: Rejection(message: error.message, position: "line \(number), column \(error.column)"), raw: Self.text(content))
            }
            // Both parsers follow one grammar, checked over JSONTestSuite; should they ever
            // differ, the line is quarantined rather than lost.
            let reason = Rejection(message: "the importer could not read this line although it is valid JSON", position: "line \(number)")
            return .rejected(provenance, reason: reason, raw: Self.text(content))
        }
        guard state.tape.root.kind == .object else {
            return .rejected(provenance, reason: Rejection(message: "record is not an object", position: "line \(number)"), raw: Self.text(content))
        }
        return mapper.record(from: state.tape, provenance: provenance, scratch: &state.scratch)
    }

    /// The rejected line's text for the quarantine; invalid UTF-8 is kept visibly repaired.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private func tooLong(_ provenance: Provenance, length: Int, line number: Int) -> SourceRecord {
        let message = "line is \(length) bytes, over the \(Self.describe(maximumLineLength)) limit; not read"
        return .rejected(provenance, reason: Rejection(message: message, position: "line \(number)"))
    }

    /// `16 MiB`, `64 KiB`, or bytes when the limit is not a whole number of either.
    private static func describe(_ limit: Int) -> String {
        if limit % (1024 * 1024) == 0 { return "\(limit / (1024 * 1024)) MiB" }
        if limit % 1024 == 0 { return "\(limit / 1024) KiB" }
        return "\(limit)-byte"
    }
}

extension NDJSONReader {
    /// What reading is in the middle of: the line so far (its bytes, or once it outgrew the
    /// limit, a running hash and length), its number, and the buffers reused per record.
    struct LineState {
        var line: [UInt8] = []
        var overflow: Overflow?
        var number = 1
        var tape = RecordTape()
        var scratch = RecordMapper.Scratch()

        /// No part of a line is waiting for its end.
        var isEmpty: Bool { line.isEmpty && overflow == nil }

        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) {
            if overflow == nil, line.count + bytes.count > limit + 1 {
                // One byte of slack: a line of exactly the limit may still carry its CR.
                overflow = Overflow()
                overflow?.append(line[...])
                line = []
            }
            if overflow != nil {
                overflow?.append(bytes[...])
            } else {
                line.append(contentsOf: bytes)
            }
        }
    }

    /// An overlong line as it streams by: its hash and length, never its bytes. A trailing
    /// CR is held back until more bytes follow, since at the line's end it is the terminator.
    struct Overflow {
        var hasher = SHA256()
        var length = 0
        var heldCR = false

        mutating func append(_ bytes: some BidirectionalCollection<UInt8>) {
            guard !bytes.isEmpty else { return }
            if heldCR {
                hasher.update(CollectionOfOne(UInt8(0x0D)))
                length += 1
                heldCR = false
            }
            if bytes.last == 0x0D {
                let part = bytes.dropLast()
                hasher.update(part)
                length += part.count
                heldCR = true
            } else {
                hasher.update(bytes)
                length += bytes.count
            }
        }
    }
}
