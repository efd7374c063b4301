import ExecImporter
import Foundation
import Logging
import MusterCore
import MusterTesting
import Synchronization

/// Runs commands through the exec importer for tests: the records, the error, the log.
struct ExecHarness {
    var importer: ExecImporter
    let log = LogCapture()

    init(_ options: ExecImporter.Options, maximumLineLength: Int = ExecImporter.defaultMaximumLineLength) throws {
        importer = try ExecImporter(options: options, maximumLineLength: maximumLineLength)
    }

    /// A command `sh -c SCRIPT` (the matched file's path arrives as `$1`).
    init(shell script: String, timeoutSeconds: Double = 20, idleTimeoutSeconds: Double? = nil, environment: [String: String] = [:]) throws {
        try self.init(
            .init(
                command: ["/bin/sh", "-c", script, "sh"], environment: environment,
                timeoutSeconds: timeoutSeconds, idleTimeoutSeconds: idleTimeoutSeconds
            ))
    }

    var context: ImportContext { ImportContext(sourceID: "exec-test", batchSize: 512, logger: log.logger) }

    /// Every record, and the error that ended the read (nil when it ended cleanly).
    func read(_ file: SourceFile, batchSize: Int = 512) -> (records: [SourceRecord], error: MusterError?) {
        var records: [SourceRecord] = []
        var context = self.context
        context.batchSize = batchSize
        do {
            try importer.read(file, context: context) { records += $0 }
            return (records, nil)
        } catch let error as MusterError {
            return (records, error)
        } catch {
            return (records, MusterError(.io, "unexpected error type: \(error)"))
        }
    }
}

/// A folder with one dummy input file, whose recorded path is `inbox/input.txt`.
struct Workspace {
    let directory: TemporaryDirectory
    let input: SourceFile

    init(input text: String = "") throws {
        directory = try TemporaryDirectory("muster-exec")
        input = SourceFile(path: "inbox/input.txt", absolutePath: try directory.write("inbox/input.txt", text))
    }

    /// A file under the workspace, recorded relative to it (as pipeline.json's folder).
    func file(_ name: String, _ text: String) throws -> SourceFile {
        SourceFile(path: name, absolutePath: try directory.write(name, text))
    }

    func remove() { directory.remove() }
}

/// Collects log messages so tests can assert what reached the log and what did not.
final class LogCapture: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
    }

    private let storage = Mutex<[Entry]>([])

    var entries: [Entry] { storage.withLock { $0 } }
    var messages: [String] { entries.map(\.message) }

    var logger: Logger {
        let capture = self
        var logger = Logger(label: "exec-test") { _ in Handler(capture: capture) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ entry: Entry) { storage.withLock { $0.append(entry) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.append(Entry(level: event.level, message: "\(event.message)"))
        }
    }
}

/// Shell-quotes NDJSON lines for `printf '%s\n' …`.
func printfLines(_ lines: [String]) -> String {
    "printf '%s\\n' " + lines.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
}

let hello = #"{"type":"hello","protocol":"muster-exec/1"}"#
