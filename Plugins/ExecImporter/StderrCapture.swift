/// Keeps a bounded view of a command's standard error: the first and last few lines, each
/// clipped, and a count of everything else. It is drained as fast as the command writes, so
/// a chatty command never blocks on a full pipe, and it never holds more than a few KiB.
struct StderrCapture {
    static let headLines = 10
    static let tailLines = 10
    /// Bytes kept of one line; the rest of the line is counted, not kept.
    static let lineBytes = 300

    private(set) var head: [String] = []
    private(set) var tail: [String] = []
    private(set) var lineCount = 0
    private(set) var byteCount = 0
    private var current: [UInt8] = []

    var omittedLines: Int { lineCount - head.count - tail.count }

    mutating func feed(_ chunk: ArraySlice<UInt8>) {
        byteCount += chunk.count
        var start = chunk.startIndex
        while start < chunk.endIndex {
            let newline = chunk[start...].firstIndex(of: 0x0A)
            let end = newline ?? chunk.endIndex
            let room = max(0, Self.lineBytes - current.count)
            current.append(contentsOf: chunk[start..<min(end, start + room)])
            guard let newline else { return }
            endLine()
            start = newline + 1
        }
    }

    /// Ends the stream, keeping an unterminated last line.
    mutating func finish() {
        if !current.isEmpty { endLine() }
    }

    private mutating func endLine() {
        let text = LogText.scrub(String(decoding: current, as: UTF8.self), limit: Self.lineBytes)
        current.removeAll(keepingCapacity: true)
        lineCount += 1
        if head.count < Self.headLines {
            head.append(text)
        } else {
            tail.append(text)
            if tail.count > Self.tailLines { tail.removeFirst() }
        }
    }

    /// The lines to log, with a marker where lines were left out.
    var summary: [String] {
        guard omittedLines > 0 else { return head + tail }
        return head + ["… \(omittedLines) more lines not shown …"] + tail
    }
}
