/// One row as libcsv split it: the cells' bytes (undecoded, untrimmed), the physical line
/// the row starts on, and the raw bytes it was read from.
///
/// A view into the reader's reused buffers and the chunk being read, so no row is copied
/// on its way to the mapper: it is only valid inside the handler it is given to. A row that
/// must outlive its handler is kept as a ``SavedRow``.
struct CSVRow {
    /// Every cell's bytes, back to back.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The end offset in `bytes` of each cell.
    let ends: UnsafeBufferPointer<Int>
    /// 1-based physical line the row starts on.
    let startLine: Int
    /// The bytes the row was read from, its line break included.
    let raw: UnsafeBufferPointer<UInt8>
    /// Set when a quoted cell was never closed: the row was given up at its first line
    /// and the lines after it were read again as rows of their own.
    let isUnterminated: Bool

    var count: Int { ends.count }

    func cell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
    }

    /// The raw bytes without the trailing line break, for the content hash.
    var content: UnsafeBufferPointer<UInt8> {
        var end = raw.count
        while end > 0, raw[end - 1] == UInt8(ascii: "\n") || raw[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return UnsafeBufferPointer(rebasing: raw[..<end])
    }
}

/// A ``CSVRow`` copied out of the reader's buffers, for the rows held back while the
/// header row is still being looked for.
struct SavedRow {
    private let bytes: [UInt8]
    private let ends: [Int]
    private let raw: [UInt8]
    private let startLine: Int
    private let isUnterminated: Bool

    init(_ row: CSVRow) {
        bytes = Array(row.bytes)
        ends = Array(row.ends)
        raw = Array(row.raw)
        startLine = row.startLine
        isUnterminated = row.isUnterminated
    }

    func withRow<Result>(_ body: (CSVRow) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { bytes in
            try ends.withUnsafeBufferPointer { ends in
                try raw.withUnsafeBufferPointer { raw in
                    try body(CSVRow(bytes: bytes, ends: ends, startLine: startLine, raw: raw, isUnterminated: isUnterminated))
                }
            }
        }
    }
}
