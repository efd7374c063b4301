import MusterCore

/// Reads NDJSON line by line from 64 KiB chunks, holding at most one line (capped at
/// ``maximumLineLength``) in memory. Blank lines are skipped; a line that is not a JSON
/// object becomes a rejected record and reading goes on.
struct NDJSONReader {
    let file: SourceFile
    let context: ImportContext
    let mapper: RecordMapper
    /// Longer lines are rejected without being buffered further (hashed as they stream by).
    let maximumLineLength: Int

    /// The current line: its bytes, or once it outgrew the limit, a running hash and length.
    private var line: [UInt8] = []
    private var overflow: Overflow?
    private var lineNumber = 1

    init(file: SourceFile, context: ImportContext, mapper: RecordMapper, maximumLineLength: Int) {
        self.file = file
        self.context = context
        self.mapper = mapper
        self.maximumLineLength = maximumLineLength
    }

    mutating func read(emit: ([SourceRecord]) throws -> Void) throws {
        let reader = try ChunkedFileReader(file)
        var batch = BatchBuffer(capacity: context.batchSize)
        try reader.forEachChunk { chunk in
            var start = chunk.startIndex
            while start < chunk.endIndex {
                guard let newline = chunk[start...].firstIndex(of: 0x0A) else {
                    append(chunk[start...])
                    break
                }
                append(chunk[start..<newline])
                if let record = finishLine() { try batch.append(record, emit: emit) }
                start = newline + 1
            }
        }
        if !line.isEmpty || overflow != nil, let record = finishLine() {
            try batch.append(record, emit: emit)
        }
        try batch.flush(emit: emit)
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        if overflow == nil, line.count + bytes.count > maximumLineLength + 1 {
            // One byte of slack: a line of exactly the limit may still carry its CR.
            overflow = Overflow()
            overflow?.append(line[...])
            line = []
        }
        if overflow != nil {
            overflow?.append(bytes)
        } else {
            line.append(contentsOf: bytes)
        }
    }

    /// The record for the line just ended, or nil for a blank line; moves on to the next line.
    private mutating func finishLine() -> SourceRecord? {
        let number = lineNumber
        defer {
            lineNumber += 1
            line.removeAll(keepingCapacity: line.capacity <= ChunkedFileReader.chunkSize)
            overflow = nil
        }
        let locator = "line:\(number)"
        if var overflow {
            let provenance = Provenance(sourceID: context.sourceID, file: file.path, locator: locator, contentHash: overflow.hasher.finalizeHex())
            return tooLong(provenance, length: overflow.length, line: number)
        }
        var content = line[...]
        if content.last == 0x0D { content = content.dropLast() }
        if content.count > maximumLineLength {
            return tooLong(context.provenance(file: file, locator: locator, content: content), length: content.count, line: number)
        }
        let visible = number == 1 && content.starts(with: [0xEF, 0xBB, 0xBF]) ? content.dropFirst(3) : content
        if visible.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let provenance = context.provenance(file: file, locator: locator, content: content)
        let value: JSONValue
        do {
            if let fast = content.withUnsafeBufferPointer(RecordParser.parse) {
                value = fast
            } else {
                value = try JSONParser.parse(content)
            }
        } catch {
            return .rejected(provenance, reason: Rejection(message: error.message, position: "line \(number), column \(error.column)"), raw: Self.text(content))
        }
        guard case .object = value else {
            return .rejected(provenance, reason: Rejection(message: "record is not an object", position: "line \(number)"), raw: Self.text(content))
        }
        return mapper.record(from: value, provenance: provenance)
    }

    /// The rejected line's text for the quarantine; invalid UTF-8 is kept visibly repaired.
    private static func text(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: Array(bytes), as: UTF8.self)
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
    /// An overlong line as it streams by: its hash and length, never its bytes. A trailing
    /// CR is held back until more bytes follow, since at the line's end it is the terminator.
    struct Overflow {
        var hasher = SHA256()
        var length = 0
        var heldCR = false

        mutating func append(_ bytes: ArraySlice<UInt8>) {
            guard !bytes.isEmpty else { return }
            if heldCR {
                hasher.update(CollectionOfOne(UInt8(0x0D)))
                length += 1
                heldCR = false
            }
            var part = bytes
            if part.last == 0x0D {
                part = part.dropLast()
                heldCR = true
            }
            hasher.update(part)
            length += part.count
        }
    }
}
