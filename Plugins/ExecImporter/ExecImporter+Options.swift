import MusterCore

extension ExecImporter {
    /// The command to run for each matched file, where, with what environment, and for how long.
    ///
    /// Only `command` is required; relative paths are relative to pipeline.json's folder.
    public struct Options: Decodable, Sendable {
        /// The program, then its arguments; run directly, never through a shell. An argument
        /// holding `{file}` gets the matched file's absolute path there; with none, the path
        /// is appended as the last argument.
        public var command: [String]
        /// The folder the command runs in; nil runs it in pipeline.json's folder.
        public var workingDirectory: String?
        /// Variables added to (or replacing) muster's own environment for the command.
        public var environment: [String: String]
        /// The longest one run of the command may take before it is stopped.
        public var timeoutSeconds: Double
        /// Stop the command when it writes nothing (stdout or stderr) for this long; nil never does.
        public var idleTimeoutSeconds: Double?

        /// Options in code (tests, embedding); every argument but `command` defaults as in pipeline.json.
        public init(
            command: [String],
            workingDirectory: String? = nil,
            environment: [String: String] = [:],
            timeoutSeconds: Double = 300,
            idleTimeoutSeconds: Double? = nil
        ) {
            self.command = command
            self.workingDirectory = workingDirectory
            self.environment = environment
            self.timeoutSeconds = timeoutSeconds
            self.idleTimeoutSeconds = idleTimeoutSeconds
        }

        private enum CodingKeys: String, CodingKey {
            case command, workingDirectory, environment, timeoutSeconds, idleTimeoutSeconds
        }

        /// The range both timeouts accept: a millisecond to a day.
        static let secondsRange: ClosedRange<Double> = 0.001...86_400
        static let commandExpectation = #"a non-empty array of strings: the program, then its arguments, no shell (["python3", "taps/sms.py"])"#

        /// Decodes from pipeline.json, so `muster check` reports a command written as one
        /// shell string, an empty program or a bad timeout before anything runs.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if (try? container.decode(String.self, forKey: .command)) != nil {
                throw DecodingError.dataCorruptedError(forKey: .command, in: container, debugDescription: Self.commandExpectation)
            }
            let command = try container.decode([String].self, forKey: .command)
            guard let program = command.first, !program.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: .command, in: container, debugDescription: Self.commandExpectation)
            }
            self.init(command: command)
            if try Self.isSet(.workingDirectory, in: container) {
                let folder = try container.decode(String.self, forKey: .workingDirectory)
                guard !folder.isEmpty else {
                    throw DecodingError.dataCorruptedError(forKey: .workingDirectory, in: container, debugDescription: "a folder path")
                }
                workingDirectory = folder
            }
            if try Self.isSet(.environment, in: container) {
                let nested = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .environment)
                for key in nested.allKeys {
                    guard Self.isVariableName(key.stringValue) else {
                        // Names the key, never the value (values are often tokens).
                        let expectation = "variable names made of letters, digits and _ (\"\(key.stringValue)\" is not one)"
                        throw DecodingError.dataCorrupted(.init(codingPath: nested.codingPath, debugDescription: expectation))
                    }
                    environment[key.stringValue] = try nested.decode(String.self, forKey: key)
                }
            }
            if try Self.isSet(.timeoutSeconds, in: container) {
                timeoutSeconds = try container.decode(Double.self, forKey: .timeoutSeconds, in: Self.secondsRange)
            }
            if try Self.isSet(.idleTimeoutSeconds, in: container) {
                idleTimeoutSeconds = try container.decode(Double.self, forKey: .idleTimeoutSeconds, in: Self.secondsRange)
            }
        }

        /// True when the key is present with a non-null value (null means "use the default").
        private static func isSet(_ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>) throws -> Bool {
            guard container.contains(key) else { return false }
            return try !container.decodeNil(forKey: key)
        }

        /// A portable environment variable name: `[A-Za-z_][A-Za-z0-9_]*`.
        static func isVariableName(_ name: String) -> Bool {
            guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
            return name.utf8.allSatisfy { byte in
                byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
        }
    }
}
