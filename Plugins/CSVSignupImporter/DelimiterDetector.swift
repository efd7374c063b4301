/// Picks the field separator from the first lines of a sheet: the candidate whose count
/// per line (outside quotes) is the same on the most lines wins, so a title row or an
/// address with a stray comma does not tip the choice.
enum DelimiterDetector {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
    static let maximumLines = 30

    /// The detected delimiter; a comma when nothing is conclusive (one column, empty file).
    /// `isComplete` says `bytes` is the whole file, so its last line is not cut off.
    static func detect(in bytes: some Collection<UInt8>, isComplete: Bool) -> UInt8 {
        let lines = countsPerLine(in: bytes, isComplete: isComplete)
        var best: (delimiter: UInt8, support: Int, width: Int) = (UInt8(ascii: ","), 0, 0)
        for (index, candidate) in candidates.enumerated() {
            var frequency: [Int: Int] = [:]
            for counts in lines where counts[index] > 0 { frequency[counts[index], default: 0] += 1 }
            guard let mode = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if (mode.value, mode.key) > (best.support, best.width) { best = (candidate, mode.value, mode.key) }
        }
        return best.delimiter
    }

    /// For each non-blank line (a quoted line break does not end a line), how often each
    /// candidate occurs outside quotes.
    private static func countsPerLine(in bytes: some Collection<UInt8>, isComplete: Bool) -> [[Int]] {
        var lines: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        var blank = true
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
                blank = false
                continue
            }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if !blank { lines.append(counts) }
                if lines.count >= maximumLines { return lines }
                counts = [Int](repeating: 0, count: candidates.count)
                blank = true
                continue
            }
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
            if byte != UInt8(ascii: " ") { blank = false }
        }
        if isComplete && !blank { lines.append(counts) }
        return lines
    }
}
