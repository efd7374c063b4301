internal import CLibCSV
import MusterCore

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Drives libcsv over one sheet's bytes (already UTF-8 or an ASCII-compatible encoding)
/// and hands each row to a handler with the physical line it starts on and its raw bytes.
///
/// libcsv reports no positions, so the reader feeds it one physical line at a time
/// (CRLF, LF and lone CR all end a line) and counts the lines itself; line breaks inside
/// quoted cells are counted too. `CSV_REPALL_NL` makes libcsv report blank lines, so the
/// reader always knows where the next row starts. A quoted cell that is never closed is
/// given up at the end of the file (or once the row passes ``maximumRowBytes``): the row
/// is handed over as unterminated and everything after its first line is read again, so
/// one stray quote cannot swallow the rest of the sheet.
///
/// The hot path copies nothing per row: lines are cut from the chunk in place (found with
/// `memchr`, the next CR remembered across lines, so an LF-only sheet is searched for CR
/// once per chunk), a row's raw
/// bytes are a slice of the chunk (only a row that spans two chunks is gathered into
/// `carried`), and libcsv's field callback appends into buffers reused from row to row.
///
/// Owns the C parser and its callback state; one task uses it, then it is dropped.
final class CSVRowReader {
    /// A row still open after this many bytes is taken to be an unclosed quote.
    static let maximumRowBytes = 1 << 20

    private let parser: UnsafeMutablePointer<csv_parser>
    private let state: UnsafeMutablePointer<ReaderState>
    private let delimiter: UInt8
    private let path: String
    private var line = 1
    private var lastWasCR = false
    /// The line the open row started on.
    private var rowStartLine = 1
    /// The open row's bytes from earlier chunks.
    private var carried: [UInt8] = []

    /// `path` names the file in errors.
    init(delimiter: UInt8, path: String) throws {
        self.delimiter = delimiter
        self.path = path
        parser = .allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        state = .allocate(capacity: 1)
        state.initialize(to: ReaderState())
        try configure()
    }

    deinit {
        csv_free(parser)
        parser.deinitialize(count: 1)
        parser.deallocate()
        state.pointee.release()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Parses the next bytes of the file, calling `handler` for every row they complete.
    func feed(_ bytes: [UInt8], handler: (CSVRow) throws -> Void) throws {
        var input = bytes
        while let again = try input.withUnsafeBufferPointer({ try feed(buffer: $0, handler: handler) }) {
            input = again
        }
    }

    /// Ends the file: submits a last row without a line break and gives up an unclosed quote.
    func finish(handler: (CSVRow) throws -> Void) throws {
        while !state.pointee.awaitingRow && LibCSVInternals.isInsideQuotedField(parser) {
            let leftover = try abandonRow(raw: carried, handler: handler)
            try feed(leftover, handler: handler)
        }
        csv_fini(parser, csvSignupField, csvSignupRow, state)
        if state.pointee.rowComplete {
            try carried.withUnsafeBufferPointer { try deliver(raw: $0, handler: handler) }
        }
    }

    private func configure() throws {
        guard csv_init(parser, UInt8(CSV_REPALL_NL)) == 0 else {
            throw MusterError(.unreadableInput, "the CSV parser could not be set up", location: "\(path):\(line):1")
        }
        csv_set_delim(parser, delimiter)
        // libcsv's own spaces (space and tab, never the delimiter): they are trimmed from
        // unquoted cells, as decoding trims them anyway, and may surround a quoted cell
        // (`Siti , "Jl. A, No. 1" ,0812`), as hand-edited sheets write. A space function of
        // our own would be called through a pointer for every byte: a tenth of the importer.
        csv_set_blk_size(parser, 4096)
    }

    /// Feeds one buffer line by line. Returns the bytes to read again when an over-long
    /// row was given up (the rest of its lines and of the buffer), else nil.
    private func feed(buffer: UnsafeBufferPointer<UInt8>, handler: (CSVRow) throws -> Void) throws -> [UInt8]? {
        guard let base = buffer.baseAddress else { return nil }
        let count = buffer.count
        var position = 0
        // Where the open row's bytes begin in this buffer; a row left open by the last
        // buffer continues at 0, after the bytes in `carried`.
        var rowStart = 0
        // Where the next CR is (`count` for none); -1 until it is looked for.
        var nextCR = -1
        while position < count {
            if nextCR < position { nextCR = Self.find(UInt8(ascii: "\r"), in: base, from: position, to: count) }
            let end = Self.lineEnd(base, from: position, count: count, nextCR: nextCR)
            if state.pointee.awaitingRow {
                state.pointee.awaitingRow = false
                carried.removeAll(keepingCapacity: true)
                rowStart = position
                rowStartLine = line
            }
            let consumed = csv_parse(parser, base + position, end - position, csvSignupField, csvSignupRow, state)
            guard consumed == end - position else {
                let reason = String(cString: csv_strerror(csv_error(parser)))
                throw MusterError(.unreadableInput, "the CSV parser stopped: \(reason)", location: "\(path):\(line):1")
            }
            let last = base[end - 1]
            let endsLine = last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r")
            let secondHalfOfCRLF = last == UInt8(ascii: "\n") && end - position == 1 && lastWasCR
            if endsLine && !secondHalfOfCRLF { line += 1 }
            lastWasCR = last == UInt8(ascii: "\r")
            let row = UnsafeBufferPointer(rebasing: buffer[rowStart..<end])
            if state.pointee.rowComplete {
                if carried.isEmpty {
                    try deliver(raw: row, handler: handler)
                } else {
                    carried.append(contentsOf: row)
                    try carried.withUnsafeBufferPointer { try deliver(raw: $0, handler: handler) }
                }
            } else if endsLine && !state.pointee.awaitingRow && carried.count + row.count > Self.maximumRowBytes {
                let leftover = try abandonRow(raw: carried + row, handler: handler)
                return leftover + buffer[end...]
            }
            position = end
        }
        if !state.pointee.awaitingRow { carried.append(contentsOf: buffer[rowStart...]) }
        return nil
    }

    /// Just after the next line break from `start` (CRLF is one), or `count`, given the
    /// position of the next CR.
    private static func lineEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, nextCR: Int) -> Int {
        let lineFeed = find(UInt8(ascii: "\n"), in: base, from: start, to: nextCR)
        if lineFeed < nextCR { return lineFeed + 1 }
        guard nextCR < count else { return count }
        return nextCR + 1 < count && base[nextCR + 1] == UInt8(ascii: "\n") ? nextCR + 2 : nextCR + 1
    }

