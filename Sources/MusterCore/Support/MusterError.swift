/// The error muster's modules throw when a whole run or file must stop: a code to branch
/// on, a message saying what happened and what to do, the place, and the cause.
///
/// Messages never hold record values (names, NIK, phones, emails).
public struct MusterError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure; the CLI maps codes to exit statuses.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Value: String, Sendable {
            case unreadableInput, invalidCheckpoint, stageFailed, locked, unbalanced, registry, io, duplicateRegistration, usage
        }

        fileprivate var value: Value

        /// A file could not be opened or parsed at all.
        public static let unreadableInput = Code(value: .unreadableInput)
        /// A saved checkpoint is missing, truncated or from another pipeline.
        public static let invalidCheckpoint = Code(value: .invalidCheckpoint)
        /// A stage broke its contract or failed.
        public static let stageFailed = Code(value: .stageFailed)
        /// Another run holds the work directory or registry.
        public static let locked = Code(value: .locked)
        /// The reconciliation failed: records in ≠ accepted + quarantined.
        public static let unbalanced = Code(value: .unbalanced)
        /// The registry database failed.
        public static let registry = Code(value: .registry)
        /// Reading or writing a file failed.
        public static let io = Code(value: .io)
        /// Two importers or stages share an id.
        public static let duplicateRegistration = Code(value: .duplicateRegistration)
        /// The command was asked for something that cannot be done (no earlier run to resume).
        public static let usage = Code(value: .usage)

        public var description: String { value.rawValue }
    }

    public var code: Code
    public var message: String
    /// Where: `samples/signups.csv:14:3`, `stage dedupe`, a run id.
    public var location: String?
    public var underlying: (any Error)?

    public init(_ code: Code, _ message: String, location: String? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.underlying = underlying
    }

    public var description: String {
        location.map { "\($0): \(message)" } ?? message
    }

    /// The error and its causes, one per line, for `--verbose`.
    public func detailedDescription() -> String {
        var lines = ["\(description) [\(code)]"]
        var cause = underlying
        var depth = 1
        while let current = cause {
            lines.append(String(repeating: "  ", count: depth) + "caused by: \(current)")
            cause = (current as? MusterError)?.underlying
            depth += 1
        }
        return lines.joined(separator: "\n")
    }
}
