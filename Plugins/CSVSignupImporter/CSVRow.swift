/// One row as libcsv split it: the cells' bytes (undecoded, untrimmed), the physical line
/// the row starts on, and the raw bytes it was read from.
///
/// Storage is reused from row to row; a row is only valid inside the handler it is given to.
struct CSVRow {
    /// Every cell's bytes, back to back.
    var bytes: [UInt8] = []
    /// The end offset in `bytes` of each cell.
    var ends: [Int] = []
    /// 1-based physical line the row starts on.
    var startLine = 1
    /// The bytes the row was read from, its line break included.
    var raw: [UInt8] = []
    /// Set when a quoted cell was never closed: the row was given up at its first line
    /// and the lines after it were read again as rows of their own.
    var isUnterminated = false

    var count: Int { ends.count }

    func cell(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// The raw bytes without the trailing line break, for the content hash.
    var content: ArraySlice<UInt8> {
        var end = raw.endIndex
        while end > raw.startIndex, raw[end - 1] == UInt8(ascii: "\n") || raw[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return raw[..<end]
    }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        isUnterminated = false
    }
}
