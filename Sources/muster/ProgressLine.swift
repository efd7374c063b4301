internal import Foundation
internal import Synchronization
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Shows a run's progress on a terminal: records and rate per stage, rewritten in place on
/// standard error. It watches the run folder rather than the runner: each running stage's
/// checkpoint (`NN-stage.ndjson.partial`) gains one line per record, so counting new lines
/// twice a second gives records and rate without any hook in the pipeline. Only when
/// standard error is a terminal; a cron log never sees it.
final class ProgressLine: Sendable {
    static let shared = ProgressLine()

    private struct State {
        var shown = false
        var running = false
        var counts: [String: (records: Int, offset: UInt64, rate: Double)] = [:]
    }

    private let state = Mutex(State())

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Watches `runsDirectory` for the newest run folder created after now, until `stop()`.
    func start(runsDirectory: String) {
        guard Self.isTerminal else { return }
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: runsDirectory)) ?? [])
        state.withLock { $0.running = true }
        let thread = Thread { [self] in
            var last = Date()
            while state.withLock({ $0.running }) {
                Thread.sleep(forTimeInterval: 0.5)
                let runs = ((try? FileManager.default.contentsOfDirectory(atPath: runsDirectory)) ?? []).filter { !before.contains($0) }
                guard let run = runs.max() else { continue }
                let now = Date()
                poll(folder: runsDirectory + "/" + run, seconds: now.timeIntervalSince(last))
                last = now
            }
        }
        thread.start()
    }

    func stop() {
        state.withLock { $0.running = false }
        clear()
    }

    /// Erases the progress line before another line is written.
    func clear() {
        let shown = state.withLock { state in
            defer { state.shown = false }
            return state.shown
        }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func poll(folder: String, seconds: Double) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".ndjson.partial") || $0.hasSuffix(".ndjson") }.sorted()
        var parts: [String] = []
        for file in files {
            let stage = String(file.split(separator: ".").first ?? "")
            let previous: (records: Int, offset: UInt64, rate: Double) = state.withLock { $0.counts[stage] } ?? (0, 0, 0)
            let (added, offset) = Self.countLines(path: folder + "/" + file, from: previous.offset)
            let rate = seconds > 0 ? Double(added) / seconds : previous.rate
            let records = previous.records + added
            state.withLock { $0.counts[stage] = (records, offset, added > 0 ? rate : 0) }
            parts.append("\(stage) \(records)" + (file.hasSuffix(".partial") && rate > 0 ? " (\(Int(rate))/s)" : ""))
        }
        guard !parts.isEmpty else { return }
        let line = "\r\u{1B}[K" + parts.joined(separator: " │ ")
        state.withLock { $0.shown = true }
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func countLines(path: String, from offset: UInt64) -> (Int, UInt64) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return (0, offset) }
        defer { try? handle.close() }
        var position = offset
        var count = 0
        do {
            try handle.seek(toOffset: offset)
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                count += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                position += UInt64(chunk.count)
            }
        } catch {
            return (count, position)
        }
        return (count, position)
    }
}
