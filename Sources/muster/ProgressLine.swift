internal import Foundation
internal import MusterPipeline
internal import Synchronization

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Shows a run's progress on a terminal: records and rate per stage, rewritten in place on
/// standard error twice a second, from the runner's ``RunProgress``. Only when standard
/// error is a terminal; a cron log never sees it.
final class ProgressLine: Sendable {
    static let shared = ProgressLine()

    private struct State {
        var shown = false
        var running = false
    }

    private let state = Mutex(State())

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Shows `progress` until `stop()`.
    func start(_ progress: RunProgress) {
        guard Self.isTerminal else { return }
        state.withLock { $0.running = true }
        let thread = Thread { [self] in
            var last = (date: Date(), counts: [String: Int]())
            while state.withLock({ $0.running }) {
                Thread.sleep(forTimeInterval: 0.5)
                let now = Date()
                let stages = progress.snapshot.filter { $0.records > 0 || $0.finished }
                guard !stages.isEmpty else { continue }
                let seconds = now.timeIntervalSince(last.date)
                let parts = stages.map { stage in
                    let rate = seconds > 0 ? Double(stage.records - (last.counts[stage.name] ?? 0)) / seconds : 0
                    return "\(stage.name) \(stage.records)" + (!stage.finished && rate > 0 ? " (\(Int(rate))/s)" : "")
                }
                last = (now, Dictionary(stages.map { ($0.name, $0.records) }, uniquingKeysWith: { $1 }))
                state.withLock { $0.shown = true }
                FileHandle.standardError.write(Data(("\r\u{1B}[K" + parts.joined(separator: " │ ")).utf8))
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
}