    /// The index of the first `byte` in `base[start..<end]`, or `end`.
    private static func find(_ byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end, let found = memchr(base + start, Int32(byte), end - start) else { return end }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    private func deliver(raw: UnsafeBufferPointer<UInt8>, handler: (CSVRow) throws -> Void) throws {
        state.pointee.rowComplete = false
        defer { state.pointee.clearCells() }
        try state.pointee.withCells { bytes, ends in
            try handler(CSVRow(bytes: bytes, ends: ends, startLine: rowStartLine, raw: raw, isUnterminated: false))
        }
    }

    /// Hands the open row over as unterminated, restarts the parser and returns the bytes
    /// after the row's first line, to be read again.
    private func abandonRow(raw: [UInt8], handler: (CSVRow) throws -> Void) throws -> [UInt8] {
        var firstLine = raw
        var leftover: [UInt8] = []
        line = rowStartLine + 1
        lastWasCR = false
        if let index = raw.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            var after = index + 1
            if raw[index] == UInt8(ascii: "\r") {
                if after < raw.endIndex, raw[after] == UInt8(ascii: "\n") { after += 1 } else { lastWasCR = after == raw.endIndex }
            }
            leftover = Array(raw[after...])
            firstLine = Array(raw[..<after])
        }
        carried.removeAll(keepingCapacity: true)
        csv_free(parser)
        parser.pointee = csv_parser()
        try configure()
        state.pointee.reset()
        try firstLine.withUnsafeBufferPointer { raw in
            try handler(
                CSVRow(
                    bytes: UnsafeBufferPointer(start: nil, count: 0), ends: UnsafeBufferPointer(start: nil, count: 0),
                    startLine: rowStartLine, raw: raw, isUnterminated: true))
        }
        return leftover
    }
}

/// What libcsv's callbacks write into, reached through the `void *` they are given: the
/// current row's cells in two buffers that only ever grow, so a field costs one copy.
private struct ReaderState {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCount = 0
    private var byteCapacity = 1024
    private var ends: UnsafeMutablePointer<Int>
    private var cellCount = 0
    private var cellCapacity = 64
    /// Fields submitted since the last row end: zero at a row end means a blank line.
    var fieldsInRow = 0
    var rowComplete = false
    /// The last row has ended; the next byte fed starts a new one.
    var awaitingRow = true

    init() {
        bytes = .allocate(capacity: byteCapacity)
        ends = .allocate(capacity: cellCapacity)
    }

    func release() {
        bytes.deallocate()
        ends.deallocate()
    }

    mutating func appendCell(_ data: UnsafeRawPointer?, _ length: Int) {
        if let data, length > 0 {
            if byteCount + length > byteCapacity { grow(bytesTo: byteCount + length) }
            (bytes + byteCount).initialize(from: data.assumingMemoryBound(to: UInt8.self), count: length)
            byteCount += length
        }
        if cellCount == cellCapacity {
            cellCapacity *= 2
            let larger = UnsafeMutablePointer<Int>.allocate(capacity: cellCapacity)
            larger.initialize(from: ends, count: cellCount)
            ends.deallocate()
            ends = larger
        }
        ends[cellCount] = byteCount
        cellCount += 1
        fieldsInRow += 1
    }

    func withCells<Result>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: bytes, count: byteCount), UnsafeBufferPointer(start: ends, count: cellCount))
    }

    mutating func clearCells() {
        byteCount = 0
        cellCount = 0
    }

    /// Back to the state of a fresh parser, keeping the buffers.
    mutating func reset() {
        clearCells()
        fieldsInRow = 0
        rowComplete = false
        awaitingRow = true
    }

    private mutating func grow(bytesTo needed: Int) {
        while byteCapacity < needed { byteCapacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
        larger.initialize(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = larger
    }
}

private func csvSignupField(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    context.assumingMemoryBound(to: ReaderState.self).pointee.appendCell(data, length)
}

private func csvSignupRow(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = context.assumingMemoryBound(to: ReaderState.self)
    if state.pointee.fieldsInRow > 0 { state.pointee.rowComplete = true }
    state.pointee.fieldsInRow = 0
    state.pointee.awaitingRow = true
}
