internal import ContentHash
internal import Logging
import MusterCore

/// Turns a command's output lines into records under the `muster-exec/1` protocol: checks
/// the `hello` line, builds records with provenance, rejects what it cannot read with the
/// output line, and forwards `log` lines to muster's log.
struct OutputReader {
    let file: SourceFile
    let context: ImportContext
    /// The program as pipeline.json names it, for log lines.
    let program: String
    let maximumLineLength: Int

    private(set) var lineNumber = 0
    private(set) var sawHello = false
    /// Locators the command chose, with the line that used each first (duplicates are rejected).
    private var locators: [String: Int] = [:]

    init(file: SourceFile, context: ImportContext, program: String, maximumLineLength: Int) {
        self.file = file
        self.context = context
        self.program = program
        self.maximumLineLength = maximumLineLength
    }

    /// The record for one output line, or nil for a blank, `hello` or `log` line. Throws only
    /// when the output is not this protocol at all (no `hello` first, or another version).
    mutating func read(_ line: LineSplitter.Line) throws(ProtocolMismatch) -> SourceRecord? {
        lineNumber += 1
        let number = lineNumber
        let automatic = "line:\(number)"
        switch line {
        case .overlong(let length, let contentHash):
            if !sawHello { throw ProtocolMismatch.noHello(line: number) }
            let provenance = Provenance(sourceID: context.sourceID, file: file.path, locator: automatic, contentHash: contentHash)
            let limit = maximumLineLength % (1024 * 1024) == 0 ? "\(maximumLineLength / (1024 * 1024)) MiB" : "\(maximumLineLength)-byte"
            let message = "line is \(length) bytes, over the \(limit) limit; not read"
            return .rejected(provenance, reason: Rejection(message: message, position: "output line \(number)"))
        case .text(var bytes):
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
            return try read(bytes, number: number, automatic: automatic)
        }
    }

    private mutating func read(_ bytes: ArraySlice<UInt8>, number: Int, automatic: String) throws(ProtocolMismatch) -> SourceRecord? {
        let parsed: ProtocolLine
        var raw: String { String(decoding: bytes, as: UTF8.self) }
        let position = "output line \(number)"
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            if !sawHello { throw .noHello(line: number) }
            let rejection = Rejection(message: error.message, position: "\(position), column \(error.column)")
            return .rejected(context.provenance(file: file, locator: automatic, content: bytes), reason: rejection, raw: raw)
        }
        do {
            parsed = try ProtocolLine(value)
        } catch {
            if !sawHello { throw .noHello(line: number) }
            let rejection = Rejection(message: error.message, position: position)
            return .rejected(context.provenance(file: file, locator: automatic, content: bytes), reason: rejection, raw: raw)
        }
        if case .hello(let version, let tap) = parsed {
            guard !sawHello else {
                let rejection = Rejection(message: "hello: only the first line may be a hello", position: position)
                return .rejected(context.provenance(file: file, locator: automatic, content: bytes), reason: rejection, raw: raw)
            }
            guard version == ProtocolLine.version else { throw .unsupported(version: LogText.clip(version, to: 40)) }
            sawHello = true
            context.logger.debug("\(file.path): \(program) speaks \(version)\(tap.map { " (tap \(LogText.scrub($0, limit: 80)))" } ?? "")")
            return nil
        }
        guard sawHello else { throw .noHello(line: number) }
        switch parsed {
        case .hello:
            return nil
        case .log(let level, let message):
            context.logger.log(level: level, "\(file.path): \(program): \(LogText.scrub(message))")
            return nil
        case .error(let message, let locator, let rawText):
            let claimed = claim(locator, number: number)
            let provenance = context.provenance(file: file, locator: claimed.locator, content: bytes)
            let text = claimed.problem ?? "the command could not read this record: " + LogText.scrub(message)
            return .rejected(provenance, reason: Rejection(message: text, position: position), raw: rawText ?? raw)
        case .record(let line):
            let claimed = claim(line.locator, number: number)
            let provenance = context.provenance(file: file, locator: claimed.locator, content: bytes)
            if let problem = claimed.problem {
                return .rejected(provenance, reason: Rejection(message: problem, position: position), raw: raw)
            }
            return SourceRecord(provenance: provenance, kind: line.kind, fields: line.fields, extras: line.extras, enrollments: line.enrollments)
        }
    }

    /// The locator a line gets: the command's own when given and unused, else `line:N`
    /// with the reason it could not be used.
    private mutating func claim(_ locator: String?, number: Int) -> (locator: String, problem: String?) {
        guard let locator else { return ("line:\(number)", nil) }
        if let first = locators[locator] {
            return ("line:\(number)", "locator \"\(LogText.clip(locator, to: 80))\" was already used on output line \(first)")
        }
        locators[locator] = number
        return (locator, nil)
    }
}

/// The command's output is not `muster-exec/1`: the whole run is unreadable.
enum ProtocolMismatch: Error {
    /// The first non-blank line was not a hello (line number given).
    case noHello(line: Int)
    /// The hello named another protocol version.
    case unsupported(version: String)

    var message: String {
        switch self {
        case .noHello(let line):
            "output line \(line): expected the hello line {\"type\":\"hello\",\"protocol\":\"\(ProtocolLine.version)\"} before anything else"
        case .unsupported(let version):
            "speaks protocol \"\(version)\"; this muster reads \(ProtocolLine.version)"
        }
    }
}
