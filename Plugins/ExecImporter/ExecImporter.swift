internal import Foundation
internal import Logging
public import MusterCore

/// Runs an external command — a *tap*, written in any language — once per matched file and
/// reads records from its standard output as `muster-exec/1` lines (docs/exec-protocol.md),
/// so an office can plug in a new source without rebuilding muster.
///
/// The command runs directly (no shell) in its own process group, with the matched file's
/// absolute path as its last argument (or wherever an argument says `{file}`). Its output
/// is streamed line by line with at most one line in memory; its standard error is drained
/// as it comes and logged, clipped and masked. A line muster cannot read is a rejected
/// record with its output line; a command that fails, hangs or speaks another protocol
/// stops that file with an error naming the command, after the records read so far.
public struct ExecImporter: Importer {
    /// `exec`, with every option documented for `muster importers`.
    public static let descriptor = ImporterDescriptor(
        id: "exec",
        summary: "Runs a command per matched file and reads muster-exec/1 NDJSON records from its stdout (docs/exec-protocol.md)",
        fileTypes: ["*"],
        options: [
            OptionDescriptor(
                "command", type: "[\"string\"]",
                summary: "Required. The program, then its arguments, run without a shell; a relative program path is relative to "
                    + "pipeline.json's folder, a bare name is looked up in PATH. The matched file's absolute path replaces "
                    + "\"{file}\" in any argument, else is appended as the last argument"
            ),
            OptionDescriptor(
                "workingDirectory", type: "string", default: "null",
                summary: "The folder the command runs in, relative to pipeline.json's folder; null is that folder"
            ),
            OptionDescriptor(
                "environment", type: "object", default: "{}",
                summary: "Variables added to muster's environment for the command (MUSTER_FILE, MUSTER_SOURCE_ID and "
                    + "MUSTER_PROTOCOL are always set)"
            ),
            OptionDescriptor(
                "timeoutSeconds", type: "number", default: "300",
                summary: "The longest one run may take (0.001–86400); then its process group is stopped and the file fails"
            ),
            OptionDescriptor(
                "idleTimeoutSeconds", type: "number", default: "null",
                summary: "Stop the command when it writes nothing on stdout or stderr for this long; null never does"
            ),
        ]
    )

    /// The options this importer was built from.
    public let options: Options
    /// Output lines longer than this are rejected unread (16 MiB; lower in tests).
    package let maximumLineLength: Int

    /// The default cap on one output line: 16 MiB.
    package static let defaultMaximumLineLength = 16 * 1024 * 1024

    /// Builds the importer, refusing memberwise options pipeline.json decoding would refuse.
    public init(options: Options) throws {
        try self.init(options: options, maximumLineLength: Self.defaultMaximumLineLength)
    }

    /// Builds the importer with another output line cap, so tests need not write 16 MiB lines.
    package init(options: Options, maximumLineLength: Int) throws {
        guard let program = options.command.first, !program.isEmpty else {
            throw MusterError(.usage, "command: expected \(Options.commandExpectation)")
        }
        for seconds in [options.timeoutSeconds, options.idleTimeoutSeconds ?? 1] where !Options.secondsRange.contains(seconds) {
            throw MusterError(.usage, "timeouts: expected a number between 0.001 and 86400, found \(seconds)")
        }
        if let name = options.environment.keys.sorted().first(where: { !Options.isVariableName($0) }) {
            throw MusterError(.usage, "environment: \"\(name)\" is not a variable name made of letters, digits and _")
        }
        self.options = options
        self.maximumLineLength = max(1, maximumLineLength)
    }

    /// Runs the command for `file`, emitting its records in batches as they arrive.
    public func read(_ file: SourceFile, context: ImportContext, emit: ([SourceRecord]) throws -> Void) throws {
        let invocation = try Invocation(options: options, file: file, sourceID: context.sourceID, inherited: ProcessInfo.processInfo.environment)
        let program = invocation.program
        let child: ChildProcess
        do {
            child = try ChildProcess.spawn(
                executable: invocation.executable, arguments: invocation.arguments,
                environment: invocation.environment, directory: invocation.directory
            )
        } catch {
            throw MusterError(.unreadableInput, "cannot start command \"\(program)\": \(error.text)", location: file.path)
        }
        defer { child.stop() }

        var reader = OutputReader(file: file, context: context, program: program, maximumLineLength: maximumLineLength)
        var lines = LineSplitter(maximumLength: maximumLineLength)
        var stderr = StderrCapture()
        var batch = BatchBuffer(capacity: context.batchSize)
        let supervisor = CommandSupervisor(timeout: .seconds(options.timeoutSeconds), idleTimeout: options.idleTimeoutSeconds.map { .seconds($0) })
        let end: CommandSupervisor.End
        do {
            end = try supervisor.run(child) { chunk in
                try lines.feed(chunk) { line in
                    if let record = try reader.read(line) { try batch.append(record, emit: emit) }
                }
            } stderr: {
                stderr.feed($0)
            }
            if case .finished = end, let last = lines.finish(), let record = try reader.read(last) {
                try batch.append(record, emit: emit)
            }
        } catch let mismatch as ProtocolMismatch {
            child.stop()
            log(stderr, of: program, file: file, failed: true, context: context)
            throw MusterError(.unreadableInput, "command \"\(program)\" \(mismatch.message)", location: file.path, underlying: mismatch)
        }
        child.stop()
        try batch.flush(emit: emit)

        let failure = Self.failure(end, program: program, lines: reader.lineNumber, options: options)
        log(stderr, of: program, file: file, failed: failure != nil, context: context)
        if let failure { throw MusterError(.unreadableInput, failure, location: file.path) }
    }

    /// What went wrong, worded for the operator, or nil for a clean exit.
    static func failure(_ end: CommandSupervisor.End, program: String, lines: Int, options: Options) -> String? {
        let read = "after \(lines) output line\(lines == 1 ? "" : "s")"
        switch end {
        case .finished(.exited(0)):
            return nil
        case .finished(.exited(let status)):
            return "command \"\(program)\" exited with status \(status) \(read); the records before it were kept"
        case .finished(.signaled(let signal)):
            return "command \"\(program)\" was killed by signal \(signal) \(read); the records before it were kept"
        case .timedOut:
            return "command \"\(program)\" did not finish within \(seconds(options.timeoutSeconds)) and was stopped \(read)"
        case .idle:
            return "command \"\(program)\" wrote nothing for \(seconds(options.idleTimeoutSeconds ?? 0)) and was stopped \(read)"
        }
    }

    /// `300 s`, `0.5 s`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e9 ? "\(Int(value)) s" : "\(value) s"
    }

    /// Logs what the command wrote on stderr: as a warning when the run failed (that is where
    /// the reason is), else at info; clipped, masked, at most a few lines.
    private func log(_ stderr: StderrCapture, of program: String, file: SourceFile, failed: Bool, context: ImportContext) {
        var capture = stderr
        capture.finish()
        guard capture.lineCount > 0 else { return }
        let level: Logger.Level = failed ? .warning : .info
        context.logger.log(level: level, "\(file.path): \(program) wrote \(capture.lineCount) line(s), \(capture.byteCount) bytes on stderr")
        for line in capture.summary {
            context.logger.log(level: level, "\(file.path): \(program) stderr: \(line)")
        }
    }
}
