internal import Synchronization

/// Warnings and file-level errors gathered during a run, shared by the stages of one run
/// and read by the runner for the summary. Thread-safe: a mutex guards the list.
public final class Diagnostics: Sendable {
    /// One message for the run summary.
    public struct Entry: Sendable, Hashable, Codable {
        public enum Severity: String, Sendable, Hashable, Codable {
            case info
            case warning
            case error
        }

        public var severity: Severity
        public var stage: String
        public var message: String

        public init(severity: Severity, stage: String, message: String) {
            self.severity = severity
            self.stage = stage
            self.message = message
        }
    }

    private let entries = Mutex<[Entry]>([])

    public init() {}

    /// Something the operator should see in the summary (where the registry was written).
    public func info(_ message: String, stage: String) {
        entries.withLock { $0.append(Entry(severity: .info, stage: stage, message: message)) }
    }

    public func warning(_ message: String, stage: String) {
        entries.withLock { $0.append(Entry(severity: .warning, stage: stage, message: message)) }
    }

    /// A problem that makes the run fail at its end (an unreadable file), without stopping
    /// the other files.
    public func error(_ message: String, stage: String) {
        entries.withLock { $0.append(Entry(severity: .error, stage: stage, message: message)) }
    }

    public var all: [Entry] { entries.withLock { $0 } }
}
