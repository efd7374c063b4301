internal import CLibCSV
import MusterCore

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
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Parses the next bytes of the file, calling `handler` for every row they complete.
    func feed(_ bytes: [UInt8], handler: (CSVRow) throws -> Void) throws {
        var input = bytes[...]
        while let end = Self.segmentEnd(in: input) {
            let segment = input[..<end]
            input = input[end...]
            try parse(segment, handler: handler)
            let endsLine = segment.last == UInt8(ascii: "\n") || segment.last == UInt8(ascii: "\r")
            if endsLine && !state.pointee.awaitingRow && state.pointee.row.raw.count > Self.maximumRowBytes {
                let leftover = try abandonRow(handler: handler)
                input = (leftover + input)[...]
            }
        }
    }

    /// Ends the file: submits a last row without a line break and gives up an unclosed quote.
    func finish(handler: (CSVRow) throws -> Void) throws {
        while !state.pointee.awaitingRow && parser.pointee.pstate == Self.fieldBegun && parser.pointee.quoted != 0 {
            let leftover = try abandonRow(handler: handler)
            try feed(leftover, handler: handler)
        }
        csv_fini(parser, csvSignupField, csvSignupRow, state)
        try drain(handler: handler)
    }

    /// libcsv's state for "inside a field"; with `quoted` set, inside a quoted one.
    private static let fieldBegun: Int32 = 2

    private func configure() throws {
        guard csv_init(parser, UInt8(CSV_REPALL_NL)) == 0 else {
            throw MusterError(.unreadableInput, "the CSV parser could not be set up", location: "\(path):\(line):1")
        }
        csv_set_delim(parser, delimiter)
        // Nothing is a space: cells arrive byte-exact and are trimmed after decoding.
        csv_set_space_func(parser) { _ in 0 }
        csv_set_blk_size(parser, 4096)
    }

    /// Where the next segment ends: just after the next line break (CRLF is one), or at
    /// the end of the input. Nil when the input is empty.
    private static func segmentEnd(in input: ArraySlice<UInt8>) -> Int? {
        guard !input.isEmpty else { return nil }
        guard let index = input.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return input.endIndex
        }
        if input[index] == UInt8(ascii: "\r"), index + 1 < input.endIndex, input[index + 1] == UInt8(ascii: "\n") {
            return index + 2
        }
        return index + 1
    }

    private func parse(_ segment: ArraySlice<UInt8>, handler: (CSVRow) throws -> Void) throws {
        if state.pointee.awaitingRow {
            state.pointee.awaitingRow = false
            state.pointee.row.raw.removeAll(keepingCapacity: true)
            state.pointee.row.startLine = line
        }
        state.pointee.row.raw.append(contentsOf: segment)
        let consumed = segment.withUnsafeBytes { buffer in
            csv_parse(parser, buffer.baseAddress, buffer.count, csvSignupField, csvSignupRow, state)
        }
        guard consumed == segment.count else {
            let reason = String(cString: csv_strerror(csv_error(parser)))
            throw MusterError(.unreadableInput, "the CSV parser stopped: \(reason)", location: "\(path):\(line):1")
        }
        countLines(in: segment)
        try drain(handler: handler)
    }

    private func countLines(in segment: ArraySlice<UInt8>) {
        guard let last = segment.last else { return }
        let secondHalfOfCRLF = last == UInt8(ascii: "\n") && segment.count == 1 && lastWasCR
        if !secondHalfOfCRLF && (last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r")) { line += 1 }
        lastWasCR = last == UInt8(ascii: "\r")
    }

    private func drain(handler: (CSVRow) throws -> Void) throws {
        guard state.pointee.rowComplete else { return }
        state.pointee.rowComplete = false
        defer { state.pointee.row.reset() }
        try handler(state.pointee.row)
    }

    /// Hands the open row over as unterminated, restarts the parser and returns the bytes
    /// after the row's first line, to be read again.
    private func abandonRow(handler: (CSVRow) throws -> Void) throws -> [UInt8] {
        var row = state.pointee.row
        row.bytes.removeAll()
        row.ends.removeAll()
        row.isUnterminated = true
        let raw = row.raw
        var leftover: [UInt8] = []
        line = row.startLine + 1
        lastWasCR = false
        if let index = raw.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            var after = index + 1
            if raw[index] == UInt8(ascii: "\r") {
                if after < raw.endIndex, raw[after] == UInt8(ascii: "\n") { after += 1 } else { lastWasCR = after == raw.endIndex }
            }
            leftover = Array(raw[after...])
            row.raw = Array(raw[..<after])
        }
        csv_free(parser)
        parser.pointee = csv_parser()
        try configure()
        state.pointee = ReaderState()
        try handler(row)
        return leftover
    }
}

/// What libcsv's callbacks write into, reached through the `void *` they are given.
private struct ReaderState {
    var row = CSVRow()
    /// Fields submitted since the last row end: zero at a row end means a blank line.
    var fieldsInRow = 0
    var rowComplete = false
    /// The last row has ended; the next byte fed starts a new one.
    var awaitingRow = true
}

private func csvSignupField(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = context.assumingMemoryBound(to: ReaderState.self)
    if let data, length > 0 {
        state.pointee.row.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
    }
    state.pointee.row.ends.append(state.pointee.row.bytes.count)
    state.pointee.fieldsInRow += 1
}

private func csvSignupRow(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = context.assumingMemoryBound(to: ReaderState.self)
    if state.pointee.fieldsInRow > 0 { state.pointee.rowComplete = true }
    state.pointee.fieldsInRow = 0
    state.pointee.awaitingRow = true
}
